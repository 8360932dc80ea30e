/* Scalars modulo the secp256k1 group order n: constant-time arithmetic on eight 32-bit limbs, strict encodings, and a variable-time inverse for public inputs. */
#include <stddef.h>
#include <stdint.h>

#include "tessera/common.h"
#include "tessera/scalar.h"
#include "ct.h"

/* n, least significant limb first. */
static const uint32_t tsr_scalar_n[8] = {
    0xD0364141U, 0xBFD25E8CU, 0xAF48A03BU, 0xBAAEDCE6U,
    0xFFFFFFFEU, 0xFFFFFFFFU, 0xFFFFFFFFU, 0xFFFFFFFFU
};

/* Hint to unroll the fixed-size limb loops (2-3x faster at -O2); nothing under Frama-C. */
#if (defined(__GNUC__) || defined(__clang__)) && !defined(__FRAMAC__)
#define TSR_UNROLL _Pragma("GCC unroll 16")
#else
#define TSR_UNROLL
#endif

/* c = 2^256 - n = 0x1_45512319_50B75FC4_402DA173_2FC9BEBF (129 bits), least significant limb first. */
static const uint32_t tsr_scalar_c[5] = {
    0x2FC9BEBFU, 0x402DA173U, 0x50B75FC4U, 0x45512319U, 0x00000001U
};

/* The public exponent n - 2 of Fermat's inversion, least significant limb first. */
static const uint32_t tsr_scalar_nm2[8] = {
    0xD036413FU, 0xBFD25E8CU, 0xAF48A03BU, 0xBAAEDCE6U,
    0xFFFFFFFEU, 0xFFFFFFFFU, 0xFFFFFFFFU, 0xFFFFFFFFU
};

/* Byte i (0 = most significant) of n in big-endian order; i is public (a loop counter). */
/*@ requires range: 0 <= i < 32;
  @ assigns \nothing;
  @ ensures value: \result == tsr_scalar_n_be(i);
  @*/
static uint32_t tsr_scalar_n_byte(size_t i) {
    switch (i) {
    case 15: return 0xFEU;
    case 16: return 0xBAU;
    case 17: return 0xAEU;
    case 18: return 0xDCU;
    case 19: return 0xE6U;
    case 20: return 0xAFU;
    case 21: return 0x48U;
    case 22: return 0xA0U;
    case 23: return 0x3BU;
    case 24: return 0xBFU;
    case 25: return 0xD2U;
    case 26: return 0x5EU;
    case 27: return 0x8CU;
    case 28: return 0xD0U;
    case 29: return 0x36U;
    case 30: return 0x41U;
    case 31: return 0x41U;
    default: return 0xFFU; /* bytes 0 .. 14 */
    }
}

/* Loads 32 big-endian bytes into eight limbs, least significant limb first. Written with
 * products rather than shifts so that WP reads it as plain arithmetic (same machine code). */
/*@ requires valid_r: \valid(r + (0 .. 7));
  @ requires valid_in: \valid_read(in + (0 .. 31));
  @ requires sep: \separated(r + (0 .. 7), in + (0 .. 31));
  @ assigns r[0 .. 7];
  @ ensures value: \forall integer k; 0 <= k < 8 ==> r[k] == tsr_scalar_be_limb(in, k);
  @*/
static void tsr_scalar_load_be(uint32_t *r, const uint8_t *in) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop invariant value: \forall integer k; 0 <= k < i ==> r[k] == tsr_scalar_be_limb(in, k);
      @ loop assigns i, r[0 .. 7];
      @ loop variant 8 - i;
      @*/
    for (i = 0; i < 8; i++) {
        const uint8_t *p = in + (28 - 4 * i);
        r[i] = (uint32_t)p[0] * 16777216U + (uint32_t)p[1] * 65536U + (uint32_t)p[2] * 256U + (uint32_t)p[3];
    }
}

/* r = a, eight limbs. */
/*@ requires valid_r: \valid(r + (0 .. 7));
  @ requires valid_a: \valid_read(a + (0 .. 7));
  @ requires sep: \separated(r + (0 .. 7), a + (0 .. 7));
  @ assigns r[0 .. 7];
  @ ensures copied: \forall integer k; 0 <= k < 8 ==> r[k] == a[k];
  @*/
static void tsr_scalar_copy8(uint32_t *r, const uint32_t *a) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop invariant copied: \forall integer k; 0 <= k < i ==> r[k] == a[k];
      @ loop assigns i, r[0 .. 7];
      @ loop variant 8 - i;
      @*/
    for (i = 0; i < 8; i++) {
        r[i] = a[i];
    }
}

/* r = a - n mod 2^256; returns the final borrow: 1 iff a < n, else 0. r may equal a. */
/*@ requires valid_r: \valid(r + (0 .. 7));
  @ requires valid_a: \valid_read(a + (0 .. 7));
  @ requires alias: r == a || \separated(r + (0 .. 7), a + (0 .. 7));
  @ assigns r[0 .. 7];
  @ ensures bit: \result == 0 || \result == 1;
  @*/
static uint32_t tsr_scalar_sub_n(uint32_t *r, const uint32_t *a) {
    uint32_t borrow = 0;
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop invariant borrow_bit: borrow == 0 || borrow == 1;
      @ loop assigns i, borrow, r[0 .. 7];
      @ loop variant 8 - i;
      @*/
    TSR_UNROLL
    for (i = 0; i < 8; i++) {
        uint64_t t = (uint64_t)a[i] - (uint64_t)tsr_scalar_n[i] - (uint64_t)borrow;
        r[i] = (uint32_t)t;
        /* |a[i] - n[i] - borrow| < 2^33, so bit 63 is set exactly when the limb borrowed. */
        borrow = (uint32_t)(t >> 63);
    }
    return borrow;
}

