/* test_exam.c - the examination's steps, F.A.L.S.E.D.O.C. (exam.h): which
 * steps a case needs from where its evidence lies, which its documents
 * allow, which the trainee covered (from the loupe's looks, the lights, the
 * reader, the flags), what a required step skipped costs, and that the
 * journal keeps them. Expected steps are written from the manual: a
 * substituted photo is found at the face and the laminate, an altered
 * birth date in the data and (its check digit) at the number and the
 * consistency of the MRZ, a counterfeit visa in the travel documents. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "debrief.h"
#include "exam.h"
#include "record.h"
#include "scn_load.h"
#include "score_work.h"
#include "test_fonts.h"

#define B(s) (1u << (s))

typedef struct {
    scenario s;
    score_truth t;
} loaded;

static void quiet(void *ud, const char *file, int line, const char *msg) {
    (void)ud;
    fprintf(stderr, "%s:%d: %s\n", file, line, msg);
}

static loaded *load(const char *id) {
    static loaded L; /* one at a time: the tests are sequential */
    char path[128];
    snprintf(path, sizeof path, "scenarios/%s.lua", id);
    doc_fonts fonts;
    bl_err err = {0};
    assert_int_equal(test_fonts_load(&fonts, &err), 0);
    scenario_release(&L.s);
    memset(&L, 0, sizeof L);
    assert_int_equal(scn_load_file(&L.s, NULL, path, NULL, quiet, NULL), 0);
    if (score_truth_build(&L.s, &fonts, &L.t, &err) != 0) fail_msg("%s", err.msg);
    doc_fonts_unload(&fonts);
    return &L;
}

static int teardown(void **state) {
    (void)state;
    loaded *l = load("s01-citizen-returning");
    scenario_release(&l->s);
    memset(l, 0, sizeof *l);
    return 0;
}

static void needed_from_the_evidence(void **state) {
    (void)state;
    static const struct {
        const char *scn;
        unsigned needed; /* at least these */
        unsigned not_needed;
    } cases[] = {
        /* a substituted photo: the face, and the laminate it was slipped under */
        {"s05-fear-of-return", B(EXAM_FACE) | B(EXAM_LAMINA), B(EXAM_STITCHING)},
        /* an altered birth date with a wrong check digit */
        {"s17-altered-birthdate", B(EXAM_ALTERED) | B(EXAM_NUMBER) | B(EXAM_CONSISTENCY),
         B(EXAM_FACE)},
        /* a counterfeit visa: the travel documents */
        {"s14-route-counterfeit-visa", B(EXAM_OVERSEAS), B(EXAM_FACE)},
        /* an impostor: the face, whatever the documents */
        {"s13-impostor", B(EXAM_FACE), 0},
        /* a genuine citizen's passport: nothing in particular */
        {"s01-citizen-returning", 0, ~0u},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        loaded *l = load(cases[i].scn);
        score_actions a;
        memset(&a, 0, sizeof a);
        exam_steps ex;
        exam_steps_of(&l->s, &l->t, &a, &ex);
        if ((ex.needed & cases[i].needed) != cases[i].needed || (ex.needed & cases[i].not_needed))
            fail_msg("%s: needed %#x, expected %#x and none of %#x", cases[i].scn, ex.needed,
                     cases[i].needed, cases[i].not_needed);
        assert_int_equal(ex.covered, 0); /* nothing done: nothing covered */
    }
}

/* A data page cut along its edge: the evidence lies at the edges (E). */
static void a_trimmed_page_needs_the_edges(void **state) {
    (void)state;
    loaded *l = load("s01-citizen-returning");
    l->s.docs[0].spec.defects |= 1u << DEFECT_EDGE_TRIMMED;
    doc_fonts fonts;
    bl_err err = {0};
    assert_int_equal(test_fonts_load(&fonts, &err), 0);
    if (score_truth_build(&l->s, &fonts, &l->t, &err) != 0) fail_msg("%s", err.msg);
    doc_fonts_unload(&fonts);
    score_actions a;
    memset(&a, 0, sizeof a);
    exam_steps ex;
    exam_steps_of(&l->s, &l->t, &a, &ex);
    assert_true(ex.needed & B(EXAM_EDGES));
    look_at(&a, 0, 0, l->t.doc_w[0] - 1.0, 20); /* the loupe along the cut */
    exam_steps_of(&l->s, &l->t, &a, &ex);
    assert_true(ex.covered & B(EXAM_EDGES));
}

