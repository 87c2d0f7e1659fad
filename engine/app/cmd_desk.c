/* cmd_desk.c - the inspection desk: `borderlab` / `borderlab desk` (a window),
 * `borderlab play` (replay recorded input, headless or in a window) and
 * `borderlab bench desk`. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "args.h"
#include "cmd.h"
#include "desk_app.h"
#include "desk_loop.h"
#include "fsio.h"
#include "pack.h"
#include <sys/stat.h>

/* What desk and play share on the command line: the session and where its
 * results go. */
typedef struct session_opts {
    char *files[PACK_MAX]; /* --scenario FILE... (none: the built-in pack) */
    int n_files;
    const char *log, *lang, *journal, *key, *witness;
    int mrz, exam; /* --mrz-reader on|off (-1: the session's), --exam on|off */
} session_opts;

/* Their rows of an args table. */
#define SESSION_OPTS(o)                                                                            \
    ARGS_LIST("--scenario", (o)->files, &(o)->n_files, PACK_MAX), ARGS_STR("--log", &(o)->log),    \
        ARGS_STR("--lang", &(o)->lang), ARGS_STR("--journal", &(o)->journal),                      \
        ARGS_STR("--key", &(o)->key), ARGS_STR("--witness", &(o)->witness),                        \
        ARGS_CHOICE("--exam", &(o)->exam, args_off_on),                                            \
        ARGS_CHOICE("--mrz-reader", &(o)->mrz, args_off_on)

/* The session's scenarios: the files named, else the built-in pack, in a
 * pack the caller destroys. Exam mode: no debrief until the end, and the
 * MRZ reader off unless asked for. */
static pack *load_session(const session_opts *o, bl_err *err) {
    pack *p = pack_create(err);
    if (!p) return NULL;
    if (o->n_files ? pack_load_files(p, (char **)o->files, o->n_files, err)
                   : pack_load_builtin(p, err)) {
        pack_destroy(p);
        return NULL;
    }
    if (p->n == 0) {
        err_set(err, "no scenario to play (the built-in pack is empty; pass --scenario FILE)");
        pack_destroy(p);
        return NULL;
    }
    /* results recorded (an exam, a journal): a tutorial never counts, so it
     * is not in the queue (docs/scenarios.md, "A tutorial") */
    if ((o->exam || o->journal) && pack_drop_tutorials(p) > 0) {
        fprintf(stderr,
                "borderlab: the tutorial is left out: %s records results, and a tutorial "
                "never counts\n",
                o->exam ? "an exam" : "a journaled desk");
        if (p->n == 0) {
            err_setc(err, BL_E_USAGE, "no scenario to play but a tutorial");
            pack_destroy(p);
            return NULL;
        }
    }
    pack_set_mrz_reader(p, o->mrz >= 0 ? o->mrz : o->exam ? 0 : -1);
    if (o->exam) p->session.debrief = 0;
    return p;
}

static time_t mtime_of(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 ? st.st_mtime : 0;
}

/* --------------------------------------------------------- interactive */

/* The interactive desk: events, fixed 60 Hz steps, drawing, until the
 * window closes; --watch reloads the scenario file when it is saved. */
