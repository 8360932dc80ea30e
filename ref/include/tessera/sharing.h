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

/* ACSL vocabulary for the contracts below (Frama-C WP; see proofs/README.md). A scalar is
 * "non-zero" when some limb is non-zero and two scalars "differ" when some limb differs: scalars
 * are always fully reduced, so this is value (in)equality. */
/*@ predicate tsr_scalar_nonzero{L}(tsr_scalar *a) =
  @   \exists integer k; 0 <= k < 8 && a->d[k] != 0;
  @ predicate tsr_scalar_differ{L}(tsr_scalar *a, tsr_scalar *b) =
  @   \exists integer k; 0 <= k < 8 && a->d[k] != b->d[k];
  @ predicate tsr_ids_ok{L}(tsr_scalar *ids, integer n) =
  @   1 <= n <= TSR_MAX_PARTIES &&
  @   (\forall integer i; 0 <= i < n ==> tsr_scalar_nonzero(ids + i)) &&
  @   (\forall integer i, j; 0 <= i < j < n ==> tsr_scalar_differ(ids + i, ids + j));
  @ predicate tsr_reason_ok{L}(tsr_check *reason, int ret) =
  @   reason != \null && ret == TSR_OK ==> *reason == TSR_CHECK_NONE;
  @*/

/* Checks a list of identifiers: n in 1..TSR_MAX_PARTIES, every id non-zero (ids are scalars, so
 * < n by type), pairwise distinct. Returns: TSR_OK or TSR_ERR_ARG; *reason (if not NULL) gets
 * TSR_CHECK_COUNT, TSR_CHECK_ID_ZERO or TSR_CHECK_ID_DUPLICATE. Ids are public. */
/*@ requires valid_ids: n <= TSR_MAX_PARTIES ==> \valid_read(ids + (0 .. n - 1));
  @ requires valid_reason: reason == \null || \valid(reason);
  @ requires sep: reason == \null || \separated(reason, ids + (0 .. n - 1));
  @ assigns *reason;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG;
  @ ensures ids_ok: \result == TSR_OK ==> tsr_ids_ok(ids, n);
  @ ensures ids_bad: \result != TSR_OK ==> !tsr_ids_ok(ids, n);
  @ ensures reason_ok: tsr_reason_ok(reason, \result);
  @ ensures reason_err: reason != \null && \result != TSR_OK ==>
  @   *reason == TSR_CHECK_COUNT || *reason == TSR_CHECK_ID_ZERO || *reason == TSR_CHECK_ID_DUPLICATE;
  @ ensures count: (n < 1 || n > TSR_MAX_PARTIES) && reason != \null ==> *reason == TSR_CHECK_COUNT;
  @*/
int tsr_ids_check(const tsr_scalar *ids, size_t n, tsr_check *reason);

/* Builds f with f(0) = *secret and t-1 random coefficients, each the reduction mod n of 64 bytes
 * of rand (randlen must be 64*(t-1); rand may be NULL when t == 1). Returns: TSR_OK, or
 * TSR_ERR_ARG (t not in 1..TSR_MAX_PARTIES, wrong randlen), then p is cleared (t = 0). secret may
 * point into p. Secret: secret, rand, p. */
/*@ requires valid_p: \valid(p);
  @ requires valid_secret: \valid_read(secret);
  @ requires valid_rand: \valid_read(rand + (0 .. randlen - 1));
  @ assigns *p;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_INTERNAL;
  @ ensures ok: \result == TSR_OK ==> 1 <= t <= TSR_MAX_PARTIES && randlen == 64 * (t - 1) && p->t == t;
  @ ensures cleared: \result != TSR_OK ==> p->t == 0;
  @*/
int tsr_poly_init(tsr_poly *p, const tsr_scalar *secret, size_t t, const uint8_t *rand, size_t randlen);

/* out = f(x) by Horner's rule. Constant time in the coefficients and in x. */
/*@ requires valid_out: \valid(out);
  @ requires valid_p: \valid_read(p);
  @ requires valid_x: \valid_read(x);
  @ assigns *out;
  @*/
void tsr_poly_eval(tsr_scalar *out, const tsr_poly *p, const tsr_scalar *x);

/* Wipes a polynomial. */
/*@ requires valid_p: \valid(p);
  @ assigns *p;
  @ ensures cleared: p->t == 0;
  @*/
void tsr_poly_clear(tsr_poly *p);

/* shares[i] = f(ids[i]) for i < n, after checking 1 <= t <= n <= TSR_MAX_PARTIES and the ids.
 * Returns: TSR_OK or TSR_ERR_ARG with *reason: TSR_CHECK_COUNT (n not in 1..TSR_MAX_PARTIES),
 * TSR_CHECK_THRESHOLD (t not in 1..n), or tsr_ids_check's reason. Secret: p, shares. On error
 * shares[0..n-1] are zeroed (nothing is written when n itself is out of range). */
