/* report_chart.c - bar charts as inline SVG (report_chart.h). */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>

#include "report_chart.h"

enum { CH_W = 800, CH_LABEL = 230, CH_VALUE = 150, CH_ROW = 26, CH_BAR = 16, CH_TOP = 30 };

void chart_axis_fit(chart *ch, double data_max, int integer) {
    double raw = (data_max > 0 ? data_max : 1) / 5;
    double mag = pow(10, floor(log10(raw))), f = raw / mag;
    ch->step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
    if (integer && ch->step < 1) ch->step = 1;
    ch->max = ceil((data_max > 0 ? data_max : 1) / ch->step - 1e-9) * ch->step;
}

/* A left-to-right x as drawn: mirrored on a right-to-left page. */
static double ch_mx(const chart *ch, double x) {
    return ch->rtl ? CH_W - x : x;
}

/* Where a value falls on the axis (left to right; ch_mx mirrors it). */
static double ch_x(const chart *ch, double v) {
    if (v < 0) v = 0;
    if (v > ch->max) v = ch->max;
    return CH_LABEL + v / ch->max * (CH_W - CH_LABEL - ch->value_w);
}

static int utf8_chars(const char *s) {
    int n = 0;
    for (; *s; s++)
        n += (*s & 0xC0) != 0x80;
    return n;
}

static void svg_axis(sb *o, const chart *ch, double bottom) {
    sb_put(o, "<g class=\"axis\" aria-hidden=\"true\">");
    for (int i = 0; i * ch->step <= ch->max + 1e-9; i++) {
        double v = i * ch->step, x = ch_mx(ch, ch_x(ch, v));
        char a[32], n[64], t[128];
        snprintf(a, sizeof a, "%g", v);
        sb_localize(o, a, n, sizeof n);
        if (ch->unit) i18n_format(o->lang, t, sizeof t, ch->unit, "n", n, NULL);
        sb_printf(o,
                  "<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%.1f\"/>"
                  "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
                  x, x, CH_TOP - 6, bottom, x, CH_TOP - 12);
        sb_esc(o, ch->unit ? t : n);
        sb_put(o, "</text>");
    }
    sb_put(o, "</g>");
}

/* Text anchors are "start" and "end": on a right-to-left page the SVG's
 * direction is rtl, so the same words anchor the mirrored side. */
static void svg_row(sb *o, const chart *ch, const chart_row *r, int y) {
    double bar_y = y + (CH_ROW - CH_BAR) / 2.0, text_y = y + CH_ROW / 2.0 + 4;
    sb_put(o, "<g class=\"row\"><title>");
    sb_data_plain(o, r->label, ch->human, 0);
    sb_tr(o, "chart.label_sep");
    sb_esc(o, r->value);
    sb_printf(o, "</title><text class=\"lbl\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">",
              ch_mx(ch, CH_LABEL - 10), text_y);
    sb_data_plain(o, r->label, ch->human, r->num > 0 ? 28 : 32);
    sb_put(o, "</text>");
    if (r->num > 0) {
        char n[32];
        sb_printf(o, "<text class=\"num\" x=\"%.1f\" y=\"%.1f\">%s</text>", ch_mx(ch, 0), text_y,
                  INT(o, n, r->num));
    }
    for (int k = 0; k < r->nseg; k++) {
        double x0 = ch_x(ch, r->seg[k].from), x1 = ch_x(ch, r->seg[k].to);
        sb_printf(o,
                  "<rect class=\"bar %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" "
                  "rx=\"2\"/>",
                  r->seg[k].cls, ch->rtl ? CH_W - x1 : x0, bar_y, x1 - x0, CH_BAR);
    }
    for (int k = 0; k < 2; k++)
        if (r->tick[k] >= 0) {
            double x = ch_mx(ch, ch_x(ch, r->tick[k]));
            sb_printf(o, "<line class=\"%s\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>",
                      r->tick_cls[k], x, x, bar_y - 3, bar_y + CH_BAR + 3);
        }
    sb_printf(o, "<text class=\"val\" x=\"%.1f\" y=\"%.1f\">", ch_mx(ch, CH_W - ch->value_w + 10),
              text_y);
    sb_esc(o, r->value);
    sb_put(o, "</text></g>");
}

/* The viewBox grows with the rows; ch is copied, as drawing sets its
 * direction and the width of its value column. */
void chart_svg(sb *o, const chart *chart_in, const chart_row *rows, int n) {
    chart c = *chart_in, *ch = &c;
    int rows_end = CH_TOP + n * CH_ROW, h = rows_end + (ch->line >= 0 ? 24 : 6);
    /* about 6 units a character at the 12 px of the values, and a margin */
    ch->value_w = CH_VALUE, ch->rtl = i18n_rtl(o->lang);
    for (int i = 0; i < n; i++) {
        int w = utf8_chars(rows[i].value) * 6 + 10;
        if (w > ch->value_w) ch->value_w = w < CH_W / 3 ? w : CH_W / 3;
    }
    sb_printf(o,
              "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\"%s "
              "aria-labelledby=\"%s-t %s-d\"><title id=\"%s-t\">",
              CH_W, h, ch->rtl ? " direction=\"rtl\"" : "", ch->id, ch->id, ch->id);
    sb_tr(o, ch->title);
    sb_printf(o, "</title><desc id=\"%s-d\">", ch->id);
    sb_tr(o, ch->desc);
    sb_put(o, "</desc>");
    svg_axis(o, ch, rows_end + 2);
    for (int i = 0; i < n; i++)
        svg_row(o, ch, &rows[i], CH_TOP + i * CH_ROW);
    if (ch->line >= 0) {
        double x = ch_mx(ch, ch_x(ch, ch->line));
        sb_printf(o,
                  "<line class=\"%s\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>"
                  "<text class=\"linelbl\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
                  ch->line_cls, x, x, CH_TOP - 4, rows_end + 6, x, rows_end + 19);
        sb_esc(o, ch->line_label);
        sb_put(o, "</text>");
    }
    sb_put(o, "</svg>");
}

void chart_legend(sb *o, const char *const *items) {
    sb_put(o, "<p class=\"legend\" aria-hidden=\"true\">");
    for (int i = 0; items[i]; i += 2)
        if (*items[i]) {
            sb_printf(o, "<span><i class=\"key %s\"></i>", items[i]);
            sb_tr(o, items[i + 1]);
            sb_put(o, "</span>");
        }
    sb_put(o, "</p>");
}

chart_row chart_bar_row(int num, const char *label, double from, double to, const char *cls) {
    return (chart_row){
        .num = num, .label = label, .seg = {{from, to, cls}}, .nseg = 1, .tick = {-1, -1}};
}
