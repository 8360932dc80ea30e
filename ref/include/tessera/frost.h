/* FROST threshold Schnorr signing: RFC 9591 FROST(secp256k1, SHA-256) and the BIP340/Taproot
 * suite FROST-secp256k1-SHA256-TR-v1, with share verification and culprit identification. */
#ifndef TESSERA_FROST_H
#define TESSERA_FROST_H

#include "tessera/common.h"
#include "tessera/point.h"
#include "tessera/scalar.h"
#include "tessera/sharing.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Suites (spec/frost.md §Suites):
 *  TSR_SUITE_SECP256K1_SHA256: RFC 9591 §6.5, context "FROST-secp256k1-SHA256-v1", signature
 *    R (33 bytes compressed) || z (32), 65 bytes, verified as R == z*G - c*PK.
 *  TSR_SUITE_SECP256K1_TR: ZcashFoundation "FROST-secp256k1-SHA256-TR-v1": the group key and R
 *    are taken with even y (signers negate their share / nonces when needed), the challenge is
 *    BIP340's tagged hash "BIP0340/challenge"(x(R) || x(PK) || msg), the signature is BIP340's 64
 *    bytes x(R) || z and verifies with libsecp256k1 secp256k1_schnorrsig_verify under x(PK). */
#define TSR_FROST_SIG_MAX_BYTES 65
#define TSR_FROST_BF_INPUT_BYTES (33 + 32 + 32 + 32) /* PK || H4(msg) || H5(list) || id */

/* Magic values of the state structs: a key package built by this module, and a fresh (unused)
 * nonce. Any other value (in particular 0, once cleared or consumed) is refused. */
#define TSR_FROST_KEYPKG_MAGIC 0x4b50524fu /* "ORPK" little-endian: key package */
#define TSR_FROST_NONCE_MAGIC  0x4e4e524fu /* "ORNN" little-endian: fresh nonce */

/* ACSL: the suites this module knows. */
/*@ predicate tsr_frost_suite_ok(integer s) =
  @   s == TSR_SUITE_SECP256K1_SHA256 || s == TSR_SUITE_SECP256K1_TR;
  @ logic integer tsr_frost_siglen(integer s) =
  @   s == TSR_SUITE_SECP256K1_SHA256 ? 65 : s == TSR_SUITE_SECP256K1_TR ? 64 : 0;
  @*/

/* Returns: the signature length of a suite (65 or 64), or 0 for an unknown suite. */
/*@ assigns \nothing;
  @ ensures len: \result == tsr_frost_siglen(suite);
  @*/
size_t tsr_frost_sig_len(uint8_t suite);

/* A signer's key package (RFC 9591 §5 "sk_i", "PK", "PK_i"). Secret: share. Wipe with
 * tsr_frost_keypkg_clear. Built by tsr_frost_keygen_dealer, by tsr_frost_keypkg_set from a DKG
 * result, or tweaked by tsr_frost_keypkg_tweak. */
typedef struct {
    uint32_t magic;
    uint8_t suite;
    uint32_t id;           /* 1..TSR_MAX_PARTIES; the scalar identifier is id */
    tsr_scalar share;      /* sk_i (secret) */
    tsr_point verifying_share; /* PK_i = sk_i * G */
    tsr_point group_key;   /* PK */
} tsr_frost_keypkg;

/* A signer's public nonce commitment (RFC 9591 §5.1): (identifier, D_i, E_i). Public. */
typedef struct {
    uint32_t id;
    tsr_point hiding;  /* D_i = d_i * G */
    tsr_point binding; /* E_i = e_i * G */
} tsr_frost_commitment;

/* A signer's secret nonces, consumed by tsr_frost_sign on its first use, success or failure; a
 * second use returns TSR_ERR_STATE. Secret: hiding, binding. The commitment is kept so that sign
 * can check its own commitment is in the list unchanged. */
typedef struct {
    uint32_t magic; /* TSR_FROST_NONCE_MAGIC while fresh, 0 once consumed or cleared */
    tsr_scalar hiding;
    tsr_scalar binding;
    tsr_frost_commitment commitment;
} tsr_frost_nonce;

/* Signature share (RFC 9591 §5.2). Public once released. */
typedef struct {
    uint32_t id;
    tsr_scalar z;
} tsr_frost_sigshare;

/* ACSL vocabulary (spec/frost.md §Input checks). A commitment list is well formed when it has
 * 1..TSR_MAX_PARTIES entries, every id is in 1..TSR_MAX_PARTIES, ids are strictly ascending
 * (hence unique) and no commitment is the identity. */
