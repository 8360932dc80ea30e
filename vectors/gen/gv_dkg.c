/* Generates vectors/dkg: whole DKG ceremonies (2-of-3, 3-of-5, 67-of-70, both suites) with every
 * message and intermediate value, and the attack cases with the culprits each must name. */
#include <stdlib.h>
#include <string.h>

#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

#include "gv.h"

#define GV_DKG_MAX_N 70
#define GV_DKG_MSG_MAX (2 + 33 * GV_DKG_MAX_N + 65)

/* One in-process ceremony: n parties, every message kept. Allocated once (large). */
typedef struct {
    char prefix[GV_LABEL];
    uint8_t suite;
    uint8_t session[32];
    size_t t, n;
    tsr_dkg_state st[GV_DKG_MAX_N];
    uint8_t rand[GV_DKG_MAX_N][64 * GV_DKG_MAX_N + 64];
    tsr_poly f[GV_DKG_MAX_N];
    tsr_scalar pok_k[GV_DKG_MAX_N];
    uint8_t cert_aux[GV_DKG_MAX_N][32];
    tsr_dkg_round1_msg r1[GV_DKG_MAX_N];
    tsr_dkg_round2_bcast r2b[GV_DKG_MAX_N];
    tsr_dkg_round2_p2p r2p[GV_DKG_MAX_N][GV_DKG_MAX_N]; /* [sender][recipient] */
    tsr_dkg_round3_msg r3[GV_DKG_MAX_N];
    tsr_dkg_round4_msg r4[GV_DKG_MAX_N];
    tsr_scalar share[GV_DKG_MAX_N];
    tsr_dkg_public pub[GV_DKG_MAX_N];
    /* scratch for one party's inbox */
    tsr_dkg_round1_msg in1[GV_DKG_MAX_N];
    tsr_dkg_round2_p2p in2[GV_DKG_MAX_N];
    tsr_blame blames[GV_DKG_MAX_N];
} gv_dkg_run;

static gv_dkg_run *gv_dr;

static const char *gv_dkg_suite_name(uint8_t suite) {
    return suite == TSR_SUITE_SECP256K1_TR ? "secp256k1-tr" : "secp256k1";
}

static void gv_dkg_setup(gv_dkg_run *r, uint8_t suite, size_t t, size_t n, const char *tag) {
    char label[GV_LABEL];
    int k;
    memset(r, 0, sizeof *r);
    r->suite = suite;
    r->t = t;
    r->n = n;
    GV_REQUIRE(n <= GV_DKG_MAX_N && t >= 1 && t <= n);
    k = snprintf(r->prefix, sizeof r->prefix, "dkg/%s/%luof%lu%s", gv_dkg_suite_name(suite), (unsigned long)t,
                 (unsigned long)n, tag);
    GV_REQUIRE(k > 0 && (size_t)k < sizeof r->prefix);
    gv_label(label, r->prefix, "session");
    gv_bytes_from_label(r->session, 32, label);
    for (size_t i = 0; i < n; i++) {
        gv_label_i(label, r->prefix, "rand", i + 1);
        gv_bytes_from_label(r->rand[i], 64 * t + 64, label);
        GV_REQUIRE(tsr_dkg_init(gv_ctx, &r->st[i], suite, r->session, (uint32_t)(i + 1), t, n, NULL, r->rand[i],
                                64 * t + 64) == TSR_OK);
        r->f[i] = r->st[i].f;
        r->pok_k[i] = r->st[i].pok_k;
        memcpy(r->cert_aux[i], r->st[i].cert_aux, 32);
    }
}

static void gv_dkg_round1_all(gv_dkg_run *r) {
    for (size_t i = 0; i < r->n; i++) {
        GV_REQUIRE(tsr_dkg_round1(gv_ctx, &r->st[i], &r->r1[i]) == TSR_OK);
    }
}

/* Party i's round 2 on the given round-1 inbox. Returns the error; blames in r->blames. */
static int gv_dkg_round2_one(gv_dkg_run *r, size_t i, const tsr_dkg_round1_msg *in, size_t nin, size_t *nb) {
    return tsr_dkg_round2(gv_ctx, &r->st[i], &r->r2b[i], r->r2p[i], r->blames, GV_DKG_MAX_N, nb, in, nin);
}

