/* desk_app.c - see desk_app.h. Owns everything the pure desk state does not:
 * document images and textures, the traveler's face, a text texture cache,
 * the loupe, the action log and the input recording. */
#define _POSIX_C_SOURCE 200809L
#include "fonts.h"
#include "desk_app.h"

#include <math.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "i18n.h"
#include "light.h"
#include "loupe.h"
#include "journal.h"
#include "score.h"
#include "session.h"
#include <cjson/cJSON.h>
#include "text.h"

#define DISPLAY_PX_PER_MM 3.4 /* desk.c's scale */
#define LOUPE_D           220
#define TEXT_CACHE        1024

typedef struct {
    char *s;
    int size, bold, rtl;
    uint32_t rgba;
    plat_tex *t;
    int w, h, ascent;
    long used;
} text_entry;

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
} doc_slot;

struct desk_app {
    desk_app_config cfg;
    plat *p;
    doc_fonts fonts;
    desk_state st;
    int n_slots;
    doc_slot slots[DESK_MAX_DOCS];
    plat_tex *face;
    plat_tex *loupe_tex;
    bl_image loupe_img, region;
    text_entry text[TEXT_CACHE];
    FILE *log, *rec;
    thrd_t worker;
    int worker_running;
    atomic_int cancel;
    draw_list dl;
    i18n *langs[8];
    int n_langs;
    journal *journal; /* exam results, when the session keeps them */
    int journal_failed;
    int journal_ended;                        /* the journal holds the session's end */
    unsigned char scored[DESK_MAX_TRAVELERS]; /* cases scored (and journaled) */
    double last_clock;                        /* session time of the last clock entry */
    session_case cases[DESK_MAX_TRAVELERS];   /* for the session's verdict */
    char *log_mem; /* the session's action log, also kept in memory for scoring */
    size_t log_len, log_cap;
};

/* ------------------------------------------------------------ logging */

static void write_action(void *ud, const desk_action *act) {
    desk_app *a = ud;
    char line[1024];
    int n =
        snprintf(line, sizeof line,
                 "{\"t\": %.3f, \"frame\": %ld, \"action\": \"%s\", \"target\": \"%s\", "
                 "\"params\": %s}\n",
                 act->t, act->frame, act->action, act->target, act->params[0] ? act->params : "{}");
    if (n <= 0 || (size_t)n >= sizeof line) return;
    /* kept in memory too: the debrief scores the case from it */
    if (a->log_len + (size_t)n + 1 > a->log_cap) {
        size_t cap = a->log_cap ? a->log_cap * 2 : 65536;
        while (cap < a->log_len + (size_t)n + 1)
            cap *= 2;
        char *nb = realloc(a->log_mem, cap);
        if (nb) a->log_mem = nb, a->log_cap = cap;
    }
    if (a->log_len + (size_t)n + 1 <= a->log_cap) {
        memcpy(a->log_mem + a->log_len, line, (size_t)n + 1);
        a->log_len += (size_t)n;
    }
    if (!a->log) return;
    fputs(line, a->log);
    fflush(a->log); /* every action reaches the file as it happens */
}

/* ------------------------------------------------------------ documents */

static void slot_free(doc_slot *s) {
    for (int l = 0; l < LIGHT_COUNT; l++)
        for (int k = 0; k < 2; k++) {
            plat_tex_destroy(s->tex[l][k]);
            plat_tex_destroy(s->ref[l][k]);
            image_deinit(&s->disp[l][k]);
        }
    plat_tex_destroy(s->cover);
    light_scene_destroy(s->hi_sc);
    if (s->hi.sub) matbuf_deinit(&s->hi);
    free(s->truth);
    memset(s, 0, sizeof *s);
}

/* Builds a document at full resolution (for the loupe). */
static int build_hires(desk_app *a, doc_slot *s) {
    bl_err err = {0};
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
        if (atomic_load(&a->slots[i].hi_state) == 0) build_hires(a, &a->slots[i]);
    return 0;
}

static void stop_worker(desk_app *a) {
    if (!a->worker_running) return;
    atomic_store(&a->cancel, 1);
    thrd_join(a->worker, NULL);
    a->worker_running = 0;
    atomic_store(&a->cancel, 0);
}

static void free_traveler(desk_app *a) {
    stop_worker(a);
    for (int i = 0; i < a->n_slots; i++)
        slot_free(&a->slots[i]);
    a->n_slots = 0;
    plat_tex_destroy(a->face);
    a->face = NULL;
}

/* Renders one document for the desk: every light, every side, at the desk's
 * scale (box-filtered from twice that), plus what the desk needs to know. */
