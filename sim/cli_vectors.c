/* `tessera vectors check`: recomputes every value of an RFC 9591-shaped FROST vector file (RFC
 * 9591 Appendix E, ZcashFoundation's vectors.json, Tessera's vectors/frost) and names each one
 * that differs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char tsr_cli_vectors_usage[] =
    "usage: tessera vectors check [--suite secp256k1|secp256k1-tr] [--verbose] FILE...\n"
    "\n"
    "Recomputes every value of RFC 9591-shaped FROST signing vector files (RFC 9591 Appendix E,\n"
    "ZcashFoundation frost vectors.json, Tessera's vectors/frost/*-<t>of<n>.json) and prints one\n"
    "line per value that differs, naming it by its JSON path, then per file and in total\n"
    "'N passed, M failed'. Exit status 0 only if every value of every file passes; 1 if a value\n"
    "fails; 2 if a file is malformed (a missing key or a bad input value is named).\n"
    "\n"
    "The suite is taken from --suite, else from config.tessera_suite, else from the length of\n"
    "final_output.sig (65 bytes: secp256k1, 64: secp256k1-tr); a file that contradicts --suite\n"
    "is rejected. Files of Tessera's invalid-case sets (a top-level 'cases' array) are skipped.\n"
    "\n"
    "Fields read (hex unless said otherwise):\n"
    "  config: MAX_PARTICIPANTS (n), MIN_PARTICIPANTS (t), NUM_PARTICIPANTS (k) (numbers or\n"
    "    decimal strings), tessera_suite (optional)\n"
    "  inputs: participant_list [k identifiers], group_secret_key, group_public_key (or\n"
    "    verifying_key_key), message, share_polynomial_coefficients [t-1],\n"
    "    participant_shares [{identifier, participant_share, verifying_share (optional)}],\n"
    "    vss_commitment [t] (optional)\n"
    "  round_one_outputs.outputs [k]: identifier, hiding_nonce_randomness,\n"
    "    binding_nonce_randomness, hiding_nonce, binding_nonce, hiding_nonce_commitment,\n"
    "    binding_nonce_commitment, binding_factor_input, binding_factor\n"
    "  round_two_outputs.outputs [k]: identifier, sig_share, interpolating_value (optional)\n"
    "  final_output: sig, group_commitment (optional), challenge (optional)\n"
    "Values checked: the group key (from the secret), every share and verifying share (from\n"
    "the polynomial), the VSS commitment, nonces (nonce_generate), commitments, binding factor\n"
    "inputs and factors, interpolating values, signature shares (sign, and\n"
    "verify_signature_share on the file's shares), group commitment, challenge, the aggregate\n"
    "signature, and verify on the file's signature.\n"
    "Randomness and inputs are read, never printed; no value is printed, only names.\n"
    "\n"
    "ZcashFoundation DKG vector files (vectors_dkg.json: inputs.verifying_key and inputs.\"1\"..)\n"
    "are checked too: per party the vss_commitments (from signing_key and coefficient), the\n"
    "proof_of_knowledge (verified: its nonce is not in the file), the signing_shares it received\n"
    "(f_j(i)), its signing_share and verifying_share, and the group verifying_key (for\n"
    "secp256k1-tr in ZF's post-DKG form: even y plus the unspendable BIP341 tweak).\n";

typedef struct {
    const char *file;
    int verbose;
    size_t passed, failed;
} tsr_cli_vck;

static void tsr_cli_vck_result(tsr_cli_vck *ck, int ok, const tsr_cli_src *s, const char *key, const char *why) {
    char k[256];
    tsr_cli_src_key(k, s, key);
    if (ok) {
        ck->passed++;
        if (ck->verbose) {
            printf("%s: %s: ok\n", ck->file, k);
        }
    } else {
        ck->failed++;
        printf("%s: %s: %s\n", ck->file, k, why);
    }
}

/* Compares a recomputed encoding with the file's hex value at obj.key. A missing key, bad hex or
 * wrong length is a failed value too (the checker goes on). */
static void tsr_cli_vck_bytes(tsr_cli_vck *ck, const tsr_cli_src *s, const json_t *obj, const char *key,
                              const uint8_t *want, size_t len) {
    json_t *v = key != NULL ? json_object_get(obj, key) : (json_t *)(uintptr_t)obj;
    uint8_t buf[TSR_FROST_BF_INPUT_BYTES];
    const char *str;
    size_t i;
    int ok = 1;
    if (v == NULL) {
        tsr_cli_vck_result(ck, 0, s, key, "missing");
        return;
    }
    if (!json_is_string(v) || json_string_length(v) != 2 * len || len > sizeof buf) {
        tsr_cli_vck_result(ck, 0, s, key, "not a hex string of the expected length");
        return;
    }
    str = json_string_value(v);
    for (i = 0; i < len; i++) {
        unsigned hi, lo;
        char c0 = str[2 * i], c1 = str[2 * i + 1];
        hi = (unsigned)(c0 >= '0' && c0 <= '9' ? c0 - '0' : c0 >= 'a' && c0 <= 'f' ? c0 - 'a' + 10
                                                        : c0 >= 'A' && c0 <= 'F' ? c0 - 'A' + 10 : 99);
        lo = (unsigned)(c1 >= '0' && c1 <= '9' ? c1 - '0' : c1 >= 'a' && c1 <= 'f' ? c1 - 'a' + 10
                                                        : c1 >= 'A' && c1 <= 'F' ? c1 - 'A' + 10 : 99);
        if (hi > 15 || lo > 15) {
            tsr_cli_vck_result(ck, 0, s, key, "not hex");
            return;
        }
        buf[i] = (uint8_t)(hi << 4 | lo);
    }
    /* Test-vector values are public: a plain comparison is fine. */
    ok = memcmp(buf, want, len) == 0;
    tsr_cli_vck_result(ck, ok, s, key, "recomputed value differs");
}

