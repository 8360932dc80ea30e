/* The simulator engine: the ceremony loop, the deterministic network (framing, corrupt senders'
 * mutations, faults, rounds, inboxes), the timeline, blame recording and the secret registry. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tessera/tessera.h"
#include "sim.h"
#include "sim_bytes.h"
#include "sim_internal.h"

#define TSR_SIM_CHUNK 4096u /* messages per timeline chunk (pointers stay valid) */
#define TSR_SIM_MAXFIELDS 8192u

/* A queued copy awaiting delivery at round_end. */
typedef struct {
    size_t idx;     /* timeline index */
    uint32_t to, from;
    uint32_t seq;
    int last;       /* reordered: delivered after the others */
} tsr_sim_pending;

typedef struct {
    size_t *idx;    /* timeline indices, delivery order */
    size_t n, cap;
} tsr_sim_inboxq;

typedef struct {
    uint8_t *p;
    size_t n;
} tsr_sim_blob;

struct tsr_sim_s {
    tsr_sim_config cfg;
    tsr_sim_result res;
    tsr_context *ctx;
    tsr_sim_keys keys;            /* what keygen left (secret) */

    tsr_sim_rng prng[TSR_SIM_NPARTIES]; /* per-party streams */
    tsr_sim_rng net;              /* network faults */
    tsr_sim_rng mut;              /* generic mutations (FLIP_BITS) */

    int corrupt_idx[TSR_SIM_NPARTIES];  /* index into cfg.corrupt, -1 if honest */
    /* parsed mutation targets, by corrupt index and behaviour */
    uint16_t (*tgt_type)[TSR_SIM_MAX_BEHAVIOURS];
    char (*tgt_field)[TSR_SIM_MAX_BEHAVIOURS][72];
    uint8_t (*tgt_ok)[TSR_SIM_MAX_BEHAVIOURS];
    uint8_t (*warned)[TSR_SIM_MAX_BEHAVIOURS];

    /* timeline: messages in chunks, events in one array */
    tsr_sim_msg **chunks;
    size_t nchunks, capchunks;
    size_t nmsgs;
    tsr_sim_blob *blobs;          /* frame buffers (shared by copies) */
    size_t nblobs, capblobs;
    tsr_sim_event *events;
    size_t *event_pos;
    size_t nevents, capevents, cappos;

    /* current position */
    uint16_t step, run, round;
    size_t runs_in_step;          /* run_begin calls in this step */
    int in_run;
    char proto[16];
    uint8_t suite;
    uint8_t session[32];
    uint32_t roster[TSR_MAX_PARTIES];
    size_t nroster;
    uint32_t pid_of[TSR_SIM_NPARTIES];
    size_t round_first_msg;       /* first timeline index of the current round */
    uint8_t crashed[TSR_SIM_NPARTIES];

    /* delivery */
    tsr_sim_pending *pend;
    size_t npend, cappend;
    tsr_sim_inboxq inbox[TSR_SIM_NPARTIES];

    /* run records */
    tsr_sim_runrec *runs;
    size_t nruns, capruns;

    /* registries */
    tsr_sim_blob *secrets;
    size_t nsecrets, capsecrets;
    tsr_sim_learned *learned;
    size_t nlearned, caplearned;
    tsr_sim_nonce_rec *nonces;
    size_t nnonces, capnonces;

    /* CPU accounting */
    struct timespec cpu_t0[TSR_SIM_NPARTIES];
    uint8_t cpu_on[TSR_SIM_NPARTIES];

    tsr_sim_field *fields;        /* scratch for tsr_sim_fields */
    int oom;                      /* an allocation failed somewhere (run reports it) */
};

/* ---- small helpers ---------------------------------------------------------------------------- */

