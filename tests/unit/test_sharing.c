/* Unit tests for secret sharing: Shamir split/reconstruct, Lagrange, Feldman and Pedersen VSS, and the strict commitment and share encodings. */
#include <string.h>

#include "tessera/tessera.h"
#include "tsr_test.h"

static tsr_context *ctx;

/* The Pedersen generator H (spec/sharing.md §Pedersen generator): ctr = 0 already gives a valid
 * x; the value was computed independently (Python: sha256, Euler's criterion mod p). */
static const char *const tsr_test_h_hex = "02593eb8817335d0dd01d242060df92eeec0e7e9abe7cd1fa9a4115141382ba2e0";
static const char *const tsr_test_g_hex = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
static const char *const tsr_test_n_hex = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
static const char *const tsr_test_p_hex = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";

/* Uniform-ish random scalar, sometimes small. */
static void rand_scalar(tsr_scalar *r) {
    uint8_t b[64];
    if (tsr_test_rand64() % 8 == 0) {
        tsr_scalar_set_u32(r, (uint32_t)(tsr_test_rand64() % 5));
        return;
    }
    tsr_test_randbytes(b, sizeof b);
    CHECK(tsr_scalar_reduce_be(r, b, sizeof b) == TSR_OK);
}

static int scalar_eq(const tsr_scalar *a, const tsr_scalar *b) {
    return tsr_scalar_eq_mask(a, b) != 0;
}

static int scalar_is_zero(const tsr_scalar *a) {
    return tsr_scalar_is_zero_mask(a) != 0;
}

/* n distinct non-zero ids: small consecutive, or random. */
static void rand_ids(tsr_scalar *ids, size_t n) {
    size_t i, j;
    int small = tsr_test_rand64() % 2 == 0;
    for (i = 0; i < n; i++) {
        int again;
        do {
            again = 0;
            if (small) {
                tsr_scalar_set_u32(&ids[i], (uint32_t)(i + 1));
            } else {
                rand_scalar(&ids[i]);
            }
            again = scalar_is_zero(&ids[i]);
            for (j = 0; j < i && !again; j++) {
                again = scalar_eq(&ids[i], &ids[j]);
            }
        } while (again);
    }
}

/* A random polynomial with t coefficients and the given secret. */
static void rand_poly(tsr_poly *p, const tsr_scalar *secret, size_t t) {
    static uint8_t rand[64 * TSR_MAX_PARTIES];
    tsr_test_randbytes(rand, 64 * (t - 1));
    CHECK(tsr_poly_init(p, secret, t, rand, 64 * (t - 1)) == TSR_OK);
}

/* Fisher-Yates shuffle of idx[0..n-1]. */
static void shuffle(size_t *idx, size_t n) {
    size_t i;
    for (i = n; i > 1; i--) {
        size_t j = (size_t)(tsr_test_rand64() % i), tmp = idx[i - 1];
        idx[i - 1] = idx[j];
        idx[j] = tmp;
    }
}

static void test_split_reconstruct(void) {
    static tsr_poly p;
    static tsr_scalar ids[TSR_MAX_PARTIES], shares[TSR_MAX_PARTIES], sub_ids[TSR_MAX_PARTIES],
        sub_sh[TSR_MAX_PARTIES];
    static size_t idx[TSR_MAX_PARTIES];
    tsr_scalar secret, out;
    tsr_check why;
    size_t iter, i, n, t;

    for (iter = 0; iter < 80; iter++) {
        if (iter == 0) {
            n = TSR_MAX_PARTIES; /* once at the limit */
            t = TSR_MAX_PARTIES / 2 + 1;
        } else {
            n = 1 + (size_t)(tsr_test_rand64() % 16);
            t = iter % 3 == 1 ? 1 : (iter % 3 == 2 ? n : 1 + (size_t)(tsr_test_rand64() % n));
        }
        rand_ids(ids, n);
        rand_scalar(&secret);
        rand_poly(&p, &secret, t);
        CHECK(p.t == t);
        why = TSR_CHECK__COUNT;
        CHECK(tsr_shamir_split(shares, ids, n, &p, &why) == TSR_OK && why == TSR_CHECK_NONE);
        for (i = 0; i < n; i++) {
            tsr_poly_eval(&out, &p, &ids[i]);
            CHECK(scalar_eq(&out, &shares[i]));
            idx[i] = i;
        }
        /* A random t-subset in random order, and all n. */
        shuffle(idx, n);
        for (i = 0; i < t; i++) {
            sub_ids[i] = ids[idx[i]];
            sub_sh[i] = shares[idx[i]];
        }
        CHECK(tsr_shamir_reconstruct(&out, sub_ids, sub_sh, t, &why) == TSR_OK && why == TSR_CHECK_NONE);
        CHECK_MSG(scalar_eq(&out, &secret), "n=%zu t=%zu", n, t);
        CHECK(tsr_shamir_reconstruct(&out, ids, shares, n, &why) == TSR_OK && scalar_eq(&out, &secret));
        /* t-1 shares give a different value (except with probability 1/n). */
        if (t >= 2) {
            CHECK(tsr_shamir_reconstruct(&out, sub_ids, sub_sh, t - 1, &why) == TSR_OK);
            CHECK_MSG(!scalar_eq(&out, &secret), "n=%zu t=%zu: t-1 shares gave the secret", n, t);
        }
    }
    tsr_poly_clear(&p);
    CHECK(p.t == 0);
}

