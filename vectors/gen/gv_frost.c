/* Generates vectors/frost: RFC 9591-shaped FROST signing vectors (2-of-3, 3-of-5, 67-of-100, both
 * suites) with every intermediate value, a Taproot-tweak file and the invalid cases. */
#include <stdlib.h>
#include <string.h>

#include "gv.h"

#define GV_FROST_MAX_N 100

typedef struct {
    char prefix[GV_LABEL];
    uint8_t suite;
    size_t t, n, k;
    uint32_t signers[GV_FROST_MAX_N];
    tsr_scalar secret;
    tsr_poly f;
    uint8_t rand[64 * GV_FROST_MAX_N];
    tsr_frost_keypkg pkg[GV_FROST_MAX_N];
    tsr_point group_key;
    tsr_vss_commitment commitment;
    uint8_t msg[32];
    uint8_t nrand[GV_FROST_MAX_N][64];
    tsr_scalar hiding[GV_FROST_MAX_N], binding[GV_FROST_MAX_N];
    tsr_frost_nonce nonce[GV_FROST_MAX_N];
    tsr_frost_commitment list[GV_FROST_MAX_N];
    tsr_scalar rho[GV_FROST_MAX_N], lambda[GV_FROST_MAX_N];
    uint8_t bf_input[GV_FROST_MAX_N][TSR_FROST_BF_INPUT_BYTES];
    tsr_point r;
    tsr_scalar c;
    tsr_frost_sigshare share[GV_FROST_MAX_N];
    tsr_point vshares[GV_FROST_MAX_N];
    uint8_t sig[TSR_FROST_SIG_MAX_BYTES];
    size_t siglen;
} gv_frost_run;

static gv_frost_run gv_fr;

static const char *gv_suite_name(uint8_t suite) {
    return suite == TSR_SUITE_SECP256K1_TR ? "secp256k1-tr" : "secp256k1";
}

/* The signer ids of a configuration: 2-of-3 {1, 3}; 3-of-5 {2, 4, 5}; 67-of-100 every id not a
 * multiple of 3. */
static void gv_frost_signers(gv_frost_run *r) {
    r->k = 0;
    if (r->n == 3) {
        r->signers[r->k++] = 1;
        r->signers[r->k++] = 3;
    } else if (r->n == 5) {
        r->signers[r->k++] = 2;
        r->signers[r->k++] = 4;
        r->signers[r->k++] = 5;
    } else {
        for (uint32_t i = 1; i <= r->n; i++) {
            if (i % 3 != 0) {
                r->signers[r->k++] = i;
            }
        }
    }
    GV_REQUIRE(r->k == r->t);
}

