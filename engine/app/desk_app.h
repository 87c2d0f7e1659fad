/* desk_app.h - the inspection desk running: session + desk state + the
 * documents' images and textures + the platform. Used by the interactive
 * desk, headless replays and the desk benchmark. */
#ifndef BL_DESK_APP_H
#define BL_DESK_APP_H

#include <stdio.h>

#include "desk.h"
#include "desk_push.h"
#include "doc.h"
#include "loupe_tiles.h"
#include "pack.h"
#include "plat.h"
#include "session.h"

typedef struct desk_app desk_app;

typedef struct desk_app_config {
    int headless;
    const desk_session *session;
    const char *log_path;       /* action log (JSON lines); NULL: none */
    const char *record_path;    /* input recording; NULL: none */
    double loupe_dpi;           /* full resolution for the loupe (default 600) */
    int sync_loading;           /* 1: build full-resolution documents when needed, in
                                   this thread (replays: same pixels every time) */
    const char *lang;           /* interface language to start in: "en", "fr", "ar" */
    pack *pack;                 /* the scenarios behind the session (NULL: documents only) */
    const char *journal_path;   /* exam results journal (resumes after its entries) */
    const char *key_path;       /* the academy's journal key */
    const char *witness_dir;    /* the journal's witness folder (NULL: none; journal.h) */
    const char *journal_header; /* a session journal's first entry (JSON object); NULL: a
                                   plain desk journal */
    const session_def *sdef;    /* the certification session (its verdict); NULL: none */
    plat *window;               /* a window to borrow (the workstation's, kept open between
                                   trainees); NULL: the desk opens its own */
    /* with a journal: each decision to the learning record store as it is
     * journaled (desk_push.h); NULL: none */
    const desk_push_config *push;
} desk_app_config;

desk_app *desk_app_create(const desk_app_config *cfg, bl_err *err);
void desk_app_destroy(desk_app *a);

/* Applies one event (recording it); 1 when the session asks to quit. */
int desk_app_event(desk_app *a, const input_event *ev, bl_err *err);
/* Draws the current state into the back buffer; desk_app_present shows it.
 * A screenshot reads the back buffer, so take it between the two. */
int desk_app_draw(desk_app *a, bl_err *err);
void desk_app_present(desk_app *a);
/* Advances one frame; a traveler out of time is recorded and the next one
 * built. -1 (err) when the journal cannot be written or documents not built. */
int desk_app_tick(desk_app *a, bl_err *err);
int desk_app_screenshot(desk_app *a, const char *path, bl_err *err);

const desk_state *desk_app_state(const desk_app *a);

/* The scenario behind the current traveler changed (--watch): rebuild the
 * traveler's documents and interview, keeping the desk and the session. */
int desk_app_reload_traveler(desk_app *a, bl_err *err);
plat *desk_app_plat(desk_app *a);

/* Waits until every full-resolution document of the current traveler is
 * built (the benchmark measures frames with the loupe ready). */
void desk_app_wait_loading(desk_app *a);

/* The loupe above 8x (the benchmark's figures): frames drawn, how many of
 * them wholly at the resolution their zoom needs (the others partly
 * magnified from the 600 dpi page while tiles were built), and the tiles'
 * cache. */
void desk_app_loupe_stats(desk_app *a, long *frames, long *sharp, loupe_tiles_stats *tiles);

#endif
