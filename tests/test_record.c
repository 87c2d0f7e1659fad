/* test_record.c - the exam record (engine/core/record.h): every entry reads
 * back as it was written, a journal continues only under the rules it began
 * with, a restarted desk resumes where the entries say, and a score becomes
 * the debrief a trainee sees (engine/core/debrief.h). No SDL, no Lua. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "debrief.h"
#include "decision.h"
#include "record.h"

static void a_session(session_def *d) {
    memset(d, 0, sizeof *d);
    strcpy(d->id, "uto-basic");
    strcpy(d->title, "First line, basic");
    strcpy(d->trainee, "T-1");
    strcpy(d->trainee_name, "Ana Officer");
    strcpy(d->cohort, "spring");
    d->exam = 1;
    d->pass_overall = 70;
    d->pass_comp[COMP_HUMAN_RIGHTS] = 0.6;
    d->critical_fails = 1;
    d->case_limit_s = 300, d->session_limit_s = 1800;
}

static char *header_text(const char *trainee, const char *started) {
    session_def d;
    a_session(&d);
    strcpy(d.trainee, trainee);
    const char *ids[] = {"s01-citizen-returning", "s05-fear-of-return"};
    record_header h;
    record_header_init(&h, &d, ids, 2, 18446744073709551557ull, "ab12", "cd34", started);
    return record_header_json(&h);
}

static void the_header_reads_back_as_written(void **state) {
    (void)state;
    char *text = header_text("T-1", "2026-12-07T08:00:00Z");
    record_entry e;
    assert_int_equal(record_parse(text, &e, NULL), 0);
    assert_int_equal(e.kind, REC_HEADER);
    const record_header *h = &e.header;
    assert_string_equal(h->session, "uto-basic");
    assert_string_equal(h->trainee, "T-1");
    assert_string_equal(h->cohort, "spring");
    assert_int_equal(h->exam, 1);
    /* a 64-bit seed survives (JSON numbers would lose its last digits) */
    assert_true(h->seed == 18446744073709551557ull);
    assert_int_equal(h->n_scenarios, 2);
    assert_string_equal(h->scenarios[1], "s05-fear-of-return");
    assert_true(h->pass_overall == 70 && h->pass_comp[COMP_HUMAN_RIGHTS] == 0.6);
    assert_int_equal(h->critical_fails, 1);
    assert_true(h->case_limit_s == 300 && h->session_limit_s == 1800);
    char *again = record_header_json(h);
    assert_string_equal(again, text);
    /* the pass marks as the results database keeps them */
    char *marks = record_pass_marks_json(h);
    assert_string_equal(
        marks,
        "{\"overall\":70,\"human_rights\":0.6,\"critical_fails\":true,\"wrong_decisions\":0}");
    free(marks);
    free(again);
    free(text);
}

static void a_case(record_case *c) {
    memset(c, 0, sizeof *c);
    strcpy(c->traveler, "s04-counterfeit-paper");
    c->index = 2;
    desk_debrief *d = &c->d;
    d->decision = DECIDE_ADMIT, d->protection = PROTECT_NONE;
    d->expected = DECIDE_REFUSE;
    d->points = 41.26, d->passed = 0;
    strcpy(d->critical[d->n_critical++], "admitted_invalid_document");
    double comp[COMP_COUNT] = {0.3333, 1, 0.5, 0.25};
    memcpy(d->competency, comp, sizeof comp);
    desk_debrief_item *it = &d->items[d->n_items++];
    strcpy(it->defect, "counterfeit_paper");
    it->found = 0, it->doc = 0, it->side = 0, it->light = LIGHT_UV;
    it->x = 1.234, it->y = 2, it->w = 80, it->h = 120.5;
    it = &d->items[d->n_items++];
    strcpy(it->defect, "photo_substitution");
    it->found = 2, it->light = LIGHT_OBLIQUE;
    d->notes[d->n_notes++] = (desk_debrief_note){NOTE_LIGHT, "", LIGHT_UV};
    d->notes[d->n_notes++] = (desk_debrief_note){NOTE_ASK_MISSED, "q.purpose", 0};
    strcpy(d->why, "why");
    c->assessed[0] = c->assessed[1] = c->assessed[2] = 1;
    c->has_seconds = 1, c->seconds = 95.4321, c->t = 300.0004;
}

