/* desk_act.c - what each thing a trainee does at the desk changes in the
 * state, and the action log's entry for it (see desk_internal.h). Which
 * input asks for which action, in which mode, is desk_input.c's business:
 * an action here does not look at events.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "desk_internal.h"
#include "desk_second.h"

/* ------------------------------------------------------------ tools */

void desk_act_light(desk_state *st, int l, desk_log_fn log, void *ud) {
    if (l == st->light) return;
    st->light = l;
    st->lights_used |= LIGHT_BIT(l);
    desk_emit(st, log, ud, "light", light_name((light_kind)l), "{}");
}

void desk_act_tilt(desk_state *st, int steps, desk_log_fn log, void *ud) {
    int t = st->tilt + steps * DESK_TILT_STEP;
    t = t < -DESK_TILT_MAX ? -DESK_TILT_MAX : t > DESK_TILT_MAX ? DESK_TILT_MAX : t;
    if (t == st->tilt) return;
    st->tilt = t;
    desk_emit(st, log, ud, "tilt", "", "{\"deg\": %d}", t);
}

void desk_act_loupe(desk_state *st, desk_log_fn log, void *ud) {
    st->loupe = !st->loupe;
    if (st->loupe) st->loupe_used = 1;
    desk_emit(st, log, ud, "loupe", "", "{\"on\": %s, \"zoom\": %d}", st->loupe ? "true" : "false",
              st->loupe_zoom);
}

/* The loupe's magnifications, as examiners' loupes and microscopes step:
 * fine steps where the desk's own view is, coarser up to 40x. */
static const int zooms[] = {2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40};
enum { N_ZOOMS = sizeof zooms / sizeof zooms[0] };

int desk_zoom_step(int zoom, int step) {
    int i = 0;
    while (i < N_ZOOMS - 1 && zooms[i] < zoom)
        i++;
    if (zooms[i] != zoom) return zooms[i]; /* not a step: the next one up */
    i += step > 0 ? 1 : step < 0 ? -1 : 0;
    return zooms[i < 0 ? 0 : i >= N_ZOOMS ? N_ZOOMS - 1 : i];
}

void desk_act_zoom(desk_state *st, int step, desk_log_fn log, void *ud) {
    int z = desk_zoom_step(st->loupe_zoom, step);
    if (z != st->loupe_zoom) {
        st->loupe_zoom = z;
        desk_emit(st, log, ud, "loupe_zoom", "", "{\"zoom\": %d}", z);
    }
}

void desk_act_mrz(desk_state *st, desk_log_fn log, void *ud) {
    if (!st->session->mrz_reader) {
        desk_status(st, "status.mrz_off", 0, 0, 0);
        desk_emit(st, log, ud, "mrz_reader", "", "{\"on\": false, \"refused\": true}");
        return;
    }
    int on = !st->mrz_panel;
    desk_close_panels(st);
    st->mrz_panel = on;
    if (on) st->mrz_used = 1;
    desk_emit(st, log, ud, "mrz_reader", "", "{\"on\": %s}", st->mrz_panel ? "true" : "false");
}

void desk_act_reference(desk_state *st, desk_log_fn log, void *ud) {
    int on = !st->ref_panel;
    desk_close_panels(st);
    st->ref_panel = on;
    if (on) st->reference_used = 1;
    char target[128] = "";
    if (desk_top_doc(st) >= 0) desk_doc_target(st, desk_top_doc(st), target, sizeof target);
    desk_emit(st, log, ud, "reference", target, "{\"on\": %s}", st->ref_panel ? "true" : "false");
}

void desk_act_transcript(desk_state *st, desk_log_fn log, void *ud) {
    if (desk_current_traveler(st)->n_questions == 0) return; /* no interview */
    int on = !st->transcript;
    desk_close_panels(st);
    st->transcript = on;
    st->transcript_scroll = 0;
    desk_emit(st, log, ud, "transcript", desk_current_traveler(st)->id, "{\"on\": %s}",
              st->transcript ? "true" : "false");
}

