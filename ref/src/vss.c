/* Verifiable secret sharing: Feldman and Pedersen commitments, share checks, the Pedersen generator H and the strict commitment and share encodings (spec/sharing.md). */
#include <stddef.h>
#include <stdint.h>

#include "tessera/common.h"
#include "tessera/hash.h"
#include "tessera/point.h"
#include "tessera/scalar.h"
#include "tessera/sharing.h"
#include "ct.h"
#include "internal.h"
#include "sharing_internal.h"

/* The Pedersen generator's domain tag, ASCII "TSR-PEDERSEN-H-v1" (17 bytes, no terminator), and
 * its try bound. Each try succeeds with probability about 1/2, so 256 tries all fail with
 * probability 2^-256 (and in fact ctr = 0 succeeds: spec/sharing.md §Pedersen generator). */
#define TSR_PEDERSEN_TAG_BYTES 17
#define TSR_PEDERSEN_MAX_TRIES 256u

/* Empties a commitment vector: t = 0 and every point the identity. */
/*@ requires valid_c: \valid(c);
  @ assigns *c;
  @ ensures cleared: c->t == 0;
  @*/
static void tsr_vss_commitment_clear(tsr_vss_commitment *c) {
    size_t k;
    /* Commitments are public: setting every point to the identity is enough (no wipe). */
    /*@ loop invariant bound: 0 <= k <= TSR_MAX_PARTIES;
      @ loop assigns k, c->c[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant TSR_MAX_PARTIES - k;
      @*/
    for (k = 0; k < TSR_MAX_PARTIES; k++) {
        tsr_point_set_identity(&c->c[k]);
    }
    c->t = 0;
}

int tsr_feldman_commit(const tsr_context *ctx, tsr_vss_commitment *c, const tsr_poly *p) {
    size_t k, t = p->t;
    int ret = TSR_ERR_ARG;

    tsr_vss_commitment_clear(c);
    if (t < 1 || t > TSR_MAX_PARTIES) {
        goto out;
    }
    /*@ loop invariant bound: 0 <= k <= t;
      @ loop invariant t_zero: c->t == 0;
      @ loop assigns k, c->c[0 .. t - 1];
      @ loop variant t - k;
      @*/
    for (k = 0; k < t; k++) {
        /* Constant-time k*G; only whether a[k] == 0 (the identity) is declassified inside. */
        if (tsr_point_base_mul(ctx, &c->c[k], &p->a[k]) != TSR_OK) {
            tsr_vss_commitment_clear(c);
            ret = TSR_ERR_INTERNAL;
            goto out;
        }
    }
    c->t = t;
    ret = TSR_OK;
out:
    return ret;
}

int tsr_vss_eval_var(const tsr_context *ctx, tsr_point *out, const tsr_vss_commitment *c, const tsr_scalar *x) {
    tsr_point acc, tmp;
    size_t k, t = c->t;
    int ret = TSR_ERR_ARG;

    tsr_point_set_identity(&acc);
    if (t < 1 || t > TSR_MAX_PARTIES) {
        goto out;
    }
    /* Horner over points: acc = c[t-1]; acc = x * acc + c[k-1] for k = t-1 .. 1. All public. */
    acc = c->c[t - 1];
    ret = TSR_ERR_INTERNAL;
    /*@ loop invariant bound: 0 <= k <= t - 1;
      @ loop assigns k, acc, tmp;
      @ loop variant k;
      @*/
    for (k = t - 1; k > 0; k--) {
        if (tsr_point_mul_var(ctx, &tmp, &acc, x) != TSR_OK ||
            tsr_point_add(ctx, &acc, &tmp, &c->c[k - 1]) != TSR_OK) {
            tsr_point_set_identity(&acc);
            goto out;
        }
    }
    ret = TSR_OK;
out:
    *out = acc;
    return ret;
}

/* Shared tail of the Feldman and Pedersen checks: lhs (computed from the secret share) against
 * the public image sum_k c[k] id^k. Returns TSR_OK, TSR_ERR_VERIFY or TSR_ERR_INTERNAL. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_c: \valid_read(c);
  @ requires valid_id: \valid_read(id);
  @ requires valid_lhs: \valid_read(lhs);
  @ assigns \nothing;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_VERIFY || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_vss_compare(const tsr_context *ctx, const tsr_vss_commitment *c, const tsr_scalar *id,
                           const tsr_point *lhs) {
    tsr_point rhs;
    if (tsr_vss_eval_var(ctx, &rhs, c, id) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    return tsr_point_eq(ctx, lhs, &rhs) ? TSR_OK : TSR_ERR_VERIFY;
}

/* The argument checks of both share verifiers, in their documented order: a zero id, then a
 * commitment count outside 1..TSR_MAX_PARTIES. Returns the failed check, or TSR_CHECK_NONE. */
