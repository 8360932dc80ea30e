/* Tests of ref/src/frost_bip.c: every case of the BIP 445 draft's six vector files, round trips
 * (2-of-3, 3-of-5, with tweaks and deterministic signing) checked by libsecp256k1, and negatives. */
#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

#include "tessera/tessera.h"
#include "tsr_test.h"

#include "frost_bip_vectors.h"

static secp256k1_context *g_secp;

/* ---- helpers ----------------------------------------------------------------------------- */

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decodes hex into out (cap bytes); returns the byte count (aborts the test run on bad input). */
static size_t unhex(uint8_t *out, size_t cap, const char *hex) {
    size_t n = strlen(hex) / 2, i;
    if (strlen(hex) % 2 != 0 || n > cap) {
        fprintf(stderr, "bad hex in table: %s\n", hex);
        exit(2);
    }
    for (i = 0; i < n; i++) {
        int hi = hexval(hex[2 * i]), lo = hexval(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            fprintf(stderr, "bad hex in table: %s\n", hex);
            exit(2);
        }
        out[i] = (uint8_t)(hi * 16 + lo);
    }
    return n;
}

static int eqhex(const uint8_t *a, size_t alen, const char *hex) {
    uint8_t buf[256];
    size_t n = unhex(buf, sizeof buf, hex);
    return n == alen && memcmp(a, buf, n) == 0;
}

static int all_zero(const uint8_t *a, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) {
        if (a[i] != 0) return 0;
    }
    return 1;
}

/* Builds the signers context of a case: ids and the group's pubshares by index. */
static void make_signers(tsr_frost_bip_signers *sg, const fbv_group *g, const fbv_case *c) {
    int i;
    memset(sg, 0, sizeof *sg);
    sg->n = (uint32_t)g->n;
    sg->t = (uint32_t)g->t;
    sg->u = (size_t)c->ids.n;
    for (i = 0; i < c->ids.n; i++) {
        sg->ids[i] = (uint32_t)c->ids.v[i];
        unhex(sg->pubshares[i], 33, g->pubshares.v[c->pubshare_idx.v[i]]);
    }
    unhex(sg->thresh_pk, 33, g->thresh_pk);
}

/* The tweak context of a case, built like the draft's thresh_pubkey_and_tweak: a count mismatch
 * or an all-32-byte list goes through tsr_frost_bip_apply_tweaks; a list holding a tweak of
 * another length goes tweak by tweak through tsr_frost_bip_apply_tweak (the length check). */
static int make_tweaks(const tsr_context *ctx, tsr_frost_bip_tweak_ctx *tc, const uint8_t thresh_pk33[33],
                       const char *const *hexes, int ntw, const fbv_ilist *modes, tsr_blame *blame) {
    uint8_t arr[FBV_MAXL][32];
    uint8_t one[64];
    size_t len[FBV_MAXL];
    uint8_t m[FBV_MAXL];
    int i, all32 = 1, rc;
    memset(arr, 0, sizeof arr);
    rc = tsr_frost_bip_tweak_ctx_init(ctx, tc, thresh_pk33, blame);
    if (rc != TSR_OK) return rc;
    for (i = 0; i < ntw; i++) {
        len[i] = unhex(one, sizeof one, hexes[i]);
        if (len[i] == 32) memcpy(arr[i], one, 32);
        else all32 = 0;
    }
    for (i = 0; i < modes->n; i++) m[i] = (uint8_t)modes->v[i];
    if (ntw != modes->n || all32) {
        return tsr_frost_bip_apply_tweaks(ctx, tc, (const uint8_t (*)[32])arr, (size_t)ntw, m, (size_t)modes->n,
                                          blame);
    }
    for (i = 0; i < ntw; i++) {
        unhex(one, sizeof one, hexes[i]);
        rc = tsr_frost_bip_apply_tweak(ctx, tc, one, len[i], m[i], blame);
        if (rc != TSR_OK) return rc;
    }
    return TSR_OK;
}

/* Tessera's reading of a draft error: the return code, the check id and the culprit. */
typedef struct {
    int rc;
    int check;     /* -1: any TSR_CHECK_POINT_* */
    uint32_t culprit;
} expect_t;

/* The point check a comment names (the vectors say which encoding rule a bad point breaks). */
static int point_check_from_comment(const char *comment) {
    if (strstr(comment, "unknown tag")) return TSR_CHECK_POINT_PREFIX;
    if (strstr(comment, "not a point on the curve")) return TSR_CHECK_POINT_NOT_ON_CURVE;
    if (strstr(comment, "exceeds the field size")) return TSR_CHECK_POINT_X_RANGE;
    if (strstr(comment, "all zeros")) return TSR_CHECK_POINT_IDENTITY;
    if (strstr(comment, "not a valid point")) return TSR_CHECK_POINT_NOT_ON_CURVE;
    return -1;
}

static int rc_of_point_check(int check) {
    return check == TSR_CHECK_POINT_IDENTITY ? TSR_ERR_RANGE : TSR_ERR_ENCODING;
}

/* The mapping of spec/frost-bip445.md §Errors, case by case. secnonce64 / secshare32 (may be NULL)
 * are the case's secret inputs, whose bytes decide between "zero" and ">= n". */
