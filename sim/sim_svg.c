/* SVG output of the simulator: the sequence diagram of one ceremony (tsr_sim_svg) and the sweep
 * plots of sim_plot.h, plus the text buffer the report writers share (no libm: sizes come from
 * plain arithmetic). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"
#include "sim_internal.h"
#include "sim_plot.h"
#include "tessera/wire.h"

/* ==== text buffer ============================================================================== */

void tsr_sim_buf_init(tsr_sim_buf *b) {
    b->p = NULL;
    b->len = 0;
    b->cap = 0;
    b->oom = 0;
}

void tsr_sim_buf_free(tsr_sim_buf *b) {
    free(b->p);
    tsr_sim_buf_init(b);
}

static int tsr_buf_reserve(tsr_sim_buf *b, size_t extra) {
    size_t need, cap;
    char *np;
    if (b->oom) {
        return -1;
    }
    if (extra > ((size_t)-1) / 2 - b->len) {
        b->oom = 1;
        return -1;
    }
    need = b->len + extra + 1;
    if (need <= b->cap) {
        return 0;
    }
    cap = b->cap ? b->cap : 1024;
    while (cap < need) {
        cap *= 2;
    }
    np = realloc(b->p, cap);
    if (np == NULL) {
        b->oom = 1;
        return -1;
    }
    b->p = np;
    b->cap = cap;
    return 0;
}

void tsr_sim_buf_put(tsr_sim_buf *b, const char *s, size_t n) {
    if (tsr_buf_reserve(b, n) != 0) {
        return;
    }
    if (n > 0) {
        memcpy(b->p + b->len, s, n);
    }
    b->len += n;
    b->p[b->len] = 0;
}

void tsr_sim_buf_puts(tsr_sim_buf *b, const char *s) {
    tsr_sim_buf_put(b, s, strlen(s));
}

void tsr_sim_buf_printf(tsr_sim_buf *b, const char *fmt, ...) {
    va_list ap;
    int n;
    char small[256];
    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->oom = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        tsr_sim_buf_put(b, small, (size_t)n);
        return;
    }
    if (tsr_buf_reserve(b, (size_t)n) != 0) {
        return;
    }
    va_start(ap, fmt);
    (void)vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void tsr_sim_buf_xml(tsr_sim_buf *b, const char *s) {
    for (; s != NULL && *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&': tsr_sim_buf_puts(b, "&amp;"); break;
        case '<': tsr_sim_buf_puts(b, "&lt;"); break;
        case '>': tsr_sim_buf_puts(b, "&gt;"); break;
        case '"': tsr_sim_buf_puts(b, "&quot;"); break;
        case '\'': tsr_sim_buf_puts(b, "&apos;"); break;
        default:
            if (c < 0x20 || c == 0x7f) {
                tsr_sim_buf_put(b, "?", 1);
            } else {
                tsr_sim_buf_put(b, s, 1);
            }
        }
    }
}

char *tsr_sim_buf_take(tsr_sim_buf *b) {
    char *p;
    if (b->oom) {
        tsr_sim_buf_free(b);
        return NULL;
    }
    if (b->p == NULL) {
        tsr_sim_buf_put(b, "", 0);
        if (b->oom) {
            tsr_sim_buf_free(b);
            return NULL;
        }
    }
    p = b->p;
    tsr_sim_buf_init(b);
    return p;
}

/* ==== small numeric helpers (no libm) ========================================================== */

static int tsr_finite(double v) {
    return v == v && v - v == 0.0;
}

/* A "nice" tick step (1, 2 or 5 times a power of ten) for about `want` intervals over range;
 * *decimals gets the digits after the point its labels need. */
static double tsr_nice_step(double range, int want, int *decimals) {
    double raw, mag = 1.0, norm, step;
    int dec = 0;
    if (!(range > 0.0) || !tsr_finite(range)) {
        range = 1.0;
    }
    raw = range / (double)want;
    while (mag * 10.0 <= raw) {
        mag *= 10.0;
    }
    while (mag > raw && dec < 12) {
        mag /= 10.0;
        dec++;
    }
    norm = raw / mag;
    if (norm < 1.5) {
        step = 1.0;
    } else if (norm < 3.0) {
        step = 2.0;
    } else if (norm < 7.0) {
        step = 5.0;
    } else {
        step = 10.0;
        if (dec > 0) {
            dec--;
        }
    }
    *decimals = dec;
    return step * mag;
}

/* floor(v / step) * step without libm, for |v / step| well inside the range of long. */
static double tsr_floor_to(double v, double step) {
    double q = v / step;
    long k = (long)q;
    if ((double)k > q) {
        k--;
    }
    return (double)k * step;
}

static double tsr_ceil_to(double v, double step) {
    double q = v / step;
    long k = (long)q;
    if ((double)k < q) {
        k++;
    }
    return (double)k * step;
}

