/* Differential test of the scalar module (arithmetic mod n) against GMP, plus edge inputs and algebraic laws. */
#include <gmp.h>

#include "tsr_test.h"
#include "tessera/scalar.h"

/* Iterations per operation: 100000 by default; argv[2] or $TSR_SCALAR_ITERS override it (the
 * sanitizer build may use fewer). */
static unsigned long iters = 100000;

static mpz_t N, TWO256;

/* ---- conversions (independent of tsr_scalar_encode/decode) ---------------------------------- */

static void limbs_to_mpz(mpz_t z, const tsr_scalar *a) {
    mpz_import(z, 8, -1, sizeof a->d[0], 0, 0, a->d);
}

/* z < 2^256 -> raw limbs (not checked against n). */
static void mpz_to_limbs(tsr_scalar *a, const mpz_t z) {
    size_t cnt = 0;
    memset(a->d, 0, sizeof a->d);
    mpz_export(a->d, &cnt, -1, sizeof a->d[0], 0, 0, z);
}

/* z < 2^(8*len) -> len big-endian bytes. */
static void mpz_to_be(uint8_t *out, size_t len, const mpz_t z) {
    uint8_t tmp[64];
    size_t cnt = 0;
    memset(out, 0, len);
    if (mpz_sgn(z) == 0) {
        return;
    }
    mpz_export(tmp, &cnt, 1, 1, 1, 0, z);
    memcpy(out + (len - cnt), tmp, cnt);
}

static int limbs_eq_mpz(const tsr_scalar *a, const mpz_t z) {
    mpz_t t;
    int eq;
    mpz_init(t);
    limbs_to_mpz(t, a);
    eq = mpz_cmp(t, z) == 0;
    mpz_clear(t);
    return eq;
}

static int sc_eq(const tsr_scalar *a, const tsr_scalar *b) {
    return memcmp(a->d, b->d, sizeof a->d) == 0;
}

/* ---- input generators ------------------------------------------------------------------------ */

static void rand_mpz_bytes(mpz_t z, size_t len) {
    uint8_t b[64];
    tsr_test_randbytes(b, len);
    mpz_import(z, len, 1, 1, 1, 0, b);
}

/* A 256-bit value: uniform, or biased near 0, near n, near 2^256, or with extreme limbs. */
static void rand_raw256(mpz_t z) {
    mpz_t d;
    unsigned mode = (unsigned)(tsr_test_rand64() % 10);
    mpz_init(d);
    switch (mode) {
    case 4: /* near 0 */
        rand_mpz_bytes(z, 8);
        mpz_fdiv_q_2exp(z, z, (mp_bitcnt_t)(tsr_test_rand64() % 65));
        break;
    case 5: /* near n, on either side */
        rand_mpz_bytes(d, 8);
        mpz_fdiv_q_2exp(d, d, (mp_bitcnt_t)(tsr_test_rand64() % 65));
        if (tsr_test_rand64() & 1) {
            mpz_add(z, N, d);
        } else {
            mpz_sub(z, N, d);
        }
        break;
    case 6: /* near 2^256 (from below) */
        rand_mpz_bytes(d, 8);
        mpz_fdiv_q_2exp(d, d, (mp_bitcnt_t)(tsr_test_rand64() % 65));
        mpz_sub(z, TWO256, d);
        mpz_sub_ui(z, z, 1);
        break;
    case 7: { /* extreme limbs */
        static const uint32_t pick[6] = { 0, 0xffffffffU, 1, 0x80000000U, 0xfffffffeU, 0x7fffffffU };
        tsr_scalar s;
        int i;
        for (i = 0; i < 8; i++) {
            uint64_t r = tsr_test_rand64();
            s.d[i] = (r % 7 == 6) ? (uint32_t)(r >> 32) : pick[r % 6];
        }
        limbs_to_mpz(z, &s);
        break;
    }
    default:
        rand_mpz_bytes(z, 32);
        break;
    }
    mpz_clear(d);
}