static void expect_of(expect_t *e, const fbv_case *c, const uint32_t *ids, const uint8_t *secnonce64,
                      const uint8_t *secshare32) {
    const char *m = c->err_message;
    e->culprit = TSR_CULPRIT_NONE;
    e->check = TSR_CHECK_NONE;
    e->rc = 999;
    if (c->err_type == NULL) return;
    if (strcmp(c->err_type, "InvalidContributionError") == 0) {
        if (strcmp(c->err_contrib, "aggnonce") == 0 || strcmp(c->err_contrib, "aggothernonce") == 0) {
            e->culprit = TSR_CULPRIT_COORDINATOR;
            e->check = point_check_from_comment(c->comment);
            e->rc = e->check < 0 ? TSR_ERR_ENCODING : rc_of_point_check(e->check);
        } else if (strcmp(c->err_contrib, "pubnonce") == 0) {
            e->culprit = (ids != NULL ? ids[c->err_signer] : (uint32_t)c->err_signer) + 1u;
            e->check = point_check_from_comment(c->comment);
            e->rc = e->check < 0 ? TSR_ERR_ENCODING : rc_of_point_check(e->check);
        } else if (strcmp(c->err_contrib, "psig") == 0) {
            e->culprit = ids[c->err_signer] + 1u;
            e->rc = TSR_ERR_RANGE;
            e->check = TSR_CHECK_SCALAR_RANGE;
        }
        return;
    }
    if (strcmp(m, "The number of signers must be between t and n.") == 0) {
        e->rc = TSR_ERR_ARG; e->check = TSR_CHECK_SIGNER_COUNT;
    } else if (strcmp(m, "The participant identifier list contains duplicate elements.") == 0) {
        e->rc = TSR_ERR_ARG; e->check = TSR_CHECK_ID_DUPLICATE;
    } else if (strncmp(m, "The participant identifier at index ", 36) == 0) {
        e->rc = TSR_ERR_ARG; e->check = TSR_CHECK_SENDER;
    } else if (strncmp(m, "Invalid pubshare at index ", 26) == 0) {
        e->check = point_check_from_comment(c->comment);
        e->rc = e->check < 0 ? TSR_ERR_ENCODING : rc_of_point_check(e->check);
    } else if (strcmp(m, "The provided key material is incorrect.") == 0) {
        e->rc = TSR_ERR_VERIFY; e->check = TSR_CHECK_FELDMAN;
    } else if (strcmp(m, "The signer's id must be present in the participant identifier list.") == 0) {
        e->rc = TSR_ERR_ARG; e->check = TSR_CHECK_ID_UNKNOWN;
    } else if (strcmp(m, "The signer's pubshare must be included in the list of pubshares.") == 0) {
        e->rc = TSR_ERR_ARG; e->check = TSR_CHECK_OWN_COMMITMENT;
    } else if (strcmp(m, "first secnonce value is out of range.") == 0) {
        if (all_zero(secnonce64, 64)) {
            e->rc = TSR_ERR_STATE; e->check = TSR_CHECK_SCALAR_ZERO;
        } else {
            e->rc = TSR_ERR_RANGE;
            e->check = all_zero(secnonce64, 32) ? TSR_CHECK_SCALAR_ZERO : TSR_CHECK_SCALAR_RANGE;
        }
    } else if (strcmp(m, "second secnonce value is out of range.") == 0) {
        e->rc = TSR_ERR_RANGE;
        e->check = all_zero(secnonce64 + 32, 32) ? TSR_CHECK_SCALAR_ZERO : TSR_CHECK_SCALAR_RANGE;
    } else if (strcmp(m, "The signer's secret share value is out of range.") == 0) {
        e->rc = TSR_ERR_ARG;
        e->check = all_zero(secshare32, 32) ? TSR_CHECK_SCALAR_ZERO : TSR_CHECK_SCALAR_RANGE;
    } else if (strcmp(m, "The tweak value is out of range.") == 0) {
        e->rc = TSR_ERR_RANGE; e->check = TSR_CHECK_TWEAK;
    } else if (strcmp(m, "The result of tweaking cannot be infinity.") == 0) {
        e->rc = TSR_ERR_RANGE; e->check = TSR_CHECK_POINT_IDENTITY;
    } else if (strcmp(m, "The tweaks and is_xonly arrays must have the same length.") == 0) {
        e->rc = TSR_ERR_ARG; e->check = TSR_CHECK_COUNT;
    } else if (strcmp(m, "The tweak must be a 32-byte array.") == 0) {
        e->rc = TSR_ERR_ENCODING; e->check = TSR_CHECK_LENGTH;
    } else if (strcmp(m, "The psigs and ids arrays must have the same length.") == 0) {
        e->rc = TSR_ERR_ARG; e->check = TSR_CHECK_COUNT;
    } else {
        fprintf(stderr, "unmapped draft error: %s\n", m);
    }
}

static int is_point_check(int check) {
    return check == TSR_CHECK_POINT_PREFIX || check == TSR_CHECK_POINT_X_RANGE ||
           check == TSR_CHECK_POINT_NOT_ON_CURVE || check == TSR_CHECK_POINT_IDENTITY;
}

static void check_expect(const char *src, const fbv_case *c, const expect_t *e, int rc, const tsr_blame *b) {
    CHECK_MSG(rc == e->rc, "%s tc %d: rc %d (%s), expected %d", src, c->tc_id, rc, tsr_strerror(rc), e->rc);
    if (e->check >= 0) {
        CHECK_MSG(b->check == e->check, "%s tc %d: check %u (%s), expected %d (%s)", src, c->tc_id, b->check,
                  tsr_check_name(b->check), e->check, tsr_check_name(e->check));
    } else {
        CHECK_MSG(is_point_check(b->check), "%s tc %d: check %u is no point check", src, c->tc_id, b->check);
    }
    CHECK_MSG(b->culprit == e->culprit, "%s tc %d: culprit %u, expected %u", src, c->tc_id, b->culprit, e->culprit);
}

/* Per-file tally: a case passes when none of its CHECKs failed. */
typedef struct {
    const char *name;
    unsigned run, pass;
    unsigned long failed_before;
} tally_t;

static void tally_begin(tally_t *t) {
    t->failed_before = tsr_test_failed;
}

static void tally_end(tally_t *t) {
    t->run++;
    if (tsr_test_failed == t->failed_before) t->pass++;
}

static void tally_print(const tally_t *t) {
    printf("frost_bip vectors: %-26s %u of %u cases pass\n", t->name, t->pass, t->run);
}

static int index_of(const fbv_ilist *ids, int id) {
    int i;
    for (i = 0; i < ids->n; i++) {
        if (ids->v[i] == id) return i;
    }
    return -1;
}

static void xonly_of(const tsr_context *ctx, uint8_t out32[32], const tsr_frost_bip_tweak_ctx *tc) {
    CHECK(tsr_frost_bip_get_xonly_pk(ctx, out32, tc) == TSR_OK);
}

/* ---- nonce_gen_vectors.json --------------------------------------------------------------- */

static void test_nonce_gen_vectors(const tsr_context *ctx) {
    tally_t t = {fbv_nonce_gen_source, 0, 0, 0};
    size_t i;
    for (i = 0; i < sizeof fbv_nonce_gen_cases / sizeof fbv_nonce_gen_cases[0]; i++) {
        const fbv_nonce_gen *c = &fbv_nonce_gen_cases[i];
        uint8_t rnd[32], ss[32], ps[33], tpk[32], msg[64], extra[64], pn[66];
        size_t msglen = 0, extralen = 0;
        tsr_frost_bip_secnonce sn;
        int rc;
        tally_begin(&t);
        unhex(rnd, 32, c->rand_);
        if (c->secshare) unhex(ss, 32, c->secshare);
        if (c->pubshare) unhex(ps, 33, c->pubshare);
        if (c->thresh_pk) unhex(tpk, 32, c->thresh_pk);
        if (c->msg) msglen = unhex(msg, sizeof msg, c->msg);
        if (c->extra_in) extralen = unhex(extra, sizeof extra, c->extra_in);
        rc = tsr_frost_bip_nonce_gen(ctx, &sn, pn, rnd, c->secshare ? ss : NULL, c->pubshare ? ps : NULL,
                                     c->thresh_pk ? tpk : NULL, c->msg ? msg : NULL, msglen,
                                     c->extra_in ? extra : NULL, extralen);
        CHECK_MSG(rc == TSR_OK, "nonce_gen tc %d: rc %d", c->tc_id, rc);
        CHECK_MSG(eqhex(sn.k, 64, c->exp_secnonce), "nonce_gen tc %d: secnonce", c->tc_id);
        CHECK_MSG(eqhex(pn, 66, c->exp_pubnonce), "nonce_gen tc %d: pubnonce", c->tc_id);
        CHECK(sn.magic == TSR_FROST_BIP_SECNONCE_MAGIC);
        tsr_frost_bip_secnonce_clear(&sn);
        tally_end(&t);
    }
    tally_print(&t);
}

