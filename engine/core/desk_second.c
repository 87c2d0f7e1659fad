/* desk_second.c - see desk_second.h: the stage's buttons, what each does
 * and logs, and its input. */
#include "desk_second.h"

#include <stdio.h>
#include <string.h>

#include "desk_sys.h"
#include "scenario.h"

static const char *const reason_ids[SL_REASONS] = {
    "document", "database_hit", "api_mismatch", "pnr_risk", "account",
    "identity", "protection",   "nationality",  "religion", "appearance"};
static const char *const search_ids[] = {"", "none", "private_same_sex", "here"};

desk_rect desk_second_panel(void) {
    return desk_layout.compare;
}

/* ------------------------------------------------------------ buttons */

static void left_column(const desk_state *st, pbtn_list *l, desk_rect p) {
    const desk_second_state *s = &st->second;
    char k[48];
    int x = p.x + 20, y = p.y + 84;
    for (int r = 0; r < SL_REASONS; r++)
        pbtn_add(l, SLB_REASON, r, (desk_rect){x + (r % 2) * 232, y + r / 2 * 34, 226, 30},
                 (snprintf(k, sizeof k, "second.reason.%s", reason_ids[r]), k),
                 (int)(s->reasons >> r & 1), !s->reason_recorded);
    y += 5 * 34 + 4;
    pbtn_add(l, SLB_RECORD, 0, (desk_rect){x, y, 458, 32}, "second.record", s->reason_recorded,
             s->reasons != 0);
    y += 50;
    pbtn_add(l, SLB_EXPLAIN, 0, (desk_rect){x, y, 458, 32}, "second.explain", s->explained == 1, 1);
    y += 50;
    for (int k2 = SL_SEARCH_NONE; k2 <= SL_SEARCH_HERE; k2++, y += 36)
        pbtn_add(l, SLB_SEARCH, k2, (desk_rect){x, y, 458, 32},
                 (snprintf(k, sizeof k, "second.search.%s", search_ids[k2]), k), s->search == k2,
                 1);
}

static void right_column(const desk_state *st, pbtn_list *l, desk_rect p) {
    const desk_second_state *s = &st->second;
    const desk_traveler *t = desk_current_traveler(st);
    char k[48];
    int x = p.x + 500, y = p.y + 84;
    pbtn_add(l, SLB_SCREEN, 0, (desk_rect){x, y, 458, 32}, "second.screen", s->screened, 1);
    y += 36 + 3 * 22 + 6; /* what the screening revealed */
    for (int v = 0; v < VULN_COUNT; v++)
        pbtn_add(l, SLB_REFER, v, (desk_rect){x + (v % 2) * 232, y + v / 2 * 34, 226, 30},
                 (snprintf(k, sizeof k, "second.refer.%s", scn_vuln_name(v)), k),
                 (int)(s->referrals >> v & 1), 1);
    y += 3 * 34 + 8;
    if (t->second_family)
        pbtn_add(l, SLB_FAMILY, 0, (desk_rect){x, y, 458, 30}, "second.family", s->family, 1);
    y += 34;
    pbtn_add(l, SLB_HOLD, SL_HOLD_NO, (desk_rect){x, y, 226, 30}, "second.hold.no",
             s->hold == SL_HOLD_NO, 1);
    pbtn_add(l, SLB_HOLD, SL_HOLD_YES, (desk_rect){x + 232, y, 226, 30}, "second.hold.yes",
             s->hold == SL_HOLD_YES, 1);
    y += 34;
    pbtn_add(l, SLB_LAWYER, 0, (desk_rect){x, y, 226, 30}, "second.lawyer", s->lawyer, 1);
    pbtn_add(l, SLB_CONSUL, 0, (desk_rect){x + 232, y, 226, 30}, "second.consul", s->consul, 1);
    y += 34;
    pbtn_add(l, SLB_AUTHORITY, 0, (desk_rect){x, y, 458, 30}, "second.authority", s->authority, 1);
    y += 34;
    pbtn_add(l, SLB_WRITTEN, 0, (desk_rect){x, y, 458, 30}, "second.written", s->written, 1);
}

int desk_second_buttons(const desk_state *st, pbtn *out, int cap) {
    pbtn_list l = {out, 0, cap};
    desk_rect p = desk_second_panel();
    left_column(st, &l, p);
    right_column(st, &l, p);
    pbtn_add(&l, SLB_SYSTEMS, 0, (desk_rect){p.x + 20, p.y + p.h - 44, 220, 32}, "second.systems",
             0, 1);
    return l.n;
}

/* ------------------------------------------------------------ actions */

void desk_second_reset(desk_state *st) {
    memset(&st->second, 0, sizeof st->second);
    st->second.focus = -1;
}

double desk_second_clock(const desk_state *st) {
    return st->second.active ? (double)(st->frame - st->second.frame0) / DESK_FPS : 0;
}

