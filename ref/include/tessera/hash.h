/* Hashing: SHA-256, BIP340 tagged hashes, RFC 9380 expand_message_xmd and hash_to_field, and the
 * Fiat-Shamir transcript with an injective encoding. */
#ifndef TESSERA_HASH_H
#define TESSERA_HASH_H

#include "tessera/common.h"
#include "tessera/point.h"
#include "tessera/scalar.h"

#ifdef __FRAMAC__
#include <string.h> /* ACSL only: valid_read_string and strlen (tsr_transcript_append_label) */
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* SHA-256 (FIPS 180-4) streaming state. May hold secret input: wipe with tsr_memzero if so
 * (tsr_sha256_final wipes it). */
typedef struct {
    uint32_t s[8];
    uint8_t buf[64];
    uint64_t bytes; /* total bytes absorbed */
} tsr_sha256_ctx;

/*@ requires valid_h: \valid(h);
  @ assigns *h;
  @ ensures empty: h->bytes == 0;
  @*/
void tsr_sha256_init(tsr_sha256_ctx *h);

/* In: in may be NULL only if len == 0. Secret: constant time in the bytes of in (the work depends
 * only on len and on the number of bytes absorbed before). */
/*@ requires valid_h: \valid(h);
  @ requires valid_in: \valid_read(in + (0 .. len - 1));
  @ requires sep: \separated(h, in + (0 .. len - 1));
  @ assigns *h;
  @ ensures counted: h->bytes == (uint64_t)(\old(h->bytes) + len);
  @*/
void tsr_sha256_update(tsr_sha256_ctx *h, const uint8_t *in, size_t len);

/* Writes the digest and wipes the state. */
/*@ requires valid_h: \valid(h);
  @ requires valid_out: \valid(out32 + (0 .. 31));
  @ requires sep: \separated(h, out32 + (0 .. 31));
  @ assigns *h, out32[0 .. 31];
  @ ensures wiped: h->bytes == 0;
  @*/
void tsr_sha256_final(tsr_sha256_ctx *h, uint8_t out32[32]);

/* One-shot SHA-256. out32 may overlap in. */
/*@ requires valid_out: \valid(out32 + (0 .. 31));
  @ requires valid_in: \valid_read(in + (0 .. len - 1));
  @ assigns out32[0 .. 31];
  @*/
void tsr_sha256(uint8_t out32[32], const uint8_t *in, size_t len);

/* BIP340 tagged hash: SHA256(SHA256(tag) || SHA256(tag) || msg). _init leaves h ready for msg. */
/*@ requires valid_h: \valid(h);
  @ requires valid_tag: \valid_read(tag + (0 .. taglen - 1));
  @ requires sep: \separated(h, tag + (0 .. taglen - 1));
  @ assigns *h;
  @ ensures absorbed: h->bytes == 64;
  @*/
void tsr_tagged_hash_init(tsr_sha256_ctx *h, const uint8_t *tag, size_t taglen);

/*@ requires valid_out: \valid(out32 + (0 .. 31));
  @ requires valid_tag: \valid_read(tag + (0 .. taglen - 1));
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ assigns out32[0 .. 31];
  @*/
void tsr_tagged_hash(uint8_t out32[32], const uint8_t *tag, size_t taglen, const uint8_t *msg, size_t msglen);

/* RFC 9380 §5.3.1 expand_message_xmd with SHA-256. A DST longer than 255 bytes is first hashed
 * as RFC 9380 §5.3.3 says. Returns: TSR_OK, or TSR_ERR_ARG if outlen is 0 or > 8160 or dstlen is 0.
 * Secret: constant time in msg (it may be secret, e.g. for nonce derivation); lengths and dst are
 * public. out may overlap msg, but not dst. */
/*@ requires valid_out: \valid(out + (0 .. outlen - 1));
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires valid_dst: \valid_read(dst + (0 .. dstlen - 1));
  @ requires sep_dst: \separated(out + (0 .. outlen - 1), dst + (0 .. dstlen - 1));
  @ assigns out[0 .. outlen - 1];
  @ behavior bad_args:
  @   assumes outlen == 0 || outlen > 8160 || dstlen == 0;
  @   assigns \nothing;
  @   ensures arg: \result == TSR_ERR_ARG;
  @ behavior good_args:
  @   assumes 0 < outlen <= 8160 && dstlen > 0;
  @   ensures ok: \result == TSR_OK;
  @ complete behaviors;
  @ disjoint behaviors;
  @*/
