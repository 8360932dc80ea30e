/* FROST threshold Schnorr signing (spec/frost.md): RFC 9591 FROST(secp256k1, SHA-256) and the BIP340/Taproot suite FROST-secp256k1-SHA256-TR-v1, with culprit identification. */
#include <stddef.h>
#include <stdint.h>

#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

#include "tessera/common.h"
#include "tessera/frost.h"
#include "tessera/hash.h"
#include "tessera/point.h"
#include "tessera/scalar.h"
#include "tessera/sharing.h"
#include "ct.h"
#include "internal.h"

/* Longest context string ("FROST-secp256k1-SHA256-TR-v1", 28 bytes) plus the longest tag
 * ("nonce", 5 bytes): the size of every DST / hash prefix buffer below. */
#define TSR_FROST_CTX_MAX 28
#define TSR_FROST_PREFIX_MAX 33
/* Length of the binding-factor input prefix PK || H4(msg) || H5(list). */
#define TSR_FROST_BF_PREFIX_BYTES (33 + 32 + 32)
/* One entry of encode_group_commitment_list: SerializeScalar(id) || D || E. */
#define TSR_FROST_ENC_ENTRY_BYTES (32 + 33 + 33)

/* The hash tags of RFC 9591 §6.5 appended to the context string. */
typedef enum {
    TSR_FROST_TAG_RHO = 0,   /* H1 */
    TSR_FROST_TAG_CHAL = 1,  /* H2 (plain suite) */
    TSR_FROST_TAG_NONCE = 2, /* H3 */
    TSR_FROST_TAG_MSG = 3,   /* H4 */
    TSR_FROST_TAG_COM = 4    /* H5 */
} tsr_frost_tag;

/* ---- small helpers ----------------------------------------------------------------------- */

/* Fills a blame record when blame != NULL (phase and round are small constants). */
/*@ requires valid_blame: blame == \null || \valid(blame);
  @ assigns *blame;
  @ ensures set: blame != \null ==> blame->culprit == culprit && blame->check == (uint16_t)check;
  @*/
static void tsr_frost_blame(tsr_blame *blame, uint32_t culprit, uint16_t phase, uint16_t round, tsr_check check) {
    if (blame != NULL) {
        blame->culprit = culprit;
        blame->phase = phase;
        blame->round = round;
        blame->check = (uint16_t)check;
    }
}

/* Returns: 1 for a suite this module knows, else 0. */
/*@ assigns \nothing;
  @ ensures ok: \result == 1 <==> tsr_frost_suite_ok(suite);
  @ ensures bool: \result == 0 || \result == 1;
  @*/
static int tsr_frost_suite_known(uint8_t suite) {
    return suite == TSR_SUITE_SECP256K1_SHA256 || suite == TSR_SUITE_SECP256K1_TR;
}

/* Byte i of the suite's context string (0 past its end). The plain suite's is
 * "FROST-secp256k1-SHA256-v1" (25 bytes), the TR suite's "FROST-secp256k1-SHA256-TR-v1" (28):
 * both share the prefix "FROST-secp256k1-SHA256-" (23 bytes). The tables are read only by this
 * function, which writes nothing: WP needs no separation hypothesis for them. */
/*@ requires index: i < TSR_FROST_CTX_MAX;
  @ assigns \nothing;
  @*/
static uint8_t tsr_frost_ctx_byte(uint8_t suite, size_t i) {
    static const char prefix[23] = { 'F', 'R', 'O', 'S', 'T', '-', 's', 'e', 'c', 'p', '2', '5', '6', 'k', '1', '-',
                                     'S', 'H', 'A', '2', '5', '6', '-' };
    static const char tr[5] = { 'T', 'R', '-', 'v', '1' };
    static const char plain[2] = { 'v', '1' };
    if (i < 23) {
        return (uint8_t)prefix[i];
    }
    if (suite == TSR_SUITE_SECP256K1_TR) {
        return (uint8_t)tr[i - 23];
    }
    return i < 25 ? (uint8_t)plain[i - 23] : 0;
}

/* Writes contextString || tag (RFC 9591 §6.5) to out and returns its length (0 for an unknown
 * suite, then nothing is written). Used as the DST of H1..H3 and the prefix of H4, H5. */
/*@ requires valid_out: \valid(out + (0 .. TSR_FROST_PREFIX_MAX - 1));
  @ assigns out[0 .. TSR_FROST_PREFIX_MAX - 1];
  @ ensures len: \result <= TSR_FROST_PREFIX_MAX;
  @ ensures known: tsr_frost_suite_ok(suite) ==> \result >= 25;
  @ ensures unknown: !tsr_frost_suite_ok(suite) ==> \result == 0;
  @*/
static size_t tsr_frost_prefix(uint8_t out[TSR_FROST_PREFIX_MAX], uint8_t suite, tsr_frost_tag tag) {
    static const char rho[3] = { 'r', 'h', 'o' };
    static const char chal[4] = { 'c', 'h', 'a', 'l' };
    static const char nonce[5] = { 'n', 'o', 'n', 'c', 'e' };
    static const char msg[3] = { 'm', 's', 'g' };
    static const char com[3] = { 'c', 'o', 'm' };
    const char *t;
    size_t clen, tlen, i;

    if (!tsr_frost_suite_known(suite)) {
        return 0;
    }
    clen = suite == TSR_SUITE_SECP256K1_TR ? 28 : 25;
    switch (tag) {
    case TSR_FROST_TAG_RHO: t = rho; tlen = 3; break;
    case TSR_FROST_TAG_CHAL: t = chal; tlen = 4; break;
    case TSR_FROST_TAG_NONCE: t = nonce; tlen = 5; break;
    case TSR_FROST_TAG_MSG: t = msg; tlen = 3; break;
    default: t = com; tlen = 3; break;
    }
    /*@ loop invariant bound: 0 <= i <= clen;
      @ loop assigns i, out[0 .. clen - 1];
      @ loop variant clen - i;
      @*/
    for (i = 0; i < clen; i++) {
        out[i] = tsr_frost_ctx_byte(suite, i);
    }
    /*@ loop invariant bound: 0 <= i <= tlen;
      @ loop assigns i, out[clen .. clen + tlen - 1];
      @ loop variant tlen - i;
      @*/
    for (i = 0; i < tlen; i++) {
        out[clen + i] = (uint8_t)t[i];
    }
    return clen + tlen;
}

/* out[0..3] = v big-endian. */
/*@ requires valid_out: \valid(out + (0 .. 3));
  @ assigns out[0 .. 3];
  @*/
static void tsr_frost_put_be32(uint8_t *out, uint32_t v) {
    out[0] = (uint8_t)(v >> 24);
    out[1] = (uint8_t)(v >> 16);
    out[2] = (uint8_t)(v >> 8);
    out[3] = (uint8_t)v;
}

/* Returns: the big-endian u32 at in. */
/*@ requires valid_in: \valid_read(in + (0 .. 3));
  @ assigns \nothing;
  @ ensures value: \result == ((in[0] * 256 + in[1]) * 256 + in[2]) * 256 + in[3];
  @*/
static uint32_t tsr_frost_get_be32(const uint8_t *in) {
    /* Products and sums rather than shifts and ors, so that WP proves the value: at most
     * 2^32 - 1, no wrap-around. */
    return (((uint32_t)in[0] * 256u + (uint32_t)in[1]) * 256u + (uint32_t)in[2]) * 256u + (uint32_t)in[3];
}

/* SerializeScalar(id): 32 bytes big-endian, 28 zero bytes then the u32. */
/*@ requires valid_out: \valid(out32 + (0 .. 31));
  @ assigns out32[0 .. 31];
  @*/
static void tsr_frost_id32(uint8_t out32[32], uint32_t id) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= 28;
      @ loop assigns i, out32[0 .. 27];
      @ loop variant 28 - i;
      @*/
    for (i = 0; i < 28; i++) {
        out32[i] = 0;
    }
    tsr_frost_put_be32(out32 + 28, id);
}

/* out[0..n-1] = 0 (public buffers; secrets are wiped with tsr_ct_wipe8). */
/*@ requires valid_out: \valid(out + (0 .. n - 1));
  @ assigns out[0 .. n - 1];
  @ ensures zero: \forall integer j; 0 <= j < n ==> out[j] == 0;
  @*/
static void tsr_frost_zero(uint8_t *out, size_t n) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop invariant zero: \forall integer j; 0 <= j < i ==> out[j] == 0;
      @ loop assigns i, out[0 .. n - 1];
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        out[i] = 0;
    }
}

/* Clears a commitment: id 0, both points the identity. */
/*@ requires valid_c: \valid(c);
  @ assigns *c;
  @ ensures cleared: c->id == 0 && c->hiding.infinity != 0 && c->binding.infinity != 0;
  @*/
static void tsr_frost_commitment_clear(tsr_frost_commitment *c) {
    c->id = 0;
    tsr_point_set_identity(&c->hiding);
    tsr_point_set_identity(&c->binding);
}

/* ---- H1..H5 (RFC 9591 §6.5) -------------------------------------------------------------- */

/* H1 (binding factor) and H3 (nonce): hash_to_field(m, DST = contextString || tag), L = 48.
 * Returns TSR_OK or TSR_ERR_ARG (unknown suite). Secret: constant time in m (H3 input holds the
 * share). */
/*@ requires valid_out: \valid(out);
  @ requires valid_m: \valid_read(m + (0 .. mlen - 1));
  @ assigns *out;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG;
  @ ensures suite: \result == TSR_OK <==> tsr_frost_suite_ok(suite);
  @*/
static int tsr_frost_h_field(tsr_scalar *out, uint8_t suite, tsr_frost_tag tag, const uint8_t *m, size_t mlen) {
    uint8_t dst[TSR_FROST_PREFIX_MAX];
    size_t dstlen = tsr_frost_prefix(dst, suite, tag);
    if (dstlen == 0) {
        tsr_scalar_set_u32(out, 0);
        return TSR_ERR_ARG;
    }
    /* 0 < count = 1 <= 170 and dstlen > 0: hash_to_field's good_args behaviour. */
    return tsr_hash_to_field(out, 1, m, mlen, dst, dstlen) == TSR_OK ? TSR_OK : TSR_ERR_ARG;
}

/* Starts H4 / H5: SHA-256 with contextString || tag absorbed. Returns TSR_OK or TSR_ERR_ARG. */
/*@ requires valid_h: \valid(h);
  @ assigns *h;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG;
  @ ensures suite: \result == TSR_OK <==> tsr_frost_suite_ok(suite);
  @*/
static int tsr_frost_h_init(tsr_sha256_ctx *h, uint8_t suite, tsr_frost_tag tag) {
    uint8_t pre[TSR_FROST_PREFIX_MAX];
    size_t prelen = tsr_frost_prefix(pre, suite, tag);
    tsr_sha256_init(h);
    if (prelen == 0) {
        return TSR_ERR_ARG;
    }
    tsr_sha256_update(h, pre, prelen);
    return TSR_OK;
}

/* H2 of the plain suite (RFC 9591 §6.5): hash_to_field(R || PK || msg, DST = contextString ||
 * "chal") with count 1 and L = 48, that is OS2IP(expand_message_xmd(m, DST, 48)) mod n
 * (RFC 9380 §5.2, §5.3.1), with m = r33 || pk33 || msg absorbed in three parts so that msg
 * needs no copy. uniform_bytes = b_1 || b_2[0..15]. All inputs public. */
/*@ requires valid_c: \valid(c);
  @ requires valid_r: \valid_read(r33 + (0 .. 32));
  @ requires valid_pk: \valid_read(pk33 + (0 .. 32));
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ assigns *c;
  @*/
