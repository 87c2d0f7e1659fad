/* test_score_verdict.c - verdicts a border-procedure trainer would sign.
 *
 * A property over every scenario of the pack (scenarios/\*.lua, read from
 * the folder, so a new scenario is covered without touching this file): done
 * well otherwise, each decision passes exactly when it is the expected one or
 * one the scenario accepts. Then one test per verdict the first scoring got
 * wrong, each written from the principle, and the authoring words of
 * expected (accept, pass, critical, waive; must and competency on questions)
 * on a scenario of the tests' own. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "debrief.h"
#include "scn_load.h"
#include "score.h"
#include "score_work.h"
#include "test_fonts.h"

#define MAX_SCN 48

typedef struct {
    int n;
    scenario scn[MAX_SCN];
    score_truth truth[MAX_SCN];
} pack_fixture;

static void quiet(void *ud, const char *file, int line, const char *msg) {
    (void)ud;
    fprintf(stderr, "%s:%d: %s\n", file, line, msg);
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load(pack_fixture *p, const char *path, const doc_fonts *fonts) {
    bl_err err = {0};
    if (p->n >= MAX_SCN || scn_load_file(&p->scn[p->n], NULL, path, NULL, quiet, NULL) != 0)
        return -1;
    if (score_truth_build(&p->scn[p->n], fonts, &p->truth[p->n], &err) != 0) {
        fprintf(stderr, "%s\n", err.msg);
        return -1;
    }
    p->n++;
    return 0;
}

/* Every scenarios/\*.lua in name order, then the tests' authored.lua last. */
static int setup(void **state) {
    pack_fixture *p = calloc(1, sizeof *p);
    doc_fonts fonts;
    bl_err err = {0};
    if (!p || test_fonts_load(&fonts, &err) != 0) return -1;
    DIR *dir = opendir("scenarios");
    if (!dir) return -1;
    char *names[MAX_SCN];
    int n = 0;
    for (struct dirent *de; (de = readdir(dir)) != NULL && n < MAX_SCN;) {
        size_t len = strlen(de->d_name);
        if (len > 4 && !strcmp(de->d_name + len - 4, ".lua")) names[n++] = strdup(de->d_name);
    }
    closedir(dir);
    qsort(names, (size_t)n, sizeof *names, by_name);
    int rc = 0;
    for (int i = 0; i < n; i++) {
        char path[300];
        snprintf(path, sizeof path, "scenarios/%s", names[i]);
        if (rc == 0) rc = load(p, path, &fonts);
        free(names[i]);
    }
    if (rc == 0) rc = load(p, "tests/data/scenarios/authored.lua", &fonts);
    if (rc == 0) rc = load(p, "tests/data/scenarios/signature.lua", &fonts);
    doc_fonts_unload(&fonts);
    *state = p;
    return rc;
}

static int teardown(void **state) {
    pack_fixture *p = *state;
    for (int i = 0; i < p->n; i++)
        scenario_release(&p->scn[i]);
    free(p);
    return 0;
}

static int find(const pack_fixture *p, const char *id) {
    for (int i = 0; i < p->n; i++)
        if (!strcmp(p->scn[i].id, id)) return i;
    fail_msg("no scenario %s", id);
    return -1;
}

/* Good work on a case (score_work.h), whatever is decided. */
static void good_work(const scenario *s, const score_truth *t, int decision, int protection,
                      score_actions *a) {
    score_good_work(s, t, decision, protection, 200, a);
}

static int has(const score_result *r, const char *id) {
    for (int i = 0; i < r->n_critical; i++)
        if (!strcmp(r->critical[i], id)) return 1;
    return 0;
}

static void score_as(const pack_fixture *p, int i, const score_actions *a, score_result *r) {
    score_case(&p->scn[i], &p->truth[i], a, 70, r);
}

/* ------------------------------------------------------------ the property */

