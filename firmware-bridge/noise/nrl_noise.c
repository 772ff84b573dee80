#include "nrl_noise.h"

static uint64_t rotl(uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

uint64_t nrl_splitmix64_next(uint64_t *state) {
  uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));
  z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
  return z ^ (z >> 31);
}

void nrl_xoshiro_seed(nrl_xoshiro *g, uint64_t seed) {
  int i;
  for (i = 0; i < 4; i++) {
    g->s[i] = nrl_splitmix64_next(&seed);
  }
}

uint64_t nrl_xoshiro_next(nrl_xoshiro *g) {
  uint64_t *s = g->s;
  const uint64_t result = rotl(s[1] * 5, 7) * 9;
  const uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

int nrl_popcount64(uint64_t x) {
  /* SWAR: bit counts per 2, 4, 8 bits, then sum the bytes by shifts (no 64-bit multiply). */
  x = x - ((x >> 1) & UINT64_C(0x5555555555555555));
  x = (x & UINT64_C(0x3333333333333333)) + ((x >> 2) & UINT64_C(0x3333333333333333));
  x = (x + (x >> 4)) & UINT64_C(0x0F0F0F0F0F0F0F0F);
  x += x >> 8;
  x += x >> 16;
  x += x >> 32;
  return (int) (x & 0x7F);
}

int nrl_noise_transform(nrl_noise_kind kind, uint64_t word) {
  if (kind == NRL_NOISE_GAUSSIAN) {
    return 2 * nrl_popcount64(word) - 64;
  }
  return (word >> 63) ? -1 : 1;
}