static void tsr_frost_h2_plain(tsr_scalar *c, const uint8_t r33[33], const uint8_t pk33[33], const uint8_t *msg,
                               size_t msglen) {
    uint8_t zpad[64]; /* Z_pad = I2OSP(0, 64), on the stack: no global for WP to separate */
    uint8_t dst[TSR_FROST_PREFIX_MAX + 1]; /* DST_prime = DST || I2OSP(len(DST), 1) */
    uint8_t tail[3];                       /* I2OSP(48, 2) || I2OSP(0, 1) */
    uint8_t b0[32], b1[32], b2[32], x[32], u[48];
    uint8_t ctr;
    tsr_sha256_ctx h;
    size_t dstlen, i;

    tsr_frost_zero(zpad, sizeof zpad);
    dstlen = tsr_frost_prefix(dst, TSR_SUITE_SECP256K1_SHA256, TSR_FROST_TAG_CHAL);
    dst[dstlen] = (uint8_t)dstlen;
    tail[0] = 0;
    tail[1] = 48;
    tail[2] = 0;
    /* b_0 = H(Z_pad || msg || l_i_b_str || I2OSP(0, 1) || DST_prime) */
    tsr_sha256_init(&h);
    tsr_sha256_update(&h, zpad, sizeof zpad);
    tsr_sha256_update(&h, r33, 33);
    tsr_sha256_update(&h, pk33, 33);
    tsr_sha256_update(&h, msg, msglen);
    tsr_sha256_update(&h, tail, sizeof tail);
    tsr_sha256_update(&h, dst, dstlen + 1);
    tsr_sha256_final(&h, b0);
    /* b_1 = H(b_0 || I2OSP(1, 1) || DST_prime) */
    ctr = 1;
    tsr_sha256_init(&h);
    tsr_sha256_update(&h, b0, sizeof b0);
    tsr_sha256_update(&h, &ctr, 1);
    tsr_sha256_update(&h, dst, dstlen + 1);
    tsr_sha256_final(&h, b1);
    /* b_2 = H(strxor(b_0, b_1) || I2OSP(2, 1) || DST_prime) */
    /*@ loop invariant bound: 0 <= i <= 32;
      @ loop assigns i, x[0 .. 31];
      @ loop variant 32 - i;
      @*/
    for (i = 0; i < 32; i++) {
        x[i] = (uint8_t)(b0[i] ^ b1[i]);
    }
    ctr = 2;
    tsr_sha256_init(&h);
    tsr_sha256_update(&h, x, sizeof x);
    tsr_sha256_update(&h, &ctr, 1);
    tsr_sha256_update(&h, dst, dstlen + 1);
    tsr_sha256_final(&h, b2);
    /*@ loop invariant bound: 0 <= i <= 32;
      @ loop assigns i, u[0 .. 31];
      @ loop variant 32 - i;
      @*/
    for (i = 0; i < 32; i++) {
        u[i] = b1[i];
    }
    /*@ loop invariant bound: 0 <= i <= 16;
      @ loop assigns i, u[32 .. 47];
      @ loop variant 16 - i;
      @*/
    for (i = 0; i < 16; i++) {
        u[32 + i] = b2[i];
    }
    (void)tsr_scalar_reduce_be(c, u, sizeof u); /* 48 <= 64 bytes: always TSR_OK */
}

/* ---- suite-dependent encodings of PK and R ----------------------------------------------- */

/* The group key as it enters the binding factor (RFC 9591 §4.4, SerializeElement(PK)): the
 * plain suite's compressed encoding; for the TR suite the even-y key 0x02 || x(PK) (ZF
 * frost-secp256k1-tr hashes the key package after into_even_y). Returns TSR_OK, TSR_ERR_ARG
 * (identity) or TSR_ERR_INTERNAL; out33 is zero on failure. Public. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_out: \valid(out33 + (0 .. 32));
  @ requires valid_pk: \valid_read(pk);
  @ requires sep: \separated(out33 + (0 .. 32), pk);
  @ assigns out33[0 .. 32];
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_INTERNAL;
  @ ensures identity: pk->infinity != 0 ==> \result == TSR_ERR_ARG;
  @*/
static int tsr_frost_encode_pk(const tsr_context *ctx, uint8_t out33[33], uint8_t suite, const tsr_point *pk) {
    int rc;
    if (pk->infinity != 0) {
        tsr_frost_zero(out33, 33);
        return TSR_ERR_ARG;
    }
    if (suite == TSR_SUITE_SECP256K1_TR) {
        out33[0] = 0x02;
        rc = tsr_point_encode_xonly(ctx, out33 + 1, NULL, pk);
    } else {
        rc = tsr_point_encode(ctx, out33, pk);
    }
    if (rc != TSR_OK) {
        tsr_frost_zero(out33, 33);
        return TSR_ERR_INTERNAL;
    }
    return TSR_OK;
}

/* ---- public helpers ---------------------------------------------------------------------- */

size_t tsr_frost_sig_len(uint8_t suite) {
    if (suite == TSR_SUITE_SECP256K1_SHA256) {
        return 65;
    }
    if (suite == TSR_SUITE_SECP256K1_TR) {
        return 64;
    }
    return 0;
}

void tsr_frost_keypkg_clear(tsr_frost_keypkg *pkg) {
    pkg->magic = 0;
    pkg->suite = 0;
    pkg->id = 0;
    tsr_scalar_clear(&pkg->share);
    tsr_point_set_identity(&pkg->verifying_share);
    tsr_point_set_identity(&pkg->group_key);
}

void tsr_frost_nonce_clear(tsr_frost_nonce *nonce) {
    nonce->magic = 0;
    tsr_scalar_clear(&nonce->hiding);
    tsr_scalar_clear(&nonce->binding);
    tsr_frost_commitment_clear(&nonce->commitment);
}

/* ---- key generation and key packages (RFC 9591 Appendix C, BIP341 tweak) ---------------- */

/* Empties a Feldman commitment vector: t = 0, every point the identity. */
/*@ requires valid_c: \valid(c);
  @ assigns *c;
  @ ensures cleared: c->t == 0;
  @*/
static void tsr_frost_vss_clear(tsr_vss_commitment *c) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= TSR_MAX_PARTIES;
      @ loop assigns i, c->c[0 .. TSR_MAX_PARTIES - 1];
      @ loop variant TSR_MAX_PARTIES - i;
      @*/
    for (i = 0; i < TSR_MAX_PARTIES; i++) {
        tsr_point_set_identity(&c->c[i]);
    }
    c->t = 0;
}

/* Clears the dealer's outputs after a failure: packages, group key, commitment (may be NULL). */
/*@ requires range: n <= TSR_MAX_PARTIES;
  @ requires valid_pkgs: \valid(pkgs + (0 .. n - 1));
  @ requires valid_group_key: \valid(group_key);
  @ requires valid_commitment: commitment == \null || \valid(commitment);
  @ requires sep: \separated(pkgs + (0 .. n - 1), group_key);
  @ requires sep_commitment: commitment == \null || \separated(commitment, group_key, pkgs + (0 .. n - 1));
  @ assigns pkgs[0 .. n - 1], *group_key, *commitment;
  @*/
static void tsr_frost_dealer_clear(tsr_frost_keypkg *pkgs, size_t n, tsr_point *group_key,
                                   tsr_vss_commitment *commitment) {
    size_t i;
    tsr_point_set_identity(group_key);
    if (commitment != NULL) {
        tsr_frost_vss_clear(commitment);
    }
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop assigns i, pkgs[0 .. n - 1];
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        tsr_frost_keypkg_clear(&pkgs[i]);
    }
}

/* RFC 9591 Appendix C.1 secret_share_shard's last step and derive_group_info: pkgs[i] gets
 * id i + 1, sk = f(i + 1), PK_i = sk*G and the group key. Returns TSR_OK or TSR_ERR_INTERNAL.
 * Secret: f and every share (constant time: tsr_poly_eval, tsr_point_base_mul). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires range: n <= TSR_MAX_PARTIES;
  @ requires valid_pkgs: \valid(pkgs + (0 .. n - 1));
  @ requires valid_f: \valid_read(f);
  @ requires valid_group_key: \valid_read(group_key);
  @ requires sep: \separated(pkgs + (0 .. n - 1), f, group_key);
  @ assigns pkgs[0 .. n - 1];
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @ ensures ids: \result == TSR_OK ==> \forall integer i; 0 <= i < n ==>
  @   pkgs[i].id == i + 1 && pkgs[i].magic == TSR_FROST_KEYPKG_MAGIC && pkgs[i].suite == suite;
  @*/
static int tsr_frost_deal(const tsr_context *ctx, tsr_frost_keypkg *pkgs, size_t n, uint8_t suite, const tsr_poly *f,
                          const tsr_point *group_key) {
    tsr_scalar x, sh; /* sh: secret */
    tsr_point vs;
    size_t i;
    int ret = TSR_OK;

    tsr_scalar_set_u32(&sh, 0);
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop invariant done: \forall integer j; 0 <= j < i ==>
      @   pkgs[j].id == j + 1 && pkgs[j].magic == TSR_FROST_KEYPKG_MAGIC && pkgs[j].suite == suite;
      @ loop assigns i, x, sh, vs, pkgs[0 .. n - 1];
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        tsr_scalar_set_u32(&x, (uint32_t)(i + 1));
        tsr_poly_eval(&sh, f, &x);
        if (tsr_point_base_mul(ctx, &vs, &sh) != TSR_OK) {
            ret = TSR_ERR_INTERNAL;
            break;
        }
        /* PK_i = sk_i*G is the public verifying share. */
        TSR_DECLASSIFY(&vs, sizeof vs);
        pkgs[i].share = sh;
        pkgs[i].verifying_share = vs;
        pkgs[i].group_key = *group_key;
        pkgs[i].suite = suite;
        pkgs[i].id = (uint32_t)(i + 1);
        pkgs[i].magic = TSR_FROST_KEYPKG_MAGIC;
    }
    tsr_scalar_clear(&sh);
    return ret;
}

int tsr_frost_keygen_dealer(const tsr_context *ctx, tsr_frost_keypkg *pkgs, tsr_point *group_key,
                            tsr_vss_commitment *commitment, uint8_t suite, size_t t, size_t n,
                            const tsr_scalar *secret, const uint8_t *rand, size_t randlen) {
    tsr_poly f;   /* secret */
    tsr_scalar s; /* secret: f(0) */
    size_t off;
    int ret = TSR_ERR_ARG;

    f.t = 0;
    tsr_scalar_set_u32(&s, 0);
    tsr_point_set_identity(group_key);
    if (commitment != NULL) {
        tsr_frost_vss_clear(commitment);
    }
    /* RFC 9591 Appendix C.1 secret_share_shard: 2 <= MIN_PARTICIPANTS <= MAX_PARTICIPANTS. */
    if (!tsr_frost_suite_known(suite) || n > TSR_MAX_PARTIES || t < 2 || t > n) {
        goto out;
    }
    if (secret == NULL) {
        /* A fresh secret from the first 64 bytes (the same draw as tsr_poly_init's coefficients). */
        if (randlen != 64 * t) {
            goto out;
        }
        (void)tsr_scalar_reduce_be(&s, rand, 64);
        off = 64;
    } else {
        if (randlen != 64 * (t - 1)) {
            goto out;
        }
        s = *secret;
        off = 0;
    }
    ret = tsr_poly_init(&f, &s, t, rand + off, 64 * (t - 1));
    if (ret != TSR_OK) {
        goto out;
    }
    ret = tsr_point_base_mul(ctx, group_key, &s);
    if (ret != TSR_OK) {
        goto out;
    }
    /* PK = s*G is the public output (whether it is the identity is declassified inside). */
    TSR_DECLASSIFY(group_key, sizeof *group_key);
    if (group_key->infinity != 0) {
        ret = TSR_ERR_ARG; /* a zero group secret */
        goto out;
    }
    if (commitment != NULL) {
        if (tsr_feldman_commit(ctx, commitment, &f) != TSR_OK) {
            ret = TSR_ERR_INTERNAL;
            goto out;
        }
        TSR_DECLASSIFY(commitment, sizeof *commitment); /* the public Feldman commitments */
        TSR_VERIFY_CHECK(commitment->t == t && tsr_point_eq(ctx, &commitment->c[0], group_key));
    }
    ret = tsr_frost_deal(ctx, pkgs, n, suite, &f, group_key);
out:
    if (ret != TSR_OK && n <= TSR_MAX_PARTIES) {
        tsr_frost_dealer_clear(pkgs, n, group_key, commitment);
    }
    tsr_poly_clear(&f);
    tsr_scalar_clear(&s);
    return ret;
}