int tsr_expand_message_xmd(uint8_t *out, size_t outlen, const uint8_t *msg, size_t msglen,
                           const uint8_t *dst, size_t dstlen);

/* RFC 9380 §5.2 hash_to_field for the scalar field (p = n, m = 1, L = 48), count elements.
 * Returns: TSR_OK, or TSR_ERR_ARG if count is 0 or count * 48 > 8160, or dstlen is 0
 * (TSR_ERR_INTERNAL if tsr_scalar_reduce_be ever refused 48 bytes, which it must not).
 * Secret: constant time in msg. */
/*@ requires valid_out: \valid(out + (0 .. count - 1));
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires valid_dst: \valid_read(dst + (0 .. dstlen - 1));
  @ assigns out[0 .. count - 1];
  @ behavior bad_args:
  @   assumes count == 0 || count > 170 || dstlen == 0;
  @   assigns \nothing;
  @   ensures arg: \result == TSR_ERR_ARG;
  @ behavior good_args:
  @   assumes 0 < count <= 170 && dstlen > 0;
  @   ensures ok: \result == TSR_OK;
  @ complete behaviors;
  @ disjoint behaviors;
  @*/
int tsr_hash_to_field(tsr_scalar *out, size_t count, const uint8_t *msg, size_t msglen,
                      const uint8_t *dst, size_t dstlen);

/* Fiat-Shamir transcript. Encoding (spec/encoding.md §Transcript), injective by construction:
 *   init:   "TSR-TRANSCRIPT-v1" || u32be(len(domain)) || domain || session32 || u32be(prover)
 *   append: u8(type) || u64be(len) || data
 * The challenge is derived from the SHA-256 state (see tsr_transcript_challenge). Holds only
 * public data. If tee != NULL, every absorbed byte is also copied there (tests and audit);
 * bytes beyond teecap are counted in teelen but not stored.
 * tsr_transcript_init starts a transcript without a tee (whatever *t held before);
 * tsr_transcript_init_tee starts one whose tee is tee[0..teecap-1]: the init bytes are teed too,
 * so the tee holds the whole absorbed stream T. teelen counts every absorbed byte, also with no
 * tee. */
#define TSR_TR_BYTES  1 /* opaque bytes */
#define TSR_TR_LABEL  2 /* ASCII label naming the next value */
#define TSR_TR_U64    3 /* 8-byte big-endian integer */
#define TSR_TR_SCALAR 4 /* 32-byte scalar */
#define TSR_TR_POINT  5 /* 33-byte compressed point (identity: 33 zero bytes) */

typedef struct {
    tsr_sha256_ctx h;
    uint8_t *tee;
    size_t teecap;
    size_t teelen;
} tsr_transcript;

/* A transcript whose tee (if any) is a writable buffer of teecap bytes, apart from *t. */
/*@ predicate tsr_transcript_valid(tsr_transcript *t) =
  @   \valid(t) &&
  @   (t->tee == \null ||
  @    (\valid(t->tee + (0 .. t->teecap - 1)) && \separated(t, t->tee + (0 .. t->teecap - 1))));
  @*/

/* Returns: TSR_OK, or TSR_ERR_ARG if domainlen is 0 or > 255 (then *t is untouched).
 * In: tee (may be NULL: no tee) and teecap, where the absorbed stream is copied. */
/*@ requires valid_t: \valid(t);
  @ requires valid_tee: tee == \null || (\valid(tee + (0 .. teecap - 1)) && \separated(t, tee + (0 .. teecap - 1)));
  @ requires valid_domain: \valid_read(domain + (0 .. domainlen - 1));
  @ requires valid_session: \valid_read(session32 + (0 .. 31));
  @ requires sep_t: \separated(t, domain + (0 .. domainlen - 1), session32 + (0 .. 31));
  @ requires sep_tee: tee == \null || \separated(tee + (0 .. teecap - 1), domain + (0 .. domainlen - 1),
  @                                               session32 + (0 .. 31));
  @ assigns *t, tee[0 .. teecap - 1];
  @ behavior bad_args:
  @   assumes domainlen == 0 || domainlen > 255;
  @   assigns \nothing;
  @   ensures arg: \result == TSR_ERR_ARG;
  @ behavior good_args:
  @   assumes 0 < domainlen <= 255;
  @   ensures ok: \result == TSR_OK;
  @   ensures tee: t->tee == tee && (tee != \null ==> t->teecap == teecap);
  @   ensures valid: tsr_transcript_valid(t);
  @ complete behaviors;
  @ disjoint behaviors;
  @*/
