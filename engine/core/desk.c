/* desk.c - the desk's state (see desk.h): sessions and their travelers, the
 * queue (who is at the counter, who was decided, who timed out), the clock,
 * what the app hands in (documents' details, answers, debriefs, results),
 * and the action log's entries. What a trainee's input does is in
 * desk_input.c and desk_act.c; what the screen shows, in desk_draw*.c.
 */
#include "desk.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "defect.h"
#include "desk_ident.h"
#include "desk_internal.h"
#include "desk_second.h"
#include "desk_sys.h"
#include "jsonfmt.h"
#include "scenario.h"
#include "tpl.h"

/* ------------------------------------------------------------ session */

static void doc_spec(desk_doc_spec *d, const char *tpl, uint64_t seed, unsigned defects) {
    memset(d, 0, sizeof *d);
    snprintf(d->template_id, sizeof d->template_id, "%s", tpl);
    d->seed = seed;
    d->defects = defects;
}

void desk_session_default(desk_session *s) {
    memset(s, 0, sizeof *s);
    snprintf(s->id, sizeof s->id, "default");
    s->today = (bl_date){2026, 6, 1};
    s->mrz_reader = 1;
    s->debrief = 1;
    s->n_travelers = 3;
    desk_traveler *t = &s->travelers[0];
    snprintf(t->id, sizeof t->id, "T1");
    t->n_docs = 1;
    doc_spec(&t->docs[0], "uto-passport-td3", 101, 0);
    t = &s->travelers[1];
    snprintf(t->id, sizeof t->id, "T2");
    t->n_docs = 2;
    doc_spec(&t->docs[0], "qwh-passport-td3", 202, 1u << DEFECT_NAME_SCRIPT_MISMATCH);
    doc_spec(&t->docs[1], "uto-visa-mrva", 203, 0);
    t = &s->travelers[2];
    snprintf(t->id, sizeof t->id, "T3");
    t->n_docs = 1;
    doc_spec(&t->docs[0], "uto-id-td1", 303,
             1u << DEFECT_PHOTO_SUBSTITUTION | 1u << DEFECT_COUNTERFEIT_PAPER);
}

int desk_session_resolve(desk_session *s, bl_err *err) {
    for (int i = 0; i < s->n_travelers; i++)
        for (int d = 0; d < s->travelers[i].n_docs; d++) {
            desk_doc_spec *ds = &s->travelers[i].docs[d];
            tpl t;
            if (tpl_builtin(&t, ds->template_id, err) != 0)
                return err_prefix(err, "traveler %s, document %d", s->travelers[i].id, d + 1);
            ds->pieces = t.n_pieces;
            ds->mm_w = t.pieces[0].w;
            ds->mm_h = t.pieces[0].h;
            ds->passport = !strcmp(t.kind, "passport");
            ds->supporting = tpl_is_supporting(&t);
        }
    return 0;
}

/* ------------------------------------------------------------ findings */

static const desk_finding_kind finding_kinds[] = {
    {"counterfeit", "finding.counterfeit"},
    {"uv_feature", "finding.uv_feature"},
    {"photo_substitution", "finding.photo_substitution"},
    {"data_alteration", "finding.data_alteration"},
    {"mrz_error", "finding.mrz_error"},
    {"expired", "finding.expired"},
    {"microprint", "finding.microprint"},
    {"relief", "finding.relief"},
    {"optical", "finding.optical"},
    {"impostor", "finding.impostor"},
};

int desk_finding_kind_count(void) {
    return (int)(sizeof finding_kinds / sizeof finding_kinds[0]);
}

const desk_finding_kind *desk_finding_kind_get(int i) {
    return i >= 0 && i < desk_finding_kind_count() ? &finding_kinds[i] : NULL;
}

/* ------------------------------------------------------------ language */

int desk_rtl(const desk_state *st) {
    return st->n_langs > 0 && i18n_rtl(st->langs[st->lang]);
}

void desk_status(desk_state *st, const char *key, int n, int total, int kind) {
    st->status_key = key;
    st->status_n = n, st->status_total = total, st->status_kind = kind;
}

/* ------------------------------------------------------------ logging */

void desk_emit(const desk_state *st, desk_log_fn log, void *ud, const char *action,
               const char *target, const char *params_fmt, ...) {
    if (!log) return;
    desk_action a;
    memset(&a, 0, sizeof a);
    a.frame = st->frame;
    a.t = (double)st->frame / DESK_FPS;
    a.action = action;
    snprintf(a.target, sizeof a.target, "%s", target ? target : "");
    va_list ap;
    va_start(ap, params_fmt);
    json_vfmt(a.params, sizeof a.params, params_fmt, ap); /* every %s escaped */
    va_end(ap);
    log(ud, &a);
}

