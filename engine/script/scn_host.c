/* scn_host.c - scenarios and sessions loaded, and questions answered, by a
 * script's worker (host.h): the caller's side of scn_load.h and sess_load.h.
 *
 * Loading a scenario starts a worker that runs the file and reads it
 * (scn_load_local), then sends back the problems it found and the scenario
 * as plain data; the caller checks what needs no Lua (the documents can be
 * built, the translations are complete). A worker whose scenario has answer
 * functions is kept to answer them; each answer has HOST_SECONDS, then the
 * worker is killed. A worker that ran into a limit (memory, steps, time) ends
 * itself after its reply, so the next answer starts a fresh one: the
 * scenario's Lua state is reset. After SCN_MAX_RESTARTS such restarts the
 * scenario's answer functions are switched off with a message, and its
 * traveler answers nothing; the desk goes on either way.
 *
 * What a worker sends is read as if it came from outside (wire.h): lengths
 * bounded, the scenario sanitised (scenario_sanitise), a returned key
 * checked against the scenario's strings and a safe character set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsio.h"
#include "host.h"
#include "scn_check.h"
#include "scn_local.h"
#include "sess_load.h"
#include "wire.h"

/* Wall-clock seconds a script gets for a load or an answer, from start to
 * reply (the sandbox's own clock, a little shorter, usually stops it first
 * with the line it was on). */
#define HOST_SECONDS     1.0
#define SCN_MAX_RESTARTS 3

/* ------------------------------------------------------------ the worker's side */

/* What a worker holds: the file's text and name (the caller's, copied by the
 * fork), and once loaded the sandbox, the scenario and the answer in flight. */
typedef struct scn_work {
    const char *code;
    size_t len;
    char file[256];
    int keep; /* keep the sandbox for answers */
    int session;
    sbx *sb;
    scenario s;
    scn_answerer ans;
} scn_work;

/* The problems a load reports, collected for the reply. */
typedef struct {
    hbuf *out;
    uint32_t n;
    hbuf list;
} problems;

static void collect(void *ud, const char *file, int line, const char *msg) {
    problems *p = ud;
    p->n++;
    wire_put_str(&p->list, file);
    wire_put_i32(&p->list, line);
    wire_put_str(&p->list, msg);
}

/* 'L': the problems, then whether the load succeeded and what it read. */
static int serve_load(scn_work *w, hbuf *reply) {
    problems p = {reply, 0, {0}};
    int bad;
    session_def *d = NULL;
    if (w->session) {
        d = calloc(1, sizeof *d);
        bad = d ? sess_load_local(d, w->code, w->len, w->file, collect, &p) : 1;
    } else {
        bad = scn_load_local(&w->s, w->keep ? &w->sb : NULL, w->code, w->len, w->file, collect, &p);
    }
    wire_put_u32(reply, p.n);
    hbuf_put(reply, p.list.p, p.list.n);
    hbuf_free(&p.list);
    wire_put_u32(reply, bad == 0);
    if (bad == 0 && d) wire_put_bytes(reply, d, sizeof *d);
    if (!d) { /* what was read, problems or not: the caller checks the rest */
        scenario copy = w->s;
        memset(copy.strings, 0, sizeof copy.strings);
        wire_put_bytes(reply, &copy, sizeof copy);
        for (int i = 0; i < 4; i++) { /* the catalogues, as JSON */
            char *json = w->s.strings[i] ? i18n_to_json(w->s.strings[i]) : NULL;
            wire_put_str(reply, json);
            free(json);
        }
    }
    free(d);
    if (!w->session) scenario_release(&w->s);
    return bad == 0 && w->keep && w->sb ? 0 : -1; /* nothing more to serve */
}

