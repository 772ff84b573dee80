/** Reads a run folder's telemetry back into statistics and PNG plots, after the run; never during it. */
package io.nrledge.report;
