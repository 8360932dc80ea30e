/* The adversarial simulator: ceremonies of n parties running the real ref/ state machines over a
 * deterministic network, with corrupt parties, network faults, an oracle and reports. */
#ifndef TSR_SIM_SIM_H
#define TSR_SIM_SIM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tessera/common.h"
#include "tessera/dkg.h"
#include "tessera/frost.h"
#include "tessera/point.h"
#include "tessera/scalar.h"
#include "rng.h"

/* ==== vocabulary ============================================================================== */

/* Sim parties: 1..n are the key holders; 0 is the signing coordinator (and the trusted dealer when
 * keys come from a dealer). A protocol run has a roster: protocol id k (1..n_run) is sim party
 * roster[k-1]; ids on the wire and in ref/ blame records are protocol ids, everything the
 * simulator records (transcript, report, oracle) uses sim parties. */
#define TSR_SIM_COORD 0u
#define TSR_SIM_BCAST 0xffffffffu  /* tsr_sim_send's `to` for a broadcast to the run's roster */
#define TSR_SIM_NPARTIES (TSR_MAX_PARTIES + 1) /* arrays indexed by sim party 0..n */

#define TSR_SIM_MAX_BEHAVIOURS 8
#define TSR_SIM_MAX_STEPS 16
#define TSR_SIM_MAX_MSGLEN 1024  /* message to sign */
#define TSR_SIM_MAX_HEX 4096     /* set(hex) mutator bytes */
#define TSR_SIM_NAME 96

/* Keygen source. */
#define TSR_SIM_KEYS_DEALER 1
#define TSR_SIM_KEYS_DKG 2

/* Message flags (tsr_sim_msg.flags). A message with DROPPED, LATE, WITHHELD or PARTITIONED was
 * not delivered. */
#define TSR_SIM_F_BCAST       0x0001u /* a copy of a broadcast */
#define TSR_SIM_F_MUTATED     0x0002u /* a generic mutation changed its bytes */
#define TSR_SIM_F_FORGED      0x0004u /* a named strategy made it (differs from the honest one) */
#define TSR_SIM_F_DROPPED     0x0008u /* network fault: lost */
#define TSR_SIM_F_LATE        0x0010u /* network fault: delayed past the round timeout, discarded */
#define TSR_SIM_F_DUPLICATE   0x0020u /* network fault: this is the extra copy */
#define TSR_SIM_F_REORDERED   0x0040u /* network fault: delivered out of order */
#define TSR_SIM_F_PARTITIONED 0x0080u /* network fault: the link was cut by a partition */
#define TSR_SIM_F_WITHHELD    0x0100u /* the corrupt sender withheld it (or had crashed) */
#define TSR_SIM_F_PROCESSED   0x0200u /* an honest receiver opened it (tsr_sim_open) */
#define TSR_SIM_F_REPLAYED    0x0400u /* re-sent from an earlier session or run */
#define TSR_SIM_F_NOT_DELIVERED \
    (TSR_SIM_F_DROPPED | TSR_SIM_F_LATE | TSR_SIM_F_PARTITIONED | TSR_SIM_F_WITHHELD)

/* ==== scenario configuration (parsed from JSON by sim_scenario.c) ============================== */

/* Named strategies (sim_fields.c has the table: name, protocol, parameters, what it does, the
 * catalogue rows, and whether the culprit must be identified). */
