/* The simulator's DKG driver: one run of ref/'s PedPoP DKG over the simulated network, every party
 * running the real state machine, corrupt parties playing the DKG strategies of sim.h. */
#include <stdlib.h>
#include <string.h>

#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

#include "sim.h"
#include "sim_internal.h"
#include "tessera/hash.h"
#include "tessera/wire.h"

/* How a run goes (spec/dkg.md §2, sim rounds = DKG message rounds):
 *  round 1: every party calls tsr_dkg_round1 and broadcasts TSR_MSG_DKG_ROUND1 (honest first, then
 *           corrupt ones, which may look at the honest messages: rushing);
 *  round 2: each party checks the round-1 messages (tsr_dkg_round2), broadcasts
 *           TSR_MSG_DKG_ROUND2_EQ and sends TSR_MSG_DKG_ROUND2_SHARE to every other party;
 *  round 3: tsr_dkg_round3, broadcast TSR_MSG_DKG_ROUND3 (complaints or certificate signature);
 *  round 4: tsr_dkg_round4: done, or (someone complained) every party still running broadcasts
 *           TSR_MSG_DKG_ROUND4 (its openings, possibly none) and resolves with tsr_dkg_round5.
 * Receivers process the previous round's inbox between two rounds, in ascending party order.
 * A party uses its own broadcast as it made it (a party knows what it sent: the network's copy to
 * itself is not read). Open or decode failures blame the link sender; identical frames from one
 * sender (network duplicates) count once; conflicting ones all go to ref (ID_DUPLICATE). A party
 * whose ref call fails or who blamed someone at decode stops: it sends nothing more in this run
 * (ref has no abort message: if only some honest parties stop, the others later mark them
 * unresponsive, MISSING, which is what a real deployment would see too).
 *
 * Corrupt parties run the same honest code; their strategies replace what they send. Their own
 * state keeps the honest values: after a forged message a corrupt party simply carries on with
 * its honest state (its own checks use what it would have sent). That keeps it sending every
 * later message, so the honest parties' verdict is always the one of the cheat under test (for
 * example the POK of a rogue key, not a MISSING of a party that went silent). */

#define TSR_SIM_DKG_NBLAMES (TSR_MAX_PARTIES + 1)

/* One message a party will send in the next round. */
typedef struct {
    uint16_t type;
    uint32_t to;       /* sim party, or TSR_SIM_BCAST */
    uint32_t flags;    /* TSR_SIM_F_FORGED / _REPLAYED */
    int behaviour;     /* index of the behaviour that made it, -1 */
    int is_frame;      /* buf is a whole frame (tsr_sim_send_frame) */
    uint8_t *buf;      /* may hold a secret (a share): wiped before free */
    size_t len;
} tsr_sim_dkg_out;

typedef struct {
    uint32_t party, pid;
    int corrupt;
    int active;        /* still following the protocol in this run */
    int done;          /* tsr_dkg_round4 reported done */
    int complained;    /* tsr_dkg_round4 saw complaints: it has a round-4 message */
    int has_result;    /* tsr_dkg_result gave share and pub */
    tsr_dkg_state *st;
    tsr_dkg_round1_msg *r1;   /* its own round-1 message (as ref made it) */
    tsr_dkg_round2_bcast r2b; /* its own round-2 broadcast */
    tsr_dkg_round3_msg *r3;   /* its own round-3 message */
    tsr_dkg_round4_msg *r4;   /* its own round-4 message */
    tsr_dkg_public *pub;      /* its result */
    tsr_scalar share;         /* its final share (secret) */
    tsr_sim_dkg_out *out;     /* what it sends next round */
    size_t nout, outcap;
} tsr_sim_dkg_party;

/* Everything of one run. */
typedef struct {
    tsr_sim *s;
    const tsr_context *ctx;
    secp256k1_context *secp; /* for the strategies' forged share signatures (created on demand) */
    uint8_t suite;
    size_t n, t;
    uint16_t step, run;
    uint8_t session[32];
    uint32_t roster[TSR_MAX_PARTIES];
    tsr_sim_dkg_party *p;    /* by protocol id - 1 */
    tsr_blame blames[TSR_SIM_DKG_NBLAMES];
    uint8_t excluded[TSR_SIM_NPARTIES]; /* our own record of honest judges' blames (by sim party) */
    int failed;              /* internal failure (allocation) */
} tsr_sim_dkg;

/* A message opened for a receiver: link sender and payload (pointing into the timeline). */
typedef struct {
    uint32_t from;           /* sim party */
    uint32_t pid;            /* its protocol id */
    const uint8_t *pl;
    size_t len;
} tsr_sim_dkg_in;

/* ---- small helpers ---------------------------------------------------------------------------- */

/* Index of behaviour b in corrupt party `party`'s b[] (the transcript's behaviour index). */
static int tsr_sim_dkg_bidx(const tsr_sim *s, uint32_t party, const tsr_sim_behaviour *b) {
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    int ci = tsr_sim_corrupt_index(s, party);
    size_t i;
    if (ci < 0 || b == NULL) {
        return -1;
    }
    for (i = 0; i < cfg->corrupt[ci].nbehaviours; i++) {
        if (&cfg->corrupt[ci].b[i] == b) {
            return (int)i;
        }
    }
    return -1;
}

/* Whether sim party q (in the roster, not `self`) is a target of b: listed in b->to, or every
 * other party when b->to is empty. */
static int tsr_sim_dkg_target(const tsr_sim_behaviour *b, uint32_t self, uint32_t q) {
    return q != self && tsr_sim_behaviour_targets(b, q);
}

static void tsr_sim_dkg_out_clear(tsr_sim_dkg_party *pp) {
    size_t i;
    for (i = 0; i < pp->nout; i++) {
        if (pp->out[i].buf != NULL) {
            tsr_memzero(pp->out[i].buf, pp->out[i].len);
            free(pp->out[i].buf);
            pp->out[i].buf = NULL;
        }
    }
    pp->nout = 0;
}

/* Queues a copy of buf[0..len) for the next round. */
static int tsr_sim_dkg_out_add(tsr_sim_dkg *d, tsr_sim_dkg_party *pp, uint16_t type, uint32_t to, uint32_t flags,
                               int behaviour, int is_frame, const uint8_t *buf, size_t len) {
    tsr_sim_dkg_out *o;
    if (pp->nout == pp->outcap) {
        size_t cap = pp->outcap == 0 ? 8 : 2 * pp->outcap;
        tsr_sim_dkg_out *nw = realloc(pp->out, cap * sizeof *nw);
        if (nw == NULL) {
            d->failed = 1;
            return -1;
        }
        pp->out = nw;
        pp->outcap = cap;
    }
    o = &pp->out[pp->nout];
    o->buf = malloc(len > 0 ? len : 1);
    if (o->buf == NULL) {
        d->failed = 1;
        return -1;
    }
    if (len > 0) {
        memcpy(o->buf, buf, len);
    }
    o->len = len;
    o->type = type;
    o->to = to;
    o->flags = flags;
    o->behaviour = behaviour;
    o->is_frame = is_frame;
    pp->nout++;
    return 0;
}

/* Notes what an honest judge holds against sim party `culprit` (for the next run's roster). */
static void tsr_sim_dkg_note_excluded(tsr_sim_dkg *d, const tsr_sim_dkg_party *judge, uint32_t culprit) {
    if (!judge->corrupt && culprit != judge->party && culprit < TSR_SIM_NPARTIES && tsr_sim_pid(d->s, culprit) != 0) {
        d->excluded[culprit] = 1;
    }
}

/* Records ref's blames of party pp (culprits are protocol ids). */
static void tsr_sim_dkg_ref_blames(tsr_sim_dkg *d, const tsr_sim_dkg_party *pp, size_t nb) {
    size_t i;
    for (i = 0; i < nb && i < TSR_SIM_DKG_NBLAMES; i++) {
        tsr_sim_blame(d->s, pp->party, &d->blames[i]);
        /* a missing message is the engine's call (majority rule, sim_internal.h), not ours */
        if (d->blames[i].culprit != TSR_CULPRIT_NONE && d->blames[i].culprit != TSR_CULPRIT_COORDINATOR &&
            d->blames[i].check != TSR_CHECK_MISSING) {
            tsr_sim_dkg_note_excluded(d, pp, tsr_sim_party_of(d->s, d->blames[i].culprit));
        }
    }
}

