/* Fuzz harness for VSS commitments: byte 0 is expected_t, the rest the encoding. Strict decode
 * against the reference order of spec/encoding.md §VSS commitments (same code, same check id);
 * on success re-encoding gives back the input. */
#include <string.h>

#include "fuzz.h"
#include "tessera/sharing.h"

static tsr_context *tsr_fuzz_ctx;

int tsr_fuzz_one(const uint8_t *data, size_t len) {
    static tsr_vss_commitment c;
    static uint8_t out[2 + TSR_POINT_BYTES * TSR_MAX_PARTIES];
    const uint8_t *in;
    size_t inlen, t, count, outlen = 0, k;
    tsr_check why = TSR_CHECK__COUNT, want = TSR_CHECK_NONE;
    int rc, want_rc = TSR_OK;

    if (tsr_fuzz_ctx == NULL) {
        tsr_fuzz_ctx = tsr_context_create(NULL);
        TSR_FUZZ_ASSERT(tsr_fuzz_ctx != NULL);
    }
    if (len == 0) {
        return 0;
    }
    t = data[0];
    in = data + 1;
    inlen = len - 1;

    /* Reference verdict. */
    count = inlen >= 2 ? ((size_t)in[0] << 8 | in[1]) : 0;
    if (t < 1 || t > TSR_MAX_PARTIES) {
        want = TSR_CHECK_THRESHOLD;
        want_rc = TSR_ERR_ARG;
    } else if (inlen < 2) {
        want = TSR_CHECK_TRUNCATED;
        want_rc = TSR_ERR_ENCODING;
    } else if (count < 1 || count > TSR_MAX_PARTIES) {
        want = TSR_CHECK_COUNT;
        want_rc = TSR_ERR_ENCODING;
    } else if (count != t) {
        want = TSR_CHECK_COMMITMENT_COUNT;
        want_rc = TSR_ERR_ENCODING;
    } else if (inlen != 2 + TSR_POINT_BYTES * count) {
        want = inlen < 2 + TSR_POINT_BYTES * count ? TSR_CHECK_TRUNCATED : TSR_CHECK_TRAILING;
        want_rc = TSR_ERR_ENCODING;
    } else {
        /* every point strict, identity refused; the first bad one decides */
        for (k = 0; k < count && want == TSR_CHECK_NONE; k++) {
            tsr_point pt;
            want_rc = tsr_point_decode(tsr_fuzz_ctx, &pt, in + 2 + TSR_POINT_BYTES * k, TSR_POINT_BYTES, 0, &want);
        }
    }

    rc = tsr_vss_commitment_decode(tsr_fuzz_ctx, &c, in, inlen, t, &why);
    TSR_FUZZ_ASSERT(rc == want_rc);
    TSR_FUZZ_ASSERT(why == want);
    if (rc != TSR_OK) {
        TSR_FUZZ_ASSERT(c.t == 0);
        return 0;
    }
    TSR_FUZZ_ASSERT(c.t == t);
    for (k = 0; k < c.t; k++) {
        TSR_FUZZ_ASSERT(!tsr_point_is_identity(&c.c[k]));
    }
    TSR_FUZZ_ASSERT(tsr_vss_commitment_encode(tsr_fuzz_ctx, out, sizeof out, &outlen, &c) == TSR_OK);
    TSR_FUZZ_ASSERT(outlen == inlen && memcmp(out, in, inlen) == 0);
    return 0;
}
