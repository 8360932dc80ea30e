/* Shamir secret sharing: identifier checks, polynomials, splitting, Lagrange coefficients and reconstruction (spec/sharing.md). */
#include <stddef.h>
#include <stdint.h>

#include "tessera/common.h"
#include "tessera/scalar.h"
#include "tessera/sharing.h"
#include "ct.h"
#include "internal.h"
#include "sharing_internal.h"

/* Bytes of rand consumed per random coefficient (reduced mod n: bias below 2^-256). */
#define TSR_POLY_RAND_BYTES 64

/* Returns: 1 if some limb of a differs from b's (a != b), else 0. Public inputs: may branch. */
/*@ requires valid_a: \valid_read(a);
  @ requires valid_b: \valid_read(b);
  @ assigns \nothing;
  @ ensures bool: \result == 0 || \result == 1;
  @ ensures differ: \result == 1 <==> tsr_scalar_differ(a, b);
  @*/
static int tsr_shamir_limbs_differ(const tsr_scalar *a, const tsr_scalar *b) {
    size_t k;
    /*@ loop invariant bound: 0 <= k <= 8;
      @ loop invariant equal: \forall integer j; 0 <= j < k ==> a->d[j] == b->d[j];
      @ loop assigns k;
      @ loop variant 8 - k;
      @*/
    for (k = 0; k < 8; k++) {
        if (a->d[k] != b->d[k]) {
            return 1;
        }
    }
    return 0;
}

int tsr_ids_check(const tsr_scalar *ids, size_t n, tsr_check *reason) {
    size_t i, j;
    tsr_check check = TSR_CHECK_NONE;

    /* Ids are public: the O(n^2) comparison branches and stops at the first failure. */
    if (n < 1 || n > TSR_MAX_PARTIES) {
        check = TSR_CHECK_COUNT;
        goto fail;
    }
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop invariant nonzero: \forall integer a; 0 <= a < i ==> tsr_scalar_nonzero(ids + a);
      @ loop assigns i;
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        if (!tsr_id_nonzero_var(&ids[i])) {
            /*@ assert zero_id: !tsr_scalar_nonzero(ids + i); */
            check = TSR_CHECK_ID_ZERO;
            goto fail;
        }
    }
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop invariant distinct: \forall integer a, b; 0 <= a < i && a < b < n ==>
      @   tsr_scalar_differ(ids + a, ids + b);
      @ loop assigns i, j;
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        /*@ loop invariant bound: i + 1 <= j <= n;
          @ loop invariant distinct: \forall integer b; i < b < j ==> tsr_scalar_differ(ids + i, ids + b);
          @ loop assigns j;
          @ loop variant n - j;
          @*/
        for (j = i + 1; j < n; j++) {
            if (!tsr_shamir_limbs_differ(&ids[i], &ids[j])) {
                /*@ assert equal_ids: !tsr_scalar_differ(ids + i, ids + j); */
                check = TSR_CHECK_ID_DUPLICATE;
                goto fail;
            }
        }
    }
    tsr_set_reason(reason, TSR_CHECK_NONE);
    return TSR_OK;
fail:
    tsr_set_reason(reason, check);
    return TSR_ERR_ARG;
}

void tsr_poly_clear(tsr_poly *p) {
    size_t k;
    /* Coefficient by coefficient (tsr_scalar_clear wipes with tsr_memzero), which keeps the
     * proof in WP's typed memory model (no byte view of the struct). */
    /*@ loop invariant bound: 0 <= k <= TSR_MAX_PARTIES;
      @ loop assigns k, p->a[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant TSR_MAX_PARTIES - k;
      @*/
    for (k = 0; k < TSR_MAX_PARTIES; k++) {
        tsr_scalar_clear(&p->a[k]);
    }
    p->t = 0;
}

