/* cmd_workstation.c - `borderlab workstation`: a shared workstation of the
 * academy. The sign-in screen (engine/core/signin.h) asks who sits, and which
 * of the sessions open here (the academy configuration's sessions_dir); the
 * session runs at the desk in the same window (session_run.h); when the
 * trainee leaves the desk, the sign-in screen comes back empty for the
 * next. Each trainee gets a new desk: nothing of the previous one's is kept
 * in memory, and the words drawn for them are dropped too.
 *
 * A recording (--headless --input) is replayed through sign-ins and desks
 * alike: the sign-in takes events in order, the desk the ones after, its
 * frames counted from its first event. */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "academy.h"
#include "args.h"
#include "cmd.h"
#include "fonts.h"
#include "fsio.h"
#include "i18n.h"
#include "image.h"
#include "pack.h"
#include "sess_load.h"
#include "session.h"
#include "session_run.h"
#include "signin.h"
#include "text_tex.h"

#define WHO "workstation"

static void usage(FILE *o) {
    fprintf(o, "usage: borderlab workstation [--sessions DIR] [--roster FILE] [--lang en|fr|ar]\n"
               "                             [--place TEXT] [--headless --input FILE [--out-dir "
               "DIR]]\n\n"
               "A shared workstation: a sign-in screen asks the trainee's id and, when several\n"
               "sessions are open, which one; the session then runs at the desk (as `session\n"
               "run`, resuming the trainee's journal) and, when the trainee leaves the desk\n"
               "(Esc, then Leave), the sign-in screen comes back empty for the next trainee.\n"
               "Closing the window ends the workstation.\n\n"
               "The open sessions are the *.lua session files in --sessions DIR (else the\n"
               "academy configuration's sessions_dir), at most 5. With a roster (--roster, else\n"
               "the configuration's roster: a JSON list of {\"id\", \"name\", \"cohort\"}) only\n"
               "its ids sign in, and the journal takes their name and cohort. The journal key,\n"
               "pack key, witness and journal folders come from the configuration\n"
               "(`borderlab config`). --headless --input replays a recording through sign-ins\n"
               "and desks (screenshots go to --out-dir).\n"
               "Exit: 0 the window closed or the recording ended, 2 a configuration, session\n"
               "file or roster problem, or an error at the desk.\n");
}

typedef struct ws {
    signin_session sessions[SIGNIN_MAX_SESSIONS];
    int n_sessions;
    signin_trainee *roster;
    int n_roster;
    const char *place, *out_dir;
    int headless;
    input_script script; /* the recording (--input); n 0: a window */
    int at;              /* its next event */
    plat *p;
    doc_fonts fonts;
    text_tex tx;
    i18n *langs[3];
    int lang;
    draw_list dl;
} ws;

static int by_name(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The session files open here, by name; each must load. 0, or -1 (said). */
static int load_sessions(ws *w, const char *dir) {
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr,
                "borderlab " WHO ": cannot open the sessions folder '%s' (set sessions_dir in "
                "the academy configuration, or give --sessions DIR)\n",
                dir);
        return -1;
    }
    char *names[64];
    int n = 0, rc = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        size_t len = strlen(e->d_name);
        if (len > 4 && !strcmp(e->d_name + len - 4, ".lua") && e->d_name[0] != '.') {
            if (n == SIGNIN_MAX_SESSIONS) {
                rc = -1;
                break;
            }
            names[n++] = strdup(e->d_name);
        }
    }
    closedir(d);
    if (rc)
        fprintf(stderr,
                "borderlab " WHO ": more than %d sessions are open in %s: the sign-in screen "
                "lists at most %d; move the others out\n",
                SIGNIN_MAX_SESSIONS, dir, SIGNIN_MAX_SESSIONS);
    else if (n == 0)
        fprintf(stderr,
                "borderlab " WHO ": no session file (*.lua) in %s: put the academy's session "
                "files there\n",
                dir);
    if (rc || n == 0) rc = -1;
    qsort(names, (size_t)n, sizeof names[0], by_name);
    for (int i = 0; i < n && rc == 0; i++) {
        signin_session *s = &w->sessions[w->n_sessions];
        snprintf(s->file, sizeof s->file, "%s/%s", dir, names[i]);
        session_def *def = calloc(1, sizeof *def);
        int problems = def ? sess_load_file(def, s->file, pack_print_problem, NULL) : 1;
        if (problems) {
            fprintf(stderr,
                    "borderlab " WHO ": %s cannot be opened (check it with `borderlab "
                    "session check FILE`)\n",
                    s->file);
            rc = -1;
        } else {
            snprintf(s->id, sizeof s->id, "%s", def->id);
            snprintf(s->title, sizeof s->title, "%s", def->title[0] ? def->title : def->id);
            s->exam = def->exam;
            w->n_sessions++;
        }
        free(def);
    }
    for (int i = 0; i < n; i++)
        free(names[i]);
    return rc;
}