void desk_second_begin(desk_state *st, desk_log_fn log, void *ud) {
    desk_second_reset(st);
    st->second.active = 1;
    st->second.frame0 = st->frame;
    st->mode = DESK_EXAMINE;
    desk_close_panels(st);
    st->second.panel = 1;
    desk_emit(st, log, ud, "second_line_start", desk_current_traveler(st)->id, "{\"case_s\": %.1f}",
              (double)(st->frame - st->case_frame0) / DESK_FPS);
}

void desk_act_second_panel(desk_state *st, desk_log_fn log, void *ud) {
    int on = !st->second.panel;
    desk_close_panels(st);
    st->second.panel = on;
    st->second.focus = -1;
    desk_emit(st, log, ud, "second_panel", desk_current_traveler(st)->id, "{\"on\": %s}",
              on ? "true" : "false");
}

/* Each step's entry carries the stage's clock. */
static void step_emit(desk_state *st, desk_log_fn log, void *ud, const char *action,
                      const char *what, const char *value) {
    desk_emit(st, log, ud, action, desk_current_traveler(st)->id,
              "{\"clock_s\": %.1f, \"%s\": \"%s\"}", desk_second_clock(st), what, value);
}

static void record_reasons(desk_state *st, desk_log_fn log, void *ud) {
    char list[256] = "";
    size_t n = 0;
    for (int r = 0; r < SL_REASONS; r++)
        if (st->second.reasons >> r & 1)
            n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", n ? " " : "", reason_ids[r]);
    st->second.reason_recorded = 1;
    step_emit(st, log, ud, "second_reason", "reasons", list);
}

/* The purpose is understood when said in a language the person speaks or
 * through the interpreter (desk_answer_language's rule for answers). */
static void explain(desk_state *st, desk_log_fn log, void *ud) {
    int foreign = 0;
    desk_answer_language(st, &foreign);
    st->second.explained = foreign ? 2 : 1;
    step_emit(st, log, ud, "second_explain", "understood", foreign ? "no" : "yes");
}

static void screen(desk_state *st, desk_log_fn log, void *ud) {
    unsigned found = desk_current_traveler(st)->second_found;
    char list[128] = "";
    size_t n = 0;
    for (int v = 0; v < VULN_COUNT; v++)
        if (found >> v & 1)
            n +=
                (size_t)snprintf(list + n, sizeof list - n, "%s%s", n ? " " : "", scn_vuln_name(v));
    st->second.screened = 1;
    step_emit(st, log, ud, "second_screen", "found", list);
}

static void toggle(desk_state *st, int *v, const char *action, desk_log_fn log, void *ud) {
    *v = !*v;
    step_emit(st, log, ud, action, "on", *v ? "yes" : "no");
}

static void press(desk_state *st, const pbtn *b, desk_log_fn log, void *ud) {
    desk_second_state *s = &st->second;
    switch (b->kind) {
    case SLB_REASON:
        s->reasons ^= 1u << b->arg;
        break;
    case SLB_RECORD:
        record_reasons(st, log, ud);
        break;
    case SLB_EXPLAIN:
        explain(st, log, ud);
        break;
    case SLB_SEARCH:
        s->search = b->arg;
        step_emit(st, log, ud, "second_search", "kind", search_ids[b->arg]);
        break;
    case SLB_SCREEN:
        screen(st, log, ud);
        break;
    case SLB_REFER: {
        int on = !(s->referrals >> b->arg & 1);
        s->referrals ^= 1u << b->arg;
        desk_emit(st, log, ud, "second_refer", desk_current_traveler(st)->id,
                  "{\"clock_s\": %.1f, \"kind\": \"%s\", \"on\": %s}", desk_second_clock(st),
                  scn_vuln_name(b->arg), on ? "true" : "false");
        break;
    }
    case SLB_FAMILY:
        s->family = 1;
        step_emit(st, log, ud, "second_family", "assessed", "individually");
        break;
    case SLB_HOLD:
        s->hold = b->arg;
        step_emit(st, log, ud, "second_hold", "hold", b->arg == SL_HOLD_YES ? "yes" : "no");
        break;
    case SLB_LAWYER:
        s->lawyer = 1;
        step_emit(st, log, ud, "second_rights", "offered", "lawyer");
        break;
    case SLB_CONSUL:
        s->consul = 1;
        step_emit(st, log, ud, "second_rights", "offered", "consul");
        break;
    case SLB_AUTHORITY:
        toggle(st, &s->authority, "second_authority", log, ud);
        break;
    case SLB_WRITTEN:
        s->written = 1;
        step_emit(st, log, ud, "second_written", "with", "reasons remedy");
        break;
    case SLB_SYSTEMS:
        desk_act_sys(st, log, ud);
        break;
    default:
        break;
    }
}

int desk_second_input(desk_state *st, const input_event *ev, desk_log_fn log, void *ud) {
    pbtn bs[SECOND_MAX_BUTTONS];
    int n = desk_second_buttons(st, bs, SECOND_MAX_BUTTONS);
    return pbtn_input(st, ev, desk_second_panel(), bs, n, &st->second.focus, NULL, press, log, ud);
}
