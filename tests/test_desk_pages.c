/* test_desk_pages.c - a passport's pages at the desk (desk_pages.c): turned
 * by key, by the turn key and the right button, by the plate under the
 * passport, each turn logged with the page's printed number; a card still
 * turns to its back; a visa stuck on a page is there only when that page is
 * shown, moves with its passport (mirrored in Arabic as documents are not),
 * and a finding on a page is that page's. */
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

#include "booklet.h"
#include "desk.h"
#include "desk_internal.h"
#include "desk_layout.h"

typedef struct {
    char action[32];
    char params[1024];
} logged;

typedef struct bench {
    desk_session s;
    desk_state st;
    draw_list dl;
    int n_log;
    logged log[256];
    i18n *langs[3];
} bench;

static void on_log(void *ud, const desk_action *a) {
    bench *b = ud;
    if (b->n_log >= (int)(sizeof b->log / sizeof b->log[0])) fail_msg("the log overflowed");
    snprintf(b->log[b->n_log].action, sizeof b->log[0].action, "%s", a->action);
    snprintf(b->log[b->n_log].params, sizeof b->log[0].params, "%s", a->params);
    b->n_log++;
}

static i18n *catalogue(const char *lang, const i18n *fallback) {
    bl_err err = {0};
    const char *json = i18n_builtin_json(lang);
    i18n *c = json ? i18n_load_json(json, strlen(json), lang, fallback, &err) : NULL;
    if (!c) fail_msg("catalogue %s: %s", lang, err.msg);
    return c;
}

/* The default session; its second traveler's visa stuck on page 5 of
 * their passport. */
