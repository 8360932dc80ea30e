/* Fuzz harness for FROST share verification and aggregation, the fuzzer acting as the signers and
 * the coordinator of a fixed honest 3-of-5 group. Input:
 *   u8 flags (bits 0-1: setup 0 plain, 1 TR with an odd-y key, 2 TR tweaked (BIP341, no merkle
 *             root), 3 TR with an even-y key; bits 2-4: culprit capacity 0..6, 7 = TSR_MAX_PARTIES)
 *   u8 honest mask (bit i: entry i's share is the honest one, computed by the harness)
 *   u8 m || msg (m bytes) || u16be L || commitment list (L bytes, spec/frost.md §11.2)
 *   then one 36-byte signature share (§11.3) per list entry (ignored where the mask says honest).
 * The harness holds two nonces per signer (nonce pool, derived from fixed labels; fuzz/
 * make_corpus.py derives the same commitments). A list entry equal to a pool commitment has an
 * honest share: tsr_frost_sign with that nonce. Properties: nothing crashes; a share equal to the
 * honest one verifies and any other share of that entry fails (z is unique); a returned
 * signature verifies with tsr_frost_verify and, for TR, with libsecp256k1 schnorrsig_verify; no
 * signature from fewer than t signers; with t or more entries all honest the result is TSR_OK;
 * on failure the culprits are exactly the shares verify_signature_share refuses, in list order
 * (so an honest share is never blamed), or the first misplaced share (TSR_CHECK_MISSING). */
#include <string.h>

#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

#include "fuzz.h"
#include "oracle.h"
#include "tessera/frost.h"
#include "tessera/hash.h"

#define TSR_FUZZ_T 3
#define TSR_FUZZ_N 5
#define TSR_FUZZ_SETUPS 4
#define TSR_FUZZ_POOL 2

typedef struct {
    uint8_t suite;
    tsr_frost_keypkg pkgs[TSR_FUZZ_N];
    tsr_point group_key;
    tsr_point vshares[TSR_FUZZ_N]; /* the aggregator's copy (pubkey_tweak for the tweaked setup) */
} tsr_fuzz_setup;

static tsr_context *tsr_fuzz_ctx;
static tsr_fuzz_setup tsr_fuzz_setups[TSR_FUZZ_SETUPS];
static tsr_frost_nonce tsr_fuzz_pool[TSR_FUZZ_N][TSR_FUZZ_POOL];     /* fresh copies, never used */
static uint8_t tsr_fuzz_pool_enc[TSR_FUZZ_N][TSR_FUZZ_POOL][TSR_FROST_COMMITMENT_BYTES];

/* SHA-256 of label || bytes b0..b3, as a scalar reduced mod n (make_corpus.py: pool_scalar). */
static void tsr_fuzz_label_scalar(tsr_scalar *r, const char *label, uint8_t b0, uint8_t b1, uint8_t b2, uint8_t b3) {
    uint8_t buf[64], h[32];
    size_t n = strlen(label);
    TSR_FUZZ_ASSERT(n + 4 <= sizeof buf);
    memcpy(buf, label, n);
    buf[n] = b0;
    buf[n + 1] = b1;
    buf[n + 2] = b2;
    buf[n + 3] = b3;
    tsr_sha256(h, buf, n + 4);
    TSR_FUZZ_ASSERT(tsr_scalar_reduce_be(r, h, 32) == TSR_OK);
}

/* Dealer keygen for setup s, with fixed randomness; TR setups retry with the next counter until
 * the group key has the wanted parity of y. */
