#include "bridge_fw.h"

static int due(uint32_t now, uint32_t at) {
  return (int32_t) (now - at) >= 0;
}

static void count16(uint16_t *c, uint16_t n) {
  uint32_t sum = (uint32_t) *c + n;
  *c = (uint16_t) (sum > 0xFFFFu ? 0xFFFFu : sum);
}

static int send(bridge_fw *fw, uint8_t type, uint8_t length) {
  size_t n = bridge_encode(type, fw->tx_seq, fw->payload, length, fw->tx, sizeof fw->tx);
  if (n == 0 || !fw->board.write(fw->board.ctx, fw->tx, (uint8_t) n)) {
    return 0;
  }
  fw->tx_seq++;
  if (fw->tx_seq == 0) {
    fw->tx_seq = 1; /* 0 marks only the first frame after a reset */
  }
  return 1;
}

static void send_hello(bridge_fw *fw) {
  uint8_t *p = fw->payload;
  p[0] = fw->board.board;
  p[1] = BRIDGE_FW_RELEASE;
  p[2] = BRIDGE_FW_SENSORS;
  p[3] = BRIDGE_FW_ACTUATORS;
  bridge_put_u32(p + 4, fw->sample_period_us);
  bridge_put_u16(p + 8, fw->failsafe_timeout_ms);
  p[10] = fw->plant_kind;
  send(fw, BRIDGE_HELLO, 11);
}

static void send_sample(bridge_fw *fw, uint32_t now_us) {
  int32_t values[BRIDGE_FW_SENSORS];
  uint8_t i;
  if (fw->plant_kind == BRIDGE_PLANT_TRACK) {
    values[0] = fw->plant.x_um / 1000;
    values[1] = fw->plant.v_um_s / 1000;
  } else {
    fw->board.read_pins(fw->board.ctx, values);
  }
  bridge_put_u32(fw->payload, now_us);
  fw->payload[4] = fw->episode;
  fw->payload[5] = fw->failsafe;
  for (i = 0; i < BRIDGE_FW_SENSORS; i++) {
    bridge_put_u32(fw->payload + 6 + 4 * i, (uint32_t) values[i]);
  }
  send(fw, BRIDGE_SENSOR_SAMPLE, (uint8_t) (6 + 4 * BRIDGE_FW_SENSORS));
}

static void send_heartbeat(bridge_fw *fw, uint32_t now_us) {
  uint8_t *p = fw->payload;
  bridge_put_u32(p, now_us);
  p[4] = fw->failsafe;
  bridge_put_u16(p + 5, fw->failsafe_events);
  bridge_put_u16(p + 7, fw->crc_errors);
  bridge_put_u16(p + 9, fw->rejected);
  bridge_put_u16(p + 11, fw->sequence_gaps);
  send(fw, BRIDGE_HEARTBEAT, 13);
}

/* Drives the actuators from the current command, or safe while failsafe/SAFE/unarmed. */
static void apply(bridge_fw *fw) {
  int safe = !fw->armed || fw->failsafe || fw->safe_cmd;
  if (fw->plant_kind == BRIDGE_PLANT_PINS) {
    fw->board.drive_pins(fw->board.ctx, fw->command, safe);
  }
}

static void report_error(bridge_fw *fw, uint8_t code, uint8_t detail) {
  if (code < BRIDGE_ERR_COUNT) {
    count16(&fw->error_counts[code], 1);
  }
  if (code == BRIDGE_ERR_CRC) {
    count16(&fw->crc_errors, 1);
  } else if (code != BRIDGE_ERR_SEQUENCE_GAP) {
    count16(&fw->rejected, 1);
  }
  if (!fw->error_pending) {
    fw->error_pending = 1;
    fw->error_code = code;
    fw->error_detail = detail;
  }
}