/*@ requires valid_p: \valid_read(p);
  @ requires valid_ids: n <= TSR_MAX_PARTIES ==> \valid_read(ids + (0 .. n - 1));
  @ requires valid_shares: n <= TSR_MAX_PARTIES ==> \valid(shares + (0 .. n - 1));
  @ requires valid_reason: reason == \null || \valid(reason);
  @ requires sep: n <= TSR_MAX_PARTIES ==> \separated(shares + (0 .. n - 1), ids + (0 .. n - 1), p);
  @ requires sep_reason: reason == \null || \separated(reason, shares + (0 .. n - 1), ids + (0 .. n - 1), p);
  @ assigns shares[0 .. n - 1], *reason;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG;
  @ ensures ok: \result == TSR_OK ==> \old(tsr_ids_ok(ids, n)) && 1 <= p->t <= n;
  @ ensures reason_ok: tsr_reason_ok(reason, \result);
  @*/
int tsr_shamir_split(tsr_scalar *shares, const tsr_scalar *ids, size_t n, const tsr_poly *p,
                     tsr_check *reason);

/* Lagrange coefficient of ids[i] over the set ids[0..k-1], evaluated at x (x == NULL means 0):
 * prod_{j != i} (x - ids[j]) / (ids[i] - ids[j]), with one inversion of the product of the
 * denominators. Checks the ids (tsr_ids_check) and i < k (else TSR_CHECK_ID_UNKNOWN).
 * Returns: TSR_OK or TSR_ERR_ARG (with *reason; out is then zero). Ids and x are public. */
/*@ requires valid_out: \valid(out);
  @ requires valid_ids: k <= TSR_MAX_PARTIES ==> \valid_read(ids + (0 .. k - 1));
  @ requires valid_x: x == \null || \valid_read(x);
  @ requires valid_reason: reason == \null || \valid(reason);
  @ requires sep_reason: reason == \null || \separated(reason, out, ids + (0 .. k - 1));
  @ assigns *out, *reason;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG;
  @ ensures ok: \result == TSR_OK ==> \old(tsr_ids_ok(ids, k)) && i < k;
  @ ensures reason_ok: tsr_reason_ok(reason, \result);
  @*/
int tsr_lagrange_coeff(tsr_scalar *out, const tsr_scalar *ids, size_t k, size_t i, const tsr_scalar *x,
                       tsr_check *reason);

/* out = sum_i lambda_i(x) shares[i]: the value at x (NULL = 0) of the polynomial through the k
 * points. Returns: TSR_OK or TSR_ERR_ARG (tsr_ids_check's reason; out is then zero).
 * Secret: shares, out. out may alias x, an id or a share. */
/*@ requires valid_out: \valid(out);
  @ requires valid_ids: k <= TSR_MAX_PARTIES ==> \valid_read(ids + (0 .. k - 1));
  @ requires valid_shares: k <= TSR_MAX_PARTIES ==> \valid_read(shares + (0 .. k - 1));
  @ requires valid_x: x == \null || \valid_read(x);
  @ requires valid_reason: reason == \null || \valid(reason);
  @ requires sep_reason: reason == \null || \separated(reason, out, ids + (0 .. k - 1));
  @ assigns *out, *reason;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG;
  @ ensures ok: \result == TSR_OK ==> \old(tsr_ids_ok(ids, k));
  @ ensures reason_ok: tsr_reason_ok(reason, \result);
  @*/
int tsr_shamir_interpolate(tsr_scalar *out, const tsr_scalar *ids, const tsr_scalar *shares, size_t k,
                           const tsr_scalar *x, tsr_check *reason);

/* out = f(0) from k shares (tsr_shamir_interpolate at 0). */
/*@ requires valid_out: \valid(out);
  @ requires valid_ids: k <= TSR_MAX_PARTIES ==> \valid_read(ids + (0 .. k - 1));
  @ requires valid_shares: k <= TSR_MAX_PARTIES ==> \valid_read(shares + (0 .. k - 1));
  @ requires valid_reason: reason == \null || \valid(reason);
  @ requires sep_reason: reason == \null || \separated(reason, out, ids + (0 .. k - 1));
  @ assigns *out, *reason;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG;
  @ ensures ok: \result == TSR_OK ==> \old(tsr_ids_ok(ids, k));
  @ ensures reason_ok: tsr_reason_ok(reason, \result);
  @*/
int tsr_shamir_reconstruct(tsr_scalar *out, const tsr_scalar *ids, const tsr_scalar *shares, size_t k,
                           tsr_check *reason);