/* Every subset of every size for small n: >= t shares give the secret, fewer do not. */
static void test_all_subsets(void) {
    static tsr_poly p;
    tsr_scalar ids[6], shares[6], sub_ids[6], sub_sh[6], secret, out;
    tsr_check why;
    size_t n, t, i;
    unsigned mask;
    for (n = 1; n <= 6; n++) {
        for (t = 1; t <= n; t++) {
            rand_ids(ids, n);
            rand_scalar(&secret);
            rand_poly(&p, &secret, t);
            CHECK(tsr_shamir_split(shares, ids, n, &p, &why) == TSR_OK);
            for (mask = 1; mask < (1u << n); mask++) {
                size_t k = 0;
                for (i = 0; i < n; i++) {
                    if (mask & (1u << i)) {
                        sub_ids[k] = ids[i];
                        sub_sh[k] = shares[i];
                        k++;
                    }
                }
                CHECK(tsr_shamir_reconstruct(&out, sub_ids, sub_sh, k, &why) == TSR_OK);
                if (k >= t) {
                    CHECK_MSG(scalar_eq(&out, &secret), "n=%zu t=%zu mask=%x", n, t, mask);
                } else {
                    CHECK_MSG(!scalar_eq(&out, &secret), "n=%zu t=%zu mask=%x", n, t, mask);
                }
            }
        }
    }
    tsr_poly_clear(&p);
}

/* poly_init uses rand exactly as specified, and eval is Horner = direct sum. */
static void test_poly(void) {
    static tsr_poly p;
    uint8_t rand[64 * 4];
    tsr_scalar secret, x, out, direct, pw, term, a;
    size_t k;
    tsr_check why;

    rand_scalar(&secret);
    tsr_test_randbytes(rand, sizeof rand);
    CHECK(tsr_poly_init(&p, &secret, 5, rand, sizeof rand) == TSR_OK && p.t == 5);
    CHECK(scalar_eq(&p.a[0], &secret));
    for (k = 1; k < 5; k++) {
        CHECK(tsr_scalar_reduce_be(&a, rand + 64 * (k - 1), 64) == TSR_OK);
        CHECK(scalar_eq(&p.a[k], &a));
    }
    for (k = 5; k < TSR_MAX_PARTIES; k++) {
        CHECK(scalar_is_zero(&p.a[k]));
    }
    rand_scalar(&x);
    tsr_poly_eval(&out, &p, &x);
    tsr_scalar_set_u32(&direct, 0);
    tsr_scalar_set_u32(&pw, 1);
    for (k = 0; k < 5; k++) {
        tsr_scalar_mul(&term, &p.a[k], &pw);
        tsr_scalar_add(&direct, &direct, &term);
        tsr_scalar_mul(&pw, &pw, &x);
    }
    CHECK(scalar_eq(&out, &direct));
    tsr_scalar_set_u32(&x, 0);
    tsr_poly_eval(&out, &p, &x);
    CHECK(scalar_eq(&out, &secret));
    /* out aliasing x. */
    rand_scalar(&x);
    tsr_poly_eval(&direct, &p, &x);
    tsr_poly_eval(&x, &p, &x);
    CHECK(scalar_eq(&x, &direct));
    /* The secret may live inside the polynomial being initialised. */
    a = p.a[3];
    CHECK(tsr_poly_init(&p, &p.a[3], 1, NULL, 0) == TSR_OK && p.t == 1 && scalar_eq(&p.a[0], &a));
    for (k = 1; k < TSR_MAX_PARTIES; k++) {
        CHECK(scalar_is_zero(&p.a[k]));
    }
    /* t = 1: the constant polynomial, no randomness. */
    tsr_poly_eval(&out, &p, &secret);
    CHECK(scalar_eq(&out, &a));

    /* randlen and t errors: TSR_ERR_ARG and an empty polynomial. */
    {
        static const struct {
            size_t t, randlen;
        } bad[] = {{0, 0}, {1, 64}, {2, 0}, {2, 63}, {2, 65}, {2, 128}, {5, 64 * 4 - 1}, {5, 64 * 5},
                   {TSR_MAX_PARTIES + 1, 64 * TSR_MAX_PARTIES}, {(size_t)-1, 0}};
        static uint8_t big[64 * (TSR_MAX_PARTIES + 1)];
        size_t i;
        for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            rand_poly(&p, &secret, 3);
            CHECK_MSG(tsr_poly_init(&p, &secret, bad[i].t, big, bad[i].randlen) == TSR_ERR_ARG && p.t == 0 &&
                          scalar_is_zero(&p.a[0]) && scalar_is_zero(&p.a[1]),
                      "t=%zu randlen=%zu", bad[i].t, bad[i].randlen);
        }
        CHECK(tsr_poly_init(&p, &secret, TSR_MAX_PARTIES, big, 64 * (TSR_MAX_PARTIES - 1)) == TSR_OK &&
              p.t == TSR_MAX_PARTIES);
    }
    /* Splitting with an empty (failed) polynomial is a threshold error. */
    {
        tsr_scalar ids[2], shares[2];
        CHECK(tsr_poly_init(&p, &secret, 0, NULL, 0) == TSR_ERR_ARG);
        tsr_scalar_set_u32(&ids[0], 1);
        tsr_scalar_set_u32(&ids[1], 2);
        CHECK(tsr_shamir_split(shares, ids, 2, &p, &why) == TSR_ERR_ARG && why == TSR_CHECK_THRESHOLD);
    }
    tsr_poly_clear(&p);
}

