/* test_scn_docs.c - a scenario document's doc_spec comes from one place
 * (scn_docs.h): the template, seed, date and defects the scenario gives; the
 * desk's holder generated, shared with the first document when the scenario
 * says same_holder, then overridden where the scenario says so. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "scn_docs.h"

/* A scenario with a passport (holder overridden), a visa of the same holder,
 * an ID card of someone else, a captured document and an unknown template. */
static void make(scenario *s) {
    memset(s, 0, sizeof *s);
    snprintf(s->file, sizeof s->file, "scenarios/x.lua");
    s->today = (bl_date){2026, 6, 1};
    s->n_docs = 5;
    snprintf(s->docs[0].spec.template_id, sizeof s->docs[0].spec.template_id, "uto-passport-td3");
    s->docs[0].spec.seed = 9001;
    s->docs[0].spec.defects = 1u << DEFECT_EXPIRED;
    snprintf(s->docs[0].holder.surname, sizeof s->docs[0].holder.surname, "OVERRIDDEN");
    snprintf(s->docs[0].holder.nationality, sizeof s->docs[0].holder.nationality, "XXA");
    s->docs[0].holder.birth = (bl_date){1980, 2, 29};
    snprintf(s->docs[1].spec.template_id, sizeof s->docs[1].spec.template_id, "uto-visa-mrva");
    s->docs[1].spec.seed = 9002;
    s->docs[1].same_holder = 1;
    snprintf(s->docs[2].spec.template_id, sizeof s->docs[2].spec.template_id, "uto-id-td1");
    s->docs[2].spec.seed = 9003;
    snprintf(s->docs[3].capture, sizeof s->docs[3].capture, "captures/x");
    snprintf(s->docs[4].spec.template_id, sizeof s->docs[4].spec.template_id, "uto-nothing");
}

static void the_spec_is_what_the_scenario_gives(void **state) {
    (void)state;
    scenario s;
    make(&s);
    tpl t;
    doc_spec spec;
    bl_err err = {0};
    assert_int_equal(scn_docs_spec(&s, 0, 72, &t, &spec, &err), 0);
    assert_ptr_equal(spec.t, &t);
    assert_string_equal(t.id, "uto-passport-td3");
    assert_true(spec.seed == 9001);
    assert_true(spec.dpi == 72);
    assert_int_equal(date_to_days(spec.today), date_to_days(s.today));
    assert_int_equal(spec.defects, 1u << DEFECT_EXPIRED);
    assert_int_equal(spec.has_holder, 0); /* truth: doc_build generates it from the seed */
}

static void captures_and_unknown_templates_are_errors(void **state) {
    (void)state;
    scenario s;
    make(&s);
    tpl t;
    doc_spec spec;
    bl_err err = {0};
    assert_int_equal(scn_docs_spec(&s, 3, 72, &t, &spec, &err), -1);
    assert_non_null(strstr(err.msg, "document 4 is captured images"));
    err = (bl_err){0};
    assert_int_equal(scn_docs_spec(&s, 4, 72, &t, &spec, &err), -1);
    assert_non_null(strstr(err.msg, "uto-nothing"));
    err = (bl_err){0};
    assert_int_equal(scn_docs_spec(&s, 5, 72, &t, &spec, &err), -1);
    assert_non_null(strstr(err.msg, "no document 6"));
}

static void same_holder(const doc_holder *a, const doc_holder *b) {
    assert_string_equal(a->surname, b->surname);
    assert_string_equal(a->given_names, b->given_names);
    assert_string_equal(a->nationality, b->nationality);
    assert_string_equal(a->sex, b->sex);
    assert_string_equal(a->document_number, b->document_number);
    assert_int_equal(date_to_days(a->birth), date_to_days(b->birth));
    assert_int_equal(date_to_days(a->expiry), date_to_days(b->expiry));
    assert_true(a->face_seed == b->face_seed);
}

