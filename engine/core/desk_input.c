/* desk_input.c - desk_step (see desk.h): which input event means which
 * action, in which mode. One step function per desk_mode, chosen from a
 * table indexed by the mode; what an action changes and logs is
 * desk_act.c's, where things are on the screen is desk_layout's table (the
 * same rectangles desk_draw draws).
 */
#include <math.h>
#include <string.h>

#include "desk_ident.h"
#include "desk_second.h"
#include "desk_sys.h"
#include "desk_internal.h"

typedef int (*mode_step_fn)(desk_state *st, const input_event *ev, desk_log_fn log, void *ud);

static int left_click(const input_event *ev) {
    return ev->kind == EV_DOWN && ev->button == BUTTON_LEFT;
}

static int key(const input_event *ev, int k) {
    return ev->kind == EV_KEY && ev->key == k;
}

static int arrow(const input_event *ev) {
    return ev->kind == EV_KEY && ev->key >= KEY_UP && ev->key <= KEY_RIGHT;
}

static int number_key(int k) { /* 1..9, 0 -> 0..9 */
    if (k >= KEY_1 && k <= KEY_9) return k - KEY_1;
    if (k == KEY_0) return 9;
    return -1;
}

/* The row of a `rows`-row menu a number key or a click picks, or -1. */
static int menu_pick(const input_event *ev, int rows) {
    if (ev->kind == EV_KEY) return number_key(ev->key);
    if (left_click(ev)) return desk_layout_menu_row_at(ev->x, ev->y, rows);
    return -1;
}

/* ------------------------------------------------------------ commands */

/* The tools that act on the top document, or only change the mode. */
static void open_top(desk_state *st, desk_log_fn log, void *ud) {
    desk_act_open(st, desk_top_doc(st), log, ud);
}

static void turn_top(desk_state *st, desk_log_fn log, void *ud) {
    desk_act_turn(st, desk_top_doc(st), log, ud);
}

static void start_flag(desk_state *st, desk_log_fn log, void *ud) {
    (void)log, (void)ud;
    desk_act_flag_start(st);
}

/* Each toolbar button's key, and what either does while examining: a light
 * (the buttons are in light_kind order), a decision to confirm, or a tool. */
static const struct {
    int key;
    int decision;
    void (*tool)(desk_state *st, desk_log_fn log, void *ud);
} commands[DESK_BTN_COUNT] = {
    [DESK_BTN_LIGHT0] = {KEY_1},
    [DESK_BTN_LIGHT1] = {KEY_2},
    [DESK_BTN_LIGHT2] = {KEY_3},
    [DESK_BTN_LIGHT3] = {KEY_4},
    [DESK_BTN_LIGHT4] = {KEY_5},
    [DESK_BTN_LIGHT5] = {KEY_6},
    [DESK_BTN_LOUPE] = {KEY_L, .tool = desk_act_loupe},
    [DESK_BTN_MRZ] = {KEY_M, .tool = desk_act_mrz},
    [DESK_BTN_REF] = {KEY_R, .tool = desk_act_reference},
    [DESK_BTN_FLAG] = {KEY_F, .tool = start_flag},
    [DESK_BTN_ADMIT] = {KEY_A, .decision = DECIDE_ADMIT},
    [DESK_BTN_REFUSE] = {KEY_X, .decision = DECIDE_REFUSE},
    [DESK_BTN_SECOND] = {KEY_S, .decision = DECIDE_SECOND_LINE},
    [DESK_BTN_PROTECT] = {KEY_P, .decision = DECIDE_PROTECTION},
    [DESK_BTN_OPEN] = {KEY_O, .tool = open_top},
    [DESK_BTN_TURN] = {KEY_T, .tool = turn_top},
    [DESK_BTN_IDENT] = {KEY_B, .tool = desk_act_ident},
    [DESK_BTN_SYS] = {KEY_Y, .tool = desk_act_sys},
    [DESK_BTN_HELP] = {KEY_F1, .tool = desk_act_help},
    [DESK_BTN_LANG] = {KEY_F2, .tool = desk_act_language},
    [DESK_BTN_INTERP] = {KEY_I, .tool = desk_act_interpreter},
    [DESK_BTN_ALONE] = {KEY_C, .tool = desk_act_separate},
};

