/* loupe_tiles.c - see loupe_tiles.h. One mutex guards the cache, the
 * documents and the queue of tiles asked for; the worker holds it only to
 * take a request and to store its tile, never while it builds, so drawing
 * waits at most for a store. */
#include "loupe_tiles.h"

#include <stdlib.h>
#include <string.h>
#include <threads.h>

#define MAX_TILES 512 /* slots; the budget is what bounds them */
#define MAX_ASKED 64  /* requests kept, newest first; older ones are dropped */

typedef struct {
    int doc, dpi, tx, ty;
    unsigned long long asked; /* the loupe_tiles_missing call that last asked (not a key) */
} tile_key;

/* A request not asked again by the last STALE_AFTER calls of
 * loupe_tiles_missing is of a place the loupe has left: dropped unbuilt, so
 * a sweeping loupe does not leave a trail of tiles to build behind it. */
#define STALE_AFTER 4

typedef struct {
    int used;
    tile_key k;
    int wx, wy; /* the scene's window (the tile and a 1-pixel margin), page pixels */
    light_scene *sc;
    size_t bytes;
    unsigned long long last; /* when last drawn or stored */
} tile;

typedef struct {
    int set;
    unsigned gen; /* changes when the document does: late tiles of the old one are dropped */
    tpl t;
    doc_spec spec;
} tile_doc;

struct loupe_tiles {
    const doc_fonts *fonts;
    size_t budget, bytes, peak;
    int built, evicted, failed;
    unsigned long long clock;
    tile tiles[MAX_TILES];
    tile_doc docs[LOUPE_TILE_DOCS];
    tile_key asked[MAX_ASKED];
    int n_asked;
    unsigned long long calls; /* of loupe_tiles_missing */
    int dropped;              /* stale requests */
    int building;             /* the worker is building a tile (outside the lock) */
    tile_key building_key;
    int threaded, quit;
    void (*worker_init)(void);
    mtx_t mu;
    cnd_t wake, idle;
    thrd_t worker;
    bl_image tmp;
};

int loupe_tiles_level(double need_dpi, double page_dpi) {
    if (need_dpi <= 1.2 * page_dpi) return 0;
    static const int levels[] = {1200, 1800, DOC_REGION_MAX_DPI};
    for (int i = 0; i < 3; i++)
        if (levels[i] >= need_dpi && levels[i] > page_dpi) return levels[i];
    return DOC_REGION_MAX_DPI;
}

static int key_eq(tile_key a, tile_key b) {
    return a.doc == b.doc && a.dpi == b.dpi && a.tx == b.tx && a.ty == b.ty;
}

static tile *find(loupe_tiles *lt, tile_key k) {
    for (int i = 0; i < MAX_TILES; i++)
        if (lt->tiles[i].used && key_eq(lt->tiles[i].k, k)) return &lt->tiles[i];
    return NULL;
}

static void drop(loupe_tiles *lt, tile *t) {
    light_scene_destroy(t->sc);
    lt->bytes -= t->bytes;
    memset(t, 0, sizeof *t);
}

/* Stores a built tile, evicting the least recently used until it fits the
 * budget; a tile that cannot fit is dropped (never more than the budget). */
static void store(loupe_tiles *lt, tile *nt) {
    for (;;) {
        tile *lru = NULL, *slot = NULL;
        for (int i = 0; i < MAX_TILES; i++) {
            tile *t = &lt->tiles[i];
            if (!t->used) {
                if (!slot) slot = t;
            } else if (!lru || t->last < lru->last) {
                lru = t;
            }
        }
        if (slot && lt->bytes + nt->bytes <= lt->budget) {
            nt->used = 1;
            nt->last = ++lt->clock;
            *slot = *nt;
            lt->bytes += nt->bytes;
            if (lt->bytes > lt->peak) lt->peak = lt->bytes;
            return;
        }
        if (!lru) break;
        drop(lt, lru);
        lt->evicted++;
    }
    light_scene_destroy(nt->sc);
}

