/* test_desk.c - the inspection desk as a trainee meets it: keys and clicks
 * go in (desk_step, desk_tick), and what the desk does is checked on its
 * state and on its action log (the record a trainee is assessed on): lights,
 * documents, findings with their region and kind, decisions confirmed or
 * cancelled, questions and answers, a time limit, the summary. Each mode
 * ignores what belongs to another, and every button is clicked exactly where
 * desk_draw draws it (desk_layout's table, mirrored in Arabic too). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>
#include <cmocka.h>

#include "desk.h"
#include "desk_fit.h"
#include "desk_internal.h"
#include "desk_layout.h"
#include "scenario.h"
#include "test_fonts.h"

/* ------------------------------------------------------------ the bench */

typedef struct logged {
    char action[32];
    char target[sizeof(((desk_action *)0)->target)];
    char params[sizeof(((desk_action *)0)->params)];
    double t;
} logged;

typedef struct bench {
    desk_session s;
    desk_state st;
    draw_list dl;
    int n_log;
    logged log[512];
    i18n *langs[3];
} bench;

static void on_log(void *ud, const desk_action *a) {
    bench *b = ud;
    if (b->n_log >= (int)(sizeof b->log / sizeof b->log[0])) fail_msg("the log overflowed");
    logged *l = &b->log[b->n_log++];
    snprintf(l->action, sizeof l->action, "%s", a->action);
    snprintf(l->target, sizeof l->target, "%s", a->target);
    snprintf(l->params, sizeof l->params, "%s", a->params);
    l->t = a->t;
}

static i18n *catalogue(const char *lang, const i18n *fallback) {
    bl_err err = {0};
    const char *json = i18n_builtin_json(lang);
    i18n *c = json ? i18n_load_json(json, strlen(json), lang, fallback, &err) : NULL;
    if (!c) fail_msg("catalogue %s: %s", lang, err.msg);
    return c;
}

static int setup(void **state) {
    bench *b = calloc(1, sizeof *b);
    if (!b) return -1;
    desk_session_default(&b->s);
    bl_err err = {0};
    if (desk_session_resolve(&b->s, &err) != 0) {
        fprintf(stderr, "%s\n", err.msg);
        free(b);
        return -1;
    }
    *state = b;
    return 0;
}

static int teardown(void **state) {
    bench *b = *state;
    for (int i = 0; i < 3; i++)
        i18n_destroy(b->langs[i]);
    free(b);
    return 0;
}

/* Starts the session; without catalogues every text is its key. */
static void start(bench *b, int n_langs) {
    if (n_langs > 0) {
        b->langs[0] = catalogue("en", NULL);
        b->langs[1] = catalogue("fr", b->langs[0]);
        b->langs[2] = catalogue("ar", b->langs[0]);
    }
    desk_init(&b->st, &b->s, (const i18n *const *)b->langs, n_langs, on_log, b);
    b->n_log = 0;
}

/* An interview for the first traveler: "stay" is offered once "purpose"
 * was asked; "religion" must never be asked. */
static void interview(bench *b) {
    desk_traveler *t = &b->s.travelers[0];
    static const char *ids[] = {"purpose", "stay", "religion"};
    t->n_questions = 3;
    for (int i = 0; i < 3; i++) {
        snprintf(t->questions[i].id, sizeof t->questions[i].id, "%s", ids[i]);
        snprintf(t->questions[i].text, sizeof t->questions[i].text, "q.%s", ids[i]);
    }
    snprintf(t->questions[1].after, sizeof t->questions[1].after, "purpose");
    t->questions[2].forbidden = 1;
}

/* ------------------------------------------------------------ input */

/* Row r of the question list as the desk lays it out now. */
static desk_rect question_row(bench *b, int r) {
    desk_column col;
    desk_column_layout(&b->st, &col);
    assert_true(r < col.n_rows);
    return col.row[r];
}

static int step(bench *b, input_event ev) {
    return desk_step(&b->st, &ev, on_log, b);
}

static int key(bench *b, int k) {
    return step(b, (input_event){.kind = EV_KEY, .key = k});
}

static int text(bench *b, const char *s) {
    input_event ev = {.kind = EV_TEXT};
    snprintf(ev.text, sizeof ev.text, "%s", s);
    return step(b, ev);
}

static int mouse(bench *b, input_kind kind, int x, int y) {
    return step(b, (input_event){.kind = kind, .button = BUTTON_LEFT, .x = x, .y = y});
}

/* Press and release the left button at one point. */
static int click(bench *b, int x, int y) {
    int changed = mouse(b, EV_DOWN, x, y);
    return mouse(b, EV_UP, x, y) | changed;
}

static int click_rect(bench *b, desk_rect r) {
    return click(b, r.x + r.w / 2, r.y + r.h / 2);
}

/* ------------------------------------------------------------ the log */

static int count(const bench *b, const char *action) {
    int n = 0;
    for (int i = 0; i < b->n_log; i++)
        n += !strcmp(b->log[i].action, action);
    return n;
}

/* The latest entry of that action (fails the test without one). */
static const logged *last(const bench *b, const char *action) {
    for (int i = b->n_log - 1; i >= 0; i--)
        if (!strcmp(b->log[i].action, action)) return &b->log[i];
    fail_msg("no '%s' in the log", action);
    return NULL;
}

/* The entry's params, parsed (the caller deletes them). */
static cJSON *params(const logged *l) {
    cJSON *p = cJSON_Parse(l->params);
    if (!p) fail_msg("params are not JSON: %s", l->params);
    return p;
}

static const char *param_str(const cJSON *p, const char *name) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(p, name);
    if (!cJSON_IsString(v)) fail_msg("no string '%s'", name);
    return v->valuestring;
}

static double param_num(const cJSON *p, const char *name) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(p, name);
    if (!cJSON_IsNumber(v)) fail_msg("no number '%s'", name);
    return v->valuedouble;
}

static int param_bool(const cJSON *p, const char *name) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(p, name);
    if (!cJSON_IsBool(v)) fail_msg("no boolean '%s'", name);
    return cJSON_IsTrue(v);
}

/* ------------------------------------------------------------ the desk */

/* A point on document d, dx, dy px from its top-left corner. */
static void on_doc(const bench *b, int d, int dx, int dy, int *x, int *y) {
    *x = (int)b->st.docs[d].x + dx, *y = (int)b->st.docs[d].y + dy;
}

/* Opens the first traveler's passport by clicking it. */
static void open_passport(bench *b) {
    int x, y;
    on_doc(b, 0, 60, 60, &x, &y);
    click(b, x, y);
    assert_int_equal(b->st.docs[0].closed, 0);
}