static int acceptable(const scenario *s, int dec, int prot) {
    const scn_expected *e = &s->expected;
    if (dec == e->decision && (dec != DECIDE_PROTECTION || prot == e->protection)) return 1;
    if (dec == DECIDE_PROTECTION && e->decision == DECIDE_PROTECTION &&
        (e->protections >> prot & 1))
        return 1; /* one of several needs */
    for (int k = 0; k < e->n_accept; k++)
        if (dec == e->accept[k].decision &&
            (dec != DECIDE_PROTECTION || prot == e->accept[k].protection))
            return 1;
    return 0;
}

/* Done well otherwise, each of the six choices (admit, refuse, second line,
 * three referrals) passes exactly when the scenario expects or accepts it. */
static void only_the_expected_or_accepted_decisions_pass(void **state) {
    pack_fixture *p = *state;
    static const int choices[6][2] = {{DECIDE_ADMIT, 0},
                                      {DECIDE_REFUSE, 0},
                                      {DECIDE_SECOND_LINE, 0},
                                      {DECIDE_PROTECTION, PROTECT_ASYLUM},
                                      {DECIDE_PROTECTION, PROTECT_CHILD},
                                      {DECIDE_PROTECTION, PROTECT_TRAFFICKING}};
    assert_true(p->n >= 19);
    int failing = 0, accepted = 0;
    for (int i = 0; i < p->n; i++) {
        const scenario *s = &p->scn[i];
        for (int c = 0; c < 6; c++) {
            score_actions a;
            score_result r;
            good_work(s, &p->truth[i], choices[c][0], choices[c][1], &a);
            score_as(p, i, &a, &r);
            int want = acceptable(s, choices[c][0], choices[c][1]);
            if (r.passed != want || r.decision_ok != want)
                fail_msg("%s, decided %s/%s: passed %d (points %.1f, critical %s), want %d", s->id,
                         decision_name(choices[c][0]), protection_name(choices[c][1]), r.passed,
                         r.points, r.n_critical ? r.critical[0] : "none", want);
            failing += !want;
            accepted += want && r.accepted;
        }
    }
    /* not vacuous: most choices fail (a case accepts at most two) */
    assert_true(failing >= 4 * p->n && accepted >= 2);
}

/* ------------------------------------------------------------ the verdicts first got wrong */

/* Refusing a bona fide visitor with a valid visa scored 90 and passed. */
static void refusing_a_bona_fide_visitor_fails(void **state) {
    pack_fixture *p = *state;
    int i = find(p, "s03-business-visitor");
    score_actions a;
    score_result r;
    good_work(&p->scn[i], &p->truth[i], DECIDE_REFUSE, 0, &a);
    score_as(p, i, &a, &r);
    assert_false(r.decision_ok);
    assert_false(r.passed);
    assert_int_equal(r.n_critical, 0); /* wrong, not a principle broken: it fails all the same */
}

/* Refusing a returning citizen, a citizen in a wheelchair, a stateless
 * resident or a probable national without documents passed. */
static void refusing_a_national_or_a_stateless_person_is_critical(void **state) {
    pack_fixture *p = *state;
    static const struct {
        const char *id, *critical;
    } cases[] = {{"s01-citizen-returning", "refused_own_national"},
                 {"s10-wheelchair-citizen", "refused_own_national"},
                 {"s11-stateless-resident", "refused_stateless"},
                 {"s12-undocumented-returnee", "refused_own_national"}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        int i = find(p, cases[k].id);
        score_actions a;
        score_result r;
        good_work(&p->scn[i], &p->truth[i], DECIDE_REFUSE, 0, &a);
        score_as(p, i, &a, &r);
        if (r.passed || !has(&r, cases[k].critical))
            fail_msg("%s refused: passed %d, critical %s", cases[k].id, r.passed,
                     r.n_critical ? r.critical[0] : "none");
        assert_true(r.competency[COMP_HUMAN_RIGHTS] < 0.01);
    }
}

/* A genuine traveler admitted with one flag that matches nothing scored 50
 * and failed, and the debrief never named the false finding. */
