/* The simulator's FROST driver: trusted-dealer keys, and threshold signing by a retrying
 * coordinator (sim party 0) and its signers over the simulated network, with the FROST
 * strategies of corrupt signers and of a corrupt coordinator. */
#include <stdlib.h>
#include <string.h>

#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

#include "tessera/hash.h"
#include "tessera/wire.h"
#include "sim.h"
#include "sim_bytes.h"
#include "sim_internal.h"

/* Longest signing request: u32be msglen || msg || u16be k || k commitments. */
#define TSR_SIM_FROST_REQ_MAX (4 + TSR_SIM_MAX_MSGLEN + 2 + TSR_FROST_COMMITMENT_BYTES * TSR_MAX_PARTIES)
/* Room for one round's inbox of one party (copies, network duplicates included). */
#define TSR_SIM_FROST_INBOX (4 * TSR_SIM_NPARTIES)
/* NONCE_EXTRACT: signatures of one message the coalition asks for. */
#define TSR_SIM_FROST_EXTRACT 3

/* ---- the signing request: u32be msglen || msg || commitment list (spec/frost.md §11) -------- */

/* Encodes a request into out (room for TSR_SIM_FROST_REQ_MAX bytes). Returns 0, or -1 (message
 * too long, list count out of range). */
static int tsr_sim_frost_request_encode(const tsr_context *ctx, uint8_t *out, size_t outcap, size_t *outlen,
                                        const uint8_t *msg, size_t msglen, const tsr_frost_commitment *list,
                                        size_t k) {
    size_t ll = 0;
    *outlen = 0;
    if (msglen > TSR_SIM_MAX_MSGLEN || outcap < 4 + msglen) {
        return -1;
    }
    out[0] = (uint8_t)(msglen >> 24);
    out[1] = (uint8_t)(msglen >> 16);
    out[2] = (uint8_t)(msglen >> 8);
    out[3] = (uint8_t)msglen;
    if (msglen > 0) {
        memcpy(out + 4, msg, msglen);
    }
    if (tsr_frost_commitment_list_encode(ctx, out + 4 + msglen, outcap - 4 - msglen, &ll, list, k) != TSR_OK) {
        return -1;
    }
    *outlen = 4 + msglen + ll;
    return 0;
}

/* Strict decoder: msglen <= TSR_SIM_MAX_MSGLEN (TSR_CHECK_SIZE), the bytes present
 * (TSR_CHECK_TRUNCATED), then the rest is exactly one commitment list (the list decoder of
 * frost.h with its checks: count, truncation, trailing bytes, points, id order). *msg points into
 * in. Returns TSR_CHECK_NONE or the failed check. */
static int tsr_sim_frost_request_decode(const tsr_context *ctx, const uint8_t **msg, size_t *msglen,
                                        tsr_frost_commitment *list, size_t *k, const uint8_t *in, size_t inlen) {
    tsr_check why = TSR_CHECK_NONE;
    size_t ml;
    *msg = NULL;
    *msglen = 0;
    *k = 0;
    if (inlen < 4) {
        return TSR_CHECK_TRUNCATED;
    }
    ml = ((size_t)in[0] << 24) | ((size_t)in[1] << 16) | ((size_t)in[2] << 8) | (size_t)in[3];
    if (ml > TSR_SIM_MAX_MSGLEN) {
        return TSR_CHECK_SIZE;
    }
    if (inlen - 4 < ml) {
        return TSR_CHECK_TRUNCATED;
    }
    if (tsr_frost_commitment_list_decode(ctx, list, k, in + 4 + ml, inlen - 4 - ml, &why) != TSR_OK) {
        *k = 0;
        return why != TSR_CHECK_NONE ? (int)why : TSR_CHECK_LENGTH;
    }
    *msg = in + 4;
    *msglen = ml;
    return TSR_CHECK_NONE;
}

/* ---- small helpers --------------------------------------------------------------------------- */

static const char *tsr_sim_frost_suite_name(uint8_t suite) {
    return suite == TSR_SUITE_SECP256K1_TR ? "secp256k1-tr" : "secp256k1";
}



/* 1 if sim party p is in list[0..n-1]. */
static int tsr_sim_frost_in(const uint32_t *list, size_t n, uint32_t p) {
    size_t i;
    for (i = 0; i < n; i++) {
        if (list[i] == p) {
            return 1;
        }
    }
    return 0;
}

/* 1 if behaviour b targets recipient p (no `to` = every recipient). */
static int tsr_sim_frost_targets(const tsr_sim_behaviour *b, uint32_t p) {
    return tsr_sim_behaviour_targets(b, p);
}

static int tsr_sim_frost_bidx(const tsr_sim *s, uint32_t party, const tsr_sim_behaviour *b) {
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    size_t i;
    for (i = 0; i < cfg->ncorrupt; i++) {
        const tsr_sim_behaviour *first = cfg->corrupt[i].b;
        if (cfg->corrupt[i].party == party && b >= first && b < first + TSR_SIM_MAX_BEHAVIOURS) {
            return (int)(b - first);
        }
    }
    return -1;
}

/* Independent BIP340 check of a TR signature: libsecp256k1's schnorrsig_verify on the static
 * (verification-only) context, x(PK) parsed from its 32 bytes. Returns 1 if valid. */
static int tsr_sim_frost_bip340_check(const tsr_context *ctx, const uint8_t *sig, size_t siglen,
                                      const tsr_point *group_key, const uint8_t *msg, size_t msglen) {
    secp256k1_xonly_pubkey xpk;
    uint8_t x32[32];
    if (siglen != 64 || tsr_point_encode_xonly(ctx, x32, NULL, group_key) != TSR_OK ||
        !secp256k1_xonly_pubkey_parse(secp256k1_context_static, &xpk, x32)) {
        return 0;
    }
    return secp256k1_schnorrsig_verify(secp256k1_context_static, sig, msg, msglen, &xpk) == 1;
}

/* Full verification of a final signature as an honest party does it: tsr_frost_verify, and for
 * TR also libsecp256k1 directly. CPU charged to party p. Returns 1 if valid. */
static int tsr_sim_frost_sig_ok(tsr_sim *s, uint32_t p, uint8_t suite, const uint8_t *sig, size_t siglen,
                                const tsr_point *group_key, const uint8_t *msg, size_t msglen) {
    const tsr_context *ctx = tsr_sim_ctx(s);
    int ok;
    tsr_sim_cpu_start(s, p);
    ok = tsr_frost_verify(ctx, suite, sig, siglen, group_key, msg, msglen) == TSR_OK;
    if (ok && suite == TSR_SUITE_SECP256K1_TR) {
        ok = tsr_sim_frost_bip340_check(ctx, sig, siglen, group_key, msg, msglen);
    }
    tsr_sim_cpu_stop(s, p);
    return ok;
}

/* Honest judge blames the coordinator (sim party 0, recorded as TSR_CULPRIT_COORDINATOR). */
static void tsr_sim_frost_blame_coord(tsr_sim *s, uint32_t judge, int phase, int check) {
    tsr_sim_blame_party(s, judge, TSR_SIM_COORD, phase, check);
}

/* ---- trusted dealer -------------------------------------------------------------------------- */

