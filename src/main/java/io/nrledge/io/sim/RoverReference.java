package io.nrledge.io.sim;

/**
 * A hand-written controller for the simulated {@link Rover}, after Braitenberg's vehicles: the
 * light sensors steer it toward the lamp (more light on the left turns it left), the range
 * finders away from walls (a wall closer than {@link #AVOID_RANGE_M} turns it toward the side
 * with more room, and it keeps turning that way until the wall is behind it, so a corner cannot
 * make it dither), and with no light in
 * view it turns on the spot to look for the lamp. It gives learning a ceiling to be measured
 * against; it is simple, not optimal. Reads the rover's raw sensors in their channel order.
 */
public final class RoverReference {
  static final double CRUISE_MPS = 0.2;
  static final double AVOID_RANGE_M = 0.3;
  static final double AVOID_TURN_MPS = 0.3;
  /** Turn speed per unit of normalised light bearing, (left − right) / (left + right). */
  static final double SEEK_GAIN_MPS = 0.3;
  static final double SEARCH_TURN_MPS = 0.3;
  static final double DARK = 1e-3;

  /** While avoiding a wall: +1 turning left, −1 turning right; 0 when no wall is near. */
  private int avoiding;

  /** Wheel speeds {left, right} for the raw readings {range left, range right, light left, light right}. Real-time safe. */
  public void wheelSpeeds(double[] raw, double[] wheels) {
    double rangeLeft = raw[0];
    double rangeRight = raw[1];
    double light = raw[2] + raw[3];
    if (Math.min(rangeLeft, rangeRight) >= AVOID_RANGE_M) {
      avoiding = 0;
    } else if (avoiding == 0) {
      avoiding = rangeLeft >= rangeRight ? 1 : -1;
    }
    double turn; // > 0 turns left
    if (avoiding != 0) {
      turn = avoiding * AVOID_TURN_MPS;
    } else if (light < DARK) {
      turn = SEARCH_TURN_MPS;
    } else {
      turn = SEEK_GAIN_MPS * (raw[2] - raw[3]) / light;
    }
    wheels[0] = CRUISE_MPS - turn;
    wheels[1] = CRUISE_MPS + turn;
  }
}
