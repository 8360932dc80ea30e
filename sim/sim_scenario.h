/* Scenario parsing (JSON trees to tsr_sim_config) and the pieces the `tessera sim` commands share
 * (cli_sim.c, sim_sweep.c). */
#ifndef TSR_SIM_SIM_SCENARIO_H
#define TSR_SIM_SIM_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "cli_json.h"
#include "sim.h"

/* Flags of tsr_sim_scenario_parse_at. */
#define TSR_SIM_SCN_BASE 1u /* a sweep's "base": "corrupt" and "expect" are unknown keys */

/* Parses a scenario tree (root of file `file`) into cfg (defaults first). Errors are
 * "FILE: KEY.PATH: reason" in err. Returns 0 or -1. */
int tsr_sim_scenario_parse(tsr_sim_config *cfg, const json_t *root, const char *file, char *err, size_t errcap);
/* The same for an object found at src (a sweep's "base"), with TSR_SIM_SCN_* flags. */
int tsr_sim_scenario_parse_at(tsr_sim_config *cfg, const json_t *obj, const tsr_cli_src *src, unsigned flags,
                              char *err, size_t errcap);
/* One behaviour object of corrupt party `party` (cfg->n, keys and nsign already set), at src. */
int tsr_sim_behaviour_parse(tsr_sim_behaviour *b, const tsr_sim_config *cfg, uint32_t party, const json_t *obj,
                            const tsr_cli_src *src, char *err, size_t errcap);
/* Reads a JSON file (duplicate keys rejected) into *root; errors "FILE: invalid JSON at line L
 * column C: reason" (never quoting the input). Returns 0 or -1. */
int tsr_sim_json_file(json_t **root, const char *path, char *err, size_t errcap);

/* The protocol a named strategy acts in ("dkg", "sign"), NULL for CRASH / WITHHOLD (either). */
const char *tsr_sim_strategy_proto(int strategy);
/* 1 if the strategy is played by the coordinator (sim party 0). */
int tsr_sim_strategy_coord(int strategy);
/* 1 if the strategy makes the ceremony fail without forging anything (denial of service). */
int tsr_sim_strategy_dos(int strategy);

/* A scenario file equivalent to cfg (every key written), for replaying a random run. New tree. */
json_t *tsr_sim_scenario_json(const tsr_sim_config *cfg);

/* ---- shared by the commands (cli_sim.c) ------------------------------------------------------ */

/* The texts of a finished run. Each is built, scanned for registered secrets (NO_LEAK), then, after
 * tsr_sim_expect_check, rebuilt so it carries the final verdicts and scanned again. A text found
 * to hold a secret is wiped and left NULL, its count of secrets in leaks[]. */
typedef struct {
    char *transcript, *report, *svg;
    size_t leaks[3]; /* transcript, report, svg */
} tsr_sim_texts;

/* want: TSR_SIM_TEXT_* bits. Returns 0, or -1 on an allocation failure (err). */
#define TSR_SIM_TEXT_TRANSCRIPT 1u
#define TSR_SIM_TEXT_REPORT 2u
#define TSR_SIM_TEXT_SVG 4u
int tsr_sim_texts_build(tsr_sim_texts *t, tsr_sim *s, unsigned want, int verbose, char *err, size_t errcap);
void tsr_sim_texts_free(tsr_sim_texts *t);
/* 1 if every oracle property holds, or fails exactly as cfg->expect.violations says. */
int tsr_sim_oracle_as_expected(const tsr_sim *s);
/* 1 if every checked property holds. */
int tsr_sim_oracle_all_ok(const tsr_sim *s);
/* A u64 command-line value (decimal). Returns TSR_CLI_OK or TSR_CLI_USAGE (reported). */
int tsr_sim_cli_u64(uint64_t *out, const char *arg, const char *name);
/* Prints a message made from simulation data on f after scanning it for secrets (a message
 * holding one is replaced by a notice). */
void tsr_sim_say(tsr_sim *s, FILE *f, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* `tessera sim sweep` and `tessera sim random` (sim_sweep.c); argv[0] is the first argument. */
int tsr_cli_sim_sweep(int argc, char **argv);
int tsr_cli_sim_random(int argc, char **argv);

#endif
