/* desk_verify.c - see desk_verify.h. */
#include "desk_verify.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk_fit.h"

#define OPAQUE 0xE0u /* a fill at least this opaque hides what is under it */

const char *desk_fault_name(int kind) {
    static const char *const names[DESK_FAULT_KINDS] = {
        "full", "no box", "small", "cut", "outside", "overlap", "faint", "on a picture", "covered"};
    return kind >= 0 && kind < DESK_FAULT_KINDS ? names[kind] : "?";
}

/* ------------------------------------------------------------ geometry */

typedef struct frect {
    double x0, y0, x1, y1; /* x1, y1 exclusive */
} frect;

static frect cmd_rect(const draw_cmd *c, double zoom) {
    return (frect){c->x * zoom, c->y * zoom, (c->x + c->w) * zoom, (c->y + c->h) * zoom};
}

static frect cut(frect a, frect b) {
    return (frect){fmax(a.x0, b.x0), fmax(a.y0, b.y0), fmin(a.x1, b.x1), fmin(a.y1, b.y1)};
}

static int empty(frect r) {
    return r.x1 <= r.x0 || r.y1 <= r.y0;
}

static int inside(frect in, frect out) {
    return in.x0 >= out.x0 && in.y0 >= out.y0 && in.x1 <= out.x1 && in.y1 <= out.y1;
}

static int has_point(frect r, double x, double y) {
    return x >= r.x0 && y >= r.y0 && x < r.x1 && y < r.y1;
}

static const frect NO_CLIP = {-1e9, -1e9, 1e9, 1e9};

/* The clip in force at each command (DRAW_CLIP; w 0: none). */
static void clips(const draw_list *dl, double zoom, frect *out) {
    frect now = NO_CLIP;
    for (int i = 0; i < dl->n; i++) {
        const draw_cmd *c = &dl->cmd[i];
        if (c->kind == DRAW_CLIP) now = c->w > 0 ? cmd_rect(c, zoom) : NO_CLIP;
        out[i] = now;
    }
}

/* ------------------------------------------------------------ the texts */

typedef struct vtext {
    int cmd;
    int size, cut;
    int n;       /* lines with ink */
    frect *line; /* each line's ink, cut to its picture and the clip */
    frect all;   /* their union */
} vtext;

/* Lays out command i as the app would and finds each line's ink. */
static int measure(const draw_list *dl, int i, const doc_fonts *f, int rtl_ui, double zoom,
                   frect clip, vtext *t, bl_err *err) {
    const draw_cmd *c = &dl->cmd[i];
    desk_fit fit;
    memset(t, 0, sizeof *t);
    t->cmd = i;
    if (desk_fit_cmd(f, c, rtl_ui, &fit, err) != 0) {
        desk_fit_free(&fit);
        return err_prefix(err, "the text \"%.40s\"", c->text ? c->text : "");
    }
    t->size = fit.size, t->cut = fit.cut;
    desk_fit_pic pic;
    desk_fit_picture(&fit, c, zoom, &pic);
    frect pr = cut((frect){pic.x, pic.y, pic.x + pic.w, pic.y + pic.h}, clip);
    t->line = calloc(pic.n > 0 ? (size_t)pic.n : 1, sizeof *t->line);
    if (!t->line) {
        desk_fit_free(&fit);
        return err_set(err, "out of memory");
    }
    for (int l = 0; l < pic.n; l++) {
        int b[4];
        if (!text_layout_ink(&fit.para.line[l].lay, pic.line_x[l], pic.line_y[l], zoom, b))
            continue;
        frect r = cut((frect){b[0], b[1], b[2], b[3]}, pr);
        if (empty(r)) continue;
        t->all = t->n ? (frect){fmin(t->all.x0, r.x0), fmin(t->all.y0, r.y0), fmax(t->all.x1, r.x1),
                                fmax(t->all.y1, r.y1)}
                      : r;
        t->line[t->n++] = r;
    }
    desk_fit_free(&fit);
    return 0;
}

/* ------------------------------------------------------------ colour */

static double channel(uint32_t rgba, int shift) {
    return ((rgba >> shift) & 0xFF) / 255.0;
}

static double lin(double c) {
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(const double rgb[3]) {
    return 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2]);
}

static double ratio(const double a[3], const double b[3]) {
    double la = luminance(a), lb = luminance(b);
    return (fmax(la, lb) + 0.05) / (fmin(la, lb) + 0.05);
}

