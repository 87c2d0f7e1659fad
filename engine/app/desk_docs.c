/* desk_docs.c - the traveler at the desk as pictures: each document rendered
 * under every light at the desk's scale (textures, and CPU copies the loupe
 * falls back on), the closed passport's cover, the face at the counter, the
 * full-resolution documents the loupe magnifies (built by a worker thread, or
 * in this thread for replays, so a replay gives the same pixels), and the
 * genuine specimen the reference panel shows. */
#define _GNU_SOURCE
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "desk_app_int.h"
#include "desk_ident_app.h"
#include "desk_sys_app.h"
#include "desk_docinfo.h"
#include "loupe.h"
#include "scn_docs.h"
#include "traveler.h"

/* ------------------------------------------------------------ documents */

static void slot_free(doc_slot *s) {
    for (int l = 0; l < LIGHT_COUNT; l++)
        for (int k = 0; k < 2; k++) {
            plat_tex_destroy(s->tex[l][k]);
            plat_tex_destroy(s->ref[l][k]);
            image_deinit(&s->disp[l][k]);
        }
    plat_tex_destroy(s->cover);
    light_scene_destroy(s->tilt_sc);
    app_pages_free(s);
    light_scene_destroy(s->hi_sc);
    if (s->hi.sub) matbuf_deinit(&s->hi);
    light_scene_destroy(s->ref_hi_sc);
    if (s->ref_hi_state > 0) matbuf_deinit(&s->ref_hi);
    free(s->truth);
    if (s->cap) capture_unload(s->cap);
    if (s->ref_cap) capture_unload(s->ref_cap);
    free(s->cap);
    free(s->ref_cap);
    memset(s, 0, sizeof *s);
}

/* Builds a document at full resolution (for the loupe). */
int app_build_hires(desk_app *a, doc_slot *s) {
    bl_err err = {0};
    if (s->cap) { /* a capture's own images are the loupe's */
        atomic_store(&s->hi_state, 1);
        return 0;
    }
    doc_spec spec = s->spec;
    spec.dpi = a->cfg.loupe_dpi;
    doc_truth *tr = malloc(sizeof *tr);
    int ok = tr && doc_build(&spec, &a->fonts, &s->hi, tr, &err) == 0;
    free(tr);
    if (ok && !(s->hi_sc = light_scene_create(&s->hi, &err))) {
        matbuf_deinit(&s->hi);
        ok = 0;
    }
    s->hi_ppm = spec.dpi / 25.4;
    atomic_store(&s->hi_state, ok ? 1 : -1);
    if (!ok) fprintf(stderr, "borderlab: loupe image for %s: %s\n", s->t.id, err.msg);
    return ok ? 0 : -1;
}

static int hires_worker(void *ud) {
    desk_app *a = ud;
    for (int i = 0; i < a->n_slots && !atomic_load(&a->cancel); i++)
        if (atomic_load(&a->slots[i].hi_state) == 0) app_build_hires(a, &a->slots[i]);
    return 0;
}

static void stop_worker(desk_app *a) {
    if (!a->worker_running) return;
    atomic_store(&a->cancel, 1);
    thrd_join(a->worker, NULL);
    a->worker_running = 0;
    atomic_store(&a->cancel, 0);
}

void app_free_traveler(desk_app *a) {
    stop_worker(a);
    if (a->tiles) loupe_tiles_clear(a->tiles);
    a->page_tiles[0] = a->page_tiles[1] = 0; /* the tiles hold no page now */
    for (int i = 0; i < a->n_slots; i++)
        slot_free(&a->slots[i]);
    a->n_slots = 0;
    plat_tex_destroy(a->face);
    plat_tex_destroy(a->companion);
    a->face = a->companion = NULL;
    app_ident_free(a);
}

/* The features the desk's reference panel outlines, in mm on side 0. */
static void info_features(desk_doc_info *info, const doc_item *it, int n, double ppm) {
    for (int f = 0; f < n && info->n_features < DESK_MAX_FEATURES; f++) {
        desk_feature *df = &info->features[info->n_features++];
        snprintf(df->kind, sizeof df->kind, "%s", it[f].kind);
        df->x_mm = it[f].x / ppm, df->y_mm = it[f].y / ppm;
        df->w_mm = it[f].w / ppm, df->h_mm = it[f].h / ppm;
        df->lights = it[f].lights;
    }
}

