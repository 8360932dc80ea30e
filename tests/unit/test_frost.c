/* Unit tests for FROST signing: RFC 9591 and ZF TR vectors with every intermediate, t-of-n round trips for both suites, Taproot tweaks, every input check, blame and decoder reject reason. */
#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>
#include <string.h>

#include "tessera/common.h"
#include "tessera/frost.h"
#include "tessera/hash.h"
#include "tessera/point.h"
#include "tessera/scalar.h"
#include "tessera/sharing.h"
#include "tsr_test.h"

static tsr_context *ctx;
static secp256k1_context *secp; /* an independent libsecp256k1 context for the BIP340 oracle */

#define MAXN 100

/* ---- helpers ----------------------------------------------------------------------------- */

static void scalar_hex(tsr_scalar *r, const char *hex) {
    uint8_t b[32];
    CHECK(tsr_test_unhex(b, sizeof b, hex) == 32);
    CHECK(tsr_scalar_decode(r, b) == TSR_OK);
}

static void point_hex(tsr_point *r, const char *hex) {
    uint8_t b[33];
    CHECK(tsr_test_unhex(b, sizeof b, hex) == 33);
    CHECK(tsr_point_decode(ctx, r, b, 33, 0, NULL) == TSR_OK);
}

static int scalar_is_hex(const tsr_scalar *a, const char *hex) {
    uint8_t want[32], got[32];
    if (tsr_test_unhex(want, sizeof want, hex) != 32) {
        return 0;
    }
    tsr_scalar_encode(got, a);
    return memcmp(want, got, 32) == 0;
}

static int point_is_hex(const tsr_point *a, const char *hex) {
    uint8_t want[33], got[33];
    if (tsr_test_unhex(want, sizeof want, hex) != 33 || tsr_point_encode(ctx, got, a) != TSR_OK) {
        return 0;
    }
    return memcmp(want, got, 33) == 0;
}

static int bytes_are_hex(const uint8_t *b, size_t n, const char *hex) {
    uint8_t want[256];
    if (tsr_test_unhex(want, sizeof want, hex) != n) {
        return 0;
    }
    return memcmp(want, b, n) == 0;
}

static int scalar_eq(const tsr_scalar *a, const tsr_scalar *b) {
    return tsr_scalar_eq_mask(a, b) != 0;
}

static int scalar_is_zero(const tsr_scalar *a) {
    return tsr_scalar_is_zero_mask(a) != 0;
}

/* BIP340 verification by libsecp256k1 directly (not through tsr_frost_verify). */
static int schnorr_ok(const uint8_t *sig64, const uint8_t *msg, size_t msglen, const tsr_point *pk) {
    uint8_t x[32];
    secp256k1_xonly_pubkey xpk;
    if (tsr_point_encode_xonly(ctx, x, NULL, pk) != TSR_OK || !secp256k1_xonly_pubkey_parse(secp, &xpk, x)) {
        return 0;
    }
    return secp256k1_schnorrsig_verify(secp, sig64, msg, msglen, &xpk) == 1;
}

/* Nonzero random bytes for commit. */
static void rand64(uint8_t r[64]) {
    tsr_test_randbytes(r, 64);
    r[0] |= 1;
    r[32] |= 1;
}

static const char *suite_name(uint8_t suite) {
    return suite == TSR_SUITE_SECP256K1_TR ? "tr" : "plain";
}

/* ---- external vectors -------------------------------------------------------------------- */

/* One RFC 9591-shaped 2-of-3 vector (signers 1 and 3), every field copied from the file named. */
typedef struct {
    const char *file;
    uint8_t suite;
    const char *secret, *group_key, *msg, *coef;
    const char *shares[3];
    uint32_t ids[2];
    const char *hrand[2], *brand[2], *hnonce[2], *bnonce[2], *hcomm[2], *bcomm[2], *bf_input[2], *bf[2];
    const char *sig_share[2];
    const char *sig;
} frost_vector;

static const frost_vector vec_rfc = {
    /* vectors/external/rfc9591/rfc9591-frost-secp256k1-sha256.json (RFC 9591 Appendix E.5) */
    "rfc9591-frost-secp256k1-sha256.json",
    TSR_SUITE_SECP256K1_SHA256,
    "0d004150d27c3bf2a42f312683d35fac7394b1e9e318249c1bfe7f0795a83114", /* inputs.group_secret_key */
    "02f37c34b66ced1fb51c34a90bdae006901f10625cc06c4f64663b0eae87d87b4f", /* inputs.group_public_key */
    "74657374",                                                         /* inputs.message */
    "fbf85eadae3058ea14f19148bb72b45e4399c0b16028acaf0395c9b03c823579", /* share_polynomial_coefficients[0] */
    {"08f89ffe80ac94dcb920c26f3f46140bfc7f95b493f8310f5fc1ea2b01f4254c", /* participant_shares[].participant_share */
     "04f0feac2edcedc6ce1253b7fab8c86b856a797f44d83d82a385554e6e401984",
     "00e95d59dd0d46b0e303e500b62b7ccb0e555d49f5b849f5e748c071da8c0dbc"},
    {1, 3}, /* participant_list */
    /* round_one_outputs.outputs[].hiding_nonce_randomness, binding_nonce_randomness */
    {"7ea5ed09af19f6ff21040c07ec2d2adbd35b759da5a401d4c99dd26b82391cb2",
     "e6cc56ccbd0502b3f6f831d91e2ebd01c4de0479e0191b66895a4ffd9b68d544"},
    {"47acab018f116020c10cb9b9abdc7ac10aae1b48ca6e36dc15acb6ec9be5cdc5",
     "7203d55eb82a5ca0d7d83674541ab55f6e76f1b85391d2c13706a89a064fd5b9"},
    /* hiding_nonce, binding_nonce */
    {"841d3a6450d7580b4da83c8e618414d0f024391f2aeb511d7579224420aa81f0",
     "2b19b13f193f4ce83a399362a90cdc1e0ddcd83e57089a7af0bdca71d47869b2"},
    {"8d2624f532af631377f33cf44b5ac5f849067cae2eacb88680a31e77c79b5a80",
     "7a443bde83dc63ef52dda354005225ba0e553243402a4705ce28ffaafe0f5b98"},
    /* hiding_nonce_commitment, binding_nonce_commitment */
    {"03c699af97d26bb4d3f05232ec5e1938c12f1e6ae97643c8f8f11c9820303f1904",
     "03077507ba327fc074d2793955ef3410ee3f03b82b4cdc2370f71d865beb926ef6"},
    {"02fa2aaccd51b948c9dc1a325d77226e98a5a3fe65fe9ba213761a60123040a45e",
     "02ad53031ddfbbacfc5fbda3d3b0c2445c8e3e99cbc4ca2db2aa283fa68525b135"},
    /* binding_factor_input */
    {"02f37c34b66ced1fb51c34a90bdae006901f10625cc06c4f64663b0eae87d87b4fff9b5210ffbb3c07a73a7c8935be4a8c62cf015f6cf7ade6efac09a6513540fc3f5a816aaebc2114a811a415d7a55db7c5cbc1cf27183e79dd9def941b5d48010000000000000000000000000000000000000000000000000000000000000001",
     "02f37c34b66ced1fb51c34a90bdae006901f10625cc06c4f64663b0eae87d87b4fff9b5210ffbb3c07a73a7c8935be4a8c62cf015f6cf7ade6efac09a6513540fc3f5a816aaebc2114a811a415d7a55db7c5cbc1cf27183e79dd9def941b5d48010000000000000000000000000000000000000000000000000000000000000003"},
    /* binding_factor */
    {"3e08fe561e075c653cbfd46908a10e7637c70c74f0a77d5fd45d1a750c739ec6",
     "93f79041bb3fd266105be251adaeb5fd7f8b104fb554a4ba9a0becea48ddbfd7"},
    /* round_two_outputs.outputs[].sig_share */
    {"c4fce1775a1e141fb579944166eab0d65eefe7b98d480a569bbbfcb14f91c197",
     "0160fd0d388932f4826d2ebcd6b9eaba734f7c71cf25b4279a4ca2581e47b18d"},
    /* final_output.sig */
    "0205b6d04d3774c8929413e3c76024d54149c372d57aae62574ed74319b5ea14d0c65dde8492a7471437e6c2fe3da49b90d23f642b5c6dbe7e36089f096dd97324",
};