static void on_command(bridge_fw *fw, const bridge_frame *f, uint32_t now_us) {
  uint8_t n = (uint8_t) ((f->length - 1) / 4);
  uint8_t i;
  if (n != BRIDGE_FW_ACTUATORS) {
    report_error(fw, BRIDGE_ERR_PAYLOAD, f->type);
    return;
  }
  for (i = 0; i < n; i++) {
    int32_t v = (int32_t) bridge_get_u32(f->payload + 1 + 4 * i);
    fw->command[i] = v > 1000 ? 1000 : v < -1000 ? -1000 : v;
  }
  fw->safe_cmd = (uint8_t) (f->payload[0] & 1u);
  fw->armed = 1;
  fw->last_command_us = now_us;
  if (!fw->safe_cmd) {
    fw->failsafe = 0;
  }
  apply(fw);
}

static void on_config(bridge_fw *fw, const bridge_frame *f) {
  uint32_t period = bridge_get_u32(f->payload);
  uint16_t timeout = bridge_get_u16(f->payload + 4);
  uint8_t plant = f->payload[6];
  if (period < 1000uL || period > 1000000uL || timeout < 10u || timeout > 60000u || plant > BRIDGE_PLANT_TRACK) {
    report_error(fw, BRIDGE_ERR_PAYLOAD, f->type);
    return;
  }
  fw->sample_period_us = period;
  fw->failsafe_timeout_ms = timeout;
  fw->plant_kind = plant;
  send_hello(fw);
}

static void on_noise_next(bridge_fw *fw, const bridge_frame *f) {
  uint8_t count = f->payload[0];
  uint8_t i;
  if (count < 1 || count > BRIDGE_MAX_NOISE_WORDS) {
    report_error(fw, BRIDGE_ERR_PAYLOAD, f->type);
    return;
  }
  bridge_put_u32(fw->payload, fw->noise_index);
  for (i = 0; i < count; i++) {
    uint8_t *w = fw->payload + 4 + 10 * i;
    uint64_t word = nrl_xoshiro_next(&fw->noise);
    bridge_put_u64(w, word);
    w[8] = (uint8_t) (int8_t) nrl_noise_transform(NRL_NOISE_GAUSSIAN, word);
    w[9] = (uint8_t) (int8_t) nrl_noise_transform(NRL_NOISE_RADEMACHER, word);
  }
  fw->noise_index += count;
  send(fw, BRIDGE_NOISE_WORDS, (uint8_t) (4 + 10 * count));
}

static void on_frame(bridge_fw *fw, const bridge_frame *f, uint32_t now_us) {
  if (fw->peer_seen) {
    uint8_t d = (uint8_t) (f->seq - fw->peer_seq - 1u);
    if (d >= 128u) {
      return; /* duplicate or stale */
    }
    if (d > 0) {
      count16(&fw->sequence_gaps, d);
      report_error(fw, BRIDGE_ERR_SEQUENCE_GAP, d);
    }
  }
  fw->peer_seen = 1;
  fw->peer_seq = f->seq;
  switch (f->type) {
    case BRIDGE_ACTUATOR_COMMAND:
      on_command(fw, f, now_us);
      break;
    case BRIDGE_HELLO:
      if (f->length != 0) {
        report_error(fw, BRIDGE_ERR_TYPE, f->type);
      } else {
        send_hello(fw);
      }
      break;
    case BRIDGE_CONFIG:
      on_config(fw, f);
      break;
    case BRIDGE_HEARTBEAT:
      break;
    case BRIDGE_RESET_EPISODE:
      fw->episode++;
      plant_track_reset(&fw->plant);
      send_sample(fw, now_us);
      break;
    case BRIDGE_NOISE_SEED:
      nrl_xoshiro_seed(&fw->noise, bridge_get_u64(f->payload));
      fw->noise_index = 0;
      break;
    case BRIDGE_NOISE_NEXT:
      on_noise_next(fw, f);
      break;
    default: /* types only the MCU sends */
      report_error(fw, BRIDGE_ERR_TYPE, f->type);
      break;
  }
}

