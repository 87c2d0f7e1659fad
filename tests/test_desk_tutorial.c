/* test_desk_tutorial.c - the guided first case (desk_tutorial.h) as a new
 * trainee meets it: the desk driven with input events through every step in
 * order, each step waiting for its own action (an action done ahead of its
 * step never advances past the step shown), skipping with K (logged, not a
 * decided case), a step the session cannot offer passed over, and every
 * step's instruction present in English, French and Arabic and fitting its
 * banner, which stays clear of what the steps need. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "desk.h"
#include "desk_fit.h"
#include "desk_layout.h"
#include "desk_tutorial.h"
#include "test_fonts.h"

/* ------------------------------------------------------------ the bench */

typedef struct logged {
    char action[32];
    char params[sizeof(((desk_action *)0)->params)];
} logged;

typedef struct bench {
    desk_session s;
    desk_state st;
    draw_list dl;
    int n_log;
    logged log[128];
    i18n *langs[3];
} bench;

static void on_log(void *ud, const desk_action *a) {
    bench *b = ud;
    if (b->n_log >= (int)(sizeof b->log / sizeof b->log[0])) fail_msg("the log overflowed");
    logged *l = &b->log[b->n_log++];
    snprintf(l->action, sizeof l->action, "%s", a->action);
    snprintf(l->params, sizeof l->params, "%s", a->params);
}

static i18n *catalogue(const char *lang, const i18n *fallback) {
    bl_err err = {0};
    const char *json = i18n_builtin_json(lang);
    i18n *c = json ? i18n_load_json(json, strlen(json), lang, fallback, &err) : NULL;
    if (!c) fail_msg("catalogue %s: %s", lang, err.msg);
    return c;
}

/* The default session with its first traveler made a tutorial: a passport
 * (uto-passport-td3, its microtext line 5 mm in, 12.3 mm down, as the
 * template says) and three questions. */
static int setup(void **state) {
    bench *b = calloc(1, sizeof *b);
    if (!b) return -1;
    desk_session_default(&b->s);
    bl_err err = {0};
    if (desk_session_resolve(&b->s, &err) != 0) {
        free(b);
        return -1;
    }
    desk_traveler *t = &b->s.travelers[0];
    t->tutorial = 1;
    t->n_questions = 3;
    static const char *ids[] = {"from", "purpose", "live"};
    for (int i = 0; i < 3; i++) {
        snprintf(t->questions[i].id, sizeof t->questions[i].id, "%s", ids[i]);
        snprintf(t->questions[i].text, sizeof t->questions[i].text, "q.%s", ids[i]);
    }
    *state = b;
    return 0;
}

static int teardown(void **state) {
    bench *b = *state;
    for (int i = 2; i >= 0; i--)
        i18n_destroy(b->langs[i]);
    free(b);
    return 0;
}

/* Starts the session (with the three catalogues) and tells the desk where
 * the passport's microtext line is, as the app does once it built it. */
static void start(bench *b) {
    b->langs[0] = catalogue("en", NULL);
    b->langs[1] = catalogue("fr", b->langs[0]);
    b->langs[2] = catalogue("ar", b->langs[0]);
    desk_init(&b->st, &b->s, (const i18n *const *)b->langs, 3, on_log, b);
    desk_doc_info info;
    memset(&info, 0, sizeof info);
    info.n_features = 1;
    info.features[0] = (desk_feature){0, "microtext", 5, 12.3, 115, 0.6, LIGHT_BIT(LIGHT_VISIBLE)};
    desk_set_doc_info(&b->st, 0, &info);
    b->n_log = 0;
}

static int step(bench *b, input_event ev) {
    return desk_step(&b->st, &ev, on_log, b);
}

static int key(bench *b, int k) {
    return step(b, (input_event){.kind = EV_KEY, .key = k});
}

static int mouse(bench *b, input_kind kind, int x, int y) {
    return step(b, (input_event){.kind = kind, .button = BUTTON_LEFT, .x = x, .y = y});
}

static void ask(bench *b, const char *id) {
    input_event ev = {.kind = EV_ASK};
    snprintf(ev.text, sizeof ev.text, "%s", id);
    step(b, ev);
}

