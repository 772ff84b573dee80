package io.nrledge.io.pi4j;

import io.nrledge.io.IoStatus;
import io.nrledge.io.NanoClock;
import io.nrledge.io.SensorInput;
import io.nrledge.profiles.Hardware;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.tinylog.Logger;

/**
 * The sensors of a Pi4J board concatenated into one {@link SensorInput}, in profile order. Bus
 * and GPIO-level devices are sampled on the {@link IoThread}; the control thread's {@link #read}
 * only copies their latest samples (a sample older than the channel's max age is a timeout, a
 * failed bus transaction a failure, both naming the channel) and reads edge counters' atomics.
 * {@link #read} never allocates, blocks or throws.
 */
final class Pi4jSensors implements SensorInput {
  /** Without a {@code max-age}, a sample may be this many refresh intervals old. */
  static final int DEFAULT_MAX_AGE_REFRESHES = 5;
  /** Longer than an ADS1115 conversion at 860 samples/s (1.2 ms). */
  static final long ACTIVATION_PASS_GAP_NS = 2_000_000L;

  private final Pi4jPlatform platform;
  private final NanoClock clock;
  private final SampledDevice[] devices;
  private final int[] firstChannel;
  private final EdgeCounter[] counters;
  private final EdgeCounter[] counterAt;
  private final long[] maxAgeNs;
  private final String[] keyAt;
  private final boolean[] failing;
  private final SampleSlots slots;
  private IoThread io;
  private int failedChannel = -1;

  /**
   * {@code parts} in channel order.
   * Throws {@link Pi4jBoard.ConfigurationException} when a max age cannot be met. Not real-time safe.
   */
  Pi4jSensors(Pi4jPlatform platform, List<SensorPart> parts, long samplePeriodNs, NanoClock clock) {
    this.platform = platform;
    this.clock = clock;
    int channels = 0;
    int sampled = 0;
    int counted = 0;
    for (SensorPart p : parts) {
      channels += p.channels();
      if (p instanceof SampledDevice) {
        sampled++;
      } else {
        counted++;
      }
    }
    devices = new SampledDevice[sampled];
    firstChannel = new int[sampled];
    counters = new EdgeCounter[counted];
    counterAt = new EdgeCounter[channels];
    maxAgeNs = new long[channels];
    keyAt = new String[channels];
    failing = new boolean[sampled];
    slots = new SampleSlots(channels);
    int ch = 0;
    int d = 0;
    int c = 0;
    for (SensorPart p : parts) {
      if (p instanceof SampledDevice device) {
        String problem = maxAgeProblem(device.maxAgeNs, device.passesPerRefresh(), samplePeriodNs);
        if (problem != null) {
          throw new Pi4jBoard.ConfigurationException(device.key + ".max-age", problem);
        }
        long maxAge = device.maxAgeNs == 0
            ? DEFAULT_MAX_AGE_REFRESHES * device.passesPerRefresh() * samplePeriodNs : device.maxAgeNs;
        devices[d] = device;
        firstChannel[d++] = ch;
        for (int i = 0; i < device.channels(); i++) {
          maxAgeNs[ch] = maxAge;
          keyAt[ch++] = device.key;
        }
      } else {
        EdgeCounter counter = (EdgeCounter) p;
        counters[c++] = counter;
        counterAt[ch] = counter;
        keyAt[ch++] = counter.key();
      }
    }
  }

  /**
   * Why a device sampled in {@code passes} passes of one {@code samplePeriodNs} each cannot meet
   * {@code maxAgeNs} (0: the default), or null when it can. The one rule, for the board and for
   * {@code validate}.
   */
  static String maxAgeProblem(long maxAgeNs, int passes, long samplePeriodNs) {
    long refreshNs = passes * samplePeriodNs;
    if (maxAgeNs == 0 || maxAgeNs >= refreshNs) {
      return null;
    }
    return maxAgeNs / 1_000_000 + " ms is shorter than the device's refresh interval of " + refreshNs / 1_000_000
        + " ms (" + passes + " sampling pass(es) of one loop period each)";
  }

  /** Sampling passes a profile's sensor needs to refresh every channel (an ADS1115 converts one input per pass). */
  static int passesPerRefresh(Hardware.Sensor sensor) {
    return sensor instanceof Hardware.Ads1115 adc ? adc.inputs().length : 1;
  }

  void attach(IoThread io) {
    this.io = io;
  }

  /** The profile key of the device behind raw channel {@code channel} ({@code sensors[1]}). */
  String keyOf(int channel) {
    return keyAt[channel];
  }

  @Override
  public String name() {
    return "pi4j-sensors";
  }

  @Override
  public int channels() {
    return counterAt.length;
  }

  @Override
  public void configure() {
    for (SampledDevice d : devices) {
      Pi4jBoard.HardwareException.open(d.key, () -> d.open(platform));
    }
    for (EdgeCounter c : counters) {
      Pi4jBoard.HardwareException.open(c.key(), () -> c.open(platform));
    }
  }

  /**
   * Samples on this thread until every channel has a sample (an ADC converting one input per pass
   * needs several passes, {@value #ACTIVATION_PASS_GAP_NS} ns apart), so the first tick has data,
   * then starts the I/O thread.
   */
  @Override
  public void activate() {
    int passes = 1;
    for (SampledDevice d : devices) {
      passes = Math.max(passes, d.passesPerRefresh());
    }
    for (int p = 0; p < passes; p++) {
      if (p > 0) {
        LockSupport.parkNanos(ACTIVATION_PASS_GAP_NS);
      }
      sampleAll(System.nanoTime());
    }
    io.startOnce();
  }

  @Override
  public void deactivate() {
    io.shutdown();
    for (EdgeCounter c : counters) {
      c.close();
    }
  }

  /** One sampling pass over every bus device. I/O thread only (and {@link #activate}). */
  void sampleAll(long nowNs) {
    for (int d = 0; d < devices.length; d++) {
      SampledDevice device = devices[d];
      try {
        device.sample(slots, firstChannel[d], nowNs);
        if (failing[d]) {
          failing[d] = false;
          Logger.info("{}: answering again", device.key);
        }
      } catch (RuntimeException e) {
        slots.fail(firstChannel[d], device.channels());
        if (!failing[d]) {
          failing[d] = true;
          String message = e.getMessage() != null ? e.getMessage() : e.toString();
          Logger.warn(message.startsWith(device.key) ? message : device.key + ": " + message);
        }
      }
    }
  }

  /** Real-time safe. */
  @Override
  public IoStatus read(double[] out) {
    long nowNs = clock.nanoTime();
    for (int ch = 0; ch < out.length && ch < counterAt.length; ch++) {
      EdgeCounter counter = counterAt[ch];
      if (counter != null) {
        out[ch] = counter.value(nowNs);
        continue;
      }
      if (slots.failed(ch)) {
        failedChannel = ch;
        return IoStatus.FAILED;
      }
      long stampNs = slots.stampNs(ch);
      if (nowNs - stampNs > maxAgeNs[ch]) {
        failedChannel = ch;
        return IoStatus.TIMEOUT;
      }
      out[ch] = slots.value(ch);
    }
    failedChannel = -1;
    return IoStatus.OK;
  }

  @Override
  public int failedChannel() {
    return failedChannel;
  }
}
