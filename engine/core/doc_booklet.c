/* doc_booklet.c - a passport's pages besides the data page (booklet.h):
 * the observations page and the visa pages, printed on the booklet's
 * security paper like the data page (fibres, watermark, the running
 * guilloche background, microtext, the UV emblem), each with its number
 * printed at the foot and perforated, laser-burnt, in its corner; and the
 * binding along the fold: stitch holes on every page, the thread itself on
 * the centre page, where examiners check it.
 *
 * A genuine thread is twisted of two colours chosen per issuing state and
 * glows yellow and green at 365 nm. A booklet taken apart and sewn again
 * (restitched_booklet) has a plain cotton thread that glows blue-white
 * (optical brighteners), stitches of uneven length, and the first sewing's
 * holes left empty beside the new ones (seen against the light). Page
 * features are drawn from a template made here from the passport's own:
 * the painters of doc_security.c paint it, window by window as they do
 * the data page.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "doc_kit.h"

#define HOLES 7 /* stitch holes along the fold */

/* The page's own template: the passport's paper, colours and security
 * print, without the data page's personalisation. */
static void page_template(const tpl *t, int page, tpl *pt) {
    *pt = *t;
    pt->n_texts = pt->n_fields = 0;
    pt->portrait = (tpl_rect){0, 0, 0, 0};
    pt->mrz_format = TPL_NO_MRZ;
    pt->n_features = 0;
    double w = t->w_mm, h = t->h_mm, top = BOOKLET_FOLD_MM;
    for (int i = 0; i < t->n_features; i++) {
        const tpl_feature *f = &t->features[i];
        if (!strcmp(f->kind, "watermark") || !strcmp(f->kind, "uv_fibres") ||
            !strcmp(f->kind, "rainbow") || (!strcmp(f->kind, "uv_emblem") && page > 1))
            pt->features[pt->n_features++] = *f;
    }
    tpl_feature g = {.r = {0, top, w, h - top}};
    snprintf(g.id, sizeof g.id, "page_guilloche");
    snprintf(g.kind, sizeof g.kind, "guilloche");
    pt->features[pt->n_features++] = g;
    tpl_feature m = {.r = {8, h - 2.2, w - 16, 0.6}, .param = 0.4};
    snprintf(m.id, sizeof m.id, "page_microtext");
    snprintf(m.kind, sizeof m.kind, "microtext");
    snprintf(m.text, sizeof m.text, "%s", t->state_name);
    pt->features[pt->n_features++] = m;
}

/* ------------------------------------------------------------ inks */

/* The binding's thread: two colours per state (like the cover's, from the
 * state's code), each fluorescent; or the restitcher's cotton. */
static int thread_inks(doc_ctx *b, int restitched, int ink[2]) {
    static const uint8_t colours[4][2][3] = {{{168, 36, 48}, {236, 228, 206}},
                                             {{36, 70, 160}, {226, 190, 40}},
                                             {{30, 120, 70}, {236, 228, 206}},
                                             {{168, 36, 48}, {36, 70, 160}}};
    unsigned hsh = 0;
    for (const char *c = b->t->issuing_state; *c; c++)
        hsh = hsh * 31u + (unsigned char)*c;
    const uint8_t(*col)[3] = colours[hsh % 4];
    mat_ink a = {"thread_a", {col[0][0], col[0][1], col[0][2]}, 245, 40, 200, {235, 190, 40}, 230};
    mat_ink c = {"thread_b", {col[1][0], col[1][1], col[1][2]}, 245, 40, 200, {90, 230, 110}, 230};
    /* a cotton thread near the first colour, brightened: it glows blue-white */
    mat_ink f = {"thread_cotton",
                 {(uint8_t)(col[0][0] * 0.8 + 40), (uint8_t)(col[0][1] * 0.8 + 40),
                  (uint8_t)(col[0][2] * 0.8 + 40)},
                 235,
                 40,
                 60,
                 {150, 165, 255},
                 230};
    ink[0] = matbuf_ink(b->mb, restitched ? &f : &a);
    ink[1] = restitched ? ink[0] : matbuf_ink(b->mb, &c);
    if (ink[0] < 0 || ink[1] < 0) return err_set(b->err, "too many inks");
    return 0;
}