/* Receiver pp blames the link sender `from` (sim party) for a message that failed `check`. */
static void tsr_sim_dkg_link_blame(tsr_sim_dkg *d, const tsr_sim_dkg_party *pp, uint32_t from, int check) {
    tsr_sim_blame_party(d->s, pp->party, from, TSR_PHASE_KEYGEN, check);
    if (check != TSR_CHECK_MISSING) {
        tsr_sim_dkg_note_excluded(d, pp, from);
    }
}

/* Party pp stops following the protocol in this run (its round's checks failed). */
static void tsr_sim_dkg_stop(tsr_sim_dkg *d, tsr_sim_dkg_party *pp, const char *why) {
    tsr_sim_result *res = tsr_sim_result_mut(d->s);
    pp->active = 0;
    tsr_sim_dkg_out_clear(pp);
    tsr_sim_event_add(d->s, TSR_SIM_EV_NOTE, pp->party, TSR_CULPRIT_NONE, TSR_PHASE_KEYGEN, 0,
                      "party %u stops the DKG run: %s", (unsigned)pp->party, why);
    if (!pp->corrupt) {
        res->party[pp->party].outcome = TSR_SIM_OUTCOME_ABORT;
    }
}

/* The messages of `type` delivered to pp this round, opened: network duplicates (identical frames
 * from one link sender) dropped, its own copy skipped, failures blamed on the link sender (*bad
 * set). *out (heap, caller frees) gets *nout entries. Returns 0 or -1 (allocation). */
static int tsr_sim_dkg_gather(tsr_sim_dkg *d, tsr_sim_dkg_party *pp, uint16_t type, tsr_sim_dkg_in **out,
                              size_t *nout, int *bad) {
    const tsr_sim_msg **ms;
    size_t cap = 4 * d->n + 16, k, i, j;
    tsr_sim_dkg_in *in;

    *out = NULL;
    *nout = 0;
    ms = malloc(cap * sizeof *ms);
    if (ms == NULL) {
        d->failed = 1;
        return -1;
    }
    /* the engine returns at most cap: grow until everything fits */
    while ((k = tsr_sim_inbox(d->s, pp->party, type, ms, cap)) == cap) {
        const tsr_sim_msg **nw = realloc(ms, 2 * cap * sizeof *ms);
        if (nw == NULL) {
            free(ms);
            d->failed = 1;
            return -1;
        }
        ms = nw;
        cap *= 2;
    }
    in = calloc(k + 1, sizeof *in);
    if (in == NULL) {
        free(ms);
        d->failed = 1;
        return -1;
    }
    for (i = 0; i < k; i++) {
        const tsr_sim_msg *m = ms[i];
        const uint8_t *pl = NULL;
        size_t plen = 0;
        uint32_t pid = tsr_sim_pid(d->s, m->from);
        int chk, dup = 0;
        if (m->from == pp->party) {
            continue; /* its own copy: it uses what it sent */
        }
        for (j = 0; j < i && !dup; j++) {
            dup = ms[j]->from == m->from && ms[j]->len == m->len &&
                  (m->len == 0 || memcmp(ms[j]->frame, m->frame, m->len) == 0);
        }
        if (dup) {
            continue; /* a network duplicate: counts once */
        }
        chk = tsr_sim_open(d->s, pp->party, m, &pl, &plen); /* marks it processed if pp is honest */
        if (chk != TSR_CHECK_NONE) {
            tsr_sim_dkg_link_blame(d, pp, m->from, chk);
            *bad = 1;
            continue;
        }
        in[*nout].from = m->from;
        in[*nout].pid = pid;
        in[*nout].pl = pl;
        in[*nout].len = plen;
        (*nout)++;
    }
    free(ms);
    *out = in;
    return 0;
}

/* Sends pp's queued messages (in queue order) and empties the queue. */
static void tsr_sim_dkg_send_out(tsr_sim_dkg *d, tsr_sim_dkg_party *pp) {
    size_t i;
    for (i = 0; i < pp->nout; i++) {
        const tsr_sim_dkg_out *o = &pp->out[i];
        int rc;
        if (o->is_frame) {
            rc = tsr_sim_send_frame(d->s, pp->party, o->to, o->type, o->buf, o->len, o->flags, o->behaviour);
        } else {
            rc = tsr_sim_send(d->s, pp->party, o->to, o->type, o->buf, o->len, o->flags, o->behaviour);
        }
        if (rc != 0) {
            d->failed = 1;
        }
    }
    tsr_sim_dkg_out_clear(pp);
}

static tsr_sim_dkg_party *tsr_sim_dkg_party_of(tsr_sim_dkg *d, uint32_t party) {
    uint32_t pid = tsr_sim_pid(d->s, party);
    return pid >= 1 && pid <= d->n ? &d->p[pid - 1] : NULL;
}

/* Round `round` (2..4): every active party sends what it queued, honest parties first. */
static void tsr_sim_dkg_flush(tsr_sim_dkg *d, uint16_t round) {
    uint32_t order[TSR_MAX_PARTIES];
    size_t i;
    tsr_sim_round_begin(d->s, round);
    tsr_sim_order(d->s, order, d->roster, d->n);
    for (i = 0; i < d->n; i++) {
        tsr_sim_dkg_party *pp = tsr_sim_dkg_party_of(d, order[i]);
        if (pp != NULL && pp->active) {
            tsr_sim_dkg_send_out(d, pp);
        }
    }
    tsr_sim_round_end(d->s);
}

/* ---- round 1 strategies ------------------------------------------------------------------------ */

/* Rushing: the round-1 messages other parties already sent in this round, the first copy of each
 * sender, decoded (copies that do not decode are skipped). msgs has room for d->n entries; from[k]
 * is the sim party of msgs[k]. Returns the count. */
static size_t tsr_sim_dkg_rushing(tsr_sim_dkg *d, uint32_t self, tsr_dkg_round1_msg *msgs, uint32_t *from) {
    const tsr_sim_msg **ms;
    size_t cap = 4 * d->n + 16, k, i, j, cnt = 0;
    ms = malloc(cap * sizeof *ms);
    if (ms == NULL) {
        d->failed = 1;
        return 0;
    }
    while ((k = tsr_sim_round_sent(d->s, TSR_MSG_DKG_ROUND1, ms, cap)) == cap) {
        const tsr_sim_msg **nw = realloc(ms, 2 * cap * sizeof *ms);
        if (nw == NULL) {
            free(ms);
            d->failed = 1;
            return 0;
        }
        ms = nw;
        cap *= 2;
    }
    for (i = 0; i < k && cnt < d->n; i++) {
        const tsr_sim_msg *m = ms[i];
        uint32_t pid = tsr_sim_pid(d->s, m->from);
        tsr_frame f;
        int seen = 0;
        if (m->from == self || pid == 0 || m->frame == NULL) {
            continue;
        }
        for (j = 0; j < cnt && !seen; j++) {
            seen = from[j] == m->from;
        }
        if (seen || tsr_frame_decode(&f, m->frame, m->len, NULL) != TSR_OK || f.nfields != 1 ||
            tsr_dkg_round1_decode(d->ctx, &msgs[cnt], d->suite, pid, f.field[0], f.field_len[0], NULL) != TSR_OK) {
            continue;
        }
        from[cnt++] = m->from;
    }
    free(ms);
    return cnt;
}

/* Queues the round-1 broadcast of pp: `forged` to the targets of b (all when b->to is empty, one
 * broadcast), the honest message to everyone else. frame: forged is a whole frame, sent to each
 * target alone. */
