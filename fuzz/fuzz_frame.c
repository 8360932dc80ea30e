/* Fuzz harness for the message frame: strict decode against an independent reference parser (same
 * verdict, same check id), and on success re-encoding gives back the input byte for byte. */
#include <string.h>

#include "fuzz.h"
#include "tessera/wire.h"

static uint32_t tsr_fuzz_be32(const uint8_t *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/* The check spec/encoding.md §Frame says the decoder reports first (TSR_CHECK_NONE if valid),
 * written as plainly as possible with 64-bit arithmetic. */
static tsr_check tsr_fuzz_frame_expect(const uint8_t *in, size_t len) {
    unsigned type, nf, k;
    uint64_t pos;
    if (len < 42) {
        return TSR_CHECK_TRUNCATED;
    }
    if (len > (1u << 24)) {
        return TSR_CHECK_SIZE;
    }
    if (in[0] != 1) {
        return TSR_CHECK_VERSION;
    }
    if (in[1] != 1 && in[1] != 2) {
        return TSR_CHECK_SUITE;
    }
    type = (unsigned)in[2] << 8 | in[3];
    if (!((type >= 0x0101 && type <= 0x0102) || (type >= 0x0201 && type <= 0x0205) ||
          (type >= 0x0301 && type <= 0x0303) || type == 0x0401)) {
        return TSR_CHECK_TYPE;
    }
    if (tsr_fuzz_be32(in + 36) > TSR_MAX_PARTIES) {
        return TSR_CHECK_SENDER;
    }
    nf = (unsigned)in[40] << 8 | in[41];
    if (nf > TSR_MAX_PARTIES) {
        return TSR_CHECK_COUNT;
    }
    pos = 42;
    for (k = 0; k < nf; k++) {
        if (pos + 4 > len) {
            return TSR_CHECK_TRUNCATED;
        }
        pos += 4 + (uint64_t)tsr_fuzz_be32(in + pos);
        if (pos > len) {
            return TSR_CHECK_TRUNCATED;
        }
    }
    return pos == len ? TSR_CHECK_NONE : TSR_CHECK_TRAILING;
}

int tsr_fuzz_one(const uint8_t *data, size_t len) {
    static tsr_frame f;
    static uint8_t out[1u << 20]; /* AFL++ inputs are at most 1 MiB */
    tsr_check why = TSR_CHECK__COUNT, want = tsr_fuzz_frame_expect(data, len);
    size_t outlen = 0, k;
    int rc = tsr_frame_decode(&f, data, len, &why);

    TSR_FUZZ_ASSERT(why == want);
    TSR_FUZZ_ASSERT(tsr_frame_decode(&f, data, len, NULL) == rc);
    if (rc != TSR_OK) {
        TSR_FUZZ_ASSERT(rc == TSR_ERR_ENCODING && f.nfields == 0);
        return 0;
    }
    TSR_FUZZ_ASSERT(f.nfields <= TSR_WIRE_MAX_FIELDS);
    for (k = 0; k < f.nfields; k++) {
        TSR_FUZZ_ASSERT(f.field[k] >= data + TSR_WIRE_HEADER_BYTES + 4 &&
                        f.field_len[k] <= (size_t)(data + len - f.field[k]));
    }
    TSR_FUZZ_ASSERT(tsr_frame_encoded_len(&f) == len);
    if (len <= sizeof out) {
        TSR_FUZZ_ASSERT(tsr_frame_encode(out, len, &outlen, &f) == TSR_OK);
        TSR_FUZZ_ASSERT(outlen == len && memcmp(out, data, len) == 0);
        if (len > 0) {
            TSR_FUZZ_ASSERT(tsr_frame_encode(out, len - 1, &outlen, &f) == TSR_ERR_ARG && outlen == 0);
        }
    }
    return 0;
}
