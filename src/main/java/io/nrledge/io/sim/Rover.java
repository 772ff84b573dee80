package io.nrledge.io.sim;

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
import io.nrledge.learner.SplitMix64;
import io.nrledge.learner.Stateful;
import java.nio.ByteBuffer;

/**
 * A small differential-drive rover in a walled square arena with one lamp. Sensors, in order:
 * left and right range finders (±30° off the heading, metres to the wall, capped at
 * {@value #RANGE_MAX_M}), left and right light sensors (±45°, {@code cos⁺(angle) / (1 + (d/0.5 m)²)}).
 * Actuators: left and right wheel speeds in m/s, clamped to ±{@value #WHEEL_MAX_MPS}.
 *
 * <p>The plant is stepped by each actuator write over the loop-clock time since the last one.
 * Rewards arrive only as switch events: a bumper switch posts {@code bumpReward} when the body
 * touches a wall (the bumper's spring pushes it {@value #BOUNCE_M} m back, so pushing on presses
 * again), a beacon switch posts {@code beaconReward} when the rover reaches the lamp, which then
 * moves to a new random place. Continuing task: no episodes. Never allocates after construction.
 */
public final class Rover implements Board, Stateful {
  public static final double ARENA_M = 2.0;
  public static final double BODY_RADIUS_M = 0.1;
  public static final double WHEEL_BASE_M = 0.2;
  public static final double WHEEL_MAX_MPS = 0.5;
  public static final double RANGE_MAX_M = 1.0;
  public static final double BOUNCE_M = 0.05;
  public static final double BEACON_RADIUS_M = 0.2;
  private static final double RANGE_ANGLE = Math.toRadians(30);
  private static final double LIGHT_ANGLE = Math.toRadians(45);
  private static final double LIGHT_FALLOFF_M = 0.5;
  private static final long MAX_STEP_NS = 100_000_000L;

  private final NanoClock clock;
  private final SplitMix64 random;
  private final double bumpReward;
  private final double beaconReward;
  private final SimSwitch bumper;
  private final SimSwitch beacon;
  private final List<EventSource> eventSources;
  private final Sensors sensors = new Sensors();
  private final Wheels wheels = new Wheels();

  private double x = ARENA_M / 2;
  private double y = ARENA_M / 2;
  private double heading;
  private double lampX;
  private double lampY;
  private long lastWriteNs;
  private boolean written;
  private long bumps;
  private long beacons;

  /** Not real-time safe. */
  public Rover(long seed, double bumpReward, double beaconReward, NanoClock clock) {
    this.clock = clock;
    this.random = new SplitMix64(seed);
    this.bumpReward = bumpReward;
    this.beaconReward = beaconReward;
    this.bumper = new SimSwitch("rover-bumper", clock);
    this.beacon = new SimSwitch("rover-beacon", clock);
    this.eventSources = List.of(bumper, beacon);
    this.heading = random.nextDouble() * 2 * Math.PI;
    moveLamp();
  }

  @Override
  public String name() {
    return "sim-rover";
  }

  @Override
  public SensorInput sensors() {
    return sensors;
  }

  @Override
  public ActuatorOutput actuators() {
    return wheels;
  }

  @Override
  public List<EventSource> eventSources() {
    return eventSources;
  }

  @Override
  public Optional<EpisodeReset> episodeReset() {
    return Optional.empty();
  }

  /** Wall contacts so far. */
  public long bumps() {
    return bumps;
  }

  /** Lamps reached so far. */
  public long beacons() {
    return beacons;
  }

  /**
   * Layout: pose (x, y, heading), lamp (x, y), the last write's time and whether there was one,
   * bump and beacon counts, the applied wheel speeds, the lamp generator.
   */
  @Override
  public int stateBytes() {
    return 5 * 8 + 8 + 8 + 8 + 8 + 2 * 8 + random.stateBytes();
  }

  @Override
  public void saveState(ByteBuffer out) {
    out.putDouble(x).putDouble(y).putDouble(heading).putDouble(lampX).putDouble(lampY);
    out.putLong(lastWriteNs).putLong(written ? 1 : 0).putLong(bumps).putLong(beacons);
    out.putDouble(wheels.applied[0]).putDouble(wheels.applied[1]);
    random.saveState(out);
  }

  @Override
  public void loadState(ByteBuffer in) {
    x = in.getDouble();
    y = in.getDouble();
    heading = in.getDouble();
    lampX = in.getDouble();
    lampY = in.getDouble();
    lastWriteNs = in.getLong();
    written = in.getLong() != 0;
    bumps = in.getLong();
    beacons = in.getLong();
    wheels.applied[0] = in.getDouble();
    wheels.applied[1] = in.getDouble();
    random.loadState(in);
  }