static void tsr_sim_dkg_queue_split(tsr_sim_dkg *d, tsr_sim_dkg_party *pp, const tsr_sim_behaviour *b,
                                    const uint8_t *forged, size_t flen, int frame, uint32_t flags,
                                    const uint8_t *honest, size_t hlen, const uint8_t *targets) {
    int bi = tsr_sim_dkg_bidx(d->s, pp->party, b);
    size_t q;
    if (targets == NULL && b->nto == 0 && !frame) {
        (void)tsr_sim_dkg_out_add(d, pp, TSR_MSG_DKG_ROUND1, TSR_SIM_BCAST, flags, bi, 0, forged, flen);
        return;
    }
    for (q = 0; q < d->n; q++) {
        uint32_t r = d->roster[q];
        int hit = targets != NULL ? targets[q] : tsr_sim_dkg_target(b, pp->party, r);
        if (r == pp->party) {
            continue;
        }
        if (hit) {
            (void)tsr_sim_dkg_out_add(d, pp, TSR_MSG_DKG_ROUND1, r, flags, bi, frame, forged, flen);
        } else {
            (void)tsr_sim_dkg_out_add(d, pp, TSR_MSG_DKG_ROUND1, r, 0, -1, 0, honest, hlen);
        }
    }
}

/* A round-1 message of party pp from a fresh polynomial under session32 (EQUIVOCATE, REPLAY):
 * encoded into buf. Registers the polynomial as secret. Returns the length, 0 on failure. */
static size_t tsr_sim_dkg_fresh_r1(tsr_sim_dkg *d, tsr_sim_dkg_party *pp, const uint8_t *session32, uint8_t *buf,
                                   size_t cap) {
    tsr_dkg_state *tmp = calloc(1, sizeof *tmp);
    tsr_dkg_round1_msg *m = calloc(1, sizeof *m);
    size_t rlen = 64 * d->t + 64, len = 0, k;
    uint8_t *rnd = malloc(rlen);
    if (tmp == NULL || m == NULL || rnd == NULL) {
        d->failed = 1;
        goto out;
    }
    tsr_sim_rand(d->s, pp->party, rnd, rlen);
    tsr_sim_cpu_start(d->s, pp->party);
    if (tsr_dkg_init(d->ctx, tmp, d->suite, session32, pp->pid, d->t, d->n, NULL, rnd, rlen) == TSR_OK) {
        for (k = 0; k < d->t; k++) {
            tsr_sim_secret_scalar(d->s, &tmp->f.a[k]);
        }
        if (tsr_dkg_round1(d->ctx, tmp, m) != TSR_OK ||
            tsr_dkg_round1_encode(d->ctx, buf, cap, &len, d->suite, m) != TSR_OK) {
            len = 0;
        }
    }
    tsr_sim_cpu_stop(d->s, pp->party);
out:
    if (rnd != NULL) {
        tsr_memzero(rnd, rlen);
        free(rnd);
    }
    if (tmp != NULL) {
        tsr_dkg_state_clear(tmp);
        free(tmp);
    }
    free(m);
    return len;
}

#define TSR_SIM_DKG_R1CAP (TSR_DKG_ROUND1_MAX_BYTES + TSR_WIRE_HEADER_BYTES + 4)

/* EQUIVOCATE: a second fully valid round-1 message (fresh polynomial, valid PoK) to the parties
 * in b->to (default: the later half of the others), the honest one to the rest. */
static int tsr_sim_dkg_equivocate(tsr_sim_dkg *d, tsr_sim_dkg_party *pp, const tsr_sim_behaviour *b,
                                  const uint8_t *honest, size_t hlen) {
    uint8_t buf[TSR_SIM_DKG_R1CAP], targets[TSR_MAX_PARTIES];
    size_t len, q, nothers = 0, k = 0, nt = 0;
    len = tsr_sim_dkg_fresh_r1(d, pp, d->session, buf, sizeof buf);
    if (len == 0) {
        return 0;
    }
    for (q = 0; q < d->n; q++) {
        nothers += d->roster[q] != pp->party;
    }
    for (q = 0; q < d->n; q++) {
        targets[q] = 0;
        if (d->roster[q] == pp->party) {
            continue;
        }
        targets[q] = (uint8_t)(b->nto > 0 ? tsr_sim_dkg_target(b, pp->party, d->roster[q]) : k >= nothers / 2);
        k++;
        nt += targets[q];
    }
    tsr_sim_event_add(d->s, TSR_SIM_EV_ADVERSARY, pp->party, TSR_CULPRIT_NONE, TSR_PHASE_KEYGEN, 0,
                      "equivocate: a second valid round-1 message (fresh polynomial, valid PoK) to %lu of %lu "
                      "parties", (unsigned long)nt, (unsigned long)nothers);
    tsr_sim_dkg_queue_split(d, pp, b, buf, len, 0, TSR_SIM_F_FORGED, honest, hlen, targets);
    return 1;
}

/* REPLAY: its round-1 message of an earlier session (another polynomial): b->value 0 sends the
 * old frame as it was (the frame's session is wrong: SESSION), 1 the old payload re-framed under
 * this session (the PoK is bound to the old session: POK). */
static int tsr_sim_dkg_replay(tsr_sim_dkg *d, tsr_sim_dkg_party *pp, const tsr_sim_behaviour *b, const uint8_t *honest,
                              size_t hlen) {
    static const char label[] = "TSR-SIM-OLD-SESSION";
    uint8_t old[32], sb[8], buf[TSR_SIM_DKG_R1CAP], fr[TSR_SIM_DKG_R1CAP];
    uint64_t seed = tsr_sim_cfg(d->s)->seed;
    tsr_sha256_ctx h;
    tsr_frame f;
    size_t len, flen = 0, k;
    for (k = 0; k < 8; k++) {
        sb[k] = (uint8_t)(seed >> (56 - 8 * k));
    }
    tsr_sha256_init(&h);
    tsr_sha256_update(&h, (const uint8_t *)label, sizeof label - 1);
    tsr_sha256_update(&h, sb, sizeof sb);
    tsr_sha256_final(&h, old);
    len = tsr_sim_dkg_fresh_r1(d, pp, old, buf, sizeof buf);
    if (len == 0) {
        return 0;
    }
    if (b->value == 0) {
        memset(&f, 0, sizeof f);
        f.version = TSR_WIRE_VERSION;
        f.suite = d->suite;
        f.type = TSR_MSG_DKG_ROUND1;
        memcpy(f.session, old, 32);
        f.sender = pp->pid;
        f.nfields = 1;
        f.field[0] = buf;
        f.field_len[0] = len;
        if (tsr_frame_encode(fr, sizeof fr, &flen, &f) != TSR_OK) {
            return 0;
        }
        tsr_sim_event_add(d->s, TSR_SIM_EV_ADVERSARY, pp->party, TSR_CULPRIT_NONE, TSR_PHASE_KEYGEN, 0,
                          "replay: re-sends its round-1 frame of an earlier session");
        tsr_sim_dkg_queue_split(d, pp, b, fr, flen, 1, TSR_SIM_F_REPLAYED, honest, hlen, NULL);
    } else {
        tsr_sim_event_add(d->s, TSR_SIM_EV_ADVERSARY, pp->party, TSR_CULPRIT_NONE, TSR_PHASE_KEYGEN, 0,
                          "replay: re-sends its round-1 payload of an earlier session, framed for this session");
        tsr_sim_dkg_queue_split(d, pp, b, buf, len, 0, TSR_SIM_F_REPLAYED, honest, hlen, NULL);
    }
    return 1;
}

/* ROGUE_KEY, TRANSPLANT, THRESHOLD_RAISE: its own round-1 message with C_0 (and the PoK) or the
 * commitment length changed. */
