/* light.c - see light.h */
#include "light.h"

#include <stdlib.h>
#include "light_tilt.h"
#include <string.h>
#include <threads.h>

static const struct {
    const char *name, *desc;
} lights[LIGHT_COUNT] = {
    {"visible", "white light, reflected"},
    {"uv", "ultraviolet 365 nm: fluorescence, dull security paper"},
    {"ir", "infrared 870 nm: IR-absorbing inks stay dark, others vanish"},
    {"oblique", "raking white light: intaglio, embossing, laminate edges"},
    {"transmitted", "light from behind: watermark, see-through register, perforation"},
    {"coaxial", "light along the line of sight: retroreflective laminate, specular foil"},
};

const char *light_name(light_kind l) {
    return (unsigned)l < LIGHT_COUNT ? lights[l].name : "?";
}

const char *light_description(light_kind l) {
    return (unsigned)l < LIGHT_COUNT ? lights[l].desc : "?";
}

int light_from_name(const char *name) {
    for (int i = 0; i < LIGHT_COUNT; i++)
        if (strcmp(name, lights[i].name) == 0) return i;
    return -1;
}

/* One layer step: c' = c * m / 256 + e. */
typedef struct {
    uint16_t m;
    uint8_t e[3];
    uint8_t pad;
} lut_entry;

typedef struct {
    lut_entry ink[MATBUF_MAX_INKS][256];
    uint8_t sub[MATBUF_MAX_SUBS][3];
    lut_entry back[256];
} light_lut;

/* How an ink answers a light: absorption a (0-255) and emitted/reflected colour e. */
static void ink_response(const mat_ink *k, light_kind l, int *a, int e[3]) {
    switch (l) {
    case LIGHT_UV:
        *a = k->uv_abs;
        for (int c = 0; c < 3; c++)
            e[c] = k->uv_emit[c];
        break;
    case LIGHT_IR:
        *a = k->ir_abs;
        e[0] = e[1] = e[2] = 0;
        break;
    case LIGHT_TRANSMITTED:
        *a = k->t_opacity;
        e[0] = e[1] = e[2] = 0;
        break;
    default: /* visible and oblique reflect the ink's colour */
        *a = k->vis_abs;
        for (int c = 0; c < 3; c++)
            e[c] = k->vis[c] * k->vis_abs / 255;
        break;
    }
}

static void sub_response(const mat_substrate *s, light_kind l, uint8_t out[3]) {
    switch (l) {
    case LIGHT_UV:
        memcpy(out, s->uv, 3);
        break;
    case LIGHT_IR:
        out[0] = out[1] = out[2] = s->ir;
        break;
    case LIGHT_TRANSMITTED: /* a slightly warm light box */
        out[0] = s->trans;
        out[1] = (uint8_t)(s->trans * 250 / 255);
        out[2] = (uint8_t)(s->trans * 232 / 255);
        break;
    case LIGHT_COAXIAL: /* matte paper sends little straight back: darker, cooler */
        out[0] = (uint8_t)(s->vis[0] * 190 / 255);
        out[1] = (uint8_t)(s->vis[1] * 194 / 255);
        out[2] = (uint8_t)(s->vis[2] * 204 / 255);
        break;
    default:
        memcpy(out, s->vis, 3);
        break;
    }
}

static lut_entry entry(int a, const int e[3], int cov) {
    lut_entry le;
    int t = cov * a / 255;
    le.m = (uint16_t)(256 - t - (t >> 7));
    for (int c = 0; c < 3; c++)
        le.e[c] = (uint8_t)(cov * e[c] / 255);
    le.pad = 0;
    return le;
}

static void build_lut(const matbuf *mb, light_kind l, light_lut *lut) {
    for (int i = 0; i < mb->n_inks; i++) {
        int a, e[3];
        ink_response(&mb->inks[i], l, &a, e);
        if (i == 0) a = 0, e[0] = e[1] = e[2] = 0;
        for (int cov = 0; cov < 256; cov++)
            lut->ink[i][cov] = entry(a, e, cov);
    }
    for (int i = 0; i < mb->n_subs; i++)
        sub_response(&mb->subs[i], l, lut->sub[i]);
    int ba = 0, be[3] = {0, 0, 0};
    if (l == LIGHT_TRANSMITTED && mb->back_ink > 0 && mb->back_ink < mb->n_inks)
        ink_response(&mb->inks[mb->back_ink], l, &ba, be);
    for (int cov = 0; cov < 256; cov++)
        lut->back[cov] = entry(ba, be, cov);
}

