/* report_page.h - the report's two pages, and the parts they share.
 *
 * A page is one self-contained HTML document: the style sheet inline, the
 * charts inline SVG (report_chart.h), no script, no font, image or link to
 * load, and a Content-Security-Policy that tells the browser so. Every number
 * a chart shows is also in a table (for screen readers, for copying, for a
 * black-and-white printer). The trainee page (report_trainee.c) shows the
 * sessions, competencies, each case's outcome and time, and every case; the
 * cohort page (report_cohort.c) its trainees, competencies, outcomes and
 * time per scenario, and critical errors by kind. report_page.c holds the
 * frame, the tables' and sections' markup and the competencies, which both
 * pages show. */
#ifndef BL_REPORT_PAGE_H
#define BL_REPORT_PAGE_H

#include "report_data.h"
#include "report_html.h"

/* ---- the two pages: the whole document into o. 0, or -1 out of memory
 * (o->oom may also be set: check it before writing the page). */
int report_trainee_page(sb *o, const report *r);
int report_cohort_page(sb *o, const report *r);
/* A trainee page's section: each case as it was debriefed (report_case.c). */
void report_case_debriefs(sb *o, const report *r);

/* ---- the parts */

/* From <!DOCTYPE> to <body>, in o's language and direction; who is the
 * trainee or cohort the title names. */
void page_begin(sb *o, const char *who);
/* The header band: the page's heading (key: its words around {who}); the
 * caller goes on with one line of who and what, then the tiles. */
void page_header(sb *o, const char *key, const char *who);
/* The headline numbers of the report's cases as tiles; trainees > 0 adds
 * their count first (the cohort). */
void page_tiles(sb *o, const report *r, int trainees);
/* Ends <main>, then the footer (borderlab's version, the database's name). */
void page_end(sb *o, const report *r);

/* A section: its heading and, when note is not NULL, a note (both keys);
 * the caller closes it with </section>. */
void page_section_begin(sb *o, const char *id, const char *title, const char *note);
/* <table id=ID><caption>..</caption><thead>..<tbody>: caption is a key; cols
 * is "key|key|..." with a leading '#' for a number column (aligned to the
 * end). */
void page_table_begin(sb *o, const char *id, const char *caption, const char *cols);
void page_table_end(sb *o);
/* A row's start: <tr> and its header cell, a text of the database. */
void page_row_head(sb *o, const char *data);
/* A table cell with a number (or a number and its unit). */
void page_num_cell(sb *o, const char *text);

/* A session's verdict as a pill: passed, failed, not finished, or practice
 * (a desk journal without a session header has no verdict). */
void page_verdict_pill(sb *o, const rsession *s);
/* A time limit in seconds, or the word for none (limit < 0); into buf. */
const char *page_limit_text(const sb *o, char *buf, size_t cap, double limit);
/* The file name of a path (journals and the database are shown by name). */
const char *page_base_name(const char *path);

/* Mean competencies of all the report's cases, against the pass marks:
 * chart, legend and table. */
void page_competencies(sb *o, const report *r);

#endif