static void possible_for_the_documents(void **state) {
    (void)state;
    exam_steps ex;
    score_actions a;
    memset(&a, 0, sizeof a);
    /* an identity card alone: no booklet to stitch, no second document */
    loaded *l = load("s16-metameric-id");
    exam_steps_of(&l->s, &l->t, &a, &ex);
    assert_false(ex.possible & B(EXAM_STITCHING));
    assert_false(ex.possible & B(EXAM_OVERSEAS));
    assert_true(ex.possible & B(EXAM_FACE));
    /* a passport and a visa: every step */
    l = load("s14-route-counterfeit-visa");
    exam_steps_of(&l->s, &l->t, &a, &ex);
    assert_int_equal(ex.possible, B(EXAM_STEPS) - 1);
    /* no documents (a person who arrives without any): no examination */
    l->s.n_docs = 0;
    exam_steps_of(&l->s, &l->t, &a, &ex);
    assert_int_equal(ex.possible | ex.needed | ex.covered, 0);
}

/* Each step is covered by its own place or tool, and by nothing else. */
static void covered_by_the_place_looked_at(void **state) {
    (void)state;
    loaded *l = load("s14-route-counterfeit-visa");
    const score_truth *t = &l->t;
    const score_feature *portrait = NULL, *number = NULL;
    for (int i = 0; i < t->n_features; i++) {
        if (t->f[i].doc == 0 && !strcmp(t->f[i].kind, "portrait")) portrait = &t->f[i];
        if (t->f[i].doc == 0 && !strcmp(t->f[i].kind, "document_number")) number = &t->f[i];
    }
    assert_non_null(portrait);
    assert_non_null(number); /* the passport's number is a place in the truth */
    score_actions a;
    exam_steps ex;
    memset(&a, 0, sizeof a);
    look_at(&a, 0, 0, portrait->x + 2, portrait->y + 2);
    exam_steps_of(&l->s, t, &a, &ex);
    assert_int_equal(ex.covered, B(EXAM_FACE));
    memset(&a, 0, sizeof a);
    look_at(&a, 0, 0, number->x + 1, number->y + 1);
    exam_steps_of(&l->s, t, &a, &ex);
    /* the number is printed among the personal data: both are looked at */
    assert_int_equal(ex.covered, B(EXAM_NUMBER) | B(EXAM_ALTERED));
    memset(&a, 0, sizeof a);
    a.lights_used = LIGHT_BIT(LIGHT_OBLIQUE);
    exam_steps_of(&l->s, t, &a, &ex);
    assert_int_equal(ex.covered, B(EXAM_LAMINA));
    memset(&a, 0, sizeof a);
    a.lights_used = LIGHT_BIT(LIGHT_IR);
    exam_steps_of(&l->s, t, &a, &ex);
    assert_int_equal(ex.covered, B(EXAM_ALTERED));
    memset(&a, 0, sizeof a);
    a.reader = 1; /* the reader reads the number and the MRZ against the page */
    exam_steps_of(&l->s, t, &a, &ex);
    assert_int_equal(ex.covered, B(EXAM_NUMBER) | B(EXAM_CONSISTENCY));
    memset(&a, 0, sizeof a);
    look_at(&a, 0, 0, t->doc_w[0] / 2, 1.0); /* the passport page's fold */
    exam_steps_of(&l->s, t, &a, &ex);
    assert_true(ex.covered & B(EXAM_STITCHING));
    memset(&a, 0, sizeof a);
    look_at(&a, 0, 0, t->doc_w[0] - 1.0, t->doc_h[0] / 2); /* its outer edge */
    exam_steps_of(&l->s, t, &a, &ex);
    assert_int_equal(ex.covered, B(EXAM_EDGES));
    memset(&a, 0, sizeof a);
    look_at(&a, 1, 0, 30, 30); /* the visa */
    exam_steps_of(&l->s, t, &a, &ex);
    assert_true(ex.covered & B(EXAM_OVERSEAS));
    memset(&a, 0, sizeof a);
    look_at(&a, 0, 0, t->doc_w[0] / 2, t->doc_h[0] / 2); /* the middle of the page: no step */
    a.lights_used = LIGHT_BIT(LIGHT_VISIBLE) | LIGHT_BIT(LIGHT_UV);
    exam_steps_of(&l->s, t, &a, &ex);
    assert_int_equal(ex.covered & ~B(EXAM_ALTERED), 0);
    /* a full examination covers every step the documents allow */
    score_good_work(&l->s, t, l->s.expected.decision, l->s.expected.protection, 200, &a);
    exam_steps_of(&l->s, t, &a, &ex);
    assert_int_equal(ex.covered, ex.possible);
}

