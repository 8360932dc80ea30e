/* Shared helpers of the vector generators: JSON writer, label-derived inputs, code names. */
#include <stdlib.h>
#include <string.h>

#include "gv.h"

/* ---- failure ------------------------------------------------------------------------------- */

char gv_tmp_path[4096]; /* the file being written, removed if the run fails */

void gv_fail(const char *file, int line, const char *expr) {
    fprintf(stderr, "gen_vectors: %s:%d: requirement failed: %s\n", file, line, expr);
    if (gv_tmp_path[0] != '\0') {
        (void)remove(gv_tmp_path);
    }
    exit(1);
}


/* ---- deterministic JSON writer ----------------------------------------------------------------
 * Output equals Python's json.dumps(value, indent=2) + "\n": 2-space indent, ", " never used
 * inside lines, "key": value, empty containers as [] / {}, only printable ASCII in strings. */


static void gv_indent(gv_json *w, int depth) {
    for (int i = 0; i < depth; i++) {
        fputs("  ", w->f);
    }
}

static void gv_escape(gv_json *w, const char *s) {
    fputc('"', w->f);
    for (; *s != '\0'; s++) {
        unsigned char c = (unsigned char)*s;
        GV_REQUIRE(c >= 0x20 && c < 0x7f);
        if (c == '"' || c == '\\') {
            fputc('\\', w->f);
        }
        fputc(c, w->f);
    }
    fputc('"', w->f);
}

static void gv_sep(gv_json *w, const char *key) {
    if (w->depth > 0) {
        fputs(w->first[w->depth] ? "\n" : ",\n", w->f);
        w->first[w->depth] = 0;
        gv_indent(w, w->depth);
    }
    if (key != NULL) {
        gv_escape(w, key);
        fputs(": ", w->f);
    }
}

static void gv_open(gv_json *w, const char *key, char c) {
    gv_sep(w, key);
    fputc(c, w->f);
    w->depth++;
    GV_REQUIRE(w->depth < GV_MAX_DEPTH);
    w->first[w->depth] = 1;
}

static void gv_close(gv_json *w, char c) {
    GV_REQUIRE(w->depth > 0);
    if (!w->first[w->depth]) {
        fputc('\n', w->f);
        gv_indent(w, w->depth - 1);
    }
    fputc(c, w->f);
    w->depth--;
    if (w->depth == 0) {
        fputc('\n', w->f);
    }
}

void gv_obj(gv_json *w, const char *key) { gv_open(w, key, '{'); }
void gv_end_obj(gv_json *w) { gv_close(w, '}'); }
void gv_arr(gv_json *w, const char *key) { gv_open(w, key, '['); }
void gv_end_arr(gv_json *w) { gv_close(w, ']'); }

void gv_str(gv_json *w, const char *key, const char *s) {
    gv_sep(w, key);
    gv_escape(w, s);
}

void gv_int(gv_json *w, const char *key, long v) {
    gv_sep(w, key);
    fprintf(w->f, "%ld", v);
}

void gv_size(gv_json *w, const char *key, size_t v) {
    gv_sep(w, key);
    fprintf(w->f, "%lu", (unsigned long)v);
}

void gv_bool(gv_json *w, const char *key, int v) {
    gv_sep(w, key);
    fputs(v ? "true" : "false", w->f);
}

void gv_null(gv_json *w, const char *key) {
    gv_sep(w, key);
    fputs("null", w->f);
}

void gv_hex(gv_json *w, const char *key, const uint8_t *b, size_t len) {
    static const char digits[] = "0123456789abcdef";
    gv_sep(w, key);
    fputc('"', w->f);
    for (size_t i = 0; i < len; i++) {
        fputc(digits[b[i] >> 4], w->f);
        fputc(digits[b[i] & 15], w->f);
    }
    fputc('"', w->f);
}

void gv_scalar(gv_json *w, const char *key, const tsr_scalar *a) {
    uint8_t b[32];
    tsr_scalar_encode(b, a);
    gv_hex(w, key, b, 32);
}

const tsr_context *gv_ctx;

void gv_point(gv_json *w, const char *key, const tsr_point *p) {
    uint8_t b[33];
    GV_REQUIRE(tsr_point_encode(gv_ctx, b, p) == TSR_OK);
    gv_hex(w, key, b, 33);
}

