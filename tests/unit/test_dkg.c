/* Unit tests for the DKG (dkg.h): ZcashFoundation's DKG vectors (plain and TR), honest ceremonies, the certificate, every attack with the culprit it must name (and never an honest party), every decoder reject reason, phases and the failed state. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

#include "tessera/tessera.h"
#include "tsr_test.h"

static tsr_context *ctx;
static secp256k1_context *sctx; /* the test's own libsecp256k1 context (signing checks) */

/* ---- helpers -------------------------------------------------------------------------------- */

static void hex_scalar(tsr_scalar *r, const char *hex) {
    uint8_t b[32];
    CHECK(tsr_test_unhex(b, 32, hex) == 32);
    CHECK(tsr_scalar_decode(r, b) == TSR_OK);
}

static void hex_point(tsr_point *r, const char *hex) {
    uint8_t b[33];
    CHECK(tsr_test_unhex(b, 33, hex) == 33);
    CHECK(tsr_point_decode(ctx, r, b, 33, 0, NULL) == TSR_OK);
}

static int scalar_eq(const tsr_scalar *a, const tsr_scalar *b) {
    return tsr_scalar_eq_mask(a, b) != 0;
}

static int point_eq(const tsr_point *a, const tsr_point *b) {
    return tsr_point_eq(ctx, a, b);
}

static int point_hex_eq(const tsr_point *p, const char *hex) {
    tsr_point q;
    hex_point(&q, hex);
    return point_eq(p, &q);
}

static int scalar_hex_eq(const tsr_scalar *s, const char *hex) {
    tsr_scalar q;
    hex_scalar(&q, hex);
    return scalar_eq(s, &q);
}

static double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* One in-process ceremony: n parties and every message. States are large: calloc'd. */
typedef struct {
    uint8_t suite;
    size_t t, n;
    uint8_t session[32];
    tsr_dkg_state *st;       /* [n] */
    tsr_dkg_round1_msg *r1;  /* [n] */
    tsr_dkg_round2_bcast *r2b; /* [n] */
    tsr_dkg_round2_p2p *r2p; /* [n * n]: sender * n + recipient */
    tsr_dkg_round2_p2p *in2; /* [n + 2] scratch inbox */
    tsr_dkg_round3_msg *r3;  /* [n] */
    tsr_dkg_round4_msg *r4;  /* [n] */
    tsr_blame *bl;           /* [n + 2] */
    size_t nbl;
    int *done;               /* [n] */
    tsr_scalar *share;       /* [n] */
    tsr_dkg_public *pub;     /* [n] */
} cer;

static cer *cer_new(uint8_t suite, size_t t, size_t n) {
    cer *c = calloc(1, sizeof *c);
    if (c == NULL) {
        abort();
    }
    c->suite = suite;
    c->t = t;
    c->n = n;
    tsr_test_randbytes(c->session, 32);
    c->st = calloc(n, sizeof *c->st);
    c->r1 = calloc(n, sizeof *c->r1);
    c->r2b = calloc(n, sizeof *c->r2b);
    c->r2p = calloc(n * n, sizeof *c->r2p);
    c->in2 = calloc(n + 2, sizeof *c->in2);
    c->r3 = calloc(n, sizeof *c->r3);
    c->r4 = calloc(n, sizeof *c->r4);
    c->bl = calloc(n + 2, sizeof *c->bl);
    c->done = calloc(n, sizeof *c->done);
    c->share = calloc(n, sizeof *c->share);
    c->pub = calloc(n, sizeof *c->pub);
    if (!c->st || !c->r1 || !c->r2b || !c->r2p || !c->in2 || !c->r3 || !c->r4 || !c->bl || !c->done ||
        !c->share || !c->pub) {
        abort();
    }
    return c;
}

static void cer_free(cer *c) {
    size_t i;
    for (i = 0; i < c->n; i++) {
        tsr_dkg_state_clear(&c->st[i]);
    }
    tsr_memzero(c->r2p, c->n * c->n * sizeof *c->r2p);
    tsr_memzero(c->share, c->n * sizeof *c->share);
    free(c->st); free(c->r1); free(c->r2b); free(c->r2p); free(c->in2); free(c->r3); free(c->r4);
    free(c->bl); free(c->done); free(c->share); free(c->pub);
    free(c);
}

/* Random randomness for party i (index), and init. */
static void cer_init_one(cer *c, size_t i) {
    size_t len = 64 * c->t + 64;
    uint8_t *rnd = malloc(len);
    if (rnd == NULL) {
        abort();
    }
    tsr_test_randbytes(rnd, len);
    CHECK(tsr_dkg_init(ctx, &c->st[i], c->suite, c->session, (uint32_t)(i + 1), c->t, c->n, NULL, rnd, len) == TSR_OK);
    free(rnd);
}

static void cer_init(cer *c) {
    size_t i;
    for (i = 0; i < c->n; i++) {
        cer_init_one(c, i);
    }
}

static void cer_round1(cer *c) {
    size_t i;
    for (i = 0; i < c->n; i++) {
        CHECK(tsr_dkg_round1(ctx, &c->st[i], &c->r1[i]) == TSR_OK);
    }
}

static int cer_round2_one(cer *c, size_t i, const tsr_dkg_round1_msg *in, size_t nin) {
    return tsr_dkg_round2(ctx, &c->st[i], &c->r2b[i], c->r2p + i * c->n, c->bl, c->n + 2, &c->nbl, in, nin);
}

static void cer_round2(cer *c) {
    size_t i;
    for (i = 0; i < c->n; i++) {
        CHECK(cer_round2_one(c, i, c->r1, c->n) == TSR_OK && c->nbl == 0);
    }
}

/* Party i's round 3 on the n broadcasts and the n-1 shares addressed to it. */
static int cer_round3_one(cer *c, size_t i) {
    size_t j, m = 0;
    for (j = 0; j < c->n; j++) {
        if (j != i) {
            c->in2[m++] = c->r2p[j * c->n + i];
        }
    }
    return tsr_dkg_round3(ctx, &c->st[i], &c->r3[i], c->bl, c->n + 2, &c->nbl, c->r2b, c->n, c->in2, m);
}

static int cer_round4_one(cer *c, size_t i) {
    return tsr_dkg_round4(ctx, &c->st[i], &c->r4[i], &c->done[i], c->bl, c->n + 2, &c->nbl, c->r3, c->n);
}

static int cer_round5_one(cer *c, size_t i) {
    return tsr_dkg_round5(ctx, &c->st[i], c->bl, c->n + 2, &c->nbl, c->r4, c->n);
}

/* Checks the blames: exactly nb_want records, culprit/check/round each; and no honest party
 * (honest[j] for party j+1) is ever named. */
static void check_blames(const cer *c, size_t nb_want, const uint32_t *culprit, const uint16_t *check,
                         const uint16_t *round) {
    size_t k;
    CHECK_MSG(c->nbl == nb_want, "nblames %zu, want %zu (first: culprit %u check %u)", c->nbl, nb_want,
              c->nbl > 0 ? c->bl[0].culprit : 0, c->nbl > 0 ? c->bl[0].check : 0);
    for (k = 0; k < c->nbl && k < nb_want; k++) {
        CHECK_MSG(c->bl[k].culprit == culprit[k] && c->bl[k].check == check[k] && c->bl[k].phase == TSR_PHASE_KEYGEN,
                  "blame %zu: culprit %u check %u (%s), want culprit %u check %u", k, c->bl[k].culprit,
                  c->bl[k].check, tsr_check_name(c->bl[k].check), culprit[k], check[k]);
        if (round != NULL) {
            CHECK_MSG(c->bl[k].round == round[k], "blame %zu: round %u, want %u", k, c->bl[k].round, round[k]);
        }
    }
}

/* Every blame names a culprit in the cheater list (or nobody): never an honest party. */
static void check_never_honest(const cer *c, const uint32_t *cheaters, size_t ncheat) {
    size_t k, e;
    for (k = 0; k < c->nbl; k++) {
        int ok = c->bl[k].culprit == TSR_CULPRIT_NONE;
        for (e = 0; e < ncheat; e++) {
            ok |= c->bl[k].culprit == cheaters[e];
        }
        CHECK_MSG(ok, "blame names honest party %u", c->bl[k].culprit);
    }
}

/* Every call on a state in TSR_DKG_PHASE_FAILED (or cleared) is refused. */
static void check_refuses_all(cer *c, size_t i) {
    int done = 7;
    tsr_scalar s;
    CHECK(tsr_dkg_round1(ctx, &c->st[i], &c->r1[i]) == TSR_ERR_STATE);
    CHECK(cer_round2_one(c, i, c->r1, c->n) == TSR_ERR_STATE);
    CHECK(cer_round3_one(c, i) == TSR_ERR_STATE);
    CHECK(tsr_dkg_round4(ctx, &c->st[i], &c->r4[i], &done, c->bl, c->n, &c->nbl, c->r3, c->n) == TSR_ERR_STATE);
    CHECK(cer_round5_one(c, i) == TSR_ERR_STATE);
    CHECK(tsr_dkg_result(&c->st[i], &s, NULL) == TSR_ERR_STATE);
}
/* ZcashFoundation DKG vectors, hard-coded (verbatim hex). Per party: signing_key (a_0),
 * coefficient (a_1), vss_commitments, proof_of_knowledge, received[j] = inputs[i].signing_shares[j]
 * (f_j(i): received by party i from party j, SOURCES.md's gotcha), verifying_share, signing_share. */
typedef struct {
    const char *a0, *a1, *comm[2], *pok, *received[3], *vshare, *share;
} zf_party;

/* vectors/external/zcash-frost/frost-secp256k1-vectors_dkg.json:
 * inputs."1".."3" and inputs.verifying_key */
static const zf_party zf_plain[3] = {
    {"e7a3cf1fdb1e17d4c3e8a7f663803ef305d03bdfdc930b824b0664c6b853156d",
     "819adb51466d687c3944f8dad799a09551af9c083c918a50d9a24a883ae86e2a",
     {"02dd81b7019efd1d38352b8df26a47d8e6bcb4ce7db71b2f9739b01031105294e2",
      "03cad1d1bc9d75de15ed0b4cb49dbde670d70988aa96d7982a25ee5484c97d3efc"},
     "0304df6af7f67b0d5f49ea2116f2d561a0a535c184836779f0f0677ff0838740"
     "ce20a0cb076384312f8817e030ca20379bab9247ee56fc3576b0b092f01c005691",
     {NULL,
      "3c4ae6fe69d55280cb06a0551f8563e526ee6f133a99433addcbb722a4c6f438",
      "e2454ec522749fc08388fed9c120b6ada8e1fd1e00026624c95b273f94dbf8a8"},
     "02b2597e19a037ba2eef224402a50652be93c1ab5bbd6195fc07ae6f6ecfa1304d",
     "87cee034add572924bbd40001bbffa1db1f28a4bf52efebb4c2ad0978c71edf5"},
    {"ea163e297661aadf460b3de39a7550bd9b8fb2d07f1e1db5af098720156591a5",
     "5234a8d4f373a7a184fb627185101326460d99296ac3c5c0ee948e8f5f97a3d4",
     {"0280709e1bc38ca14a42f04dde31b33308d5a7ed7ef79a87c0cc14200783b519ac",
      "03490b38389a84ea57fde7b369962a92c53b367c221d5cd4728a7c6dfddb337c51"},
     "02afffa1f80fd46f2bac01bf7967649014a3a5236a62f32f98ce11fec20ee722"
     "9072c534d89a6b7b4c16129780404e172c3bdb527a77d40d760b80cc6538bcd4c4",
     {"ead985c267f8e8cd367299ac12b3801eee809709a66d7fe83e789b4a5dedb080",
      NULL,
      "39ee690094ac23a2373b35714ae7d3dc0e07e380bf547bf71758903d291a3e0b"},
     "03037adc4e0f796b96fc639ac194c1e167ccc5dd57505c813b0533b2bcd6d6ddaa",
     "b3477e9659ee0691bdafd1e40230cb07aed5a5e05bd6649f625f12acbb304556"},
    {"8a9c3489b03d1bdecfd6c84237599980890d39d49167b016bb8b5fb530677204",
     "57a91a3b723783e1b3b2369789c71d2d1fd4c3496e9ab60e0dcfc78a647486a4",
     {"03f26b76678fe0174196430bb94e4e688044ae7bae2ccd7fef21c354429eb8bd61",
      "020d7a0d25b4ebed5157daf56aba2b89c3e0522f3bc293cc5e138f10e9c5efa465"},
     "02ad586ef180cda6bae1d2144ee090d277c77b789c8261349a247073626373cd"
     "8723b0ea6a62e8bc37372567ab4ef221d5e0a6c46d57d3746f6e5fde863298a542",
     {"6c746113ae6651496fb79286ea4d20b58581562b33b669fd58488745c89fdd69",
      "e0b438a850bca1c3d4fd653829a58a31b309a1661020cebcbaf4d44163f63be0",
      NULL},
     "02f2198ff3f1e1de2249cdc59eb4ec926936892fa39fc1582861ad2e84681624b3",
     "dec01cf806069a912fa263c7e8a19bf1abb8c174c27dca83789354c1e9ee9cb7"},
};
static const char *const zf_plain_group = "037b5b0c4b6c91a16fb78499e8a74cc792f9ea79cb94860fcb90f801472930de47";

/* vectors/external/zcash-frost/frost-secp256k1-tr-vectors_dkg.json:
 * inputs."1".."3" and inputs.verifying_key */
