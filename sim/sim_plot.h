/* SVG plots for simulator sweeps (line plot, outcome matrix), the growable text buffer the report
 * writers share, and the CPU calibration S; implemented in sim_svg.c (buffer, plots) and
 * sim_report.c (calibration). */
#ifndef TSR_SIM_PLOT_H
#define TSR_SIM_PLOT_H

#include <stddef.h>

/* A line plot: one series per name, x[k] shared by every series, y[i * npoints + k] the value of
 * series i at x[k] (NaN or infinity: no point, the line breaks there). Linear axes with rounded
 * ticks, a legend on the right. Returns a standalone SVG document (heap, caller frees), or NULL on
 * allocation failure. Titles and names are escaped. */
char *tsr_sim_plot_lines(const char *title, const char *xlabel, const char *ylabel, const char *const *series_names,
                         size_t nseries, const double *x, const double *y /* nseries*npoints */, size_t npoints);

/* A matrix: nrows x ncols cells, cells[r * ncols + c] a fraction 0..1 that shades the cell (0 white,
 * 1 full colour; NaN: grey, "n/a"), cell_text[r * ncols + c] the text written in it (NULL array or
 * NULL entry: the fraction as a percentage). Returns a standalone SVG document (heap), or NULL. */
char *tsr_sim_plot_matrix(const char *title, const char *const *rows, size_t nrows, const char *const *cols,
                          size_t ncols, const double *cells /* fractions 0..1 */, const char *const *cell_text);

/* S: the CPU time of one libsecp256k1 schnorrsig_sign32, in nanoseconds, measured now in this
 * process (a fixed public test key, 200 signatures, the median). The JSON report divides CPU
 * times by it (ratios to S, as the benchmarks do). Returns 0 if it could not be measured. */
double tsr_sim_calibrate_s(void);

/* A growable text buffer (heap). On allocation failure `oom` is set and further writes are
 * ignored; tsr_sim_buf_take then returns NULL. */
typedef struct {
    char *p;
    size_t len, cap;
    int oom;
} tsr_sim_buf;

void tsr_sim_buf_init(tsr_sim_buf *b);
void tsr_sim_buf_free(tsr_sim_buf *b);
void tsr_sim_buf_put(tsr_sim_buf *b, const char *s, size_t n);
void tsr_sim_buf_puts(tsr_sim_buf *b, const char *s);
void tsr_sim_buf_printf(tsr_sim_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s with the XML escapes &amp; &lt; &gt; &quot; &apos; (control bytes become '?'). */
void tsr_sim_buf_xml(tsr_sim_buf *b, const char *s);
/* Returns the NUL-terminated text (ownership passes to the caller), or NULL after an allocation
 * failure (then the buffer is freed). */
char *tsr_sim_buf_take(tsr_sim_buf *b);

#endif
