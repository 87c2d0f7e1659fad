/* test_desk_verify.c - the layout rule's checker (desk_verify.h) finds each
 * kind of fault in a draw list made for it, and nothing in a clean one, at
 * 1280x720 and at 1.5 times that; and the debrief marks a defect found, one
 * missed and a false finding by line as well as colour, on the draw list
 * (what a trainee who does not tell red from green still sees). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "desk.h"
#include "desk_draw_internal.h"
#include "desk_verify.h"
#include "test_fonts.h"

/* ------------------------------------------------------------ a list */

typedef struct bench {
    doc_fonts fonts;
    draw_list dl;
    int faults[DESK_FAULT_KINDS];
    int other; /* the last OVERLAP's other text */
} bench;

static int setup(void **state) {
    bench *b = calloc(1, sizeof *b);
    bl_err err = {0};
    if (!b || test_fonts_load(&b->fonts, &err) != 0) {
        fprintf(stderr, "setup: %s\n", err.msg);
        free(b);
        return -1;
    }
    *state = b;
    return 0;
}

static int teardown(void **state) {
    bench *b = *state;
    doc_fonts_unload(&b->fonts);
    free(b);
    return 0;
}

static draw_cmd *push(bench *b, draw_kind k) {
    draw_cmd *c = &b->dl.cmd[b->dl.n++];
    memset(c, 0, sizeof *c);
    c->kind = k;
    return c;
}

static void fill(bench *b, int x, int y, int w, int h, uint32_t rgba) {
    draw_cmd *c = push(b, DRAW_FILL);
    c->x = x, c->y = y, c->w = w, c->h = h, c->rgba = rgba;
}

static draw_cmd *text(bench *b, int x, int y, int size, const char *s, desk_rect box) {
    draw_cmd *c = push(b, DRAW_TEXT);
    c->x = x, c->y = y, c->size = size, c->text = s, c->rgba = 0xFFEDEDEDu, c->box = box;
    return c;
}

/* A dark screen and a dark panel at (100, 100) 400x200. */
static void start(bench *b) {
    memset(&b->dl, 0, sizeof b->dl);
    fill(b, 0, 0, DESK_W, DESK_H, 0xFF2B2520u);
    fill(b, 100, 100, 400, 200, 0xFF201C18u);
}

static const desk_rect PANEL = {100, 100, 400, 200};

static void on_fault(void *ud, const desk_fault *f) {
    bench *b = ud;
    b->faults[f->kind]++;
    if (f->kind == DESK_FAULT_OVERLAP) b->other = f->other;
}

/* Checks the list at a zoom; returns the number of faults. */
static int verify(bench *b, double zoom) {
    memset(b->faults, 0, sizeof b->faults);
    bl_err err = {0};
    int n = desk_verify(&b->dl, &b->fonts, 0, zoom, on_fault, b, &err);
    if (n < 0) fail_msg("desk_verify: %s", err.msg);
    return n;
}

/* ------------------------------------------------------------ faults */

static void a_clean_list_has_no_fault(void **state) {
    bench *b = *state;
    start(b);
    text(b, 120, 140, 14, "Findings: 2", PANEL);
    text(b, 120, 170, 16, "Votre décision : Protection", PANEL)->bold = 1;
    draw_cmd *c = text(b, 120, 200, 14, "يجيب بالعربية: من أين أنت قادم؟", PANEL);
    c->dir = 2;
    for (double z = 1; z <= 1.5; z += 0.5)
        assert_int_equal(verify(b, z), 0);
}

static void a_text_without_a_box(void **state) {
    bench *b = *state;
    start(b);
    text(b, 120, 140, 14, "nobody boxed me", (desk_rect){0, 0, 0, 0});
    assert_int_equal(verify(b, 1), 1);
    assert_int_equal(b->faults[DESK_FAULT_NO_BOX], 1);
}

static void small_text_and_the_label_exception(void **state) {
    bench *b = *state;
    start(b);
    text(b, 120, 140, 13, "thirteen pixels", PANEL);
    text(b, 120, 170, 12, "7", PANEL)->label = 1; /* a region's number: allowed */
    text(b, 120, 200, 11, "8", PANEL)->label = 1; /* ... not this small */
    assert_int_equal(verify(b, 1), 2);
    assert_int_equal(b->faults[DESK_FAULT_SMALL], 2);
    assert_int_equal(verify(b, 1.5), 2); /* the same at 1920x1080 */
}

static void a_line_too_long_is_cut(void **state) {
    bench *b = *state;
    start(b);
    draw_cmd *c =
        text(b, 120, 140, 14, "a line far too long for the little room it is given", PANEL);
    c->max_w = 120; /* shrinks to 14 px, no further: the rest is cut */
    assert_int_equal(verify(b, 1), 1);
    assert_int_equal(b->faults[DESK_FAULT_CUT], 1);
    start(b);
    c = text(b, 120, 140, 14, "a paragraph that wraps into more lines than it may have", PANEL);
    c->max_w = -120, c->lines = 2;
    assert_int_equal(verify(b, 1), 1);
    assert_int_equal(b->faults[DESK_FAULT_CUT], 1);
}