static void tsr_cli_vck_scalar(tsr_cli_vck *ck, const tsr_cli_src *s, const json_t *obj, const char *key,
                               const tsr_scalar *want) {
    uint8_t b[32];
    tsr_scalar_encode(b, want);
    tsr_cli_vck_bytes(ck, s, obj, key, b, 32);
}

static void tsr_cli_vck_point(tsr_cli_vck *ck, const tsr_context *ctx, const tsr_cli_src *s, const json_t *obj,
                              const char *key, const tsr_point *want) {
    uint8_t b[33];
    if (tsr_point_encode(ctx, b, want) != TSR_OK) {
        tsr_cli_vck_result(ck, 0, s, key, "cannot encode the recomputed point");
        return;
    }
    tsr_cli_vck_bytes(ck, s, obj, key, b, 33);
}

/* Everything one file needs (large: heap). */
typedef struct {
    uint8_t suite;
    size_t t, n, k;
    uint32_t signers[TSR_MAX_PARTIES];
    tsr_scalar secret;
    tsr_poly f;
    tsr_point pk;
    uint8_t *msg;
    size_t msglen;
    tsr_scalar share_of[TSR_MAX_PARTIES + 1]; /* recomputed f(id) */
    tsr_frost_keypkg pkg[TSR_MAX_PARTIES];
    tsr_frost_nonce nonce[TSR_MAX_PARTIES];
    tsr_frost_commitment list[TSR_MAX_PARTIES];
    tsr_scalar rho[TSR_MAX_PARTIES];
    uint8_t bf_input[TSR_MAX_PARTIES][TSR_FROST_BF_INPUT_BYTES];
    tsr_frost_sigshare share[TSR_MAX_PARTIES];
    tsr_point vshares[TSR_MAX_PARTIES];
    tsr_blame culprits[TSR_MAX_PARTIES];
} tsr_cli_vrun;

/* Gets obj.key as an object / array with a path. */
static int tsr_cli_vget(json_t **out, tsr_cli_src *child, const tsr_cli_src *s, const json_t *obj, const char *key,
                        int want_array, size_t min, size_t max) {
    int rc = tsr_cli_member(out, s, obj, key, 0);
    if (rc != TSR_CLI_OK) {
        return rc;
    }
    tsr_cli_src_child(child, s, key, 0);
    return want_array ? tsr_cli_want_array(child, *out, min, max) : tsr_cli_want_object(child, *out);
}