/* The pointer onto the microtext line of the open passport. */
static void onto_microtext(bench *b) {
    const desk_doc *d = &b->st.docs[0];
    mouse(b, EV_MOVE, (int)d->x + 100, (int)(d->y + 12.6 * DESK_PX_PER_MM));
}

/* Saves a finding drawn on the passport's photo (kind 1, no note). */
static void flag(bench *b) {
    const desk_doc *d = &b->st.docs[0];
    key(b, KEY_F);
    mouse(b, EV_DOWN, (int)d->x + 30, (int)d->y + 80);
    mouse(b, EV_MOVE, (int)d->x + 60, (int)d->y + 120);
    mouse(b, EV_UP, (int)d->x + 90, (int)d->y + 160);
    key(b, KEY_1);
    key(b, KEY_RETURN);
    assert_int_equal(b->st.mode, DESK_EXAMINE);
}

static int count(const bench *b, const char *action) {
    int n = 0;
    for (int i = 0; i < b->n_log; i++)
        n += !strcmp(b->log[i].action, action);
    return n;
}

static const logged *last(const bench *b, const char *action) {
    for (int i = b->n_log - 1; i >= 0; i--)
        if (!strcmp(b->log[i].action, action)) return &b->log[i];
    fail_msg("no '%s' in the log", action);
    return NULL;
}

/* The step shown is `want`, and the last step logged done is `done` (its
 * id and 1-based index). */
static void expect(const bench *b, int want, int done) {
    assert_int_equal(desk_tutorial_current(&b->st), want);
    if (done < 0) return;
    char params[96];
    snprintf(params, sizeof params, "{\"step\": \"%s\", \"index\": %d}",
             desk_tutorial_step_id(done), done + 1);
    assert_string_equal(last(b, "tutorial_step")->params, params);
}

/* A text command of the draw list with exactly this text, or NULL. */
static const draw_cmd *text_drawn(const draw_list *dl, const char *s) {
    for (int i = 0; i < dl->n; i++)
        if (dl->cmd[i].kind == DRAW_TEXT && !strcmp(dl->cmd[i].text, s)) return &dl->cmd[i];
    return NULL;
}

