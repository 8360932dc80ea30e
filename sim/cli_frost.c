/* `tessera frost`: FROST participant mode (trusted-dealer keygen, commit, sign, aggregate, verify)
 * with JSON in and out, hex fields named as in the RFC 9591 vector files. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "rng.h"

/* ---- help ------------------------------------------------------------------------------------ */

static const char tsr_cli_frost_usage[] =
    "usage: tessera frost SUBCOMMAND [OPTIONS]   (each subcommand has --help)\n"
    "\n"
    "FROST threshold Schnorr signing as one participant among others (RFC 9591\n"
    "FROST(secp256k1, SHA-256), or with --suite secp256k1-tr the BIP340/Taproot suite\n"
    "FROST-secp256k1-SHA256-TR-v1). JSON in (files, or '-' for stdin) and out (stdout).\n"
    "\n"
    "  keygen --dealer -t T -n N   trusted-dealer key generation (output holds secrets)\n"
    "  commit                      round one: nonce commitments; secret nonces to a state file\n"
    "  sign                        round two: consume the state file, output a signature share\n"
    "  aggregate                   combine shares into a signature, or name the culprits\n"
    "  verify                      verify a signature under the group key\n"
    "\n"
    "Exit status: 0 success, 1 verification failed (culprits printed), 2 usage or input error,\n"
    "3 internal error. Every option takes --suite secp256k1|secp256k1-tr (default secp256k1,\n"
    "or the suite a file states; a mismatch is an error).\n";

static const char tsr_cli_keygen_help[] =
    "usage: tessera frost keygen --dealer -t T -n N [--suite S] [--seed S] [--out FILE] [--out-dir DIR]\n"
    "\n"
    "Trusted-dealer key generation (RFC 9591 Appendix C): a random group secret split t-of-n among\n"
    "identifiers 1..n.\n"
    "\n"
    "THE DEALER OUTPUT HOLDS EVERY SECRET SHARE. Give each participant only its own key file and\n"
    "delete the rest. With --out FILE the full output goes to FILE, created with mode 0600 (never\n"
    "overwritten), and stdout gets only the public group file. With --out-dir DIR (created if\n"
    "needed) each participant's key file goes to DIR/key-<identifier>.json (mode 0600) and the\n"
    "public group file to DIR/group.json; stdout gets the group file. With neither, the full output\n"
    "is printed on stdout.\n"
    "\n"
    "Options:\n"
    "  --dealer       required (keygen without a dealer is 'tessera dkg')\n"
    "  -t T           threshold: signers needed (MIN_PARTICIPANTS), 2 <= T <= N (RFC 9591)\n"
    "  -n N           participants (MAX_PARTICIPANTS), N <= 256\n"
    "  --seed S       draw the randomness from a seeded generator instead of the OS. For tests\n"
    "                 only: anyone who knows S knows every share.\n"
    "\n"
    "Full output (stdout or --out):\n"
    "  suite              \"secp256k1\" or \"secp256k1-tr\"\n"
    "  config             {MIN_PARTICIPANTS: T, MAX_PARTICIPANTS: N} (integers)\n"
    "  group_public_key   the group key PK, 33-byte compressed point, hex\n"
    "  vss_commitment     [T points, hex]: Feldman commitments to the dealer's polynomial\n"
    "  participants       [N objects]:\n"
    "    identifier         integer 1..N\n"
    "    participant_share  SECRET: the signing share sk_i, 32-byte scalar, hex\n"
    "    verifying_share    PK_i = sk_i*G, 33-byte compressed point, hex\n"
    "Key file (DIR/key-<i>.json, the --key of commit and sign): suite, config, identifier,\n"
    "  participant_share (SECRET), verifying_share, group_public_key.\n"
    "Group file (DIR/group.json, the --group of aggregate and verify): suite, config,\n"
    "  group_public_key, participants [{identifier, verifying_share}].\n";

static const char tsr_cli_commit_help[] =
    "usage: tessera frost commit --key KEYFILE --state STATEFILE [--suite S]\n"
    "\n"
    "Round one (RFC 9591 5.1): draws two nonces from OS randomness and the signing share\n"
    "(nonce_generate), writes the secret nonces to STATEFILE and prints the public commitments.\n"
    "STATEFILE is created with O_CREAT|O_EXCL and mode 0600: an existing file is never\n"
    "overwritten. 'tessera frost sign' consumes and deletes it; commit again for each signature.\n"
    "The state file is a binary Tessera file bound to this key; never copy or reuse it.\n"
    "\n"
    "KEYFILE (JSON object; written by 'keygen --out-dir' or 'dkg finalize'):\n"
    "  suite              \"secp256k1\" or \"secp256k1-tr\" (optional: default --suite)\n"
    "  config             {MIN_PARTICIPANTS, MAX_PARTICIPANTS} (optional)\n"
    "  identifier         integer 1..256 (or a decimal string, or a 32-byte hex scalar)\n"
    "  participant_share  SECRET signing share, 32-byte scalar, hex\n"
    "  verifying_share    participant_share*G, 33-byte compressed point (optional; checked)\n"
    "  group_public_key   group key, 33-byte compressed point (also accepted as\n"
    "                     verifying_key_key or verifying_key)\n"
    "Output (JSON object, send it to the coordinator):\n"
    "  identifier                integer\n"
    "  hiding_nonce_commitment   D_i, 33-byte compressed point, hex\n"
    "  binding_nonce_commitment  E_i, 33-byte compressed point, hex\n";

