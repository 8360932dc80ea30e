/* FROST signing for BIP340 after the BIP 445 draft (siv2r/bip-frost-signing @ 29467acc), signer
 * side: everything that holds a secret (secnonces, NonceGen, Sign, DeterministicSign). The public
 * side is frost_bip.c. Spec: spec/frost-bip445.md. */
#include <stddef.h>
#include <stdint.h>

#include "tessera/common.h"
#include "tessera/frost_bip.h"
#include "tessera/hash.h"
#include "tessera/point.h"
#include "tessera/scalar.h"
#include "ct.h"
#include "frost_bip_internal.h"

/* Signer-side tags of the draft at the pinned commit (earlier drafts used "FROST/..."). */
static const uint8_t tsr_fb_tag_aux[] = "BIP0445/aux";
static const uint8_t tsr_fb_tag_nonce[] = "BIP0445/nonce";
static const uint8_t tsr_fb_tag_det[] = "BIP0445/deterministic/nonce";

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

/* One NonceGen hash: k = int(hash_BIP0445/nonce(rand || u8(len pubshare) || pubshare ||
 * u8(len thresh_pk) || thresh_pk || m_prefixed || u32(len extra_in) || extra_in || u8(i))) mod n
 * (absent inputs as in the header). Returns the zero mask of k, declassified.
 * Secret: rand32, k (constant time in both). */
/*@ requires valid_k: \valid(k);
  @ requires valid_rand: \valid_read(rand32 + (0 .. 31));
  @ requires valid_pubshare: pubshare33 == \null || \valid_read(pubshare33 + (0 .. 32));
  @ requires valid_thresh_pk: thresh_pk32 == \null || \valid_read(thresh_pk32 + (0 .. 31));
  @ requires valid_msg: msg == \null || \valid_read(msg + (0 .. msglen - 1));
  @ requires valid_extra: extra_in == \null || \valid_read(extra_in + (0 .. extra_inlen - 1));
  @ assigns *k;
  @*/
static uint32_t tsr_fb_nonce_hash(tsr_scalar *k, const uint8_t *rand32, const uint8_t *pubshare33,
                                  const uint8_t *thresh_pk32, const uint8_t *msg, size_t msglen,
                                  const uint8_t *extra_in, size_t extra_inlen, uint8_t i) {
    tsr_sha256_ctx h;
    uint8_t hash[32];
    uint32_t zero_mask;
    tsr_tagged_hash_init(&h, tsr_fb_tag_nonce, TSR_FB_TAGLEN(tsr_fb_tag_nonce));
    tsr_sha256_update(&h, rand32, 32);
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
    tsr_fb_hash_int(&h, i, 1);
    tsr_sha256_final(&h, hash);
    zero_mask = tsr_fb_scalar_from_hash(k, hash);
    tsr_ct_wipe8(hash, sizeof hash);
    return zero_mask;
}

