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

/* ACSL: n's big-endian bytes, and "the 32 big-endian bytes at in are < n" as a lexicographic
 * comparison with those bytes (most significant byte first). */
/*@ logic integer tsr_scalar_n_be(integer i) =
  @   i <= 14 ? 0xFF : i == 15 ? 0xFE : i == 16 ? 0xBA : i == 17 ? 0xAE :
  @   i == 18 ? 0xDC : i == 19 ? 0xE6 : i == 20 ? 0xAF : i == 21 ? 0x48 :
  @   i == 22 ? 0xA0 : i == 23 ? 0x3B : i == 24 ? 0xBF : i == 25 ? 0xD2 :
  @   i == 26 ? 0x5E : i == 27 ? 0x8C : i == 28 ? 0xD0 : i == 29 ? 0x36 : 0x41;
  @
  @ predicate tsr_scalar_be_eq_n_prefix{L}(uint8_t *in, integer len) =
  @   \forall integer j; 0 <= j < len ==> in[j] == tsr_scalar_n_be(j);
  @
  @ predicate tsr_scalar_be_lt_n_at{L}(uint8_t *in, integer len) =
  @   \exists integer k; 0 <= k < len && tsr_scalar_be_eq_n_prefix(in, k) && in[k] < tsr_scalar_n_be(k);
  @
  @ predicate tsr_scalar_be_lt_n{L}(uint8_t *in) = tsr_scalar_be_lt_n_at(in, 32);
  @
  @ predicate tsr_scalar_is_zero{L}(tsr_scalar *a) = \forall integer j; 0 <= j < 8 ==> a->d[j] == 0;
  @
  @ // Limb k (least significant first) of the 32 big-endian bytes at in.
  @ logic integer tsr_scalar_be_limb{L}(uint8_t *in, integer k) =
  @   in[28 - 4 * k] * 16777216 + in[29 - 4 * k] * 65536 + in[30 - 4 * k] * 256 + in[31 - 4 * k];
  @*/

/* Sets r to the small value v (v < n always holds). */
/*@ requires valid_r: \valid(r);
  @ assigns r->d[0 .. 7];
  @ ensures low: r->d[0] == v;
  @ ensures high: \forall integer j; 1 <= j < 8 ==> r->d[j] == 0;
  @*/
void tsr_scalar_set_u32(tsr_scalar *r, uint32_t v);

/* Strict decoding of a 32-byte big-endian scalar.
 * Returns: TSR_OK, or TSR_ERR_RANGE if the value is >= n (then r is set to zero).
 * Secret: constant time in in32; only the validity bit is declassified. */
/*@ requires valid_r: \valid(r);
  @ requires valid_in: \valid_read(in32 + (0 .. 31));
  @ requires sep: \separated(r, in32 + (0 .. 31));
  @ assigns r->d[0 .. 7];
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_RANGE;
  @ ensures canonical: \result == TSR_OK <==> tsr_scalar_be_lt_n(in32);
  @ ensures zero_on_error: \result == TSR_ERR_RANGE ==> tsr_scalar_is_zero(r);
  @ ensures value: \result == TSR_OK ==> \forall integer k; 0 <= k < 8 ==> r->d[k] == tsr_scalar_be_limb(in32, k);
  @*/
int tsr_scalar_decode(tsr_scalar *r, const uint8_t in32[32]);

/* Encodes a as 32 bytes big-endian. out32 may overlap a. */
/*@ requires valid_out: \valid(out32 + (0 .. 31));
  @ requires valid_a: \valid_read(a);
  @ assigns out32[0 .. 31];
  @ ensures value: \forall integer k; 0 <= k < 8 ==> tsr_scalar_be_limb(out32, k) == \old(a->d[k]);
  @*/
void tsr_scalar_encode(uint8_t out32[32], const tsr_scalar *a);

/* Wide reduction: r = (big-endian integer in[0..inlen-1]) mod n, for inlen <= 64 (hash_to_field
 * uses 48). Returns: TSR_OK, or TSR_ERR_ARG if inlen > 64. Secret: constant time in the bytes.
 * in may be NULL when inlen == 0; r may overlap in. */
/*@ requires valid_r: \valid(r);
  @ requires valid_in: inlen <= 64 ==> \valid_read(in + (0 .. inlen - 1));
  @ assigns r->d[0 .. 7];
  @ ensures codes: \result == TSR_OK <==> inlen <= 64;
  @ ensures codes2: \result == TSR_OK || \result == TSR_ERR_ARG;
  @*/
int tsr_scalar_reduce_be(tsr_scalar *r, const uint8_t *in, size_t inlen);