static const char *const tsr_palette[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                          "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
#define TSR_NPALETTE (sizeof tsr_palette / sizeof tsr_palette[0])

static void tsr_svg_open(tsr_sim_buf *b, double w, double h) {
    tsr_sim_buf_printf(b,
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%.0f\" height=\"%.0f\" "
                       "viewBox=\"0 0 %.0f %.0f\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" "
                       "font-size=\"12\">\n"
                       "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n",
                       w, h, w, h, w, h);
}

static void tsr_svg_text(tsr_sim_buf *b, double x, double y, const char *anchor, const char *extra,
                         const char *text) {
    tsr_sim_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s%s>", x, y, anchor,
                       extra && *extra ? " " : "", extra ? extra : "");
    tsr_sim_buf_xml(b, text);
    tsr_sim_buf_puts(b, "</text>\n");
}

/* ==== line plot ================================================================================ */

/* The range of the finite values of v[0..n-1]: *have = 0 when there is none. */
static void tsr_svg_range(double *lo, double *hi, int *have, const double *v, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) {
        if (!tsr_finite(v[i])) {
            continue;
        }
        if (!*have) {
            *lo = *hi = v[i];
            *have = 1;
        } else {
            if (v[i] < *lo) *lo = v[i];
            if (v[i] > *hi) *hi = v[i];
        }
    }
}

char *tsr_sim_plot_lines(const char *title, const char *xlabel, const char *ylabel, const char *const *series_names,
                         size_t nseries, const double *x, const double *y, size_t npoints) {
    tsr_sim_buf b;
    const double W = 760, H = 460, L = 80, R = 200, T = 50, B = 60;
    const double pw = W - L - R, ph = H - T - B;
    double xmin = 0, xmax = 1, ymin = 0, ymax = 1, xs, ys, v;
    int xdec, ydec, have_x = 0, have_y = 0;
    size_t i, k;
    char lab[64];

    tsr_sim_buf_init(&b);
    tsr_svg_range(&xmin, &xmax, &have_x, x, x != NULL ? npoints : 0);
    tsr_svg_range(&ymin, &ymax, &have_y, y, y != NULL ? nseries * npoints : 0);
    if (ymin > 0) {
        ymin = 0; /* costs and counts: start the axis at 0 */
    }
    if (xmax <= xmin) {
        xmax = xmin + 1;
    }
    if (ymax <= ymin) {
        ymax = ymin + 1;
    }
    xs = tsr_nice_step(xmax - xmin, 6, &xdec);
    ys = tsr_nice_step(ymax - ymin, 5, &ydec);
    xmin = tsr_floor_to(xmin, xs);
    xmax = tsr_ceil_to(xmax, xs);
    ymin = tsr_floor_to(ymin, ys);
    ymax = tsr_ceil_to(ymax, ys);
    if (xmax <= xmin) xmax = xmin + xs;
    if (ymax <= ymin) ymax = ymin + ys;
#define TSR_PX(vx) (L + ((vx) - xmin) / (xmax - xmin) * pw)
#define TSR_PY(vy) (T + ph - ((vy) - ymin) / (ymax - ymin) * ph)

    tsr_svg_open(&b, W, H);
    tsr_svg_text(&b, L + pw / 2, 28, "middle", "font-size=\"16\" font-weight=\"bold\"", title ? title : "");
    /* grid and ticks */
    for (v = ymin; v <= ymax + ys / 2; v += ys) {
        tsr_sim_buf_printf(&b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>\n", L,
                           TSR_PY(v), L + pw, TSR_PY(v));
        snprintf(lab, sizeof lab, "%.*f", ydec, v);
        tsr_svg_text(&b, L - 6, TSR_PY(v) + 4, "end", NULL, lab);
    }
    for (v = xmin; v <= xmax + xs / 2; v += xs) {
        tsr_sim_buf_printf(&b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>\n",
                           TSR_PX(v), T, TSR_PX(v), T + ph);
        snprintf(lab, sizeof lab, "%.*f", xdec, v);
        tsr_svg_text(&b, TSR_PX(v), T + ph + 16, "middle", NULL, lab);
    }
    tsr_sim_buf_printf(&b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#333333\"/>\n",
                       L, T, pw, ph);
    tsr_svg_text(&b, L + pw / 2, H - 18, "middle", NULL, xlabel ? xlabel : "");
    tsr_sim_buf_printf(&b, "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 18 %.1f)\">",
                       T + ph / 2, T + ph / 2);
    tsr_sim_buf_xml(&b, ylabel ? ylabel : "");
    tsr_sim_buf_puts(&b, "</text>\n");
    /* series: a polyline per unbroken stretch, a dot per point */
    for (i = 0; i < nseries; i++) {
        const char *col = tsr_palette[i % TSR_NPALETTE];
        int open = 0;
        for (k = 0; k < npoints; k++) {
            double vx = x ? x[k] : (double)k, vy = y ? y[i * npoints + k] : 0.0 / 0.0;
            if (!tsr_finite(vx) || !tsr_finite(vy)) {
                if (open) {
                    tsr_sim_buf_puts(&b, "\"/>\n");
                    open = 0;
                }
                continue;
            }
            if (!open) {
                tsr_sim_buf_printf(&b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"", col);
                open = 1;
            }
            tsr_sim_buf_printf(&b, "%.1f,%.1f ", TSR_PX(vx), TSR_PY(vy));
        }
        if (open) {
            tsr_sim_buf_puts(&b, "\"/>\n");
        }
        for (k = 0; k < npoints; k++) {
            double vx = x ? x[k] : (double)k, vy = y ? y[i * npoints + k] : 0.0 / 0.0;
            if (tsr_finite(vx) && tsr_finite(vy)) {
                tsr_sim_buf_printf(&b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n", TSR_PX(vx),
                                   TSR_PY(vy), col);
            }
        }
        /* legend */
        tsr_sim_buf_printf(&b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"/>\n",
                           L + pw + 14, T + 10 + 18.0 * (double)i, L + pw + 34, T + 10 + 18.0 * (double)i, col);
        tsr_svg_text(&b, L + pw + 40, T + 14 + 18.0 * (double)i, "start", NULL,
                     series_names && series_names[i] ? series_names[i] : "");
    }
#undef TSR_PX
#undef TSR_PY
    tsr_sim_buf_puts(&b, "</svg>\n");
    return tsr_sim_buf_take(&b);
}