static void a_case_reads_back_as_written(void **state) {
    (void)state;
    record_case c;
    a_case(&c);
    char *text = record_case_json(&c);
    /* what the reports and the database read: names from the one table, the
     * points to a tenth, the defects missed */
    assert_non_null(strstr(text, "\"decision\":\"admit\""));
    assert_non_null(strstr(text, "\"expected\":\"refuse\""));
    assert_non_null(strstr(text, "\"points\":41.3"));
    assert_non_null(strstr(text, "\"missed\":[\"counterfeit_paper\"]"));
    record_entry e;
    assert_int_equal(record_parse(text, &e, NULL), 0);
    assert_int_equal(e.kind, REC_CASE);
    const record_case *r = &e.kase;
    assert_string_equal(r->traveler, "s04-counterfeit-paper");
    assert_int_equal(r->index, 2);
    assert_int_equal(r->d.decision, DECIDE_ADMIT);
    assert_int_equal(r->d.expected, DECIDE_REFUSE);
    assert_int_equal(r->d.n_critical, 1);
    assert_string_equal(r->d.critical[0], "admitted_invalid_document");
    assert_int_equal(r->d.n_items, 2);
    assert_int_equal(r->d.items[1].found, 2);
    assert_int_equal(r->d.n_notes, 2);
    assert_int_equal(r->d.notes[0].kind, NOTE_LIGHT);
    assert_int_equal(r->d.notes[0].light, LIGHT_UV);
    assert_string_equal(r->d.notes[1].key, "q.purpose");
    assert_int_equal(r->assessed[3], 0);
    assert_true(r->has_seconds);
    /* read back and written again: the same text (a restarted desk and the
     * database see what was recorded) */
    char *again = record_case_json(r);
    assert_string_equal(again, text);
    free(again);
    free(text);
}

static void an_old_desk_entry_is_a_case(void **state) {
    (void)state;
    /* the oldest desk journals wrote no kind, no assessed list and no seconds */
    record_entry e;
    assert_int_equal(record_parse("{\"traveler\": \"s01\", \"decision\": \"refuse\", \"points\": "
                                  "60, \"competencies\": [1, 0.5, 0, 0]}",
                                  &e, NULL),
                     0);
    assert_int_equal(e.kind, REC_CASE);
    assert_int_equal(e.kase.d.decision, DECIDE_REFUSE);
    assert_int_equal(e.kase.assessed[3], 1); /* every competency counted */
    assert_false(e.kase.has_seconds);
    /* a kind this version does not know is skipped, not refused */
    assert_int_equal(record_parse("{\"kind\": \"witness\"}", &e, NULL), 0);
    assert_int_equal(e.kind, REC_OTHER);
    bl_err err = {0};
    assert_int_equal(record_parse("[1, 2]", &e, &err), -1);
    assert_int_equal(err.code, BL_E_REFUSED);
}

static void clocks_and_the_end_read_back(void **state) {
    (void)state;
    record_clock c = {3, 125.5, 14.25};
    char *text = record_clock_json(REC_STOP, &c);
    assert_string_equal(text, "{\"kind\":\"stop\",\"index\":3,\"t\":125.5,\"case_s\":14.25}");
    record_entry e;
    assert_int_equal(record_parse(text, &e, NULL), 0);
    assert_int_equal(e.kind, REC_STOP);
    assert_true(e.clock.index == 3 && e.clock.t == 125.5 && e.clock.case_s == 14.25);
    free(text);
    record_end end = {.time_up = 1, .cases = 4, .elapsed = 1800};
    end.v.passed = 0, end.v.overall = 62.44;
    for (int k = 0; k < COMP_COUNT; k++)
        end.v.competency[k] = k == 3 ? -1 : 0.5;
    strcpy(end.v.failed[end.v.n_failed++], "overall");
    text = record_end_json(&end);
    assert_non_null(strstr(text, "\"reason\":\"time_up\""));
    assert_null(strstr(text, "procedure")); /* not assessed: not written */
    assert_int_equal(record_parse(text, &e, NULL), 0);
    assert_int_equal(e.kind, REC_END);
    assert_true(e.end.time_up && e.end.cases == 4 && e.end.v.overall == 62.4);
    assert_true(e.end.v.competency[3] < 0 && e.end.v.competency[0] == 0.5);
    assert_string_equal(e.end.v.failed[0], "overall");
    free(text);
}

