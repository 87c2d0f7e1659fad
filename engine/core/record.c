/* record.c - see record.h. Writing and reading the journal's entries with
 * cJSON; numbers are rounded as they were when first written (points to a
 * tenth, competencies to a thousandth, times to a millisecond), so an entry
 * read back and written again is the same text. */
#include "record.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decision.h"
#include "exam.h"

/* desk_note_kind as the journal names it */
static const char *note_names[] = {"ask_missed",  "forbidden",    "interpreter", "light",
                                   "must_missed", "step_skipped", "ident",       "border"};
#define NOTE_KINDS ((int)(sizeof note_names / sizeof note_names[0]))
/* desk_flag_status, and the ASK_* tags, as the journal names them */
static const char *flag_names[] = {"false", "located", "named", "impostor"};
static const char *tag_names[] = {"required", "forbidden", "not_understood", "must"};

/* v rounded to 1/per (per 10: a tenth), as round(v * per) / per: the same
 * double every time, so an entry's text does not depend on who wrote it. */
static double round_to(double v, double per) {
    return round(v * per) / per;
}

static char *print_and_delete(cJSON *e) {
    char *text = e ? cJSON_PrintUnformatted(e) : NULL;
    cJSON_Delete(e);
    return text;
}

/* ------------------------------------------------------------ header */

void record_header_init(record_header *h, const session_def *d, const char *const *scenario_ids,
                        int n, uint64_t seed, const char *sig_sha256, const char *pub_hex,
                        const char *started) {
    memset(h, 0, sizeof *h);
    snprintf(h->session, sizeof h->session, "%s", d->id);
    snprintf(h->title, sizeof h->title, "%s", d->title);
    snprintf(h->trainee, sizeof h->trainee, "%s", d->trainee);
    snprintf(h->trainee_name, sizeof h->trainee_name, "%s", d->trainee_name);
    snprintf(h->cohort, sizeof h->cohort, "%s", d->cohort);
    h->exam = d->exam, h->mrz_reader = d->mrz_reader;
    h->seed = seed;
    for (int i = 0; i < n && i < RECORD_MAX_SCENARIOS; i++)
        snprintf(h->scenarios[h->n_scenarios++], sizeof h->scenarios[0], "%s", scenario_ids[i]);
    h->pass_overall = d->pass_overall;
    memcpy(h->pass_comp, d->pass_comp, sizeof h->pass_comp);
    h->critical_fails = d->critical_fails, h->wrong_allowed = d->wrong_allowed;
    h->case_limit_s = d->case_limit_s, h->session_limit_s = d->session_limit_s;
    snprintf(h->pack_signature_sha256, sizeof h->pack_signature_sha256, "%s", sig_sha256);
    snprintf(h->pack_public_key, sizeof h->pack_public_key, "%s", pub_hex);
    snprintf(h->started, sizeof h->started, "%s", started);
}

static void add_pass_marks(cJSON *pass, const record_header *h) {
    cJSON_AddNumberToObject(pass, "overall", h->pass_overall);
    for (int c = 0; c < COMP_COUNT; c++)
        if (h->pass_comp[c] > 0) cJSON_AddNumberToObject(pass, session_comp_id(c), h->pass_comp[c]);
    cJSON_AddBoolToObject(pass, "critical_fails", h->critical_fails);
    cJSON_AddNumberToObject(pass, "wrong_decisions", h->wrong_allowed);
}

