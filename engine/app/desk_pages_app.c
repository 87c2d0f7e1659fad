/* desk_pages_app.c - a passport's other pages as the desk shows them
 * (booklet.h): each page rendered under every light at the desk's scale
 * the first time it is turned to (a booklet's eight pages are not all
 * looked at), its genuine specimen's for the reference, and the loupe on
 * a page from tiles of that page (the loupe's tile documents
 * APP_PAGE_TILES and APP_PAGE_TILES + 1, set to the page shown). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk_app_int.h"
#include "loupe.h"

struct app_pages {
    plat_tex *tex[2][BOOKLET_PAGES][LIGHT_COUNT]; /* the document's, its specimen's */
    bl_image disp[BOOKLET_PAGES][LIGHT_COUNT];    /* the document's: the loupe's fallback */
    int built[2][BOOKLET_PAGES];                  /* 1 built, -1 failed */
};

void app_pages_free(doc_slot *s) {
    struct app_pages *p = s->pages;
    if (!p) return;
    for (int k = 0; k < 2; k++)
        for (int g = 0; g < BOOKLET_PAGES; g++)
            for (int l = 0; l < LIGHT_COUNT; l++) {
                plat_tex_destroy(p->tex[k][g][l]);
                if (!k) image_deinit(&p->disp[g][l]);
            }
    free(p);
    s->pages = NULL;
}

/* The spec of page `page` of document d, or of its genuine specimen. */
static doc_spec page_spec(const doc_slot *s, int page, int ref, double dpi) {
    doc_spec spec = ref ? (doc_spec){.t = &s->t, .seed = 1, .today = s->spec.today} : s->spec;
    spec.page = page, spec.dpi = dpi;
    return spec;
}

/* Renders page `page` (ref: the specimen's) under every light at the
 * desk's scale, box-filtered from twice that, as build_slot does a side. */
static int build_page(desk_app *a, doc_slot *s, int page, int ref, bl_err *err) {
    struct app_pages *p = s->pages;
    doc_spec spec = page_spec(s, page, ref, DISPLAY_PX_PER_MM * 2 * 25.4);
    doc_truth *tr = malloc(sizeof *tr);
    matbuf mb;
    if (!tr) return err_set(err, "out of memory");
    int rc = doc_build(&spec, &a->fonts, &mb, tr, err);
    free(tr);
    if (rc) return -1;
    light_scene *sc = light_scene_create(&mb, err);
    rc = sc ? 0 : -1;
    int dw = (int)lround(s->t.w_mm * DISPLAY_PX_PER_MM),
        dh = (int)lround(s->t.h_mm * DISPLAY_PX_PER_MM);
    bl_image full = {0, 0, NULL}, small = {0, 0, NULL};
    for (int l = 0; l < LIGHT_COUNT && rc == 0; l++) {
        bl_image *dst = ref ? &small : &p->disp[page][l];
        if ((rc = light_scene_render(sc, (light_kind)l, &full, err)) != 0 ||
            (rc = image_init(dst, dw, dh, err)) != 0)
            break;
        image_resample(&full, 0, 0, full.w, full.h, dst);
        if (!(p->tex[ref][page][l] = plat_tex_create(a->p, dst, 0, 1, err))) rc = -1;
        if (ref) image_deinit(&small);
    }
    image_deinit(&full);
    light_scene_destroy(sc);
    matbuf_deinit(&mb);
    return rc;
}

/* Page `page` of document d (ref: its specimen's) under `light`, built on
 * first use; NULL when it cannot be. */
static plat_tex *page_tex(desk_app *a, int d, int light, int page, int ref) {
    if (d < 0 || d >= a->n_slots || page < 1 || page >= BOOKLET_PAGES || light < 0 ||
        light >= LIGHT_COUNT)
        return NULL;
    doc_slot *s = &a->slots[d];
    if (!s->pages && !(s->pages = calloc(1, sizeof *s->pages))) return NULL;
    if (!s->pages->built[ref][page]) {
        bl_err err = {0};
        s->pages->built[ref][page] = build_page(a, s, page, ref, &err) == 0 ? 1 : -1;
        if (s->pages->built[ref][page] < 0)
            fprintf(stderr, "borderlab: page %d of %s: %s\n", booklet_printed(page), s->t.id,
                    err.msg);
    }
    return s->pages->built[ref][page] > 0 ? s->pages->tex[ref][page][light] : NULL;
}

plat_tex *app_page_tex(desk_app *a, int d, int light, int page) {
    return page_tex(a, d, light, page, 0);
}

plat_tex *app_page_ref(desk_app *a, int d, int light, int page) {
    return page_tex(a, d, light, page, 1);
}

int app_page_loupe(desk_app *a, int d, int page, double u, double v, int ref, bl_image *out,
                   bl_err *err) {
    doc_slot *s = &a->slots[d];
    int light = a->st.light;
    if (!page_tex(a, d, light, page, 0)) return err_set(err, "page %d is not built", page);
    int key = APP_PAGE_TILES + ref, who = d * 16 + page + 1;
    if (a->page_tiles[ref] != who) { /* the tiles are of another page now */
        doc_spec spec = page_spec(s, page, ref, a->cfg.loupe_dpi);
        if (loupe_tiles_set_doc(a->tiles, key, &spec, err) != 0) return -1;
        a->page_tiles[ref] = who;
    }
    int dpi = app_loupe_dpi(a, a->st.loupe_zoom);
    if (!dpi) dpi = (int)a->cfg.loupe_dpi; /* up to 8x: the loupe's page resolution */
    return app_loupe_from_tiles(a, key, dpi, NULL, 0, &s->pages->disp[page][light], &s->t, 0, u, v,
                                out, err);
}