static void tsr_sim_errf(char *err, size_t errcap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void tsr_sim_errf(char *err, size_t errcap, const char *fmt, ...) {
    va_list ap;
    if (err == NULL || errcap == 0) {
        return;
    }
    va_start(ap, fmt);
    vsnprintf(err, errcap, fmt, ap);
    va_end(ap);
}

/* Grows *p (elements of size sz) to hold at least need elements. Returns 0 or -1. */
static int tsr_sim_grow(void **p, size_t *cap, size_t need, size_t sz) {
    size_t nc;
    void *q;
    if (need <= *cap) {
        return 0;
    }
    nc = *cap ? *cap : 16;
    while (nc < need) {
        if (nc > ((size_t)-1) / 4 / sz) {
            return -1;
        }
        nc *= 2;
    }
    q = realloc(*p, nc * sz);
    if (q == NULL) {
        return -1;
    }
    *p = q;
    *cap = nc;
    return 0;
}


static void tsr_sim_be64(uint8_t *o, uint64_t v) {
    int i;
    for (i = 0; i < 8; i++) {
        o[i] = (uint8_t)(v >> (56 - 8 * i));
    }
}

/* A deterministic stream keyed by SHA256(label || u64be seed || u32be party). */
static void tsr_sim_stream(tsr_sim_rng *r, const char *label, uint64_t seed, uint32_t party) {
    tsr_sha256_ctx h;
    uint8_t b[12];
    memset(r, 0, sizeof *r);
    r->seeded = 1;
    tsr_sim_be64(b, seed);
    tsr_sim_put32(b + 8, party);
    tsr_sha256_init(&h);
    tsr_sha256_update(&h, (const uint8_t *)label, strlen(label));
    tsr_sha256_update(&h, b, sizeof b);
    tsr_sha256_final(&h, r->key);
}

/* A uniform double in [0, 1) from the network stream. */
static double tsr_sim_draw(tsr_sim *s) {
    uint8_t b[8];
    uint64_t v = 0;
    int i;
    tsr_sim_rng_fill(&s->net, b, sizeof b);
    for (i = 0; i < 8; i++) {
        v = (v << 8) | b[i];
    }
    return (double)(v >> 11) * (1.0 / 9007199254740992.0);
}

static int tsr_sim_proto_match(const char *b, const char *cur) {
    if (b[0] == '\0') {
        return 1;
    }
    if (strcmp(b, cur) == 0) {
        return 1;
    }
    if ((strcmp(b, "frost") == 0 && strcmp(cur, "sign") == 0) ||
        (strcmp(b, "sign") == 0 && strcmp(cur, "frost") == 0)) {
        return 1;
    }
    return 0;
}

int tsr_sim_behaviour_targets(const tsr_sim_behaviour *b, uint32_t p) {
    size_t i;
    if (b->nto == 0) {
        return 1;
    }
    for (i = 0; i < b->nto; i++) {
        if (b->to[i] == p) {
            return 1;
        }
    }
    return 0;
}

void tsr_sim_digest(char out[9], const uint8_t *p, size_t n) {
    static const char hx[] = "0123456789abcdef";
    uint8_t h[32];
    size_t i;
    tsr_sha256(h, p, n);
    for (i = 0; i < 4; i++) {
        out[2 * i] = hx[h[i] >> 4];
        out[2 * i + 1] = hx[h[i] & 15];
    }
    out[8] = 0;
}

static int tsr_sim_run_match(const tsr_sim *s, const tsr_sim_behaviour *b) {
    return b->run < 0 || (long)b->run == (long)s->run;
}

static tsr_sim_msg *tsr_sim_msg_mut(tsr_sim *s, size_t i) {
    return &s->chunks[i / TSR_SIM_CHUNK][i % TSR_SIM_CHUNK];
}

static tsr_sim_runrec *tsr_sim_cur_rec(tsr_sim *s) {
    if (!s->in_run || s->nruns == 0) {
        return NULL;
    }
    return &s->runs[s->nruns - 1];
}

static const char *tsr_sim_party_str(char *buf, size_t cap, uint32_t p) {
    if (p == TSR_CULPRIT_COORDINATOR || p == TSR_SIM_COORD) {
        snprintf(buf, cap, "the coordinator");
    } else if (p == TSR_CULPRIT_NONE) {
        snprintf(buf, cap, "nobody");
    } else {
        snprintf(buf, cap, "party %u", (unsigned)p);
    }
    return buf;
}

/* ---- configuration ---------------------------------------------------------------------------- */

void tsr_sim_config_default(tsr_sim_config *cfg) {
    static const char msg[] = "tessera";
    memset(cfg, 0, sizeof *cfg);
    snprintf(cfg->name, sizeof cfg->name, "default");
    cfg->seed = 1;
    cfg->suite = TSR_SUITE_SECP256K1_TR;
    cfg->n = 3;
    cfg->t = 2;
    cfg->keys = TSR_SIM_KEYS_DKG;
    cfg->nsign = 1;
    memcpy(cfg->msg, msg, sizeof msg - 1);
    cfg->msglen = sizeof msg - 1;
}

static int tsr_sim_rate_ok(double r) {
    return r >= 0.0 && r <= 1.0; /* false for NaN */
}

static int tsr_sim_party_ok(uint32_t p, size_t n) {
    return (size_t)p <= n;
}

/* Validates cfg and resolves defaults. Returns 0 or -1 (err). */
static int tsr_sim_config_check(tsr_sim_config *cfg, char *err, size_t errcap) {
    size_t i, j, k;
    if (cfg->n < 2 || cfg->n > TSR_MAX_PARTIES) {
        tsr_sim_errf(err, errcap, "n = %zu: must be in 2..%u", cfg->n, (unsigned)TSR_MAX_PARTIES);
        return -1;
    }
    if (cfg->t < 1 || cfg->t > cfg->n) {
        tsr_sim_errf(err, errcap, "t = %zu: must be in 1..n (n = %zu)", cfg->t, cfg->n);
        return -1;
    }
    if (cfg->suite != TSR_SUITE_SECP256K1_SHA256 && cfg->suite != TSR_SUITE_SECP256K1_TR) {
        tsr_sim_errf(err, errcap, "suite %u: unknown (secp256k1 = 1, secp256k1-tr = 2)", (unsigned)cfg->suite);
        return -1;
    }
    if (cfg->keys != TSR_SIM_KEYS_DEALER && cfg->keys != TSR_SIM_KEYS_DKG) {
        tsr_sim_errf(err, errcap, "keys: must be \"dkg\" or \"dealer\"");
        return -1;
    }
    if (cfg->keys == TSR_SIM_KEYS_DEALER && cfg->t < 2) {
        tsr_sim_errf(err, errcap, "t = %zu: dealer keys (FROST) need t >= 2", cfg->t);
        return -1;
    }
    if (cfg->nsign > TSR_SIM_MAX_STEPS - 1) {
        tsr_sim_errf(err, errcap, "sign = %zu: at most %u signatures", cfg->nsign, (unsigned)(TSR_SIM_MAX_STEPS - 1));
        return -1;
    }
    if (cfg->msglen > TSR_SIM_MAX_MSGLEN || (cfg->nsign > 1 && cfg->msglen + 1 > TSR_SIM_MAX_MSGLEN)) {
        tsr_sim_errf(err, errcap, "message: %zu bytes, at most %u (%u with several signatures)", cfg->msglen,
                     (unsigned)TSR_SIM_MAX_MSGLEN, (unsigned)TSR_SIM_MAX_MSGLEN - 1);
        return -1;
    }
    if (cfg->nsigners > cfg->n) {
        tsr_sim_errf(err, errcap, "signers: %zu given, n = %zu", cfg->nsigners, cfg->n);
        return -1;
    }
    for (i = 0; i < cfg->nsigners; i++) {
        if (cfg->signers[i] < 1 || cfg->signers[i] > cfg->n) {
            tsr_sim_errf(err, errcap, "signers[%zu] = %u: must be a party in 1..%zu", i, (unsigned)cfg->signers[i],
                         cfg->n);
            return -1;
        }
        for (j = 0; j < i; j++) {
            if (cfg->signers[j] == cfg->signers[i]) {
                tsr_sim_errf(err, errcap, "signers[%zu] = %u: listed twice", i, (unsigned)cfg->signers[i]);
                return -1;
            }
        }
    }
    if (cfg->nsigners > 0 && cfg->nsigners < cfg->t) {
        tsr_sim_errf(err, errcap, "signers: %zu given, at least t = %zu needed", cfg->nsigners, cfg->t);
        return -1;
    }
    if (cfg->max_sign_attempts == 0) {
        cfg->max_sign_attempts = cfg->n - cfg->t + 1;
    }
    if (cfg->max_keygen_runs == 0) {
        cfg->max_keygen_runs = cfg->n - cfg->t + 1;
    }
    if (cfg->max_sign_attempts > 1000 || cfg->max_keygen_runs > 1000) {
        tsr_sim_errf(err, errcap, "max_sign_attempts / max_keygen_runs: at most 1000");
        return -1;
    }
    if (cfg->ncorrupt > TSR_SIM_NPARTIES) {
        tsr_sim_errf(err, errcap, "corrupt: %zu entries, at most %u", cfg->ncorrupt, (unsigned)TSR_SIM_NPARTIES);
        return -1;
    }
    for (i = 0; i < cfg->ncorrupt; i++) {
        const tsr_sim_corrupt *c = &cfg->corrupt[i];
        if (!tsr_sim_party_ok(c->party, cfg->n)) {
            tsr_sim_errf(err, errcap, "corrupt[%zu].party = %u: must be in 0..%zu", i, (unsigned)c->party, cfg->n);
            return -1;
        }
        for (j = 0; j < i; j++) {
            if (cfg->corrupt[j].party == c->party) {
                tsr_sim_errf(err, errcap, "corrupt[%zu].party = %u: listed twice", i, (unsigned)c->party);
                return -1;
            }
        }
        if (c->nbehaviours > TSR_SIM_MAX_BEHAVIOURS) {
            tsr_sim_errf(err, errcap, "corrupt[%zu].behaviours: %zu, at most %u", i, c->nbehaviours,
                         (unsigned)TSR_SIM_MAX_BEHAVIOURS);
            return -1;
        }
        for (j = 0; j < c->nbehaviours; j++) {
            const tsr_sim_behaviour *b = &c->b[j];
            if (b->strategy < 0 || b->strategy >= TSR_SIM_S__COUNT) {
                tsr_sim_errf(err, errcap, "corrupt[%zu].behaviours[%zu].strategy: unknown (%d)", i, j, b->strategy);
                return -1;
            }
            if (b->strategy == TSR_SIM_S_NONE && (b->mutator <= TSR_SIM_M_NONE || b->mutator >= TSR_SIM_M__COUNT)) {
                tsr_sim_errf(err, errcap, "corrupt[%zu].behaviours[%zu].mutator: a mutation needs a mutator", i, j);
                return -1;
            }
            if (b->strategy == TSR_SIM_S_NONE && b->target[0] == '\0') {
                tsr_sim_errf(err, errcap, "corrupt[%zu].behaviours[%zu].mutate: a mutation needs a target", i, j);
                return -1;
            }
            if (b->nto > TSR_MAX_PARTIES) {
                tsr_sim_errf(err, errcap, "corrupt[%zu].behaviours[%zu].to: too many parties", i, j);
                return -1;
            }
            for (k = 0; k < b->nto; k++) {
                if (!tsr_sim_party_ok(b->to[k], cfg->n)) {
                    tsr_sim_errf(err, errcap, "corrupt[%zu].behaviours[%zu].to[%zu] = %u: must be in 0..%zu", i, j, k,
                                 (unsigned)b->to[k], cfg->n);
                    return -1;
                }
            }
            if (b->hexlen > TSR_SIM_MAX_HEX) {
                tsr_sim_errf(err, errcap, "corrupt[%zu].behaviours[%zu].hex: at most %u bytes", i, j,
                             (unsigned)TSR_SIM_MAX_HEX);
                return -1;
            }
            if (b->run < -1) {
                tsr_sim_errf(err, errcap, "corrupt[%zu].behaviours[%zu].run = %d: must be >= 0 (or -1: every run)", i,
                             j, b->run);
                return -1;
            }
            if ((b->mutator == TSR_SIM_M_SWAP_WITH || b->strategy == TSR_SIM_S_TRANSPLANT) &&
                !tsr_sim_party_ok(b->party, cfg->n)) {
                tsr_sim_errf(err, errcap, "corrupt[%zu].behaviours[%zu].party = %u: must be in 0..%zu", i, j,
                             (unsigned)b->party, cfg->n);
                return -1;
            }
        }
    }
    {
        const tsr_sim_faults *f = &cfg->faults;
        if (!tsr_sim_rate_ok(f->drop) || !tsr_sim_rate_ok(f->late) || !tsr_sim_rate_ok(f->duplicate) ||
            !tsr_sim_rate_ok(f->reorder)) {
            tsr_sim_errf(err, errcap, "faults: rates must be in 0..1");
            return -1;
        }
        if (f->nlinks > sizeof f->links / sizeof f->links[0]) {
            tsr_sim_errf(err, errcap, "faults.links: at most %zu", sizeof f->links / sizeof f->links[0]);
            return -1;
        }
        for (i = 0; i < f->nlinks; i++) {
            const tsr_sim_link_faults *l = &f->links[i];
            if ((l->from != TSR_SIM_BCAST && !tsr_sim_party_ok(l->from, cfg->n)) ||
                (l->to != TSR_SIM_BCAST && !tsr_sim_party_ok(l->to, cfg->n))) {
                tsr_sim_errf(err, errcap, "faults.links[%zu]: from/to must be parties in 0..%zu", i, cfg->n);
                return -1;
            }
            if (!tsr_sim_rate_ok(l->drop) || !tsr_sim_rate_ok(l->late) || !tsr_sim_rate_ok(l->duplicate) ||
                !tsr_sim_rate_ok(l->reorder)) {
                tsr_sim_errf(err, errcap, "faults.links[%zu]: rates must be in 0..1", i);
                return -1;
            }
        }
        if (f->npartitions > sizeof f->partitions / sizeof f->partitions[0]) {
            tsr_sim_errf(err, errcap, "faults.partitions: at most %zu", sizeof f->partitions / sizeof f->partitions[0]);
            return -1;
        }
        for (i = 0; i < f->npartitions; i++) {
            if (f->partitions[i].round_from > f->partitions[i].round_to) {
                tsr_sim_errf(err, errcap, "faults.partitions[%zu].rounds: first round after the last", i);
                return -1;
            }
            if (f->partitions[i].run < -1) {
                tsr_sim_errf(err, errcap, "faults.partitions[%zu].run: must be >= 0 (or -1: every run)", i);
                return -1;
            }
        }
    }
    return 0;
}

/* ---- create / destroy ------------------------------------------------------------------------- */

tsr_sim *tsr_sim_create(const tsr_sim_config *cfg, char *err, size_t errcap) {
    tsr_sim *s;
    size_t i, j;
    uint32_t p;
    uint8_t seed32[32];
    tsr_sim_rng crng;

    if (err != NULL && errcap > 0) {
        err[0] = '\0';
    }
    if (cfg == NULL) {
        tsr_sim_errf(err, errcap, "no configuration");
        return NULL;
    }
    s = calloc(1, sizeof *s);
    if (s == NULL) {
        tsr_sim_errf(err, errcap, "out of memory");
        return NULL;
    }
    memcpy(&s->cfg, cfg, sizeof *cfg);
    if (tsr_sim_config_check(&s->cfg, err, errcap) != 0) {
        free(s);
        return NULL;
    }
    s->tgt_type = calloc(TSR_SIM_NPARTIES, sizeof *s->tgt_type);
    s->tgt_field = calloc(TSR_SIM_NPARTIES, sizeof *s->tgt_field);
    s->tgt_ok = calloc(TSR_SIM_NPARTIES, sizeof *s->tgt_ok);
    s->warned = calloc(TSR_SIM_NPARTIES, sizeof *s->warned);
    if (s->tgt_type == NULL || s->tgt_field == NULL || s->tgt_ok == NULL || s->warned == NULL) {
        tsr_sim_errf(err, errcap, "out of memory");
        tsr_sim_destroy(s);
        return NULL;
    }
    for (p = 0; p < TSR_SIM_NPARTIES; p++) {
        s->corrupt_idx[p] = -1;
    }
    for (i = 0; i < s->cfg.ncorrupt; i++) {
        const tsr_sim_corrupt *c = &s->cfg.corrupt[i];
        s->corrupt_idx[c->party] = (int)i;
        for (j = 0; j < c->nbehaviours; j++) {
            const tsr_sim_behaviour *b = &c->b[j];
            char field[72], e[200];
            uint16_t type = 0;
            if (b->strategy != TSR_SIM_S_NONE) {
                continue;
            }
            e[0] = '\0';
            if (tsr_sim_target_parse(&type, field, sizeof field, b->target, e, sizeof e) != 0) {
                tsr_sim_errf(err, errcap, "corrupt[%zu].behaviours[%zu].mutate: %s", i, j,
                             e[0] ? e : "unknown target");
                tsr_sim_destroy(s);
                return NULL;
            }
            if (type == 0 && strncmp(field, "frame.", 6) != 0) {
                snprintf(s->tgt_field[i][j], sizeof s->tgt_field[i][j], "frame.%.60s", field);
            } else {
                snprintf(s->tgt_field[i][j], sizeof s->tgt_field[i][j], "%s", field);
            }
            s->tgt_type[i][j] = type;
            s->tgt_ok[i][j] = 1;
        }
    }
    for (p = 0; p < TSR_SIM_NPARTIES; p++) {
        tsr_sim_stream(&s->prng[p], "TSR-SIM-PARTY", s->cfg.seed, p);
    }
    tsr_sim_stream(&s->net, "TSR-SIM-NET", s->cfg.seed, 0);
    tsr_sim_stream(&s->mut, "TSR-SIM-MUTATE", s->cfg.seed, 0);
    tsr_sim_stream(&crng, "TSR-SIM-CONTEXT", s->cfg.seed, 0);
    tsr_sim_rng_fill(&crng, seed32, sizeof seed32);
    tsr_sim_rng_clear(&crng);
    s->ctx = tsr_context_create(seed32);
    tsr_memzero(seed32, sizeof seed32);
    if (s->ctx == NULL) {
        tsr_sim_errf(err, errcap, "out of memory (context)");
        tsr_sim_destroy(s);
        return NULL;
    }
    s->proto[0] = '\0';
    return s;
}

void tsr_sim_destroy(tsr_sim *s) {
    size_t i;
    uint32_t p;
    if (s == NULL) {
        return;
    }
    for (i = 0; i < s->nblobs; i++) {
        /* most frames are public, but dkg.round2.share frames carry shares: wipe them all */
        tsr_memzero(s->blobs[i].p, s->blobs[i].n);
        free(s->blobs[i].p);
    }
    free(s->blobs);
    for (i = 0; i < s->nchunks; i++) {
        free(s->chunks[i]);
    }
    free(s->chunks);
    free(s->events);
    free(s->event_pos);
    free(s->pend);
    for (p = 0; p < TSR_SIM_NPARTIES; p++) {
        free(s->inbox[p].idx);
    }
    free(s->runs);
    for (i = 0; i < s->nsecrets; i++) {
        tsr_memzero(s->secrets[i].p, s->secrets[i].n);
        free(s->secrets[i].p);
    }
    free(s->secrets);
    if (s->learned != NULL) {
        tsr_memzero(s->learned, s->caplearned * sizeof *s->learned);
        free(s->learned);
    }
    free(s->nonces);
    free(s->fields);
    free(s->tgt_type);
    free(s->tgt_field);
    free(s->tgt_ok);
    free(s->warned);
    if (s->ctx != NULL) {
        tsr_context_destroy(s->ctx);
    }
    for (p = 0; p < TSR_SIM_NPARTIES; p++) {
        tsr_frost_keypkg_clear(&s->keys.pkg[p]);
    }
    tsr_memzero(s, sizeof *s); /* keys, rng streams */
    free(s);
}

/* ---- accessors -------------------------------------------------------------------------------- */

const tsr_sim_config *tsr_sim_cfg(const tsr_sim *s) {
    return &s->cfg;
}

const tsr_sim_result *tsr_sim_result_get(const tsr_sim *s) {
    return &s->res;
}

tsr_sim_result *tsr_sim_result_mut(tsr_sim *s) {
    return &s->res;
}

size_t tsr_sim_nmsgs(const tsr_sim *s) {
    return s->nmsgs;
}

const tsr_sim_msg *tsr_sim_msg_at(const tsr_sim *s, size_t i) {
    if (i >= s->nmsgs) {
        return NULL;
    }
    return &s->chunks[i / TSR_SIM_CHUNK][i % TSR_SIM_CHUNK];
}

size_t tsr_sim_nevents(const tsr_sim *s) {
    return s->nevents;
}

const tsr_sim_event *tsr_sim_event_at(const tsr_sim *s, size_t i) {
    if (i >= s->nevents) {
        return NULL;
    }
    return &s->events[i];
}

size_t tsr_sim_event_pos(const tsr_sim *s, size_t i) {
    if (i >= s->nevents) {
        return s->nmsgs;
    }
    return s->event_pos[i];
}

const tsr_context *tsr_sim_ctx(const tsr_sim *s) {
    return s->ctx;
}

void tsr_sim_rand(tsr_sim *s, uint32_t party, uint8_t *out, size_t n) {
    if (party >= TSR_SIM_NPARTIES) {
        party = TSR_SIM_NPARTIES - 1;
    }
    tsr_sim_rng_fill(&s->prng[party], out, n);
}

int tsr_sim_is_corrupt(const tsr_sim *s, uint32_t party) {
    if (party == TSR_CULPRIT_COORDINATOR) {
        party = TSR_SIM_COORD;
    }
    if (party >= TSR_SIM_NPARTIES) {
        return 0;
    }
    return s->corrupt_idx[party] >= 0;
}

int tsr_sim_corrupt_index(const tsr_sim *s, uint32_t party) {
    if (party == TSR_CULPRIT_COORDINATOR) {
        party = TSR_SIM_COORD;
    }
    if (party >= TSR_SIM_NPARTIES) {
        return -1;
    }
    return s->corrupt_idx[party];
}

const tsr_sim_behaviour *tsr_sim_strategy(const tsr_sim *s, uint32_t party, int strategy) {
    int ci = tsr_sim_corrupt_index(s, party);
    size_t j;
    const tsr_sim_corrupt *c;
    if (ci < 0 || strategy == TSR_SIM_S_NONE) {
        return NULL;
    }
    c = &s->cfg.corrupt[ci];
    for (j = 0; j < c->nbehaviours; j++) {
        const tsr_sim_behaviour *b = &c->b[j];
        if (b->strategy == strategy && tsr_sim_proto_match(b->proto, s->proto) && tsr_sim_run_match(s, b)) {
            return b;
        }
    }
    return NULL;
}

int tsr_sim_behaviour_target(const tsr_sim *s, uint32_t party, size_t bi, uint16_t *type, const char **field) {
    int ci = tsr_sim_corrupt_index(s, party);
    if (ci < 0 || bi >= TSR_SIM_MAX_BEHAVIOURS || bi >= s->cfg.corrupt[ci].nbehaviours || !s->tgt_ok[ci][bi]) {
        return -1;
    }
    if (type != NULL) {
        *type = s->tgt_type[ci][bi];
    }
    if (field != NULL) {
        *field = s->tgt_field[ci][bi];
    }
    return 0;
}

int tsr_sim_crashed(const tsr_sim *s, uint32_t p) {
    if (p >= TSR_SIM_NPARTIES) {
        return 0;
    }
    return s->crashed[p];
}

const tsr_sim_keys *tsr_sim_keys_get(const tsr_sim *s) {
    return &s->keys;
}

uint16_t tsr_sim_cur_step(const tsr_sim *s) {
    return s->step;
}

uint16_t tsr_sim_cur_run(const tsr_sim *s) {
    return s->in_run ? s->run : (uint16_t)s->runs_in_step;
}

uint16_t tsr_sim_cur_round(const tsr_sim *s) {
    return s->round;
}

const char *tsr_sim_cur_proto(const tsr_sim *s) {
    return s->proto;
}

const uint32_t *tsr_sim_cur_roster(const tsr_sim *s, size_t *n) {
    if (n != NULL) {
        *n = s->nroster;
    }
    return s->roster;
}

void tsr_sim_session_id(const tsr_sim *s, uint16_t step, uint16_t run, uint8_t out32[32]) {
    static const char label[] = "TSR-SIM-SESSION";
    uint8_t b[12];
    tsr_sha256_ctx h;
    tsr_sim_be64(b, s->cfg.seed);
    tsr_sim_put16(b + 8, step);
    tsr_sim_put16(b + 10, run);
    tsr_sha256_init(&h);
    tsr_sha256_update(&h, (const uint8_t *)label, sizeof label - 1);
    tsr_sha256_update(&h, b, sizeof b);
    tsr_sha256_final(&h, out32);
}

size_t tsr_sim_nruns(const tsr_sim *s) {
    return s->nruns;
}

const tsr_sim_runrec *tsr_sim_run_at(const tsr_sim *s, size_t i) {
    return i < s->nruns ? &s->runs[i] : NULL;
}

const tsr_sim_runrec *tsr_sim_run_find(const tsr_sim *s, uint16_t step, uint16_t run) {
    size_t i;
    for (i = 0; i < s->nruns; i++) {
        if (s->runs[i].step == step && s->runs[i].run == run) {
            return &s->runs[i];
        }
    }
    return NULL;
}

uint32_t tsr_sim_pid(const tsr_sim *s, uint32_t party) {
    if (party >= TSR_SIM_NPARTIES) {
        return 0;
    }
    return s->pid_of[party];
}

uint32_t tsr_sim_party_of(const tsr_sim *s, uint32_t pid) {
    if (pid == 0 || pid > s->nroster) {
        return 0;
    }
    return s->roster[pid - 1];
}

/* ---- registries ------------------------------------------------------------------------------- */

void tsr_sim_secret(tsr_sim *s, const uint8_t *p, size_t n) {
    size_t i;
    uint8_t acc = 0;
    uint8_t *c;
    if (p == NULL || n == 0) {
        return;
    }
    for (i = 0; i < n; i++) {
        acc |= p[i];
    }
    if (acc == 0) {
        return; /* an all-zero string matches every run of zeros: not a useful canary */
    }
    if (tsr_sim_grow((void **)&s->secrets, &s->capsecrets, s->nsecrets + 1, sizeof *s->secrets) != 0) {
        s->oom = 1;
        return;
    }
    c = malloc(n);
    if (c == NULL) {
        s->oom = 1;
        return;
    }
    memcpy(c, p, n);
    s->secrets[s->nsecrets].p = c;
    s->secrets[s->nsecrets].n = n;
    s->nsecrets++;
}

void tsr_sim_secret_scalar(tsr_sim *s, const tsr_scalar *a) {
    uint8_t b[32];
    tsr_scalar_encode(b, a);
    tsr_sim_secret(s, b, sizeof b);
    tsr_memzero(b, sizeof b);
}

size_t tsr_sim_nsecrets(const tsr_sim *s) {
    return s->nsecrets;
}

const uint8_t *tsr_sim_secret_at(const tsr_sim *s, size_t i, size_t *len) {
    if (i >= s->nsecrets) {
        if (len != NULL) {
            *len = 0;
        }
        return NULL;
    }
    if (len != NULL) {
        *len = s->secrets[i].n;
    }
    return s->secrets[i].p;
}

void tsr_sim_adv_learned(tsr_sim *s, uint32_t victim, const char *what, const tsr_scalar *value) {
    tsr_sim_learned *l;
    if (value == NULL) {
        return;
    }
    if (tsr_sim_grow((void **)&s->learned, &s->caplearned, s->nlearned + 1, sizeof *s->learned) != 0) {
        s->oom = 1;
        return;
    }
    l = &s->learned[s->nlearned++];
    memset(l, 0, sizeof *l);
    l->victim = victim;
    snprintf(l->what, sizeof l->what, "%s", what != NULL ? what : "");
    l->value = *value;
    l->step = s->step;
    l->run = s->run; /* the driver logs what the adversary did */
}

size_t tsr_sim_nlearned(const tsr_sim *s) {
    return s->nlearned;
}

const tsr_sim_learned *tsr_sim_learned_at(const tsr_sim *s, size_t i) {
    return i < s->nlearned ? &s->learned[i] : NULL;
}

void tsr_sim_nonce_used(tsr_sim *s, uint32_t signer, const uint8_t d33[33]) {
    tsr_sim_nonce_rec *r;
    if (tsr_sim_grow((void **)&s->nonces, &s->capnonces, s->nnonces + 1, sizeof *s->nonces) != 0) {
        s->oom = 1;
        return;
    }
    r = &s->nonces[s->nnonces++];
    memset(r, 0, sizeof *r);
    r->signer = signer;
    memcpy(r->d33, d33, 33);
    r->step = s->step;
    r->run = s->run;
}

size_t tsr_sim_nnonces(const tsr_sim *s) {
    return s->nnonces;
}

const tsr_sim_nonce_rec *tsr_sim_nonce_at(const tsr_sim *s, size_t i) {
    return i < s->nnonces ? &s->nonces[i] : NULL;
}

/* ---- events and blame ------------------------------------------------------------------------- */

static void tsr_sim_event_vadd(tsr_sim *s, int kind, uint32_t party, uint32_t culprit, int phase, int check,
                               const char *fmt, va_list ap) __attribute__((format(printf, 7, 0)));
static void tsr_sim_event_vadd(tsr_sim *s, int kind, uint32_t party, uint32_t culprit, int phase, int check,
                               const char *fmt, va_list ap) {
    tsr_sim_event *e;
    tsr_sim_runrec *rec;
    if (tsr_sim_grow((void **)&s->events, &s->capevents, s->nevents + 1, sizeof *s->events) != 0 ||
        tsr_sim_grow((void **)&s->event_pos, &s->cappos, s->nevents + 1, sizeof *s->event_pos) != 0) {
        s->oom = 1;
        return;
    }
    e = &s->events[s->nevents];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->step = s->step;
    e->run = s->run;
    e->round = s->round;
    e->party = party;
    e->culprit = culprit;
    e->phase = (uint16_t)phase;
    e->check = (uint16_t)check;
    vsnprintf(e->text, sizeof e->text, fmt, ap);
    s->event_pos[s->nevents] = s->nmsgs;
    s->nevents++;
    rec = tsr_sim_cur_rec(s);
    if (rec != NULL) {
        rec->end_event = s->nevents;
    }
}

void tsr_sim_event_add(tsr_sim *s, int kind, uint32_t party, uint32_t culprit, int phase, int check,
                       const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    tsr_sim_event_vadd(s, kind, party, culprit, phase, check, fmt, ap);
    va_end(ap);
}

/* Records a blame whose culprit is already a sim party, TSR_CULPRIT_NONE or _COORDINATOR. */
static void tsr_sim_blame_rec(tsr_sim *s, uint32_t judge, uint32_t culprit, int phase, int check, uint16_t round) {
    char jb[32], cb[32];
    const char *proto = s->proto[0] ? s->proto : "keygen";
    const char *cn = tsr_check_name(check);
    tsr_sim_runrec *rec = tsr_sim_cur_rec(s);
    uint16_t rd = round ? round : s->round;
    tsr_sim_party_str(jb, sizeof jb, judge);
    tsr_sim_party_str(cb, sizeof cb, culprit);
    if (tsr_sim_is_corrupt(s, judge)) {
        if (culprit == TSR_CULPRIT_NONE) {
            tsr_sim_event_add(s, TSR_SIM_EV_ADVERSARY, judge, culprit, phase, check,
                              "%s (corrupt) aborts: %s (%s round %u)", jb, cn, proto, (unsigned)rd);
        } else {
            tsr_sim_event_add(s, TSR_SIM_EV_ADVERSARY, judge, culprit, phase, check,
                              "%s (corrupt) blames %s: %s (%s round %u)", jb, cb, cn, proto, (unsigned)rd);
        }
        return;
    }
    if (culprit == TSR_CULPRIT_NONE) {
        tsr_sim_event_add(s, check == TSR_CHECK_MISSING ? TSR_SIM_EV_UNRESPONSIVE : TSR_SIM_EV_BLAME, judge, culprit,
                          phase, check, "%s aborts, nobody named: %s (%s round %u)", jb, cn, proto, (unsigned)rd);
        return;
    }
    if (check == TSR_CHECK_MISSING) {
        tsr_sim_event_add(s, TSR_SIM_EV_UNRESPONSIVE, judge, culprit, phase, check,
                          "%s marks %s unresponsive: %s (%s round %u)", jb, cb, cn, proto, (unsigned)rd);
    } else {
        tsr_sim_event_add(s, TSR_SIM_EV_BLAME, judge, culprit, phase, check, "%s blames %s: %s (%s round %u)", jb, cb,
                          cn, proto, (unsigned)rd);
    }
    if (rec != NULL) {
        uint32_t p = culprit == TSR_CULPRIT_COORDINATOR ? TSR_SIM_COORD : culprit;
        if (p >= TSR_SIM_NPARTIES) {
            return;
        }
        if (check != TSR_CHECK_MISSING || s->step != 0) {
            rec->excluded[p] = 1; /* evidence, or the coordinator's own decision */
        } else if (judge < TSR_SIM_NPARTIES && (rec->marked_by[p][judge / 8] & (1u << (judge % 8))) == 0) {
            /* DKG: the keygen loop weighs the marks (tsr_sim_keygen_unresponsive) */
            rec->marked_by[p][judge / 8] = (uint8_t)(rec->marked_by[p][judge / 8] | (1u << (judge % 8)));
            rec->nmarked[p]++;
            if (rec->mark_round[p] == 0) {
                rec->mark_round[p] = s->round;
            }
        }
    }
}

void tsr_sim_blame(tsr_sim *s, uint32_t judge, const tsr_blame *b) {
    uint32_t culprit;
    if (b == NULL) {
        return;
    }
    culprit = b->culprit;
    if (culprit != TSR_CULPRIT_NONE && culprit != TSR_CULPRIT_COORDINATOR) {
        culprit = tsr_sim_party_of(s, culprit);
        if (culprit == 0) {
            culprit = TSR_CULPRIT_NONE; /* an id outside the roster names nobody */
        }
    }
    tsr_sim_blame_rec(s, judge, culprit, b->phase, b->check, b->round);
}

void tsr_sim_blame_party(tsr_sim *s, uint32_t judge, uint32_t culprit, int phase, int check) {
    if (culprit == TSR_SIM_COORD) {
        /* sim party 0 is the coordinator; in a DKG run (no coordinator) 0 can only mean nobody */
        culprit = strcmp(s->proto, "dkg") == 0 ? TSR_CULPRIT_NONE : TSR_CULPRIT_COORDINATOR;
    } else if (culprit != TSR_CULPRIT_COORDINATOR && culprit >= TSR_SIM_NPARTIES) {
        culprit = TSR_CULPRIT_NONE;
    }
    tsr_sim_blame_rec(s, judge, culprit, phase, check, 0);
}

/* ---- CPU accounting --------------------------------------------------------------------------- */

void tsr_sim_cpu_start(tsr_sim *s, uint32_t p) {
    if (p >= TSR_SIM_NPARTIES) {
        return;
    }
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &s->cpu_t0[p]) == 0) {
        s->cpu_on[p] = 1;
    }
}

