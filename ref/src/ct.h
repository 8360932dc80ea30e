/* Constant-time helpers: masks, select, cmov and compare. The only place for bit tricks in ref/. */
#ifndef TESSERA_CT_H
#define TESSERA_CT_H

#include <stddef.h>
#include <stdint.h>

#include "tessera/common.h"

/* TSR_DECLASSIFY(p, n): the n bytes at p become public. Under -DTSR_CTIME this tells Valgrind
 * memcheck the bytes are defined (ctime test); otherwise it compiles to nothing. Every use
 * carries a comment saying why the value may be public. */
#ifdef TSR_CTIME
#include <valgrind/memcheck.h>
#define TSR_DECLASSIFY(p, n) ((void)VALGRIND_MAKE_MEM_DEFINED((p), (n)))
#else
#define TSR_DECLASSIFY(p, n) ((void)(p), (void)(n))
#endif

/* Internal invariants: compiled in only with -DTSR_VERIFY (the test suite runs both builds). */
#ifdef TSR_VERIFY
#include <stdio.h>
#include <stdlib.h>
#define TSR_VERIFY_CHECK(cond) do { \
        if (!(cond)) { \
            fprintf(stderr, "%s:%d: TSR_VERIFY_CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
            abort(); \
        } \
    } while (0)
#else
#define TSR_VERIFY_CHECK(cond) do { } while (0)
#endif

/*@ predicate tsr_is_mask32(uint32_t m) = m == 0 || m == 0xffffffffU; */

/* x != 0 -> 0xffffffff, x == 0 -> 0. */
/*@ assigns \nothing;
  @ ensures mask: \result == (x != 0 ? 0xffffffffU : 0U);
  @*/
static inline uint32_t tsr_ct_nonzero_mask32(uint32_t x) {
    /* (x | -x) has its top bit set exactly when x != 0. */
    return (uint32_t)0 - ((x | ((uint32_t)0 - x)) >> 31);
}

/* x == 0 -> 0xffffffff, x != 0 -> 0. */
/*@ assigns \nothing;
  @ ensures mask: \result == (x == 0 ? 0xffffffffU : 0U);
  @*/
static inline uint32_t tsr_ct_zero_mask32(uint32_t x) {
    return ~tsr_ct_nonzero_mask32(x);
}

/* a == b -> 0xffffffff, else 0. */
/*@ assigns \nothing;
  @ ensures mask: \result == (a == b ? 0xffffffffU : 0U);
  @*/
static inline uint32_t tsr_ct_eq_mask32(uint32_t a, uint32_t b) {
    return tsr_ct_zero_mask32(a ^ b);
}

/* a < b (unsigned) -> 0xffffffff, else 0. */
/*@ assigns \nothing;
  @ ensures mask: \result == (a < b ? 0xffffffffU : 0U);
  @*/
static inline uint32_t tsr_ct_lt_mask32(uint32_t a, uint32_t b) {
    /* The borrow out of the 64-bit difference a - b is bit 32..63: all ones iff a < b. */
    return (uint32_t)(((uint64_t)a - (uint64_t)b) >> 32);
}

/* mask all-ones -> a, mask zero -> b. */
/*@ requires is_mask: tsr_is_mask32(mask);
  @ assigns \nothing;
  @ ensures select: \result == (mask != 0 ? a : b);
  @*/
static inline uint32_t tsr_ct_select32(uint32_t mask, uint32_t a, uint32_t b) {
    return b ^ (mask & (a ^ b));
}

/* Byte-wise conditional move: mask all-ones -> dst = src; mask zero -> dst unchanged. */
/*@ requires is_mask: tsr_is_mask32(mask);
  @ requires valid_dst: \valid(dst + (0 .. n - 1));
  @ requires valid_src: \valid_read(src + (0 .. n - 1));
  @ requires sep: \separated(dst + (0 .. n - 1), src + (0 .. n - 1));
  @ assigns dst[0 .. n - 1];
  @ ensures moved: mask != 0 ==> \forall integer i; 0 <= i < n ==> dst[i] == src[i];
  @ ensures kept: mask == 0 ==> \forall integer i; 0 <= i < n ==> dst[i] == \old(dst[i]);
  @*/
static inline void tsr_ct_cmov_bytes(uint8_t *dst, const uint8_t *src, size_t n, uint32_t mask) {
    uint8_t m = (uint8_t)mask;
    size_t i;
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop invariant moved: m != 0 ==> \forall integer j; 0 <= j < i ==> dst[j] == src[j];
      @ loop invariant kept: m == 0 ==> \forall integer j; 0 <= j < n ==> dst[j] == \at(dst[j], Pre);
      @ loop invariant rest: \forall integer j; i <= j < n ==> dst[j] == \at(dst[j], Pre);
      @ loop assigns i, dst[0 .. n - 1];
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        dst[i] = (uint8_t)(dst[i] ^ (m & (dst[i] ^ src[i])));
    }
}

/* Constant-time equality of two byte strings of length n: 0xffffffff if equal, else 0. */
/*@ requires valid_a: \valid_read(a + (0 .. n - 1));
  @ requires valid_b: \valid_read(b + (0 .. n - 1));
  @ assigns \nothing;
  @ ensures mask: \result == 0 || \result == 0xffffffffU;
  @ ensures eq: \result != 0 <==> (\forall integer i; 0 <= i < n ==> a[i] == b[i]);
  @*/
static inline uint32_t tsr_ct_memeq_mask(const uint8_t *a, const uint8_t *b, size_t n) {
    uint32_t acc = 0;
    size_t i;
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop invariant acc_zero: acc == 0 <==> (\forall integer j; 0 <= j < i ==> a[j] == b[j]);
      @ loop invariant acc_byte: acc <= 0xff;
      @ loop assigns i, acc;
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        acc |= (uint32_t)(a[i] ^ b[i]);
    }
    return tsr_ct_zero_mask32(acc);
}

/* Wipes n bytes / n 32-bit words with volatile stores, which the compiler cannot elide. For
 * typed buffers: WP's typed memory model cannot view a uint8_t or uint32_t object through the
 * char cells of tsr_memzero's contract, so ref/ code wipes its typed buffers with these.
 * Truth table: every element becomes 0. */
/*@ requires valid_p: \valid(p + (0 .. n - 1));
  @ assigns p[0 .. n - 1];
  @*/
static inline void tsr_ct_wipe8(uint8_t *p, size_t n) {
    volatile uint8_t *vp = p;
    size_t i;
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop assigns i, p[0 .. n - 1];
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        vp[i] = 0;
    }
}

/*@ requires valid_w: \valid(w + (0 .. n - 1));
  @ assigns w[0 .. n - 1];
  @*/
static inline void tsr_ct_wipe32(uint32_t *w, size_t n) {
    volatile uint32_t *vw = w;
    size_t i;
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop assigns i, w[0 .. n - 1];
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        vw[i] = 0;
    }
}

#endif
