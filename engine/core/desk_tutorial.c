/* desk_tutorial.c - the guided first case's steps: which one is shown, when
 * it is done, skipping (see desk_tutorial.h). The desk's own files call in
 * at three points (desk_internal.h): a traveler arrives, an input event was
 * applied, K was pressed while examining. Its banner and debrief are drawn
 * by desk_draw_tutorial.c.
 */
#include "desk_tutorial.h"

#include <math.h>
#include <string.h>

#include "desk_internal.h"

static const struct {
    const char *id, *key, *name;
} steps[TUT_STEPS] = {
    [TUT_OPEN] = {"open", "tutorial.open", "tutorial.name.open"},
    [TUT_UV] = {"uv", "tutorial.uv", "tutorial.name.uv"},
    [TUT_IR] = {"ir", "tutorial.ir", "tutorial.name.ir"},
    [TUT_LOUPE] = {"loupe", "tutorial.loupe", "tutorial.name.loupe"},
    [TUT_REFERENCE] = {"reference", "tutorial.reference", "tutorial.name.reference"},
    [TUT_MRZ] = {"mrz", "tutorial.mrz", "tutorial.name.mrz"},
    [TUT_FLAG] = {"flag", "tutorial.flag", "tutorial.name.flag"},
    [TUT_ASK] = {"ask", "tutorial.ask", "tutorial.name.ask"},
    [TUT_INTERPRETER] = {"interpreter", "tutorial.interpreter", "tutorial.name.interpreter"},
    [TUT_DECIDE] = {"decide", "tutorial.decide", "tutorial.name.decide"},
};

const char *desk_tutorial_step_id(int s) {
    return s >= 0 && s < TUT_STEPS ? steps[s].id : NULL;
}

const char *desk_tutorial_step_key(int s) {
    return s >= 0 && s < TUT_STEPS ? steps[s].key : NULL;
}

const char *desk_tutorial_name_key(int s) {
    return s >= 0 && s < TUT_STEPS ? steps[s].name : NULL;
}

desk_rect desk_tutorial_banner(void) {
    /* below the kind and question menus (which end at y 510), left of the
     * panels (the MRZ reader's edge, the leftmost), above the toolbar */
    const desk_rect dk = desk_layout.desk;
    return (desk_rect){dk.x + 6, 514, desk_layout.mrz_panel.x - 4 - (dk.x + 6),
                       dk.y + dk.h - 4 - 514};
}

/* ------------------------------------------------------------ queries */

int desk_tutorial_current(const desk_state *st) {
    if (st->mode == DESK_DONE || !desk_current_traveler(st)->tutorial) return -1;
    return st->tutorial.step;
}

int desk_tutorial_available(const desk_state *st, int i, int s) {
    if (i < 0 || i >= st->session->n_travelers || s < 0 || s >= TUT_STEPS) return 0;
    const desk_traveler *t = &st->session->travelers[i];
    switch (s) {
    case TUT_OPEN:
        for (int d = 0; d < t->n_docs; d++)
            if (t->docs[d].passport) return 1;
        return 0;
    case TUT_MRZ:
        return st->session->mrz_reader;
    case TUT_ASK:
    case TUT_INTERPRETER: /* its button is drawn only with an interview */
        return t->n_questions > 0;
    default:
        return 1;
    }
}

unsigned desk_tutorial_practised(const desk_state *st, int i) {
    return i >= 0 && i < DESK_MAX_TRAVELERS ? st->tutorial.practised[i] : 0;
}

int desk_tutorial_count(const desk_state *st, int i, int *total) {
    int n = 0, all = 0;
    for (int s = 0; s < TUT_STEPS; s++)
        if (desk_tutorial_available(st, i, s)) {
            all++;
            n += (int)(desk_tutorial_practised(st, i) >> s & 1u);
        }
    if (total) *total = all;
    return n;
}

/* The microtext feature of open document d on the side it shows, in mm;
 * -1 when it has none. */
static int microtext_of(const desk_state *st, int d) {
    const desk_doc_info *in = &st->info[d];
    if (st->docs[d].closed) return -1;
    for (int f = 0; f < in->n_features && f < DESK_MAX_FEATURES; f++)
        if (!strcmp(in->features[f].kind, "microtext") && in->features[f].side == st->docs[d].side)
            return f;
    return -1;
}

