/* Points: secp256k1 group elements over libsecp256k1's public API, with an explicit identity. */
#ifndef TESSERA_POINT_H
#define TESSERA_POINT_H

#include <secp256k1.h>

#include "tessera/common.h"
#include "tessera/scalar.h"

#ifdef __cplusplus
extern "C" {
#endif

#define TSR_POINT_BYTES 33 /* SEC1 compressed */

/* Decoder flag: accept Tessera's identity encoding (33 zero bytes). Off by default. */
#define TSR_POINT_ALLOW_IDENTITY 1u

/* A group element. infinity != 0 means the identity (pk is then unused and zero).
 * Contracts (ACSL): every function below needs valid pointers; ctx must come from
 * tsr_context_create, and a non-identity tsr_point must hold a pk produced by this module (a
 * garbage pk makes libsecp256k1 call its illegal-argument callback, which aborts). Outputs are
 * fully written on every return, success or failure. */
typedef struct {
    secp256k1_pubkey pk;
    int infinity;
} tsr_point;

/* Sets r to the identity. */
/*@ requires valid_r: \valid(r);
  @ assigns *r;
  @ ensures identity: r->infinity != 0;
  @*/
void tsr_point_set_identity(tsr_point *r);

/* Returns: 1 if a is the identity, else 0. */
/*@ requires valid_a: \valid_read(a);
  @ assigns \nothing;
  @ ensures result: \result == (a->infinity != 0 ? 1 : 0);
  @*/
int tsr_point_is_identity(const tsr_point *a);

/* r = k*G. Constant time in k (libsecp256k1 ec_pubkey_create); k = 0 gives the identity.
 * Returns: TSR_OK, or TSR_ERR_INTERNAL if libsecp256k1 fails unexpectedly.
 * Secret: k. Whether r is the identity is public (it is part of the public output). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_r: \valid(r);
  @ requires valid_k: \valid_read(k);
  @ assigns *r;
  @ ensures rc: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
int tsr_point_base_mul(const tsr_context *ctx, tsr_point *r, const tsr_scalar *k);

/* r = k*P. Constant time in k (libsecp256k1 ecdh with a callback returning the whole point);
 * k = 0 or P = identity gives the identity. r may alias p.
 * Returns: TSR_OK or TSR_ERR_INTERNAL. Secret: k. The product r is public output: its bytes are
 * declassified before libsecp256k1 parses them (whether P is the identity is public too). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_r: \valid(r);
  @ requires valid_p: \valid_read(p);
  @ requires valid_k: \valid_read(k);
  @ assigns *r;
  @ ensures rc: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
int tsr_point_mul(const tsr_context *ctx, tsr_point *r, const tsr_point *p, const tsr_scalar *k);

/* r = k*P, variable time (libsecp256k1 ec_pubkey_tweak_mul). All inputs public.
 * k = 0 or P = identity gives the identity. r may alias p.
 * Returns: TSR_OK or TSR_ERR_INTERNAL. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_r: \valid(r);
  @ requires valid_p: \valid_read(p);
  @ requires valid_k: \valid_read(k);
  @ assigns *r;
  @ ensures rc: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
int tsr_point_mul_var(const tsr_context *ctx, tsr_point *r, const tsr_point *p, const tsr_scalar *k);

/* r = a + b (either may be the identity; a + (-a) gives the identity). Points are public.
 * Returns: TSR_OK or TSR_ERR_INTERNAL. r may alias a or b. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_r: \valid(r);
  @ requires valid_a: \valid_read(a);
  @ requires valid_b: \valid_read(b);
  @ assigns *r;
  @ ensures rc: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
int tsr_point_add(const tsr_context *ctx, tsr_point *r, const tsr_point *a, const tsr_point *b);

/* r = -a (the identity for the identity). r may alias a.
 * Returns: TSR_OK or TSR_ERR_INTERNAL. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_r: \valid(r);
  @ requires valid_a: \valid_read(a);
  @ assigns *r;
  @ ensures rc: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @*/
int tsr_point_neg(const tsr_context *ctx, tsr_point *r, const tsr_point *a);

/* Returns: 1 if a == b, else 0. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_a: \valid_read(a);
  @ requires valid_b: \valid_read(b);
  @ assigns \nothing;
  @ ensures bool: \result == 0 || \result == 1;
  @ ensures identities: a->infinity != 0 && b->infinity != 0 ==> \result == 1;
  @ ensures one_identity: (a->infinity != 0) != (b->infinity != 0) ==> \result == 0;
  @*/
int tsr_point_eq(const tsr_context *ctx, const tsr_point *a, const tsr_point *b);

/* Encodes a as 33 bytes SEC1 compressed; the identity encodes as 33 zero bytes.
 * Returns: TSR_OK or TSR_ERR_INTERNAL (then out33 is 33 zero bytes). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_out: \valid(out33 + (0 .. 32));
  @ requires valid_a: \valid_read(a);
  @ assigns out33[0 .. 32];
  @ ensures rc: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @ ensures identity: \old(a->infinity) != 0 ==> \result == TSR_OK &&
  @                   (\forall integer i; 0 <= i < 33 ==> out33[i] == 0);
  @*/
int tsr_point_encode(const tsr_context *ctx, uint8_t out33[33], const tsr_point *a);

/* Strict decoding: inlen must be 33, prefix 02/03, x < p, x^3 + 7 a square mod p. 33 zero bytes
 * decode to the identity only with TSR_POINT_ALLOW_IDENTITY in flags.
 * Returns: TSR_OK, TSR_ERR_ENCODING (length, prefix, x range, not on curve) or TSR_ERR_RANGE
 * (identity refused). Out: *reason (if reason != NULL) gets the failed check, TSR_CHECK_NONE on
 * success. On failure r is the identity. in may be NULL when inlen is 0. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_r: \valid(r);
  @ requires valid_in: \valid_read(in + (0 .. inlen - 1));
  @ requires valid_reason: reason == \null || \valid(reason);
  @ requires sep_reason: reason == \null || \separated(r, reason);
  @ assigns *r, *reason;
  @ ensures rc: \result == TSR_OK || \result == TSR_ERR_ENCODING || \result == TSR_ERR_RANGE;
  @ ensures length: inlen != 33 ==> \result == TSR_ERR_ENCODING;
  @ ensures fail_identity: \result != TSR_OK ==> r->infinity != 0;
  @ ensures strict: \result == TSR_OK && (flags & TSR_POINT_ALLOW_IDENTITY) == 0 ==> r->infinity == 0;
  @ ensures reason_none: reason != \null ==> (\result == TSR_OK <==> *reason == TSR_CHECK_NONE);
  @ ensures reason_length: reason != \null && inlen != 33 ==> *reason == TSR_CHECK_LENGTH;
  @ ensures reason_identity: reason != \null ==>
  @                          (\result == TSR_ERR_RANGE <==> *reason == TSR_CHECK_POINT_IDENTITY);
  @*/
int tsr_point_decode(const tsr_context *ctx, tsr_point *r, const uint8_t *in, size_t inlen,
                     unsigned flags, tsr_check *reason);

/* BIP340 x-only decoding (lift_x): the point with x = in32 and even y. Never the identity.
 * Returns: TSR_OK or TSR_ERR_ENCODING (reason TSR_CHECK_POINT_X_RANGE or
 * TSR_CHECK_POINT_NOT_ON_CURVE). On failure r is the identity. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_r: \valid(r);
  @ requires valid_in: \valid_read(in32 + (0 .. 31));
  @ requires valid_reason: reason == \null || \valid(reason);
  @ requires sep_reason: reason == \null || \separated(r, reason);
  @ assigns *r, *reason;
  @ ensures rc: \result == TSR_OK || \result == TSR_ERR_ENCODING;
  @ ensures ok_point: \result == TSR_OK ==> r->infinity == 0;
  @ ensures fail_identity: \result != TSR_OK ==> r->infinity != 0;
  @ ensures reason_none: reason != \null ==> (\result == TSR_OK <==> *reason == TSR_CHECK_NONE);
  @ ensures reason_fail: reason != \null && \result != TSR_OK ==>
  @                      *reason == TSR_CHECK_POINT_X_RANGE || *reason == TSR_CHECK_POINT_NOT_ON_CURVE;
  @*/
int tsr_point_decode_xonly(const tsr_context *ctx, tsr_point *r, const uint8_t in32[32], tsr_check *reason);

/* BIP340 x-only encoding: out32 = x(a); *y_odd (if not NULL) = parity of y(a).
 * Returns: TSR_OK, or TSR_ERR_RANGE for the identity, or TSR_ERR_INTERNAL; on failure out32 is
 * zero and *y_odd is 0. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_out: \valid(out32 + (0 .. 31));
  @ requires valid_y_odd: y_odd == \null || \valid(y_odd);
  @ requires valid_a: \valid_read(a);
  @ requires sep_y_odd: y_odd == \null || \separated(y_odd, out32 + (0 .. 31));
  @ assigns out32[0 .. 31], *y_odd;
  @ ensures rc: \result == TSR_OK || \result == TSR_ERR_RANGE || \result == TSR_ERR_INTERNAL;
  @ ensures identity: \old(a->infinity) != 0 <==> \result == TSR_ERR_RANGE;
  @ ensures parity: y_odd != \null ==> (*y_odd == 0 || *y_odd == 1);
  @*/
int tsr_point_encode_xonly(const tsr_context *ctx, uint8_t out32[32], int *y_odd, const tsr_point *a);

#ifdef __cplusplus
}
#endif
#endif