  private void moveLamp() {
    double margin = BODY_RADIUS_M + BEACON_RADIUS_M;
    do {
      lampX = margin + random.nextDouble() * (ARENA_M - 2 * margin);
      lampY = margin + random.nextDouble() * (ARENA_M - 2 * margin);
    } while (Math.hypot(lampX - x, lampY - y) < ARENA_M / 3);
  }

  private void drive(double left, double right, double dt) {
    double v = 0.5 * (left + right);
    heading += (right - left) / WHEEL_BASE_M * dt;
    x += v * Math.cos(heading) * dt;
    y += v * Math.sin(heading) * dt;
    boolean bumped = false;
    double lo = BODY_RADIUS_M;
    double hi = ARENA_M - BODY_RADIUS_M;
    if (x < lo) {
      x = lo + BOUNCE_M;
      bumped = true;
    } else if (x > hi) {
      x = hi - BOUNCE_M;
      bumped = true;
    }
    if (y < lo) {
      y = lo + BOUNCE_M;
      bumped = true;
    } else if (y > hi) {
      y = hi - BOUNCE_M;
      bumped = true;
    }
    if (bumped) {
      bumps++;
      bumper.press(EventKind.REWARD, bumpReward);
    }
    if (Math.hypot(lampX - x, lampY - y) < BEACON_RADIUS_M) {
      beacons++;
      beacon.press(EventKind.REWARD, beaconReward);
      moveLamp();
    }
  }

  /** Distance from the rover's centre to the nearest wall along {@code angle}, capped. */
  private double range(double angle) {
    double dx = Math.cos(angle);
    double dy = Math.sin(angle);
    double t = RANGE_MAX_M + BODY_RADIUS_M;
    if (dx > 1e-12) {
      t = Math.min(t, (ARENA_M - x) / dx);
    } else if (dx < -1e-12) {
      t = Math.min(t, -x / dx);
    }
    if (dy > 1e-12) {
      t = Math.min(t, (ARENA_M - y) / dy);
    } else if (dy < -1e-12) {
      t = Math.min(t, -y / dy);
    }
    return Math.max(0, t - BODY_RADIUS_M);
  }

  private double light(double angle) {
    double dx = lampX - x;
    double dy = lampY - y;
    double d = Math.hypot(dx, dy);
    double facing = d < 1e-9 ? 1 : (dx * Math.cos(angle) + dy * Math.sin(angle)) / d;
    double falloff = d / LIGHT_FALLOFF_M;
    return Math.max(0, facing) / (1 + falloff * falloff);
  }

  private final class Sensors implements SensorInput {
    @Override
    public String name() {
      return "rover-range-light";
    }

    @Override
    public int channels() {
      return 4;
    }

    @Override
    public IoStatus read(double[] out) {
      out[0] = range(heading + RANGE_ANGLE);
      out[1] = range(heading - RANGE_ANGLE);
      out[2] = light(heading + LIGHT_ANGLE);
      out[3] = light(heading - LIGHT_ANGLE);
      return IoStatus.OK;
    }
  }

  /** Wheel speeds; safe is both wheels stopped. */
  private final class Wheels implements ActuatorOutput {
    private final double[] applied = new double[2];

    @Override
    public String name() {
      return "rover-wheels";
    }

    @Override
    public int channels() {
      return 2;
    }

    @Override
    public IoStatus write(double[] commands) {
      long now = clock.nanoTime();
      long elapsed = written ? Math.max(0, Math.min(now - lastWriteNs, MAX_STEP_NS)) : 0; // ≥ 0 after a resume on another clock
      lastWriteNs = now;
      written = true;
      double left = Math.max(-WHEEL_MAX_MPS, Math.min(WHEEL_MAX_MPS, commands[0]));
      double right = Math.max(-WHEEL_MAX_MPS, Math.min(WHEEL_MAX_MPS, commands[1]));
      drive(left, right, elapsed * 1e-9);
      applied[0] = left;
      applied[1] = right;
      return IoStatus.OK;
    }

    @Override
    public IoStatus writeSafe() {
      lastWriteNs = clock.nanoTime();
      written = true;
      applied[0] = 0;
      applied[1] = 0;
      return IoStatus.OK;
    }

    @Override
    public boolean readBack(double[] out) {
      out[0] = applied[0];
      out[1] = applied[1];
      return true;
    }
  }
}
