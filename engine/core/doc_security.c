/* doc_security.c - the blank and its security print, as a printer makes them
 * (doc_kit.h lists the painters): paper with its watermark and fibres, the
 * offset background (guilloche and rainbow, microtext, metameric pair,
 * see-through register), the invisible UV print, and the intaglio and dry
 * seal that come after personalisation. Each painter records its feature in
 * the truth and, where the spec asks for a counterfeit of that step, paints
 * the forger's version instead and records the defect over the same region. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "doc_kit.h"

/* Paper: substrate in each piece, rounded corners, watermark as thickness. */
int doc_paint_paper(doc_ctx *b) {
    matbuf *mb = b->mb;
    const char *sid = doc_has(b->spec, DEFECT_COUNTERFEIT_PAPER) ? "plain_paper" : b->t->substrate;
    int sub = matbuf_substrate(mb, mat_substrate_find(sid));
    double rad = b->t->corner_mm * mb->px_per_mm;
    for (int k = 0; k < b->t->n_pieces; k++) {
        irect r = doc_px_rect(mb, b->t->pieces[k]);
        double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5;
        irect c = doc_clip(mb, r);
        for (int y = c.y; y < c.y + c.h; y++)
            for (int x = c.x; x < c.x + c.w; x++) {
                /* Inside a rounded rectangle: distance to its corner arcs. */
                double qx = fabs(x + 0.5 - cx) - (r.w * 0.5 - rad);
                double qy = fabs(y + 0.5 - cy) - (r.h * 0.5 - rad);
                double d = sqrt(fmax(qx, 0) * fmax(qx, 0) + fmax(qy, 0) * fmax(qy, 0)) - rad;
                /* (a square corner, rad 0: the inside is where d is 0) */
                if (d < 0 || (rad <= 0 && d <= 0)) mb->sub[matbuf_at(mb, x, y)] = (uint8_t)sub;
            }
    }
    return 0;
}

/* A page cut along its outer (right) edge, as when it is cut free of its
 * booklet and put back: about 0.7 mm of the page gone in a ragged,
 * straight cut (its corners square, not rounded), the cut's fibres raised.
 * Drawn in 0.05 mm steps along the edge, hashed with the seed: the same at
 * every resolution and in any window. */
int doc_paint_trim(doc_ctx *b) {
    matbuf *mb = b->mb;
    if (!doc_has(b->spec, DEFECT_EDGE_TRIMMED) || b->spec->page > 0) return 0; /* the data page */
    double ppm = mb->px_per_mm;
    irect page = doc_px_rect(mb, b->t->pieces[b->t->n_pieces - 1]);
    double edge = page.x + page.w; /* the outer edge, page pixels */
    irect r = {(int)(edge - 1.2 * ppm), page.y, (int)(1.2 * ppm) + 1, page.h};
    irect c = doc_clip(mb, r);
    uint64_t seed = rng_derive(b->spec->seed, "trim");
    for (int y = c.y; y < c.y + c.h; y++) {
        uint64_t h = doc_cell_hash(seed, ppm, 0, y, 0.05); /* one step of the cut */
        double cut = edge - (0.4 + 0.5 * 0.5 + (double)(h % 100) / 100.0 * 0.12) * ppm;
        for (int x = c.x; x < c.x + c.w; x++) {
            size_t i = matbuf_at(mb, x, y);
            if (x + 0.5 >= cut) { /* gone */
                mb->sub[i] = 0;
                for (int l = 0; l < LAYER_COUNT; l++)
                    mb->ink[l][i] = mb->cov[l][i] = 0;
                mb->relief[i] = mb->back[i] = mb->ovd[i] = mb->ovd_cov[i] = mb->retro[i] = 0;
                mb->thick[i] = 128;
            } else if (x + 0.5 >= cut - 0.08 * ppm && mb->sub[i]) {
                mb->relief[i] = (uint8_t)fmax(mb->relief[i], 70); /* the cut's raised fibres */
            }
        }
    }
    doc_truth_defect(b->truth, DEFECT_EDGE_TRIMMED,
                     (irect){r.x, page.y, (int)(edge - r.x), page.h});
    return 0;
}

