/* desk_draw_sys.c - the systems panel (desk_sys.h): the API line beside
 * the document, the PNR and its risk rules, the database checks and the
 * civil registry. Data (names, numbers, the PNR's lines) are drawn left to
 * right as the systems print them, whatever the interface's direction. */
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "desk_draw_internal.h"
#include "desk_sys.h"
#include "scenario.h"

static const char *const field_keys[SYS_API_FIELDS] = {
    "sys.field.surname",     "sys.field.given",  "sys.field.birth",  "sys.field.sex",
    "sys.field.nationality", "sys.field.number", "sys.field.expiry", "sys.field.issuer"};

/* A value as a system prints it: left to right, shrunk to w. */
static void data(const desk_state *st, draw_list *dl, int x, int y, int w, uint32_t rgba,
                 const char *s) {
    pbtn_line(st, dl, x, y, w, 14, rgba, 0, s)->dir = 1;
}

static void draw_api(const desk_state *st, draw_list *dl, desk_rect p) {
    const desk_sys_info *in = &st->sys_info;
    char buf[160];
    if (!in->has_api) {
        pbtn_para(st, dl, p.x + 20, p.y + 100, 600, 3, C_DIM, desk_tr(st, "sys.no_api"));
        return;
    }
    pbtn_line(st, dl, p.x + 20, p.y + 84, 140, 15, C_DIM, 0, desk_tr(st, "sys.flight"));
    data(st, dl, p.x + 170, p.y + 84, 500, C_TEXT, in->flight);
    snprintf(buf, sizeof buf, "%s  %s", in->booking, in->seat);
    pbtn_line(st, dl, p.x + 20, p.y + 110, 140, 15, C_DIM, 0, desk_tr(st, "sys.booking"));
    data(st, dl, p.x + 170, p.y + 110, 300, C_TEXT, buf);
    int y = p.y + 150;
    pbtn_line(st, dl, p.x + 200, y, 360, 15, C_ACCENT, 1, desk_tr(st, "sys.col.api"));
    pbtn_line(st, dl, p.x + 580, y, 360, 15, C_ACCENT, 1, desk_tr(st, "sys.col.doc"));
    for (int f = 0; f < SYS_API_FIELDS; f++) {
        y += 27;
        pbtn_line(st, dl, p.x + 20, y, 170, 14, C_DIM, 0, desk_tr(st, field_keys[f]));
        data(st, dl, p.x + 200, y, 360, C_TEXT, in->api[f]);
        data(st, dl, p.x + 580, y, 360, C_TEXT, in->doc[f]);
    }
    pbtn_para(st, dl, p.x + 20, p.y + 450, 900, 3, C_DIM, desk_tr(st, "sys.api_note"));
}

/* The PNR's lines a page at a time, full width; under them the risk
 * rules' hits, each with its review. */
static void draw_pnr(const desk_state *st, draw_list *dl, desk_rect p) {
    const desk_sys_info *in = &st->sys_info;
    if (!in->n_pnr) {
        pbtn_para(st, dl, p.x + 20, p.y + 100, 600, 3, C_DIM, desk_tr(st, "sys.no_pnr"));
        return;
    }
    pbtn_line(st, dl, p.x + 20, p.y + 84, 660, 15, C_ACCENT, 1, desk_tr(st, "sys.pnr_title"));
    int first = st->sys.pnr_page * SYS_PNR_PAGE;
    for (int i = first; i < in->n_pnr && i < first + SYS_PNR_PAGE; i++) {
        desk_rect r = {p.x + 16, p.y + 96 + (i - first) * 21, 948, 20};
        dl_box(dl, r);
        dl_text(dl, r.x + 6, r.y + 15, 14, C_TEXT, 0, 0, "%s", in->pnr[i]);
        draw_cmd *c = &dl->cmd[dl->n - 1];
        c->dir = 1, c->max_w = r.w - 12;
    }
    int x = p.x + 20, y = p.y + 370;
    pbtn_line(st, dl, x, y, 720, 15, C_ACCENT, 1, desk_tr(st, "sys.rules_title"));
    if (!in->n_rules)
        pbtn_line(st, dl, x, y + 26, 720, 14, C_GREEN, 0, desk_tr(st, "sys.no_rules"));
    for (int r = 0; r < in->n_rules; r++) { /* each: its id and why it hit; its review */
        char buf[160];
        snprintf(buf, sizeof buf, "%s: %s", in->rule[r], in->rule_why[r]);
        pbtn_para(st, dl, x, p.y + 398 + r * 44, 720, 2, C_RED, buf);
        dl->cmd[dl->n - 1].dir = 1;
    }
    if (in->n_rules <= 2)
        pbtn_para(st, dl, x, p.y + 398 + (in->n_rules ? in->n_rules : 1) * 44 + 8, 920, 2, C_DIM,
                  desk_tr(st, "sys.rules_note"));
}