static int tsr_sim_dkg_alter_r1(tsr_sim_dkg *d, tsr_sim_dkg_party *pp, int strategy, const tsr_sim_behaviour *b,
                                const uint8_t *honest, size_t hlen) {
    tsr_dkg_round1_msg *m = calloc(1, sizeof *m), *others = calloc(d->n, sizeof *others);
    uint32_t from[TSR_MAX_PARTIES];
    uint8_t buf[TSR_SIM_DKG_R1CAP], rnd[64];
    size_t len = 0, cnt = 0, k, i;
    tsr_scalar y;
    tsr_point sum, pt;
    int ok = 0;

    tsr_scalar_set_u32(&y, 0);
    if (m == NULL || others == NULL) {
        d->failed = 1;
        goto out;
    }
    *m = *pp->r1;
    if (strategy == TSR_SIM_S_ROGUE_KEY || strategy == TSR_SIM_S_TRANSPLANT) {
        cnt = tsr_sim_dkg_rushing(d, pp->party, others, from);
        if (cnt == 0) {
            tsr_sim_event_add(d->s, TSR_SIM_EV_ADVERSARY, pp->party, TSR_CULPRIT_NONE, TSR_PHASE_KEYGEN, 0,
                              "%s: no round-1 message of another party seen yet: behaves",
                              tsr_sim_strategy_name(strategy));
            goto out;
        }
    }
    if (strategy == TSR_SIM_S_ROGUE_KEY) {
        /* C_0 = Y* - sum of the others' C_0, Y* = y*G a key it picks; its own PoK is kept. */
        tsr_point_set_identity(&sum);
        for (i = 0; i < cnt; i++) {
            if (tsr_point_add(d->ctx, &sum, &sum, &others[i].commitment.c[0]) != TSR_OK) {
                goto out;
            }
        }
        tsr_sim_rand(d->s, pp->party, rnd, sizeof rnd);
        (void)tsr_scalar_reduce_be(&y, rnd, sizeof rnd);
        tsr_sim_secret_scalar(d->s, &y);
        if (tsr_point_neg(d->ctx, &sum, &sum) != TSR_OK || tsr_point_base_mul(d->ctx, &pt, &y) != TSR_OK ||
            tsr_point_add(d->ctx, &m->commitment.c[0], &pt, &sum) != TSR_OK) {
            goto out;
        }
        tsr_sim_event_add(d->s, TSR_SIM_EV_ADVERSARY, pp->party, TSR_CULPRIT_NONE, TSR_PHASE_KEYGEN, 0,
                          "rogue key: C_0 := a key it chose minus the sum of %lu other parties' C_0 (own PoK kept)",
                          (unsigned long)cnt);
    } else if (strategy == TSR_SIM_S_TRANSPLANT) {
        /* Copies party b->party's C_0 and PoK (the first party seen if that one has not sent yet). */
        for (i = 0; i < cnt && from[i] != b->party; i++) {
        }
        if (i == cnt) {
            i = 0;
        }
        m->commitment.c[0] = others[i].commitment.c[0];
        m->pok_r = others[i].pok_r;
        m->pok_mu = others[i].pok_mu;
        tsr_sim_event_add(d->s, TSR_SIM_EV_ADVERSARY, pp->party, TSR_CULPRIT_NONE, TSR_PHASE_KEYGEN, 0,
                          "transplant: copies party %u's C_0 and proof of knowledge into its round-1 message",
                          (unsigned)from[i]);
    } else {
        /* t + k coefficients: its own t and k fresh ones; C_0 and hence its PoK unchanged. */
        size_t add = b->value > 0 ? (size_t)b->value : 1;
        if (d->t + add > TSR_MAX_PARTIES) {
            add = TSR_MAX_PARTIES - d->t;
        }
        if (add == 0) {
            goto out;
        }
        for (k = 0; k < add; k++) {
            tsr_sim_rand(d->s, pp->party, rnd, sizeof rnd);
            (void)tsr_scalar_reduce_be(&y, rnd, sizeof rnd);
            tsr_sim_secret_scalar(d->s, &y);
            if (tsr_point_base_mul(d->ctx, &m->commitment.c[d->t + k], &y) != TSR_OK) {
                goto out;
            }
        }
        m->commitment.t = d->t + add;
        tsr_sim_event_add(d->s, TSR_SIM_EV_ADVERSARY, pp->party, TSR_CULPRIT_NONE, TSR_PHASE_KEYGEN, 0,
                          "threshold raise: commitment of %lu points instead of %lu (valid PoK)",
                          (unsigned long)(d->t + add), (unsigned long)d->t);
    }
    if (tsr_dkg_round1_encode(d->ctx, buf, sizeof buf, &len, d->suite, m) != TSR_OK) {
        goto out;
    }
    tsr_sim_dkg_queue_split(d, pp, b, buf, len, 0, TSR_SIM_F_FORGED, honest, hlen, NULL);
    ok = 1;
out:
    tsr_memzero(rnd, sizeof rnd);
    tsr_scalar_clear(&y);
    free(m);
    free(others);
    return ok;
}

/* Corrupt party pp's round 1: the first round-1 strategy it plays in this run (REPLAY, EQUIVOCATE,
 * TRANSPLANT, ROGUE_KEY, THRESHOLD_RAISE: one per run), else the honest broadcast. */
static void tsr_sim_dkg_r1_corrupt(tsr_sim_dkg *d, tsr_sim_dkg_party *pp, const uint8_t *honest, size_t hlen) {
    static const int order[] = {TSR_SIM_S_REPLAY, TSR_SIM_S_EQUIVOCATE, TSR_SIM_S_TRANSPLANT, TSR_SIM_S_ROGUE_KEY,
                                TSR_SIM_S_THRESHOLD_RAISE};
    size_t i;
    for (i = 0; i < sizeof order / sizeof order[0]; i++) {
        const tsr_sim_behaviour *b = tsr_sim_strategy(d->s, pp->party, order[i]);
        int done;
        if (b == NULL) {
            continue;
        }
        if (order[i] == TSR_SIM_S_REPLAY) {
            done = tsr_sim_dkg_replay(d, pp, b, honest, hlen);
        } else if (order[i] == TSR_SIM_S_EQUIVOCATE) {
            done = tsr_sim_dkg_equivocate(d, pp, b, honest, hlen);
        } else {
            done = tsr_sim_dkg_alter_r1(d, pp, order[i], b, honest, hlen);
        }
        if (done) {
            return;
        }
    }
    (void)tsr_sim_dkg_out_add(d, pp, TSR_MSG_DKG_ROUND1, TSR_SIM_BCAST, 0, -1, 0, honest, hlen);
}

/* Round 1: each party (honest first) makes its message and sends it at once, so that corrupt
 * parties acting later see the honest ones (rushing). */
static void tsr_sim_dkg_round1(tsr_sim_dkg *d) {
    uint32_t order[TSR_MAX_PARTIES];
    uint8_t buf[TSR_SIM_DKG_R1CAP];
    size_t i, len = 0;
    tsr_sim_round_begin(d->s, 1);
    tsr_sim_order(d->s, order, d->roster, d->n);
    for (i = 0; i < d->n; i++) {
        tsr_sim_dkg_party *pp = tsr_sim_dkg_party_of(d, order[i]);
        int rc;
        if (pp == NULL || !pp->active) {
            continue;
        }
        tsr_sim_cpu_start(d->s, pp->party);
        rc = tsr_dkg_round1(d->ctx, pp->st, pp->r1);
        if (rc == TSR_OK) {
            rc = tsr_dkg_round1_encode(d->ctx, buf, sizeof buf, &len, d->suite, pp->r1);
        }
        tsr_sim_cpu_stop(d->s, pp->party);
        if (rc != TSR_OK) {
            tsr_sim_dkg_stop(d, pp, "tsr_dkg_round1 failed");
            continue;
        }
        if (pp->corrupt) {
            tsr_sim_dkg_r1_corrupt(d, pp, buf, len);
        } else {
            (void)tsr_sim_dkg_out_add(d, pp, TSR_MSG_DKG_ROUND1, TSR_SIM_BCAST, 0, -1, 0, buf, len);
        }
        tsr_sim_dkg_send_out(d, pp);
    }
    tsr_sim_round_end(d->s);
}

/* ---- round 2: check round 1, eq hash and shares (BAD_SHARE, BIAS) ------------------------------- */

/* BIAS: the group key the agreed commitments give (st->comm after round 2: everyone's, its own
 * included), in the suite's final form (TR: even y and the TapTweak); *odd = parity of its x.
 * Returns 0 or -1. */