/* Feldman commitments: c->c[k] = p->a[k]*G, c->t = p->t. Constant time in p.
 * Returns: TSR_OK, TSR_ERR_ARG (p->t not in 1..TSR_MAX_PARTIES) or TSR_ERR_INTERNAL; on error c is
 * empty (t = 0). A zero coefficient gives the identity (which the commitment decoder refuses). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_c: \valid(c);
  @ requires valid_p: \valid_read(p);
  @ requires sep: \separated(c, p);
  @ assigns *c;
  @ ensures ok: \result == TSR_OK ==> c->t == p->t && 1 <= c->t <= TSR_MAX_PARTIES;
  @ ensures cleared: \result != TSR_OK ==> c->t == 0;
  @*/
int tsr_feldman_commit(const tsr_context *ctx, tsr_vss_commitment *c, const tsr_poly *p);

/* out = sum_k c[k] * x^k (the public image of f(x)). Variable time: all inputs public.
 * Returns: TSR_OK, TSR_ERR_ARG (t out of range) or TSR_ERR_INTERNAL. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_out: \valid(out);
  @ requires valid_c: \valid_read(c);
  @ requires valid_x: \valid_read(x);
  @ requires sep: \separated(out, c);
  @ assigns *out;
  @*/
int tsr_vss_eval_var(const tsr_context *ctx, tsr_point *out, const tsr_vss_commitment *c, const tsr_scalar *x);

/* Checks share*G == sum_k c[k] id^k. Returns: TSR_OK, TSR_ERR_VERIFY (*reason = TSR_CHECK_FELDMAN),
 * TSR_ERR_ARG (id zero: TSR_CHECK_ID_ZERO; c->t not in 1..TSR_MAX_PARTIES: TSR_CHECK_COUNT) or
 * TSR_ERR_INTERNAL. Secret: share (only share*G, the public verification share, and the verdict
 * are declassified). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_c: \valid_read(c);
  @ requires valid_id: \valid_read(id);
  @ requires valid_share: \valid_read(share);
  @ requires valid_reason: reason == \null || \valid(reason);
  @ assigns *reason;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_VERIFY ||
  @   \result == TSR_ERR_INTERNAL;
  @ ensures reason_ok: tsr_reason_ok(reason, \result);
  @ ensures verify: \result == TSR_ERR_VERIFY && reason != \null ==> *reason == TSR_CHECK_FELDMAN;
  @*/
int tsr_feldman_verify(const tsr_context *ctx, const tsr_vss_commitment *c, const tsr_scalar *id,
                       const tsr_scalar *share, tsr_check *reason);

/* The Pedersen second generator H: a nothing-up-my-sleeve point (spec/sharing.md §Pedersen),
 * x = SHA256("TSR-PEDERSEN-H-v1" || u32be(ctr)) for the first ctr giving a valid even-y point. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_h: \valid(h);
  @ assigns *h;
  @*/
int tsr_pedersen_generator(const tsr_context *ctx, tsr_point *h);

/* Pedersen commitments: c[k] = f.a[k]*G + r.a[k]*H; f and r must have the same t.
 * Returns: TSR_OK, TSR_ERR_ARG or TSR_ERR_INTERNAL (then c is empty, t = 0). Secret: f, r (the
 * two summands of each c[k] are declassified for the addition only; spec/sharing.md §8.2). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_c: \valid(c);
  @ requires valid_f: \valid_read(f);
  @ requires valid_r: \valid_read(r);
  @ requires sep: \separated(c, f, r);
  @ assigns *c;
  @ ensures ok: \result == TSR_OK ==> c->t == f->t && f->t == r->t && 1 <= c->t <= TSR_MAX_PARTIES;
  @ ensures cleared: \result != TSR_OK ==> c->t == 0;
  @*/
int tsr_pedersen_commit(const tsr_context *ctx, tsr_vss_commitment *c, const tsr_poly *f, const tsr_poly *r);

/* Checks share*G + blind*H == sum_k c[k] id^k. Returns as tsr_feldman_verify (TSR_CHECK_PEDERSEN).
 * Secret: share, blind (declassified: share*G + blind*H, a hiding commitment equal to the public
 * image when valid, and the two summands for the addition only; spec/sharing.md §8.2). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_c: \valid_read(c);
  @ requires valid_id: \valid_read(id);
  @ requires valid_share: \valid_read(share);
  @ requires valid_blind: \valid_read(blind);
  @ requires valid_reason: reason == \null || \valid(reason);
  @ assigns *reason;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_VERIFY ||
  @   \result == TSR_ERR_INTERNAL;
  @ ensures reason_ok: tsr_reason_ok(reason, \result);
  @ ensures verify: \result == TSR_ERR_VERIFY && reason != \null ==> *reason == TSR_CHECK_PEDERSEN;
  @*/
int tsr_pedersen_verify(const tsr_context *ctx, const tsr_vss_commitment *c, const tsr_scalar *id,
                        const tsr_scalar *share, const tsr_scalar *blind, tsr_check *reason);