/* Scratch space of the multiplication and reduction helpers. The public function that owns it
 * wipes it once, at its exit (the helpers run hundreds of times inside one inversion). */
typedef struct {
    uint32_t p[16];  /* 512-bit product */
    uint32_t q[12];  /* high half times c's low four limbs */
    uint32_t m1[16]; /* after the first fold: < 2^386 */
    uint32_t m2[16]; /* after the second fold: < 2^260 */
    uint32_t m3[16]; /* after the third fold: < 2^256 + 2^133 */
    uint32_t t[8];   /* m3 - n */
    uint32_t u[8];   /* the reduced result */
} tsr_scalar_work;

/* Wipes the scratch space. */
/*@ requires valid_w: \valid(w);
  @ assigns *w;
  @*/
static void tsr_scalar_work_clear(tsr_scalar_work *w) {
    tsr_ct_wipe32(w->p, 16);
    tsr_ct_wipe32(w->q, 12);
    tsr_ct_wipe32(w->m1, 16);
    tsr_ct_wipe32(w->m2, 16);
    tsr_ct_wipe32(w->m3, 16);
    tsr_ct_wipe32(w->t, 8);
    tsr_ct_wipe32(w->u, 8);
}

/* r = v mod n for a 257-bit v = v[0..7] + v[8] * 2^256 with v < 2n: one subtraction of n,
 * selected by mask. t is scratch; r, v and t do not overlap. */
/*@ requires valid_r: \valid(r + (0 .. 7));
  @ requires valid_v: \valid_read(v + (0 .. 8));
  @ requires valid_t: \valid(t + (0 .. 7));
  @ requires sep: \separated(r + (0 .. 7), v + (0 .. 8), t + (0 .. 7));
  @ assigns r[0 .. 7], t[0 .. 7];
  @*/
static void tsr_scalar_final_sub(uint32_t *r, const uint32_t *v, uint32_t *t) {
    uint32_t ge_mask, use_mask;
    size_t i;
    /* v >= n exactly when the top limb is set or the low 256 bits did not borrow. */
    ge_mask = tsr_ct_zero_mask32(tsr_scalar_sub_n(t, v));
    use_mask = tsr_ct_select32(tsr_ct_nonzero_mask32(v[8]), 0xffffffffU, ge_mask);
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop assigns i, r[0 .. 7];
      @ loop variant 8 - i;
      @*/
    TSR_UNROLL
    for (i = 0; i < 8; i++) {
        r[i] = tsr_ct_select32(use_mask, t[i], v[i]);
    }
}

/* out[0..15] = a[0..7] * b[0..7] (schoolbook, operand scanning). */
/*@ requires valid_out: \valid(out + (0 .. 15));
  @ requires valid_a: \valid_read(a + (0 .. 7));
  @ requires valid_b: \valid_read(b + (0 .. 7));
  @ requires sep_a: \separated(out + (0 .. 15), a + (0 .. 7));
  @ requires sep_b: \separated(out + (0 .. 15), b + (0 .. 7));
  @ assigns out[0 .. 15];
  @*/
static void tsr_scalar_mul_wide(uint32_t *out, const uint32_t *a, const uint32_t *b) {
    size_t i, j;
    /*@ loop invariant bound: 0 <= i <= 16;
      @ loop assigns i, out[0 .. 15];
      @ loop variant 16 - i;
      @*/
    TSR_UNROLL
    for (i = 0; i < 16; i++) {
        out[i] = 0;
    }
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop assigns i, j, out[0 .. 15];
      @ loop variant 8 - i;
      @*/
    TSR_UNROLL
    for (i = 0; i < 8; i++) {
        uint64_t carry = 0;
        /*@ loop invariant bound: 0 <= j <= 8;
          @ loop invariant carry_bound: carry <= 0xffffffffU;
          @ loop assigns j, carry, out[i .. i + 7];
          @ loop variant 8 - j;
          @*/
        TSR_UNROLL
        for (j = 0; j < 8; j++) {
            /* a*b + out + carry <= (2^32-1)^2 + 2(2^32-1) = 2^64 - 1: no overflow. */
            uint64_t t = (uint64_t)a[i] * b[j] + out[i + j] + carry;
            out[i + j] = (uint32_t)t;
            carry = t >> 32;
        }
        out[i + 8] = (uint32_t)carry; /* still zero before this row */
    }
}

/* out[0..15] = a[0..7]^2: the 28 cross products once, doubled, plus the 8 squares. */
/*@ requires valid_out: \valid(out + (0 .. 15));
  @ requires valid_a: \valid_read(a + (0 .. 7));
  @ requires sep: \separated(out + (0 .. 15), a + (0 .. 7));
  @ assigns out[0 .. 15];
  @*/
