/* report_trainee.c - one trainee's page: their sessions and verdicts, the
 * competencies against the pass marks, the points and errors and the time of
 * each case, every case with every number, and each case as it was
 * debriefed (report_case.c) (report_page.h). */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_chart.h"
#include "report_page.h"

/* A case's decision in words: the catalogue's, with the kind of protection
 * for a referral to protection ("protection (asylum)"). */
static void decision_words(sb *o, const rcase *c) {
    if (!*c->decision) {
        sb_tr(o, "word.none");
    } else if (!strcmp(c->decision, "protection")) {
        sb d = sb_apart(o), k = sb_apart(o);
        sb_id(&d, "decision", c->decision);
        sb_id(&k, "protection", c->protection);
        sb_tf(o, "case.decision_kind", "decision", sb_frag(o, &d), "kind", sb_frag(o, &k), NULL);
        free(d.p);
        free(k.p);
    } else {
        sb_id(o, "decision", c->decision);
    }
}

/* An ISO 8601 time to the minute ("2026-11-23 14:36 UTC", in the page's
 * digits); "—" when unknown, the text as stored when it is not ISO. */
static void when(sb *o, const char *iso) {
    static const char shape[] = "dddd-dd-ddTdd:dd";
    size_t n = strlen(iso);
    int ok = n >= 16;
    for (int i = 0; ok && i < 16; i++)
        ok = shape[i] == 'd' ? iso[i] >= '0' && iso[i] <= '9' : iso[i] == shape[i];
    if (!ok) {
        if (n)
            sb_data(o, iso);
        else
            sb_put(o, "\xE2\x80\x94");
        return;
    }
    char buf[17], local[64], t[128];
    memcpy(buf, iso, 16);
    buf[10] = ' ', buf[16] = '\0';
    i18n_digits(o->lang, buf, local, sizeof local);
    if (iso[n - 1] == 'Z') i18n_format(o->lang, t, sizeof t, "time.utc", "time", local, NULL);
    sb_esc(o, iso[n - 1] == 'Z' ? t : local);
}

typedef struct list_ud {
    sb *o;
    const char *prefix; /* catalogue keys of the ids: prefix.id */
    int n;
} list_ud;

static void list_item(const char *id, void *ud) {
    list_ud *u = ud;
    if (u->n++) sb_tr(u->o, "list.sep");
    sb_id(u->o, u->prefix, id);
}

/* A stored JSON list of ids as words ("admitted invalid document, ..."). */
static void id_list(sb *o, const char *json, const char *prefix) {
    list_ud u = {o, prefix, 0};
    report_each_id(json, list_item, &u);
    if (!u.n) {
        sb_put(o, "<span class=\"muted\">");
        sb_tr(o, "word.none");
        sb_put(o, "</span>");
    }
}

static void sessions_section(sb *o, const report *r) {
    page_section_begin(o, "sessions", "sessions.title", NULL);
    page_table_begin(o, "sessions-table", "sessions.caption",
                     "col.session|col.journal|col.started|#col.cases|col.verdict|col.reason");
    for (int i = 0; i < r->ns; i++) {
        const rsession *s = &r->s[i];
        char a[32];
        sb_put(o, "<tr><td>");
        if (*s->title || *s->session) {
            sb_data(o, *s->title ? s->title : s->session);
        } else {
            sb_put(o, "<span class=\"muted\">");
            sb_tr(o, "sessions.desk_practice");
            sb_put(o, "</span>");
        }
        sb_put(o, "</td><td>");
        sb_data(o, page_base_name(s->journal));
        sb_put(o, "</td><td>");
        when(o, s->started);
        sb_put(o, "</td>");
        page_num_cell(o, INT(o, a, s->cases));
        sb_put(o, "<td>");
        page_verdict_pill(o, s);
        sb_put(o, "</td><td>");
        if (*s->reason)
            sb_id(o, "reason", s->reason);
        else
            sb_put(o, "\xE2\x80\x94");
        sb_put(o, "</td></tr>");
    }
    page_table_end(o);
    sb_put(o, "</section>");
}

static void pass_line(const sb *o, chart *ch, const marks *pm) {
    if (!pm->has[4]) return;
    char a[64];
    ch->line = pm->v[4], ch->line_cls = "mark";
    i18n_format(o->lang, ch->line_label, sizeof ch->line_label, "chart.pass_mark", "points",
                sb_unit(o, a, sizeof a, "unit.points", 0, pm->v[4]), NULL);
}

