/* Fuzz harness for the BIP 445 draft's byte inputs: pubnonces (NonceAgg) and partial signatures
 * (PartialSigVerifyInternal, PartialSigAgg) of a fixed 2-of-5 group (dealer keys from fixed
 * labels). Input:
 *   u8 u (pubnonce count) || u8 flags (bit 0: one x-only tweak; bits 1-7: honest mask, bit i+1 for
 *   position i) || u pubnonces (66 bytes each) || u8 m || msg (m bytes) || psigs (32 bytes each;
 *   a trailing partial psig is ignored).
 * Signer at position i has draft id i. The harness holds two secret nonces per signer (pool,
 * from fixed labels; fuzz/make_corpus.py derives the same pubnonces); a pubnonce equal to the
 * pool entry of its position's signer has an honest psig (tsr_frost_bip_sign), used instead of
 * the input's psig where the mask says so. Oracles: NonceAgg's verdict, check and culprit
 * from spec/frost-bip445.md §5 (GMP point rules) and the aggregate nonce as an affine sum computed
 * with GMP; a psig verifies iff it equals the honest one; PartialSigAgg's verdict and culprit from
 * §9 and s = sum psig + e g tacc mod n (GMP); psigs that all verify give a signature
 * libsecp256k1 accepts under x(Q) (unless the aggregate nonce was the identity, replaced by G). */
#include <string.h>

#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

#include "fuzz.h"
#include "oracle.h"
#include "tessera/frost.h"
#include "tessera/frost_bip.h"
#include "tessera/hash.h"

#define TSR_FUZZ_T 2
#define TSR_FUZZ_N 5
#define TSR_FUZZ_POOL 2

static tsr_context *tsr_fuzz_ctx;
static tsr_frost_bip_signers tsr_fuzz_signers;          /* ids 0..4, u set per input */
static uint8_t tsr_fuzz_secshare[TSR_FUZZ_N][32];
static tsr_frost_bip_tweak_ctx tsr_fuzz_tweak;
static uint8_t tsr_fuzz_pool_k[TSR_FUZZ_N][TSR_FUZZ_POOL][64];  /* k1 || k2 */
static uint8_t tsr_fuzz_pool_pn[TSR_FUZZ_N][TSR_FUZZ_POOL][66]; /* cbytes(k1 G) || cbytes(k2 G) */
static const uint8_t tsr_fuzz_gx[32] = {
    0x79, 0xbe, 0x66, 0x7e, 0xf9, 0xdc, 0xbb, 0xac, 0x55, 0xa0, 0x62, 0x95, 0xce, 0x87, 0x0b, 0x07,
    0x02, 0x9b, 0xfc, 0xdb, 0x2d, 0xce, 0x28, 0xd9, 0x59, 0xf2, 0x81, 0x5b, 0x16, 0xf8, 0x17, 0x98,
};

/* SHA-256(label || b0 || b1 || b2 || 0) as 32 bytes reduced mod n (make_corpus.py: bip_pool_scalar). */
static void tsr_fuzz_label_scalar(uint8_t out32[32], const char *label, uint8_t b0, uint8_t b1, uint8_t b2) {
    uint8_t buf[64], h[32];
    size_t n = strlen(label);
    tsr_scalar s;
    TSR_FUZZ_ASSERT(n + 4 <= sizeof buf);
    memcpy(buf, label, n);
    buf[n] = b0;
    buf[n + 1] = b1;
    buf[n + 2] = b2;
    buf[n + 3] = 0;
    tsr_sha256(h, buf, n + 4);
    TSR_FUZZ_ASSERT(tsr_scalar_reduce_be(&s, h, 32) == TSR_OK);
    tsr_scalar_encode(out32, &s);
}

