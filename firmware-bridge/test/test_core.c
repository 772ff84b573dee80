/*
 * Host unit tests of the portable core: the golden frames of tests/golden/bridge/frames.csv,
 * COBS and the receiver on random data, and the firmware state machine on a fake board and clock.
 *   test_core FRAMES_CSV NOISE_CSV      (make -C firmware-bridge test)
 * Prints "N passed, M failed" and exits 1 on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/bridge_codec.h"
#include "../core/bridge_fw.h"

static int passed;
static int failed;

#define CHECK(cond, ...)                                                 \
  do {                                                                   \
    if (cond) {                                                          \
      passed++;                                                          \
    } else {                                                             \
      failed++;                                                          \
      fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);               \
      fprintf(stderr, __VA_ARGS__);                                      \
      fprintf(stderr, "\n");                                             \
    }                                                                    \
  } while (0)

static const char *ERROR_NAMES[BRIDGE_ERR_COUNT] = {"ok", "COBS", "SHORT", "CRC", "VERSION", "LENGTH", "TYPE",
                                                     "PAYLOAD", "OVERSIZE", "SEQUENCE_GAP"};

static size_t unhex(const char *hex, uint8_t *out, size_t cap) {
  size_t n = 0;
  while (hex[0] && hex[1] && n < cap) {
    unsigned v;
    if (sscanf(hex, "%2x", &v) != 1) {
      break;
    }
    out[n++] = (uint8_t) v;
    hex += 2;
  }
  return n;
}

/* Feeds bytes; returns the last non-NONE result (BRIDGE_NONE if none) and fills f. */
static int feed(bridge_rx *rx, const uint8_t *bytes, size_t n, bridge_frame *f, int *results) {
  int last = BRIDGE_NONE;
  size_t i;
  *results = 0;
  for (i = 0; i < n; i++) {
    int r = bridge_rx_byte(rx, bytes[i], f);
    if (r != BRIDGE_NONE) {
      last = r;
      (*results)++;
    }
  }
  return last;
}

