/* cmd_sheet.c - `borderlab contact-sheet`: documents under the lights, side
 * by side: one genuine and one forged document of a template, with the forged
 * document's defects outlined under the lights that reveal them (the README's
 * picture), or several templates a row each (docs/templates.md's pictures of
 * the supporting documents). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fonts.h"
#include "args.h"
#include "cmd.h"
#include "doc.h"
#include "image.h"
#include "light.h"
#include "text.h"

#define SHEET_MAX_TEMPLATES 8

typedef struct {
    bl_image *img;
    uint32_t color;
} ink_ctx;

static void plot(void *ud, int x, int y, int cov) {
    ink_ctx *c = ud;
    image_blend_pixel(c->img, x, y, c->color, cov);
}

static int label(bl_image *img, const doc_fonts *f, const char *s, double x, double y, double size,
                 uint32_t color, bl_err *err) {
    text_style st = {f->sans_bold, f->arabic, size, 0, 0};
    ink_ctx c = {img, color};
    return text_draw(&st, s, x, y, plot, &c, err) < 0 ? -1 : 0;
}

static void usage(FILE *o) {
    fprintf(o, "usage: borderlab contact-sheet --out FILE.png [--template ID]... [--seed N]\n"
               "                               [--defect KIND]... [--light LIGHT]...\n"
               "                               [--genuine] [--dpi N]\n\n"
               "Renders one genuine and one forged document (default defects: counterfeit\n"
               "paper, photo substitution, data alteration in IR-transparent ink, flat\n"
               "intaglio) under all five lights, with each defect outlined in red under\n"
               "the lights that reveal them. With several --template, a genuine and a\n"
               "forged row for each (the --defect kinds apply to every one), or only the\n"
               "genuine rows with --genuine; --light chooses the columns.\n");
}

/* What the sheet shows: rows of templates (genuine, then forged), columns of lights. */
typedef struct {
    tpl *tpls;
    int n_tpls;
    int lights[LIGHT_COUNT], n_lights;
    int forged;       /* a forged row after each genuine one */
    unsigned defects; /* on the forged rows */
    uint64_t seed;
    double dpi;
    int side, head; /* the left column of row names; the head row of light names */
    int col_w, pad; /* a column: the widest document */
    const doc_fonts *fonts;
} sheet_plan;

static int doc_px(double mm, double dpi) {
    return (int)(mm * dpi / 25.4 + 0.5);
}

/* One row: the document built and lit under each light of the plan at y. */
static int paint_row(bl_image *sheet, const sheet_plan *p, const tpl *t, int forged, int y,
                     doc_truth *truth, bl_err *err) {
    doc_spec spec = {.t = t,
                     .seed = p->seed,
                     .dpi = p->dpi,
                     .today = {2026, 6, 1},
                     .defects = forged ? p->defects : 0};
    matbuf mb;
    if (doc_build(&spec, p->fonts, &mb, truth, err) != 0) return -1;
    light_scene *sc = light_scene_create(&mb, err);
    bl_image tile = {0, 0, NULL};
    int rc = sc ? 0 : -1;
    /* the row's name: the state of the document, and its template when there are several */
    const char *what = forged ? "forged" : "genuine";
    if (rc == 0 && p->n_tpls > 1)
        rc = label(sheet, p->fonts, t->id, 12, y + mb.h / 2.0 - 6, 15, 0xFFE8E8E8u, err);
    if (rc == 0)
        rc = label(sheet, p->fonts, what, 12, y + mb.h / 2.0 + (p->n_tpls > 1 ? 16 : 0),
                   p->n_tpls > 1 ? 15 : 20, forged ? 0xFF6060F0u : 0xFF90E0A0u, err);
    for (int c = 0; c < p->n_lights && rc == 0; c++) {
        int l = p->lights[c];
        if ((rc = light_scene_render(sc, (light_kind)l, &tile, err)) != 0) break;
        int x = p->side + p->pad + c * (p->col_w + p->pad);
        image_blit(sheet, &tile, x, y);
        for (int d = 0; d < truth->n_defects; d++) {
            const doc_item *it = &truth->defects[d];
            if (it->lights & LIGHT_BIT(l))
                image_stroke_rect(sheet, x + it->x, y + it->y, it->w, it->h, 2, 0xFF3030E8u);
        }
    }
    image_deinit(&tile);
    light_scene_destroy(sc);
    matbuf_deinit(&mb);
    return rc;
}