static int tsr_sim_dkg_foresee(tsr_sim_dkg *d, const tsr_sim_dkg_party *pp, int *odd) {
    uint8_t x[32];
    tsr_point p, tg;
    tsr_scalar tau;
    size_t j;
    int yodd = 0;
    tsr_point_set_identity(&p);
    for (j = 0; j < d->n; j++) {
        if (tsr_point_add(d->ctx, &p, &p, &pp->st->comm[j].c[0]) != TSR_OK) {
            return -1;
        }
    }
    if (tsr_point_encode_xonly(d->ctx, x, &yodd, &p) != TSR_OK) {
        return -1;
    }
    if (d->suite == TSR_SUITE_SECP256K1_TR) {
        static const char tag[] = "TapTweak";
        uint8_t h[32];
        if (yodd && tsr_point_neg(d->ctx, &p, &p) != TSR_OK) {
            return -1;
        }
        tsr_tagged_hash(h, (const uint8_t *)tag, sizeof tag - 1, x, 32);
        (void)tsr_scalar_reduce_be(&tau, h, 32);
        if (tsr_point_base_mul(d->ctx, &tg, &tau) != TSR_OK || tsr_point_add(d->ctx, &p, &p, &tg) != TSR_OK ||
            tsr_point_encode_xonly(d->ctx, x, &yodd, &p) != TSR_OK) {
            return -1;
        }
    }
    *odd = x[31] & 1;
    return 0;
}

/* BAD_SHARE: replaces p2p->share by share + 1 and signs it as the dealer does (spec/dkg.md §Share
 * message: BIP340 with the key pair of a_0, over tsr_dkg_share_message), so that it is evidence.
 * Returns 0 or -1. */
static int tsr_sim_dkg_bad_share(tsr_sim_dkg *d, const tsr_sim_dkg_party *pp, tsr_dkg_round2_p2p *p2p) {
    secp256k1_keypair kp;
    uint8_t a0b[32], msg[32], aux[32];
    tsr_scalar one;
    int ok = 0;
    if (d->secp == NULL) {
        d->secp = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
        if (d->secp == NULL) {
            d->failed = 1;
            return -1;
        }
    }
    tsr_scalar_set_u32(&one, 1);
    tsr_scalar_add(&p2p->share, &p2p->share, &one);
    tsr_sim_secret_scalar(d->s, &p2p->share);
    tsr_scalar_encode(a0b, &pp->st->f.a[0]);
    tsr_dkg_share_message(msg, d->suite, d->session, pp->pid, p2p->recipient, &p2p->share);
    tsr_sim_rand(d->s, pp->party, aux, sizeof aux);
    if (secp256k1_keypair_create(d->secp, &kp, a0b) == 1 &&
        secp256k1_schnorrsig_sign32(d->secp, p2p->sig, msg, &kp, aux) == 1) {
        ok = 1;
    }
    tsr_memzero(&kp, sizeof kp);
    tsr_memzero(a0b, sizeof a0b);
    tsr_memzero(msg, sizeof msg);
    return ok ? 0 : -1;
}

/* Decodes pp's round-1 inbox and runs tsr_dkg_round2; queues the eq broadcast and the shares. */
static void tsr_sim_dkg_proc1(tsr_sim_dkg *d, tsr_sim_dkg_party *pp) {
    tsr_sim_dkg_in *in = NULL;
    tsr_dkg_round1_msg *msgs = NULL;
    tsr_dkg_round2_p2p *p2p = NULL;
    const tsr_sim_behaviour *bad = NULL;
    uint8_t eq[TSR_DKG_ROUND2_EQ_BYTES], enc[TSR_DKG_ROUND2_P2P_BYTES];
    size_t nin = 0, cnt = 1, i, nb = 0, nbad = 0;
    int failed = 0, rc, bi = -1;

    if (tsr_sim_dkg_gather(d, pp, TSR_MSG_DKG_ROUND1, &in, &nin, &failed) != 0) {
        return;
    }
    msgs = calloc(nin + 1, sizeof *msgs);
    p2p = calloc(d->n, sizeof *p2p);
    if (msgs == NULL || p2p == NULL) {
        d->failed = 1;
        goto out;
    }
    msgs[0] = *pp->r1;
    for (i = 0; i < nin; i++) {
        tsr_check reason = TSR_CHECK_NONE;
        tsr_sim_cpu_start(d->s, pp->party);
        rc = tsr_dkg_round1_decode(d->ctx, &msgs[cnt], d->suite, in[i].pid, in[i].pl, in[i].len, &reason);
        tsr_sim_cpu_stop(d->s, pp->party);
        if (rc != TSR_OK) {
            tsr_sim_dkg_link_blame(d, pp, in[i].from, reason != TSR_CHECK_NONE ? (int)reason : (int)TSR_CHECK_LENGTH);
            failed = 1;
            continue;
        }
        cnt++;
    }
    if (failed) {
        tsr_sim_dkg_stop(d, pp, "a round-1 message failed to open or decode");
        goto out;
    }
    tsr_sim_cpu_start(d->s, pp->party);
    rc = tsr_dkg_round2(d->ctx, pp->st, &pp->r2b, p2p, d->blames, TSR_SIM_DKG_NBLAMES, &nb, msgs, cnt);
    tsr_sim_cpu_stop(d->s, pp->party);
    tsr_sim_dkg_ref_blames(d, pp, nb);
    if (rc != TSR_OK) {
        tsr_sim_dkg_stop(d, pp, "its round-1 checks failed");
        goto out;
    }
    for (i = 0; i < d->n; i++) {
        tsr_sim_secret_scalar(d->s, &p2p[i].share);
    }
    if (pp->corrupt) {
        bad = tsr_sim_strategy(d->s, pp->party, TSR_SIM_S_BAD_SHARE);
        if (bad == NULL && (bad = tsr_sim_strategy(d->s, pp->party, TSR_SIM_S_BIAS)) != NULL) {
            int odd = 0;
            if (tsr_sim_dkg_foresee(d, pp, &odd) != 0) {
                bad = NULL;
            } else {
                tsr_sim_event_add(d->s, TSR_SIM_EV_ADVERSARY, pp->party, TSR_CULPRIT_NONE, TSR_PHASE_KEYGEN, 0,
                                  "bias: the group key it foresees has %s x: %s", odd ? "an odd" : "an even",
                                  odd ? "sends bad shares to get itself disqualified" : "behaves");
                if (!odd) {
                    bad = NULL;
                }
            }
        }
        bi = tsr_sim_dkg_bidx(d->s, pp->party, bad);
    }
    (void)tsr_dkg_round2_bcast_encode(eq, &pp->r2b);
    (void)tsr_sim_dkg_out_add(d, pp, TSR_MSG_DKG_ROUND2_EQ, TSR_SIM_BCAST, 0, -1, 0, eq, sizeof eq);
    for (i = 0; i < d->n; i++) {
        uint32_t flags = 0;
        int beh = -1;
        if (i + 1 == pp->pid) {
            continue;
        }
        /* BIAS sends bad shares to everyone; BAD_SHARE to its targets. */
        if (bad != NULL && (bad->strategy == TSR_SIM_S_BIAS || tsr_sim_dkg_target(bad, pp->party, d->roster[i]))) {
            if (tsr_sim_dkg_bad_share(d, pp, &p2p[i]) == 0) {
                flags = TSR_SIM_F_FORGED;
                beh = bi;
                nbad++;
            }
        }
        (void)tsr_dkg_round2_p2p_encode(enc, &p2p[i]);
        (void)tsr_sim_dkg_out_add(d, pp, TSR_MSG_DKG_ROUND2_SHARE, d->roster[i], flags, beh, 0, enc, sizeof enc);
    }
    if (bad != NULL && bad->strategy == TSR_SIM_S_BAD_SHARE) {
        tsr_sim_event_add(d->s, TSR_SIM_EV_ADVERSARY, pp->party, TSR_CULPRIT_NONE, TSR_PHASE_KEYGEN, 0,
                          "bad share: sends share + 1, validly signed, to %lu part%s", (unsigned long)nbad,
                          nbad == 1 ? "y" : "ies");
    }
out:
    tsr_memzero(enc, sizeof enc);
    if (p2p != NULL) {
        tsr_memzero(p2p, d->n * sizeof *p2p);
        free(p2p);
    }
    free(msgs);
    free(in);
}

