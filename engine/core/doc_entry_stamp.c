/* doc_entry_stamp.c - entry and exit stamps on a passport's visa pages
 * (booklet.h places them, doc_booklet.c calls this for its page).
 *
 * A border stamp is a small rubber stamp an officer inks and presses: a
 * frame (an entry's square with a double line, an exit's rounded), the
 * state's code and the border post's number along the top, an arrow into
 * the country or out of it, the date in bold, the port's name. Stamped by
 * hand its ink is uneven (doc_stamp_tone, as a letter's official stamp);
 * a counterfeit stamp printed from a scan is a dot screen
 * (stamp_counterfeit, seen with the loupe). A stamp whose date contradicts
 * the route is a genuine-looking stamp with that date (stamp_date_conflict):
 * only reading it against the others, the visa and the story shows it.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "doc_kit.h"

/* The stamp inks: dye inks that vanish in infrared, like stamp_violet. */
static int stamp_ink(doc_ctx *b, const booklet_stamp *s) {
    static const mat_ink inks[] = {
        {"stamp_black", {48, 46, 52}, 230, 0, 170, {0, 0, 0}, 150},
        {"stamp_red", {180, 40, 50}, 230, 0, 160, {0, 0, 0}, 140},
        {"stamp_green", {40, 120, 70}, 230, 0, 160, {0, 0, 0}, 140},
        {"stamp_blue", {40, 70, 160}, 230, 0, 160, {0, 0, 0}, 140},
    };
    const char *id = s->ink[0] ? booklet_ink_id(s->ink) : NULL;
    if (!id) id = s->exit ? "stamp_black" : "stamp_violet";
    if (!strcmp(id, "stamp_violet")) return doc_ink(b->mb, id, b->err);
    for (size_t i = 0; i < sizeof inks / sizeof inks[0]; i++)
        if (!strcmp(inks[i].id, id)) {
            int k = matbuf_ink(b->mb, &inks[i]);
            if (k < 0) err_set(b->err, "too many inks");
            return k;
        }
    return err_set(b->err, "unknown stamp ink \"%s\"", s->ink);
}

/* Where a stamp's text lands: stamp ink, uneven or screened. */
typedef struct {
    matbuf *mb;
    int ink, printed;
    uint64_t uneven;
} stamp_plot;

static void plot(void *ud, int x, int y, int cov) {
    stamp_plot *p = ud;
    if (!matbuf_has(p->mb, x, y) || cov <= 0) return;
    double c = doc_stamp_tone(p->mb, x, y, cov / 255.0, p->printed, p->uneven);
    matbuf_paint(p->mb, LAYER_FG, x, y, p->ink, (int)(c * 255));
}

/* A line of text centred on cx (px), baseline y (px), shrunk to max_w px. */
static int centred(doc_ctx *b, stamp_plot *p, const text_font *font, const char *s, double cx,
                   double y, double size_px, double max_w) {
    text_style st = {font, b->fonts->arabic, size_px, size_px * 0.04, 0};
    text_layout lay;
    if (text_layout_make(&st, s, &lay, b->err) != 0) return -1;
    if (lay.width > max_w) {
        st.size_px *= max_w / lay.width, st.tracking_px *= max_w / lay.width;
        text_layout_free(&lay);
        if (text_layout_make(&st, s, &lay, b->err) != 0) return -1;
    }
    text_layout_draw(&lay, cx - lay.width * 0.5, y, plot, p);
    text_layout_free(&lay);
    return 0;
}

/* Distance (px) from (x, y) to segment (ax, ay)-(bx, by). */
static double seg_dist(double x, double y, double ax, double ay, double bx, double by) {
    double dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
    double t = l2 > 0 ? fmax(0, fmin(1, ((x - ax) * dx + (y - ay) * dy) / l2)) : 0;
    return hypot(x - ax - t * dx, y - ay - t * dy);
}

