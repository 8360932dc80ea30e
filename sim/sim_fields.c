/* The simulator's message fields and generic mutators: a walker per wire message, the mutations
 * of one field (or of a frame header field), target names, and every name table (strategies,
 * mutators, properties, checks) with the `tessera sim strategies | fields` texts. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tessera/wire.h"
#include "sim.h"
#include "sim_bytes.h"

/* ==== small helpers ========================================================================== */


static void tsr_fw_err(char *err, size_t errcap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void tsr_fw_err(char *err, size_t errcap, const char *fmt, ...) {
    va_list ap;
    if (err == NULL || errcap == 0) {
        return;
    }
    va_start(ap, fmt);
    vsnprintf(err, errcap, fmt, ap);
    va_end(ap);
}

/* The group order n, the field prime p, and an x coordinate with x^3 + 7 a non-square mod p
 * (5^3 + 7 = 132; checked with Euler's criterion: 132^((p-1)/2) = -1 mod p). */
static const uint8_t tsr_fw_order_n[32] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
    0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41,
};
static const uint8_t tsr_fw_prime_p[32] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0xfc, 0x2f,
};
#define TSR_FW_OFF_CURVE_X 5u

/* v (32 bytes, big-endian) += m; on a carry out of 2^256, every byte becomes 0xff. */
static void tsr_fw_add256(uint8_t *v, const uint8_t m[32]) {
    unsigned carry = 0;
    int i;
    for (i = 31; i >= 0; i--) {
        unsigned s = (unsigned)v[i] + (unsigned)m[i] + carry;
        v[i] = (uint8_t)s;
        carry = s >> 8;
    }
    if (carry) {
        memset(v, 0xff, 32);
    }
}

/* ==== messages and their fields (static description) ========================================= */

typedef struct {
    uint16_t type;
    const char *name;
    const char *who;    /* sender and channel */
    const char *layout; /* the payload encoding */
} tsr_fw_msg;

static const tsr_fw_msg tsr_fw_msgs[] = {
    {TSR_MSG_DKG_ROUND1, "dkg.round1", "each party, broadcast",
     "u16 t || t * point (33) || PoK (plain: R (33) || mu (32); TR: x(R) (32) || mu (32))"},
    {TSR_MSG_DKG_ROUND2_EQ, "dkg.round2.eq", "each party, broadcast", "eq_hash (32)"},
    {TSR_MSG_DKG_ROUND2_SHARE, "dkg.round2.share", "dealer to each other party",
     "u32 recipient || share (32) || sig (64)"},
    {TSR_MSG_DKG_ROUND3, "dkg.round3", "each party, broadcast",
     "u16 k || k * (u32 accused || u8 kind || [kind 1: share (32) || sig (64)]) || [k = 0: cert_sig (64)]"},
    {TSR_MSG_DKG_ROUND4, "dkg.round4", "each party, broadcast", "u16 k || k * (u32 accuser || share (32))"},
    {TSR_MSG_FROST_COMMITMENT, "frost.commit", "signer to coordinator", "u32 id || hiding D (33) || binding E (33)"},
    {TSR_MSG_FROST_REQUEST, "frost.request", "coordinator to each signer",
     "u32 msglen || msg || list: u16 k || k * (u32 id || hiding (33) || binding (33))"},
    {TSR_MSG_FROST_SIGSHARE, "frost.sigshare", "signer to coordinator", "u32 id || z (32)"},
    {TSR_MSG_FROST_SIGNATURE, "frost.signature", "coordinator to every party",
     "sig: plain R (33) || z (32), 65 bytes; TR x(R) (32) || z (32), 64 bytes"},
};
#define TSR_FW_NMSGS (sizeof tsr_fw_msgs / sizeof tsr_fw_msgs[0])

/* Roles of a field inside its message (they decide what RESIZE, STRIP and DUP_ID do). */
enum {
    TSR_FW_PLAIN = 0, /* a field on its own */
    TSR_FW_VECTOR,    /* a whole vector: u16 count || entries */
    TSR_FW_COUNT,     /* the u16 count of a vector ("<vector>.count") */
    TSR_FW_ENTRY,     /* a whole entry of a vector ("commitment[2]") */
    TSR_FW_SUB,       /* a field of an entry ("list[1].id") */
    TSR_FW_LENBYTES   /* bytes after their own u32 length prefix (frost.request.msg) */
};

typedef struct {
    uint16_t type;
    const char *pattern; /* field name, "[i]" for an entry index */
    int kind;            /* tsr_sim_field_kind (plain suite) */
    int kind_tr;         /* kind in the TR suite, 0: the same */
    const char *size;    /* bytes, for the table */
    int identifiable;    /* any change is always caught and blamed on the sender; 2: only entry 0 */
    int role;
    int ids;             /* an id of a list entry, or a vector whose entries have ids: DUP_ID applies */
    const char *note;
} tsr_fw_desc;

/* Identifiable flags (1: any change of the message that every receiver gets is caught by an
 * honest receiver and blamed on the sender; a broadcast changed for some receivers only is
 * equivocation, which no field flag covers):
 * - dkg.round1: count, commitment[0], pok_r, pok_mu 1 (a bad encoding fails the decoder, another
 *   count the length, another C_0 or PoK fails POK); commitment[i > 0] and the whole vector 0:
 *   another valid C_k (k > 0) passes every round-2 check, and since the sender's own copy is never
 *   mutated its eq hash differs from everyone else's: EQUIVOCATION, culprit none.
 * - dkg.round2.eq: 0 (a mismatch aborts with EQUIVOCATION, culprit none).
 * - dkg.round2.share: 0 (a share, signature or recipient changed after signing is an invalid
 *   signed share: the receiver files NO_SHARE, the dealer's valid opening then names nobody;
 *   only encodings the decoder refuses are blamed).
 * - dkg.round3: count, kind, share, sig, cert_sig 1 (changed evidence is a FALSE_COMPLAINT, a
 *   changed certificate signature fails CERTIFICATE, another count or kind breaks the decoding);
 *   complaints and complaints[i].accused 0 (a NO_SHARE against an honest dealer is answered by a
 *   valid opening: nobody named).
 * - dkg.round4: 0 (openings nobody asked for are ignored).
 * - frost.commit: id 1 (it must equal the frame sender); hiding and binding 0 (another valid
 *   point makes the signer's own sign refuse its altered commitment: it sends no share and is
 *   only marked unresponsive; invalid encodings are blamed).
 * - frost.request: 0 (sent by the coordinator, attributable only to it).
 * - frost.sigshare: 1 (SENDER or SIGNATURE_SHARE). frost.signature: 0.
 * - frame.*: 1 (tsr_sim_open refuses the frame and the receiver blames the link sender). */
