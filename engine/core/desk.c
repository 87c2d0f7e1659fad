/* desk.c - see desk.h. Layout (logical 1280x720):
 *   top bar        y 0..36      title, queue, light, clock
 *   traveler       x 0..280     the person at the counter
 *   desk           x 290..1270, y 46..612: documents, panels
 *   toolbar        y 620..712   lights, tools, decisions
 */
#include "desk.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "defect.h"
#include "mrz.h"
#include "tpl.h"

#define DESK_X0   290
#define DESK_Y0   46
#define DESK_X1   1270
#define DESK_Y1   612
#define PX_PER_MM 3.4

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

/* ------------------------------------------------------------ buttons */

typedef enum {
    B_LIGHT0,
    B_LIGHT1,
    B_LIGHT2,
    B_LIGHT3,
    B_LIGHT4,
    B_LOUPE,
    B_MRZ,
    B_REF,
    B_FLAG,
    B_ADMIT,
    B_REFUSE,
    B_SECOND,
    B_PROTECT,
    B_OPEN,
    B_TURN,
    B_HELP,
    B_LANG,
    B_INTERP,
    B_COUNT
} button_id;

static const struct {
    int x, y, w, h;
    const char *key; /* catalogue key of the label */
} buttons[B_COUNT] = {
    {296, 626, 88, 36, "btn.light0"},   {388, 626, 88, 36, "btn.light1"},
    {480, 626, 88, 36, "btn.light2"},   {572, 626, 88, 36, "btn.light3"},
    {664, 626, 88, 36, "btn.light4"},   {770, 626, 96, 36, "btn.loupe"},
    {870, 626, 96, 36, "btn.mrz"},      {970, 626, 110, 36, "btn.ref"},
    {1084, 626, 96, 36, "btn.flag"},    {296, 670, 120, 36, "btn.admit"},
    {420, 670, 140, 36, "btn.refuse"},  {564, 670, 150, 36, "btn.second"},
    {718, 670, 150, 36, "btn.protect"}, {890, 670, 120, 36, "btn.open"},
    {1014, 670, 90, 36, "btn.turn"},    {1184, 626, 86, 36, "btn.help"},
    {1120, 670, 150, 36, "btn.lang"},   {16, 612, 250, 28, "btn.interpreter"},
};

static int hit(int x, int y, int bx, int by, int bw, int bh) {
    return x >= bx && y >= by && x < bx + bw && y < by + bh;
}

static int button_at(int x, int y) {
    for (int i = 0; i < B_COUNT; i++)
        if (hit(x, y, buttons[i].x, buttons[i].y, buttons[i].w, buttons[i].h)) return i;
    return -1;
}

/* ------------------------------------------------------------ language */

int desk_rtl(const desk_state *st) {
    return st->n_langs > 0 && i18n_rtl(st->langs[st->lang]);
}

static const char *tr(const desk_state *st, const char *key) {
    return st->n_langs > 0 ? i18n_get(st->langs[st->lang], key) : key;
}

static void set_status(desk_state *st, const char *key, int n, int total, int kind) {
    st->status_key = key;
    st->status_n = n, st->status_total = total, st->status_kind = kind;
}

/* ------------------------------------------------------------ logging */

static void emit(const desk_state *st, desk_log_fn log, void *ud, const char *action,
                 const char *target, const char *params_fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

static void emit(const desk_state *st, desk_log_fn log, void *ud, const char *action,
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
    vsnprintf(a.params, sizeof a.params, params_fmt, ap);
    va_end(ap);
    log(ud, &a);
}

/* JSON string body: escapes quotes, backslashes and control characters. */
static void json_escape(const char *s, char *out, size_t cap) {
    size_t n = 0;
    for (; *s && n + 7 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            out[n++] = '\\', out[n++] = (char)c;
        else if (c < 0x20)
            n += (size_t)snprintf(out + n, cap - n, "\\u%04x", c);
        else
            out[n++] = (char)c;
    }
    out[n] = '\0';
}

static void doc_target(const desk_state *st, int d, char *out, size_t cap) {
    const desk_traveler *t = &st->session->travelers[st->traveler];
    snprintf(out, cap, "%s/doc%d:%s", t->id, d + 1, t->docs[d].template_id);
}

/* ------------------------------------------------------------ travelers */

static void load_traveler(desk_state *st, int i) {
    const desk_traveler *t = &st->session->travelers[i];
    st->traveler = i;
    st->case_frame0 = st->frame;
    st->n_docs = t->n_docs;
    st->n_findings = 0;
    st->lights_used = LIGHT_BIT(st->light);
    st->mrz_used = 0;
    st->mrz_panel = st->ref_panel = 0;
    memset(st->asked, 0, sizeof st->asked);
    st->pending_ask = st->answer_q = -1;
    st->answer[0] = '\0';
    st->interpreter = 0;
    st->flagged_kinds = 0;
    memset(st->info, 0, sizeof st->info);
    for (int d = 0; d < t->n_docs; d++) {
        desk_doc *doc = &st->docs[d];
        const desk_doc_spec *ds = &t->docs[d];
        doc->w = (int)lround(ds->mm_w * PX_PER_MM);
        doc->h = (int)lround(ds->mm_h * PX_PER_MM);
        doc->x = DESK_X0 + 20 + d * 70;
        doc->y = DESK_Y0 + 20 + d * 50;
        doc->side = 0;
        doc->closed = ds->passport;
        st->order[d] = d;
    }
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
    load_traveler(st, 0);
    set_status(st, "status.first", 1, s->n_travelers, 0);
    emit(st, log, ud, "session_start", s->id, "{\"travelers\": %d, \"mrz_reader\": %s}",
         s->n_travelers, s->mrz_reader ? "true" : "false");
    emit(st, log, ud, "traveler", s->travelers[0].id, "{\"index\": 1}");
}

void desk_set_language(desk_state *st, int lang, desk_log_fn log, void *ud) {
    if (lang < 0 || lang >= st->n_langs || lang == st->lang) return;
    st->lang = lang;
    set_status(st, "status.language", 0, 0, 0);
    emit(st, log, ud, "language", i18n_lang(st->langs[lang]), "{\"rtl\": %s}",
         desk_rtl(st) ? "true" : "false");
}

void desk_set_doc_info(desk_state *st, int doc, const desk_doc_info *info) {
    if (doc >= 0 && doc < st->n_docs) st->info[doc] = *info;
}

void desk_resume(desk_state *st, int n, double elapsed_s, desk_log_fn log, void *ud) {
    st->elapsed_before = elapsed_s; /* the desk may have been closed mid-case */
    if (n <= 0) return;
    for (int i = 0; i < n && i < DESK_MAX_TRAVELERS; i++)
        st->decided[i] = 1;
    st->n_decided = n;
    emit(st, log, ud, "resume", st->session->id,
         "{\"decided_before\": %d, \"elapsed_before\": %.3f}", n, elapsed_s);
    if (n >= st->session->n_travelers) {
        st->traveler = st->session->n_travelers - 1;
        st->mode = DESK_DONE;
        st->end_frame = st->frame;
        st->n_docs = 0;
        set_status(st, "status.session_complete", st->session->n_travelers, 0, 0);
        return;
    }
    load_traveler(st, n);
    set_status(st, "status.traveler", n + 1, st->session->n_travelers, 0);
    emit(st, log, ud, "traveler", st->session->travelers[st->traveler].id, "{\"index\": %d}",
         n + 1);
}

void desk_resume_case_time(desk_state *st, double seconds) {
    st->case_frame0 = st->frame - (long)(seconds * DESK_FPS + 0.5);
}

void desk_restart_traveler(desk_state *st, desk_log_fn log, void *ud) {
    if (st->mode == DESK_DONE) return;
    load_traveler(st, st->traveler);
    st->mode = DESK_EXAMINE;
    emit(st, log, ud, "reload", st->session->travelers[st->traveler].id, "{}");
}

double desk_elapsed(const desk_state *st) {
    /* the session's clock stops when its queue is done */
    long f = st->mode >= DESK_DONE && st->end_frame >= 0 ? st->end_frame : st->frame;
    return st->elapsed_before + (double)f / DESK_FPS;
}

static int next_traveler(desk_state *st, desk_log_fn log, void *ud);

/* Traveler i was not decided in time: recorded as such, scored by the app. */
static void time_out(desk_state *st, int i, const char *why, desk_log_fn log, void *ud) {
    st->decisions[i] = DECIDE_NONE;
    st->protections[i] = PROTECT_NONE;
    st->decided[i] = st->timed_out[i] = 1;
    st->case_seconds[i] = i == st->traveler ? (float)(st->frame - st->case_frame0) / DESK_FPS : 0;
    st->n_decided++;
    st->last_decided = i;
    emit(st, log, ud, "timeout", st->session->travelers[i].id, "{\"limit\": \"%s\"}", why);
}

int desk_tick(desk_state *st, desk_log_fn log, void *ud) {
    st->frame++;
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
        return next_traveler(st, log, ud);
    }
    if (st->mode == DESK_DEBRIEF || s->case_limit_s <= 0 ||
        (double)(st->frame - st->case_frame0) / DESK_FPS < s->case_limit_s)
        return 0;
    time_out(st, st->traveler, "case", log, ud);
    st->help = 0;
    if (s->debrief) {
        memset(&st->debrief, 0, sizeof st->debrief);
        st->mode = DESK_DEBRIEF;
        st->loupe = st->mrz_panel = st->ref_panel = 0;
        return 0;
    }
    return next_traveler(st, log, ud);
}

/* ------------------------------------------------------------ geometry */

static int top_doc(const desk_state *st) {
    return st->n_docs ? st->order[st->n_docs - 1] : -1;
}

int desk_doc_at(const desk_state *st, int x, int y, double *u_mm, double *v_mm) {
    for (int k = st->n_docs - 1; k >= 0; k--) {
        int d = st->order[k];
        const desk_doc *doc = &st->docs[d];
        if (hit(x, y, (int)doc->x, (int)doc->y, doc->w, doc->h)) {
            /* The screen is mirrored in right-to-left languages, documents are not. */
            if (u_mm) *u_mm = (desk_rtl(st) ? doc->x + doc->w - x : x - doc->x) / PX_PER_MM;
            if (v_mm) *v_mm = (y - doc->y) / PX_PER_MM;
            return d;
        }
    }
    return -1;
}

