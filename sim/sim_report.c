/* Reports of one simulated ceremony: the deterministic readable transcript (golden files compare
 * it byte for byte: no times, no pointers, no secrets) and the JSON report (jansson, sorted keys),
 * plus the CPU calibration S the report's ratios use. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

#include "sim.h"
#include "sim_internal.h"
#include "sim_plot.h"
#include "tessera/hash.h"

/* ==== calibration ============================================================================== */

static int tsr_rep_cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : (x > y ? 1 : 0);
}

double tsr_sim_calibrate_s(void) {
    /* a fixed, public test key (not any party's secret) */
    static const uint8_t sk[32] = {0x54, 0x45, 0x53, 0x53, 0x45, 0x52, 0x41, 0x2d, 0x53, 0x49, 0x4d,
                                   0x2d, 0x43, 0x41, 0x4c, 0x49, 0x42, 0x52, 0x41, 0x54, 0x45, 0x01};
    enum { N = 200 };
    double t[N];
    secp256k1_context *ctx;
    secp256k1_keypair kp;
    uint8_t msg[32] = {0}, sig[64];
    int i, ok = 1;
    double med;

    ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    if (ctx == NULL) {
        return 0.0;
    }
    if (!secp256k1_keypair_create(ctx, &kp, sk)) {
        secp256k1_context_destroy(ctx);
        return 0.0;
    }
    for (i = 0; i < N && ok; i++) {
        struct timespec a, b;
        msg[0] = (uint8_t)i;
        msg[1] = (uint8_t)(i >> 8);
        ok = clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a) == 0;
        ok = ok && secp256k1_schnorrsig_sign32(ctx, sig, msg, &kp, NULL) == 1;
        ok = ok && clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b) == 0;
        t[i] = (double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec);
    }
    secp256k1_context_destroy(ctx);
    if (!ok) {
        return 0.0;
    }
    qsort(t, N, sizeof t[0], tsr_rep_cmp_double);
    med = (t[N / 2 - 1] + t[N / 2]) / 2.0;
    return med > 0.0 ? med : 0.0;
}

/* ==== shared helpers =========================================================================== */

static const char *tsr_rep_suite(uint8_t suite) {
    return suite == TSR_SUITE_SECP256K1_TR ? "secp256k1-tr" : suite == TSR_SUITE_SECP256K1_SHA256 ? "secp256k1" : "?";
}

static const char *tsr_rep_outcome(int o) {
    return o == TSR_SIM_OUTCOME_SUCCESS ? "success" : o == TSR_SIM_OUTCOME_ABORT ? "abort" : "none";
}

static const char *tsr_rep_check(int check) {
    const char *c = tsr_sim_check_symbol(check);
    return c ? c : "?";
}

static const char *tsr_rep_msgname(uint16_t type) {
    const char *n = tsr_sim_msg_name(type);
    return n ? n : "unknown";
}

static void tsr_rep_hex(tsr_sim_buf *b, const uint8_t *p, size_t n) {
    static const char x[] = "0123456789abcdef";
    size_t i;
    for (i = 0; i < n; i++) {
        char c[2];
        c[0] = x[p[i] >> 4];
        c[1] = x[p[i] & 15];
        tsr_sim_buf_put(b, c, 2);
    }
}

/* Heap hex string of public bytes (a group key, a signature), or NULL. */
static char *tsr_rep_hexstr(const uint8_t *p, size_t n) {
    tsr_sim_buf b;
    tsr_sim_buf_init(&b);
    tsr_rep_hex(&b, p, n);
    return tsr_sim_buf_take(&b);
}


static void tsr_rep_list(tsr_sim_buf *b, const uint32_t *v, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) {
        tsr_sim_buf_printf(b, "%s%u", i ? "," : "", (unsigned)v[i]);
    }
}

/* A behaviour in words: "bad_share to 4", "mutates dkg.round1.pok_mu with flip_bits (k=3), run 0". */
static void tsr_rep_behaviour_words(tsr_sim_buf *b, const tsr_sim_behaviour *bh) {
    if (bh->strategy != TSR_SIM_S_NONE) {
        const char *nm = tsr_sim_strategy_name(bh->strategy);
        tsr_sim_buf_puts(b, nm ? nm : "?");
        if (bh->proto[0] && (bh->strategy == TSR_SIM_S_CRASH || bh->strategy == TSR_SIM_S_WITHHOLD)) {
            tsr_sim_buf_printf(b, " in %s", bh->proto);
        }
        if (bh->round) {
            tsr_sim_buf_printf(b, " at round %u", (unsigned)bh->round);
        }
        if (bh->strategy == TSR_SIM_S_TRANSPLANT) {
            tsr_sim_buf_printf(b, " from party %u", (unsigned)bh->party);
        }
        if ((bh->strategy == TSR_SIM_S_INVALID_SHARE || bh->strategy == TSR_SIM_S_THRESHOLD_RAISE) && bh->value) {
            tsr_sim_buf_printf(b, " (value %u)", (unsigned)bh->value);
        }
    } else {
        const char *mn = tsr_sim_mutator_name(bh->mutator);
        tsr_sim_buf_printf(b, "mutates %s with %s", bh->target, mn ? mn : "?");
        switch (bh->mutator) {
        case TSR_SIM_M_FLIP_BITS:
        case TSR_SIM_M_RESIZE:
        case TSR_SIM_M_OFF_CURVE:
            tsr_sim_buf_printf(b, " (k=%ld)", bh->k);
            break;
        case TSR_SIM_M_SWAP_WITH:
            tsr_sim_buf_printf(b, " (party %u)", (unsigned)bh->party);
            break;
        case TSR_SIM_M_SET:
            tsr_sim_buf_printf(b, " (%zu bytes)", bh->hexlen);
            break;
        default:
            break;
        }
    }
    if (bh->nto > 0) {
        tsr_sim_buf_puts(b, " to ");
        tsr_rep_list(b, bh->to, bh->nto);
    }
    if (bh->run >= 0) {
        tsr_sim_buf_printf(b, ", run %d only", bh->run);
    }
}

