/* Wire: encoder and strict, overflow-safe decoder of the canonical message frame (spec/encoding.md §Frame). */
#include "tessera/wire.h"

/* The count travels as a u16 and a frame must be able to hold the largest header. */
#if TSR_WIRE_MAX_FIELDS > 65535
#error "TSR_WIRE_MAX_FIELDS must fit the u16 nfields of the frame header"
#endif
#if TSR_MAX_PARTIES > 0xffffffff
#error "TSR_MAX_PARTIES must fit the u32 sender of the frame header"
#endif

/* Message types known to this build (spec/encoding.md §Registry). A later protocol adds one row
 * per message, its #define in wire.h, and the same value in wire.h's predicate tsr_wire_type_ok
 * (WP proves tsr_wire_type_known against that predicate, so a forgotten half fails the proof). */
static const uint16_t tsr_wire_types[] = {
    TSR_MSG_SHARING_COMMITMENT, /* 0x0101 dealer broadcast: VSS commitment */
    TSR_MSG_SHARING_SHARE,      /* 0x0102 dealer to party: share (id || value) */
    TSR_MSG_DKG_ROUND1,         /* 0x0201 broadcast: Feldman commitment and PoK */
    TSR_MSG_DKG_ROUND2_EQ,      /* 0x0202 broadcast: round-1 transcript hash */
    TSR_MSG_DKG_ROUND2_SHARE,   /* 0x0203 party to party: share */
    TSR_MSG_DKG_ROUND3,         /* 0x0204 broadcast: complaints or certificate signature */
    TSR_MSG_DKG_ROUND4,         /* 0x0205 broadcast: openings */
    TSR_MSG_FROST_COMMITMENT,   /* 0x0301 signer to coordinator: nonce commitment */
    TSR_MSG_FROST_REQUEST,      /* 0x0302 coordinator to signer: message and commitment list */
    TSR_MSG_FROST_SIGSHARE,     /* 0x0303 signer to coordinator: signature share */
    TSR_MSG_FROST_SIGNATURE,    /* 0x0401 coordinator broadcast: aggregate signature */
};
#define TSR_WIRE_NTYPES 11
/* The row count above is spelled out for the proof; this catches a table that grew without it. */
typedef char tsr_wire_ntypes_matches[(sizeof tsr_wire_types / sizeof tsr_wire_types[0] == TSR_WIRE_NTYPES) ? 1 : -1];

/*@ requires valid_p: \valid_read(p + (0 .. 1));
  @ assigns \nothing;
  @ ensures value: \result == tsr_be16(p);
  @*/
static uint16_t tsr_wire_get16(const uint8_t *p) {
    return (uint16_t)((unsigned)p[0] * 256u + (unsigned)p[1]);
}

/*@ requires valid_p: \valid_read(p + (0 .. 3));
  @ assigns \nothing;
  @ ensures value: \result == tsr_be32(p);
  @*/
static uint32_t tsr_wire_get32(const uint8_t *p) {
    return (((uint32_t)p[0] * 256u + (uint32_t)p[1]) * 256u + (uint32_t)p[2]) * 256u + (uint32_t)p[3];
}

/*@ requires valid_p: \valid(p + (0 .. 1));
  @ assigns p[0 .. 1];
  @ ensures bytes: p[0] == v / 256 && p[1] == v % 256;
  @*/
static void tsr_wire_put16(uint8_t *p, uint16_t v) {
    p[0] = (uint8_t)(v / 256u);
    p[1] = (uint8_t)(v % 256u);
}

/*@ requires valid_p: \valid(p + (0 .. 3));
  @ assigns p[0 .. 3];
  @ ensures bytes: p[0] == v / 16777216 && p[1] == v / 65536 % 256 && p[2] == v / 256 % 256 && p[3] == v % 256;
  @*/
static void tsr_wire_put32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v / 16777216u);
    p[1] = (uint8_t)(v / 65536u % 256u);
    p[2] = (uint8_t)(v / 256u % 256u);
    p[3] = (uint8_t)(v % 256u);
}

/* dst[0 .. n-1] = src[0 .. n-1]. A loop rather than memcpy so that WP sees byte-typed accesses
 * (no cast to char *). */
/*@ requires valid_dst: \valid(dst + (0 .. n - 1));
  @ requires valid_src: \valid_read(src + (0 .. n - 1));
  @ requires sep: \separated(dst + (0 .. n - 1), src + (0 .. n - 1));
  @ assigns dst[0 .. n - 1];
  @ ensures copy: \forall integer j; 0 <= j < n ==> dst[j] == src[j];
  @*/