/* A step the scenario requires and the trainee skipped is a lesson and
 * costs a fifth of the examination's marks; done, it costs nothing. */
static void a_required_step_skipped_costs(void **state) {
    (void)state;
    loaded *l = load("s17-altered-birthdate");
    l->s.expected.steps = B(EXAM_EDGES) | B(EXAM_FACE);
    score_actions a;
    score_result full, skipped;
    score_good_work(&l->s, &l->t, l->s.expected.decision, l->s.expected.protection, 200, &a);
    score_case(&l->s, &l->t, &a, 70, &full);
    assert_int_equal(full.steps_required, B(EXAM_EDGES) | B(EXAM_FACE));
    assert_true(full.steps_needed & B(EXAM_EDGES)); /* required: needed */
    assert_int_equal(full.steps_required & ~full.steps_covered, 0);
    /* the same work without looking at the edges */
    int n = 0;
    for (int i = 0; i < a.n_looks; i++) {
        const score_look *k = &a.looks[i];
        double w = l->t.doc_w[k->doc], h = l->t.doc_h[k->doc];
        if (k->x > 3 && k->y > 3 && k->x < w - 3 && k->y < h - 3) a.looks[n++] = *k;
    }
    a.n_looks = n;
    score_case(&l->s, &l->t, &a, 70, &skipped);
    assert_int_equal(skipped.steps_required & ~skipped.steps_covered, B(EXAM_EDGES));
    double ratio = skipped.competency[COMP_DOCUMENTS] / full.competency[COMP_DOCUMENTS];
    assert_true(ratio > 0.79 && ratio < 0.81);
    desk_debrief d;
    memset(&d, 0, sizeof d);
    debrief_from_score(&l->s, &l->t, &a, &skipped, &d);
    int noted = 0;
    for (int i = 0; i < d.n_notes; i++)
        noted |= d.notes[i].kind == NOTE_STEP_SKIPPED && !strcmp(d.notes[i].key, "edges");
    assert_true(noted);
    /* the journal keeps the steps: a review shows what the desk showed */
    record_case rc;
    memset(&rc, 0, sizeof rc);
    rc.d = d;
    snprintf(rc.traveler, sizeof rc.traveler, "%s", l->s.id);
    char *json = record_case_json(&rc);
    record_entry e;
    assert_int_equal(record_parse(json, &e, NULL), 0);
    free(json);
    assert_int_equal(e.kind, REC_CASE);
    assert_int_equal(e.kase.d.steps_possible, d.steps_possible);
    assert_int_equal(e.kase.d.steps_needed, d.steps_needed);
    assert_int_equal(e.kase.d.steps_required, d.steps_required);
    assert_int_equal(e.kase.d.steps_covered, d.steps_covered);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(needed_from_the_evidence),
        cmocka_unit_test(a_trimmed_page_needs_the_edges),
        cmocka_unit_test(possible_for_the_documents),
        cmocka_unit_test(covered_by_the_place_looked_at),
        cmocka_unit_test(a_required_step_skipped_costs),
    };
    return cmocka_run_group_tests(tests, NULL, teardown);
}