/* Party i's round 3: the n broadcasts and the n-1 shares addressed to it. */
static int gv_dkg_round3_one(gv_dkg_run *r, size_t i, size_t *nb) {
    size_t m = 0;
    for (size_t j = 0; j < r->n; j++) {
        if (j != i) {
            r->in2[m++] = r->r2p[j][i];
        }
    }
    return tsr_dkg_round3(gv_ctx, &r->st[i], &r->r3[i], r->blames, GV_DKG_MAX_N, nb, r->r2b, r->n, r->in2, m);
}

static void gv_dkg_honest(gv_dkg_run *r) {
    size_t nb = 0;
    gv_dkg_round1_all(r);
    for (size_t i = 0; i < r->n; i++) {
        GV_REQUIRE(gv_dkg_round2_one(r, i, r->r1, r->n, &nb) == TSR_OK && nb == 0);
    }
    for (size_t i = 0; i < r->n; i++) {
        GV_REQUIRE(gv_dkg_round3_one(r, i, &nb) == TSR_OK && nb == 0);
        GV_REQUIRE(r->r3[i].naccused == 0);
    }
    for (size_t i = 0; i < r->n; i++) {
        int done = 0;
        GV_REQUIRE(tsr_dkg_round4(gv_ctx, &r->st[i], &r->r4[i], &done, r->blames, GV_DKG_MAX_N, &nb, r->r3, r->n) ==
                   TSR_OK);
        GV_REQUIRE(done == 1 && nb == 0);
        GV_REQUIRE(tsr_dkg_result(&r->st[i], &r->share[i], &r->pub[i]) == TSR_OK);
        GV_REQUIRE(tsr_dkg_certificate_verify(gv_ctx, &r->pub[i], NULL) == TSR_OK);
    }
    for (size_t i = 1; i < r->n; i++) {
        GV_REQUIRE(memcmp(r->pub[i].eq_hash, r->pub[0].eq_hash, 32) == 0);
        GV_REQUIRE(tsr_point_eq(gv_ctx, &r->pub[i].group_key, &r->pub[0].group_key));
        GV_REQUIRE(memcmp(r->pub[i].cert, r->pub[0].cert, sizeof r->pub[0].cert) == 0);
    }
    /* The shares interpolate to the discrete log of the group key (t of them suffice). */
    {
        tsr_scalar ids[GV_DKG_MAX_N], s;
        tsr_point y;
        for (size_t i = 0; i < r->t; i++) {
            tsr_scalar_set_u32(&ids[i], (uint32_t)(i + 1));
        }
        GV_REQUIRE(tsr_shamir_reconstruct(&s, ids, r->share, r->t, NULL) == TSR_OK);
        GV_REQUIRE(tsr_point_base_mul(gv_ctx, &y, &s) == TSR_OK);
        GV_REQUIRE(tsr_point_eq(gv_ctx, &y, &r->pub[0].group_key));
    }
}

static void gv_dkg_msg_hex(gv_json *w, const char *key, const gv_dkg_run *r, const tsr_dkg_round1_msg *m) {
    static uint8_t buf[GV_DKG_MSG_MAX];
    size_t len = 0;
    GV_REQUIRE(tsr_dkg_round1_encode(gv_ctx, buf, sizeof buf, &len, r->suite, m) == TSR_OK);
    gv_hex(w, key, buf, len);
}

