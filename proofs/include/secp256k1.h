/* Tessera's own minimal declarations of the libsecp256k1 0.2.0 API used by ref/, with ACSL
 * contracts, for Frama-C only (it preprocesses with its own libc and -nostdinc). Not a copy of
 * the library header: only the types and functions ref/ calls, written from the documented API.
 *
 * Modelling choices, shared by every contract here:
 * - secp256k1_context is opaque (an incomplete type, as in the library). Its validity is an API
 *   invariant set up by tsr_context_create and cannot be stated without a model of the library's
 *   heap, so no contract constrains ctx; its hidden state is not observable by ref/, so
 *   "assigns" never lists it.
 * - Every other pointer argument must be valid for the bytes the library documents; outputs are
 *   listed in "assigns"; every int result is 0 (failure) or 1 (success) unless stated.
 * - A NULL or garbage argument makes the real library call its illegal-argument callback (abort);
 *   the contracts simply require valid arguments, so WP checks ref/ never gets there. */
#ifndef TESSERA_PROOFS_SECP256K1_H
#define TESSERA_PROOFS_SECP256K1_H

#include <stddef.h>

/* Opaque context. */
typedef struct secp256k1_context_struct secp256k1_context;

/* A parsed public key (64 bytes, internal layout; never read by ref/). */
typedef struct {
    unsigned char data[64];
} secp256k1_pubkey;

/* A parsed ECDSA signature (64 bytes, internal layout). */
typedef struct {
    unsigned char data[64];
} secp256k1_ecdsa_signature;

/* Flag values of 0.2.0 (needed by ref/ as constants). */
#define SECP256K1_FLAGS_TYPE_MASK ((1 << 8) - 1)
#define SECP256K1_FLAGS_TYPE_CONTEXT (1 << 0)
#define SECP256K1_FLAGS_TYPE_COMPRESSION (1 << 1)
#define SECP256K1_FLAGS_BIT_CONTEXT_VERIFY (1 << 8)
#define SECP256K1_FLAGS_BIT_CONTEXT_SIGN (1 << 9)
#define SECP256K1_FLAGS_BIT_COMPRESSION (1 << 8)
#define SECP256K1_CONTEXT_NONE (SECP256K1_FLAGS_TYPE_CONTEXT)
#define SECP256K1_CONTEXT_VERIFY (SECP256K1_FLAGS_TYPE_CONTEXT | SECP256K1_FLAGS_BIT_CONTEXT_VERIFY)
#define SECP256K1_CONTEXT_SIGN (SECP256K1_FLAGS_TYPE_CONTEXT | SECP256K1_FLAGS_BIT_CONTEXT_SIGN)
#define SECP256K1_EC_COMPRESSED (SECP256K1_FLAGS_TYPE_COMPRESSION | SECP256K1_FLAGS_BIT_COMPRESSION)
#define SECP256K1_EC_UNCOMPRESSED (SECP256K1_FLAGS_TYPE_COMPRESSION)
#define SECP256K1_TAG_PUBKEY_EVEN 0x02
#define SECP256K1_TAG_PUBKEY_ODD 0x03
#define SECP256K1_TAG_PUBKEY_UNCOMPRESSED 0x04

/* ---- context ---------------------------------------------------------------------------- */

/* Returns a new context, or NULL if allocation failed. */
/*@ assigns \nothing;
  @*/
secp256k1_context *secp256k1_context_create(unsigned int flags);

/* Destroys a context (NULL is ignored). */
/*@ assigns \nothing;
  @*/
void secp256k1_context_destroy(secp256k1_context *ctx);

/* Re-blinds the context; seed32 may be NULL (resets the blinding). Returns 1 on success. */
/*@ requires valid_seed: seed32 == \null || \valid_read(seed32 + (0 .. 31));
  @ assigns \nothing;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
int secp256k1_context_randomize(secp256k1_context *ctx, const unsigned char *seed32);

/* ---- public keys ------------------------------------------------------------------------ */

