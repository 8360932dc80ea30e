/* FROST signing for BIP340 (BIP 445 draft, siv2r/bip-frost-signing @ 29467acc): nonce generation
 * and aggregation, tweaking, signing, partial signature verification and aggregation. */
#ifndef TESSERA_FROST_BIP_H
#define TESSERA_FROST_BIP_H

#include "tessera/common.h"
#include "tessera/point.h"
#include "tessera/scalar.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Spec: spec/frost-bip445.md. This follows a DRAFT pinned at upstream commit
 * 29467acc3b54ddad8cb1b643222c0c759ca02cc2 (python/vectors); the draft still changes.
 *
 * Tags: BIP0445/aux, BIP0445/nonce, BIP0445/noncecoef, BIP0445/deterministic/nonce (the pinned
 * draft's names; older drafts said FROST/...) and BIP340's BIP0340/challenge.
 *
 * Identifiers. The draft numbers participants 0..n-1 ("id"); every uint32_t id below is such a
 * 0-based draft id. Tessera party ids are 1-based, so a blame record names signer id as
 * culprit = id + 1. The coordinator (aggnonce, aggothernonce) is TSR_CULPRIT_COORDINATOR; errors
 * in the caller's own inputs (the draft's ValueError) carry TSR_CULPRIT_NONE plus the check.
 * n must be below 0xffffffff so that id + 1 never collides with TSR_CULPRIT_COORDINATOR.
 *
 * Encodings (all byte strings as in the draft):
 *   pubnonce  66 bytes  cbytes(R1) || cbytes(R2), neither the identity
 *   aggnonce  66 bytes  cbytes_ext(R1) || cbytes_ext(R2), 33 zero bytes for the identity
 *   secnonce  64 bytes  bytes(32, k1) || bytes(32, k2), kept inside tsr_frost_bip_secnonce
 *   psig      32 bytes  scalar < n
 *   sig       64 bytes  BIP340: xbytes(R) || bytes(32, s)
 *   pubshare, thresh_pk: 33-byte compressed points; x-only keys 32 bytes. */
#define TSR_FROST_BIP_PUBNONCE_BYTES 66
#define TSR_FROST_BIP_AGGNONCE_BYTES 66
#define TSR_FROST_BIP_SECNONCE_BYTES 64
#define TSR_FROST_BIP_PSIG_BYTES 32
#define TSR_FROST_BIP_SIG_BYTES 64

#define TSR_FROST_BIP_SECNONCE_MAGIC 0x46425331u /* "FBS1": fresh, never used */
#define TSR_FROST_BIP_TWEAK_MAGIC    0x46425431u /* "FBT1" */
#define TSR_FROST_BIP_SESSION_MAGIC  0x46425831u /* "FBX1" */

/* A signer's secret nonce (k1, k2), consumed by the first tsr_frost_bip_sign that sees it,
 * success or failure (then magic = 0 and k is zero); a second use is TSR_ERR_STATE. Secret: k.
 * Wipe with tsr_frost_bip_secnonce_clear. */
typedef struct {
    uint32_t magic;
    uint8_t k[TSR_FROST_BIP_SECNONCE_BYTES];
} tsr_frost_bip_secnonce;

/* Signers Context (draft §Signers Context): n, t, the u signing participants' 0-based ids and
 * their public shares (same order), and the threshold public key. Public. */
typedef struct {
    uint32_t n;
    uint32_t t;
    size_t u;
    uint32_t ids[TSR_MAX_PARTIES];
    uint8_t pubshares[TSR_MAX_PARTIES][TSR_POINT_BYTES];
    uint8_t thresh_pk[TSR_POINT_BYTES];
} tsr_frost_bip_signers;

/* Tweak Context (draft §Tweak Context): Q, gacc (1 or -1), tacc, plus the thresh_pk it was
 * initialised from (a session checks it is its own). Public. */
typedef struct {
    uint32_t magic;
    uint8_t thresh_pk[TSR_POINT_BYTES];
    tsr_point q;
    tsr_scalar gacc;
    tsr_scalar tacc;
} tsr_frost_bip_tweak_ctx;

