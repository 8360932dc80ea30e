/* The `tessera` participant mode (frost, dkg, vectors): option parsing, key and group files. */
#ifndef TSR_SIM_CLI_H
#define TSR_SIM_CLI_H

#include <stddef.h>
#include <stdint.h>

#include "tessera/common.h"
#include "tessera/dkg.h"
#include "tessera/frost.h"
#include "cli_json.h"

/* Sub-command entry points (argv[0] is the first argument after the command word). */
int tsr_cli_frost_main(int argc, char **argv);
int tsr_cli_dkg_main(int argc, char **argv);
int tsr_cli_vectors_main(int argc, char **argv);

/* ---- options --------------------------------------------------------------------------------- */

#define TSR_CLI_HELP (-100) /* returned by tsr_cli_parse when --help or -h was given */
#define TSR_CLI_MAX_LIST 1024

typedef enum { TSR_CLI_OPT_FLAG, TSR_CLI_OPT_VALUE, TSR_CLI_OPT_LIST } tsr_cli_opt_kind;

/* One option: FLAG sets *flag = 1; VALUE stores its argument in *value (given twice is an
 * error); LIST collects the arguments that follow it up to the next option (it may repeat). */
typedef struct {
    const char *name;
    tsr_cli_opt_kind kind;
    const char **value;
    int *flag;
    const char **list; /* TSR_CLI_MAX_LIST entries */
    size_t *nlist;
} tsr_cli_opt;

/* Parses argv against opts (NULL name terminates). Positional arguments go to pos (up to maxpos).
 * Returns TSR_CLI_OK, TSR_CLI_HELP or TSR_CLI_USAGE (reported). Accepts "--opt value" and
 * "--opt=value". */
int tsr_cli_parse(int argc, char **argv, const tsr_cli_opt *opts, const char **pos, size_t *npos, size_t maxpos);
/* Reports a missing required option. */
int tsr_cli_require(const char *value, const char *name);
/* Parses a decimal number in [min, max] given to option name. */
int tsr_cli_number(size_t *out, const char *s, size_t min, size_t max, const char *name);

/* The suite chosen on the command line (set == 0: not given, default secp256k1). */
typedef struct {
    int set;
    uint8_t suite;
} tsr_cli_suite_opt;
int tsr_cli_suite_opt_parse(tsr_cli_suite_opt *o, const char *arg);
/* Reconciles the suite a file states (file_has == 0: none) with the command line: a mismatch is
 * a usage error. *out gets the suite to use. */
int tsr_cli_suite_pick(uint8_t *out, const tsr_cli_suite_opt *o, int file_has, uint8_t file_suite,
                       const char *file);

/* A context with OS-random side-channel blinding. NULL on failure (reported). */
tsr_context *tsr_cli_context(void);

/* ---- key and group files --------------------------------------------------------------------- */

/* A participant's key file: {suite, config?, identifier, participant_share, verifying_share?,
 * group_public_key (alias verifying_key_key or verifying_key)}. Loads and checks it through
 * tsr_frost_keypkg_set. *t and *n are 0 when config is absent. */
int tsr_cli_load_key(const tsr_context *ctx, tsr_frost_keypkg *pkg, size_t *t, size_t *n, const char *path,
                     const tsr_cli_suite_opt *opt);
/* The key file JSON of pkg (holds the secret share). */
json_t *tsr_cli_key_json(const tsr_context *ctx, const tsr_frost_keypkg *pkg, size_t t, size_t n);

/* The public material an aggregator or verifier holds. */
typedef struct {
    uint8_t suite;
    size_t t, n;
    tsr_point group_key;
    tsr_point vshares[TSR_MAX_PARTIES]; /* of identifiers 1..n */
    int is_dkg;                         /* loaded from a DKG public result (certificate checked) */
} tsr_cli_group;

/* A group file: {suite, config {MIN_PARTICIPANTS, MAX_PARTICIPANTS}, group_public_key,
 * participants [{identifier, verifying_share}]} (the output of keygen --out-dir group.json), or
 * a DKG public result (its certificate is verified). */
int tsr_cli_load_group(const tsr_context *ctx, tsr_cli_group *g, const char *path, const tsr_cli_suite_opt *opt);
json_t *tsr_cli_group_json(const tsr_context *ctx, uint8_t suite, size_t t, size_t n, const tsr_point *group_key,
                           const tsr_point *vshares);
json_t *tsr_cli_config_json(size_t t, size_t n);

/* DKG public result <-> JSON (sim/cli_dkg.c). The parser checks the shape only; call
 * tsr_dkg_certificate_verify on the result. obj must already be known to hold "session". */
int tsr_cli_dkg_public_parse(const tsr_context *ctx, tsr_dkg_public *pub, const tsr_cli_src *s, const json_t *obj,
                             const tsr_cli_suite_opt *opt);
json_t *tsr_cli_dkg_public_json(const tsr_context *ctx, const tsr_dkg_public *pub);

/* A commitment object {identifier, hiding_nonce_commitment, binding_nonce_commitment}. */
int tsr_cli_commitment_parse(const tsr_context *ctx, tsr_frost_commitment *c, const tsr_cli_src *s,
                             const json_t *obj);
json_t *tsr_cli_commitment_json(const tsr_context *ctx, const tsr_frost_commitment *c);

/* A subcommand table and its dispatcher, shared by `tessera frost` and `tessera dkg`: prints usage
 * for no argument (status 2) or --help/-h/help (status 0), else runs the named subcommand with
 * tsr_cli_prog set to its prog string; an unknown name is a usage error. */
typedef struct {
    const char *name;
    const char *prog;
    int (*fn)(int, char **);
} tsr_cli_sub;
int tsr_cli_dispatch(const char *family, const char *usage, const tsr_cli_sub *subs, size_t nsubs, int argc,
                     char **argv);

#endif
