/* Tessera common definitions: error codes, check ids, blame records, limits and the context. */
#ifndef TESSERA_COMMON_H
#define TESSERA_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Upper bound on parties in any ceremony; bounds every fixed array in ref/ (no heap in the
 * sharing/FROST/DKG core). Override at build time with -DTSR_MAX_PARTIES=... */
#ifndef TSR_MAX_PARTIES
#define TSR_MAX_PARTIES 256
#endif

/* Return codes. Every function returns TSR_OK or one of these. */
#define TSR_OK            0
#define TSR_ERR_ARG      (-1) /* caller error: bad argument, size, threshold, identifiers */
#define TSR_ERR_ENCODING (-2) /* input bytes are not a canonical encoding */
#define TSR_ERR_RANGE    (-3) /* value out of its range (scalar >= n, identity where forbidden) */
#define TSR_ERR_STATE    (-4) /* call out of phase, or a consumed secret used again */
#define TSR_ERR_VERIFY   (-5) /* a proof, commitment or signature check failed */
#define TSR_ERR_POLICY   (-6) /* a signer's policy refused the request */
#define TSR_ERR_INTERNAL (-7) /* should not happen: a dependency failed unexpectedly */

/* Check ids: the precise reason a decoder or verifier rejected its input. Stable numbers: they
 * appear in vectors, blame records and reports. Append only. */
typedef enum {
    TSR_CHECK_NONE = 0,
    TSR_CHECK_LENGTH = 1,            /* input has the wrong length */
    TSR_CHECK_TRUNCATED = 2,         /* input ends inside a field */
    TSR_CHECK_TRAILING = 3,          /* bytes left after the last field */
    TSR_CHECK_VERSION = 4,           /* unknown wire version */
    TSR_CHECK_SUITE = 5,             /* unknown suite */
    TSR_CHECK_TYPE = 6,              /* unknown message type */
    TSR_CHECK_COUNT = 7,             /* a count exceeds TSR_MAX_PARTIES or its limit */
    TSR_CHECK_SIZE = 8,              /* a length exceeds its cap */
    TSR_CHECK_SCALAR_RANGE = 9,      /* scalar encoding >= n */
    TSR_CHECK_SCALAR_ZERO = 10,      /* zero where a non-zero scalar is required */
    TSR_CHECK_POINT_PREFIX = 11,     /* compressed point prefix is not 02 or 03 */
    TSR_CHECK_POINT_X_RANGE = 12,    /* x coordinate >= p */
    TSR_CHECK_POINT_NOT_ON_CURVE = 13, /* x^3 + 7 is not a square mod p */
    TSR_CHECK_POINT_IDENTITY = 14,   /* the identity where it is forbidden */
    TSR_CHECK_ID_ZERO = 15,          /* identifier is zero */
    TSR_CHECK_ID_DUPLICATE = 16,     /* two identifiers are equal */
    TSR_CHECK_ID_UNKNOWN = 17,       /* identifier not in the roster */
    TSR_CHECK_THRESHOLD = 18,        /* threshold t not in 1..n */
    TSR_CHECK_COMMITMENT_COUNT = 19, /* commitment vector length differs from t */
    TSR_CHECK_FELDMAN = 20,          /* share fails Feldman verification */
    TSR_CHECK_PEDERSEN = 21,         /* share fails Pedersen verification */
    TSR_CHECK_SESSION = 22,          /* message belongs to another session */
    TSR_CHECK_SENDER = 23,           /* sender id out of range or unexpected */
    TSR_CHECK_POK = 24,              /* proof of knowledge of the constant term fails */
    TSR_CHECK_EQUIVOCATION = 25,     /* parties saw different round-1 broadcasts */
    TSR_CHECK_FALSE_COMPLAINT = 26,  /* an accusation refuted by the publicly opened share */
    TSR_CHECK_MISSING = 27,          /* an expected message or entry is absent */
    TSR_CHECK_SIGNATURE_SHARE = 28,  /* a signature share fails verify_signature_share */
    TSR_CHECK_SIGNATURE = 29,        /* the final signature does not verify */
    TSR_CHECK_ID_ORDER = 30,         /* identifiers are not strictly ascending */
    TSR_CHECK_OWN_COMMITMENT = 31,   /* the signer's own commitment is absent or altered */
    TSR_CHECK_SIGNER_COUNT = 32,     /* number of signers not in t..n */
    TSR_CHECK_CERTIFICATE = 33,      /* a success-certificate signature does not verify */
    TSR_CHECK_TWEAK = 34,            /* a tweak is >= n or makes the key the identity */
    TSR_CHECK_DUPLICATE_CONTRIBUTION = 35, /* a contribution equals another party's (transplant) */
    TSR_CHECK_REQUEST = 36,          /* a signing request differs from what the signer approved */
    TSR_CHECK__COUNT = 37
} tsr_check;

