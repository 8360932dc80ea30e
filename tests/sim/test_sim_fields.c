/* Tests of the simulator's message walkers, mutators, target names and name tables (sim/sim_fields.c),
 * on real messages from the ref/ encoders: unit, property (random payloads) and negative tests. */
#include <stdlib.h>
#include <string.h>

#include "tessera/tessera.h"
#include "tsr_test.h"
#include "sim.h"

static tsr_context *ctx;

/* ---- fixtures: one real message of every type, per suite --------------------------------------- */

#define FX_T 3 /* DKG threshold (and parties) */
#define FX_MSG "tessera sim fields"

typedef struct {
    uint8_t suite;
    /* DKG (3-of-3), as party 1 sent them */
    tsr_dkg_round1_msg *r1;          /* [3] */
    uint8_t round1[2 + 33 * FX_T + 65], round1b[2 + 33 * FX_T + 65]; /* party 1's and party 2's */
    size_t round1_len, round1b_len;
    tsr_dkg_round2_bcast eq;
    uint8_t eqb[32];
    tsr_dkg_round2_p2p share;        /* party 1 -> party 2 */
    uint8_t shareb[TSR_DKG_ROUND2_P2P_BYTES];
    tsr_dkg_round3_msg *r3;          /* party 1's (no complaint) */
    uint8_t round3[2 + 64];
    size_t round3_len;
    tsr_dkg_round3_msg *r3c;         /* built: BAD_SHARE against 2, NO_SHARE against 3 */
    uint8_t round3c[2 + 101 + 5];
    size_t round3c_len;
    tsr_dkg_round4_msg *r4;          /* built: openings for accusers 2 and 3 */
    uint8_t round4[2 + 36 * 2];
    size_t round4_len;
    /* FROST (2-of-3 dealer keys, signers 1 and 2) */
    tsr_point group_key;
    tsr_frost_commitment list[2];
    uint8_t commit[TSR_FROST_COMMITMENT_BYTES];
    uint8_t listb[2 + 2 * TSR_FROST_COMMITMENT_BYTES];
    uint8_t request[4 + sizeof FX_MSG - 1 + 2 + 2 * TSR_FROST_COMMITMENT_BYTES];
    size_t request_len;
    uint8_t request2[4 + sizeof FX_MSG - 1 + 4 + 2 + 2 * TSR_FROST_COMMITMENT_BYTES]; /* with u32 list length */
    size_t request2_len;
    tsr_frost_sigshare ss;
    uint8_t sigshare[TSR_FROST_SIGSHARE_BYTES];
    uint8_t sig[TSR_FROST_SIG_MAX_BYTES];
    size_t siglen;
} fx;

