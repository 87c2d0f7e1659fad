/* doc.c - see doc.h. Painting order follows how a document is made: paper
 * (with fibres and watermark), offset background (guilloche, rainbow, labels,
 * microtext), invisible UV print, then personalisation (portrait, data, MRZ)
 * and intaglio, then laminate and embossing. Defects change one physical step. */
#include "doc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "face.h"
#include "mrz.h"
#include "rng.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* ---------------------------------------------------------------- fonts */

int doc_fonts_load(doc_fonts *f, const char *const paths[DOC_FONTS], int *bad, bl_err *err) {
    memset(f, 0, sizeof *f);
    text_font **slots[DOC_FONTS] = {&f->sans, &f->sans_bold, &f->ocrb, &f->arabic};
    for (int i = 0; i < DOC_FONTS; i++)
        if (!(*slots[i] = text_font_load(paths[i], err))) {
            doc_fonts_unload(f);
            if (bad) *bad = i;
            return err_prefix(err, "missing font");
        }
    return 0;
}

void doc_fonts_unload(doc_fonts *f) {
    text_font_destroy(f->sans);
    text_font_destroy(f->sans_bold);
    text_font_destroy(f->ocrb);
    text_font_destroy(f->arabic);
    memset(f, 0, sizeof *f);
}

/* --------------------------------------------------------------- holder */

typedef struct {
    const char *latin, *arabic;
} name_pair;

/* Fictional people only. Names with an Arabic-script form carry it; holders
 * of bilingual documents are drawn from those. */
static const name_pair surnames[] = {
    {"HALVARSEN", NULL},       {"MARENKO", NULL},        {"OLSTRAND", NULL},    {"VESSARI", NULL},
    {"DUMONTEL", NULL},        {"KARAVIS", NULL},        {"LINDQVAR", NULL},    {"ORSINEAU", NULL},
    {"QUENNEVAL", NULL},       {"TAZRIT", NULL},         {"BELLOUNI", "بلوني"}, {"HADDAD", "حداد"},
    {"MANSOUR", "منصور"},      {"KHALIL", "خليل"},       {"NASSER", "ناصر"},    {"SAMARA", "سمارة"},
    {"EL AMRANI", "العمراني"}, {"BEN SALEM", "بن سالم"}, {"KASMI", "قاسمي"},    {"ATTIA", "عطية"},
    {"YACOUBI", "يعقوبي"},     {"CHERIF", "شريف"},
};
static const name_pair given_f[] = {
    {"ANNA MARIA", NULL}, {"SOFIA", NULL},   {"INGRID", NULL},   {"CLAIRE", NULL},
    {"LEILA", "ليلى"},    {"NOUR", "نور"},   {"AMAL", "أمل"},    {"YASMINA", "ياسمينة"},
    {"FATIMA", "فاطمة"},  {"SALMA", "سلمى"}, {"MARIAM", "مريم"}, {"HUDA", "هدى"},
};
static const name_pair given_m[] = {
    {"PETER JOHN", NULL}, {"ANDERS", NULL},   {"LUCAS", NULL},     {"MATEO", NULL},
    {"KARIM", "كريم"},    {"SAMIR", "سمير"},  {"YOUSSEF", "يوسف"}, {"HAMZA", "حمزة"},
    {"OMAR", "عمر"},      {"KHALED", "خالد"}, {"TAREK", "طارق"},   {"RACHID", "رشيد"},
};
static const name_pair places[] = {
    {"CITADEL", NULL},          {"NORDHAVEN", NULL},
    {"SAINT-ILLE", NULL},       {"VALMORE", NULL},
    {"LINDOR", NULL},           {"OSTERBY", NULL},
    {"EL QASRA", "القصرة"},     {"WADI SAFRA", "وادي صفرة"},
    {"AIN ZARQA", "عين زرقاء"}, {"BIR NAJM", "بئر نجم"},
};

/* Draws a name pair, only among those with an Arabic form when `native`. */
static const name_pair *pick_name(rng *r, const name_pair *list, size_t n, int native) {
    for (;;) {
        const name_pair *p = &list[rng_below(r, (uint32_t)n)];
        if (!native || p->arabic) return p;
    }
}

static void copy(char *dst, size_t cap, const char *src) {
    size_t n = src ? strlen(src) : 0;
    if (n >= cap) n = cap - 1;
    if (n) memcpy(dst, src, n);
    dst[n] = '\0';
}

void doc_holder_generate(uint64_t seed, const tpl *t, bl_date today, doc_holder *h) {
    rng r;
    rng_init(&r, rng_derive(seed, "holder"));
    memset(h, 0, sizeof *h);
    int female = (int)rng_below(&r, 2);
    /* A bilingual template prints the Arabic-script name: its holders have one. */
    int native = tpl_field_of(t, "surname_native") != NULL;
    const name_pair *sn = pick_name(&r, surnames, sizeof surnames / sizeof surnames[0], native);
    const name_pair *gn = female
                              ? pick_name(&r, given_f, sizeof given_f / sizeof given_f[0], native)
                              : pick_name(&r, given_m, sizeof given_m / sizeof given_m[0], native);
    copy(h->surname, sizeof h->surname, sn->latin);
    copy(h->given_names, sizeof h->given_names, gn->latin);
    if (sn->arabic && gn->arabic) {
        copy(h->surname_native, sizeof h->surname_native, sn->arabic);
        copy(h->given_names_native, sizeof h->given_names_native, gn->arabic);
    }
    copy(h->sex, sizeof h->sex, female ? "F" : "M");
    copy(h->nationality, sizeof h->nationality, t->issuing_state);
    const name_pair *pl = pick_name(&r, places, sizeof places / sizeof places[0], native);
    copy(h->place_of_birth, sizeof h->place_of_birth, pl->latin);
    if (native) copy(h->place_of_birth_native, sizeof h->place_of_birth_native, pl->arabic);
    long now = date_to_days(today);
    int age = 18 + (int)rng_below(&r, 55);
    h->birth = date_from_days(now - (long)age * 365 - (long)rng_below(&r, 365));
    int valid_years = strcmp(t->kind, "passport") == 0 ? 10 : 5;
    if (strcmp(t->kind, "visa") == 0) {
        h->issue = date_from_days(now - (long)rng_below(&r, 60));
        h->expiry = date_from_days(date_to_days(h->issue) + 180);
        copy(h->visa_type, sizeof h->visa_type, rng_below(&r, 2) ? "C" : "D");
        copy(h->entries, sizeof h->entries, rng_below(&r, 2) ? "MULT" : "1");
        snprintf(h->duration, sizeof h->duration, "%d DAYS", 15 + 15 * (int)rng_below(&r, 6));
        /* The visa holder is a foreigner: another fictional state. */
        /* (QNV and QWH are in ISO 3166's user-assigned range: no real state.) */
        copy(h->nationality, sizeof h->nationality, rng_below(&r, 2) ? "QNV" : "QWH");
    } else {
        h->issue =
            date_from_days(now - 30 - (long)rng_below(&r, (unsigned)(valid_years * 365 - 60)));
        h->expiry = date_from_days(date_to_days(date_add_years(h->issue, valid_years)) - 1);
    }
    static const char alnum[] = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    h->document_number[0] = (char)('A' + rng_below(&r, 26));
    for (int i = 1; i < 9; i++)
        h->document_number[i] = alnum[rng_below(&r, sizeof alnum - 1)];
    h->document_number[9] = '\0';
    for (int i = 0; i < 9; i++)
        h->personal_number[i] = (char)('0' + rng_below(&r, 10));
    h->personal_number[9] = '\0';
    copy(h->authority, sizeof h->authority, "MINISTRY OF INTERIOR");
    h->face_seed = rng_u64(&r);
}

/* -------------------------------------------------------- painting kit */

