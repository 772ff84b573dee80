/** Benchmarks behind {@code nrl-edge bench}: each measures against a baseline in the same run. */
package io.nrledge.bench;
