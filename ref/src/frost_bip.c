/* FROST signing for BIP340 after the BIP 445 draft (siv2r/bip-frost-signing @ 29467acc), public
 * side: signers context, nonce aggregation, tweaks, sessions, partial signature verification and
 * aggregation, BIP340 verification. The signer side (secrets) is frost_bip_sign.c. Spec:
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
#include "frost_bip_internal.h"
#include "internal.h"

/* Tagged-hash tags of the draft at the pinned commit (earlier drafts used "FROST/..."; the arrays
 * hold the trailing NUL, which is not hashed). The signer-side tags are in frost_bip_sign.c. */
static const uint8_t tsr_fb_tag_noncecoef[] = "BIP0445/noncecoef";
static const uint8_t tsr_fb_tag_challenge[] = "BIP0340/challenge";

/* The Tessera culprit of draft id: id + 1 (1-based party ids), TSR_CULPRIT_NONE if out of range. */
/*@ assigns \nothing;
  @ ensures not_coordinator: \result != TSR_CULPRIT_COORDINATOR;
  @*/
static uint32_t tsr_fb_culprit(uint32_t id) {
    return id <= TSR_FB_ID_MAX ? id + 1u : TSR_CULPRIT_NONE;
}

/* ---- signers context --------------------------------------------------------------------- */

/* ValidateSignersCtx with DeriveThreshPubkey, without the blame record (see the header for the
 * order of the checks): *check gets the failed check. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_sg: \valid_read(sg);
  @ requires valid_check: \valid(check);
  @ requires sep: \separated(check, sg);
  @ assigns *check;
  @ ensures ok: \result == TSR_OK ==> 1 <= sg->u <= TSR_MAX_PARTIES && sg->n < 0xffffffffU &&
  @   (\forall integer k; 0 <= k < sg->u ==> sg->ids[k] < sg->n);
  @*/
static int tsr_fb_validate_core(const tsr_context *ctx, const tsr_frost_bip_signers *sg, tsr_check *check) {
    tsr_point q, p, term;
    tsr_scalar lambda;
    uint8_t enc[TSR_POINT_BYTES];
    size_t i, j;
    int ret;

    *check = TSR_CHECK_NONE;
    if (sg->t < 1 || sg->t > sg->n) {
        *check = TSR_CHECK_THRESHOLD;
        return TSR_ERR_ARG;
    }
    if (sg->n == 0xffffffffu) {
        *check = TSR_CHECK_COUNT;
        return TSR_ERR_ARG;
    }
    if (sg->u < sg->t || sg->u > sg->n) {
        *check = TSR_CHECK_SIGNER_COUNT;
        return TSR_ERR_ARG;
    }
    if (sg->u > TSR_MAX_PARTIES) {
        *check = TSR_CHECK_COUNT;
        return TSR_ERR_ARG;
    }
    /*@ loop invariant bound: 0 <= i <= sg->u;
      @ loop invariant ids: \forall integer k; 0 <= k < i ==> sg->ids[k] < sg->n;
      @ loop assigns i, p, *check, ret;
      @ loop variant sg->u - i;
      @*/
    for (i = 0; i < sg->u; i++) {
        if (sg->ids[i] > sg->n - 1u) {
            *check = TSR_CHECK_SENDER;
            return TSR_ERR_ARG;
        }
        ret = tsr_point_decode(ctx, &p, sg->pubshares[i], TSR_POINT_BYTES, 0, check);
        if (ret != TSR_OK) {
            return ret;
        }
    }
    /*@ loop invariant bound: 0 <= i <= sg->u;
      @ loop assigns i, j, *check;
      @ loop variant sg->u - i;
      @*/
    for (i = 0; i < sg->u; i++) {
        /*@ loop invariant bound: i + 1 <= j <= sg->u;
          @ loop assigns j, *check;
          @ loop variant sg->u - j;
          @*/
        for (j = i + 1; j < sg->u; j++) {
            if (sg->ids[i] == sg->ids[j]) {
                *check = TSR_CHECK_ID_DUPLICATE;
                return TSR_ERR_ARG;
            }
        }
    }
    /* DeriveThreshPubkey: Q = sum lambda_i P_i, compared with thresh_pk byte for byte. */
    tsr_point_set_identity(&q);
    /*@ loop invariant bound: 0 <= i <= sg->u;
      @ loop assigns i, p, q, term, lambda, *check;
      @ loop variant sg->u - i;
      @*/
    for (i = 0; i < sg->u; i++) {
        if (tsr_point_decode(ctx, &p, sg->pubshares[i], TSR_POINT_BYTES, 0, check) != TSR_OK) {
            *check = TSR_CHECK_NONE;
            return TSR_ERR_INTERNAL;
        }
        tsr_fb_lambda(&lambda, sg->ids, sg->u, sg->ids[i]);
        if (tsr_point_mul_var(ctx, &term, &p, &lambda) != TSR_OK || tsr_point_add(ctx, &q, &q, &term) != TSR_OK) {
            return TSR_ERR_INTERNAL;
        }
    }
    if (tsr_point_encode(ctx, enc, &q) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    if (tsr_point_is_identity(&q) || !tsr_fb_eq_var(enc, sg->thresh_pk, TSR_POINT_BYTES)) {
        *check = TSR_CHECK_FELDMAN;
        return TSR_ERR_VERIFY;
    }
    return TSR_OK;
}

/* tsr_fb_validate_core plus the blame record (culprit NONE, the given phase on failure). */
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
    tsr_check check;
    int ret = tsr_fb_validate_core(ctx, sg, &check);
    tsr_fb_blame(blame, TSR_CULPRIT_NONE, ret == TSR_OK ? TSR_PHASE_NONE : phase, 0, check);
    return ret;
}