static const zf_party zf_tr[3] = {
    {"68e3f6904c6043973515a36bf7801a71597da35733f21305d75a5234f06e4529",
     "25d2d840a3e2718a431ec69e14ee8a015b000d43c7a9868060f01d5aa52a19d1",
     {"03e7ba4acb164d2bd5eba4f47b3a788109ddb3f88f1181792424fa332123a25ea8",
      "037495e920a1f032916193aa80ea97a4c3a611dec9ab47ccc969deb664f5f88bbe"},
     "191a4ef1851286e2fd6cebd483385452cbb12f43386241854939252c4ed8846b"
     "8631f9e69be37ccbd3a0b4593a8f63738747e165a22d0b5786eeb74e59a17837",
     {NULL,
      "1dd3cb3e2370e6af22917415f0ad584514807b58b3cc40d2230a26e115f02771",
      "dd25ee86acd01f996618aa0d1153f5e8fbc929a8e8a18b8f0a15f91d087217e2"},
     "02a8bf413b5d7af0e692fba967540cde8009f161a4d721f8c88649c1933bbb7531",
     "f1be455a8ec9ab86ef8438f23a5cfdf70153aa2785d4bebba83e0840403e4bf3"},
    {"2619be8223b23e0453ddc630a4d164e81f7d8a9e07af33c4d4d02190df8bec13",
     "f7ba0cbbffbea8aaceb3ade54bdbf35bafb1cda15b65ad490e0c63dd069a7c9f",
     {"03ef10370a008cd95e179dc51e2cb7828f30b72d254e5166484f927c84ab326582",
      "022ce0dac0db217ba326fbbe3e6132d45e2a4bfa0a0c3790d91eacce9a1c2d6a10"},
     "a319dd51cf64b3896c22f54154812d4ae76cfa95f46f53ef69241fd702456fef"
     "32da76cc93d3a541ca495b723e793ee90c32440da5f314e2e58a2dc30550314a",
     {"b489a711942526abbb5330a8215d2e740f7dbddec3452006993a8cea3ac278cb",
      NULL,
      "20255dc07b1fb78bdf90bd85fd2389c988c8250faee11826656a09142fa9fc97"},
     "029ecb3a4db28a82e7b8d600d42711b02790dde3f063f0ecec6f812c1c5d7dcefc",
     "9131f1241cd8f95f6439b0f5edc2ecb969a2d3db9c85fe5added77116d41d0ce"},
    {"9a267f4cde8087a6eca0969425846209b41b515b73195ebbeeef8a991103f1ec",
     "42ff6f39ce4f97f279781378ebcf93df47add84d75882cd31b266e83f76e25f6",
     {"02da186c3863c5600b471a2799cb6f15ae4d8315a2f225c177798880e75ac820a0",
      "03e6a36e7fa4b117c1aa428886672e3a35d926bb4c585a9b07d8ee9a3387420067"},
     "6e115d9e63fd15d432b380ccf1ec4ed03340fcf96caeae8985aedb5f905b1a65"
     "dc422ffe5878988fbbc55454857736c7755d9c8f5ee6822c8833ea21d54dba36",
     {"da5c7f5238079835fe71f746364bb8756a7dcb228aeea686fa2aaa44dfec929c",
      "0d47e4b622ee3804bff8cfe088653efefe865cce0c065aecbf7e318182b89e2d",
      NULL},
     "02c98b3c2e9f4bde4cf90dc9c7be639e5adda6ea09fc605239880a22cb836f7145",
     "30a59cedaae84737d8ef28f9a128db7bd1f1fd8fb3373dfa139ce5e29a4555a9"},
};
static const char *const zf_tr_group = "03849089de77b56bd35fcbfc70bf38e73448131090acc75d538a5cea63cc3dcefe";

/* Decodes a ZF proof of knowledge: plain R (33) || z, TR x(R) (32) || z. */
static void zf_pok(uint8_t suite, tsr_point *r, tsr_scalar *mu, const char *hex) {
    uint8_t b[65];
    size_t plen = suite == TSR_SUITE_SECP256K1_TR ? 64 : 65;
    CHECK(tsr_test_unhex(b, sizeof b, hex) == plen);
    if (plen == 64) {
        CHECK(tsr_point_decode_xonly(ctx, r, b, NULL) == TSR_OK);
    } else {
        CHECK(tsr_point_decode(ctx, r, b, 33, 0, NULL) == TSR_OK);
    }
    CHECK(tsr_scalar_decode(mu, b + plen - 32) == TSR_OK);
}

/* The ZF vectors through the whole Tessera DKG: the polynomials are the vector's, the PoK
 * nonces Tessera's own (the file has none), so the PoKs are checked by verification (ZF's
 * challenge: no session); commitments, shares, final shares, verifying shares and the group key
 * must be the file's. */
static void test_zf(uint8_t suite, const zf_party *zf, const char *group_hex) {
    cer *c = cer_new(suite, 2, 3);
    tsr_poly f;
    tsr_point r;
    tsr_scalar mu;
    uint8_t rnd[64];
    size_t i, j;

    for (i = 0; i < 3; i++) {
        memset(&f, 0, sizeof f);
        f.t = 2;
        hex_scalar(&f.a[0], zf[i].a0);
        hex_scalar(&f.a[1], zf[i].a1);
        tsr_test_randbytes(rnd, sizeof rnd);
        rnd[0] |= 1;
        CHECK(tsr_dkg_init(ctx, &c->st[i], suite, c->session, (uint32_t)(i + 1), 2, 3, &f, rnd, 64) == TSR_OK);
    }
    cer_round1(c);
    for (i = 0; i < 3; i++) {
        CHECK(c->r1[i].sender == i + 1 && c->r1[i].commitment.t == 2);
        CHECK(point_hex_eq(&c->r1[i].commitment.c[0], zf[i].comm[0]));
        CHECK(point_hex_eq(&c->r1[i].commitment.c[1], zf[i].comm[1]));
        /* the file's proof: ZF's challenge (no session), bound to the id and C0 */
        zf_pok(suite, &r, &mu, zf[i].pok);
        CHECK(tsr_dkg_pok_verify(ctx, suite, NULL, (uint32_t)(i + 1), &c->r1[i].commitment.c[0], &r, &mu) == TSR_OK);
        CHECK(tsr_dkg_pok_verify(ctx, suite, c->session, (uint32_t)(i + 1), &c->r1[i].commitment.c[0], &r, &mu) ==
              TSR_ERR_VERIFY);
        CHECK(tsr_dkg_pok_verify(ctx, suite, NULL, (uint32_t)(i % 3 + 2), &c->r1[i].commitment.c[0], &r, &mu) ==
              TSR_ERR_VERIFY);
        CHECK(tsr_dkg_pok_verify(ctx, suite == TSR_SUITE_SECP256K1_TR ? TSR_SUITE_SECP256K1_SHA256 : TSR_SUITE_SECP256K1_TR,
                                 NULL, (uint32_t)(i + 1), &c->r1[i].commitment.c[0], &r, &mu) == TSR_ERR_VERIFY);
        /* Tessera's own proof is bound to the session */
        CHECK(tsr_dkg_pok_verify(ctx, suite, c->session, (uint32_t)(i + 1), &c->r1[i].commitment.c[0],
                                 &c->r1[i].pok_r, &c->r1[i].pok_mu) == TSR_OK);
        CHECK(tsr_dkg_pok_verify(ctx, suite, NULL, (uint32_t)(i + 1), &c->r1[i].commitment.c[0], &c->r1[i].pok_r,
                                 &c->r1[i].pok_mu) == TSR_ERR_VERIFY);
    }
    cer_round2(c);
    for (i = 0; i < 3; i++) {
        for (j = 0; j < 3; j++) {
            if (i != j) {
                CHECK_MSG(scalar_hex_eq(&c->r2p[j * 3 + i].share, zf[i].received[j]), "share %zu -> %zu", j + 1, i + 1);
            }
        }
    }
    for (i = 0; i < 3; i++) {
        CHECK(cer_round3_one(c, i) == TSR_OK && c->nbl == 0 && c->r3[i].naccused == 0);
    }
    for (i = 0; i < 3; i++) {
        CHECK(cer_round4_one(c, i) == TSR_OK && c->done[i] == 1 && c->nbl == 0);
        CHECK(tsr_dkg_result(&c->st[i], &c->share[i], &c->pub[i]) == TSR_OK);
        CHECK_MSG(scalar_hex_eq(&c->share[i], zf[i].share), "signing_share of %zu", i + 1);
        CHECK(point_hex_eq(&c->pub[i].group_key, group_hex));
        for (j = 0; j < 3; j++) {
            CHECK_MSG(point_hex_eq(&c->pub[i].vshares[j], zf[j].vshare), "verifying_share of %zu", j + 1);
        }
        CHECK(tsr_dkg_certificate_verify(ctx, &c->pub[i], NULL) == TSR_OK);
    }
    cer_free(c);
}

/* The eq hash recomputed from its definition (spec/dkg.md §Eq hash) over the encoded messages. */
static void check_eq_hash(const cer *c) {
    size_t len = 1 + 32 + 4 + c->n * (4 + TSR_DKG_ROUND1_MAX_BYTES), pos = 0, ml, j;
    uint8_t *buf = malloc(len), eq[32];
    if (buf == NULL) {
        abort();
    }
    buf[pos++] = c->suite;
    memcpy(buf + pos, c->session, 32);
    pos += 32;
    buf[pos++] = (uint8_t)(c->t >> 8);
    buf[pos++] = (uint8_t)c->t;
    buf[pos++] = (uint8_t)(c->n >> 8);
    buf[pos++] = (uint8_t)c->n;
    for (j = 0; j < c->n; j++) {
        buf[pos++] = 0;
        buf[pos++] = 0;
        buf[pos++] = (uint8_t)((j + 1) >> 8);
        buf[pos++] = (uint8_t)(j + 1);
        CHECK(tsr_dkg_round1_encode(ctx, buf + pos, len - pos, &ml, c->suite, &c->r1[j]) == TSR_OK);
        CHECK(ml == 2 + 33 * c->t + (c->suite == TSR_SUITE_SECP256K1_TR ? 64 : 65));
        pos += ml;
    }
    tsr_tagged_hash(eq, (const uint8_t *)"TSR-DKG-EQ-v1", 13, buf, pos);
    CHECK(memcmp(eq, c->r2b[0].eq_hash, 32) == 0);
    CHECK(tsr_dkg_eq_hash(ctx, eq, c->suite, c->session, c->t, c->n, c->r1) == TSR_OK);
    CHECK(memcmp(eq, c->r2b[0].eq_hash, 32) == 0);
    free(buf);
}

/* The certificate message recomputed from its definition (spec/dkg.md §Certificate). */
static void check_cert_message(const tsr_dkg_public *pub) {
    uint8_t buf[1 + 32 + 4 + 32 + 33 * (TSR_MAX_PARTIES + 1)], h[32], m[32];
    size_t pos = 0, j;
    buf[pos++] = pub->suite;
    memcpy(buf + pos, pub->session, 32);
    pos += 32;
    buf[pos++] = (uint8_t)(pub->t >> 8);
    buf[pos++] = (uint8_t)pub->t;
    buf[pos++] = (uint8_t)(pub->n >> 8);
    buf[pos++] = (uint8_t)pub->n;
    memcpy(buf + pos, pub->eq_hash, 32);
    pos += 32;
    CHECK(tsr_point_encode(ctx, buf + pos, &pub->group_key) == TSR_OK);
    pos += 33;
    for (j = 0; j < pub->n; j++) {
        CHECK(tsr_point_encode(ctx, buf + pos, &pub->vshares[j]) == TSR_OK);
        pos += 33;
    }
    tsr_tagged_hash(h, (const uint8_t *)"TSR-DKG-CERT-v1", 15, buf, pos);
    CHECK(tsr_dkg_certificate_message(ctx, m, pub) == TSR_OK);
    CHECK(memcmp(h, m, 32) == 0);
}

/* A BIP340 signature with key s verifies under x(P): the DKG output is a usable key. */
static void check_usable(const tsr_scalar *s, const tsr_point *p) {
    secp256k1_keypair kp;
    secp256k1_xonly_pubkey xpk;
    uint8_t sb[32], x[32], sig[64], msg[32];
    tsr_scalar_encode(sb, s);
    memset(msg, 0x5a, 32);
    CHECK(secp256k1_keypair_create(sctx, &kp, sb) == 1);
    CHECK(secp256k1_schnorrsig_sign32(sctx, sig, msg, &kp, NULL) == 1);
    CHECK(tsr_point_encode_xonly(ctx, x, NULL, p) == TSR_OK);
    CHECK(secp256k1_xonly_pubkey_parse(sctx, &xpk, x) == 1);
    CHECK(secp256k1_schnorrsig_verify(sctx, sig, msg, 32, &xpk) == 1);
    tsr_memzero(sb, sizeof sb);
    tsr_memzero(&kp, sizeof kp);
}