static void put32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static uint32_t get32(const uint8_t *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

static uint32_t get16(const uint8_t *p) {
    return ((uint32_t)p[0] << 8) | (uint32_t)p[1];
}

static void fx_dkg(fx *x) {
    tsr_dkg_state *st = calloc(FX_T, sizeof *st);
    tsr_dkg_round2_bcast *r2b = calloc(FX_T, sizeof *r2b);
    tsr_dkg_round2_p2p *r2p = calloc(FX_T * FX_T, sizeof *r2p), in2[FX_T];
    tsr_blame bl[FX_T + 2];
    uint8_t session[32], rnd[64 * FX_T + 64];
    size_t i, j, m, nbl = 0;
    if (st == NULL || r2b == NULL || r2p == NULL) {
        abort();
    }
    tsr_test_randbytes(session, sizeof session);
    for (i = 0; i < FX_T; i++) {
        tsr_test_randbytes(rnd, sizeof rnd);
        CHECK(tsr_dkg_init(ctx, &st[i], x->suite, session, (uint32_t)(i + 1), FX_T, FX_T, NULL, rnd, sizeof rnd) ==
              TSR_OK);
        CHECK(tsr_dkg_round1(ctx, &st[i], &x->r1[i]) == TSR_OK);
    }
    for (i = 0; i < FX_T; i++) {
        CHECK(tsr_dkg_round2(ctx, &st[i], &r2b[i], r2p + i * FX_T, bl, FX_T + 2, &nbl, x->r1, FX_T) == TSR_OK &&
              nbl == 0);
    }
    for (i = 0; i < FX_T; i++) {
        for (j = 0, m = 0; j < FX_T; j++) {
            if (j != i) {
                in2[m++] = r2p[j * FX_T + i];
            }
        }
        if (i == 0) {
            CHECK(tsr_dkg_round3(ctx, &st[i], x->r3, bl, FX_T + 2, &nbl, r2b, FX_T, in2, m) == TSR_OK && nbl == 0);
        }
    }
    CHECK(tsr_dkg_round1_encode(ctx, x->round1, sizeof x->round1, &x->round1_len, x->suite, &x->r1[0]) == TSR_OK);
    CHECK(tsr_dkg_round1_encode(ctx, x->round1b, sizeof x->round1b, &x->round1b_len, x->suite, &x->r1[1]) == TSR_OK);
    x->eq = r2b[0];
    CHECK(tsr_dkg_round2_bcast_encode(x->eqb, &x->eq) == TSR_OK);
    x->share = r2p[0 * FX_T + 1];
    CHECK(tsr_dkg_round2_p2p_encode(x->shareb, &x->share) == TSR_OK);
    CHECK(tsr_dkg_round3_encode(x->round3, sizeof x->round3, &x->round3_len, x->r3) == TSR_OK);
    CHECK(x->round3_len == 66);

    /* a round-3 message with complaints, and a round-4 message with openings */
    memset(x->r3c, 0, sizeof *x->r3c);
    x->r3c->sender = 1;
    x->r3c->naccused = 2;
    x->r3c->accused[0] = 2;
    x->r3c->kind[0] = TSR_DKG_COMPLAINT_BAD_SHARE;
    x->r3c->share[0] = x->share.share;
    memcpy(x->r3c->sig[0], x->share.sig, 64);
    x->r3c->accused[1] = 3;
    x->r3c->kind[1] = TSR_DKG_COMPLAINT_NO_SHARE;
    CHECK(tsr_dkg_round3_encode(x->round3c, sizeof x->round3c, &x->round3c_len, x->r3c) == TSR_OK);
    CHECK(x->round3c_len == 2 + 101 + 5);
    memset(x->r4, 0, sizeof *x->r4);
    x->r4->sender = 1;
    x->r4->nopen = 2;
    x->r4->accuser[0] = 2;
    x->r4->share[0] = r2p[0 * FX_T + 1].share;
    x->r4->accuser[1] = 3;
    x->r4->share[1] = r2p[0 * FX_T + 2].share;
    CHECK(tsr_dkg_round4_encode(x->round4, sizeof x->round4, &x->round4_len, x->r4) == TSR_OK);
    CHECK(x->round4_len == 2 + 72);
    for (i = 0; i < FX_T; i++) {
        tsr_dkg_state_clear(&st[i]);
    }
    free(st);
    free(r2b);
    free(r2p);
}

static void fx_frost(fx *x) {
    tsr_frost_keypkg pkgs[3];
    tsr_frost_nonce nonce[2];
    tsr_frost_sigshare shares[2];
    tsr_point vshares[2];
    tsr_blame blame, culprits[2];
    uint8_t rand[64 * 2], r64[64];
    const uint8_t *msg = (const uint8_t *)FX_MSG;
    size_t msglen = sizeof FX_MSG - 1, len, nc = 0, j;

    tsr_test_randbytes(rand, sizeof rand);
    CHECK(tsr_frost_keygen_dealer(ctx, pkgs, &x->group_key, NULL, x->suite, 2, 3, NULL, rand, sizeof rand) == TSR_OK);
    for (j = 0; j < 2; j++) {
        tsr_test_randbytes(r64, sizeof r64);
        CHECK(tsr_frost_commit(ctx, &nonce[j], &x->list[j], &pkgs[j], r64) == TSR_OK);
        vshares[j] = pkgs[j].verifying_share;
    }
    tsr_frost_commitment_encode(ctx, x->commit, &x->list[0]);
    CHECK(tsr_frost_commitment_list_encode(ctx, x->listb, sizeof x->listb, &len, x->list, 2) == TSR_OK &&
          len == sizeof x->listb);
    put32(x->request, (uint32_t)msglen);
    memcpy(x->request + 4, msg, msglen);
    memcpy(x->request + 4 + msglen, x->listb, sizeof x->listb);
    x->request_len = 4 + msglen + sizeof x->listb;
    put32(x->request2, (uint32_t)msglen);
    memcpy(x->request2 + 4, msg, msglen);
    put32(x->request2 + 4 + msglen, (uint32_t)sizeof x->listb);
    memcpy(x->request2 + 8 + msglen, x->listb, sizeof x->listb);
    x->request2_len = 8 + msglen + sizeof x->listb;
    for (j = 0; j < 2; j++) {
        CHECK(tsr_frost_sign(ctx, &shares[j], &nonce[j], &pkgs[j], x->list, 2, msg, msglen, &blame) == TSR_OK);
    }
    x->ss = shares[0];
    tsr_frost_sigshare_encode(x->sigshare, &x->ss);
    CHECK(tsr_frost_aggregate(ctx, x->sig, &x->siglen, culprits, 2, &nc, x->suite, x->list, shares, vshares, 2,
                              &x->group_key, msg, msglen) == TSR_OK);
    CHECK(x->siglen == tsr_frost_sig_len(x->suite));
    for (j = 0; j < 3; j++) {
        tsr_frost_keypkg_clear(&pkgs[j]);
    }
}

static fx *fx_new(uint8_t suite) {
    fx *x = calloc(1, sizeof *x);
    if (x == NULL) {
        abort();
    }
    x->suite = suite;
    x->r1 = calloc(FX_T, sizeof *x->r1);
    x->r3 = calloc(1, sizeof *x->r3);
    x->r3c = calloc(1, sizeof *x->r3c);
    x->r4 = calloc(1, sizeof *x->r4);
    if (x->r1 == NULL || x->r3 == NULL || x->r3c == NULL || x->r4 == NULL) {
        abort();
    }
    fx_dkg(x);
    fx_frost(x);
    return x;
}

static void fx_free(fx *x) {
    tsr_memzero(&x->share, sizeof x->share);
    tsr_memzero(x->shareb, sizeof x->shareb);
    free(x->r1);
    free(x->r3);
    free(x->r3c);
    free(x->r4);
    free(x);
}

/* ---- helpers ------------------------------------------------------------------------------------ */

static tsr_sim_field fbuf[4096];

/* The field `name` of a payload, or NULL. */
static const tsr_sim_field *field_of(uint16_t type, uint8_t suite, const uint8_t *p, size_t len, const char *name) {
    size_t n = tsr_sim_fields(fbuf, sizeof fbuf / sizeof fbuf[0], type, suite, p, len), i;
    for (i = 0; i < n; i++) {
        if (strcmp(fbuf[i].name, name) == 0) {
            return &fbuf[i];
        }
    }
    return NULL;
}

static char errbuf[512];
static uint8_t *mout;
static size_t moutlen;

/* Mutates field `name` of a payload: the result in mout/moutlen (freed by the next call).
 * Returns tsr_sim_mutate's result (-2 if the field is not there). */
static int mut_full(uint16_t type, uint8_t suite, const uint8_t *p, size_t len, const char *name, int mutator, long k,
                    const uint8_t *hex, size_t hexlen, const uint8_t *other, size_t otherlen, uint64_t seed) {
    static tsr_sim_behaviour b;
    tsr_sim_rng rng;
    const tsr_sim_field *f;
    tsr_sim_field fc;
    int rc;
    free(mout);
    mout = NULL;
    moutlen = 0;
    errbuf[0] = 0;
    f = field_of(type, suite, p, len, name);
    if (f == NULL) {
        return -2;
    }
    fc = *f;
    memset(&b, 0, sizeof b);
    b.mutator = mutator;
    b.k = k;
    b.party = 2;
    if (hexlen > 0) {
        memcpy(b.hex, hex, hexlen);
    }
    b.hexlen = hexlen;
    tsr_sim_rng_init_seed(&rng, seed);
    rc = tsr_sim_mutate(&mout, &moutlen, &fc, &b, type, suite, p, len, other, otherlen, &rng, errbuf, sizeof errbuf);
    CHECK_MSG(rc == 0 || (mout == NULL && moutlen == 0 && errbuf[0] != 0), "failed mutation left output or no reason");
    return rc;
}

static int mut(uint16_t type, uint8_t suite, const uint8_t *p, size_t len, const char *name, int mutator, long k) {
    return mut_full(type, suite, p, len, name, mutator, k, NULL, 0, NULL, 0, 1);
}

static int mut_hex(uint16_t type, uint8_t suite, const uint8_t *p, size_t len, const char *name, const char *hex) {
    uint8_t h[64];
    size_t n = tsr_test_unhex(h, sizeof h, hex);
    CHECK(n != (size_t)-1);
    return mut_full(type, suite, p, len, name, TSR_SIM_M_SET, 0, h, n, NULL, 0, 1);
}

static size_t popcount_diff(const uint8_t *a, const uint8_t *b, size_t n) {
    size_t i, c = 0;
    for (i = 0; i < n; i++) {
        unsigned v = (unsigned)(a[i] ^ b[i]);
        while (v) {
            c += v & 1u;
            v >>= 1;
        }
    }
    return c;
}

/* Decoder checks of mout for each message type. */
static tsr_check dec_round1(uint8_t suite, size_t *t) {
    static tsr_dkg_round1_msg m;
    tsr_check r = TSR_CHECK_NONE;
    int rc = tsr_dkg_round1_decode(ctx, &m, suite, 1, mout, moutlen, &r);
    if (t != NULL) {
        *t = rc == TSR_OK ? m.commitment.t : 0;
    }
    CHECK((rc == TSR_OK) == (r == TSR_CHECK_NONE));
    return r;
}

static tsr_check dec_round3(size_t *k) {
    static tsr_dkg_round3_msg m;
    tsr_check r = TSR_CHECK_NONE;
    int rc = tsr_dkg_round3_decode(&m, 1, mout, moutlen, &r);
    if (k != NULL) {
        *k = rc == TSR_OK ? m.naccused : 999;
    }
    return r;
}

static tsr_check dec_round4(size_t *k) {
    static tsr_dkg_round4_msg m;
    tsr_check r = TSR_CHECK_NONE;
    int rc = tsr_dkg_round4_decode(&m, 1, mout, moutlen, &r);
    if (k != NULL) {
        *k = rc == TSR_OK ? m.nopen : 999;
    }
    return r;
}

static tsr_check dec_p2p(void) {
    tsr_dkg_round2_p2p m;
    tsr_check r = TSR_CHECK_NONE;
    (void)tsr_dkg_round2_p2p_decode(&m, 1, mout, moutlen, &r);
    tsr_memzero(&m, sizeof m);
    return r;
}

static tsr_check dec_commit(void) {
    tsr_frost_commitment c;
    tsr_check r = TSR_CHECK_NONE;
    (void)tsr_frost_commitment_decode(ctx, &c, mout, moutlen, &r);
    return r;
}

/* The list inside a request (mout): u32 msglen || msg || list. */
static tsr_check dec_request_list(size_t *k) {
    static tsr_frost_commitment list[TSR_MAX_PARTIES];
    tsr_check r = TSR_CHECK_NONE;
    size_t ml;
    *k = 0;
    if (moutlen < 4 || (ml = get32(mout)) > moutlen - 4) {
        return TSR_CHECK_LENGTH;
    }
    (void)tsr_frost_commitment_list_decode(ctx, list, k, mout + 4 + ml, moutlen - 4 - ml, &r);
    return r;
}

static tsr_check dec_sigshare(void) {
    tsr_frost_sigshare s;
    tsr_check r = TSR_CHECK_NONE;
    (void)tsr_frost_sigshare_decode(&s, mout, moutlen, &r);
    return r;
}

/* ---- walkers: every field's bytes are what the encoder put there ------------------------------- */

static int field_is(const tsr_sim_field *f, const char *name, int kind, size_t off, size_t len) {
    return strcmp(f->name, name) == 0 && f->kind == kind && f->off == off && f->len == len;
}

static void test_walk_dkg(const fx *x) {
    tsr_sim_field f[32];
    uint8_t b[33];
    size_t n, i;
    int tr = x->suite == TSR_SUITE_SECP256K1_TR;
    size_t rl = tr ? 32 : 33, pok = 2 + 33 * FX_T;

    /* round 1: commitment, its count, 3 points, R, mu */
    n = tsr_sim_fields(f, 32, TSR_MSG_DKG_ROUND1, x->suite, x->round1, x->round1_len);
    CHECK(n == 8);
    CHECK(x->round1_len == pok + rl + 32);
    CHECK(field_is(&f[n - 1], "payload", TSR_SIM_K_BYTES, 0, x->round1_len) && f[n - 1].identifiable == 0);
    CHECK(field_is(&f[0], "commitment", TSR_SIM_K_VECTOR, 0, pok) && f[0].elem_len == 33 && f[0].count_off == 0);
    CHECK(field_is(&f[1], "commitment.count", TSR_SIM_K_COUNT, 0, 2) && get16(x->round1) == FX_T);
    for (i = 0; i < FX_T; i++) {
        char name[32];
        snprintf(name, sizeof name, "commitment[%zu]", i);
        CHECK(field_is(&f[2 + i], name, TSR_SIM_K_POINT, 2 + 33 * i, 33));
        CHECK(tsr_point_encode(ctx, b, &x->r1[0].commitment.c[i]) == TSR_OK);
        CHECK(memcmp(x->round1 + f[2 + i].off, b, 33) == 0);
        CHECK(f[2 + i].identifiable == (i == 0)); /* C_0 only: bound by the PoK */
    }
    CHECK(field_is(&f[5], "pok_r", tr ? TSR_SIM_K_XONLY : TSR_SIM_K_POINT, pok, rl));
    if (tr) {
        CHECK(tsr_point_encode_xonly(ctx, b, NULL, &x->r1[0].pok_r) == TSR_OK);
    } else {
        CHECK(tsr_point_encode(ctx, b, &x->r1[0].pok_r) == TSR_OK);
    }
    CHECK(memcmp(x->round1 + f[5].off, b, rl) == 0);
    CHECK(field_is(&f[6], "pok_mu", TSR_SIM_K_SCALAR, pok + rl, 32));
    tsr_scalar_encode(b, &x->r1[0].pok_mu);
    CHECK(memcmp(x->round1 + f[6].off, b, 32) == 0);
    CHECK(!f[0].identifiable && f[1].identifiable && f[5].identifiable && f[6].identifiable);

    /* a smaller cap: the first fields */
    CHECK(tsr_sim_fields(f, 2, TSR_MSG_DKG_ROUND1, x->suite, x->round1, x->round1_len) == 2);
    CHECK(strcmp(f[1].name, "commitment.count") == 0);
    CHECK(tsr_sim_fields(NULL, 0, TSR_MSG_DKG_ROUND1, x->suite, x->round1, x->round1_len) == 0);

    /* round 2 */
    n = tsr_sim_fields(f, 32, TSR_MSG_DKG_ROUND2_EQ, x->suite, x->eqb, 32);
    CHECK(n == 2 && field_is(&f[0], "eq_hash", TSR_SIM_K_HASH, 0, 32) && f[0].identifiable == 0);
    CHECK(memcmp(x->eqb, x->eq.eq_hash, 32) == 0);
    n = tsr_sim_fields(f, 32, TSR_MSG_DKG_ROUND2_SHARE, x->suite, x->shareb, sizeof x->shareb);
    CHECK(n == 4);
    CHECK(field_is(&f[0], "recipient", TSR_SIM_K_ID, 0, 4) && get32(x->shareb) == 2);
    CHECK(field_is(&f[1], "share", TSR_SIM_K_SCALAR, 4, 32));
    tsr_scalar_encode(b, &x->share.share);
    CHECK(memcmp(x->shareb + 4, b, 32) == 0);
    tsr_memzero(b, sizeof b);
    CHECK(field_is(&f[2], "sig", TSR_SIM_K_SIG, 36, 64) && memcmp(x->shareb + 36, x->share.sig, 64) == 0);
    CHECK(f[0].identifiable == 0 && f[1].identifiable == 0 && f[2].identifiable == 0);

    /* round 3 without complaints: empty vector, its count, the certificate signature */
    n = tsr_sim_fields(f, 32, TSR_MSG_DKG_ROUND3, x->suite, x->round3, x->round3_len);
    CHECK(n == 4);
    CHECK(field_is(&f[0], "complaints", TSR_SIM_K_VECTOR, 0, 2) && f[0].elem_len == 0 && f[0].count_off == 0);
    CHECK(field_is(&f[1], "complaints.count", TSR_SIM_K_COUNT, 0, 2));
    CHECK(field_is(&f[2], "cert_sig", TSR_SIM_K_SIG, 2, 64) && memcmp(x->round3 + 2, x->r3->cert_sig, 64) == 0);
    CHECK(f[2].identifiable == 1);

    /* round 3 with a BAD_SHARE and a NO_SHARE complaint */
    n = tsr_sim_fields(f, 32, TSR_MSG_DKG_ROUND3, x->suite, x->round3c, x->round3c_len);
    CHECK(n == 9);
    CHECK(field_is(&f[0], "complaints", TSR_SIM_K_VECTOR, 0, x->round3c_len));
    CHECK(field_is(&f[2], "complaints[0].accused", TSR_SIM_K_ID, 2, 4) && get32(x->round3c + 2) == 2);
    CHECK(field_is(&f[3], "complaints[0].kind", TSR_SIM_K_U8, 6, 1) && x->round3c[6] == TSR_DKG_COMPLAINT_BAD_SHARE);
    CHECK(field_is(&f[4], "complaints[0].share", TSR_SIM_K_SCALAR, 7, 32));
    tsr_scalar_encode(b, &x->r3c->share[0]);
    CHECK(memcmp(x->round3c + 7, b, 32) == 0);
    CHECK(field_is(&f[5], "complaints[0].sig", TSR_SIM_K_SIG, 39, 64));
    CHECK(memcmp(x->round3c + 39, x->r3c->sig[0], 64) == 0);
    CHECK(field_is(&f[6], "complaints[1].accused", TSR_SIM_K_ID, 103, 4) && get32(x->round3c + 103) == 3);
    CHECK(field_is(&f[7], "complaints[1].kind", TSR_SIM_K_U8, 107, 1) && x->round3c[107] == TSR_DKG_COMPLAINT_NO_SHARE);
    CHECK(f[0].identifiable == 0 && f[1].identifiable == 1 && f[2].identifiable == 0 && f[3].identifiable == 1);
    CHECK(f[4].identifiable == 1 && f[5].identifiable == 1 && f[6].identifiable == 0);

    /* round 4 */
    n = tsr_sim_fields(f, 32, TSR_MSG_DKG_ROUND4, x->suite, x->round4, x->round4_len);
    CHECK(n == 7);
    CHECK(field_is(&f[0], "openings", TSR_SIM_K_VECTOR, 0, 74) && f[0].elem_len == 36);
    CHECK(field_is(&f[1], "openings.count", TSR_SIM_K_COUNT, 0, 2) && get16(x->round4) == 2);
    CHECK(field_is(&f[2], "openings[0].accuser", TSR_SIM_K_ID, 2, 4) && get32(x->round4 + 2) == 2);
    CHECK(field_is(&f[3], "openings[0].share", TSR_SIM_K_SCALAR, 6, 32));
    tsr_scalar_encode(b, &x->r4->share[0]);
    CHECK(memcmp(x->round4 + 6, b, 32) == 0);
    CHECK(field_is(&f[4], "openings[1].accuser", TSR_SIM_K_ID, 38, 4) && get32(x->round4 + 38) == 3);
    CHECK(field_is(&f[5], "openings[1].share", TSR_SIM_K_SCALAR, 42, 32));
    tsr_scalar_encode(b, &x->r4->share[1]);
    CHECK(memcmp(x->round4 + 42, b, 32) == 0);
    tsr_memzero(b, sizeof b);
    for (i = 0; i < n; i++) {
        CHECK(f[i].identifiable == 0);
    }
}

static void test_walk_frost(const fx *x) {
    tsr_sim_field f[32];
    uint8_t b[33];
    size_t n, i, ml = sizeof FX_MSG - 1;

    n = tsr_sim_fields(f, 32, TSR_MSG_FROST_COMMITMENT, x->suite, x->commit, sizeof x->commit);
    CHECK(n == 4);
    CHECK(field_is(&f[0], "id", TSR_SIM_K_ID, 0, 4) && get32(x->commit) == 1 && f[0].identifiable == 1);
    CHECK(field_is(&f[1], "hiding", TSR_SIM_K_POINT, 4, 33) && f[1].identifiable == 0);
    CHECK(tsr_point_encode(ctx, b, &x->list[0].hiding) == TSR_OK && memcmp(x->commit + 4, b, 33) == 0);
    CHECK(field_is(&f[2], "binding", TSR_SIM_K_POINT, 37, 33));
    CHECK(tsr_point_encode(ctx, b, &x->list[0].binding) == TSR_OK && memcmp(x->commit + 37, b, 33) == 0);

    n = tsr_sim_fields(f, 32, TSR_MSG_FROST_REQUEST, x->suite, x->request, x->request_len);
    CHECK(n == 11);
    CHECK(field_is(&f[0], "msglen", TSR_SIM_K_U32, 0, 4) && get32(x->request) == ml);
    CHECK(field_is(&f[1], "msg", TSR_SIM_K_BYTES, 4, ml) && memcmp(x->request + 4, FX_MSG, ml) == 0);
    CHECK(field_is(&f[2], "list", TSR_SIM_K_VECTOR, 4 + ml, sizeof x->listb) && f[2].elem_len == 70 &&
          f[2].count_off == 4 + ml);
    CHECK(memcmp(x->request + f[2].off, x->listb, sizeof x->listb) == 0);
    CHECK(field_is(&f[3], "list.count", TSR_SIM_K_COUNT, 4 + ml, 2));
    for (i = 0; i < 2; i++) {
        size_t eo = 4 + ml + 2 + 70 * i;
        char name[32];
        snprintf(name, sizeof name, "list[%zu].id", i);
        CHECK(field_is(&f[4 + 3 * i], name, TSR_SIM_K_ID, eo, 4) && get32(x->request + eo) == x->list[i].id);
        snprintf(name, sizeof name, "list[%zu].hiding", i);
        CHECK(field_is(&f[5 + 3 * i], name, TSR_SIM_K_POINT, eo + 4, 33));
        CHECK(tsr_point_encode(ctx, b, &x->list[i].hiding) == TSR_OK && memcmp(x->request + eo + 4, b, 33) == 0);
        snprintf(name, sizeof name, "list[%zu].binding", i);
        CHECK(field_is(&f[6 + 3 * i], name, TSR_SIM_K_POINT, eo + 37, 33));
        CHECK(tsr_point_encode(ctx, b, &x->list[i].binding) == TSR_OK && memcmp(x->request + eo + 37, b, 33) == 0);
    }
    for (i = 0; i < n; i++) {
        CHECK(f[i].identifiable == 0);
    }
    /* the two-field form (a u32 list length in front of the list) walks to the same list */
    n = tsr_sim_fields(f, 32, TSR_MSG_FROST_REQUEST, x->suite, x->request2, x->request2_len);
    CHECK(n == 11 && field_is(&f[2], "list", TSR_SIM_K_VECTOR, 8 + ml, sizeof x->listb));

    n = tsr_sim_fields(f, 32, TSR_MSG_FROST_SIGSHARE, x->suite, x->sigshare, sizeof x->sigshare);
    CHECK(n == 3 && field_is(&f[0], "id", TSR_SIM_K_ID, 0, 4) && get32(x->sigshare) == 1);
    CHECK(field_is(&f[1], "z", TSR_SIM_K_SCALAR, 4, 32) && f[0].identifiable == 1 && f[1].identifiable == 1);
    tsr_scalar_encode(b, &x->ss.z);
    CHECK(memcmp(x->sigshare + 4, b, 32) == 0);

    n = tsr_sim_fields(f, 32, TSR_MSG_FROST_SIGNATURE, x->suite, x->sig, x->siglen);
    CHECK(n == 2 && field_is(&f[0], "sig", TSR_SIM_K_SIG, 0, x->siglen) && f[0].identifiable == 0);
    CHECK(tsr_frost_verify(ctx, x->suite, x->sig, x->siglen, &x->group_key, (const uint8_t *)FX_MSG, ml) == TSR_OK);

    /* an unknown type has no field; names */
    CHECK(tsr_sim_fields(f, 32, 0x0999, x->suite, x->sig, x->siglen) == 0);
    CHECK(strcmp(tsr_sim_msg_name(TSR_MSG_DKG_ROUND1), "dkg.round1") == 0);
    CHECK(strcmp(tsr_sim_msg_name(TSR_MSG_DKG_ROUND2_EQ), "dkg.round2.eq") == 0);
    CHECK(strcmp(tsr_sim_msg_name(TSR_MSG_DKG_ROUND2_SHARE), "dkg.round2.share") == 0);
    CHECK(strcmp(tsr_sim_msg_name(TSR_MSG_DKG_ROUND3), "dkg.round3") == 0);
    CHECK(strcmp(tsr_sim_msg_name(TSR_MSG_DKG_ROUND4), "dkg.round4") == 0);
    CHECK(strcmp(tsr_sim_msg_name(TSR_MSG_FROST_COMMITMENT), "frost.commit") == 0);
    CHECK(strcmp(tsr_sim_msg_name(TSR_MSG_FROST_REQUEST), "frost.request") == 0);
    CHECK(strcmp(tsr_sim_msg_name(TSR_MSG_FROST_SIGSHARE), "frost.sigshare") == 0);
    CHECK(strcmp(tsr_sim_msg_name(TSR_MSG_FROST_SIGNATURE), "frost.signature") == 0);
    CHECK(strcmp(tsr_sim_msg_name(0x0999), "unknown") == 0);
}

/* ---- mutators on DKG messages, judged by the ref decoders ------------------------------------ */

static void test_mut_round1(const fx *x) {
    uint8_t s = x->suite;
    const uint8_t *p = x->round1;
    size_t len = x->round1_len, t = 0, pok = 2 + 33 * FX_T, rl = s == TSR_SUITE_SECP256K1_TR ? 32 : 33;
    const uint16_t T = TSR_MSG_DKG_ROUND1;
    uint8_t b[33];

    /* the untouched message decodes */
    free(mout);
    mout = malloc(len);
    memcpy(mout, p, len);
    moutlen = len;
    CHECK(dec_round1(s, &t) == TSR_CHECK_NONE && t == FX_T);

    CHECK(mut(T, s, p, len, "commitment[1]", TSR_SIM_M_OFF_CURVE, 0) == 0 && moutlen == len);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_POINT_NOT_ON_CURVE);
    CHECK(mout[2 + 33] == p[2 + 33] && mout[2 + 33 + 32] == 5); /* prefix kept, x = 5 */
    CHECK(mut(T, s, p, len, "commitment[1]", TSR_SIM_M_OFF_CURVE, 1) == 0);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_POINT_X_RANGE);
    CHECK(mut(T, s, p, len, "commitment[0]", TSR_SIM_M_IDENTITY, 0) == 0);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_POINT_IDENTITY);
    memset(b, 0, 33);
    CHECK(memcmp(mout + 2, b, 33) == 0 && memcmp(mout + 35, p + 35, len - 35) == 0);
    CHECK(mut(T, s, p, len, "commitment[2]", TSR_SIM_M_NON_CANONICAL, 0) == 0 && mout[2 + 66] == 0x04);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_POINT_PREFIX);
    CHECK(mut(T, s, p, len, "commitment[2]", TSR_SIM_M_ZERO, 0) == 0);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_POINT_IDENTITY);

    /* PoK: R (x-only in TR) and mu */
    CHECK(mut(T, s, p, len, "pok_r", TSR_SIM_M_OFF_CURVE, 0) == 0);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_POINT_NOT_ON_CURVE);
    CHECK(mut(T, s, p, len, "pok_r", TSR_SIM_M_OFF_CURVE, 1) == 0);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_POINT_X_RANGE);
    CHECK(mut(T, s, p, len, "pok_r", TSR_SIM_M_IDENTITY, 0) == 0);
    CHECK(dec_round1(s, NULL) ==
          (s == TSR_SUITE_SECP256K1_TR ? TSR_CHECK_POINT_NOT_ON_CURVE : TSR_CHECK_POINT_IDENTITY)); /* x = 0: 7 */
    CHECK(mut(T, s, p, len, "pok_r", TSR_SIM_M_NON_CANONICAL, 0) == 0);
    CHECK(dec_round1(s, NULL) == (s == TSR_SUITE_SECP256K1_TR ? TSR_CHECK_POINT_X_RANGE : TSR_CHECK_POINT_PREFIX));
    CHECK(mut(T, s, p, len, "pok_mu", TSR_SIM_M_SCALAR_PLUS_N, 0) == 0 && moutlen == len);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_SCALAR_RANGE);
    CHECK(mut(T, s, p, len, "pok_mu", TSR_SIM_M_NON_CANONICAL, 0) == 0);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_SCALAR_RANGE);
    CHECK(mut(T, s, p, len, "pok_mu", TSR_SIM_M_ZERO, 0) == 0);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_NONE); /* zero is canonical; the PoK check (round 2) fails */
    CHECK(mut_hex(T, s, p, len, "pok_mu", "00") == 0 && moutlen == len - 31);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_LENGTH);
    CHECK(mut(T, s, p, len, "pok_mu", TSR_SIM_M_STRIP, 0) == 0 && moutlen == len - 32);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_LENGTH);
    CHECK(mut(T, s, p, len, "pok_r", TSR_SIM_M_RESIZE, 2) == 0 && moutlen == len + 2);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_LENGTH);
    CHECK(mut(T, s, p, len, "pok_r", TSR_SIM_M_RESIZE, -40) == 0 && moutlen == len - rl);

    /* the vector: resize keeps the encoding coherent (another t), strip removes it */
    CHECK(mut(T, s, p, len, "commitment", TSR_SIM_M_RESIZE, -1) == 0 && moutlen == len - 33);
    CHECK(dec_round1(s, &t) == TSR_CHECK_NONE && t == FX_T - 1);
    CHECK(memcmp(mout + 2, p + 2, 66) == 0 && memcmp(mout + 2 + 66, p + pok, len - pok) == 0);
    CHECK(mut(T, s, p, len, "commitment", TSR_SIM_M_RESIZE, 2) == 0 && moutlen == len + 66);
    CHECK(dec_round1(s, &t) == TSR_CHECK_NONE && t == FX_T + 2);
    CHECK(memcmp(mout + pok, p + pok - 33, 33) == 0 && memcmp(mout + pok + 33, p + pok - 33, 33) == 0);
    CHECK(mut(T, s, p, len, "commitment", TSR_SIM_M_RESIZE, -10) == 0 && moutlen == len - 99);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_COUNT);
    CHECK(mut(T, s, p, len, "commitment", TSR_SIM_M_RESIZE, 0) == 0 && get16(mout) == 0);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_COUNT);
    CHECK(mut(T, s, p, len, "commitment", TSR_SIM_M_STRIP, 0) == 0 && moutlen == len - pok);
    CHECK(dec_round1(s, NULL) != TSR_CHECK_NONE);
    CHECK(mut(T, s, p, len, "commitment[1]", TSR_SIM_M_STRIP, 0) == 0 && moutlen == len - 33);
    CHECK(dec_round1(s, &t) == TSR_CHECK_NONE && t == FX_T - 1);
    CHECK(memcmp(mout + 2, p + 2, 33) == 0 && memcmp(mout + 35, p + 68, 33) == 0);
    CHECK(mut(T, s, p, len, "commitment.count", TSR_SIM_M_RESIZE, 1) == 0 && get16(mout) == FX_T + 1 &&
          moutlen == len);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_LENGTH);
    CHECK(mut(T, s, p, len, "commitment.count", TSR_SIM_M_RESIZE, -100) == 0 && get16(mout) == 0);
    CHECK(mut_hex(T, s, p, len, "commitment.count", "ffff") == 0);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_COUNT);
    CHECK(mut(T, s, p, len, "commitment.count", TSR_SIM_M_STRIP, 0) == 0 && moutlen == len - 2);

    /* flip_bits: exactly k bits, at positions drawn from the seed */
    {
        uint8_t first[200];
        size_t fl;
        CHECK(mut_full(T, s, p, len, "pok_mu", TSR_SIM_M_FLIP_BITS, 1, NULL, 0, NULL, 0, 7) == 0);
        CHECK(moutlen == len && popcount_diff(mout, p, len) == 1 && memcmp(mout, p, pok + rl) == 0);
        CHECK(mut_full(T, s, p, len, "pok_mu", TSR_SIM_M_FLIP_BITS, 3, NULL, 0, NULL, 0, 7) == 0);
        CHECK(popcount_diff(mout, p, len) == 3);
        fl = moutlen;
        memcpy(first, mout, fl);
        CHECK(mut_full(T, s, p, len, "pok_mu", TSR_SIM_M_FLIP_BITS, 3, NULL, 0, NULL, 0, 7) == 0);
        CHECK(moutlen == fl && memcmp(first, mout, fl) == 0); /* same seed, same bits */
        CHECK(mut_full(T, s, p, len, "pok_mu", TSR_SIM_M_FLIP_BITS, 3, NULL, 0, NULL, 0, 8) == 0);
        CHECK(memcmp(first, mout, fl) != 0);
        CHECK(mut_full(T, s, p, len, "pok_mu", TSR_SIM_M_FLIP_BITS, 200, NULL, 0, NULL, 0, 9) == 0);
        CHECK(popcount_diff(mout, p, len) == 200);
        CHECK(mut_full(T, s, p, len, "pok_mu", TSR_SIM_M_FLIP_BITS, 1000, NULL, 0, NULL, 0, 9) == 0);
        CHECK(popcount_diff(mout, p, len) == 256);
        CHECK(mut_full(T, s, p, len, "commitment", TSR_SIM_M_FLIP_BITS, 5, NULL, 0, NULL, 0, 3) == 0);
        CHECK(popcount_diff(mout, p, len) == 5 && memcmp(mout + pok, p + pok, len - pok) == 0);
        CHECK(mut_full(T, s, p, len, "commitment.count", TSR_SIM_M_FLIP_BITS, 0, NULL, 0, NULL, 0, 3) == 0);
        CHECK(popcount_diff(mout, p, len) == 1 && memcmp(mout + 2, p + 2, len - 2) == 0); /* k 0: one bit */
    }

    /* swap_with: party 2's field */
    CHECK(mut_full(T, s, p, len, "commitment[0]", TSR_SIM_M_SWAP_WITH, 0, NULL, 0, x->round1b, x->round1b_len, 1) == 0);
    CHECK(moutlen == len && memcmp(mout + 2, x->round1b + 2, 33) == 0 && memcmp(mout + 35, p + 35, len - 35) == 0);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_NONE); /* a valid point: the PoK (round 2) fails */
    CHECK(mut_full(T, s, p, len, "pok_r", TSR_SIM_M_SWAP_WITH, 0, NULL, 0, x->round1b, x->round1b_len, 1) == 0);
    CHECK(memcmp(mout + pok, x->round1b + pok, rl) == 0 && memcmp(mout, p, pok) == 0);
    CHECK(mut_full(T, s, p, len, "commitment", TSR_SIM_M_SWAP_WITH, 0, NULL, 0, x->round1b, x->round1b_len, 1) == 0);
    CHECK(memcmp(mout, x->round1b, pok) == 0 && memcmp(mout + pok, p + pok, len - pok) == 0);
    CHECK(mut(T, s, p, len, "commitment[0]", TSR_SIM_M_SWAP_WITH, 0) == -1 && strstr(errbuf, "party 2") != NULL);
    CHECK(mut_full(T, s, p, len, "commitment[2]", TSR_SIM_M_SWAP_WITH, 0, NULL, 0, x->round1b, 40, 1) == -1 &&
          strstr(errbuf, "no field") != NULL); /* party 2's (truncated) message has no commitment[2] */
    CHECK(mut_hex(T, s, p, len, "commitment[1]", "") == 0 && moutlen == len - 33 && get16(mout) == FX_T);
    CHECK(dec_round1(s, NULL) == TSR_CHECK_LENGTH);
}

