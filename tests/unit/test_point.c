/* Unit tests for the point module: group laws, identity handling, strict decoding, BIP340 vectors. */
#include <secp256k1.h>

#include "tessera/common.h"
#include "tessera/point.h"
#include "tessera/scalar.h"
#include "tsr_test.h"

#define TSR_TEST_ITERS 1000
#define TSR_TEST_BIP340_CSV "vectors/external/bip340/bip340-test-vectors.csv"

static tsr_context *ctx;

/* Known multiples of G, computed with an independent Python model (affine formulas over p). */
static const char *const tsr_test_g_hex = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
static const char *const tsr_test_2g_hex = "02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5";
static const char *const tsr_test_3g_hex = "02f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9";
static const char *const tsr_test_7g_hex = "025cbdf0646e5db4eaa398f365f2ea7a0e3d419b7e0330e39ce92bddedcac4f9bc";
static const char *const tsr_test_ng_hex = "0379be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"; /* (n-1)G */
static const char *const tsr_test_k_hex = "deadbeefcafebabe0123456789abcdef00112233445566778899aabbccddeeff";
static const char *const tsr_test_kg_hex = "02246f7f3a798415c6972a0516be756ab8ac25e016a98d1d25787d2975ab974914";
static const char *const tsr_test_nm1_hex = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140";
/* The field prime p, p + 1 and 2^256 - 1 as x coordinates. */
static const char *const tsr_test_p_hex = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";
static const char *const tsr_test_p1_hex = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc30";
static const char *const tsr_test_pm1_hex = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e";
static const char *const tsr_test_max_hex = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";

static void tsr_test_rand_scalar(tsr_scalar *r) {
    uint8_t b[64];
    tsr_test_randbytes(b, sizeof b);
    /* Sometimes a small or edge value, mostly uniform. */
    switch (tsr_test_rand64() % 16) {
    case 0:
        tsr_scalar_set_u32(r, (uint32_t)(tsr_test_rand64() % 4));
        return;
    case 1: {
        tsr_scalar one;
        tsr_scalar_set_u32(&one, (uint32_t)(tsr_test_rand64() % 4));
        tsr_scalar_set_u32(r, 0);
        tsr_scalar_sub(r, r, &one); /* n - small */
        return;
    }
    default:
        break;
    }
    CHECK(tsr_scalar_reduce_be(r, b, sizeof b) == TSR_OK);
}

static void tsr_test_scalar_hex(tsr_scalar *r, const char *hex) {
    uint8_t b[32];
    CHECK(tsr_test_unhex(b, sizeof b, hex) == 32);
    CHECK(tsr_scalar_decode(r, b) == TSR_OK);
}

/* Returns 1 if the two points are equal, comparing both tsr_point_eq and the encodings. */
static int tsr_test_same(const tsr_point *a, const tsr_point *b) {
    uint8_t ea[33], eb[33];
    int eq = tsr_point_eq(ctx, a, b);
    if (tsr_point_encode(ctx, ea, a) != TSR_OK || tsr_point_encode(ctx, eb, b) != TSR_OK) {
        return 0;
    }
    if (eq != (memcmp(ea, eb, 33) == 0)) {
        return 0; /* eq and encodings disagree: count as a failure */
    }
    return eq;
}

