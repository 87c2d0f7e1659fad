/* test_signin.c - the sign-in screen of a shared workstation (signin.h):
 * which ids it lets in, how the session is picked, that a fresh screen shows
 * nothing of the last trainee, and that its words keep the desk's layout
 * rule in English, French and Arabic at both window sizes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "desk_fit.h"
#include "desk_verify.h"
#include "signin.h"
#include "test_fonts.h"

static i18n *langs[3];
static const char *const codes[3] = {"en", "fr", "ar"};
static doc_fonts fonts;
static draw_list dl;

static const signin_session sessions[3] = {
    {"a.lua", "cert-2026-b", "Certification, second-line referrals", 1},
    {"b.lua", "practice-uv", "Practice: ultraviolet features", 0},
    {"c.lua", "returns", "Returnees without documents", 0},
};
static const signin_trainee roster[2] = {{"T-01", "Amina Khoury", "2026-B"},
                                         {"T-02", "Jonas Vermeer", "2026-B"}};

static int setup(void **state) {
    (void)state;
    bl_err err = {0};
    for (int l = 0; l < 3; l++) {
        const char *json = i18n_builtin_json(codes[l]);
        langs[l] = i18n_load_json(json, strlen(json), codes[l], l ? langs[0] : NULL, &err);
        if (!langs[l]) return -1;
    }
    return test_fonts_load(&fonts, &err);
}

static int teardown(void **state) {
    (void)state;
    for (int l = 0; l < 3; l++)
        i18n_destroy(langs[l]);
    doc_fonts_unload(&fonts);
    return 0;
}

static int key(signin_state *s, int k) {
    input_event e = {.kind = EV_KEY, .key = k};
    return signin_step(s, &e);
}

static void text(signin_state *s, const char *t) {
    input_event e = {.kind = EV_TEXT};
    snprintf(e.text, sizeof e.text, "%s", t);
    signin_step(s, &e);
}

static void click(signin_state *s, desk_rect r, int rtl) {
    input_event e = {.kind = EV_DOWN, .button = BUTTON_LEFT, .y = r.y + r.h / 2};
    e.x = r.x + 10;
    if (rtl) e.x = DESK_W - 1 - e.x; /* where the mirrored row is on the screen */
    signin_step(s, &e);
}

/* Whether any text of the screen holds `needle`. */
static int shows(const signin_state *s, const char *needle) {
    signin_draw(s, &dl);
    for (int i = 0; i < dl.n; i++)
        if (dl.cmd[i].kind == DRAW_TEXT && strstr(dl.cmd[i].text, needle)) return 1;
    return 0;
}

static void ids_without_roster(void **state) {
    (void)state;
    signin_state s;
    signin_init(&s, sessions, 1, NULL, 0, langs[0], "");
    assert_int_equal(key(&s, KEY_RETURN), 0);
    assert_int_equal(s.problem, SIGNIN_EMPTY);
    assert_true(shows(&s, "Type your trainee ID first"));
    text(&s, "amina k"); /* a space cannot name a journal file */
    assert_int_equal(key(&s, KEY_RETURN), 0);
    assert_int_equal(s.problem, SIGNIN_BAD_ID);
    key(&s, KEY_ESCAPE); /* clears the field */
    assert_string_equal(s.typed, "");
    text(&s, "../T");
    assert_int_equal(key(&s, KEY_RETURN), 0);
    assert_int_equal(s.problem, SIGNIN_BAD_ID);
    key(&s, KEY_ESCAPE);
    text(&s, "T-");
    text(&s, "4");
    text(&s, "7x");
    key(&s, KEY_BACKSPACE);
    assert_int_equal(key(&s, KEY_RETURN), 1);
    assert_string_equal(s.typed, "T-47");
    assert_int_equal(s.trainee, -1);
    assert_int_equal(s.chosen, 0);
    /* signed in: later events change nothing */
    text(&s, "9");
    assert_string_equal(s.typed, "T-47");
}

static void too_long_and_utf8(void **state) {
    (void)state;
    signin_state s;
    signin_init(&s, sessions, 1, NULL, 0, langs[0], "");
    for (int i = 0; i < 70; i++)
        text(&s, "a");
    assert_int_equal(strlen(s.typed), SIGNIN_ID_MAX - 1);
    assert_int_equal(s.problem, SIGNIN_TOO_LONG);
    key(&s, KEY_ESCAPE);
    text(&s, "ab\xd9\x85"); /* an Arabic letter, two bytes: Backspace takes both */
    key(&s, KEY_BACKSPACE);
    assert_string_equal(s.typed, "ab");
    text(&s, "\xd9\x85");
    assert_int_equal(key(&s, KEY_RETURN), 0);
    assert_int_equal(s.problem, SIGNIN_BAD_ID);
}