int tsr_frost_keypkg_set(const tsr_context *ctx, tsr_frost_keypkg *pkg, uint8_t suite, uint32_t id,
                         const tsr_scalar *share, const tsr_point *verifying_share,
                         const tsr_point *group_key) {
    tsr_scalar sh; /* secret */
    tsr_point vs, want, gk;
    int have_want = verifying_share != NULL;
    int ret = TSR_ERR_ARG;

    /* Copy the inputs first: any of them may point into *pkg. */
    sh = *share;
    gk = *group_key;
    tsr_point_set_identity(&want);
    if (have_want) {
        want = *verifying_share;
    }
    tsr_frost_keypkg_clear(pkg);
    if (!tsr_frost_suite_known(suite) || id == 0 || id > TSR_MAX_PARTIES || gk.infinity != 0) {
        goto out;
    }
    if (tsr_point_base_mul(ctx, &vs, &sh) != TSR_OK) {
        ret = TSR_ERR_INTERNAL;
        goto out;
    }
    /* sk_i*G is the public verifying share. */
    TSR_DECLASSIFY(&vs, sizeof vs);
    if (have_want && !tsr_point_eq(ctx, &vs, &want)) {
        ret = TSR_ERR_VERIFY;
        goto out;
    }
    pkg->suite = suite;
    pkg->id = id;
    pkg->share = sh;
    pkg->verifying_share = vs;
    pkg->group_key = gk;
    pkg->magic = TSR_FROST_KEYPKG_MAGIC;
    ret = TSR_OK;
out:
    tsr_scalar_clear(&sh);
    return ret;
}

/* BIP341 taproot_tweak_pubkey's scalar: t = int(tagged_hash("TapTweak", x(PK) || merkle_root))
 * (merkle_root absent: x(PK) only), *pk_odd = parity of y(PK). Returns TSR_OK, TSR_ERR_ARG (PK
 * the identity), TSR_ERR_RANGE (t >= n: TSR_CHECK_TWEAK) or TSR_ERR_INTERNAL; t is zero on
 * failure. Public. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_t: \valid(tw);
  @ requires valid_odd: \valid(pk_odd);
  @ requires valid_pk: \valid_read(pk);
  @ requires valid_root: root32 == \null || \valid_read(root32 + (0 .. 31));
  @ requires sep: \separated(tw, pk_odd);
  @ assigns *tw, *pk_odd;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_RANGE ||
  @                \result == TSR_ERR_INTERNAL;
  @ ensures parity: *pk_odd == 0 || *pk_odd == 1;
  @*/
static int tsr_frost_taptweak(const tsr_context *ctx, tsr_scalar *tw, int *pk_odd, const tsr_point *pk,
                              const uint8_t *root32) {
    const uint8_t tag[8] = { 'T', 'a', 'p', 'T', 'w', 'e', 'a', 'k' };
    uint8_t buf[64], digest[32];
    size_t len = 32, i;
    int odd = 0;

    tsr_scalar_set_u32(tw, 0);
    *pk_odd = 0;
    if (pk->infinity != 0) {
        return TSR_ERR_ARG;
    }
    if (tsr_point_encode_xonly(ctx, buf, &odd, pk) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    if (root32 != NULL) {
        /*@ loop invariant bound: 0 <= i <= 32;
          @ loop assigns i, buf[32 .. 63];
          @ loop variant 32 - i;
          @*/
        for (i = 0; i < 32; i++) {
            buf[32 + i] = root32[i];
        }
        len = 64;
    }
    tsr_tagged_hash(digest, tag, sizeof tag, buf, len);
    *pk_odd = odd;
    if (tsr_scalar_decode(tw, digest) != TSR_OK) {
        return TSR_ERR_RANGE;
    }
    return TSR_OK;
}

int tsr_frost_keypkg_tweak(const tsr_context *ctx, tsr_frost_keypkg *pkg, const uint8_t *merkle_root32) {
    tsr_scalar tw, sh; /* sh: secret */
    tsr_point tg, p, q, vs;
    int pk_odd = 0;
    int ret = TSR_ERR_ARG;

    tsr_scalar_set_u32(&sh, 0);
    if (pkg->magic != TSR_FROST_KEYPKG_MAGIC || pkg->suite != TSR_SUITE_SECP256K1_TR) {
        goto out;
    }
    ret = tsr_frost_taptweak(ctx, &tw, &pk_odd, &pkg->group_key, merkle_root32);
    if (ret != TSR_OK) {
        goto out;
    }
    ret = TSR_ERR_INTERNAL;
    if (tsr_point_base_mul(ctx, &tg, &tw) != TSR_OK) {
        goto out;
    }
    p = pkg->group_key;
    vs = pkg->verifying_share;
    sh = pkg->share;
    if (pk_odd) {
        /* The parity of the public group key decides; the share is negated unconditionally
         * within this branch (tsr_scalar_neg is constant time in its value). */
        if (tsr_point_neg(ctx, &p, &p) != TSR_OK || tsr_point_neg(ctx, &vs, &vs) != TSR_OK) {
            goto out;
        }
        tsr_scalar_neg(&sh, &sh);
    }
    if (tsr_point_add(ctx, &q, &p, &tg) != TSR_OK || tsr_point_add(ctx, &vs, &vs, &tg) != TSR_OK) {
        goto out;
    }
    if (q.infinity != 0) {
        ret = TSR_ERR_RANGE; /* TSR_CHECK_TWEAK: t = -s */
        goto out;
    }
    tsr_scalar_add(&sh, &sh, &tw);
    pkg->share = sh;
    pkg->verifying_share = vs;
    pkg->group_key = q;
    ret = TSR_OK;
out:
    tsr_scalar_clear(&sh);
    return ret;
}

int tsr_frost_pubkey_tweak(const tsr_context *ctx, tsr_point *group_key, tsr_point *vshares, size_t n,
                           const uint8_t *merkle_root32) {
    tsr_point nv[TSR_MAX_PARTIES];
    tsr_point tg, p, q, v;
    tsr_scalar tw;
    size_t i;
    int pk_odd = 0;
    int ret;

    if (n > TSR_MAX_PARTIES) {
        return TSR_ERR_ARG;
    }
    ret = tsr_frost_taptweak(ctx, &tw, &pk_odd, group_key, merkle_root32);
    if (ret != TSR_OK) {
        return ret;
    }
    if (tsr_point_base_mul(ctx, &tg, &tw) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    p = *group_key;
    if (pk_odd && tsr_point_neg(ctx, &p, &p) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    if (tsr_point_add(ctx, &q, &p, &tg) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    if (q.infinity != 0) {
        return TSR_ERR_RANGE; /* TSR_CHECK_TWEAK */
    }
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop assigns i, v, nv[0 .. n - 1];
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        v = vshares[i];
        if (pk_odd && tsr_point_neg(ctx, &v, &v) != TSR_OK) {
            return TSR_ERR_INTERNAL;
        }
        if (tsr_point_add(ctx, &nv[i], &v, &tg) != TSR_OK) {
            return TSR_ERR_INTERNAL;
        }
    }
    /* Every step succeeded: only now are the caller's values replaced. */
    *group_key = q;
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop assigns i, vshares[0 .. n - 1];
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        vshares[i] = nv[i];
    }
    return TSR_OK;
}

/* ---- round one --------------------------------------------------------------------------- */

int tsr_frost_nonce_generate(tsr_scalar *out, uint8_t suite, const uint8_t rand32[32], const tsr_scalar *secret) {
    uint8_t in[64]; /* secret: random_bytes || SerializeScalar(secret) */
    size_t i;
    int ret;

    /*@ loop invariant bound: 0 <= i <= 32;
      @ loop assigns i, in[0 .. 31];
      @ loop variant 32 - i;
      @*/
    for (i = 0; i < 32; i++) {
        in[i] = rand32[i];
    }
    tsr_scalar_encode(in + 32, secret);
    ret = tsr_frost_h_field(out, suite, TSR_FROST_TAG_NONCE, in, sizeof in);
    tsr_ct_wipe8(in, sizeof in);
    return ret;
}

/* RFC 9591 §5.1 commit's nonces: d, e = nonce_generate(rand64 halves, sk_i) and D = d*G,
 * E = e*G (declassified: the public commitments). Returns TSR_OK, TSR_ERR_ARG (a zero half of
 * rand64, unknown suite) or TSR_ERR_INTERNAL (a zero nonce). Secret: rand64, share, d, e. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_out: \valid(d) && \valid(e) && \valid(dp) && \valid(ep);
  @ requires valid_share: \valid_read(share);
  @ requires valid_rand: \valid_read(rand64 + (0 .. 63));
  @ requires sep: \separated(d, e, dp, ep);
  @ requires sep_in: \separated(share, d, e, dp, ep) && \separated(rand64 + (0 .. 63), d, e, dp, ep);
  @ assigns *d, *e, *dp, *ep;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_frost_commit_nonces(const tsr_context *ctx, tsr_scalar *d, tsr_scalar *e, tsr_point *dp, tsr_point *ep,
                                   uint8_t suite, const tsr_scalar *share, const uint8_t *rand64) {
    uint8_t zeros[32];
    uint32_t zero_mask;

    tsr_scalar_set_u32(d, 0);
    tsr_scalar_set_u32(e, 0);
    tsr_point_set_identity(dp);
    tsr_point_set_identity(ep);
    tsr_frost_zero(zeros, sizeof zeros);
    zero_mask = tsr_ct_memeq_mask(rand64, zeros, 32) | tsr_ct_memeq_mask(rand64 + 32, zeros, 32);
    /* An all-zero half means the caller's generator failed; refusing it reveals nothing about a
     * nonce that is ever used. */
    TSR_DECLASSIFY(&zero_mask, sizeof zero_mask);
    if (zero_mask != 0) {
        return TSR_ERR_ARG;
    }
    if (tsr_frost_nonce_generate(d, suite, rand64, share) != TSR_OK ||
        tsr_frost_nonce_generate(e, suite, rand64 + 32, share) != TSR_OK) {
        return TSR_ERR_ARG;
    }
    if (tsr_point_base_mul(ctx, dp, d) != TSR_OK || tsr_point_base_mul(ctx, ep, e) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    /* D = d*G and E = e*G are the public commitments (round-one output). */
    TSR_DECLASSIFY(dp, sizeof *dp);
    TSR_DECLASSIFY(ep, sizeof *ep);
    if (dp->infinity != 0 || ep->infinity != 0) {
        return TSR_ERR_INTERNAL; /* a zero nonce: probability 2^-255 */
    }
    return TSR_OK;
}

int tsr_frost_commit(const tsr_context *ctx, tsr_frost_nonce *nonce, tsr_frost_commitment *commitment,
                     const tsr_frost_keypkg *key, const uint8_t rand64[64]) {
    tsr_scalar d, e; /* secret nonces */
    tsr_point dp, ep;
    int ret;

    tsr_frost_nonce_clear(nonce);
    tsr_frost_commitment_clear(commitment);
    if (key->magic != TSR_FROST_KEYPKG_MAGIC || !tsr_frost_suite_known(key->suite)) {
        return TSR_ERR_ARG;
    }
    ret = tsr_frost_commit_nonces(ctx, &d, &e, &dp, &ep, key->suite, &key->share, rand64);
    if (ret == TSR_OK) {
        nonce->hiding = d;
        nonce->binding = e;
    }
    /* The secret locals are wiped on every path before the public outputs are written. */
    tsr_scalar_clear(&d);
    tsr_scalar_clear(&e);
    if (ret != TSR_OK) {
        tsr_frost_nonce_clear(nonce);
        return ret;
    }
    commitment->hiding = dp;
    commitment->binding = ep;
    commitment->id = key->id;
    nonce->commitment = *commitment;
    nonce->magic = TSR_FROST_NONCE_MAGIC;
    return TSR_OK;
}

/* ---- commitment lists, binding factors, group commitment, challenge ---------------------- */

int tsr_frost_check_commitment_list(const tsr_frost_commitment *list, size_t k, size_t t_min, tsr_blame *blame) {
    size_t i;

    if (k < 1 || k > TSR_MAX_PARTIES || k < t_min) {
        tsr_frost_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_SIGN, 1, TSR_CHECK_SIGNER_COUNT);
        return TSR_ERR_ARG;
    }
    /*@ loop invariant bound: 0 <= i <= k;
      @ loop invariant entries: \forall integer j; 0 <= j < i ==> tsr_frost_entry_ok(list + j);
      @ loop invariant sorted: \forall integer j; 0 < j < i ==> list[j - 1].id < list[j].id;
      @ loop assigns i, *blame;
      @ loop variant k - i;
      @*/
    for (i = 0; i < k; i++) {
        uint32_t id = list[i].id;
        if (id == 0) {
            tsr_frost_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_SIGN, 1, TSR_CHECK_ID_ZERO);
            /*@ assert bad: !tsr_frost_entry_ok(list + i); */
            return TSR_ERR_ARG;
        }
        if (id > TSR_MAX_PARTIES) {
            tsr_frost_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_SIGN, 1, TSR_CHECK_SENDER);
            /*@ assert bad: !tsr_frost_entry_ok(list + i); */
            return TSR_ERR_ARG;
        }
        if (i > 0 && id == list[i - 1].id) {
            tsr_frost_blame(blame, id, TSR_PHASE_SIGN, 1, TSR_CHECK_ID_DUPLICATE);
            /*@ assert bad: !(list[i - 1].id < list[i].id); */
            return TSR_ERR_ARG;
        }
        if (i > 0 && id < list[i - 1].id) {
            tsr_frost_blame(blame, id, TSR_PHASE_SIGN, 1, TSR_CHECK_ID_ORDER);
            /*@ assert bad: !(list[i - 1].id < list[i].id); */
            return TSR_ERR_ARG;
        }
        if (list[i].hiding.infinity != 0 || list[i].binding.infinity != 0) {
            tsr_frost_blame(blame, id, TSR_PHASE_SIGN, 1, TSR_CHECK_POINT_IDENTITY);
            /*@ assert bad: !tsr_frost_entry_ok(list + i); */
            return TSR_ERR_RANGE;
        }
    }
    tsr_frost_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_NONE, 0, TSR_CHECK_NONE);
    return TSR_OK;
}