typedef struct {
    matbuf *mb;
    mb_layer layer;
    int ink;
    int relief;  /* added to the relief plane under the glyph (intaglio) */
    double gain; /* coverage multiplier */
} plot_ctx;

static void plot_cb(void *ud, int x, int y, int cov) {
    plot_ctx *p = ud;
    int c = (int)(cov * p->gain);
    matbuf_paint(p->mb, p->layer, x, y, p->ink, c);
    if (p->relief && x >= 0 && y >= 0 && x < p->mb->w && y < p->mb->h) {
        uint8_t *r = &p->mb->relief[(size_t)y * p->mb->w + x];
        int v = *r + p->relief * cov / 255;
        *r = (uint8_t)(v > 255 ? 255 : v);
    }
}

typedef struct {
    int x, y, w, h;
} irect;

static irect px_rect(const matbuf *mb, tpl_rect r) {
    irect o;
    o.x = (int)floor(r.x * mb->px_per_mm);
    o.y = (int)floor(r.y * mb->px_per_mm);
    o.w = (int)ceil((r.x + r.w) * mb->px_per_mm) - o.x;
    o.h = (int)ceil((r.y + r.h) * mb->px_per_mm) - o.y;
    /* Regions are reported in image pixels: keep them on the image. */
    if (o.x < 0) o.w += o.x, o.x = 0;
    if (o.y < 0) o.h += o.y, o.y = 0;
    if (o.x + o.w > mb->w) o.w = mb->w - o.x;
    if (o.y + o.h > mb->h) o.h = mb->h - o.y;
    if (o.w < 0) o.w = 0;
    if (o.h < 0) o.h = 0;
    return o;
}

static int ink_of(matbuf *mb, const char *id, bl_err *err) {
    const mat_ink *k = mat_ink_find(id);
    if (!k) return err_set(err, "unknown ink \"%s\"", id);
    int i = matbuf_ink(mb, k);
    if (i < 0) return err_set(err, "too many inks on one document (at most %d)", MATBUF_MAX_INKS);
    return i;
}

/* Draws a line of text (already shaped) into a layer; returns its width in px. */
static double draw_text_aligned(matbuf *mb, const doc_fonts *fonts, const text_font *font,
                                const char *s, double x_mm, double y_mm, double size_mm,
                                mb_layer layer, int ink, int relief, int align_right, bl_err *err) {
    text_style st = {font, fonts->arabic, size_mm * mb->px_per_mm, 0, 0};
    plot_ctx p = {mb, layer, ink, relief, 1.0};
    text_layout lay;
    if (text_layout_make(&st, s, &lay, err) != 0) return -1;
    double x = x_mm * mb->px_per_mm - (align_right ? lay.width : 0);
    text_layout_draw(&lay, x, y_mm * mb->px_per_mm, plot_cb, &p);
    double w = lay.width;
    text_layout_free(&lay);
    return w;
}

static double draw_text(matbuf *mb, const doc_fonts *fonts, const text_font *font, const char *s,
                        double x_mm, double y_mm, double size_mm, mb_layer layer, int ink,
                        int relief, bl_err *err) {
    return draw_text_aligned(mb, fonts, font, s, x_mm, y_mm, size_mm, layer, ink, relief, 0, err);
}

/* Soft-edged coverage (0..1) from a signed distance in pixels. */
static double edge(double d) {
    return d <= -0.5 ? 1.0 : d >= 0.5 ? 0.0 : 0.5 - d;
}

/* The state emblem: a ring, a sun of `rays` rays and a central disc.
 * Returns coverage 0..1 at (dx, dy) pixels from the centre, radius r px. */
static double emblem_cov(double dx, double dy, double r, int rays, int ring) {
    double d = sqrt(dx * dx + dy * dy);
    double c = 0;
    if (ring) c = fmax(c, edge(fabs(d - 0.9 * r) - 0.05 * r));
    c = fmax(c, edge(d - 0.28 * r));
    if (d > 0.35 * r && d < 0.78 * r) {
        double a = atan2(dy, dx) * rays / (2 * M_PI);
        double f = fabs(a - floor(a) - 0.5) * 2; /* 0 at ray centre, 1 between rays */
        double halfw = 0.45 * (0.78 * r - d) / (0.43 * r);
        c = fmax(c, edge((f - halfw) * d * 2 * M_PI / rays));
    }
    return c;
}

/* Paints a thick polyline segment as round-capped strokes. */
static void paint_segment(matbuf *mb, mb_layer l, int ink, double x0, double y0, double x1,
                          double y1, double width, double gain) {
    int bx0 = (int)floor(fmin(x0, x1) - width), bx1 = (int)ceil(fmax(x0, x1) + width);
    int by0 = (int)floor(fmin(y0, y1) - width), by1 = (int)ceil(fmax(y0, y1) + width);
    double vx = x1 - x0, vy = y1 - y0, len2 = vx * vx + vy * vy;
    for (int y = by0; y <= by1; y++)
        for (int x = bx0; x <= bx1; x++) {
            double px = x + 0.5 - x0, py = y + 0.5 - y0;
            double t = len2 > 0 ? (px * vx + py * vy) / len2 : 0;
            t = t < 0 ? 0 : t > 1 ? 1 : t;
            double dx = px - t * vx, dy = py - t * vy;
            double c = edge(sqrt(dx * dx + dy * dy) - width * 0.5);
            if (c > 0) matbuf_paint(mb, l, x, y, ink, (int)(c * 255 * gain));
        }
}

static int has(const doc_spec *s, defect_kind k) {
    return (s->defects >> k) & 1u;
}

/* --------------------------------------------------------- truth items */

static void add_item(doc_item *items, int *n, int max, const char *id, const char *kind, irect r,
                     light_set lights) {
    if (*n >= max) return;
    doc_item *it = &items[(*n)++];
    copy(it->id, sizeof it->id, id);
    copy(it->kind, sizeof it->kind, kind);
    it->x = r.x, it->y = r.y, it->w = r.w, it->h = r.h;
    it->lights = lights;
}

typedef struct {
    bl_image *img;
} cover_text_ctx;

static void cover_plot(void *ud, int x, int y, int cov) {
    cover_text_ctx *c = ud;
    image_blend_pixel(c->img, x, y, 0xFF5CB2D6u, cov); /* gold, 0xAABBGGRR */
}

/* ----------------------------------------------------- feature painters */

typedef struct {
    const doc_spec *spec;
    const tpl *t;
    const doc_fonts *fonts;
    matbuf *mb;
    doc_truth *truth;
    bl_err *err;
    rng r;
} build;

/* Paper: substrate in each piece, rounded corners, watermark as thickness. */
static int paint_paper(build *b) {
    matbuf *mb = b->mb;
    const char *sid = has(b->spec, DEFECT_COUNTERFEIT_PAPER) ? "plain_paper" : b->t->substrate;
    int sub = matbuf_substrate(mb, mat_substrate_find(sid));
    double rad = b->t->corner_mm * mb->px_per_mm;
    for (int k = 0; k < b->t->n_pieces; k++) {
        irect r = px_rect(mb, b->t->pieces[k]);
        double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5;
        for (int y = r.y; y < r.y + r.h; y++)
            for (int x = r.x; x < r.x + r.w; x++) {
                if (x < 0 || y < 0 || x >= mb->w || y >= mb->h) continue;
                /* Inside a rounded rectangle: distance to its corner arcs. */
                double qx = fabs(x + 0.5 - cx) - (r.w * 0.5 - rad);
                double qy = fabs(y + 0.5 - cy) - (r.h * 0.5 - rad);
                double d = sqrt(fmax(qx, 0) * fmax(qx, 0) + fmax(qy, 0) * fmax(qy, 0)) - rad;
                if (d < 0) mb->sub[(size_t)y * mb->w + x] = (uint8_t)sub;
            }
    }
    return 0;
}

