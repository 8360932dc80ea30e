/* Exhaustive test of the sharing code (ref/src/shamir.c, vss.c) over a group of order 13 (tests/exhaustive/tiny_group.c): every threshold, secret, polynomial, subset and corruption. */
/*
 * Built only with -DTSR_TINY_GROUP, linked against tiny_group.c instead of scalar.c/point.c, so
 * every tsr_scalar is an integer mod Q = 13 and every tsr_point an element of a group of order
 * 13. The oracle below is plain integer arithmetic mod 13, independent of the code under test.
 *
 * What is covered, for every n <= 5 and every t in 1..n, on three identifier sets:
 *   - every polynomial of degree t-1 (all 13^t coefficient vectors, so every secret; on the
 *     second and third identifier sets every 14th of them for t = 5, to stay fast), dealt
 *     through tsr_poly_init (random bytes chosen so that they reduce to the wanted coefficient):
 *     shares equal the oracle's f(id); every subset of >= t shares reconstructs the secret;
 *   - Feldman: every share verifies; every single-share corruption (the value replaced by each
 *     of the 12 other field values) fails with TSR_CHECK_FELDMAN; for t <= 3 the whole table
 *     "(x, v) verifies iff v == f(x)" for all 12 x and all 13 v;
 *   - Pedersen (all polynomials for t <= 3, a deterministic sweep covering every secret for
 *     t = 4, 5): valid pairs
 *     verify; each share and each blind replaced by every other value fails (TSR_CHECK_PEDERSEN);
 *   - commitment encode/decode: round trip, and a zero coefficient (identity commitment) is
 *     refused with TSR_CHECK_POINT_IDENTITY;
 * plus: Lagrange sum rules for every identifier set of size 1..5 out of the 12 non-zero ids and
 * every x; perfect secrecy (every (t-1)-subset of shares is produced by exactly one polynomial
 * per secret) for n = 5, t = 2..4; the point decoder's reasons over all 256 values of the last
 * byte; identifier errors.
 */
#ifndef TSR_TINY_GROUP
#error "test_exhaustive.c must be built with -DTSR_TINY_GROUP against tests/exhaustive/tiny_group.c"
#endif

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tessera/tessera.h"
#include "tsr_test.h"

#define Q 13u      /* order of the tiny group */
#define MAXN 5     /* largest number of parties swept */
#define NSETS 3    /* identifier sets per n */

static tsr_context *ctx;

/* Identifier sets: consecutive, top of the field, scattered. */
static const uint32_t id_sets[NSETS][MAXN] = {
    {1, 2, 3, 4, 5},
    {12, 11, 10, 9, 8},
    {7, 1, 12, 4, 9},
};

static tsr_scalar sc(uint32_t v) {
    tsr_scalar s;
    tsr_scalar_set_u32(&s, v);
    return s;
}

/* The value of a tiny scalar through the public API (encode), or 999 if it is not canonical. */
static uint32_t val(const tsr_scalar *s) {
    uint8_t b[32];
    size_t i;
    tsr_scalar_encode(b, s);
    for (i = 0; i < 31; i++) {
        if (b[i] != 0) {
            return 999;
        }
    }
    return b[31] < Q ? b[31] : 999;
}

/* Oracle: f(x) mod Q by plain integer arithmetic. */
static uint32_t oracle_eval(const uint32_t *coef, size_t t, uint32_t x) {
    uint32_t acc = 0, pw = 1;
    size_t k;
    for (k = 0; k < t; k++) {
        acc = (acc + coef[k] * pw) % Q;
        pw = pw * x % Q;
    }
    return acc;
}

static uint32_t oracle_pow(uint32_t b, uint32_t e) {
    uint32_t acc = 1;
    while (e-- > 0) {
        acc = acc * b % Q;
    }
    return acc;
}

/* Deals f with the given coefficients through tsr_poly_init: each random 64-byte block is
 * 63 zero bytes and the coefficient, which reduce_be maps to the coefficient itself. */
static int deal(tsr_poly *p, const uint32_t *coef, size_t t) {
    uint8_t rand[64 * MAXN];
    tsr_scalar s = sc(coef[0]);
    size_t k;
    memset(rand, 0, sizeof rand);
    for (k = 1; k < t; k++) {
        rand[64 * (k - 1) + 63] = (uint8_t)coef[k];
    }
    return tsr_poly_init(p, &s, t, rand, 64 * (t - 1));
}