static void test_golden(const char *path) {
  FILE *in = fopen(path, "r");
  char line[1024];
  int rows = 0;
  static uint8_t stream[8192];
  size_t stream_n = 0;
  int expected[64];
  int expected_n = 0;
  CHECK(in != NULL, "cannot open %s", path);
  if (in == NULL) {
    return;
  }
  if (fgets(line, sizeof line, in) == NULL) {
    line[0] = 0;
  }
  CHECK(strncmp(line, "name,type,seq,payload_hex,wire_hex,result", 41) == 0, "header of %s", path);
  while (fgets(line, sizeof line, in) != NULL) {
    char name[64], payload_hex[300], wire_hex[400], result[32];
    unsigned type, seq;
    uint8_t payload[160], wire[200], built[BRIDGE_MAX_WIRE];
    size_t payload_n, wire_n, built_n;
    bridge_rx rx;
    bridge_frame f;
    int count;
    int r;
    char *fields[6];
    char *p = line;
    int k;
    line[strcspn(line, "\r\n")] = 0;
    for (k = 0; k < 6; k++) {
      fields[k] = p;
      p = strchr(p, ',');
      if (p == NULL && k < 5) {
        break;
      }
      if (p != NULL) {
        *p++ = 0;
      }
    }
    CHECK(k >= 5, "row %d has 6 fields", rows + 1);
    snprintf(name, sizeof name, "%s", fields[0]);
    type = (unsigned) atoi(fields[1]);
    seq = (unsigned) atoi(fields[2]);
    snprintf(payload_hex, sizeof payload_hex, "%s", fields[3]);
    snprintf(wire_hex, sizeof wire_hex, "%s", fields[4]);
    snprintf(result, sizeof result, "%s", fields[5]);
    payload_n = unhex(payload_hex, payload, sizeof payload);
    wire_n = unhex(wire_hex, wire, sizeof wire);
    bridge_rx_init(&rx);
    r = feed(&rx, wire, wire_n, &f, &count);
    CHECK(count == 1, "%s: one result per frame, got %d", name, count);
    if (strcmp(result, "ok") == 0) {
      built_n = bridge_encode((uint8_t) type, (uint8_t) seq, payload, (uint8_t) payload_n, built, sizeof built);
      CHECK(built_n == wire_n && memcmp(built, wire, wire_n) == 0, "%s: encoded bytes differ from golden", name);
      CHECK(r == BRIDGE_OK, "%s: decode result %d", name, r);
      if (r == BRIDGE_OK) {
        CHECK(f.type == type && f.seq == seq && f.length == payload_n && memcmp(f.payload, payload, payload_n) == 0,
            "%s: decoded fields differ", name);
      }
      if (expected_n < 64) {
        expected[expected_n++] = BRIDGE_OK;
      }
    } else {
      CHECK(r > 0 && r < BRIDGE_ERR_COUNT && strcmp(ERROR_NAMES[r], result) == 0, "%s: expected %s, got %d", name,
          result, r);
      for (k = 1; k < BRIDGE_ERR_COUNT; k++) {
        if (strcmp(ERROR_NAMES[k], result) == 0 && expected_n < 64) {
          expected[expected_n++] = k;
        }
      }
    }
    if (stream_n + wire_n < sizeof stream) {
      memcpy(stream + stream_n, wire, wire_n);
      stream_n += wire_n;
    }
    rows++;
  }
  fclose(in);
  CHECK(rows >= 20, "golden rows: %d", rows);
  {
    /* All frames back to back: each one gives its own result, whatever came before (resync). */
    bridge_rx rx;
    bridge_frame f;
    int i = 0;
    size_t b;
    bridge_rx_init(&rx);
    for (b = 0; b < stream_n; b++) {
      int r = bridge_rx_byte(&rx, stream[b], &f);
      if (r != BRIDGE_NONE) {
        CHECK(i < expected_n && r == expected[i], "stream frame %d: expected %d got %d", i, expected[i], r);
        i++;
      }
    }
    CHECK(i == expected_n, "stream gave %d results for %d frames", i, expected_n);
  }
}

static uint32_t rng_state = 12345;
static uint32_t rnd(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 17;
  rng_state ^= rng_state << 5;
  return rng_state;
}

static void test_crc_and_cobs(void) {
  uint8_t in[254], enc[256], dec[256];
  int t;
  CHECK(bridge_crc16((const uint8_t *) "123456789", 9) == 0x29B1, "CRC-16/CCITT-FALSE check value");
  for (t = 0; t < 2000; t++) {
    size_t n = rnd() % 255, i, e;
    int d;
    for (i = 0; i < n; i++) {
      in[i] = (uint8_t) (rnd() % 4 == 0 ? 0 : rnd());
    }
    e = bridge_cobs_encode(in, n, enc, sizeof enc);
    CHECK(e == n + 1, "encoded size %zu for %zu", e, n);
    for (i = 0; i < e; i++) {
      if (enc[i] == 0) {
        CHECK(0, "zero inside a COBS block");
        break;
      }
    }
    d = bridge_cobs_decode(enc, e, dec, sizeof dec);
    CHECK(d == (int) n && memcmp(in, dec, n) == 0, "COBS round trip of %zu bytes", n);
  }
  CHECK(bridge_cobs_encode(in, 10, enc, 10) == 0, "encode refuses a small buffer");
}