typedef enum {
    TSR_SIM_S_NONE = 0,
    TSR_SIM_S_CRASH,            /* stops at round `round` of run `run` and never sends again (LV-01) */
    TSR_SIM_S_WITHHOLD,         /* sends nothing in round `round` (to `to`, or to everyone) (LV-01) */
    TSR_SIM_S_EQUIVOCATE,       /* DKG round 1: a second valid message (fresh polynomial, valid PoK) to `to` (BC-01) */
    TSR_SIM_S_ROGUE_KEY,        /* DKG round 1, rushing: C_0 = Y* - sum of honest C_j0, PoK copied (DKG-01) */
    TSR_SIM_S_THRESHOLD_RAISE,  /* DKG round 1: commitment of t + k points, valid PoK (DKG-04) */
    TSR_SIM_S_BAD_SHARE,        /* DKG round 2: share + 1 to each victim in `to`, validly signed (DKG-02) */
    TSR_SIM_S_FALSE_COMPLAINT,  /* DKG round 3: BAD_SHARE against each dealer in `to` with its real share (DKG-03) */
    TSR_SIM_S_FALSE_NO_SHARE,   /* DKG round 3: NO_SHARE against each dealer in `to` (unprovable: abort, no blame) */
    TSR_SIM_S_TRANSPLANT,       /* DKG round 1, rushing: copies party `from`'s C_0 and PoK (FS-06) */
    TSR_SIM_S_REPLAY,           /* DKG round 1: its message from an earlier session (FS-05) */
    TSR_SIM_S_BIAS,             /* DKG, rushing: gets itself disqualified unless the key it foresees has even x (DKG-05) */
    TSR_SIM_S_NONCE_REUSE,      /* signer: commits with the nonces of its previous attempt (its own loss) */
    TSR_SIM_S_INVALID_SHARE,    /* signer round 3: z + 1 (or `value`) (SIG-05, LV-02) */
    TSR_SIM_S_COORD_LIST,       /* coordinator: alters signer `to`'s own commitment in the list it sends (SIG-06) */
    TSR_SIM_S_COORD_SPLIT_LIST, /* coordinator: a different (valid) list to signers in `to` (SIG-06 split view) */
    TSR_SIM_S_COORD_MESSAGE,    /* coordinator: a different message to signers in `to` (SIG-06) */
    TSR_SIM_S_COORD_REPLAY,     /* coordinator: re-sends an answered request for another message (SIG-02) */
    TSR_SIM_S_NONCE_EXTRACT,    /* coordinator+signer coalition: repeats one message with new own commitments
                                 * and solves for the victim's share from 3 shares (SIG-03 canary) */
    TSR_SIM_S__COUNT
} tsr_sim_strategy_id;

/* Generic mutators (`round.field : mutator`), sim_fields.c. */
typedef enum {
    TSR_SIM_M_NONE = 0,
    TSR_SIM_M_FLIP_BITS,    /* k bits (default 1) at positions drawn from the seed */
    TSR_SIM_M_ZERO,         /* every byte 0 */
    TSR_SIM_M_IDENTITY,     /* point: Tessera's identity encoding (33 zero bytes); x-only: 32 zero bytes */
    TSR_SIM_M_OFF_CURVE,    /* point: prefix kept, x with x^3+7 a non-square; k=1: x = p (x >= p) */
    TSR_SIM_M_SCALAR_PLUS_N,/* scalar: v + n when it fits in 32 bytes, else all 0xff */
    TSR_SIM_M_NON_CANONICAL,/* point: prefix 04 (uncompressed tag); scalar: as SCALAR_PLUS_N; id: high bit set */
    TSR_SIM_M_DUP_ID,       /* list entry id := the previous entry's id (the next one's for entry 0) */
    TSR_SIM_M_ID_EQ_N,      /* id := 0, the u32 image of the group order n (ids are u32 on the wire) */
    TSR_SIM_M_RESIZE,       /* vector: count += k (copies of its last entry) or -= k; bytes: +k/-k; k=0: empty */
    TSR_SIM_M_STRIP,        /* removes the field (and its count) */
    TSR_SIM_M_SWAP_WITH,    /* the same field of party `party`'s message of this round (rushing) */
    TSR_SIM_M_SET,          /* the given bytes */
    TSR_SIM_M__COUNT
} tsr_sim_mutator_id;

/* One behaviour of a corrupt party: a named strategy or a generic mutation. */
typedef struct {
    int strategy;            /* tsr_sim_strategy_id, or NONE for a mutation */
    char proto[16];          /* "dkg" or "sign": the protocol it acts in (from the strategy or the
                              * target; CRASH / WITHHOLD take it from the scenario, default the first step) */
    /* mutation: target "proto.message.field[index]" (tsr_sim_fields lists them), e.g.
     * "dkg.round1.commitment[0]", "frost.sigshare.z", "frame.sender" (any message) */
    char target[TSR_SIM_NAME];
    int mutator;             /* tsr_sim_mutator_id */
    long k;                  /* FLIP_BITS count, RESIZE delta (0: empty), OFF_CURVE variant */
    uint32_t party;          /* SWAP_WITH source; TRANSPLANT source (`from`) */
    uint8_t hex[TSR_SIM_MAX_HEX];
    size_t hexlen;           /* SET bytes */
    uint32_t to[TSR_MAX_PARTIES]; /* recipients (sim parties); none = every recipient */
    size_t nto;
    uint16_t round;          /* CRASH / WITHHOLD round; 0 = the strategy's natural round */
    int run;                 /* only in this run (0-based) of its protocol; -1 = every run */
    uint32_t value;          /* INVALID_SHARE: added to z (default 1); THRESHOLD_RAISE: k (default 1) */
} tsr_sim_behaviour;