static void command(desk_state *st, int b, desk_log_fn log, void *ud) {
    if (b >= DESK_BTN_LIGHT0 && b <= DESK_BTN_LIGHT5)
        desk_act_light(st, LIGHT_VISIBLE + (b - DESK_BTN_LIGHT0), log, ud);
    else if (commands[b].decision)
        desk_act_decide(st, commands[b].decision);
    else
        commands[b].tool(st, log, ud);
}

static int key_command(int k) {
    for (int b = 0; b < DESK_BTN_COUNT; b++)
        if (commands[b].key == k) return b;
    return -1;
}

/* ------------------------------------------------------------ examining */

/* Arrows move the pointer while the loupe is on, else the top document
 * (which keeps a corner on the desk). */
static void examine_arrow(desk_state *st, int k, desk_log_fn log, void *ud) {
    int dx = k == KEY_LEFT ? -1 : k == KEY_RIGHT ? 1 : 0;
    int dy = k == KEY_UP ? -1 : k == KEY_DOWN ? 1 : 0;
    int d = desk_doc_host(st, desk_top_doc(st)); /* a visa on its page: its passport */
    if (st->loupe) {
        st->mx = st->mx + 8 * dx, st->my = st->my + 8 * dy;
    } else if (d >= 0) {
        const desk_rect desk = desk_layout.desk;
        desk_doc *doc = &st->docs[d];
        doc->x = fmin(fmax(doc->x + 10 * dx, desk.x - doc->w + 40), desk.x + desk.w - 40);
        doc->y = fmin(fmax(doc->y + 10 * dy, desk.y - doc->h + 40), desk.y + desk.h - 40);
        desk_act_moved(st, d, log, ud);
    }
}

/* The finding whose delete box (or, unless box_only, area) is under the
 * point, on a document showing its side; -1 when none. */
static int finding_at(const desk_state *st, int x, int y, int box_only) {
    for (int i = st->n_findings - 1; i >= 0; i--) {
        const desk_finding *f = &st->findings[i];
        const desk_doc *doc = &st->docs[f->doc];
        if (doc->closed || doc->side != f->side) continue;
        desk_rect area, box;
        desk_finding_rect(st, f, &area, &box);
        if (desk_rect_hit(box, x, y)) return i;
        if (!box_only && desk_rect_hit(area, x, y)) return i;
    }
    return -1;
}

/* Escape closes what is open; with nothing open it asks to leave the desk. */
static void examine_escape(desk_state *st, desk_log_fn log, void *ud) {
    if (desk_any_panel(st))
        desk_close_panels(st);
    else
        desk_act_ask_quit(st, log, ud);
}

static void examine_key(desk_state *st, int k, desk_log_fn log, void *ud) {
    if (k == KEY_ESCAPE) {
        examine_escape(st, log, ud);
    } else if (k == KEY_Q && desk_current_traveler(st)->n_questions > 0) {
        st->mode = DESK_ASK;
        st->ask_page = 0;
    } else if (k == KEY_DELETE) {
        int f = finding_at(st, st->mx, st->my, 0);
        if (f >= 0) desk_act_unflag(st, f, log, ud);
    } else if (k == KEY_H) {
        desk_act_transcript(st, log, ud);
    } else if (k == KEY_V) {
        desk_act_compare(st, log, ud);
    } else if (k == KEY_E) {
        desk_act_findings(st, log, ud);

    } else if ((k == KEY_UP || k == KEY_DOWN) && st->transcript) {
        desk_act_transcript_scroll(st, k == KEY_UP ? 1 : -1); /* back through it, or on */
    } else if (k >= KEY_UP && k <= KEY_RIGHT) {
        examine_arrow(st, k, log, ud);
    } else if (k == KEY_TAB && st->n_docs > 1) {
        desk_act_pick_up(st, st->order[0], log, ud); /* the bottom document comes to the top */
    } else if (k == KEY_PAGEUP || k == KEY_PAGEDOWN) {
        desk_act_page(st, desk_top_doc(st), k == KEY_PAGEDOWN ? 1 : -1, log, ud);
    } else if (k == KEY_PLUS || k == KEY_MINUS) {
        desk_act_zoom(st, k == KEY_PLUS ? 1 : -1, log, ud);
    } else if (k == KEY_LBRACKET || k == KEY_RBRACKET) {
        desk_act_tilt(st, k == KEY_RBRACKET ? 1 : -1, log, ud);
    } else {
        int c = key_command(k);
        if (c >= 0) command(st, c, log, ud);
    }
}