/* Watermark: the emblem in the paper's thickness, thinner paper in a thicker
 * halo, seen in transmitted light. A counterfeit prints it faintly instead. */
int doc_paint_watermark(doc_ctx *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = doc_px_rect(mb, f->r);
    double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5, rad = fmin(r.w, r.h) * 0.5;
    int printed = doc_has(b->spec, DEFECT_PRINTED_WATERMARK);
    /* ordinary paper: even thickness, nothing to see against the light */
    if (!printed &&
        doc_feature_missing(b, f, r, LIGHT_BIT(LIGHT_TRANSMITTED), DEFECT_WATERMARK_MISSING))
        return 0;
    int ink = printed ? doc_ink(mb, "watermark_print", b->err) : 0;
    if (ink < 0) return -1;
    irect c = doc_clip(mb, r);
    for (int y = c.y; y < c.y + c.h; y++)
        for (int x = c.x; x < c.x + c.w; x++) {
            double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
            /* Multitone: the emblem is thinner paper (light), a halo thicker (dark). */
            double e = doc_emblem_cov(dx, dy, rad * 0.8, 12, 1);
            double halo = exp(-pow(sqrt(dx * dx + dy * dy) / (rad * 0.95), 6));
            if (printed) {
                /* The forger's extra pass, over the offset print (the UV layer
                 * is the second print pass; it keeps the offset labels intact). */
                matbuf_paint(mb, LAYER_UV, x, y, ink, (int)(e * 90));
            } else {
                double t = 128 + 34 * halo - 60 * e;
                mb->thick[matbuf_at(mb, x, y)] = (uint8_t)(t < 0 ? 0 : t > 255 ? 255 : t);
            }
        }
    doc_truth_feature(b->truth, f->id, f->kind, r, LIGHT_BIT(LIGHT_TRANSMITTED));
    if (printed) doc_truth_defect(b->truth, DEFECT_PRINTED_WATERMARK, r);
    return 0;
}

/* Fibres are in the paper, not printed on it: each fibre colour is a variant
 * of the document's paper (faintly tinted in white light, glowing at 365 nm),
 * so UV printing over a fibre does not disturb it and vice versa. */
int doc_paint_fibres(doc_ctx *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = doc_px_rect(mb, f->r);
    if (doc_has(b->spec, DEFECT_FIBRES_MISSING)) {
        doc_truth_defect(b->truth, DEFECT_FIBRES_MISSING, r);
        return 0;
    }
    static const char *fib[3] = {"fibre_red", "fibre_blue", "fibre_yellow"};
    const int paper = 1; /* paint_paper added the document's paper first */
    int subs[3];
    for (int i = 0; i < 3; i++) {
        const mat_ink *k = mat_ink_find(fib[i]);
        mat_substrate s = mb->subs[paper];
        s.id = fib[i];
        for (int c = 0; c < 3; c++) {
            s.vis[c] = (uint8_t)(s.vis[c] + (k->vis[c] - s.vis[c]) * k->vis_abs / 255);
            s.uv[c] = k->uv_emit[c];
        }
        if ((subs[i] = matbuf_substrate(mb, &s)) < 0) return err_set(b->err, "too many substrates");
    }
    rng fr;
    rng_init(&fr, rng_derive(b->spec->seed, "fibres"));
    int n = f->param > 0 ? (int)f->param : 60;
    double w = fmax(1.0, 0.08 * mb->px_per_mm);
    for (int i = 0; i < n; i++) {
        double x = r.x + rng_unit(&fr) * r.w, y = r.y + rng_unit(&fr) * r.h;
        double len = rng_range(&fr, 1.5, 4.0) * mb->px_per_mm;
        double ang = rng_unit(&fr) * 2 * M_PI, bend = rng_range(&fr, -1.2, 1.2);
        int sub = subs[rng_below(&fr, 3)];
        for (int s = 0; s <= 48; s++) {
            double t = s / 48.0, a = ang + bend * t;
            /* a gently bent fibre, stepped finely enough to leave no gaps */
            double px = x + cos(a) * len * t, py = y + sin(a) * len * t;
            for (int dy = 0; dy < (int)ceil(w); dy++)
                for (int dx = 0; dx < (int)ceil(w); dx++) {
                    int X = (int)px + dx, Y = (int)py + dy;
                    if (!matbuf_has(mb, X, Y)) continue;
                    uint8_t *sp = &mb->sub[matbuf_at(mb, X, Y)];
                    if (*sp == paper) *sp = (uint8_t)sub;
                }
        }
    }
    doc_truth_feature(b->truth, f->id, f->kind, r, LIGHT_BIT(LIGHT_UV));
    return 0;
}

