/* test_score.c - scoring cases of the real scenario pack: a perfect trainee
 * passes every scenario with full points; the gravest errors fail a case
 * whatever its points; findings count only where they could have been seen;
 * the action log reads back into the actions the desk logged. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "critical.h"
#include "scn_load.h"
#include "score.h"
#include "score_work.h"
#include "test_fonts.h"

#define MAX_SCN 40

typedef struct {
    int n;
    scenario scn[MAX_SCN];
    score_truth truth[MAX_SCN];
} pack_fixture;

static void quiet(void *ud, const char *file, int line, const char *msg) {
    (void)ud;
    fprintf(stderr, "%s:%d: %s\n", file, line, msg);
}

static int setup(void **state) {
    static const char *files[] = {"s01-citizen-returning",  "s02-expired-passport",
                                  "s03-business-visitor",   "s04-counterfeit-paper",
                                  "s05-fear-of-return",     "s06-unaccompanied-child",
                                  "s07-trafficking",        "s08-discriminatory-question",
                                  "s09-language-barrier",   "s10-wheelchair-citizen",
                                  "s11-stateless-resident", "s12-undocumented-returnee",
                                  "s13-impostor",           "s14-route-counterfeit-visa",
                                  "s15-name-script",        "s16-metameric-id",
                                  "s17-altered-birthdate",  "s18-insulin-visitor",
                                  "s19-stamp-date",         "s20-aged-photo",
                                  "s21-lookalike-prints",   "s22-morph",
                                  "s23-cloned-chip",        "s24-dead-chip",
                                  "s25-revoked-signer",     "s26-watchlist-false-match",
                                  "s27-injured-finger",     "s28-api-swap",
                                  "s29-name-hit-innocent",  "s30-stolen-passport-impostor",
                                  "s31-lost-then-found",    "s32-pnr-trafficking",
                                  "s33-returning-fighter",  "s34-returnee-registry",
                                  "s35-returnee-fear",      "s36-discreet-check"};
    pack_fixture *p = calloc(1, sizeof *p);
    doc_fonts fonts;
    bl_err err = {0};
    if (!p || test_fonts_load(&fonts, &err) != 0) return -1;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[128];
        snprintf(path, sizeof path, "scenarios/%s.lua", files[i]);
        if (scn_load_file(&p->scn[p->n], NULL, path, NULL, quiet, NULL) != 0) return -1;
        if (score_truth_build(&p->scn[p->n], &fonts, &p->truth[p->n], &err) != 0) {
            fprintf(stderr, "%s\n", err.msg);
            return -1;
        }
        p->n++;
    }
    doc_fonts_unload(&fonts);
    *state = p;
    return 0;
}

static int teardown(void **state) {
    pack_fixture *p = *state;
    if (!p) return 0; /* setup failed */
    for (int i = 0; i < p->n; i++)
        scenario_release(&p->scn[i]);
    free(p);
    return 0;
}

/* What a perfect trainee does: good work (score_work.h), then the expected
 * decision. */
static void perfect(const scenario *s, const score_truth *t, score_actions *a) {
    score_good_work(s, t, s->expected.decision, s->expected.protection, 240, a);
}

static void a_perfect_trainee_passes_every_scenario_with_full_points(void **state) {
    pack_fixture *p = *state;
    assert_true(p->n >= 16);
    for (int i = 0; i < p->n; i++) {
        score_actions a;
        score_result r;
        perfect(&p->scn[i], &p->truth[i], &a);
        score_case(&p->scn[i], &p->truth[i], &a, 70, &r);
        if (!r.passed || r.n_critical || r.points < 99.99)
            fail_msg("%s: %.2f points, %d critical (%s), recall %.2f precision %.2f", p->scn[i].id,
                     r.points, r.n_critical, r.n_critical ? r.critical[0] : "", r.recall,
                     r.precision);
    }
}

static int has_critical(const score_result *r, const char *id) {
    for (int i = 0; i < r->n_critical; i++)
        if (!strcmp(r->critical[i], id)) return 1;
    return 0;
}

/* Admitting on a forged, altered or impostor document, and refusing a
 * person who needs protection, fail whatever else was done well. */