/* Lagrange at 0 and at random x against direct evaluation; sum rules. */
static void test_lagrange(void) {
    static tsr_poly p;
    tsr_scalar ids[12], shares[12], lam, sum, x, zero, want, out, term, lam0;
    tsr_check why;
    size_t iter, i, t;

    tsr_scalar_set_u32(&zero, 0);
    for (iter = 0; iter < 40; iter++) {
        t = 1 + (size_t)(tsr_test_rand64() % 12);
        rand_ids(ids, t);
        rand_scalar(&want);
        rand_poly(&p, &want, t);
        CHECK(tsr_shamir_split(shares, ids, t, &p, &why) == TSR_OK);
        rand_scalar(&x);
        if (iter % 5 == 0) {
            x = ids[iter % t]; /* x on a node */
        }
        /* Interpolation at x equals f(x); sum of lambda_i(x) is 1; at NULL equals at 0. */
        CHECK(tsr_shamir_interpolate(&out, ids, shares, t, &x, &why) == TSR_OK && why == TSR_CHECK_NONE);
        tsr_poly_eval(&want, &p, &x);
        CHECK(scalar_eq(&out, &want));
        tsr_scalar_set_u32(&sum, 0);
        for (i = 0; i < t; i++) {
            CHECK(tsr_lagrange_coeff(&lam, ids, t, i, &x, &why) == TSR_OK && why == TSR_CHECK_NONE);
            tsr_scalar_add(&sum, &sum, &lam);
            CHECK(tsr_lagrange_coeff(&lam0, ids, t, i, NULL, &why) == TSR_OK);
            CHECK(tsr_lagrange_coeff(&term, ids, t, i, &zero, &why) == TSR_OK && scalar_eq(&term, &lam0));
        }
        {
            tsr_scalar one;
            tsr_scalar_set_u32(&one, 1);
            CHECK(scalar_eq(&sum, &one));
        }
        /* Manual sum at 0 equals reconstruct. */
        tsr_scalar_set_u32(&sum, 0);
        for (i = 0; i < t; i++) {
            CHECK(tsr_lagrange_coeff(&lam0, ids, t, i, NULL, NULL) == TSR_OK);
            tsr_scalar_mul(&term, &lam0, &shares[i]);
            tsr_scalar_add(&sum, &sum, &term);
        }
        CHECK(tsr_shamir_reconstruct(&out, ids, shares, t, NULL) == TSR_OK && scalar_eq(&out, &sum) &&
              scalar_eq(&out, &p.a[0]));
        /* out may alias a share or x. */
        want = p.a[0];
        CHECK(tsr_shamir_reconstruct(&shares[0], ids, shares, t, NULL) == TSR_OK && scalar_eq(&shares[0], &want));
    }
    /* Known small case: ids 1, 2, 3 at 0: lambda = 3, -3, 1. */
    {
        tsr_scalar three, m3, one;
        for (i = 0; i < 3; i++) {
            tsr_scalar_set_u32(&ids[i], (uint32_t)(i + 1));
        }
        tsr_scalar_set_u32(&three, 3);
        tsr_scalar_neg(&m3, &three);
        tsr_scalar_set_u32(&one, 1);
        CHECK(tsr_lagrange_coeff(&lam, ids, 3, 0, NULL, &why) == TSR_OK && scalar_eq(&lam, &three));
        CHECK(tsr_lagrange_coeff(&lam, ids, 3, 1, NULL, &why) == TSR_OK && scalar_eq(&lam, &m3));
        CHECK(tsr_lagrange_coeff(&lam, ids, 3, 2, NULL, &why) == TSR_OK && scalar_eq(&lam, &one));
        /* Index out of the set. */
        lam = one;
        CHECK(tsr_lagrange_coeff(&lam, ids, 3, 3, NULL, &why) == TSR_ERR_ARG && why == TSR_CHECK_ID_UNKNOWN &&
              scalar_is_zero(&lam));
    }
    tsr_poly_clear(&p);
}