static void a_journal_continues_only_under_its_own_rules(void **state) {
    (void)state;
    char *mine = header_text("T-1", "2026-12-07T08:00:00Z");
    char *later = header_text("T-1", "2026-12-07T09:30:00Z");
    char *other = header_text("T-2", "2026-12-07T08:00:00Z");
    bl_err err = {0};
    /* the same session restarted later: the start time may differ */
    assert_int_equal(record_same_session(later, mine, "j", &err), 0);
    /* another trainee's journal: refused, naming the field */
    assert_int_equal(record_same_session(other, mine, "j", &err), -1);
    assert_int_equal(err.code, BL_E_REFUSED);
    assert_non_null(strstr(err.msg, "begun with another trainee (\"T-1\", not \"T-2\")"));
    /* a plain desk never continues a session's journal (the wrong command) */
    assert_int_equal(record_same_session(NULL, mine, "j", &err), -1);
    assert_int_equal(err.code, BL_E_USAGE);
    /* nor a session a plain desk's */
    assert_int_equal(record_same_session(mine, "{\"kind\": \"case\"}", "j", &err), -1);
    assert_int_equal(err.code, BL_E_REFUSED);
    assert_int_equal(record_same_session(NULL, "{\"kind\": \"case\"}", "j", &err), 0);
    free(mine);
    free(later);
    free(other);
}

static void feed(record_resume *r, int seq, const char *json, const char *const *ids, int n,
                 int want_restore) {
    record_entry e;
    assert_int_equal(record_parse(json, &e, NULL), 0);
    assert_int_equal(record_resume_add(r, seq, &e, ids, n), want_restore);
}

static void a_restart_resumes_where_the_entries_say(void **state) {
    (void)state;
    const char *ids[] = {"s01", "s02", "s03"};
    record_resume r;
    memset(&r, 0, sizeof r);
    feed(&r, 1, "{\"kind\": \"session\"}", ids, 3, 0);
    feed(&r, 2, "{\"kind\": \"case\", \"traveler\": \"s01\", \"index\": 1, \"t\": 40}", ids, 3, 1);
    feed(&r, 3, "{\"kind\": \"clock\", \"index\": 2, \"t\": 70, \"case_s\": 30}", ids, 3, 0);
    feed(&r, 4, "{\"kind\": \"stop\", \"index\": 2, \"t\": 81.5, \"case_s\": 41.5}", ids, 3, 0);
    assert_int_equal(r.cases, 1);
    assert_true(r.elapsed == 81.5 && r.case_s == 41.5); /* traveler 2 goes on at 41.5 s */
    assert_false(r.bad || r.ended);
    feed(&r, 5, "{\"kind\": \"case\", \"traveler\": \"s02\", \"index\": 2, \"t\": 99}", ids, 3, 1);
    assert_true(r.case_s == 0 && r.elapsed == 99);
    /* a case recorded with other scenarios: not restored, and why */
    feed(&r, 6, "{\"kind\": \"case\", \"traveler\": \"s09\", \"index\": 3, \"t\": 120}", ids, 3, 0);
    assert_true(r.bad);
    assert_non_null(strstr(r.why, "entry 6 is traveler 3 (s09), where this queue has s03"));
    feed(&r, 7, "{\"kind\": \"end\", \"reason\": \"completed\"}", ids, 3, 0);
    assert_true(r.ended);
    /* cases out of order are another queue's too */
    memset(&r, 0, sizeof r);
    feed(&r, 1, "{\"kind\": \"case\", \"traveler\": \"s02\", \"index\": 2}", ids, 3, 0);
    assert_true(r.bad);
}