static void tsr_scalar_sqr_wide(uint32_t *out, const uint32_t *a) {
    uint64_t carry;
    size_t i, j;
    /*@ loop invariant bound: 0 <= i <= 16;
      @ loop assigns i, out[0 .. 15];
      @ loop variant 16 - i;
      @*/
    TSR_UNROLL
    for (i = 0; i < 16; i++) {
        out[i] = 0;
    }
    /*@ loop invariant bound: 0 <= i <= 7;
      @ loop assigns i, j, carry, out[0 .. 15];
      @ loop variant 7 - i;
      @*/
    TSR_UNROLL
    for (i = 0; i < 7; i++) {
        carry = 0;
        /*@ loop invariant bound: i + 1 <= j <= 8;
          @ loop invariant carry_bound: carry <= 0xffffffffU;
          @ loop assigns j, carry, out[i + 1 .. i + 7];
          @ loop variant 8 - j;
          @*/
        TSR_UNROLL
        for (j = i + 1; j < 8; j++) {
            uint64_t t = (uint64_t)a[i] * a[j] + out[i + j] + carry;
            out[i + j] = (uint32_t)t;
            carry = t >> 32;
        }
        out[i + 8] = (uint32_t)carry;
    }
    /* The cross sum is < 2^511: doubling loses nothing. */
    /*@ loop invariant bound: 0 <= i <= 15;
      @ loop assigns i, out[1 .. 15];
      @ loop variant i;
      @*/
    TSR_UNROLL
    for (i = 15; i > 0; i--) {
        out[i] = (out[i] << 1) | (out[i - 1] >> 31);
    }
    out[0] <<= 1;
    carry = 0;
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop assigns i, carry, out[0 .. 15];
      @ loop variant 8 - i;
      @*/
    TSR_UNROLL
    for (i = 0; i < 8; i++) {
        uint64_t t = (uint64_t)a[i] * a[i];
        uint64_t s = (uint64_t)out[2 * i] + (t & 0xffffffffU) + carry;
        out[2 * i] = (uint32_t)s;
        s = (uint64_t)out[2 * i + 1] + (t >> 32) + (s >> 32);
        out[2 * i + 1] = (uint32_t)s;
        carry = s >> 32;
    }
}

/* out[0..15] = in[0..7] + in[8..15] * c; the result is below 2^416, so out[13..15] = 0.
 * c = c4 + 2^128 with c4 its low four limbs: hi * c4 goes into the scratch q, then one carry
 * chain adds lo, q and hi shifted up by four limbs. The caller promises in[8 + rows .. 15] = 0
 * (rows is a public constant at each call; those rows of the product are skipped). */
/*@ requires rows: 1 <= rows <= 8;
  @ requires valid_out: \valid(out + (0 .. 15));
  @ requires valid_in: \valid_read(in + (0 .. 15));
  @ requires valid_q: \valid(q + (0 .. 11));
  @ requires sep: \separated(out + (0 .. 15), in + (0 .. 15), q + (0 .. 11));
  @ assigns out[0 .. 15], q[0 .. 11];
  @*/
static inline void tsr_scalar_fold(uint32_t *out, const uint32_t *in, uint32_t *q, size_t rows) {
    uint64_t carry;
    size_t i, j;
    /*@ loop invariant bound: 0 <= i <= 12;
      @ loop assigns i, q[0 .. 11];
      @ loop variant 12 - i;
      @*/
    TSR_UNROLL
    for (i = 0; i < 12; i++) {
        q[i] = 0;
    }
    /*@ loop invariant bound: 0 <= i <= rows;
      @ loop assigns i, j, carry, q[0 .. 11];
      @ loop variant rows - i;
      @*/
    TSR_UNROLL
    for (i = 0; i < rows; i++) {
        carry = 0;
        /*@ loop invariant bound: 0 <= j <= 4;
          @ loop invariant carry_bound: carry <= 0xffffffffU;
          @ loop assigns j, carry, q[i .. i + 3];
          @ loop variant 4 - j;
          @*/
        TSR_UNROLL
        for (j = 0; j < 4; j++) {
            uint64_t t = (uint64_t)in[8 + i] * tsr_scalar_c[j] + q[i + j] + carry;
            q[i + j] = (uint32_t)t;
            carry = t >> 32;
        }
        q[i + 4] = (uint32_t)carry; /* still zero before this row */
    }
    carry = 0;
    /*@ loop invariant bound: 0 <= i <= 4;
      @ loop invariant carry_bit: carry <= 1;
      @ loop assigns i, carry, out[0 .. 3];
      @ loop variant 4 - i;
      @*/
    TSR_UNROLL
    for (i = 0; i < 4; i++) {
        uint64_t s = (uint64_t)in[i] + q[i] + carry;
        out[i] = (uint32_t)s;
        carry = s >> 32;
    }
    /*@ loop invariant bound: 4 <= i <= 8;
      @ loop invariant carry_bound: carry <= 2;
      @ loop assigns i, carry, out[4 .. 7];
      @ loop variant 8 - i;
      @*/
    TSR_UNROLL
    for (i = 4; i < 8; i++) {
        uint64_t s = (uint64_t)in[i] + q[i] + in[i + 4] + carry;
        out[i] = (uint32_t)s;
        carry = s >> 32;
    }
    /*@ loop invariant bound: 8 <= i <= 12;
      @ loop invariant carry_bound: carry <= 2;
      @ loop assigns i, carry, out[8 .. 11];
      @ loop variant 12 - i;
      @*/
    TSR_UNROLL
    for (i = 8; i < 12; i++) {
        uint64_t s = (uint64_t)q[i] + in[i + 4] + carry;
        out[i] = (uint32_t)s;
        carry = s >> 32;
    }
    out[12] = (uint32_t)carry;
    out[13] = 0;
    out[14] = 0;
    out[15] = 0;
}

/* r = x mod n for a 512-bit x (sixteen limbs, least significant first), using w's q, m1, m2,
 * m3 and t. 2^256 = c (mod n): fold the high half times c into the low half three times
 * (x < 2^512 -> < 2^386 -> < 2^260 -> < 2^256 + 2^133 < 2n), then subtract n once by mask.
 * r and x must not overlap those fields. */