/* Runs one honest ceremony: dealer keygen, round one, round two, aggregate, verify. */
static void gv_frost_ceremony(gv_frost_run *r, uint8_t suite, size_t t, size_t n) {
    char label[GV_LABEL];
    memset(r, 0, sizeof *r);
    r->suite = suite;
    r->t = t;
    r->n = n;
    GV_REQUIRE(n <= GV_FROST_MAX_N && t >= 2 && t <= n);
    {
        int k = snprintf(r->prefix, sizeof r->prefix, "frost/%s/%luof%lu", gv_suite_name(suite),
                         (unsigned long)t, (unsigned long)n);
        GV_REQUIRE(k > 0 && (size_t)k < sizeof r->prefix);
    }
    gv_label(label, r->prefix, "secret");
    gv_scalar_from_label(&r->secret, label);
    gv_label(label, r->prefix, "rand");
    gv_bytes_from_label(r->rand, 64 * (t - 1), label);
    gv_label(label, r->prefix, "message");
    gv_bytes_from_label(r->msg, sizeof r->msg, label);
    GV_REQUIRE(tsr_poly_init(&r->f, &r->secret, t, r->rand, 64 * (t - 1)) == TSR_OK);
    GV_REQUIRE(tsr_frost_keygen_dealer(gv_ctx, r->pkg, &r->group_key, &r->commitment, suite, t, n, &r->secret,
                                       r->rand, 64 * (t - 1)) == TSR_OK);
    for (size_t i = 0; i < n; i++) {
        tsr_scalar x, y;
        tsr_scalar_set_u32(&x, (uint32_t)(i + 1));
        tsr_poly_eval(&y, &r->f, &x);
        GV_REQUIRE(r->pkg[i].id == i + 1);
        GV_REQUIRE(tsr_scalar_eq_mask(&y, &r->pkg[i].share) == 0xffffffffu);
    }
    gv_frost_signers(r);
    for (size_t j = 0; j < r->k; j++) {
        const tsr_frost_keypkg *p = &r->pkg[r->signers[j] - 1];
        gv_label_i(label, r->prefix, "hiding-randomness", r->signers[j]);
        gv_bytes_from_label(r->nrand[j], 32, label);
        gv_label_i(label, r->prefix, "binding-randomness", r->signers[j]);
        gv_bytes_from_label(r->nrand[j] + 32, 32, label);
        GV_REQUIRE(tsr_frost_nonce_generate(&r->hiding[j], suite, r->nrand[j], &p->share) == TSR_OK);
        GV_REQUIRE(tsr_frost_nonce_generate(&r->binding[j], suite, r->nrand[j] + 32, &p->share) == TSR_OK);
        GV_REQUIRE(tsr_frost_commit(gv_ctx, &r->nonce[j], &r->list[j], p, r->nrand[j]) == TSR_OK);
        GV_REQUIRE(tsr_scalar_eq_mask(&r->hiding[j], &r->nonce[j].hiding) == 0xffffffffu);
        GV_REQUIRE(tsr_scalar_eq_mask(&r->binding[j], &r->nonce[j].binding) == 0xffffffffu);
        r->vshares[j] = p->verifying_share;
    }
    GV_REQUIRE(tsr_frost_check_commitment_list(r->list, r->k, t, NULL) == TSR_OK);
    GV_REQUIRE(tsr_frost_compute_binding_factors(gv_ctx, r->rho, r->bf_input, suite, &r->group_key, r->list, r->k,
                                                 r->msg, sizeof r->msg) == TSR_OK);
    GV_REQUIRE(tsr_frost_compute_group_commitment(gv_ctx, &r->r, r->list, r->rho, r->k) == TSR_OK);
    GV_REQUIRE(tsr_frost_compute_challenge(gv_ctx, &r->c, suite, &r->r, &r->group_key, r->msg, sizeof r->msg) ==
               TSR_OK);
    for (size_t j = 0; j < r->k; j++) {
        tsr_blame b;
        GV_REQUIRE(tsr_frost_derive_interpolating_value(&r->lambda[j], r->list, r->k, r->signers[j]) == TSR_OK);
        GV_REQUIRE(tsr_frost_sign(gv_ctx, &r->share[j], &r->nonce[j], &r->pkg[r->signers[j] - 1], r->list, r->k,
                                  r->msg, sizeof r->msg, &b) == TSR_OK);
        GV_REQUIRE(tsr_frost_verify_signature_share(gv_ctx, suite, &r->share[j], &r->vshares[j], r->list, r->k,
                                                    &r->group_key, r->msg, sizeof r->msg, &b) == TSR_OK);
    }
    {
        tsr_blame culprits[4];
        size_t nc = 99;
        GV_REQUIRE(tsr_frost_aggregate(gv_ctx, r->sig, &r->siglen, culprits, 4, &nc, suite, r->list, r->share,
                                       r->vshares, r->k, &r->group_key, r->msg, sizeof r->msg) == TSR_OK);
        GV_REQUIRE(nc == 0 && r->siglen == tsr_frost_sig_len(suite));
    }
    GV_REQUIRE(tsr_frost_verify(gv_ctx, suite, r->sig, r->siglen, &r->group_key, r->msg, sizeof r->msg) == TSR_OK);
}

static void gv_decimal(gv_json *w, const char *key, size_t v) {
    char buf[24];
    int k = snprintf(buf, sizeof buf, "%lu", (unsigned long)v);
    GV_REQUIRE(k > 0 && (size_t)k < sizeof buf);
    gv_str(w, key, buf);
}

/* One RFC 9591-shaped file (the schema of RFC 9591 Appendix E and ZF's vectors.json; the TR suite
 * names the group key verifying_key_key as ZF does). Extra keys carry Tessera's intermediates. */