static void tsr_fuzz_make_setup(size_t s) {
    static const uint8_t suites[TSR_FUZZ_SETUPS] = {TSR_SUITE_SECP256K1_SHA256, TSR_SUITE_SECP256K1_TR,
                                                     TSR_SUITE_SECP256K1_TR, TSR_SUITE_SECP256K1_TR};
    tsr_fuzz_setup *w = &tsr_fuzz_setups[s];
    uint8_t rand[64 * TSR_FUZZ_T], x[32];
    size_t i, ctr;
    int odd = 0;
    w->suite = suites[s];
    for (ctr = 0; ctr < 64; ctr++) {
        for (i = 0; i < sizeof rand / 32; i++) {
            uint8_t buf[24] = "TSR-FUZZ-AGG-KEY";
            buf[16] = (uint8_t)(s == 2 ? 1 : s);
            buf[17] = (uint8_t)ctr;
            buf[18] = (uint8_t)i;
            tsr_sha256(rand + 32 * i, buf, 19);
        }
        TSR_FUZZ_ASSERT(tsr_frost_keygen_dealer(tsr_fuzz_ctx, w->pkgs, &w->group_key, NULL, w->suite, TSR_FUZZ_T,
                                                TSR_FUZZ_N, NULL, rand, sizeof rand) == TSR_OK);
        TSR_FUZZ_ASSERT(tsr_point_encode_xonly(tsr_fuzz_ctx, x, &odd, &w->group_key) == TSR_OK);
        if (s == 0 || (s == 3) == (odd == 0)) {
            break;
        }
    }
    TSR_FUZZ_ASSERT(ctr < 64);
    for (i = 0; i < TSR_FUZZ_N; i++) {
        w->vshares[i] = w->pkgs[i].verifying_share;
    }
    if (s == 2) {
        for (i = 0; i < TSR_FUZZ_N; i++) {
            TSR_FUZZ_ASSERT(tsr_frost_keypkg_tweak(tsr_fuzz_ctx, &w->pkgs[i], NULL) == TSR_OK);
        }
        TSR_FUZZ_ASSERT(tsr_frost_pubkey_tweak(tsr_fuzz_ctx, &w->group_key, w->vshares, TSR_FUZZ_N, NULL) == TSR_OK);
        for (i = 0; i < TSR_FUZZ_N; i++) {
            TSR_FUZZ_ASSERT(tsr_point_eq(tsr_fuzz_ctx, &w->vshares[i], &w->pkgs[i].verifying_share));
            TSR_FUZZ_ASSERT(tsr_point_eq(tsr_fuzz_ctx, &w->group_key, &w->pkgs[i].group_key));
        }
    }
}

/* The nonce pool: d = H("TSR-FUZZ-AGG-NONCE" || id || j || 0 || 0), e likewise with 1; the
 * nonce structs are filled directly (public test nonces, reused across inputs on purpose). */
static void tsr_fuzz_make_pool(void) {
    size_t id, j;
    for (id = 1; id <= TSR_FUZZ_N; id++) {
        for (j = 0; j < TSR_FUZZ_POOL; j++) {
            tsr_frost_nonce *nn = &tsr_fuzz_pool[id - 1][j];
            memset(nn, 0, sizeof *nn);
            tsr_fuzz_label_scalar(&nn->hiding, "TSR-FUZZ-AGG-NONCE", (uint8_t)id, (uint8_t)j, 0, 0);
            tsr_fuzz_label_scalar(&nn->binding, "TSR-FUZZ-AGG-NONCE", (uint8_t)id, (uint8_t)j, 1, 0);
            nn->commitment.id = (uint32_t)id;
            TSR_FUZZ_ASSERT(tsr_point_base_mul(tsr_fuzz_ctx, &nn->commitment.hiding, &nn->hiding) == TSR_OK);
            TSR_FUZZ_ASSERT(tsr_point_base_mul(tsr_fuzz_ctx, &nn->commitment.binding, &nn->binding) == TSR_OK);
            nn->magic = TSR_FROST_NONCE_MAGIC;
            tsr_frost_commitment_encode(tsr_fuzz_ctx, tsr_fuzz_pool_enc[id - 1][j], &nn->commitment);
        }
    }
}

static void tsr_fuzz_init(void) {
    size_t s;
    tsr_fuzz_ctx = tsr_context_create(NULL);
    TSR_FUZZ_ASSERT(tsr_fuzz_ctx != NULL);
    for (s = 0; s < TSR_FUZZ_SETUPS; s++) {
        tsr_fuzz_make_setup(s);
    }
    tsr_fuzz_make_pool();
}

/* Returns: 1 if the blame record is exactly (culprit, phase, round, check). */
static int tsr_fuzz_blame_is(const tsr_blame *b, uint32_t culprit, tsr_phase phase, uint16_t round, tsr_check check) {
    return b->culprit == culprit && b->phase == (uint16_t)phase && b->round == round && b->check == (uint16_t)check;
}

/* BIP340 check with libsecp256k1 alone: sig64 under x(group key). */
static int tsr_fuzz_schnorr_ok(const uint8_t *sig64, const uint8_t *msg, size_t msglen, const tsr_point *gk) {
    secp256k1_xonly_pubkey xpk;
    uint8_t x[32];
    int odd = 0;
    TSR_FUZZ_ASSERT(tsr_point_encode_xonly(tsr_fuzz_ctx, x, &odd, gk) == TSR_OK);
    TSR_FUZZ_ASSERT(secp256k1_xonly_pubkey_parse(secp256k1_context_static, &xpk, x) == 1);
    return secp256k1_schnorrsig_verify(secp256k1_context_static, sig64, msg, msglen, &xpk) == 1;
}

