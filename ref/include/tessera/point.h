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

/* A group element. infinity != 0 means the identity (pk is then unused and zero). */
typedef struct {
    secp256k1_pubkey pk;
    int infinity;
} tsr_point;

/* Sets r to the identity. */
void tsr_point_set_identity(tsr_point *r);

/* Returns: 1 if a is the identity, else 0. */
int tsr_point_is_identity(const tsr_point *a);

/* r = k*G. Constant time in k (libsecp256k1 ec_pubkey_create); k = 0 gives the identity.
 * Returns: TSR_OK, or TSR_ERR_INTERNAL if libsecp256k1 fails unexpectedly.
 * Secret: k. Whether r is the identity is public (it is part of the public output). */
int tsr_point_base_mul(const tsr_context *ctx, tsr_point *r, const tsr_scalar *k);

/* r = k*P. Constant time in k (libsecp256k1 ecdh with a callback returning the whole point).
 * Returns: TSR_OK or TSR_ERR_INTERNAL. Secret: k. */
int tsr_point_mul(const tsr_context *ctx, tsr_point *r, const tsr_point *p, const tsr_scalar *k);

/* r = k*P, variable time (libsecp256k1 ec_pubkey_tweak_mul). All inputs public.
 * Returns: TSR_OK or TSR_ERR_INTERNAL. */
int tsr_point_mul_var(const tsr_context *ctx, tsr_point *r, const tsr_point *p, const tsr_scalar *k);

/* r = a + b (either may be the identity; a + (-a) gives the identity). Points are public.
 * Returns: TSR_OK or TSR_ERR_INTERNAL. r may alias a or b. */
int tsr_point_add(const tsr_context *ctx, tsr_point *r, const tsr_point *a, const tsr_point *b);

/* r = -a. Returns: TSR_OK or TSR_ERR_INTERNAL. */
int tsr_point_neg(const tsr_context *ctx, tsr_point *r, const tsr_point *a);

/* Returns: 1 if a == b, else 0. Public inputs. */
int tsr_point_eq(const tsr_context *ctx, const tsr_point *a, const tsr_point *b);

/* Encodes a as 33 bytes SEC1 compressed; the identity encodes as 33 zero bytes.
 * Returns: TSR_OK or TSR_ERR_INTERNAL. */
int tsr_point_encode(const tsr_context *ctx, uint8_t out33[33], const tsr_point *a);

/* Strict decoding: inlen must be 33, prefix 02/03, x < p, x^3 + 7 a square mod p. 33 zero bytes
 * decode to the identity only with TSR_POINT_ALLOW_IDENTITY in flags.
 * Returns: TSR_OK, TSR_ERR_ENCODING (length, prefix, x range, not on curve) or TSR_ERR_RANGE
 * (identity refused). Out: *reason (if reason != NULL) gets the failed check, TSR_CHECK_NONE on
 * success. On failure r is the identity. */
int tsr_point_decode(const tsr_context *ctx, tsr_point *r, const uint8_t *in, size_t inlen,
                     unsigned flags, tsr_check *reason);

/* BIP340 x-only decoding: the point with x = in32 and even y. Errors as tsr_point_decode. */
int tsr_point_decode_xonly(const tsr_context *ctx, tsr_point *r, const uint8_t in32[32], tsr_check *reason);

/* BIP340 x-only encoding: out32 = x(a); *y_odd (if not NULL) = parity of y(a).
 * Returns: TSR_OK, or TSR_ERR_RANGE for the identity. */
int tsr_point_encode_xonly(const tsr_context *ctx, uint8_t out32[32], int *y_odd, const tsr_point *a);

#ifdef __cplusplus
}
#endif
#endif