void desk_doc_target(const desk_state *st, int d, char *out, size_t cap) {
    const desk_traveler *t = &st->session->travelers[st->traveler];
    snprintf(out, cap, "%s/doc%d:%s", t->id, d + 1, t->docs[d].template_id);
}

/* ------------------------------------------------------------ travelers */

void desk_load_traveler(desk_state *st, int i) {
    const desk_traveler *t = &st->session->travelers[i];
    st->traveler = i;
    st->case_frame0 = st->frame;
    st->n_docs = t->n_docs;
    st->n_findings = 0;
    st->lights_used = LIGHT_BIT(st->light);
    st->tilt = 0; /* the next traveler's documents are handed over flat */
    st->mrz_used = 0;
    st->look_doc = -1, st->look_still = 0; /* a new traveler's documents: every place is new */
    desk_close_panels(st);
    memset(st->asked, 0, sizeof st->asked);
    st->pending_ask = st->answer_q = -1;
    st->answer[0] = '\0';
    st->interpreter = st->separated = st->reasons = 0;
    st->opened_docs = st->turned_docs = 0;
    st->reference_used = st->loupe_used = st->n_said = 0;
    st->transcript_scroll = 0;
    st->next_finding_id = 0; /* findings are numbered per traveler */
    st->debrief_page = st->debrief_doc = 0;
    st->flagged_kinds = 0;
    memset(st->info, 0, sizeof st->info);
    desk_ident_reset(st);
    desk_sys_reset(st);
    desk_second_reset(st);
    for (int d = 0; d < t->n_docs; d++) {
        desk_doc *doc = &st->docs[d];
        const desk_doc_spec *ds = &t->docs[d];
        doc->w = (int)lround(ds->mm_w * DESK_PX_PER_MM);
        doc->h = (int)lround(ds->mm_h * DESK_PX_PER_MM);
        doc->x = desk_layout.desk.x + 20 + d * 70;
        doc->y = desk_layout.desk.y + 20 + d * 50;
        if (ds->supporting) { /* beside the travel documents, not on them */
            doc->x = desk_layout.desk.x + desk_layout.desk.w - doc->w - 20;
            doc->y = desk_layout.desk.y + 20 + (d % 2) * 40;
        }
        doc->side = 0;
        doc->closed = ds->passport;
        st->order[d] = d;
    }
    desk_pages_sync(st); /* visas stuck in passports */
    desk_tutorial_begin(st);
}

void desk_set_measure(desk_state *st, desk_measure_fn fn, void *ud) {
    st->measure = fn;
    st->measure_ud = ud;
}

void desk_set_measure_width(desk_state *st, desk_width_fn fn, void *ud) {
    st->width = fn;
    st->width_ud = ud;
}

void desk_init(desk_state *st, const desk_session *s, const i18n *const *langs, int n_langs,
               desk_log_fn log, void *ud) {
    memset(st, 0, sizeof *st);
    st->session = s;
    if (n_langs > (int)(sizeof st->langs / sizeof st->langs[0]))
        n_langs = (int)(sizeof st->langs / sizeof st->langs[0]);
    for (int i = 0; i < n_langs; i++)
        st->langs[i] = langs[i];
    st->n_langs = n_langs;
    st->loupe_zoom = 4;
    st->mx = DESK_W / 2, st->my = DESK_H / 2;
    st->drag_doc = st->draft_doc = -1;
    for (int i = 0; i < DESK_MAX_TRAVELERS; i++)
        st->points[i] = -1;
    st->review = -1;
    st->end_frame = -1;
    desk_load_traveler(st, 0);
    desk_status(st, "status.first", 1, s->n_travelers, 0);
    desk_emit(st, log, ud, "session_start", s->id, "{\"travelers\": %d, \"mrz_reader\": %s}",
              s->n_travelers, s->mrz_reader ? "true" : "false");
    desk_emit(st, log, ud, "traveler", s->travelers[0].id, "{\"index\": 1}");
}

void desk_set_language(desk_state *st, int lang, desk_log_fn log, void *ud) {
    if (lang < 0 || lang >= st->n_langs || lang == st->lang) return;
    st->lang = lang;
    desk_pages_sync(st); /* a visa keeps its place on its page in a mirrored screen */
    desk_status(st, "status.language", 0, 0, 0);
    desk_emit(st, log, ud, "language", i18n_lang(st->langs[lang]), "{\"rtl\": %s}",
              desk_rtl(st) ? "true" : "false");
}

