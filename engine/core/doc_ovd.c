/* doc_ovd.c - the features a printer cannot make, and their forgeries
 * (doc_kit.h lists the painters; light_tilt.h says how each answers a tilt):
 *
 *   hologram         a diffractive foil (DOVID) over the portrait's corner: a
 *                    background grating whose rainbow moves with the tilt, the
 *                    state emblem lit when the document is tilted towards the
 *                    viewer and the feature's text when tilted away. Forged:
 *                    printed in pale rainbow inks (nothing moves), or missing.
 *   colour_shift     the emblem in colour-shifting ink, green flat, blue tilted.
 *                    Forged: an ordinary green, or a pigment that turns gold.
 *   cli              a changeable laser image: the emblem seen tilted towards
 *                    the viewer, the document number tilted away. Forged:
 *                    both printed at once in process ink.
 *   retroreflective  the laminate's pattern of emblems, seen under coaxial
 *                    light only. A counterfeit has none.
 *   perforation      the document number lasered through the page as holes:
 *                    the light box shines through them, their burred rims are
 *                    relief in raking light. Forged: printed as dark dots.
 * Geometry comes from the whole feature rectangle (never the window), so a
 * window's pixels are the page's. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "doc_kit.h"

/* Records a feature that changes with the tilt, and two tilts to compare. */
static void truth_tilting(doc_truth *t, const tpl_feature *f, irect r, light_set lights, int v0,
                          int v1) {
    doc_truth_feature(t, f->id, f->kind, r, lights);
    if (t->n_features > 0 && !strcmp(t->features[t->n_features - 1].id, f->id)) {
        doc_item *it = &t->features[t->n_features - 1];
        it->varies = 1, it->views[0] = v0, it->views[1] = v1;
    }
}

/* Where a text's glyphs go: an ovd element (on every row, or with
 * `stripe` > 0 only on the odd bands of that many rows: a changeable laser
 * image's second image, between the lenses' lines of the first). */
typedef struct {
    matbuf *mb;
    mb_ovd kind;
    int arg, stripe;
} ovd_plot;

static int cli_band(int y, int stripe) {
    return (y / stripe) & 1;
}

static void ovd_plot_cb(void *ud, int x, int y, int cov) {
    ovd_plot *p = ud;
    if (p->stripe <= 0 || cli_band(y, p->stripe)) matbuf_ovd(p->mb, x, y, p->kind, cov, p->arg);
}

/* Lays out `s` in the sans bold font at size_px, or smaller to be at most
 * max_w wide, centred at (cx, baseline). */
static int ovd_text(doc_ctx *b, const char *s, double size_px, double max_w, double cx,
                    double baseline, text_plot_fn plot, void *ud) {
    text_style st = {b->fonts->sans_bold, b->fonts->arabic, size_px, 0, 0};
    text_layout lay;
    if (text_layout_make(&st, s, &lay, b->err) != 0) return -1;
    if (lay.width > max_w && lay.width > 0) {
        st.size_px = size_px * max_w / lay.width;
        text_layout_free(&lay);
        if (text_layout_make(&st, s, &lay, b->err) != 0) return -1;
    }
    const matbuf *mb = b->mb;
    text_layout_draw_clip(&lay, cx - lay.width * 0.5, baseline, mb->ox, mb->oy, mb->ox + mb->w,
                          mb->oy + mb->h, plot, ud);
    text_layout_free(&lay);
    return 0;
}

/* The grating argument: orientation in 16ths of 180 degrees, period step. */
static int grating(int orient16, int period) {
    return (orient16 & 15) << 4 | (period & 15);
}

/* Periods (light_tilt.c: 500 + 60 k nm): the emblem's shines tilted towards
 * the viewer (about -18..-2 degrees), the text's tilted away (2..30). */
enum { HOLO_EMBLEM_PERIOD = 8, HOLO_TEXT_PERIOD = 1 };

/* The forger's print of the foil, on top of the page (OVD_PRINT): the
 * emblem and text in two pale inks on a silvery ground, as the foil looked
 * once. */