static void tsr_fuzz_init(void) {
    static tsr_frost_keypkg pkgs[TSR_FUZZ_N];
    uint8_t rand[64 * TSR_FUZZ_T], tweak[32];
    tsr_point gk;
    size_t i, j;
    tsr_fuzz_ctx = tsr_context_create(NULL);
    TSR_FUZZ_ASSERT(tsr_fuzz_ctx != NULL);
    for (i = 0; i < sizeof rand / 32; i++) {
        uint8_t buf[20] = "TSR-FUZZ-BIP-KEY";
        buf[16] = (uint8_t)i;
        tsr_sha256(rand + 32 * i, buf, 17);
    }
    TSR_FUZZ_ASSERT(tsr_frost_keygen_dealer(tsr_fuzz_ctx, pkgs, &gk, NULL, TSR_SUITE_SECP256K1_SHA256, TSR_FUZZ_T,
                                            TSR_FUZZ_N, NULL, rand, sizeof rand) == TSR_OK);
    memset(&tsr_fuzz_signers, 0, sizeof tsr_fuzz_signers);
    tsr_fuzz_signers.n = TSR_FUZZ_N;
    tsr_fuzz_signers.t = TSR_FUZZ_T;
    TSR_FUZZ_ASSERT(tsr_point_encode(tsr_fuzz_ctx, tsr_fuzz_signers.thresh_pk, &gk) == TSR_OK);
    for (i = 0; i < TSR_FUZZ_N; i++) {
        tsr_fuzz_signers.ids[i] = (uint32_t)i;
        TSR_FUZZ_ASSERT(tsr_point_encode(tsr_fuzz_ctx, tsr_fuzz_signers.pubshares[i], &pkgs[i].verifying_share) == TSR_OK);
        tsr_scalar_encode(tsr_fuzz_secshare[i], &pkgs[i].share);
        for (j = 0; j < TSR_FUZZ_POOL; j++) {
            tsr_scalar k;
            tsr_point r;
            size_t h;
            for (h = 0; h < 2; h++) {
                tsr_fuzz_label_scalar(tsr_fuzz_pool_k[i][j] + 32 * h, "TSR-FUZZ-BIP-NONCE", (uint8_t)i, (uint8_t)j,
                                      (uint8_t)h);
                TSR_FUZZ_ASSERT(tsr_scalar_decode(&k, tsr_fuzz_pool_k[i][j] + 32 * h) == TSR_OK);
                TSR_FUZZ_ASSERT(tsr_point_base_mul(tsr_fuzz_ctx, &r, &k) == TSR_OK);
                TSR_FUZZ_ASSERT(tsr_point_encode(tsr_fuzz_ctx, tsr_fuzz_pool_pn[i][j] + 33 * h, &r) == TSR_OK);
            }
        }
        tsr_frost_keypkg_clear(&pkgs[i]);
    }
    tsr_fuzz_signers.u = TSR_FUZZ_N;
    TSR_FUZZ_ASSERT(tsr_frost_bip_signers_validate(tsr_fuzz_ctx, &tsr_fuzz_signers, NULL) == TSR_OK);
    tsr_sha256(tweak, (const uint8_t *)"TSR-FUZZ-BIP-TWEAK", 18); /* below n with overwhelming odds */
    TSR_FUZZ_ASSERT(tsr_frost_bip_tweak_ctx_init(tsr_fuzz_ctx, &tsr_fuzz_tweak, tsr_fuzz_signers.thresh_pk, NULL) == TSR_OK);
    TSR_FUZZ_ASSERT(tsr_frost_bip_apply_tweak(tsr_fuzz_ctx, &tsr_fuzz_tweak, tweak, 32, 1, NULL) == TSR_OK);
}

/* ---- GMP affine arithmetic on secp256k1 (public values only) ------------------------------ */

typedef struct {
    int inf;
    mpz_t x, y;
} tsr_fuzz_pt;