/* Scales one captured light to the desk; a light that was not captured is
 * a dark slate (the desk says so over it). */
static int capture_disp(desk_app *a, doc_slot *s, int l, int dw, int dh, bl_err *err) {
    if (image_init(&s->disp[l][0], dw, dh, err) != 0) return -1;
    if (s->cap->have & LIGHT_BIT(l))
        image_resample(&s->cap->img[l], 0, 0, s->cap->w, s->cap->h, &s->disp[l][0]);
    else
        image_fill_rect(&s->disp[l][0], 0, 0, dw, dh, 0xff2a2a2au);
    return (s->tex[l][0] = plat_tex_create(a->p, &s->disp[l][0], 0, 1, err)) ? 0 : -1;
}

/* An academy's captured document (and its captured genuine specimen): shown
 * at the size its region file gives, each captured light as photographed. */
static int build_capture_slot(desk_app *a, doc_slot *s, int i, const scn_doc *sd, bl_err *err) {
    if (!(s->cap = malloc(sizeof *s->cap)) || !(s->truth = malloc(sizeof *s->truth)))
        return err_set(err, "out of memory");
    if (capture_load(s->cap, sd->capture, err) != 0) {
        free(s->cap), s->cap = NULL;
        return -1;
    }
    capture_as_doc(s->cap, &s->t, s->truth);
    s->hi_ppm = s->truth->dpi / 25.4;
    atomic_store(&s->hi_state, 1);
    int dw = (int)lround(s->t.pieces[0].w * DISPLAY_PX_PER_MM),
        dh = (int)lround(s->t.pieces[0].h * DISPLAY_PX_PER_MM);
    for (int l = 0; l < LIGHT_COUNT; l++)
        if (capture_disp(a, s, l, dw, dh, err) != 0) return -1;
    desk_doc_info info;
    memset(&info, 0, sizeof info);
    snprintf(info.name, sizeof info.name, "%s", s->t.name);
    snprintf(info.template_id, sizeof info.template_id, "%s", s->t.id);
    info.mrz_lines = s->truth->mrz_lines;
    memcpy(info.mrz, s->truth->mrz, sizeof info.mrz);
    info.captured = s->cap->have;
    if (sd->reference[0]) { /* the specimen's features are the ones to compare with */
        if (!(s->ref_cap = malloc(sizeof *s->ref_cap))) return err_set(err, "out of memory");
        if (capture_load(s->ref_cap, sd->reference, err) != 0) {
            free(s->ref_cap), s->ref_cap = NULL;
            return err_prefix(err, "its reference");
        }
        double w_mm, h_mm;
        capture_size_mm(s->ref_cap, &w_mm, &h_mm);
        info_features(&info, s->ref_cap->regions.features, s->ref_cap->regions.n_features,
                      s->ref_cap->w / w_mm);
    } else {
        info.no_reference = 1;
    }
    desk_set_doc_info(&a->st, i, &info);
    return 0;
}

/* Renders one document for the desk: every light, every side, at the desk's
 * scale (box-filtered from twice that), plus what the desk needs to know. */