static void one_false_flag_on_a_genuine_document_costs_part_and_is_named(void **state) {
    pack_fixture *p = *state;
    int i = find(p, "s03-business-visitor");
    const score_truth *t = &p->truth[i];
    score_actions a;
    score_result r;
    good_work(&p->scn[i], t, DECIDE_ADMIT, 0, &a);
    int portrait = -1;
    for (int f = 0; f < t->n_features; f++)
        if (t->f[f].doc == 0 && !strcmp(t->f[f].kind, "portrait")) portrait = f;
    assert_true(portrait >= 0);
    score_flag *fl = &a.flags[a.n_flags++];
    fl->doc = 0, fl->side = 0, fl->kind = 0; /* "counterfeit" on the genuine portrait */
    fl->x = t->f[portrait].x, fl->y = t->f[portrait].y;
    fl->w = t->f[portrait].w, fl->h = t->f[portrait].h;
    fl->lights_before = a.lights_used;
    score_as(p, i, &a, &r);
    assert_true(r.passed);
    assert_int_equal(r.false_flags, 1);
    assert_true(r.competency[COMP_DOCUMENTS] > 0.7 && r.competency[COMP_DOCUMENTS] < 0.8);
    desk_debrief d;
    memset(&d, 0, sizeof d);
    debrief_from_score(&p->scn[i], t, &a, &r, &d);
    assert_int_equal(d.n_flags, 1);
    assert_int_equal(d.flags[0].status, FLAG_FALSE);
    assert_string_equal(d.flags[0].there, "portrait");
    assert_string_equal(d.flags[0].kind, "counterfeit");
}

/* A trafficking case passed though she was never spoken to apart from the
 * companion; sending him out after the interview is no better. */
static void a_possible_victim_is_heard_apart_from_the_companion(void **state) {
    pack_fixture *p = *state;
    int i = find(p, "s07-trafficking");
    score_actions a;
    score_result r;
    good_work(&p->scn[i], &p->truth[i], DECIDE_PROTECTION, PROTECT_TRAFFICKING, &a);
    score_as(p, i, &a, &r);
    assert_true(r.passed);
    a.separated = a.heard_apart = 0;
    score_as(p, i, &a, &r);
    assert_false(r.passed);
    assert_true(has(&r, "not_heard_alone"));
    a.separated = 1; /* sent out, but nothing asked of her after */
    score_as(p, i, &a, &r);
    assert_true(has(&r, "not_heard_alone"));
}

/* An interview held entirely before calling the interpreter scored as if
 * it had been understood. */
static void questions_before_a_needed_interpreter_are_not_understood(void **state) {
    pack_fixture *p = *state;
    int i = find(p, "s09-language-barrier");
    const scenario *s = &p->scn[i];
    score_actions a;
    score_result right, early;
    good_work(s, &p->truth[i], DECIDE_ADMIT, 0, &a);
    score_as(p, i, &a, &right);
    assert_true(right.passed);
    for (int q = 0; q < s->n_questions; q++)
        a.asked_before_interp[q] = a.asked[q];
    score_as(p, i, &a, &early);
    assert_false(early.passed);
    assert_true(early.competency[COMP_INTERVIEW] < 0.01);
    assert_true(early.competency[COMP_HUMAN_RIGHTS] < right.competency[COMP_HUMAN_RIGHTS]);
    assert_int_equal(early.ask_missed, (1u << s->expected.n_ask) - 1);
    assert_true(early.not_understood != 0);
}

/* Admitting an unaccompanied child was not critical (only refusing was). */
static void an_unaccompanied_child_goes_to_child_protection(void **state) {
    pack_fixture *p = *state;
    int i = find(p, "s06-unaccompanied-child");
    static const int wrong[] = {DECIDE_ADMIT, DECIDE_REFUSE};
    for (int k = 0; k < 2; k++) {
        score_actions a;
        score_result r;
        good_work(&p->scn[i], &p->truth[i], wrong[k], 0, &a);
        score_as(p, i, &a, &r);
        assert_false(r.passed);
        assert_true(has(&r, "child_without_protection"));
    }
}

/* A child who is also a probable victim of trafficking has two needs: a
 * referral to either is right; admitting breaks both principles. */