/* Each file is written as NAME.tmp and renamed when complete, so a failed run leaves no
 * half-written vector file behind. */
static void gv_path(char *out, size_t cap, const char *dir, const char *name, const char *suffix) {
    int k = snprintf(out, cap, "%s/%s%s", dir, name, suffix);
    GV_REQUIRE(k > 0 && (size_t)k < cap);
}

void gv_file_open(gv_json *w, const char *dir, const char *name) {
    char path[4096];
    gv_path(path, sizeof path, dir, name, ".tmp");
    memset(w, 0, sizeof *w);
    w->f = fopen(path, "w");
    memcpy(gv_tmp_path, path, sizeof gv_tmp_path);
    if (w->f == NULL) {
        fprintf(stderr, "gen_vectors: cannot write %s\n", path);
        exit(1);
    }
}

void gv_file_close(gv_json *w, const char *dir, const char *name) {
    char tmp[4096], path[4096];
    GV_REQUIRE(w->depth == 0);
    GV_REQUIRE(!ferror(w->f));
    GV_REQUIRE(fclose(w->f) == 0);
    gv_path(tmp, sizeof tmp, dir, name, ".tmp");
    gv_path(path, sizeof path, dir, name, "");
    GV_REQUIRE(rename(tmp, path) == 0);
    gv_tmp_path[0] = '\0';
    printf("wrote %s (%lu cases)\n", path, (unsigned long)w->cases);
}

/* ---- names of codes and checks ------------------------------------------------------------------ */

const char *gv_err_symbol(int err) {
    switch (err) {
    case TSR_OK: return "TSR_OK";
    case TSR_ERR_ARG: return "TSR_ERR_ARG";
    case TSR_ERR_ENCODING: return "TSR_ERR_ENCODING";
    case TSR_ERR_RANGE: return "TSR_ERR_RANGE";
    case TSR_ERR_STATE: return "TSR_ERR_STATE";
    case TSR_ERR_VERIFY: return "TSR_ERR_VERIFY";
    case TSR_ERR_POLICY: return "TSR_ERR_POLICY";
    case TSR_ERR_INTERNAL: return "TSR_ERR_INTERNAL";
    default: return "unknown";
    }
}

const char *const gv_check_symbols[TSR_CHECK__COUNT] = {
    "TSR_CHECK_NONE", "TSR_CHECK_LENGTH", "TSR_CHECK_TRUNCATED", "TSR_CHECK_TRAILING",
    "TSR_CHECK_VERSION", "TSR_CHECK_SUITE", "TSR_CHECK_TYPE", "TSR_CHECK_COUNT", "TSR_CHECK_SIZE",
    "TSR_CHECK_SCALAR_RANGE", "TSR_CHECK_SCALAR_ZERO", "TSR_CHECK_POINT_PREFIX",
    "TSR_CHECK_POINT_X_RANGE", "TSR_CHECK_POINT_NOT_ON_CURVE", "TSR_CHECK_POINT_IDENTITY",
    "TSR_CHECK_ID_ZERO", "TSR_CHECK_ID_DUPLICATE", "TSR_CHECK_ID_UNKNOWN", "TSR_CHECK_THRESHOLD",
    "TSR_CHECK_COMMITMENT_COUNT", "TSR_CHECK_FELDMAN", "TSR_CHECK_PEDERSEN", "TSR_CHECK_SESSION",
    "TSR_CHECK_SENDER", "TSR_CHECK_POK", "TSR_CHECK_EQUIVOCATION", "TSR_CHECK_FALSE_COMPLAINT",
    "TSR_CHECK_MISSING", "TSR_CHECK_SIGNATURE_SHARE", "TSR_CHECK_SIGNATURE", "TSR_CHECK_ID_ORDER",
    "TSR_CHECK_OWN_COMMITMENT", "TSR_CHECK_SIGNER_COUNT", "TSR_CHECK_CERTIFICATE", "TSR_CHECK_TWEAK",
    "TSR_CHECK_DUPLICATE_CONTRIBUTION",
    "TSR_CHECK_REQUEST",
};