static const tsr_fw_desc tsr_fw_descs[] = {
    {TSR_MSG_DKG_ROUND1, "commitment", TSR_SIM_K_VECTOR, 0, "2+33t", 0, TSR_FW_VECTOR, 0,
     "the Feldman commitment with its count"},
    {TSR_MSG_DKG_ROUND1, "commitment.count", TSR_SIM_K_COUNT, 0, "2", 1, TSR_FW_COUNT, 0, "t"},
    {TSR_MSG_DKG_ROUND1, "commitment[i]", TSR_SIM_K_POINT, 0, "33", 2, TSR_FW_ENTRY, 0,
     "C_i (identifiable: C_0 only, bound by the PoK)"},
    {TSR_MSG_DKG_ROUND1, "pok_r", TSR_SIM_K_POINT, TSR_SIM_K_XONLY, "33/32", 1, TSR_FW_PLAIN, 0,
     "PoK commitment R (TR: x-only)"},
    {TSR_MSG_DKG_ROUND1, "pok_mu", TSR_SIM_K_SCALAR, 0, "32", 1, TSR_FW_PLAIN, 0, "PoK response mu"},
    {TSR_MSG_DKG_ROUND2_EQ, "eq_hash", TSR_SIM_K_HASH, 0, "32", 0, TSR_FW_PLAIN, 0,
     "hash of the round-1 transcript (mismatch: abort without culprit)"},
    {TSR_MSG_DKG_ROUND2_SHARE, "recipient", TSR_SIM_K_ID, 0, "4", 0, TSR_FW_PLAIN, 0, "recipient id"},
    {TSR_MSG_DKG_ROUND2_SHARE, "share", TSR_SIM_K_SCALAR, 0, "32", 0, TSR_FW_PLAIN, 0, "f_i(recipient)"},
    {TSR_MSG_DKG_ROUND2_SHARE, "sig", TSR_SIM_K_SIG, 0, "64", 0, TSR_FW_PLAIN, 0, "dealer's BIP340 signature"},
    {TSR_MSG_DKG_ROUND3, "complaints", TSR_SIM_K_VECTOR, 0, "2+...", 0, TSR_FW_VECTOR, 1,
     "the complaints with their count"},
    {TSR_MSG_DKG_ROUND3, "complaints.count", TSR_SIM_K_COUNT, 0, "2", 1, TSR_FW_COUNT, 0, "k"},
    {TSR_MSG_DKG_ROUND3, "complaints[i].accused", TSR_SIM_K_ID, 0, "4", 0, TSR_FW_SUB, 1, "accused dealer"},
    {TSR_MSG_DKG_ROUND3, "complaints[i].kind", TSR_SIM_K_U8, 0, "1", 1, TSR_FW_SUB, 0,
     "1 BAD_SHARE, 2 NO_SHARE"},
    {TSR_MSG_DKG_ROUND3, "complaints[i].share", TSR_SIM_K_SCALAR, 0, "32", 1, TSR_FW_SUB, 0,
     "BAD_SHARE evidence: the share"},
    {TSR_MSG_DKG_ROUND3, "complaints[i].sig", TSR_SIM_K_SIG, 0, "64", 1, TSR_FW_SUB, 0,
     "BAD_SHARE evidence: the dealer's signature"},
    {TSR_MSG_DKG_ROUND3, "cert_sig", TSR_SIM_K_SIG, 0, "64", 1, TSR_FW_PLAIN, 0,
     "certificate signature (only when k = 0)"},
    {TSR_MSG_DKG_ROUND4, "openings", TSR_SIM_K_VECTOR, 0, "2+36k", 0, TSR_FW_VECTOR, 1,
     "the openings with their count"},
    {TSR_MSG_DKG_ROUND4, "openings.count", TSR_SIM_K_COUNT, 0, "2", 0, TSR_FW_COUNT, 0, "k"},
    {TSR_MSG_DKG_ROUND4, "openings[i].accuser", TSR_SIM_K_ID, 0, "4", 0, TSR_FW_SUB, 1, "NO_SHARE accuser"},
    {TSR_MSG_DKG_ROUND4, "openings[i].share", TSR_SIM_K_SCALAR, 0, "32", 0, TSR_FW_SUB, 0, "opened share"},
    {TSR_MSG_FROST_COMMITMENT, "id", TSR_SIM_K_ID, 0, "4", 1, TSR_FW_PLAIN, 0, "signer id (= frame sender)"},
    {TSR_MSG_FROST_COMMITMENT, "hiding", TSR_SIM_K_POINT, 0, "33", 0, TSR_FW_PLAIN, 0,
     "D (another valid point: the signer refuses to sign)"},
    {TSR_MSG_FROST_COMMITMENT, "binding", TSR_SIM_K_POINT, 0, "33", 0, TSR_FW_PLAIN, 0,
     "E (another valid point: the signer refuses to sign)"},
    {TSR_MSG_FROST_REQUEST, "msglen", TSR_SIM_K_U32, 0, "4", 0, TSR_FW_PLAIN, 0, "length of msg"},
    {TSR_MSG_FROST_REQUEST, "msg", TSR_SIM_K_BYTES, 0, "msglen", 0, TSR_FW_LENBYTES, 0,
     "message to sign (msglen follows its changes)"},
    {TSR_MSG_FROST_REQUEST, "list", TSR_SIM_K_VECTOR, 0, "2+70k", 0, TSR_FW_VECTOR, 1,
     "commitment list with its count"},
    {TSR_MSG_FROST_REQUEST, "list.count", TSR_SIM_K_COUNT, 0, "2", 0, TSR_FW_COUNT, 0, "k"},
    {TSR_MSG_FROST_REQUEST, "list[i].id", TSR_SIM_K_ID, 0, "4", 0, TSR_FW_SUB, 1, "signer id"},
    {TSR_MSG_FROST_REQUEST, "list[i].hiding", TSR_SIM_K_POINT, 0, "33", 0, TSR_FW_SUB, 0, "D"},
    {TSR_MSG_FROST_REQUEST, "list[i].binding", TSR_SIM_K_POINT, 0, "33", 0, TSR_FW_SUB, 0, "E"},
    {TSR_MSG_FROST_SIGSHARE, "id", TSR_SIM_K_ID, 0, "4", 1, TSR_FW_PLAIN, 0, "signer id (= frame sender)"},
    {TSR_MSG_FROST_SIGSHARE, "z", TSR_SIM_K_SCALAR, 0, "32", 1, TSR_FW_PLAIN, 0, "signature share"},
    {TSR_MSG_FROST_SIGNATURE, "sig", TSR_SIM_K_SIG, 0, "65/64", 0, TSR_FW_PLAIN, 0,
     "the aggregate signature (plain 65, TR 64 bytes)"},
    /* every message: the whole payload, last (the AFL++ adversary harness replaces it) */
    {TSR_MSG_DKG_ROUND1, "payload", TSR_SIM_K_BYTES, 0, "all", 0, TSR_FW_PLAIN, 0, "the whole payload"},
    {TSR_MSG_DKG_ROUND2_EQ, "payload", TSR_SIM_K_BYTES, 0, "all", 0, TSR_FW_PLAIN, 0, "the whole payload"},
    {TSR_MSG_DKG_ROUND2_SHARE, "payload", TSR_SIM_K_BYTES, 0, "all", 0, TSR_FW_PLAIN, 0, "the whole payload"},
    {TSR_MSG_DKG_ROUND3, "payload", TSR_SIM_K_BYTES, 0, "all", 0, TSR_FW_PLAIN, 0, "the whole payload"},
    {TSR_MSG_DKG_ROUND4, "payload", TSR_SIM_K_BYTES, 0, "all", 0, TSR_FW_PLAIN, 0, "the whole payload"},
    {TSR_MSG_FROST_COMMITMENT, "payload", TSR_SIM_K_BYTES, 0, "all", 0, TSR_FW_PLAIN, 0, "the whole payload"},
    {TSR_MSG_FROST_REQUEST, "payload", TSR_SIM_K_BYTES, 0, "all", 0, TSR_FW_PLAIN, 0, "the whole payload"},
    {TSR_MSG_FROST_SIGSHARE, "payload", TSR_SIM_K_BYTES, 0, "all", 0, TSR_FW_PLAIN, 0, "the whole payload"},
    {TSR_MSG_FROST_SIGNATURE, "payload", TSR_SIM_K_BYTES, 0, "all", 0, TSR_FW_PLAIN, 0, "the whole payload"},
};
#define TSR_FW_NDESCS (sizeof tsr_fw_descs / sizeof tsr_fw_descs[0])

/* Frame header fields (wire.h): every message has them. */
typedef struct {
    const char *name;
    size_t off, len;
    const char *note;
} tsr_fw_framefield;

static const tsr_fw_framefield tsr_fw_frame[] = {
    {"frame.version", 0, 1, "u8, 1"},
    {"frame.suite", 1, 1, "u8, 1 plain / 2 TR"},
    {"frame.type", 2, 2, "u16 message type"},
    {"frame.session", 4, 32, "session id"},
    {"frame.sender", 36, 4, "u32 protocol id of the sender (0: coordinator)"},
    {"frame.nfields", 40, 2, "u16 field count (1)"},
    {"frame.length", 42, 4, "u32 length prefix of the first field"},
};
#define TSR_FW_NFRAME (sizeof tsr_fw_frame / sizeof tsr_fw_frame[0])

static const char *tsr_fw_kind_name(int kind) {
    switch (kind) {
    case TSR_SIM_K_U8: return "u8";
    case TSR_SIM_K_U16: return "u16";
    case TSR_SIM_K_U32: return "u32";
    case TSR_SIM_K_ID: return "id u32";
    case TSR_SIM_K_COUNT: return "count u16";
    case TSR_SIM_K_POINT: return "point";
    case TSR_SIM_K_XONLY: return "x-only";
    case TSR_SIM_K_SCALAR: return "scalar";
    case TSR_SIM_K_SIG: return "signature";
    case TSR_SIM_K_HASH: return "hash";
    case TSR_SIM_K_BYTES: return "bytes";
    case TSR_SIM_K_VECTOR: return "vector";
    case TSR_SIM_K_FRAME: return "frame";
    default: return "?";
    }
}

const char *tsr_sim_msg_name(uint16_t type) {
    size_t i;
    for (i = 0; i < TSR_FW_NMSGS; i++) {
        if (tsr_fw_msgs[i].type == type) {
            return tsr_fw_msgs[i].name;
        }
    }
    return "unknown";
}

static const tsr_fw_desc *tsr_fw_desc_find(uint16_t type, const char *pattern) {
    size_t i;
    for (i = 0; i < TSR_FW_NDESCS; i++) {
        if (tsr_fw_descs[i].type == type && strcmp(tsr_fw_descs[i].pattern, pattern) == 0) {
            return &tsr_fw_descs[i];
        }
    }
    return NULL;
}

/* ==== walkers ================================================================================= */

/* A field as the walker sees it: the public description plus where it sits in its vector. */
typedef struct {
    tsr_sim_field f;
    int role;                 /* TSR_FW_* */
    int ids;                  /* DUP_ID applies (an id of a list entry, or a vector of such entries) */
    long parent;              /* COUNT, ENTRY, SUB: index of its vector among the fields, -1 if the
                               * vector does not fit in the payload */
    size_t entry;             /* ENTRY, SUB: entry index */
    size_t entry_off, entry_len;
    size_t nentries;          /* VECTOR: its entries (its count) */
    size_t ents_off;          /* VECTOR: offset of entry 0 */
    size_t pfx_off, pfx_len;  /* LENBYTES: its u32 length prefix; VECTOR: an optional u32 length of
                               * everything after it (pfx_len 0: none) */
} tsr_fw_fld;

typedef struct {
    tsr_sim_field *pub; /* public output (tsr_sim_fields), or NULL */
    tsr_fw_fld *in;     /* internal output (mutations), or NULL */
    size_t cap, n;      /* n counts every field, also those beyond cap */
} tsr_fw_walk;

static void tsr_fw_tmpl(tsr_fw_fld *x, size_t off, size_t len) {
    memset(x, 0, sizeof *x);
    x->f.off = off;
    x->f.len = len;
    x->f.count_off = SIZE_MAX;
    x->parent = -1;
}

/* "list[i].id" with idx 3 -> "list[3].id". */
static void tsr_fw_name(char *out, size_t cap, const char *pattern, size_t idx) {
    const char *m = strstr(pattern, "[i]");
    if (m == NULL) {
        snprintf(out, cap, "%s", pattern);
    } else {
        snprintf(out, cap, "%.*s[%zu]%s", (int)(m - pattern), pattern, idx, m + 3);
    }
}

static long tsr_fw_push(tsr_fw_walk *w, const char *name, int kind, int ident, int role, int ids, tsr_fw_fld *x) {
    long i = (long)w->n;
    if (w->n < w->cap) {
        snprintf(x->f.name, sizeof x->f.name, "%s", name);
        x->f.kind = kind;
        x->f.identifiable = ident;
        x->role = role;
        x->ids = ids;
        if (w->pub != NULL) {
            w->pub[w->n] = x->f;
        }
        if (w->in != NULL) {
            w->in[w->n] = *x;
        }
    }
    w->n++;
    return i;
}

static long tsr_fw_push_d(tsr_fw_walk *w, uint16_t type, uint8_t suite, const char *pattern, size_t idx,
                          tsr_fw_fld *x) {
    const tsr_fw_desc *d = tsr_fw_desc_find(type, pattern);
    char name[64];
    int kind;
    if (d == NULL) { /* not reached: every pattern the walkers use is in tsr_fw_descs */
        return -1;
    }
    if (w->n >= w->cap) { /* counting only */
        w->n++;
        return (long)w->n - 1;
    }
    kind = (suite == TSR_SUITE_SECP256K1_TR && d->kind_tr != 0) ? d->kind_tr : d->kind;
    tsr_fw_name(name, sizeof name, pattern, idx);
    return tsr_fw_push(w, name, kind, d->identifiable == 2 ? idx == 0 : d->identifiable, d->role, d->ids, x);
}