/*@ predicate tsr_frost_entry_ok{L}(tsr_frost_commitment *c) =
  @   1 <= c->id <= TSR_MAX_PARTIES && c->hiding.infinity == 0 && c->binding.infinity == 0;
  @ predicate tsr_frost_list_ok{L}(tsr_frost_commitment *list, integer k) =
  @   1 <= k <= TSR_MAX_PARTIES &&
  @   (\forall integer i; 0 <= i < k ==> tsr_frost_entry_ok(list + i)) &&
  @   (\forall integer i; 0 < i < k ==> list[i - 1].id < list[i].id);
  @*/

/* Trusted-dealer key generation (RFC 9591 Appendix C): f(0) = *secret (or a fresh secret when
 * secret == NULL, from the first 64 bytes of rand), t-1 coefficients from rand, shares for ids
 * 1..n. randlen must be 64*t (secret == NULL) or 64*(t-1). The coefficients are drawn exactly as
 * tsr_poly_init draws them (each the reduction mod n of 64 bytes); the fresh secret likewise.
 * 2 <= t <= n <= TSR_MAX_PARTIES (RFC 9591 Appendix C.1: MIN_PARTICIPANTS >= 2); a secret equal
 * to zero (group key the identity) is refused with TSR_ERR_ARG.
 * Out: pkgs[0..n-1] (pkgs[i].id = i+1), group_key, commitment (Feldman, t points, may be NULL).
 * Returns: TSR_OK, TSR_ERR_ARG (t, n, suite, randlen, zero secret) or TSR_ERR_INTERNAL. On
 * failure every output is cleared. Secret: secret, rand, every share. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_pkgs: n <= TSR_MAX_PARTIES ==> \valid(pkgs + (0 .. n - 1));
  @ requires valid_group_key: \valid(group_key);
  @ requires valid_commitment: commitment == \null || \valid(commitment);
  @ requires valid_secret: secret == \null || \valid_read(secret);
  @ requires valid_rand: \valid_read(rand + (0 .. randlen - 1));
  @ requires sep: n <= TSR_MAX_PARTIES ==> \separated(pkgs + (0 .. n - 1), group_key);
  @ requires sep_commitment: commitment == \null || (n <= TSR_MAX_PARTIES ==>
  @                          \separated(commitment, group_key, pkgs + (0 .. n - 1)));
  @ assigns pkgs[0 .. n - 1], *group_key, *commitment;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_INTERNAL;
  @ ensures args: \result == TSR_OK ==> 2 <= t <= n <= TSR_MAX_PARTIES && tsr_frost_suite_ok(suite);
  @ ensures ids: \result == TSR_OK ==> \forall integer i; 0 <= i < n ==>
  @   pkgs[i].id == i + 1 && pkgs[i].magic == TSR_FROST_KEYPKG_MAGIC && pkgs[i].suite == suite;
  @*/
int tsr_frost_keygen_dealer(const tsr_context *ctx, tsr_frost_keypkg *pkgs, tsr_point *group_key,
                            tsr_vss_commitment *commitment, uint8_t suite, size_t t, size_t n,
                            const tsr_scalar *secret, const uint8_t *rand, size_t randlen);

/* Builds a key package from a share (e.g. a DKG result): checks share*G == verifying_share when
 * verifying_share != NULL (TSR_ERR_VERIFY otherwise), computes it when NULL.
 * Returns: TSR_OK, TSR_ERR_ARG (id 0 or > TSR_MAX_PARTIES, unknown suite, group key identity),
 * TSR_ERR_VERIFY, TSR_ERR_INTERNAL. On failure *pkg is cleared. Secret: share. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_pkg: \valid(pkg);
  @ requires valid_share: \valid_read(share);
  @ requires valid_vshare: verifying_share == \null || \valid_read(verifying_share);
  @ requires valid_group_key: \valid_read(group_key);
  @ assigns *pkg;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_VERIFY ||
  @                \result == TSR_ERR_INTERNAL;
  @ ensures ok: \result == TSR_OK ==> pkg->magic == TSR_FROST_KEYPKG_MAGIC && pkg->id == id &&
  @             1 <= id <= TSR_MAX_PARTIES && pkg->suite == suite && tsr_frost_suite_ok(suite);
  @ ensures cleared: \result != TSR_OK ==> pkg->magic == 0;
  @*/
int tsr_frost_keypkg_set(const tsr_context *ctx, tsr_frost_keypkg *pkg, uint8_t suite, uint32_t id,
                         const tsr_scalar *share, const tsr_point *verifying_share,
                         const tsr_point *group_key);

