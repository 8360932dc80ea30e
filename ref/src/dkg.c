/* Distributed key generation (spec/dkg.md): PedPoP (FROST KeyGen) with the CertEq equivocation check, dealer-signed shares as complaint evidence, public openings, blame that names only cheaters, and the success certificate. */
#include <stddef.h>
#include <stdint.h>

#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

#include "tessera/common.h"
#include "tessera/dkg.h"
#include "tessera/hash.h"
#include "tessera/point.h"
#include "tessera/scalar.h"
#include "tessera/sharing.h"
#include "ct.h"
#include "internal.h"

/* The state's magic ("TKG1"): set by tsr_dkg_init, cleared by tsr_dkg_state_clear. */
#define TSR_DKG_MAGIC 0x544b4731u
/* Longest DST: the context string "FROST-secp256k1-SHA256-TR-v1" (28) || "dkg-nonce" (9). */
#define TSR_DKG_DST_MAX 40
/* The PoK challenge input: u256be(id) (32) || C0 (33) || R (33) || session (32, optional). */
#define TSR_DKG_CHAL_MAX (32 + 33 + 33 + 32)
/* The PoK nonce input: nonce seed (32) || a0 (32) || u32be(id) (4) || session (32). */
#define TSR_DKG_NONCE_MSG (32 + 32 + 4 + 32)
/* The share message input: suite (1) || session (32) || u32be dealer || u32be recipient || share. */
#define TSR_DKG_SHARE_MSG (1 + 32 + 4 + 4 + 32)
/* "No message seen yet" in the per-sender index tables. */
#define TSR_DKG_NOIDX SIZE_MAX
/* One complaint entry on the wire: u32be accused || u8 kind (|| share (32) || sig (64)). */
#define TSR_DKG_ENTRY_HEAD 5u
#define TSR_DKG_EVIDENCE 96u

/*@ predicate tsr_dkg_suite_ok(integer s) =
  @   s == TSR_SUITE_SECP256K1_SHA256 || s == TSR_SUITE_SECP256K1_TR;
  @*/

/* ---- small helpers ------------------------------------------------------------------------ */

/* Returns: 1 for a suite this module knows, else 0. */
/*@ assigns \nothing;
  @ ensures ok: \result == 1 <==> tsr_dkg_suite_ok(suite);
  @ ensures bool: \result == 0 || \result == 1;
  @*/
static int tsr_dkg_suite_known(uint8_t suite) {
    return suite == TSR_SUITE_SECP256K1_SHA256 || suite == TSR_SUITE_SECP256K1_TR;
}

/*@ requires valid_out: \valid(out + (0 .. 3));
  @ assigns out[0 .. 3];
  @*/
static void tsr_dkg_put_be32(uint8_t *out, uint32_t v) {
    out[0] = (uint8_t)(v >> 24);
    out[1] = (uint8_t)(v >> 16);
    out[2] = (uint8_t)(v >> 8);
    out[3] = (uint8_t)v;
}

/*@ requires valid_in: \valid_read(in + (0 .. 3));
  @ assigns \nothing;
  @*/
static uint32_t tsr_dkg_get_be32(const uint8_t *in) {
    return ((uint32_t)in[0] << 24) | ((uint32_t)in[1] << 16) | ((uint32_t)in[2] << 8) | (uint32_t)in[3];
}

/* Writes the low 16 bits of v big-endian (every count here is <= TSR_MAX_PARTIES). */
/*@ requires valid_out: \valid(out + (0 .. 1));
  @ assigns out[0 .. 1];
  @*/
static void tsr_dkg_put_be16(uint8_t *out, size_t v) {
    out[0] = (uint8_t)(v >> 8);
    out[1] = (uint8_t)v;
}

/* dst = the suite's context string ("FROST-secp256k1-SHA256-v1", or "FROST-secp256k1-SHA256-TR-v1"
 * for the TR suite) || tag. Returns its length, or 0 for an unknown suite. */
/*@ requires valid_dst: \valid(dst + (0 .. TSR_DKG_DST_MAX - 1));
  @ requires valid_tag: \valid_read(tag + (0 .. taglen - 1));
  @ requires tag_len: taglen <= 9;
  @ requires sep: \separated(dst + (0 .. TSR_DKG_DST_MAX - 1), tag + (0 .. taglen - 1));
  @ assigns dst[0 .. TSR_DKG_DST_MAX - 1];
  @ ensures len: \result <= 37;
  @ ensures known: tsr_dkg_suite_ok(suite) <==> \result > 0;
  @*/
static size_t tsr_dkg_dst(uint8_t *dst, uint8_t suite, const uint8_t *tag, size_t taglen) {
    const uint8_t prefix[23] = {'F', 'R', 'O', 'S', 'T', '-', 's', 'e', 'c', 'p', '2', '5',
                                '6', 'k', '1', '-', 'S', 'H', 'A', '2', '5', '6', '-'};
    size_t i, len = 23;

    if (!tsr_dkg_suite_known(suite)) {
        return 0;
    }
    /*@ loop invariant bound: 0 <= i <= 23;
      @ loop assigns i, dst[0 .. 22];
      @ loop variant 23 - i;
      @*/
    for (i = 0; i < 23; i++) {
        dst[i] = prefix[i];
    }
    if (suite == TSR_SUITE_SECP256K1_TR) {
        dst[23] = 'T';
        dst[24] = 'R';
        dst[25] = '-';
        len = 26;
    }
    dst[len] = 'v';
    dst[len + 1] = '1';
    len += 2;
    /*@ loop invariant bound: 0 <= i <= taglen;
      @ loop assigns i, dst[len .. len + taglen - 1];
      @ loop variant taglen - i;
      @*/
    for (i = 0; i < taglen; i++) {
        dst[len + i] = tag[i];
    }
    return len + taglen;
}

/* Fills a blame record (phase TSR_PHASE_KEYGEN). A local copy of tsr_blame_set, which has no
 * ACSL contract in common.h. */
/*@ requires valid_blame: \valid(blame);
  @ assigns *blame;
  @ ensures set: blame->culprit == culprit && blame->round == round && blame->check == check;
  @*/
static void tsr_dkg_blame(tsr_blame *blame, uint32_t culprit, uint16_t round, uint16_t check) {
    blame->culprit = culprit;
    blame->phase = (uint16_t)TSR_PHASE_KEYGEN;
    blame->round = round;
    blame->check = check;
}

/* Records a verdict: the first failed check of a culprit wins (later ones are dropped). */
/*@ requires valid_check: \valid(check);
  @ requires valid_round: \valid(round);
  @ requires sep: \separated(check, round);
  @ assigns *check, *round;
  @*/
static void tsr_dkg_mark(uint16_t *check, uint16_t *round, tsr_check c, uint16_t r) {
    if (*check == 0) {
        *check = (uint16_t)c;
        *round = r;
    }
}

/* Records a verdict of an earlier round over a later one: round-2 evidence against a dealer
 * (FELDMAN) outranks its round-3 silence, so a bad dealer cannot trade a malicious verdict for
 * an unresponsive one by going quiet after the complaint. */
/*@ requires valid_check: \valid(check);
  @ requires valid_round: \valid(round);
  @ requires sep: \separated(check, round);
  @ assigns *check, *round;
  @*/
static void tsr_dkg_mark_earlier(uint16_t *check, uint16_t *round, tsr_check c, uint16_t r) {
    if (*check == 0 || r < *round) {
        *check = (uint16_t)c;
        *round = r;
    }
}

/* Writes the blame records: parties 1..n whose check[] is set, ascending, then the record
 * without a culprit (if none_check is set); at most cap of them. Returns the number written. */
/*@ requires valid_blames: \valid(blames + (0 .. cap - 1));
  @ requires valid_check: \valid_read(check + (0 .. n - 1));
  @ requires valid_round: \valid_read(round + (0 .. n - 1));
  @ requires n: n <= TSR_MAX_PARTIES;
  @ assigns blames[0 .. cap - 1];
  @ ensures count: \result <= cap;
  @*/
static size_t tsr_dkg_emit(tsr_blame *blames, size_t cap, const uint16_t *check, const uint16_t *round, size_t n,
                           uint16_t none_check, uint16_t none_round) {
    size_t j, k = 0;
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop invariant count: k <= cap;
      @ loop assigns j, k, blames[0 .. cap - 1];
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        if (check[j] != 0 && k < cap) {
            tsr_dkg_blame(&blames[k], (uint32_t)(j + 1), round[j], check[j]);
            k++;
        }
    }
    if (none_check != 0 && k < cap) {
        tsr_dkg_blame(&blames[k], TSR_CULPRIT_NONE, none_round, none_check);
        k++;
    }
    return k;
}

/* Wipes every secret of the state: the polynomial, the PoK nonce, the aux randomness, the
 * received shares and the final share. */
/*@ requires valid_st: \valid(st);
  @ assigns st->f, st->pok_k, st->cert_aux[0 .. 31], st->recv[0 .. TSR_MAX_PARTIES - 1], st->share;
  @*/
static void tsr_dkg_wipe(tsr_dkg_state *st) {
    size_t j;
    tsr_poly_clear(&st->f);
    tsr_scalar_clear(&st->pok_k);
    tsr_scalar_clear(&st->share);
    tsr_ct_wipe8(st->cert_aux, sizeof st->cert_aux);
    /*@ loop invariant bound: 0 <= j <= TSR_MAX_PARTIES;
      @ loop assigns j, st->recv[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant TSR_MAX_PARTIES - j;
      @*/
    for (j = 0; j < TSR_MAX_PARTIES; j++) {
        tsr_scalar_clear(&st->recv[j]);
    }
}

/* A round failed: every secret is wiped and every later call is TSR_ERR_STATE. */
/*@ requires valid_st: \valid(st);
  @ assigns st->f, st->pok_k, st->cert_aux[0 .. 31], st->recv[0 .. TSR_MAX_PARTIES - 1], st->share, st->phase;
  @ ensures failed: st->phase == TSR_DKG_PHASE_FAILED;
  @*/
static void tsr_dkg_fail(tsr_dkg_state *st) {
    tsr_dkg_wipe(st);
    st->phase = TSR_DKG_PHASE_FAILED;
}

/* Returns: 1 if st is an initialised state in the given phase with sane sizes, else 0. */
/*@ requires valid_st: \valid_read(st);
  @ assigns \nothing;
  @ ensures ok: \result == 1 ==> 1 <= st->t <= st->n <= TSR_MAX_PARTIES && 1 <= st->id <= st->n &&
  @   tsr_dkg_suite_ok(st->suite) && st->phase == phase;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
static int tsr_dkg_in_phase(const tsr_dkg_state *st, int phase) {
    return st->magic == TSR_DKG_MAGIC && st->phase == phase && st->t >= 1 && st->t <= st->n &&
           st->n <= TSR_MAX_PARTIES && st->id >= 1 && st->id <= st->n && tsr_dkg_suite_known(st->suite);
}

/* ---- proof of knowledge (spec/dkg.md §PoK) -------------------------------------------------- */

/* c = H_DKG(u256be(id) || C0 || R [|| session32]), H_DKG = hash_to_field with DST
 * context || "dkg" (ZcashFoundation frost-core dkg.rs challenge; the session is Tessera's).
 * Returns TSR_OK, TSR_ERR_ARG (unknown suite, an identity point) or TSR_ERR_INTERNAL; c is zero
 * on failure. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_c: \valid(c);
  @ requires valid_session: session32 == \null || \valid_read(session32 + (0 .. 31));
  @ requires valid_c0: \valid_read(c0);
  @ requires valid_r: \valid_read(r);
  @ assigns *c;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_dkg_challenge(const tsr_context *ctx, tsr_scalar *c, uint8_t suite, const uint8_t *session32,
                             uint32_t id, const tsr_point *c0, const tsr_point *r) {
    const uint8_t tag[3] = {'d', 'k', 'g'};
    uint8_t dst[TSR_DKG_DST_MAX];
    uint8_t buf[TSR_DKG_CHAL_MAX];
    size_t dstlen, len = 32 + 33 + 33, i;
    int ret = TSR_ERR_ARG;

    tsr_scalar_set_u32(c, 0);
    dstlen = tsr_dkg_dst(dst, suite, tag, sizeof tag);
    if (dstlen == 0 || c0->infinity != 0 || r->infinity != 0) {
        goto out;
    }
    /*@ loop invariant bound: 0 <= i <= 28;
      @ loop assigns i, buf[0 .. 27];
      @ loop variant 28 - i;
      @*/
    for (i = 0; i < 28; i++) {
        buf[i] = 0;
    }
    tsr_dkg_put_be32(buf + 28, id);
    ret = TSR_ERR_INTERNAL;
    if (tsr_point_encode(ctx, buf + 32, c0) != TSR_OK || tsr_point_encode(ctx, buf + 65, r) != TSR_OK) {
        goto out;
    }
    if (session32 != NULL) {
        /*@ loop invariant bound: 0 <= i <= 32;
          @ loop assigns i, buf[98 .. 129];
          @ loop variant 32 - i;
          @*/
        for (i = 0; i < 32; i++) {
            buf[98 + i] = session32[i];
        }
        len = TSR_DKG_CHAL_MAX;
    }
    if (tsr_hash_to_field(c, 1, buf, len, dst, dstlen) != TSR_OK) {
        goto out;
    }
    ret = TSR_OK;
out:
    /* Public data only: nothing to wipe. */
    return ret;
}

int tsr_dkg_pok_prove(const tsr_context *ctx, tsr_point *r, tsr_scalar *mu, uint8_t suite,
                      const uint8_t *session32, uint32_t id, const tsr_scalar *a0, const tsr_point *c0,
                      const tsr_scalar *k) {
    tsr_scalar kk, c, ac;
    uint8_t x[32];
    uint32_t zero_mask;
    int y_odd = 0;
    int ret = TSR_ERR_ARG;

    kk = *k;
    tsr_scalar_set_u32(&ac, 0);
    tsr_point_set_identity(r);
    tsr_scalar_set_u32(mu, 0);
    if (!tsr_dkg_suite_known(suite) || c0->infinity != 0) {
        goto out;
    }
    zero_mask = tsr_scalar_is_zero_mask(&kk);
    /* Whether the nonce is zero becomes public through the error code (a zero nonce is refused;
     * a derived nonce is zero with probability 2^-256). */
    TSR_DECLASSIFY(&zero_mask, sizeof zero_mask);
    if (zero_mask != 0) {
        goto out;
    }
    ret = TSR_ERR_INTERNAL;
    if (tsr_point_base_mul(ctx, r, &kk) != TSR_OK) {
        goto out;
    }
    /* R = k*G is the proof's public commitment. */
    TSR_DECLASSIFY(r, sizeof *r);
    if (suite == TSR_SUITE_SECP256K1_TR) {
        /* ZF's TR nonce: R must have even y, else k and R are negated (the parity of the public R
         * is public). */
        if (tsr_point_encode_xonly(ctx, x, &y_odd, r) != TSR_OK) {
            goto out;
        }
        if (y_odd != 0) {
            tsr_scalar_neg(&kk, &kk);
            if (tsr_point_neg(ctx, r, r) != TSR_OK) {
                goto out;
            }
        }
    }
    if (tsr_dkg_challenge(ctx, &c, suite, session32, id, c0, r) != TSR_OK) {
        goto out;
    }
    tsr_scalar_mul(&ac, a0, &c);
    tsr_scalar_add(mu, &kk, &ac);
    /* mu = k + a0*c is the proof's public response: the uniform nonce k hides a0. */
    TSR_DECLASSIFY(mu, sizeof *mu);
    ret = TSR_OK;
out:
    if (ret != TSR_OK) {
        tsr_point_set_identity(r);
        tsr_scalar_set_u32(mu, 0);
    }
    tsr_scalar_clear(&kk);
    tsr_scalar_clear(&ac);
    return ret;
}