static void gv_frost_file(const char *dir, uint8_t suite, size_t t, size_t n) {
    gv_frost_run *r = &gv_fr;
    gv_json w;
    char name[64];
    char label[GV_LABEL];
    int k = snprintf(name, sizeof name, "%s-%luof%lu.json", suite == TSR_SUITE_SECP256K1_TR ? "tr" : "secp256k1",
                     (unsigned long)t, (unsigned long)n);
    GV_REQUIRE(k > 0 && (size_t)k < sizeof name);
    gv_frost_ceremony(r, suite, t, n);
    gv_file_open(&w, dir, name);
    gv_obj(&w, NULL);
    gv_obj(&w, "config");
    gv_decimal(&w, "MAX_PARTICIPANTS", n);
    gv_decimal(&w, "NUM_PARTICIPANTS", r->k);
    gv_decimal(&w, "MIN_PARTICIPANTS", t);
    gv_str(&w, "name", suite == TSR_SUITE_SECP256K1_TR ? "FROST(secp256k1, SHA-256), BIP340/Taproot (FROST-secp256k1-SHA256-TR-v1)"
                                                       : "FROST(secp256k1, SHA-256)");
    gv_str(&w, "group", "secp256k1");
    gv_str(&w, "hash", "SHA-256");
    gv_str(&w, "tessera_suite", gv_suite_name(suite));
    gv_end_obj(&w);
    gv_generator(&w, "vectors/gen/gv_frost.c");
    gv_obj(&w, "labels");
    gv_label(label, r->prefix, "secret");
    gv_str(&w, "group_secret_key", label);
    gv_label(label, r->prefix, "rand");
    gv_str(&w, "coefficient_rand", label);
    gv_str(&w, "coefficients", "coefficient i (1..t-1) = bytes(coefficient_rand, 64(t-1))[64(i-1) .. 64i-1] "
                               "as a big-endian integer mod n (tsr_poly_init)");
    gv_label(label, r->prefix, "message");
    gv_str(&w, "message", label);
    gv_label(label, r->prefix, "hiding-randomness");
    gv_str(&w, "hiding_nonce_randomness", label);
    gv_label(label, r->prefix, "binding-randomness");
    gv_str(&w, "binding_nonce_randomness", label);
    gv_str(&w, "per_signer", "the nonce randomness labels are followed by /<identifier>, 32 bytes each");
    gv_end_obj(&w);
    gv_obj(&w, "inputs");
    gv_arr(&w, "participant_list");
    for (size_t j = 0; j < r->k; j++) {
        gv_size(&w, NULL, r->signers[j]);
    }
    gv_end_arr(&w);
    gv_scalar(&w, "group_secret_key", &r->secret);
    gv_point(&w, suite == TSR_SUITE_SECP256K1_TR ? "verifying_key_key" : "group_public_key", &r->group_key);
    gv_hex(&w, "message", r->msg, sizeof r->msg);
    gv_arr(&w, "share_polynomial_coefficients");
    for (size_t i = 1; i < t; i++) {
        gv_scalar(&w, NULL, &r->f.a[i]);
    }
    gv_end_arr(&w);
    gv_arr(&w, "vss_commitment");
    for (size_t i = 0; i < t; i++) {
        gv_point(&w, NULL, &r->commitment.c[i]);
    }
    gv_end_arr(&w);
    gv_arr(&w, "participant_shares");
    for (size_t i = 0; i < n; i++) {
        gv_obj(&w, NULL);
        gv_size(&w, "identifier", r->pkg[i].id);
        gv_scalar(&w, "participant_share", &r->pkg[i].share);
        gv_point(&w, "verifying_share", &r->pkg[i].verifying_share);
        gv_end_obj(&w);
    }
    gv_end_arr(&w);
    gv_end_obj(&w);
    gv_obj(&w, "round_one_outputs");
    gv_arr(&w, "outputs");
    for (size_t j = 0; j < r->k; j++) {
        gv_obj(&w, NULL);
        gv_size(&w, "identifier", r->signers[j]);
        gv_hex(&w, "hiding_nonce_randomness", r->nrand[j], 32);
        gv_hex(&w, "binding_nonce_randomness", r->nrand[j] + 32, 32);
        gv_scalar(&w, "hiding_nonce", &r->hiding[j]);
        gv_scalar(&w, "binding_nonce", &r->binding[j]);
        gv_point(&w, "hiding_nonce_commitment", &r->list[j].hiding);
        gv_point(&w, "binding_nonce_commitment", &r->list[j].binding);
        gv_hex(&w, "binding_factor_input", r->bf_input[j], TSR_FROST_BF_INPUT_BYTES);
        gv_scalar(&w, "binding_factor", &r->rho[j]);
        gv_end_obj(&w);
    }
    gv_end_arr(&w);
    gv_end_obj(&w);
    gv_obj(&w, "round_two_outputs");
    gv_arr(&w, "outputs");
    for (size_t j = 0; j < r->k; j++) {
        gv_obj(&w, NULL);
        gv_size(&w, "identifier", r->signers[j]);
        gv_scalar(&w, "interpolating_value", &r->lambda[j]);
        gv_scalar(&w, "sig_share", &r->share[j].z);
        gv_end_obj(&w);
    }
    gv_end_arr(&w);
    gv_end_obj(&w);
    gv_obj(&w, "final_output");
    gv_point(&w, "group_commitment", &r->r);
    gv_scalar(&w, "challenge", &r->c);
    gv_hex(&w, "sig", r->sig, r->siglen);
    gv_end_obj(&w);
    gv_end_obj(&w);
    w.cases = 1;
    gv_file_close(&w, dir, name);
}

