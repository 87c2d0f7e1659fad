/* render_face_sheet.c - `borderlab render --face-sheets DIR`: the pictures of
 * the face model in docs/ (scripts/docs-pictures), each tile captioned:
 *
 *   faces-people.png     twelve different people: both sexes, ages 7 to 76,
 *                        every appearance profile
 *   faces-aged.png       the same person ten years later; with a beard and
 *                        glasses (portrait | later portrait | the two at the
 *                        counter camera)
 *   faces-lookalikes.png look-alikes, the features that differ named
 *   faces-siblings.png   siblings
 *   faces-morph.png      A, a 50:50 morph (the passport photo), B; below, A and B
 *                        at the counter camera
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "face.h"
#include "fonts.h"
#include "fsio.h"
#include "image.h"
#include "render_face.h"
#include "text.h"

enum { TW = 242, TH = 311, CAP = 22 }; /* a tile: 35:45, and its caption */

typedef struct sheet {
    bl_image img;
    const doc_fonts *fonts;
} sheet;

static void plot(void *ud, int x, int y, int cov) {
    image_blend_pixel(ud, x, y, 0xFF202020u, cov);
}

/* Tile (col, row): the face as the portrait or the camera sees it, captioned. */
static void tile(sheet *s, int col, int row, const face_params *p, const face_capture *cap,
                 const char *caption) {
    bl_image t = {TW, TH, malloc((size_t)TW * TH * 4)};
    if (!t.px) return;
    if (cap)
        face_render_camera(p, cap, t.px, TW, TH, TW * 4);
    else
        face_render(p, t.px, TW, TH, TW * 4, 0);
    int x = col * (TW + 6) + 6, y = row * (TH + CAP + 6) + 6;
    image_blit(&s->img, &t, x, y);
    free(t.px);
    text_style st = {s->fonts->sans, NULL, 11.5, 0, TEXT_DIR_AUTO};
    bl_err err = {0};
    text_draw(&st, caption, x + 2, y + TH + 15, plot, &s->img, &err);
}

static int sheet_begin(sheet *s, const doc_fonts *f, int cols, int rows, bl_err *err) {
    s->fonts = f;
    if (image_init(&s->img, cols * (TW + 6) + 6, rows * (TH + CAP + 6) + 6, err) != 0) return -1;
    image_fill_rect(&s->img, 0, 0, s->img.w, s->img.h, 0xFFF4F4F4u);
    return 0;
}

static int sheet_end(sheet *s, const char *dir, const char *name, bl_err *err) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int rc = image_save_png(&s->img, path, err);
    image_deinit(&s->img);
    return rc;
}

/* "ears, nose" from a feature mask (stable features only when `stable`). */
static void features(uint32_t m, int stable, char *out, size_t cap) {
    out[0] = '\0';
    for (int f = 0; f < FACE_FEAT_COUNT; f++) {
        if (!(m & FACE_BIT(f)) || (stable && !face_feature_stable((face_feature)f))) continue;
        size_t n = strlen(out);
        snprintf(out + n, cap - n, "%s%s", n ? ", " : "", face_feature_name((face_feature)f));
    }
}

/* The first seed from `from` whose face has this appearance profile. */
static void person(uint64_t from, int profile, char sex, int years, face_params *p) {
    for (uint64_t s = from;; s++) {
        face_from_seed(s, p);
        if (p->profile != profile) continue;
        face_set_sex(p, sex);
        face_fit_age(p, years);
        return;
    }
}

static int people(const doc_fonts *f, const char *dir, bl_err *err) {
    static const int ages[12] = {7, 11, 17, 23, 30, 36, 44, 52, 61, 68, 76, 45};
    sheet s;
    if (sheet_begin(&s, f, 6, 2, err) != 0) return -1;
    for (int i = 0; i < 12; i++) {
        face_params p;
        char sex = i % 2 ? 'M' : 'F', cap[64];
        person(100 + (uint64_t)i * 37, i % 6, sex, ages[i], &p);
        snprintf(cap, sizeof cap, "%c, %d", sex, ages[i]);
        tile(&s, i % 6, i / 6, &p, NULL, cap);
    }
    return sheet_end(&s, dir, "faces-people.png", err);
}

