/* `tessera sim sweep` (a grid of runs: CSV and two SVG plots) and `tessera sim random`
 * (randomized adversarial runs counting oracle violations and false blames). */
#include <errno.h>
#include <stdarg.h>
#include <math.h> /* NAN */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tessera/wire.h"
#include "cli.h"
#include "rng.h"
#include "sim.h"
#include "sim_plot.h"
#include "sim_scenario.h"

#define TSR_SWEEP_MAX_N 64
#define TSR_SWEEP_MAX_T 64
#define TSR_SWEEP_MAX_STRATEGIES 64
#define TSR_SWEEP_MAX_FAULTS 32
#define TSR_SWEEP_MAX_RUNS 1000000u

/* ---- deterministic draws --------------------------------------------------------------------- */

static uint64_t tsr_sweep_u64(tsr_sim_rng *r) {
    uint8_t b[8];
    uint64_t v = 0;
    size_t i;
    (void)tsr_sim_rng_fill(r, b, sizeof b);
    for (i = 0; i < 8; i++) {
        v = (v << 8) | b[i];
    }
    return v;
}

/* Uniform in 0..m-1 (m >= 1; the modulo bias is irrelevant here). */
static size_t tsr_sweep_below(tsr_sim_rng *r, size_t m) {
    return m <= 1 ? 0 : (size_t)(tsr_sweep_u64(r) % (uint64_t)m);
}

/* ---- progress -------------------------------------------------------------------------------- */

static int tsr_sweep_tty = -1;

/* A progress line on stderr: rewritten in place on a terminal, one line each otherwise. */
static void tsr_sweep_progress(const char *line, int last) {
    if (tsr_sweep_tty < 0) {
        tsr_sweep_tty = isatty(2) ? 1 : 0;
    }
    if (tsr_sweep_tty) {
        fprintf(stderr, "\r%-78.78s", line);
        if (last) {
            fputc('\n', stderr);
        }
    } else {
        fprintf(stderr, "%s\n", line);
    }
    fflush(stderr);
}

/* ---- run measurements ------------------------------------------------------------------------ */

typedef struct {
    int internal;            /* tsr_sim_run failed */
    int outcome;
    int detected;            /* an honest party blamed or marked someone, refused, or a run failed */
    int identified;          /* -1: no corrupt party acted; else every acting one was named */
    int succeeded;           /* the attack achieved its goal */
    int oracle_ok;
    int violated[TSR_SIM_P__COUNT];
    size_t keygen_runs, sign_attempts, msgs, bytes;
    double cpu_ms_total, cpu_ms_per_party;
} tsr_sweep_meas;

/* Measures a finished run (texts built, so NO_LEAK is settled). dos: the strategy only aims at
 * stopping the ceremony. */
static void tsr_sweep_measure(tsr_sweep_meas *m, const tsr_sim *s, int dos) {
    const tsr_sim_result *r = tsr_sim_result_get(s);
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    uint8_t acted[TSR_SIM_NPARTIES], named[TSR_SIM_NPARTIES];
    size_t i, nacted = 0, nnamed = 0;
    int p;
    uint64_t cpu = 0;
    memset(acted, 0, sizeof acted);
    memset(named, 0, sizeof named);
    m->internal = 0;
    m->outcome = r->outcome;
    m->detected = r->outcome == TSR_SIM_OUTCOME_ABORT || r->keygen_runs > 1;
    m->keygen_runs = r->keygen_runs;
    m->sign_attempts = 0;
    for (i = 0; i < cfg->nsign && i < TSR_SIM_MAX_STEPS; i++) {
        m->sign_attempts += r->sign_attempts[i];
        if (r->sign_attempts[i] > 1) {
            m->detected = 1;
        }
    }
    for (i = 0; i < tsr_sim_nevents(s); i++) {
        const tsr_sim_event *ev = tsr_sim_event_at(s, i);
        uint32_t c;
        if (ev->kind != TSR_SIM_EV_BLAME && ev->kind != TSR_SIM_EV_UNRESPONSIVE && ev->kind != TSR_SIM_EV_REFUSE) {
            continue;
        }
        if (tsr_sim_is_corrupt(s, ev->party)) {
            continue;
        }
        m->detected = 1;
        if (ev->kind == TSR_SIM_EV_REFUSE) {
            continue;
        }
        c = ev->culprit == TSR_CULPRIT_COORDINATOR ? TSR_SIM_COORD : ev->culprit;
        if (ev->culprit != TSR_CULPRIT_NONE && c < TSR_SIM_NPARTIES) {
            named[c] = 1;
        }
    }
    for (i = 0; i < tsr_sim_nmsgs(s); i++) {
        const tsr_sim_msg *msg = tsr_sim_msg_at(s, i);
        int cheat = (msg->flags & (TSR_SIM_F_MUTATED | TSR_SIM_F_FORGED | TSR_SIM_F_REPLAYED)) != 0 &&
                    (msg->flags & TSR_SIM_F_PROCESSED) != 0;
        if (msg->from < TSR_SIM_NPARTIES && msg->from != msg->to && tsr_sim_is_corrupt(s, msg->from) &&
            (cheat || (msg->flags & TSR_SIM_F_WITHHELD) != 0)) {
            acted[msg->from] = 1;
        }
    }
    for (p = 0; p < TSR_SIM_NPARTIES; p++) {
        if (acted[p]) {
            nacted++;
            nnamed += named[p];
        }
    }
    m->identified = nacted == 0 ? -1 : nnamed == nacted;
    m->oracle_ok = 1;
    for (p = 0; p < TSR_SIM_P__COUNT; p++) {
        m->violated[p] = r->oracle[p].checked && !r->oracle[p].ok;
        if (m->violated[p]) {
            m->oracle_ok = 0;
        }
    }
    m->succeeded = !m->oracle_ok || (dos && r->outcome == TSR_SIM_OUTCOME_ABORT);
    m->msgs = 0;
    m->bytes = 0;
    for (i = 0; i <= cfg->n && i < TSR_SIM_NPARTIES; i++) {
        m->msgs += r->party[i].msgs_sent;
        m->bytes += r->party[i].bytes_sent;
        if (i >= 1) {
            cpu += r->party[i].cpu_ns;
        }
    }
    m->cpu_ms_total = (double)r->cpu_ns_total / 1e6;
    m->cpu_ms_per_party = cfg->n > 0 ? (double)cpu / 1e6 / (double)cfg->n : 0.0;
}

/* Creates and runs cfg, builds and scans the transcript and report, measures. Returns 0, or -1
 * (internal failure: reason printed, m->internal set). */
static int tsr_sweep_one(tsr_sweep_meas *m, const tsr_sim_config *cfg, int dos, tsr_sim **keep) {
    char err[512];
    tsr_sim *s;
    tsr_sim_texts texts;
    memset(m, 0, sizeof *m);
    if (keep != NULL) {
        *keep = NULL;
    }
    err[0] = 0;
    s = tsr_sim_create(cfg, err, sizeof err);
    if (s == NULL) {
        tsr_cli_err("seed %llu: cannot create the simulation: %s", (unsigned long long)cfg->seed, err);
        m->internal = 1;
        return -1;
    }
    if (tsr_sim_run(s, err, sizeof err) != 0 ||
        tsr_sim_texts_build(&texts, s, TSR_SIM_TEXT_TRANSCRIPT | TSR_SIM_TEXT_REPORT, 0, err, sizeof err) != 0) {
        char msg[600];
        snprintf(msg, sizeof msg, "seed %llu: internal failure: %s\n", (unsigned long long)cfg->seed, err);
        fprintf(stderr, "%s: ", tsr_cli_prog);
        tsr_sim_say(s, stderr, "%s", msg);
        tsr_sim_destroy(s);
        m->internal = 1;
        return -1;
    }
    tsr_sim_texts_free(&texts);
    tsr_sweep_measure(m, s, dos);
    if (keep != NULL) {
        *keep = s;
    } else {
        tsr_sim_destroy(s);
    }
    return 0;
}

/* ---- sweep files ----------------------------------------------------------------------------- */

typedef struct {
    json_t *root;
    json_t *base;                               /* the "base" object (or an empty one), owned ref */
    char name[TSR_SIM_NAME];
    size_t nn, n[TSR_SWEEP_MAX_N];
    size_t nt, t[TSR_SWEEP_MAX_T];              /* nt == 0: t_frac, or the base's t */
    double t_frac;                              /* 0: not given */
    size_t nstrat;
    json_t *strat[TSR_SWEEP_MAX_STRATEGIES];    /* behaviour objects (owned refs); NULL: "none" */
    char label[TSR_SWEEP_MAX_STRATEGIES][80];
    int sid[TSR_SWEEP_MAX_STRATEGIES];          /* strategy id; NONE for a mutation; -1 for "none" */
    int coord[TSR_SWEEP_MAX_STRATEGIES];        /* played by the coordinator (party 0) */
    int sign[TSR_SWEEP_MAX_STRATEGIES];         /* acts in signing */
    size_t corrupt;
    size_t nfaults;
    double faults[TSR_SWEEP_MAX_FAULTS];
    size_t seeds;
} tsr_sweep;

static void tsr_sweep_free(tsr_sweep *sw) {
    size_t i;
    for (i = 0; i < sw->nstrat; i++) {
        json_decref(sw->strat[i]);
    }
    json_decref(sw->base);
    json_decref(sw->root);
}