/* ---- nonce_agg_vectors.json --------------------------------------------------------------- */

static void test_nonce_agg_vectors(const tsr_context *ctx) {
    tally_t t = {fbv_nonce_agg_source, 0, 0, 0};
    size_t i;
    for (i = 0; i < sizeof fbv_nonce_agg_cases / sizeof fbv_nonce_agg_cases[0]; i++) {
        const fbv_case *c = &fbv_nonce_agg_cases[i];
        uint8_t pns[FBV_MAXL][66], agg[66];
        tsr_blame b;
        expect_t e;
        int j, rc;
        tally_begin(&t);
        for (j = 0; j < c->pubnonce_idx.n; j++) unhex(pns[j], 66, fbv_nonce_agg_pubnonces[c->pubnonce_idx.v[j]]);
        memset(&b, 0xee, sizeof b);
        rc = tsr_frost_bip_nonce_agg(ctx, agg, (const uint8_t (*)[66])pns, NULL, (size_t)c->pubnonce_idx.n, &b);
        if (strcmp(c->kind, "valid") == 0) {
            CHECK_MSG(rc == TSR_OK, "nonce_agg tc %d: rc %d", c->tc_id, rc);
            CHECK_MSG(eqhex(agg, 66, c->expected.v[0]), "nonce_agg tc %d: aggnonce", c->tc_id);
            CHECK(b.culprit == TSR_CULPRIT_NONE && b.check == TSR_CHECK_NONE);
        } else {
            expect_of(&e, c, NULL, NULL, NULL);
            check_expect(fbv_nonce_agg_source, c, &e, rc, &b);
            CHECK(b.phase == TSR_PHASE_SIGN && b.round == 1);
            CHECK(all_zero(agg, 66));
        }
        tally_end(&t);
    }
    tally_print(&t);
}

/* ---- sign_verify_vectors.json and tweak_vectors.json -------------------------------------- */

static void run_sign_case(const tsr_context *ctx, const fbv_group *g, const fbv_case *c, int with_tweaks) {
    tsr_frost_bip_signers sg;
    tsr_frost_bip_tweak_ctx tc;
    tsr_frost_bip_session s;
    tsr_frost_bip_secnonce sn;
    uint8_t pns[FBV_MAXL][66], agg[66], msg[64], psig[32], ss[32], sn64[64];
    size_t msglen;
    tsr_blame b;
    expect_t e;
    int j, rc, reached_sign = 0;
    const char *src = g->source;
    const char *tw_hex[FBV_MAXL];

    make_signers(&sg, g, c);
    msglen = unhex(msg, sizeof msg, c->msg);
    for (j = 0; j < c->tweak_idx.n; j++) tw_hex[j] = g->tweaks.v[c->tweak_idx.v[j]];
    memset(&b, 0xee, sizeof b);
    rc = make_tweaks(ctx, &tc, sg.thresh_pk, tw_hex, with_tweaks ? c->tweak_idx.n : 0, &c->is_xonly, &b);
    if (rc == TSR_OK) {
        unhex(agg, 66, c->aggnonce);
        rc = tsr_frost_bip_session_init(ctx, &s, &sg, &tc, agg, msg, msglen, &b);
    }
    if (rc == TSR_OK) {
        unhex(ss, 32, g->secshares.v[c->secshare_idx]);
        unhex(sn64, 64, g->secnonces.v[c->secnonce_idx]);
        tsr_frost_bip_secnonce_import(&sn, sn64);
        rc = tsr_frost_bip_sign(ctx, psig, &sn, ss, (uint32_t)c->my_id, &s, &b);
        reached_sign = 1;
        CHECK_MSG(sn.magic == 0 && all_zero(sn.k, 64), "%s tc %d: secnonce not consumed", src, c->tc_id);
    }
    if (strcmp(c->kind, "valid") == 0) {
        int me = index_of(&c->ids, c->my_id);
        uint8_t agg2[66];
        CHECK_MSG(rc == TSR_OK, "%s tc %d: rc %d (%s) check %s", src, c->tc_id, rc, tsr_strerror(rc),
                  tsr_check_name(b.check));
        CHECK_MSG(rc == TSR_OK && eqhex(psig, 32, c->expected.v[0]), "%s tc %d: psig", src, c->tc_id);
        /* The vector's pubnonces aggregate to its aggnonce, and the psig verifies. */
        for (j = 0; j < c->pubnonce_idx.n; j++) unhex(pns[j], 66, g->pubnonces.v[c->pubnonce_idx.v[j]]);
        CHECK(tsr_frost_bip_nonce_agg(ctx, agg2, (const uint8_t (*)[66])pns, sg.ids, sg.u, NULL) == TSR_OK);
        CHECK_MSG(eqhex(agg2, 66, c->aggnonce), "%s tc %d: nonce_agg", src, c->tc_id);
        CHECK_MSG(tsr_frost_bip_partial_sig_verify(ctx, psig, (const uint8_t (*)[66])pns, &sg, &tc, msg, msglen,
                                                   (size_t)me, &b) == TSR_OK,
                  "%s tc %d: partial_sig_verify", src, c->tc_id);
        /* The secnonce was consumed: a second Sign is refused and releases nothing. */
        memset(psig, 0xaa, sizeof psig);
        CHECK(tsr_frost_bip_sign(ctx, psig, &sn, ss, (uint32_t)c->my_id, &s, &b) == TSR_ERR_STATE);
        CHECK(all_zero(psig, 32));
        return;
    }
    expect_of(&e, c, sg.ids, sn64, ss);
    check_expect(src, c, &e, rc, &b);
    if (reached_sign) CHECK(all_zero(psig, 32));
}