/* Commitment encoding: u16be(t) || t * 33-byte compressed points. Returns: TSR_OK, or TSR_ERR_ARG
 * if outcap < 2 + 33 t or t is out of range; *outlen gets the length written (0 and out zeroed on
 * error). An identity point encodes as 33 zero bytes, which the decoder refuses. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_out: \valid(out + (0 .. outcap - 1));
  @ requires valid_outlen: \valid(outlen);
  @ requires valid_c: \valid_read(c);
  @ requires sep: \separated(out + (0 .. outcap - 1), outlen, c);
  @ assigns out[0 .. outcap - 1], *outlen;
  @ ensures ok: \result == TSR_OK ==> *outlen == 2 + 33 * c->t && *outlen <= outcap;
  @ ensures cleared: \result != TSR_OK ==> *outlen == 0;
  @*/
int tsr_vss_commitment_encode(const tsr_context *ctx, uint8_t *out, size_t outcap, size_t *outlen,
                              const tsr_vss_commitment *c);

/* Strict decoding: count must equal expected_t (1..TSR_MAX_PARTIES), exact length, every point
 * canonical and not the identity. Checks in this order, first failure wins:
 *   expected_t not in 1..TSR_MAX_PARTIES   TSR_ERR_ARG       TSR_CHECK_THRESHOLD
 *   inlen < 2                               TSR_ERR_ENCODING  TSR_CHECK_TRUNCATED
 *   count 0 or > TSR_MAX_PARTIES           TSR_ERR_ENCODING  TSR_CHECK_COUNT
 *   count != expected_t                     TSR_ERR_ENCODING  TSR_CHECK_COMMITMENT_COUNT
 *   inlen < 2 + 33 count                    TSR_ERR_ENCODING  TSR_CHECK_TRUNCATED
 *   inlen > 2 + 33 count                    TSR_ERR_ENCODING  TSR_CHECK_TRAILING
 *   each point, in order: tsr_point_decode without TSR_POINT_ALLOW_IDENTITY (its code and check).
 * On error c is empty (t = 0). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_c: \valid(c);
  @ requires valid_in: \valid_read(in + (0 .. inlen - 1));
  @ requires valid_reason: reason == \null || \valid(reason);
  @ requires sep: \separated(c, in + (0 .. inlen - 1));
  @ requires sep_reason: reason == \null || \separated(reason, c, in + (0 .. inlen - 1));
  @ assigns *c, *reason;
  @ ensures ok: \result == TSR_OK ==> c->t == expected_t && inlen == 2 + 33 * expected_t &&
  @   1 <= expected_t <= TSR_MAX_PARTIES;
  @ ensures cleared: \result != TSR_OK ==> c->t == 0;
  @ ensures reason_ok: tsr_reason_ok(reason, \result);
  @*/
int tsr_vss_commitment_decode(const tsr_context *ctx, tsr_vss_commitment *c, const uint8_t *in, size_t inlen,
                              size_t expected_t, tsr_check *reason);

/* Share encoding: id (32) || value (32). */
#define TSR_SHARE_BYTES 64
/*@ requires valid_out: \valid(out64 + (0 .. 63));
  @ requires valid_id: \valid_read(id);
  @ requires valid_value: \valid_read(value);
  @ assigns out64[0 .. 63];
  @*/
void tsr_share_encode(uint8_t out64[64], const tsr_scalar *id, const tsr_scalar *value);

/* Strict decoding: inlen == 64, id non-zero and < n, value < n.
 * Returns: TSR_OK, TSR_ERR_ENCODING (TSR_CHECK_LENGTH) or TSR_ERR_RANGE (id >= n or value >= n:
 * TSR_CHECK_SCALAR_RANGE; id zero: TSR_CHECK_ID_ZERO), checked in that order. On error id and
 * value are zero. Secret: value (only its validity bit is declassified). */
/*@ requires valid_id: \valid(id);
  @ requires valid_value: \valid(value);
  @ requires valid_in: \valid_read(in + (0 .. inlen - 1));
  @ requires valid_reason: reason == \null || \valid(reason);
  @ requires sep: \separated(id, value, in + (0 .. inlen - 1));
  @ requires sep_reason: reason == \null || \separated(reason, id, value, in + (0 .. inlen - 1));
  @ assigns *id, *value, *reason;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ENCODING || \result == TSR_ERR_RANGE;
  @ ensures ok: \result == TSR_OK ==> inlen == 64;
  @ ensures reason_ok: tsr_reason_ok(reason, \result);
  @*/
int tsr_share_decode(tsr_scalar *id, tsr_scalar *value, const uint8_t *in, size_t inlen, tsr_check *reason);

#ifdef __cplusplus
}
#endif
#endif
