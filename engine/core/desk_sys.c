/* desk_sys.c - see desk_sys.h: the systems panel's buttons, what each does
 * and logs, and its input. */
#include "desk_sys.h"

#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "scenario.h"

static const char *const tab_ids[SYS_TABS] = {"api", "pnr", "checks", "registry"};
static const char *const act_ids[] = {"seize", "hold_and_notify", "refer", "record_only",
                                      "inform_subject"};

desk_rect desk_sys_panel(void) {
    return desk_layout.compare;
}

desk_rect desk_sys_photo_rect(int i) {
    desk_rect p = desk_sys_panel();
    return (desk_rect){p.x + 560 + i * 206, p.y + 64, 160, 200};
}

/* ------------------------------------------------------------ buttons */

static void api_buttons(const desk_state *st, pbtn_list *l, desk_rect p) {
    if (st->sys_info.has_api)
        pbtn_add(l, SB_MISMATCH, 0, (desk_rect){p.x + 20, p.y + 390, 440, 36}, "sys.mismatch",
                 st->sys.mismatch, 1);
}

/* Every PNR line can be marked as a concern; each risk rule's hit is
 * reviewed by a person. */
static void pnr_buttons(const desk_state *st, pbtn_list *l, desk_rect p) {
    const desk_sys_info *in = &st->sys_info;
    for (int i = 0; i < in->n_pnr; i++)
        pbtn_add(l, SB_CONCERN, i, (desk_rect){p.x + 16, p.y + 96 + i * 21, 520, 20}, "",
                 (int)(st->sys.concern >> i & 1), 1);
    for (int r = 0; r < in->n_rules; r++)
        pbtn_add(l, SB_REVIEW, r, (desk_rect){p.x + 560, p.y + 180 + r * 104, 400, 28},
                 "sys.review", (int)(st->sys.reviewed >> r & 1), 1);
}

static void hit_buttons(const desk_state *st, pbtn_list *l, desk_rect p) {
    const desk_sys_state *s = &st->sys;
    int li = s->list, h = s->hit;
    const desk_sys_hit *hit = &st->sys_info.hits[li][h];
    int cmp = (int)(s->compared[li] >> h & 1), v = s->verdict[li][h];
    int x = p.x + 20, y = p.y + 318;
    pbtn_add(l, SB_COMPARE, 0, (desk_rect){x, y, 300, 32}, "sys.compare", cmp, 1);
    pbtn_add(l, SB_SAME, 0, (desk_rect){x, y + 38, 300, 32}, "sys.same", v == 1, cmp);
    pbtn_add(l, SB_NOT_SAME, 0, (desk_rect){x, y + 76, 300, 32}, "sys.not_same", v == 2, cmp);
    char k[48];
    static const int acts[] = {CHK_SEIZE, CHK_HOLD_NOTIFY, CHK_RECORD_ONLY, SYS_ACT_INFORM};
    for (int i = 0, row = 0; i < 4; i++) {
        int a = acts[i];
        if (a == CHK_SEIZE && hit->list != CHK_SLTD) continue; /* a person is not seized */
        pbtn_add(l, SB_ACTION, a, (desk_rect){x + 320, y + row++ * 38, 300, 32},
                 (snprintf(k, sizeof k, "sys.act.%s", act_ids[a]), k),
                 (int)(s->actions[li][h] >> a & 1), 1);
    }
    pbtn_add(l, SB_BACK, 0, (desk_rect){x, y + 200, 300, 32}, "sys.back", 0, 1);
}

static void check_buttons(const desk_state *st, pbtn_list *l, desk_rect p) {
    const desk_sys_state *s = &st->sys;
    if (s->hit >= 0) {
        hit_buttons(st, l, p);
        return;
    }
    char k[48];
    for (int li = 0; li < SYS_LISTS; li++)
        pbtn_add(l, SB_SEARCH, li, (desk_rect){p.x + 20, p.y + 96 + li * 40, 320, 34},
                 (snprintf(k, sizeof k, "sys.search.%s", chk_list_name(li)), k),
                 (int)(s->searched >> li & 1), 1);
    int y = p.y + 96;
    for (int li = 0; li < SYS_LISTS; li++) {
        if (!(s->searched >> li & 1)) continue;
        y += 26; /* the list's heading */
        for (int h = 0; h < st->sys_info.n_hits[li]; h++, y += 36)
            pbtn_add(l, SB_HIT, li * SYS_HITS + h, (desk_rect){p.x + 356, y, 604, 32}, "",
                     s->verdict[li][h] != 0, 1);
        if (!st->sys_info.n_hits[li]) y += 26;
    }
}

