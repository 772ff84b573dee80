/** Runs the NRL paper's tasks through the learners over seeds and settings, and writes their curves, summaries and plots. */
package io.nrledge.experiment;