static int paint_watermark(build *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = px_rect(mb, f->r);
    double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5, rad = fmin(r.w, r.h) * 0.5;
    int printed = has(b->spec, DEFECT_PRINTED_WATERMARK);
    int ink = printed ? ink_of(mb, "watermark_print", b->err) : 0;
    if (ink < 0) return -1;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            if (x < 0 || y < 0 || x >= mb->w || y >= mb->h) continue;
            double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
            /* Multitone: the emblem is thinner paper (light), a halo thicker (dark). */
            double e = emblem_cov(dx, dy, rad * 0.8, 12, 1);
            double halo = exp(-pow(sqrt(dx * dx + dy * dy) / (rad * 0.95), 6));
            if (printed) {
                /* The forger's extra pass, over the offset print (the UV layer
                 * is the second print pass; it keeps the offset labels intact). */
                matbuf_paint(mb, LAYER_UV, x, y, ink, (int)(e * 90));
            } else {
                double t = 128 + 34 * halo - 60 * e;
                mb->thick[(size_t)y * mb->w + x] = (uint8_t)(t < 0 ? 0 : t > 255 ? 255 : t);
            }
        }
    add_item(b->truth->features, &b->truth->n_features, DOC_MAX_ITEMS, f->id, f->kind, r,
             LIGHT_BIT(LIGHT_TRANSMITTED));
    if (printed)
        add_item(b->truth->defects, &b->truth->n_defects, DEFECT_COUNT, "printed_watermark",
                 "printed_watermark", r, defect_get(DEFECT_PRINTED_WATERMARK)->lights);
    return 0;
}

/* Fibres are in the paper, not printed on it: each fibre colour is a variant
 * of the document's paper (faintly tinted in white light, glowing at 365 nm),
 * so UV printing over a fibre does not disturb it and vice versa. */
static int paint_fibres(build *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = px_rect(mb, f->r);
    if (has(b->spec, DEFECT_FIBRES_MISSING)) {
        add_item(b->truth->defects, &b->truth->n_defects, DEFECT_COUNT, "fibres_missing",
                 "fibres_missing", r, defect_get(DEFECT_FIBRES_MISSING)->lights);
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
                    if (X < 0 || Y < 0 || X >= mb->w || Y >= mb->h) continue;
                    uint8_t *sp = &mb->sub[(size_t)Y * mb->w + X];
                    if (*sp == paper) *sp = (uint8_t)sub;
                }
        }
    }
    add_item(b->truth->features, &b->truth->n_features, DOC_MAX_ITEMS, f->id, f->kind, r,
             LIGHT_BIT(LIGHT_UV));
    return 0;
}

/* Guilloche: two families of fine wavy lines and a rosette, printed in a
 * split-fountain rainbow. A halftone counterfeit reproduces the same tone as
 * a dot screen, which the loupe shows as dots instead of lines. */
static int paint_guilloche(build *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = px_rect(mb, f->r);
    enum { STEPS = 12 };
    int inks[STEPS];
    const tpl_feature *rainbow = tpl_feature_of(b->t, "rainbow");
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
        if ((inks[i] = matbuf_ink(mb, &k)) < 0) return err_set(b->err, "too many inks");
    }
    int halftone = has(b->spec, DEFECT_HALFTONE_PRINT);
    double ppm = mb->px_per_mm;
    double lw = 0.09;                       /* line width, mm */
    double pitch = 0.55, amp = 0.9, wl = 9; /* line family geometry, mm */
    double rcx = b->t->w_mm * 0.62, rcy = b->t->h_mm * 0.45;
    double screen = 0.17; /* 150 lpi dot screen for the counterfeit */
    /* The wave terms depend on x only: compute them once per column. */
    double *wave = malloc(sizeof(double) * 2 * (size_t)(r.w > 0 ? r.w : 1));
    if (!wave) return err_set(b->err, "out of memory for the guilloche");
    for (int x = r.x; x < r.x + r.w; x++) {
        double xm = (x + 0.5) / ppm;
        wave[2 * (x - r.x)] = amp * sin(2 * M_PI * xm / wl);
        wave[2 * (x - r.x) + 1] = amp * sin(2 * M_PI * xm / (wl * 1.37) + 1.3);
    }
    const double rose_r = 30; /* mm */
    for (int y = r.y; y < r.y + r.h; y++) {
        if (y < 0 || y >= mb->h) continue;
        double ym = (y + 0.5) / ppm;
        for (int x = r.x; x < r.x + r.w; x++) {
            if (x < 0 || x >= mb->w) continue;
            if (mb->sub[(size_t)y * mb->w + x] == 0) continue;
            double xm = (x + 0.5) / ppm;
            double c = 0;
            if (!halftone) {
                double t1 = ym / pitch + wave[2 * (x - r.x)];
                double d1 = fabs(t1 - floor(t1 + 0.5)) * pitch;
                double t2 = ym / pitch - wave[2 * (x - r.x) + 1];
                double d2 = fabs(t2 - floor(t2 + 0.5)) * pitch;
                double d = fmin(d1, d2);
                double dx = xm - rcx, dy = ym - rcy;
                if (fabs(dx) < rose_r && fabs(dy) < rose_r) {
                    double rr = sqrt(dx * dx + dy * dy);
                    if (rr < rose_r) {
                        double t3 = rr / (pitch * 1.4) + 0.8 * sin(9 * atan2(dy, dx));
                        d = fmin(d, fabs(t3 - floor(t3 + 0.5)) * pitch * 1.4);
                    }
                }
                c = edge((d - lw * 0.5) * ppm);
            } else {
                /* Same average tone (three families of width lw at the pitch). */
                double tone = fmin(0.55, 2.2 * lw / pitch);
                double u = (xm + ym) / (screen * 1.4142), v = (xm - ym) / (screen * 1.4142);
                double fu = u - floor(u) - 0.5, fv = v - floor(v) - 0.5;
                double dd = sqrt(fu * fu + fv * fv) * screen;
                double rad = sqrt(tone / M_PI) * screen;
                c = edge((dd - rad) * ppm);
            }
            if (c <= 0) continue;
            int band = (int)(xm / b->t->w_mm * STEPS);
            band = band < 0 ? 0 : band >= STEPS ? STEPS - 1 : band;
            matbuf_paint(mb, LAYER_BG, x, y, inks[band], (int)(c * 255));
        }
    }
    free(wave);
    add_item(b->truth->features, &b->truth->n_features, DOC_MAX_ITEMS, f->id, f->kind, r,
             LIGHT_BIT(LIGHT_VISIBLE));
    if (rainbow)
        add_item(b->truth->features, &b->truth->n_features, DOC_MAX_ITEMS, rainbow->id,
                 rainbow->kind, px_rect(mb, rainbow->r), LIGHT_BIT(LIGHT_VISIBLE));
    if (halftone)
        add_item(b->truth->defects, &b->truth->n_defects, DEFECT_COUNT, "halftone_print",
                 "halftone_print", r, defect_get(DEFECT_HALFTONE_PRINT)->lights);
    return 0;
}

