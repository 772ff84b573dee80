#include "plant_track.h"

void plant_track_seed(plant_track *p, uint64_t seed) {
  nrl_xoshiro_seed(&p->random, seed);
  plant_track_reset(p);
}

void plant_track_reset(plant_track *p) {
  uint64_t word = nrl_xoshiro_next(&p->random);
  uint32_t span = 2u * (uint32_t) PLANT_TRACK_START_UM + 1u;
  p->x_um = (int32_t) ((uint32_t) (word >> 32) % span) - (int32_t) PLANT_TRACK_START_UM;
  p->v_um_s = 0;
  p->ended = 0;
}

int plant_track_step(plant_track *p, int32_t u, uint32_t dt_us) {
  int64_t a;
  if (p->ended) {
    return 0;
  }
  if (u > 1000) {
    u = 1000;
  } else if (u < -1000) {
    u = -1000;
  }
  a = 4 * (int64_t) p->x_um + 2000 * (int64_t) u;
  p->v_um_s = (int32_t) (p->v_um_s + a * (int64_t) dt_us / 1000000);
  p->x_um = (int32_t) (p->x_um + (int64_t) p->v_um_s * (int64_t) dt_us / 1000000);
  if (p->x_um > PLANT_TRACK_LIMIT_UM || p->x_um < -PLANT_TRACK_LIMIT_UM) {
    p->ended = 1;
    return 1;
  }
  return 0;
}