/* 'A': question index and context in; 'K' key, or 'E' reset flag and message out. */
static int serve_answer(scn_work *w, wire_reader *r, hbuf *reply) {
    int asked[SCN_MAX_QUESTIONS], said[SCN_MAX_QUESTIONS * 2];
    int qi = wire_get_i32(r);
    for (int i = 0; i < SCN_MAX_QUESTIONS; i++)
        asked[i] = wire_get_i32(r);
    scn_ctx ctx = {.asked_times = asked};
    ctx.lights_used = wire_get_u32(r); /* one read after another, in order */
    ctx.flagged = wire_get_u32(r);
    ctx.reader = wire_get_i32(r);
    ctx.interpreter = wire_get_i32(r);
    ctx.separated = wire_get_i32(r);
    ctx.opened = wire_get_u32(r);
    ctx.turned = wire_get_u32(r);
    ctx.reference = wire_get_i32(r);
    ctx.loupe = wire_get_i32(r);
    ctx.elapsed = wire_get_i32(r) / 1000.0; /* milliseconds on the wire */
    ctx.found = wire_get_u32(r);
    ctx.n_said = wire_get_i32(r);
    if (ctx.n_said < 0 || ctx.n_said > SCN_MAX_QUESTIONS * 2) r->bad = 1, ctx.n_said = 0;
    for (int i = 0; i < ctx.n_said; i++) {
        said[i] = wire_get_i32(r);
        if (said[i] < 0 || said[i] >= SCN_MAX_QUESTIONS) r->bad = 1, said[i] = 0;
    }
    ctx.said = said;
    char key[256];
    bl_err err = {0};
    if (r->bad || !w->sb || qi < 0 || qi >= w->s.n_questions)
        err_setc(&err, BL_E_SCRIPT, "%s: a request the worker cannot read", w->file);
    else if (scn_answer_local(w->sb, &w->ans, &w->s, qi, &ctx, key, sizeof key, &err) == 0) {
        hbuf_put(reply, "K", 1);
        wire_put_str(reply, key);
        return 0;
    }
    int reset = w->sb && sbx_limit_hit(w->sb); /* its state is spent: start afresh */
    hbuf_put(reply, "E", 1);
    wire_put_u32(reply, (uint32_t)reset);
    wire_put_str(reply, err.msg);
    return reset ? -1 : 0;
}

static int serve(void *ud, const char *req, size_t len, hbuf *reply) {
    scn_work *w = ud;
    wire_reader r = {req + 1, len ? len - 1 : 0, 0};
    if (len >= 1 && req[0] == 'L') return serve_load(w, reply);
    if (len >= 1 && req[0] == 'A') return serve_answer(w, &r, reply);
    return -1;
}

/* ------------------------------------------------------------ the caller's side */

struct scn_runtime {
    host *h;    /* the worker holding the answer functions; NULL: none running */
    scn_work w; /* what a new worker starts from (w.code is the runtime's copy) */
    char *code; /* the file's text, to start a worker again */
    int restarts;
    int disabled; /* too many restarts: answer functions switched off */
};

/* Starts a worker and has it load; the reply in *reply. */
static host *start_and_load(scn_work *w, hbuf *reply, bl_err *err) {
    host *h = host_start(serve, w, err);
    if (h && host_call(h, "L", 1, HOST_SECONDS, reply, err) != 0) {
        host_stop(h);
        return NULL;
    }
    return h;
}

/* Replays the problems of a load reply to report; returns how many. */
static int read_problems(wire_reader *r, scn_report_fn report, void *ud) {
    uint32_t n = wire_get_u32(r);
    char file[256], msg[1024];
    for (uint32_t i = 0; i < n && !r->bad; i++) {
        wire_get_str(r, file, sizeof file);
        int line = wire_get_i32(r);
        wire_get_str(r, msg, sizeof msg);
        if (!r->bad && report) report(ud, file, line, msg);
    }
    return (int)n;
}

/* The scenario of a load reply into out (catalogues rebuilt, English first:
 * the others fall back to it). */