static void run_verify_case(const tsr_context *ctx, const fbv_group *g, const fbv_case *c) {
    tsr_frost_bip_signers sg;
    uint8_t pns[FBV_MAXL][66], msg[64], psig[32];
    size_t msglen;
    tsr_blame b;
    expect_t e;
    int j, rc;
    make_signers(&sg, g, c);
    msglen = unhex(msg, sizeof msg, c->msg);
    unhex(psig, 32, c->psig);
    for (j = 0; j < c->pubnonce_idx.n; j++) unhex(pns[j], 66, g->pubnonces.v[c->pubnonce_idx.v[j]]);
    memset(&b, 0xee, sizeof b);
    rc = tsr_frost_bip_partial_sig_verify(ctx, psig, (const uint8_t (*)[66])pns, &sg, NULL, msg, msglen,
                                          (size_t)c->signer_index, &b);
    if (strcmp(c->kind, "verify_fail") == 0) {
        /* The draft answers false: Tessera says TSR_ERR_VERIFY and names the signer. */
        int range = strstr(c->comment, "out of range") != NULL;
        CHECK_MSG(rc == TSR_ERR_VERIFY, "%s tc %d: rc %d", g->source, c->tc_id, rc);
        CHECK_MSG(b.culprit == sg.ids[c->signer_index] + 1u, "%s tc %d: culprit %u", g->source, c->tc_id,
                  b.culprit);
        CHECK_MSG(b.check == (range ? TSR_CHECK_SCALAR_RANGE : TSR_CHECK_SIGNATURE_SHARE), "%s tc %d: check %s",
                  g->source, c->tc_id, tsr_check_name(b.check));
        CHECK(b.phase == TSR_PHASE_AGGREGATE && b.round == 2);
        return;
    }
    expect_of(&e, c, sg.ids, NULL, NULL);
    check_expect(g->source, c, &e, rc, &b);
}

static void test_sign_like_vectors(const tsr_context *ctx, const fbv_group *groups, size_t ngroups, int with_tweaks) {
    tally_t t = {groups[0].source, 0, 0, 0};
    size_t gi, ci;
    for (gi = 0; gi < ngroups; gi++) {
        const fbv_group *g = &groups[gi];
        for (ci = 0; ci < g->ncases; ci++) {
            const fbv_case *c = &g->cases[ci];
            tally_begin(&t);
            if (strncmp(c->kind, "verify", 6) == 0) {
                run_verify_case(ctx, g, c);
            } else {
                run_sign_case(ctx, g, c, with_tweaks);
            }
            tally_end(&t);
        }
    }
    tally_print(&t);
}

/* ---- det_sign_vectors.json ---------------------------------------------------------------- */

static void test_det_sign_vectors(const tsr_context *ctx) {
    tally_t t = {fbv_det_sign_groups[0].source, 0, 0, 0};
    size_t gi, ci;
    for (gi = 0; gi < FBV_DET_SIGN_NGROUPS; gi++) {
        const fbv_group *g = &fbv_det_sign_groups[gi];
        for (ci = 0; ci < g->ncases; ci++) {
            const fbv_case *c = &g->cases[ci];
            tsr_frost_bip_signers sg;
            tsr_frost_bip_tweak_ctx tc;
            tsr_frost_bip_session s;
            uint8_t other[66], rnd[32], msg[64], ss[32], pn[66], psig[32], agg[66], pair[2][66];
            size_t msglen;
            tsr_blame b;
            expect_t e;
            int rc;
            tally_begin(&t);
            make_signers(&sg, g, c);
            msglen = unhex(msg, sizeof msg, c->msg);
            unhex(ss, 32, g->secshares.v[c->secshare_idx]);
            if (c->has_aggothernonce) unhex(other, 66, c->aggothernonce);
            if (c->has_rand) unhex(rnd, 32, c->rand);
            memset(&b, 0xee, sizeof b);
            rc = make_tweaks(ctx, &tc, sg.thresh_pk, c->tweaks.v, c->tweaks.n, &c->is_xonly, &b);
            if (rc == TSR_OK) {
                rc = tsr_frost_bip_deterministic_sign(ctx, pn, psig, ss, (uint32_t)c->my_id,
                                                      c->has_aggothernonce ? other : NULL, &sg, &tc, msg, msglen,
                                                      c->has_rand ? rnd : NULL, &b);
            }
            if (strcmp(c->kind, "valid") == 0) {
                int me = index_of(&c->ids, c->my_id);
                CHECK_MSG(rc == TSR_OK, "det_sign tc %d: rc %d (%s) check %s", c->tc_id, rc, tsr_strerror(rc),
                          tsr_check_name(b.check));
                CHECK_MSG(eqhex(pn, 66, c->expected.v[0]), "det_sign tc %d: pubnonce", c->tc_id);
                CHECK_MSG(eqhex(psig, 32, c->expected.v[1]), "det_sign tc %d: psig", c->tc_id);
                /* The partial signature verifies against the session it was made for. */
                if (c->has_aggothernonce) {
                    memcpy(pair[0], pn, 66);
                    memcpy(pair[1], other, 66);
                    CHECK(tsr_frost_bip_nonce_agg(ctx, agg, (const uint8_t (*)[66])pair, NULL, 2, NULL) == TSR_OK);
                } else {
                    memcpy(agg, pn, 66);
                }
                CHECK(tsr_frost_bip_session_init(ctx, &s, &sg, &tc, agg, msg, msglen, NULL) == TSR_OK);
                CHECK_MSG(me >= 0 && tsr_frost_bip_partial_sig_verify_internal(ctx, psig, (uint32_t)c->my_id, pn,
                                                                              sg.pubshares[me], &s, NULL) == TSR_OK,
                          "det_sign tc %d: partial verification", c->tc_id);
            } else {
                expect_of(&e, c, sg.ids, NULL, ss);
                check_expect(g->source, c, &e, rc, &b);
                CHECK(all_zero(pn, 66) && all_zero(psig, 32));
            }
            tally_end(&t);
        }
    }
    tally_print(&t);
}

/* ---- sig_agg_vectors.json ----------------------------------------------------------------- */

