package io.nrledge.learner;

/**
 * xoshiro256** 1.0 (Blackman and Vigna, 2018): a 64-bit generator with 256 bits of state, period
 * 2^256 − 1, built from shifts, rotations, xors and two multiplications, so it is bit-exact on
 * every JVM and in C. Seeded by four outputs of {@link SplitMix64}, as its authors recommend.
 *
 * <p>All methods but the constructor are real-time safe. Not thread-safe: one per stream.
 */
public final class Xoshiro256StarStar implements Stateful {
  /** Bytes of {@link #saveState(java.nio.ByteBuffer)}: the four state words. */
  public static final int STATE_BYTES = 32;

  private long s0;
  private long s1;
  private long s2;
  private long s3;

  public Xoshiro256StarStar(long seed) {
    SplitMix64 seeder = new SplitMix64(seed);
    s0 = seeder.next();
    s1 = seeder.next();
    s2 = seeder.next();
    s3 = seeder.next();
  }

  /** The next 64 random bits. */
  public long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /**
   * The next {@code count} outputs into {@code out[0..count)}: the same words as {@code count} calls
   * of {@link #nextLong()}, with the state held in registers for the whole run.
   */
  public void nextLongs(long[] out, int count) {
    long a = s0;
    long b = s1;
    long c = s2;
    long d = s3;
    for (int i = 0; i < count; i++) {
      out[i] = Long.rotateLeft(b * 5, 7) * 9;
      long t = b << 17;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = Long.rotateLeft(d, 45);
    }
    s0 = a;
    s1 = b;
    s2 = c;
    s3 = d;
  }

  /** A uniform double in [0, 1) from the top 53 bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** A standard normal double (Box–Muller on two uniforms); for weight init, not the hot path. */
  public double nextGaussianDouble() {
    double u1 = 1.0 - nextDouble(); // (0, 1]
    double u2 = nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** Copies the four state words into {@code out[offset..offset+3]} (checkpoints). */
  public void saveState(long[] out, int offset) {
    out[offset] = s0;
    out[offset + 1] = s1;
    out[offset + 2] = s2;
    out[offset + 3] = s3;
  }

  /** Restores the state written by {@link #saveState}; an all-zero state is rejected unchanged. */
  public void restoreState(long[] in, int offset) {
    if ((in[offset] | in[offset + 1] | in[offset + 2] | in[offset + 3]) == 0) {
      throw new IllegalArgumentException("xoshiro256** state must not be all zero");
    }
    s0 = in[offset];
    s1 = in[offset + 1];
    s2 = in[offset + 2];
    s3 = in[offset + 3];
  }

  @Override
  public int stateBytes() {
    return STATE_BYTES;
  }

  @Override
  public void saveState(java.nio.ByteBuffer out) {
    out.putLong(s0).putLong(s1).putLong(s2).putLong(s3);
  }

  @Override
  public void loadState(java.nio.ByteBuffer in) {
    long a = in.getLong();
    long b = in.getLong();
    long c = in.getLong();
    long d = in.getLong();
    restoreState(new long[] {a, b, c, d}, 0);
  }
}