int tsr_frost_bip_nonce_gen(const tsr_context *ctx, tsr_frost_bip_secnonce *secnonce, uint8_t pubnonce66[66],
                            const uint8_t rand32[32], const uint8_t *secshare32, const uint8_t *pubshare33,
                            const uint8_t *thresh_pk32, const uint8_t *msg, size_t msglen,
                            const uint8_t *extra_in, size_t extra_inlen) {
    uint8_t rnd[32];
    uint8_t aux[32];
    tsr_scalar k1, k2;
    uint32_t zero_mask;
    int ret = TSR_ERR_ARG;

    tsr_frost_bip_secnonce_clear(secnonce);
    tsr_ct_wipe8(pubnonce66, TSR_FROST_BIP_PUBNONCE_BYTES);
    tsr_scalar_set_u32(&k1, 0);
    tsr_scalar_set_u32(&k2, 0);
    tsr_ct_wipe8(aux, sizeof aux);
    tsr_fb_copy(rnd, rand32, 32);
    zero_mask = tsr_fb_zero_mask(rand32, 32);
    /* Only "the caller gave no randomness at all" becomes public, and it aborts the call. */
    TSR_DECLASSIFY(&zero_mask, sizeof zero_mask);
    if (zero_mask == 0 && (uint64_t)extra_inlen <= 0xffffffffu) {
        /* rand = secshare XOR hash_BIP0445/aux(rand') when the secret share is given. */
        if (secshare32 != NULL) {
            tsr_tagged_hash(aux, tsr_fb_tag_aux, TSR_FB_TAGLEN(tsr_fb_tag_aux), rand32, 32);
            tsr_fb_copy(rnd, secshare32, 32);
            tsr_fb_xor32(rnd, aux);
        }
        zero_mask = tsr_fb_nonce_hash(&k1, rnd, pubshare33, thresh_pk32, msg, msglen, extra_in, extra_inlen, 0);
        zero_mask |= tsr_fb_nonce_hash(&k2, rnd, pubshare33, thresh_pk32, msg, msglen, extra_in, extra_inlen, 1);
        ret = TSR_ERR_INTERNAL;
        if (zero_mask == 0 && tsr_fb_pubnonce(ctx, pubnonce66, &k1, &k2) == TSR_OK) {
            tsr_scalar_encode(secnonce->k, &k1);
            tsr_scalar_encode(secnonce->k + 32, &k2);
            secnonce->magic = TSR_FROST_BIP_SECNONCE_MAGIC;
            ret = TSR_OK;
        }
    }
    if (ret != TSR_OK) {
        tsr_frost_bip_secnonce_clear(secnonce);
        tsr_ct_wipe8(pubnonce66, TSR_FROST_BIP_PUBNONCE_BYTES);
    }
    tsr_ct_wipe8(rnd, sizeof rnd);
    tsr_ct_wipe8(aux, sizeof aux);
    tsr_scalar_clear(&k1);
    tsr_scalar_clear(&k2);
    return ret;
}

/* ---- signing ----------------------------------------------------------------------------- */

/* Sign's secret working values, owned by tsr_frost_bip_sign, which wipes them at its one exit. */
typedef struct {
    tsr_scalar k1, k2, d, acc, t;
    uint8_t out[32];
} tsr_fb_sign_scratch;

/* Sign after the secnonce has been consumed: k64 is its copy (64 bytes). Checks S2-S7 of the
 * header, computes and self-checks the partial signature; every secret value lives in *x.
 * *check gets the failed check. Out: psig32 (written only on success). Secret: k64, secshare32. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_psig: \valid(psig32 + (0 .. 31));
  @ requires valid_k64: \valid_read(k64 + (0 .. 63));
  @ requires valid_secshare: \valid_read(secshare32 + (0 .. 31));
  @ requires valid_s: \valid_read(s);
  @ requires valid_x: \valid(x);
  @ requires valid_check: \valid(check);
  @ requires sep_psig: \separated(psig32 + (0 .. 31), x) && \separated(psig32 + (0 .. 31), check);
  @ requires sep_x: \separated(x, check) && \separated(x, s) && \separated(x, k64 + (0 .. 63)) &&
  @   \separated(x, secshare32 + (0 .. 31));
  @ requires sep_check: \separated(check, s) && \separated(check, k64 + (0 .. 63)) &&
  @   \separated(check, secshare32 + (0 .. 31));
  @ assigns psig32[0 .. 31], *x, *check;
  @*/
