/* report_cohort.c - one cohort's page: its trainees and their verdicts, the
 * competencies against the pass marks, outcomes and time per scenario, and
 * critical errors by kind (report_page.h). */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_chart.h"
#include "report_page.h"

/* The trainee's sessions' verdicts, one pill each (their sessions are next
 * to each other in r->s: report_data.h). */
static void trainee_verdicts(sb *o, const report *r, const group *g) {
    for (int i = 0; i < g->ns; i++) {
        if (i) sb_put(o, " ");
        page_verdict_pill(o, &r->s[g->first_session + i]);
    }
    if (!g->ns) sb_put(o, "<span class=\"muted\">\xE2\x80\x94</span>");
}

static void trainees_section(sb *o, const report *r, const groups *by_tr) {
    page_section_begin(o, "trainees", "trainees.title", "trainees.note");
    page_table_begin(
        o, "trainees-table", "trainees.caption",
        "col.trainee|col.name|#col.cases|#col.mean_points|#col.pass_rate|#col.critical|"
        "col.sessions");
    for (int i = 0; i < by_tr->n; i++) {
        const group *g = &by_tr->g[i];
        char a[64];
        page_row_head(o, g->key);
        sb_put(o, "<td>");
        if (*g->name)
            sb_data(o, g->name);
        else
            sb_put(o, "<span class=\"muted\">\xE2\x80\x94</span>");
        sb_put(o, "</td>");
        page_num_cell(o, INT(o, a, g->n));
        if (g->n) {
            page_num_cell(o, PTS(o, a, g->points / g->n));
            page_num_cell(o, PCT(o, a, 100.0 * g->passed / g->n));
        } else { /* a session begun, nothing decided yet */
            sb_put(o, "<td class=\"num muted\">\xE2\x80\x94</td>"
                      "<td class=\"num muted\">\xE2\x80\x94</td>");
        }
        page_num_cell(o, INT(o, a, g->critical));
        sb_put(o, "<td>");
        trainee_verdicts(o, r, g);
        sb_put(o, "</td></tr>");
    }
    page_table_end(o);
    sb_put(o, "</section>");
}

/* For each scenario: its cases passed and failed as one stacked bar. */
static void scenarios_section(sb *o, const groups *by_scn, chart_row *rows) {
    page_section_begin(o, "scenarios", "scenarios.title", "scenarios.note");
    int top = 0;
    for (int i = 0; i < by_scn->n; i++)
        top = by_scn->g[i].n > top ? by_scn->g[i].n : top;
    chart ch = {.id = "scenario-chart",
                .title = "scenarios.chart_title",
                .desc = "scenarios.chart_desc",
                .line = -1};
    chart_axis_fit(&ch, top, 1);
    for (int i = 0; i < by_scn->n; i++) {
        const group *g = &by_scn->g[i];
        char p[32], n[32], pts[64];
        rows[i] = chart_bar_row(0, g->key, 0, g->passed, "pass");
        rows[i].seg[1] = (chart_seg){g->passed, g->n, "fail"}, rows[i].nseg = 2;
        i18n_format(o->lang, rows[i].value, sizeof rows[i].value, "scenarios.value", "passed",
                    INT(o, p, g->passed), "cases", INT(o, n, g->n), "points",
                    PTS(o, pts, g->points / g->n), NULL);
    }
    chart_svg(o, &ch, rows, by_scn->n);
    static const char *const key[] = {"pass", "legend.cases_passed", "fail", "legend.cases_failed",
                                      NULL};
    chart_legend(o, key);
    page_table_begin(
        o, "scenarios-table", "scenarios.caption",
        "col.scenario|#col.cases|#col.passed|#col.failed|#col.pass_rate|#col.mean_points");
    for (int i = 0; i < by_scn->n; i++) {
        const group *g = &by_scn->g[i];
        char a[64];
        page_row_head(o, g->key);
        page_num_cell(o, INT(o, a, g->n));
        page_num_cell(o, INT(o, a, g->passed));
        page_num_cell(o, INT(o, a, g->n - g->passed));
        page_num_cell(o, PCT(o, a, 100.0 * g->passed / g->n));
        page_num_cell(o, PTS(o, a, g->points / g->n));
        sb_put(o, "</tr>");
    }
    page_table_end(o);
    sb_put(o, "</section>");
}