static void tsr_test_known_multiples(void) {
    static const struct {
        uint32_t k;
        const char *const *hex;
    } tab[] = {{1, &tsr_test_g_hex}, {2, &tsr_test_2g_hex}, {3, &tsr_test_3g_hex}, {7, &tsr_test_7g_hex}};
    tsr_point g, r, s;
    tsr_scalar k;
    uint8_t enc[33], exp[33];
    size_t i;

    tsr_scalar_set_u32(&k, 1);
    CHECK(tsr_point_base_mul(ctx, &g, &k) == TSR_OK);
    for (i = 0; i < sizeof tab / sizeof tab[0]; i++) {
        tsr_scalar_set_u32(&k, tab[i].k);
        CHECK(tsr_test_unhex(exp, sizeof exp, *tab[i].hex) == 33);
        CHECK(tsr_point_base_mul(ctx, &r, &k) == TSR_OK);
        CHECK(tsr_point_encode(ctx, enc, &r) == TSR_OK);
        CHECK_MSG(memcmp(enc, exp, 33) == 0, "base_mul(%u)", (unsigned)tab[i].k);
        CHECK(tsr_point_mul(ctx, &s, &g, &k) == TSR_OK);
        CHECK(tsr_test_same(&r, &s));
        CHECK(tsr_point_mul_var(ctx, &s, &g, &k) == TSR_OK);
        CHECK(tsr_test_same(&r, &s));
    }
    /* (n-1)G = -G */
    tsr_test_scalar_hex(&k, tsr_test_nm1_hex);
    CHECK(tsr_test_unhex(exp, sizeof exp, tsr_test_ng_hex) == 33);
    CHECK(tsr_point_base_mul(ctx, &r, &k) == TSR_OK);
    CHECK(tsr_point_encode(ctx, enc, &r) == TSR_OK);
    CHECK(memcmp(enc, exp, 33) == 0);
    CHECK(tsr_point_neg(ctx, &s, &g) == TSR_OK);
    CHECK(tsr_test_same(&r, &s));
    /* A full-size scalar. */
    tsr_test_scalar_hex(&k, tsr_test_k_hex);
    CHECK(tsr_test_unhex(exp, sizeof exp, tsr_test_kg_hex) == 33);
    CHECK(tsr_point_base_mul(ctx, &r, &k) == TSR_OK);
    CHECK(tsr_point_encode(ctx, enc, &r) == TSR_OK);
    CHECK(memcmp(enc, exp, 33) == 0);
    CHECK(tsr_point_mul(ctx, &s, &g, &k) == TSR_OK);
    CHECK(tsr_point_encode(ctx, enc, &s) == TSR_OK);
    CHECK(memcmp(enc, exp, 33) == 0);
    CHECK(tsr_point_mul_var(ctx, &s, &g, &k) == TSR_OK);
    CHECK(tsr_point_encode(ctx, enc, &s) == TSR_OK);
    CHECK(memcmp(enc, exp, 33) == 0);
}

static void tsr_test_identity_laws(void) {
    tsr_point o, p, q, r;
    tsr_scalar k, zero;
    uint8_t enc[33], zeros[33];
    int i;

    memset(zeros, 0, sizeof zeros);
    tsr_scalar_set_u32(&zero, 0);
    tsr_point_set_identity(&o);
    CHECK(tsr_point_is_identity(&o) == 1);
    CHECK(tsr_point_eq(ctx, &o, &o) == 1);
    CHECK(tsr_point_encode(ctx, enc, &o) == TSR_OK);
    CHECK(memcmp(enc, zeros, 33) == 0);
    /* 0*G = O */
    CHECK(tsr_point_base_mul(ctx, &r, &zero) == TSR_OK);
    CHECK(tsr_point_is_identity(&r) == 1);
    /* O + O = O, -O = O */
    CHECK(tsr_point_add(ctx, &r, &o, &o) == TSR_OK);
    CHECK(tsr_point_is_identity(&r) == 1);
    CHECK(tsr_point_neg(ctx, &r, &o) == TSR_OK);
    CHECK(tsr_point_is_identity(&r) == 1);
    /* x-only encoding of O is refused */
    {
        uint8_t x[32];
        int odd = 7;
        CHECK(tsr_point_encode_xonly(ctx, x, &odd, &o) == TSR_ERR_RANGE);
        CHECK(odd == 0);
        CHECK(tsr_point_encode_xonly(ctx, x, NULL, &o) == TSR_ERR_RANGE);
    }
    for (i = 0; i < 50; i++) {
        tsr_test_rand_scalar(&k);
        if (tsr_scalar_is_zero_mask(&k) != 0) {
            tsr_scalar_set_u32(&k, 5);
        }
        CHECK(tsr_point_base_mul(ctx, &p, &k) == TSR_OK);
        CHECK(tsr_point_is_identity(&p) == 0);
        CHECK(tsr_point_eq(ctx, &p, &o) == 0);
        CHECK(tsr_point_eq(ctx, &o, &p) == 0);
        /* P + O = P, O + P = P */
        CHECK(tsr_point_add(ctx, &r, &p, &o) == TSR_OK);
        CHECK(tsr_test_same(&r, &p));
        CHECK(tsr_point_add(ctx, &r, &o, &p) == TSR_OK);
        CHECK(tsr_test_same(&r, &p));
        /* P + (-P) = O, (-P) + P = O */
        CHECK(tsr_point_neg(ctx, &q, &p) == TSR_OK);
        CHECK(tsr_point_is_identity(&q) == 0);
        CHECK(tsr_point_eq(ctx, &q, &p) == 0);
        CHECK(tsr_point_add(ctx, &r, &p, &q) == TSR_OK);
        CHECK(tsr_point_is_identity(&r) == 1);
        CHECK(tsr_point_add(ctx, &r, &q, &p) == TSR_OK);
        CHECK(tsr_point_is_identity(&r) == 1);
        /* -(-P) = P */
        CHECK(tsr_point_neg(ctx, &r, &q) == TSR_OK);
        CHECK(tsr_test_same(&r, &p));
        /* 0*P = O */
        CHECK(tsr_point_mul(ctx, &r, &p, &zero) == TSR_OK);
        CHECK(tsr_point_is_identity(&r) == 1);
        CHECK(tsr_point_mul_var(ctx, &r, &p, &zero) == TSR_OK);
        CHECK(tsr_point_is_identity(&r) == 1);
        /* k*O = O */
        CHECK(tsr_point_mul(ctx, &r, &o, &k) == TSR_OK);
        CHECK(tsr_point_is_identity(&r) == 1);
        CHECK(tsr_point_mul_var(ctx, &r, &o, &k) == TSR_OK);
        CHECK(tsr_point_is_identity(&r) == 1);
        /* n*P: (n-1)*P + P = O */
        {
            tsr_scalar m;
            tsr_test_scalar_hex(&m, tsr_test_nm1_hex);
            CHECK(tsr_point_mul(ctx, &r, &p, &m) == TSR_OK);
            CHECK(tsr_point_add(ctx, &r, &r, &p) == TSR_OK);
            CHECK(tsr_point_is_identity(&r) == 1);
        }
        /* P + P = 2P (doubling through combine) */
        {
            tsr_scalar two;
            tsr_point d;
            tsr_scalar_set_u32(&two, 2);
            CHECK(tsr_point_add(ctx, &r, &p, &p) == TSR_OK);
            CHECK(tsr_point_mul_var(ctx, &d, &p, &two) == TSR_OK);
            CHECK(tsr_test_same(&r, &d));
        }
    }
}