/* ==== matrix =================================================================================== */

char *tsr_sim_plot_matrix(const char *title, const char *const *rows, size_t nrows, const char *const *cols,
                          size_t ncols, const double *cells, const char *const *cell_text) {
    tsr_sim_buf b;
    size_t r, c, maxrow = 4, maxcol = 4;
    double cw, ch = 28, L, T, W, H;
    char pct[32];

    tsr_sim_buf_init(&b);
    for (r = 0; r < nrows; r++) {
        size_t l = rows && rows[r] ? strlen(rows[r]) : 0;
        if (l > maxrow) maxrow = l;
    }
    for (c = 0; c < ncols; c++) {
        size_t l = cols && cols[c] ? strlen(cols[c]) : 0;
        if (l > maxcol) maxcol = l;
    }
    if (maxrow > 60) maxrow = 60;
    if (maxcol > 40) maxcol = 40;
    cw = 7.5 * (double)maxcol + 24;
    if (cw < 90) cw = 90;
    L = 7.0 * (double)maxrow + 24;
    T = 80;
    W = L + cw * (double)ncols + 20;
    H = T + ch * (double)nrows + 30;
    if (W < 360) W = 360;

    tsr_svg_open(&b, W, H);
    tsr_svg_text(&b, W / 2, 28, "middle", "font-size=\"16\" font-weight=\"bold\"", title ? title : "");
    for (c = 0; c < ncols; c++) {
        tsr_svg_text(&b, L + cw * ((double)c + 0.5), T - 10, "middle", "font-weight=\"bold\"",
                     cols && cols[c] ? cols[c] : "");
    }
    for (r = 0; r < nrows; r++) {
        double yy = T + ch * (double)r;
        tsr_svg_text(&b, L - 8, yy + ch / 2 + 4, "end", NULL, rows && rows[r] ? rows[r] : "");
        for (c = 0; c < ncols; c++) {
            double f = cells ? cells[r * ncols + c] : 0.0 / 0.0;
            const char *txt = cell_text ? cell_text[r * ncols + c] : NULL;
            char fill[16];
            if (!tsr_finite(f)) {
                snprintf(fill, sizeof fill, "#dddddd");
                if (txt == NULL) txt = "n/a";
            } else {
                /* white (f = 0) to #2166ac (f = 1) */
                double g = f < 0 ? 0 : (f > 1 ? 1 : f);
                int rr = (int)(255.0 - g * (255.0 - 0x21)), gg = (int)(255.0 - g * (255.0 - 0x66)),
                    bb = (int)(255.0 - g * (255.0 - 0xac));
                snprintf(fill, sizeof fill, "#%02x%02x%02x", (unsigned)rr & 0xffu, (unsigned)gg & 0xffu,
                         (unsigned)bb & 0xffu);
                if (txt == NULL) {
                    snprintf(pct, sizeof pct, "%.0f%%", g * 100.0);
                    txt = pct;
                }
            }
            tsr_sim_buf_printf(&b,
                               "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" "
                               "stroke=\"#888888\"/>\n",
                               L + cw * (double)c, yy, cw, ch, fill);
            tsr_svg_text(&b, L + cw * ((double)c + 0.5), yy + ch / 2 + 4, "middle",
                         tsr_finite(f) && f > 0.55 ? "fill=\"#ffffff\"" : "fill=\"#000000\"", txt);
        }
    }
    tsr_sim_buf_puts(&b, "</svg>\n");
    return tsr_sim_buf_take(&b);
}

/* ==== sequence diagram ========================================================================= */

#define TSR_SEQ_HONEST "#1f4e9c"
#define TSR_SEQ_CORRUPT "#c62828"
#define TSR_SEQ_MSG "#37474f"
#define TSR_SEQ_CHEAT "#d32f2f"
#define TSR_SEQ_LOST "#9e9e9e"
#define TSR_SEQ_OK "#2e7d32"
#define TSR_SEQ_WARN "#ef6c00"
#define TSR_SEQ_CHEATF (TSR_SIM_F_MUTATED | TSR_SIM_F_FORGED | TSR_SIM_F_REPLAYED)