/* Builds one tile of `d` (a copy: no lock is held). 0 or -1. */
static int build(const doc_fonts *fonts, tile_doc *d, tile_key k, tile *out) {
    bl_err err = {0};
    d->spec.t = &d->t;
    d->spec.dpi = k.dpi;
    int pw, ph;
    if (doc_page_size(&d->spec, &pw, &ph, &err) != 0) return -1;
    int x0 = k.tx * LOUPE_TILE - 1, y0 = k.ty * LOUPE_TILE - 1;
    int x1 = x0 + LOUPE_TILE + 2, y1 = y0 + LOUPE_TILE + 2;
    x0 = x0 < 0 ? 0 : x0, y0 = y0 < 0 ? 0 : y0;
    x1 = x1 > pw ? pw : x1, y1 = y1 > ph ? ph : y1;
    if (x1 <= x0 || y1 <= y0) return -1;
    matbuf mb;
    if (doc_build_region(&d->spec, fonts, x0, y0, x1 - x0, y1 - y0, &mb, NULL, &err) != 0)
        return -1;
    light_scene *sc = light_scene_create(&mb, &err);
    if (sc && light_scene_detach(sc, &err) != 0) {
        light_scene_destroy(sc);
        sc = NULL;
    }
    matbuf_deinit(&mb);
    if (!sc) return -1;
    *out = (tile){0, k, x0, y0, sc, light_scene_bytes(sc), 0};
    return 0;
}

/* Builds tile k now (the lock held on entry and on return). */
static void build_locked(loupe_tiles *lt, tile_key k) {
    tile_doc *d = malloc(sizeof *d);
    tile nt;
    if (!d) return;
    *d = lt->docs[k.doc];
    if (build(lt->fonts, d, k, &nt) == 0) {
        lt->built++;
        store(lt, &nt);
    } else {
        lt->failed++;
    }
    free(d);
}

static int worker(void *arg) {
    loupe_tiles *lt = arg;
    if (lt->worker_init) lt->worker_init();
    tile_doc *d = malloc(sizeof *d);
    mtx_lock(&lt->mu);
    while (d && !lt->quit) {
        if (lt->n_asked == 0) {
            cnd_broadcast(&lt->idle);
            cnd_wait(&lt->wake, &lt->mu);
            continue;
        }
        tile_key k = lt->asked[--lt->n_asked]; /* the newest */
        if (k.asked + STALE_AFTER < lt->calls) {
            lt->dropped++;
            continue;
        }
        if (!lt->docs[k.doc].set || find(lt, k)) continue;
        *d = lt->docs[k.doc];
        lt->building = 1, lt->building_key = k;
        mtx_unlock(&lt->mu);
        tile nt;
        int rc = build(lt->fonts, d, k, &nt);
        mtx_lock(&lt->mu);
        lt->building = 0;
        if (rc != 0) {
            lt->failed++;
        } else if (lt->docs[k.doc].set && lt->docs[k.doc].gen == d->gen) {
            lt->built++;
            store(lt, &nt);
        } else {
            light_scene_destroy(nt.sc); /* the document changed meanwhile */
        }
    }
    cnd_broadcast(&lt->idle);
    mtx_unlock(&lt->mu);
    free(d);
    return 0;
}

loupe_tiles *loupe_tiles_create(const doc_fonts *fonts, size_t budget, int threaded,
                                void (*worker_init)(void), bl_err *err) {
    loupe_tiles *lt = calloc(1, sizeof *lt);
    if (!lt) {
        err_setc(err, BL_E_NOMEM, "out of memory for the loupe's tiles");
        return NULL;
    }
    lt->fonts = fonts, lt->budget = budget, lt->worker_init = worker_init;
    if (mtx_init(&lt->mu, mtx_plain) != thrd_success || cnd_init(&lt->wake) != thrd_success ||
        cnd_init(&lt->idle) != thrd_success) {
        free(lt);
        err_set(err, "cannot make the loupe's lock");
        return NULL;
    }
    if (threaded) lt->threaded = thrd_create(&lt->worker, worker, lt) == thrd_success;
    return lt;
}