/* Random garbage between valid frames: every valid frame is still received, no corrupt one accepted. */
static void test_receiver_under_garbage(void) {
  bridge_rx rx;
  bridge_frame f;
  uint8_t payload[BRIDGE_MAX_PAYLOAD], wire[BRIDGE_MAX_WIRE];
  int t, good = 0, accepted = 0, mismatched = 0;
  bridge_rx_init(&rx);
  for (t = 0; t < 5000; t++) {
    int g, i;
    size_t n;
    int r;
    /* garbage, then a delimiter, then a valid command frame */
    g = (int) (rnd() % 100);
    for (i = 0; i < g; i++) {
      r = bridge_rx_byte(&rx, (uint8_t) rnd(), &f);
      if (r == BRIDGE_OK) {
        accepted++;
      }
    }
    bridge_rx_byte(&rx, 0, &f);
    payload[0] = 0;
    bridge_put_u32(payload + 1, (uint32_t) t);
    n = bridge_encode(BRIDGE_ACTUATOR_COMMAND, (uint8_t) t, payload, 5, wire, sizeof wire);
    for (i = 0; i < (int) n; i++) {
      r = bridge_rx_byte(&rx, wire[i], &f);
      if (r == BRIDGE_OK) {
        if (f.type == BRIDGE_ACTUATOR_COMMAND && bridge_get_u32(f.payload + 1) == (uint32_t) t) {
          good++;
        } else {
          mismatched++;
        }
      }
    }
  }
  CHECK(good == 5000, "valid frames received after garbage: %d of 5000", good);
  CHECK(mismatched == 0, "frames accepted with wrong content: %d", mismatched);
  /* random bytes alone pass a 16-bit CRC about once in 65536 frames; this seed gives none */
  CHECK(accepted <= 2, "garbage accepted as frames: %d", accepted);
}

/* A fake board: records what the firmware writes, decodes it. */
typedef struct {
  uint8_t out[65536];
  size_t n;
  int refuse;
  int32_t driven;
  int driven_safe;
  int drives;
} fake_board;

static int fake_write(void *ctx, const uint8_t *b, uint8_t n) {
  fake_board *fb = (fake_board *) ctx;
  if (fb->refuse || fb->n + n > sizeof fb->out) {
    return 0;
  }
  memcpy(fb->out + fb->n, b, n);
  fb->n += n;
  return 1;
}

static void fake_read(void *ctx, int32_t *v) {
  (void) ctx;
  v[0] = 111;
  v[1] = -222;
}

static void fake_drive(void *ctx, const int32_t *v, int safe) {
  fake_board *fb = (fake_board *) ctx;
  fb->driven = v[0];
  fb->driven_safe = safe;
  fb->drives++;
}

/* Decodes everything written since *from; counts frames of type, keeps the last one's payload. */
static int frames_of(fake_board *fb, size_t *from, uint8_t type, uint8_t *last, uint8_t *last_len) {
  bridge_rx rx;
  bridge_frame f;
  int count = 0;
  bridge_rx_init(&rx);
  while (*from < fb->n) {
    int r = bridge_rx_byte(&rx, fb->out[(*from)++], &f);
    if (r == BRIDGE_OK && f.type == type) {
      count++;
      if (last != NULL) {
        memcpy(last, f.payload, f.length);
        *last_len = f.length;
      }
    } else if (r != BRIDGE_OK && r != BRIDGE_NONE) {
      fprintf(stderr, "firmware wrote a bad frame: %d\n", r);
      failed++;
    }
  }
  return count;
}

static uint8_t host_seq;

static void host_send(bridge_fw *fw, uint8_t type, const uint8_t *payload, uint8_t n, uint32_t now) {
  uint8_t wire[BRIDGE_MAX_WIRE];
  size_t w = bridge_encode(type, host_seq++, payload, n, wire, sizeof wire);
  size_t i;
  for (i = 0; i < w; i++) {
    bridge_fw_rx(fw, wire[i], now);
  }
}

static void command(bridge_fw *fw, int32_t v, int safe, uint32_t now) {
  uint8_t p[5];
  p[0] = (uint8_t) safe;
  bridge_put_u32(p + 1, (uint32_t) v);
  host_send(fw, BRIDGE_ACTUATOR_COMMAND, p, 5, now);
}