typedef struct {
    uint32_t party;          /* 0 = the coordinator */
    size_t nbehaviours;
    tsr_sim_behaviour b[TSR_SIM_MAX_BEHAVIOURS];
} tsr_sim_corrupt;

/* Network faults: probabilities per delivered copy (0..1), drawn from the seed, in this order:
 * partition, drop, late, duplicate, reorder. Per-party and per-link rules replace the global
 * rates for messages from (or between) those parties. */
typedef struct {
    uint32_t from, to;       /* sim parties; TSR_SIM_BCAST = any */
    double drop, late, duplicate, reorder;
} tsr_sim_link_faults;

typedef struct {
    double drop, late, duplicate, reorder;
    size_t nlinks;
    tsr_sim_link_faults links[64];
    /* partitions: during rounds [round_from, round_to] of run `run` (-1: every run) of protocol
     * `proto` ("" = any), messages between side A (bitmask over sim parties) and the rest are cut */
    size_t npartitions;
    struct {
        char proto[16];
        int run;
        uint16_t round_from, round_to;
        uint8_t side_a[TSR_SIM_NPARTIES];
    } partitions[8];
} tsr_sim_faults;

/* What the scenario expects (checked by `tessera sim run` and make check). */
typedef struct {
    int set;                 /* 0: no expectation given */
    int outcome;             /* TSR_SIM_OUTCOME_* of the ceremony */
    size_t nblamed;          /* parties that honest parties must blame (malicious), with the check */
    struct {
        uint32_t party;
        int check;           /* tsr_check, or -1 = any */
    } blamed[16];
    int blamed_exact;        /* 1: nobody else may be blamed */
    size_t nunresponsive;
    uint32_t unresponsive[16];
    size_t max_sign_attempts; /* 0: not checked */
    size_t max_keygen_runs;   /* 0: not checked */
    size_t nviolations;       /* oracle properties expected to FAIL (canary scenarios) */
    int violations[8];        /* tsr_sim_property */
    int equivocation_abort;   /* 1: the keygen must abort with EQUIVOCATION (culprit none) */
} tsr_sim_expect;

typedef struct {
    char name[TSR_SIM_NAME];       /* "DKG-02 bad share to one victim" */
    char catalogue[16];            /* "DKG-02" or "" */
    char description[512];
    uint64_t seed;
    uint8_t suite;                 /* TSR_SUITE_* */
    size_t n, t;
    int keys;                      /* TSR_SIM_KEYS_* */
    size_t nsign;                  /* signatures after keygen (0..8) */
    uint8_t msg[TSR_SIM_MAX_MSGLEN];
    size_t msglen;                 /* message to sign (signature k signs msg || u8 k when nsign > 1) */
    uint32_t signers[TSR_MAX_PARTIES]; /* first attempt's signer set (sim parties); none = the
                                        * first t eligible parties */
    size_t nsigners;
    size_t max_sign_attempts;      /* coordinator gives up after this many (default n - t + 1) */
    size_t max_keygen_runs;        /* DKG re-runs without the blamed (default n - t + 1) */
    int weak_nonces;               /* canary build: signers derive rand32 from the message (SIG-03) */
    int no_timing;                 /* report CPU times as 0 (byte-identical reports) */
    size_t ncorrupt;
    tsr_sim_corrupt corrupt[TSR_SIM_NPARTIES];
    tsr_sim_faults faults;
    tsr_sim_expect expect;
} tsr_sim_config;

/* Fills defaults: suite TR, n 3, t 2, keys DKG, nsign 1, msg "tessera", seed 1, no corruption. */
void tsr_sim_config_default(tsr_sim_config *cfg);

