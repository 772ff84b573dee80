/** Pure learning math on preallocated primitive arrays (networks, integer noise, traces, reward prediction, NRL/RMHL/BP); JDK only, no threads, no I/O. */
package io.nrledge.learner;