/* ---- invalid cases and the tweak -------------------------------------------------------------- */

static void gv_commitment_list_json(gv_json *w, const char *key, const tsr_frost_commitment *list, size_t k) {
    gv_arr(w, key);
    for (size_t j = 0; j < k; j++) {
        gv_obj(w, NULL);
        gv_size(w, "identifier", list[j].id);
        gv_point(w, "hiding_nonce_commitment", &list[j].hiding);
        gv_point(w, "binding_nonce_commitment", &list[j].binding);
        gv_end_obj(w);
    }
    gv_end_arr(w);
}

static void gv_culprits_json(gv_json *w, const tsr_blame *b, size_t nb) {
    gv_arr(w, "culprits");
    for (size_t j = 0; j < nb; j++) {
        gv_obj(w, NULL);
        gv_size(w, "identifier", b[j].culprit);
        gv_int(w, "check", (long)b[j].check);
        gv_end_obj(w);
    }
    gv_end_arr(w);
}

/* An aggregate case: the shares of the listed signers get +1 added to z (mod n). */
static void gv_frost_bad_shares(gv_json *w, const char *name, const uint32_t *bad, size_t nbad) {
    gv_frost_run *r = &gv_fr;
    tsr_frost_sigshare shares[GV_FROST_MAX_N];
    tsr_blame culprits[GV_FROST_MAX_N];
    uint8_t sig[TSR_FROST_SIG_MAX_BYTES];
    size_t siglen = 0, nc = 0;
    tsr_scalar one;
    int err;
    tsr_scalar_set_u32(&one, 1);
    memcpy(shares, r->share, sizeof shares);
    gv_case(w, name, 0);
    gv_str(w, "operation", "aggregate");
    gv_str(w, "suite", gv_suite_name(r->suite));
    gv_str(w, "base", r->prefix);
    gv_str(w, "mutation", "z + 1 (mod n) in the sig_share of every identifier in bad_signers");
    gv_arr(w, "bad_signers");
    for (size_t b = 0; b < nbad; b++) {
        gv_size(w, NULL, bad[b]);
        for (size_t j = 0; j < r->k; j++) {
            if (shares[j].id == bad[b]) {
                tsr_scalar_add(&shares[j].z, &shares[j].z, &one);
            }
        }
    }
    gv_end_arr(w);
    err = tsr_frost_aggregate(gv_ctx, sig, &siglen, culprits, GV_FROST_MAX_N, &nc, r->suite, r->list, shares,
                              r->vshares, r->k, &r->group_key, r->msg, sizeof r->msg);
    GV_REQUIRE(err == TSR_ERR_VERIFY && nc == nbad);
    for (size_t b = 0; b < nbad; b++) {
        GV_REQUIRE(culprits[b].culprit == bad[b] && culprits[b].check == TSR_CHECK_SIGNATURE_SHARE);
    }
    gv_expect(w, err, TSR_CHECK_SIGNATURE_SHARE, "the aggregate signature fails; each bad share is named");
    gv_culprits_json(w, culprits, nc);
    gv_end_obj(w);
}

typedef enum { GV_LIST_UNSORTED, GV_LIST_DUPLICATE, GV_LIST_IDENTITY, GV_LIST_OWN_MISSING, GV_LIST_OWN_ALTERED,
               GV_LIST_ID_ZERO } gv_list_mutation;