/* The binding-factor input prefix (RFC 9591 §4.4): PK || H4(msg) || H5(encode_group_commitment_
 * list(list)), where every entry encodes as SerializeScalar(id) || SerializeElement(D) ||
 * SerializeElement(E) (an identity, which a checked list never holds, as 33 zero bytes).
 * Returns TSR_OK, TSR_ERR_ARG (suite, k, identity group key) or TSR_ERR_INTERNAL. Public. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_prefix: \valid(prefix + (0 .. TSR_FROST_BF_PREFIX_BYTES - 1));
  @ requires valid_group_key: \valid_read(group_key);
  @ requires valid_list: k <= TSR_MAX_PARTIES ==> \valid_read(list + (0 .. k - 1));
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires sep: \separated(prefix + (0 .. TSR_FROST_BF_PREFIX_BYTES - 1), group_key);
  @ assigns prefix[0 .. TSR_FROST_BF_PREFIX_BYTES - 1];
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_INTERNAL;
  @ ensures args: \result == TSR_OK ==> 1 <= k <= TSR_MAX_PARTIES && tsr_frost_suite_ok(suite);
  @*/
static int tsr_frost_bf_prefix(const tsr_context *ctx, uint8_t *prefix, uint8_t suite, const tsr_point *group_key,
                               const tsr_frost_commitment *list, size_t k, const uint8_t *msg, size_t msglen) {
    uint8_t enc[TSR_FROST_ENC_ENTRY_BYTES];
    tsr_sha256_ctx h;
    size_t i;
    int ret;

    if (!tsr_frost_suite_known(suite) || k < 1 || k > TSR_MAX_PARTIES) {
        tsr_frost_zero(prefix, TSR_FROST_BF_PREFIX_BYTES);
        return TSR_ERR_ARG;
    }
    ret = tsr_frost_encode_pk(ctx, prefix, suite, group_key);
    if (ret != TSR_OK) {
        tsr_frost_zero(prefix, TSR_FROST_BF_PREFIX_BYTES);
        return ret;
    }
    /* H4(msg) = H(contextString || "msg" || msg) */
    (void)tsr_frost_h_init(&h, suite, TSR_FROST_TAG_MSG);
    tsr_sha256_update(&h, msg, msglen);
    tsr_sha256_final(&h, prefix + 33);
    /* H5(encode_group_commitment_list(list)) = H(contextString || "com" || encoding) */
    (void)tsr_frost_h_init(&h, suite, TSR_FROST_TAG_COM);
    /*@ loop invariant bound: 0 <= i <= k;
      @ loop assigns i, h, enc[0 .. TSR_FROST_ENC_ENTRY_BYTES - 1];
      @ loop variant k - i;
      @*/
    for (i = 0; i < k; i++) {
        tsr_frost_id32(enc, list[i].id);
        if (tsr_point_encode(ctx, enc + 32, &list[i].hiding) != TSR_OK ||
            tsr_point_encode(ctx, enc + 65, &list[i].binding) != TSR_OK) {
            tsr_frost_zero(prefix, TSR_FROST_BF_PREFIX_BYTES);
            return TSR_ERR_INTERNAL;
        }
        tsr_sha256_update(&h, enc, sizeof enc);
    }
    tsr_sha256_final(&h, prefix + 65);
    return TSR_OK;
}

int tsr_frost_compute_binding_factors(const tsr_context *ctx, tsr_scalar *rho,
                                      uint8_t (*inputs)[TSR_FROST_BF_INPUT_BYTES], uint8_t suite,
                                      const tsr_point *group_key, const tsr_frost_commitment *list, size_t k,
                                      const uint8_t *msg, size_t msglen) {
    uint8_t in[TSR_FROST_BF_INPUT_BYTES]; /* binding_factor_input = prefix || SerializeScalar(id) */
    size_t i, j;
    int ret;

    ret = tsr_frost_bf_prefix(ctx, in, suite, group_key, list, k, msg, msglen);
    if (ret != TSR_OK) {
        if (k <= TSR_MAX_PARTIES) {
            /*@ loop invariant bound: 0 <= i <= k;
              @ loop assigns i, rho[0 .. k - 1];
              @ loop variant k - i;
              @*/
            for (i = 0; i < k; i++) {
                tsr_scalar_set_u32(&rho[i], 0);
            }
        }
        return ret;
    }
    /*@ loop invariant bound: 0 <= i <= k;
      @ loop assigns i, j, in[TSR_FROST_BF_PREFIX_BYTES .. TSR_FROST_BF_INPUT_BYTES - 1], rho[0 .. k - 1],
      @               inputs[0 .. k - 1][0 .. TSR_FROST_BF_INPUT_BYTES - 1];
      @ loop variant k - i;
      @*/
    for (i = 0; i < k; i++) {
        tsr_frost_id32(in + TSR_FROST_BF_PREFIX_BYTES, list[i].id);
        (void)tsr_frost_h_field(&rho[i], suite, TSR_FROST_TAG_RHO, in, sizeof in); /* suite checked */
        if (inputs != NULL) {
            /*@ loop invariant bound: 0 <= j <= TSR_FROST_BF_INPUT_BYTES;
              @ loop assigns j, inputs[i][0 .. TSR_FROST_BF_INPUT_BYTES - 1];
              @ loop variant TSR_FROST_BF_INPUT_BYTES - j;
              @*/
            for (j = 0; j < TSR_FROST_BF_INPUT_BYTES; j++) {
                inputs[i][j] = in[j];
            }
        }
    }
    return TSR_OK;
}

int tsr_frost_compute_group_commitment(const tsr_context *ctx, tsr_point *r, const tsr_frost_commitment *list,
                                       const tsr_scalar *rho, size_t k) {
    tsr_point prod[TSR_MAX_PARTIES]; /* rho_i * E_i */
    const secp256k1_pubkey *ins[2 * TSR_MAX_PARTIES];
    secp256k1_pubkey sum;
    size_t i, n = 0;

    tsr_point_set_identity(r);
    if (k < 1 || k > TSR_MAX_PARTIES) {
        return TSR_ERR_ARG;
    }
    /*@ loop invariant bound: 0 <= i <= k;
      @ loop assigns i, prod[0 .. k - 1];
      @ loop variant k - i;
      @*/
    for (i = 0; i < k; i++) {
        /* all public: variable time */
        if (tsr_point_mul_var(ctx, &prod[i], &list[i].binding, &rho[i]) != TSR_OK) {
            return TSR_ERR_INTERNAL;
        }
    }
    /* R = sum_i D_i + rho_i * E_i: every term that is not the identity, added by one
     * secp256k1_ec_pubkey_combine (one field inversion for the whole sum, not one per term). */
    /*@ loop invariant bound: 0 <= i <= k;
      @ loop invariant count: n <= 2 * i;
      @ loop invariant each: \forall integer j; 0 <= j < n ==> \valid_read(ins[j]) && \separated(&sum, ins[j]);
      @ loop assigns i, n, ins[0 .. 2 * k - 1];
      @ loop variant k - i;
      @*/
    for (i = 0; i < k; i++) {
        if (list[i].hiding.infinity == 0) {
            ins[n] = &list[i].hiding.pk;
            n++;
        }
        if (prod[i].infinity == 0) {
            ins[n] = &prod[i].pk;
            n++;
        }
    }
    TSR_VERIFY_CHECK(n <= 2 * k);
    /* combine returns 0 exactly when the sum is the point at infinity (its inputs are valid
     * points made by this library): R is then the identity. */
    if (n == 0 || !secp256k1_ec_pubkey_combine(ctx->secp, &sum, ins, n)) {
        return TSR_ERR_RANGE;
    }
    r->pk = sum;
    r->infinity = 0;
    return TSR_OK;
}