/* Phases, for blame records. */
typedef enum {
    TSR_PHASE_NONE = 0,
    TSR_PHASE_SHARING = 1, /* dealer sharing and VSS */
    TSR_PHASE_KEYGEN = 2,
    TSR_PHASE_SIGN = 3,
    TSR_PHASE_AGGREGATE = 4,
    TSR_PHASE_AUX = 5,
    TSR_PHASE_PRESIGN = 6,
    TSR_PHASE_REFRESH = 7,
    TSR_PHASE__COUNT = 8
} tsr_phase;

/* Suites (the wire's suite byte). */
#define TSR_SUITE_SECP256K1_SHA256 1 /* RFC 9591 FROST(secp256k1, SHA-256) and friends */
#define TSR_SUITE_SECP256K1_TR     2 /* BIP340/Taproot variant */

/* Culprit values that are not party ids (party ids are 1..TSR_MAX_PARTIES). */
#define TSR_CULPRIT_NONE        0u          /* nobody is at fault (or nobody can be named) */
#define TSR_CULPRIT_COORDINATOR 0xffffffffu /* the dealer, coordinator or aggregator */

/* A blame record: who is at fault, where, and which check failed. Never holds a secret. */
typedef struct {
    uint32_t culprit; /* party id at fault, TSR_CULPRIT_NONE or TSR_CULPRIT_COORDINATOR */
    uint16_t phase;   /* tsr_phase */
    uint16_t round;   /* protocol round, 1-based; 0 if not applicable */
    uint16_t check;   /* tsr_check */
} tsr_blame;

/* Returns: a static, human-readable name of an error code (never NULL). */
const char *tsr_strerror(int err);
/* Returns: a static, human-readable description of a check id (never NULL). */
const char *tsr_check_name(int check);
/* Returns: a static name of a phase (never NULL). */
const char *tsr_phase_name(int phase);

/* Fills a blame record. blame may be NULL (then nothing happens). */
void tsr_blame_set(tsr_blame *blame, uint32_t culprit, tsr_phase phase, uint16_t round, tsr_check check);

/* Overwrites n bytes at p with zeros in a way the compiler cannot elide (memset + barrier).
 * In: p (may be NULL only if n == 0), n. */
/*@ requires valid_p: \valid((char *)p + (0 .. n - 1));
  @ assigns ((char *)p)[0 .. n - 1];
  @ ensures zeroed: \forall integer i; 0 <= i < n ==> ((char *)p)[i] == 0;
  @*/
void tsr_memzero(void *p, size_t n);

/* The context: owns the libsecp256k1 context used by every curve operation. It holds no secret
 * of a protocol; it may be shared by parties of one process (read-only after creation). */
typedef struct tsr_context_s tsr_context;

/* Returns: a new context, or NULL if allocation failed.
 * In: seed32: 32 random bytes for libsecp256k1's side-channel blinding, or NULL for none. */
tsr_context *tsr_context_create(const uint8_t *seed32);
/* Destroys a context created by tsr_context_create (NULL is ignored). */
void tsr_context_destroy(tsr_context *ctx);

#ifdef __cplusplus
}
#endif
#endif