static const char tsr_cli_sign_help[] =
    "usage: tessera frost sign --key KEYFILE --state STATEFILE --message HEX --commitments FILE [--suite S]\n"
    "\n"
    "Round two (RFC 9591 5.2). After the key, message and commitment list parse, STATEFILE is\n"
    "read, overwritten and deleted BEFORE signing: its nonces are consumed whatever happens, so\n"
    "a second sign with the same state fails (run commit again). Refuses a state file that group\n"
    "or others can access. Checks the commitment list (ascending unique identifiers, no identity\n"
    "point, own commitment present and unchanged); a bad list blames the coordinator.\n"
    "\n"
    "  --key KEYFILE       this participant's key file (see 'commit --help')\n"
    "  --state STATEFILE   written by 'tessera frost commit' with the same key\n"
    "  --message HEX       the message, hex (may be empty: --message '')\n"
    "  --commitments FILE  JSON array, sorted by identifier, one object per signer, exactly as\n"
    "                      printed by commit: {identifier, hiding_nonce_commitment,\n"
    "                      binding_nonce_commitment}\n"
    "Output (JSON object):\n"
    "  identifier   integer\n"
    "  sig_share    z_i, 32-byte scalar, hex\n"
    "On a rejected list (exit 1): {culprits: [{identifier: \"coordinator\" | id, check,\n"
    "  check_name, phase, round}]} (check: Tessera check id, see 'tessera checks').\n";

static const char tsr_cli_aggregate_help[] =
    "usage: tessera frost aggregate --group GROUPFILE --message HEX --commitments FILE --shares FILE [--suite S]\n"
    "\n"
    "Aggregation (RFC 9591 5.3) with cheater identification: computes the signature and\n"
    "verifies it; only if it fails, verifies every share (verify_signature_share) and names\n"
    "every signer whose share is wrong.\n"
    "\n"
    "  --group GROUPFILE   public group file: {suite, config {MIN_PARTICIPANTS, MAX_PARTICIPANTS},\n"
    "                      group_public_key, participants [{identifier, verifying_share}]}\n"
    "                      (keygen's group.json), or a DKG public result (certificate checked)\n"
    "  --message HEX       the signed message, hex\n"
    "  --commitments FILE  the JSON array of commitments sent to the signers (see sign --help)\n"
    "  --shares FILE       JSON array of {identifier, sig_share (32-byte scalar, hex)}, one per\n"
    "                      signer in the list, any order\n"
    "Output (exit 0): {sig}: hex, 65 bytes R (compressed) || z for secp256k1, 64 bytes BIP340\n"
    "  x(R) || z for secp256k1-tr.\n"
    "Output (exit 1): {culprits: [{identifier, check, check_name, phase, round}]}: check 28\n"
    "  (signature share fails verification), 27 (share missing), or a commitment-list check.\n";

static const char tsr_cli_verify_help[] =
    "usage: tessera frost verify (--group GROUPFILE | --group-key HEX) --message HEX --sig HEX [--suite S]\n"
    "\n"
    "Verifies a signature (RFC 9591 verify; secp256k1-tr: BIP340 with libsecp256k1's\n"
    "schnorrsig_verify under x(PK)).\n"
    "  --group GROUPFILE  a group file or DKG public result (see aggregate --help)\n"
    "  --group-key HEX    the group key instead: 33-byte compressed point (or, for\n"
    "                     secp256k1-tr, a 32-byte x-only key)\n"
    "  --message HEX      the message, hex\n"
    "  --sig HEX          the signature, hex (65 bytes, or 64 for secp256k1-tr)\n"
    "Output: {valid: true} (exit 0) or {valid: false, reason} (exit 1).\n";

/* ---- helpers --------------------------------------------------------------------------------- */

/* The message of --message: a fresh buffer (NULL with len 0 allowed). */
static int tsr_cli_message(uint8_t **msg, size_t *len, const char *hex) {
    size_t cap = strlen(hex) / 2 + 1;
    *msg = malloc(cap);
    *len = 0;
    if (*msg == NULL) {
        tsr_cli_err("out of memory");
        return TSR_CLI_INTERNAL;
    }
    return tsr_cli_hex_arg(*msg, cap, len, "--message", hex);
}

/* A commitment list file: JSON array of commitment objects (order kept: the list is checked). */
static int tsr_cli_load_commitments(const tsr_context *ctx, tsr_frost_commitment *list, size_t *k, const char *path) {
    tsr_cli_src s, es;
    json_t *root = tsr_cli_json_load(path);
    size_t i;
    int rc;
    *k = 0;
    if (root == NULL) {
        return TSR_CLI_USAGE;
    }
    tsr_cli_src_root(&s, path);
    rc = tsr_cli_want_array(&s, root, 1, TSR_MAX_PARTIES);
    for (i = 0; rc == TSR_CLI_OK && i < json_array_size(root); i++) {
        tsr_cli_src_child(&es, &s, NULL, i);
        rc = tsr_cli_commitment_parse(ctx, &list[i], &es, json_array_get(root, i));
    }
    if (rc == TSR_CLI_OK) {
        *k = json_array_size(root);
    }
    json_decref(root);
    return rc;
}