/* A vector at off: u16 count || count entries of elen bytes, each one ENTRY field ("vec[i]",
 * nsub == 0) or the sub-fields subs[] at offsets rel[] with lengths sl[]. pfx_*: an optional u32
 * length prefix in front of it. Lists the vector (if it fits), its count and the entries that
 * fit. Returns the end offset of the vector, or 0 if it does not fit in the payload. */
static size_t tsr_fw_vec_fixed(tsr_fw_walk *w, uint16_t type, uint8_t suite, const char *vec, const uint8_t *p,
                               size_t len, size_t off, size_t elen, const char *const *subs, const size_t *rel,
                               const size_t *sl, size_t nsub, size_t pfx_off, size_t pfx_len) {
    char pat[64];
    size_t count, end, i, s;
    long vi = -1;
    tsr_fw_fld x;

    if (off > len || len - off < 2) {
        return 0;
    }
    count = tsr_sim_get16(p + off);
    end = off + 2 + count * elen;
    if (end <= len) {
        tsr_fw_tmpl(&x, off, end - off);
        x.f.elem_len = elen;
        x.f.count_off = off;
        x.nentries = count;
        x.ents_off = off + 2;
        x.pfx_off = pfx_off;
        x.pfx_len = pfx_len;
        vi = tsr_fw_push_d(w, type, suite, vec, 0, &x);
    }
    snprintf(pat, sizeof pat, "%s.count", vec);
    tsr_fw_tmpl(&x, off, 2);
    x.parent = vi;
    tsr_fw_push_d(w, type, suite, pat, 0, &x);
    for (i = 0; i < count && off + 2 + (i + 1) * elen <= len; i++) {
        size_t eo = off + 2 + i * elen;
        if (nsub == 0) {
            snprintf(pat, sizeof pat, "%s[i]", vec);
            tsr_fw_tmpl(&x, eo, elen);
            x.parent = vi;
            x.entry = i;
            x.entry_off = eo;
            x.entry_len = elen;
            tsr_fw_push_d(w, type, suite, pat, i, &x);
            continue;
        }
        for (s = 0; s < nsub; s++) {
            snprintf(pat, sizeof pat, "%s[i].%s", vec, subs[s]);
            tsr_fw_tmpl(&x, eo + rel[s], sl[s]);
            x.parent = vi;
            x.entry = i;
            x.entry_off = eo;
            x.entry_len = elen;
            tsr_fw_push_d(w, type, suite, pat, i, &x);
        }
    }
    return end <= len ? end : 0;
}

/* Length of the round-3 complaint at off (5, or 101 for BAD_SHARE), 0 if it does not fit. */
static size_t tsr_fw_complaint_len(const uint8_t *p, size_t len, size_t off) {
    size_t el;
    if (off > len || len - off < 5) {
        return 0;
    }
    el = p[off + 4] == TSR_DKG_COMPLAINT_BAD_SHARE ? 5 + 32 + 64 : 5;
    return len - off < el ? 0 : el;
}

static void tsr_fw_round1(tsr_fw_walk *w, uint8_t suite, const uint8_t *p, size_t len) {
    size_t end, rl = suite == TSR_SUITE_SECP256K1_TR ? 32 : 33;
    tsr_fw_fld x;
    end = tsr_fw_vec_fixed(w, TSR_MSG_DKG_ROUND1, suite, "commitment", p, len, 0, 33, NULL, NULL, NULL, 0, 0, 0);
    if (end == 0) {
        return;
    }
    if (len - end >= rl) {
        tsr_fw_tmpl(&x, end, rl);
        tsr_fw_push_d(w, TSR_MSG_DKG_ROUND1, suite, "pok_r", 0, &x);
    }
    if (len - end >= rl + 32) {
        tsr_fw_tmpl(&x, end + rl, 32);
        tsr_fw_push_d(w, TSR_MSG_DKG_ROUND1, suite, "pok_mu", 0, &x);
    }
}

static void tsr_fw_round3(tsr_fw_walk *w, uint8_t suite, const uint8_t *p, size_t len) {
    size_t k, i, off, el, end;
    int complete = 1;
    long vi = -1;
    tsr_fw_fld x;

    if (len < 2) {
        return;
    }
    k = tsr_sim_get16(p);
    for (i = 0, off = 2; i < k; i++, off += el) {
        if ((el = tsr_fw_complaint_len(p, len, off)) == 0) {
            complete = 0;
            break;
        }
    }
    end = off;
    if (complete) {
        tsr_fw_tmpl(&x, 0, end);
        x.f.elem_len = 0;
        x.f.count_off = 0;
        x.nentries = k;
        x.ents_off = 2;
        vi = tsr_fw_push_d(w, TSR_MSG_DKG_ROUND3, suite, "complaints", 0, &x);
    }
    tsr_fw_tmpl(&x, 0, 2);
    x.parent = vi;
    tsr_fw_push_d(w, TSR_MSG_DKG_ROUND3, suite, "complaints.count", 0, &x);
    for (i = 0, off = 2; i < k; i++, off += el) {
        if ((el = tsr_fw_complaint_len(p, len, off)) == 0) {
            break;
        }
        tsr_fw_tmpl(&x, off, 4);
        x.parent = vi;
        x.entry = i;
        x.entry_off = off;
        x.entry_len = el;
        tsr_fw_push_d(w, TSR_MSG_DKG_ROUND3, suite, "complaints[i].accused", i, &x);
        x.f.off = off + 4;
        x.f.len = 1;
        tsr_fw_push_d(w, TSR_MSG_DKG_ROUND3, suite, "complaints[i].kind", i, &x);
        if (el > 5) {
            x.f.off = off + 5;
            x.f.len = 32;
            tsr_fw_push_d(w, TSR_MSG_DKG_ROUND3, suite, "complaints[i].share", i, &x);
            x.f.off = off + 37;
            x.f.len = 64;
            tsr_fw_push_d(w, TSR_MSG_DKG_ROUND3, suite, "complaints[i].sig", i, &x);
        }
    }
    if (complete && k == 0 && len - end >= 64) {
        tsr_fw_tmpl(&x, end, 64);
        tsr_fw_push_d(w, TSR_MSG_DKG_ROUND3, suite, "cert_sig", 0, &x);
    }
}

static const char *const tsr_fw_list_subs[] = {"id", "hiding", "binding"};
static const size_t tsr_fw_list_rel[] = {0, 4, 37};
static const size_t tsr_fw_list_len[] = {4, 33, 33};
static const char *const tsr_fw_open_subs[] = {"accuser", "share"};
static const size_t tsr_fw_open_rel[] = {0, 4};
static const size_t tsr_fw_open_len[] = {4, 32};

static void tsr_fw_request(tsr_fw_walk *w, uint8_t suite, const uint8_t *p, size_t len) {
    size_t ml, off, pfx_off = 0, pfx_len = 0;
    tsr_fw_fld x;
    if (len < 4) {
        return;
    }
    tsr_fw_tmpl(&x, 0, 4);
    tsr_fw_push_d(w, TSR_MSG_FROST_REQUEST, suite, "msglen", 0, &x);
    ml = tsr_sim_get32(p);
    if (ml > len - 4) {
        return;
    }
    tsr_fw_tmpl(&x, 4, ml);
    x.f.count_off = 0;
    x.pfx_off = 0;
    x.pfx_len = 4;
    tsr_fw_push_d(w, TSR_MSG_FROST_REQUEST, suite, "msg", 0, &x);
    off = 4 + ml;
    /* tolerated: the list behind its own u32 length (the two-field form of spec/frost.md §11.4);
     * a list's own first four bytes (u16 k || high half of an id) never equal its length - 4 */
    if (len - off >= 4 && tsr_sim_get32(p + off) == len - off - 4) {
        pfx_off = off;
        pfx_len = 4;
        off += 4;
    }
    (void)tsr_fw_vec_fixed(w, TSR_MSG_FROST_REQUEST, suite, "list", p, len, off, TSR_FROST_COMMITMENT_BYTES,
                           tsr_fw_list_subs, tsr_fw_list_rel, tsr_fw_list_len, 3, pfx_off, pfx_len);
}

static size_t tsr_fw_siglen(uint8_t suite, size_t len) {
    if (suite == TSR_SUITE_SECP256K1_TR) {
        return 64;
    }
    if (suite == TSR_SUITE_SECP256K1_SHA256) {
        return 65;
    }
    return len == 64 ? 64 : 65;
}