static const frost_vector vec_tr = {
    /* vectors/external/zcash-frost/frost-secp256k1-tr-vectors.json (ZF frost-secp256k1-tr) */
    "frost-secp256k1-tr-vectors.json",
    TSR_SUITE_SECP256K1_TR,
    "0d004150d27c3bf2a42f312683d35fac7394b1e9e318249c1bfe7f0795a83114", /* inputs.group_secret_key */
    "02f37c34b66ced1fb51c34a90bdae006901f10625cc06c4f64663b0eae87d87b4f", /* inputs.verifying_key_key */
    "74657374",
    "fbf85eadae3058ea14f19148bb72b45e4399c0b16028acaf0395c9b03c823579",
    {"08f89ffe80ac94dcb920c26f3f46140bfc7f95b493f8310f5fc1ea2b01f4254c",
     "04f0feac2edcedc6ce1253b7fab8c86b856a797f44d83d82a385554e6e401984",
     "00e95d59dd0d46b0e303e500b62b7ccb0e555d49f5b849f5e748c071da8c0dbc"},
    {1, 3},
    {"bda8e748e599187762cff956f03dc6ea13fc8e04491a0427b7e6e78600f41c52",
     "70818dd5170672c4a4285fd593d4f222417f941f3118e1244955e7a1098a35d8"},
    {"2ca682429bf05df435b9927b8edb1d748278f3e42fa11ef358e49bbf4a1b780d",
     "74ca2da071ed4a2a6cad5087d6758b48a558ab5861c61117fee05757e4b1309e"},
    {"58cd30723da418156fe9b71870a118e0bbc3d0353ba7c760f9bbc8d60c3dab29",
     "a4109db0a5db30fac8cd1f4e272ff02e08258928f067d82c63d97279b114514a"},
    {"c22289cc43b82ed938d4b2288efb7381c405fb59f5d43bddc543d98838c60b19",
     "ce3837bd963f0d81002279f7bb9eefceac64435f638885c2beae6f1dd881fd9e"},
    {"024e34ab3a7ad6b4563dbfe97e9f1206b3378cceb2502491ed0fb709765e1e5ba8",
     "02d768658a1b94225645401a1512b803657770c7a21bf9ccccccfa09930a44951b"},
    {"03d4b1f3a61dc67e64dfb4abfccabb712f1f6914a6ec9b67749d171370453192cb",
     "034570a4e5217ee8770a28401185f50b4fce4d3f3933a3af9df7ab39b42381d0eb"},
    {"02f37c34b66ced1fb51c34a90bdae006901f10625cc06c4f64663b0eae87d87b4fc709887b880e002210593616e086c2a0652d18bad338a3d3987251602e45e0a5a875faacc4377f0b6e4638c16db01b5f88070873ee789f5e9e6acf91f52fdd030000000000000000000000000000000000000000000000000000000000000001",
     "02f37c34b66ced1fb51c34a90bdae006901f10625cc06c4f64663b0eae87d87b4fc709887b880e002210593616e086c2a0652d18bad338a3d3987251602e45e0a5a875faacc4377f0b6e4638c16db01b5f88070873ee789f5e9e6acf91f52fdd030000000000000000000000000000000000000000000000000000000000000003"},
    {"55a3e44879db6daf00c81eb28e828869560c0901f347baff524f1c91a6669604",
     "444c1cc7cfe48f4577cce65488f337a9cc8c33dea4cfa986eb590bd8e2b1fa2d"},
    {"2ffc305d1694fd84108b84d98306a1af807c6ad9bc3a2d8e448a09643202a15b",
     "a8c392566ea29e852b4080a028bf5547166c87e703e4fb7136d4ebef65f99b3f"},
    "0c776a9516a77808b70a31e74f1464814a6fcf897fb3a6bd84c7a9a9a7a5bcb8d8bfc2b385379c093bcc0579abc5f6f696e8f2c0c01f28ff7b5ef55397fc3c9a",
};

/* Runs a vector step by step, checking every intermediate value against the file. */
static void test_vector(const frost_vector *v) {
    tsr_frost_keypkg pkgs[3];
    tsr_point group_key, vshares[2];
    tsr_vss_commitment com;
    tsr_scalar secret, nonce_s, rho[2], lambda, c;
    tsr_frost_nonce nonce[2];
    tsr_frost_commitment list[2];
    tsr_frost_sigshare shares[2];
    tsr_point r;
    tsr_blame blame, culprits[2];
    uint8_t rand[64], msg[16], inputs[2][TSR_FROST_BF_INPUT_BYTES], sig[TSR_FROST_SIG_MAX_BYTES];
    uint8_t enc[TSR_FROST_COMMITMENT_BYTES];
    size_t msglen, siglen = 0, nc = 9, j, i;

    msglen = tsr_test_unhex(msg, sizeof msg, v->msg);
    CHECK(msglen == 4);
    /* Appendix C trusted dealer: f(0) = secret, a_1 = the file's coefficient (64 bytes: 32 zero
     * bytes then the coefficient, reduced mod n as tsr_poly_init draws it). */
    scalar_hex(&secret, v->secret);
    memset(rand, 0, sizeof rand);
    CHECK(tsr_test_unhex(rand + 32, 32, v->coef) == 32);
    CHECK(tsr_frost_keygen_dealer(ctx, pkgs, &group_key, &com, v->suite, 2, 3, &secret, rand, 64) == TSR_OK);
    CHECK_MSG(point_is_hex(&group_key, v->group_key), "%s: group key", v->file);
    CHECK(com.t == 2 && point_is_hex(&com.c[0], v->group_key));
    for (i = 0; i < 3; i++) {
        CHECK(pkgs[i].id == i + 1 && pkgs[i].magic == TSR_FROST_KEYPKG_MAGIC && pkgs[i].suite == v->suite);
        CHECK_MSG(scalar_is_hex(&pkgs[i].share, v->shares[i]), "%s: share %zu", v->file, i + 1);
        CHECK(tsr_feldman_verify(ctx, &com, &(tsr_scalar){{(uint32_t)(i + 1), 0, 0, 0, 0, 0, 0, 0}}, &pkgs[i].share,
                                 NULL) == TSR_OK);
    }
    /* Round one: nonces from the file's randomness, then commit. */
    for (j = 0; j < 2; j++) {
        const tsr_frost_keypkg *p = &pkgs[v->ids[j] - 1];
        CHECK(tsr_test_unhex(rand, 32, v->hrand[j]) == 32);
        CHECK(tsr_test_unhex(rand + 32, 32, v->brand[j]) == 32);
        CHECK(tsr_frost_nonce_generate(&nonce_s, v->suite, rand, &p->share) == TSR_OK);
        CHECK_MSG(scalar_is_hex(&nonce_s, v->hnonce[j]), "%s: hiding_nonce %u", v->file, v->ids[j]);
        CHECK(tsr_frost_nonce_generate(&nonce_s, v->suite, rand + 32, &p->share) == TSR_OK);
        CHECK_MSG(scalar_is_hex(&nonce_s, v->bnonce[j]), "%s: binding_nonce %u", v->file, v->ids[j]);
        CHECK(tsr_frost_commit(ctx, &nonce[j], &list[j], p, rand) == TSR_OK);
        CHECK(nonce[j].magic == TSR_FROST_NONCE_MAGIC && list[j].id == v->ids[j]);
        CHECK(scalar_is_hex(&nonce[j].hiding, v->hnonce[j]) && scalar_is_hex(&nonce[j].binding, v->bnonce[j]));
        CHECK_MSG(point_is_hex(&list[j].hiding, v->hcomm[j]), "%s: hiding commitment %u", v->file, v->ids[j]);
        CHECK_MSG(point_is_hex(&list[j].binding, v->bcomm[j]), "%s: binding commitment %u", v->file, v->ids[j]);
        tsr_frost_commitment_encode(ctx, enc, &list[j]);
        CHECK(enc[3] == v->ids[j] && bytes_are_hex(enc + 4, 33, v->hcomm[j]) && bytes_are_hex(enc + 37, 33, v->bcomm[j]));
        vshares[j] = p->verifying_share;
    }
    CHECK(tsr_frost_check_commitment_list(list, 2, 2, &blame) == TSR_OK && blame.check == TSR_CHECK_NONE);
    /* Binding factors with their inputs, group commitment, challenge, interpolating values. */
    CHECK(tsr_frost_compute_binding_factors(ctx, rho, inputs, v->suite, &group_key, list, 2, msg, msglen) == TSR_OK);
    for (j = 0; j < 2; j++) {
        CHECK_MSG(bytes_are_hex(inputs[j], TSR_FROST_BF_INPUT_BYTES, v->bf_input[j]), "%s: binding_factor_input %u",
                  v->file, v->ids[j]);
        CHECK_MSG(scalar_is_hex(&rho[j], v->bf[j]), "%s: binding_factor %u", v->file, v->ids[j]);
    }
    CHECK(tsr_frost_compute_group_commitment(ctx, &r, list, rho, 2) == TSR_OK);
    CHECK(tsr_frost_compute_challenge(ctx, &c, v->suite, &r, &group_key, msg, msglen) == TSR_OK);
    CHECK(tsr_frost_derive_interpolating_value(&lambda, list, 2, 1) == TSR_OK);
    {
        /* lambda_1 over {1, 3} = 3 / (3 - 1) = 3/2 */
        tsr_scalar two, three, want;
        tsr_scalar_set_u32(&two, 2);
        tsr_scalar_set_u32(&three, 3);
        tsr_scalar_inv(&two, &two);
        tsr_scalar_mul(&want, &three, &two);
        CHECK(scalar_eq(&lambda, &want));
    }
    /* Round two. */
    for (j = 0; j < 2; j++) {
        CHECK(tsr_frost_sign(ctx, &shares[j], &nonce[j], &pkgs[v->ids[j] - 1], list, 2, msg, msglen, &blame) == TSR_OK);
        CHECK(nonce[j].magic == 0 && scalar_is_zero(&nonce[j].hiding) && scalar_is_zero(&nonce[j].binding));
        CHECK(shares[j].id == v->ids[j]);
        CHECK_MSG(scalar_is_hex(&shares[j].z, v->sig_share[j]), "%s: sig_share %u", v->file, v->ids[j]);
        CHECK(tsr_frost_verify_signature_share(ctx, v->suite, &shares[j], &vshares[j], list, 2, &group_key, msg, msglen,
                                               &blame) == TSR_OK);
    }
    /* Aggregate and verify. */
    CHECK(tsr_frost_aggregate(ctx, sig, &siglen, culprits, 2, &nc, v->suite, list, shares, vshares, 2, &group_key,
                              msg, msglen) == TSR_OK);
    CHECK(nc == 0 && siglen == tsr_frost_sig_len(v->suite));
    CHECK_MSG(bytes_are_hex(sig, siglen, v->sig), "%s: final_output.sig", v->file);
    CHECK(tsr_frost_verify(ctx, v->suite, sig, siglen, &group_key, msg, msglen) == TSR_OK);
    if (v->suite == TSR_SUITE_SECP256K1_SHA256) {
        /* R of the signature is the group commitment. */
        CHECK(bytes_are_hex(sig, 33, "0205b6d04d3774c8929413e3c76024d54149c372d57aae62574ed74319b5ea14d0"));
        CHECK(point_is_hex(&r, "0205b6d04d3774c8929413e3c76024d54149c372d57aae62574ed74319b5ea14d0"));
    } else {
        uint8_t file_sig[64];
        CHECK(tsr_test_unhex(file_sig, 64, v->sig) == 64);
        /* The file's signature verifies under libsecp256k1 BIP340 with x(PK). */
        CHECK_MSG(schnorr_ok(file_sig, msg, msglen, &group_key), "%s: schnorrsig_verify", v->file);
        CHECK(schnorr_ok(sig, msg, msglen, &group_key));
        file_sig[5] ^= 0x10;
        CHECK(!schnorr_ok(file_sig, msg, msglen, &group_key));
    }
    for (i = 0; i < 3; i++) {
        tsr_frost_keypkg_clear(&pkgs[i]);
        CHECK(pkgs[i].magic == 0 && scalar_is_zero(&pkgs[i].share));
    }
}

