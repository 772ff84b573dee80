package io.nrledge.cli;

import io.nrledge.learner.Learner;
import io.nrledge.learner.Learners;
import io.nrledge.learner.SplitMix64;
import io.nrledge.profiles.DeviceProfile;
import java.util.Arrays;

/**
 * Times a profile's learner on this machine for a given probe count, for {@link ProbeBudget}: a
 * scratch learner with its own seed is warmed up (so the JIT has compiled its step), then ticks are
 * timed in several rounds and the median round counts. A tick is what the loop asks of the learner:
 * a step and a reward, plus (episodic rigs) an episode end every time limit, whose update is thus
 * spread over the episode's ticks. Set-up only; it never touches the run's own learner.
 */
final class LearnerTickTimer implements ProbeBudget.TickTimer {
  private static final long WARMUP_NS = 150_000_000L;
  private static final long ROUND_NS = 20_000_000L;
  private static final int ROUNDS = 5;
  private static final int OBSERVATIONS = 64;
  private static final int DEFAULT_EPISODE_TICKS = 200;
  private static final long SCRATCH_SEED = 0x7131E5L;

  private final DeviceProfile profile;
  private final boolean episodic;
  private final int episodeTicks;
  private final double[][] observations;
  private final double[] rewards = new double[OBSERVATIONS];

  LearnerTickTimer(DeviceProfile profile) {
    this.profile = profile;
    this.episodic = profile.rewards().form().equals("episodic");
    int limit = profile.episodes().timeLimitTicks();
    this.episodeTicks = limit > 0 ? limit : DEFAULT_EPISODE_TICKS;
    int channels = profile.observation().channels();
    observations = new double[OBSERVATIONS][channels];
    long state = SCRATCH_SEED;
    for (int i = 0; i < OBSERVATIONS; i++) {
      for (int c = 0; c < channels; c++) {
        state = SplitMix64.mix(state + 1);
        observations[i][c] = unit(state) * 2 - 1;
      }
      state = SplitMix64.mix(state + 1);
      rewards[i] = unit(state); // returns differ between episodes, so every update is a real one
    }
  }

  @Override
  public double nsPerTick(int probesPerLayer) {
    DeviceProfile scratch = profile.withLearner(profile.learner().withProbes(probesPerLayer, 0));
    Learner learner = Learners.create(ProfileSettings.learner(scratch, SCRATCH_SEED));
    long tick = 0;
    long warmupEnd = System.nanoTime() + WARMUP_NS;
    while (System.nanoTime() - warmupEnd < 0) {
      tick = ticks(learner, tick, 256);
    }
    double[] rounds = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      long start = System.nanoTime();
      long first = tick;
      long now;
      do {
        tick = ticks(learner, tick, 64);
        now = System.nanoTime();
      } while (now - start < ROUND_NS);
      rounds[r] = (double) (now - start) / (tick - first);
    }
    Arrays.sort(rounds);
    return rounds[ROUNDS / 2];
  }

  private long ticks(Learner learner, long tick, int count) {
    for (int i = 0; i < count; i++, tick++) {
      int o = (int) (tick % OBSERVATIONS);
      learner.step(observations[o]);
      learner.reward(rewards[o]);
      if (episodic && (tick + 1) % episodeTicks == 0) {
        learner.endEpisode();
      }
    }
    return tick;
  }

  private static double unit(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }
}
