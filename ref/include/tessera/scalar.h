/* Scalars: arithmetic modulo the secp256k1 group order n, constant time, with canonical encodings. */
#ifndef TESSERA_SCALAR_H
#define TESSERA_SCALAR_H

#include "tessera/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* n = FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFE BAAEDCE6 AF48A03B BFD25E8C D0364141 */
#define TSR_SCALAR_BYTES 32

/* A scalar: eight 32-bit limbs, least significant first, always fully reduced (< n).
 * Secret unless the caller says otherwise. Has no formatter on purpose. */
typedef struct {
    uint32_t d[8];
} tsr_scalar;

/* Sets r to the small value v (v < n always holds). */
void tsr_scalar_set_u32(tsr_scalar *r, uint32_t v);

/* Strict decoding of a 32-byte big-endian scalar.
 * Returns: TSR_OK, or TSR_ERR_RANGE if the value is >= n (then r is set to zero).
 * Secret: constant time in in32; only the validity bit is declassified. */
int tsr_scalar_decode(tsr_scalar *r, const uint8_t in32[32]);

/* Encodes a as 32 bytes big-endian. */
void tsr_scalar_encode(uint8_t out32[32], const tsr_scalar *a);

/* Wide reduction: r = (big-endian integer in[0..inlen-1]) mod n, for inlen <= 64 (hash_to_field
 * uses 48). Returns: TSR_OK, or TSR_ERR_ARG if inlen > 64. Secret: constant time in the bytes. */
int tsr_scalar_reduce_be(tsr_scalar *r, const uint8_t *in, size_t inlen);

/* r = a + b, a - b, -a, a * b (mod n). r may alias the inputs. Constant time. */
void tsr_scalar_add(tsr_scalar *r, const tsr_scalar *a, const tsr_scalar *b);
void tsr_scalar_sub(tsr_scalar *r, const tsr_scalar *a, const tsr_scalar *b);
void tsr_scalar_neg(tsr_scalar *r, const tsr_scalar *a);
void tsr_scalar_mul(tsr_scalar *r, const tsr_scalar *a, const tsr_scalar *b);

/* r = a^-1 mod n (Fermat: a^(n-2)); the inverse of zero is zero. Constant time. */
void tsr_scalar_inv(tsr_scalar *r, const tsr_scalar *a);

/* Returns: 0xffffffff if a == 0 (resp. a == b), else 0. Constant time; the result is a secret mask. */
uint32_t tsr_scalar_is_zero_mask(const tsr_scalar *a);
uint32_t tsr_scalar_eq_mask(const tsr_scalar *a, const tsr_scalar *b);

/* r = a if mask is all-ones, unchanged if mask is zero. Constant time. */
void tsr_scalar_cmov(tsr_scalar *r, const tsr_scalar *a, uint32_t mask);

/* Wipes a scalar. */
void tsr_scalar_clear(tsr_scalar *a);

#ifdef __cplusplus
}
#endif
#endif