/* ZF elements.json: an invalid element must fail deserialization (as a commitment point too). */
static void test_elements(void) {
    /* vectors/external/zcash-frost/frost-secp256k1-elements.json: elements.invalid_element */
    static const char *const bad = "123456afdf4a7f88885ab26b20d18edb7d4d9589812a6cf1a5a1a09d3808dae5d8";
    uint8_t b[TSR_FROST_COMMITMENT_BYTES];
    tsr_point p;
    tsr_frost_commitment c;
    tsr_check why = TSR_CHECK_NONE;
    CHECK(tsr_test_unhex(b, 33, bad) == 33);
    CHECK(tsr_point_decode(ctx, &p, b, 33, 0, &why) == TSR_ERR_ENCODING && why == TSR_CHECK_POINT_PREFIX);
    /* The same bytes as the hiding commitment of an otherwise valid commitment. */
    memset(b, 0, sizeof b);
    b[3] = 1;
    CHECK(tsr_test_unhex(b + 4, 33, bad) == 33);
    CHECK(tsr_test_unhex(b + 37, 33, "02f37c34b66ced1fb51c34a90bdae006901f10625cc06c4f64663b0eae87d87b4f") == 33);
    CHECK(tsr_frost_commitment_decode(ctx, &c, b, sizeof b, &why) == TSR_ERR_ENCODING && why == TSR_CHECK_POINT_PREFIX);
    CHECK(c.id == 0 && c.hiding.infinity != 0);
}

/* H2 of the plain suite streams its input: it must equal tsr_hash_to_field over the whole
 * concatenation R || PK || msg with DST "FROST-secp256k1-SHA256-v1chal". */
static void test_h2_stream(void) {
    static const uint8_t dst[] = "FROST-secp256k1-SHA256-v1chal";
    uint8_t buf[66 + 200];
    tsr_scalar k, c, want;
    tsr_point r, pk;
    size_t len;
    for (len = 0; len <= 200; len += 37) {
        uint8_t kb[64];
        tsr_test_randbytes(kb, sizeof kb);
        CHECK(tsr_scalar_reduce_be(&k, kb, 64) == TSR_OK);
        CHECK(tsr_point_base_mul(ctx, &r, &k) == TSR_OK);
        tsr_test_randbytes(kb, sizeof kb);
        CHECK(tsr_scalar_reduce_be(&k, kb, 64) == TSR_OK);
        CHECK(tsr_point_base_mul(ctx, &pk, &k) == TSR_OK);
        CHECK(tsr_point_encode(ctx, buf, &r) == TSR_OK);
        CHECK(tsr_point_encode(ctx, buf + 33, &pk) == TSR_OK);
        tsr_test_randbytes(buf + 66, len);
        CHECK(tsr_frost_compute_challenge(ctx, &c, TSR_SUITE_SECP256K1_SHA256, &r, &pk, buf + 66, len) == TSR_OK);
        CHECK(tsr_hash_to_field(&want, 1, buf, 66 + len, dst, sizeof dst - 1) == TSR_OK);
        CHECK_MSG(scalar_eq(&c, &want), "H2 streaming, msglen %zu", len);
    }
}

/* ---- ceremonies --------------------------------------------------------------------------- */

typedef struct {
    uint8_t suite;
    size_t t, n, k;
    tsr_frost_keypkg pkgs[MAXN];
    tsr_point group_key;
    uint32_t signers[MAXN];
    tsr_frost_commitment list[MAXN];
    tsr_frost_nonce nonce[MAXN];
    tsr_frost_sigshare shares[MAXN];
    tsr_point vshares[MAXN];
    uint8_t msg[32];
} ceremony;

static ceremony cer;

/* Dealer keygen with a fresh secret, and k random signers (sorted). */
static void ceremony_keys(ceremony *w, uint8_t suite, size_t t, size_t n, size_t k) {
    static uint8_t rand[64 * MAXN];
    uint8_t used[MAXN + 1];
    size_t i, j;
    memset(w, 0, sizeof *w);
    w->suite = suite;
    w->t = t;
    w->n = n;
    w->k = k;
    tsr_test_randbytes(rand, 64 * t);
    CHECK(tsr_frost_keygen_dealer(ctx, w->pkgs, &w->group_key, NULL, suite, t, n, NULL, rand, 64 * t) == TSR_OK);
    memset(used, 0, sizeof used);
    for (i = 0; i < k; i++) {
        uint32_t id;
        do {
            id = (uint32_t)(tsr_test_rand64() % n) + 1;
        } while (used[id]);
        used[id] = 1;
    }
    for (i = 1, j = 0; i <= n; i++) {
        if (used[i]) {
            w->signers[j++] = (uint32_t)i;
        }
    }
    CHECK(j == k);
    tsr_test_randbytes(w->msg, sizeof w->msg);
}

/* Round one for every signer. */
static void ceremony_commit(ceremony *w) {
    size_t j;
    for (j = 0; j < w->k; j++) {
        uint8_t r[64];
        rand64(r);
        CHECK(tsr_frost_commit(ctx, &w->nonce[j], &w->list[j], &w->pkgs[w->signers[j] - 1], r) == TSR_OK);
        w->vshares[j] = w->pkgs[w->signers[j] - 1].verifying_share;
    }
}

/* Round two for every signer. */
static void ceremony_sign(ceremony *w) {
    size_t j;
    tsr_blame b;
    for (j = 0; j < w->k; j++) {
        CHECK(tsr_frost_sign(ctx, &w->shares[j], &w->nonce[j], &w->pkgs[w->signers[j] - 1], w->list, w->k, w->msg,
                             sizeof w->msg, &b) == TSR_OK);
    }
}

static void test_round_trip(uint8_t suite, size_t t, size_t n, size_t iters) {
    size_t it, j, odd_keys = 0;
    for (it = 0; it < iters; it++) {
        ceremony *w = &cer;
        uint8_t sig[TSR_FROST_SIG_MAX_BYTES], x[32];
        size_t siglen = 0, nc = 99;
        tsr_blame culprits[4], b;
        int odd = 0;
        ceremony_keys(w, suite, t, n, t + (size_t)(tsr_test_rand64() % (n - t + 1)));
        CHECK(tsr_point_encode_xonly(ctx, x, &odd, &w->group_key) == TSR_OK);
        odd_keys += (size_t)odd;
        ceremony_commit(w);
        CHECK(tsr_frost_check_commitment_list(w->list, w->k, t, NULL) == TSR_OK);
        ceremony_sign(w);
        if (it == 0) {
            for (j = 0; j < w->k; j++) {
                CHECK(tsr_frost_verify_signature_share(ctx, suite, &w->shares[j], &w->vshares[j], w->list, w->k,
                                                       &w->group_key, w->msg, sizeof w->msg, &b) == TSR_OK);
            }
        }
        CHECK_MSG(tsr_frost_aggregate(ctx, sig, &siglen, culprits, 4, &nc, suite, w->list, w->shares, w->vshares,
                                      w->k, &w->group_key, w->msg, sizeof w->msg) == TSR_OK,
                  "%s %zu-of-%zu with %zu signers", suite_name(suite), t, n, w->k);
        CHECK(nc == 0 && siglen == tsr_frost_sig_len(suite));
        CHECK(tsr_frost_verify(ctx, suite, sig, siglen, &w->group_key, w->msg, sizeof w->msg) == TSR_OK);
        if (suite == TSR_SUITE_SECP256K1_TR) {
            CHECK_MSG(schnorr_ok(sig, w->msg, sizeof w->msg, &w->group_key), "schnorrsig_verify %zu-of-%zu", t, n);
        }
        /* A different message fails. */
        w->msg[0] ^= 1;
        CHECK(tsr_frost_verify(ctx, suite, sig, siglen, &w->group_key, w->msg, sizeof w->msg) == TSR_ERR_VERIFY);
        for (j = 0; j < n; j++) {
            tsr_frost_keypkg_clear(&w->pkgs[j]);
        }
    }
    (void)odd_keys;
}

/* A TR key with odd y and one with even y must both sign (the even-y handling of PK), and R
 * with odd y occurs about half of the time (the nonce negation). */
