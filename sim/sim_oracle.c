/* The simulator's oracle: after a ceremony, checks agreement, sound blame, identification of
 * identifiable cheats, liveness and secrecy (DESIGN.md §The simulator, ADVERSARIES.md §1.1), scans
 * texts for secrets, and compares the result with the scenario's expectations. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"
#include "sim_internal.h"
#include "tessera/wire.h"

/* ==== helpers ================================================================================== */

/* snprintf that truncates silently (details are bounded; truncation is acceptable). */
static void tsr_or_fmt(char *out, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void tsr_or_fmt(char *out, size_t cap, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    (void)vsnprintf(out, cap, fmt, ap);
    va_end(ap);
}

static int tsr_or_corrupt(const tsr_sim *s, uint32_t p) {
    return tsr_sim_corrupt_index(s, p) >= 0;
}

/* Culprit of an event as a sim party: 0 if it names nobody (TSR_CULPRIT_NONE), else 1 with *p
 * (TSR_CULPRIT_COORDINATOR is sim party 0). */
static int tsr_or_culprit(uint32_t culprit, uint32_t *p) {
    if (culprit == TSR_CULPRIT_NONE) {
        return 0;
    }
    *p = culprit == TSR_CULPRIT_COORDINATOR ? TSR_SIM_COORD : culprit;
    return 1;
}

static const char *tsr_or_check(int check) {
    const char *c = tsr_sim_check_symbol(check);
    return c ? c : "?";
}

/* "dkg run 0 round 3" (runs 0-based, as the engine's texts), "signature 1 attempt 2 round 4"
 * (signature k is step k; attempts 1-based, as the engine's texts). */
static void tsr_or_where(char *out, size_t cap, const tsr_sim *s, uint16_t step, uint16_t run, uint16_t round) {
    const tsr_sim_runrec *rr = tsr_sim_run_find(s, step, run);
    if (step == 0) {
        tsr_or_fmt(out, cap, "%s run %u round %u", rr ? rr->proto : "keygen", (unsigned)run + 1, (unsigned)round);
    } else {
        tsr_or_fmt(out, cap, "signature %u attempt %u round %u", (unsigned)step, (unsigned)run + 1, (unsigned)round);
    }
}

static void tsr_or_set(tsr_sim_verdict *v, int checked, int ok, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void tsr_or_set(tsr_sim_verdict *v, int checked, int ok, const char *fmt, ...) {
    va_list ap;
    v->checked = checked;
    v->ok = ok;
    va_start(ap, fmt);
    vsnprintf(v->detail, sizeof v->detail, fmt, ap);
    va_end(ap);
}

/* The message signature `index` signs: cfg.msg, or cfg.msg || u8 index when nsign > 1. */
static size_t tsr_or_step_msg(uint8_t *out, const tsr_sim_config *cfg, size_t index) {
    size_t len = cfg->msglen <= TSR_SIM_MAX_MSGLEN ? cfg->msglen : TSR_SIM_MAX_MSGLEN;
    memcpy(out, cfg->msg, len);
    if (cfg->nsign > 1) {
        out[len++] = (uint8_t)index;
    }
    return len;
}

/* The payload of a one-field frame (no other check), or NULL. */
static const uint8_t *tsr_or_payload(const uint8_t *frame, size_t len, size_t *plen) {
    size_t fl;
    if (frame == NULL || len < TSR_WIRE_HEADER_BYTES + 4) {
        return NULL;
    }
    if (frame[40] != 0 || frame[41] != 1) {
        return NULL;
    }
    fl = ((size_t)frame[42] << 24) | ((size_t)frame[43] << 16) | ((size_t)frame[44] << 8) | (size_t)frame[45];
    if (fl != len - TSR_WIRE_HEADER_BYTES - 4) {
        return NULL;
    }
    *plen = fl;
    return frame + TSR_WIRE_HEADER_BYTES + 4;
}

/* ==== AGREEMENT ================================================================================ */

static int tsr_or_verify_any(const tsr_sim *s, const uint8_t *sig, size_t siglen, const tsr_point *gk,
                             size_t first) {
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    uint8_t msg[TSR_SIM_MAX_MSGLEN + 1];
    size_t k, nsign = cfg->nsign ? cfg->nsign : 1;
    /* the recorded slot first, then the other steps' messages (a party that missed a signature
     * may hold a later one in an earlier slot) */
    for (k = 0; k < nsign; k++) {
        size_t idx = (first + k) % nsign, ml = tsr_or_step_msg(msg, cfg, idx);
        if (tsr_frost_verify(tsr_sim_ctx(s), cfg->suite, sig, siglen, gk, msg, ml) == TSR_OK) {
            return 1;
        }
    }
    return 0;
}

static void tsr_or_agreement(tsr_sim *s, tsr_sim_result *res) {
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    tsr_sim_verdict *v = &res->oracle[TSR_SIM_P_AGREEMENT];
    uint32_t p, ref = 0;
    size_t holders = 0, sigs = 0, k;
    tsr_point gk;

    for (p = 1; p <= cfg->n && p < TSR_SIM_NPARTIES; p++) {
        const tsr_sim_party_result *pr = &res->party[p];
        if (!pr->present || !pr->has_key || tsr_or_corrupt(s, p)) {
            continue;
        }
        holders++;
        if (ref == 0) {
            ref = p;
        } else if (memcmp(pr->group_key, res->party[ref].group_key, 33) != 0) {
            tsr_or_set(v, 1, 0, "honest parties %u and %u hold different group keys", (unsigned)ref, (unsigned)p);
            return;
        }
    }
    if (ref != 0 && res->has_group_key && memcmp(res->group_key, res->party[ref].group_key, 33) != 0) {
        tsr_or_set(v, 1, 0, "honest party %u's group key differs from the ceremony's", (unsigned)ref);
        return;
    }
    for (p = 1; p <= cfg->n && p < TSR_SIM_NPARTIES; p++) {
        const tsr_sim_party_result *pr = &res->party[p];
        const uint8_t *gk33 = pr->has_key ? pr->group_key : res->group_key;
        if (!pr->present || tsr_or_corrupt(s, p) || pr->nsigs == 0) {
            continue;
        }
        if (!pr->has_key && !res->has_group_key) {
            tsr_or_set(v, 1, 0, "honest party %u recorded a signature without any group key", (unsigned)p);
            return;
        }
        if (tsr_point_decode(tsr_sim_ctx(s), &gk, gk33, 33, 0, NULL) != TSR_OK) {
            tsr_or_set(v, 1, 0, "honest party %u's group key does not decode", (unsigned)p);
            return;
        }
        for (k = 0; k < pr->nsigs && k < TSR_SIM_MAX_STEPS; k++) {
            sigs++;
            if (!tsr_or_verify_any(s, pr->sig[k], pr->siglen[k], &gk, k)) {
                tsr_or_set(v, 1, 0, "honest party %u output signature %zu, which does not verify", (unsigned)p,
                           k + 1);
                return;
            }
        }
    }
    /* the ceremony's own signatures (the honest coordinator verified them before output) */
    if (res->nsigs > 0 && !tsr_or_corrupt(s, TSR_SIM_COORD)) {
        if (!res->has_group_key || tsr_point_decode(tsr_sim_ctx(s), &gk, res->group_key, 33, 0, NULL) != TSR_OK) {
            tsr_or_set(v, 1, 0, "the ceremony output a signature without a valid group key");
            return;
        }
        for (k = 0; k < cfg->nsign && k < TSR_SIM_MAX_STEPS; k++) { /* sig[k] is signature k (or empty) */
            uint8_t msg[TSR_SIM_MAX_MSGLEN + 1];
            size_t ml;
            if (res->siglen[k] == 0) {
                continue;
            }
            ml = tsr_or_step_msg(msg, cfg, k);
            if (tsr_frost_verify(tsr_sim_ctx(s), cfg->suite, res->sig[k], res->siglen[k], &gk, msg, ml) != TSR_OK) {
                tsr_or_set(v, 1, 0, "the honest coordinator output signature %zu, which does not verify", k + 1);
                return;
            }
        }
    }
    if (holders == 0) {
        tsr_or_set(v, 1, 1, "no honest party holds a key; %zu honest signatures verify", sigs);
    } else {
        tsr_or_set(v, 1, 1, "%zu honest key holders agree; %zu honest signatures verify", holders, sigs);
    }
}

/* ==== BLAME_SOUND ============================================================================== */

/* 1 if sim party p was fault-affected in the run of (step, run) or anywhere in the ceremony. */
static int tsr_or_fault_affected(const tsr_sim *s, const tsr_sim_result *res, uint32_t p, uint16_t step,
                                 uint16_t run) {
    const tsr_sim_runrec *rr = tsr_sim_run_find(s, step, run);
    if (p < TSR_SIM_NPARTIES && rr != NULL && rr->fault_affected[p]) {
        return 1;
    }
    return p < TSR_SIM_NPARTIES && res->party[p].fault_affected;
}

/* 1 if honest sim party p had a reason to fall silent in the run of (step, run) before event
 * index `before`: a corrupt sender withheld a copy addressed to it, or it had itself detected a
 * problem (blamed someone, marked someone unresponsive, refused a request) and stopped. Its
 * silence is then a consequence of the adversary's (or the network's) action, not a fault of
 * its own. */
static int tsr_or_disrupted(const tsr_sim *s, uint32_t p, uint16_t step, uint16_t run, size_t before) {
    const tsr_sim_runrec *rr = tsr_sim_run_find(s, step, run);
    size_t i;
    if (rr != NULL) {
        for (i = rr->first_msg; i < rr->end_msg && i < tsr_sim_nmsgs(s); i++) {
            const tsr_sim_msg *m = tsr_sim_msg_at(s, i);
            if (m->to == p && m->from != p && (m->flags & TSR_SIM_F_WITHHELD)) {
                return 1;
            }
        }
    }
    for (i = 0; i < before && i < tsr_sim_nevents(s); i++) {
        const tsr_sim_event *e = tsr_sim_event_at(s, i);
        if (e->party == p && e->step == step && e->run == run &&
            (e->kind == TSR_SIM_EV_BLAME || e->kind == TSR_SIM_EV_UNRESPONSIVE || e->kind == TSR_SIM_EV_REFUSE)) {
            return 1;
        }
    }
    return 0;
}

static void tsr_or_blame_sound(tsr_sim *s, tsr_sim_result *res) {
    tsr_sim_verdict *v = &res->oracle[TSR_SIM_P_BLAME_SOUND];
    size_t i, ne = tsr_sim_nevents(s), nfalse = 0, nblames = 0;
    char first[200] = "", where[64];

    for (i = 0; i < ne; i++) {
        const tsr_sim_event *e = tsr_sim_event_at(s, i);
        uint32_t c;
        if ((e->kind != TSR_SIM_EV_BLAME && e->kind != TSR_SIM_EV_UNRESPONSIVE) || tsr_or_corrupt(s, e->party)) {
            continue;
        }
        nblames++;
        tsr_or_where(where, sizeof where, s, e->step, e->run, e->round);
        if (e->kind == TSR_SIM_EV_BLAME && e->check == TSR_CHECK_NONE) {
            if (nfalse++ == 0) {
                tsr_or_fmt(first, sizeof first, "party %u blamed %s without a check (%s)", (unsigned)e->party,
                         e->culprit == TSR_CULPRIT_NONE ? "nobody" : "a party", where);
            }
            continue;
        }
        if (!tsr_or_culprit(e->culprit, &c) || tsr_or_corrupt(s, c)) {
            continue;
        }
        if (e->kind == TSR_SIM_EV_UNRESPONSIVE && (tsr_or_fault_affected(s, res, c, e->step, e->run) ||
                                                   tsr_or_disrupted(s, c, e->step, e->run, i))) {
            continue;
        }
        if (nfalse++ == 0) {
            if (e->kind == TSR_SIM_EV_BLAME) {
                tsr_or_fmt(first, sizeof first, "party %u blamed honest party %u (%s, %s)", (unsigned)e->party,
                         (unsigned)c, tsr_or_check(e->check), where);
            } else {
                tsr_or_fmt(first, sizeof first,
                         "party %u marked honest party %u unresponsive (%s, %s); nothing disrupted it",
                         (unsigned)e->party, (unsigned)c, tsr_or_check(e->check), where);
            }
        }
    }
    if (nfalse == 0) {
        tsr_or_set(v, 1, 1, "%zu blame records by honest judges, all sound", nblames);
    } else if (nfalse == 1) {
        tsr_or_set(v, 1, 0, "%s", first);
    } else {
        tsr_or_set(v, 1, 0, "%s (and %zu more)", first, nfalse - 1);
    }
}

/* ==== IDENTIFIED =============================================================================== */

/* Describes behaviour bi of corrupt party p: "bad_share", "dkg.round1.pok_mu flip_bits". */
static void tsr_or_behaviour_desc(char *out, size_t cap, const tsr_sim *s, uint32_t p, int bi) {
    int ci = tsr_sim_corrupt_index(s, p);
    const tsr_sim_behaviour *b;
    if (ci < 0 || bi < 0 || (size_t)bi >= tsr_sim_cfg(s)->corrupt[ci].nbehaviours) {
        tsr_or_fmt(out, cap, "?");
        return;
    }
    b = &tsr_sim_cfg(s)->corrupt[ci].b[bi];
    if (b->strategy != TSR_SIM_S_NONE) {
        tsr_or_fmt(out, cap, "%s", tsr_sim_strategy_name(b->strategy) ? tsr_sim_strategy_name(b->strategy) : "?");
    } else {
        tsr_or_fmt(out, cap, "%s %s", b->target, tsr_sim_mutator_name(b->mutator) ? tsr_sim_mutator_name(b->mutator) : "?");
    }
}

/* Looks up field `name` in the payload of frame (type, suite): 1/0 its identifiable flag, -1 if
 * the payload has no such field, 2 if the payload is too malformed to walk (the receiver's strict
 * decoder rejects it and blames the sender: identifiable). */
static int tsr_or_field_flag(uint16_t type, uint8_t suite, const uint8_t *frame, size_t flen, const char *name) {
    static tsr_sim_field fields[8 * TSR_MAX_PARTIES + 64];
    const uint8_t *pl;
    size_t plen = 0, nf, i;
    pl = tsr_or_payload(frame, flen, &plen);
    if (pl == NULL) {
        return 2;
    }
    nf = tsr_sim_fields(fields, sizeof fields / sizeof fields[0], type, suite, pl, plen);
    if (nf == 0) {
        return 2;
    }
    for (i = 0; i < nf; i++) {
        if (strcmp(fields[i].name, name) == 0) {
            return fields[i].identifiable ? 1 : 0;
        }
    }
    return -1;
}

/* Whether the behaviour that changed timeline message mi must be identified: 1 yes, 0 no, -1 the
 * field could not be resolved (not checked). */
static int tsr_or_identifiable(const tsr_sim *s, size_t mi) {
    const tsr_sim_msg *m = tsr_sim_msg_at(s, mi);
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    int ci = tsr_sim_corrupt_index(s, m->from), r;
    const tsr_sim_behaviour *b;
    const tsr_sim_runrec *rr;
    uint16_t type = 0;
    const char *field = NULL;
    size_t j;

    if (ci < 0 || m->behaviour < 0 || (size_t)m->behaviour >= cfg->corrupt[ci].nbehaviours) {
        return -1;
    }
    b = &cfg->corrupt[ci].b[m->behaviour];
    if (b->strategy != TSR_SIM_S_NONE) {
        return tsr_sim_strategy_identifiable(b->strategy) ? 1 : 0;
    }
    if (tsr_sim_behaviour_target(s, m->from, (size_t)m->behaviour, &type, &field) != 0 || field == NULL) {
        return -1;
    }
    if (type == 0 || strncmp(field, "frame.", 6) == 0) {
        /* frame header fields: tsr_sim_open checks version, suite, type, session, sender, the
         * field count and the lengths, and the receiver blames the link sender */
        return 1;
    }
    r = tsr_or_field_flag(m->type, cfg->suite, m->frame, m->len, field);
    if (r >= 0) {
        return r ? 1 : 0;
    }
    /* the mutation removed or renamed the field (strip, resize): look it up in the sender's own,
     * never mutated, copy of the same message */
    rr = tsr_sim_run_find(s, m->step, m->run);
    if (rr != NULL) {
        for (j = rr->first_msg; j < rr->end_msg && j < tsr_sim_nmsgs(s); j++) {
            const tsr_sim_msg *o = tsr_sim_msg_at(s, j);
            if (o->from == m->from && o->to == m->from && o->type == m->type && o->round == m->round &&
                !(o->flags & (TSR_SIM_F_MUTATED | TSR_SIM_F_FORGED | TSR_SIM_F_REPLAYED))) {
                r = tsr_or_field_flag(o->type, cfg->suite, o->frame, o->len, field);
                if (r == 0 || r == 1) {
                    return r;
                }
                break;
            }
        }
    }
    return -1;
}

/* 1 if an honest judge blamed sim party p (malicious) in (step, run). */
static int tsr_or_blamed_in(const tsr_sim *s, uint32_t p, uint16_t step, uint16_t run) {
    size_t i, ne = tsr_sim_nevents(s);
    for (i = 0; i < ne; i++) {
        const tsr_sim_event *e = tsr_sim_event_at(s, i);
        uint32_t c;
        if (e->kind == TSR_SIM_EV_BLAME && e->step == step && e->run == run && !tsr_or_corrupt(s, e->party) &&
            e->check != TSR_CHECK_NONE && tsr_or_culprit(e->culprit, &c) && c == p) {
            return 1;
        }
    }
    return 0;
}

/* 1 if the run of (step, run) was cut short by something other than sim party x, so that a cheat
 * of x may legitimately go unidentified: a network loss, a crash in the roster, an honest judge's
 * unresponsive mark naming another party, an abort naming nobody (equivocation), or a malicious
 * blame of another party (the protocols stop at the first failed check, so a cheat whose evidence
 * comes in a later round is never judged). */
static int tsr_or_cut_short(const tsr_sim *s, uint32_t x, uint16_t step, uint16_t run) {
    const tsr_sim_runrec *rr = tsr_sim_run_find(s, step, run);
    size_t i, ne = tsr_sim_nevents(s);
    if (rr != NULL) {
        if (rr->had_fault) {
            return 1;
        }
        for (i = 0; i < rr->n && i < TSR_MAX_PARTIES; i++) {
            if (rr->roster[i] < TSR_SIM_NPARTIES && rr->crashed[rr->roster[i]]) {
                return 1;
            }
        }
    }
    for (i = 0; i < ne; i++) {
        const tsr_sim_event *e = tsr_sim_event_at(s, i);
        uint32_t c;
        if ((e->kind != TSR_SIM_EV_BLAME && e->kind != TSR_SIM_EV_UNRESPONSIVE) || e->step != step || e->run != run ||
            tsr_or_corrupt(s, e->party)) {
            continue;
        }
        if (!tsr_or_culprit(e->culprit, &c) || c != x) {
            return 1;
        }
    }
    return 0;
}

#define TSR_OR_CHEAT (TSR_SIM_F_MUTATED | TSR_SIM_F_FORGED | TSR_SIM_F_REPLAYED)

/* 1 if tsr_sim_open would refuse message m (the same checks: strict frame decode, version, suite,
 * type, the run's session, one field, the sender's protocol id). The engine flags PROCESSED only
 * on a successful open, so a refused cheat is recognised here: its receiver had to blame. */
static int tsr_or_open_fails(const tsr_sim *s, const tsr_sim_msg *m) {
    static tsr_frame f; /* large: TSR_WIRE_MAX_FIELDS entries */
    const tsr_sim_runrec *rr = tsr_sim_run_find(s, m->step, m->run);
    tsr_check why = TSR_CHECK_NONE;
    uint32_t pid = 0;
    size_t k;
    if (rr == NULL || m->frame == NULL) {
        return 0;
    }
    if (tsr_frame_decode(&f, m->frame, m->len, &why) != TSR_OK) {
        return 1;
    }
    if (m->from != TSR_SIM_COORD) {
        for (k = 0; k < rr->n && k < TSR_MAX_PARTIES; k++) {
            if (rr->roster[k] == m->from) {
                pid = (uint32_t)(k + 1);
                break;
            }
        }
    }
    return f.version != TSR_WIRE_VERSION || f.suite != rr->suite || f.type != m->type ||
           memcmp(f.session, rr->session, 32) != 0 || f.nfields != 1 || f.sender != pid;
}

/* Per (step, run) facts the liveness check needs, gathered by the identification pass. */
typedef struct {
    uint16_t step, run;
    int fired;          /* a behaviour's changed message was delivered, or a copy was withheld */
    int unidentifiable; /* ... and one of those behaviours need not be identified */
    char why[96];       /* the first unidentifiable behaviour */
} tsr_or_runfact;

static void tsr_or_identified(tsr_sim *s, tsr_sim_result *res, tsr_or_runfact *facts, size_t nfacts) {
    tsr_sim_verdict *v = &res->oracle[TSR_SIM_P_IDENTIFIED];
    size_t i, nm = tsr_sim_nmsgs(s), nfired = 0, nunres = 0, nmiss = 0, nexcused = 0, f;
    char first[220] = "", desc[120], where[64];

    for (i = 0; i < nm; i++) {
        const tsr_sim_msg *m = tsr_sim_msg_at(s, i);
        int idf, delivered;
        tsr_or_runfact *fact = NULL;
        for (f = 0; f < nfacts; f++) {
            if (facts[f].step == m->step && facts[f].run == m->run) {
                fact = &facts[f];
                break;
            }
        }
        if ((m->flags & TSR_SIM_F_WITHHELD) && fact != NULL) {
            fact->fired = 1; /* crash / withhold: liveness only, never identifiable */
        }
        if (!(m->flags & TSR_OR_CHEAT) || !tsr_or_corrupt(s, m->from)) {
            continue;
        }
        if (!(m->flags & TSR_SIM_F_NOT_DELIVERED) && fact != NULL) {
            /* a changed message reached someone (a corrupt receiver may complain about it in good
             * faith): the run's liveness is not owed */
            fact->fired = 1;
        }
        delivered = !(m->flags & TSR_SIM_F_NOT_DELIVERED) && m->to != m->from && !tsr_or_corrupt(s, m->to);
        if (!(m->flags & TSR_SIM_F_PROCESSED) && !delivered) {
            continue;
        }
        if (m->behaviour < 0 || (!(m->flags & TSR_SIM_F_PROCESSED) && !tsr_or_open_fails(s, m))) {
            continue; /* delivered but never read: nobody could judge it */
        }
        nfired++;
        idf = tsr_or_identifiable(s, i);
        if (fact != NULL) {
            if (idf != 1 && !fact->unidentifiable) {
                fact->unidentifiable = 1;
                tsr_or_behaviour_desc(desc, sizeof desc, s, m->from, m->behaviour);
                tsr_or_fmt(fact->why, sizeof fact->why, "party %u behaviour %d (%s)", (unsigned)m->from, m->behaviour,
                         desc);
            }
        }
        if (idf < 0) {
            nunres++;
            continue;
        }
        if (idf == 0 || tsr_or_blamed_in(s, m->from, m->step, m->run)) {
            continue;
        }
        if (tsr_or_cut_short(s, m->from, m->step, m->run)) {
            nexcused++;
            continue;
        }
        if (nmiss++ == 0) {
            tsr_or_behaviour_desc(desc, sizeof desc, s, m->from, m->behaviour);
            tsr_or_where(where, sizeof where, s, m->step, m->run, m->round);
            tsr_or_fmt(first, sizeof first,
                     "party %u's %s to party %u (behaviour %d: %s) was processed (%s) but no honest party "
                     "blamed party %u",
                     (unsigned)m->from, tsr_sim_msg_name(m->type) ? tsr_sim_msg_name(m->type) : "message",
                     (unsigned)m->to, m->behaviour, desc, where, (unsigned)m->from);
        }
    }
    if (nmiss > 0) {
        tsr_or_set(v, 1, 0, "%s%s", first, nmiss > 1 ? " (and more)" : "");
    } else if (nfired == 0) {
        tsr_or_set(v, 0, 1, "no behaviour changed a message an honest party processed");
    } else {
        char ex[96] = "", un[80] = "";
        if (nexcused > 0) {
            tsr_or_fmt(ex, sizeof ex, "; %zu unblamed in runs cut short by faults or other parties", nexcused);
        }
        if (nunres > 0) {
            tsr_or_fmt(un, sizeof un, "; %zu with a field the walker could not resolve", nunres);
        }
        tsr_or_set(v, 1, 1, "%zu processed cheats, every identifiable one blamed on its sender%s%s", nfired, ex, un);
    }
}

/* ==== LIVENESS ================================================================================= */

static const tsr_or_runfact *tsr_or_fact(const tsr_or_runfact *facts, size_t nfacts, uint16_t step, uint16_t run) {
    size_t f;
    for (f = 0; f < nfacts; f++) {
        if (facts[f].step == step && facts[f].run == run) {
            return &facts[f];
        }
    }
    return NULL;
}

static void tsr_or_liveness(tsr_sim *s, tsr_sim_result *res, const tsr_or_runfact *facts, size_t nfacts) {
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    const tsr_sim_keys *keys = tsr_sim_keys_get(s);
    tsr_sim_verdict *v = &res->oracle[TSR_SIM_P_LIVENESS];
    size_t nruns = tsr_sim_nruns(s), i, j, nkg = 0, kg_checked = 0, sg_checked = 0, step;
    char skip[160] = "";
    int keys_ok = keys != NULL && keys->ok;

#define TSR_OR_SKIP(...)                                  \
    do {                                                  \
        if (skip[0] == 0) {                               \
            tsr_or_fmt(skip, sizeof skip, __VA_ARGS__);     \
        }                                                 \
    } while (0)

    /* keygen */
    for (i = 0; i < nruns; i++) {
        if (tsr_sim_run_at(s, i)->step == 0) {
            nkg++;
        }
    }
    if (cfg->keys == TSR_SIM_KEYS_DEALER) {
        if (!keys_ok) {
            tsr_or_set(v, 1, 0, "the trusted dealer produced no keys");
            return;
        }
        kg_checked = 1;
    } else {
        size_t r = 0;
        for (i = 0; i < nruns; i++) {
            const tsr_sim_runrec *rr = tsr_sim_run_at(s, i);
            const tsr_or_runfact *fact = tsr_or_fact(facts, nfacts, rr->step, rr->run);
            int fired = fact != NULL && fact->fired, ok;
            if (rr->step != 0) {
                continue;
            }
            for (j = 0; j < rr->n && j < TSR_MAX_PARTIES; j++) {
                fired |= rr->roster[j] < TSR_SIM_NPARTIES && rr->crashed[rr->roster[j]] != 0;
            }
            ok = r + 1 == nkg && keys_ok;
            r++;
            if (fired) {
                TSR_OR_SKIP("%s run %u: a behaviour fired", rr->proto, (unsigned)rr->run + 1);
                continue;
            }
            if (rr->had_fault) {
                TSR_OR_SKIP("%s run %u: network faults hit it", rr->proto, (unsigned)rr->run + 1);
                continue;
            }
            kg_checked++;
            if (!ok) {
                tsr_or_set(v, 1, 0, "%s run %u aborted although no behaviour fired and no fault hit it", rr->proto,
                           (unsigned)rr->run + 1);
                return;
            }
        }
    }

    /* signing */
    if (cfg->nsign > 0 && !keys_ok) {
        TSR_OR_SKIP("signing: keygen produced no keys");
    } else if (cfg->nsign > 0 && tsr_or_corrupt(s, TSR_SIM_COORD)) {
        TSR_OR_SKIP("signing: the coordinator is corrupt");
    } else {
        /* fault-affected parties accumulate over the signatures: a coordinator may keep excluding a
         * signer it once marked unresponsive */
        uint8_t fa[TSR_SIM_NPARTIES];
        memset(fa, 0, sizeof fa);
        for (step = 1; step <= cfg->nsign && step <= TSR_SIM_MAX_STEPS; step++) {
            size_t ncorrupt = 0, nfa = 0, nresp = 0, bound, cap, attempts, k;
            int reached = 0, unident = 0, produced;
            const char *why = "";
            for (i = 0; i < nruns; i++) {
                const tsr_sim_runrec *rr = tsr_sim_run_at(s, i);
                const tsr_or_runfact *fact;
                if (rr->step != step) {
                    continue;
                }
                reached = 1;
                for (j = 0; j < TSR_SIM_NPARTIES; j++) {
                    fa[j] |= rr->fault_affected[j];
                }
                fact = tsr_or_fact(facts, nfacts, rr->step, rr->run);
                if (fact != NULL && fact->unidentifiable && !unident) {
                    unident = 1;
                    why = fact->why;
                }
            }
            if (!reached) {
                break; /* an earlier signature failed: the ceremony stopped */
            }
            for (k = 0; k < keys->n && k < TSR_MAX_PARTIES; k++) {
                uint32_t p = keys->roster[k];
                if (p >= TSR_SIM_NPARTIES) {
                    continue;
                }
                if (tsr_or_corrupt(s, p)) {
                    ncorrupt++;
                } else if (fa[p]) {
                    nfa++;
                } else if (!tsr_sim_crashed(s, p)) {
                    nresp++;
                }
            }
            if (nresp < keys->t) {
                TSR_OR_SKIP("signature %zu: only %zu honest responsive key holders, t = %zu", step, nresp,
                            keys->t);
                continue;
            }
            if (unident) {
                TSR_OR_SKIP("signature %zu: an unidentifiable behaviour fired: %s", step, why);
                continue;
            }
            bound = ncorrupt + nfa + 1;
            cap = cfg->max_sign_attempts ? cfg->max_sign_attempts : keys->n - keys->t + 1;
            attempts = res->sign_attempts[step - 1];
            produced = res->siglen[step - 1] > 0;
            if (!produced && cap < bound && attempts >= cap) {
                TSR_OR_SKIP("signature %zu: the attempt cap %zu is below the bound %zu", step, cap, bound);
                continue;
            }
            sg_checked++;
            if (!produced) {
                tsr_or_set(v, 1, 0,
                           "signature %zu failed after %zu attempts with %zu honest responsive key holders "
                           "(t = %zu, bound %zu)",
                           step, attempts, nresp, keys->t, bound);
                return;
            }
            if (attempts > bound) {
                tsr_or_set(v, 1, 0,
                           "signature %zu took %zu attempts, bound %zu (%zu corrupt + %zu fault-affected key "
                           "holders + 1)",
                           step, attempts, bound, ncorrupt, nfa);
                return;
            }
        }
    }
#undef TSR_OR_SKIP
    if (kg_checked == 0 && sg_checked == 0) {
        tsr_or_set(v, 0, 1, "not checked (%s)", skip[0] ? skip : "nothing to check");
    } else {
        tsr_or_set(v, 1, 1, "%zu keygen and %zu signing checks hold%s%s", kg_checked, sg_checked,
                   skip[0] ? "; skipped: " : "", skip);
    }
}

/* ==== SECRECY ================================================================================== */

static int tsr_or_secret_known(const tsr_sim *s, const uint8_t b32[32]) {
    size_t i, n = tsr_sim_nsecrets(s), len;
    for (i = 0; i < n; i++) {
        const uint8_t *p = tsr_sim_secret_at(s, i, &len);
        if (p != NULL && len == 32 && memcmp(p, b32, 32) == 0) {
            return 1;
        }
    }
    return 0;
}

static void tsr_or_secrecy(tsr_sim *s, tsr_sim_result *res) {
    const tsr_sim_keys *keys = tsr_sim_keys_get(s);
    tsr_sim_verdict *v = &res->oracle[TSR_SIM_P_SECRECY];
    size_t i, j, ncorrupt = 0, nl = tsr_sim_nlearned(s), nn = tsr_sim_nnonces(s), nwrong = 0;
    uint8_t guess[32];

    if (keys != NULL && keys->ok) {
        for (i = 0; i < keys->n && i < TSR_MAX_PARTIES; i++) {
            if (tsr_or_corrupt(s, keys->roster[i])) {
                ncorrupt++;
            }
        }
        if (ncorrupt >= keys->t) {
            tsr_or_set(v, 1, 0, "%zu corrupt key holders reach the threshold t = %zu", ncorrupt, keys->t);
            return;
        }
    }
    for (i = 0; i < nl; i++) {
        const tsr_sim_learned *l = tsr_sim_learned_at(s, i);
        int hit = 0;
        if (l->victim < TSR_SIM_NPARTIES && tsr_or_corrupt(s, l->victim)) {
            continue; /* the adversary knows its own secrets */
        }
        if (keys != NULL && l->victim < TSR_SIM_NPARTIES && keys->pkg[l->victim].magic != 0 &&
            strcmp(l->what, "share") == 0) {
            hit = tsr_scalar_eq_mask(&l->value, &keys->pkg[l->victim].share) != 0;
        }
        if (!hit) {
            tsr_scalar_encode(guess, &l->value);
            hit = tsr_or_secret_known(s, guess);
            tsr_memzero(guess, sizeof guess);
        }
        if (hit) {
            tsr_or_set(v, 1, 0, "the adversary learned honest party %u's %s (signature %u attempt %u)",
                       (unsigned)l->victim, l->what, (unsigned)l->step, (unsigned)l->run + 1);
            return;
        }
        nwrong++;
    }
    for (i = 0; i < nn; i++) {
        const tsr_sim_nonce_rec *a = tsr_sim_nonce_at(s, i);
        if (tsr_or_corrupt(s, a->signer)) {
            continue;
        }
        for (j = i + 1; j < nn; j++) {
            const tsr_sim_nonce_rec *b = tsr_sim_nonce_at(s, j);
            if (b->signer == a->signer && memcmp(a->d33, b->d33, 33) == 0) {
                tsr_or_set(v, 1, 0,
                           "honest signer %u released two signature shares with one nonce (signature %u attempt %u "
                           "and signature %u attempt %u)",
                           (unsigned)a->signer, (unsigned)a->step, (unsigned)a->run + 1, (unsigned)b->step,
                           (unsigned)b->run + 1);
                return;
            }
        }
    }
    tsr_or_set(v, 1, 1, "corrupt key holders %zu < t = %zu; %zu adversary guesses wrong; %zu released nonces distinct",
               ncorrupt, keys != NULL && keys->ok ? keys->t : tsr_sim_cfg(s)->t, nwrong, nn);
}

/* ==== the oracle =============================================================================== */

void tsr_sim_oracle(tsr_sim *s) {
    tsr_sim_result *res = tsr_sim_result_mut(s);
    size_t nruns = tsr_sim_nruns(s), i;
    tsr_or_runfact *facts = calloc(nruns ? nruns : 1, sizeof *facts);

    if (facts == NULL) {
        int p;
        for (p = 0; p < TSR_SIM_P__COUNT; p++) {
            if (p != TSR_SIM_P_NO_LEAK) {
                tsr_or_set(&res->oracle[p], 1, 0, "out of memory in the oracle");
            }
        }
        return;
    }
    for (i = 0; i < nruns; i++) {
        facts[i].step = tsr_sim_run_at(s, i)->step;
        facts[i].run = tsr_sim_run_at(s, i)->run;
    }
    tsr_or_agreement(s, res);
    tsr_or_blame_sound(s, res);
    tsr_or_identified(s, res, facts, nruns);
    tsr_or_liveness(s, res, facts, nruns);
    tsr_or_secrecy(s, res);
    free(facts);
}

/* ==== NO_LEAK: the text scan =================================================================== */

static int tsr_or_is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Secrets shorter than this are not scanned: their hex is short enough to occur by chance (the
 * 8-digit message digests of the transcript, say). Every registered secret is a 32-byte scalar
 * in practice; we look for its full hex only (64 digits), never a prefix, so a hit is never a
 * coincidence. */
#define TSR_OR_MIN_SECRET 8

typedef struct {
    const uint8_t *p;
    size_t len, idx;
} tsr_or_sref;

static int tsr_or_sref_cmp(const void *a, const void *b) {
    const tsr_or_sref *x = a, *y = b;
    int c;
    if (x->len != y->len) {
        return x->len < y->len ? -1 : 1;
    }
    c = memcmp(x->p, y->p, x->len);
    if (c != 0) {
        return c;
    }
    return x->idx < y->idx ? -1 : (x->idx > y->idx ? 1 : 0);
}

static unsigned tsr_or_nib(char c) {
    if (c >= '0' && c <= '9') return (unsigned)(c - '0');
    if (c >= 'a' && c <= 'f') return (unsigned)(c - 'a' + 10);
    return (unsigned)(c - 'A' + 10);
}

/* Index of a secret of length len equal to key in the sorted refs[0..n-1], or -1. */
static long tsr_or_lookup(const tsr_or_sref *refs, size_t n, const uint8_t *key, size_t len) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = refs[mid].len != len ? (refs[mid].len < len ? -1 : 1) : memcmp(refs[mid].p, key, len);
        if (c == 0) {
            return (long)refs[mid].idx;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return -1;
}

size_t tsr_sim_scan_text(tsr_sim *s, const char *what, const char *text, size_t len) {
    tsr_sim_result *res = tsr_sim_result_mut(s);
    tsr_sim_verdict *v = &res->oracle[TSR_SIM_P_NO_LEAK];
    size_t nsec = tsr_sim_nsecrets(s), nref = 0, found = 0, pos = 0, i, k, nlens = 0, li;
    size_t lens[8];
    tsr_or_sref *refs = NULL;
    uint8_t *buf = NULL;
    size_t bufcap = 0;

    if (!v->checked) {
        v->checked = 1;
        v->ok = 1;
        /* the same words whichever texts get scanned, so that a transcript does not depend on
         * which other outputs were asked for */
        tsr_or_fmt(v->detail, sizeof v->detail, "none of the %zu registered secrets appears in a scanned text", nsec);
    }
    if (text == NULL || nsec == 0) {
        goto done;
    }
    /* most texts hold no long hex run at all: skip building the index then */
    for (i = 0, k = 0; i < len && k < 2 * TSR_OR_MIN_SECRET; i++) {
        k = tsr_or_is_hex(text[i]) ? k + 1 : 0;
    }
    if (k < 2 * TSR_OR_MIN_SECRET) {
        goto done;
    }
    refs = malloc(nsec * sizeof *refs);
    if (refs == NULL) {
        goto oom;
    }
    for (i = 0; i < nsec; i++) {
        size_t sl;
        const uint8_t *sp = tsr_sim_secret_at(s, i, &sl);
        if (sp == NULL || sl < TSR_OR_MIN_SECRET || sl > 4096) {
            continue;
        }
        refs[nref].p = sp;
        refs[nref].len = sl;
        refs[nref].idx = i;
        nref++;
        for (li = 0; li < nlens && lens[li] != sl; li++) {
        }
        if (li == nlens && nlens < sizeof lens / sizeof lens[0]) {
            lens[nlens++] = sl;
        }
        if (sl > bufcap) {
            bufcap = sl;
        }
    }
    if (nref == 0) {
        goto done;
    }
    qsort(refs, nref, sizeof *refs, tsr_or_sref_cmp);
    buf = malloc(bufcap);
    if (buf == NULL) {
        goto oom;
    }
    /* Only maximal runs of hex digits long enough to hold a secret's hex can contain one; at every
     * offset of such a run, decode each registered length (either case) and look it up. */
    while (pos < len) {
        size_t start, rl;
        if (!tsr_or_is_hex(text[pos])) {
            pos++;
            continue;
        }
        start = pos;
        while (pos < len && tsr_or_is_hex(text[pos])) {
            pos++;
        }
        rl = pos - start;
        for (li = 0; li < nlens; li++) {
            size_t sl = lens[li], off;
            for (off = 0; 2 * sl <= rl && off <= rl - 2 * sl; off++) {
                const char *h = text + start + off;
                long hit;
                for (k = 0; k < sl; k++) {
                    buf[k] = (uint8_t)((tsr_or_nib(h[2 * k]) << 4) | tsr_or_nib(h[2 * k + 1]));
                }
                hit = tsr_or_lookup(refs, nref, buf, sl);
                if (hit >= 0) {
                    if (found++ == 0 && v->ok) {
                        v->ok = 0;
                        tsr_or_fmt(v->detail, sizeof v->detail, "registered secret #%ld (%zu bytes) appears in the %s",
                                 hit, sl, what ? what : "text");
                    }
                }
            }
        }
    }
done:
    if (buf != NULL) {
        tsr_memzero(buf, bufcap);
    }
    free(buf);
    free(refs);
    return found;
oom:
    v->ok = 0;
    tsr_or_fmt(v->detail, sizeof v->detail, "out of memory while scanning the %s", what ? what : "text");
    free(buf);
    free(refs);
    return found;
}

/* ==== expectations ============================================================================= */

/* 1 if an honest judge blamed sim party p (malicious) with check (-1: any), anywhere. */
static int tsr_or_blamed_with(const tsr_sim *s, uint32_t p, int check, int *other_check) {
    size_t i, ne = tsr_sim_nevents(s);
    *other_check = -1;
    for (i = 0; i < ne; i++) {
        const tsr_sim_event *e = tsr_sim_event_at(s, i);
        uint32_t c;
        if (e->kind != TSR_SIM_EV_BLAME || tsr_or_corrupt(s, e->party) || !tsr_or_culprit(e->culprit, &c) || c != p) {
            continue;
        }
        if (check < 0 || e->check == check) {
            return 1;
        }
        *other_check = e->check;
    }
    return 0;
}

static const char *tsr_or_outcome_name(int o) {
    return o == TSR_SIM_OUTCOME_SUCCESS ? "success" : o == TSR_SIM_OUTCOME_ABORT ? "abort" : "none";
}

void tsr_sim_expect_check(tsr_sim *s) {
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    const tsr_sim_expect *x = &cfg->expect;
    tsr_sim_result *res = tsr_sim_result_mut(s);
    size_t i, ne = tsr_sim_nevents(s), k;
    int p, other;

#define TSR_OR_FAIL(...)                                                          \
    do {                                                                          \
        res->expect_ok = 0;                                                       \
        tsr_or_fmt(res->expect_detail, sizeof res->expect_detail, __VA_ARGS__);     \
        return;                                                                   \
    } while (0)

    res->expect_ok = 1;
    if (!x->set) {
        tsr_or_fmt(res->expect_detail, sizeof res->expect_detail, "no expectations given");
        return;
    }
    if (x->outcome != 0 && res->outcome != x->outcome) {
        TSR_OR_FAIL("expected outcome %s, got %s", tsr_or_outcome_name(x->outcome), tsr_or_outcome_name(res->outcome));
    }
    for (i = 0; i < x->nblamed && i < sizeof x->blamed / sizeof x->blamed[0]; i++) {
        if (!tsr_or_blamed_with(s, x->blamed[i].party, x->blamed[i].check, &other)) {
            if (other >= 0) {
                TSR_OR_FAIL("party %u was blamed with %s, expected %s", (unsigned)x->blamed[i].party,
                            tsr_or_check(other), tsr_or_check(x->blamed[i].check));
            }
            if (x->blamed[i].check >= 0) {
                TSR_OR_FAIL("no honest party blamed party %u with %s", (unsigned)x->blamed[i].party,
                            tsr_or_check(x->blamed[i].check));
            }
            TSR_OR_FAIL("no honest party blamed party %u", (unsigned)x->blamed[i].party);
        }
    }
    if (x->blamed_exact) {
        for (i = 0; i < ne; i++) {
            const tsr_sim_event *e = tsr_sim_event_at(s, i);
            uint32_t c;
            int listed = 0;
            if (e->kind != TSR_SIM_EV_BLAME || tsr_or_corrupt(s, e->party) || !tsr_or_culprit(e->culprit, &c)) {
                continue;
            }
            for (k = 0; k < x->nblamed && k < sizeof x->blamed / sizeof x->blamed[0]; k++) {
                listed |= x->blamed[k].party == c;
            }
            if (!listed) {
                TSR_OR_FAIL("party %u blamed party %u (%s), which the scenario does not expect", (unsigned)e->party,
                            (unsigned)c, tsr_or_check(e->check));
            }
        }
    }
    for (i = 0; i < x->nunresponsive && i < sizeof x->unresponsive / sizeof x->unresponsive[0]; i++) {
        int seen = 0;
        for (k = 0; k < ne && !seen; k++) {
            const tsr_sim_event *e = tsr_sim_event_at(s, k);
            uint32_t c;
            seen = e->kind == TSR_SIM_EV_UNRESPONSIVE && !tsr_or_corrupt(s, e->party) &&
                   tsr_or_culprit(e->culprit, &c) && c == x->unresponsive[i];
        }
        if (!seen) {
            TSR_OR_FAIL("no honest party marked party %u unresponsive", (unsigned)x->unresponsive[i]);
        }
    }
    if (x->max_keygen_runs > 0 && res->keygen_runs > x->max_keygen_runs) {
        TSR_OR_FAIL("keygen took %zu runs, expected at most %zu", res->keygen_runs, x->max_keygen_runs);
    }
    if (x->max_sign_attempts > 0) {
        for (k = 0; k < cfg->nsign && k < TSR_SIM_MAX_STEPS; k++) {
            if (res->sign_attempts[k] > x->max_sign_attempts) {
                TSR_OR_FAIL("signature %zu took %zu attempts, expected at most %zu", k + 1, res->sign_attempts[k],
                            x->max_sign_attempts);
            }
        }
    }
    if (x->equivocation_abort) {
        int seen = 0;
        for (k = 0; k < ne && !seen; k++) {
            const tsr_sim_event *e = tsr_sim_event_at(s, k);
            seen = e->kind == TSR_SIM_EV_BLAME && e->step == 0 && e->check == TSR_CHECK_EQUIVOCATION &&
                   e->culprit == TSR_CULPRIT_NONE && !tsr_or_corrupt(s, e->party);
        }
        if (!seen) {
            TSR_OR_FAIL("expected the keygen to abort with EQUIVOCATION (nobody named); it did not");
        }
    }
    for (p = 0; p < TSR_SIM_P__COUNT; p++) {
        const tsr_sim_verdict *v = &res->oracle[p];
        int expected_fail = 0;
        for (k = 0; k < x->nviolations && k < sizeof x->violations / sizeof x->violations[0]; k++) {
            expected_fail |= x->violations[k] == p;
        }
        if (expected_fail && !(v->checked && !v->ok)) {
            TSR_OR_FAIL("property %s was expected to fail but %s", tsr_sim_property_name(p),
                        v->checked ? "holds" : "was not checked");
        }
        if (!expected_fail && v->checked && !v->ok) {
            TSR_OR_FAIL("property %s fails: %s", tsr_sim_property_name(p), v->detail);
        }
    }
#undef TSR_OR_FAIL
    tsr_or_fmt(res->expect_detail, sizeof res->expect_detail, "all expectations met");
}
