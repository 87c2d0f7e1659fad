/* desk_ident.c - see desk_ident.h: the identity panel's buttons, what each
 * does and logs, and its input. */
#include "desk_ident.h"

#include <string.h>

#include "scenario.h"

static const char *const feature_ids[FACE_FEATURE_CITES] = {
    "face_shape", "ears", "eyes", "brows", "nose", "mouth", "chin", "hairline", "marks"};
static const char *const answer_ids[] = {"", "same", "different", "cannot_tell"};
static const char *const tab_ids[IDENT_TABS] = {"chip", "face", "fingers"};
static const char *const view_ids[FACE_VIEWS] = {"side_by_side", "overlay", "flicker"};
static const char *const zoom_ids[FACE_ZOOMS] = {"whole", "eyes", "nose", "mouth", "ear"};

const char *desk_face_feature_id(int f) {
    return f >= 0 && f < FACE_FEATURE_CITES ? feature_ids[f] : "";
}

const char *desk_face_answer_id(int a) {
    return a > 0 && a <= FACE_ANSWER_CANNOT_TELL ? answer_ids[a] : "";
}

/* ------------------------------------------------------------ places */

desk_rect desk_ident_panel(void) {
    return desk_layout.compare;
}

desk_rect desk_ident_face_pic(int i) {
    desk_rect p = desk_ident_panel();
    return (desk_rect){p.x + 20 + i * 220, p.y + 134, 200, 250};
}

desk_rect desk_ident_face_big(void) {
    desk_rect p = desk_ident_panel();
    return (desk_rect){p.x + 160, p.y + 134, 260, 325 - 20};
}

desk_rect desk_ident_capture_rect(void) {
    desk_rect p = desk_ident_panel();
    return (desk_rect){p.x + 320, p.y + 94, 200, 250};
}

desk_rect desk_ident_ref_rect(void) {
    desk_rect p = desk_ident_panel();
    return (desk_rect){p.x + 540, p.y + 94, 200, 250};
}

int desk_ident_index_finger(int finger) {
    return finger == 2 ? 0 : finger == 7 ? 1 : -1;
}

/* ------------------------------------------------------------ buttons */

static void chip_buttons(const desk_state *st, pbtn_list *l, desk_rect p) {
    const desk_ident_info *in = &st->ident_info;
    if (in->chip_doc >= 0)
        pbtn_add(l, IB_READ_CHIP, 0, (desk_rect){p.x + 20, p.y + 72, 260, 36},
                 st->ident.chip_read ? "ident.read_again" : "ident.read_chip", 0, 1);
}

static void face_buttons(const desk_state *st, pbtn_list *l, desk_rect p) {
    const desk_ident_state *id = &st->ident;
    char k[48];
    int x = p.x + 700, y = p.y + 64;
    for (int v = 0; v < FACE_VIEWS; v++)
        pbtn_add(l, IB_VIEW, v, (desk_rect){x, y + v * 34, 260, 30},
                 (snprintf(k, sizeof k, "ident.view.%s", view_ids[v]), k), id->view == v, 1);
    y += FACE_VIEWS * 34 + 12;
    for (int z = 0; z < FACE_ZOOMS; z++)
        pbtn_add(l, IB_ZOOM, z, (desk_rect){x, y + z * 34, 260, 30},
                 (snprintf(k, sizeof k, "ident.zoom.%s", zoom_ids[z]), k), id->zoom == z, 1);
    y = p.y + 440;
    for (int a = FACE_ANSWER_SAME; a <= FACE_ANSWER_CANNOT_TELL; a++)
        pbtn_add(l, IB_ANSWER, a, (desk_rect){p.x + 20 + (a - 1) * 216, y, 210, 34},
                 (snprintf(k, sizeof k, "ident.answer.%s", answer_ids[a]), k), id->answer == a, 1);
    for (int c = 1; c <= 3; c++)
        pbtn_add(l, IB_CONFIDENCE, c, (desk_rect){p.x + 680 + (c - 1) * 94, y, 90, 34},
                 (snprintf(k, sizeof k, "ident.confidence.%d", c), k), id->confidence == c,
                 id->answer != FACE_ANSWER_NONE);
    for (int f = 0; f < FACE_FEATURE_CITES; f++)
        pbtn_add(l, IB_FEATURE, f,
                 (desk_rect){p.x + 20 + (f % 5) * 156, p.y + 498 + f / 5 * 34, 150, 30},
                 (snprintf(k, sizeof k, "ident.feature.%s", feature_ids[f]), k),
                 (int)(id->features >> f & 1), 1);
    pbtn_add(l, IB_RECORD, 0, (desk_rect){p.x + 820, p.y + 498, 140, 64}, "ident.record",
             id->recorded,
             id->answer != FACE_ANSWER_NONE &&
                 (id->answer == FACE_ANSWER_CANNOT_TELL || id->confidence));
}