/* Draws a finding's rectangle from (x0, y0) to (x1, y1) on document 0. */
static void draw_rectangle(bench *b, int x0, int y0, int x1, int y1) {
    int ax, ay, bx, by;
    on_doc(b, 0, x0, y0, &ax, &ay);
    on_doc(b, 0, x1, y1, &bx, &by);
    key(b, KEY_F);
    assert_int_equal(b->st.mode, DESK_FLAG_DRAW);
    mouse(b, EV_DOWN, ax, ay);
    mouse(b, EV_MOVE, (ax + bx) / 2, (ay + by) / 2);
    mouse(b, EV_UP, bx, by);
}

/* The draw list's command of that kind at exactly that rectangle, or NULL. */
static const draw_cmd *drawn_at(const draw_list *dl, draw_kind kind, desk_rect r) {
    for (int i = 0; i < dl->n; i++) {
        const draw_cmd *c = &dl->cmd[i];
        if (c->kind == kind && c->x == r.x && c->y == r.y && c->w == r.w && c->h == r.h) return c;
    }
    return NULL;
}

/* The filled rectangle a text is drawn on (the last one under its anchor). */
static desk_rect fill_under_text(const draw_list *dl, const char *s) {
    for (int i = 0; i < dl->n; i++) {
        if (dl->cmd[i].kind != DRAW_TEXT || strcmp(dl->cmd[i].text, s)) continue;
        for (int k = i - 1; k >= 0; k--) {
            const draw_cmd *c = &dl->cmd[k];
            if (c->kind == DRAW_FILL &&
                desk_rect_hit((desk_rect){c->x, c->y, c->w, c->h}, dl->cmd[i].x, dl->cmd[i].y - 1))
                return (desk_rect){c->x, c->y, c->w, c->h};
        }
    }
    fail_msg("'%s' is not drawn on a button", s);
    return (desk_rect){0};
}

/* ------------------------------------------------------------ tests */

static void lights_switch_by_key_and_by_the_toolbar(void **state) {
    bench *b = *state;
    start(b, 0);
    assert_int_equal(b->st.light, LIGHT_VISIBLE);
    key(b, KEY_2);
    assert_int_equal(b->st.light, LIGHT_UV);
    assert_string_equal(last(b, "light")->target, "uv");
    key(b, KEY_2); /* already on: nothing to log */
    assert_int_equal(count(b, "light"), 1);
    click_rect(b, desk_layout.buttons[DESK_BTN_LIGHT2].r);
    assert_int_equal(b->st.light, LIGHT_IR);
    assert_string_equal(last(b, "light")->target, "ir");
    click_rect(b, desk_layout.buttons[DESK_BTN_LIGHT0].r);
    assert_int_equal(b->st.light, LIGHT_VISIBLE);
    assert_int_equal(count(b, "light"), 3);
    /* every light used is reported with the decision */
    key(b, KEY_A);
    key(b, KEY_RETURN);
    cJSON *p = params(last(b, "decide"));
    unsigned used = (unsigned)param_num(p, "lights_used");
    assert_int_equal(used, LIGHT_BIT(LIGHT_VISIBLE) | LIGHT_BIT(LIGHT_UV) | LIGHT_BIT(LIGHT_IR));
    cJSON_Delete(p);
}

static void a_closed_passport_opens_and_a_document_moves(void **state) {
    bench *b = *state;
    start(b, 0);
    assert_int_equal(b->st.docs[0].closed, 1);
    int x, y;
    on_doc(b, 0, 60, 60, &x, &y);
    click(b, x, y);
    assert_int_equal(b->st.docs[0].closed, 0);
    assert_string_equal(last(b, "open")->target, "T1/doc1:uto-passport-td3");
    assert_int_equal(count(b, "move"), 0); /* opening is not moving */
    key(b, KEY_O);
    assert_int_equal(b->st.docs[0].closed, 1);
    assert_string_equal(last(b, "close")->target, "T1/doc1:uto-passport-td3");
    key(b, KEY_O);
    /* dragged by the mouse, it is logged where it was put down */
    double x0 = b->st.docs[0].x, y0 = b->st.docs[0].y;
    mouse(b, EV_DOWN, x, y);
    assert_int_equal(b->st.mode, DESK_DRAG);
    mouse(b, EV_MOVE, x + 30, y + 20);
    mouse(b, EV_UP, x + 50, y + 40);
    assert_int_equal(b->st.mode, DESK_EXAMINE);
    cJSON *p = params(last(b, "move"));
    assert_int_equal((int)param_num(p, "x"), (int)(x0 + 50));
    assert_int_equal((int)param_num(p, "y"), (int)(y0 + 40));
    cJSON_Delete(p);
}

/* The loupe held still a quarter of a second on a document is a look at
 * that place (what the examination's steps are read from, exam.h): once per
 * place, again when it moves on, never while it moves or when it is off. */
static void the_loupe_resting_on_a_place_is_a_look(void **state) {
    bench *b = *state;
    start(b, 0);
    open_passport(b);
    int x, y;
    on_doc(b, 0, 100, 80, &x, &y);
    mouse(b, EV_MOVE, x, y);
    for (int i = 0; i < 3 * DESK_LOOK_FRAMES; i++) /* the loupe is off */
        desk_tick(&b->st, on_log, b);
    assert_int_equal(count(b, "look"), 0);
    key(b, KEY_L);
    for (int i = 0; i < DESK_LOOK_FRAMES - 1; i++)
        desk_tick(&b->st, on_log, b);
    assert_int_equal(count(b, "look"), 0); /* not yet a quarter of a second */
    desk_tick(&b->st, on_log, b);
    assert_int_equal(count(b, "look"), 1);
    const logged *l = last(b, "look");
    assert_string_equal(l->target, "T1/doc1:uto-passport-td3");
    cJSON *p = params(l);
    const cJSON *at = cJSON_GetObjectItemCaseSensitive(p, "at_mm");
    assert_true(fabs(cJSON_GetArrayItem(at, 0)->valuedouble - 100 / DESK_PX_PER_MM) < 0.01);
    assert_true(fabs(cJSON_GetArrayItem(at, 1)->valuedouble - 80 / DESK_PX_PER_MM) < 0.01);
    assert_string_equal(param_str(p, "light"), "visible");
    assert_int_equal((int)param_num(p, "zoom"), b->st.loupe_zoom);
    cJSON_Delete(p);
    for (int i = 0; i < 3 * DESK_LOOK_FRAMES; i++) /* still there: one look */
        desk_tick(&b->st, on_log, b);
    assert_int_equal(count(b, "look"), 1);
    /* a pixel further (well under 2 mm): the same place */
    mouse(b, EV_MOVE, x + 3, y);
    for (int i = 0; i < 2 * DESK_LOOK_FRAMES; i++)
        desk_tick(&b->st, on_log, b);
    assert_int_equal(count(b, "look"), 1);
    /* moving along, a tick at each step: no look until it rests again */
    for (int k = 1; k <= 20; k++) {
        mouse(b, EV_MOVE, x + 3 * k, y + k);
        desk_tick(&b->st, on_log, b);
    }
    assert_int_equal(count(b, "look"), 1);
    for (int i = 0; i < DESK_LOOK_FRAMES; i++)
        desk_tick(&b->st, on_log, b);
    assert_int_equal(count(b, "look"), 2);
}