/*@ requires valid_c: \valid_read(c);
  @ requires valid_id: \valid_read(id);
  @ assigns \nothing;
  @ ensures id_zero: !tsr_scalar_nonzero(id) ==> \result == TSR_CHECK_ID_ZERO;
  @ ensures count: tsr_scalar_nonzero(id) && (c->t < 1 || c->t > TSR_MAX_PARTIES) ==> \result == TSR_CHECK_COUNT;
  @ ensures none: tsr_scalar_nonzero(id) && 1 <= c->t <= TSR_MAX_PARTIES ==> \result == TSR_CHECK_NONE;
  @*/
static tsr_check tsr_vss_verify_args(const tsr_vss_commitment *c, const tsr_scalar *id) {
    if (!tsr_id_nonzero_var(id)) {
        return TSR_CHECK_ID_ZERO;
    }
    if (c->t < 1 || c->t > TSR_MAX_PARTIES) {
        return TSR_CHECK_COUNT;
    }
    return TSR_CHECK_NONE;
}

int tsr_feldman_verify(const tsr_context *ctx, const tsr_vss_commitment *c, const tsr_scalar *id,
                       const tsr_scalar *share, tsr_check *reason) {
    tsr_point lhs;
    tsr_check check = TSR_CHECK_NONE;
    int ret = TSR_ERR_ARG;

    tsr_point_set_identity(&lhs);
    check = tsr_vss_verify_args(c, id);
    if (check != TSR_CHECK_NONE) {
        goto out;
    }
    ret = TSR_ERR_INTERNAL;
    if (tsr_point_base_mul(ctx, &lhs, share) != TSR_OK) {
        goto out;
    }
    /* share*G is the holder's public verification share (published by every protocol that
     * uses it); when the share is wrong it is still only a discrete-log image. Public. */
    TSR_DECLASSIFY(&lhs, sizeof lhs);
    ret = tsr_vss_compare(ctx, c, id, &lhs);
    if (ret == TSR_ERR_VERIFY) {
        check = TSR_CHECK_FELDMAN;
    }
out:
    /* lhs is public (above): nothing secret to wipe. */
    tsr_set_reason(reason, check);
    return ret;
}

int tsr_pedersen_generator(const tsr_context *ctx, tsr_point *h) {
    const uint8_t tag[TSR_PEDERSEN_TAG_BYTES] = {
        'T', 'S', 'R', '-', 'P', 'E', 'D', 'E', 'R', 'S', 'E', 'N', '-', 'H', '-', 'v', '1',
    };
    uint8_t buf[TSR_PEDERSEN_TAG_BYTES + 4];
    uint8_t x[32];
    uint32_t ctr;
    size_t i;

    /*@ loop invariant bound: 0 <= i <= TSR_PEDERSEN_TAG_BYTES;
      @ loop assigns i, buf[0 .. TSR_PEDERSEN_TAG_BYTES - 1];
      @ loop variant TSR_PEDERSEN_TAG_BYTES - i;
      @*/
    for (i = 0; i < TSR_PEDERSEN_TAG_BYTES; i++) {
        buf[i] = tag[i];
    }
    /*@ loop invariant bound: 0 <= ctr <= TSR_PEDERSEN_MAX_TRIES;
      @ loop assigns ctr, buf[TSR_PEDERSEN_TAG_BYTES .. TSR_PEDERSEN_TAG_BYTES + 3], x[0 .. 31], *h;
      @ loop variant TSR_PEDERSEN_MAX_TRIES - ctr;
      @*/
    for (ctr = 0; ctr < TSR_PEDERSEN_MAX_TRIES; ctr++) {
        buf[TSR_PEDERSEN_TAG_BYTES + 0] = (uint8_t)(ctr >> 24);
        buf[TSR_PEDERSEN_TAG_BYTES + 1] = (uint8_t)(ctr >> 16);
        buf[TSR_PEDERSEN_TAG_BYTES + 2] = (uint8_t)(ctr >> 8);
        buf[TSR_PEDERSEN_TAG_BYTES + 3] = (uint8_t)ctr;
        tsr_sha256(x, buf, sizeof buf);
        /* lift_x: the point with this x and even y, if x is below p and on the curve. */
        if (tsr_point_decode_xonly(ctx, h, x, NULL) == TSR_OK) {
            return TSR_OK;
        }
    }
    tsr_point_set_identity(h);
    return TSR_ERR_INTERNAL;
}