static void test_tr_parities(void) {
    size_t it, seen_pk[2] = {0, 0}, seen_r[2] = {0, 0};
    for (it = 0; it < 40 && (seen_pk[0] == 0 || seen_pk[1] == 0 || seen_r[0] == 0 || seen_r[1] == 0); it++) {
        ceremony *w = &cer;
        uint8_t sig[64], x[32]; /* exactly tsr_frost_sig_len(TR): aggregate writes no more */
        size_t siglen = 0, nc = 0;
        tsr_blame culprits[2];
        tsr_scalar rho[3];
        tsr_point r;
        int odd = 0, rodd = 0;
        ceremony_keys(w, TSR_SUITE_SECP256K1_TR, 2, 3, 2);
        CHECK(tsr_point_encode_xonly(ctx, x, &odd, &w->group_key) == TSR_OK);
        seen_pk[odd]++;
        ceremony_commit(w);
        CHECK(tsr_frost_compute_binding_factors(ctx, rho, NULL, w->suite, &w->group_key, w->list, 2, w->msg,
                                                sizeof w->msg) == TSR_OK);
        CHECK(tsr_frost_compute_group_commitment(ctx, &r, w->list, rho, 2) == TSR_OK);
        CHECK(tsr_point_encode_xonly(ctx, x, &rodd, &r) == TSR_OK);
        seen_r[rodd]++;
        ceremony_sign(w);
        CHECK(tsr_frost_aggregate(ctx, sig, &siglen, culprits, 2, &nc, w->suite, w->list, w->shares, w->vshares, 2,
                                  &w->group_key, w->msg, sizeof w->msg) == TSR_OK);
        CHECK(siglen == 64 && memcmp(sig, x, 32) == 0);
        CHECK(schnorr_ok(sig, w->msg, sizeof w->msg, &w->group_key));
    }
    CHECK_MSG(seen_pk[0] > 0 && seen_pk[1] > 0 && seen_r[0] > 0 && seen_r[1] > 0,
              "parities seen: PK even %zu odd %zu, R even %zu odd %zu", seen_pk[0], seen_pk[1], seen_r[0], seen_r[1]);
}

/* ---- aggregation blame --------------------------------------------------------------------- */

static void test_bad_shares(uint8_t suite) {
    ceremony *w = &cer;
    tsr_frost_sigshare saved[MAXN];
    tsr_blame culprits[MAXN], b;
    uint8_t sig[TSR_FROST_SIG_MAX_BYTES], zeros[TSR_FROST_SIG_MAX_BYTES];
    size_t siglen = 7, nc = 0, j;
    tsr_scalar one;
    tsr_scalar_set_u32(&one, 1);
    memset(zeros, 0, sizeof zeros);
    ceremony_keys(w, suite, 3, 5, 5);
    ceremony_commit(w);
    ceremony_sign(w);
    memcpy(saved, w->shares, sizeof saved);
    /* One bad share: exactly that culprit. */
    tsr_scalar_add(&w->shares[2].z, &w->shares[2].z, &one);
    CHECK(tsr_frost_aggregate(ctx, sig, &siglen, culprits, MAXN, &nc, suite, w->list, w->shares, w->vshares, w->k,
                              &w->group_key, w->msg, sizeof w->msg) == TSR_ERR_VERIFY);
    CHECK(siglen == 0 && memcmp(sig, zeros, sizeof sig) == 0);
    CHECK_MSG(nc == 1 && culprits[0].culprit == w->signers[2], "%s: one culprit, got %zu", suite_name(suite), nc);
    CHECK(culprits[0].phase == TSR_PHASE_AGGREGATE && culprits[0].round == 2 &&
          culprits[0].check == TSR_CHECK_SIGNATURE_SHARE);
    CHECK(tsr_frost_verify_signature_share(ctx, suite, &w->shares[2], &w->vshares[2], w->list, w->k, &w->group_key,
                                           w->msg, sizeof w->msg, &b) == TSR_ERR_VERIFY);
    CHECK(b.culprit == w->signers[2] && b.check == TSR_CHECK_SIGNATURE_SHARE && b.phase == TSR_PHASE_AGGREGATE);
    CHECK(tsr_frost_verify_signature_share(ctx, suite, &w->shares[1], &w->vshares[1], w->list, w->k, &w->group_key,
                                           w->msg, sizeof w->msg, &b) == TSR_OK);
    /* Several bad shares: all of them, in list order. */
    tsr_scalar_add(&w->shares[0].z, &w->shares[0].z, &one);
    tsr_scalar_set_u32(&w->shares[4].z, 0);
    CHECK(tsr_frost_aggregate(ctx, sig, &siglen, culprits, MAXN, &nc, suite, w->list, w->shares, w->vshares, w->k,
                              &w->group_key, w->msg, sizeof w->msg) == TSR_ERR_VERIFY);
    CHECK(nc == 3 && culprits[0].culprit == w->signers[0] && culprits[1].culprit == w->signers[2] &&
          culprits[2].culprit == w->signers[4]);
    /* culprits_cap bounds what is written. */
    CHECK(tsr_frost_aggregate(ctx, sig, &siglen, culprits, 2, &nc, suite, w->list, w->shares, w->vshares, w->k,
                              &w->group_key, w->msg, sizeof w->msg) == TSR_ERR_VERIFY);
    CHECK(nc == 2 && culprits[1].culprit == w->signers[2]);
    /* A share that is valid for another signer's key is still a culprit (wrong verifying share). */
    memcpy(w->shares, saved, sizeof saved);
    {
        tsr_point tmp = w->vshares[1];
        w->vshares[1] = w->vshares[3];
        CHECK(tsr_frost_aggregate(ctx, sig, &siglen, culprits, MAXN, &nc, suite, w->list, w->shares, w->vshares, w->k,
                                  &w->group_key, w->msg, sizeof w->msg) == TSR_OK); /* signature fine: no share check */
        w->vshares[1] = tmp;
    }
    /* Shares out of place: TSR_CHECK_MISSING naming the list entry. */
    w->shares[1] = saved[2];
    w->shares[2] = saved[1];
    CHECK(tsr_frost_aggregate(ctx, sig, &siglen, culprits, MAXN, &nc, suite, w->list, w->shares, w->vshares, w->k,
                              &w->group_key, w->msg, sizeof w->msg) == TSR_ERR_ARG);
    CHECK(nc == 1 && culprits[0].culprit == w->signers[1] && culprits[0].check == TSR_CHECK_MISSING);
    memcpy(w->shares, saved, sizeof saved);
    /* Fewer than t signers: every share is individually valid but the sum is no signature; the
     * aggregator blames nobody. */
    {
        tsr_frost_commitment sub[2];
        tsr_frost_sigshare subsh[2];
        tsr_point subvs[2];
        tsr_blame bb;
        ceremony_keys(w, suite, 3, 5, 2);
        ceremony_commit(w);
        memcpy(sub, w->list, sizeof sub);
        for (j = 0; j < 2; j++) {
            CHECK(tsr_frost_sign(ctx, &subsh[j], &w->nonce[j], &w->pkgs[w->signers[j] - 1], sub, 2, w->msg,
                                 sizeof w->msg, &bb) == TSR_OK);
            subvs[j] = w->vshares[j];
        }
        CHECK(tsr_frost_check_commitment_list(sub, 2, 3, &bb) == TSR_ERR_ARG && bb.check == TSR_CHECK_SIGNER_COUNT);
        CHECK(tsr_frost_aggregate(ctx, sig, &siglen, culprits, MAXN, &nc, suite, sub, subsh, subvs, 2, &w->group_key,
                                  w->msg, sizeof w->msg) == TSR_ERR_VERIFY);
        CHECK(nc == 0);
    }
}

/* ---- round-two input checks ---------------------------------------------------------------- */

/* Signer list[0] signs a manipulated list: sign refuses, blames the coordinator, and the nonce is
 * consumed anyway. */
static void bad_list_case(ceremony *w, int mutation, int want_err, tsr_check want_check) {
    tsr_frost_commitment list[MAXN];
    tsr_frost_nonce nonce;
    tsr_frost_commitment mine;
    tsr_frost_sigshare share;
    tsr_blame b;
    size_t k = w->k;
    uint8_t r[64];
    const tsr_frost_keypkg *p = &w->pkgs[w->signers[0] - 1];
    int err;
    rand64(r);
    CHECK(tsr_frost_commit(ctx, &nonce, &mine, p, r) == TSR_OK);
    memcpy(list, w->list, sizeof list);
    list[0] = mine;
    switch (mutation) {
    case 0: { tsr_frost_commitment tmp = list[0]; list[0] = list[1]; list[1] = tmp; break; } /* unsorted */
    case 1: list[1] = list[0]; break;                                                        /* duplicate */
    case 2: tsr_point_set_identity(&list[1].binding); break;                                 /* identity E */
    case 3: tsr_point_set_identity(&list[1].hiding); break;                                  /* identity D */
    case 4: memmove(list, list + 1, (k - 1) * sizeof list[0]); k--; break;                   /* own missing */
    case 5: list[0].hiding = list[1].hiding; break;                                          /* own altered */
    case 6: list[0].binding = list[1].binding; break;                                        /* own altered */
    case 7: list[0].id = 0; break;                                                           /* id zero */
    case 8: list[k - 1].id = TSR_MAX_PARTIES + 1; break;                                     /* id too large */
    case 9: k = 0; break;                                                                    /* empty */
    case 10: k = TSR_MAX_PARTIES + 1; break;                                                 /* too many */
    default: break;
    }
    err = tsr_frost_sign(ctx, &share, &nonce, p, list, k, w->msg, sizeof w->msg, &b);
    CHECK_MSG(err == want_err && b.check == want_check && b.culprit == TSR_CULPRIT_COORDINATOR &&
              b.phase == TSR_PHASE_SIGN && b.round == 2,
              "mutation %d: err %d check %u culprit %u", mutation, err, b.check, b.culprit);
    CHECK(nonce.magic == 0 && scalar_is_zero(&nonce.hiding) && scalar_is_zero(&nonce.binding));
    CHECK(share.id == 0 && scalar_is_zero(&share.z));
    /* The consumed nonce cannot be used again, even with the right list. */
    CHECK(tsr_frost_sign(ctx, &share, &nonce, p, w->list, w->k, w->msg, sizeof w->msg, &b) == TSR_ERR_STATE);
}

