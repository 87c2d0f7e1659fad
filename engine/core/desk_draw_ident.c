/* desk_draw_ident.c - the identity panel (desk_ident.h): the chip reader's
 * screen, the face comparison and the fingerprint scanner. */
#include <stdio.h>
#include <string.h>

#include "desk_draw_internal.h"
#include "desk_ident.h"
#include "desk_pbtn.h"
#include "scenario.h"

static const char *const check_keys[IDENT_CHECKS] = {"ident.check.hashes",  "ident.check.signature",
                                                     "ident.check.chain",   "ident.check.validity",
                                                     "ident.check.revoked", "ident.check.clone"};

static void draw_buttons(const desk_state *st, draw_list *dl, const ident_button *bs, int n) {
    char buf[160];
    for (int i = 0; i < n; i++) {
        const ident_button *b = &bs[i];
        int on = b->on && b->active;
        dl_fill(dl, b->r, on ? C_BUTTON_ON : b->active ? C_BUTTON : 0xFF2A2420u);
        dl_frame(dl, b->r, st->ident.focus == i ? 3 : 1,
                 st->ident.focus == i ? C_ACCENT
                 : b->active          ? 0xFF6A625Cu
                                      : 0xFF3A3430u);
        const char *label = desk_tr(st, b->key);
        if (b->kind == IB_CAND) {
            char score[16];
            desk_num(st, st->ident_info.cands[b->arg].score, score, sizeof score);
            label =
                desk_fmt(st, buf, sizeof buf, "ident.cand_row", b->arg + 1, 0, NULL, NULL, score);
        }
        if (b->kind == IB_FEATURE || b->kind == IB_ANSWER || b->kind == IB_CONFIDENCE)
            snprintf(buf, sizeof buf, "%s%s", b->on ? "✓ " : "", desk_tr(st, b->key)), label = buf;
        dl_box(dl, b->r);
        int base = b->r.h / 2 + 6 < b->r.h - 11 ? b->r.h / 2 + 6 : b->r.h - 11;
        dl_text(dl, b->r.x + b->r.w / 2, b->r.y + base, 15, b->active ? C_TEXT : 0xFF9A9A9Au, 0, 1,
                "%s", label);
    }
}

/* A picture with its label above it. */
static void picture(const desk_state *st, draw_list *dl, desk_rect r, int pic, int b, int c,
                    const char *label_key) {
    pbtn_line(st, dl, r.x, r.y - 10, r.w, 14, C_DIM, 0, desk_tr(st, label_key));
    dl_fill(dl, r, 0xFF101010u);
    dl_tex(dl, TEX_IDENT, pic, b, c, r);
    dl_frame(dl, r, 1, 0xFF6A625Cu);
}

/* ------------------------------------------------------------ chip */

static void draw_mrz_lines(const desk_state *st, draw_list *dl, int x, int y, const char *key,
                           const char (*lines)[48], int n) {
    pbtn_line(st, dl, x, y, 500, 14, C_DIM, 0, desk_tr(st, key));
    desk_rect scr = {x - 4, y + 8, 508, 10 + n * 22};
    dl_fill(dl, scr, 0xFFEAF1F4u);
    for (int l = 0; l < n; l++) {
        dl_box(dl, scr);
        dl_text(dl, x, y + 28 + l * 22, 14, 0xFF202020u, DRAW_OCRB, 0, "%s", lines[l]);
        draw_cmd *c = &dl->cmd[dl->n - 1];
        c->dir = 1, c->max_w = 500;
    }
}

static void draw_checks(const desk_state *st, draw_list *dl, desk_rect p) {
    const desk_ident_info *in = &st->ident_info;
    int x = p.x + 540, y = p.y + 136;
    pbtn_line(st, dl, x, y, 420, 16, C_ACCENT, 1, desk_tr(st, "ident.pa_title"));
    int failed = 0;
    for (int c = 0; c < IDENT_CHECKS; c++) {
        int v = in->checks[c];
        failed += v == 0;
        int yy = y + 36 + c * 44;
        pbtn_line(st, dl, x, yy, 100, 15,
                  v == 1   ? C_GREEN
                  : v == 0 ? C_RED
                           : C_DIM,
                  1,
                  desk_tr(st, v == 1   ? "ident.passed"
                              : v == 0 ? "ident.failed"
                                       : "ident.not_done"));
        pbtn_para(st, dl, x + 108, yy, 312, 2, C_TEXT, desk_tr(st, check_keys[c]));
    }
    pbtn_para(st, dl, x, y + 36 + IDENT_CHECKS * 44 + 8, 420, 2, failed ? C_RED : C_GREEN,
              desk_tr(st, failed ? "ident.pa_failed" : "ident.pa_passed"));
}

