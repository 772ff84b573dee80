package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
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
  }

  @Test
  void shouldRejectAnUnknownStrategyWithExitTwo() {
    assertEquals(2, Main.execute("bench", "loop", "--strategy", "nap", "--seconds", "1"));
  }
}