static void hit_row_text(const desk_state *st, const desk_sys_hit *h, char *out, size_t cap) {
    char k[64], sc[16];
    snprintf(k, sizeof k, "sys.cat.%s", chk_category_name(h->category));
    desk_num(st, h->score, sc, sizeof sc);
    snprintf(out, cap, "%s · %s · %s", desk_tr(st, k), h->name[0] ? h->name : h->doc, sc);
}

static void draw_lists(const desk_state *st, draw_list *dl, desk_rect p) {
    const desk_sys_info *in = &st->sys_info;
    char buf[200], d[64];
    desk_date_text(st, in->trav_birth, d, sizeof d);
    pbtn_line(st, dl, p.x + 20, p.y + 240, 300, 14, C_DIM, 0, desk_tr(st, "sys.query"));
    int y = pbtn_para(st, dl, p.x + 20, p.y + 262, 320, 2, C_TEXT, in->trav_name);
    dl->cmd[dl->n - 1].dir = 1;
    data(st, dl, p.x + 20, y, 320, C_TEXT, d);
    data(st, dl, p.x + 20, y + 22, 320, C_TEXT, in->trav_doc);
    pbtn_para(st, dl, p.x + 20, y + 56, 320, 8, C_DIM, desk_tr(st, "sys.checks_note"));
    y = p.y + 96;
    for (int li = 0; li < SYS_LISTS; li++) {
        if (!(st->sys.searched >> li & 1)) continue;
        snprintf(buf, sizeof buf, "sys.list.%s", chk_list_name(li));
        pbtn_line(st, dl, p.x + 356, y + 18, 604, 15, C_ACCENT, 1, desk_tr(st, buf));
        y += 26;
        for (int h = 0; h < in->n_hits[li]; h++, y += 36) {
            hit_row_text(st, &in->hits[li][h], buf, sizeof buf);
            dl_box(dl, (desk_rect){p.x + 356, y, 604, 32});
            dl_text(dl, p.x + 366, y + 22, 15, C_TEXT, 0, 0, "%s", buf);
            dl->cmd[dl->n - 1].max_w = 584;
        }
        if (!in->n_hits[li]) {
            pbtn_line(st, dl, p.x + 366, y + 18, 584, 14, C_GREEN, 0, desk_tr(st, "sys.no_hit"));
            y += 26;
        }
    }
}