/* r = s*G + b*H. The two products are constant time in s and b; their sum is the (public)
 * Pedersen commitment or its check value. Returns TSR_OK or TSR_ERR_INTERNAL. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_r: \valid(r);
  @ requires valid_h: \valid_read(h);
  @ requires valid_s: \valid_read(s);
  @ requires valid_b: \valid_read(b);
  @ requires sep: \separated(r, h) && \separated(r, s) && \separated(r, b);
  @ assigns *r;
  @*/
static int tsr_pedersen_combine(const tsr_context *ctx, tsr_point *r, const tsr_point *h, const tsr_scalar *s,
                                const tsr_scalar *b) {
    tsr_point sg, bh;
    int ret = TSR_ERR_INTERNAL;

    tsr_point_set_identity(r);
    if (tsr_point_base_mul(ctx, &sg, s) != TSR_OK || tsr_point_mul(ctx, &bh, h, b) != TSR_OK) {
        goto out;
    }
    /* The addition below goes through libsecp256k1's ec_pubkey_combine, whose only branches on
     * its inputs are the x != 0 argument check (true for every curve point) and whether the sum
     * is the identity (the sum is public). The summands are declassified only so that Valgrind
     * accepts those two branches; no other use is made of them. */
    TSR_DECLASSIFY(&sg, sizeof sg);
    TSR_DECLASSIFY(&bh, sizeof bh);
    ret = tsr_point_add(ctx, r, &sg, &bh);
out:
    /* sg and bh were declassified above (and the scalars live in the caller): no wipe. */
    return ret;
}

int tsr_pedersen_commit(const tsr_context *ctx, tsr_vss_commitment *c, const tsr_poly *f, const tsr_poly *r) {
    tsr_point h;
    size_t k, t = f->t;
    int ret = TSR_ERR_ARG;

    tsr_vss_commitment_clear(c);
    if (t < 1 || t > TSR_MAX_PARTIES || r->t != t) {
        goto out;
    }
    ret = TSR_ERR_INTERNAL;
    if (tsr_pedersen_generator(ctx, &h) != TSR_OK) {
        goto out;
    }
    /*@ loop invariant bound: 0 <= k <= t;
      @ loop invariant t_zero: c->t == 0;
      @ loop assigns k, c->c[0 .. t - 1];
      @ loop variant t - k;
      @*/
    for (k = 0; k < t; k++) {
        if (tsr_pedersen_combine(ctx, &c->c[k], &h, &f->a[k], &r->a[k]) != TSR_OK) {
            tsr_vss_commitment_clear(c);
            goto out;
        }
    }
    c->t = t;
    ret = TSR_OK;
out:
    return ret;
}

int tsr_pedersen_verify(const tsr_context *ctx, const tsr_vss_commitment *c, const tsr_scalar *id,
                        const tsr_scalar *share, const tsr_scalar *blind, tsr_check *reason) {
    tsr_point h, lhs;
    tsr_check check = TSR_CHECK_NONE;
    int ret = TSR_ERR_ARG;

    tsr_point_set_identity(&lhs);
    check = tsr_vss_verify_args(c, id);
    if (check != TSR_CHECK_NONE) {
        goto out;
    }
    ret = TSR_ERR_INTERNAL;
    if (tsr_pedersen_generator(ctx, &h) != TSR_OK || tsr_pedersen_combine(ctx, &lhs, &h, share, blind) != TSR_OK) {
        goto out;
    }
    /* share*G + blind*H is a perfectly hiding commitment to share (blind is uniform), equal to
     * the public image when the share is valid. Public. */
    TSR_DECLASSIFY(&lhs, sizeof lhs);
    ret = tsr_vss_compare(ctx, c, id, &lhs);
    if (ret == TSR_ERR_VERIFY) {
        check = TSR_CHECK_PEDERSEN;
    }
out:
    /* lhs is public (above): nothing secret to wipe. */
    tsr_set_reason(reason, check);
    return ret;
}

