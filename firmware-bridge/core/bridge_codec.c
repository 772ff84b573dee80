#include "bridge_codec.h"

uint16_t bridge_crc16(const uint8_t *data, size_t n) {
  uint16_t crc = 0xFFFFu;
  size_t i;
  int bit;
  for (i = 0; i < n; i++) {
    crc ^= (uint16_t) ((uint16_t) data[i] << 8);
    for (bit = 0; bit < 8; bit++) {
      crc = (crc & 0x8000u) ? (uint16_t) ((crc << 1) ^ 0x1021u) : (uint16_t) (crc << 1);
    }
  }
  return crc;
}

size_t bridge_cobs_encode(const uint8_t *in, size_t n, uint8_t *out, size_t cap) {
  size_t code_at = 0;
  size_t o = 1;
  uint8_t code = 1;
  size_t i;
  if (n > 254 || cap < n + 1) {
    return 0;
  }
  for (i = 0; i < n; i++) {
    if (in[i] == 0) {
      out[code_at] = code;
      code_at = o++;
      code = 1;
    } else {
      out[o++] = in[i];
      code++;
    }
  }
  out[code_at] = code;
  return o;
}

int bridge_cobs_decode(const uint8_t *in, size_t n, uint8_t *out, size_t cap) {
  size_t i = 0;
  size_t o = 0;
  while (i < n) {
    uint8_t code = in[i++];
    uint8_t k;
    if (code == 0 || (size_t) (code - 1) > n - i) {
      return -1;
    }
    for (k = 1; k < code; k++) {
      if (o >= cap) {
        return -1;
      }
      out[o++] = in[i++];
    }
    if (code != 0xFF && i < n) {
      if (o >= cap) {
        return -1;
      }
      out[o++] = 0;
    }
  }
  return (int) o;
}

int bridge_check_payload(uint8_t type, uint8_t length) {
  switch (type) {
    case BRIDGE_HELLO:
      return length == 0 || length == 11 ? BRIDGE_OK : BRIDGE_ERR_PAYLOAD;
    case BRIDGE_SENSOR_SAMPLE:
      return length >= 10 && length <= 6 + 4 * BRIDGE_MAX_CHANNELS && (length - 6) % 4 == 0 ? BRIDGE_OK
                                                                                              : BRIDGE_ERR_PAYLOAD;
    case BRIDGE_ACTUATOR_COMMAND:
      return length >= 5 && length <= 1 + 4 * BRIDGE_MAX_CHANNELS && (length - 1) % 4 == 0 ? BRIDGE_OK
                                                                                             : BRIDGE_ERR_PAYLOAD;
    case BRIDGE_EVENT:
      return length == 12 ? BRIDGE_OK : BRIDGE_ERR_PAYLOAD;
    case BRIDGE_HEARTBEAT:
      return length == 13 ? BRIDGE_OK : BRIDGE_ERR_PAYLOAD;
    case BRIDGE_CONFIG:
      return length == 7 ? BRIDGE_OK : BRIDGE_ERR_PAYLOAD;
    case BRIDGE_ERROR:
      return length == 4 ? BRIDGE_OK : BRIDGE_ERR_PAYLOAD;
    case BRIDGE_RESET_EPISODE:
      return length == 0 ? BRIDGE_OK : BRIDGE_ERR_PAYLOAD;
    case BRIDGE_NOISE_SEED:
      return length == 8 ? BRIDGE_OK : BRIDGE_ERR_PAYLOAD;
    case BRIDGE_NOISE_NEXT:
      return length == 1 ? BRIDGE_OK : BRIDGE_ERR_PAYLOAD;
    case BRIDGE_NOISE_WORDS:
      return length >= 14 && length <= 4 + 10 * BRIDGE_MAX_NOISE_WORDS && (length - 4) % 10 == 0 ? BRIDGE_OK
                                                                                                   : BRIDGE_ERR_PAYLOAD;
    default:
      return BRIDGE_ERR_TYPE;
  }
}

