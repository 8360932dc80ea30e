/* FROST signing for BIP340 after the BIP 445 draft (siv2r/bip-frost-signing @ 29467acc): nonces,
 * tweaks, sessions, signing, partial signature verification and aggregation. Spec:
 * spec/frost-bip445.md. */
#include <stddef.h>
#include <stdint.h>

#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

#include "tessera/common.h"
#include "tessera/frost_bip.h"
#include "tessera/hash.h"
#include "tessera/point.h"
#include "tessera/scalar.h"
#include "ct.h"
#include "internal.h"

/* Tagged-hash tags of the draft at the pinned commit (earlier drafts used "FROST/..."; the arrays
 * hold the trailing NUL, which is not hashed). */
static const uint8_t tsr_fb_tag_aux[] = "BIP0445/aux";
static const uint8_t tsr_fb_tag_nonce[] = "BIP0445/nonce";
static const uint8_t tsr_fb_tag_noncecoef[] = "BIP0445/noncecoef";
static const uint8_t tsr_fb_tag_det[] = "BIP0445/deterministic/nonce";
static const uint8_t tsr_fb_tag_challenge[] = "BIP0340/challenge";

#define TSR_FB_TAGLEN(tag) (sizeof(tag) - 1)

/* The largest draft id whose Tessera culprit (id + 1) stays below TSR_CULPRIT_COORDINATOR. */
#define TSR_FB_ID_MAX 0xfffffffdu

/* Fills a blame record (blame may be NULL). */
/*@ requires valid_blame: blame == \null || \valid(blame);
  @ assigns *blame;
  @*/
static void tsr_fb_blame(tsr_blame *blame, uint32_t culprit, tsr_phase phase, uint16_t round, tsr_check check) {
    if (blame != NULL) {
        blame->culprit = culprit;
        blame->phase = (uint16_t)phase;
        blame->round = round;
        blame->check = (uint16_t)check;
    }
}

/* The Tessera culprit of draft id: id + 1 (1-based party ids), TSR_CULPRIT_NONE if out of range. */
/*@ assigns \nothing;
  @ ensures not_coordinator: \result != TSR_CULPRIT_COORDINATOR;
  @*/
static uint32_t tsr_fb_culprit(uint32_t id) {
    return id <= TSR_FB_ID_MAX ? id + 1u : TSR_CULPRIT_NONE;
}

/* dst[0 .. n-1] = src[0 .. n-1]. */
/*@ requires valid_dst: \valid(dst + (0 .. n - 1));
  @ requires valid_src: \valid_read(src + (0 .. n - 1));
  @ requires sep: \separated(dst + (0 .. n - 1), src + (0 .. n - 1));
  @ assigns dst[0 .. n - 1];
  @ ensures copy: \forall integer j; 0 <= j < n ==> dst[j] == src[j];
  @*/
static void tsr_fb_copy(uint8_t *dst, const uint8_t *src, size_t n) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop invariant copy: \forall integer j; 0 <= j < i ==> dst[j] == src[j];
      @ loop assigns i, dst[0 .. n - 1];
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        dst[i] = src[i];
    }
}

/* Returns: 1 if a[0 .. n-1] == b[0 .. n-1], else 0. Public inputs: may stop early. */
/*@ requires valid_a: \valid_read(a + (0 .. n - 1));
  @ requires valid_b: \valid_read(b + (0 .. n - 1));
  @ assigns \nothing;
  @ ensures bool: \result == 0 || \result == 1;
  @ ensures eq: \result == 1 <==> (\forall integer j; 0 <= j < n ==> a[j] == b[j]);
  @*/
static int tsr_fb_eq_var(const uint8_t *a, const uint8_t *b, size_t n) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop invariant eq: \forall integer j; 0 <= j < i ==> a[j] == b[j];
      @ loop assigns i;
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        if (a[i] != b[i]) {
            return 0;
        }
    }
    return 1;
}

/* Returns: 0xffffffff if a[0 .. n-1] are all zero, else 0. Constant time in the bytes. */
/*@ requires valid_a: \valid_read(a + (0 .. n - 1));
  @ assigns \nothing;
  @ ensures mask: \result == 0 || \result == 0xffffffffU;
  @*/
static uint32_t tsr_fb_zero_mask(const uint8_t *a, size_t n) {
    uint32_t acc = 0;
    size_t i;
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop assigns i, acc;
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        acc |= (uint32_t)a[i];
    }
    return tsr_ct_zero_mask32(acc);
}

/* dst[i] ^= src[i] for i < 32. Constant time. */
/*@ requires valid_dst: \valid(dst + (0 .. 31));
  @ requires valid_src: \valid_read(src + (0 .. 31));
  @ requires sep: \separated(dst + (0 .. 31), src + (0 .. 31));
  @ assigns dst[0 .. 31];
  @*/
static void tsr_fb_xor32(uint8_t *dst, const uint8_t *src) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 32;
      @ loop assigns i, dst[0 .. 31];
      @ loop variant 32 - i;
      @*/
    for (i = 0; i < 32; i++) {
        dst[i] = (uint8_t)(dst[i] ^ src[i]);
    }
}

/* Absorbs the big-endian encoding of v in len bytes (1, 4 or 8). */
/*@ requires valid_h: \valid(h);
  @ requires len: len == 1 || len == 4 || len == 8;
  @ assigns *h;
  @*/
static void tsr_fb_hash_int(tsr_sha256_ctx *h, uint64_t v, size_t len) {
    uint8_t buf[8];
    size_t i;
    /*@ loop invariant bound: 0 <= i <= len;
      @ loop assigns i, buf[0 .. 7];
      @ loop variant len - i;
      @*/
    for (i = 0; i < len; i++) {
        buf[i] = (uint8_t)(v >> (8u * (len - 1u - i)));
    }
    tsr_sha256_update(h, buf, len);
}

/* Returns: 1 if id is among ids[0 .. u-1], else 0. Public inputs. */
/*@ requires valid_ids: \valid_read(ids + (0 .. u - 1));
  @ assigns \nothing;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
static int tsr_fb_id_member(const uint32_t *ids, size_t u, uint32_t id) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= u;
      @ loop assigns i;
      @ loop variant u - i;
      @*/
    for (i = 0; i < u; i++) {
        if (ids[i] == id) {
            return 1;
        }
    }
    return 0;
}

/* Returns: 1 if pk33 is among list[0 .. u-1], else 0. Public inputs. */
/*@ requires valid_list: \valid_read(list + (0 .. u - 1));
  @ requires valid_pk: \valid_read(pk33 + (0 .. 32));
  @ assigns \nothing;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
static int tsr_fb_pubshare_member(const uint8_t (*list)[TSR_POINT_BYTES], size_t u, const uint8_t *pk33) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= u;
      @ loop assigns i;
      @ loop variant u - i;
      @*/
    for (i = 0; i < u; i++) {
        if (tsr_fb_eq_var(list[i], pk33, TSR_POINT_BYTES)) {
            return 1;
        }
    }
    return 0;
}

/* SerializeIds: absorbs bytes(4, id) for the ids in ascending order (a sorted copy; the ids are
 * public). u <= TSR_MAX_PARTIES. */
/*@ requires valid_h: \valid(h);
  @ requires count: u <= TSR_MAX_PARTIES;
  @ requires valid_ids: \valid_read(ids + (0 .. u - 1));
  @ requires sep: \separated(h, ids + (0 .. u - 1));
  @ assigns *h;
  @*/
