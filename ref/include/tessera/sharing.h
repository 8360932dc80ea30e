/* Secret sharing: Shamir polynomials, Lagrange coefficients, reconstruction, and Feldman and
 * Pedersen verifiable secret sharing with strict encodings of commitments and shares. */
#ifndef TESSERA_SHARING_H
#define TESSERA_SHARING_H

#include "tessera/common.h"
#include "tessera/point.h"
#include "tessera/scalar.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A polynomial f(x) = a[0] + a[1] x + ... + a[t-1] x^(t-1) of degree t-1 (t coefficients).
 * Secret: every coefficient. Wipe with tsr_poly_clear. */
typedef struct {
    size_t t;
    tsr_scalar a[TSR_MAX_PARTIES];
} tsr_poly;

/* A commitment vector to a polynomial: c[k] = a[k]*G (Feldman) or a[k]*G + b[k]*H (Pedersen). Public. */
typedef struct {
    size_t t;
    tsr_point c[TSR_MAX_PARTIES];
} tsr_vss_commitment;

/* Checks a list of identifiers: n in 1..TSR_MAX_PARTIES, every id non-zero (ids are scalars, so
 * < n by type), pairwise distinct. Returns: TSR_OK or TSR_ERR_ARG; *reason (if not NULL) gets
 * TSR_CHECK_COUNT, TSR_CHECK_ID_ZERO or TSR_CHECK_ID_DUPLICATE. Ids are public. */
int tsr_ids_check(const tsr_scalar *ids, size_t n, tsr_check *reason);

/* Builds f with f(0) = *secret and t-1 random coefficients, each the reduction mod n of 64 bytes
 * of rand (randlen must be 64*(t-1)). Returns: TSR_OK, or TSR_ERR_ARG (t not in 1..TSR_MAX_PARTIES,
 * wrong randlen). Secret: secret, rand, p. */
int tsr_poly_init(tsr_poly *p, const tsr_scalar *secret, size_t t, const uint8_t *rand, size_t randlen);

/* out = f(x) by Horner's rule. Constant time in the coefficients and in x. */
void tsr_poly_eval(tsr_scalar *out, const tsr_poly *p, const tsr_scalar *x);

/* Wipes a polynomial. */
void tsr_poly_clear(tsr_poly *p);

/* shares[i] = f(ids[i]) for i < n, after checking 1 <= t <= n <= TSR_MAX_PARTIES and the ids.
 * Returns: TSR_OK or TSR_ERR_ARG (with *reason). Secret: p, shares. On error shares are zeroed. */
int tsr_shamir_split(tsr_scalar *shares, const tsr_scalar *ids, size_t n, const tsr_poly *p,
                     tsr_check *reason);

/* Lagrange coefficient of ids[i] over the set ids[0..k-1], evaluated at x (x == NULL means 0):
 * prod_{j != i} (x - ids[j]) / (ids[i] - ids[j]). Checks the ids (non-zero, distinct, k bounds)
 * and i < k. Returns: TSR_OK or TSR_ERR_ARG (with *reason). Ids and x are public. */
int tsr_lagrange_coeff(tsr_scalar *out, const tsr_scalar *ids, size_t k, size_t i, const tsr_scalar *x,
                       tsr_check *reason);

/* out = sum_i lambda_i(x) shares[i]: the value at x (NULL = 0) of the polynomial through the k
 * points. Returns: TSR_OK or TSR_ERR_ARG. Secret: shares, out. */
int tsr_shamir_interpolate(tsr_scalar *out, const tsr_scalar *ids, const tsr_scalar *shares, size_t k,
                           const tsr_scalar *x, tsr_check *reason);

/* out = f(0) from k shares (tsr_shamir_interpolate at 0). */
int tsr_shamir_reconstruct(tsr_scalar *out, const tsr_scalar *ids, const tsr_scalar *shares, size_t k,
                           tsr_check *reason);

/* Feldman commitments: c->c[k] = p->a[k]*G, c->t = p->t. Constant time in p.
 * Returns: TSR_OK, TSR_ERR_ARG, or TSR_ERR_INTERNAL. */
int tsr_feldman_commit(const tsr_context *ctx, tsr_vss_commitment *c, const tsr_poly *p);

/* out = sum_k c[k] * x^k (the public image of f(x)). Variable time: all inputs public.
 * Returns: TSR_OK, TSR_ERR_ARG (t out of range) or TSR_ERR_INTERNAL. */
int tsr_vss_eval_var(const tsr_context *ctx, tsr_point *out, const tsr_vss_commitment *c, const tsr_scalar *x);

/* Checks share*G == sum_k c[k] id^k. Returns: TSR_OK, TSR_ERR_VERIFY (*reason = TSR_CHECK_FELDMAN),
 * TSR_ERR_ARG (id zero, t out of range). Secret: share (only the verdict is declassified). */
int tsr_feldman_verify(const tsr_context *ctx, const tsr_vss_commitment *c, const tsr_scalar *id,
                       const tsr_scalar *share, tsr_check *reason);

/* The Pedersen second generator H: a nothing-up-my-sleeve point (spec/sharing.md §Pedersen),
 * x = SHA256("TSR-PEDERSEN-H-v1" || u32be(ctr)) for the first ctr giving a valid even-y point. */
int tsr_pedersen_generator(const tsr_context *ctx, tsr_point *h);

/* Pedersen commitments: c[k] = f.a[k]*G + r.a[k]*H; f and r must have the same t.
 * Returns: TSR_OK, TSR_ERR_ARG or TSR_ERR_INTERNAL. Secret: f, r. */
int tsr_pedersen_commit(const tsr_context *ctx, tsr_vss_commitment *c, const tsr_poly *f, const tsr_poly *r);

/* Checks share*G + blind*H == sum_k c[k] id^k. Returns as tsr_feldman_verify (TSR_CHECK_PEDERSEN). */
int tsr_pedersen_verify(const tsr_context *ctx, const tsr_vss_commitment *c, const tsr_scalar *id,
                        const tsr_scalar *share, const tsr_scalar *blind, tsr_check *reason);

/* Commitment encoding: u16be(t) || t * 33-byte compressed points. Returns: TSR_OK, or TSR_ERR_ARG
 * if outcap < 2 + 33 t or t is out of range; *outlen gets the length written. */
int tsr_vss_commitment_encode(const tsr_context *ctx, uint8_t *out, size_t outcap, size_t *outlen,
                              const tsr_vss_commitment *c);

/* Strict decoding: count must equal expected_t (1..TSR_MAX_PARTIES), exact length, every point
 * canonical and not the identity. Returns: TSR_OK, TSR_ERR_ENCODING or TSR_ERR_RANGE with *reason
 * (TSR_CHECK_TRUNCATED, _TRAILING, _COUNT, _COMMITMENT_COUNT, point checks). */
int tsr_vss_commitment_decode(const tsr_context *ctx, tsr_vss_commitment *c, const uint8_t *in, size_t inlen,
                              size_t expected_t, tsr_check *reason);

/* Share encoding: id (32) || value (32). */
#define TSR_SHARE_BYTES 64
void tsr_share_encode(uint8_t out64[64], const tsr_scalar *id, const tsr_scalar *value);

/* Strict decoding: inlen == 64, id non-zero and < n, value < n.
 * Returns: TSR_OK, TSR_ERR_ENCODING (length) or TSR_ERR_RANGE with *reason. Secret: value. */
int tsr_share_decode(tsr_scalar *id, tsr_scalar *value, const uint8_t *in, size_t inlen, tsr_check *reason);

#ifdef __cplusplus
}
#endif
#endif
