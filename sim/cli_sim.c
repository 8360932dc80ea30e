/* `tessera sim`: run one scenario, list strategies and fields; sweeps and random runs are in
 * sim_sweep.c. Every text is scanned for registered secrets before it is printed or written. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "sim.h"
#include "sim_scenario.h"

static const char tsr_sim_usage[] =
    "usage: tessera sim SUBCOMMAND [OPTIONS]   (each subcommand has --help)\n"
    "\n"
    "The adversarial simulator: n parties run the real DKG and FROST state machines over a\n"
    "deterministic network, some of them corrupt, with network faults; an oracle checks agreement,\n"
    "sound blame, identification of cheaters, liveness, secrecy and that no secret leaks.\n"
    "\n"
    "subcommands:\n"
    "  run SCENARIO      run one scenario file: transcript, oracle verdicts, expectations;\n"
    "                    optional JSON report, SVG sequence diagram, transcript file\n"
    "  sweep SWEEP       a grid of runs (n, t, strategies, fault rates, seeds): CSV + 2 SVG plots\n"
    "  random --runs N   randomized adversarial runs: counts oracle violations and false blames\n"
    "  strategies        the named strategies a corrupt party can play\n"
    "  fields            every mutable message field and the generic mutators\n"
    "\n"
    "Same scenario and seed = byte-identical transcript and report (CPU times aside; --no-timing).\n"
    "Exit status: 0 the oracle holds (or fails exactly as the scenario expects) and the\n"
    "expectations are met; 1 otherwise; 2 usage or bad input file; 3 internal error.\n";

static const char tsr_sim_run_help[] =
    "usage: tessera sim run SCENARIO [--seed S] [--report FILE.json] [--svg FILE.svg]\n"
    "                       [--transcript FILE.txt] [--verbose] [--no-timing] [--quiet]\n"
    "\n"
    "Runs the ceremony a scenario file describes (keygen by DKG or dealer, then signatures), then\n"
    "the oracle, and checks the scenario's expectations. Prints the transcript (who sent what, who\n"
    "blamed whom for which check, the signature and its verification) and a verdict line.\n"
    "\n"
    "options:\n"
    "  --seed S              replace the scenario's seed (decimal, 0..2^64-1)\n"
    "  --report FILE.json    write the JSON report (per party: outcome, key, signature, blames,\n"
    "                        messages and bytes sent, CPU time; the oracle verdicts); overwrites\n"
    "  --svg FILE.svg        write the SVG sequence diagram (cheater's messages red, dropped grey,\n"
    "                        blames marked); overwrites\n"
    "  --transcript FILE.txt write the transcript to a file too; overwrites\n"
    "  --verbose             one transcript line per message copy instead of one per broadcast\n"
    "  --no-timing           CPU times reported as 0 (byte-identical reports)\n"
    "  --quiet               print a 3-line summary instead of the transcript\n"
    "\n";

static const char tsr_sim_scenario_help[] =
    "Scenario file (JSON; an unknown key is an error; every error names the key path):\n"
    "  name, catalogue, description   strings (catalogue: the ADVERSARIES.md row, e.g. \"DKG-02\")\n"
    "  seed                 integer >= 0 (or a decimal string), default 1\n"
    "  suite                \"secp256k1-tr\" (default) or \"secp256k1\"\n"
    "  n, t                 parties 2..256 (default 3) and threshold 2..n (default 2)\n"
    "  keys                 \"dkg\" (default) or \"dealer\" (party 0 deals)\n"
    "  sign                 signatures after keygen, 0..8 (default 1)\n"
    "  message | message_hex  the message to sign (default \"tessera\"), at most 1024 bytes\n"
    "  signers              first attempt's signers (t..n distinct parties; default 1..t)\n"
    "  max_sign_attempts    coordinator retries, 1..1000 (default n - t + 1)\n"
    "  max_keygen_runs      DKG re-runs without the blamed, 1..1000 (default n - t + 1)\n"
    "  weak_nonces          true: the SIG-03 canary build (nonces derived from the message)\n"
    "  corrupt              [{\"party\": P, \"behaviours\": [B, ...]}]: P in 1..n, or 0 for the\n"
    "                       coordinator; up to 8 behaviours; [] = a passive corrupt party\n"
    "    B, a named strategy: {\"strategy\": NAME, \"to\": [parties], \"run\": R, \"protocol\": \"dkg\"|\"sign\",\n"
    "                       \"round\": r (crash, withhold), \"from\": P (transplant),\n"
    "                       \"value\": v (invalid_share: added to z, default 1; threshold_raise: extra\n"
    "                       commitments, default 1; replay: 0 the old frame, 1 its payload re-framed)}\n"
    "                       NAME: crash withhold equivocate rogue_key threshold_raise bad_share\n"
    "                       false_complaint false_no_share transplant replay bias nonce_reuse\n"
    "                       invalid_share coord_list coord_split_list coord_message coord_replay\n"
    "                       nonce_extract (see `tessera sim strategies`)\n"
    "    B, a mutation:     {\"mutate\": \"dkg.round1.commitment[0]\", \"mutator\": M, \"k\": K,\n"
    "                       \"party\": P (swap_with), \"hex\": \"00..\" (set), \"to\": [...], \"run\": R,\n"
    "                       \"protocol\": ... (frame.* targets)}\n"
    "                       M: flip_bits zero identity off_curve scalar_plus_n non_canonical dup_id\n"
    "                       id_eq_n resize strip swap_with set (see `tessera sim fields`)\n"
    "                       k: flip_bits bit count (default 1), resize delta (+k/-k, 0 empties;\n"
    "                       required), off_curve variant (1: x = p)\n"
    "    to: recipients the behaviour targets (default all); run: only that run (0-based) of\n"
    "    its protocol (default every run); protocol: crash/withhold/frame.* default to the first\n"
    "    step's protocol (\"dkg\" with DKG keys, else \"sign\")\n"
    "  faults               {\"drop\", \"late\", \"duplicate\", \"reorder\": probabilities 0..1,\n"
    "                       \"links\": [{\"from\": P, \"to\": Q, \"drop\": .., \"late\": .., ...}] (rates\n"
    "                       replacing the global ones on that link; from or to may be omitted),\n"
    "                       \"partitions\": [{\"protocol\": .., \"run\": R, \"rounds\": [first, last],\n"
    "                       \"side\": [parties]}] (messages across the cut are lost)}\n"
    "  expect               {\"outcome\": \"success\"|\"abort\", \"blamed\": [{\"party\": P, \"check\": \"FELDMAN\"}],\n"
    "                       \"blamed_exact\": bool, \"unresponsive\": [parties], \"max_sign_attempts\": k,\n"
    "                       \"max_keygen_runs\": k, \"violations\": [properties expected to FAIL],\n"
    "                       \"equivocation_abort\": bool}\n"
    "                       checks: `tessera checks` names (FELDMAN, POK, SIGNATURE_SHARE, ...);\n"
    "                       properties: agreement blame_sound identified liveness secrecy no_leak\n"
    "\n"
    "Exit status: 0 when every oracle property holds (or fails exactly as expect.violations says)\n"
    "and the expectations are met; 1 otherwise; 2 bad scenario or usage; 3 internal error.\n";

static const char tsr_sim_strategies_help[] =
    "usage: tessera sim strategies\n"
    "\n"
    "Lists the named strategies: the protocol they act in, their parameters, what they do, the\n"
    "ADVERSARIES.md rows they play, and whether the oracle requires the culprit to be identified.\n";

static const char tsr_sim_fields_help[] =
    "usage: tessera sim fields\n"
    "\n"
    "Lists every message of every protocol with its mutable fields (\"dkg.round1.commitment[i]\",\n"
    "\"frost.sigshare.z\", \"frame.session\", ...), their kinds, and the generic mutators.\n";

/* ---- shared pieces --------------------------------------------------------------------------- */