/* An honest t-of-n ceremony, every party to the end; returns the CPU seconds per party. */
static double test_honest(uint8_t suite, size_t t, size_t n) {
    cer *c = cer_new(suite, t, n);
    tsr_scalar *ids = calloc(n, sizeof *ids), s, sub[2];
    tsr_point p;
    double t0, dt;
    size_t i, j;

    cer_init(c);
    t0 = cpu_now();
    cer_round1(c);
    cer_round2(c);
    for (i = 0; i < n; i++) {
        CHECK(cer_round3_one(c, i) == TSR_OK && c->nbl == 0 && c->r3[i].naccused == 0);
    }
    for (i = 0; i < n; i++) {
        CHECK(cer_round4_one(c, i) == TSR_OK && c->done[i] == 1 && c->nbl == 0 && c->r4[i].nopen == 0);
    }
    dt = (cpu_now() - t0) / (double)n;
    for (i = 0; i < n; i++) {
        CHECK(tsr_dkg_result(&c->st[i], &c->share[i], &c->pub[i]) == TSR_OK);
        CHECK(memcmp(c->r2b[i].eq_hash, c->r2b[0].eq_hash, 32) == 0);
        CHECK(memcmp(c->pub[i].eq_hash, c->r2b[0].eq_hash, 32) == 0);
        CHECK(point_eq(&c->pub[i].group_key, &c->pub[0].group_key));
        CHECK(memcmp(c->pub[i].cert, c->pub[0].cert, 64 * n) == 0);
        CHECK(c->pub[i].t == t && c->pub[i].n == n && c->pub[i].suite == suite);
        CHECK(memcmp(c->pub[i].session, c->session, 32) == 0);
        for (j = 0; j < n; j++) {
            CHECK(point_eq(&c->pub[i].vshares[j], &c->pub[0].vshares[j]));
        }
        CHECK(tsr_point_base_mul(ctx, &p, &c->share[i]) == TSR_OK && point_eq(&p, &c->pub[0].vshares[i]));
        tsr_scalar_set_u32(&ids[i], (uint32_t)(i + 1));
        /* done: every round refuses, the result stays */
        CHECK(tsr_dkg_round1(ctx, &c->st[i], &c->r1[i]) == TSR_ERR_STATE);
        CHECK(cer_round5_one(c, i) == TSR_ERR_STATE);
    }
    CHECK(tsr_dkg_certificate_verify(ctx, &c->pub[0], NULL) == TSR_OK);
    check_cert_message(&c->pub[0]);
    if (n <= 10) {
        check_eq_hash(c);
    }
    /* t shares (the first t, and the last t) give the key of the group key */
    CHECK(tsr_shamir_reconstruct(&sub[0], ids, c->share, t, NULL) == TSR_OK);
    CHECK(tsr_shamir_reconstruct(&sub[1], ids + (n - t), c->share + (n - t), t, NULL) == TSR_OK);
    CHECK(scalar_eq(&sub[0], &sub[1]));
    CHECK(tsr_point_base_mul(ctx, &p, &sub[0]) == TSR_OK && point_eq(&p, &c->pub[0].group_key));
    check_usable(&sub[0], &c->pub[0].group_key);
    if (t > 1) {
        /* t - 1 shares do not */
        CHECK(tsr_shamir_reconstruct(&s, ids, c->share, t - 1, NULL) == TSR_OK && !scalar_eq(&s, &sub[0]));
    }
    tsr_memzero(sub, sizeof sub);
    free(ids);
    cer_free(c);
    return dt;
}

/* ---- attacks ------------------------------------------------------------------------------- */

static const uint32_t C_NONE = TSR_CULPRIT_NONE;

/* The dealer's (test-side) BIP340 signature on a share: what a cheating dealer does when it
 * signs a bad share itself (its a_0 is read from its state). */
static void dealer_sign(const cer *c, size_t dealer, uint32_t recipient, const tsr_scalar *share, uint8_t sig[64]) {
    secp256k1_keypair kp;
    uint8_t sb[32], msg[32];
    tsr_scalar_encode(sb, &c->st[dealer].f.a[0]);
    CHECK(secp256k1_keypair_create(sctx, &kp, sb) == 1);
    tsr_dkg_share_message(msg, c->suite, c->session, (uint32_t)(dealer + 1), recipient, share);
    CHECK(secp256k1_schnorrsig_sign32(sctx, sig, msg, &kp, NULL) == 1);
    tsr_memzero(sb, sizeof sb);
    tsr_memzero(&kp, sizeof kp);
}

static void add_one(tsr_scalar *s) {
    tsr_scalar one;
    tsr_scalar_set_u32(&one, 1);
    tsr_scalar_add(s, s, &one);
}

static int recv_wiped(const tsr_dkg_state *st) {
    size_t j;
    int ok = tsr_scalar_is_zero_mask(&st->share) != 0 && tsr_scalar_is_zero_mask(&st->pok_k) != 0;
    for (j = 0; j < TSR_MAX_PARTIES; j++) {
        ok &= tsr_scalar_is_zero_mask(&st->recv[j]) != 0 && tsr_scalar_is_zero_mask(&st->f.a[j]) != 0;
    }
    return ok;
}

static cer *cer_through_round2(uint8_t suite, size_t t, size_t n) {
    cer *c = cer_new(suite, t, n);
    cer_init(c);
    cer_round1(c);
    cer_round2(c);
    return c;
}

/* Dealer 2 sends victim 1 the share f_2(1) + 1, signed by itself: victim complains BAD_SHARE
 * with the signed share as evidence; everyone blames dealer 2 (TSR_CHECK_FELDMAN, round 2). */
static void test_bad_share(uint8_t suite) {
    cer *c = cer_through_round2(suite, 2, 3);
    const uint32_t cul[1] = {2}, cheat[1] = {2};
    const uint16_t chk[1] = {TSR_CHECK_FELDMAN}, rnd[1] = {2};
    size_t i;
    tsr_dkg_round2_p2p *bad = &c->r2p[1 * 3 + 0];
    add_one(&bad->share);
    dealer_sign(c, 1, 1, &bad->share, bad->sig);
    for (i = 0; i < 3; i++) {
        CHECK(cer_round3_one(c, i) == TSR_OK && c->nbl == 0);
    }
    CHECK(c->r3[0].naccused == 1 && c->r3[0].accused[0] == 2 && c->r3[0].kind[0] == TSR_DKG_COMPLAINT_BAD_SHARE);
    CHECK(scalar_eq(&c->r3[0].share[0], &bad->share) && memcmp(c->r3[0].sig[0], bad->sig, 64) == 0);
    CHECK(c->r3[1].naccused == 0 && c->r3[2].naccused == 0);
    for (i = 0; i < 3; i++) {
        CHECK(cer_round4_one(c, i) == TSR_OK && c->done[i] == 0 && c->r4[i].nopen == 0);
        CHECK(recv_wiped(&c->st[i]));
    }
    for (i = 0; i < 3; i++) {
        CHECK(cer_round5_one(c, i) == TSR_ERR_VERIFY);
        check_blames(c, 1, cul, chk, rnd);
        check_never_honest(c, cheat, 1);
        check_refuses_all(c, i);
    }
    cer_free(c);
}

/* Dealer 2 sends victim 1 a bad, validly signed share and then sends no round-3 message. The
 * round fails for the missing message, but the victim's evidence is still judged: dealer 2 is
 * blamed with TSR_CHECK_FELDMAN (round 2), not merely TSR_CHECK_MISSING (found by the
 * simulator's random runs, sim/scenarios/dkg-02-bad-share-then-silent.json). */
static void test_bad_share_then_silent(uint8_t suite) {
    cer *c = cer_through_round2(suite, 2, 3);
    const uint32_t cul[1] = {2}, cheat[1] = {2};
    const uint16_t chk[1] = {TSR_CHECK_FELDMAN}, rnd[1] = {2};
    tsr_dkg_round3_msg *in;
    size_t i;
    tsr_dkg_round2_p2p *bad = &c->r2p[1 * 3 + 0];
    add_one(&bad->share);
    dealer_sign(c, 1, 1, &bad->share, bad->sig);
    for (i = 0; i < 3; i++) {
        CHECK(cer_round3_one(c, i) == TSR_OK && c->nbl == 0);
    }
    CHECK(c->r3[0].naccused == 1 && c->r3[0].kind[0] == TSR_DKG_COMPLAINT_BAD_SHARE);
    in = calloc(2, sizeof *in);
    if (in == NULL) {
        abort();
    }
    in[0] = c->r3[0]; /* dealer 2's round-3 message is missing */
    in[1] = c->r3[2];
    for (i = 0; i < 3; i += 2) {
        CHECK(tsr_dkg_round4(ctx, &c->st[i], &c->r4[i], &c->done[i], c->bl, 5, &c->nbl, in, 2) == TSR_ERR_VERIFY);
        check_blames(c, 1, cul, chk, rnd);
        check_never_honest(c, cheat, 1);
        check_refuses_all(c, i);
    }
    free(in);
    cer_free(c);
}

/* The share f_2(1) + 1 without the dealer's signature (tampered on the way, or a dealer that
 * does not sign): the victim cannot prove anything, complains NO_SHARE; dealer 2 opens f_2(1),
 * which verifies: nobody is named (one record without a culprit) and the DKG fails. */
static void test_unsigned_bad_share(void) {
    cer *c = cer_through_round2(TSR_SUITE_SECP256K1_SHA256, 2, 3);
    const uint32_t cul[1] = {C_NONE};
    const uint16_t chk[1] = {TSR_CHECK_MISSING}, rnd[1] = {2};
    tsr_scalar want;
    size_t i;
    want = c->r2p[1 * 3 + 0].share;
    add_one(&c->r2p[1 * 3 + 0].share);
    for (i = 0; i < 3; i++) {
        CHECK(cer_round3_one(c, i) == TSR_OK && c->nbl == 0);
    }
    CHECK(c->r3[0].naccused == 1 && c->r3[0].accused[0] == 2 && c->r3[0].kind[0] == TSR_DKG_COMPLAINT_NO_SHARE);
    for (i = 0; i < 3; i++) {
        CHECK(cer_round4_one(c, i) == TSR_OK && c->done[i] == 0);
    }
    CHECK(c->r4[1].nopen == 1 && c->r4[1].accuser[0] == 1 && scalar_eq(&c->r4[1].share[0], &want));
    CHECK(c->r4[0].nopen == 0 && c->r4[2].nopen == 0);
    for (i = 0; i < 3; i++) {
        CHECK(cer_round5_one(c, i) == TSR_ERR_VERIFY);
        check_blames(c, 1, cul, chk, rnd);
    }
    cer_free(c);
}

/* Party 1 falsely accuses honest dealer 2 with BAD_SHARE; evidence variants: garbage, the real
 * (valid) signed share, another recipient's signed share. Parties 2 and 3 blame party 1
 * (TSR_CHECK_FALSE_COMPLAINT, round 3); party 1's own view: its message was altered. */
static void test_false_complaint(int variant) {
    cer *c = cer_through_round2(TSR_SUITE_SECP256K1_TR, 2, 3);
    const uint32_t cul[1] = {1}, cheat[1] = {1}, ncul[1] = {C_NONE};
    const uint16_t chk[1] = {TSR_CHECK_FALSE_COMPLAINT}, rnd[1] = {3}, nchk[1] = {TSR_CHECK_OWN_COMMITMENT};
    size_t i;
    for (i = 0; i < 3; i++) {
        CHECK(cer_round3_one(c, i) == TSR_OK && c->nbl == 0 && c->r3[i].naccused == 0);
    }
    c->r3[0].naccused = 1;
    c->r3[0].accused[0] = 2;
    c->r3[0].kind[0] = TSR_DKG_COMPLAINT_BAD_SHARE;
    if (variant == 0) {
        tsr_test_randbytes(c->r3[0].sig[0], 64);
        tsr_scalar_set_u32(&c->r3[0].share[0], 12345);
    } else if (variant == 1) {
        c->r3[0].share[0] = c->r2p[1 * 3 + 0].share;
        memcpy(c->r3[0].sig[0], c->r2p[1 * 3 + 0].sig, 64);
    } else {
        c->r3[0].share[0] = c->r2p[1 * 3 + 2].share;
        memcpy(c->r3[0].sig[0], c->r2p[1 * 3 + 2].sig, 64);
    }
    /* party 1 itself (running honest code) sees its own message altered */
    CHECK(cer_round4_one(c, 0) == TSR_ERR_VERIFY && c->done[0] == 0);
    check_blames(c, 1, ncul, nchk, rnd);
    c->r4[0].sender = 1;
    c->r4[0].nopen = 0;
    for (i = 1; i < 3; i++) {
        CHECK(cer_round4_one(c, i) == TSR_OK && c->done[i] == 0 && c->r4[i].nopen == 0);
    }
    for (i = 1; i < 3; i++) {
        CHECK(cer_round5_one(c, i) == TSR_ERR_VERIFY);
        check_blames(c, 1, cul, chk, rnd);
        check_never_honest(c, cheat, 1);
    }
    cer_free(c);
}

/* NO_SHARE: dealer 2's share to party 1 never arrives. mode 0: dealer 2 opens validly (nobody
 * named); 1: the opening is wrong (2, TSR_CHECK_FELDMAN, round 4); 2: no opening in its message;
 * 3: no round-4 message at all (2, TSR_CHECK_MISSING, round 4). */
static void test_no_share(int mode) {
    cer *c = cer_through_round2(TSR_SUITE_SECP256K1_SHA256, 2, 4);
    const uint32_t cul_none[1] = {C_NONE}, cul2[1] = {2}, cheat[1] = {2}, ncul[1] = {C_NONE};
    const uint16_t chk_none[1] = {TSR_CHECK_MISSING}, rnd_none[1] = {2};
    const uint16_t chk_bad[1] = {TSR_CHECK_FELDMAN}, chk_miss[1] = {TSR_CHECK_MISSING}, rnd4[1] = {4};
    const uint16_t nchk[1] = {TSR_CHECK_OWN_COMMITMENT};
    size_t i, j, m;
    for (i = 0; i < 4; i++) {
        if (i == 0) {
            /* party 1's inbox lacks dealer 2's share */
            for (j = 0, m = 0; j < 4; j++) {
                if (j != 0 && j != 1) {
                    c->in2[m++] = c->r2p[j * 4 + 0];
                }
            }
            CHECK(tsr_dkg_round3(ctx, &c->st[0], &c->r3[0], c->bl, 6, &c->nbl, c->r2b, 4, c->in2, m) == TSR_OK);
        } else {
            CHECK(cer_round3_one(c, i) == TSR_OK);
        }
        CHECK(c->nbl == 0);
    }
    CHECK(c->r3[0].naccused == 1 && c->r3[0].kind[0] == TSR_DKG_COMPLAINT_NO_SHARE);
    for (i = 0; i < 4; i++) {
        CHECK(cer_round4_one(c, i) == TSR_OK && c->done[i] == 0);
    }
    CHECK(c->r4[1].nopen == 1 && c->r4[1].accuser[0] == 1);
    if (mode == 1) {
        add_one(&c->r4[1].share[0]);
    } else if (mode == 2) {
        c->r4[1].nopen = 0;
    }
    for (i = 0; i < 4; i++) {
        if (mode == 3) {
            /* dealer 2's round-4 message is left out */
            tsr_dkg_round4_msg tmp = c->r4[1];
            c->r4[1] = c->r4[3];
            CHECK(tsr_dkg_round5(ctx, &c->st[i], c->bl, 6, &c->nbl, c->r4, 3) == TSR_ERR_VERIFY);
            c->r4[1] = tmp;
        } else {
            CHECK(cer_round5_one(c, i) == TSR_ERR_VERIFY);
        }
        if (mode == 0) {
            check_blames(c, 1, cul_none, chk_none, rnd_none);
        } else if (i == 1) {
            check_blames(c, 1, ncul, nchk, rnd4);
        } else {
            check_blames(c, 1, cul2, mode == 1 ? chk_bad : chk_miss, rnd4);
        }
        check_never_honest(c, cheat, 1);
    }
    cer_free(c);
}