static void test_mut_round2(const fx *x) {
    uint8_t s = x->suite;
    const uint16_t T = TSR_MSG_DKG_ROUND2_SHARE;
    const uint8_t *p = x->shareb;
    size_t len = sizeof x->shareb;
    tsr_dkg_round2_bcast eq;
    tsr_check r;

    CHECK(mut(T, s, p, len, "recipient", TSR_SIM_M_ID_EQ_N, 0) == 0 && get32(mout) == 0);
    CHECK(dec_p2p() == TSR_CHECK_ID_ZERO);
    CHECK(mut(T, s, p, len, "recipient", TSR_SIM_M_NON_CANONICAL, 0) == 0 && get32(mout) == 0x80000002u);
    CHECK(dec_p2p() == TSR_CHECK_ID_UNKNOWN);
    CHECK(mut_hex(T, s, p, len, "recipient", "00000001") == 0);
    CHECK(dec_p2p() == TSR_CHECK_ID_UNKNOWN); /* the sender itself */
    CHECK(mut(T, s, p, len, "share", TSR_SIM_M_SCALAR_PLUS_N, 0) == 0);
    CHECK(dec_p2p() == TSR_CHECK_SCALAR_RANGE);
    CHECK(mut(T, s, p, len, "share", TSR_SIM_M_FLIP_BITS, 1) == 0 && popcount_diff(mout, p, len) == 1);
    CHECK(mut(T, s, p, len, "sig", TSR_SIM_M_OFF_CURVE, 0) == 0 && mout[36 + 31] == 5 && mout[36] == 0);
    CHECK(memcmp(mout + 36 + 32, p + 36 + 32, 32) == 0);
    CHECK(dec_p2p() == TSR_CHECK_NONE); /* the signature is opaque to the decoder */
    CHECK(mut(T, s, p, len, "sig", TSR_SIM_M_SCALAR_PLUS_N, 0) == 0 && memcmp(mout, p, 68) == 0);
    CHECK(mut(T, s, p, len, "sig", TSR_SIM_M_RESIZE, -1) == 0 && moutlen == len - 1);
    CHECK(dec_p2p() == TSR_CHECK_LENGTH);
    CHECK(mut(T, s, p, len, "sig", TSR_SIM_M_STRIP, 0) == 0 && moutlen == 36);
    CHECK(dec_p2p() == TSR_CHECK_LENGTH);

    CHECK(mut(TSR_MSG_DKG_ROUND2_EQ, s, x->eqb, 32, "eq_hash", TSR_SIM_M_FLIP_BITS, 2) == 0 &&
          popcount_diff(mout, x->eqb, 32) == 2);
    CHECK(tsr_dkg_round2_bcast_decode(&eq, 1, mout, moutlen, &r) == TSR_OK);
    CHECK(mut(TSR_MSG_DKG_ROUND2_EQ, s, x->eqb, 32, "eq_hash", TSR_SIM_M_RESIZE, 1) == 0 && moutlen == 33);
    CHECK(tsr_dkg_round2_bcast_decode(&eq, 1, mout, moutlen, &r) != TSR_OK && r == TSR_CHECK_LENGTH);
    CHECK(mut(TSR_MSG_DKG_ROUND2_EQ, s, x->eqb, 32, "eq_hash", TSR_SIM_M_STRIP, 0) == 0 && moutlen == 0);
}

