/* Fuzz harness for a FROST nonce commitment (id || D || E): strict decode against the rules
 * E1-E5 of spec/frost.md §11.1 (same code, same check id, points by the GMP oracle); a success
 * re-encodes to the input, a failure leaves the commitment cleared. */
#include <string.h>

#include "fuzz.h"
#include "oracle.h"
#include "tessera/frost.h"

static tsr_context *tsr_fuzz_ctx;

/* Expected code and check of tsr_frost_commitment_decode, from spec/frost.md §11.1. */
static tsr_check tsr_fuzz_commitment_expect(const uint8_t *in, size_t len, int *rc) {
    uint32_t id;
    tsr_check why;
    *rc = TSR_ERR_ENCODING;
    if (len != TSR_FROST_COMMITMENT_BYTES) {
        return TSR_CHECK_LENGTH; /* E1 */
    }
    id = tsr_fo_be32(in);
    if (id == 0) {
        return TSR_CHECK_ID_ZERO; /* E2 */
    }
    if (id > TSR_MAX_PARTIES) {
        return TSR_CHECK_SENDER; /* E3 */
    }
    why = tsr_fo_point33(in + 4, rc); /* E4: D */
    if (why != TSR_CHECK_NONE) {
        return why;
    }
    return tsr_fo_point33(in + 37, rc); /* E5: E */
}

int tsr_fuzz_one(const uint8_t *data, size_t len) {
    tsr_frost_commitment c;
    uint8_t out[TSR_FROST_COMMITMENT_BYTES];
    tsr_check why = TSR_CHECK__COUNT, want;
    int rc, want_rc;

    if (tsr_fuzz_ctx == NULL) {
        tsr_fuzz_ctx = tsr_context_create(NULL);
        TSR_FUZZ_ASSERT(tsr_fuzz_ctx != NULL);
    }
    want = tsr_fuzz_commitment_expect(data, len, &want_rc);
    memset(&c, 0xa5, sizeof c); /* stale contents the decoder must overwrite */
    rc = tsr_frost_commitment_decode(tsr_fuzz_ctx, &c, data, len, &why);
    TSR_FUZZ_ASSERT(rc == want_rc);
    TSR_FUZZ_ASSERT(why == want);
    if (rc != TSR_OK) {
        TSR_FUZZ_ASSERT(c.id == 0);
        TSR_FUZZ_ASSERT(tsr_point_is_identity(&c.hiding) && tsr_point_is_identity(&c.binding));
        memset(&c, 0xa5, sizeof c);
        TSR_FUZZ_ASSERT(tsr_frost_commitment_decode(tsr_fuzz_ctx, &c, data, len, NULL) == rc);
        TSR_FUZZ_ASSERT(c.id == 0);
        return 0;
    }
    TSR_FUZZ_ASSERT(c.id == tsr_fo_be32(data));
    TSR_FUZZ_ASSERT(!tsr_point_is_identity(&c.hiding) && !tsr_point_is_identity(&c.binding));
    tsr_frost_commitment_encode(tsr_fuzz_ctx, out, &c);
    TSR_FUZZ_ASSERT(memcmp(out, data, TSR_FROST_COMMITMENT_BYTES) == 0);
    TSR_FUZZ_ASSERT(tsr_frost_commitment_decode(tsr_fuzz_ctx, &c, data, len, NULL) == TSR_OK);
    /* a decoded commitment is a one-entry list that passes the input checks */
    TSR_FUZZ_ASSERT(tsr_frost_check_commitment_list(&c, 1, 1, NULL) == TSR_OK);
    return 0;
}