/* Checks one parsed file. Returns TSR_CLI_OK (values counted in ck) or TSR_CLI_USAGE (malformed). */
static int tsr_cli_vectors_file(const tsr_context *ctx, tsr_cli_vck *ck, tsr_cli_vrun *r, const json_t *root,
                                const tsr_cli_suite_opt *so) {
    static const char *const pk_names[] = {"group_public_key", "verifying_key_key", "verifying_key"};
    tsr_cli_src s, cs, is, ps, es, r1s, r1o, r2s, r2o, fs, ls, cfs;
    json_t *config, *inputs, *plist, *coeffs, *pshares, *r1, *r1out, *r2, *r2out, *fin, *v;
    const char *pk_key = NULL;
    uint8_t file_suite = 0;
    int have_suite = 0, rc, err;
    size_t i, j;

    tsr_cli_src_root(&s, ck->file);
    if ((rc = tsr_cli_want_object(&s, root)) != TSR_CLI_OK ||
        (rc = tsr_cli_vget(&config, &cs, &s, root, "config", 0, 0, 0)) != TSR_CLI_OK ||
        (rc = tsr_cli_vget(&inputs, &is, &s, root, "inputs", 0, 0, 0)) != TSR_CLI_OK ||
        (rc = tsr_cli_vget(&r1, &r1s, &s, root, "round_one_outputs", 0, 0, 0)) != TSR_CLI_OK ||
        (rc = tsr_cli_vget(&r2, &r2s, &s, root, "round_two_outputs", 0, 0, 0)) != TSR_CLI_OK ||
        (rc = tsr_cli_vget(&fin, &fs, &s, root, "final_output", 0, 0, 0)) != TSR_CLI_OK) {
        return rc;
    }
    /* Suite: --suite, config.tessera_suite, or the signature length. */
    if ((v = json_object_get(config, "tessera_suite")) != NULL) {
        if ((rc = tsr_cli_suite_member(&file_suite, &cs, config, "tessera_suite")) != TSR_CLI_OK) {
            return rc;
        }
        have_suite = 1;
    } else if ((v = json_object_get(fin, "sig")) != NULL && json_is_string(v) &&
               (json_string_length(v) == 128 || json_string_length(v) == 130)) {
        file_suite = json_string_length(v) == 128 ? TSR_SUITE_SECP256K1_TR : TSR_SUITE_SECP256K1_SHA256;
        have_suite = 1;
    }
    if (have_suite && so->set && file_suite != so->suite) {
        tsr_cli_err("%s: this file is for suite %s (%s) but --suite says %s", ck->file, tsr_cli_suite_name(file_suite),
                    json_object_get(config, "tessera_suite") != NULL ? "config.tessera_suite"
                    : file_suite == TSR_SUITE_SECP256K1_TR ? "final_output.sig is a 64-byte BIP340 signature"
                                                           : "final_output.sig is 65 bytes",
                    tsr_cli_suite_name(so->suite));
        return TSR_CLI_USAGE;
    }
    r->suite = have_suite ? file_suite : so->suite;

    /* Config and inputs (inputs must parse: everything is computed from them). */
    if ((rc = tsr_cli_count(&r->n, 1, TSR_MAX_PARTIES, &cs, config, "MAX_PARTICIPANTS")) != TSR_CLI_OK ||
        (rc = tsr_cli_count(&r->t, 1, r->n, &cs, config, "MIN_PARTICIPANTS")) != TSR_CLI_OK ||
        (rc = tsr_cli_count(&r->k, r->t, r->n, &cs, config, "NUM_PARTICIPANTS")) != TSR_CLI_OK ||
        (rc = tsr_cli_vget(&plist, &ls, &is, inputs, "participant_list", 1, r->k, r->k)) != TSR_CLI_OK) {
        return rc;
    }
    for (i = 0; i < r->k; i++) {
        tsr_cli_src_child(&es, &ls, NULL, i);
        if ((rc = tsr_cli_ident(&r->signers[i], &es, json_array_get(plist, i), NULL)) != TSR_CLI_OK) {
            return rc;
        }
        if (r->signers[i] > r->n) {
            tsr_cli_err("%s: %s: identifier larger than MAX_PARTICIPANTS", ck->file, es.path);
            return TSR_CLI_USAGE;
        }
    }
    if ((rc = tsr_cli_scalar(&r->secret, &is, inputs, "group_secret_key", 0)) != TSR_CLI_OK) {
        return rc;
    }
    {
        json_t *m;
        size_t cap;
        if ((rc = tsr_cli_member(&m, &is, inputs, "message", 0)) != TSR_CLI_OK) {
            return rc;
        }
        cap = json_is_string(m) ? json_string_length(m) / 2 + 1 : 1;
        r->msg = malloc(cap);
        if (r->msg == NULL) {
            return TSR_CLI_INTERNAL;
        }
        if ((rc = tsr_cli_hex_var(r->msg, cap, &r->msglen, &is, inputs, "message")) != TSR_CLI_OK) {
            return rc;
        }
    }
    if ((rc = tsr_cli_vget(&coeffs, &cfs, &is, inputs, "share_polynomial_coefficients", 1, r->t - 1, r->t - 1)) !=
        TSR_CLI_OK) {
        return rc;
    }
    r->f.t = r->t;
    r->f.a[0] = r->secret;
    for (i = 1; i < r->t; i++) {
        tsr_cli_src_child(&es, &cfs, NULL, i - 1);
        if ((rc = tsr_cli_scalar(&r->f.a[i], &es, json_array_get(coeffs, i - 1), NULL, 1)) != TSR_CLI_OK) {
            return rc;
        }
    }
    for (i = 0; i < 3; i++) {
        if (json_object_get(inputs, pk_names[i]) != NULL) {
            pk_key = pk_names[i];
        }
    }
    if (pk_key == NULL) {
        char k[256];
        tsr_cli_err("%s: missing key '%s'", ck->file, tsr_cli_src_key(k, &is, "group_public_key"));
        return TSR_CLI_USAGE;
    }

    /* The group key and the dealer's polynomial. */
    if (tsr_point_base_mul(ctx, &r->pk, &r->secret) != TSR_OK) {
        return TSR_CLI_INTERNAL;
    }
    tsr_cli_vck_point(ck, ctx, &is, inputs, pk_key, &r->pk);
    if ((v = json_object_get(inputs, "vss_commitment")) != NULL) {
        tsr_cli_src vs;
        tsr_cli_src_child(&vs, &is, "vss_commitment", 0);
        if ((rc = tsr_cli_want_array(&vs, v, r->t, r->t)) != TSR_CLI_OK) {
            return rc;
        }
        for (i = 0; i < r->t; i++) {
            tsr_point c;
            if (tsr_point_base_mul(ctx, &c, &r->f.a[i]) != TSR_OK) {
                return TSR_CLI_INTERNAL;
            }
            tsr_cli_src_child(&es, &vs, NULL, i);
            tsr_cli_vck_point(ck, ctx, &es, json_array_get(v, i), NULL, &c);
        }
    }
    if ((rc = tsr_cli_vget(&pshares, &ps, &is, inputs, "participant_shares", 1, 1, r->n)) != TSR_CLI_OK) {
        return rc;
    }
    for (i = 0; i < json_array_size(pshares); i++) {
        json_t *e = json_array_get(pshares, i);
        uint32_t id;
        tsr_scalar x;
        tsr_cli_src_child(&es, &ps, NULL, i);
        if ((rc = tsr_cli_want_object(&es, e)) != TSR_CLI_OK || (rc = tsr_cli_ident(&id, &es, e, "identifier")) != TSR_CLI_OK) {
            return rc;
        }
        tsr_scalar_set_u32(&x, id);
        tsr_poly_eval(&r->share_of[id], &r->f, &x);
        tsr_cli_vck_scalar(ck, &es, e, "participant_share", &r->share_of[id]);
        if (json_object_get(e, "verifying_share") != NULL) {
            tsr_point p;
            if (tsr_point_base_mul(ctx, &p, &r->share_of[id]) != TSR_OK) {
                return TSR_CLI_INTERNAL;
            }
            tsr_cli_vck_point(ck, ctx, &es, e, "verifying_share", &p);
        }
    }
    /* Shares of signers absent from participant_shares are still computed from the polynomial. */
    for (j = 0; j < r->k; j++) {
        tsr_scalar x;
        tsr_scalar_set_u32(&x, r->signers[j]);
        tsr_poly_eval(&r->share_of[r->signers[j]], &r->f, &x);
    }

    /* Round one. */
    if ((rc = tsr_cli_vget(&r1out, &r1o, &r1s, r1, "outputs", 1, r->k, r->k)) != TSR_CLI_OK) {
        return rc;
    }
    for (j = 0; j < r->k; j++) {
        json_t *e = json_array_get(r1out, j);
        uint32_t id;
        uint8_t rnd[64];
        tsr_scalar d, e2;
        tsr_point dp, ep;
        tsr_cli_src_child(&es, &r1o, NULL, j);
        if ((rc = tsr_cli_want_object(&es, e)) != TSR_CLI_OK || (rc = tsr_cli_ident(&id, &es, e, "identifier")) != TSR_CLI_OK) {
            return rc;
        }
        if (id != r->signers[j]) {
            tsr_cli_err("%s: %s.identifier is %u but participant_list[%lu] is %u", ck->file, es.path, id,
                        (unsigned long)j, r->signers[j]);
            return TSR_CLI_USAGE;
        }
        if ((rc = tsr_cli_hex_exact(rnd, 32, &es, e, "hiding_nonce_randomness")) != TSR_CLI_OK ||
            (rc = tsr_cli_hex_exact(rnd + 32, 32, &es, e, "binding_nonce_randomness")) != TSR_CLI_OK) {
            return rc;
        }
        err = tsr_frost_keypkg_set(ctx, &r->pkg[j], r->suite, id, &r->share_of[id], NULL, &r->pk);
        if (err != TSR_OK) {
            tsr_cli_vck_result(ck, 0, &es, "identifier", "cannot build the key package");
            continue;
        }
        r->vshares[j] = r->pkg[j].verifying_share;
        if (tsr_frost_nonce_generate(&d, r->suite, rnd, &r->share_of[id]) != TSR_OK ||
            tsr_frost_nonce_generate(&e2, r->suite, rnd + 32, &r->share_of[id]) != TSR_OK) {
            tsr_cli_vck_result(ck, 0, &es, "hiding_nonce", "nonce_generate failed");
            continue;
        }
        tsr_cli_vck_scalar(ck, &es, e, "hiding_nonce", &d);
        tsr_cli_vck_scalar(ck, &es, e, "binding_nonce", &e2);
        err = tsr_frost_commit(ctx, &r->nonce[j], &r->list[j], &r->pkg[j], rnd);
        if (err != TSR_OK || tsr_point_base_mul(ctx, &dp, &d) != TSR_OK || tsr_point_base_mul(ctx, &ep, &e2) != TSR_OK) {
            tsr_cli_vck_result(ck, 0, &es, "hiding_nonce_commitment", "commit failed");
            tsr_scalar_clear(&d);
            tsr_scalar_clear(&e2);
            continue;
        }
        /* commit must agree with nonce_generate: a library inconsistency is a failure too */
        if (!tsr_point_eq(ctx, &dp, &r->list[j].hiding) || !tsr_point_eq(ctx, &ep, &r->list[j].binding)) {
            tsr_cli_vck_result(ck, 0, &es, "hiding_nonce_commitment", "commit disagrees with nonce_generate");
        }
        tsr_cli_vck_point(ck, ctx, &es, e, "hiding_nonce_commitment", &r->list[j].hiding);
        tsr_cli_vck_point(ck, ctx, &es, e, "binding_nonce_commitment", &r->list[j].binding);
        tsr_scalar_clear(&d);
        tsr_scalar_clear(&e2);
    }
    err = tsr_frost_compute_binding_factors(ctx, r->rho, r->bf_input, r->suite, &r->pk, r->list, r->k, r->msg,
                                            r->msglen);
    for (j = 0; j < r->k; j++) {
        json_t *e = json_array_get(r1out, j);
        tsr_cli_src_child(&es, &r1o, NULL, j);
        if (err != TSR_OK) {
            tsr_cli_vck_result(ck, 0, &es, "binding_factor", "compute_binding_factors failed");
            continue;
        }
        tsr_cli_vck_bytes(ck, &es, e, "binding_factor_input", r->bf_input[j], TSR_FROST_BF_INPUT_BYTES);
        tsr_cli_vck_scalar(ck, &es, e, "binding_factor", &r->rho[j]);
    }

    /* Round two. */
    if ((rc = tsr_cli_vget(&r2out, &r2o, &r2s, r2, "outputs", 1, r->k, r->k)) != TSR_CLI_OK) {
        return rc;
    }
    for (j = 0; j < r->k; j++) {
        json_t *e = json_array_get(r2out, j);
        uint32_t id;
        tsr_blame b;
        tsr_cli_src_child(&es, &r2o, NULL, j);
        if ((rc = tsr_cli_want_object(&es, e)) != TSR_CLI_OK || (rc = tsr_cli_ident(&id, &es, e, "identifier")) != TSR_CLI_OK) {
            return rc;
        }
        if (id != r->signers[j]) {
            tsr_cli_err("%s: %s.identifier is %u but participant_list[%lu] is %u", ck->file, es.path, id,
                        (unsigned long)j, r->signers[j]);
            return TSR_CLI_USAGE;
        }
        if (json_object_get(e, "interpolating_value") != NULL) {
            tsr_scalar lambda;
            if (tsr_frost_derive_interpolating_value(&lambda, r->list, r->k, id) != TSR_OK) {
                tsr_cli_vck_result(ck, 0, &es, "interpolating_value", "derive_interpolating_value failed");
            } else {
                tsr_cli_vck_scalar(ck, &es, e, "interpolating_value", &lambda);
            }
        }
        err = tsr_frost_sign(ctx, &r->share[j], &r->nonce[j], &r->pkg[j], r->list, r->k, r->msg, r->msglen, &b);
        if (err != TSR_OK) {
            tsr_cli_vck_result(ck, 0, &es, "sig_share", "sign failed");
            continue;
        }
        tsr_cli_vck_scalar(ck, &es, e, "sig_share", &r->share[j].z);
        {
            /* the file's share must pass verify_signature_share */
            uint8_t zb[32];
            tsr_frost_sigshare fsh;
            json_t *zv = json_object_get(e, "sig_share");
            size_t zl = 0;
            int ok = 0;
            if (zv != NULL && json_is_string(zv) && json_string_length(zv) == 64 &&
                tsr_cli_hex_arg(zb, sizeof zb, &zl, "sig_share", json_string_value(zv)) == TSR_CLI_OK &&
                tsr_scalar_decode(&fsh.z, zb) == TSR_OK) {
                fsh.id = id;
                ok = tsr_frost_verify_signature_share(ctx, r->suite, &fsh, &r->vshares[j], r->list, r->k, &r->pk,
                                                      r->msg, r->msglen, &b) == TSR_OK;
            }
            {
                char key[64];
                snprintf(key, sizeof key, "sig_share (verify_signature_share)");
                tsr_cli_vck_result(ck, ok, &es, key, "the file's share fails verify_signature_share");
            }
        }
    }

    /* Final output. */
    {
        tsr_point rr;
        tsr_scalar c;
        uint8_t sig[TSR_FROST_SIG_MAX_BYTES];
        size_t siglen = 0, nc = 0;
        if (json_object_get(fin, "group_commitment") != NULL) {
            if (tsr_frost_compute_group_commitment(ctx, &rr, r->list, r->rho, r->k) != TSR_OK) {
                tsr_cli_vck_result(ck, 0, &fs, "group_commitment", "compute_group_commitment failed");
            } else {
                tsr_cli_vck_point(ck, ctx, &fs, fin, "group_commitment", &rr);
                if (json_object_get(fin, "challenge") != NULL) {
                    if (tsr_frost_compute_challenge(ctx, &c, r->suite, &rr, &r->pk, r->msg, r->msglen) != TSR_OK) {
                        tsr_cli_vck_result(ck, 0, &fs, "challenge", "compute_challenge failed");
                    } else {
                        tsr_cli_vck_scalar(ck, &fs, fin, "challenge", &c);
                    }
                }
            }
        } else if (json_object_get(fin, "challenge") != NULL) {
            if (tsr_frost_compute_group_commitment(ctx, &rr, r->list, r->rho, r->k) != TSR_OK ||
                tsr_frost_compute_challenge(ctx, &c, r->suite, &rr, &r->pk, r->msg, r->msglen) != TSR_OK) {
                tsr_cli_vck_result(ck, 0, &fs, "challenge", "compute_challenge failed");
            } else {
                tsr_cli_vck_scalar(ck, &fs, fin, "challenge", &c);
            }
        }
        err = tsr_frost_aggregate(ctx, sig, &siglen, r->culprits, TSR_MAX_PARTIES, &nc, r->suite, r->list, r->share,
                                  r->vshares, r->k, &r->pk, r->msg, r->msglen);
        if (err != TSR_OK) {
            tsr_cli_vck_result(ck, 0, &fs, "sig", "aggregate failed");
        } else {
            tsr_cli_vck_bytes(ck, &fs, fin, "sig", sig, siglen);
        }
        {
            json_t *sv = json_object_get(fin, "sig");
            uint8_t fsig[TSR_FROST_SIG_MAX_BYTES];
            size_t fl = 0;
            int ok = sv != NULL && json_is_string(sv) &&
                     json_string_length(sv) <= 2 * TSR_FROST_SIG_MAX_BYTES &&
                     tsr_cli_hex_arg(fsig, sizeof fsig, &fl, "sig", json_string_value(sv)) == TSR_CLI_OK &&
                     tsr_frost_verify(ctx, r->suite, fsig, fl, &r->pk, r->msg, r->msglen) == TSR_OK;
            tsr_cli_vck_result(ck, ok, &fs, "sig (verify)", "the file's signature does not verify");
        }
    }
    return TSR_CLI_OK;
}

