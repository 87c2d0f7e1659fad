/* cmd_session.c - `borderlab session`: certification sessions.
 *
 *   session keygen SECRET PUBLIC       the academy's pack signing keys
 *   session sign FILE --secret SECRET  sign the session and every scenario it can draw
 *   session verify FILE --pack-key PUBLIC
 *   session check FILE [--trainee ID]  the file, its scenarios and a trainee's draw
 *   session run FILE ...               sit the session (a window, or --headless --input)
 *
 * A session run records each decision in an authenticated journal (one per
 * session and trainee) and resumes it when started again. An exam refuses a
 * pack whose signature fails. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "academy.h"
#include "args.h"
#include "cmd.h"
#include "desk_app.h"
#include "desk_loop.h"
#include "fonts.h"
#include "fsio.h"
#include "pack.h"
#include "keyfile.h"
#include "packsig.h"
#include "record.h"
#include "sess_load.h"
#include "session.h"
#include "session_run.h"

static void usage(FILE *o) {
    fprintf(o,
            "usage: borderlab session run FILE --key JOURNALKEY [--trainee ID] [--name NAME]\n"
            "                         [--cohort NAME] [--journal FILE] [--pack-key PUBLIC]\n"
            "                         [--witness DIR] [--min-pack-version N]\n"
            "                         [--lang en|fr|ar] [--log FILE] [--record FILE]\n"
            "                         [--headless --input FILE [--out-dir DIR]]\n"
            "       borderlab session check FILE [--trainee ID]\n"
            "       borderlab session keygen SECRET PUBLIC\n"
            "       borderlab session sign FILE --secret SECRET --version N [--date YYYY-MM-DD]\n"
            "       borderlab session verify FILE --pack-key PUBLIC\n\n"
            "A session file (Lua, see docs/sessions.md) names the scenarios (fixed, or drawn\n"
            "from pools with a seed), the time limits, the pass marks per competency, exam\n"
            "mode and the trainee. run opens the desk on the trainee's draw and records each\n"
            "decision in an authenticated journal (default results/SESSION-TRAINEE.jsonl);\n"
            "running it again resumes where it stopped. An exam needs the pack signed\n"
            "(sign) and the academy's public key (--pack-key or BORDERLAB_PACK_KEY): a pack\n"
            "whose signature fails is refused. --headless --input replays recorded input.\n"
            "Exit: 0 done, 1 the pack or journal is refused, 2 usage or I/O error.\n");
}

static int load_def(session_def *d, const char *path) {
    int n = sess_load_file(d, path, pack_print_problem, NULL);
    if (n) fprintf(stderr, "borderlab session: %s: %d problem%s\n", path, n, n == 1 ? "" : "s");
    return n ? 2 : 0;
}

/* Every file of the pack, relative to the session file's folder: the
 * session file, then each scenario any trainee could draw. */
static int pack_files(const session_def *d, char dir[SESSION_PATH_MAX], const char **rel, int cap) {
    const char *slash = strrchr(d->file, '/');
    size_t dl = slash ? (size_t)(slash - d->file) : 0;
    snprintf(dir, SESSION_PATH_MAX, "%.*s", (int)(dl ? dl : 1), dl ? d->file : ".");
    int n = 0;
    rel[n++] = slash ? slash + 1 : d->file;
    for (int i = 0; i < d->n_items; i++)
        for (int k = 0; k < d->items[i].n && n < cap; k++) {
            const char *p = d->items[i].paths[k];
            rel[n++] = dl && !strncmp(p, d->file, dl + 1) ? p + dl + 1 : p;
        }
    return n;
}

static void sig_path_of(const session_def *d, char *out, size_t cap) {
    snprintf(out, cap, "%s.sig", d->file);
}

static int verify_pack(const session_def *d, const char *pubkey_path, packsig_meta *meta,
                       bl_err *err) {
    unsigned char pub[PACKSIG_PUBLIC_BYTES];
    char dir[SESSION_PATH_MAX], sig[SESSION_PATH_MAX + 8];
    const char *rel[1 + SESSION_MAX_ITEMS * SESSION_MAX_POOL];
    int n = pack_files(d, dir, rel, (int)(sizeof rel / sizeof rel[0]));
    sig_path_of(d, sig, sizeof sig);
    if (packsig_public_load(pubkey_path, pub, err) != 0) return -1;
    return packsig_verify(sig, dir, rel, n, pub, meta, err);
}