static void a_finding_is_drawn_named_and_noted(void **state) {
    bench *b = *state;
    start(b, 0);
    open_passport(b);
    key(b, KEY_2); /* under UV */
    draw_rectangle(b, 20, 30, 130, 140);
    assert_int_equal(b->st.mode, DESK_FLAG_KIND);
    key(b, KEY_3); /* the third kind on the menu */
    assert_int_equal(b->st.mode, DESK_FLAG_NOTE);
    text(b, "edge of ");
    text(b, "photo?");
    key(b, KEY_BACKSPACE);
    assert_int_equal(count(b, "flag"), 0); /* not before Return */
    key(b, KEY_RETURN);
    assert_int_equal(b->st.mode, DESK_EXAMINE);
    assert_int_equal(b->st.n_findings, 1);
    const logged *l = last(b, "flag");
    assert_string_equal(l->target, "T1/doc1:uto-passport-td3");
    cJSON *p = params(l);
    assert_string_equal(param_str(p, "kind"), desk_finding_kind_get(2)->id);
    assert_string_equal(param_str(p, "note"), "edge of photo");
    assert_string_equal(param_str(p, "light"), "uv");
    /* the region, in mm on the document, is where it was drawn */
    int x0, y0, x1, y1;
    double u0, v0, u1, v1;
    on_doc(b, 0, 20, 30, &x0, &y0);
    on_doc(b, 0, 130, 140, &x1, &y1);
    assert_int_equal(desk_doc_at(&b->st, x0, y0, &u0, &v0), 0);
    assert_int_equal(desk_doc_at(&b->st, x1, y1, &u1, &v1), 0);
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(p, "region_mm");
    assert_int_equal(cJSON_GetArraySize(r), 4);
    double want[4] = {u0, v0, u1 - u0, v1 - v0};
    for (int i = 0; i < 4; i++)
        assert_true(fabs(cJSON_GetArrayItem(r, i)->valuedouble - want[i]) < 0.01);
    cJSON_Delete(p);
    /* a second one, its kind picked by clicking the menu's row */
    draw_rectangle(b, 150, 40, 200, 90);
    click_rect(b, desk_layout_menu_row(4));
    assert_int_equal(b->st.mode, DESK_FLAG_NOTE);
    key(b, KEY_RETURN);
    p = params(last(b, "flag"));
    assert_string_equal(param_str(p, "kind"), desk_finding_kind_get(4)->id);
    assert_string_equal(param_str(p, "note"), "");
    cJSON_Delete(p);
    /* the decision reports both */
    key(b, KEY_X);
    key(b, KEY_Y);
    p = params(last(b, "decide"));
    assert_int_equal((int)param_num(p, "findings"), 2);
    cJSON_Delete(p);
}

static void a_tiny_or_escaped_finding_is_not_kept(void **state) {
    bench *b = *state;
    start(b, 0);
    open_passport(b);
    draw_rectangle(b, 20, 30, 22, 90); /* 2 px wide */
    assert_int_equal(b->st.mode, DESK_FLAG_DRAW);
    key(b, KEY_ESCAPE);
    assert_int_equal(b->st.mode, DESK_EXAMINE);
    draw_rectangle(b, 20, 30, 90, 90);
    key(b, KEY_1);
    text(b, "never mind");
    key(b, KEY_ESCAPE);
    assert_int_equal(b->st.mode, DESK_EXAMINE);
    assert_int_equal(b->st.n_findings, 0);
    assert_int_equal(count(b, "flag"), 0);
}

static void a_decision_is_confirmed_by_its_button_then_the_next_traveler_comes(void **state) {
    bench *b = *state;
    start(b, 0);
    key(b, KEY_A);
    assert_int_equal(b->st.mode, DESK_CONFIRM);
    assert_int_equal(count(b, "decide"), 0); /* asked, not yet taken */
    /* the debrief follows the decision; the traveler stays until it is closed */
    assert_int_equal(click_rect(b, desk_layout.confirm_yes), 0);
    assert_int_equal(b->st.mode, DESK_DEBRIEF);
    const logged *l = last(b, "decide");
    assert_string_equal(l->target, "T1");
    cJSON *p = params(l);
    assert_string_equal(param_str(p, "decision"), "admit");
    assert_string_equal(param_str(p, "protection"), "none");
    cJSON_Delete(p);
    assert_true(b->st.decided[0]);
    assert_int_equal(b->st.decisions[0], DECIDE_ADMIT);
    assert_int_equal(key(b, KEY_RETURN), 1);
    assert_int_equal(count(b, "debrief_closed"), 1);
    assert_int_equal(b->st.traveler, 1);
    assert_int_equal(b->st.mode, DESK_EXAMINE);
    assert_string_equal(last(b, "traveler")->target, "T2");
    assert_int_equal(b->st.n_docs, b->s.travelers[1].n_docs);
    /* without a debrief (an exam), the next traveler comes at once */
    b->s.debrief = 0;
    key(b, KEY_S);
    assert_int_equal(click_rect(b, desk_layout.confirm_yes), 1);
    assert_int_equal(b->st.traveler, 2);
    p = params(last(b, "decide"));
    assert_string_equal(param_str(p, "decision"), "second_line");
    cJSON_Delete(p);
}