/* Identifier errors, through tsr_ids_check and each caller. */
static void test_ids_errors(void) {
    static tsr_poly p;
    static tsr_scalar ids[TSR_MAX_PARTIES + 1], shares[TSR_MAX_PARTIES + 1];
    tsr_scalar secret, out, one;
    tsr_check why;
    size_t i;
    struct {
        size_t n;
        size_t zero_at, dup_a, dup_b; /* (size_t)-1: none */
        tsr_check want;
    } cases[] = {
        {0, (size_t)-1, (size_t)-1, 0, TSR_CHECK_COUNT},
        {TSR_MAX_PARTIES + 1, (size_t)-1, (size_t)-1, 0, TSR_CHECK_COUNT},
        {5, 0, (size_t)-1, 0, TSR_CHECK_ID_ZERO},
        {5, 4, (size_t)-1, 0, TSR_CHECK_ID_ZERO},
        {5, (size_t)-1, 0, 1, TSR_CHECK_ID_DUPLICATE},
        {5, (size_t)-1, 1, 4, TSR_CHECK_ID_DUPLICATE},
        {TSR_MAX_PARTIES, (size_t)-1, 0, TSR_MAX_PARTIES - 1, TSR_CHECK_ID_DUPLICATE},
        {5, 2, 0, 1, TSR_CHECK_ID_ZERO}, /* zero is found before duplicates */
        {1, 0, (size_t)-1, 0, TSR_CHECK_ID_ZERO},
        {TSR_MAX_PARTIES, (size_t)-1, (size_t)-1, 0, TSR_CHECK_NONE},
        {1, (size_t)-1, (size_t)-1, 0, TSR_CHECK_NONE},
    };
    size_t c;

    tsr_scalar_set_u32(&one, 1);
    rand_scalar(&secret);
    rand_poly(&p, &secret, 1);
    for (c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        size_t n = cases[c].n;
        int want_rc = cases[c].want == TSR_CHECK_NONE ? TSR_OK : TSR_ERR_ARG;
        for (i = 0; i <= TSR_MAX_PARTIES; i++) {
            tsr_scalar_set_u32(&ids[i], (uint32_t)(7 * i + 3));
            shares[i] = one;
        }
        if (cases[c].zero_at != (size_t)-1) {
            tsr_scalar_set_u32(&ids[cases[c].zero_at], 0);
        }
        if (cases[c].dup_a != (size_t)-1) {
            ids[cases[c].dup_b] = ids[cases[c].dup_a];
        }
        why = TSR_CHECK__COUNT;
        CHECK_MSG(tsr_ids_check(ids, n, &why) == want_rc && why == cases[c].want, "case %zu: reason %d", c,
                  (int)why);
        CHECK(tsr_ids_check(ids, n, NULL) == want_rc);
        why = TSR_CHECK__COUNT;
        CHECK_MSG(tsr_shamir_split(shares, ids, n, &p, &why) == want_rc && why == cases[c].want, "split case %zu",
                  c);
        if (want_rc != TSR_OK && n >= 1 && n <= TSR_MAX_PARTIES) {
            int zeroed = 1;
            for (i = 0; i < n; i++) {
                zeroed &= scalar_is_zero(&shares[i]);
            }
            CHECK_MSG(zeroed, "split case %zu: shares not zeroed on error", c);
        }
        if (n > TSR_MAX_PARTIES) {
            CHECK(scalar_eq(&shares[0], &one)); /* nothing written */
        }
        out = one;
        why = TSR_CHECK__COUNT;
        CHECK(tsr_shamir_reconstruct(&out, ids, shares, n, &why) == want_rc && why == cases[c].want);
        if (want_rc != TSR_OK) {
            CHECK(scalar_is_zero(&out));
        }
        out = one;
        CHECK(tsr_lagrange_coeff(&out, ids, n, 0, NULL, &why) == want_rc && why == cases[c].want);
        if (want_rc != TSR_OK) {
            CHECK(scalar_is_zero(&out));
        }
        CHECK(tsr_shamir_interpolate(&out, ids, shares, n, &one, &why) == want_rc && why == cases[c].want);
    }
    /* Threshold above n. */
    rand_poly(&p, &secret, 4);
    for (i = 0; i < 3; i++) {
        tsr_scalar_set_u32(&ids[i], (uint32_t)(i + 1));
    }
    CHECK(tsr_shamir_split(shares, ids, 3, &p, &why) == TSR_ERR_ARG && why == TSR_CHECK_THRESHOLD);
    CHECK(scalar_is_zero(&shares[0]) && scalar_is_zero(&shares[2]));
    tsr_scalar_set_u32(&ids[3], 0);
    CHECK(tsr_shamir_split(shares, ids, 4, &p, &why) == TSR_ERR_ARG && why == TSR_CHECK_ID_ZERO);
    tsr_poly_clear(&p);
}

static void hex_point(tsr_point *pt, const char *hex) {
    uint8_t b[33];
    CHECK(tsr_test_unhex(b, sizeof b, hex) == 33);
    CHECK(tsr_point_decode(ctx, pt, b, sizeof b, 0, NULL) == TSR_OK);
}

static void test_pedersen_generator(void) {
    tsr_point h, h2, want, g;
    uint8_t buf[21], x[32], enc[33];
    tsr_check why;
    CHECK(tsr_pedersen_generator(ctx, &h) == TSR_OK && !tsr_point_is_identity(&h));
    hex_point(&want, tsr_test_h_hex);
    CHECK(tsr_point_eq(ctx, &h, &want));
    CHECK(tsr_pedersen_generator(ctx, &h2) == TSR_OK && tsr_point_eq(ctx, &h, &h2));
    hex_point(&g, tsr_test_g_hex);
    CHECK(!tsr_point_eq(ctx, &h, &g));
    /* Re-derive it from the definition with the library's SHA-256 and lift_x. */
    memcpy(buf, "TSR-PEDERSEN-H-v1", 17);
    memset(buf + 17, 0, 4);
    tsr_sha256(x, buf, sizeof buf);
    CHECK(tsr_point_decode_xonly(ctx, &h2, x, &why) == TSR_OK && tsr_point_eq(ctx, &h, &h2));
    CHECK(tsr_point_encode(ctx, enc, &h) == TSR_OK && enc[0] == 0x02 && memcmp(enc + 1, x, 32) == 0);
}