static int tsr_cli_print_culprits(const tsr_blame *b, size_t nb) {
    json_t *o = json_object(), *arr = json_array();
    size_t i;
    int rc;
    for (i = 0; i < nb; i++) {
        json_array_append_new(arr, tsr_cli_blame_json(&b[i], "identifier"));
    }
    json_object_set_new(o, "culprits", arr);
    rc = tsr_cli_json_print(o);
    json_decref(o);
    return rc == TSR_CLI_OK ? TSR_CLI_FAIL : rc;
}

/* ---- keygen ---------------------------------------------------------------------------------- */

static int tsr_cli_frost_keygen(int argc, char **argv) {
    const char *t_s = NULL, *n_s = NULL, *seed_s = NULL, *out = NULL, *outdir = NULL, *suite_s = NULL;
    int dealer = 0;
    const tsr_cli_opt opts[] = {
        {"--dealer", TSR_CLI_OPT_FLAG, NULL, &dealer, NULL, NULL},
        {"-t", TSR_CLI_OPT_VALUE, &t_s, NULL, NULL, NULL},
        {"-n", TSR_CLI_OPT_VALUE, &n_s, NULL, NULL, NULL},
        {"--seed", TSR_CLI_OPT_VALUE, &seed_s, NULL, NULL, NULL},
        {"--out", TSR_CLI_OPT_VALUE, &out, NULL, NULL, NULL},
        {"--out-dir", TSR_CLI_OPT_VALUE, &outdir, NULL, NULL, NULL},
        {"--suite", TSR_CLI_OPT_VALUE, &suite_s, NULL, NULL, NULL},
        {NULL, TSR_CLI_OPT_FLAG, NULL, NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos, t = 0, n = 0, i;
    tsr_cli_suite_opt so;
    tsr_sim_rng rng;
    tsr_context *ctx = NULL;
    tsr_frost_keypkg *pkgs = NULL;
    tsr_vss_commitment *comm = NULL;
    tsr_point gk;
    uint8_t *rand = NULL;
    size_t randlen = 0;
    json_t *full = NULL, *group = NULL;
    tsr_point *vsh = NULL;
    int rc, err;

    rc = tsr_cli_parse(argc, argv, opts, pos, &npos, 0);
    if (rc == TSR_CLI_HELP) {
        fputs(tsr_cli_keygen_help, stdout);
        return TSR_CLI_OK;
    }
    if (rc != TSR_CLI_OK) {
        return rc;
    }
    if (!dealer) {
        tsr_cli_err("only --dealer is supported here; for keygen without a dealer use 'tessera dkg'");
        return TSR_CLI_USAGE;
    }
    if ((rc = tsr_cli_suite_opt_parse(&so, suite_s)) != TSR_CLI_OK || (rc = tsr_cli_require(t_s, "-t")) != TSR_CLI_OK ||
        (rc = tsr_cli_require(n_s, "-n")) != TSR_CLI_OK ||
        (rc = tsr_cli_number(&n, n_s, 2, TSR_MAX_PARTIES, "-n")) != TSR_CLI_OK ||
        (rc = tsr_cli_number(&t, t_s, 2, n, "-t")) != TSR_CLI_OK) {
        return rc;
    }
    if (seed_s != NULL) {
        char *end = NULL;
        unsigned long long sd = strtoull(seed_s, &end, 0);
        if (end == seed_s || *end != 0) {
            tsr_cli_err("--seed needs a number, got '%s'", seed_s);
            return TSR_CLI_USAGE;
        }
        tsr_sim_rng_init_seed(&rng, sd);
    } else {
        tsr_sim_rng_init_os(&rng);
    }
    if (outdir != NULL && mkdir(outdir, 0700) != 0 && errno != EEXIST) {
        tsr_cli_err("%s: cannot create directory: %s", outdir, strerror(errno));
        return TSR_CLI_USAGE;
    }
    randlen = 64 * t;
    rand = malloc(randlen);
    pkgs = calloc(n, sizeof *pkgs);
    comm = malloc(sizeof *comm);
    vsh = calloc(n, sizeof *vsh);
    if (rand == NULL || pkgs == NULL || comm == NULL || vsh == NULL || (ctx = tsr_cli_context()) == NULL) {
        rc = TSR_CLI_INTERNAL;
        goto out;
    }
    if (tsr_sim_rng_fill(&rng, rand, randlen) != 0) {
        tsr_cli_err("the OS random generator failed");
        rc = TSR_CLI_INTERNAL;
        goto out;
    }
    err = tsr_frost_keygen_dealer(ctx, pkgs, &gk, comm, so.suite, t, n, NULL, rand, randlen);
    if (err != TSR_OK) {
        tsr_cli_err("keygen failed: %s (t = %lu, n = %lu)", tsr_strerror(err), (unsigned long)t, (unsigned long)n);
        rc = err == TSR_ERR_ARG ? TSR_CLI_USAGE : TSR_CLI_INTERNAL;
        goto out;
    }
    for (i = 0; i < n; i++) {
        vsh[i] = pkgs[i].verifying_share;
    }
    group = tsr_cli_group_json(ctx, so.suite, t, n, &gk, vsh);
    full = json_object();
    {
        json_t *vc = json_array(), *parts = json_array();
        json_object_set_new(full, "suite", json_string(tsr_cli_suite_name(so.suite)));
        json_object_set_new(full, "config", tsr_cli_config_json(t, n));
        json_object_set_new(full, "group_public_key", tsr_cli_point_json(ctx, &gk));
        for (i = 0; i < comm->t; i++) {
            json_array_append_new(vc, tsr_cli_point_json(ctx, &comm->c[i]));
        }
        json_object_set_new(full, "vss_commitment", vc);
        for (i = 0; i < n; i++) {
            json_t *p = json_object();
            json_object_set_new(p, "identifier", json_integer((json_int_t)pkgs[i].id));
            json_object_set_new(p, "participant_share", tsr_cli_scalar_json(&pkgs[i].share));
            json_object_set_new(p, "verifying_share", tsr_cli_point_json(ctx, &pkgs[i].verifying_share));
            json_array_append_new(parts, p);
        }
        json_object_set_new(full, "participants", parts);
    }
    if (outdir != NULL) {
        char path[4096];
        for (i = 0; i < n; i++) {
            json_t *kj = tsr_cli_key_json(ctx, &pkgs[i], t, n);
            snprintf(path, sizeof path, "%s/key-%u.json", outdir, pkgs[i].id);
            rc = tsr_cli_json_write_new(path, kj, 0600);
            json_decref(kj);
            if (rc != TSR_CLI_OK) {
                goto out;
            }
        }
        snprintf(path, sizeof path, "%s/group.json", outdir);
        if ((rc = tsr_cli_json_write_new(path, group, 0644)) != TSR_CLI_OK) {
            goto out;
        }
    }
    if (out != NULL && (rc = tsr_cli_json_write_new(out, full, 0600)) != TSR_CLI_OK) {
        goto out;
    }
    rc = tsr_cli_json_print(out != NULL || outdir != NULL ? group : full);
out:
    json_decref(full);
    json_decref(group);
    if (pkgs != NULL) {
        for (i = 0; i < n; i++) {
            tsr_frost_keypkg_clear(&pkgs[i]);
        }
        free(pkgs);
    }
    tsr_cli_free_buf(rand, randlen);
    free(comm);
    free(vsh);
    tsr_sim_rng_clear(&rng);
    tsr_context_destroy(ctx);
    return rc;
}

/* ---- nonce state file ------------------------------------------------------------------------ */

/* What commit leaves for sign: the nonces and the key they belong to. */
typedef struct {
    uint8_t suite;
    uint32_t id;
    uint8_t group_key[33];
    tsr_frost_nonce nonce;
} tsr_cli_nonce_state;

/* ---- commit ---------------------------------------------------------------------------------- */

static int tsr_cli_frost_commit(int argc, char **argv) {
    const char *key = NULL, *state = NULL, *suite_s = NULL;
    const tsr_cli_opt opts[] = {
        {"--key", TSR_CLI_OPT_VALUE, &key, NULL, NULL, NULL},
        {"--state", TSR_CLI_OPT_VALUE, &state, NULL, NULL, NULL},
        {"--suite", TSR_CLI_OPT_VALUE, &suite_s, NULL, NULL, NULL},
        {NULL, TSR_CLI_OPT_FLAG, NULL, NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos, t, n, enclen = 0;
    tsr_cli_suite_opt so;
    tsr_context *ctx = NULL;
    tsr_frost_keypkg pkg;
    tsr_frost_commitment c;
    tsr_cli_nonce_state st;
    tsr_sim_rng rng;
    uint8_t rand[64];
    uint8_t *enc = NULL;
    json_t *o = NULL;
    int rc, err;

    memset(&st, 0, sizeof st);
    memset(&pkg, 0, sizeof pkg);
    rc = tsr_cli_parse(argc, argv, opts, pos, &npos, 0);
    if (rc == TSR_CLI_HELP) {
        fputs(tsr_cli_commit_help, stdout);
        return TSR_CLI_OK;
    }
    if (rc != TSR_CLI_OK || (rc = tsr_cli_suite_opt_parse(&so, suite_s)) != TSR_CLI_OK ||
        (rc = tsr_cli_require(key, "--key")) != TSR_CLI_OK || (rc = tsr_cli_require(state, "--state")) != TSR_CLI_OK) {
        return rc;
    }
    if (access(state, F_OK) == 0) {
        tsr_cli_err("%s: already exists; refusing to overwrite it (it may hold unused nonces: sign with it "
                    "or delete it)", state);
        return TSR_CLI_USAGE;
    }
    if ((ctx = tsr_cli_context()) == NULL) {
        return TSR_CLI_INTERNAL;
    }
    if ((rc = tsr_cli_load_key(ctx, &pkg, &t, &n, key, &so)) != TSR_CLI_OK) {
        goto out;
    }
    tsr_sim_rng_init_os(&rng);
    if (tsr_sim_rng_fill(&rng, rand, sizeof rand) != 0) {
        tsr_cli_err("the OS random generator failed");
        rc = TSR_CLI_INTERNAL;
        goto out;
    }
    err = tsr_frost_commit(ctx, &st.nonce, &c, &pkg, rand);
    if (err != TSR_OK) {
        tsr_cli_err("commit failed: %s", tsr_strerror(err));
        rc = TSR_CLI_INTERNAL;
        goto out;
    }
    st.suite = pkg.suite;
    st.id = pkg.id;
    if (tsr_point_encode(ctx, st.group_key, &pkg.group_key) != TSR_OK ||
        (rc = tsr_cli_state_encode(&enc, &enclen, TSR_CLI_STATE_FROST_NONCE, (const uint8_t *)&st, sizeof st)) != TSR_CLI_OK) {
        rc = TSR_CLI_INTERNAL;
        goto out;
    }
    if ((rc = tsr_cli_write_new(state, enc, enclen, 0600)) != TSR_CLI_OK) {
        goto out;
    }
    o = tsr_cli_commitment_json(ctx, &c);
    rc = tsr_cli_json_print(o);
out:
    json_decref(o);
    tsr_cli_free_buf(enc, enclen);
    tsr_frost_nonce_clear(&st.nonce);
    tsr_memzero(&st, sizeof st);
    tsr_memzero(rand, sizeof rand);
    tsr_frost_keypkg_clear(&pkg);
    tsr_context_destroy(ctx);
    return rc;
}

/* ---- sign ------------------------------------------------------------------------------------ */

/* Reads the nonce state, then overwrites and deletes the file before anything else happens. */
static int tsr_cli_consume_state(tsr_cli_nonce_state *st, const char *path) {
    uint8_t *buf = NULL;
    size_t len = 0;
    int rc;
    if (access(path, F_OK) != 0 && errno == ENOENT) {
        tsr_cli_err("%s: no such state file (secret nonces are consumed by the first sign: run "
                    "'tessera frost commit' again)", path);
        return TSR_CLI_USAGE;
    }
    if ((rc = tsr_cli_read_file(&buf, &len, path, 1)) != TSR_CLI_OK) {
        return rc;
    }
    if ((rc = tsr_cli_shred(path)) != TSR_CLI_OK) {
        tsr_cli_err("%s: could not delete the state file: refusing to sign with nonces that could be "
                    "used again", path);
        tsr_cli_free_buf(buf, len);
        return rc;
    }
    rc = tsr_cli_state_decode((uint8_t *)st, sizeof *st, TSR_CLI_STATE_FROST_NONCE, buf, len, path);
    tsr_cli_free_buf(buf, len);
    return rc;
}

static int tsr_cli_frost_sign(int argc, char **argv) {
    const char *key = NULL, *state = NULL, *msg_s = NULL, *comms = NULL, *suite_s = NULL;
    const tsr_cli_opt opts[] = {
        {"--key", TSR_CLI_OPT_VALUE, &key, NULL, NULL, NULL},
        {"--state", TSR_CLI_OPT_VALUE, &state, NULL, NULL, NULL},
        {"--message", TSR_CLI_OPT_VALUE, &msg_s, NULL, NULL, NULL},
        {"--commitments", TSR_CLI_OPT_VALUE, &comms, NULL, NULL, NULL},
        {"--suite", TSR_CLI_OPT_VALUE, &suite_s, NULL, NULL, NULL},
        {NULL, TSR_CLI_OPT_FLAG, NULL, NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos, t, n, k = 0, msglen = 0;
    tsr_cli_suite_opt so;
    tsr_context *ctx = NULL;
    tsr_frost_keypkg pkg;
    tsr_frost_commitment *list = NULL;
    tsr_cli_nonce_state st;
    tsr_frost_sigshare share;
    tsr_blame blame;
    uint8_t *msg = NULL;
    uint8_t gk[33];
    json_t *o = NULL;
    int rc, err;

    memset(&st, 0, sizeof st);
    memset(&pkg, 0, sizeof pkg);
    memset(&share, 0, sizeof share);
    rc = tsr_cli_parse(argc, argv, opts, pos, &npos, 0);
    if (rc == TSR_CLI_HELP) {
        fputs(tsr_cli_sign_help, stdout);
        return TSR_CLI_OK;
    }
    if (rc != TSR_CLI_OK || (rc = tsr_cli_suite_opt_parse(&so, suite_s)) != TSR_CLI_OK ||
        (rc = tsr_cli_require(key, "--key")) != TSR_CLI_OK || (rc = tsr_cli_require(state, "--state")) != TSR_CLI_OK ||
        (rc = tsr_cli_require(msg_s, "--message")) != TSR_CLI_OK ||
        (rc = tsr_cli_require(comms, "--commitments")) != TSR_CLI_OK) {
        return rc;
    }
    list = calloc(TSR_MAX_PARTIES, sizeof *list);
    if (list == NULL || (ctx = tsr_cli_context()) == NULL) {
        free(list);
        return TSR_CLI_INTERNAL;
    }
    if ((rc = tsr_cli_message(&msg, &msglen, msg_s)) != TSR_CLI_OK ||
        (rc = tsr_cli_load_key(ctx, &pkg, &t, &n, key, &so)) != TSR_CLI_OK ||
        (rc = tsr_cli_load_commitments(ctx, list, &k, comms)) != TSR_CLI_OK) {
        goto out;
    }
    /* From here on the nonces are consumed, whatever happens. */
    if ((rc = tsr_cli_consume_state(&st, state)) != TSR_CLI_OK) {
        goto out;
    }
    if (tsr_point_encode(ctx, gk, &pkg.group_key) != TSR_OK || st.suite != pkg.suite || st.id != pkg.id ||
        memcmp(gk, st.group_key, sizeof gk) != 0) {
        tsr_cli_err("%s: this state file was made by 'commit' with another key (identifier, suite or group "
                    "key differs); it is now deleted", state);
        rc = TSR_CLI_USAGE;
        goto out;
    }
    tsr_blame_set(&blame, TSR_CULPRIT_NONE, TSR_PHASE_NONE, 0, TSR_CHECK_NONE);
    err = tsr_frost_sign(ctx, &share, &st.nonce, &pkg, list, k, msg, msglen, &blame);
    if (err == TSR_ERR_STATE) {
        tsr_cli_err("%s: the nonces in this state file were already used", state);
        rc = TSR_CLI_USAGE;
        goto out;
    }
    if (err != TSR_OK) {
        if (blame.check != TSR_CHECK_NONE) {
            tsr_cli_err("refused to sign: %s (the state file is consumed)", tsr_check_name(blame.check));
            rc = tsr_cli_print_culprits(&blame, 1);
        } else {
            tsr_cli_err("refused to sign: %s (the state file is consumed)", tsr_strerror(err));
            rc = err == TSR_ERR_INTERNAL ? TSR_CLI_INTERNAL : TSR_CLI_FAIL;
        }
        goto out;
    }
    o = json_object();
    json_object_set_new(o, "identifier", json_integer((json_int_t)share.id));
    json_object_set_new(o, "sig_share", tsr_cli_scalar_json(&share.z));
    rc = tsr_cli_json_print(o);
out:
    json_decref(o);
    tsr_frost_nonce_clear(&st.nonce);
    tsr_memzero(&st, sizeof st);
    tsr_frost_keypkg_clear(&pkg);
    free(list);
    free(msg);
    tsr_context_destroy(ctx);
    return rc;
}

/* ---- aggregate ------------------------------------------------------------------------------- */

static int tsr_cli_frost_aggregate(int argc, char **argv) {
    static const char *const skeys[] = {"identifier", "sig_share", NULL};
    const char *group = NULL, *msg_s = NULL, *comms = NULL, *shares_p = NULL, *suite_s = NULL;
    const tsr_cli_opt opts[] = {
        {"--group", TSR_CLI_OPT_VALUE, &group, NULL, NULL, NULL},
        {"--message", TSR_CLI_OPT_VALUE, &msg_s, NULL, NULL, NULL},
        {"--commitments", TSR_CLI_OPT_VALUE, &comms, NULL, NULL, NULL},
        {"--shares", TSR_CLI_OPT_VALUE, &shares_p, NULL, NULL, NULL},
        {"--suite", TSR_CLI_OPT_VALUE, &suite_s, NULL, NULL, NULL},
        {NULL, TSR_CLI_OPT_FLAG, NULL, NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos, k = 0, msglen = 0, i, j, nculprits = 0, siglen = 0;
    tsr_cli_suite_opt so;
    tsr_context *ctx = NULL;
    tsr_cli_group *g = NULL;
    tsr_frost_commitment *list = NULL;
    tsr_frost_sigshare *shares = NULL;
    tsr_point *vsh = NULL;
    tsr_blame *culprits = NULL;
    uint8_t *have = NULL;
    uint8_t *msg = NULL;
    uint8_t sig[TSR_FROST_SIG_MAX_BYTES];
    json_t *root = NULL, *o = NULL;
    tsr_cli_src s, es;
    int rc, err;

    rc = tsr_cli_parse(argc, argv, opts, pos, &npos, 0);
    if (rc == TSR_CLI_HELP) {
        fputs(tsr_cli_aggregate_help, stdout);
        return TSR_CLI_OK;
    }
    if (rc != TSR_CLI_OK || (rc = tsr_cli_suite_opt_parse(&so, suite_s)) != TSR_CLI_OK ||
        (rc = tsr_cli_require(group, "--group")) != TSR_CLI_OK ||
        (rc = tsr_cli_require(msg_s, "--message")) != TSR_CLI_OK ||
        (rc = tsr_cli_require(comms, "--commitments")) != TSR_CLI_OK ||
        (rc = tsr_cli_require(shares_p, "--shares")) != TSR_CLI_OK) {
        return rc;
    }
    g = malloc(sizeof *g);
    list = calloc(TSR_MAX_PARTIES, sizeof *list);
    shares = calloc(TSR_MAX_PARTIES, sizeof *shares);
    vsh = calloc(TSR_MAX_PARTIES, sizeof *vsh);
    culprits = calloc(TSR_MAX_PARTIES, sizeof *culprits);
    have = calloc(TSR_MAX_PARTIES, 1);
    if (g == NULL || list == NULL || shares == NULL || vsh == NULL || culprits == NULL || have == NULL ||
        (ctx = tsr_cli_context()) == NULL) {
        rc = TSR_CLI_INTERNAL;
        goto out;
    }
    if ((rc = tsr_cli_message(&msg, &msglen, msg_s)) != TSR_CLI_OK ||
        (rc = tsr_cli_load_group(ctx, g, group, &so)) != TSR_CLI_OK ||
        (rc = tsr_cli_load_commitments(ctx, list, &k, comms)) != TSR_CLI_OK) {
        goto out;
    }
    {
        tsr_blame b;
        if (tsr_frost_check_commitment_list(list, k, g->t, &b) != TSR_OK) {
            tsr_cli_err("%s: the commitment list is rejected: %s", comms, tsr_check_name(b.check));
            if (b.check == TSR_CHECK_POINT_IDENTITY && b.culprit != TSR_CULPRIT_NONE &&
                b.culprit != TSR_CULPRIT_COORDINATOR) {
                b.phase = TSR_PHASE_AGGREGATE;
                rc = tsr_cli_print_culprits(&b, 1); /* that signer's commitment is at fault */
            } else {
                rc = TSR_CLI_USAGE; /* order, duplicates, count: the list is this coordinator's own input */
            }
            goto out;
        }
    }
    for (i = 0; i < k; i++) {
        if (list[i].id > g->n) {
            tsr_cli_err("%s: [%lu].identifier %u is not a participant of the group (1..%lu)", comms, (unsigned long)i,
                        list[i].id, (unsigned long)g->n);
            rc = TSR_CLI_USAGE;
            goto out;
        }
        vsh[i] = g->vshares[list[i].id - 1];
    }
    /* Shares: matched to the list by identifier. */
    if ((root = tsr_cli_json_load(shares_p)) == NULL) {
        rc = TSR_CLI_USAGE;
        goto out;
    }
    tsr_cli_src_root(&s, shares_p);
    if ((rc = tsr_cli_want_array(&s, root, 0, TSR_MAX_PARTIES)) != TSR_CLI_OK) {
        goto out;
    }
    for (j = 0; j < json_array_size(root); j++) {
        json_t *e = json_array_get(root, j);
        uint32_t id;
        tsr_scalar z;
        tsr_cli_src_child(&es, &s, NULL, j);
        if ((rc = tsr_cli_want_object(&es, e)) != TSR_CLI_OK || (rc = tsr_cli_only_keys(&es, e, skeys)) != TSR_CLI_OK ||
            (rc = tsr_cli_ident(&id, &es, e, "identifier")) != TSR_CLI_OK ||
            (rc = tsr_cli_scalar(&z, &es, e, "sig_share", 1)) != TSR_CLI_OK) {
            goto out;
        }
        for (i = 0; i < k && list[i].id != id; i++) {
        }
        if (i == k) {
            tsr_cli_err("%s: %s.identifier %u is not in the commitment list", shares_p, es.path, id);
            rc = TSR_CLI_USAGE;
            goto out;
        }
        if (have[i]) {
            tsr_cli_err("%s: %s.identifier %u: %s", shares_p, es.path, id, tsr_check_name(TSR_CHECK_ID_DUPLICATE));
            rc = TSR_CLI_USAGE;
            goto out;
        }
        have[i] = 1;
        shares[i].id = id;
        shares[i].z = z;
    }
    for (i = 0; i < k; i++) {
        if (!have[i]) {
            tsr_blame_set(&culprits[nculprits++], list[i].id, TSR_PHASE_AGGREGATE, 2, TSR_CHECK_MISSING);
        }
    }
    if (nculprits > 0) {
        tsr_cli_err("signature shares are missing");
        rc = tsr_cli_print_culprits(culprits, nculprits);
        goto out;
    }
    err = tsr_frost_aggregate(ctx, sig, &siglen, culprits, TSR_MAX_PARTIES, &nculprits, g->suite, list, shares, vsh, k,
                              &g->group_key, msg, msglen);
    if (err == TSR_ERR_VERIFY) {
        tsr_cli_err("the signature does not verify; %lu signature share(s) are wrong", (unsigned long)nculprits);
        rc = tsr_cli_print_culprits(culprits, nculprits);
        goto out;
    }
    if (err != TSR_OK) {
        tsr_cli_err("aggregation failed: %s", tsr_strerror(err));
        rc = err == TSR_ERR_INTERNAL ? TSR_CLI_INTERNAL : TSR_CLI_USAGE;
        goto out;
    }
    o = json_object();
    json_object_set_new(o, "sig", tsr_cli_hex_json(sig, siglen));
    rc = tsr_cli_json_print(o);
out:
    json_decref(o);
    json_decref(root);
    free(g);
    free(list);
    free(shares);
    free(vsh);
    free(culprits);
    free(have);
    free(msg);
    tsr_context_destroy(ctx);
    return rc;
}

/* ---- verify ---------------------------------------------------------------------------------- */

static int tsr_cli_frost_verify(int argc, char **argv) {
    const char *group = NULL, *gk_s = NULL, *msg_s = NULL, *sig_s = NULL, *suite_s = NULL;
    const tsr_cli_opt opts[] = {
        {"--group", TSR_CLI_OPT_VALUE, &group, NULL, NULL, NULL},
        {"--group-key", TSR_CLI_OPT_VALUE, &gk_s, NULL, NULL, NULL},
        {"--message", TSR_CLI_OPT_VALUE, &msg_s, NULL, NULL, NULL},
        {"--sig", TSR_CLI_OPT_VALUE, &sig_s, NULL, NULL, NULL},
        {"--suite", TSR_CLI_OPT_VALUE, &suite_s, NULL, NULL, NULL},
        {NULL, TSR_CLI_OPT_FLAG, NULL, NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos, msglen = 0, siglen = 0;
    tsr_cli_suite_opt so;
    tsr_context *ctx = NULL;
    tsr_cli_group *g = NULL;
    tsr_point pk;
    uint8_t suite;
    uint8_t *msg = NULL;
    uint8_t sig[TSR_FROST_SIG_MAX_BYTES + 1];
    json_t *o = NULL;
    int rc, err;

    rc = tsr_cli_parse(argc, argv, opts, pos, &npos, 0);
    if (rc == TSR_CLI_HELP) {
        fputs(tsr_cli_verify_help, stdout);
        return TSR_CLI_OK;
    }
    if (rc != TSR_CLI_OK || (rc = tsr_cli_suite_opt_parse(&so, suite_s)) != TSR_CLI_OK ||
        (rc = tsr_cli_require(msg_s, "--message")) != TSR_CLI_OK ||
        (rc = tsr_cli_require(sig_s, "--sig")) != TSR_CLI_OK) {
        return rc;
    }
    if ((group == NULL) == (gk_s == NULL)) {
        tsr_cli_err("give exactly one of --group FILE and --group-key HEX");
        return TSR_CLI_USAGE;
    }
    if ((ctx = tsr_cli_context()) == NULL || (g = malloc(sizeof *g)) == NULL) {
        rc = TSR_CLI_INTERNAL;
        goto out;
    }
    if ((rc = tsr_cli_message(&msg, &msglen, msg_s)) != TSR_CLI_OK ||
        (rc = tsr_cli_hex_arg(sig, sizeof sig, &siglen, "--sig", sig_s)) != TSR_CLI_OK) {
        goto out;
    }
    if (group != NULL) {
        if ((rc = tsr_cli_load_group(ctx, g, group, &so)) != TSR_CLI_OK) {
            goto out;
        }
        suite = g->suite;
        pk = g->group_key;
    } else {
        uint8_t b[33];
        size_t blen = 0;
        tsr_check why = TSR_CHECK_NONE;
        suite = so.suite;
        if ((rc = tsr_cli_hex_arg(b, sizeof b, &blen, "--group-key", gk_s)) != TSR_CLI_OK) {
            goto out;
        }
        if (blen == 32 && suite == TSR_SUITE_SECP256K1_TR) {
            err = tsr_point_decode_xonly(ctx, &pk, b, &why);
        } else if (blen == 33) {
            err = tsr_point_decode(ctx, &pk, b, blen, 0, &why);
        } else {
            tsr_cli_err("--group-key: wrong length: expected 33 bytes%s, got %lu",
                        suite == TSR_SUITE_SECP256K1_TR ? " (or 32, x-only)" : "", (unsigned long)blen);
            rc = TSR_CLI_USAGE;
            goto out;
        }
        if (err != TSR_OK) {
            tsr_cli_err("--group-key: not a valid point: %s", tsr_check_name(why));
            rc = TSR_CLI_USAGE;
            goto out;
        }
    }
    err = tsr_frost_verify(ctx, suite, sig, siglen, &pk, msg, msglen);
    o = json_object();
    json_object_set_new(o, "valid", json_boolean(err == TSR_OK));
    if (err != TSR_OK) {
        json_object_set_new(o, "reason", json_string(err == TSR_ERR_ENCODING ? "malformed signature (length, R or z "
                                                                                "encoding)"
                                                                              : tsr_strerror(err)));
    }
    rc = tsr_cli_json_print(o);
    if (rc == TSR_CLI_OK && err != TSR_OK) {
        rc = err == TSR_ERR_INTERNAL ? TSR_CLI_INTERNAL : TSR_CLI_FAIL;
    }
out:
    json_decref(o);
    free(g);
    free(msg);
    tsr_context_destroy(ctx);
    return rc;
}

/* ---- dispatch -------------------------------------------------------------------------------- */

int tsr_cli_frost_main(int argc, char **argv) {
    static const tsr_cli_sub subs[] = {{"keygen", "tessera frost keygen", tsr_cli_frost_keygen},
                {"commit", "tessera frost commit", tsr_cli_frost_commit},
                {"sign", "tessera frost sign", tsr_cli_frost_sign},
                {"aggregate", "tessera frost aggregate", tsr_cli_frost_aggregate},
                {"verify", "tessera frost verify", tsr_cli_frost_verify}};
    return tsr_cli_dispatch("tessera frost", tsr_cli_frost_usage, subs, sizeof subs / sizeof subs[0], argc, argv);
}