/* A click asks the question under it; -1: not on the questions. */
static int ask_at(desk_state *st, int x, int y, desk_log_fn log, void *ud) {
    if (!desk_rect_hit(desk_layout.questions, x, y)) return -1;
    desk_column col;
    desk_column_layout(st, &col);
    for (int r = 0; r < col.n_rows; r++)
        if (desk_rect_hit(col.row[r], x, y)) desk_act_ask(st, col.q[r], log, ud);
    return 0;
}

/* A left click: a button, a question, a finding's delete box, or a
 * document (brought to the top; opened when closed, else dragged). */
static void examine_click(desk_state *st, int x, int y, desk_log_fn log, void *ud) {
    int b = desk_layout_button_at(x, y);
    if (b == DESK_BTN_INTERP && desk_current_traveler(st)->n_questions == 0) b = -1;
    if (b == DESK_BTN_ALONE && !desk_current_traveler(st)->companion) b = -1;
    if (b >= 0) {
        command(st, b, log, ud);
        return;
    }
    if (ask_at(st, x, y, log, ud) == 0) return;
    if (st->answer_q >= 0 && desk_rect_hit(desk_layout.answer, x, y)) { /* the whole interview */
        desk_act_transcript(st, log, ud);
        return;
    }
    if (desk_rect_hit(desk_layout.findings_line, x, y)) {
        desk_act_findings(st, log, ud);
        return;
    }
    if (st->ref_panel && desk_rect_hit(desk_layout.ref_compare, x, y)) {
        desk_act_compare(st, log, ud);
        return;
    }
    if (desk_panel_at(st, x, y)) return; /* a panel over the desk: not the documents under it */
    int f = finding_at(st, x, y, 1);
    if (f >= 0) {
        desk_act_unflag(st, f, log, ud);
        return;
    }
    if (desk_pages_click(st, x, y, log, ud)) return;              /* a passport's page plate */
    int d = desk_doc_host(st, desk_doc_at(st, x, y, NULL, NULL)); /* a visa moves with its page */
    if (d < 0) return;
    if (desk_top_doc(st) != d) desk_act_pick_up(st, d, log, ud);
    if (st->docs[d].closed) {
        desk_act_open(st, d, log, ud);
        return;
    }
    st->mode = DESK_DRAG;
    st->drag_doc = d;
    st->drag_dx = x - st->docs[d].x;
    st->drag_dy = y - st->docs[d].y;
}

/* A recorded "ask ID": the question with that id, when it is on offer. */
static void ask_by_id(desk_state *st, const char *id, desk_log_fn log, void *ud) {
    int av[DESK_MAX_QUESTIONS], n = desk_available_questions(st, av, DESK_MAX_QUESTIONS);
    for (int i = 0; i < n; i++)
        if (!strcmp(desk_current_traveler(st)->questions[av[i]].id, id)) {
            desk_act_ask(st, av[i], log, ud);
            return;
        }
}

