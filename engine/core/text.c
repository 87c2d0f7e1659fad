/* text.c - see text.h. HarfBuzz shapes from the same font bytes stb_truetype
 * rasterises, so glyph ids agree between the two. */
#include "text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <fribidi.h>
#include <hb.h>
#include <stb_truetype.h>

#include "fsio.h"

struct text_font {
    char *data;
    size_t len;
    stbtt_fontinfo info;
    hb_blob_t *blob;
    hb_face_t *face;
    hb_font_t *font;
    int upem;
    int ascent, descent; /* font units */
};

text_font *text_font_load(const char *path, bl_err *err) {
    text_font *f = calloc(1, sizeof *f);
    if (!f) {
        err_set(err, "out of memory loading font '%s'", path);
        return NULL;
    }
    f->data = fs_read_all(path, 64u * 1024u * 1024u, &f->len, err);
    if (!f->data) {
        err_prefix(err, "font");
        free(f);
        return NULL;
    }
    int off = stbtt_GetFontOffsetForIndex((const unsigned char *)f->data, 0);
    if (off < 0 || !stbtt_InitFont(&f->info, (const unsigned char *)f->data, off)) {
        err_set(err, "'%s' is not a TrueType/OpenType font", path);
        free(f->data);
        free(f);
        return NULL;
    }
    f->blob = hb_blob_create(f->data, (unsigned)f->len, HB_MEMORY_MODE_READONLY, NULL, NULL);
    f->face = hb_face_create(f->blob, 0);
    f->font = hb_font_create(f->face);
    f->upem = (int)hb_face_get_upem(f->face);
    hb_font_set_scale(f->font, f->upem, f->upem);
    int lg;
    stbtt_GetFontVMetrics(&f->info, &f->ascent, &f->descent, &lg);
    return f;
}

void text_font_destroy(text_font *f) {
    if (!f) return;
    hb_font_destroy(f->font);
    hb_face_destroy(f->face);
    hb_blob_destroy(f->blob);
    free(f->data);
    free(f);
}

static int has_glyph(const text_font *f, uint32_t cp) {
    return f && stbtt_FindGlyphIndex(&f->info, (int)cp) != 0;
}

/* Which font draws a character: Arabic-script text prefers the Arabic font,
 * everything else the Latin one; the other is the fallback. Characters that
 * neither font has (or that are neutral, like spaces) follow their run. */
