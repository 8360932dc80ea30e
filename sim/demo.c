/* `tessera demo`: a readable 3-of-5 Feldman sharing over real wire frames: deal, verify, catch a
 * tampered share, reconstruct from several subsets. Secrets are shown only as fingerprints. */
#include <stdio.h>
#include <string.h>

#include "tessera/tessera.h"
#include "demo.h"
#include "rng.h"

#define DEMO_T 3
#define DEMO_N 5

/* A fingerprint of a secret scalar: the first 8 bytes of SHA256("TSR-FINGERPRINT" || enc), so the
 * demo can show that two secrets are equal without printing either. */
static void fingerprint(char out[17], const tsr_scalar *s) {
    static const char hexd[] = "0123456789abcdef";
    uint8_t enc[32], buf[15 + 32], h[32];
    int i;
    tsr_scalar_encode(enc, s);
    memcpy(buf, "TSR-FINGERPRINT", 15);
    memcpy(buf + 15, enc, 32);
    tsr_sha256(h, buf, sizeof buf);
    for (i = 0; i < 8; i++) {
        out[2 * i] = hexd[h[i] >> 4];
        out[2 * i + 1] = hexd[h[i] & 15];
    }
    out[16] = 0;
    tsr_memzero(enc, sizeof enc);
    tsr_memzero(buf, sizeof buf);
}

static void print_hex(const uint8_t *p, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) {
        printf("%02x", p[i]);
    }
}

static int reconstruct_subset(const tsr_scalar *ids, const tsr_scalar *shares, const int *subset, size_t k,
                              const char *want) {
    tsr_scalar sub_ids[DEMO_N], sub_sh[DEMO_N], out;
    tsr_check why = TSR_CHECK_NONE;
    char fp[17];
    size_t i;
    int rc, match;
    for (i = 0; i < k; i++) {
        sub_ids[i] = ids[subset[i] - 1];
        sub_sh[i] = shares[subset[i] - 1];
    }
    rc = tsr_shamir_reconstruct(&out, sub_ids, sub_sh, k, &why);
    printf("  parties {");
    for (i = 0; i < k; i++) {
        printf("%s%d", i ? "," : "", subset[i]);
    }
    if (rc != TSR_OK) {
        printf("}: error %s (%s)\n", tsr_strerror(rc), tsr_check_name(why));
        return 0;
    }
    fingerprint(fp, &out);
    match = strcmp(fp, want) == 0;
    printf("}: %zu shares -> fingerprint %s %s\n", k, fp,
           match ? "= the secret" : "!= the secret (below the threshold, as expected)");
    tsr_memzero(sub_sh, sizeof sub_sh);
    tsr_scalar_clear(&out);
    return match;
}

