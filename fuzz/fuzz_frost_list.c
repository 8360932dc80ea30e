/* Fuzz harness for FROST commitment lists: byte 0 is t_min, the rest a list encoding.
 * (1) tsr_frost_commitment_list_decode against the rules CL1-CL7 of spec/frost.md §11.2 (same
 * code, same check id); a success re-encodes to the input and passes the input checks, a failure
 * sets k = 0. (2) The same bytes parsed laxly (any id, any order, the identity allowed, a bad
 * point read as the identity, any count) into structs for tsr_frost_check_commitment_list,
 * against the rules L1-L6 of spec/frost.md §6.1 (code, check id and culprit). */
#include <string.h>

#include "fuzz.h"
#include "oracle.h"
#include "tessera/frost.h"

static tsr_context *tsr_fuzz_ctx;

/* Expected outcome of the list decoder (CL1-CL7); the entries E2-E5 as in §11.1. */
static tsr_check tsr_fuzz_list_expect(const uint8_t *in, size_t len, int *rc) {
    size_t k, i;
    uint32_t prev = 0;
    *rc = TSR_ERR_ENCODING;
    if (len < 2) {
        return TSR_CHECK_TRUNCATED; /* CL1 */
    }
    k = tsr_fo_be16(in);
    if (k < 1 || k > TSR_MAX_PARTIES) {
        return TSR_CHECK_COUNT; /* CL2 */
    }
    if (len < 2 + TSR_FROST_COMMITMENT_BYTES * k) {
        return TSR_CHECK_TRUNCATED; /* CL3 */
    }
    if (len > 2 + TSR_FROST_COMMITMENT_BYTES * k) {
        return TSR_CHECK_TRAILING; /* CL4 */
    }
    for (i = 0; i < k; i++) {
        const uint8_t *e = in + 2 + TSR_FROST_COMMITMENT_BYTES * i;
        uint32_t id = tsr_fo_be32(e);
        tsr_check why;
        *rc = TSR_ERR_ENCODING;
        if (id == 0) {
            return TSR_CHECK_ID_ZERO; /* CL5 = E2 */
        }
        if (id > TSR_MAX_PARTIES) {
            return TSR_CHECK_SENDER; /* E3 */
        }
        why = tsr_fo_point33(e + 4, rc); /* E4 */
        if (why != TSR_CHECK_NONE) {
            return why;
        }
        why = tsr_fo_point33(e + 37, rc); /* E5 */
        if (why != TSR_CHECK_NONE) {
            return why;
        }
        *rc = TSR_ERR_ENCODING;
        if (i > 0 && id == prev) {
            return TSR_CHECK_ID_DUPLICATE; /* CL6 */
        }
        if (i > 0 && id < prev) {
            return TSR_CHECK_ID_ORDER; /* CL7 */
        }
        prev = id;
    }
    *rc = TSR_OK;
    return TSR_CHECK_NONE;
}

/* Expected outcome of tsr_frost_check_commitment_list (L1-L6) on the lax parse: ids and identity
 * flags per entry (entries 0..k-1 exist when k <= TSR_MAX_PARTIES). */
static tsr_check tsr_fuzz_check_expect(const uint32_t *ids, const int *ident, size_t k, size_t t_min,
                                       int *rc, uint32_t *culprit) {
    size_t i;
    *rc = TSR_ERR_ARG;
    *culprit = TSR_CULPRIT_NONE;
    if (k < 1 || k > TSR_MAX_PARTIES || k < t_min) {
        return TSR_CHECK_SIGNER_COUNT; /* L1 */
    }
    for (i = 0; i < k; i++) {
        if (ids[i] == 0) {
            return TSR_CHECK_ID_ZERO; /* L2 */
        }
        if (ids[i] > TSR_MAX_PARTIES) {
            return TSR_CHECK_SENDER; /* L3 */
        }
        *culprit = ids[i];
        if (i > 0 && ids[i] == ids[i - 1]) {
            return TSR_CHECK_ID_DUPLICATE; /* L4 */
        }
        if (i > 0 && ids[i] < ids[i - 1]) {
            return TSR_CHECK_ID_ORDER; /* L5 */
        }
        if (ident[i]) {
            *rc = TSR_ERR_RANGE;
            return TSR_CHECK_POINT_IDENTITY; /* L6 */
        }
        *culprit = TSR_CULPRIT_NONE;
    }
    *rc = TSR_OK;
    return TSR_CHECK_NONE;
}

/* Reads a point laxly: 33 zero bytes or an invalid encoding give the identity. Returns 1 for
 * the identity. */
static int tsr_fuzz_lax_point(tsr_point *pt, const uint8_t *in) {
    int rc;
    if (tsr_fo_point33(in, &rc) != TSR_CHECK_NONE) {
        tsr_point_set_identity(pt);
        return 1;
    }
    TSR_FUZZ_ASSERT(tsr_point_decode(tsr_fuzz_ctx, pt, in, 33, 0, NULL) == TSR_OK);
    return 0;
}