/* The record, field by field; the photos side by side once compared. */
static void draw_hit(const desk_state *st, draw_list *dl, desk_rect p) {
    const desk_sys_state *s = &st->sys;
    const desk_sys_hit *h = &st->sys_info.hits[s->list][s->hit];
    char buf[200], k[64], v[64];
    int x = p.x + 20, y = p.y + 84;
    snprintf(k, sizeof k, "sys.list.%s", chk_list_name(h->list));
    pbtn_line(st, dl, x, y, 520, 15, C_ACCENT, 1, desk_tr(st, k));
    snprintf(k, sizeof k, "sys.cat.%s", chk_category_name(h->category));
    pbtn_line(st, dl, x, y += 24, 520, 15, C_RED, 1, desk_tr(st, k));
    snprintf(k, sizeof k, "sys.basis.%s", chk_basis_name(h->basis));
    desk_num(st, h->score, v, sizeof v);
    snprintf(buf, sizeof buf, "%s · %s", desk_tr(st, k), v);
    pbtn_line(st, dl, x, y += 24, 520, 14, C_TEXT, 0, buf);
    if (h->name[0]) data(st, dl, x, y += 24, 520, C_TEXT, h->name);
    if (h->name_native[0])
        pbtn_line(st, dl, x, y += 24, 520, 15, C_TEXT, 0, h->name_native)->dir = 2;
    if (h->birth.y) {
        desk_date_text(st, h->birth, v, sizeof v);
        snprintf(buf, sizeof buf, "%s %s  %s", desk_tr(st, "sys.born"), v, h->sex);
        pbtn_line(st, dl, x, y += 24, 520, 14, C_TEXT, 0, buf);
    }
    if (h->doc[0]) data(st, dl, x, y += 24, 520, C_TEXT, h->doc);
    desk_date_text(st, h->reported, v, sizeof v);
    snprintf(buf, sizeof buf, "%s %s · %s · %s", desk_tr(st, "sys.reported"), h->reporting, v,
             h->ref);
    pbtn_line(st, dl, x, y += 24, 520, 14, C_DIM, 0, buf)->dir = 1;
    snprintf(k, sizeof k, "sys.action.%s", chk_action_name(h->action));
    pbtn_para(st, dl, x, y + 26, 520, 2, C_ACCENT, desk_tr(st, k));
    if (!(s->compared[s->list] >> s->hit & 1)) return;
    for (int i = 0; i < 2; i++) {
        desk_rect r = desk_sys_photo_rect(i);
        pbtn_line(st, dl, r.x, r.y + r.h + 20, r.w, 14, C_DIM, 0,
                  desk_tr(st, i ? "sys.photo.traveler" : "sys.photo.record"));
        dl_fill(dl, r, 0xFF101010u);
        if (i == 0 && (h->check >= 0 || h->photo))
            dl_tex(dl, TEX_IDENT, IDENT_PIC_RECORD, 0, s->list * SYS_HITS + s->hit, r);
        else if (i == 1)
            dl_tex(dl, TEX_IDENT, IDENT_PIC_CAMERA, 0, 0, r);
        dl_frame(dl, r, 1, 0xFF6A625Cu);
    }
    desk_date_text(st, st->sys_info.trav_birth, v, sizeof v);
    snprintf(buf, sizeof buf, "%s %s", desk_tr(st, "sys.doc_born"), v);
    pbtn_line(st, dl, p.x + 560, p.y + 320, 380, 14, C_TEXT, 0, buf);
}

static void draw_registry(const desk_state *st, draw_list *dl, desk_rect p) {
    const desk_sys_info *in = &st->sys_info;
    const desk_sys_state *s = &st->sys;
    char k[64];
    int x = p.x + 464, y = p.y + 84;
    if (!in->registry) {
        pbtn_para(st, dl, p.x + 20, p.y + 320, 420, 4, C_DIM, desk_tr(st, "sys.no_registry"));
        return;
    }
    pbtn_para(st, dl, p.x + 20, p.y + 320, 420, 8, C_DIM, desk_tr(st, "sys.registry_note"));
    if (s->reg_asked) {
        snprintf(k, sizeof k, "sys.reg.result.%s", scn_reg_name(in->registry));
        y = pbtn_para(st, dl, x, y + 20, 496, 2, C_ACCENT, desk_tr(st, k));
        for (int i = 0; i < in->n_reg; i++)
            data(st, dl, x, y += 2, 496, C_TEXT, in->reg[i]), y += 22;
    }
    if (s->cons_asked) {
        snprintf(k, sizeof k, "sys.cons.result.%s", scn_cons_name(in->consulate));
        y = pbtn_para(st, dl, x, y + 24, 496, 4, C_ACCENT, desk_tr(st, k));
    }
    if (s->etd_asked)
        pbtn_para(st, dl, x, y + 24, 496, 3, C_TEXT,
                  desk_tr(st, in->etd ? "sys.etd.issued" : "sys.etd.refused"));
}

void desk_draw_sys(const desk_state *st, draw_list *dl) {
    const desk_rect p = desk_sys_panel();
    dl_fill(dl, p, C_PANEL_SOLID);
    dl_frame(dl, p, 2, C_ACCENT);
    dl_box(dl, p);
    pbtn_line(st, dl, p.x + 20, p.y + 36, 260, 18, C_ACCENT, 1, desk_tr(st, "sys.title"));
    pbtn btns[SYS_MAX_BUTTONS];
    int n = desk_sys_buttons(st, btns, SYS_MAX_BUTTONS);
    pbtn_draw(st, dl, btns, n, st->sys.focus);
    dl_box(dl, p);
    if (st->sys.tab == SYS_TAB_API)
        draw_api(st, dl, p);
    else if (st->sys.tab == SYS_TAB_PNR)
        draw_pnr(st, dl, p);
    else if (st->sys.tab == SYS_TAB_CHECKS && st->sys.hit >= 0)
        draw_hit(st, dl, p);
    else if (st->sys.tab == SYS_TAB_CHECKS)
        draw_lists(st, dl, p);
    else
        draw_registry(st, dl, p);
}
