/** Composition root: parses arguments, wires concrete objects and starts threads. */
package io.nrledge.cli;