/* Parses a SEC1 point: 33 bytes (02/03 prefix) or 65 bytes (04/06/07 prefix). On failure the
 * output is zeroed. */
/*@ requires valid_pubkey: \valid(pubkey);
  @ requires valid_input: \valid_read(input + (0 .. inputlen - 1));
  @ requires sep: \separated(pubkey, input + (0 .. inputlen - 1));
  @ assigns *pubkey;
  @ ensures bool: \result == 0 || \result == 1;
  @ ensures length: \result == 1 ==> inputlen == 33 || inputlen == 65;
  @*/
int secp256k1_ec_pubkey_parse(const secp256k1_context *ctx, secp256k1_pubkey *pubkey,
                              const unsigned char *input, size_t inputlen);

/* Serializes a public key: 33 bytes with SECP256K1_EC_COMPRESSED, else 65. *outputlen must be
 * at least that on input; on output it is the length written (0 on failure). */
/*@ requires valid_outputlen: \valid(outputlen);
  @ requires flags: flags == SECP256K1_EC_COMPRESSED || flags == SECP256K1_EC_UNCOMPRESSED;
  @ requires room: *outputlen >= (flags == SECP256K1_EC_COMPRESSED ? 33 : 65);
  @ requires valid_output: \valid(output + (0 .. *outputlen - 1));
  @ requires valid_pubkey: \valid_read(pubkey);
  @ requires sep: \separated(output + (0 .. *outputlen - 1), outputlen, pubkey);
  @ assigns output[0 .. *outputlen - 1], *outputlen;
  @ ensures bool: \result == 0 || \result == 1;
  @ ensures len_ok: \result == 1 ==> *outputlen == (flags == SECP256K1_EC_COMPRESSED ? 33 : 65);
  @ ensures len_fail: \result == 0 ==> *outputlen == 0;
  @*/
int secp256k1_ec_pubkey_serialize(const secp256k1_context *ctx, unsigned char *output, size_t *outputlen,
                                  const secp256k1_pubkey *pubkey, unsigned int flags);

/* Compares two public keys by their compressed serialization: <0, 0 or >0. */
/*@ requires valid_pubkey1: \valid_read(pubkey1);
  @ requires valid_pubkey2: \valid_read(pubkey2);
  @ assigns \nothing;
  @*/
int secp256k1_ec_pubkey_cmp(const secp256k1_context *ctx, const secp256k1_pubkey *pubkey1,
                            const secp256k1_pubkey *pubkey2);

/* pubkey = seckey * G (constant time). Fails (returns 0, zeroed output) if seckey is 0 or >= n. */
/*@ requires valid_pubkey: \valid(pubkey);
  @ requires valid_seckey: \valid_read(seckey + (0 .. 31));
  @ requires sep: \separated(pubkey, seckey + (0 .. 31));
  @ assigns *pubkey;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
int secp256k1_ec_pubkey_create(const secp256k1_context *ctx, secp256k1_pubkey *pubkey,
                               const unsigned char *seckey);

/* pubkey = -pubkey. */
/*@ requires valid_pubkey: \valid(pubkey);
  @ assigns *pubkey;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
int secp256k1_ec_pubkey_negate(const secp256k1_context *ctx, secp256k1_pubkey *pubkey);

/* pubkey = pubkey + tweak32 * G. Fails if the tweak is >= n or the result is infinity. */
/*@ requires valid_pubkey: \valid(pubkey);
  @ requires valid_tweak: \valid_read(tweak32 + (0 .. 31));
  @ requires sep: \separated(pubkey, tweak32 + (0 .. 31));
  @ assigns *pubkey;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
int secp256k1_ec_pubkey_tweak_add(const secp256k1_context *ctx, secp256k1_pubkey *pubkey,
                                  const unsigned char *tweak32);

/* pubkey = tweak32 * pubkey (variable time). Fails if the tweak is 0 or >= n. */
/*@ requires valid_pubkey: \valid(pubkey);
  @ requires valid_tweak: \valid_read(tweak32 + (0 .. 31));
  @ requires sep: \separated(pubkey, tweak32 + (0 .. 31));
  @ assigns *pubkey;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
int secp256k1_ec_pubkey_tweak_mul(const secp256k1_context *ctx, secp256k1_pubkey *pubkey,
                                  const unsigned char *tweak32);

/* out = ins[0] + ... + ins[n-1]. Needs n >= 1; fails (zeroed output) if the sum is infinity.
 * out must not alias an input (the library clears out before reading ins). */