int tsr_poly_init(tsr_poly *p, const tsr_scalar *secret, size_t t, const uint8_t *rand, size_t randlen) {
    tsr_scalar s;
    size_t k;
    int ret = TSR_ERR_ARG;

    /* Copy the secret first: it may live inside *p, which is cleared next. */
    s = *secret;
    tsr_poly_clear(p);
    if (t < 1 || t > TSR_MAX_PARTIES) {
        goto out;
    }
    /* t <= TSR_MAX_PARTIES keeps 64 * (t - 1) far from overflow. */
    if (randlen != TSR_POLY_RAND_BYTES * (t - 1)) {
        goto out;
    }
    p->a[0] = s;
    /*@ loop invariant bound: 1 <= k <= t;
      @ loop invariant t_zero: p->t == 0;
      @ loop assigns k, p->a[1 .. t - 1];
      @ loop variant t - k;
      @*/
    for (k = 1; k < t; k++) {
        /* Only fails for inlen > 64, which it is not: the check is public. */
        if (tsr_scalar_reduce_be(&p->a[k], rand + TSR_POLY_RAND_BYTES * (k - 1), TSR_POLY_RAND_BYTES) != TSR_OK) {
            tsr_poly_clear(p);
            ret = TSR_ERR_INTERNAL;
            goto out;
        }
    }
    p->t = t;
    ret = TSR_OK;
out:
    tsr_scalar_clear(&s);
    return ret;
}

void tsr_poly_eval(tsr_scalar *out, const tsr_poly *p, const tsr_scalar *x) {
    tsr_scalar acc;
    size_t t = p->t, k;

    /* t is public (the threshold). A malformed polynomial evaluates to zero. */
    TSR_VERIFY_CHECK(t >= 1 && t <= TSR_MAX_PARTIES);
    if (t < 1 || t > TSR_MAX_PARTIES) {
        tsr_scalar_set_u32(&acc, 0);
        goto out;
    }
    /* Horner: acc = a[t-1]; acc = acc * x + a[k-1] for k = t-1 .. 1. Same operations for every
     * coefficient and x: constant time. out is written last, so it may alias x. */
    acc = p->a[t - 1];
    /*@ loop invariant bound: 0 <= k <= t - 1;
      @ loop assigns k, acc;
      @ loop variant k;
      @*/
    for (k = t - 1; k > 0; k--) {
        tsr_scalar_mul(&acc, &acc, x);
        tsr_scalar_add(&acc, &acc, &p->a[k - 1]);
    }
out:
    *out = acc;
    tsr_scalar_clear(&acc);
}

int tsr_shamir_split(tsr_scalar *shares, const tsr_scalar *ids, size_t n, const tsr_poly *p,
                     tsr_check *reason) {
    size_t i;
    tsr_check check = TSR_CHECK_NONE;

    if (n < 1 || n > TSR_MAX_PARTIES) {
        /* The count itself is wrong, so the size of shares is unknown: nothing is written. */
        tsr_set_reason(reason, TSR_CHECK_COUNT);
        return TSR_ERR_ARG;
    }
    if (p->t < 1 || p->t > n) {
        check = TSR_CHECK_THRESHOLD;
        goto fail;
    }
    if (tsr_ids_check(ids, n, &check) != TSR_OK) {
        goto fail;
    }
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop assigns i, shares[0 .. n - 1];
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        tsr_poly_eval(&shares[i], p, &ids[i]);
    }
    tsr_set_reason(reason, TSR_CHECK_NONE);
    return TSR_OK;
fail:
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop assigns i, shares[0 .. n - 1];
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        tsr_scalar_clear(&shares[i]);
    }
    tsr_set_reason(reason, check);
    return TSR_ERR_ARG;
}

/* Lagrange coefficient of ids[i] over ids[0..k-1] at x (NULL = 0), without the checks:
 * prod_{j != i} (x - ids[j]) * (prod_{j != i} (ids[i] - ids[j]))^-1, one inversion. The caller
 * has checked the ids (so every denominator factor is non-zero) and i < k: the callers' contracts
 * state it, as tsr_ids_ok of their inputs. Public inputs. */
