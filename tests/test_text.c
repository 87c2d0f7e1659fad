#define _POSIX_C_SOURCE 200809L
/* test_text.c - text is shaped and ordered right: Arabic glyphs as HarfBuzz's
 * own hb-shape gives them for the same font, mixed lines in FriBidi's visual
 * order, a right-to-left paragraph's Latin stage direction and its mirrored
 * brackets, paragraphs wrapped in logical order, and joined letters on the
 * rendered pixels. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <fribidi.h>

#include "text.h"

#define ARABIC_FONT "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"
#define LATIN_FONT  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

typedef struct {
    text_font *latin, *arabic;
} fonts;

static int setup(void **state) {
    fonts *f = calloc(1, sizeof *f);
    bl_err err = {0};
    f->latin = text_font_load(LATIN_FONT, &err);
    f->arabic = text_font_load(ARABIC_FONT, &err);
    if (!f->latin || !f->arabic) {
        fprintf(stderr, "setup: %s (install fonts-dejavu-core and fonts-noto-core)\n", err.msg);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fonts *f = *state;
    text_font_destroy(f->latin);
    text_font_destroy(f->arabic);
    free(f);
    return 0;
}

/* Glyph ids hb-shape prints for `s` with the Arabic font, left to right. */
static int hb_shape_gids(const char *s, unsigned *gids, int cap) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "hb-shape --no-glyph-names --no-positions --no-clusters '%s' '%s'",
             ARABIC_FONT, s);
    FILE *p = popen(cmd, "r");
    if (!p) return -1;
    char line[1024] = "";
    char *got = fgets(line, sizeof line, p);
    int st = pclose(p);
    if (!got || st != 0) {
        fail_msg("hb-shape did not run (exit %d): install libharfbuzz-bin (scripts/test does)", st);
        return -1;
    }
    int n = 0;
    for (char *q = line; *q && n < cap; q++)
        if (*q >= '0' && *q <= '9') {
            gids[n++] = (unsigned)strtoul(q, &q, 10);
            if (!*q) break;
        }
    return n;
}

static void arabic_names_shape_as_hb_shape_does(void **state) {
    fonts *f = *state;
    static const char *names[] = {"محمد", "فاطمة الزهراء", "عبد الله", "يوسف", "ليلى"};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        unsigned want[64];
        int n = hb_shape_gids(names[k], want, 64);
        text_style st = {f->latin, f->arabic, 40, 0, 0};
        text_layout lay;
        bl_err err = {0};
        assert_int_equal(text_layout_make(&st, names[k], &lay, &err), 0);
        if (lay.n != n) fail_msg("%s: %d glyphs, hb-shape gives %d", names[k], lay.n, n);
        for (int i = 0; i < n; i++) {
            if (lay.g[i].gid != want[i])
                fail_msg("%s: glyph %d is %u, hb-shape gives %u", names[k], i, lay.g[i].gid,
                         want[i]);
            assert_true(lay.g[i].font == f->arabic);
            assert_true(lay.g[i].rtl);
        }
        text_layout_free(&lay);
    }
}

/* Character index of each glyph, left to right (one glyph per character here:
 * the test line has no ligatures). */
static void mixed_line_in_fribidi_visual_order(void **state) {
    fonts *f = *state;
    const char *line = "الاسم: محمد L898902C3 1974";
    text_style st = {f->latin, f->arabic, 30, 0, 0};
    text_layout lay;
    bl_err err = {0};
    assert_int_equal(text_layout_make(&st, line, &lay, &err), 0);
    /* FriBidi's own visual order for the same paragraph. */
    FriBidiChar u[128];
    FriBidiStrIndex len =
        fribidi_charset_to_unicode(FRIBIDI_CHAR_SET_UTF8, line, (FriBidiStrIndex)strlen(line), u);
    FriBidiChar vis[128];
    FriBidiStrIndex v2l[128];
    FriBidiParType base = FRIBIDI_PAR_ON;
    assert_true(fribidi_log2vis(u, len, &base, vis, NULL, v2l, NULL) != 0);
    /* Map our glyphs' byte clusters to character indices. */
    int byte_to_char[256];
    for (int i = 0, c = 0; line[i]; i++)
        if (((unsigned char)line[i] & 0xC0) != 0x80) byte_to_char[i] = c++;
    int ours[128], n = 0;
    for (int i = 0; i < lay.n; i++) {
        int c = byte_to_char[lay.g[i].cluster];
        if (n == 0 || ours[n - 1] != c) ours[n++] = c;
    }
    /* Lam-alef in الاسم makes one ligature glyph for two characters: compare
     * FriBidi's order with consecutive duplicates of a ligature collapsed. */
    int theirs[128], m = 0;
    for (int i = 0; i < len; i++)
        theirs[m++] = v2l[i];
    /* Our order must be FriBidi's with only ligature partners left out. */
    int pos = 0;
    for (int i = 0; i < n; i++) {
        while (pos < m && theirs[pos] != ours[i])
            pos++;
        if (pos == m) fail_msg("glyph %d (char %d) is out of FriBidi's visual order", i, ours[i]);
    }
    assert_true(n >= m - 2); /* at most the ligature's partner characters are merged */
    /* The Latin number reads left to right and sits left of the Arabic name. */
    const char *num = strstr(line, "L898902C3");
    int first_l = -1, first_m = -1;
    for (int i = 0; i < lay.n; i++) {
        if (lay.g[i].cluster == (uint32_t)(num - line) && first_l < 0) first_l = i;
        if (lay.g[i].cluster == (uint32_t)(strstr(line, "محمد") - line)) first_m = i;
    }
    assert_true(first_l >= 0 && first_m >= 0);
    assert_true(lay.g[first_l].x < lay.g[first_m].x);
    assert_false(lay.g[first_l].rtl);
    text_layout_free(&lay);
}