static void to_front(desk_state *st, int d) {
    int k = 0;
    while (k < st->n_docs && st->order[k] != d)
        k++;
    for (; k < st->n_docs - 1; k++)
        st->order[k] = st->order[k + 1];
    st->order[st->n_docs - 1] = d;
}

/* A finding's rectangle in desk coordinates (which the screen mirrors in
 * right-to-left languages, while documents keep their own orientation), and
 * its delete box: the screen's top-right corner of the rectangle. */
static void finding_rect(const desk_state *st, const desk_finding *f, int r[4], int box[4]) {
    const desk_doc *doc = &st->docs[f->doc];
    int fw = (int)(f->w_mm * PX_PER_MM), fh = (int)(f->h_mm * PX_PER_MM);
    int fx = desk_rtl(st) ? (int)(doc->x + doc->w - (f->x_mm + f->w_mm) * PX_PER_MM)
                          : (int)(doc->x + f->x_mm * PX_PER_MM);
    int fy = (int)(doc->y + f->y_mm * PX_PER_MM);
    r[0] = fx, r[1] = fy, r[2] = fw, r[3] = fh;
    box[0] = desk_rtl(st) ? fx : fx + fw - 14, box[1] = fy, box[2] = 14, box[3] = 14;
}

/* The finding whose delete box or area is under the point. */
static int finding_at(const desk_state *st, int x, int y, int box_only) {
    for (int i = st->n_findings - 1; i >= 0; i--) {
        const desk_finding *f = &st->findings[i];
        const desk_doc *doc = &st->docs[f->doc];
        if (doc->closed || doc->side != f->side) continue;
        int r[4], b[4];
        finding_rect(st, f, r, b);
        if (hit(x, y, b[0], b[1], b[2], b[3])) return i;
        if (!box_only && hit(x, y, r[0], r[1], r[2], r[3])) return i;
    }
    return -1;
}

/* ------------------------------------------------------------ interview */

#define Q_X    16
#define Q_Y    268
#define Q_W    250
#define Q_H    26
#define Q_ROWS 9

static const desk_traveler *traveler(const desk_state *st) {
    return &st->session->travelers[st->traveler];
}

/* A question is offered once the question it comes after was asked. */
static int question_available(const desk_state *st, int i) {
    const desk_traveler *t = traveler(st);
    if (!t->questions[i].after[0]) return 1;
    for (int k = 0; k < t->n_questions; k++)
        if (!strcmp(t->questions[k].id, t->questions[i].after)) return st->asked[k] > 0;
    return 0;
}

/* The questions on offer, in menu order; returns how many. */
static int available_questions(const desk_state *st, int *out, int cap) {
    int n = 0;
    for (int i = 0; i < traveler(st)->n_questions && n < cap; i++)
        if (question_available(st, i)) out[n++] = i;
    return n;
}

static void ask(desk_state *st, int q, desk_log_fn log, void *ud) {
    const desk_question *dq = &traveler(st)->questions[q];
    st->asked[q]++;
    st->pending_ask = q;
    emit(st, log, ud, "ask", traveler(st)->id,
         "{\"question\": \"%s\", \"forbidden\": %s, \"times\": %d}", dq->id,
         dq->forbidden ? "true" : "false", st->asked[q]);
}

void desk_set_answer(desk_state *st, const char *key, desk_log_fn log, void *ud) {
    if (st->pending_ask < 0) return;
    st->answer_q = st->pending_ask;
    st->pending_ask = -1;
    snprintf(st->answer, sizeof st->answer, "%s", key ? key : "");
    char k[120];
    json_escape(st->answer, k, sizeof k);
    emit(st, log, ud, "answer", traveler(st)->id, "{\"question\": \"%s\", \"answer\": \"%s\"}",
         traveler(st)->questions[st->answer_q].id, k);
}

static void request_interpreter(desk_state *st, desk_log_fn log, void *ud) {
    if (st->interpreter) return;
    st->interpreter = 1;
    emit(st, log, ud, "interpreter", traveler(st)->id, "{}");
}

/* ------------------------------------------------------------ actions */

static void set_light(desk_state *st, int l, desk_log_fn log, void *ud) {
    if (l == st->light) return;
    st->light = l;
    st->lights_used |= LIGHT_BIT(l);
    emit(st, log, ud, "light", light_name((light_kind)l), "{}");
}

static void remove_finding(desk_state *st, int i, desk_log_fn log, void *ud) {
    char target[64];
    doc_target(st, st->findings[i].doc, target, sizeof target);
    emit(st, log, ud, "unflag", target, "{\"id\": %d}", st->findings[i].id);
    for (int k = i; k < st->n_findings - 1; k++)
        st->findings[k] = st->findings[k + 1];
    st->n_findings--;
    set_status(st, "status.finding_removed", 0, 0, 0);
}