/* Lists the fields of a payload of `type` (type 0: the header fields of a whole frame). */
static void tsr_fw_walk_msg(tsr_fw_walk *w, uint16_t type, uint8_t suite, const uint8_t *p, size_t len) {
    tsr_fw_fld x;
    size_t i;
    if (p == NULL) {
        len = 0;
    }
    switch (type) {
    case 0:
        for (i = 0; i < TSR_FW_NFRAME; i++) {
            if (tsr_fw_frame[i].off + tsr_fw_frame[i].len <= len) {
                tsr_fw_tmpl(&x, tsr_fw_frame[i].off, tsr_fw_frame[i].len);
                tsr_fw_push(w, tsr_fw_frame[i].name, TSR_SIM_K_FRAME, 1, TSR_FW_PLAIN, 0, &x);
            }
        }
        return;
    case TSR_MSG_DKG_ROUND1:
        tsr_fw_round1(w, suite, p, len);
        break;
    case TSR_MSG_DKG_ROUND2_EQ:
        if (len >= 32) {
            tsr_fw_tmpl(&x, 0, 32);
            tsr_fw_push_d(w, type, suite, "eq_hash", 0, &x);
        }
        break;
    case TSR_MSG_DKG_ROUND2_SHARE:
        if (len >= 4) {
            tsr_fw_tmpl(&x, 0, 4);
            tsr_fw_push_d(w, type, suite, "recipient", 0, &x);
        }
        if (len >= 36) {
            tsr_fw_tmpl(&x, 4, 32);
            tsr_fw_push_d(w, type, suite, "share", 0, &x);
        }
        if (len >= 100) {
            tsr_fw_tmpl(&x, 36, 64);
            tsr_fw_push_d(w, type, suite, "sig", 0, &x);
        }
        break;
    case TSR_MSG_DKG_ROUND3:
        tsr_fw_round3(w, suite, p, len);
        break;
    case TSR_MSG_DKG_ROUND4:
        (void)tsr_fw_vec_fixed(w, type, suite, "openings", p, len, 0, 36, tsr_fw_open_subs, tsr_fw_open_rel,
                               tsr_fw_open_len, 2, 0, 0);
        break;
    case TSR_MSG_FROST_COMMITMENT:
        if (len >= 4) {
            tsr_fw_tmpl(&x, 0, 4);
            tsr_fw_push_d(w, type, suite, "id", 0, &x);
        }
        if (len >= 37) {
            tsr_fw_tmpl(&x, 4, 33);
            tsr_fw_push_d(w, type, suite, "hiding", 0, &x);
        }
        if (len >= 70) {
            tsr_fw_tmpl(&x, 37, 33);
            tsr_fw_push_d(w, type, suite, "binding", 0, &x);
        }
        break;
    case TSR_MSG_FROST_REQUEST:
        tsr_fw_request(w, suite, p, len);
        break;
    case TSR_MSG_FROST_SIGSHARE:
        if (len >= 4) {
            tsr_fw_tmpl(&x, 0, 4);
            tsr_fw_push_d(w, type, suite, "id", 0, &x);
        }
        if (len >= 36) {
            tsr_fw_tmpl(&x, 4, 32);
            tsr_fw_push_d(w, type, suite, "z", 0, &x);
        }
        break;
    case TSR_MSG_FROST_SIGNATURE:
        if (len >= tsr_fw_siglen(suite, len)) {
            tsr_fw_tmpl(&x, 0, tsr_fw_siglen(suite, len));
            tsr_fw_push_d(w, type, suite, "sig", 0, &x);
        }
        break;
    default:
        return;
    }
    tsr_fw_tmpl(&x, 0, len); /* the whole payload, listed last */
    (void)tsr_fw_push_d(w, type, suite, "payload", 0, &x);
}

size_t tsr_sim_fields(tsr_sim_field *out, size_t cap, uint16_t type, uint8_t suite, const uint8_t *payload,
                      size_t len) {
    tsr_fw_walk w;
    w.pub = out;
    w.in = NULL;
    w.cap = out == NULL ? 0 : cap;
    w.n = 0;
    tsr_fw_walk_msg(&w, type, suite, payload, len);
    return w.n < w.cap ? w.n : w.cap;
}

/* Every field of the payload with its vector information (heap; *n fields). NULL with *n = 0
 * when the payload has no field (or allocation failed: *oom = 1). */
static tsr_fw_fld *tsr_fw_walk_full(size_t *n, int *oom, uint16_t type, uint8_t suite, const uint8_t *p,
                                    size_t len) {
    tsr_fw_walk w;
    tsr_fw_fld *a;
    *oom = 0;
    memset(&w, 0, sizeof w);
    tsr_fw_walk_msg(&w, type, suite, p, len);
    *n = w.n;
    if (w.n == 0) {
        return NULL;
    }
    a = calloc(w.n, sizeof *a);
    if (a == NULL) {
        *oom = 1;
        *n = 0;
        return NULL;
    }
    w.in = a;
    w.cap = *n;
    w.n = 0;
    tsr_fw_walk_msg(&w, type, suite, p, len);
    return a;
}

/* ==== mutators ================================================================================ */

typedef struct {
    const char *name;
    const char *applies; /* the fields it applies to */
    const char *desc;
} tsr_fw_mut;

static const tsr_fw_mut tsr_fw_muts[TSR_SIM_M__COUNT] = {
    {"none", "", ""},
    {"flip_bits", "every field", "flips k bits (default 1) at distinct positions drawn from the seed"},
    {"zero", "every field", "sets every byte of the field to 0"},
    {"identity", "point, x-only and signature fields",
     "Tessera's identity encoding: 33 zero bytes (x-only and the R of a signature: 32 zero bytes)"},
    {"off_curve", "point, x-only and signature fields",
     "prefix kept, x = 5 (x^3+7 is not a square mod p); k=1: x = p (not below p); a signature: its R"},
    {"scalar_plus_n", "scalar and signature fields",
     "v + n (same value mod n, not canonical) when it fits in 32 bytes, else all 0xff; a signature: its z"},
    {"non_canonical", "point, x-only, scalar, signature and id fields",
     "point: prefix 04 (uncompressed tag); x-only: x + p; scalar and signature z: as scalar_plus_n; id: high bit set"},
    {"dup_id", "ids of list entries, and lists",
     "id := the previous entry's id (entry 0: the next one's); on a whole list: its last entry's id"},
    {"id_eq_n", "id fields", "id := 0, the u32 image of the group order n (ids are u32 on the wire)"},
    {"resize", "every payload field but ids, and frame integers",
     "vector: k > 0 appends k copies of its last entry, k < 0 drops the last |k|, k = 0 empties it (count "
     "rewritten); count and integer: value + k (k = 0: 0); other fields: k zero bytes appended or k bytes cut "
     "(k = 0: empty)"},
    {"strip", "every field", "removes the field: a vector with its count, a vector entry with one less in the "
                             "count, msg with its msglen"},
    {"swap_with", "every payload field", "copies the same field of party `party`'s message of this round (rushing)"},
    {"set", "every field", "the given hex bytes (the payload grows or shrinks when the length differs)"},
};

int tsr_sim_mutator_parse(const char *name) {
    int i;
    if (name == NULL) {
        return -1;
    }
    for (i = 0; i < TSR_SIM_M__COUNT; i++) {
        if (strcmp(tsr_fw_muts[i].name, name) == 0) {
            return i;
        }
    }
    return -1;
}

const char *tsr_sim_mutator_name(int id) {
    if (id < 0 || id >= TSR_SIM_M__COUNT) {
        return "unknown";
    }
    return tsr_fw_muts[id].name;
}

/* 1 if mutator m applies to a payload field of this kind and role. */
static int tsr_fw_applies(int m, int kind, int role, int ids) {
    switch (m) {
    case TSR_SIM_M_FLIP_BITS:
    case TSR_SIM_M_ZERO:
    case TSR_SIM_M_STRIP:
    case TSR_SIM_M_SET:
    case TSR_SIM_M_SWAP_WITH: return 1;
    case TSR_SIM_M_IDENTITY:
    case TSR_SIM_M_OFF_CURVE: return kind == TSR_SIM_K_POINT || kind == TSR_SIM_K_XONLY || kind == TSR_SIM_K_SIG;
    case TSR_SIM_M_SCALAR_PLUS_N: return kind == TSR_SIM_K_SCALAR || kind == TSR_SIM_K_SIG;
    case TSR_SIM_M_NON_CANONICAL:
        return kind == TSR_SIM_K_POINT || kind == TSR_SIM_K_XONLY || kind == TSR_SIM_K_SCALAR ||
               kind == TSR_SIM_K_SIG || kind == TSR_SIM_K_ID;
    case TSR_SIM_M_DUP_ID: return ids && (kind == TSR_SIM_K_ID || (kind == TSR_SIM_K_VECTOR && role == TSR_FW_VECTOR));
    case TSR_SIM_M_ID_EQ_N: return kind == TSR_SIM_K_ID;
    case TSR_SIM_M_RESIZE: return kind != TSR_SIM_K_ID;
    default: return 0;
    }
}

/* Frame header fields: flip_bits, zero, set, strip, resize; frame.sender also id_eq_n and
 * non_canonical. */
static int tsr_fw_frame_applies(int m, const char *name) {
    switch (m) {
    case TSR_SIM_M_FLIP_BITS:
    case TSR_SIM_M_ZERO:
    case TSR_SIM_M_STRIP:
    case TSR_SIM_M_SET:
    case TSR_SIM_M_RESIZE: return 1;
    case TSR_SIM_M_ID_EQ_N:
    case TSR_SIM_M_NON_CANONICAL: return strcmp(name, "frame.sender") == 0;
    default: return 0;
    }
}

/* ---- byte buffers ----------------------------------------------------------------------------- */

typedef struct {
    uint8_t *p;
    size_t len;
} tsr_fw_buf;

static void tsr_fw_buf_free(tsr_fw_buf *b) {
    if (b->p != NULL) {
        tsr_memzero(b->p, b->len); /* payloads may hold a share */
        free(b->p);
    }
    b->p = NULL;
    b->len = 0;
}

static int tsr_fw_buf_init(tsr_fw_buf *b, const uint8_t *p, size_t len) {
    b->p = malloc(len ? len : 1);
    b->len = 0;
    if (b->p == NULL) {
        return -1;
    }
    if (len) {
        memcpy(b->p, p, len);
    }
    b->len = len;
    return 0;
}

/* Replaces b[off .. off+cut) by ins[0..n) (zeros when ins is NULL); ins may point into b. */
static int tsr_fw_splice(tsr_fw_buf *b, size_t off, size_t cut, const uint8_t *ins, size_t n) {
    size_t nl = b->len - cut + n;
    uint8_t *q = malloc(nl ? nl : 1);
    if (q == NULL) {
        return -1;
    }
    memcpy(q, b->p, off);
    if (n) {
        if (ins != NULL) {
            memcpy(q + off, ins, n);
        } else {
            memset(q + off, 0, n);
        }
    }
    memcpy(q + off + n, b->p + off + cut, b->len - off - cut);
    tsr_fw_buf_free(b);
    b->p = q;
    b->len = nl;
    return 0;
}

/* ---- mutations of bytes in place ---------------------------------------------------------------- */