void desk_act_transcript_scroll(desk_state *st, int entries) {
    int v = st->transcript_scroll + entries, max = desk_transcript_scroll_max(st);
    st->transcript_scroll = v < 0 ? 0 : v > max ? max : v;
}

void desk_act_compare(desk_state *st, desk_log_fn log, void *ud) {
    int on = !st->compare;
    desk_close_panels(st);
    st->compare = on;
    if (on) st->reference_used = 1;
    char target[128] = "";
    if (desk_top_doc(st) >= 0) desk_doc_target(st, desk_top_doc(st), target, sizeof target);
    desk_emit(st, log, ud, "compare", target, "{\"on\": %s}", st->compare ? "true" : "false");
}

void desk_act_findings(desk_state *st, desk_log_fn log, void *ud) {
    int on = !st->findings_panel;
    desk_close_panels(st);
    st->findings_panel = on;
    desk_emit(st, log, ud, "findings_list", desk_current_traveler(st)->id, "{\"on\": %s}",
              st->findings_panel ? "true" : "false");
}

void desk_act_ask_quit(desk_state *st, desk_log_fn log, void *ud) {
    st->quit_ask = 1;
    st->help = 0;
    desk_emit(st, log, ud, "quit_asked", st->session->id, "{}");
}

void desk_act_help(desk_state *st, desk_log_fn log, void *ud) {
    st->help = !st->help;
    if (st->help) desk_emit(st, log, ud, "help", "", "{}");
}

void desk_act_language(desk_state *st, desk_log_fn log, void *ud) {
    if (st->n_langs > 1) desk_set_language(st, (st->lang + 1) % st->n_langs, log, ud);
}

/* ------------------------------------------------------------ interview */

void desk_act_interpreter(desk_state *st, desk_log_fn log, void *ud) {
    if (st->interpreter) {
        desk_status(st, "status.interpreter_here", 0, 0, 0);
        return;
    }
    st->interpreter = 1;
    desk_status(st, "status.interpreter", 0, 0, 0);
    desk_emit(st, log, ud, "interpreter", desk_current_traveler(st)->id, "{}");
}

/* The companion steps away: the traveler speaks for themselves (answer
 * rules see it as ctx.separated). */
void desk_act_separate(desk_state *st, desk_log_fn log, void *ud) {
    const desk_traveler *t = desk_current_traveler(st);
    if (!t->companion || st->separated) return;
    st->separated = 1;
    desk_emit(st, log, ud, "separate", t->id, "{}");
    desk_status(st, "status.separated", 0, 0, 0);
}

/* The reasons for a refusal, told to the traveler: understood when they
 * speak the desk's language or an interpreter is there (the score decides
 * which the case needed). */
void desk_act_reasons(desk_state *st, desk_log_fn log, void *ud) {
    st->reasons = st->interpreter ? 2 : 1;
    desk_emit(st, log, ud, "reasons", desk_current_traveler(st)->id, "{\"interpreter\": %s}",
              st->interpreter ? "true" : "false");
}

void desk_act_ask(desk_state *st, int q, desk_log_fn log, void *ud) {
    const desk_question *dq = &desk_current_traveler(st)->questions[q];
    st->asked[q]++;
    st->pending_ask = q;
    if (st->n_said < (int)(sizeof st->said / sizeof st->said[0])) {
        st->said_answer[st->n_said][0] = '\0';
        st->said[st->n_said++] = q;
    }
    desk_emit(st, log, ud, "ask", desk_current_traveler(st)->id,
              "{\"question\": \"%s\", \"forbidden\": %s, \"times\": %d}", dq->id,
              dq->forbidden ? "true" : "false", st->asked[q]);
}

/* ------------------------------------------------------------ documents */

