/* SHA-256 (FIPS 180-4), BIP340 tagged hashes, RFC 9380 expand_message_xmd and hash_to_field, and
 * the Fiat-Shamir transcript. Spec: spec/encoding.md §Transcript. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tessera/hash.h"
#include "tessera/point.h"
#include "tessera/scalar.h"
#include "ct.h"

/* FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64
 * primes. Indexed by the round number only (public), never by data. */
static const uint32_t tsr_sha256_k[64] = {
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u, 0x923f82a4u, 0xab1c5ed5u,
    0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf174u,
    0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau,
    0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u, 0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u,
    0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu, 0x53380d13u, 0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u,
    0xa2bfe8a1u, 0xa81a664bu, 0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u,
    0x19a4c116u, 0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u,
    0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u, 0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u,
};

/* FIPS 180-4 §5.3.3: initial hash value H(0). */
static const uint32_t tsr_sha256_iv[8] = {
    0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au, 0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u,
};

/* ROTR^n(x) of FIPS 180-4 §3.2, for 1 <= n <= 31 (both shifts stay below the word width). */
/*@ requires range: 1 <= n <= 31;
  @ assigns \nothing;
  @ ensures rotr: \result == (uint32_t)((x >> n) | (uint32_t)(x << (32 - n)));
  @*/
static inline uint32_t tsr_sha256_rotr(uint32_t x, unsigned n) {
    return (x >> n) | (x << (32u - n));
}

/*@ requires valid_p: \valid_read(p + (0 .. 3));
  @ assigns \nothing;
  @*/