/*@ requires valid_r: \valid(r + (0 .. 7));
  @ requires valid_x: \valid_read(x + (0 .. 15));
  @ requires valid_w: \valid(w);
  @ requires sep: \separated(r + (0 .. 7), x + (0 .. 15));
  @ requires sep_w: \separated(r + (0 .. 7), &w->q[0 .. 11], &w->m1[0 .. 15], &w->m2[0 .. 15], &w->m3[0 .. 15], &w->t[0 .. 7]);
  @ requires sep_xw: \separated(x + (0 .. 15), &w->q[0 .. 11], &w->m1[0 .. 15], &w->m2[0 .. 15], &w->m3[0 .. 15], &w->t[0 .. 7]);
  @ assigns r[0 .. 7], w->q[0 .. 11], w->m1[0 .. 15], w->m2[0 .. 15], w->m3[0 .. 15], w->t[0 .. 7];
  @*/
static void tsr_scalar_reduce512(uint32_t *r, const uint32_t *x, tsr_scalar_work *w) {
    tsr_scalar_fold(w->m1, x, w->q, 8);
    tsr_scalar_fold(w->m2, w->m1, w->q, 5);
    TSR_VERIFY_CHECK(w->m2[8] < 16 && w->m2[9] == 0 && w->m2[10] == 0 && w->m2[11] == 0 && w->m2[12] == 0);
    tsr_scalar_fold(w->m3, w->m2, w->q, 1);
    TSR_VERIFY_CHECK(w->m3[8] <= 1 && w->m3[9] == 0 && w->m3[10] == 0 && w->m3[11] == 0 && w->m3[12] == 0);
    tsr_scalar_final_sub(r, w->m3, w->t);
}

/* r = a * b mod n on raw limbs, using w as scratch; r may equal a or b (not overlap w). */
/*@ requires valid_r: \valid(r + (0 .. 7));
  @ requires valid_a: \valid_read(a + (0 .. 7));
  @ requires valid_b: \valid_read(b + (0 .. 7));
  @ requires valid_w: \valid(w);
  @ requires sep_r: \separated(r + (0 .. 7), w);
  @ requires sep_a: \separated(a + (0 .. 7), w);
  @ requires sep_b: \separated(b + (0 .. 7), w);
  @ assigns r[0 .. 7], *w;
  @*/
static void tsr_scalar_mul_limbs(uint32_t *r, const uint32_t *a, const uint32_t *b, tsr_scalar_work *w) {
    tsr_scalar_mul_wide(w->p, a, b);
    tsr_scalar_reduce512(w->u, w->p, w);
    tsr_scalar_copy8(r, w->u);
}

/* r = a^2 mod n on raw limbs, using w as scratch; r may equal a (not overlap w). */
/*@ requires valid_r: \valid(r + (0 .. 7));
  @ requires valid_a: \valid_read(a + (0 .. 7));
  @ requires valid_w: \valid(w);
  @ requires sep_r: \separated(r + (0 .. 7), w);
  @ requires sep_a: \separated(a + (0 .. 7), w);
  @ assigns r[0 .. 7], *w;
  @*/
static void tsr_scalar_sqr_limbs(uint32_t *r, const uint32_t *a, tsr_scalar_work *w) {
    tsr_scalar_sqr_wide(w->p, a);
    tsr_scalar_reduce512(w->u, w->p, w);
    tsr_scalar_copy8(r, w->u);
}

void tsr_scalar_set_u32(tsr_scalar *r, uint32_t v) {
    size_t i;
    r->d[0] = v;
    /*@ loop invariant bound: 1 <= i <= 8;
      @ loop invariant low: r->d[0] == v;
      @ loop invariant zero: \forall integer j; 1 <= j < i ==> r->d[j] == 0;
      @ loop assigns i, r->d[1 .. 7];
      @ loop variant 8 - i;
      @*/
    for (i = 1; i < 8; i++) {
        r->d[i] = 0;
    }
}

int tsr_scalar_decode(tsr_scalar *r, const uint8_t in32[32]) {
    uint32_t v[8];
    uint32_t lt_mask = 0;           /* in32 < n, decided so far (lexicographic, most significant first) */
    uint32_t eq_mask = 0xffffffffU; /* in32[0 .. i-1] equals n's first i bytes */
    size_t i;
    int ret;

    /*@ loop invariant bound: 0 <= i <= 32;
      @ loop invariant eq_is_mask: eq_mask == 0 || eq_mask == 0xffffffffU;
      @ loop invariant lt_is_mask: lt_mask == 0 || lt_mask == 0xffffffffU;
      @ loop invariant eq: eq_mask != 0 <==> tsr_scalar_be_eq_n_prefix(in32, i);
      @ loop invariant lt: lt_mask != 0 <==> tsr_scalar_be_lt_n_at(in32, i);
      @ loop assigns i, lt_mask, eq_mask;
      @ loop variant 32 - i;
      @*/
    for (i = 0; i < 32; i++) {
        uint32_t nb = tsr_scalar_n_byte(i);
        uint32_t lt_here = tsr_ct_lt_mask32(in32[i], nb);
        uint32_t eq_here = tsr_ct_eq_mask32(in32[i], nb);
        /*@ assert lt_cases: eq_mask == 0 ==> (eq_mask & lt_here) == 0; */
        /*@ assert lt_cases2: eq_mask != 0 ==> (eq_mask & lt_here) == lt_here; */
        lt_mask |= eq_mask & lt_here;
        /*@ assert eq_cases: eq_here == 0 ==> (eq_mask & eq_here) == 0; */
        /*@ assert eq_cases2: eq_here != 0 ==> (eq_mask & eq_here) == eq_mask; */
        eq_mask &= eq_here;
    }

    tsr_scalar_load_be(v, in32);
#ifdef TSR_VERIFY
    {
        /* Cross-check the byte comparison against the limb subtraction. */
        uint32_t tmp[8];
        uint32_t borrow = tsr_scalar_sub_n(tmp, v);
        TSR_VERIFY_CHECK(tsr_ct_nonzero_mask32(borrow) == lt_mask);
        tsr_ct_wipe32(tmp, 8);
    }
#endif
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop invariant masked: lt_mask == 0 ==> \forall integer j; 0 <= j < i ==> r->d[j] == 0;
      @ loop invariant kept: lt_mask != 0 ==> \forall integer j; 0 <= j < i ==> r->d[j] == v[j];
      @ loop assigns i, r->d[0 .. 7];
      @ loop variant 8 - i;
      @*/
    for (i = 0; i < 8; i++) {
        r->d[i] = tsr_ct_select32(lt_mask, v[i], 0);
    }
    /* Whether the encoding is canonical is public: the caller rejects the input (and a peer may
     * be blamed) on it; the value itself stays secret. */
    TSR_DECLASSIFY(&lt_mask, sizeof lt_mask);
    ret = lt_mask != 0 ? TSR_OK : TSR_ERR_RANGE;
    tsr_ct_wipe32(v, 8);
    return ret;
}