static void several_protection_needs_at_once(void **state) {
    pack_fixture *p = *state;
    int i = find(p, "s06-unaccompanied-child");
    static scenario s; /* large */
    s = p->scn[i];
    s.expected.protections |= 1u << PROTECT_TRAFFICKING;
    score_actions a;
    score_result r;
    good_work(&s, &p->truth[i], DECIDE_PROTECTION, PROTECT_TRAFFICKING, &a);
    score_case(&s, &p->truth[i], &a, 70, &r);
    assert_true(r.passed && r.decision_ok && !r.accepted);
    good_work(&s, &p->truth[i], DECIDE_PROTECTION, PROTECT_ASYLUM, &a);
    score_case(&s, &p->truth[i], &a, 70, &r);
    assert_false(r.decision_ok);
    good_work(&s, &p->truth[i], DECIDE_ADMIT, 0, &a);
    score_case(&s, &p->truth[i], &a, 70, &r);
    assert_true(has(&r, "child_without_protection") && has(&r, "trafficking_without_referral"));
}

/* A refusal needs its reasons, in a language the person understands. */
static void a_refusal_is_explained_in_a_language_understood(void **state) {
    pack_fixture *p = *state;
    int i = find(p, "s02-expired-passport");
    score_actions a;
    score_result r;
    good_work(&p->scn[i], &p->truth[i], DECIDE_REFUSE, 0, &a);
    score_as(p, i, &a, &r);
    assert_true(r.passed);
    a.reasons = a.reasons_interpreted = 0;
    score_as(p, i, &a, &r);
    assert_false(r.passed);
    assert_true(has(&r, "refusal_not_explained"));
    /* s09 needs an interpreter: reasons given before one came were not understood */
    i = find(p, "s09-language-barrier");
    good_work(&p->scn[i], &p->truth[i], DECIDE_REFUSE, 0, &a);
    a.reasons = 1, a.reasons_interpreted = 0;
    score_as(p, i, &a, &r);
    assert_true(has(&r, "refusal_not_explained"));
}

/* ------------------------------------------------------------ authoring */

/* tests/data/scenarios/authored.lua: a citizen coming home on an expired
 * passport; second line accepted; pass mark 80; the author's critical error;
 * refusal_not_explained waived; "renew" must be asked; "help" counts for
 * human rights. */
static void an_authors_rules_hold(void **state) {
    pack_fixture *p = *state;
    int i = find(p, "authored");
    const scenario *s = &p->scn[i];
    score_actions a;
    score_result r;
    good_work(s, &p->truth[i], DECIDE_ADMIT, 0, &a);
    score_as(p, i, &a, &r);
    assert_true(r.passed);
    assert_true(r.pass_mark > 79.9 && r.pass_mark < 80.1); /* the scenario's, not the 70 given */
    /* the admission of a citizen on an expired passport is no critical error */
    assert_int_equal(r.n_critical, 0);
    /* must: not asking "renew" is critical */
    a.asked[scenario_question_index(s, "renew")] = 0;
    score_as(p, i, &a, &r);
    assert_false(r.passed);
    assert_true(has(&r, "must_ask_missed"));
    assert_int_equal(r.must_missed, 1u << scenario_question_index(s, "renew"));
    /* competency: not asking "help" costs human rights, not the interview */
    good_work(s, &p->truth[i], DECIDE_ADMIT, 0, &a);
    a.asked[scenario_question_index(s, "help")] = 0;
    score_as(p, i, &a, &r);
    assert_true(r.competency[COMP_INTERVIEW] > 0.99);
    assert_true(r.competency[COMP_HUMAN_RIGHTS] < 0.01);
    /* accept: second line passes (with part of the decision's points)... */
    good_work(s, &p->truth[i], DECIDE_SECOND_LINE, 0, &a);
    score_as(p, i, &a, &r);
    assert_true(r.decision_ok && r.accepted);
    assert_true(r.points < 100);
    /* ...unless his trip was not asked about: the author's critical error */
    a.asked[scenario_question_index(s, "trip")] = 0;
    score_as(p, i, &a, &r);
    assert_false(r.passed);
    assert_true(has(&r, "scenario:crit.no_questions"));
    /* refusing him is still refusing a citizen; the reasons' error is waived */
    good_work(s, &p->truth[i], DECIDE_REFUSE, 0, &a);
    a.reasons = a.reasons_interpreted = 0;
    score_as(p, i, &a, &r);
    assert_true(has(&r, "refused_own_national"));
    assert_false(has(&r, "refusal_not_explained"));
    assert_int_equal(r.n_waived, 1);
    desk_debrief d;
    memset(&d, 0, sizeof d);
    debrief_from_score(s, &p->truth[i], &a, &r, &d);
    assert_int_equal(d.n_waived, 1);
    assert_string_equal(d.waived[0], "refusal_not_explained");
    assert_string_equal(d.waived_reason[0], "waive.reasons");
}

