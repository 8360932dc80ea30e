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

/* Message types known to this build. Later protocols append their own. */
#define TSR_MSG_SHARING_COMMITMENT 0x0101 /* dealer broadcast: one field, a VSS commitment */
#define TSR_MSG_SHARING_SHARE      0x0102 /* dealer to party: one field, a share (id || value) */

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

/* Returns: 1 if this build knows the suite / message type, else 0. */
int tsr_wire_suite_known(uint8_t suite);
int tsr_wire_type_known(uint16_t type);

/* Returns: the encoded size of f, or 0 if f is not encodable (too many fields, too large). */
size_t tsr_frame_encoded_len(const tsr_frame *f);

/* Encodes f. Returns: TSR_OK, or TSR_ERR_ARG (unknown version/suite/type, sender out of range,
 * nfields over the limit, a field or the frame over TSR_WIRE_MAX_FRAME, outcap too small).
 * Out: *outlen. */
int tsr_frame_encode(uint8_t *out, size_t outcap, size_t *outlen, const tsr_frame *f);

/* Strict decoding of a whole frame: known version, suite and type, sender <= TSR_MAX_PARTIES,
 * nfields <= TSR_WIRE_MAX_FIELDS, every length within the input, no trailing bytes, total size
 * <= TSR_WIRE_MAX_FRAME. Fields point into in (no copy). Returns: TSR_OK or TSR_ERR_ENCODING
 * with *reason. On failure f->nfields is 0. */
int tsr_frame_decode(tsr_frame *f, const uint8_t *in, size_t inlen, tsr_check *reason);

#ifdef __cplusplus
}
#endif
#endif