static void gv_dkg_file(const char *dir, uint8_t suite, size_t t, size_t n) {
    gv_dkg_run *r = gv_dr;
    gv_json w;
    char name[64], label[GV_LABEL];
    int k = snprintf(name, sizeof name, "%s-%luof%lu.json", suite == TSR_SUITE_SECP256K1_TR ? "tr" : "secp256k1",
                     (unsigned long)t, (unsigned long)n);
    GV_REQUIRE(k > 0 && (size_t)k < sizeof name);
    gv_dkg_setup(r, suite, t, n, "");
    gv_dkg_honest(r);
    gv_file_open(&w, dir, name);
    gv_obj(&w, NULL);
    gv_obj(&w, "config");
    gv_str(&w, "suite", gv_dkg_suite_name(suite));
    gv_size(&w, "t", t);
    gv_size(&w, "n", n);
    gv_end_obj(&w);
    gv_generator(&w, "vectors/gen/gv_dkg.c");
    gv_obj(&w, "labels");
    gv_label(label, r->prefix, "session");
    gv_str(&w, "session", label);
    gv_label(label, r->prefix, "rand");
    gv_str(&w, "rand", label);
    gv_str(&w, "per_party", "party i draws rand/<i> (64t + 64 bytes) and passes it to tsr_dkg_init; "
                            "the derived coefficients, PoK nonce and certificate aux bytes are listed below");
    gv_end_obj(&w);
    gv_hex(&w, "session", r->session, 32);
    gv_arr(&w, "parties");
    for (size_t i = 0; i < n; i++) {
        gv_obj(&w, NULL);
        gv_size(&w, "identifier", i + 1);
        gv_arr(&w, "coefficients");
        for (size_t c = 0; c < t; c++) {
            gv_scalar(&w, NULL, &r->f[i].a[c]);
        }
        gv_end_arr(&w);
        gv_arr(&w, "vss_commitment");
        for (size_t c = 0; c < t; c++) {
            gv_point(&w, NULL, &r->r1[i].commitment.c[c]);
        }
        gv_end_arr(&w);
        gv_scalar(&w, "pok_nonce", &r->pok_k[i]);
        gv_point(&w, "pok_r", &r->r1[i].pok_r);
        gv_scalar(&w, "pok_mu", &r->r1[i].pok_mu);
        if (t <= 10) { /* the large file leaves it out: it is the commitment and the PoK, encoded */
            gv_dkg_msg_hex(&w, "round1_message", r, &r->r1[i]);
        }
        gv_arr(&w, "shares_sent");
        for (size_t j = 0; j < n; j++) {
            gv_scalar(&w, NULL, &r->r2p[i][j].share);
        }
        gv_end_arr(&w);
        gv_hex(&w, "eq_hash", r->r2b[i].eq_hash, 32);
        gv_hex(&w, "cert_aux", r->cert_aux[i], 32);
        gv_scalar(&w, "signing_share", &r->share[i]);
        gv_point(&w, "verifying_share", &r->pub[0].vshares[i]);
        gv_hex(&w, "certificate_signature", r->pub[0].cert[i], 64);
        gv_end_obj(&w);
    }
    gv_end_arr(&w);
    gv_obj(&w, "result");
    gv_point(&w, "group_public_key", &r->pub[0].group_key);
    gv_hex(&w, "eq_hash", r->pub[0].eq_hash, 32);
    gv_end_obj(&w);
    gv_end_obj(&w);
    w.cases = 1;
    gv_file_close(&w, dir, name);
    for (size_t i = 0; i < n; i++) {
        tsr_dkg_state_clear(&r->st[i]);
    }
}

/* ---- attacks ------------------------------------------------------------------------------------ */

static void gv_dkg_blames_json(gv_json *w, const tsr_blame *b, size_t nb) {
    gv_arr(w, "culprits");
    for (size_t j = 0; j < nb; j++) {
        gv_obj(w, NULL);
        gv_size(w, "identifier", b[j].culprit);
        gv_int(w, "round", (long)b[j].round);
        gv_int(w, "check", (long)b[j].check);
        gv_str(w, "check_name", tsr_check_name(b[j].check));
        gv_end_obj(w);
    }
    gv_end_arr(w);
}

typedef enum { GV_R1_COUNT, GV_R1_IDENTITY, GV_R1_TRANSPLANT, GV_R1_REPLAY, GV_R1_MISSING, GV_R1_POK_MU } gv_r1_attack;