static int tsr_fw_flip(uint8_t *v, size_t len, long k, tsr_sim_rng *rng, const char *name, char *err, size_t errcap) {
    size_t nbits = len * 8, want, got = 0, i;
    uint8_t *mark;
    int invert = 0;
    if (len == 0) {
        tsr_fw_err(err, errcap, "flip_bits: field '%s' is empty", name);
        return -1;
    }
    if (rng == NULL) {
        tsr_fw_err(err, errcap, "flip_bits needs the seeded random stream");
        return -1;
    }
    want = k <= 0 ? 1 : (size_t)k;
    if (want > nbits) {
        want = nbits;
    }
    if (want > nbits / 2) { /* draw the bits to keep instead */
        invert = 1;
        want = nbits - want;
    }
    mark = calloc(len, 1);
    if (mark == NULL) {
        tsr_fw_err(err, errcap, "out of memory");
        return -1;
    }
    while (got < want) {
        uint8_t r[4];
        size_t pos;
        if (tsr_sim_rng_fill(rng, r, sizeof r) != 0) {
            free(mark);
            tsr_fw_err(err, errcap, "flip_bits: the random stream failed");
            return -1;
        }
        pos = (size_t)tsr_sim_get32(r) % nbits;
        if (!(mark[pos / 8] & (0x80u >> (pos % 8)))) {
            mark[pos / 8] = (uint8_t)(mark[pos / 8] | (0x80u >> (pos % 8)));
            got++;
        }
    }
    for (i = 0; i < len; i++) {
        v[i] = (uint8_t)(v[i] ^ (invert ? (uint8_t)~mark[i] : mark[i]));
    }
    free(mark);
    return 0;
}

/* Where the x coordinate of a point-like field sits: *prefixed = 1 if a prefix byte precedes it
 * (compressed point, or the R of a 65-byte signature). Returns 0, or -1 if the field has no R. */
static int tsr_fw_xpart(int kind, size_t len, size_t *xoff, int *prefixed) {
    if ((kind == TSR_SIM_K_POINT && len == 33) || (kind == TSR_SIM_K_SIG && len == 65)) {
        *xoff = 1;
        *prefixed = 1;
        return 0;
    }
    if ((kind == TSR_SIM_K_XONLY && len == 32) || (kind == TSR_SIM_K_SIG && len == 64)) {
        *xoff = 0;
        *prefixed = 0;
        return 0;
    }
    return -1;
}

/* Fixed-size mutators that change bytes in place (IDENTITY, OFF_CURVE, SCALAR_PLUS_N,
 * NON_CANONICAL). */
static int tsr_fw_crypto(uint8_t *v, size_t len, int kind, const tsr_sim_behaviour *b, const char *name, char *err,
                         size_t errcap) {
    size_t xoff = 0;
    int prefixed = 0;
    switch (b->mutator) {
    case TSR_SIM_M_IDENTITY:
        if (tsr_fw_xpart(kind, len, &xoff, &prefixed) != 0) {
            break;
        }
        memset(v, 0, xoff + 32);
        return 0;
    case TSR_SIM_M_OFF_CURVE:
        if (tsr_fw_xpart(kind, len, &xoff, &prefixed) != 0) {
            break;
        }
        if (prefixed && v[0] != 0x02 && v[0] != 0x03) {
            v[0] = 0x02;
        }
        if (b->k == 1) {
            memcpy(v + xoff, tsr_fw_prime_p, 32);
        } else {
            memset(v + xoff, 0, 32);
            v[xoff + 31] = TSR_FW_OFF_CURVE_X;
        }
        return 0;
    case TSR_SIM_M_SCALAR_PLUS_N:
    case TSR_SIM_M_NON_CANONICAL:
        if (kind == TSR_SIM_K_SCALAR && len == 32) {
            tsr_fw_add256(v, tsr_fw_order_n);
            return 0;
        }
        if (kind == TSR_SIM_K_SIG && len >= 64) {
            tsr_fw_add256(v + len - 32, tsr_fw_order_n);
            return 0;
        }
        if (b->mutator == TSR_SIM_M_SCALAR_PLUS_N) {
            break;
        }
        if (kind == TSR_SIM_K_POINT && len == 33) {
            v[0] = 0x04;
            return 0;
        }
        if (kind == TSR_SIM_K_XONLY && len == 32) {
            tsr_fw_add256(v, tsr_fw_prime_p);
            return 0;
        }
        if (kind == TSR_SIM_K_ID && len == 4) {
            v[0] = (uint8_t)(v[0] | 0x80u);
            return 0;
        }
        break;
    default:
        break;
    }
    tsr_fw_err(err, errcap, "%s does not apply to '%s' (%s, %zu bytes)", tsr_sim_mutator_name(b->mutator), name,
               tsr_fw_kind_name(kind), len);
    return -1;
}

/* An unsigned big-endian integer of width w (1, 2 or 4 bytes): value + k (k == 0: 0), clamped
 * to 0 .. 2^(8w) - 1. */
static void tsr_fw_int_resize(uint8_t *v, size_t w, long k) {
    long long cur = 0, max = (w >= 4) ? 0xffffffffLL : (1LL << (8 * w)) - 1, nv;
    size_t i;
    for (i = 0; i < w; i++) {
        cur = (cur << 8) | v[i];
    }
    nv = k == 0 ? 0 : cur + k;
    if (nv < 0) {
        nv = 0;
    }
    if (nv > max) {
        nv = max;
    }
    for (i = 0; i < w; i++) {
        v[w - 1 - i] = (uint8_t)((unsigned long long)nv >> (8 * i));
    }
}

/* Bytes of a field: +k zero bytes appended, -k cut at its end, 0: empty. */
static int tsr_fw_bytes_resize(tsr_fw_buf *buf, size_t off, size_t len, long k) {
    if (k == 0) {
        return tsr_fw_splice(buf, off, len, NULL, 0);
    }
    if (k > 0) {
        return tsr_fw_splice(buf, off + len, 0, NULL, (size_t)k);
    }
    {
        size_t c = (size_t)(-k) > len ? len : (size_t)(-k);
        return tsr_fw_splice(buf, off + len - c, c, NULL, 0);
    }
}

/* ---- structured mutations ---------------------------------------------------------------------- */

/* Offset of entry i of vector v in p (entries before it must fit), its length in *elen. */
static size_t tsr_fw_entry_at(const tsr_fw_fld *v, const uint8_t *p, size_t len, size_t i, size_t *elen) {
    size_t off = v->ents_off, j, el;
    if (v->f.elem_len != 0) {
        *elen = v->f.elem_len;
        return v->ents_off + i * v->f.elem_len;
    }
    for (j = 0; j < i; j++) { /* round-3 complaints: variable entries */
        el = tsr_fw_complaint_len(p, len, off);
        off += el;
    }
    *elen = tsr_fw_complaint_len(p, len, off);
    return off;
}

/* The id field of entry e of vector vi (a list's, complaints' or openings' id sits at offset 0 of
 * its entry), or NULL. */
static const tsr_fw_fld *tsr_fw_entry_id(const tsr_fw_fld *a, size_t na, long vi, size_t e) {
    size_t i;
    for (i = 0; i < na; i++) {
        if (a[i].parent == vi && a[i].role == TSR_FW_SUB && a[i].entry == e && a[i].f.kind == TSR_SIM_K_ID &&
            a[i].f.off == a[i].entry_off) {
            return &a[i];
        }
    }
    return NULL;
}

static int tsr_fw_dup_id(tsr_fw_buf *buf, const tsr_fw_fld *a, size_t na, size_t fi, char *err, size_t errcap) {
    const tsr_fw_fld *x = &a[fi], *v, *dst, *src;
    long vi = x->role == TSR_FW_VECTOR ? (long)fi : x->parent;
    size_t e;
    if (vi < 0) {
        tsr_fw_err(err, errcap, "dup_id: the list of '%s' does not fit in the payload", x->f.name);
        return -1;
    }
    v = &a[vi];
    if (v->nentries < 2) {
        tsr_fw_err(err, errcap, "dup_id needs at least 2 entries in '%s' (it has %zu)", v->f.name, v->nentries);
        return -1;
    }
    if (x->role == TSR_FW_VECTOR) {
        dst = tsr_fw_entry_id(a, na, vi, v->nentries - 1);
        src = tsr_fw_entry_id(a, na, vi, v->nentries - 2);
    } else {
        e = x->entry > 0 ? x->entry - 1 : 1;
        dst = x;
        src = tsr_fw_entry_id(a, na, vi, e);
    }
    if (dst == NULL || src == NULL) {
        tsr_fw_err(err, errcap, "dup_id: no neighbouring id for '%s'", x->f.name);
        return -1;
    }
    memmove(buf->p + dst->f.off, buf->p + src->f.off, 4);
    return 0;
}

/* RESIZE of a whole vector: count c0 -> c1, entries cut or copies of the last one appended (zero
 * entries when it was empty); the round-3 certificate signature follows (present iff k = 0). */
static int tsr_fw_vec_resize(tsr_fw_buf *buf, const tsr_fw_fld *x, uint16_t type, long k, char *err, size_t errcap) {
    size_t c0 = x->nentries, c1, end = x->f.off + x->f.len, new_end, el = 0, eo;
    if (k == 0) {
        c1 = 0;
    } else if (k < 0) {
        c1 = (size_t)(-k) >= c0 ? 0 : c0 - (size_t)(-k);
    } else {
        c1 = c0 + (size_t)k;
        if (c1 > 0xffff) {
            tsr_fw_err(err, errcap, "resize: '%s' would have %zu entries (the u16 count holds 65535)", x->f.name, c1);
            return -1;
        }
    }
    if (c1 < c0) {
        eo = tsr_fw_entry_at(x, buf->p, buf->len, c1, &el);
        if (tsr_fw_splice(buf, eo, end - eo, NULL, 0) != 0) {
            goto oom;
        }
        new_end = eo;
    } else if (c1 > c0) {
        uint8_t *tmpl, *ins;
        size_t tl, j;
        int bad;
        if (c0 > 0) {
            eo = tsr_fw_entry_at(x, buf->p, buf->len, c0 - 1, &tl);
        } else {
            eo = 0;
            tl = x->f.elem_len != 0 ? x->f.elem_len : 5;
        }
        tmpl = calloc(tl, 1);
        ins = calloc(tl, c1 - c0);
        if (tmpl == NULL || ins == NULL) {
            free(tmpl);
            free(ins);
            goto oom;
        }
        if (c0 > 0) {
            memcpy(tmpl, buf->p + eo, tl);
        }
        for (j = 0; j < c1 - c0; j++) {
            memcpy(ins + j * tl, tmpl, tl);
        }
        bad = tsr_fw_splice(buf, end, 0, ins, tl * (c1 - c0)) != 0;
        tsr_memzero(tmpl, tl);
        tsr_memzero(ins, tl * (c1 - c0));
        free(tmpl);
        free(ins);
        if (bad) {
            goto oom;
        }
        new_end = end + tl * (c1 - c0);
    } else {
        new_end = end;
    }
    tsr_sim_put16(buf->p + x->f.count_off, (uint32_t)c1);
    if (type == TSR_MSG_DKG_ROUND3) {
        if (c0 == 0 && c1 > 0 && buf->len - new_end >= 64) {
            if (tsr_fw_splice(buf, new_end, 64, NULL, 0) != 0) { /* no certificate with complaints */
                goto oom;
            }
        } else if (c0 > 0 && c1 == 0) {
            if (tsr_fw_splice(buf, new_end, 0, NULL, 64) != 0) { /* a (zero) certificate without */
                goto oom;
            }
        }
    }
    return 0;
oom:
    tsr_fw_err(err, errcap, "out of memory");
    return -1;
}