/* A valid scalar (as limbs and as an mpz). */
static void rand_scalar(tsr_scalar *s, mpz_t z) {
    rand_raw256(z);
    mpz_mod(z, z, N);
    mpz_to_limbs(s, z);
}

/* ---- edge values ------------------------------------------------------------------------------ */

#define N_EDGE 40
static mpz_t edge[N_EDGE];
static int n_edge;

static void add_edge_str(const char *hex) {
    if (n_edge >= N_EDGE) {
        fprintf(stderr, "too many edge values\n");
        exit(2);
    }
    mpz_init_set_str(edge[n_edge], hex, 16);
    n_edge++;
}

static void setup_edges(void) {
    int i;
    add_edge_str("0");
    add_edge_str("1");
    add_edge_str("2");
    add_edge_str("3");
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD036413F"); /* n-2 */
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364140"); /* n-1 */
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141"); /* n */
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364142"); /* n+1 */
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364143"); /* n+2 */
    add_edge_str("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0"); /* (n-1)/2 */
    add_edge_str("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A1"); /* (n+1)/2 */
    add_edge_str("8000000000000000000000000000000000000000000000000000000000000000"); /* 2^255 */
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"); /* 2^256-1 */
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFE"); /* 2^256-2 */
    add_edge_str("14551231950B75FC4402DA1732FC9BEBF");                                /* c */
    add_edge_str("14551231950B75FC4402DA1732FC9BEBE");                                /* c-1 */
    add_edge_str("14551231950B75FC4402DA1732FC9BEC0");                                /* c+1 */
    add_edge_str("100000000000000000000000000000000");                                /* 2^128 */
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");                                 /* 2^128-1 */
    add_edge_str("100000000000000000000000000000000000000000000000000000000");        /* 2^224 */
    add_edge_str("FFFFFFFF");                                                         /* 2^32-1 */
    add_edge_str("100000000");                                                        /* 2^32 */
    add_edge_str("FFFFFFFFFFFFFFFF");                                                 /* 2^64-1 */
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFE00000000000000000000000000000000"); /* n's top half */
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8C00000000"); /* n, low limb 0 */
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CFFFFFFFF"); /* n, low limb ~0 */
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"); /* > n, limb 4 = ~1 */
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000000000000000000000000000"); /* > n */
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"); /* < n */
    add_edge_str("FFFFFFFF00000000FFFFFFFF00000000FFFFFFFF00000000FFFFFFFF00000000"); /* alternating */
    add_edge_str("00000000FFFFFFFF00000000FFFFFFFF00000000FFFFFFFF00000000FFFFFFFF");
    add_edge_str("8000000080000000800000008000000080000000800000008000000080000000");
    add_edge_str("0000000100000001000000010000000100000001000000010000000100000001");
    /* The byte-wise decoder decides at each byte of n: n with one byte lowered/raised. */
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364041");
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364241");
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364140");
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAFDCE6AF48A03BBFD25E8CD0364140");
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAADDCE6AF48A03BBFD25E8CD0364142");
    add_edge_str("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8DD0364140");
    for (i = 0; i < n_edge; i++) {
        CHECK(mpz_cmp(edge[i], TWO256) < 0);
    }
}

/* ---- checks ----------------------------------------------------------------------------------- */

/* decode of one 256-bit value: accept iff z < n, exact limbs, zero on reject. */
static void check_decode_value(const mpz_t z) {
    uint8_t b[32], b2[32];
    tsr_scalar r;
    int ret;
    int ok = mpz_cmp(z, N) < 0;
    mpz_to_be(b, 32, z);
    memset(r.d, 0xa5, sizeof r.d);
    ret = tsr_scalar_decode(&r, b);
    if (ok) {
        CHECK(ret == TSR_OK);
        CHECK(limbs_eq_mpz(&r, z));
        tsr_scalar_encode(b2, &r);
        CHECK(memcmp(b, b2, 32) == 0);
    } else {
        tsr_scalar zero;
        tsr_scalar_set_u32(&zero, 0);
        CHECK(ret == TSR_ERR_RANGE);
        CHECK(sc_eq(&r, &zero));
    }
}

