package io.nrledge.experiment;

import io.nrledge.env.Environment;
import io.nrledge.env.Environments;
import io.nrledge.learner.CreditForm;
import java.util.Map;

/** The paper's tasks as the experiment runs them: which environment, and how its rewards are credited. */
public enum Task {
  CARTPOLE("cartpole", "CartPole-v1", CreditForm.EPISODIC),
  ACROBOT("acrobot", "Acrobot-v1", CreditForm.EPISODIC),
  /** Immediate reward; every 300-step trial counts as one "episode" in the results. */
  REACHING("reaching", "Reaching1D", CreditForm.IMMEDIATE);

  private final String id;
  private final String title;
  private final CreditForm form;

  Task(String id, String title, CreditForm form) {
    this.id = id;
    this.title = title;
    this.form = form;
  }

  /** The command-line and CSV name: "cartpole", "acrobot", "reaching". */
  public String id() {
    return id;
  }

  /** For plot titles: "CartPole-v1", and for Reaching which reward it used. */
  public String title(boolean corrected) {
    if (this != REACHING) {
      return title;
    }
    return title + (corrected ? " (corrected reward)" : " (neurogym's floor(target) reward)");
  }

  public CreditForm form() {
    return form;
  }

  /** "episode", or "trial" for Reaching. */
  public String episodeNoun() {
    return this == REACHING ? "trial" : "episode";
  }

  /** Steps of the longest episode: 500 for CartPole and Acrobot, exactly 300 per Reaching trial. */
  public int maxEpisodeSteps() {
    return createEnvironment(false).maxEpisodeSteps();
  }

  /**
   * Which single episodes reached the task's goal, for {@link RunClass}: CartPole's when the pole
   * stayed up at least as long as the solved threshold asks of the mean (return ≥ 475); Acrobot's when
   * the tip swung above the line before the 500-step limit (return > −500, −1 per step until then);
   * Reaching has no goal. Not real-time safe.
   */
  public RunClass.GoalTest goalTest() {
    Environment env = createEnvironment(false);
    double threshold = env.solvedThreshold();
    double truncatedReturn = -env.maxEpisodeSteps();
    return switch (this) {
      case CARTPOLE -> episodeReturn -> episodeReturn >= threshold;
      case ACROBOT -> episodeReturn -> episodeReturn > truncatedReturn;
      case REACHING -> episodeReturn -> false;
    };
  }

  /** A new environment; {@code corrected} selects Reaching's corrected reward. Not real-time safe. */
  public Environment createEnvironment(boolean corrected) {
    return Environments.create(id, corrected ? Map.of("corrected", "true") : Map.of());
  }

  /** The task for {@code id}, or null. */
  public static Task byId(String id) {
    for (Task task : values()) {
      if (task.id.equals(id)) {
        return task;
      }
    }
    return null;
  }
}