static void save_finding(desk_state *st, desk_log_fn log, void *ud) {
    if (st->n_findings >= DESK_MAX_FINDINGS) {
        set_status(st, "status.max_findings", DESK_MAX_FINDINGS, 0, 0);
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
    f->x_mm = (desk_rtl(st) ? doc->x + doc->w - x1 : x0 - doc->x) / PX_PER_MM;
    f->y_mm = (y0 - doc->y) / PX_PER_MM;
    f->w_mm = (x1 - x0) / PX_PER_MM, f->h_mm = (y1 - y0) / PX_PER_MM;
    f->kind = st->pending_kind;
    st->flagged_kinds |= 1u << f->kind;
    snprintf(f->note, sizeof f->note, "%s", st->note);
    char target[64], note[200];
    doc_target(st, f->doc, target, sizeof target);
    json_escape(f->note, note, sizeof note);
    emit(st, log, ud, "flag", target,
         "{\"id\": %d, \"kind\": \"%s\", \"side\": %d, \"region_mm\": [%.2f, %.2f, %.2f, %.2f], "
         "\"light\": \"%s\", \"note\": \"%s\"}",
         f->id, finding_kinds[f->kind].id, f->side, f->x_mm, f->y_mm, f->w_mm, f->h_mm,
         light_name((light_kind)st->light), note);
    set_status(st, "status.finding_saved", f->id, 0, f->kind);
    st->mode = DESK_EXAMINE;
    st->draft_active = 0;
    st->note[0] = '\0';
}

static void ask_decision(desk_state *st, int decision) {
    st->pending_decision = decision;
    st->pending_protection = PROTECT_NONE;
    st->mode = decision == DECIDE_PROTECTION ? DESK_PROTECTION : DESK_CONFIRM;
}

/* Confirms the pending decision and moves the queue on. Returns 1 when the
 * traveler changed. */

static int confirm_decision(desk_state *st, desk_log_fn log, void *ud) {
    const desk_traveler *t = &st->session->travelers[st->traveler];
    st->decisions[st->traveler] = st->pending_decision;
    st->decided[st->traveler] = 1;
    st->case_seconds[st->traveler] = (float)(st->frame - st->case_frame0) / DESK_FPS;
    st->n_decided++;
    st->last_decided = st->traveler;
    st->protections[st->traveler] = st->pending_protection;
    emit(st, log, ud, "decide", t->id,
         "{\"decision\": \"%s\", \"protection\": \"%s\", \"findings\": %d, \"lights_used\": %u, "
         "\"mrz_reader_used\": %s}",
         decision_name(st->pending_decision), protection_name(st->pending_protection),
         st->n_findings, st->lights_used, st->mrz_used ? "true" : "false");
    if (st->session->debrief) { /* the app scores the case, then Return moves on */
        memset(&st->debrief, 0, sizeof st->debrief);
        st->mode = DESK_DEBRIEF;
        st->loupe = st->mrz_panel = st->ref_panel = 0;
        return 0;
    }
    return next_traveler(st, log, ud);
}

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

/* The queue moves on (or ends). Returns 1: the traveler changed. */
static int next_traveler(desk_state *st, desk_log_fn log, void *ud) {
    if (st->traveler + 1 >= st->session->n_travelers) {
        st->mode = DESK_DONE;
        st->end_frame = st->frame;
        st->n_docs = 0;
        st->loupe = st->mrz_panel = st->ref_panel = 0;
        set_status(st, st->time_up ? "status.time_up" : "status.session_complete",
                   st->session->n_travelers, 0, 0);
        emit(st, log, ud, "session_end", st->session->id, "{\"travelers\": %d, \"reason\": \"%s\"}",
             st->session->n_travelers, st->time_up ? "time_up" : "completed");
        return 1;
    }
    load_traveler(st, st->traveler + 1);
    st->mode = DESK_EXAMINE;
    set_status(st, "status.traveler", st->traveler + 1, st->session->n_travelers, 0);
    emit(st, log, ud, "traveler", st->session->travelers[st->traveler].id, "{\"index\": %d}",
         st->traveler + 1);
    return 1;
}

static void toggle_open(desk_state *st, int d, desk_log_fn log, void *ud) {
    if (d < 0) return;
    const desk_doc_spec *ds = &st->session->travelers[st->traveler].docs[d];
    if (!ds->passport) return;
    st->docs[d].closed = !st->docs[d].closed;
    char target[64];
    doc_target(st, d, target, sizeof target);
    emit(st, log, ud, st->docs[d].closed ? "close" : "open", target, "{}");
}

static void turn(desk_state *st, int d, desk_log_fn log, void *ud) {
    if (d < 0) return;
    const desk_doc_spec *ds = &st->session->travelers[st->traveler].docs[d];
    if (ds->pieces < 2) {
        set_status(st, "status.no_back", 0, 0, 0);
        return;
    }
    st->docs[d].side = !st->docs[d].side;
    char target[64];
    doc_target(st, d, target, sizeof target);
    emit(st, log, ud, "turn", target, "{\"side\": \"%s\"}", st->docs[d].side ? "back" : "front");
}

static void toggle_mrz(desk_state *st, desk_log_fn log, void *ud) {
    if (!st->session->mrz_reader) {
        set_status(st, "status.mrz_off", 0, 0, 0);
        emit(st, log, ud, "mrz_reader", "", "{\"on\": false, \"refused\": true}");
        return;
    }
    st->mrz_panel = !st->mrz_panel;
    if (st->mrz_panel) st->ref_panel = 0, st->mrz_used = 1;
    emit(st, log, ud, "mrz_reader", "", "{\"on\": %s}", st->mrz_panel ? "true" : "false");
}

static void toggle_ref(desk_state *st, desk_log_fn log, void *ud) {
    st->ref_panel = !st->ref_panel;
    if (st->ref_panel) st->mrz_panel = 0;
    char target[64] = "";
    if (top_doc(st) >= 0) doc_target(st, top_doc(st), target, sizeof target);
    emit(st, log, ud, "reference", target, "{\"on\": %s}", st->ref_panel ? "true" : "false");
}

static void start_flag(desk_state *st) {
    st->mode = DESK_FLAG_DRAW;
    st->draft_active = 0;
    set_status(st, "status.flag_start", 0, 0, 0);
}

/* A key or button that acts the same in the examine mode. */
static int command(desk_state *st, int cmd, desk_log_fn log, void *ud) {
    switch (cmd) {
    case B_LIGHT0:
    case B_LIGHT1:
    case B_LIGHT2:
    case B_LIGHT3:
    case B_LIGHT4:
        set_light(st, cmd - B_LIGHT0, log, ud);
        break;
    case B_LOUPE:
        st->loupe = !st->loupe;
        emit(st, log, ud, "loupe", "", "{\"on\": %s, \"zoom\": %d}", st->loupe ? "true" : "false",
             st->loupe_zoom);
        break;
    case B_MRZ:
        toggle_mrz(st, log, ud);
        break;
    case B_REF:
        toggle_ref(st, log, ud);
        break;
    case B_FLAG:
        start_flag(st);
        break;
    case B_ADMIT:
        ask_decision(st, DECIDE_ADMIT);
        break;
    case B_REFUSE:
        ask_decision(st, DECIDE_REFUSE);
        break;
    case B_SECOND:
        ask_decision(st, DECIDE_SECOND_LINE);
        break;
    case B_PROTECT:
        ask_decision(st, DECIDE_PROTECTION);
        break;
    case B_OPEN:
        toggle_open(st, top_doc(st), log, ud);
        break;
    case B_TURN:
        turn(st, top_doc(st), log, ud);
        break;
    case B_INTERP:
        request_interpreter(st, log, ud);
        break;
    case B_LANG:
        if (st->n_langs > 1) desk_set_language(st, (st->lang + 1) % st->n_langs, log, ud);
        break;
    case B_HELP:
        st->help = !st->help;
        if (st->help) emit(st, log, ud, "help", "", "{}");
        break;
    }
    return 0;
}

static int key_command(int key) {
    switch (key) {
    case KEY_1:
        return B_LIGHT0;
    case KEY_2:
        return B_LIGHT1;
    case KEY_3:
        return B_LIGHT2;
    case KEY_4:
        return B_LIGHT3;
    case KEY_5:
        return B_LIGHT4;
    case KEY_L:
        return B_LOUPE;
    case KEY_M:
        return B_MRZ;
    case KEY_R:
        return B_REF;
    case KEY_F:
        return B_FLAG;
    case KEY_A:
        return B_ADMIT;
    case KEY_X:
        return B_REFUSE;
    case KEY_S:
        return B_SECOND;
    case KEY_P:
        return B_PROTECT;
    case KEY_O:
        return B_OPEN;
    case KEY_T:
        return B_TURN;
    case KEY_F1:
        return B_HELP;
    case KEY_F2:
        return B_LANG;
    case KEY_I:
        return B_INTERP;
    default:
        return -1;
    }
}

/* Dialog geometry shared by step (hit tests) and draw. */
#define MENU_X   460
#define MENU_Y   150
#define MENU_W   420
#define MENU_ROW 30

static int menu_row_at(int x, int y, int rows) {
    if (x < MENU_X || x >= MENU_X + MENU_W) return -1;
    int r = (y - (MENU_Y + 44)) / MENU_ROW;
    if (y < MENU_Y + 44 || r >= rows) return -1;
    return r;
}

static int number_key(int key) { /* 1..9, 0 -> 0..9 */
    if (key >= KEY_1 && key <= KEY_9) return key - KEY_1;
    if (key == KEY_0) return 9;
    return -1;
}

/* Summary rows, as drawn: one per decided traveler. */
#define SUMMARY_Y0 206

/* Rows shrink for a long session so every case fits above the hint. */
static int summary_row_h(const desk_state *st) {
    return st->n_decided > 16 ? 16 : 24;
}

static int summary_row_traveler(const desk_state *st, int row) {
    for (int i = 0, r = 0; i < st->session->n_travelers; i++)
        if (st->decided[i] && r++ == row) return i;
    return -1;
}

/* Opens case i's debrief from the summary (the app then builds that
 * traveler's documents to show the missed defect under its light). */
static int open_review(desk_state *st, int i, desk_log_fn log, void *ud) {
    if (i < 0 || i >= st->session->n_travelers || !st->debriefs[i].ready) return 0;
    load_traveler(st, i);
    st->review = i;
    st->debrief = st->debriefs[i];
    st->mode = DESK_REVIEW;
    emit(st, log, ud, "review", st->session->travelers[i].id, "{\"index\": %d}", i + 1);
    return 1;
}

/* After the session: the summary opens each case's debrief (a number, a
 * click on its row); in a debrief, the arrows go to the case before or
 * after and Return or Escape goes back to the summary. */
static int review_step(desk_state *st, const input_event *ev, desk_log_fn log, void *ud) {
    int n = st->session->n_travelers;
    if (st->mode == DESK_DONE) {
        if (ev->kind == EV_KEY && ev->key >= KEY_1 && ev->key <= KEY_0)
            return open_review(st, summary_row_traveler(st, ev->key - KEY_1), log, ud);
        if (ev->kind == EV_DOWN && ev->button == BUTTON_LEFT && ev->y >= SUMMARY_Y0 - 17)
            return open_review(
                st, summary_row_traveler(st, (ev->y - SUMMARY_Y0 + 17) / summary_row_h(st)), log,
                ud);
        return 0;
    }
    if (ev->kind == EV_KEY && (ev->key == KEY_LEFT || ev->key == KEY_RIGHT)) {
        int dir = ev->key == KEY_RIGHT ? 1 : -1;
        for (int i = st->review + dir; i >= 0 && i < n; i += dir)
            if (st->debriefs[i].ready) return open_review(st, i, log, ud);
        return 0;
    }
    if ((ev->kind == EV_KEY && (ev->key == KEY_RETURN || ev->key == KEY_ESCAPE)) ||
        (ev->kind == EV_DOWN && ev->button == BUTTON_LEFT)) {
        st->mode = DESK_DONE;
        st->review = -1;
        st->n_docs = 0;
        return 0;
    }
    return 0;
}

int desk_step(desk_state *st, const input_event *ev_in, desk_log_fn log, void *ud) {
    if (!ev_in) return 0;
    /* Right-to-left languages mirror the screen: the desk works in unmirrored
     * coordinates, so mirror the pointer (and the arrows) on the way in. */
    input_event mirrored = *ev_in;
    const input_event *ev = &mirrored;
    if (desk_rtl(st)) {
        if (ev_in->kind == EV_MOVE || ev_in->kind == EV_DOWN || ev_in->kind == EV_UP)
            mirrored.x = DESK_W - 1 - ev_in->x;
        if (ev_in->kind == EV_KEY && ev_in->key == KEY_LEFT)
            mirrored.key = KEY_RIGHT;
        else if (ev_in->kind == EV_KEY && ev_in->key == KEY_RIGHT)
            mirrored.key = KEY_LEFT;
    }
    if (ev->kind == EV_MOVE || ev->kind == EV_DOWN || ev->kind == EV_UP)
        st->mx = ev->x, st->my = ev->y;
    if (st->mode == DESK_DONE || st->mode == DESK_REVIEW) return review_step(st, ev, log, ud);
    if (ev->kind == EV_FOCUS_LOST && st->mode == DESK_DRAG) st->mode = DESK_EXAMINE;
    /* Help overlay: any key or click closes it. */
    if (st->help && (ev->kind == EV_KEY || ev->kind == EV_DOWN)) {
        st->help = 0;
        return 0;
    }
    switch (st->mode) {
    case DESK_EXAMINE:
        if (ev->kind == EV_KEY) {
            if (ev->key == KEY_ESCAPE) {
                st->mrz_panel = st->ref_panel = 0;
            } else if (ev->key == KEY_Q && traveler(st)->n_questions > 0) {
                st->mode = DESK_ASK;
            } else if (ev->key == KEY_DELETE) {
                int f = finding_at(st, st->mx, st->my, 0);
                if (f >= 0) remove_finding(st, f, log, ud);
            } else if (ev->key >= KEY_UP && ev->key <= KEY_RIGHT) {
                /* Arrows move the pointer while the loupe is on, else the top document. */
                int dx = ev->key == KEY_LEFT ? -1 : ev->key == KEY_RIGHT ? 1 : 0;
                int dy = ev->key == KEY_UP ? -1 : ev->key == KEY_DOWN ? 1 : 0;
                int d = top_doc(st);
                if (st->loupe) {
                    st->mx = st->mx + 8 * dx, st->my = st->my + 8 * dy;
                } else if (d >= 0) {
                    desk_doc *doc = &st->docs[d];
                    doc->x = fmin(fmax(doc->x + 10 * dx, DESK_X0 - doc->w + 40), DESK_X1 - 40);
                    doc->y = fmin(fmax(doc->y + 10 * dy, DESK_Y0 - doc->h + 40), DESK_Y1 - 40);
                    char target[64];
                    doc_target(st, d, target, sizeof target);
                    emit(st, log, ud, "move", target, "{\"x\": %d, \"y\": %d}", (int)doc->x,
                         (int)doc->y);
                }
            } else if (ev->key == KEY_TAB && st->n_docs > 1) {
                int d = st->order[0]; /* the bottom document comes to the top */
                to_front(st, d);
                char target[64];
                doc_target(st, d, target, sizeof target);
                emit(st, log, ud, "pick_up", target, "{}");
            } else if (ev->key == KEY_PLUS || ev->key == KEY_MINUS) {
                int z = st->loupe_zoom + (ev->key == KEY_PLUS ? 1 : -1);
                if (z >= 2 && z <= 8 && z != st->loupe_zoom) {
                    st->loupe_zoom = z;
                    emit(st, log, ud, "loupe_zoom", "", "{\"zoom\": %d}", z);
                }
            } else {
                int c = key_command(ev->key);
                if (c >= 0) command(st, c, log, ud);
            }
        } else if (ev->kind == EV_WHEEL && st->loupe) {
            int z = st->loupe_zoom + (ev->wheel > 0 ? 1 : -1);
            if (z >= 2 && z <= 8 && z != st->loupe_zoom) {
                st->loupe_zoom = z;
                emit(st, log, ud, "loupe_zoom", "", "{\"zoom\": %d}", z);
            }
        } else if (ev->kind == EV_DOWN && ev->button == BUTTON_LEFT) {
            int b = button_at(ev->x, ev->y);
            if (b == B_INTERP && traveler(st)->n_questions == 0) b = -1;
            if (b >= 0) return command(st, b, log, ud);
            if (hit(ev->x, ev->y, Q_X, Q_Y, Q_W, Q_H * Q_ROWS)) {
                int av[DESK_MAX_QUESTIONS];
                int n = available_questions(st, av, DESK_MAX_QUESTIONS), r = (ev->y - Q_Y) / Q_H;
                if (r < n && r < Q_ROWS) ask(st, av[r], log, ud);
                return 0;
            }
            int f = finding_at(st, ev->x, ev->y, 1);
            if (f >= 0) {
                remove_finding(st, f, log, ud);
                return 0;
            }
            int d = desk_doc_at(st, ev->x, ev->y, NULL, NULL);
            if (d >= 0) {
                if (top_doc(st) != d) {
                    to_front(st, d);
                    char target[64];
                    doc_target(st, d, target, sizeof target);
                    emit(st, log, ud, "pick_up", target, "{}");
                }
                if (st->docs[d].closed) {
                    toggle_open(st, d, log, ud);
                    return 0;
                }
                st->mode = DESK_DRAG;
                st->drag_doc = d;
                st->drag_dx = ev->x - st->docs[d].x;
                st->drag_dy = ev->y - st->docs[d].y;
            }
        } else if (ev->kind == EV_DOWN && ev->button == BUTTON_RIGHT) {
            int d = desk_doc_at(st, ev->x, ev->y, NULL, NULL);
            if (d >= 0) turn(st, d, log, ud);
        }
        break;
    case DESK_DRAG:
        if (ev->kind == EV_MOVE || ev->kind == EV_UP) {
            desk_doc *doc = &st->docs[st->drag_doc];
            double x = ev->x - st->drag_dx, y = ev->y - st->drag_dy;
            /* keep at least a corner on the desk so it can be picked up again */
            doc->x = fmin(fmax(x, DESK_X0 - doc->w + 40), DESK_X1 - 40);
            doc->y = fmin(fmax(y, DESK_Y0 - doc->h + 40), DESK_Y1 - 40);
        }
        if (ev->kind == EV_UP) {
            char target[64];
            doc_target(st, st->drag_doc, target, sizeof target);
            emit(st, log, ud, "move", target, "{\"x\": %d, \"y\": %d}",
                 (int)st->docs[st->drag_doc].x, (int)st->docs[st->drag_doc].y);
            st->mode = DESK_EXAMINE;
        }
        break;
    case DESK_FLAG_DRAW:
        if (ev->kind == EV_KEY && ev->key >= KEY_UP && ev->key <= KEY_RIGHT) {
            /* By keyboard: arrows move the pointer, Return starts and ends the rectangle. */
            st->mx += 6 * (ev->key == KEY_LEFT ? -1 : ev->key == KEY_RIGHT ? 1 : 0);
            st->my += 6 * (ev->key == KEY_UP ? -1 : ev->key == KEY_DOWN ? 1 : 0);
            if (st->draft_active) st->draft_x1 = st->mx, st->draft_y1 = st->my;
            break;
        }
        if (ev->kind == EV_KEY && ev->key == KEY_RETURN) {
            input_event click = {0};
            click.kind = st->draft_active ? EV_UP : EV_DOWN;
            click.button = BUTTON_LEFT;
            /* desk_step mirrors screen coordinates again: hand it screen ones */
            click.x = desk_rtl(st) ? DESK_W - 1 - st->mx : st->mx, click.y = st->my;
            return desk_step(st, &click, log, ud);
        }
        if (ev->kind == EV_KEY && ev->key == KEY_ESCAPE) {
            st->mode = DESK_EXAMINE;
            st->draft_active = 0;
            set_status(st, "status.flag_cancelled", 0, 0, 0);
        } else if (ev->kind == EV_DOWN && ev->button == BUTTON_LEFT) {
            int d = desk_doc_at(st, ev->x, ev->y, NULL, NULL);
            if (d < 0 || st->docs[d].closed) {
                set_status(st, "status.flag_on_doc", 0, 0, 0);
                break;
            }
            st->draft_doc = d;
            st->draft_active = 1;
            st->draft_x0 = st->draft_x1 = ev->x;
            st->draft_y0 = st->draft_y1 = ev->y;
        } else if ((ev->kind == EV_MOVE || ev->kind == EV_UP) && st->draft_active) {
            st->draft_x1 = ev->x, st->draft_y1 = ev->y;
            if (ev->kind == EV_UP) {
                if (fabs(st->draft_x1 - st->draft_x0) < 4 ||
                    fabs(st->draft_y1 - st->draft_y0) < 4) {
                    st->draft_active = 0;
                    set_status(st, "status.flag_small", 0, 0, 0);
                } else {
                    st->mode = DESK_FLAG_KIND;
                }
            }
        }
        break;
    case DESK_FLAG_KIND: {
        int pick = -1;
        if (ev->kind == EV_KEY && ev->key == KEY_ESCAPE) {
            st->mode = DESK_EXAMINE;
            st->draft_active = 0;
            break;
        }
        if (ev->kind == EV_KEY) pick = number_key(ev->key);
        if (ev->kind == EV_DOWN && ev->button == BUTTON_LEFT)
            pick = menu_row_at(ev->x, ev->y, desk_finding_kind_count());
        if (pick >= 0 && pick < desk_finding_kind_count()) {
            st->pending_kind = pick;
            st->note[0] = '\0';
            st->mode = DESK_FLAG_NOTE;
        }
        break;
    }
    case DESK_FLAG_NOTE:
        if (ev->kind == EV_TEXT) {
            size_t n = strlen(st->note), k = strlen(ev->text);
            if (n + k < sizeof st->note) memcpy(st->note + n, ev->text, k + 1);
        } else if (ev->kind == EV_KEY && ev->key == KEY_BACKSPACE) {
            size_t n = strlen(st->note);
            while (n > 0 && ((unsigned char)st->note[n - 1] & 0xC0) == 0x80)
                n--; /* UTF-8 */
            if (n > 0) n--;
            st->note[n] = '\0';
        } else if (ev->kind == EV_KEY && ev->key == KEY_RETURN) {
            save_finding(st, log, ud);
        } else if (ev->kind == EV_KEY && ev->key == KEY_ESCAPE) {
            st->mode = DESK_EXAMINE;
            st->draft_active = 0;
            set_status(st, "status.finding_discarded", 0, 0, 0);
        }
        break;
    case DESK_PROTECTION: {
        int pick = -1;
        if (ev->kind == EV_KEY && ev->key == KEY_ESCAPE) st->mode = DESK_EXAMINE;
        if (ev->kind == EV_KEY) pick = number_key(ev->key);
        if (ev->kind == EV_DOWN && ev->button == BUTTON_LEFT) pick = menu_row_at(ev->x, ev->y, 3);
        if (pick >= 0 && pick < 3) {
            st->pending_protection = pick + 1;
            st->mode = DESK_CONFIRM;
        }
        break;
    }
    case DESK_CONFIRM:
        if ((ev->kind == EV_KEY && (ev->key == KEY_RETURN || ev->key == KEY_Y)) ||
            (ev->kind == EV_DOWN && hit(ev->x, ev->y, MENU_X + 40, MENU_Y + 120, 150, 40)))
            return confirm_decision(st, log, ud);
        if ((ev->kind == EV_KEY && (ev->key == KEY_ESCAPE || ev->key == KEY_N)) ||
            (ev->kind == EV_DOWN && hit(ev->x, ev->y, MENU_X + 230, MENU_Y + 120, 150, 40))) {
            st->mode = DESK_EXAMINE;
            set_status(st, "status.decision_cancelled", 0, 0, 0);
        }
        break;
    case DESK_ASK: {
        int av[DESK_MAX_QUESTIONS], n = available_questions(st, av, DESK_MAX_QUESTIONS);
        int pick = -1;
        if (ev->kind == EV_KEY && ev->key == KEY_ESCAPE) st->mode = DESK_EXAMINE;
        if (ev->kind == EV_KEY) pick = number_key(ev->key);
        if (ev->kind == EV_DOWN && ev->button == BUTTON_LEFT)
            pick = menu_row_at(ev->x, ev->y, n < 10 ? n : 10);
        if (pick >= 0 && pick < n && pick < 10) {
            st->mode = DESK_EXAMINE;
            ask(st, av[pick], log, ud);
        }
        break;
    }
    case DESK_DEBRIEF:
        if ((ev->kind == EV_KEY && (ev->key == KEY_RETURN || ev->key == KEY_ESCAPE)) ||
            (ev->kind == EV_DOWN && ev->button == BUTTON_LEFT)) {
            emit(st, log, ud, "debrief_closed", traveler(st)->id, "{}");
            return next_traveler(st, log, ud);
        }
        break;
    case DESK_DONE:
    case DESK_REVIEW:
        break;
    }
    return 0;
}

/* ------------------------------------------------------------ drawing */

static draw_cmd *push(draw_list *dl, draw_kind k) {
    if (dl->n >= DRAW_MAX) return NULL;
    draw_cmd *c = &dl->cmd[dl->n++];
    memset(c, 0, sizeof *c);
    c->kind = k;
    return c;
}

static void fill(draw_list *dl, int x, int y, int w, int h, uint32_t rgba) {
    draw_cmd *c = push(dl, DRAW_FILL);
    if (c) c->x = x, c->y = y, c->w = w, c->h = h, c->rgba = rgba;
}

static void frame_rect(draw_list *dl, int x, int y, int w, int h, int t, uint32_t rgba) {
    draw_cmd *c = push(dl, DRAW_FRAME);
    if (c) c->x = x, c->y = y, c->w = w, c->h = h, c->thick = t, c->rgba = rgba;
}

static void tex(draw_list *dl, int t, int a, int b, int cc, int x, int y, int w, int h) {
    draw_cmd *c = push(dl, DRAW_TEX);
    if (c) c->tex = t, c->a = a, c->b = b, c->c = cc, c->x = x, c->y = y, c->w = w, c->h = h;
}

static void text(draw_list *dl, int x, int y, int size, uint32_t rgba, int bold, int align,
                 const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 8, 9)))
