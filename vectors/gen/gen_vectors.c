/* Generates the published vectors through libtessera's public API only, from fixed labels, with a
 * deterministic JSON writer (`make vectors`): vectors/sharing here, vectors/frost (gv_frost.c) and
 * vectors/dkg (gv_dkg.c).
 *
 * Every "random" input is derived from a fixed ASCII label:
 *   bytes(label, len) = expand_message_xmd(msg = label, DST = GV_DST, len)   (RFC 9380 §5.3.1)
 *   scalar(label)     = hash_to_field(msg = label, DST = GV_DST, count = 1)  (RFC 9380 §5.2, L = 48)
 * An empty byte string (len 0) is the empty string; expand_message_xmd is not called for it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gv.h"

#define GV_MAX_T 16   /* largest threshold used by the published sharing cases */
#define GV_MAX_N 300  /* largest id list used (one case exceeds TSR_MAX_PARTIES on purpose) */
#define GV_COMMIT_BYTES (2 + 33 * GV_MAX_T + 8)

/* ---- a dealing: the inputs and every intermediate value -------------------------------------- */

typedef struct {
    char prefix[GV_LABEL];
    size_t t, n;
    int hashed_ids;
    tsr_scalar secret, blind_secret;
    uint8_t rand[64 * GV_MAX_T], blind_rand[64 * GV_MAX_T];
    size_t randlen;
    tsr_scalar ids[GV_MAX_T];
    tsr_poly f, r;
    tsr_scalar shares[GV_MAX_T], blinds[GV_MAX_T];
    tsr_vss_commitment fc, pc;
    uint8_t fenc[GV_COMMIT_BYTES], penc[GV_COMMIT_BYTES];
    size_t fenclen, penclen;
} gv_dealing;

static void gv_deal(gv_dealing *d, const char *prefix, size_t t, size_t n, int hashed_ids) {
    char label[GV_LABEL];
    tsr_check reason = TSR_CHECK__COUNT;
    tsr_scalar tmp;
    tsr_point img, ev;

    GV_REQUIRE(t >= 1 && t <= n && n <= GV_MAX_T);
    memset(d, 0, sizeof *d);
    GV_REQUIRE(strlen(prefix) < GV_LABEL);
    memcpy(d->prefix, prefix, strlen(prefix) + 1);
    d->t = t;
    d->n = n;
    d->hashed_ids = hashed_ids;
    d->randlen = 64 * (t - 1);

    gv_label(label, prefix, "secret");
    gv_scalar_from_label(&d->secret, label);
    gv_label(label, prefix, "rand");
    gv_bytes_from_label(d->rand, d->randlen, label);
    gv_label(label, prefix, "blind-secret");
    gv_scalar_from_label(&d->blind_secret, label);
    gv_label(label, prefix, "blind-rand");
    gv_bytes_from_label(d->blind_rand, d->randlen, label);
    for (size_t i = 0; i < n; i++) {
        if (hashed_ids) {
            gv_label_i(label, prefix, "id", i + 1);
            gv_scalar_from_label(&d->ids[i], label);
        } else {
            gv_scalar_small(&d->ids[i], (uint32_t)(i + 1));
        }
    }
    GV_REQUIRE(tsr_ids_check(d->ids, n, &reason) == TSR_OK && reason == TSR_CHECK_NONE);

    GV_REQUIRE(tsr_poly_init(&d->f, &d->secret, t, d->rand, d->randlen) == TSR_OK);
    GV_REQUIRE(tsr_poly_init(&d->r, &d->blind_secret, t, d->blind_rand, d->randlen) == TSR_OK);
    GV_REQUIRE(tsr_shamir_split(d->shares, d->ids, n, &d->f, &reason) == TSR_OK);
    GV_REQUIRE(tsr_shamir_split(d->blinds, d->ids, n, &d->r, &reason) == TSR_OK);
    GV_REQUIRE(tsr_feldman_commit(gv_ctx, &d->fc, &d->f) == TSR_OK && d->fc.t == t);
    GV_REQUIRE(tsr_pedersen_commit(gv_ctx, &d->pc, &d->f, &d->r) == TSR_OK && d->pc.t == t);
    GV_REQUIRE(tsr_vss_commitment_encode(gv_ctx, d->fenc, sizeof d->fenc, &d->fenclen, &d->fc) == TSR_OK);
    GV_REQUIRE(tsr_vss_commitment_encode(gv_ctx, d->penc, sizeof d->penc, &d->penclen, &d->pc) == TSR_OK);
    GV_REQUIRE(d->fenclen == 2 + 33 * t && d->penclen == 2 + 33 * t);

    /* Cross-checks through other entry points: every share verifies, its image is the
     * commitment evaluated at its id, and f(x) is consistent with poly_eval. */
    for (size_t i = 0; i < n; i++) {
        GV_REQUIRE(tsr_feldman_verify(gv_ctx, &d->fc, &d->ids[i], &d->shares[i], &reason) == TSR_OK);
        GV_REQUIRE(reason == TSR_CHECK_NONE);
        GV_REQUIRE(tsr_pedersen_verify(gv_ctx, &d->pc, &d->ids[i], &d->shares[i], &d->blinds[i], &reason) == TSR_OK);
        GV_REQUIRE(tsr_point_base_mul(gv_ctx, &img, &d->shares[i]) == TSR_OK);
        GV_REQUIRE(tsr_vss_eval_var(gv_ctx, &ev, &d->fc, &d->ids[i]) == TSR_OK);
        GV_REQUIRE(tsr_point_eq(gv_ctx, &img, &ev) == 1);
        tsr_poly_eval(&tmp, &d->f, &d->ids[i]);
        GV_REQUIRE(tsr_scalar_eq_mask(&tmp, &d->shares[i]) == 0xffffffffu);
    }
    /* Any t shares reconstruct the secret: the first t and the last t. */
    GV_REQUIRE(tsr_shamir_reconstruct(&tmp, d->ids, d->shares, t, &reason) == TSR_OK);
    GV_REQUIRE(tsr_scalar_eq_mask(&tmp, &d->secret) == 0xffffffffu);
    GV_REQUIRE(tsr_shamir_reconstruct(&tmp, d->ids + (n - t), d->shares + (n - t), t, &reason) == TSR_OK);
    GV_REQUIRE(tsr_scalar_eq_mask(&tmp, &d->secret) == 0xffffffffu);
}

/* Writes the labels of a dealing. */
static void gv_dealing_labels(gv_json *w, const gv_dealing *d, int with_blind) {
    char label[GV_LABEL];
    gv_obj(w, "labels");
    gv_label(label, d->prefix, "secret");
    gv_str(w, "secret", label);
    gv_label(label, d->prefix, "rand");
    gv_str(w, "rand", label);
    if (d->hashed_ids) {
        gv_arr(w, "ids");
        for (size_t i = 0; i < d->n; i++) {
            gv_label_i(label, d->prefix, "id", i + 1);
            gv_str(w, NULL, label);
        }
        gv_end_arr(w);
    } else {
        gv_null(w, "ids");
    }
    if (with_blind) {
        gv_label(label, d->prefix, "blind-secret");
        gv_str(w, "blind_secret", label);
        gv_label(label, d->prefix, "blind-rand");
        gv_str(w, "blind_rand", label);
    }
    gv_end_obj(w);
}

static void gv_scalar_list(gv_json *w, const char *key, const tsr_scalar *a, size_t n) {
    gv_arr(w, key);
    for (size_t i = 0; i < n; i++) {
        gv_scalar(w, NULL, &a[i]);
    }
    gv_end_arr(w);
}

static void gv_point_list(gv_json *w, const char *key, const tsr_vss_commitment *c) {
    gv_arr(w, key);
    for (size_t i = 0; i < c->t; i++) {
        gv_point(w, NULL, &c->c[i]);
    }
    gv_end_arr(w);
}

/* ---- split.json ------------------------------------------------------------------------------- */

static gv_dealing gv_d, gv_d2;

