/* report_page.c - the frame of a report's page (its head, style sheet,
 * header band, tiles and footer), the markup of its sections and tables,
 * and the competencies section both pages show (report_page.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_chart.h"
#include "report_page.h"

#ifndef BL_VERSION
#define BL_VERSION "dev"
#endif

/* Catalogue keys of the competencies' names, in rcase.comp's order. */
static const char *comp_name[4] = {"comp.document_examination", "comp.interview",
                                   "comp.human_rights", "comp.procedure"};

static const char *page_css =
    ":root{--ink:#1c2630;--muted:#5a6672;--line:#dde2e7;--bg:#f3f5f7;--card:#fff;"
    "--pass:#2f7d4f;--fail:#c0392b;--open:#b7791f;--comp:#2f5f98;--time:#4f7ca8;--mark:#1c2630}"
    "*{box-sizing:border-box}"
    "body{margin:0;background:var(--bg);color:var(--ink);"
    "font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans Arabic',"
    "'DejaVu Sans',sans-serif}"
    "header.top{background:#17324d;color:#fff;padding:28px 0 22px}"
    ".wrap{max-width:980px;margin:0 auto;padding:0 24px}"
    "header.top p{margin:4px 0 0;color:#cfdbe6}"
    "h1{font-size:26px;margin:0;font-weight:650;letter-spacing:-.01em}"
    "[dir=rtl] h1{letter-spacing:0}"
    "h2{font-size:18px;margin:0 0 4px;font-weight:650}"
    "main{padding:8px 0 24px}"
    "section{background:var(--card);border:1px solid var(--line);border-radius:8px;"
    "padding:18px 22px;margin:16px 0}"
    "p.note{margin:0 0 10px;color:var(--muted);font-size:13px}"
    ".tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(128px,1fr));gap:12px;"
    "margin:18px 0 0}"
    ".tile{background:var(--card);color:var(--ink);border:1px solid var(--line);border-radius:8px;"
    "padding:12px 14px}"
    ".tile b{display:block;font-size:24px;font-weight:650;font-variant-numeric:tabular-nums}"
    ".tile span{color:var(--muted);font-size:13px}"
    "table{border-collapse:collapse;width:100%;font-size:13px;margin-top:10px;"
    "font-variant-numeric:tabular-nums}"
    "caption{text-align:start;font-weight:600;padding:0 0 6px;color:var(--muted)}"
    "th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:start;"
    "vertical-align:top}"
    "thead th{font-weight:600;background:#f7f9fa;border-bottom:2px solid var(--line)}"
    "thead th.num{white-space:normal}"
    "tbody th{font-weight:600}"
    ".num{text-align:end;white-space:nowrap}"
    ".muted{color:var(--muted)}.nw{white-space:nowrap}"
    ".pill{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;"
    "font-weight:600;white-space:nowrap;margin:0 0 2px;margin-inline-end:4px}"
    ".pill.pass{background:#e2f2e8;color:#1f5c39}.pill.fail{background:#fbe4e1;color:#8f2a20}"
    ".pill.open{background:#fbf0da;color:#7d5210}.pill.practice{background:#e9edf1;color:#46525e}"
    "svg.chart{display:block;width:100%;height:auto;margin:8px 0 0}"
    "svg text{font-family:inherit;font-size:12px;fill:var(--ink)}"
    "svg .axis text,svg text.num{fill:var(--muted);font-size:11px}"
    "svg .grid{stroke:#e6eaee;stroke-width:1}"
    "svg .bar.pass{fill:var(--pass)}svg .bar.fail{fill:var(--fail)}"
    "svg .bar.comp{fill:var(--comp)}svg .bar.time{fill:var(--time)}"
    "svg .bar.over{fill:var(--open)}svg .bar.range{fill:#9db8d3}"
    "svg .mark{stroke:var(--mark);stroke-width:2;stroke-dasharray:4 3}"
    "svg .mean{stroke:#17324d;stroke-width:3}"
    "svg .linelbl{fill:var(--muted);font-size:11px}"
    "svg .row:hover text.lbl{font-weight:600}"
    ".legend{margin:6px 0 0;font-size:12px;color:var(--muted)}"
    ".legend span{margin-inline-end:16px;white-space:nowrap}"
    ".key{display:inline-block;width:12px;height:12px;border-radius:2px;margin-inline-end:5px;"
    "vertical-align:-1px}"
    ".key.pass{background:var(--pass)}.key.fail{background:var(--fail)}"
    ".key.comp{background:var(--comp)}.key.time{background:var(--time)}"
    ".key.over{background:var(--open)}.key.range{background:#9db8d3}"
    ".key.mark{width:0;border-inline-start:2px dashed var(--mark);border-radius:0}"
    ".key.mean{width:0;border-inline-start:3px solid #17324d;border-radius:0}"
    "footer{color:var(--muted);font-size:12px;padding:0 0 32px}"
    "article.case{border-top:1px solid var(--line);padding:12px 0}"
    "article.case h3{margin:0 0 6px;font-size:16px}article.case h4{margin:8px 0 4px}"
    ".headline{font-weight:700;font-size:15px;margin:4px 0}.headline.right{color:var(--pass)}"
    ".headline.accepted{color:var(--open)}.headline.wrong{color:var(--fail)}"
    ".wrongnote{color:var(--fail)}ul.criticals li{color:var(--fail);margin:4px 0}"
    ".principle{color:var(--muted);font-size:13px}"
    ".cols{display:grid;grid-template-columns:1fr 1fr;gap:16px}"
    "@media (max-width:800px){.cols{grid-template-columns:1fr}}"
    "ul.findings{padding-inline-start:18px}li.found{color:var(--pass)}"
    "li.missed{color:var(--fail)}li.located,li.note{color:var(--open)}li.false{color:#8a6d00}"
    "ol.steps{padding-inline-start:18px}ol.steps li.needed{outline:2px solid var(--open);"
    "outline-offset:1px;margin:3px 0}ol.steps li.na{color:#777}"
    "figure.doc{margin:6px 0;display:inline-block}figure.doc figcaption{font-size:12px;"
    "color:var(--muted)}svg rect.page{fill:#f7f4ec;stroke:#9aa3ab}"
    /* a mark's width and dashes are the rect's own attributes (the desk's
     * marks: report_case.c); the colour only says it again */
    "svg rect.truth,svg rect.flag{fill:none}svg rect.truth.found{stroke:var(--pass)}"
    "svg rect.truth.missed{stroke:var(--fail)}svg rect.truth.located{stroke:var(--open)}"
    "svg rect.flag.true{stroke:var(--pass)}svg rect.flag.false{stroke:#d4a800}"
    ".legend.marks svg.mark{vertical-align:-2px;margin-inline-end:5px}"
    "ol.transcript li{margin:4px 0}ol.transcript .answer{color:var(--muted)}"
    "li.forbidden strong{color:var(--fail)}.tag{font-size:11px;border-radius:8px;padding:0 6px}"
    ".tag.req{background:#e2f2e8;color:#1f5c39}.tag.bad{background:#fbe4e1;color:#8f2a20}"
    ".why{background:#f7f9fa;border-inline-start:3px solid var(--line);padding:6px 10px}"
    "@media print{body{background:#fff;font-size:10.5pt}"
    "header.top{background:none;color:#000;padding:0 0 8pt;border-bottom:2pt solid #000}"
    "header.top p{color:#333}.wrap{max-width:none;padding:0}"
    "section{border:none;border-radius:0;padding:0;margin:14pt 0;break-inside:avoid-page}"
    "section.long{break-inside:auto}.tile{border-color:#999}"
    "thead{display:table-header-group}tr{break-inside:avoid}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}"
    "@page{size:A4;margin:14mm}";