/* Taproot tweak (BIP341, TR suite only), applied to a key package and to the public key material
 * an aggregator holds: P = group key with even y (shares negated when PK has odd y),
 * t = int(tagged_hash("TapTweak", x(P) || merkle_root)) (merkle_root may be NULL: empty),
 * t >= n is TSR_ERR_RANGE; share' = share + t, PK' = P + t*G, PK_i' = (+-)PK_i + t*G.
 * (ZcashFoundation's tweak(Some(&[])) is merkle_root == NULL here; its tweak(None) is no tweak.)
 * Returns: TSR_OK, TSR_ERR_ARG (not the TR suite, not a key package), TSR_ERR_RANGE (check
 * TSR_CHECK_TWEAK: t >= n or PK' the identity), TSR_ERR_INTERNAL. On failure *pkg is unchanged.
 * Secret: pkg->share. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_pkg: \valid(pkg);
  @ requires valid_root: merkle_root32 == \null || \valid_read(merkle_root32 + (0 .. 31));
  @ assigns *pkg;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_RANGE ||
  @                \result == TSR_ERR_INTERNAL;
  @*/
int tsr_frost_keypkg_tweak(const tsr_context *ctx, tsr_frost_keypkg *pkg, const uint8_t *merkle_root32);
/* The same tweak on public values only (aggregator / verifier side): group_key and the
 * verifying shares vshares[0..n-1] (may be NULL when n == 0) are replaced in place.
 * Returns: TSR_OK, TSR_ERR_ARG (n > TSR_MAX_PARTIES, group key the identity), TSR_ERR_RANGE
 * (TSR_CHECK_TWEAK), TSR_ERR_INTERNAL. On failure nothing is changed. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_group_key: \valid(group_key);
  @ requires valid_vshares: n <= TSR_MAX_PARTIES ==> \valid(vshares + (0 .. n - 1));
  @ requires valid_root: merkle_root32 == \null || \valid_read(merkle_root32 + (0 .. 31));
  @ requires sep: n <= TSR_MAX_PARTIES ==> \separated(group_key, vshares + (0 .. n - 1));
  @ assigns *group_key, vshares[0 .. n - 1];
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_RANGE ||
  @                \result == TSR_ERR_INTERNAL;
  @ ensures count: n > TSR_MAX_PARTIES ==> \result == TSR_ERR_ARG;
  @*/
int tsr_frost_pubkey_tweak(const tsr_context *ctx, tsr_point *group_key, tsr_point *vshares, size_t n,
                           const uint8_t *merkle_root32);

/* Wipes a key package (magic 0, share zero, points the identity). */
/*@ requires valid_pkg: \valid(pkg);
  @ assigns *pkg;
  @ ensures cleared: pkg->magic == 0 && pkg->id == 0;
  @*/
void tsr_frost_keypkg_clear(tsr_frost_keypkg *pkg);

/* nonce_generate (RFC 9591 §4.1): out = H3(rand32 || SerializeScalar(secret)).
 * Returns: TSR_OK or TSR_ERR_ARG (unknown suite; out is then zero). Secret: rand32, secret, out. */
/*@ requires valid_out: \valid(out);
  @ requires valid_rand: \valid_read(rand32 + (0 .. 31));
  @ requires valid_secret: \valid_read(secret);
  @ assigns *out;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG;
  @ ensures suite: \result == TSR_OK <==> tsr_frost_suite_ok(suite);
  @*/
int tsr_frost_nonce_generate(tsr_scalar *out, uint8_t suite, const uint8_t rand32[32], const tsr_scalar *secret);

/* Round one, commit (RFC 9591 §5.1): d = nonce_generate(rand64[0..31], sk_i),
 * e = nonce_generate(rand64[32..63], sk_i), D = d*G, E = e*G. Randomness with an all-zero half
 * is refused (TSR_ERR_ARG), as is a key that is not a key package. Out: nonce (fresh),
 * commitment (public). On failure both are cleared. Secret: rand64, key->share, nonce. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_nonce: \valid(nonce);
  @ requires valid_commitment: \valid(commitment);
  @ requires valid_key: \valid_read(key);
  @ requires valid_rand: \valid_read(rand64 + (0 .. 63));
  @ requires sep: \separated(nonce, commitment, key);
  @ assigns *nonce, *commitment;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_INTERNAL;
  @ ensures fresh: \result == TSR_OK ==> nonce->magic == TSR_FROST_NONCE_MAGIC && commitment->id == key->id;
  @ ensures cleared: \result != TSR_OK ==> nonce->magic == 0;
  @*/
int tsr_frost_commit(const tsr_context *ctx, tsr_frost_nonce *nonce, tsr_frost_commitment *commitment,
                     const tsr_frost_keypkg *key, const uint8_t rand64[64]);