static void test_sign_checks(uint8_t suite) {
    ceremony *w = &cer;
    tsr_frost_sigshare share, share2;
    tsr_frost_nonce nonce, copy;
    tsr_frost_commitment mine;
    tsr_frost_keypkg badkey;
    tsr_blame b;
    uint8_t r[64];
    const tsr_frost_keypkg *p;
    size_t k;

    ceremony_keys(w, suite, 3, 5, 4);
    ceremony_commit(w);
    p = &w->pkgs[w->signers[0] - 1];
    bad_list_case(w, 0, TSR_ERR_ARG, TSR_CHECK_ID_ORDER);
    bad_list_case(w, 1, TSR_ERR_ARG, TSR_CHECK_ID_DUPLICATE);
    bad_list_case(w, 2, TSR_ERR_RANGE, TSR_CHECK_POINT_IDENTITY);
    bad_list_case(w, 3, TSR_ERR_RANGE, TSR_CHECK_POINT_IDENTITY);
    bad_list_case(w, 4, TSR_ERR_ARG, TSR_CHECK_OWN_COMMITMENT);
    bad_list_case(w, 5, TSR_ERR_ARG, TSR_CHECK_OWN_COMMITMENT);
    bad_list_case(w, 6, TSR_ERR_ARG, TSR_CHECK_OWN_COMMITMENT);
    bad_list_case(w, 7, TSR_ERR_ARG, TSR_CHECK_ID_ZERO);
    bad_list_case(w, 8, TSR_ERR_ARG, TSR_CHECK_SENDER);
    bad_list_case(w, 9, TSR_ERR_ARG, TSR_CHECK_SIGNER_COUNT);
    bad_list_case(w, 10, TSR_ERR_ARG, TSR_CHECK_SIGNER_COUNT);

    /* Nonce reuse: the first sign consumes, the second is TSR_ERR_STATE; a copy made before the
     * first use is the caller's problem, but the consumed original is wiped. */
    rand64(r);
    CHECK(tsr_frost_commit(ctx, &nonce, &mine, p, r) == TSR_OK);
    w->list[0] = mine;
    copy = nonce;
    CHECK(tsr_frost_sign(ctx, &share, &nonce, p, w->list, w->k, w->msg, sizeof w->msg, &b) == TSR_OK);
    CHECK(nonce.magic == 0 && scalar_is_zero(&nonce.hiding) && scalar_is_zero(&nonce.binding) &&
          nonce.commitment.id == 0);
    CHECK(tsr_frost_sign(ctx, &share2, &nonce, p, w->list, w->k, w->msg, sizeof w->msg, &b) == TSR_ERR_STATE);
    CHECK(share2.id == 0 && scalar_is_zero(&share2.z) && b.check == TSR_CHECK_NONE);
    /* Deterministic: the same nonces on the same inputs give the same share (vector reproducibility). */
    CHECK(tsr_frost_sign(ctx, &share2, &copy, p, w->list, w->k, w->msg, sizeof w->msg, &b) == TSR_OK);
    CHECK(scalar_eq(&share.z, &share2.z) && copy.magic == 0);
    /* A cleared nonce is stale too. */
    CHECK(tsr_frost_commit(ctx, &nonce, &mine, p, r) == TSR_OK);
    tsr_frost_nonce_clear(&nonce);
    CHECK(tsr_frost_sign(ctx, &share, &nonce, p, w->list, w->k, w->msg, sizeof w->msg, &b) == TSR_ERR_STATE);
    /* The nonce of another signer: own commitment mismatch. */
    CHECK(tsr_frost_commit(ctx, &nonce, &mine, &w->pkgs[w->signers[1] - 1], r) == TSR_OK);
    CHECK(tsr_frost_sign(ctx, &share, &nonce, p, w->list, w->k, w->msg, sizeof w->msg, &b) == TSR_ERR_ARG);
    CHECK(b.check == TSR_CHECK_OWN_COMMITMENT && nonce.magic == 0);
    /* A key that is not a key package. */
    badkey = *p;
    badkey.magic = 0;
    CHECK(tsr_frost_commit(ctx, &nonce, &mine, p, r) == TSR_OK);
    CHECK(tsr_frost_sign(ctx, &share, &nonce, &badkey, w->list, w->k, w->msg, sizeof w->msg, &b) == TSR_ERR_ARG);
    CHECK(nonce.magic == 0);
    CHECK(tsr_frost_commit(ctx, &nonce, &mine, &badkey, r) == TSR_ERR_ARG && nonce.magic == 0 && mine.id == 0);
    /* All-zero randomness halves are refused. */
    memset(r, 0, 32);
    CHECK(tsr_frost_commit(ctx, &nonce, &mine, p, r) == TSR_ERR_ARG && nonce.magic == 0);
    rand64(r);
    memset(r + 32, 0, 32);
    CHECK(tsr_frost_commit(ctx, &nonce, &mine, p, r) == TSR_ERR_ARG && nonce.magic == 0);

    /* tsr_frost_check_commitment_list on its own: count against t, blame ids. */
    k = w->k;
    CHECK(tsr_frost_check_commitment_list(w->list, k, k + 1, &b) == TSR_ERR_ARG && b.check == TSR_CHECK_SIGNER_COUNT &&
          b.culprit == TSR_CULPRIT_NONE);
    CHECK(tsr_frost_check_commitment_list(w->list, k, k, &b) == TSR_OK);
    {
        tsr_frost_commitment l2[MAXN];
        memcpy(l2, w->list, sizeof l2);
        tsr_point_set_identity(&l2[2].hiding);
        CHECK(tsr_frost_check_commitment_list(l2, k, 1, &b) == TSR_ERR_RANGE && b.culprit == l2[2].id &&
              b.check == TSR_CHECK_POINT_IDENTITY && b.phase == TSR_PHASE_SIGN && b.round == 1);
        memcpy(l2, w->list, sizeof l2);
        l2[3].id = l2[1].id;
        CHECK(tsr_frost_check_commitment_list(l2, k, 1, &b) == TSR_ERR_ARG && b.check == TSR_CHECK_ID_ORDER &&
              b.culprit == l2[1].id);
        CHECK(tsr_frost_check_commitment_list(l2, k, 1, NULL) == TSR_ERR_ARG);
    }
    /* derive_interpolating_value input checks (RFC 9591 §4.2). */
    {
        tsr_scalar lambda;
        tsr_frost_commitment l2[3];
        memcpy(l2, w->list, sizeof l2);
        CHECK(tsr_frost_derive_interpolating_value(&lambda, l2, 3, 999) == TSR_ERR_ARG && scalar_is_zero(&lambda));
        CHECK(tsr_frost_derive_interpolating_value(&lambda, l2, 0, l2[0].id) == TSR_ERR_ARG);
        l2[2].id = l2[0].id;
        CHECK(tsr_frost_derive_interpolating_value(&lambda, l2, 3, l2[1].id) == TSR_ERR_ARG);
        l2[2].id = 0;
        CHECK(tsr_frost_derive_interpolating_value(&lambda, l2, 3, l2[1].id) == TSR_ERR_ARG);
    }
    /* verify_signature_share: an id not in the list. */
    {
        tsr_frost_sigshare s;
        s.id = 77;
        tsr_scalar_set_u32(&s.z, 5);
        CHECK(tsr_frost_verify_signature_share(ctx, suite, &s, &w->vshares[0], w->list, w->k, &w->group_key, w->msg,
                                               sizeof w->msg, &b) == TSR_ERR_ARG && b.check == TSR_CHECK_ID_UNKNOWN);
    }
    /* Consume the ceremony's outstanding nonces. */
    for (k = 0; k < w->k; k++) {
        tsr_frost_nonce_clear(&w->nonce[k]);
    }
}

/* Interpolating values sum to 1 at x = 0 weighted by ids^0 and reconstruct the secret. */
static void test_lambda(void) {
    ceremony *w = &cer;
    tsr_scalar lambda, acc, term, one;
    size_t j;
    ceremony_keys(w, TSR_SUITE_SECP256K1_SHA256, 4, 9, 6);
    for (j = 0; j < w->k; j++) {
        w->list[j].id = w->signers[j];
    }
    tsr_scalar_set_u32(&acc, 0);
    tsr_scalar_set_u32(&one, 0);
    for (j = 0; j < w->k; j++) {
        CHECK(tsr_frost_derive_interpolating_value(&lambda, w->list, w->k, w->signers[j]) == TSR_OK);
        tsr_scalar_mul(&term, &lambda, &w->pkgs[w->signers[j] - 1].share);
        tsr_scalar_add(&acc, &acc, &term);
        tsr_scalar_add(&one, &one, &lambda);
    }
    {
        tsr_point pk;
        tsr_scalar u;
        CHECK(tsr_point_base_mul(ctx, &pk, &acc) == TSR_OK);
        CHECK(tsr_point_eq(ctx, &pk, &w->group_key));
        tsr_scalar_set_u32(&u, 1);
        CHECK(scalar_eq(&one, &u));
    }
}

/* derive_interpolating_value (variable-time inversion of batched identifier differences)
 * against tsr_lagrange_coeff (sharing module, Fermat inversion): random id sets, small and
 * large u32 ids, unsorted, k up to TSR_MAX_PARTIES. */