static void a_decision_is_confirmed_by_key_and_a_referral_names_its_kind(void **state) {
    bench *b = *state;
    start(b, 0);
    key(b, KEY_X);
    key(b, KEY_Y);
    cJSON *p = params(last(b, "decide"));
    assert_string_equal(param_str(p, "decision"), "refuse");
    cJSON_Delete(p);
    key(b, KEY_RETURN); /* closes the debrief */
    key(b, KEY_P);
    assert_int_equal(b->st.mode, DESK_PROTECTION);
    key(b, KEY_2); /* the second kind of referral */
    assert_int_equal(b->st.mode, DESK_CONFIRM);
    assert_int_equal(b->st.pending_protection, PROTECT_CHILD);
    key(b, KEY_RETURN);
    p = params(last(b, "decide"));
    assert_string_equal(param_str(p, "decision"), "protection");
    assert_string_equal(param_str(p, "protection"), "child_protection");
    cJSON_Delete(p);
    assert_int_equal(b->st.protections[1], PROTECT_CHILD);
}

static void a_cancelled_decision_is_not_taken(void **state) {
    bench *b = *state;
    start(b, 0);
    key(b, KEY_A);
    click_rect(b, desk_layout.confirm_no);
    assert_int_equal(b->st.mode, DESK_EXAMINE);
    key(b, KEY_X);
    key(b, KEY_N);
    assert_int_equal(b->st.mode, DESK_EXAMINE);
    key(b, KEY_S);
    key(b, KEY_ESCAPE);
    assert_int_equal(b->st.mode, DESK_EXAMINE);
    key(b, KEY_P);
    key(b, KEY_ESCAPE); /* no referral picked */
    assert_int_equal(b->st.mode, DESK_EXAMINE);
    assert_int_equal(count(b, "decide"), 0);
    assert_false(b->st.decided[0]);
    assert_int_equal(b->st.traveler, 0);
    /* the traveler is still there to decide */
    key(b, KEY_A);
    key(b, KEY_Y);
    assert_int_equal(count(b, "decide"), 1);
}

static void a_question_is_asked_and_its_answer_logged(void **state) {
    bench *b = *state;
    interview(b);
    start(b, 0);
    /* "stay" is not offered yet: the first row is "purpose" */
    click_rect(b, question_row(b, 0));
    assert_int_equal(b->st.pending_ask, 0);
    cJSON *p = params(last(b, "ask"));
    assert_string_equal(param_str(p, "question"), "purpose");
    assert_false(param_bool(p, "forbidden"));
    cJSON_Delete(p);
    desk_set_answer(&b->st, "a.tourism", on_log, b);
    assert_int_equal(b->st.pending_ask, -1);
    assert_string_equal(b->st.answer, "a.tourism");
    p = params(last(b, "answer"));
    assert_string_equal(param_str(p, "question"), "purpose");
    assert_string_equal(param_str(p, "answer"), "a.tourism");
    cJSON_Delete(p);
    /* by keyboard: Q opens the menu; "stay" now comes second */
    key(b, KEY_Q);
    assert_int_equal(b->st.mode, DESK_ASK);
    key(b, KEY_2);
    assert_int_equal(b->st.mode, DESK_EXAMINE);
    p = params(last(b, "ask"));
    assert_string_equal(param_str(p, "question"), "stay");
    cJSON_Delete(p);
    /* a question that must not be asked is logged as such, from the menu's row */
    key(b, KEY_Q);
    click_rect(b, desk_layout_menu_row(2));
    p = params(last(b, "ask"));
    assert_string_equal(param_str(p, "question"), "religion");
    assert_true(param_bool(p, "forbidden"));
    cJSON_Delete(p);
    /* the interpreter is called once */
    click_rect(b, desk_layout.buttons[DESK_BTN_INTERP].r);
    key(b, KEY_I);
    assert_int_equal(count(b, "interpreter"), 1);
    assert_true(b->st.interpreter);
}

/* Speaking apart needs a companion and happens once; a recorded "ask ID"
 * asks a question only when it is on offer. */
static void the_traveler_is_heard_apart_and_asked_by_id(void **state) {
    bench *b = *state;
    interview(b);
    start(b, 0);
    key(b, KEY_C); /* no companion: nothing to separate */
    click_rect(b, desk_layout.buttons[DESK_BTN_ALONE].r);
    assert_int_equal(count(b, "separate"), 0);
    b->s.travelers[0].companion = 1;
    start(b, 0);
    desk_draw(&b->st, &b->dl); /* the companion stands beside them */
    assert_true(drawn_at(&b->dl, DRAW_TEX, desk_layout.companion));
    key(b, KEY_C);
    click_rect(b, desk_layout.buttons[DESK_BTN_ALONE].r);
    assert_int_equal(count(b, "separate"), 1);
    assert_true(b->st.separated);
    desk_draw(&b->st, &b->dl); /* and is gone once sent out */
    assert_false(drawn_at(&b->dl, DRAW_TEX, desk_layout.companion));
    input_event ask = {.kind = EV_ASK};
    snprintf(ask.text, sizeof ask.text, "stay"); /* not on offer before "purpose" */
    step(b, ask);
    assert_int_equal(count(b, "ask"), 0);
    snprintf(ask.text, sizeof ask.text, "purpose");
    step(b, ask);
    cJSON *p = params(last(b, "ask"));
    assert_string_equal(param_str(p, "question"), "purpose");
    cJSON_Delete(p);
    /* the next traveler arrives without anyone sent out */
    key(b, KEY_A);
    key(b, KEY_Y);
    if (b->st.mode == DESK_DEBRIEF) key(b, KEY_RETURN);
    assert_int_equal(b->st.traveler, 1);
    assert_false(b->st.separated);
}

/* Twelve questions: the menu shows ten, Tab turns to the rest, a number
 * picks on the page shown; every question is reached by keyboard. */
static void every_question_is_reached_by_keyboard(void **state) {
    bench *b = *state;
    desk_traveler *t = &b->s.travelers[0];
    t->n_questions = 12;
    for (int i = 0; i < 12; i++) {
        snprintf(t->questions[i].id, sizeof t->questions[i].id, "q%d", i + 1);
        snprintf(t->questions[i].text, sizeof t->questions[i].text, "q.q%d", i + 1);
    }
    start(b, 0);
    key(b, KEY_Q);
    key(b, KEY_TAB);
    key(b, KEY_2); /* the second of the second page: the twelfth */
    cJSON *p = params(last(b, "ask"));
    assert_string_equal(param_str(p, "question"), "q12");
    cJSON_Delete(p);
    key(b, KEY_Q); /* a new menu starts on its first page */
    key(b, KEY_0);
    p = params(last(b, "ask"));
    assert_string_equal(param_str(p, "question"), "q10");
    cJSON_Delete(p);
    key(b, KEY_Q);
    key(b, KEY_TAB);
    key(b, KEY_3); /* no third question on the second page: nothing asked */
    assert_int_equal(count(b, "ask"), 2);
    key(b, KEY_TAB); /* back to the first page */
    key(b, KEY_1);
    p = params(last(b, "ask"));
    assert_string_equal(param_str(p, "question"), "q1");
    cJSON_Delete(p);
}