/* The whole sheet: its size from the templates, then the rows. */
static int paint_sheet(bl_image *sheet, sheet_plan *p, bl_err *err) {
    int h = p->head;
    p->col_w = 0;
    for (int i = 0; i < p->n_tpls; i++) {
        int w = doc_px(p->tpls[i].w_mm, p->dpi);
        if (w > p->col_w) p->col_w = w;
        h += (doc_px(p->tpls[i].h_mm, p->dpi) + p->pad) * (p->forged ? 2 : 1);
    }
    if (image_init(sheet, p->side + p->n_lights * (p->col_w + p->pad) + p->pad, h + p->pad, err))
        return -1;
    image_fill_rect(sheet, 0, 0, sheet->w, sheet->h, 0xFF2A2623u);
    for (int c = 0; c < p->n_lights; c++)
        if (label(sheet, p->fonts, light_name((light_kind)p->lights[c]),
                  p->side + p->pad + c * (p->col_w + p->pad), p->head - 10, 18, 0xFFE8E8E8u, err))
            return -1;
    doc_truth *truth = malloc(sizeof *truth);
    if (!truth) return err_set(err, "out of memory");
    int y = p->head, rc = 0;
    for (int i = 0; i < p->n_tpls && rc == 0; i++)
        for (int forged = 0; forged <= p->forged && rc == 0; forged++) {
            rc = paint_row(sheet, p, &p->tpls[i], forged, y, truth, err);
            y += doc_px(p->tpls[i].h_mm, p->dpi) + p->pad;
        }
    free(truth);
    return rc;
}

int cmd_sheet(int argc, char **argv) {
    sheet_plan p = {.seed = 1, .dpi = 90, .forged = 1, .side = 120, .head = 34, .pad = 16};
    const char *out = NULL;
    char *ids[SHEET_MAX_TEMPLATES], *lights[LIGHT_COUNT];
    int n_ids = 0, n_lights = 0, genuine = 0;
    const args_opt opts[] = {ARGS_STR("--out", &out),
                             ARGS_LIST("--template", ids, &n_ids, SHEET_MAX_TEMPLATES),
                             ARGS_U64("--seed", &p.seed, 0, 9007199254740991ull),
                             ARGS_DOUBLE("--dpi", &p.dpi, 40, 300),
                             ARGS_CALL("--defect", args_defect, &p.defects),
                             ARGS_LIST("--light", lights, &n_lights, LIGHT_COUNT),
                             ARGS_FLAG("--genuine", &genuine),
                             ARGS_END};
    int rc = args_parse("contact-sheet", opts, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    if (!out) return args_fail("contact-sheet", "--out FILE.png is required");
    for (int i = 0; i < n_lights; i++)
        if ((p.lights[i] = light_from_name(lights[i])) < 0)
            return args_fail(
                "contact-sheet",
                "--light needs one of visible, uv, ir, oblique, transmitted (got '%s')", lights[i]);
    p.n_lights = n_lights;
    for (int l = 0; l < LIGHT_COUNT && !n_lights; l++)
        p.lights[p.n_lights++] = l;
    if (!n_ids) ids[n_ids++] = "uto-passport-td3";
    if (!p.defects)
        p.defects = 1u << DEFECT_COUNTERFEIT_PAPER | 1u << DEFECT_PHOTO_SUBSTITUTION |
                    1u << DEFECT_DATA_ALTERATION_IR | 1u << DEFECT_INTAGLIO_MISSING;
    p.forged = !genuine;
    if (n_ids > 1) p.side = 230;
    bl_err err = {0};
    doc_fonts fonts;
    bl_image sheet = {0, 0, NULL};
    p.tpls = calloc((size_t)n_ids, sizeof *p.tpls);
    rc = p.tpls ? 0 : err_set(&err, "out of memory");
    for (int i = 0; i < n_ids && rc == 0; i++, p.n_tpls++)
        rc = tpl_builtin(&p.tpls[i], ids[i], &err);
    int fonts_ok = rc == 0 && fonts_load(&fonts, &err) == 0;
    if (fonts_ok) p.fonts = &fonts;
    if (rc == 0) rc = fonts_ok ? paint_sheet(&sheet, &p, &err) : -1;
    if (rc == 0) rc = image_save_png(&sheet, out, &err);
    if (rc != 0)
        fprintf(stderr, "borderlab contact-sheet: %s\n", err.msg);
    else
        printf("wrote %s (%dx%d)\n", out, sheet.w, sheet.h);
    image_deinit(&sheet);
    free(p.tpls);
    if (fonts_ok) doc_fonts_unload(&fonts);
    return rc == 0 ? 0 : 2;
}