void tsr_sim_cpu_stop(tsr_sim *s, uint32_t p) {
    struct timespec t1;
    int64_t d;
    if (p >= TSR_SIM_NPARTIES || !s->cpu_on[p]) {
        return;
    }
    s->cpu_on[p] = 0;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1) != 0) {
        return;
    }
    d = (int64_t)(t1.tv_sec - s->cpu_t0[p].tv_sec) * 1000000000 + (int64_t)(t1.tv_nsec - s->cpu_t0[p].tv_nsec);
    if (d < 0) {
        d = 0;
    }
    s->res.party[p].cpu_ns += (uint64_t)d;
    s->res.cpu_ns_total += (uint64_t)d;
}

/* ---- runs and rounds -------------------------------------------------------------------------- */

/* "1-5,7,9-12" into buf (truncated with "..."). */
static void tsr_sim_roster_str(char *buf, size_t cap, const uint32_t *r, size_t n) {
    size_t i = 0, used = 0;
    buf[0] = '\0';
    while (i < n) {
        size_t j = i;
        char item[32];
        int w;
        while (j + 1 < n && r[j + 1] == r[j] + 1) {
            j++;
        }
        if (j == i) {
            snprintf(item, sizeof item, "%s%u", i ? "," : "", (unsigned)r[i]);
        } else {
            snprintf(item, sizeof item, "%s%u-%u", i ? "," : "", (unsigned)r[i], (unsigned)r[j]);
        }
        w = (int)strlen(item);
        if (used + (size_t)w + 4 >= cap) {
            snprintf(buf + used, cap - used, "...");
            return;
        }
        memcpy(buf + used, item, (size_t)w + 1);
        used += (size_t)w;
        i = j + 1;
    }
}