enum { RAINBOW_STEPS = 12 };

/* The split-fountain rainbow as RAINBOW_STEPS process inks across the page
 * (one colour, the middle one, when the template has no rainbow feature). */
static int rainbow_inks(doc_ctx *b, int inks[RAINBOW_STEPS], const tpl_feature *rainbow) {
    enum { STEPS = RAINBOW_STEPS };
    for (int i = 0; i < STEPS; i++) {
        double t = (double)i / (STEPS - 1);
        const unsigned *c = b->t->rainbow;
        unsigned lo = t < 0.5 ? c[0] : c[1], hi = t < 0.5 ? c[1] : c[2];
        double u = t < 0.5 ? t * 2 : (t - 0.5) * 2;
        if (!rainbow) lo = hi = c[1], u = 0;
        uint8_t rgb[3];
        for (int k = 0; k < 3; k++) {
            double a = (lo >> (16 - 8 * k)) & 255, z = (hi >> (16 - 8 * k)) & 255;
            /* print the rainbow colours darker than the paper so lines read */
            rgb[k] = (uint8_t)((a + (z - a) * u) * 0.78);
        }
        static const char *ids[STEPS] = {"rainbow_00", "rainbow_01", "rainbow_02", "rainbow_03",
                                         "rainbow_04", "rainbow_05", "rainbow_06", "rainbow_07",
                                         "rainbow_08", "rainbow_09", "rainbow_10", "rainbow_11"};
        mat_ink k = mat_ink_process(ids[i], rgb[0], rgb[1], rgb[2]);
        if ((inks[i] = matbuf_ink(b->mb, &k)) < 0) return err_set(b->err, "too many inks");
    }
    return 0;
}

/* The guilloche's geometry, mm: two families of wavy lines and a rosette. */
typedef struct {
    double pitch, amp, wl, rcx, rcy, rose_r;
} guilloche_geom;

/* Distance from (xm, ym) to the nearest line, mm; w1 and w2 are the two
 * families' wave offsets at xm (amp * sin(...), cached per column). */
static double guilloche_dist(const guilloche_geom *g, double xm, double ym, double w1, double w2) {
    double t1 = ym / g->pitch + w1;
    double d1 = fabs(t1 - floor(t1 + 0.5)) * g->pitch;
    double t2 = ym / g->pitch - w2;
    double d2 = fabs(t2 - floor(t2 + 0.5)) * g->pitch;
    double d = fmin(d1, d2);
    double dx = xm - g->rcx, dy = ym - g->rcy;
    if (fabs(dx) < g->rose_r && fabs(dy) < g->rose_r) {
        double rr = sqrt(dx * dx + dy * dy);
        if (rr < g->rose_r) {
            double t3 = rr / (g->pitch * 1.4) + 0.8 * sin(9 * atan2(dy, dx));
            d = fmin(d, fabs(t3 - floor(t3 + 0.5)) * g->pitch * 1.4);
        }
    }
    return d;
}

static double wave1(const guilloche_geom *g, double xm) {
    return g->amp * sin(2 * M_PI * xm / g->wl);
}
static double wave2(const guilloche_geom *g, double xm) {
    return g->amp * sin(2 * M_PI * xm / (g->wl * 1.37) + 1.3);
}

/* A copier's or printer's dot screen (150 lpi, 45 degrees) reproducing the
 * line work: each screen cell's dot is as big as the tone of the lines
 * around its centre, so the design's pattern stays, built from dots (the
 * loupe shows them; at the desk's scale it looks like the lines, softer). */
