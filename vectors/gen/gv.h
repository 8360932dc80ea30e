/* Shared helpers of the vector generators: the deterministic JSON writer, label-derived inputs,
 * and the names of codes and checks (vectors/gen/gv_common.c). */
#ifndef TSR_GV_H
#define TSR_GV_H
#include <stdio.h>
#include <stdint.h>

#include "tessera/tessera.h"

#define GV_DST "TSR-VECTORS-v1"
#define GV_MAX_DEPTH 16
#define GV_LABEL 96

#if TSR_MAX_PARTIES != 256
#error "the published vectors assume TSR_MAX_PARTIES == 256"
#endif

typedef struct {
    FILE *f;
    int depth;
    int first[GV_MAX_DEPTH];
    size_t cases;
} gv_json;

extern const tsr_context *gv_ctx;
extern char gv_tmp_path[4096];
extern const char gv_n_hex[];
extern const char gv_p_hex[];
extern const char *const gv_check_symbols[TSR_CHECK__COUNT]; /* "TSR_CHECK_..." names */

void gv_fail(const char *file, int line, const char *expr);
/* A generator requirement: the library must behave as the vector declares, else no file is
 * trusted (the run stops with a non-zero status). */
#define GV_REQUIRE(cond) do { if (!(cond)) { gv_fail(__FILE__, __LINE__, #cond); } } while (0)

void gv_obj(gv_json *w, const char *key);
void gv_end_obj(gv_json *w);
void gv_arr(gv_json *w, const char *key);
void gv_end_arr(gv_json *w);
void gv_str(gv_json *w, const char *key, const char *s);
void gv_int(gv_json *w, const char *key, long v);
void gv_size(gv_json *w, const char *key, size_t v);
void gv_bool(gv_json *w, const char *key, int v);
void gv_null(gv_json *w, const char *key);
void gv_hex(gv_json *w, const char *key, const uint8_t *b, size_t len);
void gv_scalar(gv_json *w, const char *key, const tsr_scalar *a);
void gv_point(gv_json *w, const char *key, const tsr_point *p);
void gv_file_open(gv_json *w, const char *dir, const char *name);
void gv_file_close(gv_json *w, const char *dir, const char *name);
const char *gv_err_symbol(int err);
void gv_expect(gv_json *w, int err, tsr_check check, const char *reason);
void gv_case(gv_json *w, const char *name, int valid);
void gv_generator(gv_json *w, const char *program);
void gv_bytes_from_label(uint8_t *out, size_t len, const char *label);
void gv_scalar_from_label(tsr_scalar *out, const char *label);
void gv_label(char out[GV_LABEL], const char *prefix, const char *what);
void gv_label_i(char out[GV_LABEL], const char *prefix, const char *what, size_t i);
void gv_hex_decode(uint8_t *out, size_t len, const char *hex);
void gv_be_add_small(uint8_t b[32], unsigned v);
void gv_scalar_small(tsr_scalar *r, uint32_t v);

/* The writers of each vector family (each file: OUTDIR/<family>/<name>.json). */
void gv_write_sharing(const char *dir);
void gv_write_frost(const char *dir);
void gv_write_dkg(const char *dir);

#endif