/* Behaviour bi of corrupt sender p in short: "dkg.round1.pok_mu flip_bits", "bad_share". */
static void tsr_rep_behaviour_short(tsr_sim_buf *b, const tsr_sim *s, uint32_t p, int bi) {
    int ci = tsr_sim_corrupt_index(s, p);
    const tsr_sim_behaviour *bh;
    if (ci < 0 || bi < 0 || (size_t)bi >= tsr_sim_cfg(s)->corrupt[ci].nbehaviours) {
        tsr_sim_buf_puts(b, "?");
        return;
    }
    bh = &tsr_sim_cfg(s)->corrupt[ci].b[bi];
    if (bh->strategy != TSR_SIM_S_NONE) {
        const char *nm = tsr_sim_strategy_name(bh->strategy);
        tsr_sim_buf_puts(b, nm ? nm : "?");
    } else {
        const char *mn = tsr_sim_mutator_name(bh->mutator);
        tsr_sim_buf_printf(b, "%s %s", bh->target, mn ? mn : "?");
    }
}

/* The message signature `index` signs, as printable text or hex. */
static void tsr_rep_message(tsr_sim_buf *b, const tsr_sim_config *cfg) {
    size_t i, len = cfg->msglen <= TSR_SIM_MAX_MSGLEN ? cfg->msglen : TSR_SIM_MAX_MSGLEN;
    int printable = 1;
    for (i = 0; i < len; i++) {
        printable &= cfg->msg[i] >= 0x20 && cfg->msg[i] < 0x7f && cfg->msg[i] != '"' && cfg->msg[i] != '\\';
    }
    if (printable) {
        tsr_sim_buf_put(b, "\"", 1);
        tsr_sim_buf_put(b, (const char *)cfg->msg, len);
        tsr_sim_buf_put(b, "\"", 1);
    } else {
        tsr_sim_buf_puts(b, "hex ");
        tsr_rep_hex(b, cfg->msg, len);
    }
    tsr_sim_buf_printf(b, " (%zu bytes)", len);
    if (cfg->nsign > 1) {
        tsr_sim_buf_puts(b, "; signature k signs it followed by the byte k-1");
    }
}

/* ==== transcript =============================================================================== */

static void tsr_rep_header(tsr_sim_buf *b, const tsr_sim *s) {
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    const tsr_sim_faults *f = &cfg->faults;
    size_t i, j;

    tsr_sim_buf_puts(b, "scenario: ");
    tsr_sim_buf_puts(b, cfg->name[0] ? cfg->name : "(unnamed)");
    tsr_sim_buf_puts(b, "\n");
    if (cfg->catalogue[0]) {
        tsr_sim_buf_printf(b, "catalogue: %s\n", cfg->catalogue);
    }
    if (cfg->description[0]) {
        tsr_sim_buf_printf(b, "description: %s\n", cfg->description);
    }
    tsr_sim_buf_printf(b, "seed: %llu\n", (unsigned long long)cfg->seed);
    tsr_sim_buf_printf(b, "suite: %s\n", tsr_rep_suite(cfg->suite));
    tsr_sim_buf_printf(b, "parties: n=%zu t=%zu, keys from %s, %zu signature%s%s\n", cfg->n, cfg->t,
                       cfg->keys == TSR_SIM_KEYS_DEALER ? "a trusted dealer" : "a DKG", cfg->nsign,
                       cfg->nsign == 1 ? "" : "s", cfg->weak_nonces ? ", weak nonces (canary build)" : "");
    tsr_sim_buf_puts(b, "message: ");
    tsr_rep_message(b, cfg);
    tsr_sim_buf_puts(b, "\n");
    if (cfg->nsigners > 0) {
        tsr_sim_buf_puts(b, "first signers: ");
        tsr_rep_list(b, cfg->signers, cfg->nsigners);
        tsr_sim_buf_puts(b, "\n");
    }
    if (cfg->ncorrupt == 0) {
        tsr_sim_buf_puts(b, "corrupt: none\n");
    }
    for (i = 0; i < cfg->ncorrupt && i < TSR_SIM_NPARTIES; i++) {
        const tsr_sim_corrupt *c = &cfg->corrupt[i];
        if (c->party == TSR_SIM_COORD) {
            tsr_sim_buf_puts(b, "corrupt coordinator:");
        } else {
            tsr_sim_buf_printf(b, "corrupt party %u:", (unsigned)c->party);
        }
        if (c->nbehaviours == 0) {
            tsr_sim_buf_puts(b, " (no behaviour: follows the protocol, knows its secrets)");
        }
        for (j = 0; j < c->nbehaviours && j < TSR_SIM_MAX_BEHAVIOURS; j++) {
            tsr_sim_buf_printf(b, "%s [%zu] ", j ? ";" : "", j);
            tsr_rep_behaviour_words(b, &c->b[j]);
        }
        tsr_sim_buf_puts(b, "\n");
    }
    if (f->drop == 0 && f->late == 0 && f->duplicate == 0 && f->reorder == 0 && f->nlinks == 0 &&
        f->npartitions == 0) {
        tsr_sim_buf_puts(b, "faults: none\n");
    } else {
        tsr_sim_buf_printf(b, "faults: drop %g, late %g, duplicate %g, reorder %g", f->drop, f->late, f->duplicate,
                           f->reorder);
        for (i = 0; i < f->nlinks && i < sizeof f->links / sizeof f->links[0]; i++) {
            const tsr_sim_link_faults *l = &f->links[i];
            tsr_sim_buf_puts(b, "; link ");
            if (l->from == TSR_SIM_BCAST) {
                tsr_sim_buf_puts(b, "any");
            } else {
                tsr_sim_buf_printf(b, "%u", (unsigned)l->from);
            }
            tsr_sim_buf_puts(b, " -> ");
            if (l->to == TSR_SIM_BCAST) {
                tsr_sim_buf_puts(b, "any");
            } else {
                tsr_sim_buf_printf(b, "%u", (unsigned)l->to);
            }
            tsr_sim_buf_printf(b, " drop %g late %g duplicate %g reorder %g", l->drop, l->late, l->duplicate,
                               l->reorder);
        }
        for (i = 0; i < f->npartitions && i < sizeof f->partitions / sizeof f->partitions[0]; i++) {
            int first = 1;
            tsr_sim_buf_printf(b, "; partition %s", f->partitions[i].proto[0] ? f->partitions[i].proto : "any");
            if (f->partitions[i].run >= 0) {
                tsr_sim_buf_printf(b, " run %d", f->partitions[i].run);
            }
            tsr_sim_buf_printf(b, " rounds %u-%u side {", (unsigned)f->partitions[i].round_from,
                               (unsigned)f->partitions[i].round_to);
            for (j = 0; j < TSR_SIM_NPARTIES; j++) {
                if (f->partitions[i].side_a[j]) {
                    tsr_sim_buf_printf(b, "%s%zu", first ? "" : ",", j);
                    first = 0;
                }
            }
            tsr_sim_buf_puts(b, "}");
        }
        tsr_sim_buf_puts(b, "\n");
    }
}

