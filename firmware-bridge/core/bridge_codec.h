/*
 * bridge_codec: frames of the nrl-edge bridge protocol (../PROTOCOL.md): CRC-16/CCITT-FALSE,
 * COBS, frame build and check, and a byte-at-a-time receiver that resynchronises at every 0x00.
 * Portable C99, <stdint.h> only; no allocation, no globals; every index is bounds-checked.
 */
#ifndef BRIDGE_CODEC_H
#define BRIDGE_CODEC_H

#include <stddef.h>
#include <stdint.h>

#define BRIDGE_VERSION 1u
#define BRIDGE_HEADER 4u
#define BRIDGE_CRC 2u
#define BRIDGE_MAX_PAYLOAD 64u
#define BRIDGE_MAX_FRAME (BRIDGE_HEADER + BRIDGE_MAX_PAYLOAD + BRIDGE_CRC) /* 70 */
#define BRIDGE_MAX_ENCODED (BRIDGE_MAX_FRAME + 1u)                        /* 71, without delimiter */
#define BRIDGE_MAX_WIRE (BRIDGE_MAX_ENCODED + 1u)                         /* 72, with delimiter */
#define BRIDGE_MAX_CHANNELS 8u
#define BRIDGE_MAX_NOISE_WORDS 6u

enum bridge_type {
  BRIDGE_HELLO = 0x01,
  BRIDGE_SENSOR_SAMPLE = 0x02,
  BRIDGE_ACTUATOR_COMMAND = 0x03,
  BRIDGE_EVENT = 0x04,
  BRIDGE_HEARTBEAT = 0x05,
  BRIDGE_CONFIG = 0x06,
  BRIDGE_ERROR = 0x07,
  BRIDGE_RESET_EPISODE = 0x08,
  BRIDGE_NOISE_SEED = 0x09,
  BRIDGE_NOISE_NEXT = 0x0A,
  BRIDGE_NOISE_WORDS = 0x0B
};

/* Receive results; the error codes are the ones ERROR frames carry. */
enum bridge_result {
  BRIDGE_OK = 0,
  BRIDGE_ERR_COBS = 1,
  BRIDGE_ERR_SHORT = 2,
  BRIDGE_ERR_CRC = 3,
  BRIDGE_ERR_VERSION = 4,
  BRIDGE_ERR_LENGTH = 5,
  BRIDGE_ERR_TYPE = 6,
  BRIDGE_ERR_PAYLOAD = 7,
  BRIDGE_ERR_OVERSIZE = 8,
  BRIDGE_ERR_SEQUENCE_GAP = 9,
  BRIDGE_ERR_COUNT = 10,
  BRIDGE_NONE = -1 /* no complete frame yet */
};

/* One checked frame: points into the receiver's buffer, valid until its next byte. */
typedef struct {
  uint8_t type;
  uint8_t seq;
  uint8_t length;
  const uint8_t *payload;
} bridge_frame;

/* Byte-at-a-time receiver; zero-initialise or call bridge_rx_init. */
typedef struct {
  uint8_t encoded[BRIDGE_MAX_ENCODED];
  uint8_t decoded[BRIDGE_MAX_FRAME];
  uint8_t fill;      /* encoded bytes collected */
  uint8_t overflow;  /* 1 while discarding an oversize frame up to its delimiter */
} bridge_rx;

uint16_t bridge_crc16(const uint8_t *data, size_t n);

/* COBS-encodes n bytes (n <= 254) into out (capacity cap); returns the encoded size or 0 if it does not fit. */
size_t bridge_cobs_encode(const uint8_t *in, size_t n, uint8_t *out, size_t cap);

/* COBS-decodes n bytes (no delimiter) into out; returns the decoded size, or -1 on a bad code byte or overflow. */
int bridge_cobs_decode(const uint8_t *in, size_t n, uint8_t *out, size_t cap);

/* Payload size check for a known type: BRIDGE_OK, BRIDGE_ERR_TYPE or BRIDGE_ERR_PAYLOAD. */
int bridge_check_payload(uint8_t type, uint8_t length);

/* Checks a decoded frame of n bytes (checks 3..8 of PROTOCOL.md); fills f on BRIDGE_OK. */
int bridge_check_frame(const uint8_t *raw, size_t n, bridge_frame *f);

/*
 * Builds the wire bytes (COBS + delimiter) of one frame into out (capacity >= BRIDGE_MAX_WIRE);
 * returns their count, or 0 when length > BRIDGE_MAX_PAYLOAD.
 */
size_t bridge_encode(uint8_t type, uint8_t seq, const uint8_t *payload, uint8_t length, uint8_t *out, size_t cap);

void bridge_rx_init(bridge_rx *rx);

/*
 * Feeds one received byte: BRIDGE_NONE while a frame is incomplete (or the byte was an idle
 * delimiter), BRIDGE_OK with *f filled when a frame passed every check, or the error of the
 * frame that just ended (its bytes are dropped and the receiver is already in step again).
 */
int bridge_rx_byte(bridge_rx *rx, uint8_t byte, bridge_frame *f);

/* Little-endian field access, bounds left to the caller's size checks. */
void bridge_put_u16(uint8_t *p, uint16_t v);
void bridge_put_u32(uint8_t *p, uint32_t v);
void bridge_put_u64(uint8_t *p, uint64_t v);
uint16_t bridge_get_u16(const uint8_t *p);
uint32_t bridge_get_u32(const uint8_t *p);
uint64_t bridge_get_u64(const uint8_t *p);

#endif /* BRIDGE_CODEC_H */