void desk_set_doc_info(desk_state *st, int doc, const desk_doc_info *info) {
    if (doc >= 0 && doc < st->n_docs) st->info[doc] = *info;
}

void desk_set_ident_info(desk_state *st, const desk_ident_info *info) {
    st->ident_info = *info;
    if (st->ident_info.chip_doc >= st->n_docs) st->ident_info.chip_doc = -1;
    if (st->ident_info.n_cands > IDENT_CANDIDATES) st->ident_info.n_cands = IDENT_CANDIDATES;
    if (st->ident_info.n_cands < 0) st->ident_info.n_cands = 0;
}

void desk_set_sys_info(desk_state *st, const desk_sys_info *info) {
    desk_sys_info *in = &st->sys_info;
    *in = *info;
    in->n_pnr = in->n_pnr < 0 ? 0 : in->n_pnr > SYS_PNR_LINES ? SYS_PNR_LINES : in->n_pnr;
    in->n_rules = in->n_rules < 0 ? 0 : in->n_rules > SYS_RULES ? SYS_RULES : in->n_rules;
    in->n_reg = in->n_reg < 0 ? 0 : in->n_reg > SYS_REG_LINES ? SYS_REG_LINES : in->n_reg;
    for (int l = 0; l < SYS_LISTS; l++)
        in->n_hits[l] = in->n_hits[l] < 0 ? 0 : in->n_hits[l] > SYS_HITS ? SYS_HITS : in->n_hits[l];
}

void desk_resume(desk_state *st, int n, double elapsed_s, desk_log_fn log, void *ud) {
    st->elapsed_before = elapsed_s; /* the desk may have been closed mid-case */
    if (n <= 0) return;
    for (int i = 0; i < n && i < DESK_MAX_TRAVELERS; i++)
        st->decided[i] = 1;
    st->n_decided = n;
    desk_emit(st, log, ud, "resume", st->session->id,
              "{\"decided_before\": %d, \"elapsed_before\": %.3f}", n, elapsed_s);
    if (n >= st->session->n_travelers) {
        st->traveler = st->session->n_travelers - 1;
        st->mode = DESK_DONE;
        st->end_frame = st->frame;
        st->n_docs = 0;
        desk_status(st, "status.session_complete", st->session->n_travelers, 0, 0);
        return;
    }
    desk_load_traveler(st, n);
    desk_status(st, "status.traveler", n + 1, st->session->n_travelers, 0);
    desk_emit(st, log, ud, "traveler", st->session->travelers[st->traveler].id, "{\"index\": %d}",
              n + 1);
}

void desk_resume_case_time(desk_state *st, double seconds) {
    st->case_frame0 = st->frame - (long)(seconds * DESK_FPS + 0.5);
}

void desk_restart_traveler(desk_state *st, desk_log_fn log, void *ud) {
    if (st->mode == DESK_DONE) return;
    desk_load_traveler(st, st->traveler);
    st->mode = DESK_EXAMINE;
    desk_emit(st, log, ud, "reload", st->session->travelers[st->traveler].id, "{}");
}

double desk_elapsed(const desk_state *st) {
    /* the session's clock stops when its queue is done */
    long f = st->mode >= DESK_DONE && st->end_frame >= 0 ? st->end_frame : st->frame;
    return st->elapsed_before + (double)f / DESK_FPS;
}

/* Traveler i was not decided in time: recorded as such, scored by the app. */
static void time_out(desk_state *st, int i, const char *why, desk_log_fn log, void *ud) {
    st->decisions[i] = DECIDE_NONE;
    st->protections[i] = PROTECT_NONE;
    st->decided[i] = st->timed_out[i] = 1;
    st->case_seconds[i] = i == st->traveler ? (float)(st->frame - st->case_frame0) / DESK_FPS : 0;
    st->n_decided++;
    st->last_decided = i;
    desk_emit(st, log, ud, "timeout", st->session->travelers[i].id, "{\"limit\": \"%s\"}", why);
}

/* The loupe held still on a document: logged once per place as a "look"
 * (its document, side, place in mm, zoom and light). */