/* "== keygen run 1: dkg over parties 1,2,3,4,5 (t=3) ==" */
static void tsr_rep_run_title(tsr_sim_buf *b, const tsr_sim *s, uint16_t step, uint16_t run) {
    const tsr_sim_runrec *rr = tsr_sim_run_find(s, step, run);
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    if (step == 0) {
        tsr_sim_buf_printf(b, "== keygen run %u: ", (unsigned)run + 1);
    } else {
        tsr_sim_buf_printf(b, "== signature %u attempt %u: ", (unsigned)step, (unsigned)run + 1);
    }
    if (rr == NULL) {
        tsr_sim_buf_puts(b, "? ==\n");
        return;
    }
    tsr_sim_buf_printf(b, "%s over parties ", rr->proto);
    tsr_rep_list(b, rr->roster, rr->n);
    tsr_sim_buf_printf(b, " (t=%zu%s) ==\n", cfg->t, step > 0 ? ", coordinator 0" : "");
}

/* Writes an event's text, prefixed with its actor unless the text names it already. */
static void tsr_rep_event_text(tsr_sim_buf *b, const tsr_sim_event *e) {
    char who[32];
    size_t tl = strnlen(e->text, sizeof e->text);
    if (e->kind != TSR_SIM_EV_OUTCOME && strncmp(e->text, "party ", 6) != 0 && strncmp(e->text, "the coordinator", 15) != 0 &&
        strncmp(e->text, "coordinator", 11) != 0 && strncmp(e->text, "dealer", 6) != 0) {
        if (e->party == TSR_SIM_COORD) {
            snprintf(who, sizeof who, "coordinator");
        } else {
            snprintf(who, sizeof who, "party %u", (unsigned)e->party);
        }
        /* refusals are verb phrases ("refuses to sign: ..."), the rest stand alone */
        tsr_sim_buf_printf(b, e->kind == TSR_SIM_EV_REFUSE ? "%s " : "%s: ", who);
    }
    tsr_sim_buf_put(b, e->text, tl);
}

static void tsr_rep_event(tsr_sim_buf *b, const tsr_sim *s, size_t i) {
    const tsr_sim_event *e = tsr_sim_event_at(s, i);
    const char *mark;
    switch (e->kind) {
    case TSR_SIM_EV_RUN:
        tsr_rep_run_title(b, s, e->step, e->run);
        return;
    case TSR_SIM_EV_BLAME: mark = "!"; break;
    case TSR_SIM_EV_UNRESPONSIVE: mark = "?"; break;
    case TSR_SIM_EV_REFUSE: mark = "x"; break;
    case TSR_SIM_EV_OUTCOME: mark = "="; break;
    case TSR_SIM_EV_SIGNATURE: mark = "*"; break;
    case TSR_SIM_EV_ADVERSARY: mark = "~"; break;
    default: mark = "#"; break;
    }
    tsr_sim_buf_printf(b, "   %s ", mark);
    tsr_rep_event_text(b, e);
    tsr_sim_buf_puts(b, "\n");
}

#define TSR_REP_FAULTS (TSR_SIM_F_DROPPED | TSR_SIM_F_LATE | TSR_SIM_F_DUPLICATE | TSR_SIM_F_REORDERED | \
                        TSR_SIM_F_PARTITIONED | TSR_SIM_F_WITHHELD | TSR_SIM_F_MUTATED | TSR_SIM_F_FORGED |  \
                        TSR_SIM_F_REPLAYED)

static void tsr_rep_flags(tsr_sim_buf *b, const tsr_sim *s, const tsr_sim_msg *m) {
    int said = 0;
    static const struct {
        uint32_t f;
        const char *word;
    } cheat[] = {{TSR_SIM_F_MUTATED, "mutated"},
                 {TSR_SIM_F_FORGED, "forged"},
                 {TSR_SIM_F_REPLAYED, "replayed"},
                 {TSR_SIM_F_WITHHELD, "withheld"}},
      net[] = {{TSR_SIM_F_DROPPED, "dropped"},     {TSR_SIM_F_LATE, "late"},
               {TSR_SIM_F_PARTITIONED, "partitioned"}, {TSR_SIM_F_DUPLICATE, "duplicate"},
               {TSR_SIM_F_REORDERED, "reordered"}};
    size_t i;
    for (i = 0; i < sizeof cheat / sizeof cheat[0]; i++) {
        if (!(m->flags & cheat[i].f)) {
            continue;
        }
        tsr_sim_buf_printf(b, " [%s", cheat[i].word);
        if (m->behaviour >= 0 && !said) {
            tsr_sim_buf_printf(b, " by behaviour %d: ", m->behaviour);
            tsr_rep_behaviour_short(b, s, m->from, m->behaviour);
            said = 1;
        }
        tsr_sim_buf_puts(b, "]");
    }
    for (i = 0; i < sizeof net / sizeof net[0]; i++) {
        if (m->flags & net[i].f) {
            tsr_sim_buf_printf(b, " [%s]", net[i].word);
        }
    }
}