void tsr_scalar_encode(uint8_t out32[32], const tsr_scalar *a) {
    uint32_t v[8];
    size_t i;
    /* Copy first, so that out32 may overlap a. */
    tsr_scalar_copy8(v, a->d);
    /* Byte by byte from the least significant, with divisions by 256 rather than shifts so
     * that WP reads plain arithmetic (the compiler emits the same shifts). */
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop invariant value: \forall integer k; 0 <= k < i ==> tsr_scalar_be_limb(out32, k) == v[k];
      @ loop assigns i, out32[0 .. 31];
      @ loop variant 8 - i;
      @*/
    for (i = 0; i < 8; i++) {
        uint8_t *p = out32 + (28 - 4 * i);
        uint32_t x0 = v[i];
        uint32_t x1 = x0 / 256U;
        uint32_t x2 = x1 / 256U;
        uint32_t x3 = x2 / 256U;
        /*@ assert e1: x0 == 256 * x1 + x0 % 256; */
        /*@ assert e2: x1 == 256 * x2 + x1 % 256; */
        /*@ assert e3: x2 == 256 * x3 + x2 % 256; */
        /*@ assert e4: x3 < 256; */
        p[3] = (uint8_t)(x0 % 256U);
        p[2] = (uint8_t)(x1 % 256U);
        p[1] = (uint8_t)(x2 % 256U);
        p[0] = (uint8_t)x3;
        /*@ assert b3: out32[31 - 4 * i] == x0 % 256; */
        /*@ assert b2: out32[30 - 4 * i] == x1 % 256; */
        /*@ assert b1: out32[29 - 4 * i] == x2 % 256; */
        /*@ assert b0: out32[28 - 4 * i] == x3; */
        /*@ assert limb: tsr_scalar_be_limb(out32, i) == v[i]; */
    }
    tsr_ct_wipe32(v, 8);
}

int tsr_scalar_reduce_be(tsr_scalar *r, const uint8_t *in, size_t inlen) {
    uint32_t x[16];
    tsr_scalar_work w;
    size_t i, k, off;
    if (inlen > 64) { /* the length is public; nothing secret has been touched yet */
        return TSR_ERR_ARG;
    }
    /* in is the tail of a 64-byte big-endian string: byte pos (0 .. 63) is in[pos - off] when
     * pos >= off, else zero. Limb i holds bytes 60 - 4i .. 63 - 4i. Positions are public. */
    off = 64 - inlen;
    /*@ loop invariant bound: 0 <= i <= 16;
      @ loop assigns i, k, x[0 .. 15];
      @ loop variant 16 - i;
      @*/
    for (i = 0; i < 16; i++) {
        uint32_t limb = 0;
        /*@ loop invariant bound: 0 <= k <= 4;
          @ loop assigns k, limb;
          @ loop variant 4 - k;
          @*/
        for (k = 0; k < 4; k++) {
            size_t pos = 60 - 4 * i + k;
            uint32_t byte = 0;
            if (pos >= off) {
                byte = in[pos - off];
            }
            limb = (limb << 8) | byte;
        }
        x[i] = limb;
    }
    tsr_scalar_reduce512(w.u, x, &w);
    tsr_scalar_copy8(r->d, w.u);
    tsr_ct_wipe32(x, 16);
    tsr_scalar_work_clear(&w);
    return TSR_OK;
}

void tsr_scalar_add(tsr_scalar *r, const tsr_scalar *a, const tsr_scalar *b) {
    uint32_t s[9];
    uint32_t t[8];
    uint32_t u[8];
    uint64_t carry = 0;
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop invariant carry_bit: carry <= 1;
      @ loop assigns i, carry, s[0 .. 7];
      @ loop variant 8 - i;
      @*/
    for (i = 0; i < 8; i++) {
        uint64_t sum = (uint64_t)a->d[i] + b->d[i] + carry;
        s[i] = (uint32_t)sum;
        carry = sum >> 32;
    }
    s[8] = (uint32_t)carry;
    /* a, b < n, so s < 2n: one conditional subtraction. */
    tsr_scalar_final_sub(u, s, t);
    tsr_scalar_copy8(r->d, u);
    tsr_ct_wipe32(s, 9);
    tsr_ct_wipe32(t, 8);
    tsr_ct_wipe32(u, 8);
}

