/* Internal definitions shared by ref/src files: the context layout. Not installed. */
#ifndef TESSERA_INTERNAL_H
#define TESSERA_INTERNAL_H

#include <secp256k1.h>

#include "tessera/common.h"

struct tsr_context_s {
    secp256k1_context *secp;
};

/* Sets *reason (if reason != NULL) to check: every decoder and verifier reports this way. */
/*@ requires valid_reason: reason == \null || \valid(reason);
  @ assigns *reason;
  @ ensures set: reason != \null ==> *reason == check;
  @*/
static inline void tsr_set_reason(tsr_check *reason, tsr_check check) {
    if (reason != NULL) {
        *reason = check;
    }
}

#endif