static void tsr_fb_hash_ids(tsr_sha256_ctx *h, const uint32_t *ids, size_t u) {
    uint32_t sorted[TSR_MAX_PARTIES];
    size_t i, j;
    /*@ loop invariant bound: 0 <= i <= u;
      @ loop assigns i, j, sorted[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant u - i;
      @*/
    for (i = 0; i < u; i++) {
        /* Insertion: shift the larger sorted entries up by one, then place ids[i]. */
        uint32_t v = ids[i];
        j = i;
        /*@ loop invariant bound: 0 <= j <= i;
          @ loop assigns j, sorted[0 .. TSR_MAX_PARTIES - 1];
          @ loop variant j;
          @*/
        while (j > 0 && sorted[j - 1] > v) {
            sorted[j] = sorted[j - 1];
            j--;
        }
        sorted[j] = v;
    }
    /*@ loop invariant bound: 0 <= i <= u;
      @ loop assigns i, *h;
      @ loop variant u - i;
      @*/
    for (i = 0; i < u; i++) {
        tsr_fb_hash_int(h, sorted[i], 4);
    }
}

/* DeriveInterpolatingValue: lambda = prod_{j: ids[j] != my_id} (ids[j] + 1) / (ids[j] - my_id)
 * (the Lagrange coefficient at 0 of x = my_id + 1 over x_j = ids[j] + 1). The caller has checked
 * that the ids are distinct and contain my_id, so the denominator is invertible. Public inputs. */
/*@ requires valid_lambda: \valid(lambda);
  @ requires valid_ids: \valid_read(ids + (0 .. u - 1));
  @ requires sep: \separated(lambda, ids + (0 .. u - 1));
  @ assigns *lambda;
  @*/
static void tsr_fb_lambda(tsr_scalar *lambda, const uint32_t *ids, size_t u, uint32_t my_id) {
    tsr_scalar num, den, a, b;
    size_t j;
    tsr_scalar_set_u32(&num, 1);
    tsr_scalar_set_u32(&den, 1);
    tsr_scalar_set_u32(&b, my_id);
    /*@ loop invariant bound: 0 <= j <= u;
      @ loop assigns j, num, den, a;
      @ loop variant u - j;
      @*/
    for (j = 0; j < u; j++) {
        if (ids[j] == my_id) {
            continue;
        }
        /* ids[j] + 1 as a scalar: ids[j] <= 0xfffffffd (validated), so the sum fits. */
        tsr_scalar_set_u32(&a, ids[j] + 1u);
        tsr_scalar_mul(&num, &num, &a);
        tsr_scalar_set_u32(&a, ids[j]);
        tsr_scalar_sub(&a, &a, &b);
        tsr_scalar_mul(&den, &den, &a);
    }
    tsr_scalar_inv(&den, &den);
    tsr_scalar_mul(lambda, &num, &den);
}

/* gp = gacc if y(Q) is even, -gacc if odd (the draft's g * gacc). Public inputs. */
/*@ requires valid_gp: \valid(gp);
  @ requires valid_gacc: \valid_read(gacc);
  @ requires sep: \separated(gp, gacc);
  @ assigns *gp;
  @*/
static void tsr_fb_gprime(tsr_scalar *gp, int q_odd, const tsr_scalar *gacc) {
    if (q_odd != 0) {
        tsr_scalar_neg(gp, gacc);
    } else {
        *gp = *gacc;
    }
}

/* k = int(hash32) mod n. Returns the zero mask of k, declassified (k = 0 happens with negligible
 * probability and only makes the caller fail). Constant time in hash32. */
/*@ requires valid_k: \valid(k);
  @ requires valid_hash: \valid_read(hash32 + (0 .. 31));
  @ requires sep: \separated(k, hash32 + (0 .. 31));
  @ assigns *k;
  @*/
static uint32_t tsr_fb_scalar_from_hash(tsr_scalar *k, const uint8_t *hash32) {
    uint32_t zero_mask;
    if (tsr_scalar_reduce_be(k, hash32, 32) != TSR_OK) {
        tsr_scalar_set_u32(k, 0);
    }
    zero_mask = tsr_scalar_is_zero_mask(k);
    /* Whether a nonce is zero decides only a (negligible) failure, reported publicly. */
    TSR_DECLASSIFY(&zero_mask, sizeof zero_mask);
    return zero_mask;
}

/* pubnonce66 = cbytes(k1 G) || cbytes(k2 G), declassified (a public nonce is public); k1, k2
 * non-zero. Returns TSR_OK or TSR_ERR_INTERNAL (pubnonce66 then zero). Secret: k1, k2. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_out: \valid(pubnonce66 + (0 .. 65));
  @ requires valid_k1: \valid_read(k1);
  @ requires valid_k2: \valid_read(k2);
  @ assigns pubnonce66[0 .. 65];
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_fb_pubnonce(const tsr_context *ctx, uint8_t *pubnonce66, const tsr_scalar *k1,
                           const tsr_scalar *k2) {
    tsr_point r;
    if (tsr_point_base_mul(ctx, &r, k1) != TSR_OK) {
        goto fail;
    }
    /* R1 = k1 G is half of the public nonce, sent to the coordinator. */
    TSR_DECLASSIFY(&r, sizeof r);
    if (tsr_point_is_identity(&r) || tsr_point_encode(ctx, pubnonce66, &r) != TSR_OK) {
        goto fail;
    }
    if (tsr_point_base_mul(ctx, &r, k2) != TSR_OK) {
        goto fail;
    }
    /* R2 = k2 G, likewise public. */
    TSR_DECLASSIFY(&r, sizeof r);
    if (tsr_point_is_identity(&r) || tsr_point_encode(ctx, pubnonce66 + 33, &r) != TSR_OK) {
        goto fail;
    }
    TSR_DECLASSIFY(pubnonce66, 66);
    return TSR_OK;
fail:
    tsr_ct_wipe8(pubnonce66, 66);
    return TSR_ERR_INTERNAL;
}

/* ValidateSignersCtx with DeriveThreshPubkey (see the header for the order of the checks).
 * Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_sg: \valid_read(sg);
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep_blame: blame == \null || \separated(blame, sg);
  @ assigns *blame;
  @ ensures ok: \result == TSR_OK ==> 1 <= sg->u <= TSR_MAX_PARTIES && sg->n < 0xffffffffU &&
  @   (\forall integer k; 0 <= k < sg->u ==> sg->ids[k] < sg->n);
  @*/