int tsr_sim_dealer_keys(tsr_sim *s, tsr_sim_keys *keys) {
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    const tsr_context *ctx = tsr_sim_ctx(s);
    size_t n = cfg->n, t = cfg->t, i, randlen;
    tsr_frost_keypkg *pkgs = NULL;
    uint8_t *rnd = NULL;
    tsr_scalar secret;
    tsr_point gk;
    uint8_t gk33[33];
    char dg[9];
    int rc = -1, err;

    memset(keys, 0, sizeof *keys);
    tsr_scalar_set_u32(&secret, 0);
    if (t < 2 || t > n || n > TSR_MAX_PARTIES) {
        tsr_sim_event_add(s, TSR_SIM_EV_NOTE, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                          "dealer keygen refused: t = %zu, n = %zu", t, n);
        return -1;
    }
    randlen = 64 * t;
    rnd = malloc(randlen);
    pkgs = calloc(n, sizeof *pkgs);
    if (rnd == NULL || pkgs == NULL) {
        goto out;
    }
    /* The dealer's secret f(0) is drawn here (as keygen_dealer would draw it from the first 64
     * bytes) so that it can be registered as a secret. */
    tsr_sim_rand(s, TSR_SIM_COORD, rnd, randlen);
    tsr_sim_cpu_start(s, TSR_SIM_COORD);
    (void)tsr_scalar_reduce_be(&secret, rnd, 64);
    err = tsr_frost_keygen_dealer(ctx, pkgs, &gk, NULL, cfg->suite, t, n, &secret, rnd + 64, randlen - 64);
    tsr_sim_cpu_stop(s, TSR_SIM_COORD);
    tsr_sim_secret_scalar(s, &secret);
    if (err != TSR_OK || tsr_point_encode(ctx, gk33, &gk) != TSR_OK) {
        tsr_sim_event_add(s, TSR_SIM_EV_NOTE, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0, "dealer keygen failed: %s",
                          tsr_strerror(err));
        goto out;
    }
    keys->suite = cfg->suite;
    keys->n = n;
    keys->t = t;
    keys->group_key = gk;
    for (i = 0; i < n; i++) {
        keys->roster[i] = (uint32_t)(i + 1);
        keys->vshares[i] = pkgs[i].verifying_share;
        keys->pkg[i + 1] = pkgs[i];
        tsr_sim_secret_scalar(s, &pkgs[i].share);
    }
    keys->ok = 1;
    tsr_sim_digest(dg, gk33, sizeof gk33);
    tsr_sim_event_add(s, TSR_SIM_EV_NOTE, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                      "dealer keygen %zu-of-%zu (%s): shares for parties 1..%zu, group key digest %s", t, n,
                      tsr_sim_frost_suite_name(cfg->suite), n, dg);
    rc = 0;
out:
    if (pkgs != NULL) {
        for (i = 0; i < n; i++) {
            tsr_frost_keypkg_clear(&pkgs[i]);
        }
        free(pkgs);
    }
    if (rnd != NULL) {
        tsr_memzero(rnd, randlen);
        free(rnd);
    }
    tsr_scalar_clear(&secret);
    return rc;
}

/* ---- signing: state ---------------------------------------------------------------------------- */

/* One signature's working state (heap: large). Secret: nonce, saved, ex.* (public values only,
 * but wiped anyway). */
typedef struct {
    tsr_sim *s;
    const tsr_context *ctx;
    const tsr_sim_config *cfg;
    const tsr_sim_keys *keys;
    const uint8_t *msg;
    size_t msglen;
    size_t index;
    uint16_t attempt;
    /* signers, by sim party */
    tsr_frost_nonce nonce[TSR_SIM_NPARTIES];    /* this attempt's nonces (secret) */
    tsr_frost_commitment own[TSR_SIM_NPARTIES]; /* this attempt's own commitment */
    tsr_frost_nonce saved[TSR_SIM_NPARTIES];    /* NONCE_REUSE: the first nonces (secret) */
    uint8_t has_saved[TSR_SIM_NPARTIES];
    uint8_t committed[TSR_SIM_NPARTIES];
    uint8_t share_ready[TSR_SIM_NPARTIES];
    tsr_frost_sigshare myshare[TSR_SIM_NPARTIES];
    /* coordinator, by sim party */
    uint8_t excluded[TSR_SIM_NPARTIES];  /* blamed or unresponsive in an earlier attempt */
    uint8_t seen[TSR_SIM_NPARTIES];      /* a message from it was handled this round */
    uint8_t have[TSR_SIM_NPARTIES];      /* its commitment was accepted this attempt */
    tsr_frost_commitment got[TSR_SIM_NPARTIES];
    uint32_t set[TSR_MAX_PARTIES];       /* this attempt's signers (sim parties, ascending) */
    size_t nset;
    uint32_t ord[TSR_MAX_PARTIES];
    tsr_frost_commitment list[TSR_MAX_PARTIES]; /* the coordinator's list (key ids ascending) */
    uint32_t lparty[TSR_MAX_PARTIES];           /* sim party of list[i] */
    size_t k;
    tsr_frost_sigshare shares[TSR_MAX_PARTIES];
    uint8_t have_share[TSR_MAX_PARTIES];
    tsr_point vsh[TSR_MAX_PARTIES];
    tsr_blame culprits[TSR_MAX_PARTIES];
    tsr_frost_commitment alt[TSR_MAX_PARTIES]; /* scratch: a corrupt coordinator's list */
    tsr_frost_commitment dec[TSR_MAX_PARTIES]; /* scratch: a signer's decoded list */
    tsr_scalar rho[TSR_MAX_PARTIES];           /* scratch: binding factors */
    const tsr_sim_msg *in[TSR_SIM_FROST_INBOX];
    uint8_t req[TSR_SIM_FROST_REQ_MAX];
    uint8_t altmsg[TSR_SIM_MAX_MSGLEN];
    size_t altmsglen;
    uint8_t sig[TSR_FROST_SIG_MAX_BYTES];
    size_t siglen;
    /* NONCE_EXTRACT (the coalition of the corrupt coordinator and a corrupt signer) */
    struct {
        int on;
        int bidx;
        uint32_t signer, victim;           /* sim parties */
        size_t got;                        /* equations recorded */
        tsr_scalar z[TSR_SIM_FROST_EXTRACT], rho[TSR_SIM_FROST_EXTRACT], c[TSR_SIM_FROST_EXTRACT];
        int neg_r[TSR_SIM_FROST_EXTRACT];
        tsr_scalar lambda;
        int neg_pk;
    } ex;
} tsr_sim_frost_st;

static void tsr_sim_frost_st_free(tsr_sim_frost_st *st) {
    size_t p;
    if (st == NULL) {
        return;
    }
    for (p = 0; p < TSR_SIM_NPARTIES; p++) {
        tsr_frost_nonce_clear(&st->nonce[p]);
        tsr_frost_nonce_clear(&st->saved[p]);
    }
    tsr_memzero(st, sizeof *st);
    free(st);
}

static int tsr_sim_frost_holder(const tsr_sim_frost_st *st, uint32_t p) {
    return p >= 1 && p < TSR_SIM_NPARTIES && st->keys->pkg[p].magic == TSR_FROST_KEYPKG_MAGIC &&
           tsr_sim_frost_in(st->keys->roster, st->keys->n, p);
}

static int tsr_sim_frost_eligible(const tsr_sim_frost_st *st, uint32_t p) {
    return tsr_sim_frost_holder(st, p) && !st->excluded[p];
}

/* Adds eligible parties (ascending) to the set until it has t members. */
static void tsr_sim_frost_top_up(tsr_sim_frost_st *st) {
    uint32_t p;
    for (p = 1; p < TSR_SIM_NPARTIES && st->nset < st->keys->t; p++) {
        if (tsr_sim_frost_eligible(st, p) && !tsr_sim_frost_in(st->set, st->nset, p)) {
            st->set[st->nset++] = p;
        }
    }
}

static void tsr_sim_frost_sort(uint32_t *a, size_t n) {
    size_t i, j;
    for (i = 1; i < n; i++) {
        uint32_t v = a[i];
        for (j = i; j > 0 && a[j - 1] > v; j--) {
            a[j] = a[j - 1];
        }
        a[j] = v;
    }
}

/* The signer set of this attempt: attempt 0 takes cfg.signers (the key holders among them) if
 * given, the NONCE_EXTRACT coalition its signer and victim; then the first eligible parties in
 * ascending order up to t. */
static void tsr_sim_frost_choose(tsr_sim_frost_st *st) {
    size_t i;
    st->nset = 0;
    if (st->ex.on) {
        st->set[st->nset++] = st->ex.signer;
        st->set[st->nset++] = st->ex.victim;
    } else if (st->attempt == 0) {
        for (i = 0; i < st->cfg->nsigners && st->nset < TSR_MAX_PARTIES; i++) {
            uint32_t p = st->cfg->signers[i];
            if (tsr_sim_frost_eligible(st, p) && !tsr_sim_frost_in(st->set, st->nset, p)) {
                st->set[st->nset++] = p;
            }
        }
    }
    tsr_sim_frost_top_up(st);
    tsr_sim_frost_sort(st->set, st->nset);
}

