/* Benchmarks of the foundation operations, each reported as a ratio to libsecp256k1 operations
 * measured in the same process (the machine is shared and noisy): P = ec_pubkey_create (k*G),
 * S = schnorrsig_sign32 (one BIP340 signature). Per-thread CPU time, best of several rounds. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

#include "tessera/tessera.h"

#define ROUNDS 5

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef void (*bench_fn)(void *arg, int iters);

/* Best (lowest) per-call CPU time over ROUNDS rounds of iters calls. */
static double measure(bench_fn fn, void *arg, int iters) {
    double best = 1e30;
    int r;
    for (r = 0; r < ROUNDS; r++) {
        double t0 = now(), dt;
        fn(arg, iters);
        dt = (now() - t0) / iters;
        if (dt < best) {
            best = dt;
        }
    }
    return best;
}

static secp256k1_context *sctx;
static const tsr_context *tctx;
static volatile uint8_t sink;

static void b_pubkey_create(void *arg, int iters) {
    uint8_t *k = arg;
    secp256k1_pubkey pk;
    int i;
    for (i = 0; i < iters; i++) {
        k[31] = (uint8_t)i;
        sink ^= (uint8_t)secp256k1_ec_pubkey_create(sctx, &pk, k);
    }
}

static void b_schnorr_sign(void *arg, int iters) {
    secp256k1_keypair *kp = arg;
    uint8_t msg[32] = {1}, sig[64];
    int i;
    for (i = 0; i < iters; i++) {
        msg[0] = (uint8_t)i;
        sink ^= (uint8_t)secp256k1_schnorrsig_sign32(sctx, sig, msg, kp, NULL);
    }
}

static void b_scalar_mul(void *arg, int iters) {
    tsr_scalar *a = arg, r = a[0];
    int i;
    for (i = 0; i < iters; i++) {
        tsr_scalar_mul(&r, &r, &a[1]);
    }
    sink ^= (uint8_t)r.d[0];
}

static void b_scalar_inv(void *arg, int iters) {
    tsr_scalar *a = arg, r = a[0];
    int i;
    for (i = 0; i < iters; i++) {
        tsr_scalar_inv(&r, &r);
        r.d[0] ^= 1;
    }
    sink ^= (uint8_t)r.d[0];
}

static void b_base_mul(void *arg, int iters) {
    tsr_scalar *a = arg;
    tsr_point p;
    int i;
    for (i = 0; i < iters; i++) {
        sink ^= (uint8_t)tsr_point_base_mul(tctx, &p, a);
    }
}

static void b_point_mul(void *arg, int iters) {
    tsr_scalar *a = arg;
    tsr_point p, q;
    int i;
    (void)tsr_point_base_mul(tctx, &p, &a[1]);
    for (i = 0; i < iters; i++) {
        sink ^= (uint8_t)tsr_point_mul(tctx, &q, &p, a);
    }
}

static void b_sha256_64(void *arg, int iters) {
    uint8_t *buf = arg, out[32];
    int i;
    for (i = 0; i < iters; i++) {
        buf[0] = (uint8_t)i;
        tsr_sha256(out, buf, 64);
    }
    sink ^= out[0];
}

static void b_hash_to_field(void *arg, int iters) {
    uint8_t *buf = arg;
    tsr_scalar s;
    static const uint8_t dst[] = "TSR-BENCH-v1";
    int i;
    for (i = 0; i < iters; i++) {
        buf[0] = (uint8_t)i;
        sink ^= (uint8_t)tsr_hash_to_field(&s, 1, buf, 64, dst, sizeof dst - 1);
    }
}

struct share_ctx {
    tsr_poly f;
    tsr_vss_commitment c;
    tsr_scalar ids[TSR_MAX_PARTIES], shares[TSR_MAX_PARTIES];
    size_t t, n;
};

static void b_split(void *arg, int iters) {
    struct share_ctx *s = arg;
    tsr_check why;
    int i;
    for (i = 0; i < iters; i++) {
        sink ^= (uint8_t)tsr_shamir_split(s->shares, s->ids, s->n, &s->f, &why);
    }
}