static void gv_split_valid(gv_json *w, size_t t, size_t n, int hashed_ids) {
    char name[GV_LABEL], prefix[GV_LABEL];
    tsr_point img, h;
    tsr_scalar rec;
    tsr_check reason;
    gv_dealing *d = &gv_d;

    int k = snprintf(prefix, sizeof prefix, "split/%lu-of-%lu", (unsigned long)t, (unsigned long)n);
    GV_REQUIRE(k > 0 && (size_t)k < sizeof prefix);
    gv_deal(d, prefix, t, n, hashed_ids);
    k = snprintf(name, sizeof name, "split-%lu-of-%lu", (unsigned long)t, (unsigned long)n);
    GV_REQUIRE(k > 0 && (size_t)k < sizeof name);

    gv_case(w, name, 1);
    gv_size(w, "t", t);
    gv_size(w, "n", n);
    gv_dealing_labels(w, d, 1);
    gv_scalar(w, "secret", &d->secret);
    gv_scalar_list(w, "ids", d->ids, n);
    gv_hex(w, "rand", d->rand, d->randlen);
    gv_scalar_list(w, "coefficients", d->f.a, t);
    gv_arr(w, "shares");
    for (size_t i = 0; i < n; i++) {
        uint8_t enc[TSR_SHARE_BYTES];
        gv_obj(w, NULL);
        gv_scalar(w, "id", &d->ids[i]);
        gv_scalar(w, "value", &d->shares[i]);
        tsr_share_encode(enc, &d->ids[i], &d->shares[i]);
        gv_hex(w, "encoding", enc, sizeof enc);
        GV_REQUIRE(tsr_point_base_mul(gv_ctx, &img, &d->shares[i]) == TSR_OK);
        gv_point(w, "public_image", &img);
        gv_end_obj(w);
    }
    gv_end_arr(w);
    GV_REQUIRE(tsr_shamir_reconstruct(&rec, d->ids, d->shares, t, &reason) == TSR_OK);
    gv_obj(w, "reconstruct");
    gv_str(w, "from", "the first t shares");
    gv_scalar(w, "secret", &rec);
    gv_end_obj(w);
    gv_obj(w, "feldman");
    gv_point_list(w, "commitments", &d->fc);
    gv_hex(w, "encoding", d->fenc, d->fenclen);
    gv_end_obj(w);
    gv_obj(w, "pedersen");
    GV_REQUIRE(tsr_pedersen_generator(gv_ctx, &h) == TSR_OK);
    gv_point(w, "generator_h", &h);
    gv_scalar(w, "blind_secret", &d->blind_secret);
    gv_hex(w, "blind_rand", d->blind_rand, d->randlen);
    gv_scalar_list(w, "blind_coefficients", d->r.a, t);
    gv_scalar_list(w, "blind_shares", d->blinds, n);
    gv_point_list(w, "commitments", &d->pc);
    gv_hex(w, "encoding", d->penc, d->penclen);
    gv_end_obj(w);
    gv_end_obj(w);
}

/* An invalid split: the inputs, the function that refuses, and the expected outcome. */
static void gv_split_invalid(gv_json *w, const char *name, size_t t, const tsr_scalar *ids, size_t n,
                             size_t randlen, const char *function, int err, tsr_check check,
                             const char *why) {
    static uint8_t rand[64 * TSR_MAX_PARTIES];
    static tsr_scalar shares[GV_MAX_N];
    static tsr_poly p;
    char prefix[GV_LABEL], label[GV_LABEL];
    tsr_scalar secret;
    tsr_check reason = TSR_CHECK__COUNT;
    int rc;

    GV_REQUIRE(randlen <= sizeof rand && n <= GV_MAX_N);
    int k = snprintf(prefix, sizeof prefix, "split-invalid/%s", name);
    GV_REQUIRE(k > 0 && (size_t)k < sizeof prefix);
    gv_label(label, prefix, "secret");
    gv_scalar_from_label(&secret, label);
    gv_label(label, prefix, "rand");
    /* expand_message_xmd stops at 8160 bytes: a longer rand is all zero (labels.rand is null). */
    memset(rand, 0, sizeof rand);
    if (randlen <= 8160) {
        gv_bytes_from_label(rand, randlen, label);
    }

    rc = tsr_poly_init(&p, &secret, t, rand, randlen);
    if (strcmp(function, "tsr_poly_init") == 0) {
        /* tsr_poly_init has no reason output: the check named is the one the spec assigns. */
        GV_REQUIRE(rc == err);
        GV_REQUIRE(p.t == 0);
    } else {
        GV_REQUIRE(strcmp(function, "tsr_shamir_split") == 0);
        if (t == 0) {
            /* A polynomial with t = 0 cannot come out of tsr_poly_init: build it by hand. */
            GV_REQUIRE(rc == TSR_ERR_ARG);
            memset(&p, 0, sizeof p);
        } else {
            GV_REQUIRE(rc == TSR_OK);
        }
        rc = tsr_shamir_split(shares, ids, n, &p, &reason);
        GV_REQUIRE(rc == err && reason == check);
    }

    gv_case(w, name, 0);
    gv_size(w, "t", t);
    gv_size(w, "n", n);
    gv_obj(w, "labels");
    gv_label(label, prefix, "secret");
    gv_str(w, "secret", label);
    if (randlen <= 8160) {
        gv_label(label, prefix, "rand");
        gv_str(w, "rand", label);
    } else {
        gv_null(w, "rand");
    }
    gv_end_obj(w);
    gv_scalar(w, "secret", &secret);
    gv_scalar_list(w, "ids", ids, n);
    gv_hex(w, "rand", rand, randlen);
    gv_str(w, "function", function);
    gv_expect(w, err, check, why);
    gv_end_obj(w);
    tsr_poly_clear(&p);
}

static void gv_write_split(const char *dir) {
    static tsr_scalar ids[GV_MAX_N];
    gv_json w;
    gv_file_open(&w, dir, "split.json");
    gv_obj(&w, NULL);
    gv_str(&w, "description", "Shamir splitting with Feldman and Pedersen commitments. Valid cases: "
           "f(x) = secret + sum_{k=1}^{t-1} a_k x^k with a_k = reduce_be(rand[64(k-1) .. 64k]) mod n "
           "(tsr_poly_init), shares f(id) (tsr_shamir_split), public_image = value*G, Feldman "
           "commitments a_k*G, Pedersen commitments a_k*G + b_k*H with the blinding polynomial b "
           "built the same way from blind_secret and blind_rand, commitment encoding u16be(t) || "
           "points, share encoding id || value. Invalid cases name the function that refuses them "
           "and the check (id, symbol, tsr_check_name) it reports.");
    gv_generator(&w, "vectors/gen/gen_vectors.c");
    gv_arr(&w, "cases");
    gv_split_valid(&w, 1, 1, 0);
    gv_split_valid(&w, 2, 3, 0);
    gv_split_valid(&w, 3, 5, 1);
    gv_split_valid(&w, 5, 7, 0);
    gv_split_valid(&w, 7, 10, 1);

    for (uint32_t i = 0; i < GV_MAX_N; i++) {
        gv_scalar_small(&ids[i], i + 1);
    }
    gv_split_invalid(&w, "t-zero", 0, ids, 3, 0, "tsr_poly_init", TSR_ERR_ARG, TSR_CHECK_THRESHOLD,
                     "t = 0: a polynomial needs at least one coefficient");
    gv_split_invalid(&w, "t-zero-split", 0, ids, 3, 0, "tsr_shamir_split", TSR_ERR_ARG,
                     TSR_CHECK_THRESHOLD, "t = 0 (a hand-built polynomial with no coefficient) is not in 1..n");
    gv_split_invalid(&w, "t-over-n", 4, ids, 3, 64 * 3, "tsr_shamir_split", TSR_ERR_ARG,
                     TSR_CHECK_THRESHOLD, "t = 4 > n = 3");
    gv_split_invalid(&w, "t-over-max", TSR_MAX_PARTIES + 1, ids, 3, 64 * TSR_MAX_PARTIES, "tsr_poly_init",
                     TSR_ERR_ARG, TSR_CHECK_THRESHOLD,
                     "t = 257 > TSR_MAX_PARTIES (randlen = 64 * (t - 1) matches, so only t is wrong)");
    gv_split_invalid(&w, "n-over-max", 1, ids, TSR_MAX_PARTIES + 1, 0, "tsr_shamir_split", TSR_ERR_ARG,
                     TSR_CHECK_COUNT, "n = 257 ids > TSR_MAX_PARTIES");
    gv_split_invalid(&w, "randlen-short", 2, ids, 3, 63, "tsr_poly_init", TSR_ERR_ARG, TSR_CHECK_LENGTH,
                     "t = 2 needs randlen = 64 * (t - 1) = 64, got 63");
    gv_split_invalid(&w, "randlen-long", 3, ids, 3, 192, "tsr_poly_init", TSR_ERR_ARG, TSR_CHECK_LENGTH,
                     "t = 3 needs randlen = 128, got 192");
    gv_split_invalid(&w, "randlen-t1", 1, ids, 3, 64, "tsr_poly_init", TSR_ERR_ARG, TSR_CHECK_LENGTH,
                     "t = 1 needs randlen = 0, got 64");
    gv_scalar_small(&ids[1], 0);
    gv_split_invalid(&w, "id-zero", 2, ids, 3, 64, "tsr_shamir_split", TSR_ERR_ARG, TSR_CHECK_ID_ZERO,
                     "ids[1] = 0: f(0) is the secret itself");
    gv_scalar_small(&ids[1], 2);
    gv_scalar_small(&ids[2], 1);
    gv_split_invalid(&w, "id-duplicate", 2, ids, 3, 64, "tsr_shamir_split", TSR_ERR_ARG,
                     TSR_CHECK_ID_DUPLICATE, "ids[0] = ids[2] = 1");
    gv_scalar_small(&ids[2], 3);
    gv_end_arr(&w);
    gv_end_obj(&w);
    gv_file_close(&w, dir, "split.json");
}

/* ---- lagrange.json ---------------------------------------------------------------------------- */

/* One id set: polynomial of degree k-1 from labels, shares at the ids, coefficients at 0 and at x,
 * interpolated values at 0 and at x. */
