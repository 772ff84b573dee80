package io.nrledge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar nrl-edge.jar}: exit 0 on success, 2 on bad usage or configuration, 1 on runtime failure. */
@Command(
    name = "nrl-edge",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "On-device noise-based reward-modulated learning for robots and single-board computers.",
    footer = {"Exit codes: 0 success, 1 runtime failure, 2 bad usage or configuration",
        "(one line naming the option, key or file, before any work starts),",
        "130/143 experiment interrupted by SIGINT/SIGTERM (finished runs kept,",
        "see experiment --resume)."},
    subcommands = {RunCommand.class, ReportCommand.class, BenchCommand.class, TraceCommand.class,
        ExperimentCommand.class, ContinuingReportCommand.class, ValidateCommand.class, InspectCommand.class})
public final class Main {
  public static final int EXIT_OK = 0;
  public static final int EXIT_RUNTIME_FAILURE = 1;
  public static final int EXIT_USAGE = 2;
  /** {@code experiment} stopped by a signal before it finished (128 + SIGINT); the JVM itself exits 143 on SIGTERM. */
  public static final int EXIT_INTERRUPTED = 130;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code; used by tests instead of {@link #main}. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExitCodeExceptionMapper(e -> e instanceof UsageException ? EXIT_USAGE : EXIT_RUNTIME_FAILURE);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof UsageException) {
        cmd.getErr().println("nrl-edge: " + e.getMessage());
        return EXIT_USAGE;
      }
      cmd.getErr().println("nrl-edge: " + e);
      return EXIT_RUNTIME_FAILURE;
    });
    cli.setParameterExceptionHandler((e, a) -> {
      e.getCommandLine().getErr().println("nrl-edge: " + e.getMessage());
      e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return EXIT_USAGE;
    });
    return cli.execute(args);
  }
}