int tsr_sim_cli_u64(uint64_t *out, const char *arg, const char *name) {
    char *end = NULL;
    unsigned long long v;
    if (arg[0] < '0' || arg[0] > '9') {
        tsr_cli_err("%s needs a decimal number, got '%.40s'", name, arg);
        return TSR_CLI_USAGE;
    }
    errno = 0;
    v = strtoull(arg, &end, 10);
    if (end == arg || *end != 0 || errno != 0) {
        tsr_cli_err("%s needs a decimal number in 0..2^64-1, got '%.40s'", name, arg);
        return TSR_CLI_USAGE;
    }
    *out = (uint64_t)v;
    return TSR_CLI_OK;
}

void tsr_sim_say(tsr_sim *s, FILE *f, const char *fmt, ...) {
    char buf[2048];
    va_list ap;
    size_t n;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    n = strlen(buf);
    if (s != NULL && tsr_sim_scan_text(s, "message", buf, n) > 0) {
        tsr_memzero(buf, sizeof buf);
        fputs("[a message was withheld: it contained a registered secret]\n", f);
        return;
    }
    fputs(buf, f);
}

static void tsr_sim_text_drop(char **p) {
    if (*p != NULL) {
        tsr_memzero(*p, strlen(*p));
        free(*p);
        *p = NULL;
    }
}