/* Wipes a nonce (magic 0, nonces zero, commitment cleared). */
/*@ requires valid_nonce: \valid(nonce);
  @ assigns *nonce;
  @ ensures cleared: nonce->magic == 0;
  @*/
void tsr_frost_nonce_clear(tsr_frost_nonce *nonce);

/* Checks a commitment list (RFC 9591 §5.2/§5.3 input checks): k in t_min..TSR_MAX_PARTIES
 * (when t_min > 0; k >= 1 always; TSR_CHECK_SIGNER_COUNT), then entry by entry, in order (first
 * failure wins): id not zero (TSR_CHECK_ID_ZERO), id <= TSR_MAX_PARTIES (TSR_CHECK_SENDER),
 * id above the previous one (TSR_CHECK_ID_DUPLICATE for an equal neighbour, TSR_CHECK_ID_ORDER
 * for a smaller one), D and E not the identity (TSR_CHECK_POINT_IDENTITY).
 * Returns TSR_OK, TSR_ERR_ARG (count, ids) or TSR_ERR_RANGE (identity). blame (may be NULL)
 * names the id of the first bad entry (TSR_CULPRIT_NONE for a count, a zero or an out-of-range
 * id), phase SIGN, round 1. Public inputs. */
/*@ requires valid_list: k <= TSR_MAX_PARTIES ==> \valid_read(list + (0 .. k - 1));
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep: blame == \null || k > TSR_MAX_PARTIES || \separated(blame, list + (0 .. k - 1));
  @ assigns *blame;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_RANGE;
  @ ensures ok: \result == TSR_OK ==> tsr_frost_list_ok(list, k) && k >= t_min;
  @ ensures bad: \result != TSR_OK ==> !(tsr_frost_list_ok(list, k) && k >= t_min);
  @ ensures count: (k < 1 || k > TSR_MAX_PARTIES || k < t_min) ==> \result == TSR_ERR_ARG;
  @*/
int tsr_frost_check_commitment_list(const tsr_frost_commitment *list, size_t k, size_t t_min, tsr_blame *blame);

/* compute_binding_factors (RFC 9591 §4.4): rho[i] = H1(PK || H4(msg) || H5(encode(list)) || id_i)
 * for each entry of the list. PK is SerializeElement(PK); for the TR suite the even-y group key,
 * 0x02 || x(PK). inputs (may be NULL) receives each binding_factor_input
 * (TSR_FROST_BF_INPUT_BYTES each) for vectors. Returns TSR_OK, TSR_ERR_ARG (unknown suite, k not
 * in 1..TSR_MAX_PARTIES, group key the identity) or TSR_ERR_INTERNAL. Public inputs; the list
 * should have passed tsr_frost_check_commitment_list. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_rho: k <= TSR_MAX_PARTIES ==> \valid(rho + (0 .. k - 1));
  @ requires valid_inputs: inputs == \null || (k <= TSR_MAX_PARTIES ==> \valid(inputs + (0 .. k - 1)));
  @ requires valid_group_key: \valid_read(group_key);
  @ requires valid_list: k <= TSR_MAX_PARTIES ==> \valid_read(list + (0 .. k - 1));
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires sep: inputs == \null || k > TSR_MAX_PARTIES || \separated(rho + (0 .. k - 1), inputs + (0 .. k - 1));
  @ assigns rho[0 .. k - 1], inputs[0 .. k - 1][0 .. TSR_FROST_BF_INPUT_BYTES - 1];
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_INTERNAL;
  @ ensures args: \result == TSR_OK ==> 1 <= k <= TSR_MAX_PARTIES && tsr_frost_suite_ok(suite);
  @*/
int tsr_frost_compute_binding_factors(const tsr_context *ctx, tsr_scalar *rho,
                                      uint8_t (*inputs)[TSR_FROST_BF_INPUT_BYTES], uint8_t suite,
                                      const tsr_point *group_key, const tsr_frost_commitment *list, size_t k,
                                      const uint8_t *msg, size_t msglen);
/* compute_group_commitment (RFC 9591 §4.5): R = sum D_i + rho_i * E_i. Public inputs.
 * Returns TSR_OK, TSR_ERR_ARG (k not in 1..TSR_MAX_PARTIES), TSR_ERR_RANGE if R is the identity,
 * TSR_ERR_INTERNAL. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_r: \valid(r);
  @ requires valid_list: k <= TSR_MAX_PARTIES ==> \valid_read(list + (0 .. k - 1));
  @ requires valid_rho: k <= TSR_MAX_PARTIES ==> \valid_read(rho + (0 .. k - 1));
  @ requires sep: k <= TSR_MAX_PARTIES ==> \separated(r, list + (0 .. k - 1), rho + (0 .. k - 1));
  @ assigns *r;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_RANGE ||
  @                \result == TSR_ERR_INTERNAL;
  @ ensures not_identity: \result == TSR_OK ==> r->infinity == 0;
  @*/
