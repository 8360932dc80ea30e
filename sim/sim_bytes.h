/* Big-endian integer reads and writes shared by the simulator's files (wire frames, payloads). */
#ifndef TSR_SIM_BYTES_H
#define TSR_SIM_BYTES_H

#include <stdint.h>

static inline uint32_t tsr_sim_get16(const uint8_t *p) {
    return ((uint32_t)p[0] << 8) | (uint32_t)p[1];
}

static inline uint32_t tsr_sim_get32(const uint8_t *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/* Writes the low 16 bits of v. */
static inline void tsr_sim_put16(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static inline void tsr_sim_put32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

#endif
