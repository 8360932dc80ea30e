/* Fuzz harness for the DKG round-4 message (openings): bytes 0-1 are the sender (u16be), the rest
 * the message. Strict decode against spec/dkg.md §10.5 (same code, same check id); a success
 * re-encodes to the input, a failure leaves the message zeroed. */
#include <string.h>

#include "fuzz.h"
#include "oracle.h"
#include "tessera/dkg.h"

/* Expected check of tsr_dkg_round4_decode (TSR_ERR_ARG for the sender, else TSR_ERR_ENCODING). */
static tsr_check tsr_fuzz_round4_expect(uint32_t sender, const uint8_t *in, size_t len) {
    size_t k, i;
    uint32_t prev = 0;
    if (sender < 1 || sender > TSR_MAX_PARTIES) {
        return TSR_CHECK_SENDER;
    }
    if (len < 2) {
        return TSR_CHECK_LENGTH;
    }
    k = tsr_fo_be16(in);
    if (k > TSR_MAX_PARTIES) {
        return TSR_CHECK_COUNT;
    }
    if (len != 2 + 36 * k) {
        return TSR_CHECK_LENGTH;
    }
    for (i = 0; i < k; i++) {
        const uint8_t *e = in + 2 + 36 * i;
        uint32_t accuser = tsr_fo_be32(e);
        if (accuser == 0) {
            return TSR_CHECK_ID_ZERO;
        }
        if (accuser > TSR_MAX_PARTIES || accuser == sender) {
            return TSR_CHECK_ID_UNKNOWN;
        }
        if (i > 0 && accuser <= prev) {
            return TSR_CHECK_ID_ORDER;
        }
        prev = accuser;
        if (!tsr_fo_scalar_ok(e + 4)) {
            return TSR_CHECK_SCALAR_RANGE;
        }
    }
    return TSR_CHECK_NONE;
}

static void tsr_fuzz_round4_cleared(const tsr_dkg_round4_msg *m) {
    size_t i;
    TSR_FUZZ_ASSERT(m->sender == 0 && m->nopen == 0 && tsr_fo_all_zero(m->accuser, sizeof m->accuser));
    for (i = 0; i < TSR_MAX_PARTIES; i++) {
        TSR_FUZZ_ASSERT(tsr_scalar_is_zero_mask(&m->share[i]) == 0xffffffffU);
    }
}

int tsr_fuzz_one(const uint8_t *data, size_t len) {
    static tsr_dkg_round4_msg m;
    static uint8_t out[TSR_DKG_ROUND4_MAX_BYTES];
    const uint8_t *in;
    size_t inlen, outlen = 0, i;
    uint32_t sender;
    tsr_check why = TSR_CHECK__COUNT, want;
    int rc;

    if (len < 2) {
        return 0;
    }
    sender = tsr_fo_be16(data);
    in = data + 2;
    inlen = len - 2;

    want = tsr_fuzz_round4_expect(sender, in, inlen);
    memset(&m, 0xa5, sizeof m); /* stale contents the decoder must overwrite */
    rc = tsr_dkg_round4_decode(&m, sender, in, inlen, &why);
    TSR_FUZZ_ASSERT(why == want);
    TSR_FUZZ_ASSERT(rc == (want == TSR_CHECK_NONE ? TSR_OK : want == TSR_CHECK_SENDER ? TSR_ERR_ARG : TSR_ERR_ENCODING));
    if (rc != TSR_OK) {
        tsr_fuzz_round4_cleared(&m);
        memset(&m, 0x5a, sizeof m);
        TSR_FUZZ_ASSERT(tsr_dkg_round4_decode(&m, sender, in, inlen, NULL) == rc);
        tsr_fuzz_round4_cleared(&m);
        return 0;
    }
    TSR_FUZZ_ASSERT(m.sender == sender && m.nopen == tsr_fo_be16(in));
    for (i = 0; i < m.nopen; i++) {
        TSR_FUZZ_ASSERT(m.accuser[i] == tsr_fo_be32(in + 2 + 36 * i));
    }
    TSR_FUZZ_ASSERT(tsr_dkg_round4_encode(out, sizeof out, &outlen, &m) == TSR_OK);
    TSR_FUZZ_ASSERT(outlen == inlen && memcmp(out, in, inlen) == 0);
    TSR_FUZZ_ASSERT(tsr_dkg_round4_encode(out, inlen - 1, &outlen, &m) == TSR_ERR_ARG);
    TSR_FUZZ_ASSERT(outlen == 0 && tsr_fo_all_zero(out, inlen - 1)); /* too small: refused, zeroed */
    memset(&m, 0, sizeof m);
    return 0;
}
