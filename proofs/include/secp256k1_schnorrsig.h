/* Tessera's own minimal declaration of libsecp256k1 0.2.0's BIP340 signing and verification, with
 * ACSL, for Frama-C only. See secp256k1.h in this folder for the modelling choices. */
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

/* BIP340 signature of the 32-byte msg32 with keypair; aux_rand32 (may be NULL) is the auxiliary
 * randomness. Constant time in the key pair and aux_rand32. Returns 1 (0, with a zeroed
 * signature, only if the nonce function fails, which the default one never does). */
/*@ requires valid_sig: \valid(sig64 + (0 .. 63));
  @ requires valid_msg: \valid_read(msg32 + (0 .. 31));
  @ requires valid_keypair: \valid_read(keypair);
  @ requires valid_aux: aux_rand32 == \null || \valid_read(aux_rand32 + (0 .. 31));
  @ requires sep: \separated(sig64 + (0 .. 63), msg32 + (0 .. 31), keypair);
  @ requires sep_aux: aux_rand32 == \null || \separated(sig64 + (0 .. 63), aux_rand32 + (0 .. 31));
  @ assigns sig64[0 .. 63];
  @ ensures bool: \result == 0 || \result == 1;
  @*/
int secp256k1_schnorrsig_sign32(const secp256k1_context *ctx, unsigned char *sig64, const unsigned char *msg32,
                                const secp256k1_keypair *keypair, const unsigned char *aux_rand32);

#endif