static int tsr_fb_validate(const tsr_context *ctx, const tsr_frost_bip_signers *sg, tsr_phase phase,
                           tsr_blame *blame) {
    tsr_point q, p, term;
    tsr_scalar lambda;
    uint8_t enc[TSR_POINT_BYTES];
    tsr_check check = TSR_CHECK_NONE;
    size_t i, j;
    int ret = TSR_ERR_ARG;

    if (sg->t < 1 || sg->t > sg->n) {
        check = TSR_CHECK_THRESHOLD;
        goto out;
    }
    if (sg->n == 0xffffffffu) {
        check = TSR_CHECK_COUNT;
        goto out;
    }
    if (sg->u < sg->t || sg->u > sg->n) {
        check = TSR_CHECK_SIGNER_COUNT;
        goto out;
    }
    if (sg->u > TSR_MAX_PARTIES) {
        check = TSR_CHECK_COUNT;
        goto out;
    }
    /*@ loop invariant bound: 0 <= i <= sg->u;
      @ loop invariant ids: \forall integer k; 0 <= k < i ==> sg->ids[k] < sg->n;
      @ loop assigns i, p, check, ret;
      @ loop variant sg->u - i;
      @*/
    for (i = 0; i < sg->u; i++) {
        if (sg->ids[i] > sg->n - 1u) {
            check = TSR_CHECK_SENDER;
            ret = TSR_ERR_ARG;
            goto out;
        }
        ret = tsr_point_decode(ctx, &p, sg->pubshares[i], TSR_POINT_BYTES, 0, &check);
        if (ret != TSR_OK) {
            goto out;
        }
    }
    ret = TSR_ERR_ARG;
    /*@ loop invariant bound: 0 <= i <= sg->u;
      @ loop assigns i, j, check;
      @ loop variant sg->u - i;
      @*/
    for (i = 0; i < sg->u; i++) {
        /*@ loop invariant bound: i + 1 <= j <= sg->u;
          @ loop assigns j, check;
          @ loop variant sg->u - j;
          @*/
        for (j = i + 1; j < sg->u; j++) {
            if (sg->ids[i] == sg->ids[j]) {
                check = TSR_CHECK_ID_DUPLICATE;
                goto out;
            }
        }
    }
    /* DeriveThreshPubkey: Q = sum lambda_i P_i, compared with thresh_pk byte for byte. */
    ret = TSR_ERR_INTERNAL;
    check = TSR_CHECK_NONE;
    tsr_point_set_identity(&q);
    /*@ loop invariant bound: 0 <= i <= sg->u;
      @ loop assigns i, p, q, term, lambda, check;
      @ loop variant sg->u - i;
      @*/
    for (i = 0; i < sg->u; i++) {
        if (tsr_point_decode(ctx, &p, sg->pubshares[i], TSR_POINT_BYTES, 0, &check) != TSR_OK) {
            goto out;
        }
        tsr_fb_lambda(&lambda, sg->ids, sg->u, sg->ids[i]);
        if (tsr_point_mul_var(ctx, &term, &p, &lambda) != TSR_OK || tsr_point_add(ctx, &q, &q, &term) != TSR_OK) {
            goto out;
        }
    }
    check = TSR_CHECK_NONE;
    if (tsr_point_encode(ctx, enc, &q) != TSR_OK) {
        goto out;
    }
    ret = TSR_ERR_VERIFY;
    if (tsr_point_is_identity(&q) || !tsr_fb_eq_var(enc, sg->thresh_pk, TSR_POINT_BYTES)) {
        check = TSR_CHECK_FELDMAN;
        goto out;
    }
    ret = TSR_OK;
out:
    tsr_fb_blame(blame, TSR_CULPRIT_NONE, ret == TSR_OK ? TSR_PHASE_NONE : phase, 0, check);
    return ret;
}

int tsr_frost_bip_signers_validate(const tsr_context *ctx, const tsr_frost_bip_signers *signers,
                                   tsr_blame *blame) {
    return tsr_fb_validate(ctx, signers, TSR_PHASE_SIGN, blame);
}

/* ---- nonces ------------------------------------------------------------------------------ */

void tsr_frost_bip_secnonce_import(tsr_frost_bip_secnonce *secnonce, const uint8_t in64[64]) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 64;
      @ loop assigns i, secnonce->k[0 .. 63];
      @ loop variant 64 - i;
      @*/
    for (i = 0; i < TSR_FROST_BIP_SECNONCE_BYTES; i++) {
        secnonce->k[i] = in64[i];
    }
    secnonce->magic = TSR_FROST_BIP_SECNONCE_MAGIC;
}

void tsr_frost_bip_secnonce_clear(tsr_frost_bip_secnonce *secnonce) {
    tsr_ct_wipe8(secnonce->k, TSR_FROST_BIP_SECNONCE_BYTES);
    secnonce->magic = 0;
}

int tsr_frost_bip_nonce_gen(const tsr_context *ctx, tsr_frost_bip_secnonce *secnonce, uint8_t pubnonce66[66],
                            const uint8_t rand32[32], const uint8_t *secshare32, const uint8_t *pubshare33,
                            const uint8_t *thresh_pk32, const uint8_t *msg, size_t msglen,
                            const uint8_t *extra_in, size_t extra_inlen) {
    tsr_sha256_ctx h;
    uint8_t rnd[32];
    uint8_t aux[32];
    uint8_t hash[32];
    tsr_scalar k[2];
    uint32_t zero_mask;
    size_t i;
    int ret = TSR_ERR_ARG;

    tsr_frost_bip_secnonce_clear(secnonce);
    tsr_ct_wipe8(pubnonce66, TSR_FROST_BIP_PUBNONCE_BYTES);
    tsr_scalar_set_u32(&k[0], 0);
    tsr_scalar_set_u32(&k[1], 0);
    tsr_ct_wipe8(aux, sizeof aux);
    tsr_ct_wipe8(hash, sizeof hash);
    tsr_fb_copy(rnd, rand32, 32);

    zero_mask = tsr_fb_zero_mask(rand32, 32);
    /* Only "the caller gave no randomness at all" becomes public, and it aborts the call. */
    TSR_DECLASSIFY(&zero_mask, sizeof zero_mask);
    if (zero_mask != 0 || (uint64_t)extra_inlen > 0xffffffffu) {
        goto out;
    }
    /* rand = secshare XOR hash_BIP0445/aux(rand') when the secret share is given. */
    if (secshare32 != NULL) {
        tsr_tagged_hash(aux, tsr_fb_tag_aux, TSR_FB_TAGLEN(tsr_fb_tag_aux), rand32, 32);
        tsr_fb_copy(rnd, secshare32, 32);
        tsr_fb_xor32(rnd, aux);
    }
    ret = TSR_ERR_INTERNAL;
    /*@ loop invariant bound: 0 <= i <= 2;
      @ loop assigns i, h, hash[0 .. 31], k[0 .. 1];
      @ loop variant 2 - i;
      @*/
    for (i = 0; i < 2; i++) {
        tsr_tagged_hash_init(&h, tsr_fb_tag_nonce, TSR_FB_TAGLEN(tsr_fb_tag_nonce));
        tsr_sha256_update(&h, rnd, 32);
        if (pubshare33 != NULL) {
            tsr_fb_hash_int(&h, TSR_POINT_BYTES, 1);
            tsr_sha256_update(&h, pubshare33, TSR_POINT_BYTES);
        } else {
            tsr_fb_hash_int(&h, 0, 1);
        }
        if (thresh_pk32 != NULL) {
            tsr_fb_hash_int(&h, 32, 1);
            tsr_sha256_update(&h, thresh_pk32, 32);
        } else {
            tsr_fb_hash_int(&h, 0, 1);
        }
        if (msg != NULL) {
            tsr_fb_hash_int(&h, 1, 1);
            tsr_fb_hash_int(&h, (uint64_t)msglen, 8);
            tsr_sha256_update(&h, msg, msglen);
        } else {
            tsr_fb_hash_int(&h, 0, 1);
        }
        if (extra_in != NULL) {
            tsr_fb_hash_int(&h, (uint64_t)extra_inlen, 4);
            tsr_sha256_update(&h, extra_in, extra_inlen);
        } else {
            tsr_fb_hash_int(&h, 0, 4);
        }
        tsr_fb_hash_int(&h, (uint64_t)i, 1);
        tsr_sha256_final(&h, hash);
        if (tsr_fb_scalar_from_hash(&k[i], hash) != 0) {
            goto out;
        }
    }
    if (tsr_fb_pubnonce(ctx, pubnonce66, &k[0], &k[1]) != TSR_OK) {
        goto out;
    }
    tsr_scalar_encode(secnonce->k, &k[0]);
    tsr_scalar_encode(secnonce->k + 32, &k[1]);
    secnonce->magic = TSR_FROST_BIP_SECNONCE_MAGIC;
    ret = TSR_OK;
out:
    if (ret != TSR_OK) {
        tsr_frost_bip_secnonce_clear(secnonce);
        tsr_ct_wipe8(pubnonce66, TSR_FROST_BIP_PUBNONCE_BYTES);
    }
    tsr_ct_wipe8(rnd, sizeof rnd);
    tsr_ct_wipe8(aux, sizeof aux);
    tsr_ct_wipe8(hash, sizeof hash);
    tsr_scalar_clear(&k[0]);
    tsr_scalar_clear(&k[1]);
    return ret;
}