void tsr_sim_run_begin(tsr_sim *s, const char *proto, const uint32_t *roster, size_t n, const uint8_t session[32]) {
    tsr_sim_runrec *rec;
    char rs[112];
    size_t i;
    uint32_t p;
    if (n > TSR_MAX_PARTIES) {
        n = TSR_MAX_PARTIES;
    }
    s->run = (uint16_t)s->runs_in_step;
    s->runs_in_step++;
    s->in_run = 1;
    s->round = 0;
    snprintf(s->proto, sizeof s->proto, "%s", proto != NULL ? proto : "");
    s->suite = s->cfg.suite;
    memcpy(s->session, session, 32);
    memset(s->pid_of, 0, sizeof s->pid_of);
    s->nroster = n;
    for (i = 0; i < n; i++) {
        s->roster[i] = roster[i];
        if (roster[i] < TSR_SIM_NPARTIES) {
            s->pid_of[roster[i]] = (uint32_t)(i + 1);
        }
    }
    s->npend = 0;
    for (p = 0; p < TSR_SIM_NPARTIES; p++) {
        s->inbox[p].n = 0;
    }
    s->round_first_msg = s->nmsgs;
    if (tsr_sim_grow((void **)&s->runs, &s->capruns, s->nruns + 1, sizeof *s->runs) != 0) {
        s->oom = 1;
        s->in_run = 0;
    } else {
        rec = &s->runs[s->nruns++];
        memset(rec, 0, sizeof *rec);
        snprintf(rec->proto, sizeof rec->proto, "%s", s->proto);
        rec->step = s->step;
        rec->run = s->run;
        rec->suite = s->suite;
        memcpy(rec->session, session, 32);
        rec->n = n;
        memcpy(rec->roster, s->roster, n * sizeof *rec->roster);
        rec->first_msg = rec->end_msg = s->nmsgs;
        rec->first_event = rec->end_event = s->nevents;
        memcpy(rec->crashed, s->crashed, sizeof rec->crashed);
    }
    tsr_sim_roster_str(rs, sizeof rs, s->roster, n);
    if (s->step == 0) {
        tsr_sim_event_add(s, TSR_SIM_EV_RUN, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0, "%s run %u: parties %s", s->proto,
                          (unsigned)s->run + 1, rs);
    } else {
        tsr_sim_event_add(s, TSR_SIM_EV_RUN, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                          "%s attempt %u (signature %u): parties %s", s->proto, (unsigned)s->run + 1, (unsigned)s->step,
                          rs);
    }
}