int tsr_transcript_init_tee(tsr_transcript *t, uint8_t *tee, size_t teecap, const uint8_t *domain,
                            size_t domainlen, const uint8_t session32[32], uint32_t prover);

/* tsr_transcript_init_tee with no tee. */
/*@ requires valid_t: \valid(t);
  @ requires valid_domain: \valid_read(domain + (0 .. domainlen - 1));
  @ requires valid_session: \valid_read(session32 + (0 .. 31));
  @ requires sep_t: \separated(t, domain + (0 .. domainlen - 1), session32 + (0 .. 31));
  @ assigns *t;
  @ behavior bad_args:
  @   assumes domainlen == 0 || domainlen > 255;
  @   assigns \nothing;
  @   ensures arg: \result == TSR_ERR_ARG;
  @ behavior good_args:
  @   assumes 0 < domainlen <= 255;
  @   ensures ok: \result == TSR_OK;
  @   ensures no_tee: t->tee == \null;
  @   ensures valid: tsr_transcript_valid(t);
  @ complete behaviors;
  @ disjoint behaviors;
  @*/
int tsr_transcript_init(tsr_transcript *t, const uint8_t *domain, size_t domainlen,
                        const uint8_t session32[32], uint32_t prover);

/*@ requires valid_t: tsr_transcript_valid(t);
  @ requires valid_data: \valid_read(data + (0 .. len - 1));
  @ requires sep_t: \separated(t, data + (0 .. len - 1));
  @ requires sep_tee: \separated(t->tee + (0 .. t->teecap - 1), data + (0 .. len - 1));
  @ assigns t->h, t->teelen, t->tee[0 .. t->teecap - 1];
  @*/
void tsr_transcript_append(tsr_transcript *t, uint8_t type, const uint8_t *data, size_t len);

/* In: label, a NUL-terminated ASCII string (the NUL is not absorbed). */
/*@ requires valid_t: tsr_transcript_valid(t);
  @ requires valid_label: valid_read_string(label);
  @ requires sep_t: \separated(t, label + (0 .. strlen(label)));
  @ requires sep_tee: \separated(t->tee + (0 .. t->teecap - 1), label + (0 .. strlen(label)));
  @ assigns t->h, t->teelen, t->tee[0 .. t->teecap - 1];
  @*/
void tsr_transcript_append_label(tsr_transcript *t, const char *label);

/*@ requires valid_t: tsr_transcript_valid(t);
  @ assigns t->h, t->teelen, t->tee[0 .. t->teecap - 1];
  @*/
void tsr_transcript_append_u64(tsr_transcript *t, uint64_t v);

/*@ requires valid_t: tsr_transcript_valid(t);
  @ requires valid_a: \valid_read(a);
  @ assigns t->h, t->teelen, t->tee[0 .. t->teecap - 1];
  @*/
void tsr_transcript_append_scalar(tsr_transcript *t, const tsr_scalar *a);

/* Returns: TSR_OK, or TSR_ERR_INTERNAL if the point cannot be encoded (then nothing is absorbed). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_t: tsr_transcript_valid(t);
  @ requires valid_p: \valid_read(p);
  @ assigns t->h, t->teelen, t->tee[0 .. t->teecap - 1];
  @*/
int tsr_transcript_append_point(const tsr_context *ctx, tsr_transcript *t, const tsr_point *p);

/* The challenge scalar: reduce_be(SHA256(T || 0x00) || SHA256(T || 0x01)) where T is the
 * absorbed stream (64 bytes reduced mod n, bias below 2^-256). The transcript is left usable. */
/*@ requires valid_out: \valid(out);
  @ requires valid_t: \valid_read(t);
  @ assigns *out;
  @*/
void tsr_transcript_challenge(tsr_scalar *out, const tsr_transcript *t);

#ifdef __cplusplus
}
#endif
#endif
