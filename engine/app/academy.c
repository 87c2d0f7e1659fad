/* academy.c - the academy configuration file (academy.h): two JSON files,
 * the environment and the command line, each value with its origin. */
#define _POSIX_C_SOURCE 200809L
#include "academy.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsio.h"
#include "i18n.h"
#include "xapi.h"

#define CONF_MAX_BYTES (64 * 1024)

/* The settings: name in the file, environment variable, whether it is a
 * path (relative: from the file's folder), what it is. */
static const struct {
    const char *name, *env;
    int path;
    const char *help;
} keys[ACADEMY_KEYS] = {
    [ACADEMY_LRS] = {"lrs_endpoint", "BORDERLAB_LRS", 0,
                     "the learning record store's xAPI base URL (results push)"},
    [ACADEMY_CREDENTIALS] = {"lrs_credentials", "BORDERLAB_LRS_CREDENTIALS", 1,
                             "a file holding the store's user:password (mode 0600)"},
    [ACADEMY_HOME_PAGE] = {"home_page", "BORDERLAB_HOME_PAGE", 0,
                           "the academy's home page: trainees are accounts on it"},
    [ACADEMY_ACTIVITY_BASE] = {"activity_base", "BORDERLAB_ACTIVITY_BASE", 0,
                               "scenarios', sessions' and extensions' IRIs are under it"},
    [ACADEMY_PACK_KEY] = {"pack_key", "BORDERLAB_PACK_KEY", 1,
                          "the academy's pack public key file"},
    [ACADEMY_JOURNAL_DIR] = {"journal_dir", "BORDERLAB_JOURNAL_DIR", 1,
                             "the folder of the results journals"},
    [ACADEMY_WITNESS_DIR] = {"witness_dir", "BORDERLAB_WITNESS_DIR", 1,
                             "the journals' witness folder (the exam account's)"},
    [ACADEMY_LANGUAGE] = {"language", "BORDERLAB_LANG", 0, "the interface's language: en, fr, ar"},
    [ACADEMY_JOURNAL_KEY] = {"journal_key", "BORDERLAB_JOURNAL_KEY", 1,
                             "the academy's journal key file (results keygen; mode 0600)"},
    [ACADEMY_RESULTS_DB] = {"results_db", "BORDERLAB_RESULTS_DB", 1,
                            "this workstation's results database (the desk imports each "
                            "decision and pushes it to the store)"},
    [ACADEMY_SESSIONS_DIR] = {"sessions_dir", "BORDERLAB_SESSIONS_DIR", 1,
                              "the folder of the session files open at this workstation"},
    [ACADEMY_ROSTER] = {"roster", "BORDERLAB_ROSTER", 1,
                        "the trainees who may sign in (JSON list of id, name, cohort)"},
};

const char *academy_key_name(academy_key k) {
    return keys[k].name;
}
const char *academy_env_name(academy_key k) {
    return keys[k].env;
}
const char *academy_key_help(academy_key k) {
    return keys[k].help;
}

static void put(academy_conf *c, academy_key k, char *value, academy_origin o) {
    free(c->value[k]);
    c->value[k] = value;
    c->origin[k] = value ? o : ACADEMY_UNSET;
}

void academy_set(academy_conf *c, academy_key k, const char *value) {
    if (value) put(c, k, strdup(value), ACADEMY_OPTION);
}

const char *academy_get(const academy_conf *c, academy_key k) {
    return c->value[k];
}

void academy_free(academy_conf *c) {
    for (int k = 0; k < ACADEMY_KEYS; k++)
        free(c->value[k]), c->value[k] = NULL;
}

/* Line and column of byte `at` in text. */
static void where(const char *text, const char *at, int *line, int *column) {
    *line = 1, *column = 1;
    for (const char *p = text; p < at && *p; p++)
        if (*p == '\n')
            ++*line, *column = 1;
        else
            ++*column;
}

/* A value as it is kept: a relative path from the file's folder. */
static char *resolve(const char *file, const char *value, int is_path) {
    if (!is_path || value[0] == '/') return strdup(value);
    const char *slash = strrchr(file, '/');
    size_t dir = slash ? (size_t)(slash - file) : 1;
    char *out = malloc(dir + strlen(value) + 2);
    if (out) sprintf(out, "%.*s/%s", (int)dir, slash ? file : ".", value);
    return out;
}

/* Checks what a value may be: an http(s) IRI, a language borderlab has. */
static int check_value(academy_key k, const char *v, const char *from, bl_err *err) {
    if ((k == ACADEMY_HOME_PAGE || k == ACADEMY_ACTIVITY_BASE) && !xapi_iri_ok(v))
        return err_setc(err, BL_E_INPUT,
                        "%s: %s '%s' is not an http(s) IRI (write it as https://academy.example, "
                        "without spaces or quotes)",
                        from, keys[k].name, v);
    if (k == ACADEMY_LANGUAGE && !i18n_builtin_json(v))
        return err_setc(err, BL_E_INPUT, "%s: language '%s' is not one borderlab has (en, fr, ar)",
                        from, v);
    if (!v[0])
        return err_setc(err, BL_E_INPUT, "%s: %s is empty (remove it, or give a value)", from,
                        keys[k].name);
    return 0;
}