void page_begin(sb *o, const char *who) {
    sb_put(o, "<!DOCTYPE html>\n<html lang=\"");
    sb_esc(o, i18n_lang(o->lang));
    sb_put(o, i18n_rtl(o->lang) ? "\" dir=\"rtl\">\n" : "\">\n");
    sb_put(o,
           "<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'\">\n<meta name=\"generator\" content=\"borderlab " BL_VERSION
           "\">\n<title>");
    sb tmp = sb_apart(o);
    sb_data_plain(&tmp, who, 0, 0);
    sb_tf(o, "page.title", "who", sb_frag(o, &tmp), NULL);
    free(tmp.p);
    sb_put(o, "</title>\n<style>");
    sb_put(o, page_css);
    sb_put(o, "</style>\n</head>\n<body>\n");
}

void page_end(sb *o, const report *r) {
    sb tmp = sb_apart(o);
    sb_data(&tmp, page_base_name(r->db_path));
    sb_put(o, "</main>\n<footer class=\"wrap\">");
    sb_tf(o, "page.footer", "version", "<bdi>borderlab " BL_VERSION "</bdi>", "db",
          sb_frag(o, &tmp), NULL);
    free(tmp.p);
    sb_put(o, "</footer>\n</body>\n</html>\n");
}

void page_header(sb *o, const char *key, const char *who) {
    sb tmp = sb_apart(o);
    sb_data(&tmp, who);
    sb_put(o, "<header class=\"top\"><div class=\"wrap\"><h1>");
    sb_tf(o, key, "who", sb_frag(o, &tmp), NULL);
    free(tmp.p);
    sb_put(o, "</h1>");
}

