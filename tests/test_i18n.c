/* test_i18n.c - the interface catalogues: complete in every language, texts
 * with reorderable placeholders, digits as the locale writes them, and a
 * missing text that falls back instead of failing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "i18n.h"

static i18n *load(const char *lang, const i18n *fallback) {
    bl_err err = {0};
    const char *json = i18n_builtin_json(lang);
    if (!json) fail_msg("no built-in catalogue '%s'", lang);
    i18n *c = i18n_load_json(json, strlen(json), lang, fallback, &err);
    if (!c) fail_msg("%s", err.msg);
    return c;
}

static void print_missing(void *ud, const char *key) {
    fprintf(stderr, "  %s lacks %s\n", (const char *)ud, key);
}

static void every_language_has_every_english_key(void **state) {
    (void)state;
    i18n *en = load("en", NULL);
    assert_true(i18n_builtin_count() >= 3);
    for (int i = 0; i < i18n_builtin_count(); i++) {
        const char *lang = i18n_builtin_lang(i);
        i18n *c = load(lang, en);
        int missing = i18n_missing(c, en, print_missing, (void *)lang);
        if (missing) fail_msg("%s lacks %d texts of the English catalogue", lang, missing);
        i18n_destroy(c);
    }
    i18n_destroy(en);
}

static void arabic_is_right_to_left_with_its_digits_and_marked_for_review(void **state) {
    (void)state;
    i18n *en = load("en", NULL), *ar = load("ar", en), *fr = load("fr", en);
    assert_true(i18n_rtl(ar));
    assert_false(i18n_rtl(fr));
    assert_false(i18n_rtl(en));
    char buf[64];
    i18n_number(ar, 2026, buf, sizeof buf);
    assert_string_equal(buf, "\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa6"); /* ٢٠٢٦ */
    i18n_number(fr, 2026, buf, sizeof buf);
    assert_string_equal(buf, "2026");
    i18n_digits(ar, "03:07", buf, sizeof buf);
    assert_string_equal(buf, "\xd9\xa0\xd9\xa3:\xd9\xa0\xd9\xa7");
    /* a developer's Arabic is marked for a translator's review */
    assert_true(i18n_needs_review(ar, "desk.title"));
    assert_false(i18n_needs_review(fr, "desk.title"));
    i18n_destroy(fr);
    i18n_destroy(ar);
    i18n_destroy(en);
}

static void placeholders_can_be_reordered(void **state) {
    (void)state;
    i18n *en = load("en", NULL), *fr = load("fr", en);
    char buf[128];
    i18n_format(en, buf, sizeof buf, "desk.traveler_of", "total", "3", "n", "1",
                (const char *)NULL);
    assert_string_equal(buf, "Traveler 1 of 3");
    i18n_format(fr, buf, sizeof buf, "desk.traveler_of", "n", "2", "total", "5",
                (const char *)NULL);
    assert_string_equal(buf, "Voyageur 2 sur 5");
    /* a translator may put placeholders in another order */
    const char *json = "{\"lang\": \"xx\", \"strings\": {\"desk.traveler_of\": \"{total}/{n}\"}}";
    bl_err err = {0};
    i18n *xx = i18n_load_json(json, strlen(json), "xx.json", en, &err);
    assert_non_null(xx);
    i18n_format(xx, buf, sizeof buf, "desk.traveler_of", "n", "2", "total", "5",
                (const char *)NULL);
    assert_string_equal(buf, "5/2");
    /* missing in xx: English; missing everywhere: the key itself */
    assert_string_equal(i18n_get(xx, "done.title"), "Session complete");
    assert_string_equal(i18n_get(xx, "no.such.key"), "no.such.key");
    /* truncation never overruns */
    char tiny[8];
    i18n_format(en, tiny, sizeof tiny, "done.text", "n", "12", (const char *)NULL);
    assert_int_equal(strlen(tiny), 7);
    i18n_destroy(xx);
    i18n_destroy(fr);
    i18n_destroy(en);
}

static void broken_catalogues_are_refused_with_a_reason(void **state) {
    (void)state;
    static const struct {
        const char *json, *message;
    } cases[] = {
        {"{\"lang\": \"xx\", \"strings\": {\"a\": \"1\"}, \"colour\": 1}",
         "unknown key \"colour\""},
        {"{\"strings\": {}}", "needs \"lang\""},
        {"{\"lang\": \"xx\", \"dir\": \"up\", \"strings\": {}}", "dir: expected"},
        {"{\"lang\": \"xx\", \"strings\": {\"a\": 1}}", "strings.a: expected a string"},
        {"{\"lang\": \"xx\", \"strings\": {\"a\": \"1\"}, \"review\": [\"b\"]}",
         "\"b\" is not a key"},
        {"{\"lang\": \"xx\", \"strings\": {\"a\": \"1\", \"a\": \"2\"}}", "appears twice"},
        {"{\"lang\": \"xx\", \"strings\": ", "not valid JSON"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bl_err err = {0};
        i18n *c = i18n_load_json(cases[i].json, strlen(cases[i].json), "t.json", NULL, &err);
        if (c) fail_msg("case %zu loaded", i);
        if (!strstr(err.msg, cases[i].message) || !strstr(err.msg, "t.json"))
            fail_msg("case %zu: message \"%s\" lacks \"%s\"", i, err.msg, cases[i].message);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_language_has_every_english_key),
        cmocka_unit_test(arabic_is_right_to_left_with_its_digits_and_marked_for_review),
        cmocka_unit_test(placeholders_can_be_reordered),
        cmocka_unit_test(broken_catalogues_are_refused_with_a_reason),
    };
    return cmocka_run_group_tests_name("i18n", tests, NULL, NULL);
}