typedef struct {
    uint8_t *px;
    int w, h;
} mask;

static void plot(void *ud, int x, int y, int cov) {
    mask *m = ud;
    if (x < 0 || y < 0 || x >= m->w || y >= m->h) return;
    uint8_t *p = &m->px[(size_t)y * m->w + x];
    if (cov > *p) *p = (uint8_t)cov;
}

/* 4-connected components of ink (coverage >= 128). */
static int components(const mask *m) {
    int *stack = malloc(sizeof(int) * (size_t)m->w * m->h);
    uint8_t *seen = calloc((size_t)m->w * m->h, 1);
    int n = 0;
    for (int i = 0; i < m->w * m->h; i++) {
        if (m->px[i] < 128 || seen[i]) continue;
        n++;
        int top = 0;
        stack[top++] = i;
        seen[i] = 1;
        while (top) {
            int p = stack[--top], x = p % m->w, y = p / m->w;
            int nb[4] = {x > 0 ? p - 1 : -1, x < m->w - 1 ? p + 1 : -1, y > 0 ? p - m->w : -1,
                         y < m->h - 1 ? p + m->w : -1};
            for (int k = 0; k < 4; k++)
                if (nb[k] >= 0 && !seen[nb[k]] && m->px[nb[k]] >= 128) {
                    seen[nb[k]] = 1;
                    stack[top++] = nb[k];
                }
        }
    }
    free(stack);
    free(seen);
    return n;
}

static void rendered_arabic_letters_join(void **state) {
    fonts *f = *state;
    text_style st = {f->latin, f->arabic, 64, 0, 0};
    bl_err err = {0};
    mask word = {calloc(600 * 120, 1), 600, 120}, apart = {calloc(600 * 120, 1), 600, 120};
    /* محمد has no dots: joined, it is one stroke; letters apart are four. */
    assert_true(text_draw(&st, "محمد", 20, 80, plot, &word, &err) > 0);
    assert_true(text_draw(&st, "م ح م د", 20, 80, plot, &apart, &err) > 0);
    int cw = components(&word), ca = components(&apart);
    if (!(cw <= 2 && ca >= 4))
        fail_msg("joined word has %d ink components, isolated letters %d", cw, ca);
    free(word.px);
    free(apart.px);
}

/* The glyph drawn for the character at byte `at`, or -1. */
static int glyph_at(const text_layout *lay, int at) {
    for (int i = 0; i < lay->n; i++)
        if (lay->g[i].cluster == (uint32_t)at) return i;
    return -1;
}

/* An Arabic answer that opens with an English stage direction, laid out as
 * the right-to-left paragraph it is: read from the right, the bracketed
 * Latin words come first (at the right end, themselves left to right, the
 * opening bracket on their right drawn as the mirrored glyph), then the
 * Arabic. From its first strong letter the same text would be a
 * left-to-right paragraph with the brackets at the left: the wrong order. */