static int tsr_fb_sign_core(const tsr_context *ctx, uint8_t *psig32, const uint8_t *k64,
                            const uint8_t *secshare32, uint32_t my_id, const tsr_frost_bip_session *s,
                            tsr_fb_sign_scratch *x, tsr_check *check) {
    uint8_t pubnonce[TSR_FROST_BIP_PUBNONCE_BYTES];
    uint8_t my_pubshare[TSR_POINT_BYTES];
    tsr_scalar lambda, gp;
    tsr_point p;
    uint32_t z1, z2, zd;
    int rc1, rc2, rcd;

    *check = TSR_CHECK_NONE;
    if (!tsr_fb_session_ready(s)) {
        return TSR_ERR_ARG;
    }
    /* k1' and k2': only their validity becomes public (tsr_scalar_decode declassifies it). */
    rc1 = tsr_scalar_decode(&x->k1, k64);
    rc2 = tsr_scalar_decode(&x->k2, k64 + 32);
    z1 = tsr_scalar_is_zero_mask(&x->k1);
    z2 = tsr_scalar_is_zero_mask(&x->k2);
    /* Whether a secnonce half is zero is whether Sign refuses it: public. */
    TSR_DECLASSIFY(&z1, sizeof z1);
    TSR_DECLASSIFY(&z2, sizeof z2);
    if (rc1 == TSR_OK && rc2 == TSR_OK && z1 != 0 && z2 != 0) {
        /* 64 zero bytes: the draft's mark of a consumed secnonce. */
        *check = TSR_CHECK_SCALAR_ZERO;
        return TSR_ERR_STATE;
    }
    if (rc1 != TSR_OK || rc2 != TSR_OK) {
        /* the first half fails first */
        *check = rc1 == TSR_OK && z1 != 0 ? TSR_CHECK_SCALAR_ZERO : TSR_CHECK_SCALAR_RANGE;
        return TSR_ERR_RANGE;
    }
    if (z1 != 0 || z2 != 0) {
        *check = TSR_CHECK_SCALAR_ZERO;
        return TSR_ERR_RANGE;
    }
    /* d' = secshare, non-zero and < n. */
    rcd = tsr_scalar_decode(&x->d, secshare32);
    zd = tsr_scalar_is_zero_mask(&x->d);
    /* Whether the secret share is valid decides only the refusal. */
    TSR_DECLASSIFY(&zd, sizeof zd);
    if (rcd != TSR_OK) {
        *check = TSR_CHECK_SCALAR_RANGE;
        return TSR_ERR_ARG;
    }
    if (zd != 0) {
        *check = TSR_CHECK_SCALAR_ZERO;
        return TSR_ERR_ARG;
    }
    if (tsr_point_base_mul(ctx, &p, &x->d) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    /* d' G is the signer's public share. */
    TSR_DECLASSIFY(&p, sizeof p);
    if (tsr_point_encode(ctx, my_pubshare, &p) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    TSR_DECLASSIFY(my_pubshare, sizeof my_pubshare);
    if (!tsr_fb_pubshare_member(s->pubshares, s->u, my_pubshare)) {
        *check = TSR_CHECK_OWN_COMMITMENT;
        return TSR_ERR_ARG;
    }
    if (!tsr_fb_id_member(s->ids, s->u, my_id)) {
        *check = TSR_CHECK_ID_UNKNOWN;
        return TSR_ERR_ARG;
    }
    if (tsr_fb_pubnonce(ctx, pubnonce, &x->k1, &x->k2) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    tsr_fb_lambda(&lambda, s->ids, s->u, my_id);
    /* k1, k2 negated when y(R) is odd (R is public); d = g gacc d'. */
    if (s->r_odd != 0) {
        tsr_scalar_neg(&x->k1, &x->k1);
        tsr_scalar_neg(&x->k2, &x->k2);
    }
    tsr_fb_gprime(&gp, s->q_odd, &s->gacc);
    tsr_scalar_mul(&x->d, &gp, &x->d);
    /* s = k1 + b k2 + e lambda d */
    tsr_scalar_mul(&x->acc, &s->e, &lambda);
    tsr_scalar_mul(&x->acc, &x->acc, &x->d);
    tsr_scalar_mul(&x->t, &s->b, &x->k2);
    tsr_scalar_add(&x->acc, &x->acc, &x->t);
    tsr_scalar_add(&x->acc, &x->acc, &x->k1);
    tsr_scalar_encode(x->out, &x->acc);
    /* The partial signature is this call's public output; it is checked before release. */
    TSR_DECLASSIFY(x->out, sizeof x->out);
    if (tsr_frost_bip_partial_sig_verify_internal(ctx, x->out, my_id, pubnonce, my_pubshare, s, NULL) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    tsr_fb_copy(psig32, x->out, 32);
    return TSR_OK;
}

/* Wipes a sign scratch. */
/*@ requires valid_x: \valid(x);
  @ assigns *x;
  @*/
static void tsr_fb_sign_scratch_clear(tsr_fb_sign_scratch *x) {
    tsr_scalar_clear(&x->k1);
    tsr_scalar_clear(&x->k2);
    tsr_scalar_clear(&x->d);
    tsr_scalar_clear(&x->acc);
    tsr_scalar_clear(&x->t);
    tsr_ct_wipe8(x->out, sizeof x->out);
}

int tsr_frost_bip_sign(const tsr_context *ctx, uint8_t psig32[32], tsr_frost_bip_secnonce *secnonce,
                       const uint8_t secshare32[32], uint32_t my_id, const tsr_frost_bip_session *s,
                       tsr_blame *blame) {
    uint8_t k64[TSR_FROST_BIP_SECNONCE_BYTES];
    tsr_fb_sign_scratch x;
    tsr_check check = TSR_CHECK_NONE;
    int fresh;
    int ret = TSR_ERR_STATE;

    /* Consume the secnonce before anything else: whatever happens next, it is gone. */
    fresh = secnonce->magic == TSR_FROST_BIP_SECNONCE_MAGIC;
    tsr_fb_copy(k64, secnonce->k, TSR_FROST_BIP_SECNONCE_BYTES);
    tsr_frost_bip_secnonce_clear(secnonce);
    tsr_ct_wipe8(psig32, 32);
    tsr_fb_sign_scratch_clear(&x);
    if (fresh) {
        ret = tsr_fb_sign_core(ctx, psig32, k64, secshare32, my_id, s, &x, &check);
    }
    tsr_fb_blame(blame, TSR_CULPRIT_NONE, ret == TSR_OK ? TSR_PHASE_NONE : TSR_PHASE_SIGN, ret == TSR_OK ? 0 : 2,
                 check);
    tsr_fb_sign_scratch_clear(&x);
    tsr_ct_wipe8(k64, sizeof k64);
    return ret;
}


/* ---- deterministic signing --------------------------------------------------------------- */

/* The deterministic nonces: k_i = int(hash_BIP0445/deterministic/nonce(sh || u32(my_id) || u32(u)
 * || SerializeIds(ids) || aggothernonce (or nothing) || xq || u64(len m) || m || u8(i))) mod n;
 * sn := (k1, k2), fresh; pn := their public nonce. Returns TSR_OK or TSR_ERR_INTERNAL (k_i = 0,
 * negligible; *sn is then cleared). Secret: sh (secshare'), *sn. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_sn: \valid(sn);
  @ requires valid_pn: \valid(pn + (0 .. 65));
  @ requires valid_sh: \valid_read(sh + (0 .. 31));
  @ requires valid_sg: \valid_read(sg);
  @ requires count: sg->u <= TSR_MAX_PARTIES;
  @ requires valid_other: other == \null || \valid_read(other + (0 .. 65));
  @ requires valid_xq: \valid_read(xq + (0 .. 31));
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires sep: \separated(sn, pn + (0 .. 65));
  @ assigns *sn, pn[0 .. 65];
  @*/
static int tsr_fb_det_nonces(const tsr_context *ctx, tsr_frost_bip_secnonce *sn, uint8_t *pn, const uint8_t *sh,
                             uint32_t my_id, const tsr_frost_bip_signers *sg, const uint8_t *other,
                             const uint8_t *xq, const uint8_t *msg, size_t msglen) {
    tsr_sha256_ctx h;
    uint8_t hash[32];
    tsr_scalar k1, k2;
    uint32_t zero_mask;
    int ret = TSR_ERR_INTERNAL;

    tsr_tagged_hash_init(&h, tsr_fb_tag_det, TSR_FB_TAGLEN(tsr_fb_tag_det));
    tsr_sha256_update(&h, sh, 32);
    tsr_fb_hash_int(&h, my_id, 4);
    tsr_fb_hash_int(&h, (uint64_t)sg->u, 4);
    tsr_fb_hash_ids(&h, sg->ids, sg->u);
    if (other != NULL) {
        tsr_sha256_update(&h, other, TSR_FROST_BIP_AGGNONCE_BYTES);
    }
    tsr_sha256_update(&h, xq, 32);
    tsr_fb_hash_int(&h, (uint64_t)msglen, 8);
    tsr_sha256_update(&h, msg, msglen);
    /* The common prefix, then u8(0) and u8(1). */
    {
        tsr_sha256_ctx h2 = h;
        tsr_fb_hash_int(&h, 0, 1);
        tsr_sha256_final(&h, hash);
        zero_mask = tsr_fb_scalar_from_hash(&k1, hash);
        tsr_fb_hash_int(&h2, 1, 1);
        tsr_sha256_final(&h2, hash);
        zero_mask |= tsr_fb_scalar_from_hash(&k2, hash);
    }
    tsr_frost_bip_secnonce_clear(sn);
    if (zero_mask == 0 && tsr_fb_pubnonce(ctx, pn, &k1, &k2) == TSR_OK) {
        tsr_scalar_encode(sn->k, &k1);
        tsr_scalar_encode(sn->k + 32, &k2);
        sn->magic = TSR_FROST_BIP_SECNONCE_MAGIC;
        ret = TSR_OK;
    }
    tsr_ct_wipe8(hash, sizeof hash);
    tsr_scalar_clear(&k1);
    tsr_scalar_clear(&k2);
    return ret;
}

/* DeterministicSign after secshare' = sh is derived: the steps after the nonces are public or
 * in *sn (owned and wiped by the caller). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_pubnonce: \valid(pubnonce66 + (0 .. 65));
  @ requires valid_psig: \valid(psig32 + (0 .. 31));
  @ requires valid_sh: \valid_read(sh + (0 .. 31));
  @ requires valid_secshare: \valid_read(secshare32 + (0 .. 31));
  @ requires valid_other: other == \null || \valid_read(other + (0 .. 65));
  @ requires valid_sg: \valid_read(sg);
  @ requires valid_tweaks: tweaks == \null || \valid_read(tweaks);
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires valid_sn: \valid(sn);
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep: \separated(pubnonce66 + (0 .. 65), psig32 + (0 .. 31), sn);
  @ requires sep_sn: \separated(sn, sg) && \separated(sn, sh + (0 .. 31)) && \separated(sn, secshare32 + (0 .. 31));
  @ requires sep_blame: blame == \null || \separated(blame, pubnonce66 + (0 .. 65), psig32 + (0 .. 31), sg, sn);
  @ assigns pubnonce66[0 .. 65], psig32[0 .. 31], *sn, *blame;
  @*/
static int tsr_fb_det_core(const tsr_context *ctx, uint8_t *pubnonce66, uint8_t *psig32, const uint8_t *sh,
                           const uint8_t *secshare32, uint32_t my_id, const uint8_t *other,
                           const tsr_frost_bip_signers *sg, const tsr_frost_bip_tweak_ctx *tweaks,
                           const uint8_t *msg, size_t msglen, tsr_frost_bip_secnonce *sn, tsr_blame *blame) {
    tsr_frost_bip_tweak_ctx tc;
    tsr_frost_bip_session sess;
    uint8_t xq[32];
    uint8_t pn[TSR_FROST_BIP_PUBNONCE_BYTES];
    uint8_t pair[2][TSR_FROST_BIP_PUBNONCE_BYTES];
    uint8_t agg[TSR_FROST_BIP_AGGNONCE_BYTES];
    int ret;

    ret = tsr_frost_bip_signers_validate(ctx, sg, blame);
    if (ret != TSR_OK) {
        return ret;
    }
    if (other == NULL && sg->u != 1) {
        tsr_fb_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_SIGN, 0, TSR_CHECK_MISSING);
        return TSR_ERR_ARG;
    }
    /* Q: from a fresh tweak context of thresh_pk, or from the caller's (same thresh_pk). */
    if (tweaks == NULL) {
        ret = tsr_frost_bip_tweak_ctx_init(ctx, &tc, sg->thresh_pk, blame);
        if (ret != TSR_OK) {
            return ret;
        }
    } else {
        if (tweaks->magic != TSR_FROST_BIP_TWEAK_MAGIC) {
            tsr_fb_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_SIGN, 0, TSR_CHECK_NONE);
            return TSR_ERR_ARG;
        }
        if (!tsr_fb_eq_var(tweaks->thresh_pk, sg->thresh_pk, TSR_POINT_BYTES)) {
            tsr_fb_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_SIGN, 0, TSR_CHECK_TWEAK);
            return TSR_ERR_ARG;
        }
        tc = *tweaks;
    }
    ret = tsr_frost_bip_get_xonly_pk(ctx, xq, &tc);
    if (ret == TSR_OK) {
        ret = tsr_fb_det_nonces(ctx, sn, pn, sh, my_id, sg, other, xq, msg, msglen);
    }
    if (ret != TSR_OK) {
        tsr_fb_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_SIGN, 0, TSR_CHECK_NONE);
        return ret;
    }
    if (other != NULL) {
        tsr_fb_copy(pair[0], pn, TSR_FROST_BIP_PUBNONCE_BYTES);
        tsr_fb_copy(pair[1], other, TSR_FROST_BIP_PUBNONCE_BYTES);
        ret = tsr_frost_bip_nonce_agg(ctx, agg, (const uint8_t (*)[66])pair, NULL, 2, blame);
        if (ret != TSR_OK) {
            /* Our own pubnonce is valid: the fault is the coordinator's aggothernonce. */
            if (blame != NULL) {
                blame->culprit = TSR_CULPRIT_COORDINATOR;
            }
            return ret;
        }
    } else {
        tsr_fb_copy(agg, pn, TSR_FROST_BIP_AGGNONCE_BYTES);
    }
    /* The session validates the signers again (cheap next to the rest; keeps the public path). */
    ret = tsr_frost_bip_session_init(ctx, &sess, sg, &tc, agg, msg, msglen, blame);
    if (ret != TSR_OK) {
        return ret;
    }
    ret = tsr_frost_bip_sign(ctx, psig32, sn, secshare32, my_id, &sess, blame);
    if (ret == TSR_OK) {
        tsr_fb_copy(pubnonce66, pn, TSR_FROST_BIP_PUBNONCE_BYTES);
    }
    return ret;
}