int tsr_frost_bip_nonce_agg(const tsr_context *ctx, uint8_t aggnonce66[66], const uint8_t (*pubnonces)[66],
                            const uint32_t *ids, size_t u, tsr_blame *blame) {
    tsr_point sum, r;
    tsr_check check = TSR_CHECK_NONE;
    uint32_t culprit = TSR_CULPRIT_NONE;
    size_t i, j;
    int ret = TSR_ERR_ARG;

    tsr_ct_wipe8(aggnonce66, TSR_FROST_BIP_AGGNONCE_BYTES);
    if (u < 1 || u > TSR_MAX_PARTIES) {
        check = TSR_CHECK_COUNT;
        goto out;
    }
    if (ids != NULL) {
        /*@ loop invariant bound: 0 <= i <= u;
          @ loop assigns i;
          @ loop variant u - i;
          @*/
        for (i = 0; i < u; i++) {
            if (ids[i] > TSR_FB_ID_MAX) {
                check = TSR_CHECK_SENDER;
                goto out;
            }
        }
    }
    /* All first halves, then all second halves, as the draft's loop order (first failure wins). */
    /*@ loop invariant bound: 0 <= j <= 2;
      @ loop assigns j, i, sum, r, check, culprit, ret, aggnonce66[0 .. 65];
      @ loop variant 2 - j;
      @*/
    for (j = 0; j < 2; j++) {
        tsr_point_set_identity(&sum);
        /*@ loop invariant bound: 0 <= i <= u;
          @ loop assigns i, sum, r, check, culprit, ret;
          @ loop variant u - i;
          @*/
        for (i = 0; i < u; i++) {
            ret = tsr_point_decode(ctx, &r, &pubnonces[i][33u * j], TSR_POINT_BYTES, 0, &check);
            if (ret != TSR_OK) {
                culprit = tsr_fb_culprit(ids != NULL ? ids[i] : (uint32_t)i);
                goto out;
            }
            if (tsr_point_add(ctx, &sum, &sum, &r) != TSR_OK) {
                ret = TSR_ERR_INTERNAL;
                goto out;
            }
        }
        /* cbytes_ext: the identity encodes as 33 zero bytes. */
        if (tsr_point_encode(ctx, aggnonce66 + 33u * j, &sum) != TSR_OK) {
            ret = TSR_ERR_INTERNAL;
            goto out;
        }
    }
    ret = TSR_OK;
out:
    if (ret != TSR_OK) {
        tsr_ct_wipe8(aggnonce66, TSR_FROST_BIP_AGGNONCE_BYTES);
    }
    tsr_fb_blame(blame, culprit, ret == TSR_OK ? TSR_PHASE_NONE : TSR_PHASE_SIGN, ret == TSR_OK ? 0 : 1, check);
    return ret;
}

/* ---- tweaking ---------------------------------------------------------------------------- */

int tsr_frost_bip_tweak_ctx_init(const tsr_context *ctx, tsr_frost_bip_tweak_ctx *tc,
                                 const uint8_t thresh_pk33[33], tsr_blame *blame) {
    tsr_check check = TSR_CHECK_NONE;
    int ret;

    tc->magic = 0;
    tsr_scalar_set_u32(&tc->gacc, 1);
    tsr_scalar_set_u32(&tc->tacc, 0);
    tsr_fb_copy(tc->thresh_pk, thresh_pk33, TSR_POINT_BYTES);
    ret = tsr_point_decode(ctx, &tc->q, thresh_pk33, TSR_POINT_BYTES, 0, &check);
    if (ret == TSR_OK) {
        tc->magic = TSR_FROST_BIP_TWEAK_MAGIC;
    }
    tsr_fb_blame(blame, TSR_CULPRIT_NONE, ret == TSR_OK ? TSR_PHASE_NONE : TSR_PHASE_SIGN, 0, check);
    return ret;
}

int tsr_frost_bip_apply_tweak(const tsr_context *ctx, tsr_frost_bip_tweak_ctx *tc, const uint8_t *tweak,
                              size_t tweaklen, int is_xonly, tsr_blame *blame) {
    tsr_point q, tg;
    tsr_scalar t, gacc, tacc;
    uint8_t x[32];
    int odd = 0;
    tsr_check check = TSR_CHECK_NONE;
    int ret = TSR_ERR_ARG;

    if (tc->magic != TSR_FROST_BIP_TWEAK_MAGIC) {
        goto out;
    }
    if (tweaklen != 32) {
        ret = TSR_ERR_ENCODING;
        check = TSR_CHECK_LENGTH;
        goto out;
    }
    if (tsr_scalar_decode(&t, tweak) != TSR_OK) {
        ret = TSR_ERR_RANGE;
        check = TSR_CHECK_TWEAK;
        goto out;
    }
    ret = TSR_ERR_INTERNAL;
    if (tsr_point_encode_xonly(ctx, x, &odd, &tc->q) != TSR_OK) {
        goto out;
    }
    q = tc->q;
    gacc = tc->gacc;
    tacc = tc->tacc;
    /* g = -1 for an x-only tweak of a key with odd y: Q' = g Q + t G, gacc' = g gacc,
     * tacc' = t + g tacc. */
    if (is_xonly != 0 && odd != 0) {
        if (tsr_point_neg(ctx, &q, &q) != TSR_OK) {
            goto out;
        }
        tsr_scalar_neg(&gacc, &gacc);
        tsr_scalar_neg(&tacc, &tacc);
    }
    if (tsr_point_base_mul(ctx, &tg, &t) != TSR_OK || tsr_point_add(ctx, &q, &q, &tg) != TSR_OK) {
        goto out;
    }
    if (tsr_point_is_identity(&q)) {
        ret = TSR_ERR_RANGE;
        check = TSR_CHECK_POINT_IDENTITY;
        goto out;
    }
    tsr_scalar_add(&tacc, &t, &tacc);
    tc->q = q;
    tc->gacc = gacc;
    tc->tacc = tacc;
    ret = TSR_OK;
out:
    tsr_fb_blame(blame, TSR_CULPRIT_NONE, ret == TSR_OK ? TSR_PHASE_NONE : TSR_PHASE_SIGN, 0, check);
    return ret;
}

int tsr_frost_bip_apply_tweaks(const tsr_context *ctx, tsr_frost_bip_tweak_ctx *tc, const uint8_t (*tweaks)[32],
                               size_t ntweaks, const uint8_t *is_xonly, size_t nmodes, tsr_blame *blame) {
    size_t i;
    int ret;

    if (ntweaks != nmodes) {
        tsr_fb_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_SIGN, 0, TSR_CHECK_COUNT);
        return TSR_ERR_ARG;
    }
    ret = TSR_OK;
    tsr_fb_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_NONE, 0, TSR_CHECK_NONE);
    /*@ loop invariant bound: 0 <= i <= ntweaks;
      @ loop assigns i, ret, *tc, *blame;
      @ loop variant ntweaks - i;
      @*/
    for (i = 0; i < ntweaks; i++) {
        ret = tsr_frost_bip_apply_tweak(ctx, tc, tweaks[i], 32, is_xonly[i] != 0, blame);
        if (ret != TSR_OK) {
            break;
        }
    }
    return ret;
}

