/* doc_kit.c - the painting kit the doc_*.c files share (see doc_kit.h):
 * text, thick strokes and the state emblem painted into a matbuf layer, and
 * template millimetres turned into image pixels. */
#include "doc_kit.h"

#include <math.h>
#include <string.h>

void doc_copy(char *dst, size_t cap, const char *src) {
    size_t n = src ? strlen(src) : 0;
    if (n >= cap) n = cap - 1;
    if (n) memcpy(dst, src, n);
    dst[n] = '\0';
}

void doc_plot_cb(void *ud, int x, int y, int cov) {
    doc_plot *p = ud;
    int c = (int)(cov * p->gain);
    matbuf_paint(p->mb, p->layer, x, y, p->ink, c);
    if (p->relief && matbuf_has(p->mb, x, y)) {
        uint8_t *r = &p->mb->relief[matbuf_at(p->mb, x, y)];
        int v = *r + p->relief * cov / 255;
        *r = (uint8_t)(v > 255 ? 255 : v);
    }
}

irect doc_px_rect(const matbuf *mb, tpl_rect r) {
    irect o;
    o.x = (int)floor(r.x * mb->px_per_mm);
    o.y = (int)floor(r.y * mb->px_per_mm);
    o.w = (int)ceil((r.x + r.w) * mb->px_per_mm) - o.x;
    o.h = (int)ceil((r.y + r.h) * mb->px_per_mm) - o.y;
    /* Regions are reported in image pixels: keep them on the page (the
     * whole page, even when the buffer holds a window of it). */
    if (o.x < 0) o.w += o.x, o.x = 0;
    if (o.y < 0) o.h += o.y, o.y = 0;
    if (o.x + o.w > mb->page_w) o.w = mb->page_w - o.x;
    if (o.y + o.h > mb->page_h) o.h = mb->page_h - o.y;
    if (o.w < 0) o.w = 0;
    if (o.h < 0) o.h = 0;
    return o;
}

int doc_feature_missing(doc_ctx *b, const tpl_feature *f, irect r, light_set lights,
                        defect_kind k) {
    if (!doc_has(b->spec, k)) return 0;
    doc_truth_feature(b->truth, f->id, f->kind, r, lights);
    doc_truth_defect(b->truth, k, r);
    return 1;
}

irect doc_clip(const matbuf *mb, irect r) {
    int x0 = r.x > mb->ox ? r.x : mb->ox, y0 = r.y > mb->oy ? r.y : mb->oy;
    int x1 = r.x + r.w < mb->ox + mb->w ? r.x + r.w : mb->ox + mb->w;
    int y1 = r.y + r.h < mb->oy + mb->h ? r.y + r.h : mb->oy + mb->h;
    return (irect){x0, y0, x1 > x0 ? x1 - x0 : 0, y1 > y0 ? y1 - y0 : 0};
}

void doc_layout_draw(const text_layout *lay, double x, double y, doc_plot *p) {
    const matbuf *mb = p->mb;
    text_layout_draw_clip(lay, x, y, mb->ox, mb->oy, mb->ox + mb->w, mb->oy + mb->h, doc_plot_cb,
                          p);
}

int doc_ink(matbuf *mb, const char *id, bl_err *err) {
    const mat_ink *k = mat_ink_find(id);
    if (!k) return err_set(err, "unknown ink \"%s\"", id);
    int i = matbuf_ink(mb, k);
    if (i < 0) return err_set(err, "too many inks on one document (at most %d)", MATBUF_MAX_INKS);
    return i;
}

double doc_draw_text(matbuf *mb, const doc_fonts *fonts, const text_font *font, const char *s,
                     double x_mm, double y_mm, double size_mm, mb_layer layer, int ink, int relief,
                     int align_right, bl_err *err) {
    text_style st = {font, fonts->arabic, size_mm * mb->px_per_mm, 0, 0};
    doc_plot p = {mb, layer, ink, relief, 1.0};
    text_layout lay;
    if (text_layout_make(&st, s, &lay, err) != 0) return -1;
    double x = x_mm * mb->px_per_mm - (align_right ? lay.width : 0);
    doc_layout_draw(&lay, x, y_mm * mb->px_per_mm, &p);
    double w = lay.width;
    text_layout_free(&lay);
    return w;
}

double doc_edge(double d) {
    return d <= -0.5 ? 1.0 : d >= 0.5 ? 0.0 : 0.5 - d;
}

double doc_emblem_cov(double dx, double dy, double r, int rays, int ring) {
    double d = sqrt(dx * dx + dy * dy);
    double c = 0;
    if (ring) c = fmax(c, doc_edge(fabs(d - 0.9 * r) - 0.05 * r));
    c = fmax(c, doc_edge(d - 0.28 * r));
    if (d > 0.35 * r && d < 0.78 * r) {
        double a = atan2(dy, dx) * rays / (2 * M_PI);
        double f = fabs(a - floor(a) - 0.5) * 2; /* 0 at ray centre, 1 between rays */
        double halfw = 0.45 * (0.78 * r - d) / (0.43 * r);
        c = fmax(c, doc_edge((f - halfw) * d * 2 * M_PI / rays));
    }
    return c;
}

void doc_paint_segment(matbuf *mb, mb_layer l, int ink, double x0, double y0, double x1, double y1,
                       double width, double gain) {
    int bx0 = (int)floor(fmin(x0, x1) - width), bx1 = (int)ceil(fmax(x0, x1) + width);
    int by0 = (int)floor(fmin(y0, y1) - width), by1 = (int)ceil(fmax(y0, y1) + width);
    /* only the pixels the buffer holds: the same ones, fewer visited */
    bx0 = bx0 > mb->ox ? bx0 : mb->ox, by0 = by0 > mb->oy ? by0 : mb->oy;
    bx1 = bx1 < mb->ox + mb->w - 1 ? bx1 : mb->ox + mb->w - 1;
    by1 = by1 < mb->oy + mb->h - 1 ? by1 : mb->oy + mb->h - 1;
    double vx = x1 - x0, vy = y1 - y0, len2 = vx * vx + vy * vy;
    for (int y = by0; y <= by1; y++)
        for (int x = bx0; x <= bx1; x++) {
            double px = x + 0.5 - x0, py = y + 0.5 - y0;
            double t = len2 > 0 ? (px * vx + py * vy) / len2 : 0;
            t = t < 0 ? 0 : t > 1 ? 1 : t;
            double dx = px - t * vx, dy = py - t * vy;
            double c = doc_edge(sqrt(dx * dx + dy * dy) - width * 0.5);
            if (c > 0) matbuf_paint(mb, l, x, y, ink, (int)(c * 255 * gain));
        }
}