static void tsr_wire_copy(uint8_t *dst, const uint8_t *src, size_t n) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= n;
      @ loop invariant copy: \forall integer j; 0 <= j < i ==> dst[j] == src[j];
      @ loop assigns i, dst[0 .. n - 1];
      @ loop variant n - i;
      @*/
    for (i = 0; i < n; i++) {
        dst[i] = src[i];
    }
}

int tsr_wire_suite_known(uint8_t suite) {
    return suite == TSR_SUITE_SECP256K1_SHA256 || suite == TSR_SUITE_SECP256K1_TR;
}

int tsr_wire_type_known(uint16_t type) {
    size_t i;
    /*@ loop invariant bound: 0 <= i <= TSR_WIRE_NTYPES;
      @ loop invariant absent: \forall integer j; 0 <= j < i ==> tsr_wire_types[j] != type;
      @ loop assigns i;
      @ loop variant TSR_WIRE_NTYPES - i;
      @*/
    for (i = 0; i < TSR_WIRE_NTYPES; i++) {
        if (tsr_wire_types[i] == type) {
            return 1;
        }
    }
    return 0;
}

size_t tsr_frame_encoded_len(const tsr_frame *f) {
    size_t total = TSR_WIRE_HEADER_BYTES;
    int over = 0;
    size_t i;
    if (f == NULL || f->nfields > TSR_WIRE_MAX_FIELDS) {
        return 0;
    }
    /* total stays <= TSR_WIRE_MAX_FRAME; once a field would push it past, over is set and total
     * is frozen. Every comparison subtracts from a bound first, so nothing can wrap. */
    /*@ loop invariant bound: 0 <= i <= f->nfields;
      @ loop invariant fields: \forall integer k; 0 <= k < i ==> f->field_len[k] <= TSR_WIRE_MAX_FRAME &&
      @   (f->field_len[k] == 0 || f->field[k] != \null);
      @ loop invariant within: over == 0 ==> total == TSR_WIRE_HEADER_BYTES + tsr_frame_body(f, i) &&
      @   total <= TSR_WIRE_MAX_FRAME;
      @ loop invariant beyond: over != 0 ==> TSR_WIRE_HEADER_BYTES + tsr_frame_body(f, i) > TSR_WIRE_MAX_FRAME;
      @ loop invariant total: TSR_WIRE_HEADER_BYTES <= total <= TSR_WIRE_MAX_FRAME;
      @ loop assigns i, total, over;
      @ loop variant f->nfields - i;
      @*/
    for (i = 0; i < f->nfields; i++) {
        size_t len = f->field_len[i];
        if (len > TSR_WIRE_MAX_FRAME || (len != 0 && f->field[i] == NULL)) {
            return 0;
        }
        if (over == 0) {
            if (TSR_WIRE_MAX_FRAME - total < 4 || len > TSR_WIRE_MAX_FRAME - total - 4) {
                over = 1;
            } else {
                total += 4 + len;
            }
        }
    }
    return over == 0 ? total : 0;
}

/* Lemma (proved by WP through the ghost loop below, which is the induction): the body size of a
 * frame grows with the number of fields counted, tsr_frame_body(f, i) <= tsr_frame_body(f, j)
 * for i <= j. The encoder uses it to bound each write by the total length. */
/*@ ghost
  @ /@ requires order: 0 <= i <= j;
  @  @ assigns \nothing;
  @  @ ensures mono: tsr_frame_body(f, i) <= tsr_frame_body(f, j);
  @  @/
  @ void tsr_frame_body_mono(const tsr_frame *f, size_t i, size_t j) {
  @   size_t k = i;
  @   /@ loop invariant bound: i <= k <= j;
  @    @ loop invariant mono: tsr_frame_body(f, i) <= tsr_frame_body(f, k);
  @    @ loop assigns k;
  @    @ loop variant j - k;
  @    @/
  @   while (k < j) {
  @     k++;
  @   }
  @ }
  @*/

