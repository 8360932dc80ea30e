/* Minimal test harness for Tessera's C tests: counted checks, a seeded generator, a summary line. */
#ifndef TSR_TEST_H
#define TSR_TEST_H

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long tsr_test_passed;
static unsigned long tsr_test_failed;
static const char *tsr_test_suite = "test";

/* CHECK(cond): counts a pass, or prints the location and counts a failure (never aborts). */
#define CHECK(cond) do { \
        if (cond) { \
            tsr_test_passed++; \
        } else { \
            tsr_test_failed++; \
            fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
        } \
    } while (0)

/* CHECK_MSG: as CHECK, with a printf-style explanation on failure. */
#define CHECK_MSG(cond, ...) do { \
        if (cond) { \
            tsr_test_passed++; \
        } else { \
            tsr_test_failed++; \
            fprintf(stderr, "%s:%d: CHECK(%s) failed: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__); \
            fputc('\n', stderr); \
        } \
    } while (0)

/* Seeded generator (xoshiro256**, seeded through splitmix64). Not for secrets: tests only. */
static uint64_t tsr_test_rng_s[4];
static uint64_t tsr_test_seed;

static uint64_t tsr_test_splitmix(uint64_t *x) {
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t tsr_test_rotl(uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

static uint64_t tsr_test_rand64(void) {
    uint64_t *s = tsr_test_rng_s;
    uint64_t r = tsr_test_rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = tsr_test_rotl(s[3], 45);
    return r;
}

static void tsr_test_randbytes(uint8_t *out, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) {
        out[i] = (uint8_t)tsr_test_rand64();
    }
}

/* Starts a suite. The seed comes from argv[1] or $TSR_SEED (decimal or 0x-hex), else from the
 * clock; it is printed so a failing run can be replayed: ./test_x SEED. */
static void tsr_test_init(const char *suite, int argc, char **argv) {
    const char *s = NULL;
    uint64_t x;
    tsr_test_suite = suite;
    if (argc > 1) {
        s = argv[1];
    } else if (getenv("TSR_SEED") != NULL) {
        s = getenv("TSR_SEED");
    }
    if (s != NULL) {
        tsr_test_seed = strtoull(s, NULL, 0);
    } else {
        FILE *f = fopen("/dev/urandom", "rb");
        if (f == NULL || fread(&tsr_test_seed, sizeof tsr_test_seed, 1, f) != 1) {
            tsr_test_seed = 0x7e55e7aULL;
        }
        if (f != NULL) {
            fclose(f);
        }
    }
    x = tsr_test_seed;
    tsr_test_rng_s[0] = tsr_test_splitmix(&x);
    tsr_test_rng_s[1] = tsr_test_splitmix(&x);
    tsr_test_rng_s[2] = tsr_test_splitmix(&x);
    tsr_test_rng_s[3] = tsr_test_splitmix(&x);
    printf("%s: seed 0x%016" PRIx64 " (replay: pass it as the first argument or TSR_SEED)\n", suite, tsr_test_seed);
}

/* Prints the summary line "<suite>: N passed, M failed" (parsed by tests/summary.sh) and returns
 * the exit status. */
static int tsr_test_done(void) {
    printf("%s: %lu passed, %lu failed\n", tsr_test_suite, tsr_test_passed, tsr_test_failed);
    if (tsr_test_failed != 0) {
        printf("%s: seed was 0x%016" PRIx64 "\n", tsr_test_suite, tsr_test_seed);
    }
    return tsr_test_failed == 0 ? 0 : 1;
}

/* Hex helpers for vectors. Returns the number of bytes decoded, or (size_t)-1 on bad hex. */
static size_t tsr_test_unhex(uint8_t *out, size_t cap, const char *hex) {
    size_t n = strlen(hex), i;
    if (n % 2 != 0 || n / 2 > cap) {
        return (size_t)-1;
    }
    for (i = 0; i < n / 2; i++) {
        unsigned v;
        if (sscanf(hex + 2 * i, "%2x", &v) != 1) {
            return (size_t)-1;
        }
        out[i] = (uint8_t)v;
    }
    return n / 2;
}

#endif