static int build_slot(desk_app *a, int i, const desk_doc_spec *ds, const doc_holder *first,
                      const char *first_state, bl_err *err) {
    doc_slot *s = &a->slots[i];
    if (tpl_builtin(&s->t, ds->template_id, err) != 0) return -1;
    const scn_doc *sd = NULL; /* the scenario's view of this document, if any */
    if (a->cfg.pack && a->st.traveler < a->cfg.pack->n &&
        i < a->cfg.pack->scn[a->st.traveler].n_docs)
        sd = &a->cfg.pack->scn[a->st.traveler].docs[i];
    s->spec.t = &s->t;
    s->spec.seed = ds->seed;
    s->spec.defects = ds->defects;
    s->spec.today = a->cfg.session->today;
    s->spec.dpi = DISPLAY_PX_PER_MM * 2 * 25.4;
    s->spec.has_holder = 1;
    doc_holder_generate(ds->seed, &s->t, s->spec.today, &s->spec.holder);
    /* Without a scenario every document is the first one's holder's; a
     * scenario says so per document (same_holder). */
    if (first && (!a->cfg.pack || ds->same_holder))
        doc_holder_share(&s->spec.holder, first, !strcmp(s->t.kind, "visa") ? first_state : NULL);
    if (sd) { /* the scenario's overrides */
        const scn_holder *o = &sd->holder;
        doc_holder *h = &s->spec.holder;
        if (o->surname[0]) snprintf(h->surname, sizeof h->surname, "%s", o->surname);
        if (o->given_names[0])
            snprintf(h->given_names, sizeof h->given_names, "%s", o->given_names);
        if (o->sex[0]) snprintf(h->sex, sizeof h->sex, "%s", o->sex);
        if (o->nationality[0])
            snprintf(h->nationality, sizeof h->nationality, "%s", o->nationality);
        if (o->birth.y) h->birth = o->birth;
        if (o->expiry.y) h->expiry = o->expiry;
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
    memset(&info, 0, sizeof info);
    snprintf(info.name, sizeof info.name, "%s", s->t.name);
    snprintf(info.template_id, sizeof info.template_id, "%s", s->t.id);
    info.mrz_lines = s->truth->mrz_lines;
    for (int l = 0; l < s->truth->mrz_lines; l++)
        memcpy(info.mrz[l], s->truth->mrz[l], sizeof info.mrz[l]);
    for (int f = 0; f < s->truth->n_features && info.n_features < DESK_MAX_FEATURES; f++) {
        const doc_item *it = &s->truth->features[f];
        double x = it->x / ppm, y = it->y / ppm;
        int side = s->t.n_pieces > 1 && x >= s->t.pieces[1].x ? 1 : 0;
        desk_feature *df = &info.features[info.n_features++];
        df->side = side;
        snprintf(df->kind, sizeof df->kind, "%s", it->kind);
        df->x_mm = x - s->t.pieces[side].x, df->y_mm = y - s->t.pieces[side].y;
        df->w_mm = it->w / ppm, df->h_mm = it->h / ppm;
        df->lights = it->lights;
    }
    desk_set_doc_info(&a->st, i, &info);
    return 0;
}

static int load_traveler(desk_app *a, bl_err *err) {
    free_traveler(a);
    if (a->st.mode == DESK_DONE) return 0;
    const desk_traveler *t = &a->cfg.session->travelers[a->st.traveler];
    for (int i = 0; i < t->n_docs; i++) {
        a->n_slots = i + 1;
        if (build_slot(a, i, &t->docs[i], i ? &a->slots[0].spec.holder : NULL,
                       i ? a->slots[0].t.issuing_state : NULL, err) != 0)
            return err_prefix(err, "traveler %s, document %d (%s)", t->id, i + 1,
                              t->docs[i].template_id);
    }
    /* The person at the counter: the first document's photo, or a lookalike. */
    face_params fp;
    if (a->n_slots > 0) {
        doc_portrait_face(&a->slots[0].spec, &a->slots[0].spec.holder, &fp);
        if (t->impostor > 0) face_vary(&fp, a->slots[0].spec.seed ^ 0x1390u, t->impostor);
    } else { /* no documents: a face of their own, of the scenario's sex */
        uint64_t h = 1469598103934665603ull;
        for (const char *c = t->id; *c; c++)
            h = (h ^ (unsigned char)*c) * 1099511628211ull;
        face_from_seed(h, &fp);
        if (t->sex[0] == 'F') fp.beard = 0;
        if (t->sex[0] == 'M') {
            if (fp.hair_style == 3 || fp.hair_style == 1) fp.hair_style = 0;
        }
    }
    bl_image face;
    if (image_init(&face, 242, 300, err) != 0) return -1;
    face_render(&fp, face.px, face.w, face.h, face.w * 4, 0);
    a->face = plat_tex_create(a->p, &face, 0, 0, err);
    image_deinit(&face);
    if (!a->face) return -1;
    if (!a->cfg.sync_loading && thrd_create(&a->worker, hires_worker, a) == thrd_success)
        a->worker_running = 1;
    return 0;
}

/* ------------------------------------------------------------ text */

static uint64_t text_hash(const char *s, int size, int bold, uint32_t rgba) {
    uint64_t h =
        1469598103934665603ull ^ (uint64_t)size ^ ((uint64_t)bold << 8) ^ ((uint64_t)rgba << 16);
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

typedef struct {
    bl_image *img;
    uint32_t rgba;
} text_ctx;

static void text_plot(void *ud, int x, int y, int cov) {
    text_ctx *c = ud;
    if (x < 0 || y < 0 || x >= c->img->w || y >= c->img->h) return;
    uint8_t *p = c->img->px + ((size_t)y * c->img->w + x) * 4;
    int a = cov * (int)(c->rgba >> 24) / 255;
    if (a > p[3]) {
        p[0] = (uint8_t)c->rgba, p[1] = (uint8_t)(c->rgba >> 8), p[2] = (uint8_t)(c->rgba >> 16);
        p[3] = (uint8_t)a;
    }
}

static text_entry *text_get(desk_app *a, const char *s, int size, int bold, int rtl,
                            uint32_t rgba) {
    uint64_t h = text_hash(s, size, bold | rtl << 1, rgba);
    size_t slot = (size_t)(h % TEXT_CACHE);
    for (int probe = 0; probe < 8; probe++, slot = (slot + 1) % TEXT_CACHE) {
        text_entry *e = &a->text[slot];
        if (e->s && e->size == size && e->bold == bold && e->rtl == rtl && e->rgba == rgba &&
            !strcmp(e->s, s)) {
            e->used = a->st.frame;
            return e;
        }
    }
    /* Not cached: take a free slot, or the least recently used of the probe window. */
    slot = (size_t)(h % TEXT_CACHE);
    text_entry *victim = &a->text[slot];
    for (int probe = 0; probe < 8; probe++) {
        text_entry *e = &a->text[(slot + (size_t)probe) % TEXT_CACHE];
        if (!e->s) {
            victim = e;
            break;
        }
        if (e->used < victim->used) victim = e;
    }
    free(victim->s);
    plat_tex_destroy(victim->t);
    memset(victim, 0, sizeof *victim);
    text_style st = {bold ? a->fonts.sans_bold : a->fonts.sans, a->fonts.arabic, size, 0, rtl};
    text_layout lay;
    bl_err err = {0};
    if (text_layout_make(&st, s, &lay, &err) != 0) return NULL;
    int w = (int)ceil(lay.width) + 2, hh = (int)ceil(lay.ascent + lay.descent) + 2;
    bl_image img;
    if (w < 1) w = 1;
    if (image_init(&img, w, hh, &err) != 0) {
        text_layout_free(&lay);
        return NULL;
    }
    memset(img.px, 0, (size_t)w * hh * 4);
    text_ctx c = {&img, rgba};
    text_layout_draw(&lay, 1, lay.ascent + 1, text_plot, &c);
    victim->t = plat_tex_create(a->p, &img, 0, 1, &err);
    victim->w = w, victim->h = hh, victim->ascent = (int)ceil(lay.ascent) + 1;
    victim->s = strdup(s);
    victim->size = size, victim->bold = bold, victim->rtl = rtl, victim->rgba = rgba,
    victim->used = a->st.frame;
    image_deinit(&img);
    text_layout_free(&lay);
    return victim->t && victim->s ? victim : NULL;
}

/* ------------------------------------------------------------ loupe */

static plat_tex *compose_loupe(desk_app *a) {
    const desk_state *st = &a->st;
    double u, v;
    int d = desk_doc_at(st, st->mx, st->my, &u, &v);
    if (d < 0 || d >= a->n_slots) return NULL;
    doc_slot *s = &a->slots[d];
    int side = st->docs[d].side;
    bl_err err = {0};
    if (atomic_load(&s->hi_state) == 0 && a->cfg.sync_loading) build_hires(a, s);
    double zoom = st->loupe_zoom;
    if (atomic_load(&s->hi_state) == 1) {
        double ppm = s->hi_ppm;
        double cx = (u + s->t.pieces[side].x) * ppm, cy = (v + s->t.pieces[side].y) * ppm;
        double spo = ppm / (DISPLAY_PX_PER_MM * zoom);
        int r = (int)ceil(LOUPE_D * spo * 0.5) + 2;
        int x0 = (int)floor(cx) - r, y0 = (int)floor(cy) - r;
        if (light_scene_render_region(s->hi_sc, (light_kind)st->light, x0, y0, 2 * r, 2 * r,
                                      &a->region, &err) != 0 ||
            loupe_render(&a->region, cx - x0, cy - y0, spo, LOUPE_D, &a->loupe_img, &err) != 0)
            return NULL;
    } else { /* still building: magnify what the desk shows */
        if (loupe_render(&s->disp[st->light][side], u * DISPLAY_PX_PER_MM, v * DISPLAY_PX_PER_MM,
                         1.0 / zoom, LOUPE_D, &a->loupe_img, &err) != 0)
            return NULL;
    }
    if (!a->loupe_tex && !(a->loupe_tex = plat_tex_create(a->p, &a->loupe_img, 1, 1, &err)))
        return NULL;
    plat_tex_update(a->loupe_tex, &a->loupe_img, &err);
    return a->loupe_tex;
}

/* ------------------------------------------------------------ reference */

static plat_tex *reference_tex(desk_app *a, int d, int light, int side, int w, int h) {
    if (d < 0 || d >= a->n_slots) return NULL;
    doc_slot *s = &a->slots[d];
    if (s->ref[light][side]) return s->ref[light][side];
    /* The genuine specimen of the same template: seed 1, no defects. */
    bl_err err = {0};
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

/* Asks the scenario for the traveler's answer to the pending question. A
 * script error does not stop the desk: it is reported, logged, and the
 * traveler gives no answer. */
static void answer(desk_app *a) {
    desk_state *st = &a->st;
    pack *p = a->cfg.pack;
    char key[64] = "interview.no_answer";
    if (p && st->traveler < p->n) {
        scn_ctx ctx = {st->asked, st->lights_used, st->flagged_kinds, st->mrz_used,
                       st->interpreter};
        bl_err err = {0};
        if (scn_answer(p->rt[st->traveler], &p->scn[st->traveler], st->pending_ask, &ctx, key,
                       sizeof key, &err) != 0) {
            fprintf(stderr, "borderlab: %s\n", err.msg);
            if (a->log) {
                char esc[600];
                size_t n = 0;
                for (const char *c = err.msg; *c && n + 2 < sizeof esc; c++) {
                    if (*c == '"' || *c == '\\') esc[n++] = '\\';
                    esc[n++] = *c;
                }
                esc[n] = '\0';
                fprintf(a->log,
                        "{\"t\": %.3f, \"frame\": %ld, \"action\": \"script_error\", "
                        "\"target\": \"%s\", \"params\": {\"message\": \"%s\"}}\n",
                        (double)st->frame / DESK_FPS, st->frame, p->scn[st->traveler].id, esc);
                fflush(a->log);
            }
            snprintf(key, sizeof key, "interview.no_answer");
        }
    }
    desk_set_answer(st, key, write_action, a);
}

/* ------------------------------------------------------------ debrief */

/* The light to show a defect under: UV or IR when they reveal it (what a
 * trainee most often forgets to try), else the first light that does. */
static int telling_light(light_set lights) {
    if (lights & LIGHT_BIT(LIGHT_UV)) return LIGHT_UV;
    if (lights & LIGHT_BIT(LIGHT_IR)) return LIGHT_IR;
    for (int l = 0; l < LIGHT_COUNT; l++)
        if (lights & LIGHT_BIT(l)) return l;
    return LIGHT_VISIBLE;
}

/* desk_note_kind as the journal names it */
static const char *note_names[] = {"ask_missed", "forbidden", "interpreter", "light"};

/* The journal entry of a decided case: everything the end-of-session
 * review, the verdict and the reports need, so a restarted session and the
 * results database never have to score it again. */
static char *case_entry(const desk_app *a, int tv, const desk_debrief *d, const session_case *c,
                        double seconds) {
    const desk_state *st = &a->st;
    cJSON *e = cJSON_CreateObject();
    cJSON_AddStringToObject(e, "kind", "case");
    cJSON_AddStringToObject(e, "traveler", st->session->travelers[tv].id);
    cJSON_AddNumberToObject(e, "index", tv + 1);
    cJSON_AddStringToObject(e, "decision", decision_name(st->decisions[tv]));
    cJSON_AddStringToObject(e, "protection", protection_name(st->protections[tv]));
    if (d->expected >= 1 && d->expected <= 4) {
        cJSON_AddStringToObject(e, "expected", decision_name(d->expected));
        cJSON_AddStringToObject(e, "expected_protection", protection_name(d->expected_protection));
    }
    cJSON_AddNumberToObject(e, "points", round(d->points * 10) / 10);
    cJSON_AddBoolToObject(e, "passed", d->passed);
    cJSON_AddBoolToObject(e, "timed_out", d->timed_out);
    cJSON *crit = cJSON_AddArrayToObject(e, "critical");
    for (int i = 0; i < d->n_critical; i++)
        cJSON_AddItemToArray(crit, cJSON_CreateString(d->critical[i]));
    cJSON *comp = cJSON_AddArrayToObject(e, "competencies");
    cJSON *assessed = cJSON_AddArrayToObject(e, "assessed");
    for (int k = 0; k < COMP_COUNT; k++) {
        cJSON_AddItemToArray(comp, cJSON_CreateNumber(round(d->competency[k] * 1000) / 1000));
        cJSON_AddItemToArray(assessed, cJSON_CreateBool(c->assessed[k]));
    }
    cJSON *missed = cJSON_AddArrayToObject(e, "missed");
    cJSON *items = cJSON_AddArrayToObject(e, "items");
    for (int i = 0; i < d->n_items; i++) {
        const desk_debrief_item *it = &d->items[i];
        if (it->found < 2) cJSON_AddItemToArray(missed, cJSON_CreateString(it->defect));
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "defect", it->defect);
        cJSON_AddNumberToObject(o, "found", it->found);
        cJSON_AddNumberToObject(o, "doc", it->doc);
        cJSON_AddNumberToObject(o, "side", it->side);
        double r[4] = {it->x, it->y, it->w, it->h};
        cJSON *ra = cJSON_AddArrayToObject(o, "mm");
        for (int k = 0; k < 4; k++)
            cJSON_AddItemToArray(ra, cJSON_CreateNumber(round(r[k] * 100) / 100));
        cJSON_AddNumberToObject(o, "light", it->light);
        cJSON_AddItemToArray(items, o);
    }
    cJSON *notes = cJSON_AddArrayToObject(e, "notes");
    for (int i = 0; i < d->n_notes; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "kind", note_names[d->notes[i].kind]);
        if (d->notes[i].key[0]) cJSON_AddStringToObject(o, "key", d->notes[i].key);
        if (d->notes[i].kind == NOTE_LIGHT) cJSON_AddNumberToObject(o, "light", d->notes[i].light);
        cJSON_AddItemToArray(notes, o);
    }
    cJSON_AddStringToObject(e, "why", d->why);
    cJSON_AddNumberToObject(e, "seconds", round(seconds * 1000) / 1000);
    cJSON_AddNumberToObject(e, "t", round(desk_elapsed(st) * 1000) / 1000);
    char *text = cJSON_PrintUnformatted(e);
    cJSON_Delete(e);
    return text;
}

static void journal_write(desk_app *a, const char *entry) {
    bl_err err = {0};
    if (!entry || journal_append(a->journal, entry, &err) != 0) {
        fprintf(stderr, "borderlab: %s\n", entry ? err.msg : "out of memory");
        a->journal_failed = 1;
    }
}

static void add_note(desk_debrief *d, int kind, const char *key, int light) {
    if (d->n_notes >= DEBRIEF_MAX_NOTES) return;
    desk_debrief_note *n = &d->notes[d->n_notes++];
    n->kind = kind, n->light = light;
    snprintf(n->key, sizeof n->key, "%s", key ? key : "");
}

/* The lessons besides the defects: questions that had to be asked, the
 * ones that must never be, the interpreter, the lights the case needed. */
static void debrief_notes(const scenario *s, const score_result *r, desk_debrief *d) {
    for (int i = 0; i < s->expected.n_ask; i++) {
        int q = scenario_question_index(s, s->expected.ask[i]);
        if (q >= 0 && (r->ask_missed & (1u << i)))
            add_note(d, NOTE_ASK_MISSED, s->questions[q].text, 0);
    }
    for (int q = 0; q < s->n_questions; q++)
        if (r->forbidden_asked & (1u << q)) add_note(d, NOTE_FORBIDDEN, s->questions[q].text, 0);
    if (r->interpreter_missed) add_note(d, NOTE_INTERPRETER, NULL, 0);
    for (int l = 0; l < LIGHT_COUNT; l++)
        if (r->lights_missed & LIGHT_BIT(l)) add_note(d, NOTE_LIGHT, NULL, l);
}

/* Scores a decided (or timed-out) case from the action log (the same reading
 * an instructor's offline scoring does), hands the desk its debrief (shown
 * now, or at the end of an exam) and records it in the journal for good
 * before the desk moves on. */
static void on_decision(desk_app *a, int tv) {
    desk_state *st = &a->st;
    desk_debrief d;
    memset(&d, 0, sizeof d);
    d.timed_out = st->timed_out[tv];
    pack *p = a->cfg.pack;
    score_result r;
    memset(&r, 0, sizeof r);
    session_case *c = &a->cases[tv];
    memset(c, 0, sizeof *c);
    double seconds = 0;
    if (p && tv < p->n) {
        const scenario *s = &p->scn[tv];
        score_truth truth;
        score_actions act;
        bl_err err = {0};
        if (score_truth_build(s, &a->fonts, &truth, &err) == 0 &&
            score_actions_from_log(a->log_mem, a->log_len, s, s->id, &act, &err) == 0) {
            act.seconds = seconds = st->case_seconds[tv]; /* across a restart too */
            /* a case passes at the session's mark (the academy's usual 70 elsewhere) */
            score_case(s, &truth, &act, a->cfg.sdef ? a->cfg.sdef->pass_overall : 70, &r);
            d.points = r.points, d.passed = r.passed;
            for (int k = 0; k < COMP_COUNT; k++) {
                d.competency[k] = c->competency[k] = r.competency[k];
                c->assessed[k] = s->rubric[k] > 0;
            }
            d.n_critical = r.n_critical;
            for (int i = 0; i < r.n_critical; i++)
                snprintf(d.critical[i], sizeof d.critical[i], "%s", r.critical[i]);
            for (int i = 0; i < truth.n && d.n_items < DEBRIEF_MAX_ITEMS; i++) {
                desk_debrief_item *it = &d.items[d.n_items++];
                const score_defect *sd = &truth.d[i];
                it->doc = sd->doc, it->side = sd->side;
                snprintf(it->defect, sizeof it->defect, "%s",
                         defect_get((defect_kind)sd->kind)->id);
                it->x = sd->x, it->y = sd->y, it->w = sd->w, it->h = sd->h;
                it->found = r.defect_found[i];
                it->light = telling_light(sd->lights);
            }
            snprintf(d.why, sizeof d.why, "%s", s->expected.why);
            debrief_notes(s, &r, &d);
            d.expected = s->expected.decision, d.expected_protection = s->expected.protection;
        } else {
            fprintf(stderr, "borderlab: debrief: %s\n", err.msg);
        }
    }
    c->points = d.points, c->passed = d.passed, c->n_critical = d.n_critical;
    d.decision = st->decisions[tv], d.protection = st->protections[tv];
    desk_set_debrief(st, tv, &d);
    desk_set_result(st, tv, d.points, d.passed);
    desk_action act;
    memset(&act, 0, sizeof act);
    act.frame = st->frame;
    act.t = (double)st->frame / DESK_FPS;
    act.action = "score";
    snprintf(act.target, sizeof act.target, "%s", st->session->travelers[tv].id);
    snprintf(act.params, sizeof act.params, "{\"points\": %.1f, \"passed\": %s, \"critical\": %d}",
             d.points, d.passed ? "true" : "false", d.n_critical);
    /* in an exam the score stays out of the trainee's log until the end;
     * the journal keeps it */
    if (st->session->debrief) write_action(a, &act);
    if (a->journal) {
        char *e = case_entry(a, tv, &d, c, seconds);
        journal_write(a, e);
        free(e);
    }
}

/* The session is over: its verdict on the summary, and (once) in the journal. */
static void finish_session(desk_app *a) {
    const session_def *sd = a->cfg.sdef;
    desk_state *st = &a->st;
    if (!sd || st->verdict.ready) return;
    session_case cases[DESK_MAX_TRAVELERS];
    int n = 0;
    for (int i = 0; i < st->session->n_travelers; i++)
        if (a->scored[i]) cases[n++] = a->cases[i];
    session_verdict v;
    session_judge(sd, cases, n, st->session->n_travelers, &v);
    desk_verdict dv = {.passed = v.passed,
                       .overall = v.overall,
                       .pass_overall = sd->pass_overall,
                       .critical_fails = sd->critical_fails,
                       .criticals = v.criticals,
                       .time_up = st->time_up};
    for (int k = 0; k < COMP_COUNT; k++)
        dv.competency[k] = v.competency[k], dv.pass_comp[k] = sd->pass_comp[k];
    desk_set_verdict(st, &dv);
    if (!a->journal || a->journal_ended) return;
    cJSON *e = cJSON_CreateObject();
    cJSON_AddStringToObject(e, "kind", "end");
    cJSON_AddStringToObject(e, "reason", st->time_up ? "time_up" : "completed");
    cJSON_AddBoolToObject(e, "passed", v.passed);
    cJSON_AddNumberToObject(e, "overall", round(v.overall * 10) / 10);
    cJSON *comp = cJSON_AddObjectToObject(e, "competencies");
    for (int k = 0; k < COMP_COUNT; k++)
        if (v.competency[k] >= 0)
            cJSON_AddNumberToObject(comp, session_comp_id(k), round(v.competency[k] * 1000) / 1000);
    cJSON *failed = cJSON_AddArrayToObject(e, "failed");
    for (int i = 0; i < v.n_failed; i++)
        cJSON_AddItemToArray(failed, cJSON_CreateString(v.failed[i]));
    cJSON_AddNumberToObject(e, "cases", n);
    cJSON_AddNumberToObject(e, "elapsed", round(desk_elapsed(st) * 1000) / 1000);
    char *text = cJSON_PrintUnformatted(e);
    cJSON_Delete(e);
    journal_write(a, text);
    free(text);
    a->journal_ended = 1;
}

/* Scores every case decided since the last look (a session's time running
 * out decides several at once), then the verdict when the queue is done. */
static void after_change(desk_app *a) {
    for (int i = 0; i < a->st.session->n_travelers; i++)
        if (a->st.decided[i] && !a->scored[i]) {
            a->scored[i] = 1;
            on_decision(a, i);
        }
    if (a->st.mode == DESK_DONE) finish_session(a);
}

/* ------------------------------------------------------------ resume */

typedef struct resume_ctx {
    desk_app *a;
    char *first; /* the first entry's text */
    int cases;   /* case entries */
    double elapsed;
    double case_s; /* time on the traveler in progress when the desk was closed */
    int bad;       /* a case entry does not fit this queue */
    char why[200];
    int ended;
} resume_ctx;

static int json_int(const cJSON *o, const char *k) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsNumber(v) ? v->valueint : 0;
}