static void test_firmware(const char *noise_csv) {
  static fake_board fb;
  static bridge_fw fw;
  bridge_board board = {BRIDGE_BOARD_HOST_SIM, BRIDGE_PLANT_PINS, &fb, fake_write, fake_read, fake_drive};
  size_t at = 0;
  uint8_t last[BRIDGE_MAX_PAYLOAD], len = 0;
  uint32_t t;
  memset(&fb, 0, sizeof fb);
  host_seq = 0;
  bridge_fw_init(&fw, &board, 7, 1000);
  CHECK(fb.n > 0 && fb.out[0] == 0, "starts with a delimiter");
  CHECK(frames_of(&fb, &at, BRIDGE_HELLO, last, &len) == 1 && len == 11 && last[0] == BRIDGE_BOARD_HOST_SIM
          && last[2] == 2 && last[3] == 1 && bridge_get_u32(last + 4) == 5000 && bridge_get_u16(last + 8) == 100,
      "HELLO with the defaults");
  CHECK(fb.drives == 1 && fb.driven_safe, "actuators safe at start");

  /* samples at the fixed period, never a burst after a stall */
  for (t = 1000; t <= 51000; t += 100) {
    bridge_fw_poll(&fw, t);
  }
  CHECK(frames_of(&fb, &at, BRIDGE_SENSOR_SAMPLE, last, &len) == 10, "10 samples in 50 ms at 5 ms");
  CHECK(len == 14 && (int32_t) bridge_get_u32(last + 6) == 111 && (int32_t) bridge_get_u32(last + 10) == -222,
      "pins sampled");
  bridge_fw_poll(&fw, 151000);
  CHECK(frames_of(&fb, &at, BRIDGE_SENSOR_SAMPLE, NULL, NULL) == 1, "one sample after a 100 ms stall, no burst");

  /* unarmed: no failsafe event; a command arms it and drives the pins */
  CHECK(fw.failsafe_events == 0, "no failsafe before the first command");
  command(&fw, 2500, 0, 200000);
  CHECK(fb.driven == 1000 && !fb.driven_safe, "command applied, clamped to 1000");
  bridge_fw_poll(&fw, 200000 + 100000);
  CHECK(!fw.failsafe, "no failsafe at exactly the timeout");
  bridge_fw_poll(&fw, 200000 + 100001);
  CHECK(fw.failsafe && fw.failsafe_events == 1 && fb.driven_safe, "failsafe just after the timeout");
  bridge_fw_poll(&fw, 500000);
  CHECK(fw.failsafe_events == 1, "one failsafe event per engagement");
  command(&fw, -300, 0, 510000);
  CHECK(!fw.failsafe && fb.driven == -300 && !fb.driven_safe, "a command leaves the failsafe");
  command(&fw, 0, 1, 520000);
  CHECK(fb.driven_safe, "SAFE flag drives safe");
  bridge_fw_poll(&fw, 900000);
  CHECK(fw.failsafe_events == 1, "no failsafe event while commanded SAFE");

  /* sequence gap, duplicates, CRC error, bad config */
  host_seq += 3;
  command(&fw, 10, 0, 901000);
  CHECK(fw.sequence_gaps == 3, "gap of 3 counted, got %u", fw.sequence_gaps);
  host_seq--;
  command(&fw, 20, 0, 902000);
  CHECK(fb.driven == 10, "duplicate seq dropped");
  {
    uint8_t wire[BRIDGE_MAX_WIRE];
    uint8_t p[5] = {0, 1, 0, 0, 0};
    size_t w = bridge_encode(BRIDGE_ACTUATOR_COMMAND, host_seq++, p, 5, wire, sizeof wire);
    size_t i;
    wire[3] ^= 0x04;
    for (i = 0; i < w; i++) {
      bridge_fw_rx(&fw, wire[i], 903000);
    }
    CHECK(fw.crc_errors == 1 && fb.driven == 10, "corrupted command rejected and counted");
  }
  {
    uint8_t cfg[7];
    bridge_put_u32(cfg, 500);
    bridge_put_u16(cfg + 4, 100);
    cfg[6] = 1;
    host_send(&fw, BRIDGE_CONFIG, cfg, 7, 904000);
    CHECK(fw.sample_period_us == 5000 && fw.rejected == 1, "out-of-range CONFIG rejected");
    bridge_put_u32(cfg, 2000);
    bridge_put_u16(cfg + 4, 50);
    host_send(&fw, BRIDGE_CONFIG, cfg, 7, 905000);
    CHECK(fw.sample_period_us == 2000 && fw.failsafe_timeout_ms == 50 && fw.plant_kind == 1, "CONFIG applied");
    CHECK(frames_of(&fb, &at, BRIDGE_HELLO, last, &len) == 1 && bridge_get_u32(last + 4) == 2000, "HELLO answers CONFIG");
  }
  bridge_fw_poll(&fw, 910000);
  CHECK(frames_of(&fb, &at, BRIDGE_ERROR, last, &len) == 1, "one ERROR frame for the pending errors");

  /* the track plant: a terminal edge becomes one EVENT; reset starts a new episode */
  {
    int events = 0, samples = 0;
    command(&fw, 1000, 0, 911000);
    for (t = 911000; t < 911000 + 5000000 && events == 0; t += 500) {
      if ((t / 500) % 40 == 0) {
        command(&fw, 1000, 0, t);
      }
      bridge_fw_poll(&fw, t);
      events += frames_of(&fb, &at, BRIDGE_EVENT, last, &len);
    }
    CHECK(events == 1 && last[0] == BRIDGE_EVENT_TERMINAL && bridge_get_u16(last + 2) == 1, "one TERMINAL event");
    host_send(&fw, BRIDGE_RESET_EPISODE, NULL, 0, t);
    samples = frames_of(&fb, &at, BRIDGE_SENSOR_SAMPLE, last, &len);
    CHECK(samples == 1 && last[4] == 1, "RESET_EPISODE answered by a sample of episode 1");
    CHECK(!fw.plant.ended && fw.plant.x_um <= PLANT_TRACK_START_UM && fw.plant.x_um >= -PLANT_TRACK_START_UM,
        "plant reset to its start range");
  }

  /* noise: bit-exact with the golden vectors */
  {
    FILE *in = fopen(noise_csv, "r");
    char line[256];
    uint8_t seed[8];
    int row = 0, matches = 0, r;
    CHECK(in != NULL, "cannot open %s", noise_csv);
    if (in == NULL) {
      return;
    }
    bridge_put_u64(seed, 42);
    host_send(&fw, BRIDGE_NOISE_SEED, seed, 8, t);
    if (fgets(line, sizeof line, in) == NULL) {
      line[0] = 0;
    }
    for (r = 0; r < 20; r++) {
      uint8_t count = 6;
      int w;
      host_send(&fw, BRIDGE_NOISE_NEXT, &count, 1, t);
      CHECK(frames_of(&fb, &at, BRIDGE_NOISE_WORDS, last, &len) == 1 && len == 64, "NOISE_WORDS answer");
      CHECK(bridge_get_u32(last) == (uint32_t) (r * 6), "noise index");
      for (w = 0; w < 6; w++) {
        unsigned idx;
        unsigned long long word;
        int g, rad;
        if (fgets(line, sizeof line, in) == NULL || sscanf(line, "%u,%llx,%d,%d", &idx, &word, &g, &rad) != 4) {
          break;
        }
        row++;
        if (bridge_get_u64(last + 4 + 10 * w) == word && (int8_t) last[12 + 10 * w] == g
            && (int8_t) last[13 + 10 * w] == rad) {
          matches++;
        }
      }
    }
    fclose(in);
    CHECK(row == 120 && matches == 120, "noise words match golden: %d of %d", matches, row);
  }
  /* a refused write loses the frame without using a sequence number */
  {
    uint8_t before = fw.tx_seq;
    fb.refuse = 1;
    bridge_fw_poll(&fw, t + 1000000);
    CHECK(fw.tx_seq == before, "refused frames use no sequence number");
    fb.refuse = 0;
  }
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s FRAMES_CSV NOISE_CSV\n", argv[0]);
    return 2;
  }
  test_golden(argv[1]);
  test_crc_and_cobs();
  test_receiver_under_garbage();
  test_firmware(argv[2]);
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
