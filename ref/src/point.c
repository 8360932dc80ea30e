/* Points: secp256k1 group elements over libsecp256k1's public API, with an explicit identity. */

#include <secp256k1.h>
#include <secp256k1_ecdh.h>

#include "tessera/common.h"
#include "tessera/point.h"
#include "tessera/scalar.h"
#include "ct.h"
#include "internal.h"

/* Uncompressed SEC1 size: 04 || x || y. The ecdh callback below writes this form. */
#define TSR_POINT_UNCOMPRESSED_BYTES 65

/* Byte i (big-endian, 0 = most significant) of the field prime
 * p = FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFE FFFFFC2F.
 * A function rather than a table, so that WP needs no separation from a global. */
/*@ requires index: i < 32;
  @ assigns \nothing;
  @ ensures byte: \result <= 0xff;
  @*/
static uint32_t tsr_point_p_byte(size_t i) {
    switch (i) {
    case 27: return 0xfe;
    case 30: return 0xfc;
    case 31: return 0x2f;
    default: return 0xff;
    }
}

/* The ecdh "hash" that returns the whole product point: output = 04 || x || y (65 bytes).
 * libsecp256k1 calls it with the affine, normalised coordinates of k*P. Constant time. */
/*@ requires valid_out: \valid(output + (0 .. 64));
  @ requires valid_x: \valid_read(x32 + (0 .. 31));
  @ requires valid_y: \valid_read(y32 + (0 .. 31));
  @ requires sep: \separated(output + (0 .. 64), x32 + (0 .. 31), y32 + (0 .. 31));
  @ assigns output[0 .. 64];
  @ ensures ok: \result == 1;
  @ ensures prefix: output[0] == 4;
  @*/
static int tsr_point_ecdh_whole(unsigned char *output, const unsigned char *x32, const unsigned char *y32,
                                void *data) {
    size_t i;
    (void)data;
    output[0] = 0x04;
    /*@ loop invariant bound: 0 <= i <= 32;
      @ loop invariant prefix: output[0] == 4;
      @ loop assigns i, output[1 .. 64];
      @ loop variant 32 - i;
      @*/
    for (i = 0; i < 32; i++) {
        output[1 + i] = x32[i];
        output[33 + i] = y32[i];
    }
    return 1;
}

/* Returns: 1 if the 32-byte big-endian x is below the field prime p, else 0. Public input. */
/*@ requires valid_x: \valid_read(x32 + (0 .. 31));
  @ assigns \nothing;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
static int tsr_point_x_below_p(const uint8_t *x32) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 32;
      @ loop assigns i;
      @ loop variant 32 - i;
      @*/
    for (i = 0; i < 32; i++) {
        uint32_t pb = tsr_point_p_byte(i);
        if (x32[i] != pb) {
            return x32[i] < pb;
        }
    }
    return 0; /* x == p */
}

/* Returns: 1 if the n bytes at in are all zero, else 0. Public input. */
/*@ requires valid_in: \valid_read(in + (0 .. n - 1));
  @ assigns \nothing;
  @ ensures zero: \result == 1 <==> (\forall integer j; 0 <= j < n ==> in[j] == 0);
  @ ensures bool: \result == 0 || \result == 1;
  @*/
static int tsr_point_all_zero(const uint8_t *in, size_t n) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop invariant zero: \forall integer j; 0 <= j < i ==> in[j] == 0;
      @ loop assigns i;
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        if (in[i] != 0) {
            return 0;
        }
    }
    return 1;
}

/* dst[0 .. n-1] = src[0 .. n-1], or zeros if src is NULL. A loop rather than memcpy/memset so
 * that WP sees byte-typed accesses (no cast to char *). */
/*@ requires valid_dst: \valid(dst + (0 .. n - 1));
  @ requires valid_src: src == \null || \valid_read(src + (0 .. n - 1));
  @ requires sep: src == \null || \separated(dst + (0 .. n - 1), src + (0 .. n - 1));
  @ assigns dst[0 .. n - 1];
  @ ensures zeros: src == \null ==> \forall integer j; 0 <= j < n ==> dst[j] == 0;
  @ ensures copy: src != \null ==> \forall integer j; 0 <= j < n ==> dst[j] == src[j];
  @*/
