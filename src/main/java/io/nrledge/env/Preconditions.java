package io.nrledge.env;

/** Caller-bug checks shared by the environments; they allocate only when they throw. */
final class Preconditions {
  private Preconditions() {}

  /** Rejects an action outside the task's range and a step after the episode ended. Real-time safe. */
  static void checkStep(Environment env, int action) {
    if (action < 0 || action >= env.actionCount()) {
      throw new IllegalArgumentException(
          env.name() + ": action " + action + " is outside 0.." + (env.actionCount() - 1));
    }
    if (env.done()) {
      throw new IllegalStateException(env.name() + ": step after the episode ended; call reset() first");
    }
  }

  /** Rejects a {@code resetTo} state of the wrong length. Real-time safe. */
  static void checkState(Environment env, double[] state) {
    if (state.length != env.stateNames().size()) {
      throw new IllegalArgumentException(
          env.name() + ": state needs " + env.stateNames().size() + " values " + env.stateNames() + ", got " + state.length);
    }
  }
}