static void gv_lagrange_valid(gv_json *w, const char *name, const tsr_scalar *ids, size_t k,
                              const char *id_label_prefix, const tsr_scalar *x, const char *x_label) {
    static uint8_t rand[64 * GV_MAX_T];
    static tsr_poly f;
    char prefix[GV_LABEL], label[GV_LABEL];
    tsr_scalar secret, shares[GV_MAX_T], l0[GV_MAX_T], lx[GV_MAX_T], v0, vx, fx, sum0, sumx;
    tsr_check reason = TSR_CHECK__COUNT;

    GV_REQUIRE(k >= 1 && k <= GV_MAX_T);
    int c = snprintf(prefix, sizeof prefix, "lagrange/%s", name);
    GV_REQUIRE(c > 0 && (size_t)c < sizeof prefix);
    gv_label(label, prefix, "secret");
    gv_scalar_from_label(&secret, label);
    gv_label(label, prefix, "rand");
    gv_bytes_from_label(rand, 64 * (k - 1), label);
    GV_REQUIRE(tsr_poly_init(&f, &secret, k, rand, 64 * (k - 1)) == TSR_OK);
    GV_REQUIRE(tsr_shamir_split(shares, ids, k, &f, &reason) == TSR_OK);
    gv_scalar_small(&sum0, 0);
    gv_scalar_small(&sumx, 0);
    for (size_t i = 0; i < k; i++) {
        GV_REQUIRE(tsr_lagrange_coeff(&l0[i], ids, k, i, NULL, &reason) == TSR_OK);
        GV_REQUIRE(reason == TSR_CHECK_NONE);
        GV_REQUIRE(tsr_lagrange_coeff(&lx[i], ids, k, i, x, &reason) == TSR_OK);
        tsr_scalar_add(&sum0, &sum0, &l0[i]);
        tsr_scalar_add(&sumx, &sumx, &lx[i]);
    }
    GV_REQUIRE(tsr_shamir_reconstruct(&v0, ids, shares, k, &reason) == TSR_OK);
    GV_REQUIRE(tsr_shamir_interpolate(&vx, ids, shares, k, x, &reason) == TSR_OK);
    GV_REQUIRE(tsr_scalar_eq_mask(&v0, &secret) == 0xffffffffu);
    tsr_poly_eval(&fx, &f, x);
    GV_REQUIRE(tsr_scalar_eq_mask(&vx, &fx) == 0xffffffffu);
    /* The coefficients of a partition of unity sum to 1 (at any x). */
    gv_scalar_small(&fx, 1);
    GV_REQUIRE(tsr_scalar_eq_mask(&sum0, &fx) == 0xffffffffu);
    GV_REQUIRE(tsr_scalar_eq_mask(&sumx, &fx) == 0xffffffffu);

    gv_case(w, name, 1);
    gv_size(w, "k", k);
    gv_obj(w, "labels");
    gv_label(label, prefix, "secret");
    gv_str(w, "secret", label);
    gv_label(label, prefix, "rand");
    gv_str(w, "rand", label);
    if (id_label_prefix != NULL) {
        gv_arr(w, "ids");
        for (size_t i = 0; i < k; i++) {
            gv_label_i(label, id_label_prefix, "id", i + 1);
            gv_str(w, NULL, label);
        }
        gv_end_arr(w);
    } else {
        gv_null(w, "ids");
    }
    if (x_label != NULL) {
        gv_str(w, "x", x_label);
    } else {
        gv_null(w, "x");
    }
    gv_end_obj(w);
    gv_scalar_list(w, "ids", ids, k);
    gv_scalar(w, "x", x);
    gv_scalar_list(w, "polynomial", f.a, k);
    gv_scalar_list(w, "shares", shares, k);
    gv_scalar_list(w, "coefficients_at_zero", l0, k);
    gv_scalar_list(w, "coefficients_at_x", lx, k);
    gv_scalar(w, "value_at_zero", &v0);
    gv_scalar(w, "value_at_x", &vx);
    gv_end_obj(w);
    tsr_poly_clear(&f);
}

static void gv_lagrange_invalid(gv_json *w, const char *name, const tsr_scalar *ids, size_t k,
                                size_t i, tsr_check check, const char *why) {
    tsr_scalar out;
    tsr_check reason = TSR_CHECK__COUNT;
    int rc = tsr_lagrange_coeff(&out, ids, k, i, NULL, &reason);
    GV_REQUIRE(rc == TSR_ERR_ARG && reason == check);
    gv_case(w, name, 0);
    gv_size(w, "k", k);
    gv_size(w, "i", i);
    gv_scalar_list(w, "ids", ids, k);
    gv_null(w, "x");
    gv_str(w, "function", "tsr_lagrange_coeff");
    gv_expect(w, TSR_ERR_ARG, check, why);
    gv_end_obj(w);
}

static void gv_write_lagrange(const char *dir) {
    tsr_scalar ids[GV_MAX_T], x;
    uint8_t b[32];
    char label[GV_LABEL];
    gv_json w;

    gv_file_open(&w, dir, "lagrange.json");
    gv_obj(&w, NULL);
    gv_str(&w, "description", "Lagrange coefficients lambda_i(x) = prod_{j != i} (x - ids[j]) / "
           "(ids[i] - ids[j]) mod n over an id set (tsr_lagrange_coeff, at x = 0 and at x), and the "
           "interpolated values sum_i lambda_i(x) shares[i] (tsr_shamir_reconstruct at 0, "
           "tsr_shamir_interpolate at x). shares are f(ids) for the polynomial of degree k - 1 "
           "built by tsr_poly_init from the labels (coefficient rule as in split.json), so "
           "value_at_zero = polynomial[0] and value_at_x = f(x). Invalid cases: i is the index "
           "passed, x is null (0).");
    gv_generator(&w, "vectors/gen/gen_vectors.c");
    gv_arr(&w, "cases");

    for (uint32_t i = 0; i < 3; i++) {
        gv_scalar_small(&ids[i], i + 1);
    }
    gv_scalar_small(&x, 4);
    gv_lagrange_valid(&w, "ids-1-2-3-x-4", ids, 3, NULL, &x, NULL);
    gv_scalar_small(&ids[0], 1);
    gv_scalar_small(&ids[1], 3);
    gv_scalar_small(&ids[2], 5);
    gv_scalar_small(&ids[3], 7);
    gv_scalar_small(&x, 2);
    gv_lagrange_valid(&w, "ids-1-3-5-7-x-2", ids, 4, NULL, &x, NULL);
    gv_scalar_small(&ids[0], 9);
    gv_scalar_small(&x, 9);
    gv_lagrange_valid(&w, "single-id-9-x-9", ids, 1, NULL, &x, NULL);
    /* n - 1 = -1: differences wrap around the modulus. */
    gv_hex_decode(b, 32, gv_n_hex);
    b[31] = (uint8_t)(b[31] - 1);
    GV_REQUIRE(tsr_scalar_decode(&ids[0], b) == TSR_OK);
    gv_scalar_small(&ids[1], 1);
    gv_scalar_small(&ids[2], 2);
    b[31] = (uint8_t)(b[31] - 1);
    GV_REQUIRE(tsr_scalar_decode(&x, b) == TSR_OK); /* x = n - 2 */
    gv_lagrange_valid(&w, "ids-nminus1-1-2-x-nminus2", ids, 3, NULL, &x, NULL);
    /* x equal to one of the ids: the coefficients are the unit vector. */
    gv_scalar_small(&x, 1);
    gv_lagrange_valid(&w, "ids-nminus1-1-2-x-1", ids, 3, NULL, &x, NULL);
    for (size_t i = 0; i < 5; i++) {
        gv_label_i(label, "lagrange/hashed-5", "id", i + 1);
        gv_scalar_from_label(&ids[i], label);
    }
    gv_scalar_from_label(&x, "lagrange/hashed-5/x");
    gv_lagrange_valid(&w, "hashed-5", ids, 5, "lagrange/hashed-5", &x, "lagrange/hashed-5/x");
    for (uint32_t i = 0; i < 7; i++) {
        gv_scalar_small(&ids[i], 10 - i); /* 10, 9, ..., 4: not sorted */
    }
    gv_scalar_from_label(&x, "lagrange/ids-10-to-4/x");
    gv_lagrange_valid(&w, "ids-10-to-4", ids, 7, NULL, &x, "lagrange/ids-10-to-4/x");

    for (uint32_t i = 0; i < 3; i++) {
        gv_scalar_small(&ids[i], i + 1);
    }
    gv_scalar_small(&ids[1], 0);
    gv_lagrange_invalid(&w, "id-zero", ids, 3, 0, TSR_CHECK_ID_ZERO, "ids[1] = 0");
    gv_scalar_small(&ids[1], 3);
    gv_lagrange_invalid(&w, "id-duplicate", ids, 3, 0, TSR_CHECK_ID_DUPLICATE, "ids[1] = ids[2] = 3");
    gv_scalar_small(&ids[1], 2);
    gv_lagrange_invalid(&w, "index-equals-k", ids, 3, 3, TSR_CHECK_ID_UNKNOWN, "i = 3 >= k = 3");
    gv_lagrange_invalid(&w, "index-over-k", ids, 3, 7, TSR_CHECK_ID_UNKNOWN, "i = 7 >= k = 3");
    gv_lagrange_invalid(&w, "empty-set", ids, 0, 0, TSR_CHECK_COUNT, "k = 0 ids");
    gv_end_arr(&w);
    gv_end_obj(&w);
    gv_file_close(&w, dir, "lagrange.json");
}

/* ---- feldman_verify.json and pedersen_verify.json --------------------------------------------- */