static int step_examine(desk_state *st, const input_event *ev, desk_log_fn log, void *ud) {
    if (key(ev, KEY_K)) return desk_tutorial_skip(st, log, ud);
    if (st->ident_panel && desk_ident_input(st, ev, log, ud)) return 0;
    if (st->sys_panel && desk_sys_input(st, ev, log, ud)) return 0;
    if (st->second.panel && desk_second_input(st, ev, log, ud)) return 0;
    if (ev->kind == EV_ASK) {
        ask_by_id(st, ev->text, log, ud);
    } else if (ev->kind == EV_KEY) {
        examine_key(st, ev->key, log, ud);
    } else if (ev->kind == EV_WHEEL && st->transcript &&
               desk_rect_hit(desk_layout.transcript, ev->x, ev->y)) {
        desk_act_transcript_scroll(st, ev->wheel > 0 ? 1 : -1);
    } else if (ev->kind == EV_WHEEL && st->loupe) {
        desk_act_zoom(st, ev->wheel > 0 ? 1 : -1, log, ud);
    } else if (ev->kind == EV_WHEEL && desk_doc_at(st, st->mx, st->my, NULL, NULL) >= 0) {
        desk_act_tilt(st, ev->wheel > 0 ? 1 : -1, log, ud); /* the top edge away, or back */
    } else if (left_click(ev)) {
        examine_click(st, ev->x, ev->y, log, ud);
    } else if (ev->kind == EV_DOWN && ev->button == BUTTON_RIGHT) {
        int d = desk_doc_at(st, ev->x, ev->y, NULL, NULL);
        if (d >= 0) desk_act_turn(st, d, log, ud);
    }
    return 0;
}

/* A document follows the mouse until the button is released (or the
 * window loses focus). */
static int step_drag(desk_state *st, const input_event *ev, desk_log_fn log, void *ud) {
    if (ev->kind == EV_FOCUS_LOST) {
        st->mode = DESK_EXAMINE;
        return 0;
    }
    if (ev->kind == EV_MOVE || ev->kind == EV_UP) {
        const desk_rect desk = desk_layout.desk;
        desk_doc *doc = &st->docs[st->drag_doc];
        double x = ev->x - st->drag_dx, y = ev->y - st->drag_dy;
        /* keep at least a corner on the desk so it can be picked up again */
        doc->x = fmin(fmax(x, desk.x - doc->w + 40), desk.x + desk.w - 40);
        doc->y = fmin(fmax(y, desk.y - doc->h + 40), desk.y + desk.h - 40);
    }
    if (ev->kind == EV_UP) {
        desk_act_moved(st, st->drag_doc, log, ud);
        st->mode = DESK_EXAMINE;
    }
    return 0;
}

/* ------------------------------------------------------------ findings */

/* Drawing a finding's rectangle on an open document: by mouse (press, drag,
 * release), or by keyboard (arrows move the pointer, Return starts and ends
 * the rectangle). */
static int step_flag_draw(desk_state *st, const input_event *ev, desk_log_fn log, void *ud) {
    if (arrow(ev)) {
        st->mx += 6 * (ev->key == KEY_LEFT ? -1 : ev->key == KEY_RIGHT ? 1 : 0);
        st->my += 6 * (ev->key == KEY_UP ? -1 : ev->key == KEY_DOWN ? 1 : 0);
        if (st->draft_active) st->draft_x1 = st->mx, st->draft_y1 = st->my;
        return 0;
    }
    if (key(ev, KEY_RETURN)) {
        input_event click = {0};
        click.kind = st->draft_active ? EV_UP : EV_DOWN;
        click.button = BUTTON_LEFT;
        /* desk_step mirrors screen coordinates again: hand it screen ones */
        click.x = desk_rtl(st) ? DESK_W - 1 - st->mx : st->mx, click.y = st->my;
        return desk_step(st, &click, log, ud);
    }
    if (key(ev, KEY_ESCAPE)) {
        st->mode = DESK_EXAMINE;
        st->draft_active = 0;
        desk_status(st, "status.flag_cancelled", 0, 0, 0);
    } else if (left_click(ev)) {
        int d = desk_doc_at(st, ev->x, ev->y, NULL, NULL);
        if (d < 0 || st->docs[d].closed) {
            desk_status(st, "status.flag_on_doc", 0, 0, 0);
            return 0;
        }
        st->draft_doc = d;
        st->draft_active = 1;
        st->draft_x0 = st->draft_x1 = ev->x;
        st->draft_y0 = st->draft_y1 = ev->y;
    } else if ((ev->kind == EV_MOVE || ev->kind == EV_UP) && st->draft_active) {
        st->draft_x1 = ev->x, st->draft_y1 = ev->y;
        if (ev->kind != EV_UP) return 0;
        if (fabs(st->draft_x1 - st->draft_x0) < 4 || fabs(st->draft_y1 - st->draft_y0) < 4) {
            st->draft_active = 0;
            desk_status(st, "status.flag_small", 0, 0, 0);
        } else {
            st->mode = DESK_FLAG_KIND;
        }
    }
    return 0;
}