/* Round-1 attacks by party 2 (index 1) of a 2-of-3 DKG, seen by party 1 (index 0). */
static void gv_dkg_r1_case(gv_json *w, const char *name, gv_r1_attack a, int err_want, tsr_check check,
                           uint32_t culprit, const char *mutation) {
    gv_dkg_run *r = gv_dr;
    tsr_dkg_round1_msg in[3];
    size_t nin = 3, nb = 0;
    int err;
    char extra_label[GV_LABEL] = "";
    gv_dkg_setup(r, TSR_SUITE_SECP256K1_SHA256, 2, 3, "");
    gv_dkg_round1_all(r);
    memcpy(in, r->r1, sizeof in);
    switch (a) {
    case GV_R1_COUNT: {
        /* threshold raising: a degree-2 polynomial's commitment (3 points) */
        tsr_scalar extra;
        gv_scalar_from_label(&extra, "dkg/attack/threshold-raising");
        memcpy(extra_label, "dkg/attack/threshold-raising", sizeof "dkg/attack/threshold-raising");
        in[1].commitment.t = 3;
        GV_REQUIRE(tsr_point_base_mul(gv_ctx, &in[1].commitment.c[2], &extra) == TSR_OK);
        break;
    }
    case GV_R1_IDENTITY: tsr_point_set_identity(&in[1].commitment.c[1]); break;
    case GV_R1_TRANSPLANT: in[2] = r->r1[1]; in[2].sender = 3; break;
    case GV_R1_REPLAY: {
        /* party 2's round-1 message from another session (same randomness, other session id) */
        static tsr_dkg_state other;
        uint8_t sess[32];
        char label[GV_LABEL];
        gv_label(label, r->prefix, "other-session");
        memcpy(extra_label, label, sizeof extra_label);
        gv_bytes_from_label(sess, 32, label);
        GV_REQUIRE(tsr_dkg_init(gv_ctx, &other, r->suite, sess, 2, 2, 3, NULL, r->rand[1], 64 * 2 + 64) == TSR_OK);
        GV_REQUIRE(tsr_dkg_round1(gv_ctx, &other, &in[1]) == TSR_OK);
        tsr_dkg_state_clear(&other);
        break;
    }
    case GV_R1_MISSING: nin = 2; break;
    case GV_R1_POK_MU: {
        tsr_scalar one;
        tsr_scalar_set_u32(&one, 1);
        tsr_scalar_add(&in[1].pok_mu, &in[1].pok_mu, &one);
        break;
    }
    }
    err = gv_dkg_round2_one(r, 0, in, nin, &nb);
    GV_REQUIRE(err == err_want && nb >= 1);
    for (size_t j = 0; j < nb; j++) {
        GV_REQUIRE(r->blames[j].culprit == culprit);
    }
    GV_REQUIRE(r->blames[0].check == check);
    gv_case(w, name, 0);
    gv_str(w, "base", r->prefix);
    gv_int(w, "detected_in_round", 2);
    gv_size(w, "judged_by", 1);
    if (extra_label[0] != '\0') {
        gv_str(w, "extra_label", extra_label);
    }
    gv_str(w, "mutation", mutation);
    gv_arr(w, "round1_messages_received");
    for (size_t j = 0; j < nin; j++) {
        gv_obj(w, NULL);
        gv_size(w, "sender", in[j].sender);
        if (in[j].commitment.t <= 3 && !(a == GV_R1_IDENTITY && j == 1)) {
            gv_dkg_msg_hex(w, "round1_message", r, &in[j]);
        } else {
            gv_null(w, "round1_message");
        }
        gv_end_obj(w);
    }
    gv_end_arr(w);
    gv_expect(w, err, check, mutation);
    gv_dkg_blames_json(w, r->blames, nb);
    gv_end_obj(w);
    for (size_t i = 0; i < r->n; i++) {
        tsr_dkg_state_clear(&r->st[i]);
    }
}

typedef enum { GV_R3_BAD_SHARE, GV_R3_FALSE_COMPLAINT, GV_R3_EQUIVOCATION, GV_R3_BAD_CERT } gv_r3_attack;

