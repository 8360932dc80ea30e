/* Tessera's own minimal declaration of libsecp256k1 0.2.0's x-only public keys and key pairs, with
 * ACSL, for Frama-C only. See secp256k1.h in this folder for the modelling choices. */
#ifndef TESSERA_PROOFS_SECP256K1_EXTRAKEYS_H
#define TESSERA_PROOFS_SECP256K1_EXTRAKEYS_H

#include "secp256k1.h"

/* A parsed x-only public key (64 bytes, internal layout). */
typedef struct {
    unsigned char data[64];
} secp256k1_xonly_pubkey;

/* Parses a 32-byte x coordinate (BIP340 lift_x). On failure the output is zeroed. */
/*@ requires valid_pubkey: \valid(pubkey);
  @ requires valid_input: \valid_read(input32 + (0 .. 31));
  @ requires sep: \separated(pubkey, input32 + (0 .. 31));
  @ assigns *pubkey;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
int secp256k1_xonly_pubkey_parse(const secp256k1_context *ctx, secp256k1_xonly_pubkey *pubkey,
                                 const unsigned char *input32);

/* output32 = x(pubkey). Returns 0 (zeroed output) only for an invalid pubkey. */
/*@ requires valid_output: \valid(output32 + (0 .. 31));
  @ requires valid_pubkey: \valid_read(pubkey);
  @ requires sep: \separated(output32 + (0 .. 31), pubkey);
  @ assigns output32[0 .. 31];
  @ ensures bool: \result == 0 || \result == 1;
  @*/
int secp256k1_xonly_pubkey_serialize(const secp256k1_context *ctx, unsigned char *output32,
                                     const secp256k1_xonly_pubkey *pubkey);

/* Compares two x-only keys by their serialization: <0, 0 or >0. */
/*@ requires valid_pk1: \valid_read(pk1);
  @ requires valid_pk2: \valid_read(pk2);
  @ assigns \nothing;
  @*/
int secp256k1_xonly_pubkey_cmp(const secp256k1_context *ctx, const secp256k1_xonly_pubkey *pk1,
                               const secp256k1_xonly_pubkey *pk2);

/* xonly_pubkey = the x-only key of pubkey; *pk_parity (if not NULL) = parity of its y. */
/*@ requires valid_xonly: \valid(xonly_pubkey);
  @ requires valid_parity: pk_parity == \null || \valid(pk_parity);
  @ requires valid_pubkey: \valid_read(pubkey);
  @ requires sep: \separated(xonly_pubkey, pubkey);
  @ requires sep_parity: pk_parity == \null || \separated(pk_parity, xonly_pubkey, pubkey);
  @ assigns *xonly_pubkey;
  @ assigns *pk_parity;
  @ ensures bool: \result == 0 || \result == 1;
  @ ensures parity: pk_parity != \null && \result == 1 ==> *pk_parity == 0 || *pk_parity == 1;
  @*/
int secp256k1_xonly_pubkey_from_pubkey(const secp256k1_context *ctx, secp256k1_xonly_pubkey *xonly_pubkey,
                                       int *pk_parity, const secp256k1_pubkey *pubkey);

/* A key pair (96 bytes, internal layout: secret key and public key). Holds a secret. */
typedef struct {
    unsigned char data[96];
} secp256k1_keypair;

/* keypair = (seckey, seckey*G), constant time. Fails (returns 0, zeroed output) if seckey is 0
 * or >= n. */
/*@ requires valid_keypair: \valid(keypair);
  @ requires valid_seckey: \valid_read(seckey + (0 .. 31));
  @ requires sep: \separated(keypair, seckey + (0 .. 31));
  @ assigns *keypair;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
int secp256k1_keypair_create(const secp256k1_context *ctx, secp256k1_keypair *keypair,
                             const unsigned char *seckey);

#endif