static int paint_microtext(build *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = px_rect(mb, f->r);
    int ink = ink_of(mb, f->ink[0] ? f->ink : "offset_navy", b->err);
    if (ink < 0) return -1;
    double hmm = f->param > 0 ? f->param : 0.4;
    if (has(b->spec, DEFECT_MICROTEXT_MISSING)) {
        /* What a copier makes of microtext: a plain line. */
        double yc = r.y + r.h * 0.5;
        paint_segment(mb, LAYER_BG, ink, r.x, yc, r.x + r.w, yc, hmm * 0.45 * mb->px_per_mm, 0.9);
        add_item(b->truth->defects, &b->truth->n_defects, DEFECT_COUNT, "microtext_missing",
                 "microtext_missing", r, defect_get(DEFECT_MICROTEXT_MISSING)->lights);
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
        int blur = has(b->spec, DEFECT_MICROTEXT_BLURRED);
        plot_ctx p = {mb, LAYER_BG, ink, 0, blur ? 0.55 : 1.0};
        /* clip: only glyphs wholly inside */
        int keep = 0;
        while (keep < lay.n && lay.g[keep].x < f->r.w * mb->px_per_mm - st.size_px)
            keep++;
        lay.n = keep;
        if (!blur) {
            text_layout_draw(&lay, x * mb->px_per_mm, base * mb->px_per_mm, plot_cb, &p);
        } else {
            /* A copy of a copy: the strokes spread into each other. Draw the
             * line several times offset by a fraction of a stroke. */
            double s = hmm * 0.18 * mb->px_per_mm;
            for (int k = 0; k < 9; k++)
                text_layout_draw(&lay, x * mb->px_per_mm + (k % 3 - 1) * s,
                                 base * mb->px_per_mm + (k / 3 - 1) * s, plot_cb, &p);
            add_item(b->truth->defects, &b->truth->n_defects, DEFECT_COUNT, "microtext_blurred",
                     "microtext_blurred", r, defect_get(DEFECT_MICROTEXT_BLURRED)->lights);
        }
        text_layout_free(&lay);
    }
    add_item(b->truth->features, &b->truth->n_features, DOC_MAX_ITEMS, f->id, f->kind, r,
             LIGHT_BIT(LIGHT_VISIBLE));
    return 0;
}

static int paint_uv_emblem(build *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = px_rect(mb, f->r);
    add_item(b->truth->features, &b->truth->n_features, DOC_MAX_ITEMS, f->id, f->kind, r,
             LIGHT_BIT(LIGHT_UV));
    if (has(b->spec, DEFECT_UV_EMBLEM_MISSING)) {
        add_item(b->truth->defects, &b->truth->n_defects, DEFECT_COUNT, "uv_emblem_missing",
                 "uv_emblem_missing", r, defect_get(DEFECT_UV_EMBLEM_MISSING)->lights);
        return 0;
    }
    int wrong = has(b->spec, DEFECT_UV_EMBLEM_WRONG);
    int ink = ink_of(mb, wrong ? "uv_blue" : (f->ink[0] ? f->ink : "uv_yellow"), b->err);
    if (ink < 0) return -1;
    double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5, rad = fmin(r.w, r.h) * 0.5;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            double c = wrong ? emblem_cov(x + 0.5 - cx, y + 0.5 - cy, rad * 0.85, 8, 0)
                             : emblem_cov(x + 0.5 - cx, y + 0.5 - cy, rad, 12, 1);
            if (c > 0) matbuf_paint(mb, LAYER_UV, x, y, ink, (int)(c * 255));
        }
    if (wrong)
        add_item(b->truth->defects, &b->truth->n_defects, DEFECT_COUNT, "uv_emblem_wrong",
                 "uv_emblem_wrong", r, defect_get(DEFECT_UV_EMBLEM_WRONG)->lights);
    return 0;
}

static int paint_see_through(build *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = px_rect(mb, f->r);
    int ink = ink_of(mb, "offset_navy", b->err);
    if (ink < 0) return -1;
    mb->back_ink = (uint8_t)ink;
    double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5, rad = fmin(r.w, r.h) * 0.5;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            if (x < 0 || y < 0 || x >= mb->w || y >= mb->h) continue;
            double c = emblem_cov(x + 0.5 - cx, y + 0.5 - cy, rad, 6, 1);
            if (c <= 0) continue;
            /* Front: the left half; back: the right half. Only light from
             * behind shows both as one emblem. */
            if (x + 0.5 < cx)
                matbuf_paint(mb, LAYER_BG, x, y, ink, (int)(c * 230));
            else
                mb->back[(size_t)y * mb->w + x] = (uint8_t)(c * 230);
        }
    add_item(b->truth->features, &b->truth->n_features, DOC_MAX_ITEMS, f->id, f->kind, r,
             LIGHT_BIT(LIGHT_TRANSMITTED));
    return 0;
}

static int paint_metameric(build *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = px_rect(mb, f->r);
    int mism = has(b->spec, DEFECT_METAMERIC_MISMATCH);
    int ka = ink_of(mb, mism ? "metamer_b" : "metamer_a", b->err);
    int kb = ink_of(mb, "metamer_b", b->err);
    if (ka < 0 || kb < 0) return -1;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++)
            matbuf_set(mb, LAYER_BG, x, y, kb, 255);
    /* The hidden message, in the twin ink: the same colour in white light. */
    double size = f->r.h * 0.62;
    plot_ctx p = {mb, LAYER_BG, ka, 0, 1.0};
    text_style st = {b->fonts->sans_bold, NULL, size * mb->px_per_mm, 0, 0};
    text_layout lay;
    if (text_layout_make(&st, f->text[0] ? f->text : b->t->issuing_state, &lay, b->err) != 0)
        return -1;
    double x0 = r.x + (r.w - lay.width) * 0.5, base = r.y + r.h * 0.5 + size * 0.36 * mb->px_per_mm;
    /* Paint the message with matbuf_set semantics: it replaces the patch ink. */
    for (int pass = 0; pass < 1; pass++)
        text_layout_draw(&lay, x0, base, plot_cb, &p);
    text_layout_free(&lay);
    add_item(b->truth->features, &b->truth->n_features, DOC_MAX_ITEMS, f->id, f->kind, r,
             LIGHT_BIT(LIGHT_IR));
    if (mism)
        add_item(b->truth->defects, &b->truth->n_defects, DEFECT_COUNT, "metameric_mismatch",
                 "metameric_mismatch", r, defect_get(DEFECT_METAMERIC_MISMATCH)->lights);
    return 0;
}

/* Intaglio emblem: raised ink; a counterfeit prints the same colour flat. */
static int paint_intaglio(build *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = px_rect(mb, f->r);
    int ink = ink_of(mb, f->ink[0] ? f->ink : "intaglio_blue", b->err);
    if (ink < 0) return -1;
    int relief = has(b->spec, DEFECT_INTAGLIO_MISSING) ? 0 : 170;
    double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5, rad = fmin(r.w, r.h) * 0.5;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            if (x < 0 || y < 0 || x >= mb->w || y >= mb->h) continue;
            double c = emblem_cov(x + 0.5 - cx, y + 0.5 - cy, rad, 12, 1);
            if (c <= 0) continue;
            matbuf_paint(mb, LAYER_FG, x, y, ink, (int)(c * 255));
            uint8_t *rl = &mb->relief[(size_t)y * mb->w + x];
            *rl = (uint8_t)fmax(*rl, c * relief);
        }
    add_item(b->truth->features, &b->truth->n_features, DOC_MAX_ITEMS, f->id, f->kind, r,
             LIGHT_BIT(LIGHT_OBLIQUE) | LIGHT_BIT(LIGHT_VISIBLE));
    if (!relief)
        add_item(b->truth->defects, &b->truth->n_defects, DEFECT_COUNT, "intaglio_missing",
                 "intaglio_missing", r, defect_get(DEFECT_INTAGLIO_MISSING)->lights);
    return 0;
}

/* Dry seal: relief only, no ink. */
static int paint_emboss(build *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = px_rect(mb, f->r);
    double cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5, rad = fmin(r.w, r.h) * 0.5;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            if (x < 0 || y < 0 || x >= mb->w || y >= mb->h) continue;
            double c = emblem_cov(x + 0.5 - cx, y + 0.5 - cy, rad, 16, 1);
            uint8_t *rl = &mb->relief[(size_t)y * mb->w + x];
            *rl = (uint8_t)fmax(*rl, c * 110);
        }
    add_item(b->truth->features, &b->truth->n_features, DOC_MAX_ITEMS, f->id, f->kind, r,
             LIGHT_BIT(LIGHT_OBLIQUE));
    return 0;
}

/* Portrait and ghost image. Genuine: laser-engraved greyscale (carbon, dark in
 * IR). Substituted: another person's colour photograph on photo paper, glued
 * in under a new laminate whose edge stands up under raking light. */