int tsr_frost_compute_group_commitment(const tsr_context *ctx, tsr_point *r, const tsr_frost_commitment *list,
                                       const tsr_scalar *rho, size_t k);
/* compute_challenge (RFC 9591 §4.6) for the suite: plain H2(R || PK || msg); TR the BIP340
 * challenge over x(R), x(PK). Returns TSR_OK, TSR_ERR_ARG (unknown suite, R or PK the
 * identity) or TSR_ERR_INTERNAL. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_c: \valid(c);
  @ requires valid_r: \valid_read(r);
  @ requires valid_group_key: \valid_read(group_key);
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ assigns *c;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_INTERNAL;
  @*/
int tsr_frost_compute_challenge(const tsr_context *ctx, tsr_scalar *c, uint8_t suite, const tsr_point *r,
                                const tsr_point *group_key, const uint8_t *msg, size_t msglen);
/* derive_interpolating_value (RFC 9591 §4.2) of id among the list's ids. Public inputs.
 * Returns TSR_OK, or TSR_ERR_ARG if id is not in the list (check TSR_CHECK_ID_UNKNOWN), k is not
 * in 1..TSR_MAX_PARTIES, an id is zero or some id occurs twice (lambda is then zero). */
/*@ requires valid_lambda: \valid(lambda);
  @ requires valid_list: k <= TSR_MAX_PARTIES ==> \valid_read(list + (0 .. k - 1));
  @ requires sep: k <= TSR_MAX_PARTIES ==> \separated(lambda, list + (0 .. k - 1));
  @ assigns *lambda;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG;
  @ ensures member: \result == TSR_OK ==> 1 <= k <= TSR_MAX_PARTIES &&
  @                 (\exists integer i; 0 <= i < k && list[i].id == id);
  @*/
int tsr_frost_derive_interpolating_value(tsr_scalar *lambda, const tsr_frost_commitment *list, size_t k, uint32_t id);

/* Round two, sign (RFC 9591 §5.2). Consumes *nonce (wiped, magic cleared) whatever the outcome.
 * Checks, in order: nonce fresh (else TSR_ERR_STATE, no blame), key a key package of a known
 * suite (TSR_ERR_ARG), the list (tsr_frost_check_commitment_list with t_min = 1: its code and
 * check), own commitment present and equal to nonce->commitment (TSR_ERR_ARG,
 * TSR_CHECK_OWN_COMMITMENT), R not the identity (TSR_ERR_RANGE, TSR_CHECK_POINT_IDENTITY, no
 * culprit). Blame names TSR_CULPRIT_COORDINATOR for a bad list (phase SIGN, round 2). TR suite:
 * negates the nonces when R has odd y and the share when PK has odd y.
 * Out: share (id 0 and z 0 on failure). Secret: nonce, key->share. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_share: \valid(share);
  @ requires valid_nonce: \valid(nonce);
  @ requires valid_key: \valid_read(key);
  @ requires valid_list: k <= TSR_MAX_PARTIES ==> \valid_read(list + (0 .. k - 1));
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep: \separated(share, nonce, key);
  @ requires sep_list: k <= TSR_MAX_PARTIES ==> \separated(list + (0 .. k - 1), share, nonce);
  @ requires sep_blame: blame == \null || \separated(blame, share, nonce, key);
  @ requires sep_blame_list: blame == \null || k > TSR_MAX_PARTIES || \separated(blame, list + (0 .. k - 1));
  @ assigns *share, *nonce, *blame;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_RANGE ||
  @                \result == TSR_ERR_STATE || \result == TSR_ERR_INTERNAL;
  @ ensures consumed: nonce->magic == 0;
  @ ensures stale: \old(nonce->magic) != TSR_FROST_NONCE_MAGIC ==> \result == TSR_ERR_STATE;
  @ ensures ok: \result == TSR_OK ==> share->id == key->id;
  @*/
int tsr_frost_sign(const tsr_context *ctx, tsr_frost_sigshare *share, tsr_frost_nonce *nonce,
                   const tsr_frost_keypkg *key, const tsr_frost_commitment *list, size_t k,
                   const uint8_t *msg, size_t msglen, tsr_blame *blame);