static double json_num(const cJSON *o, const char *k) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

/* The value of o[k]'s name (from_name); 0 when absent or unknown. */
static int name_index(const cJSON *o, const char *k, int (*from_name)(const char *)) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    int i = cJSON_IsString(v) ? from_name(v->valuestring) : -1;
    return i > 0 ? i : 0;
}

/* One decided case read back from the journal: its result, debrief and
 * share of the verdict, as they were when it was decided. */
static void restore_case(desk_app *a, const cJSON *e) {
    int tv = json_int(e, "index") - 1;
    if (tv < 0 || tv >= a->st.session->n_travelers) return;
    desk_debrief d;
    memset(&d, 0, sizeof d);
    d.points = json_num(e, "points");
    d.passed = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(e, "passed"));
    d.timed_out = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(e, "timed_out"));
    session_case *c = &a->cases[tv];
    memset(c, 0, sizeof *c);
    const cJSON *comp = cJSON_GetObjectItemCaseSensitive(e, "competencies");
    const cJSON *as = cJSON_GetObjectItemCaseSensitive(e, "assessed");
    for (int k = 0; k < COMP_COUNT; k++) {
        const cJSON *v = cJSON_GetArrayItem(comp, k);
        d.competency[k] = c->competency[k] = cJSON_IsNumber(v) ? v->valuedouble : 0;
        c->assessed[k] = as ? cJSON_IsTrue(cJSON_GetArrayItem(as, k)) : 1;
    }
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(e, "critical")) {
        if (cJSON_IsString(it) && d.n_critical < 4)
            snprintf(d.critical[d.n_critical++], sizeof d.critical[0], "%s", it->valuestring);
    }
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(e, "items")) {
        if (d.n_items >= DEBRIEF_MAX_ITEMS) break;
        desk_debrief_item *di = &d.items[d.n_items++];
        const cJSON *def = cJSON_GetObjectItemCaseSensitive(it, "defect");
        snprintf(di->defect, sizeof di->defect, "%s", cJSON_IsString(def) ? def->valuestring : "");
        di->found = json_int(it, "found"), di->doc = json_int(it, "doc");
        di->side = json_int(it, "side"), di->light = json_int(it, "light");
        const cJSON *mm = cJSON_GetObjectItemCaseSensitive(it, "mm");
        double *r[4] = {&di->x, &di->y, &di->w, &di->h};
        for (int k = 0; k < 4; k++) {
            const cJSON *v = cJSON_GetArrayItem(mm, k);
            *r[k] = cJSON_IsNumber(v) ? v->valuedouble : 0;
        }
    }
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(e, "notes")) {
        const cJSON *k = cJSON_GetObjectItemCaseSensitive(it, "kind");
        const cJSON *key = cJSON_GetObjectItemCaseSensitive(it, "key");
        for (int n = 0; n < 4; n++)
            if (cJSON_IsString(k) && !strcmp(k->valuestring, note_names[n]))
                add_note(&d, n, cJSON_IsString(key) ? key->valuestring : NULL,
                         json_int(it, "light"));
    }
    const cJSON *why = cJSON_GetObjectItemCaseSensitive(e, "why");
    snprintf(d.why, sizeof d.why, "%s", cJSON_IsString(why) ? why->valuestring : "");
    c->points = d.points, c->passed = d.passed, c->n_critical = d.n_critical;
    d.decision = name_index(e, "decision", decision_from_name);
    d.protection = name_index(e, "protection", protection_from_name);
    d.expected = name_index(e, "expected", decision_from_name);
    d.expected_protection = name_index(e, "expected_protection", protection_from_name);
    desk_restore_case(&a->st, tv, d.decision, d.timed_out);
    desk_set_debrief(&a->st, tv, &d);
    desk_set_result(&a->st, tv, d.points, d.passed);
    a->scored[tv] = 1;
}