static void tsr_fuzz_check_blame(const tsr_blame *b, int rc, tsr_check want, uint32_t culprit) {
    TSR_FUZZ_ASSERT(b->check == (uint16_t)want);
    TSR_FUZZ_ASSERT(b->culprit == culprit);
    if (rc != TSR_OK) {
        TSR_FUZZ_ASSERT(b->phase == TSR_PHASE_SIGN && b->round == 1);
    }
}

int tsr_fuzz_one(const uint8_t *data, size_t len) {
    static tsr_frost_commitment list[TSR_MAX_PARTIES];
    static uint8_t out[2 + TSR_FROST_COMMITMENT_BYTES * TSR_MAX_PARTIES];
    static uint32_t ids[TSR_MAX_PARTIES];
    static int ident[TSR_MAX_PARTIES];
    const uint8_t *in;
    size_t inlen, t_min, k = 12345, outlen = 0, i, lk;
    tsr_check why = TSR_CHECK__COUNT, want;
    tsr_blame blame;
    uint32_t culprit;
    int rc, want_rc;

    if (tsr_fuzz_ctx == NULL) {
        tsr_fuzz_ctx = tsr_context_create(NULL);
        TSR_FUZZ_ASSERT(tsr_fuzz_ctx != NULL);
    }
    if (len == 0) {
        return 0;
    }
    t_min = data[0];
    in = data + 1;
    inlen = len - 1;

    /* (1) the decoder */
    want = tsr_fuzz_list_expect(in, inlen, &want_rc);
    rc = tsr_frost_commitment_list_decode(tsr_fuzz_ctx, list, &k, in, inlen, &why);
    TSR_FUZZ_ASSERT(rc == want_rc);
    TSR_FUZZ_ASSERT(why == want);
    if (rc != TSR_OK) {
        TSR_FUZZ_ASSERT(k == 0);
        k = 7;
        TSR_FUZZ_ASSERT(tsr_frost_commitment_list_decode(tsr_fuzz_ctx, list, &k, in, inlen, NULL) == rc && k == 0);
    } else {
        TSR_FUZZ_ASSERT(k == tsr_fo_be16(in));
        for (i = 0; i < k; i++) {
            TSR_FUZZ_ASSERT(list[i].id == tsr_fo_be32(in + 2 + TSR_FROST_COMMITMENT_BYTES * i));
        }
        TSR_FUZZ_ASSERT(tsr_frost_commitment_list_encode(tsr_fuzz_ctx, out, sizeof out, &outlen, list, k) == TSR_OK);
        TSR_FUZZ_ASSERT(outlen == inlen && memcmp(out, in, inlen) == 0);
        TSR_FUZZ_ASSERT(tsr_frost_commitment_list_encode(tsr_fuzz_ctx, out, inlen - 1, &outlen, list, k) == TSR_ERR_ARG);
        TSR_FUZZ_ASSERT(outlen == 0 && tsr_fo_all_zero(out, inlen - 1)); /* too small: zeroed */
        /* a decoded list passes the input checks whenever it is long enough */
        memset(&blame, 0xa5, sizeof blame);
        rc = tsr_frost_check_commitment_list(list, k, t_min, &blame);
        TSR_FUZZ_ASSERT(rc == (k >= t_min ? TSR_OK : TSR_ERR_ARG));
        tsr_fuzz_check_blame(&blame, rc, k >= t_min ? TSR_CHECK_NONE : TSR_CHECK_SIGNER_COUNT, TSR_CULPRIT_NONE);
    }

    /* (2) the input checks on a lax parse of the same bytes */
    if (inlen < 2) {
        return 0;
    }
    lk = tsr_fo_be16(in);
    for (i = 0; lk <= TSR_MAX_PARTIES && i < lk; i++) {
        const uint8_t *e = in + 2 + TSR_FROST_COMMITMENT_BYTES * i;
        if ((size_t)(e - in) + TSR_FROST_COMMITMENT_BYTES > inlen) {
            return 0; /* not enough bytes for k entries: nothing to check */
        }
        ids[i] = tsr_fo_be32(e);
        list[i].id = ids[i];
        ident[i] = tsr_fuzz_lax_point(&list[i].hiding, e + 4);
        ident[i] |= tsr_fuzz_lax_point(&list[i].binding, e + 37);
    }
    want = tsr_fuzz_check_expect(ids, ident, lk, t_min, &want_rc, &culprit);
    memset(&blame, 0xa5, sizeof blame);
    rc = tsr_frost_check_commitment_list(list, lk, t_min, &blame); /* k > TSR_MAX_PARTIES: refused before any read */
    TSR_FUZZ_ASSERT(rc == want_rc);
    tsr_fuzz_check_blame(&blame, rc, want, culprit);
    TSR_FUZZ_ASSERT(tsr_frost_check_commitment_list(list, lk, t_min, NULL) == rc);
    return 0;
}