void tsr_sim_round_begin(tsr_sim *s, uint16_t round) {
    size_t i, j;
    tsr_sim_runrec *rec = tsr_sim_cur_rec(s);
    s->round = round;
    s->round_first_msg = s->nmsgs;
    if (rec != NULL && round > rec->rounds) {
        rec->rounds = round;
    }
    /* CRASH: from round r of a matching run on, the party is gone for good */
    for (i = 0; i < s->cfg.ncorrupt; i++) {
        const tsr_sim_corrupt *c = &s->cfg.corrupt[i];
        if (s->crashed[c->party]) {
            continue;
        }
        for (j = 0; j < c->nbehaviours; j++) {
            const tsr_sim_behaviour *b = &c->b[j];
            uint16_t r = b->round ? b->round : 1;
            if (b->strategy != TSR_SIM_S_CRASH || !tsr_sim_proto_match(b->proto, s->proto) ||
                !tsr_sim_run_match(s, b) || round < r) {
                continue;
            }
            s->crashed[c->party] = 1;
            if (rec != NULL) {
                rec->crashed[c->party] = 1;
            }
            if (c->party == TSR_SIM_COORD) {
                tsr_sim_event_add(s, TSR_SIM_EV_ADVERSARY, c->party, TSR_CULPRIT_NONE, 0, 0,
                                  "the coordinator crashes (%s round %u)", s->proto, (unsigned)round);
            } else {
                tsr_sim_event_add(s, TSR_SIM_EV_ADVERSARY, c->party, TSR_CULPRIT_NONE, 0, 0,
                                  "party %u crashes (%s round %u)", (unsigned)c->party, s->proto, (unsigned)round);
            }
            break;
        }
    }
}

int tsr_sim_alive(const tsr_sim *s, uint32_t p) {
    if (p >= TSR_SIM_NPARTIES) {
        return 0;
    }
    return !s->crashed[p];
}

void tsr_sim_order(const tsr_sim *s, uint32_t *out, const uint32_t *parties, size_t n) {
    size_t i, k = 0;
    for (i = 0; i < n; i++) {
        if (!tsr_sim_is_corrupt(s, parties[i])) {
            out[k++] = parties[i];
        }
    }
    for (i = 0; i < n; i++) {
        if (tsr_sim_is_corrupt(s, parties[i])) {
            out[k++] = parties[i];
        }
    }
}

/* ---- the timeline ----------------------------------------------------------------------------- */

/* Keeps buffer p (heap) until destroy. Returns 0, or -1 (p freed). */
static int tsr_sim_blob_keep(tsr_sim *s, uint8_t *p, size_t n) {
    if (tsr_sim_grow((void **)&s->blobs, &s->capblobs, s->nblobs + 1, sizeof *s->blobs) != 0) {
        free(p);
        s->oom = 1;
        return -1;
    }
    s->blobs[s->nblobs].p = p;
    s->blobs[s->nblobs].n = n;
    s->nblobs++;
    return 0;
}

/* Appends a message copy. Returns its timeline index, or (size_t)-1. */
static size_t tsr_sim_msg_add(tsr_sim *s, uint32_t from, uint32_t to, uint16_t type, uint32_t flags, int behaviour,
                              uint8_t *frame, size_t len) {
    tsr_sim_msg *m;
    tsr_sim_runrec *rec;
    size_t i = s->nmsgs;
    if (i / TSR_SIM_CHUNK >= s->nchunks) {
        tsr_sim_msg *c;
        if (tsr_sim_grow((void **)&s->chunks, &s->capchunks, s->nchunks + 1, sizeof *s->chunks) != 0) {
            s->oom = 1;
            return (size_t)-1;
        }
        c = calloc(TSR_SIM_CHUNK, sizeof *c);
        if (c == NULL) {
            s->oom = 1;
            return (size_t)-1;
        }
        s->chunks[s->nchunks++] = c;
    }
    m = tsr_sim_msg_mut(s, i);
    memset(m, 0, sizeof *m);
    m->seq = (uint32_t)(i + 1);
    m->step = s->step;
    m->run = s->run;
    m->round = s->round;
    m->type = type;
    m->from = from;
    m->to = to;
    m->flags = flags;
    m->behaviour = behaviour;
    m->frame = frame;
    m->len = len;
    s->nmsgs++;
    rec = tsr_sim_cur_rec(s);
    if (rec != NULL) {
        rec->end_msg = s->nmsgs;
    }
    return i;
}

static int tsr_sim_pend_add(tsr_sim *s, size_t idx, uint32_t from, uint32_t to, int last) {
    tsr_sim_pending *q;
    if (tsr_sim_grow((void **)&s->pend, &s->cappend, s->npend + 1, sizeof *s->pend) != 0) {
        s->oom = 1;
        return -1;
    }
    q = &s->pend[s->npend++];
    q->idx = idx;
    q->from = from;
    q->to = to;
    q->seq = (uint32_t)(idx + 1);
    q->last = last;
    return 0;
}

size_t tsr_sim_round_sent(const tsr_sim *s, uint16_t type, const tsr_sim_msg **out, size_t cap) {
    size_t i, k = 0;
    for (i = s->round_first_msg; i < s->nmsgs && k < cap; i++) {
        const tsr_sim_msg *m = &s->chunks[i / TSR_SIM_CHUNK][i % TSR_SIM_CHUNK];
        if ((type != 0 && m->type != type) || (m->flags & TSR_SIM_F_DUPLICATE)) {
            continue;
        }
        out[k++] = m;
    }
    return k;
}

/* ---- corrupt senders: generic mutations ------------------------------------------------------- */

/* The payload (field 0) of the message of `type` that sim party `src` sent in this round,
 * preferring its copy to `to`. Returns 0 and sets *p and *n, or -1. */
static int tsr_sim_round_payload(const tsr_sim *s, uint32_t src, uint32_t to, uint16_t type, const uint8_t **p,
                                 size_t *n) {
    size_t i;
    const tsr_sim_msg *best = NULL;
    tsr_frame f;
    tsr_check why;
    for (i = s->round_first_msg; i < s->nmsgs; i++) {
        const tsr_sim_msg *m = &s->chunks[i / TSR_SIM_CHUNK][i % TSR_SIM_CHUNK];
        if (m->from != src || m->type != type || (m->flags & TSR_SIM_F_DUPLICATE)) {
            continue;
        }
        if (best == NULL || (m->to == to && best->to != to)) {
            best = m;
        }
    }
    if (best == NULL || tsr_frame_decode(&f, best->frame, best->len, &why) != TSR_OK || f.nfields != 1) {
        return -1;
    }
    *p = f.field[0];
    *n = f.field_len[0];
    return 0;
}

static void tsr_sim_warn_once(tsr_sim *s, int ci, size_t j, const char *why) {
    if (s->warned[ci][j]) {
        return;
    }
    s->warned[ci][j] = 1;
    tsr_sim_event_add(s, TSR_SIM_EV_NOTE, s->cfg.corrupt[ci].party, TSR_CULPRIT_NONE, 0, 0,
                      "party %u behaviour %zu (%s) does not apply: %.80s", (unsigned)s->cfg.corrupt[ci].party, j,
                      s->cfg.corrupt[ci].b[j].target, why);
}

