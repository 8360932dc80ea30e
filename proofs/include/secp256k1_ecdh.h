/* Tessera's own minimal declaration of libsecp256k1 0.2.0's ECDH module, with ACSL, for Frama-C
 * only. See secp256k1.h in this folder for the modelling choices. */
#ifndef TESSERA_PROOFS_SECP256K1_ECDH_H
#define TESSERA_PROOFS_SECP256K1_ECDH_H

#include "secp256k1.h"

/* The hash callback: writes its output from the affine coordinates x32, y32 of the product;
 * returns 1 on success, 0 on failure. */
typedef int (*secp256k1_ecdh_hash_function)(unsigned char *output, const unsigned char *x32,
                                            const unsigned char *y32, void *data);

/* The largest output any callback used with ref/ writes: a whole uncompressed point (65 bytes,
 * ref/src/point.c's tsr_point_ecdh_whole). The default (hashfp == NULL) writes 32 bytes. */
#define TSR_PROOF_ECDH_MAX_OUTPUT 65

/* output = hashfp(x, y, data) of the point seckey * pubkey (constant time in seckey); hashfp
 * NULL means SHA256(parity byte || x), 32 bytes. Returns 0 if seckey is 0 or >= n or if the
 * callback returns 0, else 1. The callback is not modelled: with a non-NULL hashfp the caller
 * must provide TSR_PROOF_ECDH_MAX_OUTPUT bytes (a stronger requirement than the library's, so
 * still sound for ref/). */
/*@ requires valid_pubkey: \valid_read(pubkey);
  @ requires valid_seckey: \valid_read(seckey + (0 .. 31));
  @ behavior default_hash:
  @   assumes hashfp == \null;
  @   requires valid_output: \valid(output + (0 .. 31));
  @   requires sep: \separated(output + (0 .. 31), pubkey, seckey + (0 .. 31));
  @   assigns output[0 .. 31];
  @   ensures bool: \result == 0 || \result == 1;
  @ behavior custom_hash:
  @   assumes hashfp != \null;
  @   requires valid_output: \valid(output + (0 .. TSR_PROOF_ECDH_MAX_OUTPUT - 1));
  @   requires sep: \separated(output + (0 .. TSR_PROOF_ECDH_MAX_OUTPUT - 1), pubkey, seckey + (0 .. 31));
  @   assigns output[0 .. TSR_PROOF_ECDH_MAX_OUTPUT - 1];
  @   ensures bool: \result == 0 || \result == 1;
  @ complete behaviors;
  @ disjoint behaviors;
  @*/
int secp256k1_ecdh(const secp256k1_context *ctx, unsigned char *output, const secp256k1_pubkey *pubkey,
                   const unsigned char *seckey, secp256k1_ecdh_hash_function hashfp, void *data);

#endif