static int paint_portrait(build *b, irect r, int ghost, int substituted) {
    matbuf *mb = b->mb;
    if (r.w <= 0 || r.h <= 0) return 0;
    face_params fp;
    if (ghost) { /* the ghost image keeps the holder's true face */
        doc_spec genuine = *b->spec;
        genuine.defects = 0;
        doc_portrait_face(&genuine, &b->truth->holder, &fp);
    } else {
        doc_portrait_face(b->spec, &b->truth->holder, &fp);
    }
    uint8_t *px = malloc((size_t)r.w * (size_t)r.h * 4);
    if (!px) return err_set(b->err, "out of memory for the portrait");
    face_render(&fp, px, r.w, r.h, r.w * 4, !(substituted && !ghost));
    if (substituted && !ghost) {
        int photo_sub = matbuf_substrate(mb, mat_substrate_find("photo_paper"));
        /* Dye photo: a few sepia-ish tones of an IR-transparent ink. */
        static const char *ids[4] = {"photo_dye_0", "photo_dye_1", "photo_dye_2", "photo_dye_3"};
        int inks[4];
        for (int k = 0; k < 4; k++) {
            mat_ink ink = mat_ink_process(ids[k], (uint8_t)(150 - 30 * k), (uint8_t)(110 - 25 * k),
                                          (uint8_t)(95 - 22 * k));
            ink.ir_abs = 0;
            if ((inks[k] = matbuf_ink(mb, &ink)) < 0) {
                free(px);
                return err_set(b->err, "too many inks");
            }
        }
        for (int y = 0; y < r.h; y++)
            for (int x = 0; x < r.w; x++) {
                int X = r.x + x, Y = r.y + y;
                if (X < 0 || Y < 0 || X >= mb->w || Y >= mb->h) continue;
                const uint8_t *p = px + ((size_t)y * r.w + x) * 4;
                int lum = (p[0] * 3 + p[1] * 5 + p[2] * 2) / 10;
                size_t i = (size_t)Y * mb->w + X;
                mb->sub[i] = (uint8_t)photo_sub;
                /* the photo covers whatever was printed on the page there */
                mb->cov[LAYER_BG][i] = mb->ink[LAYER_BG][i] = 0;
                mb->cov[LAYER_UV][i] = mb->ink[LAYER_UV][i] = 0;
                int k = p[0] > p[2] + 25 ? 0 : lum > 150 ? 1 : lum > 90 ? 2 : 3;
                matbuf_set(mb, LAYER_FG, X, Y, inks[k], 255 - lum);
            }
        /* The new laminate's edge: a ridge around the photo. */
        int ridge = (int)fmax(1, 0.25 * mb->px_per_mm);
        for (int y = r.y - ridge; y < r.y + r.h + ridge; y++)
            for (int x = r.x - ridge; x < r.x + r.w + ridge; x++) {
                if (x < 0 || y < 0 || x >= mb->w || y >= mb->h) continue;
                int inside = x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
                int din = inside ? fmin(fmin(x - r.x, r.x + r.w - 1 - x),
                                        fmin(y - r.y, r.y + r.h - 1 - y))
                                 : 0;
                if (!inside || din < ridge) mb->relief[(size_t)y * mb->w + x] = 120;
            }
    } else {
        int ink = ink_of(mb, ghost ? "ghost_grey" : "laser_black", b->err);
        if (ink < 0) {
            free(px);
            return -1;
        }
        for (int y = 0; y < r.h; y++)
            for (int x = 0; x < r.w; x++) {
                const uint8_t *p = px + ((size_t)y * r.w + x) * 4;
                int dark = 255 - p[0];
                if (ghost) dark = dark * 45 / 100; /* low contrast */
                matbuf_set(mb, LAYER_FG, r.x + x, r.y + y, ink, dark);
            }
    }
    free(px);
    return 0;
}

void doc_portrait_face(const doc_spec *spec, const doc_holder *h, face_params *out) {
    face_from_seed(h->face_seed, out);
    if (h->sex[0] == 'F') out->beard = 0;
    if (h->sex[0] == 'M' && out->hair_style == 3) out->hair_style = 0; /* no headscarf */
    /* A substituted photo shows a lookalike, not the holder. */
    if (has(spec, DEFECT_PHOTO_SUBSTITUTION)) face_vary(out, spec->seed ^ 0xFACEu, 0.8);
}

void doc_holder_share(doc_holder *h, const doc_holder *from, const char *passport_state) {
    copy(h->surname, sizeof h->surname, from->surname);
    copy(h->given_names, sizeof h->given_names, from->given_names);
    copy(h->surname_native, sizeof h->surname_native, from->surname_native);
    copy(h->given_names_native, sizeof h->given_names_native, from->given_names_native);
    copy(h->place_of_birth, sizeof h->place_of_birth, from->place_of_birth);
    copy(h->place_of_birth_native, sizeof h->place_of_birth_native, from->place_of_birth_native);
    copy(h->sex, sizeof h->sex, from->sex);
    copy(h->nationality, sizeof h->nationality,
         passport_state ? passport_state : from->nationality);
    h->birth = from->birth;
    h->face_seed = from->face_seed;
}

int doc_cover_render(const tpl *t, const doc_fonts *fonts, int w, int h, bl_image *out,
                     bl_err *err) {
    if (image_init(out, w, h, err) != 0) return -1;
    /* a colour per state, from its code: burgundy, green, navy, ... */
    static const uint32_t covers[4] = {0x2A1C6Eu, 0x2E5A2Au, 0x5C2E1Eu, 0x1E3A5Cu};
    unsigned hsh = 0;
    for (const char *c = t->issuing_state; *c; c++)
        hsh = hsh * 31u + (unsigned char)*c;
    uint32_t col = covers[hsh % 4];
    double rad = fmin(w, h) * 0.04;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            uint8_t *p = out->px + ((size_t)y * w + x) * 4;
            double qx = fabs(x + 0.5 - w * 0.5) - (w * 0.5 - rad),
                   qy = fabs(y + 0.5 - h * 0.5) - (h * 0.5 - rad);
            double d = sqrt(fmax(qx, 0) * fmax(qx, 0) + fmax(qy, 0) * fmax(qy, 0)) - rad;
            double a = edge(d);
            double grain = 0.92 + 0.08 * sin(x * 1.7 + y * 2.3) * cos(y * 0.9);
            p[0] = (uint8_t)(((col >> 16) & 255) * grain);
            p[1] = (uint8_t)(((col >> 8) & 255) * grain);
            p[2] = (uint8_t)((col & 255) * grain);
            p[3] = (uint8_t)(255 * a);
            double e = emblem_cov(x + 0.5 - w * 0.5, y + 0.5 - h * 0.48, fmin(w, h) * 0.2, 12, 1);
            if (e > 0) { /* gold foil */
                p[0] = (uint8_t)(p[0] + (214 - p[0]) * e);
                p[1] = (uint8_t)(p[1] + (178 - p[1]) * e);
                p[2] = (uint8_t)(p[2] + (92 - p[2]) * e);
            }
        }
    const char *lines[2] = {t->state_name, "PASSPORT"};
    for (int i = 0; i < 2; i++) {
        text_style st = {fonts->sans_bold, fonts->arabic, h * (i ? 0.06 : 0.07), h * 0.004, 0};
        text_layout lay;
        if (text_layout_make(&st, lines[i], &lay, err) != 0) return -1;
        double x0 = (w - lay.width) * 0.5, y0 = i ? h * 0.86 : h * 0.16;
        cover_text_ctx c = {out};
        text_layout_draw(&lay, x0, y0, cover_plot, &c);
        text_layout_free(&lay);
    }
    return 0;
}

/* A band of fluorescent waves over the photo's corner: a substituted photo
 * interrupts it at the photo's edge. */