/* tests/data/scenarios/signature.lua: the escort order's "copy received"
 * signature is another hand's. Flagged where that signature is, in white
 * light, as data_alteration it is found and named; as another kind only
 * found; the genuine signature in the passport flagged is a false finding. */
static void a_signature_in_another_hand_is_named_data_alteration(void **state) {
    pack_fixture *p = *state;
    int i = find(p, "signature");
    const scenario *s = &p->scn[i];
    const score_truth *t = &p->truth[i];
    assert_int_equal(t->n, 1);
    assert_int_equal(t->d[0].kind, DEFECT_SIGNATURE_MISMATCH);
    assert_int_equal(t->d[0].doc, 1);
    assert_int_equal(t->d[0].lights, LIGHT_BIT(LIGHT_VISIBLE));
    assert_string_equal(desk_finding_kind_get(score_finding_kind_of(DEFECT_SIGNATURE_MISMATCH))->id,
                        "data_alteration");
    score_actions a;
    score_result r;
    good_work(s, t, DECIDE_SECOND_LINE, 0, &a);
    score_as(p, i, &a, &r);
    assert_true(r.passed);
    assert_int_equal(r.defect_found[0], 2);
    /* named as a counterfeit: located, not named */
    for (int k = 0; k < desk_finding_kind_count(); k++)
        if (!strcmp(desk_finding_kind_get(k)->id, "counterfeit")) a.flags[0].kind = k;
    score_as(p, i, &a, &r);
    assert_int_equal(r.defect_found[0], 1);
    /* the passport's own signature, which is genuine: a false finding there */
    int sig = -1;
    for (int f = 0; f < t->n_features; f++)
        if (t->f[f].doc == 0 && !strcmp(t->f[f].kind, "signature")) sig = f;
    assert_true(sig >= 0);
    good_work(s, t, DECIDE_SECOND_LINE, 0, &a);
    score_flag *fl = &a.flags[a.n_flags++];
    *fl = a.flags[0];
    fl->doc = 0, fl->x = t->f[sig].x, fl->y = t->f[sig].y, fl->w = t->f[sig].w, fl->h = t->f[sig].h;
    score_as(p, i, &a, &r);
    assert_int_equal(r.defect_found[0], 2);
    assert_int_equal(r.false_flags, 1);
    assert_int_equal(r.flag_there[1], sig);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(only_the_expected_or_accepted_decisions_pass),
        cmocka_unit_test(refusing_a_bona_fide_visitor_fails),
        cmocka_unit_test(refusing_a_national_or_a_stateless_person_is_critical),
        cmocka_unit_test(one_false_flag_on_a_genuine_document_costs_part_and_is_named),
        cmocka_unit_test(a_possible_victim_is_heard_apart_from_the_companion),
        cmocka_unit_test(questions_before_a_needed_interpreter_are_not_understood),
        cmocka_unit_test(an_unaccompanied_child_goes_to_child_protection),
        cmocka_unit_test(several_protection_needs_at_once),
        cmocka_unit_test(a_refusal_is_explained_in_a_language_understood),
        cmocka_unit_test(an_authors_rules_hold),
        cmocka_unit_test(a_signature_in_another_hand_is_named_data_alteration),
    };
    return cmocka_run_group_tests_name("verdict", tests, setup, teardown);
}