typedef struct {
    const tsr_sim *s;
    tsr_sim_buf body;
    double y, w;
    int coord;                      /* the coordinator has a lifeline */
    size_t nlanes;
    double x[TSR_SIM_NPARTIES];     /* lifeline x by sim party */
} tsr_seq;

static int tsr_seq_corrupt(const tsr_sim *s, uint32_t p) {
    return tsr_sim_is_corrupt(s, p);
}

static const char *tsr_seq_name(uint16_t type) {
    const char *n = tsr_sim_msg_name(type);
    return n ? n : "message";
}

static void tsr_seq_run_title(tsr_seq *q, uint16_t step, uint16_t run) {
    const tsr_sim_runrec *rr = tsr_sim_run_find(q->s, step, run);
    char t[96];
    size_t i;
    tsr_sim_buf tb;
    char *txt;
    q->y += 14;
    tsr_sim_buf_printf(&q->body,
                       "<line x1=\"10\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#7e57c2\" stroke-width=\"1.5\" "
                       "stroke-dasharray=\"8 4\"/>\n",
                       q->y, q->w - 10, q->y);
    tsr_sim_buf_init(&tb);
    if (step == 0) {
        snprintf(t, sizeof t, "keygen run %u", (unsigned)run + 1);
    } else {
        snprintf(t, sizeof t, "signature %u, attempt %u", (unsigned)step, (unsigned)run + 1);
    }
    tsr_sim_buf_puts(&tb, t);
    if (rr != NULL) {
        tsr_sim_buf_printf(&tb, ": %s over parties ", rr->proto);
        for (i = 0; i < rr->n && i < 16; i++) {
            tsr_sim_buf_printf(&tb, "%s%u", i ? "," : "", (unsigned)rr->roster[i]);
        }
        if (rr->n > 16) {
            tsr_sim_buf_printf(&tb, ",... (%zu parties)", rr->n);
        }
    }
    txt = tsr_sim_buf_take(&tb);
    tsr_svg_text(&q->body, 14, q->y + 16, "start", "fill=\"#4527a0\" font-weight=\"bold\"", txt ? txt : t);
    free(txt);
    q->y += 30;
}

/* One event in the full diagram (BLAME, UNRESPONSIVE, REFUSE, ADVERSARY; notes are left out). */
/* Text beside a mark on lifeline x: to the right, or to the left near the right edge. */
static void tsr_seq_side_text(tsr_seq *q, double x, const char *extra, const char *t) {
    if (x > q->w - 300) {
        tsr_svg_text(&q->body, x - 9, q->y + 9, "end", extra, t);
    } else {
        tsr_svg_text(&q->body, x + 9, q->y + 9, "start", extra, t);
    }
}

static void tsr_seq_event(tsr_seq *q, size_t i) {
    const tsr_sim_event *e = tsr_sim_event_at(q->s, i);
    uint32_t c = e->culprit == TSR_CULPRIT_COORDINATOR ? TSR_SIM_COORD : e->culprit;
    double x = e->party < TSR_SIM_NPARTIES ? q->x[e->party] : 0;
    char t[200];
    const char *chk = tsr_sim_check_symbol(e->check);

    if (e->kind == TSR_SIM_EV_RUN) {
        tsr_seq_run_title(q, e->step, e->run);
        return;
    }
    if (x <= 0 || (e->kind != TSR_SIM_EV_BLAME && e->kind != TSR_SIM_EV_UNRESPONSIVE &&
                   e->kind != TSR_SIM_EV_REFUSE && e->kind != TSR_SIM_EV_ADVERSARY)) {
        return;
    }
    q->y += 4;
    if (e->kind == TSR_SIM_EV_BLAME) {
        if (e->culprit == TSR_CULPRIT_NONE) {
            snprintf(t, sizeof t, "aborts: %s (nobody named)", chk ? chk : "?");
        } else if (c == TSR_SIM_COORD) {
            snprintf(t, sizeof t, "blames coordinator: %s", chk ? chk : "?");
        } else {
            snprintf(t, sizeof t, "blames %u: %s", (unsigned)c, chk ? chk : "?");
        }
        tsr_sim_buf_printf(&q->body,
                           "<path d=\"M%.1f %.1f l10 10 M%.1f %.1f l10 -10\" stroke=\"%s\" stroke-width=\"3\"/>\n",
                           x - 5, q->y, x - 5, q->y + 10, TSR_SEQ_CHEAT);
        tsr_seq_side_text(q, x, "fill=\"" TSR_SEQ_CHEAT "\" font-weight=\"bold\"", t);
    } else if (e->kind == TSR_SIM_EV_UNRESPONSIVE) {
        if (e->culprit == TSR_CULPRIT_NONE) {
            snprintf(t, sizeof t, "missing messages (nobody named)");
        } else if (c == TSR_SIM_COORD) {
            snprintf(t, sizeof t, "coordinator unresponsive");
        } else {
            snprintf(t, sizeof t, "%u unresponsive", (unsigned)c);
        }
        tsr_sim_buf_printf(&q->body, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\"/>\n", x, q->y + 5,
                           TSR_SEQ_WARN);
        tsr_seq_side_text(q, x, "fill=\"" TSR_SEQ_WARN "\"", t);
    } else {
        const char *col = e->kind == TSR_SIM_EV_REFUSE ? TSR_SEQ_WARN : TSR_SEQ_CORRUPT;
        size_t tl = strnlen(e->text, sizeof e->text);
        snprintf(t, sizeof t, "%s%.*s%s", e->kind == TSR_SIM_EV_REFUSE ? "refuses: " : "", (int)(tl > 70 ? 70 : tl),
                 e->text, tl > 70 ? "..." : "");
        tsr_sim_buf_printf(&q->body, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" fill=\"%s\"/>\n", x - 4,
                           q->y + 1, col);
        tsr_seq_side_text(q, x, e->kind == TSR_SIM_EV_REFUSE
                                                            ? "fill=\"" TSR_SEQ_WARN "\" font-size=\"11\""
                                                            : "fill=\"" TSR_SEQ_CORRUPT "\" font-size=\"11\" font-style=\"italic\"",
                     t);
    }
    q->y += 16;
}