/* Later-round attacks in a 2-of-3 DKG; returns after the round that detects them. */
static void gv_dkg_late_case(gv_json *w, const char *name, gv_r3_attack a, tsr_check check, uint32_t culprit,
                             const char *mutation) {
    gv_dkg_run *r = gv_dr;
    size_t nb = 0;
    int err = TSR_OK;
    gv_dkg_setup(r, TSR_SUITE_SECP256K1_SHA256, 2, 3, "");
    gv_dkg_round1_all(r);
    if (a == GV_R3_EQUIVOCATION) {
        /* party 2 sends party 3 a different round-1 message (another valid polynomial) */
        static tsr_dkg_state twin;
        tsr_dkg_round1_msg in[3];
        uint8_t rnd[64 * 2 + 64];
        char label[GV_LABEL];
        gv_label(label, r->prefix, "equivocation-rand");
        gv_bytes_from_label(rnd, sizeof rnd, label);
        GV_REQUIRE(tsr_dkg_init(gv_ctx, &twin, r->suite, r->session, 2, 2, 3, NULL, rnd, sizeof rnd) == TSR_OK);
        memcpy(in, r->r1, sizeof in);
        GV_REQUIRE(tsr_dkg_round1(gv_ctx, &twin, &in[1]) == TSR_OK);
        tsr_dkg_state_clear(&twin);
        GV_REQUIRE(gv_dkg_round2_one(r, 0, r->r1, 3, &nb) == TSR_OK);
        GV_REQUIRE(gv_dkg_round2_one(r, 1, r->r1, 3, &nb) == TSR_OK);
        GV_REQUIRE(gv_dkg_round2_one(r, 2, in, 3, &nb) == TSR_OK);
        GV_REQUIRE(memcmp(r->r2b[0].eq_hash, r->r2b[2].eq_hash, 32) != 0);
        err = gv_dkg_round3_one(r, 0, &nb);
        GV_REQUIRE(err == TSR_ERR_VERIFY && nb == 1 && r->blames[0].check == check &&
                   r->blames[0].culprit == culprit);
    } else {
        for (size_t i = 0; i < 3; i++) {
            GV_REQUIRE(gv_dkg_round2_one(r, i, r->r1, 3, &nb) == TSR_OK);
        }
        if (a == GV_R3_BAD_SHARE) {
            /* the cheating dealer signs its bad share: the evidence is then valid */
            tsr_scalar one;
            uint8_t m32[32], sk[32], aux[32];
            secp256k1_context *sctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
            secp256k1_keypair kp;
            GV_REQUIRE(sctx != NULL);
            tsr_scalar_set_u32(&one, 1);
            tsr_scalar_add(&r->r2p[1][0].share, &r->r2p[1][0].share, &one);
            tsr_dkg_share_message(m32, r->suite, r->session, 2, 1, &r->r2p[1][0].share);
            tsr_scalar_encode(sk, &r->f[1].a[0]);
            memset(aux, 0, sizeof aux);
            GV_REQUIRE(secp256k1_keypair_create(sctx, &kp, sk) == 1);
            GV_REQUIRE(secp256k1_schnorrsig_sign32(sctx, r->r2p[1][0].sig, m32, &kp, aux) == 1);
            secp256k1_context_destroy(sctx);
        }
        for (size_t i = 0; i < 3; i++) {
            GV_REQUIRE(gv_dkg_round3_one(r, i, &nb) == TSR_OK);
        }
        if (a == GV_R3_FALSE_COMPLAINT) {
            /* party 1 accuses party 2, showing the (valid) signed share it received as evidence */
            r->r3[0].naccused = 1;
            r->r3[0].accused[0] = 2;
            r->r3[0].kind[0] = TSR_DKG_COMPLAINT_BAD_SHARE;
            r->r3[0].share[0] = r->r2p[1][0].share;
            memcpy(r->r3[0].sig[0], r->r2p[1][0].sig, 64);
            memset(r->r3[0].cert_sig, 0, 64);
        }
        if (a == GV_R3_BAD_CERT) {
            r->r3[2].cert_sig[63] ^= 1;
            err = tsr_dkg_round4(gv_ctx, &r->st[0], &r->r4[0], &(int){0}, r->blames, GV_DKG_MAX_N, &nb, r->r3, 3);
            GV_REQUIRE(err == TSR_ERR_VERIFY && nb == 1 && r->blames[0].culprit == culprit &&
                       r->blames[0].check == check);
        } else {
            int done = 1;
            /* the honest parties (a corrupt accuser's own state is not consulted) */
            for (size_t i = (a == GV_R3_FALSE_COMPLAINT ? 1 : 0); i < 3; i++) {
                int rc = tsr_dkg_round4(gv_ctx, &r->st[i], &r->r4[i], &done, r->blames, GV_DKG_MAX_N, &nb, r->r3, 3);
                if (rc != TSR_OK) {
                    fprintf(stderr, "gv_dkg: %s: party %lu round4 -> %d\n", name, (unsigned long)i + 1, rc);
                }
                GV_REQUIRE(rc == TSR_OK);
                GV_REQUIRE(done == 0);
            }
            if (a == GV_R3_FALSE_COMPLAINT) {
                r->r4[0].sender = 1; /* the corrupt accuser owes no opening: an empty round-4 message */
                r->r4[0].nopen = 0;
            }
            GV_REQUIRE(r->r4[1].nopen == 0); /* BAD_SHARE complaints carry evidence: no opening */
            /* party 3 (an honest bystander) resolves */
            err = tsr_dkg_round5(gv_ctx, &r->st[2], r->blames, GV_DKG_MAX_N, &nb, r->r4, 3);
            if (!(err == TSR_ERR_VERIFY && nb == 1)) {
                fprintf(stderr, "gv_dkg: %s: round5 -> %d, %lu blames:", name, err, (unsigned long)nb);
                for (size_t j = 0; j < nb; j++) {
                    fprintf(stderr, " (%u, %u)", (unsigned)r->blames[j].culprit, (unsigned)r->blames[j].check);
                }
                fprintf(stderr, "\n");
            }
            GV_REQUIRE(err == TSR_ERR_VERIFY && nb == 1 && r->blames[0].culprit == culprit &&
                       r->blames[0].check == check);
        }
    }
    gv_case(w, name, 0);
    gv_str(w, "base", r->prefix);
    gv_str(w, "mutation", mutation);
    gv_int(w, "detected_in_round", a == GV_R3_EQUIVOCATION ? 3 : a == GV_R3_BAD_CERT ? 4 : 5);
    gv_size(w, "judged_by", a == GV_R3_EQUIVOCATION || a == GV_R3_BAD_CERT ? 1 : 3);
    if (a == GV_R3_EQUIVOCATION) {
        char label[GV_LABEL];
        gv_label(label, r->prefix, "equivocation-rand");
        gv_str(w, "extra_label", label);
    }
    if (a == GV_R3_BAD_SHARE) {
        gv_str(w, "evidence_aux", "the cheating dealer signs its bad share with 32 zero bytes of aux randomness");
    }
    if (a == GV_R3_BAD_SHARE || a == GV_R3_FALSE_COMPLAINT) {
        gv_scalar(w, "evidence_share", &r->r3[0].share[0]);
        gv_hex(w, "evidence_signature", r->r3[0].sig[0], 64);
        gv_dkg_msg_hex(w, "dealer_round1_message", r, &r->r1[1]);
    }
    gv_expect(w, err, check, mutation);
    gv_dkg_blames_json(w, r->blames, nb);
    gv_end_obj(w);
    for (size_t i = 0; i < r->n; i++) {
        tsr_dkg_state_clear(&r->st[i]);
    }
}