/* Feldman and Pedersen: valid shares verify, every corruption fails with the right reason. */
static void test_vss(void) {
    static tsr_poly f, r, f2;
    static tsr_vss_commitment cf, cp, cf2, empty;
    tsr_scalar ids[8], shares[8], blinds[8], secret, bsecret, bad, one, zero;
    tsr_check why;
    size_t iter, i, n, t;

    tsr_scalar_set_u32(&one, 1);
    tsr_scalar_set_u32(&zero, 0);
    for (iter = 0; iter < 12; iter++) {
        n = 1 + (size_t)(tsr_test_rand64() % 8);
        t = iter == 0 ? 1 : (iter == 1 ? n : 1 + (size_t)(tsr_test_rand64() % n));
        rand_ids(ids, n);
        rand_scalar(&secret);
        rand_poly(&f, &secret, t);
        do {
            rand_scalar(&bsecret);
        } while (scalar_is_zero(&bsecret));
        rand_poly(&r, &bsecret, t);
        CHECK(tsr_shamir_split(shares, ids, n, &f, &why) == TSR_OK);
        CHECK(tsr_shamir_split(blinds, ids, n, &r, &why) == TSR_OK);
        CHECK(tsr_feldman_commit(ctx, &cf, &f) == TSR_OK && cf.t == t);
        CHECK(tsr_pedersen_commit(ctx, &cp, &f, &r) == TSR_OK && cp.t == t);
        /* c[0] of Feldman is secret*G. */
        {
            tsr_point sg;
            CHECK(tsr_point_base_mul(ctx, &sg, &secret) == TSR_OK && tsr_point_eq(ctx, &sg, &cf.c[0]));
        }
        for (i = 0; i < n; i++) {
            size_t j = (i + 1) % n;
            why = TSR_CHECK__COUNT;
            CHECK(tsr_feldman_verify(ctx, &cf, &ids[i], &shares[i], &why) == TSR_OK && why == TSR_CHECK_NONE);
            why = TSR_CHECK__COUNT;
            CHECK(tsr_pedersen_verify(ctx, &cp, &ids[i], &shares[i], &blinds[i], &why) == TSR_OK &&
                  why == TSR_CHECK_NONE);
            /* value + 1 */
            tsr_scalar_add(&bad, &shares[i], &one);
            CHECK(tsr_feldman_verify(ctx, &cf, &ids[i], &bad, &why) == TSR_ERR_VERIFY && why == TSR_CHECK_FELDMAN);
            CHECK(tsr_pedersen_verify(ctx, &cp, &ids[i], &bad, &blinds[i], &why) == TSR_ERR_VERIFY &&
                  why == TSR_CHECK_PEDERSEN);
            /* blind + 1 */
            tsr_scalar_add(&bad, &blinds[i], &one);
            CHECK(tsr_pedersen_verify(ctx, &cp, &ids[i], &shares[i], &bad, &why) == TSR_ERR_VERIFY &&
                  why == TSR_CHECK_PEDERSEN);
            /* share and blind swapped */
            if (!scalar_eq(&shares[i], &blinds[i])) {
                CHECK(tsr_pedersen_verify(ctx, &cp, &ids[i], &blinds[i], &shares[i], &why) == TSR_ERR_VERIFY &&
                      why == TSR_CHECK_PEDERSEN);
            }
            /* Feldman commitments are not Pedersen commitments and vice versa (blind != 0). */
            if (!scalar_is_zero(&blinds[i])) {
                CHECK(tsr_pedersen_verify(ctx, &cf, &ids[i], &shares[i], &blinds[i], &why) == TSR_ERR_VERIFY);
                CHECK(tsr_feldman_verify(ctx, &cp, &ids[i], &shares[i], &why) == TSR_ERR_VERIFY);
            }
            if (n >= 2 && t >= 2) {
                /* wrong id: share i presented under id j, and the shares of i and j swapped */
                CHECK(tsr_feldman_verify(ctx, &cf, &ids[j], &shares[i], &why) == TSR_ERR_VERIFY &&
                      why == TSR_CHECK_FELDMAN);
                CHECK(tsr_feldman_verify(ctx, &cf, &ids[i], &shares[j], &why) == TSR_ERR_VERIFY &&
                      why == TSR_CHECK_FELDMAN);
                CHECK(tsr_pedersen_verify(ctx, &cp, &ids[j], &shares[i], &blinds[i], &why) == TSR_ERR_VERIFY &&
                      why == TSR_CHECK_PEDERSEN);
                CHECK(tsr_pedersen_verify(ctx, &cp, &ids[i], &shares[j], &blinds[j], &why) == TSR_ERR_VERIFY &&
                      why == TSR_CHECK_PEDERSEN);
                /* a share of another polynomial with the same secret */
                rand_poly(&f2, &secret, t);
                CHECK(tsr_feldman_commit(ctx, &cf2, &f2) == TSR_OK);
                CHECK(tsr_feldman_verify(ctx, &cf2, &ids[i], &shares[i], &why) == TSR_ERR_VERIFY &&
                      why == TSR_CHECK_FELDMAN);
            }
        }
        /* Argument errors: id zero, empty commitment. */
        CHECK(tsr_feldman_verify(ctx, &cf, &zero, &shares[0], &why) == TSR_ERR_ARG && why == TSR_CHECK_ID_ZERO);
        CHECK(tsr_pedersen_verify(ctx, &cp, &zero, &shares[0], &blinds[0], &why) == TSR_ERR_ARG &&
              why == TSR_CHECK_ID_ZERO);
        memset(&empty, 0, sizeof empty);
        CHECK(tsr_feldman_verify(ctx, &empty, &ids[0], &shares[0], &why) == TSR_ERR_ARG && why == TSR_CHECK_COUNT);
        CHECK(tsr_pedersen_verify(ctx, &empty, &ids[0], &shares[0], &blinds[0], &why) == TSR_ERR_ARG &&
              why == TSR_CHECK_COUNT);
        CHECK(tsr_feldman_verify(ctx, &cf, &ids[0], &shares[0], NULL) == TSR_OK);
    }
    /* Commit argument errors leave c empty. */
    rand_poly(&r, &secret, 2);
    rand_poly(&f, &secret, 3);
    CHECK(tsr_pedersen_commit(ctx, &cp, &f, &r) == TSR_ERR_ARG && cp.t == 0);
    f.t = 0;
    CHECK(tsr_feldman_commit(ctx, &cf, &f) == TSR_ERR_ARG && cf.t == 0 && tsr_point_is_identity(&cf.c[0]));
    f.t = TSR_MAX_PARTIES + 1;
    CHECK(tsr_feldman_commit(ctx, &cf, &f) == TSR_ERR_ARG && cf.t == 0);
    /* eval_var: t out of range, and x = 0 gives c[0]. */
    {
        tsr_point pt;
        CHECK(tsr_vss_eval_var(ctx, &pt, &empty, &one) == TSR_ERR_ARG && tsr_point_is_identity(&pt));
        rand_poly(&f, &secret, 3);
        CHECK(tsr_feldman_commit(ctx, &cf, &f) == TSR_OK);
        CHECK(tsr_vss_eval_var(ctx, &pt, &cf, &zero) == TSR_OK && tsr_point_eq(ctx, &pt, &cf.c[0]));
    }
    tsr_poly_clear(&f);
    tsr_poly_clear(&r);
    tsr_poly_clear(&f2);
}