static void the_gravest_errors_fail_a_case_whatever_the_points(void **state) {
    pack_fixture *p = *state;
    int forged = 0, protection = 0;
    for (int i = 0; i < p->n; i++) {
        const scenario *s = &p->scn[i];
        score_actions a;
        score_result r;
        perfect(s, &p->truth[i], &a);
        int fraud = s->impostor > 0;
        for (int d = 0; d < p->truth[i].n; d++)
            fraud |= p->truth[i].d[d].kind != DEFECT_EXPIRED &&
                     p->truth[i].d[d].kind != DEFECT_STAMP_DATE_CONFLICT;
        for (int d = 0; d < s->n_docs; d++) /* a chip not the document's own */
            fraud |= scn_chip_fraud(s->docs[d].spec.chip);
        if (fraud) {
            a.decision = DECIDE_ADMIT; /* every finding flagged, then admitted */
            score_case(s, &p->truth[i], &a, 0, &r);
            assert_false(r.passed);
            assert_true(has_critical(&r, "admitted_invalid_document"));
            forged++;
        }
        if (s->situations >> SIT_FEAR_OF_RETURN & 1) {
            perfect(s, &p->truth[i], &a);
            a.decision = DECIDE_REFUSE, a.protection = 0;
            score_case(s, &p->truth[i], &a, 0, &r);
            assert_false(r.passed);
            assert_true(has_critical(&r, "refused_protection"));
            assert_true(r.competency[COMP_HUMAN_RIGHTS] < 0.01);
            protection++;
        }
    }
    assert_true(forged >= 8 && protection >= 1);
}

static int find(const pack_fixture *p, const char *id) {
    for (int i = 0; i < p->n; i++)
        if (!strcmp(p->scn[i].id, id)) return i;
    fail_msg("%s is not in the pack", id);
    return -1;
}

/* The perfect trainee's case with one thing changed, scored. */
typedef void (*change_fn)(score_actions *a);
static void scored_with(const pack_fixture *p, int i, change_fn change, score_result *r) {
    score_actions a;
    perfect(&p->scn[i], &p->truth[i], &a);
    change(&a);
    score_case(&p->scn[i], &p->truth[i], &a, 70, r);
}
static void admit(score_actions *a) {
    a->decision = DECIDE_ADMIT;
}
static void refuse(score_actions *a) {
    a->decision = DECIDE_REFUSE;
}
static void second_line(score_actions *a) {
    a->decision = DECIDE_SECOND_LINE;
}
static void sure_same(score_actions *a) {
    a->ident.face_answer = FACE_ANSWER_SAME, a->ident.face_confidence = 3;
}
static void cannot_tell(score_actions *a) {
    a->ident.face_answer = FACE_ANSWER_CANNOT_TELL, a->ident.face_features = 0;
}
static void sure_different(score_actions *a) {
    a->ident.face_answer = FACE_ANSWER_DIFFERENT, a->ident.face_confidence = 3;
}
static void held_without_search(score_actions *a) {
    a->decision = DECIDE_SECOND_LINE;
    a->ident.searched = 0, a->ident.cand_said_not = 0;
}
static void candidate_taken_at_its_word(score_actions *a) {
    a->ident.cand_said_not = 0;
}
static void no_exception(score_actions *a) {
    a->ident.exceptions = 0;
}
static void not_told_why(score_actions *a) {
    a->ident.explained = a->ident.explained_first = 0;
}

/* Identity at the counter (s20-s27), judged by principle: a face is never
 * called the portrait's with confidence it has not earned; a chip that is
 * not the document's own makes it one not to admit on, a dead chip does
 * not; a watch-list candidate is a lead, never grounds to hold a person; an
 * injured finger is recorded, never a reason to refuse. */
