/* Strict JSON, hex and file helpers of the `tessera` participant mode: every bad key or value is
 * reported with its file, its JSON path and the reason, and never with a secret value. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tessera/hash.h"
#include "cli_json.h"

const char *tsr_cli_prog = "tessera";

void tsr_cli_err(const char *fmt, ...) {
    va_list ap;
    fprintf(stderr, "%s: ", tsr_cli_prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* ---- wiping allocator for jansson ------------------------------------------------------------ */

#define TSR_CLI_ALLOC_HDR 16

static void *tsr_cli_malloc(size_t n) {
    unsigned char *p;
    if (n > (size_t)-1 - TSR_CLI_ALLOC_HDR) {
        return NULL;
    }
    p = malloc(n + TSR_CLI_ALLOC_HDR);
    if (p == NULL) {
        return NULL;
    }
    memcpy(p, &n, sizeof n);
    return p + TSR_CLI_ALLOC_HDR;
}

static void tsr_cli_free(void *q) {
    unsigned char *p;
    size_t n;
    if (q == NULL) {
        return;
    }
    p = (unsigned char *)q - TSR_CLI_ALLOC_HDR;
    memcpy(&n, p, sizeof n);
    tsr_memzero(q, n);
    free(p);
}

void tsr_cli_json_init(void) {
    json_set_alloc_funcs(tsr_cli_malloc, tsr_cli_free);
}

/* ---- sources and paths ----------------------------------------------------------------------- */

void tsr_cli_src_root(tsr_cli_src *s, const char *file) {
    s->file = file;
    s->path[0] = 0;
}

/* Appends src to dst (size cap, NUL-terminated), truncating. */
static void tsr_cli_append(char *dst, size_t cap, const char *src) {
    size_t d = strlen(dst), n = strlen(src);
    if (d + 1 >= cap) {
        return;
    }
    if (n > cap - 1 - d) {
        n = cap - 1 - d;
    }
    memcpy(dst + d, src, n);
    dst[d + n] = 0;
}

void tsr_cli_src_child(tsr_cli_src *child, const tsr_cli_src *parent, const char *key, size_t index) {
    char tmp[sizeof child->path];
    char num[32];
    memcpy(tmp, parent->path, sizeof tmp);
    tmp[sizeof tmp - 1] = 0;
    if (key != NULL) {
        if (tmp[0] != 0) {
            tsr_cli_append(tmp, sizeof tmp, ".");
        }
        tsr_cli_append(tmp, sizeof tmp, key);
    } else {
        snprintf(num, sizeof num, "[%lu]", (unsigned long)index);
        tsr_cli_append(tmp, sizeof tmp, num);
    }
    child->file = parent->file;
    memcpy(child->path, tmp, sizeof tmp);
}

const char *tsr_cli_src_key(char out[256], const tsr_cli_src *s, const char *key) {
    out[0] = 0;
    tsr_cli_append(out, 256, s->path);
    if (key == NULL) {
        if (out[0] == 0) {
            tsr_cli_append(out, 256, "(root)");
        }
    } else {
        if (out[0] != 0) {
            tsr_cli_append(out, 256, ".");
        }
        tsr_cli_append(out, 256, key);
    }
    return out;
}

const char *tsr_cli_type_name(const json_t *v) {
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a real number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "unknown";
}

/* ---- loading and printing -------------------------------------------------------------------- */

#define TSR_CLI_MAX_FILE (256u << 20)

void tsr_cli_free_buf(uint8_t *p, size_t len) {
    if (p != NULL) {
        tsr_memzero(p, len);
        free(p);
    }
}