static int holo_printed(doc_ctx *b, const tpl_feature *f, irect r) {
    matbuf *mb = b->mb;
    double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5, rad = fmin(r.w, r.h) * 0.42;
    irect c = doc_clip(mb, r);
    for (int y = c.y; y < c.y + c.h; y++)
        for (int x = c.x; x < c.x + c.w; x++) {
            matbuf_ovd(mb, x, y, OVD_PRINT, 150, OVD_PRINT_SILVER);
            double e = doc_emblem_cov(x + 0.5 - cx, y + 0.5 - cy, rad, 16, 1);
            if (e > 0) matbuf_ovd(mb, x, y, OVD_PRINT, (int)(e * 255), OVD_PRINT_GREEN);
        }
    ovd_plot p = {mb, OVD_PRINT, OVD_PRINT_VIOLET, 0};
    return ovd_text(b, f->text[0] ? f->text : "UTO", r.h * 0.3, r.w * 0.9, cx, r.y + r.h * 0.92,
                    ovd_plot_cb, &p);
}

int doc_paint_hologram(doc_ctx *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = doc_px_rect(mb, f->r);
    light_set shows =
        LIGHT_BIT(LIGHT_VISIBLE) | LIGHT_BIT(LIGHT_OBLIQUE) | LIGHT_BIT(LIGHT_COAXIAL);
    if (doc_has(b->spec, DEFECT_PRINTED_HOLOGRAM)) {
        doc_truth_feature(b->truth, f->id, f->kind, r, shows);
        doc_truth_defect(b->truth, DEFECT_PRINTED_HOLOGRAM, r);
        return holo_printed(b, f, r);
    }
    if (doc_feature_missing(b, f, r, shows, DEFECT_HOLOGRAM_MISSING)) return 0;
    double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5, rad = fmin(r.w, r.h) * 0.42;
    irect c = doc_clip(mb, r);
    for (int y = c.y; y < c.y + c.h; y++)
        for (int x = c.x; x < c.x + c.w; x++) {
            double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
            /* the ground: concentric bands of gratings turning with the angle
             * round the centre, periods stepping outward */
            double a = atan2(dy, dx), d = sqrt(dx * dx + dy * dy) / (rad + 1);
            int orient = (int)lround((a < 0 ? a + M_PI : a) / M_PI * 16) & 15;
            matbuf_ovd(mb, x, y, OVD_HOLO, 150, grating(orient, 3 + (int)(d * 4) % 6));
            double e = doc_emblem_cov(dx, dy, rad, 16, 1);
            if (e > 0)
                matbuf_ovd(mb, x, y, OVD_HOLO, (int)(e * 255), grating(0, HOLO_EMBLEM_PERIOD));
        }
    ovd_plot p = {mb, OVD_HOLO, grating(0, HOLO_TEXT_PERIOD), 0};
    if (ovd_text(b, f->text[0] ? f->text : "UTO", r.h * 0.3, r.w * 0.9, cx, r.y + r.h * 0.92,
                 ovd_plot_cb, &p))
        return -1;
    truth_tilting(b->truth, f, r, shows, -10, 15);
    return 0;
}

int doc_paint_colour_shift(doc_ctx *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = doc_px_rect(mb, f->r);
    int missing = doc_has(b->spec, DEFECT_COLOUR_SHIFT_MISSING),
        wrong = doc_has(b->spec, DEFECT_COLOUR_SHIFT_WRONG);
    int ink = doc_ink(mb, "shift_green", b->err);
    if (ink < 0) return -1;
    double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5, rad = fmin(r.w, r.h) * 0.5;
    irect c = doc_clip(mb, r);
    for (int y = c.y; y < c.y + c.h; y++)
        for (int x = c.x; x < c.x + c.w; x++) {
            double e = doc_emblem_cov(x + 0.5 - cx, y + 0.5 - cy, rad, 12, 1);
            if (e <= 0) continue;
            matbuf_paint(mb, LAYER_FG, x, y, ink, (int)(e * 255));
            if (!missing)
                matbuf_ovd(mb, x, y, OVD_SHIFT, (int)(e * 255),
                           wrong ? OVD_SHIFT_GREEN_GOLD : OVD_SHIFT_GREEN_BLUE);
        }
    light_set shows =
        LIGHT_BIT(LIGHT_VISIBLE) | LIGHT_BIT(LIGHT_OBLIQUE) | LIGHT_BIT(LIGHT_COAXIAL);
    truth_tilting(b->truth, f, r, shows, 0, 25);
    if (missing) doc_truth_defect(b->truth, DEFECT_COLOUR_SHIFT_MISSING, r);
    if (wrong && !missing) doc_truth_defect(b->truth, DEFECT_COLOUR_SHIFT_WRONG, r);
    return 0;
}