static inline uint32_t tsr_hash_load_be32(const uint8_t *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/*@ requires valid_p: \valid(p + (0 .. 3));
  @ assigns p[0 .. 3];
  @*/
static inline void tsr_hash_store_be32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/*@ requires valid_p: \valid(p + (0 .. 7));
  @ assigns p[0 .. 7];
  @*/
static inline void tsr_hash_store_be64(uint8_t *p, uint64_t v) {
    tsr_hash_store_be32(p, (uint32_t)(v >> 32));
    tsr_hash_store_be32(p + 4, (uint32_t)v);
}

/* One SHA-256 compression (FIPS 180-4 §6.2.2) of a 64-byte block into s. Straight-line in the
 * data: no branch and no table index depends on s or block. The message schedule is wiped. */
/*@ requires valid_s: \valid(s + (0 .. 7));
  @ requires valid_block: \valid_read(block + (0 .. 63));
  @ requires sep: \separated(s + (0 .. 7), block + (0 .. 63));
  @ assigns s[0 .. 7];
  @*/
static void tsr_sha256_compress(uint32_t *s, const uint8_t *block) {
    uint32_t w[64];
    uint32_t a, b, c, d, e, f, g, h, t1, t2;
    size_t i;

    /*@ loop invariant bound: 0 <= i <= 16;
      @ loop assigns i, w[0 .. 15];
      @ loop variant 16 - i;
      @*/
    for (i = 0; i < 16; i++) {
        w[i] = tsr_hash_load_be32(block + 4 * i);
    }
    /*@ loop invariant bound: 16 <= i <= 64;
      @ loop assigns i, w[16 .. 63];
      @ loop variant 64 - i;
      @*/
    for (i = 16; i < 64; i++) {
        uint32_t s0 = tsr_sha256_rotr(w[i - 15], 7) ^ tsr_sha256_rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = tsr_sha256_rotr(w[i - 2], 17) ^ tsr_sha256_rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = s1 + w[i - 7] + s0 + w[i - 16];
    }

    a = s[0];
    b = s[1];
    c = s[2];
    d = s[3];
    e = s[4];
    f = s[5];
    g = s[6];
    h = s[7];
    /*@ loop invariant bound: 0 <= i <= 64;
      @ loop assigns i, a, b, c, d, e, f, g, h, t1, t2;
      @ loop variant 64 - i;
      @*/
    for (i = 0; i < 64; i++) {
        t1 = h + (tsr_sha256_rotr(e, 6) ^ tsr_sha256_rotr(e, 11) ^ tsr_sha256_rotr(e, 25)) +
             ((e & f) ^ (~e & g)) + tsr_sha256_k[i] + w[i];
        t2 = (tsr_sha256_rotr(a, 2) ^ tsr_sha256_rotr(a, 13) ^ tsr_sha256_rotr(a, 22)) +
             ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    s[0] += a;
    s[1] += b;
    s[2] += c;
    s[3] += d;
    s[4] += e;
    s[5] += f;
    s[6] += g;
    s[7] += h;

    tsr_ct_wipe32(w, 64);
}

void tsr_sha256_init(tsr_sha256_ctx *h) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop assigns i, h->s[0 .. 7];
      @ loop variant 8 - i;
      @*/
    for (i = 0; i < 8; i++) {
        h->s[i] = tsr_sha256_iv[i];
    }
    /*@ loop invariant bound: 0 <= i <= 64;
      @ loop assigns i, h->buf[0 .. 63];
      @ loop variant 64 - i;
      @*/
    for (i = 0; i < 64; i++) {
        h->buf[i] = 0;
    }
    h->bytes = 0;
}

void tsr_sha256_update(tsr_sha256_ctx *h, const uint8_t *in, size_t len) {
    /* Bytes already waiting in buf: the count is public (a length), so branching on it is fine. */
    size_t fill = (size_t)(h->bytes % 64);
    size_t i = 0;

    h->bytes += len; /* unsigned: wraps modulo 2^64 as FIPS 180-4's length field does */
    if (fill > 0) {
        /* Top up the partial block. */
        /*@ loop invariant bound_i: 0 <= i <= len;
          @ loop invariant bound_fill: 1 <= fill <= 64;
          @ loop invariant step: fill == \at(fill, LoopEntry) + i;
          @ loop assigns i, fill, h->buf[0 .. 63];
          @ loop variant len - i;
          @*/
        while (i < len && fill < 64) {
            h->buf[fill] = in[i];
            fill++;
            i++;
        }
        if (fill == 64) {
            tsr_sha256_compress(h->s, h->buf);
            fill = 0;
        }
    }
    /* Whole blocks straight from the input. */
    /*@ loop invariant bound_i: 0 <= i <= len;
      @ loop invariant bound_fill: fill < 64;
      @ loop invariant state: fill == 0 || i == len;
      @ loop assigns i, h->s[0 .. 7];
      @ loop variant len - i;
      @*/
    while (len - i >= 64) {
        tsr_sha256_compress(h->s, in + i);
        i += 64;
    }
    /* The tail waits in buf. */
    /*@ loop invariant bound_i: 0 <= i <= len;
      @ loop invariant room: fill + (len - i) <= 63;
      @ loop assigns i, fill, h->buf[0 .. 63];
      @ loop variant len - i;
      @*/
    while (i < len) {
        h->buf[fill] = in[i];
        fill++;
        i++;
    }
}

void tsr_sha256_final(tsr_sha256_ctx *h, uint8_t out32[32]) {
    size_t fill = (size_t)(h->bytes % 64);
    uint64_t bits = h->bytes << 3; /* message length in bits, modulo 2^64 */
    size_t i;

    /* FIPS 180-4 §5.1.1: append 0x80, zeros up to 56 mod 64, then the 64-bit length. */
    h->buf[fill] = 0x80;
    fill++;
    if (fill > 56) {
        /*@ loop invariant bound: 57 <= fill <= 64;
          @ loop assigns fill, h->buf[0 .. 63];
          @ loop variant 64 - fill;
          @*/
        while (fill < 64) {
            h->buf[fill] = 0;
            fill++;
        }
        tsr_sha256_compress(h->s, h->buf);
        fill = 0;
    }
    /*@ loop invariant bound: 0 <= fill <= 56;
      @ loop assigns fill, h->buf[0 .. 63];
      @ loop variant 56 - fill;
      @*/
    while (fill < 56) {
        h->buf[fill] = 0;
        fill++;
    }
    tsr_hash_store_be64(h->buf + 56, bits);
    tsr_sha256_compress(h->s, h->buf);

    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop assigns i, out32[0 .. 31];
      @ loop variant 8 - i;
      @*/
    for (i = 0; i < 8; i++) {
        tsr_hash_store_be32(out32 + 4 * i, h->s[i]);
    }

    /* The state may hold secret input: wipe it. */
    tsr_ct_wipe32(h->s, 8);
    tsr_ct_wipe8(h->buf, sizeof h->buf);
    h->bytes = 0;
}

void tsr_sha256(uint8_t out32[32], const uint8_t *in, size_t len) {
    tsr_sha256_ctx h;
    tsr_sha256_init(&h);
    tsr_sha256_update(&h, in, len);
    tsr_sha256_final(&h, out32); /* wipes h */
}

void tsr_tagged_hash_init(tsr_sha256_ctx *h, const uint8_t *tag, size_t taglen) {
    uint8_t th[32]; /* SHA256(tag): the tag is public */
    tsr_sha256(th, tag, taglen);
    tsr_sha256_init(h);
    tsr_sha256_update(h, th, 32);
    tsr_sha256_update(h, th, 32);
}

void tsr_tagged_hash(uint8_t out32[32], const uint8_t *tag, size_t taglen, const uint8_t *msg, size_t msglen) {
    tsr_sha256_ctx h;
    tsr_tagged_hash_init(&h, tag, taglen);
    tsr_sha256_update(&h, msg, msglen);
    tsr_sha256_final(&h, out32); /* wipes h */
}

/* Absorbs DST_prime = DST || I2OSP(len(DST), 1) (RFC 9380 §5.3.1), dstlen <= 255. */
/*@ requires valid_h: \valid(h);
  @ requires valid_dst: \valid_read(dst + (0 .. dstlen - 1));
  @ requires len: dstlen <= 255;
  @ requires sep: \separated(h, dst + (0 .. dstlen - 1));
  @ assigns *h;
  @*/
static void tsr_xmd_absorb_dst_prime(tsr_sha256_ctx *h, const uint8_t *dst, size_t dstlen) {
    uint8_t l = (uint8_t)dstlen;
    tsr_sha256_update(h, dst, dstlen);
    tsr_sha256_update(h, &l, 1);
}

int tsr_expand_message_xmd(uint8_t *out, size_t outlen, const uint8_t *msg, size_t msglen,
                           const uint8_t *dst, size_t dstlen) {
    /* Z_pad = I2OSP(0, s_in_bytes), s_in_bytes = 64 for SHA-256. */
    static const uint8_t zpad[64] = { 0 };
    /* RFC 9380 §5.3.3 prefix for an oversize DST. */
    static const uint8_t oversize[17] = { 'H', '2', 'C', '-', 'O', 'V', 'E', 'R', 'S', 'I', 'Z', 'E',
                                          '-', 'D', 'S', 'T', '-' };
    tsr_sha256_ctx h;
    uint8_t dsth[32]; /* hashed oversize DST (public) */
    uint8_t b0[32];   /* b_0: secret when msg is */
    uint8_t bi[32];   /* b_i: secret when msg is */
    uint8_t x[32];    /* strxor(b_0, b_(i-1)): secret when msg is */
    uint8_t tail[3];  /* I2OSP(len_in_bytes, 2) || I2OSP(0, 1) */
    uint8_t ctr;
    const uint8_t *d;
    size_t dlen, off, n, i, j;
    int ret = TSR_ERR_ARG;

    /* 8160 = 255 * b_in_bytes: ell <= 255 and len_in_bytes <= 65535 both follow. */
    if (outlen == 0 || outlen > 8160 || dstlen == 0) {
        goto out;
    }
    if (dstlen > 255) {
        /* DST = H("H2C-OVERSIZE-DST-" || a_very_long_DST) */
        tsr_sha256_init(&h);
        tsr_sha256_update(&h, oversize, sizeof oversize);
        tsr_sha256_update(&h, dst, dstlen);
        tsr_sha256_final(&h, dsth);
        d = dsth;
        dlen = 32;
    } else {
        d = dst;
        dlen = dstlen;
    }

    /* b_0 = H(Z_pad || msg || l_i_b_str || I2OSP(0, 1) || DST_prime) */
    tail[0] = (uint8_t)(outlen >> 8);
    tail[1] = (uint8_t)outlen;
    tail[2] = 0;
    tsr_sha256_init(&h);
    tsr_sha256_update(&h, zpad, sizeof zpad);
    tsr_sha256_update(&h, msg, msglen);
    tsr_sha256_update(&h, tail, sizeof tail);
    tsr_xmd_absorb_dst_prime(&h, d, dlen);
    tsr_sha256_final(&h, b0);

    /* b_1 = H(b_0 || I2OSP(1, 1) || DST_prime) and b_i = H(strxor(b_0, b_(i-1)) || I2OSP(i, 1) ||
     * DST_prime): with b_(0) taken as zero bytes here, strxor(b_0, 0) = b_0 covers i = 1 too. */
    /*@ loop invariant bound: 0 <= j <= 32;
      @ loop assigns j, bi[0 .. 31];
      @ loop variant 32 - j;
      @*/
    for (j = 0; j < 32; j++) {
        bi[j] = 0;
    }
    off = 0;
    i = 0;
    /*@ loop invariant bound_off: off <= outlen;
      @ loop invariant blocks: off < outlen ==> off == 32 * i;
      @ loop invariant bound_i: i <= 255;
      @ loop assigns off, i, j, n, ctr, h, x[0 .. 31], bi[0 .. 31], out[0 .. outlen - 1];
      @ loop variant outlen - off;
      @*/
    while (off < outlen) {
        i++;
        /*@ loop invariant bound: 0 <= j <= 32;
          @ loop assigns j, x[0 .. 31];
          @ loop variant 32 - j;
          @*/
        for (j = 0; j < 32; j++) {
            x[j] = (uint8_t)(b0[j] ^ bi[j]);
        }
        ctr = (uint8_t)i;
        tsr_sha256_init(&h);
        tsr_sha256_update(&h, x, sizeof x);
        tsr_sha256_update(&h, &ctr, 1);
        tsr_xmd_absorb_dst_prime(&h, d, dlen);
        tsr_sha256_final(&h, bi);
        /* uniform_bytes = b_1 || ... || b_ell, cut to len_in_bytes */
        n = outlen - off < 32 ? outlen - off : 32;
        /*@ loop invariant bound: 0 <= j <= n;
          @ loop assigns j, out[off .. off + n - 1];
          @ loop variant n - j;
          @*/
        for (j = 0; j < n; j++) {
            out[off + j] = bi[j];
        }
        off += n;
    }
    ret = TSR_OK;

out:
    tsr_ct_wipe8(b0, sizeof b0);
    tsr_ct_wipe8(bi, sizeof bi);
    tsr_ct_wipe8(x, sizeof x);
    return ret;
}

int tsr_hash_to_field(tsr_scalar *out, size_t count, const uint8_t *msg, size_t msglen,
                      const uint8_t *dst, size_t dstlen) {
    uint8_t u[8160]; /* uniform_bytes: secret when msg is */
    size_t ulen = 0, i;
    int ret = TSR_ERR_ARG;

    /* len_in_bytes = count * m * L = count * 48 <= 8160 */
    if (count == 0 || count > 170 || dstlen == 0) {
        goto out;
    }
    ulen = count * 48;
    ret = tsr_expand_message_xmd(u, ulen, msg, msglen, dst, dstlen);
    if (ret != TSR_OK) {
        goto out;
    }
    /*@ loop invariant bound: 0 <= i <= count;
      @ loop invariant ret: ret == TSR_OK; // tsr_scalar_reduce_be accepts 48 bytes (its contract)
      @ loop assigns i, ret, out[0 .. count - 1];
      @ loop variant count - i;
      @*/
    for (i = 0; i < count; i++) {
        /* e_i = OS2IP(substr(uniform_bytes, 48 * i, 48)) mod n */
        if (tsr_scalar_reduce_be(&out[i], u + 48 * i, 48) != TSR_OK) {
            ret = TSR_ERR_INTERNAL; /* cannot happen for 48 <= 64 bytes; the flag is public */
        }
    }

out:
    tsr_ct_wipe8(u, ulen);
    return ret;
}

/* The transcript's fixed prefix (no terminating NUL). */
static const uint8_t tsr_transcript_magic[17] = { 'T', 'S', 'R', '-', 'T', 'R', 'A', 'N', 'S', 'C', 'R',
                                                  'I', 'P', 'T', '-', 'v', '1' };

/* Absorbs len bytes into the hash and the tee (bytes past teecap are only counted). */
/*@ requires valid_t: tsr_transcript_valid(t);
  @ requires valid_data: \valid_read(data + (0 .. len - 1));
  @ requires sep_t: \separated(t, data + (0 .. len - 1));
  @ requires sep_tee: \separated(t->tee + (0 .. t->teecap - 1), data + (0 .. len - 1));
  @ assigns t->h, t->teelen, t->tee[0 .. t->teecap - 1];
  @*/
static void tsr_transcript_absorb(tsr_transcript *t, const uint8_t *data, size_t len) {
    size_t n, j;
    tsr_sha256_update(&t->h, data, len);
    if (t->tee != NULL && t->teelen < t->teecap) {
        n = t->teecap - t->teelen;
        if (n > len) {
            n = len;
        }
        /*@ loop invariant bound: 0 <= j <= n;
          @ loop assigns j, t->tee[t->teelen .. t->teelen + n - 1];
          @ loop variant n - j;
          @*/
        for (j = 0; j < n; j++) {
            t->tee[t->teelen + j] = data[j];
        }
    }
    t->teelen += len; /* counts every absorbed byte; unsigned */
}

int tsr_transcript_init_tee(tsr_transcript *t, uint8_t *tee, size_t teecap, const uint8_t *domain,
                            size_t domainlen, const uint8_t session32[32], uint32_t prover) {
    uint8_t u32[4];
    if (domainlen == 0 || domainlen > 255) {
        return TSR_ERR_ARG;
    }
    tsr_sha256_init(&t->h);
    t->tee = tee;
    t->teecap = tee == NULL ? 0 : teecap;
    t->teelen = 0;
    tsr_transcript_absorb(t, tsr_transcript_magic, sizeof tsr_transcript_magic);
    tsr_hash_store_be32(u32, (uint32_t)domainlen);
    tsr_transcript_absorb(t, u32, sizeof u32);
    tsr_transcript_absorb(t, domain, domainlen);
    tsr_transcript_absorb(t, session32, 32);
    tsr_hash_store_be32(u32, prover);
    tsr_transcript_absorb(t, u32, sizeof u32);
    return TSR_OK;
}

int tsr_transcript_init(tsr_transcript *t, const uint8_t *domain, size_t domainlen,
                        const uint8_t session32[32], uint32_t prover) {
    if (domainlen == 0 || domainlen > 255) {
        return TSR_ERR_ARG; /* checked here too, so that *t is visibly untouched (WP) */
    }
    return tsr_transcript_init_tee(t, NULL, 0, domain, domainlen, session32, prover);
}

void tsr_transcript_append(tsr_transcript *t, uint8_t type, const uint8_t *data, size_t len) {
    uint8_t hdr[9]; /* u8(type) || u64be(len) */
    hdr[0] = type;
    tsr_hash_store_be64(hdr + 1, (uint64_t)len);
    tsr_transcript_absorb(t, hdr, sizeof hdr);
    tsr_transcript_absorb(t, data, len);
}

void tsr_transcript_append_label(tsr_transcript *t, const char *label) {
    size_t len = strlen(label);
    uint8_t hdr[9];
    size_t j;
    hdr[0] = TSR_TR_LABEL;
    tsr_hash_store_be64(hdr + 1, (uint64_t)len);
    tsr_transcript_absorb(t, hdr, sizeof hdr);
    /* Byte by byte: the label is char, the transcript absorbs uint8_t (no pointer cast). */
    /*@ loop invariant bound: 0 <= j <= len;
      @ loop assigns j, t->h, t->teelen, t->tee[0 .. t->teecap - 1];
      @ loop variant len - j;
      @*/
    for (j = 0; j < len; j++) {
        uint8_t c = (uint8_t)label[j];
        tsr_transcript_absorb(t, &c, 1);
    }
}

void tsr_transcript_append_u64(tsr_transcript *t, uint64_t v) {
    uint8_t b[8];
    tsr_hash_store_be64(b, v);
    tsr_transcript_append(t, TSR_TR_U64, b, sizeof b);
}

void tsr_transcript_append_scalar(tsr_transcript *t, const tsr_scalar *a) {
    uint8_t b[32];
    tsr_scalar_encode(b, a);
    tsr_transcript_append(t, TSR_TR_SCALAR, b, sizeof b);
}

int tsr_transcript_append_point(const tsr_context *ctx, tsr_transcript *t, const tsr_point *p) {
    uint8_t b[33];
    int ret = tsr_point_encode(ctx, b, p);
    if (ret != TSR_OK) {
        return ret;
    }
    tsr_transcript_append(t, TSR_TR_POINT, b, sizeof b);
    return TSR_OK;
}

void tsr_transcript_challenge(tsr_scalar *out, const tsr_transcript *t) {
    tsr_sha256_ctx h;
    uint8_t wide[64]; /* SHA256(T || 0x00) || SHA256(T || 0x01) */
    uint8_t sep;
    int ret;

    /* Work on copies of the state so that t stays usable (and its tee untouched). */
    h = t->h;
    sep = 0x00;
    tsr_sha256_update(&h, &sep, 1);
    tsr_sha256_final(&h, wide);
    h = t->h;
    sep = 0x01;
    tsr_sha256_update(&h, &sep, 1);
    tsr_sha256_final(&h, wide + 32);
    ret = tsr_scalar_reduce_be(out, wide, sizeof wide);
    TSR_VERIFY_CHECK(ret == TSR_OK); /* 64 bytes is always accepted */
    (void)ret;
    tsr_ct_wipe8(wide, sizeof wide);
}