int tsr_frost_bip_get_xonly_pk(const tsr_context *ctx, uint8_t out32[32], const tsr_frost_bip_tweak_ctx *tc) {
    if (tc->magic != TSR_FROST_BIP_TWEAK_MAGIC) {
        tsr_ct_wipe8(out32, 32);
        return TSR_ERR_ARG;
    }
    return tsr_point_encode_xonly(ctx, out32, NULL, &tc->q) == TSR_OK ? TSR_OK : TSR_ERR_INTERNAL;
}

int tsr_frost_bip_get_plain_pk(const tsr_context *ctx, uint8_t out33[33], const tsr_frost_bip_tweak_ctx *tc) {
    if (tc->magic != TSR_FROST_BIP_TWEAK_MAGIC) {
        tsr_ct_wipe8(out33, TSR_POINT_BYTES);
        return TSR_ERR_ARG;
    }
    return tsr_point_encode(ctx, out33, &tc->q);
}

/* ---- session ----------------------------------------------------------------------------- */

/* The tweak context for sg: a fresh one from thresh_pk (tweaks == NULL) or a copy of *tweaks,
 * which must be initialised from the same thresh_pk. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_tc: \valid(tc);
  @ requires valid_sg: \valid_read(sg);
  @ requires valid_tweaks: tweaks == \null || \valid_read(tweaks);
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep: \separated(tc, sg);
  @ requires sep_blame: blame == \null || \separated(blame, tc);
  @ assigns *tc, *blame;
  @*/
static int tsr_fb_tweak_resolve(const tsr_context *ctx, tsr_frost_bip_tweak_ctx *tc,
                                const tsr_frost_bip_signers *sg, const tsr_frost_bip_tweak_ctx *tweaks,
                                tsr_blame *blame) {
    if (tweaks == NULL) {
        return tsr_frost_bip_tweak_ctx_init(ctx, tc, sg->thresh_pk, blame);
    }
    if (tweaks->magic != TSR_FROST_BIP_TWEAK_MAGIC) {
        tsr_fb_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_SIGN, 0, TSR_CHECK_NONE);
        return TSR_ERR_ARG;
    }
    if (!tsr_fb_eq_var(tweaks->thresh_pk, sg->thresh_pk, TSR_POINT_BYTES)) {
        tsr_fb_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_SIGN, 0, TSR_CHECK_TWEAK);
        return TSR_ERR_ARG;
    }
    *tc = *tweaks;
    return TSR_OK;
}

/* GetSessionValues after ValidateSignersCtx has passed for sg (1 <= u <= TSR_MAX_PARTIES). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_s: \valid(s);
  @ requires valid_sg: \valid_read(sg);
  @ requires count: 1 <= sg->u <= TSR_MAX_PARTIES;
  @ requires valid_tweaks: tweaks == \null || \valid_read(tweaks);
  @ requires valid_agg: \valid_read(aggnonce66 + (0 .. 65));
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep: \separated(s, sg);
  @ requires sep_blame: blame == \null || \separated(blame, s);
  @ assigns *s, *blame;
  @ ensures ok: \result == TSR_OK ==> tsr_fb_session_ok(s);
  @*/
static int tsr_fb_session_build(const tsr_context *ctx, tsr_frost_bip_session *s,
                                const tsr_frost_bip_signers *sg, const tsr_frost_bip_tweak_ctx *tweaks,
                                const uint8_t *aggnonce66, const uint8_t *msg, size_t msglen, tsr_blame *blame) {
    tsr_frost_bip_tweak_ctx tc;
    tsr_sha256_ctx h;
    uint8_t hash[32];
    tsr_point r1, r2, t;
    tsr_scalar one;
    tsr_check check = TSR_CHECK_NONE;
    uint32_t culprit = TSR_CULPRIT_NONE;
    size_t i, j;
    int ret;

    s->magic = 0;
    ret = tsr_fb_tweak_resolve(ctx, &tc, sg, tweaks, blame);
    if (ret != TSR_OK) {
        return ret;
    }
    ret = TSR_ERR_INTERNAL;
    s->q = tc.q;
    s->gacc = tc.gacc;
    s->tacc = tc.tacc;
    if (tsr_point_encode_xonly(ctx, s->q_x, &s->q_odd, &s->q) != TSR_OK) {
        goto out;
    }
    /* b = int(hash_BIP0445/noncecoef(SerializeIds(ids) || aggnonce || xbytes(Q) || m)) mod n. */
    tsr_tagged_hash_init(&h, tsr_fb_tag_noncecoef, TSR_FB_TAGLEN(tsr_fb_tag_noncecoef));
    tsr_fb_hash_ids(&h, sg->ids, sg->u);
    tsr_sha256_update(&h, aggnonce66, TSR_FROST_BIP_AGGNONCE_BYTES);
    tsr_sha256_update(&h, s->q_x, 32);
    tsr_sha256_update(&h, msg, msglen);
    tsr_sha256_final(&h, hash);
    if (tsr_fb_scalar_from_hash(&s->b, hash) != 0) {
        goto out;
    }
    /* R1, R2 = cpoint_ext of the halves: a bad aggnonce is the coordinator's fault. */
    ret = tsr_point_decode(ctx, &r1, aggnonce66, TSR_POINT_BYTES, TSR_POINT_ALLOW_IDENTITY, &check);
    if (ret == TSR_OK) {
        ret = tsr_point_decode(ctx, &r2, aggnonce66 + 33, TSR_POINT_BYTES, TSR_POINT_ALLOW_IDENTITY, &check);
    }
    if (ret != TSR_OK) {
        culprit = TSR_CULPRIT_COORDINATOR;
        goto out;
    }
    ret = TSR_ERR_INTERNAL;
    if (tsr_point_mul_var(ctx, &t, &r2, &s->b) != TSR_OK || tsr_point_add(ctx, &s->r, &r1, &t) != TSR_OK) {
        goto out;
    }
    if (tsr_point_is_identity(&s->r)) {
        /* Dealing with Infinity in Nonce Aggregation: R = G keeps the culprit identifiable. */
        tsr_scalar_set_u32(&one, 1);
        if (tsr_point_base_mul(ctx, &s->r, &one) != TSR_OK) {
            goto out;
        }
    }
    if (tsr_point_encode_xonly(ctx, s->r_x, &s->r_odd, &s->r) != TSR_OK) {
        goto out;
    }
    /* e = int(hash_BIP0340/challenge(xbytes(R) || xbytes(Q) || m)) mod n. */
    tsr_tagged_hash_init(&h, tsr_fb_tag_challenge, TSR_FB_TAGLEN(tsr_fb_tag_challenge));
    tsr_sha256_update(&h, s->r_x, 32);
    tsr_sha256_update(&h, s->q_x, 32);
    tsr_sha256_update(&h, msg, msglen);
    tsr_sha256_final(&h, hash);
    if (tsr_fb_scalar_from_hash(&s->e, hash) != 0) {
        goto out;
    }
    s->u = sg->u;
    /*@ loop invariant bound: 0 <= i <= sg->u;
      @ loop assigns i, j, s->ids[0 .. TSR_MAX_PARTIES - 1],
      @   s->pubshares[0 .. TSR_MAX_PARTIES - 1][0 .. TSR_POINT_BYTES - 1];
      @ loop variant sg->u - i;
      @*/
    for (i = 0; i < sg->u; i++) {
        s->ids[i] = sg->ids[i];
        /*@ loop invariant bound: 0 <= j <= TSR_POINT_BYTES;
          @ loop assigns j, s->pubshares[i][0 .. TSR_POINT_BYTES - 1];
          @ loop variant TSR_POINT_BYTES - j;
          @*/
        for (j = 0; j < TSR_POINT_BYTES; j++) {
            s->pubshares[i][j] = sg->pubshares[i][j];
        }
    }
    s->magic = TSR_FROST_BIP_SESSION_MAGIC;
    ret = TSR_OK;
out:
    if (ret != TSR_OK) {
        s->magic = 0;
    }
    tsr_fb_blame(blame, culprit, ret == TSR_OK ? TSR_PHASE_NONE : TSR_PHASE_SIGN,
                 culprit == TSR_CULPRIT_COORDINATOR ? 1 : 0, check);
    return ret;
}

