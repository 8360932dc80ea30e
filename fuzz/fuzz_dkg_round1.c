/* Fuzz harness for the DKG round-1 message: byte 0 is the suite, bytes 1-2 the sender (u16be),
 * the rest the message. Strict decode against the rules 1-8 of spec/dkg.md §10.1 (same code,
 * same check id; points by the GMP oracle); a success re-encodes to the input, a failure leaves
 * the message zeroed with every point the identity. */
#include <string.h>

#include "fuzz.h"
#include "oracle.h"
#include "tessera/dkg.h"

static tsr_context *tsr_fuzz_ctx;

/* Expected outcome of tsr_dkg_round1_decode. */
static tsr_check tsr_fuzz_round1_expect(uint8_t suite, uint32_t sender, const uint8_t *in, size_t len, int *rc) {
    size_t t, pok, i;
    const uint8_t *r;
    tsr_check why;
    *rc = TSR_ERR_ARG;
    if (suite != TSR_SUITE_SECP256K1_SHA256 && suite != TSR_SUITE_SECP256K1_TR) {
        return TSR_CHECK_SUITE; /* 1 */
    }
    if (sender < 1 || sender > TSR_MAX_PARTIES) {
        return TSR_CHECK_SENDER; /* 2 */
    }
    *rc = TSR_ERR_ENCODING;
    if (len < 2) {
        return TSR_CHECK_LENGTH; /* 3 */
    }
    t = tsr_fo_be16(in);
    if (t < 1 || t > TSR_MAX_PARTIES) {
        return TSR_CHECK_COUNT; /* 4 */
    }
    pok = suite == TSR_SUITE_SECP256K1_TR ? 64 : 65;
    if (len != 2 + 33 * t + pok) {
        return TSR_CHECK_LENGTH; /* 5 */
    }
    for (i = 0; i < t; i++) {
        why = tsr_fo_point33(in + 2 + 33 * i, rc); /* 6 */
        if (why != TSR_CHECK_NONE) {
            return why;
        }
    }
    r = in + 2 + 33 * t;
    why = suite == TSR_SUITE_SECP256K1_TR ? tsr_fo_xonly32(r, rc) : tsr_fo_point33(r, rc); /* 7 */
    if (why != TSR_CHECK_NONE) {
        return why;
    }
    if (!tsr_fo_scalar_ok(r + pok - 32)) {
        *rc = TSR_ERR_ENCODING;
        return TSR_CHECK_SCALAR_RANGE; /* 8 */
    }
    *rc = TSR_OK;
    return TSR_CHECK_NONE;
}

/* The message is zeroed: sender 0, no commitment, every point the identity, mu zero. */
static void tsr_fuzz_round1_cleared(const tsr_dkg_round1_msg *m) {
    size_t i;
    TSR_FUZZ_ASSERT(m->sender == 0 && m->commitment.t == 0);
    for (i = 0; i < TSR_MAX_PARTIES; i++) {
        TSR_FUZZ_ASSERT(tsr_point_is_identity(&m->commitment.c[i]));
    }
    TSR_FUZZ_ASSERT(tsr_point_is_identity(&m->pok_r));
    TSR_FUZZ_ASSERT(tsr_scalar_is_zero_mask(&m->pok_mu) == 0xffffffffU);
}

int tsr_fuzz_one(const uint8_t *data, size_t len) {
    static tsr_dkg_round1_msg m;
    static uint8_t out[TSR_DKG_ROUND1_MAX_BYTES];
    const uint8_t *in;
    size_t inlen, outlen = 0, i;
    uint8_t suite;
    uint32_t sender;
    tsr_check why = TSR_CHECK__COUNT, want;
    int rc, want_rc;

    if (tsr_fuzz_ctx == NULL) {
        tsr_fuzz_ctx = tsr_context_create(NULL);
        TSR_FUZZ_ASSERT(tsr_fuzz_ctx != NULL);
    }
    if (len < 3) {
        return 0;
    }
    suite = data[0];
    sender = tsr_fo_be16(data + 1);
    in = data + 3;
    inlen = len - 3;

    want = tsr_fuzz_round1_expect(suite, sender, in, inlen, &want_rc);
    memset(&m, 0xa5, sizeof m); /* stale contents the decoder must overwrite */
    rc = tsr_dkg_round1_decode(tsr_fuzz_ctx, &m, suite, sender, in, inlen, &why);
    TSR_FUZZ_ASSERT(rc == want_rc);
    TSR_FUZZ_ASSERT(why == want);
    if (rc != TSR_OK) {
        tsr_fuzz_round1_cleared(&m);
        memset(&m, 0x5a, sizeof m);
        TSR_FUZZ_ASSERT(tsr_dkg_round1_decode(tsr_fuzz_ctx, &m, suite, sender, in, inlen, NULL) == rc);
        tsr_fuzz_round1_cleared(&m);
        return 0;
    }
    TSR_FUZZ_ASSERT(m.sender == sender && m.commitment.t == tsr_fo_be16(in));
    for (i = 0; i < m.commitment.t; i++) {
        TSR_FUZZ_ASSERT(!tsr_point_is_identity(&m.commitment.c[i]));
    }
    TSR_FUZZ_ASSERT(!tsr_point_is_identity(&m.pok_r));
    TSR_FUZZ_ASSERT(tsr_dkg_round1_encode(tsr_fuzz_ctx, out, sizeof out, &outlen, suite, &m) == TSR_OK);
    TSR_FUZZ_ASSERT(outlen == inlen && memcmp(out, in, inlen) == 0);
    TSR_FUZZ_ASSERT(tsr_dkg_round1_encode(tsr_fuzz_ctx, out, inlen - 1, &outlen, suite, &m) == TSR_ERR_ARG);
    TSR_FUZZ_ASSERT(outlen == 0 && tsr_fo_all_zero(out, inlen - 1)); /* too small: refused, zeroed */
    return 0;
}
