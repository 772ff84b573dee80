package io.nrledge.telemetry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The layout of nrl-edge's telemetry in MCAP: four channels, each with a schema whose text names
 * its fields in order, messages encoded as packed little-endian binary ({@value #ENCODING}):
 * <pre>
 * /tick     int64 tick, int64 time_ns, int64 lateness_ns, int32 action, float64 reward,
 *           float64 rpe, uint32 n, float64[n] observation
 * /episode  int64 episode, int64 end_tick, int64 ticks, float64 return, float64 moving_average
 * /fault    int64 tick, int32 kind, int32 phase, int32 channel   (names in the channel metadata)
 * /gap      int64 dropped, int32 ring (0 ticks, 1 episodes and faults)
 * </pre>
 * {@code log_time} is the loop clock in ns (virtual in fast mode). The one owner of this layout:
 * the writer encodes and the report decodes only through here.
 */
public final class TelemetryFormat {
  public static final String ENCODING = "nrl-edge-le";
  public static final int TICK = 1;
  public static final int EPISODE = 2;
  public static final int FAULT = 3;
  public static final int GAP = 4;
  static final String[] TOPICS = {null, "/tick", "/episode", "/fault", "/gap"};
  private static final String[] SCHEMAS = {null,
      "int64 tick\nint64 time_ns\nint64 lateness_ns\nint32 action\nfloat64 reward\nfloat64 rpe\nuint32 n\n"
          + "float64[n] observation\n",
      "int64 episode\nint64 end_tick\nint64 ticks\nfloat64 return\nfloat64 moving_average\n",
      "int64 tick\nint32 kind\nint32 phase\nint32 channel\n",
      "int64 dropped\nint32 ring\n"};
  private static final String[] NAMES = {null, "nrl_edge.Tick", "nrl_edge.Episode", "nrl_edge.Fault", "nrl_edge.Gap"};

  private TelemetryFormat() {}

  /** Writes the schemas, channels and the run's metadata at the start of a file. */
  static void begin(McapWriter w, Map<String, String> run, String faultNames, String phaseNames) {
    for (int id = TICK; id <= GAP; id++) {
      w.schema(id, NAMES[id], ENCODING, SCHEMAS[id]);
      w.channel(id, id, TOPICS[id], ENCODING,
          id == FAULT ? Map.of("kinds", faultNames, "phases", phaseNames) : Map.of());
    }
    w.metadata("run", run);
  }

  /** Encodes one tick record of the ring ({@link RunRecorder} layout) at {@code at} in {@code r}. */
  static void tick(McapWriter w, long sequence, long[] r, int at, int observations) throws IOException {
    ByteBuffer b = w.message(TICK, sequence, r[at + RunRecorder.TIME_NS], r[at + RunRecorder.TIME_NS],
        48 + 8 * observations);
    b.putLong(r[at + RunRecorder.TICK_NO]).putLong(r[at + RunRecorder.TIME_NS]).putLong(r[at + RunRecorder.A])
        .putInt((int) r[at + RunRecorder.B]).putLong(r[at + RunRecorder.C]).putLong(r[at + RunRecorder.D])
        .putInt(observations);
    for (int i = 0; i < observations; i++) {
      b.putLong(r[at + RunRecorder.OBSERVATION + i]);
    }
  }

  static void episode(McapWriter w, long sequence, long[] r, int at) throws IOException {
    ByteBuffer b = w.message(EPISODE, sequence, r[at + RunRecorder.TIME_NS], r[at + RunRecorder.TIME_NS], 40);
    b.putLong(r[at + RunRecorder.A]).putLong(r[at + RunRecorder.TICK_NO]).putLong(r[at + RunRecorder.B])
        .putLong(r[at + RunRecorder.C]).putLong(r[at + RunRecorder.D]);
  }

  static void fault(McapWriter w, long sequence, long[] r, int at) throws IOException {
    ByteBuffer b = w.message(FAULT, sequence, r[at + RunRecorder.TIME_NS], r[at + RunRecorder.TIME_NS], 20);
    b.putLong(r[at + RunRecorder.TICK_NO]).putInt((int) r[at + RunRecorder.A]).putInt((int) r[at + RunRecorder.B])
        .putInt((int) r[at + RunRecorder.C]);
  }

  static void gap(McapWriter w, long sequence, long timeNs, long dropped, int ring) throws IOException {
    w.message(GAP, sequence, timeNs, timeNs, 12).putLong(dropped).putInt(ring);
  }

  /** A decoded /tick message. */
  public record Tick(long tick, long timeNs, long latenessNs, int action, double reward, double rpe,
      double[] observation) {}

  /** A decoded /episode message. */
  public record Episode(long episode, long endTick, long ticks, double episodeReturn, double movingAverage) {}

  /** A decoded /fault message. */
  public record Fault(long tick, int kind, int phase, int channel) {}

  /** A decoded /gap message. */
  public record Gap(long dropped, int ring) {}

  /** Decodes one message of a known topic; null for a topic this format does not define. */
  public static Object decode(String topic, ByteBuffer b) {
    return switch (topic) {
      case "/tick" -> {
        long tick = b.getLong();
        long time = b.getLong();
        long late = b.getLong();
        int action = b.getInt();
        double reward = b.getDouble();
        double rpe = b.getDouble();
        double[] obs = new double[b.getInt()];
        for (int i = 0; i < obs.length; i++) {
          obs[i] = b.getDouble();
        }
        yield new Tick(tick, time, late, action, reward, rpe, obs);
      }
      case "/episode" -> new Episode(b.getLong(), b.getLong(), b.getLong(), b.getDouble(), b.getDouble());
      case "/fault" -> new Fault(b.getLong(), b.getInt(), b.getInt(), b.getInt());
      case "/gap" -> new Gap(b.getLong(), b.getInt());
      default -> null;
    };
  }
}