static void identity_at_the_counter_is_judged_by_principle(void **state) {
    pack_fixture *p = *state;
    score_result r;
    /* a look-alike and a morph: "same, I am sure" fails whatever else was
       right; an honest "cannot tell" does not, but costs points */
    const char *impostors[] = {"s21-lookalike-prints", "s22-morph"};
    for (int k = 0; k < 2; k++) {
        int i = find(p, impostors[k]);
        scored_with(p, i, sure_same, &r);
        assert_false(r.passed);
        assert_true(has_critical(&r, "confident_same_for_impostor"));
        scored_with(p, i, cannot_tell, &r);
        assert_int_equal(r.n_critical, 0);
        assert_true(r.points < 99);
        scored_with(p, i, admit, &r);
        assert_true(has_critical(&r, "admitted_invalid_document"));
    }
    /* the aged photo: he is the holder; "different, I am sure" costs the
       face item, refusing him is refusing a citizen */
    int i = find(p, "s20-aged-photo");
    scored_with(p, i, sure_different, &r);
    assert_true(r.face < 0.01 && r.points < 99);
    scored_with(p, i, refuse, &r);
    assert_true(has_critical(&r, "refused_own_national"));
    /* a cloned chip, a revoked signer: admitting is admitting on an invalid
       document, and not reading the chip misses the evidence */
    const char *chips[] = {"s23-cloned-chip", "s25-revoked-signer"};
    for (int k = 0; k < 2; k++) {
        i = find(p, chips[k]);
        scored_with(p, i, admit, &r);
        assert_false(r.passed);
        assert_true(has_critical(&r, "admitted_invalid_document"));
        assert_true(r.chip > 0.99);
    }
    /* a dead chip is no forgery: admitted or referred, she passes; refused,
       the scenario's own critical error says why */
    i = find(p, "s24-dead-chip");
    scored_with(p, i, admit, &r);
    assert_true(r.passed && r.n_critical == 0);
    scored_with(p, i, second_line, &r);
    assert_true(r.passed && r.accepted);
    scored_with(p, i, refuse, &r);
    assert_false(r.passed);
    assert_true(has_critical(&r, CRITICAL_AUTHORED_PREFIX "crit.refused_dead_chip"));
    /* a false watch-list candidate: holding her on it is critical; holding
       her without a search is a wrong decision, not that error; taking the
       list at its word costs the procedure */
    i = find(p, "s26-watchlist-false-match");
    scored_with(p, i, second_line, &r);
    assert_false(r.passed);
    assert_true(has_critical(&r, "held_on_false_match"));
    scored_with(p, i, held_without_search, &r);
    assert_false(r.passed);
    assert_false(has_critical(&r, "held_on_false_match"));
    scored_with(p, i, candidate_taken_at_its_word, &r);
    assert_true(r.fingers < 1 && r.points < 99.99);
    scored_with(p, i, not_told_why, &r);
    assert_true(r.fingers < 1 && r.points < 99.99);
    /* an injured finger: refusing for it is critical; not recording it as
       an exception costs the procedure */
    i = find(p, "s27-injured-finger");
    scored_with(p, i, refuse, &r);
    assert_false(r.passed);
    assert_true(has_critical(&r, "refused_for_missing_finger"));
    scored_with(p, i, no_exception, &r);
    assert_true(r.fingers < 1 && r.points < 99.99);
}

static void asking_a_forbidden_question_is_critical(void **state) {
    pack_fixture *p = *state;
    int tested = 0;
    for (int i = 0; i < p->n; i++) {
        const scenario *s = &p->scn[i];
        for (int q = 0; q < s->n_questions; q++) {
            if (!s->questions[q].forbidden) continue;
            score_actions a;
            score_result r;
            perfect(s, &p->truth[i], &a);
            a.asked[q] = 1;
            score_case(s, &p->truth[i], &a, 0, &r);
            assert_false(r.passed);
            assert_true(has_critical(&r, "asked_discriminatory_question"));
            assert_true(r.competency[COMP_HUMAN_RIGHTS] < 0.01);
            assert_int_equal(r.forbidden_asked, 1u << q); /* the debrief names it */
            tested++;
        }
    }
    assert_true(tested >= 1);
}

/* What the debrief teaches besides defects: each required question not asked,
 * the interpreter, the lights the case needed; nothing for a perfect trainee. */
static void the_debrief_names_each_lesson(void **state) {
    pack_fixture *p = *state;
    int asks = 0, interpreters = 0, lights = 0;
    for (int i = 0; i < p->n; i++) {
        const scenario *s = &p->scn[i];
        score_actions a;
        score_result r;
        perfect(s, &p->truth[i], &a);
        score_case(s, &p->truth[i], &a, 0, &r);
        assert_int_equal(r.ask_missed | r.forbidden_asked | r.lights_missed, 0);
        assert_int_equal(r.interpreter_missed, 0);
        for (int k = 0; k < s->expected.n_ask; k++) { /* forget one question */
            perfect(s, &p->truth[i], &a);
            a.asked[scenario_question_index(s, s->expected.ask[k])] = 0;
            score_case(s, &p->truth[i], &a, 0, &r);
            assert_int_equal(r.ask_missed, 1u << k);
            asks++;
        }
        if (s->expected.interpreter) {
            perfect(s, &p->truth[i], &a);
            a.interpreter = 0;
            score_case(s, &p->truth[i], &a, 0, &r);
            assert_true(r.interpreter_missed);
            interpreters++;
        }
        if (s->expected.lights & ~LIGHT_BIT(LIGHT_VISIBLE)) {
            perfect(s, &p->truth[i], &a);
            a.lights_used = LIGHT_BIT(LIGHT_VISIBLE);
            score_case(s, &p->truth[i], &a, 0, &r);
            assert_int_equal(r.lights_missed, s->expected.lights & ~LIGHT_BIT(LIGHT_VISIBLE));
            lights++;
        }
    }
    assert_true(asks >= 18 && interpreters >= 1 && lights >= 5);
}