/*@ requires count: n >= 1;
  @ requires valid_out: \valid(out);
  @ requires valid_ins: \valid_read(ins + (0 .. n - 1));
  @ requires valid_each: \forall integer i; 0 <= i < n ==> \valid_read(ins[i]);
  @ requires sep: \forall integer i; 0 <= i < n ==> \separated(out, ins[i]);
  @ requires sep_array: \separated(out, ins + (0 .. n - 1));
  @ assigns *out;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
int secp256k1_ec_pubkey_combine(const secp256k1_context *ctx, secp256k1_pubkey *out,
                                const secp256k1_pubkey *const *ins, size_t n);

/* ---- ECDSA (verification side) ----------------------------------------------------------- */

/*@ requires valid_sig: \valid(sig);
  @ requires valid_input: \valid_read(input64 + (0 .. 63));
  @ requires sep: \separated(sig, input64 + (0 .. 63));
  @ assigns *sig;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
int secp256k1_ecdsa_signature_parse_compact(const secp256k1_context *ctx, secp256k1_ecdsa_signature *sig,
                                            const unsigned char *input64);

/*@ requires valid_output: \valid(output64 + (0 .. 63));
  @ requires valid_sig: \valid_read(sig);
  @ assigns output64[0 .. 63];
  @ ensures one: \result == 1;
  @*/
int secp256k1_ecdsa_signature_serialize_compact(const secp256k1_context *ctx, unsigned char *output64,
                                                const secp256k1_ecdsa_signature *sig);

/* Returns 1 if sigin was not lower-S (then *sigout, if not NULL, is its normalized form). */
/*@ requires valid_sigout: sigout == \null || \valid(sigout);
  @ requires valid_sigin: \valid_read(sigin);
  @ assigns *sigout;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
int secp256k1_ecdsa_signature_normalize(const secp256k1_context *ctx, secp256k1_ecdsa_signature *sigout,
                                        const secp256k1_ecdsa_signature *sigin);

/* Returns 1 for a valid lower-S signature of msghash32 under pubkey. */
/*@ requires valid_sig: \valid_read(sig);
  @ requires valid_msg: \valid_read(msghash32 + (0 .. 31));
  @ requires valid_pubkey: \valid_read(pubkey);
  @ assigns \nothing;
  @ ensures bool: \result == 0 || \result == 1;
  @*/
int secp256k1_ecdsa_verify(const secp256k1_context *ctx, const secp256k1_ecdsa_signature *sig,
                           const unsigned char *msghash32, const secp256k1_pubkey *pubkey);

/* ---- hashing ----------------------------------------------------------------------------- */

/* hash32 = SHA256(SHA256(tag) || SHA256(tag) || msg) (BIP340 tagged hash). Always returns 1. */
/*@ requires valid_hash: \valid(hash32 + (0 .. 31));
  @ requires valid_tag: \valid_read(tag + (0 .. taglen - 1));
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ assigns hash32[0 .. 31];
  @ ensures one: \result == 1;
  @*/
int secp256k1_tagged_sha256(const secp256k1_context *ctx, unsigned char *hash32, const unsigned char *tag,
                            size_t taglen, const unsigned char *msg, size_t msglen);

#endif