static int build_slot(desk_app *a, int i, const desk_doc_spec *ds, const doc_holder *first,
                      const char *first_state, bl_err *err) {
    doc_slot *s = &a->slots[i];
    const double dpi = DISPLAY_PX_PER_MM * 2 * 25.4;
    const pack *p = a->cfg.pack;
    const scenario *scn = p && a->st.traveler < p->n ? &p->scn[a->st.traveler] : NULL;
    int d = scn ? traveler_scenario_doc(scn, i) : -1;
    if (d >= 0 && scn->docs[d].capture[0]) return build_capture_slot(a, s, i, &scn->docs[d], err);
    if (d >= 0) { /* the scenario's document, as scoring and check build it */
        if (scn_docs_spec(scn, d, dpi, &s->t, &s->spec, err) != 0) return -1;
        s->spec.today = a->cfg.session->today; /* the desk's day */
        scn_docs_holder(scn, d, first, first_state, &s->spec);
    } else { /* no scenario: every document is the first one's holder's */
        if (tpl_builtin(&s->t, ds->template_id, err) != 0) return -1;
        s->spec = (doc_spec){.t = &s->t,
                             .seed = ds->seed,
                             .dpi = dpi,
                             .today = a->cfg.session->today,
                             .defects = ds->defects,
                             .has_holder = 1};
        doc_holder_generate(ds->seed, &s->t, s->spec.today, &s->spec.holder);
        if (first)
            doc_holder_share(&s->spec.holder, first,
                             !strcmp(s->t.kind, "visa") ? first_state : NULL);
    }
    s->truth = malloc(sizeof *s->truth);
    if (!s->truth) return err_set(err, "out of memory");
    matbuf mb;
    if (doc_build(&s->spec, &a->fonts, &mb, s->truth, err) != 0) return -1;
    light_scene *sc = light_scene_create(&mb, err);
    int rc = sc ? 0 : -1;
    bl_image full = {0, 0, NULL};
    double ppm = mb.px_per_mm;
    int dw = (int)lround(s->t.pieces[0].w * DISPLAY_PX_PER_MM),
        dh = (int)lround(s->t.pieces[0].h * DISPLAY_PX_PER_MM);
    for (int l = 0; l < LIGHT_COUNT && rc == 0; l++) {
        if ((rc = light_scene_render(sc, (light_kind)l, &full, err)) != 0) break;
        for (int k = 0; k < s->t.n_pieces && rc == 0; k++) {
            const tpl_rect *pc = &s->t.pieces[k];
            if ((rc = image_init(&s->disp[l][k], dw, dh, err)) != 0) break;
            image_resample(&full, (int)lround(pc->x * ppm), (int)lround(pc->y * ppm),
                           (int)lround(pc->w * ppm), (int)lround(pc->h * ppm), &s->disp[l][k]);
            if (!(s->tex[l][k] = plat_tex_create(a->p, &s->disp[l][k], 0, 1, err))) rc = -1;
        }
    }
    image_deinit(&full);
    if (rc == 0) /* what changes with the tilt is re-rendered from it (desk_tilt.c) */
        rc = app_slot_keep_scene(s, sc, ppm, err);
    else
        light_scene_destroy(sc);
    matbuf_deinit(&mb);
    if (rc) return -1;
    if (!strcmp(s->t.kind, "passport")) {
        bl_image cov;
        if (doc_cover_render(&s->t, &a->fonts, dw, dh, &cov, err) != 0) return -1;
        s->cover = plat_tex_create(a->p, &cov, 0, 1, err);
        image_deinit(&cov);
        if (!s->cover) return -1;
    }
    /* What the desk shows about it: the MRZ as printed, features in mm per side. */
    desk_doc_info info;
    desk_doc_info_from_truth(&info, &s->t, s->truth, ppm);
    desk_set_doc_info(&a->st, i, &info);
    return 0;
}

/* A face of their own for a person with no document: seeded by the
 * traveler's id (and who they are), of their sex and age. */
static void own_face(const char *id, const char *who, const char *sex, int age, face_params *fp) {
    uint64_t h = 1469598103934665603ull;
    for (const char *c = id; *c; c++)
        h = (h ^ (unsigned char)*c) * 1099511628211ull;
    for (const char *c = who; *c; c++)
        h = (h ^ (unsigned char)*c) * 1099511628211ull;
    face_from_seed(h, fp);
    face_set_sex(fp, sex[0]);
    if (age > 0) face_fit_age(fp, age);
}

/* The person's face as the desk shows it: the photo of their first
 * document (slot `d`, -1 none), a lookalike's for an impostor. */