/* Reads everything from fd into a wiped-on-growth buffer. */
static int tsr_cli_read_fd(uint8_t **out, size_t *len, int fd, const char *name) {
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    *out = NULL;
    *len = 0;
    if (buf == NULL) {
        tsr_cli_err("%s: out of memory", name);
        return TSR_CLI_INTERNAL;
    }
    for (;;) {
        ssize_t got;
        if (n == cap) {
            uint8_t *nb;
            if (cap >= TSR_CLI_MAX_FILE) {
                tsr_cli_err("%s: larger than %u MiB", name, TSR_CLI_MAX_FILE >> 20);
                tsr_cli_free_buf(buf, n);
                return TSR_CLI_USAGE;
            }
            nb = malloc(cap * 2);
            if (nb == NULL) {
                tsr_cli_free_buf(buf, n);
                tsr_cli_err("%s: out of memory", name);
                return TSR_CLI_INTERNAL;
            }
            memcpy(nb, buf, n);
            tsr_cli_free_buf(buf, n);
            buf = nb;
            cap *= 2;
        }
        got = read(fd, buf + n, cap - n);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            tsr_cli_err("%s: read error: %s", name, strerror(errno));
            tsr_cli_free_buf(buf, n);
            return TSR_CLI_USAGE;
        }
        if (got == 0) {
            break;
        }
        n += (size_t)got;
    }
    *out = buf;
    *len = n;
    return TSR_CLI_OK;
}

int tsr_cli_read_file(uint8_t **out, size_t *len, const char *path, int private_only) {
    struct stat st;
    int fd, rc;
    *out = NULL;
    *len = 0;
    if (strcmp(path, "-") == 0) {
        return tsr_cli_read_fd(out, len, 0, "(stdin)");
    }
    fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) {
            tsr_cli_err("%s: no such file", path);
        } else {
            tsr_cli_err("%s: cannot open: %s", path, strerror(errno));
        }
        return TSR_CLI_USAGE;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        tsr_cli_err("%s: not a regular file", path);
        close(fd);
        return TSR_CLI_USAGE;
    }
    if (private_only && (st.st_mode & 077) != 0) {
        tsr_cli_err("%s: mode %04o lets group or others access it; a state file must be 0600 "
                    "(refusing to use it)", path, (unsigned)(st.st_mode & 07777));
        close(fd);
        return TSR_CLI_USAGE;
    }
    rc = tsr_cli_read_fd(out, len, fd, path);
    close(fd);
    return rc;
}

json_t *tsr_cli_json_load(const char *path) {
    uint8_t *buf;
    size_t len;
    json_error_t e;
    json_t *v;
    char text[JSON_ERROR_TEXT_LENGTH];
    char *near;
    if (tsr_cli_read_file(&buf, &len, path, 0) != TSR_CLI_OK) {
        return NULL;
    }
    v = json_loadb((const char *)buf, len, JSON_REJECT_DUPLICATES, &e);
    tsr_cli_free_buf(buf, len);
    if (v == NULL) {
        /* jansson quotes the offending token ("near '...'"): it could be a share, so cut it. */
        memcpy(text, e.text, sizeof text);
        text[sizeof text - 1] = 0;
        near = strstr(text, " near ");
        if (near != NULL) {
            *near = 0;
        }
        if (strstr(text, "0x") != NULL) { /* "unable to decode byte 0x..": a byte of the input */
            snprintf(text, sizeof text, "invalid UTF-8 or control character");
        }
        tsr_cli_err("%s: invalid JSON at line %d column %d: %s", strcmp(path, "-") == 0 ? "(stdin)" : path,
                    e.line, e.column, text);
        tsr_memzero(&e, sizeof e);
        return NULL;
    }
    return v;
}