int doc_paint_cli(doc_ctx *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = doc_px_rect(mb, f->r);
    int printed = doc_has(b->spec, DEFECT_CLI_STATIC);
    int ink = printed ? doc_ink(mb, "cli_print", b->err) : 0;
    if (ink < 0) return -1;
    double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.42, rad = fmin(r.w, r.h) * 0.36;
    /* the lenses: bands about 0.1 mm high; image A under the even ones */
    int stripe = (int)lround(matbuf_px(mb, 0.1));
    if (stripe < 1) stripe = 1;
    irect c = doc_clip(mb, r);
    /* image A: the emblem; the forger prints it at the half strength both
     * images have flat */
    for (int y = c.y; y < c.y + c.h; y++)
        for (int x = c.x; x < c.x + c.w; x++) {
            double e = doc_emblem_cov(x + 0.5 - cx, y + 0.5 - cy, rad, 8, 1);
            if (e <= 0) continue;
            if (printed)
                matbuf_paint(mb, LAYER_FG, x, y, ink, (int)(e * 120));
            else if (!cli_band(y, stripe))
                matbuf_ovd(mb, x, y, OVD_CLI_A, (int)(e * 255), 0);
        }
    /* image B: the document number, across the emblem */
    const char *num = b->truth->holder.document_number;
    ovd_plot op = {mb, OVD_CLI_B, 0, stripe};
    doc_plot dp = {mb, LAYER_FG, ink, 0, 120 / 255.0};
    if (ovd_text(b, num[0] ? num : "0", r.h * 0.22, r.w * 0.94, r.x + r.w * 0.5, r.y + r.h * 0.62,
                 printed ? doc_plot_cb : ovd_plot_cb, printed ? (void *)&dp : (void *)&op))
        return -1;
    light_set shows = LIGHT_BIT(LIGHT_VISIBLE) | LIGHT_BIT(LIGHT_OBLIQUE) |
                      LIGHT_BIT(LIGHT_COAXIAL) | LIGHT_BIT(LIGHT_IR);
    truth_tilting(b->truth, f, r, shows, -10, 10);
    if (printed) doc_truth_defect(b->truth, DEFECT_CLI_STATIC, r);
    return 0;
}

int doc_paint_retro(doc_ctx *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = doc_px_rect(mb, f->r);
    doc_truth_feature(b->truth, f->id, f->kind, r, LIGHT_BIT(LIGHT_COAXIAL));
    if (doc_has(b->spec, DEFECT_RETRO_MISSING)) {
        doc_truth_defect(b->truth, DEFECT_RETRO_MISSING, r);
        return 0;
    }
    /* emblems on a staggered grid, `param` mm apart (default 12) */
    double pitch = matbuf_px(mb, f->param > 0 ? f->param : 12), rad = pitch * 0.36;
    irect c = doc_clip(mb, r);
    for (int y = c.y; y < c.y + c.h; y++) {
        double gy = (y + 0.5 - r.y) / pitch;
        int row = (int)floor(gy);
        double dy = (gy - row - 0.5) * pitch;
        for (int x = c.x; x < c.x + c.w; x++) {
            double gx = (x + 0.5 - r.x) / pitch + (row & 1) * 0.5;
            double dx = (gx - floor(gx) - 0.5) * pitch;
            double e = doc_emblem_cov(dx, dy, rad, 8, 1);
            if (e > 0) {
                uint8_t *p = &mb->retro[matbuf_at(mb, x, y)];
                int v = (int)(e * 255);
                if (v > *p) *p = (uint8_t)v;
            }
        }
    }
    return 0;
}