/* For each scenario: the fastest and slowest case as a range, the mean as a tick. */
static void scenario_time_section(sb *o, const groups *by_scn, chart_row *rows) {
    page_section_begin(o, "scenario-time", "scenario_time.title", "scenario_time.note");
    double top = 0;
    for (int i = 0; i < by_scn->n; i++)
        top = fmax(top, fmax(by_scn->g[i].secs_max, by_scn->g[i].limit));
    chart ch = {.id = "scenario-time-chart",
                .title = "scenario_time.chart_title",
                .desc = "scenario_time.chart_desc",
                .unit = "unit.seconds",
                .line = -1};
    chart_axis_fit(&ch, top, 0);
    int limits = 0;
    for (int i = 0; i < by_scn->n; i++) {
        const group *g = &by_scn->g[i];
        double mean = g->secs / g->n;
        char a[64];
        limits |= g->limit >= 0;
        rows[i] = chart_bar_row(0, g->key, g->secs_min, g->secs_max, "range");
        rows[i].tick[0] = mean, rows[i].tick_cls[0] = "mean";
        rows[i].tick[1] = g->limit, rows[i].tick_cls[1] = "mark";
        i18n_format(o->lang, rows[i].value, sizeof rows[i].value, "scenario_time.value", "seconds",
                    SECS(o, a, mean), NULL);
    }
    chart_svg(o, &ch, rows, by_scn->n);
    const char *const key[] = {"range",       "legend.range",       "mean",
                               "legend.mean", limits ? "mark" : "", "legend.time_limit",
                               NULL};
    chart_legend(o, key);
    page_table_begin(o, "scenario-time-table", "scenario_time.caption",
                     "col.scenario|#col.cases|#col.min|#col.mean|#col.max|#col.limit");
    for (int i = 0; i < by_scn->n; i++) {
        const group *g = &by_scn->g[i];
        char a[64];
        page_row_head(o, g->key);
        page_num_cell(o, INT(o, a, g->n));
        page_num_cell(o, SECS(o, a, g->secs_min));
        page_num_cell(o, SECS(o, a, g->secs / g->n));
        page_num_cell(o, SECS(o, a, g->secs_max));
        page_num_cell(o, page_limit_text(o, a, sizeof a, g->limit));
        sb_put(o, "</tr>");
    }
    page_table_end(o);
    sb_put(o, "</section>");
}

/* Critical errors by kind: how many cases, how many trainees. */
static void critical_section(sb *o, const groups *by_crit, chart_row *rows) {
    page_section_begin(o, "critical", "critical.title", "critical.note");
    if (!by_crit->n) {
        sb_put(o, "<p id=\"no-critical\">");
        sb_tr(o, "critical.none");
        sb_put(o, "</p></section>");
        return;
    }
    int top = 0;
    for (int i = 0; i < by_crit->n; i++)
        top = by_crit->g[i].n > top ? by_crit->g[i].n : top;
    chart ch = {.id = "critical-chart",
                .human = 1,
                .title = "critical.chart_title",
                .desc = "critical.chart_desc",
                .line = -1};
    chart_axis_fit(&ch, top, 1);
    for (int i = 0; i < by_crit->n; i++) {
        const group *g = &by_crit->g[i];
        const char *words = sb_id_word(o, "critical", g->key);
        char c[96], t[96];
        rows[i] = chart_bar_row(0, words ? words : g->key, 0, g->n, "fail");
        i18n_format(o->lang, rows[i].value, sizeof rows[i].value, "critical.value", "cases",
                    sb_counted(o, c, sizeof c, "count.cases", g->n), "trainees",
                    sb_counted(o, t, sizeof t, "count.trainees", g->trainees), NULL);
    }
    chart_svg(o, &ch, rows, by_crit->n);
    page_table_begin(o, "critical-table", "critical.caption", "col.kind|#col.cases|#col.trainees");
    for (int i = 0; i < by_crit->n; i++) {
        char a[64];
        sb_put(o, "<tr><th scope=\"row\">");
        sb_id(o, "critical", by_crit->g[i].key);
        sb_put(o, "</th>");
        page_num_cell(o, INT(o, a, by_crit->g[i].n));
        page_num_cell(o, INT(o, a, by_crit->g[i].trainees));
        sb_put(o, "</tr>");
    }
    page_table_end(o);
    sb_put(o, "</section>");
}

int report_cohort_page(sb *o, const report *r) {
    groups by_scn = {0}, by_tr = {0}, by_crit = {0};
    chart_row *rows = NULL;
    int rc = report_group_cases(r, &by_scn, &by_tr, &by_crit);
    /* a chart row per scenario or per kind of critical error: there are no
     * more scenarios than cases, but a case can make several kinds */
    if (rc == 0 && !(rows = calloc((size_t)(r->n > by_crit.n ? r->n : by_crit.n), sizeof *rows)))
        rc = -1;
    if (rc == 0) {
        char t[96], s[96], c[96];
        page_begin(o, r->cohort);
        page_header(o, "page.cohort", r->cohort);
        sb_put(o, "<p>");
        sb_tfp(o, "header.cohort_counts", "trainees",
               sb_counted(o, t, sizeof t, "count.trainees", by_tr.n), "sessions",
               sb_counted(o, s, sizeof s, "count.sessions", r->ns), "cases",
               sb_counted(o, c, sizeof c, "count.cases", r->n), NULL);
        sb_put(o, "</p>");
        page_tiles(o, r, by_tr.n);
        sb_put(o, "</div></header>\n<main class=\"wrap\">");
        trainees_section(o, r, &by_tr);
        page_competencies(o, r);
        scenarios_section(o, &by_scn, rows);
        scenario_time_section(o, &by_scn, rows);
        critical_section(o, &by_crit, rows);
        page_end(o, r);
    }
    free(rows);
    groups_free(&by_scn);
    groups_free(&by_tr);
    groups_free(&by_crit);
    return rc;
}