static void on_entry(void *ud, int seq, const char *json, const char *mac) {
    resume_ctx *r = ud;
    (void)mac;
    cJSON *e = cJSON_Parse(json);
    const cJSON *kind = cJSON_GetObjectItemCaseSensitive(e, "kind");
    const char *k = cJSON_IsString(kind) ? kind->valuestring : "case";
    if (seq == 1) r->first = strdup(json);
    if (!strcmp(k, "case")) {
        /* the cases come in the queue's order, each the traveler it names */
        const cJSON *tr = cJSON_GetObjectItemCaseSensitive(e, "traveler");
        int tv = json_int(e, "index") - 1;
        const desk_session *ds = r->a->st.session;
        if (!r->bad && (tv != r->cases || tv >= ds->n_travelers || !cJSON_IsString(tr) ||
                        strcmp(tr->valuestring, ds->travelers[tv].id))) {
            r->bad = 1;
            snprintf(r->why, sizeof r->why,
                     "entry %d is traveler %d (%.48s), where this queue has %.48s: it was "
                     "recorded with other scenarios",
                     seq, tv + 1, cJSON_IsString(tr) ? tr->valuestring : "?",
                     r->cases < ds->n_travelers ? ds->travelers[r->cases].id : "no one");
        }
        r->cases++;
        r->elapsed = json_num(e, "t");
        r->case_s = 0;
        if (!r->bad) restore_case(r->a, e);
    } else if (!strcmp(k, "stop") || !strcmp(k, "clock")) {
        /* the desk was closed mid-case: the clocks go on from there */
        r->elapsed = json_num(e, "t");
        r->case_s = json_int(e, "index") == r->cases + 1 ? json_num(e, "case_s") : 0;
    } else if (!strcmp(k, "end")) {
        r->ended = 1;
    }
    cJSON_Delete(e);
}