static void test_mut_round34(const fx *x) {
    uint8_t s = x->suite;
    const uint16_t T3 = TSR_MSG_DKG_ROUND3, T4 = TSR_MSG_DKG_ROUND4;
    size_t k = 0;
    uint8_t z[64];

    memset(z, 0, sizeof z);
    /* no complaint: k = 0 || cert_sig */
    CHECK(mut(T3, s, x->round3, x->round3_len, "cert_sig", TSR_SIM_M_STRIP, 0) == 0 && moutlen == 2);
    CHECK(dec_round3(NULL) == TSR_CHECK_TRUNCATED);
    CHECK(mut(T3, s, x->round3, x->round3_len, "cert_sig", TSR_SIM_M_FLIP_BITS, 1) == 0);
    CHECK(dec_round3(&k) == TSR_CHECK_NONE && k == 0); /* CERTIFICATE fails later, in round 4 */
    CHECK(mut(T3, s, x->round3, x->round3_len, "complaints", TSR_SIM_M_RESIZE, 1) == 0);
    CHECK(moutlen == 2 + 5 && get16(mout) == 1); /* a zero entry, and no certificate with a complaint */
    CHECK(dec_round3(NULL) == TSR_CHECK_ID_ZERO);
    CHECK(mut(T3, s, x->round3, x->round3_len, "complaints.count", TSR_SIM_M_RESIZE, 1) == 0 && moutlen == 66);
    CHECK(dec_round3(NULL) != TSR_CHECK_NONE);
    CHECK(mut(T3, s, x->round3, x->round3_len, "complaints", TSR_SIM_M_DUP_ID, 0) == -1 &&
          strstr(errbuf, "at least 2 entries") != NULL);

    /* complaints: BAD_SHARE against 2, NO_SHARE against 3 */
    free(mout);
    mout = malloc(x->round3c_len);
    memcpy(mout, x->round3c, x->round3c_len);
    moutlen = x->round3c_len;
    CHECK(dec_round3(&k) == TSR_CHECK_NONE && k == 2);
    CHECK(mut(T3, s, x->round3c, x->round3c_len, "complaints", TSR_SIM_M_RESIZE, -1) == 0 && moutlen == 2 + 101);
    CHECK(dec_round3(&k) == TSR_CHECK_NONE && k == 1);
    CHECK(mut(T3, s, x->round3c, x->round3c_len, "complaints", TSR_SIM_M_RESIZE, 0) == 0 && moutlen == 66);
    CHECK(dec_round3(&k) == TSR_CHECK_NONE && k == 0 && memcmp(mout + 2, z, 64) == 0); /* a zero certificate */
    CHECK(mut(T3, s, x->round3c, x->round3c_len, "complaints", TSR_SIM_M_RESIZE, -5) == 0 && moutlen == 66);
    CHECK(mut(T3, s, x->round3c, x->round3c_len, "complaints", TSR_SIM_M_RESIZE, 1) == 0);
    CHECK(moutlen == x->round3c_len + 5 && get16(mout) == 3 && memcmp(mout + x->round3c_len, mout + 103, 5) == 0);
    CHECK(dec_round3(NULL) == TSR_CHECK_ID_ORDER);
    CHECK(mut(T3, s, x->round3c, x->round3c_len, "complaints", TSR_SIM_M_DUP_ID, 0) == 0 && get32(mout + 103) == 2);
    CHECK(dec_round3(NULL) == TSR_CHECK_ID_ORDER);
    CHECK(mut(T3, s, x->round3c, x->round3c_len, "complaints[1].accused", TSR_SIM_M_DUP_ID, 0) == 0 &&
          get32(mout + 103) == 2);
    CHECK(dec_round3(NULL) == TSR_CHECK_ID_ORDER);
    CHECK(mut(T3, s, x->round3c, x->round3c_len, "complaints[0].accused", TSR_SIM_M_DUP_ID, 0) == 0 &&
          get32(mout + 2) == 3);
    CHECK(dec_round3(NULL) == TSR_CHECK_ID_ORDER);
    CHECK(mut(T3, s, x->round3c, x->round3c_len, "complaints[0].accused", TSR_SIM_M_ID_EQ_N, 0) == 0);
    CHECK(dec_round3(NULL) == TSR_CHECK_ID_ZERO);
    CHECK(mut_hex(T3, s, x->round3c, x->round3c_len, "complaints[1].kind", "03") == 0);
    CHECK(dec_round3(NULL) == TSR_CHECK_TYPE);
    CHECK(mut(T3, s, x->round3c, x->round3c_len, "complaints[0].share", TSR_SIM_M_SCALAR_PLUS_N, 0) == 0);
    CHECK(dec_round3(NULL) == TSR_CHECK_SCALAR_RANGE);
    CHECK(mut(T3, s, x->round3c, x->round3c_len, "complaints[0].sig", TSR_SIM_M_STRIP, 0) == 0 &&
          moutlen == x->round3c_len - 64);
    CHECK(dec_round3(NULL) != TSR_CHECK_NONE);
    CHECK(mut(T3, s, x->round3c, x->round3c_len, "complaints[0].kind", TSR_SIM_M_RESIZE, 1) == 0 &&
          mout[6] == TSR_DKG_COMPLAINT_NO_SHARE); /* value + 1 */
    CHECK(dec_round3(NULL) != TSR_CHECK_NONE);
    CHECK(mut(T3, s, x->round3c, x->round3c_len, "complaints[0].accused", TSR_SIM_M_RESIZE, 1) == -1 &&
          strstr(errbuf, "resize applies to") != NULL);

    /* openings */
    CHECK(mut(T4, s, x->round4, x->round4_len, "openings[1].accuser", TSR_SIM_M_DUP_ID, 0) == 0);
    CHECK(dec_round4(NULL) == TSR_CHECK_ID_ORDER);
    CHECK(mut(T4, s, x->round4, x->round4_len, "openings[0].accuser", TSR_SIM_M_ID_EQ_N, 0) == 0);
    CHECK(dec_round4(NULL) == TSR_CHECK_ID_ZERO);
    CHECK(mut(T4, s, x->round4, x->round4_len, "openings[0].share", TSR_SIM_M_SCALAR_PLUS_N, 0) == 0);
    CHECK(dec_round4(NULL) == TSR_CHECK_SCALAR_RANGE);
    CHECK(mut(T4, s, x->round4, x->round4_len, "openings", TSR_SIM_M_RESIZE, 1) == 0 && moutlen == 2 + 3 * 36);
    CHECK(dec_round4(NULL) == TSR_CHECK_ID_ORDER);
    CHECK(mut(T4, s, x->round4, x->round4_len, "openings", TSR_SIM_M_RESIZE, -1) == 0 && moutlen == 2 + 36);
    CHECK(dec_round4(&k) == TSR_CHECK_NONE && k == 1);
    CHECK(mut(T4, s, x->round4, x->round4_len, "openings", TSR_SIM_M_RESIZE, 0) == 0 && moutlen == 2);
    CHECK(dec_round4(&k) == TSR_CHECK_NONE && k == 0);
    CHECK(mut(T4, s, x->round4, x->round4_len, "openings", TSR_SIM_M_STRIP, 0) == 0 && moutlen == 0);
    CHECK(dec_round4(NULL) == TSR_CHECK_LENGTH);
    CHECK(mut(T4, s, x->round4, x->round4_len, "openings.count", TSR_SIM_M_RESIZE, 1) == 0);
    CHECK(dec_round4(NULL) == TSR_CHECK_LENGTH);
    /* an empty vector grows by zero entries */
    CHECK(mut(T4, s, x->round4, 0, "openings", TSR_SIM_M_RESIZE, 1) == -2); /* no field in an empty payload */
    {
        uint8_t empty[2] = {0, 0};
        CHECK(mut(T4, s, empty, 2, "openings", TSR_SIM_M_RESIZE, 2) == 0 && moutlen == 2 + 72 && get16(mout) == 2);
        CHECK(dec_round4(NULL) == TSR_CHECK_ID_ZERO);
    }
}