int desk_tutorial_target(const desk_state *st, desk_rect *r) {
    for (int k = st->n_docs - 1; k >= 0; k--) { /* the topmost first */
        int d = st->order[k], f = microtext_of(st, d);
        if (f < 0) continue;
        const desk_doc *doc = &st->docs[d];
        const desk_feature *ft = &st->info[d].features[f];
        /* documents keep their orientation in a mirrored screen (desk_finding_rect) */
        double x_mm = desk_rtl(st) ? doc->w / DESK_PX_PER_MM - ft->x_mm - ft->w_mm : ft->x_mm;
        r->x = (int)floor(doc->x + x_mm * DESK_PX_PER_MM) - 3;
        r->y = (int)floor(doc->y + ft->y_mm * DESK_PX_PER_MM) - 5;
        r->w = (int)ceil(ft->w_mm * DESK_PX_PER_MM) + 6;
        r->h = (int)ceil(ft->h_mm * DESK_PX_PER_MM) + 10;
        return 1;
    }
    return 0;
}

/* The loupe is over a microtext line: the pointer on it, give or take
 * 2.5 mm across the line (a line 0.6 mm high is two pixels on the desk). */
static int loupe_on_microtext(const desk_state *st) {
    double u, v;
    int d = desk_doc_at(st, st->mx, st->my, &u, &v);
    if (!st->loupe || d < 0) return 0;
    int f = microtext_of(st, d);
    if (f < 0) return 0;
    const desk_feature *ft = &st->info[d].features[f];
    return u >= ft->x_mm - 1 && u <= ft->x_mm + ft->w_mm + 1 && v >= ft->y_mm - 2.5 &&
           v <= ft->y_mm + ft->h_mm + 2.5;
}

static int passport_open(const desk_state *st) {
    const desk_traveler *t = desk_current_traveler(st);
    for (int d = 0; d < st->n_docs; d++)
        if (t->docs[d].passport && !st->docs[d].closed) return 1;
    return 0;
}

/* Whether the step shown is done, as the state is now. */
static int step_done(const desk_state *st, int s) {
    switch (s) {
    case TUT_OPEN:
        return passport_open(st);
    case TUT_UV:
        return st->light == LIGHT_UV;
    case TUT_IR:
        return st->light == LIGHT_IR;
    case TUT_LOUPE: /* microtext is printed to be read in white light */
        return st->light == LIGHT_VISIBLE && loupe_on_microtext(st);
    case TUT_REFERENCE:
        return st->ref_panel;
    case TUT_MRZ:
        return st->mrz_panel;
    case TUT_FLAG:
        return st->next_finding_id > st->tutorial.findings0;
    case TUT_ASK:
        return st->n_said > st->tutorial.said0;
    case TUT_INTERPRETER:
        return st->interpreter;
    default:
        return st->decided[st->traveler];
    }
}

/* ------------------------------------------------------------ progress */

/* Shows step s or the first one on offer after it (-1: none left), and
 * remembers what a flag or a question must come after. */
static void show_from(desk_state *st, int s) {
    while (s < TUT_STEPS && !desk_tutorial_available(st, st->traveler, s))
        s++;
    st->tutorial.step = s < TUT_STEPS ? s : -1;
    st->tutorial.findings0 = st->next_finding_id;
    st->tutorial.said0 = st->n_said;
}

void desk_tutorial_begin(desk_state *st) {
    st->tutorial.step = -1;
    if (!desk_current_traveler(st)->tutorial || st->decided[st->traveler]) return;
    st->tutorial.practised[st->traveler] = 0;
    show_from(st, 0);
}

static void practised(desk_state *st, int s, desk_log_fn log, void *ud) {
    st->tutorial.practised[st->traveler] |= 1u << s;
    desk_emit(st, log, ud, "tutorial_step", desk_current_traveler(st)->id,
              "{\"step\": \"%s\", \"index\": %d}", steps[s].id, s + 1);
}

void desk_tutorial_after(desk_state *st, desk_log_fn log, void *ud) {
    int s = desk_tutorial_current(st);
    if (s < 0 || st->mode == DESK_REVIEW) return;
    if (st->decided[st->traveler]) { /* a decision ends it, at whatever step */
        if (!st->timed_out[st->traveler]) practised(st, TUT_DECIDE, log, ud);
        st->tutorial.step = -1;
        return;
    }
    if (!step_done(st, s)) return;
    practised(st, s, log, ud);
    show_from(st, s + 1);
}

int desk_tutorial_skip(desk_state *st, desk_log_fn log, void *ud) {
    int s = desk_tutorial_current(st);
    if (s < 0 || st->decided[st->traveler]) return 0;
    int total, n = desk_tutorial_count(st, st->traveler, &total);
    desk_emit(st, log, ud, "tutorial_skip", desk_current_traveler(st)->id,
              "{\"step\": \"%s\", \"practised\": %d, \"steps\": %d}", steps[s].id, n, total);
    st->tutorial.step = -1;
    st->loupe = 0;
    desk_close_panels(st);
    return desk_next_traveler(st, log, ud);
}