static int read_scenario(wire_reader *r, scenario *out, bl_err *err) {
    const char *p;
    size_t n;
    wire_get_block(r, &p, &n);
    if (r->bad || n != sizeof *out) return err_setc(err, BL_E_SCRIPT, "a load reply is cut short");
    memcpy(out, p, sizeof *out);
    memset(out->strings, 0, sizeof out->strings);
    scenario_sanitise(out);
    const char *json[4];
    size_t len[4];
    for (int i = 0; i < 4; i++)
        wire_get_block(r, &json[i], &len[i]);
    if (r->bad) return err_setc(err, BL_E_SCRIPT, "a load reply is cut short");
    int en = -1;
    for (int i = 0; i < out->n_langs; i++)
        if (!strcmp(out->langs[i], "en")) en = i;
    for (int pass = 0; pass < 2; pass++) /* English first */
        for (int i = 0; i < out->n_langs; i++) {
            if ((pass == 0) != (i == en) || !len[i]) continue;
            out->strings[i] = i18n_load_json(json[i], len[i], out->langs[i],
                                             i == en ? NULL : out->strings[en], err);
            if (!out->strings[i]) return -1;
        }
    return 0;
}

static int has_answer_functions(const scenario *s) {
    for (int q = 0; q < s->n_questions; q++)
        if (s->questions[q].kind == ANSWER_FUNCTION) return 1;
    return 0;
}

int scn_load(scenario *out, scn_runtime **rt, const char *code, size_t len, const char *file,
             const doc_fonts *deep, scn_report_fn report, void *ud) {
    memset(out, 0, sizeof *out);
    snprintf(out->file, sizeof out->file, "%s", file);
    if (rt) *rt = NULL;
    scn_work w = {.code = code, .len = len, .keep = rt != NULL};
    snprintf(w.file, sizeof w.file, "%s", file);
    hbuf reply = {0};
    bl_err err = {0};
    host *h = start_and_load(&w, &reply, &err);
    int problems = 0;
    wire_reader r = {reply.p, reply.n, 0};
    if (!h) {
        problems = 1;
        if (report) report(ud, file, 0, err.msg);
    } else {
        problems = read_problems(&r, report, ud);
        int ok = (int)wire_get_u32(&r), read = !r.bad && read_scenario(&r, out, &err) == 0;
        if (r.bad || (!ok && problems == 0)) {
            problems++;
            if (report) report(ud, file, 0, "the script's worker sent a reply it cannot have made");
        } else if (!read) {
            problems++;
            if (report) report(ud, file, 0, err.msg);
        } else { /* what needs no Lua: the documents, the translations */
            loader ld = {code, len, file, report, ud, 0, NULL, out, NULL, ""};
            ld.where = scn_where_index(code, len);
            scn_check_finish(&ld, deep);
            scn_where_free(ld.where);
            problems += ld.problems;
        }
    }
    hbuf_free(&reply);
    if (problems == 0 && rt && (*rt = calloc(1, sizeof **rt)) && ((*rt)->code = malloc(len + 1))) {
        scn_runtime *t = *rt;
        memcpy(t->code, code, len);
        t->code[len] = '\0';
        t->w = w;
        t->w.code = t->code;
        t->h = has_answer_functions(out) ? h : NULL; /* kept only to answer */
        if (t->h) h = NULL;
    } else if (problems == 0 && rt) {
        free(*rt);
        *rt = NULL;
        problems++;
        if (report) report(ud, file, 0, "out of memory");
    }
    host_stop(h);
    if (problems) scenario_release(out);
    return problems;
}

int scn_load_file(scenario *out, scn_runtime **rt, const char *path, const doc_fonts *deep,
                  scn_report_fn report, void *ud) {
    bl_err err = {0};
    size_t len = 0;
    char *code = fs_read_all(path, 1u << 20, &len, &err);
    if (!code) {
        memset(out, 0, sizeof *out);
        if (rt) *rt = NULL;
        if (report) report(ud, path, 0, err.msg);
        return 1;
    }
    int n = scn_load(out, rt, code, len, path, deep, report, ud);
    free(code);
    return n;
}

