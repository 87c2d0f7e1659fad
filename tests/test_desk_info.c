/* test_desk_info.c - what the desk tells a trainee, and what it does not
 * give away: today's date and the desk's place in the top bar (in the
 * interface's language and digits, so an expiry can be judged); questions
 * offered only once what they are about happened at the desk. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "desk.h"
#include "desk_layout.h"

typedef struct bench {
    desk_session s;
    desk_state st;
    draw_list dl;
    i18n *langs[3];
    int n_asked;
    char asked[16][32]; /* the questions asked, in order */
} bench;

static void on_log(void *ud, const desk_action *a) {
    bench *b = ud;
    const char *q = strstr(a->params, "\"question\": \"");
    if (strcmp(a->action, "ask") || !q || b->n_asked >= 16) return;
    q += strlen("\"question\": \"");
    snprintf(b->asked[b->n_asked], sizeof b->asked[0], "%.*s", (int)strcspn(q, "\""), q);
    b->n_asked++;
}

static int step(bench *b, input_event ev) {
    return desk_step(&b->st, &ev, on_log, b);
}

static void key(bench *b, int k) {
    step(b, (input_event){.kind = EV_KEY, .key = k});
}

/* Asks question `id` by its id (as recorded input does); 1 when it was asked. */
static int ask(bench *b, const char *id) {
    input_event ev = {.kind = EV_ASK};
    snprintf(ev.text, sizeof ev.text, "%s", id);
    int before = b->n_asked;
    step(b, ev);
    if (b->st.pending_ask >= 0) desk_set_answer(&b->st, "a.any", on_log, b);
    return b->n_asked > before && !strcmp(b->asked[b->n_asked - 1], id);
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

/* The text drawn inside the top bar that contains `part`, or NULL. */
static const char *bar_text(const draw_list *dl, const char *part) {
    const desk_rect bar = desk_layout.top_bar;
    for (int i = 0; i < dl->n; i++) {
        const draw_cmd *c = &dl->cmd[i];
        if (c->kind == DRAW_TEXT && c->y > bar.y && c->y < bar.y + bar.h && strstr(c->text, part))
            return c->text;
    }
    return NULL;
}

static void bar_in(bench *b, int lang) {
    desk_init(&b->st, &b->s, (const i18n *const *)b->langs, 3, on_log, b);
    desk_set_language(&b->st, lang, on_log, b);
    desk_draw(&b->st, &b->dl);
}

/* A date in each language's words and digits, a leap day, the place. */
static void the_bar_shows_today_and_the_place_in_each_language(void **state) {
    bench *b = *state;
    b->s.today = (bl_date){2026, 12, 7};
    snprintf(b->s.travelers[0].place, sizeof b->s.travelers[0].place, "land_border");
    bar_in(b, 0);
    assert_non_null(bar_text(&b->dl, "7 December 2026 · Land border"));
    assert_non_null(bar_text(&b->dl, "Land border"));
    bar_in(b, 1);
    assert_non_null(bar_text(&b->dl, "7 décembre 2026 · Frontière terrestre"));
    assert_non_null(bar_text(&b->dl, "Frontière terrestre"));
    bar_in(b, 2); /* Arabic-Indic digits: ٧ and ٢٠٢٦ */
    assert_non_null(bar_text(&b->dl, "\xd9\xa7 ديسمبر \xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa6"));
    assert_non_null(bar_text(&b->dl, "منفذ بري"));
    assert_null(bar_text(&b->dl, "2026"));

    b->s.today = (bl_date){2028, 2, 29};
    b->s.travelers[0].place[0] = 0; /* unsaid: an airport */
    bar_in(b, 0);
    assert_non_null(bar_text(&b->dl, "29 February 2028 · Airport"));
}

/* The queue strip never runs under a text of the bar. */
static void the_queue_strip_stays_clear_of_the_bar_texts(void **state) {
    bench *b = *state;
    bar_in(b, 1); /* French: the longest texts */
    const desk_rect bar = desk_layout.top_bar;
    int strips = 0;
    for (int i = 0; i < b->dl.n; i++) {
        const draw_cmd *c = &b->dl.cmd[i];
        if (c->kind != DRAW_FILL || c->y < bar.y || c->y + c->h > bar.y + bar.h || c->h > 6)
            continue;
        strips++;
        for (int k = 0; k < b->dl.n; k++) { /* below every baseline's descent */
            const draw_cmd *t = &b->dl.cmd[k];
            if (t->kind == DRAW_TEXT && t->y < bar.y + bar.h) assert_true(c->y >= t->y + 4);
        }
    }
    assert_int_equal(strips, b->s.n_travelers);
}

/* "Did you know your passport has expired?" only once the trainee flagged
 * it; a question about the passport's pages only once it was opened; both
 * conditions and an earlier question together. */
static void questions_wait_for_what_they_are_about(void **state) {
    bench *b = *state;
    desk_traveler *t = &b->s.travelers[0];
    assert_true(t->docs[0].passport); /* the default session's first: a closed passport */
    static const char *ids[] = {"purpose", "expired", "issued", "consulate"};
    t->n_questions = 4;
    memset(t->questions, 0, sizeof t->questions);
    for (int i = 0; i < 4; i++) {
        snprintf(t->questions[i].id, sizeof t->questions[i].id, "%s", ids[i]);
        snprintf(t->questions[i].text, sizeof t->questions[i].text, "q.%s", ids[i]);
    }
    int expired = -1;
    for (int k = 0; k < desk_finding_kind_count(); k++)
        if (!strcmp(desk_finding_kind_get(k)->id, "expired")) expired = k;
    assert_true(expired >= 0);
    t->questions[1].after_flagged = expired + 1;
    t->questions[2].after_opened = 1;
    t->questions[3].after_opened = 1; /* consulate: after "expired" and with the passport open */
    snprintf(t->questions[3].after, sizeof t->questions[3].after, "expired");
    desk_init(&b->st, &b->s, (const i18n *const *)b->langs, 3, on_log, b);
    assert_true(ask(b, "purpose"));
    assert_false(ask(b, "expired"));
    assert_false(ask(b, "issued"));
    key(b, KEY_O); /* open the passport */
    assert_int_equal(b->st.docs[0].closed, 0);
    assert_true(ask(b, "issued"));
    assert_false(ask(b, "expired")); /* seen, perhaps, but not flagged */
    assert_false(ask(b, "consulate"));
    /* flag the page as expired: F, a rectangle on it, the kind, Return */
    const desk_doc *d = &b->st.docs[0];
    int x0 = (int)d->x + 40, y0 = (int)d->y + 40;
    key(b, KEY_F);
    step(b, (input_event){.kind = EV_DOWN, .button = BUTTON_LEFT, .x = x0, .y = y0});
    step(b, (input_event){.kind = EV_MOVE, .button = BUTTON_LEFT, .x = x0 + 60, .y = y0 + 40});
    step(b, (input_event){.kind = EV_UP, .button = BUTTON_LEFT, .x = x0 + 120, .y = y0 + 80});
    key(b, KEY_1 + expired);
    key(b, KEY_RETURN);
    assert_int_equal(b->st.n_findings, 1);
    assert_true(ask(b, "expired"));
    assert_true(ask(b, "consulate"));
}

/* The MRZ reader shows the lines as read in OCR-B on an opaque screen, and
 * says what a reader says of the dates: this specimen (ICAO Doc 9303's
 * Anna Eriksson) expired on 15 April 2012 and she was born 12 August 1974. */
static void the_mrz_reader_judges_the_expiry_against_today(void **state) {
    bench *b = *state;
    b->s.today = (bl_date){2026, 12, 7};
    desk_init(&b->st, &b->s, (const i18n *const *)b->langs, 3, on_log, b);
    desk_doc_info in;
    memset(&in, 0, sizeof in);
    snprintf(in.mrz[0], sizeof in.mrz[0], "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<");
    snprintf(in.mrz[1], sizeof in.mrz[1], "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
    in.mrz_lines = 2;
    for (int d = 0; d < b->st.n_docs; d++)
        desk_set_doc_info(&b->st, d, &in);
    for (int d = 0; d < b->st.n_docs; d++)
        b->st.docs[d].closed = 0;
    key(b, KEY_M);
    desk_draw(&b->st, &b->dl);
    int ocrb = 0, opaque = 0;
    const desk_rect p = desk_layout.mrz_panel;
    for (int i = 0; i < b->dl.n; i++) {
        const draw_cmd *c = &b->dl.cmd[i];
        if (c->kind == DRAW_TEXT && !strncmp(c->text, "P<UTOERIKSSON", 13))
            ocrb = c->bold == DRAW_OCRB && c->dir == 1;
        if (c->kind == DRAW_FILL && c->x == p.x && c->y == p.y && c->w == p.w && c->h == p.h)
            opaque = (c->rgba >> 24) == 0xFF;
    }
    assert_true(ocrb);
    assert_true(opaque);
    const desk_rect bar = desk_layout.top_bar; /* the panel's texts are below the bar */
    int found_expired = 0, found_born = 0;
    for (int i = 0; i < b->dl.n; i++) {
        const draw_cmd *c = &b->dl.cmd[i];
        if (c->kind != DRAW_TEXT || c->y < bar.y + bar.h) continue;
        found_expired |= strstr(c->text, "EXPIRED on 15 April 2012") != NULL;
        found_born |= strstr(c->text, "Born 12 August 1974 (age 52)") != NULL;
    }
    assert_true(found_expired);
    assert_true(found_born);
    b->s.today = (bl_date){2012, 4, 15}; /* its last day: still valid */
    b->st.session = &b->s;
    desk_draw(&b->st, &b->dl);
    int valid = 0;
    for (int i = 0; i < b->dl.n; i++)
        if (b->dl.cmd[i].kind == DRAW_TEXT &&
            strstr(b->dl.cmd[i].text, "Valid until 15 April 2012"))
            valid = 1;
    assert_true(valid);
}

/* The transcript keeps every question and its answer in order, each in the
 * language it was heard in (Arabic before the interpreter came, English
 * after), opens with H and closes with Escape, and is logged. */
static void the_transcript_keeps_the_whole_interview(void **state) {
    bench *b = *state;
    desk_traveler *t = &b->s.travelers[0];
    static const char *ids[] = {"purpose", "stay", "work"};
    t->n_questions = 3;
    memset(t->questions, 0, sizeof t->questions);
    for (int i = 0; i < 3; i++) {
        snprintf(t->questions[i].id, sizeof t->questions[i].id, "%s", ids[i]);
        snprintf(t->questions[i].text, sizeof t->questions[i].text, "q.%s", ids[i]);
    }
    t->n_speaks = 1;
    snprintf(t->speaks[0], sizeof t->speaks[0], "ar");
    desk_init(&b->st, &b->s, (const i18n *const *)b->langs, 3, on_log, b);
    assert_true(ask(b, "purpose"));
    assert_true(ask(b, "stay"));
    key(b, KEY_I);                  /* the interpreter comes */
    assert_true(ask(b, "purpose")); /* asked again: a third entry, not a changed first */
    assert_int_equal(b->st.n_said, 3);
    assert_int_equal(b->st.said[0], 0);
    assert_int_equal(b->st.said[1], 1);
    assert_int_equal(b->st.said[2], 0);
    for (int i = 0; i < 3; i++)
        assert_string_equal(b->st.said_answer[i], "a.any");
    assert_int_equal(b->st.said_lang[0], 2); /* heard in Arabic */
    assert_int_equal(b->st.said_lang[1], 2);
    assert_int_equal(b->st.said_lang[2], 0); /* through the interpreter, in English */
    key(b, KEY_H);
    assert_true(b->st.transcript);
    desk_draw(&b->st, &b->dl);
    const desk_rect p = desk_layout.transcript;
    int entries = 0;
    for (int i = 0; i < b->dl.n; i++) {
        const draw_cmd *c = &b->dl.cmd[i];
        if (c->kind == DRAW_TEXT && desk_rect_hit(p, c->x, c->y) && strstr(c->text, "q.purpose"))
            entries++;
    }
    assert_int_equal(entries, 2); /* "1. q.purpose" and "3. q.purpose" (no scenario strings) */
    key(b, KEY_R);                /* another panel takes its place */
    assert_false(b->st.transcript);
    key(b, KEY_H);
    key(b, KEY_ESCAPE);
    assert_false(b->st.transcript);
}

/* Escape closes what is open, then asks before leaving; the answer is
 * needed (other keys do nothing meanwhile); leaving is logged with what was
 * decided; the quit button asks from any screen. */
static void leaving_the_desk_asks_first(void **state) {
    bench *b = *state;
    desk_init(&b->st, &b->s, (const i18n *const *)b->langs, 3, on_log, b);
    key(b, KEY_R); /* the reference open: Escape closes it, nothing more */
    key(b, KEY_ESCAPE);
    assert_false(b->st.ref_panel);
    assert_false(b->st.quit_ask);
    key(b, KEY_ESCAPE);
    assert_true(b->st.quit_ask);
    key(b, KEY_A); /* no decision while it is asked */
    assert_int_equal(b->st.mode, DESK_EXAMINE);
    key(b, KEY_N);
    assert_false(b->st.quit_ask);
    assert_false(b->st.quit);
    const desk_rect q = desk_layout.buttons[DESK_BTN_QUIT].r;
    step(b, (input_event){.kind = EV_DOWN, .button = BUTTON_LEFT, .x = q.x + 5, .y = q.y + 5});
    step(b, (input_event){.kind = EV_UP, .button = BUTTON_LEFT, .x = q.x + 5, .y = q.y + 5});
    assert_true(b->st.quit_ask);
    desk_draw(&b->st, &b->dl);
    int says_kept = 0;
    for (int i = 0; i < b->dl.n; i++)
        if (b->dl.cmd[i].kind == DRAW_TEXT && strstr(b->dl.cmd[i].text, "Nothing is lost"))
            says_kept = 1;
    assert_true(says_kept);
    key(b, KEY_Y);
    assert_true(b->st.quit);
    key(b, KEY_ESCAPE); /* after leaving nothing more happens */
    assert_false(b->st.quit_ask);
}

/* On the summary the toolbar does nothing: drawn dim, not as buttons to
 * press; the quit button stays live there, and Escape asks to leave. */
static void buttons_that_do_nothing_are_not_drawn_active(void **state) {
    bench *b = *state;
    desk_init(&b->st, &b->s, (const i18n *const *)b->langs, 3, on_log, b);
    assert_true(desk_button_active(&b->st, DESK_BTN_LIGHT1));
    while (b->st.mode != DESK_DONE) { /* admit everyone */
        key(b, KEY_A);
        key(b, KEY_Y);
        if (b->st.mode == DESK_DEBRIEF) key(b, KEY_RETURN);
    }
    assert_false(desk_button_active(&b->st, DESK_BTN_LIGHT1));
    assert_false(desk_button_active(&b->st, DESK_BTN_ADMIT));
    assert_true(desk_button_active(&b->st, DESK_BTN_QUIT));
    key(b, KEY_ESCAPE);
    assert_true(b->st.quit_ask);
}

/* V puts the top document beside a genuine specimen; with the loupe on,
 * the pointer on either picture shows one loupe position on both (the
 * same mm of each); the reference panel's button opens it too; a click on
 * the view does not pick up the documents under it. */
static void the_compare_view_shows_one_loupe_position_on_both(void **state) {
    bench *b = *state;
    desk_init(&b->st, &b->s, (const i18n *const *)b->langs, 3, on_log, b);
    key(b, KEY_O); /* the passport open, on top */
    key(b, KEY_V);
    assert_true(b->st.compare);
    key(b, KEY_L);
    const desk_rect a = desk_layout.compare;
    int x = a.x + 120, y = a.y + 200; /* on the left picture: this document */
    step(b, (input_event){.kind = EV_MOVE, .x = x, .y = y});
    desk_draw(&b->st, &b->dl);
    const draw_cmd *doc = NULL, *ref = NULL;
    for (int i = 0; i < b->dl.n; i++) {
        const draw_cmd *c = &b->dl.cmd[i];
        if (c->kind == DRAW_TEX && c->tex == TEX_LOUPE_DOC) doc = c;
        if (c->kind == DRAW_TEX && c->tex == TEX_LOUPE_REF) ref = c;
        assert_false(c->kind == DRAW_TEX && c->tex == TEX_LOUPE); /* not the desk's loupe */
    }
    assert_non_null(doc);
    assert_non_null(ref);
    assert_int_equal(doc->b, ref->b); /* the same place, in mm/100 */
    assert_int_equal(doc->c, ref->c);
    assert_true(doc->b > 0 && doc->c > 0);
    assert_int_equal(doc->x + doc->w / 2, x); /* centred on the pointer */
    assert_int_equal(ref->y, doc->y);
    assert_true(ref->x > doc->x + 400); /* on the specimen, to the right */
    int order0 = b->st.order[b->st.n_docs - 1];
    step(b, (input_event){.kind = EV_DOWN, .button = BUTTON_LEFT, .x = x, .y = y});
    step(b, (input_event){.kind = EV_UP, .button = BUTTON_LEFT, .x = x, .y = y});
    assert_int_equal(b->st.mode, DESK_EXAMINE); /* no drag of what lies under the view */
    assert_int_equal(b->st.order[b->st.n_docs - 1], order0);
    key(b, KEY_ESCAPE);
    assert_false(b->st.compare);
    key(b, KEY_R); /* from the reference panel's button */
    const desk_rect cb = desk_layout.ref_compare;
    step(b, (input_event){.kind = EV_DOWN, .button = BUTTON_LEFT, .x = cb.x + 9, .y = cb.y + 9});
    step(b, (input_event){.kind = EV_UP, .button = BUTTON_LEFT, .x = cb.x + 9, .y = cb.y + 9});
    assert_true(b->st.compare);
    assert_false(b->st.ref_panel);
}

/* Feedback for what the trainee does: a flag saved says its number, kind
 * and note; the note shows again under the pointer and in the findings
 * list (E); findings are numbered from 1 for each traveler; the interpreter
 * and a document that does not open say so. */
static void every_action_answers_back(void **state) {
    bench *b = *state;
    desk_init(&b->st, &b->s, (const i18n *const *)b->langs, 3, on_log, b);
    key(b, KEY_O);
    const desk_doc *d = &b->st.docs[0];
    int x0 = (int)d->x + 40, y0 = (int)d->y + 40;
    key(b, KEY_F);
    step(b, (input_event){.kind = EV_DOWN, .button = BUTTON_LEFT, .x = x0, .y = y0});
    step(b, (input_event){.kind = EV_UP, .button = BUTTON_LEFT, .x = x0 + 120, .y = y0 + 80});
    key(b, KEY_3);
    input_event t = {.kind = EV_TEXT};
    snprintf(t.text, sizeof t.text, "edge lifted");
    step(b, t);
    key(b, KEY_RETURN);
    assert_string_equal(b->st.status_key, "status.finding_saved_note");
    step(b, (input_event){.kind = EV_MOVE, .x = x0 + 60, .y = y0 + 40});
    desk_draw(&b->st, &b->dl);
    int tip = 0;
    for (int i = 0; i < b->dl.n; i++)
        if (b->dl.cmd[i].kind == DRAW_TEXT && strstr(b->dl.cmd[i].text, ": edge lifted")) tip = 1;
    assert_true(tip);
    key(b, KEY_E);
    assert_true(b->st.findings_panel);
    desk_draw(&b->st, &b->dl);
    int listed = 0;
    for (int i = 0; i < b->dl.n; i++)
        if (b->dl.cmd[i].kind == DRAW_TEXT && strstr(b->dl.cmd[i].text, "edge lifted") &&
            desk_rect_hit(desk_layout.findings, b->dl.cmd[i].x, b->dl.cmd[i].y))
            listed = 1;
    assert_true(listed);
    key(b, KEY_E);
    key(b, KEY_I);
    assert_string_equal(b->st.status_key, "status.interpreter");
    key(b, KEY_I);
    assert_string_equal(b->st.status_key, "status.interpreter_here");
    /* the next traveler's first finding is number 1 again */
    key(b, KEY_S);
    key(b, KEY_Y);
    if (b->st.mode == DESK_DEBRIEF) key(b, KEY_RETURN);
    assert_int_equal(b->st.traveler, 1);
    d = &b->st.docs[b->st.order[b->st.n_docs - 1]]; /* the top document, open */
    if (d->closed) key(b, KEY_O);
    x0 = (int)d->x + 40, y0 = (int)d->y + 40;
    key(b, KEY_F);
    step(b, (input_event){.kind = EV_DOWN, .button = BUTTON_LEFT, .x = x0, .y = y0});
    step(b, (input_event){.kind = EV_UP, .button = BUTTON_LEFT, .x = x0 + 120, .y = y0 + 80});
    key(b, KEY_1);
    key(b, KEY_RETURN);
    assert_int_equal(b->st.n_findings, 1);
    assert_int_equal(b->st.findings[0].id, 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_bar_shows_today_and_the_place_in_each_language, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(the_queue_strip_stays_clear_of_the_bar_texts, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(questions_wait_for_what_they_are_about, setup, teardown),
        cmocka_unit_test_setup_teardown(the_mrz_reader_judges_the_expiry_against_today, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(the_transcript_keeps_the_whole_interview, setup, teardown),
        cmocka_unit_test_setup_teardown(leaving_the_desk_asks_first, setup, teardown),
        cmocka_unit_test_setup_teardown(every_action_answers_back, setup, teardown),
        cmocka_unit_test_setup_teardown(the_compare_view_shows_one_loupe_position_on_both, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(buttons_that_do_nothing_are_not_drawn_active, setup,
                                        teardown),
    };
    return cmocka_run_group_tests_name("desk_info", tests, NULL, NULL);
}