/* A UV-only defect flagged without ever using UV is a guess, not a finding;
 * a flag in the wrong place finds nothing; a named kind beats a located one. */
static void findings_count_only_where_they_could_be_seen(void **state) {
    pack_fixture *p = *state;
    int tested = 0;
    for (int i = 0; i < p->n; i++) {
        const scenario *s = &p->scn[i];
        const score_truth *t = &p->truth[i];
        for (int d = 0; d < t->n; d++) {
            if (t->d[d].lights != LIGHT_BIT(LIGHT_UV) ||
                !(s->expected.findings >> t->d[d].kind & 1))
                continue;
            score_actions a;
            score_result r1, r2, r3;
            perfect(s, t, &a);
            score_case(s, t, &a, 70, &r1);
            /* in white light only: neither the UV defect nor (a counterfeit's)
             * what it lacks, seen against the light or in raking light, shows;
             * when what it lacks shows in white light too (no hologram), under
             * a light that shows none of it, or none */
            light_set seen = t->d[d].lights, under = LIGHT_BIT(LIGHT_VISIBLE);
            for (int c = 0; c < t->n; c++)
                if (t->d[c].parent == t->d[d].kind) seen |= t->d[c].lights;
            for (int l = 0; (under & seen) && l <= LIGHT_COUNT; l++)
                under = l < LIGHT_COUNT ? LIGHT_BIT(l) : 0;
            for (int f = 0; f < a.n_flags; f++)
                a.flags[f].lights_before = under;
            score_case(s, t, &a, 70, &r2);
            assert_true(r2.recall < r1.recall);
            assert_int_equal(r2.defect_found[d], 0);
            perfect(s, t, &a);
            for (int f = 0; f < a.n_flags; f++)
                a.flags[f].x += 200; /* off the page */
            score_case(s, t, &a, 70, &r3);
            assert_true(r3.precision < 0.01);
            tested++;
        }
    }
    assert_true(tested >= 1);
    /* located but misnamed: half credit */
    for (int i = 0; i < p->n; i++) {
        const scenario *s = &p->scn[i];
        if (!s->expected.findings) continue;
        score_actions a;
        score_result r;
        perfect(s, &p->truth[i], &a);
        for (int f = 0; f < a.n_flags; f++)
            a.flags[f].kind = (a.flags[f].kind + 1) % desk_finding_kind_count();
        score_case(s, &p->truth[i], &a, 70, &r);
        assert_true(r.recall > 0.49 && r.recall < 0.51);
        break;
    }
}

/* What a counterfeit lacks (a missing watermark, a flat intaglio) is a true
 * finding, and finds the counterfeit located; naming the document a
 * counterfeit there finds it whole (docs/scenarios.md, "A counterfeit holds
 * together"). */
static void a_counterfeits_missing_features_find_it(void **state) {
    pack_fixture *p = *state;
    const scenario *s = NULL;
    const score_truth *t = NULL;
    for (int i = 0; i < p->n; i++)
        if (!strcmp(p->scn[i].id, "s04-counterfeit-paper")) s = &p->scn[i], t = &p->truth[i];
    assert_non_null(s);
    int wm = -1, paper = -1;
    for (int d = 0; d < t->n; d++) {
        if (t->d[d].kind == DEFECT_WATERMARK_MISSING) wm = d;
        if (t->d[d].kind == DEFECT_COUNTERFEIT_PAPER) paper = d;
    }
    assert_true(wm >= 0 && paper >= 0);
    assert_int_equal(t->d[wm].parent, DEFECT_COUNTERFEIT_PAPER);
    assert_int_equal(t->d[paper].parent, -1);
    score_actions a;
    score_result r;
    perfect(s, t, &a);
    score_flag on_wm = {t->d[wm].doc,
                        t->d[wm].side,
                        score_finding_kind_of(DEFECT_WATERMARK_MISSING),
                        t->d[wm].x,
                        t->d[wm].y,
                        t->d[wm].w,
                        t->d[wm].h,
                        LIGHT_BIT(LIGHT_TRANSMITTED)};
    a.n_flags = 1, a.flags[0] = on_wm;
    score_case(s, t, &a, 70, &r);
    assert_int_equal(r.false_flags, 0);
    assert_int_equal(r.flag_matched[0], wm);
    /* s04 expects the paper, the UV emblem and the fibres: the paper located */
    assert_true(fabs(r.recall - 0.5 / 3) < 1e-9);
    a.flags[0].kind = score_finding_kind_of(DEFECT_COUNTERFEIT_PAPER);
    score_case(s, t, &a, 70, &r);
    assert_true(fabs(r.recall - 1.0 / 3) < 1e-9);
    /* seen without the light that shows it: nothing found */
    a.flags[0].kind = on_wm.kind, a.flags[0].lights_before = LIGHT_BIT(LIGHT_VISIBLE);
    score_case(s, t, &a, 70, &r);
    assert_int_equal(r.false_flags, 1);
    assert_true(r.recall < 1e-9);
}

