/* Fuzz harness interface: every fuzz/fuzz_<name>.c defines tsr_fuzz_one; fuzz/replay.c (corpus
 * replay under ASan/UBSan, run by `make fuzz-replay`) and fuzz/afl.c (AFL++ persistent mode, run
 * by `make fuzz`) are the two mains that drive it. */
#ifndef TSR_FUZZ_H
#define TSR_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Runs one input through the harness. A violated property (a round trip that does not give back
 * the input, a success with a reason set, a failure state not cleared...) calls TSR_FUZZ_ASSERT,
 * which aborts, so AFL++ records a crash and the replay fails. Returns: 0. data may be NULL only
 * when len is 0. */
int tsr_fuzz_one(const uint8_t *data, size_t len);

/* Checks a property of the code under test; on failure prints it and aborts (never a secret:
 * harness inputs are public test data). */
#define TSR_FUZZ_ASSERT(cond) do { \
        if (!(cond)) { \
            fprintf(stderr, "%s:%d: fuzz property failed: %s\n", __FILE__, __LINE__, #cond); \
            abort(); \
        } \
    } while (0)

#endif
