/* The `tessera demo` walkthrough. */
#ifndef TSR_SIM_DEMO_H
#define TSR_SIM_DEMO_H

#include "tessera/common.h"
#include "rng.h"

/* Runs the demo; returns 0 if every step behaved as expected. */
int tsr_demo_run(const tsr_context *ctx, tsr_sim_rng *rng);

#endif