/* Lifts a valid compressed point (checked by tsr_fo_point33 first). */
static void tsr_fuzz_lift(tsr_fuzz_pt *r, const uint8_t *in33, const mpz_t p) {
    mpz_t e;
    mpz_init(e);
    r->inf = 0;
    mpz_import(r->x, 32, 1, 1, 1, 0, in33 + 1);
    mpz_powm_ui(r->y, r->x, 3, p);
    mpz_add_ui(r->y, r->y, 7);
    mpz_add_ui(e, p, 1);
    mpz_fdiv_q_2exp(e, e, 2);
    mpz_powm(r->y, r->y, e, p); /* p = 3 mod 4: a square root */
    if (mpz_odd_p(r->y) != (in33[0] == 0x03)) {
        mpz_sub(r->y, p, r->y);
    }
    mpz_clear(e);
}

/* a += b (affine, with the identity). */
static void tsr_fuzz_add(tsr_fuzz_pt *a, const tsr_fuzz_pt *b, const mpz_t p) {
    mpz_t lam, t, x3;
    if (b->inf) {
        return;
    }
    if (a->inf) {
        a->inf = 0;
        mpz_set(a->x, b->x);
        mpz_set(a->y, b->y);
        return;
    }
    mpz_inits(lam, t, x3, NULL);
    if (mpz_cmp(a->x, b->x) == 0) {
        mpz_add(t, a->y, b->y);
        mpz_mod(t, t, p);
        if (mpz_sgn(t) == 0) {
            a->inf = 1; /* P + (-P) */
            mpz_clears(lam, t, x3, NULL);
            return;
        }
        mpz_mul(lam, a->x, a->x); /* doubling: 3x^2 / 2y */
        mpz_mul_ui(lam, lam, 3);
        mpz_mul_ui(t, a->y, 2);
    } else {
        mpz_sub(lam, b->y, a->y);
        mpz_sub(t, b->x, a->x);
    }
    mpz_mod(t, t, p);
    TSR_FUZZ_ASSERT(mpz_invert(t, t, p) != 0);
    mpz_mul(lam, lam, t);
    mpz_mod(lam, lam, p);
    mpz_mul(x3, lam, lam);
    mpz_sub(x3, x3, a->x);
    mpz_sub(x3, x3, b->x);
    mpz_mod(x3, x3, p);
    mpz_sub(t, a->x, x3);
    mpz_mul(t, t, lam);
    mpz_sub(t, t, a->y);
    mpz_mod(a->y, t, p);
    mpz_set(a->x, x3);
    mpz_clears(lam, t, x3, NULL);
}

/* cbytes_ext */
static void tsr_fuzz_cbytes_ext(uint8_t out33[33], const tsr_fuzz_pt *a) {
    size_t cnt = 0;
    memset(out33, 0, 33);
    if (a->inf) {
        return;
    }
    out33[0] = (uint8_t)(mpz_odd_p(a->y) ? 0x03 : 0x02);
    if (mpz_sgn(a->x) != 0) { /* x < p: at most 32 bytes */
        mpz_export(out33 + 33 - (mpz_sizeinbase(a->x, 2) + 7) / 8, &cnt, 1, 1, 1, 0, a->x);
    }
}

/* Expected NonceAgg: verdict, check and the failing position (first halves, then second halves);
 * on success agg66 gets cbytes_ext(R1) || cbytes_ext(R2). */