/* Session: the cached result of the draft's GetSessionValues (Q, gacc, tacc, ids, pubshares, b,
 * R, e), computed once by tsr_frost_bip_session_init. Public. */
typedef struct {
    uint32_t magic;
    size_t u;
    uint32_t ids[TSR_MAX_PARTIES];
    uint8_t pubshares[TSR_MAX_PARTIES * TSR_POINT_BYTES]; /* pubshare i at [33 i, 33 i + 33) */
    tsr_point q;      /* tweaked threshold public key Q */
    int q_odd;        /* y(Q) is odd (then g = -1) */
    uint8_t q_x[32];  /* xbytes(Q) */
    tsr_scalar gacc;
    tsr_scalar tacc;
    tsr_scalar b;     /* nonce coefficient */
    tsr_point r;      /* final nonce R (G when R1 + b R2 is the identity) */
    int r_odd;
    uint8_t r_x[32];  /* xbytes(R) */
    tsr_scalar e;     /* BIP340 challenge */
} tsr_frost_bip_session;

/* ACSL vocabulary: an initialised session and tweak context, as the functions below leave them. */
/*@ predicate tsr_fb_session_ok{L}(tsr_frost_bip_session *s) =
  @   s->magic == TSR_FROST_BIP_SESSION_MAGIC && 1 <= s->u <= TSR_MAX_PARTIES;
  @ predicate tsr_fb_tweak_ok{L}(tsr_frost_bip_tweak_ctx *tc) = tc->magic == TSR_FROST_BIP_TWEAK_MAGIC;
  @*/

/* NonceGen (draft §Nonce Generation) with the caller's randomness rand32 (rand'):
 * rand = secshare XOR hash_BIP0445/aux(rand') when secshare32 != NULL, else rand';
 * k_i = int(hash_BIP0445/nonce(rand || u8(len pubshare) || pubshare || u8(len thresh_pk) || thresh_pk
 *        || m_prefixed || u32(len extra_in) || extra_in || u8(i-1))) mod n, i = 1, 2.
 * Optional inputs are NULL when absent: secshare32, pubshare33, thresh_pk32 (x-only), msg
 * (absent: m_prefixed = 00; present: 01 || u64(len) || msg, so an empty message is msg != NULL
 * with msglen 0), extra_in (absent = empty). Tessera refuses an all-zero rand32 (TSR_ERR_ARG).
 * Returns: TSR_OK, TSR_ERR_ARG (rand32 zero, extra_inlen >= 2^32), TSR_ERR_INTERNAL (k_i = 0).
 * Out: *secnonce (fresh), pubnonce66; both zeroed on failure.
 * Secret: rand32, secshare32, *secnonce. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_secnonce: \valid(secnonce);
  @ requires valid_pubnonce: \valid(pubnonce66 + (0 .. 65));
  @ requires valid_rand: \valid_read(rand32 + (0 .. 31));
  @ requires valid_secshare: secshare32 == \null || \valid_read(secshare32 + (0 .. 31));
  @ requires valid_pubshare: pubshare33 == \null || \valid_read(pubshare33 + (0 .. 32));
  @ requires valid_thresh_pk: thresh_pk32 == \null || \valid_read(thresh_pk32 + (0 .. 31));
  @ requires valid_msg: msg == \null || \valid_read(msg + (0 .. msglen - 1));
  @ requires valid_extra: extra_in == \null || \valid_read(extra_in + (0 .. extra_inlen - 1));
  @ requires sep: \separated(secnonce, pubnonce66 + (0 .. 65));
  @ assigns *secnonce, pubnonce66[0 .. 65];
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_INTERNAL;
  @ ensures fresh: \result == TSR_OK <==> secnonce->magic == TSR_FROST_BIP_SECNONCE_MAGIC;
  @*/
int tsr_frost_bip_nonce_gen(const tsr_context *ctx, tsr_frost_bip_secnonce *secnonce, uint8_t pubnonce66[66],
                            const uint8_t rand32[32], const uint8_t *secshare32, const uint8_t *pubshare33,
                            const uint8_t *thresh_pk32, const uint8_t *msg, size_t msglen,
                            const uint8_t *extra_in, size_t extra_inlen);