static void tsr_test_group_laws(void) {
    tsr_point g, pa, pb, pab, t1, t2, t3;
    tsr_scalar a, b, s, one;
    int i;

    tsr_scalar_set_u32(&one, 1);
    CHECK(tsr_point_base_mul(ctx, &g, &one) == TSR_OK);
    for (i = 0; i < TSR_TEST_ITERS; i++) {
        tsr_test_rand_scalar(&a);
        tsr_test_rand_scalar(&b);
        /* base_mul(a) == mul(G, a) == mul_var(G, a) */
        CHECK(tsr_point_base_mul(ctx, &pa, &a) == TSR_OK);
        CHECK(tsr_point_mul(ctx, &t1, &g, &a) == TSR_OK);
        CHECK(tsr_point_mul_var(ctx, &t2, &g, &a) == TSR_OK);
        CHECK(tsr_test_same(&pa, &t1));
        CHECK(tsr_test_same(&pa, &t2));
        CHECK(tsr_point_is_identity(&pa) == (tsr_scalar_is_zero_mask(&a) != 0));
        /* (a+b)G == aG + bG */
        CHECK(tsr_point_base_mul(ctx, &pb, &b) == TSR_OK);
        tsr_scalar_add(&s, &a, &b);
        CHECK(tsr_point_base_mul(ctx, &t1, &s) == TSR_OK);
        CHECK(tsr_point_add(ctx, &t2, &pa, &pb) == TSR_OK);
        CHECK(tsr_test_same(&t1, &t2));
        /* (a-b)G == aG + (-(bG)) */
        tsr_scalar_sub(&s, &a, &b);
        CHECK(tsr_point_base_mul(ctx, &t1, &s) == TSR_OK);
        CHECK(tsr_point_neg(ctx, &t3, &pb) == TSR_OK);
        CHECK(tsr_point_add(ctx, &t2, &pa, &t3) == TSR_OK);
        CHECK(tsr_test_same(&t1, &t2));
        /* a(bG) == (ab)G via mul and mul_var */
        tsr_scalar_mul(&s, &a, &b);
        CHECK(tsr_point_base_mul(ctx, &pab, &s) == TSR_OK);
        CHECK(tsr_point_mul(ctx, &t1, &pb, &a) == TSR_OK);
        CHECK(tsr_test_same(&t1, &pab));
        CHECK(tsr_point_mul_var(ctx, &t2, &pb, &a) == TSR_OK);
        CHECK(tsr_test_same(&t2, &pab));
        /* commutativity: b(aG) == a(bG) */
        CHECK(tsr_point_mul(ctx, &t3, &pa, &b) == TSR_OK);
        CHECK(tsr_test_same(&t3, &pab));
        /* aliasing: r == p in mul and mul_var, r == a in add, r == a in neg */
        t1 = pb;
        CHECK(tsr_point_mul(ctx, &t1, &t1, &a) == TSR_OK);
        CHECK(tsr_test_same(&t1, &pab));
        t1 = pb;
        CHECK(tsr_point_mul_var(ctx, &t1, &t1, &a) == TSR_OK);
        CHECK(tsr_test_same(&t1, &pab));
        t1 = pa;
        CHECK(tsr_point_add(ctx, &t1, &t1, &pb) == TSR_OK);
        tsr_scalar_add(&s, &a, &b);
        CHECK(tsr_point_base_mul(ctx, &t2, &s) == TSR_OK);
        CHECK(tsr_test_same(&t1, &t2));
        t1 = pb;
        CHECK(tsr_point_add(ctx, &t1, &pa, &t1) == TSR_OK);
        CHECK(tsr_test_same(&t1, &t2));
        t1 = pa;
        CHECK(tsr_point_neg(ctx, &t1, &t1) == TSR_OK);
        tsr_scalar_neg(&s, &a);
        CHECK(tsr_point_base_mul(ctx, &t2, &s) == TSR_OK);
        CHECK(tsr_test_same(&t1, &t2));
    }
}