double desk_contrast(uint32_t a, uint32_t b) {
    double ca[3] = {channel(a, 0), channel(a, 8), channel(a, 16)};
    double cb[3] = {channel(b, 0), channel(b, 8), channel(b, 16)};
    return ratio(ca, cb);
}

static void blend(double rgb[3], uint32_t rgba) {
    double a = channel(rgba, 24);
    for (int k = 0; k < 3; k++)
        rgb[k] = rgb[k] * (1 - a) + channel(rgba, 8 * k) * a;
}

/* Whether command k paints the point (x, y) (a frame: only its stroke). */
static int paints(const draw_cmd *c, double zoom, frect clip, double x, double y) {
    frect r = cut(cmd_rect(c, zoom), clip);
    if (!has_point(r, x, y)) return 0;
    if (c->kind != DRAW_FRAME) return 1;
    frect in = cmd_rect(c, zoom);
    double t = c->thick * zoom;
    in = (frect){in.x0 + t, in.y0 + t, in.x1 - t, in.y1 - t};
    return !has_point(in, x, y);
}

/* What is under the point (x, y) before command `upto`: its colour, or 1
 * when a picture shows there (no opaque fill over it since). */
static int backing(const draw_list *dl, const frect *clip, int upto, double zoom, double x,
                   double y, double rgb[3]) {
    int picture = 0;
    rgb[0] = rgb[1] = rgb[2] = 0;
    for (int k = 0; k < upto; k++) {
        const draw_cmd *c = &dl->cmd[k];
        if (c->kind == DRAW_TEXT || c->kind == DRAW_CLIP || !paints(c, zoom, clip[k], x, y))
            continue;
        if (c->kind == DRAW_TEX) {
            picture = 1;
            continue;
        }
        blend(rgb, c->rgba);
        if ((c->rgba >> 24) >= OPAQUE) picture = 0;
    }
    return picture;
}

/* The least contrast the text has with what is under it (9 points of each
 * line's ink); -1 when it stands on a picture. */
static double least_contrast(const draw_list *dl, const frect *clip, const vtext *t, double zoom) {
    const draw_cmd *c = &dl->cmd[t->cmd];
    double least = 1e9;
    for (int l = 0; l < t->n; l++) {
        const frect r = t->line[l];
        for (int p = 0; p < 9; p++) {
            double x = r.x0 + (r.x1 - r.x0) * (0.1 + 0.4 * (p % 3));
            double y = r.y0 + (r.y1 - r.y0) * (0.1 + 0.4 * (p / 3));
            double under[3], ink[3];
            if (backing(dl, clip, t->cmd, zoom, x, y, under)) return -1;
            memcpy(ink, under, sizeof ink);
            blend(ink, c->rgba);
            least = fmin(least, ratio(ink, under));
        }
    }
    return least;
}

/* ------------------------------------------------------------ faults */

typedef struct verifier {
    const draw_list *dl;
    double zoom;
    frect *clip;
    desk_fault_fn fn;
    void *ud;
    int faults;
} verifier;