static plat_tex *person_tex(desk_app *a, int d, double impostor, const char *id, const char *who,
                            const char *sex, int age, bl_err *err) {
    face_params fp;
    if (d >= 0 && !who[0] && a->ident && a->ident->have_faces) { /* as the counter camera */
        bl_image cam;
        if (image_init(&cam, 242, 300, err) != 0) return NULL;
        face_capture cap;
        face_capture_counter(a->slots[d].spec.seed ^ 0xCA3u, &cap);
        face_render_camera(&a->ident->faces.person, &cap, cam.px, cam.w, cam.h, cam.w * 4);
        plat_tex *t = plat_tex_create(a->p, &cam, 0, 0, err);
        image_deinit(&cam);
        return t;
    }
    if (d >= 0) {
        doc_portrait_face(&a->slots[d].spec, &a->slots[d].spec.holder, &fp);
        if (impostor > 0) face_vary(&fp, a->slots[d].spec.seed ^ 0x1390u, impostor);
    } else {
        own_face(id, who, sex, age, &fp);
    }
    bl_image face;
    if (image_init(&face, 242, 300, err) != 0) return NULL;
    face_render(&fp, face.px, face.w, face.h, face.w * 4, 0);
    plat_tex *t = plat_tex_create(a->p, &face, 0, 0, err);
    image_deinit(&face);
    return t;
}

/* The portrait a captured page marks (a feature of kind "portrait"), cut
 * to the counter's proportions; NULL when it marks none. */
static plat_tex *capture_face(desk_app *a, const doc_slot *s, bl_err *err) {
    const capture_regions *r = &s->cap->regions;
    const doc_item *p = NULL;
    for (int i = 0; i < r->n_features && !p; i++)
        if (!strcmp(r->features[i].kind, "portrait")) p = &r->features[i];
    if (!p) return NULL;
    int w = p->w, h = p->h; /* the middle of the portrait, 242:300 */
    if (w * 300 > h * 242)
        w = h * 242 / 300;
    else
        h = w * 300 / 242;
    bl_image face;
    if (w < 1 || h < 1 || image_init(&face, 242, 300, err) != 0) return NULL;
    image_resample(&s->cap->img[LIGHT_VISIBLE], p->x + (p->w - w) / 2, p->y + (p->h - h) / 2, w, h,
                   &face);
    plat_tex *t = plat_tex_create(a->p, &face, 0, 0, err);
    image_deinit(&face);
    return t;
}

int app_load_traveler(desk_app *a, bl_err *err) {
    app_free_traveler(a);
    if (a->st.mode == DESK_DONE) return 0;
    const desk_traveler *t = &a->cfg.session->travelers[a->st.traveler];
    int first[2] = {-1, -1}; /* the traveler's first document's slot, the companion's */
    int cap_face = -1;       /* the traveler's first captured document */
    for (int i = 0; i < t->n_docs; i++) {
        int who = (t->companion_docs >> i) & 1;
        a->n_slots = i + 1;
        int f = first[who];
        if (build_slot(a, i, &t->docs[i], f >= 0 ? &a->slots[f].spec.holder : NULL,
                       f >= 0 ? a->slots[f].t.issuing_state : NULL, err) != 0)
            return err_prefix(err, "traveler %s, document %d (%s)", t->id, i + 1,
                              t->docs[i].template_id);
        if (!a->slots[i].cap && first[who] < 0) first[who] = i;
        if (a->slots[i].cap && !who && cap_face < 0) cap_face = i;
    }
    /* what the identity panel shows: the chip, the faces, the scanner */
    if (app_ident_load(a, first[0], err) != 0) return err_prefix(err, "traveler %s", t->id);
    if (app_sys_load(a, first[0], err) != 0) return err_prefix(err, "traveler %s", t->id);
    /* The person at the counter (a captured page's own portrait when the
     * traveler's first document is one that marks it), and the one with them */
    a->face = cap_face == 0 && !t->impostor ? capture_face(a, &a->slots[0], err) : NULL;
    if (!a->face &&
        !(a->face = person_tex(a, first[0], t->impostor, t->id, "", t->sex, t->age, err)))
        return -1;
    if (t->companion && !(a->companion = person_tex(a, first[1], 0, t->id, "companion",
                                                    t->companion_sex, t->companion_age, err)))
        return -1;
    /* the loupe's tiles above 8x: each document, and its genuine specimen */
    for (int i = 0; i < a->n_slots; i++) {
        doc_slot *s = &a->slots[i];
        doc_spec ref = {.t = &s->t, .seed = 1, .today = s->spec.today};
        if (!s->cap && (loupe_tiles_set_doc(a->tiles, i, &s->spec, err) != 0 ||
                        loupe_tiles_set_doc(a->tiles, DESK_MAX_DOCS + i, &ref, err) != 0))
            return -1;
    }
    if (!a->cfg.sync_loading && thrd_create(&a->worker, hires_worker, a) == thrd_success)
        a->worker_running = 1;
    return 0;
}

