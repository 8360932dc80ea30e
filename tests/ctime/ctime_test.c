/* Constant-time test: runs every secret-handling function of ref/ under Valgrind memcheck with its
 * secret inputs marked undefined; any secret-dependent branch, memory index or syscall argument is
 * reported by Valgrind and fails `make ctime`. Public outputs are declassified before use.
 *
 * Expected exceptions: none. The declassifications inside ref/ (TSR_DECLASSIFY) are each a
 * documented claim that the value is public: the validity bit of a decoded scalar or share, the
 * identity-ness of k*G and k*P, the verdict of a share verification. */
#include <stdio.h>
#include <string.h>

#include <valgrind/memcheck.h>

#include "tessera/tessera.h"
#include "ct.h"

#define SECRET(p, n) VALGRIND_MAKE_MEM_UNDEFINED((p), (n))
#define PUBLIC(p, n) VALGRIND_MAKE_MEM_DEFINED((p), (n))

static unsigned checked;

/* Each block below calls one group of functions; `covered` names them for the summary. */
static void covered(const char *what) {
    checked++;
    printf("  ctime: %s\n", what);
}

static void fill(uint8_t *p, size_t n, uint8_t seed) {
    size_t i;
    for (i = 0; i < n; i++) {
        p[i] = (uint8_t)(seed * 131u + i * 29u + 7u);
    }
}

static void test_ct_helpers(void) {
    uint8_t a[32], b[32];
    uint32_t x = 12345, y = 12346, m = 0;
    fill(a, 32, 1);
    fill(b, 32, 2);
    SECRET(a, 32);
    SECRET(b, 32);
    SECRET(&x, sizeof x);
    SECRET(&y, sizeof y);
    m ^= tsr_ct_nonzero_mask32(x);
    m ^= tsr_ct_zero_mask32(x);
    m ^= tsr_ct_eq_mask32(x, y);
    m ^= tsr_ct_lt_mask32(x, y);
    m = tsr_ct_select32(tsr_ct_eq_mask32(x, x), m, y);
    m ^= tsr_ct_memeq_mask(a, b, 32);
    tsr_ct_cmov_bytes(a, b, 32, tsr_ct_lt_mask32(x, y));
    covered("ct.h: nonzero/zero/eq/lt masks, select32, memeq_mask, cmov_bytes");
    tsr_memzero(a, 32);
    tsr_memzero(&m, sizeof m);
    covered("tsr_memzero");
}

static void test_scalar(void) {
    uint8_t in[32], wide[64], out[32];
    tsr_scalar a, b, r;
    uint32_t m;
    int rc;
    fill(in, 32, 3);
    in[0] = 0x7f; /* below n */
    fill(wide, 64, 4);
    SECRET(in, 32);
    SECRET(wide, 64);
    rc = tsr_scalar_decode(&a, in);
    PUBLIC(&rc, sizeof rc);
    covered("tsr_scalar_decode (valid input)");
    memset(in, 0xff, 32);
    SECRET(in, 32);
    rc = tsr_scalar_decode(&b, in);
    PUBLIC(&rc, sizeof rc);
    covered("tsr_scalar_decode (input >= n)");
    rc = tsr_scalar_reduce_be(&b, wide, 64);
    covered("tsr_scalar_reduce_be (64 bytes)");
    rc = tsr_scalar_reduce_be(&r, wide, 48);
    covered("tsr_scalar_reduce_be (48 bytes)");
    tsr_scalar_add(&r, &a, &b);
    covered("tsr_scalar_add");
    tsr_scalar_sub(&r, &a, &b);
    covered("tsr_scalar_sub");
    tsr_scalar_neg(&r, &a);
    covered("tsr_scalar_neg");
    tsr_scalar_mul(&r, &a, &b);
    covered("tsr_scalar_mul");
    tsr_scalar_inv(&r, &a);
    covered("tsr_scalar_inv");
    m = tsr_scalar_is_zero_mask(&r);
    covered("tsr_scalar_is_zero_mask");
    m ^= tsr_scalar_eq_mask(&a, &b);
    covered("tsr_scalar_eq_mask");
    tsr_scalar_cmov(&r, &a, m);
    covered("tsr_scalar_cmov");
    tsr_scalar_encode(out, &r);
    covered("tsr_scalar_encode");
    tsr_scalar_clear(&r);
    covered("tsr_scalar_clear");
}