typedef enum {
    A_COUNT_UP, A_COUNT_DOWN, A_IDENTITY, A_IDENTITY_R, A_DUP_SENDER, A_MISSING, A_TRANSPLANT, A_REPLAY,
    A_POK_MU, A_DUP_CONTRIB, A_OWN, A_OWN_POK, A_SENDER_RANGE, A_TWO, A__COUNT
} r1_attack;

/* Round-1 attacks (mostly by party 2) in a 2-of-3 DKG, seen by party 1 in round 2. */
static void test_r1_attack(r1_attack a) {
    cer *c = cer_new(tsr_test_rand64() % 2 ? TSR_SUITE_SECP256K1_TR : TSR_SUITE_SECP256K1_SHA256, 2, 3);
    tsr_dkg_round1_msg *in = calloc(4, sizeof *in);
    tsr_dkg_state *other = calloc(1, sizeof *other);
    uint8_t rnd[64 * 2 + 64], sess2[32];
    size_t nin = 3, nb_want = 1, j;
    uint32_t cul[2] = {2, 0};
    uint16_t chk[2] = {0, 0}, r1[2] = {1, 1};
    const uint32_t cheat[2] = {2, 3};
    tsr_scalar x;

    if (in == NULL || other == NULL) {
        abort();
    }
    cer_init(c);
    tsr_test_randbytes(rnd, sizeof rnd);
    CHECK(tsr_dkg_init(ctx, &c->st[1], c->suite, c->session, 2, 2, 3, NULL, rnd, sizeof rnd) == TSR_OK);
    if (a == A_DUP_CONTRIB) {
        /* parties 2 and 3 share one a_0 (colluding, or 2's key leaked): both proofs verify */
        tsr_poly f = c->st[1].f;
        hex_scalar(&f.a[1], "0000000000000000000000000000000000000000000000000000000000000777");
        CHECK(tsr_dkg_init(ctx, &c->st[2], c->suite, c->session, 3, 2, 3, &f, rnd + 128, 64) == TSR_OK);
        tsr_memzero(&f, sizeof f);
    }
    cer_round1(c);
    memcpy(in, c->r1, 3 * sizeof *in);
    switch (a) {
    case A_COUNT_UP:
        /* threshold raising: a degree-2 polynomial's commitment where t = 2 */
        in[1].commitment.t = 3;
        tsr_scalar_set_u32(&x, 99);
        CHECK(tsr_point_base_mul(ctx, &in[1].commitment.c[2], &x) == TSR_OK);
        chk[0] = TSR_CHECK_COMMITMENT_COUNT;
        break;
    case A_COUNT_DOWN:
        in[1].commitment.t = 1;
        chk[0] = TSR_CHECK_COMMITMENT_COUNT;
        break;
    case A_IDENTITY:
        tsr_point_set_identity(&in[1].commitment.c[1]);
        chk[0] = TSR_CHECK_POINT_IDENTITY;
        break;
    case A_IDENTITY_R:
        tsr_point_set_identity(&in[1].pok_r);
        chk[0] = TSR_CHECK_POINT_IDENTITY;
        break;
    case A_DUP_SENDER:
        /* party 2 sends a second, different round-1 message */
        tsr_test_randbytes(rnd, sizeof rnd);
        CHECK(tsr_dkg_init(ctx, other, c->suite, c->session, 2, 2, 3, NULL, rnd, sizeof rnd) == TSR_OK);
        CHECK(tsr_dkg_round1(ctx, other, &in[3]) == TSR_OK);
        nin = 4;
        chk[0] = TSR_CHECK_ID_DUPLICATE;
        break;
    case A_MISSING:
        nin = 2;
        cul[0] = 3;
        chk[0] = TSR_CHECK_MISSING;
        break;
    case A_TRANSPLANT:
        /* party 3 re-sends party 2's commitment and proof as its own: 3 is named, never 2 */
        in[2] = c->r1[1];
        in[2].sender = 3;
        cul[0] = 3;
        chk[0] = TSR_CHECK_POK;
        break;
    case A_REPLAY:
        /* party 2's message of another session, same randomness: a fresh nonce, a wrong session */
        tsr_test_randbytes(sess2, 32);
        CHECK(tsr_dkg_init(ctx, other, c->suite, sess2, 2, 2, 3, NULL, rnd, sizeof rnd) == TSR_OK);
        CHECK(tsr_dkg_round1(ctx, other, &in[1]) == TSR_OK);
        CHECK(point_eq(&in[1].commitment.c[0], &c->r1[1].commitment.c[0]));
        CHECK(!point_eq(&in[1].pok_r, &c->r1[1].pok_r));
        chk[0] = TSR_CHECK_POK;
        break;
    case A_POK_MU:
        add_one(&in[1].pok_mu);
        chk[0] = TSR_CHECK_POK;
        break;
    case A_DUP_CONTRIB:
        nb_want = 2;
        cul[1] = 3;
        chk[0] = chk[1] = TSR_CHECK_DUPLICATE_CONTRIBUTION;
        break;
    case A_OWN:
        in[0].commitment.c[1] = c->r1[1].commitment.c[1];
        cul[0] = C_NONE;
        chk[0] = TSR_CHECK_OWN_COMMITMENT;
        break;
    case A_OWN_POK:
        add_one(&in[0].pok_mu);
        cul[0] = C_NONE;
        chk[0] = TSR_CHECK_OWN_COMMITMENT;
        break;
    case A_SENDER_RANGE:
        in[2].sender = 7;
        nb_want = 2;
        cul[0] = 3;
        chk[0] = TSR_CHECK_MISSING;
        cul[1] = C_NONE;
        chk[1] = TSR_CHECK_SENDER;
        break;
    case A_TWO:
        in[1].commitment.t = 3;
        in[1].commitment.c[2] = in[1].commitment.c[1];
        add_one(&in[2].pok_mu);
        nb_want = 2;
        chk[0] = TSR_CHECK_COMMITMENT_COUNT;
        cul[1] = 3;
        chk[1] = TSR_CHECK_POK;
        break;
    default:
        break;
    }
    CHECK_MSG(cer_round2_one(c, 0, in, nin) == TSR_ERR_VERIFY, "attack %d", (int)a);
    check_blames(c, nb_want, cul, chk, r1);
    check_never_honest(c, cheat, 2);
    /* nothing leaves a failed round: no broadcast, no share; the state refuses everything */
    CHECK(c->r2b[0].sender == 0);
    for (j = 0; j < 3; j++) {
        CHECK(c->r2p[j].sender == 0 && tsr_scalar_is_zero_mask(&c->r2p[j].share) != 0);
    }
    CHECK(c->st[0].phase == TSR_DKG_PHASE_FAILED && recv_wiped(&c->st[0]));
    check_refuses_all(c, 0);
    tsr_dkg_state_clear(other);
    free(other);
    free(in);
    cer_free(c);
}

/* Equivocation: party 2 sends party 3 another valid round-1 message. Round 2 passes everywhere;
 * in round 3 the hashes differ: every party aborts before using a share, naming nobody. */
static void test_equivocation(void) {
    cer *c = cer_new(TSR_SUITE_SECP256K1_SHA256, 2, 3);
    tsr_dkg_state *twin = calloc(1, sizeof *twin);
    tsr_dkg_round1_msg *in = calloc(3, sizeof *in);
    const uint32_t cul[1] = {C_NONE};
    const uint16_t chk[1] = {TSR_CHECK_EQUIVOCATION}, rnd2[1] = {2};
    uint8_t rnd[64 * 2 + 64];
    size_t i;
    if (twin == NULL || in == NULL) {
        abort();
    }
    cer_init(c);
    cer_round1(c);
    tsr_test_randbytes(rnd, sizeof rnd);
    CHECK(tsr_dkg_init(ctx, twin, c->suite, c->session, 2, 2, 3, NULL, rnd, sizeof rnd) == TSR_OK);
    memcpy(in, c->r1, 3 * sizeof *in);
    CHECK(tsr_dkg_round1(ctx, twin, &in[1]) == TSR_OK);
    CHECK(cer_round2_one(c, 0, c->r1, 3) == TSR_OK);
    CHECK(cer_round2_one(c, 1, c->r1, 3) == TSR_OK);
    CHECK(cer_round2_one(c, 2, in, 3) == TSR_OK);
    CHECK(memcmp(c->r2b[0].eq_hash, c->r2b[2].eq_hash, 32) != 0);
    for (i = 0; i < 3; i++) {
        CHECK(cer_round3_one(c, i) == TSR_ERR_VERIFY);
        check_blames(c, 1, cul, chk, rnd2);
        CHECK(c->r3[i].sender == 0 && c->r3[i].naccused == 0);
        CHECK(c->st[i].phase == TSR_DKG_PHASE_FAILED && recv_wiped(&c->st[i]));
        check_refuses_all(c, i);
    }
    tsr_dkg_state_clear(twin);
    free(twin);
    free(in);
    cer_free(c);
}

typedef enum {
    B_MISSING, B_DUP, B_SENDER, S_SELF, S_RANGE, S_OTHER_RECIPIENT, S_TWO, S_BADSIG, S_NONE, B__COUNT
} r2_attack;

/* Round-2 attacks seen by party 1 in round 3 (2-of-3). Broadcast problems fail the round; share
 * problems (other than an impossible sender) give a NO_SHARE complaint against dealer 2. */
static void test_r2_attack(r2_attack a) {
    cer *c = cer_through_round2(TSR_SUITE_SECP256K1_SHA256, 2, 3);
    tsr_dkg_round2_bcast b[4];
    tsr_dkg_round2_p2p sh[3];
    size_t nb = 3, ns = 2, nb_want = 1;
    uint32_t cul[2] = {0, 0};
    uint16_t chk[2] = {0, 0}, rnd[2] = {2, 2};
    int rc, complaint = 0;

    memcpy(b, c->r2b, 3 * sizeof *b);
    sh[0] = c->r2p[1 * 3 + 0];
    sh[1] = c->r2p[2 * 3 + 0];
    switch (a) {
    case B_MISSING: nb = 2; cul[0] = 3; chk[0] = TSR_CHECK_MISSING; break;
    case B_DUP: b[3] = b[1]; nb = 4; cul[0] = 2; chk[0] = TSR_CHECK_ID_DUPLICATE; break;
    case B_SENDER:
        b[2].sender = 9;
        nb_want = 2;
        cul[0] = 3;
        chk[0] = TSR_CHECK_MISSING;
        chk[1] = TSR_CHECK_SENDER;
        break;
    case S_SELF: sh[1].sender = 1; chk[0] = TSR_CHECK_SENDER; break;
    case S_RANGE: sh[1].sender = 0; chk[0] = TSR_CHECK_SENDER; break;
    case S_OTHER_RECIPIENT: sh[0] = c->r2p[1 * 3 + 2]; complaint = 1; break;
    case S_TWO: sh[2] = sh[0]; ns = 3; complaint = 1; break;
    case S_BADSIG: sh[0].sig[10] ^= 4; complaint = 1; break;
    case S_NONE: ns = 1; sh[0] = sh[1]; complaint = 1; break;
    default: break;
    }
    rc = tsr_dkg_round3(ctx, &c->st[0], &c->r3[0], c->bl, 5, &c->nbl, b, nb, sh, ns);
    if (complaint) {
        CHECK_MSG(rc == TSR_OK && c->nbl == 0, "attack %d", (int)a);
        CHECK(c->r3[0].naccused == 1 && c->r3[0].accused[0] == 2 && c->r3[0].kind[0] == TSR_DKG_COMPLAINT_NO_SHARE);
        CHECK(c->st[0].phase == TSR_DKG_PHASE_ROUND4);
    } else {
        CHECK_MSG(rc == TSR_ERR_VERIFY, "attack %d", (int)a);
        check_blames(c, nb_want, cul, chk, rnd);
        CHECK(c->st[0].phase == TSR_DKG_PHASE_FAILED && recv_wiped(&c->st[0]));
    }
    cer_free(c);
}

typedef enum {
    R3_MISSING, R3_DUP, R3_KIND0, R3_SELF, R3_ZERO, R3_RANGE, R3_ORDER, R3_COUNT, R3_CERT, R3_OWN, R3__COUNT
} r3_attack;