static void tsr_test_encode_round_trip(void) {
    tsr_point p, q, o;
    tsr_scalar k;
    uint8_t enc[33], x[32], zeros[33];
    tsr_check reason;
    int i, odd;

    memset(zeros, 0, sizeof zeros);
    /* identity: only with the flag */
    tsr_point_set_identity(&o);
    CHECK(tsr_point_encode(ctx, enc, &o) == TSR_OK);
    reason = TSR_CHECK_SIZE;
    CHECK(tsr_point_decode(ctx, &q, enc, 33, TSR_POINT_ALLOW_IDENTITY, &reason) == TSR_OK);
    CHECK(reason == TSR_CHECK_NONE);
    CHECK(tsr_point_is_identity(&q) == 1);
    CHECK(tsr_point_decode(ctx, &q, enc, 33, TSR_POINT_ALLOW_IDENTITY, NULL) == TSR_OK);
    CHECK(tsr_point_is_identity(&q) == 1);

    for (i = 0; i < TSR_TEST_ITERS; i++) {
        tsr_test_rand_scalar(&k);
        if (tsr_scalar_is_zero_mask(&k) != 0) {
            tsr_scalar_set_u32(&k, 1);
        }
        CHECK(tsr_point_base_mul(ctx, &p, &k) == TSR_OK);
        CHECK(tsr_point_encode(ctx, enc, &p) == TSR_OK);
        CHECK(enc[0] == 0x02 || enc[0] == 0x03);
        reason = TSR_CHECK_SIZE;
        CHECK(tsr_point_decode(ctx, &q, enc, 33, 0, &reason) == TSR_OK);
        CHECK(reason == TSR_CHECK_NONE);
        CHECK(tsr_test_same(&p, &q));
        CHECK(tsr_point_decode(ctx, &q, enc, 33, TSR_POINT_ALLOW_IDENTITY, NULL) == TSR_OK);
        CHECK(tsr_test_same(&p, &q));
        /* x-only: same x, parity from the prefix; decoding gives the even-y point */
        odd = 7;
        CHECK(tsr_point_encode_xonly(ctx, x, &odd, &p) == TSR_OK);
        CHECK(memcmp(x, enc + 1, 32) == 0);
        CHECK(odd == (enc[0] == 0x03));
        reason = TSR_CHECK_SIZE;
        CHECK(tsr_point_decode_xonly(ctx, &q, x, &reason) == TSR_OK);
        CHECK(reason == TSR_CHECK_NONE);
        CHECK(tsr_point_is_identity(&q) == 0);
        if (odd) {
            tsr_point np;
            CHECK(tsr_point_neg(ctx, &np, &p) == TSR_OK);
            CHECK(tsr_test_same(&q, &np));
        } else {
            CHECK(tsr_test_same(&q, &p));
        }
        odd = 7;
        CHECK(tsr_point_encode_xonly(ctx, x, &odd, &q) == TSR_OK);
        CHECK(odd == 0);
        CHECK(memcmp(x, enc + 1, 32) == 0);
        CHECK(tsr_point_encode_xonly(ctx, x, NULL, &q) == TSR_OK);
        CHECK(memcmp(x, enc + 1, 32) == 0);
    }
}