void tsr_sim_texts_free(tsr_sim_texts *t) {
    tsr_sim_text_drop(&t->transcript);
    tsr_sim_text_drop(&t->report);
    tsr_sim_text_drop(&t->svg);
}

/* Builds text i of t (0 transcript, 1 report, 2 svg), scans it; a text with a secret is dropped. */
static int tsr_sim_text_one(tsr_sim_texts *t, tsr_sim *s, int i, int verbose) {
    static const char *const what[3] = {"transcript", "report", "svg"};
    char **slot = i == 0 ? &t->transcript : i == 1 ? &t->report : &t->svg;
    size_t found;
    tsr_sim_text_drop(slot);
    *slot = i == 0 ? tsr_sim_transcript(s, verbose) : i == 1 ? tsr_sim_report_json(s) : tsr_sim_svg(s);
    if (*slot == NULL) {
        return -1;
    }
    found = tsr_sim_scan_text(s, what[i], *slot, strlen(*slot));
    if (found > 0) {
        t->leaks[i] = found;
        tsr_sim_text_drop(slot);
    }
    return 0;
}

int tsr_sim_texts_build(tsr_sim_texts *t, tsr_sim *s, unsigned want, int verbose, char *err, size_t errcap) {
    int pass, i;
    memset(t, 0, sizeof *t);
    /* pass 0 settles NO_LEAK (and the expectations that depend on it); pass 1 builds the texts
     * that carry those final verdicts */
    for (pass = 0; pass < 2; pass++) {
        for (i = 0; i < 3; i++) {
            if ((want & (1u << i)) == 0 || t->leaks[i] > 0) {
                continue;
            }
            if (tsr_sim_text_one(t, s, i, verbose) != 0) {
                snprintf(err, errcap, "cannot build the %s (out of memory)",
                         i == 0 ? "transcript" : i == 1 ? "report" : "SVG");
                tsr_sim_texts_free(t);
                return -1;
            }
        }
        if (pass == 0) {
            tsr_sim_expect_check(s);
        }
    }
    return 0;
}

static int tsr_sim_expected_violation(const tsr_sim_config *cfg, int p) {
    size_t i;
    for (i = 0; i < cfg->expect.nviolations; i++) {
        if (cfg->expect.violations[i] == p) {
            return 1;
        }
    }
    return 0;
}

int tsr_sim_oracle_as_expected(const tsr_sim *s) {
    const tsr_sim_result *r = tsr_sim_result_get(s);
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    int p;
    for (p = 0; p < TSR_SIM_P__COUNT; p++) {
        int failed = r->oracle[p].checked && !r->oracle[p].ok;
        if (failed != tsr_sim_expected_violation(cfg, p)) {
            return 0;
        }
    }
    return 1;
}

int tsr_sim_oracle_all_ok(const tsr_sim *s) {
    const tsr_sim_result *r = tsr_sim_result_get(s);
    int p;
    for (p = 0; p < TSR_SIM_P__COUNT; p++) {
        if (r->oracle[p].checked && !r->oracle[p].ok) {
            return 0;
        }
    }
    return 1;
}

/* ---- run ------------------------------------------------------------------------------------- */

static const char *tsr_sim_outcome_word(int outcome) {
    return outcome == TSR_SIM_OUTCOME_SUCCESS ? "success" : outcome == TSR_SIM_OUTCOME_ABORT ? "abort" : "none";
}

/* The verdict: with quiet, a line of oracle verdicts first (the transcript has them otherwise),
 * then PASS or FAIL with the reason. */