/* n = TSR_MAX_PARTIES with t = TSR_MAX_PARTIES: Feldman on a few shares (each verification costs t
 * point multiplications). */
static void test_vss_max(void) {
    static tsr_poly f;
    static tsr_vss_commitment cf, dec;
    static tsr_scalar ids[TSR_MAX_PARTIES], shares[TSR_MAX_PARTIES];
    static uint8_t enc[2 + 33 * TSR_MAX_PARTIES];
    tsr_scalar secret, out, one;
    tsr_check why;
    size_t i, len;
    tsr_scalar_set_u32(&one, 1);
    rand_ids(ids, TSR_MAX_PARTIES);
    rand_scalar(&secret);
    rand_poly(&f, &secret, TSR_MAX_PARTIES);
    CHECK(tsr_shamir_split(shares, ids, TSR_MAX_PARTIES, &f, &why) == TSR_OK);
    CHECK(tsr_shamir_reconstruct(&out, ids, shares, TSR_MAX_PARTIES, &why) == TSR_OK && scalar_eq(&out, &secret));
    CHECK(tsr_feldman_commit(ctx, &cf, &f) == TSR_OK && cf.t == TSR_MAX_PARTIES);
    CHECK(tsr_vss_commitment_encode(ctx, enc, sizeof enc, &len, &cf) == TSR_OK && len == sizeof enc);
    CHECK(tsr_vss_commitment_decode(ctx, &dec, enc, len, TSR_MAX_PARTIES, &why) == TSR_OK);
    for (i = 0; i < TSR_MAX_PARTIES; i += TSR_MAX_PARTIES > 8 ? TSR_MAX_PARTIES / 4 - 1 : 1) {
        CHECK(tsr_feldman_verify(ctx, &dec, &ids[i], &shares[i], &why) == TSR_OK);
        tsr_scalar_add(&out, &shares[i], &one);
        CHECK(tsr_feldman_verify(ctx, &dec, &ids[i], &out, &why) == TSR_ERR_VERIFY && why == TSR_CHECK_FELDMAN);
    }
    tsr_poly_clear(&f);
}

/* Decodes in[0..inlen-1] expecting failure with rc and reason, and an empty output. */
static void reject_commitment(const uint8_t *in, size_t inlen, size_t expected_t, int want_rc, tsr_check want,
                              const char *what) {
    static tsr_vss_commitment c;
    tsr_check why = TSR_CHECK__COUNT;
    int rc;
    c.t = 99;
    rc = tsr_vss_commitment_decode(ctx, &c, in, inlen, expected_t, &why);
    CHECK_MSG(rc == want_rc && why == want && c.t == 0, "%s: rc %d reason %d", what, rc, (int)why);
    rc = tsr_vss_commitment_decode(ctx, &c, in, inlen, expected_t, NULL);
    CHECK(rc == want_rc);
}

