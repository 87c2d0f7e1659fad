/* loupe_tiles.h - the loupe's high resolutions, built on demand in tiles.
 *
 * Examiners work at 10x to 40x: the loupe then needs up to 2400 dpi, and a
 * page at 2400 dpi (12,000 x 8,300 px for a passport) is never built.
 * Instead the part of the page the loupe shows is built in square tiles
 * (doc_build_region), each lit once (a light scene, so a light switch costs
 * nothing) and kept in a cache of fixed size: the memory held never exceeds
 * the budget, whatever the zoom or how far the loupe travels; the least
 * recently used tiles go first.
 *
 * Threaded, a worker builds the tiles asked for, newest first, while the
 * caller keeps drawing what it has (the loupe falls back on a lower
 * resolution for the missing ones): asking never blocks on a build.
 * Unthreaded (replays, tests), a tile is built when it is asked for, so the
 * same input gives the same pixels.
 */
#ifndef BL_LOUPE_TILES_H
#define BL_LOUPE_TILES_H

#include <stddef.h>

#include "doc.h"
#include "err.h"
#include "image.h"
#include "light.h"

#define LOUPE_TILE      256 /* a tile's side, pixels at its resolution */
#define LOUPE_TILE_DOCS 16  /* documents known at once (the caller numbers them) */

typedef struct loupe_tiles loupe_tiles;

/* The resolution the loupe draws from when it needs `need_dpi` (a source
 * pixel per screen pixel: the desk's pixels per inch times the zoom): 0
 * when the page_dpi page serves (up to 1.2 x page_dpi, 8x on the desk);
 * else the first tile level above page_dpi of 1200, 1800 and 2400 that
 * gives it, capped at DOC_REGION_MAX_DPI. */
int loupe_tiles_level(double need_dpi, double page_dpi);

/* A cache holding at most `budget` bytes of tiles (at least one tile's,
 * about 0.35 MB); `fonts` must outlive it. Threaded, the worker first calls
 * worker_init (may be NULL): the app lowers the worker's priority there, so
 * that building tiles yields to drawing frames. NULL with err on failure. */
loupe_tiles *loupe_tiles_create(const doc_fonts *fonts, size_t budget, int threaded,
                                void (*worker_init)(void), bl_err *err);
/* Stops the worker (after the tile it is building) and frees everything. */
void loupe_tiles_destroy(loupe_tiles *lt);

/* Makes `doc` (0..LOUPE_TILE_DOCS-1) the document of `spec` (copied with its
 * template; spec->dpi is ignored): its earlier tiles are dropped. */
int loupe_tiles_set_doc(loupe_tiles *lt, int doc, const doc_spec *spec, bl_err *err);
/* Forgets every document and tile (a new traveler). */
void loupe_tiles_clear(loupe_tiles *lt);

/* The tiles the page rectangle (x, y, w, h) of `doc` at `dpi` (a whole
 * number, 72..DOC_REGION_MAX_DPI) lacks; asks for them (unthreaded: builds
 * them now). */
int loupe_tiles_missing(loupe_tiles *lt, int doc, int dpi, int x, int y, int w, int h);

/* Draws what the tiles hold of the rectangle (x, y, out->w, out->h) of
 * `doc`'s page at `dpi` under light l into `out` (allocated by the caller);
 * pixels of missing tiles keep what `out` had (loupe_tiles_missing first
 * tells whether there are any, and asks for them). */
int loupe_tiles_draw(loupe_tiles *lt, int doc, int dpi, light_kind l, int x, int y, bl_image *out,
                     bl_err *err);

/* Figures: bytes held now, the most ever held, tiles built and evicted. */
typedef struct loupe_tiles_stats {
    size_t bytes, peak, budget;
    int tiles, built, evicted, failed;
    int dropped; /* requests dropped unbuilt: the loupe had moved on */
} loupe_tiles_stats;
void loupe_tiles_get_stats(loupe_tiles *lt, loupe_tiles_stats *st);

/* Waits until the worker has built everything asked for (benchmarks, tests). */
void loupe_tiles_wait(loupe_tiles *lt);

#endif
