/* Strict JSON, hex and file helpers of the `tessera` participant mode (jansson; sim/ only). */
#ifndef TSR_SIM_CLI_JSON_H
#define TSR_SIM_CLI_JSON_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <jansson.h>

#include "tessera/common.h"
#include "tessera/point.h"
#include "tessera/scalar.h"

/* Exit statuses of every participant-mode command. */
#define TSR_CLI_OK 0       /* success; for verify: the signature is valid */
#define TSR_CLI_FAIL 1     /* a verification failed: culprits / blames are printed */
#define TSR_CLI_USAGE 2    /* bad command line or bad input (JSON, hex, file); nothing was used */
#define TSR_CLI_INTERNAL 3 /* the library or the OS failed unexpectedly */

/* Name of the running command ("tessera frost sign"), the prefix of every error message. */
extern const char *tsr_cli_prog;

/* Prints "PROG: message" on stderr. Messages never contain a secret: callers pass key names,
 * positions and lengths, never values. */
void tsr_cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Installs jansson allocation functions that wipe every block on free (JSON trees hold shares). */
void tsr_cli_json_init(void);

/* Where a JSON value came from, for messages: the file name and the JSON path inside it
 * ("round_one_outputs.outputs[1]"; "" for the root). */
typedef struct {
    const char *file;
    char path[192];
} tsr_cli_src;

void tsr_cli_src_root(tsr_cli_src *s, const char *file);
/* child = parent.key, or parent[index] when key == NULL. */
void tsr_cli_src_child(tsr_cli_src *child, const tsr_cli_src *parent, const char *key, size_t index);
/* Writes "parent.key" (or the key alone at the root) into out. */
const char *tsr_cli_src_key(char out[256], const tsr_cli_src *s, const char *key);

/* Reads and parses a JSON file ("-" is stdin), rejecting duplicate keys. Parse errors give the
 * line and column only (jansson's "near '...'" fragment could quote a secret). NULL on error
 * (already reported). */
json_t *tsr_cli_json_load(const char *path);

/* Serialises v (2-space indent, insertion order) with a final newline. Returns a string to free
 * with tsr_cli_free_str, or NULL. */
char *tsr_cli_json_dump(const json_t *v);
void tsr_cli_free_str(char *s);
/* Prints v on stdout. Returns TSR_CLI_OK or TSR_CLI_INTERNAL. */
int tsr_cli_json_print(const json_t *v);

/* Access with errors naming the key (all print their error and return TSR_CLI_USAGE, or return
 * TSR_CLI_OK). The value of a secret key is never quoted. In every getter below, key == NULL
 * means obj is itself the value and s its path (array elements). */
/* "an object", "an array", "a string", ... for messages. */
const char *tsr_cli_type_name(const json_t *v);
int tsr_cli_want_object(const tsr_cli_src *s, const json_t *v);
int tsr_cli_want_array(const tsr_cli_src *s, const json_t *v, size_t min, size_t max);
/* Rejects any key of obj not in allowed (NULL-terminated). */
int tsr_cli_only_keys(const tsr_cli_src *s, const json_t *obj, const char *const *allowed);
/* *out = obj[key]; missing -> error unless optional (then *out = NULL and TSR_CLI_OK). */
int tsr_cli_member(json_t **out, const tsr_cli_src *s, const json_t *obj, const char *key, int optional);

/* Hex string of exactly len bytes (len 0 allows ""). Decoding is branch-free on the digits. */
int tsr_cli_hex_exact(uint8_t *out, size_t len, const tsr_cli_src *s, const json_t *obj, const char *key);
/* Hex string of at most cap bytes. */
int tsr_cli_hex_var(uint8_t *out, size_t cap, size_t *len, const tsr_cli_src *s, const json_t *obj,
                    const char *key);
/* A scalar (32 bytes, < n). zero_ok == 0 rejects zero. */
int tsr_cli_scalar(tsr_scalar *out, const tsr_cli_src *s, const json_t *obj, const char *key, int zero_ok);
/* A point: 33 bytes SEC1 compressed, strict; the identity is refused. */
int tsr_cli_point(const tsr_context *ctx, tsr_point *out, const tsr_cli_src *s, const json_t *obj,
                  const char *key);