int tsr_dkg_pok_verify(const tsr_context *ctx, uint8_t suite, const uint8_t *session32, uint32_t id,
                       const tsr_point *c0, const tsr_point *r, const tsr_scalar *mu) {
    tsr_scalar c;
    tsr_point lhs, rhs;
    uint8_t x[32];
    int y_odd = 0;

    if (!tsr_dkg_suite_known(suite) || c0->infinity != 0 || r->infinity != 0) {
        return TSR_ERR_VERIFY;
    }
    if (suite == TSR_SUITE_SECP256K1_TR) {
        if (tsr_point_encode_xonly(ctx, x, &y_odd, r) != TSR_OK) {
            return TSR_ERR_INTERNAL;
        }
        if (y_odd != 0) {
            return TSR_ERR_VERIFY;
        }
    }
    if (tsr_dkg_challenge(ctx, &c, suite, session32, id, c0, r) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    /* R == mu*G - c*C0, checked as mu*G == R + c*C0. Public inputs: variable time is fine. */
    if (tsr_point_base_mul(ctx, &lhs, mu) != TSR_OK || tsr_point_mul_var(ctx, &rhs, c0, &c) != TSR_OK ||
        tsr_point_add(ctx, &rhs, &rhs, r) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    return tsr_point_eq(ctx, &lhs, &rhs) ? TSR_OK : TSR_ERR_VERIFY;
}

/* ---- share and certificate messages ------------------------------------------------------- */

void tsr_dkg_share_message(uint8_t out32[32], uint8_t suite, const uint8_t session32[32], uint32_t dealer,
                           uint32_t recipient, const tsr_scalar *share) {
    const uint8_t tag[16] = {'T', 'S', 'R', '-', 'D', 'K', 'G', '-', 'S', 'H', 'A', 'R', 'E', '-', 'v', '1'};
    uint8_t buf[TSR_DKG_SHARE_MSG];
    size_t i;

    buf[0] = suite;
    /*@ loop invariant bound: 0 <= i <= 32;
      @ loop assigns i, buf[1 .. 32];
      @ loop variant 32 - i;
      @*/
    for (i = 0; i < 32; i++) {
        buf[1 + i] = session32[i];
    }
    tsr_dkg_put_be32(buf + 33, dealer);
    tsr_dkg_put_be32(buf + 37, recipient);
    tsr_scalar_encode(buf + 41, share);
    tsr_tagged_hash(out32, tag, sizeof tag, buf, sizeof buf);
    /* buf holds the secret share. */
    tsr_ct_wipe8(buf, sizeof buf);
}

/* The x-only BIP340 key of a (x(a), whatever the parity of y). Returns TSR_OK, or TSR_ERR_VERIFY
 * for the identity (no key), TSR_ERR_INTERNAL. Public input. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_xpk: \valid(xpk);
  @ requires valid_a: \valid_read(a);
  @ requires sep: \separated(xpk, a);
  @ assigns *xpk;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_VERIFY || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_dkg_xonly(const tsr_context *ctx, secp256k1_xonly_pubkey *xpk, const tsr_point *a) {
    uint8_t x[32];
    int rc = tsr_point_encode_xonly(ctx, x, NULL, a);
    if (rc == TSR_ERR_RANGE) {
        return TSR_ERR_VERIFY;
    }
    if (rc != TSR_OK || !secp256k1_xonly_pubkey_parse(ctx->secp, xpk, x)) {
        return TSR_ERR_INTERNAL;
    }
    return TSR_OK;
}

/* Checks a BIP340 signature sig64 on msg32 under x(key). Returns TSR_OK, TSR_ERR_VERIFY (bad
 * signature, identity key) or TSR_ERR_INTERNAL. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_sig: \valid_read(sig64 + (0 .. 63));
  @ requires valid_msg: \valid_read(msg32 + (0 .. 31));
  @ requires valid_key: \valid_read(key);
  @ assigns \nothing;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_VERIFY || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_dkg_sig_verify(const tsr_context *ctx, const uint8_t *sig64, const uint8_t *msg32,
                              const tsr_point *key) {
    secp256k1_xonly_pubkey xpk;
    int rc = tsr_dkg_xonly(ctx, &xpk, key);
    if (rc != TSR_OK) {
        return rc;
    }
    return secp256k1_schnorrsig_verify(ctx->secp, sig64, msg32, 32, &xpk) == 1 ? TSR_OK : TSR_ERR_VERIFY;
}

/* A dealer's signature on its share (evidence, spec/dkg.md §Share message). Returns TSR_OK,
 * TSR_ERR_VERIFY or TSR_ERR_INTERNAL. The share is secret while it travels privately; its
 * message hash and the signature are declassified: the hash is a one-way image under a tag and
 * the signature is meant to be shown as evidence. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_session: \valid_read(session32 + (0 .. 31));
  @ requires valid_share: \valid_read(share);
  @ requires valid_sig: \valid_read(sig64 + (0 .. 63));
  @ requires valid_c0: \valid_read(c0);
  @ assigns \nothing;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_VERIFY || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_dkg_share_sig_check(const tsr_context *ctx, uint8_t suite, const uint8_t *session32, uint32_t dealer,
                                   uint32_t recipient, const tsr_scalar *share, const uint8_t *sig64,
                                   const tsr_point *c0) {
    uint8_t msg[32];
    tsr_dkg_share_message(msg, suite, session32, dealer, recipient, share);
    TSR_DECLASSIFY(msg, sizeof msg);
    TSR_DECLASSIFY(sig64, 64);
    return tsr_dkg_sig_verify(ctx, sig64, msg, c0);
}

/* ---- round-1 encoding and the eq hash (spec/dkg.md §Encoding, §Eq hash) ------------------- */

/* The PoK bytes: plain R (33) || mu (32); TR x(R) (32) || mu (32). Returns the length, or 0 if R
 * cannot be encoded (the identity; TR: odd y) or on an internal failure. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_out: \valid(out + (0 .. (suite == TSR_SUITE_SECP256K1_TR ? 63 : 64)));
  @ requires valid_r: \valid_read(r);
  @ requires valid_mu: \valid_read(mu);
  @ requires sep: \separated(out + (0 .. (suite == TSR_SUITE_SECP256K1_TR ? 63 : 64)), r, mu);
  @ assigns out[0 .. (suite == TSR_SUITE_SECP256K1_TR ? 63 : 64)];
  @ ensures len: \result == 0 || \result == (suite == TSR_SUITE_SECP256K1_TR ? 64 : 65);
  @*/
static size_t tsr_dkg_pok_bytes(const tsr_context *ctx, uint8_t *out, uint8_t suite, const tsr_point *r,
                                const tsr_scalar *mu) {
    int y_odd = 1;
    if (r->infinity != 0) {
        return 0;
    }
    if (suite == TSR_SUITE_SECP256K1_TR) {
        if (tsr_point_encode_xonly(ctx, out, &y_odd, r) != TSR_OK || y_odd != 0) {
            return 0;
        }
        tsr_scalar_encode(out + 32, mu);
        return 64;
    }
    if (tsr_point_encode(ctx, out, r) != TSR_OK) {
        return 0;
    }
    tsr_scalar_encode(out + 33, mu);
    return 65;
}

/* Absorbs tsr_dkg_round1_encode's bytes for m into h. Returns TSR_OK or TSR_ERR_ARG (a count
 * out of 1..TSR_MAX_PARTIES, an identity point, an unencodable R). Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_h: \valid(h);
  @ requires valid_m: \valid_read(m);
  @ requires sep: \separated(h, m);
  @ assigns *h;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG;
  @*/
static int tsr_dkg_r1_absorb(const tsr_context *ctx, tsr_sha256_ctx *h, uint8_t suite, const tsr_dkg_round1_msg *m) {
    uint8_t buf[TSR_DKG_POK_MAX_BYTES];
    size_t k, t = m->commitment.t, len;

    if (t < 1 || t > TSR_MAX_PARTIES) {
        return TSR_ERR_ARG;
    }
    tsr_dkg_put_be16(buf, t);
    tsr_sha256_update(h, buf, 2);
    /*@ loop invariant bound: 0 <= k <= t;
      @ loop assigns k, *h, buf[0 .. TSR_DKG_POK_MAX_BYTES - 1];
      @ loop variant t - k;
      @*/
    for (k = 0; k < t; k++) {
        if (m->commitment.c[k].infinity != 0 || tsr_point_encode(ctx, buf, &m->commitment.c[k]) != TSR_OK) {
            return TSR_ERR_ARG;
        }
        tsr_sha256_update(h, buf, TSR_POINT_BYTES);
    }
    len = tsr_dkg_pok_bytes(ctx, buf, suite, &m->pok_r, &m->pok_mu);
    if (len == 0) {
        return TSR_ERR_ARG;
    }
    tsr_sha256_update(h, buf, len);
    return TSR_OK;
}

/* The eq hash over dealer j's message msgs[idx[j]] (or msgs[j] when idx is NULL), j = 0..n-1;
 * each must have sender j+1 and t points. Returns TSR_OK or TSR_ERR_ARG (out32 zeroed). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_out: \valid(out32 + (0 .. 31));
  @ requires valid_session: \valid_read(session32 + (0 .. 31));
  @ requires valid_msgs: \valid_read(msgs + (0 .. nmsgs - 1));
  @ requires valid_idx: idx == \null || \valid_read(idx + (0 .. n - 1));
  @ requires n: n <= TSR_MAX_PARTIES;
  @ requires sep: \separated(out32 + (0 .. 31), session32 + (0 .. 31));
  @ assigns out32[0 .. 31];
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG;
  @*/
static int tsr_dkg_eq_core(const tsr_context *ctx, uint8_t *out32, uint8_t suite, const uint8_t *session32,
                           size_t t, size_t n, const tsr_dkg_round1_msg *msgs, size_t nmsgs, const size_t *idx) {
    const uint8_t tag[13] = {'T', 'S', 'R', '-', 'D', 'K', 'G', '-', 'E', 'Q', '-', 'v', '1'};
    tsr_sha256_ctx h;
    uint8_t hdr[1 + 32 + 2 + 2];
    size_t i, j, e;

    /*@ loop invariant bound: 0 <= i <= 32;
      @ loop assigns i, out32[0 .. 31];
      @ loop variant 32 - i;
      @*/
    for (i = 0; i < 32; i++) {
        out32[i] = 0;
    }
    if (!tsr_dkg_suite_known(suite) || t < 1 || t > n || n > TSR_MAX_PARTIES) {
        return TSR_ERR_ARG;
    }
    hdr[0] = suite;
    /*@ loop invariant bound: 0 <= i <= 32;
      @ loop assigns i, hdr[1 .. 32];
      @ loop variant 32 - i;
      @*/
    for (i = 0; i < 32; i++) {
        hdr[1 + i] = session32[i];
    }
    tsr_dkg_put_be16(hdr + 33, t);
    tsr_dkg_put_be16(hdr + 35, n);
    tsr_tagged_hash_init(&h, tag, sizeof tag);
    tsr_sha256_update(&h, hdr, sizeof hdr);
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j, e, h, hdr[0 .. 3];
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        e = idx == NULL ? j : idx[j];
        if (e >= nmsgs || msgs[e].sender != (uint32_t)(j + 1) || msgs[e].commitment.t != t) {
            return TSR_ERR_ARG;
        }
        tsr_dkg_put_be32(hdr, (uint32_t)(j + 1));
        tsr_sha256_update(&h, hdr, 4);
        if (tsr_dkg_r1_absorb(ctx, &h, suite, &msgs[e]) != TSR_OK) {
            return TSR_ERR_ARG;
        }
    }
    tsr_sha256_final(&h, out32);
    return TSR_OK;
}

int tsr_dkg_eq_hash(const tsr_context *ctx, uint8_t out32[32], uint8_t suite, const uint8_t session32[32],
                    size_t t, size_t n, const tsr_dkg_round1_msg *msgs) {
    if (msgs == NULL || n < 1 || n > TSR_MAX_PARTIES) {
        size_t i;
        /*@ loop invariant bound: 0 <= i <= 32;
          @ loop assigns i, out32[0 .. 31];
          @ loop variant 32 - i;
          @*/
        for (i = 0; i < 32; i++) {
            out32[i] = 0;
        }
        return TSR_ERR_ARG;
    }
    return tsr_dkg_eq_core(ctx, out32, suite, session32, t, n, msgs, n, NULL);
}

int tsr_dkg_certificate_message(const tsr_context *ctx, uint8_t out32[32], const tsr_dkg_public *pub) {
    const uint8_t tag[15] = {'T', 'S', 'R', '-', 'D', 'K', 'G', '-', 'C', 'E', 'R', 'T', '-', 'v', '1'};
    tsr_sha256_ctx h;
    uint8_t buf[1 + 32 + 2 + 2 + 32];
    size_t i, j, n = pub->n;

    /*@ loop invariant bound: 0 <= i <= 32;
      @ loop assigns i, out32[0 .. 31];
      @ loop variant 32 - i;
      @*/
    for (i = 0; i < 32; i++) {
        out32[i] = 0;
    }
    if (!tsr_dkg_suite_known(pub->suite) || pub->t < 1 || pub->t > n || n > TSR_MAX_PARTIES) {
        return TSR_ERR_ARG;
    }
    buf[0] = pub->suite;
    /*@ loop invariant bound: 0 <= i <= 32;
      @ loop assigns i, buf[1 .. 32], buf[37 .. 68];
      @ loop variant 32 - i;
      @*/
    for (i = 0; i < 32; i++) {
        buf[1 + i] = pub->session[i];
        buf[37 + i] = pub->eq_hash[i];
    }
    tsr_dkg_put_be16(buf + 33, pub->t);
    tsr_dkg_put_be16(buf + 35, n);
    tsr_tagged_hash_init(&h, tag, sizeof tag);
    tsr_sha256_update(&h, buf, sizeof buf);
    /* The identity (which a valid result never holds, but a round-3 computation facing a
     * cheating dealer can) is encoded as 33 zero bytes, like tsr_point_encode does. */
    if (tsr_point_encode(ctx, buf, &pub->group_key) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    tsr_sha256_update(&h, buf, TSR_POINT_BYTES);
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j, h, buf[0 .. 68];
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        if (tsr_point_encode(ctx, buf, &pub->vshares[j]) != TSR_OK) {
            return TSR_ERR_INTERNAL;
        }
        tsr_sha256_update(&h, buf, TSR_POINT_BYTES);
    }
    tsr_sha256_final(&h, out32);
    return TSR_OK;
}

/* ---- message encodings (spec/dkg.md §Encoding) -------------------------------------------- */

/* Empties a round-1 message: sender 0, no commitment, every point the identity, mu zero. */
/*@ requires valid_m: \valid(m);
  @ assigns *m;
  @ ensures empty: m->commitment.t == 0 && m->sender == 0;
  @*/
static void tsr_dkg_r1_zero(tsr_dkg_round1_msg *m) {
    size_t k;
    m->sender = 0;
    m->commitment.t = 0;
    /*@ loop invariant bound: 0 <= k <= TSR_MAX_PARTIES;
      @ loop assigns k, m->commitment.c[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant TSR_MAX_PARTIES - k;
      @*/
    for (k = 0; k < TSR_MAX_PARTIES; k++) {
        tsr_point_set_identity(&m->commitment.c[k]);
    }
    tsr_point_set_identity(&m->pok_r);
    tsr_scalar_set_u32(&m->pok_mu, 0);
}

/* Zeros n bytes (public data). */
/*@ requires valid_p: \valid(p + (0 .. n - 1));
  @ assigns p[0 .. n - 1];
  @*/
static void tsr_dkg_zero_bytes(uint8_t *p, size_t n) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop assigns i, p[0 .. n - 1];
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        p[i] = 0;
    }
}

/* dst[0 .. n-1] = src[0 .. n-1] (public bytes). */
/*@ requires valid_dst: \valid(dst + (0 .. n - 1));
  @ requires valid_src: \valid_read(src + (0 .. n - 1));
  @ requires sep: \separated(dst + (0 .. n - 1), src + (0 .. n - 1));
  @ assigns dst[0 .. n - 1];
  @*/
static void tsr_dkg_copy(uint8_t *dst, const uint8_t *src, size_t n) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop assigns i, dst[0 .. n - 1];
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        dst[i] = src[i];
    }
}

int tsr_dkg_round1_encode(const tsr_context *ctx, uint8_t *out, size_t outcap, size_t *outlen, uint8_t suite,
                          const tsr_dkg_round1_msg *m) {
    size_t k, t = m->commitment.t, need, plen;
    int ret = TSR_ERR_ARG;

    *outlen = 0;
    if (!tsr_dkg_suite_known(suite) || t < 1 || t > TSR_MAX_PARTIES) {
        goto fail;
    }
    plen = suite == TSR_SUITE_SECP256K1_TR ? 64 : 65;
    need = 2 + TSR_POINT_BYTES * t + plen;
    if (outcap < need) {
        goto fail;
    }
    tsr_dkg_put_be16(out, t);
    /*@ loop invariant bound: 0 <= k <= t;
      @ loop invariant ret: ret == TSR_ERR_ARG;
      @ loop assigns k, ret, out[2 .. 2 + TSR_POINT_BYTES * t - 1];
      @ loop variant t - k;
      @*/
    for (k = 0; k < t; k++) {
        if (m->commitment.c[k].infinity != 0) {
            goto fail;
        }
        if (tsr_point_encode(ctx, out + 2 + TSR_POINT_BYTES * k, &m->commitment.c[k]) != TSR_OK) {
            ret = TSR_ERR_INTERNAL;
            goto fail;
        }
    }
    if (tsr_dkg_pok_bytes(ctx, out + 2 + TSR_POINT_BYTES * t, suite, &m->pok_r, &m->pok_mu) != plen) {
        goto fail;
    }
    *outlen = need;
    return TSR_OK;
fail:
    tsr_dkg_zero_bytes(out, outcap);
    return ret;
}