static void candidate_buttons(const desk_state *st, pbtn_list *l, desk_rect p) {
    const desk_ident_state *id = &st->ident;
    int x = p.x + 760;
    if (id->cand >= 0) {
        int v = id->cand_verdict[id->cand];
        pbtn_add(l, IB_CAND_SAME, 0, (desk_rect){x, p.y + 430, 200, 34}, "ident.cand_same", v == 1,
                 1);
        pbtn_add(l, IB_CAND_NOT, 0, (desk_rect){x, p.y + 470, 200, 34}, "ident.cand_not", v == 2,
                 1);
        pbtn_add(l, IB_CAND_BACK, 0, (desk_rect){x, p.y + 510, 200, 34}, "ident.cand_back", 0, 1);
        return;
    }
    for (int c = 0; id->searched && c < st->ident_info.n_cands; c++)
        pbtn_add(l, IB_CAND, c, (desk_rect){x, p.y + 94 + c * 40, 200, 34}, "ident.cand_row",
                 id->cand_verdict[c] != 0, 1);
}

static void finger_buttons(const desk_state *st, pbtn_list *l, desk_rect p) {
    const desk_ident_state *id = &st->ident;
    const desk_ident_info *in = &st->ident_info;
    int x = p.x + 20, f = id->finger;
    pbtn_add(l, IB_EXPLAIN, 0, (desk_rect){x, p.y + 64, 280, 34}, "ident.explain", id->explained,
             1);
    pbtn_add(l, IB_FINGER, -1, (desk_rect){x, p.y + 104, 44, 34}, "ident.finger_prev", 0, 1);
    pbtn_add(l, IB_FINGER, 1, (desk_rect){x + 236, p.y + 104, 44, 34}, "ident.finger_next", 0, 1);
    int excepted = id->exception[f - 1] != 0;
    pbtn_add(l, IB_CAPTURE, 0, (desk_rect){x, p.y + 144, 280, 34},
             id->captures[f - 1] ? "ident.recapture" : "ident.capture", 0, !excepted);
    pbtn_add(l, IB_INJURED, 0, (desk_rect){x, p.y + 184, 280, 34}, "ident.injured",
             id->exception[f - 1] == 1, 1);
    pbtn_add(l, IB_MISSING, 0, (desk_rect){x, p.y + 224, 280, 34}, "ident.missing",
             id->exception[f - 1] == 2, 1);
    pbtn_add(l, IB_VERIFY, 0, (desk_rect){x, p.y + 264, 280, 34}, "ident.verify", id->verified == f,
             in->has_dg3 && id->chip_read && desk_ident_captured(st, f));
    pbtn_add(l, IB_SEARCH, 0, (desk_rect){x, p.y + 304, 280, 34}, "ident.search", id->searched,
             desk_ident_captured(st, f));
    pbtn_add(l, IB_MARK, 0, (desk_rect){x, p.y + 344, 280, 34}, "ident.mark", id->marking,
             id->verified == f && desk_ident_index_finger(f) >= 0);
    candidate_buttons(st, l, p);
}

int desk_ident_buttons(const desk_state *st, ident_button *out, int cap) {
    pbtn_list l = {out, 0, cap};
    desk_rect p = desk_ident_panel();
    char k[48];
    for (int t = 0; t < IDENT_TABS; t++)
        pbtn_add(&l, IB_TAB, t,
                 (desk_rect){p.x + p.w - 20 - (IDENT_TABS - t) * 174 + 4, p.y + 12, 170, 36},
                 (snprintf(k, sizeof k, "ident.tab.%s", tab_ids[t]), k), st->ident.tab == t, 1);
    if (st->ident.tab == IDENT_TAB_CHIP)
        chip_buttons(st, &l, p);
    else if (st->ident.tab == IDENT_TAB_FACE)
        face_buttons(st, &l, p);
    else
        finger_buttons(st, &l, p);
    return l.n;
}