/* ---- ZcashFoundation DKG vector files ------------------------------------------------------------
 * Shape: config {MAX_PARTICIPANTS, MIN_PARTICIPANTS (2)}, inputs {verifying_key, "1".."n": {identifier,
 * signing_key (a_i0), coefficient (a_i1), vss_commitments [2], proof_of_knowledge (R || z, 65 or 64
 * bytes), signing_shares {"j": f_j(i), the share party i received from j}, verifying_share,
 * signing_share}}. The proof's nonce is not in the file: it is verified (ZF's challenge, no
 * session), every other value is recomputed. */
static int tsr_cli_vectors_dkg_file(const tsr_context *ctx, tsr_cli_vck *ck, const json_t *root,
                                    const tsr_cli_suite_opt *so) {
    tsr_cli_src s, cs, is, ps, vs, ss;
    json_t *config, *inputs, *party, *v;
    size_t n = 0, t = 0, i, j, k;
    tsr_scalar *a = NULL; /* a[2*i], a[2*i+1]: party i+1's polynomial */
    tsr_point sum, c, group;
    tsr_frost_keypkg pkg;
    uint8_t suite = so->suite;
    int rc = TSR_CLI_OK, have_suite = 0;
    char key[24];

    memset(&pkg, 0, sizeof pkg);
    tsr_point_set_identity(&group);
    tsr_cli_src_root(&s, ck->file);
    if ((rc = tsr_cli_vget(&config, &cs, &s, root, "config", 0, 0, 0)) != TSR_CLI_OK ||
        (rc = tsr_cli_vget(&inputs, &is, &s, root, "inputs", 0, 0, 0)) != TSR_CLI_OK ||
        (rc = tsr_cli_count(&n, 2, TSR_MAX_PARTIES, &cs, config, "MAX_PARTICIPANTS")) != TSR_CLI_OK ||
        (rc = tsr_cli_count(&t, 2, 2, &cs, config, "MIN_PARTICIPANTS")) != TSR_CLI_OK) {
        return rc;
    }
    /* Suite: --suite, else the proof length (65: secp256k1, 64: secp256k1-tr). */
    party = json_object_get(inputs, "1");
    if (json_is_object(party) && (v = json_object_get(party, "proof_of_knowledge")) != NULL && json_is_string(v) &&
        (json_string_length(v) == 128 || json_string_length(v) == 130)) {
        uint8_t fs = json_string_length(v) == 128 ? TSR_SUITE_SECP256K1_TR : TSR_SUITE_SECP256K1_SHA256;
        if (so->set && fs != so->suite) {
            tsr_cli_err("%s: this file is for suite %s (inputs.1.proof_of_knowledge is %lu bytes) but --suite says %s",
                        ck->file, tsr_cli_suite_name(fs), (unsigned long)json_string_length(v) / 2,
                        tsr_cli_suite_name(so->suite));
            return TSR_CLI_USAGE;
        }
        suite = fs;
        have_suite = 1;
    }
    (void)have_suite;
    a = calloc(2 * n, sizeof *a);
    if (a == NULL) {
        return TSR_CLI_INTERNAL;
    }
    /* Pass 1: the polynomials (inputs), commitments and proofs. */
    tsr_point_set_identity(&sum);
    for (i = 0; i < n; i++) {
        uint32_t id;
        snprintf(key, sizeof key, "%lu", (unsigned long)(i + 1));
        if ((rc = tsr_cli_vget(&party, &ps, &is, inputs, key, 0, 0, 0)) != TSR_CLI_OK ||
            (rc = tsr_cli_ident(&id, &ps, party, "identifier")) != TSR_CLI_OK) {
            goto out;
        }
        if (id != i + 1) {
            tsr_cli_err("%s: %s.identifier is %u, expected %lu", ck->file, ps.path, id, (unsigned long)(i + 1));
            rc = TSR_CLI_USAGE;
            goto out;
        }
        if ((rc = tsr_cli_scalar(&a[2 * i], &ps, party, "signing_key", 0)) != TSR_CLI_OK ||
            (rc = tsr_cli_scalar(&a[2 * i + 1], &ps, party, "coefficient", 1)) != TSR_CLI_OK ||
            (rc = tsr_cli_vget(&v, &vs, &ps, party, "vss_commitments", 1, t, t)) != TSR_CLI_OK) {
            goto out;
        }
        for (k = 0; k < t; k++) {
            tsr_cli_src es;
            if (tsr_point_base_mul(ctx, &c, &a[2 * i + k]) != TSR_OK) {
                rc = TSR_CLI_INTERNAL;
                goto out;
            }
            tsr_cli_src_child(&es, &vs, NULL, k);
            tsr_cli_vck_point(ck, ctx, &es, json_array_get(v, k), NULL, &c);
        }
        if (tsr_point_base_mul(ctx, &c, &a[2 * i]) != TSR_OK || tsr_point_add(ctx, &sum, &sum, &c) != TSR_OK) {
            rc = TSR_CLI_INTERNAL;
            goto out;
        }
        {
            /* the proof: R (33, or 32 x-only) || z; verified under the recomputed C_0 */
            uint8_t pok[TSR_DKG_POK_MAX_BYTES];
            size_t plen = suite == TSR_SUITE_SECP256K1_TR ? 64 : 65;
            tsr_point r;
            tsr_scalar mu;
            json_t *pv = json_object_get(party, "proof_of_knowledge");
            size_t got = 0;
            int ok = pv != NULL && json_is_string(pv) && json_string_length(pv) == 2 * plen &&
                     tsr_cli_hex_arg(pok, sizeof pok, &got, "proof_of_knowledge", json_string_value(pv)) == TSR_CLI_OK;
            if (ok) {
                ok = (plen == 64 ? tsr_point_decode_xonly(ctx, &r, pok, NULL)
                                 : tsr_point_decode(ctx, &r, pok, 33, 0, NULL)) == TSR_OK &&
                     tsr_scalar_decode(&mu, pok + plen - 32) == TSR_OK &&
                     tsr_dkg_pok_verify(ctx, suite, NULL, id, &c, &r, &mu) == TSR_OK;
            }
            tsr_cli_vck_result(ck, ok, &ps, "proof_of_knowledge (verify)", "the proof of knowledge does not verify");
        }
    }
    group = sum;
    if (suite == TSR_SUITE_SECP256K1_TR) {
        /* ZF's post-DKG form: even-y group key plus the unspendable Taproot tweak */
        if (tsr_frost_pubkey_tweak(ctx, &sum, NULL, 0, NULL) != TSR_OK) {
            tsr_cli_vck_result(ck, 0, &is, "verifying_key", "the Taproot tweak failed");
        } else {
            tsr_cli_vck_point(ck, ctx, &is, inputs, "verifying_key", &sum);
        }
    } else {
        tsr_cli_vck_point(ck, ctx, &is, inputs, "verifying_key", &sum);
    }
    /* Pass 2: the shares each party received, its signing share and verifying share. */
    for (i = 0; i < n; i++) {
        tsr_scalar x, acc, f;
        snprintf(key, sizeof key, "%lu", (unsigned long)(i + 1));
        tsr_cli_src_child(&ps, &is, key, 0);
        party = json_object_get(inputs, key);
        if ((rc = tsr_cli_vget(&v, &ss, &ps, party, "signing_shares", 0, 0, 0)) != TSR_CLI_OK) {
            goto out;
        }
        tsr_scalar_set_u32(&x, (uint32_t)(i + 1));
        tsr_scalar_set_u32(&acc, 0);
        for (j = 0; j < n; j++) {
            /* f_j(x) = a_j0 + a_j1 * x */
            tsr_scalar_mul(&f, &a[2 * j + 1], &x);
            tsr_scalar_add(&f, &f, &a[2 * j]);
            tsr_scalar_add(&acc, &acc, &f);
            if (j == i) {
                continue;
            }
            snprintf(key, sizeof key, "%lu", (unsigned long)(j + 1));
            tsr_cli_vck_scalar(ck, &ss, v, key, &f);
        }
        if (tsr_frost_keypkg_set(ctx, &pkg, suite, (uint32_t)(i + 1), &acc, NULL, &group) != TSR_OK ||
            (suite == TSR_SUITE_SECP256K1_TR && tsr_frost_keypkg_tweak(ctx, &pkg, NULL) != TSR_OK)) {
            tsr_cli_vck_result(ck, 0, &ps, "signing_share", "cannot build the key package");
        } else {
            tsr_cli_vck_scalar(ck, &ps, party, "signing_share", &pkg.share);
            tsr_cli_vck_point(ck, ctx, &ps, party, "verifying_share", &pkg.verifying_share);
        }
        tsr_frost_keypkg_clear(&pkg);
        tsr_scalar_clear(&acc);
        tsr_scalar_clear(&f);
    }
out:
    if (a != NULL) {
        tsr_memzero(a, 2 * n * sizeof *a);
        free(a);
    }
    return rc;
}