int tsr_dkg_round1_decode(const tsr_context *ctx, tsr_dkg_round1_msg *m, uint8_t suite, uint32_t sender,
                          const uint8_t *in, size_t inlen, tsr_check *reason) {
    size_t k, count, plen, off;
    tsr_check check = TSR_CHECK_NONE;
    int ret = TSR_ERR_ARG;

    /* Public input: the checks branch freely and stop at the first failure, in this order. */
    tsr_dkg_r1_zero(m);
    if (!tsr_dkg_suite_known(suite)) {
        check = TSR_CHECK_SUITE;
        goto fail;
    }
    if (sender < 1 || sender > TSR_MAX_PARTIES) {
        check = TSR_CHECK_SENDER;
        goto fail;
    }
    ret = TSR_ERR_ENCODING;
    if (inlen < 2) {
        check = TSR_CHECK_LENGTH;
        goto fail;
    }
    count = (size_t)in[0] * 256u + (size_t)in[1];
    if (count < 1 || count > TSR_MAX_PARTIES) {
        check = TSR_CHECK_COUNT;
        goto fail;
    }
    plen = suite == TSR_SUITE_SECP256K1_TR ? 64 : 65;
    if (inlen != 2 + TSR_POINT_BYTES * count + plen) {
        check = TSR_CHECK_LENGTH;
        goto fail;
    }
    /*@ loop invariant bound: 0 <= k <= count;
      @ loop assigns k, ret, check, m->commitment.c[0 .. count - 1];
      @ loop variant count - k;
      @*/
    for (k = 0; k < count; k++) {
        /* Identity refused (flags 0): the point decoder's code and check are passed on. */
        ret = tsr_point_decode(ctx, &m->commitment.c[k], in + 2 + TSR_POINT_BYTES * k, TSR_POINT_BYTES, 0, &check);
        if (ret != TSR_OK) {
            goto fail;
        }
    }
    off = 2 + TSR_POINT_BYTES * count;
    if (plen == 64) {
        ret = tsr_point_decode_xonly(ctx, &m->pok_r, in + off, &check);
    } else {
        ret = tsr_point_decode(ctx, &m->pok_r, in + off, TSR_POINT_BYTES, 0, &check);
    }
    if (ret != TSR_OK) {
        goto fail;
    }
    if (tsr_scalar_decode(&m->pok_mu, in + off + plen - 32) != TSR_OK) {
        ret = TSR_ERR_ENCODING;
        check = TSR_CHECK_SCALAR_RANGE;
        goto fail;
    }
    m->commitment.t = count;
    m->sender = sender;
    tsr_set_reason(reason, TSR_CHECK_NONE);
    return TSR_OK;
fail:
    tsr_dkg_r1_zero(m);
    tsr_set_reason(reason, check);
    return ret;
}

int tsr_dkg_round2_bcast_encode(uint8_t out32[32], const tsr_dkg_round2_bcast *m) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 32;
      @ loop assigns i, out32[0 .. 31];
      @ loop variant 32 - i;
      @*/
    for (i = 0; i < 32; i++) {
        out32[i] = m->eq_hash[i];
    }
    return TSR_OK;
}

int tsr_dkg_round2_bcast_decode(tsr_dkg_round2_bcast *m, uint32_t sender, const uint8_t *in, size_t inlen,
                                tsr_check *reason) {
    size_t i;
    m->sender = 0;
    tsr_dkg_zero_bytes(m->eq_hash, 32);
    if (sender < 1 || sender > TSR_MAX_PARTIES) {
        tsr_set_reason(reason, TSR_CHECK_SENDER);
        return TSR_ERR_ARG;
    }
    if (inlen != 32) {
        tsr_set_reason(reason, TSR_CHECK_LENGTH);
        return TSR_ERR_ENCODING;
    }
    /*@ loop invariant bound: 0 <= i <= 32;
      @ loop assigns i, m->eq_hash[0 .. 31];
      @ loop variant 32 - i;
      @*/
    for (i = 0; i < 32; i++) {
        m->eq_hash[i] = in[i];
    }
    m->sender = sender;
    tsr_set_reason(reason, TSR_CHECK_NONE);
    return TSR_OK;
}

int tsr_dkg_round2_p2p_encode(uint8_t out[TSR_DKG_ROUND2_P2P_BYTES], const tsr_dkg_round2_p2p *m) {
    size_t i;
    tsr_dkg_put_be32(out, m->recipient);
    tsr_scalar_encode(out + 4, &m->share);
    /*@ loop invariant bound: 0 <= i <= 64;
      @ loop assigns i, out[36 .. 99];
      @ loop variant 64 - i;
      @*/
    for (i = 0; i < 64; i++) {
        out[36 + i] = m->sig[i];
    }
    return TSR_OK;
}

int tsr_dkg_round2_p2p_decode(tsr_dkg_round2_p2p *m, uint32_t sender, const uint8_t *in, size_t inlen,
                              tsr_check *reason) {
    tsr_check check = TSR_CHECK_NONE;
    uint32_t to;
    size_t i;
    int ret = TSR_ERR_ARG;

    m->sender = 0;
    m->recipient = 0;
    tsr_scalar_set_u32(&m->share, 0);
    tsr_dkg_zero_bytes(m->sig, 64);
    if (sender < 1 || sender > TSR_MAX_PARTIES) {
        check = TSR_CHECK_SENDER;
        goto fail;
    }
    ret = TSR_ERR_ENCODING;
    if (inlen != TSR_DKG_ROUND2_P2P_BYTES) {
        check = TSR_CHECK_LENGTH;
        goto fail;
    }
    to = tsr_dkg_get_be32(in);
    if (to == 0) {
        check = TSR_CHECK_ID_ZERO;
        goto fail;
    }
    if (to > TSR_MAX_PARTIES || to == sender) {
        check = TSR_CHECK_ID_UNKNOWN;
        goto fail;
    }
    /* Constant time in the share; only its validity bit becomes public. */
    if (tsr_scalar_decode(&m->share, in + 4) != TSR_OK) {
        check = TSR_CHECK_SCALAR_RANGE;
        goto fail;
    }
    /*@ loop invariant bound: 0 <= i <= 64;
      @ loop assigns i, m->sig[0 .. 63];
      @ loop variant 64 - i;
      @*/
    for (i = 0; i < 64; i++) {
        m->sig[i] = in[36 + i];
    }
    m->sender = sender;
    m->recipient = to;
    tsr_set_reason(reason, TSR_CHECK_NONE);
    return TSR_OK;
fail:
    tsr_scalar_clear(&m->share);
    tsr_set_reason(reason, check);
    return ret;
}

/* Empties a round-3 message (public data: a plain overwrite). */
/*@ requires valid_m: \valid(m);
  @ assigns *m;
  @ ensures empty: m->naccused == 0 && m->sender == 0;
  @*/
static void tsr_dkg_r3_zero(tsr_dkg_round3_msg *m) {
    size_t j;
    m->sender = 0;
    m->naccused = 0;
    /*@ loop invariant bound: 0 <= j <= TSR_MAX_PARTIES;
      @ loop assigns j, m->accused[0 .. TSR_MAX_PARTIES - 1], m->kind[0 .. TSR_MAX_PARTIES - 1],
      @   m->share[0 .. TSR_MAX_PARTIES - 1], m->sig[0 .. TSR_MAX_PARTIES - 1][0 .. 63];
      @ loop variant TSR_MAX_PARTIES - j;
      @*/
    for (j = 0; j < TSR_MAX_PARTIES; j++) {
        m->accused[j] = 0;
        m->kind[j] = 0;
        tsr_scalar_set_u32(&m->share[j], 0);
        tsr_dkg_zero_bytes(m->sig[j], 64);
    }
    tsr_dkg_zero_bytes(m->cert_sig, 64);
}

/* Empties a round-4 message. */
/*@ requires valid_m: \valid(m);
  @ assigns *m;
  @ ensures empty: m->nopen == 0 && m->sender == 0;
  @*/
static void tsr_dkg_r4_zero(tsr_dkg_round4_msg *m) {
    size_t j;
    m->sender = 0;
    m->nopen = 0;
    /*@ loop invariant bound: 0 <= j <= TSR_MAX_PARTIES;
      @ loop assigns j, m->accuser[0 .. TSR_MAX_PARTIES - 1], m->share[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant TSR_MAX_PARTIES - j;
      @*/
    for (j = 0; j < TSR_MAX_PARTIES; j++) {
        m->accuser[j] = 0;
        tsr_scalar_set_u32(&m->share[j], 0);
    }
}

/* Checks the id list of a round-3 or round-4 message: count <= limit, every id in 1..limit and
 * not the sender, strictly ascending (kinds, if given, known). Returns the failed check, or
 * TSR_CHECK_NONE. Public input. */
/*@ requires valid_ids: \valid_read(ids + (0 .. TSR_MAX_PARTIES - 1));
  @ requires valid_kind: kind == \null || \valid_read(kind + (0 .. TSR_MAX_PARTIES - 1));
  @ requires limit: limit <= TSR_MAX_PARTIES;
  @ assigns \nothing;
  @ ensures count: \result == TSR_CHECK_NONE ==> count <= limit;
  @*/
static tsr_check tsr_dkg_list_check(const uint32_t *ids, const uint8_t *kind, size_t count, uint32_t sender,
                                    size_t limit) {
    size_t e;
    if (count > limit) {
        return TSR_CHECK_COUNT;
    }
    /*@ loop invariant bound: 0 <= e <= count;
      @ loop assigns e;
      @ loop variant count - e;
      @*/
    for (e = 0; e < count; e++) {
        if (ids[e] == 0) {
            return TSR_CHECK_ID_ZERO;
        }
        if (ids[e] > limit || ids[e] == sender) {
            return TSR_CHECK_ID_UNKNOWN;
        }
        if (e > 0 && ids[e] <= ids[e - 1]) {
            return TSR_CHECK_ID_ORDER;
        }
        if (kind != NULL && kind[e] != TSR_DKG_COMPLAINT_BAD_SHARE && kind[e] != TSR_DKG_COMPLAINT_NO_SHARE) {
            return TSR_CHECK_TYPE;
        }
    }
    return TSR_CHECK_NONE;
}

int tsr_dkg_round3_encode(uint8_t *out, size_t outcap, size_t *outlen, const tsr_dkg_round3_msg *m) {
    size_t e, k = m->naccused, need = 2, pos, i;

    *outlen = 0;
    if (tsr_dkg_list_check(m->accused, m->kind, k, m->sender, TSR_MAX_PARTIES) != TSR_CHECK_NONE) {
        goto fail;
    }
    /*@ loop invariant bound: 0 <= e <= k;
      @ loop invariant need: 2 <= need <= 2 + e * (TSR_DKG_ENTRY_HEAD + TSR_DKG_EVIDENCE);
      @ loop assigns e, need;
      @ loop variant k - e;
      @*/
    for (e = 0; e < k; e++) {
        need += TSR_DKG_ENTRY_HEAD + (m->kind[e] == TSR_DKG_COMPLAINT_BAD_SHARE ? TSR_DKG_EVIDENCE : 0u);
    }
    need += k == 0 ? 64u : 0u;
    if (outcap < need) {
        goto fail;
    }
    tsr_dkg_put_be16(out, k);
    pos = 2;
    /*@ loop invariant bound: 0 <= e <= k;
      @ loop invariant pos: 2 <= pos <= need;
      @ loop assigns e, i, pos, out[2 .. need - 1];
      @ loop variant k - e;
      @*/
    for (e = 0; e < k; e++) {
        if (need - pos < TSR_DKG_ENTRY_HEAD) {
            goto fail; /* cannot happen: need counts every entry */
        }
        tsr_dkg_put_be32(out + pos, m->accused[e]);
        out[pos + 4] = m->kind[e];
        pos += TSR_DKG_ENTRY_HEAD;
        if (m->kind[e] == TSR_DKG_COMPLAINT_BAD_SHARE) {
            if (need - pos < TSR_DKG_EVIDENCE) {
                goto fail;
            }
            tsr_scalar_encode(out + pos, &m->share[e]);
            /*@ loop invariant bound: 0 <= i <= 64;
              @ loop assigns i, out[pos + 32 .. pos + 95];
              @ loop variant 64 - i;
              @*/
            for (i = 0; i < 64; i++) {
                out[pos + 32 + i] = m->sig[e][i];
            }
            pos += TSR_DKG_EVIDENCE;
        }
    }
    if (k == 0) {
        if (need - pos < 64) {
            goto fail;
        }
        /*@ loop invariant bound: 0 <= i <= 64;
          @ loop assigns i, out[pos .. pos + 63];
          @ loop variant 64 - i;
          @*/
        for (i = 0; i < 64; i++) {
            out[pos + i] = m->cert_sig[i];
        }
    }
    *outlen = need;
    return TSR_OK;
fail:
    tsr_dkg_zero_bytes(out, outcap);
    return TSR_ERR_ARG;
}

int tsr_dkg_round3_decode(tsr_dkg_round3_msg *m, uint32_t sender, const uint8_t *in, size_t inlen, tsr_check *reason) {
    tsr_check check = TSR_CHECK_NONE;
    size_t k, e, pos = 2;
    uint32_t id;
    uint8_t kind;
    int ret = TSR_ERR_ARG;

    /* Public input: the checks branch freely and stop at the first failure, in this order. */
    tsr_dkg_r3_zero(m);
    if (sender < 1 || sender > TSR_MAX_PARTIES) {
        check = TSR_CHECK_SENDER;
        goto fail;
    }
    ret = TSR_ERR_ENCODING;
    if (inlen < 2) {
        check = TSR_CHECK_TRUNCATED;
        goto fail;
    }
    k = (size_t)in[0] * 256u + (size_t)in[1];
    if (k > TSR_MAX_PARTIES) {
        check = TSR_CHECK_COUNT;
        goto fail;
    }
    /*@ loop invariant bound: 0 <= e <= k;
      @ loop invariant pos: 2 <= pos <= inlen;
      @ loop assigns e, pos, id, kind, check, *m;
      @ loop variant k - e;
      @*/
    for (e = 0; e < k; e++) {
        if (inlen - pos < TSR_DKG_ENTRY_HEAD) {
            check = TSR_CHECK_TRUNCATED;
            goto fail;
        }
        id = tsr_dkg_get_be32(in + pos);
        kind = in[pos + 4];
        if (id == 0) {
            check = TSR_CHECK_ID_ZERO;
            goto fail;
        }
        if (id > TSR_MAX_PARTIES || id == sender) {
            check = TSR_CHECK_ID_UNKNOWN;
            goto fail;
        }
        if (e > 0 && id <= m->accused[e - 1]) {
            check = TSR_CHECK_ID_ORDER;
            goto fail;
        }
        if (kind != TSR_DKG_COMPLAINT_BAD_SHARE && kind != TSR_DKG_COMPLAINT_NO_SHARE) {
            check = TSR_CHECK_TYPE;
            goto fail;
        }
        m->accused[e] = id;
        m->kind[e] = kind;
        pos += TSR_DKG_ENTRY_HEAD;
        if (kind == TSR_DKG_COMPLAINT_BAD_SHARE) {
            if (inlen - pos < TSR_DKG_EVIDENCE) {
                check = TSR_CHECK_TRUNCATED;
                goto fail;
            }
            /* The evidence share is public (shown on purpose). */
            if (tsr_scalar_decode(&m->share[e], in + pos) != TSR_OK) {
                check = TSR_CHECK_SCALAR_RANGE;
                goto fail;
            }
            tsr_dkg_copy(m->sig[e], in + pos + 32, 64);
            pos += TSR_DKG_EVIDENCE;
        }
    }
    if (k == 0) {
        if (inlen - pos < 64) {
            check = TSR_CHECK_TRUNCATED;
            goto fail;
        }
        tsr_dkg_copy(m->cert_sig, in + pos, 64);
        pos += 64;
    }
    if (pos != inlen) {
        check = TSR_CHECK_TRAILING;
        goto fail;
    }
    m->naccused = k;
    m->sender = sender;
    tsr_set_reason(reason, TSR_CHECK_NONE);
    return TSR_OK;
fail:
    tsr_dkg_r3_zero(m);
    tsr_set_reason(reason, check);
    return ret;
}

int tsr_dkg_round4_encode(uint8_t *out, size_t outcap, size_t *outlen, const tsr_dkg_round4_msg *m) {
    size_t e, k = m->nopen, need;

    *outlen = 0;
    if (tsr_dkg_list_check(m->accuser, NULL, k, m->sender, TSR_MAX_PARTIES) != TSR_CHECK_NONE) {
        goto fail;
    }
    need = 2 + 36 * k;
    if (outcap < need) {
        goto fail;
    }
    tsr_dkg_put_be16(out, k);
    /*@ loop invariant bound: 0 <= e <= k;
      @ loop assigns e, out[2 .. need - 1];
      @ loop variant k - e;
      @*/
    for (e = 0; e < k; e++) {
        tsr_dkg_put_be32(out + 2 + 36 * e, m->accuser[e]);
        tsr_scalar_encode(out + 6 + 36 * e, &m->share[e]);
    }
    *outlen = need;
    return TSR_OK;
fail:
    tsr_dkg_zero_bytes(out, outcap);
    return TSR_ERR_ARG;
}

