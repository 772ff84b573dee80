/*
 * nrl_noise: the integer neuron noise of nrl-edge (io.nrledge.learner.IntegerNoise) in C99.
 * Bit-exact with the Java code: xoshiro256** 1.0 seeded by four SplitMix64 outputs, then one
 * 64-bit word per draw mapped to a small integer k. Scale k at use: sigma/8 * k (GAUSSIAN),
 * sigma * k (RADEMACHER). <stdint.h> only; no allocation, no globals, no floating point.
 * See tests/golden/README.md for the definition and the reference vectors.
 */
#ifndef NRL_NOISE_H
#define NRL_NOISE_H

#include <stdint.h>

typedef struct {
  uint64_t s[4];
} nrl_xoshiro;

typedef enum { NRL_NOISE_GAUSSIAN = 0, NRL_NOISE_RADEMACHER = 1 } nrl_noise_kind;

/* Advances *state by the golden gamma and returns the mixed value (one SplitMix64 step). */
uint64_t nrl_splitmix64_next(uint64_t *state);

/* Seeds g with four consecutive SplitMix64 outputs from seed (Java: new Xoshiro256StarStar(seed)). */
void nrl_xoshiro_seed(nrl_xoshiro *g, uint64_t seed);

/* The next 64-bit output of xoshiro256** 1.0 (Java: nextLong()). */
uint64_t nrl_xoshiro_next(nrl_xoshiro *g);

/* Number of one bits in x, without compiler builtins or multiplies. */
int nrl_popcount64(uint64_t x);

/* GAUSSIAN: 2*popcount(word) - 64; RADEMACHER: +1 if bit 63 is 0, else -1. */
int nrl_noise_transform(nrl_noise_kind kind, uint64_t word);

#endif /* NRL_NOISE_H */