/* The cells both case tables begin with: number, scenario, decision, points. */
static void case_cells(sb *o, const rcase *c, int i) {
    char a[64];
    sb_put(o, "<tr>");
    page_num_cell(o, INT(o, a, i + 1));
    sb_put(o, "<td class=\"nw\">");
    sb_data(o, c->scenario);
    sb_put(o, "</td><td>");
    decision_words(o, c);
    sb_put(o, "</td>");
    page_num_cell(o, PTS(o, a, c->points));
}

/* A trainee's points per case, coloured by the case's verdict. */
static void outcomes_section(sb *o, const report *r, chart_row *rows) {
    page_section_begin(o, "outcomes", "outcomes.title", "outcomes.note");
    chart ch = {.id = "outcome-chart",
                .title = "outcomes.chart_title",
                .desc = "outcomes.chart_desc",
                .max = 100,
                .step = 20,
                .line = -1};
    pass_line(o, &ch, &r->pm);
    for (int i = 0; i < r->n; i++) {
        const rcase *c = &r->c[i];
        int crit = report_each_id(c->critical, NULL, NULL);
        char a[64];
        rows[i] = chart_bar_row(i + 1, c->scenario, 0, c->points, c->passed ? "pass" : "fail");
        i18n_format(o->lang, rows[i].value, sizeof rows[i].value, "outcomes.value", "points",
                    PTS(o, a, c->points), "result",
                    sb_word(o, crit        ? "result.critical"
                               : c->passed ? "result.passed"
                                           : "result.failed"),
                    NULL);
    }
    chart_svg(o, &ch, rows, r->n);
    const char *const key[] = {"pass",
                               "legend.passed",
                               "fail",
                               "legend.failed",
                               r->pm.has[4] ? "mark" : "",
                               "legend.pass_mark",
                               NULL};
    chart_legend(o, key);
    page_table_begin(o, "outcomes-table", "outcomes.caption",
                     "#col.number|col.scenario|col.decision|#col.points|col.result|col.critical|"
                     "col.missed");
    for (int i = 0; i < r->n; i++) {
        const rcase *c = &r->c[i];
        case_cells(o, c, i);
        sb_printf(o, "<td><span class=\"pill %s\">", c->passed ? "pass" : "fail");
        sb_tr(o, c->passed ? "result.passed" : "result.failed");
        sb_put(o, "</span></td><td>");
        id_list(o, c->critical, "critical");
        sb_put(o, "</td><td>");
        id_list(o, c->missed, "defect");
        sb_put(o, "</td></tr>");
    }
    page_table_end(o);
    sb_put(o, "</section>");
}

/* The time limit all the given cases share, or -1 (none, or they differ:
 * then each row gets its own tick). */
static double common_limit(const report *r) {
    for (int i = 1; i < r->n; i++)
        if (r->c[i].limit != r->c[0].limit) return -1;
    return r->c[0].limit;
}

/* A trainee's seconds per case, against the time limit when there is one. */
static void time_section(sb *o, const report *r, chart_row *rows) {
    page_section_begin(o, "time", "time.title", "time.note");
    double top = 0, common = common_limit(r);
    for (int i = 0; i < r->n; i++)
        top = fmax(top, fmax(r->c[i].secs, r->c[i].limit));
    chart ch = {.id = "time-chart",
                .title = "time.chart_title",
                .desc = "time.chart_desc",
                .unit = "unit.seconds",
                .line = -1};
    chart_axis_fit(&ch, top, 0);
    if (common >= 0) {
        char a[64];
        ch.line = common, ch.line_cls = "mark";
        i18n_format(o->lang, ch.line_label, sizeof ch.line_label, "chart.limit", "seconds",
                    page_limit_text(o, a, sizeof a, common), NULL);
    }
    for (int i = 0; i < r->n; i++) {
        const rcase *c = &r->c[i];
        int over = c->limit >= 0 && c->secs > c->limit;
        char a[64];
        rows[i] = chart_bar_row(i + 1, c->scenario, 0, c->secs, over ? "over" : "time");
        rows[i].tick[0] = common < 0 ? c->limit : -1, rows[i].tick_cls[0] = "mark";
        i18n_format(o->lang, rows[i].value, sizeof rows[i].value,
                    over ? "time.value_over" : "time.value", "seconds", SECS(o, a, c->secs), NULL);
    }
    chart_svg(o, &ch, rows, r->n);
    int over = 0, limits = 0;
    for (int i = 0; i < r->n; i++)
        over |= r->c[i].limit >= 0 && r->c[i].secs > r->c[i].limit, limits |= r->c[i].limit >= 0;
    const char *const key[] = {"time",
                               limits ? "legend.within_limit" : "legend.time_on_case",
                               over ? "over" : "",
                               "legend.over_limit",
                               limits ? "mark" : "",
                               "legend.time_limit",
                               NULL};
    chart_legend(o, key);
    page_table_begin(o, "time-table", "time.caption",
                     "#col.number|col.scenario|#col.time|#col.limit");
    for (int i = 0; i < r->n; i++) {
        char a[64];
        sb_put(o, "<tr>");
        page_num_cell(o, INT(o, a, i + 1));
        sb_put(o, "<td>");
        sb_data(o, r->c[i].scenario);
        sb_put(o, "</td>");
        page_num_cell(o, SECS(o, a, r->c[i].secs));
        page_num_cell(o, page_limit_text(o, a, sizeof a, r->c[i].limit));
        sb_put(o, "</tr>");
    }
    page_table_end(o);
    sb_put(o, "</section>");
}

