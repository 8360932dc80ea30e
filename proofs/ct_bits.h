/* Bit facts behind the ct.h helpers, as ACSL axioms for WP. Each axiom is a statement about
 * integers in a fixed-width range; WP encodes C bitwise operators as uninterpreted functions
 * (lor, land, lxor, lsr) that Z3 and CVC4 cannot reason about, so these identities are proved
 * separately, as bit-vector lemmas, by proofs/ct_bits.mlw (why3 prove, one lemma per axiom, same
 * name), which proofs/run.sh runs too. Only proofs/ct_harness.c includes this file. */
#ifndef TESSERA_PROOFS_CT_BITS_H
#define TESSERA_PROOFS_CT_BITS_H

/*@ axiomatic TsrBits {
  @   // nonzero_mask32: 0 - ((x | -x) >> 31) is all ones exactly when x != 0 (32 bits).
  @   axiom bits_nonzero:
  @     \forall integer x; 0 <= x <= 0xffffffff ==>
  @       (uint32_t)(-((x | (uint32_t)(-x)) >> 31)) == (x != 0 ? 0xffffffff : 0);
  @   // eq_mask32: a ^ b is 0 exactly when a == b (32 bits).
  @   axiom bits_xor_zero:
  @     \forall integer a, b; 0 <= a <= 0xffffffff && 0 <= b <= 0xffffffff ==>
  @       ((uint32_t)(a ^ b) == 0 <==> a == b);
  @   // lt_mask32: for d = a - b of two 32-bit values, bits 32..63 of the 64-bit d are all ones
  @   // iff d < 0, else zero (stated on d as the shift, and as the mask that WP's simplifier
  @   // turns the shift into).
  @   axiom bits_borrow:
  @     \forall integer d; -0xffffffff <= d <= 0xffffffff ==>
  @       (uint32_t)((uint64_t)d >> 32) == (d < 0 ? 0xffffffff : 0);
  @   axiom bits_borrow_mask:
  @     \forall integer d; -0xffffffff <= d <= 0xffffffff ==>
  @       (0xffffffff00000000 & (uint64_t)d) == (d < 0 ? 0xffffffff00000000 : 0);
  @   // ^ and & commute (WP orders their arguments, the axioms below use one order).
  @   axiom bits_xor_comm: \forall integer a, b; (a ^ b) == (b ^ a);
  @   axiom bits_and_comm: \forall integer a, b; (a & b) == (b & a);
  @   // select32: b ^ (m & (a ^ b)) is a for m all ones and b for m zero.
  @   axiom bits_select:
  @     \forall integer m, a, b; (m == 0 || m == 0xffffffff) &&
  @       0 <= a <= 0xffffffff && 0 <= b <= 0xffffffff ==>
  @       (uint32_t)(b ^ (m & (uint32_t)(a ^ b))) == (m != 0 ? a : b);
  @   // cmov_bytes: the low byte of a mask, and the byte select ((d ^ s) & m) ^ d.
  @   axiom bits_mask_byte:
  @     \forall integer m; m == 0 || m == 0xffffffff ==> (uint8_t)m == (m != 0 ? 0xff : 0);
  @   axiom bits_select8:
  @     \forall integer m, d, s; (m == 0 || m == 0xff) && 0 <= d <= 0xff && 0 <= s <= 0xff ==>
  @       (uint8_t)(((d ^ s) & m) ^ d) == (m != 0 ? s : d);
  @   axiom bits_select8_mask32:
  @     \forall integer m, d, s; (m == 0 || m == 0xffffffff) && 0 <= d <= 0xff && 0 <= s <= 0xff ==>
  @       (uint8_t)(((d ^ s) & (uint8_t)m) ^ d) == (m != 0 ? s : d);
  @   // memeq_mask: OR-accumulating byte differences stays a byte, and is zero iff both parts are.
  @   axiom bits_or_byte:
  @     \forall integer acc, x; 0 <= acc <= 0xff && 0 <= x <= 0xff ==> 0 <= (acc | x) <= 0xff;
  @   axiom bits_or_zero:
  @     \forall integer acc, x; 0 <= acc <= 0xffffffff && 0 <= x <= 0xffffffff ==>
  @       ((acc | x) == 0 <==> (acc == 0 && x == 0));
  @   axiom bits_xor_byte:
  @     \forall integer a, b; 0 <= a <= 0xff && 0 <= b <= 0xff ==> 0 <= (a ^ b) <= 0xff;
  @ }
  @*/

#endif