/* A session journal begins with the session's header; a journal begun for
 * another session, trainee or draw of scenarios is not this one's. */
static int same_session(const char *header, const char *first, const char *path, bl_err *err) {
    cJSON *h = cJSON_Parse(header), *f = cJSON_Parse(first ? first : "{}");
    int rc = 0;
    const cJSON *fk = cJSON_GetObjectItemCaseSensitive(f, "kind");
    if (!header) {
        /* a plain desk journal never continues a session's */
        if (cJSON_IsString(fk) && !strcmp(fk->valuestring, "session"))
            rc = err_setc(err, BL_E_USAGE,
                          "the journal '%s' is a certification session's: continue it with "
                          "'borderlab session run', or give this desk its own --journal",
                          path);
    } else if (!cJSON_IsString(fk) || strcmp(fk->valuestring, "session")) {
        rc = err_setc(err, BL_E_REFUSED,
                      "the journal '%s' was not begun by a session: give this session its own "
                      "--journal",
                      path);
    } else {
        /* the same session, trainee, draw and rules: only the start time (and how
         * the name was spelt) may differ */
        const cJSON *k;
        cJSON_ArrayForEach(k, h) {
            if (rc || !strcmp(k->string, "started") || !strcmp(k->string, "trainee_name")) continue;
            char *x = cJSON_PrintUnformatted(k);
            char *y = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(f, k->string));
            if (!x || !y || strcmp(x, y))
                rc = err_setc(err, BL_E_REFUSED,
                              "the journal '%s' was begun with another %s (%.60s, not %.60s): an "
                              "exam continues under the rules it began with; give this session "
                              "its own --journal",
                              path, k->string, y ? y : "none", x ? x : "none");
            free(x);
            free(y);
        }
    }
    cJSON_Delete(h);
    cJSON_Delete(f);
    return rc;
}