int tsr_dkg_round4_decode(tsr_dkg_round4_msg *m, uint32_t sender, const uint8_t *in, size_t inlen, tsr_check *reason) {
    tsr_check check = TSR_CHECK_NONE;
    size_t k, e;
    uint32_t id;
    int ret = TSR_ERR_ARG;

    /* Public input: the checks branch freely and stop at the first failure, in this order. */
    tsr_dkg_r4_zero(m);
    if (sender < 1 || sender > TSR_MAX_PARTIES) {
        check = TSR_CHECK_SENDER;
        goto fail;
    }
    ret = TSR_ERR_ENCODING;
    if (inlen < 2) {
        check = TSR_CHECK_LENGTH;
        goto fail;
    }
    k = (size_t)in[0] * 256u + (size_t)in[1];
    if (k > TSR_MAX_PARTIES) {
        check = TSR_CHECK_COUNT;
        goto fail;
    }
    if (inlen != 2 + 36 * k) {
        check = TSR_CHECK_LENGTH;
        goto fail;
    }
    /*@ loop invariant bound: 0 <= e <= k;
      @ loop assigns e, id, check, m->accuser[0 .. k - 1], m->share[0 .. k - 1];
      @ loop variant k - e;
      @*/
    for (e = 0; e < k; e++) {
        id = tsr_dkg_get_be32(in + 2 + 36 * e);
        if (id == 0) {
            check = TSR_CHECK_ID_ZERO;
            goto fail;
        }
        if (id > TSR_MAX_PARTIES || id == sender) {
            check = TSR_CHECK_ID_UNKNOWN;
            goto fail;
        }
        if (e > 0 && id <= m->accuser[e - 1]) {
            check = TSR_CHECK_ID_ORDER;
            goto fail;
        }
        m->accuser[e] = id;
        /* An opening is public (shown on purpose). */
        if (tsr_scalar_decode(&m->share[e], in + 6 + 36 * e) != TSR_OK) {
            check = TSR_CHECK_SCALAR_RANGE;
            goto fail;
        }
    }
    m->nopen = k;
    m->sender = sender;
    tsr_set_reason(reason, TSR_CHECK_NONE);
    return TSR_OK;
fail:
    tsr_dkg_r4_zero(m);
    tsr_set_reason(reason, check);
    return ret;
}

/* ---- state: clear, init, round 1 (spec/dkg.md §Round 1) ----------------------------------- */

void tsr_dkg_state_clear(tsr_dkg_state *st) {
    size_t j, k;
    tsr_dkg_wipe(st);
    st->magic = 0;
    st->phase = 0;
    st->suite = 0;
    st->id = 0;
    st->t = 0;
    st->n = 0;
    st->any_complaint = 0;
    st->blame_none_check = 0;
    st->blame_none_round = 0;
    tsr_dkg_zero_bytes(st->session, 32);
    /* Public bookkeeping, reset so that a reused state starts from nothing. */
    /*@ loop invariant bound: 0 <= j <= TSR_MAX_PARTIES;
      @ loop assigns j, st->comm[0 .. TSR_MAX_PARTIES - 1].t, st->accused_by_me[0 .. TSR_MAX_PARTIES - 1],
      @   st->accusing_me[0 .. TSR_MAX_PARTIES - 1], st->blame_check[0 .. TSR_MAX_PARTIES - 1],
      @   st->blame_round[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant TSR_MAX_PARTIES - j;
      @*/
    for (j = 0; j < TSR_MAX_PARTIES; j++) {
        st->comm[j].t = 0;
        st->accused_by_me[j] = 0;
        st->accusing_me[j] = 0;
        st->blame_check[j] = 0;
        st->blame_round[j] = 0;
    }
    /*@ loop invariant bound: 0 <= j <= TSR_MAX_PARTIES;
      @ loop assigns j, k, st->complaints[0 .. TSR_MAX_PARTIES - 1][0 .. TSR_MAX_PARTIES - 1];
      @ loop variant TSR_MAX_PARTIES - j;
      @*/
    for (j = 0; j < TSR_MAX_PARTIES; j++) {
        /*@ loop invariant bound: 0 <= k <= TSR_MAX_PARTIES;
          @ loop assigns k, st->complaints[j][0 .. TSR_MAX_PARTIES - 1];
          @ loop variant TSR_MAX_PARTIES - k;
          @*/
        for (k = 0; k < TSR_MAX_PARTIES; k++) {
            st->complaints[j][k] = 0;
        }
    }
    /*@ loop invariant bound: 0 <= j <= TSR_MAX_PARTIES;
      @ loop assigns j, k, st->pub.cert[0 .. TSR_MAX_PARTIES - 1][0 .. 63];
      @ loop variant TSR_MAX_PARTIES - j;
      @*/
    for (j = 0; j < TSR_MAX_PARTIES; j++) {
        /*@ loop invariant bound: 0 <= k <= 64;
          @ loop assigns k, st->pub.cert[j][0 .. 63];
          @ loop variant 64 - k;
          @*/
        for (k = 0; k < 64; k++) {
            st->pub.cert[j][k] = 0;
        }
    }
    /*@ loop invariant bound: 0 <= j <= TSR_MAX_PARTIES;
      @ loop assigns j, st->pub.vshares[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant TSR_MAX_PARTIES - j;
      @*/
    for (j = 0; j < TSR_MAX_PARTIES; j++) {
        tsr_point_set_identity(&st->pub.vshares[j]);
    }
    st->pub.suite = 0;
    st->pub.t = 0;
    st->pub.n = 0;
    tsr_dkg_zero_bytes(st->pub.session, 32);
    tsr_dkg_zero_bytes(st->pub.eq_hash, 32);
    tsr_point_set_identity(&st->pub.group_key);
}

int tsr_dkg_init(const tsr_context *ctx, tsr_dkg_state *st, uint8_t suite, const uint8_t session32[32],
                 uint32_t id, size_t t, size_t n, const tsr_poly *f, const uint8_t *rand, size_t randlen) {
    const uint8_t tag[9] = {'d', 'k', 'g', '-', 'n', 'o', 'n', 'c', 'e'};
    uint8_t dst[TSR_DKG_DST_MAX];
    uint8_t msg[TSR_DKG_NONCE_MSG];
    tsr_scalar k;
    const uint8_t *seed;
    size_t i, j, dstlen;
    uint32_t bad_mask = 0, acc = 0;
    int ret = TSR_ERR_ARG;

    tsr_scalar_set_u32(&k, 0);
    tsr_dkg_zero_bytes(msg, sizeof msg);
    tsr_dkg_state_clear(st);
    if (!tsr_dkg_suite_known(suite) || t < 1 || t > n || n > TSR_MAX_PARTIES || id < 1 || id > n ||
        session32 == NULL || rand == NULL) {
        goto out;
    }
    if (f != NULL ? (randlen != 64 || f->t != t) : randlen != 64 * t + 64) {
        goto out;
    }
    /* Coefficients: the caller's, or a_j = rand[64j .. 64j+64) mod n. Constant time; a zero
     * coefficient is folded into bad_mask. */
    /*@ loop invariant bound: 0 <= j <= t;
      @ loop assigns j, bad_mask, st->f.a[0 .. t - 1];
      @ loop variant t - j;
      @*/
    for (j = 0; j < t; j++) {
        if (f != NULL) {
            st->f.a[j] = f->a[j];
        } else {
            (void)tsr_scalar_reduce_be(&st->f.a[j], rand + 64 * j, 64);
        }
        bad_mask |= tsr_scalar_is_zero_mask(&st->f.a[j]);
    }
    st->f.t = t;
    seed = rand + (randlen - 64);
    /*@ loop invariant bound: 0 <= i <= 32;
      @ loop assigns i, acc;
      @ loop variant 32 - i;
      @*/
    for (i = 0; i < 32; i++) {
        acc |= seed[i];
    }
    bad_mask |= tsr_ct_zero_mask32(acc);
    /* The PoK nonce k = H(seed || a0 || u32be(id) || session) with DST context || "dkg-nonce"
     * (spec/dkg.md §Randomness): a fresh k per session even if the caller reuses its seed. */
    dstlen = tsr_dkg_dst(dst, suite, tag, sizeof tag);
    /*@ loop invariant bound: 0 <= i <= 32;
      @ loop assigns i, msg[0 .. 31], msg[68 .. 99];
      @ loop variant 32 - i;
      @*/
    for (i = 0; i < 32; i++) {
        msg[i] = seed[i];
        msg[68 + i] = session32[i];
    }
    tsr_scalar_encode(msg + 32, &st->f.a[0]);
    tsr_dkg_put_be32(msg + 64, id);
    if (tsr_hash_to_field(&k, 1, msg, sizeof msg, dst, dstlen) != TSR_OK) {
        ret = TSR_ERR_INTERNAL;
        goto out;
    }
    bad_mask |= tsr_scalar_is_zero_mask(&k);
    /* Public: only whether the caller's randomness or polynomial is degenerate (a zero
     * coefficient, an all-zero seed, a zero nonce), which the error code reveals anyway. */
    TSR_DECLASSIFY(&bad_mask, sizeof bad_mask);
    if (bad_mask != 0) {
        goto out;
    }
    st->pok_k = k;
    /*@ loop invariant bound: 0 <= i <= 32;
      @ loop assigns i, st->cert_aux[0 .. 31], st->session[0 .. 31], st->pub.session[0 .. 31];
      @ loop variant 32 - i;
      @*/
    for (i = 0; i < 32; i++) {
        st->cert_aux[i] = rand[randlen - 32 + i];
        st->session[i] = session32[i];
        st->pub.session[i] = session32[i];
    }
    st->suite = suite;
    st->id = id;
    st->t = t;
    st->n = n;
    st->pub.suite = suite;
    st->pub.t = t;
    st->pub.n = n;
    st->magic = TSR_DKG_MAGIC;
    st->phase = TSR_DKG_PHASE_ROUND1;
    ret = TSR_OK;
out:
    if (ret != TSR_OK) {
        tsr_dkg_state_clear(st);
    }
    tsr_ct_wipe8(msg, sizeof msg);
    tsr_scalar_clear(&k);
    (void)ctx;
    return ret;
}

int tsr_dkg_round1(const tsr_context *ctx, tsr_dkg_state *st, tsr_dkg_round1_msg *out) {
    size_t me;
    int ret = TSR_ERR_INTERNAL;

    if (st == NULL || out == NULL) {
        return TSR_ERR_ARG;
    }
    if (!tsr_dkg_in_phase(st, TSR_DKG_PHASE_ROUND1)) {
        return TSR_ERR_STATE;
    }
    tsr_dkg_r1_zero(out);
    me = st->id - 1;
    if (tsr_feldman_commit(ctx, &st->comm[me], &st->f) != TSR_OK) {
        goto out;
    }
    /* The Feldman commitment is this party's public broadcast. */
    TSR_DECLASSIFY(&st->comm[me], sizeof st->comm[me]);
    if (tsr_dkg_pok_prove(ctx, &out->pok_r, &out->pok_mu, st->suite, st->session, st->id, &st->f.a[0],
                          &st->comm[me].c[0], &st->pok_k) != TSR_OK) {
        goto out;
    }
    out->commitment = st->comm[me];
    out->sender = st->id;
    ret = TSR_OK;
out:
    /* The PoK nonce is used once, success or failure. */
    tsr_scalar_clear(&st->pok_k);
    if (ret != TSR_OK) {
        tsr_dkg_fail(st);
        tsr_dkg_r1_zero(out);
    } else {
        st->phase = TSR_DKG_PHASE_ROUND2;
    }
    return ret;
}

/* ---- round 2: check round 1, eq hash, signed shares (spec/dkg.md §Round 2) ----------------- */

/* Empties n round-2 p2p messages (they may hold shares: wiped). */
/*@ requires valid_p2p: \valid(p2p + (0 .. n - 1));
  @ assigns p2p[0 .. n - 1];
  @*/
static void tsr_dkg_p2p_wipe(tsr_dkg_round2_p2p *p2p, size_t n) {
    size_t j;
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j, p2p[0 .. n - 1];
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        p2p[j].sender = 0;
        p2p[j].recipient = 0;
        tsr_scalar_clear(&p2p[j].share);
        tsr_dkg_zero_bytes(p2p[j].sig, 64);
    }
}

/* Starts a round's verdict tables: no verdict for any party, no record without a culprit. */
/*@ requires valid_st: \valid(st);
  @ assigns st->blame_check[0 .. TSR_MAX_PARTIES - 1], st->blame_round[0 .. TSR_MAX_PARTIES - 1],
  @   st->blame_none_check, st->blame_none_round;
  @*/
static void tsr_dkg_verdicts_reset(tsr_dkg_state *st) {
    size_t j;
    /*@ loop invariant bound: 0 <= j <= TSR_MAX_PARTIES;
      @ loop assigns j, st->blame_check[0 .. TSR_MAX_PARTIES - 1], st->blame_round[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant TSR_MAX_PARTIES - j;
      @*/
    for (j = 0; j < TSR_MAX_PARTIES; j++) {
        st->blame_check[j] = 0;
        st->blame_round[j] = 0;
    }
    st->blame_none_check = 0;
    st->blame_none_round = 0;
}

/* Returns: 1 if some verdict (with or without a culprit) is recorded among parties 1..n. */
/*@ requires valid_st: \valid_read(st);
  @ requires n: n <= TSR_MAX_PARTIES;
  @ assigns \nothing;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
static int tsr_dkg_any_verdict(const tsr_dkg_state *st, size_t n) {
    size_t j;
    if (st->blame_none_check != 0) {
        return 1;
    }
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j;
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        if (st->blame_check[j] != 0) {
            return 1;
        }
    }
    return 0;
}

/* Indexes the messages of one broadcast round by sender: idx[j] = position of party j+1's message
 * in the input, or TSR_DKG_NOIDX. The input is r1, r2, r3 or r4 (exactly one not NULL when nin
 * > 0). A sender outside 1..n gives the record without a culprit (TSR_CHECK_SENDER); a second
 * message from one sender blames it (TSR_CHECK_ID_DUPLICATE); with want_all, an absent one is
 * blamed too (TSR_CHECK_MISSING). */
/*@ requires valid_st: \valid(st);
  @ requires valid_idx: \valid(idx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires valid_r1: r1 == \null || \valid_read(r1 + (0 .. nin - 1));
  @ requires valid_r2: r2 == \null || \valid_read(r2 + (0 .. nin - 1));
  @ requires valid_r3: r3 == \null || \valid_read(r3 + (0 .. nin - 1));
  @ requires valid_r4: r4 == \null || \valid_read(r4 + (0 .. nin - 1));
  @ requires one: nin == 0 || r1 != \null || r2 != \null || r3 != \null || r4 != \null;
  @ requires n: 1 <= n <= TSR_MAX_PARTIES;
  @ requires sep: \separated(st, idx + (0 .. TSR_MAX_PARTIES - 1));
  @ assigns idx[0 .. TSR_MAX_PARTIES - 1], st->blame_check[0 .. TSR_MAX_PARTIES - 1],
  @   st->blame_round[0 .. TSR_MAX_PARTIES - 1], st->blame_none_check, st->blame_none_round;
  @ ensures idx_range: \forall integer j; 0 <= j < n ==> idx[j] == TSR_DKG_NOIDX || idx[j] < nin;
  @*/
static void tsr_dkg_index(tsr_dkg_state *st, size_t *idx, const tsr_dkg_round1_msg *r1,
                          const tsr_dkg_round2_bcast *r2, const tsr_dkg_round3_msg *r3,
                          const tsr_dkg_round4_msg *r4, size_t nin, size_t n, uint16_t round, int want_all) {
    size_t j, e;
    uint32_t s;
    /*@ loop invariant bound: 0 <= j <= TSR_MAX_PARTIES;
      @ loop invariant none: \forall integer i; 0 <= i < j ==> idx[i] == TSR_DKG_NOIDX;
      @ loop assigns j, idx[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant TSR_MAX_PARTIES - j;
      @*/
    for (j = 0; j < TSR_MAX_PARTIES; j++) {
        idx[j] = TSR_DKG_NOIDX;
    }
    /*@ loop invariant bound: 0 <= e <= nin;
      @ loop invariant idx_range: \forall integer i; 0 <= i < n ==> idx[i] == TSR_DKG_NOIDX || idx[i] < e;
      @ loop assigns e, s, idx[0 .. n - 1], st->blame_check[0 .. TSR_MAX_PARTIES - 1],
      @   st->blame_round[0 .. TSR_MAX_PARTIES - 1], st->blame_none_check, st->blame_none_round;
      @ loop variant nin - e;
      @*/
    for (e = 0; e < nin; e++) {
        s = r1 != NULL ? r1[e].sender : r2 != NULL ? r2[e].sender : r3 != NULL ? r3[e].sender : r4[e].sender;
        if (s < 1 || s > n) {
            tsr_dkg_mark(&st->blame_none_check, &st->blame_none_round, TSR_CHECK_SENDER, round);
        } else if (idx[s - 1] == TSR_DKG_NOIDX) {
            idx[s - 1] = e;
        } else {
            tsr_dkg_mark(&st->blame_check[s - 1], &st->blame_round[s - 1], TSR_CHECK_ID_DUPLICATE, round);
        }
    }
    if (want_all) {
        /*@ loop invariant bound: 0 <= j <= n;
          @ loop assigns j, st->blame_check[0 .. TSR_MAX_PARTIES - 1], st->blame_round[0 .. TSR_MAX_PARTIES - 1];
          @ loop variant n - j;
          @*/
        for (j = 0; j < n; j++) {
            if (idx[j] == TSR_DKG_NOIDX) {
                tsr_dkg_mark(&st->blame_check[j], &st->blame_round[j], TSR_CHECK_MISSING, round);
            }
        }
    }
}