/* ==== messages, events, results =============================================================== */

typedef struct {
    uint32_t seq;            /* emission order in the ceremony, from 1 */
    uint16_t step;           /* ceremony step (0-based) */
    uint16_t run;            /* run of that step (keygen re-run, signing attempt), 0-based */
    uint16_t round;          /* 1-based */
    uint16_t type;           /* wire type TSR_MSG_* */
    uint32_t from, to;       /* sim parties (to: the recipient of this copy) */
    uint32_t flags;          /* TSR_SIM_F_* */
    int behaviour;           /* index into the sender's behaviours that changed it, -1 = none */
    uint8_t *frame;          /* the encoded tsr_frame as delivered (heap, owned by the sim) */
    size_t len;
} tsr_sim_msg;

/* Event kinds of the transcript (besides messages). */
typedef enum {
    TSR_SIM_EV_NOTE = 1,     /* free text (never a secret) */
    TSR_SIM_EV_RUN,          /* a protocol run starts: text has the roster */
    TSR_SIM_EV_BLAME,        /* judge blamed culprit (malicious) */
    TSR_SIM_EV_UNRESPONSIVE, /* judge marked culprit unresponsive (missing message) */
    TSR_SIM_EV_REFUSE,       /* an honest party refused a request (nonce used, wrong message...) */
    TSR_SIM_EV_OUTCOME,      /* a run ended: ok / aborted */
    TSR_SIM_EV_SIGNATURE,    /* a signature was produced and verified (or not) */
    TSR_SIM_EV_ADVERSARY     /* a corrupt party acted (what it did, never a secret) */
} tsr_sim_event_kind;

typedef struct {
    int kind;
    uint16_t step, run, round;
    uint32_t party;          /* judge / actor */
    uint32_t culprit;        /* BLAME / UNRESPONSIVE: sim party, TSR_CULPRIT_NONE or _COORDINATOR */
    uint16_t phase, check;   /* BLAME / UNRESPONSIVE / REFUSE */
    char text[160];
} tsr_sim_event;

#define TSR_SIM_OUTCOME_SUCCESS 1  /* every step produced its output */
#define TSR_SIM_OUTCOME_ABORT 2    /* a step ended without output */

/* Oracle properties (DESIGN.md §The simulator; spec/simulator.md §Oracle). */
typedef enum {
    TSR_SIM_P_AGREEMENT = 0,     /* honest parties agree on the group key; no honest party outputs an invalid signature */
    TSR_SIM_P_BLAME_SOUND,       /* every blame by an honest judge names a corrupt party, with a check;
                                  * unresponsive marks name corrupt or fault-affected parties */
    TSR_SIM_P_IDENTIFIED,        /* every identifiable cheat that an honest party processed is blamed */
    TSR_SIM_P_LIVENESS,          /* with >= t honest responsive parties the ceremony completes within its bound */
    TSR_SIM_P_SECRECY,           /* corrupt parties never hold t shares of any secret; no nonce reuse */
    TSR_SIM_P_NO_LEAK,           /* no secret's hex in the transcript, report, SVG or error texts */
    TSR_SIM_P__COUNT
} tsr_sim_property;

typedef struct {
    int checked;                 /* 0: not applicable to this run */
    int ok;
    char detail[256];            /* why it failed (parties, check), never a secret */
} tsr_sim_verdict;

/* Per sim party. */
typedef struct {
    int present;                 /* in the ceremony (0..n; 0 only if a coordinator exists) */
    int corrupt;
    int fault_affected;          /* a message from or to it was lost or late */
    int outcome;                 /* TSR_SIM_OUTCOME_* (0: nothing to output, e.g. excluded) */
    int has_key;
    uint8_t group_key[33];       /* encoded */
    size_t nsigs;
    uint8_t sig[TSR_SIM_MAX_STEPS][TSR_FROST_SIG_MAX_BYTES];
    size_t siglen[TSR_SIM_MAX_STEPS];
    size_t msgs_sent, bytes_sent;
    uint64_t cpu_ns;             /* CPU time spent in this party's ref calls */
} tsr_sim_party_result;