/* encode of a valid scalar: matches GMP's big-endian export. */
static void check_encode_value(const tsr_scalar *a, const mpz_t z) {
    uint8_t b[32], e[32];
    tsr_scalar_encode(b, a);
    mpz_to_be(e, 32, z);
    CHECK(memcmp(b, e, 32) == 0);
}

/* Every binary op and its aliasing forms on (a, b). t is scratch. */
static void check_binops(const tsr_scalar *a, const mpz_t za, const tsr_scalar *b, const mpz_t zb, mpz_t t,
                         int aliasing) {
    tsr_scalar r, x;

    mpz_add(t, za, zb);
    mpz_mod(t, t, N);
    tsr_scalar_add(&r, a, b);
    CHECK_MSG(limbs_eq_mpz(&r, t), "add");
    if (aliasing) {
        x = *a; tsr_scalar_add(&x, &x, b); CHECK(sc_eq(&x, &r));
        x = *b; tsr_scalar_add(&x, a, &x); CHECK(sc_eq(&x, &r));
    }

    mpz_sub(t, za, zb);
    mpz_mod(t, t, N);
    tsr_scalar_sub(&r, a, b);
    CHECK_MSG(limbs_eq_mpz(&r, t), "sub");
    if (aliasing) {
        x = *a; tsr_scalar_sub(&x, &x, b); CHECK(sc_eq(&x, &r));
        x = *b; tsr_scalar_sub(&x, a, &x); CHECK(sc_eq(&x, &r));
    }

    mpz_mul(t, za, zb);
    mpz_mod(t, t, N);
    tsr_scalar_mul(&r, a, b);
    CHECK_MSG(limbs_eq_mpz(&r, t), "mul");
    if (aliasing) {
        x = *a; tsr_scalar_mul(&x, &x, b); CHECK(sc_eq(&x, &r));
        x = *b; tsr_scalar_mul(&x, a, &x); CHECK(sc_eq(&x, &r));
        /* square with everything aliased */
        mpz_mul(t, za, za);
        mpz_mod(t, t, N);
        x = *a; tsr_scalar_mul(&x, &x, &x); CHECK_MSG(limbs_eq_mpz(&x, t), "square");
        x = *a; tsr_scalar_add(&x, &x, &x); mpz_mul_2exp(t, za, 1); mpz_mod(t, t, N);
        CHECK_MSG(limbs_eq_mpz(&x, t), "double");
        x = *a; tsr_scalar_sub(&x, &x, &x); CHECK(tsr_scalar_is_zero_mask(&x) == 0xffffffffU);
    }
}

static void check_neg(const tsr_scalar *a, const mpz_t za, mpz_t t) {
    tsr_scalar r, x;
    mpz_neg(t, za);
    mpz_mod(t, t, N);
    tsr_scalar_neg(&r, a);
    CHECK_MSG(limbs_eq_mpz(&r, t), "neg");
    x = *a;
    tsr_scalar_neg(&x, &x);
    CHECK(sc_eq(&x, &r));
}

/* inv_var against the expected inverse t (0 for a = 0): exact limbs, r * a == 1 for a != 0, and
 * the aliased form. */
static unsigned long n_inv_var;
static void check_inv_var(const tsr_scalar *a, const mpz_t za, const mpz_t t, int aliasing) {
    tsr_scalar r, x, one;
    memset(r.d, 0xa5, sizeof r.d);
    tsr_scalar_inv_var(&r, a);
    CHECK_MSG(limbs_eq_mpz(&r, t), "inv_var");
    if (mpz_sgn(za) != 0) {
        tsr_scalar_set_u32(&one, 1);
        tsr_scalar_mul(&x, &r, a);
        CHECK_MSG(sc_eq(&x, &one), "inv_var: r * a != 1");
    }
    if (aliasing) {
        x = *a;
        tsr_scalar_inv_var(&x, &x);
        CHECK(sc_eq(&x, &r));
    }
    n_inv_var++;
}