/* verify_signature_share (RFC 9591 §5.4): z_i*G == R_i + c*lambda_i*PK_i (with the TR suite's
 * even-y adjustments: R_i negated when R has odd y, PK_i when PK has odd y). Returns TSR_OK or
 * TSR_ERR_VERIFY (blame: share->id, phase AGGREGATE, round 2, TSR_CHECK_SIGNATURE_SHARE),
 * TSR_ERR_ARG / TSR_ERR_RANGE for a bad list (tsr_frost_check_commitment_list's blame), an id not
 * in the list (TSR_CHECK_ID_UNKNOWN), unknown suite or identity group key, TSR_ERR_INTERNAL.
 * Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_share: \valid_read(share);
  @ requires valid_vshare: \valid_read(verifying_share);
  @ requires valid_list: k <= TSR_MAX_PARTIES ==> \valid_read(list + (0 .. k - 1));
  @ requires valid_group_key: \valid_read(group_key);
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep_blame: blame == \null || k > TSR_MAX_PARTIES || \separated(blame, list + (0 .. k - 1));
  @ assigns *blame;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_RANGE ||
  @                \result == TSR_ERR_VERIFY || \result == TSR_ERR_INTERNAL;
  @*/
int tsr_frost_verify_signature_share(const tsr_context *ctx, uint8_t suite, const tsr_frost_sigshare *share,
                                     const tsr_point *verifying_share, const tsr_frost_commitment *list, size_t k,
                                     const tsr_point *group_key, const uint8_t *msg, size_t msglen,
                                     tsr_blame *blame);

/* aggregate (RFC 9591 §5.3) with cheater identification: shares[i] must belong to list[i].id
 * (else TSR_ERR_ARG, TSR_CHECK_MISSING naming that id). Computes the signature and verifies it;
 * only when it fails are the shares verified one by one against vshares[i] (the verifying share
 * of list[i].id), and every failing signer is written to culprits (up to culprits_cap; *nculprits
 * gets the number written; blame: id, phase AGGREGATE, round 2, TSR_CHECK_SIGNATURE_SHARE), in
 * list order. Returns TSR_OK with sig/siglen, or TSR_ERR_VERIFY with the culprits (sig is
 * zeroed; no culprit at all means the shares are individually valid but do not add up: fewer
 * than t signers, or verifying shares that do not match the group key). A bad list returns
 * tsr_frost_check_commitment_list's code with its blame as the single culprit record.
 * sig has room for tsr_frost_sig_len(suite) bytes (TSR_FROST_SIG_MAX_BYTES always suffices);
 * nothing is written there for an unknown suite. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_sig: \valid(sig + (0 .. tsr_frost_siglen(suite) - 1));
  @ requires valid_siglen: \valid(siglen);
  @ requires valid_culprits: \valid(culprits + (0 .. culprits_cap - 1));
  @ requires valid_nculprits: \valid(nculprits);
  @ requires valid_list: k <= TSR_MAX_PARTIES ==> \valid_read(list + (0 .. k - 1));
  @ requires valid_shares: k <= TSR_MAX_PARTIES ==> \valid_read(shares + (0 .. k - 1));
  @ requires valid_vshares: k <= TSR_MAX_PARTIES ==> \valid_read(vshares + (0 .. k - 1));
  @ requires valid_group_key: \valid_read(group_key);
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires sep: \separated(sig + (0 .. tsr_frost_siglen(suite) - 1), siglen, nculprits,
  @                          culprits + (0 .. culprits_cap - 1));
  @ requires sep_nc: \separated(siglen, nculprits, culprits + (0 .. culprits_cap - 1));
  @ requires sep_in: k <= TSR_MAX_PARTIES ==>
  @   \separated(sig + (0 .. tsr_frost_siglen(suite) - 1), culprits + (0 .. culprits_cap - 1), siglen, nculprits,
  @               list + (0 .. k - 1), shares + (0 .. k - 1), vshares + (0 .. k - 1));
  @ requires sep_out: \separated(sig + (0 .. tsr_frost_siglen(suite) - 1), culprits + (0 .. culprits_cap - 1),
  @                              siglen, nculprits, group_key, msg + (0 .. msglen - 1));
  @ assigns sig[0 .. tsr_frost_siglen(suite) - 1], *siglen, culprits[0 .. culprits_cap - 1], *nculprits;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_RANGE ||
  @                \result == TSR_ERR_VERIFY || \result == TSR_ERR_INTERNAL;
  @ ensures count: *nculprits <= culprits_cap;
  @ ensures ok: \result == TSR_OK ==> *nculprits == 0 && (*siglen == 64 || *siglen == 65);
  @ ensures fail: \result != TSR_OK ==> *siglen == 0;
  @*/