/* A refusal's dialog gives the reasons (G or its button), logged with
 * whether an interpreter was there; other decisions have no such step. */
static void a_refusal_gives_its_reasons(void **state) {
    bench *b = *state;
    interview(b);
    start(b, 0);
    key(b, KEY_A);
    key(b, KEY_G); /* admitting: no reasons to give */
    assert_int_equal(count(b, "reasons"), 0);
    key(b, KEY_N);
    key(b, KEY_X);
    assert_int_equal(b->st.mode, DESK_CONFIRM);
    key(b, KEY_G);
    cJSON *p = params(last(b, "reasons"));
    assert_false(param_bool(p, "interpreter"));
    cJSON_Delete(p);
    assert_int_equal(b->st.reasons, 1);
    key(b, KEY_N);
    key(b, KEY_I);
    key(b, KEY_X);
    click_rect(b, desk_layout.confirm_reasons);
    p = params(last(b, "reasons"));
    assert_true(param_bool(p, "interpreter"));
    cJSON_Delete(p);
    assert_int_equal(b->st.reasons, 2);
    assert_int_equal(b->st.mode, DESK_CONFIRM); /* still to confirm */
    key(b, KEY_Y);
    assert_int_equal(count(b, "decide"), 1);
}

static void no_answer_is_logged_without_a_question(void **state) {
    bench *b = *state;
    start(b, 0);
    desk_set_answer(&b->st, "a.tourism", on_log, b);
    assert_int_equal(count(b, "answer"), 0);
    key(b, KEY_Q); /* no interview: no menu */
    assert_int_equal(b->st.mode, DESK_EXAMINE);
}

static void a_mode_ignores_what_belongs_to_another(void **state) {
    bench *b = *state;
    start(b, 0);
    open_passport(b);
    draw_rectangle(b, 20, 30, 90, 90);
    key(b, KEY_1);
    assert_int_equal(b->st.mode, DESK_FLAG_NOTE);
    /* typing a note: the examine keys do nothing */
    int before = b->n_log;
    static const int keys[] = {KEY_A, KEY_X, KEY_S, KEY_P,  KEY_2, KEY_L, KEY_M,
                               KEY_R, KEY_O, KEY_T, KEY_F1, KEY_Q, KEY_I, KEY_DELETE};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        key(b, keys[i]);
    click_rect(b, desk_layout.buttons[DESK_BTN_ADMIT].r);
    assert_int_equal(b->st.mode, DESK_FLAG_NOTE);
    assert_int_equal(b->n_log, before);
    assert_int_equal(b->st.light, LIGHT_VISIBLE);
    assert_false(b->st.loupe || b->st.mrz_panel || b->st.ref_panel || b->st.help);
    assert_false(b->st.docs[0].closed);
    text(b, "ok");
    key(b, KEY_RETURN);
    cJSON *p = params(last(b, "flag"));
    assert_string_equal(param_str(p, "note"), "ok");
    cJSON_Delete(p);
    /* drawing a finding: a toolbar click is not a light */
    key(b, KEY_F);
    click_rect(b, desk_layout.buttons[DESK_BTN_LIGHT1].r);
    assert_int_equal(b->st.mode, DESK_FLAG_DRAW);
    assert_int_equal(b->st.light, LIGHT_VISIBLE);
    key(b, KEY_ESCAPE);
    /* confirming: lights and other decisions wait */
    key(b, KEY_A);
    key(b, KEY_3);
    key(b, KEY_X);
    assert_int_equal(b->st.mode, DESK_CONFIRM);
    assert_int_equal(b->st.light, LIGHT_VISIBLE);
    assert_int_equal(b->st.pending_decision, DECIDE_ADMIT);
    key(b, KEY_N);
    /* the help: the key that closes it does nothing else */
    key(b, KEY_F1);
    assert_true(b->st.help);
    assert_int_equal(count(b, "help"), 1);
    key(b, KEY_A);
    assert_false(b->st.help);
    assert_int_equal(b->st.mode, DESK_EXAMINE);
    /* the debrief: only moving on */
    key(b, KEY_A);
    key(b, KEY_Y);
    before = b->n_log;
    key(b, KEY_2);
    key(b, KEY_A);
    assert_int_equal(b->st.mode, DESK_DEBRIEF);
    assert_int_equal(b->n_log, before);
    assert_int_equal(count(b, "decide"), 1);
}

static void every_button_is_clicked_where_it_is_drawn(void **state) {
    bench *b = *state;
    interview(b);                    /* the interpreter's button */
    b->s.travelers[0].companion = 1; /* the button to speak to them alone */
    start(b, 2);                     /* the language's button */
    desk_draw(&b->st, &b->dl);
    for (int i = 0; i < DESK_BTN_COUNT; i++) {
        desk_rect r = desk_layout.buttons[i].r;
        if (!drawn_at(&b->dl, DRAW_FILL, r) || !drawn_at(&b->dl, DRAW_FRAME, r))
            fail_msg("button %s is not drawn where it is clicked", desk_layout.buttons[i].label);
        assert_int_equal(desk_layout_button_at(r.x, r.y), i);
        assert_int_equal(desk_layout_button_at(r.x + r.w - 1, r.y + r.h - 1), i);
    }
    /* the confirm dialog's buttons, found by their labels: their last
     * pixels still answer, the pixel past them does not */
    start(b, 0);
    key(b, KEY_A);
    desk_draw(&b->st, &b->dl);
    desk_rect yes = fill_under_text(&b->dl, "confirm.ok");
    desk_rect no = fill_under_text(&b->dl, "confirm.cancel");
    assert_non_null(drawn_at(&b->dl, DRAW_FILL, desk_layout.confirm_yes));
    assert_non_null(drawn_at(&b->dl, DRAW_FILL, desk_layout.confirm_no));
    click(b, no.x + no.w, no.y + no.h / 2);
    assert_int_equal(b->st.mode, DESK_CONFIRM);
    click(b, no.x + no.w - 1, no.y + no.h - 1);
    assert_int_equal(b->st.mode, DESK_EXAMINE);
    key(b, KEY_A);
    click(b, yes.x, yes.y - 1);
    assert_int_equal(count(b, "decide"), 0);
    click(b, yes.x, yes.y);
    assert_int_equal(count(b, "decide"), 1);
    key(b, KEY_RETURN);
    /* the kind menu's rows are where its numbers are written */
    open_passport(b);
    draw_rectangle(b, 20, 30, 90, 90);
    desk_draw(&b->st, &b->dl);
    assert_non_null(drawn_at(&b->dl, DRAW_FILL, desk_layout_menu_box(desk_finding_kind_count())));
    for (int i = 0; i < b->dl.n; i++)
        if (b->dl.cmd[i].kind == DRAW_TEXT && !strcmp(b->dl.cmd[i].text, "2"))
            click(b, b->dl.cmd[i].x, b->dl.cmd[i].y - 4);
    assert_int_equal(b->st.mode, DESK_FLAG_NOTE);
    assert_int_equal(b->st.pending_kind, 1);
}