/* Round-3 attacks seen by party 2 in round 4 (2-of-3, every share good). */
static void test_r3_attack(r3_attack a) {
    cer *c = cer_through_round2(TSR_SUITE_SECP256K1_TR, 2, 3);
    size_t i, nin = 3;
    uint32_t cul[1] = {1};
    uint16_t chk[1] = {0}, rnd[1] = {3};
    const uint32_t cheat[2] = {1, 3};
    tsr_dkg_round3_msg *in;
    for (i = 0; i < 3; i++) {
        CHECK(cer_round3_one(c, i) == TSR_OK && c->r3[i].naccused == 0);
    }
    in = calloc(4, sizeof *in);
    if (in == NULL) {
        abort();
    }
    memcpy(in, c->r3, 3 * sizeof *in);
    if (a >= R3_KIND0 && a <= R3_COUNT) {
        in[0].naccused = 1;
        in[0].accused[0] = 2;
        in[0].kind[0] = TSR_DKG_COMPLAINT_NO_SHARE;
    }
    switch (a) {
    case R3_MISSING: nin = 2; cul[0] = 3; chk[0] = TSR_CHECK_MISSING; break;
    case R3_DUP: in[3] = in[0]; nin = 4; chk[0] = TSR_CHECK_ID_DUPLICATE; break;
    case R3_KIND0: in[0].kind[0] = 0; chk[0] = TSR_CHECK_TYPE; break;
    case R3_SELF: in[0].accused[0] = 1; chk[0] = TSR_CHECK_ID_UNKNOWN; break;
    case R3_ZERO: in[0].accused[0] = 0; chk[0] = TSR_CHECK_ID_ZERO; break;
    case R3_RANGE: in[0].accused[0] = 4; chk[0] = TSR_CHECK_ID_UNKNOWN; break;
    case R3_ORDER:
        in[0].naccused = 2;
        in[0].accused[0] = 3;
        in[0].accused[1] = 2;
        in[0].kind[1] = TSR_DKG_COMPLAINT_NO_SHARE;
        chk[0] = TSR_CHECK_ID_ORDER;
        break;
    case R3_COUNT: in[0].naccused = 4; chk[0] = TSR_CHECK_COUNT; break;
    case R3_CERT: in[2].cert_sig[63] ^= 1; cul[0] = 3; chk[0] = TSR_CHECK_CERTIFICATE; break;
    case R3_OWN: in[1].cert_sig[0] ^= 1; cul[0] = C_NONE; chk[0] = TSR_CHECK_OWN_COMMITMENT; break;
    default: break;
    }
    CHECK_MSG(tsr_dkg_round4(ctx, &c->st[1], &c->r4[1], &c->done[1], c->bl, 5, &c->nbl, in, nin) == TSR_ERR_VERIFY,
              "attack %d", (int)a);
    CHECK(c->done[1] == 0 && c->r4[1].sender == 0);
    check_blames(c, 1, cul, chk, rnd);
    check_never_honest(c, cheat, 2);
    check_refuses_all(c, 1);
    free(in);
    cer_free(c);
}

typedef enum { R4_ORDER, R4_DUP, R4_SENDER, R4_EXTRA, R4_SELF, R4__COUNT } r4_attack;

/* Round-4 attacks seen in round 5 (2-of-4; party 1 complained NO_SHARE about dealer 2, which
 * opened validly): a malformed or duplicated message blames its sender, besides the record
 * without a culprit for the unresolvable NO_SHARE. */
static void test_r4_attack(r4_attack a) {
    cer *c = cer_through_round2(TSR_SUITE_SECP256K1_SHA256, 2, 4);
    tsr_dkg_round4_msg *in = calloc(5, sizeof *in);
    size_t i, j, m, nin = 4, nb_want = 2;
    uint32_t cul[2] = {3, C_NONE};
    uint16_t chk[2] = {0, TSR_CHECK_MISSING}, rnd[2] = {4, 2};
    if (in == NULL) {
        abort();
    }
    for (i = 0; i < 4; i++) {
        if (i == 0) {
            for (j = 0, m = 0; j < 4; j++) {
                if (j > 1) {
                    c->in2[m++] = c->r2p[j * 4 + 0];
                }
            }
            CHECK(tsr_dkg_round3(ctx, &c->st[0], &c->r3[0], c->bl, 6, &c->nbl, c->r2b, 4, c->in2, m) == TSR_OK);
        } else {
            CHECK(cer_round3_one(c, i) == TSR_OK);
        }
    }
    for (i = 0; i < 4; i++) {
        CHECK(cer_round4_one(c, i) == TSR_OK && c->done[i] == 0);
    }
    memcpy(in, c->r4, 4 * sizeof *in);
    switch (a) {
    case R4_ORDER:
        in[2].nopen = 2;
        in[2].accuser[0] = 2;
        in[2].accuser[1] = 1;
        chk[0] = TSR_CHECK_ID_ORDER;
        break;
    case R4_DUP: in[4] = in[2]; nin = 5; chk[0] = TSR_CHECK_ID_DUPLICATE; break;
    case R4_SENDER: in[3].sender = 0; nb_want = 1; cul[0] = C_NONE; chk[0] = TSR_CHECK_SENDER; rnd[0] = 4; break;
    case R4_EXTRA:
        /* an opening nobody asked for is ignored */
        in[2].nopen = 1;
        in[2].accuser[0] = 1;
        nb_want = 1;
        cul[0] = C_NONE;
        chk[0] = TSR_CHECK_MISSING;
        rnd[0] = 2;
        break;
    case R4_SELF: in[2].nopen = 1; in[2].accuser[0] = 3; chk[0] = TSR_CHECK_ID_UNKNOWN; break;
    default: break;
    }
    CHECK(tsr_dkg_round5(ctx, &c->st[0], c->bl, 6, &c->nbl, in, nin) == TSR_ERR_VERIFY);
    check_blames(c, nb_want, cul, chk, rnd);
    check_refuses_all(c, 0);
    free(in);
    cer_free(c);
}

/* Three cheaters at once in a 3-of-5 DKG: dealer 2 signs a bad share for party 1; party 4
 * falsely accuses dealer 3 (garbage evidence); dealer 5 opens a wrong share to party 3, which
 * got no share from it. Honest parties 1 and 3 name exactly 2, 4 and 5, ascending. */
static void test_many_cheaters(void) {
    cer *c = cer_through_round2(TSR_SUITE_SECP256K1_TR, 3, 5);
    const uint32_t cul[3] = {2, 4, 5}, cheat[3] = {2, 4, 5};
    const uint16_t chk[3] = {TSR_CHECK_FELDMAN, TSR_CHECK_FALSE_COMPLAINT, TSR_CHECK_FELDMAN}, rnd[3] = {2, 3, 4};
    tsr_dkg_round2_p2p *bad = &c->r2p[1 * 5 + 0];
    size_t i, j, m;
    add_one(&bad->share);
    dealer_sign(c, 1, 1, &bad->share, bad->sig);
    for (i = 0; i < 5; i++) {
        if (i == 2) {
            for (j = 0, m = 0; j < 5; j++) {
                if (j != 2 && j != 4) {
                    c->in2[m++] = c->r2p[j * 5 + 2];
                }
            }
            CHECK(tsr_dkg_round3(ctx, &c->st[2], &c->r3[2], c->bl, 7, &c->nbl, c->r2b, 5, c->in2, m) == TSR_OK);
        } else {
            CHECK(cer_round3_one(c, i) == TSR_OK);
        }
    }
    c->r3[3].naccused = 1;
    c->r3[3].accused[0] = 3;
    c->r3[3].kind[0] = TSR_DKG_COMPLAINT_BAD_SHARE;
    tsr_scalar_set_u32(&c->r3[3].share[0], 5);
    for (i = 0; i < 5; i++) {
        if (i != 3) {
            CHECK(cer_round4_one(c, i) == TSR_OK && c->done[i] == 0);
        }
    }
    c->r4[3].sender = 4;
    c->r4[3].nopen = 0;
    CHECK(c->r4[4].nopen == 1 && c->r4[4].accuser[0] == 3);
    add_one(&c->r4[4].share[0]);
    for (i = 0; i < 3; i += 2) {
        CHECK(cer_round5_one(c, i) == TSR_ERR_VERIFY);
        check_blames(c, 3, cul, chk, rnd);
        check_never_honest(c, cheat, 3);
    }
    cer_free(c);
}

/* ---- decoders and encoders ----------------------------------------------------------------- */

static const char *const n_hex = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

static void expect_rc(int rc, tsr_check why, int want, tsr_check want_why, const char *what) {
    CHECK_MSG(rc == want && why == want_why, "%s: rc %d check %d (%s), want rc %d check %d", what, rc, (int)why,
              tsr_check_name((int)why), want, (int)want_why);
}

static void test_round1_codec(uint8_t suite) {
    cer *c = cer_new(suite, 3, 4);
    tsr_dkg_round1_msg *m = calloc(1, sizeof *m);
    uint8_t buf[TSR_DKG_ROUND1_MAX_BYTES + 2], buf2[TSR_DKG_ROUND1_MAX_BYTES];
    size_t len, len2, plen = suite == TSR_SUITE_SECP256K1_TR ? 64 : 65, off;
    tsr_check why;
    int rc;
    if (m == NULL) {
        abort();
    }
    cer_init(c);
    cer_round1(c);
    CHECK(tsr_dkg_round1_encode(ctx, buf, sizeof buf, &len, suite, &c->r1[1]) == TSR_OK);
    CHECK(len == 2 + 33 * 3 + plen);
    rc = tsr_dkg_round1_decode(ctx, m, suite, 2, buf, len, &why);
    expect_rc(rc, why, TSR_OK, TSR_CHECK_NONE, "round1 valid");
    CHECK(m->sender == 2 && m->commitment.t == 3 && point_eq(&m->pok_r, &c->r1[1].pok_r) &&
          scalar_eq(&m->pok_mu, &c->r1[1].pok_mu) && point_eq(&m->commitment.c[2], &c->r1[1].commitment.c[2]));
    CHECK(tsr_dkg_round1_encode(ctx, buf2, sizeof buf2, &len2, suite, m) == TSR_OK && len2 == len &&
          memcmp(buf, buf2, len) == 0);
    /* argument checks */
    rc = tsr_dkg_round1_decode(ctx, m, 0, 2, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ARG, TSR_CHECK_SUITE, "round1 suite");
    rc = tsr_dkg_round1_decode(ctx, m, suite, 0, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ARG, TSR_CHECK_SENDER, "round1 sender 0");
    rc = tsr_dkg_round1_decode(ctx, m, suite, TSR_MAX_PARTIES + 1, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ARG, TSR_CHECK_SENDER, "round1 sender > max");
    CHECK(m->sender == 0 && m->commitment.t == 0 && m->pok_r.infinity != 0);
    /* lengths and counts */
    rc = tsr_dkg_round1_decode(ctx, m, suite, 2, buf, 1, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_LENGTH, "round1 one byte");
    rc = tsr_dkg_round1_decode(ctx, m, suite, 2, buf, len - 1, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_LENGTH, "round1 truncated");
    buf[len] = 0;
    rc = tsr_dkg_round1_decode(ctx, m, suite, 2, buf, len + 1, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_LENGTH, "round1 trailing");
    buf[1] = 0;
    rc = tsr_dkg_round1_decode(ctx, m, suite, 2, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_COUNT, "round1 count 0");
    buf[0] = 0x01;
    buf[1] = 0x01;
    rc = tsr_dkg_round1_decode(ctx, m, suite, 2, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_COUNT, "round1 count 257");
    buf[0] = 0;
    buf[1] = 4;
    rc = tsr_dkg_round1_decode(ctx, m, suite, 2, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_LENGTH, "round1 count 4, 3 points");
    buf[1] = 3;
    /* points */
    buf[2 + 33] = 0x05;
    rc = tsr_dkg_round1_decode(ctx, m, suite, 2, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_POINT_PREFIX, "round1 prefix");
    buf[2 + 33] = 0x02;
    memset(buf + 2 + 34, 0xff, 32);
    rc = tsr_dkg_round1_decode(ctx, m, suite, 2, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_POINT_X_RANGE, "round1 x >= p");
    memset(buf + 2 + 34, 0, 32);
    buf[2 + 33 + 32] = 5;
    rc = tsr_dkg_round1_decode(ctx, m, suite, 2, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_POINT_NOT_ON_CURVE, "round1 not on curve");
    memset(buf + 2 + 33, 0, 33);
    rc = tsr_dkg_round1_decode(ctx, m, suite, 2, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_RANGE, TSR_CHECK_POINT_IDENTITY, "round1 identity commitment");
    CHECK(tsr_dkg_round1_encode(ctx, buf, sizeof buf, &len, suite, &c->r1[1]) == TSR_OK);
    off = 2 + 33 * 3;
    if (plen == 64) {
        memset(buf + off, 0xff, 32);
        rc = tsr_dkg_round1_decode(ctx, m, suite, 2, buf, len, &why);
        expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_POINT_X_RANGE, "round1 x(R) >= p");
        memset(buf + off, 0, 32);
        buf[off + 31] = 5;
        rc = tsr_dkg_round1_decode(ctx, m, suite, 2, buf, len, &why);
        expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_POINT_NOT_ON_CURVE, "round1 x(R) not on curve");
    } else {
        buf[off] = 0x04;
        rc = tsr_dkg_round1_decode(ctx, m, suite, 2, buf, len, &why);
        expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_POINT_PREFIX, "round1 R prefix");
        memset(buf + off, 0, 33);
        rc = tsr_dkg_round1_decode(ctx, m, suite, 2, buf, len, &why);
        expect_rc(rc, why, TSR_ERR_RANGE, TSR_CHECK_POINT_IDENTITY, "round1 R identity");
    }
    CHECK(tsr_dkg_round1_encode(ctx, buf, sizeof buf, &len, suite, &c->r1[1]) == TSR_OK);
    CHECK(tsr_test_unhex(buf + len - 32, 32, n_hex) == 32);
    rc = tsr_dkg_round1_decode(ctx, m, suite, 2, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_SCALAR_RANGE, "round1 mu = n");
    buf[len - 1] = 0x40;
    rc = tsr_dkg_round1_decode(ctx, m, suite, 2, buf, len, &why);
    expect_rc(rc, why, TSR_OK, TSR_CHECK_NONE, "round1 mu = n - 1");
    /* encoder refusals */
    CHECK(tsr_dkg_round1_encode(ctx, buf, len - 1, &len2, suite, &c->r1[1]) == TSR_ERR_ARG && len2 == 0);
    CHECK(tsr_dkg_round1_encode(ctx, buf, sizeof buf, &len2, 9, &c->r1[1]) == TSR_ERR_ARG && len2 == 0);
    *m = c->r1[1];
    tsr_point_set_identity(&m->commitment.c[1]);
    CHECK(tsr_dkg_round1_encode(ctx, buf, sizeof buf, &len2, suite, m) == TSR_ERR_ARG && len2 == 0);
    *m = c->r1[1];
    m->commitment.t = 0;
    CHECK(tsr_dkg_round1_encode(ctx, buf, sizeof buf, &len2, suite, m) == TSR_ERR_ARG);
    *m = c->r1[1];
    CHECK(tsr_point_neg(ctx, &m->pok_r, &m->pok_r) == TSR_OK);
    rc = tsr_dkg_round1_encode(ctx, buf, sizeof buf, &len2, suite, m);
    /* TR: an odd-y R has no x-only encoding */
    CHECK(rc == (suite == TSR_SUITE_SECP256K1_TR ? TSR_ERR_ARG : TSR_OK));
    free(m);
    cer_free(c);
}