/* The alternative message a corrupt coordinator slips in: msg || '!' (or msg with its last byte
 * changed when it is already TSR_SIM_MAX_MSGLEN long). */
static void tsr_sim_frost_make_altmsg(tsr_sim_frost_st *st) {
    if (st->msglen > 0) {
        memcpy(st->altmsg, st->msg, st->msglen);
    }
    st->altmsglen = st->msglen;
    if (st->msglen < TSR_SIM_MAX_MSGLEN) {
        st->altmsg[st->altmsglen++] = '!';
    } else {
        st->altmsg[st->altmsglen - 1] ^= 1;
    }
}

/* A fresh valid commitment (random D, E from the coordinator's stream) for id. Returns 0 or -1. */
static int tsr_sim_frost_fresh_commitment(tsr_sim_frost_st *st, tsr_frost_commitment *c, uint32_t id) {
    uint8_t r[64];
    tsr_scalar a, b;
    int rc = 0;
    tsr_sim_rand(st->s, TSR_SIM_COORD, r, sizeof r);
    (void)tsr_scalar_reduce_be(&a, r, 32);
    (void)tsr_scalar_reduce_be(&b, r + 32, 32);
    if (tsr_scalar_is_zero_mask(&a) || tsr_scalar_is_zero_mask(&b)) {
        tsr_scalar_set_u32(&a, 1);
        tsr_scalar_set_u32(&b, 2);
    }
    c->id = id;
    if (tsr_point_base_mul(st->ctx, &c->hiding, &a) != TSR_OK ||
        tsr_point_base_mul(st->ctx, &c->binding, &b) != TSR_OK) {
        rc = -1;
    }
    tsr_scalar_clear(&a);
    tsr_scalar_clear(&b);
    tsr_memzero(r, sizeof r);
    return rc;
}

/* 1 if message m has the same bytes as one of in[0..upto-1] from the same sender (a network
 * duplicate: dropped unopened). */
static int tsr_sim_frost_dup(const tsr_sim_frost_st *st, size_t upto, const tsr_sim_msg *m) {
    size_t i;
    for (i = 0; i < upto; i++) {
        const tsr_sim_msg *o = st->in[i];
        if (o->from == m->from && o->len == m->len && (m->len == 0 || memcmp(o->frame, m->frame, m->len) == 0)) {
            return 1;
        }
    }
    return 0;
}

static void tsr_sim_frost_adv(tsr_sim_frost_st *st, uint32_t party, const char *what) {
    tsr_sim_event_add(st->s, TSR_SIM_EV_ADVERSARY, party, TSR_CULPRIT_NONE, 0, 0, "%s", what);
}

/* The coordinator (honest code) marks party p blamed or unresponsive: excluded from retries. */
static void tsr_sim_frost_coord_blame(tsr_sim_frost_st *st, uint32_t p, int phase, int check) {
    tsr_sim_blame_party(st->s, TSR_SIM_COORD, p, phase, check);
    if (p < TSR_SIM_NPARTIES) {
        st->excluded[p] = 1;
    }
}

/* ---- signing: round 1, commitments ---------------------------------------------------------- */

/* rand64 for signer p: its stream, or with cfg.weak_nonces (the SIG-03 canary build) a function
 * of the message and its key id alone: both halves SHA256(msg || u32be id). `fresh` (the
 * NONCE_EXTRACT coalition's own signer) always draws from its stream. */
static void tsr_sim_frost_nonce_rand(tsr_sim_frost_st *st, uint8_t rand64[64], uint32_t p, int fresh) {
    if (st->cfg->weak_nonces && !fresh) {
        tsr_sha256_ctx h;
        uint8_t id4[4];
        tsr_sim_put32(id4, st->keys->pkg[p].id);
        tsr_sha256_init(&h);
        tsr_sha256_update(&h, st->msg, st->msglen);
        tsr_sha256_update(&h, id4, sizeof id4);
        tsr_sha256_final(&h, rand64);
        memcpy(rand64 + 32, rand64, 32);
        tsr_memzero(&h, sizeof h);
    } else {
        tsr_sim_rand(st->s, p, rand64, 64);
    }
}

/* Each signer of the set commits and sends its commitment to the coordinator. Returns 0 or -1. */
static int tsr_sim_frost_round1(tsr_sim_frost_st *st) {
    tsr_sim *s = st->s;
    uint8_t rand64[64], buf[TSR_FROST_COMMITMENT_BYTES];
    size_t i;
    tsr_sim_round_begin(s, 1);
    tsr_sim_order(s, st->ord, st->set, st->nset);
    for (i = 0; i < st->nset; i++) {
        uint32_t p = st->ord[i], flags = 0;
        int bidx = -1, err, corrupt = tsr_sim_is_corrupt(s, p);
        int fresh = corrupt && st->ex.on && p == st->ex.signer;
        if (!tsr_sim_alive(s, p)) {
            continue;
        }
        tsr_sim_frost_nonce_rand(st, rand64, p, fresh);
        tsr_sim_secret(s, rand64, 32);
        tsr_sim_secret(s, rand64 + 32, 32);
        tsr_sim_cpu_start(s, p);
        err = tsr_frost_commit(st->ctx, &st->nonce[p], &st->own[p], &st->keys->pkg[p], rand64);
        tsr_sim_cpu_stop(s, p);
        tsr_memzero(rand64, sizeof rand64);
        if (err != TSR_OK) {
            tsr_sim_event_add(s, TSR_SIM_EV_NOTE, p, TSR_CULPRIT_NONE, 0, 0, "commit failed: %s",
                              tsr_strerror(err));
            return -1;
        }
        tsr_sim_secret_scalar(s, &st->nonce[p].hiding);
        tsr_sim_secret_scalar(s, &st->nonce[p].binding);
        if (corrupt) {
            /* a corrupt signer keeps a copy of its first nonces outside ref/'s single-use state;
             * NONCE_REUSE commits with them again in a later attempt */
            const tsr_sim_behaviour *b = tsr_sim_strategy(s, p, TSR_SIM_S_NONCE_REUSE);
            if (b != NULL && st->has_saved[p]) {
                tsr_frost_nonce_clear(&st->nonce[p]);
                st->nonce[p] = st->saved[p];
                st->own[p] = st->saved[p].commitment;
                flags = TSR_SIM_F_FORGED;
                bidx = tsr_sim_frost_bidx(s, p, b);
                tsr_sim_frost_adv(st, p, "nonce_reuse: commits again with the nonces of its first attempt");
            } else if (!st->has_saved[p]) {
                st->saved[p] = st->nonce[p];
                st->has_saved[p] = 1;
                if (b != NULL) {
                    tsr_sim_frost_adv(st, p, "nonce_reuse: keeps these nonces to commit with them again");
                }
            }
            if (fresh) {
                tsr_sim_frost_adv(st, p, "nonce_extract: fresh commitment, so the victim's binding factor and "
                                         "challenge change");
            }
        }
        tsr_sim_cpu_start(s, p);
        tsr_frost_commitment_encode(st->ctx, buf, &st->own[p]);
        tsr_sim_cpu_stop(s, p);
        st->committed[p] = 1;
        if (tsr_sim_send(s, p, TSR_SIM_COORD, TSR_MSG_FROST_COMMITMENT, buf, sizeof buf, flags, bidx) != 0) {
            return -1;
        }
    }
    tsr_sim_round_end(s);
    return 0;
}

/* The coordinator reads the commitments: opens and decodes each (a failure blames the link
 * sender), marks signers without one unresponsive, and builds the list (key ids ascending).
 * Returns the list length (st->k). */