static void tsr_rep_msg_line(tsr_sim_buf *b, const tsr_sim *s, const tsr_sim_msg *m, int all) {
    char dg[9], from[16], to[16];
    tsr_sim_digest(dg, m->frame, m->len);
    snprintf(from, sizeof from, "%u", (unsigned)m->from);
    if (all) {
        snprintf(to, sizeof to, "all");
    } else {
        snprintf(to, sizeof to, "%u", (unsigned)m->to);
    }
    tsr_sim_buf_printf(b, "  r%-2u %3s -> %-3s  %-17s %5zu B  #%s", (unsigned)m->round, from, to,
                       tsr_rep_msgname(m->type), m->len, dg);
    if (!all) {
        tsr_rep_flags(b, s, m);
    }
    tsr_sim_buf_puts(b, "\n");
}

/* 1 if messages a and b are copies of one broadcast (same run, round, sender and type). */
static int tsr_rep_same_bcast(const tsr_sim_msg *a, const tsr_sim_msg *b) {
    return (b->flags & TSR_SIM_F_BCAST) && a->step == b->step && a->run == b->run && a->round == b->round &&
           a->from == b->from && a->type == b->type;
}

/* Who blamed sim party p (honest judges only), "1 (FELDMAN), 3 (unresponsive)", at most 8
 * distinct (judge, kind, check) entries shown. */
static void tsr_rep_blamed_by(tsr_sim_buf *b, const tsr_sim *s, uint32_t p) {
    static uint64_t seen[TSR_SIM_NPARTIES][2]; /* by judge and kind: bit check */
    size_t i, ne = tsr_sim_nevents(s), shown = 0, more = 0;
    memset(seen, 0, sizeof seen);
    for (i = 0; i < ne; i++) {
        const tsr_sim_event *e = tsr_sim_event_at(s, i);
        uint32_t c = e->culprit == TSR_CULPRIT_COORDINATOR ? TSR_SIM_COORD : e->culprit;
        int kind = e->kind == TSR_SIM_EV_UNRESPONSIVE;
        uint64_t bit = (uint64_t)1 << (e->check < 63 ? e->check : 63);
        if ((e->kind != TSR_SIM_EV_BLAME && e->kind != TSR_SIM_EV_UNRESPONSIVE) || e->culprit == TSR_CULPRIT_NONE ||
            c != p || e->party >= TSR_SIM_NPARTIES || tsr_sim_corrupt_index(s, e->party) >= 0) {
            continue;
        }
        if (seen[e->party][kind] & bit) {
            continue;
        }
        seen[e->party][kind] |= bit;
        if (shown == 8) {
            more++;
            continue;
        }
        if (e->party == TSR_SIM_COORD) {
            tsr_sim_buf_printf(b, "%scoordinator (%s)", shown ? ", " : ", blamed by ",
                               kind ? "unresponsive" : tsr_rep_check(e->check));
        } else {
            tsr_sim_buf_printf(b, "%s%u (%s)", shown ? ", " : ", blamed by ", (unsigned)e->party,
                               kind ? "unresponsive" : tsr_rep_check(e->check));
        }
        shown++;
    }
    if (more) {
        tsr_sim_buf_printf(b, " and %zu more", more);
    }
}

static void tsr_rep_oracle_lines(tsr_sim_buf *b, const tsr_sim_result *res) {
    int p;
    tsr_sim_buf_puts(b, "oracle:");
    for (p = 0; p < TSR_SIM_P__COUNT; p++) {
        const tsr_sim_verdict *v = &res->oracle[p];
        const char *word = !v->checked ? (p == TSR_SIM_P_NO_LEAK ? "pending" : "n/a") : v->ok ? "ok" : "FAIL";
        tsr_sim_buf_printf(b, "%s %s %s", p ? "," : "", tsr_sim_property_name(p), word);
    }
    tsr_sim_buf_puts(b, "\n");
    for (p = 0; p < TSR_SIM_P__COUNT; p++) {
        const tsr_sim_verdict *v = &res->oracle[p];
        if (v->detail[0]) {
            tsr_sim_buf_printf(b, "  %s: %.*s\n", tsr_sim_property_name(p), (int)sizeof v->detail, v->detail);
        }
    }
}