static int paint_uv_overprint(build *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = px_rect(mb, f->r);
    int ink = ink_of(mb, f->ink[0] ? f->ink : "uv_green", b->err);
    if (ink < 0) return -1;
    double ppm = mb->px_per_mm;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            double xm = (x + 0.5) / ppm - f->r.x, ym = (y + 0.5) / ppm - f->r.y;
            double t = (ym + 1.2 * sin(xm * 0.8)) / 1.6;
            double d = fabs(t - floor(t + 0.5)) * 1.6;
            double c = edge((d - 0.22) * ppm);
            if (c > 0) matbuf_paint(mb, LAYER_UV, x, y, ink, (int)(c * 255));
        }
    add_item(b->truth->features, &b->truth->n_features, DOC_MAX_ITEMS, f->id, f->kind, r,
             LIGHT_BIT(LIGHT_UV));
    return 0;
}

static int paint_signature(build *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = px_rect(mb, f->r);
    int ink = ink_of(mb, f->ink[0] ? f->ink : "pen_blue", b->err);
    if (ink < 0) return -1;
    rng sr;
    rng_init(&sr, rng_derive(b->truth->holder.face_seed, "signature"));
    double x = r.x + r.w * 0.08, y = r.y + r.h * 0.6, w = fmax(1, 0.3 * mb->px_per_mm);
    double vx = 0, vy = 0;
    int steps = 90;
    for (int i = 0; i < steps; i++) {
        vx = vx * 0.7 + rng_range(&sr, -0.2, 1.0) * r.w * 0.02;
        vy = vy * 0.7 + rng_range(&sr, -1, 1) * r.h * 0.12;
        double nx = x + vx, ny = y + vy;
        ny = fmax(r.y + r.h * 0.15, fmin(r.y + r.h * 0.9, ny));
        nx = fmin(r.x + r.w * 0.95, nx);
        paint_segment(mb, LAYER_FG, ink, x, y, nx, ny, w, 1.0);
        x = nx, y = ny;
    }
    add_item(b->truth->features, &b->truth->n_features, DOC_MAX_ITEMS, f->id, f->kind, r,
             LIGHT_BIT(LIGHT_VISIBLE));
    return 0;
}

/* ------------------------------------------------------------- data */

/* The text printed for a field in the visual zone. */
static void field_value(const doc_holder *h, const tpl *t, const char *key, char *out, size_t cap) {
    out[0] = '\0';
    if (!strcmp(key, "document_code"))
        copy(out, cap, t->document_code);
    else if (!strcmp(key, "issuing_state"))
        copy(out, cap, t->issuing_state);
    else if (!strcmp(key, "document_number"))
        copy(out, cap, h->document_number);
    else if (!strcmp(key, "surname"))
        copy(out, cap, h->surname);
    else if (!strcmp(key, "given_names"))
        copy(out, cap, h->given_names);
    else if (!strcmp(key, "surname_native"))
        copy(out, cap, h->surname_native);
    else if (!strcmp(key, "given_names_native"))
        copy(out, cap, h->given_names_native);
    else if (!strcmp(key, "nationality"))
        copy(out, cap,
             !strcmp(h->nationality, t->issuing_state) && t->nationality_name[0]
                 ? t->nationality_name
                 : h->nationality);
    else if (!strcmp(key, "birth_date"))
        date_display(h->birth, out, (unsigned)cap);
    else if (!strcmp(key, "sex"))
        copy(out, cap, h->sex);
    else if (!strcmp(key, "place_of_birth"))
        copy(out, cap, h->place_of_birth);
    else if (!strcmp(key, "place_of_birth_native"))
        copy(out, cap, h->place_of_birth_native);
    else if (!strcmp(key, "issue_date") || !strcmp(key, "valid_from"))
        date_display(h->issue, out, (unsigned)cap);
    else if (!strcmp(key, "expiry_date"))
        date_display(h->expiry, out, (unsigned)cap);
    else if (!strcmp(key, "authority"))
        copy(out, cap, h->authority);
    else if (!strcmp(key, "personal_number"))
        copy(out, cap, h->personal_number);
    else if (!strcmp(key, "visa_type"))
        copy(out, cap, h->visa_type);
    else if (!strcmp(key, "entries"))
        copy(out, cap, h->entries);
    else if (!strcmp(key, "duration"))
        copy(out, cap, h->duration);
}

static int make_mrz(build *b, const doc_holder *h, char lines[3][48], int *n) {
    mrz_fields f;
    memset(&f, 0, sizeof f);
    copy(f.document_code, sizeof f.document_code, b->t->document_code);
    copy(f.issuing_state, sizeof f.issuing_state, b->t->issuing_state);
    copy(f.document_number, sizeof f.document_number, h->document_number);
    copy(f.nationality, sizeof f.nationality, h->nationality);
    date_yymmdd(h->birth, f.birth_date);
    copy(f.sex, sizeof f.sex, h->sex);
    date_yymmdd(h->expiry, f.expiry_date);
    /* mrz_make transliterates (Doc 9303 Part 3) and truncates names itself. On a
     * bilingual document the MRZ name comes from the Arabic-script name. */
    int native = tpl_field_of(b->t, "surname_native") && h->surname_native[0];
    copy(f.surname, sizeof f.surname, native ? h->surname_native : h->surname);
    copy(f.given_names, sizeof f.given_names, native ? h->given_names_native : h->given_names);
    if (b->t->mrz_format == MRZ_TD3)
        copy(f.optional_data, sizeof f.optional_data, h->personal_number);
    char out[3][45];
    if (mrz_make((mrz_format)b->t->mrz_format, &f, out, n, b->err) != 0)
        return err_prefix(b->err, "MRZ");
    for (int i = 0; i < *n; i++)
        copy(lines[i], 48, out[i]);
    return 0;
}

/* Changes one check digit to a wrong one (the document number's). */
static void break_check_digit(char lines[3][48], int fmt) {
    char *c = fmt == MRZ_TD1 ? &lines[0][14] : &lines[1][9];
    if (*c >= '0' && *c <= '9')
        *c = (char)('0' + (*c - '0' + 3) % 10);
    else
        *c = '7';
}

static int paint_mrz(build *b, const char lines[3][48], int n) {
    matbuf *mb = b->mb;
    int ink = ink_of(mb, "b900_black", b->err);
    if (ink < 0) return -1;
    const tpl_rect *z = &b->t->mrz;
    double pitch = 2.54, em = 3.1; /* OCR-B size 1: 10 characters per inch */
    double line_gap = z->h / (n + 0.2);
    for (int l = 0; l < n; l++) {
        double base = z->y + line_gap * (l + 0.5) + em * 0.35;
        for (int i = 0; lines[l][i]; i++) {
            char ch[2] = {lines[l][i], 0};
            if (draw_text(mb, b->fonts, b->fonts->ocrb, ch, z->x + i * pitch, base, em, LAYER_FG,
                          ink, 0, b->err) < 0)
                return -1;
        }
    }
    return 0;
}