static void test_lambda_differential(void) {
    static tsr_frost_commitment l[TSR_MAX_PARTIES];
    static tsr_scalar ids[TSR_MAX_PARTIES];
    size_t it, i, j, k;
    for (it = 0; it < 60; it++) {
        int mode = (int)(it % 3);
        k = it == 0 ? TSR_MAX_PARTIES : 1 + (size_t)(tsr_test_rand64() % (it < 30 ? 8 : 40));
        for (i = 0; i < k; i++) {
            uint32_t id;
            int again;
            do {
                id = mode == 0 ? (uint32_t)(1 + tsr_test_rand64() % TSR_MAX_PARTIES)
                   : mode == 1 ? (uint32_t)(1 + tsr_test_rand64() % 0xFFFFFFFFu)
                               : (uint32_t)(0xFFFFFFFFu - tsr_test_rand64() % 1000);
                again = 0;
                for (j = 0; j < i; j++) {
                    again |= l[j].id == id;
                }
            } while (again || id == 0);
            l[i].id = id;
            tsr_scalar_set_u32(&ids[i], id);
        }
        for (i = 0; i < k; i += 1 + k / 7) {
            tsr_scalar got, want;
            CHECK(tsr_frost_derive_interpolating_value(&got, l, k, l[i].id) == TSR_OK);
            CHECK(tsr_lagrange_coeff(&want, ids, k, i, NULL, NULL) == TSR_OK);
            CHECK_MSG(scalar_eq(&got, &want), "lambda differs: k %zu index %zu mode %d", k, i, mode);
        }
    }
}

/* ---- keys --------------------------------------------------------------------------------- */

static void test_keygen(void) {
    static tsr_frost_keypkg pkgs[TSR_MAX_PARTIES + 1];
    static uint8_t rand[64 * 4];
    tsr_point gk;
    tsr_vss_commitment com;
    tsr_scalar secret, zero;
    tsr_frost_keypkg pkg;
    size_t i;

    tsr_test_randbytes(rand, sizeof rand);
    secret.d[0] = 7;
    for (i = 1; i < 8; i++) {
        secret.d[i] = 0;
    }
    tsr_scalar_set_u32(&zero, 0);
    /* Argument checks: every output cleared. */
    CHECK(tsr_frost_keygen_dealer(ctx, pkgs, &gk, &com, TSR_SUITE_SECP256K1_SHA256, 1, 3, &secret, rand, 0) ==
          TSR_ERR_ARG);
    CHECK(gk.infinity != 0 && com.t == 0 && pkgs[0].magic == 0);
    CHECK(tsr_frost_keygen_dealer(ctx, pkgs, &gk, &com, TSR_SUITE_SECP256K1_SHA256, 4, 3, &secret, rand, 192) ==
          TSR_ERR_ARG);
    CHECK(tsr_frost_keygen_dealer(ctx, pkgs, &gk, &com, 9, 2, 3, &secret, rand, 64) == TSR_ERR_ARG);
    CHECK(tsr_frost_keygen_dealer(ctx, pkgs, &gk, &com, TSR_SUITE_SECP256K1_SHA256, 2, 3, &secret, rand, 128) ==
          TSR_ERR_ARG);
    CHECK(tsr_frost_keygen_dealer(ctx, pkgs, &gk, &com, TSR_SUITE_SECP256K1_SHA256, 2, 3, NULL, rand, 64) ==
          TSR_ERR_ARG);
    CHECK(tsr_frost_keygen_dealer(ctx, pkgs, &gk, &com, TSR_SUITE_SECP256K1_SHA256, 2, TSR_MAX_PARTIES + 1, &secret,
                                  rand, 64) == TSR_ERR_ARG);
    CHECK(tsr_frost_keygen_dealer(ctx, pkgs, &gk, &com, TSR_SUITE_SECP256K1_SHA256, 2, 3, &zero, rand, 64) ==
          TSR_ERR_ARG);
    CHECK(gk.infinity != 0 && com.t == 0 && pkgs[0].magic == 0 && pkgs[2].magic == 0);
    /* n = TSR_MAX_PARTIES, t = 2. */
    CHECK(tsr_frost_keygen_dealer(ctx, pkgs, &gk, &com, TSR_SUITE_SECP256K1_TR, 2, TSR_MAX_PARTIES, NULL, rand, 128) ==
          TSR_OK);
    CHECK(pkgs[TSR_MAX_PARTIES - 1].id == TSR_MAX_PARTIES && com.t == 2);
    for (i = 0; i < TSR_MAX_PARTIES; i += 51) {
        tsr_scalar x;
        tsr_scalar_set_u32(&x, pkgs[i].id);
        CHECK(tsr_feldman_verify(ctx, &com, &x, &pkgs[i].share, NULL) == TSR_OK);
    }
    /* keypkg_set: computes or checks the verifying share. */
    CHECK(tsr_frost_keypkg_set(ctx, &pkg, TSR_SUITE_SECP256K1_TR, 5, &pkgs[4].share, &pkgs[4].verifying_share, &gk) ==
          TSR_OK);
    CHECK(pkg.magic == TSR_FROST_KEYPKG_MAGIC && pkg.id == 5 && tsr_point_eq(ctx, &pkg.verifying_share,
                                                                           &pkgs[4].verifying_share));
    CHECK(tsr_frost_keypkg_set(ctx, &pkg, TSR_SUITE_SECP256K1_TR, 5, &pkgs[4].share, NULL, &gk) == TSR_OK);
    CHECK(tsr_point_eq(ctx, &pkg.verifying_share, &pkgs[4].verifying_share));
    CHECK(tsr_frost_keypkg_set(ctx, &pkg, TSR_SUITE_SECP256K1_TR, 5, &pkgs[4].share, &pkgs[5].verifying_share, &gk) ==
          TSR_ERR_VERIFY);
    CHECK(pkg.magic == 0);
    CHECK(tsr_frost_keypkg_set(ctx, &pkg, TSR_SUITE_SECP256K1_TR, 0, &pkgs[4].share, NULL, &gk) == TSR_ERR_ARG);
    CHECK(tsr_frost_keypkg_set(ctx, &pkg, TSR_SUITE_SECP256K1_TR, TSR_MAX_PARTIES + 1, &pkgs[4].share, NULL, &gk) ==
          TSR_ERR_ARG);
    CHECK(tsr_frost_keypkg_set(ctx, &pkg, 0, 5, &pkgs[4].share, NULL, &gk) == TSR_ERR_ARG);
    {
        tsr_point id;
        tsr_point_set_identity(&id);
        CHECK(tsr_frost_keypkg_set(ctx, &pkg, TSR_SUITE_SECP256K1_TR, 5, &pkgs[4].share, NULL, &id) == TSR_ERR_ARG);
    }
    /* In place: pkg built from its own fields. */
    pkg = pkgs[4];
    CHECK(tsr_frost_keypkg_set(ctx, &pkg, TSR_SUITE_SECP256K1_TR, 5, &pkg.share, &pkg.verifying_share,
                               &pkg.group_key) == TSR_OK);
    CHECK(scalar_eq(&pkg.share, &pkgs[4].share) && tsr_point_eq(ctx, &pkg.group_key, &gk));
    tsr_frost_keypkg_clear(&pkg);
    for (i = 0; i < TSR_MAX_PARTIES; i++) {
        tsr_frost_keypkg_clear(&pkgs[i]);
    }
    CHECK(tsr_frost_sig_len(TSR_SUITE_SECP256K1_SHA256) == 65 && tsr_frost_sig_len(TSR_SUITE_SECP256K1_TR) == 64 &&
          tsr_frost_sig_len(0) == 0);
    CHECK(tsr_frost_nonce_generate(&secret, 3, rand, &zero) == TSR_ERR_ARG);
}

/* BIP341 Taproot tweak, with and without a merkle root: the tweaked key must equal libsecp256k1's
 * secp256k1_xonly_pubkey_tweak_add of TapTweak(x(P) || root), and the threshold signature must
 * verify under the tweaked x-only key with secp256k1_schnorrsig_verify. */
