/** The fixed-period control loop: clocks, idle strategies, event drain, watchdog and safe state, train and eval modes, real-time scheduling of the control thread. */
package io.nrledge.runtime;
