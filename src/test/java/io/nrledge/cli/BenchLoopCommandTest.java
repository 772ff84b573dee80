package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nrledge.testing.CommandRun;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchLoopCommandTest {

  @Test
  void shouldReportOurLoopAndBothBaselinesAsJson() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));

    int exit = cli.execute("bench", "loop", "--hz", "500", "--seconds", "1", "--json");

    assertEquals(0, exit);
    for (String key : new String[] {"p50_us", "p99_us", "p999_us", "max_us", "overruns", "cpu_percent",
        "alloc_bytes_per_tick", "baseline_scheduled_executor_p99_us", "baseline_park_p99_us", "strategy"}) {
      assertTrue(out.toString().contains("\"" + key + "\":"), key + " missing from " + out);
    }
    assertTrue(out.toString().contains("\"ticks\":"), out.toString());
    assertTrue(out.toString().contains("\"load_threads\":0,\"rt_priority_applied\":false,\"rt_priority\":null,"
        + "\"cpu_set\":null,\"memory_locked\":false,\"rt_warnings\":null"), out.toString());
  }

  /** The control thread pins itself (allowed unprivileged); FIFO applies where permitted, else one warning line. */
  @Test
  void shouldRunUnderLoadWithTheControlThreadScheduledAndStopTheLoad() {
    CommandRun run = CommandRun.execute("bench", "loop", "--hz", "500", "--seconds", "1", "--load", "1",
        "--rt-priority", "1", "--cpu-set", "0", "--json");

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("\"load_threads\":1,"), run.out());
    assertTrue(run.out().contains("\"rt_priority\":1,\"cpu_set\":\"0\",\"memory_locked\":false,"), run.out());
    boolean applied = run.out().contains("\"rt_priority_applied\":true,");
    assertEquals(applied ? List.of() : List.of("warning: SCHED_FIFO priority 1 refused: operation not permitted"
        + " (needs root, CAP_SYS_NICE or an rtprio limit of at least 1)"), run.errLines());
    assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("bench-load-")),
        "load threads stopped");
  }

  @Test
  void shouldWarnInOneLineAndCarryOnWhenTheOsRefusesTheRealtimePriority() throws Exception {
    assumeTrue(new File("/usr/bin/setpriv").canExecute() && new File("/usr/bin/prlimit").canExecute(),
        "util-linux setpriv and prlimit");
    Process p = new ProcessBuilder(List.of("/usr/bin/prlimit", "--rtprio=0", "/usr/bin/setpriv",
        "--bounding-set=-sys_nice", "--inh-caps=-all",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "bench", "loop", "--hz", "500", "--seconds", "1", "--rt-priority", "80", "--json"))
        .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bench finished");

    assertEquals(0, p.exitValue(), err);
    assertEquals("warning: SCHED_FIFO priority 80 refused: operation not permitted (needs root, CAP_SYS_NICE or an"
        + " rtprio limit of at least 80)\n", err);
    assertTrue(out.contains("\"rt_priority_applied\":false,\"rt_priority\":80,"), out);
  }

  @Test
  void shouldRejectAnUnknownStrategyWithExitTwo() {
    assertEquals(2, Main.execute("bench", "loop", "--strategy", "nap", "--seconds", "1"));
  }

  @Test
  void shouldRejectBadRealtimeOptionsInOneLineWithExitTwo() {
    CommandRun priority = CommandRun.execute("bench", "loop", "--rt-priority", "0", "--seconds", "1");
    CommandRun cpus = CommandRun.execute("bench", "loop", "--cpu-set", "2-x", "--seconds", "1");
    CommandRun load = CommandRun.execute("bench", "loop", "--load", "-1", "--seconds", "1");

    assertEquals(2, priority.exit());
    assertEquals(List.of("nrl-edge: --rt-priority: must be 1..99, got 0"), priority.errLines());
    assertEquals(2, cpus.exit());
    assertTrue(cpus.err().startsWith("nrl-edge: --cpu-set: 'x' in CPU set '2-x' is not a CPU number"), cpus.err());
    assertEquals(2, load.exit());
    assertEquals(List.of("nrl-edge: --load: must be 0..256, got -1"), load.errLines());
  }
}