void tsr_scalar_sub(tsr_scalar *r, const tsr_scalar *a, const tsr_scalar *b) {
    uint32_t t[8];
    uint32_t borrow = 0, add_mask;
    uint64_t carry = 0;
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop invariant borrow_bit: borrow == 0 || borrow == 1;
      @ loop assigns i, borrow, t[0 .. 7];
      @ loop variant 8 - i;
      @*/
    for (i = 0; i < 8; i++) {
        uint64_t u = (uint64_t)a->d[i] - (uint64_t)b->d[i] - (uint64_t)borrow;
        t[i] = (uint32_t)u;
        borrow = (uint32_t)(u >> 63);
    }
    /* On a borrow, a - b + 2^256 is in t; adding n (mod 2^256) gives a - b + n. */
    add_mask = tsr_ct_nonzero_mask32(borrow);
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop assigns i, carry, t[0 .. 7];
      @ loop variant 8 - i;
      @*/
    for (i = 0; i < 8; i++) {
        uint64_t u = (uint64_t)t[i] + tsr_ct_select32(add_mask, tsr_scalar_n[i], 0) + carry;
        t[i] = (uint32_t)u;
        carry = u >> 32;
    }
    tsr_scalar_copy8(r->d, t);
    tsr_ct_wipe32(t, 8);
}

void tsr_scalar_neg(tsr_scalar *r, const tsr_scalar *a) {
    tsr_scalar zero;
    tsr_scalar_set_u32(&zero, 0);
    tsr_scalar_sub(r, &zero, a);
}

void tsr_scalar_mul(tsr_scalar *r, const tsr_scalar *a, const tsr_scalar *b) {
    tsr_scalar_work w;
    tsr_scalar_mul_limbs(r->d, a->d, b->d, &w);
    tsr_scalar_work_clear(&w);
}

void tsr_scalar_inv(tsr_scalar *r, const tsr_scalar *a) {
    /* Fixed 4-bit window over the public exponent n - 2: tbl[k] = a^k. The window values index
     * the table and pick whether to multiply, but they are bits of the public exponent only. */
    uint32_t tbl[16][8];
    uint32_t x[8];
    tsr_scalar_work w;
    size_t k, i;
    int win;
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop assigns i, tbl[0][0 .. 7];
      @ loop variant 8 - i;
      @*/
    for (i = 0; i < 8; i++) {
        tbl[0][i] = i == 0 ? 1U : 0U;
    }
    /*@ loop invariant bound: 1 <= k <= 16;
      @ loop assigns k, w, tbl[1 .. 15][0 .. 7];
      @ loop variant 16 - k;
      @*/
    for (k = 1; k < 16; k++) {
        tsr_scalar_mul_limbs(tbl[k], tbl[k - 1], a->d, &w);
    }
    /* The top window of n - 2 is 0xF. */
    tsr_scalar_copy8(x, tbl[15]);
    /*@ loop invariant bound: -1 <= win <= 62;
      @ loop assigns win, i, w, x[0 .. 7];
      @ loop variant win + 1;
      @*/
    for (win = 62; win >= 0; win--) {
        size_t nib = (size_t)((tsr_scalar_nm2[win / 8] >> (4 * (win % 8))) & 0xfU);
        /*@ loop invariant bound: 0 <= i <= 4;
          @ loop assigns i, w, x[0 .. 7];
          @ loop variant 4 - i;
          @*/
        for (i = 0; i < 4; i++) {
            tsr_scalar_sqr_limbs(x, x, &w);
        }
        if (nib != 0) {
            tsr_scalar_mul_limbs(x, x, tbl[nib], &w);
        }
    }
    tsr_scalar_copy8(r->d, x);
    /*@ loop invariant bound: 0 <= k <= 16;
      @ loop assigns k, tbl[0 .. 15][0 .. 7];
      @ loop variant 16 - k;
      @*/
    for (k = 0; k < 16; k++) {
        tsr_ct_wipe32(tbl[k], 8);
    }
    tsr_ct_wipe32(x, 8);
    tsr_scalar_work_clear(&w);
}

/* ---- Variable-time inversion (public inputs only) --------------------------------------------- */

/* Compares two eight-limb numbers: -1, 0 or 1 as a <, ==, > b. Variable time: public inputs. */
/*@ requires valid_a: \valid_read(a + (0 .. 7));
  @ requires valid_b: \valid_read(b + (0 .. 7));
  @ assigns \nothing;
  @ ensures range: -1 <= \result <= 1;
  @*/
static int tsr_scalar_cmp_var(const uint32_t *a, const uint32_t *b) {
    size_t i = 8;
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop assigns i;
      @ loop variant i;
      @*/
    while (i > 0) {
        i--;
        if (a[i] != b[i]) {
            return a[i] < b[i] ? -1 : 1;
        }
    }
    return 0;
}

/* w = w - s for w > s (eight limbs; the final borrow is then zero). */
/*@ requires valid_w: \valid(w + (0 .. 7));
  @ requires valid_s: \valid_read(s + (0 .. 7));
  @ requires sep: \separated(w + (0 .. 7), s + (0 .. 7));
  @ assigns w[0 .. 7];
  @*/
static void tsr_scalar_sub_limbs(uint32_t *w, const uint32_t *s) {
    uint32_t borrow = 0;
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop invariant borrow_bit: borrow == 0 || borrow == 1;
      @ loop assigns i, borrow, w[0 .. 7];
      @ loop variant 8 - i;
      @*/
    TSR_UNROLL
    for (i = 0; i < 8; i++) {
        uint64_t t = (uint64_t)w[i] - (uint64_t)s[i] - (uint64_t)borrow;
        w[i] = (uint32_t)t;
        borrow = (uint32_t)(t >> 63); /* as in tsr_scalar_sub_n */
    }
}