static void tsr_rep_summary(tsr_sim_buf *b, const tsr_sim *s) {
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    const tsr_sim_result *res = tsr_sim_result_get(s);
    size_t k;
    uint32_t p;

    tsr_sim_buf_puts(b, "== result ==\n");
    tsr_sim_buf_printf(b, "outcome: %s\n", tsr_rep_outcome(res->outcome));
    if (cfg->keys == TSR_SIM_KEYS_DEALER) {
        tsr_sim_buf_puts(b, "keygen: trusted dealer\n");
    } else {
        tsr_sim_buf_printf(b, "keygen: %zu DKG run%s\n", res->keygen_runs, res->keygen_runs == 1 ? "" : "s");
    }
    if (res->has_group_key) {
        tsr_sim_buf_puts(b, "group key: ");
        tsr_rep_hex(b, res->group_key, 33);
        tsr_sim_buf_puts(b, "\n");
    } else {
        tsr_sim_buf_puts(b, "group key: none\n");
    }
    for (k = 0; k < cfg->nsign && k < TSR_SIM_MAX_STEPS; k++) {
        size_t a = res->sign_attempts[k];
        tsr_sim_buf_printf(b, "signature %zu: ", k + 1);
        if (res->siglen[k] > 0) {
            tsr_sim_buf_printf(b, "%zu attempt%s, %s, ", a, a == 1 ? "" : "s",
                               res->sig_verified[k] ? "verified" : "NOT VERIFIED");
            tsr_rep_hex(b, res->sig[k], res->siglen[k]);
            tsr_sim_buf_puts(b, "\n");
        } else if (a > 0) {
            tsr_sim_buf_printf(b, "none after %zu attempt%s\n", a, a == 1 ? "" : "s");
        } else {
            tsr_sim_buf_puts(b, "not attempted\n");
        }
    }
    for (p = 0; p <= cfg->n && p < TSR_SIM_NPARTIES; p++) {
        const tsr_sim_party_result *pr = &res->party[p];
        int corrupt = tsr_sim_corrupt_index(s, p) >= 0;
        if (!pr->present && !(p == TSR_SIM_COORD && pr->msgs_sent > 0)) {
            continue;
        }
        if (p == TSR_SIM_COORD) {
            tsr_sim_buf_printf(b, "coordinator: %s", corrupt ? "corrupt" : "honest");
        } else {
            tsr_sim_buf_printf(b, "party %u: %s, %s, %zu signature%s", (unsigned)p, corrupt ? "corrupt" : "honest",
                               pr->has_key ? "holds the key" : "no key", pr->nsigs, pr->nsigs == 1 ? "" : "s");
        }
        tsr_sim_buf_printf(b, ", %zu message%s %zu B", pr->msgs_sent, pr->msgs_sent == 1 ? "" : "s", pr->bytes_sent);
        if (pr->fault_affected) {
            tsr_sim_buf_puts(b, ", fault-affected");
        }
        if (tsr_sim_crashed(s, p)) {
            tsr_sim_buf_puts(b, ", crashed");
        }
        tsr_rep_blamed_by(b, s, p);
        tsr_sim_buf_puts(b, "\n");
    }
    tsr_rep_oracle_lines(b, res);
    if (!cfg->expect.set) {
        tsr_sim_buf_puts(b, "expect: none given\n");
    } else {
        tsr_sim_buf_printf(b, "expect: %s: %.*s\n", res->expect_ok ? "ok" : "FAILED", (int)sizeof res->expect_detail,
                           res->expect_detail);
    }
}

char *tsr_sim_transcript(const tsr_sim *s, int verbose) {
    tsr_sim_buf b;
    size_t nm = tsr_sim_nmsgs(s), ne = tsr_sim_nevents(s), i, j, ei = 0;
    uint8_t *done = calloc(nm ? nm : 1, 1);

    if (done == NULL) {
        return NULL;
    }
    tsr_sim_buf_init(&b);
    tsr_rep_header(&b, s);
    for (i = 0; i < nm; i++) {
        const tsr_sim_msg *m = tsr_sim_msg_at(s, i);
        int collapse;
        while (ei < ne && tsr_sim_event_pos(s, ei) <= i) {
            tsr_rep_event(&b, s, ei++);
        }
        if (done[i]) {
            continue;
        }
        if (!(m->flags & TSR_SIM_F_BCAST)) {
            tsr_rep_msg_line(&b, s, m, 0);
            done[i] = 1;
            continue;
        }
        /* a broadcast: its copies are in this round's stretch of the timeline */
        collapse = !verbose;
        for (j = i; j < nm; j++) {
            const tsr_sim_msg *o = tsr_sim_msg_at(s, j);
            if (o->step != m->step || o->run != m->run || o->round != m->round) {
                break;
            }
            if (done[j] || !tsr_rep_same_bcast(m, o)) {
                continue;
            }
            if ((o->flags & TSR_REP_FAULTS) || o->len != m->len || memcmp(o->frame, m->frame, m->len) != 0) {
                collapse = 0;
            }
        }
        if (collapse) {
            tsr_rep_msg_line(&b, s, m, 1);
        }
        for (j = i; j < nm; j++) {
            const tsr_sim_msg *o = tsr_sim_msg_at(s, j);
            if (o->step != m->step || o->run != m->run || o->round != m->round) {
                break;
            }
            if (done[j] || !tsr_rep_same_bcast(m, o)) {
                continue;
            }
            if (!collapse) {
                tsr_rep_msg_line(&b, s, o, 0);
            }
            done[j] = 1;
        }
    }
    while (ei < ne) {
        tsr_rep_event(&b, s, ei++);
    }
    free(done);
    tsr_rep_summary(&b, s);
    return tsr_sim_buf_take(&b);
}

/* ==== JSON report ============================================================================== */

/* S for the CPU ratios: measured once per process, the first time a timed report is written. */
static double tsr_rep_s_ns(void) {
    static double s_ns = -1.0;
    if (s_ns < 0.0) {
        s_ns = tsr_sim_calibrate_s();
    }
    return s_ns;
}

static json_t *tsr_rep_jhex(const uint8_t *p, size_t n) {
    char *h = tsr_rep_hexstr(p, n);
    json_t *j = h ? json_string(h) : NULL;
    free(h);
    return j;
}

static json_t *tsr_rep_jparty(uint32_t culprit) {
    if (culprit == TSR_CULPRIT_NONE) {
        return json_null();
    }
    return json_integer(culprit == TSR_CULPRIT_COORDINATOR ? 0 : (json_int_t)culprit);
}

static const char *tsr_rep_kind(int kind) {
    switch (kind) {
    case TSR_SIM_EV_NOTE: return "note";
    case TSR_SIM_EV_RUN: return "run";
    case TSR_SIM_EV_BLAME: return "blame";
    case TSR_SIM_EV_UNRESPONSIVE: return "unresponsive";
    case TSR_SIM_EV_REFUSE: return "refuse";
    case TSR_SIM_EV_OUTCOME: return "outcome";
    case TSR_SIM_EV_SIGNATURE: return "signature";
    case TSR_SIM_EV_ADVERSARY: return "adversary";
    default: return "?";
    }
}