/* Advances a base-Q counter of t digits; returns 0 after the last value. */
static int next_tuple(uint32_t *c, size_t t) {
    size_t k;
    for (k = 0; k < t; k++) {
        if (++c[k] < Q) {
            return 1;
        }
        c[k] = 0;
    }
    return 0;
}

static unsigned popcount(unsigned m) {
    unsigned c = 0;
    while (m != 0) {
        c += m & 1u;
        m >>= 1;
    }
    return c;
}

/* Counters for the summary printed at the end (besides the CHECK totals). */
static unsigned long n_polys, n_subsets, n_feldman, n_pedersen, n_decode;

/* Everything for one (identifier set, n, t): the 13^t polynomials, or every stride-th of them
 * (in enumeration order, where the secret is the fastest digit; strides are coprime to 13, so
 * every secret is still dealt with many polynomials). Pedersen runs on every ped_stride-th of
 * the polynomials swept. */
static void sweep(const uint32_t *idv, size_t n, size_t t, unsigned long stride, unsigned long ped_stride) {
    static tsr_poly f, r;
    static tsr_vss_commitment cf, cp, dec;
    static uint8_t enc[2 + 33 * MAXN];
    tsr_scalar ids[MAXN], shares[MAXN], blinds[MAXN], sub_ids[MAXN], sub_sh[MAXN], out, bad;
    uint32_t coef[MAXN], rcoef[MAXN];
    size_t i, k, enclen;
    unsigned mask;
    unsigned long idx = 0;
    tsr_check why;
    int rc;

    for (i = 0; i < n; i++) {
        ids[i] = sc(idv[i]);
    }
    memset(coef, 0, sizeof coef);
    do {
        int has_zero = 0;
        if (idx++ % stride != 0) {
            continue;
        }
        n_polys++;
        CHECK(deal(&f, coef, t) == TSR_OK);
        rc = tsr_shamir_split(shares, ids, n, &f, &why);
        CHECK(rc == TSR_OK && why == TSR_CHECK_NONE);
        for (i = 0; i < n; i++) {
            CHECK_MSG(val(&shares[i]) == oracle_eval(coef, t, idv[i]), "n=%zu t=%zu share %zu", n, t, i);
        }
        /* Every subset of at least t shares gives back the secret. */
        for (mask = 1; mask < (1u << n); mask++) {
            size_t kk = 0;
            if (popcount(mask) < t) {
                continue;
            }
            for (i = 0; i < n; i++) {
                if (mask & (1u << i)) {
                    sub_ids[kk] = ids[i];
                    sub_sh[kk] = shares[i];
                    kk++;
                }
            }
            rc = tsr_shamir_reconstruct(&out, sub_ids, sub_sh, kk, &why);
            CHECK_MSG(rc == TSR_OK && val(&out) == coef[0], "n=%zu t=%zu subset %x", n, t, mask);
            n_subsets++;
        }
        /* Feldman: valid shares verify, every other value for any one share fails. */
        CHECK(tsr_feldman_commit(ctx, &cf, &f) == TSR_OK && cf.t == t);
        for (i = 0; i < n; i++) {
            uint32_t v;
            rc = tsr_feldman_verify(ctx, &cf, &ids[i], &shares[i], &why);
            CHECK(rc == TSR_OK && why == TSR_CHECK_NONE);
            n_feldman++;
            for (v = 0; v < Q; v++) {
                if (v == val(&shares[i])) {
                    continue;
                }
                bad = sc(v);
                rc = tsr_feldman_verify(ctx, &cf, &ids[i], &bad, &why);
                CHECK_MSG(rc == TSR_ERR_VERIFY && why == TSR_CHECK_FELDMAN, "n=%zu t=%zu share %zu value %u", n, t,
                          i, v);
                n_feldman++;
            }
        }
        if (t <= 3 && idv == id_sets[0]) {
            /* The whole table: (x, v) verifies exactly when v == f(x). */
            uint32_t x, v;
            for (x = 1; x < Q; x++) {
                tsr_scalar xs = sc(x);
                for (v = 0; v < Q; v++) {
                    bad = sc(v);
                    rc = tsr_feldman_verify(ctx, &cf, &xs, &bad, &why);
                    CHECK((rc == TSR_OK) == (v == oracle_eval(coef, t, x)));
                    n_feldman++;
                }
            }
        }
        /* Commitment encoding: round trip, or refusal of the identity (a zero coefficient). */
        for (k = 0; k < t; k++) {
            has_zero |= coef[k] == 0;
        }
        rc = tsr_vss_commitment_encode(ctx, enc, sizeof enc, &enclen, &cf);
        CHECK(rc == TSR_OK && enclen == 2 + 33 * t);
        rc = tsr_vss_commitment_decode(ctx, &dec, enc, enclen, t, &why);
        n_decode++;
        if (has_zero) {
            CHECK(rc == TSR_ERR_RANGE && why == TSR_CHECK_POINT_IDENTITY && dec.t == 0);
        } else {
            int same = rc == TSR_OK && dec.t == t;
            for (k = 0; same && k < t; k++) {
                same = tsr_point_eq(ctx, &dec.c[k], &cf.c[k]);
            }
            CHECK(same);
        }
        /* Pedersen with a blinding polynomial derived from coef (deterministic sweep). */
        if ((idx - 1) / stride % ped_stride == 0) {
            for (k = 0; k < t; k++) {
                rcoef[k] = (coef[(k + 1) % t] * 5u + 3u * (uint32_t)k + (uint32_t)(idx % Q)) % Q;
            }
            CHECK(deal(&r, rcoef, t) == TSR_OK);
            CHECK(tsr_shamir_split(blinds, ids, n, &r, &why) == TSR_OK);
            CHECK(tsr_pedersen_commit(ctx, &cp, &f, &r) == TSR_OK && cp.t == t);
            for (i = 0; i < n; i++) {
                uint32_t d;
                rc = tsr_pedersen_verify(ctx, &cp, &ids[i], &shares[i], &blinds[i], &why);
                CHECK(rc == TSR_OK && why == TSR_CHECK_NONE);
                n_pedersen++;
                for (d = 1; d < Q; d++) {
                    tsr_scalar delta = sc(d);
                    tsr_scalar_add(&bad, &shares[i], &delta);
                    rc = tsr_pedersen_verify(ctx, &cp, &ids[i], &bad, &blinds[i], &why);
                    CHECK(rc == TSR_ERR_VERIFY && why == TSR_CHECK_PEDERSEN);
                    tsr_scalar_add(&bad, &blinds[i], &delta);
                    rc = tsr_pedersen_verify(ctx, &cp, &ids[i], &shares[i], &bad, &why);
                    CHECK(rc == TSR_ERR_VERIFY && why == TSR_CHECK_PEDERSEN);
                    n_pedersen += 2;
                }
            }
        }
    } while (next_tuple(coef, t));
    tsr_poly_clear(&f);
    tsr_poly_clear(&r);
}