void loupe_tiles_destroy(loupe_tiles *lt) {
    if (!lt) return;
    if (lt->threaded) {
        mtx_lock(&lt->mu);
        lt->quit = 1;
        cnd_broadcast(&lt->wake);
        mtx_unlock(&lt->mu);
        thrd_join(lt->worker, NULL);
    }
    for (int i = 0; i < MAX_TILES; i++)
        if (lt->tiles[i].used) drop(lt, &lt->tiles[i]);
    image_deinit(&lt->tmp);
    mtx_destroy(&lt->mu);
    cnd_destroy(&lt->wake);
    cnd_destroy(&lt->idle);
    free(lt);
}

/* Drops doc's tiles and requests (d < 0: every document's); locked. */
static void forget(loupe_tiles *lt, int doc) {
    for (int i = 0; i < MAX_TILES; i++)
        if (lt->tiles[i].used && (doc < 0 || lt->tiles[i].k.doc == doc)) drop(lt, &lt->tiles[i]);
    int n = 0;
    for (int i = 0; i < lt->n_asked; i++)
        if (doc >= 0 && lt->asked[i].doc != doc) lt->asked[n++] = lt->asked[i];
    lt->n_asked = n;
}

int loupe_tiles_set_doc(loupe_tiles *lt, int doc, const doc_spec *spec, bl_err *err) {
    if (doc < 0 || doc >= LOUPE_TILE_DOCS)
        return err_set(err, "loupe document %d out of range", doc);
    if (!spec->t) return err_set(err, "no template");
    mtx_lock(&lt->mu);
    forget(lt, doc);
    tile_doc *d = &lt->docs[doc];
    d->set = 1, d->gen++;
    d->t = *spec->t;
    d->spec = *spec;
    d->spec.t = &d->t;
    mtx_unlock(&lt->mu);
    return 0;
}

void loupe_tiles_clear(loupe_tiles *lt) {
    mtx_lock(&lt->mu);
    forget(lt, -1);
    for (int d = 0; d < LOUPE_TILE_DOCS; d++)
        lt->docs[d].set = 0, lt->docs[d].gen++;
    mtx_unlock(&lt->mu);
}

/* Queues k as the newest request (moved up when already queued). */
static void ask(loupe_tiles *lt, tile_key k) {
    int n = 0;
    for (int i = 0; i < lt->n_asked; i++)
        if (!key_eq(lt->asked[i], k)) lt->asked[n++] = lt->asked[i];
    if (n == MAX_ASKED) { /* the oldest goes */
        memmove(lt->asked, lt->asked + 1, sizeof lt->asked[0] * (MAX_ASKED - 1));
        n--;
    }
    k.asked = lt->calls;
    lt->asked[n++] = k;
    lt->n_asked = n;
}

/* The tiles covering a rectangle. */
static void tile_span(int x, int y, int w, int h, int *tx0, int *ty0, int *tx1, int *ty1) {
    x = x < 0 ? 0 : x, y = y < 0 ? 0 : y;
    *tx0 = x / LOUPE_TILE, *ty0 = y / LOUPE_TILE;
    *tx1 = (x + w - 1) / LOUPE_TILE, *ty1 = (y + h - 1) / LOUPE_TILE;
}