static void test_point(const tsr_context *ctx) {
    uint8_t in[32];
    tsr_scalar k, zero;
    tsr_point p, q;
    int rc;
    fill(in, 32, 5);
    in[0] = 0x3a;
    (void)tsr_scalar_decode(&k, in);
    SECRET(&k, sizeof k);
    rc = tsr_point_base_mul(ctx, &p, &k);
    PUBLIC(&rc, sizeof rc);
    PUBLIC(&p, sizeof p); /* k*G is public by design (a commitment or public share) */
    covered("tsr_point_base_mul");
    rc = tsr_point_mul(ctx, &q, &p, &k);
    PUBLIC(&rc, sizeof rc);
    covered("tsr_point_mul");
    tsr_scalar_set_u32(&zero, 0);
    SECRET(&zero, sizeof zero);
    rc = tsr_point_base_mul(ctx, &q, &zero);
    PUBLIC(&rc, sizeof rc);
    covered("tsr_point_base_mul (zero scalar)");
    rc = tsr_point_mul(ctx, &q, &p, &zero);
    PUBLIC(&rc, sizeof rc);
    covered("tsr_point_mul (zero scalar)");
}

static void test_hash(void) {
    uint8_t msg[200], out[32], wide[96];
    tsr_sha256_ctx h;
    tsr_scalar s[2];
    int rc;
    static const uint8_t dst[] = "TSR-CTIME-v1";
    fill(msg, sizeof msg, 6);
    SECRET(msg, sizeof msg);
    tsr_sha256(out, msg, sizeof msg);
    covered("tsr_sha256 (one-shot, 200 secret bytes)");
    tsr_sha256_init(&h);
    tsr_sha256_update(&h, msg, 13);
    tsr_sha256_update(&h, msg + 13, 187);
    tsr_sha256_final(&h, out);
    covered("tsr_sha256_init/update/final (streaming)");
    tsr_tagged_hash(out, dst, sizeof dst - 1, msg, 77);
    covered("tsr_tagged_hash");
    rc = tsr_expand_message_xmd(wide, sizeof wide, msg, 64, dst, sizeof dst - 1);
    PUBLIC(&rc, sizeof rc);
    covered("tsr_expand_message_xmd");
    rc = tsr_hash_to_field(s, 2, msg, 64, dst, sizeof dst - 1);
    PUBLIC(&rc, sizeof rc);
    covered("tsr_hash_to_field");
}