/* 1 if b belongs to the same fan as a: one sender's messages of one type in one round. */
static int tsr_seq_same_fan(const tsr_sim_msg *a, const tsr_sim_msg *b) {
    return a->step == b->step && a->run == b->run && a->round == b->round && a->from == b->from && a->type == b->type;
}

/* Draws the fan of copies starting at timeline index i; marks them in done[]. */
static void tsr_seq_fan(tsr_seq *q, size_t i, uint8_t *done) {
    const tsr_sim *s = q->s;
    const tsr_sim_msg *m = tsr_sim_msg_at(s, i);
    size_t nm = tsr_sim_nmsgs(s), j;
    double xs = m->from < TSR_SIM_NPARTIES ? q->x[m->from] : 0, y0 = q->y + 14, y1 = q->y + 36;
    int cheat = 0;
    char lab[96];

    for (j = i; j < nm; j++) {
        const tsr_sim_msg *o = tsr_sim_msg_at(s, j);
        double xr;
        if (o->step != m->step || o->run != m->run || o->round != m->round) {
            break;
        }
        if (done[j] || !tsr_seq_same_fan(m, o)) {
            continue;
        }
        done[j] = 1;
        xr = o->to < TSR_SIM_NPARTIES ? q->x[o->to] : 0;
        if (o->to == o->from || xr <= 0 || xs <= 0) {
            continue;
        }
        if (o->flags & TSR_SEQ_CHEATF) {
            cheat = 1;
        }
        if (o->flags & TSR_SIM_F_NOT_DELIVERED) {
            double xm = xs + (xr - xs) * 0.6, ym = y0 + (y1 - y0) * 0.6;
            tsr_sim_buf_printf(&q->body,
                               "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.2\" "
                               "stroke-dasharray=\"4 3\"/>\n"
                               "<path d=\"M%.1f %.1f l8 8 M%.1f %.1f l8 -8\" stroke=\"%s\" stroke-width=\"1.5\"/>\n",
                               xs, y0, xm, ym, (o->flags & TSR_SEQ_CHEATF) ? TSR_SEQ_CHEAT : TSR_SEQ_LOST, xm - 4,
                               ym - 4, xm - 4, ym + 4, TSR_SEQ_LOST);
        } else {
            int red = (o->flags & TSR_SEQ_CHEATF) != 0;
            tsr_sim_buf_printf(&q->body,
                               "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\" "
                               "marker-end=\"url(#%s)\"%s/>\n",
                               xs, y0, xr, y1, red ? TSR_SEQ_CHEAT : TSR_SEQ_MSG, red ? "2" : "1",
                               red ? "ahr" : "ah", (o->flags & TSR_SIM_F_DUPLICATE) ? " stroke-dasharray=\"1 2\"" : "");
        }
    }
    snprintf(lab, sizeof lab, "r%u %s (%zu B)", (unsigned)m->round, tsr_seq_name(m->type), m->len);
    tsr_svg_text(&q->body, xs + 4, y0 - 3, "start",
                 cheat ? "fill=\"" TSR_SEQ_CHEAT "\" font-size=\"10\" font-weight=\"bold\"" : "fill=\"#555555\" font-size=\"10\"",
                 lab);
    q->y = y1 + 4;
}

/* Compact view (n > 12): per run, one box per round and message type, then the round's blame
 * marks aggregated by culprit and check. */
typedef struct {
    size_t first;  /* event index of the group's first mark */
    size_t judges; /* marks in the group */
} tsr_seq_group;