static size_t tsr_sim_frost_collect_commitments(tsr_sim_frost_st *st) {
    tsr_sim *s = st->s;
    size_t nin, i, j;
    memset(st->seen, 0, sizeof st->seen);
    memset(st->have, 0, sizeof st->have);
    st->k = 0;
    nin = tsr_sim_inbox(s, TSR_SIM_COORD, TSR_MSG_FROST_COMMITMENT, st->in, TSR_SIM_FROST_INBOX);
    for (i = 0; i < nin; i++) {
        const tsr_sim_msg *m = st->in[i];
        const uint8_t *pl = NULL;
        size_t plen = 0;
        tsr_check why = TSR_CHECK_NONE;
        tsr_frost_commitment c;
        int chk, err;
        if (m->from >= TSR_SIM_NPARTIES || !tsr_sim_frost_in(st->set, st->nset, m->from)) {
            continue; /* not asked to sign: ignored unopened */
        }
        if (st->seen[m->from]) {
            if (!tsr_sim_frost_dup(st, i, m)) {
                tsr_sim_event_add(s, TSR_SIM_EV_NOTE, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                                  "ignores a second commitment from party %u", m->from);
            }
            continue;
        }
        st->seen[m->from] = 1;
        if ((chk = tsr_sim_open(s, TSR_SIM_COORD, m, &pl, &plen)) != TSR_CHECK_NONE) {
            tsr_sim_frost_coord_blame(st, m->from, TSR_PHASE_SIGN, chk);
            continue;
        }
        tsr_sim_cpu_start(s, TSR_SIM_COORD);
        err = tsr_frost_commitment_decode(st->ctx, &c, pl, plen, &why);
        tsr_sim_cpu_stop(s, TSR_SIM_COORD);
        if (err != TSR_OK) {
            tsr_sim_frost_coord_blame(st, m->from, TSR_PHASE_SIGN, why != TSR_CHECK_NONE ? (int)why : TSR_CHECK_LENGTH);
            continue;
        }
        if (c.id != tsr_sim_pid(s, m->from)) {
            tsr_sim_frost_coord_blame(st, m->from, TSR_PHASE_SIGN, TSR_CHECK_SENDER);
            continue;
        }
        st->got[m->from] = c;
        st->have[m->from] = 1;
    }
    for (i = 0; i < st->nset; i++) {
        uint32_t p = st->set[i];
        if (!st->seen[p]) {
            tsr_sim_frost_coord_blame(st, p, TSR_PHASE_SIGN, TSR_CHECK_MISSING);
        }
    }
    /* the list, sorted by key id */
    for (i = 0; i < st->nset; i++) {
        uint32_t p = st->set[i];
        if (!st->have[p]) {
            continue;
        }
        for (j = st->k; j > 0 && st->list[j - 1].id > st->got[p].id; j--) {
            st->list[j] = st->list[j - 1];
            st->lparty[j] = st->lparty[j - 1];
        }
        st->list[j] = st->got[p];
        st->lparty[j] = p;
        st->k++;
    }
    return st->k;
}

/* ---- signing: round 2, requests --------------------------------------------------------------- */

/* Sends a request (msg, list) from the coordinator to p. Returns 0 or -1. */
static int tsr_sim_frost_send_request(tsr_sim_frost_st *st, uint32_t p, const uint8_t *msg, size_t msglen,
                                      const tsr_frost_commitment *list, uint32_t flags, int bidx) {
    size_t len = 0;
    int rc;
    tsr_sim_cpu_start(st->s, TSR_SIM_COORD);
    rc = tsr_sim_frost_request_encode(st->ctx, st->req, sizeof st->req, &len, msg, msglen, list, st->k);
    tsr_sim_cpu_stop(st->s, TSR_SIM_COORD);
    if (rc != 0) {
        return -1;
    }
    return tsr_sim_send(st->s, TSR_SIM_COORD, p, TSR_MSG_FROST_REQUEST, st->req, len, flags, bidx);
}

/* The coordinator sends each signer of the list the message and the list; a corrupt coordinator
 * plays COORD_LIST, COORD_SPLIT_LIST, COORD_MESSAGE (one per recipient, in that order) and
 * COORD_REPLAY. Returns 0 or -1. */
static int tsr_sim_frost_round2(tsr_sim_frost_st *st) {
    tsr_sim *s = st->s;
    const tsr_sim_behaviour *b_list = NULL, *b_split = NULL, *b_msg = NULL, *b_replay = NULL;
    size_t i, j;
    char text[160];
    tsr_sim_round_begin(s, 2);
    if (tsr_sim_is_corrupt(s, TSR_SIM_COORD)) {
        b_list = tsr_sim_strategy(s, TSR_SIM_COORD, TSR_SIM_S_COORD_LIST);
        b_split = tsr_sim_strategy(s, TSR_SIM_COORD, TSR_SIM_S_COORD_SPLIT_LIST);
        b_msg = tsr_sim_strategy(s, TSR_SIM_COORD, TSR_SIM_S_COORD_MESSAGE);
        b_replay = tsr_sim_strategy(s, TSR_SIM_COORD, TSR_SIM_S_COORD_REPLAY);
    }
    for (i = 0; i < st->k; i++) {
        uint32_t p = st->lparty[i];
        if (b_list != NULL && tsr_sim_frost_targets(b_list, p)) {
            memcpy(st->alt, st->list, st->k * sizeof st->list[0]);
            if (tsr_sim_frost_fresh_commitment(st, &st->alt[i], st->list[i].id) != 0) {
                return -1;
            }
            snprintf(text, sizeof text, "coord_list: replaces party %u's own commitment in the list it sends to it", p);
            tsr_sim_frost_adv(st, TSR_SIM_COORD, text);
            if (tsr_sim_frost_send_request(st, p, st->msg, st->msglen, st->alt, TSR_SIM_F_FORGED,
                                           tsr_sim_frost_bidx(s, TSR_SIM_COORD, b_list)) != 0) {
                return -1;
            }
        } else if (b_split != NULL && st->k > 1 && tsr_sim_frost_targets(b_split, p)) {
            j = i == 0 ? 1 : 0; /* another signer's entry: the first one that is not p's */
            memcpy(st->alt, st->list, st->k * sizeof st->list[0]);
            if (tsr_sim_frost_fresh_commitment(st, &st->alt[j], st->list[j].id) != 0) {
                return -1;
            }
            snprintf(text, sizeof text,
                     "coord_split_list: sends party %u a list in which party %u's commitment is replaced", p,
                     st->lparty[j]);
            tsr_sim_frost_adv(st, TSR_SIM_COORD, text);
            if (tsr_sim_frost_send_request(st, p, st->msg, st->msglen, st->alt, TSR_SIM_F_FORGED,
                                           tsr_sim_frost_bidx(s, TSR_SIM_COORD, b_split)) != 0) {
                return -1;
            }
        } else if (b_msg != NULL && tsr_sim_frost_targets(b_msg, p)) {
            snprintf(text, sizeof text, "coord_message: asks party %u to sign another message (%zu bytes)", p,
                     st->altmsglen);
            tsr_sim_frost_adv(st, TSR_SIM_COORD, text);
            if (tsr_sim_frost_send_request(st, p, st->altmsg, st->altmsglen, st->list, TSR_SIM_F_FORGED,
                                           tsr_sim_frost_bidx(s, TSR_SIM_COORD, b_msg)) != 0) {
                return -1;
            }
        } else if (tsr_sim_frost_send_request(st, p, st->msg, st->msglen, st->list, 0, -1) != 0) {
            return -1;
        }
        if (b_replay != NULL && tsr_sim_frost_targets(b_replay, p)) {
            snprintf(text, sizeof text,
                     "coord_replay: sends party %u a second request with the same commitments for another message", p);
            tsr_sim_frost_adv(st, TSR_SIM_COORD, text);
            if (tsr_sim_frost_send_request(st, p, st->altmsg, st->altmsglen, st->list, TSR_SIM_F_FORGED,
                                           tsr_sim_frost_bidx(s, TSR_SIM_COORD, b_replay)) != 0) {
                return -1;
            }
        }
    }
    tsr_sim_round_end(s);
    return 0;
}

/* ---- signing: round 3, signature shares ------------------------------------------------------- */

/* Signer p handles its requests, in delivery order: it opens and decodes each (a failure blames
 * the coordinator), refuses once its nonces are consumed (TSR_ERR_STATE from tsr_frost_sign:
 * never a second share), refuses another message than the approved one (TSR_CHECK_REQUEST) or a
 * list of fewer than t signers (TSR_CHECK_SIGNER_COUNT), and signs the first valid one
 * (tsr_frost_sign's own checks blame the coordinator: list, OWN_COMMITMENT). Returns 0 or -1. */
