/** Device contracts only: sensors, actuators, reward and event sources, lifecycle, and the clocks devices and the loop share. */
package io.nrledge.io;