static json_t *tsr_rep_jplist(const uint32_t *v, size_t n) {
    json_t *a = json_array();
    size_t i;
    for (i = 0; a != NULL && i < n; i++) {
        json_array_append_new(a, json_integer((json_int_t)v[i]));
    }
    return a;
}

static json_t *tsr_rep_jscenario(const tsr_sim *s) {
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    json_t *o = json_object(), *cor = json_array(), *fa = json_object();
    size_t i, j;
    size_t ml = cfg->msglen <= TSR_SIM_MAX_MSGLEN ? cfg->msglen : TSR_SIM_MAX_MSGLEN;

    json_object_set_new(o, "name", json_string(cfg->name));
    json_object_set_new(o, "catalogue", json_string(cfg->catalogue));
    json_object_set_new(o, "description", json_string(cfg->description));
    if (cfg->seed <= (uint64_t)INT64_MAX) {
        json_object_set_new(o, "seed", json_integer((json_int_t)cfg->seed));
    } else {
        char sd[32];
        snprintf(sd, sizeof sd, "%llu", (unsigned long long)cfg->seed);
        json_object_set_new(o, "seed", json_string(sd));
    }
    json_object_set_new(o, "suite", json_string(tsr_rep_suite(cfg->suite)));
    json_object_set_new(o, "n", json_integer((json_int_t)cfg->n));
    json_object_set_new(o, "t", json_integer((json_int_t)cfg->t));
    json_object_set_new(o, "keys", json_string(cfg->keys == TSR_SIM_KEYS_DEALER ? "dealer" : "dkg"));
    json_object_set_new(o, "sign", json_integer((json_int_t)cfg->nsign));
    json_object_set_new(o, "message_hex", tsr_rep_jhex(cfg->msg, ml));
    json_object_set_new(o, "weak_nonces", json_boolean(cfg->weak_nonces));
    for (i = 0; i < cfg->ncorrupt && i < TSR_SIM_NPARTIES; i++) {
        json_t *c = json_object(), *bs = json_array();
        for (j = 0; j < cfg->corrupt[i].nbehaviours && j < TSR_SIM_MAX_BEHAVIOURS; j++) {
            tsr_sim_buf wb;
            char *w;
            tsr_sim_buf_init(&wb);
            tsr_rep_behaviour_words(&wb, &cfg->corrupt[i].b[j]);
            w = tsr_sim_buf_take(&wb);
            json_array_append_new(bs, w ? json_string(w) : json_null());
            free(w);
        }
        json_object_set_new(c, "party", json_integer((json_int_t)cfg->corrupt[i].party));
        json_object_set_new(c, "behaviours", bs);
        json_array_append_new(cor, c);
    }
    json_object_set_new(o, "corrupt", cor);
    json_object_set_new(fa, "drop", json_real(cfg->faults.drop));
    json_object_set_new(fa, "late", json_real(cfg->faults.late));
    json_object_set_new(fa, "duplicate", json_real(cfg->faults.duplicate));
    json_object_set_new(fa, "reorder", json_real(cfg->faults.reorder));
    json_object_set_new(fa, "links", json_integer((json_int_t)cfg->faults.nlinks));
    json_object_set_new(fa, "partitions", json_integer((json_int_t)cfg->faults.npartitions));
    json_object_set_new(o, "faults", fa);
    return o;
}

/* A blame record for a party's blames_made / blamed_by lists. */
static json_t *tsr_rep_jblame(const tsr_sim_event *e, const char *who_key, json_t *who) {
    json_t *o = json_object();
    json_object_set_new(o, who_key, who);
    json_object_set_new(o, "kind", json_string(e->kind == TSR_SIM_EV_BLAME ? "malicious" : "unresponsive"));
    json_object_set_new(o, "check", json_string(tsr_rep_check(e->check)));
    json_object_set_new(o, "step", json_integer(e->step));
    json_object_set_new(o, "run", json_integer(e->run));
    json_object_set_new(o, "round", json_integer(e->round));
    return o;
}

static double tsr_rep_ms(const tsr_sim_config *cfg, uint64_t ns) {
    return cfg->no_timing ? 0.0 : (double)ns / 1e6;
}