int tsr_frost_compute_challenge(const tsr_context *ctx, tsr_scalar *c, uint8_t suite, const tsr_point *r,
                                const tsr_point *group_key, const uint8_t *msg, size_t msglen) {
    /* "BIP0340/challenge" */
    const uint8_t tag[17] = { 'B', 'I', 'P', '0', '3', '4', '0', '/', 'c', 'h', 'a', 'l', 'l', 'e', 'n', 'g', 'e' };
    uint8_t re[33], pke[33], digest[32];
    tsr_sha256_ctx h;

    tsr_scalar_set_u32(c, 0);
    if (!tsr_frost_suite_known(suite) || r->infinity != 0 || group_key->infinity != 0) {
        return TSR_ERR_ARG;
    }
    if (suite == TSR_SUITE_SECP256K1_TR) {
        /* BIP340: e = int(hash_BIP0340/challenge(bytes(R) || bytes(P) || m)) mod n */
        if (tsr_point_encode_xonly(ctx, re, NULL, r) != TSR_OK ||
            tsr_point_encode_xonly(ctx, pke, NULL, group_key) != TSR_OK) {
            return TSR_ERR_INTERNAL;
        }
        tsr_tagged_hash_init(&h, tag, sizeof tag);
        tsr_sha256_update(&h, re, 32);
        tsr_sha256_update(&h, pke, 32);
        tsr_sha256_update(&h, msg, msglen);
        tsr_sha256_final(&h, digest);
        (void)tsr_scalar_reduce_be(c, digest, sizeof digest);
        return TSR_OK;
    }
    /* RFC 9591 §4.6: H2(SerializeElement(R) || SerializeElement(PK) || msg) */
    if (tsr_point_encode(ctx, re, r) != TSR_OK || tsr_point_encode(ctx, pke, group_key) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    tsr_frost_h2_plain(c, re, pke, msg, msglen);
    return TSR_OK;
}

/* Limb i (least significant first) of the group order
 * n = FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFE BAAEDCE6 AF48A03B BFD25E8C D0364141. */
/*@ requires index: i < 8;
  @ assigns \nothing;
  @*/
static uint32_t tsr_frost_n_limb(size_t i) {
    switch (i) {
    case 0: return 0xD0364141u;
    case 1: return 0xBFD25E8Cu;
    case 2: return 0xAF48A03Bu;
    case 3: return 0xBAAEDCE6u;
    case 4: return 0xFFFFFFFEu;
    default: return 0xFFFFFFFFu;
    }
}

/* r = d^-1 mod n for a public 1 <= d < 2^32, in variable time (d is public: a product of
 * identifier differences). n is prime and d < n, so m = -(n mod d)^-1 mod d exists (extended
 * Euclid on 32-bit values, coefficients kept mod d); then 1 + m n is divisible by d and
 * r = (1 + m n) / d satisfies r d = 1 (mod n) and r < n (as m < d). */
/*@ requires valid_r: \valid(r);
  @ requires nonzero: d >= 1;
  @ assigns r->d[0 .. 7];
  @*/
static void tsr_frost_inv_u32(tsr_scalar *r, uint32_t d) {
    uint32_t q[9];
    uint64_t rem, carry, x, m, r0, r1, s0, s1;
    size_t i;

    /* a = n mod d, most significant limb first */
    rem = 0;
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop invariant rem: rem < d;
      @ loop assigns i, rem;
      @ loop variant 8 - i;
      @*/
    for (i = 0; i < 8; i++) {
        rem = (rem * 4294967296u + tsr_frost_n_limb(7 - i)) % d; /* rem < d < 2^32: no wrap */
    }
    /* m = -(a^-1) mod d; invariant s_j * a = r_j (mod d); the last non-zero remainder is
     * gcd(a, d) = 1, where s1 is a^-1. */
    m = 0;
    if (d > 1) {
        r0 = d;
        r1 = rem;
        s0 = 0;
        s1 = 1;
        /*@ loop invariant s_range: s0 < d && s1 < d;
          @ loop invariant r_range: r1 < r0 <= d;
          @ loop assigns r0, r1, s0, s1, x;
          @ loop variant r1;
          @*/
        while (r1 > 1) {
            x = (s0 + d - (r0 / r1) * s1 % d) % d; /* s0 - q s1 mod d; q s1 < 2^64 */
            s0 = s1;
            s1 = x;
            x = r0 % r1;
            r0 = r1;
            r1 = x;
        }
        m = (d - s1) % d;
    }
    /* q = 1 + m n (9 limbs; m < 2^32 so every step fits in 64 bits) */
    carry = 1;
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop invariant carry: carry <= 0xFFFFFFFF;
      @ loop assigns i, x, carry, q[0 .. 7];
      @ loop variant 8 - i;
      @*/
    for (i = 0; i < 8; i++) {
        x = m * tsr_frost_n_limb(i) + carry;
        q[i] = (uint32_t)x;
        carry = x >> 32;
    }
    q[8] = (uint32_t)carry;
    /* q = q / d, exact, most significant limb first */
    rem = 0;
    /*@ loop invariant bound: 0 <= i <= 9;
      @ loop invariant rem: rem < d;
      @ loop assigns i, x, rem, q[0 .. 8];
      @ loop variant 9 - i;
      @*/
    for (i = 0; i < 9; i++) {
        x = rem * 4294967296u + q[8 - i]; /* rem < d < 2^32: no wrap */
        q[8 - i] = (uint32_t)(x / d);
        rem = x % d;
    }
    TSR_VERIFY_CHECK(rem == 0 && q[8] == 0);
    /*@ loop invariant bound: 0 <= i <= 8;
      @ loop assigns i, r->d[0 .. 7];
      @ loop variant 8 - i;
      @*/
    for (i = 0; i < 8; i++) {
        r->d[i] = q[i];
    }
}

/* lambda_i (RFC 9591 §4.2) of list[i].id over the list's ids, for ids that are non-zero and
 * distinct (a checked list): prod_{j != i} x_j / (x_j - x_i). Public inputs, variable time: the
 * differences |x_j - x_i| are multiplied together as integers while the product fits in 32
 * bits, and each such product is inverted by tsr_frost_inv_u32; the sign is applied at the end. */
/*@ requires valid_lambda: \valid(lambda);
  @ requires range: 1 <= k <= TSR_MAX_PARTIES && i < k;
  @ requires valid_list: \valid_read(list + (0 .. k - 1));
  @ assigns *lambda;
  @*/
static void tsr_frost_lambda_at(tsr_scalar *lambda, const tsr_frost_commitment *list, size_t k, size_t i) {
    tsr_scalar num, inv, t, x;
    uint64_t acc = 1; /* product of differences not inverted yet, 1 <= acc < 2^32 */
    uint32_t xi = list[i].id, xj, dd;
    size_t j;
    int neg = 0;

    tsr_scalar_set_u32(&num, 1);
    tsr_scalar_set_u32(&inv, 1);
    /*@ loop invariant bound: 0 <= j <= k;
      @ loop invariant acc: 1 <= acc <= 0xFFFFFFFF;
      @ loop assigns j, xj, dd, acc, neg, num, inv, t, x;
      @ loop variant k - j;
      @*/
    for (j = 0; j < k; j++) {
        if (j == i) {
            continue;
        }
        xj = list[j].id;
        tsr_scalar_set_u32(&x, xj);
        tsr_scalar_mul(&num, &num, &x);
        if (xj > xi) {
            dd = xj - xi;
        } else {
            dd = xi - xj;
            neg ^= 1;
        }
        if (dd == 0) {
            dd = 1; /* equal ids: never in a checked list */
        }
        if (acc * dd > 0xFFFFFFFFu) {
            tsr_frost_inv_u32(&t, (uint32_t)acc);
            tsr_scalar_mul(&inv, &inv, &t);
            acc = 1;
        }
        acc *= dd;
    }
    tsr_frost_inv_u32(&t, (uint32_t)acc);
    tsr_scalar_mul(&inv, &inv, &t);
    tsr_scalar_mul(lambda, &num, &inv);
    if (neg) {
        tsr_scalar_neg(lambda, lambda);
    }
}

int tsr_frost_derive_interpolating_value(tsr_scalar *lambda, const tsr_frost_commitment *list, size_t k, uint32_t id) {
    size_t i, j, me = 0;
    int found = 0;

    tsr_scalar_set_u32(lambda, 0);
    if (k < 1 || k > TSR_MAX_PARTIES) {
        return TSR_ERR_ARG;
    }
    /* RFC 9591 §4.2: x_i must be in L, every x-coordinate non-zero and listed once. */
    /*@ loop invariant bound: 0 <= i <= k;
      @ loop invariant me: found != 0 ==> me < k && list[me].id == id;
      @ loop assigns i, j, me, found;
      @ loop variant k - i;
      @*/
    for (i = 0; i < k; i++) {
        if (list[i].id == 0) {
            return TSR_ERR_ARG;
        }
        /*@ loop invariant bound: 0 <= j <= i;
          @ loop assigns j;
          @ loop variant i - j;
          @*/
        for (j = 0; j < i; j++) {
            if (list[j].id == list[i].id) {
                return TSR_ERR_ARG;
            }
        }
        if (list[i].id == id) {
            me = i;
            found = 1;
        }
    }
    if (!found) {
        return TSR_ERR_ARG; /* TSR_CHECK_ID_UNKNOWN */
    }
    tsr_frost_lambda_at(lambda, list, k, me);
    return TSR_OK;
}

/* ---- round two and aggregation ----------------------------------------------------------- */

/* Finds id in a list. Returns 1 and *idx, or 0 (then *idx = 0). Public. */
/*@ requires valid_list: \valid_read(list + (0 .. k - 1));
  @ requires valid_idx: \valid(idx);
  @ assigns *idx;
  @ ensures bool: \result == 0 || \result == 1;
  @ ensures found: \result == 1 ==> *idx < k && list[*idx].id == id;
  @*/
static int tsr_frost_find(size_t *idx, const tsr_frost_commitment *list, size_t k, uint32_t id) {
    size_t i;
    *idx = 0;
    /*@ loop invariant bound: 0 <= i <= k;
      @ loop assigns i;
      @ loop variant k - i;
      @*/
    for (i = 0; i < k; i++) {
        if (list[i].id == id) {
            *idx = i;
            return 1;
        }
    }
    return 0;
}

/* The TR suite's parities of y(R) and y(PK) (both public points, so callers may branch on them).
 * Returns TSR_OK or TSR_ERR_INTERNAL (R or PK the identity, or libsecp256k1 failed). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_r_odd: \valid(r_odd);
  @ requires valid_pk_odd: \valid(pk_odd);
  @ requires valid_r: \valid_read(r);
  @ requires valid_pk: \valid_read(pk);
  @ requires sep: \separated(r_odd, pk_odd);
  @ assigns *r_odd, *pk_odd;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @ ensures bits: (*r_odd == 0 || *r_odd == 1) && (*pk_odd == 0 || *pk_odd == 1);
  @*/
static int tsr_frost_parities(const tsr_context *ctx, int *r_odd, int *pk_odd, const tsr_point *r,
                              const tsr_point *pk) {
    uint8_t x[32];
    int ro = 0, po = 0;
    *r_odd = 0;
    *pk_odd = 0;
    if (tsr_point_encode_xonly(ctx, x, &ro, r) != TSR_OK || tsr_point_encode_xonly(ctx, x, &po, pk) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    *r_odd = ro;
    *pk_odd = po;
    return TSR_OK;
}

/* Steps S3..S5 of spec/frost.md §7 (public values): the key is a package of a known suite, the
 * list passes tsr_frost_check_commitment_list (coordinator blamed), and the signer's own entry
 * is present and equal to its kept commitment; *me gets that entry's index. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_me: \valid(me);
  @ requires valid_mine: \valid_read(mine);
  @ requires valid_key: \valid_read(key);
  @ requires valid_list: k <= TSR_MAX_PARTIES ==> \valid_read(list + (0 .. k - 1));
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep: \separated(me, mine, key) && (blame == \null || \separated(blame, me, mine, key));
  @ requires sep_list: k <= TSR_MAX_PARTIES ==> \separated(list + (0 .. k - 1), me);
  @ requires sep_blame_list: blame == \null || k > TSR_MAX_PARTIES || \separated(blame, list + (0 .. k - 1));
  @ assigns *me, *blame;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_RANGE;
  @ ensures ok: \result == TSR_OK ==> 1 <= k <= TSR_MAX_PARTIES && *me < k && tsr_frost_suite_ok(key->suite);
  @*/
static int tsr_frost_sign_checks(const tsr_context *ctx, size_t *me, const tsr_frost_commitment *mine,
                                 const tsr_frost_keypkg *key, const tsr_frost_commitment *list, size_t k,
                                 tsr_blame *blame) {
    tsr_blame lb;
    int ret;

    *me = 0;
    if (key->magic != TSR_FROST_KEYPKG_MAGIC || !tsr_frost_suite_known(key->suite)) {
        return TSR_ERR_ARG;
    }
    /* RFC 9591 §5.2 input validation of the coordinator's list. */
    ret = tsr_frost_check_commitment_list(list, k, 1, &lb);
    if (ret != TSR_OK) {
        tsr_frost_blame(blame, TSR_CULPRIT_COORDINATOR, TSR_PHASE_SIGN, 2, (tsr_check)lb.check);
        return ret;
    }
    /* "each participant MUST ensure that its identifier and commitments (from the first round)
     * appear in commitment_list" */
    if (!tsr_frost_find(me, list, k, key->id) || mine->id != key->id ||
        !tsr_point_eq(ctx, &list[*me].hiding, &mine->hiding) || !tsr_point_eq(ctx, &list[*me].binding, &mine->binding)) {
        tsr_frost_blame(blame, TSR_CULPRIT_COORDINATOR, TSR_PHASE_SIGN, 2, TSR_CHECK_OWN_COMMITMENT);
        return TSR_ERR_ARG;
    }
    return TSR_OK;
}

/* Step S6 of spec/frost.md §7 (public values) for a checked list and the signer's index me:
 * rho_me (§6.2), c (§6.3, §6.4; R the identity: TSR_ERR_RANGE, no culprit), lambda_me (§6.5)
 * and, for the TR suite, the parities of R and PK. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_outs: \valid(rho_me) && \valid(lambda) && \valid(c) && \valid(r_odd) && \valid(pk_odd);
  @ requires valid_key: \valid_read(key);
  @ requires range: 1 <= k <= TSR_MAX_PARTIES && me < k;
  @ requires valid_list: \valid_read(list + (0 .. k - 1));
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep: \separated(rho_me, lambda, c, r_odd, pk_odd, key, blame);
  @ requires sep_list: \separated(list + (0 .. k - 1), rho_me, lambda, c, r_odd, pk_odd);
  @ requires sep_blame_list: blame == \null || \separated(blame, list + (0 .. k - 1));
  @ assigns *rho_me, *lambda, *c, *r_odd, *pk_odd, *blame;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_RANGE ||
  @                \result == TSR_ERR_INTERNAL;
  @ ensures parity: (*r_odd == 0 || *r_odd == 1) && (*pk_odd == 0 || *pk_odd == 1);
  @*/
static int tsr_frost_sign_values(const tsr_context *ctx, tsr_scalar *rho_me, tsr_scalar *lambda, tsr_scalar *c,
                                 int *r_odd, int *pk_odd, const tsr_frost_keypkg *key,
                                 const tsr_frost_commitment *list, size_t k, size_t me, const uint8_t *msg,
                                 size_t msglen, tsr_blame *blame) {
    tsr_scalar rho[TSR_MAX_PARTIES];
    tsr_point r;
    int ret;

    *r_odd = 0;
    *pk_odd = 0;
    tsr_scalar_set_u32(rho_me, 0);
    tsr_scalar_set_u32(lambda, 0);
    tsr_scalar_set_u32(c, 0);
    ret = tsr_frost_compute_binding_factors(ctx, rho, NULL, key->suite, &key->group_key, list, k, msg, msglen);
    if (ret != TSR_OK) {
        return ret;
    }
    ret = tsr_frost_compute_group_commitment(ctx, &r, list, rho, k);
    if (ret != TSR_OK) {
        if (ret == TSR_ERR_RANGE) {
            tsr_frost_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_SIGN, 2, TSR_CHECK_POINT_IDENTITY);
        }
        return ret;
    }
    ret = tsr_frost_compute_challenge(ctx, c, key->suite, &r, &key->group_key, msg, msglen);
    if (ret != TSR_OK) {
        return ret;
    }
    tsr_frost_lambda_at(lambda, list, k, me);
    *rho_me = rho[me];
    if (key->suite == TSR_SUITE_SECP256K1_TR) {
        return tsr_frost_parities(ctx, r_odd, pk_odd, &r, &key->group_key);
    }
    return TSR_OK;
}

/* Steps S3..S6 of spec/frost.md §7, all on public values: tsr_frost_sign_checks, then
 * tsr_frost_sign_values. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_outs: \valid(rho_me) && \valid(lambda) && \valid(c) && \valid(r_odd) && \valid(pk_odd);
  @ requires valid_mine: \valid_read(mine);
  @ requires valid_key: \valid_read(key);
  @ requires valid_list: k <= TSR_MAX_PARTIES ==> \valid_read(list + (0 .. k - 1));
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep: \separated(rho_me, lambda, c, r_odd, pk_odd, mine, key, blame);
  @ requires sep_list: k <= TSR_MAX_PARTIES ==> \separated(list + (0 .. k - 1), rho_me, lambda, c, r_odd, pk_odd);
  @ requires sep_blame_list: blame == \null || k > TSR_MAX_PARTIES || \separated(blame, list + (0 .. k - 1));
  @ assigns *rho_me, *lambda, *c, *r_odd, *pk_odd, *blame;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_RANGE ||
  @                \result == TSR_ERR_INTERNAL;
  @ ensures parity: (*r_odd == 0 || *r_odd == 1) && (*pk_odd == 0 || *pk_odd == 1);
  @*/
static int tsr_frost_sign_prepare(const tsr_context *ctx, tsr_scalar *rho_me, tsr_scalar *lambda, tsr_scalar *c,
                                  int *r_odd, int *pk_odd, const tsr_frost_commitment *mine,
                                  const tsr_frost_keypkg *key, const tsr_frost_commitment *list, size_t k,
                                  const uint8_t *msg, size_t msglen, tsr_blame *blame) {
    size_t me = 0;
    int ret;

    *r_odd = 0;
    *pk_odd = 0;
    tsr_scalar_set_u32(rho_me, 0);
    tsr_scalar_set_u32(lambda, 0);
    tsr_scalar_set_u32(c, 0);
    ret = tsr_frost_sign_checks(ctx, &me, mine, key, list, k, blame);
    if (ret != TSR_OK) {
        return ret;
    }
    TSR_VERIFY_CHECK(me < k && list[me].id == key->id);
    return tsr_frost_sign_values(ctx, rho_me, lambda, c, r_odd, pk_odd, key, list, k, me, msg, msglen, blame);
}

/* Step S7..S8 of spec/frost.md §7: z = d' + e' rho + lambda sk' c, where d', e' are the nonces
 * negated when y(R) is odd and sk' the share negated when y(PK) is odd (TR suite; the parities
 * are public, the negations constant time). Secret: d, e, sk, z (until released). */
/*@ requires valid: \valid(z) && \valid_read(d) && \valid_read(e) && \valid_read(sk);
  @ requires valid_pub: \valid_read(rho) && \valid_read(lambda) && \valid_read(c);
  @ requires sep: \separated(z, d, e, sk, rho, lambda, c);
  @ assigns *z;
  @*/
static void tsr_frost_share_value(tsr_scalar *z, const tsr_scalar *d, const tsr_scalar *e, const tsr_scalar *sk,
                                  const tsr_scalar *rho, const tsr_scalar *lambda, const tsr_scalar *c, int r_odd,
                                  int pk_odd) {
    tsr_scalar dd, ee, kk, tmp; /* secret */
    tsr_scalar lc;

    dd = *d;
    ee = *e;
    kk = *sk;
    if (r_odd) {
        tsr_scalar_neg(&dd, &dd);
        tsr_scalar_neg(&ee, &ee);
    }
    if (pk_odd) {
        tsr_scalar_neg(&kk, &kk);
    }
    /* z_i = d + e * rho_i + lambda_i * sk_i * c */
    tsr_scalar_mul(&tmp, &ee, rho);
    tsr_scalar_add(z, &dd, &tmp);
    tsr_scalar_mul(&lc, lambda, c);
    tsr_scalar_mul(&tmp, &lc, &kk);
    tsr_scalar_add(z, z, &tmp);
    tsr_scalar_clear(&dd);
    tsr_scalar_clear(&ee);
    tsr_scalar_clear(&kk);
    tsr_scalar_clear(&tmp);
}

/* The body of sign once the nonce state is consumed (steps S3..S8 of spec/frost.md §7); d and e
 * are the caller's copies of the nonces. Secret: *d, *e, key->share. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_share: \valid(share);
  @ requires valid_d: \valid_read(d);
  @ requires valid_e: \valid_read(e);
  @ requires valid_mine: \valid_read(mine);
  @ requires valid_key: \valid_read(key);
  @ requires valid_list: k <= TSR_MAX_PARTIES ==> \valid_read(list + (0 .. k - 1));
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep: \separated(share, d, e, mine, key);
  @ requires sep_list: k <= TSR_MAX_PARTIES ==> \separated(list + (0 .. k - 1), share);
  @ requires sep_blame: blame == \null || \separated(blame, share, d, e, mine, key);
  @ requires sep_blame_list: blame == \null || k > TSR_MAX_PARTIES || \separated(blame, list + (0 .. k - 1));
  @ assigns *share, *blame;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_RANGE ||
  @                \result == TSR_ERR_INTERNAL;
  @ ensures ok: \result == TSR_OK ==> share->id == key->id;
  @*/
static int tsr_frost_sign_core(const tsr_context *ctx, tsr_frost_sigshare *share, const tsr_scalar *d,
                               const tsr_scalar *e, const tsr_frost_commitment *mine, const tsr_frost_keypkg *key,
                               const tsr_frost_commitment *list, size_t k, const uint8_t *msg, size_t msglen,
                               tsr_blame *blame) {
    tsr_scalar z; /* secret until released */
    tsr_scalar rho, lambda, c;
    int r_odd = 0, pk_odd = 0;
    int ret;

    share->id = 0;
    tsr_scalar_set_u32(&share->z, 0);
    ret = tsr_frost_sign_prepare(ctx, &rho, &lambda, &c, &r_odd, &pk_odd, mine, key, list, k, msg, msglen, blame);
    if (ret != TSR_OK) {
        return ret;
    }
    tsr_frost_share_value(&z, d, e, &key->share, &rho, &lambda, &c, r_odd, pk_odd);
    /* The signature share is the round-two output, public once released. */
    TSR_DECLASSIFY(&z, sizeof z);
    share->z = z;
    tsr_scalar_clear(&z);
    share->id = key->id;
    return TSR_OK;
}

int tsr_frost_sign(const tsr_context *ctx, tsr_frost_sigshare *share, tsr_frost_nonce *nonce,
                   const tsr_frost_keypkg *key, const tsr_frost_commitment *list, size_t k,
                   const uint8_t *msg, size_t msglen, tsr_blame *blame) {
    tsr_frost_nonce n; /* secret: the nonce state, moved out of *nonce */
    int ret;

    tsr_frost_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_NONE, 0, TSR_CHECK_NONE);
    /* Consume the nonce before anything else: whatever happens below, it is never usable again. */
    n = *nonce;
    tsr_frost_nonce_clear(nonce);
    if (n.magic != TSR_FROST_NONCE_MAGIC) {
        share->id = 0;
        tsr_scalar_set_u32(&share->z, 0);
        ret = TSR_ERR_STATE;
    } else {
        ret = tsr_frost_sign_core(ctx, share, &n.hiding, &n.binding, &n.commitment, key, list, k, msg, msglen, blame);
    }
    tsr_frost_nonce_clear(&n);
    return ret;
}

