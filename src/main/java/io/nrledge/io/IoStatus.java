package io.nrledge.io;

/** Outcome of one device read or write; devices report problems with it instead of throwing. */
public enum IoStatus {
  OK,
  /** The device did not answer in time (a bus timeout, a missing frame). */
  TIMEOUT,
  /** The device answered with an error or could not be reached. */
  FAILED
}
