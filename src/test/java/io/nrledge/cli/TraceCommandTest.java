package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.env.Acrobot;
import io.nrledge.env.CartPole;
import io.nrledge.env.Reaching1D;
import io.nrledge.testing.CommandRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceCommandTest {
  private static String[] fields(String line) {
    return line.split(",", -1);
  }

  @Test
  void shouldPrintHeaderInitialRowAndOneRowPerAction() {
    CommandRun run = CommandRun.execute("trace", "--task", "cartpole", "--init", "0.01,-0.02,0.03,0.04",
        "--actions", "1,0,1");

    assertEquals(0, run.exit());
    List<String> lines = run.outLines();
    assertEquals("step,obs0,obs1,obs2,obs3,reward,terminated", lines.get(0));
    assertEquals(1 + 4, lines.size());
    assertEquals("0,0.01,-0.02,0.03,0.04,0.0,false", lines.get(1));
    assertEquals("3", fields(lines.get(4))[0]);
    assertTrue(run.errLines().isEmpty());
  }

  @Test
  void shouldPrintValuesThatReadBackAsTheEnvironmentsExactDoubles() {
    CommandRun run = CommandRun.execute("trace", "--task", "acrobot", "--init", "-0.05,0.02,0.1,-0.1",
        "--actions", "2,2,0,1");

    Acrobot env = new Acrobot();
    env.resetTo(new double[] {-0.05, 0.02, 0.1, -0.1});
    int[] actions = {2, 2, 0, 1};
    List<String> lines = run.outLines();
    for (int k = 0; k < actions.length; k++) {
      double reward = env.step(actions[k]);
      String[] row = fields(lines.get(k + 2));
      for (int i = 0; i < 6; i++) {
        assertEquals(env.observation()[i], Double.parseDouble(row[1 + i]), 0.0, "row " + (k + 1) + " obs" + i);
      }
      assertEquals(reward, Double.parseDouble(row[7]), 0.0);
      assertEquals("false", row[8]);
    }
  }

  @Test
  void shouldStopAtTheStepThatTerminatesTheEpisode() {
    CommandRun run = CommandRun.execute("trace", "--task", "cartpole", "--init", "0,0,0.2,2",
        "--actions", "1,1,1,1,1,1,1,1");

    List<String> lines = run.outLines();
    CartPole env = new CartPole();
    env.resetTo(new double[] {0, 0, 0.2, 2});
    env.step(1);
    assertTrue(env.terminated(), "precondition: the first step terminates");
    assertEquals(1 + 2, lines.size());
    assertEquals("1.0,true", lines.get(2).substring(lines.get(2).length() - "1.0,true".length()));
  }

  @Test
  void shouldStopWhenAReachingTrialIsTruncated() {
    String actions = String.join(",", java.util.Collections.nCopies(305, "1"));
    CommandRun run = CommandRun.execute("trace", "--task", "reaching", "--init", "3.141592653589793,2.5",
        "--actions", actions);

    List<String> lines = run.outLines();
    assertEquals(1 + 1 + 300, lines.size());
    assertEquals(1 + 32 + 2, fields(lines.get(1)).length);
    assertEquals("300", fields(lines.get(301))[0]);
  }

  @Test
  void shouldPassTaskOptionsToTheEnvironment() {
    CommandRun run = CommandRun.execute("trace", "--task", "reaching", "--option", "corrected=true",
        "--init", "3.0,3.9", "--actions", "0");

    Reaching1D corrected = new Reaching1D(Reaching1D.Variant.CORRECTED);
    corrected.resetTo(new double[] {3.0, 3.9});
    double expected = corrected.step(0);
    assertEquals(expected, Double.parseDouble(fields(run.outLines().get(2))[33]), 0.0);
  }

  @Test
  void shouldRejectTheWrongNumberOfInitValuesNamingTheState() {
    CommandRun run = CommandRun.execute("trace", "--task", "cartpole", "--init", "0,0,0", "--actions", "1");

    assertEquals(2, run.exit());
    assertEquals(List.of("nrl-edge: --init: cartpole needs 4 values (x, x_dot, theta, theta_dot), got 3"),
        run.errLines());
    assertTrue(run.outLines().isEmpty());
  }

  @Test
  void shouldRejectAnInitValueThatIsNotANumber() {
    CommandRun run = CommandRun.execute("trace", "--task", "reaching", "--init", "3.1,abc", "--actions", "1");

    assertEquals(2, run.exit());
    assertEquals(List.of("nrl-edge: --init: 'abc' is not a number"), run.errLines());
  }

  @Test
  void shouldRejectAnActionOutOfRange() {
    CommandRun run = CommandRun.execute("trace", "--task", "cartpole", "--init", "0,0,0,0", "--actions", "1,0,2");

    assertEquals(2, run.exit());
    assertEquals(List.of("nrl-edge: --actions: cartpole actions are 0..1, got 2 at position 3"), run.errLines());
    assertTrue(run.outLines().isEmpty());
  }

  @Test
  void shouldRejectAnActionThatIsNotAnInteger() {
    CommandRun run = CommandRun.execute("trace", "--task", "acrobot", "--init", "0,0,0,0", "--actions", "1,x");

    assertEquals(2, run.exit());
    assertEquals(List.of("nrl-edge: --actions: 'x' is not an integer"), run.errLines());
  }

  @Test
  void shouldRejectAnUnknownTask() {
    CommandRun run = CommandRun.execute("trace", "--task", "pendulum", "--init", "0", "--actions", "1");

    assertEquals(2, run.exit());
    assertEquals(List.of("nrl-edge: --task: unknown task 'pendulum' (cartpole, acrobot, reaching)"), run.errLines());
  }

  @Test
  void shouldRejectABadTaskOption() {
    CommandRun run = CommandRun.execute("trace", "--task", "reaching", "--option", "corrected=yes", "--init", "0,1",
        "--actions", "1");

    assertEquals(2, run.exit());
    assertEquals(List.of("nrl-edge: --option: corrected must be true or false, got 'yes'"), run.errLines());
  }
}