int tsr_frost_bip_session_init(const tsr_context *ctx, tsr_frost_bip_session *s,
                               const tsr_frost_bip_signers *signers, const tsr_frost_bip_tweak_ctx *tweaks,
                               const uint8_t aggnonce66[66], const uint8_t *msg, size_t msglen,
                               tsr_blame *blame) {
    int ret;
    s->magic = 0;
    ret = tsr_fb_validate(ctx, signers, TSR_PHASE_SIGN, blame);
    if (ret != TSR_OK) {
        return ret;
    }
    return tsr_fb_session_build(ctx, s, signers, tweaks, aggnonce66, msg, msglen, blame);
}

/* ---- signing ----------------------------------------------------------------------------- */

/* Returns: 1 if s looks like an initialised session (magic, 1 <= u <= TSR_MAX_PARTIES). */
/*@ requires valid_s: \valid_read(s);
  @ assigns \nothing;
  @ ensures bool: \result == 0 || \result == 1;
  @ ensures ok: \result == 1 <==> tsr_fb_session_ok(s);
  @*/
static int tsr_fb_session_ready(const tsr_frost_bip_session *s) {
    return s->magic == TSR_FROST_BIP_SESSION_MAGIC && s->u >= 1 && s->u <= TSR_MAX_PARTIES;
}

int tsr_frost_bip_partial_sig_verify_internal(const tsr_context *ctx, const uint8_t psig32[32], uint32_t id,
                                              const uint8_t pubnonce66[66], const uint8_t pubshare33[33],
                                              const tsr_frost_bip_session *s, tsr_blame *blame) {
    tsr_scalar sc, lambda, c, gp;
    tsr_point r1, r2, re, p, lhs, t;
    tsr_check check = TSR_CHECK_NONE;
    uint32_t culprit = TSR_CULPRIT_NONE;
    int ret = TSR_ERR_ARG;

    if (!tsr_fb_session_ready(s)) {
        goto out;
    }
    culprit = tsr_fb_culprit(id);
    if (tsr_scalar_decode(&sc, psig32) != TSR_OK) {
        ret = TSR_ERR_VERIFY;
        check = TSR_CHECK_SCALAR_RANGE;
        goto out;
    }
    if (!tsr_fb_pubshare_member(s->pubshares, s->u, pubshare33)) {
        culprit = TSR_CULPRIT_NONE;
        check = TSR_CHECK_OWN_COMMITMENT;
        goto out;
    }
    if (!tsr_fb_id_member(s->ids, s->u, id)) {
        culprit = TSR_CULPRIT_NONE;
        check = TSR_CHECK_ID_UNKNOWN;
        goto out;
    }
    ret = TSR_ERR_VERIFY;
    if (tsr_point_decode(ctx, &r1, pubnonce66, TSR_POINT_BYTES, 0, &check) != TSR_OK ||
        tsr_point_decode(ctx, &r2, pubnonce66 + 33, TSR_POINT_BYTES, 0, &check) != TSR_OK) {
        goto out;
    }
    ret = TSR_ERR_INTERNAL;
    check = TSR_CHECK_NONE;
    /* Re = R*_1 + b R*_2, negated when the final nonce R has odd y. */
    if (tsr_point_mul_var(ctx, &t, &r2, &s->b) != TSR_OK || tsr_point_add(ctx, &re, &r1, &t) != TSR_OK) {
        goto out;
    }
    if (s->r_odd != 0 && tsr_point_neg(ctx, &re, &re) != TSR_OK) {
        goto out;
    }
    if (tsr_point_decode(ctx, &p, pubshare33, TSR_POINT_BYTES, 0, &check) != TSR_OK) {
        culprit = TSR_CULPRIT_NONE;
        ret = TSR_ERR_ARG;
        goto out;
    }
    /* s G == Re + (e lambda g gacc) P */
    tsr_fb_lambda(&lambda, s->ids, s->u, id);
    tsr_fb_gprime(&gp, s->q_odd, &s->gacc);
    tsr_scalar_mul(&c, &s->e, &lambda);
    tsr_scalar_mul(&c, &c, &gp);
    if (tsr_point_base_mul(ctx, &lhs, &sc) != TSR_OK || tsr_point_mul_var(ctx, &t, &p, &c) != TSR_OK ||
        tsr_point_add(ctx, &t, &re, &t) != TSR_OK) {
        goto out;
    }
    if (!tsr_point_eq(ctx, &lhs, &t)) {
        ret = TSR_ERR_VERIFY;
        check = TSR_CHECK_SIGNATURE_SHARE;
        goto out;
    }
    ret = TSR_OK;
out:
    if (ret == TSR_OK || ret == TSR_ERR_INTERNAL) {
        culprit = TSR_CULPRIT_NONE;
    }
    tsr_fb_blame(blame, culprit, ret == TSR_OK ? TSR_PHASE_NONE : TSR_PHASE_AGGREGATE, ret == TSR_OK ? 0 : 2,
                 check);
    return ret;
}

/* Sign after the secnonce has been consumed: k64 is its copy (64 bytes). Checks S2-S7 of the
 * header, computes and self-checks the partial signature. *check gets the failed check.
 * Out: psig32 (written only on success). Secret: k64, secshare32. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_psig: \valid(psig32 + (0 .. 31));
  @ requires valid_k64: \valid_read(k64 + (0 .. 63));
  @ requires valid_secshare: \valid_read(secshare32 + (0 .. 31));
  @ requires valid_s: \valid_read(s);
  @ requires valid_check: \valid(check);
  @ requires sep: \separated(psig32 + (0 .. 31), check);
  @ assigns psig32[0 .. 31], *check;
  @*/