/* Applies corrupt sender ci's generic mutations to one copy (frame/flen, not owned). On a change
 * *out gets a new heap frame and *first the index of the first behaviour that changed bytes.
 * Returns 1 if changed, 0 if not, -1 on allocation failure. */
static int tsr_sim_mutate_copy(tsr_sim *s, int ci, uint32_t to, uint16_t type, const uint8_t *frame, size_t flen,
                               uint8_t **out, size_t *outlen, int *first) {
    const tsr_sim_corrupt *c = &s->cfg.corrupt[ci];
    uint8_t *pl = NULL, *cur = NULL;
    size_t pll = 0, curlen = 0, j;
    int any = 0, have_payload = 0;
    tsr_frame f;
    tsr_check why;
    char e[200];

    *out = NULL;
    *outlen = 0;
    *first = -1;
    /* pass 1: payload fields */
    for (j = 0; j < c->nbehaviours; j++) {
        const tsr_sim_behaviour *b = &c->b[j];
        const tsr_sim_field *fld = NULL;
        const uint8_t *other = NULL;
        size_t otherlen = 0, nf, k;
        uint8_t *res = NULL;
        size_t reslen = 0;
        if (b->strategy != TSR_SIM_S_NONE || !s->tgt_ok[ci][j] || s->tgt_type[ci][j] == 0 ||
            s->tgt_type[ci][j] != type || !tsr_sim_behaviour_targets(b, to) || !tsr_sim_run_match(s, b)) {
            continue;
        }
        if (!have_payload) {
            if (tsr_frame_decode(&f, frame, flen, &why) != TSR_OK || f.nfields != 1) {
                break; /* nothing to walk */
            }
            pll = f.field_len[0];
            pl = malloc(pll ? pll : 1);
            if (pl == NULL) {
                return -1;
            }
            if (pll) {
                memcpy(pl, f.field[0], pll);
            }
            have_payload = 1;
        }
        if (s->fields == NULL) {
            s->fields = malloc(TSR_SIM_MAXFIELDS * sizeof *s->fields);
            if (s->fields == NULL) {
                free(pl);
                return -1;
            }
        }
        nf = tsr_sim_fields(s->fields, TSR_SIM_MAXFIELDS, type, s->suite, pl, pll);
        for (k = 0; k < nf; k++) {
            if (strcmp(s->fields[k].name, s->tgt_field[ci][j]) == 0) {
                fld = &s->fields[k];
                break;
            }
        }
        if (fld == NULL) {
            continue; /* e.g. commitment[5] with t = 3: nothing to change */
        }
        if (b->mutator == TSR_SIM_M_SWAP_WITH &&
            tsr_sim_round_payload(s, b->party, to, type, &other, &otherlen) != 0) {
            continue; /* party b->party sent no such message this round */
        }
        e[0] = '\0';
        if (tsr_sim_mutate(&res, &reslen, fld, b, type, s->suite, pl, pll, other, otherlen, &s->mut, e, sizeof e) !=
            0) {
            free(res);
            tsr_sim_warn_once(s, ci, j, e[0] ? e : "mutator refused the field");
            continue;
        }
        if (res == NULL && reslen != 0) {
            continue;
        }
        if (reslen != pll || (pll && memcmp(res, pl, pll) != 0)) {
            if (*first < 0) {
                *first = (int)j;
            }
            any = 1;
        }
        free(pl);
        pl = res;
        pll = reslen;
    }
    if (any) {
        /* re-frame: the original header (version .. sender), one field */
        if (flen < TSR_WIRE_HEADER_BYTES || pll > TSR_WIRE_MAX_FRAME) {
            free(pl);
            return 0;
        }
        curlen = TSR_WIRE_HEADER_BYTES + 4 + pll;
        cur = malloc(curlen);
        if (cur == NULL) {
            free(pl);
            return -1;
        }
        memcpy(cur, frame, 40);
        tsr_sim_put16(cur + 40, 1);
        tsr_sim_put32(cur + 42, (uint32_t)pll);
        if (pll) {
            memcpy(cur + 46, pl, pll);
        }
    }
    free(pl);
    /* pass 2: frame header fields */
    for (j = 0; j < c->nbehaviours; j++) {
        const tsr_sim_behaviour *b = &c->b[j];
        uint8_t *res = NULL;
        size_t reslen = 0;
        const uint8_t *in = cur != NULL ? cur : frame;
        size_t inlen = cur != NULL ? curlen : flen;
        if (b->strategy != TSR_SIM_S_NONE || !s->tgt_ok[ci][j] || s->tgt_type[ci][j] != 0 ||
            !tsr_sim_proto_match(b->proto, s->proto) || !tsr_sim_behaviour_targets(b, to) || !tsr_sim_run_match(s, b)) {
            continue;
        }
        e[0] = '\0';
        if (tsr_sim_mutate_frame(&res, &reslen, s->tgt_field[ci][j], b, in, inlen, &s->mut, e, sizeof e) != 0) {
            free(res);
            tsr_sim_warn_once(s, ci, j, e[0] ? e : "mutator refused the field");
            continue;
        }
        if (res == NULL) {
            if (reslen != 0 || (res = malloc(1)) == NULL) {
                continue;
            }
        }
        if (reslen != inlen || (inlen && memcmp(res, in, inlen) != 0)) {
            if (*first < 0) {
                *first = (int)j;
            }
        }
        free(cur);
        cur = res;
        curlen = reslen;
    }
    if (cur == NULL) {
        return 0;
    }
    if (curlen == flen && memcmp(cur, frame, flen) == 0) {
        free(cur); /* changes that cancelled out */
        *first = -1;
        return 0;
    }
    *out = cur;
    *outlen = curlen;
    return 1;
}

/* ---- sending ---------------------------------------------------------------------------------- */

static int tsr_sim_withhold(const tsr_sim *s, int ci, uint32_t to) {
    const tsr_sim_corrupt *c = &s->cfg.corrupt[ci];
    size_t j;
    for (j = 0; j < c->nbehaviours; j++) {
        const tsr_sim_behaviour *b = &c->b[j];
        if (b->strategy == TSR_SIM_S_WITHHOLD && tsr_sim_proto_match(b->proto, s->proto) && tsr_sim_run_match(s, b) &&
            (b->round == 0 || b->round == s->round) && tsr_sim_behaviour_targets(b, to)) {
            return 1;
        }
    }
    return 0;
}

static int tsr_sim_partitioned(const tsr_sim *s, uint32_t from, uint32_t to) {
    size_t i;
    const tsr_sim_faults *f = &s->cfg.faults;
    if (from >= TSR_SIM_NPARTIES || to >= TSR_SIM_NPARTIES) {
        return 0;
    }
    for (i = 0; i < f->npartitions; i++) {
        if (!tsr_sim_proto_match(f->partitions[i].proto, s->proto)) {
            continue;
        }
        if (f->partitions[i].run >= 0 && f->partitions[i].run != (int)s->run) {
            continue;
        }
        if (s->round < f->partitions[i].round_from || s->round > f->partitions[i].round_to) {
            continue;
        }
        if ((f->partitions[i].side_a[from] != 0) != (f->partitions[i].side_a[to] != 0)) {
            return 1;
        }
    }
    return 0;
}

/* The fault rates of link from -> to: the first matching link rule, else the global rates. */
static void tsr_sim_rates(const tsr_sim *s, uint32_t from, uint32_t to, double r[4]) {
    size_t i;
    const tsr_sim_faults *f = &s->cfg.faults;
    for (i = 0; i < f->nlinks; i++) {
        const tsr_sim_link_faults *l = &f->links[i];
        if ((l->from == TSR_SIM_BCAST || l->from == from) && (l->to == TSR_SIM_BCAST || l->to == to)) {
            r[0] = l->drop;
            r[1] = l->late;
            r[2] = l->duplicate;
            r[3] = l->reorder;
            return;
        }
    }
    r[0] = f->drop;
    r[1] = f->late;
    r[2] = f->duplicate;
    r[3] = f->reorder;
}

static void tsr_sim_mark_fault(tsr_sim *s, uint32_t from, uint32_t to) {
    tsr_sim_runrec *rec = tsr_sim_cur_rec(s);
    if (from < TSR_SIM_NPARTIES) {
        s->res.party[from].fault_affected = 1;
    }
    if (to < TSR_SIM_NPARTIES) {
        s->res.party[to].fault_affected = 1;
    }
    if (rec != NULL) {
        rec->had_fault = 1;
        if (from < TSR_SIM_NPARTIES) {
            rec->fault_affected[from] = 1;
        }
        if (to < TSR_SIM_NPARTIES) {
            rec->fault_affected[to] = 1;
        }
    }
}