static void test_sig_agg_vectors(const tsr_context *ctx) {
    tally_t t = {fbv_sig_agg_groups[0].source, 0, 0, 0};
    size_t gi, ci;
    for (gi = 0; gi < FBV_SIG_AGG_NGROUPS; gi++) {
        const fbv_group *g = &fbv_sig_agg_groups[gi];
        for (ci = 0; ci < g->ncases; ci++) {
            const fbv_case *c = &g->cases[ci];
            tsr_frost_bip_signers sg;
            tsr_frost_bip_tweak_ctx tc;
            tsr_frost_bip_session s;
            uint8_t agg[66], msg[64], psigs[FBV_MAXL][32], sig[64], xpk[32];
            const char *tw_hex[FBV_MAXL];
            secp256k1_xonly_pubkey xk;
            size_t msglen;
            tsr_blame b;
            expect_t e;
            int j, rc;
            tally_begin(&t);
            make_signers(&sg, g, c);
            msglen = unhex(msg, sizeof msg, c->msg);
            unhex(agg, 66, c->aggnonce);
            for (j = 0; j < c->tweak_idx.n; j++) tw_hex[j] = g->tweaks.v[c->tweak_idx.v[j]];
            for (j = 0; j < c->psigs.n; j++) unhex(psigs[j], 32, c->psigs.v[j]);
            CHECK(make_tweaks(ctx, &tc, sg.thresh_pk, tw_hex, c->tweak_idx.n, &c->is_xonly, NULL) == TSR_OK);
            CHECK(tsr_frost_bip_session_init(ctx, &s, &sg, &tc, agg, msg, msglen, NULL) == TSR_OK);
            memset(&b, 0xee, sizeof b);
            rc = tsr_frost_bip_partial_sig_agg(ctx, sig, (const uint8_t (*)[32])psigs, (size_t)c->psigs.n, &s, &b);
            if (strcmp(c->kind, "valid") == 0) {
                CHECK_MSG(rc == TSR_OK, "sig_agg tc %d: rc %d", c->tc_id, rc);
                CHECK_MSG(eqhex(sig, 64, c->expected.v[0]), "sig_agg tc %d: signature", c->tc_id);
                /* A final signature is plain BIP340: libsecp256k1 accepts it under xbytes(Q). */
                xonly_of(ctx, xpk, &tc);
                CHECK(secp256k1_xonly_pubkey_parse(g_secp, &xk, xpk) == 1);
                CHECK_MSG(secp256k1_schnorrsig_verify(g_secp, sig, msg, msglen, &xk) == 1,
                          "sig_agg tc %d: schnorrsig_verify", c->tc_id);
                CHECK(tsr_frost_bip_verify(ctx, sig, msg, msglen, xpk) == TSR_OK);
            } else {
                expect_of(&e, c, sg.ids, NULL, NULL);
                check_expect(g->source, c, &e, rc, &b);
                CHECK(all_zero(sig, 64));
            }
            tally_end(&t);
        }
    }
    tally_print(&t);
}

/* ---- round trips -------------------------------------------------------------------------- */

/* A t-of-n key split with tsr_shamir_split: draft id i holds f(i + 1). */
typedef struct {
    size_t t, n;
    uint8_t thresh_pk[33];
    uint8_t secshares[16][32];
    uint8_t pubshares[16][33];
} keyset_t;

static void random_scalar(tsr_scalar *s) {
    uint8_t buf[64];
    do {
        tsr_test_randbytes(buf, sizeof buf);
        tsr_scalar_reduce_be(s, buf, sizeof buf);
    } while (tsr_scalar_is_zero_mask(s));
}

static void make_keys(const tsr_context *ctx, keyset_t *k, size_t t, size_t n) {
    static tsr_poly poly;
    tsr_scalar secret, ids[16], shares[16];
    uint8_t rnd[64 * 16];
    tsr_point p;
    size_t i;
    k->t = t;
    k->n = n;
    random_scalar(&secret);
    tsr_test_randbytes(rnd, 64 * (t - 1));
    CHECK(tsr_poly_init(&poly, &secret, t, rnd, 64 * (t - 1)) == TSR_OK);
    for (i = 0; i < n; i++) tsr_scalar_set_u32(&ids[i], (uint32_t)(i + 1));
    CHECK(tsr_shamir_split(shares, ids, n, &poly, NULL) == TSR_OK);
    CHECK(tsr_point_base_mul(ctx, &p, &secret) == TSR_OK);
    CHECK(tsr_point_encode(ctx, k->thresh_pk, &p) == TSR_OK);
    for (i = 0; i < n; i++) {
        tsr_scalar_encode(k->secshares[i], &shares[i]);
        CHECK(tsr_point_base_mul(ctx, &p, &shares[i]) == TSR_OK);
        CHECK(tsr_point_encode(ctx, k->pubshares[i], &p) == TSR_OK);
    }
    tsr_poly_clear(&poly);
}

/* Picks u distinct ids of 0..n-1 in random order. */
static void pick_signers(tsr_frost_bip_signers *sg, const keyset_t *k, size_t u) {
    uint32_t perm[16];
    size_t i;
    memset(sg, 0, sizeof *sg);
    for (i = 0; i < k->n; i++) perm[i] = (uint32_t)i;
    for (i = k->n - 1; i > 0; i--) {
        size_t j = (size_t)(tsr_test_rand64() % (i + 1));
        uint32_t x = perm[i];
        perm[i] = perm[j];
        perm[j] = x;
    }
    sg->n = (uint32_t)k->n;
    sg->t = (uint32_t)k->t;
    sg->u = u;
    for (i = 0; i < u; i++) {
        sg->ids[i] = perm[i];
        memcpy(sg->pubshares[i], k->pubshares[perm[i]], 33);
    }
    memcpy(sg->thresh_pk, k->thresh_pk, 33);
}

static int bip340_ok(const uint8_t sig[64], const uint8_t *msg, size_t msglen, const uint8_t xpk[32]) {
    secp256k1_xonly_pubkey xk;
    return secp256k1_xonly_pubkey_parse(g_secp, &xk, xpk) == 1 &&
           secp256k1_schnorrsig_verify(g_secp, sig, msg, msglen, &xk) == 1;
}