/* Lagrange: for every set of 1..5 distinct non-zero ids and every x in the field,
 * sum_i lambda_i(x) id_i^m == x^m for m < k, lambda_i(id_j) == [i == j], lambda at NULL equals
 * lambda at 0, and sum_i lambda_i(0) == 1. */
static void lagrange_rules(void) {
    tsr_scalar ids[MAXN], lam[MAXN], xs;
    uint32_t idv[MAXN];
    unsigned mask;
    unsigned long sets = 0;
    for (mask = 1; mask < (1u << 12); mask++) {
        size_t k = 0, i, j;
        uint32_t x, m;
        if (popcount(mask) > MAXN) {
            continue;
        }
        for (i = 0; i < 12; i++) {
            if (mask & (1u << i)) {
                idv[k] = (uint32_t)i + 1;
                ids[k] = sc(idv[k]);
                k++;
            }
        }
        sets++;
        for (x = 0; x < Q; x++) {
            int ok = 1;
            xs = sc(x);
            for (i = 0; i < k; i++) {
                ok &= tsr_lagrange_coeff(&lam[i], ids, k, i, &xs, NULL) == TSR_OK;
            }
            CHECK(ok);
            for (m = 0; m < k; m++) {
                uint32_t sum = 0;
                for (i = 0; i < k; i++) {
                    sum = (sum + val(&lam[i]) * oracle_pow(idv[i], m)) % Q;
                }
                CHECK_MSG(sum == oracle_pow(x, m), "ids mask %x x=%u m=%u", mask, x, m);
            }
            for (j = 0; j < k; j++) {
                if (idv[j] == x) {
                    for (i = 0; i < k; i++) {
                        CHECK(val(&lam[i]) == (i == j ? 1u : 0u));
                    }
                }
            }
            if (x == 0) {
                for (i = 0; i < k; i++) {
                    tsr_scalar l0;
                    CHECK(tsr_lagrange_coeff(&l0, ids, k, i, NULL, NULL) == TSR_OK && val(&l0) == val(&lam[i]));
                }
            }
        }
    }
    CHECK(sets == 12 + 66 + 220 + 495 + 792);
}