static int tsr_sim_frost_signer_requests(tsr_sim_frost_st *st, uint32_t p) {
    tsr_sim *s = st->s;
    size_t nin, i, k = 0, ml = 0;
    int honest = !tsr_sim_is_corrupt(s, p);
    nin = tsr_sim_inbox(s, p, TSR_MSG_FROST_REQUEST, st->in, TSR_SIM_FROST_INBOX);
    for (i = 0; i < nin; i++) {
        const tsr_sim_msg *m = st->in[i];
        const uint8_t *pl = NULL, *rmsg = NULL;
        size_t plen = 0;
        tsr_frost_sigshare share;
        tsr_blame blame;
        int chk, err, msg_ok;
        if (m->from != TSR_SIM_COORD || tsr_sim_frost_dup(st, i, m)) {
            continue;
        }
        if ((chk = tsr_sim_open(s, p, m, &pl, &plen)) != TSR_CHECK_NONE) {
            tsr_sim_frost_blame_coord(s, p, TSR_PHASE_SIGN, chk);
            continue;
        }
        tsr_sim_cpu_start(s, p);
        chk = tsr_sim_frost_request_decode(st->ctx, &rmsg, &ml, st->dec, &k, pl, plen);
        tsr_sim_cpu_stop(s, p);
        if (chk != TSR_CHECK_NONE) {
            tsr_sim_event_add(s, TSR_SIM_EV_REFUSE, p, TSR_CULPRIT_NONE, TSR_PHASE_SIGN, chk,
                              "refuses an undecodable signing request");
            tsr_sim_frost_blame_coord(s, p, TSR_PHASE_SIGN, chk);
            continue;
        }
        memset(&share, 0, sizeof share);
        tsr_blame_set(&blame, TSR_CULPRIT_NONE, TSR_PHASE_NONE, 0, TSR_CHECK_NONE);
        msg_ok = ml == st->msglen && (ml == 0 || memcmp(rmsg, st->msg, ml) == 0);
        if (st->nonce[p].magic != TSR_FROST_NONCE_MAGIC) {
            /* consumed (or never made): ref refuses with TSR_ERR_STATE (S2), never a second share */
            tsr_sim_cpu_start(s, p);
            err = tsr_frost_sign(st->ctx, &share, &st->nonce[p], &st->keys->pkg[p], st->dec, k, rmsg, ml, &blame);
            tsr_sim_cpu_stop(s, p);
            tsr_sim_event_add(s, TSR_SIM_EV_REFUSE, p, TSR_CULPRIT_NONE, TSR_PHASE_SIGN, TSR_CHECK_NONE,
                              "refuses a signing request: its nonces are already used (%s)", tsr_strerror(err));
            if (!msg_ok) {
                tsr_sim_frost_blame_coord(s, p, TSR_PHASE_SIGN, TSR_CHECK_REQUEST);
            }
            continue;
        }
        if (!msg_ok) {
            /* spec/simulator.md §2.4: refuse, blame, and burn the nonces all the same */
            tsr_frost_nonce_clear(&st->nonce[p]);
            tsr_sim_event_add(s, TSR_SIM_EV_REFUSE, p, TSR_CULPRIT_NONE, TSR_PHASE_SIGN, TSR_CHECK_REQUEST,
                              "refuses to sign a message it did not approve (%zu bytes); its nonces are burnt", ml);
            tsr_sim_frost_blame_coord(s, p, TSR_PHASE_SIGN, TSR_CHECK_REQUEST);
            continue;
        }
        if (k < st->keys->t) {
            tsr_frost_nonce_clear(&st->nonce[p]);
            tsr_sim_event_add(s, TSR_SIM_EV_REFUSE, p, TSR_CULPRIT_NONE, TSR_PHASE_SIGN,
                              TSR_CHECK_SIGNER_COUNT, "refuses a list of %zu signers (threshold %zu)", k, st->keys->t);
            tsr_sim_frost_blame_coord(s, p, TSR_PHASE_SIGN, TSR_CHECK_SIGNER_COUNT);
            continue;
        }
        tsr_sim_cpu_start(s, p);
        err = tsr_frost_sign(st->ctx, &share, &st->nonce[p], &st->keys->pkg[p], st->dec, k, rmsg, ml, &blame);
        tsr_sim_cpu_stop(s, p);
        if (err != TSR_OK) {
            tsr_sim_event_add(s, TSR_SIM_EV_REFUSE, p, TSR_CULPRIT_NONE, TSR_PHASE_SIGN, blame.check,
                              "refuses to sign: %s", blame.check != TSR_CHECK_NONE ? tsr_check_name(blame.check)
                                                                                   : tsr_strerror(err));
            if (err == TSR_ERR_INTERNAL) {
                return -1;
            }
            if (blame.check != TSR_CHECK_NONE && blame.culprit != TSR_CULPRIT_NONE) {
                tsr_sim_blame(s, p, &blame);
            }
            continue;
        }
        st->myshare[p] = share;
        st->share_ready[p] = 1;
        if (honest) {
            uint8_t d33[33];
            if (tsr_point_encode(st->ctx, d33, &st->own[p].hiding) == TSR_OK) {
                tsr_sim_nonce_used(s, p, d33);
            }
        }
    }
    return 0;
}

/* Signers that signed send their share (a corrupt one plays INVALID_SHARE). Returns 0 or -1. */
static int tsr_sim_frost_round3(tsr_sim_frost_st *st) {
    tsr_sim *s = st->s;
    uint8_t buf[TSR_FROST_SIGSHARE_BYTES];
    size_t i;
    char text[160];
    tsr_sim_round_begin(s, 3);
    tsr_sim_order(s, st->ord, st->set, st->nset);
    for (i = 0; i < st->nset; i++) {
        uint32_t p = st->ord[i], flags = 0;
        int bidx = -1;
        tsr_frost_sigshare share;
        if (!st->share_ready[p] || !tsr_sim_alive(s, p)) {
            continue;
        }
        share = st->myshare[p];
        if (tsr_sim_is_corrupt(s, p)) {
            const tsr_sim_behaviour *b = tsr_sim_strategy(s, p, TSR_SIM_S_INVALID_SHARE);
            if (b != NULL) {
                tsr_scalar v;
                uint32_t add = b->value != 0 ? b->value : 1;
                tsr_scalar_set_u32(&v, add);
                tsr_scalar_add(&share.z, &share.z, &v);
                flags = TSR_SIM_F_FORGED;
                bidx = tsr_sim_frost_bidx(s, p, b);
                snprintf(text, sizeof text, "invalid_share: sends z + %u", add);
                tsr_sim_frost_adv(st, p, text);
            }
        }
        tsr_frost_sigshare_encode(buf, &share);
        if (tsr_sim_send(s, p, TSR_SIM_COORD, TSR_MSG_FROST_SIGSHARE, buf, sizeof buf, flags, bidx) != 0) {
            return -1;
        }
    }
    tsr_sim_round_end(s);
    return 0;
}

/* ---- NONCE_EXTRACT: the coalition's algebra ----------------------------------------------------- */

/* det of a 3x3 matrix of scalars (public values of the adversary's computation). */
static void tsr_sim_frost_det3(tsr_scalar *out, tsr_scalar m[3][3]) {
    tsr_scalar a, b, c, t;
    tsr_scalar_mul(&a, &m[1][1], &m[2][2]);
    tsr_scalar_mul(&t, &m[1][2], &m[2][1]);
    tsr_scalar_sub(&a, &a, &t);
    tsr_scalar_mul(&a, &a, &m[0][0]);
    tsr_scalar_mul(&b, &m[1][0], &m[2][2]);
    tsr_scalar_mul(&t, &m[1][2], &m[2][0]);
    tsr_scalar_sub(&b, &b, &t);
    tsr_scalar_mul(&b, &b, &m[0][1]);
    tsr_scalar_mul(&c, &m[1][0], &m[2][1]);
    tsr_scalar_mul(&t, &m[1][1], &m[2][0]);
    tsr_scalar_sub(&c, &c, &t);
    tsr_scalar_mul(&c, &c, &m[0][2]);
    tsr_scalar_sub(out, &a, &b);
    tsr_scalar_add(out, out, &c);
}

