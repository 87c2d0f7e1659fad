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

/* The session's scenarios: the files named, else the built-in pack. The pack
 * is large (one scenario struct per traveler): static, owned by this file. */
static pack the_pack;

/* Exam mode: no debrief until the end, and the MRZ reader off unless asked for. */
static desk_session *load_session(char **files, int n_files, int mrz_reader, int exam,
                                  bl_err *err) {
    if (n_files ? pack_load_files(&the_pack, files, n_files, err)
                : pack_load_builtin(&the_pack, err))
        return NULL;
    if (the_pack.n == 0) {
        err_set(err, "no scenario to play (the built-in pack is empty; pass --scenario FILE)");
        return NULL;
    }
    pack_set_mrz_reader(&the_pack, mrz_reader >= 0 ? mrz_reader : exam ? 0 : -1);
    if (exam) the_pack.session.debrief = 0;
    return &the_pack.session;
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
    const char *record = NULL, *log = "out/actions.jsonl", *lang = NULL, *watch = NULL;
    char *files[PACK_MAX];
    int n_files = 0;
    int mrz = -1, exam = 0;
    const char *journal = NULL, *key = NULL;
    for (int i = 1; i < argc; i += 2) { /* every option takes a value */
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            desk_usage(stdout);
            return 0;
        }
        if (!v) {
            fprintf(stderr, "borderlab desk: %s needs a value (try --help)\n", argv[i]);
            return 2;
        }
        if (!strcmp(argv[i], "--record"))
            record = v;
        else if (!strcmp(argv[i], "--log"))
            log = v;
        else if (!strcmp(argv[i], "--lang"))
            lang = v;
        else if (!strcmp(argv[i], "--scenario") && n_files < PACK_MAX)
            files[n_files++] = (char *)v;
        else if (!strcmp(argv[i], "--watch")) {
            watch = v;
            files[0] = (char *)v, n_files = 1;
        } else if (!strcmp(argv[i], "--journal"))
            journal = v;
        else if (!strcmp(argv[i], "--key"))
            key = v;
        else if (!strcmp(argv[i], "--exam") && (!strcmp(v, "on") || !strcmp(v, "off")))
            exam = !strcmp(v, "on");
        else if (!strcmp(argv[i], "--mrz-reader") && (!strcmp(v, "on") || !strcmp(v, "off")))
            mrz = !strcmp(v, "on");
        else {
            fprintf(stderr, "borderlab desk: unknown option %s %s (try --help)\n", argv[i], v);
            return 2;
        }
    }
    bl_err err = {0};
    desk_session *session = NULL;
    if (fs_mkdir("out", &err) != 0 || !(session = load_session(files, n_files, mrz, exam, &err))) {
        return cmd_fail("desk", &err);
    }
    desk_app_config cfg = {.headless = 0,
                           .pack = &the_pack,
                           .journal_path = journal,
                           .key_path = key,
                           .session = session,
                           .log_path = log,
                           .record_path = record,
                           .loupe_dpi = 600,
                           .sync_loading = 0,
                           .lang = lang};
    /* the version loaded above: any later save is a change (taken before the
     * desk opens, which can take a while) */
    time_t seen = watch ? mtime_of(watch) : 0;
    desk_app *a = desk_app_create(&cfg, &err);
    if (!a) {
        return cmd_fail("desk", &err);
    }
    printf("borderlab: desk open; actions go to %s%s%s\n", log, record ? ", input to " : "",
           record ? record : "");
    int rc = desk_run_window(a, watch ? &the_pack : NULL, watch, seen);
    desk_app_destroy(a);
    pack_free(&the_pack);
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
                    int headless, const char *log) {
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
            if (r == 1) quit = 1;
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
    const char *input = NULL, *out_dir = "out/play", *log = NULL, *lang = NULL;
    char *files[PACK_MAX];
    int n_files = 0;
    for (int i = 1; i + 1 < argc; i++)
        if (!strcmp(argv[i], "--watch")) return run_desk(argc, argv); /* a window that reloads */
    uint64_t every = 0;
    int headless = 0, mrz = -1, exam = 0;
    const char *journal = NULL, *key = NULL;
    double loupe_dpi = 600;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            play_usage(stdout);
            return 0;
        }
        if (!strcmp(a, "--headless")) {
            headless = 1;
            continue;
        }
        if (!v) {
            fprintf(stderr, "borderlab play: %s needs a value (try --help)\n", a);
            return 2;
        }
        if (!strcmp(a, "--input"))
            input = v;
        else if (!strcmp(a, "--out-dir"))
            out_dir = v;
        else if (!strcmp(a, "--log"))
            log = v;
        else if (!strcmp(a, "--lang"))
            lang = v;
        else if (!strcmp(a, "--scenario") && n_files < PACK_MAX)
            files[n_files++] = (char *)v;
        else if (!strcmp(a, "--screenshot-every") && !args_u64(v, 1, 1000000, &every)) {
        } else if (!strcmp(a, "--loupe-dpi") && !args_double(v, 150, 1200, &loupe_dpi)) {
        } else if (!strcmp(a, "--journal")) {
            journal = v;
        } else if (!strcmp(a, "--key")) {
            key = v;
        } else if (!strcmp(a, "--exam") && (!strcmp(v, "on") || !strcmp(v, "off"))) {
            exam = !strcmp(v, "on");
        } else if (!strcmp(a, "--mrz-reader") && (!strcmp(v, "on") || !strcmp(v, "off"))) {
            mrz = !strcmp(v, "on");
        } else {
            fprintf(stderr, "borderlab play: bad option %s %s (try --help)\n", a, v);
            return 2;
        }
        i++;
    }
    if (!input) {
        fprintf(stderr, "borderlab play: --input FILE is required (try --help)\n");
        return 2;
    }
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
    if (!log) {
        log = log_path;
    }
    desk_session *session = NULL;
    if (fs_mkdir(out_dir, &err) != 0 ||
        !(session = load_session(files, n_files, mrz, exam, &err))) {
        input_free(&script);
        return cmd_fail("play", &err);
    }
    remove(log); /* a replay writes a fresh log */
    desk_app_config cfg = {.headless = headless,
                           .pack = &the_pack,
                           .journal_path = journal,
                           .key_path = key,
                           .session = session,
                           .log_path = log,
                           .loupe_dpi = loupe_dpi,
                           .sync_loading = 1,
                           .lang = lang};
    desk_app *a = desk_app_create(&cfg, &err);
    if (!a) {
        input_free(&script);
        return cmd_fail("play", &err);
    }
    int rc = desk_run_replay(a, &script, out_dir, every, headless, log);
    desk_app_destroy(a);
    pack_free(&the_pack);
    input_free(&script);
    return rc;
}