/* Picking the finding's kind from the menu (a number or a click). */
static int step_flag_kind(desk_state *st, const input_event *ev, desk_log_fn log, void *ud) {
    (void)log, (void)ud;
    if (key(ev, KEY_ESCAPE)) {
        st->mode = DESK_EXAMINE;
        st->draft_active = 0;
        return 0;
    }
    int pick = menu_pick(ev, desk_finding_kind_count());
    if (pick >= 0 && pick < desk_finding_kind_count()) {
        st->pending_kind = pick;
        st->note[0] = '\0';
        st->mode = DESK_FLAG_NOTE;
    }
    return 0;
}

/* Typing the finding's note: text, Backspace (a whole UTF-8 character),
 * Return saves the finding, Escape discards it. */
static int step_flag_note(desk_state *st, const input_event *ev, desk_log_fn log, void *ud) {
    if (ev->kind == EV_TEXT) {
        size_t n = strlen(st->note), k = strlen(ev->text);
        if (n + k < sizeof st->note) memcpy(st->note + n, ev->text, k + 1);
    } else if (key(ev, KEY_BACKSPACE)) {
        size_t n = strlen(st->note);
        while (n > 0 && ((unsigned char)st->note[n - 1] & 0xC0) == 0x80)
            n--; /* UTF-8 */
        if (n > 0) n--;
        st->note[n] = '\0';
    } else if (key(ev, KEY_RETURN)) {
        desk_act_flag_save(st, log, ud);
    } else if (key(ev, KEY_ESCAPE)) {
        st->mode = DESK_EXAMINE;
        st->draft_active = 0;
        desk_status(st, "status.finding_discarded", 0, 0, 0);
    }
    return 0;
}

/* ------------------------------------------------------------ decisions */

/* Picking the kind of protection referral, then confirming it. */
static int step_protection(desk_state *st, const input_event *ev, desk_log_fn log, void *ud) {
    (void)log, (void)ud;
    if (key(ev, KEY_ESCAPE)) st->mode = DESK_EXAMINE;
    int pick = menu_pick(ev, PROTECT_COUNT - 1);
    if (pick >= 0 && pick < PROTECT_COUNT - 1) {
        st->pending_protection = pick + 1;
        st->mode = DESK_CONFIRM;
    }
    return 0;
}

/* Yes (Return, Y, its button) decides; No (Escape, N, its button) goes back
 * to examining; a refusal's reasons are given with G or their button. */
static int step_confirm(desk_state *st, const input_event *ev, desk_log_fn log, void *ud) {
    int down = ev->kind == EV_DOWN;
    if (st->pending_decision == DECIDE_REFUSE &&
        (key(ev, KEY_G) || (down && desk_rect_hit(desk_layout.confirm_reasons, ev->x, ev->y)))) {
        desk_act_reasons(st, log, ud);
        return 0;
    }
    if (key(ev, KEY_RETURN) || key(ev, KEY_Y) ||
        (down && desk_rect_hit(desk_layout.confirm_yes, ev->x, ev->y)))
        return desk_act_confirm(st, log, ud);
    if (key(ev, KEY_ESCAPE) || key(ev, KEY_N) ||
        (down && desk_rect_hit(desk_layout.confirm_no, ev->x, ev->y))) {
        st->mode = DESK_EXAMINE;
        desk_status(st, "status.decision_cancelled", 0, 0, 0);
    }
    return 0;
}