char *tsr_cli_json_dump(const json_t *v) {
    if (v == NULL) {
        return NULL;
    }
    return json_dumps(v, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
}

void tsr_cli_free_str(char *s) {
    tsr_cli_free(s);
}

int tsr_cli_json_print(const json_t *v) {
    char *s = tsr_cli_json_dump(v);
    if (s == NULL) {
        tsr_cli_err("cannot serialise the output (out of memory?)");
        return TSR_CLI_INTERNAL;
    }
    fputs(s, stdout);
    fputc('\n', stdout);
    tsr_cli_free_str(s);
    if (fflush(stdout) != 0) {
        tsr_cli_err("cannot write to stdout: %s", strerror(errno));
        return TSR_CLI_INTERNAL;
    }
    return TSR_CLI_OK;
}

/* ---- typed access ---------------------------------------------------------------------------- */

int tsr_cli_want_object(const tsr_cli_src *s, const json_t *v) {
    char k[256];
    if (!json_is_object(v)) {
        tsr_cli_err("%s: %s must be an object, got %s", s->file, tsr_cli_src_key(k, s, NULL), tsr_cli_type_name(v));
        return TSR_CLI_USAGE;
    }
    return TSR_CLI_OK;
}

int tsr_cli_want_array(const tsr_cli_src *s, const json_t *v, size_t min, size_t max) {
    char k[256];
    size_t n;
    if (!json_is_array(v)) {
        tsr_cli_err("%s: %s must be an array, got %s", s->file, tsr_cli_src_key(k, s, NULL), tsr_cli_type_name(v));
        return TSR_CLI_USAGE;
    }
    n = json_array_size(v);
    if (n < min || n > max) {
        tsr_cli_err("%s: %s has %lu entries, expected %lu..%lu", s->file, tsr_cli_src_key(k, s, NULL),
                    (unsigned long)n, (unsigned long)min, (unsigned long)max);
        return TSR_CLI_USAGE;
    }
    return TSR_CLI_OK;
}

int tsr_cli_only_keys(const tsr_cli_src *s, const json_t *obj, const char *const *allowed) {
    const char *key;
    json_t *val;
    char k[256];
    json_object_foreach((json_t *)(uintptr_t)obj, key, val) {
        const char *const *a;
        int found = 0;
        (void)val;
        for (a = allowed; *a != NULL; a++) {
            if (strcmp(*a, key) == 0) {
                found = 1;
                break;
            }
        }
        if (!found) {
            tsr_cli_err("%s: unknown key '%s'", s->file, tsr_cli_src_key(k, s, key));
            return TSR_CLI_USAGE;
        }
    }
    return TSR_CLI_OK;
}

int tsr_cli_member(json_t **out, const tsr_cli_src *s, const json_t *obj, const char *key, int optional) {
    char k[256];
    if (key == NULL) {
        *out = (json_t *)(uintptr_t)obj;
        return TSR_CLI_OK;
    }
    *out = json_object_get(obj, key);
    if (*out == NULL && !optional) {
        tsr_cli_err("%s: missing key '%s'", s->file, tsr_cli_src_key(k, s, key));
        return TSR_CLI_USAGE;
    }
    return TSR_CLI_OK;
}

/* Mask helpers for the branch-free hex decoder: lt(a, b) is all-ones iff a < b (a, b < 2^31). */
static uint32_t tsr_cli_lt_mask(uint32_t a, uint32_t b) {
    return 0u - ((a - b) >> 31);
}

/* Decodes 2*n hex digits; returns the index of the first bad digit, or (size_t)-1 if all good.
 * No branch or table index on the digits of a valid string. */
static size_t tsr_cli_hex_decode(uint8_t *out, const char *hex, size_t n) {
    uint32_t bad = 0;
    size_t i;
    for (i = 0; i < 2 * n; i++) {
        uint32_t x = (uint8_t)hex[i];
        uint32_t dig = ~tsr_cli_lt_mask(x, '0') & tsr_cli_lt_mask(x, '9' + 1);
        uint32_t low = ~tsr_cli_lt_mask(x, 'a') & tsr_cli_lt_mask(x, 'f' + 1);
        uint32_t up = ~tsr_cli_lt_mask(x, 'A') & tsr_cli_lt_mask(x, 'F' + 1);
        uint32_t v = (dig & (x - '0')) | (low & (x - 'a' + 10)) | (up & (x - 'A' + 10));
        bad |= ~(dig | low | up);
        if ((i & 1) == 0) {
            out[i / 2] = (uint8_t)(v << 4);
        } else {
            out[i / 2] = (uint8_t)(out[i / 2] | (v & 15));
        }
    }
    if (bad == 0) {
        return (size_t)-1;
    }
    for (i = 0; i < 2 * n; i++) { /* invalid input only: find the position for the message */
        char c = hex[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return i;
        }
    }
    return 0;
}

static int tsr_cli_hex_common(uint8_t *out, size_t cap, size_t *len, int exact, const tsr_cli_src *s,
                              const json_t *obj, const char *key) {
    char k[256];
    json_t *v;
    const char *str;
    size_t slen, bad;
    int rc = tsr_cli_member(&v, s, obj, key, 0);
    if (rc != TSR_CLI_OK) {
        return rc;
    }
    if (!json_is_string(v)) {
        tsr_cli_err("%s: key '%s' must be a hex string, got %s", s->file, tsr_cli_src_key(k, s, key),
                    tsr_cli_type_name(v));
        return TSR_CLI_USAGE;
    }
    str = json_string_value(v);
    slen = json_string_length(v);
    if (slen % 2 != 0) {
        tsr_cli_err("%s: key '%s': hex string has an odd number of digits (%lu)", s->file,
                    tsr_cli_src_key(k, s, key), (unsigned long)slen);
        return TSR_CLI_USAGE;
    }
    if ((exact && slen / 2 != cap) || (!exact && slen / 2 > cap)) {
        tsr_cli_err("%s: key '%s': wrong length: expected %s%lu bytes (%lu hex digits), got %lu bytes", s->file,
                    tsr_cli_src_key(k, s, key), exact ? "" : "at most ", (unsigned long)cap,
                    (unsigned long)(2 * cap), (unsigned long)(slen / 2));
        return TSR_CLI_USAGE;
    }
    bad = tsr_cli_hex_decode(out, str, slen / 2);
    if (bad != (size_t)-1) {
        tsr_memzero(out, slen / 2);
        tsr_cli_err("%s: key '%s': not hex (bad character at position %lu)", s->file, tsr_cli_src_key(k, s, key),
                    (unsigned long)bad);
        return TSR_CLI_USAGE;
    }
    if (len != NULL) {
        *len = slen / 2;
    }
    return TSR_CLI_OK;
}

int tsr_cli_hex_exact(uint8_t *out, size_t len, const tsr_cli_src *s, const json_t *obj, const char *key) {
    return tsr_cli_hex_common(out, len, NULL, 1, s, obj, key);
}

int tsr_cli_hex_var(uint8_t *out, size_t cap, size_t *len, const tsr_cli_src *s, const json_t *obj,
                    const char *key) {
    return tsr_cli_hex_common(out, cap, len, 0, s, obj, key);
}

int tsr_cli_scalar(tsr_scalar *out, const tsr_cli_src *s, const json_t *obj, const char *key, int zero_ok) {
    char k[256];
    uint8_t b[32];
    int rc = tsr_cli_hex_exact(b, 32, s, obj, key);
    if (rc == TSR_CLI_OK && tsr_scalar_decode(out, b) != TSR_OK) {
        tsr_cli_err("%s: key '%s': %s", s->file, tsr_cli_src_key(k, s, key), tsr_check_name(TSR_CHECK_SCALAR_RANGE));
        rc = TSR_CLI_USAGE;
    }
    /* Whether a scalar is zero is public here: a zero share or nonce is refused outright. */
    if (rc == TSR_CLI_OK && !zero_ok && tsr_scalar_is_zero_mask(out) != 0) {
        tsr_cli_err("%s: key '%s': %s", s->file, tsr_cli_src_key(k, s, key), tsr_check_name(TSR_CHECK_SCALAR_ZERO));
        rc = TSR_CLI_USAGE;
    }
    if (rc != TSR_CLI_OK) {
        tsr_scalar_clear(out);
    }
    tsr_memzero(b, sizeof b);
    return rc;
}

int tsr_cli_point(const tsr_context *ctx, tsr_point *out, const tsr_cli_src *s, const json_t *obj,
                  const char *key) {
    return tsr_cli_point_ex(ctx, out, s, obj, key, 0);
}

int tsr_cli_point_ex(const tsr_context *ctx, tsr_point *out, const tsr_cli_src *s, const json_t *obj,
                     const char *key, unsigned flags) {
    char k[256];
    uint8_t b[33];
    tsr_check why = TSR_CHECK_NONE;
    int rc = tsr_cli_hex_exact(b, 33, s, obj, key);
    if (rc != TSR_CLI_OK) {
        tsr_point_set_identity(out);
        return rc;
    }
    if (tsr_point_decode(ctx, out, b, sizeof b, flags, &why) != TSR_OK) {
        tsr_cli_err("%s: key '%s': not a valid compressed point: %s", s->file, tsr_cli_src_key(k, s, key),
                    tsr_check_name(why));
        return TSR_CLI_USAGE;
    }
    return TSR_CLI_OK;
}

/* Parses a decimal string of at most 9 digits; -1 if not one. */
static long tsr_cli_decimal(const char *str, size_t len) {
    long v = 0;
    size_t i;
    if (len == 0 || len > 9) {
        return -1;
    }
    for (i = 0; i < len; i++) {
        if (str[i] < '0' || str[i] > '9') {
            return -1;
        }
        v = v * 10 + (str[i] - '0');
    }
    return v;
}

int tsr_cli_ident(uint32_t *out, const tsr_cli_src *s, const json_t *obj, const char *key) {
    char k[256];
    json_t *v;
    long long val = -1;
    int rc = tsr_cli_member(&v, s, obj, key, 0);
    *out = 0;
    if (rc != TSR_CLI_OK) {
        return rc;
    }
    if (json_is_integer(v)) {
        val = json_integer_value(v);
    } else if (json_is_string(v) && json_string_length(v) == 64) {
        uint8_t b[32];
        size_t i;
        if (tsr_cli_hex_decode(b, json_string_value(v), 32) != (size_t)-1) {
            tsr_cli_err("%s: key '%s': identifier is not hex", s->file, tsr_cli_src_key(k, s, key));
            return TSR_CLI_USAGE;
        }
        val = 0;
        for (i = 0; i < 32; i++) {
            if (i < 28 && b[i] != 0) {
                val = (long long)TSR_MAX_PARTIES + 1;
                break;
            }
            if (i >= 28) {
                val = val * 256 + b[i];
            }
        }
    } else if (json_is_string(v)) {
        val = tsr_cli_decimal(json_string_value(v), json_string_length(v));
        if (val < 0) {
            tsr_cli_err("%s: key '%s': identifier must be an integer, a decimal string or a 32-byte hex "
                        "scalar", s->file, tsr_cli_src_key(k, s, key));
            return TSR_CLI_USAGE;
        }
    } else {
        tsr_cli_err("%s: key '%s': identifier must be an integer, got %s", s->file, tsr_cli_src_key(k, s, key),
                    tsr_cli_type_name(v));
        return TSR_CLI_USAGE;
    }
    if (val < 1 || val > TSR_MAX_PARTIES) {
        tsr_cli_err("%s: key '%s': identifier out of range (must be 1..%d)", s->file, tsr_cli_src_key(k, s, key),
                    TSR_MAX_PARTIES);
        return TSR_CLI_USAGE;
    }
    *out = (uint32_t)val;
    return TSR_CLI_OK;
}

int tsr_cli_count(size_t *out, size_t min, size_t max, const tsr_cli_src *s, const json_t *obj,
                  const char *key) {
    char k[256];
    json_t *v;
    long long val;
    int rc = tsr_cli_member(&v, s, obj, key, 0);
    *out = 0;
    if (rc != TSR_CLI_OK) {
        return rc;
    }
    if (json_is_integer(v)) {
        val = json_integer_value(v);
    } else if (json_is_string(v)) {
        val = tsr_cli_decimal(json_string_value(v), json_string_length(v));
    } else {
        val = -1;
    }
    if (val < 0) {
        tsr_cli_err("%s: key '%s' must be a non-negative integer (or a decimal string)", s->file,
                    tsr_cli_src_key(k, s, key));
        return TSR_CLI_USAGE;
    }
    if ((unsigned long long)val < min || (unsigned long long)val > max) {
        tsr_cli_err("%s: key '%s' is %lld, expected %lu..%lu", s->file, tsr_cli_src_key(k, s, key), val,
                    (unsigned long)min, (unsigned long)max);
        return TSR_CLI_USAGE;
    }
    *out = (size_t)val;
    return TSR_CLI_OK;
}

int tsr_cli_suite_parse(uint8_t *suite, const char *name) {
    if (strcmp(name, "secp256k1") == 0) {
        *suite = TSR_SUITE_SECP256K1_SHA256;
        return 0;
    }
    if (strcmp(name, "secp256k1-tr") == 0) {
        *suite = TSR_SUITE_SECP256K1_TR;
        return 0;
    }
    return -1;
}

const char *tsr_cli_suite_name(uint8_t suite) {
    return suite == TSR_SUITE_SECP256K1_TR ? "secp256k1-tr" : "secp256k1";
}

int tsr_cli_suite_member(uint8_t *out, const tsr_cli_src *s, const json_t *obj, const char *key) {
    char k[256];
    json_t *v;
    int rc = tsr_cli_member(&v, s, obj, key, 0);
    if (rc != TSR_CLI_OK) {
        return rc;
    }
    if (!json_is_string(v) || tsr_cli_suite_parse(out, json_string_value(v)) != 0) {
        tsr_cli_err("%s: key '%s' must be \"secp256k1\" or \"secp256k1-tr\"", s->file, tsr_cli_src_key(k, s, key));
        return TSR_CLI_USAGE;
    }
    return TSR_CLI_OK;
}

int tsr_cli_hex_arg(uint8_t *out, size_t cap, size_t *len, const char *what, const char *hex) {
    size_t slen = strlen(hex), bad;
    if (slen % 2 != 0) {
        tsr_cli_err("%s: hex string has an odd number of digits (%lu)", what, (unsigned long)slen);
        return TSR_CLI_USAGE;
    }
    if (slen / 2 > cap) {
        tsr_cli_err("%s: too long: at most %lu bytes, got %lu", what, (unsigned long)cap, (unsigned long)(slen / 2));
        return TSR_CLI_USAGE;
    }
    bad = tsr_cli_hex_decode(out, hex, slen / 2);
    if (bad != (size_t)-1) {
        tsr_cli_err("%s: not hex (bad character at position %lu)", what, (unsigned long)bad);
        return TSR_CLI_USAGE;
    }
    *len = slen / 2;
    return TSR_CLI_OK;
}

/* ---- builders -------------------------------------------------------------------------------- */

/* The lowercase hex digit of a nibble, without a branch or a table index (shares are written
 * this way): '0' + v, plus 39 more when v > 9. */
static char tsr_cli_hex_digit(uint32_t v) {
    uint32_t gt9 = (9u - v) >> 31; /* 1 iff v > 9 (v < 16) */
    return (char)(48u + v + 39u * gt9);
}

json_t *tsr_cli_hex_json(const uint8_t *p, size_t n) {
    char *buf = tsr_cli_malloc(2 * n + 1);
    json_t *v;
    size_t i;
    if (buf == NULL) {
        return NULL;
    }
    for (i = 0; i < n; i++) {
        buf[2 * i] = tsr_cli_hex_digit((uint32_t)p[i] >> 4);
        buf[2 * i + 1] = tsr_cli_hex_digit((uint32_t)p[i] & 15u);
    }
    buf[2 * n] = 0;
    v = json_stringn(buf, 2 * n);
    tsr_cli_free(buf);
    return v;
}

json_t *tsr_cli_scalar_json(const tsr_scalar *a) {
    uint8_t b[32];
    json_t *v;
    tsr_scalar_encode(b, a);
    v = tsr_cli_hex_json(b, sizeof b);
    tsr_memzero(b, sizeof b);
    return v;
}

json_t *tsr_cli_point_json(const tsr_context *ctx, const tsr_point *p) {
    uint8_t b[33];
    if (tsr_point_encode(ctx, b, p) != TSR_OK) {
        return NULL;
    }
    return tsr_cli_hex_json(b, sizeof b);
}

json_t *tsr_cli_blame_json(const tsr_blame *b, const char *idkey) {
    json_t *o = json_object();
    json_t *who;
    if (o == NULL) {
        return NULL;
    }
    if (b->culprit == TSR_CULPRIT_COORDINATOR) {
        who = json_string("coordinator");
    } else if (b->culprit == TSR_CULPRIT_NONE) {
        who = json_string("none");
    } else {
        who = json_integer((json_int_t)b->culprit);
    }
    json_object_set_new(o, idkey, who);
    json_object_set_new(o, "check", json_integer((json_int_t)b->check));
    json_object_set_new(o, "check_name", json_string(tsr_check_name(b->check)));
    json_object_set_new(o, "phase", json_string(tsr_phase_name(b->phase)));
    json_object_set_new(o, "round", json_integer((json_int_t)b->round));
    return o;
}

/* ---- files ----------------------------------------------------------------------------------- */

static int tsr_cli_write_all(int fd, const uint8_t *data, size_t len) {
    while (len > 0) {
        ssize_t w = write(fd, data, len);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        data += w;
        len -= (size_t)w;
    }
    return 0;
}

int tsr_cli_write_new(const char *path, const uint8_t *data, size_t len, mode_t mode) {
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0) {
        if (errno == EEXIST) {
            tsr_cli_err("%s: already exists; refusing to overwrite it", path);
        } else {
            tsr_cli_err("%s: cannot create: %s", path, strerror(errno));
        }
        return TSR_CLI_USAGE;
    }
    if (tsr_cli_write_all(fd, data, len) != 0 || fsync(fd) != 0) {
        tsr_cli_err("%s: write error: %s", path, strerror(errno));
        close(fd);
        unlink(path);
        return TSR_CLI_INTERNAL;
    }
    if (close(fd) != 0) {
        tsr_cli_err("%s: write error: %s", path, strerror(errno));
        unlink(path);
        return TSR_CLI_INTERNAL;
    }
    return TSR_CLI_OK;
}