static int tsr_fb_sign_core(const tsr_context *ctx, uint8_t *psig32, const uint8_t *k64,
                            const uint8_t *secshare32, uint32_t my_id, const tsr_frost_bip_session *s,
                            tsr_check *check) {
    uint8_t pubnonce[TSR_FROST_BIP_PUBNONCE_BYTES];
    uint8_t my_pubshare[TSR_POINT_BYTES];
    uint8_t out[32];
    tsr_scalar k1, k2, d, lambda, gp, acc, t;
    tsr_point p;
    uint32_t z1, z2, zd;
    int rc1, rc2, rcd;
    int ret = TSR_ERR_ARG;

    *check = TSR_CHECK_NONE;
    tsr_ct_wipe8(out, sizeof out);
    tsr_scalar_set_u32(&k1, 0);
    tsr_scalar_set_u32(&k2, 0);
    tsr_scalar_set_u32(&d, 0);
    tsr_scalar_set_u32(&acc, 0);
    tsr_scalar_set_u32(&t, 0);
    if (!tsr_fb_session_ready(s)) {
        goto out;
    }
    /* k1' and k2': only their validity becomes public (tsr_scalar_decode declassifies it). */
    rc1 = tsr_scalar_decode(&k1, k64);
    rc2 = tsr_scalar_decode(&k2, k64 + 32);
    z1 = tsr_scalar_is_zero_mask(&k1);
    z2 = tsr_scalar_is_zero_mask(&k2);
    /* Whether a secnonce half is zero is whether Sign refuses it: public. */
    TSR_DECLASSIFY(&z1, sizeof z1);
    TSR_DECLASSIFY(&z2, sizeof z2);
    if (rc1 == TSR_OK && rc2 == TSR_OK && z1 != 0 && z2 != 0) {
        /* 64 zero bytes: the draft's mark of a consumed secnonce. */
        ret = TSR_ERR_STATE;
        *check = TSR_CHECK_SCALAR_ZERO;
        goto out;
    }
    ret = TSR_ERR_RANGE;
    if (rc1 != TSR_OK || rc2 != TSR_OK) {
        *check = TSR_CHECK_SCALAR_RANGE;
        if (rc1 == TSR_OK && z1 != 0) {
            *check = TSR_CHECK_SCALAR_ZERO; /* the first half fails first */
        }
        goto out;
    }
    if (z1 != 0 || z2 != 0) {
        *check = TSR_CHECK_SCALAR_ZERO;
        goto out;
    }
    /* d' = secshare, non-zero and < n. */
    ret = TSR_ERR_ARG;
    rcd = tsr_scalar_decode(&d, secshare32);
    zd = tsr_scalar_is_zero_mask(&d);
    /* Whether the secret share is valid decides only the refusal. */
    TSR_DECLASSIFY(&zd, sizeof zd);
    if (rcd != TSR_OK) {
        *check = TSR_CHECK_SCALAR_RANGE;
        goto out;
    }
    if (zd != 0) {
        *check = TSR_CHECK_SCALAR_ZERO;
        goto out;
    }
    ret = TSR_ERR_INTERNAL;
    if (tsr_point_base_mul(ctx, &p, &d) != TSR_OK) {
        goto out;
    }
    /* d' G is the signer's public share. */
    TSR_DECLASSIFY(&p, sizeof p);
    if (tsr_point_encode(ctx, my_pubshare, &p) != TSR_OK) {
        goto out;
    }
    TSR_DECLASSIFY(my_pubshare, sizeof my_pubshare);
    ret = TSR_ERR_ARG;
    if (!tsr_fb_pubshare_member(s->pubshares, s->u, my_pubshare)) {
        *check = TSR_CHECK_OWN_COMMITMENT;
        goto out;
    }
    if (!tsr_fb_id_member(s->ids, s->u, my_id)) {
        *check = TSR_CHECK_ID_UNKNOWN;
        goto out;
    }
    ret = TSR_ERR_INTERNAL;
    if (tsr_fb_pubnonce(ctx, pubnonce, &k1, &k2) != TSR_OK) {
        goto out;
    }
    tsr_fb_lambda(&lambda, s->ids, s->u, my_id);
    /* k1, k2 negated when y(R) is odd (R is public); d = g gacc d'. */
    if (s->r_odd != 0) {
        tsr_scalar_neg(&k1, &k1);
        tsr_scalar_neg(&k2, &k2);
    }
    tsr_fb_gprime(&gp, s->q_odd, &s->gacc);
    tsr_scalar_mul(&d, &gp, &d);
    /* s = k1 + b k2 + e lambda d */
    tsr_scalar_mul(&acc, &s->e, &lambda);
    tsr_scalar_mul(&acc, &acc, &d);
    tsr_scalar_mul(&t, &s->b, &k2);
    tsr_scalar_add(&acc, &acc, &t);
    tsr_scalar_add(&acc, &acc, &k1);
    tsr_scalar_encode(out, &acc);
    /* The partial signature is this call's public output; it is checked before release. */
    TSR_DECLASSIFY(out, sizeof out);
    if (tsr_frost_bip_partial_sig_verify_internal(ctx, out, my_id, pubnonce, my_pubshare, s, NULL) != TSR_OK) {
        goto out;
    }
    tsr_fb_copy(psig32, out, 32);
    ret = TSR_OK;
out:
    tsr_ct_wipe8(out, sizeof out);
    tsr_scalar_clear(&k1);
    tsr_scalar_clear(&k2);
    tsr_scalar_clear(&d);
    tsr_scalar_clear(&acc);
    tsr_scalar_clear(&t);
    return ret;
}

int tsr_frost_bip_sign(const tsr_context *ctx, uint8_t psig32[32], tsr_frost_bip_secnonce *secnonce,
                       const uint8_t secshare32[32], uint32_t my_id, const tsr_frost_bip_session *s,
                       tsr_blame *blame) {
    uint8_t k64[TSR_FROST_BIP_SECNONCE_BYTES];
    tsr_check check = TSR_CHECK_NONE;
    int fresh;
    int ret = TSR_ERR_STATE;

    /* Consume the secnonce before anything else: whatever happens next, it is gone. */
    fresh = secnonce->magic == TSR_FROST_BIP_SECNONCE_MAGIC;
    tsr_fb_copy(k64, secnonce->k, TSR_FROST_BIP_SECNONCE_BYTES);
    tsr_frost_bip_secnonce_clear(secnonce);
    tsr_ct_wipe8(psig32, 32);
    if (fresh) {
        ret = tsr_fb_sign_core(ctx, psig32, k64, secshare32, my_id, s, &check);
    }
    tsr_fb_blame(blame, TSR_CULPRIT_NONE, ret == TSR_OK ? TSR_PHASE_NONE : TSR_PHASE_SIGN, ret == TSR_OK ? 0 : 2,
                 check);
    tsr_ct_wipe8(k64, sizeof k64);
    return ret;
}

int tsr_frost_bip_partial_sig_verify(const tsr_context *ctx, const uint8_t psig32[32],
                                     const uint8_t (*pubnonces)[66], const tsr_frost_bip_signers *signers,
                                     const tsr_frost_bip_tweak_ctx *tweaks, const uint8_t *msg, size_t msglen,
                                     size_t i, tsr_blame *blame) {
    tsr_frost_bip_session s;
    uint8_t aggnonce[TSR_FROST_BIP_AGGNONCE_BYTES];
    int ret;

    ret = tsr_fb_validate(ctx, signers, TSR_PHASE_AGGREGATE, blame);
    if (ret != TSR_OK) {
        return ret;
    }
    if (i >= signers->u) {
        tsr_fb_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_AGGREGATE, 0, TSR_CHECK_SENDER);
        return TSR_ERR_ARG;
    }
    ret = tsr_frost_bip_nonce_agg(ctx, aggnonce, pubnonces, signers->ids, signers->u, blame);
    if (ret != TSR_OK) {
        return ret;
    }
    ret = tsr_fb_session_build(ctx, &s, signers, tweaks, aggnonce, msg, msglen, blame);
    if (ret != TSR_OK) {
        return ret;
    }
    return tsr_frost_bip_partial_sig_verify_internal(ctx, psig32, signers->ids[i], pubnonces[i],
                                                     signers->pubshares[i], &s, blame);
}