/* w = w >> k (eight limbs) for 1 <= k <= 31. */
/*@ requires valid_w: \valid(w + (0 .. 7));
  @ requires shift: 1 <= k <= 31;
  @ assigns w[0 .. 7];
  @*/
static void tsr_scalar_shr_limbs(uint32_t *w, unsigned k) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 7;
      @ loop assigns i, w[0 .. 6];
      @ loop variant 7 - i;
      @*/
    TSR_UNROLL
    for (i = 0; i < 7; i++) {
        w[i] = (w[i] >> k) | (w[i + 1] << (32U - k));
    }
    w[7] >>= k;
}

/* x = x - y mod n for x, y < n: x - y, plus n if that borrowed (the final carry then cancels
 * the borrow). Happens to be constant time, but is only used by the variable-time inversion. */
/*@ requires valid_x: \valid(x + (0 .. 7));
  @ requires valid_y: \valid_read(y + (0 .. 7));
  @ requires sep: \separated(x + (0 .. 7), y + (0 .. 7));
  @ assigns x[0 .. 7];
  @*/
static void tsr_scalar_sub_mod_var(uint32_t *x, const uint32_t *y) {
    uint32_t borrow = 0, add_mask;
    uint64_t carry = 0;
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop invariant borrow_bit: borrow == 0 || borrow == 1;
      @ loop assigns i, borrow, x[0 .. 7];
      @ loop variant 8 - i;
      @*/
    TSR_UNROLL
    for (i = 0; i < 8; i++) {
        uint64_t t = (uint64_t)x[i] - (uint64_t)y[i] - (uint64_t)borrow;
        x[i] = (uint32_t)t;
        borrow = (uint32_t)(t >> 63);
    }
    /* Add n or 0 by a mask rather than a branch: the branch would be mispredicted half the
     * time, which costs more than the eight additions. */
    add_mask = tsr_ct_nonzero_mask32(borrow);
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop invariant carry_bit: carry <= 1;
      @ loop assigns i, carry, x[0 .. 7];
      @ loop variant 8 - i;
      @*/
    TSR_UNROLL
    for (i = 0; i < 8; i++) {
        uint64_t t = (uint64_t)x[i] + tsr_ct_select32(add_mask, tsr_scalar_n[i], 0) + carry;
        x[i] = (uint32_t)t;
        carry = t >> 32;
    }
}

/* -n^-1 mod 2^32: tsr_scalar_n[0] * tsr_scalar_ninv == 0xffffffff (mod 2^32). */
#define TSR_SCALAR_NINV 0x5588B13FU

/* x = x / 2^k mod n for x < n and 1 <= k <= 31 (Montgomery's trick): with m = x * (-n^-1) mod
 * 2^k, x + m * n is divisible by 2^k; it is below 2^288 (nine limbs, no carry out of the
 * products: x[i] + m * n[i] + carry < 2^64), and (x + m * n) / 2^k < (n + (2^k - 1) * n) / 2^k
 * = n, so the shifted value is reduced. Constant time in x. */
/*@ requires valid_x: \valid(x + (0 .. 7));
  @ requires shift: 1 <= k <= 31;
  @ assigns x[0 .. 7];
  @*/
static void tsr_scalar_div_pow2(uint32_t *x, unsigned k) {
    uint32_t m = (x[0] * TSR_SCALAR_NINV) & ((1U << k) - 1U);
    uint64_t carry = 0;
    uint32_t top;
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop invariant carry_bound: carry <= 0xffffffffU;
      @ loop assigns i, carry, x[0 .. 7];
      @ loop variant 8 - i;
      @*/
    TSR_UNROLL
    for (i = 0; i < 8; i++) {
        uint64_t t = (uint64_t)m * tsr_scalar_n[i] + x[i] + carry;
        x[i] = (uint32_t)t;
        carry = t >> 32;
    }
    top = (uint32_t)carry;
    /*@ loop invariant bound: 0 <= i <= 7;
      @ loop assigns i, x[0 .. 6];
      @ loop variant 7 - i;
      @*/
    TSR_UNROLL
    for (i = 0; i < 7; i++) {
        x[i] = (x[i] >> k) | (x[i + 1] << (32U - k));
    }
    x[7] = (x[7] >> k) | (top << (32U - k));
}

/* Strips the trailing zero bits of w (w != 0), dividing x by 2 mod n once per bit, so that an
 * invariant x * a == w (mod n) is kept. Up to 31 bits per pass; each pass removes at
 * least one bit, so 256 passes always suffice (the bound only makes termination evident to WP).
 * Variable time: public inputs. */
/*@ requires valid_w: \valid(w + (0 .. 7));
  @ requires valid_x: \valid(x + (0 .. 7));
  @ requires sep: \separated(w + (0 .. 7), x + (0 .. 7));
  @ assigns w[0 .. 7], x[0 .. 7];
  @*/
static void tsr_scalar_make_odd_var(uint32_t *w, uint32_t *x) {
    size_t pass;
    /*@ loop invariant bound: 0 <= pass <= 256;
      @ loop assigns pass, w[0 .. 7], x[0 .. 7];
      @ loop variant 256 - pass;
      @*/
    for (pass = 0; pass < 256 && (w[0] & 1U) == 0; pass++) {
        /* k = number of trailing zeros of w[0], at least 1 (w[0] is even), at most 31. */
        uint32_t t = w[0] >> 1;
        unsigned k = 1;
        /*@ loop invariant bound: 1 <= k <= 31;
          @ loop assigns k, t;
          @ loop variant 31 - k;
          @*/
        while (k < 31 && (t & 1U) == 0) {
            t >>= 1;
            k++;
        }
        tsr_scalar_shr_limbs(w, k);
        tsr_scalar_div_pow2(x, k);
    }
}