#if defined(__GNUC__)
static void fault(verifier *v, int kind, const vtext *t, int other, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
#endif

static void fault(verifier *v, int kind, const vtext *t, int other, const char *fmt, ...) {
    desk_fault f = {.kind = kind, .cmd = t ? t->cmd : -1, .other = other};
    if (t && t->n) {
        f.ink[0] = (int)floor(t->all.x0), f.ink[1] = (int)floor(t->all.y0);
        f.ink[2] = (int)ceil(t->all.x1), f.ink[3] = (int)ceil(t->all.y1);
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f.what, sizeof f.what, fmt, ap);
    va_end(ap);
    v->faults++;
    if (v->fn) v->fn(v->ud, &f);
}

/* Whether an opaque fill after command `after` hides the rectangle r. */
static int hidden(const verifier *v, int after, frect r) {
    for (int k = after + 1; k < v->dl->n; k++) {
        const draw_cmd *c = &v->dl->cmd[k];
        if (c->kind == DRAW_FILL && (c->rgba >> 24) >= OPAQUE &&
            inside(r, cut(cmd_rect(c, v->zoom), v->clip[k])))
            return 1;
    }
    return 0;
}

/* A text's own faults: box, size, cut, place, contrast. */
static void check_text(verifier *v, const vtext *t) {
    const draw_cmd *c = &v->dl->cmd[t->cmd];
    const double z = v->zoom;
    int least = c->label ? DESK_TEXT_LABEL_PX : DESK_TEXT_MIN_PX;
    if (c->box.w <= 0) fault(v, DESK_FAULT_NO_BOX, t, -1, "it has no box (dl_box)");
    if (t->size < least)
        fault(v, DESK_FAULT_SMALL, t, -1, "drawn at %d px, below the smallest %d px", t->size,
              least);
    if (t->cut) fault(v, DESK_FAULT_CUT, t, -1, "cut short: it does not fit its place");
    if (c->box.w > 0 && t->n) {
        const desk_rect b = c->box;
        const int m = DESK_TEXT_MARGIN;
        frect in = {(b.x + m) * z, (b.y + m) * z, (b.x + b.w - m) * z, (b.y + b.h - m) * z};
        in = (frect){floor(in.x0), floor(in.y0), ceil(in.x1), ceil(in.y1)};
        if (!inside(t->all, in))
            fault(v, DESK_FAULT_OUTSIDE, t, -1,
                  "ink %.0f,%.0f-%.0f,%.0f leaves its box %d,%d %dx%d (less %d px)", t->all.x0,
                  t->all.y0, t->all.x1, t->all.y1, b.x, b.y, b.w, b.h, m);
    }
    if (!t->n) return;
    for (int k = t->cmd + 1; k < v->dl->n; k++) {
        const draw_cmd *p = &v->dl->cmd[k];
        if (p->kind != DRAW_TEX || p->tex == TEX_LOUPE || v->clip[k].x0 > NO_CLIP.x0) continue;
        for (int l = 0; l < t->n; l++)
            if (!empty(cut(t->line[l], cmd_rect(p, z))) &&
                !hidden(v, t->cmd, cut(t->line[l], cmd_rect(p, z)))) {
                fault(v, DESK_FAULT_COVERED, t, -1, "a picture drawn later lies over it");
                k = v->dl->n, l = t->n;
            }
    }
    double need = t->size >= 24 || (c->bold && t->size >= 19) ? 3.0 : 4.5;
    double k = least_contrast(v->dl, v->clip, t, z);
    if (k < 0)
        fault(v, DESK_FAULT_ON_PICTURE, t, -1, "drawn straight over a picture, with no backing");
    else if (k < need)
        fault(v, DESK_FAULT_FAINT, t, -1, "contrast %.1f:1 with what is under it, below %.1f:1", k,
              need);
}

/* Two texts whose ink meets where nothing drawn over the first hides it. */
static void check_pair(verifier *v, const vtext *a, const vtext *b) {
    if (empty(cut(a->all, b->all))) return;
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < b->n; j++) {
            frect r = cut(a->line[i], b->line[j]);
            if (empty(r) || hidden(v, a->cmd, r)) continue;
            fault(v, DESK_FAULT_OVERLAP, b, a->cmd, "over \"%.60s\" at %.0f,%.0f %.0fx%.0f",
                  v->dl->cmd[a->cmd].text, r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
            return;
        }
}

int desk_verify(const draw_list *dl, const doc_fonts *f, int rtl_ui, double zoom, desk_fault_fn fn,
                void *ud, bl_err *err) {
    verifier v = {dl, zoom, calloc((size_t)dl->n + 1, sizeof(frect)), fn, ud, 0};
    vtext *t = calloc((size_t)dl->n + 1, sizeof *t);
    int n = 0, rc = 0;
    if (!v.clip || !t) {
        rc = err_set(err, "out of memory");
        goto done;
    }
    clips(dl, zoom, v.clip);
    if (dl->n >= DRAW_MAX || dl->used >= (int)sizeof dl->strings - 2)
        fault(&v, DESK_FAULT_FULL, NULL, -1, "the draw list is full (%d commands, %d bytes)", dl->n,
              dl->used);
    for (int i = 0; i < dl->n; i++) {
        if (dl->cmd[i].kind != DRAW_TEXT) continue;
        if (measure(dl, i, f, rtl_ui, zoom, v.clip[i], &t[n], err) != 0) {
            rc = -1;
            goto done;
        }
        n++;
    }
    for (int i = 0; i < n; i++) {
        check_text(&v, &t[i]);
        for (int j = 0; j < i; j++)
            check_pair(&v, &t[j], &t[i]);
    }
done:
    for (int i = 0; i < n; i++)
        free(t[i].line);
    free(t);
    free(v.clip);
    return rc ? rc : v.faults;
}
