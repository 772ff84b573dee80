package io.nrledge.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nrledge.learner.NoiseKind;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExperimentTest {
  private static final List<RunSpec> SPECS = new ExperimentPlan(Task.CARTPOLE, false, List.of(Method.NRL, Method.BP),
      List.of(1L, 2L, 3L), TaskDefaults.hidden(), Map.of(), List.of(), true, TaskDefaults.PROBES_PER_LAYER, NoiseKind.GAUSSIAN, 40, false).runs();

  @Test
  void shouldReturnResultsInSpecOrderIdenticalToRunningEachAlone() throws Exception {
    List<RunResult> results = new Experiment(SPECS, 2).run(result -> { });

    assertEquals(SPECS.size(), results.size());
    for (int i = 0; i < SPECS.size(); i++) {
      RunResult alone = new TrainingRun(SPECS.get(i)).run(new AtomicLong());
      assertEquals(SPECS.get(i), results.get(i).spec());
      assertArrayEquals(alone.returns(), results.get(i).returns(), 0.0, "run " + i);
    }
  }

  @Test
  void shouldTellTheListenerOfEveryRunAndCountEveryEpisode() throws Exception {
    ConcurrentLinkedQueue<RunResult> finished = new ConcurrentLinkedQueue<>();
    Experiment experiment = new Experiment(SPECS, 3);

    experiment.run(finished::add);

    assertEquals(SPECS.size(), finished.size());
    assertEquals(SPECS.size(), experiment.runsDone());
    assertEquals(SPECS.size() * 40L, experiment.episodesDone());
    assertEquals(experiment.episodeBudget(), experiment.episodesDone());
  }
}
