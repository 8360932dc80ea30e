/* Benchmarks of the foundation, FROST and DKG operations, each reported as a ratio to libsecp256k1 operations
 * measured in the same process (the machine is shared and noisy): P = ec_pubkey_create (k*G),
 * S = schnorrsig_sign32 (one BIP340 signature). Per-thread CPU time, best of several rounds. */
#include <stdio.h>
#include <stdlib.h>
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

static void b_scalar_inv_var(void *arg, int iters) {
    tsr_scalar *a = arg, r = a[0];
    int i;
    for (i = 0; i < iters; i++) {
        tsr_scalar_inv_var(&r, &r);
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

/* ---- FROST ------------------------------------------------------------------------------------ */

#define BENCH_FROST_POOL 16 /* prepared nonces per timed batch (sign consumes them) */

struct frost_ctx {
    size_t t, n;
    uint8_t suite;
    tsr_frost_keypkg pkg[TSR_MAX_PARTIES];
    tsr_point group_key;
    tsr_frost_nonce nonce[TSR_MAX_PARTIES];
    tsr_frost_commitment list[TSR_MAX_PARTIES];
    tsr_point vshares[TSR_MAX_PARTIES];
    tsr_frost_sigshare share[TSR_MAX_PARTIES];
    tsr_frost_nonce pool[BENCH_FROST_POOL];
    tsr_frost_commitment pool_list[BENCH_FROST_POOL][TSR_MAX_PARTIES];
    uint8_t msg[32];
    unsigned ctr;
    int failed;
};

static void frost_rand(uint8_t *out, size_t len, unsigned ctr) {
    uint8_t in[8];
    size_t off = 0;
    static const uint8_t dst[] = "TSR-BENCH-RAND-v1";
    memcpy(in, &ctr, sizeof ctr);
    while (off < len) {
        size_t k = len - off > 255 * 32 ? 255 * 32 : len - off;
        in[4] = (uint8_t)(off >> 8);
        in[5] = (uint8_t)off;
        (void)tsr_expand_message_xmd(out + off, k, in, sizeof in, dst, sizeof dst - 1);
        off += k;
    }
}

/* Keys for a t-of-n group and one honest signing of msg by signers 1..t. */
static int frost_setup(struct frost_ctx *f, uint8_t suite, size_t t, size_t n) {
    static uint8_t rand[64 * TSR_MAX_PARTIES];
    tsr_blame b[4];
    uint8_t sig[TSR_FROST_SIG_MAX_BYTES], r64[64];
    size_t siglen, nc, i;
    f->suite = suite;
    f->t = t;
    f->n = n;
    memset(f->msg, 0x5a, sizeof f->msg);
    frost_rand(rand, 64 * t, 1000u + (unsigned)t);
    if (tsr_frost_keygen_dealer(tctx, f->pkg, &f->group_key, NULL, suite, t, n, NULL, rand, 64 * t) != TSR_OK) {
        return 0;
    }
    for (i = 0; i < t; i++) {
        frost_rand(r64, 64, f->ctr++);
        if (tsr_frost_commit(tctx, &f->nonce[i], &f->list[i], &f->pkg[i], r64) != TSR_OK) {
            return 0;
        }
        f->vshares[i] = f->pkg[i].verifying_share;
    }
    for (i = 0; i < t; i++) {
        tsr_frost_nonce copy = f->nonce[i];
        if (tsr_frost_sign(tctx, &f->share[i], &copy, &f->pkg[i], f->list, t, f->msg, sizeof f->msg, b) != TSR_OK) {
            return 0;
        }
    }
    return tsr_frost_aggregate(tctx, sig, &siglen, b, 4, &nc, suite, f->list, f->share, f->vshares, t, &f->group_key,
                               f->msg, sizeof f->msg) == TSR_OK;
}

static void b_frost_commit(void *arg, int iters) {
    struct frost_ctx *f = arg;
    tsr_frost_nonce nonce;
    tsr_frost_commitment c;
    uint8_t r64[64];
    int i;
    memset(r64, 0x33, sizeof r64);
    for (i = 0; i < iters; i++) {
        r64[0] = (uint8_t)(i + 1);
        sink ^= (uint8_t)tsr_frost_commit(tctx, &nonce, &c, &f->pkg[0], r64);
    }
    tsr_frost_nonce_clear(&nonce);
}

/* Untimed: fresh nonces for signer 1 and the lists that carry their commitments. */
static void frost_prepare_pool(struct frost_ctx *f, int iters) {
    uint8_t r64[64];
    int i;
    for (i = 0; i < iters && i < BENCH_FROST_POOL; i++) {
        frost_rand(r64, 64, f->ctr++);
        memcpy(f->pool_list[i], f->list, f->t * sizeof f->list[0]);
        if (tsr_frost_commit(tctx, &f->pool[i], &f->pool_list[i][0], &f->pkg[0], r64) != TSR_OK) {
            f->failed = 1;
        }
    }
}

static void b_frost_sign(void *arg, int iters) {
    struct frost_ctx *f = arg;
    tsr_frost_sigshare share;
    tsr_blame b;
    int i;
    for (i = 0; i < iters && i < BENCH_FROST_POOL; i++) {
        if (tsr_frost_sign(tctx, &share, &f->pool[i], &f->pkg[0], f->pool_list[i], f->t, f->msg, sizeof f->msg,
                           &b) != TSR_OK) {
            f->failed = 1;
        }
    }
}

static void b_frost_aggregate(void *arg, int iters) {
    struct frost_ctx *f = arg;
    tsr_blame b[4];
    uint8_t sig[TSR_FROST_SIG_MAX_BYTES];
    size_t siglen, nc;
    int i;
    for (i = 0; i < iters; i++) {
        if (tsr_frost_aggregate(tctx, sig, &siglen, b, 4, &nc, f->suite, f->list, f->share, f->vshares, f->t,
                                &f->group_key, f->msg, sizeof f->msg) != TSR_OK) {
            f->failed = 1;
        }
    }
}

/* A whole signature by every party: t commits, t signs, aggregate (it verifies), and a verify. */
static void b_frost_whole(void *arg, int iters) {
    struct frost_ctx *f = arg;
    tsr_blame b[4];
    uint8_t sig[TSR_FROST_SIG_MAX_BYTES], r64[64];
    size_t siglen, nc, k;
    int i;
    memset(r64, 0x44, sizeof r64);
    for (i = 0; i < iters; i++) {
        for (k = 0; k < f->t; k++) {
            r64[0] = (uint8_t)(i + 1);
            r64[1] = (uint8_t)k;
            f->failed |= tsr_frost_commit(tctx, &f->nonce[k], &f->list[k], &f->pkg[k], r64) != TSR_OK;
        }
        for (k = 0; k < f->t; k++) {
            f->failed |= tsr_frost_sign(tctx, &f->share[k], &f->nonce[k], &f->pkg[k], f->list, f->t, f->msg,
                                        sizeof f->msg, b) != TSR_OK;
        }
        f->failed |= tsr_frost_aggregate(tctx, sig, &siglen, b, 4, &nc, f->suite, f->list, f->share, f->vshares,
                                         f->t, &f->group_key, f->msg, sizeof f->msg) != TSR_OK;
        f->failed |= tsr_frost_verify(tctx, f->suite, sig, siglen, &f->group_key, f->msg, sizeof f->msg) != TSR_OK;
    }
}

/* Best per-call time of sign over ROUNDS batches, each on freshly prepared (untimed) nonces. */
static double measure_sign(struct frost_ctx *f, int iters) {
    double best = 1e30;
    int r;
    for (r = 0; r < ROUNDS; r++) {
        double t0, dt;
        frost_prepare_pool(f, iters);
        t0 = now();
        b_frost_sign(f, iters);
        dt = (now() - t0) / iters;
        if (dt < best) {
            best = dt;
        }
    }
    return best;
}

/* ---- DKG -------------------------------------------------------------------------------------- */

/* One whole DKG of n parties in this thread; returns the CPU time per party, or -1 on failure. */
static double dkg_per_party(uint8_t suite, size_t t, size_t n) {
    tsr_dkg_state *st = calloc(n, sizeof *st);
    tsr_dkg_round1_msg *r1 = calloc(n, sizeof *r1);
    tsr_dkg_round2_bcast *r2b = calloc(n, sizeof *r2b);
    tsr_dkg_round2_p2p *r2p = calloc(n * n, sizeof *r2p), *in2 = calloc(n, sizeof *in2);
    tsr_dkg_round3_msg *r3 = calloc(n, sizeof *r3);
    tsr_dkg_round4_msg *r4 = calloc(1, sizeof *r4);
    tsr_blame *bl = calloc(n, sizeof *bl);
    uint8_t *rand = malloc(64 * t + 64), session[32];
    double t0, dt = -1;
    size_t i, j, m, nb;
    int ok = st && r1 && r2b && r2p && in2 && r3 && r4 && bl && rand, done;
    memset(session, 0x77, sizeof session);
    for (i = 0; ok && i < n; i++) {
        frost_rand(rand, 64 * t + 64, 5000u + (unsigned)i);
        ok = tsr_dkg_init(tctx, &st[i], suite, session, (uint32_t)(i + 1), t, n, NULL, rand, 64 * t + 64) == TSR_OK;
    }
    t0 = now();
    for (i = 0; ok && i < n; i++) {
        ok = tsr_dkg_round1(tctx, &st[i], &r1[i]) == TSR_OK;
    }
    for (i = 0; ok && i < n; i++) {
        ok = tsr_dkg_round2(tctx, &st[i], &r2b[i], r2p + i * n, bl, n, &nb, r1, n) == TSR_OK;
    }
    for (i = 0; ok && i < n; i++) {
        for (j = 0, m = 0; j < n; j++) {
            if (j != i) {
                in2[m++] = r2p[j * n + i];
            }
        }
        ok = tsr_dkg_round3(tctx, &st[i], &r3[i], bl, n, &nb, r2b, n, in2, m) == TSR_OK;
    }
    for (i = 0; ok && i < n; i++) {
        ok = tsr_dkg_round4(tctx, &st[i], r4, &done, bl, n, &nb, r3, n) == TSR_OK && done == 1;
    }
    if (ok) {
        dt = (now() - t0) / (double)n;
    }
    for (i = 0; st != NULL && i < n; i++) {
        tsr_dkg_state_clear(&st[i]);
    }
    if (r2p != NULL) {
        tsr_memzero(r2p, n * n * sizeof *r2p);
    }
    free(st); free(r1); free(r2b); free(r2p); free(in2); free(r3); free(r4); free(bl); free(rand);
    return dt;
}

static struct frost_ctx fc;

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
    ROW("scalar inv_var (public input)", b_scalar_inv_var, sc2, 20000);
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

    printf("\nFROST (secret shares from the trusted dealer; targets from the issue in brackets)\n");
    for (int su = 0; su < 2; su++) {
        uint8_t suite = su == 0 ? TSR_SUITE_SECP256K1_SHA256 : TSR_SUITE_SECP256K1_TR;
        const char *sname = su == 0 ? "secp256k1" : "secp256k1-tr";
        for (i = 0; i < sizeof ts / sizeof ts[0]; i++) {
            char name[80];
            double r1, r2, ag;
            size_t t = ts[i];
            memset(&fc, 0, sizeof fc);
            if (!frost_setup(&fc, suite, t, ns[i])) {
                printf("bench: FROST setup failed (%s, t=%zu)\n", sname, t);
                return 1;
            }
            r1 = measure(b_frost_commit, &fc, 50);
            r2 = measure_sign(&fc, t > 10 ? 4 : BENCH_FROST_POOL);
            ag = measure(b_frost_aggregate, &fc, t > 10 ? 3 : 20);
            snprintf(name, sizeof name, "%s round 1 (commit), t=%zu", sname, t);
            printf("%-36s %12.3f %10.4f %10.4f  [<= 2.3 S]%s\n", name, r1 * 1e6, r1 / P, r1 / S, r1 / S <= 2.3 ? "" : " MISSED");
            snprintf(name, sizeof name, "%s round 2 (sign), t=%zu", sname, t);
            printf("%-36s %12.3f %10.4f %10.4f  [<= %.1f S]%s\n", name, r2 * 1e6, r2 / P, r2 / S, 1.7 * (double)t + 1,
                   r2 / S <= 1.7 * (double)t + 1 ? "" : " MISSED");
            snprintf(name, sizeof name, "%s aggregate, t=%zu", sname, t);
            printf("%-36s %12.3f %10.4f %10.4f  [<= %.1f S]%s\n", name, ag * 1e6, ag / P, ag / S, 1.7 * (double)t + 2.5,
                   ag / S <= 1.7 * (double)t + 2.5 ? "" : " MISSED");
            if (t == 2) {
                v = measure(b_frost_whole, &fc, 10);
                snprintf(name, sizeof name, "%s whole 2-of-3 signature", sname);
                printf("%-36s %12.3f %10.4f %10.4f  [<= 20 S]%s\n", name, v * 1e6, v / P, v / S, v / S <= 20 ? "" : " MISSED");
            }
            if (fc.failed) {
                printf("bench: a FROST call failed (%s, t=%zu)\n", sname, t);
                return 1;
            }
            for (size_t k = 0; k < fc.n; k++) {
                tsr_frost_keypkg_clear(&fc.pkg[k]);
            }
        }
    }

    printf("\nDKG (whole ceremony in one thread, CPU time per party)\n");
    {
        static const size_t dn[] = {3, 10, 100}, dt_[] = {2, 7, 67};
        for (i = 0; i < 3; i++) {
            for (int su = 0; su < 2; su++) {
                char name[80];
                v = dkg_per_party(su == 0 ? TSR_SUITE_SECP256K1_SHA256 : TSR_SUITE_SECP256K1_TR, dt_[i], dn[i]);
                if (v < 0) {
                    printf("bench: DKG failed (n=%zu, t=%zu)\n", dn[i], dt_[i]);
                    return 1;
                }
                snprintf(name, sizeof name, "dkg %s n=%zu t=%zu per party", su == 0 ? "secp256k1" : "tr", dn[i], dt_[i]);
                printf("%-36s %12.3f %10.4f %10.4f\n", name, v * 1e6, v / P, v / S);
            }
        }
    }
    tsr_context_destroy(ctx);
    secp256k1_context_destroy(sctx);
    return 0;
}