/* ---- mutators on FROST messages ------------------------------------------------------------------ */

static void test_mut_frost(const fx *x) {
    uint8_t s = x->suite;
    const uint8_t *msg = (const uint8_t *)FX_MSG;
    size_t ml = sizeof FX_MSG - 1, k = 0, lo = 4 + ml;
    const uint16_t TC = TSR_MSG_FROST_COMMITMENT, TR = TSR_MSG_FROST_REQUEST, TS = TSR_MSG_FROST_SIGSHARE,
                   TG = TSR_MSG_FROST_SIGNATURE;
    const uint8_t *rq = x->request;
    size_t rql = x->request_len;
    tsr_frost_sigshare ss;
    tsr_check r;

    /* commitment */
    CHECK(mut(TC, s, x->commit, 70, "id", TSR_SIM_M_ID_EQ_N, 0) == 0);
    CHECK(dec_commit() == TSR_CHECK_ID_ZERO);
    CHECK(mut(TC, s, x->commit, 70, "id", TSR_SIM_M_NON_CANONICAL, 0) == 0 && get32(mout) == 0x80000001u);
    CHECK(dec_commit() == TSR_CHECK_SENDER);
    CHECK(mut(TC, s, x->commit, 70, "hiding", TSR_SIM_M_IDENTITY, 0) == 0);
    CHECK(dec_commit() == TSR_CHECK_POINT_IDENTITY);
    CHECK(mut(TC, s, x->commit, 70, "binding", TSR_SIM_M_OFF_CURVE, 0) == 0);
    CHECK(dec_commit() == TSR_CHECK_POINT_NOT_ON_CURVE);
    CHECK(mut(TC, s, x->commit, 70, "binding", TSR_SIM_M_OFF_CURVE, 1) == 0);
    CHECK(dec_commit() == TSR_CHECK_POINT_X_RANGE);
    CHECK(mut(TC, s, x->commit, 70, "hiding", TSR_SIM_M_NON_CANONICAL, 0) == 0);
    CHECK(dec_commit() == TSR_CHECK_POINT_PREFIX);
    CHECK(mut(TC, s, x->commit, 70, "hiding", TSR_SIM_M_STRIP, 0) == 0 && moutlen == 37);
    CHECK(dec_commit() == TSR_CHECK_LENGTH);
    CHECK(mut(TC, s, x->commit, 70, "id", TSR_SIM_M_DUP_ID, 0) == -1 && strstr(errbuf, "dup_id applies to") != NULL);

    /* request: the list, decoded by tsr_frost_commitment_list_decode */
    free(mout);
    mout = malloc(rql);
    memcpy(mout, rq, rql);
    moutlen = rql;
    CHECK(dec_request_list(&k) == TSR_CHECK_NONE && k == 2);
    CHECK(mut(TR, s, rq, rql, "list[1].id", TSR_SIM_M_DUP_ID, 0) == 0 && get32(mout + lo + 2 + 70) == 1);
    CHECK(dec_request_list(&k) == TSR_CHECK_ID_DUPLICATE);
    CHECK(mut(TR, s, rq, rql, "list[0].id", TSR_SIM_M_DUP_ID, 0) == 0 && get32(mout + lo + 2) == 2);
    CHECK(dec_request_list(&k) == TSR_CHECK_ID_DUPLICATE);
    CHECK(mut(TR, s, rq, rql, "list", TSR_SIM_M_DUP_ID, 0) == 0);
    CHECK(dec_request_list(&k) == TSR_CHECK_ID_DUPLICATE);
    CHECK(mut_hex(TR, s, rq, rql, "list[1].id", "00000001") == 0 && get32(mout + lo + 2 + 70) == 1);
    CHECK(dec_request_list(&k) == TSR_CHECK_ID_DUPLICATE);
    CHECK(mut_hex(TR, s, rq, rql, "list[0].id", "00000003") == 0);
    CHECK(dec_request_list(&k) == TSR_CHECK_ID_ORDER);
    CHECK(mut(TR, s, rq, rql, "list[0].id", TSR_SIM_M_ID_EQ_N, 0) == 0);
    CHECK(dec_request_list(&k) == TSR_CHECK_ID_ZERO);
    CHECK(mut(TR, s, rq, rql, "list[1].hiding", TSR_SIM_M_IDENTITY, 0) == 0);
    CHECK(dec_request_list(&k) == TSR_CHECK_POINT_IDENTITY);
    CHECK(mut(TR, s, rq, rql, "list", TSR_SIM_M_RESIZE, -1) == 0 && moutlen == rql - 70);
    CHECK(dec_request_list(&k) == TSR_CHECK_NONE && k == 1);
    CHECK(mut(TR, s, rq, rql, "list", TSR_SIM_M_RESIZE, 1) == 0 && moutlen == rql + 70);
    CHECK(dec_request_list(&k) == TSR_CHECK_ID_DUPLICATE);
    CHECK(mut(TR, s, rq, rql, "list", TSR_SIM_M_RESIZE, 0) == 0 && moutlen == lo + 2);
    CHECK(dec_request_list(&k) == TSR_CHECK_COUNT);
    CHECK(mut(TR, s, rq, rql, "list", TSR_SIM_M_STRIP, 0) == 0 && moutlen == lo);
    CHECK(mut(TR, s, rq, rql, "list.count", TSR_SIM_M_RESIZE, 1) == 0);
    CHECK(dec_request_list(&k) == TSR_CHECK_TRUNCATED);
    CHECK(mut(TR, s, rq, rql, "list.count", TSR_SIM_M_RESIZE, -1) == 0);
    CHECK(dec_request_list(&k) == TSR_CHECK_TRAILING);
    /* msg: msglen follows */
    CHECK(mut(TR, s, rq, rql, "msg", TSR_SIM_M_RESIZE, 3) == 0 && moutlen == rql + 3 && get32(mout) == ml + 3);
    CHECK(memcmp(mout + 4, msg, ml) == 0 && mout[4 + ml] == 0 && dec_request_list(&k) == TSR_CHECK_NONE && k == 2);
    CHECK(mut(TR, s, rq, rql, "msg", TSR_SIM_M_RESIZE, -4) == 0 && get32(mout) == ml - 4);
    CHECK(dec_request_list(&k) == TSR_CHECK_NONE && k == 2);
    CHECK(mut(TR, s, rq, rql, "msg", TSR_SIM_M_RESIZE, 0) == 0 && get32(mout) == 0 && moutlen == rql - ml);
    CHECK(mut_hex(TR, s, rq, rql, "msg", "41") == 0 && get32(mout) == 1 && mout[4] == 0x41);
    CHECK(dec_request_list(&k) == TSR_CHECK_NONE && k == 2);
    CHECK(mut(TR, s, rq, rql, "msg", TSR_SIM_M_STRIP, 0) == 0 && moutlen == rql - 4 - ml);
    CHECK(memcmp(mout, x->listb, sizeof x->listb) == 0);
    CHECK(mut(TR, s, rq, rql, "msg", TSR_SIM_M_FLIP_BITS, 4) == 0 && popcount_diff(mout, rq, rql) == 4 &&
          memcmp(mout, rq, 4) == 0 && memcmp(mout + lo, rq + lo, rql - lo) == 0);
    CHECK(mut(TR, s, rq, rql, "msglen", TSR_SIM_M_RESIZE, 1) == 0 && get32(mout) == ml + 1);
    CHECK(dec_request_list(&k) != TSR_CHECK_NONE);
    {
        uint8_t other[4 + 3 + 2 + 70];
        put32(other, 3);
        memcpy(other + 4, "xyz", 3);
        memcpy(other + 7, x->listb, 2 + 70); /* a one-entry list */
        other[7] = 0;
        other[8] = 1;
        CHECK(mut_full(TR, s, rq, rql, "msg", TSR_SIM_M_SWAP_WITH, 0, NULL, 0, other, sizeof other, 1) == 0);
        CHECK(get32(mout) == 3 && memcmp(mout + 4, "xyz", 3) == 0 && moutlen == rql - ml + 3);
        CHECK(dec_request_list(&k) == TSR_CHECK_NONE && k == 2);
        CHECK(mut_full(TR, s, rq, rql, "list[1].id", TSR_SIM_M_SWAP_WITH, 0, NULL, 0, other, sizeof other, 1) == -1);
        CHECK(mut_full(TR, s, rq, rql, "list", TSR_SIM_M_SWAP_WITH, 0, NULL, 0, other, sizeof other, 1) == 0);
        CHECK(dec_request_list(&k) == TSR_CHECK_NONE && k == 1);
    }
    /* the two-field form: its u32 list length follows the list's changes */
    CHECK(mut(TR, s, x->request2, x->request2_len, "list", TSR_SIM_M_RESIZE, -1) == 0);
    CHECK(moutlen == x->request2_len - 70 && get32(mout + lo) == moutlen - lo - 4);
    CHECK(mut(TR, s, x->request2, x->request2_len, "list[1].hiding", TSR_SIM_M_RESIZE, 2) == 0);
    CHECK(get32(mout + lo) == moutlen - lo - 4);
    CHECK(mut(TR, s, x->request2, x->request2_len, "msg", TSR_SIM_M_RESIZE, 5) == 0 && get32(mout) == ml + 5);
    CHECK(get32(mout + lo + 5) == sizeof x->listb);
    CHECK(mut(TR, s, x->request2, x->request2_len, "list", TSR_SIM_M_STRIP, 0) == 0 && moutlen == lo);

    /* signature share */
    CHECK(mut(TS, s, x->sigshare, 36, "z", TSR_SIM_M_SCALAR_PLUS_N, 0) == 0);
    CHECK(dec_sigshare() == TSR_CHECK_SCALAR_RANGE);
    CHECK(mut(TS, s, x->sigshare, 36, "z", TSR_SIM_M_NON_CANONICAL, 0) == 0);
    CHECK(dec_sigshare() == TSR_CHECK_SCALAR_RANGE);
    CHECK(mut(TS, s, x->sigshare, 36, "id", TSR_SIM_M_ID_EQ_N, 0) == 0);
    CHECK(dec_sigshare() == TSR_CHECK_ID_ZERO);
    CHECK(mut(TS, s, x->sigshare, 36, "id", TSR_SIM_M_NON_CANONICAL, 0) == 0);
    CHECK(dec_sigshare() == TSR_CHECK_SENDER);
    CHECK(mut(TS, s, x->sigshare, 36, "z", TSR_SIM_M_FLIP_BITS, 1) == 0);
    CHECK(tsr_frost_sigshare_decode(&ss, mout, moutlen, &r) == TSR_OK || r == TSR_CHECK_SCALAR_RANGE);
    CHECK(mut(TS, s, x->sigshare, 36, "z", TSR_SIM_M_RESIZE, 1) == 0 && moutlen == 37);
    CHECK(dec_sigshare() == TSR_CHECK_LENGTH);

    /* the aggregate signature no longer verifies */
    CHECK(mut(TG, s, x->sig, x->siglen, "sig", TSR_SIM_M_SCALAR_PLUS_N, 0) == 0 && moutlen == x->siglen);
    CHECK(tsr_frost_verify(ctx, s, mout, moutlen, &x->group_key, msg, ml) != TSR_OK);
    CHECK(memcmp(mout, x->sig, x->siglen - 32) == 0);
    CHECK(mut(TG, s, x->sig, x->siglen, "sig", TSR_SIM_M_OFF_CURVE, 0) == 0);
    CHECK(tsr_frost_verify(ctx, s, mout, moutlen, &x->group_key, msg, ml) != TSR_OK);
    CHECK(memcmp(mout + moutlen - 32, x->sig + x->siglen - 32, 32) == 0);
    CHECK(mut(TG, s, x->sig, x->siglen, "sig", TSR_SIM_M_IDENTITY, 0) == 0);
    CHECK(tsr_frost_verify(ctx, s, mout, moutlen, &x->group_key, msg, ml) != TSR_OK);
    CHECK(mut(TG, s, x->sig, x->siglen, "sig", TSR_SIM_M_FLIP_BITS, 1) == 0);
    CHECK(tsr_frost_verify(ctx, s, mout, moutlen, &x->group_key, msg, ml) != TSR_OK);
    CHECK(mut(TG, s, x->sig, x->siglen, "sig", TSR_SIM_M_RESIZE, -1) == 0 && moutlen == x->siglen - 1);
    CHECK(tsr_frost_verify(ctx, s, mout, moutlen, &x->group_key, msg, ml) != TSR_OK);
}

