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

/* Returns: the signature length of a suite (65 or 64), or 0 for an unknown suite. */
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

/* Trusted-dealer key generation (RFC 9591 Appendix C): f(0) = *secret (or a fresh secret when
 * secret == NULL, from the first 64 bytes of rand), t-1 coefficients from rand, shares for ids
 * 1..n. randlen must be 64*t (secret == NULL) or 64*(t-1).
 * Out: pkgs[0..n-1] (pkgs[i].id = i+1), group_key, commitment (Feldman, t points, may be NULL).
 * Returns: TSR_OK, TSR_ERR_ARG (t, n, suite, randlen) or TSR_ERR_INTERNAL. On failure every
 * output is cleared. Secret: secret, rand, every share. */
int tsr_frost_keygen_dealer(const tsr_context *ctx, tsr_frost_keypkg *pkgs, tsr_point *group_key,
                            tsr_vss_commitment *commitment, uint8_t suite, size_t t, size_t n,
                            const tsr_scalar *secret, const uint8_t *rand, size_t randlen);

/* Builds a key package from a share (e.g. a DKG result): checks share*G == verifying_share when
 * verifying_share != NULL (TSR_ERR_VERIFY otherwise), computes it when NULL.
 * Returns: TSR_OK, TSR_ERR_ARG (id 0 or > TSR_MAX_PARTIES, unknown suite, group key identity),
 * TSR_ERR_VERIFY, TSR_ERR_INTERNAL. Secret: share. */
int tsr_frost_keypkg_set(const tsr_context *ctx, tsr_frost_keypkg *pkg, uint8_t suite, uint32_t id,
                         const tsr_scalar *share, const tsr_point *verifying_share,
                         const tsr_point *group_key);

/* Taproot tweak (BIP341, TR suite only), applied to a key package and to the public key material
 * an aggregator holds: P = group key with even y (shares negated when PK has odd y),
 * t = int(tagged_hash("TapTweak", x(P) || merkle_root)) (merkle_root may be NULL: empty),
 * t >= n is TSR_ERR_RANGE; share' = share + t, PK' = P + t*G, PK_i' = (+-)PK_i + t*G.
 * Returns: TSR_OK, TSR_ERR_ARG (not the TR suite), TSR_ERR_RANGE (check TSR_CHECK_TWEAK),
 * TSR_ERR_INTERNAL. On failure *pkg is unchanged. Secret: pkg->share. */
int tsr_frost_keypkg_tweak(const tsr_context *ctx, tsr_frost_keypkg *pkg, const uint8_t *merkle_root32);
/* The same tweak on public values only (aggregator / verifier side): group_key and the
 * verifying shares vshares[0..n-1] (may be NULL when n == 0) are replaced in place. */
int tsr_frost_pubkey_tweak(const tsr_context *ctx, tsr_point *group_key, tsr_point *vshares, size_t n,
                           const uint8_t *merkle_root32);

void tsr_frost_keypkg_clear(tsr_frost_keypkg *pkg);

/* nonce_generate (RFC 9591 §4.1): out = H3(rand32 || SerializeScalar(secret)).
 * Secret: rand32, secret, out. */
int tsr_frost_nonce_generate(tsr_scalar *out, uint8_t suite, const uint8_t rand32[32], const tsr_scalar *secret);

/* Round one, commit (RFC 9591 §5.1): d = nonce_generate(rand64[0..31], sk_i),
 * e = nonce_generate(rand64[32..63], sk_i), D = d*G, E = e*G. All-zero randomness is refused
 * (TSR_ERR_ARG). Out: nonce (fresh), commitment (public). On failure both are cleared.
 * Secret: rand64, key->share, nonce. */
int tsr_frost_commit(const tsr_context *ctx, tsr_frost_nonce *nonce, tsr_frost_commitment *commitment,
                     const tsr_frost_keypkg *key, const uint8_t rand64[64]);

void tsr_frost_nonce_clear(tsr_frost_nonce *nonce);

/* Checks a commitment list (RFC 9591 §5.2/§5.3 input checks): k in t_min..TSR_MAX_PARTIES
 * (when t_min > 0; TSR_CHECK_SIGNER_COUNT), ids in 1..TSR_MAX_PARTIES (TSR_CHECK_ID_ZERO /
 * TSR_CHECK_SENDER), strictly ascending (TSR_CHECK_ID_ORDER, TSR_CHECK_ID_DUPLICATE for equal
 * neighbours), no identity D or E (TSR_CHECK_POINT_IDENTITY). Returns TSR_OK or TSR_ERR_ARG /
 * TSR_ERR_RANGE; blame (may be NULL) names the id of the first bad entry (phase SIGN, round 1).
 * Public inputs. */
int tsr_frost_check_commitment_list(const tsr_frost_commitment *list, size_t k, size_t t_min, tsr_blame *blame);

/* compute_binding_factors (RFC 9591 §4.4): rho[i] = H1(PK || H4(msg) || H5(encode(list)) || id_i)
 * for each entry of the (checked) list. inputs (may be NULL) receives each binding_factor_input
 * (TSR_FROST_BF_INPUT_BYTES each) for vectors. Public inputs. */
int tsr_frost_compute_binding_factors(const tsr_context *ctx, tsr_scalar *rho,
                                      uint8_t (*inputs)[TSR_FROST_BF_INPUT_BYTES], uint8_t suite,
                                      const tsr_point *group_key, const tsr_frost_commitment *list, size_t k,
                                      const uint8_t *msg, size_t msglen);
/* compute_group_commitment (RFC 9591 §4.5): R = sum D_i + rho_i * E_i. Public inputs.
 * Returns TSR_OK, TSR_ERR_RANGE if R is the identity, TSR_ERR_INTERNAL. */
