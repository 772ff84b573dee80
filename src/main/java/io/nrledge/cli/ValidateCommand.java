package io.nrledge.cli;

import io.nrledge.profiles.DeviceProfile;
import io.nrledge.profiles.ProfileException;
import io.nrledge.profiles.ProfileLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate}: checks device profiles as {@code run} would before it starts (the loader and
 * every owner's verdict in {@link ProfileSettings}), without touching hardware or launching
 * anything. Must never open a device, a port or a process.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {"Check device profiles without touching hardware: the loader's checks (keys, pins, buses,",
        "addresses, channel counts) and every limit run applies before it starts."},
    footer = {"Prints 'FILE: valid (BOARD, RIG)' on stdout for each good file and each problem as one line",
        "'FILE:LINE:COL: key: message' on stderr: the first the loader finds (keys, pins, buses, channel",
        "counts), else every limit run applies (learner, loop, real-time settings, rewards, the rig's channels).",
        "Exit codes: 0 all valid, 2 at least one problem."})
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Device profiles (YAML).")
  List<Path> files;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean allValid = true;
    for (Path file : files) {
      DeviceProfile profile;
      try {
        profile = ProfileLoader.load(file);
      } catch (ProfileException e) {
        err.println(e.getMessage()); // the loader stops at a file's first problem
        allValid = false;
        continue;
      }
      List<String> problems = ProfileSettings.problems(profile);
      problems.forEach(err::println);
      if (problems.isEmpty()) {
        out.println(file + ": valid (" + profile.board() + ", " + profile.rig().type() + ")");
      }
      allValid &= problems.isEmpty();
    }
    out.flush();
    err.flush();
    return allValid ? Main.EXIT_OK : Main.EXIT_USAGE;
  }
}