/* Perfect secrecy: for n = 5 and t = 2..4, over all 13^t polynomials, each vector of t-1 share
 * values on each (t-1)-subset arises from exactly one polynomial per secret. */
static void secrecy(void) {
    static tsr_poly f;
    static unsigned count[Q * Q * Q * Q];
    tsr_scalar ids[MAXN], shares[MAXN];
    uint32_t coef[MAXN];
    size_t t, i, n = 5;
    unsigned mask;
    tsr_check why;
    for (i = 0; i < n; i++) {
        ids[i] = sc(id_sets[2][i]);
    }
    for (t = 2; t <= 4; t++) {
        for (mask = 1; mask < (1u << n); mask++) {
            unsigned long cells = 1, c;
            int uniform = 1;
            if (popcount(mask) != t - 1) {
                continue;
            }
            for (i = 0; i < t; i++) {
                cells *= Q; /* secret plus t-1 share values */
            }
            memset(count, 0, sizeof count);
            memset(coef, 0, sizeof coef);
            do {
                unsigned long cell = coef[0];
                (void)deal(&f, coef, t);
                (void)tsr_shamir_split(shares, ids, n, &f, &why);
                for (i = 0; i < n; i++) {
                    if (mask & (1u << i)) {
                        cell = cell * Q + val(&shares[i]);
                    }
                }
                count[cell]++;
            } while (next_tuple(coef, t));
            for (c = 0; c < cells; c++) {
                uniform &= count[c] == 1;
            }
            CHECK_MSG(uniform, "t=%zu subset %x: some share vector is not equally likely under every secret", t,
                      mask);
        }
    }
    tsr_poly_clear(&f);
}