#endif
    ;

static void text(draw_list *dl, int x, int y, int size, uint32_t rgba, int bold, int align,
                 const char *fmt, ...) {
    size_t room = sizeof dl->strings - (size_t)dl->used;
    if (room < 2) return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(dl->strings + dl->used, room, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n >= room) n = (int)room - 1;
    draw_cmd *c = push(dl, DRAW_TEXT);
    if (!c) return;
    c->text = dl->strings + dl->used;
    dl->used += n + 1;
    c->x = x, c->y = y, c->size = size, c->rgba = rgba, c->bold = bold, c->align = align;
}

#define C_BG        0xFF2B2520u /* booth wall */
#define C_DESK      0xFF3A4A5Cu /* desk top (brown-grey, ABGR) */
#define C_PANEL     0xF0302A26u
#define C_TEXT      0xFFEDEDEDu
#define C_DIM       0xFFB0B0B0u
#define C_ACCENT    0xFF3FC8F0u /* amber */
#define C_RED       0xFF4040E8u
#define C_GREEN     0xFF70D090u
#define C_BUTTON    0xFF4A423Cu
#define C_BUTTON_ON 0xFF8A6A3Au

static void draw_button(const desk_state *st, draw_list *dl, int i, int on) {
    fill(dl, buttons[i].x, buttons[i].y, buttons[i].w, buttons[i].h, on ? C_BUTTON_ON : C_BUTTON);
    frame_rect(dl, buttons[i].x, buttons[i].y, buttons[i].w, buttons[i].h, 1, 0xFF6A625Cu);
    text(dl, buttons[i].x + buttons[i].w / 2, buttons[i].y + 24, 15, C_TEXT, 0, 1, "%s",
         tr(st, buttons[i].key));
    if (dl->n > 0 && dl->cmd[dl->n - 1].kind == DRAW_TEXT)
        dl->cmd[dl->n - 1].max_w = buttons[i].w - 6; /* longer labels shrink to fit */
}

