/* Fuzz harness for a FROST signature share (id || z): strict decode against spec/frost.md §11.3
 * (same code, same check id); a success re-encodes to the input, a failure clears the share. */
#include <string.h>

#include "fuzz.h"
#include "oracle.h"
#include "tessera/frost.h"

/* Expected check of tsr_frost_sigshare_decode; every failure is TSR_ERR_ENCODING. */
static tsr_check tsr_fuzz_sigshare_expect(const uint8_t *in, size_t len) {
    uint32_t id;
    if (len != TSR_FROST_SIGSHARE_BYTES) {
        return TSR_CHECK_LENGTH;
    }
    id = tsr_fo_be32(in);
    if (id == 0) {
        return TSR_CHECK_ID_ZERO;
    }
    if (id > TSR_MAX_PARTIES) {
        return TSR_CHECK_SENDER;
    }
    if (!tsr_fo_scalar_ok(in + 4)) {
        return TSR_CHECK_SCALAR_RANGE;
    }
    return TSR_CHECK_NONE;
}

int tsr_fuzz_one(const uint8_t *data, size_t len) {
    tsr_frost_sigshare s;
    uint8_t out[TSR_FROST_SIGSHARE_BYTES];
    tsr_check why = TSR_CHECK__COUNT, want = tsr_fuzz_sigshare_expect(data, len);
    int rc;

    memset(&s, 0xa5, sizeof s); /* stale contents the decoder must overwrite */
    rc = tsr_frost_sigshare_decode(&s, data, len, &why);
    TSR_FUZZ_ASSERT(why == want);
    TSR_FUZZ_ASSERT(rc == (want == TSR_CHECK_NONE ? TSR_OK : TSR_ERR_ENCODING));
    memset(&s, 0x5a, sizeof s);
    TSR_FUZZ_ASSERT(tsr_frost_sigshare_decode(&s, data, len, NULL) == rc);
    if (rc != TSR_OK) {
        TSR_FUZZ_ASSERT(s.id == 0 && tsr_scalar_is_zero_mask(&s.z) == 0xffffffffU);
        return 0;
    }
    TSR_FUZZ_ASSERT(s.id == tsr_fo_be32(data));
    tsr_frost_sigshare_encode(out, &s);
    TSR_FUZZ_ASSERT(memcmp(out, data, TSR_FROST_SIGSHARE_BYTES) == 0);
    return 0;
}