/* Loads a 64-byte secnonce (bytes(32,k1) || bytes(32,k2)) as fresh, unchecked: Sign checks it.
 * For the draft's vectors and for callers that persist secnonces themselves; importing the same
 * bytes twice defeats the reuse protection, so never do that with a real nonce. Secret: in64. */
/*@ requires valid_secnonce: \valid(secnonce);
  @ requires valid_in: \valid_read(in64 + (0 .. 63));
  @ assigns *secnonce;
  @ ensures fresh: secnonce->magic == TSR_FROST_BIP_SECNONCE_MAGIC;
  @*/
void tsr_frost_bip_secnonce_import(tsr_frost_bip_secnonce *secnonce, const uint8_t in64[64]);

/* Wipes a secnonce (magic 0, 64 zero bytes). */
/*@ requires valid_secnonce: \valid(secnonce);
  @ assigns *secnonce;
  @ ensures consumed: secnonce->magic == 0;
  @*/
void tsr_frost_bip_secnonce_clear(tsr_frost_bip_secnonce *secnonce);

/* NonceAgg (draft §Nonce Aggregation): R_j = sum_i cpoint(pubnonce_i[33(j-1) .. 33j]) for j = 1, 2
 * (all first halves, then all second halves), aggnonce = cbytes_ext(R1) || cbytes_ext(R2).
 * ids (may be NULL: position i stands for id i, as in the draft's nonce_agg vectors) names the
 * sender of each pubnonce, for blame.
 * Returns: TSR_OK; TSR_ERR_ARG (u not in 1..TSR_MAX_PARTIES: TSR_CHECK_COUNT; an id >= 0xfffffffe:
 * TSR_CHECK_SENDER); the point decoder's code for a bad half (TSR_ERR_ENCODING with
 * TSR_CHECK_POINT_PREFIX / _X_RANGE / _NOT_ON_CURVE, or TSR_ERR_RANGE with
 * TSR_CHECK_POINT_IDENTITY), blaming that signer (culprit id + 1, phase SIGN, round 1).
 * Out: aggnonce66 (zero on failure). Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_agg: \valid(aggnonce66 + (0 .. 65));
  @ requires valid_pubnonces: u <= TSR_MAX_PARTIES ==> \valid_read(pubnonces + (0 .. u - 1));
  @ requires valid_ids: ids == \null || (u <= TSR_MAX_PARTIES ==> \valid_read(ids + (0 .. u - 1)));
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep_blame: blame == \null || \separated(blame, aggnonce66 + (0 .. 65));
  @ assigns aggnonce66[0 .. 65], *blame;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_ENCODING ||
  @   \result == TSR_ERR_RANGE || \result == TSR_ERR_INTERNAL;
  @*/
int tsr_frost_bip_nonce_agg(const tsr_context *ctx, uint8_t aggnonce66[66], const uint8_t (*pubnonces)[66],
                            const uint32_t *ids, size_t u, tsr_blame *blame);

/* ValidateSignersCtx (draft §Signers Context), first failure wins, culprit NONE, phase SIGN:
 *   t < 1 or t > n                     TSR_ERR_ARG       TSR_CHECK_THRESHOLD
 *   n >= 0xffffffff                    TSR_ERR_ARG       TSR_CHECK_COUNT (Tessera: blame ids)
 *   u < t or u > n                     TSR_ERR_ARG       TSR_CHECK_SIGNER_COUNT
 *   u > TSR_MAX_PARTIES                TSR_ERR_ARG       TSR_CHECK_COUNT
 *   for each index: id > n - 1         TSR_ERR_ARG       TSR_CHECK_SENDER
 *                   pubshare invalid   decoder's code    TSR_CHECK_POINT_*
 *   duplicate id                       TSR_ERR_ARG       TSR_CHECK_ID_DUPLICATE
 *   DeriveThreshPubkey != thresh_pk    TSR_ERR_VERIFY    TSR_CHECK_FELDMAN (key material)
 * Returns TSR_OK or the code above (TSR_ERR_INTERNAL if libsecp256k1 fails). Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_signers: \valid_read(signers);
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep_blame: blame == \null || \separated(blame, signers);
  @ assigns *blame;
  @ ensures ok: \result == TSR_OK ==> 1 <= signers->u <= TSR_MAX_PARTIES && signers->n < 0xffffffffU &&
  @   (\forall integer k; 0 <= k < signers->u ==> signers->ids[k] < signers->n);
  @*/