static void watch_loupe(desk_state *st, desk_log_fn log, void *ud) {
    if (!st->loupe || st->mode != DESK_EXAMINE || st->mx != st->look_mx || st->my != st->look_my) {
        st->look_still = 0, st->look_mx = st->mx, st->look_my = st->my;
        return;
    }
    if (++st->look_still != DESK_LOOK_FRAMES) return;
    double u, v;
    int d = desk_doc_at(st, st->mx, st->my, &u, &v);
    if (d < 0 || st->docs[d].closed) return;
    int side = st->docs[d].side;
    if (d == st->look_doc && side == st->look_side &&
        hypot(u - st->look_u, v - st->look_v) < DESK_LOOK_MOVE_MM)
        return;
    st->look_doc = d, st->look_side = side, st->look_u = u, st->look_v = v;
    char target[128];
    desk_doc_target(st, d, target, sizeof target);
    desk_emit(st, log, ud, "look", target,
              "{\"side\": %d, \"at_mm\": [%.2f, %.2f], \"zoom\": %d, \"light\": \"%s\"}", side, u,
              v, st->loupe_zoom, light_name((light_kind)st->light));
}

int desk_tick(desk_state *st, desk_log_fn log, void *ud) {
    st->frame++;
    watch_loupe(st, log, ud);
    const desk_session *s = st->session;
    if (st->mode == DESK_DONE || st->mode == DESK_REVIEW) return 0;
    int undecided = 0;
    for (int i = 0; i < s->n_travelers; i++)
        undecided += !st->decided[i];
    /* (every traveler decided, the last debrief open: the session is not late) */
    if (undecided && s->session_limit_s > 0 && desk_elapsed(st) >= s->session_limit_s) {
        /* the session is over: every traveler not yet decided timed out */
        for (int i = 0; i < s->n_travelers; i++)
            if (!st->decided[i]) time_out(st, i, "session", log, ud);
        st->time_up = 1;
        st->traveler = s->n_travelers - 1;
        return desk_next_traveler(st, log, ud);
    }
    if (st->mode == DESK_DEBRIEF || s->case_limit_s <= 0 ||
        (double)(st->frame - st->case_frame0) / DESK_FPS < s->case_limit_s)
        return 0;
    time_out(st, st->traveler, "case", log, ud);
    st->help = 0;
    if (s->debrief) {
        memset(&st->debrief, 0, sizeof st->debrief);
        st->mode = DESK_DEBRIEF;
        st->loupe = 0;
        desk_close_panels(st);
        return 0;
    }
    return desk_next_traveler(st, log, ud);
}

/* ------------------------------------------------------------ geometry */

int desk_top_doc(const desk_state *st) {
    for (int k = st->n_docs - 1; k >= 0; k--) /* a visa on a page not shown is not on top */
        if (!desk_doc_hidden(st, st->order[k])) return st->order[k];
    return -1;
}

int desk_doc_at(const desk_state *st, int x, int y, double *u_mm, double *v_mm) {
    for (int k = st->n_docs - 1; k >= 0; k--) {
        int d = st->order[k];
        const desk_doc *doc = &st->docs[d];
        if (desk_doc_hidden(st, d)) continue;
        if (desk_rect_hit((desk_rect){(int)doc->x, (int)doc->y, doc->w, doc->h}, x, y)) {
            /* The screen is mirrored in right-to-left languages, documents are not. */
            if (u_mm) *u_mm = (desk_rtl(st) ? doc->x + doc->w - x : x - doc->x) / DESK_PX_PER_MM;
            if (v_mm) *v_mm = (y - doc->y) / DESK_PX_PER_MM;
            return d;
        }
    }
    return -1;
}

/* ------------------------------------------------------------ interview */

const desk_traveler *desk_current_traveler(const desk_state *st) {
    return &st->session->travelers[st->traveler];
}

/* A question is offered once the question it comes after was asked and
 * what it is about happened at the desk: "Did you know your passport has
 * expired?" only once the trainee has found that out. */
static int question_available(const desk_state *st, int i) {
    const desk_traveler *t = desk_current_traveler(st);
    const desk_question *q = &t->questions[i];
    if (q->after_opened > 0 && !(st->opened_docs >> (q->after_opened - 1) & 1)) return 0;
    if (q->after_flagged > 0 && !(st->flagged_kinds >> (q->after_flagged - 1) & 1)) return 0;
    if (q->after_light > 0 && !(st->lights_used >> (q->after_light - 1) & 1)) return 0;
    if (q->after_reader && !st->mrz_used) return 0;
    if (q->after_separated && !st->separated) return 0;
    if (!q->after[0]) return 1;
    for (int k = 0; k < t->n_questions; k++)
        if (!strcmp(t->questions[k].id, q->after)) return st->asked[k] > 0;
    return 0;
}