int desk_run_window(desk_app *a, pack *watched, const char *watch, time_t seen) {
    bl_err err = {0};
    int rc = 0;
    /* The desk's clock follows real time: frames owed (the process was
     * stopped, the machine was slow) are ticked at once, so pausing the
     * desk cannot stretch an exam's time limits. */
    const double frame_ms = 1000.0 / DESK_FPS;
    double t0 = plat_now_ms(), last_watch = t0, last_draw = -1e9;
    long ticks = 0;
    for (;;) {
        /* --watch: when the scenario file is saved, reload it and start the
         * traveler over, keeping the desk (a broken save keeps the old one). */
        if (watch && plat_now_ms() - last_watch > 500) {
            last_watch = plat_now_ms();
            time_t m = mtime_of(watch);
            if (m && m != seen) {
                seen = m;
                if (pack_reload(watched, 0, &err) != 0 || desk_app_reload_traveler(a, &err) != 0)
                    fprintf(stderr, "borderlab: %s\n", err.msg);
                else
                    printf("borderlab: reloaded %s\n", watch);
            }
        }
        input_event ev;
        int quit = 0, events = 0;
        while (plat_poll(desk_app_plat(a), &ev)) {
            events++;
            int r = desk_app_event(a, &ev, &err);
            if (r < 0) {
                /* the trainee's work so far is in the action log already */
                fprintf(stderr, "borderlab desk: %s\n", err.msg);
                rc = 2;
                quit = 1;
            } else if (r == 1)
                quit = 1;
        }
        if (quit) break;
        long due = (long)((plat_now_ms() - t0) / frame_ms) + 1;
        for (; ticks < due && rc == 0; ticks++)
            if (desk_app_tick(a, &err) != 0) {
                fprintf(stderr, "borderlab desk: %s\n", err.msg);
                rc = 2;
            }
        if (rc) break;
        /* Draw when something happened, else five times a second (the
         * clocks, documents finishing in the background, an exposed
         * window): an idle desk costs little power. */
        double now0 = plat_now_ms();
        if (events || now0 - last_draw >= 200) {
            desk_app_draw(a, &err);
            desk_app_present(a);
            last_draw = now0;
        }
        /* until the next frame is due (vsync may pace us too) */
        double wait = t0 + (double)ticks * frame_ms - plat_now_ms();
        if (wait > 0) plat_sleep_ms((int)wait);
    }
    return rc;
}

static void desk_usage(FILE *o) {
    fprintf(o, "usage: borderlab desk [--scenario FILE]... [--watch FILE] [--record FILE]\n"
               "                      [--log FILE] [--mrz-reader on|off] [--lang en|fr|ar]\n"
               "                      [--exam on|off] [--journal FILE --key KEYFILE]\n\n"
               "Without --scenario the session is the built-in pack (scenarios/*.lua).\n"
               "--watch FILE plays FILE and reloads it whenever it is saved.\n"
               "Opens the inspection desk on the built-in default session (what 'borderlab'\n"
               "with no arguments does). --record writes every input event to FILE (replay it\n"
               "with 'borderlab play --input FILE'); --log appends the action log (JSON lines,\n"
               "default out/actions.jsonl). --lang picks the interface language (F2 in the\n"
               "desk switches it; Arabic lays the desk out right to left). F1 lists the keys.\n");
}

