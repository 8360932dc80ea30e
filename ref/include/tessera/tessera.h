/* Tessera: threshold signing reference library. The one header to include. */
#ifndef TESSERA_TESSERA_H
#define TESSERA_TESSERA_H

#include "tessera/common.h"
#include "tessera/scalar.h"
#include "tessera/point.h"
#include "tessera/hash.h"
#include "tessera/sharing.h"
#include "tessera/wire.h"
#include "tessera/frost.h"
#include "tessera/frost_bip.h"
#include "tessera/dkg.h"

#define TSR_VERSION_MAJOR 0
#define TSR_VERSION_MINOR 1
#define TSR_VERSION_PATCH 0

#endif