/* verify_signature_share's relation for one entry (RFC 9591 §5.4), with the TR adjustments:
 * z*G == R_i + (c * lambda) * PK_i, R_i = +-(D + rho*E) (negated when y(R) is odd), PK_i negated
 * when y(PK) is odd. Returns TSR_OK, TSR_ERR_VERIFY or TSR_ERR_INTERNAL. Public. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_z: \valid_read(z);
  @ requires valid_vshare: \valid_read(vshare);
  @ requires valid_ci: \valid_read(ci);
  @ requires valid_rho: \valid_read(rho);
  @ requires valid_lambda: \valid_read(lambda);
  @ requires valid_c: \valid_read(c);
  @ assigns \nothing;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_VERIFY || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_frost_share_check(const tsr_context *ctx, const tsr_scalar *z, const tsr_point *vshare,
                                 const tsr_frost_commitment *ci, const tsr_scalar *rho, const tsr_scalar *lambda,
                                 const tsr_scalar *c, int r_odd, int pk_odd) {
    tsr_point ri, pki, lhs, rhs, tmp;
    tsr_scalar cl;

    if (tsr_point_mul_var(ctx, &tmp, &ci->binding, rho) != TSR_OK ||
        tsr_point_add(ctx, &ri, &ci->hiding, &tmp) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    if (r_odd && tsr_point_neg(ctx, &ri, &ri) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    pki = *vshare;
    if (pk_odd && tsr_point_neg(ctx, &pki, &pki) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    tsr_scalar_mul(&cl, c, lambda);
    if (tsr_point_mul_var(ctx, &tmp, &pki, &cl) != TSR_OK || tsr_point_add(ctx, &rhs, &ri, &tmp) != TSR_OK ||
        tsr_point_base_mul(ctx, &lhs, z) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    return tsr_point_eq(ctx, &lhs, &rhs) ? TSR_OK : TSR_ERR_VERIFY;
}

int tsr_frost_verify_signature_share(const tsr_context *ctx, uint8_t suite, const tsr_frost_sigshare *share,
                                     const tsr_point *verifying_share, const tsr_frost_commitment *list, size_t k,
                                     const tsr_point *group_key, const uint8_t *msg, size_t msglen,
                                     tsr_blame *blame) {
    tsr_scalar rho[TSR_MAX_PARTIES];
    tsr_scalar lambda, c;
    tsr_point r;
    size_t me = 0;
    int r_odd = 0, pk_odd = 0;
    int ret;

    tsr_frost_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_NONE, 0, TSR_CHECK_NONE);
    if (!tsr_frost_suite_known(suite) || group_key->infinity != 0) {
        return TSR_ERR_ARG;
    }
    ret = tsr_frost_check_commitment_list(list, k, 1, blame);
    if (ret != TSR_OK) {
        return ret;
    }
    if (!tsr_frost_find(&me, list, k, share->id)) {
        tsr_frost_blame(blame, TSR_CULPRIT_NONE, TSR_PHASE_AGGREGATE, 2, TSR_CHECK_ID_UNKNOWN);
        return TSR_ERR_ARG;
    }
    ret = tsr_frost_compute_binding_factors(ctx, rho, NULL, suite, group_key, list, k, msg, msglen);
    if (ret != TSR_OK) {
        return ret;
    }
    ret = tsr_frost_compute_group_commitment(ctx, &r, list, rho, k);
    if (ret != TSR_OK) {
        return ret;
    }
    ret = tsr_frost_compute_challenge(ctx, &c, suite, &r, group_key, msg, msglen);
    if (ret != TSR_OK) {
        return ret;
    }
    if (suite == TSR_SUITE_SECP256K1_TR) {
        ret = tsr_frost_parities(ctx, &r_odd, &pk_odd, &r, group_key);
        if (ret != TSR_OK) {
            return ret;
        }
    }
    tsr_frost_lambda_at(&lambda, list, k, me);
    ret = tsr_frost_share_check(ctx, &share->z, verifying_share, &list[me], &rho[me], &lambda, &c, r_odd, pk_odd);
    if (ret == TSR_ERR_VERIFY) {
        tsr_frost_blame(blame, share->id, TSR_PHASE_AGGREGATE, 2, TSR_CHECK_SIGNATURE_SHARE);
    }
    return ret;
}

/* BIP340 verification of sig64 under x(PK) by libsecp256k1 secp256k1_schnorrsig_verify (TR
 * suite); x(PK) comes from secp256k1_xonly_pubkey_from_pubkey (no square root). PK is not the
 * identity. Returns TSR_OK, TSR_ERR_VERIFY or TSR_ERR_INTERNAL. Public. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_sig: \valid_read(sig64 + (0 .. 63));
  @ requires valid_group_key: \valid_read(group_key);
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ assigns \nothing;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_VERIFY || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_frost_schnorr_check(const tsr_context *ctx, const uint8_t *sig64, const tsr_point *group_key,
                                   const uint8_t *msg, size_t msglen) {
    secp256k1_xonly_pubkey xpk;
    if (!secp256k1_xonly_pubkey_from_pubkey(ctx->secp, &xpk, NULL, &group_key->pk)) {
        return TSR_ERR_INTERNAL;
    }
    return secp256k1_schnorrsig_verify(ctx->secp, sig64, msg, msglen, &xpk) == 1 ? TSR_OK : TSR_ERR_VERIFY;
}

/* The plain suite's verification equation (RFC 9591 §6.5): z*G == R + c*PK. Returns TSR_OK,
 * TSR_ERR_VERIFY or TSR_ERR_INTERNAL. Public. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_z: \valid_read(z);
  @ requires valid_r: \valid_read(r);
  @ requires valid_c: \valid_read(c);
  @ requires valid_group_key: \valid_read(group_key);
  @ assigns \nothing;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_VERIFY || \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_frost_equation(const tsr_context *ctx, const tsr_scalar *z, const tsr_point *r, const tsr_scalar *c,
                              const tsr_point *group_key) {
    tsr_point lhs, rhs, tmp;
    if (tsr_point_base_mul(ctx, &lhs, z) != TSR_OK || tsr_point_mul_var(ctx, &tmp, group_key, c) != TSR_OK ||
        tsr_point_add(ctx, &rhs, r, &tmp) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    return tsr_point_eq(ctx, &lhs, &rhs) ? TSR_OK : TSR_ERR_VERIFY;
}

/* BIP340 verification (TR suite): sig64 = x(R) || z. x(R) must be a valid x coordinate and
 * z < n (else TSR_ERR_ENCODING), then tsr_frost_schnorr_check. Public. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_sig: \valid_read(sig64 + (0 .. 63));
  @ requires valid_group_key: \valid_read(group_key);
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ assigns \nothing;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ENCODING || \result == TSR_ERR_VERIFY ||
  @                \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_frost_verify_tr(const tsr_context *ctx, const uint8_t *sig64, const tsr_point *group_key,
                               const uint8_t *msg, size_t msglen) {
    tsr_point r;
    tsr_scalar z;

    if (tsr_point_decode_xonly(ctx, &r, sig64, NULL) != TSR_OK || tsr_scalar_decode(&z, sig64 + 32) != TSR_OK) {
        return TSR_ERR_ENCODING;
    }
    return tsr_frost_schnorr_check(ctx, sig64, group_key, msg, msglen);
}

/* RFC 9591 §6.5 verification (plain suite): sig65 = SerializeElement(R) || SerializeScalar(z);
 * R a valid non-identity point and z < n (else TSR_ERR_ENCODING); then
 * z*G == R + H2(R || PK || msg) * PK. Public. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_sig: \valid_read(sig65 + (0 .. 64));
  @ requires valid_group_key: \valid_read(group_key);
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ assigns \nothing;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ENCODING || \result == TSR_ERR_VERIFY ||
  @                \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_frost_verify_plain(const tsr_context *ctx, const uint8_t *sig65, const tsr_point *group_key,
                                  const uint8_t *msg, size_t msglen) {
    tsr_point r;
    tsr_scalar z, c;
    uint8_t pk33[33];

    if (tsr_point_decode(ctx, &r, sig65, 33, 0, NULL) != TSR_OK || tsr_scalar_decode(&z, sig65 + 33) != TSR_OK) {
        return TSR_ERR_ENCODING;
    }
    if (tsr_point_encode(ctx, pk33, group_key) != TSR_OK) {
        return TSR_ERR_INTERNAL;
    }
    tsr_frost_h2_plain(&c, sig65, pk33, msg, msglen);
    return tsr_frost_equation(ctx, &z, &r, &c, group_key);
}

int tsr_frost_verify(const tsr_context *ctx, uint8_t suite, const uint8_t *sig, size_t siglen,
                     const tsr_point *group_key, const uint8_t *msg, size_t msglen) {
    if (!tsr_frost_suite_known(suite) || group_key->infinity != 0) {
        return TSR_ERR_ARG;
    }
    if (siglen != tsr_frost_sig_len(suite)) {
        return TSR_ERR_ENCODING;
    }
    if (suite == TSR_SUITE_SECP256K1_TR) {
        return tsr_frost_verify_tr(ctx, sig, group_key, msg, msglen);
    }
    return tsr_frost_verify_plain(ctx, sig, group_key, msg, msglen);
}

/* Aggregation step 6 (spec/frost.md §9): after the signature failed, verify every share in list
 * order and record (list[i].id, AGGREGATE, 2, SIGNATURE_SHARE) for each failing one, up to cap
 * records; *nc gets the number written. Returns TSR_OK or TSR_ERR_INTERNAL. Public. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires range: 1 <= k <= TSR_MAX_PARTIES;
  @ requires valid_culprits: \valid(culprits + (0 .. cap - 1));
  @ requires valid_nc: \valid(nc);
  @ requires valid_list: \valid_read(list + (0 .. k - 1));
  @ requires valid_shares: \valid_read(shares + (0 .. k - 1));
  @ requires valid_vshares: \valid_read(vshares + (0 .. k - 1));
  @ requires valid_rho: \valid_read(rho + (0 .. k - 1));
  @ requires valid_c: \valid_read(c);
  @ requires sep: \separated(nc, culprits + (0 .. cap - 1));
  @ requires sep_in: \separated(culprits + (0 .. cap - 1), list + (0 .. k - 1), shares + (0 .. k - 1),
  @                              vshares + (0 .. k - 1), rho + (0 .. k - 1), c);
  @ assigns culprits[0 .. cap - 1], *nc;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_INTERNAL;
  @ ensures count: *nc <= cap;
  @*/