char *record_header_json(const record_header *h) {
    cJSON *e = cJSON_CreateObject();
    cJSON_AddStringToObject(e, "kind", "session");
    cJSON_AddStringToObject(e, "session", h->session);
    cJSON_AddStringToObject(e, "title", h->title);
    cJSON_AddStringToObject(e, "trainee", h->trainee);
    cJSON_AddStringToObject(e, "trainee_name", h->trainee_name);
    cJSON_AddStringToObject(e, "cohort", h->cohort);
    cJSON_AddBoolToObject(e, "exam", h->exam);
    cJSON_AddBoolToObject(e, "mrz_reader", h->mrz_reader);
    char sd[24]; /* a 64-bit seed does not fit a JSON number exactly */
    snprintf(sd, sizeof sd, "%llu", (unsigned long long)h->seed);
    cJSON_AddStringToObject(e, "seed", sd);
    cJSON *sc = cJSON_AddArrayToObject(e, "scenarios");
    for (int i = 0; i < h->n_scenarios; i++)
        cJSON_AddItemToArray(sc, cJSON_CreateString(h->scenarios[i]));
    add_pass_marks(cJSON_AddObjectToObject(e, "pass"), h);
    cJSON *lim = cJSON_AddObjectToObject(e, "limits");
    cJSON_AddNumberToObject(lim, "case_s", h->case_limit_s);
    cJSON_AddNumberToObject(lim, "session_s", h->session_limit_s);
    cJSON_AddStringToObject(e, "pack_signature_sha256", h->pack_signature_sha256);
    cJSON_AddStringToObject(e, "pack_public_key", h->pack_public_key);
    if (h->pack_version > 0) { /* written only when signed with one: older journals lack it */
        cJSON_AddNumberToObject(e, "pack_version", (double)h->pack_version);
        cJSON_AddStringToObject(e, "pack_date", h->pack_date);
    }
    cJSON_AddStringToObject(e, "started", h->started);
    return print_and_delete(e);
}

char *record_pass_marks_json(const record_header *h) {
    cJSON *pass = cJSON_CreateObject();
    add_pass_marks(pass, h);
    return print_and_delete(pass);
}

/* ------------------------------------------------------------ writing */

static void add_mm(cJSON *o, double x, double y, double w, double h) {
    double r[4] = {x, y, w, h};
    cJSON *ra = cJSON_AddArrayToObject(o, "mm");
    for (int k = 0; k < 4; k++)
        cJSON_AddItemToArray(ra, cJSON_CreateNumber(round_to(r[k], 100)));
}

static void read_mm(const cJSON *o, double *x, double *y, double *w, double *h) {
    const cJSON *mm = cJSON_GetObjectItemCaseSensitive(o, "mm");
    double *r[4] = {x, y, w, h};
    for (int k = 0; k < 4; k++) {
        const cJSON *v = cJSON_GetArrayItem(mm, k);
        *r[k] = cJSON_IsNumber(v) ? v->valuedouble : 0;
    }
}

static void add_case_items(cJSON *e, const desk_debrief *d) {
    cJSON *missed = cJSON_AddArrayToObject(e, "missed");
    cJSON *items = cJSON_AddArrayToObject(e, "items");
    for (int i = 0; i < d->n_items; i++) {
        const desk_debrief_item *it = &d->items[i];
        if (it->found < 2) cJSON_AddItemToArray(missed, cJSON_CreateString(it->defect));
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "defect", it->defect);
        cJSON_AddNumberToObject(o, "found", it->found);
        cJSON_AddNumberToObject(o, "doc", it->doc);
        cJSON_AddNumberToObject(o, "side", it->side);
        add_mm(o, it->x, it->y, it->w, it->h);
        cJSON_AddNumberToObject(o, "light", it->light);
        cJSON_AddItemToArray(items, o);
    }
}

/* The trainee's flags, the transcript and the waived critical errors. */
static void add_case_work(cJSON *e, const desk_debrief *d) {
    cJSON *flags = cJSON_AddArrayToObject(e, "flags");
    for (int i = 0; i < d->n_flags; i++) {
        const desk_debrief_flag *f = &d->flags[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "kind", f->kind);
        cJSON_AddStringToObject(o, "status",
                                flag_names[f->status >= 0 && f->status < 4 ? f->status : 0]);
        cJSON_AddNumberToObject(o, "doc", f->doc);
        cJSON_AddNumberToObject(o, "side", f->side);
        add_mm(o, f->x, f->y, f->w, f->h);
        if (f->there[0]) cJSON_AddStringToObject(o, "there", f->there);
        cJSON_AddItemToArray(flags, o);
    }
    cJSON *tr = cJSON_AddArrayToObject(e, "transcript");
    for (int i = 0; i < d->n_asks; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "q", d->asks[i].text);
        cJSON_AddStringToObject(o, "a", d->asks[i].answer);
        cJSON *tags = cJSON_AddArrayToObject(o, "tags");
        for (int k = 0; k < 4; k++)
            if (d->asks[i].tags >> k & 1)
                cJSON_AddItemToArray(tags, cJSON_CreateString(tag_names[k]));
        cJSON_AddItemToArray(tr, o);
    }
    cJSON *docs = cJSON_AddArrayToObject(e, "docs");
    for (int i = 0; i < d->n_docs && i < DESK_MAX_DOCS; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "template", d->doc_template[i]);
        add_mm(o, 0, 0, d->doc_w[i], d->doc_h[i]);
        cJSON_AddItemToArray(docs, o);
    }
    cJSON *wv = cJSON_AddArrayToObject(e, "waived");
    for (int i = 0; i < d->n_waived; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "critical", d->waived[i]);
        cJSON_AddStringToObject(o, "reason", d->waived_reason[i]);
        cJSON_AddItemToArray(wv, o);
    }
}

