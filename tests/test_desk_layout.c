/* test_desk_layout.c - every screen of the desk keeps the layout's rule for
 * text (desk_layout.h: "How the desk's words fit"), in English, French and
 * Arabic, at 1280x720 and in a 1920x1080 window.
 *
 * The desk is driven as a trainee drives it (desk_step with keys and
 * clicks) through the built-in pack, every traveler: the examine screen, the
 * question menu's pages, every question asked and its answer (heard in the
 * traveler's language, then through the interpreter), a companion sent out,
 * findings flagged, the loupe, the MRZ reader, the reference under each
 * light, the help, the flag's menu and note, the protection menu, each
 * decision's confirmation, the debrief of good and poor work for each
 * decision (both pages, each document), every status line, a document
 * dragged, the MRZ reader over a closed passport, the built-in session with
 * no scenario; then the end of the session (the summary with its verdict, a
 * long session's, a review).
 * Each screen's draw list is checked by desk_verify with the desk's fonts;
 * a fault names the screen, the language, the window size and the string.
 *
 * BL_LAYOUT_ONLY=substring checks only the screens whose name holds it;
 * BL_LAYOUT_ALL=1 prints every fault (else one per string and kind). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../engine/app/pack.c"
#include "debrief.h"
#include "desk_docinfo.h"
#include "desk_fit.h"
#include "desk_ident.h"
#include "desk_second.h"
#include "desk_sys.h"
#include "desk_internal.h"
#include "desk_verify.h"
#include "scn_docs.h"
#include "score.h"
#include "score_work.h"
#include "test_fonts.h"

#define SEEN_MAX 8192

typedef struct tour {
    pack *p;
    doc_fonts fonts;
    i18n *langs[3];
    desk_session s;
    desk_state st;
    draw_list dl;
    score_truth truth[PACK_MAX];
    desk_doc_info info[PACK_MAX][DESK_MAX_DOCS];
    int built[PACK_MAX];
    int lang;
    char screen[160];
    int screens, faults, printed;
    uint64_t seen[SEEN_MAX];
    int n_seen;
    const char *only;
    int all;
} tour;

static const char *const lang_codes[3] = {"en", "fr", "ar"};

/* ------------------------------------------------------------ the bench */

static int measure(void *ud, const draw_cmd *c) {
    tour *t = ud;
    desk_fit fit;
    bl_err err = {0};
    int lines = desk_fit_cmd(&t->fonts, c, desk_rtl(&t->st), &fit, &err) == 0 ? fit.shown : 1;
    desk_fit_free(&fit);
    return lines;
}

static int width(void *ud, const draw_cmd *c) {
    tour *t = ud;
    desk_fit fit;
    bl_err err = {0};
    int w = 0;
    if (desk_fit_cmd(&t->fonts, c, desk_rtl(&t->st), &fit, &err) == 0) {
        w = (int)ceil(fit.para.width);
        if (c->max_w > 0 && w > c->max_w) w = c->max_w;
    }
    desk_fit_free(&fit);
    return w;
}

static int setup(void **state) {
    tour *t = calloc(1, sizeof *t);
    bl_err err = {0};
    if (!t || test_fonts_load(&t->fonts, &err) != 0 || !(t->p = pack_create(&err)) ||
        pack_load_builtin(t->p, &err) != 0) {
        fprintf(stderr, "setup: %s\n", err.msg);
        return -1;
    }
    for (int l = 0; l < 3; l++) {
        const char *json = i18n_builtin_json(lang_codes[l]);
        t->langs[l] =
            i18n_load_json(json, strlen(json), lang_codes[l], l ? t->langs[0] : NULL, &err);
        if (!t->langs[l]) return -1;
    }
    pack_bind_languages(t->p, lang_codes, 3);
    t->s = t->p->session;
    t->only = getenv("BL_LAYOUT_ONLY");
    t->all = getenv("BL_LAYOUT_ALL") != NULL;
    *state = t;
    return 0;
}

static int teardown(void **state) {
    tour *t = *state;
    for (int l = 0; l < 3; l++)
        i18n_destroy(t->langs[l]);
    pack_destroy(t->p);
    doc_fonts_unload(&t->fonts);
    free(t);
    return 0;
}

/* Traveler i's documents as the app builds them (at a low resolution: only
 * their MRZ and features matter here), and the truth scoring holds them to. */
static void build_traveler(tour *t, int i) {
    if (t->built[i]) return;
    const scenario *s = &t->p->scn[i];
    bl_err err = {0};
    tpl *tpls = calloc(DESK_MAX_DOCS, sizeof *tpls);
    doc_spec *specs = calloc(DESK_MAX_DOCS, sizeof *specs);
    doc_truth *tr = calloc(1, sizeof *tr);
    assert_non_null(tpls), assert_non_null(specs), assert_non_null(tr);
    if (scn_docs_specs(s, 72, tpls, specs, &err) != 0) fail_msg("%s: %s", s->file, err.msg);
    for (int d = 0; d < s->n_docs && d < DESK_MAX_DOCS; d++) {
        if (!specs[d].t) continue; /* an academy's capture */
        matbuf mb;
        if (doc_build(&specs[d], &t->fonts, &mb, tr, &err) != 0)
            fail_msg("%s: %s", s->file, err.msg);
        desk_doc_info_from_truth(&t->info[i][d], &tpls[d], tr, mb.px_per_mm);
        matbuf_deinit(&mb);
    }
    if (score_truth_build(s, &t->fonts, &t->truth[i], &err) != 0) fail_msg("%s", err.msg);
    free(tpls), free(specs), free(tr);
    t->built[i] = 1;
}