/* Picking a question from the menu, ten to a page: Tab shows the next
 * page, a number or a click picks on the page shown. */
static int step_ask(desk_state *st, const input_event *ev, desk_log_fn log, void *ud) {
    int av[DESK_MAX_QUESTIONS], all = desk_available_questions(st, av, DESK_MAX_QUESTIONS);
    int pages = (all + 9) / 10;
    if (pages > 0 && key(ev, KEY_TAB)) st->ask_page = (st->ask_page + 1) % pages;
    if (st->ask_page >= pages) st->ask_page = 0;
    int first = st->ask_page * 10, n = all - first < 10 ? all - first : 10;
    if (key(ev, KEY_ESCAPE)) st->mode = DESK_EXAMINE;
    int pick = menu_pick(ev, n);
    if (pick >= 0 && pick < n) {
        st->mode = DESK_EXAMINE;
        desk_act_ask(st, av[first + pick], log, ud);
    }
    return 0;
}

/* Within a debrief: Tab turns the page (documents, interview), Up and Down
 * show the other documents. 1 when the event was one of these. */
static int debrief_browse(desk_state *st, const input_event *ev) {
    if (key(ev, KEY_TAB)) {
        st->debrief_page = !st->debrief_page;
        return 1;
    }
    if (key(ev, KEY_UP) || key(ev, KEY_DOWN)) {
        int n = st->n_docs > 0 ? st->n_docs : 1;
        st->debrief_doc = (st->debrief_doc + (ev->key == KEY_DOWN ? 1 : n - 1)) % n;
        return 1;
    }
    return 0;
}

/* The debrief after a decision: Return, Escape or a click moves on. */
static int step_debrief(desk_state *st, const input_event *ev, desk_log_fn log, void *ud) {
    if (debrief_browse(st, ev)) return 0;
    if (key(ev, KEY_RETURN) || key(ev, KEY_ESCAPE) || left_click(ev)) {
        desk_emit(st, log, ud, "debrief_closed", desk_current_traveler(st)->id, "{}");
        return desk_next_traveler(st, log, ud);
    }
    return 0;
}

/* ------------------------------------------------------------ after the session */

/* The traveler of the summary's row (one row per decided traveler), or -1. */
static int summary_row_traveler(const desk_state *st, int row) {
    for (int i = 0, r = 0; i < st->session->n_travelers; i++)
        if (st->decided[i] && r++ == row) return i;
    return -1;
}

/* The summary: a number or a click on a case's row opens its debrief. */
static int step_done(desk_state *st, const input_event *ev, desk_log_fn log, void *ud) {
    if (key(ev, KEY_ESCAPE)) {
        desk_act_ask_quit(st, log, ud);
        return 0;
    }
    if (ev->kind == EV_KEY && ev->key >= KEY_1 && ev->key <= KEY_0)
        return desk_act_review(st, summary_row_traveler(st, ev->key - KEY_1), log, ud);
    if (left_click(ev)) {
        int row = desk_layout_summary_row_at(ev->y, st->n_decided);
        if (row >= 0) return desk_act_review(st, summary_row_traveler(st, row), log, ud);
    }
    return 0;
}

/* A case's debrief after the session: the arrows go to the case before or
 * after, Return, Escape or a click back to the summary. */
static int step_review(desk_state *st, const input_event *ev, desk_log_fn log, void *ud) {
    if (debrief_browse(st, ev)) return 0;
    if (key(ev, KEY_LEFT) || key(ev, KEY_RIGHT)) {
        int dir = ev->key == KEY_RIGHT ? 1 : -1;
        for (int i = st->review + dir; i >= 0 && i < st->session->n_travelers; i += dir)
            if (st->debriefs[i].ready) return desk_act_review(st, i, log, ud);
        return 0;
    }
    if (key(ev, KEY_RETURN) || key(ev, KEY_ESCAPE) || left_click(ev)) {
        st->mode = DESK_DONE;
        st->review = -1;
        st->n_docs = 0;
    }
    return 0;
}