static void ink_outside_its_box(void **state) {
    bench *b = *state;
    start(b);
    text(b, 450, 140, 14, "runs out of the panel", PANEL); /* no width: runs past x 500 */
    text(b, 120, 100, 14, "Above", PANEL);                 /* its capitals over the top */
    assert_int_equal(verify(b, 1), 2);
    assert_int_equal(b->faults[DESK_FAULT_OUTSIDE], 2);
    assert_int_equal(verify(b, 1.5), 2);
}

static void texts_over_each_other(void **state) {
    bench *b = *state;
    start(b);
    text(b, 120, 140, 14, "first", PANEL);
    text(b, 140, 146, 14, "second", PANEL);
    assert_int_equal(verify(b, 1), 1);
    assert_int_equal(b->faults[DESK_FAULT_OVERLAP], 1);
    assert_int_equal(b->other, 2);
    /* a dialog drawn between them hides the first: nothing meets */
    start(b);
    text(b, 120, 140, 14, "first", PANEL);
    fill(b, 110, 110, 200, 100, 0xFF201C18u);
    text(b, 140, 146, 14, "second", (desk_rect){110, 110, 200, 100});
    assert_int_equal(verify(b, 1), 0);
}

static void faint_text_and_text_on_a_picture(void **state) {
    bench *b = *state;
    start(b);
    text(b, 120, 140, 14, "grey on grey", PANEL)->rgba = 0xFF403830u;
    assert_int_equal(verify(b, 1), 1);
    assert_int_equal(b->faults[DESK_FAULT_FAINT], 1);
    start(b);
    draw_cmd *t = push(b, DRAW_TEX);
    t->tex = TEX_LOUPE, t->x = 100, t->y = 100, t->w = 220, t->h = 220;
    text(b, 250, 280, 14, "4x", PANEL)->align = 2;
    assert_int_equal(verify(b, 1), 1);
    assert_int_equal(b->faults[DESK_FAULT_ON_PICTURE], 1);
    fill(b, 200, 262, 60, 26, 0xFF201C18u); /* a plate of its own */
    draw_cmd again = b->dl.cmd[b->dl.n - 2];
    b->dl.cmd[b->dl.n++] = again;
    assert_int_equal(verify(b, 1), 1); /* the first one still is */
    assert_true(desk_contrast(0xFFFFFFFFu, 0xFF000000u) > 20.9);
    assert_true(desk_contrast(0xFF767676u, 0xFFFFFFFFu) > 4.5); /* WCAG's own example */
}

static void a_picture_drawn_over_a_text(void **state) {
    bench *b = *state;
    start(b);
    text(b, 120, 140, 14, "a title under its picture", PANEL);
    draw_cmd *t = push(b, DRAW_TEX);
    t->tex = TEX_DOC, t->x = 110, t->y = 132, t->w = 200, t->h = 100;
    assert_int_equal(verify(b, 1), 1);
    assert_int_equal(b->faults[DESK_FAULT_COVERED], 1);
    t->tex = TEX_LOUPE; /* the loupe follows the pointer over everything */
    assert_int_equal(verify(b, 1), 0);
}

static void a_full_list(void **state) {
    bench *b = *state;
    start(b);
    while (b->dl.n < DRAW_MAX)
        fill(b, 0, 0, 1, 1, 0xFF000000u);
    assert_int_equal(verify(b, 1), 1);
    assert_int_equal(b->faults[DESK_FAULT_FULL], 1);
}

/* ------------------------------------------------------------ marks */

/* The fills and frames drawn for a debrief mark of 60x40 at (100, 100),
 * with the colour taken out: what the mark looks like in grey. */
typedef struct shape {
    int frames, fills, thick, longest;
} shape;

static shape shape_of(int what) {
    draw_list *dl = calloc(1, sizeof *dl);
    assert_non_null(dl);
    desk_mark_style m = desk_debrief_mark(what);
    dl_frame_pattern(dl, (desk_rect){100, 100, 60, 40}, m.thick, m.pattern, m.rgba);
    shape s = {0, 0, m.thick, 0};
    for (int i = 0; i < dl->n; i++) {
        const draw_cmd *c = &dl->cmd[i];
        s.frames += c->kind == DRAW_FRAME, s.fills += c->kind == DRAW_FILL;
        int len = c->w > c->h ? c->w : c->h;
        if (c->kind == DRAW_FILL && len > s.longest) s.longest = len;
    }
    free(dl);
    return s;
}