static void in_arabic_a_button_is_clicked_where_the_mirrored_screen_shows_it(void **state) {
    bench *b = *state;
    start(b, 3);
    desk_set_language(&b->st, 2, on_log, b);
    assert_true(desk_rtl(&b->st));
    desk_draw(&b->st, &b->dl);
    desk_rect r = desk_layout.buttons[DESK_BTN_LIGHT1].r;
    desk_rect shown = {DESK_W - r.x - r.w, r.y, r.w, r.h};
    assert_non_null(drawn_at(&b->dl, DRAW_FILL, shown));
    assert_null(drawn_at(&b->dl, DRAW_FILL, r)); /* not where an LTR screen has it */
    click(b, shown.x, shown.y);
    assert_int_equal(b->st.light, LIGHT_UV);
    click_rect(b, (desk_rect){DESK_W - 1 - r.x - r.w, r.y, 1, 1}); /* left of it: outside */
    assert_int_equal(count(b, "light"), 1);
}

static void a_traveler_not_decided_in_time_times_out(void **state) {
    bench *b = *state;
    b->s.case_limit_s = 2;
    start(b, 0);
    for (int i = 0; i < 3 * DESK_FPS; i++)
        desk_tick(&b->st, on_log, b);
    assert_int_equal(count(b, "timeout"), 1);
    const logged *l = last(b, "timeout");
    assert_string_equal(l->target, "T1");
    assert_true(fabs(l->t - 2.0) < 0.5 / DESK_FPS);
    cJSON *p = params(l);
    assert_string_equal(param_str(p, "limit"), "case");
    cJSON_Delete(p);
    assert_true(b->st.timed_out[0]);
    assert_int_equal(b->st.mode, DESK_DEBRIEF); /* the clock stops for the debrief */
    assert_int_equal(key(b, KEY_RETURN), 1);
    assert_int_equal(b->st.traveler, 1);
}

static void the_summary_opens_a_case_and_goes_back(void **state) {
    bench *b = *state;
    b->s.debrief = 0; /* an exam: results at the end */
    start(b, 0);
    for (int i = 0; i < 3; i++) {
        key(b, KEY_A);
        key(b, KEY_Y);
    }
    assert_int_equal(b->st.mode, DESK_DONE);
    assert_int_equal(count(b, "session_end"), 1);
    desk_debrief d = {.points = 80, .passed = 1};
    desk_set_debrief(&b->st, 1, &d);
    assert_int_equal(key(b, KEY_1), 0); /* the first case has no debrief yet */
    assert_int_equal(b->st.mode, DESK_DONE);
    assert_int_equal(key(b, KEY_2), 1);
    assert_int_equal(b->st.mode, DESK_REVIEW);
    assert_string_equal(last(b, "review")->target, "T2");
    key(b, KEY_ESCAPE);
    assert_int_equal(b->st.mode, DESK_DONE);
    click_rect(b, desk_layout_summary_row(1, b->st.n_decided));
    assert_int_equal(b->st.mode, DESK_REVIEW);
    assert_int_equal(b->st.review, 1);
    assert_int_equal(count(b, "review"), 2);
}

/* A scenario's own strings in one language, as the script layer builds them. */
static i18n *scenario_catalogue(const char *lang, const char *strings, const i18n *fallback) {
    char json[1024];
    snprintf(json, sizeof json, "{\"lang\": \"%s\", \"dir\": \"%s\", \"strings\": %s}", lang,
             strcmp(lang, "ar") ? "ltr" : "rtl", strings);
    bl_err err = {0};
    i18n *c = i18n_load_json(json, strlen(json), lang, fallback, &err);
    if (!c) fail_msg("scenario strings %s: %s", lang, err.msg);
    return c;
}

/* The draw list's text command showing exactly `s`, or NULL. */
static const draw_cmd *text_cmd(const draw_list *dl, const char *s) {
    for (int i = 0; i < dl->n; i++)
        if (dl->cmd[i].kind == DRAW_TEXT && !strcmp(dl->cmd[i].text, s)) return &dl->cmd[i];
    return NULL;
}

/* A session as long as a session may be, every traveler decided (ids T1,
 * T2, ...), each case scored: the summary with more cases than a page. */
static void long_session_done(bench *b, int n) {
    b->s.debrief = 0;
    b->s.n_travelers = n;
    for (int i = 1; i < n; i++) {
        b->s.travelers[i] = b->s.travelers[0];
        snprintf(b->s.travelers[i].id, sizeof b->s.travelers[i].id, "T%d", i + 1);
    }
    start(b, 3);
    desk_set_language(&b->st, 0, on_log, b);
    for (int i = 0; i < n; i++) {
        key(b, KEY_A);
        key(b, KEY_Y);
        b->n_log = 0;
    }
    assert_int_equal(b->st.mode, DESK_DONE);
    desk_debrief d = {.points = 80, .passed = 1};
    for (int i = 0; i < n; i++)
        desk_set_debrief(&b->st, i, &d);
}

/* Whether the summary as drawn now lists the case with that id. */
static int summary_lists(bench *b, const char *id) {
    desk_draw(&b->st, &b->dl);
    return text_cmd(&b->dl, id) != NULL;
}

/* A long session's summary is on pages that the keys turn (Tab and Page
 * Down on, Page Up back, round from the last page to the first); a number
 * or a click opens that page's case, so every case can be reviewed however
 * many the session held, and back from a case the summary is on its page. */