/* The desk at traveler i's counter, in the tour's language. */
static void at_traveler(tour *t, int i) {
    desk_init(&t->st, &t->s, (const i18n *const *)t->langs, 3, NULL, NULL);
    desk_set_measure(&t->st, measure, t);
    desk_set_measure_width(&t->st, width, t);
    desk_set_language(&t->st, t->lang, NULL, NULL);
    if (i > 0) desk_resume(&t->st, i, 0, NULL, NULL);
    if (i >= t->p->n) return;
    build_traveler(t, i);
    for (int d = 0; d < t->st.n_docs; d++)
        desk_set_doc_info(&t->st, d, &t->info[i][d]);
}

/* ------------------------------------------------------------ input */

static void step(tour *t, input_event ev) {
    desk_step(&t->st, &ev, NULL, NULL);
}

static void key(tour *t, int k) {
    step(t, (input_event){.kind = EV_KEY, .key = k});
}

/* A point of the desk as laid out (left to right), where the pointer is on
 * the screen: mirrored in a right-to-left language. */
static int screen_x(tour *t, int x) {
    return desk_rtl(&t->st) ? DESK_W - 1 - x : x;
}

static void mouse(tour *t, int kind, int x, int y) {
    step(t, (input_event){.kind = kind, .x = screen_x(t, x), .y = y, .button = BUTTON_LEFT});
}

static void type(tour *t, const char *s) {
    input_event ev = {.kind = EV_TEXT};
    snprintf(ev.text, sizeof ev.text, "%s", s);
    step(t, ev);
}

/* A finding of kind key k (KEY_1..KEY_0) over part of document 0. */
static void flag(tour *t, int k, double u0, double v0, double u1, double v1, const char *note) {
    const desk_doc *d = &t->st.docs[0];
    key(t, KEY_F);
    mouse(t, EV_DOWN, (int)(d->x + u0 * d->w), (int)(d->y + v0 * d->h));
    mouse(t, EV_MOVE, (int)(d->x + u1 * d->w), (int)(d->y + v1 * d->h));
    mouse(t, EV_UP, (int)(d->x + u1 * d->w), (int)(d->y + v1 * d->h));
    key(t, k);
    if (note) type(t, note);
    key(t, KEY_RETURN);
}

/* ------------------------------------------------------------ looking */

static uint64_t hash_of(int kind, int lang, const char *s) {
    uint64_t h = 1469598103934665603ull ^ (uint64_t)(kind * 31 + lang);
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

typedef struct looking {
    tour *t;
    const char *size;
} looking;

static void on_fault(void *ud, const desk_fault *f) {
    looking *lk = ud;
    tour *t = lk->t;
    const char *s = f->cmd >= 0 ? t->dl.cmd[f->cmd].text : "";
    t->faults++;
    uint64_t h = hash_of(f->kind, t->lang, s);
    for (int i = 0; i < t->n_seen && !t->all; i++)
        if (t->seen[i] == h) return;
    if (t->n_seen < SEEN_MAX) t->seen[t->n_seen++] = h;
    t->printed++;
    fprintf(stderr, "layout: %s | %s | %s | %s: \"%s\": %s\n", t->screen, lang_codes[t->lang],
            lk->size, desk_fault_name(f->kind), s, f->what);
}

/* Draws the desk as it is and checks the screen at both window sizes. */
static void look(tour *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->screen, sizeof t->screen, fmt, ap);
    va_end(ap);
    if (t->only && !strstr(t->screen, t->only)) return;
    t->screens++;
    desk_draw(&t->st, &t->dl);
    static const double zoom[2] = {1, 1.5};
    static const char *const size[2] = {"1280x720", "1920x1080"};
    for (int z = 0; z < 2; z++) {
        looking lk = {t, size[z]};
        bl_err err = {0};
        if (desk_verify(&t->dl, &t->fonts, desk_rtl(&t->st), zoom[z], on_fault, &lk, &err) < 0)
            fail_msg("%s: %s", t->screen, err.msg);
    }
}

/* ------------------------------------------------------------ the interview */

static const char *tid(tour *t) {
    return desk_current_traveler(&t->st)->id;
}

/* What the scenario answers the question waiting now, as the app asks it. */
static void answer(tour *t) {
    desk_state *st = &t->st;
    int i = st->traveler;
    scn_ctx ctx = desk_answer_ctx(st); /* found: none (no truth in this tour) */
    char k[64] = "interview.no_answer";
    bl_err err = {0};
    if (scn_answer(t->p->rt[i], &t->p->scn[i], st->pending_ask, &ctx, k, sizeof k, &err) != 0)
        fail_msg("%s: %s", tid(t), err.msg);
    desk_set_answer(st, k, NULL, NULL);
}

static void ask(tour *t, int q) {
    input_event ev = {.kind = EV_ASK};
    snprintf(ev.text, sizeof ev.text, "%s", desk_current_traveler(&t->st)->questions[q].id);
    step(t, ev);
    if (t->st.pending_ask >= 0) answer(t);
}