static double halftone_cov(const guilloche_geom *g, double xm, double ym, double lw, double ppm) {
    const double screen = 0.17;
    double u = (xm + ym) / (screen * 1.4142), v = (xm - ym) / (screen * 1.4142);
    double cu = floor(u) + 0.5, cv = floor(v) + 0.5;
    /* the cell's centre back in mm */
    double cx = (cu + cv) * screen * 1.4142 * 0.5, cy = (cu - cv) * screen * 1.4142 * 0.5;
    double d = guilloche_dist(g, cx, cy, wave1(g, cx), wave2(g, cx));
    /* the lines' tone in a cell-wide window around the centre */
    double tone = fmax(0, 1 - d / (screen * 0.75)) * fmin(0.7, 3.2 * lw / screen);
    if (tone <= 0) return 0;
    double fu = u - cu, fv = v - cv;
    double dd = sqrt(fu * fu + fv * fv) * screen;
    return doc_edge((dd - sqrt(tone / M_PI) * screen) * ppm);
}

/* Guilloche: two families of fine wavy lines and a rosette, printed in a
 * split-fountain rainbow. A halftone counterfeit reproduces it with a dot
 * screen (halftone_cov). */
int doc_paint_guilloche(doc_ctx *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = doc_px_rect(mb, f->r);
    enum { STEPS = RAINBOW_STEPS };
    int inks[STEPS];
    const tpl_feature *rainbow = tpl_feature_of(b->t, "rainbow");
    if (rainbow_inks(b, inks, rainbow)) return -1;
    int halftone = doc_has(b->spec, DEFECT_HALFTONE_PRINT);
    double ppm = mb->px_per_mm;
    double lw = 0.09; /* line width, mm */
    const guilloche_geom g = {0.55, 0.9, 9, b->t->w_mm * 0.62, b->t->h_mm * 0.45, 30};
    /* The wave terms depend on x only: compute them once per column. */
    irect cl = doc_clip(mb, r);
    double *wave = malloc(sizeof(double) * 2 * (size_t)(cl.w > 0 ? cl.w : 1));
    if (!wave) return err_set(b->err, "out of memory for the guilloche");
    for (int x = cl.x; x < cl.x + cl.w; x++) {
        double xm = (x + 0.5) / ppm;
        wave[2 * (x - cl.x)] = wave1(&g, xm);
        wave[2 * (x - cl.x) + 1] = wave2(&g, xm);
    }
    for (int y = cl.y; y < cl.y + cl.h; y++) {
        double ym = (y + 0.5) / ppm;
        for (int x = cl.x; x < cl.x + cl.w; x++) {
            if (mb->sub[matbuf_at(mb, x, y)] == 0) continue;
            double xm = (x + 0.5) / ppm;
            double c = halftone ? halftone_cov(&g, xm, ym, lw, ppm)
                                : doc_edge((guilloche_dist(&g, xm, ym, wave[2 * (x - cl.x)],
                                                           wave[2 * (x - cl.x) + 1]) -
                                            lw * 0.5) *
                                           ppm);
            if (c <= 0) continue;
            int band = (int)(xm / b->t->w_mm * STEPS);
            band = band < 0 ? 0 : band >= STEPS ? STEPS - 1 : band;
            matbuf_paint(mb, LAYER_BG, x, y, inks[band], (int)(c * 255));
        }
    }
    free(wave);
    doc_truth_feature(b->truth, f->id, f->kind, r, LIGHT_BIT(LIGHT_VISIBLE));
    if (rainbow)
        doc_truth_feature(b->truth, rainbow->id, rainbow->kind, doc_px_rect(mb, rainbow->r),
                          LIGHT_BIT(LIGHT_VISIBLE));
    if (halftone) doc_truth_defect(b->truth, DEFECT_HALFTONE_PRINT, r);
    return 0;
}

/* Microtext: the state's name (or the feature's text) repeated in letters
 * f->param mm high. A copier makes a plain line of it, or blurs it. */