/* Records the victim's equation of this attempt, z = sigma*(d + e*rho) + lambda*pi*s*c, from the
 * list the signers signed (sigma, pi = -1 when the TR suite negated the nonces (R odd) or the
 * share (PK odd)). Returns 0, or -1 when the victim's share is missing. */
static int tsr_sim_frost_extract_record(tsr_sim_frost_st *st) {
    const tsr_sim_keys *keys = st->keys;
    tsr_point r;
    uint8_t enc[33];
    size_t i, e = st->ex.got;
    uint32_t vid = keys->pkg[st->ex.victim].id;
    for (i = 0; i < st->k && st->list[i].id != vid; i++) {
    }
    if (i == st->k || !st->have_share[i] || e >= TSR_SIM_FROST_EXTRACT) {
        return -1;
    }
    tsr_sim_cpu_start(st->s, TSR_SIM_COORD);
    if (tsr_frost_compute_binding_factors(st->ctx, st->rho, NULL, keys->suite, &keys->group_key, st->list, st->k,
                                          st->msg, st->msglen) != TSR_OK ||
        tsr_frost_compute_group_commitment(st->ctx, &r, st->list, st->rho, st->k) != TSR_OK ||
        tsr_frost_compute_challenge(st->ctx, &st->ex.c[e], keys->suite, &r, &keys->group_key, st->msg,
                                    st->msglen) != TSR_OK ||
        tsr_frost_derive_interpolating_value(&st->ex.lambda, st->list, st->k, vid) != TSR_OK ||
        tsr_point_encode(st->ctx, enc, &r) != TSR_OK) {
        tsr_sim_cpu_stop(st->s, TSR_SIM_COORD);
        return -1;
    }
    st->ex.neg_r[e] = keys->suite == TSR_SUITE_SECP256K1_TR && enc[0] == 0x03;
    if (tsr_point_encode(st->ctx, enc, &keys->group_key) != TSR_OK) {
        tsr_sim_cpu_stop(st->s, TSR_SIM_COORD);
        return -1;
    }
    tsr_sim_cpu_stop(st->s, TSR_SIM_COORD);
    st->ex.neg_pk = keys->suite == TSR_SUITE_SECP256K1_TR && enc[0] == 0x03;
    st->ex.rho[e] = st->rho[i];
    st->ex.z[e] = st->shares[i].z;
    st->ex.got++;
    return 0;
}

/* Solves the three equations for s by Cramer's rule and reports the guess to the oracle. */
static void tsr_sim_frost_extract_solve(tsr_sim_frost_st *st) {
    tsr_scalar m[3][3], mz[3][3], det, detz, inv, guess, one;
    size_t e;
    char text[160];
    tsr_scalar_set_u32(&one, 1);
    for (e = 0; e < TSR_SIM_FROST_EXTRACT; e++) {
        tsr_scalar sg = one;
        tsr_scalar lc;
        if (st->ex.neg_r[e]) {
            tsr_scalar_neg(&sg, &one);
        }
        m[e][0] = sg;
        tsr_scalar_mul(&m[e][1], &sg, &st->ex.rho[e]);
        tsr_scalar_mul(&lc, &st->ex.lambda, &st->ex.c[e]);
        if (st->ex.neg_pk) {
            tsr_scalar_neg(&lc, &lc);
        }
        m[e][2] = lc;
        mz[e][0] = m[e][0];
        mz[e][1] = m[e][1];
        mz[e][2] = st->ex.z[e];
    }
    tsr_sim_frost_det3(&det, m);
    tsr_sim_frost_det3(&detz, mz);
    if (tsr_scalar_is_zero_mask(&det)) {
        tsr_sim_frost_adv(st, TSR_SIM_COORD, "nonce_extract: the three equations are dependent; no guess");
        return;
    }
    tsr_scalar_inv_var(&inv, &det);
    tsr_scalar_mul(&guess, &detz, &inv);
    tsr_sim_adv_learned(st->s, st->ex.victim, "share", &guess);
    snprintf(text, sizeof text,
             "nonce_extract: solved z = d + e*rho + lambda*s*c over 3 shares of party %u for its share "
             "(guess handed to the oracle)", st->ex.victim);
    tsr_sim_frost_adv(st, TSR_SIM_COORD, text);
    tsr_scalar_clear(&guess);
    tsr_scalar_clear(&detz);
    tsr_memzero(mz, sizeof mz);
}

/* ---- signing: round 4, aggregation and the signature ------------------------------------------ */

/* The coordinator reads the shares (list order): open, decode, id = sender; a signer of the list
 * without one is unresponsive. Returns the number of shares accepted. */
static size_t tsr_sim_frost_collect_shares(tsr_sim_frost_st *st) {
    tsr_sim *s = st->s;
    size_t nin, i, j, got = 0;
    memset(st->seen, 0, sizeof st->seen);
    memset(st->have_share, 0, sizeof st->have_share);
    nin = tsr_sim_inbox(s, TSR_SIM_COORD, TSR_MSG_FROST_SIGSHARE, st->in, TSR_SIM_FROST_INBOX);
    for (i = 0; i < nin; i++) {
        const tsr_sim_msg *m = st->in[i];
        const uint8_t *pl = NULL;
        size_t plen = 0;
        tsr_check why = TSR_CHECK_NONE;
        tsr_frost_sigshare sh;
        int chk;
        for (j = 0; j < st->k && st->lparty[j] != m->from; j++) {
        }
        if (j == st->k || m->from >= TSR_SIM_NPARTIES) {
            continue; /* not asked: ignored unopened */
        }
        if (st->seen[m->from]) {
            if (!tsr_sim_frost_dup(st, i, m)) {
                tsr_sim_event_add(s, TSR_SIM_EV_NOTE, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                                  "ignores a second signature share from party %u", m->from);
            }
            continue;
        }
        st->seen[m->from] = 1;
        if ((chk = tsr_sim_open(s, TSR_SIM_COORD, m, &pl, &plen)) != TSR_CHECK_NONE) {
            tsr_sim_frost_coord_blame(st, m->from, TSR_PHASE_AGGREGATE, chk);
            continue;
        }
        if (tsr_frost_sigshare_decode(&sh, pl, plen, &why) != TSR_OK) {
            tsr_sim_frost_coord_blame(st, m->from, TSR_PHASE_AGGREGATE,
                                      why != TSR_CHECK_NONE ? (int)why : TSR_CHECK_LENGTH);
            continue;
        }
        if (sh.id != st->list[j].id) {
            tsr_sim_frost_coord_blame(st, m->from, TSR_PHASE_AGGREGATE, TSR_CHECK_SENDER);
            continue;
        }
        st->shares[j] = sh;
        st->have_share[j] = 1;
        got++;
    }
    for (j = 0; j < st->k; j++) {
        if (!st->seen[st->lparty[j]]) {
            tsr_sim_frost_coord_blame(st, st->lparty[j], TSR_PHASE_AGGREGATE, TSR_CHECK_MISSING);
        }
    }
    return got;
}

/* Records a coordinator verdict from ref (protocol id culprit) and excludes that party. */
static void tsr_sim_frost_coord_ref_blame(tsr_sim_frost_st *st, const tsr_blame *b) {
    uint32_t p;
    tsr_sim_blame(st->s, TSR_SIM_COORD, b);
    if (b->culprit != TSR_CULPRIT_NONE && b->culprit != TSR_CULPRIT_COORDINATOR) {
        p = tsr_sim_party_of(st->s, b->culprit);
        if (p != 0 && p < TSR_SIM_NPARTIES) {
            st->excluded[p] = 1;
        }
    }
}

/* Aggregates the shares. Returns 1 with st->sig (verified), 0 if the attempt failed (culprits
 * blamed and excluded), -1 on internal failure. */