static void tile(sb *o, const char *id, const char *value, const char *words) {
    sb_printf(o, "<div class=\"tile\" id=\"%s\"><b>", id);
    sb_esc(o, value);
    sb_put(o, "</b><span>");
    sb_tr(o, words);
    sb_put(o, "</span></div>");
}

void page_tiles(sb *o, const report *r, int trainees) {
    double pts = 0, secs = 0;
    int passed = 0, crit = 0;
    for (int i = 0; i < r->n; i++) {
        pts += r->c[i].points, secs += r->c[i].secs, passed += r->c[i].passed;
        crit += report_each_id(r->c[i].critical, NULL, NULL) > 0;
    }
    char a[128];
    sb_put(o, "<div class=\"tiles\">");
    if (trainees) tile(o, "trainee-count", INT(o, a, trainees), "tile.trainees");
    tile(o, "case-count", INT(o, a, r->n), "tile.cases");
    tile(o, "mean-points", PTS(o, a, pts / r->n), "tile.mean_points");
    tile(o, "pass-rate", PCT(o, a, 100.0 * passed / r->n), "tile.pass_rate");
    tile(o, "critical-count", INT(o, a, crit), "tile.critical");
    tile(o, "mean-time", SECS(o, a, secs / r->n), "tile.mean_time");
    sb_put(o, "</div>");
}

void page_section_begin(sb *o, const char *id, const char *title, const char *note) {
    sb_printf(o, "<section id=\"%s\" aria-labelledby=\"%s-h\"><h2 id=\"%s-h\">", id, id, id);
    sb_tr(o, title);
    sb_put(o, "</h2>");
    if (note) {
        sb_put(o, "<p class=\"note\">");
        sb_tr(o, note);
        sb_put(o, "</p>");
    }
}

void page_table_begin(sb *o, const char *id, const char *caption, const char *cols) {
    sb_printf(o, "<table id=\"%s\"><caption>", id);
    sb_tr(o, caption);
    sb_put(o, "</caption><thead><tr>");
    while (*cols) {
        const char *end = strchr(cols, '|');
        size_t len = end ? (size_t)(end - cols) : strlen(cols);
        int num = *cols == '#';
        char key[64];
        snprintf(key, sizeof key, "%.*s", (int)len - num, cols + num);
        sb_printf(o, "<th scope=\"col\"%s>", num ? " class=\"num\"" : "");
        sb_tr(o, key);
        sb_put(o, "</th>");
        cols += len + (end != NULL);
    }
    sb_put(o, "</tr></thead><tbody>");
}

void page_table_end(sb *o) {
    sb_put(o, "</tbody></table>");
}

void page_row_head(sb *o, const char *data) {
    sb_put(o, "<tr><th scope=\"row\">");
    sb_data(o, data);
    sb_put(o, "</th>");
}