static void registry_buttons(const desk_state *st, pbtn_list *l, desk_rect p) {
    const desk_sys_state *s = &st->sys;
    const desk_traveler *t = desk_current_traveler(st);
    int x = p.x + 20, y = p.y + 96, on = st->sys_info.registry != 0;
    pbtn_add(l, SB_REGISTRY, 0, (desk_rect){x, y, 420, 34}, "sys.reg.query", s->reg_asked, on);
    pbtn_add(l, SB_CONSULATE, 0, (desk_rect){x, y + 40, 420, 34}, "sys.cons.ask", s->cons_asked,
             on);
    pbtn_add(l, SB_ETD, 0, (desk_rect){x, y + 80, 420, 34}, "sys.etd", s->etd_asked,
             s->cons_asked && st->sys_info.consulate == CONS_CONFIRM);
    pbtn_add(l, SB_VOLUNTARY, 0, (desk_rect){x, y + 120, 420, 34}, "sys.voluntary", s->voluntary,
             t->return_case);
    pbtn_add(l, SB_BEST_INTERESTS, 0, (desk_rect){x, y + 160, 420, 34}, "sys.best_interests",
             s->best_interests, t->return_case && t->age > 0 && t->age < 18);
}

int desk_sys_buttons(const desk_state *st, sys_button *out, int cap) {
    pbtn_list l = {out, 0, cap};
    desk_rect p = desk_sys_panel();
    char k[48];
    for (int t = 0; t < SYS_TABS; t++)
        pbtn_add(&l, SB_TAB, t,
                 (desk_rect){p.x + p.w - 20 - (SYS_TABS - t) * 174 + 4, p.y + 12, 170, 36},
                 (snprintf(k, sizeof k, "sys.tab.%s", tab_ids[t]), k), st->sys.tab == t, 1);
    if (st->sys.tab == SYS_TAB_API)
        api_buttons(st, &l, p);
    else if (st->sys.tab == SYS_TAB_PNR)
        pnr_buttons(st, &l, p);
    else if (st->sys.tab == SYS_TAB_CHECKS)
        check_buttons(st, &l, p);
    else
        registry_buttons(st, &l, p);
    return l.n;
}

/* ------------------------------------------------------------ actions */

void desk_sys_reset(desk_state *st) {
    memset(&st->sys, 0, sizeof st->sys);
    st->sys.focus = -1;
    st->sys.hit = -1;
    memset(&st->sys_info, 0, sizeof st->sys_info);
}

void desk_act_sys(desk_state *st, desk_log_fn log, void *ud) {
    int on = !st->sys_panel;
    desk_close_panels(st);
    st->sys_panel = on;
    if (!on && st->second.active) st->second.panel = 1; /* back to the second-line stage */
    st->sys.focus = -1;
    if (on && st->sys.tab == SYS_TAB_API) st->sys.api_seen = 1;
    desk_emit(st, log, ud, "sys_panel", desk_current_traveler(st)->id, "{\"on\": %s}",
              on ? "true" : "false");
}

static const char *tid(const desk_state *st) {
    return desk_current_traveler(st)->id;
}

/* The params every hit's log entry carries: which hit, which of the
 * scenario's records, and what the officer knew when acting on it. */
static void hit_emit(desk_state *st, desk_log_fn log, void *ud, const char *action,
                     const char *extra_key, const char *extra) {
    const desk_sys_state *s = &st->sys;
    int li = s->list, h = s->hit;
    const desk_sys_hit *hit = &st->sys_info.hits[li][h];
    desk_emit(st, log, ud, action, tid(st),
              "{\"list\": \"%s\", \"hit\": %d, \"check\": %d, \"category\": \"%s\", \"basis\": "
              "\"%s\", \"compared\": %s, \"verdict\": %d, \"%s\": \"%s\"}",
              chk_list_name(li), h + 1, hit->check, chk_category_name(hit->category),
              chk_basis_name(hit->basis), s->compared[li] >> h & 1 ? "true" : "false",
              s->verdict[li][h], extra_key, extra);
}

static void search(desk_state *st, int li, desk_log_fn log, void *ud) {
    st->sys.searched |= 1u << li;
    int n = st->sys_info.n_hits[li], checks = 0;
    for (int h = 0; h < n; h++)
        checks += st->sys_info.hits[li][h].check >= 0;
    desk_emit(st, log, ud, "db_search", tid(st),
              "{\"list\": \"%s\", \"hits\": %d, \"scenario_hits\": %d}", chk_list_name(li), n,
              checks);
}