/* ---- inapplicable mutators and bad calls --------------------------------------------------------- */

static void test_mut_errors(const fx *x) {
    uint8_t s = x->suite;
    tsr_sim_behaviour b;
    tsr_sim_field f;
    tsr_sim_rng rng;

    CHECK(mut(TSR_MSG_DKG_ROUND2_SHARE, s, x->shareb, 100, "recipient", TSR_SIM_M_OFF_CURVE, 0) == -1);
    CHECK_MSG(strstr(errbuf, "off_curve applies to point") != NULL && strstr(errbuf, "'recipient'") != NULL &&
              strstr(errbuf, "u32") != NULL, "%s", errbuf);
    CHECK(mut(TSR_MSG_DKG_ROUND2_SHARE, s, x->shareb, 100, "recipient", TSR_SIM_M_IDENTITY, 0) == -1);
    CHECK(mut(TSR_MSG_DKG_ROUND2_SHARE, s, x->shareb, 100, "recipient", TSR_SIM_M_SCALAR_PLUS_N, 0) == -1);
    CHECK(mut(TSR_MSG_DKG_ROUND2_SHARE, s, x->shareb, 100, "recipient", TSR_SIM_M_DUP_ID, 0) == -1);
    CHECK(mut(TSR_MSG_DKG_ROUND2_SHARE, s, x->shareb, 100, "share", TSR_SIM_M_ID_EQ_N, 0) == -1);
    CHECK(mut(TSR_MSG_DKG_ROUND2_SHARE, s, x->shareb, 100, "share", TSR_SIM_M_OFF_CURVE, 0) == -1);
    CHECK(mut(TSR_MSG_DKG_ROUND1, s, x->round1, x->round1_len, "commitment[0]", TSR_SIM_M_SCALAR_PLUS_N, 0) == -1);
    CHECK(strstr(errbuf, "scalar_plus_n applies to scalar") != NULL);
    CHECK(mut(TSR_MSG_DKG_ROUND1, s, x->round1, x->round1_len, "pok_mu", TSR_SIM_M_IDENTITY, 0) == -1);
    CHECK(mut(TSR_MSG_DKG_ROUND1, s, x->round1, x->round1_len, "commitment", TSR_SIM_M_DUP_ID, 0) == -1);
    CHECK(mut(TSR_MSG_DKG_ROUND1, s, x->round1, x->round1_len, "commitment", TSR_SIM_M_OFF_CURVE, 0) == -1);
    CHECK(mut(TSR_MSG_DKG_ROUND1, s, x->round1, x->round1_len, "commitment.count", TSR_SIM_M_ID_EQ_N, 0) == -1);
    CHECK(mut(TSR_MSG_DKG_ROUND2_EQ, s, x->eqb, 32, "eq_hash", TSR_SIM_M_NON_CANONICAL, 0) == -1);
    CHECK(mut(TSR_MSG_DKG_ROUND3, s, x->round3c, x->round3c_len, "complaints[0].kind", TSR_SIM_M_DUP_ID, 0) == -1);
    CHECK(mut(TSR_MSG_FROST_SIGSHARE, s, x->sigshare, 36, "id", TSR_SIM_M_DUP_ID, 0) == -1);
    CHECK(mut(TSR_MSG_FROST_SIGSHARE, s, x->sigshare, 36, "id", TSR_SIM_M_RESIZE, 1) == -1);
    CHECK(mut(TSR_MSG_FROST_REQUEST, s, x->request, x->request_len, "msg", TSR_SIM_M_SCALAR_PLUS_N, 0) == -1);
    CHECK(mut(TSR_MSG_FROST_REQUEST, s, x->request, x->request_len, "msglen", TSR_SIM_M_NON_CANONICAL, 0) == -1);
    CHECK(mut(TSR_MSG_FROST_SIGNATURE, s, x->sig, x->siglen, "sig", TSR_SIM_M_ID_EQ_N, 0) == -1);
    {
        /* dup_id on a one-entry list */
        uint8_t one[4 + 2 + 70];
        put32(one, 0);
        memcpy(one + 4, x->listb, 2 + 70);
        one[4] = 0;
        one[5] = 1;
        CHECK(mut(TSR_MSG_FROST_REQUEST, s, one, sizeof one, "list[0].id", TSR_SIM_M_DUP_ID, 0) == -1);
        CHECK_MSG(strstr(errbuf, "at least 2 entries") != NULL, "%s", errbuf);
    }
    /* a resize past the u16 count */
    {
        static uint8_t big[2 + 33 * 65535 + 65];
        memset(big, 0, sizeof big);
        big[0] = 0xff;
        big[1] = 0xfe;
        CHECK(mut(TSR_MSG_DKG_ROUND1, TSR_SUITE_SECP256K1_SHA256, big, 2 + 33 * 65534 + 65, "commitment",
                  TSR_SIM_M_RESIZE, 1) == 0 && get16(mout) == 0xffff && moutlen == 2 + 33 * 65535 + 65);
        CHECK(mut(TSR_MSG_DKG_ROUND1, TSR_SUITE_SECP256K1_SHA256, big, 2 + 33 * 65534 + 65, "commitment",
                  TSR_SIM_M_RESIZE, 2) == -1 && strstr(errbuf, "65535") != NULL);
    }

    /* direct calls: a field that is not in the payload, a frame field, no rng, an unknown mutator */
    memset(&b, 0, sizeof b);
    memset(&f, 0, sizeof f);
    tsr_sim_rng_init_seed(&rng, 5);
    snprintf(f.name, sizeof f.name, "commitment[7]");
    f.kind = TSR_SIM_K_POINT;
    b.mutator = TSR_SIM_M_ZERO;
    mout = (uint8_t *)1; /* must be reset */
    CHECK(tsr_sim_mutate(&mout, &moutlen, &f, &b, TSR_MSG_DKG_ROUND1, s, x->round1, x->round1_len, NULL, 0, &rng,
                         errbuf, sizeof errbuf) == -1 && mout == NULL && strstr(errbuf, "no field") != NULL);
    snprintf(f.name, sizeof f.name, "frame.sender");
    f.kind = TSR_SIM_K_FRAME;
    CHECK(tsr_sim_mutate(&mout, &moutlen, &f, &b, TSR_MSG_DKG_ROUND1, s, x->round1, x->round1_len, NULL, 0, &rng,
                         errbuf, sizeof errbuf) == -1);
    snprintf(f.name, sizeof f.name, "pok_mu");
    f.kind = TSR_SIM_K_SCALAR;
    b.mutator = TSR_SIM_M_FLIP_BITS;
    CHECK(tsr_sim_mutate(&mout, &moutlen, &f, &b, TSR_MSG_DKG_ROUND1, s, x->round1, x->round1_len, NULL, 0, NULL,
                         errbuf, sizeof errbuf) == -1 && strstr(errbuf, "random") != NULL);
    b.mutator = 99;
    CHECK(tsr_sim_mutate(&mout, &moutlen, &f, &b, TSR_MSG_DKG_ROUND1, s, x->round1, x->round1_len, NULL, 0, &rng,
                         errbuf, sizeof errbuf) == -1);
    b.mutator = TSR_SIM_M_NONE;
    CHECK(tsr_sim_mutate(&mout, &moutlen, &f, &b, TSR_MSG_DKG_ROUND1, s, x->round1, x->round1_len, NULL, 0, &rng,
                         errbuf, sizeof errbuf) == -1);
    CHECK(mout == NULL && moutlen == 0);
    /* flip_bits on an empty msg */
    {
        uint8_t e[4 + 72];
        put32(e, 0);
        memcpy(e + 4, x->listb, 72);
        CHECK(mut(TSR_MSG_FROST_REQUEST, s, e, 4 + 72, "msg", TSR_SIM_M_FLIP_BITS, 1) == -1 &&
              strstr(errbuf, "empty") != NULL);
    }
}

/* ---- frame header mutations, judged by tsr_frame_decode -------------------------------------------- */

static uint8_t *fout;
static size_t foutlen;

static int fmut(const uint8_t *fr, size_t len, const char *field, int mutator, long k, const char *hex) {
    tsr_sim_behaviour b;
    tsr_sim_rng rng;
    int rc;
    free(fout);
    fout = NULL;
    foutlen = 0;
    memset(&b, 0, sizeof b);
    b.mutator = mutator;
    b.k = k;
    if (hex != NULL) {
        b.hexlen = tsr_test_unhex(b.hex, sizeof b.hex, hex);
    }
    tsr_sim_rng_init_seed(&rng, 11);
    errbuf[0] = 0;
    rc = tsr_sim_mutate_frame(&fout, &foutlen, field, &b, fr, len, &rng, errbuf, sizeof errbuf);
    CHECK(rc == 0 || (fout == NULL && errbuf[0] != 0));
    return rc;
}

static tsr_check fdec(tsr_frame *f) {
    tsr_check r = TSR_CHECK_NONE;
    (void)tsr_frame_decode(f, fout, foutlen, &r);
    return r;
}