/* The decoder's reasons and the identifier errors, on the tiny group. */
static void errors(void) {
    static tsr_vss_commitment c;
    uint8_t enc[2 + 33];
    tsr_scalar ids[3], out;
    tsr_point h;
    tsr_check why;
    unsigned b;
    int rc;

    /* 02 || 0^31 || b for every b: valid exactly for the 12 non-identity subgroup elements. */
    for (b = 0; b < 256; b++) {
        tsr_point pt;
        uint8_t in[33];
        memset(in, 0, sizeof in);
        in[0] = 0x02;
        in[32] = (uint8_t)b;
        rc = tsr_point_decode(ctx, &pt, in, sizeof in, 0, &why);
        if (b >= 53) {
            CHECK(rc == TSR_ERR_ENCODING && why == TSR_CHECK_POINT_X_RANGE);
        } else if (rc == TSR_OK) {
            uint8_t back[33];
            CHECK(tsr_point_encode(ctx, back, &pt) == TSR_OK && memcmp(back, in, 33) == 0);
            n_decode++;
        } else {
            CHECK(rc == TSR_ERR_ENCODING && why == TSR_CHECK_POINT_NOT_ON_CURVE);
        }
        /* The same bytes as a one-point commitment: the decoder passes the point's reason on. */
        enc[0] = 0;
        enc[1] = 1;
        memcpy(enc + 2, in, 33);
        {
            tsr_check why2;
            int rc2 = tsr_vss_commitment_decode(ctx, &c, enc, sizeof enc, 1, &why2);
            CHECK(rc2 == rc && why2 == why);
        }
    }
    {
        /* Exactly 12 valid encodings: the group has order 13. */
        unsigned valid = 0;
        for (b = 0; b < 53; b++) {
            tsr_point pt;
            uint8_t in[33];
            memset(in, 0, sizeof in);
            in[0] = 0x02;
            in[32] = (uint8_t)b;
            valid += tsr_point_decode(ctx, &pt, in, sizeof in, 0, NULL) == TSR_OK;
        }
        CHECK(valid == Q - 1);
    }
    /* H exists, is not the identity, and is the same every time. */
    CHECK(tsr_pedersen_generator(ctx, &h) == TSR_OK && !tsr_point_is_identity(&h));
    {
        tsr_point h2;
        CHECK(tsr_pedersen_generator(ctx, &h2) == TSR_OK && tsr_point_eq(ctx, &h, &h2));
    }
    /* Identifier errors. */
    ids[0] = sc(1);
    ids[1] = sc(0);
    ids[2] = sc(2);
    CHECK(tsr_ids_check(ids, 3, &why) == TSR_ERR_ARG && why == TSR_CHECK_ID_ZERO);
    ids[1] = sc(2);
    CHECK(tsr_ids_check(ids, 3, &why) == TSR_ERR_ARG && why == TSR_CHECK_ID_DUPLICATE);
    CHECK(tsr_lagrange_coeff(&out, ids, 3, 0, NULL, &why) == TSR_ERR_ARG && why == TSR_CHECK_ID_DUPLICATE);
    CHECK(tsr_ids_check(ids, 0, &why) == TSR_ERR_ARG && why == TSR_CHECK_COUNT);
    ids[1] = sc(3);
    CHECK(tsr_ids_check(ids, 3, &why) == TSR_OK && why == TSR_CHECK_NONE);
    /* Every pair of ids in the field: distinct iff accepted. */
    {
        uint32_t a, bb;
        for (a = 0; a < Q; a++) {
            for (bb = 0; bb < Q; bb++) {
                tsr_scalar two[2];
                two[0] = sc(a);
                two[1] = sc(bb);
                rc = tsr_ids_check(two, 2, &why);
                if (a == 0 || bb == 0) {
                    CHECK(rc == TSR_ERR_ARG && why == TSR_CHECK_ID_ZERO);
                } else if (a == bb) {
                    CHECK(rc == TSR_ERR_ARG && why == TSR_CHECK_ID_DUPLICATE);
                } else {
                    CHECK(rc == TSR_OK);
                }
            }
        }
    }
}

int main(int argc, char **argv) {
    size_t n, t, s;
    tsr_test_init("exhaustive", argc, argv);
    ctx = tsr_context_create(NULL);
    if (ctx == NULL) {
        CHECK(ctx != NULL);
        return tsr_test_done();
    }
    /* The tiny group is what it claims: G, 2G, ..., 12G are not the identity, 13G is. */
    {
        tsr_point g, acc;
        tsr_scalar one = sc(1), q = sc(Q);
        unsigned m;
        CHECK(val(&q) == 0);
        CHECK(tsr_point_base_mul(ctx, &g, &one) == TSR_OK);
        tsr_point_set_identity(&acc);
        for (m = 1; m <= Q; m++) {
            CHECK(tsr_point_add(ctx, &acc, &acc, &g) == TSR_OK);
            CHECK(tsr_point_is_identity(&acc) == (m == Q));
        }
    }
    errors();
    lagrange_rules();
    secrecy();
    /* The first identifier set gets every polynomial; Pedersen every polynomial up to t = 3 and
     * a sweep above (14 and 170 are coprime to 13). The other sets: every polynomial up to
     * t = 4, every 14th for t = 5. */
    for (s = 0; s < NSETS; s++) {
        for (n = 1; n <= MAXN; n++) {
            for (t = 1; t <= n; t++) {
                unsigned long stride = (s == 0 || t <= 4) ? 1 : 14;
                unsigned long ped = t <= 3 ? 1 : (t == 4 ? 14 : 170);
                sweep(id_sets[s], n, t, stride, s == 0 ? ped : ped * 14);
            }
        }
    }
    printf("exhaustive: %lu polynomials, %lu reconstructions, %lu Feldman and %lu Pedersen checks, %lu decodings\n",
           n_polys, n_subsets, n_feldman, n_pedersen, n_decode);
    tsr_context_destroy(ctx);
    return tsr_test_done();
}
