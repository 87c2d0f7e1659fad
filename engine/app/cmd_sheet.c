/* cmd_sheet.c - `borderlab contact-sheet`: one genuine and one forged document
 * under every light, side by side, with the forged document's defects outlined
 * under the lights that reveal them. The README's picture is made by this. */
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
    fprintf(o, "usage: borderlab contact-sheet --out FILE.png [--template ID] [--seed N]\n"
               "                               [--defect KIND]... [--dpi N]\n\n"
               "Renders one genuine and one forged document (default defects: counterfeit\n"
               "paper, photo substitution, data alteration in IR-transparent ink, flat\n"
               "intaglio) under all five lights, with each defect outlined in red under\n"
               "the lights that reveal it.\n");
}

int cmd_sheet(int argc, char **argv) {
    uint64_t seed = 1;
    double dpi = 90;
    const char *out = NULL, *tpl_id = "uto-passport-td3";
    unsigned defects = 0;
    const args_opt opts[] = {ARGS_STR("--out", &out),
                             ARGS_STR("--template", &tpl_id),
                             ARGS_U64("--seed", &seed, 0, 9007199254740991ull),
                             ARGS_DOUBLE("--dpi", &dpi, 40, 300),
                             ARGS_CALL("--defect", args_defect, &defects),
                             ARGS_END};
    int rc = args_parse("contact-sheet", opts, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    if (!out) return args_fail("contact-sheet", "--out FILE.png is required");
    if (!defects)
        defects = 1u << DEFECT_COUNTERFEIT_PAPER | 1u << DEFECT_PHOTO_SUBSTITUTION |
                  1u << DEFECT_DATA_ALTERATION_IR | 1u << DEFECT_INTAGLIO_MISSING;
    bl_err err = {0};
    tpl t;
    doc_fonts fonts;
    if (tpl_builtin(&t, tpl_id, &err) || fonts_load(&fonts, &err)) {
        fprintf(stderr, "borderlab contact-sheet: %s\n", err.msg);
        return 2;
    }
    doc_truth *truth = malloc(sizeof *truth);
    bl_image sheet = {0, 0, NULL}, tile = {0, 0, NULL};
    rc = truth ? 0 : err_set(&err, "out of memory");
    const int pad = 16, head = 34, side = 120;
    for (int row = 0; row < 2 && rc == 0; row++) {
        doc_spec spec = {
            .t = &t, .seed = seed, .dpi = dpi, .today = {2026, 6, 1}, .defects = row ? defects : 0};
        matbuf mb;
        if ((rc = doc_build(&spec, &fonts, &mb, truth, &err)) != 0) break;
        if (!sheet.px) {
            rc = image_init(&sheet, side + LIGHT_COUNT * (mb.w + pad) + pad,
                            head + 2 * (mb.h + pad) + pad, &err);
            if (rc == 0) image_fill_rect(&sheet, 0, 0, sheet.w, sheet.h, 0xFF2A2623u);
            for (int l = 0; l < LIGHT_COUNT && rc == 0; l++)
                rc = label(&sheet, &fonts, light_name((light_kind)l), side + pad + l * (mb.w + pad),
                           head - 10, 18, 0xFFE8E8E8u, &err);
        }
        light_scene *sc = rc == 0 ? light_scene_create(&mb, &err) : NULL;
        if (!sc) rc = -1;
        int y = head + row * (mb.h + pad);
        if (rc == 0)
            rc = label(&sheet, &fonts, row ? "forged" : "genuine", 12, y + mb.h / 2.0, 20,
                       row ? 0xFF6060F0u : 0xFF90E0A0u, &err);
        for (int l = 0; l < LIGHT_COUNT && rc == 0; l++) {
            if ((rc = light_scene_render(sc, (light_kind)l, &tile, &err)) != 0) break;
            int x = side + pad + l * (mb.w + pad);
            image_blit(&sheet, &tile, x, y);
            for (int d = 0; d < truth->n_defects; d++) {
                const doc_item *it = &truth->defects[d];
                if (!(it->lights & LIGHT_BIT(l))) continue;
                image_stroke_rect(&sheet, x + it->x, y + it->y, it->w, it->h, 2, 0xFF3030E8u);
            }
        }
        light_scene_destroy(sc);
        matbuf_deinit(&mb);
    }
    if (rc == 0) rc = image_save_png(&sheet, out, &err);
    if (rc != 0)
        fprintf(stderr, "borderlab contact-sheet: %s\n", err.msg);
    else
        printf("wrote %s (%dx%d)\n", out, sheet.w, sheet.h);
    image_deinit(&sheet);
    image_deinit(&tile);
    free(truth);
    doc_fonts_unload(&fonts);
    return rc == 0 ? 0 : 2;
}