static void test_sharing(const tsr_context *ctx) {
    static tsr_poly f, r;
    static tsr_vss_commitment cf, cp;
    uint8_t rand[64 * 2], rand2[64 * 2], sec[32], enc[64];
    tsr_scalar secret, ids[5], shares[5], blinds[5], out, id2, val2;
    tsr_check why;
    int rc;
    size_t i;
    fill(rand, sizeof rand, 7);
    fill(rand2, sizeof rand2, 8);
    fill(sec, 32, 9);
    sec[0] = 0x11;
    (void)tsr_scalar_decode(&secret, sec);
    for (i = 0; i < 5; i++) {
        tsr_scalar_set_u32(&ids[i], (uint32_t)(3 * i + 1)); /* ids are public */
    }
    SECRET(rand, sizeof rand);
    SECRET(rand2, sizeof rand2);
    SECRET(&secret, sizeof secret);
    rc = tsr_poly_init(&f, &secret, 3, rand, sizeof rand);
    PUBLIC(&rc, sizeof rc);
    covered("tsr_poly_init");
    rc = tsr_poly_init(&r, &secret, 3, rand2, sizeof rand2);
    PUBLIC(&rc, sizeof rc);
    tsr_poly_eval(&out, &f, &ids[1]);
    covered("tsr_poly_eval (public x)");
    SECRET(&val2, sizeof val2);
    val2 = secret;
    tsr_poly_eval(&out, &f, &val2);
    covered("tsr_poly_eval (secret x)");
    rc = tsr_shamir_split(shares, ids, 5, &f, &why);
    PUBLIC(&rc, sizeof rc);
    covered("tsr_shamir_split");
    rc = tsr_shamir_split(blinds, ids, 5, &r, &why);
    PUBLIC(&rc, sizeof rc);
    rc = tsr_shamir_reconstruct(&out, ids + 1, shares + 1, 3, &why);
    PUBLIC(&rc, sizeof rc);
    covered("tsr_shamir_reconstruct");
    rc = tsr_shamir_interpolate(&out, ids, shares, 3, &ids[4], &why);
    PUBLIC(&rc, sizeof rc);
    covered("tsr_shamir_interpolate (public x)");
    rc = tsr_feldman_commit(ctx, &cf, &f);
    PUBLIC(&rc, sizeof rc);
    PUBLIC(&cf, sizeof cf); /* commitments are broadcast */
    covered("tsr_feldman_commit");
    rc = tsr_feldman_verify(ctx, &cf, &ids[2], &shares[2], &why);
    PUBLIC(&rc, sizeof rc);
    covered("tsr_feldman_verify (valid share)");
    tsr_scalar_add(&out, &shares[2], &shares[1]);
    rc = tsr_feldman_verify(ctx, &cf, &ids[2], &out, &why);
    PUBLIC(&rc, sizeof rc);
    covered("tsr_feldman_verify (bad share)");
    rc = tsr_pedersen_commit(ctx, &cp, &f, &r);
    PUBLIC(&rc, sizeof rc);
    PUBLIC(&cp, sizeof cp);
    covered("tsr_pedersen_commit");
    rc = tsr_pedersen_verify(ctx, &cp, &ids[3], &shares[3], &blinds[3], &why);
    PUBLIC(&rc, sizeof rc);
    covered("tsr_pedersen_verify");
    tsr_share_encode(enc, &ids[3], &shares[3]);
    covered("tsr_share_encode");
    rc = tsr_share_decode(&id2, &val2, enc, sizeof enc, &why);
    PUBLIC(&rc, sizeof rc);
    covered("tsr_share_decode");
    tsr_poly_clear(&f);
    tsr_poly_clear(&r);
    covered("tsr_poly_clear");
}

/* The canary: a deliberate branch on a secret byte. `make ctime` runs it and requires Valgrind to
 * report it, which shows the marking reaches the branches (a test that cannot fail proves nothing). */
static int canary(void) {
    volatile uint8_t s = 0x5a;
    uint8_t v = s;
    SECRET(&v, 1);
    if (v & 1) {
        printf("canary: odd\n");
    } else {
        printf("canary: even\n");
    }
    return 0;
}

int main(int argc, char **argv) {
    tsr_context *ctx;
    uint8_t seed[32];
    if (argc > 1 && strcmp(argv[1], "--canary") == 0) {
        return canary();
    }
    if (!RUNNING_ON_VALGRIND) {
        printf("ctime_test must run under valgrind memcheck (make ctime)\n");
        printf("ctime: 0 passed, 1 failed\n");
        return 1;
    }
    fill(seed, 32, 10);
    ctx = tsr_context_create(seed);
    if (ctx == NULL) {
        printf("ctime: 0 passed, 1 failed (no context)\n");
        return 1;
    }
    test_ct_helpers();
    test_scalar();
    test_point(ctx);
    test_hash();
    test_sharing(ctx);
    tsr_context_destroy(ctx);
    /* Valgrind's exit code (42) reports any error; reaching here with none means every call above
     * ran without a secret-dependent branch, index or syscall. */
    printf("ctime: %u passed, 0 failed\n", checked);
    return 0;
}
