package io.nrledge.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.testing.AllocationWindows;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What every {@link Environment} promises, run against each task. */
class EnvironmentContractTest {
  static final List<String> TASKS = Environments.NAMES;

  /** Plays {@code steps} random steps, resetting when an episode ends; returns a checksum. */
  private static double play(Environment env, SplittableRandom actions, int steps) {
    double sum = 0;
    for (int i = 0; i < steps; i++) {
      if (env.done()) {
        env.reset();
      }
      sum += env.step(actions.nextInt(env.actionCount()));
      sum += env.observation()[0];
    }
    return sum;
  }

  private static double[] trajectory(Environment env, long seed) {
    env.seed(seed);
    env.reset();
    SplittableRandom actions = new SplittableRandom(99);
    double[] trace = new double[200 * env.observationSize()];
    for (int step = 0; step < 200; step++) {
      if (env.done()) {
        env.reset();
      }
      env.step(actions.nextInt(env.actionCount()));
      System.arraycopy(env.observation(), 0, trace, step * env.observationSize(), env.observationSize());
    }
    return trace;
  }

  @ParameterizedTest
  @FieldSource("TASKS")
  void shouldReplayBitIdenticallyFromTheSameSeed(String task) {
    assertArrayEquals(trajectory(Environments.create(task), 123), trajectory(Environments.create(task), 123));
  }

  @ParameterizedTest
  @FieldSource("TASKS")
  void shouldStartDifferentEpisodesFromDifferentSeeds(String task) {
    Environment env = Environments.create(task);
    env.seed(1);
    env.reset();
    double[] first = env.observation().clone();
    env.seed(2);
    env.reset();
    assertFalse(Arrays.equals(first, env.observation()));
    env.seed(1);
    env.reset();
    assertArrayEquals(first, env.observation());
  }

  @ParameterizedTest
  @FieldSource("TASKS")
  void shouldReuseOneObservationBufferOfTheDeclaredSize(String task) {
    Environment env = Environments.create(task);
    double[] buffer = env.observation();
    assertEquals(env.observationSize(), buffer.length);
    env.step(0);
    assertSame(buffer, env.observation());
    env.reset();
    assertSame(buffer, env.observation());
  }

  @ParameterizedTest
  @FieldSource("TASKS")
  void shouldCountStepsAndRestartTheCountOnReset(String task) {
    Environment env = Environments.create(task);
    assertEquals(0, env.episodeSteps());
    env.step(0);
    env.step(1);
    assertEquals(2, env.episodeSteps());
    env.reset();
    assertEquals(0, env.episodeSteps());
    assertFalse(env.done());
  }

  @ParameterizedTest
  @FieldSource("TASKS")
  void shouldNeverReportTerminatedAndTruncatedTogether(String task) {
    Environment env = Environments.create(task);
    SplittableRandom actions = new SplittableRandom(4);
    for (int episode = 0; episode < 20; episode++) {
      env.reset();
      while (!env.done()) {
        env.step(actions.nextInt(env.actionCount()));
      }
      assertTrue(env.terminated() != env.truncated());
      assertTrue(env.episodeSteps() <= env.maxEpisodeSteps());
      assertEquals(env.truncated(), env.episodeSteps() == env.maxEpisodeSteps());
    }
  }

  @ParameterizedTest
  @FieldSource("TASKS")
  void shouldRejectStepsAfterTheEpisodeEnded(String task) {
    Environment env = Environments.create(task);
    SplittableRandom actions = new SplittableRandom(8);
    while (!env.done()) {
      env.step(actions.nextInt(env.actionCount()));
    }
    assertThrows(IllegalStateException.class, () -> env.step(0));
  }

  @ParameterizedTest
  @FieldSource("TASKS")
  void shouldRejectActionsOutOfRange(String task) {
    Environment env = Environments.create(task);
    assertThrows(IllegalArgumentException.class, () -> env.step(-1));
    assertThrows(IllegalArgumentException.class, () -> env.step(env.actionCount()));
    assertEquals(0, env.episodeSteps());
  }

  @ParameterizedTest
  @FieldSource("TASKS")
  void shouldRejectAStartStateOfTheWrongLength(String task) {
    Environment env = Environments.create(task);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> env.resetTo(new double[env.stateNames().size() + 1]));
    assertTrue(e.getMessage().startsWith(task + ": state needs " + env.stateNames().size() + " values"), e.getMessage());
  }

  @ParameterizedTest
  @FieldSource("TASKS")
  void shouldAllocateNothingInStepAndResetAfterWarmUp(String task) {
    Environment env = Environments.create(task);
    SplittableRandom actions = new SplittableRandom(17);
    double[] sink = new double[1];
    long[] bytes = AllocationWindows.measure(() -> sink[0] += play(env, actions, 60_000),
        () -> sink[0] += play(env, actions, 2_500));

    AllocationWindows.assertAtMostOneWindowAllocated(bytes, task + ", 2,500-step windows");
    assertTrue(Double.isFinite(sink[0]));
  }

  @ParameterizedTest
  @FieldSource("TASKS")
  void shouldContinueBitIdenticallyFromASavedStateLoadedIntoTaskSeededOtherwise(String task) {
    Environment original = Environments.create(task);
    original.seed(7);
    original.reset();
    play(original, new SplittableRandom(1), 777); // mid-episode, after several resets
    java.nio.ByteBuffer saved = java.nio.ByteBuffer.allocate(original.stateBytes()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    original.saveState(saved);
    assertEquals(original.stateBytes(), saved.position(), "saveState wrote exactly stateBytes()");
    Environment restored = Environments.create(task);
    restored.seed(8);
    restored.reset();
    restored.loadState(saved.flip());

    assertArrayEquals(original.observation(), restored.observation());
    assertEquals(original.episodeSteps(), restored.episodeSteps());
    double expected = play(original, new SplittableRandom(2), 2_000);
    double actual = play(restored, new SplittableRandom(2), 2_000);
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
        "same steps, rewards and start states after the load");
  }
}