/* ---- round 3: equivocation check, shares, complaints (FALSE_COMPLAINT, FALSE_NO_SHARE) ---------- */

/* Corrupt party pp's round-3 message with false complaints added: BAD_SHARE against each target
 * of FALSE_COMPLAINT carrying the real share it received and the dealer's real signature (the
 * evidence passes Feldman, so the accuser is blamed), NO_SHARE against each target of
 * FALSE_NO_SHARE (unprovable: the dealer opens, nobody is blamed). Complaints its honest code
 * filed are kept. Returns 1 and fills *m if it changed anything (*bi: the behaviour). */
static int tsr_sim_dkg_false_r3(tsr_sim_dkg *d, const tsr_sim_dkg_party *pp, tsr_dkg_round3_msg *m, int *bi,
                                const tsr_dkg_round2_p2p *sh, size_t nsh) {
    const tsr_sim_behaviour *fc = tsr_sim_strategy(d->s, pp->party, TSR_SIM_S_FALSE_COMPLAINT);
    const tsr_sim_behaviour *fn = tsr_sim_strategy(d->s, pp->party, TSR_SIM_S_FALSE_NO_SHARE);
    const tsr_dkg_round3_msg *h = pp->r3;
    size_t j, k, e = 0, nfc = 0, nfn = 0;
    if (fc == NULL && fn == NULL) {
        return 0;
    }
    memset(m, 0, sizeof *m);
    m->sender = h->sender;
    for (j = 1; j <= d->n; j++) {
        uint32_t r = d->roster[j - 1];
        int kept = 0;
        if (j == pp->pid) {
            continue;
        }
        for (k = 0; k < h->naccused; k++) {
            if (h->accused[k] == j) {
                m->accused[m->naccused] = h->accused[k];
                m->kind[m->naccused] = h->kind[k];
                m->share[m->naccused] = h->share[k];
                memcpy(m->sig[m->naccused], h->sig[k], 64);
                m->naccused++;
                kept = 1;
            }
        }
        if (kept) {
            continue;
        }
        if (fc != NULL && tsr_sim_dkg_target(fc, pp->party, r)) {
            for (e = 0; e < nsh && sh[e].sender != j; e++) {
            }
            if (e < nsh) {
                m->accused[m->naccused] = (uint32_t)j;
                m->kind[m->naccused] = TSR_DKG_COMPLAINT_BAD_SHARE;
                m->share[m->naccused] = sh[e].share;
                memcpy(m->sig[m->naccused], sh[e].sig, 64);
                m->naccused++;
                nfc++;
                continue;
            }
        }
        if (fn != NULL && tsr_sim_dkg_target(fn, pp->party, r)) {
            m->accused[m->naccused] = (uint32_t)j;
            m->kind[m->naccused] = TSR_DKG_COMPLAINT_NO_SHARE;
            m->naccused++;
            nfn++;
        }
    }
    if (nfc == 0 && nfn == 0) {
        return 0;
    }
    if (nfc > 0) {
        *bi = tsr_sim_dkg_bidx(d->s, pp->party, fc);
        tsr_sim_event_add(d->s, TSR_SIM_EV_ADVERSARY, pp->party, TSR_CULPRIT_NONE, TSR_PHASE_KEYGEN, 0,
                          "false complaint: BAD_SHARE against %lu dealer%s, with the valid share and signature it "
                          "received", (unsigned long)nfc, nfc == 1 ? "" : "s");
    }
    if (nfn > 0) {
        if (nfc == 0) {
            *bi = tsr_sim_dkg_bidx(d->s, pp->party, fn);
        }
        tsr_sim_event_add(d->s, TSR_SIM_EV_ADVERSARY, pp->party, TSR_CULPRIT_NONE, TSR_PHASE_KEYGEN, 0,
                          "false no-share: NO_SHARE against %lu dealer%s that sent a valid share",
                          (unsigned long)nfn, nfn == 1 ? "" : "s");
    }
    return 1;
}

/* Decodes pp's round-2 inbox (eq broadcasts and shares) and runs tsr_dkg_round3; queues the
 * round-3 broadcast. */
static void tsr_sim_dkg_proc2(tsr_sim_dkg *d, tsr_sim_dkg_party *pp) {
    tsr_sim_dkg_in *ie = NULL, *is = NULL;
    tsr_dkg_round2_bcast *bc = NULL;
    tsr_dkg_round2_p2p *sh = NULL;
    tsr_dkg_round3_msg *fm = NULL;
    uint8_t *buf = NULL;
    size_t ne = 0, ns = 0, cb = 1, cs = 0, i, nb = 0, len = 0;
    int failed = 0, rc, bi = -1;

    if (tsr_sim_dkg_gather(d, pp, TSR_MSG_DKG_ROUND2_EQ, &ie, &ne, &failed) != 0 ||
        tsr_sim_dkg_gather(d, pp, TSR_MSG_DKG_ROUND2_SHARE, &is, &ns, &failed) != 0) {
        goto out;
    }
    bc = calloc(ne + 1, sizeof *bc);
    sh = calloc(ns + 1, sizeof *sh);
    fm = calloc(1, sizeof *fm);
    buf = malloc(TSR_DKG_ROUND3_MAX_BYTES);
    if (bc == NULL || sh == NULL || fm == NULL || buf == NULL) {
        d->failed = 1;
        goto out;
    }
    bc[0] = pp->r2b;
    for (i = 0; i < ne; i++) {
        tsr_check reason = TSR_CHECK_NONE;
        tsr_sim_cpu_start(d->s, pp->party);
        rc = tsr_dkg_round2_bcast_decode(&bc[cb], ie[i].pid, ie[i].pl, ie[i].len, &reason);
        tsr_sim_cpu_stop(d->s, pp->party);
        if (rc != TSR_OK) {
            tsr_sim_dkg_link_blame(d, pp, ie[i].from, reason != TSR_CHECK_NONE ? (int)reason : (int)TSR_CHECK_LENGTH);
            failed = 1;
            continue;
        }
        cb++;
    }
    for (i = 0; i < ns; i++) {
        tsr_check reason = TSR_CHECK_NONE;
        tsr_sim_cpu_start(d->s, pp->party);
        rc = tsr_dkg_round2_p2p_decode(&sh[cs], is[i].pid, is[i].pl, is[i].len, &reason);
        tsr_sim_cpu_stop(d->s, pp->party);
        if (rc != TSR_OK) {
            tsr_sim_dkg_link_blame(d, pp, is[i].from, reason != TSR_CHECK_NONE ? (int)reason : (int)TSR_CHECK_LENGTH);
            failed = 1;
            continue;
        }
        if (tsr_sim_is_corrupt(d->s, is[i].from)) {
            tsr_sim_secret_scalar(d->s, &sh[cs].share); /* an honest dealer's was registered when sent */
        }
        cs++;
    }
    if (failed) {
        tsr_sim_dkg_stop(d, pp, "a round-2 message failed to open or decode");
        goto out;
    }
    tsr_sim_cpu_start(d->s, pp->party);
    rc = tsr_dkg_round3(d->ctx, pp->st, pp->r3, d->blames, TSR_SIM_DKG_NBLAMES, &nb, bc, cb, sh, cs);
    tsr_sim_cpu_stop(d->s, pp->party);
    tsr_sim_dkg_ref_blames(d, pp, nb);
    if (rc != TSR_OK) {
        tsr_sim_dkg_stop(d, pp, "its round-2 checks failed");
        goto out;
    }
    if (pp->r3->naccused == 0) {
        tsr_sim_secret_scalar(d->s, &pp->st->share);
    }
    if (pp->corrupt && tsr_sim_dkg_false_r3(d, pp, fm, &bi, sh, cs)) {
        rc = tsr_dkg_round3_encode(buf, TSR_DKG_ROUND3_MAX_BYTES, &len, fm);
        if (rc == TSR_OK) {
            (void)tsr_sim_dkg_out_add(d, pp, TSR_MSG_DKG_ROUND3, TSR_SIM_BCAST, TSR_SIM_F_FORGED, bi, 0, buf, len);
        }
    } else {
        tsr_sim_cpu_start(d->s, pp->party);
        rc = tsr_dkg_round3_encode(buf, TSR_DKG_ROUND3_MAX_BYTES, &len, pp->r3);
        tsr_sim_cpu_stop(d->s, pp->party);
        if (rc == TSR_OK) {
            (void)tsr_sim_dkg_out_add(d, pp, TSR_MSG_DKG_ROUND3, TSR_SIM_BCAST, 0, -1, 0, buf, len);
        }
    }
    if (rc != TSR_OK) {
        tsr_sim_dkg_stop(d, pp, "its round-3 message does not encode");
    }
out:
    if (sh != NULL) {
        tsr_memzero(sh, (ns + 1) * sizeof *sh);
        free(sh);
    }
    if (fm != NULL) {
        tsr_memzero(fm, sizeof *fm);
        free(fm);
    }
    if (buf != NULL) {
        tsr_memzero(buf, TSR_DKG_ROUND3_MAX_BYTES);
        free(buf);
    }
    free(bc);
    free(ie);
    free(is);
}