static void tsr_cli_vrun_clear(tsr_cli_vrun *r) {
    size_t i;
    free(r->msg);
    for (i = 0; i < TSR_MAX_PARTIES; i++) {
        tsr_frost_keypkg_clear(&r->pkg[i]);
        tsr_frost_nonce_clear(&r->nonce[i]);
    }
    tsr_memzero(r, sizeof *r);
}

static int tsr_cli_vectors_check(int argc, char **argv) {
    const char *suite_s = NULL;
    int verbose = 0;
    const char *files[TSR_CLI_MAX_LIST];
    size_t nfiles = 0, f, total_p = 0, total_f = 0, checked = 0;
    const tsr_cli_opt opts[] = {
        {"--suite", TSR_CLI_OPT_VALUE, &suite_s, NULL, NULL, NULL},
        {"--verbose", TSR_CLI_OPT_FLAG, NULL, &verbose, NULL, NULL},
        {NULL, TSR_CLI_OPT_FLAG, NULL, NULL, NULL, NULL}};
    tsr_cli_suite_opt so;
    tsr_context *ctx = NULL;
    tsr_cli_vrun *r = NULL;
    int rc, worst = TSR_CLI_OK;

    rc = tsr_cli_parse(argc, argv, opts, files, &nfiles, TSR_CLI_MAX_LIST);
    if (rc == TSR_CLI_HELP) {
        fputs(tsr_cli_vectors_usage, stdout);
        return TSR_CLI_OK;
    }
    if (rc != TSR_CLI_OK || (rc = tsr_cli_suite_opt_parse(&so, suite_s)) != TSR_CLI_OK) {
        return rc;
    }
    if (nfiles == 0) {
        tsr_cli_err("no vector file given (see --help)");
        return TSR_CLI_USAGE;
    }
    r = calloc(1, sizeof *r);
    if (r == NULL || (ctx = tsr_cli_context()) == NULL) {
        free(r);
        return TSR_CLI_INTERNAL;
    }
    for (f = 0; f < nfiles; f++) {
        tsr_cli_vck ck;
        json_t *root = tsr_cli_json_load(files[f]);
        ck.file = files[f];
        ck.verbose = verbose;
        ck.passed = 0;
        ck.failed = 0;
        if (root == NULL) {
            worst = TSR_CLI_USAGE;
            total_f++;
            continue;
        }
        if (json_is_object(root) && json_object_get(root, "cases") != NULL &&
            json_object_get(root, "round_one_outputs") == NULL) {
            printf("%s: skipped (a Tessera invalid-case file, not an RFC 9591-shaped signing vector)\n", files[f]);
            json_decref(root);
            continue;
        }
        checked++;
        if (json_is_object(root) && json_object_get(root, "round_one_outputs") == NULL &&
            json_is_object(json_object_get(root, "inputs")) &&
            json_object_get(json_object_get(root, "inputs"), "verifying_key") != NULL) {
            rc = tsr_cli_vectors_dkg_file(ctx, &ck, root, &so);
        } else {
            rc = tsr_cli_vectors_file(ctx, &ck, r, root, &so);
        }
        tsr_cli_vrun_clear(r);
        json_decref(root);
        if (rc != TSR_CLI_OK) {
            worst = rc;
            ck.failed++;
            printf("%s: malformed, not fully checked\n", files[f]);
        }
        printf("%s: %lu passed, %lu failed\n", files[f], (unsigned long)ck.passed, (unsigned long)ck.failed);
        total_p += ck.passed;
        total_f += ck.failed;
    }
    printf("%lu passed, %lu failed\n", (unsigned long)total_p, (unsigned long)total_f);
    free(r);
    tsr_context_destroy(ctx);
    if (worst != TSR_CLI_OK) {
        return worst;
    }
    if (checked == 0) {
        tsr_cli_err("no RFC 9591-shaped file among the arguments");
        return TSR_CLI_USAGE;
    }
    return total_f == 0 ? TSR_CLI_OK : TSR_CLI_FAIL;
}

int tsr_cli_vectors_main(int argc, char **argv) {
    tsr_cli_prog = "tessera vectors";
    if (argc < 1 || strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0 || strcmp(argv[0], "help") == 0) {
        fputs(tsr_cli_vectors_usage, argc < 1 ? stderr : stdout);
        return argc < 1 ? TSR_CLI_USAGE : TSR_CLI_OK;
    }
    if (strcmp(argv[0], "check") == 0) {
        tsr_cli_prog = "tessera vectors check";
        return tsr_cli_vectors_check(argc - 1, argv + 1);
    }
    tsr_cli_err("unknown subcommand '%s' (try 'tessera vectors --help')", argv[0]);
    return TSR_CLI_USAGE;
}