static void roundtrip(const tsr_context *ctx, size_t t, size_t n, size_t u, int ntweaks) {
    keyset_t k;
    tsr_frost_bip_signers sg;
    tsr_frost_bip_tweak_ctx tc;
    tsr_frost_bip_session s;
    tsr_frost_bip_secnonce sn[16];
    uint8_t pns[16][66], psigs[16][32], agg[66], sig[64], xpk[32], msg[40], rnd[32], tw[32];
    uint8_t other[66], dpn[66], dpsig[32];
    size_t i, msglen = (size_t)(tsr_test_rand64() % sizeof msg);
    tsr_blame b;
    int j;

    make_keys(ctx, &k, t, n);
    pick_signers(&sg, &k, u);
    tsr_test_randbytes(msg, sizeof msg);
    CHECK(tsr_frost_bip_signers_validate(ctx, &sg, &b) == TSR_OK);
    CHECK(tsr_frost_bip_tweak_ctx_init(ctx, &tc, k.thresh_pk, NULL) == TSR_OK);
    for (j = 0; j < ntweaks; j++) {
        tsr_test_randbytes(tw, sizeof tw);
        tw[0] &= 0x7f; /* below n */
        CHECK(tsr_frost_bip_apply_tweak(ctx, &tc, tw, 32, j % 2, NULL) == TSR_OK);
    }
    xonly_of(ctx, xpk, &tc);
    /* Round 1: every signer draws a nonce with every optional input. */
    for (i = 0; i < u; i++) {
        uint32_t id = sg.ids[i];
        tsr_test_randbytes(rnd, sizeof rnd);
        CHECK(tsr_frost_bip_nonce_gen(ctx, &sn[i], pns[i], rnd, k.secshares[id], k.pubshares[id], xpk, msg, msglen,
                                      (const uint8_t *)"session", 7) == TSR_OK);
    }
    CHECK(tsr_frost_bip_nonce_agg(ctx, agg, (const uint8_t (*)[66])pns, sg.ids, u, NULL) == TSR_OK);
    CHECK(tsr_frost_bip_session_init(ctx, &s, &sg, &tc, agg, msg, msglen, &b) == TSR_OK);
    /* Round 2 and aggregation. */
    for (i = 0; i < u; i++) {
        CHECK(tsr_frost_bip_sign(ctx, psigs[i], &sn[i], k.secshares[sg.ids[i]], sg.ids[i], &s, &b) == TSR_OK);
        CHECK(tsr_frost_bip_partial_sig_verify(ctx, psigs[i], (const uint8_t (*)[66])pns, &sg, &tc, msg, msglen, i,
                                               NULL) == TSR_OK);
    }
    CHECK(tsr_frost_bip_partial_sig_agg(ctx, sig, (const uint8_t (*)[32])psigs, u, &s, NULL) == TSR_OK);
    CHECK_MSG(bip340_ok(sig, msg, msglen, xpk), "%zu-of-%zu (u=%zu, %d tweaks): schnorrsig_verify", t, n, u,
              ntweaks);
    CHECK(tsr_frost_bip_verify(ctx, sig, msg, msglen, xpk) == TSR_OK);
    msg[0] ^= 1;
    CHECK(msglen == 0 || tsr_frost_bip_verify(ctx, sig, msg, msglen, xpk) == TSR_ERR_VERIFY);
    msg[0] ^= 1;

    /* Nonce reuse: every secnonce is consumed. */
    CHECK(tsr_frost_bip_sign(ctx, psigs[0], &sn[0], k.secshares[sg.ids[0]], sg.ids[0], &s, &b) == TSR_ERR_STATE);
    CHECK(b.check == TSR_CHECK_NONE && b.culprit == TSR_CULPRIT_NONE);

    /* A bad partial signature: partial verification names its signer, the signature fails. */
    {
        size_t bad = (size_t)(tsr_test_rand64() % u);
        uint8_t saved[32];
        memcpy(saved, psigs[bad], 32);
        psigs[bad][31] ^= 1;
        CHECK(tsr_frost_bip_partial_sig_verify(ctx, psigs[bad], (const uint8_t (*)[66])pns, &sg, &tc, msg, msglen,
                                               bad, &b) == TSR_ERR_VERIFY);
        CHECK(b.culprit == sg.ids[bad] + 1u && b.check == TSR_CHECK_SIGNATURE_SHARE);
        CHECK(tsr_frost_bip_partial_sig_agg(ctx, sig, (const uint8_t (*)[32])psigs, u, &s, NULL) == TSR_OK);
        CHECK(!bip340_ok(sig, msg, msglen, xpk));
        memcpy(psigs[bad], saved, 32);
        /* A psig >= n is refused by aggregation and blamed. */
        memset(psigs[bad], 0xff, 32);
        CHECK(tsr_frost_bip_partial_sig_agg(ctx, sig, (const uint8_t (*)[32])psigs, u, &s, &b) == TSR_ERR_RANGE);
        CHECK(b.culprit == sg.ids[bad] + 1u && b.check == TSR_CHECK_SCALAR_RANGE && all_zero(sig, 64));
        memcpy(psigs[bad], saved, 32);
    }

    /* Deterministic signing by the last signer: the others use NonceGen, the coordinator sends
     * their aggregate. */
    if (u >= 2) {
        for (i = 0; i + 1 < u; i++) {
            uint32_t id = sg.ids[i];
            tsr_test_randbytes(rnd, sizeof rnd);
            CHECK(tsr_frost_bip_nonce_gen(ctx, &sn[i], pns[i], rnd, k.secshares[id], NULL, NULL, NULL, 0, NULL, 0) ==
                  TSR_OK);
        }
        CHECK(tsr_frost_bip_nonce_agg(ctx, other, (const uint8_t (*)[66])pns, sg.ids, u - 1, NULL) == TSR_OK);
        tsr_test_randbytes(rnd, sizeof rnd);
        CHECK(tsr_frost_bip_deterministic_sign(ctx, dpn, dpsig, k.secshares[sg.ids[u - 1]], sg.ids[u - 1], other, &sg,
                                               &tc, msg, msglen, rnd, &b) == TSR_OK);
        memcpy(pns[u - 1], dpn, 66);
        memcpy(psigs[u - 1], dpsig, 32);
        CHECK(tsr_frost_bip_nonce_agg(ctx, agg, (const uint8_t (*)[66])pns, sg.ids, u, NULL) == TSR_OK);
        CHECK(tsr_frost_bip_session_init(ctx, &s, &sg, &tc, agg, msg, msglen, NULL) == TSR_OK);
        for (i = 0; i + 1 < u; i++) {
            CHECK(tsr_frost_bip_sign(ctx, psigs[i], &sn[i], k.secshares[sg.ids[i]], sg.ids[i], &s, NULL) == TSR_OK);
        }
        for (i = 0; i < u; i++) {
            CHECK(tsr_frost_bip_partial_sig_verify(ctx, psigs[i], (const uint8_t (*)[66])pns, &sg, &tc, msg, msglen,
                                                   i, NULL) == TSR_OK);
        }
        CHECK(tsr_frost_bip_partial_sig_agg(ctx, sig, (const uint8_t (*)[32])psigs, u, &s, NULL) == TSR_OK);
        CHECK_MSG(bip340_ok(sig, msg, msglen, xpk), "%zu-of-%zu det_sign: schnorrsig_verify", t, n);
        /* Deterministic: the same inputs give the same output. */
        {
            uint8_t pn2[66], ps2[32];
            CHECK(tsr_frost_bip_deterministic_sign(ctx, pn2, ps2, k.secshares[sg.ids[u - 1]], sg.ids[u - 1], other,
                                                   &sg, &tc, msg, msglen, rnd, NULL) == TSR_OK);
            CHECK(memcmp(pn2, dpn, 66) == 0 && memcmp(ps2, dpsig, 32) == 0);
        }
    }
}

/* ---- negative tests ----------------------------------------------------------------------- */