/* inv (constant time) and inv_var against GMP's mpz_invert (0 -> 0). */
static void check_inv(const tsr_scalar *a, const mpz_t za, mpz_t t, int aliasing) {
    tsr_scalar r, x;
    if (mpz_sgn(za) == 0) {
        mpz_set_ui(t, 0);
    } else {
        CHECK(mpz_invert(t, za, N) != 0);
    }
    tsr_scalar_inv(&r, a);
    CHECK_MSG(limbs_eq_mpz(&r, t), "inv");
    if (aliasing) {
        x = *a;
        tsr_scalar_inv(&x, &x);
        CHECK(sc_eq(&x, &r));
    }
    check_inv_var(a, za, t, aliasing);
}

/* inv_var on inputs that stress the binary Euclid: small values, powers of two and their
 * neighbours, n minus those, values with long runs of zero limbs (the trailing-zero shifts cap at
 * 31 bits per pass), and the extreme u == v ends. */
static void test_inv_var_special(void) {
    tsr_scalar a;
    mpz_t z, t;
    unsigned long k;
    int d;
    mpz_inits(z, t, NULL);
    for (k = 0; k <= 3000; k++) {
        mpz_set_ui(z, k);
        mpz_to_limbs(&a, z);
        if (k == 0) {
            mpz_set_ui(t, 0);
        } else {
            CHECK(mpz_invert(t, z, N) != 0);
        }
        check_inv_var(&a, z, t, 1);
    }
    for (k = 0; k < 256; k++) {
        for (d = -3; d <= 3; d++) {
            int neg;
            for (neg = 0; neg < 2; neg++) {
                mpz_set_ui(z, 0);
                mpz_setbit(z, (mp_bitcnt_t)k);
                if (d < 0) {
                    mpz_sub_ui(z, z, (unsigned long)-d);
                } else {
                    mpz_add_ui(z, z, (unsigned long)d);
                }
                if (neg) {
                    mpz_sub(z, N, z);
                }
                mpz_mod(z, z, N);
                mpz_to_limbs(&a, z);
                if (mpz_sgn(z) == 0) {
                    mpz_set_ui(t, 0);
                } else {
                    CHECK(mpz_invert(t, z, N) != 0);
                }
                check_inv_var(&a, z, t, 0);
            }
        }
    }
    /* The inverses of the above: inv_var(inv_var(a)) == a. */
    for (k = 1; k <= 3000; k++) {
        tsr_scalar x, y;
        tsr_scalar_set_u32(&a, (uint32_t)k);
        tsr_scalar_inv_var(&x, &a);
        tsr_scalar_inv_var(&y, &x);
        CHECK(sc_eq(&y, &a));
    }
    mpz_clears(z, t, NULL);
}

/* Any limbs (reduced or not): is_zero_mask and eq_mask are exact masks. */
static void check_masks(const tsr_scalar *a, const tsr_scalar *b) {
    tsr_scalar zero;
    uint32_t m;
    tsr_scalar_set_u32(&zero, 0);
    m = tsr_scalar_is_zero_mask(a);
    CHECK(m == (sc_eq(a, &zero) ? 0xffffffffU : 0U));
    m = tsr_scalar_eq_mask(a, b);
    CHECK(m == (sc_eq(a, b) ? 0xffffffffU : 0U));
    CHECK(tsr_scalar_eq_mask(a, a) == 0xffffffffU);
}

static void check_cmov(const tsr_scalar *a, const tsr_scalar *b) {
    tsr_scalar r;
    r = *a; tsr_scalar_cmov(&r, b, 0); CHECK(sc_eq(&r, a));
    r = *a; tsr_scalar_cmov(&r, b, 0xffffffffU); CHECK(sc_eq(&r, b));
    r = *a; tsr_scalar_cmov(&r, &r, 0xffffffffU); CHECK(sc_eq(&r, a));
    r = *a; tsr_scalar_cmov(&r, &r, 0); CHECK(sc_eq(&r, a));
}