static void a_long_summary_turns_its_pages_by_keys(void **state) {
    bench *b = *state;
    long_session_done(b, DESK_MAX_TRAVELERS);
    char first2[16], second1[16], second2[16], last_id[16];
    snprintf(first2, sizeof first2, "T%d", 2);
    snprintf(second1, sizeof second1, "T%d", DESK_SUMMARY_ROWS + 1);
    snprintf(second2, sizeof second2, "T%d", DESK_SUMMARY_ROWS + 2);
    snprintf(last_id, sizeof last_id, "T%d", DESK_MAX_TRAVELERS);
    assert_int_equal(b->st.summary_page, 0);
    assert_true(summary_lists(b, "T1"));
    assert_false(summary_lists(b, second1));
    key(b, KEY_TAB);
    assert_int_equal(b->st.summary_page, 1);
    assert_true(summary_lists(b, second1) && summary_lists(b, last_id));
    assert_false(summary_lists(b, "T1"));
    assert_int_equal(key(b, KEY_2), 1); /* the second case of the second page */
    assert_string_equal(last(b, "review")->target, second2);
    key(b, KEY_ESCAPE);
    assert_int_equal(b->st.summary_page, 1); /* back where the trainee was */
    click_rect(b, desk_layout_summary_row(0, b->st.n_decided));
    assert_string_equal(last(b, "review")->target, second1);
    key(b, KEY_ESCAPE);
    /* under the second page's last case: nothing to open */
    int on_last_page = DESK_MAX_TRAVELERS - DESK_SUMMARY_ROWS;
    assert_true(on_last_page < DESK_SUMMARY_ROWS);
    assert_int_equal(click_rect(b, desk_layout_summary_row(on_last_page, b->st.n_decided)), 0);
    assert_int_equal(b->st.mode, DESK_DONE);
    key(b, KEY_PAGEDOWN); /* round to the first */
    assert_int_equal(b->st.summary_page, 0);
    assert_int_equal(key(b, KEY_2), 1);
    assert_string_equal(last(b, "review")->target, first2);
    /* the arrows go on to the next page's first case; back, the summary shows its page */
    for (int i = 2; i < DESK_SUMMARY_ROWS + 1; i++)
        key(b, KEY_RIGHT);
    assert_string_equal(last(b, "review")->target, second1);
    key(b, KEY_ESCAPE);
    assert_int_equal(b->st.summary_page, 1);
    key(b, KEY_PAGEUP);
    assert_int_equal(b->st.summary_page, 0);
    key(b, KEY_PAGEUP); /* round to the last */
    assert_int_equal(b->st.summary_page, 1);
}

/* The mouse turns them too: the wheel (down on, up back) and the two
 * buttons under the summary's words, drawn only when there are pages, and
 * in Arabic where the mirrored screen shows them (the next page's on the
 * left); a click there opens no case. */
static void a_long_summary_turns_its_pages_by_mouse(void **state) {
    bench *b = *state;
    long_session_done(b, DESK_MAX_TRAVELERS);
    const desk_rect next = desk_layout.page_next, prev = desk_layout.page_prev;
    step(b, (input_event){.kind = EV_WHEEL, .wheel = -1});
    assert_int_equal(b->st.summary_page, 1);
    step(b, (input_event){.kind = EV_WHEEL, .wheel = 1});
    assert_int_equal(b->st.summary_page, 0);
    desk_draw(&b->st, &b->dl);
    assert_non_null(drawn_at(&b->dl, DRAW_FILL, next));
    assert_non_null(text_cmd(&b->dl, "Next page"));
    click_rect(b, next);
    assert_int_equal(b->st.summary_page, 1);
    click_rect(b, prev);
    assert_int_equal(b->st.summary_page, 0);
    assert_int_equal(count(b, "review"), 0);
    desk_set_language(&b->st, 2, on_log, b);
    desk_draw(&b->st, &b->dl);
    desk_rect shown = {DESK_W - next.x - next.w, next.y, next.w, next.h};
    assert_non_null(drawn_at(&b->dl, DRAW_FILL, shown));
    assert_true(shown.x > prev.x); /* the next page's button on the right of the previous one's */
    click_rect(b, shown);
    assert_int_equal(b->st.summary_page, 1);
    assert_int_equal(count(b, "review"), 0);
}

/* A session that fits a page has no pages to turn: no page line, no buttons. */
static void a_short_summary_has_no_pages(void **state) {
    bench *b = *state;
    long_session_done(b, DESK_SUMMARY_ROWS);
    desk_draw(&b->st, &b->dl);
    assert_null(text_cmd(&b->dl, "Next page"));
    assert_null(drawn_at(&b->dl, DRAW_FILL, desk_layout.page_next));
    key(b, KEY_TAB);
    step(b, (input_event){.kind = EV_WHEEL, .wheel = -1});
    assert_int_equal(b->st.summary_page, 0);
    char last_id[16];
    snprintf(last_id, sizeof last_id, "T%d", DESK_SUMMARY_ROWS);
    assert_true(summary_lists(b, "T1") && summary_lists(b, last_id));
}

/* What the traveler says takes the direction of the language it is said
 * in, whatever the interface's: an Arabic answer that opens with an English
 * stage direction is a right-to-left paragraph under the English interface
 * (read from the right, "(looks down)" first); an English answer under the
 * Arabic interface is a left-to-right paragraph, in the mirrored panel. A
 * string the Arabic strings lack is shown in English, left to right. */