static int run_desk(int argc, char **argv) {
    session_opts o = {
        .log = "out/actions.jsonl", .mrz = -1, .witness = getenv("BORDERLAB_WITNESS_DIR")};
    const char *record = NULL, *watch = NULL;
    const args_opt opts[] = {SESSION_OPTS(&o), ARGS_STR("--record", &record),
                             ARGS_STR("--watch", &watch), ARGS_END};
    int rc = args_parse("desk", opts, desk_usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    if (watch) o.files[0] = (char *)watch, o.n_files = 1; /* --watch FILE plays FILE */
    bl_err err = {0};
    pack *p = NULL;
    if (fs_mkdir("out", &err) != 0 || !(p = load_session(&o, &err))) return cmd_fail("desk", &err);
    desk_app_config cfg = {.headless = 0,
                           .pack = p,
                           .journal_path = o.journal,
                           .key_path = o.key,
                           .witness_dir = o.witness,
                           .session = &p->session,
                           .log_path = o.log,
                           .record_path = record,
                           .loupe_dpi = 600,
                           .sync_loading = 0,
                           .lang = o.lang};
    /* the version loaded above: any later save is a change (taken before the
     * desk opens, which can take a while) */
    time_t seen = watch ? mtime_of(watch) : 0;
    desk_app *a = desk_app_create(&cfg, &err);
    if (!a) {
        pack_destroy(p);
        return cmd_fail("desk", &err);
    }
    printf("borderlab: desk open; actions go to %s%s%s\n", o.log, record ? ", input to " : "",
           record ? record : "");
    rc = desk_run_window(a, watch ? p : NULL, watch, seen);
    desk_app_destroy(a);
    pack_destroy(p);
    return rc;
}

int cmd_default(int argc, char **argv) {
    (void)argc;
    return run_desk(1, argv);
}

int cmd_desk(int argc, char **argv) {
    return run_desk(argc, argv);
}

/* --------------------------------------------------------------- play */

/* Replays recorded input at a fixed time step (1/60 s per frame), taking
 * the screenshots the input asks for (and every `every` frames). */
int desk_run_replay(desk_app *a, const input_script *script_in, const char *out_dir, uint64_t every,
                    int headless, const char *log, int *used) {
    bl_err err = {0};
    const input_script script = *script_in;
    long last = script.n ? script.ev[script.n - 1].frame : 0;
    int k = 0, rc = 0, shots = 0;
    char path[4096];
    for (long f = 0; f <= last && rc == 0; f++) {
        int quit = 0, drawn = 0;
        for (; k < script.n && script.ev[k].frame == f; k++) {
            const input_event *e = &script.ev[k];
            if (e->kind == EV_SCREENSHOT) {
                desk_app_draw(a, &err);
                drawn = 1;
                snprintf(path, sizeof path, "%s/%s.png", out_dir, e->text);
                if (desk_app_screenshot(a, path, &err) != 0) rc = 2;
                desk_app_present(a);
                shots++;
                continue;
            }
            int r = desk_app_event(a, e, &err);
            if (r < 0) rc = 2;
            if (r == 1) {
                quit = 1; /* what follows is not the desk's (a workstation's next sign-in) */
                k++;
                break;
            }
        }
        if (every && f % (long)every == 0 && rc == 0) {
            desk_app_draw(a, &err);
            snprintf(path, sizeof path, "%s/frame%06ld.png", out_dir, f);
            if (desk_app_screenshot(a, path, &err) != 0) rc = 2;
            desk_app_present(a);
            shots++;
        } else if (!headless && !drawn) {
            /* a window shows every frame, as it would for a person */
            desk_app_draw(a, &err);
            desk_app_present(a);
        }
        if (quit) break;
        if (desk_app_tick(a, &err) != 0) rc = 2;
    }
    if (used) *used = k;
    if (rc != 0)
        fprintf(stderr, "borderlab play: %s\n", err.msg);
    else
        printf("replayed %d events over %ld frames; %d screenshots in %s; log %s\n", script.n,
               last + 1, shots, out_dir, log);
    return rc;
}

static void play_usage(FILE *o) {
    fprintf(o,
            "usage: borderlab play --input FILE [--headless] [--out-dir DIR] [--scenario FILE]...\n"
            "                      [--screenshot-every N] [--log FILE] [--mrz-reader on|off]\n"
            "                      [--loupe-dpi N] [--lang en|fr|ar] [--exam on|off]\n"
            "                      [--journal FILE --key KEYFILE]\n"
            "       borderlab play --watch FILE   (a window; reloads FILE when it is saved)\n\n"
            "Replays recorded input on the scenarios named (default: the built-in pack) at a fixed "
            "time step\n"
            "(1/60 s per frame). --headless draws without a window (same pixels every\n"
            "time). 'screenshot NAME' lines in the input, and --screenshot-every N frames,\n"
            "write PNGs into --out-dir (default out/play). The action log goes to --log\n"
            "(default DIR/actions.jsonl). The input format is in README.md.\n");
}

int cmd_play(int argc, char **argv) {
    session_opts o = {.mrz = -1, .witness = getenv("BORDERLAB_WITNESS_DIR")};
    const char *input = NULL, *out_dir = "out/play", *watch = NULL;
    uint64_t every = 0;
    int headless = 0;
    double loupe_dpi = 600;
    const args_opt opts[] = {SESSION_OPTS(&o),
                             ARGS_STR("--input", &input),
                             ARGS_STR("--out-dir", &out_dir),
                             ARGS_U64("--screenshot-every", &every, 1, 1000000),
                             ARGS_DOUBLE("--loupe-dpi", &loupe_dpi, 150, 1200),
                             ARGS_FLAG("--headless", &headless),
                             ARGS_STR("--watch", &watch),
                             ARGS_END};
    int rc = args_parse("play", opts, play_usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    if (watch) return run_desk(argc, argv); /* a window that reloads: the desk's options */
    if (!input) return args_fail("play", "--input FILE is required (try --help)");
    bl_err err = {0};
    size_t len = 0;
    char *text = fs_read_all(input, 16u << 20, &len, &err);
    input_script script;
    if (!text || input_parse(&script, text, len, input, &err) != 0) {
        free(text);
        return cmd_fail("play", &err);
    }
    free(text);
    char log_path[4096];
    snprintf(log_path, sizeof log_path, "%s/actions.jsonl", out_dir);
    const char *log = o.log ? o.log : log_path;
    pack *p = NULL;
    if (fs_mkdir(out_dir, &err) != 0 || !(p = load_session(&o, &err))) {
        input_free(&script);
        return cmd_fail("play", &err);
    }
    remove(log); /* a replay writes a fresh log */
    desk_app_config cfg = {.headless = headless,
                           .pack = p,
                           .journal_path = o.journal,
                           .key_path = o.key,
                           .witness_dir = o.witness,
                           .session = &p->session,
                           .log_path = log,
                           .loupe_dpi = loupe_dpi,
                           .sync_loading = 1,
                           .lang = o.lang};
    desk_app *a = desk_app_create(&cfg, &err);
    if (a)
        rc = desk_run_replay(a, &script, out_dir, every, headless, log, NULL);
    else
        rc = cmd_fail("play", &err);
    desk_app_destroy(a);
    pack_destroy(p);
    input_free(&script);
    return rc;
}

/* --------------------------------------------------------------- bench */

static int cmp_d(const void *x, const void *y) {
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* A busy desk: one traveler with three documents (a session is large: on
 * the heap). NULL with err set. */
static desk_session *bench_session(bl_err *err) {
    desk_session *s = calloc(1, sizeof *s);
    if (!s) {
        err_setc(err, BL_E_NOMEM, "out of memory");
        return NULL;
    }
    snprintf(s->id, sizeof s->id, "bench");
    s->today = (bl_date){2026, 6, 1};
    s->mrz_reader = 1;
    s->n_travelers = 1;
    desk_traveler *t = &s->travelers[0];
    snprintf(t->id, sizeof t->id, "B1");
    t->n_docs = 3;
    const char *tpls[3] = {"uto-passport-td3", "uto-visa-mrva", "uto-id-td1"};
    for (int i = 0; i < 3; i++) {
        snprintf(t->docs[i].template_id, sizeof t->docs[i].template_id, "%s", tpls[i]);
        t->docs[i].seed = 500 + (uint64_t)i;
    }
    if (desk_session_resolve(s, err) != 0) {
        free(s);
        return NULL;
    }
    return s;
}

static double clock_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Opens the passport, spreads the documents, UV on, loupe on at `zoom`;
 * then times `frames` frames with the loupe sweeping across all three
 * documents. */
static void bench_frames(desk_app *a, double *ft, uint64_t frames, int zoom) {
    bl_err err = {0};
    input_event ev;
    memset(&ev, 0, sizeof ev);
    const int script[][4] = {{EV_DOWN, 320, 90, BUTTON_LEFT},  {EV_UP, 320, 90, BUTTON_LEFT},
                             {EV_DOWN, 400, 120, BUTTON_LEFT}, {EV_MOVE, 900, 140, 0},
                             {EV_UP, 900, 140, BUTTON_LEFT},   {EV_DOWN, 470, 170, BUTTON_LEFT},
                             {EV_MOVE, 800, 420, 0},           {EV_UP, 800, 420, BUTTON_LEFT}};
    for (size_t i = 0; i < sizeof script / sizeof script[0]; i++) {
        ev.kind = script[i][0], ev.x = script[i][1], ev.y = script[i][2], ev.button = script[i][3];
        desk_app_event(a, &ev, &err);
    }
    ev.kind = EV_KEY, ev.key = KEY_2;
    desk_app_event(a, &ev, &err);
    ev.key = KEY_L;
    desk_app_event(a, &ev, &err);
    ev.key = KEY_PLUS; /* the loupe starts at 4x */
    for (int z = 4; z != zoom && desk_zoom_step(z, 1) != z; z = desk_zoom_step(z, 1))
        desk_app_event(a, &ev, &err);
    for (uint64_t f = 0; f < frames; f++) {
        double ang = (double)f / 90.0;
        ev.kind = EV_MOVE;
        ev.x = 760 + (int)(330 * cos(ang));
        ev.y = 330 + (int)(200 * sin(ang * 1.3));
        double s0 = clock_ms();
        desk_app_event(a, &ev, &err);
        desk_app_tick(a, &err);
        desk_app_draw(a, &err);
        desk_app_present(a);
        ft[f] = clock_ms() - s0;
    }
}

int bench_desk(int argc, char **argv) {
    uint64_t frames = 600, zoom = 4;
    const args_opt opts[] = {ARGS_U64("--frames", &frames, 60, 100000),
                             ARGS_U64("--zoom", &zoom, 2, 40), ARGS_END};
    int rc = args_parse("bench desk", opts, bench_usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    if (desk_zoom_step((int)zoom, 0) != (int)zoom) {
        fprintf(stderr,
                "borderlab bench desk: --zoom %d is not one of the loupe's steps (2, 3, 4, "
                "5, 6, 8, 10, 12, 15, 20, 25, 30, 40)\n",
                (int)zoom);
        return 2;
    }
    bl_err err = {0};
    desk_session *s = bench_session(&err);
    double *ft = s ? malloc(sizeof(double) * frames) : NULL;
    if (s && !ft) err_setc(&err, BL_E_NOMEM, "out of memory");
    double t0 = clock_ms();
    desk_app_config cfg = {.headless = 1, .session = s, .loupe_dpi = 600, .sync_loading = 0};
    desk_app *a = ft ? desk_app_create(&cfg, &err) : NULL;
    if (!a) {
        free(ft);
        free(s);
        return cmd_fail("bench", &err);
    }
    desk_app_draw(a, &err);
    desk_app_present(a);
    double first = clock_ms() - t0;
    desk_app_wait_loading(a); /* the loupe at full resolution from here on */
    bench_frames(a, ft, frames, (int)zoom);
    long lf, ls;
    loupe_tiles_stats ts;
    desk_app_loupe_stats(a, &lf, &ls, &ts);
    desk_app_draw(a, &err);
    if (fs_mkdir("out", &err) == 0 && desk_app_screenshot(a, "out/bench-desk.png", &err) == 0)
        printf("  last frame: out/bench-desk.png\n");
    qsort(ft, frames, sizeof *ft, cmp_d);
    double p50 = ft[frames / 2], p99 = ft[(size_t)((double)frames * 0.99)];
    printf("desk: 3 documents, UV on, loupe moving at %dx; %llu frames at 1280x720, software "
           "renderer\n",
           (int)zoom, (unsigned long long)frames);
    printf("  frame time p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", p50, p99, ft[frames - 1]);
    printf("  start to first frame %.1f ms (documents at desk resolution; full resolution for the\n"
           "  loupe is built after it, in the background)\n",
           first);
    if (lf > 0)
        printf(
            "  loupe above 8x: %ld of %ld frames wholly at the zoom's resolution (the others\n"
            "  partly magnified from 600 dpi while tiles were built); %d tiles built, %d evicted,\n"
            "  at most %.1f MB held of a %.0f MB budget\n",
            ls, lf, ts.built, ts.evicted, ts.peak / 1048576.0, ts.budget / 1048576.0);
    printf("{\"frame_ms_p50\": %.3f, \"frame_ms_p99\": %.3f, \"first_frame_ms\": %.1f, \"frames\": "
           "%llu, \"zoom\": %d, \"loupe_sharp_frames\": %ld, \"loupe_frames\": %ld, "
           "\"tiles_built\": %d, \"tiles_peak_bytes\": %zu}\n",
           p50, p99, first, (unsigned long long)frames, (int)zoom, ls, lf, ts.built, ts.peak);
    free(ft);
    desk_app_destroy(a);
    free(s);
    return 0;
}
