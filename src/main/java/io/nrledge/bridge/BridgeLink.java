package io.nrledge.bridge;

import io.nrledge.io.EventKind;
import io.nrledge.io.EventSink;
import io.nrledge.io.IoStatus;
import io.nrledge.io.NanoClock;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The host side of one bridge session ({@code firmware-bridge/PROTOCOL.md}): a reader thread that
 * decodes frames into preallocated state (the latest sample behind a sequence lock, events posted
 * to the sink, counters), and a writer thread that owns the sequence numbers and sends the control
 * thread's commands, heartbeats, HELLO and CONFIG. It declares the link lost after the failsafe
 * timeout without a valid frame and reopens a failed port.
 *
 * <p>The control-thread methods ({@link #readSample}, {@link #sendCommand}, {@link #sendReset})
 * never block, lock, throw or allocate. {@link #connect} and {@link #close} are not real-time safe.
 */
public final class BridgeLink implements AutoCloseable {
  static final long HEARTBEAT_NS = 250_000_000L;
  static final long HELLO_RETRY_NS = 250_000_000L;
  static final long REOPEN_NS = 500_000_000L;
  private static final long OFFSET_WINDOW_NS = 1_000_000_000L;
  private static final int RING_CAPACITY = 64;
  private static final long JOIN_MS = 2_000;
  private static final int WRITE_ATTEMPTS = 50;

  private final BridgeSettings settings;
  private final SerialLink link;
  private final NanoClock clock;
  private final BridgeCounters counters = new BridgeCounters();
  private final FrameDecoder decoder = new FrameDecoder();
  private final FrameEncoder encoder = new FrameEncoder();
  private final CommandRing commands = new CommandRing(RING_CAPACITY);
  private final ConcurrentLinkedQueue<byte[]> serviceQueue = new ConcurrentLinkedQueue<>();
  private final LinkedBlockingQueue<long[]> noiseReplies = new LinkedBlockingQueue<>();
  private final byte[] readBuffer = new byte[512];
  private final byte[] heartbeat = new byte[13];
  private final byte[] config = new byte[7];

  // latest sample, written by the reader under a sequence lock
  private final double[] sample;
  private volatile long sampleVersion;
  private volatile long sampleArrivalNs;
  private volatile int sampleEpisode;
  private volatile boolean mcuFailsafe;

  // link state
  private volatile boolean running;
  private volatile boolean linkUp;
  private volatile long lastFrameNs;
  private volatile boolean helloWanted = true;
  private volatile boolean configWanted;
  private volatile boolean configured;
  private volatile String helloSummary = "none";
  private volatile int helloSensors = -1;
  private volatile int helloActuators = -1;
  private volatile int helloBoard = -1;
  private volatile String lastOpenError = "";

  // events
  private volatile EventSink sink;
  private volatile boolean eventsActive;
  private volatile EventMapping eventMapping = EventMapping.NONE;
  private final int[] edgeCounts = new int[256];
  private final boolean[] edgeSeen = new boolean[256];

  // reader-thread state
  private int peerSeq = -1;
  private boolean mcuTimeKnown;
  private long mcuNowUs;
  private long offsetNs;
  private long windowMinOffsetNs = Long.MAX_VALUE;
  private long windowStartNs;
  private boolean opened;

  // writer-thread state
  private int txSeq;
  private int shortWrites;

  private Thread reader;
  private Thread writer;

  /** Not real-time safe. {@code clock} stamps arrivals and events: the control loop's clock. */
  public BridgeLink(BridgeSettings settings, SerialLink link, NanoClock clock) {
    this.settings = settings;
    this.link = link;
    this.clock = clock;
    this.sample = new double[settings.sensors()];
    Bytes.put32(config, 0, settings.samplePeriodUs());
    Bytes.put16(config, 4, settings.failsafeTimeoutMs());
    config[6] = (byte) settings.plant();
  }

  public BridgeSettings settings() {
    return settings;
  }

  public BridgeCounters counters() {
    return counters;
  }

  /** Where events go once {@link #eventsActive(boolean)} is on. Not real-time safe. */
  public void connectSink(EventSink sink) {
    this.sink = sink;
  }

  /** What EVENT frames mean per input channel, replacing the firmware's kind and value. Not real-time safe. */
  public void mapEvents(EventMapping mapping) {
    this.eventMapping = mapping;
  }

  public void eventsActive(boolean active) {
    this.eventsActive = active;
  }

  /**
   * Starts the threads and waits until the MCU has answered with a HELLO showing the wanted
   * configuration and channel counts. Not real-time safe.
   *
   * @throws IllegalStateException with one clear line when it does not within the connect timeout
   */
  public void connect() {
    if (running) {
      return;
    }
    running = true;
    reader = new Thread(this::readLoop, "nrl-bridge-reader");
    writer = new Thread(this::writeLoop, "nrl-bridge-writer");
    reader.setDaemon(true);
    writer.setDaemon(true);
    reader.start();
    writer.start();
    long deadline = System.nanoTime() + settings.connectTimeoutNs();
    while (!configured && System.nanoTime() - deadline < 0) {
      sleepMs(5);
    }
    if (!configured) {
      String why = helloBoard < 0
          ? "no HELLO from " + link.name() + (lastOpenError.isEmpty() ? "" : " (" + lastOpenError + ")")
          : "it did not take the configuration (last HELLO: " + helloSummary + ")";
      close();
      throw new IllegalStateException("bridge: " + why + " within " + settings.connectTimeoutNs() / 1_000_000 + " ms");
    }
    if (helloSensors != settings.sensors() || helloActuators != settings.actuators()) {
      close();
      throw new IllegalStateException("bridge: " + link.name() + " has " + helloSensors + " sensor and " + helloActuators
          + " actuator channels, the profile " + settings.sensors() + " and " + settings.actuators());
    }
  }

  /** Whether a valid frame arrived within the failsafe timeout. Any thread. */
  public boolean linkUp() {
    return linkUp;
  }

  /** The latest HELLO, in words, for reports. */
  public String hello() {
    return helloSummary;
  }

  /** The MCU reported its failsafe engaged in its latest sample or heartbeat. */
  public boolean mcuFailsafe() {
    return mcuFailsafe;
  }

  /** The episode number of the latest sample (counts RESET_EPISODEs, mod 256). */
  public int sampleEpisode() {
    return sampleEpisode;
  }

  /**
   * Copies the latest sample into {@code out[0, sensors)}: OK, or TIMEOUT when the link is lost or
   * the sample is older than the failsafe timeout. Real-time safe.
   */
  public IoStatus readSample(double[] out) {
    if (!linkUp || clock.nanoTime() - sampleArrivalNs > settings.failsafeTimeoutNs()) {
      return IoStatus.TIMEOUT;
    }
    for (int attempt = 0; attempt < 8; attempt++) {
      long before = sampleVersion;
      if ((before & 1) == 0) {
        System.arraycopy(sample, 0, out, 0, sample.length);
        VarHandle.acquireFence();
        if (sampleVersion == before) {
          return IoStatus.OK;
        }
      }
      Thread.onSpinWait();
    }
    return IoStatus.TIMEOUT;
  }

  /**
   * Queues one ACTUATOR_COMMAND (values in units, sent as thousandths; {@code safe} sets the SAFE
   * flag). OK when queued; FAILED when the link is lost (unless safe) or the queue is full. Real-time safe.
   */
  public IoStatus sendCommand(double[] values, boolean safe) {
    if (!safe && !linkUp) {
      return IoStatus.FAILED;
    }
    byte[] p = commands.claim();
    if (p == null) {
      counters.increment(BridgeCounter.FRAMES_DROPPED);
      return IoStatus.FAILED;
    }
    int n = settings.actuators();
    p[0] = (byte) (safe ? BridgeProtocol.FLAG_SAFE : 0);
    for (int c = 0; c < n; c++) {
      Bytes.put32(p, 1 + 4 * c, safe ? 0 : thousandths(values[c]));
    }
    commands.publish(BridgeProtocol.ACTUATOR_COMMAND, 1 + 4 * n);
    LockSupport.unpark(writer);
    return IoStatus.OK;
  }

  /** Queues a RESET_EPISODE. Real-time safe. */
  public void sendReset() {
    if (commands.claim() == null) {
      counters.increment(BridgeCounter.FRAMES_DROPPED);
      return;
    }
    commands.publish(BridgeProtocol.RESET_EPISODE, 0);
    LockSupport.unpark(writer);
  }

  static int thousandths(double v) {
    if (!(v == v)) {
      return 0;
    }
    return (int) Math.round(Math.max(-1_000_000, Math.min(1_000_000, v)) * 1000);
  }

  /**
   * Runs the MCU's noise source: seeds it with {@code seed} and returns the first {@code count}
   * words as {@code {index, word, gaussianK, rademacherK}} rows. For tests and diagnostics, not
   * real-time safe (allocates, waits at most {@code timeoutMs} per reply).
   */
  public long[][] noise(long seed, int count, long timeoutMs) throws InterruptedException {
    noiseReplies.clear();
    byte[] seedMsg = new byte[2 + 8];
    seedMsg[0] = BridgeProtocol.NOISE_SEED;
    seedMsg[1] = 8;
    Bytes.put64(seedMsg, 2, seed);
    serviceQueue.add(seedMsg);
    long[][] rows = new long[count][];
    int got = 0;
    while (got < count) {
      int ask = Math.min(BridgeProtocol.MAX_NOISE_WORDS, count - got);
      serviceQueue.add(new byte[] {BridgeProtocol.NOISE_NEXT, 1, (byte) ask});
      LockSupport.unpark(writer);
      for (int i = 0; i < ask; i++) {
        long[] row = noiseReplies.poll(timeoutMs, TimeUnit.MILLISECONDS);
        if (row == null) {
          throw new IllegalStateException("bridge: no NOISE_WORDS within " + timeoutMs + " ms after " + got + " words; "
              + counters.toMap());
        }
        rows[got++] = row;
      }
    }
    return rows;
  }

  /** Stops both threads (the writer sends what is queued first) and closes the port. Idempotent. */
  @Override
  public void close() {
    running = false;
    join(writer);
    join(reader);
    link.close();
  }

  private static void join(Thread t) {
    if (t == null) {
      return;
    }
    LockSupport.unpark(t);
    try {
      t.join(JOIN_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepMs(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- reader thread

  private void readLoop() {
    long lastOpenNs = clock.nanoTime() - REOPEN_NS;
    while (running) {
      long now = clock.nanoTime();
      if (!link.isOpen()) {
        if (now - lastOpenNs >= REOPEN_NS) {
          lastOpenNs = now;
          if (link.open()) {
            lastOpenError = "";
            decoder.reset();
            peerSeq = -1;
            helloWanted = true;
            if (opened) {
              counters.increment(BridgeCounter.RECONNECTS);
            }
            opened = true;
          } else {
            lastOpenError = link.lastError();
          }
        }
        checkLinkTimeout(now);
        if (!link.isOpen()) {
          LockSupport.parkNanos(10_000_000L);
        }
        continue;
      }
      int n = link.read(readBuffer);
      now = clock.nanoTime();
      if (n < 0) {
        link.close();
        continue;
      }
      for (int i = 0; i < n; i++) {
        int r = decoder.accept(readBuffer[i]);
        if (r == BridgeProtocol.OK) {
          onFrame(now);
        } else if (r != BridgeProtocol.NONE) {
          counters.rejected(r);
        }
      }
      checkLinkTimeout(now);
    }
  }

  private void checkLinkTimeout(long now) {
    if (linkUp && now - lastFrameNs > settings.failsafeTimeoutNs()) {
      linkUp = false;
      counters.increment(BridgeCounter.FAILSAFE_EVENTS);
    }
  }

  private void onFrame(long now) {
    int type = decoder.type();
    int seq = decoder.seq();
    boolean peerReset = type == BridgeProtocol.HELLO && seq == 0 && decoder.length() > 0;
    if (peerSeq >= 0 && !peerReset) {
      int d = (seq - peerSeq - 1) & 0xFF;
      if (seq != 0 && seq <= peerSeq && d > 0) {
        d--; // the MCU wraps from 255 to 1
      }
      if (d >= 128) {
        counters.increment(BridgeCounter.DUPLICATES);
        return;
      }
      if (d > 0) {
        counters.add(BridgeCounter.SEQUENCE_GAPS, d);
      }
    } else if (peerReset && peerSeq >= 0) {
      counters.increment(BridgeCounter.PEER_RESETS);
    }
    if (peerReset) {
      mcuTimeKnown = false;
      java.util.Arrays.fill(edgeSeen, false);
    }
    peerSeq = seq;
    switch (type) {
      case BridgeProtocol.HELLO -> onHello();
      case BridgeProtocol.SENSOR_SAMPLE -> onSample(now);
      case BridgeProtocol.EVENT -> onEvent(now);
      case BridgeProtocol.HEARTBEAT -> {
        counters.mcuHeartbeat(decoder.u16(5), decoder.u16(7), decoder.u16(9), decoder.u16(11));
        mcuFailsafe = (decoder.u8(4) & BridgeProtocol.FLAG_FAILSAFE) != 0;
      }
      case BridgeProtocol.ERROR -> counters.increment(BridgeCounter.ERRORS_REPORTED);
      case BridgeProtocol.NOISE_WORDS -> onNoise();
      default -> {
        counters.rejected(BridgeProtocol.ERR_TYPE); // a type only the host sends
        return;
      }
    }
    counters.increment(BridgeCounter.FRAMES_RECEIVED);
    lastFrameNs = now;
    linkUp = true;
  }

  private void onHello() {
    if (decoder.length() != 11) {
      return;
    }
    helloBoard = decoder.u8(0);
    helloSensors = decoder.u8(2);
    helloActuators = decoder.u8(3);
    long periodUs = decoder.u32(4);
    int failsafeMs = decoder.u16(8);
    int plant = decoder.u8(10);
    helloSummary = "board " + helloBoard + ", firmware " + decoder.u8(1) + ", " + helloSensors + " sensors, "
        + helloActuators + " actuators, period " + periodUs + " us, failsafe " + failsafeMs + " ms, plant " + plant;
    boolean matches = periodUs == settings.samplePeriodUs() && failsafeMs == settings.failsafeTimeoutMs()
        && plant == settings.plant();
    configured = matches;
    configWanted = !matches;
    helloWanted = false;
    LockSupport.unpark(writer);
  }

  private long mcuTimeNs(long tsUs) {
    if (!mcuTimeKnown) {
      return Long.MIN_VALUE;
    }
    int delta = (int) (tsUs - (mcuNowUs & 0xFFFF_FFFFL));
    return (mcuNowUs + delta) * 1000 + offsetNs;
  }

  private void onSample(long now) {
    int n = (decoder.length() - 6) / 4;
    if (n != sample.length) {
      counters.rejected(BridgeProtocol.ERR_PAYLOAD);
      return;
    }
    long tsUs = decoder.u32(0);
    if (!mcuTimeKnown) {
      mcuTimeKnown = true;
      mcuNowUs = tsUs;
      offsetNs = now - tsUs * 1000;
      windowMinOffsetNs = offsetNs;
      windowStartNs = now;
    } else {
      mcuNowUs += (int) (tsUs - (mcuNowUs & 0xFFFF_FFFFL));
      long candidate = now - mcuNowUs * 1000;
      windowMinOffsetNs = Math.min(windowMinOffsetNs, candidate);
      offsetNs = Math.min(offsetNs, candidate);
      if (now - windowStartNs > OFFSET_WINDOW_NS) {
        offsetNs = windowMinOffsetNs; // lets the offset follow clock drift, once a second
        windowMinOffsetNs = Long.MAX_VALUE;
        windowStartNs = now;
      }
    }
    long v = sampleVersion;
    sampleVersion = v + 1;
    VarHandle.storeStoreFence();
    for (int c = 0; c < n; c++) {
      sample[c] = decoder.i32(6 + 4 * c) / 1000.0;
    }
    sampleVersion = v + 2;
    sampleEpisode = decoder.u8(4);
    mcuFailsafe = (decoder.u8(5) & BridgeProtocol.FLAG_FAILSAFE) != 0;
    sampleArrivalNs = now;
  }

  private void onEvent(long now) {
    int kind = decoder.u8(0);
    int channel = decoder.u8(1);
    int edges = decoder.u16(2);
    int fresh = edgeSeen[channel] ? (edges - edgeCounts[channel]) & 0xFFFF : 1;
    edgeSeen[channel] = true;
    edgeCounts[channel] = edges;
    long at = mcuTimeNs(decoder.u32(4));
    if (at == Long.MIN_VALUE || now - at < 0) {
      at = now;
    }
    double value = decoder.i32(8) / 1000.0;
    EventSink s = sink;
    if (!eventsActive || s == null || fresh == 0) {
      return;
    }
    EventMapping mapping = eventMapping;
    if (mapping.mapped(channel)) {
      if (mapping.terminal(channel)) {
        s.post(EventKind.TERMINAL, mapping.reward(channel), at);
      } else {
        s.post(EventKind.REWARD, mapping.reward(channel) * fresh, at);
      }
      return;
    }
    switch (kind) {
      case BridgeProtocol.EVENT_REWARD -> s.post(EventKind.REWARD, value * fresh, at);
      case BridgeProtocol.EVENT_TERMINAL -> s.post(EventKind.TERMINAL, value, at);
      case BridgeProtocol.EVENT_TRUNCATED -> s.post(EventKind.TRUNCATED, value, at);
      default -> counters.rejected(BridgeProtocol.ERR_PAYLOAD);
    }
  }

  private void onNoise() {
    long index = decoder.u32(0);
    int words = (decoder.length() - 4) / 10;
    for (int w = 0; w < words; w++) {
      int at = 4 + 10 * w;
      noiseReplies.add(new long[] {index + w, decoder.i64(at), (byte) decoder.u8(at + 8), (byte) decoder.u8(at + 9)});
    }
  }

  // ---------------------------------------------------------------- writer thread

  private void writeLoop() {
    long lastHelloNs = clock.nanoTime() - HELLO_RETRY_NS;
    long lastHeartbeatNs = clock.nanoTime();
    while (true) {
      long now = clock.nanoTime();
      boolean stopping = !running;
      if (!stopping) {
        if ((helloWanted || !linkUp) && now - lastHelloNs >= HELLO_RETRY_NS && link.isOpen()) {
          lastHelloNs = now;
          send(BridgeProtocol.HELLO, heartbeat, 0);
        }
        if (configWanted) {
          configWanted = false;
          send(BridgeProtocol.CONFIG, config, config.length);
        }
        if (now - lastHeartbeatNs >= HEARTBEAT_NS) {
          lastHeartbeatNs = now;
          Bytes.put32(heartbeat, 0, (int) (now / 1000));
          heartbeat[4] = 0;
          Bytes.put16(heartbeat, 5, saturate(counters.get(BridgeCounter.FAILSAFE_EVENTS)));
          Bytes.put16(heartbeat, 7, saturate(counters.get(BridgeCounter.CRC_ERRORS)));
          Bytes.put16(heartbeat, 9, saturate(counters.get(BridgeCounter.RESYNCS)));
          Bytes.put16(heartbeat, 11, saturate(counters.get(BridgeCounter.SEQUENCE_GAPS)));
          send(BridgeProtocol.HEARTBEAT, heartbeat, heartbeat.length);
        }
        byte[] service;
        while ((service = serviceQueue.poll()) != null) {
          System.arraycopy(service, 2, encoder.payload(), 0, service[1]);
          send(service[0], encoder.payload(), service[1]);
        }
      }
      int slot;
      boolean sent = false;
      while ((slot = commands.peek()) >= 0) {
        send(commands.type(slot), commands.payload(slot), commands.length(slot));
        commands.release();
        sent = true;
      }
      if (stopping) {
        return;
      }
      if (!sent) {
        LockSupport.parkNanos(1_000_000L);
      }
    }
  }

  private static int saturate(long v) {
    return (int) Math.min(0xFFFF, v);
  }

  private void send(int type, byte[] payload, int length) {
    int n = encoder.encode(type, txSeq, payload, length);
    int done = 0;
    for (int attempt = 0; attempt < WRITE_ATTEMPTS && done < n && link.isOpen(); attempt++) {
      int w = link.write(encoder.wire(), done, n - done);
      if (w < 0) {
        break;
      }
      done += w;
      if (done < n) {
        LockSupport.parkNanos(1_000_000L); // the device's queue is full: give it a millisecond
      }
    }
    if (done == n) {
      txSeq = (txSeq + 1) & 0xFF;
      counters.increment(BridgeCounter.FRAMES_SENT);
    } else {
      counters.increment(BridgeCounter.FRAMES_DROPPED);
      shortWrites++;
    }
  }
}