/* The round-1 checks of one message m from party j+1 (after the index checks): commitment count,
 * identity points, then the PoK (own message: unchanged). Records the verdict; returns TSR_OK
 * (checked, whatever the verdict) or TSR_ERR_INTERNAL. *passed = 1 if every check passed. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_st: \valid(st);
  @ requires valid_m: \valid_read(m);
  @ requires valid_passed: \valid(passed);
  @ requires j: j < st->n && st->n <= TSR_MAX_PARTIES && 1 <= st->id <= st->n;
  @ requires sep: \separated(st, m, passed);
  @ assigns st->blame_check[j], st->blame_round[j], st->blame_none_check, st->blame_none_round, *passed;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_dkg_check_r1(const tsr_context *ctx, tsr_dkg_state *st, const tsr_dkg_round1_msg *m, size_t j,
                            int *passed) {
    size_t k, t = st->t, me = st->id - 1;
    int rc, same = 1;

    *passed = 0;
    if (m->commitment.t != t || t < 1 || t > TSR_MAX_PARTIES) {
        tsr_dkg_mark(&st->blame_check[j], &st->blame_round[j], TSR_CHECK_COMMITMENT_COUNT, 1);
        return TSR_OK;
    }
    /*@ loop invariant bound: 0 <= k <= t;
      @ loop assigns k;
      @ loop variant t - k;
      @*/
    for (k = 0; k < t; k++) {
        if (m->commitment.c[k].infinity != 0) {
            break;
        }
    }
    if (k < t || m->pok_r.infinity != 0) {
        tsr_dkg_mark(&st->blame_check[j], &st->blame_round[j], TSR_CHECK_POINT_IDENTITY, 1);
        return TSR_OK;
    }
    if (j == me) {
        /* Its own message: never blame itself. Unchanged commitment and a valid proof, else the
         * message was altered on the way (no culprit can be named). */
        if (st->comm[me].t != t) {
            same = 0;
        }
        /*@ loop invariant bound: 0 <= k <= t;
          @ loop assigns k, same;
          @ loop variant t - k;
          @*/
        for (k = 0; k < t && same; k++) {
            same = tsr_point_eq(ctx, &m->commitment.c[k], &st->comm[me].c[k]);
        }
    }
    rc = tsr_dkg_pok_verify(ctx, st->suite, st->session, (uint32_t)(j + 1), &m->commitment.c[0], &m->pok_r,
                            &m->pok_mu);
    if (rc == TSR_ERR_INTERNAL) {
        return TSR_ERR_INTERNAL;
    }
    if (j == me && (!same || rc != TSR_OK)) {
        tsr_dkg_mark(&st->blame_none_check, &st->blame_none_round, TSR_CHECK_OWN_COMMITMENT, 1);
        return TSR_OK;
    }
    if (rc != TSR_OK) {
        tsr_dkg_mark(&st->blame_check[j], &st->blame_round[j], TSR_CHECK_POK, 1);
        return TSR_OK;
    }
    *passed = 1;
    return TSR_OK;
}

/* The round-1 checks of every sender (spec/dkg.md §5.1): index, per-message checks, duplicate
 * constant terms. Fills the verdict tables and idx, passed, c0enc. Returns TSR_OK (checked,
 * whatever the verdicts) or TSR_ERR_INTERNAL. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_st: \valid(st);
  @ requires sizes: 1 <= st->t <= st->n <= TSR_MAX_PARTIES && 1 <= st->id <= st->n;
  @ requires valid_idx: \valid(idx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires valid_passed: \valid(passed + (0 .. TSR_MAX_PARTIES - 1));
  @ requires valid_c0enc: \valid(c0enc + (0 .. TSR_POINT_BYTES * TSR_MAX_PARTIES - 1));
  @ requires valid_in: nin == 0 || \valid_read(in + (0 .. nin - 1));
  @ requires sep: \separated(st, idx + (0 .. TSR_MAX_PARTIES - 1), passed + (0 .. TSR_MAX_PARTIES - 1),
  @   c0enc + (0 .. TSR_POINT_BYTES * TSR_MAX_PARTIES - 1));
  @ requires sep2: \separated(idx + (0 .. TSR_MAX_PARTIES - 1), passed + (0 .. TSR_MAX_PARTIES - 1),
  @   c0enc + (0 .. TSR_POINT_BYTES * TSR_MAX_PARTIES - 1));
  @ requires sep3: \separated(passed + (0 .. TSR_MAX_PARTIES - 1), c0enc + (0 .. TSR_POINT_BYTES * TSR_MAX_PARTIES - 1));
  @ requires sep_in: nin == 0 || \separated(in + (0 .. nin - 1), st, idx + (0 .. TSR_MAX_PARTIES - 1),
  @   passed + (0 .. TSR_MAX_PARTIES - 1), c0enc + (0 .. TSR_POINT_BYTES * TSR_MAX_PARTIES - 1));
  @ assigns idx[0 .. TSR_MAX_PARTIES - 1], passed[0 .. TSR_MAX_PARTIES - 1],
  @   c0enc[0 .. TSR_POINT_BYTES * TSR_MAX_PARTIES - 1],
  @   st->blame_check[0 .. TSR_MAX_PARTIES - 1], st->blame_round[0 .. TSR_MAX_PARTIES - 1],
  @   st->blame_none_check, st->blame_none_round;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_dkg_r2_check(const tsr_context *ctx, tsr_dkg_state *st, size_t *idx, int *passed, uint8_t *c0enc,
                            const tsr_dkg_round1_msg *in, size_t nin) {
    size_t j, l, n = st->n;

    tsr_dkg_index(st, idx, nin > 0 ? in : NULL, NULL, NULL, NULL, nin, n, 1, 1);
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j, passed[0 .. n - 1], c0enc[0 .. TSR_POINT_BYTES * n - 1],
      @   st->blame_check[0 .. TSR_MAX_PARTIES - 1], st->blame_round[0 .. TSR_MAX_PARTIES - 1],
      @   st->blame_none_check, st->blame_none_round;
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        passed[j] = 0;
        if (st->blame_check[j] != 0 || idx[j] >= nin) {
            continue;
        }
        if (tsr_dkg_check_r1(ctx, st, &in[idx[j]], j, &passed[j]) != TSR_OK) {
            return TSR_ERR_INTERNAL;
        }
        if (passed[j] && tsr_point_encode(ctx, c0enc + TSR_POINT_BYTES * j, &in[idx[j]].commitment.c[0]) != TSR_OK) {
            return TSR_ERR_INTERNAL;
        }
    }
    /* A constant term equal to another sender's (a copied contribution whose proof still
     * verifies: only a party knowing that a_0 can make it) names both. */
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j, l, st->blame_check[0 .. TSR_MAX_PARTIES - 1], st->blame_round[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        /*@ loop invariant bound: j + 1 <= l <= n;
          @ loop assigns l, st->blame_check[0 .. TSR_MAX_PARTIES - 1], st->blame_round[0 .. TSR_MAX_PARTIES - 1];
          @ loop variant n - l;
          @*/
        for (l = j + 1; l < n; l++) {
            if (passed[j] && passed[l] &&
                tsr_ct_memeq_mask(c0enc + TSR_POINT_BYTES * j, c0enc + TSR_POINT_BYTES * l, TSR_POINT_BYTES) != 0) {
                tsr_dkg_mark(&st->blame_check[j], &st->blame_round[j], TSR_CHECK_DUPLICATE_CONTRIBUTION, 1);
                tsr_dkg_mark(&st->blame_check[l], &st->blame_round[l], TSR_CHECK_DUPLICATE_CONTRIBUTION, 1);
            }
        }
    }
    return TSR_OK;
}

/* Deals the shares (spec/dkg.md §5.3): p2p[j] = {i, j+1, f_i(j+1), BIP340 signature by a_{i,0} on
 * the share message}, j = 0..n-1; keeps f_i(i) in st->recv. Returns TSR_OK or TSR_ERR_INTERNAL.
 * Secret: the polynomial, the shares, the key pair (wiped here). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_st: \valid(st);
  @ requires sizes: 1 <= st->t <= st->n <= TSR_MAX_PARTIES && 1 <= st->id <= st->n;
  @ requires valid_p2p: \valid(p2p + (0 .. st->n - 1));
  @ requires sep: \separated(st, p2p + (0 .. st->n - 1));
  @ assigns p2p[0 .. st->n - 1], st->recv[st->id - 1];
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_dkg_r2_deal(const tsr_context *ctx, tsr_dkg_state *st, tsr_dkg_round2_p2p *p2p) {
    secp256k1_keypair kp;
    uint8_t a0b[32], msg[32];
    tsr_scalar share, x;
    size_t j, n = st->n, me = st->id - 1;
    int ok, ret = TSR_ERR_INTERNAL;

    tsr_scalar_set_u32(&share, 0);
    tsr_dkg_zero_bytes(msg, sizeof msg);
    tsr_dkg_zero_bytes(kp.data, sizeof kp.data);
    tsr_scalar_encode(a0b, &st->f.a[0]);
    ok = secp256k1_keypair_create(ctx->secp, &kp, a0b);
    /* ok is 1 for every a_0 in [1, n-1], which init guarantees: a 0 would be a library fault. */
    TSR_DECLASSIFY(&ok, sizeof ok);
    if (!ok) {
        goto out;
    }
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j, ok, x, share, msg[0 .. 31], p2p[0 .. n - 1], st->recv[me];
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        tsr_scalar_set_u32(&x, (uint32_t)(j + 1));
        tsr_poly_eval(&share, &st->f, &x);
        tsr_dkg_share_message(msg, st->suite, st->session, st->id, (uint32_t)(j + 1), &share);
        ok = secp256k1_schnorrsig_sign32(ctx->secp, p2p[j].sig, msg, &kp, st->cert_aux);
        /* Signing cannot fail with a valid key pair; the signature is public evidence. */
        TSR_DECLASSIFY(&ok, sizeof ok);
        TSR_DECLASSIFY(p2p[j].sig, 64);
        if (!ok) {
            goto out;
        }
        p2p[j].sender = st->id;
        p2p[j].recipient = (uint32_t)(j + 1);
        p2p[j].share = share;
        if (j == me) {
            st->recv[me] = share;
        }
    }
    ret = TSR_OK;
out:
    tsr_ct_wipe8(kp.data, sizeof kp.data);
    tsr_ct_wipe8(a0b, sizeof a0b);
    tsr_ct_wipe8(msg, sizeof msg);
    tsr_scalar_clear(&share);
    return ret;
}

int tsr_dkg_round2(const tsr_context *ctx, tsr_dkg_state *st, tsr_dkg_round2_bcast *bcast,
                   tsr_dkg_round2_p2p *p2p, tsr_blame *blames, size_t cap, size_t *nblames,
                   const tsr_dkg_round1_msg *in, size_t nin) {
    size_t idx[TSR_MAX_PARTIES];
    uint8_t c0enc[TSR_POINT_BYTES * TSR_MAX_PARTIES];
    int passed[TSR_MAX_PARTIES];
    size_t j, k, n, t, me, nb = 0;
    int ret = TSR_ERR_INTERNAL;

    if (st == NULL) {
        return TSR_ERR_ARG;
    }
    if (!tsr_dkg_in_phase(st, TSR_DKG_PHASE_ROUND2)) {
        return TSR_ERR_STATE;
    }
    if (bcast == NULL || p2p == NULL || (in == NULL && nin > 0) || (blames == NULL && cap > 0)) {
        return TSR_ERR_ARG;
    }
    n = st->n;
    t = st->t;
    me = st->id - 1;
    bcast->sender = 0;
    tsr_dkg_zero_bytes(bcast->eq_hash, 32);
    tsr_dkg_p2p_wipe(p2p, n);
    tsr_dkg_verdicts_reset(st);
    if (tsr_dkg_r2_check(ctx, st, idx, passed, c0enc, in, nin) != TSR_OK) {
        goto out;
    }
    if (tsr_dkg_any_verdict(st, n)) {
        nb = tsr_dkg_emit(blames, cap, st->blame_check, st->blame_round, n, st->blame_none_check,
                          st->blame_none_round);
        ret = TSR_ERR_VERIFY;
        goto out;
    }
    /* Every message passed: keep the commitments, hash the transcript (CertEq). */
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j, k, st->comm[0 .. n - 1];
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        if (j != me) {
            if (idx[j] >= nin) {
                goto out; /* cannot happen: a missing message is a verdict above */
            }
            /*@ loop invariant bound: 0 <= k <= t;
              @ loop assigns k, st->comm[j].c[0 .. t - 1];
              @ loop variant t - k;
              @*/
            for (k = 0; k < t; k++) {
                st->comm[j].c[k] = in[idx[j]].commitment.c[k];
            }
            st->comm[j].t = t;
        }
    }
    if (tsr_dkg_eq_core(ctx, st->pub.eq_hash, st->suite, st->session, t, n, in, nin, idx) != TSR_OK) {
        goto out;
    }
    bcast->sender = st->id;
    /*@ loop invariant bound: 0 <= k <= 32;
      @ loop assigns k, bcast->eq_hash[0 .. 31];
      @ loop variant 32 - k;
      @*/
    for (k = 0; k < 32; k++) {
        bcast->eq_hash[k] = st->pub.eq_hash[k];
    }
    if (tsr_dkg_r2_deal(ctx, st, p2p) != TSR_OK) {
        goto out;
    }
    st->phase = TSR_DKG_PHASE_ROUND3;
    ret = TSR_OK;
out:
    if (ret != TSR_OK) {
        tsr_dkg_fail(st);
        bcast->sender = 0;
        tsr_dkg_zero_bytes(bcast->eq_hash, 32);
        tsr_dkg_p2p_wipe(p2p, n);
    }
    if (nblames != NULL) {
        *nblames = nb;
    }
    return ret;
}

/* ---- round 3: equivocation check, share checks, complaints or certificate ------------------ */

/* agg = sum over the n dealers of their commitments (coefficient by coefficient): the public
 * image of the sum polynomial. Returns TSR_OK or TSR_ERR_INTERNAL. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_st: \valid_read(st);
  @ requires valid_agg: \valid(agg);
  @ requires sizes: 1 <= st->t <= st->n <= TSR_MAX_PARTIES;
  @ requires sep: \separated(agg, st);
  @ assigns *agg;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_dkg_aggregate(const tsr_context *ctx, tsr_vss_commitment *agg, const tsr_dkg_state *st) {
    size_t j, k, t = st->t, n = st->n;
    agg->t = t;
    /*@ loop invariant bound: 0 <= k <= t;
      @ loop assigns k, j, agg->c[0 .. t - 1];
      @ loop variant t - k;
      @*/
    for (k = 0; k < t; k++) {
        tsr_point_set_identity(&agg->c[k]);
        /*@ loop invariant bound: 0 <= j <= n;
          @ loop assigns j, agg->c[k];
          @ loop variant n - j;
          @*/
        for (j = 0; j < n; j++) {
            if (tsr_point_add(ctx, &agg->c[k], &agg->c[k], &st->comm[j].c[k]) != TSR_OK) {
                return TSR_ERR_INTERNAL;
            }
        }
    }
    return TSR_OK;
}