static inline uint8_t clamp8(int v) {
    return (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
}

/* ------------------------------------------------------------ scene
 * A document has far fewer distinct material stacks than pixels (paper,
 * a dozen inks, anti-aliased edges). The scene numbers each distinct stack
 * once; a light then computes one colour per stack and each pixel copies its
 * stack's colour. Oblique light also needs the relief's slope, computed once. */

/* sub:3 | bg ink:6 cov:8 | uv ink:6 cov:8 | fg ink:6 cov:8 | back:8 | thick:8 | retro:3
 * = 64 bits. Coverages, back print and thickness keep their top 6 bits: 64
 * levels of an anti-aliased edge are invisible, and it cuts the number of
 * stacks 4-fold; the retroreflective laminate keeps 8 levels. */
static inline uint64_t stack_key(const matbuf *mb, size_t i) {
    const uint64_t q = 0xFC;
    return (uint64_t)mb->sub[i] | (uint64_t)mb->ink[0][i] << 3 | (mb->cov[0][i] & q) << 9 |
           (uint64_t)mb->ink[1][i] << 17 | (mb->cov[1][i] & q) << 23 |
           (uint64_t)mb->ink[2][i] << 31 | (mb->cov[2][i] & q) << 37 | (mb->back[i] & q) << 45 |
           (mb->thick[i] & q) << 53 | (uint64_t)(mb->retro[i] >> 5) << 61;
}

struct light_scene {
    const matbuf *mb; /* NULL once detached */
    int w, h;
    uint32_t *idx;  /* per pixel: its stack */
    uint8_t *shade; /* per pixel: raking-light factor (oblique) */
    uint64_t *keys; /* per stack */
    uint32_t n;
    uint32_t *palette[LIGHT_COUNT]; /* per light, computed on first region render */
    light_ovd ovd;                  /* the optically variable pixels (light_tilt.h) */
};

static uint64_t mix64(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return k;
}

/* Distinct stacks of one part of the image: keys in order of first sight and
 * an open-addressing index (stack number + 1; 0 = empty), kept half empty. */
typedef struct {
    uint64_t *keys;
    uint32_t n, cap;
    uint32_t *h;
    uint32_t hsize;
} stack_table;

static int table_init(stack_table *t) {
    t->n = 0, t->cap = 4096, t->hsize = 1u << 16;
    t->keys = malloc(t->cap * sizeof *t->keys);
    t->h = calloc(t->hsize, sizeof *t->h);
    return t->keys && t->h ? 0 : -1;
}

static void table_free(stack_table *t) {
    free(t->keys);
    free(t->h);
}

/* Returns the key's stack number, adding it when new; UINT32_MAX when out of memory. */
static uint32_t table_get(stack_table *t, uint64_t k) {
    uint32_t p = (uint32_t)mix64(k) & (t->hsize - 1);
    while (t->h[p]) {
        if (t->keys[t->h[p] - 1] == k) return t->h[p] - 1;
        p = (p + 1) & (t->hsize - 1);
    }
    if (t->n == t->cap) {
        uint64_t *nk = realloc(t->keys, (size_t)t->cap * 2 * sizeof *nk);
        if (!nk) return UINT32_MAX;
        t->keys = nk;
        t->cap *= 2;
    }
    t->keys[t->n++] = k;
    t->h[p] = t->n;
    if (t->n * 2 > t->hsize) {
        uint32_t nsize = t->hsize * 2;
        uint32_t *nh = calloc(nsize, sizeof *nh);
        if (!nh) return UINT32_MAX;
        for (uint32_t s = 0; s < t->n; s++) {
            uint32_t q = (uint32_t)mix64(t->keys[s]) & (nsize - 1);
            while (nh[q])
                q = (q + 1) & (nsize - 1);
            nh[q] = s + 1;
        }
        free(t->h);
        t->h = nh;
        t->hsize = nsize;
    }
    return t->n - 1;
}

typedef struct {
    light_scene *sc;
    stack_table t;
    int y0, y1;
    int failed;
} index_job;

/* Numbers the stacks of rows [y0, y1) and computes their raking-light shade. */
static int index_rows(void *arg) {
    index_job *j = arg;
    const matbuf *mb = j->sc->mb;
    if (table_init(&j->t) != 0) {
        j->failed = 1;
        return 0;
    }
    uint64_t last = ~0ull;
    uint32_t last_i = 0;
    for (size_t i = (size_t)j->y0 * mb->w; i < (size_t)j->y1 * mb->w; i++) {
        uint64_t k = stack_key(mb, i);
        if (k != last) { /* neighbours usually share a stack */
            last_i = table_get(&j->t, k);
            if (last_i == UINT32_MAX) {
                j->failed = 1;
                return 0;
            }
            last = k;
        }
        j->sc->idx[i] = last_i;
    }
    /* Raking light from the upper left: a slope facing it is lit, the far
     * side is in shadow; flat paper is dimmer than under the lamp. */
    for (int y = j->y0; y < j->y1; y++) {
        const uint8_t *rel = mb->relief + (size_t)y * mb->w;
        const uint8_t *up = mb->relief + (size_t)(y > 0 ? y - 1 : y) * mb->w;
        const uint8_t *dn = mb->relief + (size_t)(y < mb->h - 1 ? y + 1 : y) * mb->w;
        uint8_t *sh = j->sc->shade + (size_t)y * mb->w;
        for (int x = 0; x < mb->w; x++) {
            int gx = (int)rel[x > 0 ? x - 1 : x] - (int)rel[x < mb->w - 1 ? x + 1 : x];
            int gy = (int)up[x] - (int)dn[x];
            sh[x] = clamp8(150 - 3 * (gx + gy));
        }
    }
    return 0;
}

light_scene *light_scene_create(const matbuf *mb, bl_err *err) {
    light_scene *sc = calloc(1, sizeof *sc);
    size_t npx = (size_t)mb->w * (size_t)mb->h;
    index_job jobs[2];
    memset(jobs, 0, sizeof jobs);
    uint32_t *remap = NULL;
    if (!sc) goto oom;
    sc->mb = mb;
    sc->w = mb->w, sc->h = mb->h;
    sc->idx = malloc(npx * sizeof *sc->idx);
    sc->shade = malloc(npx);
    if (!sc->idx || !sc->shade) goto oom;
    /* Two halves in parallel, each with its own table; then the second
     * half's stack numbers are mapped into the first's. */
    jobs[0] = (index_job){sc, {0}, 0, mb->h / 2, 0};
    jobs[1] = (index_job){sc, {0}, mb->h / 2, mb->h, 0};
    thrd_t th;
    int threaded = thrd_create(&th, index_rows, &jobs[1]) == thrd_success;
    index_rows(&jobs[0]);
    if (threaded)
        thrd_join(th, NULL);
    else
        index_rows(&jobs[1]);
    if (jobs[0].failed || jobs[1].failed || light_ovd_init(&sc->ovd, mb) != 0) goto oom;
    remap = malloc((jobs[1].t.n + 1) * sizeof *remap);
    if (!remap) goto oom;
    for (uint32_t s = 0; s < jobs[1].t.n; s++) {
        remap[s] = table_get(&jobs[0].t, jobs[1].t.keys[s]);
        if (remap[s] == UINT32_MAX) goto oom;
    }
    for (size_t i = (size_t)jobs[1].y0 * mb->w; i < npx; i++)
        sc->idx[i] = remap[sc->idx[i]];
    sc->keys = jobs[0].t.keys;
    sc->n = jobs[0].t.n;
    jobs[0].t.keys = NULL;
    free(remap);
    table_free(&jobs[0].t);
    table_free(&jobs[1].t);
    return sc;
oom:
    free(remap);
    table_free(&jobs[0].t);
    table_free(&jobs[1].t);
    light_scene_destroy(sc);
    err_set(err, "out of memory preparing a %dx%d document for lighting", mb->w, mb->h);
    return NULL;
}

void light_scene_destroy(light_scene *sc) {
    if (!sc) return;
    for (int l = 0; l < LIGHT_COUNT; l++)
        free(sc->palette[l]);
    free(sc->idx);
    free(sc->shade);
    free(sc->keys);
    light_ovd_deinit(&sc->ovd);
    free(sc);
}

int light_scene_stacks(const light_scene *sc) {
    return (int)sc->n;
}

static uint32_t *make_palette(const light_scene *sc, light_kind l);

int light_scene_detach(light_scene *sc, bl_err *err) {
    for (int l = 0; l < LIGHT_COUNT; l++)
        if (!sc->palette[l] && !(sc->palette[l] = make_palette(sc, (light_kind)l)))
            return err_setc(err, BL_E_NOMEM, "out of memory for the %s light",
                            light_name((light_kind)l));
    sc->mb = NULL;
    return 0;
}

size_t light_scene_bytes(const light_scene *sc) {
    size_t n = sizeof *sc + (size_t)sc->w * (size_t)sc->h * (sizeof *sc->idx + 1) +
               (size_t)sc->n * sizeof *sc->keys;
    for (int l = 0; l < LIGHT_COUNT; l++)
        if (sc->palette[l]) n += (size_t)sc->n * sizeof(uint32_t);
    return n + light_ovd_bytes(&sc->ovd);
}

/* The colour of one material stack under one light (before oblique shading). */
static uint32_t stack_color(const light_lut *lut, light_kind l, uint64_t k) {
    const uint8_t *s = lut->sub[k & 7];
    unsigned r = s[0], g = s[1], b = s[2];
    if (l == LIGHT_TRANSMITTED) {
        unsigned t = (unsigned)(k >> 53) & 255;
        const lut_entry *bk = &lut->back[(k >> 45) & 255];
        r = (r * t >> 7) * bk->m >> 8;
        g = (g * t >> 7) * bk->m >> 8;
        b = (b * t >> 7) * bk->m >> 8;
    }
    for (int L = 0; L < LAYER_COUNT; L++) {
        unsigned ink = (unsigned)(k >> (3 + 14 * L)) & 63,
                 cov = (unsigned)(k >> (9 + 14 * L)) & 255;
        const lut_entry *e = &lut->ink[ink][cov];
        r = (r * e->m >> 8) + e->e[0];
        g = (g * e->m >> 8) + e->e[1];
        b = (b * e->m >> 8) + e->e[2];
    }
    if (l == LIGHT_IR) r = g = b = (r * 3 + g * 4 + b) >> 3;
    if (l == LIGHT_COAXIAL) { /* the laminate's beads send the lamp straight back */
        unsigned rt = (unsigned)(k >> 61) & 7;
        r += rt * 15, g += rt * 15, b += rt * 13;
    }
    /* Outside the document (substrate 0) is transparent: the desk shows
     * through a card's rounded corners. */
    uint32_t alpha = (k & 7) == 0 ? 0u : 0xFF000000u;
    return (uint32_t)clamp8((int)r) | (uint32_t)clamp8((int)g) << 8 |
           (uint32_t)clamp8((int)b) << 16 | alpha;
}

typedef struct {
    const light_scene *sc;
    const uint32_t *pal;
    light_kind l;
    uint8_t *px;
    size_t from, to;
} pass_job;

static int pass_run(void *arg) {
    const pass_job *j = arg;
    const uint32_t *idx = j->sc->idx, *pal = j->pal;
    if (j->l == LIGHT_OBLIQUE) {
        const uint8_t *sh = j->sc->shade;
        for (size_t i = j->from; i < j->to; i++) {
            uint32_t c = pal[idx[i]];
            unsigned s = sh[i];
            uint8_t *o = j->px + i * 4;
            o[0] = (uint8_t)((c & 255) * s >> 8 > 255 ? 255 : (c & 255) * s >> 8);
            o[1] = (uint8_t)(((c >> 8) & 255) * s >> 8 > 255 ? 255 : ((c >> 8) & 255) * s >> 8);
            o[2] = (uint8_t)(((c >> 16) & 255) * s >> 8 > 255 ? 255 : ((c >> 16) & 255) * s >> 8);
            o[3] = (uint8_t)(c >> 24);
        }
    } else {
        uint32_t *o = (uint32_t *)(void *)j->px;
        for (size_t i = j->from; i < j->to; i++)
            o[i] = pal[idx[i]];
    }
    return 0;
}

int light_scene_render(const light_scene *sc, light_kind l, bl_image *out, bl_err *err) {
    return light_scene_render_tilt(sc, l, 0, out, err);
}

int light_scene_render_tilt(const light_scene *sc, light_kind l, double tilt_deg, bl_image *out,
                            bl_err *err) {
    if ((unsigned)l >= LIGHT_COUNT) return err_set(err, "unknown light %d", (int)l);
    if (!sc->mb) return err_set(err, "a detached scene renders regions only");
    const matbuf *mb = sc->mb;
    if (!out->px || out->w != mb->w || out->h != mb->h) {
        image_deinit(out);
        if (image_init(out, mb->w, mb->h, err) != 0) return -1;
    }
    /* 130 KB: too big for the stack; building it costs ~20 us, far below a pass. */
    light_lut *lut = malloc(sizeof *lut);
    uint32_t *pal = malloc((size_t)sc->n * sizeof *pal);
    if (!lut || !pal) {
        free(lut);
        free(pal);
        return err_set(err, "out of memory for the %s light", light_name(l));
    }
    build_lut(mb, l, lut);
    for (uint32_t s = 0; s < sc->n; s++)
        pal[s] = stack_color(lut, l, sc->keys[s]);
    /* RGBA bytes in memory order: on a little-endian machine the uint32
     * 0xAABBGGRR is R,G,B,A. */
    size_t npx = (size_t)mb->w * (size_t)mb->h;
    pass_job jobs[2] = {{sc, pal, l, out->px, 0, npx / 2}, {sc, pal, l, out->px, npx / 2, npx}};
    thrd_t t;
    int threaded = npx > 65536 && thrd_create(&t, pass_run, &jobs[1]) == thrd_success;
    pass_run(&jobs[0]);
    if (threaded)
        thrd_join(t, NULL);
    else
        pass_run(&jobs[1]);
    light_ovd_apply(&sc->ovd, l, tilt_deg, out->px, 0, 0, mb->w, mb->h);
    free(pal);
    free(lut);
    return 0;
}

static uint32_t *make_palette(const light_scene *sc, light_kind l) {
    light_lut *lut = malloc(sizeof *lut);
    uint32_t *pal = malloc((size_t)(sc->n ? sc->n : 1) * sizeof *pal);
    if (!lut || !pal) {
        free(lut);
        free(pal);
        return NULL;
    }
    build_lut(sc->mb, l, lut);
    for (uint32_t s = 0; s < sc->n; s++)
        pal[s] = stack_color(lut, l, sc->keys[s]);
    free(lut);
    return pal;
}

int light_scene_render_region(light_scene *sc, light_kind l, int x, int y, int w, int h,
                              bl_image *out, bl_err *err) {
    return light_scene_render_region_tilt(sc, l, 0, x, y, w, h, out, err);
}

int light_scene_varies_with_tilt(const light_scene *sc) {
    return sc->ovd.n > 0;
}

int light_scene_render_region_tilt(light_scene *sc, light_kind l, double tilt_deg, int x, int y,
                                   int w, int h, bl_image *out, bl_err *err) {
    if ((unsigned)l >= LIGHT_COUNT) return err_set(err, "unknown light %d", (int)l);
    if (!sc->palette[l] && !(sc->palette[l] = make_palette(sc, l)))
        return err_set(err, "out of memory for the %s light", light_name(l));
    if (!out->px || out->w != w || out->h != h) {
        image_deinit(out);
        if (image_init(out, w, h, err) != 0) return -1;
    }
    const uint32_t *pal = sc->palette[l];
    const int sw = sc->w, sh_ = sc->h;
    for (int yy = 0; yy < h; yy++) {
        uint8_t *o = out->px + (size_t)yy * w * 4;
        int sy = y + yy;
        for (int xx = 0; xx < w; xx++, o += 4) {
            int sx = x + xx;
            if (sx < 0 || sy < 0 || sx >= sw || sy >= sh_) {
                o[0] = o[1] = o[2] = o[3] = 0;
                continue;
            }
            size_t i = (size_t)sy * sw + sx;
            uint32_t c = pal[sc->idx[i]];
            unsigned sh = l == LIGHT_OBLIQUE ? sc->shade[i] : 256;
            for (int k = 0; k < 3; k++) {
                unsigned v = ((c >> (8 * k)) & 255) * sh >> 8;
                o[k] = (uint8_t)(v > 255 ? 255 : v);
            }
            o[3] = (uint8_t)(c >> 24);
        }
    }
    light_ovd_apply(&sc->ovd, l, tilt_deg, out->px, x, y, w, h);
    return 0;
}

int light_render(const matbuf *mb, light_kind l, bl_image *out, bl_err *err) {
    if ((unsigned)l >= LIGHT_COUNT) return err_set(err, "unknown light %d", (int)l);
    light_scene *sc = light_scene_create(mb, err);
    if (!sc) return -1;
    int rc = light_scene_render(sc, l, out, err);
    light_scene_destroy(sc);
    return rc;
}
