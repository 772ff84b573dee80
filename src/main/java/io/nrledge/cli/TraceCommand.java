package io.nrledge.cli;

import io.nrledge.env.Environment;
import io.nrledge.env.Environments;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Replays a start state and an action sequence through a simulated task and prints the trajectory
 * as CSV, for comparing this implementation with a reference one. Never draws random numbers.
 */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {
      "Replays a start state and an action sequence and prints the trajectory as CSV on stdout.",
      "Header: step,obs0,...,obsN,reward,terminated. Row 0 is the observation right after the start"
          + " state is set, with reward 0 and terminated false; row k follows the k-th action."
          + " Stops after the step that ends the episode (terminated or truncated); later actions"
          + " are ignored.",
      "Numbers are printed with Java's Double.toString: the shortest decimal that reads back as"
          + " exactly the same double.",
      "A start state whose trajectory stops being finite (NaN or infinity) is refused with exit 2"
          + " and prints no rows."
    })
final class TraceCommand implements Callable<Integer> {
  @Option(names = "--task", required = true, paramLabel = "TASK", description = "cartpole, acrobot or reaching.")
  String task;

  @Option(
      names = "--init",
      required = true,
      paramLabel = "V1,V2,...",
      description = "Start state. cartpole: x,x_dot,theta,theta_dot; acrobot: theta1,theta2,theta1_dot,theta2_dot;"
          + " reaching: position,target (radians).")
  String init;

  @Option(
      names = "--actions",
      required = true,
      paramLabel = "A1,A2,...",
      description = "Actions, may be empty. cartpole: 0 push left, 1 push right; acrobot: 0/1/2 torque -1/0/+1;"
          + " reaching: 0 stay, 1 +0.05 rad, 2 -0.05 rad.")
  String actions;

  @Option(
      names = "--option",
      paramLabel = "KEY=VALUE",
      description = "Task option. reaching: corrected=true rewards against the real target instead of"
          + " neurogym's floor(target).")
  Map<String, String> options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Environment env = createEnvironment();
    double[] start = parseStart(env);
    int[] actionSequence = parseActions(env);
    StringBuilder csv = new StringBuilder(header(env.observationSize())).append('\n');
    env.resetTo(start);
    csv.append(row(0, env.observation(), 0.0, false)).append('\n');
    for (int k = 0; k < actionSequence.length && !env.done(); k++) {
      double reward = env.step(actionSequence[k]);
      if (!allFinite(env.observation()) || !Double.isFinite(reward)) {
        throw new UsageException("--init: step " + (k + 1) + " is no longer finite (NaN or infinity): " + env.name()
            + " cannot simulate from this start state; nothing printed");
      }
      csv.append(row(k + 1, env.observation(), reward, env.terminated())).append('\n');
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(csv);
    out.flush();
    return Main.EXIT_OK;
  }

  private Environment createEnvironment() {
    try {
      return Environments.create(task, options == null ? Map.of() : options);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + e.getMessage());
    }
  }

  private double[] parseStart(Environment env) {
    String[] fields = split(init);
    if (fields.length != env.stateNames().size()) {
      throw new UsageException("--init: " + env.name() + " needs " + env.stateNames().size() + " values ("
          + String.join(", ", env.stateNames()) + "), got " + fields.length);
    }
    double[] start = new double[fields.length];
    for (int i = 0; i < fields.length; i++) {
      try {
        start[i] = Double.parseDouble(fields[i]);
      } catch (NumberFormatException e) {
        throw new UsageException("--init: '" + fields[i] + "' is not a number");
      }
      if (!Double.isFinite(start[i])) {
        throw new UsageException("--init: '" + fields[i] + "' is not a finite number");
      }
    }
    return start;
  }

  private int[] parseActions(Environment env) {
    String[] fields = split(actions);
    int[] parsed = new int[fields.length];
    for (int i = 0; i < fields.length; i++) {
      try {
        parsed[i] = Integer.parseInt(fields[i]);
      } catch (NumberFormatException e) {
        throw new UsageException("--actions: '" + fields[i] + "' is not an integer");
      }
      if (parsed[i] < 0 || parsed[i] >= env.actionCount()) {
        throw new UsageException("--actions: " + env.name() + " actions are 0.." + (env.actionCount() - 1)
            + ", got " + parsed[i] + " at position " + (i + 1));
      }
    }
    return parsed;
  }

  private static boolean allFinite(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** Comma-separated fields, trimmed; an empty or blank list has none. */
  private static String[] split(String list) {
    if (list.isBlank()) {
      return new String[0];
    }
    String[] fields = list.split(",", -1);
    for (int i = 0; i < fields.length; i++) {
      fields[i] = fields[i].trim();
    }
    return fields;
  }

  private static String header(int observationSize) {
    StringBuilder line = new StringBuilder("step");
    for (int i = 0; i < observationSize; i++) {
      line.append(",obs").append(i);
    }
    return line.append(",reward,terminated").toString();
  }

  private static String row(int step, double[] observation, double reward, boolean terminated) {
    StringBuilder line = new StringBuilder().append(step);
    for (double value : observation) {
      line.append(',').append(Double.toString(value));
    }
    return line.append(',').append(Double.toString(reward)).append(',').append(terminated).toString();
  }
}