/* Off-curve and out-of-range x coordinates, found by the decoder itself (public facts). */
static uint8_t gv_x_off_curve[32];     /* smallest x with x^3 + 7 not a square mod p */
static uint8_t gv_x_small_valid[32];   /* smallest x > 0 on the curve */
static uint8_t gv_x_p_plus_valid[32];  /* p + that x (< 2^256): on the curve if reduced mod p */

static void gv_find_x(void) {
    uint8_t enc[33];
    tsr_point q;
    tsr_check reason;
    int found_off = 0, found_on = 0;
    for (unsigned x = 1; x < 1000 && !(found_off && found_on); x++) {
        memset(enc, 0, sizeof enc);
        enc[0] = 2;
        enc[31] = (uint8_t)(x >> 8);
        enc[32] = (uint8_t)x;
        int rc = tsr_point_decode(gv_ctx, &q, enc, 33, 0, &reason);
        if (rc == TSR_OK && !found_on) {
            memcpy(gv_x_small_valid, enc + 1, 32);
            found_on = 1;
        } else if (rc != TSR_OK && !found_off) {
            GV_REQUIRE(rc == TSR_ERR_ENCODING && reason == TSR_CHECK_POINT_NOT_ON_CURVE);
            memcpy(gv_x_off_curve, enc + 1, 32);
            found_off = 1;
        }
    }
    GV_REQUIRE(found_off && found_on);
    gv_hex_decode(gv_x_p_plus_valid, 32, gv_p_hex);
    gv_be_add_small(gv_x_p_plus_valid, ((unsigned)gv_x_small_valid[30] << 8) | gv_x_small_valid[31]);
    GV_REQUIRE(gv_x_p_plus_valid[0] == 0xff);
}

typedef enum { GV_FELDMAN, GV_PEDERSEN } gv_vss_kind;

/* One verification case. enc/enclen is the commitment encoding handed to the decoder with
 * expected_t; if it decodes, the share is verified against it. */
static void gv_vss_case(gv_json *w, gv_vss_kind kind, const char *name, const uint8_t *enc, size_t enclen,
                        size_t expected_t, const tsr_scalar *id, const tsr_scalar *share,
                        const tsr_scalar *blind, int err, tsr_check check, const char *why) {
    static tsr_vss_commitment c;
    tsr_check reason = TSR_CHECK__COUNT;
    tsr_point img, ev, hb;
    const char *stage = "decode";
    int rc = tsr_vss_commitment_decode(gv_ctx, &c, enc, enclen, expected_t, &reason);
    int decoded = rc == TSR_OK;
    if (decoded) {
        GV_REQUIRE(reason == TSR_CHECK_NONE);
        stage = "verify";
        if (kind == GV_FELDMAN) {
            rc = tsr_feldman_verify(gv_ctx, &c, id, share, &reason);
        } else {
            rc = tsr_pedersen_verify(gv_ctx, &c, id, share, blind, &reason);
        }
    }
    GV_REQUIRE(rc == err);
    GV_REQUIRE(err == TSR_OK ? reason == TSR_CHECK_NONE : reason == check);

    gv_case(w, name, err == TSR_OK);
    gv_size(w, "t", expected_t);
    gv_hex(w, "commitment", enc, enclen);
    gv_scalar(w, "id", id);
    gv_scalar(w, "share", share);
    if (kind == GV_PEDERSEN) {
        gv_scalar(w, "blind", blind);
    }
    if (decoded) {
        /* Intermediate values: both sides of the verification equation. */
        GV_REQUIRE(tsr_point_base_mul(gv_ctx, &img, share) == TSR_OK);
        gv_point(w, "public_image", &img);
        if (kind == GV_PEDERSEN) {
            tsr_point h;
            GV_REQUIRE(tsr_pedersen_generator(gv_ctx, &h) == TSR_OK);
            GV_REQUIRE(tsr_point_mul_var(gv_ctx, &hb, &h, blind) == TSR_OK);
            gv_point(w, "blind_image", &hb);
            GV_REQUIRE(tsr_point_add(gv_ctx, &img, &img, &hb) == TSR_OK);
            gv_point(w, "lhs", &img);
        }
        if (tsr_scalar_is_zero_mask(id) == 0) {
            GV_REQUIRE(tsr_vss_eval_var(gv_ctx, &ev, &c, id) == TSR_OK);
            gv_point(w, "commitment_eval", &ev);
            GV_REQUIRE(tsr_point_eq(gv_ctx, &img, &ev) == (err == TSR_OK));
        } else {
            gv_null(w, "commitment_eval");
        }
    }
    gv_str(w, "stage", stage);
    if (err != TSR_OK) {
        gv_expect(w, err, check, why);
    }
    gv_end_obj(w);
}

/* Re-encodes a commitment after replacing point k by q (identity allowed: 33 zero bytes). */
static size_t gv_replace_point(uint8_t *out, const uint8_t *enc, size_t enclen, size_t k, const uint8_t q[33]) {
    GV_REQUIRE(enclen <= GV_COMMIT_BYTES && 2 + 33 * (k + 1) <= enclen);
    memcpy(out, enc, enclen);
    memcpy(out + 2 + 33 * k, q, 33);
    return enclen;
}

