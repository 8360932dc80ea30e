/* Internal definitions shared by ref/src files: the context layout. Not installed. */
#ifndef TESSERA_INTERNAL_H
#define TESSERA_INTERNAL_H

#include <secp256k1.h>

#include "tessera/common.h"

struct tsr_context_s {
    secp256k1_context *secp;
};

#endif