static void check_reduce_be(const uint8_t *in, size_t len, mpz_t t) {
    tsr_scalar r;
    memset(r.d, 0x5a, sizeof r.d);
    if (len == 0) {
        mpz_set_ui(t, 0);
    } else {
        mpz_import(t, len, 1, 1, 1, 0, in);
    }
    mpz_mod(t, t, N);
    CHECK(tsr_scalar_reduce_be(&r, len == 0 ? NULL : in, len) == TSR_OK);
    CHECK_MSG(limbs_eq_mpz(&r, t), "reduce_be len %u", (unsigned)len);
}

/* ---- test groups ------------------------------------------------------------------------------ */

static void test_edges(void) {
    tsr_scalar v[N_EDGE];
    mpz_t zv[N_EDGE], t;
    int i, j, nv = 0;
    uint8_t wide[64];

    mpz_init(t);
    for (i = 0; i < n_edge; i++) {
        check_decode_value(edge[i]);
    }
    /* The distinct valid scalars among edge values mod n. */
    for (i = 0; i < n_edge; i++) {
        mpz_init(zv[nv]);
        mpz_mod(zv[nv], edge[i], N);
        mpz_to_limbs(&v[nv], zv[nv]);
        nv++;
    }
    for (i = 0; i < nv; i++) {
        check_encode_value(&v[i], zv[i]);
        check_neg(&v[i], zv[i], t);
        check_inv(&v[i], zv[i], t, 1);
        for (j = 0; j < nv; j++) {
            check_binops(&v[i], zv[i], &v[j], zv[j], t, 1);
            check_masks(&v[i], &v[j]);
            check_cmov(&v[i], &v[j]);
        }
    }
    /* Masks on unreduced limbs (edge values >= n, used as raw limbs). */
    for (i = 0; i < n_edge; i++) {
        tsr_scalar a;
        mpz_to_limbs(&a, edge[i]);
        for (j = 0; j < n_edge; j++) {
            tsr_scalar b;
            mpz_to_limbs(&b, edge[j]);
            check_masks(&a, &b);
        }
    }
    /* Wide reductions of edge products and extreme byte strings, at several lengths. */
    for (i = 0; i < n_edge; i++) {
        for (j = 0; j < n_edge; j++) {
            mpz_mul(t, edge[i], edge[j]);
            mpz_to_be(wide, 64, t);
            check_reduce_be(wide, 64, t);
        }
        mpz_to_be(wide, 32, edge[i]);
        check_reduce_be(wide, 32, t);
        mpz_mul_2exp(t, edge[i], 256);
        mpz_to_be(wide, 64, t);
        check_reduce_be(wide, 64, t);
    }
    for (i = 0; i <= 64; i++) {
        memset(wide, 0xff, sizeof wide);
        check_reduce_be(wide, (size_t)i, t);
        memset(wide, 0x00, sizeof wide);
        check_reduce_be(wide, (size_t)i, t);
        if (i > 0) {
            wide[i - 1] = 1;
            check_reduce_be(wide, (size_t)i, t);
            wide[0] = 0x80;
            check_reduce_be(wide, (size_t)i, t);
        }
    }
    /* Length limits. */
    {
        tsr_scalar r;
        uint8_t big[65];
        memset(big, 0xff, sizeof big);
        CHECK(tsr_scalar_reduce_be(&r, big, 65) == TSR_ERR_ARG);
        CHECK(tsr_scalar_reduce_be(&r, big, (size_t)-1) == TSR_ERR_ARG);
        CHECK(tsr_scalar_reduce_be(&r, NULL, 0) == TSR_OK);
        CHECK(tsr_scalar_is_zero_mask(&r) == 0xffffffffU);
    }
    /* set_u32 */
    {
        static const uint32_t vals[5] = { 0, 1, 2, 0x80000000U, 0xffffffffU };
        for (i = 0; i < 5; i++) {
            tsr_scalar r;
            memset(r.d, 0xa5, sizeof r.d);
            tsr_scalar_set_u32(&r, vals[i]);
            mpz_set_ui(t, vals[i]);
            CHECK(limbs_eq_mpz(&r, t));
        }
    }
    /* clear */
    {
        tsr_scalar r;
        memset(r.d, 0xa5, sizeof r.d);
        tsr_scalar_clear(&r);
        CHECK(tsr_scalar_is_zero_mask(&r) == 0xffffffffU);
    }
    for (i = 0; i < nv; i++) {
        mpz_clear(zv[i]);
    }
    mpz_clear(t);
}