typedef struct {
    int outcome;                 /* TSR_SIM_OUTCOME_* */
    size_t keygen_runs;
    size_t sign_attempts[TSR_SIM_MAX_STEPS]; /* per signature */
    size_t nsigs;                /* signatures produced (sig[k] is signature k; siglen[k] 0 if none) */
    uint8_t sig[TSR_SIM_MAX_STEPS][TSR_FROST_SIG_MAX_BYTES];
    size_t siglen[TSR_SIM_MAX_STEPS];
    int sig_verified[TSR_SIM_MAX_STEPS]; /* by tsr_frost_verify, and schnorrsig_verify for TR */
    uint8_t group_key[33];
    int has_group_key;
    tsr_sim_party_result party[TSR_SIM_NPARTIES];
    tsr_sim_verdict oracle[TSR_SIM_P__COUNT];
    int expect_ok;               /* expectations met (1 when none were given) */
    char expect_detail[256];
    uint64_t cpu_ns_total;
} tsr_sim_result;

/* ==== the simulation ========================================================================== */

typedef struct tsr_sim_s tsr_sim; /* opaque; sim_engine.c */

/* Creates a simulation of cfg (copied). NULL on allocation failure or an invalid config (reason
 * in err, never a secret). */
tsr_sim *tsr_sim_create(const tsr_sim_config *cfg, char *err, size_t errcap);
/* Runs the whole ceremony (keygen, then cfg->nsign signatures), then the oracle. Returns 0, or -1
 * on an internal failure (reason in err). Deterministic in (cfg, seed). */
int tsr_sim_run(tsr_sim *s, char *err, size_t errcap);
/* Wipes every secret and frees everything. */
void tsr_sim_destroy(tsr_sim *s);

const tsr_sim_config *tsr_sim_cfg(const tsr_sim *s);
const tsr_sim_result *tsr_sim_result_get(const tsr_sim *s);
size_t tsr_sim_nmsgs(const tsr_sim *s);
const tsr_sim_msg *tsr_sim_msg_at(const tsr_sim *s, size_t i);
size_t tsr_sim_nevents(const tsr_sim *s);
const tsr_sim_event *tsr_sim_event_at(const tsr_sim *s, size_t i);
/* Events and messages are kept in one timeline: position of event i among messages (the number
 * of messages recorded before it). */
size_t tsr_sim_event_pos(const tsr_sim *s, size_t i);

/* ---- engine services used by protocol drivers (sim_engine.c) ---------------------------------- */

const tsr_context *tsr_sim_ctx(const tsr_sim *s);
/* Deterministic randomness of sim party p (a stream per party, from the seed). */
void tsr_sim_rand(tsr_sim *s, uint32_t party, uint8_t *out, size_t n);
int tsr_sim_is_corrupt(const tsr_sim *s, uint32_t party);
/* The behaviour of corrupt party `party` playing `strategy` in the current step/run, or NULL. */
const tsr_sim_behaviour *tsr_sim_strategy(const tsr_sim *s, uint32_t party, int strategy);
/* The adversary learned `value` as sim party `victim`'s secret of kind `what` ("share", "nonce")
 * (extraction strategies call this); the oracle compares it with the truth (SECRECY). */
void tsr_sim_adv_learned(tsr_sim *s, uint32_t victim, const char *what, const tsr_scalar *value);
/* An honest signer used nonce commitment D (encoded, 33 bytes) in a released signature share;
 * the oracle flags a D used twice (SECRECY: nonce reuse). */
void tsr_sim_nonce_used(tsr_sim *s, uint32_t signer, const uint8_t d33[33]);
/* 1 if behaviour b acts on recipient p: its `to` list holds p, or is empty (everyone). */
int tsr_sim_behaviour_targets(const tsr_sim_behaviour *b, uint32_t p);
/* The first 4 bytes of SHA-256(p) as 8 hex digits and a NUL: names public bytes (a frame, a
 * signature, a key) in texts without showing them. Never call it on secret bytes. */
void tsr_sim_digest(char out[9], const uint8_t *p, size_t n);
/* Registers a secret (32-byte scalar encodings and the like) for the no-leak scan. */
void tsr_sim_secret(tsr_sim *s, const uint8_t *p, size_t n);
void tsr_sim_secret_scalar(tsr_sim *s, const tsr_scalar *a);