int tsr_frost_bip_deterministic_sign(const tsr_context *ctx, uint8_t pubnonce66[66], uint8_t psig32[32],
                                     const uint8_t secshare32[32], uint32_t my_id, const uint8_t *aggothernonce66,
                                     const tsr_frost_bip_signers *signers, const tsr_frost_bip_tweak_ctx *tweaks,
                                     const uint8_t *msg, size_t msglen, const uint8_t *rand32, tsr_blame *blame) {
    tsr_frost_bip_secnonce sn;
    uint8_t sh[32];
    uint8_t aux[32];
    int ret;

    tsr_ct_wipe8(pubnonce66, TSR_FROST_BIP_PUBNONCE_BYTES);
    tsr_ct_wipe8(psig32, 32);
    tsr_ct_wipe8(aux, sizeof aux);
    tsr_frost_bip_secnonce_clear(&sn);
    /* secshare' = secshare XOR hash_BIP0445/aux(rand) when rand is given. */
    tsr_fb_copy(sh, secshare32, 32);
    if (rand32 != NULL) {
        tsr_tagged_hash(aux, tsr_fb_tag_aux, TSR_FB_TAGLEN(tsr_fb_tag_aux), rand32, 32);
        tsr_fb_xor32(sh, aux);
    }
    ret = tsr_fb_det_core(ctx, pubnonce66, psig32, sh, secshare32, my_id, aggothernonce66, signers, tweaks, msg,
                          msglen, &sn, blame);
    tsr_frost_bip_secnonce_clear(&sn);
    tsr_ct_wipe8(sh, sizeof sh);
    tsr_ct_wipe8(aux, sizeof aux);
    return ret;
}