static void test_tweak(void) {
    size_t it;
    for (it = 0; it < 8; it++) {
        ceremony *w = &cer;
        uint8_t root[32], tweak32[32], buf[64], x[32], xq[32], sig[TSR_FROST_SIG_MAX_BYTES];
        const uint8_t *rootp = (it % 2) ? root : NULL;
        secp256k1_xonly_pubkey xp;
        secp256k1_pubkey q_secp;
        tsr_point q, vsh[5], gk0;
        tsr_blame culprits[3];
        tsr_frost_keypkg keep;
        size_t siglen = 0, nc = 0, i, j;
        uint8_t q33[33], qs33[33];
        size_t qlen = 33;
        ceremony_keys(w, TSR_SUITE_SECP256K1_TR, 3, 5, 3);
        tsr_test_randbytes(root, sizeof root);
        gk0 = w->group_key;
        /* The oracle: libsecp256k1's own x-only tweak. */
        CHECK(tsr_point_encode_xonly(ctx, x, NULL, &w->group_key) == TSR_OK);
        memcpy(buf, x, 32);
        memcpy(buf + 32, root, 32);
        CHECK(secp256k1_tagged_sha256(secp, tweak32, (const unsigned char *)"TapTweak", 8, buf, rootp ? 64 : 32) == 1);
        CHECK(secp256k1_xonly_pubkey_parse(secp, &xp, x) == 1);
        CHECK(secp256k1_xonly_pubkey_tweak_add(secp, &q_secp, &xp, tweak32) == 1);
        CHECK(secp256k1_ec_pubkey_serialize(secp, qs33, &qlen, &q_secp, SECP256K1_EC_COMPRESSED) == 1);
        /* Public side. */
        q = w->group_key;
        for (i = 0; i < 5; i++) {
            vsh[i] = w->pkgs[i].verifying_share;
        }
        CHECK(tsr_frost_pubkey_tweak(ctx, &q, vsh, 5, rootp) == TSR_OK);
        CHECK(tsr_point_encode(ctx, q33, &q) == TSR_OK);
        CHECK_MSG(memcmp(q33, qs33, 33) == 0, "tweaked key differs from secp256k1_xonly_pubkey_tweak_add");
        /* Signer side. */
        for (i = 0; i < 5; i++) {
            CHECK(tsr_frost_keypkg_tweak(ctx, &w->pkgs[i], rootp) == TSR_OK);
            CHECK(tsr_point_eq(ctx, &w->pkgs[i].group_key, &q) && tsr_point_eq(ctx, &w->pkgs[i].verifying_share, &vsh[i]));
        }
        w->group_key = q;
        ceremony_commit(w); /* vshares from the tweaked packages */
        for (j = 0; j < w->k; j++) {
            CHECK(tsr_point_eq(ctx, &w->vshares[j], &vsh[w->signers[j] - 1]));
        }
        ceremony_sign(w);
        CHECK(tsr_frost_aggregate(ctx, sig, &siglen, culprits, 3, &nc, TSR_SUITE_SECP256K1_TR, w->list, w->shares,
                                  w->vshares, w->k, &q, w->msg, sizeof w->msg) == TSR_OK);
        CHECK(siglen == 64);
        CHECK(tsr_point_encode_xonly(ctx, xq, NULL, &q) == TSR_OK);
        CHECK_MSG(schnorr_ok(sig, w->msg, sizeof w->msg, &q), "tweaked signature (%s merkle root)",
                  rootp ? "with" : "no");
        CHECK(!schnorr_ok(sig, w->msg, sizeof w->msg, &gk0));
        /* Errors: not the TR suite; not a key package; nothing changes. */
        keep = w->pkgs[0];
        keep.suite = TSR_SUITE_SECP256K1_SHA256;
        CHECK(tsr_frost_keypkg_tweak(ctx, &keep, rootp) == TSR_ERR_ARG);
        keep.suite = TSR_SUITE_SECP256K1_TR;
        keep.magic = 0;
        CHECK(tsr_frost_keypkg_tweak(ctx, &keep, rootp) == TSR_ERR_ARG && scalar_eq(&keep.share, &w->pkgs[0].share));
        CHECK(tsr_frost_pubkey_tweak(ctx, &q, vsh, TSR_MAX_PARTIES + 1, rootp) == TSR_ERR_ARG);
        CHECK(tsr_point_eq(ctx, &q, &w->group_key));
        {
            tsr_point idp;
            tsr_point_set_identity(&idp);
            CHECK(tsr_frost_pubkey_tweak(ctx, &idp, NULL, 0, rootp) == TSR_ERR_ARG && idp.infinity != 0);
        }
        for (i = 0; i < 5; i++) {
            tsr_frost_keypkg_clear(&w->pkgs[i]);
        }
    }
}

/* ---- verification ------------------------------------------------------------------------- */

static void test_verify_rejects(uint8_t suite) {
    ceremony *w = &cer;
    uint8_t sig[TSR_FROST_SIG_MAX_BYTES + 1], bad[TSR_FROST_SIG_MAX_BYTES + 1];
    size_t siglen = 0, nc = 0, len = tsr_frost_sig_len(suite);
    tsr_blame culprits[3];
    tsr_point id;
    ceremony_keys(w, suite, 2, 3, 2);
    ceremony_commit(w);
    ceremony_sign(w);
    CHECK(tsr_frost_aggregate(ctx, sig, &siglen, culprits, 3, &nc, suite, w->list, w->shares, w->vshares, w->k,
                              &w->group_key, w->msg, sizeof w->msg) == TSR_OK);
    CHECK(siglen == len);
    CHECK(tsr_frost_verify(ctx, suite, sig, len - 1, &w->group_key, w->msg, sizeof w->msg) == TSR_ERR_ENCODING);
    sig[len] = 0;
    CHECK(tsr_frost_verify(ctx, suite, sig, len + 1, &w->group_key, w->msg, sizeof w->msg) == TSR_ERR_ENCODING);
    memcpy(bad, sig, len);
    memset(bad + len - 32, 0xff, 32); /* z >= n */
    CHECK(tsr_frost_verify(ctx, suite, bad, len, &w->group_key, w->msg, sizeof w->msg) == TSR_ERR_ENCODING);
    memcpy(bad, sig, len);
    bad[len - 1] ^= 1;
    CHECK(tsr_frost_verify(ctx, suite, bad, len, &w->group_key, w->msg, sizeof w->msg) == TSR_ERR_VERIFY);
    memcpy(bad, sig, len);
    if (suite == TSR_SUITE_SECP256K1_TR) {
        memset(bad, 0xff, 32); /* x(R) >= p */
        CHECK(tsr_frost_verify(ctx, suite, bad, len, &w->group_key, w->msg, sizeof w->msg) == TSR_ERR_ENCODING);
    } else {
        bad[0] = 0x04; /* R prefix */
        CHECK(tsr_frost_verify(ctx, suite, bad, len, &w->group_key, w->msg, sizeof w->msg) == TSR_ERR_ENCODING);
        memset(bad, 0, 33); /* R the identity */
        CHECK(tsr_frost_verify(ctx, suite, bad, len, &w->group_key, w->msg, sizeof w->msg) == TSR_ERR_ENCODING);
        memcpy(bad, sig, len);
        bad[0] ^= 1; /* -R */
        CHECK(tsr_frost_verify(ctx, suite, bad, len, &w->group_key, w->msg, sizeof w->msg) == TSR_ERR_VERIFY);
    }
    CHECK(tsr_frost_verify(ctx, 7, sig, len, &w->group_key, w->msg, sizeof w->msg) == TSR_ERR_ARG);
    tsr_point_set_identity(&id);
    CHECK(tsr_frost_verify(ctx, suite, sig, len, &id, w->msg, sizeof w->msg) == TSR_ERR_ARG);
    /* The other suite's signature of the same ceremony is not accepted. */
    CHECK(tsr_frost_verify(ctx, suite == TSR_SUITE_SECP256K1_TR ? TSR_SUITE_SECP256K1_SHA256 : TSR_SUITE_SECP256K1_TR,
                           sig, len, &w->group_key, w->msg, sizeof w->msg) == TSR_ERR_ENCODING);
    /* Empty message signs and verifies. */
    {
        size_t j;
        tsr_blame b;
        ceremony_commit(w);
        for (j = 0; j < w->k; j++) {
            CHECK(tsr_frost_sign(ctx, &w->shares[j], &w->nonce[j], &w->pkgs[w->signers[j] - 1], w->list, w->k, NULL, 0,
                                 &b) == TSR_OK);
        }
        CHECK(tsr_frost_aggregate(ctx, sig, &siglen, culprits, 3, &nc, suite, w->list, w->shares, w->vshares, w->k,
                                  &w->group_key, NULL, 0) == TSR_OK);
        CHECK(tsr_frost_verify(ctx, suite, sig, siglen, &w->group_key, NULL, 0) == TSR_OK);
        if (suite == TSR_SUITE_SECP256K1_TR) {
            CHECK(schnorr_ok(sig, NULL, 0, &w->group_key));
        }
    }
}

/* ---- encodings ---------------------------------------------------------------------------- */