static void tsr_point_copy_bytes(uint8_t *dst, const uint8_t *src, size_t n) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop invariant zeros: src == \null ==> \forall integer j; 0 <= j < i ==> dst[j] == 0;
      @ loop invariant copy: src != \null ==> \forall integer j; 0 <= j < i ==> dst[j] == src[j];
      @ loop assigns i, dst[0 .. n - 1];
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        dst[i] = src != NULL ? src[i] : 0;
    }
}

void tsr_point_set_identity(tsr_point *r) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 64;
      @ loop assigns i, r->pk.data[0 .. 63];
      @ loop variant 64 - i;
      @*/
    for (i = 0; i < 64; i++) { /* sizeof r->pk.data */
        r->pk.data[i] = 0;
    }
    r->infinity = 1;
}

int tsr_point_is_identity(const tsr_point *a) {
    return a->infinity != 0 ? 1 : 0;
}

/* k32 = k encoded, or 1 encoded when k == 0 (libsecp256k1 has no secret key 0; the caller
 * replaces the product by the identity). Returns the zero mask of k, declassified: whether the
 * product is the identity is part of the public output. Constant time in k. */
/*@ requires valid_k32: \valid(k32 + (0 .. 31));
  @ requires valid_k: \valid_read(k);
  @ requires sep: \separated(k32 + (0 .. 31), k);
  @ assigns k32[0 .. 31];
  @*/
static uint32_t tsr_point_secret_k32(uint8_t k32[32], const tsr_scalar *k) {
    tsr_scalar kk, one;
    uint32_t zero_mask;
    tsr_scalar_set_u32(&one, 1);
    kk = *k;
    zero_mask = tsr_scalar_is_zero_mask(&kk);
    tsr_scalar_cmov(&kk, &one, zero_mask);
    tsr_scalar_encode(k32, &kk);
    tsr_scalar_clear(&kk);
    /* Whether k is zero (the product is the identity) is part of the public output. */
    TSR_DECLASSIFY(&zero_mask, sizeof zero_mask);
    return zero_mask;
}

/* r = the product pk, or the identity when zero_mask is set (the scalar was zero). */
/*@ requires valid_r: \valid(r);
  @ requires valid_pk: \valid_read(pk);
  @ requires sep: \separated(r, pk);
  @ assigns *r;
  @*/
static void tsr_point_set_product(tsr_point *r, const secp256k1_pubkey *pk, uint32_t zero_mask) {
    if (zero_mask != 0) {
        tsr_point_set_identity(r);
    } else {
        r->pk = *pk;
        r->infinity = 0;
    }
}

int tsr_point_base_mul(const tsr_context *ctx, tsr_point *r, const tsr_scalar *k) {
    uint8_t k32[32];
    secp256k1_pubkey pk;
    uint32_t zero_mask;
    int ok;
    int ret = TSR_ERR_INTERNAL;

    zero_mask = tsr_point_secret_k32(k32, k);
    ok = secp256k1_ec_pubkey_create(ctx->secp, &pk, k32);
    /* ok is 1 for every k32 in [1, n-1], which k32 always is: a 0 would be a library fault, not
     * information about k. */
    TSR_DECLASSIFY(&ok, sizeof ok);
    TSR_VERIFY_CHECK(ok == 1);
    if (!ok) {
        tsr_point_set_identity(r);
        goto out;
    }
    tsr_point_set_product(r, &pk, zero_mask);
    ret = TSR_OK;
out:
    /* pk holds k*G, the public output: only the scalar encoding is wiped. */
    tsr_ct_wipe8(k32, sizeof k32);
    return ret;
}

