package io.nrledge.learner;

/** Creates the learner a {@link LearnerConfig} describes. */
public final class Learners {
  private Learners() {}

  /** Validates {@code config} and allocates every buffer. Not real-time safe. */
  public static Learner create(LearnerConfig config) {
    config.validate();
    return switch (config.rule()) {
      case NRL -> new NrlLearner(config);
      case RMHL, RMHL_IMPLICIT -> new RmhlLearner(config);
      case BP -> new BackpropLearner(config);
    };
  }
}