void page_num_cell(sb *o, const char *text) {
    sb_put(o, "<td class=\"num\">");
    sb_esc(o, text);
    sb_put(o, "</td>");
}

void page_verdict_pill(sb *o, const rsession *s) {
    const char *cls = !*s->session     ? "practice"
                      : s->passed < 0  ? "open"
                      : s->passed == 1 ? "pass"
                                       : "fail";
    sb_printf(o, "<span class=\"pill %s\">", cls);
    sb_tr(o, !*s->session     ? "verdict.practice"
             : s->passed < 0  ? "verdict.open"
             : s->passed == 1 ? "verdict.passed"
                              : "verdict.failed");
    sb_put(o, "</span>");
}

const char *page_limit_text(const sb *o, char *buf, size_t cap, double limit) {
    if (limit >= 0) return sb_unit(o, buf, cap, "unit.seconds", 0, limit);
    snprintf(buf, cap, "%s", sb_word(o, "word.none"));
    return buf;
}

const char *page_base_name(const char *path) {
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

void page_competencies(sb *o, const report *r) {
    double mean[4] = {0};
    for (int i = 0; i < r->n; i++)
        for (int k = 0; k < 4; k++)
            mean[k] += r->c[i].comp[k] * 100 / r->n;
    const marks *pm = &r->pm;
    page_section_begin(o, "competencies", "comp.title",
                       pm->differ ? "comp.note_differ" : "comp.note");
    chart ch = {.id = "comp-chart",
                .title = "comp.chart_title",
                .desc = "comp.chart_desc",
                .max = 100,
                .step = 20,
                .unit = "unit.percent",
                .line = -1};
    chart_row rows[4];
    for (int k = 0; k < 4; k++) {
        int has = pm->has[k];
        const char *cls = !has ? "comp" : mean[k] >= pm->v[k] * 100 - 1e-9 ? "pass" : "fail";
        char m[64], p[64];
        rows[k] = chart_bar_row(0, sb_word(o, comp_name[k]), 0, mean[k], cls);
        rows[k].tick[0] = has ? pm->v[k] * 100 : -1, rows[k].tick_cls[0] = "mark";
        PCT(o, m, mean[k]);
        if (has)
            i18n_format(o->lang, rows[k].value, sizeof rows[k].value, "comp.value_mark", "mean", m,
                        "mark", PCT(o, p, pm->v[k] * 100), NULL);
        else
            snprintf(rows[k].value, sizeof rows[k].value, "%s", m);
    }
    chart_svg(o, &ch, rows, 4);
    int some = pm->has[0] + pm->has[1] + pm->has[2] + pm->has[3];
    const char *const key[] = {some < 4 ? "comp" : "",
                               some ? "legend.mean_score_unset" : "legend.mean_score",
                               some ? "pass" : "",
                               "legend.at_or_above",
                               some ? "fail" : "",
                               "legend.below",
                               some ? "mark" : "",
                               "legend.pass_mark",
                               NULL};
    chart_legend(o, key);
    page_table_begin(o, "competencies-table", "comp.caption",
                     "col.competency|#col.mean|#col.pass_mark|col.met");
    for (int k = 0; k < 4; k++) {
        char a[64];
        sb_put(o, "<tr><th scope=\"row\">");
        sb_tr(o, comp_name[k]);
        sb_put(o, "</th>");
        page_num_cell(o, sb_unit(o, a, sizeof a, "unit.percent", 1, mean[k]));
        if (pm->has[k]) {
            page_num_cell(o, PCT(o, a, pm->v[k] * 100));
            sb_put(o, "<td>");
            sb_tr(o, mean[k] >= pm->v[k] * 100 - 1e-9 ? "word.yes" : "word.no");
            sb_put(o, "</td></tr>");
        } else {
            sb_put(o, "<td class=\"num muted\">");
            sb_tr(o, "word.none");
            sb_put(o, "</td><td class=\"muted\">\xE2\x80\x94</td></tr>");
        }
    }
    page_table_end(o);
    sb_put(o, "</section>");
}