int loupe_tiles_missing(loupe_tiles *lt, int doc, int dpi, int x, int y, int w, int h) {
    if (doc < 0 || doc >= LOUPE_TILE_DOCS || w <= 0 || h <= 0) return 0;
    mtx_lock(&lt->mu);
    lt->calls++;
    int pw = 0, ph = 0, missing = 0;
    tile_doc *d = &lt->docs[doc];
    bl_err err = {0};
    doc_spec spec = d->spec;
    spec.dpi = dpi;
    if (!d->set || doc_page_size(&spec, &pw, &ph, &err) != 0) {
        mtx_unlock(&lt->mu);
        return 0; /* nothing to build: the caller's fallback is all there is */
    }
    if (x + w > pw) w = pw - x;
    if (y + h > ph) h = ph - y;
    int tx0, ty0, tx1, ty1;
    tile_span(x, y, w, h, &tx0, &ty0, &tx1, &ty1);
    for (int ty = ty0; ty <= ty1 && w > 0 && h > 0; ty++)
        for (int tx = tx0; tx <= tx1; tx++) {
            tile_key k = {doc, dpi, tx, ty, 0};
            if (find(lt, k)) continue;
            if (!lt->threaded) {
                build_locked(lt, k);
                if (find(lt, k)) continue;
            } else if (!(lt->building && key_eq(lt->building_key, k))) {
                ask(lt, k);
            }
            missing++;
        }
    if (lt->threaded && lt->n_asked) cnd_signal(&lt->wake);
    mtx_unlock(&lt->mu);
    return missing;
}

int loupe_tiles_draw(loupe_tiles *lt, int doc, int dpi, light_kind l, int x, int y, bl_image *out,
                     bl_err *err) {
    if (doc < 0 || doc >= LOUPE_TILE_DOCS)
        return err_set(err, "loupe document %d out of range", doc);
    int rc = 0, tx0, ty0, tx1, ty1;
    tile_span(x, y, out->w, out->h, &tx0, &ty0, &tx1, &ty1);
    mtx_lock(&lt->mu);
    for (int ty = ty0; ty <= ty1 && rc == 0; ty++)
        for (int tx = tx0; tx <= tx1 && rc == 0; tx++) {
            tile *t = find(lt, (tile_key){doc, dpi, tx, ty, 0});
            if (!t) continue;
            t->last = ++lt->clock;
            /* the part of the rectangle in this tile (not its margin) */
            int ax = tx * LOUPE_TILE > x ? tx * LOUPE_TILE : x;
            int ay = ty * LOUPE_TILE > y ? ty * LOUPE_TILE : y;
            int bx = (tx + 1) * LOUPE_TILE < x + out->w ? (tx + 1) * LOUPE_TILE : x + out->w;
            int by = (ty + 1) * LOUPE_TILE < y + out->h ? (ty + 1) * LOUPE_TILE : y + out->h;
            if (bx <= ax || by <= ay) continue;
            rc = light_scene_render_region(t->sc, l, ax - t->wx, ay - t->wy, bx - ax, by - ay,
                                           &lt->tmp, err);
            for (int r = 0; r < by - ay && rc == 0; r++)
                memcpy(out->px + ((size_t)(ay - y + r) * out->w + (size_t)(ax - x)) * 4,
                       lt->tmp.px + (size_t)r * lt->tmp.w * 4, (size_t)(bx - ax) * 4);
        }
    mtx_unlock(&lt->mu);
    return rc;
}

void loupe_tiles_get_stats(loupe_tiles *lt, loupe_tiles_stats *st) {
    mtx_lock(&lt->mu);
    int n = 0;
    for (int i = 0; i < MAX_TILES; i++)
        n += lt->tiles[i].used;
    *st = (loupe_tiles_stats){lt->bytes, lt->peak,    lt->budget, n,
                              lt->built, lt->evicted, lt->failed, lt->dropped};
    mtx_unlock(&lt->mu);
}

void loupe_tiles_wait(loupe_tiles *lt) {
    mtx_lock(&lt->mu);
    while (lt->threaded && (lt->n_asked > 0 || lt->building))
        cnd_wait(&lt->idle, &lt->mu);
    mtx_unlock(&lt->mu);
}
