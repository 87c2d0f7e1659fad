/* report_chart.h - the report's charts: horizontal bar charts drawn as
 * inline SVG into the page (no script, no image to load).
 *
 * One row per item with its label on the left, up to two bar segments (two
 * make a stacked or a range bar), up to two ticks (a mean, a pass mark, a
 * limit) and its value in words on the right. A chart-wide line (a pass
 * mark, a time limit) can cross all rows. Coordinates are in a fixed
 * viewBox; the SVG scales to the page width. On a right-to-left page the
 * chart is mirrored: labels on the right, bars growing leftwards, values on
 * the left. The value column widens for a language whose values are longer
 * (the label column cuts its labels instead). Each chart has a <title> and a
 * <desc> for screen readers; the page puts the same numbers in a table. */
#ifndef BL_REPORT_CHART_H
#define BL_REPORT_CHART_H

#include "report_html.h"

typedef struct chart_seg {
    double from, to;
    const char *cls; /* style: pass, fail, comp, time, over, range */
} chart_seg;

typedef struct chart_row {
    int num;           /* > 0: the case's number, drawn left of the label */
    const char *label; /* raw text (data, or words): escaped and isolated when drawn */
    chart_seg seg[2];
    int nseg;
    double tick[2]; /* < 0: none */
    const char *tick_cls[2];
    char value[192]; /* what the row says, in words and units (the page's language) */
} chart_row;

typedef struct chart {
    const char *id, *title, *desc; /* id: ASCII, unique on the page; title, desc: keys */
    double max, step;              /* axis */
    const char *unit;              /* key of the text around each tick's number; NULL none */
    int human;                     /* labels are ids: underscores read as spaces */
    double line;                   /* chart-wide line, < 0 none */
    const char *line_cls;
    char line_label[96];
    int value_w, rtl; /* chart_svg's own (on its copy): leave them 0 */
} chart;

/* A round axis for values up to data_max: steps of 1, 2 or 5 times a power
 * of ten, about five of them (integer: steps of at least 1). */
void chart_axis_fit(chart *ch, double data_max, int integer);

/* A row with one bar from `from` to `to` and no ticks. */
chart_row chart_bar_row(int num, const char *label, double from, double to, const char *cls);

/* Draws the chart of n rows into the page, in its language and direction. */
void chart_svg(sb *o, const chart *ch, const chart_row *rows, int n);

/* The colour key under a chart: pairs of (style, key of its words),
 * NULL-terminated; a pair whose style is "" is left out (a pass mark the
 * sessions never set). */
void chart_legend(sb *o, const char *const *items);

#endif