static void the_action_log_reads_back(void **state) {
    pack_fixture *p = *state;
    const scenario *s = &p->scn[4]; /* s05: protection, flags on the first document */
    char log[4096];
    snprintf(
        log, sizeof log,
        "{\"t\": 0.0, \"frame\": 0, \"action\": \"session_start\", \"target\": \"pack\", "
        "\"params\": {}}\n"
        "{\"t\": 0.5, \"frame\": 30, \"action\": \"light\", \"target\": \"uv\", \"params\": {}}\n"
        "{\"t\": 1.0, \"frame\": 60, \"action\": \"traveler\", \"target\": \"%.47s\", \"params\": "
        "{}}\n"
        "\n"
        "{\"t\": 2.0, \"frame\": 120, \"action\": \"flag\", \"target\": "
        "\"%.47s/doc1:qwh-passport-td3\", \"params\": {\"id\": 1, \"kind\": "
        "\"photo_substitution\", "
        "\"side\": 0, \"region_mm\": [5, 15, 33, 43], \"light\": \"uv\", \"note\": \"\"}}\n"
        "{\"t\": 2.5, \"frame\": 150, \"action\": \"flag\", \"target\": "
        "\"%.47s/doc1:qwh-passport-td3\", \"params\": {\"id\": 2, \"kind\": \"expired\", \"side\": "
        "0, "
        "\"region_mm\": [80, 50, 20, 5], \"light\": \"uv\", \"note\": \"\"}}\n"
        "{\"t\": 3.0, \"frame\": 180, \"action\": \"unflag\", \"target\": "
        "\"%.47s/doc1:qwh-passport-td3\", \"params\": {\"id\": 2}}\n"
        "{\"t\": 3.5, \"frame\": 210, \"action\": \"ask\", \"target\": \"%.47s\", \"params\": "
        "{\"question\": \"purpose\", \"forbidden\": false, \"times\": 1}}\n"
        "{\"t\": 4.0, \"frame\": 240, \"action\": \"light\", \"target\": \"oblique\", \"params\": "
        "{}}\n"
        "{\"t\": 9.0, \"frame\": 540, \"action\": \"decide\", \"target\": \"%.47s\", \"params\": "
        "{\"decision\": \"protection\", \"protection\": \"asylum\"}}\n",
        s->id, s->id, s->id, s->id, s->id, s->id);
    score_actions a;
    bl_err err = {0};
    assert_int_equal(score_actions_from_log(log, strlen(log), s, s->id, &a, &err), 0);
    assert_int_equal(a.n_flags, 1); /* the second was removed */
    assert_int_equal(a.flags[0].doc, 0);
    assert_true(a.flags[0].lights_before & LIGHT_BIT(LIGHT_UV)); /* carried over from before */
    assert_true(a.lights_used & LIGHT_BIT(LIGHT_OBLIQUE));
    assert_int_equal(a.asked[scenario_question_index(s, "purpose")], 1);
    assert_true(a.decided);
    assert_int_equal(a.decision, DECIDE_PROTECTION);
    assert_int_equal(a.protection, PROTECT_ASYLUM);
    assert_true(a.seconds > 7.99 && a.seconds < 8.01);
    const char *bad = "{\"t\": 0, \"action\": \"light\"}\n{\"t\": 1, \"act";
    assert_int_equal(score_actions_from_log(bad, strlen(bad), s, s->id, &a, &err), -1);
    assert_non_null(strstr(err.msg, "line 2"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_perfect_trainee_passes_every_scenario_with_full_points),
        cmocka_unit_test(the_gravest_errors_fail_a_case_whatever_the_points),
        cmocka_unit_test(identity_at_the_counter_is_judged_by_principle),
        cmocka_unit_test(asking_a_forbidden_question_is_critical),
        cmocka_unit_test(the_debrief_names_each_lesson),
        cmocka_unit_test(findings_count_only_where_they_could_be_seen),
        cmocka_unit_test(a_counterfeits_missing_features_find_it),
        cmocka_unit_test(the_action_log_reads_back),
    };
    return cmocka_run_group_tests_name("score", tests, setup, teardown);
}
