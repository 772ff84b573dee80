package io.nrledge.cli;

import picocli.CommandLine.Command;

/** Groups the benchmarks; each subcommand measures against a baseline in the same run. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks, reported against a baseline measured in the same run.",
    subcommands = {BenchLearnerCommand.class, BenchLoopCommand.class})
final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "bench needs a subcommand");
  }
}