int tsr_frame_encode(uint8_t *out, size_t outcap, size_t *outlen, const tsr_frame *f) {
    size_t need, pos, i;
    if (outlen == NULL || f == NULL || (out == NULL && outcap != 0)) {
        if (outlen != NULL) {
            *outlen = 0;
        }
        return TSR_ERR_ARG;
    }
    need = tsr_frame_encoded_len(f);
    if (need == 0 || need > outcap || f->version != TSR_WIRE_VERSION || !tsr_wire_suite_known(f->suite) ||
        !tsr_wire_type_known(f->type) || f->sender > TSR_MAX_PARTIES) {
        *outlen = 0;
        return TSR_ERR_ARG;
    }
    out[0] = f->version;
    out[1] = f->suite;
    tsr_wire_put16(out + 2, f->type);
    tsr_wire_copy(out + 4, f->session, 32);
    tsr_wire_put32(out + 36, f->sender);
    tsr_wire_put16(out + 40, (uint16_t)f->nfields);
    pos = TSR_WIRE_HEADER_BYTES;
    /*@ loop invariant bound: 0 <= i <= f->nfields;
      @ loop invariant pos: pos == TSR_WIRE_HEADER_BYTES + tsr_frame_body(f, i);
      @ loop invariant pos_lo: TSR_WIRE_HEADER_BYTES <= pos;
      @ loop invariant need: need == TSR_WIRE_HEADER_BYTES + tsr_frame_body(f, f->nfields) && need <= outcap;
      @ loop invariant fits: pos <= need;
      @ loop assigns i, pos, out[TSR_WIRE_HEADER_BYTES .. outcap - 1];
      @ loop variant f->nfields - i;
      @*/
    for (i = 0; i < f->nfields; i++) {
        size_t len = f->field_len[i];
        /* need covers every field, so pos + 4 + len <= need <= outcap. */
        /*@ ghost tsr_frame_body_mono(f, i + 1, f->nfields); */
        tsr_wire_put32(out + pos, (uint32_t)len);
        pos += 4;
        if (len != 0) {
            tsr_wire_copy(out + pos, f->field[i], len);
        }
        pos += len;
    }
    *outlen = pos;
    return TSR_OK;
}

/* Zeroes the header members and the count of a frame (the failure state of the decoder). */
/*@ requires valid_f: \valid(f);
  @ assigns f->version, f->suite, f->type, f->session[0 .. 31], f->sender, f->nfields;
  @ ensures zero: f->version == 0 && f->suite == 0 && f->type == 0 && f->sender == 0 && f->nfields == 0;
  @*/
static void tsr_frame_reset(tsr_frame *f) {
    size_t i;
    f->version = 0;
    f->suite = 0;
    f->type = 0;
    /*@ loop invariant bound: 0 <= i <= 32;
      @ loop assigns i, f->session[0 .. 31];
      @ loop variant 32 - i;
      @*/
    for (i = 0; i < 32; i++) {
        f->session[i] = 0;
    }
    f->sender = 0;
    f->nfields = 0;
}

/* Lemma (by the same ghost-loop induction as above): once a length prefix or a field runs past the end,
 * tsr_wire_pos stays -1 for every later field count. With it the decoder's contract states that a
 * frame whose header passes is accepted exactly when tsr_wire_pos(in, inlen, nfields) == inlen. */
/*@ ghost
  @ /@ requires order: 0 <= k <= j;
  @  @ requires stuck: tsr_wire_pos(in, inlen, k) == -1;
  @  @ assigns \nothing;
  @  @ ensures stuck: tsr_wire_pos(in, inlen, j) == -1;
  @  @/
  @ void tsr_wire_pos_stuck(const uint8_t *in, size_t inlen, size_t k, size_t j) {
  @   size_t m = k;
  @   /@ loop invariant bound: k <= m <= j;
  @    @ loop invariant stuck: tsr_wire_pos(in, inlen, m) == -1;
  @    @ loop assigns m;
  @    @ loop variant j - m;
  @    @/
  @   while (m < j) {
  @     m++;
  @   }
  @ }
  @*/

/* The header checks of tsr_frame_decode, in the documented order (spec/encoding.md §Frame
 * decoding). Returns: TSR_CHECK_NONE, or the first failed check. Reads nothing before inlen >= 42
 * is known. */