static tsr_check tsr_fuzz_nonce_agg_expect(uint8_t agg66[66], const uint8_t (*pn)[66], size_t u, int *rc, size_t *pos) {
    mpz_t p;
    tsr_fuzz_pt acc, q;
    size_t h, i;
    tsr_check why = TSR_CHECK_NONE;
    *rc = TSR_OK;
    *pos = 0;
    memset(agg66, 0, 66);
    if (u < 1 || u > TSR_MAX_PARTIES) {
        *rc = TSR_ERR_ARG;
        return TSR_CHECK_COUNT;
    }
    for (h = 0; h < 2; h++) {
        for (i = 0; i < u; i++) {
            why = tsr_fo_point33(pn[i] + 33 * h, rc);
            if (why != TSR_CHECK_NONE) {
                *pos = i;
                return why;
            }
        }
    }
    mpz_init(p);
    mpz_import(p, 32, 1, 1, 1, 0, tsr_fo_p);
    mpz_inits(acc.x, acc.y, q.x, q.y, NULL);
    for (h = 0; h < 2; h++) {
        acc.inf = 1;
        for (i = 0; i < u; i++) {
            tsr_fuzz_lift(&q, pn[i] + 33 * h, p);
            tsr_fuzz_add(&acc, &q, p);
        }
        tsr_fuzz_cbytes_ext(agg66 + 33 * h, &acc);
    }
    mpz_clears(p, acc.x, acc.y, q.x, q.y, NULL);
    return TSR_CHECK_NONE;
}

static int tsr_fuzz_blame_is(const tsr_blame *b, uint32_t culprit, tsr_phase phase, uint16_t round, tsr_check check) {
    return b->culprit == culprit && b->phase == (uint16_t)phase && b->round == round && b->check == (uint16_t)check;
}

/* s = sum psig_i + e * g * tacc mod n, g = -1 when y(Q) is odd (spec/frost-bip445.md §9). */
static void tsr_fuzz_expected_s(uint8_t out32[32], const uint8_t (*psigs)[32], size_t u, const tsr_frost_bip_session *s) {
    uint8_t e[32], tacc[32];
    mpz_t n, acc, v, w;
    size_t i, cnt = 0;
    mpz_inits(n, acc, v, w, NULL);
    mpz_import(n, 32, 1, 1, 1, 0, tsr_fo_n);
    for (i = 0; i < u; i++) {
        mpz_import(v, 32, 1, 1, 1, 0, psigs[i]);
        mpz_add(acc, acc, v);
    }
    tsr_scalar_encode(e, &s->e);
    tsr_scalar_encode(tacc, &s->tacc);
    mpz_import(v, 32, 1, 1, 1, 0, e);
    mpz_import(w, 32, 1, 1, 1, 0, tacc);
    mpz_mul(v, v, w);
    if (s->q_odd) {
        mpz_neg(v, v);
    }
    mpz_add(acc, acc, v);
    mpz_mod(acc, acc, n);
    memset(out32, 0, 32);
    if (mpz_sgn(acc) != 0) {
        mpz_export(out32 + 32 - (mpz_sizeinbase(acc, 2) + 7) / 8, &cnt, 1, 1, 1, 0, acc);
    }
    mpz_clears(n, acc, v, w, NULL);
}