int doc_paint_microtext(doc_ctx *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = doc_px_rect(mb, f->r);
    int ink = doc_ink(mb, f->ink[0] ? f->ink : "offset_navy", b->err);
    if (ink < 0) return -1;
    double hmm = f->param > 0 ? f->param : 0.4;
    if (doc_has(b->spec, DEFECT_MICROTEXT_MISSING)) {
        /* What a copier makes of microtext: a plain line. */
        double yc = r.y + r.h * 0.5;
        doc_paint_segment(mb, LAYER_BG, ink, r.x, yc, r.x + r.w, yc, hmm * 0.45 * mb->px_per_mm,
                          0.9);
        doc_truth_defect(b->truth, DEFECT_MICROTEXT_MISSING, r);
    } else {
        char line[1024] = "";
        const char *word = f->text[0] ? f->text : b->t->state_name;
        while (strlen(line) + strlen(word) + 1 < sizeof line && strlen(line) < 400) {
            strcat(line, word);
            strcat(line, " ");
        }
        /* Draw glyph by glyph until the rectangle is full. */
        double x = f->r.x, base = f->r.y + f->r.h * 0.5 + hmm * 0.36;
        text_style st = {b->fonts->sans_bold, NULL, hmm * 1.35 * mb->px_per_mm, 0, 0};
        text_layout lay;
        if (text_layout_make(&st, line, &lay, b->err) != 0) return -1;
        int blur = doc_has(b->spec, DEFECT_MICROTEXT_BLURRED);
        doc_plot p = {mb, LAYER_BG, ink, 0, blur ? 0.55 : 1.0};
        /* clip: only glyphs wholly inside */
        int keep = 0;
        while (keep < lay.n && lay.g[keep].x < f->r.w * mb->px_per_mm - st.size_px)
            keep++;
        lay.n = keep;
        if (!blur) {
            doc_layout_draw(&lay, x * mb->px_per_mm, base * mb->px_per_mm, &p);
        } else {
            /* A copy of a copy: the strokes spread into each other. Draw the
             * line several times offset by a fraction of a stroke. */
            double s = hmm * 0.18 * mb->px_per_mm;
            for (int k = 0; k < 9; k++)
                doc_layout_draw(&lay, x * mb->px_per_mm + (k % 3 - 1) * s,
                                base * mb->px_per_mm + (k / 3 - 1) * s, &p);
            doc_truth_defect(b->truth, DEFECT_MICROTEXT_BLURRED, r);
        }
        text_layout_free(&lay);
    }
    doc_truth_feature(b->truth, f->id, f->kind, r, LIGHT_BIT(LIGHT_VISIBLE));
    return 0;
}

/* The hidden message's glyphs turn the ornament's lines under them into
 * the twin ink (the lines stay where they are: same colour, same pattern). */
typedef struct {
    matbuf *mb;
    int ka, kb;
    irect r;
} meta_ctx;

static void meta_plot(void *ud, int x, int y, int cov) {
    meta_ctx *m = ud;
    if (cov < 128 || x < m->r.x || y < m->r.y || x >= m->r.x + m->r.w || y >= m->r.y + m->r.h ||
        !matbuf_has(m->mb, x, y))
        return;
    size_t i = matbuf_at(m->mb, x, y);
    if (m->mb->ink[LAYER_BG][i] == m->kb && m->mb->cov[LAYER_BG][i] > 0)
        m->mb->ink[LAYER_BG][i] = (uint8_t)m->ka;
}

/* Metameric pair: an oval rosette of fine lines woven into the background
 * print, and a message in the rosette's twin ink, the same colour in white
 * light: only infrared, which one ink absorbs and the other does not, shows
 * the message (as hatched letters). A counterfeit prints it all in one ink,
 * so nothing appears. */