/* ------------------------------------------------------------ state */

/* The fingers the scanner takes, in the order the arrows go through them. */
static const int scan_fingers[DESK_SCAN_FINGERS] = {2, 7, 3, 8};

int desk_ident_next_finger(int finger, int step) {
    int i = 0;
    while (i < DESK_SCAN_FINGERS && scan_fingers[i] != finger)
        i++;
    if (i == DESK_SCAN_FINGERS) return scan_fingers[0];
    return scan_fingers[(i + step + DESK_SCAN_FINGERS) % DESK_SCAN_FINGERS];
}

void desk_ident_reset(desk_state *st) {
    memset(&st->ident, 0, sizeof st->ident);
    st->ident.finger = 2; /* the right index: where a scanner starts */
    st->ident.cand = -1;
    st->ident.focus = -1;
    memset(&st->ident_info, 0, sizeof st->ident_info);
    st->ident_info.chip_doc = -1;
}

int desk_ident_quality(const desk_state *st, int f, int attempt) {
    if (f < 1 || f > 10 || attempt < 0) return 0;
    if (attempt >= IDENT_ATTEMPTS) attempt = IDENT_ATTEMPTS - 1;
    return st->ident_info.quality[f - 1][attempt];
}

int desk_ident_captured(const desk_state *st, int f) {
    int n = f >= 1 && f <= 10 ? st->ident.captures[f - 1] : 0;
    for (int a = 0; a < n; a++)
        if (desk_ident_quality(st, f, a) >= st->ident_info.quality_min &&
            desk_ident_quality(st, f, a) > 0)
            return 1;
    return 0;
}

int desk_ident_flicker_pic(const desk_state *st) {
    return (st->frame / DESK_FLICKER_FRAMES) % 2 ? IDENT_PIC_PORTRAIT : IDENT_PIC_CAMERA;
}

/* ------------------------------------------------------------ actions */

void desk_act_ident(desk_state *st, desk_log_fn log, void *ud) {
    int on = !st->ident_panel;
    desk_close_panels(st);
    st->ident_panel = on;
    st->ident.focus = -1;
    desk_emit(st, log, ud, "ident_panel", desk_current_traveler(st)->id, "{\"on\": %s}",
              on ? "true" : "false");
}

static void read_chip(desk_state *st, desk_log_fn log, void *ud) {
    const desk_ident_info *in = &st->ident_info;
    char target[128];
    desk_doc_target(st, in->chip_doc, target, sizeof target);
    st->ident.chip_read = 1;
    int failed = 0;
    for (int c = 0; c < IDENT_CHECKS; c++)
        failed += in->checks[c] == 0;
    desk_emit(st, log, ud, "chip_read", target, "{\"answer\": %s, \"failed_checks\": %d}",
              in->chip_answer ? "true" : "false", in->chip_answer ? failed : 0);
}

static void record_face(desk_state *st, desk_log_fn log, void *ud) {
    desk_ident_state *id = &st->ident;
    char feats[256] = "";
    size_t n = 0;
    for (int f = 0; f < FACE_FEATURE_CITES; f++)
        if (id->features >> f & 1)
            n +=
                (size_t)snprintf(feats + n, sizeof feats - n, "%s%s", n ? " " : "", feature_ids[f]);
    id->recorded = 1;
    desk_emit(st, log, ud, "face_answer", desk_current_traveler(st)->id,
              "{\"answer\": \"%s\", \"confidence\": %d, \"features\": \"%s\", \"view\": \"%s\"}",
              answer_ids[id->answer], id->answer == FACE_ANSWER_CANNOT_TELL ? 0 : id->confidence,
              feats, view_ids[id->view]);
}