static void gv_vss_file(const char *dir, gv_vss_kind kind) {
    static uint8_t enc[GV_COMMIT_BYTES + 40];
    const char *file = kind == GV_FELDMAN ? "feldman_verify.json" : "pedersen_verify.json";
    const char *pfx = kind == GV_FELDMAN ? "feldman" : "pedersen";
    const tsr_check vcheck = kind == GV_FELDMAN ? TSR_CHECK_FELDMAN : TSR_CHECK_PEDERSEN;
    char prefix[GV_LABEL], name[GV_LABEL];
    gv_dealing *d = &gv_d, *d2 = &gv_d2;
    tsr_scalar one, s, bl, id;
    tsr_vss_commitment c;
    tsr_point g, q;
    uint8_t pt[33];
    size_t len;
    gv_json w;
    int k;

    gv_file_open(&w, dir, file);
    gv_obj(&w, NULL);
    if (kind == GV_FELDMAN) {
        gv_str(&w, "description", "Feldman share verification: decode the commitment (u16be(t) || t "
               "compressed points, tsr_vss_commitment_decode with expected t), then check "
               "share*G == sum_k C[k] id^k (tsr_feldman_verify). public_image = share*G and "
               "commitment_eval = sum_k C[k] id^k are given whenever the commitment decodes. stage "
               "says which step refuses an invalid case. The dealings come from the labels "
               "'feldman/<t>-of-<n>/...' exactly as in split.json.");
    } else {
        gv_str(&w, "description", "Pedersen share verification: decode the commitment (as in "
               "feldman_verify.json), then check share*G + blind*H == sum_k C[k] id^k "
               "(tsr_pedersen_verify) with the generator H of decode.json. public_image = share*G, "
               "blind_image = blind*H, lhs = their sum and commitment_eval are given whenever the "
               "commitment decodes. The dealings come from the labels 'pedersen/<t>-of-<n>/...' "
               "exactly as in split.json (blind values from blind-secret and blind-rand).");
    }
    gv_generator(&w, "vectors/gen/gen_vectors.c");
    if (kind == GV_PEDERSEN) {
        tsr_point h;
        GV_REQUIRE(tsr_pedersen_generator(gv_ctx, &h) == TSR_OK);
        gv_point(&w, "generator_h", &h);
    }
    gv_arr(&w, "cases");

    /* Other dealings: every share of (1,1), one share of (5,7). */
    k = snprintf(prefix, sizeof prefix, "%s/1-of-1", pfx);
    GV_REQUIRE(k > 0 && (size_t)k < sizeof prefix);
    gv_deal(d, prefix, 1, 1, 0);
    gv_vss_case(&w, kind, "valid-1-of-1", kind == GV_FELDMAN ? d->fenc : d->penc, d->fenclen, 1,
                &d->ids[0], &d->shares[0], &d->blinds[0], TSR_OK, TSR_CHECK_NONE, NULL);
    k = snprintf(prefix, sizeof prefix, "%s/5-of-7", pfx);
    GV_REQUIRE(k > 0 && (size_t)k < sizeof prefix);
    gv_deal(d2, prefix, 5, 7, 1);
    gv_vss_case(&w, kind, "valid-5-of-7-share-6", kind == GV_FELDMAN ? d2->fenc : d2->penc, d2->fenclen, 5,
                &d2->ids[5], &d2->shares[5], &d2->blinds[5], TSR_OK, TSR_CHECK_NONE, NULL);

    /* The main dealing, (3,5) with ids 1..5: every share valid. */
    k = snprintf(prefix, sizeof prefix, "%s/3-of-5", pfx);
    GV_REQUIRE(k > 0 && (size_t)k < sizeof prefix);
    gv_deal(d, prefix, 3, 5, 0);
    const uint8_t *base = kind == GV_FELDMAN ? d->fenc : d->penc;
    const size_t baselen = kind == GV_FELDMAN ? d->fenclen : d->penclen;
    const tsr_vss_commitment *bc = kind == GV_FELDMAN ? &d->fc : &d->pc;
    for (size_t i = 0; i < 5; i++) {
        k = snprintf(name, sizeof name, "valid-3-of-5-share-%lu", (unsigned long)(i + 1));
        GV_REQUIRE(k > 0 && (size_t)k < sizeof name);
        gv_vss_case(&w, kind, name, base, baselen, 3, &d->ids[i], &d->shares[i], &d->blinds[i], TSR_OK,
                    TSR_CHECK_NONE, NULL);
    }

    /* Verification failures (the commitment decodes). */
    gv_scalar_small(&one, 1);
    tsr_scalar_add(&s, &d->shares[0], &one);
    gv_vss_case(&w, kind, "share-plus-one", base, baselen, 3, &d->ids[0], &s, &d->blinds[0],
                TSR_ERR_VERIFY, vcheck, "share + 1");
    tsr_scalar_sub(&s, &d->shares[0], &one);
    gv_vss_case(&w, kind, "share-minus-one", base, baselen, 3, &d->ids[0], &s, &d->blinds[0],
                TSR_ERR_VERIFY, vcheck, "share - 1");
    gv_vss_case(&w, kind, "wrong-id", base, baselen, 3, &d->ids[1], &d->shares[0], &d->blinds[0],
                TSR_ERR_VERIFY, vcheck, "the share of id 1 presented as the share of id 2");
    gv_vss_case(&w, kind, "other-dealing", base, baselen, 3, &d->ids[0], &d2->shares[0], &d2->blinds[0],
                TSR_ERR_VERIFY, vcheck, "a share (and blind) of another dealing");
    gv_scalar_small(&s, 0);
    gv_vss_case(&w, kind, "share-zero", base, baselen, 3, &d->ids[0], &s, &d->blinds[0],
                TSR_ERR_VERIFY, vcheck, "share = 0");
    if (kind == GV_PEDERSEN) {
        tsr_scalar_add(&bl, &d->blinds[0], &one);
        gv_vss_case(&w, kind, "blind-plus-one", base, baselen, 3, &d->ids[0], &d->shares[0], &bl,
                    TSR_ERR_VERIFY, vcheck, "blind + 1");
        gv_vss_case(&w, kind, "share-blind-swapped", base, baselen, 3, &d->ids[0], &d->blinds[0],
                    &d->shares[0], TSR_ERR_VERIFY, vcheck, "share and blind swapped");
        gv_scalar_small(&bl, 0);
        gv_vss_case(&w, kind, "blind-zero", base, baselen, 3, &d->ids[0], &d->shares[0], &bl,
                    TSR_ERR_VERIFY, vcheck, "blind = 0 (a Feldman-style share against a Pedersen commitment)");
        gv_vss_case(&w, kind, "feldman-commitment", d->fenc, d->fenclen, 3, &d->ids[0], &d->shares[0],
                    &d->blinds[0], TSR_ERR_VERIFY, vcheck, "the Feldman commitment of the same polynomial");
    }
    /* One coefficient changed: C[1] + G. */
    gv_scalar_small(&s, 1);
    GV_REQUIRE(tsr_point_base_mul(gv_ctx, &g, &s) == TSR_OK);
    GV_REQUIRE(tsr_point_add(gv_ctx, &q, &bc->c[1], &g) == TSR_OK);
    GV_REQUIRE(tsr_point_encode(gv_ctx, pt, &q) == TSR_OK);
    len = gv_replace_point(enc, base, baselen, 1, pt);
    gv_vss_case(&w, kind, "coefficient-1-plus-g", enc, len, 3, &d->ids[0], &d->shares[0], &d->blinds[0],
                TSR_ERR_VERIFY, vcheck, "commitment C[1] replaced by C[1] + G");
    /* Constant term changed: C[0] negated (same x, other prefix). */
    GV_REQUIRE(tsr_point_neg(gv_ctx, &q, &bc->c[0]) == TSR_OK);
    GV_REQUIRE(tsr_point_encode(gv_ctx, pt, &q) == TSR_OK);
    len = gv_replace_point(enc, base, baselen, 0, pt);
    gv_vss_case(&w, kind, "coefficient-0-negated", enc, len, 3, &d->ids[2], &d->shares[2], &d->blinds[2],
                TSR_ERR_VERIFY, vcheck, "commitment C[0] replaced by -C[0] (prefix byte flipped)");
    /* Two coefficients swapped. */
    memcpy(enc, base, baselen);
    memcpy(enc + 2, base + 2 + 33, 33);
    memcpy(enc + 2 + 33, base + 2, 33);
    gv_vss_case(&w, kind, "coefficients-0-1-swapped", enc, baselen, 3, &d->ids[3], &d->shares[3],
                &d->blinds[3], TSR_ERR_VERIFY, vcheck, "commitment C[0] and C[1] swapped");
    /* id zero: refused before any curve arithmetic. */
    gv_scalar_small(&id, 0);
    gv_vss_case(&w, kind, "id-zero", base, baselen, 3, &id, &d->shares[0], &d->blinds[0], TSR_ERR_ARG,
                TSR_CHECK_ID_ZERO, "id = 0");

    /* Decoding failures. */
    /* count t + 1 = 4 with four points (a well-formed commitment of another length). */
    c = *bc;
    c.t = 4;
    c.c[3] = g;
    GV_REQUIRE(tsr_vss_commitment_encode(gv_ctx, enc, sizeof enc, &len, &c) == TSR_OK && len == 2 + 33 * 4);
    gv_vss_case(&w, kind, "count-over-t", enc, len, 3, &d->ids[0], &d->shares[0], &d->blinds[0],
                TSR_ERR_ENCODING, TSR_CHECK_COMMITMENT_COUNT, "4 commitments where t = 3 is expected");
    c.t = 2;
    GV_REQUIRE(tsr_vss_commitment_encode(gv_ctx, enc, sizeof enc, &len, &c) == TSR_OK && len == 2 + 33 * 2);
    gv_vss_case(&w, kind, "count-under-t", enc, len, 3, &d->ids[0], &d->shares[0], &d->blinds[0],
                TSR_ERR_ENCODING, TSR_CHECK_COMMITMENT_COUNT, "2 commitments where t = 3 is expected");
    gv_vss_case(&w, kind, "expected-t-mismatch", base, baselen, 2, &d->ids[0], &d->shares[0], &d->blinds[0],
                TSR_ERR_ENCODING, TSR_CHECK_COMMITMENT_COUNT,
                "a well-formed 3-point commitment decoded with expected t = 2");
    memset(pt, 0, sizeof pt);
    len = gv_replace_point(enc, base, baselen, 1, pt);
    gv_vss_case(&w, kind, "identity-point", enc, len, 3, &d->ids[0], &d->shares[0], &d->blinds[0],
                TSR_ERR_RANGE, TSR_CHECK_POINT_IDENTITY, "C[1] is the identity (33 zero bytes)");
    pt[0] = 2;
    memcpy(pt + 1, gv_x_off_curve, 32);
    len = gv_replace_point(enc, base, baselen, 2, pt);
    gv_vss_case(&w, kind, "point-off-curve", enc, len, 3, &d->ids[0], &d->shares[0], &d->blinds[0],
                TSR_ERR_ENCODING, TSR_CHECK_POINT_NOT_ON_CURVE, "C[2] has an x with x^3 + 7 not a square mod p");
    gv_hex_decode(pt + 1, 32, gv_p_hex);
    len = gv_replace_point(enc, base, baselen, 1, pt);
    gv_vss_case(&w, kind, "point-x-equals-p", enc, len, 3, &d->ids[0], &d->shares[0], &d->blinds[0],
                TSR_ERR_ENCODING, TSR_CHECK_POINT_X_RANGE, "C[1] has x = p");
    memcpy(pt + 1, gv_x_p_plus_valid, 32);
    len = gv_replace_point(enc, base, baselen, 0, pt);
    gv_vss_case(&w, kind, "point-x-p-plus-valid", enc, len, 3, &d->ids[0], &d->shares[0], &d->blinds[0],
                TSR_ERR_ENCODING, TSR_CHECK_POINT_X_RANGE,
                "C[0] has x = p + x0 where x0 is on the curve (a decoder that reduces x mod p accepts it)");
    memcpy(enc, base, baselen);
    enc[2 + 33] = 0x04;
    gv_vss_case(&w, kind, "point-prefix-04", enc, baselen, 3, &d->ids[0], &d->shares[0], &d->blinds[0],
                TSR_ERR_ENCODING, TSR_CHECK_POINT_PREFIX, "C[1] prefix 04 (uncompressed marker)");
    memcpy(enc, base, baselen);
    enc[2] = 0x00;
    gv_vss_case(&w, kind, "point-prefix-00", enc, baselen, 3, &d->ids[0], &d->shares[0], &d->blinds[0],
                TSR_ERR_ENCODING, TSR_CHECK_POINT_PREFIX, "C[0] prefix 00 with a non-zero x");
    gv_vss_case(&w, kind, "truncated-last-byte", base, baselen - 1, 3, &d->ids[0], &d->shares[0],
                &d->blinds[0], TSR_ERR_ENCODING, TSR_CHECK_TRUNCATED, "the last byte is missing");
    gv_vss_case(&w, kind, "truncated-count", base, 1, 3, &d->ids[0], &d->shares[0], &d->blinds[0],
                TSR_ERR_ENCODING, TSR_CHECK_TRUNCATED, "one byte: the u16 count itself is cut");
    gv_vss_case(&w, kind, "empty", base, 0, 3, &d->ids[0], &d->shares[0], &d->blinds[0],
                TSR_ERR_ENCODING, TSR_CHECK_TRUNCATED, "no bytes at all");
    memcpy(enc, base, baselen);
    enc[baselen] = 0x00;
    gv_vss_case(&w, kind, "trailing-byte", enc, baselen + 1, 3, &d->ids[0], &d->shares[0], &d->blinds[0],
                TSR_ERR_ENCODING, TSR_CHECK_TRAILING, "one extra zero byte after the last point");
    memcpy(enc, base, baselen);
    memcpy(enc + baselen, base + 2, 33);
    gv_vss_case(&w, kind, "trailing-point", enc, baselen + 33, 3, &d->ids[0], &d->shares[0], &d->blinds[0],
                TSR_ERR_ENCODING, TSR_CHECK_TRAILING, "a fourth valid point after the three counted ones");
    gv_end_arr(&w);
    gv_end_obj(&w);
    gv_file_close(&w, dir, file);
}

