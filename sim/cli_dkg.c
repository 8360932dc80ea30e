/* `tessera dkg`: the PedPoP DKG with equivocation check, complaints and success certificate as
 * one participant, round by round, with JSON messages and a 0600 binary state file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "rng.h"

/* ---- help ------------------------------------------------------------------------------------ */

static const char tsr_cli_dkg_usage[] =
    "usage: tessera dkg SUBCOMMAND [OPTIONS]   (each subcommand has --help)\n"
    "\n"
    "Distributed key generation without a dealer (PedPoP / FROST KeyGen with Tessera's\n"
    "equivocation check, complaints and success certificate, spec/dkg.md), as party I of N with\n"
    "threshold T. Each round reads the previous round's messages of all N parties (its own\n"
    "included), in any order, from files given after --in (a file holds one message object or\n"
    "an array of them; '-' is stdin), and prints this party's message for the next round.\n"
    "\n"
    "  round1     start: Feldman commitment and proof of knowledge        (broadcast)\n"
    "  round2     check round-1 messages; transcript hash (broadcast) and one secret share per\n"
    "             other party (files, each to be sent privately to its recipient)\n"
    "  round3     check hashes and received shares: complaints, or certificate signature\n"
    "  round4     check round-3 messages: complete, or open the shares this party was accused of\n"
    "             not sending\n"
    "  round5     only after complaints: resolve them (always ends in blame)\n"
    "  finalize   after a complete round4: write the key file, print the public result\n"
    "  verify     check a public result and its certificate on its own\n"
    "\n"
    "The state file (--state) is a binary Tessera file created with mode 0600 by round1 and\n"
    "rewritten by each round; it holds secrets (the polynomial and received shares). It is\n"
    "overwritten and deleted when the DKG fails or by finalize. Failures print\n"
    "{blames: [{culprit, check, check_name, phase, round}]} and exit 1; culprit is a party id,\n"
    "or \"none\" when nobody can be named (equivocation: parties saw different round-1 messages).\n"
    "Every message carries: suite, session (32 bytes, hex) and identifier (the sender); a\n"
    "message from another session blames its sender (check 22).\n";

static const char tsr_cli_round1_help[] =
    "usage: tessera dkg round1 --id I -t T -n N --session HEX --state FILE [--suite S] [--seed S]\n"
    "\n"
    "Starts party I (1..N) of a T-of-N DKG: draws a random polynomial of degree T-1 and a proof\n"
    "of knowledge of its constant term bound to the session and to I. Creates FILE (mode 0600,\n"
    "never overwritten).\n"
    "  --session HEX   32 bytes, hex, the same for every party and fresh for every DKG\n"
    "  --seed S        seeded randomness instead of the OS (tests only: the seed reveals the\n"
    "                  polynomial; the stream depends on S and I)\n"
    "Output (round-1 message, broadcast to every party):\n"
    "  suite               \"secp256k1\" or \"secp256k1-tr\"\n"
    "  session             32 bytes, hex\n"
    "  identifier          I, the sender\n"
    "  vss_commitments     [T compressed points, hex]: C_k = a_k*G\n"
    "  proof_of_knowledge  R || mu, hex: 65 bytes (R compressed) for secp256k1, 64 (x-only R)\n"
    "                      for secp256k1-tr\n";

static const char tsr_cli_round2_help[] =
    "usage: tessera dkg round2 --state FILE --in ROUND1FILE... --shares-out DIR\n"
    "\n"
    "Checks the N round-1 messages (sender ids, commitment count T, no identity point, proof of\n"
    "knowledge, no duplicated contribution, nobody missing) and blames every bad sender.\n"
    "Output (broadcast): {suite, session, identifier, eq_hash (32 bytes, hex: the hash of every\n"
    "  round-1 message seen)}.\n"
    "Shares: DIR/share-I-to-J.json for every other party J (DIR is created if needed; files are\n"
    "  created with mode 0600 and never overwritten). Each holds a SECRET share: send it to J\n"
    "  over a private, authenticated channel, then delete it. Fields: suite, session,\n"
    "  identifier (I, the sender), recipient (J), share (f_I(J), 32-byte scalar, hex),\n"
    "  signature (64-byte BIP340 signature by I's constant term over the share message, hex:\n"
    "  it makes a bad share evidence against its dealer).\n";

static const char tsr_cli_round3_help[] =
    "usage: tessera dkg round3 --state FILE --in ROUND2FILE... --shares SHAREFILE...\n"
    "\n"
    "Checks that every party saw the same round-1 messages (eq_hash; a mismatch aborts before\n"
    "any share is used), then verifies each received share against its dealer's commitments.\n"
    "  --in       the N round-2 broadcasts {suite, session, identifier, eq_hash}\n"
    "  --shares   the share files addressed to this party {suite, session, identifier,\n"
    "             recipient, share, signature}, one per other party; leave out a share that\n"
    "             did not arrive (a complaint is raised against its dealer)\n"
    "Output (broadcast):\n"
    "  suite, session, identifier\n"
    "  complaints   [one per dealer whose share failed, ascending by dealer]:\n"
    "    accused      the dealer's identifier\n"
    "    kind         \"bad_share\" (the share fails Feldman verification) or \"no_share\" (no\n"
    "                 share with a valid signature arrived)\n"
    "    share        bad_share only: the share received (now public), 32-byte scalar, hex\n"
    "    signature    bad_share only: the dealer's signature on it (evidence), 64 bytes, hex\n"
    "  certificate_signature   64-byte BIP340 signature with the new share over the\n"
    "                          certificate message (suite, session, t, n, eq_hash, group key,\n"
    "                          verifying shares); present only when complaints is empty\n";

static const char tsr_cli_round4_help[] =
    "usage: tessera dkg round4 --state FILE --in ROUND3FILE...\n"
    "\n"
    "Reads the N round-3 messages (see round3 --help). No complaint and every certificate\n"
    "signature valid: the DKG is complete (run finalize). Complaints: bad_share evidence is\n"
    "judged now; this party opens the shares it was accused (no_share) of not sending (they\n"
    "become public), and everyone runs round5.\n"
    "Output (broadcast):\n"
    "  suite, session, identifier\n"
    "  complete   true, or false after complaints\n"
    "  openings   (only when complete is false) [{accuser (id), share (the share this party\n"
    "             sent to accuser, 32-byte scalar, hex, now public)}]\n";

static const char tsr_cli_round5_help[] =
    "usage: tessera dkg round5 --state FILE --in ROUND4FILE...\n"
    "\n"
    "After complaints: reads the round-4 messages (see round4 --help) and resolves each\n"
    "complaint: bad_share with valid evidence blames the dealer (check 20), with invalid\n"
    "evidence the accuser (check 26, false complaint); no_share blames the dealer if its opening\n"
    "is absent or fails, else nobody. No key is output after a complaint: always prints\n"
    "{blames: [...]} and exits 1; the state file is deleted.\n";

