/*
 * plant_track: the simulated track of PROTOCOL.md (plant 1), a cart on a 1-D track balanced on
 * a hill, in integer arithmetic so every board computes the same states. No allocation.
 */
#ifndef PLANT_TRACK_H
#define PLANT_TRACK_H

#include <stdint.h>

#include "../noise/nrl_noise.h"

#define PLANT_TRACK_LIMIT_UM 1000000L   /* |x| beyond this ends the episode */
#define PLANT_TRACK_START_UM 100000L    /* start x uniform in [-this, this] */

typedef struct {
  int32_t x_um;
  int32_t v_um_s;
  uint8_t ended; /* beyond the limit: holds still until reset */
  nrl_xoshiro random;
} plant_track;

void plant_track_seed(plant_track *p, uint64_t seed);

/* New episode: x uniform in ±PLANT_TRACK_START_UM from the plant's stream, v = 0. */
void plant_track_reset(plant_track *p);

/* One step of dt_us with command u in [-1000, 1000]; returns 1 on the step that crossed the limit. */
int plant_track_step(plant_track *p, int32_t u, uint32_t dt_us);

#endif /* PLANT_TRACK_H */