static void draw_chip(const desk_state *st, draw_list *dl, desk_rect p) {
    const desk_ident_info *in = &st->ident_info;
    dl_box(dl, p);
    if (in->chip_doc < 0) {
        pbtn_para(st, dl, p.x + 20, p.y + 90, 640, 3, C_TEXT, desk_tr(st, "ident.no_chip"));
        return;
    }
    if (!st->ident.chip_read) {
        pbtn_para(st, dl, p.x + 20, p.y + 140, 640, 3, C_DIM, desk_tr(st, "ident.read_hint"));
        return;
    }
    if (!in->chip_answer) {
        pbtn_para(st, dl, p.x + 20, p.y + 140, 640, 3, C_RED, desk_tr(st, "ident.chip_silent"));
        return;
    }
    const desk_doc_info *doc = &st->info[in->chip_doc];
    draw_mrz_lines(st, dl, p.x + 24, p.y + 136, "ident.dg1", in->dg1, in->dg1_lines);
    draw_mrz_lines(st, dl, p.x + 24, p.y + 136 + 40 + in->dg1_lines * 22, "ident.printed_mrz",
                   doc->mrz, doc->mrz_lines);
    int same = doc->mrz_lines == in->dg1_lines;
    for (int l = 0; same && l < in->dg1_lines; l++)
        same = !strcmp(doc->mrz[l], in->dg1[l]);
    pbtn_line(st, dl, p.x + 24, p.y + 136 + 86 + (in->dg1_lines + doc->mrz_lines) * 22, 500, 15,
              same ? C_GREEN : C_RED, 1,
              desk_tr(st, same ? "ident.dg1_agrees" : "ident.dg1_differs"));
    const char *labels[] = {"ident.pic.chip", "ident.pic.portrait", "ident.pic.camera"};
    const int pics[] = {IDENT_PIC_CHIP, IDENT_PIC_PORTRAIT, IDENT_PIC_CAMERA};
    for (int i = 0; i < 3; i++)
        picture(st, dl, (desk_rect){p.x + 24 + i * 166, p.y + 372, 150, 187}, pics[i], 0, 0,
                labels[i]);
    draw_checks(st, dl, p);
}

/* ------------------------------------------------------------ face */

static void draw_face(const desk_state *st, draw_list *dl, desk_rect p) {
    const desk_ident_info *in = &st->ident_info;
    const desk_ident_state *id = &st->ident;
    char s[16], t[16];
    dl_box(dl, p);
    if (desk_current_traveler(st)->gate && in->gate_threshold > 0) {
        desk_num(st, in->gate_score, s, sizeof s), desk_num(st, in->gate_threshold, t, sizeof t);
        char out[320];
        desk_fmt(st, out, sizeof out, "ident.gate", in->gate_score, in->gate_threshold, s, t, NULL);
        pbtn_para(st, dl, p.x + 20, p.y + 76, 660, 2, C_ACCENT, out);
    }
    int zoom = id->zoom;
    if (id->view == FACE_VIEW_SIDE) {
        int chip = id->chip_read && in->chip_answer;
        picture(st, dl, desk_ident_face_pic(0), IDENT_PIC_CAMERA, zoom, 0, "ident.pic.camera");
        picture(st, dl, desk_ident_face_pic(1), IDENT_PIC_PORTRAIT, zoom, 0, "ident.pic.portrait");
        if (chip) {
            picture(st, dl, desk_ident_face_pic(2), IDENT_PIC_CHIP, zoom, 0, "ident.pic.chip");
        } else {
            desk_rect r = desk_ident_face_pic(2);
            pbtn_line(st, dl, r.x, r.y - 10, r.w, 14, C_DIM, 0, desk_tr(st, "ident.pic.chip"));
            dl_frame(dl, r, 1, 0xFF6A625Cu);
            pbtn_para(st, dl, r.x + 10, r.y + 40, r.w - 20, 5, C_DIM,
                      desk_tr(st, in->chip_doc < 0 ? "ident.no_chip_short" : "ident.read_first"));
        }
    } else {
        int pic = id->view == FACE_VIEW_OVERLAY ? IDENT_PIC_OVERLAY : desk_ident_flicker_pic(st);
        const char *key = id->view == FACE_VIEW_OVERLAY ? "ident.pic.overlay"
                          : pic == IDENT_PIC_CAMERA     ? "ident.pic.camera"
                                                        : "ident.pic.portrait";
        picture(st, dl, desk_ident_face_big(), pic, zoom, 0, key);
    }
    dl_box(dl, p);
    pbtn_line(st, dl, p.x + 20, p.y + 488, 660, 14, C_DIM, 0, desk_tr(st, "ident.features_title"));
}