static int tsr_sim_frost_aggregate(tsr_sim_frost_st *st, size_t got) {
    tsr_sim *s = st->s;
    const tsr_sim_keys *keys = st->keys;
    size_t i, nc = 0;
    int err;
    char dg[9];
    for (i = 0; i < st->k; i++) {
        st->vsh[i] = keys->vshares[st->list[i].id - 1];
    }
    if (got < st->k) {
        /* some shares are missing: no signature, but the shares present are still judged */
        for (i = 0; i < st->k; i++) {
            tsr_blame b;
            if (!st->have_share[i]) {
                continue;
            }
            tsr_sim_cpu_start(s, TSR_SIM_COORD);
            err = tsr_frost_verify_signature_share(st->ctx, keys->suite, &st->shares[i], &st->vsh[i], st->list, st->k,
                                                   &keys->group_key, st->msg, st->msglen, &b);
            tsr_sim_cpu_stop(s, TSR_SIM_COORD);
            if (err == TSR_ERR_VERIFY) {
                tsr_sim_frost_coord_ref_blame(st, &b);
            } else if (err == TSR_ERR_INTERNAL) {
                return -1;
            }
        }
        tsr_sim_event_add(s, TSR_SIM_EV_OUTCOME, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                          "sign attempt %u aborted: %zu of %zu signature shares", (unsigned)(st->attempt + 1), got,
                          st->k);
        return 0;
    }
    tsr_sim_cpu_start(s, TSR_SIM_COORD);
    err = tsr_frost_aggregate(st->ctx, st->sig, &st->siglen, st->culprits, TSR_MAX_PARTIES, &nc, keys->suite, st->list,
                              st->shares, st->vsh, st->k, &keys->group_key, st->msg, st->msglen);
    tsr_sim_cpu_stop(s, TSR_SIM_COORD);
    if (err == TSR_ERR_INTERNAL) {
        return -1;
    }
    if (err != TSR_OK) {
        for (i = 0; i < nc; i++) {
            tsr_sim_frost_coord_ref_blame(st, &st->culprits[i]);
        }
        tsr_sim_event_add(s, TSR_SIM_EV_OUTCOME, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                          "sign attempt %u aborted: the signature does not verify, %zu share(s) named (%s)",
                          (unsigned)(st->attempt + 1), nc, tsr_strerror(err));
        return 0;
    }
    if (!tsr_sim_frost_sig_ok(s, TSR_SIM_COORD, keys->suite, st->sig, st->siglen, &keys->group_key, st->msg,
                              st->msglen)) {
        tsr_sim_event_add(s, TSR_SIM_EV_OUTCOME, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                          "sign attempt %u aborted: the aggregate fails verification", (unsigned)(st->attempt + 1));
        return 0;
    }
    tsr_sim_digest(dg, st->sig, st->siglen);
    tsr_sim_event_add(s, TSR_SIM_EV_SIGNATURE, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                      "coordinator aggregates %zu shares: signature %zu, %zu bytes, digest %s, verified%s", st->k,
                      st->index + 1, st->siglen, dg,
                      keys->suite == TSR_SUITE_SECP256K1_TR ? " (tsr_frost_verify, secp256k1_schnorrsig_verify)"
                                                            : " (tsr_frost_verify)");
    return 1;
}

/* Round 4: the coordinator broadcasts the signature; each honest key holder verifies what it
 * received against the group key and its approved message and records it. Returns 0 or -1. */
static int tsr_sim_frost_round4(tsr_sim_frost_st *st) {
    tsr_sim *s = st->s;
    const tsr_sim_keys *keys = st->keys;
    tsr_sim_result *res;
    size_t i, j, nin;
    tsr_sim_round_begin(s, 4);
    if (tsr_sim_send(s, TSR_SIM_COORD, TSR_SIM_BCAST, TSR_MSG_FROST_SIGNATURE, st->sig, st->siglen, 0, -1) != 0) {
        return -1;
    }
    tsr_sim_round_end(s);
    res = tsr_sim_result_mut(s);
    for (i = 0; i < keys->n; i++) {
        uint32_t p = keys->roster[i];
        int done = 0;
        if (p == TSR_SIM_COORD || p >= TSR_SIM_NPARTIES || tsr_sim_is_corrupt(s, p)) {
            continue;
        }
        nin = tsr_sim_inbox(s, p, TSR_MSG_FROST_SIGNATURE, st->in, TSR_SIM_FROST_INBOX);
        for (j = 0; j < nin && !done; j++) {
            const tsr_sim_msg *m = st->in[j];
            const uint8_t *pl = NULL;
            size_t plen = 0;
            int chk;
            char dg[9];
            if (m->from != TSR_SIM_COORD || tsr_sim_frost_dup(st, j, m)) {
                continue;
            }
            if ((chk = tsr_sim_open(s, p, m, &pl, &plen)) != TSR_CHECK_NONE) {
                tsr_sim_frost_blame_coord(s, p, TSR_PHASE_AGGREGATE, chk);
                continue;
            }
            if (plen > TSR_FROST_SIG_MAX_BYTES ||
                !tsr_sim_frost_sig_ok(s, p, keys->suite, pl, plen, &keys->group_key, st->msg, st->msglen)) {
                tsr_sim_event_add(s, TSR_SIM_EV_SIGNATURE, p, TSR_CULPRIT_NONE, 0, 0,
                                  "party %u rejects signature %zu (%zu bytes): it does not verify", p, st->index + 1,
                                  plen);
                tsr_sim_frost_blame_coord(s, p, TSR_PHASE_AGGREGATE, TSR_CHECK_SIGNATURE);
                continue;
            }
            if (res->party[p].nsigs < TSR_SIM_MAX_STEPS) {
                size_t slot = res->party[p].nsigs++;
                memcpy(res->party[p].sig[slot], pl, plen);
                res->party[p].siglen[slot] = plen;
            }
            tsr_sim_digest(dg, pl, plen);
            tsr_sim_event_add(s, TSR_SIM_EV_SIGNATURE, p, TSR_CULPRIT_NONE, 0, 0,
                              "party %u verifies signature %zu (digest %s)", p, st->index + 1, dg);
            done = 1;
        }
    }
    return 0;
}

/* ---- signing: attempts ------------------------------------------------------------------------ */

/* NONCE_EXTRACT set-up (attempt 0, corrupt coordinator): the coalition's signer is the
 * behaviour's `party` (else the first corrupt key holder playing nonce_extract, else the first
 * corrupt key holder), the victim `to[0]` (else the first honest key holder). */
static void tsr_sim_frost_extract_setup(tsr_sim_frost_st *st) {
    tsr_sim *s = st->s;
    const tsr_sim_behaviour *b;
    uint32_t c = 0, v = 0, p;
    char text[160];
    if (!tsr_sim_is_corrupt(s, TSR_SIM_COORD) ||
        (b = tsr_sim_strategy(s, TSR_SIM_COORD, TSR_SIM_S_NONCE_EXTRACT)) == NULL) {
        return;
    }
    if (b->party != 0 && tsr_sim_frost_holder(st, b->party) && tsr_sim_is_corrupt(s, b->party)) {
        c = b->party;
    }
    for (p = 1; c == 0 && p < TSR_SIM_NPARTIES; p++) {
        if (tsr_sim_frost_holder(st, p) && tsr_sim_strategy(s, p, TSR_SIM_S_NONCE_EXTRACT) != NULL) {
            c = p;
        }
    }
    for (p = 1; c == 0 && p < TSR_SIM_NPARTIES; p++) {
        if (tsr_sim_frost_holder(st, p) && tsr_sim_is_corrupt(s, p)) {
            c = p;
        }
    }
    if (b->nto > 0 && tsr_sim_frost_holder(st, b->to[0]) && b->to[0] != c) {
        v = b->to[0];
    }
    for (p = 1; v == 0 && p < TSR_SIM_NPARTIES; p++) {
        if (tsr_sim_frost_holder(st, p) && !tsr_sim_is_corrupt(s, p)) {
            v = p;
        }
    }
    if (c == 0 || v == 0) {
        tsr_sim_frost_adv(st, TSR_SIM_COORD, "nonce_extract: no corrupt signer or no victim among the key holders; "
                                             "plays honestly");
        return;
    }
    st->ex.on = 1;
    st->ex.signer = c;
    st->ex.victim = v;
    st->ex.got = 0;
    st->ex.bidx = tsr_sim_frost_bidx(s, TSR_SIM_COORD, b);
    snprintf(text, sizeof text,
             "nonce_extract: with party %u, asks the same signers for the same message %d times to solve for "
             "party %u's share", c, TSR_SIM_FROST_EXTRACT, v);
    tsr_sim_frost_adv(st, TSR_SIM_COORD, text);
}