/* A hole's burnt or torn rim: dark in white light, lets light through. */
static int hole_ink(doc_ctx *b) {
    static const mat_ink k = {"perforation", {74, 66, 58}, 215, 140, 200, {0, 0, 0}, 0};
    int i = matbuf_ink(b->mb, &k);
    if (i < 0) err_set(b->err, "too many inks");
    return i;
}

/* ------------------------------------------------------------ holes */

/* A round hole of radius r px at (cx, cy): the paper gone (transmitted
 * light passes), its rim and the next page dark through it in white light. */
static void paint_hole(matbuf *mb, int ink, double cx, double cy, double r) {
    irect a = {(int)floor(cx - r - 1), (int)floor(cy - r - 1), (int)ceil(2 * r + 3),
               (int)ceil(2 * r + 3)};
    irect c = doc_clip(mb, a);
    for (int y = c.y; y < c.y + c.h; y++)
        for (int x = c.x; x < c.x + c.w; x++) {
            double d = hypot(x + 0.5 - cx, y + 0.5 - cy) - r;
            double cov = doc_edge(d);
            if (cov <= 0) continue;
            size_t i = matbuf_at(mb, x, y);
            if (mb->sub[i] == 0) continue;
            /* the plane is what the paper lets through (128 nominal) */
            mb->thick[i] = (uint8_t)(mb->thick[i] + (255 - mb->thick[i]) * cov);
            matbuf_set(mb, LAYER_FG, x, y, ink, (int)(cov * 235));
        }
}

/* Where the holes are along the fold, mm; a restitched booklet's are the
 * restitcher's, uneven, the first sewing's (genuine[]) left beside them. */
static void hole_places(uint64_t seed, double w, int restitched, double genuine[HOLES],
                        double sewn[HOLES]) {
    rng r;
    rng_init(&r, rng_derive(seed, "restitch"));
    for (int k = 0; k < HOLES; k++) {
        genuine[k] = w * (k + 1) / (HOLES + 1);
        double off = rng_range(&r, 1.2, 2.6) * (rng_below(&r, 2) ? 1 : -1);
        sewn[k] = restitched ? genuine[k] + off : genuine[k];
    }
}

/* The thread on the centre page: a cord from the first hole to the last,
 * twisted (two colours in diagonal bands) or plain. */
static void paint_thread(matbuf *mb, const int ink[2], const double *x, double y, double width) {
    double ppm = mb->px_per_mm, half = width * 0.5 * ppm;
    irect a = {(int)floor(x[0] * ppm), (int)floor(y * ppm - half - 2),
               (int)ceil((x[HOLES - 1] - x[0]) * ppm) + 1, (int)ceil(2 * half + 4)};
    irect c = doc_clip(mb, a);
    for (int py = c.y; py < c.y + c.h; py++)
        for (int px = c.x; px < c.x + c.w; px++) {
            double xm = (px + 0.5) / ppm, ym = (py + 0.5) / ppm;
            double cov = doc_edge(fabs(ym - y) * ppm - half);
            if (cov <= 0) continue;
            double band = (xm + ym) / (width * 1.2);
            int k = (int)floor(band) & 1;
            matbuf_set(mb, LAYER_FG, px, py, ink[k], (int)(cov * 250));
        }
}

/* The binding: holes on every page, the thread on the centre page (and
 * there the defect, when restitched). */