static void spoken_words_keep_the_direction_of_their_language(void **state) {
    bench *b = *state;
    interview(b);
    desk_traveler *t = &b->s.travelers[0];
    i18n *en = scenario_catalogue(
        "en",
        "{\"q.purpose\": \"Why are you here?\", \"a.tourism\": \"(looks down) I do not know.\", "
        "\"a.english\": \"Only in English.\"}",
        NULL);
    i18n *ar = scenario_catalogue(
        "ar", "{\"q.purpose\": \"لماذا أنت هنا؟\", \"a.tourism\": \"(looks down) لا أعرف\"}", en);
    t->strings[0] = t->strings[1] = en, t->strings[2] = ar;
    t->n_speaks = 1;
    snprintf(t->speaks[0], sizeof t->speaks[0], "ar");
    start(b, 3);
    click_rect(b, question_row(b, 0));
    desk_set_answer(&b->st, "a.tourism", on_log, b);
    const desk_rect box = desk_layout.answer;
    /* English interface, no interpreter: the Arabic words, right to left */
    desk_draw(&b->st, &b->dl);
    const draw_cmd *c = text_cmd(&b->dl, "(looks down) لا أعرف");
    assert_non_null(c);
    assert_int_equal(c->dir, 2);
    assert_int_equal(c->max_w, -desk_layout.text[DESK_TEXT_ANSWER_FOREIGN].width);
    assert_int_equal(c->lines, desk_layout.text[DESK_TEXT_ANSWER_FOREIGN].lines);
    assert_int_equal(c->x, box.x + 6);
    assert_int_equal(text_cmd(&b->dl, "Why are you here?")->dir, 1);
    /* the Arabic interface: the same words, right to left, in the mirrored panel */
    desk_set_language(&b->st, 2, on_log, b);
    desk_draw(&b->st, &b->dl);
    c = text_cmd(&b->dl, "(looks down) لا أعرف");
    assert_non_null(c);
    assert_int_equal(c->dir, 2);
    assert_int_equal(c->lines, desk_layout.text[DESK_TEXT_ANSWER].lines);
    assert_int_equal(c->x, DESK_W - (box.x + 6));
    assert_int_equal(c->align, 2);
    assert_int_equal(text_cmd(&b->dl, "لماذا أنت هنا؟")->dir, 2);
    /* an English speaker under the Arabic interface: left to right, still
     * in the mirrored panel (the paragraph starts at the panel's left) */
    snprintf(t->speaks[0], sizeof t->speaks[0], "en");
    desk_draw(&b->st, &b->dl);
    c = text_cmd(&b->dl, "(looks down) I do not know.");
    assert_non_null(c);
    assert_int_equal(c->dir, 1);
    assert_int_equal(c->x, DESK_W - (box.x + 6));
    /* an Arabic speaker whose answer the Arabic strings lack: English words,
     * left to right */
    snprintf(t->speaks[0], sizeof t->speaks[0], "ar");
    snprintf(b->st.answer, sizeof b->st.answer, "a.english");
    desk_draw(&b->st, &b->dl);
    assert_non_null(c = text_cmd(&b->dl, "Only in English."));
    assert_int_equal(c->dir, 1);
    i18n_destroy(ar);
    i18n_destroy(en);
}

/* Document data keeps its own order under the Arabic interface: the MRZ
 * reader's lines read left to right (their fillers stay at their end). */
static void document_data_reads_left_to_right_in_arabic(void **state) {
    bench *b = *state;
    start(b, 3);
    open_passport(b);
    desk_doc_info in = {.mrz_lines = 2};
    snprintf(in.mrz[0], sizeof in.mrz[0], "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<");
    snprintf(in.mrz[1], sizeof in.mrz[1], "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
    desk_set_doc_info(&b->st, 0, &in);
    desk_set_language(&b->st, 2, on_log, b);
    key(b, KEY_M);
    assert_true(b->st.mrz_panel);
    desk_draw(&b->st, &b->dl);
    for (int l = 0; l < 2; l++) {
        const draw_cmd *c = text_cmd(&b->dl, in.mrz[l]);
        assert_non_null(c);
        assert_int_equal(c->dir, 1);
    }
}

/* The desk's own words at the places of desk_layout.text fit them in every
 * built-in language, measured as the desk draws them: the label under a
 * companion's picture (two lines, whatever the relationship) and the one
 * once they are sent out. */
static void the_companion_labels_fit_their_places_in_every_language(void **state) {
    (void)state;
    doc_fonts f;
    bl_err err = {0};
    if (test_fonts_load(&f, &err) != 0) fail_msg("fonts: %s", err.msg);
    i18n *cats[3] = {catalogue("en", NULL), NULL, NULL};
    char why[8][300];
    int bad = 0;
    cats[1] = catalogue("fr", cats[0]), cats[2] = catalogue("ar", cats[0]);
    for (int l = 0; l < 3; l++) {
        for (int r = 0; r <= REL_COUNT; r++) {
            char key[64], text[256];
            int place = r < REL_COUNT ? DESK_TEXT_COMPANION : DESK_TEXT_COMPANION_APART;
            snprintf(key, sizeof key, "relationship.%s", scn_relationship_name(r));
            if (r < REL_COUNT)
                i18n_format(cats[l], text, sizeof text, "traveler.companion_with", "kind",
                            i18n_get(cats[l], key), (const char *)NULL);
            else
                snprintf(text, sizeof text, "%s", i18n_get(cats[l], "traveler.companion_apart"));
            draw_cmd c = desk_text_cmd(place, text, 0);
            desk_fit fit;
            assert_int_equal(desk_fit_cmd(&f, &c, i18n_rtl(cats[l]), &fit, &err), 0);
            if (fit.cut && bad < 8)
                snprintf(why[bad++], sizeof why[0],
                         "%s: \"%s\" needs %d lines of %.0f px, %s holds %d of %d px",
                         i18n_lang(cats[l]), text, fit.lines, fit.width,
                         desk_layout.text[place].name, desk_layout.text[place].lines,
                         desk_layout.text[place].width);
            desk_fit_free(&fit);
        }
    }
    for (int l = 2; l >= 0; l--)
        i18n_destroy(cats[l]);
    doc_fonts_unload(&f);
    for (int i = 0; i < bad; i++)
        print_error("%s\n", why[i]);
    assert_int_equal(bad, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
        T(lights_switch_by_key_and_by_the_toolbar),
        T(a_closed_passport_opens_and_a_document_moves),
        T(the_loupe_resting_on_a_place_is_a_look),
        T(a_finding_is_drawn_named_and_noted),
        T(a_tiny_or_escaped_finding_is_not_kept),
        T(a_decision_is_confirmed_by_its_button_then_the_next_traveler_comes),
        T(a_decision_is_confirmed_by_key_and_a_referral_names_its_kind),
        T(a_cancelled_decision_is_not_taken),
        T(a_question_is_asked_and_its_answer_logged),
        T(the_traveler_is_heard_apart_and_asked_by_id),
        T(a_refusal_gives_its_reasons),
        T(every_question_is_reached_by_keyboard),
        T(no_answer_is_logged_without_a_question),
        T(a_mode_ignores_what_belongs_to_another),
        T(every_button_is_clicked_where_it_is_drawn),
        T(in_arabic_a_button_is_clicked_where_the_mirrored_screen_shows_it),
        T(a_traveler_not_decided_in_time_times_out),
        T(the_summary_opens_a_case_and_goes_back),
        T(a_long_summary_turns_its_pages_by_keys),
        T(a_long_summary_turns_its_pages_by_mouse),
        T(a_short_summary_has_no_pages),
        T(spoken_words_keep_the_direction_of_their_language),
        T(the_companion_labels_fit_their_places_in_every_language),
        T(document_data_reads_left_to_right_in_arabic),
#undef T
    };
    return cmocka_run_group_tests_name("desk", tests, NULL, NULL);
}