/* One step of the binary extended Euclid on odd big > small: big -= small and xbig -= xsmall
 * (mod n), then big (now even and non-zero) is made odd again, halving xbig alongside. Keeps
 * xbig * a == big (mod n). Variable time: public inputs. */
/*@ requires valid_big: \valid(big + (0 .. 7));
  @ requires valid_small: \valid_read(small + (0 .. 7));
  @ requires valid_xbig: \valid(xbig + (0 .. 7));
  @ requires valid_xsmall: \valid_read(xsmall + (0 .. 7));
  @ requires sep: \separated(big + (0 .. 7), small + (0 .. 7), xbig + (0 .. 7), xsmall + (0 .. 7));
  @ assigns big[0 .. 7], xbig[0 .. 7];
  @*/
static void tsr_scalar_euclid_step_var(uint32_t *big, uint32_t *xbig, const uint32_t *small,
                                       const uint32_t *xsmall) {
    tsr_scalar_sub_limbs(big, small);
    tsr_scalar_sub_mod_var(xbig, xsmall);
    tsr_scalar_make_odd_var(big, xbig);
}

void tsr_scalar_inv_var(tsr_scalar *r, const tsr_scalar *a) {
    /* Binary extended Euclid on u = a, v = n with x1 * a == u and x2 * a == v (mod n) throughout.
     * Both u and v are kept odd (n is odd); subtracting the smaller from the larger gives an even
     * number whose zero bits are shifted out, so bitlen(u) + bitlen(v) (at most 512) drops by at
     * least one per step, and u == v ends the loop at gcd(a, n) = 1 (n is prime, 0 < a < n):
     * then x1 == x2 == a^-1. At most 510 steps, so the bound 512 never cuts the loop short; it
     * is there to make termination evident to WP (the real variant is the bit length sum). */
    uint32_t u[8], v[8];
    tsr_scalar x1, x2;
    size_t step;
    int c;
    if (tsr_scalar_is_zero_mask(a) != 0) { /* public input: branching is fine */
        tsr_scalar_set_u32(r, 0);
        return;
    }
    tsr_scalar_copy8(u, a->d);
    tsr_scalar_copy8(v, tsr_scalar_n);
    tsr_scalar_set_u32(&x1, 1);
    tsr_scalar_set_u32(&x2, 0);
    tsr_scalar_make_odd_var(u, x1.d);
    c = tsr_scalar_cmp_var(u, v);
    /*@ loop invariant bound: 0 <= step <= 512;
      @ loop invariant cmp: -1 <= c <= 1;
      @ loop assigns step, c, u[0 .. 7], v[0 .. 7], x1, x2;
      @ loop variant 512 - step;
      @*/
    for (step = 0; step < 512 && c != 0; step++) {
        if (c > 0) {
            tsr_scalar_euclid_step_var(u, x1.d, v, x2.d);
        } else {
            tsr_scalar_euclid_step_var(v, x2.d, u, x1.d);
        }
        c = tsr_scalar_cmp_var(u, v);
    }
#ifdef TSR_VERIFY
    {
        /* The loop ended on u == v == gcd(a, n) == 1, with x1 == x2. */
        tsr_scalar one;
        tsr_scalar_set_u32(&one, 1);
        TSR_VERIFY_CHECK(c == 0 && tsr_scalar_cmp_var(u, one.d) == 0 && tsr_scalar_cmp_var(x1.d, x2.d) == 0);
    }
#endif
    tsr_scalar_copy8(r->d, x1.d);
}

uint32_t tsr_scalar_is_zero_mask(const tsr_scalar *a) {
    uint32_t acc = 0xffffffffU;
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop invariant is_mask: acc == 0 || acc == 0xffffffffU;
      @ loop invariant zero: acc != 0 <==> (\forall integer j; 0 <= j < i ==> a->d[j] == 0);
      @ loop assigns i, acc;
      @ loop variant 8 - i;
      @*/
    for (i = 0; i < 8; i++) {
        acc = tsr_ct_select32(tsr_ct_zero_mask32(a->d[i]), acc, 0);
    }
    return acc;
}

uint32_t tsr_scalar_eq_mask(const tsr_scalar *a, const tsr_scalar *b) {
    uint32_t acc = 0xffffffffU;
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop invariant is_mask: acc == 0 || acc == 0xffffffffU;
      @ loop invariant eq: acc != 0 <==> (\forall integer j; 0 <= j < i ==> a->d[j] == b->d[j]);
      @ loop assigns i, acc;
      @ loop variant 8 - i;
      @*/
    for (i = 0; i < 8; i++) {
        acc = tsr_ct_select32(tsr_ct_eq_mask32(a->d[i], b->d[i]), acc, 0);
    }
    return acc;
}

void tsr_scalar_cmov(tsr_scalar *r, const tsr_scalar *a, uint32_t mask) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop invariant moved: mask != 0 ==> \forall integer j; 0 <= j < i ==> r->d[j] == \at(a->d[j], Pre);
      @ loop invariant kept: mask == 0 ==> \forall integer j; 0 <= j < i ==> r->d[j] == \at(r->d[j], Pre);
      @ loop invariant rest: \forall integer j; i <= j < 8 ==> r->d[j] == \at(r->d[j], Pre);
      @ loop assigns i, r->d[0 .. 7];
      @ loop variant 8 - i;
      @*/
    for (i = 0; i < 8; i++) {
        r->d[i] = tsr_ct_select32(mask, a->d[i], r->d[i]);
    }
}

void tsr_scalar_clear(tsr_scalar *a) {
    tsr_ct_wipe32(a->d, 8);
}