/*@ requires valid_in: \valid_read(in + (0 .. inlen - 1));
  @ assigns \nothing;
  @ behavior truncated_header:
  @   assumes inlen < TSR_WIRE_HEADER_BYTES;
  @   ensures \result == TSR_CHECK_TRUNCATED;
  @ behavior oversize:
  @   assumes TSR_WIRE_HEADER_BYTES <= inlen && inlen > TSR_WIRE_MAX_FRAME;
  @   ensures \result == TSR_CHECK_SIZE;
  @ behavior bad_version:
  @   assumes TSR_WIRE_HEADER_BYTES <= inlen <= TSR_WIRE_MAX_FRAME;
  @   assumes in[0] != TSR_WIRE_VERSION;
  @   ensures \result == TSR_CHECK_VERSION;
  @ behavior bad_suite:
  @   assumes TSR_WIRE_HEADER_BYTES <= inlen <= TSR_WIRE_MAX_FRAME;
  @   assumes in[0] == TSR_WIRE_VERSION && !tsr_wire_suite_ok(in[1]);
  @   ensures \result == TSR_CHECK_SUITE;
  @ behavior bad_type:
  @   assumes TSR_WIRE_HEADER_BYTES <= inlen <= TSR_WIRE_MAX_FRAME;
  @   assumes in[0] == TSR_WIRE_VERSION && tsr_wire_suite_ok(in[1]) && !tsr_wire_type_ok(tsr_be16(in + 2));
  @   ensures \result == TSR_CHECK_TYPE;
  @ behavior bad_sender:
  @   assumes TSR_WIRE_HEADER_BYTES <= inlen <= TSR_WIRE_MAX_FRAME;
  @   assumes in[0] == TSR_WIRE_VERSION && tsr_wire_suite_ok(in[1]) && tsr_wire_type_ok(tsr_be16(in + 2));
  @   assumes tsr_be32(in + 36) > TSR_MAX_PARTIES;
  @   ensures \result == TSR_CHECK_SENDER;
  @ behavior bad_count:
  @   assumes TSR_WIRE_HEADER_BYTES <= inlen <= TSR_WIRE_MAX_FRAME;
  @   assumes in[0] == TSR_WIRE_VERSION && tsr_wire_suite_ok(in[1]) && tsr_wire_type_ok(tsr_be16(in + 2));
  @   assumes tsr_be32(in + 36) <= TSR_MAX_PARTIES && tsr_be16(in + 40) > TSR_WIRE_MAX_FIELDS;
  @   ensures \result == TSR_CHECK_COUNT;
  @ behavior ok:
  @   assumes tsr_wire_header_ok(in, inlen);
  @   ensures \result == TSR_CHECK_NONE;
  @ complete behaviors;
  @ disjoint behaviors;
  @*/
static tsr_check tsr_wire_check_header(const uint8_t *in, size_t inlen) {
    if (inlen < TSR_WIRE_HEADER_BYTES) {
        return TSR_CHECK_TRUNCATED;
    }
    if (inlen > TSR_WIRE_MAX_FRAME) {
        return TSR_CHECK_SIZE;
    }
    if (in[0] != TSR_WIRE_VERSION) {
        return TSR_CHECK_VERSION;
    }
    if (!tsr_wire_suite_known(in[1])) {
        return TSR_CHECK_SUITE;
    }
    if (!tsr_wire_type_known(tsr_wire_get16(in + 2))) {
        return TSR_CHECK_TYPE;
    }
    if (tsr_wire_get32(in + 36) > TSR_MAX_PARTIES) {
        return TSR_CHECK_SENDER;
    }
    if (tsr_wire_get16(in + 40) > TSR_WIRE_MAX_FIELDS) { /* the count is checked before it bounds any loop */
        return TSR_CHECK_COUNT;
    }
    return TSR_CHECK_NONE;
}

/* The field walk of tsr_frame_decode: f->field[k], f->field_len[k] for k < nfields, the fields
 * starting right after the header. pos <= inlen throughout; each test compares a length against
 * the bytes that remain (inlen - pos), never pos + len against inlen, so no sum is formed before
 * it is known to fit. Returns: TSR_CHECK_NONE, TSR_CHECK_TRUNCATED (a length prefix or a field
 * runs past the end) or TSR_CHECK_TRAILING (bytes after the last field); f->nfields is set on
 * success only. */
/*@ requires valid_f: \valid(f);
  @ requires valid_in: \valid_read(in + (0 .. inlen - 1));
  @ requires sep_in: \separated(in + (0 .. inlen - 1), f);
  @ requires sizes: TSR_WIRE_HEADER_BYTES <= inlen <= TSR_WIRE_MAX_FRAME && nfields <= TSR_WIRE_MAX_FIELDS;
  @ assigns f->field[0 .. TSR_WIRE_MAX_FIELDS - 1] \from in, in[0 .. inlen - 1], inlen, nfields;
  @ assigns f->field_len[0 .. TSR_WIRE_MAX_FIELDS - 1] \from in[0 .. inlen - 1], inlen, nfields;
  @ assigns f->nfields \from in[0 .. inlen - 1], inlen, nfields;
  @ ensures count: \result == TSR_CHECK_NONE ==> f->nfields == nfields;
  @ ensures range: \result == TSR_CHECK_NONE || \result == TSR_CHECK_TRUNCATED || \result == TSR_CHECK_TRAILING;
  @ ensures none: \result == TSR_CHECK_NONE <==> tsr_wire_pos(in, inlen, nfields) == inlen;
  @ ensures truncated: \result == TSR_CHECK_TRUNCATED ==> tsr_wire_pos(in, inlen, nfields) == -1;
  @ ensures trailing: \result == TSR_CHECK_TRAILING ==>
  @   tsr_wire_pos(in, inlen, nfields) >= 0 && tsr_wire_pos(in, inlen, nfields) != inlen;
  @ ensures field_ptr: \result == TSR_CHECK_NONE ==> \forall integer k; 0 <= k < nfields ==>
  @   f->field[k] == in + (tsr_wire_pos(in, inlen, k) + 4);
  @ ensures field_len: \result == TSR_CHECK_NONE ==> \forall integer k; 0 <= k < nfields ==>
  @   f->field_len[k] == tsr_be32(in + tsr_wire_pos(in, inlen, k));
  @ ensures field_in: \result == TSR_CHECK_NONE ==> \forall integer k; 0 <= k < nfields ==>
  @   TSR_WIRE_HEADER_BYTES <= tsr_wire_pos(in, inlen, k) &&
  @   tsr_wire_pos(in, inlen, k) + 4 + f->field_len[k] <= inlen;
  @*/