/* ------------------------------------------------------------ fingers */

static void draw_capture(const desk_state *st, draw_list *dl, desk_rect p) {
    const desk_ident_state *id = &st->ident;
    char buf[256], q[16], m[16];
    int f = id->finger, n = id->captures[f - 1];
    desk_rect cap = desk_ident_capture_rect();
    snprintf(buf, sizeof buf, "ident.finger.%s", scn_finger_name(f));
    pbtn_line(st, dl, p.x + 70, p.y + 127, 180, 15, C_TEXT, 1, desk_tr(st, buf));
    if (id->exception[f - 1]) {
        pbtn_line(st, dl, cap.x, cap.y - 10, cap.w, 14, C_DIM, 0, desk_tr(st, "ident.pic.capture"));
        dl_frame(dl, cap, 1, 0xFF6A625Cu);
        pbtn_para(st, dl, cap.x + 10, cap.y + 40, cap.w - 20, 5, C_ACCENT,
                  desk_tr(st, id->exception[f - 1] == 1 ? "ident.recorded_injured"
                                                        : "ident.recorded_missing"));
    } else if (n > 0) {
        picture(st, dl, cap, IDENT_PIC_FINGER, f, n - 1, "ident.pic.capture");
        int qual = desk_ident_quality(st, f, n - 1),
            ok = qual > 0 && qual >= st->ident_info.quality_min;
        desk_num(st, qual, q, sizeof q), desk_num(st, st->ident_info.quality_min, m, sizeof m);
        char out[256];
        desk_fmt(st, out, sizeof out,
                 qual == 0 ? "ident.no_print"
                 : ok      ? "ident.quality_ok"
                           : "ident.quality_low",
                 qual, st->ident_info.quality_min, q, m, NULL);
        pbtn_para(st, dl, cap.x, cap.y + cap.h + 24, cap.w, 3, ok ? C_GREEN : C_RED, out);
    }
    if (id->verified) {
        desk_rect ref = desk_ident_ref_rect();
        picture(st, dl, ref, IDENT_PIC_FINGER_REF, id->verified, 0, "ident.pic.reference");
        int s = st->ident_info.verify_score[id->verified - 1], t = st->ident_info.verify_threshold;
        desk_num(st, s, q, sizeof q), desk_num(st, t, m, sizeof m);
        char out[256];
        desk_fmt(st, out, sizeof out, s >= t ? "ident.verify_match" : "ident.verify_no_match", s, t,
                 q, m, NULL);
        pbtn_para(st, dl, ref.x, ref.y + ref.h + 24, ref.w, 3, s >= t ? C_GREEN : C_RED, out);
    }
}

/* A marked point on a print: a small square where it was clicked (the
 * print keeps its own orientation when the screen is mirrored). */
static void mark_at(const desk_state *st, draw_list *dl, desk_rect r, int ix, int iy, int thick) {
    int u = ix * r.w / IDENT_IMG_W, v = iy * r.h / IDENT_IMG_H;
    int x = desk_rtl(st) ? r.x + r.w - u : r.x + u;
    dl_frame(dl, (desk_rect){x - 5, r.y + v - 5, 10, 10}, thick, C_ACCENT);
}

/* Marking corresponding minutiae: each pair's two points, the one waiting
 * for its pair, and how to go on. */