/* A number in the interface language's digits. */
static const char *num(const desk_state *st, long n, char *buf, size_t cap) {
    if (st->n_langs > 0)
        i18n_number(st->langs[st->lang], n, buf, cap);
    else
        snprintf(buf, cap, "%ld", n);
    return buf;
}

/* A catalogue text with {n}, {total}, {kind}, {light}, {name} filled in. */
static const char *fmt(const desk_state *st, char *out, size_t cap, const char *key, long n,
                       long total, const char *kind, const char *light, const char *name) {
    char a[24], b[24];
    num(st, n, a, sizeof a);
    num(st, total, b, sizeof b);
    if (st->n_langs > 0)
        i18n_format(st->langs[st->lang], out, cap, key, "n", a, "total", b, "kind",
                    kind ? kind : "", "light", light ? light : "", "name", name ? name : "",
                    (const char *)NULL);
    else
        snprintf(out, cap, "%s", key);
    return out;
}

static const char *light_label(const desk_state *st, int l) {
    static const char *keys[LIGHT_COUNT] = {"light.visible", "light.uv", "light.ir",
                                            "light.oblique", "light.transmitted"};
    return tr(st, keys[l]);
}

static void draw_mrz_panel(const desk_state *st, draw_list *dl) {
    int x = 820, y = 56, w = 440, h = 540;
    fill(dl, x, y, w, h, C_PANEL);
    frame_rect(dl, x, y, w, h, 2, C_ACCENT);
    text(dl, x + 16, y + 30, 18, C_ACCENT, 1, 0, "%s", tr(st, "mrz.title"));
    int d = top_doc(st);
    const desk_doc_info *in = d >= 0 ? &st->info[d] : NULL;
    if (!in || in->mrz_lines == 0 || st->docs[d].closed) {
        text(dl, x + 16, y + 64, 15, C_TEXT, 0, 0, "%s", tr(st, "mrz.put_open"));
        return;
    }
    char joined[160] = "";
    for (int l = 0; l < in->mrz_lines; l++) {
        strncat(joined, in->mrz[l], sizeof joined - strlen(joined) - 2);
        strcat(joined, "\n");
        text(dl, x + 16, y + 64 + l * 22, 11, C_TEXT, 0, 0, "%s", in->mrz[l]);
    }
    mrz_result r;
    mrz_parse(joined, strlen(joined), &r);
    int yy = y + 64 + in->mrz_lines * 22 + 16;
    text(dl, x + 16, yy, 16, r.valid ? C_GREEN : C_RED, 1, 0, "%s  %s",
         r.format >= 0 ? mrz_format_name(r.format) : tr(st, "mrz.unreadable"),
         tr(st, r.valid ? "mrz.valid" : "mrz.invalid"));
    yy += 28;
    const mrz_fields *f = &r.fields;
    const char *rows[][2] = {
        {"mrz.f.document", f->document_code}, {"mrz.f.state", f->issuing_state},
        {"mrz.f.number", f->document_number}, {"mrz.f.surname", f->surname},
        {"mrz.f.given", f->given_names},      {"mrz.f.nationality", f->nationality},
        {"mrz.f.birth", f->birth_date},       {"mrz.f.sex", f->sex},
        {"mrz.f.expiry", f->expiry_date},     {"mrz.f.optional", f->optional_data}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++, yy += 22) {
        text(dl, x + 16, yy, 14, C_DIM, 0, 0, "%s", tr(st, rows[i][0]));
        text(dl, x + 170, yy, 14, C_TEXT, 1, 0, "%s", rows[i][1]);
    }
    /* the reader's own findings stay in English: they quote the MRZ's fields */
    for (int i = 0; i < r.n_issues && i < 6; i++, yy += 20)
        text(dl, x + 16, yy + 6, 13, C_RED, 0, 0, "%s: %.60s", r.issues[i].field,
             r.issues[i].message);
}

static void draw_ref_panel(const desk_state *st, draw_list *dl) {
    int d = top_doc(st);
    int x = 780, y = 56, w = 484, h = 540;
    fill(dl, x, y, w, h, C_PANEL);
    frame_rect(dl, x, y, w, h, 2, C_ACCENT);
    if (d < 0) return;
    const desk_doc_info *in = &st->info[d];
    const desk_doc_spec *ds = &st->session->travelers[st->traveler].docs[d];
    char buf[256];
    text(dl, x + 16, y + 28, 17, C_ACCENT, 1, 0, "%s", tr(st, "ref.title"));
    char tkey[64];
    snprintf(tkey, sizeof tkey, "template.%s", in->template_id);
    const char *tname = tr(st, tkey);
    if (!strcmp(tname, tkey)) tname = in->name; /* no translation: the template's own name */
    text(dl, x + 16, y + 50, 14, C_DIM, 0, 0, "%s",
         fmt(st, buf, sizeof buf, "ref.under", 0, 0, NULL, light_label(st, st->light), tname));
    double k = fmin((w - 32) / ds->mm_w, 260 / ds->mm_h);
    int iw = (int)(ds->mm_w * k), ih = (int)(ds->mm_h * k), ix = x + 16, iy = y + 66;
    tex(dl, TEX_REF, d, st->light, st->docs[d].side, ix, iy, iw, ih);
    int yy = iy + ih + 24, shown = 0;
    for (int i = 0; i < in->n_features; i++) {
        const desk_feature *f = &in->features[i];
        int under = (f->lights & LIGHT_BIT(st->light)) != 0 && f->side == st->docs[d].side;
        if (!under) continue;
        /* the specimen keeps its own orientation: in a mirrored screen, mirror
         * the outline inside it so the outline lands on the feature */
        int fx = desk_rtl(st) ? ix + iw - (int)((f->x_mm + f->w_mm) * k) : ix + (int)(f->x_mm * k);
        frame_rect(dl, fx, iy + (int)(f->y_mm * k), (int)(f->w_mm * k), (int)(f->h_mm * k), 1,
                   C_ACCENT);
        if (shown < 10 && !(f->w_mm >= ds->mm_w - 1 && f->h_mm >= ds->mm_h - 1)) {
            char key[48], n[16];
            snprintf(key, sizeof key, "feature.%s", f->kind);
            text(dl, fx + 2, iy + (int)(f->y_mm * k) + 12, 11, C_ACCENT, 1, 0, "%s",
                 num(st, shown + 1, n, sizeof n));
            text(dl, x + 16 + (shown % 2) * 230, yy + (shown / 2) * 20, 13, C_TEXT, 0, 0, "%s  %s",
                 n, tr(st, key));
            shown++;
        }
    }
    if (!shown) text(dl, x + 16, yy, 13, C_DIM, 0, 0, "%s", tr(st, "ref.none"));
}

static void draw_help(const desk_state *st, draw_list *dl) {
    int x = 300, y = 44, w = 700, h = 572;
    fill(dl, x, y, w, h, 0xF8201C18u);
    frame_rect(dl, x, y, w, h, 2, C_ACCENT);
    text(dl, x + 20, y + 34, 20, C_ACCENT, 1, 0, "%s", tr(st, "help.title"));
    for (int i = 1; i <= 16; i++) {
        char k[16], d[16];
        snprintf(k, sizeof k, "help.k%d", i);
        snprintf(d, sizeof d, "help.d%d", i);
        text(dl, x + 24, y + 38 + i * 32, 15, C_ACCENT, 1, 0, "%s", tr(st, k));
        text(dl, x + 170, y + 38 + i * 32, 15, C_TEXT, 0, 0, "%s", tr(st, d));
    }
}