static void capture(desk_state *st, desk_log_fn log, void *ud) {
    desk_ident_state *id = &st->ident;
    int f = id->finger, a = id->captures[f - 1]++;
    int q = desk_ident_quality(st, f, a);
    desk_emit(st, log, ud, "finger_capture", desk_current_traveler(st)->id,
              "{\"finger\": \"%s\", \"attempt\": %d, \"quality\": %d, \"enough\": %s, "
              "\"explained\": %s}",
              scn_finger_name(f), a + 1, q,
              q > 0 && q >= st->ident_info.quality_min ? "true" : "false",
              id->explained ? "true" : "false");
}

static void exception(desk_state *st, int kind, desk_log_fn log, void *ud) {
    desk_ident_state *id = &st->ident;
    int f = id->finger;
    id->exception[f - 1] = id->exception[f - 1] == kind ? 0 : kind; /* pressed again: undone */
    desk_emit(st, log, ud, "finger_exception", desk_current_traveler(st)->id,
              "{\"finger\": \"%s\", \"kind\": \"%s\"}", scn_finger_name(f),
              id->exception[f - 1] == 1   ? "injured"
              : id->exception[f - 1] == 2 ? "missing"
                                          : "none");
}

static void verify(desk_state *st, desk_log_fn log, void *ud) {
    const desk_ident_info *in = &st->ident_info;
    int f = st->ident.finger, s = in->verify_score[f - 1];
    st->ident.verified = f;
    desk_emit(st, log, ud, "finger_verify", desk_current_traveler(st)->id,
              "{\"finger\": \"%s\", \"score\": %d, \"threshold\": %d, \"match\": %s}",
              scn_finger_name(f), s, in->verify_threshold,
              s >= in->verify_threshold ? "true" : "false");
}

static void search(desk_state *st, desk_log_fn log, void *ud) {
    st->ident.searched = 1;
    st->ident.cand = -1;
    desk_emit(st, log, ud, "watchlist_search", desk_current_traveler(st)->id,
              "{\"finger\": \"%s\", \"candidates\": %d}", scn_finger_name(st->ident.finger),
              st->ident_info.n_cands);
}

static void cand_verdict(desk_state *st, int v, desk_log_fn log, void *ud) {
    int c = st->ident.cand;
    st->ident.cand_verdict[c] = v;
    desk_emit(st, log, ud, "candidate_verdict", desk_current_traveler(st)->id,
              "{\"candidate\": %d, \"score\": %d, \"same\": %s}", c + 1,
              st->ident_info.cands[c].score, v == 1 ? "true" : "false");
}

static void face_button(desk_state *st, const ident_button *b, desk_log_fn log, void *ud) {
    desk_ident_state *id = &st->ident;
    switch (b->kind) {
    case IB_VIEW:
    case IB_ZOOM:
        if (b->kind == IB_VIEW)
            id->view = b->arg;
        else
            id->zoom = b->arg;
        desk_emit(st, log, ud, "face_view", desk_current_traveler(st)->id,
                  "{\"view\": \"%s\", \"zoom\": \"%s\"}", view_ids[id->view], zoom_ids[id->zoom]);
        break;
    case IB_ANSWER:
        id->answer = b->arg;
        break;
    case IB_CONFIDENCE:
        id->confidence = b->arg;
        break;
    case IB_FEATURE:
        id->features ^= 1u << b->arg;
        break;
    case IB_RECORD:
        record_face(st, log, ud);
        break;
    }
}

static void press(desk_state *st, const ident_button *b, desk_log_fn log, void *ud) {
    desk_ident_state *id = &st->ident;
    if (!b->active) return;
    switch (b->kind) {
    case IB_TAB:
        id->tab = b->arg;
        desk_emit(st, log, ud, "ident_tab", desk_current_traveler(st)->id, "{\"tab\": \"%s\"}",
                  tab_ids[id->tab]);
        break;
    case IB_READ_CHIP:
        read_chip(st, log, ud);
        break;
    case IB_EXPLAIN:
        id->explained = 1;
        desk_emit(st, log, ud, "fingers_explained", desk_current_traveler(st)->id, "{}");
        break;
    case IB_FINGER:
        id->finger = desk_ident_next_finger(id->finger, b->arg);
        break;
    case IB_CAPTURE:
        capture(st, log, ud);
        break;
    case IB_INJURED:
        exception(st, 1, log, ud);
        break;
    case IB_MISSING:
        exception(st, 2, log, ud);
        break;
    case IB_VERIFY:
        verify(st, log, ud);
        break;
    case IB_SEARCH:
        search(st, log, ud);
        break;
    case IB_CAND:
        id->cand = b->arg;
        break;
    case IB_CAND_SAME:
        cand_verdict(st, 1, log, ud);
        break;
    case IB_CAND_NOT:
        cand_verdict(st, 2, log, ud);
        break;
    case IB_CAND_BACK:
        id->cand = -1;
        break;
    case IB_MARK:
        id->marking = !id->marking, id->pend = 0;
        break;
    default:
        face_button(st, b, log, ud);
        break;
    }
}