int tsr_frost_bip_signers_validate(const tsr_context *ctx, const tsr_frost_bip_signers *signers,
                                   tsr_blame *blame);

/* TweakCtxInit: Q = cpoint(thresh_pk), gacc = 1, tacc = 0. Returns TSR_OK or the point decoder's
 * code (check TSR_CHECK_POINT_*, culprit NONE); *tc is then cleared (magic 0). Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_tc: \valid(tc);
  @ requires valid_pk: \valid_read(thresh_pk33 + (0 .. 32));
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep: \separated(tc, thresh_pk33 + (0 .. 32));
  @ requires sep_blame: blame == \null || \separated(blame, tc);
  @ assigns *tc, *blame;
  @ ensures ok: \result == TSR_OK ==> tsr_fb_tweak_ok(tc);
  @*/
int tsr_frost_bip_tweak_ctx_init(const tsr_context *ctx, tsr_frost_bip_tweak_ctx *tc,
                                 const uint8_t thresh_pk33[33], tsr_blame *blame);

/* ApplyTweak: g = -1 if is_xonly and y(Q) odd, else 1; t = int(tweak) (must be < n);
 * Q' = g Q + t G (not the identity); gacc' = g gacc; tacc' = t + g tacc.
 * Returns: TSR_OK; TSR_ERR_ARG (tc not initialised); TSR_ERR_ENCODING / TSR_CHECK_LENGTH (tweaklen
 * != 32); TSR_ERR_RANGE / TSR_CHECK_TWEAK (t >= n); TSR_ERR_RANGE / TSR_CHECK_POINT_IDENTITY
 * (Q' is the identity). Culprit NONE. On failure *tc is unchanged. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_tc: \valid(tc);
  @ requires valid_tweak: \valid_read(tweak + (0 .. tweaklen - 1));
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep_blame: blame == \null || \separated(blame, tc);
  @ assigns *tc, *blame;
  @*/
int tsr_frost_bip_apply_tweak(const tsr_context *ctx, tsr_frost_bip_tweak_ctx *tc, const uint8_t *tweak,
                              size_t tweaklen, int is_xonly, tsr_blame *blame);

/* The draft's thresh_pubkey_and_tweak list form: applies tweaks[0..ntweaks-1] with modes
 * is_xonly[0..nmodes-1] (non-zero = x-only) in order. ntweaks != nmodes is TSR_ERR_ARG /
 * TSR_CHECK_COUNT; otherwise as tsr_frost_bip_apply_tweak (stops at the first failure, *tc then
 * holds the tweaks applied so far). Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_tc: \valid(tc);
  @ requires valid_tweaks: \valid_read(tweaks + (0 .. ntweaks - 1));
  @ requires valid_modes: \valid_read(is_xonly + (0 .. nmodes - 1));
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep_blame: blame == \null || \separated(blame, tc);
  @ assigns *tc, *blame;
  @*/
int tsr_frost_bip_apply_tweaks(const tsr_context *ctx, tsr_frost_bip_tweak_ctx *tc, const uint8_t (*tweaks)[32],
                               size_t ntweaks, const uint8_t *is_xonly, size_t nmodes, tsr_blame *blame);

/* GetXonlyPubkey / GetPlainPubkey of a tweak context. Returns TSR_OK, TSR_ERR_ARG (tc not
 * initialised; output zeroed) or TSR_ERR_INTERNAL. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_out: \valid(out32 + (0 .. 31));
  @ requires valid_tc: \valid_read(tc);
  @ assigns out32[0 .. 31];
  @*/
