/* Fuzz harness for scalars: strict decode and its round trip, wide reduction (reduce_be) and the
 * ring operations, each checked against GMP as an independent oracle. */
#include <string.h>

#include <gmp.h>

#include "fuzz.h"
#include "tessera/scalar.h"

static const uint8_t tsr_fuzz_n[32] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
    0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41,
};

/* Checks that a (encoded as 32 bytes) equals want mod n, and is canonical. */
static void tsr_fuzz_check_scalar(const tsr_scalar *a, const mpz_t want) {
    uint8_t enc[32], exp[32];
    size_t count = 0;
    tsr_scalar back;
    tsr_scalar_encode(enc, a);
    memset(exp, 0, sizeof exp);
    TSR_FUZZ_ASSERT(mpz_sizeinbase(want, 2) <= 256);
    mpz_export(exp + 32 - (mpz_sgn(want) == 0 ? 0 : (mpz_sizeinbase(want, 2) + 7) / 8), &count, 1, 1, 1, 0, want);
    TSR_FUZZ_ASSERT(memcmp(enc, exp, 32) == 0);
    TSR_FUZZ_ASSERT(tsr_scalar_decode(&back, enc) == TSR_OK); /* canonical: < n */
}

int tsr_fuzz_one(const uint8_t *data, size_t len) {
    tsr_scalar a, b, r;
    uint8_t out[32];
    mpz_t n, x, y, z;
    size_t wide = len < 64 ? len : 64;
    int rc;

    mpz_inits(n, x, y, z, NULL);
    mpz_import(n, 32, 1, 1, 1, 0, tsr_fuzz_n);

    /* Wide reduction of the whole input: refused above 64 bytes, else equal to GMP's mod n. */
    rc = tsr_scalar_reduce_be(&r, data, len);
    if (len > 64) {
        TSR_FUZZ_ASSERT(rc == TSR_ERR_ARG);
        rc = tsr_scalar_reduce_be(&r, data, wide);
    }
    TSR_FUZZ_ASSERT(rc == TSR_OK);
    mpz_import(x, wide, 1, 1, 1, 0, data);
    mpz_mod(x, x, n);
    tsr_fuzz_check_scalar(&r, x);

    if (len >= 32) {
        /* Strict decode: accepted exactly when the bytes are below n; then encode gives them
         * back; refused gives zero. */
        int below = memcmp(data, tsr_fuzz_n, 32) < 0;
        int zero = 1, i;
        rc = tsr_scalar_decode(&a, data);
        TSR_FUZZ_ASSERT(rc == TSR_OK || rc == TSR_ERR_RANGE);
        TSR_FUZZ_ASSERT((rc == TSR_OK) == below);
        tsr_scalar_encode(out, &a);
        for (i = 0; i < 32; i++) {
            zero &= data[i] == 0;
        }
        if (rc == TSR_OK) {
            TSR_FUZZ_ASSERT(memcmp(out, data, 32) == 0);
            TSR_FUZZ_ASSERT((tsr_scalar_is_zero_mask(&a) != 0) == zero);
        } else {
            TSR_FUZZ_ASSERT(tsr_scalar_is_zero_mask(&a) == 0xffffffffU);
        }
    }

    if (len >= 64 && tsr_scalar_decode(&a, data) == TSR_OK && tsr_scalar_decode(&b, data + 32) == TSR_OK) {
        /* Ring operations against GMP. */
        mpz_import(x, 32, 1, 1, 1, 0, data);
        mpz_import(y, 32, 1, 1, 1, 0, data + 32);
        tsr_scalar_add(&r, &a, &b);
        mpz_add(z, x, y);
        mpz_mod(z, z, n);
        tsr_fuzz_check_scalar(&r, z);
        tsr_scalar_sub(&r, &a, &b);
        mpz_sub(z, x, y);
        mpz_mod(z, z, n);
        tsr_fuzz_check_scalar(&r, z);
        tsr_scalar_mul(&r, &a, &b);
        mpz_mul(z, x, y);
        mpz_mod(z, z, n);
        tsr_fuzz_check_scalar(&r, z);
        tsr_scalar_neg(&r, &a);
        mpz_neg(z, x);
        mpz_mod(z, z, n);
        tsr_fuzz_check_scalar(&r, z);
        tsr_scalar_inv(&r, &a);
        if (mpz_sgn(x) == 0) {
            mpz_set_ui(z, 0);
        } else {
            TSR_FUZZ_ASSERT(mpz_invert(z, x, n) != 0);
        }
        tsr_fuzz_check_scalar(&r, z);
        TSR_FUZZ_ASSERT((tsr_scalar_eq_mask(&a, &b) != 0) == (mpz_cmp(x, y) == 0));
        r = b;
        tsr_scalar_cmov(&r, &a, 0);
        TSR_FUZZ_ASSERT(tsr_scalar_eq_mask(&r, &b) == 0xffffffffU);
        tsr_scalar_cmov(&r, &a, 0xffffffffU);
        TSR_FUZZ_ASSERT(tsr_scalar_eq_mask(&r, &a) == 0xffffffffU);
    }
    mpz_clears(n, x, y, z, NULL);
    return 0;
}