/* One copy from -> to of frame (a kept blob): corrupt-sender behaviours, faults, timeline, queue. */
static int tsr_sim_copy(tsr_sim *s, uint32_t from, uint32_t to, uint16_t type, uint8_t *frame, size_t flen,
                        uint32_t flags, int behaviour) {
    int ci = tsr_sim_corrupt_index(s, from);
    int self = from == to;
    int dup = 0, last = 0;
    uint8_t *fr = frame;
    size_t fl = flen, idx;

    if (ci >= 0) {
        if (from < TSR_SIM_NPARTIES && s->crashed[from]) {
            flags |= TSR_SIM_F_WITHHELD;
        } else if (!self && tsr_sim_withhold(s, ci, to)) {
            flags |= TSR_SIM_F_WITHHELD;
        }
        if (!(flags & TSR_SIM_F_WITHHELD) && !self) {
            uint8_t *mo = NULL;
            size_t ml = 0;
            int first = -1;
            int r = tsr_sim_mutate_copy(s, ci, to, type, frame, flen, &mo, &ml, &first);
            if (r < 0) {
                s->oom = 1;
                return -1;
            }
            if (r == 1) {
                if (tsr_sim_blob_keep(s, mo, ml) != 0) {
                    return -1;
                }
                fr = mo;
                fl = ml;
                flags |= TSR_SIM_F_MUTATED;
                if (behaviour < 0) {
                    behaviour = first;
                }
            }
        }
    }
    if (!(flags & TSR_SIM_F_WITHHELD) && !self) {
        double r[4];
        tsr_sim_rates(s, from, to, r);
        if (tsr_sim_partitioned(s, from, to)) {
            flags |= TSR_SIM_F_PARTITIONED;
        } else if (r[0] > 0.0 && tsr_sim_draw(s) < r[0]) {
            flags |= TSR_SIM_F_DROPPED;
        } else if (r[1] > 0.0 && tsr_sim_draw(s) < r[1]) {
            flags |= TSR_SIM_F_LATE;
        } else {
            if (r[2] > 0.0 && tsr_sim_draw(s) < r[2]) {
                dup = 1;
            }
            if (r[3] > 0.0 && tsr_sim_draw(s) < r[3]) {
                flags |= TSR_SIM_F_REORDERED;
                last = 1;
            }
        }
    }
    idx = tsr_sim_msg_add(s, from, to, type, flags, behaviour, fr, fl);
    if (idx == (size_t)-1) {
        return -1;
    }
    if (!(flags & TSR_SIM_F_WITHHELD) && from < TSR_SIM_NPARTIES) {
        s->res.party[from].msgs_sent++;
        s->res.party[from].bytes_sent += fl;
    }
    if (flags & (TSR_SIM_F_DROPPED | TSR_SIM_F_LATE | TSR_SIM_F_PARTITIONED)) {
        tsr_sim_mark_fault(s, from, to);
    }
    if (flags & TSR_SIM_F_NOT_DELIVERED) {
        return 0;
    }
    if (tsr_sim_pend_add(s, idx, from, to, last) != 0) {
        return -1;
    }
    if (dup) {
        size_t i2 = tsr_sim_msg_add(s, from, to, type, (flags & ~(uint32_t)TSR_SIM_F_REORDERED) | TSR_SIM_F_DUPLICATE,
                                    behaviour, fr, fl);
        if (i2 == (size_t)-1 || tsr_sim_pend_add(s, i2, from, to, 0) != 0) {
            return -1;
        }
    }
    return 0;
}

static int tsr_sim_dispatch(tsr_sim *s, uint32_t from, uint32_t to, uint16_t type, uint8_t *frame, size_t flen,
                            uint32_t flags, int behaviour) {
    size_t k;
    flags &= TSR_SIM_F_FORGED | TSR_SIM_F_REPLAYED | TSR_SIM_F_BCAST;
    if (to != TSR_SIM_BCAST) {
        return tsr_sim_copy(s, from, to, type, frame, flen, flags, behaviour);
    }
    for (k = 0; k < s->nroster; k++) {
        if (tsr_sim_copy(s, from, s->roster[k], type, frame, flen, flags | TSR_SIM_F_BCAST, behaviour) != 0) {
            return -1;
        }
    }
    return 0;
}

int tsr_sim_send(tsr_sim *s, uint32_t from, uint32_t to, uint16_t type, const uint8_t *payload, size_t len,
                 uint32_t flags, int behaviour) {
    tsr_frame f;
    size_t flen, outlen = 0;
    uint8_t *buf;
    memset(&f, 0, sizeof f);
    f.version = TSR_WIRE_VERSION;
    f.suite = s->suite;
    f.type = type;
    memcpy(f.session, s->session, 32);
    f.sender = tsr_sim_pid(s, from);
    f.nfields = 1;
    f.field[0] = payload;
    f.field_len[0] = len;
    flen = tsr_frame_encoded_len(&f);
    if (flen == 0) {
        return -1;
    }
    buf = malloc(flen);
    if (buf == NULL) {
        s->oom = 1;
        return -1;
    }
    if (tsr_frame_encode(buf, flen, &outlen, &f) != TSR_OK || outlen != flen) {
        free(buf);
        tsr_sim_event_add(s, TSR_SIM_EV_NOTE, from, TSR_CULPRIT_NONE, 0, 0, "cannot frame a message of type 0x%04x",
                          (unsigned)type);
        return -1;
    }
    if (tsr_sim_blob_keep(s, buf, flen) != 0) {
        return -1;
    }
    return tsr_sim_dispatch(s, from, to, type, buf, flen, flags, behaviour);
}

int tsr_sim_send_frame(tsr_sim *s, uint32_t from, uint32_t to, uint16_t type, const uint8_t *frame, size_t len,
                       uint32_t flags, int behaviour) {
    uint8_t *buf = malloc(len ? len : 1);
    if (buf == NULL) {
        s->oom = 1;
        return -1;
    }
    if (len) {
        memcpy(buf, frame, len);
    }
    if (tsr_sim_blob_keep(s, buf, len) != 0) {
        return -1;
    }
    return tsr_sim_dispatch(s, from, to, type, buf, len, flags, behaviour);
}

/* ---- delivery --------------------------------------------------------------------------------- */

static int tsr_sim_pend_cmp(const void *a, const void *b) {
    const tsr_sim_pending *x = a, *y = b;
    if (x->to != y->to) {
        return x->to < y->to ? -1 : 1;
    }
    if (x->last != y->last) {
        return x->last < y->last ? -1 : 1;
    }
    if (x->from != y->from) {
        return x->from < y->from ? -1 : 1;
    }
    if (x->seq != y->seq) {
        return x->seq < y->seq ? -1 : 1;
    }
    return 0;
}

void tsr_sim_round_end(tsr_sim *s) {
    size_t i;
    uint32_t p;
    for (p = 0; p < TSR_SIM_NPARTIES; p++) {
        s->inbox[p].n = 0;
    }
    if (s->npend > 1) {
        qsort(s->pend, s->npend, sizeof *s->pend, tsr_sim_pend_cmp); /* total order: deterministic */
    }
    for (i = 0; i < s->npend; i++) {
        tsr_sim_inboxq *q;
        if (s->pend[i].to >= TSR_SIM_NPARTIES) {
            continue;
        }
        q = &s->inbox[s->pend[i].to];
        if (tsr_sim_grow((void **)&q->idx, &q->cap, q->n + 1, sizeof *q->idx) != 0) {
            s->oom = 1;
            continue;
        }
        q->idx[q->n++] = s->pend[i].idx;
    }
    s->npend = 0;
}

size_t tsr_sim_inbox(const tsr_sim *s, uint32_t p, uint16_t type, const tsr_sim_msg **out, size_t cap) {
    size_t i, k = 0;
    const tsr_sim_inboxq *q;
    if (p >= TSR_SIM_NPARTIES) {
        return 0;
    }
    q = &s->inbox[p];
    for (i = 0; i < q->n && k < cap; i++) {
        const tsr_sim_msg *m = &s->chunks[q->idx[i] / TSR_SIM_CHUNK][q->idx[i] % TSR_SIM_CHUNK];
        if (type != 0 && m->type != type) {
            continue;
        }
        out[k++] = m;
    }
    return k;
}

/* The checks O1..O6 of tsr_sim_open on m's frame. Returns TSR_CHECK_NONE and the payload, or the
 * first failed check. */
static int tsr_sim_open_check(const tsr_sim *s, const tsr_sim_msg *m, const uint8_t **payload, size_t *plen) {
    tsr_frame f;
    tsr_check why = TSR_CHECK_NONE;
    if (tsr_frame_decode(&f, m->frame, m->len, &why) != TSR_OK) {
        return why != TSR_CHECK_NONE ? (int)why : TSR_CHECK_LENGTH;
    }
    if (f.version != TSR_WIRE_VERSION) {
        return TSR_CHECK_VERSION;
    }
    if (f.suite != s->suite) {
        return TSR_CHECK_SUITE;
    }
    if (f.type != m->type) {
        return TSR_CHECK_TYPE;
    }
    if (memcmp(f.session, s->session, 32) != 0) {
        return TSR_CHECK_SESSION;
    }
    if (f.nfields != 1) {
        return TSR_CHECK_COUNT;
    }
    if (f.sender != tsr_sim_pid(s, m->from)) {
        return TSR_CHECK_SENDER;
    }
    *payload = f.field[0];
    *plen = f.field_len[0];
    return TSR_CHECK_NONE;
}

int tsr_sim_open(tsr_sim *s, uint32_t judge, const tsr_sim_msg *m, const uint8_t **payload, size_t *plen) {
    const uint8_t *pl = NULL;
    size_t n = 0;
    int chk;
    if (payload != NULL) {
        *payload = NULL;
    }
    if (plen != NULL) {
        *plen = 0;
    }
    if (m == NULL || m->frame == NULL) {
        return TSR_CHECK_MISSING;
    }
    chk = tsr_sim_open_check(s, m, &pl, &n);
    /* an honest judge processed the copy, whether it passed or not (spec/simulator.md §8.3) */
    if (!tsr_sim_is_corrupt(s, judge) && m->seq >= 1 && (size_t)m->seq <= s->nmsgs) {
        tsr_sim_msg_mut(s, (size_t)m->seq - 1)->flags |= TSR_SIM_F_PROCESSED;
    }
    if (chk != TSR_CHECK_NONE) {
        return chk;
    }
    if (payload != NULL) {
        *payload = pl;
    }
    if (plen != NULL) {
        *plen = n;
    }
    return TSR_CHECK_NONE;
}

/* ---- the ceremony ----------------------------------------------------------------------------- */

static void tsr_sim_step_begin(tsr_sim *s, uint16_t step) {
    s->step = step;
    s->run = 0;
    s->round = 0;
    s->runs_in_step = 0;
    s->in_run = 0;
}

static void tsr_sim_keys_reset(tsr_sim *s) {
    uint32_t p;
    for (p = 0; p < TSR_SIM_NPARTIES; p++) {
        tsr_frost_keypkg_clear(&s->keys.pkg[p]);
    }
    tsr_memzero(&s->keys, sizeof s->keys);
}

/* Which parties a failed DKG run's unresponsive marks exclude from the next run (out[p] = 1).
 * A party that stops because a message is missing is silent in the next round, so marks cascade:
 * the parties marked in the earliest round with marks are the ones that went silent first (a
 * crash, a withheld message); they are dropped. If that would leave fewer than t parties beside
 * the blamed ones (a partition: both sides mark each other in the same round), only the parties
 * that more than half of the roster marked are dropped. spec/simulator.md §2.1. */