/* The same with tsr_point_decode flags (TSR_POINT_ALLOW_IDENTITY: 33 zero bytes are the identity,
 * for peer messages whose identity points the library must see to blame their sender). */
int tsr_cli_point_ex(const tsr_context *ctx, tsr_point *out, const tsr_cli_src *s, const json_t *obj,
                     const char *key, unsigned flags);
/* An identifier 1..TSR_MAX_PARTIES: a JSON integer, a decimal string, or a 32-byte hex scalar
 * encoding (the serde form of ZF frost). */
int tsr_cli_ident(uint32_t *out, const tsr_cli_src *s, const json_t *obj, const char *key);
/* A count in [min, max]: a JSON integer or a decimal string (RFC 9591 config values are strings). */
int tsr_cli_count(size_t *out, size_t min, size_t max, const tsr_cli_src *s, const json_t *obj,
                  const char *key);
/* A suite name: "secp256k1" or "secp256k1-tr". */
int tsr_cli_suite_member(uint8_t *out, const tsr_cli_src *s, const json_t *obj, const char *key);

/* Command-line values: hex of at most cap bytes (what names the option in messages). */
int tsr_cli_hex_arg(uint8_t *out, size_t cap, size_t *len, const char *what, const char *hex);
/* Parses a suite name; returns 0 and sets *suite, or -1. */
int tsr_cli_suite_parse(uint8_t *suite, const char *name);
const char *tsr_cli_suite_name(uint8_t suite);

/* JSON builders (NULL-safe: a NULL value makes the caller's tree invalid, checked on dump). */
json_t *tsr_cli_hex_json(const uint8_t *p, size_t n);
json_t *tsr_cli_scalar_json(const tsr_scalar *a);
json_t *tsr_cli_point_json(const tsr_context *ctx, const tsr_point *p);
/* A blame as {"culprit" or "identifier": id | "coordinator" | "none", "check", "check_name",
 * "phase", "round"}. */
json_t *tsr_cli_blame_json(const tsr_blame *b, const char *idkey);

/* Files. */
/* Creates path exclusively (O_CREAT|O_EXCL, never through a symlink) with mode and writes data.
 * A leftover partial file is removed on failure. */
int tsr_cli_write_new(const char *path, const uint8_t *data, size_t len, mode_t mode);
/* Replaces path atomically: writes path.tmp exclusively with mode, then renames it over path. */
int tsr_cli_write_replace(const char *path, const uint8_t *data, size_t len, mode_t mode);
/* Writes a JSON value to a new file (exclusive). */
int tsr_cli_json_write_new(const char *path, const json_t *v, mode_t mode);
/* Reads a whole regular file into a fresh buffer (free with tsr_cli_free_buf; wiped). When
 * private_only, refuses a file that group or others may read or write. */
int tsr_cli_read_file(uint8_t **out, size_t *len, const char *path, int private_only);
void tsr_cli_free_buf(uint8_t *p, size_t len);
/* Overwrites a file's contents with zeros, syncs it and unlinks it. Returns TSR_CLI_OK or an error. */
int tsr_cli_shred(const char *path);

/* Binary state files (secret nonces, DKG state): "TSRSTATE" || u32be kind || u32be version ||
 * u64be payload length || payload (zero-run compressed) || SHA-256 of all preceding bytes.
 * The checksum catches truncation and corruption (it is not a MAC). */
#define TSR_CLI_STATE_FROST_NONCE 1u
#define TSR_CLI_STATE_DKG 2u
int tsr_cli_state_encode(uint8_t **out, size_t *outlen, uint32_t kind, const uint8_t *payload, size_t len);
/* Decodes into payload (exactly len bytes expected). */
int tsr_cli_state_decode(uint8_t *payload, size_t len, uint32_t kind, const uint8_t *in, size_t inlen,
                         const char *path);

#endif