/* Overwrites the contents of an existing regular file with zeros and syncs it. */
static int tsr_cli_zero_file(const char *path) {
    static const uint8_t zeros[4096];
    struct stat st;
    off_t left;
    int fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return -1;
    }
    left = st.st_size;
    while (left > 0) {
        size_t n = left > (off_t)sizeof zeros ? sizeof zeros : (size_t)left;
        if (tsr_cli_write_all(fd, zeros, n) != 0) {
            close(fd);
            return -1;
        }
        left -= (off_t)n;
    }
    if (fsync(fd) != 0) {
        close(fd);
        return -1;
    }
    return close(fd);
}

int tsr_cli_write_replace(const char *path, const uint8_t *data, size_t len, mode_t mode) {
    char tmp[4096];
    int rc;
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp) {
        tsr_cli_err("%s: path too long", path);
        return TSR_CLI_USAGE;
    }
    rc = tsr_cli_write_new(tmp, data, len, mode);
    if (rc != TSR_CLI_OK) {
        return rc;
    }
    (void)tsr_cli_zero_file(path); /* the old state's secrets, before the rename drops them */
    if (rename(tmp, path) != 0) {
        tsr_cli_err("%s: cannot replace: %s", path, strerror(errno));
        (void)tsr_cli_zero_file(tmp);
        unlink(tmp);
        return TSR_CLI_INTERNAL;
    }
    return TSR_CLI_OK;
}