/* The group key and every verifying share from agg, then (TR suite) ZF's post_dkg: even-y group
 * key (negating *share and every point when needed), plus the unspendable BIP341 tweak
 * tw = int(tagged_hash("TapTweak", x(P))) mod n added to *share and tw*G to every point.
 * Fills st->pub.group_key and st->pub.vshares. Returns TSR_OK or TSR_ERR_INTERNAL.
 * Secret: *share (negated and tweaked in constant time; the parity is of the public key). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_st: \valid(st);
  @ requires valid_agg: \valid_read(agg);
  @ requires valid_share: \valid(share);
  @ requires sizes: 1 <= st->t <= st->n <= TSR_MAX_PARTIES;
  @ requires sep: \separated(st, agg, share) && \separated(agg, share);
  @ assigns st->pub.group_key, st->pub.vshares[0 .. TSR_MAX_PARTIES - 1], *share;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_dkg_public_keys(const tsr_context *ctx, tsr_dkg_state *st, const tsr_vss_commitment *agg,
                               tsr_scalar *share) {
    const uint8_t tag[8] = {'T', 'a', 'p', 'T', 'w', 'e', 'a', 'k'};
    tsr_scalar x, tw;
    tsr_point tg;
    uint8_t px[32], h[32];
    size_t j, n = st->n;
    int y_odd = 0;

    if (agg->t < 1 || agg->t > TSR_MAX_PARTIES || agg->c[0].infinity != 0) {
        /* A group key at infinity needs sum a_j0 = 0 with every a_j0 proven known: never. */
        return TSR_ERR_INTERNAL;
    }
    st->pub.group_key = agg->c[0];
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j, x, st->pub.vshares[0 .. n - 1];
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        tsr_scalar_set_u32(&x, (uint32_t)(j + 1));
        if (tsr_vss_eval_var(ctx, &st->pub.vshares[j], agg, &x) != TSR_OK) {
            return TSR_ERR_INTERNAL;
        }
    }
    if (st->suite != TSR_SUITE_SECP256K1_TR) {
        return TSR_OK;
    }
    if (tsr_point_encode_xonly(ctx, px, &y_odd, &st->pub.group_key) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    if (y_odd != 0) {
        /* The parity of the public group key is public. */
        tsr_scalar_neg(share, share);
        if (tsr_point_neg(ctx, &st->pub.group_key, &st->pub.group_key) != TSR_OK) {
            return TSR_ERR_INTERNAL;
        }
        /*@ loop invariant bound: 0 <= j <= n;
          @ loop assigns j, st->pub.vshares[0 .. n - 1];
          @ loop variant n - j;
          @*/
        for (j = 0; j < n; j++) {
            if (tsr_point_neg(ctx, &st->pub.vshares[j], &st->pub.vshares[j]) != TSR_OK) {
                return TSR_ERR_INTERNAL;
            }
        }
    }
    tsr_tagged_hash(h, tag, sizeof tag, px, sizeof px);
    (void)tsr_scalar_reduce_be(&tw, h, sizeof h);
    if (tsr_point_base_mul(ctx, &tg, &tw) != TSR_OK ||
        tsr_point_add(ctx, &st->pub.group_key, &st->pub.group_key, &tg) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    if (st->pub.group_key.infinity != 0) {
        return TSR_ERR_INTERNAL;
    }
    tsr_scalar_add(share, share, &tw);
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j, st->pub.vshares[0 .. n - 1];
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        if (tsr_point_add(ctx, &st->pub.vshares[j], &st->pub.vshares[j], &tg) != TSR_OK) {
            return TSR_ERR_INTERNAL;
        }
    }
    return TSR_OK;
}

/* Signs the certificate message of st->pub with the final share (BIP340 under x(PK_id)).
 * Returns TSR_OK or TSR_ERR_INTERNAL. Secret: share, st->cert_aux (the signature is public). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_st: \valid_read(st);
  @ requires valid_sig: \valid(sig64 + (0 .. 63));
  @ requires valid_share: \valid_read(share);
  @ requires sep: \separated(sig64 + (0 .. 63), st, share);
  @ assigns sig64[0 .. 63];
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_dkg_cert_sign(const tsr_context *ctx, const tsr_dkg_state *st, uint8_t *sig64, const tsr_scalar *share) {
    secp256k1_keypair kp;
    uint8_t sb[32], msg[32];
    int ok, ret = TSR_ERR_INTERNAL;

    tsr_dkg_zero_bytes(sig64, 64);
    tsr_dkg_zero_bytes(kp.data, sizeof kp.data);
    tsr_scalar_encode(sb, share);
    if (tsr_dkg_certificate_message(ctx, msg, &st->pub) != TSR_OK) {
        goto out;
    }
    ok = secp256k1_keypair_create(ctx->secp, &kp, sb);
    /* ok is 0 only for a zero share, which happens with probability 2^-256. */
    TSR_DECLASSIFY(&ok, sizeof ok);
    if (!ok) {
        goto out;
    }
    ok = secp256k1_schnorrsig_sign32(ctx->secp, sig64, msg, &kp, st->cert_aux);
    /* The certificate signature is public. */
    TSR_DECLASSIFY(&ok, sizeof ok);
    TSR_DECLASSIFY(sig64, 64);
    if (!ok) {
        goto out;
    }
    ret = TSR_OK;
out:
    tsr_ct_wipe8(kp.data, sizeof kp.data);
    tsr_ct_wipe8(sb, sizeof sb);
    return ret;
}

/* Round-3 input checks (spec/dkg.md §6.1): the n broadcasts (index, every eq hash equal to its
 * own) and the senders of the shares (another party; cnt[j] = number of shares from party j+1,
 * at most 2, sidx[j] the position of the last one). Fills the verdict tables. */
/*@ requires valid_st: \valid(st);
  @ requires sizes: 1 <= st->t <= st->n <= TSR_MAX_PARTIES && 1 <= st->id <= st->n;
  @ requires valid_idx: \valid(idx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires valid_cnt: \valid(cnt + (0 .. TSR_MAX_PARTIES - 1));
  @ requires valid_sidx: \valid(sidx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires valid_bcasts: nb == 0 || \valid_read(bcasts + (0 .. nb - 1));
  @ requires valid_shares: ns == 0 || \valid_read(shares + (0 .. ns - 1));
  @ requires sep: \separated(st, idx + (0 .. TSR_MAX_PARTIES - 1), cnt + (0 .. TSR_MAX_PARTIES - 1),
  @   sidx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires sep2: \separated(idx + (0 .. TSR_MAX_PARTIES - 1), cnt + (0 .. TSR_MAX_PARTIES - 1),
  @   sidx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires sep_b: nb == 0 || \separated(bcasts + (0 .. nb - 1), st, idx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires sep_s: ns == 0 || \separated(shares + (0 .. ns - 1), st, cnt + (0 .. TSR_MAX_PARTIES - 1),
  @   sidx + (0 .. TSR_MAX_PARTIES - 1));
  @ assigns idx[0 .. TSR_MAX_PARTIES - 1], cnt[0 .. TSR_MAX_PARTIES - 1], sidx[0 .. TSR_MAX_PARTIES - 1],
  @   st->blame_check[0 .. TSR_MAX_PARTIES - 1], st->blame_round[0 .. TSR_MAX_PARTIES - 1],
  @   st->blame_none_check, st->blame_none_round;
  @ ensures sidx: \forall integer i; 0 <= i < TSR_MAX_PARTIES ==> cnt[i] == 0 || sidx[i] < ns;
  @*/
static void tsr_dkg_r3_inputs(tsr_dkg_state *st, size_t *idx, uint8_t *cnt, size_t *sidx,
                              const tsr_dkg_round2_bcast *bcasts, size_t nb, const tsr_dkg_round2_p2p *shares,
                              size_t ns) {
    size_t j, e, n = st->n;
    uint32_t snd;

    tsr_dkg_index(st, idx, NULL, nb > 0 ? bcasts : NULL, NULL, NULL, nb, n, 2, 1);
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j, st->blame_none_check, st->blame_none_round;
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        if (idx[j] < nb && st->blame_check[j] == 0 &&
            tsr_ct_memeq_mask(bcasts[idx[j]].eq_hash, st->pub.eq_hash, 32) == 0) {
            tsr_dkg_mark(&st->blame_none_check, &st->blame_none_round, TSR_CHECK_EQUIVOCATION, 2);
        }
    }
    /*@ loop invariant bound: 0 <= j <= TSR_MAX_PARTIES;
      @ loop invariant cnt_zero: \forall integer i; 0 <= i < j ==> cnt[i] == 0;
      @ loop assigns j, cnt[0 .. TSR_MAX_PARTIES - 1], sidx[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant TSR_MAX_PARTIES - j;
      @*/
    for (j = 0; j < TSR_MAX_PARTIES; j++) {
        cnt[j] = 0;
        sidx[j] = 0;
    }
    /*@ loop invariant bound: 0 <= e <= ns;
      @ loop invariant sidx: \forall integer i; 0 <= i < TSR_MAX_PARTIES ==> cnt[i] == 0 || sidx[i] < e;
      @ loop assigns e, snd, cnt[0 .. TSR_MAX_PARTIES - 1], sidx[0 .. TSR_MAX_PARTIES - 1],
      @   st->blame_none_check, st->blame_none_round;
      @ loop variant ns - e;
      @*/
    for (e = 0; e < ns; e++) {
        snd = shares[e].sender;
        if (snd < 1 || snd > n || snd == st->id) {
            tsr_dkg_mark(&st->blame_none_check, &st->blame_none_round, TSR_CHECK_SENDER, 2);
        } else {
            cnt[snd - 1] = cnt[snd - 1] < 2 ? (uint8_t)(cnt[snd - 1] + 1) : 2;
            sidx[snd - 1] = e;
        }
    }
}

/* Per dealer j != i (spec/dkg.md §6.2): exactly one share, addressed to this party, with a valid
 * dealer signature: kept in st->recv[j] (good[j] = 1); else a NO_SHARE complaint. Returns
 * TSR_OK or TSR_ERR_INTERNAL; *complain = 1 if some complaint was filed. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_st: \valid(st);
  @ requires sizes: 1 <= st->t <= st->n <= TSR_MAX_PARTIES && 1 <= st->id <= st->n;
  @ requires valid_cnt: \valid_read(cnt + (0 .. TSR_MAX_PARTIES - 1));
  @ requires valid_sidx: \valid_read(sidx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires sidx_range: \forall integer i; 0 <= i < TSR_MAX_PARTIES ==> cnt[i] == 0 || sidx[i] < ns;
  @ requires valid_good: \valid(good + (0 .. TSR_MAX_PARTIES - 1));
  @ requires valid_complain: \valid(complain);
  @ requires valid_shares: ns == 0 || \valid_read(shares + (0 .. ns - 1));
  @ requires sep: \separated(st, good + (0 .. TSR_MAX_PARTIES - 1), complain);
  @ requires sep2: \separated(good + (0 .. TSR_MAX_PARTIES - 1), complain);
  @ requires sep_s: ns == 0 || \separated(shares + (0 .. ns - 1), st, good + (0 .. TSR_MAX_PARTIES - 1), complain);
  @ assigns good[0 .. TSR_MAX_PARTIES - 1], *complain, st->recv[0 .. TSR_MAX_PARTIES - 1],
  @   st->accused_by_me[0 .. TSR_MAX_PARTIES - 1];
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_dkg_r3_signed(const tsr_context *ctx, tsr_dkg_state *st, const uint8_t *cnt, const size_t *sidx,
                             int *good, int *complain, const tsr_dkg_round2_p2p *shares, size_t ns) {
    size_t j, n = st->n, me = st->id - 1;
    int rc;

    *complain = 0;
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j, rc, *complain, good[0 .. TSR_MAX_PARTIES - 1], st->recv[0 .. TSR_MAX_PARTIES - 1],
      @   st->accused_by_me[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        st->accused_by_me[j] = 0;
        good[j] = 0;
        if (j == me) {
            good[j] = 1;
            continue;
        }
        rc = TSR_ERR_VERIFY;
        if (cnt[j] == 1 && sidx[j] < ns && shares[sidx[j]].recipient == st->id) {
            rc = tsr_dkg_share_sig_check(ctx, st->suite, st->session, (uint32_t)(j + 1), st->id,
                                         &shares[sidx[j]].share, shares[sidx[j]].sig, &st->comm[j].c[0]);
            if (rc == TSR_ERR_INTERNAL) {
                return TSR_ERR_INTERNAL;
            }
        }
        if (rc == TSR_OK) {
            st->recv[j] = shares[sidx[j]].share;
            good[j] = 1;
        } else {
            st->accused_by_me[j] = TSR_DKG_COMPLAINT_NO_SHARE;
            *complain = 1;
        }
    }
    return TSR_OK;
}

/* Feldman checks of the kept shares (spec/dkg.md §6.2): with no complaint so far, one batch
 * check of s = sum_j recv[j] against agg at this party's id; if that fails (or there was a
 * complaint), each kept share on its own against its dealer's commitment, a failure being a
 * BAD_SHARE complaint. Out: *s (the sum; secret), *complain. Returns TSR_OK or
 * TSR_ERR_INTERNAL. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_st: \valid(st);
  @ requires sizes: 1 <= st->t <= st->n <= TSR_MAX_PARTIES && 1 <= st->id <= st->n;
  @ requires valid_agg: \valid_read(agg);
  @ requires valid_good: \valid_read(good + (0 .. TSR_MAX_PARTIES - 1));
  @ requires valid_s: \valid(s);
  @ requires valid_complain: \valid(complain);
  @ requires sep: \separated(st, agg, good + (0 .. TSR_MAX_PARTIES - 1), s, complain);
  @ requires sep2: \separated(s, complain, agg);
  @ assigns *s, *complain, st->accused_by_me[0 .. TSR_MAX_PARTIES - 1];
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_dkg_r3_feldman(const tsr_context *ctx, tsr_dkg_state *st, const tsr_vss_commitment *agg,
                              const int *good, tsr_scalar *s, int *complain) {
    tsr_scalar idsc;
    size_t j, n = st->n, me = st->id - 1;
    int rc = TSR_ERR_VERIFY;

    tsr_scalar_set_u32(s, 0);
    tsr_scalar_set_u32(&idsc, st->id);
    if (!*complain) {
        /* Batch: accepts exactly when the final share is right (cancelling errors would still
         * give the right s_i); on failure each share is checked on its own to name dealers. */
        /*@ loop invariant bound: 0 <= j <= n;
          @ loop assigns j, *s;
          @ loop variant n - j;
          @*/
        for (j = 0; j < n; j++) {
            tsr_scalar_add(s, s, &st->recv[j]);
        }
        rc = tsr_feldman_verify(ctx, agg, &idsc, s, NULL);
        if (rc != TSR_OK && rc != TSR_ERR_VERIFY) {
            return TSR_ERR_INTERNAL;
        }
    }
    if (rc == TSR_OK) {
        return TSR_OK;
    }
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j, rc, *complain, st->accused_by_me[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        if (j == me || !good[j]) {
            continue;
        }
        rc = tsr_feldman_verify(ctx, &st->comm[j], &idsc, &st->recv[j], NULL);
        if (rc == TSR_ERR_VERIFY) {
            st->accused_by_me[j] = TSR_DKG_COMPLAINT_BAD_SHARE;
            *complain = 1;
        } else if (rc != TSR_OK) {
            return TSR_ERR_INTERNAL;
        }
    }
    /* The batch failed, so some share fails on its own (sums of valid shares are valid). */
    TSR_VERIFY_CHECK(*complain);
    return *complain ? TSR_OK : TSR_ERR_INTERNAL;
}

/* The complaint message (spec/dkg.md §6.3): accused dealers ascending with their kind; a
 * BAD_SHARE carries the signed share, made public on purpose. Returns TSR_OK or
 * TSR_ERR_INTERNAL. */
/*@ requires valid_st: \valid_read(st);
  @ requires sizes: 1 <= st->n <= TSR_MAX_PARTIES;
  @ requires valid_out: \valid(out);
  @ requires valid_sidx: \valid_read(sidx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires valid_shares: ns == 0 || \valid_read(shares + (0 .. ns - 1));
  @ requires sep: \separated(out, st, sidx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires sep_s: ns == 0 || \separated(out, shares + (0 .. ns - 1));
  @ assigns *out;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_dkg_r3_complaints(const tsr_dkg_state *st, tsr_dkg_round3_msg *out, const size_t *sidx,
                                 const tsr_dkg_round2_p2p *shares, size_t ns) {
    size_t j, k = 0, n = st->n;
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop invariant k: k <= j;
      @ loop assigns j, k, *out;
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        if (st->accused_by_me[j] == 0) {
            continue;
        }
        out->accused[k] = (uint32_t)(j + 1);
        out->kind[k] = st->accused_by_me[j];
        if (st->accused_by_me[j] == TSR_DKG_COMPLAINT_BAD_SHARE) {
            if (sidx[j] >= ns) {
                return TSR_ERR_INTERNAL; /* cannot happen: BAD_SHARE needs exactly one share */
            }
            /* The bad share and its signature become public evidence on purpose. */
            out->share[k] = st->recv[j];
            TSR_DECLASSIFY(&out->share[k], sizeof out->share[k]);
            tsr_dkg_copy(out->sig[k], shares[sidx[j]].sig, 64);
        }
        k++;
    }
    out->naccused = k;
    return TSR_OK;
}