/* ------------------------------------------------------------ loupe */

/* The genuine specimen at the loupe's resolution (built on first use). */
static int ref_hires(desk_app *a, doc_slot *s) {
    if (s->ref_hi_state) return s->ref_hi_state > 0 ? 0 : -1;
    bl_err err = {0};
    doc_spec spec = {.t = &s->t, .seed = 1, .dpi = a->cfg.loupe_dpi, .today = s->spec.today};
    doc_truth *tr = malloc(sizeof *tr);
    int ok = tr && doc_build(&spec, &a->fonts, &s->ref_hi, tr, &err) == 0;
    free(tr);
    if (ok && !(s->ref_hi_sc = light_scene_create(&s->ref_hi, &err))) {
        matbuf_deinit(&s->ref_hi);
        ok = 0;
    }
    s->ref_hi_state = ok ? 1 : -1;
    if (!ok) fprintf(stderr, "borderlab: loupe image for %s's specimen: %s\n", s->t.id, err.msg);
    return ok ? 0 : -1;
}

/* Magnifies a light scene around (u, v) mm of side `side` of template t. */
static int loupe_from_scene(desk_app *a, light_scene *sc, const tpl *t, double ppm, int side,
                            double u, double v, bl_image *out, bl_err *err) {
    double cx = (u + t->pieces[side].x) * ppm, cy = (v + t->pieces[side].y) * ppm;
    double spo = ppm / (DISPLAY_PX_PER_MM * a->st.loupe_zoom);
    int r = (int)ceil(LOUPE_D * spo * 0.5) + 2;
    int x0 = (int)floor(cx) - r, y0 = (int)floor(cy) - r;
    if (light_scene_render_region(sc, (light_kind)a->st.light, x0, y0, 2 * r, 2 * r, &a->region,
                                  err) != 0)
        return -1;
    return loupe_render(&a->region, cx - x0, cy - y0, spo, LOUPE_D, out, err);
}

void app_background_thread(void) {
#ifdef __linux__
    /* a thread's own nice value: Linux keeps one per thread, and the
     * threads it starts inherit it */
    (void)setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 10);
#endif
}

int app_loupe_dpi(const desk_app *a, int zoom) {
    return loupe_tiles_level(DISPLAY_PX_PER_MM * zoom * 25.4, a->cfg.loupe_dpi);
}

void desk_app_loupe_stats(desk_app *a, long *frames, long *sharp, loupe_tiles_stats *tiles) {
    *frames = a->loupe_frames, *sharp = a->loupe_sharp;
    loupe_tiles_get_stats(a->tiles, tiles);
}

/* What the loupe shows of the rectangle (x0, y0, n x n) at `dpi` (ppm
 * pixels per mm) while tiles of it are missing: the best there is, the
 * full-resolution page's (hi, when built) or the desk's picture of the
 * side (disp), magnified. */
static int loupe_fallback(desk_app *a, light_scene *hi, double hi_ppm, const bl_image *disp,
                          const tpl_rect *piece, int x0, int y0, int n, double ppm, bl_err *err) {
    if (!hi) { /* the desk's picture is of the side: its origin is the piece's */
        double k = DISPLAY_PX_PER_MM / ppm;
        loupe_upsample(disp, x0 * k - piece->x * DISPLAY_PX_PER_MM,
                       y0 * k - piece->y * DISPLAY_PX_PER_MM, k, &a->region);
        return 0;
    }
    double k = hi_ppm / ppm;
    int hx = (int)floor(x0 * k) - 1, hy = (int)floor(y0 * k) - 1, hn = (int)ceil(n * k) + 3;
    if (light_scene_render_region(hi, (light_kind)a->st.light, hx, hy, hn, hn, &a->region_lo,
                                  err) != 0)
        return -1;
    loupe_upsample(&a->region_lo, x0 * k - hx, y0 * k - hy, k, &a->region);
    return 0;
}