static int paint_data(build *b, const doc_holder *viz) {
    matbuf *mb = b->mb;
    const tpl *t = b->t;
    int lab = ink_of(mb, t->label_ink, b->err);
    int val = ink_of(mb, "laser_black", b->err);
    int alt = ink_of(mb, "ir_transparent_black", b->err);
    if (lab < 0 || val < 0 || alt < 0) return -1;
    /* Fixed texts: state name, document title (intaglio where relief is set). */
    for (int i = 0; i < t->n_texts; i++) {
        const tpl_text *x = &t->texts[i];
        int ink = ink_of(mb, x->ink, b->err);
        if (ink < 0) return -1;
        int relief = has(b->spec, DEFECT_INTAGLIO_MISSING) ? 0 : x->relief;
        if (draw_text_aligned(mb, b->fonts, x->bold ? b->fonts->sans_bold : b->fonts->sans, x->text,
                              x->x, x->y, x->size_mm, x->relief ? LAYER_FG : LAYER_BG, ink, relief,
                              x->align_right, b->err) < 0)
            return -1;
    }
    for (int i = 0; i < t->n_fields; i++) {
        const tpl_field *f = &t->fields[i];
        char v[160];
        field_value(viz, t, f->key, v, sizeof v);
        if (f->label[0] && draw_text_aligned(mb, b->fonts, b->fonts->sans, f->label, f->x, f->y,
                                             1.5, LAYER_BG, lab, 0, f->align_right, b->err) < 0)
            return -1;
        if (!v[0]) continue;
        int altered = has(b->spec, DEFECT_DATA_ALTERATION_IR) && !strcmp(f->key, "birth_date");
        if (draw_text_aligned(mb, b->fonts, b->fonts->sans_bold, v, f->x, f->y + 0.6 + f->size_mm,
                              f->size_mm, LAYER_FG, altered ? alt : val, 0, f->align_right,
                              b->err) < 0)
            return -1;
    }
    return 0;
}

static irect field_rect(const matbuf *mb, const tpl_field *f) {
    tpl_rect r = {f->align_right ? f->x - f->width_mm : f->x, f->y + 0.2, f->width_mm,
                  f->size_mm * 1.15 + 0.8};
    return px_rect(mb, r);
}

static irect rect_union(irect a, irect b) {
    if (a.w <= 0 || a.h <= 0) return b;
    if (b.w <= 0 || b.h <= 0) return a;
    int x0 = a.x < b.x ? a.x : b.x, y0 = a.y < b.y ? a.y : b.y;
    int x1 = a.x + a.w > b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h > b.y + b.h ? a.y + a.h : b.y + b.h;
    return (irect){x0, y0, x1 - x0, y1 - y0};
}

/* Replaces the first Arabic letter that has a look-alike (differing only in
 * its dots) by it: the kind of slip only a reader of both scripts catches.
 * Returns 0 when the name has no such letter. */
static int swap_arabic_letter(char *name, size_t cap) {
    static const char *pairs[][2] = {{"ح", "خ"}, {"خ", "ح"}, {"س", "ش"}, {"ش", "س"},
                                     {"د", "ذ"}, {"ر", "ز"}, {"ص", "ض"}, {"ط", "ظ"},
                                     {"ع", "غ"}, {"ف", "ق"}, {"ن", "ت"}, {"ب", "ت"}};
    for (char *p = name; *p; p++)
        for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
            size_t n = strlen(pairs[k][0]);
            if (strncmp(p, pairs[k][0], n) == 0 && strlen(name) < cap) {
                memcpy(p, pairs[k][1], n); /* both are two bytes in UTF-8 */
                return 1;
            }
        }
    return 0;
}

/* ------------------------------------------------------------ build */

int doc_build(const doc_spec *spec, const doc_fonts *fonts, matbuf *mb, doc_truth *truth,
              bl_err *err) {
    memset(truth, 0, sizeof *truth);
    const tpl *t = spec->t;
    if (!t) return err_set(err, "no template");
    if (spec->dpi < 72 || spec->dpi > 1200)
        return err_set(err, "dpi %g is out of range (72..1200)", spec->dpi);
    if (!fonts || !fonts->sans || !fonts->sans_bold || !fonts->ocrb)
        return err_set(err, "fonts are not loaded");
    if (spec->defects >> DEFECT_COUNT) return err_set(err, "unknown defect bit set");
    double ppm = spec->dpi / 25.4;
    int w = (int)lround(t->w_mm * ppm), h = (int)lround(t->h_mm * ppm);
    if (matbuf_init(mb, w, h, ppm, err) != 0) return -1;
    build b = {spec, t, fonts, mb, truth, err, {0}};
    rng_init(&b.r, spec->seed);
    truth->w = w, truth->h = h, truth->dpi = spec->dpi;

    /* Holder: the MRZ always encodes the true data; some defects change what
     * the visual zone shows. */
    doc_holder real;
    if (spec->has_holder)
        real = spec->holder;
    else
        doc_holder_generate(spec->seed, t, spec->today, &real);
    if (has(spec, DEFECT_EXPIRED)) {
        long today = date_to_days(spec->today);
        if (date_to_days(real.expiry) >= today) {
            real.expiry = date_from_days(today - 20 - (long)rng_below(&b.r, 300));
            real.issue = date_from_days(date_to_days(date_add_years(real.expiry, -10)) + 1);
        }
    }
    doc_holder viz = real, mrzh = real;
    if (has(spec, DEFECT_MRZ_VIZ_MISMATCH)) viz.birth = date_add_years(viz.birth, -4);
    int script_mismatch = has(spec, DEFECT_NAME_SCRIPT_MISMATCH) &&
                          tpl_field_of(t, "surname_native") && real.surname_native[0];
    if (script_mismatch) {
        /* Either the Latin and MRZ names are given in the wrong order, or the
         * MRZ was made from an Arabic name with one letter changed; the Arabic
         * script still shows the true name. */
        if (rng_below(&b.r, 2) == 0 ||
            !swap_arabic_letter(mrzh.surname_native, sizeof mrzh.surname_native)) {
            copy(viz.surname, sizeof viz.surname, real.given_names);
            copy(viz.given_names, sizeof viz.given_names, real.surname);
            copy(mrzh.surname_native, sizeof mrzh.surname_native, real.given_names_native);
            copy(mrzh.given_names_native, sizeof mrzh.given_names_native, real.surname_native);
            copy(mrzh.surname, sizeof mrzh.surname, real.given_names);
            copy(mrzh.given_names, sizeof mrzh.given_names, real.surname);
        }
    }
    truth->holder = viz;

    if (paint_paper(&b)) goto fail;
    for (int i = 0; i < t->n_features; i++) {
        const tpl_feature *f = &t->features[i];
        int rc = 0;
        if (!strcmp(f->kind, "watermark"))
            rc = paint_watermark(&b, f);
        else if (!strcmp(f->kind, "uv_fibres"))
            rc = paint_fibres(&b, f);
        if (rc) goto fail;
    }
    for (int i = 0; i < t->n_features; i++) {
        const tpl_feature *f = &t->features[i];
        int rc = 0;
        if (!strcmp(f->kind, "guilloche"))
            rc = paint_guilloche(&b, f);
        else if (!strcmp(f->kind, "microtext"))
            rc = paint_microtext(&b, f);
        else if (!strcmp(f->kind, "metameric_pair"))
            rc = paint_metameric(&b, f);
        else if (!strcmp(f->kind, "see_through_register"))
            rc = paint_see_through(&b, f);
        if (rc) goto fail;
    }
    for (int i = 0; i < t->n_features; i++) {
        const tpl_feature *f = &t->features[i];
        int rc = 0;
        if (!strcmp(f->kind, "uv_emblem"))
            rc = paint_uv_emblem(&b, f);
        else if (!strcmp(f->kind, "uv_overprint"))
            rc = paint_uv_overprint(&b, f);
        if (rc) goto fail;
    }
    /* Personalisation. */
    if (make_mrz(&b, &mrzh, truth->mrz, &truth->mrz_lines)) goto fail;
    if (has(spec, DEFECT_MRZ_CHECK_DIGIT)) break_check_digit(truth->mrz, t->mrz_format);
    if (paint_data(&b, &viz) || paint_mrz(&b, truth->mrz, truth->mrz_lines)) goto fail;
    int subst = has(spec, DEFECT_PHOTO_SUBSTITUTION);
    irect pr = px_rect(mb, t->portrait);
    if (paint_portrait(&b, pr, 0, subst)) goto fail;
    add_item(truth->features, &truth->n_features, DOC_MAX_ITEMS, "portrait", "portrait", pr,
             LIGHT_BIT(LIGHT_VISIBLE) | LIGHT_BIT(LIGHT_IR));
    for (int i = 0; i < t->n_features; i++) {
        const tpl_feature *f = &t->features[i];
        int rc = 0;
        if (!strcmp(f->kind, "ghost_image")) {
            rc = paint_portrait(&b, px_rect(mb, f->r), 1, 0);
            add_item(truth->features, &truth->n_features, DOC_MAX_ITEMS, f->id, f->kind,
                     px_rect(mb, f->r), LIGHT_BIT(LIGHT_VISIBLE));
        } else if (!strcmp(f->kind, "intaglio"))
            rc = paint_intaglio(&b, f);
        else if (!strcmp(f->kind, "emboss"))
            rc = paint_emboss(&b, f);
        else if (!strcmp(f->kind, "signature"))
            rc = paint_signature(&b, f);
        else if (!strcmp(f->kind, "ir_mrz") || !strcmp(f->kind, "ir_data"))
            add_item(truth->features, &truth->n_features, DOC_MAX_ITEMS, f->id, f->kind,
                     px_rect(mb, f->r), LIGHT_BIT(LIGHT_IR));
        if (rc) goto fail;
    }
    if (subst)
        add_item(truth->defects, &truth->n_defects, DEFECT_COUNT, "photo_substitution",
                 "photo_substitution", pr, defect_get(DEFECT_PHOTO_SUBSTITUTION)->lights);

    /* Data defects, with the regions an examiner would point at. */
    const tpl_field *bd = tpl_field_of(t, "birth_date");
    const tpl_field *ed = tpl_field_of(t, "expiry_date");
    irect mrz_r = px_rect(mb, t->mrz);
    if (has(spec, DEFECT_DATA_ALTERATION_IR))
        add_item(truth->defects, &truth->n_defects, DEFECT_COUNT, "data_alteration_ir",
                 "data_alteration_ir", bd ? field_rect(mb, bd) : mrz_r,
                 defect_get(DEFECT_DATA_ALTERATION_IR)->lights);
    if (has(spec, DEFECT_MRZ_VIZ_MISMATCH))
        add_item(truth->defects, &truth->n_defects, DEFECT_COUNT, "mrz_viz_mismatch",
                 "mrz_viz_mismatch", bd ? field_rect(mb, bd) : mrz_r,
                 defect_get(DEFECT_MRZ_VIZ_MISMATCH)->lights);
    if (has(spec, DEFECT_MRZ_CHECK_DIGIT))
        add_item(truth->defects, &truth->n_defects, DEFECT_COUNT, "mrz_check_digit",
                 "mrz_check_digit", mrz_r, defect_get(DEFECT_MRZ_CHECK_DIGIT)->lights);
    if (script_mismatch) {
        irect r = mrz_r;
        static const char *keys[] = {"surname", "given_names", "surname_native",
                                     "given_names_native"};
        for (int k = 0; k < 4; k++) {
            const tpl_field *fl = tpl_field_of(t, keys[k]);
            if (fl) r = rect_union(r, field_rect(mb, fl));
        }
        add_item(truth->defects, &truth->n_defects, DEFECT_COUNT, "name_script_mismatch",
                 "name_script_mismatch", r, defect_get(DEFECT_NAME_SCRIPT_MISMATCH)->lights);
    }
    if (has(spec, DEFECT_EXPIRED))
        add_item(truth->defects, &truth->n_defects, DEFECT_COUNT, "expired", "expired",
                 ed ? field_rect(mb, ed) : mrz_r, defect_get(DEFECT_EXPIRED)->lights);
    /* A defect the template has no place for is an error, not a silent no-op. */
    for (int k = 0; k < DEFECT_COUNT; k++) {
        if (!has(spec, (defect_kind)k)) continue;
        int found = 0;
        for (int i = 0; i < truth->n_defects; i++)
            if (!strcmp(truth->defects[i].kind, defect_get((defect_kind)k)->id)) found = 1;
        if (!found && k != DEFECT_COUNTERFEIT_PAPER) {
            err_set(err, "template \"%s\" has no feature that defect \"%s\" applies to", t->id,
                    defect_get((defect_kind)k)->id);
            goto fail;
        }
    }
    if (has(spec, DEFECT_COUNTERFEIT_PAPER))
        add_item(truth->defects, &truth->n_defects, DEFECT_COUNT, "counterfeit_paper",
                 "counterfeit_paper", (irect){0, 0, w, h},
                 defect_get(DEFECT_COUNTERFEIT_PAPER)->lights);
    return 0;
fail:
    matbuf_deinit(mb);
    return -1;
}

