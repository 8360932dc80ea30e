/* What the simulator engine (sim_engine.c) exposes to the oracle, reports and drivers beyond
 * sim.h: the secret registry, the adversary's records, per-run records and the current run. */
#ifndef TSR_SIM_SIM_INTERNAL_H
#define TSR_SIM_SIM_INTERNAL_H

#include "sim.h"

/* Conventions the engine follows (everyone relies on them):
 * - Culprits: tsr_sim_blame maps a protocol id to a sim party. TSR_CULPRIT_NONE and
 *   TSR_CULPRIT_COORDINATOR pass through unchanged into tsr_sim_event.culprit; the oracle and the
 *   reports treat TSR_CULPRIT_COORDINATOR as sim party 0 (the coordinator / dealer). A protocol id
 *   that is not in the current roster is recorded as TSR_CULPRIT_NONE (nobody can be named).
 * - Ceremony steps: step 0 is keygen; step k (1..nsign) is signature index k-1, which signs
 *   cfg.msg when nsign == 1, else cfg.msg || u8 (k-1). tsr_sim_sign gets index = k-1; result
 *   arrays sig[], siglen[], sign_attempts[], sig_verified[] are indexed by that 0-based index.
 * - Runs: within a step, the i-th tsr_sim_run_begin is run i (0-based): keygen re-runs, signing
 *   attempts. The session of (step, run) is tsr_sim_session_id.
 * - Corrupt senders: mutations, WITHHOLD and network faults never touch a sender's copy to
 *   itself (a broadcast's own copy); CRASH withholds every copy, its own included.
 *   WITHHOLD with round 0 withholds in every round of the matching runs; CRASH with round 0
 *   crashes at round 1. Behaviours with proto "" match any protocol; "frost" == "sign".
 * - Generic mutations: payload mutations (targets with a message type) first, in behaviour
 *   order, then frame.* mutations on the re-framed bytes. The copy records the index of the
 *   first behaviour that changed its bytes. FLIP_BITS draws from the engine's mutation stream.
 * - Network: faults are drawn per copy (never for a copy to the sender itself) from the
 *   engine's network stream, only for rates > 0, in the order partition, drop, late,
 *   duplicate, reorder; the first link rule matching (from, to) replaces the global rates.
 *   A lost (dropped, late, partitioned) copy marks both its sender and its recipient
 *   fault-affected (party result and run record). Duplicates are extra timeline entries
 *   (flag DUPLICATE, seq right after the original), not counted in msgs_sent.
 * - msgs_sent / bytes_sent count every copy a party emitted (its own copy of a broadcast
 *   included), withheld copies excluded.
 * - tsr_sim_open flags the copy PROCESSED whenever the judge is honest, whether the frame passed
 *   its checks or not (spec/simulator.md §8.3: a refused frame was judged too).
 * - tsr_sim_inbox / tsr_sim_round_sent: type 0 = every type. round_sent lists every copy of the
 *   round in emission order (withheld ones included, network duplicates left out).
 * - Keygen: a run that excludes nobody, or that leaves fewer than t parties, ends the step. */

/* A run of a protocol (keygen run or signing attempt). */
typedef struct {
    char proto[16];                   /* "dkg", "sign" */
    uint16_t step, run;
    uint16_t rounds;                  /* highest round begun */
    uint8_t suite;
    uint8_t session[32];
    size_t n;                         /* roster size */
    uint32_t roster[TSR_MAX_PARTIES]; /* protocol id k is sim party roster[k-1] */
    size_t first_msg, end_msg;        /* its messages: timeline indices [first_msg, end_msg) */
    size_t first_event, end_event;    /* its events */
    int had_fault;                    /* some copy of this run was lost or late (network) */
    uint8_t fault_affected[TSR_SIM_NPARTIES]; /* by sim party: a copy from or to it was lost */
    uint8_t excluded[TSR_SIM_NPARTIES];       /* blamed (malicious) by an honest judge in this run,
                                               * or marked unresponsive: in a signing run by the
                                               * coordinator; in a DKG run as the keygen loop
                                               * decides (tsr_sim_keygen_unresponsive) (0 = coordinator) */
    uint8_t marked_by[TSR_SIM_NPARTIES][(TSR_SIM_NPARTIES + 7) / 8]; /* [culprit] bit judge: an
                                               * honest judge marked it unresponsive (DKG runs) */
    uint16_t nmarked[TSR_SIM_NPARTIES];       /* distinct honest judges that marked it */
    uint16_t mark_round[TSR_SIM_NPARTIES];    /* round of its first mark (0: none) */
    uint8_t crashed[TSR_SIM_NPARTIES];        /* had crashed by the end of this run */
} tsr_sim_runrec;

/* An extraction strategy's guess (tsr_sim_adv_learned). */
typedef struct {
    uint32_t victim;
    char what[16];                    /* "share", "nonce" */
    tsr_scalar value;                 /* secret: never printed */
    uint16_t step, run;
} tsr_sim_learned;

/* A released signature share's hiding commitment (tsr_sim_nonce_used). */
typedef struct {
    uint32_t signer;
    uint8_t d33[33];
    uint16_t step, run;
} tsr_sim_nonce_rec;

/* Secret registry (tsr_sim_secret): byte strings, all-zero ones skipped. */
size_t tsr_sim_nsecrets(const tsr_sim *s);
const uint8_t *tsr_sim_secret_at(const tsr_sim *s, size_t i, size_t *len);

size_t tsr_sim_nlearned(const tsr_sim *s);
const tsr_sim_learned *tsr_sim_learned_at(const tsr_sim *s, size_t i);
size_t tsr_sim_nnonces(const tsr_sim *s);
const tsr_sim_nonce_rec *tsr_sim_nonce_at(const tsr_sim *s, size_t i);

/* Runs in the order they began. */
size_t tsr_sim_nruns(const tsr_sim *s);
const tsr_sim_runrec *tsr_sim_run_at(const tsr_sim *s, size_t i);
/* The run a timeline message or event belongs to (by step and run), or NULL. */
const tsr_sim_runrec *tsr_sim_run_find(const tsr_sim *s, uint16_t step, uint16_t run);

/* The current position of the ceremony. */
uint16_t tsr_sim_cur_step(const tsr_sim *s);
uint16_t tsr_sim_cur_run(const tsr_sim *s);   /* index of the current (or, before run_begin,
                                                * the next) run in this step */
uint16_t tsr_sim_cur_round(const tsr_sim *s);
const char *tsr_sim_cur_proto(const tsr_sim *s); /* "" before the first run */
const uint32_t *tsr_sim_cur_roster(const tsr_sim *s, size_t *n);
/* SHA256("TSR-SIM-SESSION" || u64be seed || u16be step || u16be run). */
void tsr_sim_session_id(const tsr_sim *s, uint16_t step, uint16_t run, uint8_t out32[32]);

/* The keys the keygen step left (ok == 0 if it aborted); the oracle compares learned values
 * with them. Secret. */
const tsr_sim_keys *tsr_sim_keys_get(const tsr_sim *s);
/* Sim party -> index into cfg.corrupt, or -1 if honest. */
int tsr_sim_corrupt_index(const tsr_sim *s, uint32_t party);
/* 1 if sim party p crashed at some point of the ceremony. */
int tsr_sim_crashed(const tsr_sim *s, uint32_t p);
/* The message type and field name a generic-mutation behaviour targets (parsed once at
 * create): type 0 and "frame.X" for frame fields. Returns 0, or -1 if b is not a mutation. */
int tsr_sim_behaviour_target(const tsr_sim *s, uint32_t party, size_t bi, uint16_t *type, const char **field);

#endif