int tsr_cli_json_write_new(const char *path, const json_t *v, mode_t mode) {
    char *s = tsr_cli_json_dump(v);
    size_t n;
    int rc;
    if (s == NULL) {
        tsr_cli_err("cannot serialise the output (out of memory?)");
        return TSR_CLI_INTERNAL;
    }
    n = strlen(s);
    {
        /* one trailing newline, like stdout */
        uint8_t *buf = malloc(n + 1);
        if (buf == NULL) {
            tsr_cli_free_str(s);
            return TSR_CLI_INTERNAL;
        }
        memcpy(buf, s, n);
        buf[n] = '\n';
        rc = tsr_cli_write_new(path, buf, n + 1, mode);
        tsr_cli_free_buf(buf, n + 1);
    }
    tsr_cli_free_str(s);
    return rc;
}

int tsr_cli_shred(const char *path) {
    if (tsr_cli_zero_file(path) != 0) {
        tsr_cli_err("%s: cannot overwrite: %s", path, strerror(errno));
        return TSR_CLI_INTERNAL;
    }
    if (unlink(path) != 0) {
        tsr_cli_err("%s: cannot delete: %s", path, strerror(errno));
        return TSR_CLI_INTERNAL;
    }
    return TSR_CLI_OK;
}

/* ---- state files ----------------------------------------------------------------------------- */