static void roster_decides(void **state) {
    (void)state;
    signin_state s;
    signin_init(&s, sessions, 1, roster, 2, langs[0], "");
    text(&s, "T-99");
    assert_int_equal(key(&s, KEY_RETURN), 0);
    assert_int_equal(s.problem, SIGNIN_NOT_ROSTER);
    assert_true(shows(&s, "not on the academy's roster"));
    key(&s, KEY_BACKSPACE), key(&s, KEY_BACKSPACE);
    text(&s, "02");
    assert_int_equal(key(&s, KEY_RETURN), 1);
    assert_int_equal(s.trainee, 1);
    /* the screen never lists the roster's names */
    signin_init(&s, sessions, 3, roster, 2, langs[0], "");
    assert_false(shows(&s, "Amina"));
    assert_false(shows(&s, "Jonas"));
}

static void sessions_picked(void **state) {
    (void)state;
    for (int rtl = 0; rtl < 2; rtl++) {
        signin_state s;
        signin_init(&s, sessions, 3, NULL, 0, langs[rtl ? 2 : 0], "");
        key(&s, KEY_DOWN);
        assert_int_equal(s.chosen, 1);
        key(&s, KEY_TAB);
        assert_int_equal(s.chosen, 2);
        key(&s, KEY_DOWN); /* wraps */
        assert_int_equal(s.chosen, 0);
        key(&s, KEY_UP);
        assert_int_equal(s.chosen, 2);
        click(&s, signin_session_row(1), rtl);
        assert_int_equal(s.chosen, 1);
        click(&s, (desk_rect){10, 10, 10, 10}, rtl); /* outside every row */
        assert_int_equal(s.chosen, 1);
        text(&s, "T-01");
        assert_int_equal(key(&s, KEY_RETURN), 1);
        assert_int_equal(s.chosen, 1);
    }
}

static void fresh_screen_shows_nothing_of_the_last(void **state) {
    (void)state;
    signin_state s;
    signin_init(&s, sessions, 3, roster, 2, langs[0], "Academy workstation 4");
    text(&s, "T-02");
    key(&s, KEY_DOWN);
    assert_int_equal(key(&s, KEY_RETURN), 1);
    signin_init(&s, sessions, 3, roster, 2, langs[0], "Academy workstation 4");
    assert_false(shows(&s, "T-02"));
    assert_int_equal(s.chosen, 0);
    assert_int_equal(s.trainee, -1);
    input_event q = {.kind = EV_QUIT};
    assert_int_equal(signin_step(&s, &q), 2);
}

/* The lines a wrapped text takes, laid out as the app lays it out. */
static int fit_lines(void *ud, const draw_cmd *c) {
    (void)ud;
    desk_fit fit;
    bl_err err = {0};
    int n = desk_fit_cmd(&fonts, c, 0, &fit, &err) == 0 ? fit.shown : 2;
    desk_fit_free(&fit);
    return n;
}

typedef struct {
    const char *screen;
    int faults;
} looking;

static void on_fault(void *ud, const desk_fault *f) {
    looking *lk = ud;
    lk->faults++;
    print_message("%s: %s: '%s': %s\n", lk->screen, desk_fault_name(f->kind), dl.cmd[f->cmd].text,
                  f->what);
}

/* Every state the screen has (each problem, one session and six with long
 * titles) in each language at both sizes: no fault of the layout rule. */
static void layout_rule(void **state) {
    (void)state;
    signin_session many[SIGNIN_MAX_SESSIONS];
    for (int i = 0; i < SIGNIN_MAX_SESSIONS; i++) {
        snprintf(many[i].file, sizeof many[i].file, "s%d.lua", i);
        snprintf(many[i].id, sizeof many[i].id, "s%d", i);
        snprintf(many[i].title, sizeof many[i].title,
                 "Certification %d: the second-line referral of unaccompanied children", i + 1);
        many[i].exam = i % 2;
    }
    int faults = 0;
    for (int l = 0; l < 3; l++)
        for (int n = 1; n <= SIGNIN_MAX_SESSIONS; n += SIGNIN_MAX_SESSIONS - 1)
            for (int p = SIGNIN_OK; p <= SIGNIN_FAILED; p++) {
                signin_state s;
                signin_init(&s, many, n, NULL, 0, langs[l], "Utopia Border Academy, workstation 4");
                s.measure = n == 1 ? NULL : fit_lines; /* placed for two lines, and as measured */
                snprintf(s.typed, sizeof s.typed, "%s", "UTO-2026-B-000417");
                s.problem = (signin_problem)p;
                s.chosen = n - 1;
                signin_draw(&s, &dl);
                for (int z = 0; z < 2; z++) {
                    char screen[96];
                    snprintf(screen, sizeof screen, "%s, %d sessions, problem %d, zoom %.1f",
                             codes[l], n, p, z ? 1.5 : 1.0);
                    looking lk = {screen, 0};
                    bl_err err = {0};
                    assert_true(desk_verify(&dl, &fonts, i18n_rtl(langs[l]), z ? 1.5 : 1.0,
                                            on_fault, &lk, &err) >= 0);
                    faults += lk.faults;
                }
            }
    assert_int_equal(faults, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ids_without_roster),
        cmocka_unit_test(too_long_and_utf8),
        cmocka_unit_test(roster_decides),
        cmocka_unit_test(sessions_picked),
        cmocka_unit_test(fresh_screen_shows_nothing_of_the_last),
        cmocka_unit_test(layout_rule),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
