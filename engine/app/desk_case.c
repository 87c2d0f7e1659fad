/* desk_case.c - a case at the desk from question to record: the action log
 * (each action as it happens, to its file and to memory), the traveler's
 * answers from the scenario, the score of each decided case (read from the
 * action log the way an instructor's offline scoring reads it) turned into its
 * debrief, and the results journal: its entries are the exam record
 * (engine/core/record.h), written and read back only through that module. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "debrief.h"
#include "desk_app_int.h"
#include "jsonfmt.h"
#include "score.h"

/* The machine's clock now, as a journal entry's "at" records it
 * ("2026-03-01T09:30:12.345Z", UTC): when a decision was taken, for the
 * academy's learning record store (record.h). */
static void clock_now(char out[32]) {
    struct timespec ts;
    struct tm tm;
    char day[20] = "1970-01-01T00:00:00";
    timespec_get(&ts, TIME_UTC);
    if (gmtime_r(&ts.tv_sec, &tm)) strftime(day, sizeof day, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(out, 32, "%.19s.%03dZ", day, (int)(ts.tv_nsec / 1000000 % 1000));
}

/* ------------------------------------------------------------ logging */

/* One action as a line of the action log: written to the file as it happens
 * and, when the case is scored from it, kept in memory too. Strings are
 * escaped by the one JSON writer (jsonfmt.h); params is the desk's JSON. */
static void log_action(desk_app *a, const desk_action *act, int keep) {
    char line[1400];
    int n = json_fmt(line, sizeof line,
                     "{\"t\": %.3f, \"frame\": %ld, \"action\": \"%s\", \"target\": \"%s\", "
                     "\"params\": ",
                     act->t, act->frame, act->action, act->target);
    const char *params = act->params[0] ? act->params : "{}";
    if (n <= 0 || (size_t)n + strlen(params) + 3 > sizeof line) return;
    n += snprintf(line + n, sizeof line - (size_t)n, "%s}\n", params);
    if (keep && a->log_len + (size_t)n + 1 > a->log_cap) {
        size_t cap = a->log_cap ? a->log_cap * 2 : 65536;
        while (cap < a->log_len + (size_t)n + 1)
            cap *= 2;
        char *nb = realloc(a->log_mem, cap);
        if (nb) a->log_mem = nb, a->log_cap = cap;
    }
    if (keep && a->log_len + (size_t)n + 1 <= a->log_cap) {
        memcpy(a->log_mem + a->log_len, line, (size_t)n + 1);
        a->log_len += (size_t)n;
    }
    if (!a->log) return;
    fputs(line, a->log);
    fflush(a->log); /* every action reaches the file as it happens */
}

void app_write_action(void *ud, const desk_action *act) {
    log_action(ud, act, 1);
}

/* The traveler's true defects, built once per traveler (NULL when they
 * cannot be: the answer then knows no defect found). */
static const score_truth *traveler_truth(desk_app *a, int tv) {
    pack *p = a->cfg.pack;
    if (a->truth && a->truth_of == tv) return a->truth;
    if (!a->truth && !(a->truth = malloc(sizeof *a->truth))) return NULL;
    bl_err err = {0};
    a->truth_of = -1;
    if (!p || tv >= p->n || score_truth_build(&p->scn[tv], &a->fonts, a->truth, &err) != 0)
        return NULL;
    a->truth_of = tv;
    return a->truth;
}

/* The defect kinds the traveler's flags have found so far, read from the
 * action log as scoring reads it. */
static unsigned defects_found(desk_app *a, const scenario *s) {
    const score_truth *t = traveler_truth(a, a->st.traveler);
    score_actions act;
    score_result r;
    bl_err err = {0};
    if (!t || score_actions_from_log(a->log_mem, a->log_len, s, s->id, &act, &err) != 0) return 0;
    score_case(s, t, &act, 70, &r);
    unsigned found = 0;
    for (int d = 0; d < t->n; d++)
        if (r.defect_found[d]) found |= 1u << t->d[d].kind;
    return found;
}

/* Asks the scenario for the traveler's answer to the pending question. A
 * script error does not stop the desk: it is reported, logged, and the
 * traveler gives no answer. */
void app_answer(desk_app *a) {
    desk_state *st = &a->st;
    pack *p = a->cfg.pack;
    char key[64] = "interview.no_answer";
    if (p && st->traveler < p->n) {
        scn_ctx ctx = desk_answer_ctx(st);
        ctx.found = defects_found(a, &p->scn[st->traveler]);
        bl_err err = {0};
        if (scn_answer(p->rt[st->traveler], &p->scn[st->traveler], st->pending_ask, &ctx, key,
                       sizeof key, &err) != 0) {
            fprintf(stderr, "borderlab: %s\n", err.msg);
            desk_action act = {
                .frame = st->frame, .t = (double)st->frame / DESK_FPS, .action = "script_error"};
            snprintf(act.target, sizeof act.target, "%s", p->scn[st->traveler].id);
            json_fmt(act.params, sizeof act.params, "{\"message\": \"%s\"}", err.msg);
            log_action(a, &act, 0); /* for the instructor; not part of the case's score */
            snprintf(key, sizeof key, "interview.no_answer");
        }
    }
    desk_set_answer(st, key, app_write_action, a);
}

/* ------------------------------------------------------------ cases */

/* Appends an entry to the journal, and tells the desk's push (desk_push.h)
 * that it grew: a decision (a case, the end, the header) wakes it, a clock
 * entry does not. */
static void journal_write(desk_app *a, char *entry, int decision) {
    bl_err err = {0};
    if (!entry || journal_append(a->journal, entry, &err) != 0) {
        fprintf(stderr, "borderlab: %s\n", entry ? err.msg : "out of memory");
        a->journal_failed = 1;
    } else {
        desk_push_notify(a->push, decision);
    }
    free(entry);
}

/* Scores traveler tv's case from the action log into its debrief and its
 * share of the session's verdict; 0 points when it cannot be scored. */
static double score_traveler(desk_app *a, int tv, desk_debrief *d, session_case *c) {
    pack *p = a->cfg.pack;
    if (!p || tv >= p->n) return 0;
    const scenario *s = &p->scn[tv];
    const score_truth *truth = traveler_truth(a, tv);
    score_actions act;
    score_result r;
    bl_err err = {0};
    if (!truth) err_set(&err, "%s: its documents cannot be built", s->file);
    if (!truth || score_actions_from_log(a->log_mem, a->log_len, s, s->id, &act, &err) != 0) {
        fprintf(stderr, "borderlab: debrief: %s\n", err.msg);
        return 0;
    }
    act.seconds = a->st.case_seconds[tv]; /* across a restart too */
    /* a case passes at the session's mark (the academy's usual 70 elsewhere) */
    score_case(s, truth, &act, a->cfg.sdef ? a->cfg.sdef->pass_overall : 70, &r);
    debrief_from_score(s, truth, &act, &r, d);
    for (int k = 0; k < COMP_COUNT; k++) {
        c->competency[k] = r.competency[k];
        c->assessed[k] = s->rubric[k] > 0;
    }
    return act.seconds;
}

/* Scores a decided (or timed-out) case, hands the desk its debrief (shown
 * now, or at the end of an exam) and records it in the journal for good
 * before the desk moves on. */
static void on_decision(desk_app *a, int tv) {
    desk_state *st = &a->st;
    record_case rc;
    memset(&rc, 0, sizeof rc);
    desk_debrief *d = &rc.d;
    session_case *c = &a->cases[tv];
    memset(c, 0, sizeof *c);
    d->timed_out = st->timed_out[tv];
    double seconds = score_traveler(a, tv, d, c);
    c->points = d->points, c->passed = d->passed, c->n_critical = d->n_critical;
    c->decision_ok = d->decision_ok;
    d->decision = st->decisions[tv], d->protection = st->protections[tv];
    desk_set_debrief(st, tv, d);
    if (st->session->travelers[tv].tutorial) {
        /* practice (desk_tutorial.h): its debrief says what was practised and
         * whether the decision was right; no points, no score line, no journal
         * entry (a journaled desk leaves tutorials out: cmd_desk.c) */
        desk_set_result(st, tv, -1, 0);
        return;
    }
    desk_set_result(st, tv, d->points, d->passed);
    desk_action act;
    memset(&act, 0, sizeof act);
    act.frame = st->frame;
    act.t = (double)st->frame / DESK_FPS;
    act.action = "score";
    snprintf(act.target, sizeof act.target, "%s", st->session->travelers[tv].id);
    snprintf(act.params, sizeof act.params, "{\"points\": %.1f, \"passed\": %s, \"critical\": %d}",
             d->points, d->passed ? "true" : "false", d->n_critical);
    /* in an exam the score stays out of the trainee's log until the end;
     * the journal keeps it */
    if (st->session->debrief) app_write_action(a, &act);
    if (!a->journal) return;
    snprintf(rc.traveler, sizeof rc.traveler, "%s", st->session->travelers[tv].id);
    rc.index = tv + 1;
    for (int k = 0; k < COMP_COUNT; k++)
        rc.assessed[k] = c->assessed[k];
    rc.has_seconds = 1, rc.seconds = seconds;
    rc.t = desk_elapsed(st);
    clock_now(rc.at);
    char *texts =
        a->cfg.pack && tv < a->cfg.pack->n ? debrief_texts_json(&a->cfg.pack->scn[tv], d) : NULL;
    rc.texts = texts;
    journal_write(a, record_case_json(&rc), 1);
    free(texts);
}

/* The session is over: its verdict on the summary, and (once) in the journal. */
static void finish_session(desk_app *a) {
    const session_def *sd = a->cfg.sdef;
    desk_state *st = &a->st;
    if (!sd || st->verdict.ready) return;
    session_case cases[DESK_MAX_TRAVELERS];
    int n = 0, total = 0;
    for (int i = 0; i < st->session->n_travelers; i++) {
        if (st->session->travelers[i].tutorial) continue; /* never counts (sessions refuse one) */
        total++;
        if (a->scored[i]) cases[n++] = a->cases[i];
    }
    record_end end = {.time_up = st->time_up, .cases = n, .elapsed = desk_elapsed(st)};
    session_verdict *v = &end.v;
    session_judge(sd, cases, n, total, v);
    desk_verdict dv = {.passed = v->passed,
                       .overall = v->overall,
                       .pass_overall = sd->pass_overall,
                       .critical_fails = sd->critical_fails,
                       .criticals = v->criticals,
                       .wrong = v->wrong,
                       .wrong_allowed = sd->wrong_allowed,
                       .time_up = st->time_up};
    for (int k = 0; k < COMP_COUNT; k++)
        dv.competency[k] = v->competency[k], dv.pass_comp[k] = sd->pass_comp[k];
    desk_set_verdict(st, &dv);
    if (!a->journal || a->journal_ended) return;
    clock_now(end.at);
    journal_write(a, record_end_json(&end), 1);
    a->journal_ended = 1;
}

void app_after_change(desk_app *a) {
    /* a session's time running out decides several at once */
    for (int i = 0; i < a->st.session->n_travelers; i++)
        if (a->st.decided[i] && !a->scored[i]) {
            a->scored[i] = 1;
            on_decision(a, i);
        }
    if (a->st.mode == DESK_DONE) finish_session(a);
}

/* ------------------------------------------------------------ resume */

typedef struct resume_ctx {
    desk_app *a;
    char *first; /* the first entry's text */
    record_resume r;
    const char *ids[DESK_MAX_TRAVELERS]; /* the queue's travelers */
} resume_ctx;

/* One decided case read back from the journal: its result, debrief and
 * share of the verdict, as they were when it was decided. */
static void restore_case(desk_app *a, const record_case *rc) {
    int tv = rc->index - 1;
    if (tv < 0 || tv >= a->st.session->n_travelers) return;
    const desk_debrief *d = &rc->d;
    session_case *c = &a->cases[tv];
    memset(c, 0, sizeof *c);
    for (int k = 0; k < COMP_COUNT; k++)
        c->competency[k] = d->competency[k], c->assessed[k] = rc->assessed[k];
    c->points = d->points, c->passed = d->passed, c->n_critical = d->n_critical;
    c->decision_ok = d->decision_ok;
    desk_restore_case(&a->st, tv, d->decision, d->timed_out);
    desk_set_debrief(&a->st, tv, d);
    desk_set_result(&a->st, tv, d->points, d->passed);
    a->scored[tv] = 1;
}

static void on_entry(void *ud, int seq, const char *json, const char *mac) {
    resume_ctx *r = ud;
    (void)mac;
    if (seq == 1) r->first = strdup(json);
    record_entry *e = malloc(sizeof *e); /* large: a case holds its whole debrief */
    if (e && record_parse(json, e, NULL) == 0 &&
        record_resume_add(&r->r, seq, e, r->ids, r->a->st.session->n_travelers))
        restore_case(r->a, &e->kase);
    free(e);
}

/* Opens the journal, restores what it holds (a restarted session resumes
 * after the decided travelers, with the time already spent) and begins a
 * new session journal with its header. */
int app_open_journal(desk_app *a, bl_err *err) {
    const desk_app_config *cfg = &a->cfg;
    if (!cfg->journal_path) return 0;
    unsigned char key[JOURNAL_KEY_BYTES];
    int entries = 0;
    if (!cfg->key_path)
        return err_setc(err, BL_E_USAGE,
                        "a journal needs its key (--key FILE; make one with 'borderlab results "
                        "keygen FILE')");
    if (journal_key_load(cfg->key_path, key, err) != 0) return -1;
    /* opened and locked, then read back as it is verified: what is restored
     * is what we append to */
    resume_ctx r;
    memset(&r, 0, sizeof r);
    r.a = a;
    const desk_session *ds = a->st.session;
    for (int i = 0; i < ds->n_travelers; i++)
        r.ids[i] = ds->travelers[i].id;
    a->journal =
        journal_open_read(cfg->journal_path, key, cfg->witness_dir, on_entry, &r, &entries, err);
    if (!a->journal) {
        free(r.first);
        return -1;
    }
    if (journal_repaired(a->journal))
        fprintf(stderr,
                "borderlab: the journal '%s' ended in a line cut short (line %d: a crash while "
                "it was written); that entry was never recorded and is removed\n",
                cfg->journal_path, journal_repaired(a->journal));
    int rc = 0;
    if (entries > 0) rc = record_same_session(cfg->journal_header, r.first, cfg->journal_path, err);
    if (rc == 0 && r.r.bad)
        rc = err_setc(err, BL_E_REFUSED, "the journal '%s': %s", cfg->journal_path, r.r.why);
    free(r.first);
    if (rc != 0) { /* not ours: closed untouched (no stop entry either) */
        journal_close(a->journal);
        a->journal = NULL;
        return -1;
    }
    if (cfg->journal_header && entries == 0) {
        char *h = strdup(cfg->journal_header);
        journal_write(a, h, 1);
        if (a->journal_failed)
            return err_setc(err, BL_E_IO, "cannot begin the journal '%s'", cfg->journal_path);
    }
    a->journal_ended = r.r.ended;
    desk_resume(&a->st, r.r.cases, r.r.elapsed, app_write_action, a);
    if (a->st.mode < DESK_DONE) desk_resume_case_time(&a->st, r.r.case_s);
    a->last_clock = desk_elapsed(&a->st);
    /* every case decided because the session's time ran out, the end not yet written */
    if (ds->session_limit_s > 0 && r.r.elapsed >= ds->session_limit_s) a->st.time_up = 1;
    return 0;
}

void app_journal_clock(desk_app *a, record_kind kind) {
    const desk_state *st = &a->st;
    if (!a->journal || !a->cfg.journal_header || a->journal_ended || a->journal_failed ||
        st->mode >= DESK_DONE)
        return;
    record_clock c = {.index = st->traveler + 1,
                      .t = desk_elapsed(st),
                      .case_s = (double)(st->frame - st->case_frame0) / DESK_FPS};
    journal_write(a, record_clock_json(kind, &c), 0);
    a->last_clock = desk_elapsed(st);
}