static void hit_press(desk_state *st, const sys_button *b, desk_log_fn log, void *ud) {
    desk_sys_state *s = &st->sys;
    int li = s->list, h = s->hit;
    switch (b->kind) {
    case SB_COMPARE:
        s->compared[li] |= 1u << h;
        hit_emit(st, log, ud, "hit_compare", "with", "birth_date photo");
        break;
    case SB_SAME:
    case SB_NOT_SAME:
        s->verdict[li][h] = b->kind == SB_SAME ? 1 : 2;
        hit_emit(st, log, ud, "hit_verdict", "answer", b->kind == SB_SAME ? "same" : "not_same");
        break;
    case SB_ACTION:
        s->actions[li][h] ^= 1u << b->arg;
        if (s->actions[li][h] >> b->arg & 1)
            hit_emit(st, log, ud, "hit_action", "action", act_ids[b->arg]);
        break;
    case SB_BACK:
        s->hit = -1;
        break;
    default:
        break;
    }
}

static void registry_press(desk_state *st, int kind, desk_log_fn log, void *ud) {
    desk_sys_state *s = &st->sys;
    const desk_sys_info *in = &st->sys_info;
    if (kind == SB_REGISTRY) {
        s->reg_asked = 1;
        desk_emit(st, log, ud, "registry_query", tid(st), "{\"state\": \"%s\", \"result\": \"%s\"}",
                  in->reg_state, scn_reg_name(in->registry));
    } else if (kind == SB_CONSULATE) {
        s->cons_asked = 1;
        desk_emit(st, log, ud, "consulate_contact", tid(st),
                  "{\"state\": \"%s\", \"outcome\": \"%s\"}", in->reg_state,
                  scn_cons_name(in->consulate));
    } else if (kind == SB_ETD) {
        s->etd_asked = 1;
        desk_emit(st, log, ud, "etd_request", tid(st), "{\"issued\": %s}",
                  in->etd ? "true" : "false");
    } else if (kind == SB_VOLUNTARY) {
        s->voluntary = 1;
        desk_emit(st, log, ud, "return_voluntary", tid(st), "{}");
    } else if (kind == SB_BEST_INTERESTS) {
        s->best_interests = 1;
        desk_emit(st, log, ud, "best_interests", tid(st), "{}");
    }
}

static void press(desk_state *st, const sys_button *b, desk_log_fn log, void *ud) {
    desk_sys_state *s = &st->sys;
    if (!b->active) return;
    switch (b->kind) {
    case SB_TAB:
        s->tab = b->arg;
        if (s->tab == SYS_TAB_API) s->api_seen = 1;
        desk_emit(st, log, ud, "sys_tab", tid(st), "{\"tab\": \"%s\"}", tab_ids[s->tab]);
        break;
    case SB_MISMATCH:
        s->mismatch = !s->mismatch;
        desk_emit(st, log, ud, "api_mismatch", tid(st), "{\"on\": %s}",
                  s->mismatch ? "true" : "false");
        break;
    case SB_CONCERN:
        s->concern ^= 1u << b->arg;
        desk_emit(st, log, ud, "pnr_concern", tid(st),
                  "{\"line\": %d, \"sensitive\": %s, \"on\": %s, \"text\": \"%s\"}", b->arg + 1,
                  st->sys_info.pnr_sensitive[b->arg] ? "true" : "false",
                  s->concern >> b->arg & 1 ? "true" : "false", st->sys_info.pnr[b->arg]);
        break;
    case SB_REVIEW:
        s->reviewed |= 1u << b->arg;
        desk_emit(st, log, ud, "pnr_review", tid(st), "{\"rule\": \"%s\"}",
                  st->sys_info.rule[b->arg]);
        break;
    case SB_SEARCH:
        search(st, b->arg, log, ud);
        break;
    case SB_HIT:
        s->list = b->arg / SYS_HITS, s->hit = b->arg % SYS_HITS;
        hit_emit(st, log, ud, "hit_open", "ref", st->sys_info.hits[s->list][s->hit].ref);
        break;
    case SB_REGISTRY:
    case SB_CONSULATE:
    case SB_ETD:
    case SB_VOLUNTARY:
    case SB_BEST_INTERESTS:
        registry_press(st, b->kind, log, ud);
        break;
    default:
        hit_press(st, b, log, ud);
        break;
    }
}

int desk_sys_input(desk_state *st, const input_event *ev, desk_log_fn log, void *ud) {
    sys_button bs[SYS_MAX_BUTTONS];
    int n = desk_sys_buttons(st, bs, SYS_MAX_BUTTONS);
    sys_button tab = {.kind = SB_TAB, .arg = (st->sys.tab + 1) % SYS_TABS, .active = 1};
    return pbtn_input(st, ev, desk_sys_panel(), bs, n, &st->sys.focus, &tab, press, log, ud);
}