static void test_encodings(void) {
    ceremony *w = &cer;
    static uint8_t buf[2 + TSR_FROST_COMMITMENT_BYTES * (TSR_MAX_PARTIES + 1)];
    static tsr_frost_commitment out[TSR_MAX_PARTIES];
    uint8_t enc[TSR_FROST_COMMITMENT_BYTES + 1], ss[TSR_FROST_SIGSHARE_BYTES + 1];
    tsr_frost_commitment c;
    tsr_frost_sigshare s;
    tsr_check why;
    size_t len = 0, k = 0, j;

    ceremony_keys(w, TSR_SUITE_SECP256K1_SHA256, 3, 5, 4);
    ceremony_commit(w);
    ceremony_sign(w);
    /* commitment */
    tsr_frost_commitment_encode(ctx, enc, &w->list[1]);
    why = TSR_CHECK_SIZE;
    CHECK(tsr_frost_commitment_decode(ctx, &c, enc, TSR_FROST_COMMITMENT_BYTES, &why) == TSR_OK &&
          why == TSR_CHECK_NONE);
    CHECK(c.id == w->list[1].id && tsr_point_eq(ctx, &c.hiding, &w->list[1].hiding) &&
          tsr_point_eq(ctx, &c.binding, &w->list[1].binding));
    CHECK(tsr_frost_commitment_decode(ctx, &c, enc, TSR_FROST_COMMITMENT_BYTES - 1, &why) == TSR_ERR_ENCODING &&
          why == TSR_CHECK_LENGTH && c.id == 0);
    enc[TSR_FROST_COMMITMENT_BYTES] = 0;
    CHECK(tsr_frost_commitment_decode(ctx, &c, enc, TSR_FROST_COMMITMENT_BYTES + 1, &why) == TSR_ERR_ENCODING &&
          why == TSR_CHECK_LENGTH);
    CHECK(tsr_frost_commitment_decode(ctx, &c, NULL, 0, &why) == TSR_ERR_ENCODING && why == TSR_CHECK_LENGTH);
    memset(enc, 0, 4);
    CHECK(tsr_frost_commitment_decode(ctx, &c, enc, TSR_FROST_COMMITMENT_BYTES, &why) == TSR_ERR_ENCODING &&
          why == TSR_CHECK_ID_ZERO);
    enc[2] = 1; /* id 256 */
    CHECK(tsr_frost_commitment_decode(ctx, &c, enc, TSR_FROST_COMMITMENT_BYTES, &why) == (TSR_MAX_PARTIES >= 256 ?
          TSR_OK : TSR_ERR_ENCODING));
    enc[2] = 0;
    enc[1] = 1; /* id 65536 */
    CHECK(tsr_frost_commitment_decode(ctx, &c, enc, TSR_FROST_COMMITMENT_BYTES, &why) == TSR_ERR_ENCODING &&
          why == TSR_CHECK_SENDER);
    tsr_frost_commitment_encode(ctx, enc, &w->list[1]);
    enc[4] = 0x04;
    CHECK(tsr_frost_commitment_decode(ctx, &c, enc, TSR_FROST_COMMITMENT_BYTES, &why) == TSR_ERR_ENCODING &&
          why == TSR_CHECK_POINT_PREFIX);
    tsr_frost_commitment_encode(ctx, enc, &w->list[1]);
    memset(enc + 38, 0xff, 32);
    CHECK(tsr_frost_commitment_decode(ctx, &c, enc, TSR_FROST_COMMITMENT_BYTES, &why) == TSR_ERR_ENCODING &&
          why == TSR_CHECK_POINT_X_RANGE);
    tsr_frost_commitment_encode(ctx, enc, &w->list[1]);
    memset(enc + 5, 0, 32);
    enc[5 + 31] = 5; /* x = 5: 125 + 7 = 132 is not a square mod p */
    CHECK(tsr_frost_commitment_decode(ctx, &c, enc, TSR_FROST_COMMITMENT_BYTES, &why) == TSR_ERR_ENCODING &&
          why == TSR_CHECK_POINT_NOT_ON_CURVE);
    tsr_frost_commitment_encode(ctx, enc, &w->list[1]);
    memset(enc + 37, 0, 33);
    CHECK(tsr_frost_commitment_decode(ctx, &c, enc, TSR_FROST_COMMITMENT_BYTES, &why) == TSR_ERR_RANGE &&
          why == TSR_CHECK_POINT_IDENTITY);
    CHECK(tsr_frost_commitment_decode(ctx, &c, enc, TSR_FROST_COMMITMENT_BYTES, NULL) == TSR_ERR_RANGE);
    /* signature share */
    tsr_frost_sigshare_encode(ss, &w->shares[0]);
    CHECK(tsr_frost_sigshare_decode(&s, ss, TSR_FROST_SIGSHARE_BYTES, &why) == TSR_OK && why == TSR_CHECK_NONE);
    CHECK(s.id == w->shares[0].id && scalar_eq(&s.z, &w->shares[0].z));
    CHECK(tsr_frost_sigshare_decode(&s, ss, TSR_FROST_SIGSHARE_BYTES - 1, &why) == TSR_ERR_ENCODING &&
          why == TSR_CHECK_LENGTH && s.id == 0);
    ss[TSR_FROST_SIGSHARE_BYTES] = 0;
    CHECK(tsr_frost_sigshare_decode(&s, ss, TSR_FROST_SIGSHARE_BYTES + 1, &why) == TSR_ERR_ENCODING &&
          why == TSR_CHECK_LENGTH);
    memset(ss, 0, 4);
    CHECK(tsr_frost_sigshare_decode(&s, ss, TSR_FROST_SIGSHARE_BYTES, &why) == TSR_ERR_ENCODING &&
          why == TSR_CHECK_ID_ZERO);
    ss[0] = 0x80;
    CHECK(tsr_frost_sigshare_decode(&s, ss, TSR_FROST_SIGSHARE_BYTES, &why) == TSR_ERR_ENCODING &&
          why == TSR_CHECK_SENDER);
    ss[0] = 0;
    ss[3] = 2;
    CHECK(tsr_test_unhex(ss + 4, 32, "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141") == 32);
    CHECK(tsr_frost_sigshare_decode(&s, ss, TSR_FROST_SIGSHARE_BYTES, &why) == TSR_ERR_ENCODING &&
          why == TSR_CHECK_SCALAR_RANGE && s.id == 0 && scalar_is_zero(&s.z));
    ss[35] = 0x40; /* n - 1 */
    CHECK(tsr_frost_sigshare_decode(&s, ss, TSR_FROST_SIGSHARE_BYTES, &why) == TSR_OK && s.id == 2);
    /* commitment list */
    CHECK(tsr_frost_commitment_list_encode(ctx, buf, sizeof buf, &len, w->list, w->k) == TSR_OK);
    CHECK(len == 2 + TSR_FROST_COMMITMENT_BYTES * w->k && buf[0] == 0 && buf[1] == w->k);
    CHECK(tsr_frost_commitment_list_decode(ctx, out, &k, buf, len, &why) == TSR_OK && why == TSR_CHECK_NONE &&
          k == w->k);
    for (j = 0; j < k; j++) {
        CHECK(out[j].id == w->list[j].id && tsr_point_eq(ctx, &out[j].hiding, &w->list[j].hiding) &&
              tsr_point_eq(ctx, &out[j].binding, &w->list[j].binding));
    }
    CHECK(tsr_frost_commitment_list_encode(ctx, buf, len - 1, &len, w->list, w->k) == TSR_ERR_ARG && len == 0);
    CHECK(tsr_frost_commitment_list_encode(ctx, buf, sizeof buf, &len, w->list, 0) == TSR_ERR_ARG);
    CHECK(tsr_frost_commitment_list_encode(ctx, buf, sizeof buf, &len, w->list, TSR_MAX_PARTIES + 1) == TSR_ERR_ARG);
    CHECK(tsr_frost_commitment_list_encode(ctx, buf, sizeof buf, &len, w->list, w->k) == TSR_OK);
    CHECK(tsr_frost_commitment_list_decode(ctx, out, &k, buf, 1, &why) == TSR_ERR_ENCODING &&
          why == TSR_CHECK_TRUNCATED && k == 0);
    CHECK(tsr_frost_commitment_list_decode(ctx, out, &k, buf, len - 1, &why) == TSR_ERR_ENCODING &&
          why == TSR_CHECK_TRUNCATED);
    buf[len] = 0;
    CHECK(tsr_frost_commitment_list_decode(ctx, out, &k, buf, len + 1, &why) == TSR_ERR_ENCODING &&
          why == TSR_CHECK_TRAILING);
    buf[1] = 0;
    CHECK(tsr_frost_commitment_list_decode(ctx, out, &k, buf, len, &why) == TSR_ERR_ENCODING && why == TSR_CHECK_COUNT);
    buf[0] = 0x01;
    buf[1] = 0x01; /* 257 */
    CHECK(tsr_frost_commitment_list_decode(ctx, out, &k, buf, len, &why) == TSR_ERR_ENCODING && why == TSR_CHECK_COUNT);
    buf[0] = 0;
    buf[1] = (uint8_t)w->k;
    /* entry 2 with an identity binding commitment */
    memset(buf + 2 + TSR_FROST_COMMITMENT_BYTES * 2 + 37, 0, 33);
    CHECK(tsr_frost_commitment_list_decode(ctx, out, &k, buf, len, &why) == TSR_ERR_RANGE &&
          why == TSR_CHECK_POINT_IDENTITY && k == 0);
    /* unsorted and duplicate */
    {
        tsr_frost_commitment l2[MAXN];
        memcpy(l2, w->list, sizeof l2);
        l2[1] = w->list[2];
        l2[2] = w->list[1];
        CHECK(tsr_frost_commitment_list_encode(ctx, buf, sizeof buf, &len, l2, w->k) == TSR_OK);
        CHECK(tsr_frost_commitment_list_decode(ctx, out, &k, buf, len, &why) == TSR_ERR_ENCODING &&
              why == TSR_CHECK_ID_ORDER);
        l2[2] = l2[1];
        CHECK(tsr_frost_commitment_list_encode(ctx, buf, sizeof buf, &len, l2, w->k) == TSR_OK);
        CHECK(tsr_frost_commitment_list_decode(ctx, out, &k, buf, len, &why) == TSR_ERR_ENCODING &&
              why == TSR_CHECK_ID_DUPLICATE);
        l2[0].id = 0;
        CHECK(tsr_frost_commitment_list_encode(ctx, buf, sizeof buf, &len, l2, w->k) == TSR_OK);
        CHECK(tsr_frost_commitment_list_decode(ctx, out, &k, buf, len, &why) == TSR_ERR_ENCODING &&
              why == TSR_CHECK_ID_ZERO);
    }
}

int main(int argc, char **argv) {
    tsr_test_init("frost", argc, argv);
    ctx = tsr_context_create(NULL);
    secp = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    if (ctx == NULL || secp == NULL) {
        printf("frost: cannot create contexts\n");
        return 1;
    }
    test_vector(&vec_rfc);
    test_vector(&vec_tr);
    test_elements();
    test_h2_stream();
    test_keygen();
    test_lambda();
    test_lambda_differential();
    test_round_trip(TSR_SUITE_SECP256K1_SHA256, 2, 3, 10);
    test_round_trip(TSR_SUITE_SECP256K1_TR, 2, 3, 10);
    test_round_trip(TSR_SUITE_SECP256K1_SHA256, 3, 5, 6);
    test_round_trip(TSR_SUITE_SECP256K1_TR, 3, 5, 6);
    test_round_trip(TSR_SUITE_SECP256K1_SHA256, 67, 100, 1);
    test_round_trip(TSR_SUITE_SECP256K1_TR, 67, 100, 1);
    test_tr_parities();
    test_bad_shares(TSR_SUITE_SECP256K1_SHA256);
    test_bad_shares(TSR_SUITE_SECP256K1_TR);
    test_sign_checks(TSR_SUITE_SECP256K1_SHA256);
    test_sign_checks(TSR_SUITE_SECP256K1_TR);
    test_tweak();
    test_verify_rejects(TSR_SUITE_SECP256K1_SHA256);
    test_verify_rejects(TSR_SUITE_SECP256K1_TR);
    test_encodings();
    tsr_context_destroy(ctx);
    secp256k1_context_destroy(secp);
    return tsr_test_done();
}