int tsr_frost_bip_partial_sig_agg(const tsr_context *ctx, uint8_t sig64[64], const uint8_t (*psigs)[32],
                                  size_t npsigs, const tsr_frost_bip_session *s, tsr_blame *blame) {
    tsr_scalar sum, si, gp;
    tsr_check check = TSR_CHECK_NONE;
    uint32_t culprit = TSR_CULPRIT_NONE;
    size_t i;
    int ret = TSR_ERR_ARG;

    (void)ctx;
    tsr_ct_wipe8(sig64, TSR_FROST_BIP_SIG_BYTES);
    if (!tsr_fb_session_ready(s)) {
        goto out;
    }
    if (npsigs != s->u) {
        check = TSR_CHECK_COUNT;
        goto out;
    }
    tsr_scalar_set_u32(&sum, 0);
    /*@ loop invariant bound: 0 <= i <= npsigs;
      @ loop assigns i, sum, si;
      @ loop variant npsigs - i;
      @*/
    for (i = 0; i < npsigs; i++) {
        if (tsr_scalar_decode(&si, psigs[i]) != TSR_OK) {
            ret = TSR_ERR_RANGE;
            check = TSR_CHECK_SCALAR_RANGE;
            culprit = tsr_fb_culprit(s->ids[i]);
            goto out;
        }
        tsr_scalar_add(&sum, &sum, &si);
    }
    /* s = sum s_i + e g tacc */
    tsr_fb_gprime(&gp, s->q_odd, &s->tacc);
    tsr_scalar_mul(&gp, &gp, &s->e);
    tsr_scalar_add(&sum, &sum, &gp);
    tsr_fb_copy(sig64, s->r_x, 32);
    tsr_scalar_encode(sig64 + 32, &sum);
    ret = TSR_OK;
out:
    tsr_fb_blame(blame, culprit, ret == TSR_OK ? TSR_PHASE_NONE : TSR_PHASE_AGGREGATE,
                 culprit != TSR_CULPRIT_NONE ? 2 : 0, check);
    return ret;
}

int tsr_frost_bip_deterministic_sign(const tsr_context *ctx, uint8_t pubnonce66[66], uint8_t psig32[32],
                                     const uint8_t secshare32[32], uint32_t my_id, const uint8_t *aggothernonce66,
                                     const tsr_frost_bip_signers *signers, const tsr_frost_bip_tweak_ctx *tweaks,
                                     const uint8_t *msg, size_t msglen, const uint8_t *rand32, tsr_blame *blame) {
    tsr_frost_bip_tweak_ctx tc;
    tsr_frost_bip_session sess;
    tsr_frost_bip_secnonce sn;
    tsr_sha256_ctx h;
    uint8_t sh[32];
    uint8_t aux[32];
    uint8_t hash[32];
    uint8_t xq[32];
    uint8_t pn[TSR_FROST_BIP_PUBNONCE_BYTES];
    uint8_t pair[2][TSR_FROST_BIP_PUBNONCE_BYTES];
    uint8_t agg[TSR_FROST_BIP_AGGNONCE_BYTES];
    tsr_scalar k[2];
    size_t i;
    int ret;

    tsr_ct_wipe8(pubnonce66, TSR_FROST_BIP_PUBNONCE_BYTES);
    tsr_ct_wipe8(psig32, 32);
    tsr_ct_wipe8(aux, sizeof aux);
    tsr_ct_wipe8(hash, sizeof hash);
    tsr_frost_bip_secnonce_clear(&sn);
    tsr_scalar_set_u32(&k[0], 0);
    tsr_scalar_set_u32(&k[1], 0);
    /* secshare' = secshare XOR hash_BIP0445/aux(rand) when rand is given. */
    tsr_fb_copy(sh, secshare32, 32);
    if (rand32 != NULL) {
        tsr_tagged_hash(aux, tsr_fb_tag_aux, TSR_FB_TAGLEN(tsr_fb_tag_aux), rand32, 32);
        tsr_fb_xor32(sh, aux);
    }
    ret = tsr_fb_validate(ctx, signers, TSR_PHASE_SIGN, blame);
    if (ret != TSR_OK) {
        goto out;
    }
    if (aggothernonce66 == NULL && signers->u != 1) {
        ret = TSR_ERR_ARG;
        tsr_fb_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_SIGN, 0, TSR_CHECK_MISSING);
        goto out;
    }
    ret = tsr_fb_tweak_resolve(ctx, &tc, signers, tweaks, blame);
    if (ret != TSR_OK) {
        goto out;
    }
    ret = tsr_frost_bip_get_xonly_pk(ctx, xq, &tc);
    if (ret != TSR_OK) {
        goto out;
    }
    ret = TSR_ERR_INTERNAL;
    /*@ loop invariant bound: 0 <= i <= 2;
      @ loop assigns i, h, hash[0 .. 31], k[0 .. 1];
      @ loop variant 2 - i;
      @*/
    for (i = 0; i < 2; i++) {
        tsr_tagged_hash_init(&h, tsr_fb_tag_det, TSR_FB_TAGLEN(tsr_fb_tag_det));
        tsr_sha256_update(&h, sh, 32);
        tsr_fb_hash_int(&h, my_id, 4);
        tsr_fb_hash_int(&h, (uint64_t)signers->u, 4);
        tsr_fb_hash_ids(&h, signers->ids, signers->u);
        if (aggothernonce66 != NULL) {
            tsr_sha256_update(&h, aggothernonce66, TSR_FROST_BIP_AGGNONCE_BYTES);
        }
        tsr_sha256_update(&h, xq, 32);
        tsr_fb_hash_int(&h, (uint64_t)msglen, 8);
        tsr_sha256_update(&h, msg, msglen);
        tsr_fb_hash_int(&h, (uint64_t)i, 1);
        tsr_sha256_final(&h, hash);
        if (tsr_fb_scalar_from_hash(&k[i], hash) != 0) {
            tsr_fb_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_SIGN, 0, TSR_CHECK_NONE);
            goto out;
        }
    }
    if (tsr_fb_pubnonce(ctx, pn, &k[0], &k[1]) != TSR_OK) {
        tsr_fb_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_SIGN, 0, TSR_CHECK_NONE);
        goto out;
    }
    tsr_scalar_encode(sn.k, &k[0]);
    tsr_scalar_encode(sn.k + 32, &k[1]);
    sn.magic = TSR_FROST_BIP_SECNONCE_MAGIC;
    if (aggothernonce66 != NULL) {
        tsr_fb_copy(pair[0], pn, TSR_FROST_BIP_PUBNONCE_BYTES);
        tsr_fb_copy(pair[1], aggothernonce66, TSR_FROST_BIP_PUBNONCE_BYTES);
        ret = tsr_frost_bip_nonce_agg(ctx, agg, (const uint8_t (*)[66])pair, NULL, 2, blame);
        if (ret != TSR_OK) {
            /* Our own pubnonce is valid: the fault is the coordinator's aggothernonce. */
            if (blame != NULL) {
                blame->culprit = TSR_CULPRIT_COORDINATOR;
            }
            goto out;
        }
    } else {
        tsr_fb_copy(agg, pn, TSR_FROST_BIP_AGGNONCE_BYTES);
    }
    ret = tsr_fb_session_build(ctx, &sess, signers, &tc, agg, msg, msglen, blame);
    if (ret != TSR_OK) {
        goto out;
    }
    ret = tsr_frost_bip_sign(ctx, psig32, &sn, secshare32, my_id, &sess, blame);
    if (ret == TSR_OK) {
        tsr_fb_copy(pubnonce66, pn, TSR_FROST_BIP_PUBNONCE_BYTES);
    }
out:
    tsr_frost_bip_secnonce_clear(&sn);
    tsr_ct_wipe8(sh, sizeof sh);
    tsr_ct_wipe8(aux, sizeof aux);
    tsr_ct_wipe8(hash, sizeof hash);
    tsr_scalar_clear(&k[0]);
    tsr_scalar_clear(&k[1]);
    return ret;
}

int tsr_frost_bip_verify(const tsr_context *ctx, const uint8_t sig64[64], const uint8_t *msg, size_t msglen,
                         const uint8_t xonly_pk32[32]) {
    secp256k1_xonly_pubkey pk;
    if (!secp256k1_xonly_pubkey_parse(ctx->secp, &pk, xonly_pk32)) {
        return TSR_ERR_ENCODING;
    }
    return secp256k1_schnorrsig_verify(ctx->secp, sig64, msg, msglen, &pk) == 1 ? TSR_OK : TSR_ERR_VERIFY;
}