static void tsr_seq_compact(tsr_seq *q) {
    const tsr_sim *s = q->s;
    size_t nr = tsr_sim_nruns(s), r, i, j, ngroups = 0, capgroups = 0;
    tsr_seq_group *groups = NULL;
    for (r = 0; r < nr; r++) {
        const tsr_sim_runrec *rr = tsr_sim_run_at(s, r);
        uint16_t round;
        tsr_seq_run_title(q, rr->step, rr->run);
        for (round = 1; round <= rr->rounds; round++) {
            uint16_t types[16];
            size_t ntypes = 0, t;
            for (i = rr->first_msg; i < rr->end_msg && i < tsr_sim_nmsgs(s); i++) {
                const tsr_sim_msg *m = tsr_sim_msg_at(s, i);
                if (m->round != round) {
                    continue;
                }
                for (t = 0; t < ntypes && types[t] != m->type; t++) {
                }
                if (t == ntypes && ntypes < 16) {
                    types[ntypes++] = m->type;
                }
            }
            for (t = 0; t < ntypes; t++) {
                size_t copies = 0, bytes = 0, cheat = 0, lost = 0, senders = 0;
                uint8_t seen[TSR_SIM_NPARTIES];
                char txt[200];
                memset(seen, 0, sizeof seen);
                for (i = rr->first_msg; i < rr->end_msg && i < tsr_sim_nmsgs(s); i++) {
                    const tsr_sim_msg *m = tsr_sim_msg_at(s, i);
                    if (m->round != round || m->type != types[t]) {
                        continue;
                    }
                    copies++;
                    bytes += m->len;
                    cheat += (m->flags & TSR_SEQ_CHEATF) != 0;
                    lost += (m->flags & TSR_SIM_F_NOT_DELIVERED) != 0;
                    if (m->from < TSR_SIM_NPARTIES && !seen[m->from]) {
                        seen[m->from] = 1;
                        senders++;
                    }
                }
                snprintf(txt, sizeof txt, "r%u %s: %zu senders, %zu copies, %zu B", (unsigned)round,
                         tsr_seq_name(types[t]), senders, copies, bytes);
                tsr_sim_buf_printf(&q->body,
                                   "<rect x=\"40\" y=\"%.1f\" width=\"%.1f\" height=\"24\" rx=\"4\" fill=\"%s\" "
                                   "stroke=\"%s\" stroke-width=\"%s\"/>\n",
                                   q->y, q->w - 80, cheat ? "#ffebee" : "#eceff1", cheat ? TSR_SEQ_CHEAT : "#90a4ae",
                                   cheat ? "2" : "1");
                tsr_svg_text(&q->body, 50, q->y + 16, "start", NULL, txt);
                if (cheat || lost) {
                    if (cheat && lost) {
                        snprintf(txt, sizeof txt, "%zu changed by cheaters, %zu lost", cheat, lost);
                    } else if (cheat) {
                        snprintf(txt, sizeof txt, "%zu changed by cheaters", cheat);
                    } else {
                        snprintf(txt, sizeof txt, "%zu lost", lost);
                    }
                    tsr_svg_text(&q->body, q->w - 50, q->y + 16, "end",
                                 cheat ? "fill=\"" TSR_SEQ_CHEAT "\" font-weight=\"bold\"" : "fill=\"#616161\"", txt);
                }
                q->y += 30;
            }
            /* the round's blame and unresponsive marks, by (kind, culprit, check), in order of
             * first appearance */
            ngroups = 0;
            for (i = rr->first_event; i < rr->end_event && i < tsr_sim_nevents(s); i++) {
                const tsr_sim_event *e = tsr_sim_event_at(s, i);
                if ((e->kind != TSR_SIM_EV_BLAME && e->kind != TSR_SIM_EV_UNRESPONSIVE) || e->round != round ||
                    tsr_seq_corrupt(s, e->party)) {
                    continue;
                }
                for (j = 0; j < ngroups; j++) {
                    const tsr_sim_event *o = tsr_sim_event_at(s, groups[j].first);
                    if (o->kind == e->kind && o->culprit == e->culprit && o->check == e->check) {
                        break;
                    }
                }
                if (j == ngroups) {
                    if (ngroups == capgroups) {
                        size_t nc = capgroups ? 2 * capgroups : 16;
                        tsr_seq_group *ng = realloc(groups, nc * sizeof *ng);
                        if (ng == NULL) {
                            q->body.oom = 1;
                            break;
                        }
                        groups = ng;
                        capgroups = nc;
                    }
                    groups[ngroups].first = i;
                    groups[ngroups].judges = 0;
                    ngroups++;
                }
                groups[j].judges++;
            }
            for (j = 0; j < ngroups; j++) {
                const tsr_sim_event *e = tsr_sim_event_at(s, groups[j].first);
                size_t judges = groups[j].judges;
                char txt[200], who[32];
                if (e->culprit == TSR_CULPRIT_NONE) {
                    snprintf(who, sizeof who, "nobody named");
                } else if (e->culprit == TSR_CULPRIT_COORDINATOR) {
                    snprintf(who, sizeof who, "coordinator");
                } else {
                    snprintf(who, sizeof who, "party %u", (unsigned)e->culprit);
                }
                snprintf(txt, sizeof txt, "%s %s: %s, by %zu honest part%s",
                         e->kind == TSR_SIM_EV_BLAME ? "blame" : "unresponsive", who,
                         tsr_sim_check_symbol(e->check) ? tsr_sim_check_symbol(e->check) : "?", judges,
                         judges == 1 ? "y" : "ies");
                if (e->kind == TSR_SIM_EV_BLAME) {
                    tsr_sim_buf_printf(&q->body,
                                       "<path d=\"M55 %.1f l10 10 M55 %.1f l10 -10\" stroke=\"%s\" stroke-width=\"3\"/>\n",
                                       q->y, q->y + 10, TSR_SEQ_CHEAT);
                } else {
                    tsr_sim_buf_printf(&q->body, "<circle cx=\"60\" cy=\"%.1f\" r=\"6\" fill=\"%s\"/>\n", q->y + 5,
                                       TSR_SEQ_WARN);
                }
                tsr_svg_text(&q->body, 74, q->y + 9, "start",
                             e->kind == TSR_SIM_EV_BLAME ? "fill=\"" TSR_SEQ_CHEAT "\" font-weight=\"bold\""
                                                         : "fill=\"" TSR_SEQ_WARN "\"",
                             txt);
                q->y += 18;
            }
        }
    }
    free(groups);
}

