/* doc_stamp.c - an official rubber stamp (doc_kit.h lists the painters).
 *
 * Two rings, the feature's text around the band between them (letters
 * upright to the outside, centred on the top, as issuing offices cut their
 * stamps), and the state's emblem in the middle (a sun of `param` rays,
 * default 12), in stamp ink. Stamped by
 * hand, its ink is uneven; a counterfeit printed from a scan carries the
 * same shapes as a regular dot screen instead (seen with the loupe), which
 * is the defect stamp_counterfeit.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "doc_kit.h"

/* A line of text rasterised flat (coverage 0..255), to be bent round the band. */
typedef struct {
    int w, h;
    double base; /* baseline row */
    double cap;  /* the capitals' height, px */
    uint8_t *px;
} stamp_strip;

static void strip_plot(void *ud, int x, int y, int cov) {
    stamp_strip *s = ud;
    if (x < 0 || y < 0 || x >= s->w || y >= s->h) return;
    uint8_t *p = &s->px[(size_t)y * s->w + x];
    if (cov > *p) *p = (uint8_t)(cov > 255 ? 255 : cov);
}

/* Lays the text out at an em size that fits its capitals in `band` px and
 * its length in `arc` px; rasterises it into s. */
static int strip_make(stamp_strip *s, const doc_fonts *fonts, const char *text, double band,
                      double arc, bl_err *err) {
    text_style st = {fonts->sans_bold, fonts->arabic, band * 0.95, band * 0.12, 0};
    text_layout lay;
    if (text_layout_make(&st, text, &lay, err) != 0) return -1;
    if (lay.width > arc) { /* a long text: smaller letters, closer together */
        st.size_px *= arc / lay.width, st.tracking_px *= arc / lay.width;
        text_layout_free(&lay);
        if (text_layout_make(&st, text, &lay, err) != 0) return -1;
    }
    s->cap = st.size_px * 0.73; /* DejaVu Sans Bold's capital height */
    s->base = ceil(lay.ascent) + 1;
    s->w = (int)ceil(lay.width) + 2, s->h = (int)ceil(lay.ascent + lay.descent) + 3;
    s->px = calloc((size_t)s->w * s->h, 1);
    if (!s->px) {
        text_layout_free(&lay);
        return err_set(err, "out of memory");
    }
    text_layout_draw(&lay, 1, s->base, strip_plot, s);
    text_layout_free(&lay);
    return 0;
}

/* The strip's coverage at (u, v), bilinear; 0 outside. */
static double strip_at(const stamp_strip *s, double u, double v) {
    int x = (int)floor(u), y = (int)floor(v);
    if (x < 0 || y < 0 || x + 1 >= s->w || y + 1 >= s->h) return 0;
    double fx = u - x, fy = v - y;
    const uint8_t *p = &s->px[(size_t)y * s->w + x];
    double top = p[0] * (1 - fx) + p[1] * fx, bot = p[s->w] * (1 - fx) + p[s->w + 1] * fx;
    return (top * (1 - fy) + bot * fy) / 255.0;
}

/* 0..1 from a lattice point of the stamp's seed. */
static double lattice(uint64_t seed, long i, long j) {
    rng r;
    rng_init(&r,
             seed ^ ((uint64_t)i * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)j * 0xC2B2AE3D27D4EB4Full));
    return rng_unit(&r);
}

/* A rubber stamp's uneven ink at (xm, ym) mm, 0..1: value noise on a
 * 0.1 mm lattice, so it is a function of where on the page, never of the
 * order pixels are painted in nor of the resolution (a loupe's 2400 dpi
 * window shows the unevenness the 600 dpi page has). */
static double ink_noise(uint64_t seed, double xm, double ym) {
    double u = xm / 0.1, v = ym / 0.1;
    long i = (long)floor(u), j = (long)floor(v);
    double fu = u - i, fv = v - j;
    double a = lattice(seed, i, j), bb = lattice(seed, i + 1, j);
    double c = lattice(seed, i, j + 1), d = lattice(seed, i + 1, j + 1);
    return (a * (1 - fu) + bb * fu) * (1 - fv) + (c * (1 - fu) + d * fu) * fv;
}

double doc_stamp_tone(const matbuf *mb, int x, int y, double c, int printed, uint64_t uneven) {
    double ppm = mb->px_per_mm, screen = 0.2; /* a 125 lpi dot screen, mm */
    if (printed) {                            /* the same tone as a dot screen */
        double xm = x / ppm, ym = y / ppm;
        double u = (xm + ym) / (screen * 1.4142), v = (xm - ym) / (screen * 1.4142);
        double fu = u - floor(u) - 0.5, fv = v - floor(v) - 0.5;
        return c * doc_edge((sqrt(fu * fu + fv * fv) * screen - 0.3 * screen) * ppm);
    }
    return c * (0.75 + 0.25 * ink_noise(uneven, (x + 0.5) / ppm, (y + 0.5) / ppm));
}

int doc_paint_stamp(doc_ctx *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = doc_px_rect(mb, f->r);
    int ink = doc_ink(mb, f->ink[0] ? f->ink : "stamp_violet", b->err);
    if (ink < 0) return -1;
    int printed = doc_has(b->spec, DEFECT_STAMP_COUNTERFEIT);
    double ppm = mb->px_per_mm;
    double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5, rad = fmin(r.w, r.h) * 0.5;
    double lw = fmax(1.0, 0.3 * ppm);
    double r_out = rad * 0.95, r_in = rad * 0.64; /* the rings; the text between them */
    double r_mid = (r_out + r_in) * 0.5;
    int rays = f->param >= 3 && f->param <= 48 ? (int)f->param : 12; /* the office's emblem */
    stamp_strip s = {0, 0, 0, 0, NULL};
    if (f->text[0] && strip_make(&s, b->fonts, f->text, (r_out - r_in - 2.5 * lw) * 0.72,
                                 2 * M_PI * r_mid * 0.92, b->err))
        return -1;
    /* a rubber stamp's ink is uneven: the same unevenness for the same stamp */
    uint64_t uneven = rng_derive(b->spec->seed, "stamp");
    irect cl = doc_clip(mb, r);
    for (int y = cl.y; y < cl.y + cl.h; y++)
        for (int x = cl.x; x < cl.x + cl.w; x++) {
            double dx = x + 0.5 - cx, dy = y + 0.5 - cy, d = sqrt(dx * dx + dy * dy);
            double c = fmax(doc_edge(fabs(d - r_out) - lw), doc_edge(fabs(d - r_in) - lw * 0.6));
            c = fmax(c, doc_emblem_cov(dx, dy, rad * 0.5, rays, 0));
            if (s.px && d > r_in && d < r_out) {
                /* round the band clockwise from the top, capitals centred in it */
                double a = atan2(dx, -dy);
                double u = s.w * 0.5 + a * r_mid, v = s.base - s.cap * 0.5 + (r_mid - d);
                c = fmax(c, strip_at(&s, u, v));
            }
            if (c <= 0) continue;
            c = doc_stamp_tone(mb, x, y, c, printed, uneven);
            matbuf_paint(mb, LAYER_FG, x, y, ink, (int)(c * 255));
        }
    free(s.px);
    doc_truth_feature(b->truth, f->id, f->kind, r, LIGHT_BIT(LIGHT_VISIBLE));
    if (printed) doc_truth_defect(b->truth, DEFECT_STAMP_COUNTERFEIT, r);
    return 0;
}