/* The frame and the arrow, as coverage at pixel centre (x, y). */
static double frame_cov(const booklet_stamp *s, irect r, double ppm, double x, double y) {
    double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5;
    double rad = s->exit ? 4 * ppm : 0, lw = 0.38 * ppm;
    double qx = fabs(x - cx) - (r.w * 0.5 - rad - lw), qy = fabs(y - cy) - (r.h * 0.5 - rad - lw);
    double d = hypot(fmax(qx, 0), fmax(qy, 0)) + fmin(fmax(qx, qy), 0) - rad;
    double c = doc_edge(fabs(d) - lw * 0.5);
    if (!s->exit) /* an entry's inner line */
        c = fmax(c, doc_edge(fabs(d + 0.8 * ppm) - lw * 0.3));
    /* the arrow, under the date: into the country (right) or out (left) */
    double ay = r.y + r.h * 0.28, l = 3.2 * ppm, dir = s->exit ? -1 : 1, h = 1.1 * ppm;
    double tip = cx + dir * l * 0.5, tail = cx - dir * l * 0.5;
    double a = fmin(seg_dist(x, y, tail, ay, tip, ay),
                    fmin(seg_dist(x, y, tip, ay, tip - dir * h, ay - h),
                         seg_dist(x, y, tip, ay, tip - dir * h, ay + h)));
    return fmax(c, doc_edge(a - 0.2 * ppm));
}

/* One stamp: frame and arrow, then its texts; recorded with its defects. */
static int paint_one(doc_ctx *b, const booklet_stamp *s, int i, uint64_t seed) {
    matbuf *mb = b->mb;
    double ppm = mb->px_per_mm, mm[4];
    booklet_stamp_rect(s, i, seed, b->t->w_mm, b->t->h_mm, mm);
    irect r = doc_px_rect(mb, (tpl_rect){mm[0], mm[1], mm[2], mm[3]});
    int ink = stamp_ink(b, s);
    if (ink < 0) return -1;
    stamp_plot p = {mb, ink, (int)(s->defects >> DEFECT_STAMP_COUNTERFEIT & 1),
                    rng_derive(seed ^ (uint64_t)(i + 1), "entry_stamp")};
    irect c = doc_clip(mb, r);
    for (int y = c.y; y < c.y + c.h; y++)
        for (int x = c.x; x < c.x + c.w; x++) {
            double cov = frame_cov(s, r, ppm, x + 0.5, y + 0.5);
            if (cov > 0) plot(&p, x, y, (int)(cov * 255));
        }
    char top[16], date[16];
    snprintf(top, sizeof top, "%03d", s->post % 1000);
    date_display(s->date, date, sizeof date);
    double x0 = r.x + 2.4 * ppm, x1 = r.x + r.w - 2.4 * ppm, cx = r.x + r.w * 0.5;
    double row = r.y + 5.0 * ppm, w = r.w - 5 * ppm;
    const text_font *bold = b->fonts->sans_bold;
    if (centred(b, &p, bold, s->state, x0 + 3 * ppm, row, 2.5 * ppm, 6 * ppm) ||
        centred(b, &p, bold, top, x1 - 3 * ppm, row, 2.5 * ppm, 6 * ppm) ||
        centred(b, &p, bold, date, cx, r.y + 13.6 * ppm, 3.6 * ppm, w) ||
        centred(b, &p, b->fonts->sans, s->port, cx, r.y + 18.4 * ppm, 2.2 * ppm, w))
        return -1;
    char id[48];
    snprintf(id, sizeof id, "stamp_p%d_%d", booklet_printed(s->page), s->slot + 1);
    doc_truth_feature(b->truth, id, s->exit ? "exit_stamp" : "entry_stamp", r,
                      LIGHT_BIT(LIGHT_VISIBLE));
    if (p.printed) doc_truth_defect(b->truth, DEFECT_STAMP_COUNTERFEIT, r);
    if (s->defects >> DEFECT_STAMP_DATE_CONFLICT & 1)
        doc_truth_defect(b->truth, DEFECT_STAMP_DATE_CONFLICT, r);
    return 0;
}

int doc_paint_entry_stamps(doc_ctx *b, uint64_t seed) {
    for (int i = 0; i < b->spec->n_stamps && i < BOOKLET_MAX_STAMPS; i++)
        if (b->spec->stamps[i].page == b->spec->page && paint_one(b, &b->spec->stamps[i], i, seed))
            return -1;
    return 0;
}