/* The final boxes: one per signature (green if verified), or the keygen's failure. */
static void tsr_seq_results(tsr_seq *q) {
    const tsr_sim *s = q->s;
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    const tsr_sim_result *res = tsr_sim_result_get(s);
    size_t k, i;
    char txt[200];
    static const char x16[] = "0123456789abcdef";

    q->y += 16;
    if (cfg->nsign == 0 || !res->has_group_key) {
        int ok = res->has_group_key;
        snprintf(txt, sizeof txt, "keygen: %s", ok ? "group key agreed" : "no group key");
        tsr_sim_buf_printf(&q->body,
                           "<rect x=\"40\" y=\"%.1f\" width=\"%.1f\" height=\"30\" rx=\"6\" fill=\"%s\" stroke=\"%s\" "
                           "stroke-width=\"2\"/>\n",
                           q->y, q->w - 80, ok ? "#e8f5e9" : "#ffebee", ok ? TSR_SEQ_OK : TSR_SEQ_CHEAT);
        tsr_svg_text(&q->body, q->w / 2, q->y + 20, "middle",
                     ok ? "fill=\"" TSR_SEQ_OK "\" font-weight=\"bold\"" : "fill=\"" TSR_SEQ_CHEAT "\" font-weight=\"bold\"",
                     txt);
        q->y += 40;
    }
    for (k = 0; k < cfg->nsign && k < TSR_SIM_MAX_STEPS; k++) {
        int made = res->siglen[k] > 0, ok = made && res->sig_verified[k];
        if (made) {
            char hx[40];
            for (i = 0; i < 12 && i < res->siglen[k]; i++) {
                hx[2 * i] = x16[res->sig[k][i] >> 4];
                hx[2 * i + 1] = x16[res->sig[k][i] & 15];
            }
            hx[2 * i] = 0;
            snprintf(txt, sizeof txt, "signature %zu: %s (%zu attempt%s)  %s...", k + 1,
                     ok ? "verified" : "NOT VERIFIED", res->sign_attempts[k], res->sign_attempts[k] == 1 ? "" : "s",
                     hx);
        } else if (res->sign_attempts[k] == 0) {
            snprintf(txt, sizeof txt, "signature %zu: not attempted", k + 1);
        } else {
            snprintf(txt, sizeof txt, "signature %zu: none (%zu attempt%s)", k + 1, res->sign_attempts[k],
                     res->sign_attempts[k] == 1 ? "" : "s");
        }
        tsr_sim_buf_printf(&q->body,
                           "<rect x=\"40\" y=\"%.1f\" width=\"%.1f\" height=\"30\" rx=\"6\" fill=\"%s\" stroke=\"%s\" "
                           "stroke-width=\"2\"/>\n",
                           q->y, q->w - 80, ok ? "#e8f5e9" : "#ffebee", ok ? TSR_SEQ_OK : TSR_SEQ_CHEAT);
        tsr_svg_text(&q->body, q->w / 2, q->y + 20, "middle",
                     ok ? "fill=\"" TSR_SEQ_OK "\" font-weight=\"bold\"" : "fill=\"" TSR_SEQ_CHEAT "\" font-weight=\"bold\"",
                     txt);
        q->y += 40;
    }
}

