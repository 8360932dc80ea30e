/* Wire: the canonical message frame shared by every protocol, with a strict decoder. */
#ifndef TESSERA_WIRE_H
#define TESSERA_WIRE_H

#include "tessera/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Frame (all integers big-endian), spec/encoding.md §Frame:
 *   u8 version (= 1) || u8 suite || u16 type || session (32) || u32 sender || u16 nfields ||
 *   nfields * ( u32 len || len bytes )
 * type = protocol family (high byte) and message (low byte); sender 0 is the dealer or
 * coordinator, 1..TSR_MAX_PARTIES a party. */
#define TSR_WIRE_VERSION 1
#define TSR_WIRE_HEADER_BYTES 42
#define TSR_WIRE_MAX_FIELDS TSR_MAX_PARTIES
#define TSR_WIRE_MAX_FRAME (1u << 24) /* 16 MiB: caps every frame and field */

/* Message types known to this build. Later protocols append their own: a #define here, a row in
 * the table tsr_wire_types in ref/src/wire.c, a disjunct in the ACSL predicate tsr_wire_type_ok
 * below (WP checks that table and predicate agree), and a row in spec/encoding.md §Registry. */
#define TSR_MSG_SHARING_COMMITMENT 0x0101 /* dealer broadcast: one field, a VSS commitment */
#define TSR_MSG_SHARING_SHARE      0x0102 /* dealer to party: one field, a share (id || value) */
#define TSR_MSG_DKG_ROUND1         0x0201 /* broadcast: Feldman commitment and PoK (dkg.h) */
#define TSR_MSG_DKG_ROUND2_EQ      0x0202 /* broadcast: hash of the round-1 transcript */
#define TSR_MSG_DKG_ROUND2_SHARE   0x0203 /* party to party: f_i(j) */
#define TSR_MSG_DKG_ROUND3         0x0204 /* broadcast: complaints, or the certificate signature */
#define TSR_MSG_DKG_ROUND4         0x0205 /* broadcast: openings of accused shares */
#define TSR_MSG_FROST_COMMITMENT   0x0301 /* signer to coordinator: (id, D, E) */
#define TSR_MSG_FROST_REQUEST      0x0302 /* coordinator to signer: message and commitment list */
#define TSR_MSG_FROST_SIGSHARE     0x0303 /* signer to coordinator: (id, z) */
#define TSR_MSG_FROST_SIGNATURE    0x0401 /* coordinator broadcast: the aggregate signature */

typedef struct {
    uint8_t version;
    uint8_t suite;
    uint16_t type;
    uint8_t session[32];
    uint32_t sender;
    size_t nfields;
    const uint8_t *field[TSR_WIRE_MAX_FIELDS]; /* decoded frames point into the input buffer */
    size_t field_len[TSR_WIRE_MAX_FIELDS];
} tsr_frame;

/* Logic view of the frame, used by the ACSL contracts below (spec/encoding.md §Frame).
 * tsr_wire_pos(in, inlen, k): offset of field k's length prefix in a frame of inlen bytes, that is
 * 42 + sum_{j<k} (4 + len_j), or -1 as soon as a length prefix or a field would run past inlen.
 * The fields of a frame with nfields fields fill it exactly when tsr_wire_pos(in, inlen, nfields)
 * == inlen. tsr_frame_body(f, k) = sum_{j<k} (4 + f->field_len[j]). */
