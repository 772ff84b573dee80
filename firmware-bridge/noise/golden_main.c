/*
 * Prints the golden noise CSV for one seed, byte-identical to tests/golden/noise-seed-<seed>.csv:
 *   cd firmware-bridge/noise
 *   cc -std=c99 -O2 -Wall -Wextra -Werror -o golden nrl_noise.c golden_main.c && ./golden 42
 * Optional second argument: number of rows (default 1000). The seed is read as a 64-bit integer;
 * a negative seed wraps as Java's long does.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

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

int main(int argc, char **argv) {
  uint64_t seed;
  uint64_t rows = 1000;
  uint64_t i;
  nrl_xoshiro g;
  if (argc < 2 || argc > 3 || !parse_u64(argv[1], &seed) || (argc == 3 && !parse_u64(argv[2], &rows))) {
    fprintf(stderr, "usage: %s SEED [ROWS]\n", argv[0]);
    return 2;
  }
  nrl_xoshiro_seed(&g, seed);
  printf("index,raw_hex,gaussian_k,rademacher_k\n");
  for (i = 0; i < rows; i++) {
    uint64_t word = nrl_xoshiro_next(&g);
    printf("%" PRIu64 ",%016" PRIx64 ",%d,%d\n", i, word,
        nrl_noise_transform(NRL_NOISE_GAUSSIAN, word), nrl_noise_transform(NRL_NOISE_RADEMACHER, word));
  }
  return fflush(stdout) == 0 ? 0 : 1;
}
