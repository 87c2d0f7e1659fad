/* academy.h - the academy configuration file: which settings are in force on
 * this workstation, and where each came from.
 *
 * Two files, both optional, JSON objects of strings:
 *   system-wide  /etc/borderlab/academy.json (BORDERLAB_SYSTEM_CONFIG names
 *                another, for packagers and tests)
 *   per user     $XDG_CONFIG_HOME/borderlab/academy.json, or
 *                ~/.config/borderlab/academy.json when XDG_CONFIG_HOME is
 *                unset or not absolute (the XDG base directory rules)
 * A setting is taken from, highest first: the command line (academy_set),
 * the environment (BORDERLAB_*), the user's file, the system's file, the
 * default. Keys beginning with "_" are comments; any other unknown key, a
 * value that is not a string, or text that is not JSON is an error naming
 * the file, the line and what to do. A relative path in a file is taken from
 * that file's folder.
 *
 * Why JSON: cJSON already reads every data file borderlab takes (templates,
 * catalogues, regions, truth files), it is strict (a typo is an error, not a
 * silently ignored line), and it gives the error's place. keyfile.c only
 * holds hex keys.
 *
 * Nothing secret is in the file: the store's credentials stay in their own
 * file (mode 0600), named here by its path. */
#ifndef BL_ACADEMY_H
#define BL_ACADEMY_H

#include <stddef.h>

#include "err.h"

typedef enum academy_key {
    ACADEMY_LRS,           /* lrs_endpoint: the xAPI base URL of the learning record store */
    ACADEMY_CREDENTIALS,   /* lrs_credentials: a file holding user:password */
    ACADEMY_HOME_PAGE,     /* home_page: the trainees' accounts' home page IRI */
    ACADEMY_ACTIVITY_BASE, /* activity_base: activities' IRIs (default: home_page/borderlab) */
    ACADEMY_PACK_KEY,      /* pack_key: the academy's pack public key file */
    ACADEMY_JOURNAL_DIR,   /* journal_dir: where the desk keeps journals */
    ACADEMY_WITNESS_DIR,   /* witness_dir: the journals' witness folder */
    ACADEMY_LANGUAGE,      /* language: the interface's (en, fr, ar) */
    ACADEMY_JOURNAL_KEY,   /* journal_key: the academy's journal key file */
    ACADEMY_RESULTS_DB,    /* results_db: this workstation's results database */
    ACADEMY_SESSIONS_DIR,  /* sessions_dir: the sessions open at this workstation */
    ACADEMY_ROSTER,        /* roster: the trainees who may sign in (JSON) */
    ACADEMY_KEYS
} academy_key;

typedef enum academy_origin {
    ACADEMY_UNSET,
    ACADEMY_DEFAULT,
    ACADEMY_SYSTEM, /* the system-wide file */
    ACADEMY_USER,   /* the user's file */
    ACADEMY_ENV,    /* the environment */
    ACADEMY_OPTION  /* the command line */
} academy_origin;

typedef struct academy_conf {
    char *value[ACADEMY_KEYS]; /* NULL: unset */
    academy_origin origin[ACADEMY_KEYS];
    char system_path[512], user_path[512]; /* "" : none (no HOME) */
    int system_found, user_found;          /* the file was there and read */
} academy_conf;

/* Reads both files and the environment into c (zeroed first). 0, or -1 with
 * err saying which file, where and what to do (c is then freed). */
int academy_load(academy_conf *c, bl_err *err);
void academy_free(academy_conf *c);

/* A command-line value (NULL: none) overrides the others. */
void academy_set(academy_conf *c, academy_key k, const char *value);

/* Once the command line is in: an unset activity base becomes the home
 * page's "/borderlab" (origin default), and a trailing "/" is dropped. */
void academy_settle(academy_conf *c);

/* The value in force; NULL when unset. */
const char *academy_get(const academy_conf *c, academy_key k);

const char *academy_key_name(academy_key k); /* "lrs_endpoint" */
const char *academy_env_name(academy_key k); /* "BORDERLAB_LRS" */
const char *academy_key_help(academy_key k); /* one line: what it is */

/* Where a value came from, for people: "user file /home/a/.config/...",
 * "environment BORDERLAB_LRS", "default", "command line", "unset". */
void academy_origin_text(const academy_conf *c, academy_key k, char *out, size_t cap);

#endif
