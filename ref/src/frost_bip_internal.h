/* Helpers shared by frost_bip.c and frost_bip_sign.c (not installed): blame records, byte and
 * hash helpers, Lagrange values and session checks for the BIP 445 draft. Spec: spec/frost-bip445.md. */
#ifndef TESSERA_FROST_BIP_INTERNAL_H
#define TESSERA_FROST_BIP_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "tessera/common.h"
#include "tessera/frost_bip.h"
#include "tessera/hash.h"
#include "tessera/point.h"
#include "tessera/scalar.h"
#include "ct.h"

/* The largest draft id whose Tessera culprit (id + 1) stays below TSR_CULPRIT_COORDINATOR. */
#define TSR_FB_ID_MAX 0xfffffffdu

/* Length of a tag held in a char array with its trailing NUL (the NUL is not hashed). */
#define TSR_FB_TAGLEN(tag) (sizeof(tag) - 1)

/* Fills a blame record (blame may be NULL). */
/*@ requires valid_blame: blame == \null || \valid(blame);
  @ assigns *blame;
  @*/
static inline void tsr_fb_blame(tsr_blame *blame, uint32_t culprit, tsr_phase phase, uint16_t round, tsr_check check) {
    if (blame != NULL) {
        blame->culprit = culprit;
        blame->phase = (uint16_t)phase;
        blame->round = round;
        blame->check = (uint16_t)check;
    }
}

/* dst[0 .. n-1] = src[0 .. n-1]. */
/*@ requires valid_dst: \valid(dst + (0 .. n - 1));
  @ requires valid_src: \valid_read(src + (0 .. n - 1));
  @ requires sep: \separated(dst + (0 .. n - 1), src + (0 .. n - 1));
  @ assigns dst[0 .. n - 1];
  @ ensures copy: \forall integer j; 0 <= j < n ==> dst[j] == src[j];
  @*/
static inline void tsr_fb_copy(uint8_t *dst, const uint8_t *src, size_t n) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop invariant copy: \forall integer j; 0 <= j < i ==> dst[j] == src[j];
      @ loop assigns i, dst[0 .. n - 1];
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        dst[i] = src[i];
    }
}

/* Absorbs the big-endian encoding of v in len bytes (1, 4 or 8). */
/*@ requires valid_h: \valid(h);
  @ requires len: len == 1 || len == 4 || len == 8;
  @ assigns *h;
  @*/
static inline void tsr_fb_hash_int(tsr_sha256_ctx *h, uint64_t v, size_t len) {
    uint8_t buf[8];
    size_t i;
    /*@ loop invariant bound: 0 <= i <= len;
      @ loop assigns i, buf[0 .. 7];
      @ loop variant len - i;
      @*/
    for (i = 0; i < len; i++) {
        buf[i] = (uint8_t)(v >> (8u * (len - 1u - i)));
    }
    tsr_sha256_update(h, buf, len);
}

/* Returns: 1 if id is among ids[0 .. u-1], else 0. Public inputs. */
/*@ requires valid_ids: \valid_read(ids + (0 .. u - 1));
  @ assigns \nothing;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
static inline int tsr_fb_id_member(const uint32_t *ids, size_t u, uint32_t id) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= u;
      @ loop assigns i;
      @ loop variant u - i;
      @*/
    for (i = 0; i < u; i++) {
        if (ids[i] == id) {
            return 1;
        }
    }
    return 0;
}

/* Returns: 1 if a[0 .. n-1] == b[0 .. n-1], else 0. Public inputs: may stop early. */
/*@ requires valid_a: \valid_read(a + (0 .. n - 1));
  @ requires valid_b: \valid_read(b + (0 .. n - 1));
  @ assigns \nothing;
  @ ensures bool: \result == 0 || \result == 1;
  @ ensures eq: \result == 1 <==> (\forall integer j; 0 <= j < n ==> a[j] == b[j]);
  @*/
static inline int tsr_fb_eq_var(const uint8_t *a, const uint8_t *b, size_t n) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop invariant eq: \forall integer j; 0 <= j < i ==> a[j] == b[j];
      @ loop assigns i;
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        if (a[i] != b[i]) {
            return 0;
        }
    }
    return 1;
}

/* Returns: 1 if pk33 is among the u 33-byte entries of list (entry i at list + 33 i), else 0.
 * Public inputs. */
/*@ requires count: u <= TSR_MAX_PARTIES;
  @ requires valid_list: \valid_read(list + (0 .. TSR_POINT_BYTES * u - 1));
  @ requires valid_pk: \valid_read(pk33 + (0 .. 32));
  @ assigns \nothing;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
static inline int tsr_fb_pubshare_member(const uint8_t *list, size_t u, const uint8_t *pk33) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= u;
      @ loop assigns i;
      @ loop variant u - i;
      @*/
    for (i = 0; i < u; i++) {
        if (tsr_fb_eq_var(list + TSR_POINT_BYTES * i, pk33, TSR_POINT_BYTES)) {
            return 1;
        }
    }
    return 0;
}

/* SerializeIds: absorbs bytes(4, id) for the ids in ascending order (a sorted copy; the ids are
 * public). u <= TSR_MAX_PARTIES. */
