/* test_traveler.c - the one mapping from a scenario to the desk's traveler
 * (engine/core/traveler.h): what a trainee meets at the counter is what the
 * scenario says, and only that. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "traveler.h"

static scenario scn[2]; /* large: static */

static void two_scenarios(void) {
    memset(scn, 0, sizeof scn);
    strcpy(scn[0].id, "s01");
    scn[0].today = (bl_date){2026, 12, 7};
    scn[0].n_docs = 3;
    strcpy(scn[0].docs[0].spec.template_id, "uto-passport-td3");
    strcpy(scn[0].docs[1].capture, "captures/academy-id"); /* the academy's own images */
    strcpy(scn[0].docs[1].spec.template_id, "capture");    /* as the loader marks it */
    scn[0].docs[1].spec.mm_w = 85.6, scn[0].docs[1].spec.mm_h = 54;
    strcpy(scn[0].docs[2].spec.template_id, "uto-visa-mrva");
    scn[0].docs[2].same_holder = 1;
    scn[0].n_questions = 2;
    strcpy(scn[0].questions[0].id, "purpose");
    strcpy(scn[0].questions[1].id, "religion");
    strcpy(scn[0].questions[1].after, "purpose");
    scn[0].questions[1].forbidden = 1;
    scn[0].n_speaks = 1;
    strcpy(scn[0].speaks[0], "ar");
    scn[0].impostor = 0.4;
    strcpy(scn[1].id, "s02");
}

static void a_scenario_becomes_the_traveler_at_the_counter(void **state) {
    (void)state;
    two_scenarios();
    desk_traveler t;
    traveler_from_scenario(&scn[0], &t);
    assert_string_equal(t.id, "s01");
    /* captured documents lie at the desk in their place, at their size */
    assert_int_equal(t.n_docs, 3);
    assert_string_equal(t.docs[1].template_id, "capture");
    assert_true(t.docs[1].mm_w == 85.6 && t.docs[1].mm_h == 54);
    assert_int_equal(traveler_scenario_doc(&scn[0], 1), 1);
    assert_string_equal(t.docs[2].template_id, "uto-visa-mrva");
    assert_int_equal(t.docs[2].same_holder, 1);
    assert_int_equal(t.n_questions, 2);
    assert_string_equal(t.questions[1].after, "purpose");
    assert_int_equal(t.questions[1].forbidden, 1);
    assert_string_equal(t.speaks[0], "ar");
    assert_true(t.impostor == 0.4);
}

static void a_pack_becomes_a_session(void **state) {
    (void)state;
    two_scenarios();
    static desk_session ss;
    traveler_session(&ss, scn, 2);
    assert_string_equal(ss.id, "pack");
    assert_int_equal(ss.n_travelers, 2);
    assert_string_equal(ss.travelers[1].id, "s02");
    assert_true(ss.today.y == 2026 && ss.today.m == 12 && ss.today.d == 7);
    assert_true(ss.mrz_reader && ss.debrief && !ss.exam);
    traveler_session(&ss, scn, 1); /* one scenario: the session is named after it */
    assert_string_equal(ss.id, "s01");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_scenario_becomes_the_traveler_at_the_counter),
        cmocka_unit_test(a_pack_becomes_a_session),
    };
    return cmocka_run_group_tests_name("traveler", tests, NULL, NULL);
}
