/* Fuzz harness for the DKG round-3 message (complaints or the certificate signature): bytes 0-1
 * are the sender (u16be), the rest the message. Strict decode against the rules 1-12 of
 * spec/dkg.md §10.4 (same code, same check id); a success re-encodes to the input, a failure
 * leaves the message zeroed. */
#include <string.h>

#include "fuzz.h"
#include "oracle.h"
#include "tessera/dkg.h"

/* Expected check of tsr_dkg_round3_decode (TSR_ERR_ARG for the sender, else TSR_ERR_ENCODING). */
static tsr_check tsr_fuzz_round3_expect(uint32_t sender, const uint8_t *in, size_t len) {
    size_t k, i, pos = 2;
    uint32_t prev = 0;
    if (sender < 1 || sender > TSR_MAX_PARTIES) {
        return TSR_CHECK_SENDER; /* 1 */
    }
    if (len < 2) {
        return TSR_CHECK_TRUNCATED; /* 2 */
    }
    k = tsr_fo_be16(in);
    if (k > TSR_MAX_PARTIES) {
        return TSR_CHECK_COUNT; /* 3 */
    }
    for (i = 0; i < k; i++) {
        uint32_t accused;
        uint8_t kind;
        if (len - pos < 5) {
            return TSR_CHECK_TRUNCATED; /* 4 */
        }
        accused = tsr_fo_be32(in + pos);
        kind = in[pos + 4];
        pos += 5;
        if (accused == 0) {
            return TSR_CHECK_ID_ZERO; /* 5 */
        }
        if (accused > TSR_MAX_PARTIES || accused == sender) {
            return TSR_CHECK_ID_UNKNOWN; /* 6 */
        }
        if (i > 0 && accused <= prev) {
            return TSR_CHECK_ID_ORDER; /* 7 */
        }
        prev = accused;
        if (kind != TSR_DKG_COMPLAINT_BAD_SHARE && kind != TSR_DKG_COMPLAINT_NO_SHARE) {
            return TSR_CHECK_TYPE; /* 8 */
        }
        if (kind == TSR_DKG_COMPLAINT_BAD_SHARE) {
            if (len - pos < 96) {
                return TSR_CHECK_TRUNCATED; /* 9 */
            }
            if (!tsr_fo_scalar_ok(in + pos)) {
                return TSR_CHECK_SCALAR_RANGE; /* 10 */
            }
            pos += 96;
        }
    }
    if (k == 0) {
        if (len - pos < 64) {
            return TSR_CHECK_TRUNCATED; /* 11 */
        }
        pos += 64;
    }
    return pos == len ? TSR_CHECK_NONE : TSR_CHECK_TRAILING; /* 12 */
}

static void tsr_fuzz_round3_cleared(const tsr_dkg_round3_msg *m) {
    size_t i;
    TSR_FUZZ_ASSERT(m->sender == 0 && m->naccused == 0);
    TSR_FUZZ_ASSERT(tsr_fo_all_zero(m->accused, sizeof m->accused) && tsr_fo_all_zero(m->kind, sizeof m->kind));
    for (i = 0; i < TSR_MAX_PARTIES; i++) {
        TSR_FUZZ_ASSERT(tsr_scalar_is_zero_mask(&m->share[i]) == 0xffffffffU);
    }
    TSR_FUZZ_ASSERT(tsr_fo_all_zero(m->sig, sizeof m->sig) && tsr_fo_all_zero(m->cert_sig, sizeof m->cert_sig));
}

int tsr_fuzz_one(const uint8_t *data, size_t len) {
    static tsr_dkg_round3_msg m;
    static uint8_t out[TSR_DKG_ROUND3_MAX_BYTES];
    const uint8_t *in;
    size_t inlen, outlen = 0, i, pos;
    uint32_t sender;
    tsr_check why = TSR_CHECK__COUNT, want;
    int rc;

    if (len < 2) {
        return 0;
    }
    sender = tsr_fo_be16(data);
    in = data + 2;
    inlen = len - 2;

    want = tsr_fuzz_round3_expect(sender, in, inlen);
    memset(&m, 0xa5, sizeof m); /* stale contents the decoder must overwrite */
    rc = tsr_dkg_round3_decode(&m, sender, in, inlen, &why);
    TSR_FUZZ_ASSERT(why == want);
    TSR_FUZZ_ASSERT(rc == (want == TSR_CHECK_NONE ? TSR_OK : want == TSR_CHECK_SENDER ? TSR_ERR_ARG : TSR_ERR_ENCODING));
    if (rc != TSR_OK) {
        tsr_fuzz_round3_cleared(&m);
        memset(&m, 0x5a, sizeof m);
        TSR_FUZZ_ASSERT(tsr_dkg_round3_decode(&m, sender, in, inlen, NULL) == rc);
        tsr_fuzz_round3_cleared(&m);
        return 0;
    }
    TSR_FUZZ_ASSERT(m.sender == sender && m.naccused == tsr_fo_be16(in));
    for (i = 0, pos = 2; i < m.naccused; i++) {
        TSR_FUZZ_ASSERT(m.accused[i] == tsr_fo_be32(in + pos) && m.kind[i] == in[pos + 4]);
        pos += 5;
        if (m.kind[i] == TSR_DKG_COMPLAINT_BAD_SHARE) {
            TSR_FUZZ_ASSERT(memcmp(m.sig[i], in + pos + 32, 64) == 0);
            pos += 96;
        } else {
            /* NO_SHARE carries no evidence: share and signature zero */
            TSR_FUZZ_ASSERT(tsr_scalar_is_zero_mask(&m.share[i]) == 0xffffffffU);
            TSR_FUZZ_ASSERT(tsr_fo_all_zero(m.sig[i], 64));
        }
    }
    if (m.naccused == 0) {
        TSR_FUZZ_ASSERT(memcmp(m.cert_sig, in + 2, 64) == 0);
    }
    TSR_FUZZ_ASSERT(tsr_dkg_round3_encode(out, sizeof out, &outlen, &m) == TSR_OK);
    TSR_FUZZ_ASSERT(outlen == inlen && memcmp(out, in, inlen) == 0);
    TSR_FUZZ_ASSERT(tsr_dkg_round3_encode(out, inlen - 1, &outlen, &m) == TSR_ERR_ARG);
    TSR_FUZZ_ASSERT(outlen == 0 && tsr_fo_all_zero(out, inlen - 1)); /* too small: refused, zeroed */
    memset(&m, 0, sizeof m); /* evidence shares are public, but keep the habit */
    return 0;
}