/* Decodes in/inlen and checks the return code, the reason and that r is left as the identity. */
static void tsr_test_reject(const uint8_t *in, size_t inlen, unsigned flags, int want_rc, tsr_check want_reason,
                            const char *what) {
    tsr_point r;
    tsr_check reason = TSR_CHECK_NONE;
    int rc;
    r.infinity = 0;
    memset(&r.pk, 0xa5, sizeof r.pk);
    rc = tsr_point_decode(ctx, &r, in, inlen, flags, &reason);
    CHECK_MSG(rc == want_rc, "%s: rc %d, want %d", what, rc, want_rc);
    CHECK_MSG(reason == want_reason, "%s: reason %d, want %d", what, (int)reason, (int)want_reason);
    CHECK_MSG(tsr_point_is_identity(&r) == 1, "%s: output not the identity", what);
    /* Same verdict without a reason pointer. */
    CHECK(tsr_point_decode(ctx, &r, in, inlen, flags, NULL) == want_rc);
}

static void tsr_test_reject_xonly(const uint8_t in32[32], tsr_check want_reason, const char *what) {
    tsr_point r;
    tsr_check reason = TSR_CHECK_NONE;
    int rc;
    r.infinity = 0;
    rc = tsr_point_decode_xonly(ctx, &r, in32, &reason);
    CHECK_MSG(rc == TSR_ERR_ENCODING, "%s: rc %d", what, rc);
    CHECK_MSG(reason == want_reason, "%s: reason %d, want %d", what, (int)reason, (int)want_reason);
    CHECK(tsr_point_is_identity(&r) == 1);
    CHECK(tsr_point_decode_xonly(ctx, &r, in32, NULL) == TSR_ERR_ENCODING);
}