/* ------------------------------------------------------------- truth */

static cJSON *rect_json(const doc_item *it) {
    double v[4] = {it->x, it->y, it->w, it->h};
    return cJSON_CreateDoubleArray(v, 4);
}

static cJSON *items_json(const doc_item *items, int n) {
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; i < n; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", items[i].id);
        cJSON_AddStringToObject(o, "kind", items[i].kind);
        cJSON_AddItemToObject(o, "region_px", rect_json(&items[i]));
        cJSON *ls = cJSON_CreateArray();
        for (int l = 0; l < LIGHT_COUNT; l++)
            if (items[i].lights & LIGHT_BIT(l))
                cJSON_AddItemToArray(ls, cJSON_CreateString(light_name((light_kind)l)));
        cJSON_AddItemToObject(o, "lights", ls);
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static void add_date(cJSON *o, const char *key, bl_date d) {
    char s[16];
    snprintf(s, sizeof s, "%04d-%02d-%02d", d.y, d.m, d.d);
    cJSON_AddStringToObject(o, key, s);
}

char *doc_truth_json(const doc_spec *spec, const doc_truth *t) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "template", spec->t->id);
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)spec->seed);
    cJSON_AddNumberToObject(o, "seed", (double)spec->seed);
    cJSON_AddNumberToObject(o, "dpi", spec->dpi);
    double size[2] = {t->w, t->h};
    cJSON_AddItemToObject(o, "size_px", cJSON_CreateDoubleArray(size, 2));
    add_date(o, "today", spec->today);
    cJSON *m = cJSON_CreateArray();
    for (int i = 0; i < t->mrz_lines; i++)
        cJSON_AddItemToArray(m, cJSON_CreateString(t->mrz[i]));
    cJSON_AddItemToObject(o, "mrz", m);
    const doc_holder *h = &t->holder;
    cJSON *ho = cJSON_CreateObject();
    cJSON_AddStringToObject(ho, "surname", h->surname);
    cJSON_AddStringToObject(ho, "given_names", h->given_names);
    if (h->surname_native[0]) cJSON_AddStringToObject(ho, "surname_native", h->surname_native);
    if (h->given_names_native[0])
        cJSON_AddStringToObject(ho, "given_names_native", h->given_names_native);
    cJSON_AddStringToObject(ho, "nationality", h->nationality);
    add_date(ho, "birth_date", h->birth);
    cJSON_AddStringToObject(ho, "sex", h->sex);
    cJSON_AddStringToObject(ho, "place_of_birth", h->place_of_birth);
    if (h->place_of_birth_native[0])
        cJSON_AddStringToObject(ho, "place_of_birth_native", h->place_of_birth_native);
    cJSON_AddStringToObject(ho, "document_number", h->document_number);
    add_date(ho, "issue_date", h->issue);
    add_date(ho, "expiry_date", h->expiry);
    cJSON_AddStringToObject(ho, "personal_number", h->personal_number);
    cJSON_AddStringToObject(
        ho, "face_seed",
        (snprintf(seed, sizeof seed, "%llu", (unsigned long long)h->face_seed), seed));
    cJSON_AddItemToObject(o, "holder", ho);
    cJSON_AddItemToObject(o, "features", items_json(t->features, t->n_features));
    cJSON_AddItemToObject(o, "defects", items_json(t->defects, t->n_defects));
    char *s = cJSON_Print(o);
    cJSON_Delete(o);
    return s;
}