static int tsr_frost_culprits(const tsr_context *ctx, tsr_blame *culprits, size_t cap, size_t *nc,
                              const tsr_frost_commitment *list, const tsr_frost_sigshare *shares,
                              const tsr_point *vshares, size_t k, const tsr_scalar *rho, const tsr_scalar *c,
                              int r_odd, int pk_odd) {
    tsr_scalar lambda;
    size_t i, n = 0;
    int rc;

    *nc = 0;
    /*@ loop invariant bound: 0 <= i <= k;
      @ loop invariant count: n <= cap;
      @ loop assigns i, n, lambda, rc, culprits[0 .. cap - 1];
      @ loop variant k - i;
      @*/
    for (i = 0; i < k; i++) {
        tsr_frost_lambda_at(&lambda, list, k, i);
        rc = tsr_frost_share_check(ctx, &shares[i].z, &vshares[i], &list[i], &rho[i], &lambda, c, r_odd, pk_odd);
        if (rc == TSR_ERR_INTERNAL) {
            return TSR_ERR_INTERNAL;
        }
        if (rc == TSR_ERR_VERIFY && n < cap) {
            tsr_frost_blame(&culprits[n], list[i].id, TSR_PHASE_AGGREGATE, 2, TSR_CHECK_SIGNATURE_SHARE);
            n++;
        }
    }
    *nc = n;
    return TSR_OK;
}

/* Aggregation steps 3 (each share in its place) of spec/frost.md §9: returns the index of the
 * first entry whose share has another id, or k. Public. */
/*@ requires valid_list: \valid_read(list + (0 .. k - 1));
  @ requires valid_shares: \valid_read(shares + (0 .. k - 1));
  @ assigns \nothing;
  @ ensures range: \result <= k;
  @*/
static size_t tsr_frost_misplaced(const tsr_frost_commitment *list, const tsr_frost_sigshare *shares, size_t k) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= k;
      @ loop assigns i;
      @ loop variant k - i;
      @*/
    for (i = 0; i < k; i++) {
        if (shares[i].id != list[i].id) {
            return i;
        }
    }
    return k;
}

/* Aggregation step 4 (spec/frost.md §9, RFC 9591 §5.3 aggregate): rho, R, c, z = sum z_i and
 * the signature in the suite's format (tsr_frost_sig_len(suite) bytes at sig). Returns TSR_OK, TSR_ERR_ARG,
 * TSR_ERR_RANGE (R the identity) or TSR_ERR_INTERNAL. Public. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires suite: tsr_frost_suite_ok(suite);
  @ requires range: 1 <= k <= TSR_MAX_PARTIES;
  @ requires valid_sig: \valid(sig + (0 .. tsr_frost_siglen(suite) - 1));
  @ requires valid_rho: \valid(rho + (0 .. k - 1));
  @ requires valid_r: \valid(r);
  @ requires valid_c: \valid(c);
  @ requires valid_z: \valid(z);
  @ requires valid_list: \valid_read(list + (0 .. k - 1));
  @ requires valid_shares: \valid_read(shares + (0 .. k - 1));
  @ requires valid_group_key: \valid_read(group_key);
  @ requires valid_msg: \valid_read(msg + (0 .. msglen - 1));
  @ requires sep_out: \separated(sig + (0 .. tsr_frost_siglen(suite) - 1), rho + (0 .. k - 1), r, c, z);
  @ requires sep_z: \separated(z, list + (0 .. k - 1)) && \separated(z, shares + (0 .. k - 1)) &&
  @                 \separated(z, group_key) && \separated(z, msg + (0 .. msglen - 1));
  @ requires sep_list: \separated(list + (0 .. k - 1), sig + (0 .. tsr_frost_siglen(suite) - 1), rho + (0 .. k - 1));
  @ requires sep_list_rc: \separated(list + (0 .. k - 1), r) && \separated(list + (0 .. k - 1), c);
  @ requires sep_shares: \separated(shares + (0 .. k - 1), sig + (0 .. tsr_frost_siglen(suite) - 1),
  @                                 rho + (0 .. k - 1));
  @ requires sep_shares_rc: \separated(shares + (0 .. k - 1), r) && \separated(shares + (0 .. k - 1), c);
  @ requires sep_gk: \separated(group_key, sig + (0 .. tsr_frost_siglen(suite) - 1), rho + (0 .. k - 1), r, c);
  @ requires sep_msg: \separated(msg + (0 .. msglen - 1), sig + (0 .. tsr_frost_siglen(suite) - 1),
  @                              rho + (0 .. k - 1), r, c);
  @ assigns sig[0 .. tsr_frost_siglen(suite) - 1], rho[0 .. k - 1], *r, *c, *z;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_RANGE ||
  @                \result == TSR_ERR_INTERNAL;
  @*/