/*@ predicate tsr_wire_suite_ok(integer s) =
  @   s == TSR_SUITE_SECP256K1_SHA256 || s == TSR_SUITE_SECP256K1_TR;
  @ predicate tsr_wire_type_ok(integer t) =
  @   t == TSR_MSG_SHARING_COMMITMENT || t == TSR_MSG_SHARING_SHARE ||
  @   t == TSR_MSG_DKG_ROUND1 || t == TSR_MSG_DKG_ROUND2_EQ || t == TSR_MSG_DKG_ROUND2_SHARE ||
  @   t == TSR_MSG_DKG_ROUND3 || t == TSR_MSG_DKG_ROUND4 || t == TSR_MSG_FROST_COMMITMENT ||
  @   t == TSR_MSG_FROST_REQUEST || t == TSR_MSG_FROST_SIGSHARE || t == TSR_MSG_FROST_SIGNATURE;
  @ logic integer tsr_be16{L}(uint8_t *p) = p[0] * 256 + p[1];
  @ logic integer tsr_be32{L}(uint8_t *p) = ((p[0] * 256 + p[1]) * 256 + p[2]) * 256 + p[3];
  @ logic integer tsr_wire_pos{L}(uint8_t *in, integer inlen, integer k) =
  @   k <= 0 ? TSR_WIRE_HEADER_BYTES :
  @   \let q = tsr_wire_pos(in, inlen, k - 1);
  @   (q < 0 || inlen - q < 4) ? -1 :
  @   (tsr_be32(in + q) > inlen - q - 4 ? -1 : q + 4 + tsr_be32(in + q));
  @ predicate tsr_wire_header_ok{L}(uint8_t *in, integer inlen) =
  @   TSR_WIRE_HEADER_BYTES <= inlen <= TSR_WIRE_MAX_FRAME && in[0] == TSR_WIRE_VERSION &&
  @   tsr_wire_suite_ok(in[1]) && tsr_wire_type_ok(tsr_be16(in + 2)) &&
  @   tsr_be32(in + 36) <= TSR_MAX_PARTIES && tsr_be16(in + 40) <= TSR_WIRE_MAX_FIELDS;
  @ logic integer tsr_frame_body{L}(tsr_frame *f, integer k) =
  @   k <= 0 ? 0 : tsr_frame_body(f, k - 1) + 4 + f->field_len[k - 1];
  @ predicate tsr_frame_fields_ok{L}(tsr_frame *f) =
  @   f->nfields <= TSR_WIRE_MAX_FIELDS &&
  @   (\forall integer k; 0 <= k < f->nfields ==> f->field_len[k] <= TSR_WIRE_MAX_FRAME &&
  @      (f->field_len[k] == 0 || f->field[k] != \null)) &&
  @   TSR_WIRE_HEADER_BYTES + tsr_frame_body(f, f->nfields) <= TSR_WIRE_MAX_FRAME;
  @*/

/* Returns: 1 if this build knows the suite / message type, else 0. */
/*@ assigns \nothing;
  @ ensures known: \result == 1 <==> tsr_wire_suite_ok(suite);
  @ ensures bool: \result == 0 || \result == 1;
  @*/
int tsr_wire_suite_known(uint8_t suite);
/*@ assigns \nothing;
  @ ensures known: \result == 1 <==> tsr_wire_type_ok(type);
  @ ensures bool: \result == 0 || \result == 1;
  @*/
int tsr_wire_type_known(uint16_t type);

/* Returns: the encoded size of f, or 0 if f is not encodable (too many fields, too large, or a
 * NULL field pointer with a non-zero length). Header values are not checked here: see
 * tsr_frame_encode. */
/*@ requires valid_f: \valid_read(f);
  @ assigns \nothing;
  @ ensures ok: tsr_frame_fields_ok(f) ==> \result == TSR_WIRE_HEADER_BYTES + tsr_frame_body(f, f->nfields);
  @ ensures ok_nonzero: tsr_frame_fields_ok(f) ==> \result >= TSR_WIRE_HEADER_BYTES;
  @ ensures bad: !tsr_frame_fields_ok(f) ==> \result == 0;
  @ ensures range: \result == 0 || TSR_WIRE_HEADER_BYTES <= \result <= TSR_WIRE_MAX_FRAME;
  @*/
size_t tsr_frame_encoded_len(const tsr_frame *f);

/* Encodes f. Returns: TSR_OK, or TSR_ERR_ARG (unknown version/suite/type, sender out of range,
 * nfields over the limit, a field or the frame over TSR_WIRE_MAX_FRAME, outcap too small).
 * Out: *outlen (0 on error). */
