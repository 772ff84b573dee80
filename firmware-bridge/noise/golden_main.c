/*
 * Prints the golden noise CSV, byte-identical to tests/golden/noise-seed-<seed>.csv:
 *   cd firmware-bridge/noise
 *   cc -std=c99 -O2 -Wall -Wextra -Werror -o golden nrl_noise.c golden_main.c && ./golden 42
 *
 *   golden SEED [ROWS]            rows from new Xoshiro256StarStar(SEED) (default 1000 rows)
 *   golden -s S0 S1 S2 S3 [ROWS]  rows from a state set directly (Java: restoreState)
 *   golden -w WORD...             raw_hex,gaussian_k,rademacher_k of each given word
 *
 * Numbers are read by strtoull (decimal, or hex with 0x); a negative seed wraps as Java's long.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nrl_noise.h"

static int parse_u64(const char *text, uint64_t *out) {
  char *end;
  unsigned long long v;
  errno = 0;
  v = strtoull(text, &end, 0);
  if (errno != 0 || end == text || *end != '\0') {
    return 0;
  }
  *out = (uint64_t) v;
  return 1;
}

static void print_word(uint64_t word) {
  printf("%016" PRIx64 ",%d,%d\n", word, nrl_noise_transform(NRL_NOISE_GAUSSIAN, word),
      nrl_noise_transform(NRL_NOISE_RADEMACHER, word));
}

int main(int argc, char **argv) {
  nrl_xoshiro g;
  uint64_t seed;
  uint64_t rows = 1000;
  uint64_t i;
  int ok = argc >= 2;
  int next = 2; /* index of the optional ROWS argument */
  if (ok && strcmp(argv[1], "-w") == 0) {
    for (i = 2; ok && i < (uint64_t) argc; i++) {
      ok = parse_u64(argv[i], &seed);
      if (ok) {
        print_word(seed);
      }
    }
  } else if (ok && strcmp(argv[1], "-s") == 0) {
    ok = argc >= 6 && argc <= 7;
    for (i = 0; ok && i < 4; i++) {
      ok = parse_u64(argv[2 + i], &g.s[i]);
    }
    ok = ok && (g.s[0] | g.s[1] | g.s[2] | g.s[3]) != 0;
    next = 6;
  } else if (ok) {
    ok = argc <= 3 && parse_u64(argv[1], &seed);
    if (ok) {
      nrl_xoshiro_seed(&g, seed);
    }
  }
  ok = ok && (argc <= next || parse_u64(argv[next], &rows));
  if (!ok) {
    fprintf(stderr, "usage: %s SEED [ROWS] | -s S0 S1 S2 S3 [ROWS] | -w WORD...\n", argv[0]);
    return 2;
  }
  if (strcmp(argv[1], "-w") != 0) {
    printf("index,raw_hex,gaussian_k,rademacher_k\n");
    for (i = 0; i < rows; i++) {
      printf("%" PRIu64 ",", i);
      print_word(nrl_xoshiro_next(&g));
    }
  }
  return fflush(stdout) == 0 ? 0 : 1;
}