/* Applies b to field fi of the walked payload in buf. */
static int tsr_fw_apply(tsr_fw_buf *buf, const tsr_fw_fld *a, size_t na, size_t fi, const tsr_sim_behaviour *b,
                        uint16_t type, uint8_t suite, const uint8_t *other, size_t otherlen, tsr_sim_rng *rng,
                        char *err, size_t errcap) {
    const tsr_fw_fld *x = &a[fi];
    size_t off = x->f.off, len = x->f.len, oldlen = buf->len, i, pfx_off = 0;
    int kind = x->f.kind, rc = 0, has_pfx = 0, strip_pfx = 0;

    if (!tsr_fw_applies(b->mutator, kind, x->role, x->ids)) {
        if (b->mutator <= TSR_SIM_M_NONE || b->mutator >= TSR_SIM_M__COUNT) {
            tsr_fw_err(err, errcap, "unknown mutator %d", b->mutator);
        } else {
            tsr_fw_err(err, errcap, "%s applies to %s, not '%s' (%s)", tsr_fw_muts[b->mutator].name,
                       tsr_fw_muts[b->mutator].applies, x->f.name, tsr_fw_kind_name(kind));
        }
        return -1;
    }
    /* frost.request with a u32 list length: kept equal to what follows it */
    for (i = 0; i < na; i++) {
        if (a[i].role == TSR_FW_VECTOR && a[i].pfx_len == 4) {
            has_pfx = 1;
            pfx_off = a[i].pfx_off;
        }
    }
    switch (b->mutator) {
    case TSR_SIM_M_FLIP_BITS:
        rc = tsr_fw_flip(buf->p + off, len, b->k, rng, x->f.name, err, errcap);
        break;
    case TSR_SIM_M_ZERO:
        memset(buf->p + off, 0, len);
        break;
    case TSR_SIM_M_IDENTITY:
    case TSR_SIM_M_OFF_CURVE:
    case TSR_SIM_M_SCALAR_PLUS_N:
    case TSR_SIM_M_NON_CANONICAL:
        rc = tsr_fw_crypto(buf->p + off, len, kind, b, x->f.name, err, errcap);
        break;
    case TSR_SIM_M_DUP_ID:
        rc = tsr_fw_dup_id(buf, a, na, fi, err, errcap);
        break;
    case TSR_SIM_M_ID_EQ_N:
        memset(buf->p + off, 0, len);
        break;
    case TSR_SIM_M_RESIZE:
        if (x->role == TSR_FW_VECTOR) {
            rc = tsr_fw_vec_resize(buf, x, type, b->k, err, errcap);
        } else if (kind == TSR_SIM_K_COUNT || kind == TSR_SIM_K_U8 || kind == TSR_SIM_K_U16 ||
                   kind == TSR_SIM_K_U32) {
            tsr_fw_int_resize(buf->p + off, len, b->k);
        } else {
            rc = tsr_fw_bytes_resize(buf, off, len, b->k) != 0 ? -2 : 0;
        }
        break;
    case TSR_SIM_M_STRIP:
        if (x->role == TSR_FW_VECTOR && x->pfx_len == 4 && x->pfx_off + 4 == off) {
            rc = tsr_fw_splice(buf, x->pfx_off, len + 4, NULL, 0) != 0 ? -2 : 0;
            strip_pfx = 1;
        } else if (x->role == TSR_FW_LENBYTES && x->pfx_off + x->pfx_len == off) {
            rc = tsr_fw_splice(buf, x->pfx_off, len + x->pfx_len, NULL, 0) != 0 ? -2 : 0;
        } else if (x->role == TSR_FW_ENTRY && x->parent >= 0) {
            const tsr_fw_fld *v = &a[x->parent];
            uint32_t c = tsr_sim_get16(buf->p + v->f.count_off);
            tsr_sim_put16(buf->p + v->f.count_off, c > 0 ? c - 1 : 0);
            rc = tsr_fw_splice(buf, x->entry_off, x->entry_len, NULL, 0) != 0 ? -2 : 0;
        } else {
            rc = tsr_fw_splice(buf, off, len, NULL, 0) != 0 ? -2 : 0;
        }
        break;
    case TSR_SIM_M_SWAP_WITH: {
        tsr_fw_fld *oa;
        size_t on = 0, j;
        int oom = 0;
        if (other == NULL) {
            tsr_fw_err(err, errcap, "swap_with: party %u sent no %s message this round", (unsigned)b->party,
                       tsr_sim_msg_name(type));
            return -1;
        }
        oa = tsr_fw_walk_full(&on, &oom, type, suite, other, otherlen);
        for (j = 0; j < on; j++) {
            if (strcmp(oa[j].f.name, x->f.name) == 0) {
                break;
            }
        }
        if (j == on) {
            free(oa);
            if (oom) {
                tsr_fw_err(err, errcap, "out of memory");
            } else {
                tsr_fw_err(err, errcap, "swap_with: party %u's %s has no field '%s'", (unsigned)b->party,
                           tsr_sim_msg_name(type), x->f.name);
            }
            return -1;
        }
        rc = tsr_fw_splice(buf, off, len, other + oa[j].f.off, oa[j].f.len) != 0 ? -2 : 0;
        free(oa);
        break;
    }
    case TSR_SIM_M_SET:
        if (b->hexlen > sizeof b->hex) {
            tsr_fw_err(err, errcap, "set: %zu bytes exceed the %zu-byte limit", b->hexlen, sizeof b->hex);
            return -1;
        }
        rc = tsr_fw_splice(buf, off, len, b->hex, b->hexlen) != 0 ? -2 : 0;
        break;
    default:
        tsr_fw_err(err, errcap, "unknown mutator %d", b->mutator);
        return -1;
    }
    if (rc == -2) {
        tsr_fw_err(err, errcap, "out of memory");
        return -1;
    }
    if (rc != 0) {
        return -1;
    }
    /* length prefixes follow length changes: msg's msglen, the optional list length */
    if (x->role == TSR_FW_LENBYTES && b->mutator != TSR_SIM_M_STRIP && buf->len >= oldlen - len) {
        tsr_sim_put32(buf->p + x->pfx_off, (uint32_t)(len + buf->len - oldlen));
    }
    if (has_pfx && !strip_pfx && buf->len != oldlen) {
        if (off > pfx_off) {
            tsr_sim_put32(buf->p + pfx_off, (uint32_t)(buf->len - pfx_off - 4));
        }
    }
    return 0;
}

int tsr_sim_mutate(uint8_t **out, size_t *outlen, const tsr_sim_field *f, const tsr_sim_behaviour *b, uint16_t type,
                   uint8_t suite, const uint8_t *payload, size_t len, const uint8_t *other, size_t otherlen,
                   tsr_sim_rng *rng, char *err, size_t errcap) {
    tsr_fw_fld *a;
    tsr_fw_buf buf;
    size_t na = 0, i;
    int oom = 0;

    *out = NULL;
    *outlen = 0;
    if (f == NULL || b == NULL || (payload == NULL && len != 0)) {
        tsr_fw_err(err, errcap, "mutate: missing field, behaviour or payload");
        return -1;
    }
    if (f->kind == TSR_SIM_K_FRAME || strncmp(f->name, "frame.", 6) == 0) {
        tsr_fw_err(err, errcap, "%s is a frame header field: tsr_sim_mutate_frame changes it", f->name);
        return -1;
    }
    a = tsr_fw_walk_full(&na, &oom, type, suite, payload, len);
    for (i = 0; i < na; i++) {
        if (strcmp(a[i].f.name, f->name) == 0) {
            break;
        }
    }
    if (i == na) {
        free(a);
        if (oom) {
            tsr_fw_err(err, errcap, "out of memory");
        } else {
            tsr_fw_err(err, errcap, "this %s message (%zu bytes) has no field '%s'", tsr_sim_msg_name(type), len,
                       f->name);
        }
        return -1;
    }
    if (tsr_fw_buf_init(&buf, payload, len) != 0) {
        free(a);
        tsr_fw_err(err, errcap, "out of memory");
        return -1;
    }
    if (tsr_fw_apply(&buf, a, na, i, b, type, suite, other, otherlen, rng, err, errcap) != 0) {
        free(a);
        tsr_fw_buf_free(&buf);
        return -1;
    }
    free(a);
    *out = buf.p;
    *outlen = buf.len;
    return 0;
}

static const tsr_fw_framefield *tsr_fw_frame_find(const char *field) {
    char name[64];
    size_t i;
    if (field == NULL) {
        return NULL;
    }
    snprintf(name, sizeof name, "%s%s", strncmp(field, "frame.", 6) == 0 ? "" : "frame.", field);
    for (i = 0; i < TSR_FW_NFRAME; i++) {
        if (strcmp(tsr_fw_frame[i].name, name) == 0) {
            return &tsr_fw_frame[i];
        }
    }
    return NULL;
}