static void test_round2_codec(void) {
    cer *c = cer_through_round2(TSR_SUITE_SECP256K1_SHA256, 2, 3);
    tsr_dkg_round2_bcast b;
    tsr_dkg_round2_p2p p;
    uint8_t buf[TSR_DKG_ROUND2_P2P_BYTES + 1];
    tsr_check why;
    int rc;
    CHECK(tsr_dkg_round2_bcast_encode(buf, &c->r2b[2]) == TSR_OK);
    rc = tsr_dkg_round2_bcast_decode(&b, 3, buf, 32, &why);
    expect_rc(rc, why, TSR_OK, TSR_CHECK_NONE, "bcast valid");
    CHECK(b.sender == 3 && memcmp(b.eq_hash, c->r2b[2].eq_hash, 32) == 0);
    rc = tsr_dkg_round2_bcast_decode(&b, 0, buf, 32, &why);
    expect_rc(rc, why, TSR_ERR_ARG, TSR_CHECK_SENDER, "bcast sender");
    rc = tsr_dkg_round2_bcast_decode(&b, 3, buf, 31, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_LENGTH, "bcast short");
    rc = tsr_dkg_round2_bcast_decode(&b, 3, buf, 33, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_LENGTH, "bcast long");
    CHECK(b.sender == 0);
    /* p2p: dealer 2 to party 3 */
    CHECK(tsr_dkg_round2_p2p_encode(buf, &c->r2p[1 * 3 + 2]) == TSR_OK);
    rc = tsr_dkg_round2_p2p_decode(&p, 2, buf, TSR_DKG_ROUND2_P2P_BYTES, &why);
    expect_rc(rc, why, TSR_OK, TSR_CHECK_NONE, "p2p valid");
    CHECK(p.sender == 2 && p.recipient == 3 && scalar_eq(&p.share, &c->r2p[1 * 3 + 2].share) &&
          memcmp(p.sig, c->r2p[1 * 3 + 2].sig, 64) == 0);
    rc = tsr_dkg_round2_p2p_decode(&p, TSR_MAX_PARTIES + 1, buf, TSR_DKG_ROUND2_P2P_BYTES, &why);
    expect_rc(rc, why, TSR_ERR_ARG, TSR_CHECK_SENDER, "p2p sender");
    rc = tsr_dkg_round2_p2p_decode(&p, 2, buf, TSR_DKG_ROUND2_P2P_BYTES - 1, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_LENGTH, "p2p short");
    rc = tsr_dkg_round2_p2p_decode(&p, 2, buf, TSR_DKG_ROUND2_P2P_BYTES + 1, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_LENGTH, "p2p long");
    rc = tsr_dkg_round2_p2p_decode(&p, 3, buf, TSR_DKG_ROUND2_P2P_BYTES, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_ID_UNKNOWN, "p2p to itself");
    buf[3] = 0;
    rc = tsr_dkg_round2_p2p_decode(&p, 2, buf, TSR_DKG_ROUND2_P2P_BYTES, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_ID_ZERO, "p2p recipient 0");
    buf[2] = 1;
    buf[3] = 1;
    rc = tsr_dkg_round2_p2p_decode(&p, 2, buf, TSR_DKG_ROUND2_P2P_BYTES, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_ID_UNKNOWN, "p2p recipient 257");
    buf[2] = 0;
    buf[3] = 3;
    CHECK(tsr_test_unhex(buf + 4, 32, n_hex) == 32);
    rc = tsr_dkg_round2_p2p_decode(&p, 2, buf, TSR_DKG_ROUND2_P2P_BYTES, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_SCALAR_RANGE, "p2p share = n");
    CHECK(p.sender == 0 && p.recipient == 0 && tsr_scalar_is_zero_mask(&p.share) != 0);
    cer_free(c);
}

static void test_round3_codec(void) {
    tsr_dkg_round3_msg *m = calloc(2, sizeof *m), *d;
    uint8_t buf[TSR_DKG_ROUND3_MAX_BYTES + 1];
    size_t len, len2;
    tsr_check why;
    int rc;
    if (m == NULL) {
        abort();
    }
    d = m + 1;
    /* party 4 accuses 2 (BAD_SHARE, with evidence) and 7 (NO_SHARE) */
    m->sender = 4;
    m->naccused = 2;
    m->accused[0] = 2;
    m->kind[0] = TSR_DKG_COMPLAINT_BAD_SHARE;
    tsr_scalar_set_u32(&m->share[0], 77);
    memset(m->sig[0], 0xab, 64);
    m->accused[1] = 7;
    m->kind[1] = TSR_DKG_COMPLAINT_NO_SHARE;
    CHECK(tsr_dkg_round3_encode(buf, sizeof buf, &len, m) == TSR_OK && len == 2 + 5 + 96 + 5);
    rc = tsr_dkg_round3_decode(d, 4, buf, len, &why);
    expect_rc(rc, why, TSR_OK, TSR_CHECK_NONE, "round3 complaints");
    CHECK(d->sender == 4 && d->naccused == 2 && d->accused[1] == 7 && d->kind[0] == TSR_DKG_COMPLAINT_BAD_SHARE &&
          scalar_eq(&d->share[0], &m->share[0]) && memcmp(d->sig[0], m->sig[0], 64) == 0);
    CHECK(tsr_dkg_round3_encode(buf + 200, sizeof buf - 200, &len2, d) == TSR_OK && len2 == len &&
          memcmp(buf, buf + 200, len) == 0);
    rc = tsr_dkg_round3_decode(d, 0, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ARG, TSR_CHECK_SENDER, "round3 sender");
    rc = tsr_dkg_round3_decode(d, 4, buf, 1, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_TRUNCATED, "round3 one byte");
    rc = tsr_dkg_round3_decode(d, 4, buf, 5, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_TRUNCATED, "round3 entry head");
    rc = tsr_dkg_round3_decode(d, 4, buf, 2 + 5 + 95, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_TRUNCATED, "round3 evidence");
    rc = tsr_dkg_round3_decode(d, 4, buf, len - 1, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_TRUNCATED, "round3 second entry");
    buf[len] = 0;
    rc = tsr_dkg_round3_decode(d, 4, buf, len + 1, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_TRAILING, "round3 trailing");
    rc = tsr_dkg_round3_decode(d, 2, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_ID_UNKNOWN, "round3 accuses its sender");
    buf[0] = 1;
    buf[1] = 1;
    rc = tsr_dkg_round3_decode(d, 4, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_COUNT, "round3 count 257");
    buf[0] = 0;
    buf[1] = 2;
    buf[5] = 0;
    rc = tsr_dkg_round3_decode(d, 4, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_ID_ZERO, "round3 accused 0");
    buf[4] = 1;
    buf[5] = 1;
    rc = tsr_dkg_round3_decode(d, 4, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_ID_UNKNOWN, "round3 accused 257");
    buf[4] = 0;
    buf[5] = 2;
    buf[6] = 3;
    rc = tsr_dkg_round3_decode(d, 4, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_TYPE, "round3 kind 3");
    buf[6] = TSR_DKG_COMPLAINT_BAD_SHARE;
    CHECK(tsr_test_unhex(buf + 7, 32, n_hex) == 32);
    rc = tsr_dkg_round3_decode(d, 4, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_SCALAR_RANGE, "round3 evidence share = n");
    CHECK(tsr_dkg_round3_encode(buf, sizeof buf, &len, m) == TSR_OK);
    buf[2 + 5 + 96 + 3] = 2;
    rc = tsr_dkg_round3_decode(d, 4, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_ID_ORDER, "round3 order");
    CHECK(d->sender == 0 && d->naccused == 0);
    /* no complaint: the certificate signature */
    m->naccused = 0;
    memset(m->cert_sig, 0x3c, 64);
    CHECK(tsr_dkg_round3_encode(buf, sizeof buf, &len, m) == TSR_OK && len == 66);
    rc = tsr_dkg_round3_decode(d, 4, buf, len, &why);
    expect_rc(rc, why, TSR_OK, TSR_CHECK_NONE, "round3 certificate");
    CHECK(d->naccused == 0 && memcmp(d->cert_sig, m->cert_sig, 64) == 0);
    rc = tsr_dkg_round3_decode(d, 4, buf, 65, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_TRUNCATED, "round3 certificate short");
    buf[66] = 0;
    rc = tsr_dkg_round3_decode(d, 4, buf, 67, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_TRAILING, "round3 certificate long");
    /* encoder refusals */
    CHECK(tsr_dkg_round3_encode(buf, 65, &len, m) == TSR_ERR_ARG && len == 0);
    m->naccused = 1;
    m->kind[0] = 0;
    CHECK(tsr_dkg_round3_encode(buf, sizeof buf, &len, m) == TSR_ERR_ARG && len == 0);
    m->kind[0] = TSR_DKG_COMPLAINT_NO_SHARE;
    m->accused[0] = 4;
    CHECK(tsr_dkg_round3_encode(buf, sizeof buf, &len, m) == TSR_ERR_ARG && len == 0);
    m->accused[0] = 8;
    m->naccused = 2;
    CHECK(tsr_dkg_round3_encode(buf, sizeof buf, &len, m) == TSR_ERR_ARG && len == 0);
    free(m);
}

static void test_round4_codec(void) {
    tsr_dkg_round4_msg *m = calloc(2, sizeof *m), *d;
    uint8_t buf[TSR_DKG_ROUND4_MAX_BYTES + 1];
    size_t len, len2;
    tsr_check why;
    int rc;
    if (m == NULL) {
        abort();
    }
    d = m + 1;
    m->sender = 3;
    m->nopen = 2;
    m->accuser[0] = 1;
    m->accuser[1] = 5;
    tsr_scalar_set_u32(&m->share[0], 11);
    tsr_scalar_set_u32(&m->share[1], 12);
    CHECK(tsr_dkg_round4_encode(buf, sizeof buf, &len, m) == TSR_OK && len == 2 + 72);
    rc = tsr_dkg_round4_decode(d, 3, buf, len, &why);
    expect_rc(rc, why, TSR_OK, TSR_CHECK_NONE, "round4 valid");
    CHECK(d->sender == 3 && d->nopen == 2 && d->accuser[1] == 5 && scalar_eq(&d->share[1], &m->share[1]));
    CHECK(tsr_dkg_round4_encode(buf + 100, sizeof buf - 100, &len2, d) == TSR_OK && len2 == len &&
          memcmp(buf, buf + 100, len) == 0);
    rc = tsr_dkg_round4_decode(d, 0, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ARG, TSR_CHECK_SENDER, "round4 sender");
    rc = tsr_dkg_round4_decode(d, 3, buf, 1, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_LENGTH, "round4 one byte");
    rc = tsr_dkg_round4_decode(d, 3, buf, len - 1, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_LENGTH, "round4 short");
    rc = tsr_dkg_round4_decode(d, 1, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_ID_UNKNOWN, "round4 opens to its sender");
    buf[0] = 1;
    buf[1] = 1;
    rc = tsr_dkg_round4_decode(d, 3, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_COUNT, "round4 count 257");
    buf[0] = 0;
    buf[1] = 2;
    buf[5] = 0;
    rc = tsr_dkg_round4_decode(d, 3, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_ID_ZERO, "round4 accuser 0");
    buf[4] = 1;
    buf[5] = 1;
    rc = tsr_dkg_round4_decode(d, 3, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_ID_UNKNOWN, "round4 accuser 257");
    buf[4] = 0;
    buf[5] = 6;
    rc = tsr_dkg_round4_decode(d, 3, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_ID_ORDER, "round4 order");
    buf[5] = 1;
    CHECK(tsr_test_unhex(buf + 6, 32, n_hex) == 32);
    rc = tsr_dkg_round4_decode(d, 3, buf, len, &why);
    expect_rc(rc, why, TSR_ERR_ENCODING, TSR_CHECK_SCALAR_RANGE, "round4 share = n");
    CHECK(d->sender == 0 && d->nopen == 0);
    CHECK(tsr_dkg_round4_encode(buf, len - 1, &len2, m) == TSR_ERR_ARG && len2 == 0);
    m->accuser[1] = 1;
    CHECK(tsr_dkg_round4_encode(buf, sizeof buf, &len2, m) == TSR_ERR_ARG && len2 == 0);
    m->nopen = 0;
    CHECK(tsr_dkg_round4_encode(buf, sizeof buf, &len2, m) == TSR_OK && len2 == 2);
    free(m);
}