/* The pack as read once: the session file's text, then every scenario file
 * it can draw (in pack_files' order). A run verifies these bytes and runs
 * these bytes, so nothing can change between the check and its use. */
#define PACK_FILES (1 + SESSION_MAX_ITEMS * SESSION_MAX_POOL)

typedef struct pack_bytes {
    int n;
    const char *rel[PACK_FILES];
    const char *path[PACK_FILES]; /* as loaded (resolved against the session file) */
    char *data[PACK_FILES];
    size_t len[PACK_FILES];
} pack_bytes;

static void pack_bytes_free(pack_bytes *b) {
    for (int i = 1; i < b->n; i++) /* data[0] is the caller's session text */
        free(b->data[i]);
}

static int pack_bytes_read(pack_bytes *b, const session_def *d, char *code, size_t len,
                           bl_err *err) {
    char dir[SESSION_PATH_MAX];
    memset(b, 0, sizeof *b);
    b->n = pack_files(d, dir, b->rel, PACK_FILES);
    b->path[0] = d->file, b->data[0] = code, b->len[0] = len;
    int k = 1;
    for (int i = 0; i < d->n_items; i++)
        for (int j = 0; j < d->items[i].n && k < b->n; j++, k++) {
            b->path[k] = d->items[i].paths[j];
            if (!(b->data[k] = fs_read_all(b->path[k], 1u << 20, &b->len[k], err))) {
                b->n = k; /* what was read so far is freed */
                return -1;
            }
        }
    return 0;
}