/* ---- round 4 and 5: certificates, or complaints resolved ------------------------------------- */

/* Decodes pp's round-3 inbox and runs tsr_dkg_round4: done (result taken), or its round-4
 * message queued. */
static void tsr_sim_dkg_proc3(tsr_sim_dkg *d, tsr_sim_dkg_party *pp) {
    tsr_sim_dkg_in *in = NULL;
    tsr_dkg_round3_msg *msgs = NULL;
    uint8_t *buf = NULL;
    size_t nin = 0, cnt = 1, i, nb = 0, len = 0;
    int failed = 0, rc, done = 0;

    if (tsr_sim_dkg_gather(d, pp, TSR_MSG_DKG_ROUND3, &in, &nin, &failed) != 0) {
        return;
    }
    msgs = calloc(nin + 1, sizeof *msgs);
    buf = malloc(TSR_DKG_ROUND4_MAX_BYTES);
    if (msgs == NULL || buf == NULL) {
        d->failed = 1;
        goto out;
    }
    msgs[0] = *pp->r3;
    for (i = 0; i < nin; i++) {
        tsr_check reason = TSR_CHECK_NONE;
        tsr_sim_cpu_start(d->s, pp->party);
        rc = tsr_dkg_round3_decode(&msgs[cnt], in[i].pid, in[i].pl, in[i].len, &reason);
        tsr_sim_cpu_stop(d->s, pp->party);
        if (rc != TSR_OK) {
            tsr_sim_dkg_link_blame(d, pp, in[i].from, reason != TSR_CHECK_NONE ? (int)reason : (int)TSR_CHECK_LENGTH);
            failed = 1;
            continue;
        }
        cnt++;
    }
    if (failed) {
        tsr_sim_dkg_stop(d, pp, "a round-3 message failed to open or decode");
        goto out;
    }
    tsr_sim_cpu_start(d->s, pp->party);
    rc = tsr_dkg_round4(d->ctx, pp->st, pp->r4, &done, d->blames, TSR_SIM_DKG_NBLAMES, &nb, msgs, cnt);
    if (rc == TSR_OK && done) {
        rc = tsr_dkg_result(pp->st, &pp->share, pp->pub);
    } else if (rc == TSR_OK) {
        rc = tsr_dkg_round4_encode(buf, TSR_DKG_ROUND4_MAX_BYTES, &len, pp->r4);
    }
    tsr_sim_cpu_stop(d->s, pp->party);
    tsr_sim_dkg_ref_blames(d, pp, nb);
    if (rc != TSR_OK) {
        tsr_sim_dkg_stop(d, pp, done ? "no result after round 4" : "its round-3 checks failed");
        goto out;
    }
    if (done) {
        pp->done = 1;
        pp->has_result = 1;
        tsr_sim_secret_scalar(d->s, &pp->share);
    } else {
        pp->complained = 1;
        (void)tsr_sim_dkg_out_add(d, pp, TSR_MSG_DKG_ROUND4, TSR_SIM_BCAST, 0, -1, 0, buf, len);
    }
out:
    if (buf != NULL) {
        tsr_memzero(buf, TSR_DKG_ROUND4_MAX_BYTES);
        free(buf);
    }
    free(msgs);
    free(in);
}

/* After complaints: decodes pp's round-4 inbox and runs tsr_dkg_round5 (always a failed run). */
static void tsr_sim_dkg_proc4(tsr_sim_dkg *d, tsr_sim_dkg_party *pp) {
    tsr_sim_dkg_in *in = NULL;
    tsr_dkg_round4_msg *msgs = NULL;
    size_t nin = 0, cnt = 1, i, nb = 0;
    int failed = 0, rc;

    if (tsr_sim_dkg_gather(d, pp, TSR_MSG_DKG_ROUND4, &in, &nin, &failed) != 0) {
        return;
    }
    msgs = calloc(nin + 1, sizeof *msgs);
    if (msgs == NULL) {
        d->failed = 1;
        goto out;
    }
    msgs[0] = *pp->r4;
    for (i = 0; i < nin; i++) {
        tsr_check reason = TSR_CHECK_NONE;
        tsr_sim_cpu_start(d->s, pp->party);
        rc = tsr_dkg_round4_decode(&msgs[cnt], in[i].pid, in[i].pl, in[i].len, &reason);
        tsr_sim_cpu_stop(d->s, pp->party);
        if (rc != TSR_OK) {
            tsr_sim_dkg_link_blame(d, pp, in[i].from, reason != TSR_CHECK_NONE ? (int)reason : (int)TSR_CHECK_LENGTH);
            failed = 1;
            continue;
        }
        cnt++;
    }
    if (failed) {
        tsr_sim_dkg_stop(d, pp, "a round-4 message failed to open or decode");
        goto out;
    }
    tsr_sim_cpu_start(d->s, pp->party);
    rc = tsr_dkg_round5(d->ctx, pp->st, d->blames, TSR_SIM_DKG_NBLAMES, &nb, msgs, cnt);
    tsr_sim_cpu_stop(d->s, pp->party);
    tsr_sim_dkg_ref_blames(d, pp, nb);
    (void)rc; /* round 5 always ends the run (TSR_ERR_VERIFY with the verdicts) */
    tsr_sim_dkg_stop(d, pp, "complaints were resolved: no key after a complaint");
out:
    if (msgs != NULL) {
        tsr_memzero(msgs, (nin + 1) * sizeof *msgs);
        free(msgs);
    }
    free(in);
}

/* ---- the run ------------------------------------------------------------------------------------ */

/* Success when every honest party of the roster has a result and they agree on the group key:
 * keys filled (every party with that result keyed, corrupt ones that behaved included). Else the
 * parties to exclude from the next run. Returns 1 or 0. */