/* Opens the journal, restores what it holds (a restarted session resumes
 * after the decided travelers, with the time already spent) and begins a
 * new session journal with its header. */
static int open_journal(desk_app *a, bl_err *err) {
    const desk_app_config *cfg = a->cfg.journal_path ? &a->cfg : NULL;
    if (!cfg) return 0;
    unsigned char key[JOURNAL_KEY_BYTES];
    int entries = 0;
    if (!cfg->key_path)
        return err_setc(err, BL_E_USAGE,
                        "a journal needs its key (--key FILE; make one with 'borderlab results "
                        "keygen FILE')");
    if (journal_key_load(cfg->key_path, key, err) != 0) return -1;
    /* opened and locked, then read back as it is verified: what is restored
     * is what we append to */
    resume_ctx r;
    memset(&r, 0, sizeof r);
    r.a = a;
    a->journal = journal_open_read(cfg->journal_path, key, on_entry, &r, &entries, err);
    if (!a->journal) {
        free(r.first);
        return -1;
    }
    if (journal_repaired(a->journal))
        fprintf(stderr,
                "borderlab: the journal '%s' ended in a line cut short (line %d: a crash while "
                "it was written); that entry was never recorded and is removed\n",
                cfg->journal_path, journal_repaired(a->journal));
    int rc = 0;
    if (rc == 0 && entries > 0)
        rc = same_session(cfg->journal_header, r.first, cfg->journal_path, err);
    if (rc == 0 && r.bad)
        rc = err_setc(err, BL_E_REFUSED, "the journal '%s': %s", cfg->journal_path, r.why);
    free(r.first);
    if (rc != 0) { /* not ours: closed untouched (no stop entry either) */
        journal_close(a->journal);
        a->journal = NULL;
        return -1;
    }
    if (cfg->journal_header && entries == 0) {
        journal_write(a, cfg->journal_header);
        if (a->journal_failed)
            return err_setc(err, BL_E_IO, "cannot begin the journal '%s'", cfg->journal_path);
    }
    a->journal_ended = r.ended;
    desk_resume(&a->st, r.cases, r.elapsed, write_action, a);
    if (a->st.mode < DESK_DONE) desk_resume_case_time(&a->st, r.case_s);
    a->last_clock = desk_elapsed(&a->st);
    /* every case decided because the session's time ran out, the end not yet written */
    const desk_session *ds = a->st.session;
    if (ds->session_limit_s > 0 && r.elapsed >= ds->session_limit_s) a->st.time_up = 1;
    return 0;
}