/* The loupe above 8x: from the tiles at the zoom's resolution (tile
 * document `key`), the missing ones asked for and shown meanwhile from
 * the fallback (loupe_fallback). */
int app_loupe_from_tiles(desk_app *a, int key, int dpi, light_scene *hi, double hi_ppm,
                         const bl_image *disp, const tpl *t, int side, double u, double v,
                         bl_image *out, bl_err *err) {
    double ppm = dpi / 25.4;
    double cx = (u + t->pieces[side].x) * ppm, cy = (v + t->pieces[side].y) * ppm;
    double spo = ppm / (DISPLAY_PX_PER_MM * a->st.loupe_zoom);
    int r = (int)ceil(LOUPE_D * spo * 0.5) + 2, n = 2 * r;
    int x0 = (int)floor(cx) - r, y0 = (int)floor(cy) - r;
    if ((!a->region.px || a->region.w != n || a->region.h != n) &&
        (image_deinit(&a->region), image_init(&a->region, n, n, err) != 0))
        return -1;
    int missing = loupe_tiles_missing(a->tiles, key, dpi, x0, y0, n, n);
    a->loupe_frames++;
    a->loupe_sharp += missing == 0;
    if (missing && loupe_fallback(a, hi, hi_ppm, disp, &t->pieces[side], x0, y0, n, ppm, err))
        return -1;
    if (loupe_tiles_draw(a->tiles, key, dpi, (light_kind)a->st.light, x0, y0, &a->region, err))
        return -1;
    return loupe_render(&a->region, cx - x0, cy - y0, spo, LOUPE_D, out, err);
}

/* Magnifies captured images (their own resolution; a light not captured
 * is the desk's slate). */
static int loupe_from_capture(desk_app *a, const capture *c, const bl_image *slate, double u,
                              double v, bl_image *out, bl_err *err) {
    int l = a->st.light;
    double w_mm, h_mm;
    capture_size_mm(c, &w_mm, &h_mm);
    const bl_image *src = c->have & LIGHT_BIT(l) ? &c->img[l] : slate;
    double ppm = src == slate ? DISPLAY_PX_PER_MM : c->w / w_mm;
    return loupe_render(src, u * ppm, v * ppm, ppm / (DISPLAY_PX_PER_MM * a->st.loupe_zoom),
                        LOUPE_D, out, err);
}

/* The loupe on document d (ref: on its genuine specimen) at (u, v) mm of
 * the side it shows, into a texture of its own (which: 0 the document's,
 * 1 the specimen's: both can show at once). */
static plat_tex *compose(desk_app *a, int d, double u, double v, int ref) {
    if (d < 0 || d >= a->n_slots) return NULL;
    doc_slot *s = &a->slots[d];
    int side = a->st.docs[d].side;
    bl_err err = {0};
    bl_image *img = &a->loupe_img[ref];
    int rc, dpi = app_loupe_dpi(a, a->st.loupe_zoom);
    int page = side > 0 && !s->cap && !strcmp(s->t.kind, "passport");
    const bl_image *disp = side < 2 ? &s->disp[a->st.light][side] : NULL;
    if (page) { /* a passport's other page */
        rc = app_page_loupe(a, d, side, u, v, ref, img, &err);
    } else if (dpi && !s->cap) { /* above 8x: tiles */
        if (ref && ref_hires(a, s) != 0) return NULL;
        if (!ref && atomic_load(&s->hi_state) == 0 && a->cfg.sync_loading) app_build_hires(a, s);
        int hi_ok = ref || atomic_load(&s->hi_state) == 1;
        rc = app_loupe_from_tiles(a, ref ? DESK_MAX_DOCS + d : d, dpi,
                                  hi_ok ? (ref ? s->ref_hi_sc : s->hi_sc) : NULL,
                                  a->cfg.loupe_dpi / 25.4, disp, &s->t, side, u, v, img, &err);
    } else if (ref && s->cap) {
        if (!s->ref_cap) return NULL;
        rc = loupe_from_capture(a, s->ref_cap, &s->disp[a->st.light][0], u, v, img, &err);
    } else if (ref) {
        if (ref_hires(a, s) != 0) return NULL;
        rc = loupe_from_scene(a, s->ref_hi_sc, &s->t, a->cfg.loupe_dpi / 25.4, side, u, v, img,
                              &err);
    } else if (s->cap) {
        rc = loupe_from_capture(a, s->cap, &s->disp[a->st.light][0], u, v, img, &err);
    } else {
        if (atomic_load(&s->hi_state) == 0 && a->cfg.sync_loading) app_build_hires(a, s);
        if (atomic_load(&s->hi_state) == 1)
            rc = loupe_from_scene(a, s->hi_sc, &s->t, s->hi_ppm, side, u, v, img, &err);
        else /* still building: magnify what the desk shows */
            rc = loupe_render(&s->disp[a->st.light][side], u * DISPLAY_PX_PER_MM,
                              v * DISPLAY_PX_PER_MM, 1.0 / a->st.loupe_zoom, LOUPE_D, img, &err);
    }
    if (rc != 0) return NULL;
    plat_tex **tex = &a->loupe_tex[ref];
    if (!*tex && !(*tex = plat_tex_create(a->p, img, 1, 1, &err))) return NULL;
    plat_tex_update(*tex, img, &err);
    return *tex;
}