static const char tsr_cli_finalize_help[] =
    "usage: tessera dkg finalize --state FILE --key-out KEYFILE\n"
    "\n"
    "After round4 printed complete: true. Writes this party's key file to KEYFILE (mode 0600,\n"
    "never overwritten; the --key of 'tessera frost commit' and 'sign'): suite, config\n"
    "{MIN_PARTICIPANTS, MAX_PARTICIPANTS}, identifier, participant_share (SECRET),\n"
    "verifying_share, group_public_key. Deletes the state file and prints the public result\n"
    "(usable as the --group of 'tessera frost aggregate' and 'verify'). For secp256k1-tr the\n"
    "keys are in ZF's post-DKG form: group key with even y plus the unspendable BIP341 tweak.\n"
    "  suite, session\n"
    "  config             {MIN_PARTICIPANTS: T, MAX_PARTICIPANTS: N}\n"
    "  eq_hash            32 bytes, hex: the agreed round-1 transcript hash\n"
    "  group_public_key   33-byte compressed point, hex\n"
    "  participants       [N objects: identifier, verifying_share (33-byte point, hex),\n"
    "                     certificate (64-byte BIP340 signature of that party over the\n"
    "                     certificate message, hex)]\n";

static const char tsr_cli_dkgverify_help[] =
    "usage: tessera dkg verify --public FILE [--suite S]\n"
    "\n"
    "Verifies a DKG public result (see finalize --help) on its own: every certificate signature\n"
    "under that party's x-only verifying share, and the verifying shares consistent with the\n"
    "group key. Output: {valid: true} (exit 0) or {valid: false, blames: [...]} (exit 1).\n";

/* ---- state ----------------------------------------------------------------------------------- */

static int tsr_cli_dkg_state_load(tsr_dkg_state *st, const char *path) {
    uint8_t *buf = NULL;
    size_t len = 0;
    int rc = tsr_cli_read_file(&buf, &len, path, 1);
    if (rc != TSR_CLI_OK) {
        return rc;
    }
    rc = tsr_cli_state_decode((uint8_t *)st, sizeof *st, TSR_CLI_STATE_DKG, buf, len, path);
    tsr_cli_free_buf(buf, len);
    return rc;
}

static int tsr_cli_dkg_state_save(const tsr_dkg_state *st, const char *path, int create) {
    uint8_t *enc = NULL;
    size_t len = 0;
    int rc = tsr_cli_state_encode(&enc, &len, TSR_CLI_STATE_DKG, (const uint8_t *)st, sizeof *st);
    if (rc == TSR_CLI_OK) {
        rc = create ? tsr_cli_write_new(path, enc, len, 0600) : tsr_cli_write_replace(path, enc, len, 0600);
    }
    tsr_cli_free_buf(enc, len);
    return rc;
}

/* The DKG failed: print the blames, delete the state. Returns TSR_CLI_FAIL (or worse). */
static int tsr_cli_dkg_fail(const tsr_blame *b, size_t nb, const char *state) {
    json_t *o = json_object(), *arr = json_array();
    size_t i;
    int rc;
    for (i = 0; i < nb; i++) {
        json_array_append_new(arr, tsr_cli_blame_json(&b[i], "culprit"));
    }
    json_object_set_new(o, "blames", arr);
    rc = tsr_cli_json_print(o);
    json_decref(o);
    if (state != NULL) {
        tsr_cli_err("the DKG failed (%lu blame(s)); deleting the state file %s", (unsigned long)nb, state);
        (void)tsr_cli_shred(state);
    }
    return rc == TSR_CLI_OK ? TSR_CLI_FAIL : rc;
}

/* Reports a library error that is not a verification failure (state left unchanged). */
static int tsr_cli_dkg_liberr(int err, const char *what) {
    if (err == TSR_ERR_STATE) {
        tsr_cli_err("%s: called out of order (this state is not waiting for %s)", what, what);
        return TSR_CLI_USAGE;
    }
    tsr_cli_err("%s failed: %s", what, tsr_strerror(err));
    return err == TSR_ERR_INTERNAL ? TSR_CLI_INTERNAL : TSR_CLI_USAGE;
}

/* ---- inputs ---------------------------------------------------------------------------------- */

#define TSR_CLI_MAX_ITEMS (2 * TSR_MAX_PARTIES)

typedef struct {
    json_t *roots[TSR_CLI_MAX_LIST];
    size_t nroots;
    const json_t *item[TSR_CLI_MAX_ITEMS];
    tsr_cli_src src[TSR_CLI_MAX_ITEMS];
    size_t n;
} tsr_cli_inputs;

static void tsr_cli_inputs_free(tsr_cli_inputs *in) {
    size_t i;
    if (in == NULL) {
        return;
    }
    for (i = 0; i < in->nroots; i++) {
        json_decref(in->roots[i]);
    }
    free(in);
}

/* Loads every file; an array contributes each of its elements. */
static int tsr_cli_inputs_load(tsr_cli_inputs **out, const char *const *files, size_t nfiles) {
    tsr_cli_inputs *in = calloc(1, sizeof *in);
    size_t f, i;
    *out = in;
    if (in == NULL) {
        tsr_cli_err("out of memory");
        return TSR_CLI_INTERNAL;
    }
    for (f = 0; f < nfiles; f++) {
        tsr_cli_src s;
        json_t *r = tsr_cli_json_load(files[f]);
        if (r == NULL) {
            return TSR_CLI_USAGE;
        }
        in->roots[in->nroots++] = r;
        tsr_cli_src_root(&s, files[f]);
        if (json_is_array(r)) {
            for (i = 0; i < json_array_size(r); i++) {
                if (in->n >= TSR_CLI_MAX_ITEMS) {
                    tsr_cli_err("too many input messages");
                    return TSR_CLI_USAGE;
                }
                tsr_cli_src_child(&in->src[in->n], &s, NULL, i);
                in->item[in->n++] = json_array_get(r, i);
            }
        } else {
            if (in->n >= TSR_CLI_MAX_ITEMS) {
                tsr_cli_err("too many input messages");
                return TSR_CLI_USAGE;
            }
            in->src[in->n] = s;
            in->item[in->n++] = r;
        }
    }
    return TSR_CLI_OK;
}

/* The common envelope of every message: suite and session (optional, checked), identifier
 * (the sender, 1..n). A message of another session fills *blame and returns TSR_CLI_FAIL. */
static int tsr_cli_dkg_envelope(uint32_t *sender, tsr_blame *blame, const tsr_dkg_state *st, const tsr_cli_src *s,
                                const json_t *obj, const char *const *keys, uint16_t round) {
    char k[256];
    uint8_t session[32];
    uint8_t suite;
    int rc;
    if ((rc = tsr_cli_want_object(s, obj)) != TSR_CLI_OK || (rc = tsr_cli_only_keys(s, obj, keys)) != TSR_CLI_OK ||
        (rc = tsr_cli_ident(sender, s, obj, "identifier")) != TSR_CLI_OK) {
        return rc;
    }
    if (*sender > st->n) {
        tsr_cli_err("%s: key '%s' is %u: not a party of this %lu-party DKG", s->file,
                    tsr_cli_src_key(k, s, "identifier"), *sender, (unsigned long)st->n);
        return TSR_CLI_USAGE;
    }
    if (json_object_get(obj, "suite") != NULL) {
        if ((rc = tsr_cli_suite_member(&suite, s, obj, "suite")) != TSR_CLI_OK) {
            return rc;
        }
        if (suite != st->suite) {
            tsr_cli_err("%s: key '%s' is %s but this DKG runs %s", s->file, tsr_cli_src_key(k, s, "suite"),
                        tsr_cli_suite_name(suite), tsr_cli_suite_name(st->suite));
            return TSR_CLI_USAGE;
        }
    }
    if (json_object_get(obj, "session") != NULL) {
        if ((rc = tsr_cli_hex_exact(session, 32, s, obj, "session")) != TSR_CLI_OK) {
            return rc;
        }
        if (memcmp(session, st->session, 32) != 0) {
            tsr_cli_err("%s: the message of party %u belongs to another session", s->file, *sender);
            tsr_blame_set(blame, *sender, TSR_PHASE_KEYGEN, round, TSR_CHECK_SESSION);
            return TSR_CLI_FAIL;
        }
    }
    return TSR_CLI_OK;
}

