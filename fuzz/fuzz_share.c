/* Fuzz harness for shares (id || value): strict decode against the reference order of
 * spec/encoding.md §Shares (same code, same check id); on success encode gives back the input. */
#include <string.h>

#include "fuzz.h"
#include "tessera/sharing.h"

static const uint8_t tsr_fuzz_n[32] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
    0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41,
};

int tsr_fuzz_one(const uint8_t *data, size_t len) {
    static const uint8_t zero32[32];
    tsr_scalar id, value;
    uint8_t out[TSR_SHARE_BYTES];
    tsr_check why = TSR_CHECK__COUNT, want;
    int rc, want_rc;

    if (len != TSR_SHARE_BYTES) {
        want = TSR_CHECK_LENGTH;
        want_rc = TSR_ERR_ENCODING;
    } else if (memcmp(data, tsr_fuzz_n, 32) >= 0) {
        want = TSR_CHECK_SCALAR_RANGE;
        want_rc = TSR_ERR_RANGE;
    } else if (memcmp(data, zero32, 32) == 0) {
        want = TSR_CHECK_ID_ZERO;
        want_rc = TSR_ERR_RANGE;
    } else if (memcmp(data + 32, tsr_fuzz_n, 32) >= 0) {
        want = TSR_CHECK_SCALAR_RANGE;
        want_rc = TSR_ERR_RANGE;
    } else {
        want = TSR_CHECK_NONE;
        want_rc = TSR_OK;
    }
    rc = tsr_share_decode(&id, &value, data, len, &why);
    TSR_FUZZ_ASSERT(rc == want_rc);
    TSR_FUZZ_ASSERT(why == want);
    TSR_FUZZ_ASSERT(tsr_share_decode(&id, &value, data, len, NULL) == rc);
    tsr_share_encode(out, &id, &value);
    if (rc == TSR_OK) {
        TSR_FUZZ_ASSERT(memcmp(out, data, TSR_SHARE_BYTES) == 0);
        TSR_FUZZ_ASSERT(tsr_scalar_is_zero_mask(&id) == 0);
    } else {
        size_t i;
        for (i = 0; i < TSR_SHARE_BYTES; i++) {
            TSR_FUZZ_ASSERT(out[i] == 0); /* failure leaves id and value zero */
        }
    }
    return 0;
}
