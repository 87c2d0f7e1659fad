/* test_script.c - the interview's answer functions as the desk calls them:
 * what a script sees of the desk (ctx) lives only as long as its answer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "scn_load.h"
#include "scn_where.h"

/* A scenario whose first answer keeps its ctx in a global and whose second
 * uses the kept one: the case an instructor's script can write by mistake
 * (or a hostile one on purpose). */
static const char keeps_ctx[] =
    "return scenario {\n"
    "  id = 'keeps-ctx', title = 'title', competencies = { 'interview' }, situations = {},\n"
    "  languages = { 'en' },\n"
    "  traveler = { age = 40, sex = 'F', speaks = { 'en' } },\n"
    "  documents = { { template = 'uto-passport-td3', seed = 9001 } },\n"
    "  questions = {\n"
    "    { id = 'first', text = 'q.first', answer = function(ctx)\n"
    "        SAVED = ctx\n"
    "        return 'a.first'\n"
    "      end },\n"
    "    { id = 'second', text = 'q.second', answer = function(ctx)\n"
    "        if SAVED.light('uv') then return 'a.uv' end\n" /* line 12 */
    "        return 'a.second'\n"
    "      end },\n"
    "    { id = 'third', text = 'q.third', answer = function(ctx)\n"
    "        if ctx.light('uv') then return 'a.uv' end\n"
    "        return 'a.second'\n"
    "      end },\n"
    "  },\n"
    "  expected = { decision = 'admit', why = 'why' },\n"
    "  rubric = { interview = 100 },\n"
    "  strings = { en = { title = 'T', why = 'W', ['q.first'] = '1?', ['q.second'] = '2?',\n"
    "    ['q.third'] = '3?', ['a.first'] = 'one', ['a.second'] = 'two', ['a.uv'] = 'lamp' } },\n"
    "}\n";

static void report(void *ud, const char *file, int line, const char *msg) {
    (void)ud;
    fprintf(stderr, "%s:%d: %s\n", file, line, msg);
}

/* The first answer's context lives in this frame only, as the desk's does
 * (a stack local of the function that asks). */
static int ask(scn_runtime *rt, const scenario *s, int q, unsigned lights, char *key, size_t cap,
               bl_err *err) {
    int asked[4] = {0};
    scn_ctx ctx = {.asked_times = asked, .lights_used = lights};
    return scn_answer(rt, s, q, &ctx, key, cap, err);
}

static void a_ctx_kept_past_its_answer_is_a_script_error(void **state) {
    (void)state;
    scenario s;
    scn_runtime *rt = NULL;
    assert_int_equal(
        scn_load(&s, &rt, keeps_ctx, sizeof keeps_ctx - 1, "keeps-ctx.lua", NULL, report, NULL), 0);
    char key[64];
    bl_err err = {0};
    assert_int_equal(ask(rt, &s, 0, 0, key, sizeof key, &err), 0);
    assert_string_equal(key, "a.first");
    /* the kept ctx belongs to an answer that has returned: a clean script
     * error naming the file and line, never a read of a dead frame */
    assert_int_equal(ask(rt, &s, 1, 1u << 1, key, sizeof key, &err), -1);
    print_message("  %s\n", err.msg);
    assert_non_null(strstr(err.msg, "keeps-ctx.lua:12:"));
    assert_non_null(strstr(err.msg, "outside the answer"));
    assert_int_equal(err.code, BL_E_SCRIPT);
    /* and the scenario goes on: its own ctx works in the next answer */
    assert_int_equal(ask(rt, &s, 2, 1u << 1, key, sizeof key, &err), 0);
    assert_string_equal(key, "a.uv");
    assert_int_equal(ask(rt, &s, 2, 0, key, sizeof key, &err), 0);
    assert_string_equal(key, "a.second");
    scn_runtime_destroy(rt);
    scenario_release(&s);
}

/* Each field's line as the file writes it: strings, long strings and
 * comments holding braces or "=" do not mislead the walk, nor do answer
 * functions with their own blocks; a field built at run time gives its
 * nearest written ancestor's line. */
static void fields_are_found_where_the_file_writes_them(void **state) {
    (void)state;
    static const char src[] =
        "-- a comment { with = braces }\n"                                          /* 1 */
        "local x = \"scenario {\"\n"                                                /* 2 */
        "return scenario {\n"                                                       /* 3 */
        "  id = \"a{b}=c\", --[[ id = 'no' ]]\n"                                    /* 4 */
        "  questions = {\n"                                                         /* 5 */
        "    { id = \"q1\", text = [[ { = } ]],\n"                                  /* 6 */
        "      answer = function(ctx)\n"                                            /* 7 */
        "        if ctx.asked('q1') then return { say = 1 } end\n"                  /* 8 */
        "        return \"a\" end },\n"                                             /* 9 */
        "    {\n"                                                                   /* 10 */
        "      id = \"q2\" },\n"                                                    /* 11 */
        "  },\n"                                                                    /* 12 */
        "  expected = { decision = x == 1 and 'a' or 'b',\n"                        /* 13 */
        "    critical = { { when = { decision = 'admit' }, reason = \"r\" } } },\n" /* 14 */
        "  strings = { en = { [\"q.purpose\"] = \"P\" } },\n"                       /* 15 */
        "  rubric = make_rubric(),\n"                                               /* 16 */
        "}\n";
    scn_where *w = scn_where_index(src, sizeof src - 1);
    assert_non_null(w);
    assert_int_equal(scn_where_line(w, "id"), 4);
    assert_int_equal(scn_where_line(w, "questions"), 5);
    assert_int_equal(scn_where_line(w, "questions[1]"), 6);
    assert_int_equal(scn_where_line(w, "questions[1].text"), 6);
    assert_int_equal(scn_where_line(w, "questions[1].answer"), 7);
    assert_int_equal(scn_where_line(w, "questions[2]"), 10);
    assert_int_equal(scn_where_line(w, "questions[2].id"), 11);
    assert_int_equal(scn_where_line(w, "expected.decision"), 13);
    assert_int_equal(scn_where_line(w, "expected.critical[1].when.decision"), 14);
    assert_int_equal(scn_where_line(w, "strings.en[\"q.purpose\"]"), 15);
    /* built at run time: the nearest written ancestor */
    assert_false(scn_where_has(w, "rubric.interview"));
    assert_int_equal(scn_where_line(w, "rubric.interview"), 16);
    assert_int_equal(scn_where_line(w, "questions[9].id"), 5);
    assert_int_equal(scn_where_line(w, "nowhere"), 3); /* the constructor itself */
    scn_where_free(w);
    /* a file without the constructor knows no line */
    w = scn_where_index("return 1", 8);
    assert_int_equal(scn_where_line(w, "id"), 0);
    scn_where_free(w);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_ctx_kept_past_its_answer_is_a_script_error),
        cmocka_unit_test(fields_are_found_where_the_file_writes_them),
    };
    return cmocka_run_group_tests_name("script", tests, NULL, NULL);
}