int tsr_frost_bip_get_xonly_pk(const tsr_context *ctx, uint8_t out32[32], const tsr_frost_bip_tweak_ctx *tc);
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_out: \valid(out33 + (0 .. 32));
  @ requires valid_tc: \valid_read(tc);
  @ assigns out33[0 .. 32];
  @*/
int tsr_frost_bip_get_plain_pk(const tsr_context *ctx, uint8_t out33[33], const tsr_frost_bip_tweak_ctx *tc);

/* GetSessionValues (draft §Session Context): validates the signers (as above), takes the tweak
 * context (NULL: no tweak; else it must be initialised from signers->thresh_pk, otherwise
 * TSR_ERR_ARG / TSR_CHECK_TWEAK), b = int(hash_BIP0445/noncecoef(SerializeIds(sorted ids) || aggnonce
 * || xbytes(Q) || msg)) mod n, R = cpoint_ext(aggnonce[0..33]) + b cpoint_ext(aggnonce[33..66])
 * (G if that is the identity), e = int(hash_BIP0340/challenge(xbytes(R) || xbytes(Q) || msg)) mod n.
 * A bad aggnonce half is the point decoder's code with TSR_CHECK_POINT_*, blaming the coordinator
 * (TSR_CULPRIT_COORDINATOR, phase SIGN, round 1). b = 0 or e = 0 is TSR_ERR_INTERNAL.
 * Out: *s (magic set on success, cleared on failure). Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_s: \valid(s);
  @ requires valid_signers: \valid_read(signers);
  @ requires valid_tweaks: tweaks == \null || \valid_read(tweaks);
  @ requires valid_agg: \valid_read(aggnonce66 + (0 .. 65));
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep: \separated(s, signers);
  @ requires sep_blame: blame == \null || \separated(blame, s, signers);
  @ assigns *s, *blame;
  @ ensures ok: \result == TSR_OK ==> tsr_fb_session_ok(s);
  @*/
int tsr_frost_bip_session_init(const tsr_context *ctx, tsr_frost_bip_session *s,
                               const tsr_frost_bip_signers *signers, const tsr_frost_bip_tweak_ctx *tweaks,
                               const uint8_t aggnonce66[66], const uint8_t *msg, size_t msglen,
                               tsr_blame *blame);

/* Sign (draft §Signing): consumes *secnonce first (wiped whatever the outcome), then
 *   secnonce not fresh                       TSR_ERR_STATE   TSR_CHECK_NONE
 *   session not initialised                  TSR_ERR_ARG     TSR_CHECK_NONE
 *   secnonce all zero (consumed)             TSR_ERR_STATE   TSR_CHECK_SCALAR_ZERO
 *   k1' (then k2') zero / >= n               TSR_ERR_RANGE   TSR_CHECK_SCALAR_ZERO / _RANGE
 *   secshare zero / >= n                     TSR_ERR_ARG     TSR_CHECK_SCALAR_ZERO / _RANGE
 *   cbytes(secshare G) not among pubshares   TSR_ERR_ARG     TSR_CHECK_OWN_COMMITMENT
 *   my_id not among the ids                  TSR_ERR_ARG     TSR_CHECK_ID_UNKNOWN
 * (culprit NONE, phase SIGN, round 2); then s = k1 + b k2 + e lambda g gacc d' with k negated
 * when y(R) is odd and g = -1 when y(Q) is odd; the result is checked with
 * tsr_frost_bip_partial_sig_verify_internal before release (TSR_ERR_INTERNAL if that fails).
 * Out: psig32 (zero on failure). Secret: *secnonce, secshare32. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_psig: \valid(psig32 + (0 .. 31));
  @ requires valid_secnonce: \valid(secnonce);
  @ requires valid_secshare: \valid_read(secshare32 + (0 .. 31));
  @ requires valid_s: \valid_read(s);
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep: \separated(psig32 + (0 .. 31), secnonce);
  @ requires sep_blame: blame == \null || \separated(blame, psig32 + (0 .. 31), secnonce);
  @ assigns psig32[0 .. 31], *secnonce, *blame;
  @ ensures consumed: secnonce->magic == 0;
  @*/