static void test_commitment_encoding(void) {
    static tsr_poly f;
    static tsr_vss_commitment c, d;
    static uint8_t enc[2 + 33 * 4 + 8], bad[2 + 33 * 4 + 8], big[2 + 33 * (TSR_MAX_PARTIES + 1)];
    tsr_scalar secret;
    tsr_check why;
    size_t len, k, i;
    uint8_t pbuf[32];

    rand_scalar(&secret);
    rand_poly(&f, &secret, 3);
    CHECK(tsr_feldman_commit(ctx, &c, &f) == TSR_OK);
    CHECK(tsr_vss_commitment_encode(ctx, enc, sizeof enc, &len, &c) == TSR_OK && len == 2 + 99);
    CHECK(enc[0] == 0 && enc[1] == 3);
    for (k = 0; k < 3; k++) {
        uint8_t pt[33];
        CHECK(tsr_point_encode(ctx, pt, &c.c[k]) == TSR_OK && memcmp(enc + 2 + 33 * k, pt, 33) == 0);
    }
    CHECK(tsr_vss_commitment_decode(ctx, &d, enc, len, 3, &why) == TSR_OK && why == TSR_CHECK_NONE && d.t == 3);
    for (k = 0; k < 3; k++) {
        CHECK(tsr_point_eq(ctx, &d.c[k], &c.c[k]));
    }
    /* Encoder errors: buffer one byte short, empty commitment. */
    len = 7;
    memset(bad, 0xaa, sizeof bad);
    CHECK(tsr_vss_commitment_encode(ctx, bad, 2 + 99 - 1, &len, &c) == TSR_ERR_ARG && len == 0 && bad[0] == 0);
    CHECK(tsr_vss_commitment_encode(ctx, bad, sizeof bad, &len, &d) == TSR_OK);
    d.t = 0;
    CHECK(tsr_vss_commitment_encode(ctx, bad, sizeof bad, &len, &d) == TSR_ERR_ARG && len == 0);

    /* Decoder rejects, one per reason. */
    reject_commitment(enc, 2 + 99, 2, TSR_ERR_ENCODING, TSR_CHECK_COMMITMENT_COUNT, "count 3, expected 2");
    reject_commitment(enc, 2 + 99, 4, TSR_ERR_ENCODING, TSR_CHECK_COMMITMENT_COUNT, "count 3, expected 4");
    reject_commitment(enc, 2 + 99, 0, TSR_ERR_ARG, TSR_CHECK_THRESHOLD, "expected 0");
    reject_commitment(enc, 2 + 99, TSR_MAX_PARTIES + 1, TSR_ERR_ARG, TSR_CHECK_THRESHOLD, "expected > max");
    reject_commitment(enc, 0, 3, TSR_ERR_ENCODING, TSR_CHECK_TRUNCATED, "empty");
    reject_commitment(enc, 1, 3, TSR_ERR_ENCODING, TSR_CHECK_TRUNCATED, "one byte");
    reject_commitment(enc, 2, 3, TSR_ERR_ENCODING, TSR_CHECK_TRUNCATED, "count only");
    reject_commitment(enc, 2 + 98, 3, TSR_ERR_ENCODING, TSR_CHECK_TRUNCATED, "one byte short");
    reject_commitment(enc, 2 + 66, 3, TSR_ERR_ENCODING, TSR_CHECK_TRUNCATED, "one point short");
    reject_commitment(enc, 2 + 100, 3, TSR_ERR_ENCODING, TSR_CHECK_TRAILING, "one trailing byte");
    reject_commitment(enc, 2 + 99 + 8, 3, TSR_ERR_ENCODING, TSR_CHECK_TRAILING, "eight trailing bytes");
    memcpy(bad, enc, sizeof enc);
    bad[0] = 0;
    bad[1] = 0;
    reject_commitment(bad, 2, 3, TSR_ERR_ENCODING, TSR_CHECK_COUNT, "count 0");
    reject_commitment(bad, 2 + 99, 1, TSR_ERR_ENCODING, TSR_CHECK_COUNT, "count 0 with data");
    memset(big, 0, sizeof big);
    big[0] = (uint8_t)((TSR_MAX_PARTIES + 1) >> 8);
    big[1] = (uint8_t)(TSR_MAX_PARTIES + 1);
    reject_commitment(big, sizeof big, TSR_MAX_PARTIES, TSR_ERR_ENCODING, TSR_CHECK_COUNT, "count max+1");
    big[0] = 0xff;
    big[1] = 0xff;
    reject_commitment(big, sizeof big, TSR_MAX_PARTIES, TSR_ERR_ENCODING, TSR_CHECK_COUNT, "count 65535");
    /* Point-level reasons, in each position. */
    CHECK(tsr_test_unhex(pbuf, sizeof pbuf, tsr_test_p_hex) == 32);
    for (k = 0; k < 3; k++) {
        uint8_t *pt = bad + 2 + 33 * k;
        memcpy(bad, enc, 2 + 99);
        memset(pt, 0, 33);
        reject_commitment(bad, 2 + 99, 3, TSR_ERR_RANGE, TSR_CHECK_POINT_IDENTITY, "identity point");
        memcpy(bad, enc, 2 + 99);
        pt[0] = 0x04;
        reject_commitment(bad, 2 + 99, 3, TSR_ERR_ENCODING, TSR_CHECK_POINT_PREFIX, "prefix 04");
        pt[0] = 0x00;
        reject_commitment(bad, 2 + 99, 3, TSR_ERR_ENCODING, TSR_CHECK_POINT_PREFIX, "prefix 00");
        pt[0] = 0x02;
        memcpy(pt + 1, pbuf, 32);
        reject_commitment(bad, 2 + 99, 3, TSR_ERR_ENCODING, TSR_CHECK_POINT_X_RANGE, "x = p");
        memset(pt + 1, 0xff, 32);
        reject_commitment(bad, 2 + 99, 3, TSR_ERR_ENCODING, TSR_CHECK_POINT_X_RANGE, "x = 2^256 - 1");
        memset(pt + 1, 0, 32);
        pt[32] = 5; /* 5^3 + 7 is not a square mod p */
        reject_commitment(bad, 2 + 99, 3, TSR_ERR_ENCODING, TSR_CHECK_POINT_NOT_ON_CURVE, "x = 5");
        pt[0] = 0x03;
        reject_commitment(bad, 2 + 99, 3, TSR_ERR_ENCODING, TSR_CHECK_POINT_NOT_ON_CURVE, "x = 5, odd");
    }
    /* A commitment containing the identity (zero coefficient) encodes but does not decode. */
    tsr_scalar_set_u32(&f.a[1], 0);
    CHECK(tsr_feldman_commit(ctx, &c, &f) == TSR_OK && tsr_point_is_identity(&c.c[1]));
    CHECK(tsr_vss_commitment_encode(ctx, enc, sizeof enc, &len, &c) == TSR_OK);
    for (i = 0; i < 33; i++) {
        CHECK(enc[2 + 33 + i] == 0);
    }
    reject_commitment(enc, len, 3, TSR_ERR_RANGE, TSR_CHECK_POINT_IDENTITY, "encoded zero coefficient");
    tsr_poly_clear(&f);
}