/* r = a + b, a - b, -a, a * b (mod n). r may alias the inputs. Constant time. */
/*@ requires valid_r: \valid(r);
  @ requires valid_a: \valid_read(a);
  @ requires valid_b: \valid_read(b);
  @ requires alias_a: r == a || \separated(r, a);
  @ requires alias_b: r == b || \separated(r, b);
  @ assigns r->d[0 .. 7];
  @*/
void tsr_scalar_add(tsr_scalar *r, const tsr_scalar *a, const tsr_scalar *b);
/*@ requires valid_r: \valid(r);
  @ requires valid_a: \valid_read(a);
  @ requires valid_b: \valid_read(b);
  @ requires alias_a: r == a || \separated(r, a);
  @ requires alias_b: r == b || \separated(r, b);
  @ assigns r->d[0 .. 7];
  @*/
void tsr_scalar_sub(tsr_scalar *r, const tsr_scalar *a, const tsr_scalar *b);
/*@ requires valid_r: \valid(r);
  @ requires valid_a: \valid_read(a);
  @ requires alias_a: r == a || \separated(r, a);
  @ assigns r->d[0 .. 7];
  @*/
void tsr_scalar_neg(tsr_scalar *r, const tsr_scalar *a);
/*@ requires valid_r: \valid(r);
  @ requires valid_a: \valid_read(a);
  @ requires valid_b: \valid_read(b);
  @ requires alias_a: r == a || \separated(r, a);
  @ requires alias_b: r == b || \separated(r, b);
  @ assigns r->d[0 .. 7];
  @*/
void tsr_scalar_mul(tsr_scalar *r, const tsr_scalar *a, const tsr_scalar *b);

/* r = a^-1 mod n (Fermat: a^(n-2)); the inverse of zero is zero. Constant time. */
/*@ requires valid_r: \valid(r);
  @ requires valid_a: \valid_read(a);
  @ requires alias_a: r == a || \separated(r, a);
  @ assigns r->d[0 .. 7];
  @*/
void tsr_scalar_inv(tsr_scalar *r, const tsr_scalar *a);

/* r = a^-1 mod n by the binary extended Euclidean algorithm; the inverse of zero is zero. r may
 * alias a. Variable time: all inputs public (e.g. Lagrange coefficients over public
 * identifiers); passing a secret is a bug, use tsr_scalar_inv. */
/*@ requires valid_r: \valid(r);
  @ requires valid_a: \valid_read(a);
  @ requires alias_a: r == a || \separated(r, a);
  @ assigns r->d[0 .. 7];
  @*/
void tsr_scalar_inv_var(tsr_scalar *r, const tsr_scalar *a);

/* Returns: 0xffffffff if a == 0 (resp. a == b), else 0. Constant time; the result is a secret mask. */
/*@ requires valid_a: \valid_read(a);
  @ assigns \nothing;
  @ ensures mask: \result == 0 || \result == 0xffffffffU;
  @ ensures zero: \result != 0 <==> tsr_scalar_is_zero(a);
  @*/
uint32_t tsr_scalar_is_zero_mask(const tsr_scalar *a);
/*@ requires valid_a: \valid_read(a);
  @ requires valid_b: \valid_read(b);
  @ assigns \nothing;
  @ ensures mask: \result == 0 || \result == 0xffffffffU;
  @ ensures eq: \result != 0 <==> (\forall integer j; 0 <= j < 8 ==> a->d[j] == b->d[j]);
  @*/
uint32_t tsr_scalar_eq_mask(const tsr_scalar *a, const tsr_scalar *b);

/* r = a if mask is all-ones, unchanged if mask is zero (mask must be one of the two). Constant
 * time. r may alias a. */
/*@ requires valid_r: \valid(r);
  @ requires valid_a: \valid_read(a);
  @ requires alias_a: r == a || \separated(r, a);
  @ requires is_mask: mask == 0 || mask == 0xffffffffU;
  @ assigns r->d[0 .. 7];
  @ ensures moved: mask == 0xffffffffU ==> \forall integer j; 0 <= j < 8 ==> r->d[j] == \old(a->d[j]);
  @ ensures kept: mask == 0 ==> \forall integer j; 0 <= j < 8 ==> r->d[j] == \old(r->d[j]);
  @*/
void tsr_scalar_cmov(tsr_scalar *r, const tsr_scalar *a, uint32_t mask);

/* Wipes a scalar. */
/*@ requires valid_a: \valid(a);
  @ assigns a->d[0 .. 7];
  @*/
void tsr_scalar_clear(tsr_scalar *a);

#ifdef __cplusplus
}
#endif
#endif
