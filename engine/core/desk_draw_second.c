/* desk_draw_second.c - the second-line stage's panel (desk_second.h): its
 * clock, the steps, what screening revealed, and how to decide. */
#include <stdio.h>

#include "desk_draw_internal.h"
#include "desk_second.h"
#include "scenario.h"

static void draw_found(const desk_state *st, draw_list *dl, desk_rect p) {
    unsigned found = desk_current_traveler(st)->second_found;
    int x = p.x + 500, y = p.y + 84 + 36 + 18, n = 0;
    if (!st->second.screened) return;
    char k[48];
    for (int v = 0; v < VULN_COUNT && n < 3; v++)
        if (found >> v & 1) {
            snprintf(k, sizeof k, "second.found.%s", scn_vuln_name(v));
            pbtn_line(st, dl, x, y + n++ * 22, 458, 14, C_RED, 0, desk_tr(st, k));
        }
    if (!n) pbtn_line(st, dl, x, y, 458, 14, C_GREEN, 0, desk_tr(st, "second.found.none"));
}

void desk_draw_second(const desk_state *st, draw_list *dl) {
    const desk_rect p = desk_second_panel();
    const desk_traveler *t = desk_current_traveler(st);
    char buf[160], clock[32], mm[16], ss[16];
    dl_fill(dl, p, C_PANEL_SOLID);
    dl_frame(dl, p, 2, C_ACCENT);
    dl_box(dl, p);
    int s = (int)desk_second_clock(st);
    desk_num(st, s / 60, mm, sizeof mm);
    desk_num(st, s % 60, ss, sizeof ss);
    snprintf(clock, sizeof clock, "%s:%s%s", mm, s % 60 < 10 ? desk_num(st, 0, buf, 8) : "", ss);
    pbtn_line(st, dl, p.x + 20, p.y + 36, 600, 18, C_ACCENT, 1, desk_tr(st, "second.title"));
    desk_rect cr = {p.x + p.w - 260, p.y + 14, 240, 30};
    dl_box(dl, cr);
    if (t->second_minutes) {
        char lim[16];
        desk_num(st, t->second_minutes, lim, sizeof lim);
        snprintf(buf, sizeof buf, "%s / %s:00", clock, lim);
    } else {
        snprintf(buf, sizeof buf, "%s", clock);
    }
    dl_text(dl, cr.x + cr.w - 4, cr.y + 22, 18, C_TEXT, 1, 2, "%s", buf);
    dl->cmd[dl->n - 1].dir = 1;
    pbtn_line(st, dl, p.x + 20, p.y + 70, 458, 14, C_DIM, 0, desk_tr(st, "second.reasons"));
    pbtn_line(st, dl, p.x + 500, p.y + 70, 458, 14, C_DIM, 0, desk_tr(st, "second.safeguards"));
    draw_found(st, dl, p);
    pbtn btns[SECOND_MAX_BUTTONS];
    int n = desk_second_buttons(st, btns, SECOND_MAX_BUTTONS);
    pbtn_draw(st, dl, btns, n, st->second.focus);
    dl_box(dl, p);
    pbtn_para(st, dl, p.x + 260, p.y + p.h - 34, 700, 2, C_ACCENT, desk_tr(st, "second.decide"));
}
