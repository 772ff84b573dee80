import io.nrledge.env.Environment;
import io.nrledge.experiment.ExperimentPlan;
import io.nrledge.experiment.Method;
import io.nrledge.experiment.RunSpec;
import io.nrledge.experiment.Task;
import io.nrledge.experiment.TaskDefaults;
import io.nrledge.learner.Learner;
import io.nrledge.learner.Learners;
import io.nrledge.learner.NoiseKind;
import io.nrledge.learner.Weights;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run of `experiment` (same seeds, same defaults, reference RPE norm), printed episode by
 * episode as CSV: return, the episodic RPE δ = (R − r̄)/max(|R|, 1) recomputed from the returns,
 * the prediction r̄ after the episode, the norm of each layer's weight change in that episode's
 * update, and each layer's weight norm.
 * A diagnostic for docs/investigation-collapse.md, not part of the build. Usage (after mvn package):
 *   java -cp target/nrl-edge.jar docs/diagnostics/UpdateTrace.java TASK RULE SEED EPISODES LR
 */
public class UpdateTrace {
  public static void main(String[] args) {
    Task task = Task.byId(args[0]);
    Method method = Method.byId(args[1]);
    long seed = Long.parseLong(args[2]);
    int episodes = Integer.parseInt(args[3]);
    double lr = Double.parseDouble(args[4]);
    RunSpec spec = new ExperimentPlan(task, false, List.of(method), List.of(seed), TaskDefaults.hidden(),
        Map.of(method, List.of(lr)), List.of(), TaskDefaults.fanOut(task), TaskDefaults.PROBES_PER_LAYER,
        NoiseKind.GAUSSIAN, episodes, false).runs().get(0);
    Learner learner = Learners.create(spec.learner());
    Environment env = task.createEnvironment(false);
    env.seed(spec.envSeed());
    Weights w = learner.network().weights();
    int layers = learner.network().layers();
    StringBuilder header = new StringBuilder("episode,return,delta,prediction_after");
    for (int l = 1; l <= layers; l++) {
      header.append(",update_norm").append(l);
    }
    for (int l = 1; l <= layers; l++) {
      header.append(",weight_norm").append(l);
    }
    System.out.println(header);
    double prediction = 0;
    boolean defined = false;
    for (int e = 1; e <= episodes; e++) {
      double[] before = w.toArray();
      env.reset();
      double episodeReturn = 0;
      do {
        double reward = env.step(learner.step(env.observation()));
        learner.reward(reward);
        episodeReturn += reward;
      } while (!env.done());
      learner.endEpisode();
      if (!defined) {
        prediction = episodeReturn;
        defined = true;
      }
      double delta = (episodeReturn - prediction) / Math.max(Math.abs(episodeReturn), 1.0);
      prediction += TaskDefaults.BASELINE_RATE * (episodeReturn - prediction);
      double[] after = w.toArray();
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%d,%s,%.4f,%.1f", e, episodeReturn, delta, prediction));
      for (int l = 1; l <= layers; l++) {
        row.append(String.format(Locale.ROOT, ",%.5f", norm(after, before, w.offset(l), w.count(l))));
      }
      for (int l = 1; l <= layers; l++) {
        row.append(String.format(Locale.ROOT, ",%.4f", norm(after, null, w.offset(l), w.count(l))));
      }
      System.out.println(row);
    }
  }

  /** Euclidean norm of {@code a − b} (or of {@code a}) over {@code [offset, offset + count)}. */
  private static double norm(double[] a, double[] b, int offset, int count) {
    double sum = 0;
    for (int k = offset; k < offset + count; k++) {
      double d = b == null ? a[k] : a[k] - b[k];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }
}