void desk_act_open(desk_state *st, int d, desk_log_fn log, void *ud) {
    if (d < 0) return;
    d = desk_doc_host(st, d); /* the passport a visa is stuck in */
    const desk_doc_spec *ds = &st->session->travelers[st->traveler].docs[d];
    if (!ds->passport) {
        desk_status(st, "status.nothing_to_open", 0, 0, 0);
        return;
    }
    st->docs[d].closed = !st->docs[d].closed;
    desk_status(st, st->docs[d].closed ? "status.closed" : "status.opened", d + 1, 0, 0);
    if (!st->docs[d].closed) st->opened_docs |= 1u << d;
    char target[128];
    desk_doc_target(st, d, target, sizeof target);
    desk_emit(st, log, ud, st->docs[d].closed ? "close" : "open", target, "{}");
}

void desk_act_turn(desk_state *st, int d, desk_log_fn log, void *ud) {
    if (d < 0) return;
    d = desk_doc_host(st, d);
    if (desk_doc_pages(st, d) > 1 && !st->docs[d].closed) { /* a passport's next page */
        desk_act_page(st, d, 1, log, ud);
        return;
    }
    const desk_doc_spec *ds = &st->session->travelers[st->traveler].docs[d];
    if (ds->pieces < 2) {
        desk_status(st, "status.no_back", 0, 0, 0);
        return;
    }
    st->docs[d].side = !st->docs[d].side;
    if (st->docs[d].side) st->turned_docs |= 1u << d;
    char target[128];
    desk_doc_target(st, d, target, sizeof target);
    desk_emit(st, log, ud, "turn", target, "{\"side\": \"%s\"}",
              st->docs[d].side ? "back" : "front");
}

void desk_act_pick_up(desk_state *st, int d, desk_log_fn log, void *ud) {
    int k = 0;
    while (k < st->n_docs && st->order[k] != d)
        k++;
    for (; k < st->n_docs - 1; k++)
        st->order[k] = st->order[k + 1];
    st->order[st->n_docs - 1] = d;
    char target[128];
    desk_doc_target(st, d, target, sizeof target);
    desk_emit(st, log, ud, "pick_up", target, "{}");
}

void desk_act_moved(desk_state *st, int d, desk_log_fn log, void *ud) {
    char target[128];
    desk_doc_target(st, d, target, sizeof target);
    desk_emit(st, log, ud, "move", target, "{\"x\": %d, \"y\": %d}", (int)st->docs[d].x,
              (int)st->docs[d].y);
}

/* ------------------------------------------------------------ findings */

void desk_act_flag_start(desk_state *st) {
    st->mode = DESK_FLAG_DRAW;
    st->draft_active = 0;
    desk_status(st, "status.flag_start", 0, 0, 0);
}

void desk_act_unflag(desk_state *st, int i, desk_log_fn log, void *ud) {
    char target[128];
    desk_doc_target(st, st->findings[i].doc, target, sizeof target);
    desk_emit(st, log, ud, "unflag", target, "{\"id\": %d}", st->findings[i].id);
    for (int k = i; k < st->n_findings - 1; k++)
        st->findings[k] = st->findings[k + 1];
    st->n_findings--;
    desk_status(st, "status.finding_removed", 0, 0, 0);
}

