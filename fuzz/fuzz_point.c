/* Fuzz harness for points: strict SEC1 decode with and without the identity flag, BIP340 x-only
 * decode, each checked against an independent reference (GMP Legendre symbol for "on the curve")
 * and by the round trip encode(decode(x)) == x. */
#include <string.h>

#include <gmp.h>

#include "fuzz.h"
#include "tessera/point.h"

static const uint8_t tsr_fuzz_p[32] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0xff, 0xfc, 0x2f,
};

static tsr_context *tsr_fuzz_ctx;

/* Returns: 1 if x (32 bytes, < p) is the x coordinate of a curve point: x^3 + 7 is a square mod p. */
static int tsr_fuzz_on_curve(const uint8_t *x32) {
    mpz_t p, x, t;
    int r;
    mpz_inits(p, x, t, NULL);
    mpz_import(p, 32, 1, 1, 1, 0, tsr_fuzz_p);
    mpz_import(x, 32, 1, 1, 1, 0, x32);
    mpz_powm_ui(t, x, 3, p);
    mpz_add_ui(t, t, 7);
    mpz_mod(t, t, p);
    r = mpz_legendre(t, p) >= 0; /* never 0: the curve has no point of order 2 */
    mpz_clears(p, x, t, NULL);
    return r;
}

/* The expected outcome of tsr_point_decode, computed from spec/encoding.md §Points. */
static tsr_check tsr_fuzz_point_expect(const uint8_t *in, size_t len, unsigned flags, int *rc) {
    size_t i;
    int zero = 1;
    *rc = TSR_ERR_ENCODING;
    if (len != 33) {
        return TSR_CHECK_LENGTH;
    }
    for (i = 0; i < 33; i++) {
        zero &= in[i] == 0;
    }
    if (zero) {
        *rc = (flags & TSR_POINT_ALLOW_IDENTITY) != 0 ? TSR_OK : TSR_ERR_RANGE;
        return *rc == TSR_OK ? TSR_CHECK_NONE : TSR_CHECK_POINT_IDENTITY;
    }
    if (in[0] != 0x02 && in[0] != 0x03) {
        return TSR_CHECK_POINT_PREFIX;
    }
    if (memcmp(in + 1, tsr_fuzz_p, 32) >= 0) {
        return TSR_CHECK_POINT_X_RANGE;
    }
    if (!tsr_fuzz_on_curve(in + 1)) {
        return TSR_CHECK_POINT_NOT_ON_CURVE;
    }
    *rc = TSR_OK;
    return TSR_CHECK_NONE;
}

int tsr_fuzz_one(const uint8_t *data, size_t len) {
    static const unsigned flag_set[2] = {0, TSR_POINT_ALLOW_IDENTITY};
    tsr_point pt, neg;
    uint8_t out[33];
    size_t i;

    if (tsr_fuzz_ctx == NULL) {
        tsr_fuzz_ctx = tsr_context_create(NULL);
        TSR_FUZZ_ASSERT(tsr_fuzz_ctx != NULL);
    }
    for (i = 0; i < 2; i++) {
        tsr_check why = TSR_CHECK__COUNT, want;
        int rc, want_rc;
        want = tsr_fuzz_point_expect(data, len, flag_set[i], &want_rc);
        rc = tsr_point_decode(tsr_fuzz_ctx, &pt, data, len, flag_set[i], &why);
        TSR_FUZZ_ASSERT(rc == want_rc);
        TSR_FUZZ_ASSERT(why == want);
        TSR_FUZZ_ASSERT(tsr_point_decode(tsr_fuzz_ctx, &pt, data, len, flag_set[i], NULL) == rc);
        if (rc == TSR_OK) {
            TSR_FUZZ_ASSERT(tsr_point_encode(tsr_fuzz_ctx, out, &pt) == TSR_OK);
            TSR_FUZZ_ASSERT(memcmp(out, data, 33) == 0);
            /* P + (-P) is the identity; -P differs from P unless P is the identity */
            TSR_FUZZ_ASSERT(tsr_point_neg(tsr_fuzz_ctx, &neg, &pt) == TSR_OK);
            TSR_FUZZ_ASSERT(tsr_point_eq(tsr_fuzz_ctx, &neg, &pt) == tsr_point_is_identity(&pt));
            TSR_FUZZ_ASSERT(tsr_point_add(tsr_fuzz_ctx, &neg, &neg, &pt) == TSR_OK);
            TSR_FUZZ_ASSERT(tsr_point_is_identity(&neg));
        } else {
            TSR_FUZZ_ASSERT(tsr_point_is_identity(&pt)); /* failure leaves the identity */
        }
    }
    if (len >= 32) {
        /* BIP340 x-only: the first 32 bytes as x; valid iff x < p and x^3 + 7 is a square. */
        tsr_check why = TSR_CHECK__COUNT, want;
        int rc, y_odd = -1;
        uint8_t x32[32];
        if (memcmp(data, tsr_fuzz_p, 32) >= 0) {
            want = TSR_CHECK_POINT_X_RANGE;
        } else {
            want = tsr_fuzz_on_curve(data) ? TSR_CHECK_NONE : TSR_CHECK_POINT_NOT_ON_CURVE;
        }
        rc = tsr_point_decode_xonly(tsr_fuzz_ctx, &pt, data, &why);
        TSR_FUZZ_ASSERT(why == want);
        TSR_FUZZ_ASSERT((rc == TSR_OK) == (want == TSR_CHECK_NONE));
        TSR_FUZZ_ASSERT(rc == TSR_OK || rc == TSR_ERR_ENCODING);
        if (rc == TSR_OK) {
            TSR_FUZZ_ASSERT(tsr_point_encode_xonly(tsr_fuzz_ctx, x32, &y_odd, &pt) == TSR_OK);
            TSR_FUZZ_ASSERT(memcmp(x32, data, 32) == 0 && y_odd == 0);
            TSR_FUZZ_ASSERT(tsr_point_encode(tsr_fuzz_ctx, out, &pt) == TSR_OK);
            TSR_FUZZ_ASSERT(out[0] == 0x02 && memcmp(out + 1, data, 32) == 0);
        } else {
            TSR_FUZZ_ASSERT(tsr_point_is_identity(&pt));
            TSR_FUZZ_ASSERT(tsr_point_encode_xonly(tsr_fuzz_ctx, x32, &y_odd, &pt) == TSR_ERR_RANGE);
        }
    }
    return 0;
}
