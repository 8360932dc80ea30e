/* Tessera's own minimal declaration of libsecp256k1 0.2.0's BIP340 verification, with ACSL, for
 * Frama-C only. See secp256k1.h in this folder for the modelling choices. */
#ifndef TESSERA_PROOFS_SECP256K1_SCHNORRSIG_H
#define TESSERA_PROOFS_SECP256K1_SCHNORRSIG_H

#include "secp256k1.h"
#include "secp256k1_extrakeys.h"

/* Returns 1 if sig64 is a valid BIP340 signature of msg under pubkey, else 0. */
/*@ requires valid_sig: \valid_read(sig64 + (0 .. 63));
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires valid_pubkey: \valid_read(pubkey);
  @ assigns \nothing;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
int secp256k1_schnorrsig_verify(const secp256k1_context *ctx, const unsigned char *sig64,
                                const unsigned char *msg, size_t msglen, const secp256k1_xonly_pubkey *pubkey);

#endif