int tsr_frost_aggregate(const tsr_context *ctx, uint8_t *sig, size_t *siglen, tsr_blame *culprits,
                        size_t culprits_cap, size_t *nculprits, uint8_t suite,
                        const tsr_frost_commitment *list, const tsr_frost_sigshare *shares,
                        const tsr_point *vshares, size_t k, const tsr_point *group_key,
                        const uint8_t *msg, size_t msglen);

/* verify (RFC 9591 §6 / BIP340): Returns TSR_OK, TSR_ERR_ENCODING (bad length, R or z encoding),
 * TSR_ERR_VERIFY, TSR_ERR_ARG (unknown suite, group key the identity), TSR_ERR_INTERNAL. The TR
 * suite verifies with libsecp256k1 secp256k1_schnorrsig_verify. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_sig: \valid_read(sig + (0 .. siglen - 1));
  @ requires valid_group_key: \valid_read(group_key);
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ assigns \nothing;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ENCODING || \result == TSR_ERR_VERIFY ||
  @                \result == TSR_ERR_ARG || \result == TSR_ERR_INTERNAL;
  @ ensures length: siglen != tsr_frost_siglen(suite) ==> \result != TSR_OK;
  @*/
int tsr_frost_verify(const tsr_context *ctx, uint8_t suite, const uint8_t *sig, size_t siglen,
                     const tsr_point *group_key, const uint8_t *msg, size_t msglen);

/* Encodings (spec/frost.md §Encoding; all strict, with the failed check in *reason):
 *  commitment: u32be id || D (33) || E (33) = 70 bytes; identity D/E rejected.
 *  commitment list: u16be k || k * commitment (the list is then checked as above, t_min = 1).
 *  signature share: u32be id || z (32) = 36 bytes; z < n.
 *  signing request (coordinator to signer): u32be msglen || msg || commitment list. */
#define TSR_FROST_COMMITMENT_BYTES 70
#define TSR_FROST_SIGSHARE_BYTES 36
/* An identity point encodes as 33 zero bytes (which the decoder refuses). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_out: \valid(out + (0 .. TSR_FROST_COMMITMENT_BYTES - 1));
  @ requires valid_c: \valid_read(c);
  @ assigns out[0 .. TSR_FROST_COMMITMENT_BYTES - 1];
  @*/
void tsr_frost_commitment_encode(const tsr_context *ctx, uint8_t out[TSR_FROST_COMMITMENT_BYTES],
                                 const tsr_frost_commitment *c);
/* Checks in order (first failure wins): inlen == 70 (TSR_ERR_ENCODING, TSR_CHECK_LENGTH), id not
 * zero (TSR_ERR_ENCODING, TSR_CHECK_ID_ZERO), id <= TSR_MAX_PARTIES (TSR_ERR_ENCODING,
 * TSR_CHECK_SENDER), D then E by tsr_point_decode without the identity (its code and check:
 * TSR_CHECK_POINT_PREFIX, _X_RANGE, _NOT_ON_CURVE with TSR_ERR_ENCODING, _IDENTITY with
 * TSR_ERR_RANGE). On failure *c is cleared (id 0, identity points). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_c: \valid(c);
  @ requires valid_in: \valid_read(in + (0 .. inlen - 1));
  @ requires valid_reason: reason == \null || \valid(reason);
  @ requires sep: \separated(c, in + (0 .. inlen - 1));
  @ requires sep_reason: reason == \null || \separated(reason, c, in + (0 .. inlen - 1));
  @ assigns *c, *reason;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ENCODING || \result == TSR_ERR_RANGE;
  @ ensures length: inlen != TSR_FROST_COMMITMENT_BYTES ==> \result == TSR_ERR_ENCODING;
  @ ensures ok: \result == TSR_OK ==> tsr_frost_entry_ok(c);
  @ ensures reason_ok: reason != \null && \result == TSR_OK ==> *reason == TSR_CHECK_NONE;
  @ ensures reason_length: reason != \null && inlen != TSR_FROST_COMMITMENT_BYTES ==> *reason == TSR_CHECK_LENGTH;
  @*/
int tsr_frost_commitment_decode(const tsr_context *ctx, tsr_frost_commitment *c, const uint8_t *in, size_t inlen,
                                tsr_check *reason);
/* Returns TSR_OK, or TSR_ERR_ARG (k not in 1..TSR_MAX_PARTIES, outcap < 2 + 70 k); *outlen gets
 * the length written (0 on error, and out is then zeroed). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_out: \valid(out + (0 .. outcap - 1));
  @ requires valid_outlen: \valid(outlen);
  @ requires valid_list: k <= TSR_MAX_PARTIES ==> \valid_read(list + (0 .. k - 1));
  @ requires sep: \separated(out + (0 .. outcap - 1), outlen);
  @ assigns out[0 .. outcap - 1], *outlen;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG;
  @ ensures ok: \result == TSR_OK ==> *outlen == 2 + TSR_FROST_COMMITMENT_BYTES * k && *outlen <= outcap &&
  @             1 <= k <= TSR_MAX_PARTIES;
  @ ensures cleared: \result != TSR_OK ==> *outlen == 0;
  @*/
