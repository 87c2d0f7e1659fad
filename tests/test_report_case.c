/* test_report_case.c - a trainee report's case pictures (engine/app/
 * report_case.c, compiled into this test with the page buffer it writes
 * into) tell a defect found, one missed and a false finding apart by line
 * as well as colour, as the desk's debrief does (desk_debrief_mark): solid,
 * dashed, dotted, each drawn again in a key under the pictures. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../engine/app/report_case.c"
#include "../engine/app/report_html.c"
#include "fsio.h"

static i18n *load_file(const char *path, const char *lang) {
    bl_err err = {0};
    size_t len = 0;
    char *json = fs_read_all(path, 1u << 20, &len, &err);
    if (!json) fail_msg("%s: %s", path, err.msg);
    i18n *c = i18n_load_json(json, len, lang, NULL, &err);
    free(json);
    if (!c) fail_msg("%s: %s", path, err.msg);
    return c;
}

/* The stroke-dasharray of the first rect of class `cls` in `html` after
 * `from` ("" : none); NULL when there is no such rect. */
static const char *dashes_of(const char *html, const char *from, const char *cls, char *out,
                             size_t cap) {
    char want[64];
    snprintf(want, sizeof want, "<rect class=\"%s\"", cls);
    const char *r = strstr(strstr(html, from) ? strstr(html, from) : html, want);
    if (!r) return NULL;
    const char *end = strchr(r, '>'), *d = strstr(r, "stroke-dasharray=\"");
    out[0] = '\0';
    if (d && d < end) {
        d += strlen("stroke-dasharray=\"");
        snprintf(out, cap, "%.*s", (int)(strchr(d, '"') - d), d);
    }
    return out;
}

static void case_pictures_tell_marks_apart_by_line(void **state) {
    (void)state;
    record_case rc;
    memset(&rc, 0, sizeof rc);
    snprintf(rc.traveler, sizeof rc.traveler, "T1");
    rc.index = 1;
    desk_debrief *d = &rc.d;
    d->ready = 1, d->n_docs = 1, d->doc_w[0] = 125, d->doc_h[0] = 88;
    snprintf(d->doc_template[0], sizeof d->doc_template[0], "uto-passport-td3");
    d->n_items = 2;
    d->items[0] = (desk_debrief_item){0, 0, "uv_emblem_missing", 10, 10, 20, 20, 1, 2};
    d->items[1] = (desk_debrief_item){0, 0, "photo_substitution", 60, 10, 20, 20, 0, 0};
    d->n_flags = 2;
    d->flags[0] = (desk_debrief_flag){0, 0, 10, 50, 20, 20, "photo_substitution", FLAG_FALSE, ""};
    d->flags[1] = (desk_debrief_flag){0, 0, 10, 10, 20, 20, "uv_missing", FLAG_NAMED, ""};
    char *json = record_case_json(&rc);
    assert_non_null(json);
    rcase c = {.detail = json, .scenario = "s-test", .seq = 1};
    report r = {.c = &c, .n = 1};
    i18n *lang = load_file(BL_SOURCE_DIR "/assets/report/en.json", "en");
    const char *dj = i18n_builtin_json("en");
    bl_err err = {0};
    i18n *desk = i18n_load_json(dj, strlen(dj), "en", NULL, &err);
    assert_non_null(desk);
    sb o = {.lang = lang, .en = lang, .desk = desk};
    report_case_debriefs(&o, &r);
    assert_false(o.oom);
    const char *html = o.p;
    char a[32], b[32], f[32], t[32];
    /* on the document's picture: found solid, missed dashed, false dotted */
    assert_non_null(dashes_of(html, "class=\"docmap\"", "truth found", a, sizeof a));
    assert_non_null(dashes_of(html, "class=\"docmap\"", "truth missed", b, sizeof b));
    assert_non_null(dashes_of(html, "class=\"docmap\"", "flag false", f, sizeof f));
    assert_non_null(dashes_of(html, "class=\"docmap\"", "flag true", t, sizeof t));
    assert_string_equal(a, "");
    assert_string_equal(t, "");
    assert_true(b[0] && f[0] && strcmp(b, f) != 0);
    /* the same lines, named, under the pictures */
    const char *key = strstr(html, "<p class=\"legend marks\">");
    assert_non_null(key);
    char ka[32], kb[32], kf[32];
    assert_non_null(dashes_of(key, "", "truth found", ka, sizeof ka));
    assert_non_null(dashes_of(key, "", "truth missed", kb, sizeof kb));
    assert_non_null(dashes_of(key, "", "flag false", kf, sizeof kf));
    assert_string_equal(ka, a), assert_string_equal(kb, b), assert_string_equal(kf, f);
    assert_non_null(strstr(key, "defect missed"));
    assert_non_null(strstr(key, "your flag, nothing wrong"));
    free(o.p);
    free(json);
    i18n_destroy(desk);
    i18n_destroy(lang);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(case_pictures_tell_marks_apart_by_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