int scn_field_line(const scn_runtime *rt, const char *path) {
    if (!rt || !rt->code) return 0;
    scn_where *w = scn_where_index(rt->code, strlen(rt->code));
    int line = scn_where_line(w, path);
    scn_where_free(w);
    return line;
}

int scn_string_line(const scn_runtime *rt, const char *lang, const char *key) {
    if (!rt || !rt->code) return 0;
    scn_where *w = scn_where_index(rt->code, strlen(rt->code));
    char path[160];
    /* written as a name (strings.en.title) or in brackets (strings.en["q.a"]) */
    int name = (*key >= 'a' && *key <= 'z') || (*key >= 'A' && *key <= 'Z') || *key == '_';
    for (const char *c = key; *c && name; c++)
        name = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || *c == '_' ||
               (*c >= '0' && *c <= '9');
    snprintf(path, sizeof path, "strings.%s.%s", lang, key);
    if (!name || !scn_where_has(w, path))
        snprintf(path, sizeof path, "strings.%s[\"%s\"]", lang, key);
    int line = scn_where_line(w, path);
    scn_where_free(w);
    return line;
}

void scn_runtime_destroy(scn_runtime *rt) {
    if (!rt) return;
    host_stop(rt->h);
    free(rt->code);
    free(rt);
}

/* A worker for the answers: the one that loaded, or a fresh one (the
 * scenario's state starts over). */
static int ensure_worker(scn_runtime *rt, bl_err *err) {
    if (host_alive(rt->h)) return 0;
    host_stop(rt->h);
    rt->h = NULL;
    if (rt->disabled || rt->restarts >= SCN_MAX_RESTARTS) {
        rt->disabled = 1;
        return err_setc(err, BL_E_SCRIPT,
                        "%s: its answer functions are switched off after %d failures; its "
                        "traveler answers nothing (mend the scenario: borderlab check)",
                        rt->w.file, SCN_MAX_RESTARTS);
    }
    rt->restarts++;
    hbuf reply = {0};
    rt->h = start_and_load(&rt->w, &reply, err);
    hbuf_free(&reply);
    return rt->h ? 0 : err_prefix(err, "%s", rt->w.file);
}

/* Keys go into the action log and the journal: a safe character set only. */
static int key_ok(const char *k) {
    if (!*k) return 0;
    for (const char *c = k; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
              *c == '.' || *c == '_' || *c == '-'))
            return 0;
    return 1;
}

static int ask_worker(scn_runtime *rt, const scenario *s, int qi, const scn_ctx *ctx, char *key,
                      size_t cap, bl_err *err) {
    hbuf req = {0}, reply = {0};
    hbuf_put(&req, "A", 1);
    wire_put_i32(&req, qi);
    for (int i = 0; i < SCN_MAX_QUESTIONS; i++)
        wire_put_i32(&req, i < s->n_questions && ctx->asked_times ? ctx->asked_times[i] : 0);
    wire_put_u32(&req, ctx->lights_used);
    wire_put_u32(&req, ctx->flagged);
    wire_put_i32(&req, ctx->reader);
    wire_put_i32(&req, ctx->interpreter);
    wire_put_i32(&req, ctx->separated);
    wire_put_u32(&req, ctx->opened);
    wire_put_u32(&req, ctx->turned);
    wire_put_i32(&req, ctx->reference);
    wire_put_i32(&req, ctx->loupe);
    wire_put_i32(&req, (int32_t)(ctx->elapsed * 1000 + 0.5));
    wire_put_u32(&req, ctx->found);
    int n_said = ctx->said && ctx->n_said > 0 ? ctx->n_said : 0;
    if (n_said > SCN_MAX_QUESTIONS * 2) n_said = SCN_MAX_QUESTIONS * 2;
    wire_put_i32(&req, n_said);
    for (int i = 0; i < n_said; i++)
        wire_put_i32(&req, ctx->said[i]);
    int rc = host_call(rt->h, req.p, req.n, HOST_SECONDS, &reply, err);
    hbuf_free(&req);
    if (rc != 0) {
        err_prefix(err, "%s: question \"%s\" (the scenario's script starts again)", s->file,
                   s->questions[qi].id);
        hbuf_free(&reply);
        return -1;
    }
    wire_reader r = {reply.p + 1, reply.n ? reply.n - 1 : 0, 0};
    char msg[512];
    if (reply.n && reply.p[0] == 'K') {
        wire_get_str(&r, key, cap);
        rc = r.bad ? err_setc(err, BL_E_SCRIPT, "%s: an answer it cannot have made", s->file) : 0;
    } else {
        int reset = (int)wire_get_u32(&r);
        wire_get_str(&r, msg, sizeof msg);
        if (reset) { /* it ends itself: the next answer starts a fresh one */
            host_stop(rt->h);
            rt->h = NULL;
        }
        rc =
            err_setc(err, BL_E_SCRIPT, "%s%s", r.bad ? "a worker's reply it cannot have made" : msg,
                     reset ? " (the scenario's script starts again)" : "");
    }
    hbuf_free(&reply);
    return rc;
}