/* ---- decode.json ------------------------------------------------------------------------------ */

static void gv_decode_scalar(gv_json *w, const char *name, const uint8_t in[32], int err, const char *why) {
    tsr_scalar a;
    uint8_t out[32];
    int rc = tsr_scalar_decode(&a, in);
    GV_REQUIRE(rc == err);
    gv_case(w, name, err == TSR_OK);
    gv_str(w, "kind", "scalar");
    gv_str(w, "function", "tsr_scalar_decode");
    gv_hex(w, "input", in, 32);
    if (err == TSR_OK) {
        tsr_scalar_encode(out, &a);
        GV_REQUIRE(memcmp(out, in, 32) == 0);
        gv_hex(w, "value", out, 32);
    } else {
        gv_expect(w, err, TSR_CHECK_SCALAR_RANGE, why);
    }
    gv_end_obj(w);
}

static void gv_decode_point(gv_json *w, const char *name, const uint8_t *in, size_t inlen, unsigned flags,
                            int err, tsr_check check, const char *why) {
    tsr_point q;
    tsr_check reason = TSR_CHECK__COUNT;
    uint8_t out[33], x[32];
    int y_odd = -1;
    int rc = tsr_point_decode(gv_ctx, &q, in, inlen, flags, &reason);
    GV_REQUIRE(rc == err && reason == check);
    gv_case(w, name, err == TSR_OK);
    gv_str(w, "kind", "point");
    gv_str(w, "function", "tsr_point_decode");
    gv_hex(w, "input", in, inlen);
    gv_bool(w, "allow_identity", (flags & TSR_POINT_ALLOW_IDENTITY) != 0);
    if (err == TSR_OK) {
        GV_REQUIRE(tsr_point_encode(gv_ctx, out, &q) == TSR_OK);
        GV_REQUIRE(inlen == 33 && memcmp(out, in, 33) == 0);
        gv_bool(w, "identity", tsr_point_is_identity(&q));
        if (!tsr_point_is_identity(&q)) {
            GV_REQUIRE(tsr_point_encode_xonly(gv_ctx, x, &y_odd, &q) == TSR_OK);
            GV_REQUIRE(y_odd == (in[0] == 3));
            gv_hex(w, "x", x, 32);
            gv_bool(w, "y_odd", y_odd);
        }
    } else {
        GV_REQUIRE(tsr_point_is_identity(&q));
        gv_expect(w, err, check, why);
    }
    gv_end_obj(w);
}

static void gv_decode_xonly(gv_json *w, const char *name, const uint8_t in[32], int err, tsr_check check,
                            const char *why) {
    tsr_point q;
    tsr_check reason = TSR_CHECK__COUNT;
    uint8_t out[33];
    int rc = tsr_point_decode_xonly(gv_ctx, &q, in, &reason);
    GV_REQUIRE(rc == err && reason == check);
    gv_case(w, name, err == TSR_OK);
    gv_str(w, "kind", "point_xonly");
    gv_str(w, "function", "tsr_point_decode_xonly");
    gv_hex(w, "input", in, 32);
    if (err == TSR_OK) {
        GV_REQUIRE(tsr_point_encode(gv_ctx, out, &q) == TSR_OK);
        GV_REQUIRE(out[0] == 2 && memcmp(out + 1, in, 32) == 0);
        gv_hex(w, "point", out, 33);
    } else {
        gv_expect(w, err, check, why);
    }
    gv_end_obj(w);
}

static void gv_decode_share(gv_json *w, const char *name, const uint8_t *in, size_t inlen, int err,
                            tsr_check check, const char *why) {
    tsr_scalar id, value;
    tsr_check reason = TSR_CHECK__COUNT;
    uint8_t out[64];
    int rc = tsr_share_decode(&id, &value, in, inlen, &reason);
    GV_REQUIRE(rc == err && reason == check);
    gv_case(w, name, err == TSR_OK);
    gv_str(w, "kind", "share");
    gv_str(w, "function", "tsr_share_decode");
    gv_hex(w, "input", in, inlen);
    if (err == TSR_OK) {
        tsr_share_encode(out, &id, &value);
        GV_REQUIRE(inlen == 64 && memcmp(out, in, 64) == 0);
        gv_scalar(w, "id", &id);
        gv_scalar(w, "value", &value);
    } else {
        gv_expect(w, err, check, why);
    }
    gv_end_obj(w);
}

static void gv_decode_commitment(gv_json *w, const char *name, const uint8_t *in, size_t inlen,
                                 size_t expected_t, int err, tsr_check check, const char *why) {
    static tsr_vss_commitment c;
    tsr_check reason = TSR_CHECK__COUNT;
    int rc = tsr_vss_commitment_decode(gv_ctx, &c, in, inlen, expected_t, &reason);
    GV_REQUIRE(rc == err && reason == check);
    gv_case(w, name, err == TSR_OK);
    gv_str(w, "kind", "commitment");
    gv_str(w, "function", "tsr_vss_commitment_decode");
    gv_hex(w, "input", in, inlen);
    gv_size(w, "expected_t", expected_t);
    if (err == TSR_OK) {
        GV_REQUIRE(c.t == expected_t);
        gv_point_list(w, "points", &c);
    } else {
        GV_REQUIRE(c.t == 0);
        gv_expect(w, err, check, why);
    }
    gv_end_obj(w);
}

static void gv_pedersen_generator_case(gv_json *w) {
    static const char tag[] = "TSR-PEDERSEN-H-v1";
    uint8_t in[sizeof tag - 1 + 4], x[32], hx[32];
    tsr_point h, q;
    tsr_check reason;
    int y_odd = -1;
    uint32_t ctr;

    GV_REQUIRE(tsr_pedersen_generator(gv_ctx, &h) == TSR_OK);
    GV_REQUIRE(tsr_point_encode_xonly(gv_ctx, hx, &y_odd, &h) == TSR_OK && y_odd == 0);
    gv_case(w, "pedersen-generator-h", 1);
    gv_str(w, "kind", "pedersen_generator");
    gv_str(w, "function", "tsr_pedersen_generator");
    gv_str(w, "tag", tag);
    gv_str(w, "rule", "x = SHA256(tag || u32be(ctr)) for ctr = 0, 1, ...; H = lift_x(x) (even y) "
           "for the first ctr where lift_x succeeds");
    gv_arr(w, "attempts");
    for (ctr = 0; ctr < 256; ctr++) {
        memcpy(in, tag, sizeof tag - 1);
        in[sizeof tag - 1] = (uint8_t)(ctr >> 24);
        in[sizeof tag] = (uint8_t)(ctr >> 16);
        in[sizeof tag + 1] = (uint8_t)(ctr >> 8);
        in[sizeof tag + 2] = (uint8_t)ctr;
        tsr_sha256(x, in, sizeof in);
        int rc = tsr_point_decode_xonly(gv_ctx, &q, x, &reason);
        gv_obj(w, NULL);
        gv_int(w, "counter", (long)ctr);
        gv_hex(w, "hash_input", in, sizeof in);
        gv_hex(w, "x", x, 32);
        if (rc == TSR_OK) {
            gv_str(w, "result", gv_check_symbols[TSR_CHECK_NONE]);
            gv_end_obj(w);
            GV_REQUIRE(tsr_point_eq(gv_ctx, &q, &h) == 1);
            GV_REQUIRE(memcmp(x, hx, 32) == 0);
            break;
        }
        GV_REQUIRE((int)reason > 0 && (int)reason < TSR_CHECK__COUNT);
        gv_str(w, "result", gv_check_symbols[reason]);
        gv_end_obj(w);
    }
    gv_end_arr(w);
    GV_REQUIRE(ctr < 256);
    gv_int(w, "counter", (long)ctr);
    gv_point(w, "h", &h);
    gv_end_obj(w);
}