char *tsr_sim_svg(const tsr_sim *s) {
    const tsr_sim_config *cfg = tsr_sim_cfg(s);
    const tsr_sim_result *res = tsr_sim_result_get(s);
    tsr_seq *q = calloc(1, sizeof *q);
    tsr_sim_buf out;
    size_t nm = tsr_sim_nmsgs(s), ne = tsr_sim_nevents(s), i, ei = 0;
    uint32_t p;
    int compact = cfg->n > 12;
    char sub[200], *body;
    uint8_t *done;

    if (q == NULL) {
        return NULL;
    }
    q->s = s;
    tsr_sim_buf_init(&q->body);
    tsr_sim_buf_init(&out);
    for (i = 0; i < nm; i++) {
        const tsr_sim_msg *m = tsr_sim_msg_at(s, i);
        if (m->from == TSR_SIM_COORD || m->to == TSR_SIM_COORD) {
            q->coord = 1;
            break;
        }
    }
    q->coord |= res->party[TSR_SIM_COORD].present;
    q->nlanes = cfg->n + (q->coord ? 1u : 0u);
    if (compact) {
        q->w = 900;
    } else {
        q->w = 60 + 120.0 * (double)q->nlanes + 180;
        for (p = 0; p <= cfg->n && p < TSR_SIM_NPARTIES; p++) {
            size_t lane = q->coord ? p : p - 1;
            if (p == TSR_SIM_COORD && !q->coord) {
                continue;
            }
            q->x[p] = 80 + 120.0 * (double)lane;
        }
    }
    q->y = 104;
    done = calloc(nm ? nm : 1, 1);
    if (done == NULL) {
        free(q);
        return NULL;
    }
    if (compact) {
        tsr_seq_compact(q);
    } else {
        for (i = 0; i < nm; i++) {
            while (ei < ne && tsr_sim_event_pos(s, ei) <= i) {
                tsr_seq_event(q, ei++);
            }
            if (!done[i]) {
                tsr_seq_fan(q, i, done);
            }
        }
        while (ei < ne) {
            tsr_seq_event(q, ei++);
        }
    }
    free(done);
    tsr_seq_results(q);
    q->y += 20;

    /* assemble: header, lifelines under the body, body */
    tsr_svg_open(&out, q->w, q->y);
    tsr_sim_buf_puts(&out,
                     "<defs>\n"
                     "<marker id=\"ah\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
                     "orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"" TSR_SEQ_MSG "\"/></marker>\n"
                     "<marker id=\"ahr\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
                     "orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"" TSR_SEQ_CHEAT "\"/></marker>\n"
                     "</defs>\n");
    tsr_svg_text(&out, 14, 24, "start", "font-size=\"16\" font-weight=\"bold\"", cfg->name[0] ? cfg->name : "ceremony");
    snprintf(sub, sizeof sub, "seed %llu, %s, n=%zu t=%zu, keys from %s, %zu signature%s; outcome: %s",
             (unsigned long long)cfg->seed, cfg->suite == TSR_SUITE_SECP256K1_TR ? "secp256k1-tr" : "secp256k1",
             cfg->n, cfg->t, cfg->keys == TSR_SIM_KEYS_DEALER ? "dealer" : "DKG", cfg->nsign,
             cfg->nsign == 1 ? "" : "s",
             res->outcome == TSR_SIM_OUTCOME_SUCCESS ? "success" : res->outcome == TSR_SIM_OUTCOME_ABORT ? "abort" : "none");
    tsr_svg_text(&out, 14, 44, "start", "fill=\"#555555\"", sub);
    if (compact) {
        size_t nc = 0;
        tsr_sim_buf csub;
        char *ct;
        tsr_sim_buf_init(&csub);
        tsr_sim_buf_printf(&csub, "%zu parties (compact view: one box per round and message type); corrupt:", cfg->n);
        for (p = 0; p <= cfg->n && p < TSR_SIM_NPARTIES; p++) {
            if (tsr_seq_corrupt(s, p)) {
                tsr_sim_buf_printf(&csub, "%s%s%u", nc++ ? "," : " ", p == 0 ? "coordinator " : "", (unsigned)p);
            }
        }
        if (nc == 0) {
            tsr_sim_buf_puts(&csub, " none");
        }
        ct = tsr_sim_buf_take(&csub);
        tsr_svg_text(&out, 14, 70, "start", "fill=\"" TSR_SEQ_CORRUPT "\"", ct ? ct : "");
        free(ct);
    } else {
        for (p = 0; p <= cfg->n && p < TSR_SIM_NPARTIES; p++) {
            int bad;
            char lab[40];
            if (q->x[p] <= 0) {
                continue;
            }
            bad = tsr_seq_corrupt(s, p);
            if (p == TSR_SIM_COORD) {
                snprintf(lab, sizeof lab, "coordinator");
            } else {
                snprintf(lab, sizeof lab, "party %u", (unsigned)p);
            }
            if (bad) {
                tsr_svg_text(&out, q->x[p], 96, "middle", "fill=\"" TSR_SEQ_CORRUPT "\" font-size=\"11\" font-weight=\"bold\"",
                             "corrupt");
            }
            tsr_sim_buf_printf(&out,
                               "<line x1=\"%.1f\" y1=\"84\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\" "
                               "stroke-opacity=\"0.5\"/>\n"
                               "<rect x=\"%.1f\" y=\"60\" width=\"104\" height=\"24\" rx=\"4\" fill=\"%s\"/>\n",
                               q->x[p], q->x[p], q->y - 10, bad ? TSR_SEQ_CORRUPT : TSR_SEQ_HONEST, q->x[p] - 52,
                               bad ? TSR_SEQ_CORRUPT : TSR_SEQ_HONEST);
            tsr_svg_text(&out, q->x[p], 76, "middle", "fill=\"#ffffff\" font-weight=\"bold\"", lab);
        }
    }
    body = tsr_sim_buf_take(&q->body);
    if (body == NULL) {
        tsr_sim_buf_free(&out);
        free(q);
        return NULL;
    }
    tsr_sim_buf_puts(&out, body);
    free(body);
    tsr_sim_buf_puts(&out, "</svg>\n");
    free(q);
    return tsr_sim_buf_take(&out);
}