/* A menu whose rows are already texts (scenario strings). */
static void draw_menu_texts(const desk_state *st, draw_list *dl, const char *title_key,
                            const char *const *rows, int n) {
    int h = 60 + n * MENU_ROW;
    fill(dl, MENU_X, MENU_Y, MENU_W, h, 0xF8201C18u);
    frame_rect(dl, MENU_X, MENU_Y, MENU_W, h, 2, C_ACCENT);
    text(dl, MENU_X + 16, MENU_Y + 30, 17, C_ACCENT, 1, 0, "%s", tr(st, title_key));
    for (int i = 0; i < n; i++) {
        char b[16];
        text(dl, MENU_X + 20, MENU_Y + 44 + i * MENU_ROW + 21, 15, C_TEXT, 0, 0, "%s  %s",
             num(st, (i + 1) % 10, b, sizeof b), rows[i]);
        dl->cmd[dl->n - 1].max_w = MENU_W - 40;
    }
}

/* A menu of catalogue keys. */
static void draw_menu(const desk_state *st, draw_list *dl, const char *title_key,
                      const char *const *row_keys, int n) {
    const char *rows[16];
    if (n > 16) n = 16;
    for (int i = 0; i < n; i++)
        rows[i] = tr(st, row_keys[i]);
    draw_menu_texts(st, dl, title_key, rows, n);
}

/* A text of the traveler's scenario, in interface language `lang` (an index
 * of st->langs), falling back to the scenario's English, then the key. */
/* A string of traveler i's scenario in the interface's language. */
static const char *scn_text_of(const desk_state *st, int i, int lang, const char *key) {
    const desk_traveler *t = &st->session->travelers[i];
    const i18n *c = lang >= 0 && lang < 8 ? t->strings[lang] : NULL;
    if (!c) c = t->strings[0];
    return c ? i18n_get(c, key) : key;
}

static const char *scn_text(const desk_state *st, int lang, const char *key) {
    return scn_text_of(st, st->traveler, lang, key);
}

/* The language the traveler's answers reach the officer in: the interface's
 * when the traveler speaks it or an interpreter is there, else the
 * traveler's own (which the officer may not read: that is the point). */
static int answer_language(const desk_state *st, int *foreign) {
    const desk_traveler *t = traveler(st);
    *foreign = 0;
    if (t->n_speaks == 0 || st->interpreter) return st->lang;
    const char *ui = st->n_langs ? i18n_lang(st->langs[st->lang]) : "en";
    for (int i = 0; i < t->n_speaks; i++)
        if (!strcmp(t->speaks[i], ui)) return st->lang;
    for (int l = 0; l < st->n_langs; l++)
        if (!strcmp(i18n_lang(st->langs[l]), t->speaks[0])) {
            *foreign = 1;
            return l;
        }
    *foreign = 1;
    return st->lang;
}

static void draw_traveler(const desk_state *st, draw_list *dl) {
    const desk_traveler *t = traveler(st);
    char buf[256];
    if (t->n_questions == 0) { /* no scenario: just the person */
        tex(dl, TEX_FACE, st->traveler, 0, 0, 20, 56, 242, 300);
        frame_rect(dl, 20, 56, 242, 300, 2, 0xFF57504Au);
        text(dl, 20, 384, 16, C_TEXT, 1, 0, "%s", tr(st, "traveler.at_counter"));
        text(dl, 20, 408, 14, C_DIM, 0, 0, "%s", tr(st, "traveler.compare"));
        return;
    }
    tex(dl, TEX_FACE, st->traveler, 0, 0, 16, 46, 160, 198);
    frame_rect(dl, 16, 46, 160, 198, 2, 0xFF57504Au);
    /* what an officer sees of them: a companion, a need, what they carry */
    int y = 62;
    if (t->companion) { /* up to four wrapped lines */
        text(dl, 184, y, 12, C_ACCENT, 1, 0, "%s", tr(st, "traveler.companion"));
        dl->cmd[dl->n - 1].max_w = -90; /* wrap to 90 px */
        y += 70;
    }
    if (t->needs[0]) {
        text(dl, 184, y, 12, C_ACCENT, 0, 0, "%s", scn_text(st, st->lang, t->needs));
        dl->cmd[dl->n - 1].max_w = -90;
        y += 52;
    }
    for (int i = 0; i < t->n_carries && y < 236; i++, y += 34) {
        text(dl, 184, y, 12, C_DIM, 0, 0, "%s", scn_text(st, st->lang, t->carries[i]));
        dl->cmd[dl->n - 1].max_w = -90;
    }
    text(dl, Q_X, Q_Y - 8, 14, C_TEXT, 1, 0, "%s", tr(st, "interview.questions"));
    int av[DESK_MAX_QUESTIONS], n = available_questions(st, av, DESK_MAX_QUESTIONS);
    for (int r = 0; r < n && r < Q_ROWS; r++) {
        const desk_question *q = &t->questions[av[r]];
        int yy = Q_Y + r * Q_H;
        fill(dl, Q_X, yy + 2, Q_W, Q_H - 4, st->answer_q == av[r] ? C_BUTTON_ON : C_BUTTON);
        text(dl, Q_X + 6, yy + 18, 13, st->asked[av[r]] ? C_DIM : C_TEXT, 0, 0, "%s",
             scn_text(st, st->lang, q->text));
        dl->cmd[dl->n - 1].max_w = Q_W - 12;
    }
    /* the last answer, as the officer hears it */
    if (st->answer_q >= 0) {
        int foreign, l = answer_language(st, &foreign);
        fill(dl, Q_X, 508, Q_W, 100, 0xFF15110Eu);
        int yy = 526;
        if (foreign) {
            char name[32];
            snprintf(name, sizeof name, "lang.%s", t->speaks[0]);
            fmt(st, buf, sizeof buf, "interview.foreign", 0, 0, NULL, NULL, tr(st, name));
            text(dl, Q_X + 6, yy, 12, C_ACCENT, 1, 0, "%s", buf);
            yy += 18;
        }
        text(dl, Q_X + 6, yy, 13, C_TEXT, 0, 0, "%s", scn_text(st, l, st->answer));
        dl->cmd[dl->n - 1].max_w = -(Q_W - 12); /* negative: wrap */
        /* the answer keeps its own language's direction */
        if (l < st->n_langs) dl->cmd[dl->n - 1].dir = i18n_rtl(st->langs[l]) ? 2 : 1;
    }
    draw_button(st, dl, B_INTERP, st->interpreter);
}

/* The debrief: points, competencies, critical errors, each defect found or
 * missed, the first missed one shown under a light that reveals it. */
/* "Refused entry", "Protection (Child protection)", or "none". */
static void decision_words(const desk_state *st, int dec, int prot, char *out, size_t cap) {
    static const char *dkeys[] = {"debrief.no_decision", "decision.admit", "decision.refuse",
                                  "decision.second_line", "decision.protection"};
    static const char *pkeys[] = {"", "protect.asylum", "protect.child", "protect.trafficking"};
    if (dec < 0 || dec > 4) dec = 0;
    if (dec == DECIDE_PROTECTION && prot > 0 && prot < 4)
        snprintf(out, cap, "%s (%s)", tr(st, dkeys[dec]), tr(st, pkeys[prot]));
    else
        snprintf(out, cap, "%s", tr(st, dkeys[dec]));
}

static void draw_debrief(const desk_state *st, draw_list *dl) {
    const desk_debrief *d = &st->debrief;
    int x = DESK_X0, y = DESK_Y0, w = DESK_X1 - DESK_X0;
    char buf[256];
    fill(dl, x, y, w, DESK_Y1 - DESK_Y0, 0xFF1C1815u);
    frame_rect(dl, x, y, w, DESK_Y1 - DESK_Y0, 2, C_ACCENT);
    if (!d->ready) return;
    text(dl, x + 20, y + 34, 22, C_ACCENT, 1, 0, "%s",
         fmt(st, buf, sizeof buf, "debrief.title", (long)(d->points + 0.5), 0, NULL, NULL, NULL));
    text(dl, x + 330, y + 34, 18, d->passed ? C_GREEN : C_RED, 1, 0, "%s",
         tr(st, d->passed ? "debrief.passed" : "debrief.failed"));
    /* the decision against the expected one, the first thing to learn */
    if (d->expected) {
        char mine[96], want[96];
        decision_words(st, d->decision, d->protection, mine, sizeof mine);
        decision_words(st, d->expected, d->expected_protection, want, sizeof want);
        int right = d->decision == d->expected &&
                    (d->expected != DECIDE_PROTECTION || d->protection == d->expected_protection);
        text(dl, x + 500, y + 34, 15, right ? C_GREEN : C_RED, 1, 0, "%s",
             fmt(st, buf, sizeof buf, "debrief.decision", 0, 0, mine, NULL, want));
        dl->cmd[dl->n - 1].max_w = w - 520;
    }
    static const char *comps[4] = {"comp.document_examination", "comp.interview",
                                   "comp.human_rights", "comp.procedure"};
    for (int c = 0; c < 4; c++) {
        int yy = y + 64 + c * 28;
        text(dl, x + 20, yy + 15, 14, C_TEXT, 0, 0, "%s", tr(st, comps[c]));
        fill(dl, x + 160, yy, 220, 18, 0xFF3A342Eu);
        fill(dl, x + 160, yy, (int)(220 * d->competency[c] + 0.5), 18,
             d->competency[c] >= 0.7 ? C_GREEN : C_RED);
    }
    int yy = y + 190;
    for (int i = 0; i < d->n_critical; i++, yy += 22) {
        char key[80];
        snprintf(key, sizeof key, "critical.%s", d->critical[i]);
        text(dl, x + 20, yy, 15, C_RED, 1, 0, "%s", tr(st, key));
    }
    yy += 10;
    if (!d->n_items) {
        text(dl, x + 20, yy, 14, C_DIM, 0, 0, "%s", tr(st, "debrief.none"));
        yy += 22;
    }
    int shown = -1;
    for (int i = 0; i < d->n_items; i++, yy += 22) {
        char key[64];
        snprintf(key, sizeof key, "defect.%s", d->items[i].defect);
        static const char *status[3] = {"debrief.missed", "debrief.located", "debrief.found"};
        int f = d->items[i].found;
        text(dl, x + 20, yy, 14,
             f == 2 ? C_GREEN
             : f    ? C_ACCENT
                    : C_RED,
             0, 0, "%s %s: %s",
             f == 2 ? "+"
             : f    ? "~"
                    : "-",
             tr(st, key), tr(st, status[f]));
        if (f < 2 && shown < 0) shown = i;
    }
    /* the lessons besides the defects, as far as the page has room (the
     * right half shows a missed defect's document when there is one) */
    int room = w - 40;
    for (int i = 0; i < d->n_items; i++)
        if (d->items[i].found < 2) room = 450;
    for (int i = 0; i < d->n_notes && yy < DESK_Y1 - 110; i++, yy += 22) {
        const desk_debrief_note *n = &d->notes[i];
        static const char *keys[] = {"debrief.ask_missed", "debrief.forbidden",
                                     "debrief.interpreter", "debrief.light_unused"};
        const char *q = n->key[0] ? scn_text(st, st->lang, n->key) : NULL;
        text(dl, x + 20, yy, 14, n->kind == NOTE_FORBIDDEN ? C_RED : C_ACCENT, 0, 0, "- %s",
             fmt(st, buf, sizeof buf, keys[n->kind], 0, 0, NULL,
                 n->kind == NOTE_LIGHT ? light_label(st, n->light) : NULL, q));
        dl->cmd[dl->n - 1].max_w = room;
    }
    /* the first defect not found, on its document, under a light that shows it */
    if (shown >= 0) {
        const desk_debrief_item *it = &d->items[shown];
        const desk_doc_spec *ds = &traveler(st)->docs[it->doc];
        double k = fmin(470 / ds->mm_w, 300 / ds->mm_h);
        int iw = (int)(ds->mm_w * k), ih = (int)(ds->mm_h * k), ix = x + w - iw - 20, iy = y + 90;
        char key[64];
        snprintf(key, sizeof key, "defect.%s", it->defect);
        text(dl, ix, iy - 12, 14, C_ACCENT, 1, 0, "%s",
             fmt(st, buf, sizeof buf, "debrief.missed_under", 0, 0, tr(st, key),
                 light_label(st, it->light), NULL));
        dl->cmd[dl->n - 1].max_w = iw;
        tex(dl, TEX_DOC, it->doc, it->light, it->side, ix, iy, iw, ih);
        int fx = desk_rtl(st) ? ix + iw - (int)((it->x + it->w) * k) : ix + (int)(it->x * k);
        frame_rect(dl, fx - 2, iy + (int)(it->y * k) - 2, (int)(it->w * k) + 4,
                   (int)(it->h * k) + 4, 3, C_RED);
    }
    if (traveler(st)->n_questions > 0 || d->why[0]) {
        text(dl, x + 20, DESK_Y1 - 90, 14, C_TEXT, 0, 0, "%s", scn_text(st, st->lang, d->why));
        dl->cmd[dl->n - 1].max_w = -(w - 40);
    }
    text(dl, x + w - 20, DESK_Y1 - 16, 15, C_ACCENT, 1, 2, "%s",
         tr(st, st->mode == DESK_REVIEW ? "debrief.back" : "debrief.next"));
}

