/* Distributed key generation: PedPoP (FROST KeyGen) with an equivocation check, complaints that
 * name the cheater, and a success certificate every party can verify. */
#ifndef TESSERA_DKG_H
#define TESSERA_DKG_H

#include "tessera/common.h"
#include "tessera/point.h"
#include "tessera/scalar.h"
#include "tessera/sharing.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Rounds (spec/dkg.md). Parties are 1..n; every broadcast goes to all n parties (itself included,
 * so each party handles exactly n messages of each broadcast round, in any order).
 *  1 broadcast  round1: Feldman commitment C_i (t points) and a proof of knowledge (R_i, mu_i) of
 *               a_i0, challenge c = H_DKG(id_i || C_i0 || R_i || session) (no session: ZF's form).
 *  2 broadcast  round2: eq_i = the hash of every round-1 message seen (CertEq);
 *    p2p        share f_i(j) to each j != i, signed (BIP340) with a_i0 under x(C_i0), so that a
 *               share is evidence against its dealer.
 *  3 broadcast  round3: complaints, one per dealer whose share failed: BAD_SHARE carries the
 *               signed share as evidence, NO_SHARE says no validly signed share came; when there
 *               is no complaint, a BIP340 signature with the final share s_i over the certificate
 *               message (suite, session, t, n, eq, group key, verifying shares).
 *  4 broadcast  round4 (only if someone complained): each dealer accused with NO_SHARE opens the
 *               shares it owes those accusers; round5 resolves every complaint: BAD_SHARE with
 *               valid evidence blames the dealer (TSR_CHECK_FELDMAN), with invalid evidence the
 *               accuser (TSR_CHECK_FALSE_COMPLAINT); NO_SHARE blames the dealer if the opening is
 *               absent or fails, else nobody (non-receipt cannot be proved either way). The DKG
 *               then fails: no key is output after a complaint.
 * Any failing check blames the sender (never an honest party) and the DKG fails; a round-2 hash
 * mismatch aborts before any share is used (TSR_CHECK_EQUIVOCATION, culprit TSR_CULPRIT_NONE:
 * without signed broadcasts the equivocator cannot be proved).
 * TR suite: the output is ZF's (frost-secp256k1-tr post_dkg): the group key P is taken with even
 * y (every share and verifying share negated when P has odd y), then the unspendable BIP341
 * tweak t = int(tagged_hash("TapTweak", x(P))) is added: share + t, P + t*G, PK_j + t*G.
 *
 * Calls: init, round1, round2, round3, round4, then result (round4 reported done) or round5. A
 * call out of phase returns TSR_ERR_STATE and changes nothing; so does a bad argument
 * (TSR_ERR_ARG: NULL where an array is needed). Any other failure wipes every secret and leaves
 * the state in TSR_DKG_PHASE_FAILED, where every call is TSR_ERR_STATE. A round never leaves the
 * state half changed. Blames: one record per culprit (its first failed check), parties in
 * ascending order, then at most one record with culprit TSR_CULPRIT_NONE; at most cap records
 * are written and *nblames (if not NULL) gets the number written. blame.round is the round whose
 * message is at fault (spec/dkg.md §Blame). */

#define TSR_DKG_POK_MAX_BYTES 65 /* plain: R (33) || mu (32); TR: x(R) (32) || mu (32) */
#define TSR_DKG_ROUND1_MAX_BYTES (2 + 33 * TSR_MAX_PARTIES + TSR_DKG_POK_MAX_BYTES)
#define TSR_DKG_ROUND2_EQ_BYTES 32
#define TSR_DKG_ROUND2_P2P_BYTES 100 /* u32be recipient || share (32) || sig (64) */
#define TSR_DKG_COMPLAINT_MAX_BYTES (4 + 1 + 32 + 64)
#define TSR_DKG_ROUND3_MAX_BYTES (2 + TSR_DKG_COMPLAINT_MAX_BYTES * TSR_MAX_PARTIES + 64)
#define TSR_DKG_ROUND4_MAX_BYTES (2 + 36 * TSR_MAX_PARTIES)

/* Complaint kinds (round 3). */
#define TSR_DKG_COMPLAINT_BAD_SHARE 1 /* evidence: the dealer-signed share, failing Feldman */
#define TSR_DKG_COMPLAINT_NO_SHARE  2 /* no share with a valid signature arrived */

/* Phases of tsr_dkg_state (the next call expected). */
#define TSR_DKG_PHASE_ROUND1 1
#define TSR_DKG_PHASE_ROUND2 2
#define TSR_DKG_PHASE_ROUND3 3
#define TSR_DKG_PHASE_ROUND4 4
#define TSR_DKG_PHASE_ROUND5 5
#define TSR_DKG_PHASE_DONE   6
#define TSR_DKG_PHASE_FAILED 7

typedef struct {
    uint32_t sender;
    tsr_vss_commitment commitment; /* t points */
    tsr_point pok_r;
    tsr_scalar pok_mu;
} tsr_dkg_round1_msg;

typedef struct {
    uint32_t sender;
    uint8_t eq_hash[32];
} tsr_dkg_round2_bcast;

/* Secret: share. Wipe with tsr_memzero after delivery. */
typedef struct {
    uint32_t sender;
    uint32_t recipient;
    tsr_scalar share; /* f_sender(recipient) */
    uint8_t sig[64];  /* BIP340 by a_sender0 over the share message (spec/dkg.md §Share message) */
} tsr_dkg_round2_p2p;

typedef struct {
    uint32_t sender;
    size_t naccused;
    uint32_t accused[TSR_MAX_PARTIES]; /* strictly ascending dealer ids */
    uint8_t kind[TSR_MAX_PARTIES];     /* TSR_DKG_COMPLAINT_* */
    tsr_scalar share[TSR_MAX_PARTIES]; /* BAD_SHARE: the share received (now public); else 0 */
    uint8_t sig[TSR_MAX_PARTIES][64];  /* BAD_SHARE: the dealer's signature on it; else 0 */
    uint8_t cert_sig[64];              /* meaningful only when naccused == 0 */
} tsr_dkg_round3_msg;

typedef struct {
    uint32_t sender;
    size_t nopen;
    uint32_t accuser[TSR_MAX_PARTIES]; /* strictly ascending */
    tsr_scalar share[TSR_MAX_PARTIES]; /* f_sender(accuser[k]), now public */
} tsr_dkg_round4_msg;

/* The public result: what every party agrees on, with the success certificate. */
typedef struct {
    uint8_t suite;
    uint8_t session[32];
    size_t t, n;
    uint8_t eq_hash[32];
    tsr_point group_key;
    tsr_point vshares[TSR_MAX_PARTIES]; /* PK_j of party j+1 */
    uint8_t cert[TSR_MAX_PARTIES][64];  /* party j+1's BIP340 signature over the cert message */
} tsr_dkg_public;

/* A party's state. Secret: f, pok_k, cert_aux, recv, share. Large (one commitment per dealer,
 * about 4.5 MB with TSR_MAX_PARTIES = 256): allocate it, do not put it on the stack. Wipe with
 * tsr_dkg_state_clear. */
typedef struct {
    uint32_t magic;
    int phase;  /* TSR_DKG_PHASE_*: the next expected call */
    uint8_t suite;
    uint8_t session[32];
    uint32_t id;
    size_t t, n;
    tsr_poly f;
    tsr_scalar pok_k;  /* PoK nonce, wiped after round1 */
    uint8_t cert_aux[32]; /* BIP340 aux randomness (share and certificate signatures) */
    tsr_vss_commitment comm[TSR_MAX_PARTIES]; /* C_j of dealer j+1 */
    tsr_scalar recv[TSR_MAX_PARTIES];         /* f_j(id) received from dealer j+1 */
    uint8_t accused_by_me[TSR_MAX_PARTIES];   /* complaint kind this party filed against j+1 */
    uint8_t accusing_me[TSR_MAX_PARTIES];     /* complaint kind j+1 filed against this party */
    uint8_t complaints[TSR_MAX_PARTIES][TSR_MAX_PARTIES]; /* [a][d]: kind a+1 filed against d+1 */
    int any_complaint;
    uint16_t blame_check[TSR_MAX_PARTIES];    /* verdicts pending (round4 -> round5): check id */
    uint16_t blame_round[TSR_MAX_PARTIES];
    uint16_t blame_none_check, blame_none_round; /* the record without a culprit */
    tsr_scalar share;  /* s_i, set in round 3 */
    tsr_dkg_public pub;
} tsr_dkg_state;

/* ACSL: the pointer arguments every round takes. */
/*@ predicate tsr_dkg_blames_ok(tsr_blame *blames, size_t cap, size_t *nblames) =
  @   \valid(blames + (0 .. cap - 1)) && (nblames == \null || \valid(nblames)) &&
  @   (nblames == \null || \separated(nblames, blames + (0 .. cap - 1)));
  @*/

/* Proof of knowledge (spec/dkg.md §PoK). session32 may be NULL (ZF's challenge, for vectors).
 * prove: R = k*G (TR: k and R negated when R has odd y), mu = k + a0*c, with
 * c = H_DKG(u256be(id) || C0 || R [|| session32]). Returns TSR_OK, TSR_ERR_ARG (unknown suite,
 * k == 0, c0 the identity) or TSR_ERR_INTERNAL; on failure r is the identity and mu zero.
 * Secret: a0, k (R and mu are public).
 * verify: R == mu*G - c*C0 (TR: R must have even y). Returns TSR_OK or TSR_ERR_VERIFY (also for
 * an identity R or C0 and an unknown suite), TSR_ERR_INTERNAL. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_r: \valid(r);
  @ requires valid_mu: \valid(mu);
  @ requires valid_session: session32 == \null || \valid_read(session32 + (0 .. 31));
  @ requires valid_a0: \valid_read(a0);
  @ requires valid_c0: \valid_read(c0);
  @ requires valid_k: \valid_read(k);
  @ requires sep: \separated(r, mu, a0, c0, k);
  @ assigns *r, *mu;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_INTERNAL;
  @*/
int tsr_dkg_pok_prove(const tsr_context *ctx, tsr_point *r, tsr_scalar *mu, uint8_t suite,
                      const uint8_t *session32, uint32_t id, const tsr_scalar *a0, const tsr_point *c0,
                      const tsr_scalar *k);
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_session: session32 == \null || \valid_read(session32 + (0 .. 31));
  @ requires valid_c0: \valid_read(c0);
  @ requires valid_r: \valid_read(r);
  @ requires valid_mu: \valid_read(mu);
  @ assigns \nothing;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_VERIFY || \result == TSR_ERR_INTERNAL;
  @*/
int tsr_dkg_pok_verify(const tsr_context *ctx, uint8_t suite, const uint8_t *session32, uint32_t id,
                       const tsr_point *c0, const tsr_point *r, const tsr_scalar *mu);

/* Starts party id (1..n) of a t-of-n DKG (1 <= t <= n <= TSR_MAX_PARTIES).
 * f: the polynomial to deal (t coefficients, none zero; for vectors) or NULL to draw it from rand.
 * rand: randlen must be 64*t + 64 (f == NULL) or 64 (f given). With f == NULL, a_k is the
 * reduction mod n of rand[64k .. 64k+64). The last 64 bytes are the nonce seed (32: the PoK nonce
 * is derived from it, a0, id and the session, spec/dkg.md §Randomness) and the BIP340 aux
 * randomness (32). Returns: TSR_OK or TSR_ERR_ARG (suite, t, n, id, randlen, f->t != t, a zero
 * coefficient, an all-zero nonce seed or all-zero coefficient bytes), TSR_ERR_INTERNAL; on failure
 * the state is cleared (every call is then TSR_ERR_STATE). Secret: f, rand. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_st: \valid(st);
  @ requires valid_session: \valid_read(session32 + (0 .. 31));
  @ requires valid_f: f == \null || \valid_read(f);
  @ requires valid_rand: \valid_read(rand + (0 .. randlen - 1));
  @ requires sep: \separated(st, session32 + (0 .. 31), rand + (0 .. randlen - 1));
  @ requires sep_f: f == \null || \separated(st, f);
  @ assigns *st;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_INTERNAL;
  @*/
int tsr_dkg_init(const tsr_context *ctx, tsr_dkg_state *st, uint8_t suite, const uint8_t session32[32],
                 uint32_t id, size_t t, size_t n, const tsr_poly *f, const uint8_t *rand, size_t randlen);

/* Out: this party's round-1 message (its commitment and PoK). Wipes the PoK nonce.
 * Returns: TSR_OK, TSR_ERR_STATE, TSR_ERR_ARG (st or out NULL) or TSR_ERR_INTERNAL (out cleared). */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_st: \valid(st);
  @ requires valid_out: \valid(out);
  @ requires sep: \separated(st, out);
  @ assigns *st, *out;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_STATE || \result == TSR_ERR_ARG ||
  @   \result == TSR_ERR_INTERNAL;
  @*/
int tsr_dkg_round1(const tsr_context *ctx, tsr_dkg_state *st, tsr_dkg_round1_msg *out);

/* In: the n round-1 messages (any order; its own included). Checks each, in order: sender in 1..n
 * (else TSR_CHECK_SENDER, culprit none) and not repeated (TSR_CHECK_ID_DUPLICATE), present
 * (TSR_CHECK_MISSING), commitment count == t (TSR_CHECK_COMMITMENT_COUNT), no identity point
 * (TSR_CHECK_POINT_IDENTITY), its own message unchanged (TSR_CHECK_OWN_COMMITMENT, culprit none),
 * PoK under this session and the sender's id (TSR_CHECK_POK), then C_0 not equal to another
 * sender's (TSR_CHECK_DUPLICATE_CONTRIBUTION, both named).
 * Out: bcast (eq hash) and p2p[0..n-1] (p2p[j] for party j+1, signed; the entry for itself is
 * its own share, kept). On failure bcast and p2p are zeroed.
 * Returns TSR_OK, TSR_ERR_VERIFY (culprits named), TSR_ERR_STATE, TSR_ERR_ARG, TSR_ERR_INTERNAL.
 * Secret: p2p shares. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_st: \valid(st);
  @ requires valid_bcast: \valid(bcast);
  @ requires valid_p2p: \valid(p2p + (0 .. st->n - 1));
  @ requires valid_blames: tsr_dkg_blames_ok(blames, cap, nblames);
  @ requires valid_in: \valid_read(in + (0 .. nin - 1));
  @ requires sep: \separated(st, bcast, p2p + (0 .. st->n - 1), blames + (0 .. cap - 1), in + (0 .. nin - 1));
  @ requires sep2: \separated(bcast, p2p + (0 .. st->n - 1), blames + (0 .. cap - 1));
  @ requires sep3: \separated(p2p + (0 .. st->n - 1), blames + (0 .. cap - 1));
  @ requires sep_n: nblames == \null || \separated(nblames, st, bcast, p2p + (0 .. st->n - 1));
  @ assigns *st, *bcast, p2p[0 .. st->n - 1], blames[0 .. cap - 1], *nblames;
  @*/
int tsr_dkg_round2(const tsr_context *ctx, tsr_dkg_state *st, tsr_dkg_round2_bcast *bcast,
                   tsr_dkg_round2_p2p *p2p, tsr_blame *blames, size_t cap, size_t *nblames,
                   const tsr_dkg_round1_msg *in, size_t nin);

/* In: the n round-2 broadcasts (sender, duplicate and missing checks, TSR_CHECK_MISSING naming
 * the absent) and the n-1 shares addressed to this party (any order; a share that failed to
 * decode is left out). Any eq hash different from its own: TSR_ERR_VERIFY,
 * TSR_CHECK_EQUIVOCATION (culprit none), no share used. A share whose sender is not another
 * party is TSR_CHECK_SENDER (culprit none). Otherwise, per dealer j: no share, two shares, a
 * share for another recipient or a bad signature -> complaint NO_SHARE; a share failing Feldman
 * -> complaint BAD_SHARE with the evidence (the Feldman checks are batched: one check of the
 * summed share against the summed commitments, each share alone only if that fails). With no
 * complaint: computes s_i, the group key and every PK_j (TR: even y and tweak), signs the
 * certificate. Out: the round-3 message (zeroed on failure). Returns TSR_OK (complaints are not
 * an error here), TSR_ERR_VERIFY, TSR_ERR_STATE, TSR_ERR_ARG, TSR_ERR_INTERNAL. Secret: the
 * shares. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_st: \valid(st);
  @ requires valid_out: \valid(out);
  @ requires valid_blames: tsr_dkg_blames_ok(blames, cap, nblames);
  @ requires valid_bcasts: \valid_read(bcasts + (0 .. nb - 1));
  @ requires valid_shares: \valid_read(shares + (0 .. ns - 1));
  @ requires sep: \separated(st, out, blames + (0 .. cap - 1), bcasts + (0 .. nb - 1), shares + (0 .. ns - 1));
  @ requires sep2: \separated(out, blames + (0 .. cap - 1));
  @ requires sep_n: nblames == \null || \separated(nblames, st, out);
  @ assigns *st, *out, blames[0 .. cap - 1], *nblames;
  @*/
int tsr_dkg_round3(const tsr_context *ctx, tsr_dkg_state *st, tsr_dkg_round3_msg *out,
                   tsr_blame *blames, size_t cap, size_t *nblames,
                   const tsr_dkg_round2_bcast *bcasts, size_t nb, const tsr_dkg_round2_p2p *shares, size_t ns);

/* In: the n round-3 messages (sender, duplicate, missing checks; complaint lists well formed:
 * accused in 1..n, not the sender, strictly ascending, known kind; its own message unchanged).
 * No complaint and every certificate valid: *done = 1, TSR_OK (tsr_dkg_result may be called).
 * Complaints: *done = 0, out holds this party's openings for its NO_SHARE accusers (possibly
 * none), TSR_OK; the BAD_SHARE evidence is judged here, the verdicts kept for round5.
 * A certificate that does not verify: TSR_ERR_VERIFY naming its signer (TSR_CHECK_CERTIFICATE).
 * Secret: the openings are shares made public on purpose. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_st: \valid(st);
  @ requires valid_out: \valid(out);
  @ requires valid_done: \valid(done);
  @ requires valid_blames: tsr_dkg_blames_ok(blames, cap, nblames);
  @ requires valid_in: \valid_read(in + (0 .. nin - 1));
  @ requires sep: \separated(st, out, done, blames + (0 .. cap - 1), in + (0 .. nin - 1));
  @ requires sep2: \separated(out, done, blames + (0 .. cap - 1));
  @ requires sep3: \separated(done, blames + (0 .. cap - 1));
  @ requires sep_n: nblames == \null || \separated(nblames, st, out, done);
  @ assigns *st, *out, *done, blames[0 .. cap - 1], *nblames;
  @*/
int tsr_dkg_round4(const tsr_context *ctx, tsr_dkg_state *st, tsr_dkg_round4_msg *out, int *done,
                   tsr_blame *blames, size_t cap, size_t *nblames, const tsr_dkg_round3_msg *in, size_t nin);

/* In: the round-4 messages (those of the dealers accused with NO_SHARE are needed; empty ones from
 * anybody are accepted; openings nobody asked for are ignored). Always TSR_ERR_VERIFY with the
 * blames, the round-4 verdicts first (or TSR_ERR_STATE / TSR_ERR_ARG, which change nothing, or
 * TSR_ERR_INTERNAL if a dependency fails). The state then fails. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_st: \valid(st);
  @ requires valid_blames: tsr_dkg_blames_ok(blames, cap, nblames);
  @ requires valid_in: \valid_read(in + (0 .. nin - 1));
  @ requires sep: \separated(st, blames + (0 .. cap - 1), in + (0 .. nin - 1));
  @ requires sep_n: nblames == \null || \separated(nblames, st);
  @ assigns *st, blames[0 .. cap - 1], *nblames;
  @ ensures codes: \result == TSR_ERR_VERIFY || \result == TSR_ERR_STATE || \result == TSR_ERR_ARG ||
  @   \result == TSR_ERR_INTERNAL;
  @*/
int tsr_dkg_round5(const tsr_context *ctx, tsr_dkg_state *st, tsr_blame *blames, size_t cap,
                   size_t *nblames, const tsr_dkg_round4_msg *in, size_t nin);

/* After round4 reported done: the secret share and the public result (either output may be
 * NULL). Returns TSR_OK or TSR_ERR_STATE. Secret: share. */
/*@ requires valid_st: \valid_read(st);
  @ requires valid_share: share == \null || \valid(share);
  @ requires valid_pub: pub == \null || \valid(pub);
  @ requires sep: share == \null || pub == \null || \separated(share, pub);
  @ assigns *share, *pub;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_STATE;
  @*/
int tsr_dkg_result(const tsr_dkg_state *st, tsr_scalar *share, tsr_dkg_public *pub);

/* CertEq: eq = tagged_hash("TSR-DKG-EQ-v1", suite || session || u16be t || u16be n ||
 * for j = 1..n: u32be j || round1_encode(msgs[j-1])) (spec/dkg.md §Eq hash). msgs[j-1] must be
 * dealer j's message. Returns TSR_OK or TSR_ERR_ARG (suite, t, n, a sender or count mismatch, an
 * unencodable message), TSR_ERR_INTERNAL; out32 zeroed on failure. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_out: \valid(out32 + (0 .. 31));
  @ requires valid_session: \valid_read(session32 + (0 .. 31));
  @ requires valid_msgs: n <= TSR_MAX_PARTIES ==> \valid_read(msgs + (0 .. n - 1));
  @ requires sep: \separated(out32 + (0 .. 31), session32 + (0 .. 31));
  @ assigns out32[0 .. 31];
  @*/
int tsr_dkg_eq_hash(const tsr_context *ctx, uint8_t out32[32], uint8_t suite, const uint8_t session32[32],
                    size_t t, size_t n, const tsr_dkg_round1_msg *msgs);

/* The certificate message: tagged_hash("TSR-DKG-CERT-v1", suite || session || u16be t ||
 * u16be n || eq_hash || group_key (33) || PK_1 .. PK_n (33 each)) (spec/dkg.md §Certificate).
 * An identity point (never in a valid result, but computable in round 3 when a dealer cheats) is
 * encoded as 33 zero bytes; tsr_dkg_certificate_verify refuses it. Returns TSR_OK, TSR_ERR_ARG
 * (suite, t, n) or TSR_ERR_INTERNAL; out32 is zero on failure. Public. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_out: \valid(out32 + (0 .. 31));
  @ requires valid_pub: \valid_read(pub);
  @ requires sep: \separated(out32 + (0 .. 31), pub);
  @ assigns out32[0 .. 31];
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_INTERNAL;
  @*/
int tsr_dkg_certificate_message(const tsr_context *ctx, uint8_t out32[32], const tsr_dkg_public *pub);

/* The share message a dealer signs (spec/dkg.md §Share message): tagged_hash("TSR-DKG-SHARE-v1",
 * suite || session || u32be dealer || u32be recipient || share). Secret: share, out32 (a hash of
 * the share; made public only as evidence). */
/*@ requires valid_out: \valid(out32 + (0 .. 31));
  @ requires valid_session: \valid_read(session32 + (0 .. 31));
  @ requires valid_share: \valid_read(share);
  @ requires sep: \separated(out32 + (0 .. 31), session32 + (0 .. 31));
  @ assigns out32[0 .. 31];
  @*/
void tsr_dkg_share_message(uint8_t out32[32], uint8_t suite, const uint8_t session32[32], uint32_t dealer,
                           uint32_t recipient, const tsr_scalar *share);

/* Verifies a public result on its own: suite, t, n, no identity point, every certificate
 * signature under x(PK_j), and every PK_j and the group key on the polynomial through
 * PK_1..PK_t (Lagrange interpolation in the exponent). Returns TSR_OK or TSR_ERR_VERIFY (blame
 * names the first bad signer, TSR_CHECK_CERTIFICATE; culprit none for an inconsistent or
 * malformed result), TSR_ERR_INTERNAL. blame may be NULL. Public inputs. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_pub: \valid_read(pub);
  @ requires valid_blame: blame == \null || \valid(blame);
  @ requires sep: blame == \null || \separated(blame, pub);
  @ assigns *blame;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_VERIFY || \result == TSR_ERR_INTERNAL;
  @*/
int tsr_dkg_certificate_verify(const tsr_context *ctx, const tsr_dkg_public *pub, tsr_blame *blame);

/* Wipes every secret and resets the state (every later call but init is TSR_ERR_STATE). */
/*@ requires valid_st: \valid(st);
  @ assigns *st;
  @*/
void tsr_dkg_state_clear(tsr_dkg_state *st);

/* Strict encodings of every message (spec/dkg.md §Encoding), decoders with *reason:
 *  round1: u16be t || t * point (33) || PoK (65 plain, 64 TR)
 *  round2 bcast: eq_hash (32);  round2 p2p: u32be recipient || share (32) || sig (64)
 *  round3: u16be k || k * (u32be accused || u8 kind || (kind BAD_SHARE: share (32) || sig (64)))
 *          || (k == 0: cert_sig (64))
 *  round4: u16be k || k * (u32be accuser || share (32))
 * The sender and the suite travel in the wire frame header (tsr_frame). Encoders return TSR_OK
 * or TSR_ERR_ARG (outcap too small, a malformed struct; *outlen = 0). Decoders return TSR_OK,
 * TSR_ERR_ARG (suite or sender parameter: TSR_CHECK_SUITE, TSR_CHECK_SENDER), TSR_ERR_ENCODING or
 * TSR_ERR_RANGE with the first failed check in *reason (TSR_CHECK_NONE on success); on failure
 * the message is zeroed (points the identity). A scalar >= n is TSR_ERR_ENCODING
 * (TSR_CHECK_SCALAR_RANGE), an identity point TSR_ERR_RANGE (TSR_CHECK_POINT_IDENTITY), every
 * other defect TSR_ERR_ENCODING. Each decoder's check order is in spec/dkg.md §10. */
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_out: \valid(out + (0 .. outcap - 1));
  @ requires valid_outlen: \valid(outlen);
  @ requires valid_m: \valid_read(m);
  @ requires sep: \separated(out + (0 .. outcap - 1), outlen, m);
  @ assigns out[0 .. outcap - 1], *outlen;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_INTERNAL;
  @ ensures len: \result == TSR_OK ==> *outlen <= outcap;
  @ ensures len_err: \result != TSR_OK ==> *outlen == 0;
  @*/
int tsr_dkg_round1_encode(const tsr_context *ctx, uint8_t *out, size_t outcap, size_t *outlen, uint8_t suite,
                          const tsr_dkg_round1_msg *m);
/*@ requires valid_ctx: \valid_read(ctx);
  @ requires valid_m: \valid(m);
  @ requires valid_in: \valid_read(in + (0 .. inlen - 1));
  @ requires valid_reason: reason == \null || \valid(reason);
  @ requires sep: \separated(m, in + (0 .. inlen - 1));
  @ requires sep_reason: reason == \null || \separated(reason, m, in + (0 .. inlen - 1));
  @ assigns *m, *reason;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_ENCODING ||
  @   \result == TSR_ERR_RANGE;
  @ ensures reason_ok: tsr_reason_ok(reason, \result);
  @*/
int tsr_dkg_round1_decode(const tsr_context *ctx, tsr_dkg_round1_msg *m, uint8_t suite, uint32_t sender,
                          const uint8_t *in, size_t inlen, tsr_check *reason);
/*@ requires valid_out: \valid(out32 + (0 .. 31));
  @ requires valid_m: \valid_read(m);
  @ requires sep: \separated(out32 + (0 .. 31), m);
  @ assigns out32[0 .. 31];
  @ ensures ok: \result == TSR_OK;
  @*/
int tsr_dkg_round2_bcast_encode(uint8_t out32[32], const tsr_dkg_round2_bcast *m);
/*@ requires valid_m: \valid(m);
  @ requires valid_in: \valid_read(in + (0 .. inlen - 1));
  @ requires valid_reason: reason == \null || \valid(reason);
  @ requires sep: \separated(m, in + (0 .. inlen - 1));
  @ requires sep_reason: reason == \null || \separated(reason, m, in + (0 .. inlen - 1));
  @ assigns *m, *reason;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_ENCODING;
  @ ensures reason_ok: tsr_reason_ok(reason, \result);
  @ ensures length: inlen != 32 && \result != TSR_ERR_ARG ==> \result == TSR_ERR_ENCODING;
  @*/
int tsr_dkg_round2_bcast_decode(tsr_dkg_round2_bcast *m, uint32_t sender, const uint8_t *in, size_t inlen,
                                tsr_check *reason);
/*@ requires valid_out: \valid(out + (0 .. TSR_DKG_ROUND2_P2P_BYTES - 1));
  @ requires valid_m: \valid_read(m);
  @ requires sep: \separated(out + (0 .. TSR_DKG_ROUND2_P2P_BYTES - 1), m);
  @ assigns out[0 .. TSR_DKG_ROUND2_P2P_BYTES - 1];
  @ ensures ok: \result == TSR_OK;
  @*/
int tsr_dkg_round2_p2p_encode(uint8_t out[TSR_DKG_ROUND2_P2P_BYTES], const tsr_dkg_round2_p2p *m);
/*@ requires valid_m: \valid(m);
  @ requires valid_in: \valid_read(in + (0 .. inlen - 1));
  @ requires valid_reason: reason == \null || \valid(reason);
  @ requires sep: \separated(m, in + (0 .. inlen - 1));
  @ requires sep_reason: reason == \null || \separated(reason, m, in + (0 .. inlen - 1));
  @ assigns *m, *reason;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_ENCODING ||
  @   \result == TSR_ERR_RANGE;
  @ ensures reason_ok: tsr_reason_ok(reason, \result);
  @*/
int tsr_dkg_round2_p2p_decode(tsr_dkg_round2_p2p *m, uint32_t sender, const uint8_t *in, size_t inlen,
                              tsr_check *reason);
/*@ requires valid_out: \valid(out + (0 .. outcap - 1));
  @ requires valid_outlen: \valid(outlen);
  @ requires valid_m: \valid_read(m);
  @ requires sep: \separated(out + (0 .. outcap - 1), outlen, m);
  @ assigns out[0 .. outcap - 1], *outlen;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG;
  @ ensures len: \result == TSR_OK ==> *outlen <= outcap;
  @ ensures len_err: \result != TSR_OK ==> *outlen == 0;
  @*/
int tsr_dkg_round3_encode(uint8_t *out, size_t outcap, size_t *outlen, const tsr_dkg_round3_msg *m);
/*@ requires valid_m: \valid(m);
  @ requires valid_in: \valid_read(in + (0 .. inlen - 1));
  @ requires valid_reason: reason == \null || \valid(reason);
  @ requires sep: \separated(m, in + (0 .. inlen - 1));
  @ requires sep_reason: reason == \null || \separated(reason, m, in + (0 .. inlen - 1));
  @ assigns *m, *reason;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_ENCODING ||
  @   \result == TSR_ERR_RANGE;
  @ ensures reason_ok: tsr_reason_ok(reason, \result);
  @*/
int tsr_dkg_round3_decode(tsr_dkg_round3_msg *m, uint32_t sender, const uint8_t *in, size_t inlen, tsr_check *reason);
/*@ requires valid_out: \valid(out + (0 .. outcap - 1));
  @ requires valid_outlen: \valid(outlen);
  @ requires valid_m: \valid_read(m);
  @ requires sep: \separated(out + (0 .. outcap - 1), outlen, m);
  @ assigns out[0 .. outcap - 1], *outlen;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG;
  @ ensures len: \result == TSR_OK ==> *outlen <= outcap;
  @ ensures len_err: \result != TSR_OK ==> *outlen == 0;
  @*/
int tsr_dkg_round4_encode(uint8_t *out, size_t outcap, size_t *outlen, const tsr_dkg_round4_msg *m);
/*@ requires valid_m: \valid(m);
  @ requires valid_in: \valid_read(in + (0 .. inlen - 1));
  @ requires valid_reason: reason == \null || \valid(reason);
  @ requires sep: \separated(m, in + (0 .. inlen - 1));
  @ requires sep_reason: reason == \null || \separated(reason, m, in + (0 .. inlen - 1));
  @ assigns *m, *reason;
  @ ensures codes: \result == TSR_OK || \result == TSR_ERR_ARG || \result == TSR_ERR_ENCODING ||
  @   \result == TSR_ERR_RANGE;
  @ ensures reason_ok: tsr_reason_ok(reason, \result);
  @*/
int tsr_dkg_round4_decode(tsr_dkg_round4_msg *m, uint32_t sender, const uint8_t *in, size_t inlen, tsr_check *reason);

#ifdef __cplusplus
}
#endif
#endif