/* Starts a run of protocol `proto` ("dkg", "sign") over roster[0..n-1] (sim parties, protocol
 * ids 1..n) with its session id (the frames carry it) and suite; logs a RUN event. */
void tsr_sim_run_begin(tsr_sim *s, const char *proto, const uint32_t *roster, size_t n, const uint8_t session[32]);
void tsr_sim_round_begin(tsr_sim *s, uint16_t round);
/* 1 if sim party p has not crashed (CRASH strategy) as of the current round. */
int tsr_sim_alive(const tsr_sim *s, uint32_t p);
/* Order in which parties act within a round: honest first, then corrupt (rushing). */
void tsr_sim_order(const tsr_sim *s, uint32_t *out, const uint32_t *parties, size_t n);
/* Sends payload from sim party `from` to sim party `to` (or TSR_SIM_BCAST: every party of the
 * roster but the sender... and itself: broadcasts reach the sender too) in the current round.
 * The engine frames it (version, suite, type, session, sender = protocol id of `from`, one
 * field), applies the sender's generic mutations and WITHHOLD/CRASH when `from` is corrupt
 * (per recipient copy), then the network faults, and queues the copies for delivery at
 * tsr_sim_round_end. flags may carry TSR_SIM_F_FORGED / _REPLAYED with `behaviour` the index of
 * the behaviour that made it (-1 otherwise). Returns 0 or -1 (allocation). */
int tsr_sim_send(tsr_sim *s, uint32_t from, uint32_t to, uint16_t type, const uint8_t *payload, size_t len,
                 uint32_t flags, int behaviour);
/* Like tsr_sim_send for one recipient, with a ready frame (replays). */
int tsr_sim_send_frame(tsr_sim *s, uint32_t from, uint32_t to, uint16_t type, const uint8_t *frame, size_t len,
                       uint32_t flags, int behaviour);
/* Messages sent so far in the current round of the current run by parties other than `viewer`
 * (rushing adversaries look at them): pointers into the timeline. */
size_t tsr_sim_round_sent(const tsr_sim *s, uint16_t type, const tsr_sim_msg **out, size_t cap);
/* Delivers the round's queued copies (faults applied: reorder, duplicates). */
void tsr_sim_round_end(tsr_sim *s);
/* Messages delivered to sim party p in the current round with wire type `type`, delivery order. */
size_t tsr_sim_inbox(const tsr_sim *s, uint32_t p, uint16_t type, const tsr_sim_msg **out, size_t cap);
/* Opens a delivered message for receiver `judge`: strict frame decode (tsr_frame_decode),
 * then version, suite, type, session of the current run, one field, and the frame's sender equal
 * to the link's (authenticated channel) protocol id. An honest judge's opening flags the message
 * PROCESSED, whether it passes or not (a cheat rejected here has reached an honest party). On
 * success *payload and *plen point into the frame. On failure returns the check (TSR_CHECK_*) and
 * the caller blames the link sender. Returns TSR_CHECK_NONE (0) on success. */
int tsr_sim_open(tsr_sim *s, uint32_t judge, const tsr_sim_msg *m, const uint8_t **payload, size_t *plen);
/* Protocol id <-> sim party in the current run (0 if not in the roster). */
uint32_t tsr_sim_pid(const tsr_sim *s, uint32_t party);
uint32_t tsr_sim_party_of(const tsr_sim *s, uint32_t pid);

/* Records that honest `judge` blames: b->culprit is a PROTOCOL id (or NONE / COORDINATOR) and is
 * mapped to a sim party. Check MISSING is recorded as UNRESPONSIVE, every other check as BLAME.
 * Corrupt judges' blames are recorded as ADVERSARY events only (they do not count). */