/* The time spent so far, recorded so that closing the desk, or a crash,
 * cannot reset the clocks: a "stop" entry when the desk closes, a "clock"
 * entry every 30 s while it runs (a crash loses at most that). */
#define CLOCK_EVERY_S 30

static void journal_clock(desk_app *a, const char *kind) {
    const desk_state *st = &a->st;
    if (!a->journal || !a->cfg.journal_header || a->journal_ended || a->journal_failed ||
        st->mode >= DESK_DONE)
        return;
    char e[256];
    snprintf(e, sizeof e, "{\"kind\": \"%s\", \"index\": %d, \"t\": %.3f, \"case_s\": %.3f}", kind,
             st->traveler + 1, desk_elapsed(st), (double)(st->frame - st->case_frame0) / DESK_FPS);
    journal_write(a, e);
    a->last_clock = desk_elapsed(st);
}

/* ------------------------------------------------------------ public */

desk_app *desk_app_create(const desk_app_config *cfg, bl_err *err) {
    desk_app *a = calloc(1, sizeof *a);
    if (!a) {
        err_set(err, "out of memory");
        return NULL;
    }
    a->cfg = *cfg;
    if (a->cfg.loupe_dpi <= 0) a->cfg.loupe_dpi = 600;
    if (fonts_load(&a->fonts, err) != 0) {
        free(a);
        return NULL;
    }
    if (cfg->log_path && !(a->log = fopen(cfg->log_path, "a"))) {
        err_setc(err, BL_E_IO, "cannot write the action log '%s': %s", cfg->log_path,
                 strerror(errno));
        goto fail;
    }
    if (cfg->record_path) {
        /* "x": an earlier recording (a disputed exam's, say) is never overwritten */
        if (!(a->rec = fopen(cfg->record_path, "wx"))) {
            err_setc(err, BL_E_IO, "cannot write the input recording '%s': %s%s", cfg->record_path,
                     strerror(errno),
                     errno == EEXIST ? " (an earlier recording is kept: choose another name)" : "");
            goto fail;
        }
        fprintf(a->rec, "# borderlab input v1 (session %s)\n", cfg->session->id);
        fflush(a->rec);
    }
    /* English first: every other catalogue falls back to it. */
    int first = 0;
    const char *order[3] = {"en", "fr", "ar"};
    for (int i = 0; i < 3; i++) {
        const char *json = i18n_builtin_json(order[i]);
        if (!json) continue;
        i18n *c =
            i18n_load_json(json, strlen(json), order[i], a->n_langs ? a->langs[0] : NULL, err);
        if (!c) goto fail;
        if (cfg->lang && !strcmp(cfg->lang, order[i])) first = a->n_langs;
        a->langs[a->n_langs++] = c;
    }
    if (cfg->lang && !first && strcmp(cfg->lang, "en")) {
        err_setc(err, BL_E_USAGE, "unknown language '%s' (en, fr, ar)", cfg->lang);
        goto fail;
    }
    plat_config pc = {DESK_W, DESK_H, cfg->headless, "borderlab - inspection desk"};
    if (!(a->p = plat_create(&pc, err))) goto fail;
    desk_init(&a->st, cfg->session, (const i18n *const *)a->langs, a->n_langs, write_action, a);
    desk_set_language(&a->st, first, write_action, a);
    if (cfg->pack) {
        const char *codes[8];
        for (int i = 0; i < a->n_langs; i++)
            codes[i] = i18n_lang(a->langs[i]);
        pack_bind_languages(cfg->pack, codes, a->n_langs);
    }
    if (open_journal(a, err) != 0) goto fail;
    if (load_traveler(a, err) != 0) goto fail;
    after_change(a); /* a journal that ends the session: the summary and its verdict */
    return a;
fail:
    desk_app_destroy(a);
    return NULL;
}

void desk_app_destroy(desk_app *a) {
    if (!a) return;
    journal_clock(a, "stop");
    free_traveler(a);
    for (int i = 0; i < TEXT_CACHE; i++) {
        free(a->text[i].s);
        plat_tex_destroy(a->text[i].t);
    }
    plat_tex_destroy(a->loupe_tex);
    image_deinit(&a->loupe_img);
    image_deinit(&a->region);
    plat_destroy(a->p);
    doc_fonts_unload(&a->fonts);
    for (int i = 0; i < a->n_langs; i++)
        i18n_destroy(a->langs[i]);
    journal_close(a->journal);
    if (a->log) fclose(a->log);
    free(a->log_mem);
    if (a->rec) fclose(a->rec);
    free(a);
}

