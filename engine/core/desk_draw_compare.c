/* desk_draw_compare.c - the top document and its genuine specimen side by
 * side (V, or the reference panel's button), at one scale and under one
 * light; with the loupe on, one loupe position is shown on both, so a
 * feature is compared where it is. Also the loupe over the reference
 * panel's specimen. */
#include <math.h>
#include <stdio.h>

#include "desk_draw_internal.h"

#define CMP_TOP  70 /* the pictures' top, below the title and their labels */
#define CMP_GAP  20
#define LOUPE_PX 200

/* Where document d's picture and its specimen's lie in the compare view,
 * and their scale (px per mm). */
static double pictures(const desk_state *st, int d, desk_rect *doc, desk_rect *ref) {
    const desk_rect a = desk_layout.compare;
    const desk_doc_spec *ds = &desk_current_traveler(st)->docs[d];
    double half = (a.w - 3 * CMP_GAP) / 2.0;
    double k = fmin(half / ds->mm_w, (a.h - CMP_TOP - 60) / ds->mm_h);
    int w = (int)(ds->mm_w * k), h = (int)(ds->mm_h * k);
    *doc = (desk_rect){a.x + CMP_GAP, a.y + CMP_TOP + 20, w, h};
    *ref = (desk_rect){a.x + a.w / 2 + CMP_GAP / 2, a.y + CMP_TOP + 20, w, h};
    return k;
}

/* The point (mm) of a picture under the pointer, in the picture's own
 * orientation (a mirrored screen does not mirror documents); 0: not over it. */
static int point_in(const desk_state *st, desk_rect r, double k, double *u, double *v) {
    if (!desk_rect_hit(r, st->mx, st->my)) return 0;
    *u = (desk_rtl(st) ? r.x + r.w - st->mx : st->mx - r.x) / k;
    *v = (st->my - r.y) / k;
    return 1;
}

/* A loupe at (u, v) mm of a picture: TEX_LOUPE_DOC or TEX_LOUPE_REF. */
static void loupe_at(const desk_state *st, draw_list *dl, int tex, int d, desk_rect r, double k,
                     double u, double v) {
    int cx = desk_rtl(st) ? r.x + r.w - (int)(u * k) : r.x + (int)(u * k);
    int cy = r.y + (int)(v * k);
    dl_tex(dl, tex, d, (int)lround(u * 100), (int)lround(v * 100),
           (desk_rect){cx - LOUPE_PX / 2, cy - LOUPE_PX / 2, LOUPE_PX, LOUPE_PX});
}

void desk_draw_compare(const desk_state *st, draw_list *dl) {
    const desk_rect a = desk_layout.compare;
    char buf[256];
    dl_fill(dl, a, C_PANEL_SOLID);
    dl_frame(dl, a, 2, C_ACCENT);
    dl_box(dl, a);
    dl_text(dl, a.x + 20, a.y + 32, 18, C_ACCENT, 1, 0, "%s",
            desk_fmt(st, buf, sizeof buf, "compare.title", 0, 0, NULL,
                     desk_light_label(st, st->light), NULL));
    dl->cmd[dl->n - 1].max_w = a.w - 40;
    int d = desk_top_doc(st);
    if (d < 0 || st->docs[d].closed) {
        dl_text(dl, a.x + 20, a.y + 80, 15, C_TEXT, 0, 0, "%s", desk_tr(st, "compare.put_open"));
        dl->cmd[dl->n - 1].max_w = -(a.w - 40);
        return;
    }
    desk_rect doc, ref;
    double k = pictures(st, d, &doc, &ref);
    int side = st->docs[d].side;
    dl_text(dl, doc.x, doc.y - 10, 15, C_TEXT, 1, 0, "%s", desk_tr(st, "compare.this"));
    dl->cmd[dl->n - 1].max_w = doc.w;
    dl_text(dl, ref.x, ref.y - 10, 15, C_TEXT, 1, 0, "%s", desk_tr(st, "compare.specimen"));
    dl->cmd[dl->n - 1].max_w = ref.w;
    dl_tex(dl, TEX_DOC, d, st->light, side, doc);
    if (st->info[d].no_reference) {
        dl_frame(dl, ref, 1, C_DIM);
        dl_text(dl, ref.x + 12, ref.y + 30, 15, C_TEXT, 0, 0, "%s",
                desk_tr(st, "ref.none_captured"));
        dl->cmd[dl->n - 1].max_w = -(ref.w - 24);
    } else {
        dl_tex(dl, TEX_REF, d, st->light, side, ref);
    }
    double u, v;
    int on = point_in(st, doc, k, &u, &v) || point_in(st, ref, k, &u, &v);
    if (st->loupe && on) { /* one position, both pictures */
        draw_cmd *clip = dl_push(dl, DRAW_CLIP);
        if (clip) clip->x = a.x, clip->y = a.y, clip->w = a.w, clip->h = a.h;
        loupe_at(st, dl, TEX_LOUPE_DOC, d, doc, k, u, v);
        if (!st->info[d].no_reference) loupe_at(st, dl, TEX_LOUPE_REF, d, ref, k, u, v);
        dl_push(dl, DRAW_CLIP);
    }
    dl_text(dl, a.x + 20, a.y + a.h - 16, 15, C_DIM, 0, 0, "%s",
            desk_tr(st, st->loupe ? "compare.hint_loupe" : "compare.hint"));
    dl->cmd[dl->n - 1].max_w = a.w - 40;
}

void desk_draw_ref_loupe(const desk_state *st, draw_list *dl, int d, desk_rect pic, double k) {
    double u, v;
    if (!st->loupe || !point_in(st, pic, k, &u, &v)) return;
    const desk_rect p = desk_layout.ref_panel;
    draw_cmd *clip = dl_push(dl, DRAW_CLIP);
    if (clip) clip->x = p.x, clip->y = p.y, clip->w = p.w, clip->h = p.h;
    loupe_at(st, dl, TEX_LOUPE_REF, d, pic, k, u, v);
    dl_push(dl, DRAW_CLIP);
}