int desk_available_questions(const desk_state *st, int *out, int cap) {
    int n = 0;
    for (int i = 0; i < desk_current_traveler(st)->n_questions && n < cap; i++)
        if (question_available(st, i)) out[n++] = i;
    return n;
}

void desk_close_panels(desk_state *st) {
    st->mrz_panel = st->ref_panel = st->transcript = st->compare = st->findings_panel = 0;
    st->ident_panel = st->sys_panel = st->second.panel = 0;
}

int desk_any_panel(const desk_state *st) {
    return st->mrz_panel || st->ref_panel || st->transcript || st->compare || st->findings_panel ||
           st->ident_panel || st->sys_panel || st->second.panel;
}

scn_ctx desk_answer_ctx(const desk_state *st) {
    return (scn_ctx){.asked_times = st->asked,
                     .lights_used = st->lights_used,
                     .flagged = st->flagged_kinds,
                     .reader = st->mrz_used,
                     .interpreter = st->interpreter,
                     .separated = st->separated,
                     .opened = st->opened_docs,
                     .turned = st->turned_docs,
                     .reference = st->reference_used,
                     .loupe = st->loupe_used,
                     .elapsed = (double)(st->frame - st->case_frame0) / DESK_FPS,
                     .n_said = st->n_said,
                     .said = st->said};
}

void desk_set_answer(desk_state *st, const char *key, desk_log_fn log, void *ud) {
    if (st->pending_ask < 0) return;
    st->answer_q = st->pending_ask;
    st->pending_ask = -1;
    snprintf(st->answer, sizeof st->answer, "%s", key ? key : "");
    for (int k = st->n_said - 1; k >= 0; k--) /* the transcript keeps it, as it was heard */
        if (st->said[k] == st->answer_q && !st->said_answer[k][0]) {
            int foreign;
            snprintf(st->said_answer[k], sizeof st->said_answer[k], "%s", st->answer);
            st->said_lang[k] = (unsigned char)desk_answer_language(st, &foreign);
            break;
        }
    st->transcript_scroll = 0; /* the newest answer comes into view */
    desk_emit(st, log, ud, "answer", desk_current_traveler(st)->id,
              "{\"question\": \"%s\", \"answer\": \"%s\"}",
              desk_current_traveler(st)->questions[st->answer_q].id, st->answer);
}

/* ------------------------------------------------------------ results */

void desk_restore_case(desk_state *st, int traveler, int decision, int timed_out) {
    if (traveler < 0 || traveler >= DESK_MAX_TRAVELERS) return;
    st->decisions[traveler] = decision;
    st->timed_out[traveler] = (unsigned char)!!timed_out;
}

void desk_set_result(desk_state *st, int traveler, double points, int passed) {
    if (traveler < 0 || traveler >= DESK_MAX_TRAVELERS) return;
    st->points[traveler] = (float)points;
    st->passed[traveler] = (unsigned char)!!passed;
}

void desk_set_debrief(desk_state *st, int traveler, const desk_debrief *d) {
    if (traveler < 0 || traveler >= DESK_MAX_TRAVELERS) return;
    st->debriefs[traveler] = *d;
    st->debriefs[traveler].ready = 1;
    if (st->mode == DESK_DEBRIEF && traveler == st->traveler) st->debrief = st->debriefs[traveler];
}

void desk_set_verdict(desk_state *st, const desk_verdict *v) {
    st->verdict = *v;
    st->verdict.ready = 1;
}

/* ------------------------------------------------------------ the queue */

int desk_next_traveler(desk_state *st, desk_log_fn log, void *ud) {
    if (st->traveler + 1 >= st->session->n_travelers) {
        st->mode = DESK_DONE;
        st->end_frame = st->frame;
        st->n_docs = 0;
        st->loupe = 0;
        desk_close_panels(st);
        desk_status(st, st->time_up ? "status.time_up" : "status.session_complete",
                    st->session->n_travelers, 0, 0);
        desk_emit(st, log, ud, "session_end", st->session->id,
                  "{\"travelers\": %d, \"reason\": \"%s\"}", st->session->n_travelers,
                  st->time_up ? "time_up" : "completed");
        return 1;
    }
    desk_load_traveler(st, st->traveler + 1);
    st->mode = DESK_EXAMINE;
    desk_status(st, "status.traveler", st->traveler + 1, st->session->n_travelers, 0);
    desk_emit(st, log, ud, "traveler", st->session->travelers[st->traveler].id, "{\"index\": %d}",
              st->traveler + 1);
    return 1;
}
