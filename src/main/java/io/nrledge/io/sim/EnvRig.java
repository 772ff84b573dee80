package io.nrledge.io.sim;

import io.nrledge.learner.Stateful;
import java.nio.ByteBuffer;

import io.nrledge.env.Environment;
import io.nrledge.io.ActuatorOutput;
import io.nrledge.io.Board;
import io.nrledge.io.EpisodeReset;
import io.nrledge.io.EventKind;
import io.nrledge.io.EventSource;
import io.nrledge.io.IoStatus;
import io.nrledge.io.SensorInput;
import io.nrledge.io.NanoClock;
import java.util.List;
import java.util.Optional;

/**
 * A simulated rig around one {@link Environment} plant (CartPole, Acrobot, Reaching). The sensors
 * read the plant's observation; each actuator write steps the plant once with the environment
 * action whose command vector is nearest to the written commands; the plant's terminal condition
 * and time limit press an end-of-episode switch (again on every write until the episode is reset, as a held limit switch would), and, when {@code rewardEvents} is on, each
 * step's reward is posted by a reward switch. Safe state holds the plant (no step), like a brake.
 * Never allocates after construction.
 */
public final class EnvRig implements Board, EpisodeReset, Stateful {
  private final Environment plant;
  private final double[][] actionCommands;
  private final boolean rewardEvents;
  private final SimSwitch endSwitch;
  private final SimSwitch rewardSwitch;
  private final List<EventSource> eventSources;
  private final Sensors sensors = new Sensors();
  private final Actuators actuators;

  /**
   * {@code actionCommands[a]} is the command vector environment action {@code a} stands for
   * (CartPole: force in N). Not real-time safe.
   */
  public EnvRig(Environment plant, double[][] actionCommands, boolean rewardEvents, long seed, NanoClock clock) {
    if (actionCommands.length != plant.actionCount()) {
      throw new IllegalArgumentException(plant.name() + " has " + plant.actionCount() + " actions, got "
          + actionCommands.length + " command vectors");
    }
    this.plant = plant;
    this.actionCommands = new double[actionCommands.length][];
    for (int a = 0; a < actionCommands.length; a++) {
      this.actionCommands[a] = actionCommands[a].clone();
    }
    this.actuators = new Actuators(actionCommands[0].length);
    this.rewardEvents = rewardEvents;
    this.endSwitch = new SimSwitch(plant.name() + "-end-switch", clock);
    this.rewardSwitch = new SimSwitch(plant.name() + "-reward", clock);
    this.eventSources = List.of(endSwitch, rewardSwitch);
    plant.seed(seed);
    plant.reset();
  }

  @Override
  public String name() {
    return "sim-" + plant.name();
  }

  @Override
  public SensorInput sensors() {
    return sensors;
  }

  @Override
  public ActuatorOutput actuators() {
    return actuators;
  }

  @Override
  public List<EventSource> eventSources() {
    return eventSources;
  }

  @Override
  public Optional<EpisodeReset> episodeReset() {
    return Optional.of(this);
  }

  @Override
  public void resetEpisode() {
    plant.reset();
  }

  /** The plant's state (the switches hold none: their events are drained within the tick). */
  @Override
  public int stateBytes() {
    return plant.stateBytes();
  }

  @Override
  public void saveState(ByteBuffer out) {
    plant.saveState(out);
  }

  @Override
  public void loadState(ByteBuffer in) {
    plant.loadState(in);
  }

  private int nearestAction(double[] commands) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int a = 0; a < actionCommands.length; a++) {
      double d = 0;
      for (int c = 0; c < actionCommands[a].length; c++) {
        double e = commands[c] - actionCommands[a][c];
        d += e * e;
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = a;
      }
    }
    return best;
  }

  private final class Sensors implements SensorInput {
    @Override
    public String name() {
      return plant.name() + "-state";
    }

    @Override
    public int channels() {
      return plant.observationSize();
    }

    @Override
    public IoStatus read(double[] out) {
      System.arraycopy(plant.observation(), 0, out, 0, plant.observationSize());
      return IoStatus.OK;
    }
  }

  /** Applies the action nearest to the commands; its safe value is 0 on every channel (no force, no torque). */
  private final class Actuators implements ActuatorOutput {
    private final double[] applied;

    Actuators(int channels) {
      this.applied = new double[channels];
    }

    @Override
    public String name() {
      return plant.name() + "-drive";
    }

    @Override
    public int channels() {
      return actionCommands[0].length;
    }

    @Override
    public IoStatus write(double[] commands) {
      System.arraycopy(commands, 0, applied, 0, applied.length);
      if (!plant.done()) {
        double reward = plant.step(nearestAction(commands));
        if (rewardEvents) {
          rewardSwitch.press(EventKind.REWARD, reward);
        }
      }
      if (plant.terminated()) {
        endSwitch.press(EventKind.TERMINAL, 0);
      } else if (plant.truncated()) {
        endSwitch.press(EventKind.TRUNCATED, 0);
      }
      return IoStatus.OK;
    }

    @Override
    public IoStatus writeSafe() {
      java.util.Arrays.fill(applied, 0.0);
      return IoStatus.OK;
    }

    @Override
    public boolean readBack(double[] out) {
      System.arraycopy(applied, 0, out, 0, applied.length);
      return true;
    }
  }
}