/* The first question offered and not asked yet, or -1. */
static int next_question(tour *t) {
    int av[DESK_MAX_QUESTIONS], n = desk_available_questions(&t->st, av, DESK_MAX_QUESTIONS);
    for (int k = 0; k < n; k++)
        if (!t->st.asked[av[k]]) return av[k];
    return -1;
}

/* The traveler arrives, shows their documents and answers every question
 * (in their own language, then through the interpreter), then speaks apart
 * from their companion. */
static void interview(tour *t, int i) {
    at_traveler(t, i);
    const desk_traveler *tr = desk_current_traveler(&t->st);
    look(t, "%s: at the counter", tid(t));
    key(t, KEY_O);
    look(t, "%s: the passport open", tid(t));
    if (tr->n_questions == 0) return;
    key(t, KEY_Q);
    for (int page = 0; page < 3 && t->st.mode == DESK_ASK; page++) {
        look(t, "%s: the question menu, page %d", tid(t), page + 1);
        key(t, KEY_TAB);
    }
    key(t, KEY_ESCAPE);
    int first = -1;
    for (int n = 0, q; n < DESK_MAX_QUESTIONS && (q = next_question(t)) >= 0; n++) {
        ask(t, q);
        if (first < 0) first = q;
        look(t, "%s: the answer to %s", tid(t), tr->questions[q].id);
    }
    if (tr->n_speaks && first >= 0) {
        key(t, KEY_I);
        ask(t, first);
        look(t, "%s: an answer through the interpreter", tid(t));
    }
    if (tr->companion) {
        key(t, KEY_C);
        look(t, "%s: the companion sent out", tid(t));
    }
    key(t, KEY_H); /* the whole interview, at its newest, then scrolled back */
    look(t, "%s: the transcript", tid(t));
    for (int k = 0; k < 6; k++)
        key(t, KEY_UP);
    look(t, "%s: the transcript scrolled back", tid(t));
    key(t, KEY_H);
}

/* ------------------------------------------------------------ the tools */

/* Findings, the loupe, the MRZ reader, the reference under every light and
 * the help, over the open passport. */
static void tools(tour *t, int i) {
    at_traveler(t, i);
    key(t, KEY_O);
    flag(t, KEY_3, 0.04, 0.18, 0.28, 0.72, "the edge of the photo looks lifted");
    flag(t, KEY_4, 0.33, 0.30, 0.62, 0.42, NULL);
    flag(t, KEY_0, 0.70, 0.25, 0.95, 0.60, NULL);
    flag(t, KEY_5, 0.02, 0.82, 0.98, 0.97, NULL);
    look(t, "%s: four findings", tid(t));
    const desk_doc *d = &t->st.docs[0];
    key(t, KEY_L);
    mouse(t, EV_MOVE, (int)(d->x + d->w / 3), (int)(d->y + d->h / 2));
    look(t, "%s: the loupe", tid(t));
    for (int k = 0; k < 4; k++)
        key(t, KEY_PLUS);
    mouse(t, EV_MOVE, (int)(d->x + d->w - 5), (int)(d->y + d->h - 5));
    look(t, "%s: the loupe at 8x in a corner", tid(t));
    key(t, KEY_L);
    key(t, KEY_M);
    look(t, "%s: the MRZ reader", tid(t));
    key(t, KEY_M);
    key(t, KEY_R);
    for (int l = 0; l < LIGHT_COUNT; l++) {
        key(t, KEY_1 + l);
        look(t, "%s: the reference under light %d", tid(t), l + 1);
    }
    key(t, KEY_R);
    key(t, KEY_1);
    key(t, KEY_V); /* side by side, the loupe at one place on both */
    look(t, "%s: the compare view", tid(t));
    key(t, KEY_L);
    const desk_rect cmp = desk_layout.compare;
    mouse(t, EV_MOVE, cmp.x + 150, cmp.y + 200);
    look(t, "%s: the compare view with the loupe", tid(t));
    key(t, KEY_L);
    key(t, KEY_V);
    mouse(t, EV_MOVE, (int)(d->x + d->w * 0.16), (int)(d->y + d->h * 0.45));
    look(t, "%s: a finding's note under the pointer", tid(t));
    key(t, KEY_E);
    look(t, "%s: the findings list", tid(t));
    key(t, KEY_E);
    key(t, KEY_ESCAPE);
    look(t, "%s: leave the desk?", tid(t));
    key(t, KEY_N);
    key(t, KEY_F1);
    look(t, "help");
    key(t, KEY_F1);
}

/* The identity panel (B) with everything it can show: a chip whose checks
 * failed and one that does not answer, the gate's rejection, every view of
 * the face, a capture too poor and one good enough, an injured finger
 * recorded, the 1:1 result, the watch list's candidates and one candidate's
 * record with a long name in both scripts. */