static void add_case_notes(cJSON *e, const desk_debrief *d) {
    cJSON *notes = cJSON_AddArrayToObject(e, "notes");
    for (int i = 0; i < d->n_notes; i++) {
        const desk_debrief_note *n = &d->notes[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "kind",
                                n->kind >= 0 && n->kind < NOTE_KINDS ? note_names[n->kind] : "?");
        if (n->key[0]) cJSON_AddStringToObject(o, "key", n->key);
        if (n->kind == NOTE_LIGHT) cJSON_AddNumberToObject(o, "light", n->light);
        cJSON_AddItemToArray(notes, o);
    }
}

/* The examination's steps, by id (exam.h), in four lists. */
static void add_case_steps(cJSON *e, const desk_debrief *d) {
    if (!d->steps_possible) return; /* no document: no examination */
    cJSON *o = cJSON_AddObjectToObject(e, "steps");
    const unsigned sets[4] = {d->steps_possible, d->steps_needed, d->steps_required,
                              d->steps_covered};
    static const char *names[4] = {"possible", "needed", "required", "covered"};
    for (int k = 0; k < 4; k++) {
        cJSON *a = cJSON_AddArrayToObject(o, names[k]);
        for (int s = 0; s < EXAM_STEPS; s++)
            if (sets[k] >> s & 1) cJSON_AddItemToArray(a, cJSON_CreateString(exam_step_id(s)));
    }
}

static unsigned parse_step_list(const cJSON *a) {
    unsigned bits = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, a) {
        int s = cJSON_IsString(it) ? exam_step_from_id(it->valuestring) : -1;
        if (s >= 0) bits |= 1u << s;
    }
    return bits;
}

static void parse_steps(const cJSON *e, desk_debrief *d) {
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(e, "steps");
    d->steps_possible = parse_step_list(cJSON_GetObjectItemCaseSensitive(o, "possible"));
    d->steps_needed = parse_step_list(cJSON_GetObjectItemCaseSensitive(o, "needed"));
    d->steps_required = parse_step_list(cJSON_GetObjectItemCaseSensitive(o, "required"));
    d->steps_covered = parse_step_list(cJSON_GetObjectItemCaseSensitive(o, "covered"));
}

char *record_case_json(const record_case *c) {
    const desk_debrief *d = &c->d;
    cJSON *e = cJSON_CreateObject();
    cJSON_AddStringToObject(e, "kind", "case");
    cJSON_AddStringToObject(e, "traveler", c->traveler);
    cJSON_AddNumberToObject(e, "index", c->index);
    cJSON_AddStringToObject(e, "decision", decision_name(d->decision));
    cJSON_AddStringToObject(e, "protection", protection_name(d->protection));
    if (d->expected > DECIDE_NONE && d->expected < DECIDE_COUNT) {
        cJSON_AddStringToObject(e, "expected", decision_name(d->expected));
        cJSON_AddStringToObject(e, "expected_protection", protection_name(d->expected_protection));
    }
    cJSON_AddNumberToObject(e, "points", round_to(d->points, 10));
    cJSON_AddNumberToObject(e, "pass_mark", round_to(d->pass_mark, 10));
    cJSON_AddBoolToObject(e, "decision_ok", d->decision_ok);
    cJSON_AddBoolToObject(e, "accepted", d->accepted);
    cJSON_AddBoolToObject(e, "passed", d->passed);
    cJSON_AddBoolToObject(e, "timed_out", d->timed_out);
    cJSON *crit = cJSON_AddArrayToObject(e, "critical");
    for (int i = 0; i < d->n_critical; i++)
        cJSON_AddItemToArray(crit, cJSON_CreateString(d->critical[i]));
    cJSON *comp = cJSON_AddArrayToObject(e, "competencies");
    cJSON *assessed = cJSON_AddArrayToObject(e, "assessed");
    for (int k = 0; k < COMP_COUNT; k++) {
        cJSON_AddItemToArray(comp, cJSON_CreateNumber(round_to(d->competency[k], 1000)));
        cJSON_AddItemToArray(assessed, cJSON_CreateBool(c->assessed[k]));
    }
    add_case_items(e, d);
    add_case_notes(e, d);
    add_case_steps(e, d);
    add_case_work(e, d);
    cJSON_AddStringToObject(e, "why", d->why);
    if (c->texts) { /* the scenario's words the case uses, for reports made without it */
        cJSON *t = cJSON_Parse(c->texts);
        if (t) cJSON_AddItemToObject(e, "texts", t);
    }
    if (c->has_seconds) cJSON_AddNumberToObject(e, "seconds", round_to(c->seconds, 1000));
    cJSON_AddNumberToObject(e, "t", round_to(c->t, 1000));
    if (c->at[0]) cJSON_AddStringToObject(e, "at", c->at);
    return print_and_delete(e);
}