int tsr_point_mul(const tsr_context *ctx, tsr_point *r, const tsr_point *p, const tsr_scalar *k) {
    uint8_t k32[32];
    unsigned char xy65[TSR_POINT_UNCOMPRESSED_BYTES];
    secp256k1_pubkey pk;
    uint32_t zero_mask;
    int ok;
    int ret = TSR_OK;

    if (p->infinity != 0) {
        /* k * O = O; p is public, so this branch reveals nothing about k. */
        tsr_point_set_identity(r);
        return ret;
    }
    zero_mask = tsr_point_secret_k32(k32, k);
    ok = secp256k1_ecdh(ctx->secp, xy65, &p->pk, k32, tsr_point_ecdh_whole, NULL);
    /* ok is 1 for every k32 in [1, n-1] (our callback always returns 1): a 0 would be a library
     * fault, not information about k. */
    TSR_DECLASSIFY(&ok, sizeof ok);
    /* The product k*P is the function's public output (only k is secret); parsing it is not
     * constant time, so its bytes are declassified first. */
    TSR_DECLASSIFY(xy65, sizeof xy65);
    TSR_VERIFY_CHECK(ok == 1);
    if (!ok || !secp256k1_ec_pubkey_parse(ctx->secp, &pk, xy65, sizeof xy65)) {
        TSR_VERIFY_CHECK(0);
        tsr_point_set_identity(r);
        ret = TSR_ERR_INTERNAL;
    } else {
        tsr_point_set_product(r, &pk, zero_mask);
    }
    /* xy65 and pk hold k*P, the public output; xy65 is wiped anyway. The scalar encoding is secret. */
    tsr_ct_wipe8(k32, sizeof k32);
    tsr_ct_wipe8(xy65, sizeof xy65);
    return ret;
}

int tsr_point_mul_var(const tsr_context *ctx, tsr_point *r, const tsr_point *p, const tsr_scalar *k) {
    uint8_t k32[32];
    secp256k1_pubkey pk;
    int ret = TSR_ERR_INTERNAL;

    /* All inputs are public (variable time by contract): branching on them is allowed. */
    if (p->infinity != 0 || tsr_scalar_is_zero_mask(k) != 0) {
        tsr_point_set_identity(r);
        return TSR_OK;
    }
    tsr_scalar_encode(k32, k);
    pk = p->pk;
    if (!secp256k1_ec_pubkey_tweak_mul(ctx->secp, &pk, k32)) {
        TSR_VERIFY_CHECK(0); /* k is in [1, n-1] and P is a valid point: cannot fail */
        tsr_point_set_identity(r);
        goto out;
    }
    r->pk = pk;
    r->infinity = 0;
    ret = TSR_OK;
out:
    tsr_ct_wipe8(k32, sizeof k32);
    return ret;
}

int tsr_point_add(const tsr_context *ctx, tsr_point *r, const tsr_point *a, const tsr_point *b) {
    const secp256k1_pubkey *ins[2];
    secp256k1_pubkey sum, nega;

    if (a->infinity != 0) {
        *r = *b;
        return TSR_OK;
    }
    if (b->infinity != 0) {
        *r = *a;
        return TSR_OK;
    }
    ins[0] = &a->pk;
    ins[1] = &b->pk;
    if (secp256k1_ec_pubkey_combine(ctx->secp, &sum, ins, 2)) {
        r->pk = sum;
        r->infinity = 0;
        return TSR_OK;
    }
    /* combine fails exactly when a + b is the point at infinity, that is b == -a. Check it, so
     * that any other failure is reported rather than silently turned into the identity. */
    nega = a->pk;
    if (!secp256k1_ec_pubkey_negate(ctx->secp, &nega) || secp256k1_ec_pubkey_cmp(ctx->secp, &nega, &b->pk) != 0) {
        tsr_point_set_identity(r);
        return TSR_ERR_INTERNAL;
    }
    tsr_point_set_identity(r);
    return TSR_OK;
}

int tsr_point_neg(const tsr_context *ctx, tsr_point *r, const tsr_point *a) {
    secp256k1_pubkey pk;

    if (a->infinity != 0) {
        tsr_point_set_identity(r);
        return TSR_OK;
    }
    pk = a->pk;
    if (!secp256k1_ec_pubkey_negate(ctx->secp, &pk)) {
        tsr_point_set_identity(r);
        return TSR_ERR_INTERNAL;
    }
    r->pk = pk;
    r->infinity = 0;
    return TSR_OK;
}

int tsr_point_eq(const tsr_context *ctx, const tsr_point *a, const tsr_point *b) {
    if (a->infinity != 0 || b->infinity != 0) {
        return (a->infinity != 0 && b->infinity != 0) ? 1 : 0;
    }
    return secp256k1_ec_pubkey_cmp(ctx->secp, &a->pk, &b->pk) == 0 ? 1 : 0;
}