int tsr_sim_mutate_frame(uint8_t **out, size_t *outlen, const char *field, const tsr_sim_behaviour *b,
                         const uint8_t *frame, size_t len, tsr_sim_rng *rng, char *err, size_t errcap) {
    const tsr_fw_framefield *ff = tsr_fw_frame_find(field);
    tsr_fw_buf buf;
    int rc = 0;

    *out = NULL;
    *outlen = 0;
    if (b == NULL || (frame == NULL && len != 0)) {
        tsr_fw_err(err, errcap, "mutate: missing behaviour or frame");
        return -1;
    }
    if (ff == NULL) {
        tsr_fw_err(err, errcap, "unknown frame field '%s' (frame.version, frame.suite, frame.type, frame.session, "
                                "frame.sender, frame.nfields, frame.length)", field ? field : "");
        return -1;
    }
    if (!tsr_fw_frame_applies(b->mutator, ff->name)) {
        tsr_fw_err(err, errcap, "%s does not apply to %s (frame fields take flip_bits, zero, set, strip and resize; "
                                "frame.sender also id_eq_n and non_canonical)", tsr_sim_mutator_name(b->mutator),
                   ff->name);
        return -1;
    }
    if (ff->off + ff->len > len) {
        tsr_fw_err(err, errcap, "the frame (%zu bytes) is too short for %s", len, ff->name);
        return -1;
    }
    if (tsr_fw_buf_init(&buf, frame, len) != 0) {
        tsr_fw_err(err, errcap, "out of memory");
        return -1;
    }
    switch (b->mutator) {
    case TSR_SIM_M_FLIP_BITS:
        rc = tsr_fw_flip(buf.p + ff->off, ff->len, b->k, rng, ff->name, err, errcap);
        break;
    case TSR_SIM_M_ZERO:
    case TSR_SIM_M_ID_EQ_N:
        memset(buf.p + ff->off, 0, ff->len);
        break;
    case TSR_SIM_M_NON_CANONICAL:
        buf.p[ff->off] = (uint8_t)(buf.p[ff->off] | 0x80u);
        break;
    case TSR_SIM_M_RESIZE:
        if (ff->len <= 4) {
            tsr_fw_int_resize(buf.p + ff->off, ff->len, b->k);
        } else if (tsr_fw_bytes_resize(&buf, ff->off, ff->len, b->k) != 0) {
            rc = -2;
        }
        break;
    case TSR_SIM_M_STRIP:
        rc = tsr_fw_splice(&buf, ff->off, ff->len, NULL, 0) != 0 ? -2 : 0;
        break;
    case TSR_SIM_M_SET:
        if (b->hexlen > sizeof b->hex) {
            rc = -1;
            tsr_fw_err(err, errcap, "set: %zu bytes exceed the %zu-byte limit", b->hexlen, sizeof b->hex);
            break;
        }
        rc = tsr_fw_splice(&buf, ff->off, ff->len, b->hex, b->hexlen) != 0 ? -2 : 0;
        break;
    default:
        rc = -1;
        break;
    }
    if (rc != 0) {
        if (rc == -2) {
            tsr_fw_err(err, errcap, "out of memory");
        }
        tsr_fw_buf_free(&buf);
        return -1;
    }
    *out = buf.p;
    *outlen = buf.len;
    return 0;
}

/* ==== targets ================================================================================= */

/* Turns a field name into its pattern ("list[12].id" -> "list[i].id"): indices are decimal,
 * without sign or leading zero, at most 65534. Returns 0, or -1 if malformed. */
static int tsr_fw_pattern(char *pat, size_t cap, const char *field) {
    size_t o = 0;
    const char *s = field;
    int nidx = 0;
    while (*s) {
        if (*s == '[') {
            unsigned long v = 0;
            const char *d = s + 1;
            if (!(*d >= '0' && *d <= '9') || (*d == '0' && d[1] != ']') || nidx++ > 0) {
                return -1;
            }
            while (*d >= '0' && *d <= '9') {
                v = v * 10 + (unsigned long)(*d - '0');
                if (v > 65534) {
                    return -1;
                }
                d++;
            }
            if (*d != ']' || o + 3 >= cap) {
                return -1;
            }
            memcpy(pat + o, "[i]", 3);
            o += 3;
            s = d + 1;
            continue;
        }
        if (*s == ']' || o + 1 >= cap) {
            return -1;
        }
        pat[o++] = *s++;
    }
    pat[o] = 0;
    return 0;
}

/* "commitment, commitment.count, commitment[i], pok_r, pok_mu" */
static void tsr_fw_field_list(char *out, size_t cap, uint16_t type) {
    size_t i, o = 0;
    out[0] = 0;
    for (i = 0; i < TSR_FW_NDESCS && o < cap; i++) {
        if (tsr_fw_descs[i].type == type) {
            int w = snprintf(out + o, cap - o, "%s%s", o ? ", " : "", tsr_fw_descs[i].pattern);
            if (w < 0) {
                break;
            }
            o += (size_t)w;
        }
    }
}

int tsr_sim_target_parse(uint16_t *type, char *field, size_t fieldcap, const char *target, char *err, size_t errcap) {
    const tsr_fw_msg *best = NULL;
    size_t i, bl = 0;
    char pat[96], list[512];
    const char *rest;

    *type = 0;
    if (field != NULL && fieldcap > 0) {
        field[0] = 0;
    }
    if (target == NULL || target[0] == 0) {
        tsr_fw_err(err, errcap, "empty target (MESSAGE.FIELD, e.g. dkg.round1.commitment[0], or frame.FIELD)");
        return -1;
    }
    if (strncmp(target, "frame.", 6) == 0) {
        for (i = 0; i < TSR_FW_NFRAME; i++) {
            if (strcmp(target, tsr_fw_frame[i].name) == 0) {
                if (field == NULL || strlen(target) + 1 > fieldcap) {
                    tsr_fw_err(err, errcap, "no room for the field name '%.64s'", target);
                    return -1;
                }
                memcpy(field, target, strlen(target) + 1);
                return 0;
            }
        }
        tsr_fw_err(err, errcap, "unknown frame field '%.64s' (frame.version, frame.suite, frame.type, "
                                "frame.session, frame.sender, frame.nfields, frame.length)", target);
        return -1;
    }
    for (i = 0; i < TSR_FW_NMSGS; i++) {
        size_t l = strlen(tsr_fw_msgs[i].name);
        if (strncmp(target, tsr_fw_msgs[i].name, l) == 0 && (target[l] == '.' || target[l] == 0) && l > bl) {
            best = &tsr_fw_msgs[i];
            bl = l;
        }
    }
    if (best == NULL) {
        tsr_fw_err(err, errcap, "unknown message in '%.64s' (messages: dkg.round1, dkg.round2.eq, "
                                "dkg.round2.share, dkg.round3, dkg.round4, frost.commit, frost.request, "
                                "frost.sigshare, frost.signature; or frame.FIELD)", target);
        return -1;
    }
    rest = target[bl] == '.' ? target + bl + 1 : target + bl;
    tsr_fw_field_list(list, sizeof list, best->type);
    if (rest[0] == 0) {
        tsr_fw_err(err, errcap, "'%.64s' names no field of %s (fields: %s; [i]: entry index from 0)", target,
                   best->name, list);
        return -1;
    }
    if (tsr_fw_pattern(pat, sizeof pat, rest) != 0 || tsr_fw_desc_find(best->type, pat) == NULL) {
        tsr_fw_err(err, errcap, "unknown field '%.64s' of %s (fields: %s; [i]: entry index from 0)", rest,
                   best->name, list);
        return -1;
    }
    if (field == NULL || strlen(rest) + 1 > fieldcap) {
        tsr_fw_err(err, errcap, "no room for the field name '%.64s'", rest);
        return -1;
    }
    memcpy(field, rest, strlen(rest) + 1);
    *type = best->type;
    return 0;
}

/* ==== strategies ============================================================================== */

typedef struct {
    const char *name;
    const char *proto;   /* "dkg", "sign" or "dkg|sign" */
    const char *params;  /* behaviour keys it reads */
    const char *rows;    /* ADVERSARIES.md rows */
    int identifiable;    /* when it fires, an honest party must blame its player (malicious) */
    const char *desc;
} tsr_fw_strategy;

static const tsr_fw_strategy tsr_fw_strategies[TSR_SIM_S__COUNT] = {
    {"none", "", "", "", 0, "no behaviour"},
    {"crash", "dkg|sign", "protocol, round (default 1), run", "LV-01", 0,
     "stops at round `round` of run `run` and never sends again: marked unresponsive, never malicious"},
    {"withhold", "dkg|sign", "protocol, round (0: every round), to, run", "LV-01", 0,
     "sends nothing in round `round` (to `to`, or to everyone): marked unresponsive, never malicious"},
    {"equivocate", "dkg", "to, run", "BC-01", 0,
     "round 1: a second valid message (fresh polynomial, valid PoK) to `to`; the eq hashes differ and the "
     "DKG aborts with EQUIVOCATION, nobody named (unsigned broadcasts)"},
    {"rogue_key", "dkg", "run", "DKG-01", 1,
     "round 1, rushing: C_0 = Y* - sum of the honest C_j0 with a copied PoK; blamed POK"},
    {"threshold_raise", "dkg", "value (k, default 1), run", "DKG-04", 1,
     "round 1: a commitment of t + k points with a valid PoK; blamed COMMITMENT_COUNT"},
    {"bad_share", "dkg", "to, run", "DKG-02", 1,
     "round 2: share + 1 to each victim in `to`, validly signed; the victim's complaint is evidence: blamed FELDMAN"},
    {"false_complaint", "dkg", "to, run", "DKG-03", 1,
     "round 3: BAD_SHARE against each dealer in `to` with the real share; the evidence refutes it: blamed "
     "FALSE_COMPLAINT"},
    {"false_no_share", "dkg", "to, run", "DKG-03", 0,
     "round 3: NO_SHARE against each dealer in `to`; the dealer opens a valid share, non-receipt is unprovable: "
     "abort, nobody named"},
    {"transplant", "dkg", "party (from), run", "FS-06", 1,
     "round 1, rushing: copies party `from`'s C_0 and PoK; the PoK binds the prover's id: blamed POK"},
    {"replay", "dkg", "value (0: the old frame, 1: the old payload in a current frame), run", "FS-05", 1,
     "round 1: re-sends its message of an earlier session; the old frame fails the session check (SESSION), "
     "the old payload under this session fails the PoK, which binds the session (POK)"},
    {"bias", "dkg", "run", "DKG-05", 0,
     "rushing: gets itself disqualified (bad shares) unless the key it foresees has even x. Not marked "
     "identifiable: when it plays honestly there is nothing to name, its disqualifying shares are blamed by "
     "the usual checks, and the bias itself leaves no trace"},
    {"nonce_reuse", "sign", "run", "SIG-02", 0,
     "signer: commits with the nonces of its previous attempt (its own loss; honest signers never reuse one)"},
    {"invalid_share", "sign", "value (added to z, default 1), run", "SIG-05, LV-02", 1,
     "signer round 3: z + value; the coordinator blames it (SIGNATURE_SHARE) and retries without it"},
    {"coord_list", "sign", "to, run", "SIG-06", 1,
     "coordinator: alters signer `to`'s own commitment in the list it sends; the signer refuses and blames the "
     "coordinator (OWN_COMMITMENT)"},
    {"coord_split_list", "sign", "to, run", "SIG-06", 0,
     "coordinator: a different valid list to the signers in `to` (split view); the shares do not add up and no "
     "signer can prove it"},
    {"coord_message", "sign", "to, run", "SIG-06", 1,
     "coordinator: a different message to the signers in `to`; each refuses and blames it (REQUEST)"},
    {"coord_replay", "sign", "run", "SIG-02", 0,
     "coordinator: re-sends an answered request for another message; the consumed nonce makes the signer "
     "refuse (a REFUSE event, no second share)"},
    {"nonce_extract", "sign", "to (victim), run", "SIG-03", 0,
     "coordinator + signer coalition: repeats one message with new own commitments and solves for the victim's "
     "share from 3 shares (canary: succeeds only with weak_nonces)"},
};