/*@ requires valid_f: \valid_read(f);
  @ requires valid_out: \valid(out + (0 .. outcap - 1));
  @ requires valid_outlen: \valid(outlen);
  @ requires valid_fields: \forall integer k; 0 <= k < f->nfields && k < TSR_WIRE_MAX_FIELDS &&
  @   f->field_len[k] <= TSR_WIRE_MAX_FRAME ==> \valid_read(f->field[k] + (0 .. f->field_len[k] - 1));
  @ requires sep_fields: \forall integer k; 0 <= k < f->nfields && k < TSR_WIRE_MAX_FIELDS &&
  @   f->field_len[k] <= TSR_WIRE_MAX_FRAME ==>
  @   \separated(out + (0 .. outcap - 1), f->field[k] + (0 .. f->field_len[k] - 1));
  @ requires sep: \separated(out + (0 .. outcap - 1), f, outlen);
  @ assigns out[0 .. outcap - 1], *outlen;
  @ ensures result: \result == TSR_OK || \result == TSR_ERR_ARG;
  @ ensures ok_valid: \result == TSR_OK ==> \old(tsr_frame_fields_ok(f)) &&
  @   \old(TSR_WIRE_HEADER_BYTES + tsr_frame_body(f, f->nfields)) <= outcap &&
  @   \old(f->version) == TSR_WIRE_VERSION && tsr_wire_suite_ok(\old(f->suite)) &&
  @   tsr_wire_type_ok(\old(f->type)) && \old(f->sender) <= TSR_MAX_PARTIES;
  @ ensures ok_complete: (\old(tsr_frame_fields_ok(f)) &&
  @   \old(TSR_WIRE_HEADER_BYTES + tsr_frame_body(f, f->nfields)) <= outcap &&
  @   \old(f->version) == TSR_WIRE_VERSION && tsr_wire_suite_ok(\old(f->suite)) &&
  @   tsr_wire_type_ok(\old(f->type)) && \old(f->sender) <= TSR_MAX_PARTIES) ==> \result == TSR_OK;
  @ ensures len: \result == TSR_OK ==> *outlen == \old(TSR_WIRE_HEADER_BYTES + tsr_frame_body(f, f->nfields));
  @ ensures len_err: \result != TSR_OK ==> *outlen == 0;
  @*/
int tsr_frame_encode(uint8_t *out, size_t outcap, size_t *outlen, const tsr_frame *f);

/* Strict decoding of a whole frame: known version, suite and type, sender <= TSR_MAX_PARTIES,
 * nfields <= TSR_WIRE_MAX_FIELDS, every length within the input, no trailing bytes, total size
 * <= TSR_WIRE_MAX_FRAME. Fields point into in (no copy). Returns: TSR_OK or TSR_ERR_ENCODING
 * with *reason. On failure f->nfields is 0.
 * Checks, in this order (spec/encoding.md §Frame decoding), the first failure being the reason:
 *   inlen < 42 -> TSR_CHECK_TRUNCATED; inlen > TSR_WIRE_MAX_FRAME -> TSR_CHECK_SIZE;
 *   version -> TSR_CHECK_VERSION; suite -> TSR_CHECK_SUITE; type -> TSR_CHECK_TYPE;
 *   sender -> TSR_CHECK_SENDER; nfields -> TSR_CHECK_COUNT; then field by field, a length prefix
 *   or a field running past the end -> TSR_CHECK_TRUNCATED; bytes after the last field ->
 *   TSR_CHECK_TRAILING. reason may be NULL; on success it gets TSR_CHECK_NONE. On failure the
 *   header members of f are zeroed as well. */