static int paint_binding(doc_ctx *b, int page, uint64_t seed) {
    matbuf *mb = b->mb;
    int restitched = doc_has(b->spec, DEFECT_RESTITCHED_BOOKLET);
    int ink[2], hole = hole_ink(b);
    if (hole < 0 || thread_inks(b, restitched, ink)) return -1;
    double g[HOLES], s[HOLES], y = BOOKLET_FOLD_MM * 0.5, ppm = mb->px_per_mm;
    hole_places(seed, b->t->w_mm, restitched, g, s);
    irect fold = doc_px_rect(mb, (tpl_rect){0, 0, b->t->w_mm, BOOKLET_FOLD_MM});
    if (page == BOOKLET_CENTRE) {
        double width = restitched ? 0.42 : 0.55; /* a thinner cotton */
        paint_thread(mb, ink, s, y, width);
        irect th = doc_px_rect(mb, (tpl_rect){s[0] - 1, y - 1.2, s[HOLES - 1] - s[0] + 2, 2.4});
        doc_truth_feature(b->truth, "booklet_thread", "booklet_thread", th,
                          LIGHT_BIT(LIGHT_VISIBLE) | LIGHT_BIT(LIGHT_UV));
        if (restitched) doc_truth_defect(b->truth, DEFECT_RESTITCHED_BOOKLET, fold);
    }
    for (int k = 0; k < HOLES; k++) {
        paint_hole(mb, hole, s[k] * ppm, y * ppm, 0.32 * ppm);
        if (restitched) paint_hole(mb, hole, g[k] * ppm, y * ppm, 0.3 * ppm);
    }
    doc_truth_feature(b->truth, "stitch_holes", "stitch_holes", fold,
                      LIGHT_BIT(LIGHT_VISIBLE) | LIGHT_BIT(LIGHT_TRANSMITTED));
    return 0;
}

/* ------------------------------------------------------------ the page's print */

/* 5x7 dot-matrix digits, a row of 5 bits per line, top first. */
static const unsigned char digits[10][7] = {
    {14, 17, 19, 21, 25, 17, 14}, {4, 12, 4, 4, 4, 4, 14},  {14, 17, 1, 2, 4, 8, 31},
    {31, 2, 4, 2, 1, 17, 14},     {2, 6, 10, 18, 31, 2, 2}, {31, 16, 30, 1, 1, 17, 14},
    {6, 8, 16, 30, 17, 17, 14},   {31, 1, 2, 4, 8, 8, 8},   {14, 17, 17, 14, 17, 17, 14},
    {14, 17, 17, 15, 1, 2, 12}};

/* The page number laser-perforated through the page, bottom right. */
static void paint_perforated(doc_ctx *b, int number, int hole) {
    matbuf *mb = b->mb;
    double ppm = mb->px_per_mm, pitch = 0.55;
    char s[16];
    snprintf(s, sizeof s, "%d", number % 100);
    double x0 = b->t->w_mm - 8 - strlen(s) * 6 * pitch, y0 = b->t->h_mm - 9;
    for (size_t d = 0; s[d]; d++)
        for (int row = 0; row < 7; row++)
            for (int col = 0; col < 5; col++)
                if (digits[s[d] - '0'][row] >> (4 - col) & 1)
                    paint_hole(mb, hole, (x0 + (d * 6 + col) * pitch) * ppm,
                               (y0 + row * pitch) * ppm, 0.16 * ppm);
    irect r = doc_px_rect(mb, (tpl_rect){x0 - 0.5, y0 - 0.5, strlen(s) * 6 * pitch + 1, 8 * pitch});
    doc_truth_feature(b->truth, "page_perforation", "page_perforation", r,
                      LIGHT_BIT(LIGHT_VISIBLE) | LIGHT_BIT(LIGHT_TRANSMITTED));
}