/* A sign case: signer list[0] signs with a manipulated commitment list (coordinator at fault). */
static void gv_frost_bad_list(gv_json *w, const char *name, gv_list_mutation m, int err_want, tsr_check check,
                              const char *reason) {
    gv_frost_run *r = &gv_fr;
    tsr_frost_commitment list[GV_FROST_MAX_N];
    tsr_frost_nonce nonce;
    tsr_frost_commitment mine;
    tsr_frost_sigshare share;
    tsr_blame b;
    size_t k = r->k;
    const tsr_frost_keypkg *p = &r->pkg[r->signers[0] - 1];
    int err;
    GV_REQUIRE(tsr_frost_commit(gv_ctx, &nonce, &mine, p, r->nrand[0]) == TSR_OK);
    memcpy(list, r->list, sizeof list);
    switch (m) {
    case GV_LIST_UNSORTED: { tsr_frost_commitment tmp = list[0]; list[0] = list[1]; list[1] = tmp; break; }
    case GV_LIST_DUPLICATE: list[1] = list[0]; break;
    case GV_LIST_IDENTITY: tsr_point_set_identity(&list[1].binding); break;
    case GV_LIST_OWN_MISSING: memmove(list, list + 1, (k - 1) * sizeof list[0]); k--; break;
    case GV_LIST_OWN_ALTERED: list[0].hiding = list[1].hiding; break;
    case GV_LIST_ID_ZERO: list[0].id = 0; break;
    }
    gv_case(w, name, 0);
    gv_str(w, "operation", "sign");
    gv_str(w, "suite", gv_suite_name(r->suite));
    gv_str(w, "base", r->prefix);
    gv_size(w, "signer", p->id);
    gv_commitment_list_json(w, "commitment_list", list, k);
    err = tsr_frost_sign(gv_ctx, &share, &nonce, p, list, k, r->msg, sizeof r->msg, &b);
    GV_REQUIRE(err == err_want && b.check == check && b.culprit == TSR_CULPRIT_COORDINATOR);
    GV_REQUIRE(nonce.magic == 0);
    gv_expect(w, err, check, reason);
    gv_str(w, "culprit", "coordinator");
    gv_end_obj(w);
}

static void gv_frost_reuse(gv_json *w, const char *name) {
    gv_frost_run *r = &gv_fr;
    tsr_frost_nonce nonce;
    tsr_frost_commitment mine;
    tsr_frost_sigshare share;
    tsr_blame b;
    const tsr_frost_keypkg *p = &r->pkg[r->signers[0] - 1];
    GV_REQUIRE(tsr_frost_commit(gv_ctx, &nonce, &mine, p, r->nrand[0]) == TSR_OK);
    GV_REQUIRE(tsr_frost_sign(gv_ctx, &share, &nonce, p, r->list, r->k, r->msg, sizeof r->msg, &b) == TSR_OK);
    GV_REQUIRE(tsr_scalar_eq_mask(&share.z, &r->share[0].z) == 0xffffffffu);
    gv_case(w, name, 0);
    gv_str(w, "operation", "sign");
    gv_str(w, "suite", gv_suite_name(r->suite));
    gv_str(w, "base", r->prefix);
    gv_size(w, "signer", p->id);
    gv_str(w, "mutation", "the signer's nonce state, consumed by a first successful sign, is passed to sign again");
    GV_REQUIRE(tsr_frost_sign(gv_ctx, &share, &nonce, p, r->list, r->k, r->msg, sizeof r->msg, &b) == TSR_ERR_STATE);
    gv_str(w, "error", gv_err_symbol(TSR_ERR_STATE));
    gv_int(w, "check", 0);
    gv_str(w, "check_symbol", gv_check_symbols[TSR_CHECK_NONE]);
    gv_str(w, "check_name", tsr_check_name(TSR_CHECK_NONE));
    gv_str(w, "reason", "secret nonces are consumed on first use");
    gv_end_obj(w);
}

static void gv_frost_decode_commitment(gv_json *w, const char *name, const uint8_t *in, size_t inlen, int err_want,
                                       tsr_check check, const char *reason) {
    tsr_frost_commitment c;
    tsr_check why = TSR_CHECK_NONE;
    int err = tsr_frost_commitment_decode(gv_ctx, &c, in, inlen, &why);
    GV_REQUIRE(err == err_want && why == check);
    gv_case(w, name, err == TSR_OK);
    gv_str(w, "operation", "decode_commitment");
    gv_str(w, "base", gv_fr.prefix);
    gv_str(w, "source", "the encoding of the first signer's commitment of base, then mutated as the name says");
    gv_hex(w, "input", in, inlen);
    if (err == TSR_OK) {
        gv_size(w, "identifier", c.id);
    } else {
        gv_expect(w, err, check, reason);
    }
    gv_end_obj(w);
}

static void gv_frost_decode_sigshare(gv_json *w, const char *name, const uint8_t *in, size_t inlen, int err_want,
                                     tsr_check check, const char *reason) {
    tsr_frost_sigshare s;
    tsr_check why = TSR_CHECK_NONE;
    int err = tsr_frost_sigshare_decode(&s, in, inlen, &why);
    GV_REQUIRE(err == err_want && why == check);
    gv_case(w, name, err == TSR_OK);
    gv_str(w, "operation", "decode_sigshare");
    gv_str(w, "base", gv_fr.prefix);
    gv_str(w, "source", "the encoding of the first signer's signature share of base, then mutated as the name says");
    gv_hex(w, "input", in, inlen);
    if (err == TSR_OK) {
        gv_size(w, "identifier", s.id);
        gv_scalar(w, "sig_share", &s.z);
    } else {
        gv_expect(w, err, check, reason);
    }
    gv_end_obj(w);
}