/* The roster: [{"id": "T-01", "name": "...", "cohort": "..."}, ...]. */
static int load_roster(ws *w, const char *path) {
    bl_err err = {0};
    size_t len = 0;
    char *text = fs_read_all(path, 8u << 20, &len, &err);
    if (!text) {
        cmd_fail(WHO, &err);
        return -1;
    }
    cJSON *root = cJSON_ParseWithLength(text, len);
    int n = cJSON_IsArray(root) ? cJSON_GetArraySize(root) : -1, rc = 0;
    if (n < 1) {
        fprintf(stderr,
                "borderlab " WHO ": %s: a roster is a JSON list of trainees, [{\"id\": \"T-01\", "
                "\"name\": \"...\", \"cohort\": \"...\"}, ...]\n",
                path);
        rc = -1;
    }
    w->roster = rc ? NULL : calloc((size_t)n, sizeof *w->roster);
    for (int i = 0; i < n && rc == 0; i++) {
        const cJSON *t = cJSON_GetArrayItem(root, i);
        const char *id = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(t, "id"));
        const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(t, "name"));
        const char *cohort = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(t, "cohort"));
        signin_trainee *r = &w->roster[i];
        if (!id || strlen(id) >= sizeof r->id || !session_id_ok(id)) {
            fprintf(stderr,
                    "borderlab " WHO ": %s: trainee %d: \"id\" must be letters, digits, '-', '_' "
                    "or '.', at most %zu characters\n",
                    path, i + 1, sizeof r->id - 1);
            rc = -1;
            break;
        }
        for (int k = 0; k < i; k++)
            if (!strcmp(w->roster[k].id, id)) {
                fprintf(stderr, "borderlab " WHO ": %s: id '%s' is there twice\n", path, id);
                rc = -1;
            }
        snprintf(r->id, sizeof r->id, "%s", id);
        snprintf(r->name, sizeof r->name, "%s", name ? name : "");
        snprintf(r->cohort, sizeof r->cohort, "%s", cohort ? cohort : "");
        w->n_roster = i + 1;
    }
    cJSON_Delete(root);
    free(text);
    return rc;
}

static void show(ws *w) {
    w->tx.zoom = plat_pixel_scale(w->p);
    w->tx.rtl = i18n_rtl(w->langs[w->lang]);
    w->tx.frame++;
    for (int i = 0; i < w->dl.n; i++) {
        const draw_cmd *c = &w->dl.cmd[i];
        if (c->kind == DRAW_FILL) plat_fill(w->p, c->x, c->y, c->w, c->h, c->rgba);
        if (c->kind == DRAW_FRAME) plat_frame(w->p, c->x, c->y, c->w, c->h, c->thick, c->rgba);
        if (c->kind == DRAW_CLIP) plat_clip(w->p, c->x, c->y, c->w, c->h);
        if (c->kind == DRAW_TEXT) text_tex_draw(&w->tx, c);
    }
}