static int tsr_sim_dkg_finish(tsr_sim_dkg *d, tsr_sim_keys *keys, uint32_t *excluded, size_t *nexcluded) {
    tsr_sim_result *res = tsr_sim_result_mut(d->s);
    const tsr_sim_runrec *rec = tsr_sim_run_find(d->s, d->step, d->run);
    const tsr_sim_dkg_party *first = NULL;
    uint8_t gk[33], g[33];
    size_t k, nkeyed = 0;
    uint32_t p;
    int ok = 1;

    for (k = 0; k < d->n; k++) {
        const tsr_sim_dkg_party *pp = &d->p[k];
        if (pp->corrupt) {
            continue;
        }
        if (!pp->has_result || tsr_point_encode(d->ctx, g, &pp->pub->group_key) != TSR_OK) {
            ok = 0;
        } else if (first == NULL) {
            first = pp;
            memcpy(gk, g, 33);
        } else if (memcmp(g, gk, 33) != 0) {
            ok = 0;
        }
    }
    if (ok && first != NULL) {
        keys->ok = 1;
        keys->suite = d->suite;
        keys->n = d->n;
        keys->t = d->t;
        memcpy(keys->roster, d->roster, d->n * sizeof d->roster[0]);
        keys->group_key = first->pub->group_key;
        for (k = 0; k < d->n; k++) {
            keys->vshares[k] = first->pub->vshares[k];
        }
        for (k = 0; k < d->n; k++) {
            const tsr_sim_dkg_party *pp = &d->p[k];
            if (!pp->has_result || tsr_point_encode(d->ctx, g, &pp->pub->group_key) != TSR_OK ||
                memcmp(g, gk, 33) != 0) {
                continue;
            }
            if (tsr_frost_keypkg_set(d->ctx, &keys->pkg[pp->party], d->suite, pp->pid, &pp->share,
                                     &first->pub->vshares[k], &first->pub->group_key) != TSR_OK) {
                continue;
            }
            res->party[pp->party].has_key = 1;
            memcpy(res->party[pp->party].group_key, gk, 33);
            res->party[pp->party].outcome = 0; /* an abort of an earlier run no longer holds: later steps decide */
            nkeyed++;
        }
        if (nkeyed < d->n) {
            tsr_sim_event_add(d->s, TSR_SIM_EV_NOTE, TSR_SIM_COORD, TSR_CULPRIT_NONE, TSR_PHASE_KEYGEN, 0,
                              "dkg run %u: %lu of %lu parties hold a key", (unsigned)d->run + 1, (unsigned long)nkeyed,
                              (unsigned long)d->n);
        }
        return 1;
    }
    for (p = 1; p < TSR_SIM_NPARTIES; p++) {
        if (tsr_sim_pid(d->s, p) != 0 && (d->excluded[p] || (rec != NULL && rec->excluded[p]))) {
            excluded[(*nexcluded)++] = p;
        }
    }
    return 0; /* the engine logs the outcome and the re-run */
}

static void tsr_sim_dkg_free(tsr_sim_dkg *d) {
    size_t k;
    if (d->p != NULL) {
        for (k = 0; k < d->n; k++) {
            tsr_sim_dkg_party *pp = &d->p[k];
            if (pp->st != NULL) {
                tsr_dkg_state_clear(pp->st);
                free(pp->st);
            }
            tsr_sim_dkg_out_clear(pp);
            free(pp->out);
            free(pp->r1);
            if (pp->r3 != NULL) {
                tsr_memzero(pp->r3, sizeof *pp->r3);
                free(pp->r3);
            }
            if (pp->r4 != NULL) {
                tsr_memzero(pp->r4, sizeof *pp->r4);
                free(pp->r4);
            }
            free(pp->pub);
            tsr_scalar_clear(&pp->share);
        }
        free(d->p);
    }
    if (d->secp != NULL) {
        secp256k1_context_destroy(d->secp);
    }
    tsr_memzero(d, sizeof *d);
    free(d);
}

/* Sets up party k (protocol id k + 1): state, tsr_dkg_init with its randomness. Returns 0 or -1. */
static int tsr_sim_dkg_party_init(tsr_sim_dkg *d, size_t k) {
    tsr_sim_dkg_party *pp = &d->p[k];
    size_t rlen = 64 * d->t + 64, c;
    uint8_t *rnd;
    int rc;
    pp->party = d->roster[k];
    pp->pid = (uint32_t)(k + 1);
    pp->corrupt = tsr_sim_is_corrupt(d->s, pp->party);
    tsr_scalar_set_u32(&pp->share, 0);
    pp->st = calloc(1, sizeof *pp->st);
    pp->r1 = calloc(1, sizeof *pp->r1);
    pp->r3 = calloc(1, sizeof *pp->r3);
    pp->r4 = calloc(1, sizeof *pp->r4);
    pp->pub = calloc(1, sizeof *pp->pub);
    rnd = malloc(rlen);
    if (pp->st == NULL || pp->r1 == NULL || pp->r3 == NULL || pp->r4 == NULL || pp->pub == NULL || rnd == NULL) {
        free(rnd);
        return -1;
    }
    pp->active = 1;
    tsr_sim_rand(d->s, pp->party, rnd, rlen);
    tsr_sim_cpu_start(d->s, pp->party);
    rc = tsr_dkg_init(d->ctx, pp->st, d->suite, d->session, pp->pid, d->t, d->n, NULL, rnd, rlen);
    tsr_sim_cpu_stop(d->s, pp->party);
    tsr_memzero(rnd, rlen);
    free(rnd);
    if (rc != TSR_OK) {
        tsr_sim_dkg_stop(d, pp, "tsr_dkg_init failed");
        return 0;
    }
    for (c = 0; c < d->t; c++) {
        tsr_sim_secret_scalar(d->s, &pp->st->f.a[c]);
    }
    tsr_sim_secret(d->s, pp->st->cert_aux, sizeof pp->st->cert_aux);
    return 0;
}

/* Runs fn on every active party that has not crashed, in ascending protocol id order. */
static void tsr_sim_dkg_each(tsr_sim_dkg *d, void (*fn)(tsr_sim_dkg *, tsr_sim_dkg_party *), int only_complained) {
    size_t k;
    for (k = 0; k < d->n && !d->failed; k++) {
        tsr_sim_dkg_party *pp = &d->p[k];
        if (!pp->active) {
            continue;
        }
        if (!tsr_sim_alive(d->s, pp->party)) {
            pp->active = 0; /* crashed (the engine withholds everything it sends) */
            tsr_sim_dkg_out_clear(pp);
            continue;
        }
        if (!only_complained || pp->complained) {
            fn(d, pp);
        }
    }
}

int tsr_sim_dkg_run(tsr_sim *s, tsr_sim_keys *keys, uint32_t *excluded, size_t *nexcluded, const uint32_t *roster,
                    size_t n, size_t t, uint16_t run) {
    tsr_sim_dkg *d;
    size_t k;
    int ret = -1, r4 = 0;

    if (nexcluded != NULL) {
        *nexcluded = 0;
    }
    if (s == NULL || keys == NULL || excluded == NULL || nexcluded == NULL || roster == NULL || n < 1 ||
        n > TSR_MAX_PARTIES || t < 1 || t > n) {
        return -1;
    }
    for (k = 0; k < TSR_SIM_NPARTIES; k++) {
        tsr_frost_keypkg_clear(&keys->pkg[k]);
    }
    tsr_memzero(keys, sizeof *keys);
    d = calloc(1, sizeof *d);
    if (d == NULL) {
        return -1;
    }
    d->s = s;
    d->ctx = tsr_sim_ctx(s);
    d->suite = tsr_sim_cfg(s)->suite;
    d->n = n;
    d->t = t;
    d->run = run;
    d->step = tsr_sim_cur_step(s);
    memcpy(d->roster, roster, n * sizeof roster[0]);
    tsr_sim_session_id(s, d->step, run, d->session);
    tsr_sim_run_begin(s, "dkg", roster, n, d->session);
    d->p = calloc(n, sizeof *d->p);
    if (d->p == NULL) {
        goto out;
    }
    for (k = 0; k < n; k++) {
        if (tsr_sim_dkg_party_init(d, k) != 0) {
            goto out;
        }
    }
    tsr_sim_dkg_round1(d);
    tsr_sim_dkg_each(d, tsr_sim_dkg_proc1, 0);
    tsr_sim_dkg_flush(d, 2);
    tsr_sim_dkg_each(d, tsr_sim_dkg_proc2, 0);
    tsr_sim_dkg_flush(d, 3);
    tsr_sim_dkg_each(d, tsr_sim_dkg_proc3, 0);
    for (k = 0; k < n; k++) {
        r4 |= d->p[k].active && d->p[k].complained;
    }
    if (r4) {
        /* Someone complained: every party that saw the complaints sends its openings (maybe none). */
        tsr_sim_dkg_flush(d, 4);
        tsr_sim_dkg_each(d, tsr_sim_dkg_proc4, 1);
    }
    if (d->failed) {
        goto out;
    }
    ret = tsr_sim_dkg_finish(d, keys, excluded, nexcluded);
out:
    tsr_sim_dkg_free(d);
    return ret;
}