char *record_clock_json(record_kind kind, const record_clock *c) {
    cJSON *e = cJSON_CreateObject();
    cJSON_AddStringToObject(e, "kind", kind == REC_STOP ? "stop" : "clock");
    cJSON_AddNumberToObject(e, "index", c->index);
    cJSON_AddNumberToObject(e, "t", round_to(c->t, 1000));
    cJSON_AddNumberToObject(e, "case_s", round_to(c->case_s, 1000));
    return print_and_delete(e);
}

char *record_end_json(const record_end *en) {
    const session_verdict *v = &en->v;
    cJSON *e = cJSON_CreateObject();
    cJSON_AddStringToObject(e, "kind", "end");
    cJSON_AddStringToObject(e, "reason", en->time_up ? "time_up" : "completed");
    cJSON_AddBoolToObject(e, "passed", v->passed);
    cJSON_AddNumberToObject(e, "overall", round_to(v->overall, 10));
    cJSON *comp = cJSON_AddObjectToObject(e, "competencies");
    for (int k = 0; k < COMP_COUNT; k++)
        if (v->competency[k] >= 0)
            cJSON_AddNumberToObject(comp, session_comp_id(k), round_to(v->competency[k], 1000));
    cJSON *failed = cJSON_AddArrayToObject(e, "failed");
    for (int i = 0; i < v->n_failed; i++)
        cJSON_AddItemToArray(failed, cJSON_CreateString(v->failed[i]));
    cJSON_AddNumberToObject(e, "cases", en->cases);
    cJSON_AddNumberToObject(e, "elapsed", round_to(en->elapsed, 1000));
    if (en->at[0]) cJSON_AddStringToObject(e, "at", en->at);
    return print_and_delete(e);
}

/* ------------------------------------------------------------ reading */

static const char *jstr(const cJSON *o, const char *k) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : "";
}

static double jnum(const cJSON *o, const char *k) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

static int jint(const cJSON *o, const char *k) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsNumber(v) ? v->valueint : 0;
}

static int jbool(const cJSON *o, const char *k) {
    return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, k));
}

/* The value of o[k]'s name (from_name); 0 when absent or unknown. */
static int jname(const cJSON *o, const char *k, int (*from_name)(const char *)) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    int i = cJSON_IsString(v) ? from_name(v->valuestring) : -1;
    return i > 0 ? i : 0;
}

static void copy(char *dst, size_t cap, const char *src) {
    snprintf(dst, cap, "%s", src);
}