static void tsr_cli_dkg_header(json_t *o, const tsr_dkg_state *st) {
    json_object_set_new(o, "suite", json_string(tsr_cli_suite_name(st->suite)));
    json_object_set_new(o, "session", tsr_cli_hex_json(st->session, 32));
    json_object_set_new(o, "identifier", json_integer((json_int_t)st->id));
}

/* ---- round 1 --------------------------------------------------------------------------------- */

static int tsr_cli_dkg_r1_parse(const tsr_context *ctx, tsr_dkg_round1_msg *m, tsr_blame *blame,
                                const tsr_dkg_state *st, const tsr_cli_src *s, const json_t *obj) {
    static const char *const keys[] = {"suite", "session", "identifier", "vss_commitments", "proof_of_knowledge",
                                       NULL};
    char k[256];
    tsr_cli_src cs, es;
    json_t *arr;
    uint8_t pok[TSR_DKG_POK_MAX_BYTES];
    size_t plen = st->suite == TSR_SUITE_SECP256K1_TR ? 64 : 65, i;
    tsr_check why = TSR_CHECK_NONE;
    int rc;
    memset(m, 0, sizeof *m);
    if ((rc = tsr_cli_dkg_envelope(&m->sender, blame, st, s, obj, keys, 1)) != TSR_CLI_OK ||
        (rc = tsr_cli_member(&arr, s, obj, "vss_commitments", 0)) != TSR_CLI_OK) {
        return rc;
    }
    tsr_cli_src_child(&cs, s, "vss_commitments", 0);
    if ((rc = tsr_cli_want_array(&cs, arr, 1, TSR_MAX_PARTIES)) != TSR_CLI_OK) {
        return rc;
    }
    m->commitment.t = json_array_size(arr);
    for (i = 0; i < m->commitment.t; i++) {
        /* identity points pass through: the library blames their sender */
        tsr_cli_src_child(&es, &cs, NULL, i);
        rc = tsr_cli_point_ex(ctx, &m->commitment.c[i], &es, json_array_get(arr, i), NULL, TSR_POINT_ALLOW_IDENTITY);
        if (rc != TSR_CLI_OK) {
            return rc;
        }
    }
    if ((rc = tsr_cli_hex_exact(pok, plen, s, obj, "proof_of_knowledge")) != TSR_CLI_OK) {
        return rc;
    }
    if (plen == 64) {
        rc = tsr_point_decode_xonly(ctx, &m->pok_r, pok, &why);
    } else {
        rc = tsr_point_decode(ctx, &m->pok_r, pok, 33, 0, &why);
    }
    if (rc != TSR_OK) {
        tsr_cli_err("%s: key '%s': R is not a valid point: %s", s->file, tsr_cli_src_key(k, s, "proof_of_knowledge"),
                    tsr_check_name(why));
        return TSR_CLI_USAGE;
    }
    if (tsr_scalar_decode(&m->pok_mu, pok + plen - 32) != TSR_OK) {
        tsr_cli_err("%s: key '%s': mu: %s", s->file, tsr_cli_src_key(k, s, "proof_of_knowledge"),
                    tsr_check_name(TSR_CHECK_SCALAR_RANGE));
        return TSR_CLI_USAGE;
    }
    return TSR_CLI_OK;
}

static json_t *tsr_cli_dkg_r1_json(const tsr_context *ctx, const tsr_dkg_state *st, const tsr_dkg_round1_msg *m) {
    json_t *o = json_object(), *arr = json_array();
    uint8_t pok[TSR_DKG_POK_MAX_BYTES];
    size_t i, plen;
    tsr_cli_dkg_header(o, st);
    for (i = 0; i < m->commitment.t; i++) {
        json_array_append_new(arr, tsr_cli_point_json(ctx, &m->commitment.c[i]));
    }
    json_object_set_new(o, "vss_commitments", arr);
    if (st->suite == TSR_SUITE_SECP256K1_TR) {
        if (tsr_point_encode_xonly(ctx, pok, NULL, &m->pok_r) != TSR_OK) {
            json_decref(o);
            return NULL;
        }
        plen = 64;
    } else {
        if (tsr_point_encode(ctx, pok, &m->pok_r) != TSR_OK) {
            json_decref(o);
            return NULL;
        }
        plen = 65;
    }
    tsr_scalar_encode(pok + plen - 32, &m->pok_mu);
    json_object_set_new(o, "proof_of_knowledge", tsr_cli_hex_json(pok, plen));
    return o;
}