static void test_frame(const fx *x) {
    tsr_frame f, d;
    uint8_t fr[128];
    size_t len = 0, n;
    tsr_sim_field fl[16];

    memset(&f, 0, sizeof f);
    f.version = TSR_WIRE_VERSION;
    f.suite = x->suite;
    f.type = TSR_MSG_FROST_SIGSHARE;
    tsr_test_randbytes(f.session, 32);
    f.sender = 2;
    f.nfields = 1;
    f.field[0] = x->sigshare;
    f.field_len[0] = 36;
    CHECK(tsr_frame_encode(fr, sizeof fr, &len, &f) == TSR_OK && len == 42 + 4 + 36);

    n = tsr_sim_fields(fl, 16, 0, x->suite, fr, len);
    CHECK(n == 7);
    CHECK(field_is(&fl[0], "frame.version", TSR_SIM_K_FRAME, 0, 1));
    CHECK(field_is(&fl[1], "frame.suite", TSR_SIM_K_FRAME, 1, 1));
    CHECK(field_is(&fl[2], "frame.type", TSR_SIM_K_FRAME, 2, 2));
    CHECK(field_is(&fl[3], "frame.session", TSR_SIM_K_FRAME, 4, 32));
    CHECK(field_is(&fl[4], "frame.sender", TSR_SIM_K_FRAME, 36, 4));
    CHECK(field_is(&fl[5], "frame.nfields", TSR_SIM_K_FRAME, 40, 2));
    CHECK(field_is(&fl[6], "frame.length", TSR_SIM_K_FRAME, 42, 4) && get32(fr + 42) == 36 && fl[6].identifiable == 1);
    CHECK(tsr_sim_fields(fl, 16, 0, x->suite, fr, 44) == 6);

    CHECK(fmut(fr, len, "frame.version", TSR_SIM_M_SET, 0, "02") == 0 && fdec(&d) == TSR_CHECK_VERSION);
    CHECK(fmut(fr, len, "frame.version", TSR_SIM_M_ZERO, 0, NULL) == 0 && fdec(&d) == TSR_CHECK_VERSION);
    CHECK(fmut(fr, len, "frame.version", TSR_SIM_M_FLIP_BITS, 8, NULL) == 0 && fout[0] == 0xfe);
    CHECK(fdec(&d) == TSR_CHECK_VERSION);
    CHECK(fmut(fr, len, "version", TSR_SIM_M_RESIZE, 1, NULL) == 0 && fout[0] == 2); /* the prefix may be omitted */
    CHECK(fmut(fr, len, "frame.suite", TSR_SIM_M_SET, 0, "07") == 0 && fdec(&d) == TSR_CHECK_SUITE);
    CHECK(fmut(fr, len, "frame.type", TSR_SIM_M_SET, 0, "0999") == 0 && fdec(&d) == TSR_CHECK_TYPE);
    CHECK(fmut(fr, len, "frame.type", TSR_SIM_M_ZERO, 0, NULL) == 0 && fdec(&d) == TSR_CHECK_TYPE);
    CHECK(fmut(fr, len, "frame.session", TSR_SIM_M_FLIP_BITS, 1, NULL) == 0 && fdec(&d) == TSR_CHECK_NONE);
    CHECK(memcmp(d.session, f.session, 32) != 0 && popcount_diff(d.session, f.session, 32) == 1);
    CHECK(fmut(fr, len, "frame.session", TSR_SIM_M_STRIP, 0, NULL) == 0 && foutlen == len - 32);
    CHECK(fdec(&d) != TSR_CHECK_NONE);
    CHECK(fmut(fr, len, "frame.session", TSR_SIM_M_RESIZE, -2, NULL) == 0 && foutlen == len - 2);
    CHECK(fmut(fr, len, "frame.sender", TSR_SIM_M_SET, 0, "ffffffff") == 0 && fdec(&d) == TSR_CHECK_SENDER);
    CHECK(fmut(fr, len, "frame.sender", TSR_SIM_M_NON_CANONICAL, 0, NULL) == 0 && fdec(&d) == TSR_CHECK_SENDER);
    CHECK(fmut(fr, len, "frame.sender", TSR_SIM_M_ID_EQ_N, 0, NULL) == 0);
    CHECK(fdec(&d) == TSR_CHECK_NONE && d.sender == 0);
    CHECK(fmut(fr, len, "frame.sender", TSR_SIM_M_SET, 0, "00000001") == 0);
    CHECK(fdec(&d) == TSR_CHECK_NONE && d.sender == 1);
    CHECK(fmut(fr, len, "frame.nfields", TSR_SIM_M_SET, 0, "ffff") == 0 && fdec(&d) == TSR_CHECK_COUNT);
    CHECK(fmut(fr, len, "frame.nfields", TSR_SIM_M_RESIZE, 1, NULL) == 0 && fdec(&d) == TSR_CHECK_TRUNCATED);
    CHECK(fmut(fr, len, "frame.nfields", TSR_SIM_M_RESIZE, 0, NULL) == 0 && fdec(&d) == TSR_CHECK_TRAILING);
    CHECK(fmut(fr, len, "frame.length", TSR_SIM_M_SET, 0, "ffffffff") == 0 && fdec(&d) == TSR_CHECK_TRUNCATED);
    CHECK(foutlen == len && memcmp(fout + 46, fr + 46, 36) == 0);
    CHECK(fmut(fr, len, "frame.length", TSR_SIM_M_RESIZE, -1, NULL) == 0 && fdec(&d) == TSR_CHECK_TRAILING);
    CHECK(fmut(fr, len, "frame.length", TSR_SIM_M_RESIZE, 1, NULL) == 0 && fdec(&d) == TSR_CHECK_TRUNCATED);
    CHECK(fmut(fr, len, "frame.length", TSR_SIM_M_STRIP, 0, NULL) == 0 && fdec(&d) != TSR_CHECK_NONE);

    /* what does not apply */
    CHECK(fmut(fr, len, "frame.sender", TSR_SIM_M_SWAP_WITH, 0, NULL) == -1);
    CHECK(fmut(fr, len, "frame.session", TSR_SIM_M_OFF_CURVE, 0, NULL) == -1);
    CHECK(fmut(fr, len, "frame.version", TSR_SIM_M_ID_EQ_N, 0, NULL) == -1 && strstr(errbuf, "frame.sender") != NULL);
    CHECK(fmut(fr, len, "frame.sender", TSR_SIM_M_DUP_ID, 0, NULL) == -1);
    CHECK(fmut(fr, len, "frame.foo", TSR_SIM_M_ZERO, 0, NULL) == -1 && strstr(errbuf, "frame.length") != NULL);
    CHECK(fmut(fr, 44, "frame.length", TSR_SIM_M_ZERO, 0, NULL) == -1 && strstr(errbuf, "too short") != NULL);
    CHECK(fmut(fr, len, "frame.version", TSR_SIM_M_FLIP_BITS, 1, NULL) == 0);
    {
        tsr_sim_behaviour b;
        memset(&b, 0, sizeof b);
        b.mutator = TSR_SIM_M_FLIP_BITS;
        free(fout);
        CHECK(tsr_sim_mutate_frame(&fout, &foutlen, "frame.version", &b, fr, len, NULL, errbuf, sizeof errbuf) == -1);
        CHECK(fout == NULL && strstr(errbuf, "random") != NULL);
    }
}

/* ---- target names ---------------------------------------------------------------------------------- */

static void test_targets(const fx *x) {
    static const struct {
        const char *target;
        uint16_t type;
        const char *field;
    } good[] = {
        {"dkg.round1.commitment[0]", TSR_MSG_DKG_ROUND1, "commitment[0]"},
        {"dkg.round1.commitment", TSR_MSG_DKG_ROUND1, "commitment"},
        {"dkg.round1.commitment.count", TSR_MSG_DKG_ROUND1, "commitment.count"},
        {"dkg.round1.commitment[255]", TSR_MSG_DKG_ROUND1, "commitment[255]"},
        {"dkg.round1.pok_r", TSR_MSG_DKG_ROUND1, "pok_r"},
        {"dkg.round1.pok_mu", TSR_MSG_DKG_ROUND1, "pok_mu"},
        {"dkg.round2.eq.eq_hash", TSR_MSG_DKG_ROUND2_EQ, "eq_hash"},
        {"dkg.round2.share.recipient", TSR_MSG_DKG_ROUND2_SHARE, "recipient"},
        {"dkg.round2.share.sig", TSR_MSG_DKG_ROUND2_SHARE, "sig"},
        {"dkg.round3.complaints", TSR_MSG_DKG_ROUND3, "complaints"},
        {"dkg.round3.complaints[1].share", TSR_MSG_DKG_ROUND3, "complaints[1].share"},
        {"dkg.round3.complaints[0].kind", TSR_MSG_DKG_ROUND3, "complaints[0].kind"},
        {"dkg.round3.cert_sig", TSR_MSG_DKG_ROUND3, "cert_sig"},
        {"dkg.round4.openings[0].accuser", TSR_MSG_DKG_ROUND4, "openings[0].accuser"},
        {"dkg.round4.openings", TSR_MSG_DKG_ROUND4, "openings"},
        {"frost.commit.hiding", TSR_MSG_FROST_COMMITMENT, "hiding"},
        {"frost.commit.id", TSR_MSG_FROST_COMMITMENT, "id"},
        {"frost.request.list[1].id", TSR_MSG_FROST_REQUEST, "list[1].id"},
        {"frost.request.msg", TSR_MSG_FROST_REQUEST, "msg"},
        {"frost.request.msglen", TSR_MSG_FROST_REQUEST, "msglen"},
        {"frost.sigshare.z", TSR_MSG_FROST_SIGSHARE, "z"},
        {"frost.signature.sig", TSR_MSG_FROST_SIGNATURE, "sig"},
        {"frame.sender", 0, "frame.sender"},
        {"frame.length", 0, "frame.length"},
        {"frame.session", 0, "frame.session"},
    };
    static const char *const bad[] = {
        "", "dkg", "dkg.round1", "dkg.round1.", "dkg.round1.commitmnt", "dkg.round9.x", "frame.foo", "frame",
        "dkg.round1.commitment[01]", "dkg.round1.commitment[-1]", "dkg.round1.commitment[x]",
        "dkg.round1.commitment[]", "dkg.round1.commitment[0", "dkg.round1.pok_r[0]", "dkg.round1.commitment[0][1]",
        "dkg.round1.commitment[99999]", "frost.commit.id.x", "dkg.round2.share", "dkg.round2.eq_hash",
        "frost.request.list[0]", "frost.request.list.id", "dkg.round3.complaints[0]", "frost.sigshare.Z",
        "frost.signature.sig ", "dkg.round1.commitment[i]",
    };
    uint16_t type = 0;
    char field[64];
    size_t i, j, n;
    static const uint16_t types[] = {TSR_MSG_DKG_ROUND1, TSR_MSG_DKG_ROUND2_EQ, TSR_MSG_DKG_ROUND2_SHARE,
                                     TSR_MSG_DKG_ROUND3, TSR_MSG_DKG_ROUND4, TSR_MSG_FROST_COMMITMENT,
                                     TSR_MSG_FROST_REQUEST, TSR_MSG_FROST_SIGSHARE, TSR_MSG_FROST_SIGNATURE};
    const uint8_t *pl[9];
    size_t pll[9];
    tsr_sim_field fl[32];

    for (i = 0; i < sizeof good / sizeof good[0]; i++) {
        errbuf[0] = 0;
        CHECK_MSG(tsr_sim_target_parse(&type, field, sizeof field, good[i].target, errbuf, sizeof errbuf) == 0 &&
                  type == good[i].type && strcmp(field, good[i].field) == 0, "%s: %s", good[i].target, errbuf);
    }
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        errbuf[0] = 0;
        CHECK_MSG(tsr_sim_target_parse(&type, field, sizeof field, bad[i], errbuf, sizeof errbuf) == -1 &&
                  errbuf[0] != 0 && type == 0 && field[0] == 0, "'%s' accepted", bad[i]);
    }
    /* the errors name the choices */
    CHECK(tsr_sim_target_parse(&type, field, sizeof field, "dkg.round1.commitmnt", errbuf, sizeof errbuf) == -1);
    CHECK_MSG(strstr(errbuf, "commitment, commitment.count, commitment[i], pok_r, pok_mu") != NULL, "%s", errbuf);
    CHECK(tsr_sim_target_parse(&type, field, sizeof field, "dkg.round9.x", errbuf, sizeof errbuf) == -1);
    CHECK(strstr(errbuf, "frost.sigshare") != NULL && strstr(errbuf, "frame.") != NULL);
    CHECK(tsr_sim_target_parse(&type, field, sizeof field, "frame.foo", errbuf, sizeof errbuf) == -1);
    CHECK(strstr(errbuf, "frame.nfields") != NULL);
    CHECK(tsr_sim_target_parse(&type, field, 5, "dkg.round1.commitment[0]", errbuf, sizeof errbuf) == -1);
    CHECK(tsr_sim_target_parse(&type, field, sizeof field, NULL, NULL, 0) == -1);

    /* every field the walkers list is a valid target of its message */
    pl[0] = x->round1; pll[0] = x->round1_len;
    pl[1] = x->eqb; pll[1] = 32;
    pl[2] = x->shareb; pll[2] = 100;
    pl[3] = x->round3c; pll[3] = x->round3c_len;
    pl[4] = x->round4; pll[4] = x->round4_len;
    pl[5] = x->commit; pll[5] = 70;
    pl[6] = x->request; pll[6] = x->request_len;
    pl[7] = x->sigshare; pll[7] = 36;
    pl[8] = x->sig; pll[8] = x->siglen;
    for (i = 0; i < 9; i++) {
        char t[128];
        n = tsr_sim_fields(fl, 32, types[i], x->suite, pl[i], pll[i]);
        CHECK(n > 0);
        for (j = 0; j < n; j++) {
            snprintf(t, sizeof t, "%.40s.%.63s", tsr_sim_msg_name(types[i]), fl[j].name);
            CHECK_MSG(tsr_sim_target_parse(&type, field, sizeof field, t, errbuf, sizeof errbuf) == 0 &&
                      type == types[i] && strcmp(field, fl[j].name) == 0, "%s: %s", t, errbuf);
        }
    }
    n = tsr_sim_fields(fl, 32, 0, x->suite, x->round1, x->round1_len); /* a payload seen as a frame: 7 fields */
    for (j = 0; j < n; j++) {
        CHECK(tsr_sim_target_parse(&type, field, sizeof field, fl[j].name, errbuf, sizeof errbuf) == 0 && type == 0);
    }
}

/* ---- name tables and the printed texts -------------------------------------------------------------- */