/* The desk's holders, as desk_app's build_slot made them by hand. */
static void holders_are_shared_and_overridden(void **state) {
    (void)state;
    scenario s;
    make(&s);
    tpl t[3];
    doc_spec spec[3];
    bl_err err = {0};
    for (int d = 0; d < 3; d++) {
        assert_int_equal(scn_docs_spec(&s, d, 100, &t[d], &spec[d], &err), 0);
        scn_docs_holder(&s, d, d ? &spec[0].holder : NULL, d ? t[0].issuing_state : NULL, &spec[d]);
        assert_int_equal(spec[d].has_holder, 1);
    }
    /* the first document: generated, then the scenario's overrides */
    doc_holder want;
    doc_holder_generate(9001, &t[0], s.today, &want);
    assert_string_equal(spec[0].holder.surname, "OVERRIDDEN");
    assert_string_equal(spec[0].holder.nationality, "XXA");
    assert_int_equal(date_to_days(spec[0].holder.birth), date_to_days((bl_date){1980, 2, 29}));
    assert_string_equal(spec[0].holder.given_names, want.given_names);
    assert_string_equal(spec[0].holder.document_number, want.document_number);
    /* the visa: the same person as the passport, its own document data */
    doc_holder_generate(9002, &t[1], s.today, &want);
    doc_holder_share(&want, &spec[0].holder, t[0].issuing_state);
    same_holder(&spec[1].holder, &want);
    assert_string_equal(spec[1].holder.surname, "OVERRIDDEN");
    /* the ID card: not same_holder, someone else */
    doc_holder_generate(9003, &t[2], s.today, &want);
    same_holder(&spec[2].holder, &want);
}

/* scn_docs_specs: the traveler's first document is of their sex and age, a
 * visa of the same holder prints that passport's number, and a companion's
 * documents are the companion's (their sex and age, shared between them). */
static void holders_follow_the_traveler_and_the_companion(void **state) {
    (void)state;
    static scenario s; /* large */
    memset(&s, 0, sizeof s);
    snprintf(s.file, sizeof s.file, "scenarios/y.lua");
    s.today = (bl_date){2026, 6, 1};
    snprintf(s.sex, sizeof s.sex, "F");
    s.age = 22;
    s.companion = 1;
    snprintf(s.companion_sex, sizeof s.companion_sex, "M");
    s.companion_age = 36;
    static const char *tpls[4] = {"qwh-passport-td3", "uto-visa-mrva", "qwh-passport-td3",
                                  "uto-visa-mrva"};
    s.n_docs = 4;
    for (int d = 0; d < 4; d++) {
        snprintf(s.docs[d].spec.template_id, sizeof s.docs[d].spec.template_id, "%s", tpls[d]);
        s.docs[d].spec.seed = 7001 + (uint64_t)d;
    }
    s.docs[1].same_holder = 1;
    s.docs[2].companion = 1;
    s.docs[3].companion = 1, s.docs[3].same_holder = 1;
    static tpl t[DESK_MAX_DOCS];
    static doc_spec spec[DESK_MAX_DOCS];
    bl_err err = {0};
    assert_int_equal(scn_docs_specs(&s, 72, t, spec, &err), 0);
    const doc_holder *her = &spec[0].holder, *him = &spec[2].holder;
    assert_string_equal(her->sex, "F");
    assert_int_equal(s.today.y - her->birth.y -
                         (her->birth.m > 6 || (her->birth.m == 6 && her->birth.d > 1)),
                     22);
    assert_string_equal(spec[1].holder.passport_number, her->document_number);
    assert_string_equal(spec[1].holder.surname, her->surname);
    assert_string_equal(him->sex, "M");
    assert_int_equal(s.today.y - him->birth.y -
                         (him->birth.m > 6 || (him->birth.m == 6 && him->birth.d > 1)),
                     36);
    /* his visa is his, naming his passport */
    assert_string_equal(spec[3].holder.surname, him->surname);
    assert_string_equal(spec[3].holder.passport_number, him->document_number);
    assert_string_not_equal(him->document_number, her->document_number);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_spec_is_what_the_scenario_gives),
        cmocka_unit_test(captures_and_unknown_templates_are_errors),
        cmocka_unit_test(holders_are_shared_and_overridden),
        cmocka_unit_test(holders_follow_the_traveler_and_the_companion),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