int tsr_frost_commitment_list_encode(const tsr_context *ctx, uint8_t *out, size_t outcap, size_t *outlen,
                                     const tsr_frost_commitment *list, size_t k);
/* list has room for TSR_MAX_PARTIES entries. Checks in order (first failure wins):
 *   inlen < 2                        TSR_ERR_ENCODING  TSR_CHECK_TRUNCATED
 *   k = 0 or k > TSR_MAX_PARTIES     TSR_ERR_ENCODING  TSR_CHECK_COUNT
 *   inlen < 2 + 70 k                 TSR_ERR_ENCODING  TSR_CHECK_TRUNCATED
 *   inlen > 2 + 70 k                 TSR_ERR_ENCODING  TSR_CHECK_TRAILING
 *   each commitment, in order        tsr_frost_commitment_decode's code and check
 *   ids strictly ascending           TSR_ERR_ENCODING  TSR_CHECK_ID_DUPLICATE / TSR_CHECK_ID_ORDER
 * On failure *k = 0. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_list: \valid(list + (0 .. TSR_MAX_PARTIES - 1));
  @ requires valid_k: \valid(k);
  @ requires valid_in: \valid_read(in + (0 .. inlen - 1));
  @ requires valid_reason: reason == \null || \valid(reason);
  @ requires sep: \separated(k, list + (0 .. TSR_MAX_PARTIES - 1), in + (0 .. inlen - 1));
  @ requires sep_reason: reason == \null || \separated(reason, k, list + (0 .. TSR_MAX_PARTIES - 1),
  @                                                     in + (0 .. inlen - 1));
  @ assigns list[0 .. TSR_MAX_PARTIES - 1], *k, *reason;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ENCODING || \result == TSR_ERR_RANGE;
  @ ensures ok: \result == TSR_OK ==> tsr_frost_list_ok(list, *k) && inlen == 2 + TSR_FROST_COMMITMENT_BYTES * *k;
  @ ensures cleared: \result != TSR_OK ==> *k == 0;
  @ ensures reason_ok: reason != \null && \result == TSR_OK ==> *reason == TSR_CHECK_NONE;
  @*/
int tsr_frost_commitment_list_decode(const tsr_context *ctx, tsr_frost_commitment *list, size_t *k,
                                     const uint8_t *in, size_t inlen, tsr_check *reason);
/*@ requires valid_out: \valid(out + (0 .. TSR_FROST_SIGSHARE_BYTES - 1));
  @ requires valid_s: \valid_read(s);
  @ assigns out[0 .. TSR_FROST_SIGSHARE_BYTES - 1];
  @*/
void tsr_frost_sigshare_encode(uint8_t out[TSR_FROST_SIGSHARE_BYTES], const tsr_frost_sigshare *s);
/* Checks in order: inlen == 36 (TSR_CHECK_LENGTH), id not zero (TSR_CHECK_ID_ZERO),
 * id <= TSR_MAX_PARTIES (TSR_CHECK_SENDER), z < n (TSR_CHECK_SCALAR_RANGE); every failure is
 * TSR_ERR_ENCODING and clears *s. */
/*@ requires valid_s: \valid(s);
  @ requires valid_in: \valid_read(in + (0 .. inlen - 1));
  @ requires valid_reason: reason == \null || \valid(reason);
  @ requires sep: \separated(s, in + (0 .. inlen - 1));
  @ requires sep_reason: reason == \null || \separated(reason, s, in + (0 .. inlen - 1));
  @ assigns *s, *reason;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ENCODING;
  @ ensures length: inlen != TSR_FROST_SIGSHARE_BYTES ==> \result == TSR_ERR_ENCODING;
  @ ensures ok: \result == TSR_OK ==> 1 <= s->id <= TSR_MAX_PARTIES;
  @ ensures cleared: \result != TSR_OK ==> s->id == 0;
  @ ensures reason_ok: reason != \null && \result == TSR_OK ==> *reason == TSR_CHECK_NONE;
  @ ensures reason_length: reason != \null && inlen != TSR_FROST_SIGSHARE_BYTES ==> *reason == TSR_CHECK_LENGTH;
  @*/
int tsr_frost_sigshare_decode(tsr_frost_sigshare *s, const uint8_t *in, size_t inlen, tsr_check *reason);

#ifdef __cplusplus
}
#endif
#endif
