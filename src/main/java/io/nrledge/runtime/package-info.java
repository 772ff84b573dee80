/** The fixed-period control loop: clocks, idle strategies, event drain, watchdog and safe state, train and eval modes. */
package io.nrledge.runtime;