static int cmd_keygen(int argc, char **argv) {
    char *files[2];
    int n = 0;
    const args_opt opts[] = {ARGS_POS("SECRET and PUBLIC", files, &n, 2, 2), ARGS_END};
    int rc = args_parse("session keygen", opts, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    bl_err err = {0};
    if (packsig_keygen(files[0], files[1], &err) != 0) {
        return cmd_fail("session", &err);
    }
    printf("wrote the pack signing key to %s (keep it with the academy) and the public key to\n"
           "%s (give it to every exam desk)\n",
           files[0], files[1]);
    return 0;
}

static int sign(const session_def *d, const char *secret, const packsig_meta *meta) {
    bl_err err = {0};
    char dir[SESSION_PATH_MAX], sig[SESSION_PATH_MAX + 8];
    const char *rel[1 + SESSION_MAX_ITEMS * SESSION_MAX_POOL];
    int n = pack_files(d, dir, rel, (int)(sizeof rel / sizeof rel[0]));
    sig_path_of(d, sig, sizeof sig);
    if (packsig_sign(sig, dir, rel, n, secret, meta, &err) != 0) return cmd_fail("session", &err);
    printf("signed %d files, version %ld of %s, into %s\n", n, meta->version, meta->date, sig);
    return 0;
}

static int verify(const session_def *d, const char *pubkey) {
    bl_err err = {0};
    packsig_meta meta;
    if (verify_pack(d, pubkey, &meta, &err) != 0) {
        if (err.code != BL_E_REFUSED) return cmd_fail("session", &err);
        printf("NOT VALID: %s\n", err.msg);
        return err_exit_code(&err);
    }
    if (meta.version)
        printf("valid: %s and its scenarios are as the academy signed them (version %ld of %s)\n",
               d->file, meta.version, meta.date);
    else
        printf("valid: %s and its scenarios are as the academy signed them (a signature without "
               "a version: sign it again to give it one)\n",
               d->file);
    return 0;
}

/* Reads a session file for sign and verify. */
static session_def *read_def(const char *file, int *rc) {
    session_def *d = calloc(1, sizeof *d);
    *rc = d ? load_def(d, file) : 2;
    if (*rc) {
        free(d);
        return NULL;
    }
    return d;
}

/* `session sign FILE --secret K --version N [--date YYYY-MM-DD]`. */
static int cmd_sign(int argc, char **argv) {
    char *file[1];
    int n = 0;
    const char *key = NULL, *date = NULL;
    uint64_t version = 0;
    const args_opt opts[] = {ARGS_POS("FILE", file, &n, 1, 1), ARGS_STR("--secret", &key),
                             ARGS_U64("--version", &version, 1, 1000000000),
                             ARGS_STR("--date", &date), ARGS_END};
    int rc = args_parse("session sign", opts, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    if (!key || !version)
        return args_fail("session sign", "--secret KEY and --version N are required (try --help)");
    packsig_meta meta = {(long)version, ""};
    if (date) {
        snprintf(meta.date, sizeof meta.date, "%s", date);
    } else { /* today, as the academy's clock says */
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(meta.date, sizeof meta.date, "%Y-%m-%d", &tm);
    }
    session_def *d = read_def(file[0], &rc);
    if (d) rc = sign(d, key, &meta);
    free(d);
    return rc;
}

/* `session verify FILE --pack-key K`. */
static int cmd_verify(int argc, char **argv) {
    char *file[1];
    int n = 0;
    const char *key = NULL;
    const args_opt opts[] = {ARGS_POS("FILE", file, &n, 1, 1), ARGS_STR("--pack-key", &key),
                             ARGS_END};
    int rc = args_parse("session verify", opts, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    if (!key) return args_fail("session verify", "--pack-key is required (try --help)");
    session_def *d = read_def(file[0], &rc);
    if (d) rc = verify(d, key);
    free(d);
    return rc;
}

/* ------------------------------------------------------------ run */

static int parse_run(int argc, char **argv, run_opts *o) {
    memset(o, 0, sizeof *o);
    o->key = getenv("BORDERLAB_JOURNAL_KEY");
    o->pack_key = getenv("BORDERLAB_PACK_KEY");
    o->witness = getenv("BORDERLAB_WITNESS_DIR");
    const char *min = getenv("BORDERLAB_MIN_PACK_VERSION");
    if (min && args_u64(min, 0, 1000000000, &o->min_version) != 0)
        return args_fail("session run", "BORDERLAB_MIN_PACK_VERSION must be a whole number");
    char *file[1];
    int n = 0;
    const args_opt opts[] = {ARGS_POS("FILE", file, &n, 1, 1),
                             ARGS_STR("--trainee", &o->trainee),
                             ARGS_STR("--name", &o->name),
                             ARGS_STR("--cohort", &o->cohort),
                             ARGS_STR("--journal", &o->journal),
                             ARGS_STR("--key", &o->key),
                             ARGS_STR("--pack-key", &o->pack_key),
                             ARGS_STR("--witness", &o->witness),
                             ARGS_U64("--min-pack-version", &o->min_version, 0, 1000000000),
                             ARGS_STR("--lang", &o->lang),
                             ARGS_STR("--log", &o->log),
                             ARGS_STR("--record", &o->record),
                             ARGS_STR("--input", &o->input),
                             ARGS_STR("--out-dir", &o->out_dir),
                             ARGS_FLAG("--headless", &o->headless),
                             ARGS_END};
    int rc = args_parse("session run", opts, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    o->file = file[0];
    if (o->headless && !o->input)
        return args_fail("session run", "--headless replays recorded input: add --input FILE");
    return ARGS_GO;
}

/* The session journal's first entry: who sits what, under which rules. */
static char *header_json(const session_def *d, const pack *p, uint64_t seed, const char *sig_hash,
                         const char *pub_hex, const packsig_meta *meta) {
    const char *ids[PACK_MAX];
    for (int i = 0; i < p->n; i++)
        ids[i] = p->scn[i].id;
    char when[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    record_header h;
    record_header_init(&h, d, ids, p->n, seed, sig_hash, pub_hex, when);
    h.pack_version = meta->version;
    snprintf(h.pack_date, sizeof h.pack_date, "%s", meta->date);
    return record_header_json(&h);
}

/* The signature file's SHA-256, so the journal says which signed pack was sat. */
static void sig_hash(const session_def *d, char out[65]) {
    char sig[SESSION_PATH_MAX + 8];
    sig_path_of(d, sig, sizeof sig);
    bl_err err = {0};
    if (packsig_file_sha256(sig, out, &err) != 0) out[0] = '\0'; /* not signed */
}

static void print_outcome(const desk_app *a, const char *journal) {
    const desk_state *st = desk_app_state(a);
    int decided = 0;
    for (int i = 0; i < st->session->n_travelers; i++)
        decided += st->decided[i];
    if (st->mode == DESK_DONE || st->mode == DESK_REVIEW) {
        const desk_verdict *v = &st->verdict;
        printf("session %s: %s, %.1f points (pass mark %.0f)%s; results in %s\n", st->session->id,
               v->passed ? "PASSED" : "NOT PASSED", v->overall, v->pass_overall,
               st->time_up ? ", time ran out" : "", journal);
    } else if (decided == st->session->n_travelers) {
        printf("session %s: every traveler decided; it ends when the last debrief is closed "
               "(results so far in %s)\n",
               st->session->id, journal);
    } else {
        printf("session %s stopped after %d of %d travelers; results so far in %s (run the same "
               "command again to resume)\n",
               st->session->id, decided, st->session->n_travelers, journal);
    }
}

/* Who sits the session: the command line's --trainee, --name and --cohort
 * over the file's, checked (cut short, two trainees' ids could meet: too long
 * is refused), and the journal key. 0, or the exit code. */
static int set_trainee(const run_opts *o, session_def *d) {
    bl_err err = {0};
    struct {
        const char *opt, *v;
        char *dst;
        size_t cap;
    } who[] = {{"--trainee", o->trainee, d->trainee, sizeof d->trainee},
               {"--name", o->name, d->trainee_name, sizeof d->trainee_name},
               {"--cohort", o->cohort, d->cohort, sizeof d->cohort}};
    for (size_t i = 0; i < sizeof who / sizeof who[0]; i++) {
        if (!who[i].v) continue;
        if (strlen(who[i].v) >= who[i].cap) {
            err_setc(&err, BL_E_USAGE, "%s is longer than %zu characters", who[i].opt,
                     who[i].cap - 1);
            return cmd_fail("session run", &err);
        }
        snprintf(who[i].dst, who[i].cap, "%s", who[i].v);
    }
    if (!d->trainee[0] || !session_id_ok(d->trainee))
        err_setc(&err, BL_E_USAGE,
                 "%s: say who sits the session with --trainee ID (letters, digits, '-', '_', '.')",
                 d->trainee[0] ? "a trainee id that cannot name a file" : "no trainee");
    else if (!o->key)
        err_setc(&err, BL_E_USAGE,
                 "results need the academy's journal key: --key FILE (make one with 'borderlab "
                 "results keygen FILE')");
    else
        return 0;
    return cmd_fail("session run", &err);
}

/* The signature first: nothing of a refused pack is loaded. An exam needs
 * the academy's public key; pub_hex receives the key that verified the pack
 * ("" when none was given). 0, or the exit code. */
static int check_signature(const run_opts *o, const session_def *d, const pack_bytes *pb,
                           char pub_hex[2 * PACKSIG_PUBLIC_BYTES + 1], packsig_meta *meta) {
    bl_err err = {0};
    unsigned char pub[PACKSIG_PUBLIC_BYTES];
    char sig[SESSION_PATH_MAX + 8];
    sig_path_of(d, sig, sizeof sig);
    pub_hex[0] = '\0';
    memset(meta, 0, sizeof *meta);
    if ((d->exam || o->min_version) && !o->pack_key) {
        err_setc(&err, BL_E_REFUSED,
                 "%s %s: give the academy's public key with --pack-key FILE (or "
                 "BORDERLAB_PACK_KEY) so the pack can be verified",
                 d->file, d->exam ? "is an exam" : "must be a recent enough pack");
        return cmd_fail("session run", &err);
    }
    if (!o->pack_key) return 0;
    if (packsig_public_load(o->pack_key, pub, &err) != 0) return cmd_fail("session run", &err);
    if (packsig_verify_data(sig, pb->rel, (const char *const *)pb->data, pb->len, pb->n, pub, meta,
                            &err) != 0) {
        err_prefix(&err, "%s refused", d->exam ? "exam" : "session");
        return cmd_fail("session run", &err);
    }
    if ((uint64_t)meta->version < o->min_version) { /* a pack rolled back to an older one */
        err_setc(&err, BL_E_REFUSED,
                 "%s refused: the pack is version %ld%s%s, older than the version %llu this "
                 "desk requires (--min-pack-version): an older pack put back in its place?",
                 d->exam ? "exam" : "session", meta->version, meta->date[0] ? " of " : "",
                 meta->date, (unsigned long long)o->min_version);
        return cmd_fail("session run", &err);
    }
    keyfile_hex(pub, PACKSIG_PUBLIC_BYTES, pub_hex);
    return 0;
}

/* A session records results; a tutorial never counts (desk_tutorial.h). */
#define TUTORIAL_IN_SESSION                                                                        \
    "a tutorial (tutorial = true) cannot be in a session: a session records results, and a "       \
    "tutorial never counts; leave it out"

/* The trainee's draw, loaded from the bytes that were verified, as a desk
 * session under the session file's rules. *out is NULL on failure (the
 * exit code is returned). */
static int load_draw(const session_def *d, const pack_bytes *pb, uint64_t seed, pack **out) {
    bl_err err = {0};
    char paths[SESSION_MAX_ITEMS][SESSION_PATH_MAX];
    char *files[SESSION_MAX_ITEMS];
    const char *texts[SESSION_MAX_ITEMS];
    size_t lens[SESSION_MAX_ITEMS];
    *out = NULL;
    int n = session_draw(d, seed, paths, SESSION_MAX_ITEMS, &err);
    if (n < 0) {
        err_prefix(&err, "%s", d->file);
        return cmd_fail("session run", &err);
    }
    for (int i = 0; i < n; i++) { /* each drawn file's bytes, as read and verified */
        files[i] = paths[i];
        for (int k = 1; k < pb->n; k++)
            if (!strcmp(pb->path[k], paths[i])) texts[i] = pb->data[k], lens[i] = pb->len[k];
    }
    pack *p = pack_create(&err); /* large: on the heap */
    if (!p || pack_load_texts(p, files, texts, lens, n, &err) != 0) {
        pack_destroy(p);
        return cmd_fail("session run", &err);
    }
    for (int i = 0; i < p->n; i++)
        if (p->scn[i].tutorial) { /* session check says so too */
            err_set(&err, "%s: %s", files[i], TUTORIAL_IN_SESSION);
            pack_destroy(p);
            return cmd_fail("session run", &err);
        }
    for (int i = 0; i < p->n; i++) /* each traveler is scored by their scenario's id */
        for (int j = i + 1; j < p->n; j++)
            if (!strcmp(p->scn[i].id, p->scn[j].id)) {
                err_set(&err,
                        "%s and %s are both scenario '%s': a session holds each scenario once",
                        files[i], files[j], p->scn[i].id);
                pack_destroy(p);
                return cmd_fail("session run", &err);
            }
    desk_session *s = &p->session;
    snprintf(s->id, sizeof s->id, "%s", d->id);
    snprintf(s->trainee, sizeof s->trainee, "%s", d->trainee);
    s->exam = d->exam;
    s->debrief = !d->exam;
    s->mrz_reader = d->mrz_reader;
    s->case_limit_s = d->case_limit_s;
    s->session_limit_s = d->session_limit_s;
    *out = p;
    return 0;
}

/* The journal: --journal, or results/SESSION-TRAINEE.jsonl. */
static int journal_path(const run_opts *o, const session_def *d, char *out, size_t cap) {
    bl_err err = {0};
    if (o->journal && strlen(o->journal) >= cap)
        err_setc(&err, BL_E_USAGE, "--journal: the path is too long");
    else if (o->journal) {
        snprintf(out, cap, "%s", o->journal);
        return 0;
    } else if (fs_mkdir(o->journal_dir ? o->journal_dir : "results", &err) == 0) {
        snprintf(out, cap, "%s/%s-%s.jsonl", o->journal_dir ? o->journal_dir : "results", d->id,
                 d->trainee);
        return 0;
    }
    return cmd_fail("session run", &err);
}

/* Opens the desk on the session and runs it (replayed input or a window). */
static int run_desk(const run_opts *o, session_def *d, pack *p, const char *header,
                    const char *journal) {
    bl_err err = {0};
    char log_default[600];
    const char *out_dir = o->out_dir ? o->out_dir : "out/session";
    snprintf(log_default, sizeof log_default, "%s/actions.jsonl", out_dir);
    const char *log = o->log ? o->log : log_default;
    input_script script = {0};
    desk_push_config push = o->push;
    push.pack_key = o->pack_key;
    int rc = 0;
    if ((!o->out_dir && fs_mkdir("out", &err) != 0) || fs_mkdir(out_dir, &err) != 0) rc = 2;
    if (rc == 0 && o->script) {
        script = *o->script; /* the workstation's recording, from the desk's first event */
    } else if (rc == 0 && o->input) {
        size_t len = 0;
        char *text = fs_read_all(o->input, 16u << 20, &len, &err);
        if (!text || input_parse(&script, text, len, o->input, &err) != 0) rc = 2;
        free(text);
    }
    desk_app *a = NULL;
    if (rc == 0) {
        desk_app_config cfg = {.headless = o->headless,
                               .session = &p->session,
                               .pack = p,
                               .log_path = log,
                               .record_path = o->record,
                               .loupe_dpi = 600,
                               .sync_loading = o->input != NULL,
                               .lang = o->lang,
                               .journal_path = journal,
                               .key_path = o->key,
                               .witness_dir = o->witness,
                               .journal_header = header,
                               .sdef = d,
                               .window = o->window};
        /* each decision to the store as it is journaled, when one is configured */
        if (push.db && push.lrs && push.academy.home_page) cfg.push = &push;
        /* a journal that is not this session's, or not intact: refused (1) */
        if (!(a = desk_app_create(&cfg, &err))) rc = err_exit_code(&err);
    }
    if (rc != 0) {
        fprintf(stderr, "borderlab session run: %s\n", err.msg);
    } else {
        printf("session %s (%s): trainee %s, %d travelers%s; journal %s\n", d->id, d->title,
               d->trainee, p->n, d->exam ? ", exam" : "", journal);
        int used = 0;
        rc = o->input || o->script
                 ? desk_run_replay(a, &script, out_dir, 0, o->headless, log, &used)
                 : desk_run_window(a, NULL, NULL, 0);
        print_outcome(a, journal);
        if (o->out) o->out->used = used, o->out->left = desk_app_state(a)->quit;
    }
    desk_app_destroy(a);
    if (!o->script) input_free(&script);
    return rc;
}

static int run_session(const run_opts *o, session_def *d, const pack_bytes *pb) {
    char pub_hex[2 * PACKSIG_PUBLIC_BYTES + 1], journal[512], hash[65];
    packsig_meta meta;
    pack *p = NULL;
    int rc = set_trainee(o, d);
    if (rc == 0) rc = check_signature(o, d, pb, pub_hex, &meta);
    uint64_t seed = session_seed(d, d->trainee);
    if (rc == 0) rc = load_draw(d, pb, seed, &p);
    if (rc == 0) rc = journal_path(o, d, journal, sizeof journal);
    if (rc == 0) {
        sig_hash(d, hash);
        char *header = header_json(d, p, seed, hash, pub_hex, &meta);
        rc = run_desk(o, d, p, header, journal);
        free(header);
    }
    pack_destroy(p);
    return rc;
}

/* What the command line and the environment left unset comes from the
 * academy's configuration file (academy.h): the pack key, the witness and
 * journal folders, the interface language; and where decisions are pushed
 * as they are journaled (the store, its credentials, the IRIs, the results
 * database). */
int session_run_defaults(run_opts *o, academy_conf *ac) {
    bl_err err = {0};
    if (academy_load(ac, &err) != 0) return cmd_fail("session run", &err);
    if (!o->key) o->key = academy_get(ac, ACADEMY_JOURNAL_KEY);
    if (!o->pack_key) o->pack_key = academy_get(ac, ACADEMY_PACK_KEY);
    if (!o->witness) o->witness = academy_get(ac, ACADEMY_WITNESS_DIR);
    if (!o->lang && ac->origin[ACADEMY_LANGUAGE] > ACADEMY_DEFAULT)
        o->lang = academy_get(ac, ACADEMY_LANGUAGE);
    o->journal_dir = academy_get(ac, ACADEMY_JOURNAL_DIR);
    academy_settle(ac);
    o->push.db = academy_get(ac, ACADEMY_RESULTS_DB);
    o->push.lrs = academy_get(ac, ACADEMY_LRS);
    o->push.credentials = academy_get(ac, ACADEMY_CREDENTIALS);
    o->push.academy.home_page = academy_get(ac, ACADEMY_HOME_PAGE);
    o->push.academy.activity_base = academy_get(ac, ACADEMY_ACTIVITY_BASE);
    return 0;
}

static int cmd_run(int argc, char **argv) {
    run_opts o;
    int rc = parse_run(argc, argv, &o);
    if (rc != ARGS_GO) return rc;
    academy_conf ac;
    if ((rc = session_run_defaults(&o, &ac)) != 0) return rc;
    rc = session_run(&o);
    academy_free(&ac);
    return rc;
}

int session_run(const run_opts *op) {
    run_opts o = *op;
    int rc;
    bl_err err = {0};
    size_t len = 0;
    char *code = fs_read_all(o.file, 1u << 20, &len, &err);
    if (!code) {
        return cmd_fail("session run", &err);
    }
    session_def *d = calloc(1, sizeof *d);
    pack_bytes *pb = calloc(1, sizeof *pb);
    int n = d && pb ? sess_load(d, code, len, o.file, pack_print_problem, NULL) : 1;
    if (n) {
        fprintf(stderr, "borderlab session: %s: %d problem%s\n", o.file, n, n == 1 ? "" : "s");
        rc = 2;
    } else if (pack_bytes_read(pb, d, code, len, &err) != 0) {
        fprintf(stderr, "borderlab session run: %s\n", err.msg);
        rc = 2;
    } else {
        rc = run_session(&o, d, pb);
    }
    if (pb) pack_bytes_free(pb);
    free(pb);
    free(d);
    free(code);
    return rc;
}

/* The file, every scenario it can draw, and (with --trainee) that trainee's draw. */
static int cmd_check_session(int argc, char **argv) {
    char *file[1];
    int n_file = 0;
    const char *trainee = NULL;
    const args_opt opts[] = {ARGS_POS("FILE", file, &n_file, 1, 1), ARGS_STR("--trainee", &trainee),
                             ARGS_END};
    int rc = args_parse("session check", opts, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    session_def *d = calloc(1, sizeof *d);
    rc = d ? load_def(d, file[0]) : 2;
    int problems = 0, files = 0;
    doc_fonts fonts;
    bl_err err = {0};
    if (rc == 0 && fonts_load(&fonts, &err) != 0) {
        free(d);
        return cmd_fail("session check", &err);
    }
    for (int i = 0; rc == 0 && i < d->n_items; i++)
        for (int k = 0; k < d->items[i].n; k++) {
            scenario s;
            int n = scn_load_file(&s, NULL, d->items[i].paths[k], &fonts, pack_print_problem, NULL);
            if (n == 0 && s.tutorial) {
                pack_print_problem(NULL, d->items[i].paths[k], 0, TUTORIAL_IN_SESSION);
                scenario_release(&s);
                n = 1;
            }
            if (n == 0) scenario_release(&s);
            problems += n, files++;
        }
    if (rc == 0) doc_fonts_unload(&fonts);
    if (rc == 0 && problems) rc = 1;
    if (rc == 0) {
        printf("%s: ok (%d slots, %d scenario files%s%s)\n", file[0], d->n_items, files,
               d->exam ? ", exam" : "", d->has_seed ? ", one draw for all" : "");
        if (trainee) {
            char paths[SESSION_MAX_ITEMS][SESSION_PATH_MAX];
            bl_err err = {0};
            int n = session_draw(d, session_seed(d, trainee), paths, SESSION_MAX_ITEMS, &err);
            printf("draw for %s:\n", trainee);
            for (int i = 0; i < n; i++)
                printf("  %d. %s\n", i + 1, paths[i]);
        }
    }
    free(d);
    return rc;
}

int cmd_session(int argc, char **argv) {
    static const args_cmd subs[] = {
        {"run", cmd_run, NULL},   {"check", cmd_check_session, NULL}, {"keygen", cmd_keygen, NULL},
        {"sign", cmd_sign, NULL}, {"verify", cmd_verify, NULL},       {NULL, NULL, NULL}};
    return args_dispatch("session", subs, usage, argc, argv);
}