int desk_app_event(desk_app *a, const input_event *ev, bl_err *err) {
    if (a->rec) {
        input_event r = *ev;
        r.frame = a->st.frame;
        input_write(a->rec, &r);
        fflush(a->rec);
    }
    if (ev->kind == EV_QUIT) return 1;
    if (ev->kind == EV_RESIZE) plat_resize(a->p, ev->x, ev->y); /* a replayed resize */
    int was_note = a->st.mode == DESK_FLAG_NOTE;
    if (desk_step(&a->st, ev, write_action, a) && load_traveler(a, err) != 0) return -1;
    if (a->st.pending_ask >= 0) answer(a);
    after_change(a);
    if (a->journal_failed)
        return err_setc(err, BL_E_IO,
                        "the results journal could not be written: the session stops so that "
                        "no decision goes unrecorded");
    int is_note = a->st.mode == DESK_FLAG_NOTE;
    if (was_note != is_note) plat_text_input(a->p, is_note);
    return 0;
}

int desk_app_tick(desk_app *a, bl_err *err) {
    if (desk_tick(&a->st, write_action, a) && load_traveler(a, err) != 0) return -1;
    after_change(a);
    if (desk_elapsed(&a->st) - a->last_clock >= CLOCK_EVERY_S) journal_clock(a, "clock");
    if (a->journal_failed)
        return err_setc(err, BL_E_IO,
                        "the results journal could not be written: the session stops so that "
                        "no decision goes unrecorded");
    return 0;
}

/* Draws a text broken into lines no wider than -c->max_w, word by word. */
static void draw_wrapped(desk_app *a, const draw_cmd *c, int rtl) {
    int width = -c->max_w, y = c->y;
    text_style st = {c->bold ? a->fonts.sans_bold : a->fonts.sans, a->fonts.arabic, c->size, 0,
                     rtl};
    const char *p = c->text;
    char line[512];
    while (*p) {
        /* grow the line word by word while it fits */
        size_t best = 0, len = 0;
        for (;;) {
            while (p[len] && p[len] != ' ')
                len++;
            if (len >= sizeof line) break;
            memcpy(line, p, len);
            line[len] = '\0';
            text_layout lay;
            bl_err err = {0};
            double w = text_layout_make(&st, line, &lay, &err) == 0 ? lay.width : 0;
            text_layout_free(&lay);
            if (w > width && best) break;
            best = len;
            if (!p[len] || w > width) break;
            len++; /* the space */
        }
        if (!best) best = len ? len : strlen(p);
        if (best >= sizeof line) best = sizeof line - 1;
        memcpy(line, p, best);
        line[best] = '\0';
        text_entry *e = text_get(a, line, c->size, c->bold, rtl, c->rgba);
        if (e) {
            int x = c->x - (c->align == 1 ? e->w / 2 : c->align == 2 ? e->w : 0);
            plat_draw(a->p, e->t, x, y - e->ascent, e->w, e->h);
        }
        y += c->size * 4 / 3;
        p += best;
        while (*p == ' ')
            p++;
    }
}

int desk_app_draw(desk_app *a, bl_err *err) {
    (void)err;
    desk_draw(&a->st, &a->dl);
    for (int i = 0; i < a->dl.n; i++) {
        const draw_cmd *c = &a->dl.cmd[i];
        switch (c->kind) {
        case DRAW_FILL:
            plat_fill(a->p, c->x, c->y, c->w, c->h, c->rgba);
            break;
        case DRAW_FRAME:
            plat_frame(a->p, c->x, c->y, c->w, c->h, c->thick, c->rgba);
            break;
        case DRAW_CLIP:
            plat_clip(a->p, c->x, c->y, c->w, c->h);
            break;
        case DRAW_TEXT: {
            int rtl = c->dir ? c->dir == 2 : desk_rtl(&a->st);
            if (c->max_w < 0) {
                draw_wrapped(a, c, rtl);
                break;
            }
            text_entry *e = text_get(a, c->text, c->size, c->bold, rtl, c->rgba);
            if (e && c->max_w > 0 && e->w > c->max_w && c->size > 8) {
                int size = c->size * c->max_w / e->w; /* too long for its box: smaller */
                e = text_get(a, c->text, size < 8 ? 8 : size, c->bold, rtl, c->rgba);
            }
            if (!e) break;
            int x = c->x - (c->align == 1 ? e->w / 2 : c->align == 2 ? e->w : 0);
            plat_draw(a->p, e->t, x, c->y - e->ascent, e->w, e->h);
            break;
        }
        case DRAW_TEX: {
            plat_tex *t = NULL;
            if (c->tex == TEX_FACE)
                t = a->face;
            else if (c->tex == TEX_DOC && c->a < a->n_slots)
                t = a->slots[c->a].tex[c->b][c->c];
            else if (c->tex == TEX_COVER && c->a < a->n_slots)
                t = a->slots[c->a].cover;
            else if (c->tex == TEX_LOUPE)
                t = compose_loupe(a);
            else if (c->tex == TEX_REF)
                t = reference_tex(a, c->a, c->b, c->c, c->w, c->h);
            if (t) plat_draw(a->p, t, c->x, c->y, c->w, c->h);
            break;
        }
        }
    }
    return 0;
}

void desk_app_present(desk_app *a) {
    plat_present(a->p);
}

int desk_app_screenshot(desk_app *a, const char *path, bl_err *err) {
    bl_image img;
    if (plat_read(a->p, &img, err) != 0) return -1;
    int rc = image_save_png(&img, path, err);
    image_deinit(&img);
    return rc;
}

int desk_app_reload_traveler(desk_app *a, bl_err *err) {
    if (a->cfg.pack) {
        const char *codes[8];
        for (int i = 0; i < a->n_langs; i++)
            codes[i] = i18n_lang(a->langs[i]);
        pack_bind_languages(a->cfg.pack, codes, a->n_langs);
    }
    desk_restart_traveler(&a->st, write_action, a);
    return load_traveler(a, err);
}

const desk_state *desk_app_state(const desk_app *a) {
    return &a->st;
}

plat *desk_app_plat(desk_app *a) {
    return a->p;
}

void desk_app_wait_loading(desk_app *a) {
    if (a->worker_running) {
        thrd_join(a->worker, NULL);
        a->worker_running = 0;
    }
    for (int i = 0; i < a->n_slots; i++)
        if (atomic_load(&a->slots[i].hi_state) == 0) build_hires(a, &a->slots[i]);
}
