/* test_jsonfmt.c - the one JSON writer: whatever a string holds, what comes
 * out is valid JSON that reads back as the string (or, for bytes that are
 * not UTF-8, with U+FFFD in their place); numbers are printf's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <cmocka.h>

#include "jsonfmt.h"

/* Writes {"s": "<s>"} and reads s back. */
static void round_trip(const char *s, const char *want) {
    char out[512];
    int n = json_fmt(out, sizeof out, "{\"s\": \"%s\", \"n\": %d}", s, 7);
    assert_true(n > 0 && (size_t)n < sizeof out);
    cJSON *o = cJSON_Parse(out);
    if (!o) fail_msg("not JSON: %s", out);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "s");
    assert_true(cJSON_IsString(v));
    assert_string_equal(v->valuestring, want);
    assert_int_equal(cJSON_GetObjectItemCaseSensitive(o, "n")->valueint, 7);
    for (const char *c = out; *c; c++) /* one line, nothing a terminal acts on */
        assert_true((unsigned char)*c >= 0x20 && *c != 0x7F);
    cJSON_Delete(o);
}

static void every_string_reads_back(void **state) {
    (void)state;
    round_trip("plain", "plain");
    round_trip("a \"quoted\" \\ word", "a \"quoted\" \\ word");
    round_trip("two\nlines\tand\ra tab", "two\nlines\tand\ra tab");
    round_trip("\x1b[31mred\x1b[0m \x01\x7f", "\x1b[31mred\x1b[0m \x01\x7f");
    round_trip("فاطمة بن سالم", "فاطمة بن سالم");                         /* Arabic, as it is */
    round_trip("bad \xff\xfe byte", "bad \xEF\xBF\xBD\xEF\xBF\xBD byte"); /* not UTF-8 */
    round_trip("cut \xe2\x82", "cut \xEF\xBF\xBD\xEF\xBF\xBD");           /* a sequence cut short */
    round_trip("", "");
}

static void numbers_are_printf_s(void **state) {
    (void)state;
    char out[128];
    json_fmt(out, sizeof out, "[%d, %ld, %lld, %zu, %.3f, %g, %u, %x, %c, 100%%]", -3, 40L,
             1234567890123LL, (size_t)9, 2.5, 0.125, 7u, 255u, 'q');
    assert_string_equal(out, "[-3, 40, 1234567890123, 9, 2.500, 0.125, 7, ff, q, 100%]");
    /* too small a buffer: cut, terminated, and the length it needs */
    char small[8];
    assert_int_equal(json_fmt(small, sizeof small, "\"%s\"", "abcdefghij"), 12);
    assert_string_equal(small, "\"abcdef");
    char esc[16];
    assert_int_equal((int)json_escape("a\"b", esc, sizeof esc), 4);
    assert_string_equal(esc, "a\\\"b");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_string_reads_back),
        cmocka_unit_test(numbers_are_printf_s),
    };
    return cmocka_run_group_tests_name("jsonfmt", tests, NULL, NULL);
}