int scn_answer(scn_runtime *rt, const scenario *s, int qi, const scn_ctx *ctx, char *key,
               size_t cap, bl_err *err) {
    if (qi < 0 || qi >= s->n_questions) return err_set(err, "no question %d", qi);
    const scn_question *q = &s->questions[qi];
    if (q->kind != ANSWER_FUNCTION) {
        const char *k = scenario_rules_answer(s, q, ctx);
        if (!k) return err_set(err, "%s: question \"%s\": no rule holds", s->file, q->id);
        snprintf(key, cap, "%s", k);
        return 0;
    }
    if (!rt) return err_set(err, "%s: question \"%s\": no answer function", s->file, q->id);
    if (ensure_worker(rt, err) != 0 || ask_worker(rt, s, qi, ctx, key, cap, err) != 0) return -1;
    const i18n *en = scenario_strings(s, "en");
    if (!key_ok(key) || (en && !i18n_has(en, key)))
        return err_setc(err, BL_E_SCRIPT,
                        "%s: question \"%s\": the answer function returned a key that is not one "
                        "of the scenario's strings",
                        s->file, q->id);
    return 0;
}

/* ------------------------------------------------------------ sessions */

int sess_load(session_def *d, const char *code, size_t len, const char *path, scn_report_fn report,
              void *ud) {
    memset(d, 0, sizeof *d);
    scn_work w = {.code = code, .len = len, .session = 1};
    snprintf(w.file, sizeof w.file, "%s", path);
    hbuf reply = {0};
    bl_err err = {0};
    host *h = start_and_load(&w, &reply, &err);
    int problems = 1;
    if (!h) {
        if (report) report(ud, path, 0, err.msg);
    } else {
        wire_reader r = {reply.p, reply.n, 0};
        problems = read_problems(&r, report, ud);
        const char *p;
        size_t n;
        if (wire_get_u32(&r)) {
            wire_get_block(&r, &p, &n);
            if (!r.bad && n == sizeof *d) {
                memcpy(d, p, sizeof *d);
                session_def_sanitise(d);
            } else {
                r.bad = 1;
            }
        }
        if (r.bad) {
            problems++;
            if (report) report(ud, path, 0, "the script's worker sent a reply it cannot have made");
        }
    }
    hbuf_free(&reply);
    host_stop(h);
    return problems;
}

int sess_load_file(session_def *d, const char *path, scn_report_fn report, void *ud) {
    bl_err err = {0};
    size_t len = 0;
    char *code = fs_read_all(path, 1u << 20, &len, &err);
    if (!code) {
        memset(d, 0, sizeof *d);
        if (report) report(ud, path, 0, err.msg);
        return 1;
    }
    int n = sess_load(d, code, len, path, report, ud);
    free(code);
    return n;
}