static void tsr_sim_keygen_unresponsive(const tsr_sim_runrec *rec, uint8_t *out, size_t t) {
    uint16_t first = 0;
    size_t i, left = 0;
    uint32_t p;
    for (i = 0; i < rec->n; i++) {
        p = rec->roster[i];
        if (p < TSR_SIM_NPARTIES && rec->mark_round[p] != 0 && (first == 0 || rec->mark_round[p] < first)) {
            first = rec->mark_round[p];
        }
    }
    if (first == 0) {
        return;
    }
    for (i = 0; i < rec->n; i++) {
        p = rec->roster[i];
        left += p < TSR_SIM_NPARTIES && !out[p] && rec->mark_round[p] != first;
    }
    for (i = 0; i < rec->n; i++) {
        p = rec->roster[i];
        if (p >= TSR_SIM_NPARTIES || rec->mark_round[p] == 0) {
            continue;
        }
        if (left >= t ? rec->mark_round[p] == first : 2u * rec->nmarked[p] > rec->n) {
            out[p] = 1;
        }
    }
}

/* Step 0: dealer keys, or DKG runs without the parties honest judges excluded. Returns 1 (keys),
 * 0 (aborted), -1 (internal failure). */
static int tsr_sim_keygen(tsr_sim *s, uint32_t *roster, size_t *nroster, char *err, size_t errcap) {
    const tsr_sim_config *cfg = &s->cfg;
    size_t run, i;
    uint32_t excl[TSR_MAX_PARTIES];
    uint8_t out[TSR_SIM_NPARTIES];
    char rs[64], xs[48];

    tsr_sim_step_begin(s, 0);
    tsr_sim_keys_reset(s);
    if (cfg->keys == TSR_SIM_KEYS_DEALER) {
        int r = tsr_sim_dealer_keys(s, &s->keys);
        s->res.keygen_runs = 1;
        if (r < 0) {
            tsr_sim_errf(err, errcap, "dealer keys failed (internal)");
            return -1;
        }
        *nroster = s->keys.ok ? s->keys.n : 0;
        for (i = 0; i < *nroster; i++) {
            roster[i] = s->keys.roster[i];
        }
        return s->keys.ok ? 1 : 0;
    }
    *nroster = cfg->n;
    for (i = 0; i < cfg->n; i++) {
        roster[i] = (uint32_t)(i + 1);
    }
    for (run = 0; run < cfg->max_keygen_runs; run++) {
        size_t nexcl = 0, k, before = s->nruns;
        int r;
        if (*nroster < cfg->t) {
            tsr_sim_event_add(s, TSR_SIM_EV_OUTCOME, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                              "keygen aborted: %zu parties left, t = %zu", *nroster, cfg->t);
            return 0;
        }
        tsr_sim_keys_reset(s);
        r = tsr_sim_dkg_run(s, &s->keys, excl, &nexcl, roster, *nroster, cfg->t, (uint16_t)run);
        s->res.keygen_runs++;
        if (r < 0) {
            tsr_sim_errf(err, errcap, "dkg run %zu failed (internal)", run);
            return -1;
        }
        if (r == 1 && s->keys.ok) {
            tsr_sim_event_add(s, TSR_SIM_EV_OUTCOME, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                              "keygen succeeded in run %zu: %zu parties hold shares, t = %zu", run + 1, s->keys.n,
                              s->keys.t);
            *nroster = s->keys.n;
            for (i = 0; i < *nroster; i++) {
                roster[i] = s->keys.roster[i];
            }
            return 1;
        }
        /* exclude what honest judges named (the driver's list and the engine's records) */
        memset(out, 0, sizeof out);
        for (i = 0; i < nexcl && i < TSR_MAX_PARTIES; i++) {
            if (excl[i] < TSR_SIM_NPARTIES) {
                out[excl[i]] = 1;
            }
        }
        for (i = before; i < s->nruns; i++) {
            for (k = 0; k < TSR_SIM_NPARTIES; k++) {
                out[k] |= s->runs[i].excluded[k];
            }
        }
        for (i = before; i < s->nruns; i++) {
            tsr_sim_keygen_unresponsive(&s->runs[i], out, cfg->t);
            for (k = 0; k < TSR_SIM_NPARTIES; k++) {
                s->runs[i].excluded[k] |= out[k]; /* the report lists what the run excluded */
            }
        }
        k = 0;
        nexcl = 0;
        for (i = 0; i < *nroster; i++) {
            if (!out[roster[i]]) {
                roster[k++] = roster[i];
            } else {
                excl[nexcl++] = roster[i];
            }
        }
        if (k == *nroster) { /* nobody named: a fault or an unidentifiable cheat; retry while allowed */
            tsr_sim_roster_str(rs, sizeof rs, roster, k);
            if (run + 1 < cfg->max_keygen_runs) {
                tsr_sim_event_add(s, TSR_SIM_EV_OUTCOME, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                                  "keygen run %zu aborted: nobody to exclude, re-run with parties %s", run + 1, rs);
            } else {
                tsr_sim_event_add(s, TSR_SIM_EV_OUTCOME, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                                  "keygen aborted: nobody to exclude, %zu runs, the limit", run + 1);
            }
            continue;
        }
        *nroster = k;
        tsr_sim_roster_str(xs, sizeof xs, excl, nexcl);
        if (k < cfg->t) {
            tsr_sim_event_add(s, TSR_SIM_EV_OUTCOME, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                              "keygen aborted in run %zu: excluded %s, %zu parties left, t = %zu", run + 1, xs, k, cfg->t);
            return 0;
        }
        tsr_sim_roster_str(rs, sizeof rs, roster, k);
        if (run + 1 < cfg->max_keygen_runs) {
            tsr_sim_event_add(s, TSR_SIM_EV_OUTCOME, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                              "keygen run %zu aborted: excluded %s, re-run with parties %s", run + 1, xs, rs);
        } else {
            tsr_sim_event_add(s, TSR_SIM_EV_OUTCOME, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                              "keygen aborted: excluded %s, %zu runs, the limit", xs, run + 1);
        }
    }
    return 0;
}

int tsr_sim_run(tsr_sim *s, char *err, size_t errcap) {
    const tsr_sim_config *cfg = &s->cfg;
    tsr_sim_result *res = &s->res;
    uint32_t roster[TSR_MAX_PARTIES];
    size_t nroster = 0, k, i;
    int keys_ok, all_ok, kr;
    uint32_t p;

    if (err != NULL && errcap > 0) {
        err[0] = '\0';
    }
    if (s->nruns > 0 || s->nmsgs > 0 || res->outcome != 0) {
        tsr_sim_errf(err, errcap, "this simulation has already run");
        return -1;
    }
    for (p = 0; p <= cfg->n; p++) {
        res->party[p].present = p > 0 || cfg->nsign > 0 || cfg->keys == TSR_SIM_KEYS_DEALER;
        res->party[p].corrupt = tsr_sim_is_corrupt(s, p);
    }

    kr = tsr_sim_keygen(s, roster, &nroster, err, errcap);
    if (kr < 0) {
        return -1;
    }
    keys_ok = kr == 1;
    all_ok = keys_ok;
    if (keys_ok) {
        res->has_group_key = tsr_point_encode(s->ctx, res->group_key, &s->keys.group_key) == TSR_OK;
        for (p = 1; p <= cfg->n; p++) {
            tsr_frost_keypkg *pk = &s->keys.pkg[p];
            if (pk->magic == TSR_FROST_KEYPKG_MAGIC && !res->party[p].has_key) {
                res->party[p].has_key =
                    tsr_point_encode(s->ctx, res->party[p].group_key, &pk->group_key) == TSR_OK;
            }
        }
    }

    for (k = 1; k <= cfg->nsign; k++) {
        uint8_t msg[TSR_SIM_MAX_MSGLEN + 1];
        size_t mlen = cfg->msglen, attempts = 0, siglen = 0, idx = k - 1;
        uint8_t sig[TSR_FROST_SIG_MAX_BYTES];
        int r;
        if (!keys_ok) {
            break; /* no keys: the ceremony has already aborted */
        }
        tsr_sim_step_begin(s, (uint16_t)k);
        memcpy(msg, cfg->msg, mlen);
        if (cfg->nsign > 1) {
            msg[mlen++] = (uint8_t)idx;
        }
        memset(sig, 0, sizeof sig);
        r = tsr_sim_sign(s, sig, &siglen, &attempts, &s->keys, msg, mlen, idx);
        res->sign_attempts[idx] = attempts;
        if (r < 0) {
            tsr_sim_errf(err, errcap, "signature %zu failed (internal)", idx);
            return -1;
        }
        if (r == 1 && siglen > 0 && siglen <= TSR_FROST_SIG_MAX_BYTES) {
            memcpy(res->sig[idx], sig, siglen);
            res->siglen[idx] = siglen;
            res->sig_verified[idx] =
                tsr_frost_verify(s->ctx, cfg->suite, sig, siglen, &s->keys.group_key, msg, mlen) == TSR_OK;
            res->nsigs++;
            if (!res->sig_verified[idx]) {
                all_ok = 0;
            }
        } else {
            all_ok = 0;
            tsr_sim_event_add(s, TSR_SIM_EV_OUTCOME, TSR_SIM_COORD, TSR_CULPRIT_NONE, 0, 0,
                              "signature %zu: no signature after %zu attempts", idx + 1, attempts);
        }
    }
    res->outcome = all_ok ? TSR_SIM_OUTCOME_SUCCESS : TSR_SIM_OUTCOME_ABORT;

    /* per-party outcomes the drivers left unset */
    for (i = 0; i < nroster; i++) {
        p = roster[i];
        if (p < TSR_SIM_NPARTIES && res->party[p].outcome == 0) {
            res->party[p].outcome = res->outcome;
        }
    }
    if (cfg->nsign > 0 && keys_ok && res->party[0].outcome == 0) {
        res->party[0].outcome = res->outcome;
    }

    if (s->oom) {
        tsr_sim_errf(err, errcap, "out of memory during the ceremony");
        return -1;
    }
    tsr_sim_oracle(s);
    tsr_sim_expect_check(s);
    return 0;
}