static int tsr_sweep_fail(const tsr_cli_src *s, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int tsr_sweep_fail(const tsr_cli_src *s, const char *key, const char *fmt, ...) {
    char k[256], why[320];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    tsr_cli_err("%s: %s: %s", s->file, tsr_cli_src_key(k, s, key), why);
    return TSR_CLI_USAGE;
}

/* A list of integers in [min, max] (a single integer is a list of one). */
static int tsr_sweep_ints(size_t *out, size_t *count, size_t cap, const tsr_cli_src *s, const char *key,
                          const json_t *v, size_t min, size_t max) {
    size_t i, n;
    if (json_is_integer(v)) {
        n = 1;
    } else if (json_is_array(v)) {
        n = json_array_size(v);
        if (n < 1 || n > cap) {
            return tsr_sweep_fail(s, key, "has %lu entries, expected 1..%lu", (unsigned long)n, (unsigned long)cap);
        }
    } else {
        return tsr_sweep_fail(s, key, "must be an integer or a list of integers");
    }
    for (i = 0; i < n; i++) {
        const json_t *e = json_is_array(v) ? json_array_get(v, i) : v;
        long long x;
        if (!json_is_integer(e)) {
            return tsr_sweep_fail(s, key, "entry %lu is not an integer", (unsigned long)i);
        }
        x = (long long)json_integer_value(e);
        if (x < (long long)min || x > (long long)max) {
            return tsr_sweep_fail(s, key, "entry %lu is %lld, expected %lu..%lu", (unsigned long)i, x,
                                  (unsigned long)min, (unsigned long)max);
        }
        out[i] = (size_t)x;
    }
    *count = n;
    return TSR_CLI_OK;
}

/* One grid strategy entry: a name, "none", or a behaviour object (checked per grid point). */
static int tsr_sweep_strategy(tsr_sweep *sw, size_t i, const json_t *v, const tsr_cli_src *el) {
    json_t *obj;
    json_t *sv, *mv;
    size_t j;
    if (json_is_string(v)) {
        const char *name = json_string_value(v);
        int id;
        if (strcmp(name, "none") == 0) {
            sw->strat[i] = NULL;
            sw->sid[i] = -1;
            snprintf(sw->label[i], sizeof sw->label[i], "none");
            return TSR_CLI_OK;
        }
        id = tsr_sim_strategy_parse(name);
        if (id <= TSR_SIM_S_NONE || id >= TSR_SIM_S__COUNT) {
            return tsr_sweep_fail(el, NULL, "unknown strategy '%.40s' (try `tessera sim strategies`, or \"none\")",
                                  name);
        }
        obj = json_pack("{s:s}", "strategy", name);
    } else if (json_is_object(v)) {
        obj = json_deep_copy(v);
    } else {
        return tsr_sweep_fail(el, NULL, "must be a strategy name, \"none\" or a behaviour object");
    }
    if (obj == NULL) {
        tsr_cli_err("out of memory");
        return TSR_CLI_INTERNAL;
    }
    sw->strat[i] = obj;
    sv = json_object_get(obj, "strategy");
    mv = json_object_get(obj, "mutate");
    if (sv != NULL && json_is_string(sv)) {
        int id = tsr_sim_strategy_parse(json_string_value(sv));
        const char *proto = tsr_sim_strategy_proto(id);
        json_t *pv = json_object_get(obj, "protocol");
        sw->sid[i] = id;
        sw->coord[i] = tsr_sim_strategy_coord(id);
        sw->sign[i] = proto != NULL ? strcmp(proto, "sign") == 0
                                    : (pv != NULL && json_is_string(pv) && strcmp(json_string_value(pv), "sign") == 0);
        snprintf(sw->label[i], sizeof sw->label[i], "%s", json_string_value(sv));
    } else if (mv != NULL && json_is_string(mv)) {
        json_t *mu = json_object_get(obj, "mutator");
        uint16_t type = 0;
        char field[64], ferr[160];
        sw->sid[i] = TSR_SIM_S_NONE;
        if (tsr_sim_target_parse(&type, field, sizeof field, json_string_value(mv), ferr, sizeof ferr) == 0 &&
            type != 0) {
            sw->coord[i] = type == TSR_MSG_FROST_REQUEST || type == TSR_MSG_FROST_SIGNATURE;
            sw->sign[i] = (type >> 8) != 0x02;
        } else {
            json_t *pv = json_object_get(obj, "protocol");
            sw->sign[i] = pv != NULL && json_is_string(pv) && strcmp(json_string_value(pv), "sign") == 0;
        }
        snprintf(sw->label[i], sizeof sw->label[i], "%.50s:%.24s", json_string_value(mv),
                 mu != NULL && json_is_string(mu) ? json_string_value(mu) : "?");
    } else {
        sw->sid[i] = TSR_SIM_S_NONE; /* the behaviour parser reports what is wrong */
        snprintf(sw->label[i], sizeof sw->label[i], "strategies[%lu]", (unsigned long)i);
    }
    for (j = 0; j < i; j++) { /* labels name series and rows: keep them distinct */
        if (strcmp(sw->label[j], sw->label[i]) == 0) {
            size_t l = strlen(sw->label[i]);
            snprintf(sw->label[i] + (l > 70 ? 70 : l), sizeof sw->label[i] - (l > 70 ? 70 : l), "#%lu",
                     (unsigned long)i);
            break;
        }
    }
    return TSR_CLI_OK;
}

static int tsr_sweep_load(tsr_sweep *sw, const char *path) {
    static const char *const keys[] = {"name", "description", "base", "grid", NULL};
    static const char *const gkeys[] = {"n", "t", "t_frac", "strategies", "corrupt", "faults", "seeds", NULL};
    tsr_cli_src root, grid, arr;
    json_t *v, *g;
    char err[512];
    size_t i;
    int rc;
    memset(sw, 0, sizeof *sw);
    if (tsr_sim_json_file(&sw->root, path, err, sizeof err) != 0) {
        tsr_cli_err("%s", err);
        return TSR_CLI_USAGE;
    }
    tsr_cli_src_root(&root, path);
    if (!json_is_object(sw->root)) {
        return tsr_sweep_fail(&root, NULL, "a sweep file is a JSON object");
    }
    if ((rc = tsr_cli_only_keys(&root, sw->root, keys)) != TSR_CLI_OK) {
        return rc;
    }
    snprintf(sw->name, sizeof sw->name, "sweep");
    if ((v = json_object_get(sw->root, "name")) != NULL) {
        if (!json_is_string(v) || json_string_length(v) >= sizeof sw->name) {
            return tsr_sweep_fail(&root, "name", "must be a string of at most %lu bytes",
                                  (unsigned long)(sizeof sw->name - 1));
        }
        snprintf(sw->name, sizeof sw->name, "%s", json_string_value(v));
    }
    if ((v = json_object_get(sw->root, "description")) != NULL && !json_is_string(v)) {
        return tsr_sweep_fail(&root, "description", "must be a string");
    }
    if ((v = json_object_get(sw->root, "base")) != NULL) {
        if (!json_is_object(v)) {
            return tsr_sweep_fail(&root, "base", "must be an object (scenario keys without corrupt and expect)");
        }
        sw->base = json_incref(v);
    } else {
        sw->base = json_object();
    }
    {
        /* the grid replaces the base's n and t: check them here, the scenario parser never sees them */
        static const char *const nt[2] = {"n", "t"};
        tsr_cli_src bs;
        tsr_cli_src_child(&bs, &root, "base", 0);
        for (i = 0; i < 2; i++) {
            v = json_object_get(sw->base, nt[i]);
            if (v != NULL && (!json_is_integer(v) || json_integer_value(v) < 2 ||
                              json_integer_value(v) > TSR_MAX_PARTIES)) {
                return tsr_sweep_fail(&bs, nt[i], "must be an integer in 2..%d", TSR_MAX_PARTIES);
            }
        }
    }
    if ((g = json_object_get(sw->root, "grid")) == NULL) {
        return tsr_sweep_fail(&root, "grid", "missing (the grid: n, t or t_frac, strategies, corrupt, faults, "
                                             "seeds)");
    }
    tsr_cli_src_child(&grid, &root, "grid", 0);
    if (!json_is_object(g)) {
        return tsr_sweep_fail(&root, "grid", "must be an object");
    }
    if ((rc = tsr_cli_only_keys(&grid, g, gkeys)) != TSR_CLI_OK) {
        return rc;
    }
    if ((v = json_object_get(g, "n")) != NULL) {
        if ((rc = tsr_sweep_ints(sw->n, &sw->nn, TSR_SWEEP_MAX_N, &grid, "n", v, 2, TSR_MAX_PARTIES)) != TSR_CLI_OK) {
            return rc;
        }
    } else {
        json_t *bn = json_object_get(sw->base, "n");
        sw->nn = 1;
        sw->n[0] = bn != NULL && json_is_integer(bn) ? (size_t)json_integer_value(bn) : 3;
    }
    if (json_object_get(g, "t") != NULL && json_object_get(g, "t_frac") != NULL) {
        return tsr_sweep_fail(&grid, "t_frac", "give \"t\" or \"t_frac\", not both");
    }
    if ((v = json_object_get(g, "t")) != NULL &&
        (rc = tsr_sweep_ints(sw->t, &sw->nt, TSR_SWEEP_MAX_T, &grid, "t", v, 2, TSR_MAX_PARTIES)) != TSR_CLI_OK) {
        return rc;
    }
    if ((v = json_object_get(g, "t_frac")) != NULL) {
        if (!json_is_number(v) || !(json_number_value(v) > 0.0 && json_number_value(v) <= 1.0)) {
            return tsr_sweep_fail(&grid, "t_frac", "must be a number in (0, 1]: t = t_frac * n rounded, at least 2");
        }
        sw->t_frac = json_number_value(v);
    }
    if ((v = json_object_get(g, "strategies")) == NULL) {
        sw->nstrat = 1;
        sw->strat[0] = NULL;
        sw->sid[0] = -1;
        snprintf(sw->label[0], sizeof sw->label[0], "none");
    } else {
        if (!json_is_array(v) || json_array_size(v) < 1 || json_array_size(v) > TSR_SWEEP_MAX_STRATEGIES) {
            return tsr_sweep_fail(&grid, "strategies", "must be a list of 1..%d strategies",
                                  TSR_SWEEP_MAX_STRATEGIES);
        }
        tsr_cli_src_child(&arr, &grid, "strategies", 0);
        for (i = 0; i < json_array_size(v); i++) {
            tsr_cli_src el;
            tsr_cli_src_child(&el, &arr, NULL, i);
            sw->nstrat = i;
            if ((rc = tsr_sweep_strategy(sw, i, json_array_get(v, i), &el)) != TSR_CLI_OK) {
                return rc;
            }
        }
        sw->nstrat = json_array_size(v);
    }
    sw->corrupt = 1;
    if ((v = json_object_get(g, "corrupt")) != NULL) {
        size_t one = 0;
        if ((rc = tsr_sweep_ints(&sw->corrupt, &one, 1, &grid, "corrupt", v, 0, TSR_MAX_PARTIES)) != TSR_CLI_OK) {
            return rc;
        }
        if (!json_is_integer(v)) {
            return tsr_sweep_fail(&grid, "corrupt", "must be one integer (corrupt parties per run, below t)");
        }
    }
    sw->nfaults = 1;
    sw->faults[0] = 0.0;
    if ((v = json_object_get(g, "faults")) != NULL) {
        if (!json_is_array(v) || json_array_size(v) < 1 || json_array_size(v) > TSR_SWEEP_MAX_FAULTS) {
            return tsr_sweep_fail(&grid, "faults", "must be a list of 1..%d drop rates", TSR_SWEEP_MAX_FAULTS);
        }
        for (i = 0; i < json_array_size(v); i++) {
            const json_t *f = json_array_get(v, i);
            if (!json_is_number(f) || !(json_number_value(f) >= 0.0 && json_number_value(f) <= 1.0)) {
                return tsr_sweep_fail(&grid, "faults", "entry %lu must be a drop rate in 0..1", (unsigned long)i);
            }
            sw->faults[i] = json_number_value(f);
        }
        sw->nfaults = json_array_size(v);
    }
    sw->seeds = 1;
    if ((v = json_object_get(g, "seeds")) != NULL) {
        size_t one = 0;
        if (!json_is_integer(v)) {
            return tsr_sweep_fail(&grid, "seeds", "must be an integer (runs per grid point)");
        }
        if ((rc = tsr_sweep_ints(&sw->seeds, &one, 1, &grid, "seeds", v, 1, 100000)) != TSR_CLI_OK) {
            return rc;
        }
    }
    return TSR_CLI_OK;
}

/* The thresholds of grid n: the t list (those in 2..n), t_frac * n rounded (2..n), or the base's t. */
static size_t tsr_sweep_ts(size_t *out, const tsr_sweep *sw, size_t n) {
    size_t i, k = 0;
    if (sw->nt > 0) {
        for (i = 0; i < sw->nt; i++) {
            if (sw->t[i] >= 2 && sw->t[i] <= n) {
                out[k++] = sw->t[i];
            }
        }
        return k;
    }
    if (sw->t_frac > 0.0) {
        double x = sw->t_frac * (double)n + 0.5; /* positive: the cast floors it (no libm) */
        size_t t = x < 2.0 ? 2 : (size_t)x;
        out[0] = t > n ? n : t;
        return 1;
    }
    {
        json_t *bt = json_object_get(sw->base, "t");
        size_t t = bt != NULL && json_is_integer(bt) && json_integer_value(bt) >= 2 ? (size_t)json_integer_value(bt) : 2;
        if (t > n) {
            return 0;
        }
        out[0] = t;
        return 1;
    }
}

/* Integer members "to", "from", "party" of a behaviour object: parties it targets, which are
 * never drawn as its players. */
static void tsr_sweep_targets(uint8_t *excl, const json_t *obj, size_t n) {
    static const char *const keys[] = {"to", "from", "party"};
    size_t k, i;
    if (obj == NULL) {
        return;
    }
    for (k = 0; k < 3; k++) {
        const json_t *v = json_object_get(obj, keys[k]);
        if (v == NULL) {
            continue;
        }
        if (json_is_integer(v) && json_integer_value(v) >= 0 && (size_t)json_integer_value(v) <= n) {
            excl[json_integer_value(v)] = 1;
        }
        for (i = 0; json_is_array(v) && i < json_array_size(v); i++) {
            const json_t *e = json_array_get(v, i);
            if (json_is_integer(e) && json_integer_value(e) >= 0 && (size_t)json_integer_value(e) <= n) {
                excl[json_integer_value(e)] = 1;
            }
        }
    }
}

/* The configuration of one grid point and seed: the base with n and t, the drop rate, and the
 * corrupt parties (drawn from the seed among 1..n, fewer than t; the coordinator for coordinator
 * strategies) each playing the strategy. Returns TSR_CLI_OK or TSR_CLI_USAGE (reported). */
static int tsr_sweep_config(tsr_sim_config *cfg, const tsr_sweep *sw, const char *path, size_t n, size_t t, size_t si,
                            double fault, size_t seed_index) {
    tsr_cli_src root, base_src, arr, el;
    json_t *base = json_deep_copy(sw->base);
    char err[512];
    uint32_t players[TSR_SIM_NPARTIES];
    uint8_t excl[TSR_SIM_NPARTIES], is_player[TSR_SIM_NPARTIES];
    size_t nplayers = 0, i, want;
    uint64_t seed;
    tsr_sim_rng rng;
    int rc;
    if (base == NULL || json_object_set_new(base, "n", json_integer((json_int_t)n)) != 0 ||
        json_object_set_new(base, "t", json_integer((json_int_t)t)) != 0) {
        json_decref(base);
        tsr_cli_err("out of memory");
        return TSR_CLI_INTERNAL;
    }
    tsr_cli_src_root(&root, path);
    tsr_cli_src_child(&base_src, &root, "base", 0);
    rc = tsr_sim_scenario_parse_at(cfg, base, &base_src, TSR_SIM_SCN_BASE, err, sizeof err);
    json_decref(base);
    if (rc != 0) {
        tsr_cli_err("%s", err);
        return TSR_CLI_USAGE;
    }
    seed = cfg->seed + (uint64_t)seed_index;
    cfg->seed = seed;
    cfg->faults.drop = fault;
    cfg->no_timing = 0;
    {
        char name[320];
        snprintf(name, sizeof name, "%.40s n=%lu t=%lu %.24s fault=%g seed=%llu", sw->name, (unsigned long)n,
                 (unsigned long)t, sw->label[si], fault, (unsigned long long)seed);
        name[sizeof cfg->name - 1] = 0;
        memcpy(cfg->name, name, sizeof cfg->name);
    }
    cfg->ncorrupt = 0;
    if (sw->strat[si] == NULL) {
        return TSR_CLI_OK;
    }
    memset(excl, 0, sizeof excl);
    memset(is_player, 0, sizeof is_player);
    tsr_sweep_targets(excl, sw->strat[si], n);
    tsr_sim_rng_init_seed(&rng, seed ^ 0x5357454550ULL); /* "SWEEP" */
    if (sw->coord[si]) {
        players[nplayers++] = TSR_SIM_COORD;
        is_player[0] = 1;
    }
    want = sw->coord[si] && sw->sid[si] != TSR_SIM_S_NONCE_EXTRACT ? 0 : sw->corrupt;
    if (want > t - 1) {
        want = t - 1;
    }
    {
        uint32_t pool[TSR_SIM_NPARTIES];
        size_t np = 0;
        for (i = 1; i <= n; i++) {
            if (!excl[i]) {
                pool[np++] = (uint32_t)i;
            }
        }
        for (i = 0; i < want && np > 0; i++) { /* partial Fisher-Yates */
            size_t j = tsr_sweep_below(&rng, np);
            players[nplayers++] = pool[j];
            is_player[pool[j]] = 1;
            pool[j] = pool[--np];
        }
    }
    tsr_sim_rng_clear(&rng);
    for (i = 1; i < nplayers; i++) { /* ascending, like every party loop */
        size_t j;
        for (j = i; j > 0 && players[j - 1] > players[j]; j--) {
            uint32_t x = players[j];
            players[j] = players[j - 1];
            players[j - 1] = x;
        }
    }
    tsr_cli_src_root(&root, path);
    tsr_cli_src_child(&arr, &root, "grid", 0);
    tsr_cli_src_child(&arr, &arr, "strategies", 0);
    tsr_cli_src_child(&el, &arr, NULL, si);
    for (i = 0; i < nplayers; i++) {
        tsr_sim_corrupt *c = &cfg->corrupt[i];
        memset(c, 0, sizeof *c);
        c->party = players[i];
        if (tsr_sim_behaviour_parse(&c->b[0], cfg, c->party, sw->strat[si], &el, err, sizeof err) != 0) {
            tsr_cli_err("%s (grid point n=%lu t=%lu)", err, (unsigned long)n, (unsigned long)t);
            return TSR_CLI_USAGE;
        }
        c->nbehaviours = 1;
        cfg->ncorrupt = i + 1;
    }
    /* a signing strategy should get to sign: its players first in the first signer set */
    if (sw->sign[si] && cfg->nsigners == 0) {
        size_t k = 0;
        for (i = 1; i <= n && k < t; i++) {
            if (is_player[i]) {
                cfg->signers[k++] = (uint32_t)i;
            }
        }
        for (i = 1; i <= n && k < t; i++) {
            if (!is_player[i]) {
                cfg->signers[k++] = (uint32_t)i;
            }
        }
        /* ascending */
        {
            size_t a, b;
            for (a = 1; a < k; a++) {
                for (b = a; b > 0 && cfg->signers[b - 1] > cfg->signers[b]; b--) {
                    uint32_t x = cfg->signers[b];
                    cfg->signers[b] = cfg->signers[b - 1];
                    cfg->signers[b - 1] = x;
                }
            }
        }
        cfg->nsigners = k;
    }
    return TSR_CLI_OK;
}

/* ---- sweep command --------------------------------------------------------------------------- */

static const char tsr_sweep_help[] =
    "usage: tessera sim sweep SWEEP --out DIR\n"
    "\n"
    "Runs a grid of ceremonies and writes DIR/sweep.csv (one line per run), DIR/cost.svg (CPU per\n"
    "party, as a ratio to S = one libsecp256k1 BIP340 signature, against n; one line per strategy,\n"
    "mean over seeds and faults) and DIR/outcomes.svg (strategy x detected / identified / succeeded\n"
    "fractions). A progress line goes to stderr. DIR is created if missing; files are replaced.\n"
    "\n"
    "Sweep file (JSON; unknown keys are errors):\n"
    "  name, description   strings\n"
    "  base                scenario keys (see `tessera sim run --help`) without corrupt and expect;\n"
    "                      its seed is the first run's seed\n"
    "  grid.n              list of party counts (default: base n)\n"
    "  grid.t              list of thresholds (values above n are skipped) | grid.t_frac: t =\n"
    "                      t_frac * n rounded to the nearest, 2..n (default: base t)\n"
    "  grid.strategies     list of strategy names, \"none\" (no corrupt party), or behaviour objects\n"
    "                      ({\"strategy\": ..} or {\"mutate\": .., \"mutator\": ..}, as in scenarios)\n"
    "  grid.corrupt        corrupt parties per run (default 1; capped at t - 1), drawn from the run's\n"
    "                      seed among 1..n; coordinator strategies (coord_*) corrupt party 0 instead\n"
    "  grid.faults         list of network drop rates (default [0])\n"
    "  grid.seeds          runs per grid point (seeds base.seed, base.seed + 1, ...; default 1)\n"
    "\n"
    "CSV columns: n, t, strategy, fault, seed, corrupt (the parties), outcome, detected (an honest\n"
    "party blamed, marked or refused someone, or a run failed), identified (every corrupt party\n"
    "that acted was named by an honest party; empty when none acted), succeeded (an oracle\n"
    "violation, or for denial-of-service strategies an aborted ceremony), keygen_runs,\n"
    "sign_attempts, msgs, bytes, cpu_ms_total, cpu_ms_per_party, ratio_to_S, oracle_ok.\n"
    "\n"
    "Exit status: 0 done and the oracle held in every run; 1 some run violated the oracle;\n"
    "2 usage or bad sweep file; 3 internal error.\n";

static void tsr_sweep_csv_field(tsr_sim_buf *b, const char *s) {
    if (strpbrk(s, ",\"\n") == NULL) {
        tsr_sim_buf_puts(b, s);
        return;
    }
    tsr_sim_buf_put(b, "\"", 1);
    for (; *s; s++) {
        if (*s == '"') {
            tsr_sim_buf_put(b, "\"", 1);
        }
        tsr_sim_buf_put(b, s, 1);
    }
    tsr_sim_buf_put(b, "\"", 1);
}

static int tsr_sweep_write(const char *dir, const char *file, const char *text) {
    char path[4096];
    if (text == NULL) {
        tsr_cli_err("cannot build %s (out of memory)", file);
        return TSR_CLI_INTERNAL;
    }
    if (snprintf(path, sizeof path, "%s/%s", dir, file) >= (int)sizeof path) {
        tsr_cli_err("%s: path too long", dir);
        return TSR_CLI_USAGE;
    }
    return tsr_cli_write_replace(path, (const uint8_t *)text, strlen(text), 0644);
}

int tsr_cli_sim_sweep(int argc, char **argv) {
    const char *out = NULL;
    const tsr_cli_opt opts[] = {
        {"--out", TSR_CLI_OPT_VALUE, &out, NULL, NULL, NULL},
        {NULL, TSR_CLI_OPT_FLAG, NULL, NULL, NULL, NULL},
    };
    const char *pos[1];
    size_t npos = 0;
    tsr_sweep *sw = NULL;
    tsr_sim_config *cfg = NULL;
    tsr_sim_buf csv;
    double s_ns, *cost_sum = NULL, *cost_cnt = NULL, *cells = NULL, *y = NULL, *xs = NULL;
    size_t (*oc)[4] = NULL; /* per strategy: runs, detected, identified applicable, identified */
    size_t *succ = NULL;
    size_t total = 0, done = 0, violations = 0, internal = 0, ni, ti, si, fi, k;
    size_t ts[TSR_SWEEP_MAX_T];
    char line[256];
    int rc;
    struct stat st;

    rc = tsr_cli_parse(argc, argv, opts, pos, &npos, 1);
    if (rc == TSR_CLI_HELP) {
        fputs(tsr_sweep_help, stdout);
        return TSR_CLI_OK;
    }
    if (rc != TSR_CLI_OK) {
        return rc;
    }
    if (npos != 1) {
        tsr_cli_err("needs a SWEEP file (see --help)");
        return TSR_CLI_USAGE;
    }
    if ((rc = tsr_cli_require(out, "--out")) != TSR_CLI_OK) {
        return rc;
    }
    sw = calloc(1, sizeof *sw);
    cfg = malloc(sizeof *cfg);
    if (sw == NULL || cfg == NULL) {
        free(sw);
        free(cfg);
        tsr_cli_err("out of memory");
        return TSR_CLI_INTERNAL;
    }
    tsr_sim_buf_init(&csv);
    if ((rc = tsr_sweep_load(sw, pos[0])) != TSR_CLI_OK) {
        goto done;
    }
    /* every grid point checked before anything runs */
    for (ni = 0; ni < sw->nn; ni++) {
        size_t nts = tsr_sweep_ts(ts, sw, sw->n[ni]);
        for (ti = 0; ti < nts; ti++) {
            for (si = 0; si < sw->nstrat; si++) {
                if ((rc = tsr_sweep_config(cfg, sw, pos[0], sw->n[ni], ts[ti], si, 0.0, 0)) != TSR_CLI_OK) {
                    goto done;
                }
                total += sw->nfaults * sw->seeds;
            }
        }
    }
    if (total == 0) {
        tsr_cli_err("%s: the grid has no valid point (every t is above its n?)", pos[0]);
        rc = TSR_CLI_USAGE;
        goto done;
    }
    if (total > TSR_SWEEP_MAX_RUNS) {
        tsr_cli_err("%s: the grid has %lu runs, at most %u", pos[0], (unsigned long)total, TSR_SWEEP_MAX_RUNS);
        rc = TSR_CLI_USAGE;
        goto done;
    }
    if (stat(out, &st) != 0) {
        if (mkdir(out, 0755) != 0) {
            tsr_cli_err("%s: cannot create the directory: %s", out, strerror(errno));
            rc = TSR_CLI_USAGE;
            goto done;
        }
    } else if (!S_ISDIR(st.st_mode)) {
        tsr_cli_err("%s: not a directory", out);
        rc = TSR_CLI_USAGE;
        goto done;
    }
    cost_sum = calloc(sw->nstrat * sw->nn, sizeof *cost_sum);
    cost_cnt = calloc(sw->nstrat * sw->nn, sizeof *cost_cnt);
    oc = calloc(sw->nstrat, sizeof *oc);
    succ = calloc(sw->nstrat, sizeof *succ);
    if (cost_sum == NULL || cost_cnt == NULL || oc == NULL || succ == NULL) {
        tsr_cli_err("out of memory");
        rc = TSR_CLI_INTERNAL;
        goto done;
    }
    s_ns = tsr_sim_calibrate_s();
    tsr_sim_buf_puts(&csv, "n,t,strategy,fault,seed,corrupt,outcome,detected,identified,succeeded,keygen_runs,"
                           "sign_attempts,msgs,bytes,cpu_ms_total,cpu_ms_per_party,ratio_to_S,oracle_ok\n");
    for (ni = 0; ni < sw->nn; ni++) {
        size_t n = sw->n[ni], nts = tsr_sweep_ts(ts, sw, n);
        for (ti = 0; ti < nts; ti++) {
            for (si = 0; si < sw->nstrat; si++) {
                int dos = sw->sid[si] >= 0 && tsr_sim_strategy_dos(sw->sid[si]);
                for (fi = 0; fi < sw->nfaults; fi++) {
                    for (k = 0; k < sw->seeds; k++) {
                        tsr_sweep_meas m;
                        char corrupt[256];
                        size_t c, l = 0;
                        double ratio;
                        if ((rc = tsr_sweep_config(cfg, sw, pos[0], n, ts[ti], si, sw->faults[fi], k)) != TSR_CLI_OK) {
                            goto done;
                        }
                        done++;
                        snprintf(line, sizeof line, "sweep: %lu/%lu n=%lu t=%lu %s fault=%g seed=%llu",
                                 (unsigned long)done, (unsigned long)total, (unsigned long)n, (unsigned long)ts[ti],
                                 sw->label[si], sw->faults[fi], (unsigned long long)cfg->seed);
                        tsr_sweep_progress(line, done == total);
                        corrupt[0] = 0;
                        for (c = 0; c < cfg->ncorrupt && l < sizeof corrupt - 12; c++) {
                            l += (size_t)snprintf(corrupt + l, sizeof corrupt - l, "%s%u", c ? " " : "",
                                                  (unsigned)cfg->corrupt[c].party);
                        }
                        if (tsr_sweep_one(&m, cfg, dos, NULL) != 0) {
                            internal++;
                            tsr_sim_buf_printf(&csv, "%lu,%lu,", (unsigned long)n, (unsigned long)ts[ti]);
                            tsr_sweep_csv_field(&csv, sw->label[si]);
                            tsr_sim_buf_printf(&csv, ",%g,%llu,%s,internal,,,,,,,,,,,\n", sw->faults[fi],
                                               (unsigned long long)cfg->seed, corrupt);
                            continue;
                        }
                        ratio = s_ns > 0 ? m.cpu_ms_per_party * 1e6 / s_ns : NAN;
                        tsr_sim_buf_printf(&csv, "%lu,%lu,", (unsigned long)n, (unsigned long)ts[ti]);
                        tsr_sweep_csv_field(&csv, sw->label[si]);
                        tsr_sim_buf_printf(&csv, ",%g,%llu,%s,%s,%d,%s,%d,%lu,%lu,%lu,%lu,%.3f,%.3f,", sw->faults[fi],
                                           (unsigned long long)cfg->seed, corrupt,
                                           m.outcome == TSR_SIM_OUTCOME_SUCCESS ? "success" : "abort", m.detected,
                                           m.identified < 0 ? "" : m.identified ? "1" : "0", m.succeeded,
                                           (unsigned long)m.keygen_runs, (unsigned long)m.sign_attempts,
                                           (unsigned long)m.msgs, (unsigned long)m.bytes, m.cpu_ms_total,
                                           m.cpu_ms_per_party);
                        if (s_ns > 0) {
                            tsr_sim_buf_printf(&csv, "%.1f", ratio);
                        }
                        tsr_sim_buf_printf(&csv, ",%d\n", m.oracle_ok);
                        cost_sum[si * sw->nn + ni] += s_ns > 0 ? ratio : m.cpu_ms_per_party;
                        cost_cnt[si * sw->nn + ni] += 1;
                        oc[si][0]++;
                        oc[si][1] += (size_t)m.detected;
                        if (m.identified >= 0) {
                            oc[si][2]++;
                            oc[si][3] += (size_t)m.identified;
                        }
                        succ[si] += (size_t)m.succeeded;
                        if (!m.oracle_ok) {
                            violations++;
                            tsr_cli_err("oracle violation: %s (replay: tessera sim run with this config)",
                                        cfg->name);
                        }
                    }
                }
            }
        }
    }
    /* plots */
    {
        const char *names[TSR_SWEEP_MAX_STRATEGIES];
        const char *cols[3] = {"detected", "identified", "succeeded"};
        char *txt[TSR_SWEEP_MAX_STRATEGIES * 3];
        char *svg1, *svg2, *csvtext;
        int w;
        y = malloc(sw->nstrat * sw->nn * sizeof *y);
        xs = malloc(sw->nn * sizeof *xs);
        cells = malloc(sw->nstrat * 3 * sizeof *cells);
        if (y == NULL || xs == NULL || cells == NULL) {
            tsr_cli_err("out of memory");
            rc = TSR_CLI_INTERNAL;
            goto done;
        }
        for (ni = 0; ni < sw->nn; ni++) {
            xs[ni] = (double)sw->n[ni];
        }
        for (si = 0; si < sw->nstrat; si++) {
            names[si] = sw->label[si];
            for (ni = 0; ni < sw->nn; ni++) {
                size_t j = si * sw->nn + ni;
                y[j] = cost_cnt[j] > 0 ? cost_sum[j] / cost_cnt[j] : NAN;
            }
            cells[si * 3 + 0] = oc[si][0] ? (double)oc[si][1] / (double)oc[si][0] : NAN;
            cells[si * 3 + 1] = oc[si][2] ? (double)oc[si][3] / (double)oc[si][2] : NAN;
            cells[si * 3 + 2] = oc[si][0] ? (double)succ[si] / (double)oc[si][0] : NAN;
            txt[si * 3 + 0] = malloc(32);
            txt[si * 3 + 1] = malloc(32);
            txt[si * 3 + 2] = malloc(32);
            if (txt[si * 3] != NULL) {
                snprintf(txt[si * 3], 32, "%lu/%lu", (unsigned long)oc[si][1], (unsigned long)oc[si][0]);
            }
            if (txt[si * 3 + 1] != NULL) {
                if (oc[si][2]) {
                    snprintf(txt[si * 3 + 1], 32, "%lu/%lu", (unsigned long)oc[si][3], (unsigned long)oc[si][2]);
                } else {
                    snprintf(txt[si * 3 + 1], 32, "n/a");
                }
            }
            if (txt[si * 3 + 2] != NULL) {
                snprintf(txt[si * 3 + 2], 32, "%lu/%lu", (unsigned long)succ[si], (unsigned long)oc[si][0]);
            }
        }
        /* the plots take x ascending: sort the n columns (grid n may be given in any order) */
        {
            size_t a, b2, s2;
            for (a = 1; a < sw->nn; a++) {
                for (b2 = a; b2 > 0 && xs[b2 - 1] > xs[b2]; b2--) {
                    double tx = xs[b2];
                    xs[b2] = xs[b2 - 1];
                    xs[b2 - 1] = tx;
                    for (s2 = 0; s2 < sw->nstrat; s2++) {
                        double ty = y[s2 * sw->nn + b2];
                        y[s2 * sw->nn + b2] = y[s2 * sw->nn + b2 - 1];
                        y[s2 * sw->nn + b2 - 1] = ty;
                    }
                }
            }
        }
        svg1 = tsr_sim_plot_lines(s_ns > 0 ? "CPU per party vs n (mean over seeds and faults)"
                                           : "CPU per party vs n (ms; S could not be measured)",
                                  "n (parties)", s_ns > 0 ? "CPU per party / S" : "CPU per party (ms)", names,
                                  sw->nstrat, xs, y, sw->nn);
        svg2 = tsr_sim_plot_matrix("Outcomes per strategy (fraction of runs)", names, sw->nstrat, cols, 3, cells,
                                   (const char *const *)txt);
        for (si = 0; si < sw->nstrat * 3; si++) {
            free(txt[si]);
        }
        csvtext = tsr_sim_buf_take(&csv);
        rc = tsr_sweep_write(out, "sweep.csv", csvtext);
        if ((w = tsr_sweep_write(out, "cost.svg", svg1)) != TSR_CLI_OK && rc == TSR_CLI_OK) {
            rc = w;
        }
        if ((w = tsr_sweep_write(out, "outcomes.svg", svg2)) != TSR_CLI_OK && rc == TSR_CLI_OK) {
            rc = w;
        }
        free(csvtext);
        free(svg1);
        free(svg2);
    }
    if (rc == TSR_CLI_OK) {
        printf("sweep %s: %lu runs, %lu oracle violations, %lu internal errors; wrote %s/sweep.csv, %s/cost.svg, "
               "%s/outcomes.svg\n",
               sw->name, (unsigned long)total, (unsigned long)violations, (unsigned long)internal, out, out, out);
        for (si = 0; si < sw->nstrat; si++) {
            printf("  %-32s detected %lu/%lu  identified %lu/%lu  succeeded %lu/%lu\n", sw->label[si],
                   (unsigned long)oc[si][1], (unsigned long)oc[si][0], (unsigned long)oc[si][3],
                   (unsigned long)oc[si][2], (unsigned long)succ[si], (unsigned long)oc[si][0]);
        }
        rc = internal > 0 ? TSR_CLI_INTERNAL : violations > 0 ? TSR_CLI_FAIL : TSR_CLI_OK;
    }
done:
    tsr_sim_buf_free(&csv);
    free(cost_sum);
    free(cost_cnt);
    free(oc);
    free(succ);
    free(y);
    free(xs);
    free(cells);
    tsr_sweep_free(sw);
    free(sw);
    free(cfg);
    return rc;
}

/* ---- random runs ----------------------------------------------------------------------------- */

static const uint16_t tsr_rand_types[9] = {TSR_MSG_DKG_ROUND1,       TSR_MSG_DKG_ROUND2_EQ, TSR_MSG_DKG_ROUND2_SHARE,
                                           TSR_MSG_DKG_ROUND3,       TSR_MSG_DKG_ROUND4,    TSR_MSG_FROST_COMMITMENT,
                                           TSR_MSG_FROST_REQUEST,    TSR_MSG_FROST_SIGSHARE, TSR_MSG_FROST_SIGNATURE};
static const char *const tsr_rand_frame_fields[7] = {"version", "suite", "type", "session", "sender", "nfields",
                                                     "length"};

/* One honest run's first frame of each message type, for (n, t, suite, keys): the shapes random
 * mutations pick their fields from. Frames hold secret shares: wiped on free, never printed. */
typedef struct tsr_rand_probe_s {
    size_t n, t;
    uint8_t suite;
    int keys;
    uint8_t *frame[9];
    size_t flen[9];
    struct tsr_rand_probe_s *next;
} tsr_rand_probe;

static void tsr_rand_probes_free(tsr_rand_probe *p) {
    while (p != NULL) {
        tsr_rand_probe *nx = p->next;
        size_t i;
        for (i = 0; i < 9; i++) {
            if (p->frame[i] != NULL) {
                tsr_memzero(p->frame[i], p->flen[i]);
                free(p->frame[i]);
            }
        }
        free(p);
        p = nx;
    }
}

static const tsr_rand_probe *tsr_rand_probe_get(tsr_rand_probe **list, tsr_sim_config *scratch, size_t n, size_t t,
                                                uint8_t suite, int keys) {
    tsr_rand_probe *p;
    tsr_sim *s;
    char err[256];
    size_t i, k;
    for (p = *list; p != NULL; p = p->next) {
        if (p->n == n && p->t == t && p->suite == suite && p->keys == keys) {
            return p;
        }
    }
    p = calloc(1, sizeof *p);
    if (p == NULL) {
        return NULL;
    }
    p->n = n;
    p->t = t;
    p->suite = suite;
    p->keys = keys;
    p->next = *list;
    *list = p;
    tsr_sim_config_default(scratch);
    scratch->n = n;
    scratch->t = t;
    scratch->suite = suite;
    scratch->keys = keys;
    scratch->no_timing = 1;
    snprintf(scratch->name, sizeof scratch->name, "probe");
    s = tsr_sim_create(scratch, err, sizeof err);
    if (s == NULL) {
        return p;
    }
    if (tsr_sim_run(s, err, sizeof err) == 0) {
        for (i = 0; i < tsr_sim_nmsgs(s); i++) {
            const tsr_sim_msg *m = tsr_sim_msg_at(s, i);
            for (k = 0; k < 9; k++) {
                if (m->type == tsr_rand_types[k] && p->frame[k] == NULL && m->frame != NULL && m->len > 0 &&
                    m->from != m->to) {
                    p->frame[k] = malloc(m->len);
                    if (p->frame[k] != NULL) {
                        memcpy(p->frame[k], m->frame, m->len);
                        p->flen[k] = m->len;
                    }
                }
            }
        }
    }
    tsr_sim_destroy(s);
    return p;
}

/* The party ids (1..n, not self) for a random "to"/"from". */
static uint32_t tsr_rand_other(tsr_sim_rng *r, size_t n, uint32_t self) {
    uint32_t x;
    do {
        x = (uint32_t)(1 + tsr_sweep_below(r, n));
    } while (x == self && n > 1);
    return x;
}

/* A random named strategy for party p, as a behaviour object. */
static json_t *tsr_rand_strategy(tsr_sim_rng *r, const tsr_sim_config *cfg, uint32_t p) {
    int cand[TSR_SIM_S__COUNT];
    size_t nc = 0, i;
    int id;
    const char *proto;
    json_t *o;
    for (i = 1; i < TSR_SIM_S__COUNT; i++) {
        int s = (int)i;
        const char *sp = tsr_sim_strategy_proto(s);
        if (sp != NULL && strcmp(sp, "dkg") == 0 && (cfg->keys != TSR_SIM_KEYS_DKG || p == TSR_SIM_COORD)) {
            continue;
        }
        if (p == TSR_SIM_COORD && (s == TSR_SIM_S_NONCE_REUSE || s == TSR_SIM_S_INVALID_SHARE)) {
            continue;
        }
        if (p != TSR_SIM_COORD && tsr_sim_strategy_coord(s) && s != TSR_SIM_S_NONCE_EXTRACT) {
            continue;
        }
        cand[nc++] = s;
    }
    id = cand[tsr_sweep_below(r, nc)];
    o = json_pack("{s:s}", "strategy", tsr_sim_strategy_name(id));
    if (o == NULL) {
        return NULL;
    }
    proto = tsr_sim_strategy_proto(id);
    if (proto == NULL) { /* crash, withhold */
        proto = p != TSR_SIM_COORD && cfg->keys == TSR_SIM_KEYS_DKG && tsr_sweep_below(r, 2) == 0 ? "dkg" : "sign";
        json_object_set_new(o, "protocol", json_string(proto));
        json_object_set_new(o, "round", json_integer((json_int_t)(1 + tsr_sweep_below(r, 4))));
    }
    if (id == TSR_SIM_S_TRANSPLANT) {
        json_object_set_new(o, "from", json_integer(tsr_rand_other(r, cfg->n, p)));
    }
    if (id == TSR_SIM_S_THRESHOLD_RAISE) {
        json_object_set_new(o, "value", json_integer((json_int_t)(1 + tsr_sweep_below(r, 2))));
    }
    if ((id == TSR_SIM_S_WITHHOLD || id == TSR_SIM_S_EQUIVOCATE || id == TSR_SIM_S_BAD_SHARE ||
         id == TSR_SIM_S_FALSE_COMPLAINT || id == TSR_SIM_S_FALSE_NO_SHARE || id == TSR_SIM_S_COORD_LIST ||
         id == TSR_SIM_S_COORD_SPLIT_LIST || id == TSR_SIM_S_COORD_MESSAGE) &&
        tsr_sweep_below(r, 2) == 0) {
        json_object_set_new(o, "to", json_pack("[i]", (int)tsr_rand_other(r, cfg->n, p)));
    }
    return o;
}

/* A random mutation for party p: a message it sends, a field of it (from the probe run), a
 * mutator that applies to it. NULL if none was found in a few tries. */
static json_t *tsr_rand_mutation(tsr_sim_rng *r, const tsr_sim_config *cfg, uint32_t p, const tsr_rand_probe *pr) {
    size_t kinds[9], nk = 0, i, tries;
    for (i = 0; i < 9; i++) {
        uint16_t ty = tsr_rand_types[i];
        int coordmsg = ty == TSR_MSG_FROST_REQUEST || ty == TSR_MSG_FROST_SIGNATURE;
        if ((ty >> 8) == 0x02 && cfg->keys != TSR_SIM_KEYS_DKG) {
            continue;
        }
        if (coordmsg != (p == TSR_SIM_COORD) || pr == NULL || pr->frame[i] == NULL) {
            continue;
        }
        kinds[nk++] = i;
    }
    if (nk == 0) {
        return NULL;
    }
    for (tries = 0; tries < 8; tries++) {
        size_t ki = kinds[tsr_sweep_below(r, nk)];
        uint16_t type = tsr_rand_types[ki];
        const uint8_t *frame = pr->frame[ki];
        size_t flen = pr->flen[ki];
        tsr_frame fr;
        tsr_check why;
        tsr_sim_field fields[64];
        tsr_sim_field f;
        size_t nf;
        int is_frame = tsr_sweep_below(r, 5) == 0;
        char target[TSR_SIM_NAME];
        tsr_sim_behaviour b;
        uint8_t *out = NULL;
        size_t outlen = 0;
        char err[256];
        int rc;
        json_t *o;
        if (tsr_frame_decode(&fr, frame, flen, &why) != TSR_OK || fr.nfields != 1) {
            continue;
        }
        memset(&f, 0, sizeof f);
        if (is_frame) {
            snprintf(target, sizeof target, "frame.%s", tsr_rand_frame_fields[tsr_sweep_below(r, 7)]);
            f.len = 4;
        } else {
            nf = tsr_sim_fields(fields, 64, type, cfg->suite, fr.field[0], fr.field_len[0]);
            if (nf == 0) {
                continue;
            }
            f = fields[tsr_sweep_below(r, nf)];
            snprintf(target, sizeof target, "%s.%s", tsr_sim_msg_name(type), f.name);
        }
        memset(&b, 0, sizeof b);
        b.run = -1;
        b.mutator = (int)(1 + tsr_sweep_below(r, TSR_SIM_M__COUNT - 1));
        snprintf(b.target, sizeof b.target, "%s", target);
        b.k = b.mutator == TSR_SIM_M_FLIP_BITS ? (long)(1 + tsr_sweep_below(r, 8))
              : b.mutator == TSR_SIM_M_RESIZE  ? (long)tsr_sweep_below(r, 5) - 2
              : b.mutator == TSR_SIM_M_OFF_CURVE ? (long)tsr_sweep_below(r, 2)
                                                 : 0;
        if (b.mutator == TSR_SIM_M_SWAP_WITH) {
            b.party = tsr_rand_other(r, cfg->n, p);
        }
        if (b.mutator == TSR_SIM_M_SET) {
            b.hexlen = f.len > 64 ? 64 : f.len;
            if (tsr_sweep_below(r, 4) == 0) {
                b.hexlen++;
            }
            (void)tsr_sim_rng_fill(r, b.hex, b.hexlen);
        }
        err[0] = 0;
        if (is_frame) {
            rc = tsr_sim_mutate_frame(&out, &outlen, target, &b, frame, flen, r, err, sizeof err);
        } else {
            rc = tsr_sim_mutate(&out, &outlen, &f, &b, type, cfg->suite, fr.field[0], fr.field_len[0], fr.field[0],
                                fr.field_len[0], r, err, sizeof err);
        }
        if (out != NULL) {
            tsr_memzero(out, outlen);
            free(out);
        }
        if (rc != 0) {
            continue; /* the mutator does not apply to this field */
        }
        o = json_pack("{s:s,s:s}", "mutate", target, "mutator", tsr_sim_mutator_name(b.mutator));
        if (o == NULL) {
            return NULL;
        }
        if (is_frame) {
            json_object_set_new(o, "protocol", json_string((type >> 8) == 0x02 ? "dkg" : "sign"));
        }
        if (b.mutator == TSR_SIM_M_FLIP_BITS || b.mutator == TSR_SIM_M_RESIZE ||
            (b.mutator == TSR_SIM_M_OFF_CURVE && b.k != 0)) {
            json_object_set_new(o, "k", json_integer(b.k));
        }
        if (b.mutator == TSR_SIM_M_SWAP_WITH) {
            json_object_set_new(o, "party", json_integer(b.party));
        }
        if (b.mutator == TSR_SIM_M_SET) {
            char hex[2 * 65 + 1];
            static const char digits[] = "0123456789abcdef";
            for (i = 0; i < b.hexlen; i++) {
                hex[2 * i] = digits[b.hex[i] >> 4];
                hex[2 * i + 1] = digits[b.hex[i] & 15];
            }
            hex[2 * b.hexlen] = 0;
            json_object_set_new(o, "hex", json_string(hex));
        }
        if (tsr_sweep_below(r, 4) == 0) {
            json_object_set_new(o, "run", json_integer(0));
        }
        return o;
    }
    return NULL;
}

/* Appends "word" to a bounded text. */
static void tsr_rand_cat(char *out, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void tsr_rand_cat(char *out, size_t cap, const char *fmt, ...) {
    size_t l = strlen(out);
    va_list ap;
    if (l + 1 >= cap) {
        return;
    }
    va_start(ap, fmt);
    vsnprintf(out + l, cap - l, fmt, ap);
    va_end(ap);
}

/* The configuration of random run `seed` (a function of seed and max_n only, so that
 * `--runs 1 --seed SEED` replays it): n in 3..max_n, t in 2..n, DKG or dealer keys, a suite,
 * 0..t-1 corrupt key holders (and the coordinator, one run in four), 1..2 behaviours each
 * (named strategies or mutations), a faulty network one run in four (rates up to 0.2). words gets
 * the config in words.
 * Returns 0. */
static int tsr_rand_config(tsr_sim_config *cfg, char *words, size_t wcap, uint64_t seed, size_t max_n,
                           tsr_rand_probe **probes, tsr_sim_config *scratch) {
    tsr_sim_rng r;
    size_t n, t, nc, i, j;
    uint32_t pool[TSR_SIM_NPARTIES], parties[TSR_SIM_NPARTIES];
    size_t np = 0, nparties = 0;
    const tsr_rand_probe *pr;
    double *rate[4];
    static const char *const rname[4] = {"drop", "late", "duplicate", "reorder"};
    int fs = 0, faulty;
    tsr_sim_rng_init_seed(&r, seed ^ 0x52414e444f4dULL); /* "RANDOM" */
    n = 3 + tsr_sweep_below(&r, max_n - 2);
    t = 2 + tsr_sweep_below(&r, n - 1);
    tsr_sim_config_default(cfg);
    cfg->seed = seed;
    cfg->n = n;
    cfg->t = t;
    cfg->keys = tsr_sweep_below(&r, 2) == 0 ? TSR_SIM_KEYS_DKG : TSR_SIM_KEYS_DEALER;
    cfg->suite = tsr_sweep_below(&r, 2) == 0 ? TSR_SUITE_SECP256K1_TR : TSR_SUITE_SECP256K1_SHA256;
    cfg->nsign = 1;
    cfg->max_sign_attempts = n - t + 1;
    cfg->max_keygen_runs = n - t + 1;
    cfg->no_timing = 1;
    snprintf(cfg->name, sizeof cfg->name, "random seed %llu", (unsigned long long)seed);
    words[0] = 0;
    tsr_rand_cat(words, wcap, "n=%lu t=%lu %s %s", (unsigned long)n, (unsigned long)t,
                 cfg->keys == TSR_SIM_KEYS_DKG ? "dkg" : "dealer", tsr_cli_suite_name(cfg->suite));
    /* corrupt key holders below t, and the coordinator one run in four */
    for (i = 1; i <= n; i++) {
        pool[np++] = (uint32_t)i;
    }
    nc = tsr_sweep_below(&r, t);
    if (tsr_sweep_below(&r, 4) == 0) {
        parties[nparties++] = TSR_SIM_COORD;
    }
    for (i = 0; i < nc; i++) {
        size_t k = tsr_sweep_below(&r, np);
        parties[nparties++] = pool[k];
        pool[k] = pool[--np];
    }
    pr = tsr_rand_probe_get(probes, scratch, n, t, cfg->suite, cfg->keys);
    cfg->ncorrupt = 0;
    for (i = 0; i < nparties; i++) {
        tsr_sim_corrupt *c = &cfg->corrupt[cfg->ncorrupt];
        size_t nb = 1 + tsr_sweep_below(&r, 2);
        memset(c, 0, sizeof *c);
        c->party = parties[i];
        tsr_rand_cat(words, wcap, "; corrupt %u:", (unsigned)c->party);
        for (j = 0; j < nb; j++) {
            json_t *o = tsr_sweep_below(&r, 2) == 0 ? tsr_rand_strategy(&r, cfg, c->party)
                                                     : tsr_rand_mutation(&r, cfg, c->party, pr);
            tsr_cli_src src;
            char err[512];
            char *dump;
            if (o == NULL) {
                continue;
            }
            tsr_cli_src_root(&src, "random");
            if (tsr_sim_behaviour_parse(&c->b[c->nbehaviours], cfg, c->party, o, &src, err, sizeof err) != 0) {
                json_decref(o); /* a combination the scenario rules refuse: skip it */
                continue;
            }
            dump = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
            tsr_rand_cat(words, wcap, " %s", dump != NULL ? dump : "?");
            free(dump);
            json_decref(o);
            c->nbehaviours++;
        }
        cfg->ncorrupt++;
    }
    rate[0] = &cfg->faults.drop;
    rate[1] = &cfg->faults.late;
    rate[2] = &cfg->faults.duplicate;
    rate[3] = &cfg->faults.reorder;
    /* a faulty network one run in four: each rate then up to 0.2 (three decimals, so that the
     * words replay it exactly; 0 leaves that fault out) */
    faulty = tsr_sweep_below(&r, 4) == 0;
    for (i = 0; i < 4; i++) {
        *rate[i] = faulty ? (double)tsr_sweep_below(&r, 201) / 1000.0 : 0.0;
        if (*rate[i] > 0.0) {
            tsr_rand_cat(words, wcap, "%s%s=%g", fs ? " " : "; faults ", rname[i], *rate[i]);
            fs = 1;
        }
    }
    tsr_sim_rng_clear(&r);
    return 0;
}

static const char tsr_random_help[] =
    "usage: tessera sim random --runs N [--seed S] [--max-n N] [--csv FILE] [--fail-dir DIR]\n"
    "\n"
    "Randomized adversarial runs. Run i uses seed S + i and draws from it alone: n in 3..max-n,\n"
    "t in 2..n, DKG or dealer keys, the suite, 0..t-1 corrupt key holders (and, one run in four,\n"
    "the coordinator), 1..2 behaviours per corrupt party (a named strategy valid for it, or a\n"
    "mutation of a random field of a message it sends with a mutator that applies), and, one\n"
    "run in four, a faulty network (drop, late, duplicate and reorder rates each in 0..0.2).\n"
    "Never the weak_nonces canary. Prints progress on stderr, every violation with its seed and\n"
    "config, and the summary \"random: N runs, V oracle violations, F false blames\" with the\n"
    "count per property.\n"
    "\n"
    "options:\n"
    "  --runs N        number of runs (1..10000000), required\n"
    "  --seed S        first run's seed (default: from the OS, printed)\n"
    "  --max-n N       largest n (3..256, default 7)\n"
    "  --csv FILE      one line per run: the config in words and the verdicts (replaced)\n"
    "  --fail-dir DIR  write a replayable scenario (random-SEED.json, for `tessera sim run`) for\n"
    "                  each of the first 5 violating runs\n"
    "\n"
    "A run replays alone with `tessera sim random --runs 1 --seed SEED --max-n N`.\n"
    "Exit status: 0 no violation and no false blame; 1 otherwise; 2 usage; 3 internal error.\n";

/* Writes the scenario of a violating run to DIR/random-SEED.json. */
static void tsr_rand_fail_file(const char *dir, const tsr_sim_config *cfg) {
    char path[4096];
    json_t *j = tsr_sim_scenario_json(cfg);
    char *text;
    struct stat st;
    if (j == NULL) {
        return;
    }
    if (stat(dir, &st) != 0 && mkdir(dir, 0755) != 0) {
        tsr_cli_err("%s: cannot create the directory: %s", dir, strerror(errno));
        json_decref(j);
        return;
    }
    text = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(j);
    if (text == NULL) {
        return;
    }
    snprintf(path, sizeof path, "%s/random-%llu.json", dir, (unsigned long long)cfg->seed);
    {
        size_t l = strlen(text);
        char *t2 = malloc(l + 2);
        if (t2 != NULL) {
            memcpy(t2, text, l);
            t2[l] = '\n';
            t2[l + 1] = 0;
            if (tsr_cli_write_replace(path, (const uint8_t *)t2, l + 1, 0644) == TSR_CLI_OK) {
                fprintf(stderr, "  scenario written: %s (replay: tessera sim run %s)\n", path, path);
            }
            free(t2);
        }
    }
    free(text);
}

int tsr_cli_sim_random(int argc, char **argv) {
    const char *runs_s = NULL, *seed_s = NULL, *maxn_s = NULL, *csv_path = NULL, *fail_dir = NULL;
    const tsr_cli_opt opts[] = {
        {"--runs", TSR_CLI_OPT_VALUE, &runs_s, NULL, NULL, NULL},
        {"--seed", TSR_CLI_OPT_VALUE, &seed_s, NULL, NULL, NULL},
        {"--max-n", TSR_CLI_OPT_VALUE, &maxn_s, NULL, NULL, NULL},
        {"--csv", TSR_CLI_OPT_VALUE, &csv_path, NULL, NULL, NULL},
        {"--fail-dir", TSR_CLI_OPT_VALUE, &fail_dir, NULL, NULL, NULL},
        {NULL, TSR_CLI_OPT_FLAG, NULL, NULL, NULL, NULL},
    };
    const char *pos[1];
    size_t npos = 0, runs = 0, max_n = 7, i, viol = 0, false_blames = 0, internal = 0, written = 0;
    size_t per_prop[TSR_SIM_P__COUNT];
    uint64_t seed = 0;
    tsr_sim_config *cfg = NULL, *scratch = NULL;
    tsr_rand_probe *probes = NULL;
    tsr_sim_buf csv;
    char words[2048], line[256];
    int rc, p;
    size_t step;

    rc = tsr_cli_parse(argc, argv, opts, pos, &npos, 0);
    if (rc == TSR_CLI_HELP) {
        fputs(tsr_random_help, stdout);
        return TSR_CLI_OK;
    }
    if (rc != TSR_CLI_OK) {
        return rc;
    }
    if ((rc = tsr_cli_require(runs_s, "--runs")) != TSR_CLI_OK ||
        (rc = tsr_cli_number(&runs, runs_s, 1, 10000000, "--runs")) != TSR_CLI_OK) {
        return rc;
    }
    if (maxn_s != NULL && (rc = tsr_cli_number(&max_n, maxn_s, 3, TSR_MAX_PARTIES, "--max-n")) != TSR_CLI_OK) {
        return rc;
    }
    if (seed_s != NULL) {
        if ((rc = tsr_sim_cli_u64(&seed, seed_s, "--seed")) != TSR_CLI_OK) {
            return rc;
        }
    } else {
        tsr_sim_rng os;
        uint8_t b[8];
        size_t k;
        tsr_sim_rng_init_os(&os);
        if (tsr_sim_rng_fill(&os, b, sizeof b) != 0) {
            tsr_cli_err("cannot read the OS random generator (give --seed)");
            return TSR_CLI_INTERNAL;
        }
        for (k = 0; k < 8; k++) {
            seed = (seed << 8) | b[k];
        }
        seed >>= 1; /* fits a JSON integer */
        tsr_sim_rng_clear(&os);
    }
    cfg = malloc(sizeof *cfg);
    scratch = malloc(sizeof *scratch);
    if (cfg == NULL || scratch == NULL) {
        free(cfg);
        free(scratch);
        tsr_cli_err("out of memory");
        return TSR_CLI_INTERNAL;
    }
    memset(per_prop, 0, sizeof per_prop);
    tsr_sim_buf_init(&csv);
    tsr_sim_buf_puts(&csv, "run,seed,n,t,keys,suite,config,outcome,keygen_runs,sign_attempts,violations,"
                           "false_blame\n");
    fprintf(stderr, "random: %lu runs from seed %llu, n up to %lu\n", (unsigned long)runs, (unsigned long long)seed,
            (unsigned long)max_n);
    step = runs / 100 > 0 ? runs / 100 : 1;
    for (i = 0; i < runs; i++) {
        uint64_t rs = seed + (uint64_t)i;
        tsr_sweep_meas m;
        tsr_sim *s = NULL;
        char vlist[128];
        int fb;
        tsr_rand_config(cfg, words, sizeof words, rs, max_n, &probes, scratch);
        if (tsr_sweep_one(&m, cfg, 0, &s) != 0) {
            internal++;
            fprintf(stderr, "random: run %lu (seed %llu): INTERNAL failure; config: %s\n", (unsigned long)i,
                    (unsigned long long)rs, words);
            tsr_sim_buf_printf(&csv, "%lu,%llu,%lu,%lu,%s,%s,", (unsigned long)i, (unsigned long long)rs,
                               (unsigned long)cfg->n, (unsigned long)cfg->t,
                               cfg->keys == TSR_SIM_KEYS_DKG ? "dkg" : "dealer", tsr_cli_suite_name(cfg->suite));
            tsr_sweep_csv_field(&csv, words);
            tsr_sim_buf_puts(&csv, ",internal,,,,\n");
            continue;
        }
        vlist[0] = 0;
        for (p = 0; p < TSR_SIM_P__COUNT; p++) {
            if (m.violated[p]) {
                per_prop[p]++;
                tsr_rand_cat(vlist, sizeof vlist, "%s%s", vlist[0] ? " " : "", tsr_sim_property_name(p));
            }
        }
        fb = m.violated[TSR_SIM_P_BLAME_SOUND];
        false_blames += (size_t)fb;
        if (!m.oracle_ok) {
            const tsr_sim_result *res = tsr_sim_result_get(s);
            viol++;
            if (tsr_sweep_tty > 0) {
                fputc('\n', stderr);
            }
            fprintf(stderr, "random: run %lu (seed %llu): VIOLATION of %s\n", (unsigned long)i,
                    (unsigned long long)rs, vlist);
            for (p = 0; p < TSR_SIM_P__COUNT; p++) {
                if (m.violated[p]) {
                    tsr_sim_say(s, stderr, "  %s: %s\n", tsr_sim_property_name(p), res->oracle[p].detail);
                }
            }
            fprintf(stderr, "  config: %s\n  replay: tessera sim random --runs 1 --seed %llu --max-n %lu\n", words,
                    (unsigned long long)rs, (unsigned long)max_n);
            if (fail_dir != NULL && written < 5) {
                tsr_rand_fail_file(fail_dir, cfg);
                written++;
            }
        }
        tsr_sim_buf_printf(&csv, "%lu,%llu,%lu,%lu,%s,%s,", (unsigned long)i, (unsigned long long)rs,
                           (unsigned long)cfg->n, (unsigned long)cfg->t,
                           cfg->keys == TSR_SIM_KEYS_DKG ? "dkg" : "dealer", tsr_cli_suite_name(cfg->suite));
        tsr_sweep_csv_field(&csv, words);
        tsr_sim_buf_printf(&csv, ",%s,%lu,%lu,%s,%d\n", m.outcome == TSR_SIM_OUTCOME_SUCCESS ? "success" : "abort",
                           (unsigned long)m.keygen_runs, (unsigned long)m.sign_attempts, vlist, fb);
        tsr_sim_destroy(s);
        if (tsr_sweep_tty < 0) {
            tsr_sweep_tty = isatty(2) ? 1 : 0;
        }
        if (tsr_sweep_tty || (i + 1) % step == 0 || i + 1 == runs) {
            snprintf(line, sizeof line, "random: %lu/%lu runs, %lu oracle violations, %lu false blames",
                     (unsigned long)(i + 1), (unsigned long)runs, (unsigned long)viol, (unsigned long)false_blames);
            tsr_sweep_progress(line, i + 1 == runs);
        }
    }
    printf("random: %lu runs, %lu oracle violations, %lu false blames (seed %llu, max-n %lu)\n", (unsigned long)runs,
           (unsigned long)viol, (unsigned long)false_blames, (unsigned long long)seed, (unsigned long)max_n);
    for (p = 0; p < TSR_SIM_P__COUNT; p++) {
        printf("  %-12s %lu\n", tsr_sim_property_name(p), (unsigned long)per_prop[p]);
    }
    if (internal > 0) {
        printf("  internal errors: %lu\n", (unsigned long)internal);
    }
    rc = internal > 0 ? TSR_CLI_INTERNAL : (viol > 0 || false_blames > 0) ? TSR_CLI_FAIL : TSR_CLI_OK;
    if (csv_path != NULL) {
        char *text = tsr_sim_buf_take(&csv);
        int w = text == NULL ? TSR_CLI_INTERNAL
                             : tsr_cli_write_replace(csv_path, (const uint8_t *)text, strlen(text), 0644);
        free(text);
        if (w != TSR_CLI_OK && rc == TSR_CLI_OK) {
            rc = w;
        }
    }
    if (fflush(stdout) != 0) {
        rc = TSR_CLI_INTERNAL;
    }
    tsr_sim_buf_free(&csv);
    tsr_rand_probes_free(probes);
    free(cfg);
    free(scratch);
    return rc;
}
