package io.nrledge.runtime;

/**
 * Maps a discrete action to actuator commands: a row of the action table, clamped to
 * {@code [min, max]} per channel, then moved from the last command by at most
 * {@code slewPerTick} per channel. The last command starts at (and returns to, after safe state)
 * the actuators' safe values. Never allocates after construction.
 */
public final class ActionMap {
  private final double[][] table;
  private final double[] min;
  private final double[] max;
  private final double[] slewPerTick;
  private final double[] safe;
  private final double[] last;

  /** Not real-time safe. {@code table[action][channel]}; use +∞ for an unlimited slew. */
  public ActionMap(double[][] table, double[] min, double[] max, double[] slewPerTick, double[] safe) {
    int channels = min.length;
    if (table.length < 1 || max.length != channels || slewPerTick.length != channels || safe.length != channels) {
      throw new IllegalArgumentException("action table, min, max, slew and safe need one entry per channel");
    }
    this.table = new double[table.length][];
    for (int a = 0; a < table.length; a++) {
      if (table[a].length != channels) {
        throw new IllegalArgumentException("action " + a + " has " + table[a].length + " commands, expected " + channels);
      }
      this.table[a] = table[a].clone();
    }
    this.min = min.clone();
    this.max = max.clone();
    this.slewPerTick = slewPerTick.clone();
    this.safe = safe.clone();
    this.last = safe.clone();
  }

  /** Bytes of {@link #saveState}: the last command of every channel, which the slew limit starts from. */
  int stateBytes() {
    return 8 * last.length;
  }

  /** Real-time safe. */
  void saveState(java.nio.ByteBuffer out) {
    for (double v : last) {
      out.putDouble(v);
    }
  }

  void loadState(java.nio.ByteBuffer in) {
    for (int c = 0; c < last.length; c++) {
      last[c] = in.getDouble();
    }
  }

  public int actions() {
    return table.length;
  }

  public int channels() {
    return min.length;
  }

  /** Writes the commands for {@code action} into {@code out} and remembers them. Real-time safe. */
  public void map(int action, double[] out) {
    double[] row = table[action];
    for (int c = 0; c < row.length; c++) {
      double target = Math.min(max[c], Math.max(min[c], row[c]));
      double step = target - last[c];
      double limit = slewPerTick[c];
      if (step > limit) {
        target = last[c] + limit;
      } else if (step < -limit) {
        target = last[c] - limit;
      }
      out[c] = target;
      last[c] = target;
    }
  }

  /** The action whose table row is nearest (Euclidean) to {@code commands}; the first on a tie. Real-time safe. */
  public int nearestAction(double[] commands) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int a = 0; a < table.length; a++) {
      double d = 0;
      for (int c = 0; c < commands.length; c++) {
        double e = commands[c] - table[a][c];
        d += e * e;
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = a;
      }
    }
    return best;
  }

  /** The actuators were driven safe: slew from the safe values again. Real-time safe. */
  public void resetToSafe() {
    System.arraycopy(safe, 0, last, 0, safe.length);
  }
}
