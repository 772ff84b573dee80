/** Device contracts only: sensors, actuators, reward and event sources, lifecycle. */
package io.nrledge.io;