int tsr_frost_bip_sign(const tsr_context *ctx, uint8_t psig32[32], tsr_frost_bip_secnonce *secnonce,
                       const uint8_t secshare32[32], uint32_t my_id, const tsr_frost_bip_session *s,
                       tsr_blame *blame);

/* PartialSigVerifyInternal: s = int(psig) < n, pubshare among the session's pubshares, id among
 * its ids, R*_1, R*_2 = cpoint(pubnonce halves), Re = (R*_1 + b R*_2) negated when y(R) is odd,
 * and s G == Re + e lambda g gacc cpoint(pubshare).
 * Returns: TSR_OK; TSR_ERR_VERIFY blaming id (culprit id + 1, phase AGGREGATE, round 2) with
 * TSR_CHECK_SCALAR_RANGE (psig >= n), TSR_CHECK_POINT_* (bad pubnonce half) or
 * TSR_CHECK_SIGNATURE_SHARE (the equation fails); TSR_ERR_ARG (session not initialised,
 * TSR_CHECK_OWN_COMMITMENT / TSR_CHECK_ID_UNKNOWN for a pubshare or id outside the session: the
 * draft answers false there); TSR_ERR_INTERNAL. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_psig: \valid_read(psig32 + (0 .. 31));
  @ requires valid_pubnonce: \valid_read(pubnonce66 + (0 .. 65));
  @ requires valid_pubshare: \valid_read(pubshare33 + (0 .. 32));
  @ requires valid_s: \valid_read(s);
  @ requires valid_blame: blame == \null || \valid(blame);
  @ assigns *blame;
  @*/
int tsr_frost_bip_partial_sig_verify_internal(const tsr_context *ctx, const uint8_t psig32[32], uint32_t id,
                                              const uint8_t pubnonce66[66], const uint8_t pubshare33[33],
                                              const tsr_frost_bip_session *s, tsr_blame *blame);

/* PartialSigVerify (draft §Partial Signature Verification): validates the signers, i < u (else
 * TSR_ERR_ARG / TSR_CHECK_SENDER), aggnonce = NonceAgg(pubnonces, ids) (a bad pubnonce blames its
 * signer, as tsr_frost_bip_nonce_agg), the session, then the internal check for signer index i
 * (id = signers->ids[i]). pubnonces has signers->u entries. Returns as the functions it calls:
 * TSR_OK for a valid psig, TSR_ERR_VERIFY (culprit ids[i] + 1) for an invalid one. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_psig: \valid_read(psig32 + (0 .. 31));
  @ requires valid_signers: \valid_read(signers);
  @ requires valid_pubnonces: signers->u <= TSR_MAX_PARTIES ==> \valid_read(pubnonces + (0 .. signers->u - 1));
  @ requires valid_tweaks: tweaks == \null || \valid_read(tweaks);
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep_blame: blame == \null || \separated(blame, signers);
  @ assigns *blame;
  @*/
int tsr_frost_bip_partial_sig_verify(const tsr_context *ctx, const uint8_t psig32[32],
                                     const uint8_t (*pubnonces)[66], const tsr_frost_bip_signers *signers,
                                     const tsr_frost_bip_tweak_ctx *tweaks, const uint8_t *msg, size_t msglen,
                                     size_t i, tsr_blame *blame);

/* PartialSigAgg (draft §Partial Signature Aggregation): psigs[i] comes from the session's ids[i];
 * npsigs != u is TSR_ERR_ARG / TSR_CHECK_COUNT; psig_i >= n is TSR_ERR_RANGE /
 * TSR_CHECK_SCALAR_RANGE blaming ids[i] (culprit ids[i] + 1, phase AGGREGATE, round 2);
 * s = sum s_i + e g tacc; sig = xbytes(R) || bytes(32, s). The result is a BIP340 signature under
 * xbytes(Q) when every psig passed partial verification (check with tsr_frost_bip_verify).
 * Out: sig64 (zero on failure). Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_sig: \valid(sig64 + (0 .. 63));
  @ requires valid_psigs: npsigs <= TSR_MAX_PARTIES ==> \valid_read(psigs + (0 .. npsigs - 1));
  @ requires valid_s: \valid_read(s);
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep: \separated(sig64 + (0 .. 63), s);
  @ requires sep_blame: blame == \null || \separated(blame, sig64 + (0 .. 63));
  @ assigns sig64[0 .. 63], *blame;
  @*/