int tsr_demo_run(const tsr_context *ctx, tsr_sim_rng *rng) {
    static tsr_poly poly;
    static tsr_vss_commitment com, got;
    static tsr_frame frame, in;
    static uint8_t buf[TSR_WIRE_HEADER_BYTES + 8 + 2 + DEMO_T * 33];
    uint8_t session[32], seed[32], rand[64 * (DEMO_T - 1)], enc[2 + DEMO_T * 33], sh[DEMO_N][TSR_SHARE_BYTES];
    tsr_scalar secret, ids[DEMO_N], shares[DEMO_N], recv[DEMO_N], rid;
    tsr_check why = TSR_CHECK_NONE;
    tsr_blame blame;
    char fp[17];
    size_t enclen = 0, len = 0, i;
    int rc = 1, ok = 1;
    static const int s123[] = {1, 2, 3}, s245[] = {2, 4, 5}, s135[] = {1, 3, 5}, s15[] = {1, 5};

    printf("Tessera demo: %d-of-%d Feldman verifiable secret sharing over wire frames\n\n", DEMO_T, DEMO_N);
    if (tsr_sim_rng_fill(rng, seed, sizeof seed) != 0 || tsr_sim_rng_fill(rng, rand, sizeof rand) != 0 ||
        tsr_sim_rng_fill(rng, session, sizeof session) != 0) {
        printf("error: no randomness\n");
        goto out;
    }
    /* The secret is a uniform scalar: 32 random bytes reduced mod n (bias < 2^-127). */
    if (tsr_scalar_reduce_be(&secret, seed, sizeof seed) != TSR_OK) {
        goto out;
    }
    fingerprint(fp, &secret);
    printf("1. The dealer draws a secret (shown only as a fingerprint): %s\n", fp);
    for (i = 0; i < DEMO_N; i++) {
        tsr_scalar_set_u32(&ids[i], (uint32_t)(i + 1));
    }
    if (tsr_poly_init(&poly, &secret, DEMO_T, rand, sizeof rand) != TSR_OK ||
        tsr_shamir_split(shares, ids, DEMO_N, &poly, &why) != TSR_OK ||
        tsr_feldman_commit(ctx, &com, &poly) != TSR_OK ||
        tsr_vss_commitment_encode(ctx, enc, sizeof enc, &enclen, &com) != TSR_OK) {
        printf("error: dealing failed (%s)\n", tsr_check_name(why));
        goto out;
    }
    printf("2. It picks a random polynomial f of degree %d with f(0) = secret and broadcasts the\n"
           "   Feldman commitments C_k = a_k * G (public):\n", DEMO_T - 1);
    for (i = 0; i < com.t; i++) {
        uint8_t pt[33];
        if (tsr_point_encode(ctx, pt, &com.c[i]) != TSR_OK) {
            goto out;
        }
        printf("     C_%zu = ", i);
        print_hex(pt, 33);
        printf("\n");
    }
    memset(&frame, 0, sizeof frame);
    frame.version = TSR_WIRE_VERSION;
    frame.suite = TSR_SUITE_SECP256K1_SHA256;
    frame.type = TSR_MSG_SHARING_COMMITMENT;
    memcpy(frame.session, session, 32);
    frame.sender = 0;
    frame.nfields = 1;
    frame.field[0] = enc;
    frame.field_len[0] = enclen;
    if (tsr_frame_encode(buf, sizeof buf, &len, &frame) != TSR_OK ||
        tsr_frame_decode(&in, buf, len, &why) != TSR_OK ||
        tsr_vss_commitment_decode(ctx, &got, in.field[0], in.field_len[0], DEMO_T, &why) != TSR_OK) {
        printf("error: commitment frame rejected (%s)\n", tsr_check_name(why));
        goto out;
    }
    printf("   The broadcast frame is %zu bytes; every party decodes it strictly.\n\n", len);

    printf("3. Each party i receives its share f(i) privately and checks share*G == sum C_k i^k:\n");
    for (i = 0; i < DEMO_N; i++) {
        tsr_share_encode(sh[i], &ids[i], &shares[i]);
    }
    /* The dealer tampers with party 4's share in transit: one bit flipped in the value. */
    sh[3][TSR_SHARE_BYTES - 1] ^= 1;
    for (i = 0; i < DEMO_N; i++) {
        rc = tsr_share_decode(&rid, &recv[i], sh[i], sizeof sh[i], &why);
        if (rc == TSR_OK) {
            rc = tsr_feldman_verify(ctx, &got, &rid, &recv[i], &why);
        }
        if (rc == TSR_OK) {
            printf("   party %zu: share verifies\n", i + 1);
        } else {
            tsr_blame_set(&blame, 0, TSR_PHASE_SHARING, 1, why);
            printf("   party %zu: REJECTED (%s); blame: dealer, phase %s, round %u, check %u \"%s\"\n", i + 1,
                   tsr_strerror(rc), tsr_phase_name(blame.phase), blame.round, blame.check,
                   tsr_check_name(blame.check));
            ok &= (i == 3) & (why == TSR_CHECK_FELDMAN);
        }
    }
    printf("   (party 4's share was altered by one bit in transit: caught and the dealer named)\n\n");

    printf("4. Any %d shares reconstruct the secret; fewer reveal nothing:\n", DEMO_T);
    ok &= reconstruct_subset(ids, shares, s123, 3, fp);
    ok &= reconstruct_subset(ids, shares, s245, 3, fp);
    ok &= reconstruct_subset(ids, shares, s135, 3, fp);
    ok &= !reconstruct_subset(ids, shares, s15, 2, fp);
    printf("\n%s\n", ok ? "demo: all steps behaved as expected" : "demo: UNEXPECTED RESULT");
    rc = ok ? 0 : 1;
out:
    tsr_poly_clear(&poly);
    tsr_scalar_clear(&secret);
    tsr_memzero(shares, sizeof shares);
    tsr_memzero(recv, sizeof recv);
    tsr_memzero(sh, sizeof sh);
    tsr_memzero(seed, sizeof seed);
    tsr_memzero(rand, sizeof rand);
    return rc;
}