void bridge_fw_init(bridge_fw *fw, const bridge_board *board, uint64_t plant_seed, uint32_t now_us) {
  uint8_t *bytes = (uint8_t *) fw;
  size_t k;
  for (k = 0; k < sizeof *fw; k++) {
    bytes[k] = 0;
  }
  fw->board = *board;
  bridge_rx_init(&fw->rx);
  fw->sample_period_us = BRIDGE_FW_DEFAULT_PERIOD_US;
  fw->failsafe_timeout_ms = BRIDGE_FW_DEFAULT_FAILSAFE_MS;
  fw->plant_kind = board->default_plant;
  fw->next_sample_us = now_us + fw->sample_period_us;
  fw->next_heartbeat_us = now_us + BRIDGE_FW_HEARTBEAT_US;
  fw->edges[0].kind = BRIDGE_EVENT_TERMINAL;
  fw->edges[1].kind = BRIDGE_EVENT_REWARD;
  fw->edges[1].value = 1000;
  plant_track_seed(&fw->plant, plant_seed);
  nrl_xoshiro_seed(&fw->noise, 0);
  apply(fw);
  fw->tx[0] = 0;
  fw->board.write(fw->board.ctx, fw->tx, 1);
  send_hello(fw);
}

void bridge_fw_rx(bridge_fw *fw, uint8_t byte, uint32_t now_us) {
  bridge_frame f;
  int r = bridge_rx_byte(&fw->rx, byte, &f);
  if (r == BRIDGE_OK) {
    on_frame(fw, &f, now_us);
  } else if (r != BRIDGE_NONE) {
    report_error(fw, (uint8_t) r, 0);
  }
}

void bridge_fw_edge(bridge_fw *fw, uint8_t channel, uint32_t at_us) {
  if (channel < BRIDGE_FW_EDGE_CHANNELS) {
    fw->edges[channel].count++;
    fw->edges[channel].last_us = at_us;
  }
}

static void send_events(bridge_fw *fw) {
  uint8_t c;
  for (c = 0; c < BRIDGE_FW_EDGE_CHANNELS; c++) {
    bridge_edge_channel *e = &fw->edges[c];
    if (e->count != e->reported) {
      uint8_t *p = fw->payload;
      p[0] = e->kind;
      p[1] = c;
      bridge_put_u16(p + 2, e->count);
      bridge_put_u32(p + 4, e->last_us);
      bridge_put_u32(p + 8, (uint32_t) e->value);
      if (send(fw, BRIDGE_EVENT, 12)) {
        e->reported = e->count;
      }
    }
  }
}

void bridge_fw_poll(bridge_fw *fw, uint32_t now_us) {
  if (fw->armed && !fw->failsafe && !fw->safe_cmd
      && (uint32_t) (now_us - fw->last_command_us) > (uint32_t) fw->failsafe_timeout_ms * 1000uL) {
    fw->failsafe = 1;
    count16(&fw->failsafe_events, 1);
    apply(fw);
  }
  if (due(now_us, fw->next_sample_us)) {
    fw->next_sample_us += fw->sample_period_us;
    if (due(now_us, fw->next_sample_us)) {
      fw->next_sample_us = now_us + fw->sample_period_us; /* fell behind: skip, never burst */
    }
    if (fw->plant_kind == BRIDGE_PLANT_TRACK) {
      int safe = !fw->armed || fw->failsafe || fw->safe_cmd;
      if (plant_track_step(&fw->plant, safe ? 0 : fw->command[0], fw->sample_period_us)) {
        bridge_fw_edge(fw, 0, now_us);
      }
    }
    send_events(fw);
    send_sample(fw, now_us);
    if (fw->error_pending && (uint32_t) (now_us - fw->error_sent_us) >= fw->sample_period_us) {
      uint8_t *p = fw->payload;
      p[0] = fw->error_code;
      p[1] = fw->error_detail;
      bridge_put_u16(p + 2, fw->error_counts[fw->error_code < BRIDGE_ERR_COUNT ? fw->error_code : 0]);
      if (send(fw, BRIDGE_ERROR, 4)) {
        fw->error_pending = 0;
        fw->error_sent_us = now_us;
      }
    }
  }
  if (due(now_us, fw->next_heartbeat_us)) {
    fw->next_heartbeat_us += BRIDGE_FW_HEARTBEAT_US;
    if (due(now_us, fw->next_heartbeat_us)) {
      fw->next_heartbeat_us = now_us + BRIDGE_FW_HEARTBEAT_US;
    }
    send_heartbeat(fw, now_us);
  }
}