static void tsr_sim_print_verdicts(tsr_sim *s, FILE *f, int quiet) {
    const tsr_sim_result *r = tsr_sim_result_get(s);
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    int p;
    if (quiet) {
        char line[512];
        size_t l = 0;
        line[0] = 0;
        for (p = 0; p < TSR_SIM_P__COUNT; p++) {
            const tsr_sim_verdict *v = &r->oracle[p];
            const char *w = !v->checked ? "n/a" : v->ok ? "ok" : tsr_sim_expected_violation(cfg, p) ? "FAILED (expected)" : "FAILED";
            l += (size_t)snprintf(line + l, sizeof line - l, "%s%s %s", p ? ", " : "", tsr_sim_property_name(p), w);
            if (l >= sizeof line) {
                break;
            }
        }
        tsr_sim_say(s, f, "oracle: %s\n", line);
    }
    if (tsr_sim_oracle_as_expected(s) && r->expect_ok) {
        fputs("verdict: PASS\n", f);
    } else {
        char why[1024];
        size_t l = 0;
        why[0] = 0;
        for (p = 0; p < TSR_SIM_P__COUNT && l < sizeof why; p++) {
            const tsr_sim_verdict *v = &r->oracle[p];
            int failed = v->checked && !v->ok, exp = tsr_sim_expected_violation(cfg, p);
            if (failed != exp) {
                l += (size_t)snprintf(why + l, sizeof why - l, "%s%s %s", l ? ", " : "oracle: ",
                                      tsr_sim_property_name(p),
                                      failed ? "failed" : v->checked ? "held (a violation was expected)"
                                                                     : "not checked (a violation was expected)");
            }
        }
        if (!r->expect_ok && l < sizeof why) {
            snprintf(why + l, sizeof why - l, "%sexpectations not met: %s", l ? "; " : "", r->expect_detail);
        }
        tsr_sim_say(s, f, "verdict: FAIL (%s)\n", why);
    }
}

static void tsr_sim_print_summary(tsr_sim *s, FILE *f) {
    const tsr_sim_result *r = tsr_sim_result_get(s);
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    size_t i, attempts = 0;
    for (i = 0; i < cfg->nsign && i < TSR_SIM_MAX_STEPS; i++) {
        attempts += r->sign_attempts[i];
    }
    tsr_sim_say(s, f, "%s (seed %llu): %s, keygen runs %lu, signatures %lu/%lu, sign attempts %lu\n", cfg->name,
                (unsigned long long)cfg->seed, tsr_sim_outcome_word(r->outcome), (unsigned long)r->keygen_runs,
                (unsigned long)r->nsigs, (unsigned long)cfg->nsign, (unsigned long)attempts);
}

static int tsr_sim_write_text(const char *path, const char *text, const char *what) {
    if (text == NULL) {
        tsr_cli_err("%s not written to %s: it contained a registered secret", what, path);
        return TSR_CLI_FAIL;
    }
    return tsr_cli_write_replace(path, (const uint8_t *)text, strlen(text), 0644);
}