static int setup(void **state) {
    bench *b = calloc(1, sizeof *b);
    bl_err err = {0};
    if (!b) return -1;
    desk_session_default(&b->s);
    b->s.travelers[1].docs[1].host = 1;
    b->s.travelers[1].docs[1].host_page = booklet_index(5);
    if (desk_session_resolve(&b->s, &err) != 0) {
        fprintf(stderr, "%s\n", err.msg);
        free(b);
        return -1;
    }
    b->langs[0] = catalogue("en", NULL);
    b->langs[1] = catalogue("fr", b->langs[0]);
    b->langs[2] = catalogue("ar", b->langs[0]);
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

/* Traveler i at the counter, in English. */
static void start(bench *b, int i) {
    desk_init(&b->st, &b->s, (const i18n *const *)b->langs, 3, on_log, b);
    if (i > 0) desk_resume(&b->st, i, 0, on_log, b);
    b->n_log = 0;
}

static void step(bench *b, input_event ev) {
    desk_step(&b->st, &ev, on_log, b);
}

static void key(bench *b, int k) {
    step(b, (input_event){.kind = EV_KEY, .key = k});
}

/* A press and release of a button at a point of the screen. */
static void click(bench *b, int button, int x, int y) {
    step(b, (input_event){.kind = EV_DOWN, .button = button, .x = x, .y = y});
    step(b, (input_event){.kind = EV_UP, .button = button, .x = x, .y = y});
}

/* The printed page number of the latest "page" entry. */
static int logged_page(const bench *b) {
    for (int i = b->n_log - 1; i >= 0; i--)
        if (!strcmp(b->log[i].action, "page")) {
            cJSON *p = cJSON_Parse(b->log[i].params);
            const cJSON *n = cJSON_GetObjectItemCaseSensitive(p, "page");
            int v = cJSON_IsNumber(n) ? n->valueint : -1;
            cJSON_Delete(p);
            return v;
        }
    return -1;
}

static int count(const bench *b, const char *action) {
    int n = 0;
    for (int i = 0; i < b->n_log; i++)
        n += !strcmp(b->log[i].action, action);
    return n;
}

/* The box of the drawn text `s` (the plate's buttons are one glyph each). */
static desk_rect drawn_box(bench *b, const char *s) {
    desk_draw(&b->st, &b->dl);
    for (int i = 0; i < b->dl.n; i++)
        if (b->dl.cmd[i].kind == DRAW_TEXT && !strcmp(b->dl.cmd[i].text, s))
            return b->dl.cmd[i].box;
    fail_msg("\"%s\" is not drawn", s);
    return (desk_rect){0, 0, 0, 0};
}

static void open_first(bench *b) {
    const desk_doc *d = &b->st.docs[0];
    click(b, BUTTON_LEFT, (int)d->x + 60, (int)d->y + 60);
    assert_int_equal(b->st.docs[0].closed, 0);
}

static void pages_turn_by_key_by_turn_and_by_the_plate(void **state) {
    bench *b = *state;
    start(b, 0);
    key(b, KEY_PAGEDOWN); /* closed: nothing turns */
    assert_int_equal(count(b, "page"), 0);
    open_first(b);
    key(b, KEY_PAGEDOWN);
    assert_int_equal(b->st.docs[0].side, 1);
    assert_int_equal(logged_page(b), 3); /* the observations page */
    key(b, KEY_T);
    assert_int_equal(logged_page(b), 4);
    const desk_doc *d = &b->st.docs[0];
    click(b, BUTTON_RIGHT, (int)d->x + 100, (int)d->y + 100);
    assert_int_equal(logged_page(b), 5);
    key(b, KEY_PAGEUP);
    assert_int_equal(b->st.docs[0].side, booklet_index(4));
    desk_rect next = drawn_box(b, "\u203a"), prev = drawn_box(b, "\u2039");
    click(b, BUTTON_LEFT, next.x + next.w / 2, next.y + next.h / 2);
    assert_int_equal(logged_page(b), 5);
    for (int i = 0; i < 4; i++)
        click(b, BUTTON_LEFT, prev.x + prev.w / 2, prev.y + prev.h / 2);
    /* from the data page back round to the last page */
    assert_int_equal(logged_page(b), booklet_printed(BOOKLET_PAGES - 1));
    assert_int_equal(count(b, "page"), 9);
    assert_true(b->st.turned_docs & 1u);
    /* a click on the plate's page number turns nothing, moves nothing */
    desk_rect num = drawn_box(b, "Page 9 of 9");
    double x0 = b->st.docs[0].x;
    click(b, BUTTON_LEFT, num.x + num.w / 2, num.y + num.h / 2);
    assert_int_equal(count(b, "page"), 9);
    assert_true(b->st.docs[0].x == x0);
}

static void a_card_still_turns_to_its_back(void **state) {
    bench *b = *state;
    start(b, 2); /* the identity card */
    key(b, KEY_T);
    assert_int_equal(b->st.docs[0].side, 1);
    assert_int_equal(count(b, "turn"), 1);
    assert_int_equal(count(b, "page"), 0);
    key(b, KEY_PAGEDOWN); /* a card has no pages */
    assert_int_equal(count(b, "page"), 0);
}

/* The point in the middle of document d. */
static void middle(const bench *b, int d, int *x, int *y) {
    *x = (int)b->st.docs[d].x + b->st.docs[d].w / 2,
    *y = (int)b->st.docs[d].y + b->st.docs[d].h / 2;
}

static void a_visa_on_its_page_shows_there_and_moves_with_the_passport(void **state) {
    bench *b = *state;
    start(b, 1);
    int x, y;
    middle(b, 1, &x, &y);
    assert_int_equal(desk_doc_at(&b->st, x, y, NULL, NULL), 0); /* closed: the cover */
    assert_int_equal(desk_top_doc(&b->st), 0);
    open_first(b);
    assert_int_equal(desk_doc_at(&b->st, x, y, NULL, NULL), 0); /* the data page */
    for (int i = 0; i < 3; i++)
        key(b, KEY_PAGEDOWN);
    assert_int_equal(logged_page(b), 5);
    middle(b, 1, &x, &y);
    assert_int_equal(desk_doc_at(&b->st, x, y, NULL, NULL), 1);
    assert_int_equal(desk_top_doc(&b->st), 1);
    /* on the page, under the fold */
    const desk_doc *p = &b->st.docs[0], *v = &b->st.docs[1];
    assert_true(v->x >= p->x && v->x + v->w <= p->x + p->w);
    assert_true(v->y > p->y && v->y + v->h <= p->y + p->h);
    double dx = v->x - p->x, dy = v->y - p->y, px0 = p->x, py0 = p->y;
    /* dragged by the visa, the passport moves and the visa with it */
    step(b, (input_event){.kind = EV_DOWN, .button = BUTTON_LEFT, .x = x, .y = y});
    step(b, (input_event){.kind = EV_MOVE, .x = x + 40, .y = y + 30});
    step(b, (input_event){.kind = EV_UP, .button = BUTTON_LEFT, .x = x + 40, .y = y + 30});
    assert_true(fabs(p->x - px0 - 40) < 1e-9 && fabs(p->y - py0 - 30) < 1e-9);
    assert_int_equal(count(b, "move"), 1);
    assert_true(fabs(v->x - p->x - dx) < 1e-9 && fabs(v->y - p->y - dy) < 1e-9);
    /* the open and turn tools act on the passport it is in */
    key(b, KEY_T);
    assert_int_equal(logged_page(b), 6);
    middle(b, 1, &x, &y);
    assert_int_equal(desk_doc_at(&b->st, x, y, NULL, NULL), 0);
    assert_int_equal(desk_top_doc(&b->st), 0);
    /* in Arabic the screen is mirrored, the page is not: the visa keeps its
     * place from the page's own left edge, seen from the other side */
    key(b, KEY_PAGEUP);
    desk_set_language(&b->st, 2, NULL, NULL);
    assert_true(fabs((p->x + p->w) - (v->x + v->w) - dx) < 1.0);
}

static void a_finding_on_a_page_is_that_page_s(void **state) {
    bench *b = *state;
    start(b, 0);
    open_first(b);
    key(b, KEY_PAGEDOWN);
    key(b, KEY_PAGEDOWN); /* page 4 */
    const desk_doc *d = &b->st.docs[0];
    key(b, KEY_F);
    step(b, (input_event){
                .kind = EV_DOWN, .button = BUTTON_LEFT, .x = (int)d->x + 30, .y = (int)d->y + 40});
    step(b, (input_event){
                .kind = EV_UP, .button = BUTTON_LEFT, .x = (int)d->x + 120, .y = (int)d->y + 100});
    key(b, KEY_1);
    key(b, KEY_RETURN);
    assert_int_equal(b->st.n_findings, 1);
    assert_int_equal(b->st.findings[0].side, booklet_index(4));
    for (int i = b->n_log - 1; i >= 0; i--)
        if (!strcmp(b->log[i].action, "flag")) {
            cJSON *p = cJSON_Parse(b->log[i].params);
            assert_int_equal(cJSON_GetObjectItemCaseSensitive(p, "side")->valueint,
                             booklet_index(4));
            cJSON_Delete(p);
            break;
        }
    /* drawn on page 4 only: its red frame goes with the page */
    int frames_on = 0, frames_off = 0;
    desk_draw(&b->st, &b->dl);
    for (int i = 0; i < b->dl.n; i++)
        frames_on += b->dl.cmd[i].kind == DRAW_FRAME && b->dl.cmd[i].thick == 2;
    key(b, KEY_PAGEDOWN);
    desk_draw(&b->st, &b->dl);
    for (int i = 0; i < b->dl.n; i++)
        frames_off += b->dl.cmd[i].kind == DRAW_FRAME && b->dl.cmd[i].thick == 2;
    assert_int_equal(frames_on, frames_off + 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pages_turn_by_key_by_turn_and_by_the_plate),
        cmocka_unit_test(a_card_still_turns_to_its_back),
        cmocka_unit_test(a_visa_on_its_page_shows_there_and_moves_with_the_passport),
        cmocka_unit_test(a_finding_on_a_page_is_that_page_s),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