int tsr_dkg_round3(const tsr_context *ctx, tsr_dkg_state *st, tsr_dkg_round3_msg *out,
                   tsr_blame *blames, size_t cap, size_t *nblames,
                   const tsr_dkg_round2_bcast *bcasts, size_t nb, const tsr_dkg_round2_p2p *shares, size_t ns) {
    size_t idx[TSR_MAX_PARTIES], sidx[TSR_MAX_PARTIES];
    uint8_t cnt[TSR_MAX_PARTIES];
    int good[TSR_MAX_PARTIES];
    tsr_vss_commitment agg;
    tsr_scalar s;
    size_t j, e, n, me, nbl = 0;
    int ret = TSR_ERR_INTERNAL, complain = 0;

    if (st == NULL) {
        return TSR_ERR_ARG;
    }
    if (!tsr_dkg_in_phase(st, TSR_DKG_PHASE_ROUND3)) {
        return TSR_ERR_STATE;
    }
    if (out == NULL || (bcasts == NULL && nb > 0) || (shares == NULL && ns > 0) || (blames == NULL && cap > 0)) {
        return TSR_ERR_ARG;
    }
    n = st->n;
    me = st->id - 1;
    tsr_scalar_set_u32(&s, 0);
    tsr_dkg_r3_zero(out);
    tsr_dkg_verdicts_reset(st);
    tsr_dkg_r3_inputs(st, idx, cnt, sidx, bcasts, nb, shares, ns);
    if (tsr_dkg_any_verdict(st, n)) {
        /* An equivocated round 1 (or broken input): abort before any share is used. */
        nbl = tsr_dkg_emit(blames, cap, st->blame_check, st->blame_round, n, st->blame_none_check,
                           st->blame_none_round);
        ret = TSR_ERR_VERIFY;
        goto out;
    }
    if (tsr_dkg_r3_signed(ctx, st, cnt, sidx, good, &complain, shares, ns) != TSR_OK ||
        tsr_dkg_aggregate(ctx, &agg, st) != TSR_OK || tsr_dkg_r3_feldman(ctx, st, &agg, good, &s, &complain) != TSR_OK) {
        goto out;
    }
    if (complain) {
        if (tsr_dkg_r3_complaints(st, out, sidx, shares, ns) != TSR_OK) {
            goto out;
        }
    } else {
        if (tsr_dkg_public_keys(ctx, st, &agg, &s) != TSR_OK || tsr_dkg_cert_sign(ctx, st, out->cert_sig, &s) != TSR_OK) {
            goto out;
        }
        st->share = s;
        /*@ loop invariant bound: 0 <= e <= 64;
          @ loop assigns e, st->pub.cert[me][0 .. 63];
          @ loop variant 64 - e;
          @*/
        for (e = 0; e < 64; e++) {
            st->pub.cert[me][e] = out->cert_sig[e];
        }
    }
    out->sender = st->id;
    st->phase = TSR_DKG_PHASE_ROUND4;
    ret = TSR_OK;
out:
    /* The received shares are summed into st->share (or useless after a complaint). */
    tsr_scalar_clear(&s);
    /*@ loop invariant bound: 0 <= j <= TSR_MAX_PARTIES;
      @ loop assigns j, st->recv[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant TSR_MAX_PARTIES - j;
      @*/
    for (j = 0; j < TSR_MAX_PARTIES; j++) {
        tsr_scalar_clear(&st->recv[j]);
    }
    if (ret != TSR_OK) {
        tsr_dkg_fail(st);
        tsr_dkg_r3_zero(out);
    }
    if (nblames != NULL) {
        *nblames = nbl;
    }
    return ret;
}

/* ---- round 4: certificates, or complaints judged and openings (spec/dkg.md §Round 4) ------- */

/* Returns: 1 if this party's own round-3 message m is the one it sent (complaint list and kinds,
 * and the certificate signature when it complained about nobody), else 0. Public inputs. */
/*@ requires valid_st: \valid_read(st);
  @ requires valid_m: \valid_read(m);
  @ requires sizes: 1 <= st->id <= st->n <= TSR_MAX_PARTIES;
  @ requires count: m->naccused <= st->n;
  @ assigns \nothing;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
static int tsr_dkg_own_r3(const tsr_dkg_state *st, const tsr_dkg_round3_msg *m) {
    size_t j, k = 0, me = st->id - 1;
    /*@ loop invariant bound: 0 <= j <= st->n;
      @ loop invariant k: k <= j;
      @ loop assigns j, k;
      @ loop variant st->n - j;
      @*/
    for (j = 0; j < st->n; j++) {
        if (st->accused_by_me[j] == 0) {
            continue;
        }
        if (k >= m->naccused || m->accused[k] != (uint32_t)(j + 1) || m->kind[k] != st->accused_by_me[j]) {
            return 0;
        }
        k++;
    }
    if (k != m->naccused) {
        return 0;
    }
    return k != 0 || tsr_ct_memeq_mask(m->cert_sig, st->pub.cert[me], 64) != 0;
}

/* Judges one BAD_SHARE complaint of accuser a+1 against dealer d+1 with evidence (share, sig):
 * valid evidence (the dealer's signature on a share failing Feldman) blames the dealer
 * (TSR_CHECK_FELDMAN, round 2), invalid evidence the accuser (TSR_CHECK_FALSE_COMPLAINT, round
 * 3; its own complaint: the record without a culprit). Returns TSR_OK or TSR_ERR_INTERNAL. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_st: \valid(st);
  @ requires valid_share: \valid_read(share);
  @ requires valid_sig: \valid_read(sig64 + (0 .. 63));
  @ requires sizes: a < st->n && d < st->n && 1 <= st->t <= st->n <= TSR_MAX_PARTIES && 1 <= st->id <= st->n;
  @ requires sep: \separated(st, share, sig64 + (0 .. 63));
  @ assigns st->blame_check[0 .. TSR_MAX_PARTIES - 1], st->blame_round[0 .. TSR_MAX_PARTIES - 1],
  @   st->blame_none_check, st->blame_none_round;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_dkg_judge(const tsr_context *ctx, tsr_dkg_state *st, size_t a, size_t d, const tsr_scalar *share,
                         const uint8_t *sig64) {
    tsr_scalar x;
    int rc, valid = 0;

    rc = tsr_dkg_share_sig_check(ctx, st->suite, st->session, (uint32_t)(d + 1), (uint32_t)(a + 1), share, sig64,
                                 &st->comm[d].c[0]);
    if (rc == TSR_ERR_INTERNAL) {
        return TSR_ERR_INTERNAL;
    }
    if (rc == TSR_OK) {
        tsr_scalar_set_u32(&x, (uint32_t)(a + 1));
        rc = tsr_feldman_verify(ctx, &st->comm[d], &x, share, NULL);
        if (rc != TSR_OK && rc != TSR_ERR_VERIFY) {
            return TSR_ERR_INTERNAL;
        }
        valid = rc == TSR_ERR_VERIFY;
    }
    if (valid) {
        tsr_dkg_mark_earlier(&st->blame_check[d], &st->blame_round[d], TSR_CHECK_FELDMAN, 2);
    } else if (a == st->id - 1) {
        tsr_dkg_mark(&st->blame_none_check, &st->blame_none_round, TSR_CHECK_OWN_COMMITMENT, 3);
    } else {
        tsr_dkg_mark(&st->blame_check[a], &st->blame_round[a], TSR_CHECK_FALSE_COMPLAINT, 3);
    }
    return TSR_OK;
}

/* Round-4 input checks (spec/dkg.md §7): index the n round-3 messages, each list well formed,
 * its own message unchanged. Fills idx and the verdict tables; *anycomp = 1 if some message
 * complains. */
/*@ requires valid_st: \valid(st);
  @ requires sizes: 1 <= st->t <= st->n <= TSR_MAX_PARTIES && 1 <= st->id <= st->n;
  @ requires valid_idx: \valid(idx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires valid_anycomp: \valid(anycomp);
  @ requires valid_in: nin == 0 || \valid_read(in + (0 .. nin - 1));
  @ requires sep: \separated(st, idx + (0 .. TSR_MAX_PARTIES - 1), anycomp);
  @ requires sep2: \separated(idx + (0 .. TSR_MAX_PARTIES - 1), anycomp);
  @ requires sep_in: nin == 0 || \separated(in + (0 .. nin - 1), st, idx + (0 .. TSR_MAX_PARTIES - 1), anycomp);
  @ assigns idx[0 .. TSR_MAX_PARTIES - 1], *anycomp, st->blame_check[0 .. TSR_MAX_PARTIES - 1],
  @   st->blame_round[0 .. TSR_MAX_PARTIES - 1], st->blame_none_check, st->blame_none_round;
  @*/
static void tsr_dkg_r4_inputs(tsr_dkg_state *st, size_t *idx, int *anycomp, const tsr_dkg_round3_msg *in,
                              size_t nin) {
    size_t j, n = st->n, me = st->id - 1;
    tsr_check c;

    *anycomp = 0;
    tsr_dkg_index(st, idx, NULL, NULL, nin > 0 ? in : NULL, NULL, nin, n, 3, 1);
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j, c, *anycomp, st->blame_check[0 .. TSR_MAX_PARTIES - 1],
      @   st->blame_round[0 .. TSR_MAX_PARTIES - 1], st->blame_none_check, st->blame_none_round;
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        if (idx[j] >= nin || st->blame_check[j] != 0) {
            continue;
        }
        c = tsr_dkg_list_check(in[idx[j]].accused, in[idx[j]].kind, in[idx[j]].naccused, (uint32_t)(j + 1), n);
        if (c != TSR_CHECK_NONE) {
            if (j == me) {
                tsr_dkg_mark(&st->blame_none_check, &st->blame_none_round, TSR_CHECK_OWN_COMMITMENT, 3);
            } else {
                tsr_dkg_mark(&st->blame_check[j], &st->blame_round[j], c, 3);
            }
            continue;
        }
        if (j == me && !tsr_dkg_own_r3(st, &in[idx[j]])) {
            tsr_dkg_mark(&st->blame_none_check, &st->blame_none_round, TSR_CHECK_OWN_COMMITMENT, 3);
        }
        if (in[idx[j]].naccused > 0) {
            *anycomp = 1;
        }
    }
}

/* Nobody complained (spec/dkg.md §7): every other party's certificate signature must verify
 * under x(PK_j); a bad one is a verdict (TSR_CHECK_CERTIFICATE). With none, the signatures are
 * kept in st->pub.cert. Returns TSR_OK or TSR_ERR_INTERNAL. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_st: \valid(st);
  @ requires sizes: 1 <= st->t <= st->n <= TSR_MAX_PARTIES && 1 <= st->id <= st->n;
  @ requires valid_idx: \valid_read(idx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires valid_in: nin == 0 || \valid_read(in + (0 .. nin - 1));
  @ requires sep: \separated(st, idx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires sep_in: nin == 0 || \separated(in + (0 .. nin - 1), st);
  @ assigns st->blame_check[0 .. TSR_MAX_PARTIES - 1], st->blame_round[0 .. TSR_MAX_PARTIES - 1],
  @   st->pub.cert[0 .. TSR_MAX_PARTIES - 1][0 .. 63];
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_dkg_r4_certs(const tsr_context *ctx, tsr_dkg_state *st, const size_t *idx,
                            const tsr_dkg_round3_msg *in, size_t nin) {
    uint8_t msg[32];
    size_t j, e, n = st->n, me = st->id - 1;
    int rc, bad = 0;

    if (tsr_dkg_certificate_message(ctx, msg, &st->pub) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j, rc, bad, st->blame_check[0 .. TSR_MAX_PARTIES - 1], st->blame_round[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        if (idx[j] >= nin) {
            return TSR_ERR_INTERNAL; /* cannot happen: a missing message is a verdict */
        }
        if (j == me) {
            continue;
        }
        rc = tsr_dkg_sig_verify(ctx, in[idx[j]].cert_sig, msg, &st->pub.vshares[j]);
        if (rc == TSR_ERR_INTERNAL) {
            return TSR_ERR_INTERNAL;
        }
        if (rc != TSR_OK) {
            tsr_dkg_mark(&st->blame_check[j], &st->blame_round[j], TSR_CHECK_CERTIFICATE, 3);
            bad = 1;
        }
    }
    if (bad) {
        return TSR_OK;
    }
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j, e, st->pub.cert[0 .. n - 1][0 .. 63];
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        if (idx[j] >= nin) {
            return TSR_ERR_INTERNAL;
        }
        /*@ loop invariant bound: 0 <= e <= 64;
          @ loop assigns e, st->pub.cert[j][0 .. 63];
          @ loop variant 64 - e;
          @*/
        for (e = 0; e < 64; e++) {
            st->pub.cert[j][e] = in[idx[j]].cert_sig[e];
        }
    }
    return TSR_OK;
}

/* Some complaint (spec/dkg.md §7): records every complaint (st->complaints, st->accusing_me) and
 * judges every BAD_SHARE now (tsr_dkg_judge). Messages that are missing or were refused in
 * round 4 (a round-3 verdict on their sender) are skipped: evidence in the others is judged even
 * when the round fails for another reason. Returns TSR_OK or TSR_ERR_INTERNAL. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_st: \valid(st);
  @ requires sizes: 1 <= st->t <= st->n <= TSR_MAX_PARTIES && 1 <= st->id <= st->n;
  @ requires valid_idx: \valid_read(idx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires valid_in: nin == 0 || \valid_read(in + (0 .. nin - 1));
  @ requires sep: \separated(st, idx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires sep_in: nin == 0 || \separated(in + (0 .. nin - 1), st);
  @ assigns st->complaints[0 .. TSR_MAX_PARTIES - 1][0 .. TSR_MAX_PARTIES - 1],
  @   st->accusing_me[0 .. TSR_MAX_PARTIES - 1], st->blame_check[0 .. TSR_MAX_PARTIES - 1],
  @   st->blame_round[0 .. TSR_MAX_PARTIES - 1], st->blame_none_check, st->blame_none_round;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_dkg_r4_judge_all(const tsr_context *ctx, tsr_dkg_state *st, const size_t *idx,
                                const tsr_dkg_round3_msg *in, size_t nin) {
    size_t j, e, d, n = st->n, me = st->id - 1;
    const tsr_dkg_round3_msg *m;

    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j, e, d, m, st->complaints[0 .. TSR_MAX_PARTIES - 1][0 .. TSR_MAX_PARTIES - 1],
      @   st->accusing_me[0 .. TSR_MAX_PARTIES - 1], st->blame_check[0 .. TSR_MAX_PARTIES - 1],
      @   st->blame_round[0 .. TSR_MAX_PARTIES - 1], st->blame_none_check, st->blame_none_round;
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        if (idx[j] >= nin || (st->blame_check[j] != 0 && st->blame_round[j] == 3)) {
            continue; /* missing, or its list was refused: nothing of it to judge */
        }
        m = &in[idx[j]];
        /*@ loop invariant bound: 0 <= e <= TSR_MAX_PARTIES;
          @ loop assigns e, d, st->complaints[j][0 .. TSR_MAX_PARTIES - 1], st->accusing_me[j],
          @   st->blame_check[0 .. TSR_MAX_PARTIES - 1], st->blame_round[0 .. TSR_MAX_PARTIES - 1],
          @   st->blame_none_check, st->blame_none_round;
          @ loop variant TSR_MAX_PARTIES - e;
          @*/
        for (e = 0; e < m->naccused && e < TSR_MAX_PARTIES; e++) {
            if (m->accused[e] < 1 || m->accused[e] > n) {
                return TSR_ERR_INTERNAL; /* cannot happen: the lists were checked */
            }
            d = m->accused[e] - 1;
            st->complaints[j][d] = m->kind[e];
            if (d == me) {
                st->accusing_me[j] = m->kind[e];
            }
            if (m->kind[e] == TSR_DKG_COMPLAINT_BAD_SHARE &&
                tsr_dkg_judge(ctx, st, j, d, &m->share[e], m->sig[e]) != TSR_OK) {
                return TSR_ERR_INTERNAL;
            }
        }
    }
    return TSR_OK;
}

/* The openings this party owes (spec/dkg.md §7): (a, f_i(a)) for each NO_SHARE accuser a,
 * ascending; shares made public on purpose. */
/*@ requires valid_st: \valid_read(st);
  @ requires sizes: 1 <= st->n <= TSR_MAX_PARTIES;
  @ requires valid_out: \valid(out);
  @ requires sep: \separated(out, st);
  @ assigns out->nopen, out->accuser[0 .. TSR_MAX_PARTIES - 1], out->share[0 .. TSR_MAX_PARTIES - 1];
  @*/
static void tsr_dkg_r4_open(const tsr_dkg_state *st, tsr_dkg_round4_msg *out) {
    tsr_scalar x, open;
    size_t j, k = 0, n = st->n;

    tsr_scalar_set_u32(&open, 0);
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop invariant k: k <= j;
      @ loop assigns j, k, x, open, out->accuser[0 .. n - 1], out->share[0 .. n - 1];
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        if (st->accusing_me[j] != TSR_DKG_COMPLAINT_NO_SHARE) {
            continue;
        }
        tsr_scalar_set_u32(&x, (uint32_t)(j + 1));
        tsr_poly_eval(&open, &st->f, &x);
        /* The opening f(j) is made public on purpose: the accuser says it has no valid share. */
        TSR_DECLASSIFY(&open, sizeof open);
        out->accuser[k] = (uint32_t)(j + 1);
        out->share[k] = open;
        k++;
    }
    out->nopen = k;
    /* open was declassified: nothing secret is left in it, but the habit is kept. */
    tsr_scalar_clear(&open);
}