/* --------------------------------------------------------------- bench */

static int cmp_d(const void *x, const void *y) {
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

int bench_desk(int argc, char **argv) {
    uint64_t frames = 600;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--frames") && i + 1 < argc &&
            !args_u64(argv[i + 1], 60, 100000, &frames))
            i++;
        else {
            fprintf(stderr, "borderlab bench desk: bad option '%s' (--frames N)\n", argv[i]);
            return 2;
        }
    }
    /* A busy desk: one traveler with three documents. */
    static desk_session s;
    memset(&s, 0, sizeof s);
    snprintf(s.id, sizeof s.id, "bench");
    s.today = (bl_date){2026, 6, 1};
    s.mrz_reader = 1;
    s.n_travelers = 1;
    desk_traveler *t = &s.travelers[0];
    snprintf(t->id, sizeof t->id, "B1");
    t->n_docs = 3;
    const char *tpls[3] = {"uto-passport-td3", "uto-visa-mrva", "uto-id-td1"};
    for (int i = 0; i < 3; i++) {
        snprintf(t->docs[i].template_id, sizeof t->docs[i].template_id, "%s", tpls[i]);
        t->docs[i].seed = 500 + (uint64_t)i;
    }
    bl_err err = {0};
    if (desk_session_resolve(&s, &err) != 0) {
        return cmd_fail("bench", &err);
    }
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    double t0 = ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
    desk_app_config cfg = {.headless = 1, .session = &s, .loupe_dpi = 600, .sync_loading = 0};
    desk_app *a = desk_app_create(&cfg, &err);
    if (!a) {
        return cmd_fail("bench", &err);
    }
    desk_app_draw(a, &err);
    desk_app_present(a);
    clock_gettime(CLOCK_MONOTONIC, &ts);
    double first = ts.tv_sec * 1e3 + ts.tv_nsec / 1e6 - t0;
    desk_app_wait_loading(a); /* the loupe at full resolution from here on */
    /* open the passport, spread the documents, UV on, loupe on */
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
    double *ft = malloc(sizeof(double) * frames);
    for (uint64_t f = 0; f < frames; f++) {
        /* the loupe sweeps across all three documents */
        double ang = (double)f / 90.0;
        ev.kind = EV_MOVE;
        ev.x = 760 + (int)(330 * cos(ang));
        ev.y = 330 + (int)(200 * sin(ang * 1.3));
        clock_gettime(CLOCK_MONOTONIC, &ts);
        double s0 = ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
        desk_app_event(a, &ev, &err);
        desk_app_tick(a, &err);
        desk_app_draw(a, &err);
        desk_app_present(a);
        clock_gettime(CLOCK_MONOTONIC, &ts);
        ft[f] = ts.tv_sec * 1e3 + ts.tv_nsec / 1e6 - s0;
    }
    desk_app_draw(a, &err);
    if (fs_mkdir("out", &err) == 0 && desk_app_screenshot(a, "out/bench-desk.png", &err) == 0)
        printf("  last frame: out/bench-desk.png\n");
    qsort(ft, frames, sizeof *ft, cmp_d);
    double p50 = ft[frames / 2], p99 = ft[(size_t)((double)frames * 0.99)];
    printf("desk: 3 documents, UV on, loupe moving; %llu frames at 1280x720, software renderer\n",
           (unsigned long long)frames);
    printf("  frame time p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", p50, p99, ft[frames - 1]);
    printf("  start to first frame %.1f ms (documents at desk resolution; full resolution for the\n"
           "  loupe is built after it, in the background)\n",
           first);
    printf("{\"frame_ms_p50\": %.3f, \"frame_ms_p99\": %.3f, \"first_frame_ms\": %.1f, \"frames\": "
           "%llu}\n",
           p50, p99, first, (unsigned long long)frames);
    free(ft);
    desk_app_destroy(a);
    return 0;
}