/*@ requires valid_h: \valid(h);
  @ requires count: u <= TSR_MAX_PARTIES;
  @ requires valid_ids: \valid_read(ids + (0 .. u - 1));
  @ requires sep: \separated(h, ids + (0 .. u - 1));
  @ assigns *h;
  @*/
static inline void tsr_fb_hash_ids(tsr_sha256_ctx *h, const uint32_t *ids, size_t u) {
    uint32_t sorted[TSR_MAX_PARTIES];
    size_t i, j;
    /*@ loop invariant bound: 0 <= i <= u;
      @ loop assigns i, j, sorted[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant u - i;
      @*/
    for (i = 0; i < u; i++) {
        /* Insertion: shift the larger sorted entries up by one, then place ids[i]. */
        uint32_t v = ids[i];
        j = i;
        /*@ loop invariant bound: 0 <= j <= i;
          @ loop assigns j, sorted[0 .. TSR_MAX_PARTIES - 1];
          @ loop variant j;
          @*/
        while (j > 0 && sorted[j - 1] > v) {
            sorted[j] = sorted[j - 1];
            j--;
        }
        sorted[j] = v;
    }
    /*@ loop invariant bound: 0 <= i <= u;
      @ loop assigns i, *h;
      @ loop variant u - i;
      @*/
    for (i = 0; i < u; i++) {
        tsr_fb_hash_int(h, sorted[i], 4);
    }
}

/* DeriveInterpolatingValue: lambda = prod_{j: ids[j] != my_id} (ids[j] + 1) / (ids[j] - my_id)
 * (the Lagrange coefficient at 0 of x = my_id + 1 over x_j = ids[j] + 1). The caller has checked
 * that the ids are distinct and contain my_id, so the denominator is invertible. Public inputs. */
/*@ requires valid_lambda: \valid(lambda);
  @ requires valid_ids: \valid_read(ids + (0 .. u - 1));
  @ requires sep: \separated(lambda, ids + (0 .. u - 1));
  @ assigns *lambda;
  @*/
static inline void tsr_fb_lambda(tsr_scalar *lambda, const uint32_t *ids, size_t u, uint32_t my_id) {
    tsr_scalar num, den, a, b;
    size_t j;
    tsr_scalar_set_u32(&num, 1);
    tsr_scalar_set_u32(&den, 1);
    tsr_scalar_set_u32(&b, my_id);
    /*@ loop invariant bound: 0 <= j <= u;
      @ loop assigns j, num, den, a;
      @ loop variant u - j;
      @*/
    for (j = 0; j < u; j++) {
        if (ids[j] == my_id) {
            continue;
        }
        /* ids[j] + 1 as a scalar: ids[j] <= 0xfffffffd (validated), so the sum fits. */
        tsr_scalar_set_u32(&a, ids[j] + 1u);
        tsr_scalar_mul(&num, &num, &a);
        tsr_scalar_set_u32(&a, ids[j]);
        tsr_scalar_sub(&a, &a, &b);
        tsr_scalar_mul(&den, &den, &a);
    }
    tsr_scalar_inv(&den, &den);
    tsr_scalar_mul(lambda, &num, &den);
}

/* gp = gacc if y(Q) is even, -gacc if odd (the draft's g * gacc). Public inputs. */
/*@ requires valid_gp: \valid(gp);
  @ requires valid_gacc: \valid_read(gacc);
  @ requires sep: \separated(gp, gacc);
  @ assigns *gp;
  @*/
static inline void tsr_fb_gprime(tsr_scalar *gp, int q_odd, const tsr_scalar *gacc) {
    if (q_odd != 0) {
        tsr_scalar_neg(gp, gacc);
    } else {
        *gp = *gacc;
    }
}

/* k = int(hash32) mod n. Returns the zero mask of k, declassified (k = 0 happens with negligible
 * probability and only makes the caller fail). Constant time in hash32. */
/*@ requires valid_k: \valid(k);
  @ requires valid_hash: \valid_read(hash32 + (0 .. 31));
  @ requires sep: \separated(k, hash32 + (0 .. 31));
  @ assigns *k;
  @*/
static inline uint32_t tsr_fb_scalar_from_hash(tsr_scalar *k, const uint8_t *hash32) {
    uint32_t zero_mask;
    if (tsr_scalar_reduce_be(k, hash32, 32) != TSR_OK) {
        tsr_scalar_set_u32(k, 0);
    }
    zero_mask = tsr_scalar_is_zero_mask(k);
    /* Whether a nonce is zero decides only a (negligible) failure, reported publicly. */
    TSR_DECLASSIFY(&zero_mask, sizeof zero_mask);
    return zero_mask;
}

/* Returns: 1 if s looks like an initialised session (magic, 1 <= u <= TSR_MAX_PARTIES). */
/*@ requires valid_s: \valid_read(s);
  @ assigns \nothing;
  @ ensures bool: \result == 0 || \result == 1;
  @ ensures ok: \result == 1 <==> tsr_fb_session_ok(s);
  @*/
static inline int tsr_fb_session_ready(const tsr_frost_bip_session *s) {
    return s->magic == TSR_FROST_BIP_SESSION_MAGIC && s->u >= 1 && s->u <= TSR_MAX_PARTIES;
}

#endif