static void test_negative(const tsr_context *ctx) {
    keyset_t k;
    tsr_frost_bip_signers sg, bad;
    tsr_frost_bip_tweak_ctx tc, tc2;
    tsr_frost_bip_session s;
    tsr_frost_bip_secnonce sn;
    uint8_t zero[64] = {0}, rnd[32], pn[66], pns[2][66], agg[66], psig[32], psigs[3][32], sig[64], tw[33];
    uint8_t msg[32] = {1};
    tsr_blame b;
    keyset_t k2;

    make_keys(ctx, &k, 2, 3);
    pick_signers(&sg, &k, 2);

    /* NonceGen refuses all-zero randomness and leaves nothing usable behind. */
    CHECK(tsr_frost_bip_nonce_gen(ctx, &sn, pn, zero, NULL, NULL, NULL, NULL, 0, NULL, 0) == TSR_ERR_ARG);
    CHECK(sn.magic == 0 && all_zero(pn, 66));

    /* Sign: an all-zero secnonce is a consumed one; a cleared one is refused; an uninitialised
     * session is refused and still consumes the nonce. */
    tsr_test_randbytes(rnd, 32);
    CHECK(tsr_frost_bip_nonce_gen(ctx, &sn, pns[0], rnd, NULL, NULL, NULL, NULL, 0, NULL, 0) == TSR_OK);
    tsr_test_randbytes(rnd, 32);
    {
        tsr_frost_bip_secnonce sn1;
        CHECK(tsr_frost_bip_nonce_gen(ctx, &sn1, pns[1], rnd, NULL, NULL, NULL, NULL, 0, NULL, 0) == TSR_OK);
        tsr_frost_bip_secnonce_clear(&sn1);
    }
    CHECK(tsr_frost_bip_nonce_agg(ctx, agg, (const uint8_t (*)[66])pns, sg.ids, 2, NULL) == TSR_OK);
    CHECK(tsr_frost_bip_session_init(ctx, &s, &sg, NULL, agg, msg, sizeof msg, NULL) == TSR_OK);
    {
        tsr_frost_bip_session s0;
        memset(&s0, 0, sizeof s0);
        CHECK(tsr_frost_bip_sign(ctx, psig, &sn, k.secshares[sg.ids[0]], sg.ids[0], &s0, &b) == TSR_ERR_ARG);
        CHECK(sn.magic == 0 && all_zero(sn.k, 64));
        CHECK(tsr_frost_bip_sign(ctx, psig, &sn, k.secshares[sg.ids[0]], sg.ids[0], &s, &b) == TSR_ERR_STATE);
    }
    tsr_frost_bip_secnonce_import(&sn, zero);
    CHECK(tsr_frost_bip_sign(ctx, psig, &sn, k.secshares[sg.ids[0]], sg.ids[0], &s, &b) == TSR_ERR_STATE);
    CHECK(b.check == TSR_CHECK_SCALAR_ZERO);
    {
        uint8_t hi[64];
        memset(hi, 0xff, sizeof hi); /* k1' >= n */
        tsr_frost_bip_secnonce_import(&sn, hi);
        CHECK(tsr_frost_bip_sign(ctx, psig, &sn, k.secshares[sg.ids[0]], sg.ids[0], &s, &b) == TSR_ERR_RANGE);
        CHECK(b.check == TSR_CHECK_SCALAR_RANGE);
        memset(hi, 0, 32);
        hi[31] = 1;
        memset(hi + 32, 0xff, 32); /* k2' >= n */
        tsr_frost_bip_secnonce_import(&sn, hi);
        CHECK(tsr_frost_bip_sign(ctx, psig, &sn, k.secshares[sg.ids[0]], sg.ids[0], &s, &b) == TSR_ERR_RANGE);
        CHECK(b.check == TSR_CHECK_SCALAR_RANGE);
        /* secshare >= n */
        {
            uint8_t ff[32];
            memset(ff, 0xff, sizeof ff);
            memset(hi, 0, 64);
            hi[31] = 1;
            hi[63] = 2;
            tsr_frost_bip_secnonce_import(&sn, hi);
            CHECK(tsr_frost_bip_sign(ctx, psig, &sn, ff, sg.ids[0], &s, &b) == TSR_ERR_ARG);
        }
        CHECK(b.check == TSR_CHECK_SCALAR_RANGE && all_zero(psig, 32));
    }

    /* Signers context checks not in the vectors. */
    bad = sg;
    bad.t = 0;
    CHECK(tsr_frost_bip_signers_validate(ctx, &bad, &b) == TSR_ERR_ARG && b.check == TSR_CHECK_THRESHOLD);
    bad = sg;
    bad.t = 4;
    CHECK(tsr_frost_bip_signers_validate(ctx, &bad, &b) == TSR_ERR_ARG && b.check == TSR_CHECK_THRESHOLD);
    bad = sg;
    bad.n = 0xffffffffu;
    CHECK(tsr_frost_bip_signers_validate(ctx, &bad, &b) == TSR_ERR_ARG && b.check == TSR_CHECK_COUNT);
    bad = sg;
    bad.n = 1000;
    bad.u = TSR_MAX_PARTIES + 1;
    CHECK(tsr_frost_bip_signers_validate(ctx, &bad, &b) == TSR_ERR_ARG && b.check == TSR_CHECK_COUNT);
    bad = sg;
    memset(bad.pubshares[1], 0, 33);
    CHECK(tsr_frost_bip_signers_validate(ctx, &bad, &b) == TSR_ERR_RANGE && b.check == TSR_CHECK_POINT_IDENTITY);
    bad = sg;
    bad.thresh_pk[0] ^= 1;
    CHECK(tsr_frost_bip_signers_validate(ctx, &bad, &b) == TSR_ERR_VERIFY && b.check == TSR_CHECK_FELDMAN);
    CHECK(b.culprit == TSR_CULPRIT_NONE && b.phase == TSR_PHASE_SIGN);

    /* Tweak contexts: uninitialised, wrong length, >= n, belonging to another key. */
    memset(&tc, 0, sizeof tc);
    memset(tw, 1, sizeof tw);
    CHECK(tsr_frost_bip_apply_tweak(ctx, &tc, tw, 32, 0, &b) == TSR_ERR_ARG);
    CHECK(tsr_frost_bip_get_xonly_pk(ctx, rnd, &tc) == TSR_ERR_ARG);
    CHECK(tsr_frost_bip_session_init(ctx, &s, &sg, &tc, agg, msg, sizeof msg, &b) == TSR_ERR_ARG);
    CHECK(s.magic == 0);
    CHECK(tsr_frost_bip_tweak_ctx_init(ctx, &tc, k.thresh_pk, NULL) == TSR_OK);
    tc2 = tc;
    CHECK(tsr_frost_bip_apply_tweak(ctx, &tc, tw, 31, 0, &b) == TSR_ERR_ENCODING && b.check == TSR_CHECK_LENGTH);
    memset(tw, 0xff, sizeof tw);
    CHECK(tsr_frost_bip_apply_tweak(ctx, &tc, tw, 32, 1, &b) == TSR_ERR_RANGE && b.check == TSR_CHECK_TWEAK);
    CHECK(memcmp(&tc, &tc2, sizeof tc) == 0); /* unchanged on failure */
    make_keys(ctx, &k2, 2, 3);
    CHECK(tsr_frost_bip_tweak_ctx_init(ctx, &tc2, k2.thresh_pk, NULL) == TSR_OK);
    CHECK(tsr_frost_bip_session_init(ctx, &s, &sg, &tc2, agg, msg, sizeof msg, &b) == TSR_ERR_ARG);
    CHECK(b.check == TSR_CHECK_TWEAK);
    {
        uint8_t pk33[33];
        CHECK(tsr_frost_bip_get_plain_pk(ctx, pk33, &tc) == TSR_OK && memcmp(pk33, k.thresh_pk, 33) == 0);
        pk33[0] = 5;
        CHECK(tsr_frost_bip_tweak_ctx_init(ctx, &tc2, pk33, &b) == TSR_ERR_ENCODING);
        CHECK(b.check == TSR_CHECK_POINT_PREFIX && tc2.magic == 0);
    }

    /* NonceAgg: empty list, ids that cannot be culprits, the culprit is named by id. */
    CHECK(tsr_frost_bip_nonce_agg(ctx, agg, (const uint8_t (*)[66])pns, sg.ids, 0, &b) == TSR_ERR_ARG);
    CHECK(b.check == TSR_CHECK_COUNT);
    {
        uint32_t ids2[2] = {7, 0xfffffffeu};
        CHECK(tsr_frost_bip_nonce_agg(ctx, agg, (const uint8_t (*)[66])pns, ids2, 2, &b) == TSR_ERR_ARG);
        CHECK(b.check == TSR_CHECK_SENDER);
        ids2[1] = 41;
        pns[1][40] ^= 0xff; /* second half of the second pubnonce: most likely off the curve */
        pns[1][33] = 0x04;
        CHECK(tsr_frost_bip_nonce_agg(ctx, agg, (const uint8_t (*)[66])pns, ids2, 2, &b) == TSR_ERR_ENCODING);
        CHECK(b.culprit == 42 && b.check == TSR_CHECK_POINT_PREFIX && b.phase == TSR_PHASE_SIGN && b.round == 1);
    }

    /* PartialSigVerify: index out of range. PartialSigAgg: count mismatch, uninitialised session. */
    memset(psigs, 1, sizeof psigs);
    CHECK(tsr_frost_bip_partial_sig_verify(ctx, psigs[0], (const uint8_t (*)[66])pns, &sg, NULL, msg, sizeof msg, 2,
                                           &b) == TSR_ERR_ARG);
    CHECK(b.check == TSR_CHECK_SENDER);
    {
        uint8_t agg2[66];
        tsr_test_randbytes(rnd, 32);
        CHECK(tsr_frost_bip_nonce_gen(ctx, &sn, pns[1], rnd, NULL, NULL, NULL, NULL, 0, NULL, 0) == TSR_OK);
        tsr_frost_bip_secnonce_clear(&sn);
        CHECK(tsr_frost_bip_nonce_agg(ctx, agg2, (const uint8_t (*)[66])pns, sg.ids, 2, NULL) == TSR_OK);
        CHECK(tsr_frost_bip_session_init(ctx, &s, &sg, NULL, agg2, msg, sizeof msg, NULL) == TSR_OK);
        CHECK(tsr_frost_bip_partial_sig_agg(ctx, sig, (const uint8_t (*)[32])psigs, 3, &s, &b) == TSR_ERR_ARG);
        CHECK(b.check == TSR_CHECK_COUNT && all_zero(sig, 64));
        /* The internal check refuses a pubshare or an id outside the session. */
        CHECK(tsr_frost_bip_partial_sig_verify_internal(ctx, psigs[0], sg.ids[0], pns[0], k2.pubshares[0], &s, &b) ==
              TSR_ERR_ARG);
        CHECK(b.check == TSR_CHECK_OWN_COMMITMENT);
        CHECK(tsr_frost_bip_partial_sig_verify_internal(ctx, psigs[0], 99, pns[0], sg.pubshares[0], &s, &b) ==
              TSR_ERR_ARG);
        CHECK(b.check == TSR_CHECK_ID_UNKNOWN);
        s.magic = 0;
        CHECK(tsr_frost_bip_partial_sig_agg(ctx, sig, (const uint8_t (*)[32])psigs, 2, &s, &b) == TSR_ERR_ARG);
    }

    /* DeterministicSign: no aggothernonce with more than one signer. */
    CHECK(tsr_frost_bip_deterministic_sign(ctx, pn, psig, k.secshares[sg.ids[0]], sg.ids[0], NULL, &sg, NULL, msg,
                                           sizeof msg, NULL, &b) == TSR_ERR_ARG);
    CHECK(b.check == TSR_CHECK_MISSING && all_zero(pn, 66) && all_zero(psig, 32));

    /* Verify: not an x coordinate. */
    memset(rnd, 0xff, 32);
    CHECK(tsr_frost_bip_verify(ctx, sig, msg, sizeof msg, rnd) == TSR_ERR_ENCODING);
}

