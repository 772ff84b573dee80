package io.nrledge.io;

/** {@link System#nanoTime()}: the clock of real-time runs and of device event timestamps. */
public final class SystemNanoClock implements NanoClock {
  public static final SystemNanoClock INSTANCE = new SystemNanoClock();

  private SystemNanoClock() {}

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }
}
