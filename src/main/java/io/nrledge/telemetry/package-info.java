/** Run statistics, lateness histograms and summaries read by threads other than the control thread. */
package io.nrledge.telemetry;
