/* signin.c - see signin.h. One card in the middle of the screen: the title,
 * the id field, what was wrong with the last try, the sessions open at
 * this workstation, and a line saying which keys do what. */
#include "signin.h"

#include <string.h>

#include "desk_draw_internal.h"
#include "session.h"

/* The card and its parts, logical px (1280x720), written left to right. */
static const desk_rect CARD = {240, 40, 800, 640};
#define INNER_X   280
#define INNER_W   720
#define FIELD_Y   182
#define FIELD_H   52
#define PROBLEM_Y 262
#define LIST_Y    334 /* the sessions' label's baseline; rows below it */
#define ROW_Y     342
#define ROW_H     48
#define ROW_GAP   4
#define HINT_Y    630

desk_rect signin_field(void) {
    return (desk_rect){INNER_X, FIELD_Y, INNER_W, FIELD_H};
}

desk_rect signin_session_row(int i) {
    return (desk_rect){INNER_X, ROW_Y + i * (ROW_H + ROW_GAP), INNER_W, ROW_H};
}

void signin_init(signin_state *s, const signin_session *sessions, int n_sessions,
                 const signin_trainee *roster, int n_roster, const i18n *lang, const char *place) {
    memset(s, 0, sizeof *s);
    s->sessions = sessions;
    s->n_sessions = n_sessions < SIGNIN_MAX_SESSIONS ? n_sessions : SIGNIN_MAX_SESSIONS;
    s->roster = roster;
    s->n_roster = roster ? n_roster : 0;
    s->lang = lang;
    s->place = place ? place : "";
    s->trainee = -1;
}

/* Removes the last UTF-8 character typed. */
static void backspace(char *t) {
    size_t n = strlen(t);
    while (n > 0 && ((unsigned char)t[n - 1] & 0xC0) == 0x80)
        n--;
    if (n > 0) n--;
    t[n] = '\0';
}

static void type(signin_state *s, const char *text) {
    size_t n = strlen(s->typed), add = strlen(text);
    if (n + add >= sizeof s->typed) {
        s->problem = SIGNIN_TOO_LONG; /* kept as typed so far: nothing half a character */
        return;
    }
    memcpy(s->typed + n, text, add + 1);
    s->problem = SIGNIN_OK;
}

/* Return: the id as typed, checked; signed in when it is good. */
static void submit(signin_state *s) {
    s->trainee = -1;
    if (!s->typed[0])
        s->problem = SIGNIN_EMPTY;
    else if (!session_id_ok(s->typed))
        s->problem = SIGNIN_BAD_ID;
    else {
        s->problem = s->roster ? SIGNIN_NOT_ROSTER : SIGNIN_OK;
        for (int i = 0; i < s->n_roster; i++)
            if (!strcmp(s->roster[i].id, s->typed)) s->problem = SIGNIN_OK, s->trainee = i;
    }
    if (s->problem == SIGNIN_OK) s->done = 1;
}

static void choose(signin_state *s, int by) {
    if (s->n_sessions > 0) s->chosen = (s->chosen + by + s->n_sessions) % s->n_sessions;
}

int signin_step(signin_state *s, const input_event *ev) {
    if (s->done) return s->done;
    switch (ev->kind) {
    case EV_QUIT:
        s->done = 2;
        break;
    case EV_TEXT:
        type(s, ev->text);
        break;
    case EV_KEY:
        if (ev->key == KEY_BACKSPACE) backspace(s->typed), s->problem = SIGNIN_OK;
        if (ev->key == KEY_ESCAPE) s->typed[0] = '\0', s->problem = SIGNIN_OK;
        if (ev->key == KEY_UP) choose(s, -1);
        if (ev->key == KEY_DOWN || ev->key == KEY_TAB) choose(s, 1);
        if (ev->key == KEY_RETURN) submit(s);
        break;
    case EV_DOWN: {
        /* a right-to-left screen is drawn mirrored: its clicks are too */
        int x = i18n_rtl(s->lang) ? DESK_W - 1 - ev->x : ev->x;
        for (int i = 0; i < s->n_sessions; i++)
            if (desk_rect_hit(signin_session_row(i), x, ev->y)) s->chosen = i;
        break;
    }
    default:
        break;
    }
    return s->done;
}

static const char *tr(const signin_state *s, const char *key) {
    return i18n_get(s->lang, key);
}