/* mm:ss in the interface's digits. */
static const char *clock_text(const desk_state *st, double seconds, char *out, size_t cap) {
    long secs = seconds > 0 ? (long)seconds : 0;
    char clock[16];
    snprintf(clock, sizeof clock, "%02ld:%02ld", (secs / 60) % 100, secs % 60);
    if (st->n_langs > 0)
        i18n_digits(st->langs[st->lang], clock, out, cap);
    else
        snprintf(out, cap, "%s", clock);
    return out;
}

/* The top bar's right end: the time (left of a limit, red in its last
 * minute), the trainee and the exam mark. */
static void draw_clock(const desk_state *st, draw_list *dl) {
    const desk_session *s = st->session;
    char buf[128], c1[32], c2[32];
    int running = st->mode < DESK_DONE;
    if (s->session_limit_s > 0) {
        double left = s->session_limit_s - desk_elapsed(st);
        text(dl, 1266, 25, 17, left < 60 && running ? C_RED : C_TEXT, 1, 2, "%s",
             fmt(st, buf, sizeof buf, "desk.time_left", 0, 0, NULL,
                 clock_text(st, left, c1, sizeof c1), NULL));
    } else {
        text(dl, 1266, 25, 17, C_TEXT, 1, 2, "%s", clock_text(st, desk_elapsed(st), c1, sizeof c1));
    }
    int x = 1120;
    if (s->case_limit_s > 0 && running && st->mode != DESK_DEBRIEF) {
        double left = s->case_limit_s - (double)(st->frame - st->case_frame0) / DESK_FPS;
        text(dl, x, 25, 14, left < 60 ? C_RED : C_DIM, 0, 2, "%s",
             fmt(st, buf, sizeof buf, "desk.case_left", 0, 0, NULL,
                 clock_text(st, left, c2, sizeof c2), NULL));
        x -= 150;
    }
    if (s->exam || s->trainee[0])
        text(dl, x, 25, 14, C_ACCENT, 1, 2, "%s%s%s", s->exam ? tr(st, "desk.exam") : "",
             s->exam && s->trainee[0] ? " · " : "", s->trainee);
}

/* The session's verdict, when the app judged one: passed or not, the
 * overall points and each competency against its mark. */
static void draw_verdict(const desk_state *st, draw_list *dl) {
    const desk_verdict *v = &st->verdict;
    char buf[256], n1[24], n2[24];
    if (!v->ready) return;
    text(dl, 320, 128, 18, v->passed ? C_GREEN : C_RED, 1, 0, "%s",
         fmt(st, buf, sizeof buf, v->passed ? "done.session_passed" : "done.session_failed",
             (long)(v->overall + 0.5), (long)(v->pass_overall + 0.5), NULL, NULL, NULL));
    static const char *comps[4] = {"comp.document_examination", "comp.interview",
                                   "comp.human_rights", "comp.procedure"};
    for (int c = 0; c < 4; c++) {
        int x = 320 + c * 232;
        if (v->competency[c] < 0) {
            text(dl, x, 156, 13, C_DIM, 0, 0, "%s: -", tr(st, comps[c]));
            continue;
        }
        int below = v->pass_comp[c] > 0 && v->competency[c] < v->pass_comp[c];
        num(st, (long)(v->competency[c] * 100 + 0.5), n1, sizeof n1);
        num(st, (long)(v->pass_comp[c] * 100 + 0.5), n2, sizeof n2);
        if (v->pass_comp[c] > 0)
            text(dl, x, 156, 13, below ? C_RED : C_TEXT, below, 0, "%s: %s%% (%s %s%%)",
                 tr(st, comps[c]), n1, tr(st, "done.mark"), n2);
        else
            text(dl, x, 156, 13, C_TEXT, 0, 0, "%s: %s%%", tr(st, comps[c]), n1);
        dl->cmd[dl->n - 1].max_w = 226;
    }
    if (v->critical_fails && v->criticals)
        text(dl, 320, 176, 13, C_RED, 1, 0, "%s",
             fmt(st, buf, sizeof buf, "done.criticals", v->criticals, 0, NULL, NULL, NULL));
}

/* The end of the session: every decided traveler with the decision, the
 * points and what was missed; in an exam, the first time results are shown.
 * A number or a click opens that case's debrief. */
static void draw_summary(const desk_state *st, draw_list *dl) {
    const desk_session *s = st->session;
    char buf[256], n[24];
    text(dl, 780, 84, 24, C_ACCENT, 1, 1, "%s",
         tr(st, st->time_up ? "done.time_up_title" : "done.title"));
    if (!st->verdict.ready)
        text(dl, 780, 120, 16, C_TEXT, 0, 1, "%s",
             fmt(st, buf, sizeof buf, "done.text", s->n_travelers, 0, NULL, NULL, NULL));
    draw_verdict(st, dl);
    static const char *dkeys[] = {"", "decision.admit", "decision.refuse", "decision.second_line",
                                  "decision.protection"};
    int row = 0;
    for (int i = 0; i < s->n_travelers && row < DESK_MAX_TRAVELERS; i++) {
        if (!st->decided[i]) continue;
        int yy = SUMMARY_Y0 + row * summary_row_h(st);
        const desk_debrief *d = &st->debriefs[i];
        uint32_t col = st->points[i] < 0 ? C_DIM : st->passed[i] ? C_GREEN : C_RED;
        if (row < 10)
            text(dl, 320, yy, 14, C_ACCENT, 1, 0, "%s", num(st, (row + 1) % 10, n, sizeof n));
        row++;
        /* the scenario's title, as the trainee knows the case (its id without one) */
        const char *title = scn_text_of(st, i, st->lang, "title");
        text(dl, 346, yy, 14, C_TEXT, 0, 0, "%s",
             title && strcmp(title, "title") ? title : s->travelers[i].id);
        dl->cmd[dl->n - 1].max_w = 330;
        int dec = st->decisions[i] >= 0 && st->decisions[i] <= 4 ? st->decisions[i] : 0;
        text(dl, 690, yy, 14, st->timed_out[i] ? C_RED : C_DIM, 0, 0, "%s",
             st->timed_out[i] ? tr(st, "done.timed_out")
             : dec            ? tr(st, dkeys[dec])
                              : "");
        dl->cmd[dl->n - 1].max_w = 190;
        if (st->points[i] >= 0) {
            text(dl, 930, yy, 14, col, 1, 2, "%s",
                 num(st, (long)(st->points[i] + 0.5), n, sizeof n));
            text(dl, 944, yy, 14, col, 0, 0, "%s",
                 tr(st, st->passed[i] ? "debrief.passed" : "debrief.failed"));
        }
        int missed = 0;
        for (int k = 0; k < d->n_items; k++)
            missed += d->items[k].found < 2;
        if (d->ready && (missed || d->n_critical)) {
            text(dl, 1040, yy, 13, C_RED, 0, 0, "%s",
                 fmt(st, buf, sizeof buf, "done.missed", missed, d->n_critical, NULL, NULL, NULL));
            dl->cmd[dl->n - 1].max_w = 230;
        }
    }
    text(dl, 780, 600, 14, C_DIM, 0, 1, "%s", tr(st, "done.review_hint"));
}

/* Right-to-left: mirror every command's position across the screen (text
 * anchors flip side); textures keep their own orientation. */
static void mirror(draw_list *dl) {
    for (int i = 0; i < dl->n; i++) {
        draw_cmd *c = &dl->cmd[i];
        if (c->kind == DRAW_TEXT) {
            c->x = DESK_W - c->x;
            c->align = c->align == 0 ? 2 : c->align == 2 ? 0 : 1;
        } else if (!(c->kind == DRAW_CLIP && c->w <= 0)) {
            c->x = DESK_W - c->x - c->w;
        }
    }
}