int tsr_fuzz_one(const uint8_t *data, size_t len) {
    static const uint8_t empty[1] = {0};
    static tsr_frost_commitment list[TSR_MAX_PARTIES];
    static tsr_blame culprits[TSR_MAX_PARTIES];
    const tsr_fuzz_setup *w;
    tsr_frost_sigshare shares[TSR_FUZZ_N], hz[TSR_FUZZ_N];
    tsr_point vsh[TSR_FUZZ_N];
    int honest[TSR_FUZZ_N], vrc[TSR_FUZZ_N];
    uint8_t sig[TSR_FROST_SIG_MAX_BYTES];
    const uint8_t *msg, *lst, *sh;
    size_t m, L, k = 0, i, j, cap, siglen = 99, nc = 99, nbad = 0, nhonest = 0, shlen, pos;
    uint8_t flags, mask;
    tsr_blame b;
    int rc;

    if (tsr_fuzz_ctx == NULL) {
        tsr_fuzz_init();
    }
    if (len < 3) {
        return 0;
    }
    flags = data[0];
    mask = data[1];
    m = data[2];
    w = &tsr_fuzz_setups[flags & 3];
    cap = (flags >> 2) & 7;
    cap = cap == 7 ? TSR_MAX_PARTIES : cap;
    if (len < 3 + m + 2) {
        return 0;
    }
    msg = m == 0 ? empty : data + 3;
    L = tsr_fo_be16(data + 3 + m);
    pos = 3 + m + 2;
    if (len - pos < L) {
        return 0;
    }
    lst = data + pos;
    sh = lst + L;
    shlen = len - pos - L;

    /* the list: decoded strictly (fuzz_frost_list checks the decoder itself) */
    if (tsr_frost_commitment_list_decode(tsr_fuzz_ctx, list, &k, lst, L, NULL) != TSR_OK) {
        TSR_FUZZ_ASSERT(k == 0);
        return 0;
    }
    if (k > TSR_FUZZ_N || list[k - 1].id > TSR_FUZZ_N) {
        return 0; /* a signer outside the group has no verifying share: not a session */
    }

    /* honest shares where the entry is a pool commitment, then the shares the aggregator gets */
    for (i = 0; i < k; i++) {
        const uint8_t *enc = lst + 2 + TSR_FROST_COMMITMENT_BYTES * i;
        uint32_t id = list[i].id;
        honest[i] = 0;
        vsh[i] = w->vshares[id - 1];
        for (j = 0; j < TSR_FUZZ_POOL && !honest[i]; j++) {
            if (memcmp(enc, tsr_fuzz_pool_enc[id - 1][j], TSR_FROST_COMMITMENT_BYTES) == 0) {
                tsr_frost_nonce nn = tsr_fuzz_pool[id - 1][j];
                rc = tsr_frost_sign(tsr_fuzz_ctx, &hz[i], &nn, &w->pkgs[id - 1], list, k, msg, m, &b);
                TSR_FUZZ_ASSERT(rc == TSR_OK && hz[i].id == id && nn.magic == 0);
                honest[i] = 1;
            }
        }
        if (i < 8 && (mask >> i) & 1 && honest[i]) {
            shares[i] = hz[i];
        } else {
            tsr_frost_sigshare s;
            if (shlen < TSR_FROST_SIGSHARE_BYTES * (i + 1)) {
                return 0;
            }
            if (tsr_frost_sigshare_decode(&s, sh + TSR_FROST_SIGSHARE_BYTES * i, TSR_FROST_SIGSHARE_BYTES, NULL) != TSR_OK) {
                TSR_FUZZ_ASSERT(s.id == 0);
                return 0; /* the transport refuses it before aggregation */
            }
            shares[i] = s;
        }
    }

    /* verify_signature_share on every share, each against its own id's verifying share */
    for (i = 0; i < k; i++) {
        uint32_t sid = shares[i].id;
        size_t at = k;
        vrc[i] = TSR_ERR_VERIFY + 100; /* not computed: the share names another place */
        for (j = 0; j < k; j++) {
            at = list[j].id == sid ? j : at;
        }
        memset(&b, 0xa5, sizeof b);
        if (at == k) {
            if (sid <= TSR_FUZZ_N) {
                rc = tsr_frost_verify_signature_share(tsr_fuzz_ctx, w->suite, &shares[i], &w->vshares[sid - 1], list,
                                                      k, &w->group_key, msg, m, &b);
                TSR_FUZZ_ASSERT(rc == TSR_ERR_ARG);
                TSR_FUZZ_ASSERT(tsr_fuzz_blame_is(&b, TSR_CULPRIT_NONE, TSR_PHASE_AGGREGATE, 2, TSR_CHECK_ID_UNKNOWN));
            }
            continue;
        }
        rc = tsr_frost_verify_signature_share(tsr_fuzz_ctx, w->suite, &shares[i], &vsh[at], list, k,
                                              &w->group_key, msg, m, &b);
        TSR_FUZZ_ASSERT(rc == TSR_OK || rc == TSR_ERR_VERIFY);
        if (honest[at]) {
            /* z*G = R_i + c*lambda_i*PK_i fixes z: only the honest share verifies */
            int same = tsr_scalar_eq_mask(&shares[i].z, &hz[at].z) != 0;
            TSR_FUZZ_ASSERT((rc == TSR_OK) == same);
        }
        if (rc != TSR_OK) {
            TSR_FUZZ_ASSERT(tsr_fuzz_blame_is(&b, sid, TSR_PHASE_AGGREGATE, 2, TSR_CHECK_SIGNATURE_SHARE));
        }
        if (at == i) {
            vrc[i] = rc;
        }
    }

    /* aggregate */
    memset(culprits, 0xa5, sizeof culprits);
    memset(sig, 0xa5, sizeof sig);
    rc = tsr_frost_aggregate(tsr_fuzz_ctx, sig, &siglen, culprits, cap, &nc, w->suite, list, shares, vsh, k,
                             &w->group_key, msg, m);
    TSR_FUZZ_ASSERT(nc <= cap);
#ifdef TSR_FUZZ_TRACE
    for (i = 0, j = 0; i < k; i++) {
        j += (size_t)honest[i];
    }
    fprintf(stderr, "setup %d k %zu pool entries %zu aggregate %d culprits %zu\n", flags & 3, k, j, rc, nc);
#endif
    for (i = 0; i < k && shares[i].id == list[i].id; i++) {
        nbad += vrc[i] != TSR_OK;
        nhonest += honest[i] && tsr_scalar_eq_mask(&shares[i].z, &hz[i].z) != 0;
    }
    if (i < k) {
        /* share i sits in another signer's place: TSR_CHECK_MISSING naming that place's signer */
        TSR_FUZZ_ASSERT(rc == TSR_ERR_ARG && siglen == 0);
        TSR_FUZZ_ASSERT(nc == (cap > 0 ? 1u : 0u));
        TSR_FUZZ_ASSERT(nc == 0 || tsr_fuzz_blame_is(&culprits[0], list[i].id, TSR_PHASE_AGGREGATE, 2, TSR_CHECK_MISSING));
        return 0;
    }
    TSR_FUZZ_ASSERT(rc == TSR_OK || rc == TSR_ERR_VERIFY);
    if (rc == TSR_OK) {
        TSR_FUZZ_ASSERT(nc == 0 && siglen == tsr_frost_sig_len(w->suite));
        TSR_FUZZ_ASSERT(k >= TSR_FUZZ_T); /* fewer than t signers never make a signature */
        TSR_FUZZ_ASSERT(tsr_frost_verify(tsr_fuzz_ctx, w->suite, sig, siglen, &w->group_key, msg, m) == TSR_OK);
        if (w->suite == TSR_SUITE_SECP256K1_TR) {
            TSR_FUZZ_ASSERT(tsr_fuzz_schnorr_ok(sig, msg, m, &w->group_key));
        }
        return 0;
    }
    /* TSR_ERR_VERIFY: no signature; the culprits are exactly the refused shares, in list order */
    TSR_FUZZ_ASSERT(siglen == 0 && tsr_fo_all_zero(sig, tsr_frost_sig_len(w->suite)));
    TSR_FUZZ_ASSERT(!(k >= TSR_FUZZ_T && nhonest == k)); /* t honest shares always make a signature */
    TSR_FUZZ_ASSERT(nc == (nbad < cap ? nbad : cap));
    for (i = 0, j = 0; i < k && j < nc; i++) {
        if (vrc[i] != TSR_OK) {
            TSR_FUZZ_ASSERT(tsr_fuzz_blame_is(&culprits[j], list[i].id, TSR_PHASE_AGGREGATE, 2,
                                              TSR_CHECK_SIGNATURE_SHARE));
            TSR_FUZZ_ASSERT(!(honest[i] && tsr_scalar_eq_mask(&shares[i].z, &hz[i].z) != 0));
            j++;
        }
    }
    if (nbad == 0) {
        TSR_FUZZ_ASSERT(k < TSR_FUZZ_T); /* valid shares of t signers add up */
    }
    return 0;
}