static void b_commit(void *arg, int iters) {
    struct share_ctx *s = arg;
    int i;
    for (i = 0; i < iters; i++) {
        sink ^= (uint8_t)tsr_feldman_commit(tctx, &s->c, &s->f);
    }
}

static void b_verify(void *arg, int iters) {
    struct share_ctx *s = arg;
    tsr_check why;
    int i;
    for (i = 0; i < iters; i++) {
        sink ^= (uint8_t)tsr_feldman_verify(tctx, &s->c, &s->ids[i % (int)s->n], &s->shares[i % (int)s->n], &why);
    }
}

static void b_reconstruct(void *arg, int iters) {
    struct share_ctx *s = arg;
    tsr_scalar out;
    tsr_check why;
    int i;
    for (i = 0; i < iters; i++) {
        sink ^= (uint8_t)tsr_shamir_reconstruct(&out, s->ids, s->shares, s->t, &why);
    }
}

static struct share_ctx sc;

int main(void) {
    uint8_t key[32], buf[64], seed[32];
    tsr_scalar sc2[2];
    secp256k1_keypair kp;
    tsr_context *ctx;
    double P, S, v;
    size_t i;
    static const size_t ts[] = {2, 3, 10, 67};
    static const size_t ns[] = {3, 5, 15, 100};

    memset(key, 0x42, 32);
    memset(buf, 0x17, 64);
    memset(seed, 0x99, 32);
    sctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    ctx = tsr_context_create(seed);
    tctx = ctx;
    if (sctx == NULL || ctx == NULL || !secp256k1_keypair_create(sctx, &kp, key)) {
        printf("bench: setup failed\n");
        return 1;
    }
    (void)tsr_scalar_reduce_be(&sc2[0], key, 32);
    (void)tsr_scalar_reduce_be(&sc2[1], buf, 64);

    P = measure(b_pubkey_create, key, 2000);
    S = measure(b_schnorr_sign, &kp, 2000);
    printf("Tessera benchmarks (per-thread CPU time, best of %d rounds)\n", ROUNDS);
    printf("reference, libsecp256k1 in this run: P = ec_pubkey_create %.1f us, S = schnorrsig_sign32 %.1f us\n\n",
           P * 1e6, S * 1e6);
    printf("%-36s %12s %10s %10s\n", "operation", "time (us)", "/ P", "/ S");
#define ROW(name, fn, arg, it) do { v = measure(fn, arg, it); \
        printf("%-36s %12.3f %10.4f %10.4f\n", name, v * 1e6, v / P, v / S); } while (0)
    ROW("scalar mul", b_scalar_mul, sc2, 200000);
    ROW("scalar inv (constant time)", b_scalar_inv, sc2, 2000);
    ROW("sha256 (64 bytes)", b_sha256_64, buf, 100000);
    ROW("hash_to_field (1 scalar)", b_hash_to_field, buf, 50000);
    ROW("point base_mul k*G", b_base_mul, sc2, 2000);
    ROW("point mul k*P (constant time)", b_point_mul, sc2, 2000);
    for (i = 0; i < sizeof ts / sizeof ts[0]; i++) {
        uint8_t rand[64 * 66];
        char name[64];
        size_t k;
        sc.t = ts[i];
        sc.n = ns[i];
        memset(rand, (int)i + 1, sizeof rand);
        for (k = 0; k < sc.n; k++) {
            tsr_scalar_set_u32(&sc.ids[k], (uint32_t)(k + 1));
        }
        (void)tsr_poly_init(&sc.f, &sc2[0], sc.t, rand, 64 * (sc.t - 1));
        snprintf(name, sizeof name, "split %zu-of-%zu (all shares)", sc.t, sc.n);
        ROW(name, b_split, &sc, 20);
        snprintf(name, sizeof name, "feldman_commit t=%zu", sc.t);
        ROW(name, b_commit, &sc, 10);
        snprintf(name, sizeof name, "feldman_verify t=%zu (one share)", sc.t);
        ROW(name, b_verify, &sc, 20);
        snprintf(name, sizeof name, "reconstruct from t=%zu shares", sc.t);
        ROW(name, b_reconstruct, &sc, 50);
    }
    tsr_poly_clear(&sc.f);
    tsr_context_destroy(ctx);
    secp256k1_context_destroy(sctx);
    return 0;
}