void desk_draw(const desk_state *st, draw_list *dl) {
    dl->n = 0;
    dl->used = 0;
    const desk_session *s = st->session;
    char buf[256], b1[24];
    fill(dl, 0, 0, DESK_W, DESK_H, C_BG);
    /* top bar */
    fill(dl, 0, 0, DESK_W, 36, 0xFF1A1613u);
    text(dl, 14, 25, 17, C_ACCENT, 1, 0, "%s", tr(st, "desk.title"));
    draw_clock(st, dl);
    if (st->mode != DESK_DONE) {
        char t1[96], t2[96];
        fmt(st, t1, sizeof t1, "desk.traveler_of", st->traveler + 1, s->n_travelers, NULL, NULL,
            NULL);
        fmt(st, t2, sizeof t2, "desk.light", 0, 0, NULL, light_label(st, st->light), NULL);
        if (st->mode == DESK_REVIEW) /* the debrief names the light it shows */
            text(dl, 640, 25, 16, C_TEXT, 0, 1, "%s", t1);
        else
            text(dl, 640, 25, 16, C_TEXT, 0, 1, "%s   |   %s", t1, t2);
    }
    /* queue: one mark per traveler */
    for (int i = 0; i < s->n_travelers && i < 20; i++)
        fill(dl, 330 + i * 10, 13, 7, 10,
             i < st->traveler || st->mode == DESK_DONE ? 0xFF606060u
             : i == st->traveler                       ? C_ACCENT
                                                       : 0xFFA0A0A0u);
    /* the traveler */
    fill(dl, 0, 36, 282, DESK_H - 36, 0xFF241F1Bu);
    if (st->mode != DESK_DONE && st->mode != DESK_REVIEW) draw_traveler(st, dl);
    /* the desk */
    fill(dl, DESK_X0 - 4, DESK_Y0 - 4, DESK_X1 - DESK_X0 + 8, DESK_Y1 - DESK_Y0 + 8, C_DESK);
    draw_cmd *clip = push(dl, DRAW_CLIP); /* documents stay on the desk */
    if (clip)
        clip->x = DESK_X0 - 4, clip->y = DESK_Y0 - 4, clip->w = DESK_X1 - DESK_X0 + 8,
        clip->h = DESK_Y1 - DESK_Y0 + 8;
    for (int k = 0; k < st->n_docs; k++) {
        int d = st->order[k];
        const desk_doc *doc = &st->docs[d];
        /* a soft shadow under each document */
        fill(dl, (int)doc->x + 5, (int)doc->y + 6, doc->w, doc->h, 0x60000000u);
        if (doc->closed)
            tex(dl, TEX_COVER, d, 0, 0, (int)doc->x, (int)doc->y, doc->w, doc->h);
        else
            tex(dl, TEX_DOC, d, st->light, doc->side, (int)doc->x, (int)doc->y, doc->w, doc->h);
        for (int i = 0; i < st->n_findings; i++) {
            const desk_finding *f = &st->findings[i];
            if (f->doc != d || doc->closed || f->side != doc->side) continue;
            int r[4], b[4];
            finding_rect(st, f, r, b);
            frame_rect(dl, r[0], r[1], r[2], r[3], 2, C_RED);
            fill(dl, b[0], b[1], b[2], b[3], C_RED);
            text(dl, b[0] + 7, b[1] + 11, 11, C_TEXT, 1, 1, "x");
            text(dl, r[0] + 2, r[1] + r[3] + 14, 12, C_RED, 1, 0, "%s %s",
                 num(st, f->id, b1, sizeof b1), tr(st, finding_kinds[f->kind].label));
        }
    }
    push(dl, DRAW_CLIP); /* no clip */
    if (st->draft_active) {
        int x0 = (int)fmin(st->draft_x0, st->draft_x1), y0 = (int)fmin(st->draft_y0, st->draft_y1);
        frame_rect(dl, x0, y0, (int)fabs(st->draft_x1 - st->draft_x0),
                   (int)fabs(st->draft_y1 - st->draft_y0), 2, C_ACCENT);
    }
    if (st->mrz_panel) draw_mrz_panel(st, dl);
    if (st->ref_panel) draw_ref_panel(st, dl);
    /* the loupe, over the documents (the app composes its image) */
    int under = desk_doc_at(st, st->mx, st->my, NULL, NULL);
    if (st->loupe && st->mode < DESK_DONE && under >= 0 && !st->docs[under].closed) {
        int dmt = 220;
        tex(dl, TEX_LOUPE, 0, st->light, st->loupe_zoom, st->mx - dmt / 2, st->my - dmt / 2, dmt,
            dmt);
        text(dl, st->mx + dmt / 2 - 10, st->my + dmt / 2, 13, C_TEXT, 1, 2, "%sx",
             num(st, st->loupe_zoom, b1, sizeof b1));
    }
    /* toolbar */
    fill(dl, 282, 616, DESK_W - 282, DESK_H - 616, 0xFF1A1613u);
    for (int i = 0; i < B_COUNT; i++) {
        int on = (i <= B_LIGHT4 && st->light == i - B_LIGHT0) || (i == B_LOUPE && st->loupe) ||
                 (i == B_MRZ && st->mrz_panel) || (i == B_REF && st->ref_panel) ||
                 (i == B_FLAG && st->mode >= DESK_FLAG_DRAW && st->mode <= DESK_FLAG_NOTE);
        if (i == B_LANG && st->n_langs < 2) continue;
        if (i == B_INTERP) continue; /* drawn with the traveler */
        draw_button(st, dl, i, on);
    }
    if (!s->mrz_reader)
        frame_rect(dl, buttons[B_MRZ].x, buttons[B_MRZ].y, buttons[B_MRZ].w, buttons[B_MRZ].h, 2,
                   C_RED);
    /* status line */
    if (st->status_key) {
        const desk_finding_kind *k = desk_finding_kind_get(st->status_kind);
        fmt(st, buf, sizeof buf, st->status_key, st->status_n, st->status_total,
            k ? tr(st, k->label) : "", NULL, st->n_langs ? i18n_name(st->langs[st->lang]) : "");
        text(dl, 20, 700, 13, C_DIM, 0, 0, "%s", buf);
    }
    text(dl, 20, 680, 14, C_TEXT, 0, 0, "%s",
         fmt(st, buf, sizeof buf, "desk.findings", st->n_findings, 0, NULL, NULL, NULL));
    /* dialogs */
    if (st->mode == DESK_FLAG_KIND) {
        const char *rows[16];
        int n = desk_finding_kind_count();
        for (int i = 0; i < n; i++)
            rows[i] = finding_kinds[i].label;
        draw_menu(st, dl, "menu.finding", rows, n);
    } else if (st->mode == DESK_FLAG_NOTE) {
        fill(dl, MENU_X, MENU_Y, MENU_W, 150, 0xF8201C18u);
        frame_rect(dl, MENU_X, MENU_Y, MENU_W, 150, 2, C_ACCENT);
        text(dl, MENU_X + 16, MENU_Y + 30, 17, C_ACCENT, 1, 0, "%s",
             tr(st, finding_kinds[st->pending_kind].label));
        text(dl, MENU_X + 16, MENU_Y + 58, 14, C_DIM, 0, 0, "%s", tr(st, "note.prompt"));
        fill(dl, MENU_X + 16, MENU_Y + 72, MENU_W - 32, 34, 0xFF0E0C0Au);
        text(dl, MENU_X + 24, MENU_Y + 96, 16, C_TEXT, 0, 0, "%s_", st->note);
    } else if (st->mode == DESK_ASK) {
        const char *rows[10];
        int av[DESK_MAX_QUESTIONS], n = available_questions(st, av, DESK_MAX_QUESTIONS);
        if (n > 10) n = 10;
        for (int i = 0; i < n; i++)
            rows[i] = scn_text(st, st->lang, traveler(st)->questions[av[i]].text);
        draw_menu_texts(st, dl, "menu.ask", rows, n);
    } else if (st->mode == DESK_PROTECTION) {
        static const char *rows[] = {"protect.asylum", "protect.child", "protect.trafficking"};
        draw_menu(st, dl, "menu.protection", rows, 3);
    } else if (st->mode == DESK_CONFIRM) {
        fill(dl, MENU_X, MENU_Y, MENU_W, 180, 0xF8201C18u);
        frame_rect(dl, MENU_X, MENU_Y, MENU_W, 180, 2, C_ACCENT);
        static const char *keys[] = {"", "confirm.admit", "confirm.refuse", "confirm.second",
                                     "confirm.protect"};
        static const char *protect[] = {"", "protect.asylum", "protect.child",
                                        "protect.trafficking"};
        text(dl, MENU_X + 16, MENU_Y + 40, 18, C_TEXT, 1, 0, "%s",
             fmt(st, buf, sizeof buf, keys[st->pending_decision], st->traveler + 1, 0, NULL, NULL,
                 NULL));
        if (st->pending_decision == DECIDE_PROTECTION && st->pending_protection > 0)
            text(dl, MENU_X + 16, MENU_Y + 70, 15, C_DIM, 0, 0, "(%s)",
                 tr(st, protect[st->pending_protection]));
        text(dl, MENU_X + 16, MENU_Y + 96, 14, C_DIM, 0, 0, "%s",
             fmt(st, buf, sizeof buf, "confirm.findings", st->n_findings, 0, NULL, NULL, NULL));
        fill(dl, MENU_X + 40, MENU_Y + 120, 150, 40, C_BUTTON_ON);
        text(dl, MENU_X + 115, MENU_Y + 146, 15, C_TEXT, 1, 1, "%s", tr(st, "confirm.ok"));
        fill(dl, MENU_X + 230, MENU_Y + 120, 150, 40, C_BUTTON);
        text(dl, MENU_X + 305, MENU_Y + 146, 15, C_TEXT, 1, 1, "%s", tr(st, "confirm.cancel"));
    } else if (st->mode == DESK_DONE) {
        draw_summary(st, dl);
    }
    if (st->mode == DESK_DEBRIEF || st->mode == DESK_REVIEW) draw_debrief(st, dl);
    if (st->help) draw_help(st, dl);
    if (desk_rtl(st)) mirror(dl);
}