int tsr_fuzz_one(const uint8_t *data, size_t len) {
    static uint8_t pn[TSR_MAX_PARTIES][66];
    static uint8_t psigs[TSR_MAX_PARTIES][32];
    static uint32_t ids[TSR_MAX_PARTIES];
    static tsr_frost_bip_signers sg;
    static tsr_frost_bip_session sess;
    uint8_t agg[66], want_agg[66], hp[TSR_FUZZ_N][32], sig[64], want_s[32], xq[32];
    int honest[TSR_FUZZ_N];
    const uint8_t *msg;
    size_t u, m, pos, npsigs, i, j, nok = 0, bad_at;
    uint8_t flags;
    tsr_blame b;
    tsr_check why;
    int rc, want_rc;

    if (tsr_fuzz_ctx == NULL) {
        tsr_fuzz_init();
    }
    if (len < 2) {
        return 0;
    }
    u = data[0];
    flags = data[1];
    if (len - 2 < 66 * u + 1) {
        return 0;
    }
    for (i = 0; i < u; i++) {
        memcpy(pn[i], data + 2 + 66 * i, 66);
    }
    pos = 2 + 66 * u;
    m = data[pos];
    if (len - pos - 1 < m) {
        return 0;
    }
    msg = data + pos + 1;
    pos += 1 + m;
    npsigs = (len - pos) / 32;
    npsigs = npsigs > TSR_MAX_PARTIES ? TSR_MAX_PARTIES : npsigs;
    for (i = 0; i < npsigs; i++) {
        memcpy(psigs[i], data + pos + 32 * i, 32);
    }

    /* NonceAgg, positions as ids (ids NULL) and with explicit ids */
    why = tsr_fuzz_nonce_agg_expect(want_agg, (const uint8_t (*)[66])pn, u, &want_rc, &bad_at);
    memset(agg, 0xa5, sizeof agg);
    memset(&b, 0xa5, sizeof b);
    rc = tsr_frost_bip_nonce_agg(tsr_fuzz_ctx, agg, (const uint8_t (*)[66])pn, NULL, u, &b);
    TSR_FUZZ_ASSERT(rc == want_rc && b.check == (uint16_t)why);
    TSR_FUZZ_ASSERT(memcmp(agg, want_agg, 66) == 0); /* the sum, or zero on failure */
    if (rc != TSR_OK && why != TSR_CHECK_COUNT) {
        TSR_FUZZ_ASSERT(tsr_fuzz_blame_is(&b, (uint32_t)bad_at + 1, TSR_PHASE_SIGN, 1, why));
    }
    for (i = 0; i < u; i++) {
        ids[i] = (uint32_t)(0xfffffffdu - i); /* the largest ids allowed */
    }
    memset(&b, 0xa5, sizeof b);
    TSR_FUZZ_ASSERT(tsr_frost_bip_nonce_agg(tsr_fuzz_ctx, agg, (const uint8_t (*)[66])pn, ids, u, &b) == rc);
    TSR_FUZZ_ASSERT(memcmp(agg, want_agg, 66) == 0 && b.check == (uint16_t)why);
    if (rc != TSR_OK && why != TSR_CHECK_COUNT) {
        TSR_FUZZ_ASSERT(b.culprit == ids[bad_at] + 1);
    }
    if (rc != TSR_OK || u < TSR_FUZZ_T || u > TSR_FUZZ_N) {
        return 0;
    }

    /* the session of signers 0..u-1 */
    sg = tsr_fuzz_signers;
    sg.u = u;
    memset(&b, 0, sizeof b);
    rc = tsr_frost_bip_session_init(tsr_fuzz_ctx, &sess, &sg, (flags & 1) ? &tsr_fuzz_tweak : NULL, agg, msg, m, &b);
    TSR_FUZZ_ASSERT(rc == TSR_OK);

    /* honest psigs for pool pubnonces; each psig verified */
    for (i = 0; i < u; i++) {
        honest[i] = 0;
        for (j = 0; j < TSR_FUZZ_POOL && !honest[i]; j++) {
            if (memcmp(pn[i], tsr_fuzz_pool_pn[i][j], 66) == 0) {
                tsr_frost_bip_secnonce sn;
                tsr_frost_bip_secnonce_import(&sn, tsr_fuzz_pool_k[i][j]);
                rc = tsr_frost_bip_sign(tsr_fuzz_ctx, hp[i], &sn, tsr_fuzz_secshare[i], (uint32_t)i, &sess, &b);
                TSR_FUZZ_ASSERT(rc == TSR_OK && sn.magic == 0);
                honest[i] = 1;
            }
        }
        if (honest[i] && i < npsigs && ((flags >> (i + 1)) & 1)) {
            memcpy(psigs[i], hp[i], 32);
        }
    }
    for (i = 0; i < u && i < npsigs; i++) {
        memset(&b, 0xa5, sizeof b);
        rc = tsr_frost_bip_partial_sig_verify_internal(tsr_fuzz_ctx, psigs[i], (uint32_t)i, pn[i], sg.pubshares[i],
                                                       &sess, &b);
        TSR_FUZZ_ASSERT(rc == TSR_OK || rc == TSR_ERR_VERIFY);
        if (!tsr_fo_scalar_ok(psigs[i])) {
            TSR_FUZZ_ASSERT(rc == TSR_ERR_VERIFY &&
                            tsr_fuzz_blame_is(&b, (uint32_t)i + 1, TSR_PHASE_AGGREGATE, 2, TSR_CHECK_SCALAR_RANGE));
            continue;
        }
        if (honest[i]) {
            TSR_FUZZ_ASSERT((rc == TSR_OK) == (memcmp(psigs[i], hp[i], 32) == 0)); /* s is unique */
        }
        nok += rc == TSR_OK;
        if (rc != TSR_OK) {
            TSR_FUZZ_ASSERT(tsr_fuzz_blame_is(&b, (uint32_t)i + 1, TSR_PHASE_AGGREGATE, 2, TSR_CHECK_SIGNATURE_SHARE));
        }
    }

#ifdef TSR_FUZZ_TRACE
    for (i = 0, j = 0; i < u; i++) {
        j += (size_t)honest[i];
    }
    fprintf(stderr, "u %zu pool nonces %zu psigs %zu verified %zu r=G %d\n", u, j, npsigs, nok,
            memcmp(sess.r_x, tsr_fuzz_gx, 32) == 0);
#endif
    /* PartialSigAgg */
    memset(sig, 0xa5, sizeof sig);
    memset(&b, 0xa5, sizeof b);
    rc = tsr_frost_bip_partial_sig_agg(tsr_fuzz_ctx, sig, (const uint8_t (*)[32])psigs, npsigs, &sess, &b);
    if (npsigs != u) {
        TSR_FUZZ_ASSERT(rc == TSR_ERR_ARG && b.check == TSR_CHECK_COUNT && tsr_fo_all_zero(sig, 64));
        return 0;
    }
    for (i = 0; i < u && tsr_fo_scalar_ok(psigs[i]); i++) {
    }
    if (i < u) {
        TSR_FUZZ_ASSERT(rc == TSR_ERR_RANGE && tsr_fo_all_zero(sig, 64));
        TSR_FUZZ_ASSERT(tsr_fuzz_blame_is(&b, (uint32_t)i + 1, TSR_PHASE_AGGREGATE, 2, TSR_CHECK_SCALAR_RANGE));
        return 0;
    }
    TSR_FUZZ_ASSERT(rc == TSR_OK);
    tsr_fuzz_expected_s(want_s, (const uint8_t (*)[32])psigs, u, &sess);
    TSR_FUZZ_ASSERT(memcmp(sig, sess.r_x, 32) == 0 && memcmp(sig + 32, want_s, 32) == 0);
    if (nok == u && memcmp(sess.r_x, tsr_fuzz_gx, 32) != 0) {
        /* every psig verified (and the aggregate nonce was not the identity, replaced by G): a
         * BIP340 signature under x(Q), for Tessera and for libsecp256k1 */
        secp256k1_xonly_pubkey xpk;
        if (flags & 1) {
            TSR_FUZZ_ASSERT(tsr_frost_bip_get_xonly_pk(tsr_fuzz_ctx, xq, &tsr_fuzz_tweak) == TSR_OK);
        } else {
            memcpy(xq, sg.thresh_pk + 1, 32);
        }
        TSR_FUZZ_ASSERT(memcmp(xq, sess.q_x, 32) == 0);
        TSR_FUZZ_ASSERT(tsr_frost_bip_verify(tsr_fuzz_ctx, sig, msg, m, xq) == TSR_OK);
        TSR_FUZZ_ASSERT(secp256k1_xonly_pubkey_parse(secp256k1_context_static, &xpk, xq) == 1);
        TSR_FUZZ_ASSERT(secp256k1_schnorrsig_verify(secp256k1_context_static, sig, msg, m, &xpk) == 1);
    }
    return 0;
}