static void draw_field(const signin_state *s, draw_list *dl) {
    desk_rect f = signin_field();
    dl_box(dl, dl_line_box(INNER_X, FIELD_Y - 12, INNER_W));
    dl_text(dl, INNER_X, FIELD_Y - 12, 16, C_TEXT, 1, 0, "%s", tr(s, "signin.id"));
    dl_fill(dl, f, C_PANEL_SOLID);
    dl_frame(dl, f, 2, C_ACCENT);
    dl_box(dl, f);
    /* an id is Latin letters and digits: typed left to right in any language */
    dl_text(dl, f.x + 14, f.y + 35, 24, C_TEXT, 0, 0, "%s_", s->typed);
    dl->cmd[dl->n - 1].dir = 1;
    dl->cmd[dl->n - 1].max_w = f.w - 28;
    static const char *const keys[] = {[SIGNIN_EMPTY] = "signin.empty",
                                       [SIGNIN_BAD_ID] = "signin.bad_id",
                                       [SIGNIN_TOO_LONG] = "signin.too_long",
                                       [SIGNIN_NOT_ROSTER] = "signin.not_roster",
                                       [SIGNIN_FAILED] = "signin.failed"};
    if (s->problem == SIGNIN_OK) return;
    desk_rect p = {INNER_X - 2, PROBLEM_Y - 18, INNER_W + 4, 52};
    dl_box(dl, p);
    dl_text(dl, INNER_X, PROBLEM_Y, 15, C_RED, 1, 0, "%s", tr(s, keys[s->problem]));
    dl->cmd[dl->n - 1].max_w = -INNER_W;
    dl->cmd[dl->n - 1].lines = 2;
}

static void draw_sessions(const signin_state *s, draw_list *dl) {
    dl_box(dl, dl_line_box(INNER_X, LIST_Y - 4, INNER_W));
    dl_text(dl, INNER_X, LIST_Y - 4, 16, C_TEXT, 1, 0, "%s", tr(s, "signin.session"));
    for (int i = 0; i < s->n_sessions; i++) {
        desk_rect r = signin_session_row(i);
        int on = i == s->chosen;
        dl_fill(dl, r, on ? C_BUTTON_ON : C_BUTTON);
        if (on) dl_frame(dl, r, 2, C_ACCENT);
        dl_box(dl, r);
        const signin_session *ss = &s->sessions[i];
        dl_text(dl, r.x + 12, r.y + 19, 15, C_TEXT, on, 0, "%s%s%s", ss->title,
                ss->exam ? " · " : "", ss->exam ? tr(s, "signin.exam") : "");
        draw_cmd *c = &dl->cmd[dl->n - 1];
        c->max_w = -(r.w - 24);
        c->lines = 2;
        if (s->measure && s->measure(s->measure_ud, c) == 1) c->y = r.y + 29; /* centred */
    }
}

void signin_draw(const signin_state *s, draw_list *dl) {
    dl->n = 0;
    dl->used = 0;
    dl_box(dl, (desk_rect){0, 0, 0, 0});
    dl_fill(dl, (desk_rect){0, 0, DESK_W, DESK_H}, C_BG);
    dl_fill(dl, CARD, C_DIALOG);
    dl_frame(dl, CARD, 1, C_ACCENT);
    dl_box(dl, (desk_rect){CARD.x + 8, 58, CARD.w - 16, 48});
    dl_text(dl, DESK_W / 2, 94, 28, C_TEXT, 1, 1, "%s", tr(s, "signin.title"));
    if (s->place[0]) {
        dl_box(dl, dl_line_box(INNER_X, 128, INNER_W));
        dl_text(dl, DESK_W / 2, 128, 16, C_DIM, 0, 1, "%s", s->place);
    }
    draw_field(s, dl);
    draw_sessions(s, dl);
    dl_box(dl, (desk_rect){INNER_X - 2, HINT_Y - 18, INNER_W + 4, 50});
    dl_text(dl, INNER_X, HINT_Y, 15, C_DIM, 0, 0, "%s",
            tr(s, s->n_sessions > 1 ? "signin.hint_many" : "signin.hint"));
    dl->cmd[dl->n - 1].max_w = -INNER_W;
    dl->cmd[dl->n - 1].lines = 2;
    if (i18n_rtl(s->lang)) dl_mirror(dl);
}