static int tsr_sim_cmd_run(int argc, char **argv) {
    const char *seed = NULL, *report = NULL, *svg = NULL, *tfile = NULL;
    int verbose = 0, no_timing = 0, quiet = 0;
    const tsr_cli_opt opts[] = {
        {"--seed", TSR_CLI_OPT_VALUE, &seed, NULL, NULL, NULL},
        {"--report", TSR_CLI_OPT_VALUE, &report, NULL, NULL, NULL},
        {"--svg", TSR_CLI_OPT_VALUE, &svg, NULL, NULL, NULL},
        {"--transcript", TSR_CLI_OPT_VALUE, &tfile, NULL, NULL, NULL},
        {"--verbose", TSR_CLI_OPT_FLAG, NULL, &verbose, NULL, NULL},
        {"--no-timing", TSR_CLI_OPT_FLAG, NULL, &no_timing, NULL, NULL},
        {"--quiet", TSR_CLI_OPT_FLAG, NULL, &quiet, NULL, NULL},
        {NULL, TSR_CLI_OPT_FLAG, NULL, NULL, NULL, NULL},
    };
    const char *pos[1];
    size_t npos = 0;
    tsr_sim_config *cfg;
    tsr_sim *s;
    tsr_sim_texts texts;
    char err[512];
    int rc;
    unsigned want = TSR_SIM_TEXT_TRANSCRIPT | TSR_SIM_TEXT_REPORT | TSR_SIM_TEXT_SVG;
    rc = tsr_cli_parse(argc, argv, opts, pos, &npos, 1);
    if (rc == TSR_CLI_HELP) {
        fputs(tsr_sim_run_help, stdout);
        fputs(tsr_sim_scenario_help, stdout);
        return TSR_CLI_OK;
    }
    if (rc != TSR_CLI_OK) {
        return rc;
    }
    if (npos != 1) {
        tsr_cli_err("needs a SCENARIO file (see --help)");
        return TSR_CLI_USAGE;
    }
    cfg = malloc(sizeof *cfg);
    if (cfg == NULL) {
        tsr_cli_err("out of memory");
        return TSR_CLI_INTERNAL;
    }
    if (tsr_sim_scenario_load(cfg, pos[0], err, sizeof err) != 0) {
        tsr_cli_err("%s", err);
        free(cfg);
        return TSR_CLI_USAGE;
    }
    if (seed != NULL && tsr_sim_cli_u64(&cfg->seed, seed, "--seed") != TSR_CLI_OK) {
        free(cfg);
        return TSR_CLI_USAGE;
    }
    cfg->no_timing = no_timing;
    err[0] = 0;
    s = tsr_sim_create(cfg, err, sizeof err);
    free(cfg);
    if (s == NULL) {
        tsr_cli_err("%s: %s", pos[0], err[0] ? err : "cannot create the simulation");
        return TSR_CLI_USAGE;
    }
    err[0] = 0;
    if (tsr_sim_run(s, err, sizeof err) != 0) {
        char msg[600];
        snprintf(msg, sizeof msg, "%s: internal failure: %s\n", pos[0], err[0] ? err : "(no reason given)");
        fprintf(stderr, "%s: ", tsr_cli_prog);
        tsr_sim_say(s, stderr, "%s", msg);
        tsr_sim_destroy(s);
        return TSR_CLI_INTERNAL;
    }
    if (tsr_sim_texts_build(&texts, s, want, verbose, err, sizeof err) != 0) {
        tsr_cli_err("%s", err);
        tsr_sim_destroy(s);
        return TSR_CLI_INTERNAL;
    }
    rc = TSR_CLI_OK;
    if (quiet) {
        tsr_sim_print_summary(s, stdout);
    } else if (texts.transcript != NULL) {
        fputs(texts.transcript, stdout);
    } else {
        printf("[the transcript was withheld: it contained %lu registered secret(s)]\n",
               (unsigned long)texts.leaks[0]);
    }
    tsr_sim_print_verdicts(s, stdout, quiet);
    if (tfile != NULL) {
        int w = tsr_sim_write_text(tfile, texts.transcript, "the transcript");
        rc = w != TSR_CLI_OK ? w : rc;
    }
    if (report != NULL) {
        int w = tsr_sim_write_text(report, texts.report, "the report");
        rc = w != TSR_CLI_OK ? w : rc;
    }
    if (svg != NULL) {
        int w = tsr_sim_write_text(svg, texts.svg, "the SVG");
        rc = w != TSR_CLI_OK ? w : rc;
    }
    if (rc == TSR_CLI_OK && !(tsr_sim_oracle_as_expected(s) && tsr_sim_result_get(s)->expect_ok)) {
        rc = TSR_CLI_FAIL;
    }
    if (fflush(stdout) != 0) {
        tsr_cli_err("cannot write to stdout: %s", strerror(errno));
        rc = TSR_CLI_INTERNAL;
    }
    tsr_sim_texts_free(&texts);
    tsr_sim_destroy(s);
    return rc;
}

/* ---- strategies, fields, dispatch ------------------------------------------------------------ */

static int tsr_sim_cmd_list(int argc, char **argv, const char *help, void (*print)(FILE *)) {
    const tsr_cli_opt opts[] = {{NULL, TSR_CLI_OPT_FLAG, NULL, NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos = 0;
    int rc = tsr_cli_parse(argc, argv, opts, pos, &npos, 0);
    if (rc == TSR_CLI_HELP) {
        fputs(help, stdout);
        return TSR_CLI_OK;
    }
    if (rc != TSR_CLI_OK) {
        return rc;
    }
    print(stdout);
    return fflush(stdout) == 0 ? TSR_CLI_OK : TSR_CLI_INTERNAL;
}

static int tsr_sim_cmd_strategies(int argc, char **argv) {
    return tsr_sim_cmd_list(argc, argv, tsr_sim_strategies_help, tsr_sim_print_strategies);
}

static int tsr_sim_cmd_fields(int argc, char **argv) {
    return tsr_sim_cmd_list(argc, argv, tsr_sim_fields_help, tsr_sim_print_fields);
}

int tsr_cli_sim_main(int argc, char **argv) {
    static const tsr_cli_sub subs[] = {
        {"run", "tessera sim run", tsr_sim_cmd_run},
        {"sweep", "tessera sim sweep", tsr_cli_sim_sweep},
        {"random", "tessera sim random", tsr_cli_sim_random},
        {"strategies", "tessera sim strategies", tsr_sim_cmd_strategies},
        {"fields", "tessera sim fields", tsr_sim_cmd_fields},
    };
    return tsr_cli_dispatch("tessera sim", tsr_sim_usage, subs, sizeof subs / sizeof subs[0], argc, argv);
}