static void ident_info(desk_ident_info *in, int answer) {
    memset(in, 0, sizeof *in);
    in->chip_doc = 0, in->chip_answer = answer, in->has_dg3 = 1;
    snprintf(in->dg1[0], 48, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<");
    snprintf(in->dg1[1], 48, "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
    in->dg1_lines = 2;
    for (int c = 0; c < IDENT_CHECKS; c++)
        in->checks[c] = c == IDENT_CHECK_REVOKED ? 0 : 1;
    in->gate_score = 41, in->gate_threshold = 60;
    for (int f = 0; f < 10; f++)
        for (int a = 0; a < IDENT_ATTEMPTS; a++)
            in->quality[f][a] = (unsigned char)(a == 0 ? 22 : 71);
    in->quality_min = 40, in->verify_threshold = 40;
    for (int f = 0; f < 10; f++)
        in->verify_score[f] = 83;
    in->n_cands = IDENT_CANDIDATES;
    for (int c = 0; c < IDENT_CANDIDATES; c++) {
        desk_ident_cand *k = &in->cands[c];
        snprintf(k->name, sizeof k->name, "AL-HASHIMI, MUHAMMAD ABDULRAHMAN");
        snprintf(k->name_native, sizeof k->name_native, "محمد عبد الرحمن الهاشمي");
        k->birth = (bl_date){1979, 11, 28};
        snprintf(k->nationality, 4, "QWH");
        snprintf(k->category, sizeof k->category, c == 0 ? "monitor" : "wanted");
        k->score = 47 - c * 5;
    }
}

static void ident_press(tour *t, int kind, int arg) {
    ident_button bs[IDENT_MAX_BUTTONS];
    int n = desk_ident_buttons(&t->st, bs, IDENT_MAX_BUTTONS);
    for (int i = 0; i < n; i++)
        if (bs[i].kind == kind && (arg < 0 || bs[i].arg == arg)) {
            mouse(t, EV_DOWN, bs[i].r.x + bs[i].r.w / 2, bs[i].r.y + bs[i].r.h / 2);
            mouse(t, EV_UP, bs[i].r.x + bs[i].r.w / 2, bs[i].r.y + bs[i].r.h / 2);
            return;
        }
    fail_msg("%s: no identity button %d/%d on this tab", tid(t), kind, arg);
}

static void identity(tour *t, int i) {
    desk_ident_info in;
    for (int answer = 1; answer >= 0; answer--) {
        at_traveler(t, i);
        ident_info(&in, answer);
        desk_set_ident_info(&t->st, &in);
        key(t, KEY_B);
        look(t, "%s: the chip reader, not read yet", tid(t));
        ident_press(t, IB_READ_CHIP, -1);
        look(t, "%s: the chip read (%s)", tid(t), answer ? "a check failed" : "no answer");
    }
    ident_press(t, IB_TAB, IDENT_TAB_FACE);
    look(t, "%s: the face, side by side, no chip portrait", tid(t));
    desk_traveler *tr = &t->s.travelers[t->st.traveler];
    int gate = tr->gate;
    tr->gate = 1;
    at_traveler(t, i);
    ident_info(&in, 1);
    desk_set_ident_info(&t->st, &in);
    key(t, KEY_B);
    ident_press(t, IB_READ_CHIP, -1);
    ident_press(t, IB_TAB, IDENT_TAB_FACE);
    look(t, "%s: the face after a gate's rejection, with the chip's portrait", tid(t));
    for (int v = 1; v < FACE_VIEWS; v++) {
        ident_press(t, IB_VIEW, v);
        ident_press(t, IB_ZOOM, v + 1);
        look(t, "%s: the face, view %d", tid(t), v);
    }
    ident_press(t, IB_ANSWER, FACE_ANSWER_DIFFERENT);
    ident_press(t, IB_CONFIDENCE, 3);
    for (int f = 0; f < FACE_FEATURE_CITES; f += 2)
        ident_press(t, IB_FEATURE, f);
    ident_press(t, IB_RECORD, -1);
    look(t, "%s: the face answer recorded", tid(t));
    tr->gate = gate;
    int fingers = tr->fingers;
    tr->fingers = 1;
    key(t, KEY_TAB);
    look(t, "%s: the fingerprint scanner", tid(t));
    ident_press(t, IB_EXPLAIN, -1);
    ident_press(t, IB_CAPTURE, -1);
    look(t, "%s: a capture too poor", tid(t));
    ident_press(t, IB_CAPTURE, -1);
    ident_press(t, IB_VERIFY, -1);
    look(t, "%s: a good capture verified", tid(t));
    ident_press(t, IB_MARK, -1);
    look(t, "%s: marking corresponding minutiae", tid(t));
    ident_press(t, IB_MARK, -1);
    ident_press(t, IB_SEARCH, -1);
    look(t, "%s: the watch list's candidates", tid(t));
    ident_press(t, IB_CAND, 0);
    ident_press(t, IB_CAND_NOT, -1);
    look(t, "%s: a candidate's record", tid(t));
    ident_press(t, IB_CAND_BACK, -1);
    for (int k = 0; k < 3; k++)
        ident_press(t, IB_FINGER, 1);
    ident_press(t, IB_INJURED, -1);
    look(t, "%s: an injured finger recorded", tid(t));
    tr->fingers = 0;
    at_traveler(t, i);
    key(t, KEY_B);
    key(t, KEY_TAB), key(t, KEY_TAB);
    look(t, "%s: no prints taken here", tid(t));
    key(t, KEY_DOWN), key(t, KEY_DOWN);
    look(t, "%s: the keyboard's focus on a button", tid(t));
    tr->fingers = fingers;
}

/* A passport's pages (booklet.h): the plate under it that turns them, the
 * observations page, page 5 (where s14's visa is stuck), and the plate
 * over the passport when it lies at the desk's foot. */
static void pages(tour *t, int i) {
    at_traveler(t, i);
    if (t->st.n_docs == 0 || !t->s.travelers[i].docs[0].passport) return;
    key(t, KEY_O);
    key(t, KEY_PAGEDOWN);
    look(t, "%s: page 3", tid(t));
    key(t, KEY_PAGEDOWN);
    key(t, KEY_PAGEDOWN);
    look(t, "%s: page 5", tid(t));
    for (int k = 0; k < 40; k++)
        key(t, KEY_DOWN);
    look(t, "%s: page 5, the plate over the passport", tid(t));
}

/* A document dragged; the MRZ reader over a closed passport; the built-in
 * session without a scenario (just the person at the counter). */
static void odd_screens(tour *t) {
    at_traveler(t, 0);
    const desk_doc *d = &t->st.docs[0];
    key(t, KEY_M);
    look(t, "the MRZ reader over a closed passport");
    key(t, KEY_M);
    key(t, KEY_O);
    mouse(t, EV_DOWN, (int)d->x + 40, (int)d->y + 40);
    mouse(t, EV_MOVE, (int)d->x + 140, (int)d->y + 90);
    assert_int_equal(t->st.mode, DESK_DRAG);
    look(t, "a document dragged");
    mouse(t, EV_UP, (int)d->x + 40, (int)d->y + 40);
    desk_session *plain = calloc(1, sizeof *plain);
    assert_non_null(plain);
    bl_err err = {0};
    desk_session_default(plain);
    assert_int_equal(desk_session_resolve(plain, &err), 0);
    desk_init(&t->st, plain, (const i18n *const *)t->langs, 3, NULL, NULL);
    desk_set_measure(&t->st, measure, t);
    desk_set_measure_width(&t->st, width, t);
    desk_set_language(&t->st, t->lang, NULL, NULL);
    look(t, "the built-in session without a scenario");
    free(plain);
}

/* The flag's menu and note, the protection menu, each decision's question. */
static void dialogs(tour *t, int i) {
    at_traveler(t, i);
    key(t, KEY_O);
    const desk_doc *d = &t->st.docs[0];
    key(t, KEY_F);
    look(t, "%s: drawing a finding", tid(t));
    mouse(t, EV_DOWN, (int)d->x + 20, (int)d->y + 50);
    mouse(t, EV_MOVE, (int)d->x + 120, (int)d->y + 150);
    mouse(t, EV_UP, (int)d->x + 120, (int)d->y + 150);
    look(t, "flag: its kind");
    key(t, KEY_9);
    type(t, "the hologram does not change colour at all when tilted");
    look(t, "flag: its note");
    key(t, KEY_RETURN);
    key(t, KEY_P);
    look(t, "the protection menu");
    for (int p = 1; p < PROTECT_COUNT; p++) {
        key(t, KEY_1 + p - 1);
        look(t, "%s: confirm protection %d", tid(t), p);
        key(t, KEY_ESCAPE);
        key(t, KEY_P);
    }
    key(t, KEY_ESCAPE);
    static const int keys[] = {KEY_A, KEY_X, KEY_S};
    for (int k = 0; k < 3; k++) {
        key(t, keys[k]);
        look(t, "%s: confirm decision %d", tid(t), k + 1);
        if (keys[k] == KEY_X) {
            key(t, KEY_G);
            look(t, "%s: confirm refusal, reasons given", tid(t));
            key(t, KEY_I);
            key(t, KEY_G);
            look(t, "%s: confirm refusal, reasons through the interpreter", tid(t));
        }
        key(t, KEY_ESCAPE);
    }
}

/* Every status line, as the desk words it. */
static void statuses(tour *t) {
    static const char *const keys[] = {"status.first",
                                       "status.traveler",
                                       "status.finding_saved",
                                       "status.finding_removed",
                                       "status.max_findings",
                                       "status.flag_start",
                                       "status.flag_cancelled",
                                       "status.flag_on_doc",
                                       "status.flag_small",
                                       "status.finding_discarded",
                                       "status.no_back",
                                       "status.mrz_off",
                                       "status.decision_cancelled",
                                       "status.session_complete",
                                       "status.language",
                                       "status.time_up",
                                       "status.separated"};
    at_traveler(t, 0);
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        t->st.status_key = keys[k];
        t->st.status_n = 18, t->st.status_total = 18;
        t->st.status_kind = desk_finding_kind_count() - 1;
        look(t, "the status line %s", keys[k]);
    }
}

/* ------------------------------------------------------------ debriefs */

/* Every question asked in order with the answer it gets, into the actions. */
static void ask_all(tour *t, int i, int before_interpreter, score_actions *a) {
    const scenario *s = &t->p->scn[i];
    int zeros[SCN_MAX_QUESTIONS] = {0};
    for (int q = 0; q < s->n_questions && a->n_asks < SCORE_MAX_ASKS; q++) {
        score_ask *k = &a->asks[a->n_asks++];
        k->q = q, k->before_interpreter = before_interpreter;
        scn_ctx ctx = {.asked_times = zeros};
        bl_err err = {0};
        if (scn_answer(t->p->rt[i], s, q, &ctx, k->answer, sizeof k->answer, &err) != 0)
            k->answer[0] = '\0';
        a->asked[q]++;
        a->asked_before_interp[q] += before_interpreter;
    }
}

/* The debrief of good work (every defect flagged, the right questions) or
 * of poor work (a false flag, defects located under the wrong name or
 * missed, every question asked before the interpreter, one light) ending in
 * decision dec. */
static void make_debrief(tour *t, int i, int dec, int prot, int good, desk_debrief *d) {
    const scenario *s = &t->p->scn[i];
    const score_truth *tr = &t->truth[i];
    score_actions a;
    if (good) {
        score_good_work(s, tr, dec, prot, 60, &a);
        ask_all(t, i, 0, &a);
    } else {
        memset(&a, 0, sizeof a);
        a.decided = 1, a.decision = dec, a.protection = prot, a.seconds = 200;
        a.lights_used = LIGHT_BIT(LIGHT_VISIBLE);
        for (int f = 0; f < tr->n_features && a.n_flags < 2; f++) {
            score_flag *fl = &a.flags[a.n_flags++]; /* a genuine feature flagged */
            fl->doc = tr->f[f].doc, fl->side = tr->f[f].side, fl->kind = 2;
            fl->x = tr->f[f].x, fl->y = tr->f[f].y, fl->w = tr->f[f].w, fl->h = tr->f[f].h;
        }
        for (int k = 0; k < tr->n && k < 2 && a.n_flags < SCORE_MAX_FLAGS; k++) {
            score_flag *fl = &a.flags[a.n_flags++]; /* a defect under another name */
            fl->doc = tr->d[k].doc, fl->side = tr->d[k].side;
            fl->kind = (score_finding_kind_of(tr->d[k].kind) + 1) % desk_finding_kind_count();
            fl->x = tr->d[k].x, fl->y = tr->d[k].y, fl->w = tr->d[k].w, fl->h = tr->d[k].h;
        }
        ask_all(t, i, 1, &a);
    }
    score_result r;
    score_case(s, tr, &a, 70, &r);
    memset(d, 0, sizeof *d);
    debrief_from_score(s, tr, &a, &r, d);
    d->decision = dec, d->protection = prot;
}

static const int decide_keys[DECIDE_COUNT] = {0, KEY_A, KEY_X, KEY_S, KEY_P};

/* A decision taken, and its debrief: both pages, each document shown. */
static void debrief_case(tour *t, int i, int dec, int prot, int good) {
    at_traveler(t, i);
    key(t, KEY_O);
    key(t, decide_keys[dec]);
    if (dec == DECIDE_PROTECTION) key(t, KEY_1 + prot - 1);
    key(t, KEY_RETURN);
    if (dec == DECIDE_SECOND_LINE && t->s.travelers[i].second_stage) {
        look(t, "%s: at second line", tid(t)); /* its stage: decided there, admitted */
        key(t, KEY_A);
        key(t, KEY_RETURN);
    }
    assert_int_equal(t->st.mode, DESK_DEBRIEF);
    desk_debrief d;
    make_debrief(t, i, dec, prot, good, &d);
    desk_set_debrief(&t->st, i, &d);
    const char *work = good ? "good" : "poor";
    look(t, "%s: the debrief of %s work, decision %d.%d", tid(t), work, dec, prot);
    for (int k = 1; k < t->st.n_docs; k++) {
        key(t, KEY_DOWN);
        look(t, "%s: the debrief of %s work, document %d", tid(t), work, k + 1);
    }
    key(t, KEY_TAB);
    look(t, "%s: the debrief's interview, %s work", tid(t), work);
}

/* Good work ending in the expected decision; poor work ending in each
 * other (protection: each kind). */
static void debriefs(tour *t, int i) {
    const scenario *s = &t->p->scn[i];
    int want = s->expected.decision > 0 ? s->expected.decision : DECIDE_ADMIT;
    debrief_case(t, i, want, want == DECIDE_PROTECTION ? s->expected.protection : 0, 1);
    for (int dec = DECIDE_ADMIT; dec < DECIDE_COUNT; dec++)
        for (int p = dec == DECIDE_PROTECTION ? 1 : 0;
             p < (dec == DECIDE_PROTECTION ? PROTECT_COUNT : 1); p++)
            if (dec != want || dec == DECIDE_PROTECTION) debrief_case(t, i, dec, p, 0);
}

/* ------------------------------------------------------------ the end */

/* A session of n travelers (the pack, repeated) all decided: the summary
 * with a failed verdict, the same when time ran out, and a case reviewed. */
static void end_of_session(tour *t, int n) {
    for (int i = t->p->n; i < n; i++)
        t->s.travelers[i] = t->p->session.travelers[i % t->p->n];
    t->s.n_travelers = n;
    at_traveler(t, 0);
    for (int i = 0; i < n; i++) {
        int k = i % t->p->n;
        build_traveler(t, k);
        desk_debrief d;
        t->st.traveler = i;
        make_debrief(t, k, DECIDE_REFUSE, 0, i % 2, &d);
        desk_set_debrief(&t->st, i, &d);
        desk_restore_case(&t->st, i, DECIDE_REFUSE + i % 3, i == 3);
        desk_set_result(&t->st, i, d.points, d.passed);
    }
    desk_resume(&t->st, n, 1234, NULL, NULL);
    desk_verdict v = {.overall = 61.4,
                      .pass_overall = 75,
                      .critical_fails = 1,
                      .criticals = 7,
                      .wrong = 5,
                      .wrong_allowed = 1};
    for (int c = 0; c < 4; c++)
        v.competency[c] = 0.5 + 0.1 * c, v.pass_comp[c] = 0.7;
    desk_set_verdict(&t->st, &v);
    look(t, "the summary of %d travelers", n);
    t->st.time_up = 1;
    look(t, "the summary of %d travelers, time up", n);
    if (n > DESK_SUMMARY_ROWS) {
        key(t, KEY_TAB);
        look(t, "the summary of %d travelers, its second page", n);
    }
    key(t, KEY_1);
    look(t, "a case reviewed (%s)", tid(t));
    key(t, KEY_TAB);
    look(t, "a case reviewed, its interview (%s)", tid(t));
    t->s = t->p->session;
}

/* The top bar of an exam with time limits and a trainee's long name. */
static void exam_bar(tour *t) {
    t->s.exam = 1, t->s.case_limit_s = 300, t->s.session_limit_s = 3600;
    snprintf(t->s.trainee, sizeof t->s.trainee, "Anastasia Officer-Delacroix");
    at_traveler(t, 0);
    look(t, "the top bar of an exam");
    t->s = t->p->session;
}

/* The systems panel (Y) at its fullest: an API line and a document with
 * long values, a PNR of as many lines as it shows and every risk rule, five
 * hits on each list with long names in both scripts, a record opened and
 * compared, the registry and the consulate answered. */
static void sys_info(desk_sys_info *in) {
    memset(in, 0, sizeof *in);
    in->has_api = 1;
    snprintf(in->flight, sizeof in->flight, "NA 4127  NHV 09:10 - VLM 12:40  01JUN");
    snprintf(in->booking, sizeof in->booking, "K7Q2LM"), snprintf(in->seat, sizeof in->seat, "14C");
    for (int f = 0; f < SYS_API_FIELDS; f++) {
        snprintf(in->api[f], sizeof in->api[f], "AL-HASHIMI ABDULRAHMAN MUHAMMAD");
        snprintf(in->doc[f], sizeof in->doc[f], "AL HASHEMI ABDELRAHMAN MOHAMED");
    }
    in->n_pnr = SYS_PNR_LINES;
    for (int i = 0; i < SYS_PNR_LINES; i++) {
        snprintf(in->pnr[i], sizeof in->pnr[i],
                 "(%d) FORM OF PAYMENT: CASH, PAID BY A THIRD PARTY AT THE AGENCY DESK, NHV",
                 i + 1);
        in->pnr_sensitive[i] = i == 7;
    }
    in->n_rules = SYS_RULES;
    for (int r = 0; r < SYS_RULES; r++) {
        snprintf(in->rule[r], sizeof in->rule[r], "R%d THIRD-PARTY-CASH-ONE-WAY", r + 1);
        snprintf(in->rule_why[r], sizeof in->rule_why[r],
                 "Several one-way tickets for young travellers paid in cash by a third party "
                 "two days before departure");
    }
    for (int l = 0; l < SYS_LISTS; l++) {
        in->n_hits[l] = SYS_HITS;
        for (int h = 0; h < SYS_HITS; h++) {
            desk_sys_hit *x = &in->hits[l][h];
            x->list = l, x->category = (l * 2 + h) % 6, x->action = h % 4,
            x->basis = l == 1 ? 2 : h % 2;
            x->score = 99 - h, x->check = h == 0 ? 0 : -1;
            snprintf(x->name, sizeof x->name, "AL-HASHIMI ABDULRAHMAN MUHAMMAD IBRAHIM");
            snprintf(x->name_native, sizeof x->name_native, "محمد عبد الرحمن إبراهيم الهاشمي");
            x->birth = (bl_date){1979, 11, 28}, x->reported = (bl_date){2025, 12, 30};
            snprintf(x->sex, sizeof x->sex, "M");
            snprintf(x->doc, sizeof x->doc, "X1CB3LB4B");
            snprintf(x->reporting, sizeof x->reporting, "QNV");
            snprintf(x->ref, sizeof x->ref, "SLTD-QNV-2025-04417");
        }
    }
    snprintf(in->trav_name, sizeof in->trav_name, "AL HASHEMI ABDELRAHMAN MOHAMED IBRAHIM");
    in->trav_birth = (bl_date){1979, 11, 28};
    snprintf(in->trav_doc, sizeof in->trav_doc, "X1CB3LB4B");
    in->registry = 4, in->consulate = 1, in->etd = 1, in->n_reg = 4;
    snprintf(in->reg_state, sizeof in->reg_state, "QWH");
    for (int i = 0; i < 4; i++)
        snprintf(in->reg[i], sizeof in->reg[i],
                 "AL HASHEMI, ABDELRAHMAN MOHAMED IBRAHIM  1979-11-28");
}

static void press_in(tour *t, const pbtn *bs, int n, int kind, int arg, const char *what) {
    for (int i = 0; i < n; i++)
        if (bs[i].kind == kind && (arg < 0 || bs[i].arg == arg)) {
            mouse(t, EV_DOWN, bs[i].r.x + bs[i].r.w / 2, bs[i].r.y + bs[i].r.h / 2);
            mouse(t, EV_UP, bs[i].r.x + bs[i].r.w / 2, bs[i].r.y + bs[i].r.h / 2);
            return;
        }
    fail_msg("%s: no %s button %d/%d here", tid(t), what, kind, arg);
}

static void sys_press(tour *t, int kind, int arg) {
    pbtn bs[SYS_MAX_BUTTONS];
    press_in(t, bs, desk_sys_buttons(&t->st, bs, SYS_MAX_BUTTONS), kind, arg, "systems");
}

static void second_press(tour *t, int kind, int arg) {
    pbtn bs[SECOND_MAX_BUTTONS];
    press_in(t, bs, desk_second_buttons(&t->st, bs, SECOND_MAX_BUTTONS), kind, arg, "second-line");
}

static void systems(tour *t, int i) {
    desk_sys_info in;
    desk_traveler *tr = &t->s.travelers[i];
    desk_traveler keep = *tr;
    tr->registry = tr->return_case = 1, tr->age = 15;
    at_traveler(t, i);
    key(t, KEY_Y);
    look(t, "%s: the systems, nothing from the airline", tid(t));
    sys_info(&in);
    desk_set_sys_info(&t->st, &in);
    look(t, "%s: the API line beside the document", tid(t));
    sys_press(t, SB_MISMATCH, -1);
    key(t, KEY_TAB);
    sys_press(t, SB_CONCERN, 3);
    sys_press(t, SB_REVIEW, 1);
    look(t, "%s: the PNR and its risk rules", tid(t));
    key(t, KEY_TAB);
    for (int l = 0; l < SYS_LISTS; l++)
        sys_press(t, SB_SEARCH, l);
    look(t, "%s: every list searched", tid(t));
    sys_press(t, SB_HIT, 0);
    look(t, "%s: a record", tid(t));
    sys_press(t, SB_COMPARE, -1);
    sys_press(t, SB_NOT_SAME, -1);
    sys_press(t, SB_ACTION, 3);
    look(t, "%s: a record compared", tid(t));
    sys_press(t, SB_BACK, -1);
    sys_press(t, SB_HIT, SYS_HITS + 1);
    sys_press(t, SB_COMPARE, -1);
    look(t, "%s: a document's record compared", tid(t));
    key(t, KEY_TAB);
    for (int k = SB_REGISTRY; k <= SB_BEST_INTERESTS; k++)
        sys_press(t, k, -1);
    look(t, "%s: the registry and the consulate answered", tid(t));
    key(t, KEY_DOWN);
    look(t, "%s: the keyboard's focus on a button", tid(t));
    /* the second-line stage, every step taken */
    tr->second_stage = tr->second_family = 1, tr->second_children = 2;
    tr->second_minutes = 45, tr->second_found = (1u << VULN_COUNT) - 1;
    at_traveler(t, i);
    key(t, KEY_S);
    key(t, KEY_RETURN);
    look(t, "%s: second line begins", tid(t));
    for (int r = 0; r < SL_REASONS; r += 3)
        second_press(t, SLB_REASON, r);
    second_press(t, SLB_RECORD, -1);
    second_press(t, SLB_EXPLAIN, -1);
    second_press(t, SLB_SEARCH, SL_SEARCH_PRIVATE);
    second_press(t, SLB_SCREEN, -1);
    for (int v = 0; v < VULN_COUNT; v += 2)
        second_press(t, SLB_REFER, v);
    second_press(t, SLB_FAMILY, -1);
    second_press(t, SLB_HOLD, SL_HOLD_NO);
    second_press(t, SLB_LAWYER, -1);
    second_press(t, SLB_AUTHORITY, -1);
    second_press(t, SLB_WRITTEN, -1);
    look(t, "%s: second line, every step taken", tid(t));
    second_press(t, SLB_SYSTEMS, -1);
    look(t, "%s: the systems over second line", tid(t));
    key(t, KEY_Y);
    look(t, "%s: back at second line", tid(t));
    *tr = keep;
}

/* ------------------------------------------------------------ the tour */

static void tour_language(tour *t, int lang) {
    t->lang = lang;
    for (int i = 0; i < t->p->n; i++) {
        interview(t, i);
        tools(t, i);
        pages(t, i);
        if (i < 2) dialogs(t, i);
        if (i < 2) identity(t, i);
        if (i < 2) systems(t, i);
        debriefs(t, i);
    }
    statuses(t);
    odd_screens(t);
    exam_bar(t);
    end_of_session(t, t->p->n);
    end_of_session(t, DESK_MAX_TRAVELERS);
}

static void every_screen(void **state, int lang) {
    tour *t = *state;
    assert_true(t->p->n > 0);
    int before = t->faults, screens = t->screens, printed = t->printed;
    tour_language(t, lang);
    fprintf(stderr, "layout: %s: %d screens at two sizes, %d faults (%d printed)\n",
            lang_codes[lang], t->screens - screens, t->faults - before, t->printed - printed);
    assert_int_equal(t->faults - before, 0);
}

static void every_screen_en(void **state) {
    every_screen(state, 0);
}
static void every_screen_fr(void **state) {
    every_screen(state, 1);
}
static void every_screen_ar(void **state) {
    every_screen(state, 2);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_screen_en),
        cmocka_unit_test(every_screen_fr),
        cmocka_unit_test(every_screen_ar),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