/* Every case, every number: the plain record. */
static void cases_section(sb *o, const report *r) {
    sb_put(o, "<section id=\"every-case\" class=\"long\" aria-labelledby=\"every-case-h\">"
              "<h2 id=\"every-case-h\">");
    sb_tr(o, "cases.title");
    sb_put(o, "</h2>");
    page_table_begin(o, "cases", "cases.caption",
                     "#col.number|col.scenario|col.decision|#col.points|col.result|#col.documents|"
                     "#col.interview|#col.human_rights|#col.procedure|#col.time|col.journal");
    for (int i = 0; i < r->n; i++) {
        const rcase *c = &r->c[i];
        char a[64];
        case_cells(o, c, i);
        sb_put(o, "<td>");
        sb_tr(o, c->passed ? "result.passed" : "result.failed");
        sb_put(o, "</td>");
        for (int k = 0; k < 4; k++)
            page_num_cell(o, PCT(o, a, c->comp[k] * 100));
        page_num_cell(o, SECS(o, a, c->secs));
        sb_put(o, "<td class=\"nw\">");
        sb_data(o, page_base_name(c->journal));
        sb_put(o, " <span class=\"muted\">");
        sb_tfp(o, "cases.entry", "n", INT(o, a, c->seq), NULL);
        sb_put(o, "</span></td></tr>");
    }
    page_table_end(o);
    sb_put(o, "</section>");
}

/* The distinct cohorts of the trainee's cases (one, unless the trainee was
 * imported under several). */
static void trainee_cohorts(sb *o, const report *r) {
    sb list = sb_apart(o);
    int shown = 0;
    for (int i = 0; i < r->n; i++) {
        int seen = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = !strcmp(r->c[j].cohort, r->c[i].cohort);
        if (seen) continue;
        if (shown++) sb_tr(&list, "list.sep");
        sb_data(&list, r->c[i].cohort);
    }
    sb_tf(o, "header.cohort", "cohorts", sb_frag(o, &list), NULL);
    free(list.p);
    sb_put(o, " \xC2\xB7 ");
}

int report_trainee_page(sb *o, const report *r) {
    chart_row *rows = calloc((size_t)r->n, sizeof *rows); /* a chart row per case */
    if (!rows) return -1;
    char s[96], c[96];
    page_begin(o, r->trainee);
    page_header(o, "page.trainee", r->trainee);
    const char *name = report_trainee_name(r, r->trainee);
    sb_put(o, "<p>");
    if (*name) {
        sb_data(o, name);
        sb_put(o, " \xC2\xB7 ");
    }
    trainee_cohorts(o, r);
    sb_tfp(o, "header.trainee_counts", "sessions",
           sb_counted(o, s, sizeof s, "count.sessions", r->ns), "cases",
           sb_counted(o, c, sizeof c, "count.cases", r->n), NULL);
    sb_put(o, "</p>");
    page_tiles(o, r, 0);
    sb_put(o, "</div></header>\n<main class=\"wrap\">");
    sessions_section(o, r);
    page_competencies(o, r);
    outcomes_section(o, r, rows);
    time_section(o, r, rows);
    cases_section(o, r);
    report_case_debriefs(o, r);
    page_end(o, r);
    free(rows);
    return 0;
}
