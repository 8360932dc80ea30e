/* Randomness for the simulator and the CLI: the OS generator, or a seeded deterministic stream. */
#ifndef TSR_SIM_RNG_H
#define TSR_SIM_RNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    int seeded;           /* 0: read the OS generator; 1: deterministic stream from seed */
    uint8_t key[32];      /* SHA-256 of the seed label */
    uint64_t counter;
} tsr_sim_rng;

/* OS randomness (getrandom). */
void tsr_sim_rng_init_os(tsr_sim_rng *r);
/* Deterministic stream: block i = SHA256("TSR-SIM-RNG-v1" || key || u64be(i)), key = SHA256(seed). */
void tsr_sim_rng_init_seed(tsr_sim_rng *r, uint64_t seed);
/* Fills out[0..n-1]. Returns 0, or -1 if the OS generator failed. */
int tsr_sim_rng_fill(tsr_sim_rng *r, uint8_t *out, size_t n);
void tsr_sim_rng_clear(tsr_sim_rng *r);

#endif
