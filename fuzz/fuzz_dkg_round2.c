/* Fuzz harness for the DKG round-2 messages: bytes 0-1 are the sender (u16be), the rest is fed to
 * both the broadcast decoder (eq hash) and the share decoder (recipient || share || sig), each
 * against spec/dkg.md §10.2 / §10.3 (same code, same check id); a success re-encodes to the
 * input, a failure leaves the message zeroed. */
#include <string.h>

#include "fuzz.h"
#include "oracle.h"
#include "tessera/dkg.h"

/* Expected check of tsr_dkg_round2_bcast_decode (TSR_ERR_ARG for the sender, else ENCODING). */
static tsr_check tsr_fuzz_bcast_expect(uint32_t sender, size_t len) {
    if (sender < 1 || sender > TSR_MAX_PARTIES) {
        return TSR_CHECK_SENDER;
    }
    return len == TSR_DKG_ROUND2_EQ_BYTES ? TSR_CHECK_NONE : TSR_CHECK_LENGTH;
}

/* Expected check of tsr_dkg_round2_p2p_decode. */
static tsr_check tsr_fuzz_p2p_expect(uint32_t sender, const uint8_t *in, size_t len) {
    uint32_t to;
    if (sender < 1 || sender > TSR_MAX_PARTIES) {
        return TSR_CHECK_SENDER;
    }
    if (len != TSR_DKG_ROUND2_P2P_BYTES) {
        return TSR_CHECK_LENGTH;
    }
    to = tsr_fo_be32(in);
    if (to == 0) {
        return TSR_CHECK_ID_ZERO;
    }
    if (to > TSR_MAX_PARTIES || to == sender) {
        return TSR_CHECK_ID_UNKNOWN;
    }
    if (!tsr_fo_scalar_ok(in + 4)) {
        return TSR_CHECK_SCALAR_RANGE;
    }
    return TSR_CHECK_NONE;
}

static int tsr_fuzz_code(tsr_check why) {
    return why == TSR_CHECK_NONE ? TSR_OK : why == TSR_CHECK_SENDER ? TSR_ERR_ARG : TSR_ERR_ENCODING;
}

int tsr_fuzz_one(const uint8_t *data, size_t len) {
    tsr_dkg_round2_bcast b;
    tsr_dkg_round2_p2p p;
    uint8_t out[TSR_DKG_ROUND2_P2P_BYTES];
    const uint8_t *in;
    size_t inlen;
    uint32_t sender;
    tsr_check why = TSR_CHECK__COUNT, want;
    int rc;

    if (len < 2) {
        return 0;
    }
    sender = tsr_fo_be16(data);
    in = data + 2;
    inlen = len - 2;

    /* broadcast: eq hash */
    want = tsr_fuzz_bcast_expect(sender, inlen);
    memset(&b, 0xa5, sizeof b);
    rc = tsr_dkg_round2_bcast_decode(&b, sender, in, inlen, &why);
    TSR_FUZZ_ASSERT(why == want && rc == tsr_fuzz_code(want));
    if (rc != TSR_OK) {
        TSR_FUZZ_ASSERT(b.sender == 0 && tsr_fo_all_zero(b.eq_hash, sizeof b.eq_hash));
    } else {
        TSR_FUZZ_ASSERT(b.sender == sender);
        TSR_FUZZ_ASSERT(tsr_dkg_round2_bcast_encode(out, &b) == TSR_OK);
        TSR_FUZZ_ASSERT(memcmp(out, in, TSR_DKG_ROUND2_EQ_BYTES) == 0);
    }
    memset(&b, 0x5a, sizeof b);
    TSR_FUZZ_ASSERT(tsr_dkg_round2_bcast_decode(&b, sender, in, inlen, NULL) == rc);

    /* point to point: recipient, share, signature */
    why = TSR_CHECK__COUNT;
    want = tsr_fuzz_p2p_expect(sender, in, inlen);
    memset(&p, 0xa5, sizeof p);
    rc = tsr_dkg_round2_p2p_decode(&p, sender, in, inlen, &why);
    TSR_FUZZ_ASSERT(why == want && rc == tsr_fuzz_code(want));
    if (rc != TSR_OK) {
        TSR_FUZZ_ASSERT(p.sender == 0 && p.recipient == 0);
        TSR_FUZZ_ASSERT(tsr_scalar_is_zero_mask(&p.share) == 0xffffffffU);
        TSR_FUZZ_ASSERT(tsr_fo_all_zero(p.sig, sizeof p.sig));
    } else {
        TSR_FUZZ_ASSERT(p.sender == sender && p.recipient == tsr_fo_be32(in));
        TSR_FUZZ_ASSERT(tsr_dkg_round2_p2p_encode(out, &p) == TSR_OK);
        TSR_FUZZ_ASSERT(memcmp(out, in, TSR_DKG_ROUND2_P2P_BYTES) == 0);
    }
    memset(&p, 0x5a, sizeof p);
    TSR_FUZZ_ASSERT(tsr_dkg_round2_p2p_decode(&p, sender, in, inlen, NULL) == rc);
    memset(&p, 0, sizeof p); /* the share is secret in real use */
    return 0;
}