static void parse_header(const cJSON *e, record_header *h) {
    copy(h->session, sizeof h->session, jstr(e, "session"));
    copy(h->title, sizeof h->title, jstr(e, "title"));
    copy(h->trainee, sizeof h->trainee, jstr(e, "trainee"));
    copy(h->trainee_name, sizeof h->trainee_name, jstr(e, "trainee_name"));
    copy(h->cohort, sizeof h->cohort, jstr(e, "cohort"));
    h->exam = jbool(e, "exam"), h->mrz_reader = jbool(e, "mrz_reader");
    h->seed = strtoull(jstr(e, "seed"), NULL, 10);
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(e, "scenarios")) {
        if (cJSON_IsString(it) && h->n_scenarios < RECORD_MAX_SCENARIOS)
            copy(h->scenarios[h->n_scenarios++], sizeof h->scenarios[0], it->valuestring);
    }
    const cJSON *pass = cJSON_GetObjectItemCaseSensitive(e, "pass");
    h->pass_overall = jnum(pass, "overall");
    for (int c = 0; c < COMP_COUNT; c++)
        h->pass_comp[c] = jnum(pass, session_comp_id(c));
    h->critical_fails = jbool(pass, "critical_fails");
    h->wrong_allowed = jint(pass, "wrong_decisions");
    const cJSON *lim = cJSON_GetObjectItemCaseSensitive(e, "limits");
    h->case_limit_s = jnum(lim, "case_s"), h->session_limit_s = jnum(lim, "session_s");
    copy(h->pack_signature_sha256, sizeof h->pack_signature_sha256,
         jstr(e, "pack_signature_sha256"));
    copy(h->pack_public_key, sizeof h->pack_public_key, jstr(e, "pack_public_key"));
    h->pack_version = (long)jnum(e, "pack_version");
    copy(h->pack_date, sizeof h->pack_date, jstr(e, "pack_date"));
    copy(h->started, sizeof h->started, jstr(e, "started"));
}

static void parse_items(const cJSON *e, desk_debrief *d) {
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(e, "items")) {
        if (d->n_items >= DEBRIEF_MAX_ITEMS) break;
        desk_debrief_item *di = &d->items[d->n_items++];
        copy(di->defect, sizeof di->defect, jstr(it, "defect"));
        di->found = jint(it, "found"), di->doc = jint(it, "doc");
        di->side = jint(it, "side"), di->light = jint(it, "light");
        read_mm(it, &di->x, &di->y, &di->w, &di->h);
    }
}

static int name_index(const char *const *names, int n, const char *s) {
    for (int i = 0; i < n; i++)
        if (!strcmp(names[i], s)) return i;
    return -1;
}

static void parse_work(const cJSON *e, desk_debrief *d) {
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(e, "flags")) {
        if (d->n_flags >= DEBRIEF_MAX_FLAGS) break;
        desk_debrief_flag *f = &d->flags[d->n_flags++];
        copy(f->kind, sizeof f->kind, jstr(it, "kind"));
        int st = name_index(flag_names, 4, jstr(it, "status"));
        f->status = st < 0 ? FLAG_FALSE : st;
        f->doc = jint(it, "doc"), f->side = jint(it, "side");
        read_mm(it, &f->x, &f->y, &f->w, &f->h);
        copy(f->there, sizeof f->there, jstr(it, "there"));
    }
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(e, "transcript")) {
        if (d->n_asks >= DEBRIEF_MAX_ASKS) break;
        desk_debrief_ask *a = &d->asks[d->n_asks++];
        copy(a->text, sizeof a->text, jstr(it, "q"));
        copy(a->answer, sizeof a->answer, jstr(it, "a"));
        const cJSON *t;
        cJSON_ArrayForEach(t, cJSON_GetObjectItemCaseSensitive(it, "tags")) {
            int k = cJSON_IsString(t) ? name_index(tag_names, 4, t->valuestring) : -1;
            if (k >= 0) a->tags |= 1u << k;
        }
    }
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(e, "docs")) {
        if (d->n_docs >= DESK_MAX_DOCS) break;
        double x, y;
        copy(d->doc_template[d->n_docs], sizeof d->doc_template[0], jstr(it, "template"));
        read_mm(it, &x, &y, &d->doc_w[d->n_docs], &d->doc_h[d->n_docs]);
        d->n_docs++;
    }
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(e, "waived")) {
        if (d->n_waived >= 4) break;
        copy(d->waived[d->n_waived], sizeof d->waived[0], jstr(it, "critical"));
        copy(d->waived_reason[d->n_waived++], sizeof d->waived_reason[0], jstr(it, "reason"));
    }
}

static void parse_notes(const cJSON *e, desk_debrief *d) {
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(e, "notes")) {
        const char *k = jstr(it, "kind");
        for (int n = 0; n < NOTE_KINDS && d->n_notes < DEBRIEF_MAX_NOTES; n++)
            if (!strcmp(k, note_names[n])) {
                desk_debrief_note *dn = &d->notes[d->n_notes++];
                dn->kind = n, dn->light = jint(it, "light");
                copy(dn->key, sizeof dn->key, jstr(it, "key"));
            }
    }
}