/* A click's place on a print (r), in the print image's pixels: the picture
 * keeps its own orientation when the screen is mirrored. 0: not on it. */
static int on_print(const desk_state *st, desk_rect r, int x, int y, int *ix, int *iy) {
    if (!desk_rect_hit(r, x, y)) return 0;
    int u = desk_rtl(st) ? r.x + r.w - 1 - x : x - r.x;
    *ix = u * IDENT_IMG_W / r.w, *iy = (y - r.y) * IDENT_IMG_H / r.h;
    return 1;
}

/* The id of the true minutia within 14 px of (x, y) on a print, or -1. */
static int minutia_at(const desk_ident_marks *m, int x, int y) {
    int best = -1, bd = 14 * 14 + 1;
    for (int i = 0; i < m->n && i < IDENT_MARKS; i++) {
        int dx = m->p[i][0] - x, dy = m->p[i][1] - y;
        if (dx * dx + dy * dy < bd) bd = dx * dx + dy * dy, best = m->p[i][2];
    }
    return best;
}

/* A point on the capture, then its counterpart on the chip's print: a pair,
 * logged with whether both are the same minutia of the finger. */
static int mark_click(desk_state *st, int x, int y, desk_log_fn log, void *ud) {
    desk_ident_state *id = &st->ident;
    int k = desk_ident_index_finger(id->finger), ix, iy;
    if (!id->marking || k < 0) return 0;
    if (on_print(st, desk_ident_capture_rect(), x, y, &ix, &iy)) {
        id->pend = 1, id->pend_x = ix, id->pend_y = iy;
        return 1;
    }
    if (!id->pend || id->n_pairs >= IDENT_PAIRS ||
        !on_print(st, desk_ident_ref_rect(), x, y, &ix, &iy))
        return 0;
    int a = id->captures[id->finger - 1] - 1;
    a = a < 0 ? 0 : a >= IDENT_ATTEMPTS ? IDENT_ATTEMPTS - 1 : a;
    int m1 = minutia_at(&st->ident_info.marks_cap[k][a], id->pend_x, id->pend_y);
    int m2 = minutia_at(&st->ident_info.marks_ref[k], ix, iy);
    short *p = id->pairs[id->n_pairs++];
    p[0] = (short)id->pend_x, p[1] = (short)id->pend_y, p[2] = (short)ix, p[3] = (short)iy;
    id->pend = 0;
    desk_emit(st, log, ud, "minutia_pair", desk_current_traveler(st)->id,
              "{\"finger\": \"%s\", \"pair\": %d, \"correct\": %s}", scn_finger_name(id->finger),
              id->n_pairs, m1 >= 0 && m1 == m2 ? "true" : "false");
    return 1;
}

int desk_ident_input(desk_state *st, const input_event *ev, desk_log_fn log, void *ud) {
    ident_button bs[IDENT_MAX_BUTTONS];
    int n = desk_ident_buttons(st, bs, IDENT_MAX_BUTTONS);
    desk_ident_state *id = &st->ident;
    if (ev->kind == EV_DOWN && ev->button == BUTTON_LEFT &&
        desk_rect_hit(desk_ident_panel(), ev->x, ev->y) && st->ident.tab == IDENT_TAB_FINGERS &&
        mark_click(st, ev->x, ev->y, log, ud))
        return 1;
    ident_button tab = {.kind = IB_TAB, .arg = (id->tab + 1) % IDENT_TABS, .active = 1};
    return pbtn_input(st, ev, desk_ident_panel(), bs, n, &id->focus, &tab, press, log, ud);
}