static void gv_frost_verify_case(gv_json *w, const char *name, const uint8_t *sig, size_t siglen, int err_want,
                                 const char *reason) {
    gv_frost_run *r = &gv_fr;
    int err = tsr_frost_verify(gv_ctx, r->suite, sig, siglen, &r->group_key, r->msg, sizeof r->msg);
    GV_REQUIRE(err == err_want);
    gv_case(w, name, err == TSR_OK);
    gv_str(w, "operation", "verify");
    gv_str(w, "suite", gv_suite_name(r->suite));
    gv_str(w, "base", r->prefix);
    gv_hex(w, "sig", sig, siglen);
    if (err != TSR_OK) {
        gv_str(w, "error", gv_err_symbol(err));
        gv_str(w, "reason", reason);
    }
    gv_end_obj(w);
}

static void gv_frost_invalid_for(gv_json *w, uint8_t suite) {
    gv_frost_run *r = &gv_fr;
    static const uint32_t bad1[] = {3};
    static const uint32_t bad2[] = {2, 5};
    uint8_t enc[TSR_FROST_COMMITMENT_BYTES + 1], sig[TSR_FROST_SIG_MAX_BYTES + 1];
    uint8_t ss[TSR_FROST_SIGSHARE_BYTES];
    char name[80];

    gv_frost_ceremony(r, suite, 2, 3);
    gv_frost_bad_shares(w, suite == TSR_SUITE_SECP256K1_TR ? "tr-aggregate-one-bad-share" : "aggregate-one-bad-share",
                        bad1, 1);
#define GV_NAME(s) (snprintf(name, sizeof name, "%s%s", suite == TSR_SUITE_SECP256K1_TR ? "tr-" : "", s), name)
    gv_frost_bad_list(w, GV_NAME("sign-list-unsorted"), GV_LIST_UNSORTED, TSR_ERR_ARG, TSR_CHECK_ID_ORDER,
                      "the commitment list is not sorted by identifier");
    gv_frost_bad_list(w, GV_NAME("sign-list-duplicate-id"), GV_LIST_DUPLICATE, TSR_ERR_ARG, TSR_CHECK_ID_DUPLICATE,
                      "two entries share an identifier");
    gv_frost_bad_list(w, GV_NAME("sign-list-identity-commitment"), GV_LIST_IDENTITY, TSR_ERR_RANGE,
                      TSR_CHECK_POINT_IDENTITY, "a binding nonce commitment is the identity");
    gv_frost_bad_list(w, GV_NAME("sign-list-id-zero"), GV_LIST_ID_ZERO, TSR_ERR_ARG, TSR_CHECK_ID_ZERO,
                      "an identifier is zero");
    gv_frost_bad_list(w, GV_NAME("sign-own-commitment-missing"), GV_LIST_OWN_MISSING, TSR_ERR_ARG,
                      TSR_CHECK_OWN_COMMITMENT, "the signer's commitment is not in the list");
    gv_frost_bad_list(w, GV_NAME("sign-own-commitment-altered"), GV_LIST_OWN_ALTERED, TSR_ERR_ARG,
                      TSR_CHECK_OWN_COMMITMENT, "the signer's entry differs from what it committed");
    gv_frost_reuse(w, GV_NAME("sign-nonce-state-reused"));
    memcpy(sig, r->sig, r->siglen);
    sig[r->siglen - 1] ^= 1;
    gv_frost_verify_case(w, GV_NAME("verify-z-flipped"), sig, r->siglen, TSR_ERR_VERIFY, "z altered");
    gv_frost_verify_case(w, GV_NAME("verify-short"), r->sig, r->siglen - 1, TSR_ERR_ENCODING, "one byte short");
    memcpy(sig, r->sig, r->siglen);
    memset(sig + r->siglen - 32, 0xff, 32);
    gv_frost_verify_case(w, GV_NAME("verify-z-not-below-n"), sig, r->siglen, TSR_ERR_ENCODING, "z >= n");
#undef GV_NAME
    if (suite != TSR_SUITE_SECP256K1_SHA256) {
        return;
    }
    gv_frost_ceremony(r, suite, 3, 5);
    gv_frost_bad_shares(w, "aggregate-two-bad-shares", bad2, 2);
    /* decoders (suite independent) */
    tsr_frost_commitment_encode(gv_ctx, enc, &r->list[0]);
    gv_frost_decode_commitment(w, "decode-commitment-valid", enc, TSR_FROST_COMMITMENT_BYTES, TSR_OK, TSR_CHECK_NONE, "");
    gv_frost_decode_commitment(w, "decode-commitment-short", enc, TSR_FROST_COMMITMENT_BYTES - 1, TSR_ERR_ENCODING,
                               TSR_CHECK_LENGTH, "69 bytes");
    enc[TSR_FROST_COMMITMENT_BYTES] = 0;
    gv_frost_decode_commitment(w, "decode-commitment-long", enc, TSR_FROST_COMMITMENT_BYTES + 1, TSR_ERR_ENCODING,
                               TSR_CHECK_LENGTH, "71 bytes");
    memset(enc, 0, 4);
    gv_frost_decode_commitment(w, "decode-commitment-id-zero", enc, TSR_FROST_COMMITMENT_BYTES, TSR_ERR_ENCODING,
                               TSR_CHECK_ID_ZERO, "identifier 0");
    tsr_frost_commitment_encode(gv_ctx, enc, &r->list[0]);
    enc[4] = 0x04;
    gv_frost_decode_commitment(w, "decode-commitment-hiding-prefix-04", enc, TSR_FROST_COMMITMENT_BYTES,
                               TSR_ERR_ENCODING, TSR_CHECK_POINT_PREFIX, "hiding commitment prefix 04");
    tsr_frost_commitment_encode(gv_ctx, enc, &r->list[0]);
    memset(enc + 37, 0, 33);
    gv_frost_decode_commitment(w, "decode-commitment-binding-identity", enc, TSR_FROST_COMMITMENT_BYTES,
                               TSR_ERR_RANGE, TSR_CHECK_POINT_IDENTITY, "binding commitment is the identity");
    tsr_frost_sigshare_encode(ss, &r->share[0]);
    gv_frost_decode_sigshare(w, "decode-sigshare-valid", ss, sizeof ss, TSR_OK, TSR_CHECK_NONE, "");
    gv_frost_decode_sigshare(w, "decode-sigshare-short", ss, sizeof ss - 1, TSR_ERR_ENCODING, TSR_CHECK_LENGTH,
                             "35 bytes");
    gv_hex_decode(ss + 4, 32, gv_n_hex);
    gv_frost_decode_sigshare(w, "decode-sigshare-z-equals-n", ss, sizeof ss, TSR_ERR_ENCODING,
                             TSR_CHECK_SCALAR_RANGE, "z = n");
}