static void gv_write_decode(const char *dir) {
    uint8_t b[80], s64[66];
    tsr_scalar a;
    tsr_point q;
    gv_json w;
    gv_dealing *d = &gv_d;

    gv_file_open(&w, dir, "decode.json");
    gv_obj(&w, NULL);
    gv_str(&w, "description", "Strict decoders, one case per accept or reject reason. kind selects "
           "the decoder: scalar (tsr_scalar_decode: 32 bytes big-endian, < n), point "
           "(tsr_point_decode: 33 bytes, the identity 33 zero bytes only with allow_identity, prefix "
           "02/03, x < p, on the curve; checked in that order), point_xonly "
           "(tsr_point_decode_xonly: BIP340 lift_x), share (tsr_share_decode: 64 bytes id || value, "
           "id non-zero and < n, value < n), commitment (tsr_vss_commitment_decode with "
           "expected_t), and pedersen_generator (the derivation of H with every attempt).");
    gv_generator(&w, "vectors/gen/gen_vectors.c");
    gv_arr(&w, "cases");

    /* scalars */
    memset(b, 0, 32);
    gv_decode_scalar(&w, "scalar-zero", b, TSR_OK, NULL);
    b[31] = 1;
    gv_decode_scalar(&w, "scalar-one", b, TSR_OK, NULL);
    gv_hex_decode(b, 32, gv_n_hex);
    b[31] = (uint8_t)(b[31] - 1);
    gv_decode_scalar(&w, "scalar-n-minus-1", b, TSR_OK, NULL);
    gv_scalar_from_label(&a, "decode/scalar");
    tsr_scalar_encode(b, &a);
    gv_decode_scalar(&w, "scalar-from-label-decode/scalar", b, TSR_OK, NULL);
    gv_hex_decode(b, 32, gv_n_hex);
    gv_decode_scalar(&w, "scalar-n", b, TSR_ERR_RANGE, "n is not below n");
    b[31] = (uint8_t)(b[31] + 1);
    gv_decode_scalar(&w, "scalar-n-plus-1", b, TSR_ERR_RANGE, "n + 1");
    memset(b, 0xff, 32);
    gv_decode_scalar(&w, "scalar-2p256-minus-1", b, TSR_ERR_RANGE, "2^256 - 1");
    gv_hex_decode(b, 32, gv_p_hex);
    gv_decode_scalar(&w, "scalar-p", b, TSR_ERR_RANGE, "p > n: a field element that is no scalar");

    /* points: valid */
    gv_scalar_small(&a, 1);
    GV_REQUIRE(tsr_point_base_mul(gv_ctx, &q, &a) == TSR_OK);
    GV_REQUIRE(tsr_point_encode(gv_ctx, b, &q) == TSR_OK);
    gv_decode_point(&w, "point-g", b, 33, 0, TSR_OK, TSR_CHECK_NONE, NULL);
    GV_REQUIRE(tsr_point_neg(gv_ctx, &q, &q) == TSR_OK);
    GV_REQUIRE(tsr_point_encode(gv_ctx, b, &q) == TSR_OK);
    gv_decode_point(&w, "point-minus-g", b, 33, 0, TSR_OK, TSR_CHECK_NONE, NULL);
    gv_scalar_small(&a, 2);
    GV_REQUIRE(tsr_point_base_mul(gv_ctx, &q, &a) == TSR_OK);
    GV_REQUIRE(tsr_point_encode(gv_ctx, b, &q) == TSR_OK);
    gv_decode_point(&w, "point-2g", b, 33, 0, TSR_OK, TSR_CHECK_NONE, NULL);
    b[0] = 2;
    memcpy(b + 1, gv_x_small_valid, 32);
    gv_decode_point(&w, "point-small-x-even", b, 33, 0, TSR_OK, TSR_CHECK_NONE, NULL);
    b[0] = 3;
    gv_decode_point(&w, "point-small-x-odd", b, 33, 0, TSR_OK, TSR_CHECK_NONE, NULL);
    memset(b, 0, 33);
    gv_decode_point(&w, "point-identity-allowed", b, 33, TSR_POINT_ALLOW_IDENTITY, TSR_OK, TSR_CHECK_NONE, NULL);
    /* points: invalid */
    gv_decode_point(&w, "point-identity-refused", b, 33, 0, TSR_ERR_RANGE, TSR_CHECK_POINT_IDENTITY,
                    "33 zero bytes without allow_identity");
    gv_decode_point(&w, "point-empty", b, 0, 0, TSR_ERR_ENCODING, TSR_CHECK_LENGTH, "0 bytes");
    gv_scalar_small(&a, 1);
    GV_REQUIRE(tsr_point_base_mul(gv_ctx, &q, &a) == TSR_OK);
    GV_REQUIRE(tsr_point_encode(gv_ctx, b, &q) == TSR_OK);
    gv_decode_point(&w, "point-length-32", b, 32, 0, TSR_ERR_ENCODING, TSR_CHECK_LENGTH, "G cut to 32 bytes");
    b[33] = 0;
    gv_decode_point(&w, "point-length-34", b, 34, 0, TSR_ERR_ENCODING, TSR_CHECK_LENGTH,
                    "G with one extra zero byte");
    memset(b + 1, 0, 32);
    b[0] = 0;
    gv_decode_point(&w, "point-identity-length-34", b, 34, TSR_POINT_ALLOW_IDENTITY, TSR_ERR_ENCODING,
                    TSR_CHECK_LENGTH, "34 zero bytes, even with allow_identity");
    GV_REQUIRE(tsr_point_encode(gv_ctx, b, &q) == TSR_OK);
    b[0] = 0x00;
    gv_decode_point(&w, "point-prefix-00", b, 33, TSR_POINT_ALLOW_IDENTITY, TSR_ERR_ENCODING,
                    TSR_CHECK_POINT_PREFIX, "prefix 00 with x(G): not the identity encoding");
    b[0] = 0x01;
    gv_decode_point(&w, "point-prefix-01", b, 33, 0, TSR_ERR_ENCODING, TSR_CHECK_POINT_PREFIX, "prefix 01");
    b[0] = 0x04;
    gv_decode_point(&w, "point-prefix-04", b, 33, 0, TSR_ERR_ENCODING, TSR_CHECK_POINT_PREFIX,
                    "prefix 04 (uncompressed marker) on 33 bytes");
    b[0] = 0x05;
    gv_decode_point(&w, "point-prefix-05", b, 33, 0, TSR_ERR_ENCODING, TSR_CHECK_POINT_PREFIX, "prefix 05");
    b[0] = 0x06;
    gv_decode_point(&w, "point-prefix-06", b, 33, 0, TSR_ERR_ENCODING, TSR_CHECK_POINT_PREFIX,
                    "prefix 06 (hybrid marker)");
    b[0] = 0xff;
    gv_decode_point(&w, "point-prefix-ff", b, 33, 0, TSR_ERR_ENCODING, TSR_CHECK_POINT_PREFIX, "prefix ff");
    b[0] = 2;
    gv_hex_decode(b + 1, 32, gv_p_hex);
    gv_decode_point(&w, "point-x-equals-p", b, 33, 0, TSR_ERR_ENCODING, TSR_CHECK_POINT_X_RANGE, "x = p");
    memcpy(b + 1, gv_x_p_plus_valid, 32);
    gv_decode_point(&w, "point-x-p-plus-valid", b, 33, 0, TSR_ERR_ENCODING, TSR_CHECK_POINT_X_RANGE,
                    "x = p + x0 with x0 on the curve");
    memset(b + 1, 0xff, 32);
    b[0] = 3;
    gv_decode_point(&w, "point-x-2p256-minus-1", b, 33, 0, TSR_ERR_ENCODING, TSR_CHECK_POINT_X_RANGE,
                    "x = 2^256 - 1");
    b[0] = 2;
    memcpy(b + 1, gv_x_off_curve, 32);
    gv_decode_point(&w, "point-off-curve-even", b, 33, 0, TSR_ERR_ENCODING, TSR_CHECK_POINT_NOT_ON_CURVE,
                    "x^3 + 7 is not a square mod p (prefix 02)");
    b[0] = 3;
    gv_decode_point(&w, "point-off-curve-odd", b, 33, 0, TSR_ERR_ENCODING, TSR_CHECK_POINT_NOT_ON_CURVE,
                    "x^3 + 7 is not a square mod p (prefix 03)");
    memset(b + 1, 0, 32);
    b[0] = 2;
    gv_decode_point(&w, "point-x-zero", b, 33, TSR_POINT_ALLOW_IDENTITY, TSR_ERR_ENCODING,
                    TSR_CHECK_POINT_NOT_ON_CURVE, "02 || 0: 7 is not a square mod p; not the identity either");

    /* x-only (BIP340 lift_x) */
    gv_scalar_small(&a, 1);
    GV_REQUIRE(tsr_point_base_mul(gv_ctx, &q, &a) == TSR_OK);
    GV_REQUIRE(tsr_point_encode_xonly(gv_ctx, b, NULL, &q) == TSR_OK);
    gv_decode_xonly(&w, "xonly-g", b, TSR_OK, TSR_CHECK_NONE, NULL);
    gv_decode_xonly(&w, "xonly-small-x", gv_x_small_valid, TSR_OK, TSR_CHECK_NONE, NULL);
    gv_hex_decode(b, 32, gv_p_hex);
    gv_decode_xonly(&w, "xonly-x-equals-p", b, TSR_ERR_ENCODING, TSR_CHECK_POINT_X_RANGE, "x = p");
    gv_decode_xonly(&w, "xonly-x-p-plus-valid", gv_x_p_plus_valid, TSR_ERR_ENCODING, TSR_CHECK_POINT_X_RANGE,
                    "x = p + x0 with x0 on the curve");
    gv_decode_xonly(&w, "xonly-off-curve", gv_x_off_curve, TSR_ERR_ENCODING, TSR_CHECK_POINT_NOT_ON_CURVE,
                    "x^3 + 7 is not a square mod p");
    memset(b, 0, 32);
    gv_decode_xonly(&w, "xonly-zero", b, TSR_ERR_ENCODING, TSR_CHECK_POINT_NOT_ON_CURVE,
                    "x = 0 (7 is not a square mod p)");

    /* shares */
    gv_deal(d, "decode/share", 2, 3, 0);
    tsr_share_encode(s64, &d->ids[1], &d->shares[1]);
    gv_decode_share(&w, "share-valid", s64, 64, TSR_OK, TSR_CHECK_NONE, NULL);
    memset(s64 + 32, 0, 32);
    gv_decode_share(&w, "share-value-zero", s64, 64, TSR_OK, TSR_CHECK_NONE, NULL);
    gv_hex_decode(s64, 32, gv_n_hex);
    s64[31] = (uint8_t)(s64[31] - 1);
    memcpy(s64 + 32, s64, 32);
    gv_decode_share(&w, "share-id-and-value-n-minus-1", s64, 64, TSR_OK, TSR_CHECK_NONE, NULL);
    tsr_share_encode(s64, &d->ids[1], &d->shares[1]);
    gv_decode_share(&w, "share-length-63", s64, 63, TSR_ERR_ENCODING, TSR_CHECK_LENGTH, "63 bytes");
    s64[64] = 0;
    gv_decode_share(&w, "share-length-65", s64, 65, TSR_ERR_ENCODING, TSR_CHECK_LENGTH, "65 bytes");
    gv_decode_share(&w, "share-empty", s64, 0, TSR_ERR_ENCODING, TSR_CHECK_LENGTH, "0 bytes");
    gv_decode_share(&w, "share-value-only", s64 + 32, 32, TSR_ERR_ENCODING, TSR_CHECK_LENGTH,
                    "32 bytes: the value without its id");
    memset(s64, 0, 32);
    gv_decode_share(&w, "share-id-zero", s64, 64, TSR_ERR_RANGE, TSR_CHECK_ID_ZERO, "id = 0");
    gv_hex_decode(s64, 32, gv_n_hex);
    gv_decode_share(&w, "share-id-n", s64, 64, TSR_ERR_RANGE, TSR_CHECK_SCALAR_RANGE,
                    "id = n (would be id 0 if reduced)");
    s64[31] = (uint8_t)(s64[31] + 1);
    gv_decode_share(&w, "share-id-n-plus-1", s64, 64, TSR_ERR_RANGE, TSR_CHECK_SCALAR_RANGE,
                    "id = n + 1 (would alias id 1 if reduced)");
    memset(s64, 0xff, 32);
    gv_decode_share(&w, "share-id-2p256-minus-1", s64, 64, TSR_ERR_RANGE, TSR_CHECK_SCALAR_RANGE,
                    "id = 2^256 - 1");
    tsr_share_encode(s64, &d->ids[1], &d->shares[1]);
    gv_hex_decode(s64 + 32, 32, gv_n_hex);
    gv_decode_share(&w, "share-value-n", s64, 64, TSR_ERR_RANGE, TSR_CHECK_SCALAR_RANGE, "value = n");
    memset(s64 + 32, 0xff, 32);
    gv_decode_share(&w, "share-value-2p256-minus-1", s64, 64, TSR_ERR_RANGE, TSR_CHECK_SCALAR_RANGE,
                    "value = 2^256 - 1");

    /* commitments (d is the (2,3) dealing "decode/share") */
    gv_decode_commitment(&w, "commitment-valid-t2", d->fenc, d->fenclen, 2, TSR_OK, TSR_CHECK_NONE, NULL);
    memcpy(b, d->fenc, 2 + 33);
    b[1] = 1;
    gv_decode_commitment(&w, "commitment-valid-t1", b, 2 + 33, 1, TSR_OK, TSR_CHECK_NONE, NULL);
    gv_decode_commitment(&w, "commitment-empty", b, 0, 1, TSR_ERR_ENCODING, TSR_CHECK_TRUNCATED, "0 bytes");
    gv_decode_commitment(&w, "commitment-count-cut", b, 1, 1, TSR_ERR_ENCODING, TSR_CHECK_TRUNCATED,
                         "1 byte: the u16 count is cut");
    gv_decode_commitment(&w, "commitment-count-only", b, 2, 1, TSR_ERR_ENCODING, TSR_CHECK_TRUNCATED,
                         "count 1 and no point");
    gv_decode_commitment(&w, "commitment-point-cut", b, 2 + 32, 1, TSR_ERR_ENCODING, TSR_CHECK_TRUNCATED,
                         "count 1 and 32 of the 33 point bytes");
    b[2 + 33] = 0;
    gv_decode_commitment(&w, "commitment-trailing", b, 2 + 34, 1, TSR_ERR_ENCODING, TSR_CHECK_TRAILING,
                         "count 1, one point and one extra byte");
    gv_decode_commitment(&w, "commitment-count-mismatch", d->fenc, d->fenclen, 1, TSR_ERR_ENCODING,
                         TSR_CHECK_COMMITMENT_COUNT, "count 2 where expected_t = 1");
    b[0] = 0;
    b[1] = 0;
    gv_decode_commitment(&w, "commitment-count-zero", b, 2, 1, TSR_ERR_ENCODING, TSR_CHECK_COUNT,
                         "count 0 is not in 1..TSR_MAX_PARTIES (checked before the comparison with expected_t)");
    b[0] = 0x01;
    b[1] = 0x01;
    gv_decode_commitment(&w, "commitment-count-over-max", b, 2, TSR_MAX_PARTIES, TSR_ERR_ENCODING,
                         TSR_CHECK_COUNT, "count 257 > TSR_MAX_PARTIES (checked before the lengths)");
    b[0] = 0xff;
    b[1] = 0xff;
    gv_decode_commitment(&w, "commitment-count-ffff", b, 2 + 33, 1, TSR_ERR_ENCODING, TSR_CHECK_COUNT,
                         "count 65535 > TSR_MAX_PARTIES (checked before the comparison with expected_t)");
    gv_decode_commitment(&w, "commitment-expected-t-zero", d->fenc, d->fenclen, 0, TSR_ERR_ARG,
                         TSR_CHECK_THRESHOLD, "expected_t = 0 is not in 1..TSR_MAX_PARTIES (caller error)");
    gv_decode_commitment(&w, "commitment-expected-t-over-max", d->fenc, d->fenclen, TSR_MAX_PARTIES + 1,
                         TSR_ERR_ARG, TSR_CHECK_THRESHOLD,
                         "expected_t = 257 is not in 1..TSR_MAX_PARTIES (caller error)");
    memcpy(b, d->fenc, d->fenclen);
    memset(b + 2 + 33, 0, 33);
    gv_decode_commitment(&w, "commitment-identity", b, d->fenclen, 2, TSR_ERR_RANGE, TSR_CHECK_POINT_IDENTITY,
                         "second point is the identity");
    b[2 + 33] = 3;
    memcpy(b + 2 + 34, gv_x_off_curve, 32);
    gv_decode_commitment(&w, "commitment-off-curve", b, d->fenclen, 2, TSR_ERR_ENCODING,
                         TSR_CHECK_POINT_NOT_ON_CURVE, "second point off the curve");
    gv_hex_decode(b + 2 + 34, 32, gv_p_hex);
    gv_decode_commitment(&w, "commitment-x-range", b, d->fenclen, 2, TSR_ERR_ENCODING, TSR_CHECK_POINT_X_RANGE,
                         "second point has x = p");
    memcpy(b, d->fenc, d->fenclen);
    b[2] = 0x04;
    gv_decode_commitment(&w, "commitment-prefix", b, d->fenclen, 2, TSR_ERR_ENCODING, TSR_CHECK_POINT_PREFIX,
                         "first point has prefix 04");

    gv_pedersen_generator_case(&w);
    gv_end_arr(&w);
    gv_end_obj(&w);
    gv_file_close(&w, dir, "decode.json");
}