/* The perforation's grid: the number set in a bold face and sampled at
 * PERF_PITCH_MM; a cell whose centre is inked is a hole. Computed from the
 * whole text, never the window. Returns the cells (cols x rows, caller
 * frees) or NULL with b->err. */
#define PERF_PITCH_MM 0.5
#define PERF_ROWS     10
typedef struct {
    uint8_t *cell;
    int cols, rows;
} perf_grid;

static void grid_cb(void *ud, int x, int y, int cov) {
    perf_grid *g = ud;
    if (x >= 0 && y >= 0 && x < g->cols && y < g->rows && cov > 110) g->cell[y * g->cols + x] = 1;
}

static int perf_grid_make(doc_ctx *b, const char *s, int cols, perf_grid *g) {
    g->cols = cols, g->rows = PERF_ROWS;
    text_style st = {b->fonts->sans_bold, b->fonts->arabic, PERF_ROWS * 1.1, 0, 0};
    text_layout lay;
    if (text_layout_make(&st, s, &lay, b->err) != 0) return -1;
    double w = lay.width;
    text_layout_free(&lay);
    if (w > cols - 1) st.size_px *= (cols - 1) / w; /* narrower, never cut */
    if (!(g->cell = calloc((size_t)cols * PERF_ROWS, 1))) return err_set(b->err, "out of memory");
    if (text_draw(&st, s, 0.5, PERF_ROWS - 1.5, grid_cb, g, b->err) < 0) {
        free(g->cell);
        return -1;
    }
    return 0;
}

int doc_paint_perforation(doc_ctx *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = doc_px_rect(mb, f->r);
    int printed = doc_has(b->spec, DEFECT_PERFORATION_PRINTED);
    int ink = printed ? doc_ink(mb, "perf_print", b->err) : 0;
    int hole = matbuf_substrate(mb, mat_substrate_find("perforation"));
    if (ink < 0) return -1;
    if (hole < 0) return err_set(b->err, "too many substrates on one document");
    double pitch = matbuf_px(mb, PERF_PITCH_MM), hr = pitch * 0.34;
    perf_grid g;
    const char *num = b->truth->holder.document_number;
    if (perf_grid_make(b, num[0] ? num : "0", (int)(r.w / pitch) + 1, &g)) return -1;
    double top = r.y + (r.h - PERF_ROWS * pitch) * 0.5;
    irect c = doc_clip(mb, r);
    for (int y = c.y; y < c.y + c.h; y++)
        for (int x = c.x; x < c.x + c.w; x++) {
            double gx = (x + 0.5 - r.x) / pitch, gy = (y + 0.5 - top) / pitch;
            int col = (int)floor(gx), row = (int)floor(gy);
            if (col < 0 || row < 0 || col >= g.cols || row >= g.rows || !g.cell[row * g.cols + col])
                continue;
            double d = hypot((gx - col - 0.5) * pitch, (gy - row - 0.5) * pitch);
            size_t i = matbuf_at(mb, x, y);
            if (d < hr) { /* through the page: no paper, no ink; or the forger's toner */
                if (printed) {
                    matbuf_set(mb, LAYER_FG, x, y, ink, 255);
                    continue;
                }
                mb->sub[i] = (uint8_t)hole;
                for (int l = 0; l < LAYER_COUNT; l++)
                    matbuf_set(mb, (mb_layer)l, x, y, 0, 0);
                mb->thick[i] = 128, mb->back[i] = 0, mb->relief[i] = 0;
            } else if (!printed && d < hr + pitch * 0.16) { /* the burred rim */
                int v = mb->relief[i] + 150;
                mb->relief[i] = (uint8_t)(v > 255 ? 255 : v);
            }
        }
    free(g.cell);
    /* the region: the holes and their rims, and the pixel beside each rim
     * that raking light shades by it */
    r.x -= 2, r.y -= 2, r.w += 4, r.h += 4;
    doc_truth_feature(b->truth, f->id, f->kind, r,
                      LIGHT_BIT(LIGHT_TRANSMITTED) | LIGHT_BIT(LIGHT_OBLIQUE));
    if (printed) doc_truth_defect(b->truth, DEFECT_PERFORATION_PRINTED, r);
    return 0;
}