int tsr_point_encode(const tsr_context *ctx, uint8_t out33[33], const tsr_point *a) {
    uint8_t buf[TSR_POINT_BYTES];
    size_t outlen = sizeof buf;

    if (a->infinity != 0) {
        tsr_point_copy_bytes(out33, NULL, TSR_POINT_BYTES);
        return TSR_OK;
    }
    /* Serialise into a local buffer: out33 need not be separated from a. */
    if (!secp256k1_ec_pubkey_serialize(ctx->secp, buf, &outlen, &a->pk, SECP256K1_EC_COMPRESSED) ||
        outlen != TSR_POINT_BYTES) {
        tsr_point_copy_bytes(out33, NULL, TSR_POINT_BYTES);
        return TSR_ERR_INTERNAL;
    }
    tsr_point_copy_bytes(out33, buf, TSR_POINT_BYTES);
    return TSR_OK;
}

int tsr_point_decode(const tsr_context *ctx, tsr_point *r, const uint8_t *in, size_t inlen,
                     unsigned flags, tsr_check *reason) {
    secp256k1_pubkey pk;
    tsr_check check;
    int ret = TSR_ERR_ENCODING;

    /* Public input: the checks branch freely and stop at the first failure. */
    if (inlen != TSR_POINT_BYTES) {
        check = TSR_CHECK_LENGTH;
        goto fail;
    }
    if (tsr_point_all_zero(in, TSR_POINT_BYTES)) {
        if ((flags & TSR_POINT_ALLOW_IDENTITY) != 0) {
            tsr_set_reason(reason, TSR_CHECK_NONE);
            tsr_point_set_identity(r);
            return TSR_OK;
        }
        check = TSR_CHECK_POINT_IDENTITY;
        ret = TSR_ERR_RANGE;
        goto fail;
    }
    if (in[0] != 0x02 && in[0] != 0x03) {
        check = TSR_CHECK_POINT_PREFIX;
        goto fail;
    }
    if (!tsr_point_x_below_p(in + 1)) {
        check = TSR_CHECK_POINT_X_RANGE;
        goto fail;
    }
    if (!secp256k1_ec_pubkey_parse(ctx->secp, &pk, in, TSR_POINT_BYTES)) {
        check = TSR_CHECK_POINT_NOT_ON_CURVE;
        goto fail;
    }
    tsr_set_reason(reason, TSR_CHECK_NONE);
    r->pk = pk;
    r->infinity = 0;
    return TSR_OK;
fail:
    tsr_set_reason(reason, check);
    tsr_point_set_identity(r);
    return ret;
}

int tsr_point_decode_xonly(const tsr_context *ctx, tsr_point *r, const uint8_t in32[32], tsr_check *reason) {
    uint8_t buf[TSR_POINT_BYTES];
    secp256k1_pubkey pk;
    tsr_check check;

    if (!tsr_point_x_below_p(in32)) {
        check = TSR_CHECK_POINT_X_RANGE;
        goto fail;
    }
    /* BIP340 lift_x: the point with this x and even y, which is what prefix 02 means. */
    buf[0] = 0x02;
    tsr_point_copy_bytes(buf + 1, in32, 32);
    if (!secp256k1_ec_pubkey_parse(ctx->secp, &pk, buf, sizeof buf)) {
        check = TSR_CHECK_POINT_NOT_ON_CURVE;
        goto fail;
    }
    tsr_set_reason(reason, TSR_CHECK_NONE);
    r->pk = pk;
    r->infinity = 0;
    return TSR_OK;
fail:
    tsr_set_reason(reason, check);
    tsr_point_set_identity(r);
    return TSR_ERR_ENCODING;
}

int tsr_point_encode_xonly(const tsr_context *ctx, uint8_t out32[32], int *y_odd, const tsr_point *a) {
    uint8_t buf[TSR_POINT_BYTES];
    size_t outlen = sizeof buf;
    int ret = TSR_ERR_INTERNAL;

    if (a->infinity != 0) {
        ret = TSR_ERR_RANGE;
        goto fail;
    }
    if (!secp256k1_ec_pubkey_serialize(ctx->secp, buf, &outlen, &a->pk, SECP256K1_EC_COMPRESSED) ||
        outlen != TSR_POINT_BYTES) {
        goto fail;
    }
    tsr_point_copy_bytes(out32, buf + 1, 32);
    if (y_odd != NULL) {
        *y_odd = buf[0] == 0x03 ? 1 : 0;
    }
    return TSR_OK;
fail:
    tsr_point_copy_bytes(out32, NULL, 32);
    if (y_odd != NULL) {
        *y_odd = 0;
    }
    return ret;
}