int main(int argc, char **argv) {
    tsr_context *ctx;
    int i;
    tsr_test_init("frost_bip", argc, argv);
    ctx = tsr_context_create(NULL);
    g_secp = secp256k1_context_create(SECP256K1_CONTEXT_VERIFY);
    if (ctx == NULL || g_secp == NULL) {
        fprintf(stderr, "context creation failed\n");
        return 1;
    }
    test_nonce_gen_vectors(ctx);
    test_nonce_agg_vectors(ctx);
    test_sign_like_vectors(ctx, fbv_sign_verify_groups, FBV_SIGN_VERIFY_NGROUPS, 0);
    test_sign_like_vectors(ctx, fbv_tweak_groups, FBV_TWEAK_NGROUPS, 1);
    test_det_sign_vectors(ctx);
    test_sig_agg_vectors(ctx);
    for (i = 0; i < 3; i++) {
        roundtrip(ctx, 2, 3, 2, 0);
        roundtrip(ctx, 2, 3, 3, 2);
        roundtrip(ctx, 3, 5, 3, 0);
        roundtrip(ctx, 3, 5, 5, 3);
        roundtrip(ctx, 1, 3, 1, 1);
    }
    test_negative(ctx);
    secp256k1_context_destroy(g_secp);
    tsr_context_destroy(ctx);
    return tsr_test_done();
}