static const text_font *pick_font(const text_style *st, uint32_t cp, int rtl) {
    int arabic_script = (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
                        (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
    const text_font *first = (arabic_script || rtl) && st->arabic ? st->arabic : st->latin;
    const text_font *second = first == st->latin ? st->arabic : st->latin;
    if (has_glyph(first, cp)) return first;
    if (has_glyph(second, cp)) return second;
    return first;
}

/* UTF-8 decode with byte offsets; returns the count or -1 at the first bad byte. */
static int decode_utf8(const char *s, uint32_t *cps, uint32_t *offs, int cap, size_t *bad) {
    const unsigned char *p = (const unsigned char *)s;
    int n = 0;
    size_t i = 0;
    while (p[i]) {
        uint32_t c;
        int len;
        if (p[i] < 0x80)
            c = p[i], len = 1;
        else if ((p[i] & 0xE0) == 0xC0)
            c = p[i] & 0x1F, len = 2;
        else if ((p[i] & 0xF0) == 0xE0)
            c = p[i] & 0x0F, len = 3;
        else if ((p[i] & 0xF8) == 0xF0)
            c = p[i] & 0x07, len = 4;
        else {
            *bad = i;
            return -1;
        }
        for (int k = 1; k < len; k++) {
            if ((p[i + k] & 0xC0) != 0x80) {
                *bad = i;
                return -1;
            }
            c = (c << 6) | (p[i + k] & 0x3F);
        }
        if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
            c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
            *bad = i;
            return -1;
        }
        if (n >= cap) {
            *bad = i;
            return -2;
        }
        cps[n] = c;
        offs[n] = (uint32_t)i;
        n++;
        i += (size_t)len;
    }
    return n;
}

typedef struct {
    int start, len, level;
    const text_font *font;
} run;

#define TEXT_MAX_CHARS 1024

/* A paragraph decoded and its embedding levels resolved: what every line
 * of it is laid out from. */
typedef struct {
    uint32_t *cps, *offs; /* code points; byte offset of each */
    int n, bytes;         /* characters; bytes of the text */
    FriBidiCharType *types;
    FriBidiBracketType *brackets;
    FriBidiLevel *levels;
    run *runs;
    int *order;
    hb_buffer_t *buf;
    int rtl; /* resolved paragraph direction */
} para_work;

static void work_close(para_work *w) {
    hb_buffer_destroy(w->buf);
    free(w->cps);
    free(w->offs);
    free(w->types);
    free(w->brackets);
    free(w->levels);
    free(w->runs);
    free(w->order);
    memset(w, 0, sizeof *w);
}

/* Decodes the text and resolves its levels (rules up to I2 of UAX #9,
 * bracket pairs included) with the style's paragraph direction. */
static int work_open(para_work *w, const text_style *st, const char *utf8, bl_err *err) {
    memset(w, 0, sizeof *w);
    if (!st || !st->latin) return err_set(err, "text: no font given");
    const int cap = TEXT_MAX_CHARS;
    w->cps = malloc(sizeof *w->cps * cap);
    w->offs = malloc(sizeof *w->offs * cap);
    w->types = malloc(sizeof *w->types * cap);
    w->brackets = malloc(sizeof *w->brackets * cap);
    w->levels = malloc(sizeof *w->levels * cap);
    w->runs = malloc(sizeof *w->runs * cap);
    w->order = malloc(sizeof *w->order * cap);
    w->buf = hb_buffer_create();
    if (!w->cps || !w->offs || !w->types || !w->brackets || !w->levels || !w->runs || !w->order)
        return err_set(err, "text: out of memory");
    size_t bad = 0;
    int n = decode_utf8(utf8, w->cps, w->offs, cap, &bad);
    if (n == -1) return err_set(err, "text: invalid UTF-8 at byte %zu of \"%.40s\"", bad, utf8);
    if (n == -2) return err_set(err, "text: line longer than %d characters", cap);
    w->n = n;
    w->bytes = (int)strlen(utf8);
    fribidi_get_bidi_types((const FriBidiChar *)w->cps, n, w->types);
    fribidi_get_bracket_types((const FriBidiChar *)w->cps, n, w->types, w->brackets);
    FriBidiParType base = st->dir == TEXT_DIR_RTL   ? FRIBIDI_PAR_RTL
                          : st->dir == TEXT_DIR_LTR ? FRIBIDI_PAR_LTR
                                                    : FRIBIDI_PAR_ON;
    if (n > 0 && !fribidi_get_par_embedding_levels_ex(w->types, w->brackets, n, &base, w->levels))
        return err_set(err, "text: the bidirectional algorithm failed on \"%.40s\"", utf8);
    w->rtl = base == FRIBIDI_PAR_RTL || (n == 0 && st->dir == TEXT_DIR_RTL);
    return 0;
}

/* Runs of equal level and equal font over characters [from, to), in
 * logical order; returns how many. */
static int make_runs(const text_style *st, const para_work *w, int from, int to) {
    int nruns = 0;
    for (int i = from; i < to; i++) {
        const text_font *f = pick_font(st, w->cps[i], w->levels[i] & 1);
        run *last = nruns > 0 ? &w->runs[nruns - 1] : NULL;
        if (last && last->level == w->levels[i] &&
            (last->font == f || !has_glyph(f, w->cps[i]) ||
             fribidi_get_bidi_type(w->cps[i]) == FRIBIDI_TYPE_WS)) {
            last->len++;
            continue;
        }
        w->runs[nruns++] = (run){i, 1, w->levels[i], f};
    }
    return nruns;
}

/* Visual order of a line's runs (rule L2): from the highest level down to
 * the lowest odd level, reverse every maximal sequence of runs at that level
 * or above. */
static void visual_order(const run *runs, int nruns, int *order) {
    int maxl = 0, minodd = 255;
    for (int r = 0; r < nruns; r++) {
        order[r] = r;
        if (runs[r].level > maxl) maxl = runs[r].level;
        if ((runs[r].level & 1) && runs[r].level < minodd) minodd = runs[r].level;
    }
    for (int lv = maxl; lv >= minodd && lv > 0; lv--) {
        for (int r = 0; r < nruns;) {
            if (runs[order[r]].level < lv) {
                r++;
                continue;
            }
            int e = r;
            while (e < nruns && runs[order[e]].level >= lv)
                e++;
            for (int a = r, b = e - 1; a < b; a++, b--) {
                int t = order[a];
                order[a] = order[b];
                order[b] = t;
            }
            r = e;
        }
    }
}

/* Shapes one run with the paragraph around it as context and places its
 * glyphs from *pen on; *gcap is out->g's capacity. In a right-to-left run
 * HarfBuzz draws each mirrored character (brackets) with its mirror's glyph. */
static int shape_run(const text_style *st, para_work *w, const run *rn, double *pen, int *gcap,
                     text_layout *out, bl_err *err) {
    const text_font *f = rn->font;
    double scale = st->size_px / f->upem;
    hb_buffer_clear_contents(w->buf);
    hb_buffer_add_codepoints(w->buf, w->cps, w->n, (unsigned)rn->start, rn->len);
    hb_buffer_set_direction(w->buf, (rn->level & 1) ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_guess_segment_properties(w->buf);
    hb_shape(f->font, w->buf, NULL, 0);
    unsigned gn = 0;
    hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(w->buf, &gn);
    hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(w->buf, &gn);
    for (unsigned k = 0; k < gn; k++) {
        if (out->n >= *gcap) {
            *gcap *= 2;
            text_glyph *ng = realloc(out->g, sizeof *ng * (size_t)*gcap);
            if (!ng) return err_set(err, "text: out of memory");
            out->g = ng;
        }
        text_glyph *g = &out->g[out->n++];
        g->font = f;
        g->gid = gi[k].codepoint;
        g->cluster = gi[k].cluster < (unsigned)w->n ? w->offs[gi[k].cluster] : 0;
        g->x = *pen + gp[k].x_offset * scale;
        g->y = -gp[k].y_offset * scale;
        g->rtl = rn->level & 1;
        *pen += gp[k].x_advance * scale + st->tracking_px;
    }
    double asc = f->ascent * scale, desc = -f->descent * scale;
    if (asc > out->ascent) out->ascent = asc;
    if (desc > out->descent) out->descent = desc;
    return 0;
}

/* Lays out characters [from, to) of the paragraph as one line: its runs in
 * visual order (by the paragraph's levels), each shaped, left to right. */
static int layout_range(const text_style *st, para_work *w, int from, int to, text_layout *out,
                        bl_err *err) {
    memset(out, 0, sizeof *out);
    int nruns = make_runs(st, w, from, to);
    visual_order(w->runs, nruns, w->order);
    int gcap = (to - from) * 2 + 8;
    out->g = malloc(sizeof *out->g * (size_t)gcap);
    if (!out->g) return err_set(err, "text: out of memory");
    double pen = 0;
    for (int oi = 0; oi < nruns; oi++)
        if (shape_run(st, w, &w->runs[w->order[oi]], &pen, &gcap, out, err) != 0) {
            text_layout_free(out);
            return -1;
        }
    if (out->ascent == 0) {
        out->ascent = st->latin->ascent * st->size_px / st->latin->upem;
        out->descent = -st->latin->descent * st->size_px / st->latin->upem;
    }
    out->width = pen;
    out->size_px = st->size_px;
    return 0;
}

int text_layout_make(const text_style *st, const char *utf8, text_layout *out, bl_err *err) {
    memset(out, 0, sizeof *out);
    para_work w;
    int rc = work_open(&w, st, utf8, err);
    if (rc == 0) rc = layout_range(st, &w, 0, w.n, out, err);
    work_close(&w);
    return rc;
}

uint32_t text_font_glyph(const text_font *f, uint32_t codepoint) {
    return f ? (uint32_t)stbtt_FindGlyphIndex(&f->info, (int)codepoint) : 0;
}

static int is_space(uint32_t c) {
    return c == ' ';
}

/* The end of the line that starts at `from` (exclusive, before the spaces it
 * breaks at): the last word end whose line is no wider than `width`, or the
 * first word end when even one word is wider; a line feed ends it. *lay
 * receives that line's layout. */
static int fit_line(const text_style *st, para_work *w, int from, double width, text_layout *lay,
                    bl_err *err) {
    int best = -1;
    memset(lay, 0, sizeof *lay);
    for (int e = from; e <= w->n; e++) {
        int at_end = e == w->n || w->cps[e] == '\n';
        int word_end = at_end || (is_space(w->cps[e]) && e > from && !is_space(w->cps[e - 1]));
        if (!word_end) continue;
        int end = e; /* the paragraph's (or the line feed's) trailing spaces left out */
        while (at_end && end > from && is_space(w->cps[end - 1]))
            end--;
        text_layout cand;
        if (layout_range(st, w, from, end, &cand, err) != 0) {
            text_layout_free(lay);
            return -1;
        }
        if (best >= 0 && cand.width > width) {
            text_layout_free(&cand);
            break;
        }
        text_layout_free(lay);
        *lay = cand;
        best = end;
        if (at_end || cand.width > width) break;
    }
    return best;
}

/* Adds a line to p (its layout moved in). */
static int add_line(text_para *p, int *cap, int start, int len, text_layout *lay, bl_err *err) {
    if (p->n >= *cap) {
        int ncap = *cap ? *cap * 2 : 4;
        text_line *nl = realloc(p->line, sizeof *nl * (size_t)ncap);
        if (!nl) {
            text_layout_free(lay);
            return err_set(err, "text: out of memory");
        }
        p->line = nl;
        *cap = ncap;
    }
    p->line[p->n++] = (text_line){start, len, *lay};
    if (lay->width > p->width) p->width = lay->width;
    return 0;
}

/* Breaks the decoded paragraph into lines (see text_para_make). */
static int break_lines(const text_style *st, para_work *w, double width, text_para *out,
                       bl_err *err) {
    int cap = 0, i = 0;
    while (i < w->n) {
        text_layout lay;
        int e = fit_line(st, w, i, width, &lay, err);
        if (e < 0) return -1;
        int bytes_end = e < w->n ? (int)w->offs[e] : w->bytes;
        if (add_line(out, &cap, (int)w->offs[i], bytes_end - (int)w->offs[i], &lay, err) != 0)
            return -1;
        i = e;
        while (i < w->n && is_space(w->cps[i]))
            i++;
        if (i < w->n && w->cps[i] == '\n') i++;
    }
    return 0;
}

int text_para_make(const text_style *st, const char *utf8, double width, text_para *out,
                   bl_err *err) {
    memset(out, 0, sizeof *out);
    para_work w;
    int rc = work_open(&w, st, utf8, err);
    out->rtl = w.rtl;
    if (rc == 0 && width <= 0 && w.n > 0) {
        text_layout lay;
        int cap = 0;
        rc = layout_range(st, &w, 0, w.n, &lay, err);
        if (rc == 0) rc = add_line(out, &cap, 0, w.bytes, &lay, err);
    } else if (rc == 0) {
        rc = break_lines(st, &w, width, out, err);
    }
    work_close(&w);
    if (rc != 0) text_para_free(out);
    return rc;
}

void text_para_free(text_para *p) {
    for (int i = 0; i < p->n; i++)
        text_layout_free(&p->line[i].lay);
    free(p->line);
    memset(p, 0, sizeof *p);
}

void text_layout_free(text_layout *lay) {
    free(lay->g);
    memset(lay, 0, sizeof *lay);
}

/* Glyph g of a layout drawn from (x, y) at `zoom`: its pixel origin, the
 * subpixel shift and stb's scale. */
static void glyph_at(const text_layout *lay, const text_glyph *g, double x, double y, double zoom,
                     int *ix, int *iy, float *sx, float *sy, float *scale) {
    double gx = x + g->x * zoom, gy = y + g->y * zoom;
    *scale = (float)(lay->size_px * zoom / g->font->upem);
    *ix = (int)floor(gx), *iy = (int)floor(gy);
    *sx = (float)(gx - *ix), *sy = (float)(gy - *iy);
}

int text_layout_ink(const text_layout *lay, double x, double y, double zoom, int box[4]) {
    int any = 0;
    for (int i = 0; i < lay->n; i++) {
        const text_glyph *g = &lay->g[i];
        int ix, iy, x0, y0, x1, y1;
        float sx, sy, scale;
        glyph_at(lay, g, x, y, zoom, &ix, &iy, &sx, &sy, &scale);
        stbtt_GetGlyphBitmapBoxSubpixel(&g->font->info, (int)g->gid, scale, scale, sx, sy, &x0, &y0,
                                        &x1, &y1);
        if (x1 <= x0 || y1 <= y0) continue;
        x0 += ix, x1 += ix, y0 += iy, y1 += iy;
        if (!any || x0 < box[0]) box[0] = x0;
        if (!any || y0 < box[1]) box[1] = y0;
        if (!any || x1 > box[2]) box[2] = x1;
        if (!any || y1 > box[3]) box[3] = y1;
        any = 1;
    }
    return any;
}

static void draw_glyphs(const text_layout *lay, double x, double y, double zoom, const int *clip,
                        text_plot_fn plot, void *ud);

void text_layout_draw(const text_layout *lay, double x, double y, text_plot_fn plot, void *ud) {
    text_layout_draw_zoomed(lay, x, y, 1, plot, ud);
}

void text_layout_draw_zoomed(const text_layout *lay, double x, double y, double zoom,
                             text_plot_fn plot, void *ud) {
    draw_glyphs(lay, x, y, zoom, NULL, plot, ud);
}

void text_layout_draw_clip(const text_layout *lay, double x, double y, int x0, int y0, int x1,
                           int y1, text_plot_fn plot, void *ud) {
    const int clip[4] = {x0, y0, x1, y1};
    draw_glyphs(lay, x, y, 1, clip, plot, ud);
}

/* Rasterises each glyph and plots its coverage; with `clip` (x0, y0, x1,
 * y1), a glyph whose box lies wholly outside it is skipped unrasterised
 * (the glyphs drawn are drawn whole: the same pixels as without clip). */
static void draw_glyphs(const text_layout *lay, double x, double y, double zoom, const int *clip,
                        text_plot_fn plot, void *ud) {
    unsigned char *bmp = NULL;
    size_t bmp_cap = 0;
    for (int i = 0; i < lay->n; i++) {
        const text_glyph *g = &lay->g[i];
        const stbtt_fontinfo *info = &g->font->info;
        float scale, sx, sy;
        int ix, iy;
        glyph_at(lay, g, x, y, zoom, &ix, &iy, &sx, &sy, &scale);
        int x0, y0, x1, y1;
        stbtt_GetGlyphBitmapBoxSubpixel(info, (int)g->gid, scale, scale, sx, sy, &x0, &y0, &x1,
                                        &y1);
        int w = x1 - x0, h = y1 - y0;
        if (w <= 0 || h <= 0) continue;
        if (clip &&
            (ix + x1 <= clip[0] || iy + y1 <= clip[1] || ix + x0 >= clip[2] || iy + y0 >= clip[3]))
            continue;
        size_t need = (size_t)w * (size_t)h;
        if (need > bmp_cap) {
            unsigned char *nb = realloc(bmp, need);
            if (!nb) break; /* out of memory: the rest of the line stays undrawn */
            bmp = nb;
            bmp_cap = need;
        }
        stbtt_MakeGlyphBitmapSubpixel(info, bmp, w, h, w, scale, scale, sx, sy, (int)g->gid);
        for (int yy = 0; yy < h; yy++)
            for (int xx = 0; xx < w; xx++) {
                int c = bmp[yy * w + xx];
                if (c) plot(ud, ix + x0 + xx, iy + y0 + yy, c);
            }
    }
    free(bmp);
}

double text_draw(const text_style *st, const char *utf8, double x, double y, text_plot_fn plot,
                 void *ud, bl_err *err) {
    text_layout lay;
    if (text_layout_make(st, utf8, &lay, err) != 0) return -1;
    text_layout_draw(&lay, x, y, plot, ud);
    double w = lay.width;
    text_layout_free(&lay);
    return w;
}