int doc_paint_metameric(doc_ctx *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = doc_px_rect(mb, f->r);
    int mism = doc_has(b->spec, DEFECT_METAMERIC_MISMATCH);
    int ka = doc_ink(mb, mism ? "metamer_b" : "metamer_a", b->err);
    int kb = doc_ink(mb, "metamer_b", b->err);
    if (ka < 0 || kb < 0) return -1;
    double ppm = mb->px_per_mm, pitch = 0.3, lw = 0.14; /* mm */
    double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5;
    irect cl = doc_clip(mb, r);
    for (int y = cl.y; y < cl.y + cl.h; y++)
        for (int x = cl.x; x < cl.x + cl.w; x++) {
            double ex = (x + 0.5 - cx) / (r.w * 0.5), ey = (y + 0.5 - cy) / (r.h * 0.5);
            double rho = sqrt(ex * ex + ey * ey);
            if (rho >= 1) continue;
            /* concentric lines, waved six times round: distance in mm */
            double rmm = rho * fmin(r.w, r.h) * 0.5 / ppm;
            double t = rmm / pitch + 0.35 * sin(6 * atan2(ey, ex));
            double d = fabs(t - floor(t + 0.5)) * pitch;
            double c = doc_edge((d - lw * 0.5) * ppm) * fmin(1, (1 - rho) * 8);
            if (c > 0) matbuf_set(mb, LAYER_BG, x, y, kb, (int)(c * 255));
        }
    double size = f->r.h * 0.62;
    meta_ctx m = {mb, ka, kb, r};
    text_style st = {b->fonts->sans_bold, NULL, size * ppm, 0, 0};
    text_layout lay;
    if (text_layout_make(&st, f->text[0] ? f->text : b->t->issuing_state, &lay, b->err) != 0)
        return -1;
    double x0 = r.x + (r.w - lay.width) * 0.5, base = r.y + r.h * 0.5 + size * 0.36 * ppm;
    text_layout_draw(&lay, x0, base, meta_plot, &m);
    text_layout_free(&lay);
    doc_truth_feature(b->truth, f->id, f->kind, r, LIGHT_BIT(LIGHT_IR));
    if (mism) doc_truth_defect(b->truth, DEFECT_METAMERIC_MISMATCH, r);
    return 0;
}

/* See-through register: half an emblem printed on each side of the page;
 * only light from behind joins them. */
int doc_paint_see_through(doc_ctx *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = doc_px_rect(mb, f->r);
    int ink = doc_ink(mb, "offset_navy", b->err);
    if (ink < 0) return -1;
    mb->back_ink = (uint8_t)ink;
    double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5, rad = fmin(r.w, r.h) * 0.5;
    irect cl = doc_clip(mb, r);
    for (int y = cl.y; y < cl.y + cl.h; y++)
        for (int x = cl.x; x < cl.x + cl.w; x++) {
            double c = doc_emblem_cov(x + 0.5 - cx, y + 0.5 - cy, rad, 6, 1);
            if (c <= 0) continue;
            /* Front: the left half; back: the right half. Only light from
             * behind shows both as one emblem. */
            if (x + 0.5 < cx)
                matbuf_paint(mb, LAYER_BG, x, y, ink, (int)(c * 230));
            else
                mb->back[matbuf_at(mb, x, y)] = (uint8_t)(c * 230);
        }
    doc_truth_feature(b->truth, f->id, f->kind, r, LIGHT_BIT(LIGHT_TRANSMITTED));
    return 0;
}

/* UV emblem: invisible ink that glows under 365 nm. A counterfeit leaves it
 * out, or prints another design in another colour. */
int doc_paint_uv_emblem(doc_ctx *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = doc_px_rect(mb, f->r);
    doc_truth_feature(b->truth, f->id, f->kind, r, LIGHT_BIT(LIGHT_UV));
    if (doc_has(b->spec, DEFECT_UV_EMBLEM_MISSING)) {
        doc_truth_defect(b->truth, DEFECT_UV_EMBLEM_MISSING, r);
        return 0;
    }
    int wrong = doc_has(b->spec, DEFECT_UV_EMBLEM_WRONG);
    int ink = doc_ink(mb, wrong ? "uv_blue" : (f->ink[0] ? f->ink : "uv_yellow"), b->err);
    if (ink < 0) return -1;
    double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5, rad = fmin(r.w, r.h) * 0.5;
    irect cl = doc_clip(mb, r);
    for (int y = cl.y; y < cl.y + cl.h; y++)
        for (int x = cl.x; x < cl.x + cl.w; x++) {
            double c = wrong ? doc_emblem_cov(x + 0.5 - cx, y + 0.5 - cy, rad * 0.85, 8, 0)
                             : doc_emblem_cov(x + 0.5 - cx, y + 0.5 - cy, rad, 12, 1);
            if (c > 0) matbuf_paint(mb, LAYER_UV, x, y, ink, (int)(c * 255));
        }
    if (wrong) doc_truth_defect(b->truth, DEFECT_UV_EMBLEM_WRONG, r);
    return 0;
}

