package io.nrledge.telemetry;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Episode returns and their moving average over a fixed window, kept by the control thread in a
 * preallocated ring and published for other threads through atomics. Never allocates after
 * construction.
 */
public final class EpisodeStats {
  private final double[] window;
  private int next;
  private int filled;
  private double sum;
  private double rewardTotal;

  private final AtomicLong episodes = new AtomicLong();
  private final AtomicLong lastReturnBits = new AtomicLong(Double.doubleToRawLongBits(Double.NaN));
  private final AtomicLong movingAverageBits = new AtomicLong(Double.doubleToRawLongBits(Double.NaN));
  private final AtomicLong bestMovingAverageBits = new AtomicLong(Double.doubleToRawLongBits(Double.NaN));
  private final AtomicLong rewardTotalBits = new AtomicLong();

  /** Longest moving-average window, in episodes. */
  public static final int MAX_WINDOW = 100_000;

  /** Throws {@link IllegalArgumentException} ("average-window: …") unless 1 ≤ {@code windowEpisodes} ≤ {@link #MAX_WINDOW}. */
  public static void checkWindow(int windowEpisodes) {
    if (windowEpisodes < 1 || windowEpisodes > MAX_WINDOW) {
      throw new IllegalArgumentException("average-window: must be 1.." + MAX_WINDOW + " episodes, got " + windowEpisodes);
    }
  }

  /** Not real-time safe. */
  public EpisodeStats(int windowEpisodes) {
    checkWindow(windowEpisodes);
    this.window = new double[windowEpisodes];
  }

  /** Control thread: one finished episode. Real-time safe. */
  public void episodeEnded(double episodeReturn) {
    if (filled == window.length) {
      sum -= window[next];
    } else {
      filled++;
    }
    window[next] = episodeReturn;
    sum += episodeReturn;
    next = next + 1 == window.length ? 0 : next + 1;
    double average = sum / filled;
    lastReturnBits.setRelease(Double.doubleToRawLongBits(episodeReturn));
    movingAverageBits.setRelease(Double.doubleToRawLongBits(average));
    if (windowFull()) {
      double best = Double.longBitsToDouble(bestMovingAverageBits.getPlain());
      if (Double.isNaN(best) || average > best) {
        bestMovingAverageBits.setRelease(Double.doubleToRawLongBits(average));
      }
    }
    episodes.setRelease(episodes.getPlain() + 1);
  }

  /** Control thread: every reward credited, episodic or not. Real-time safe. */
  public void rewardCredited(double reward) {
    rewardTotal += reward;
    rewardTotalBits.setRelease(Double.doubleToRawLongBits(rewardTotal));
  }

  /**
   * Bytes of {@link #saveState}: the window of returns, its position, fill and sum, the reward
   * total, the episode count and the published last return and best average (checkpoints).
   */
  public int stateBytes() {
    return 8 * window.length + 4 + 4 + 8 + 8 + 8 + 8 + 8;
  }

  /** Control thread: writes the state (little-endian when the caller sets it). Real-time safe. */
  public void saveState(java.nio.ByteBuffer out) {
    for (double r : window) {
      out.putDouble(r);
    }
    out.putInt(next).putInt(filled).putDouble(sum).putDouble(rewardTotal).putLong(episodes.getPlain());
    out.putLong(lastReturnBits.getPlain()).putLong(bestMovingAverageBits.getPlain());
  }

  /**
   * Before the control thread starts: reads what {@link #saveState} of a window of the same length
   * wrote. Not real-time safe.
   */
  public void loadState(java.nio.ByteBuffer in) {
    double[] returns = new double[window.length];
    for (int i = 0; i < returns.length; i++) {
      returns[i] = in.getDouble();
    }
    int n = in.getInt();
    int f = in.getInt();
    if (n < 0 || n >= window.length || f < 0 || f > window.length) {
      throw new IllegalArgumentException("episode window position " + n + " / fill " + f);
    }
    System.arraycopy(returns, 0, window, 0, returns.length);
    next = n;
    filled = f;
    sum = in.getDouble();
    rewardTotal = in.getDouble();
    episodes.setRelease(in.getLong());
    lastReturnBits.setRelease(in.getLong());
    bestMovingAverageBits.setRelease(in.getLong());
    rewardTotalBits.setRelease(Double.doubleToRawLongBits(rewardTotal));
    movingAverageBits.setRelease(Double.doubleToRawLongBits(filled == 0 ? Double.NaN : sum / filled));
  }

  /** True once the window holds a full set of episodes. */
  public boolean windowFull() {
    return filled == window.length;
  }

  public int windowEpisodes() {
    return window.length;
  }

  public long episodes() {
    return episodes.getAcquire();
  }

  /** NaN before the first episode. */
  public double lastReturn() {
    return Double.longBitsToDouble(lastReturnBits.getAcquire());
  }

  /** Mean of the last {@code window} returns (fewer at the start); NaN before the first episode. */
  public double movingAverage() {
    return Double.longBitsToDouble(movingAverageBits.getAcquire());
  }

  /** Best full-window moving average so far; NaN until the window is full. */
  public double bestMovingAverage() {
    return Double.longBitsToDouble(bestMovingAverageBits.getAcquire());
  }

  public double rewardTotal() {
    return Double.longBitsToDouble(rewardTotalBits.getAcquire());
  }
}