static void draw_marking(const desk_state *st, draw_list *dl, desk_rect p) {
    const desk_ident_state *id = &st->ident;
    char buf[320];
    for (int i = 0; i < id->n_pairs; i++) {
        mark_at(st, dl, desk_ident_capture_rect(), id->pairs[i][0], id->pairs[i][1], 2);
        mark_at(st, dl, desk_ident_ref_rect(), id->pairs[i][2], id->pairs[i][3], 2);
    }
    if (id->pend) mark_at(st, dl, desk_ident_capture_rect(), id->pend_x, id->pend_y, 4);
    dl_box(dl, p);
    pbtn_para(st, dl, p.x + 20, p.y + 408, 280, 5, C_TEXT,
              desk_fmt(st, buf, sizeof buf, "ident.mark_hint", id->n_pairs, IDENT_PAIRS, NULL, NULL,
                       NULL));
}

static void draw_candidate(const desk_state *st, draw_list *dl, desk_rect p) {
    const desk_ident_cand *c = &st->ident_info.cands[st->ident.cand];
    int x = p.x + 760;
    char buf[160], d[64], sc[16];
    picture(st, dl, (desk_rect){x, p.y + 94, 120, 150}, IDENT_PIC_CANDIDATE, 0, st->ident.cand,
            "ident.pic.candidate");
    int y = p.y + 268;
    y = pbtn_para(st, dl, x, y, 200, 2, C_TEXT, c->name);
    dl->cmd[dl->n - 1].dir = 1;
    if (c->name_native[0]) {
        y = pbtn_para(st, dl, x, y, 200, 2, C_TEXT, c->name_native);
        dl->cmd[dl->n - 1].dir = 2;
    }
    desk_date_text(st, c->birth, d, sizeof d);
    pbtn_line(st, dl, x, y, 200, 14, C_TEXT, 0, d);
    snprintf(buf, sizeof buf, "ident.alert.%s", c->category);
    y = pbtn_para(st, dl, x, y + 22, 200, 2, C_ACCENT, desk_tr(st, buf));
    desk_num(st, c->score, sc, sizeof sc);
    pbtn_line(st, dl, x, y, 200, 14, C_DIM, 0,
              desk_fmt(st, buf, sizeof buf, "ident.cand_score", c->score, 0, NULL, NULL, sc));
    (void)p;
}

static void draw_fingers(const desk_state *st, draw_list *dl, desk_rect p) {
    const desk_ident_state *id = &st->ident;
    dl_box(dl, p);
    if (!desk_current_traveler(st)->fingers) {
        pbtn_para(st, dl, p.x + 20, p.y + 400, 280, 5, C_DIM, desk_tr(st, "ident.no_fingers"));
    }
    draw_capture(st, dl, p);
    if (id->marking) draw_marking(st, dl, p);
    dl_box(dl, p);
    int x = p.x + 760;
    if (id->searched && id->cand < 0) {
        pbtn_line(st, dl, x, p.y + 80, 200, 15, C_ACCENT, 1, desk_tr(st, "ident.watchlist"));
        if (st->ident_info.n_cands == 0)
            pbtn_para(st, dl, x, p.y + 110, 200, 3, C_GREEN, desk_tr(st, "ident.no_candidates"));
        else
            pbtn_para(st, dl, x, p.y + 110 + st->ident_info.n_cands * 40, 200, 6, C_DIM,
                      desk_tr(st, "ident.candidates_note"));
    } else if (id->cand >= 0) {
        draw_candidate(st, dl, p);
    }
}

void desk_draw_ident(const desk_state *st, draw_list *dl) {
    const desk_rect p = desk_ident_panel();
    dl_fill(dl, p, C_PANEL_SOLID);
    dl_frame(dl, p, 2, C_ACCENT);
    dl_box(dl, p);
    pbtn_line(st, dl, p.x + 20, p.y + 36, 400, 18, C_ACCENT, 1, desk_tr(st, "ident.title"));
    if (st->ident.tab == IDENT_TAB_CHIP)
        draw_chip(st, dl, p);
    else if (st->ident.tab == IDENT_TAB_FACE)
        draw_face(st, dl, p);
    else
        draw_fingers(st, dl, p);
    ident_button bs[IDENT_MAX_BUTTONS];
    int n = desk_ident_buttons(st, bs, IDENT_MAX_BUTTONS);
    draw_buttons(st, dl, bs, n);
}