static void test_share_encoding(void) {
    uint8_t enc[65], nb[32];
    tsr_scalar id, value, id2, value2, one;
    tsr_check why;
    size_t i;

    tsr_scalar_set_u32(&one, 1);
    CHECK(tsr_test_unhex(nb, sizeof nb, tsr_test_n_hex) == 32);
    for (i = 0; i < 20; i++) {
        do {
            rand_scalar(&id);
        } while (scalar_is_zero(&id));
        rand_scalar(&value);
        tsr_share_encode(enc, &id, &value);
        {
            uint8_t a[32], b[32];
            tsr_scalar_encode(a, &id);
            tsr_scalar_encode(b, &value);
            CHECK(memcmp(enc, a, 32) == 0 && memcmp(enc + 32, b, 32) == 0);
        }
        why = TSR_CHECK__COUNT;
        CHECK(tsr_share_decode(&id2, &value2, enc, TSR_SHARE_BYTES, &why) == TSR_OK && why == TSR_CHECK_NONE);
        CHECK(scalar_eq(&id, &id2) && scalar_eq(&value, &value2));
    }
    /* Rejects: outputs zero, the right code and reason. */
#define REJECT(len, rc_want, why_want)                                                                      \
    do {                                                                                                    \
        id2 = one;                                                                                          \
        value2 = one;                                                                                       \
        why = TSR_CHECK__COUNT;                                                                             \
        CHECK(tsr_share_decode(&id2, &value2, enc, (len), &why) == (rc_want) && why == (why_want) &&       \
              scalar_is_zero(&id2) && scalar_is_zero(&value2));                                             \
    } while (0)
    tsr_share_encode(enc, &one, &value);
    REJECT(63, TSR_ERR_ENCODING, TSR_CHECK_LENGTH);
    REJECT(65, TSR_ERR_ENCODING, TSR_CHECK_LENGTH);
    REJECT(0, TSR_ERR_ENCODING, TSR_CHECK_LENGTH);
    memset(enc, 0, 32); /* id zero */
    REJECT(64, TSR_ERR_RANGE, TSR_CHECK_ID_ZERO);
    memcpy(enc, nb, 32); /* id = n */
    REJECT(64, TSR_ERR_RANGE, TSR_CHECK_SCALAR_RANGE);
    memset(enc, 0xff, 32); /* id = 2^256 - 1 */
    REJECT(64, TSR_ERR_RANGE, TSR_CHECK_SCALAR_RANGE);
    tsr_share_encode(enc, &one, &value);
    memcpy(enc + 32, nb, 32); /* value = n */
    REJECT(64, TSR_ERR_RANGE, TSR_CHECK_SCALAR_RANGE);
    memset(enc + 32, 0xff, 32);
    REJECT(64, TSR_ERR_RANGE, TSR_CHECK_SCALAR_RANGE);
    memset(enc, 0, 32); /* id zero and value >= n: the id is checked first */
    REJECT(64, TSR_ERR_RANGE, TSR_CHECK_ID_ZERO);
#undef REJECT
    /* Largest valid values: id = value = n - 1; value zero is a valid share. */
    nb[31] = (uint8_t)(nb[31] - 1);
    memcpy(enc, nb, 32);
    memcpy(enc + 32, nb, 32);
    CHECK(tsr_share_decode(&id2, &value2, enc, 64, &why) == TSR_OK);
    memset(enc + 32, 0, 32);
    CHECK(tsr_share_decode(&id2, &value2, enc, 64, &why) == TSR_OK && scalar_is_zero(&value2));
}

int main(int argc, char **argv) {
    tsr_test_init("sharing", argc, argv);
    ctx = tsr_context_create(NULL);
    if (ctx == NULL) {
        CHECK(ctx != NULL);
        return tsr_test_done();
    }
    test_poly();
    test_split_reconstruct();
    test_all_subsets();
    test_lagrange();
    test_ids_errors();
    test_pedersen_generator();
    test_vss();
    test_vss_max();
    test_commitment_encoding();
    test_share_encoding();
    tsr_context_destroy(ctx);
    return tsr_test_done();
}