static json_t *tsr_rep_jparties(const tsr_sim *s, double s_ns) {
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    const tsr_sim_result *res = tsr_sim_result_get(s);
    json_t *arr = json_array();
    size_t ne = tsr_sim_nevents(s), i, k;
    uint32_t p;

    for (p = 0; p <= cfg->n && p < TSR_SIM_NPARTIES; p++) {
        const tsr_sim_party_result *pr = &res->party[p];
        json_t *o, *sigs, *made, *by;
        if (!pr->present && !(p == TSR_SIM_COORD && pr->msgs_sent > 0)) {
            continue;
        }
        o = json_object();
        sigs = json_array();
        made = json_array();
        by = json_array();
        json_object_set_new(o, "party", json_integer((json_int_t)p));
        json_object_set_new(o, "role", json_string(p == TSR_SIM_COORD ? "coordinator" : "key holder"));
        json_object_set_new(o, "corrupt", json_boolean(tsr_sim_corrupt_index(s, p) >= 0));
        json_object_set_new(o, "crashed", json_boolean(tsr_sim_crashed(s, p)));
        json_object_set_new(o, "fault_affected", json_boolean(pr->fault_affected));
        json_object_set_new(o, "outcome", json_string(tsr_rep_outcome(pr->outcome)));
        json_object_set_new(o, "group_key", pr->has_key ? tsr_rep_jhex(pr->group_key, 33) : json_null());
        for (k = 0; k < pr->nsigs && k < TSR_SIM_MAX_STEPS; k++) {
            json_array_append_new(sigs, tsr_rep_jhex(pr->sig[k], pr->siglen[k]));
        }
        json_object_set_new(o, "signatures", sigs);
        for (i = 0; i < ne; i++) {
            const tsr_sim_event *e = tsr_sim_event_at(s, i);
            uint32_t c = e->culprit == TSR_CULPRIT_COORDINATOR ? TSR_SIM_COORD : e->culprit;
            if ((e->kind != TSR_SIM_EV_BLAME && e->kind != TSR_SIM_EV_UNRESPONSIVE) ||
                tsr_sim_corrupt_index(s, e->party) >= 0) {
                continue;
            }
            if (e->party == p) {
                json_array_append_new(made, tsr_rep_jblame(e, "culprit", tsr_rep_jparty(e->culprit)));
            }
            if (e->culprit != TSR_CULPRIT_NONE && c == p) {
                json_array_append_new(by, tsr_rep_jblame(e, "judge", json_integer((json_int_t)e->party)));
            }
        }
        json_object_set_new(o, "blames_made", made);
        json_object_set_new(o, "blamed_by", by);
        json_object_set_new(o, "msgs_sent", json_integer((json_int_t)pr->msgs_sent));
        json_object_set_new(o, "bytes_sent", json_integer((json_int_t)pr->bytes_sent));
        json_object_set_new(o, "cpu_ms", json_real(tsr_rep_ms(cfg, pr->cpu_ns)));
        json_object_set_new(o, "cpu_S", json_real(cfg->no_timing || s_ns <= 0.0 ? 0.0 : (double)pr->cpu_ns / s_ns));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *tsr_rep_jruns(const tsr_sim *s) {
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    const tsr_sim_result *res = tsr_sim_result_get(s);
    const tsr_sim_keys *keys = tsr_sim_keys_get(s);
    json_t *arr = json_array();
    size_t nr = tsr_sim_nruns(s), i, j;

    for (i = 0; i < nr; i++) {
        const tsr_sim_runrec *rr = tsr_sim_run_at(s, i);
        json_t *o = json_object(), *ex = json_array(), *fa = json_array();
        int last = i + 1 == nr || tsr_sim_run_at(s, i + 1)->step != rr->step, ok;
        if (rr->step == 0) {
            ok = last && keys != NULL && keys->ok;
        } else {
            ok = last && rr->step >= 1 && rr->step <= TSR_SIM_MAX_STEPS && res->siglen[rr->step - 1] > 0;
        }
        json_object_set_new(o, "step", json_integer(rr->step));
        json_object_set_new(o, "run", json_integer(rr->run));
        json_object_set_new(o, "proto", json_string(rr->proto));
        json_object_set_new(o, "roster", tsr_rep_jplist(rr->roster, rr->n < TSR_MAX_PARTIES ? rr->n : TSR_MAX_PARTIES));
        json_object_set_new(o, "t", json_integer((json_int_t)cfg->t));
        json_object_set_new(o, "rounds", json_integer(rr->rounds));
        json_object_set_new(o, "session", tsr_rep_jhex(rr->session, 32));
        json_object_set_new(o, "messages", json_integer((json_int_t)(rr->end_msg - rr->first_msg)));
        json_object_set_new(o, "events", json_integer((json_int_t)(rr->end_event - rr->first_event)));
        json_object_set_new(o, "had_fault", json_boolean(rr->had_fault));
        for (j = 0; j < TSR_SIM_NPARTIES; j++) {
            if (rr->excluded[j]) {
                json_array_append_new(ex, json_integer((json_int_t)j));
            }
            if (rr->fault_affected[j]) {
                json_array_append_new(fa, json_integer((json_int_t)j));
            }
        }
        json_object_set_new(o, "excluded", ex);
        json_object_set_new(o, "fault_affected", fa);
        json_object_set_new(o, "ok", json_boolean(ok));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *tsr_rep_jevents(const tsr_sim *s) {
    json_t *arr = json_array();
    size_t ne = tsr_sim_nevents(s), i;
    for (i = 0; i < ne; i++) {
        const tsr_sim_event *e = tsr_sim_event_at(s, i);
        json_t *o = json_object();
        json_object_set_new(o, "kind", json_string(tsr_rep_kind(e->kind)));
        json_object_set_new(o, "step", json_integer(e->step));
        json_object_set_new(o, "run", json_integer(e->run));
        json_object_set_new(o, "round", json_integer(e->round));
        json_object_set_new(o, "party", json_integer((json_int_t)e->party));
        json_object_set_new(o, "corrupt_actor", json_boolean(tsr_sim_corrupt_index(s, e->party) >= 0));
        if (e->kind == TSR_SIM_EV_BLAME || e->kind == TSR_SIM_EV_UNRESPONSIVE) {
            json_object_set_new(o, "culprit", tsr_rep_jparty(e->culprit));
        }
        if (e->check != TSR_CHECK_NONE) {
            json_object_set_new(o, "check", json_string(tsr_rep_check(e->check)));
        }
        json_object_set_new(o, "position", json_integer((json_int_t)tsr_sim_event_pos(s, i)));
        json_object_set_new(o, "text", json_stringn(e->text, strnlen(e->text, sizeof e->text)));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *tsr_rep_jtotals(const tsr_sim *s, double s_ns) {
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    const tsr_sim_result *res = tsr_sim_result_get(s);
    json_t *o = json_object();
    size_t nm = tsr_sim_nmsgs(s), ne = tsr_sim_nevents(s), i;
    size_t delivered = 0, bytes = 0, dropped = 0, late = 0, dup = 0, part = 0, withheld = 0, reord = 0, mutated = 0,
           forged = 0, replayed = 0, blames = 0, unresp = 0, refusals = 0;

    for (i = 0; i < nm; i++) {
        const tsr_sim_msg *m = tsr_sim_msg_at(s, i);
        if (!(m->flags & TSR_SIM_F_NOT_DELIVERED)) {
            delivered++;
            bytes += m->len;
        }
        dropped += (m->flags & TSR_SIM_F_DROPPED) != 0;
        late += (m->flags & TSR_SIM_F_LATE) != 0;
        dup += (m->flags & TSR_SIM_F_DUPLICATE) != 0;
        part += (m->flags & TSR_SIM_F_PARTITIONED) != 0;
        withheld += (m->flags & TSR_SIM_F_WITHHELD) != 0;
        reord += (m->flags & TSR_SIM_F_REORDERED) != 0;
        mutated += (m->flags & TSR_SIM_F_MUTATED) != 0;
        forged += (m->flags & TSR_SIM_F_FORGED) != 0;
        replayed += (m->flags & TSR_SIM_F_REPLAYED) != 0;
    }
    for (i = 0; i < ne; i++) {
        const tsr_sim_event *e = tsr_sim_event_at(s, i);
        int honest = tsr_sim_corrupt_index(s, e->party) < 0;
        blames += e->kind == TSR_SIM_EV_BLAME && honest;
        unresp += e->kind == TSR_SIM_EV_UNRESPONSIVE && honest;
        refusals += e->kind == TSR_SIM_EV_REFUSE;
    }
    json_object_set_new(o, "messages", json_integer((json_int_t)nm));
    json_object_set_new(o, "delivered", json_integer((json_int_t)delivered));
    json_object_set_new(o, "bytes_delivered", json_integer((json_int_t)bytes));
    json_object_set_new(o, "dropped", json_integer((json_int_t)dropped));
    json_object_set_new(o, "late", json_integer((json_int_t)late));
    json_object_set_new(o, "duplicated", json_integer((json_int_t)dup));
    json_object_set_new(o, "partitioned", json_integer((json_int_t)part));
    json_object_set_new(o, "withheld", json_integer((json_int_t)withheld));
    json_object_set_new(o, "reordered", json_integer((json_int_t)reord));
    json_object_set_new(o, "mutated", json_integer((json_int_t)mutated));
    json_object_set_new(o, "forged", json_integer((json_int_t)forged));
    json_object_set_new(o, "replayed", json_integer((json_int_t)replayed));
    json_object_set_new(o, "blames", json_integer((json_int_t)blames));
    json_object_set_new(o, "unresponsive_marks", json_integer((json_int_t)unresp));
    json_object_set_new(o, "refusals", json_integer((json_int_t)refusals));
    json_object_set_new(o, "events", json_integer((json_int_t)ne));
    json_object_set_new(o, "runs", json_integer((json_int_t)tsr_sim_nruns(s)));
    json_object_set_new(o, "cpu_ms", json_real(tsr_rep_ms(cfg, res->cpu_ns_total)));
    json_object_set_new(o, "S_ns", json_real(cfg->no_timing ? 0.0 : s_ns));
    json_object_set_new(o, "cpu_S", json_real(cfg->no_timing || s_ns <= 0.0 ? 0.0 : (double)res->cpu_ns_total / s_ns));
    return o;
}

char *tsr_sim_report_json(const tsr_sim *s) {
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    const tsr_sim_result *res = tsr_sim_result_get(s);
    json_t *root = json_object(), *sigs = json_array(), *orc = json_object(), *ex = json_object();
    double s_ns = cfg->no_timing ? 0.0 : tsr_rep_s_ns();
    size_t k;
    int p;
    char *out;

    json_object_set_new(root, "scenario", tsr_rep_jscenario(s));
    json_object_set_new(root, "outcome", json_string(tsr_rep_outcome(res->outcome)));
    json_object_set_new(root, "keygen_runs", json_integer((json_int_t)res->keygen_runs));
    json_object_set_new(root, "group_key", res->has_group_key ? tsr_rep_jhex(res->group_key, 33) : json_null());
    for (k = 0; k < cfg->nsign && k < TSR_SIM_MAX_STEPS; k++) {
        json_t *o = json_object();
        int made = res->siglen[k] > 0;
        json_object_set_new(o, "index", json_integer((json_int_t)k + 1));
        json_object_set_new(o, "attempts", json_integer((json_int_t)res->sign_attempts[k]));
        json_object_set_new(o, "signature", made ? tsr_rep_jhex(res->sig[k], res->siglen[k]) : json_null());
        json_object_set_new(o, "verified", json_boolean(made && res->sig_verified[k]));
        json_array_append_new(sigs, o);
    }
    json_object_set_new(root, "signatures", sigs);
    json_object_set_new(root, "parties", tsr_rep_jparties(s, s_ns));
    json_object_set_new(root, "runs", tsr_rep_jruns(s));
    json_object_set_new(root, "events", tsr_rep_jevents(s));
    for (p = 0; p < TSR_SIM_P__COUNT; p++) {
        const tsr_sim_verdict *v = &res->oracle[p];
        json_t *o = json_object();
        json_object_set_new(o, "checked", json_boolean(v->checked));
        json_object_set_new(o, "ok", json_boolean(v->ok));
        json_object_set_new(o, "detail", json_stringn(v->detail, strnlen(v->detail, sizeof v->detail)));
        json_object_set_new(orc, tsr_sim_property_name(p), o);
    }
    json_object_set_new(root, "oracle", orc);
    json_object_set_new(ex, "given", json_boolean(cfg->expect.set));
    json_object_set_new(ex, "ok", json_boolean(res->expect_ok));
    json_object_set_new(ex, "detail", json_stringn(res->expect_detail, strnlen(res->expect_detail, sizeof res->expect_detail)));
    json_object_set_new(root, "expect", ex);
    json_object_set_new(root, "totals", tsr_rep_jtotals(s, s_ns));
    out = root ? json_dumps(root, JSON_INDENT(2) | JSON_SORT_KEYS) : NULL;
    json_decref(root);
    if (out != NULL) {
        /* json_dumps' buffer comes from jansson's allocator (malloc by default); hand back one
         * the caller frees with free() in any case, with a final newline */
        size_t n = strlen(out);
        char *copy = malloc(n + 2);
        if (copy != NULL) {
            memcpy(copy, out, n);
            copy[n] = '\n';
            copy[n + 1] = 0;
        }
        free(out);
        out = copy;
    }
    return out;
}
