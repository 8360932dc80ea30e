/* Helpers shared by shamir.c and vss.c (not installed): identifier tests on public scalars. */
#ifndef TESSERA_SHARING_INTERNAL_H
#define TESSERA_SHARING_INTERNAL_H

#include "tessera/scalar.h"
#include "tessera/sharing.h"

/* Returns: 1 if some limb of a is non-zero (a != 0), else 0. Public input: may branch. */
/*@ requires valid_a: \valid_read(a);
  @ assigns \nothing;
  @ ensures bool: \result == 0 || \result == 1;
  @ ensures nonzero: \result == 1 <==> tsr_scalar_nonzero(a);
  @*/
static inline int tsr_id_nonzero_var(const tsr_scalar *a) {
    size_t k;
    /*@ loop invariant bound: 0 <= k <= 8;
      @ loop invariant zero: \forall integer j; 0 <= j < k ==> a->d[j] == 0;
      @ loop assigns k;
      @ loop variant 8 - k;
      @*/
    for (k = 0; k < 8; k++) {
        if (a->d[k] != 0) {
            return 1;
        }
    }
    return 0;
}

#endif
