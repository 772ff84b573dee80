/** Firmware bridge: the wire protocol of {@code firmware-bridge/PROTOCOL.md}, its codec and serial transport, and a board behind the {@link io.nrledge.io} contracts. */
package io.nrledge.bridge;