static size_t tsr_sim_frost_neligible(const tsr_sim_frost_st *st) {
    size_t n = 0;
    uint32_t p;
    for (p = 1; p < TSR_SIM_NPARTIES; p++) {
        n += (size_t)tsr_sim_frost_eligible(st, p);
    }
    return n;
}

/* Sim parties as ranges, "1-5,7,9-12" (truncated with "..."). */
static void tsr_sim_frost_set_str(char *buf, size_t cap, const uint32_t *set, size_t n) {
    size_t i = 0, used = 0;
    buf[0] = 0;
    while (i < n) {
        size_t j = i, w;
        char item[32];
        while (j + 1 < n && set[j + 1] == set[j] + 1) {
            j++;
        }
        if (j == i) {
            snprintf(item, sizeof item, "%s%u", i ? "," : "", set[i]);
        } else {
            snprintf(item, sizeof item, "%s%u-%u", i ? "," : "", set[i], set[j]);
        }
        w = strlen(item);
        if (used + w + 4 >= cap) {
            snprintf(buf + used, cap - used, "...");
            return;
        }
        memcpy(buf + used, item, w + 1);
        used += w;
        i = j + 1;
    }
}

/* One attempt (a "sign" run). Returns 1 (verified signature in st->sig), 0 (no signature), 2
 * (the coordinator crashed: no further attempt), -1 (internal failure). */
static int tsr_sim_frost_attempt(tsr_sim_frost_st *st) {
    tsr_sim *s = st->s;
    uint8_t session[32];
    char set[72];
    size_t i, got;
    tsr_blame lb;
    int rc;

    tsr_sim_session_id(s, tsr_sim_cur_step(s), tsr_sim_cur_run(s), session);
    tsr_sim_run_begin(s, "sign", st->keys->roster, st->keys->n, session);
    if (st->attempt == 0) {
        tsr_sim_frost_extract_setup(st);
    }
    tsr_sim_frost_choose(st);
    memset(st->committed, 0, sizeof st->committed);
    memset(st->share_ready, 0, sizeof st->share_ready);
    tsr_sim_frost_set_str(set, sizeof set, st->set, st->nset);
    tsr_sim_event_add(s, TSR_SIM_EV_NOTE, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                      "sign attempt %u of signature %zu: signers %s (%zu bytes to sign)", (unsigned)(st->attempt + 1),
                      st->index + 1, set, st->msglen);
    if (tsr_sim_frost_round1(st) != 0) {
        return -1;
    }
    if (!tsr_sim_alive(s, TSR_SIM_COORD)) {
        return 2;
    }
    if (tsr_sim_frost_collect_commitments(st) < st->keys->t ||
        tsr_frost_check_commitment_list(st->list, st->k, st->keys->t, &lb) != TSR_OK) {
        tsr_sim_event_add(s, TSR_SIM_EV_OUTCOME, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                          "sign attempt %u aborted: %zu valid commitments, threshold %zu", (unsigned)(st->attempt + 1),
                          st->k, st->keys->t);
        return 0;
    }
    if (tsr_sim_frost_round2(st) != 0) {
        return -1;
    }
    tsr_sim_order(s, st->ord, st->set, st->nset);
    for (i = 0; i < st->nset; i++) {
        uint32_t p = st->ord[i];
        if (st->committed[p] && tsr_sim_alive(s, p) && tsr_sim_frost_signer_requests(st, p) != 0) {
            return -1;
        }
    }
    if (tsr_sim_frost_round3(st) != 0) {
        return -1;
    }
    if (!tsr_sim_alive(s, TSR_SIM_COORD)) {
        return 2;
    }
    got = tsr_sim_frost_collect_shares(st);
    if (st->ex.on) {
        int recorded = tsr_sim_frost_extract_record(st) == 0;
        char text[160];
        snprintf(text, sizeof text, "nonce_extract: %s party %u's share of request %zu",
                 recorded ? "records" : "misses", st->ex.victim, (size_t)st->attempt + 1);
        tsr_sim_frost_adv(st, TSR_SIM_COORD, text);
        if (st->attempt + 1 < TSR_SIM_FROST_EXTRACT) {
            tsr_sim_frost_adv(st, TSR_SIM_COORD, "nonce_extract: withholds the signature and asks again");
            tsr_sim_event_add(s, TSR_SIM_EV_OUTCOME, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                              "sign attempt %u ended without a signature", (unsigned)(st->attempt + 1));
            return 0;
        }
        if (st->ex.got == TSR_SIM_FROST_EXTRACT) {
            tsr_sim_frost_extract_solve(st);
        } else {
            tsr_sim_frost_adv(st, TSR_SIM_COORD, "nonce_extract: fewer than 3 equations; no guess");
        }
        st->ex.on = 0;
    }
    rc = tsr_sim_frost_aggregate(st, got);
    if (rc != 1) {
        return rc;
    }
    if (tsr_sim_frost_round4(st) != 0) {
        return -1;
    }
    tsr_sim_event_add(s, TSR_SIM_EV_OUTCOME, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                      "sign attempt %u ok: signature %zu", (unsigned)(st->attempt + 1), st->index + 1);
    return 1;
}

int tsr_sim_sign(tsr_sim *s, uint8_t *sig, size_t *siglen, size_t *attempts, const tsr_sim_keys *keys,
                 const uint8_t *msg, size_t msglen, size_t index) {
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    tsr_sim_frost_st *st;
    size_t maxatt, a, i, extra = 0;
    int ret = 0, rc = 0;

    *siglen = 0;
    *attempts = 0;
    if (keys == NULL || !keys->ok || keys->t < 1 || keys->n < keys->t || keys->n > TSR_MAX_PARTIES ||
        msglen > TSR_SIM_MAX_MSGLEN || (msg == NULL && msglen > 0)) {
        tsr_sim_event_add(s, TSR_SIM_EV_NOTE, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                          "signature %zu: no keys to sign with", index + 1);
        return 0;
    }
    st = calloc(1, sizeof *st);
    if (st == NULL) {
        return -1;
    }
    st->s = s;
    st->ctx = tsr_sim_ctx(s);
    st->cfg = cfg;
    st->keys = keys;
    st->msg = msg != NULL ? msg : st->altmsg; /* empty message: any valid pointer */
    st->msglen = msglen;
    st->index = index;
    tsr_sim_frost_make_altmsg(st);
    maxatt = cfg->max_sign_attempts ? cfg->max_sign_attempts : keys->n - keys->t + 1;
    for (a = 0; a < 0xffffu; a++) {
        /* nonce_extract's repeated requests do not count against the cap, but there are at most
         * TSR_SIM_FROST_EXTRACT of them, even when its attempts abort early (a crash, a loss) */
        if (a >= maxatt + extra) {
            tsr_sim_event_add(s, TSR_SIM_EV_NOTE, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                              "the coordinator gives up after %zu attempts", a);
            break;
        }
        if (tsr_sim_frost_neligible(st) < keys->t) {
            tsr_sim_event_add(s, TSR_SIM_EV_NOTE, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                              "the coordinator gives up: fewer than %zu eligible signers remain", keys->t);
            break;
        }
        st->attempt = (uint16_t)a;
        rc = tsr_sim_frost_attempt(st);
        (*attempts)++;
        if (st->ex.on && ++extra >= TSR_SIM_FROST_EXTRACT) {
            st->ex.on = 0;
        }
        for (i = 0; i < TSR_SIM_NPARTIES; i++) {
            if (st->nonce[i].magic != 0) {
                tsr_frost_nonce_clear(&st->nonce[i]);
            }
        }
        if (rc < 0) {
            ret = -1;
            break;
        }
        if (rc == 1) {
            memcpy(sig, st->sig, st->siglen);
            *siglen = st->siglen;
            ret = 1;
            break;
        }
        if (rc == 2) {
            tsr_sim_event_add(s, TSR_SIM_EV_NOTE, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                              "the coordinator has crashed: signature %zu is abandoned", index + 1);
            break;
        }
    }
    tsr_sim_frost_st_free(st);
    return ret;
}