static void parse_case(const cJSON *e, record_case *c) {
    desk_debrief *d = &c->d;
    copy(c->traveler, sizeof c->traveler, jstr(e, "traveler"));
    c->index = jint(e, "index");
    d->ready = 1;
    d->points = jnum(e, "points");
    d->passed = jbool(e, "passed");
    d->timed_out = jbool(e, "timed_out");
    const cJSON *comp = cJSON_GetObjectItemCaseSensitive(e, "competencies");
    const cJSON *as = cJSON_GetObjectItemCaseSensitive(e, "assessed");
    for (int k = 0; k < COMP_COUNT; k++) {
        const cJSON *v = cJSON_GetArrayItem(comp, k);
        d->competency[k] = cJSON_IsNumber(v) ? v->valuedouble : 0;
        /* older journals did not say: every competency counted */
        c->assessed[k] = as ? cJSON_IsTrue(cJSON_GetArrayItem(as, k)) : 1;
    }
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(e, "critical")) {
        if (cJSON_IsString(it) && d->n_critical < DEBRIEF_MAX_CRITICAL)
            copy(d->critical[d->n_critical++], sizeof d->critical[0], it->valuestring);
    }
    parse_items(e, d);
    parse_notes(e, d);
    parse_steps(e, d);
    parse_work(e, d);
    copy(d->why, sizeof d->why, jstr(e, "why"));
    d->decision = jname(e, "decision", decision_from_name);
    d->protection = jname(e, "protection", protection_from_name);
    d->expected = jname(e, "expected", decision_from_name);
    d->expected_protection = jname(e, "expected_protection", protection_from_name);
    d->pass_mark = jnum(e, "pass_mark");
    d->accepted = jbool(e, "accepted");
    if (cJSON_GetObjectItemCaseSensitive(e, "decision_ok")) /* older entries did not say */
        d->decision_ok = jbool(e, "decision_ok");
    else
        d->decision_ok = d->decision == d->expected && (d->decision != DECIDE_PROTECTION ||
                                                        d->protection == d->expected_protection);
    c->has_seconds = cJSON_GetObjectItemCaseSensitive(e, "seconds") != NULL;
    c->seconds = jnum(e, "seconds");
    c->t = jnum(e, "t");
    copy(c->at, sizeof c->at, jstr(e, "at"));
}

static void parse_end(const cJSON *e, record_end *en) {
    session_verdict *v = &en->v;
    en->time_up = !strcmp(jstr(e, "reason"), "time_up");
    v->passed = jbool(e, "passed");
    v->overall = jnum(e, "overall");
    const cJSON *comp = cJSON_GetObjectItemCaseSensitive(e, "competencies");
    for (int k = 0; k < COMP_COUNT; k++) {
        const cJSON *c = cJSON_GetObjectItemCaseSensitive(comp, session_comp_id(k));
        v->competency[k] = cJSON_IsNumber(c) ? c->valuedouble : -1;
    }
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(e, "failed")) {
        if (cJSON_IsString(it) && v->n_failed < COMP_COUNT + 3)
            copy(v->failed[v->n_failed++], sizeof v->failed[0], it->valuestring);
    }
    en->cases = v->cases = jint(e, "cases");
    en->elapsed = jnum(e, "elapsed");
    copy(en->at, sizeof en->at, jstr(e, "at"));
}

unsigned record_case_titles(const char *entry_json, const char *const *langs, int n, char *out,
                            size_t cap) {
    cJSON *e = cJSON_Parse(entry_json);
    const cJSON *texts = cJSON_GetObjectItemCaseSensitive(e, "texts");
    unsigned found = 0;
    for (int i = 0; i < n; i++) {
        const cJSON *title = cJSON_GetObjectItemCaseSensitive(
            cJSON_GetObjectItemCaseSensitive(texts, langs[i]), "title");
        int ok = cJSON_IsString(title) && title->valuestring[0];
        copy(out + (size_t)i * cap, cap, ok ? title->valuestring : "");
        if (ok) found |= 1u << i;
    }
    cJSON_Delete(e);
    return found;
}

int record_case_title(const char *entry_json, const char *lang, char *out, size_t cap) {
    return (int)record_case_titles(entry_json, &lang, 1, out, cap);
}

