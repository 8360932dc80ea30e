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
 *    p2p        share f_i(j) to each j != i.
 *  3 broadcast  round3: the list of dealers whose share failed Feldman verification; when the list
 *               is empty, a BIP340 signature with the final share s_i over the certificate
 *               message (session, eq, group key, verifying shares).
 *  4 broadcast  round4 (only if someone complained): each accused dealer opens the shares it sent
 *               to its accusers; round5 resolves: the dealer is blamed if the opened share fails
 *               (or is not opened), else the accuser (TSR_CHECK_FALSE_COMPLAINT). The DKG then
 *               fails: no key is output after a complaint.
 * Any failing check blames the sender (never an honest party) and the DKG fails; a round-2 hash
 * mismatch aborts before any share is used (TSR_CHECK_EQUIVOCATION, culprit TSR_CULPRIT_NONE:
 * without signed broadcasts the equivocator cannot be proved). */

#define TSR_DKG_POK_MAX_BYTES 65 /* plain: R (33) || mu (32); TR: x(R) (32) || mu (32) */

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
} tsr_dkg_round2_p2p;

typedef struct {
    uint32_t sender;
    size_t naccused;
    uint32_t accused[TSR_MAX_PARTIES]; /* strictly ascending dealer ids */
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

/* A party's state. Secret: f, received shares, share. Large (one commitment per dealer): allocate
 * it, do not put it on a small stack. Wipe with tsr_dkg_state_clear. */
typedef struct {
    uint32_t magic;
    int phase;  /* next expected call; a call out of phase is TSR_ERR_STATE, a failed round leaves
                   the state in a failed phase where every call is TSR_ERR_STATE */
    uint8_t suite;
    uint8_t session[32];
    uint32_t id;
    size_t t, n;
    tsr_poly f;
    tsr_scalar pok_k;  /* PoK nonce, wiped after round1 */
    uint8_t cert_aux[32];
    tsr_vss_commitment comm[TSR_MAX_PARTIES]; /* C_j of dealer j+1 */
    tsr_scalar recv[TSR_MAX_PARTIES];         /* f_j(id) received from dealer j+1 */
    uint8_t accused_by_me[TSR_MAX_PARTIES];
    uint8_t accusing_me[TSR_MAX_PARTIES];     /* accusers of this party (round 3) */
    int any_complaint;
    tsr_scalar share;  /* s_i, set in round 3 */
    tsr_dkg_public pub;
} tsr_dkg_state;

/* Proof of knowledge (spec/dkg.md §PoK). session32 may be NULL (ZF's challenge, for vectors).
 * prove: R = k*G (TR: k negated when R has odd y), mu = k + a0*c. Secret: a0, k.
 * verify: R == mu*G - c*C0. Returns TSR_OK or TSR_ERR_VERIFY. Public inputs. */
int tsr_dkg_pok_prove(const tsr_context *ctx, tsr_point *r, tsr_scalar *mu, uint8_t suite,
                      const uint8_t *session32, uint32_t id, const tsr_scalar *a0, const tsr_point *c0,
                      const tsr_scalar *k);
int tsr_dkg_pok_verify(const tsr_context *ctx, uint8_t suite, const uint8_t *session32, uint32_t id,
                       const tsr_point *c0, const tsr_point *r, const tsr_scalar *mu);

/* Starts party id (1..n) of a t-of-n DKG. f: the polynomial to deal (t coefficients; for vectors)
 * or NULL to draw it from rand. randlen must be 64*t + 64 (f == NULL) or 64: the last 64 bytes
 * are the PoK nonce (reduced from 32... see spec) and the certificate's aux randomness.
 * Returns: TSR_OK or TSR_ERR_ARG (suite, t, n, id, randlen, all-zero rand). Secret: f, rand. */
int tsr_dkg_init(const tsr_context *ctx, tsr_dkg_state *st, uint8_t suite, const uint8_t session32[32],
                 uint32_t id, size_t t, size_t n, const tsr_poly *f, const uint8_t *rand, size_t randlen);

int tsr_dkg_round1(const tsr_context *ctx, tsr_dkg_state *st, tsr_dkg_round1_msg *out);

/* In: the n round-1 messages (any order; its own included). Checks each: sender in 1..n and not
 * repeated, commitment count == t (TSR_CHECK_COMMITMENT_COUNT), no identity point, PoK under this
 * session and the sender's id (TSR_CHECK_POK), C_0 not equal to another sender's
 * (TSR_CHECK_DUPLICATE_CONTRIBUTION), a missing sender (TSR_CHECK_MISSING).
 * Out: bcast (eq hash) and p2p[0..n-1] (p2p[j] for party j+1; the entry for itself is its own
 * share, kept). Every culprit goes to blames (up to cap, *nblames the count).
 * Returns TSR_OK, TSR_ERR_VERIFY (culprits named), TSR_ERR_STATE, TSR_ERR_ARG. */
int tsr_dkg_round2(const tsr_context *ctx, tsr_dkg_state *st, tsr_dkg_round2_bcast *bcast,
                   tsr_dkg_round2_p2p *p2p, tsr_blame *blames, size_t cap, size_t *nblames,
                   const tsr_dkg_round1_msg *in, size_t nin);

/* In: the n round-2 broadcasts and the n-1 shares addressed to this party (any order).
 * Hash mismatch: TSR_ERR_VERIFY, TSR_CHECK_EQUIVOCATION, no share used. Otherwise verifies each
 * share (Feldman) and complains about failures; with no complaint computes s_i, PK, PK_j and
 * signs the certificate. Out: round-3 message. */
int tsr_dkg_round3(const tsr_context *ctx, tsr_dkg_state *st, tsr_dkg_round3_msg *out,
                   tsr_blame *blames, size_t cap, size_t *nblames,
                   const tsr_dkg_round2_bcast *bcasts, size_t nb, const tsr_dkg_round2_p2p *shares, size_t ns);

/* In: the n round-3 messages. No complaint and every certificate valid: *done = 1, TSR_OK.
 * Complaints: *done = 0, out holds this party's openings (possibly none), TSR_OK; call round5.
 * A certificate that does not verify: TSR_ERR_VERIFY naming its signer. */
int tsr_dkg_round4(const tsr_context *ctx, tsr_dkg_state *st, tsr_dkg_round4_msg *out, int *done,
                   tsr_blame *blames, size_t cap, size_t *nblames, const tsr_dkg_round3_msg *in, size_t nin);

/* In: the round-4 messages of the accused dealers. Always TSR_ERR_VERIFY with the blames. */
int tsr_dkg_round5(const tsr_context *ctx, tsr_dkg_state *st, tsr_blame *blames, size_t cap,
                   size_t *nblames, const tsr_dkg_round4_msg *in, size_t nin);

/* After round4 reported done: the secret share and the public result. Secret: share. */
int tsr_dkg_result(const tsr_dkg_state *st, tsr_scalar *share, tsr_dkg_public *pub);

/* Verifies a public result on its own: every certificate signature under x(PK_j), and PK_j
 * consistent with the group key by interpolation of t of them. Returns TSR_OK or TSR_ERR_VERIFY
 * (blame names the first bad signer, TSR_CHECK_CERTIFICATE). */
int tsr_dkg_certificate_verify(const tsr_context *ctx, const tsr_dkg_public *pub, tsr_blame *blame);

void tsr_dkg_state_clear(tsr_dkg_state *st);

/* Strict encodings of every message (spec/dkg.md §Encoding), decoders with *reason:
 *  round1: u16be t || t * point (33) || PoK (65 plain, 64 TR)
 *  round2 bcast: eq_hash (32);  round2 p2p: u32be recipient || share (32)
 *  round3: u16be k || k * u32be accused || (k == 0: cert_sig (64))
 *  round4: u16be k || k * (u32be accuser || share (32))
 * The sender and the suite travel in the wire frame header (tsr_frame). */
int tsr_dkg_round1_encode(const tsr_context *ctx, uint8_t *out, size_t outcap, size_t *outlen, uint8_t suite,
                          const tsr_dkg_round1_msg *m);
int tsr_dkg_round1_decode(const tsr_context *ctx, tsr_dkg_round1_msg *m, uint8_t suite, uint32_t sender,
                          const uint8_t *in, size_t inlen, tsr_check *reason);
int tsr_dkg_round2_p2p_encode(uint8_t out[36], const tsr_dkg_round2_p2p *m);
int tsr_dkg_round2_p2p_decode(tsr_dkg_round2_p2p *m, uint32_t sender, const uint8_t *in, size_t inlen,
                              tsr_check *reason);
int tsr_dkg_round3_encode(uint8_t *out, size_t outcap, size_t *outlen, const tsr_dkg_round3_msg *m);
int tsr_dkg_round3_decode(tsr_dkg_round3_msg *m, uint32_t sender, const uint8_t *in, size_t inlen, tsr_check *reason);
int tsr_dkg_round4_encode(uint8_t *out, size_t outcap, size_t *outlen, const tsr_dkg_round4_msg *m);
int tsr_dkg_round4_decode(tsr_dkg_round4_msg *m, uint32_t sender, const uint8_t *in, size_t inlen, tsr_check *reason);

#ifdef __cplusplus
}
#endif
#endif