int tsr_frost_bip_partial_sig_agg(const tsr_context *ctx, uint8_t sig64[64], const uint8_t (*psigs)[32],
                                  size_t npsigs, const tsr_frost_bip_session *s, tsr_blame *blame);

/* DeterministicSign (draft §Deterministic and Stateless Signing): secshare' = secshare XOR
 * hash_BIP0445/aux(rand32) (rand32 may be NULL: secshare' = secshare); validates the signers; Q from
 * the tweak context (NULL: no tweak); k_i = int(hash_BIP0445/deterministic/nonce(secshare' ||
 * u32(my_id) || u32(u) || SerializeIds(ids) || aggothernonce || xbytes(Q) || u64(len m) || m ||
 * u8(i-1))) mod n; pubnonce = cbytes(k1 G) || cbytes(k2 G); aggnonce = NonceAgg(pubnonce,
 * aggothernonce) (a bad aggothernonce blames the coordinator: TSR_CULPRIT_COORDINATOR, phase
 * SIGN, round 1, the decoder's code and check); then Sign. aggothernonce66 is NULL for a sole
 * signer (u = 1: it hashes as the empty string and aggnonce = pubnonce); NULL with u > 1 is
 * TSR_ERR_ARG / TSR_CHECK_MISSING (Tessera). Other errors as session_init and sign.
 * Out: pubnonce66, psig32 (both zero on failure). Secret: secshare32, rand32. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_pubnonce: \valid(pubnonce66 + (0 .. 65));
  @ requires valid_psig: \valid(psig32 + (0 .. 31));
  @ requires valid_secshare: \valid_read(secshare32 + (0 .. 31));
  @ requires valid_other: aggothernonce66 == \null || \valid_read(aggothernonce66 + (0 .. 65));
  @ requires valid_signers: \valid_read(signers);
  @ requires valid_tweaks: tweaks == \null || \valid_read(tweaks);
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires valid_rand: rand32 == \null || \valid_read(rand32 + (0 .. 31));
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep: \separated(pubnonce66 + (0 .. 65), psig32 + (0 .. 31));
  @ requires sep_blame: blame == \null || \separated(blame, pubnonce66 + (0 .. 65), psig32 + (0 .. 31), signers);
  @ assigns pubnonce66[0 .. 65], psig32[0 .. 31], *blame;
  @*/
int tsr_frost_bip_deterministic_sign(const tsr_context *ctx, uint8_t pubnonce66[66], uint8_t psig32[32],
                                     const uint8_t secshare32[32], uint32_t my_id, const uint8_t *aggothernonce66,
                                     const tsr_frost_bip_signers *signers, const tsr_frost_bip_tweak_ctx *tweaks,
                                     const uint8_t *msg, size_t msglen, const uint8_t *rand32, tsr_blame *blame);

/* BIP340 verification with libsecp256k1 secp256k1_schnorrsig_verify under the x-only key.
 * Returns TSR_OK, TSR_ERR_ENCODING (xonly_pk32 is not a valid x coordinate) or TSR_ERR_VERIFY.
 * Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_sig: \valid_read(sig64 + (0 .. 63));
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires valid_pk: \valid_read(xonly_pk32 + (0 .. 31));
  @ assigns \nothing;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ENCODING || \result == TSR_ERR_VERIFY;
  @*/
int tsr_frost_bip_verify(const tsr_context *ctx, const uint8_t sig64[64], const uint8_t *msg, size_t msglen,
                         const uint8_t xonly_pk32[32]);

#ifdef __cplusplus
}
#endif
#endif