/* The heading, the printed page number, an observations page's lines. */
static int paint_print(doc_ctx *b, int page) {
    matbuf *mb = b->mb;
    const tpl *t = b->t;
    int ink = doc_ink(mb, t->label_ink[0] ? t->label_ink : "offset_navy", b->err);
    if (ink < 0) return -1;
    const char *head = page == 1 ? "OBSERVATIONS" : "VISAS";
    double top = BOOKLET_FOLD_MM + 4.5;
    if (doc_draw_text(mb, b->fonts, b->fonts->sans_bold, head, 6, top, 3.0, LAYER_BG, ink, 0, 0,
                      b->err) < 0 ||
        doc_draw_text(mb, b->fonts, b->fonts->sans, t->state_name, t->w_mm - 6, top, 2.2, LAYER_BG,
                      ink, 0, 1, b->err) < 0)
        return -1;
    if (page == 1) /* ruled lines for the authorities' notes */
        for (int k = 0; k < 7; k++) {
            double y = (top + 8 + k * 9) * mb->px_per_mm;
            doc_paint_segment(mb, LAYER_BG, ink, 6 * mb->px_per_mm, y,
                              (t->w_mm - 6) * mb->px_per_mm, y, 0.12 * mb->px_per_mm, 0.7);
        }
    char num[16];
    snprintf(num, sizeof num, "%d", booklet_printed(page));
    double w = doc_draw_text(mb, b->fonts, b->fonts->sans_bold, num, t->w_mm * 0.5, t->h_mm - 3.2,
                             3.0, LAYER_BG, ink, 0, 0, b->err);
    if (w < 0) return -1;
    irect r =
        doc_px_rect(mb, (tpl_rect){t->w_mm * 0.5 - 0.5, t->h_mm - 6.5, w / mb->px_per_mm + 1, 4.2});
    doc_truth_feature(b->truth, "page_number", "page_number", r, LIGHT_BIT(LIGHT_VISIBLE));
    return 0;
}

/* ------------------------------------------------------------ the page */

/* The security print of the page's template, in the order it is made. */
static int paint_security(doc_ctx *b, int counterfeit) {
    static const struct {
        const char *kind;
        doc_painter paint;
        int genuine_only; /* what ordinary paper and an office printer lack */
    } steps[] = {{"watermark", doc_paint_watermark, 1},
                 {"uv_fibres", doc_paint_fibres, 1},
                 {"guilloche", doc_paint_guilloche, 0},
                 {"microtext", doc_paint_microtext, 0},
                 {"uv_emblem", doc_paint_uv_emblem, 1}};
    if (doc_paint_paper(b)) return -1;
    for (size_t k = 0; k < sizeof steps / sizeof steps[0]; k++)
        for (int i = 0; i < b->t->n_features; i++) {
            const tpl_feature *f = &b->t->features[i];
            if (strcmp(f->kind, steps[k].kind) || (counterfeit && steps[k].genuine_only)) continue;
            if (steps[k].paint(b, f)) return -1;
        }
    return 0;
}

int booklet_page_worth(const doc_spec *spec) {
    if (spec->page == BOOKLET_CENTRE && doc_has(spec, DEFECT_RESTITCHED_BOOKLET)) return 1;
    for (int i = 0; i < spec->n_stamps; i++)
        if (spec->stamps[i].page == spec->page) return 1;
    return 0;
}

int doc_booklet_paint(const doc_spec *spec, const doc_fonts *fonts, matbuf *mb, doc_truth *truth,
                      bl_err *err) {
    tpl pt;
    page_template(spec->t, spec->page, &pt);
    /* the pages keep only the defects that are the booklet's: its paper
     * (recorded once, on the data page) and its binding */
    doc_spec eff = *spec;
    eff.t = &pt;
    eff.seed = rng_derive(spec->seed, "page") + (uint64_t)spec->page; /* each page its fibres */
    eff.defects &= 1u << DEFECT_COUNTERFEIT_PAPER | 1u << DEFECT_RESTITCHED_BOOKLET;
    eff.imitated = 0;
    doc_ctx b = {&eff, &pt, fonts, mb, truth, err, {0}};
    rng_init(&b.r, spec->seed);
    truth->w = mb->page_w, truth->h = mb->page_h, truth->dpi = spec->dpi;
    int counterfeit = doc_has(&eff, DEFECT_COUNTERFEIT_PAPER);
    int hole = hole_ink(&b);
    if (hole < 0 || paint_security(&b, counterfeit) || paint_print(&b, spec->page)) return -1;
    paint_perforated(&b, booklet_printed(spec->page), hole);
    /* the holes go through every page; the stamps are placed by the booklet's seed */
    if (paint_binding(&b, spec->page, spec->seed) || doc_paint_entry_stamps(&b, spec->seed))
        return -1;
    return 0;
}