static int tsr_cli_dkg_round1(int argc, char **argv) {
    const char *id_s = NULL, *t_s = NULL, *n_s = NULL, *sess_s = NULL, *state = NULL, *suite_s = NULL, *seed_s = NULL;
    const tsr_cli_opt opts[] = {
        {"--id", TSR_CLI_OPT_VALUE, &id_s, NULL, NULL, NULL},
        {"-t", TSR_CLI_OPT_VALUE, &t_s, NULL, NULL, NULL},
        {"-n", TSR_CLI_OPT_VALUE, &n_s, NULL, NULL, NULL},
        {"--session", TSR_CLI_OPT_VALUE, &sess_s, NULL, NULL, NULL},
        {"--state", TSR_CLI_OPT_VALUE, &state, NULL, NULL, NULL},
        {"--suite", TSR_CLI_OPT_VALUE, &suite_s, NULL, NULL, NULL},
        {"--seed", TSR_CLI_OPT_VALUE, &seed_s, NULL, NULL, NULL},
        {NULL, TSR_CLI_OPT_FLAG, NULL, NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos, id = 0, t = 0, n = 0, slen = 0, randlen = 0;
    tsr_cli_suite_opt so;
    uint8_t session[32];
    uint8_t *rand = NULL;
    tsr_sim_rng rng;
    tsr_context *ctx = NULL;
    tsr_dkg_state *st = NULL;
    tsr_dkg_round1_msg *m = NULL;
    json_t *o = NULL;
    int rc, err;

    rc = tsr_cli_parse(argc, argv, opts, pos, &npos, 0);
    if (rc == TSR_CLI_HELP) {
        fputs(tsr_cli_round1_help, stdout);
        return TSR_CLI_OK;
    }
    if (rc != TSR_CLI_OK || (rc = tsr_cli_suite_opt_parse(&so, suite_s)) != TSR_CLI_OK ||
        (rc = tsr_cli_require(id_s, "--id")) != TSR_CLI_OK || (rc = tsr_cli_require(t_s, "-t")) != TSR_CLI_OK ||
        (rc = tsr_cli_require(n_s, "-n")) != TSR_CLI_OK || (rc = tsr_cli_require(sess_s, "--session")) != TSR_CLI_OK ||
        (rc = tsr_cli_require(state, "--state")) != TSR_CLI_OK ||
        (rc = tsr_cli_number(&n, n_s, 1, TSR_MAX_PARTIES, "-n")) != TSR_CLI_OK ||
        (rc = tsr_cli_number(&t, t_s, 1, n, "-t")) != TSR_CLI_OK ||
        (rc = tsr_cli_number(&id, id_s, 1, n, "--id")) != TSR_CLI_OK ||
        (rc = tsr_cli_hex_arg(session, sizeof session, &slen, "--session", sess_s)) != TSR_CLI_OK) {
        return rc;
    }
    if (slen != 32) {
        tsr_cli_err("--session: wrong length: expected 32 bytes (64 hex digits), got %lu", (unsigned long)slen);
        return TSR_CLI_USAGE;
    }
    if (access(state, F_OK) == 0) {
        tsr_cli_err("%s: already exists; refusing to overwrite it", state);
        return TSR_CLI_USAGE;
    }
    if (seed_s != NULL) {
        char *end = NULL;
        unsigned long long sd = strtoull(seed_s, &end, 0);
        if (end == seed_s || *end != 0) {
            tsr_cli_err("--seed needs a number, got '%s'", seed_s);
            return TSR_CLI_USAGE;
        }
        tsr_sim_rng_init_seed(&rng, sd);
        rng.counter = (uint64_t)id << 32; /* one stream per party */
    } else {
        tsr_sim_rng_init_os(&rng);
    }
    randlen = 64 * t + 64;
    rand = malloc(randlen);
    st = calloc(1, sizeof *st);
    m = calloc(1, sizeof *m);
    if (rand == NULL || st == NULL || m == NULL || (ctx = tsr_cli_context()) == NULL) {
        rc = TSR_CLI_INTERNAL;
        goto out;
    }
    if (tsr_sim_rng_fill(&rng, rand, randlen) != 0) {
        tsr_cli_err("the OS random generator failed");
        rc = TSR_CLI_INTERNAL;
        goto out;
    }
    err = tsr_dkg_init(ctx, st, so.suite, session, (uint32_t)id, t, n, NULL, rand, randlen);
    if (err == TSR_OK) {
        err = tsr_dkg_round1(ctx, st, m);
    }
    if (err != TSR_OK) {
        rc = tsr_cli_dkg_liberr(err, "round1");
        goto out;
    }
    if ((o = tsr_cli_dkg_r1_json(ctx, st, m)) == NULL) {
        rc = TSR_CLI_INTERNAL;
        goto out;
    }
    if ((rc = tsr_cli_dkg_state_save(st, state, 1)) != TSR_CLI_OK) {
        goto out;
    }
    rc = tsr_cli_json_print(o);
out:
    json_decref(o);
    tsr_cli_free_buf(rand, randlen);
    if (st != NULL) {
        tsr_dkg_state_clear(st);
        free(st);
    }
    free(m);
    tsr_sim_rng_clear(&rng);
    tsr_context_destroy(ctx);
    return rc;
}

/* ---- rounds 2..5: shared scaffolding ---------------------------------------------------------- */

typedef struct {
    const char *state;
    const char *in[TSR_CLI_MAX_LIST];
    size_t nin;
    const char *shares[TSR_CLI_MAX_LIST];
    size_t nshares;
    const char *shares_out;
    tsr_context *ctx;
    tsr_dkg_state *st;
    tsr_cli_inputs *inputs;
    tsr_blame blames[TSR_CLI_MAX_ITEMS];
    size_t nblames;
} tsr_cli_dkg_run;

static void tsr_cli_dkg_run_free(tsr_cli_dkg_run *r) {
    if (r == NULL) {
        return;
    }
    if (r->st != NULL) {
        tsr_dkg_state_clear(r->st);
        free(r->st);
    }
    tsr_cli_inputs_free(r->inputs);
    tsr_context_destroy(r->ctx);
    free(r);
}

/* Parses the options of a round (--state, --in, and --shares / --shares-out when asked), loads
 * the state and the --in messages. */
static int tsr_cli_dkg_start(tsr_cli_dkg_run **out, int argc, char **argv, const char *help, int want_shares,
                             int want_shares_out) {
    tsr_cli_dkg_run *r = calloc(1, sizeof *r);
    const char *pos[1];
    size_t npos;
    int rc;
    *out = r;
    if (r == NULL) {
        tsr_cli_err("out of memory");
        return TSR_CLI_INTERNAL;
    }
    {
        const tsr_cli_opt opts[] = {
            {"--state", TSR_CLI_OPT_VALUE, &r->state, NULL, NULL, NULL},
            {"--in", TSR_CLI_OPT_LIST, NULL, NULL, r->in, &r->nin},
            {want_shares ? "--shares" : "--no-such-option", TSR_CLI_OPT_LIST, NULL, NULL, r->shares, &r->nshares},
            {want_shares_out ? "--shares-out" : "--no-such-option", TSR_CLI_OPT_VALUE, &r->shares_out, NULL, NULL,
             NULL},
            {NULL, TSR_CLI_OPT_FLAG, NULL, NULL, NULL, NULL}};
        rc = tsr_cli_parse(argc, argv, opts, pos, &npos, 0);
    }
    if (rc == TSR_CLI_HELP) {
        fputs(help, stdout);
        return TSR_CLI_HELP;
    }
    if (rc != TSR_CLI_OK || (rc = tsr_cli_require(r->state, "--state")) != TSR_CLI_OK) {
        return rc;
    }
    if (r->nin == 0) {
        tsr_cli_err("missing option --in (see --help)");
        return TSR_CLI_USAGE;
    }
    if (want_shares && r->nshares == 0) {
        tsr_cli_err("missing option --shares (see --help)");
        return TSR_CLI_USAGE;
    }
    if (want_shares_out && (rc = tsr_cli_require(r->shares_out, "--shares-out")) != TSR_CLI_OK) {
        return rc;
    }
    r->st = malloc(sizeof *r->st);
    if (r->st == NULL || (r->ctx = tsr_cli_context()) == NULL) {
        return TSR_CLI_INTERNAL;
    }
    if ((rc = tsr_cli_dkg_state_load(r->st, r->state)) != TSR_CLI_OK) {
        return rc;
    }
    return tsr_cli_inputs_load(&r->inputs, r->in, r->nin);
}

/* ---- round 2 --------------------------------------------------------------------------------- */

static int tsr_cli_dkg_round2(int argc, char **argv) {
    tsr_cli_dkg_run *r = NULL;
    tsr_dkg_round1_msg *in = NULL;
    tsr_dkg_round2_p2p *p2p = NULL;
    tsr_dkg_round2_bcast bc;
    json_t *o = NULL;
    size_t i;
    int rc, err;

    rc = tsr_cli_dkg_start(&r, argc, argv, tsr_cli_round2_help, 0, 1);
    if (rc != TSR_CLI_OK) {
        goto out;
    }
    in = calloc(r->inputs->n > 0 ? r->inputs->n : 1, sizeof *in);
    p2p = calloc(TSR_MAX_PARTIES, sizeof *p2p);
    if (in == NULL || p2p == NULL) {
        rc = TSR_CLI_INTERNAL;
        goto out;
    }
    for (i = 0; i < r->inputs->n; i++) {
        tsr_blame b;
        rc = tsr_cli_dkg_r1_parse(r->ctx, &in[i], &b, r->st, &r->inputs->src[i], r->inputs->item[i]);
        if (rc == TSR_CLI_FAIL) {
            rc = tsr_cli_dkg_fail(&b, 1, r->state);
            goto out;
        }
        if (rc != TSR_CLI_OK) {
            goto out;
        }
    }
    err = tsr_dkg_round2(r->ctx, r->st, &bc, p2p, r->blames, TSR_CLI_MAX_ITEMS, &r->nblames, in, r->inputs->n);
    if (err == TSR_ERR_VERIFY) {
        rc = tsr_cli_dkg_fail(r->blames, r->nblames, r->state);
        goto out;
    }
    if (err != TSR_OK) {
        rc = tsr_cli_dkg_liberr(err, "round2");
        goto out;
    }
    if (mkdir(r->shares_out, 0700) != 0 && errno != EEXIST) {
        tsr_cli_err("%s: cannot create directory: %s", r->shares_out, strerror(errno));
        rc = TSR_CLI_USAGE;
        goto out;
    }
    for (i = 0; i < r->st->n; i++) {
        char path[4096];
        json_t *sj;
        if (i + 1 == r->st->id) {
            continue;
        }
        sj = json_object();
        tsr_cli_dkg_header(sj, r->st);
        json_object_set_new(sj, "recipient", json_integer((json_int_t)p2p[i].recipient));
        json_object_set_new(sj, "share", tsr_cli_scalar_json(&p2p[i].share));
        json_object_set_new(sj, "signature", tsr_cli_hex_json(p2p[i].sig, 64));
        snprintf(path, sizeof path, "%s/share-%u-to-%u.json", r->shares_out, r->st->id, p2p[i].recipient);
        rc = tsr_cli_json_write_new(path, sj, 0600);
        json_decref(sj);
        if (rc != TSR_CLI_OK) {
            goto out;
        }
    }
    if ((rc = tsr_cli_dkg_state_save(r->st, r->state, 0)) != TSR_CLI_OK) {
        goto out;
    }
    o = json_object();
    tsr_cli_dkg_header(o, r->st);
    json_object_set_new(o, "eq_hash", tsr_cli_hex_json(bc.eq_hash, 32));
    rc = tsr_cli_json_print(o);
out:
    json_decref(o);
    if (p2p != NULL) {
        tsr_memzero(p2p, TSR_MAX_PARTIES * sizeof *p2p);
        free(p2p);
    }
    free(in);
    tsr_cli_dkg_run_free(r);
    return rc == TSR_CLI_HELP ? TSR_CLI_OK : rc;
}

/* The complaints of a round-3 message as JSON. */
static json_t *tsr_cli_complaints_json(const tsr_dkg_round3_msg *m) {
    json_t *arr = json_array();
    size_t i;
    for (i = 0; i < m->naccused; i++) {
        json_t *c = json_object();
        int bad = m->kind[i] == TSR_DKG_COMPLAINT_BAD_SHARE;
        json_object_set_new(c, "accused", json_integer((json_int_t)m->accused[i]));
        json_object_set_new(c, "kind", json_string(bad ? "bad_share" : "no_share"));
        if (bad) {
            /* the evidence: a share that fails verification, public from now on */
            json_object_set_new(c, "share", tsr_cli_scalar_json(&m->share[i]));
            json_object_set_new(c, "signature", tsr_cli_hex_json(m->sig[i], 64));
        }
        json_array_append_new(arr, c);
    }
    return arr;
}

/* Parses obj.complaints into m (accused, kind, and for bad_share the share and signature). */
static int tsr_cli_complaints_parse(tsr_dkg_round3_msg *m, const tsr_cli_src *s, const json_t *obj) {
    static const char *const ckeys[] = {"accused", "kind", "share", "signature", NULL};
    tsr_cli_src cs, es;
    json_t *arr;
    char k[256];
    size_t i;
    int rc;
    if ((rc = tsr_cli_member(&arr, s, obj, "complaints", 0)) != TSR_CLI_OK) {
        return rc;
    }
    tsr_cli_src_child(&cs, s, "complaints", 0);
    if ((rc = tsr_cli_want_array(&cs, arr, 0, TSR_MAX_PARTIES)) != TSR_CLI_OK) {
        return rc;
    }
    m->naccused = json_array_size(arr);
    for (i = 0; i < m->naccused; i++) {
        json_t *e = json_array_get(arr, i), *kind;
        tsr_cli_src_child(&es, &cs, NULL, i);
        if ((rc = tsr_cli_want_object(&es, e)) != TSR_CLI_OK || (rc = tsr_cli_only_keys(&es, e, ckeys)) != TSR_CLI_OK ||
            (rc = tsr_cli_ident(&m->accused[i], &es, e, "accused")) != TSR_CLI_OK ||
            (rc = tsr_cli_member(&kind, &es, e, "kind", 0)) != TSR_CLI_OK) {
            return rc;
        }
        if (json_is_string(kind) && strcmp(json_string_value(kind), "bad_share") == 0) {
            m->kind[i] = TSR_DKG_COMPLAINT_BAD_SHARE;
            if ((rc = tsr_cli_scalar(&m->share[i], &es, e, "share", 1)) != TSR_CLI_OK ||
                (rc = tsr_cli_hex_exact(m->sig[i], 64, &es, e, "signature")) != TSR_CLI_OK) {
                return rc;
            }
        } else if (json_is_string(kind) && strcmp(json_string_value(kind), "no_share") == 0) {
            m->kind[i] = TSR_DKG_COMPLAINT_NO_SHARE;
            if (json_object_get(e, "share") != NULL || json_object_get(e, "signature") != NULL) {
                tsr_cli_err("%s: %s: a no_share complaint carries no share or signature", s->file, es.path);
                return TSR_CLI_USAGE;
            }
        } else {
            tsr_cli_err("%s: key '%s' must be \"bad_share\" or \"no_share\"", s->file, tsr_cli_src_key(k, &es, "kind"));
            return TSR_CLI_USAGE;
        }
    }
    return TSR_CLI_OK;
}

/* ---- round 3 --------------------------------------------------------------------------------- */

static int tsr_cli_dkg_round3(int argc, char **argv) {
    static const char *const bkeys[] = {"suite", "session", "identifier", "eq_hash", NULL};
    static const char *const skeys[] = {"suite", "session", "identifier", "recipient", "share", "signature", NULL};
    tsr_cli_dkg_run *r = NULL;
    tsr_cli_inputs *sh = NULL;
    tsr_dkg_round2_bcast *bc = NULL;
    tsr_dkg_round2_p2p *p2p = NULL;
    tsr_dkg_round3_msg *m3 = NULL;
    json_t *o = NULL;
    size_t i;
    int rc, err;

    rc = tsr_cli_dkg_start(&r, argc, argv, tsr_cli_round3_help, 1, 0);
    if (rc != TSR_CLI_OK) {
        goto out;
    }
    if ((rc = tsr_cli_inputs_load(&sh, r->shares, r->nshares)) != TSR_CLI_OK) {
        goto out;
    }
    bc = calloc(r->inputs->n > 0 ? r->inputs->n : 1, sizeof *bc);
    p2p = calloc(sh->n > 0 ? sh->n : 1, sizeof *p2p);
    if (bc == NULL || p2p == NULL) {
        rc = TSR_CLI_INTERNAL;
        goto out;
    }
    for (i = 0; i < r->inputs->n; i++) {
        tsr_blame b;
        const tsr_cli_src *s = &r->inputs->src[i];
        rc = tsr_cli_dkg_envelope(&bc[i].sender, &b, r->st, s, r->inputs->item[i], bkeys, 2);
        if (rc == TSR_CLI_FAIL) {
            rc = tsr_cli_dkg_fail(&b, 1, r->state);
            goto out;
        }
        if (rc != TSR_CLI_OK || (rc = tsr_cli_hex_exact(bc[i].eq_hash, 32, s, r->inputs->item[i], "eq_hash")) != TSR_CLI_OK) {
            goto out;
        }
    }
    for (i = 0; i < sh->n; i++) {
        tsr_blame b;
        uint32_t to;
        const tsr_cli_src *s = &sh->src[i];
        rc = tsr_cli_dkg_envelope(&p2p[i].sender, &b, r->st, s, sh->item[i], skeys, 2);
        if (rc == TSR_CLI_FAIL) {
            rc = tsr_cli_dkg_fail(&b, 1, r->state);
            goto out;
        }
        if (rc != TSR_CLI_OK || (rc = tsr_cli_ident(&to, s, sh->item[i], "recipient")) != TSR_CLI_OK) {
            goto out;
        }
        if (to != r->st->id) {
            tsr_cli_err("%s: this share is addressed to party %u, not to this party (%u)", s->file, to, r->st->id);
            rc = TSR_CLI_USAGE;
            goto out;
        }
        p2p[i].recipient = to;
        if ((rc = tsr_cli_scalar(&p2p[i].share, s, sh->item[i], "share", 1)) != TSR_CLI_OK ||
            (rc = tsr_cli_hex_exact(p2p[i].sig, 64, s, sh->item[i], "signature")) != TSR_CLI_OK) {
            goto out;
        }
    }
    m3 = calloc(1, sizeof *m3);
    if (m3 == NULL) {
        rc = TSR_CLI_INTERNAL;
        goto out;
    }
    err = tsr_dkg_round3(r->ctx, r->st, m3, r->blames, TSR_CLI_MAX_ITEMS, &r->nblames, bc, r->inputs->n, p2p, sh->n);
    if (err == TSR_ERR_VERIFY) {
        rc = tsr_cli_dkg_fail(r->blames, r->nblames, r->state);
        goto out;
    }
    if (err != TSR_OK) {
        rc = tsr_cli_dkg_liberr(err, "round3");
        goto out;
    }
    if ((rc = tsr_cli_dkg_state_save(r->st, r->state, 0)) != TSR_CLI_OK) {
        goto out;
    }
    o = json_object();
    tsr_cli_dkg_header(o, r->st);
    json_object_set_new(o, "complaints", tsr_cli_complaints_json(m3));
    if (m3->naccused == 0) {
        json_object_set_new(o, "certificate_signature", tsr_cli_hex_json(m3->cert_sig, 64));
    } else {
        tsr_cli_err("complaint: no valid share from %lu dealer(s)", (unsigned long)m3->naccused);
    }
    rc = tsr_cli_json_print(o);
out:
    json_decref(o);
    if (p2p != NULL) {
        tsr_memzero(p2p, (sh != NULL && sh->n > 0 ? sh->n : 1) * sizeof *p2p);
        free(p2p);
    }
    free(bc);
    free(m3);
    tsr_cli_inputs_free(sh);
    tsr_cli_dkg_run_free(r);
    return rc == TSR_CLI_HELP ? TSR_CLI_OK : rc;
}

/* ---- round 4 --------------------------------------------------------------------------------- */

static int tsr_cli_dkg_round4(int argc, char **argv) {
    static const char *const keys[] = {"suite", "session", "identifier", "complaints", "certificate_signature", NULL};
    tsr_cli_dkg_run *r = NULL;
    tsr_dkg_round3_msg *in = NULL;
    tsr_dkg_round4_msg *m4 = NULL;
    json_t *o = NULL;
    size_t i;
    int rc, err, done = 0;

    rc = tsr_cli_dkg_start(&r, argc, argv, tsr_cli_round4_help, 0, 0);
    if (rc != TSR_CLI_OK) {
        goto out;
    }
    in = calloc(r->inputs->n > 0 ? r->inputs->n : 1, sizeof *in);
    m4 = calloc(1, sizeof *m4);
    if (in == NULL || m4 == NULL) {
        rc = TSR_CLI_INTERNAL;
        goto out;
    }
    for (i = 0; i < r->inputs->n; i++) {
        tsr_blame b;
        const tsr_cli_src *s = &r->inputs->src[i];
        const json_t *obj = r->inputs->item[i];
        rc = tsr_cli_dkg_envelope(&in[i].sender, &b, r->st, s, obj, keys, 3);
        if (rc == TSR_CLI_FAIL) {
            rc = tsr_cli_dkg_fail(&b, 1, r->state);
            goto out;
        }
        if (rc != TSR_CLI_OK || (rc = tsr_cli_complaints_parse(&in[i], s, obj)) != TSR_CLI_OK) {
            goto out;
        }
        if (in[i].naccused == 0) {
            if ((rc = tsr_cli_hex_exact(in[i].cert_sig, 64, s, obj, "certificate_signature")) != TSR_CLI_OK) {
                goto out;
            }
        } else if (json_object_get(obj, "certificate_signature") != NULL) {
            char k[256];
            tsr_cli_err("%s: key '%s' must be absent when 'complaints' is not empty", s->file,
                        tsr_cli_src_key(k, s, "certificate_signature"));
            rc = TSR_CLI_USAGE;
            goto out;
        }
    }
    err = tsr_dkg_round4(r->ctx, r->st, m4, &done, r->blames, TSR_CLI_MAX_ITEMS, &r->nblames, in, r->inputs->n);
    if (err == TSR_ERR_VERIFY) {
        rc = tsr_cli_dkg_fail(r->blames, r->nblames, r->state);
        goto out;
    }
    if (err != TSR_OK) {
        rc = tsr_cli_dkg_liberr(err, "round4");
        goto out;
    }
    if ((rc = tsr_cli_dkg_state_save(r->st, r->state, 0)) != TSR_CLI_OK) {
        goto out;
    }
    o = json_object();
    tsr_cli_dkg_header(o, r->st);
    json_object_set_new(o, "complete", json_boolean(done));
    if (!done) {
        json_t *arr = json_array();
        for (i = 0; i < m4->nopen; i++) {
            json_t *e = json_object();
            json_object_set_new(e, "accuser", json_integer((json_int_t)m4->accuser[i]));
            json_object_set_new(e, "share", tsr_cli_scalar_json(&m4->share[i]));
            json_array_append_new(arr, e);
        }
        json_object_set_new(o, "openings", arr);
        tsr_cli_err("complaints were raised: run round5 with every party's round-4 message");
    }
    rc = tsr_cli_json_print(o);
out:
    json_decref(o);
    free(in);
    free(m4);
    tsr_cli_dkg_run_free(r);
    return rc == TSR_CLI_HELP ? TSR_CLI_OK : rc;
}

/* ---- round 5 --------------------------------------------------------------------------------- */

static int tsr_cli_dkg_round5(int argc, char **argv) {
    static const char *const keys[] = {"suite", "session", "identifier", "complete", "openings", NULL};
    static const char *const okeys[] = {"accuser", "share", NULL};
    tsr_cli_dkg_run *r = NULL;
    tsr_dkg_round4_msg *in = NULL;
    size_t i, j;
    int rc, err;

    rc = tsr_cli_dkg_start(&r, argc, argv, tsr_cli_round5_help, 0, 0);
    if (rc != TSR_CLI_OK) {
        goto out;
    }
    in = calloc(r->inputs->n > 0 ? r->inputs->n : 1, sizeof *in);
    if (in == NULL) {
        rc = TSR_CLI_INTERNAL;
        goto out;
    }
    for (i = 0; i < r->inputs->n; i++) {
        tsr_blame b;
        tsr_cli_src os, es;
        json_t *arr;
        const tsr_cli_src *s = &r->inputs->src[i];
        const json_t *obj = r->inputs->item[i];
        rc = tsr_cli_dkg_envelope(&in[i].sender, &b, r->st, s, obj, keys, 4);
        if (rc == TSR_CLI_FAIL) {
            rc = tsr_cli_dkg_fail(&b, 1, r->state);
            goto out;
        }
        if (rc != TSR_CLI_OK || (rc = tsr_cli_member(&arr, s, obj, "openings", 1)) != TSR_CLI_OK) {
            goto out;
        }
        if (arr == NULL) {
            continue; /* a "complete" message: no openings */
        }
        tsr_cli_src_child(&os, s, "openings", 0);
        if ((rc = tsr_cli_want_array(&os, arr, 0, TSR_MAX_PARTIES)) != TSR_CLI_OK) {
            goto out;
        }
        in[i].nopen = json_array_size(arr);
        for (j = 0; j < in[i].nopen; j++) {
            json_t *e = json_array_get(arr, j);
            tsr_cli_src_child(&es, &os, NULL, j);
            if ((rc = tsr_cli_want_object(&es, e)) != TSR_CLI_OK || (rc = tsr_cli_only_keys(&es, e, okeys)) != TSR_CLI_OK ||
                (rc = tsr_cli_ident(&in[i].accuser[j], &es, e, "accuser")) != TSR_CLI_OK ||
                (rc = tsr_cli_scalar(&in[i].share[j], &es, e, "share", 1)) != TSR_CLI_OK) {
                goto out;
            }
        }
    }
    err = tsr_dkg_round5(r->ctx, r->st, r->blames, TSR_CLI_MAX_ITEMS, &r->nblames, in, r->inputs->n);
    if (err == TSR_ERR_VERIFY || err == TSR_OK) {
        rc = tsr_cli_dkg_fail(r->blames, r->nblames, r->state);
        goto out;
    }
    rc = tsr_cli_dkg_liberr(err, "round5");
out:
    free(in);
    tsr_cli_dkg_run_free(r);
    return rc == TSR_CLI_HELP ? TSR_CLI_OK : rc;
}

/* ---- public result --------------------------------------------------------------------------- */

json_t *tsr_cli_dkg_public_json(const tsr_context *ctx, const tsr_dkg_public *pub) {
    json_t *o = json_object(), *arr = json_array();
    size_t i;
    json_object_set_new(o, "suite", json_string(tsr_cli_suite_name(pub->suite)));
    json_object_set_new(o, "session", tsr_cli_hex_json(pub->session, 32));
    json_object_set_new(o, "config", tsr_cli_config_json(pub->t, pub->n));
    json_object_set_new(o, "eq_hash", tsr_cli_hex_json(pub->eq_hash, 32));
    json_object_set_new(o, "group_public_key", tsr_cli_point_json(ctx, &pub->group_key));
    for (i = 0; i < pub->n; i++) {
        json_t *p = json_object();
        json_object_set_new(p, "identifier", json_integer((json_int_t)(i + 1)));
        json_object_set_new(p, "verifying_share", tsr_cli_point_json(ctx, &pub->vshares[i]));
        json_object_set_new(p, "certificate", tsr_cli_hex_json(pub->cert[i], 64));
        json_array_append_new(arr, p);
    }
    json_object_set_new(o, "participants", arr);
    return o;
}

int tsr_cli_dkg_public_parse(const tsr_context *ctx, tsr_dkg_public *pub, const tsr_cli_src *s, const json_t *obj,
                             const tsr_cli_suite_opt *opt) {
    static const char *const keys[] = {"suite", "session", "config", "eq_hash", "group_public_key", "participants",
                                       NULL};
    static const char *const ckeys[] = {"MIN_PARTICIPANTS", "MAX_PARTICIPANTS", NULL};
    static const char *const pkeys[] = {"identifier", "verifying_share", "certificate", NULL};
    tsr_cli_src cs, ps, es;
    json_t *cfg, *parts;
    uint8_t seen[TSR_MAX_PARTIES + 1];
    size_t i;
    int rc;
    memset(pub, 0, sizeof *pub);
    if ((rc = tsr_cli_want_object(s, obj)) != TSR_CLI_OK || (rc = tsr_cli_only_keys(s, obj, keys)) != TSR_CLI_OK ||
        (rc = tsr_cli_suite_member(&pub->suite, s, obj, "suite")) != TSR_CLI_OK ||
        (rc = tsr_cli_suite_pick(&pub->suite, opt, 1, pub->suite, s->file)) != TSR_CLI_OK ||
        (rc = tsr_cli_hex_exact(pub->session, 32, s, obj, "session")) != TSR_CLI_OK ||
        (rc = tsr_cli_member(&cfg, s, obj, "config", 0)) != TSR_CLI_OK) {
        return rc;
    }
    tsr_cli_src_child(&cs, s, "config", 0);
    if ((rc = tsr_cli_want_object(&cs, cfg)) != TSR_CLI_OK || (rc = tsr_cli_only_keys(&cs, cfg, ckeys)) != TSR_CLI_OK ||
        (rc = tsr_cli_count(&pub->n, 1, TSR_MAX_PARTIES, &cs, cfg, "MAX_PARTICIPANTS")) != TSR_CLI_OK ||
        (rc = tsr_cli_count(&pub->t, 1, pub->n, &cs, cfg, "MIN_PARTICIPANTS")) != TSR_CLI_OK ||
        (rc = tsr_cli_hex_exact(pub->eq_hash, 32, s, obj, "eq_hash")) != TSR_CLI_OK ||
        (rc = tsr_cli_point(ctx, &pub->group_key, s, obj, "group_public_key")) != TSR_CLI_OK ||
        (rc = tsr_cli_member(&parts, s, obj, "participants", 0)) != TSR_CLI_OK) {
        return rc;
    }
    tsr_cli_src_child(&ps, s, "participants", 0);
    if ((rc = tsr_cli_want_array(&ps, parts, pub->n, pub->n)) != TSR_CLI_OK) {
        return rc;
    }
    memset(seen, 0, sizeof seen);
    for (i = 0; i < pub->n; i++) {
        json_t *e = json_array_get(parts, i);
        uint32_t id;
        tsr_cli_src_child(&es, &ps, NULL, i);
        if ((rc = tsr_cli_want_object(&es, e)) != TSR_CLI_OK || (rc = tsr_cli_only_keys(&es, e, pkeys)) != TSR_CLI_OK ||
            (rc = tsr_cli_ident(&id, &es, e, "identifier")) != TSR_CLI_OK) {
            return rc;
        }
        if (id > pub->n || seen[id]) {
            tsr_cli_err("%s: %s.identifier: %s", s->file, es.path,
                        id > pub->n ? "larger than MAX_PARTICIPANTS" : tsr_check_name(TSR_CHECK_ID_DUPLICATE));
            return TSR_CLI_USAGE;
        }
        seen[id] = 1;
        if ((rc = tsr_cli_point(ctx, &pub->vshares[id - 1], &es, e, "verifying_share")) != TSR_CLI_OK ||
            (rc = tsr_cli_hex_exact(pub->cert[id - 1], 64, &es, e, "certificate")) != TSR_CLI_OK) {
            return rc;
        }
    }
    return TSR_CLI_OK;
}

/* ---- finalize and verify --------------------------------------------------------------------- */

static int tsr_cli_dkg_finalize(int argc, char **argv) {
    const char *state = NULL, *key_out = NULL;
    const tsr_cli_opt opts[] = {
        {"--state", TSR_CLI_OPT_VALUE, &state, NULL, NULL, NULL},
        {"--key-out", TSR_CLI_OPT_VALUE, &key_out, NULL, NULL, NULL},
        {NULL, TSR_CLI_OPT_FLAG, NULL, NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    tsr_context *ctx = NULL;
    tsr_dkg_state *st = NULL;
    tsr_dkg_public *pub = NULL;
    tsr_frost_keypkg pkg;
    tsr_scalar share;
    json_t *kj = NULL, *pj = NULL;
    int rc, err;

    memset(&pkg, 0, sizeof pkg);
    tsr_scalar_set_u32(&share, 0);
    rc = tsr_cli_parse(argc, argv, opts, pos, &npos, 0);
    if (rc == TSR_CLI_HELP) {
        fputs(tsr_cli_finalize_help, stdout);
        return TSR_CLI_OK;
    }
    if (rc != TSR_CLI_OK || (rc = tsr_cli_require(state, "--state")) != TSR_CLI_OK ||
        (rc = tsr_cli_require(key_out, "--key-out")) != TSR_CLI_OK) {
        return rc;
    }
    if (access(key_out, F_OK) == 0) {
        tsr_cli_err("%s: already exists; refusing to overwrite it", key_out);
        return TSR_CLI_USAGE;
    }
    st = malloc(sizeof *st);
    pub = malloc(sizeof *pub);
    if (st == NULL || pub == NULL || (ctx = tsr_cli_context()) == NULL) {
        rc = TSR_CLI_INTERNAL;
        goto out;
    }
    if ((rc = tsr_cli_dkg_state_load(st, state)) != TSR_CLI_OK) {
        goto out;
    }
    err = tsr_dkg_result(st, &share, pub);
    if (err != TSR_OK) {
        rc = err == TSR_ERR_STATE ? TSR_CLI_USAGE : TSR_CLI_INTERNAL;
        tsr_cli_err("%s: no result yet (%s): finalize comes after round4 printed complete: true", state,
                    tsr_strerror(err));
        goto out;
    }
    err = tsr_frost_keypkg_set(ctx, &pkg, pub->suite, st->id, &share, &pub->vshares[st->id - 1], &pub->group_key);
    if (err != TSR_OK) {
        tsr_cli_err("the DKG result does not make a key package: %s", tsr_strerror(err));
        rc = TSR_CLI_INTERNAL;
        goto out;
    }
    kj = tsr_cli_key_json(ctx, &pkg, pub->t, pub->n);
    pj = tsr_cli_dkg_public_json(ctx, pub);
    if ((rc = tsr_cli_json_write_new(key_out, kj, 0600)) != TSR_CLI_OK) {
        goto out;
    }
    if ((rc = tsr_cli_shred(state)) != TSR_CLI_OK) {
        goto out;
    }
    rc = tsr_cli_json_print(pj);
out:
    json_decref(kj);
    json_decref(pj);
    tsr_scalar_clear(&share);
    tsr_frost_keypkg_clear(&pkg);
    if (st != NULL) {
        tsr_dkg_state_clear(st);
        free(st);
    }
    free(pub);
    tsr_context_destroy(ctx);
    return rc;
}

static int tsr_cli_dkg_verify(int argc, char **argv) {
    const char *path = NULL, *suite_s = NULL;
    const tsr_cli_opt opts[] = {
        {"--public", TSR_CLI_OPT_VALUE, &path, NULL, NULL, NULL},
        {"--suite", TSR_CLI_OPT_VALUE, &suite_s, NULL, NULL, NULL},
        {NULL, TSR_CLI_OPT_FLAG, NULL, NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    tsr_cli_suite_opt so;
    tsr_context *ctx = NULL;
    tsr_dkg_public *pub = NULL;
    tsr_cli_src s;
    tsr_blame b;
    json_t *root = NULL, *o = NULL;
    int rc;

    rc = tsr_cli_parse(argc, argv, opts, pos, &npos, 0);
    if (rc == TSR_CLI_HELP) {
        fputs(tsr_cli_dkgverify_help, stdout);
        return TSR_CLI_OK;
    }
    if (rc != TSR_CLI_OK || (rc = tsr_cli_suite_opt_parse(&so, suite_s)) != TSR_CLI_OK ||
        (rc = tsr_cli_require(path, "--public")) != TSR_CLI_OK) {
        return rc;
    }
    pub = malloc(sizeof *pub);
    if (pub == NULL || (ctx = tsr_cli_context()) == NULL) {
        rc = TSR_CLI_INTERNAL;
        goto out;
    }
    if ((root = tsr_cli_json_load(path)) == NULL) {
        rc = TSR_CLI_USAGE;
        goto out;
    }
    tsr_cli_src_root(&s, path);
    if ((rc = tsr_cli_dkg_public_parse(ctx, pub, &s, root, &so)) != TSR_CLI_OK) {
        goto out;
    }
    o = json_object();
    if (tsr_dkg_certificate_verify(ctx, pub, &b) == TSR_OK) {
        json_object_set_new(o, "valid", json_true());
        rc = tsr_cli_json_print(o);
    } else {
        json_t *arr = json_array();
        json_array_append_new(arr, tsr_cli_blame_json(&b, "culprit"));
        json_object_set_new(o, "valid", json_false());
        json_object_set_new(o, "blames", arr);
        rc = tsr_cli_json_print(o);
        if (rc == TSR_CLI_OK) {
            rc = TSR_CLI_FAIL;
        }
    }
out:
    json_decref(o);
    json_decref(root);
    free(pub);
    tsr_context_destroy(ctx);
    return rc;
}

/* ---- dispatch -------------------------------------------------------------------------------- */

int tsr_cli_dkg_main(int argc, char **argv) {
    static const tsr_cli_sub subs[] = {{"round1", "tessera dkg round1", tsr_cli_dkg_round1},
                {"round2", "tessera dkg round2", tsr_cli_dkg_round2},
                {"round3", "tessera dkg round3", tsr_cli_dkg_round3},
                {"round4", "tessera dkg round4", tsr_cli_dkg_round4},
                {"round5", "tessera dkg round5", tsr_cli_dkg_round5},
                {"finalize", "tessera dkg finalize", tsr_cli_dkg_finalize},
                {"verify", "tessera dkg verify", tsr_cli_dkg_verify}};
    return tsr_cli_dispatch("tessera dkg", tsr_cli_dkg_usage, subs, sizeof subs / sizeof subs[0], argc, argv);
}