int tsr_vss_commitment_encode(const tsr_context *ctx, uint8_t *out, size_t outcap, size_t *outlen,
                              const tsr_vss_commitment *c) {
    size_t k, t = c->t, need;
    int ret = TSR_ERR_ARG;

    *outlen = 0;
    if (t < 1 || t > TSR_MAX_PARTIES) {
        goto fail;
    }
    need = 2 + TSR_POINT_BYTES * t;
    if (outcap < need) {
        goto fail;
    }
    out[0] = (uint8_t)(t >> 8);
    out[1] = (uint8_t)t;
    /*@ loop invariant bound: 0 <= k <= t;
      @ loop assigns k, out[2 .. need - 1];
      @ loop variant t - k;
      @*/
    for (k = 0; k < t; k++) {
        if (tsr_point_encode(ctx, out + 2 + TSR_POINT_BYTES * k, &c->c[k]) != TSR_OK) {
            ret = TSR_ERR_INTERNAL;
            goto fail;
        }
    }
    *outlen = need;
    return TSR_OK;
fail:
    /* Public bytes: a plain loop clears them. */
    /*@ loop invariant bound: 0 <= k <= outcap;
      @ loop assigns k, out[0 .. outcap - 1];
      @ loop variant outcap - k;
      @*/
    for (k = 0; k < outcap; k++) {
        out[k] = 0;
    }
    return ret;
}

int tsr_vss_commitment_decode(const tsr_context *ctx, tsr_vss_commitment *c, const uint8_t *in, size_t inlen,
                              size_t expected_t, tsr_check *reason) {
    size_t k, count;
    tsr_check check = TSR_CHECK_NONE;
    int ret = TSR_ERR_ENCODING;

    /* Public input: the checks branch freely and stop at the first failure, in this order. */
    tsr_vss_commitment_clear(c);
    if (expected_t < 1 || expected_t > TSR_MAX_PARTIES) {
        check = TSR_CHECK_THRESHOLD;
        ret = TSR_ERR_ARG;
        goto fail;
    }
    if (inlen < 2) {
        check = TSR_CHECK_TRUNCATED;
        goto fail;
    }
    count = ((size_t)in[0] << 8) | (size_t)in[1];
    if (count < 1 || count > TSR_MAX_PARTIES) {
        check = TSR_CHECK_COUNT;
        goto fail;
    }
    if (count != expected_t) {
        check = TSR_CHECK_COMMITMENT_COUNT;
        goto fail;
    }
    if (inlen < 2 + TSR_POINT_BYTES * count) {
        check = TSR_CHECK_TRUNCATED;
        goto fail;
    }
    if (inlen > 2 + TSR_POINT_BYTES * count) {
        check = TSR_CHECK_TRAILING;
        goto fail;
    }
    /*@ loop invariant bound: 0 <= k <= count;
      @ loop invariant t_zero: c->t == 0;
      @ loop assigns k, ret, check, c->c[0 .. count - 1];
      @ loop variant count - k;
      @*/
    for (k = 0; k < count; k++) {
        /* Identity refused (flags 0): the decoder's own code and check id are passed on. */
        ret = tsr_point_decode(ctx, &c->c[k], in + 2 + TSR_POINT_BYTES * k, TSR_POINT_BYTES, 0, &check);
        if (ret != TSR_OK) {
            goto fail;
        }
    }
    c->t = count;
    tsr_set_reason(reason, TSR_CHECK_NONE);
    return TSR_OK;
fail:
    tsr_vss_commitment_clear(c);
    tsr_set_reason(reason, check);
    return ret;
}

void tsr_share_encode(uint8_t out64[64], const tsr_scalar *id, const tsr_scalar *value) {
    tsr_scalar_encode(out64, id);
    tsr_scalar_encode(out64 + 32, value);
}

int tsr_share_decode(tsr_scalar *id, tsr_scalar *value, const uint8_t *in, size_t inlen, tsr_check *reason) {
    tsr_check check = TSR_CHECK_NONE;
    int ret = TSR_ERR_ENCODING;

    tsr_scalar_set_u32(id, 0);
    tsr_scalar_set_u32(value, 0);
    if (inlen != TSR_SHARE_BYTES) {
        check = TSR_CHECK_LENGTH;
        goto fail;
    }
    ret = TSR_ERR_RANGE;
    /* The id is public. */
    if (tsr_scalar_decode(id, in) != TSR_OK) {
        check = TSR_CHECK_SCALAR_RANGE;
        goto fail;
    }
    if (!tsr_id_nonzero_var(id)) {
        check = TSR_CHECK_ID_ZERO;
        goto fail;
    }
    /* Constant time in the value; only its validity bit is public (tsr_scalar_decode). */
    if (tsr_scalar_decode(value, in + 32) != TSR_OK) {
        check = TSR_CHECK_SCALAR_RANGE;
        goto fail;
    }
    tsr_set_reason(reason, TSR_CHECK_NONE);
    return TSR_OK;
fail:
    tsr_scalar_clear(id);
    tsr_scalar_clear(value);
    tsr_set_reason(reason, check);
    return ret;
}