int tsr_frost_compute_group_commitment(const tsr_context *ctx, tsr_point *r, const tsr_frost_commitment *list,
                                       const tsr_scalar *rho, size_t k);
/* compute_challenge (RFC 9591 §4.6) for the suite: plain H2(R || PK || msg); TR the BIP340
 * challenge over x(R), x(PK). Public inputs. */
int tsr_frost_compute_challenge(const tsr_context *ctx, tsr_scalar *c, uint8_t suite, const tsr_point *r,
                                const tsr_point *group_key, const uint8_t *msg, size_t msglen);
/* derive_interpolating_value (RFC 9591 §4.2) of id among the list's ids. Public inputs.
 * Returns TSR_OK, or TSR_ERR_ARG if id is not in the list (check TSR_CHECK_ID_UNKNOWN). */
int tsr_frost_derive_interpolating_value(tsr_scalar *lambda, const tsr_frost_commitment *list, size_t k, uint32_t id);

/* Round two, sign (RFC 9591 §5.2). Consumes *nonce (wiped, magic cleared) whatever the outcome.
 * Checks: nonce fresh (else TSR_ERR_STATE), the list (tsr_frost_check_commitment_list with
 * t_min = 1), own commitment present and equal to nonce->commitment (TSR_CHECK_OWN_COMMITMENT),
 * key suite. Blame names TSR_CULPRIT_COORDINATOR for a bad list. TR suite: negates the nonces
 * when R has odd y and the share when PK has odd y.
 * Out: share. Secret: nonce, key->share. */
int tsr_frost_sign(const tsr_context *ctx, tsr_frost_sigshare *share, tsr_frost_nonce *nonce,
                   const tsr_frost_keypkg *key, const tsr_frost_commitment *list, size_t k,
                   const uint8_t *msg, size_t msglen, tsr_blame *blame);

/* verify_signature_share (RFC 9591 §5.4): z_i*G == R_i + c*lambda_i*PK_i (with the TR suite's
 * even-y adjustments). Returns TSR_OK or TSR_ERR_VERIFY (blame: share->id, TSR_CHECK_SIGNATURE_SHARE),
 * TSR_ERR_ARG for a bad list. Public inputs. */
int tsr_frost_verify_signature_share(const tsr_context *ctx, uint8_t suite, const tsr_frost_sigshare *share,
                                     const tsr_point *verifying_share, const tsr_frost_commitment *list, size_t k,
                                     const tsr_point *group_key, const uint8_t *msg, size_t msglen,
                                     tsr_blame *blame);

/* aggregate (RFC 9591 §5.3) with cheater identification: shares[i] must belong to list[i].id
 * (else TSR_ERR_ARG, TSR_CHECK_MISSING naming that id). Computes the signature and verifies it;
 * only when it fails are the shares verified one by one against vshares[i] (the verifying share
 * of list[i].id), and every failing signer is written to culprits (up to culprits_cap; *nculprits
 * gets the count). Returns TSR_OK with sig/siglen, or TSR_ERR_VERIFY with the culprits (sig is
 * zeroed). Public inputs. */
int tsr_frost_aggregate(const tsr_context *ctx, uint8_t *sig, size_t *siglen, tsr_blame *culprits,
                        size_t culprits_cap, size_t *nculprits, uint8_t suite,
                        const tsr_frost_commitment *list, const tsr_frost_sigshare *shares,
                        const tsr_point *vshares, size_t k, const tsr_point *group_key,
                        const uint8_t *msg, size_t msglen);

/* verify (RFC 9591 §6 / BIP340): Returns TSR_OK, TSR_ERR_ENCODING (bad length, R or z encoding),
 * TSR_ERR_VERIFY. The TR suite verifies with libsecp256k1 secp256k1_schnorrsig_verify.
 * Public inputs. */
int tsr_frost_verify(const tsr_context *ctx, uint8_t suite, const uint8_t *sig, size_t siglen,
                     const tsr_point *group_key, const uint8_t *msg, size_t msglen);

/* Encodings (spec/frost.md §Encoding; all strict, with the failed check in *reason):
 *  commitment: u32be id || D (33) || E (33) = 70 bytes; identity D/E rejected.
 *  commitment list: u16be k || k * commitment (the list is then checked as above, t_min = 1).
 *  signature share: u32be id || z (32) = 36 bytes; z < n.
 *  signing request (coordinator to signer): u32be msglen || msg || commitment list. */
#define TSR_FROST_COMMITMENT_BYTES 70
#define TSR_FROST_SIGSHARE_BYTES 36
void tsr_frost_commitment_encode(const tsr_context *ctx, uint8_t out[TSR_FROST_COMMITMENT_BYTES],
                                 const tsr_frost_commitment *c);
int tsr_frost_commitment_decode(const tsr_context *ctx, tsr_frost_commitment *c, const uint8_t *in, size_t inlen,
                                tsr_check *reason);
int tsr_frost_commitment_list_encode(const tsr_context *ctx, uint8_t *out, size_t outcap, size_t *outlen,
                                     const tsr_frost_commitment *list, size_t k);
int tsr_frost_commitment_list_decode(const tsr_context *ctx, tsr_frost_commitment *list, size_t *k,
                                     const uint8_t *in, size_t inlen, tsr_check *reason);
void tsr_frost_sigshare_encode(uint8_t out[TSR_FROST_SIGSHARE_BYTES], const tsr_frost_sigshare *s);
int tsr_frost_sigshare_decode(tsr_frost_sigshare *s, const uint8_t *in, size_t inlen, tsr_check *reason);

#ifdef __cplusplus
}
#endif
#endif
