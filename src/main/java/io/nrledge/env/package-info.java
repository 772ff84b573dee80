/** Simulated tasks (CartPole-v1, Acrobot-v1, Reaching1D) with allocation-free reset and step over preallocated state. */
package io.nrledge.env;