/* A band of fluorescent waves over the photo's corner: a substituted photo
 * interrupts it at the photo's edge. */
int doc_paint_uv_overprint(doc_ctx *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = doc_px_rect(mb, f->r);
    int ink = doc_ink(mb, f->ink[0] ? f->ink : "uv_green", b->err);
    if (ink < 0) return -1;
    double ppm = mb->px_per_mm;
    irect cl = doc_clip(mb, r);
    for (int y = cl.y; y < cl.y + cl.h; y++)
        for (int x = cl.x; x < cl.x + cl.w; x++) {
            double xm = (x + 0.5) / ppm - f->r.x, ym = (y + 0.5) / ppm - f->r.y;
            double t = (ym + 1.2 * sin(xm * 0.8)) / 1.6;
            double d = fabs(t - floor(t + 0.5)) * 1.6;
            double c = doc_edge((d - 0.22) * ppm);
            if (c > 0) matbuf_paint(mb, LAYER_UV, x, y, ink, (int)(c * 255));
        }
    doc_truth_feature(b->truth, f->id, f->kind, r, LIGHT_BIT(LIGHT_UV));
    return 0;
}

/* Intaglio emblem: raised ink; a counterfeit prints the same colour flat. */
int doc_paint_intaglio(doc_ctx *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = doc_px_rect(mb, f->r);
    int ink = doc_ink(mb, f->ink[0] ? f->ink : "intaglio_blue", b->err);
    if (ink < 0) return -1;
    int relief = doc_has(b->spec, DEFECT_INTAGLIO_MISSING) ? 0 : 170;
    double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5, rad = fmin(r.w, r.h) * 0.5;
    irect cl = doc_clip(mb, r);
    for (int y = cl.y; y < cl.y + cl.h; y++)
        for (int x = cl.x; x < cl.x + cl.w; x++) {
            double c = doc_emblem_cov(x + 0.5 - cx, y + 0.5 - cy, rad, 12, 1);
            if (c <= 0) continue;
            matbuf_paint(mb, LAYER_FG, x, y, ink, (int)(c * 255));
            uint8_t *rl = &mb->relief[matbuf_at(mb, x, y)];
            *rl = (uint8_t)fmax(*rl, c * relief);
        }
    doc_truth_feature(b->truth, f->id, f->kind, r,
                      LIGHT_BIT(LIGHT_OBLIQUE) | LIGHT_BIT(LIGHT_VISIBLE));
    if (!relief) doc_truth_defect(b->truth, DEFECT_INTAGLIO_MISSING, r);
    return 0;
}

/* Dry seal: relief only, no ink. A counterfeit has none unless the forger
 * pressed one. */
int doc_paint_emboss(doc_ctx *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = doc_px_rect(mb, f->r);
    if (doc_feature_missing(b, f, r, LIGHT_BIT(LIGHT_OBLIQUE), DEFECT_SEAL_MISSING)) return 0;
    /* pressed over the photo's corner: a photo put in later (substituted)
     * does not carry the seal's part, which stops at its edge */
    irect ph = doc_has(b->spec, DEFECT_PHOTO_SUBSTITUTION) && b->t->portrait.w > 0
                   ? doc_px_rect(mb, b->t->portrait)
                   : (irect){0, 0, 0, 0};
    double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5, rad = fmin(r.w, r.h) * 0.5;
    irect cl = doc_clip(mb, r);
    for (int y = cl.y; y < cl.y + cl.h; y++)
        for (int x = cl.x; x < cl.x + cl.w; x++) {
            if (x >= ph.x && x < ph.x + ph.w && y >= ph.y && y < ph.y + ph.h) continue;
            double c = doc_emblem_cov(x + 0.5 - cx, y + 0.5 - cy, rad, 16, 1);
            uint8_t *rl = &mb->relief[matbuf_at(mb, x, y)];
            *rl = (uint8_t)fmax(*rl, c * 110);
        }
    doc_truth_feature(b->truth, f->id, f->kind, r, LIGHT_BIT(LIGHT_OBLIQUE));
    return 0;
}