void gv_write_sharing(const char *dir) {
    gv_find_x();
    gv_write_split(dir);
    gv_write_lagrange(dir);
    gv_vss_file(dir, GV_FELDMAN);
    gv_vss_file(dir, GV_PEDERSEN);
    gv_write_decode(dir);
}

static void gv_subdir(char *out, size_t cap, const char *root, const char *name) {
    int k = snprintf(out, cap, "%s/%s", root, name);
    GV_REQUIRE(k > 0 && (size_t)k < cap);
    (void)mkdir(out, 0755);
}

int main(int argc, char **argv) {
    tsr_context *ctx;
    char dir[4096];
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUTDIR (writes OUTDIR/sharing, OUTDIR/frost, OUTDIR/dkg)\n", argv[0]);
        return 2;
    }
    GV_REQUIRE(TSR_CHECK__COUNT == 37);
    ctx = tsr_context_create(NULL);
    GV_REQUIRE(ctx != NULL);
    gv_ctx = ctx;
    gv_subdir(dir, sizeof dir, argv[1], "sharing");
    gv_write_sharing(dir);
    gv_subdir(dir, sizeof dir, argv[1], "frost");
    gv_write_frost(dir);
    gv_subdir(dir, sizeof dir, argv[1], "dkg");
    gv_write_dkg(dir);
    tsr_context_destroy(ctx);
    return 0;
}