static void test_random(void) {
    tsr_scalar a, b;
    mpz_t za, zb, t;
    unsigned long it;
    mpz_inits(za, zb, t, NULL);

    /* add, sub, mul (and every 8th iteration their aliasing forms), neg, encode. */
    for (it = 0; it < iters; it++) {
        rand_scalar(&a, za);
        rand_scalar(&b, zb);
        check_binops(&a, za, &b, zb, t, (it & 7) == 0);
        check_neg(&a, za, t);
        check_encode_value(&a, za);
    }
    /* inv (aliasing form every 16th iteration). */
    for (it = 0; it < iters; it++) {
        rand_scalar(&a, za);
        check_inv(&a, za, t, (it & 15) == 0);
    }
    /* decode of raw 256-bit values (accept / reject). */
    for (it = 0; it < iters; it++) {
        rand_raw256(za);
        check_decode_value(za);
    }
    /* decode of arbitrary byte strings that agree with n on a random-length prefix. */
    for (it = 0; it < iters / 4; it++) {
        uint8_t nb[32];
        size_t k = (size_t)(tsr_test_rand64() % 33), i;
        mpz_to_be(nb, 32, N);
        for (i = k; i < 32; i++) {
            nb[i] = (uint8_t)tsr_test_rand64();
        }
        mpz_import(za, 32, 1, 1, 1, 0, nb);
        check_decode_value(za);
    }
    /* reduce_be: every length 0..64. */
    {
        size_t len;
        unsigned long per_len = iters / 64 + 1;
        uint8_t in[64];
        for (len = 0; len <= 64; len++) {
            for (it = 0; it < per_len; it++) {
                unsigned mode = (unsigned)(tsr_test_rand64() % 4);
                tsr_test_randbytes(in, len);
                if (mode == 1 && len > 0) { /* high bytes saturated */
                    memset(in, 0xff, (size_t)(tsr_test_rand64() % len));
                } else if (mode == 2 && len >= 32) { /* a value near a multiple of n */
                    mpz_t q;
                    mpz_init(q);
                    rand_mpz_bytes(q, len - 32);
                    mpz_mul(t, q, N);
                    rand_mpz_bytes(zb, 4);
                    if (tsr_test_rand64() & 1) {
                        mpz_add(t, t, zb);
                    } else if (mpz_cmp(t, zb) >= 0) {
                        mpz_sub(t, t, zb);
                    }
                    if (mpz_sizeinbase(t, 256) <= len) {
                        mpz_to_be(in, len, t);
                    }
                    mpz_clear(q);
                }
                check_reduce_be(in, len, t);
            }
        }
    }
    /* eq_mask, is_zero_mask, cmov on raw limbs, with many equal / nearly equal / zero pairs. */
    for (it = 0; it < iters; it++) {
        unsigned mode = (unsigned)(tsr_test_rand64() % 5);
        rand_raw256(za);
        mpz_to_limbs(&a, za);
        if (mode == 0) {
            b = a;
        } else if (mode == 1) { /* one bit of one limb differs */
            uint64_t r = tsr_test_rand64();
            b = a;
            b.d[r % 8] ^= (uint32_t)1 << ((r >> 8) % 32);
        } else if (mode == 2) { /* zero, or one non-zero bit */
            uint64_t r = tsr_test_rand64();
            memset(a.d, 0, sizeof a.d);
            if (r & 1) {
                a.d[(r >> 1) % 8] = (uint32_t)1 << ((r >> 8) % 32);
            }
            b = a;
            b.d[0] ^= (uint32_t)(r >> 40) & 1;
        } else {
            rand_raw256(zb);
            mpz_to_limbs(&b, zb);
        }
        check_masks(&a, &b);
        check_masks(&b, &a);
        check_cmov(&a, &b);
    }
    mpz_clears(za, zb, t, NULL);
}