static void test_tables(void) {
    static const char *const strategies[] = {"crash", "withhold", "equivocate", "rogue_key", "threshold_raise",
                                             "bad_share", "false_complaint", "false_no_share", "transplant",
                                             "replay", "bias", "nonce_reuse", "invalid_share", "coord_list",
                                             "coord_split_list", "coord_message", "coord_replay", "nonce_extract"};
    static const int ident[] = {0, 0, 0, 1, 1, 1, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 0};
    static const char *const mutators[] = {"flip_bits", "zero", "identity", "off_curve", "scalar_plus_n",
                                           "non_canonical", "dup_id", "id_eq_n", "resize", "strip", "swap_with", "set"};
    static const char *const props[] = {"agreement", "blame_sound", "identified", "liveness", "secrecy", "no_leak"};
    char *text = NULL;
    size_t tl = 0, i;
    FILE *f;
    int c;

    CHECK(sizeof strategies / sizeof strategies[0] == TSR_SIM_S__COUNT - 1);
    for (i = 0; i < sizeof strategies / sizeof strategies[0]; i++) {
        CHECK(tsr_sim_strategy_parse(strategies[i]) == (int)i + 1);
        CHECK(strcmp(tsr_sim_strategy_name((int)i + 1), strategies[i]) == 0);
        CHECK_MSG(tsr_sim_strategy_identifiable((int)i + 1) == ident[i], "%s", strategies[i]);
    }
    CHECK(tsr_sim_strategy_parse("none") == TSR_SIM_S_NONE && tsr_sim_strategy_parse("Crash") == -1);
    CHECK(tsr_sim_strategy_parse("nonsense") == -1 && tsr_sim_strategy_parse(NULL) == -1);
    CHECK(strcmp(tsr_sim_strategy_name(TSR_SIM_S__COUNT), "unknown") == 0 && tsr_sim_strategy_identifiable(-1) == 0);
    CHECK(sizeof mutators / sizeof mutators[0] == TSR_SIM_M__COUNT - 1);
    for (i = 0; i < sizeof mutators / sizeof mutators[0]; i++) {
        CHECK(tsr_sim_mutator_parse(mutators[i]) == (int)i + 1);
        CHECK(strcmp(tsr_sim_mutator_name((int)i + 1), mutators[i]) == 0);
    }
    CHECK(tsr_sim_mutator_parse("flipbits") == -1 && strcmp(tsr_sim_mutator_name(-1), "unknown") == 0);
    for (i = 0; i < TSR_SIM_P__COUNT; i++) {
        CHECK(tsr_sim_property_parse(props[i]) == (int)i && strcmp(tsr_sim_property_name((int)i), props[i]) == 0);
    }
    CHECK(tsr_sim_property_parse("safety") == -1 && strcmp(tsr_sim_property_name(TSR_SIM_P__COUNT), "unknown") == 0);
    for (c = 0; c < TSR_CHECK__COUNT; c++) {
        CHECK(tsr_sim_check_parse(tsr_sim_check_symbol(c)) == c);
    }
    CHECK(tsr_sim_check_parse("FELDMAN") == TSR_CHECK_FELDMAN && tsr_sim_check_parse("feldman") == TSR_CHECK_FELDMAN);
    CHECK(tsr_sim_check_parse("Signature_Share") == TSR_CHECK_SIGNATURE_SHARE);
    CHECK(tsr_sim_check_parse("TSR_CHECK_POK") == TSR_CHECK_POK && tsr_sim_check_parse("REQUEST") == 36);
    CHECK(tsr_sim_check_parse("POINT_NOT_ON_CURVE") == TSR_CHECK_POINT_NOT_ON_CURVE);
    CHECK(tsr_sim_check_parse("DUPLICATE_CONTRIBUTION") == TSR_CHECK_DUPLICATE_CONTRIBUTION);
    CHECK(tsr_sim_check_parse("FELDMANN") == -1 && tsr_sim_check_parse("") == -1 && tsr_sim_check_parse(NULL) == -1);
    CHECK(strcmp(tsr_sim_check_symbol(TSR_CHECK_ID_ORDER), "ID_ORDER") == 0);
    CHECK(strcmp(tsr_sim_check_symbol(TSR_CHECK__COUNT), "UNKNOWN") == 0);
    CHECK(strcmp(tsr_sim_check_symbol(-1), "UNKNOWN") == 0);

    f = open_memstream(&text, &tl);
    CHECK(f != NULL);
    if (f == NULL) {
        return;
    }
    tsr_sim_print_strategies(f);
    fclose(f);
    for (i = 0; i < sizeof strategies / sizeof strategies[0]; i++) {
        CHECK_MSG(strstr(text, strategies[i]) != NULL, "strategies text lacks %s", strategies[i]);
    }
    CHECK(strstr(text, "DKG-02") != NULL && strstr(text, "SIG-03") != NULL && strstr(text, "LV-01") != NULL);
    free(text);
    text = NULL;
    f = open_memstream(&text, &tl);
    CHECK(f != NULL);
    if (f == NULL) {
        return;
    }
    tsr_sim_print_fields(f);
    fclose(f);
    {
        static const char *const want[] = {
            "dkg.round1", "dkg.round2.eq", "dkg.round2.share", "dkg.round3", "dkg.round4", "frost.commit",
            "frost.request", "frost.sigshare", "frost.signature", "commitment[i]", "pok_r", "pok_mu", "eq_hash",
            "recipient", "complaints[i].accused", "complaints[i].kind", "complaints[i].share", "complaints[i].sig",
            "cert_sig", "openings[i].accuser", "openings[i].share", "hiding", "binding", "msglen", "list[i].id",
            "list[i].hiding", "list[i].binding", "frame.version", "frame.suite", "frame.type", "frame.session",
            "frame.sender", "frame.nfields", "frame.length", "every message"};
        for (i = 0; i < sizeof want / sizeof want[0]; i++) {
            CHECK_MSG(strstr(text, want[i]) != NULL, "fields text lacks %s", want[i]);
        }
        for (i = 0; i < sizeof mutators / sizeof mutators[0]; i++) {
            CHECK_MSG(strstr(text, mutators[i]) != NULL, "fields text lacks %s", mutators[i]);
        }
    }
    free(text);
}

/* ---- property test: random payloads, random mutations -------------------------------------------- */

static void check_fields_inside(const tsr_sim_field *fl, size_t n, size_t len, uint16_t type) {
    size_t i;
    for (i = 0; i < n; i++) {
        CHECK_MSG(fl[i].off <= len && fl[i].len <= len - fl[i].off, "type %04x field %s [%zu, +%zu) outside %zu",
                  (unsigned)type, fl[i].name, fl[i].off, fl[i].len, len);
        CHECK(fl[i].name[0] != 0 && fl[i].kind >= TSR_SIM_K_U8 && fl[i].kind <= TSR_SIM_K_FRAME);
        if (fl[i].kind == TSR_SIM_K_VECTOR) {
            CHECK(fl[i].count_off == fl[i].off && fl[i].len >= 2);
        }
    }
}

static void test_property(const fx *x, int rounds) {
    static const uint16_t types[] = {0, TSR_MSG_DKG_ROUND1, TSR_MSG_DKG_ROUND2_EQ, TSR_MSG_DKG_ROUND2_SHARE,
                                     TSR_MSG_DKG_ROUND3, TSR_MSG_DKG_ROUND4, TSR_MSG_FROST_COMMITMENT,
                                     TSR_MSG_FROST_REQUEST, TSR_MSG_FROST_SIGSHARE, TSR_MSG_FROST_SIGNATURE};
    const uint8_t *seeds[10];
    size_t seedl[10];
    static tsr_sim_field fl[2048];
    uint8_t *p;
    int it;

    seeds[0] = x->round1; seedl[0] = x->round1_len; /* type 0 gets a payload: any bytes */
    seeds[1] = x->round1; seedl[1] = x->round1_len;
    seeds[2] = x->eqb; seedl[2] = 32;
    seeds[3] = x->shareb; seedl[3] = 100;
    seeds[4] = x->round3c; seedl[4] = x->round3c_len;
    seeds[5] = x->round4; seedl[5] = x->round4_len;
    seeds[6] = x->commit; seedl[6] = 70;
    seeds[7] = x->request; seedl[7] = x->request_len;
    seeds[8] = x->sigshare; seedl[8] = 36;
    seeds[9] = x->sig; seedl[9] = x->siglen;
    for (it = 0; it < rounds; it++) {
        size_t ti = (size_t)(tsr_test_rand64() % 10), len, n, i, fi;
        uint16_t type = types[ti];
        uint64_t mode = tsr_test_rand64() % 4;
        if (mode == 0) { /* random bytes */
            len = (size_t)(tsr_test_rand64() % 400);
            p = malloc(len ? len : 1);
            tsr_test_randbytes(p, len);
            if (len >= 2 && (tsr_test_rand64() & 1)) { /* small counts so that vectors fit sometimes */
                p[0] = 0;
                p[1] = (uint8_t)(tsr_test_rand64() % 6);
            }
        } else { /* a real message, cut, extended or with bytes changed */
            size_t sl = seedl[ti], extra = (size_t)(tsr_test_rand64() % 8);
            len = mode == 1 ? (size_t)(tsr_test_rand64() % (sl + 1)) : sl + (mode == 2 ? extra : 0);
            p = malloc(len ? len : 1);
            memcpy(p, seeds[ti], len < sl ? len : sl);
            if (len > sl) {
                tsr_test_randbytes(p + sl, len - sl);
            }
            if (mode == 3 && len > 0) {
                for (i = tsr_test_rand64() % 4; i > 0; i--) {
                    p[tsr_test_rand64() % len] ^= (uint8_t)(1u << (tsr_test_rand64() % 8));
                }
            }
        }
        /* an exact-size copy, so that ASan sees any read past the end */
        n = tsr_sim_fields(fl, sizeof fl / sizeof fl[0], type, x->suite, p, len);
        check_fields_inside(fl, n, len, type);
        CHECK(tsr_sim_fields(fl, 3, type, x->suite, p, len) == (n < 3 ? n : 3));
        if (n > 0) {
            tsr_sim_behaviour b;
            tsr_sim_rng rng;
            uint8_t *o = NULL;
            size_t ol = 0, on;
            int rc;
            memset(&b, 0, sizeof b);
            fi = (size_t)(tsr_test_rand64() % n);
            b.mutator = 1 + (int)(tsr_test_rand64() % (TSR_SIM_M__COUNT - 1));
            b.k = (long)(tsr_test_rand64() % 7) - 3;
            b.party = 3;
            b.hexlen = (size_t)(tsr_test_rand64() % 40);
            tsr_test_randbytes(b.hex, b.hexlen);
            tsr_sim_rng_init_seed(&rng, tsr_test_rand64());
            errbuf[0] = 0;
            if (type == 0) {
                rc = tsr_sim_mutate_frame(&o, &ol, fl[fi].name, &b, p, len, &rng, errbuf, sizeof errbuf);
            } else {
                rc = tsr_sim_mutate(&o, &ol, &fl[fi], &b, type, x->suite, p, len, seeds[ti], seedl[ti], &rng,
                                    errbuf, sizeof errbuf);
            }
            CHECK_MSG(rc == 0 || (rc == -1 && o == NULL && errbuf[0] != 0), "type %04x %s %s: rc %d", (unsigned)type,
                      fl[fi].name, tsr_sim_mutator_name(b.mutator), rc);
            if (rc == 0) {
                on = tsr_sim_fields(fl, sizeof fl / sizeof fl[0], type, x->suite, o, ol);
                check_fields_inside(fl, on, ol, type);
                free(o);
            }
        }
        free(p);
    }
}

int main(int argc, char **argv) {
    uint8_t seed[32];
    fx *x;
    int s;

    tsr_test_init("test_sim_fields", argc, argv);
    tsr_test_randbytes(seed, sizeof seed);
    ctx = tsr_context_create(seed);
    if (ctx == NULL) {
        return 1;
    }
    for (s = TSR_SUITE_SECP256K1_SHA256; s <= TSR_SUITE_SECP256K1_TR; s++) {
        x = fx_new((uint8_t)s);
        test_walk_dkg(x);
        test_walk_frost(x);
        test_mut_round1(x);
        test_mut_round2(x);
        test_mut_round34(x);
        test_mut_frost(x);
        test_mut_errors(x);
        test_frame(x);
        test_targets(x);
        test_property(x, 3000);
        fx_free(x);
    }
    test_tables();
    free(mout);
    free(fout);
    tsr_context_destroy(ctx);
    return tsr_test_done();
}