/*@ requires valid_f: \valid(f);
  @ requires valid_in: \valid_read(in + (0 .. inlen - 1));
  @ requires valid_reason: reason == \null || \valid(reason);
  @ requires sep: \separated(f, reason);
  @ requires sep_in: \separated(in + (0 .. inlen - 1), f, reason);
  @ assigns *f, *reason;
  @ ensures result: \result == TSR_OK || \result == TSR_ERR_ENCODING;
  @ ensures failed: \result != TSR_OK ==> f->nfields == 0 && f->version == 0 && f->type == 0 &&
  @   f->sender == 0;
  @ ensures reason_ok: reason != \null ==> (*reason == TSR_CHECK_NONE <==> \result == TSR_OK);
  @ behavior truncated_header:
  @   assumes inlen < TSR_WIRE_HEADER_BYTES;
  @   ensures \result == TSR_ERR_ENCODING;
  @   ensures reason != \null ==> *reason == TSR_CHECK_TRUNCATED;
  @ behavior oversize:
  @   assumes TSR_WIRE_HEADER_BYTES <= inlen && inlen > TSR_WIRE_MAX_FRAME;
  @   ensures \result == TSR_ERR_ENCODING;
  @   ensures reason != \null ==> *reason == TSR_CHECK_SIZE;
  @ behavior bad_version:
  @   assumes TSR_WIRE_HEADER_BYTES <= inlen <= TSR_WIRE_MAX_FRAME;
  @   assumes in[0] != TSR_WIRE_VERSION;
  @   ensures \result == TSR_ERR_ENCODING;
  @   ensures reason != \null ==> *reason == TSR_CHECK_VERSION;
  @ behavior bad_suite:
  @   assumes TSR_WIRE_HEADER_BYTES <= inlen <= TSR_WIRE_MAX_FRAME;
  @   assumes in[0] == TSR_WIRE_VERSION && !tsr_wire_suite_ok(in[1]);
  @   ensures \result == TSR_ERR_ENCODING;
  @   ensures reason != \null ==> *reason == TSR_CHECK_SUITE;
  @ behavior bad_type:
  @   assumes TSR_WIRE_HEADER_BYTES <= inlen <= TSR_WIRE_MAX_FRAME;
  @   assumes in[0] == TSR_WIRE_VERSION && tsr_wire_suite_ok(in[1]) && !tsr_wire_type_ok(tsr_be16(in + 2));
  @   ensures \result == TSR_ERR_ENCODING;
  @   ensures reason != \null ==> *reason == TSR_CHECK_TYPE;
  @ behavior bad_sender:
  @   assumes TSR_WIRE_HEADER_BYTES <= inlen <= TSR_WIRE_MAX_FRAME;
  @   assumes in[0] == TSR_WIRE_VERSION && tsr_wire_suite_ok(in[1]) && tsr_wire_type_ok(tsr_be16(in + 2));
  @   assumes tsr_be32(in + 36) > TSR_MAX_PARTIES;
  @   ensures \result == TSR_ERR_ENCODING;
  @   ensures reason != \null ==> *reason == TSR_CHECK_SENDER;
  @ behavior bad_count:
  @   assumes TSR_WIRE_HEADER_BYTES <= inlen <= TSR_WIRE_MAX_FRAME;
  @   assumes in[0] == TSR_WIRE_VERSION && tsr_wire_suite_ok(in[1]) && tsr_wire_type_ok(tsr_be16(in + 2));
  @   assumes tsr_be32(in + 36) <= TSR_MAX_PARTIES && tsr_be16(in + 40) > TSR_WIRE_MAX_FIELDS;
  @   ensures \result == TSR_ERR_ENCODING;
  @   ensures reason != \null ==> *reason == TSR_CHECK_COUNT;
  @ behavior body:
  @   assumes tsr_wire_header_ok(in, inlen);
  @   ensures well_formed: \result == TSR_OK <==> \at(tsr_wire_pos(in, inlen, tsr_be16(in + 40)), Pre) == inlen;
  @   ensures ok_count: \result == TSR_OK ==> f->nfields == \at(tsr_be16(in + 40), Pre);
  @   ensures ok_header: \result == TSR_OK ==> f->version == in[0] && f->suite == in[1] &&
  @     f->type == \at(tsr_be16(in + 2), Pre) && f->sender == \at(tsr_be32(in + 36), Pre);
  @   ensures ok_session: \result == TSR_OK ==> \forall integer j; 0 <= j < 32 ==> f->session[j] == in[4 + j];
  @   ensures field_ptr: \result == TSR_OK ==> \forall integer k; 0 <= k < f->nfields ==>
  @     f->field[k] == in + (tsr_wire_pos{Pre}(in, inlen, k) + 4);
  @   ensures field_len: \result == TSR_OK ==> \forall integer k; 0 <= k < f->nfields ==>
  @     f->field_len[k] == tsr_be32{Pre}(in + tsr_wire_pos{Pre}(in, inlen, k));
  @   ensures field_in: \result == TSR_OK ==> \forall integer k; 0 <= k < f->nfields ==>
  @     TSR_WIRE_HEADER_BYTES <= tsr_wire_pos{Pre}(in, inlen, k) &&
  @     tsr_wire_pos{Pre}(in, inlen, k) + 4 + f->field_len[k] <= inlen;
  @   ensures truncated: \result != TSR_OK && reason != \null ==>
  @     (*reason == TSR_CHECK_TRUNCATED <==> \at(tsr_wire_pos(in, inlen, tsr_be16(in + 40)), Pre) == -1);
  @   ensures trailing: \result != TSR_OK && reason != \null ==>
  @     (*reason == TSR_CHECK_TRAILING <==> \at(tsr_wire_pos(in, inlen, tsr_be16(in + 40)), Pre) >= 0 &&
  @      \at(tsr_wire_pos(in, inlen, tsr_be16(in + 40)), Pre) != inlen);
  @   ensures body_reason: \result != TSR_OK && reason != \null ==>
  @     *reason == TSR_CHECK_TRUNCATED || *reason == TSR_CHECK_TRAILING;
  @ complete behaviors;
  @ disjoint behaviors;
  @*/
int tsr_frame_decode(tsr_frame *f, const uint8_t *in, size_t inlen, tsr_check *reason);

#ifdef __cplusplus
}
#endif
#endif