int tsr_sim_strategy_parse(const char *name) {
    int i;
    if (name == NULL) {
        return -1;
    }
    for (i = 0; i < TSR_SIM_S__COUNT; i++) {
        if (strcmp(tsr_fw_strategies[i].name, name) == 0) {
            return i;
        }
    }
    return -1;
}

const char *tsr_sim_strategy_name(int id) {
    if (id < 0 || id >= TSR_SIM_S__COUNT) {
        return "unknown";
    }
    return tsr_fw_strategies[id].name;
}

int tsr_sim_strategy_identifiable(int id) {
    if (id < 0 || id >= TSR_SIM_S__COUNT) {
        return 0;
    }
    return tsr_fw_strategies[id].identifiable;
}

/* ==== properties and checks =================================================================== */

static const char *const tsr_fw_properties[TSR_SIM_P__COUNT] = {
    "agreement", "blame_sound", "identified", "liveness", "secrecy", "no_leak",
};

const char *tsr_sim_property_name(int p) {
    if (p < 0 || p >= TSR_SIM_P__COUNT) {
        return "unknown";
    }
    return tsr_fw_properties[p];
}

int tsr_sim_property_parse(const char *name) {
    int i;
    if (name == NULL) {
        return -1;
    }
    for (i = 0; i < TSR_SIM_P__COUNT; i++) {
        if (strcmp(tsr_fw_properties[i], name) == 0) {
            return i;
        }
    }
    return -1;
}

/* The tsr_check enum suffixes, in enum order (common.h). */
static const char *const tsr_fw_checks[] = {
    "NONE", "LENGTH", "TRUNCATED", "TRAILING", "VERSION", "SUITE", "TYPE", "COUNT", "SIZE", "SCALAR_RANGE",
    "SCALAR_ZERO", "POINT_PREFIX", "POINT_X_RANGE", "POINT_NOT_ON_CURVE", "POINT_IDENTITY", "ID_ZERO",
    "ID_DUPLICATE", "ID_UNKNOWN", "THRESHOLD", "COMMITMENT_COUNT", "FELDMAN", "PEDERSEN", "SESSION", "SENDER",
    "POK", "EQUIVOCATION", "FALSE_COMPLAINT", "MISSING", "SIGNATURE_SHARE", "SIGNATURE", "ID_ORDER",
    "OWN_COMMITMENT", "SIGNER_COUNT", "CERTIFICATE", "TWEAK", "DUPLICATE_CONTRIBUTION", "REQUEST",
};
_Static_assert(sizeof tsr_fw_checks / sizeof tsr_fw_checks[0] == TSR_CHECK__COUNT, "one name per tsr_check");

static int tsr_fw_ieq(const char *a, const char *b) {
    while (*a && *b) {
        char x = *a, y = *b;
        if (x >= 'a' && x <= 'z') {
            x = (char)(x - 'a' + 'A');
        }
        if (y >= 'a' && y <= 'z') {
            y = (char)(y - 'a' + 'A');
        }
        if (x != y) {
            return 0;
        }
        a++;
        b++;
    }
    return *a == *b;
}

int tsr_sim_check_parse(const char *name) {
    int i;
    if (name == NULL) {
        return -1;
    }
    if (strncmp(name, "TSR_CHECK_", 10) == 0 || strncmp(name, "tsr_check_", 10) == 0) {
        name += 10;
    }
    for (i = 0; i < TSR_CHECK__COUNT; i++) {
        if (tsr_fw_ieq(tsr_fw_checks[i], name)) {
            return i;
        }
    }
    return -1;
}

const char *tsr_sim_check_symbol(int check) {
    if (check < 0 || check >= TSR_CHECK__COUNT) {
        return "UNKNOWN";
    }
    return tsr_fw_checks[check];
}

/* ==== `tessera sim strategies` and `tessera sim fields` ======================================= */

void tsr_sim_print_strategies(FILE *f) {
    int i;
    fprintf(f, "Named strategies: a behaviour {\"strategy\": NAME, ...} of a corrupt party.\n");
    fprintf(f, "identified = yes: when it fires (an honest party processed a message it made), an honest\n"
               "party must blame its player as malicious in that run (oracle property `identified`).\n\n");
    fprintf(f, "  %-17s %-9s %-14s %-11s %s\n", "strategy", "protocol", "catalogue", "identified", "parameters");
    for (i = 1; i < TSR_SIM_S__COUNT; i++) {
        const tsr_fw_strategy *s = &tsr_fw_strategies[i];
        fprintf(f, "  %-17s %-9s %-14s %-11s %s\n", s->name, s->proto, s->rows, s->identifiable ? "yes" : "no",
                s->params);
        fprintf(f, "      %s\n", s->desc);
    }
    fprintf(f, "\nGeneric mutations: {\"mutate\": \"MESSAGE.FIELD\", \"mutator\": NAME, ...}; see `tessera sim "
               "fields`.\n");
}

/* "flip_bits zero ..." for a field of kind (and kind2 in the TR suite). */
static void tsr_fw_mutator_list(char *out, size_t cap, int kind, int kind2, int role, int ids) {
    int m;
    size_t o = 0;
    out[0] = 0;
    for (m = 1; m < TSR_SIM_M__COUNT && o < cap; m++) {
        if (tsr_fw_applies(m, kind, role, ids) || (kind2 != 0 && tsr_fw_applies(m, kind2, role, ids))) {
            int w = snprintf(out + o, cap - o, "%s%s", o ? " " : "", tsr_fw_muts[m].name);
            if (w < 0) {
                break;
            }
            o += (size_t)w;
        }
    }
}

void tsr_sim_print_fields(FILE *f) {
    size_t i, j;
    char muts[256], kind[32];
    int m;

    fprintf(f, "Mutable fields: a behaviour {\"mutate\": \"MESSAGE.FIELD\", \"mutator\": NAME, \"k\": K,\n"
               "\"party\": P, \"hex\": \"..\"} of a corrupt party changes that field of every message of that\n"
               "type it sends (to `to`, in run `run`). FIELD[i] is entry i (from 0) of a vector; a whole\n"
               "vector includes its u16 count, FIELD.count is the count alone. Integers are big-endian.\n"
               "identifiable = yes: any change of a message every receiver gets is caught by an honest\n"
               "receiver and blamed on the sender (a broadcast changed for some receivers only is\n"
               "equivocation: nobody can be named).\n");
    for (i = 0; i < TSR_FW_NMSGS; i++) {
        const tsr_fw_msg *msg = &tsr_fw_msgs[i];
        fprintf(f, "\n%s (type 0x%04x, %s)\n  %s\n", msg->name, (unsigned)msg->type, msg->who, msg->layout);
        fprintf(f, "  %-24s %-17s %-7s %-6s %s\n", "field", "kind", "bytes", "ident", "mutators");
        for (j = 0; j < TSR_FW_NDESCS; j++) {
            const tsr_fw_desc *d = &tsr_fw_descs[j];
            if (d->type != msg->type) {
                continue;
            }
            if (d->kind_tr != 0) {
                snprintf(kind, sizeof kind, "%s|%s(TR)", tsr_fw_kind_name(d->kind), tsr_fw_kind_name(d->kind_tr));
            } else {
                snprintf(kind, sizeof kind, "%s", tsr_fw_kind_name(d->kind));
            }
            tsr_fw_mutator_list(muts, sizeof muts, d->kind, d->kind_tr, d->role, d->ids);
            fprintf(f, "  %-24s %-17s %-7s %-6s %s\n", d->pattern, kind, d->size,
                    d->identifiable == 2 ? "[0]" : d->identifiable ? "yes" : "no", muts);
            fprintf(f, "  %-24s %s\n", "", d->note);
        }
    }
    fprintf(f, "\nframe (the header of every message; \"mutate\": \"frame.FIELD\" changes every message the\n"
               "party sends in that protocol; tsr_sim_open refuses the frame and the receiver blames the\n"
               "link sender: identifiable = yes)\n  u8 version || u8 suite || u16 type || session (32) || u32 "
               "sender || u16 nfields || per field: u32 length || bytes\n");
    fprintf(f, "  %-24s %-7s %-7s %s\n", "field", "offset", "bytes", "mutators");
    for (i = 0; i < TSR_FW_NFRAME; i++) {
        size_t o = 0;
        muts[0] = 0;
        for (m = 1; m < TSR_SIM_M__COUNT; m++) {
            if (tsr_fw_frame_applies(m, tsr_fw_frame[i].name)) {
                int w = snprintf(muts + o, sizeof muts - o, "%s%s", o ? " " : "", tsr_fw_muts[m].name);
                if (w > 0 && (size_t)w < sizeof muts - o) {
                    o += (size_t)w;
                }
            }
        }
        fprintf(f, "  %-24s %-7zu %-7zu %s\n", tsr_fw_frame[i].name, tsr_fw_frame[i].off, tsr_fw_frame[i].len, muts);
        fprintf(f, "  %-24s %s\n", "", tsr_fw_frame[i].note);
    }
    fprintf(f, "\nMutators\n");
    for (m = 1; m < TSR_SIM_M__COUNT; m++) {
        fprintf(f, "  %-14s applies to %s\n  %-14s %s\n", tsr_fw_muts[m].name, tsr_fw_muts[m].applies, "",
                tsr_fw_muts[m].desc);
    }
}
