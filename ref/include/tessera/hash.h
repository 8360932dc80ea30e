/* Hashing: SHA-256, BIP340 tagged hashes, RFC 9380 expand_message_xmd and hash_to_field, and the
 * Fiat-Shamir transcript with an injective encoding. */
#ifndef TESSERA_HASH_H
#define TESSERA_HASH_H

#include "tessera/common.h"
#include "tessera/point.h"
#include "tessera/scalar.h"

#ifdef __cplusplus
extern "C" {
#endif

/* SHA-256 (FIPS 180-4) streaming state. May hold secret input: wipe with tsr_memzero if so
 * (tsr_sha256_final wipes it). */
typedef struct {
    uint32_t s[8];
    uint8_t buf[64];
    uint64_t bytes; /* total bytes absorbed */
} tsr_sha256;

void tsr_sha256_init(tsr_sha256 *h);
void tsr_sha256_update(tsr_sha256 *h, const uint8_t *in, size_t len);
/* Writes the digest and wipes the state. */
void tsr_sha256_final(tsr_sha256 *h, uint8_t out32[32]);
/* One-shot SHA-256. */
void tsr_sha256(uint8_t out32[32], const uint8_t *in, size_t len);

/* BIP340 tagged hash: SHA256(SHA256(tag) || SHA256(tag) || msg). _init leaves h ready for msg. */
void tsr_tagged_hash_init(tsr_sha256 *h, const uint8_t *tag, size_t taglen);
void tsr_tagged_hash(uint8_t out32[32], const uint8_t *tag, size_t taglen, const uint8_t *msg, size_t msglen);

/* RFC 9380 §5.3.1 expand_message_xmd with SHA-256. A DST longer than 255 bytes is first hashed
 * as RFC 9380 §5.3.3 says. Returns: TSR_OK, or TSR_ERR_ARG if outlen is 0 or > 8160 or dstlen is 0. */
int tsr_expand_message_xmd(uint8_t *out, size_t outlen, const uint8_t *msg, size_t msglen,
                           const uint8_t *dst, size_t dstlen);

/* RFC 9380 §5.2 hash_to_field for the scalar field (p = n, m = 1, L = 48), count elements.
 * Returns: TSR_OK, or TSR_ERR_ARG if count is 0 or count * 48 > 8160, or dstlen is 0. */
int tsr_hash_to_field(tsr_scalar *out, size_t count, const uint8_t *msg, size_t msglen,
                      const uint8_t *dst, size_t dstlen);

/* Fiat-Shamir transcript. Encoding (spec/encoding.md §Transcript), injective by construction:
 *   init:   "TSR-TRANSCRIPT-v1" || u32be(len(domain)) || domain || session32 || u32be(prover)
 *   append: u8(type) || u64be(len) || data
 * The challenge is derived from the SHA-256 state (see tsr_transcript_challenge). Holds only
 * public data. If tee != NULL, every absorbed byte is also copied there (tests and audit);
 * bytes beyond teecap are counted in teelen but not stored. */
#define TSR_TR_BYTES  1 /* opaque bytes */
#define TSR_TR_LABEL  2 /* ASCII label naming the next value */
#define TSR_TR_U64    3 /* 8-byte big-endian integer */
#define TSR_TR_SCALAR 4 /* 32-byte scalar */
#define TSR_TR_POINT  5 /* 33-byte compressed point (identity: 33 zero bytes) */

typedef struct {
    tsr_sha256 h;
    uint8_t *tee;
    size_t teecap;
    size_t teelen;
} tsr_transcript;

/* Returns: TSR_OK, or TSR_ERR_ARG if domainlen is 0 or > 255. */
int tsr_transcript_init(tsr_transcript *t, const uint8_t *domain, size_t domainlen,
                        const uint8_t session32[32], uint32_t prover);
void tsr_transcript_append(tsr_transcript *t, uint8_t type, const uint8_t *data, size_t len);
void tsr_transcript_append_label(tsr_transcript *t, const char *label);
void tsr_transcript_append_u64(tsr_transcript *t, uint64_t v);
void tsr_transcript_append_scalar(tsr_transcript *t, const tsr_scalar *a);
int tsr_transcript_append_point(const tsr_context *ctx, tsr_transcript *t, const tsr_point *p);
/* The challenge scalar: reduce_be(SHA256(T || 0x00) || SHA256(T || 0x01)) where T is the
 * absorbed stream (64 bytes reduced mod n, bias below 2^-256). The transcript is left usable. */
void tsr_transcript_challenge(tsr_scalar *out, const tsr_transcript *t);

#ifdef __cplusplus
}
#endif
#endif