/* ------------------------------------------------------------ desk_step */

static const mode_step_fn mode_steps[] = {
    [DESK_EXAMINE] = step_examine,     [DESK_DRAG] = step_drag,
    [DESK_FLAG_DRAW] = step_flag_draw, [DESK_FLAG_KIND] = step_flag_kind,
    [DESK_FLAG_NOTE] = step_flag_note, [DESK_PROTECTION] = step_protection,
    [DESK_CONFIRM] = step_confirm,     [DESK_ASK] = step_ask,
    [DESK_DEBRIEF] = step_debrief,     [DESK_DONE] = step_done,
    [DESK_REVIEW] = step_review,
};
_Static_assert(sizeof mode_steps / sizeof mode_steps[0] == DESK_REVIEW + 1,
               "a step function for every desk_mode");

/* Right-to-left languages mirror the screen: the desk works in unmirrored
 * coordinates, so mirror the pointer (and the arrows) on the way in. */
static input_event unmirrored(const desk_state *st, const input_event *ev) {
    input_event e = *ev;
    if (!desk_rtl(st)) return e;
    if (ev->kind == EV_MOVE || ev->kind == EV_DOWN || ev->kind == EV_UP) e.x = DESK_W - 1 - ev->x;
    if (key(ev, KEY_LEFT))
        e.key = KEY_RIGHT;
    else if (key(ev, KEY_RIGHT))
        e.key = KEY_LEFT;
    return e;
}

/* "Leave the desk?": Y, Return or its button leaves; N, Escape or the other
 * button stays. Nothing else happens while it is asked. */
static int step_quit(desk_state *st, const input_event *ev, desk_log_fn log, void *ud) {
    int yes = key(ev, KEY_Y) || key(ev, KEY_RETURN) ||
              (left_click(ev) && desk_rect_hit(desk_layout.quit_yes, ev->x, ev->y));
    int no = key(ev, KEY_N) || key(ev, KEY_ESCAPE) ||
             (left_click(ev) && desk_rect_hit(desk_layout.quit_no, ev->x, ev->y));
    if (yes) {
        st->quit_ask = 0, st->quit = 1;
        desk_emit(st, log, ud, "quit", st->session->id, "{\"decided\": %d, \"travelers\": %d}",
                  st->n_decided, st->session->n_travelers);
    } else if (no) {
        st->quit_ask = 0;
        desk_emit(st, log, ud, "quit_cancelled", st->session->id, "{}");
    }
    return 0;
}

int desk_step(desk_state *st, const input_event *ev_in, desk_log_fn log, void *ud) {
    if (!ev_in) return 0;
    input_event ev = unmirrored(st, ev_in);
    if (ev.kind == EV_MOVE || ev.kind == EV_DOWN || ev.kind == EV_UP) st->mx = ev.x, st->my = ev.y;
    if (st->quit) return 0;
    if (st->quit_ask) return step_quit(st, &ev, log, ud);
    if (left_click(&ev) && desk_rect_hit(desk_layout.buttons[DESK_BTN_QUIT].r, ev.x, ev.y)) {
        desk_act_ask_quit(st, log, ud); /* from any screen */
        return 0;
    }
    /* Help overlay: any key or click closes it (the summary shows none). */
    int over = st->mode == DESK_DONE || st->mode == DESK_REVIEW;
    if (st->help && !over && (ev.kind == EV_KEY || ev.kind == EV_DOWN)) {
        st->help = 0;
        return 0;
    }
    int changed = mode_steps[st->mode](st, &ev, log, ud);
    desk_pages_sync(st);              /* visas follow the passports they are stuck in */
    desk_tutorial_after(st, log, ud); /* a tutorial's step done? */
    return changed;
}