int tsr_dkg_round4(const tsr_context *ctx, tsr_dkg_state *st, tsr_dkg_round4_msg *out, int *done,
                   tsr_blame *blames, size_t cap, size_t *nblames, const tsr_dkg_round3_msg *in, size_t nin) {
    size_t idx[TSR_MAX_PARTIES];
    size_t n, nbl = 0;
    int ret = TSR_ERR_INTERNAL, anycomp = 0;

    if (st == NULL) {
        return TSR_ERR_ARG;
    }
    if (!tsr_dkg_in_phase(st, TSR_DKG_PHASE_ROUND4)) {
        return TSR_ERR_STATE;
    }
    if (out == NULL || done == NULL || (in == NULL && nin > 0) || (blames == NULL && cap > 0)) {
        return TSR_ERR_ARG;
    }
    n = st->n;
    *done = 0;
    tsr_dkg_r4_zero(out);
    tsr_dkg_verdicts_reset(st);
    tsr_dkg_r4_inputs(st, idx, &anycomp, in, nin);
    if (!tsr_dkg_any_verdict(st, n) && !anycomp && tsr_dkg_r4_certs(ctx, st, idx, in, nin) != TSR_OK) {
        goto out;
    }
    if (tsr_dkg_any_verdict(st, n)) {
        /* The round fails, but complaint evidence in the well-formed messages still names its
         * dealer (or its accuser): judge it before writing the verdicts. */
        if (anycomp && tsr_dkg_r4_judge_all(ctx, st, idx, in, nin) != TSR_OK) {
            goto out;
        }
        nbl = tsr_dkg_emit(blames, cap, st->blame_check, st->blame_round, n, st->blame_none_check,
                           st->blame_none_round);
        ret = TSR_ERR_VERIFY;
        goto out;
    }
    if (!anycomp) {
        /* Done: only the final share remains secret in the state. */
        tsr_poly_clear(&st->f);
        tsr_ct_wipe8(st->cert_aux, sizeof st->cert_aux);
        out->sender = st->id;
        *done = 1;
        st->phase = TSR_DKG_PHASE_DONE;
        ret = TSR_OK;
        goto out;
    }
    /* Complaints: record them, judge the BAD_SHARE evidence now, open what is owed. */
    st->any_complaint = 1;
    if (tsr_dkg_r4_judge_all(ctx, st, idx, in, nin) != TSR_OK) {
        goto out;
    }
    tsr_dkg_r4_open(st, out);
    out->sender = st->id;
    /* The DKG fails after a complaint: no secret is needed any more. */
    tsr_dkg_wipe(st);
    st->phase = TSR_DKG_PHASE_ROUND5;
    ret = TSR_OK;
out:
    if (ret != TSR_OK) {
        tsr_dkg_fail(st);
        tsr_dkg_r4_zero(out);
        *done = 0;
    }
    if (nblames != NULL) {
        *nblames = nbl;
    }
    return ret;
}

/* ---- round 5: resolution of NO_SHARE complaints (spec/dkg.md §Round 5) -------------------- */

/* Round-5 inputs (spec/dkg.md §8): index the round-4 messages; a second message or a malformed
 * list blames the sender (its own: the record without a culprit) and counts as absent. */
/*@ requires valid_st: \valid(st);
  @ requires sizes: 1 <= st->t <= st->n <= TSR_MAX_PARTIES && 1 <= st->id <= st->n;
  @ requires valid_idx: \valid(idx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires valid_in: nin == 0 || \valid_read(in + (0 .. nin - 1));
  @ requires sep: \separated(st, idx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires sep_in: nin == 0 || \separated(in + (0 .. nin - 1), st, idx + (0 .. TSR_MAX_PARTIES - 1));
  @ assigns idx[0 .. TSR_MAX_PARTIES - 1], st->blame_check[0 .. TSR_MAX_PARTIES - 1],
  @   st->blame_round[0 .. TSR_MAX_PARTIES - 1], st->blame_none_check, st->blame_none_round;
  @ ensures idx_range: \forall integer i; 0 <= i < st->n ==> idx[i] == TSR_DKG_NOIDX || idx[i] < nin;
  @*/
static void tsr_dkg_r5_inputs(tsr_dkg_state *st, size_t *idx, const tsr_dkg_round4_msg *in, size_t nin) {
    uint8_t cnt[TSR_MAX_PARTIES];
    size_t d, e, n = st->n, me = st->id - 1;
    uint32_t snd;
    tsr_check c;

    /*@ loop invariant bound: 0 <= d <= TSR_MAX_PARTIES;
      @ loop invariant none: \forall integer i; 0 <= i < d ==> idx[i] == TSR_DKG_NOIDX && cnt[i] == 0;
      @ loop assigns d, idx[0 .. TSR_MAX_PARTIES - 1], cnt[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant TSR_MAX_PARTIES - d;
      @*/
    for (d = 0; d < TSR_MAX_PARTIES; d++) {
        idx[d] = TSR_DKG_NOIDX;
        cnt[d] = 0;
    }
    /*@ loop invariant bound: 0 <= e <= nin;
      @ loop invariant idx_range: \forall integer i; 0 <= i < n ==> idx[i] == TSR_DKG_NOIDX || idx[i] < e;
      @ loop assigns e, snd, idx[0 .. n - 1], cnt[0 .. n - 1], st->blame_check[0 .. TSR_MAX_PARTIES - 1],
      @   st->blame_round[0 .. TSR_MAX_PARTIES - 1], st->blame_none_check, st->blame_none_round;
      @ loop variant nin - e;
      @*/
    for (e = 0; e < nin; e++) {
        snd = in[e].sender;
        if (snd < 1 || snd > n) {
            tsr_dkg_mark(&st->blame_none_check, &st->blame_none_round, TSR_CHECK_SENDER, 4);
            continue;
        }
        if (cnt[snd - 1] == 0) {
            idx[snd - 1] = e;
            cnt[snd - 1] = 1;
        } else if (snd - 1 == me) {
            tsr_dkg_mark(&st->blame_none_check, &st->blame_none_round, TSR_CHECK_OWN_COMMITMENT, 4);
            cnt[snd - 1] = 2;
        } else {
            tsr_dkg_mark(&st->blame_check[snd - 1], &st->blame_round[snd - 1], TSR_CHECK_ID_DUPLICATE, 4);
            cnt[snd - 1] = 2;
        }
    }
    /*@ loop invariant bound: 0 <= d <= n;
      @ loop invariant idx_range: \forall integer i; 0 <= i < n ==> idx[i] == TSR_DKG_NOIDX || idx[i] < nin;
      @ loop assigns d, c, idx[0 .. n - 1], st->blame_check[0 .. TSR_MAX_PARTIES - 1],
      @   st->blame_round[0 .. TSR_MAX_PARTIES - 1], st->blame_none_check, st->blame_none_round;
      @ loop variant n - d;
      @*/
    for (d = 0; d < n; d++) {
        if (idx[d] >= nin) {
            continue;
        }
        c = tsr_dkg_list_check(in[idx[d]].accuser, NULL, in[idx[d]].nopen, (uint32_t)(d + 1), n);
        if (c != TSR_CHECK_NONE) {
            if (d == me) {
                tsr_dkg_mark(&st->blame_none_check, &st->blame_none_round, TSR_CHECK_OWN_COMMITMENT, 4);
            } else {
                tsr_dkg_mark(&st->blame_check[d], &st->blame_round[d], c, 4);
            }
        }
        if (c != TSR_CHECK_NONE || cnt[d] != 1) {
            idx[d] = TSR_DKG_NOIDX;
        }
    }
}

/* Resolves every NO_SHARE complaint (spec/dkg.md §8): the dealer's opening for the accuser must be
 * present and pass Feldman, else the dealer is blamed; a valid one gives the record without a
 * culprit. Returns TSR_OK or TSR_ERR_INTERNAL. Public inputs (openings are public). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_st: \valid(st);
  @ requires sizes: 1 <= st->t <= st->n <= TSR_MAX_PARTIES && 1 <= st->id <= st->n;
  @ requires valid_idx: \valid_read(idx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires idx_range: \forall integer i; 0 <= i < st->n ==> idx[i] == TSR_DKG_NOIDX || idx[i] < nin;
  @ requires valid_in: nin == 0 || \valid_read(in + (0 .. nin - 1));
  @ requires sep: \separated(st, idx + (0 .. TSR_MAX_PARTIES - 1));
  @ requires sep_in: nin == 0 || \separated(in + (0 .. nin - 1), st);
  @ assigns st->blame_check[0 .. TSR_MAX_PARTIES - 1], st->blame_round[0 .. TSR_MAX_PARTIES - 1],
  @   st->blame_none_check, st->blame_none_round;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_dkg_r5_resolve(const tsr_context *ctx, tsr_dkg_state *st, const size_t *idx,
                              const tsr_dkg_round4_msg *in, size_t nin) {
    tsr_scalar x;
    size_t a, d, e, n = st->n, me = st->id - 1;
    int rc, opened;
    const tsr_dkg_round4_msg *m;

    /*@ loop invariant bound: 0 <= a <= n;
      @ loop assigns a, d, e, x, rc, opened, m, st->blame_check[0 .. TSR_MAX_PARTIES - 1],
      @   st->blame_round[0 .. TSR_MAX_PARTIES - 1], st->blame_none_check, st->blame_none_round;
      @ loop variant n - a;
      @*/
    for (a = 0; a < n; a++) {
        /*@ loop invariant bound: 0 <= d <= n;
          @ loop assigns d, e, x, rc, opened, m, st->blame_check[0 .. TSR_MAX_PARTIES - 1],
          @   st->blame_round[0 .. TSR_MAX_PARTIES - 1], st->blame_none_check, st->blame_none_round;
          @ loop variant n - d;
          @*/
        for (d = 0; d < n; d++) {
            if (st->complaints[a][d] != TSR_DKG_COMPLAINT_NO_SHARE) {
                continue;
            }
            opened = 0; /* 0: absent, 1: valid, 2: fails Feldman */
            if (idx[d] < nin) {
                m = &in[idx[d]];
                /*@ loop invariant bound: 0 <= e <= TSR_MAX_PARTIES;
                  @ loop assigns e;
                  @ loop variant TSR_MAX_PARTIES - e;
                  @*/
                for (e = 0; e < m->nopen && e < TSR_MAX_PARTIES; e++) {
                    if (m->accuser[e] == (uint32_t)(a + 1)) {
                        break;
                    }
                }
                if (e < m->nopen && e < TSR_MAX_PARTIES) {
                    tsr_scalar_set_u32(&x, (uint32_t)(a + 1));
                    rc = tsr_feldman_verify(ctx, &st->comm[d], &x, &m->share[e], NULL);
                    if (rc != TSR_OK && rc != TSR_ERR_VERIFY) {
                        return TSR_ERR_INTERNAL;
                    }
                    opened = rc == TSR_OK ? 1 : 2;
                }
            }
            if (d == me && opened != 1) {
                /* Its own opening is valid by construction: the message was altered. */
                tsr_dkg_mark(&st->blame_none_check, &st->blame_none_round, TSR_CHECK_OWN_COMMITMENT, 4);
            } else if (opened == 0) {
                tsr_dkg_mark(&st->blame_check[d], &st->blame_round[d], TSR_CHECK_MISSING, 4);
            } else if (opened == 2) {
                tsr_dkg_mark(&st->blame_check[d], &st->blame_round[d], TSR_CHECK_FELDMAN, 4);
            } else {
                /* A valid opening: the share may or may not have been sent; nobody is named. */
                tsr_dkg_mark(&st->blame_none_check, &st->blame_none_round, TSR_CHECK_MISSING, 2);
            }
        }
    }
    return TSR_OK;
}

int tsr_dkg_round5(const tsr_context *ctx, tsr_dkg_state *st, tsr_blame *blames, size_t cap,
                   size_t *nblames, const tsr_dkg_round4_msg *in, size_t nin) {
    size_t idx[TSR_MAX_PARTIES];
    size_t nbl = 0;
    int ret = TSR_ERR_INTERNAL;

    if (st == NULL) {
        return TSR_ERR_ARG;
    }
    if (!tsr_dkg_in_phase(st, TSR_DKG_PHASE_ROUND5)) {
        return TSR_ERR_STATE;
    }
    if ((in == NULL && nin > 0) || (blames == NULL && cap > 0)) {
        return TSR_ERR_ARG;
    }
    /* The verdicts of round 4 stay; round 5's are added (first failed check per culprit). */
    tsr_dkg_r5_inputs(st, idx, in, nin);
    if (tsr_dkg_r5_resolve(ctx, st, idx, in, nin) == TSR_OK) {
        nbl = tsr_dkg_emit(blames, cap, st->blame_check, st->blame_round, st->n, st->blame_none_check,
                           st->blame_none_round);
        ret = TSR_ERR_VERIFY;
    }
    /* The DKG ends here, failed (no secret is left: round 4 wiped them). */
    tsr_dkg_fail(st);
    if (nblames != NULL) {
        *nblames = nbl;
    }
    return ret;
}

/* ---- result and certificate (spec/dkg.md §Certificate) ------------------------------------ */

int tsr_dkg_result(const tsr_dkg_state *st, tsr_scalar *share, tsr_dkg_public *pub) {
    if (st == NULL || st->magic != TSR_DKG_MAGIC || st->phase != TSR_DKG_PHASE_DONE) {
        return TSR_ERR_STATE;
    }
    if (share != NULL) {
        *share = st->share;
    }
    if (pub != NULL) {
        *pub = st->pub;
    }
    return TSR_OK;
}

/* Checks that PK_{t+1} .. PK_n and the group key (x = 0) lie on the polynomial through
 * PK_1 .. PK_t (Lagrange interpolation in the exponent). Returns TSR_OK, TSR_ERR_VERIFY or
 * TSR_ERR_INTERNAL. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_pub: \valid_read(pub);
  @ requires sizes: 1 <= pub->t <= pub->n <= TSR_MAX_PARTIES;
  @ assigns \nothing;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_VERIFY || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_dkg_consistent(const tsr_context *ctx, const tsr_dkg_public *pub) {
    tsr_scalar ids[TSR_MAX_PARTIES], lam, x;
    tsr_point acc, term;
    size_t j, m, n = pub->n, t = pub->t;

    /*@ loop invariant bound: 0 <= m <= t;
      @ loop invariant ids: \forall integer i; 0 <= i < m ==> ids[i].d[0] == i + 1 &&
      @   (\forall integer k; 1 <= k < 8 ==> ids[i].d[k] == 0);
      @ loop assigns m, ids[0 .. t - 1];
      @ loop variant t - m;
      @*/
    for (m = 0; m < t; m++) {
        tsr_scalar_set_u32(&ids[m], (uint32_t)(m + 1));
    }
    /*@ loop invariant bound: t <= j <= n + 1;
      @ loop assigns j, m, x, lam, acc, term;
      @ loop variant n + 1 - j;
      @*/
    for (j = t; j <= n; j++) {
        tsr_scalar_set_u32(&x, j < n ? (uint32_t)(j + 1) : 0);
        tsr_point_set_identity(&acc);
        /*@ loop invariant bound: 0 <= m <= t;
          @ loop assigns m, lam, acc, term;
          @ loop variant t - m;
          @*/
        for (m = 0; m < t; m++) {
            if (tsr_lagrange_coeff(&lam, ids, t, m, &x, NULL) != TSR_OK ||
                tsr_point_mul_var(ctx, &term, &pub->vshares[m], &lam) != TSR_OK ||
                tsr_point_add(ctx, &acc, &acc, &term) != TSR_OK) {
                return TSR_ERR_INTERNAL;
            }
        }
        if (!tsr_point_eq(ctx, &acc, j < n ? &pub->vshares[j] : &pub->group_key)) {
            return TSR_ERR_VERIFY;
        }
    }
    return TSR_OK;
}

int tsr_dkg_certificate_verify(const tsr_context *ctx, const tsr_dkg_public *pub, tsr_blame *blame) {
    uint8_t msg[32];
    size_t j, n = pub->n, t = pub->t;
    tsr_check c = TSR_CHECK_NONE;
    uint32_t culprit = TSR_CULPRIT_NONE;
    uint16_t round = 0;
    int rc, ret = TSR_ERR_VERIFY;

    if (!tsr_dkg_suite_known(pub->suite)) {
        c = TSR_CHECK_SUITE;
        goto out;
    }
    if (n < 1 || n > TSR_MAX_PARTIES) {
        c = TSR_CHECK_COUNT;
        goto out;
    }
    if (t < 1 || t > n) {
        c = TSR_CHECK_THRESHOLD;
        goto out;
    }
    if (pub->group_key.infinity != 0) {
        c = TSR_CHECK_POINT_IDENTITY;
        goto out;
    }
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j;
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        if (pub->vshares[j].infinity != 0) {
            break;
        }
    }
    if (j < n) {
        c = TSR_CHECK_POINT_IDENTITY;
        goto out;
    }
    ret = TSR_ERR_INTERNAL;
    if (tsr_dkg_certificate_message(ctx, msg, pub) != TSR_OK) {
        goto out;
    }
    /*@ loop invariant bound: 0 <= j <= n;
      @ loop assigns j, rc;
      @ loop variant n - j;
      @*/
    for (j = 0; j < n; j++) {
        rc = tsr_dkg_sig_verify(ctx, pub->cert[j], msg, &pub->vshares[j]);
        if (rc == TSR_ERR_INTERNAL) {
            goto out;
        }
        if (rc != TSR_OK) {
            ret = TSR_ERR_VERIFY;
            c = TSR_CHECK_CERTIFICATE;
            culprit = (uint32_t)(j + 1);
            round = 3;
            goto out;
        }
    }
    ret = tsr_dkg_consistent(ctx, pub);
    if (ret == TSR_ERR_VERIFY) {
        c = TSR_CHECK_FELDMAN;
    }
out:
    if (blame != NULL) {
        tsr_dkg_blame(blame, culprit, round, (uint16_t)c);
    }
    return ret;
}
