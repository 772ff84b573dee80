/*
 * bridge_fw: the firmware side of the bridge protocol (../PROTOCOL.md), the same on every board:
 * receives and checks frames, samples at a fixed rate, applies actuator commands, engages the
 * failsafe, reports edges as events, sends heartbeats and runs the noise source. A board layer
 * feeds it received bytes and the time, and gives it a byte writer and its pins. No allocation;
 * never blocks; not reentrant (call it from one context, e.g. the main loop, never from an ISR).
 */
#ifndef BRIDGE_FW_H
#define BRIDGE_FW_H

#include <stdint.h>

#include "../noise/nrl_noise.h"
#include "bridge_codec.h"
#include "plant_track.h"

#define BRIDGE_FW_RELEASE 1u
#define BRIDGE_FW_SENSORS 2u
#define BRIDGE_FW_ACTUATORS 1u
#define BRIDGE_FW_EDGE_CHANNELS 2u
#define BRIDGE_FW_HEARTBEAT_US 250000uL
#define BRIDGE_FW_DEFAULT_PERIOD_US 5000uL
#define BRIDGE_FW_DEFAULT_FAILSAFE_MS 100u

enum { BRIDGE_BOARD_HOST_SIM = 1, BRIDGE_BOARD_ATMEGA328P = 2, BRIDGE_BOARD_RP2040 = 3 };
enum { BRIDGE_PLANT_PINS = 0, BRIDGE_PLANT_TRACK = 1 };
enum { BRIDGE_EVENT_REWARD = 1, BRIDGE_EVENT_TERMINAL = 2, BRIDGE_EVENT_TRUNCATED = 3 };

/* What a board provides. write must take all n bytes or none (return 0), without blocking. */
typedef struct {
  uint8_t board;
  uint8_t default_plant;
  void *ctx;
  int (*write)(void *ctx, const uint8_t *bytes, uint8_t n);
  void (*read_pins)(void *ctx, int32_t *values);                 /* BRIDGE_FW_SENSORS values, thousandths */
  void (*drive_pins)(void *ctx, const int32_t *values, int safe); /* BRIDGE_FW_ACTUATORS values */
} bridge_board;

typedef struct {
  uint16_t count;      /* edges seen on the channel */
  uint16_t reported;   /* count at the last EVENT sent */
  uint32_t last_us;    /* time of the latest edge */
  uint8_t kind;
  int32_t value;
} bridge_edge_channel;

typedef struct {
  bridge_board board;
  bridge_rx rx;
  uint32_t sample_period_us;
  uint16_t failsafe_timeout_ms;
  uint8_t plant_kind;
  uint8_t tx_seq;
  uint8_t peer_seen;
  uint8_t peer_seq;
  uint8_t episode;
  uint8_t armed;     /* a command has arrived since reset */
  uint8_t failsafe;  /* engaged */
  uint8_t safe_cmd;  /* the latest command asked for SAFE */
  uint8_t error_pending;
  uint8_t error_code;
  uint8_t error_detail;
  uint32_t next_sample_us;
  uint32_t next_heartbeat_us;
  uint32_t last_command_us;
  uint32_t error_sent_us;
  int32_t command[BRIDGE_FW_ACTUATORS];
  uint16_t failsafe_events;
  uint16_t crc_errors;
  uint16_t rejected;
  uint16_t sequence_gaps;
  uint16_t error_counts[BRIDGE_ERR_COUNT];
  bridge_edge_channel edges[BRIDGE_FW_EDGE_CHANNELS];
  plant_track plant;
  nrl_xoshiro noise;
  uint32_t noise_index;
  uint8_t tx[BRIDGE_MAX_WIRE];
  uint8_t payload[BRIDGE_MAX_PAYLOAD];
} bridge_fw;

/* Starts the firmware: sends a delimiter and HELLO (seq 0). plant_seed seeds the track's stream. */
void bridge_fw_init(bridge_fw *fw, const bridge_board *board, uint64_t plant_seed, uint32_t now_us);

/* One received byte. */
void bridge_fw_rx(bridge_fw *fw, uint8_t byte, uint32_t now_us);

/* Timers: samples, failsafe, heartbeats, pending events and errors. Call at least every millisecond. */
void bridge_fw_poll(bridge_fw *fw, uint32_t now_us);

/* An edge on channel (< BRIDGE_FW_EDGE_CHANNELS) at at_us; reported by the next poll. */
void bridge_fw_edge(bridge_fw *fw, uint8_t channel, uint32_t at_us);

#endif /* BRIDGE_FW_H */