static void rtl_paragraph_keeps_a_latin_stage_direction_first(void **state) {
    fonts *f = *state;
    const char *s = "(looks down) لا أعرف";
    const int open = 0, l = 1, n = 10, close = 11, arabic = 13;
    text_style st = {f->latin, f->arabic, 30, 0, TEXT_DIR_RTL};
    text_layout lay;
    bl_err err = {0};
    assert_int_equal(text_layout_make(&st, s, &lay, &err), 0);
    int go = glyph_at(&lay, open), gl = glyph_at(&lay, l), gn = glyph_at(&lay, n),
        gc = glyph_at(&lay, close), ga = glyph_at(&lay, arabic);
    assert_true(go >= 0 && gl >= 0 && gn >= 0 && gc >= 0 && ga >= 0);
    for (int i = 0; i < lay.n; i++) /* the opening bracket is the rightmost glyph */
        if (i != go) assert_true(lay.g[i].x < lay.g[go].x);
    assert_true(lay.g[gl].x < lay.g[gn].x); /* "looks down" reads left to right */
    assert_true(lay.g[gc].x < lay.g[gl].x); /* the closing bracket on its left */
    assert_true(lay.g[ga].x < lay.g[gc].x); /* the Arabic after it, further left */
    assert_true(lay.g[go].rtl && lay.g[gc].rtl && !lay.g[gl].rtl);
    /* mirrored: "(" is drawn with the glyph of ")" in its font, and the other way */
    assert_int_equal(lay.g[go].gid, text_font_glyph(lay.g[go].font, ')'));
    assert_int_equal(lay.g[gc].gid, text_font_glyph(lay.g[gc].font, '('));
    text_layout_free(&lay);
    /* the same text from its first strong letter: left to right, "(" leftmost */
    st.dir = TEXT_DIR_AUTO;
    assert_int_equal(text_layout_make(&st, s, &lay, &err), 0);
    go = glyph_at(&lay, open);
    for (int i = 0; i < lay.n; i++)
        if (i != go) assert_true(lay.g[i].x > lay.g[go].x);
    assert_int_equal(lay.g[go].gid, text_font_glyph(lay.g[go].font, '('));
    text_layout_free(&lay);
}

/* A wrapped right-to-left paragraph: lines in logical order (the first
 * words on the first line), none wider than asked, every character on
 * exactly one line, and each line laid out with the paragraph's direction
 * even when it opens with Latin letters: the line "(looks down) ok" keeps
 * its bracket at its right end, as the paragraph reads. */
static void wrapped_lines_keep_logical_order_and_the_paragraphs_direction(void **state) {
    fonts *f = *state;
    const char *s = "لا أعرف شيئا عن ذلك (looks down) ok يا سيدي";
    text_style st = {f->latin, f->arabic, 20, 0, TEXT_DIR_RTL};
    text_para p;
    bl_err err = {0};
    assert_int_equal(text_para_make(&st, s, 150, &p, &err), 0);
    assert_true(p.rtl);
    assert_true(p.n >= 3);
    int expect = 0, bracket_line = -1;
    for (int i = 0; i < p.n; i++) {
        const text_line *ln = &p.line[i];
        assert_int_equal(ln->start, expect); /* logical order, nothing skipped but spaces */
        expect = ln->start + ln->len;
        while (s[expect] == ' ')
            expect++;
        if (ln->lay.width > 150)
            fail_msg("line %d is %.1f px wide, more than 150", i, ln->lay.width);
        if (s[ln->start] == '(') bracket_line = i;
    }
    assert_int_equal(expect, (int)strlen(s));
    if (bracket_line < 0) fail_msg("no line starts at the bracket: the test text wraps elsewhere");
    const text_layout *lay = &p.line[bracket_line].lay;
    int go = glyph_at(lay, p.line[bracket_line].start);
    for (int i = 0; i < lay->n; i++)
        if (i != go) assert_true(lay->g[i].x < lay->g[go].x);
    text_para_free(&p);
    /* one word wider than the width has a line of its own */
    assert_int_equal(text_para_make(&st, "a Constantinople b", 40, &p, &err), 0);
    assert_int_equal(p.n, 3);
    assert_true(p.line[1].lay.width > 40 && p.width == p.line[1].lay.width);
    text_para_free(&p);
    /* a line feed breaks; width 0 keeps one line */
    assert_int_equal(text_para_make(&st, "one two\nthree", 1000, &p, &err), 0);
    assert_int_equal(p.n, 2);
    assert_int_equal(p.line[1].start, 8);
    text_para_free(&p);
    assert_int_equal(text_para_make(&st, "one two three", 0, &p, &err), 0);
    assert_int_equal(p.n, 1);
    text_para_free(&p);
}

static void invalid_utf8_is_an_error_with_offset(void **state) {
    fonts *f = *state;
    text_style st = {f->latin, f->arabic, 20, 0, 0};
    text_layout lay;
    bl_err err = {0};
    assert_int_equal(text_layout_make(&st, "ab\xC3(", &lay, &err), -1);
    assert_non_null(strstr(err.msg, "byte 2"));
    assert_int_equal(text_layout_make(&st, "\xED\xA0\x80", &lay, &err), -1); /* surrogate */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arabic_names_shape_as_hb_shape_does),
        cmocka_unit_test(mixed_line_in_fribidi_visual_order),
        cmocka_unit_test(rendered_arabic_letters_join),
        cmocka_unit_test(rtl_paragraph_keeps_a_latin_stage_direction_first),
        cmocka_unit_test(wrapped_lines_keep_logical_order_and_the_paragraphs_direction),
        cmocka_unit_test(invalid_utf8_is_an_error_with_offset),
    };
    return cmocka_run_group_tests_name("text", tests, setup, teardown);
}