static void tsr_test_strict_decode(void) {
    static const size_t bad_lengths[] = {0, 1, 32, 34, 64, 65, 66};
    static const uint8_t bad_prefixes[] = {0x00, 0x01, 0x04, 0x05, 0x06, 0x07, 0x08, 0x12, 0x80, 0xfe, 0xff};
    static const uint32_t off_curve_x[] = {0, 5, 7, 9, 10, 11};
    static const char *const big_x[] = {tsr_test_p_hex, tsr_test_p1_hex, tsr_test_max_hex};
    uint8_t buf[80], g[33], zeros[33];
    tsr_point r;
    size_t i;
    int j, valid, found;

    memset(zeros, 0, sizeof zeros);
    CHECK(tsr_test_unhex(g, sizeof g, tsr_test_g_hex) == 33);
    /* wrong lengths, with a valid point (or zeros) as the prefix of the buffer */
    for (i = 0; i < sizeof bad_lengths / sizeof bad_lengths[0]; i++) {
        memset(buf, 0, sizeof buf);
        memcpy(buf, g, 33);
        tsr_test_reject(buf, bad_lengths[i], 0, TSR_ERR_ENCODING, TSR_CHECK_LENGTH, "length");
        tsr_test_reject(buf, bad_lengths[i], TSR_POINT_ALLOW_IDENTITY, TSR_ERR_ENCODING, TSR_CHECK_LENGTH,
                        "length");
        memset(buf, 0, sizeof buf);
        tsr_test_reject(buf, bad_lengths[i], TSR_POINT_ALLOW_IDENTITY, TSR_ERR_ENCODING, TSR_CHECK_LENGTH,
                        "zero length");
    }
    tsr_test_reject(NULL, 0, 0, TSR_ERR_ENCODING, TSR_CHECK_LENGTH, "NULL, 0");
    /* the 65-byte uncompressed form of a valid point is refused by length */
    {
        tsr_point p;
        tsr_scalar one;
        size_t outlen = 65;
        tsr_scalar_set_u32(&one, 1);
        CHECK(tsr_point_base_mul(ctx, &p, &one) == TSR_OK);
        CHECK(secp256k1_ec_pubkey_serialize(secp256k1_context_static, buf, &outlen, &p.pk, SECP256K1_EC_UNCOMPRESSED) == 1);
        tsr_test_reject(buf, 65, 0, TSR_ERR_ENCODING, TSR_CHECK_LENGTH, "uncompressed");
    }
    /* identity without the flag */
    tsr_test_reject(zeros, 33, 0, TSR_ERR_RANGE, TSR_CHECK_POINT_IDENTITY, "identity");
    /* bad prefixes with a valid x */
    for (i = 0; i < sizeof bad_prefixes / sizeof bad_prefixes[0]; i++) {
        memcpy(buf, g, 33);
        buf[0] = bad_prefixes[i];
        tsr_test_reject(buf, 33, 0, TSR_ERR_ENCODING, TSR_CHECK_POINT_PREFIX, "prefix");
        tsr_test_reject(buf, 33, TSR_POINT_ALLOW_IDENTITY, TSR_ERR_ENCODING, TSR_CHECK_POINT_PREFIX, "prefix");
    }
    /* a zero prefix in front of a non-zero x is a prefix error, not the identity */
    memset(buf, 0, 33);
    buf[32] = 1;
    tsr_test_reject(buf, 33, TSR_POINT_ALLOW_IDENTITY, TSR_ERR_ENCODING, TSR_CHECK_POINT_PREFIX, "00 || 1");
    /* prefix 02 or 03 with x = 0 is off the curve (0^3 + 7 is not a square), not the identity */
    memset(buf, 0, 33);
    buf[0] = 0x02;
    tsr_test_reject(buf, 33, TSR_POINT_ALLOW_IDENTITY, TSR_ERR_ENCODING, TSR_CHECK_POINT_NOT_ON_CURVE, "02 || 0");
    /* x >= p */
    for (i = 0; i < sizeof big_x / sizeof big_x[0]; i++) {
        CHECK(tsr_test_unhex(buf + 1, 32, big_x[i]) == 32);
        buf[0] = 0x02;
        tsr_test_reject(buf, 33, 0, TSR_ERR_ENCODING, TSR_CHECK_POINT_X_RANGE, "x >= p");
        buf[0] = 0x03;
        tsr_test_reject(buf, 33, 0, TSR_ERR_ENCODING, TSR_CHECK_POINT_X_RANGE, "x >= p");
        tsr_test_reject_xonly(buf + 1, TSR_CHECK_POINT_X_RANGE, "x-only x >= p");
    }
    /* x = p - 1: below p, so it passes the range check; the curve check decides */
    CHECK(tsr_test_unhex(buf + 1, 32, tsr_test_pm1_hex) == 32);
    buf[0] = 0x02;
    {
        tsr_check reason = TSR_CHECK_SIZE;
        int rc = tsr_point_decode(ctx, &r, buf, 33, 0, &reason);
        CHECK(rc == TSR_OK || (rc == TSR_ERR_ENCODING && reason == TSR_CHECK_POINT_NOT_ON_CURVE));
    }
    /* x with x^3 + 7 not a square mod p (found with an independent Python model) */
    for (i = 0; i < sizeof off_curve_x / sizeof off_curve_x[0]; i++) {
        memset(buf, 0, 33);
        buf[29] = (uint8_t)(off_curve_x[i] >> 24);
        buf[30] = (uint8_t)(off_curve_x[i] >> 16);
        buf[31] = (uint8_t)(off_curve_x[i] >> 8);
        buf[32] = (uint8_t)off_curve_x[i];
        buf[0] = 0x02;
        tsr_test_reject(buf, 33, 0, TSR_ERR_ENCODING, TSR_CHECK_POINT_NOT_ON_CURVE, "off curve");
        buf[0] = 0x03;
        tsr_test_reject(buf, 33, 0, TSR_ERR_ENCODING, TSR_CHECK_POINT_NOT_ON_CURVE, "off curve");
        tsr_test_reject_xonly(buf + 1, TSR_CHECK_POINT_NOT_ON_CURVE, "x-only off curve");
    }
    /* x = 1, 2, 3 are on the curve (1 + 7 = 8, 8 + 7 = 15, 27 + 7 = 34 are squares) */
    /* random x < p: either both prefixes decode (to P and -P) or both fail as off-curve; about half
     * of the x values are on the curve */
    found = 0;
    for (j = 0; j < 2 * TSR_TEST_ITERS; j++) {
        tsr_point p2, p3, n2;
        tsr_check r2 = TSR_CHECK_SIZE, r3 = TSR_CHECK_SIZE, rx = TSR_CHECK_SIZE;
        int rc2, rc3, rcx;
        tsr_test_randbytes(buf + 1, 32);
        if (buf[1] == 0xff) {
            buf[1] = 0x7f; /* keep x < p */
        }
        buf[0] = 0x02;
        rc2 = tsr_point_decode(ctx, &p2, buf, 33, 0, &r2);
        buf[0] = 0x03;
        rc3 = tsr_point_decode(ctx, &p3, buf, 33, 0, &r3);
        rcx = tsr_point_decode_xonly(ctx, &n2, buf + 1, &rx);
        CHECK(rc2 == rc3 && rc2 == rcx);
        valid = rc2 == TSR_OK;
        found += valid;
        if (valid) {
            uint8_t enc[33];
            CHECK(r2 == TSR_CHECK_NONE && r3 == TSR_CHECK_NONE && rx == TSR_CHECK_NONE);
            CHECK(tsr_point_neg(ctx, &n2, &p2) == TSR_OK);
            CHECK(tsr_test_same(&n2, &p3));
            CHECK(tsr_point_encode(ctx, enc, &p3) == TSR_OK);
            CHECK(memcmp(enc, buf, 33) == 0);
            buf[0] = 0x02;
            CHECK(tsr_point_encode(ctx, enc, &p2) == TSR_OK);
            CHECK(memcmp(enc, buf, 33) == 0);
        } else {
            CHECK(rc2 == TSR_ERR_ENCODING);
            CHECK(r2 == TSR_CHECK_POINT_NOT_ON_CURVE && r3 == TSR_CHECK_POINT_NOT_ON_CURVE &&
                  rx == TSR_CHECK_POINT_NOT_ON_CURVE);
            CHECK(tsr_point_is_identity(&p2) && tsr_point_is_identity(&p3) && tsr_point_is_identity(&n2));
        }
    }
    CHECK_MSG(found > TSR_TEST_ITERS / 2 && found < 3 * TSR_TEST_ITERS / 2, "on-curve x: %d of %d", found,
              2 * TSR_TEST_ITERS);
}