void desk_act_flag_save(desk_state *st, desk_log_fn log, void *ud) {
    if (st->n_findings >= DESK_MAX_FINDINGS) {
        desk_status(st, "status.max_findings", DESK_MAX_FINDINGS, 0, 0);
        st->mode = DESK_EXAMINE;
        return;
    }
    const desk_doc *doc = &st->docs[st->draft_doc];
    desk_finding *f = &st->findings[st->n_findings++];
    memset(f, 0, sizeof *f);
    f->id = ++st->next_finding_id;
    f->doc = st->draft_doc;
    f->side = doc->side;
    double x0 = fmin(st->draft_x0, st->draft_x1), x1 = fmax(st->draft_x0, st->draft_x1);
    double y0 = fmin(st->draft_y0, st->draft_y1), y1 = fmax(st->draft_y0, st->draft_y1);
    x0 = fmax(x0, doc->x), y0 = fmax(y0, doc->y);
    x1 = fmin(x1, doc->x + doc->w), y1 = fmin(y1, doc->y + doc->h);
    f->x_mm = (desk_rtl(st) ? doc->x + doc->w - x1 : x0 - doc->x) / DESK_PX_PER_MM;
    f->y_mm = (y0 - doc->y) / DESK_PX_PER_MM;
    f->w_mm = (x1 - x0) / DESK_PX_PER_MM, f->h_mm = (y1 - y0) / DESK_PX_PER_MM;
    f->kind = st->pending_kind;
    st->flagged_kinds |= 1u << f->kind;
    snprintf(f->note, sizeof f->note, "%s", st->note);
    char target[128];
    desk_doc_target(st, f->doc, target, sizeof target);
    desk_emit(
        st, log, ud, "flag", target,
        "{\"id\": %d, \"kind\": \"%s\", \"side\": %d, \"region_mm\": [%.2f, %.2f, %.2f, %.2f], "
        "\"light\": \"%s\", \"note\": \"%s\"}",
        f->id, desk_finding_kind_get(f->kind)->id, f->side, f->x_mm, f->y_mm, f->w_mm, f->h_mm,
        light_name((light_kind)st->light), f->note);
    desk_status(st, f->note[0] ? "status.finding_saved_note" : "status.finding_saved", f->id, 0,
                f->kind);
    st->mode = DESK_EXAMINE;
    st->draft_active = 0;
    st->note[0] = '\0';
}

/* ------------------------------------------------------------ decisions */

void desk_act_decide(desk_state *st, int decision) {
    if (decision == DECIDE_SECOND_LINE && st->second.active) {
        desk_act_second_panel(st, NULL, NULL); /* already there: its panel */
        return;
    }
    st->pending_decision = decision;
    st->pending_protection = PROTECT_NONE;
    st->mode = decision == DECIDE_PROTECTION ? DESK_PROTECTION : DESK_CONFIRM;
}

int desk_act_confirm(desk_state *st, desk_log_fn log, void *ud) {
    const desk_traveler *t = &st->session->travelers[st->traveler];
    if (st->pending_decision == DECIDE_SECOND_LINE && t->second_stage && !st->second.active) {
        desk_second_begin(st, log, ud); /* the case goes on, at second line */
        return 0;
    }
    st->decisions[st->traveler] = st->pending_decision;
    st->decided[st->traveler] = 1;
    st->case_seconds[st->traveler] = (float)(st->frame - st->case_frame0) / DESK_FPS;
    st->n_decided++;
    st->last_decided = st->traveler;
    st->protections[st->traveler] = st->pending_protection;
    desk_emit(
        st, log, ud, "decide", t->id,
        "{\"decision\": \"%s\", \"protection\": \"%s\", \"findings\": %d, \"lights_used\": %u, "
        "\"mrz_reader_used\": %s, \"second_line\": %s}",
        decision_name(st->pending_decision), protection_name(st->pending_protection),
        st->n_findings, st->lights_used, st->mrz_used ? "true" : "false",
        st->second.active ? "true" : "false");
    if (st->session->debrief) { /* the app scores the case, then Return moves on */
        memset(&st->debrief, 0, sizeof st->debrief);
        st->mode = DESK_DEBRIEF;
        st->loupe = 0;
        desk_close_panels(st);
        return 0;
    }
    return desk_next_traveler(st, log, ud);
}

int desk_act_review(desk_state *st, int i, desk_log_fn log, void *ud) {
    if (i < 0 || i >= st->session->n_travelers || !st->debriefs[i].ready) return 0;
    desk_load_traveler(st, i);
    st->review = i;
    st->debrief = st->debriefs[i];
    st->mode = DESK_REVIEW;
    desk_emit(st, log, ud, "review", st->session->travelers[i].id, "{\"index\": %d}", i + 1);
    return 1;
}
