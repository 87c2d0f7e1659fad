/* desk_app_int.h - what the files of the running desk share (private to
 * desk_app.c, desk_docs.c and desk_case.c; users of the desk
 * include desk_app.h).
 *
 *   desk_app.c   creating and destroying the desk; events, ticks, drawing
 *   desk_docs.c  the traveler's documents as textures, the loupe's full
 *                resolution (built by a worker thread), the reference specimen
 *   desk_case.c  the action log, the interview's answers, scoring each decided
 *                case into its debrief, and the results journal (the exam
 *                record, engine/core/record.h)
 */
#ifndef BL_DESK_APP_INT_H
#define BL_DESK_APP_INT_H

#include <stdatomic.h>
#include <stdio.h>
#include <threads.h>

#include "capture.h"
#include "desk_app.h"
#include "journal.h"
#include "loupe_tiles.h"
#include "record.h"
#include "score.h"
#include "text_tex.h"

#define DISPLAY_PX_PER_MM 3.4 /* desk.c's scale */
#define LOUPE_D           220
#define LOUPE_CACHE_BYTES (32u << 20) /* the tiles' budget: about 90 tiles */
/* The time spent so far is journaled so that closing the desk, or a crash,
 * cannot reset the clocks: a "stop" entry when the desk closes, a "clock"
 * entry every CLOCK_EVERY_S seconds while it runs (a crash loses at most that). */
#define CLOCK_EVERY_S 30

typedef struct {
    tpl t;
    doc_spec spec;
    doc_truth *truth;
    plat_tex *tex[LIGHT_COUNT][2];
    bl_image disp[LIGHT_COUNT][2]; /* CPU copies: the loupe's fallback */
    plat_tex *cover;
    plat_tex *ref[LIGHT_COUNT][2];
    /* full resolution, for the loupe */
    matbuf hi;
    light_scene *hi_sc;
    atomic_int hi_state; /* 0 not built, 1 ready, -1 failed */
    double hi_ppm;
    /* an academy's captured document: its images are the loupe's full
     * resolution; `ref` its captured genuine specimen, or NULL */
    capture *cap, *ref_cap;
    /* the genuine specimen at the loupe's resolution (built on first use) */
    matbuf ref_hi;
    light_scene *ref_hi_sc;
    int ref_hi_state; /* 0 not built, 1 ready, -1 failed */
    /* a document with optically variable features, at the desk's scale (a
     * detached scene): re-rendered under a light when the desk's tilt is
     * not the one its texture shows (desk_tilt.c) */
    light_scene *tilt_sc;
    double tilt_ppm;
    int tilt_shown[LIGHT_COUNT];
    struct app_pages *pages; /* a passport's other pages, built when first shown (NULL: none) */
} doc_slot;

/* desk_tilt.c: keeps the texture of slot s under light l at the desk's
 * tilt (nothing for a document that nothing on changes with the tilt). */
void app_slot_tilt(desk_app *a, doc_slot *s, int l);
/* Keeps the slot's desk-scale scene when the tilt can change it (takes sc:
 * destroys it otherwise); 0, or -1 with err. */
int app_slot_keep_scene(doc_slot *s, light_scene *sc, double ppm, bl_err *err);

struct desk_app {
    desk_app_config cfg;
    plat *p;
    int owns_p; /* 0: the window is borrowed (desk_app_config.window) */
    doc_fonts fonts;
    desk_state st;
    int n_slots;
    doc_slot slots[DESK_MAX_DOCS];
    plat_tex *face, *companion;
    plat_tex *loupe_tex[2]; /* the loupe on a document, on its specimen */
    int page_tiles[2];      /* whose page the tiles APP_PAGE_TILES (+1: the specimen's) hold:
                               document * 16 + page + 1, 0 none */
    bl_image loupe_img[2], region, region_lo;
    /* Above 8x, tiles of up to 2400 dpi (document d's are tile document d,
     * its specimen's DESK_MAX_DOCS + d); frames with the loupe on, and how
     * many of them were drawn wholly at the resolution their zoom needs */
    loupe_tiles *tiles;
    long loupe_frames, loupe_sharp;
    text_tex tx; /* the words as textures (text_tex.h) */
    FILE *log, *rec;
    thrd_t worker;
    int worker_running;
    atomic_int cancel;
    draw_list dl;
    i18n *langs[8];
    int n_langs;
    journal *journal; /* exam results, when the session keeps them */
    desk_push *push;  /* its decisions to the learning record store, when configured */
    int journal_failed;
    int journal_ended;                        /* the journal holds the session's end */
    unsigned char scored[DESK_MAX_TRAVELERS]; /* cases scored (and journaled) */
    double last_clock;                        /* session time of the last clock entry */
    session_case cases[DESK_MAX_TRAVELERS];   /* for the session's verdict */
    char *log_mem; /* the session's action log, also kept in memory for scoring */
    size_t log_len, log_cap;
    score_truth *truth; /* the true defects of the traveler truth_of's documents (built once) */
    struct app_ident *ident; /* what the identity panel shows (desk_ident_app.h) */
    int truth_of;            /* -1: none built */
};

/* desk_docs.c */
int app_load_traveler(desk_app *a, bl_err *err); /* the current traveler's documents and face */
void app_free_traveler(desk_app *a);
int app_build_hires(desk_app *a, doc_slot *s); /* one document at the loupe's resolution */

/* desk_pages_app.c: a passport's pages besides the data page (booklet.h),
 * rendered when first shown; the loupe on them from tiles APP_PAGE_TILES
 * (the page shown) and APP_PAGE_TILES + 1 (its genuine specimen's). */
#define APP_PAGE_TILES (2 * DESK_MAX_DOCS)
plat_tex *app_page_tex(desk_app *a, int d, int light, int page);
plat_tex *app_page_ref(desk_app *a, int d, int light, int page);
int app_page_loupe(desk_app *a, int d, int page, double u, double v, int ref, bl_image *out,
                   bl_err *err);
void app_pages_free(doc_slot *s);
/* desk_docs.c: the loupe above 8x from tiles of document `key` at `dpi`
 * (hi, when built, is the fallback; else disp, the desk's picture). */
int app_loupe_from_tiles(desk_app *a, int key, int dpi, light_scene *hi, double hi_ppm,
                         const bl_image *disp, const tpl *t, int side, double u, double v,
                         bl_image *out, bl_err *err);
plat_tex *app_compose_loupe(desk_app *a);
/* The dpi the loupe draws from at `zoom`: the full-resolution page's up to
 * 8x, above it the tiles' level (1200, 1800 or 2400) that gives at least a
 * source pixel per screen pixel, capped at 2400. */
int app_loupe_dpi(const desk_app *a, int zoom);
/* Lowers the calling thread's priority (Linux: nice 10, for that thread
 * only): the loupe's tile worker yields to the frames. */
void app_background_thread(void);
/* The loupe at (u, v) mm of document d's side shown, or of its specimen (ref). */
plat_tex *app_compose_loupe_at(desk_app *a, int d, double u, double v, int ref);
plat_tex *app_reference_tex(desk_app *a, int d, int light, int side, int w, int h);

/* desk_case.c */
void app_write_action(void *ud, const desk_action *act); /* a desk_log_fn */
void app_answer(desk_app *a);                            /* the pending question's answer */
void app_after_change(desk_app *a); /* scores what was decided; the verdict at the end */
int app_open_journal(desk_app *a, bl_err *err);
void app_journal_clock(desk_app *a, record_kind kind); /* REC_CLOCK or REC_STOP */

#endif