static void gv_frost_invalid_file(const char *dir) {
    gv_json w;
    gv_file_open(&w, dir, "invalid.json");
    gv_obj(&w, NULL);
    gv_str(&w, "description", "FROST cases that must fail, each against the honest ceremony named by 'base' "
                              "(the file of that name in this directory): bad signature shares (aggregate "
                              "names every culprit), manipulated commitment lists (sign refuses, blaming the "
                              "coordinator), a reused nonce state, bad final signatures, and decoder rejects.");
    gv_generator(&w, "vectors/gen/gv_frost.c");
    gv_arr(&w, "cases");
    gv_frost_invalid_for(&w, TSR_SUITE_SECP256K1_TR);
    gv_frost_invalid_for(&w, TSR_SUITE_SECP256K1_SHA256);
    gv_end_arr(&w);
    gv_end_obj(&w);
    gv_file_close(&w, dir, "invalid.json");
}

/* Taproot tweak (TR suite): the 2-of-3 key tweaked with no merkle root and with one, each signing
 * the same message; the signature verifies under the tweaked x-only key. */
static void gv_frost_tweak_file(const char *dir) {
    gv_frost_run *r = &gv_fr;
    gv_json w;
    char label[GV_LABEL];
    uint8_t root[32];
    gv_file_open(&w, dir, "tr-taproot-tweak.json");
    gv_obj(&w, NULL);
    gv_str(&w, "description", "BIP341 Taproot tweak of a TR-suite key: P = group key with even y, "
                              "t = TapTweak(x(P) || merkle_root), Q = P + tG; every share gets +t (negated "
                              "first when PK has odd y). The 2-of-3 ceremony of tr-2of3.json, re-run with the "
                              "tweaked key packages; the signature verifies (BIP340) under x(Q).");
    gv_generator(&w, "vectors/gen/gv_frost.c");
    gv_arr(&w, "cases");
    for (int with_root = 0; with_root < 2; with_root++) {
        tsr_frost_keypkg pk[3];
        tsr_point q, vsh[3];
        tsr_frost_nonce nonce[2];
        tsr_frost_commitment list[2];
        tsr_frost_sigshare share[2];
        tsr_point vs[2];
        uint8_t sig[64], xq[32];
        size_t siglen = 0, nc = 0;
        tsr_blame b, culprits[2];
        gv_frost_ceremony(r, TSR_SUITE_SECP256K1_TR, 2, 3);
        gv_label(label, r->prefix, "merkle-root");
        gv_bytes_from_label(root, 32, label);
        q = r->group_key;
        for (size_t i = 0; i < 3; i++) {
            pk[i] = r->pkg[i];
            vsh[i] = r->pkg[i].verifying_share;
            GV_REQUIRE(tsr_frost_keypkg_tweak(gv_ctx, &pk[i], with_root ? root : NULL) == TSR_OK);
        }
        GV_REQUIRE(tsr_frost_pubkey_tweak(gv_ctx, &q, vsh, 3, with_root ? root : NULL) == TSR_OK);
        for (size_t j = 0; j < 2; j++) {
            const tsr_frost_keypkg *p = &pk[r->signers[j] - 1];
            GV_REQUIRE(tsr_point_eq(gv_ctx, &p->group_key, &q));
            GV_REQUIRE(tsr_point_eq(gv_ctx, &p->verifying_share, &vsh[r->signers[j] - 1]));
            GV_REQUIRE(tsr_frost_commit(gv_ctx, &nonce[j], &list[j], p, r->nrand[j]) == TSR_OK);
            vs[j] = p->verifying_share;
        }
        for (size_t j = 0; j < 2; j++) {
            GV_REQUIRE(tsr_frost_sign(gv_ctx, &share[j], &nonce[j], &pk[r->signers[j] - 1], list, 2, r->msg,
                                      sizeof r->msg, &b) == TSR_OK);
        }
        GV_REQUIRE(tsr_frost_aggregate(gv_ctx, sig, &siglen, culprits, 2, &nc, TSR_SUITE_SECP256K1_TR, list, share,
                                       vs, 2, &q, r->msg, sizeof r->msg) == TSR_OK);
        GV_REQUIRE(tsr_frost_verify(gv_ctx, TSR_SUITE_SECP256K1_TR, sig, siglen, &q, r->msg, sizeof r->msg) == TSR_OK);
        GV_REQUIRE(tsr_point_encode_xonly(gv_ctx, xq, NULL, &q) == TSR_OK);
        gv_case(&w, with_root ? "tweak-merkle-root" : "tweak-no-merkle-root", 1);
        gv_str(&w, "base", r->prefix);
        gv_point(&w, "verifying_key_key", &r->group_key);
        if (with_root) {
            gv_str(&w, "merkle_root_label", label);
            gv_hex(&w, "merkle_root", root, 32);
        } else {
            gv_null(&w, "merkle_root");
        }
        gv_point(&w, "tweaked_key", &q);
        gv_hex(&w, "tweaked_key_xonly", xq, 32);
        gv_arr(&w, "participant_shares");
        for (size_t i = 0; i < 3; i++) {
            gv_obj(&w, NULL);
            gv_size(&w, "identifier", pk[i].id);
            gv_scalar(&w, "participant_share", &pk[i].share);
            gv_point(&w, "verifying_share", &pk[i].verifying_share);
            gv_end_obj(&w);
        }
        gv_end_arr(&w);
        gv_commitment_list_json(&w, "commitment_list", list, 2);
        gv_arr(&w, "sig_shares");
        for (size_t j = 0; j < 2; j++) {
            gv_scalar(&w, NULL, &share[j].z);
        }
        gv_end_arr(&w);
        gv_hex(&w, "sig", sig, siglen);
        gv_end_obj(&w);
        for (size_t i = 0; i < 3; i++) {
            tsr_frost_keypkg_clear(&pk[i]);
        }
    }
    gv_end_arr(&w);
    gv_end_obj(&w);
    gv_file_close(&w, dir, "tr-taproot-tweak.json");
}

void gv_write_frost(const char *dir) {
    static const size_t cfg[3][2] = {{2, 3}, {3, 5}, {67, 100}};
    for (int s = 0; s < 2; s++) {
        for (size_t i = 0; i < 3; i++) {
            gv_frost_file(dir, s == 0 ? TSR_SUITE_SECP256K1_SHA256 : TSR_SUITE_SECP256K1_TR, cfg[i][0], cfg[i][1]);
        }
    }
    gv_frost_invalid_file(dir);
    gv_frost_tweak_file(dir);
}
