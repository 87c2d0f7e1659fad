#define _POSIX_C_SOURCE 200809L
/* test_text.c - text is shaped and ordered right: Arabic glyphs as HarfBuzz's
 * own hb-shape gives them for the same font, mixed lines in FriBidi's visual
 * order, and joined letters on the rendered pixels. */
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
        cmocka_unit_test(invalid_utf8_is_an_error_with_offset),
    };
    return cmocka_run_group_tests_name("text", tests, setup, teardown);
}