static void marks_differ_without_colour(void **state) {
    (void)state;
    shape found = shape_of(DESK_MARK_FOUND), missed = shape_of(DESK_MARK_MISSED),
          fals = shape_of(DESK_MARK_FALSE), flag = shape_of(DESK_MARK_FLAG);
    /* found: one solid frame; missed: dashes; false: dots */
    assert_int_equal(found.frames, 1), assert_int_equal(found.fills, 0);
    assert_int_equal(missed.frames, 0), assert_true(missed.fills >= 8);
    assert_int_equal(fals.frames, 0), assert_true(fals.fills > missed.fills);
    assert_true(missed.longest > 2 * missed.thick); /* dashes, longer than deep */
    assert_true(fals.longest <= fals.thick);        /* dots, as long as deep */
    assert_true(found.thick > flag.thick);          /* a defect's mark, heavier than a flag */
    assert_true(fals.thick > flag.thick || fals.fills > 0);
}

/* What is drawn along a region's outline after the debrief's picture (the
 * command at `pic`): frames and fills within a few px of its edges. */
static shape drawn_around(const draw_list *dl, int pic, desk_rect r) {
    shape s = {0, 0, 0, 0};
    for (int i = pic + 1; i < dl->n; i++) {
        const draw_cmd *c = &dl->cmd[i];
        if (c->kind != DRAW_FILL && c->kind != DRAW_FRAME) continue;
        int in = c->x >= r.x - 4 && c->y >= r.y - 4 && c->x + c->w <= r.x + r.w + 4 &&
                 c->y + c->h <= r.y + r.h + 4;
        int edge = c->x <= r.x + 1 || c->y <= r.y + 1 || c->x + c->w >= r.x + r.w - 1 ||
                   c->y + c->h >= r.y + r.h - 1;
        if (!in || !edge) continue;
        s.frames += c->kind == DRAW_FRAME, s.fills += c->kind == DRAW_FILL;
        int len = c->w > c->h ? c->w : c->h;
        if (c->kind == DRAW_FILL && len > s.longest) s.longest = len;
    }
    return s;
}

static void the_debrief_draws_them(void **state) {
    (void)state;
    desk_session *s = calloc(1, sizeof *s);
    desk_state *st = calloc(1, sizeof *st);
    draw_list *dl = calloc(1, sizeof *dl);
    assert_non_null(s), assert_non_null(st), assert_non_null(dl);
    bl_err err = {0};
    desk_session_default(s);
    assert_int_equal(desk_session_resolve(s, &err), 0);
    desk_init(st, s, NULL, 0, NULL, NULL);
    input_event ev = {.kind = EV_KEY, .key = KEY_A};
    desk_step(st, &ev, NULL, NULL);
    ev.key = KEY_RETURN;
    desk_step(st, &ev, NULL, NULL);
    assert_int_equal(st->mode, DESK_DEBRIEF);
    desk_debrief d = {.n_items = 2, .n_flags = 1};
    d.items[0] = (desk_debrief_item){0, 0, "uv_missing", 10, 10, 20, 20, LIGHT_VISIBLE, 2};
    d.items[1] = (desk_debrief_item){0, 0, "uv_missing", 60, 10, 20, 20, LIGHT_VISIBLE, 0};
    d.flags[0] = (desk_debrief_flag){0, 0, 10, 50, 20, 20, "photo_substitution", FLAG_FALSE, ""};
    desk_set_debrief(st, 0, &d);
    desk_draw(st, dl);
    int pic = -1;
    for (int i = 0; i < dl->n && pic < 0; i++)
        if (dl->cmd[i].kind == DRAW_TEX && dl->cmd[i].tex == TEX_DOC) pic = i;
    assert_true(pic >= 0);
    const draw_cmd *p = &dl->cmd[pic];
    double k = p->w / s->travelers[0].docs[0].mm_w;
    desk_rect r[3];
    for (int i = 0; i < 3; i++) {
        double x = i < 2 ? d.items[i].x : d.flags[0].x, y = i < 2 ? d.items[i].y : d.flags[0].y;
        r[i] = (desk_rect){p->x + (int)(x * k), p->y + (int)(y * k), (int)(20 * k), (int)(20 * k)};
    }
    shape found = drawn_around(dl, pic, r[0]), missed = drawn_around(dl, pic, r[1]),
          fals = drawn_around(dl, pic, r[2]);
    assert_true(found.frames == 1 && found.fills == 0);   /* solid */
    assert_true(missed.frames == 0 && missed.fills >= 8); /* dashes */
    assert_true(fals.frames == 0 && fals.fills > missed.fills);
    assert_true(missed.longest > fals.longest); /* dashes are longer than dots */
    free(dl), free(st), free(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_clean_list_has_no_fault),
        cmocka_unit_test(a_text_without_a_box),
        cmocka_unit_test(small_text_and_the_label_exception),
        cmocka_unit_test(a_line_too_long_is_cut),
        cmocka_unit_test(ink_outside_its_box),
        cmocka_unit_test(texts_over_each_other),
        cmocka_unit_test(faint_text_and_text_on_a_picture),
        cmocka_unit_test(a_picture_drawn_over_a_text),
        cmocka_unit_test(a_full_list),
        cmocka_unit_test(marks_differ_without_colour),
        cmocka_unit_test(the_debrief_draws_them),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