plat_tex *app_compose_loupe(desk_app *a) {
    double u, v;
    int d = desk_doc_at(&a->st, a->st.mx, a->st.my, &u, &v);
    return compose(a, d, u, v, 0);
}

plat_tex *app_compose_loupe_at(desk_app *a, int d, double u, double v, int ref) {
    return compose(a, d, u, v, ref);
}

/* ------------------------------------------------------------ reference */

plat_tex *app_reference_tex(desk_app *a, int d, int light, int side, int w, int h) {
    if (d < 0 || d >= a->n_slots) return NULL;
    doc_slot *s = &a->slots[d];
    if (side > 0 && !s->cap && !strcmp(s->t.kind, "passport"))
        return app_page_ref(a, d, light, side);
    if (side < 0 || side > 1) return NULL;
    if (s->ref[light][side]) return s->ref[light][side];
    bl_err err = {0};
    if (s->cap) { /* a capture's reference is the academy's captured genuine specimen */
        const capture *r = s->ref_cap;
        if (!r || !(r->have & LIGHT_BIT(light))) return NULL;
        bl_image small = {0, 0, NULL};
        if (image_init(&small, w, h, &err) == 0) {
            image_resample(&r->img[light], 0, 0, r->w, r->h, &small);
            s->ref[light][side] = plat_tex_create(a->p, &small, 0, 1, &err);
        }
        image_deinit(&small);
        return s->ref[light][side];
    }
    /* The genuine specimen of the same template: seed 1, no defects. */
    doc_spec spec = {.t = &s->t,
                     .seed = 1,
                     .dpi = fmax(72, 2 * w / s->t.pieces[0].w * 25.4),
                     .today = s->spec.today};
    matbuf mb;
    doc_truth *tr = malloc(sizeof *tr);
    if (!tr || doc_build(&spec, &a->fonts, &mb, tr, &err) != 0) {
        free(tr);
        return NULL;
    }
    free(tr);
    light_scene *sc = light_scene_create(&mb, &err);
    bl_image full = {0, 0, NULL}, small = {0, 0, NULL};
    double ppm = mb.px_per_mm;
    const tpl_rect *pc = &s->t.pieces[side];
    if (sc && light_scene_render(sc, (light_kind)light, &full, &err) == 0 &&
        image_init(&small, w, h, &err) == 0) {
        image_resample(&full, (int)lround(pc->x * ppm), (int)lround(pc->y * ppm),
                       (int)lround(pc->w * ppm), (int)lround(pc->h * ppm), &small);
        s->ref[light][side] = plat_tex_create(a->p, &small, 0, 1, &err);
    }
    image_deinit(&full);
    image_deinit(&small);
    light_scene_destroy(sc);
    matbuf_deinit(&mb);
    return s->ref[light][side];
}

/* ------------------------------------------------------------ interview */