int record_parse(const char *json, record_entry *out, bl_err *err) {
    memset(out, 0, sizeof *out);
    cJSON *e = cJSON_Parse(json);
    if (!cJSON_IsObject(e)) {
        cJSON_Delete(e);
        return err_setc(err, BL_E_REFUSED, "a journal entry is not a JSON object");
    }
    const cJSON *kind = cJSON_GetObjectItemCaseSensitive(e, "kind");
    const char *k = cJSON_IsString(kind) ? kind->valuestring : "case";
    if (!strcmp(k, "case")) {
        out->kind = REC_CASE;
        parse_case(e, &out->kase);
    } else if (!strcmp(k, "session")) {
        out->kind = REC_HEADER;
        parse_header(e, &out->header);
    } else if (!strcmp(k, "clock") || !strcmp(k, "stop")) {
        out->kind = !strcmp(k, "stop") ? REC_STOP : REC_CLOCK;
        out->clock.index = jint(e, "index");
        out->clock.t = jnum(e, "t");
        out->clock.case_s = jnum(e, "case_s");
    } else if (!strcmp(k, "end")) {
        out->kind = REC_END;
        parse_end(e, &out->end);
    } else {
        out->kind = REC_OTHER;
    }
    cJSON_Delete(e);
    return 0;
}

/* ------------------------------------------------------------ same session */

/* The header fields that may differ between a session's runs: the start
 * time, and how the trainee's name was spelt on the command line. */
static int may_differ(const char *field) {
    return !strcmp(field, "started") || !strcmp(field, "trainee_name");
}

int record_same_session(const char *header, const char *first, const char *path, bl_err *err) {
    cJSON *h = cJSON_Parse(header), *f = cJSON_Parse(first ? first : "{}");
    int rc = 0;
    const cJSON *fk = cJSON_GetObjectItemCaseSensitive(f, "kind");
    int is_session = cJSON_IsString(fk) && !strcmp(fk->valuestring, "session");
    if (!header) {
        if (is_session) /* a plain desk journal never continues a session's */
            rc = err_setc(err, BL_E_USAGE,
                          "the journal '%s' is a certification session's: continue it with "
                          "'borderlab session run', or give this desk its own --journal",
                          path);
    } else if (!is_session) {
        rc = err_setc(err, BL_E_REFUSED,
                      "the journal '%s' was not begun by a session: give this session its own "
                      "--journal",
                      path);
    } else {
        const cJSON *k;
        cJSON_ArrayForEach(k, h) {
            if (rc || may_differ(k->string)) continue;
            char *x = cJSON_PrintUnformatted(k);
            char *y = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(f, k->string));
            if (!x || !y || strcmp(x, y))
                rc = err_setc(err, BL_E_REFUSED,
                              "the journal '%s' was begun with another %s (%.60s, not %.60s): "
                              "an exam continues under the rules it began with; give this "
                              "session its own --journal",
                              path, k->string, y ? y : "none", x ? x : "none");
            free(x);
            free(y);
        }
    }
    cJSON_Delete(h);
    cJSON_Delete(f);
    return rc;
}

/* ------------------------------------------------------------ resume */

int record_resume_add(record_resume *r, int seq, const record_entry *e,
                      const char *const *queue_ids, int n_queue) {
    switch (e->kind) {
    case REC_CASE: {
        /* the cases come in the queue's order, each the traveler it names */
        int tv = e->kase.index - 1;
        if (!r->bad &&
            (tv != r->cases || tv >= n_queue || strcmp(e->kase.traveler, queue_ids[tv]))) {
            r->bad = 1;
            snprintf(r->why, sizeof r->why,
                     "entry %d is traveler %d (%.48s), where this queue has %.48s: it was "
                     "recorded with other scenarios",
                     seq, tv + 1, e->kase.traveler[0] ? e->kase.traveler : "?",
                     r->cases < n_queue ? queue_ids[r->cases] : "no one");
        }
        r->cases++;
        r->elapsed = e->kase.t;
        r->case_s = 0;
        return !r->bad;
    }
    case REC_CLOCK:
    case REC_STOP: /* the desk was closed mid-case: the clocks go on from there */
        r->elapsed = e->clock.t;
        r->case_s = e->clock.index == r->cases + 1 ? e->clock.case_s : 0;
        return 0;
    case REC_END:
        r->ended = 1;
        return 0;
    default:
        return 0;
    }
}