static int screenshot(ws *w, const signin_state *s, const char *name) {
    bl_err err = {0};
    bl_image img;
    char path[4096];
    signin_draw(s, &w->dl);
    show(w);
    snprintf(path, sizeof path, "%s/%s.png", w->out_dir, name);
    int rc = plat_read(w->p, &img, &err);
    if (rc == 0) rc = image_save_png(&img, path, &err);
    if (rc == 0) image_deinit(&img);
    plat_present(w->p);
    return rc ? cmd_fail(WHO, &err) : 0;
}

/* The sign-in screen until someone signs in (1), the window closes or the
 * recording runs out (2), or a screenshot fails (-1). */
static int sign_in(ws *w, signin_state *s) {
    plat_text_input(w->p, 1);
    while (!s->done) {
        input_event ev;
        if (w->script.n) {
            if (w->at >= w->script.n) return 2;
            ev = w->script.ev[w->at++];
            if (ev.kind == EV_SCREENSHOT) {
                if (screenshot(w, s, ev.text) != 0) return -1;
                continue;
            }
            signin_step(s, &ev);
            continue;
        }
        while (!s->done && plat_poll(w->p, &ev))
            signin_step(s, &ev);
        signin_draw(s, &w->dl);
        show(w);
        plat_present(w->p);
        plat_sleep_ms(30);
    }
    plat_text_input(w->p, 0);
    return s->done;
}

/* The desk's part of the recording: from the next event on, its frames
 * counted from the first one's. */
static int rest_of_script(const ws *w, input_script *out) {
    memset(out, 0, sizeof *out);
    int n = w->script.n - w->at;
    if (n <= 0) return 0;
    if (!(out->ev = malloc((size_t)n * sizeof *out->ev))) return -1;
    long base = w->script.ev[w->at].frame;
    for (int i = 0; i < n; i++) {
        out->ev[i] = w->script.ev[w->at + i];
        out->ev[i].frame -= base;
    }
    out->n = out->cap = n;
    return 0;
}

/* One trainee's sitting at the desk, in the workstation's window. 1 when
 * the trainee left (the sign-in screen comes back), 0 when the window closed
 * or the recording ran out, -1 on an error (said). */
static int sit(ws *w, const run_opts *base, const signin_state *s) {
    run_opts o = *base;
    const signin_trainee *t = s->trainee >= 0 ? &w->roster[s->trainee] : NULL;
    o.file = w->sessions[s->chosen].file;
    o.trainee = s->typed;
    if (t && t->name[0]) o.name = t->name;
    if (t && t->cohort[0]) o.cohort = t->cohort;
    o.window = w->p;
    o.lang = i18n_lang(w->langs[w->lang]);
    run_outcome out = {0, 0};
    o.out = &out;
    char log[4200];
    snprintf(log, sizeof log, "%s/%s-%s.actions.jsonl", w->out_dir, w->sessions[s->chosen].id,
             s->typed); /* each trainee's own action log */
    o.log = log;
    input_script rest;
    if (rest_of_script(w, &rest) != 0) return -1;
    if (w->script.n) o.script = &rest;
    int rc = session_run(&o);
    input_free(&rest);
    w->at += out.used;
    text_tex_free(&w->tx); /* the words drawn for this trainee */
    if (rc != 0) return -1;
    return out.left && (!w->script.n || w->at < w->script.n) ? 1 : 0;
}

static int open_all(ws *w, const char *lang, const char *input, bl_err *err) {
    if (input) {
        size_t len = 0;
        char *text = fs_read_all(input, 16u << 20, &len, err);
        int rc = text ? input_parse(&w->script, text, len, input, err) : -1;
        free(text);
        if (rc) return -1;
        if (w->script.n == 0) return err_setc(err, BL_E_INPUT, "%s: no event to replay", input);
    }
    if (fonts_load(&w->fonts, err) != 0) return -1;
    static const char *const codes[3] = {"en", "fr", "ar"};
    for (int l = 0; l < 3; l++) {
        const char *json = i18n_builtin_json(codes[l]);
        w->langs[l] = i18n_load_json(json, strlen(json), codes[l], l ? w->langs[0] : NULL, err);
        if (!w->langs[l]) return -1;
        if (lang && !strcmp(lang, codes[l])) w->lang = l;
    }
    plat_config pc = {DESK_W, DESK_H, w->headless, "borderlab - inspection desk"};
    if (!(w->p = plat_create(&pc, err))) return -1;
    w->tx.p = w->p, w->tx.fonts = &w->fonts;
    return 0;
}