/* A row: base | related as portraits, then both at the counter camera. */
static void pair_row(sheet *s, int row, const face_params *a, const face_params *b,
                     const char *what, int stable, uint64_t seed) {
    face_capture ca, cb;
    face_capture_counter(seed, &ca);
    face_capture_counter(seed + 1, &cb);
    char cap[160], feats[128];
    uint32_t m = face_diff(a, b);
    features(m, stable, feats, sizeof feats);
    tile(s, 0, row, a, NULL, "portrait");
    snprintf(cap, sizeof cap, "%s: %s", what, feats[0] ? feats : "nothing noticeable");
    tile(s, 1, row, b, NULL, cap);
    tile(s, 2, row, a, &ca, "counter camera");
    tile(s, 3, row, b, &cb, "counter camera");
}

static int aged(const doc_fonts *f, const char *dir, bl_err *err) {
    sheet s;
    if (sheet_begin(&s, f, 4, 3, err) != 0) return -1;
    face_params a, b;
    person(500, 1, 'M', 34, &a);
    face_relate(&a, FACE_REL_AGED, 1, 10, &b);
    pair_row(&s, 0, &a, &b, "10 years later", 0, 11);
    person(600, 4, 'F', 41, &a);
    face_relate(&a, FACE_REL_AGED, 3, 10, &b);
    pair_row(&s, 1, &a, &b, "10 years later", 0, 13);
    person(700, 0, 'M', 29, &a);
    a.beard = FACE_BEARD_NONE, a.glasses = FACE_GLASSES_NONE;
    face_relate(&a, FACE_REL_SAME, 5, 0, &b);
    face_set_beard(&b, FACE_BEARD_FULL);
    face_set_glasses(&b, FACE_GLASSES_PLASTIC);
    pair_row(&s, 2, &a, &b, "same person", 0, 15);
    return sheet_end(&s, dir, "faces-aged.png", err);
}

static int related_sheet(const doc_fonts *f, const char *dir, face_relation rel, const char *name,
                         const char *what, bl_err *err) {
    static const struct {
        int profile;
        char sex;
        int years;
    } who[3] = {{2, 'F', 31}, {3, 'M', 46}, {5, 'F', 24}};
    sheet s;
    if (sheet_begin(&s, f, 4, 3, err) != 0) return -1;
    for (int i = 0; i < 3; i++) {
        face_params a, b;
        person(900 + (uint64_t)i * 101 + (uint64_t)rel * 7, who[i].profile, who[i].sex,
               who[i].years, &a);
        face_relate(&a, rel, 20 + (uint64_t)i, 3, &b);
        pair_row(&s, i, &a, &b, what, 1, 30 + (uint64_t)i * 2);
    }
    return sheet_end(&s, dir, name, err);
}

static int morph(const doc_fonts *f, const char *dir, bl_err *err) {
    sheet s;
    if (sheet_begin(&s, f, 3, 2, err) != 0) return -1;
    face_params a, b, m;
    person(1200, 0, 'F', 27, &a);
    face_relate(&a, FACE_REL_LOOKALIKE, 9, 0, &b);
    b.expression = 0, b.yaw = b.pitch = b.roll = 0;
    face_morph(&a, &b, 0.5, &m);
    char cap[96];
    snprintf(cap, sizeof cap, "morph (score %.2f / %.2f)", face_match_score(&m, &a, 1),
             face_match_score(&m, &b, 2));
    tile(&s, 0, 0, &a, NULL, "A: the document's holder");
    tile(&s, 1, 0, &m, NULL, cap);
    tile(&s, 2, 0, &b, NULL, "B: the traveler");
    face_capture ca, cb;
    face_capture_counter(41, &ca);
    face_capture_counter(42, &cb);
    tile(&s, 0, 1, &a, &ca, "A at the counter camera");
    tile(&s, 2, 1, &b, &cb, "B at the counter camera");
    return sheet_end(&s, dir, "faces-morph.png", err);
}

int render_face_sheets(const char *dir, bl_err *err) {
    doc_fonts f;
    if (fonts_load(&f, err) != 0) return -1;
    int rc = fs_mkdir(dir, err);
    if (rc == 0) rc = people(&f, dir, err);
    if (rc == 0) rc = aged(&f, dir, err);
    if (rc == 0)
        rc = related_sheet(&f, dir, FACE_REL_LOOKALIKE, "faces-lookalikes.png", "look-alike", err);
    if (rc == 0)
        rc = related_sheet(&f, dir, FACE_REL_SIBLING, "faces-siblings.png", "sibling", err);
    if (rc == 0) rc = morph(&f, dir, err);
    doc_fonts_unload(&f);
    return rc;
}
