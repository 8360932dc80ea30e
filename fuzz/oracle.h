/* Independent reference rules shared by the FROST and DKG fuzz harnesses: big-endian reads, the
 * scalar range test and the point rules P1-P5 / X1-X2 of spec/encoding.md §Points, written with
 * GMP and plain byte comparisons, never with the library under test. */
#ifndef TSR_FUZZ_ORACLE_H
#define TSR_FUZZ_ORACLE_H

#include <string.h>

#include <gmp.h>

#include "tessera/common.h"

/* secp256k1's field prime p and group order n, big-endian. */
static const uint8_t tsr_fo_p[32] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0xff, 0xfc, 0x2f,
};
static const uint8_t tsr_fo_n[32] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
    0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41,
};

static uint32_t tsr_fo_be16(const uint8_t *p) {
    return ((uint32_t)p[0] << 8) | (uint32_t)p[1];
}

static uint32_t tsr_fo_be32(const uint8_t *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/* Returns: 1 if the n bytes at p are all zero. */
static int tsr_fo_all_zero(const void *p, size_t n) {
    const uint8_t *b = (const uint8_t *)p;
    size_t i;
    for (i = 0; i < n; i++) {
        if (b[i] != 0) {
            return 0;
        }
    }
    return 1;
}

/* Returns: 1 if the 32 big-endian bytes are below n (a canonical scalar). */
static int tsr_fo_scalar_ok(const uint8_t *b32) {
    return memcmp(b32, tsr_fo_n, 32) < 0;
}

/* Returns: 1 if x (32 bytes, < p) is the x coordinate of a curve point: x^3 + 7 is a square mod
 * p (GMP's Legendre symbol; never 0, the curve has no point of order 2). */
static int tsr_fo_on_curve(const uint8_t *x32) {
    mpz_t p, x, t;
    int r;
    mpz_inits(p, x, t, NULL);
    mpz_import(p, 32, 1, 1, 1, 0, tsr_fo_p);
    mpz_import(x, 32, 1, 1, 1, 0, x32);
    mpz_powm_ui(t, x, 3, p);
    mpz_add_ui(t, t, 7);
    mpz_mod(t, t, p);
    r = mpz_legendre(t, p) >= 0;
    mpz_clears(p, x, t, NULL);
    return r;
}

/* The expected outcome of tsr_point_decode(in, 33 bytes, identity refused): P2-P5 (P1 is the
 * caller's length). *rc gets the code; returns the check. */
static tsr_check tsr_fo_point33(const uint8_t *in, int *rc) {
    if (tsr_fo_all_zero(in, 33)) {
        *rc = TSR_ERR_RANGE;
        return TSR_CHECK_POINT_IDENTITY;
    }
    *rc = TSR_ERR_ENCODING;
    if (in[0] != 0x02 && in[0] != 0x03) {
        return TSR_CHECK_POINT_PREFIX;
    }
    if (memcmp(in + 1, tsr_fo_p, 32) >= 0) {
        return TSR_CHECK_POINT_X_RANGE;
    }
    if (!tsr_fo_on_curve(in + 1)) {
        return TSR_CHECK_POINT_NOT_ON_CURVE;
    }
    *rc = TSR_OK;
    return TSR_CHECK_NONE;
}

/* The expected outcome of tsr_point_decode_xonly (X1, X2). */
static tsr_check tsr_fo_xonly32(const uint8_t *in, int *rc) {
    *rc = TSR_ERR_ENCODING;
    if (memcmp(in, tsr_fo_p, 32) >= 0) {
        return TSR_CHECK_POINT_X_RANGE;
    }
    if (!tsr_fo_on_curve(in)) {
        return TSR_CHECK_POINT_NOT_ON_CURVE;
    }
    *rc = TSR_OK;
    return TSR_CHECK_NONE;
}

#endif