static void close_all(ws *w) {
    text_tex_free(&w->tx);
    plat_destroy(w->p);
    for (int l = 0; l < 3; l++)
        i18n_destroy(w->langs[l]);
    doc_fonts_unload(&w->fonts);
    input_free(&w->script);
    free(w->roster);
}

/* Sign-in, desk, sign-in ... until the window closes. A session that
 * cannot start (a refused pack, a journal that is not intact) is said on
 * stderr and on the next sign-in screen; the workstation goes on, and
 * exits 2 at the end. */
static int run(ws *w, const run_opts *base) {
    int failed = 0;
    for (;;) {
        signin_state s; /* new for every trainee: nothing of the last is kept */
        signin_init(&s, w->sessions, w->n_sessions, w->roster, w->n_roster, w->langs[w->lang],
                    w->place);
        s.measure = text_tex_lines, s.measure_ud = &w->tx;
        if (failed == 1) s.problem = SIGNIN_FAILED, failed = 2;
        int r = sign_in(w, &s);
        if (r != 1) return r < 0 || failed ? 2 : 0;
        r = sit(w, base, &s);
        if (r < 0) failed = 1, r = w->script.n == 0 || w->at < w->script.n;
        if (r == 0) return failed ? 2 : 0;
    }
}

int cmd_workstation(int argc, char **argv) {
    ws *w = calloc(1, sizeof *w);
    const char *sessions = NULL, *roster = NULL, *lang = NULL, *input = NULL;
    const args_opt opts[] = {ARGS_STR("--sessions", &sessions),
                             ARGS_STR("--roster", &roster),
                             ARGS_STR("--lang", &lang),
                             ARGS_STR("--place", &w->place),
                             ARGS_STR("--input", &input),
                             ARGS_STR("--out-dir", &w->out_dir),
                             ARGS_FLAG("--headless", &w->headless),
                             ARGS_END};
    int rc = w ? args_parse(WHO, opts, usage, argc, argv) : 2;
    if (rc != ARGS_GO) {
        free(w);
        return rc;
    }
    if (w->headless && !input) {
        free(w);
        return args_fail(WHO, "--headless replays recorded input: add --input FILE");
    }
    run_opts base = {0};
    academy_conf ac;
    base.lang = lang;
    base.headless = w->headless;
    if ((rc = session_run_defaults(&base, &ac)) != 0) {
        free(w);
        return rc;
    }
    if (!sessions) sessions = academy_get(&ac, ACADEMY_SESSIONS_DIR);
    if (!roster) roster = academy_get(&ac, ACADEMY_ROSTER);
    if (!w->out_dir) w->out_dir = "out/workstation";
    base.out_dir = w->out_dir;
    bl_err err = {0};
    if (!sessions)
        rc = args_fail(WHO, "no sessions folder: set sessions_dir in the academy configuration "
                            "(`borderlab config`), or give --sessions DIR");
    else if (load_sessions(w, sessions) != 0 || (roster && load_roster(w, roster) != 0))
        rc = 2;
    else if ((!input && fs_mkdir("out", &err) != 0) || fs_mkdir(w->out_dir, &err) != 0 ||
             open_all(w, base.lang, input, &err) != 0)
        rc = cmd_fail(WHO, &err);
    else
        rc = run(w, &base);
    close_all(w);
    academy_free(&ac);
    free(w);
    return rc;
}