static int overlap(desk_rect a, desk_rect b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* ------------------------------------------------------------ tests */

static void every_step_in_order_then_the_debrief(void **state) {
    bench *b = *state;
    start(b);
    expect(b, TUT_OPEN, -1);
    key(b, KEY_O);
    expect(b, TUT_UV, TUT_OPEN);
    key(b, KEY_2);
    expect(b, TUT_IR, TUT_UV);
    key(b, KEY_3);
    expect(b, TUT_LOUPE, TUT_IR);
    key(b, KEY_1); /* microtext is read in white light */
    onto_microtext(b);
    expect(b, TUT_LOUPE, TUT_IR);
    key(b, KEY_L);
    expect(b, TUT_REFERENCE, TUT_LOUPE);
    key(b, KEY_R);
    expect(b, TUT_MRZ, TUT_REFERENCE);
    key(b, KEY_M);
    expect(b, TUT_FLAG, TUT_MRZ);
    flag(b);
    expect(b, TUT_ASK, TUT_FLAG);
    ask(b, "from");
    expect(b, TUT_INTERPRETER, TUT_ASK);
    key(b, KEY_I);
    expect(b, TUT_DECIDE, TUT_INTERPRETER);
    key(b, KEY_A);
    expect(b, TUT_DECIDE, TUT_INTERPRETER); /* the confirm dialog: not yet decided */
    key(b, KEY_RETURN);
    assert_int_equal(b->st.mode, DESK_DEBRIEF);
    assert_int_equal(desk_tutorial_current(&b->st), -1);
    assert_string_equal(last(b, "tutorial_step")->params, "{\"step\": \"decide\", \"index\": 10}");
    assert_int_equal(count(b, "tutorial_step"), TUT_STEPS);
    int total, done = desk_tutorial_count(&b->st, 0, &total);
    assert_int_equal(done, TUT_STEPS);
    assert_int_equal(total, TUT_STEPS);
    assert_int_equal(desk_tutorial_practised(&b->st, 0), (1u << TUT_STEPS) - 1);
    /* its debrief, not a case's: what was practised, no points */
    desk_debrief d = {.decision = DECIDE_ADMIT, .expected = DECIDE_ADMIT, .decision_ok = 1};
    desk_set_debrief(&b->st, 0, &d);
    desk_draw(&b->st, &b->dl);
    assert_non_null(text_drawn(&b->dl, i18n_get(b->langs[0], "tutorial.done_title")));
    assert_non_null(text_drawn(&b->dl, i18n_get(b->langs[0], "tutorial.name.loupe")));
    assert_null(text_drawn(&b->dl, i18n_get(b->langs[0], "debrief.passed")));
    assert_null(text_drawn(&b->dl, i18n_get(b->langs[0], "debrief.failed")));
    assert_int_equal(key(b, KEY_RETURN), 1); /* on to the next traveler, no tutorial */
    assert_int_equal(desk_tutorial_current(&b->st), -1);
    desk_draw(&b->st, &b->dl);
    assert_null(text_drawn(&b->dl, i18n_get(b->langs[0], "tutorial.skip")));
}

/* Each step waits for its own action: what belongs to a later step, done
 * early, leaves the step shown where it is; one event never does two steps;
 * a flag or a question must come while its step is shown. */
static void each_step_waits_for_its_own_action(void **state) {
    bench *b = *state;
    start(b);
    key(b, KEY_2); /* UV, the passport still closed */
    key(b, KEY_R);
    key(b, KEY_R); /* the reference panel open and closed again */
    key(b, KEY_I); /* the interpreter, early */
    ask(b, "from");
    expect(b, TUT_OPEN, -1);
    assert_int_equal(count(b, "tutorial_step"), 0);
    key(b, KEY_O);
    expect(b, TUT_UV, TUT_OPEN); /* UV is on, but this event opened the passport */
    mouse(b, EV_MOVE, 900, 500);
    expect(b, TUT_IR, TUT_UV); /* the next event finds it on */
    key(b, KEY_L);
    onto_microtext(b);
    expect(b, TUT_IR, TUT_UV); /* the loupe on the microtext waits for IR */
    key(b, KEY_3);
    expect(b, TUT_LOUPE, TUT_IR);
    onto_microtext(b);
    expect(b, TUT_LOUPE, TUT_IR); /* the loupe on the microtext, but in IR */
    mouse(b, EV_MOVE, (int)b->st.docs[0].x + 100, (int)b->st.docs[0].y + 200);
    key(b, KEY_1);
    expect(b, TUT_LOUPE, TUT_IR); /* the loupe is on, but not over the microtext */
    onto_microtext(b);
    expect(b, TUT_REFERENCE, TUT_LOUPE);
    key(b, KEY_M); /* the MRZ reader before the reference */
    expect(b, TUT_REFERENCE, TUT_LOUPE);
    key(b, KEY_R);
    expect(b, TUT_MRZ, TUT_REFERENCE); /* the reference closes the MRZ panel */
    key(b, KEY_M);
    expect(b, TUT_FLAG, TUT_MRZ);
    ask(b, "purpose"); /* a question is not a flag */
    expect(b, TUT_FLAG, TUT_MRZ);
    flag(b);
    expect(b, TUT_ASK, TUT_FLAG); /* the questions asked before do not count */
    key(b, KEY_L);
    expect(b, TUT_ASK, TUT_FLAG);
    ask(b, "live");
    expect(b, TUT_INTERPRETER, TUT_ASK);
    mouse(b, EV_MOVE, 900, 500); /* the interpreter came early: done by the next event */
    expect(b, TUT_DECIDE, TUT_INTERPRETER);
    assert_int_equal(count(b, "tutorial_step"), TUT_INTERPRETER + 1);
}

/* K skips: logged with the step it was at, the next traveler comes, and the
 * tutorial is not a decided case. K is nothing while typing a note, nor at
 * a traveler who is not a tutorial. */
static void k_skips_the_tutorial_and_it_is_not_a_case(void **state) {
    bench *b = *state;
    start(b);
    desk_draw(&b->st, &b->dl);
    const draw_cmd *hint = text_drawn(&b->dl, i18n_get(b->langs[0], "tutorial.skip"));
    assert_non_null(hint); /* the way out is on the screen */
    assert_true(hint->size >= 14);
    key(b, KEY_O);
    flag(b); /* into the note, then out */
    key(b, KEY_F);
    mouse(b, EV_DOWN, (int)b->st.docs[0].x + 30, (int)b->st.docs[0].y + 80);
    mouse(b, EV_UP, (int)b->st.docs[0].x + 90, (int)b->st.docs[0].y + 160);
    key(b, KEY_1);
    assert_int_equal(b->st.mode, DESK_FLAG_NOTE);
    assert_int_equal(key(b, KEY_K), 0); /* a "k" typed into the note */
    assert_int_equal(count(b, "tutorial_skip"), 0);
    key(b, KEY_ESCAPE);
    assert_int_equal(key(b, KEY_K), 1);
    assert_string_equal(last(b, "tutorial_skip")->params,
                        "{\"step\": \"uv\", \"practised\": 1, \"steps\": 10}");
    assert_int_equal(b->st.traveler, 1);
    assert_int_equal(b->st.mode, DESK_EXAMINE);
    assert_int_equal(b->st.decided[0], 0);
    assert_int_equal(b->st.n_decided, 0);
    assert_int_equal(count(b, "decide"), 0);
    assert_int_equal(desk_tutorial_current(&b->st), -1);
    assert_int_equal(key(b, KEY_K), 0); /* no tutorial here: nothing happens */
    assert_int_equal(count(b, "tutorial_skip"), 1);
    assert_int_equal(b->st.traveler, 1);
    /* the rest of the session: the summary counts the decided cases only */
    for (int i = 1; i < b->s.n_travelers; i++) {
        key(b, KEY_A);
        key(b, KEY_RETURN);
        key(b, KEY_RETURN);
    }
    assert_int_equal(b->st.mode, DESK_DONE);
    assert_int_equal(b->st.n_decided, b->s.n_travelers - 1);
    assert_int_equal(b->st.decided[0], 0);
}

/* A session without the MRZ reader: its step is passed over, and the
 * numbering counts the steps on offer. */
static void a_step_the_session_does_not_offer_is_passed_over(void **state) {
    bench *b = *state;
    b->s.mrz_reader = 0;
    start(b);
    key(b, KEY_O);
    key(b, KEY_2);
    key(b, KEY_3);
    key(b, KEY_1);
    key(b, KEY_L);
    onto_microtext(b);
    key(b, KEY_R);
    expect(b, TUT_FLAG, TUT_REFERENCE);
    int total;
    desk_tutorial_count(&b->st, 0, &total);
    assert_int_equal(total, TUT_STEPS - 1);
    desk_draw(&b->st, &b->dl);
    char title[96];
    i18n_format(b->langs[0], title, sizeof title, "tutorial.title", "n", "6", "total", "9",
                (const char *)NULL);
    assert_non_null(text_drawn(&b->dl, title));
}

/* Out of time is not a decision: the tutorial ends with nothing practised
 * and its debrief says it ended early. */
static void a_tutorial_out_of_time_practised_no_decision(void **state) {
    bench *b = *state;
    b->s.case_limit_s = 1;
    start(b);
    for (int f = 0; f <= DESK_FPS && b->st.mode == DESK_EXAMINE; f++)
        desk_tick(&b->st, on_log, b);
    assert_int_equal(b->st.timed_out[0], 1);
    assert_int_equal(b->st.mode, DESK_DEBRIEF);
    mouse(b, EV_MOVE, 900, 500);
    assert_int_equal(desk_tutorial_current(&b->st), -1);
    assert_int_equal(count(b, "tutorial_step"), 0);
    assert_int_equal(desk_tutorial_practised(&b->st, 0), 0);
    desk_debrief d = {.timed_out = 1};
    desk_set_debrief(&b->st, 0, &d);
    desk_draw(&b->st, &b->dl);
    assert_non_null(text_drawn(&b->dl, i18n_get(b->langs[0], "tutorial.ended_title")));
}

/* Every step in the three languages, each language its own words (no
 * fallback to English), the Arabic marked for a translator's review; drawn
 * in the interface's language (F2 switches it), at 14 px or more, fitted to
 * the banner in three lines at most. */
static void every_step_speaks_three_languages_and_fits_its_banner(void **state) {
    bench *b = *state;
    i18n *own[3] = {catalogue("en", NULL), catalogue("fr", NULL), catalogue("ar", NULL)};
    doc_fonts f;
    bl_err err = {0};
    if (test_fonts_load(&f, &err) != 0) fail_msg("fonts: %s", err.msg);
    start(b);
    const desk_rect banner = desk_tutorial_banner();
    for (int l = 0; l < 3; l++) {
        for (int s = 0; s < TUT_STEPS; s++) {
            const char *keys[2] = {desk_tutorial_step_key(s), desk_tutorial_name_key(s)};
            for (int k = 0; k < 2; k++) {
                if (!i18n_has(own[l], keys[k]))
                    fail_msg("%s has no \"%s\"", i18n_lang(own[l]), keys[k]);
                if (l == 2) assert_true(i18n_needs_review(own[l], keys[k]));
                if (l > 0)
                    assert_string_not_equal(i18n_get(own[l], keys[k]), i18n_get(own[0], keys[k]));
            }
            /* the step shown, drawn in this language */
            b->st.tutorial.step = s;
            desk_draw(&b->st, &b->dl);
            const draw_cmd *c = text_drawn(&b->dl, i18n_get(own[l], keys[0]));
            if (!c) fail_msg("%s: step %s not drawn", i18n_lang(own[l]), keys[0]);
            assert_true(c->size >= 14);
            assert_int_equal(c->max_w, -(banner.w - 24));
            desk_fit fit;
            assert_int_equal(desk_fit_cmd(&f, c, i18n_rtl(own[l]), &fit, &err), 0);
            if (fit.cut || fit.lines > c->lines)
                fail_msg("%s: \"%s\" needs %d lines, the banner holds %d", i18n_lang(own[l]),
                         c->text, fit.lines, c->lines);
            assert_true(fit.size >= 14);
            desk_fit_free(&fit);
        }
        key(b, KEY_F2); /* the next language */
    }
    doc_fonts_unload(&f);
    for (int l = 2; l >= 0; l--)
        i18n_destroy(own[l]);
}

/* The banner leaves what the steps need in view: the passport where it
 * lies, the MRZ and reference panels, the menus (a finding's kind, the
 * questions), the confirm dialog, the interview and the toolbar. */
static void the_banner_covers_nothing_a_step_needs(void **state) {
    bench *b = *state;
    start(b);
    const desk_rect banner = desk_tutorial_banner();
    const desk_doc *d = &b->st.docs[0];
    const desk_rect keep[] = {
        {(int)d->x, (int)d->y, d->w, d->h + 6}, /* and its shadow */
        desk_layout.mrz_panel,
        desk_layout.ref_panel,
        desk_layout_menu_box(desk_finding_kind_count()),
        desk_layout_menu_box(10),
        desk_layout.confirm,
        desk_layout.note,
        desk_layout.traveler,
        desk_layout.toolbar,
        desk_layout.top_bar,
    };
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
        if (overlap(banner, keep[i])) fail_msg("the banner covers rectangle %zu", i);
    /* and it lies on the desk */
    const desk_rect dk = desk_layout.desk;
    assert_true(banner.x >= dk.x && banner.y >= dk.y && banner.x + banner.w <= dk.x + dk.w &&
                banner.y + banner.h <= dk.y + dk.h);
    /* the loupe step outlines the microtext line, on the passport */
    b->st.tutorial.step = TUT_LOUPE;
    key(b, KEY_O);
    desk_rect r;
    assert_true(desk_tutorial_target(&b->st, &r));
    assert_true(r.x >= (int)d->x - 4 && r.x + r.w <= (int)d->x + d->w + 4);
    assert_true(r.y <= (int)(d->y + 12.3 * DESK_PX_PER_MM) && r.y + r.h >= (int)(d->y + 13 * 3.4));
}

int main(void) {
    const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
        T(every_step_in_order_then_the_debrief),
        T(each_step_waits_for_its_own_action),
        T(k_skips_the_tutorial_and_it_is_not_a_case),
        T(a_step_the_session_does_not_offer_is_passed_over),
        T(a_tutorial_out_of_time_practised_no_decision),
        T(every_step_speaks_three_languages_and_fits_its_banner),
        T(the_banner_covers_nothing_a_step_needs),
#undef T
    };
    return cmocka_run_group_tests_name("desk tutorial", tests, NULL, NULL);
}