/* Algebraic laws, checked without GMP. */
static void test_algebra(void) {
    tsr_scalar a, b, c, x, y, z, one, zero;
    mpz_t t;
    unsigned long it, n_alg = iters / 10 + 1;
    mpz_init(t);
    tsr_scalar_set_u32(&one, 1);
    tsr_scalar_set_u32(&zero, 0);
    for (it = 0; it < n_alg; it++) {
        rand_scalar(&a, t);
        rand_scalar(&b, t);
        rand_scalar(&c, t);
        /* a * inv(a) == 1 for a != 0; inv(inv(a)) == a */
        tsr_scalar_inv(&x, &a);
        tsr_scalar_mul(&y, &a, &x);
        if (tsr_scalar_is_zero_mask(&a) == 0) {
            CHECK(sc_eq(&y, &one));
        } else {
            CHECK(sc_eq(&x, &zero));
        }
        tsr_scalar_inv(&y, &x);
        CHECK(sc_eq(&y, &a));
        tsr_scalar_inv_var(&y, &a);
        CHECK(sc_eq(&y, &x));
        /* a * (b + c) == a*b + a*c */
        tsr_scalar_add(&x, &b, &c);
        tsr_scalar_mul(&x, &a, &x);
        tsr_scalar_mul(&y, &a, &b);
        tsr_scalar_mul(&z, &a, &c);
        tsr_scalar_add(&y, &y, &z);
        CHECK(sc_eq(&x, &y));
        /* commutativity, (a + b) - b == a, a + (-a) == 0, -(-a) == a, a - b == a + (-b) */
        tsr_scalar_mul(&x, &a, &b);
        tsr_scalar_mul(&y, &b, &a);
        CHECK(sc_eq(&x, &y));
        tsr_scalar_add(&x, &a, &b);
        tsr_scalar_sub(&x, &x, &b);
        CHECK(sc_eq(&x, &a));
        tsr_scalar_neg(&x, &a);
        tsr_scalar_add(&y, &a, &x);
        CHECK(sc_eq(&y, &zero));
        tsr_scalar_neg(&y, &x);
        CHECK(sc_eq(&y, &a));
        tsr_scalar_neg(&x, &b);
        tsr_scalar_add(&x, &a, &x);
        tsr_scalar_sub(&y, &a, &b);
        CHECK(sc_eq(&x, &y));
        /* (a * b) * c == a * (b * c) */
        tsr_scalar_mul(&x, &a, &b);
        tsr_scalar_mul(&x, &x, &c);
        tsr_scalar_mul(&y, &b, &c);
        tsr_scalar_mul(&y, &a, &y);
        CHECK(sc_eq(&x, &y));
    }
    tsr_scalar_inv(&x, &zero);
    CHECK(sc_eq(&x, &zero));
    tsr_scalar_inv(&x, &one);
    CHECK(sc_eq(&x, &one));
    tsr_scalar_inv_var(&x, &zero);
    CHECK(sc_eq(&x, &zero));
    tsr_scalar_inv_var(&x, &one);
    CHECK(sc_eq(&x, &one));
    mpz_clear(t);
}

int main(int argc, char **argv) {
    const char *s = argc > 2 ? argv[2] : getenv("TSR_SCALAR_ITERS");
    tsr_test_init("scalar", argc, argv);
    if (s != NULL) {
        iters = strtoul(s, NULL, 0);
    }
    printf("scalar: %lu iterations per operation\n", iters);
    mpz_init_set_str(N, "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    mpz_init(TWO256);
    mpz_setbit(TWO256, 256);
    setup_edges();
    test_edges();
    test_random();
    test_algebra();
    test_inv_var_special();
    printf("scalar: inv_var checked on %lu inputs against GMP\n", n_inv_var);
    {
        int i;
        for (i = 0; i < n_edge; i++) {
            mpz_clear(edge[i]);
        }
    }
    mpz_clears(N, TWO256, NULL);
    return tsr_test_done();
}