static void a_score_becomes_its_debrief(void **state) {
    (void)state;
    /* UV or IR first: the lights a trainee most often forgets */
    assert_int_equal(debrief_telling_light(LIGHT_BIT(LIGHT_VISIBLE) | LIGHT_BIT(LIGHT_IR)),
                     LIGHT_IR);
    assert_int_equal(debrief_telling_light(LIGHT_BIT(LIGHT_IR) | LIGHT_BIT(LIGHT_UV)), LIGHT_UV);
    assert_int_equal(debrief_telling_light(LIGHT_BIT(LIGHT_OBLIQUE)), LIGHT_OBLIQUE);
    assert_int_equal(debrief_telling_light(0), LIGHT_VISIBLE);

    static scenario s; /* large */
    memset(&s, 0, sizeof s);
    s.n_questions = 2;
    strcpy(s.questions[0].id, "purpose");
    strcpy(s.questions[0].text, "q.purpose");
    strcpy(s.questions[1].id, "religion");
    strcpy(s.questions[1].text, "q.religion");
    s.expected.n_ask = 1;
    strcpy(s.expected.ask[0], "purpose");
    s.expected.decision = DECIDE_REFUSE;
    strcpy(s.expected.why, "why.counterfeit");
    score_truth t = {.n = 1};
    t.d[0] = (score_defect){0, 1, DEFECT_COUNTERFEIT_PAPER, 1, 2, 3, 4, LIGHT_BIT(LIGHT_UV), -1};
    score_result r;
    memset(&r, 0, sizeof r);
    r.points = 35, r.passed = 0, r.n_critical = 1;
    strcpy(r.critical[0], "admitted_invalid_document");
    r.defect_found[0] = 1;
    r.ask_missed = 1u << 0;      /* "purpose" was not asked */
    r.forbidden_asked = 1u << 1; /* "religion" was */
    r.lights_missed = LIGHT_BIT(LIGHT_UV);
    static score_actions a; /* large */
    memset(&a, 0, sizeof a);
    desk_debrief d;
    memset(&d, 0, sizeof d);
    debrief_from_score(&s, &t, &a, &r, &d);
    assert_true(d.points == 35 && !d.passed);
    assert_int_equal(d.expected, DECIDE_REFUSE);
    assert_string_equal(d.critical[0], "admitted_invalid_document");
    assert_int_equal(d.n_items, 1);
    assert_string_equal(d.items[0].defect, defect_get(DEFECT_COUNTERFEIT_PAPER)->id);
    assert_true(d.items[0].side == 1 && d.items[0].found == 1 && d.items[0].light == LIGHT_UV);
    assert_int_equal(d.n_notes, 3);
    assert_int_equal(d.notes[0].kind, NOTE_ASK_MISSED);
    assert_string_equal(d.notes[0].key, "q.purpose");
    assert_int_equal(d.notes[1].kind, NOTE_FORBIDDEN);
    assert_string_equal(d.notes[1].key, "q.religion");
    assert_int_equal(d.notes[2].kind, NOTE_LIGHT);
    assert_int_equal(d.notes[2].light, LIGHT_UV);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_header_reads_back_as_written),
        cmocka_unit_test(a_case_reads_back_as_written),
        cmocka_unit_test(an_old_desk_entry_is_a_case),
        cmocka_unit_test(clocks_and_the_end_read_back),
        cmocka_unit_test(a_journal_continues_only_under_its_own_rules),
        cmocka_unit_test(a_restart_resumes_where_the_entries_say),
        cmocka_unit_test(a_score_becomes_its_debrief),
    };
    return cmocka_run_group_tests_name("record", tests, NULL, NULL);
}