int bridge_check_frame(const uint8_t *raw, size_t n, bridge_frame *f) {
  uint8_t length;
  int payload;
  if (n < BRIDGE_HEADER + BRIDGE_CRC) {
    return BRIDGE_ERR_SHORT;
  }
  if (bridge_crc16(raw, n - BRIDGE_CRC) != bridge_get_u16(raw + n - BRIDGE_CRC)) {
    return BRIDGE_ERR_CRC;
  }
  if (raw[0] != BRIDGE_VERSION) {
    return BRIDGE_ERR_VERSION;
  }
  length = raw[3];
  if (length > BRIDGE_MAX_PAYLOAD || (size_t) length + BRIDGE_HEADER + BRIDGE_CRC != n) {
    return BRIDGE_ERR_LENGTH;
  }
  payload = bridge_check_payload(raw[1], length);
  if (payload != BRIDGE_OK) {
    return payload;
  }
  f->type = raw[1];
  f->seq = raw[2];
  f->length = length;
  f->payload = raw + BRIDGE_HEADER;
  return BRIDGE_OK;
}

size_t bridge_encode(uint8_t type, uint8_t seq, const uint8_t *payload, uint8_t length, uint8_t *out, size_t cap) {
  uint8_t raw[BRIDGE_MAX_FRAME];
  size_t n;
  size_t i;
  if (length > BRIDGE_MAX_PAYLOAD || cap < BRIDGE_MAX_WIRE) {
    return 0;
  }
  raw[0] = BRIDGE_VERSION;
  raw[1] = type;
  raw[2] = seq;
  raw[3] = length;
  for (i = 0; i < length; i++) {
    raw[BRIDGE_HEADER + i] = payload[i];
  }
  n = BRIDGE_HEADER + length;
  bridge_put_u16(raw + n, bridge_crc16(raw, n));
  n += BRIDGE_CRC;
  n = bridge_cobs_encode(raw, n, out, cap - 1);
  if (n == 0) {
    return 0;
  }
  out[n++] = 0;
  return n;
}

void bridge_rx_init(bridge_rx *rx) {
  rx->fill = 0;
  rx->overflow = 0;
}

int bridge_rx_byte(bridge_rx *rx, uint8_t byte, bridge_frame *f) {
  int n;
  if (byte != 0) {
    if (rx->fill < BRIDGE_MAX_ENCODED) {
      rx->encoded[rx->fill++] = byte;
    } else {
      rx->overflow = 1;
    }
    return BRIDGE_NONE;
  }
  if (rx->overflow) {
    rx->fill = 0;
    rx->overflow = 0;
    return BRIDGE_ERR_OVERSIZE;
  }
  if (rx->fill == 0) {
    return BRIDGE_NONE;
  }
  n = bridge_cobs_decode(rx->encoded, rx->fill, rx->decoded, sizeof rx->decoded);
  rx->fill = 0;
  if (n < 0) {
    return BRIDGE_ERR_COBS;
  }
  return bridge_check_frame(rx->decoded, (size_t) n, f);
}

void bridge_put_u16(uint8_t *p, uint16_t v) {
  p[0] = (uint8_t) v;
  p[1] = (uint8_t) (v >> 8);
}

void bridge_put_u32(uint8_t *p, uint32_t v) {
  bridge_put_u16(p, (uint16_t) v);
  bridge_put_u16(p + 2, (uint16_t) (v >> 16));
}

void bridge_put_u64(uint8_t *p, uint64_t v) {
  bridge_put_u32(p, (uint32_t) v);
  bridge_put_u32(p + 4, (uint32_t) (v >> 32));
}

uint16_t bridge_get_u16(const uint8_t *p) {
  return (uint16_t) (p[0] | ((uint16_t) p[1] << 8));
}

uint32_t bridge_get_u32(const uint8_t *p) {
  return (uint32_t) bridge_get_u16(p) | ((uint32_t) bridge_get_u16(p + 2) << 16);
}

uint64_t bridge_get_u64(const uint8_t *p) {
  return (uint64_t) bridge_get_u32(p) | ((uint64_t) bridge_get_u32(p + 4) << 32);
}