/* Splits one CSV line into 8 fields (the last, the comment, keeps any commas). Strips CR/LF.
 * Returns the number of fields. */
static int tsr_test_csv_split(char *line, char *fields[8]) {
    int n = 0;
    char *p = line;
    size_t len = strlen(line);
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) {
        line[--len] = '\0';
    }
    fields[n++] = p;
    while (n < 8 && (p = strchr(p, ',')) != NULL) {
        *p++ = '\0';
        fields[n++] = p;
    }
    return n;
}

static void tsr_test_bip340(void) {
    FILE *f = fopen(TSR_TEST_BIP340_CSV, "rb");
    char line[1024];
    int rows = 0, with_key = 0, not_on_curve = 0, x_range = 0;

    CHECK_MSG(f != NULL, "cannot open %s (run from the repository root)", TSR_TEST_BIP340_CSV);
    if (f == NULL) {
        return;
    }
    if (fgets(line, sizeof line, f) == NULL) {
        CHECK_MSG(0, "empty %s", TSR_TEST_BIP340_CSV);
        fclose(f);
        return;
    }
    CHECK(strncmp(line, "index,secret key,public key,", 28) == 0);
    while (fgets(line, sizeof line, f) != NULL) {
        char *fld[8];
        uint8_t pk32[32], sk32[32], out32[32];
        tsr_point p;
        tsr_check reason = TSR_CHECK_SIZE;
        int rc, odd;
        long idx;
        if (line[0] == '\r' || line[0] == '\n' || line[0] == '\0') {
            continue;
        }
        CHECK(strchr(line, '\n') != NULL); /* the line fitted */
        if (tsr_test_csv_split(line, fld) != 8) {
            CHECK_MSG(0, "bip340 row %d: not 8 fields", rows);
            continue;
        }
        rows++;
        idx = strtol(fld[0], NULL, 10);
        CHECK_MSG(tsr_test_unhex(pk32, sizeof pk32, fld[2]) == 32, "row %ld: public key hex", idx);
        rc = tsr_point_decode_xonly(ctx, &p, pk32, &reason);
        if (strstr(fld[7], "public key not on the curve") != NULL) {
            not_on_curve++;
            CHECK_MSG(rc == TSR_ERR_ENCODING && reason == TSR_CHECK_POINT_NOT_ON_CURVE, "row %ld: rc %d reason %d",
                      idx, rc, (int)reason);
            continue;
        }
        if (strstr(fld[7], "exceeds the field size") != NULL) {
            x_range++;
            CHECK_MSG(rc == TSR_ERR_ENCODING && reason == TSR_CHECK_POINT_X_RANGE, "row %ld: rc %d reason %d", idx,
                      rc, (int)reason);
            continue;
        }
        CHECK_MSG(rc == TSR_OK && reason == TSR_CHECK_NONE, "row %ld: x-only decode rc %d reason %d", idx, rc,
                  (int)reason);
        odd = 7;
        CHECK(tsr_point_encode_xonly(ctx, out32, &odd, &p) == TSR_OK);
        CHECK_MSG(memcmp(out32, pk32, 32) == 0 && odd == 0, "row %ld: x-only round trip", idx);
        if (fld[1][0] != '\0') {
            tsr_scalar sk;
            tsr_point q;
            with_key++;
            CHECK_MSG(tsr_test_unhex(sk32, sizeof sk32, fld[1]) == 32, "row %ld: secret key hex", idx);
            CHECK(tsr_scalar_decode(&sk, sk32) == TSR_OK);
            CHECK(tsr_point_base_mul(ctx, &q, &sk) == TSR_OK);
            CHECK(tsr_point_encode_xonly(ctx, out32, &odd, &q) == TSR_OK);
            CHECK_MSG(memcmp(out32, pk32, 32) == 0, "row %ld: base_mul(seckey) x-only", idx);
            /* The full point is P or -P, whichever has even y. */
            if (odd) {
                CHECK(tsr_point_neg(ctx, &q, &q) == TSR_OK);
            }
            CHECK(tsr_test_same(&p, &q));
            /* mul(G, sk) and mul_var agree */
            {
                tsr_point g, m;
                tsr_scalar one;
                tsr_scalar_set_u32(&one, 1);
                CHECK(tsr_point_base_mul(ctx, &g, &one) == TSR_OK);
                CHECK(tsr_point_mul(ctx, &m, &g, &sk) == TSR_OK);
                CHECK(tsr_point_encode_xonly(ctx, out32, NULL, &m) == TSR_OK);
                CHECK(memcmp(out32, pk32, 32) == 0);
                CHECK(tsr_point_mul_var(ctx, &m, &g, &sk) == TSR_OK);
                CHECK(tsr_point_encode_xonly(ctx, out32, NULL, &m) == TSR_OK);
                CHECK(memcmp(out32, pk32, 32) == 0);
            }
        }
    }
    fclose(f);
    CHECK_MSG(rows == 19, "bip340: %d rows, want 19", rows);
    CHECK_MSG(with_key == 8, "bip340: %d rows with a secret key, want 8", with_key);
    CHECK(not_on_curve == 1);
    CHECK(x_range == 1);
}

int main(int argc, char **argv) {
    uint8_t seed[32];
    tsr_test_init("point", argc, argv);
    tsr_test_randbytes(seed, sizeof seed);
    ctx = tsr_context_create(seed);
    CHECK(ctx != NULL);
    if (ctx == NULL) {
        return tsr_test_done();
    }
    tsr_test_known_multiples();
    tsr_test_identity_laws();
    tsr_test_group_laws();
    tsr_test_encode_round_trip();
    tsr_test_strict_decode();
    tsr_test_bip340();
    tsr_context_destroy(ctx);
    return tsr_test_done();
}
