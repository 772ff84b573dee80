/** Simulated boards and rigs behind the device contracts of {@link io.nrledge.io}. */
package io.nrledge.io.sim;
