/*
 * libFuzzer target for the C receiver (make fuzz: clang, AddressSanitizer, UBSan). Feeds the
 * input byte by byte and checks the receiver's promises: every result is NONE, OK or an error
 * code; an accepted frame's fields agree with its bytes (CRC, version, length, payload size);
 * a frame re-encoded from an accepted one decodes to the same fields.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/bridge_codec.h"

static void check(int ok) {
  if (!ok) {
    abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  bridge_rx rx;
  bridge_frame f;
  size_t i;
  bridge_rx_init(&rx);
  for (i = 0; i < size; i++) {
    int r = bridge_rx_byte(&rx, data[i], &f);
    check(r >= BRIDGE_NONE && r < BRIDGE_ERR_COUNT && r != BRIDGE_ERR_SEQUENCE_GAP);
    if (r == BRIDGE_OK) {
      uint8_t wire[BRIDGE_MAX_WIRE];
      uint8_t payload[BRIDGE_MAX_PAYLOAD];
      bridge_rx again;
      bridge_frame g;
      size_t n, k;
      int r2 = BRIDGE_NONE;
      check(f.length <= BRIDGE_MAX_PAYLOAD);
      check(bridge_check_payload(f.type, f.length) == BRIDGE_OK);
      memcpy(payload, f.payload, f.length);
      n = bridge_encode(f.type, f.seq, payload, f.length, wire, sizeof wire);
      check(n > 0 && n <= BRIDGE_MAX_WIRE);
      bridge_rx_init(&again);
      for (k = 0; k < n; k++) {
        r2 = bridge_rx_byte(&again, wire[k], &g);
      }
      check(r2 == BRIDGE_OK && g.type == f.type && g.seq == f.seq && g.length == f.length
          && memcmp(g.payload, payload, f.length) == 0);
    }
  }
  return 0;
}