/* Writes the expected outcome of an invalid case: error code, check id, symbol and name. */
void gv_expect(gv_json *w, int err, tsr_check check, const char *reason) {
    GV_REQUIRE(err != TSR_OK);
    GV_REQUIRE((int)check > 0 && (int)check < TSR_CHECK__COUNT);
    gv_str(w, "error", gv_err_symbol(err));
    gv_int(w, "check", (long)check);
    gv_str(w, "check_symbol", gv_check_symbols[check]);
    gv_str(w, "check_name", tsr_check_name((int)check));
    gv_str(w, "reason", reason);
}

/* Opens a case object: name, valid. */
void gv_case(gv_json *w, const char *name, int valid) {
    gv_obj(w, NULL);
    gv_str(w, "name", name);
    gv_bool(w, "valid", valid);
    w->cases++;
}

void gv_generator(gv_json *w, const char *program) {
    gv_obj(w, "generator");
    gv_str(w, "program", program);
    gv_str(w, "command", "make vectors");
    gv_str(w, "library", "libtessera (public API only)");
    gv_str(w, "dst", GV_DST);
    gv_str(w, "bytes_from_label", "expand_message_xmd(msg = ASCII label, DST = \"" GV_DST
           "\", len) (RFC 9380 section 5.3.1, SHA-256); the empty string when len = 0");
    gv_str(w, "scalar_from_label", "hash_to_field(msg = ASCII label, DST = \"" GV_DST
           "\", count = 1) for the scalar field: L = 48, the 48 bytes big-endian mod n "
           "(RFC 9380 section 5.2)");
    gv_str(w, "encoding", "hex is lower case; scalars are 32 bytes big-endian; points are 33-byte "
           "SEC1 compressed (the identity, where allowed, is 33 zero bytes); ids are scalars");
    gv_end_obj(w);
}

/* ---- deterministic inputs --------------------------------------------------------------------- */

void gv_bytes_from_label(uint8_t *out, size_t len, const char *label) {
    if (len == 0) {
        return;
    }
    GV_REQUIRE(tsr_expand_message_xmd(out, len, (const uint8_t *)label, strlen(label),
                                      (const uint8_t *)GV_DST, strlen(GV_DST)) == TSR_OK);
}

void gv_scalar_from_label(tsr_scalar *out, const char *label) {
    GV_REQUIRE(tsr_hash_to_field(out, 1, (const uint8_t *)label, strlen(label),
                                 (const uint8_t *)GV_DST, strlen(GV_DST)) == TSR_OK);
}

void gv_label(char out[GV_LABEL], const char *prefix, const char *what) {
    int k = snprintf(out, GV_LABEL, "%s/%s", prefix, what);
    GV_REQUIRE(k > 0 && k < GV_LABEL);
}

void gv_label_i(char out[GV_LABEL], const char *prefix, const char *what, size_t i) {
    int k = snprintf(out, GV_LABEL, "%s/%s/%lu", prefix, what, (unsigned long)i);
    GV_REQUIRE(k > 0 && k < GV_LABEL);
}

void gv_hex_decode(uint8_t *out, size_t len, const char *hex) {
    GV_REQUIRE(strlen(hex) == 2 * len);
    for (size_t i = 0; i < len; i++) {
        unsigned v = 0;
        for (size_t j = 0; j < 2; j++) {
            char c = hex[2 * i + j];
            unsigned d;
            if (c >= '0' && c <= '9') {
                d = (unsigned)(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                d = (unsigned)(c - 'a') + 10u;
            } else {
                GV_REQUIRE(0);
                d = 0;
            }
            v = v * 16u + d;
        }
        out[i] = (uint8_t)v;
    }
}

/* Constants (public facts about secp256k1). */
const char gv_n_hex[] = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
const char gv_p_hex[] = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";

/* Adds v (small) to the 32-byte big-endian integer b (mod 2^256). */
void gv_be_add_small(uint8_t b[32], unsigned v) {
    unsigned carry = v;
    for (size_t i = 32; i-- > 0 && carry != 0;) {
        unsigned s = (unsigned)b[i] + (carry & 0xffu);
        b[i] = (uint8_t)s;
        carry = (carry >> 8) + (s >> 8);
    }
}

void gv_scalar_small(tsr_scalar *r, uint32_t v) { tsr_scalar_set_u32(r, v); }