int tsr_frost_bip_signers_validate(const tsr_context *ctx, const tsr_frost_bip_signers *signers,
                                   tsr_blame *blame) {
    return tsr_fb_validate(ctx, signers, TSR_PHASE_SIGN, blame);
}

/* ---- nonces ------------------------------------------------------------------------------ */

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

/* ApplyTweak without the blame record: *check gets the failed check; *tc changes only on
 * success. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_tc: \valid(tc);
  @ requires valid_tweak: \valid_read(tweak + (0 .. tweaklen - 1));
  @ requires valid_check: \valid(check);
  @ requires sep: \separated(check, tc);
  @ assigns *tc, *check;
  @*/
static int tsr_fb_apply_tweak_core(const tsr_context *ctx, tsr_frost_bip_tweak_ctx *tc, const uint8_t *tweak,
                                   size_t tweaklen, int is_xonly, tsr_check *check) {
    tsr_point q, tg;
    tsr_scalar t, gacc, tacc;
    uint8_t x[32];
    int odd = 0;

    *check = TSR_CHECK_NONE;
    if (tc->magic != TSR_FROST_BIP_TWEAK_MAGIC) {
        return TSR_ERR_ARG;
    }
    if (tweaklen != 32) {
        *check = TSR_CHECK_LENGTH;
        return TSR_ERR_ENCODING;
    }
    if (tsr_scalar_decode(&t, tweak) != TSR_OK) {
        *check = TSR_CHECK_TWEAK;
        return TSR_ERR_RANGE;
    }
    if (tsr_point_encode_xonly(ctx, x, &odd, &tc->q) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    q = tc->q;
    gacc = tc->gacc;
    tacc = tc->tacc;
    /* g = -1 for an x-only tweak of a key with odd y: Q' = g Q + t G, gacc' = g gacc,
     * tacc' = t + g tacc. */
    if (is_xonly != 0 && odd != 0) {
        if (tsr_point_neg(ctx, &q, &q) != TSR_OK) {
            return TSR_ERR_INTERNAL;
        }
        tsr_scalar_neg(&gacc, &gacc);
        tsr_scalar_neg(&tacc, &tacc);
    }
    if (tsr_point_base_mul(ctx, &tg, &t) != TSR_OK || tsr_point_add(ctx, &q, &q, &tg) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    if (tsr_point_is_identity(&q)) {
        *check = TSR_CHECK_POINT_IDENTITY;
        return TSR_ERR_RANGE;
    }
    tsr_scalar_add(&tacc, &t, &tacc);
    tc->q = q;
    tc->gacc = gacc;
    tc->tacc = tacc;
    return TSR_OK;
}

int tsr_frost_bip_apply_tweak(const tsr_context *ctx, tsr_frost_bip_tweak_ctx *tc, const uint8_t *tweak,
                              size_t tweaklen, int is_xonly, tsr_blame *blame) {
    tsr_check check;
    int ret = tsr_fb_apply_tweak_core(ctx, tc, tweak, tweaklen, is_xonly, &check);
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
 * which must be initialised from the same thresh_pk. *check gets the failed check. Public. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_tc: \valid(tc);
  @ requires valid_sg: \valid_read(sg);
  @ requires valid_tweaks: tweaks == \null || \valid_read(tweaks);
  @ requires valid_check: \valid(check);
  @ requires sep: \separated(tc, sg, check);
  @ assigns *tc, *check;
  @*/
static int tsr_fb_tweak_resolve(const tsr_context *ctx, tsr_frost_bip_tweak_ctx *tc,
                                const tsr_frost_bip_signers *sg, const tsr_frost_bip_tweak_ctx *tweaks,
                                tsr_check *check) {
    tsr_blame b;
    int ret;
    *check = TSR_CHECK_NONE;
    if (tweaks == NULL) {
        ret = tsr_frost_bip_tweak_ctx_init(ctx, tc, sg->thresh_pk, &b);
        if (ret != TSR_OK) {
            *check = (tsr_check)b.check;
        }
        return ret;
    }
    if (tweaks->magic != TSR_FROST_BIP_TWEAK_MAGIC) {
        return TSR_ERR_ARG;
    }
    if (!tsr_fb_eq_var(tweaks->thresh_pk, sg->thresh_pk, TSR_POINT_BYTES)) {
        *check = TSR_CHECK_TWEAK;
        return TSR_ERR_ARG;
    }
    *tc = *tweaks;
    return TSR_OK;
}

/* GetSessionValues after ValidateSignersCtx has passed for sg, without the blame record: *check
 * gets the failed check, *culprit the coordinator for a bad aggnonce. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_s: \valid(s);
  @ requires valid_sg: \valid_read(sg);
  @ requires count: 1 <= sg->u <= TSR_MAX_PARTIES;
  @ requires valid_tweaks: tweaks == \null || \valid_read(tweaks);
  @ requires valid_agg: \valid_read(aggnonce66 + (0 .. 65));
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires valid_check: \valid(check);
  @ requires valid_culprit: \valid(culprit);
  @ requires sep: \separated(s, sg, check, culprit);
  @ assigns *s, *check, *culprit;
  @ ensures ok: \result == TSR_OK ==> tsr_fb_session_ok(s);
  @*/
static int tsr_fb_session_core(const tsr_context *ctx, tsr_frost_bip_session *s,
                               const tsr_frost_bip_signers *sg, const tsr_frost_bip_tweak_ctx *tweaks,
                               const uint8_t *aggnonce66, const uint8_t *msg, size_t msglen, tsr_check *check,
                               uint32_t *culprit) {
    tsr_frost_bip_tweak_ctx tc;
    tsr_sha256_ctx h;
    uint8_t hash[32];
    tsr_point r1, r2, t;
    tsr_scalar one;
    size_t i, j;
    int ret;

    s->magic = 0;
    *culprit = TSR_CULPRIT_NONE;
    ret = tsr_fb_tweak_resolve(ctx, &tc, sg, tweaks, check);
    if (ret != TSR_OK) {
        return ret;
    }
    s->q = tc.q;
    s->gacc = tc.gacc;
    s->tacc = tc.tacc;
    if (tsr_point_encode_xonly(ctx, s->q_x, &s->q_odd, &s->q) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    /* b = int(hash_BIP0445/noncecoef(SerializeIds(ids) || aggnonce || xbytes(Q) || m)) mod n. */
    tsr_tagged_hash_init(&h, tsr_fb_tag_noncecoef, TSR_FB_TAGLEN(tsr_fb_tag_noncecoef));
    tsr_fb_hash_ids(&h, sg->ids, sg->u);
    tsr_sha256_update(&h, aggnonce66, TSR_FROST_BIP_AGGNONCE_BYTES);
    tsr_sha256_update(&h, s->q_x, 32);
    tsr_sha256_update(&h, msg, msglen);
    tsr_sha256_final(&h, hash);
    if (tsr_fb_scalar_from_hash(&s->b, hash) != 0) {
        return TSR_ERR_INTERNAL;
    }
    /* R1, R2 = cpoint_ext of the halves: a bad aggnonce is the coordinator's fault. */
    ret = tsr_point_decode(ctx, &r1, aggnonce66, TSR_POINT_BYTES, TSR_POINT_ALLOW_IDENTITY, check);
    if (ret == TSR_OK) {
        ret = tsr_point_decode(ctx, &r2, aggnonce66 + 33, TSR_POINT_BYTES, TSR_POINT_ALLOW_IDENTITY, check);
    }
    if (ret != TSR_OK) {
        *culprit = TSR_CULPRIT_COORDINATOR;
        return ret;
    }
    if (tsr_point_mul_var(ctx, &t, &r2, &s->b) != TSR_OK || tsr_point_add(ctx, &s->r, &r1, &t) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    if (tsr_point_is_identity(&s->r)) {
        /* Dealing with Infinity in Nonce Aggregation: R = G keeps the culprit identifiable. */
        tsr_scalar_set_u32(&one, 1);
        if (tsr_point_base_mul(ctx, &s->r, &one) != TSR_OK) {
            return TSR_ERR_INTERNAL;
        }
    }
    if (tsr_point_encode_xonly(ctx, s->r_x, &s->r_odd, &s->r) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    /* e = int(hash_BIP0340/challenge(xbytes(R) || xbytes(Q) || m)) mod n. */
    tsr_tagged_hash_init(&h, tsr_fb_tag_challenge, TSR_FB_TAGLEN(tsr_fb_tag_challenge));
    tsr_sha256_update(&h, s->r_x, 32);
    tsr_sha256_update(&h, s->q_x, 32);
    tsr_sha256_update(&h, msg, msglen);
    tsr_sha256_final(&h, hash);
    if (tsr_fb_scalar_from_hash(&s->e, hash) != 0) {
        return TSR_ERR_INTERNAL;
    }
    /* Copies of the (public) signer list; whole arrays, so the bounds are constants. */
    s->u = sg->u;
    /*@ loop invariant bound: 0 <= i <= TSR_MAX_PARTIES;
      @ loop assigns i, s->ids[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant TSR_MAX_PARTIES - i;
      @*/
    for (i = 0; i < TSR_MAX_PARTIES; i++) {
        s->ids[i] = sg->ids[i];
    }
    /*@ loop invariant bound: 0 <= i <= TSR_MAX_PARTIES;
      @ loop assigns i, j, s->pubshares[0 .. TSR_MAX_PARTIES * TSR_POINT_BYTES - 1];
      @ loop variant TSR_MAX_PARTIES - i;
      @*/
    for (i = 0; i < TSR_MAX_PARTIES; i++) {
        /*@ loop invariant bound: 0 <= j <= TSR_POINT_BYTES;
          @ loop invariant outer: 0 <= i < TSR_MAX_PARTIES;
          @ loop assigns j, s->pubshares[TSR_POINT_BYTES * i .. TSR_POINT_BYTES * i + TSR_POINT_BYTES - 1];
          @ loop variant TSR_POINT_BYTES - j;
          @*/
        for (j = 0; j < TSR_POINT_BYTES; j++) {
            s->pubshares[TSR_POINT_BYTES * i + j] = sg->pubshares[i][j];
        }
    }
    s->magic = TSR_FROST_BIP_SESSION_MAGIC;
    return TSR_OK;
}

/* tsr_fb_session_core plus the blame record (phase SIGN; round 1 for a bad aggnonce). */
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
    tsr_check check;
    uint32_t culprit;
    int ret = tsr_fb_session_core(ctx, s, sg, tweaks, aggnonce66, msg, msglen, &check, &culprit);
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

/* ---- partial signatures ------------------------------------------------------------------ */

/* PartialSigVerifyInternal without the blame record: *check gets the failed check and *culprit
 * the signer at fault (id + 1) or TSR_CULPRIT_NONE. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_psig: \valid_read(psig32 + (0 .. 31));
  @ requires valid_pubnonce: \valid_read(pubnonce66 + (0 .. 65));
  @ requires valid_pubshare: \valid_read(pubshare33 + (0 .. 32));
  @ requires valid_s: \valid_read(s);
  @ requires valid_check: \valid(check);
  @ requires valid_culprit: \valid(culprit);
  @ requires sep: \separated(check, culprit, s);
  @ assigns *check, *culprit;
  @*/
static int tsr_fb_psv_core(const tsr_context *ctx, const uint8_t *psig32, uint32_t id, const uint8_t *pubnonce66,
                           const uint8_t *pubshare33, const tsr_frost_bip_session *s, tsr_check *check,
                           uint32_t *culprit) {
    tsr_scalar sc, lambda, c, gp;
    tsr_point r1, r2, re, p, lhs, t;

    *check = TSR_CHECK_NONE;
    *culprit = TSR_CULPRIT_NONE;
    if (!tsr_fb_session_ready(s)) {
        return TSR_ERR_ARG;
    }
    if (tsr_scalar_decode(&sc, psig32) != TSR_OK) {
        *culprit = tsr_fb_culprit(id);
        *check = TSR_CHECK_SCALAR_RANGE;
        return TSR_ERR_VERIFY;
    }
    if (!tsr_fb_pubshare_member(s->pubshares, s->u, pubshare33)) {
        *check = TSR_CHECK_OWN_COMMITMENT;
        return TSR_ERR_ARG;
    }
    if (!tsr_fb_id_member(s->ids, s->u, id)) {
        *check = TSR_CHECK_ID_UNKNOWN;
        return TSR_ERR_ARG;
    }
    if (tsr_point_decode(ctx, &r1, pubnonce66, TSR_POINT_BYTES, 0, check) != TSR_OK ||
        tsr_point_decode(ctx, &r2, pubnonce66 + 33, TSR_POINT_BYTES, 0, check) != TSR_OK) {
        *culprit = tsr_fb_culprit(id);
        return TSR_ERR_VERIFY;
    }
    /* Re = R*_1 + b R*_2, negated when the final nonce R has odd y. */
    if (tsr_point_mul_var(ctx, &t, &r2, &s->b) != TSR_OK || tsr_point_add(ctx, &re, &r1, &t) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    if (s->r_odd != 0 && tsr_point_neg(ctx, &re, &re) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    if (tsr_point_decode(ctx, &p, pubshare33, TSR_POINT_BYTES, 0, check) != TSR_OK) {
        return TSR_ERR_ARG;
    }
    /* s G == Re + (e lambda g gacc) P */
    tsr_fb_lambda(&lambda, s->ids, s->u, id);
    tsr_fb_gprime(&gp, s->q_odd, &s->gacc);
    tsr_scalar_mul(&c, &s->e, &lambda);
    tsr_scalar_mul(&c, &c, &gp);
    if (tsr_point_base_mul(ctx, &lhs, &sc) != TSR_OK || tsr_point_mul_var(ctx, &t, &p, &c) != TSR_OK ||
        tsr_point_add(ctx, &t, &re, &t) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    if (!tsr_point_eq(ctx, &lhs, &t)) {
        *culprit = tsr_fb_culprit(id);
        *check = TSR_CHECK_SIGNATURE_SHARE;
        return TSR_ERR_VERIFY;
    }
    return TSR_OK;
}

int tsr_frost_bip_partial_sig_verify_internal(const tsr_context *ctx, const uint8_t psig32[32], uint32_t id,
                                              const uint8_t pubnonce66[66], const uint8_t pubshare33[33],
                                              const tsr_frost_bip_session *s, tsr_blame *blame) {
    tsr_check check;
    uint32_t culprit;
    int ret = tsr_fb_psv_core(ctx, psig32, id, pubnonce66, pubshare33, s, &check, &culprit);
    tsr_fb_blame(blame, culprit, ret == TSR_OK ? TSR_PHASE_NONE : TSR_PHASE_AGGREGATE, ret == TSR_OK ? 0 : 2,
                 check);
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

int tsr_frost_bip_verify(const tsr_context *ctx, const uint8_t sig64[64], const uint8_t *msg, size_t msglen,
                         const uint8_t xonly_pk32[32]) {
    secp256k1_xonly_pubkey pk;
    if (!secp256k1_xonly_pubkey_parse(ctx->secp, &pk, xonly_pk32)) {
        return TSR_ERR_ENCODING;
    }
    return secp256k1_schnorrsig_verify(ctx->secp, sig64, msg, msglen, &pk) == 1 ? TSR_OK : TSR_ERR_VERIFY;
}