/*@ requires valid_out: \valid(out);
  @ requires valid_ids: \valid_read(ids + (0 .. k - 1));
  @ requires valid_x: x == \null || \valid_read(x);
  @ requires index: i < k;
  @ assigns *out;
  @*/
static void tsr_lagrange_unchecked(tsr_scalar *out, const tsr_scalar *ids, size_t k, size_t i,
                                   const tsr_scalar *x) {
    tsr_scalar num, den, diff, x0;
    size_t j;

    if (x != NULL) {
        x0 = *x;
    } else {
        tsr_scalar_set_u32(&x0, 0);
    }
    tsr_scalar_set_u32(&num, 1);
    tsr_scalar_set_u32(&den, 1);
    /*@ loop invariant bound: 0 <= j <= k;
      @ loop assigns j, num, den, diff;
      @ loop variant k - j;
      @*/
    for (j = 0; j < k; j++) {
        if (j == i) {
            continue;
        }
        tsr_scalar_sub(&diff, &x0, &ids[j]);
        tsr_scalar_mul(&num, &num, &diff);
        tsr_scalar_sub(&diff, &ids[i], &ids[j]);
        tsr_scalar_mul(&den, &den, &diff);
    }
    tsr_scalar_inv(&den, &den);
    tsr_scalar_mul(out, &num, &den);
}

int tsr_lagrange_coeff(tsr_scalar *out, const tsr_scalar *ids, size_t k, size_t i, const tsr_scalar *x,
                       tsr_check *reason) {
    tsr_check check = TSR_CHECK_NONE;
    tsr_scalar r;

    if (tsr_ids_check(ids, k, &check) != TSR_OK) {
        goto fail;
    }
    if (i >= k) {
        check = TSR_CHECK_ID_UNKNOWN;
        goto fail;
    }
    /* Computed into a local: out may alias x or an id. */
    tsr_lagrange_unchecked(&r, ids, k, i, x);
    *out = r;
    tsr_set_reason(reason, TSR_CHECK_NONE);
    return TSR_OK;
fail:
    tsr_scalar_set_u32(out, 0);
    tsr_set_reason(reason, check);
    return TSR_ERR_ARG;
}

int tsr_shamir_interpolate(tsr_scalar *out, const tsr_scalar *ids, const tsr_scalar *shares, size_t k,
                           const tsr_scalar *x, tsr_check *reason) {
    tsr_scalar acc, lambda, term;
    tsr_check check = TSR_CHECK_NONE;
    size_t i;
    int ret;

    /* The ids are checked before anything is written (the contract speaks of the caller's ids). */
    ret = tsr_ids_check(ids, k, &check);
    tsr_scalar_set_u32(&acc, 0);
    tsr_scalar_set_u32(&term, 0);
    if (ret != TSR_OK) {
        goto out;
    }
    /* acc = sum_i lambda_i(x) * shares[i]; the lambdas are public, the shares secret; the
     * operations are the same for every share value (constant time). */
    /*@ loop invariant bound: 0 <= i <= k;
      @ loop assigns i, acc, lambda, term;
      @ loop variant k - i;
      @*/
    for (i = 0; i < k; i++) {
        tsr_lagrange_unchecked(&lambda, ids, k, i, x);
        tsr_scalar_mul(&term, &lambda, &shares[i]);
        tsr_scalar_add(&acc, &acc, &term);
    }
    ret = TSR_OK;
out:
    /* out is written last (it may alias x, an id or a share); zero on error. */
    *out = acc;
    tsr_set_reason(reason, check);
    tsr_scalar_clear(&acc);
    tsr_scalar_clear(&term);
    return ret;
}

int tsr_shamir_reconstruct(tsr_scalar *out, const tsr_scalar *ids, const tsr_scalar *shares, size_t k,
                           tsr_check *reason) {
    return tsr_shamir_interpolate(out, ids, shares, k, NULL, reason);
}