static int tsr_frost_aggregate_sig(const tsr_context *ctx, uint8_t *sig, tsr_scalar *rho, tsr_point *r, tsr_scalar *c,
                                   tsr_scalar *z, uint8_t suite, const tsr_frost_commitment *list,
                                   const tsr_frost_sigshare *shares, size_t k, const tsr_point *group_key,
                                   const uint8_t *msg, size_t msglen) {
    size_t i;
    int ret;

    ret = tsr_frost_compute_binding_factors(ctx, rho, NULL, suite, group_key, list, k, msg, msglen);
    if (ret != TSR_OK) {
        return ret;
    }
    ret = tsr_frost_compute_group_commitment(ctx, r, list, rho, k);
    if (ret != TSR_OK) {
        return ret;
    }
    ret = tsr_frost_compute_challenge(ctx, c, suite, r, group_key, msg, msglen);
    if (ret != TSR_OK) {
        return ret;
    }
    /* z = sum z_i */
    tsr_scalar_set_u32(z, 0);
    /*@ loop invariant bound: 0 <= i <= k;
      @ loop assigns i, *z;
      @ loop variant k - i;
      @*/
    for (i = 0; i < k; i++) {
        tsr_scalar_add(z, z, &shares[i].z);
    }
    if (suite == TSR_SUITE_SECP256K1_TR) {
        ret = tsr_point_encode_xonly(ctx, sig, NULL, r);
        tsr_scalar_encode(sig + 32, z);
    } else {
        ret = tsr_point_encode(ctx, sig, r);
        tsr_scalar_encode(sig + 33, z);
    }
    return ret == TSR_OK ? TSR_OK : TSR_ERR_INTERNAL;
}

int tsr_frost_aggregate(const tsr_context *ctx, uint8_t *sig, size_t *siglen, tsr_blame *culprits,
                        size_t culprits_cap, size_t *nculprits, uint8_t suite,
                        const tsr_frost_commitment *list, const tsr_frost_sigshare *shares,
                        const tsr_point *vshares, size_t k, const tsr_point *group_key,
                        const uint8_t *msg, size_t msglen) {
    tsr_scalar rho[TSR_MAX_PARTIES];
    tsr_scalar c, z;
    tsr_point r;
    tsr_blame b;
    size_t i, len;
    int r_odd = 0, pk_odd = 0;
    int ret;

    *siglen = 0;
    *nculprits = 0;
    if (!tsr_frost_suite_known(suite)) {
        return TSR_ERR_ARG;
    }
    len = tsr_frost_sig_len(suite);
    tsr_frost_zero(sig, len);
    if (group_key->infinity != 0) {
        return TSR_ERR_ARG;
    }
    ret = tsr_frost_check_commitment_list(list, k, 1, &b);
    if (ret != TSR_OK) {
        if (culprits_cap > 0) {
            culprits[0] = b;
            *nculprits = 1;
        }
        return ret;
    }
    i = tsr_frost_misplaced(list, shares, k);
    if (i < k) {
        /* list[i].id's share is missing (another share sits in its place). */
        if (culprits_cap > 0) {
            tsr_frost_blame(&culprits[0], list[i].id, TSR_PHASE_AGGREGATE, 2, TSR_CHECK_MISSING);
            *nculprits = 1;
        }
        return TSR_ERR_ARG;
    }
    ret = tsr_frost_aggregate_sig(ctx, sig, rho, &r, &c, &z, suite, list, shares, k, group_key, msg, msglen);
    if (ret != TSR_OK) {
        tsr_frost_zero(sig, len);
        return ret;
    }
    /* The coordinator verifies before publishing (RFC 9591 §5.3): TR, the 64 bytes through
     * libsecp256k1's BIP340 verifier; plain, the verification equation on the R, c and z just
     * computed (the encoding of sig is theirs by construction). */
    if (suite == TSR_SUITE_SECP256K1_TR) {
        ret = tsr_frost_schnorr_check(ctx, sig, group_key, msg, msglen);
    } else {
        ret = tsr_frost_equation(ctx, &z, &r, &c, group_key);
    }
    if (ret == TSR_OK) {
        *siglen = len;
        return TSR_OK;
    }
    tsr_frost_zero(sig, len);
    if (ret != TSR_ERR_VERIFY) {
        return TSR_ERR_INTERNAL;
    }
    /* Only now: verify every share to name every culprit (RFC 9591 §5.4, identifiable abort). */
    if (suite == TSR_SUITE_SECP256K1_TR) {
        ret = tsr_frost_parities(ctx, &r_odd, &pk_odd, &r, group_key);
        if (ret != TSR_OK) {
            return ret;
        }
    }
    ret = tsr_frost_culprits(ctx, culprits, culprits_cap, nculprits, list, shares, vshares, k, rho, &c, r_odd,
                             pk_odd);
    TSR_VERIFY_CHECK(*nculprits <= culprits_cap);
    return ret == TSR_OK ? TSR_ERR_VERIFY : ret;
}

/* ---- encodings --------------------------------------------------------------------------- */

void tsr_frost_commitment_encode(const tsr_context *ctx, uint8_t out[TSR_FROST_COMMITMENT_BYTES],
                                 const tsr_frost_commitment *c) {
    tsr_frost_put_be32(out, c->id);
    /* An identity encodes as 33 zero bytes (so does a libsecp256k1 failure), which decode refuses. */
    (void)tsr_point_encode(ctx, out + 4, &c->hiding);
    (void)tsr_point_encode(ctx, out + 37, &c->binding);
}

int tsr_frost_commitment_decode(const tsr_context *ctx, tsr_frost_commitment *c, const uint8_t *in, size_t inlen,
                                tsr_check *reason) {
    tsr_check why = TSR_CHECK_NONE;
    uint32_t id;
    int ret = TSR_ERR_ENCODING;

    tsr_frost_commitment_clear(c);
    if (inlen != TSR_FROST_COMMITMENT_BYTES) {
        why = TSR_CHECK_LENGTH;
        goto out;
    }
    id = tsr_frost_get_be32(in);
    if (id == 0) {
        why = TSR_CHECK_ID_ZERO;
        goto out;
    }
    if (id > TSR_MAX_PARTIES) {
        why = TSR_CHECK_SENDER;
        goto out;
    }
    ret = tsr_point_decode(ctx, &c->hiding, in + 4, 33, 0, &why);
    if (ret != TSR_OK) {
        goto out;
    }
    ret = tsr_point_decode(ctx, &c->binding, in + 37, 33, 0, &why);
    if (ret != TSR_OK) {
        goto out;
    }
    c->id = id;
out:
    if (ret != TSR_OK) {
        tsr_frost_commitment_clear(c);
    }
    tsr_set_reason(reason, why);
    return ret;
}

int tsr_frost_commitment_list_encode(const tsr_context *ctx, uint8_t *out, size_t outcap, size_t *outlen,
                                     const tsr_frost_commitment *list, size_t k) {
    size_t i;

    *outlen = 0;
    if (k < 1 || k > TSR_MAX_PARTIES || outcap < 2 + TSR_FROST_COMMITMENT_BYTES * k) {
        tsr_frost_zero(out, outcap);
        return TSR_ERR_ARG;
    }
    out[0] = (uint8_t)(k >> 8);
    out[1] = (uint8_t)k;
    /*@ loop invariant bound: 0 <= i <= k;
      @ loop assigns i, out[2 .. 2 + TSR_FROST_COMMITMENT_BYTES * k - 1];
      @ loop variant k - i;
      @*/
    for (i = 0; i < k; i++) {
        tsr_frost_commitment_encode(ctx, out + 2 + TSR_FROST_COMMITMENT_BYTES * i, &list[i]);
    }
    *outlen = 2 + TSR_FROST_COMMITMENT_BYTES * k;
    return TSR_OK;
}

int tsr_frost_commitment_list_decode(const tsr_context *ctx, tsr_frost_commitment *list, size_t *k,
                                     const uint8_t *in, size_t inlen, tsr_check *reason) {
    tsr_check why = TSR_CHECK_NONE;
    size_t count, i;
    int ret = TSR_ERR_ENCODING;

    *k = 0;
    if (inlen < 2) {
        why = TSR_CHECK_TRUNCATED;
        goto out;
    }
    count = (size_t)in[0] * 256u + (size_t)in[1];
    if (count == 0 || count > TSR_MAX_PARTIES) {
        why = TSR_CHECK_COUNT;
        goto out;
    }
    if (inlen < 2 + TSR_FROST_COMMITMENT_BYTES * count) {
        why = TSR_CHECK_TRUNCATED;
        goto out;
    }
    if (inlen > 2 + TSR_FROST_COMMITMENT_BYTES * count) {
        why = TSR_CHECK_TRAILING;
        goto out;
    }
    /*@ loop invariant bound: 0 <= i <= count;
      @ loop invariant ret: ret == TSR_OK || i == 0;
      @ loop invariant entries: \forall integer j; 0 <= j < i ==> tsr_frost_entry_ok(list + j);
      @ loop invariant sorted: \forall integer j; 0 < j < i ==> list[j - 1].id < list[j].id;
      @ loop assigns i, ret, why, list[0 .. count - 1];
      @ loop variant count - i;
      @*/
    for (i = 0; i < count; i++) {
        ret = tsr_frost_commitment_decode(ctx, &list[i], in + 2 + TSR_FROST_COMMITMENT_BYTES * i,
                                          TSR_FROST_COMMITMENT_BYTES, &why);
        if (ret != TSR_OK) {
            goto out;
        }
        if (i > 0 && list[i].id == list[i - 1].id) {
            why = TSR_CHECK_ID_DUPLICATE;
            ret = TSR_ERR_ENCODING;
            goto out;
        }
        if (i > 0 && list[i].id < list[i - 1].id) {
            why = TSR_CHECK_ID_ORDER;
            ret = TSR_ERR_ENCODING;
            goto out;
        }
    }
    *k = count;
    ret = TSR_OK;
    why = TSR_CHECK_NONE;
out:
    tsr_set_reason(reason, why);
    return ret;
}

void tsr_frost_sigshare_encode(uint8_t out[TSR_FROST_SIGSHARE_BYTES], const tsr_frost_sigshare *s) {
    tsr_frost_put_be32(out, s->id);
    tsr_scalar_encode(out + 4, &s->z);
}

int tsr_frost_sigshare_decode(tsr_frost_sigshare *s, const uint8_t *in, size_t inlen, tsr_check *reason) {
    tsr_check why = TSR_CHECK_NONE;
    uint32_t id;
    int ret = TSR_ERR_ENCODING;

    s->id = 0;
    tsr_scalar_set_u32(&s->z, 0);
    if (inlen != TSR_FROST_SIGSHARE_BYTES) {
        why = TSR_CHECK_LENGTH;
        goto out;
    }
    id = tsr_frost_get_be32(in);
    if (id == 0) {
        why = TSR_CHECK_ID_ZERO;
        goto out;
    }
    if (id > TSR_MAX_PARTIES) {
        why = TSR_CHECK_SENDER;
        goto out;
    }
    if (tsr_scalar_decode(&s->z, in + 4) != TSR_OK) {
        why = TSR_CHECK_SCALAR_RANGE;
        goto out;
    }
    s->id = id;
    ret = TSR_OK;
out:
    tsr_set_reason(reason, why);
    return ret;
}