static int key_of(const char *name) {
    for (int k = 0; k < ACADEMY_KEYS; k++)
        if (!strcmp(keys[k].name, name)) return k;
    return -1;
}

/* Reads one file (missing: *found 0, nothing set). */
static int load_file(academy_conf *c, const char *path, academy_origin o, int *found, bl_err *err) {
    *found = 0;
    if (!path[0] || fs_size(path) < 0) return 0;
    size_t len = 0;
    char *text = fs_read_all(path, CONF_MAX_BYTES, &len, err);
    if (!text) return err_prefix(err, "the academy configuration file");
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(text, &end, 1);
    int rc = 0, line, column;
    if (!cJSON_IsObject(root)) {
        where(text, root ? text : end, &line, &column);
        rc = err_setc(err, BL_E_INPUT,
                      "%s:%d:%d: not a JSON object of settings (write {\"home_page\": "
                      "\"https://academy.example\", ...}; `borderlab config --help` lists them)",
                      path, line, column);
    }
    const cJSON *it, *settings = rc ? NULL : root;
    cJSON_ArrayForEach(it, settings) {
        int k = key_of(it->string);
        char from[600];
        snprintf(from, sizeof from, "%s: \"%s\"", path, it->string);
        if (it->string[0] == '_') continue; /* a comment */
        if (k < 0)
            rc = err_setc(err, BL_E_INPUT,
                          "%s is not a setting borderlab knows (`borderlab config --help` lists "
                          "them; begin a comment's key with _)",
                          from);
        else if (!cJSON_IsString(it))
            rc = err_setc(err, BL_E_INPUT, "%s must be a string in quotes", from);
        else if (check_value((academy_key)k, it->valuestring, from, err) == 0)
            put(c, (academy_key)k, resolve(path, it->valuestring, keys[k].path), o);
        else
            rc = -1;
        if (rc) break;
    }
    cJSON_Delete(root);
    free(text);
    *found = rc == 0;
    return rc;
}

static void paths(academy_conf *c) {
    const char *sys = getenv("BORDERLAB_SYSTEM_CONFIG");
    snprintf(c->system_path, sizeof c->system_path, "%s",
             sys && sys[0] ? sys : "/etc/borderlab/academy.json");
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    if (xdg && xdg[0] == '/')
        snprintf(c->user_path, sizeof c->user_path, "%s/borderlab/academy.json", xdg);
    else if (home && home[0])
        snprintf(c->user_path, sizeof c->user_path, "%s/.config/borderlab/academy.json", home);
}

int academy_load(academy_conf *c, bl_err *err) {
    memset(c, 0, sizeof *c);
    paths(c);
    if (load_file(c, c->system_path, ACADEMY_SYSTEM, &c->system_found, err) ||
        load_file(c, c->user_path, ACADEMY_USER, &c->user_found, err)) {
        academy_free(c);
        return -1;
    }
    for (int k = 0; k < ACADEMY_KEYS; k++) {
        const char *v = getenv(keys[k].env);
        char from[64];
        snprintf(from, sizeof from, "environment %s", keys[k].env);
        if (!v || !v[0]) continue;
        if (check_value((academy_key)k, v, from, err)) {
            academy_free(c);
            return -1;
        }
        put(c, (academy_key)k, strdup(v), ACADEMY_ENV);
    }
    if (!c->value[ACADEMY_LANGUAGE]) put(c, ACADEMY_LANGUAGE, strdup("en"), ACADEMY_DEFAULT);
    return 0;
}

/* The activity base when none is set: the home page's /borderlab. */
static void derive_base(const academy_conf *c, char *out, size_t cap) {
    const char *home = c->value[ACADEMY_HOME_PAGE];
    size_t n = home ? strlen(home) : 0;
    while (n && home[n - 1] == '/')
        n--;
    snprintf(out, cap, "%.*s/borderlab", (int)n, home ? home : "");
}

void academy_origin_text(const academy_conf *c, academy_key k, char *out, size_t cap) {
    switch (c->origin[k]) {
    case ACADEMY_SYSTEM:
        snprintf(out, cap, "system file %s", c->system_path);
        break;
    case ACADEMY_USER:
        snprintf(out, cap, "user file %s", c->user_path);
        break;
    case ACADEMY_ENV:
        snprintf(out, cap, "environment %s", keys[k].env);
        break;
    case ACADEMY_OPTION:
        snprintf(out, cap, "command line");
        break;
    case ACADEMY_DEFAULT:
        snprintf(out, cap, "default");
        break;
    default:
        snprintf(out, cap, "unset");
        break;
    }
}

void academy_settle(academy_conf *c) {
    char *b = c->value[ACADEMY_ACTIVITY_BASE];
    for (size_t n = b ? strlen(b) : 0; n > 8 && b[n - 1] == '/'; n--)
        b[n - 1] = '\0';
    if (b || !c->value[ACADEMY_HOME_PAGE]) return;
    char base[600];
    derive_base(c, base, sizeof base);
    put(c, ACADEMY_ACTIVITY_BASE, strdup(base), ACADEMY_DEFAULT);
}
