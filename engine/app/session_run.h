/* session_run.h - sitting a certification session at the desk: what
 * `borderlab session run` does once its command line is read, and what the
 * workstation (cmd_workstation.c) does for each trainee who signs in. */
#ifndef BL_SESSION_RUN_H
#define BL_SESSION_RUN_H

#include <stdint.h>

#include "academy.h"
#include "desk_push.h"
#include "input.h"
#include "plat.h"

/* How a sitting ended, for the workstation. */
typedef struct run_outcome {
    int used; /* events of the recording the desk took (a replay) */
    int left; /* 1: the trainee chose to leave (the quit dialog), 0: the window closed, or
                 the recording ran out */
} run_outcome;

typedef struct run_opts {
    const char *file, *trainee, *name, *cohort, *journal, *key, *pack_key, *lang, *log, *record,
        *input, *out_dir, *witness;
    const char *journal_dir; /* the academy's journal folder (academy.h), or NULL */
    desk_push_config push;   /* the academy's store and results database (desk_push.h) */
    int headless;
    uint64_t min_version;       /* --min-pack-version: refuse a pack signed with an older one */
    plat *window;               /* a window to borrow (the workstation's); NULL: its own */
    const input_script *script; /* recorded input already read, frames from 0 (replaces input) */
    run_outcome *out;           /* how it ended (NULL: not wanted) */
} run_opts;

/* What the command line and the environment left unset from the academy's
 * configuration file: the journal key, the pack key, the witness and
 * journal folders, the interface language. ac stays alive while o is used;
 * the caller academy_frees it. 0, or the exit code (a message said why). */
int session_run_defaults(run_opts *o, academy_conf *ac);

/* Reads the session file, checks the pack and the trainee, and sits the
 * session (a replay or a window). Returns the exit code: 0 done, 1 the
 * pack or journal is refused, 2 usage or I/O error. */
int session_run(const run_opts *o);

#endif