#define TSR_CLI_STATE_VERSION 1u
#define TSR_CLI_STATE_HDR 24 /* "TSRSTATE" || kind || version || length */

static void tsr_cli_be32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static uint32_t tsr_cli_rd32(const uint8_t *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

/* Zero-run compression (the DKG state is mostly zero padding for TSR_MAX_PARTIES): a sequence of
 * u32be zero_run || u32be literal_len || literal bytes. */
int tsr_cli_state_encode(uint8_t **out, size_t *outlen, uint32_t kind, const uint8_t *payload, size_t len) {
    size_t cap = TSR_CLI_STATE_HDR + len + 8 * (len / 8 + 2) + 32, o = TSR_CLI_STATE_HDR, i = 0;
    uint8_t *b = malloc(cap);
    uint64_t l64 = len;
    int j;
    *out = NULL;
    *outlen = 0;
    if (b == NULL) {
        tsr_cli_err("out of memory");
        return TSR_CLI_INTERNAL;
    }
    memcpy(b, "TSRSTATE", 8);
    tsr_cli_be32(b + 8, kind);
    tsr_cli_be32(b + 12, TSR_CLI_STATE_VERSION);
    for (j = 0; j < 8; j++) {
        b[16 + j] = (uint8_t)(l64 >> (56 - 8 * j));
    }
    while (i < len) {
        size_t z = 0, lit = 0, k;
        while (i + z < len && payload[i + z] == 0 && z < 0xffffffffu) {
            z++;
        }
        k = i + z;
        /* a literal run ends at the next run of 16 zeros or at the end */
        while (k + lit < len && lit < 0xffffffffu) {
            size_t r = 0;
            while (r < 16 && k + lit + r < len && payload[k + lit + r] == 0) {
                r++;
            }
            if (r == 16) {
                break;
            }
            lit += r == 0 ? 1 : r;
        }
        if (k + lit > len) {
            lit = len - k;
        }
        tsr_cli_be32(b + o, (uint32_t)z);
        tsr_cli_be32(b + o + 4, (uint32_t)lit);
        memcpy(b + o + 8, payload + k, lit);
        o += 8 + lit;
        i = k + lit;
    }
    tsr_sha256(b + o, b, o);
    o += 32;
    *out = b;
    *outlen = o;
    (void)cap;
    return TSR_CLI_OK;
}

int tsr_cli_state_decode(uint8_t *payload, size_t len, uint32_t kind, const uint8_t *in, size_t inlen,
                         const char *path) {
    uint8_t h[32];
    uint64_t l64 = 0;
    size_t o = TSR_CLI_STATE_HDR, i = 0;
    int j;
    if (inlen < TSR_CLI_STATE_HDR + 32 || memcmp(in, "TSRSTATE", 8) != 0) {
        tsr_cli_err("%s: not a tessera state file", path);
        return TSR_CLI_USAGE;
    }
    if (tsr_cli_rd32(in + 8) != kind) {
        tsr_cli_err("%s: a tessera state file of another kind (%s expected)", path,
                    kind == TSR_CLI_STATE_FROST_NONCE ? "FROST nonces from 'tessera frost commit'"
                                                      : "DKG state from 'tessera dkg'");
        return TSR_CLI_USAGE;
    }
    tsr_sha256(h, in, inlen - 32);
    if (memcmp(h, in + inlen - 32, 32) != 0) {
        tsr_cli_err("%s: state file is corrupted (checksum mismatch)", path);
        return TSR_CLI_USAGE;
    }
    for (j = 0; j < 8; j++) {
        l64 = (l64 << 8) | in[16 + j];
    }
    if (tsr_cli_rd32(in + 12) != TSR_CLI_STATE_VERSION || l64 != len) {
        tsr_cli_err("%s: state file written by another build of tessera (version or size differs)", path);
        return TSR_CLI_USAGE;
    }
    inlen -= 32;
    while (o < inlen) {
        uint32_t z, lit;
        if (inlen - o < 8) {
            goto bad;
        }
        z = tsr_cli_rd32(in + o);
        lit = tsr_cli_rd32(in + o + 4);
        o += 8;
        if (z > len - i || lit > len - i - z || lit > inlen - o) {
            goto bad;
        }
        memset(payload + i, 0, z);
        i += z;
        memcpy(payload + i, in + o, lit);
        i += lit;
        o += lit;
    }
    if (i != len) {
        goto bad;
    }
    return TSR_CLI_OK;
bad:
    tsr_memzero(payload, len);
    tsr_cli_err("%s: state file is malformed", path);
    return TSR_CLI_USAGE;
}