void tsr_sim_blame(tsr_sim *s, uint32_t judge, const tsr_blame *b);
/* Same with a sim party as culprit. */
void tsr_sim_blame_party(tsr_sim *s, uint32_t judge, uint32_t culprit, int phase, int check);
void tsr_sim_event_add(tsr_sim *s, int kind, uint32_t party, uint32_t culprit, int phase, int check,
                       const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* CPU accounting: wrap every ref call made on behalf of party p. */
void tsr_sim_cpu_start(tsr_sim *s, uint32_t p);
void tsr_sim_cpu_stop(tsr_sim *s, uint32_t p);
tsr_sim_result *tsr_sim_result_mut(tsr_sim *s);

/* ---- protocol drivers (one file each; the step table in sim_engine.c lists them) ------------ */

/* The key material a keygen step leaves for the signing steps. */
typedef struct {
    int ok;
    uint8_t suite;
    size_t n, t;                           /* of the roster that holds keys */
    uint32_t roster[TSR_MAX_PARTIES];      /* key id k (1..n) is sim party roster[k-1] */
    tsr_point group_key;
    tsr_point vshares[TSR_MAX_PARTIES];    /* of key ids 1..n */
    tsr_frost_keypkg pkg[TSR_SIM_NPARTIES];/* by sim party; magic 0 when it has none. Secret. */
} tsr_sim_keys;

/* Trusted dealer (sim_frost.c): keys for parties 1..n, dealt by party 0 (no network). */
int tsr_sim_dealer_keys(tsr_sim *s, tsr_sim_keys *keys);
/* One DKG run over roster (sim_dkg.c). Returns 1 if it produced keys (every honest party of the
 * roster agrees), 0 if it aborted (blames recorded; *excluded gets the sim parties that honest
 * parties blamed or marked unresponsive, for the next run), -1 on internal failure. */
int tsr_sim_dkg_run(tsr_sim *s, tsr_sim_keys *keys, uint32_t *excluded, size_t *nexcluded, const uint32_t *roster,
                    size_t n, size_t t, uint16_t run);
/* One signature with coordinator retries (sim_frost.c): signature `index` of msg. Returns 1 with
 * the verified signature in sig/siglen, 0 if the coordinator gave up (attempts in *attempts),
 * -1 on internal failure. */
int tsr_sim_sign(tsr_sim *s, uint8_t *sig, size_t *siglen, size_t *attempts, const tsr_sim_keys *keys,
                 const uint8_t *msg, size_t msglen, size_t index);

/* ---- oracle (sim_oracle.c) -------------------------------------------------------------------- */

/* Fills result->oracle from the finished simulation: every property but NO_LEAK, which
 * tsr_sim_scan_texts adds once the texts exist. Needs the secrets registered during the run. */
void tsr_sim_oracle(tsr_sim *s);
/* Scans text for the hex (lower and upper case) of every registered secret; sets NO_LEAK.
 * Returns the number of secrets found. */
size_t tsr_sim_scan_text(tsr_sim *s, const char *what, const char *text, size_t len);
/* Compares the result with cfg->expect; sets expect_ok and expect_detail. */
void tsr_sim_expect_check(tsr_sim *s);

/* ---- fields and mutators (sim_fields.c) ------------------------------------------------------- */

typedef enum {
    TSR_SIM_K_U8 = 1, TSR_SIM_K_U16, TSR_SIM_K_U32, TSR_SIM_K_ID, /* ID: a u32 party identifier */
    TSR_SIM_K_COUNT,         /* a u16 element count that prefixes a vector */
    TSR_SIM_K_POINT,         /* 33-byte compressed point */
    TSR_SIM_K_XONLY,         /* 32-byte x coordinate */
    TSR_SIM_K_SCALAR,        /* 32-byte scalar */
    TSR_SIM_K_SIG,           /* 64-byte BIP340 signature */
    TSR_SIM_K_HASH,          /* 32-byte hash */
    TSR_SIM_K_BYTES,         /* opaque bytes (a message) */
    TSR_SIM_K_VECTOR,        /* a whole vector: count and entries */
    TSR_SIM_K_FRAME          /* a frame header field */
} tsr_sim_field_kind;

typedef struct {
    char name[64];           /* "commitment[2]", "pok_mu", "complaints[0].share" */
    int kind;                /* tsr_sim_field_kind */
    size_t off, len;         /* inside the payload (or the frame for frame.*) */
    size_t elem_len;         /* VECTOR: bytes per entry (0: variable) */
    size_t count_off;        /* VECTOR: offset of its count; SIZE_MAX if none */
    int identifiable;        /* a change is always caught and blamed on the sender */
} tsr_sim_field;

/* Message names: "dkg.round1" (0x0201), "dkg.round2.eq", "dkg.round2.share", "dkg.round3",
 * "dkg.round4", "frost.commit", "frost.request", "frost.sigshare", "frost.signature". */
const char *tsr_sim_msg_name(uint16_t type);
/* Walks the payload of a message of `type` and lists its fields, in order (whole vectors first,
 * then their entries). Returns the number of fields (at most cap), 0 if the payload is too
 * malformed to walk (mutations then apply to nothing). */
size_t tsr_sim_fields(tsr_sim_field *out, size_t cap, uint16_t type, uint8_t suite, const uint8_t *payload,
                      size_t len);
/* Applies mutation b (target already matched to field f of this payload) to the payload:
 * *out (heap, caller frees) gets the new payload. other/otherlen: the same message type from
 * b->party (SWAP_WITH), or NULL. rng: the seeded bits (FLIP_BITS). Returns 0, or -1 (the
 * mutator does not apply to this field kind: reason in err). */
int tsr_sim_mutate(uint8_t **out, size_t *outlen, const tsr_sim_field *f, const tsr_sim_behaviour *b, uint16_t type,
                   uint8_t suite, const uint8_t *payload, size_t len, const uint8_t *other, size_t otherlen,
                   tsr_sim_rng *rng, char *err, size_t errcap);
/* Splits a target "dkg.round1.commitment[0]" into message type and field name; "frame.X" has
 * type 0 (any message). Returns 0, or -1 (unknown message or field: reason in err). */
int tsr_sim_target_parse(uint16_t *type, char *field, size_t fieldcap, const char *target, char *err, size_t errcap);
/* Frame header fields: "frame.version", "frame.suite", "frame.type", "frame.session",
 * "frame.sender", "frame.nfields", "frame.length"; same contract as tsr_sim_mutate on the
 * whole frame. */
int tsr_sim_mutate_frame(uint8_t **out, size_t *outlen, const char *field, const tsr_sim_behaviour *b,
                         const uint8_t *frame, size_t len, tsr_sim_rng *rng, char *err, size_t errcap);

/* Names <-> ids. Return -1 for an unknown name. */
int tsr_sim_strategy_parse(const char *name);
const char *tsr_sim_strategy_name(int id);
int tsr_sim_strategy_identifiable(int id); /* 1: the oracle requires the culprit to be named */
int tsr_sim_mutator_parse(const char *name);
const char *tsr_sim_mutator_name(int id);
const char *tsr_sim_property_name(int p);
int tsr_sim_property_parse(const char *name); /* "agreement", "blame_sound", "identified", "liveness", "secrecy", "no_leak" */
/* Check names as in the scenario files: the tsr_check enum suffix ("FELDMAN", "SIGNATURE_SHARE"),
 * case-insensitive. */
int tsr_sim_check_parse(const char *name);
const char *tsr_sim_check_symbol(int check); /* "FELDMAN" */
/* `tessera sim strategies` / `tessera sim fields` text. */
void tsr_sim_print_strategies(FILE *f);
void tsr_sim_print_fields(FILE *f);

/* ---- scenarios, sweeps, random runs (sim_scenario.c, sim_sweep.c, cli_sim.c) ----------------- */

/* Parses a scenario file (spec/simulator.md §Scenario files). Errors name the file, the JSON key
 * path and the reason ("scenario.json: corrupt[0].behaviours[1].mutator: unknown mutator
 * 'flipbits' (try `tessera sim fields`)"). Returns 0 or -1 (err filled). */
int tsr_sim_scenario_load(tsr_sim_config *cfg, const char *path, char *err, size_t errcap);
/* `tessera sim ...` entry point (argv[0] is the word after "sim"). */
int tsr_cli_sim_main(int argc, char **argv);

/* ---- reports (sim_report.c, sim_svg.c) -------------------------------------------------------- */

/* The readable transcript (golden files compare it byte for byte). verbose: one line per
 * message copy instead of one per broadcast. Returns a heap string (caller frees). */
char *tsr_sim_transcript(const tsr_sim *s, int verbose);
/* The JSON report (jansson dump, sorted keys, indent 2). Heap string. */
char *tsr_sim_report_json(const tsr_sim *s);
/* The SVG sequence diagram. Heap string. */
char *tsr_sim_svg(const tsr_sim *s);

#endif