static tsr_check tsr_wire_parse_fields(tsr_frame *f, const uint8_t *in, size_t inlen, size_t nfields) {
    size_t pos = TSR_WIRE_HEADER_BYTES, i;
    /*@ loop invariant bound: 0 <= i <= nfields;
      @ loop invariant pos_range: TSR_WIRE_HEADER_BYTES <= pos <= inlen;
      @ loop invariant pos_logic: pos == tsr_wire_pos(in, inlen, i);
      @ loop invariant field_ptr: \forall integer k; 0 <= k < i ==>
      @   f->field[k] == in + (tsr_wire_pos(in, inlen, k) + 4);
      @ loop invariant field_len: \forall integer k; 0 <= k < i ==>
      @   f->field_len[k] == tsr_be32(in + tsr_wire_pos(in, inlen, k));
      @ loop invariant field_lo: \forall integer k; 0 <= k < i ==>
      @   TSR_WIRE_HEADER_BYTES <= tsr_wire_pos(in, inlen, k);
      @ loop invariant field_hi: \forall integer k; 0 <= k < i ==>
      @   tsr_wire_pos(in, inlen, k) + 4 + f->field_len[k] <= pos;
      @ loop assigns i, pos, f->field[0 .. TSR_WIRE_MAX_FIELDS - 1], f->field_len[0 .. TSR_WIRE_MAX_FIELDS - 1];
      @ loop variant nfields - i;
      @*/
    for (i = 0; i < nfields; i++) {
        uint32_t len;
        if (inlen - pos < 4) {
            /*@ ghost tsr_wire_pos_stuck(in, inlen, i + 1, nfields); */
            return TSR_CHECK_TRUNCATED;
        }
        len = tsr_wire_get32(in + pos);
        if (len > inlen - pos - 4) {
            /*@ ghost tsr_wire_pos_stuck(in, inlen, i + 1, nfields); */
            return TSR_CHECK_TRUNCATED;
        }
        f->field[i] = in + pos + 4;
        f->field_len[i] = len;
        pos += 4 + (size_t)len;
    }
    if (pos != inlen) {
        return TSR_CHECK_TRAILING;
    }
    f->nfields = nfields;
    return TSR_CHECK_NONE;
}

int tsr_frame_decode(tsr_frame *f, const uint8_t *in, size_t inlen, tsr_check *reason) {
    tsr_check why;
    size_t nfields;
    uint32_t sender;
    uint16_t type;

    if (f == NULL || (in == NULL && inlen != 0)) {
        if (reason != NULL) {
            *reason = TSR_CHECK_LENGTH;
        }
        return TSR_ERR_ARG;
    }
    why = tsr_wire_check_header(in, inlen);
    if (why != TSR_CHECK_NONE) {
        goto fail;
    }
    type = tsr_wire_get16(in + 2);
    sender = tsr_wire_get32(in + 36);
    nfields = tsr_wire_get16(in + 40);
    why = tsr_wire_parse_fields(f, in, inlen, nfields);
    if (why != TSR_CHECK_NONE) {
        goto fail;
    }
    /* The header is stored only now: until here f held nothing but field slots and the count. */
    tsr_wire_copy(f->session, in + 4, 32);
    f->version = in[0];
    f->suite = in[1];
    f->type = type;
    f->sender = sender;
    if (reason != NULL) {
        *reason = TSR_CHECK_NONE;
    }
    return TSR_OK;

fail:
    tsr_frame_reset(f);
    if (reason != NULL) {
        *reason = why;
    }
    return TSR_ERR_ENCODING;
}