static void gv_dkg_decode_case(gv_json *w, const char *name, const uint8_t *in, size_t inlen, int err_want,
                               tsr_check check) {
    static tsr_dkg_round1_msg m;
    tsr_check why = TSR_CHECK_NONE;
    int err = tsr_dkg_round1_decode(gv_ctx, &m, TSR_SUITE_SECP256K1_SHA256, 2, in, inlen, &why);
    GV_REQUIRE(err == err_want && why == check);
    gv_case(w, name, err == TSR_OK);
    gv_str(w, "operation", "decode_round1");
    gv_str(w, "suite", "secp256k1");
    gv_size(w, "sender", 2);
    gv_str(w, "source", "party 2's round-1 message of dkg/secp256k1/2of3, then mutated as the name says");
    gv_hex(w, "input", in, inlen);
    if (err != TSR_OK) {
        gv_expect(w, err, check, name);
    } else {
        gv_point(w, "pok_r", &m.pok_r);
        gv_scalar(w, "pok_mu", &m.pok_mu);
    }
    gv_end_obj(w);
}

static void gv_dkg_invalid_file(const char *dir) {
    gv_dkg_run *r = gv_dr;
    gv_json w;
    static uint8_t buf[GV_DKG_MSG_MAX];
    size_t len = 0;
    gv_file_open(&w, dir, "invalid.json");
    gv_obj(&w, NULL);
    gv_str(&w, "description", "DKG attacks on the 2-of-3 ceremony of secp256k1-2of3.json (party 2 cheats "
                              "unless stated): the round that detects each, the error, the check and every "
                              "culprit named; plus round-1 decoder rejects.");
    gv_generator(&w, "vectors/gen/gv_dkg.c");
    gv_arr(&w, "cases");
    gv_dkg_r1_case(&w, "threshold-raising", GV_R1_COUNT, TSR_ERR_VERIFY, TSR_CHECK_COMMITMENT_COUNT, 2,
                   "party 2 commits to a degree-2 polynomial (3 points) where t = 2");
    gv_dkg_r1_case(&w, "identity-commitment", GV_R1_IDENTITY, TSR_ERR_VERIFY, TSR_CHECK_POINT_IDENTITY, 2,
                   "party 2's commitment C_1 is the identity");
    gv_dkg_r1_case(&w, "pok-transplant", GV_R1_TRANSPLANT, TSR_ERR_VERIFY, TSR_CHECK_POK, 3,
                   "party 3 re-sends party 2's commitment and proof as its own");
    gv_dkg_r1_case(&w, "replay-other-session", GV_R1_REPLAY, TSR_ERR_VERIFY, TSR_CHECK_POK, 2,
                   "party 2 sends its round-1 message of another session");
    gv_dkg_r1_case(&w, "pok-response-altered", GV_R1_POK_MU, TSR_ERR_VERIFY, TSR_CHECK_POK, 2,
                   "party 2's PoK response mu + 1");
    gv_dkg_r1_case(&w, "missing-round1", GV_R1_MISSING, TSR_ERR_VERIFY, TSR_CHECK_MISSING, 3,
                   "party 3 sends no round-1 message");
    gv_dkg_late_case(&w, "bad-share-to-victim", GV_R3_BAD_SHARE, TSR_CHECK_FELDMAN, 2,
                     "party 2 sends party 1 the share f_2(1) + 1, signed; party 1 complains with the "
                     "signed share as evidence, which fails Feldman verification");
    gv_dkg_late_case(&w, "false-complaint", GV_R3_FALSE_COMPLAINT, TSR_CHECK_FALSE_COMPLAINT, 1,
                     "party 1 accuses honest party 2, showing the signed share it received as evidence; "
                     "the evidence passes Feldman verification");
    gv_dkg_late_case(&w, "equivocation", GV_R3_EQUIVOCATION, TSR_CHECK_EQUIVOCATION, TSR_CULPRIT_NONE,
                     "party 2 sends party 3 another valid round-1 message; the round-2 hashes differ "
                     "and every party aborts before using a share (no provable culprit)");
    gv_dkg_late_case(&w, "bad-certificate", GV_R3_BAD_CERT, TSR_CHECK_CERTIFICATE, 3,
                     "party 3's certificate signature has its last bit flipped");
    /* decoders */
    gv_dkg_setup(r, TSR_SUITE_SECP256K1_SHA256, 2, 3, "");
    gv_dkg_round1_all(r);
    GV_REQUIRE(tsr_dkg_round1_encode(gv_ctx, buf, sizeof buf, &len, r->suite, &r->r1[1]) == TSR_OK);
    gv_dkg_decode_case(&w, "decode-valid", buf, len, TSR_OK, TSR_CHECK_NONE);
    gv_dkg_decode_case(&w, "decode-truncated", buf, len - 1, TSR_ERR_ENCODING, TSR_CHECK_LENGTH);
    buf[len] = 0;
    gv_dkg_decode_case(&w, "decode-trailing", buf, len + 1, TSR_ERR_ENCODING, TSR_CHECK_LENGTH);
    buf[2] = 0x05;
    gv_dkg_decode_case(&w, "decode-bad-prefix", buf, len, TSR_ERR_ENCODING, TSR_CHECK_POINT_PREFIX);
    buf[2] = 0x02;
    GV_REQUIRE(tsr_dkg_round1_encode(gv_ctx, buf, sizeof buf, &len, r->suite, &r->r1[1]) == TSR_OK);
    gv_hex_decode(buf + len - 32, 32, gv_n_hex);
    gv_dkg_decode_case(&w, "decode-mu-equals-n", buf, len, TSR_ERR_ENCODING, TSR_CHECK_SCALAR_RANGE);
    for (size_t i = 0; i < r->n; i++) {
        tsr_dkg_state_clear(&r->st[i]);
    }
    gv_end_arr(&w);
    gv_end_obj(&w);
    gv_file_close(&w, dir, "invalid.json");
}

void gv_write_dkg(const char *dir) {
    static const size_t cfg[3][2] = {{2, 3}, {3, 5}, {67, 70}};
    gv_dr = calloc(1, sizeof *gv_dr);
    GV_REQUIRE(gv_dr != NULL);
    for (int s = 0; s < 2; s++) {
        for (size_t i = 0; i < 3; i++) {
            gv_dkg_file(dir, s == 0 ? TSR_SUITE_SECP256K1_SHA256 : TSR_SUITE_SECP256K1_TR, cfg[i][0], cfg[i][1]);
        }
    }
    gv_dkg_invalid_file(dir);
    free(gv_dr);
    gv_dr = NULL;
}