/* ---- certificate ----------------------------------------------------------------------------- */

/* A hand-made result: t-of-n with the given keys, every certificate signed. */
static void make_pub(tsr_dkg_public *pub, size_t t, size_t n, const tsr_scalar *keys, const tsr_scalar *group) {
    uint8_t msg[32], sb[32];
    secp256k1_keypair kp;
    size_t j;
    memset(pub, 0, sizeof *pub);
    pub->suite = TSR_SUITE_SECP256K1_SHA256;
    pub->t = t;
    pub->n = n;
    tsr_test_randbytes(pub->session, 32);
    tsr_test_randbytes(pub->eq_hash, 32);
    CHECK(tsr_point_base_mul(ctx, &pub->group_key, group) == TSR_OK);
    for (j = 0; j < n; j++) {
        CHECK(tsr_point_base_mul(ctx, &pub->vshares[j], &keys[j]) == TSR_OK);
    }
    CHECK(tsr_dkg_certificate_message(ctx, msg, pub) == TSR_OK);
    for (j = 0; j < n; j++) {
        tsr_scalar_encode(sb, &keys[j]);
        CHECK(secp256k1_keypair_create(sctx, &kp, sb) == 1);
        CHECK(secp256k1_schnorrsig_sign32(sctx, pub->cert[j], msg, &kp, NULL) == 1);
    }
}

static void expect_cert(const tsr_dkg_public *pub, int want, uint32_t culprit, tsr_check check, const char *what) {
    tsr_blame b;
    int rc = tsr_dkg_certificate_verify(ctx, pub, &b);
    CHECK_MSG(rc == want && b.culprit == culprit && b.check == check && b.phase == TSR_PHASE_KEYGEN,
              "%s: rc %d culprit %u check %u", what, rc, b.culprit, b.check);
}

static void test_certificate(void) {
    cer *c = cer_new(TSR_SUITE_SECP256K1_TR, 3, 4);
    tsr_dkg_public *pub = calloc(1, sizeof *pub), *p2 = calloc(1, sizeof *p2);
    tsr_scalar keys[3], g;
    size_t i;
    if (pub == NULL || p2 == NULL) {
        abort();
    }
    cer_init(c);
    cer_round1(c);
    cer_round2(c);
    for (i = 0; i < 4; i++) {
        CHECK(cer_round3_one(c, i) == TSR_OK);
    }
    for (i = 0; i < 4; i++) {
        CHECK(cer_round4_one(c, i) == TSR_OK && c->done[i] == 1);
    }
    CHECK(tsr_dkg_result(&c->st[3], NULL, pub) == TSR_OK);
    CHECK(tsr_dkg_result(&c->st[3], NULL, NULL) == TSR_OK);
    expect_cert(pub, TSR_OK, C_NONE, TSR_CHECK_NONE, "valid");
    *p2 = *pub;
    p2->cert[1][5] ^= 1;
    expect_cert(p2, TSR_ERR_VERIFY, 2, TSR_CHECK_CERTIFICATE, "a bad signature");
    *p2 = *pub;
    memcpy(p2->cert[3], p2->cert[2], 64);
    expect_cert(p2, TSR_ERR_VERIFY, 4, TSR_CHECK_CERTIFICATE, "a copied signature");
    *p2 = *pub;
    p2->vshares[2] = p2->vshares[1];
    expect_cert(p2, TSR_ERR_VERIFY, 1, TSR_CHECK_CERTIFICATE, "a changed verifying share");
    *p2 = *pub;
    p2->eq_hash[0] ^= 1;
    expect_cert(p2, TSR_ERR_VERIFY, 1, TSR_CHECK_CERTIFICATE, "a changed eq hash");
    *p2 = *pub;
    tsr_point_set_identity(&p2->vshares[3]);
    expect_cert(p2, TSR_ERR_VERIFY, C_NONE, TSR_CHECK_POINT_IDENTITY, "an identity verifying share");
    *p2 = *pub;
    tsr_point_set_identity(&p2->group_key);
    expect_cert(p2, TSR_ERR_VERIFY, C_NONE, TSR_CHECK_POINT_IDENTITY, "an identity group key");
    *p2 = *pub;
    p2->suite = 0;
    expect_cert(p2, TSR_ERR_VERIFY, C_NONE, TSR_CHECK_SUITE, "suite");
    *p2 = *pub;
    p2->n = 0;
    expect_cert(p2, TSR_ERR_VERIFY, C_NONE, TSR_CHECK_COUNT, "n = 0");
    *p2 = *pub;
    p2->t = 5;
    expect_cert(p2, TSR_ERR_VERIFY, C_NONE, TSR_CHECK_THRESHOLD, "t > n");
    CHECK(tsr_dkg_certificate_verify(ctx, p2, NULL) == TSR_ERR_VERIFY);
    /* validly signed but inconsistent: PK_2 (or the group key) off the degree-0 polynomial */
    tsr_scalar_set_u32(&keys[0], 1001);
    tsr_scalar_set_u32(&keys[1], 1001);
    tsr_scalar_set_u32(&keys[2], 1001);
    make_pub(p2, 1, 3, keys, &keys[0]);
    expect_cert(p2, TSR_OK, C_NONE, TSR_CHECK_NONE, "consistent 1-of-3");
    tsr_scalar_set_u32(&keys[1], 1002);
    make_pub(p2, 1, 3, keys, &keys[0]);
    expect_cert(p2, TSR_ERR_VERIFY, C_NONE, TSR_CHECK_FELDMAN, "PK_2 off the polynomial");
    tsr_scalar_set_u32(&g, 1003);
    make_pub(p2, 3, 3, keys, &g);
    expect_cert(p2, TSR_ERR_VERIFY, C_NONE, TSR_CHECK_FELDMAN, "group key off the polynomial");
    /* f(x) = 1000 + x: consistent 2-of-3 */
    tsr_scalar_set_u32(&keys[0], 1001);
    tsr_scalar_set_u32(&keys[1], 1002);
    tsr_scalar_set_u32(&keys[2], 1003);
    tsr_scalar_set_u32(&g, 1000);
    make_pub(p2, 2, 3, keys, &g);
    expect_cert(p2, TSR_OK, C_NONE, TSR_CHECK_NONE, "consistent 2-of-3");
    /* the certificate message: argument checks; an identity point is 33 zero bytes */
    {
        uint8_t m1[32], m2[32];
        *p2 = *pub;
        p2->t = 0;
        CHECK(tsr_dkg_certificate_message(ctx, m1, p2) == TSR_ERR_ARG);
        p2->t = pub->t;
        p2->suite = 7;
        CHECK(tsr_dkg_certificate_message(ctx, m1, p2) == TSR_ERR_ARG);
        p2->suite = pub->suite;
        p2->n = TSR_MAX_PARTIES + 1;
        CHECK(tsr_dkg_certificate_message(ctx, m1, p2) == TSR_ERR_ARG);
        *p2 = *pub;
        tsr_point_set_identity(&p2->vshares[1]);
        CHECK(tsr_dkg_certificate_message(ctx, m1, p2) == TSR_OK);
        CHECK(tsr_dkg_certificate_message(ctx, m2, pub) == TSR_OK && memcmp(m1, m2, 32) != 0);
        check_cert_message(p2);
    }
    free(pub);
    free(p2);
    cer_free(c);
}

/* ---- API: init arguments, phases, bad arguments, PoK, messages ------------------------------- */

static void test_init_args(void) {
    tsr_dkg_state *st = calloc(1, sizeof *st);
    tsr_dkg_round1_msg *m = calloc(1, sizeof *m);
    uint8_t sess[32], rnd[64 * 3 + 64];
    tsr_poly f;
    if (st == NULL || m == NULL) {
        abort();
    }
    tsr_test_randbytes(sess, 32);
    tsr_test_randbytes(rnd, sizeof rnd);
    /* a zeroed (calloc) state is not initialised */
    CHECK(tsr_dkg_round1(ctx, st, m) == TSR_ERR_STATE);
    CHECK(tsr_dkg_result(st, NULL, NULL) == TSR_ERR_STATE);
    CHECK(tsr_dkg_init(ctx, st, 0, sess, 1, 3, 4, NULL, rnd, sizeof rnd) == TSR_ERR_ARG);
    CHECK(tsr_dkg_init(ctx, st, 3, sess, 1, 3, 4, NULL, rnd, sizeof rnd) == TSR_ERR_ARG);
    CHECK(tsr_dkg_init(ctx, st, TSR_SUITE_SECP256K1_TR, sess, 1, 0, 4, NULL, rnd, 64) == TSR_ERR_ARG);
    CHECK(tsr_dkg_init(ctx, st, TSR_SUITE_SECP256K1_TR, sess, 1, 3, 2, NULL, rnd, sizeof rnd) == TSR_ERR_ARG);
    CHECK(tsr_dkg_init(ctx, st, TSR_SUITE_SECP256K1_TR, sess, 1, 3, TSR_MAX_PARTIES + 1, NULL, rnd, sizeof rnd) ==
          TSR_ERR_ARG);
    CHECK(tsr_dkg_init(ctx, st, TSR_SUITE_SECP256K1_TR, sess, 0, 3, 4, NULL, rnd, sizeof rnd) == TSR_ERR_ARG);
    CHECK(tsr_dkg_init(ctx, st, TSR_SUITE_SECP256K1_TR, sess, 5, 3, 4, NULL, rnd, sizeof rnd) == TSR_ERR_ARG);
    CHECK(tsr_dkg_init(ctx, st, TSR_SUITE_SECP256K1_TR, sess, 1, 3, 4, NULL, rnd, sizeof rnd - 1) == TSR_ERR_ARG);
    CHECK(tsr_dkg_init(ctx, st, TSR_SUITE_SECP256K1_TR, sess, 1, 3, 4, NULL, NULL, sizeof rnd) == TSR_ERR_ARG);
    /* all-zero coefficient bytes (a zero coefficient), an all-zero nonce seed */
    memset(rnd + 64, 0, 64);
    CHECK(tsr_dkg_init(ctx, st, TSR_SUITE_SECP256K1_TR, sess, 1, 3, 4, NULL, rnd, sizeof rnd) == TSR_ERR_ARG);
    tsr_test_randbytes(rnd, sizeof rnd);
    memset(rnd + 64 * 3, 0, 32);
    CHECK(tsr_dkg_init(ctx, st, TSR_SUITE_SECP256K1_TR, sess, 1, 3, 4, NULL, rnd, sizeof rnd) == TSR_ERR_ARG);
    CHECK(tsr_dkg_round1(ctx, st, m) == TSR_ERR_STATE);
    /* a given polynomial: t must match, no zero coefficient, 64 random bytes */
    tsr_test_randbytes(rnd, sizeof rnd);
    memset(&f, 0, sizeof f);
    f.t = 3;
    tsr_scalar_set_u32(&f.a[0], 5);
    tsr_scalar_set_u32(&f.a[1], 6);
    tsr_scalar_set_u32(&f.a[2], 7);
    CHECK(tsr_dkg_init(ctx, st, TSR_SUITE_SECP256K1_SHA256, sess, 2, 3, 4, &f, rnd, 65) == TSR_ERR_ARG);
    CHECK(tsr_dkg_init(ctx, st, TSR_SUITE_SECP256K1_SHA256, sess, 2, 2, 4, &f, rnd, 64) == TSR_ERR_ARG);
    tsr_scalar_set_u32(&f.a[1], 0);
    CHECK(tsr_dkg_init(ctx, st, TSR_SUITE_SECP256K1_SHA256, sess, 2, 3, 4, &f, rnd, 64) == TSR_ERR_ARG);
    tsr_scalar_set_u32(&f.a[1], 6);
    CHECK(tsr_dkg_init(ctx, st, TSR_SUITE_SECP256K1_SHA256, sess, 2, 3, 4, &f, rnd, 64) == TSR_OK);
    CHECK(st->phase == TSR_DKG_PHASE_ROUND1 && scalar_eq(&st->f.a[2], &f.a[2]));
    CHECK(memcmp(st->cert_aux, rnd + 32, 32) == 0);
    /* a failed init clears a good state */
    CHECK(tsr_dkg_init(ctx, st, TSR_SUITE_SECP256K1_SHA256, sess, 2, 3, 4, &f, rnd, 63) == TSR_ERR_ARG);
    CHECK(tsr_dkg_round1(ctx, st, m) == TSR_ERR_STATE && recv_wiped(st));
    /* the PoK nonce depends on the session: same seed, other session, other nonce */
    {
        tsr_scalar k1;
        CHECK(tsr_dkg_init(ctx, st, TSR_SUITE_SECP256K1_SHA256, sess, 2, 3, 4, &f, rnd, 64) == TSR_OK);
        k1 = st->pok_k;
        sess[0] ^= 1;
        CHECK(tsr_dkg_init(ctx, st, TSR_SUITE_SECP256K1_SHA256, sess, 2, 3, 4, &f, rnd, 64) == TSR_OK);
        CHECK(!scalar_eq(&k1, &st->pok_k));
        CHECK(tsr_dkg_init(ctx, st, TSR_SUITE_SECP256K1_SHA256, sess, 3, 3, 4, &f, rnd, 64) == TSR_OK);
        CHECK(!scalar_eq(&k1, &st->pok_k));
        tsr_memzero(&k1, sizeof k1);
    }
    tsr_dkg_state_clear(st);
    CHECK(tsr_dkg_round1(ctx, st, m) == TSR_ERR_STATE && recv_wiped(st) && st->magic == 0);
    tsr_memzero(&f, sizeof f);
    free(st);
    free(m);
}

/* Out of phase: TSR_ERR_STATE; NULL arrays: TSR_ERR_ARG; both change nothing. */
static void test_phases(void) {
    cer *c = cer_new(TSR_SUITE_SECP256K1_SHA256, 2, 3);
    tsr_dkg_round4_msg r4;
    int done = 5;
    size_t i;
    cer_init(c);
    CHECK(cer_round2_one(c, 0, c->r1, 3) == TSR_ERR_STATE);
    CHECK(cer_round3_one(c, 0) == TSR_ERR_STATE);
    CHECK(cer_round4_one(c, 0) == TSR_ERR_STATE);
    CHECK(cer_round5_one(c, 0) == TSR_ERR_STATE);
    CHECK(tsr_dkg_result(&c->st[0], NULL, NULL) == TSR_ERR_STATE);
    CHECK(tsr_dkg_round1(ctx, NULL, &c->r1[0]) == TSR_ERR_ARG);
    CHECK(tsr_dkg_round1(ctx, &c->st[0], NULL) == TSR_ERR_ARG && c->st[0].phase == TSR_DKG_PHASE_ROUND1);
    cer_round1(c);
    CHECK(tsr_dkg_round1(ctx, &c->st[0], &c->r1[0]) == TSR_ERR_STATE);
    CHECK(cer_round3_one(c, 0) == TSR_ERR_STATE);
    /* bad arguments: refused, phase unchanged */
    CHECK(tsr_dkg_round2(ctx, &c->st[0], &c->r2b[0], NULL, c->bl, 3, &c->nbl, c->r1, 3) == TSR_ERR_ARG);
    CHECK(tsr_dkg_round2(ctx, &c->st[0], NULL, c->r2p, c->bl, 3, &c->nbl, c->r1, 3) == TSR_ERR_ARG);
    CHECK(tsr_dkg_round2(ctx, &c->st[0], &c->r2b[0], c->r2p, c->bl, 3, &c->nbl, NULL, 3) == TSR_ERR_ARG);
    CHECK(tsr_dkg_round2(ctx, &c->st[0], &c->r2b[0], c->r2p, NULL, 3, &c->nbl, c->r1, 3) == TSR_ERR_ARG);
    CHECK(tsr_dkg_round2(ctx, NULL, &c->r2b[0], c->r2p, c->bl, 3, &c->nbl, c->r1, 3) == TSR_ERR_ARG);
    CHECK(c->st[0].phase == TSR_DKG_PHASE_ROUND2);
    /* blames may be NULL with cap 0, nblames may be NULL */
    CHECK(tsr_dkg_round2(ctx, &c->st[0], &c->r2b[0], c->r2p, NULL, 0, NULL, c->r1, 3) == TSR_OK);
    for (i = 1; i < 3; i++) {
        CHECK(cer_round2_one(c, i, c->r1, 3) == TSR_OK);
    }
    CHECK(cer_round2_one(c, 0, c->r1, 3) == TSR_ERR_STATE);
    CHECK(tsr_dkg_round3(ctx, &c->st[0], NULL, c->bl, 3, &c->nbl, c->r2b, 3, c->in2, 2) == TSR_ERR_ARG);
    CHECK(tsr_dkg_round3(ctx, &c->st[0], &c->r3[0], c->bl, 3, &c->nbl, NULL, 3, c->in2, 2) == TSR_ERR_ARG);
    CHECK(tsr_dkg_round3(ctx, &c->st[0], &c->r3[0], c->bl, 3, &c->nbl, c->r2b, 3, NULL, 2) == TSR_ERR_ARG);
    CHECK(c->st[0].phase == TSR_DKG_PHASE_ROUND3);
    for (i = 0; i < 3; i++) {
        CHECK(cer_round3_one(c, i) == TSR_OK);
    }
    CHECK(cer_round3_one(c, 0) == TSR_ERR_STATE);
    CHECK(cer_round5_one(c, 0) == TSR_ERR_STATE);
    CHECK(tsr_dkg_round4(ctx, &c->st[0], &r4, NULL, c->bl, 3, &c->nbl, c->r3, 3) == TSR_ERR_ARG);
    CHECK(tsr_dkg_round4(ctx, &c->st[0], NULL, &done, c->bl, 3, &c->nbl, c->r3, 3) == TSR_ERR_ARG);
    CHECK(tsr_dkg_round4(ctx, &c->st[0], &r4, &done, c->bl, 3, &c->nbl, NULL, 3) == TSR_ERR_ARG);
    CHECK(done == 5 && c->st[0].phase == TSR_DKG_PHASE_ROUND4);
    CHECK(tsr_dkg_result(&c->st[0], NULL, NULL) == TSR_ERR_STATE);
    for (i = 0; i < 3; i++) {
        CHECK(cer_round4_one(c, i) == TSR_OK && c->done[i] == 1);
    }
    CHECK(cer_round4_one(c, 0) == TSR_ERR_STATE && c->done[0] == 1);
    CHECK(cer_round5_one(c, 0) == TSR_ERR_STATE);
    CHECK(tsr_dkg_result(&c->st[0], &c->share[0], NULL) == TSR_OK);
    /* the state after done keeps only the final share secret */
    CHECK(tsr_scalar_is_zero_mask(&c->st[0].f.a[0]) != 0);
    tsr_dkg_state_clear(&c->st[0]);
    CHECK(tsr_dkg_result(&c->st[0], NULL, NULL) == TSR_ERR_STATE);
    cer_free(c);
    /* round 5 arguments (a complaint path) */
    c = cer_through_round2(TSR_SUITE_SECP256K1_SHA256, 2, 3);
    c->r2p[1 * 3 + 0].sig[0] ^= 1;
    for (i = 0; i < 3; i++) {
        CHECK(cer_round3_one(c, i) == TSR_OK);
    }
    for (i = 0; i < 3; i++) {
        CHECK(cer_round4_one(c, i) == TSR_OK && c->done[i] == 0);
    }
    CHECK(tsr_dkg_round5(ctx, &c->st[0], c->bl, 3, &c->nbl, NULL, 3) == TSR_ERR_ARG);
    CHECK(tsr_dkg_round5(ctx, &c->st[0], NULL, 3, &c->nbl, c->r4, 3) == TSR_ERR_ARG);
    CHECK(tsr_dkg_round5(ctx, NULL, c->bl, 3, &c->nbl, c->r4, 3) == TSR_ERR_ARG);
    CHECK(c->st[0].phase == TSR_DKG_PHASE_ROUND5 && tsr_dkg_result(&c->st[0], NULL, NULL) == TSR_ERR_STATE);
    CHECK(cer_round4_one(c, 0) == TSR_ERR_STATE);
    /* blame capacity: at most cap records, *nblames counts the written ones */
    CHECK(tsr_dkg_round5(ctx, &c->st[0], c->bl, 0, &c->nbl, c->r4, 3) == TSR_ERR_VERIFY && c->nbl == 0);
    check_refuses_all(c, 0);
    cer_free(c);
}

static void test_pok_api(uint8_t suite) {
    tsr_scalar a0, k, mu, z;
    tsr_point c0, r, id;
    uint8_t sess[32], x[32];
    int odd = 0;
    size_t rep;
    tsr_test_randbytes(sess, 32);
    tsr_scalar_set_u32(&z, 0);
    tsr_point_set_identity(&id);
    for (rep = 0; rep < 8; rep++) {
        uint8_t b[64];
        tsr_test_randbytes(b, 64);
        CHECK(tsr_scalar_reduce_be(&a0, b, 32) == TSR_OK && tsr_scalar_reduce_be(&k, b + 32, 32) == TSR_OK);
        CHECK(tsr_point_base_mul(ctx, &c0, &a0) == TSR_OK);
        CHECK(tsr_dkg_pok_prove(ctx, &r, &mu, suite, rep % 2 ? sess : NULL, 7, &a0, &c0, &k) == TSR_OK);
        CHECK(tsr_dkg_pok_verify(ctx, suite, rep % 2 ? sess : NULL, 7, &c0, &r, &mu) == TSR_OK);
        CHECK(tsr_dkg_pok_verify(ctx, suite, rep % 2 ? NULL : sess, 7, &c0, &r, &mu) == TSR_ERR_VERIFY);
        CHECK(tsr_dkg_pok_verify(ctx, suite, rep % 2 ? sess : NULL, 8, &c0, &r, &mu) == TSR_ERR_VERIFY);
        CHECK(tsr_point_encode_xonly(ctx, x, &odd, &r) == TSR_OK);
        if (suite == TSR_SUITE_SECP256K1_TR) {
            CHECK(odd == 0);
            CHECK(tsr_point_neg(ctx, &r, &r) == TSR_OK);
            CHECK(tsr_dkg_pok_verify(ctx, suite, rep % 2 ? sess : NULL, 7, &c0, &r, &mu) == TSR_ERR_VERIFY);
        }
    }
    CHECK(tsr_dkg_pok_verify(ctx, suite, sess, 7, &c0, &id, &mu) == TSR_ERR_VERIFY);
    CHECK(tsr_dkg_pok_verify(ctx, suite, sess, 7, &id, &c0, &mu) == TSR_ERR_VERIFY);
    CHECK(tsr_dkg_pok_verify(ctx, 0, sess, 7, &c0, &c0, &mu) == TSR_ERR_VERIFY);
    CHECK(tsr_dkg_pok_prove(ctx, &r, &mu, suite, sess, 7, &a0, &c0, &z) == TSR_ERR_ARG);
    CHECK(r.infinity != 0 && tsr_scalar_is_zero_mask(&mu) != 0);
    CHECK(tsr_dkg_pok_prove(ctx, &r, &mu, suite, sess, 7, &a0, &id, &k) == TSR_ERR_ARG);
    CHECK(tsr_dkg_pok_prove(ctx, &r, &mu, 0, sess, 7, &a0, &c0, &k) == TSR_ERR_ARG);
    CHECK(r.infinity != 0 && tsr_scalar_is_zero_mask(&mu) != 0);
}

/* The share message from its definition (spec/dkg.md §Share message). */
static void test_share_message(void) {
    uint8_t sess[32], buf[73], h[32], m[32];
    tsr_scalar s;
    tsr_test_randbytes(sess, 32);
    tsr_scalar_set_u32(&s, 0x01020304);
    buf[0] = TSR_SUITE_SECP256K1_TR;
    memcpy(buf + 1, sess, 32);
    buf[33] = 0; buf[34] = 0; buf[35] = 1; buf[36] = 2;
    buf[37] = 0; buf[38] = 0; buf[39] = 0; buf[40] = 9;
    tsr_scalar_encode(buf + 41, &s);
    tsr_tagged_hash(h, (const uint8_t *)"TSR-DKG-SHARE-v1", 16, buf, sizeof buf);
    tsr_dkg_share_message(m, TSR_SUITE_SECP256K1_TR, sess, 0x102, 9, &s);
    CHECK(memcmp(h, m, 32) == 0);
    tsr_dkg_share_message(m, TSR_SUITE_SECP256K1_SHA256, sess, 0x102, 9, &s);
    CHECK(memcmp(h, m, 32) != 0);
    /* eq hash argument checks */
    CHECK(tsr_dkg_eq_hash(ctx, m, TSR_SUITE_SECP256K1_TR, sess, 1, 1, NULL) == TSR_ERR_ARG);
}

int main(int argc, char **argv) {
    tsr_test_init("dkg", argc, argv);
    ctx = tsr_context_create(NULL);
    sctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    if (ctx == NULL || sctx == NULL) {
        return 1;
    }
    test_zf(TSR_SUITE_SECP256K1_SHA256, zf_plain, zf_plain_group);
    test_zf(TSR_SUITE_SECP256K1_TR, zf_tr, zf_tr_group);
    test_bad_share(TSR_SUITE_SECP256K1_SHA256);
    test_bad_share(TSR_SUITE_SECP256K1_TR);
    test_bad_share_then_silent(TSR_SUITE_SECP256K1_SHA256);
    test_bad_share_then_silent(TSR_SUITE_SECP256K1_TR);
    test_unsigned_bad_share();
    for (int a = 0; a < (int)A__COUNT; a++) {
        test_r1_attack((r1_attack)a);
    }
    test_equivocation();
    for (int a = 0; a < (int)B__COUNT; a++) {
        test_r2_attack((r2_attack)a);
    }
    for (int a = 0; a < (int)R3__COUNT; a++) {
        test_r3_attack((r3_attack)a);
    }
    for (int a = 0; a < (int)R4__COUNT; a++) {
        test_r4_attack((r4_attack)a);
    }
    test_many_cheaters();
    test_round1_codec(TSR_SUITE_SECP256K1_SHA256);
    test_round1_codec(TSR_SUITE_SECP256K1_TR);
    test_round2_codec();
    test_round3_codec();
    test_round4_codec();
    test_certificate();
    test_init_args();
    test_phases();
    test_pok_api(TSR_SUITE_SECP256K1_SHA256);
    test_pok_api(TSR_SUITE_SECP256K1_TR);
    test_share_message();
    for (int v = 0; v < 3; v++) {
        test_false_complaint(v);
    }
    for (int v = 0; v < 4; v++) {
        test_no_share(v);
    }
    {
        static const size_t tn[4][2] = {{1, 1}, {2, 3}, {3, 5}, {7, 10}};
        double dt;
        for (size_t k = 0; k < 4; k++) {
            test_honest(TSR_SUITE_SECP256K1_SHA256, tn[k][0], tn[k][1]);
            test_honest(TSR_SUITE_SECP256K1_TR, tn[k][0], tn[k][1]);
        }
        dt = test_honest(tsr_test_rand64() % 2 ? TSR_SUITE_SECP256K1_TR : TSR_SUITE_SECP256K1_SHA256, 67, 100);
        printf("dkg: (n, t) = (100, 67): %.1f ms CPU per party (rounds 1-4)\n", dt * 1e3);
    }
    secp256k1_context_destroy(sctx);
    tsr_context_destroy(ctx);
    return tsr_test_done();
}
