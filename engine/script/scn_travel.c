/* scn_travel.c - a scenario's passports as booklets (booklet.h): a
 * passport's `travel` (the journeys its entry and exit stamps tell) and a
 * visa's `page` (the page of its holder's passport it is stuck on), read
 * as scn_load.c reads the rest of a document; the visa's passport found
 * once every document is read. Whether the route holds together is
 * scn_check.c's. */
#include "scn_travel.h"

#include <lauxlib.h>
#include <lua.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "defect.h"
#include "scn_docs.h"
#include "scn_read.h"
#include "tpl.h"

/* A stamp's own defects: only the stamp's. */
static void add_stamp_defect(loader *ld, const char *v, int i, void *arg) {
    (void)i;
    unsigned *bits = arg;
    int k = defect_from_id(v);
    if (k != DEFECT_STAMP_COUNTERFEIT && k != DEFECT_STAMP_DATE_CONFLICT)
        rd_problem(ld, ld->item,
                   "\"%s\": a stamp's defects are stamp_counterfeit and stamp_date_conflict", v);
    else
        *bits |= 1u << k;
}

/* travel[i] = { port, date, direction, state, post, ink, page, defects }. */
static void read_stamp(loader *ld, booklet_stamp *st, const char *what) {
    static const char *keys[] = {"port", "date", "direction", "state", "post",
                                 "ink",  "page", "defects",   NULL};
    char p[160], date[16] = "", dir[16] = "";
    rd_only_keys(ld, what, keys);
    st->line = rd_line_at(ld, what);
    rd_get_string(ld, what, "port", st->port, sizeof st->port, 1);
    if (rd_get_string(ld, what, "state", st->state, sizeof st->state, 1) == 0 &&
        strlen(st->state) != 3)
        rd_problem(ld, (snprintf(p, sizeof p, "%s.state", what), p),
                   "%s.state: \"%s\" is not a three-letter state code", what, st->state);
    if (rd_get_string(ld, what, "date", date, sizeof date, 1) == 0 &&
        date_parse_iso(date, &st->date))
        rd_problem(ld, (snprintf(p, sizeof p, "%s.date", what), p),
                   "%s.date: \"%s\" is not a date (YYYY-MM-DD)", what, date);
    if (rd_get_string(ld, what, "direction", dir, sizeof dir, 1) == 0 && strcmp(dir, "entry") &&
        strcmp(dir, "exit"))
        rd_problem(ld, (snprintf(p, sizeof p, "%s.direction", what), p),
                   "%s.direction: \"%s\" is not \"entry\" or \"exit\"", what, dir);
    st->exit = !strcmp(dir, "exit");
    double n = 0;
    if (rd_get_number(ld, what, "post", &n, 1, 999, 0) == 0) st->post = (int)n;
    if (rd_get_number(ld, what, "page", &n, booklet_printed(BOOKLET_FIRST_VISA),
                      booklet_printed(BOOKLET_PAGES - 1), 0) == 0)
        st->page = booklet_index((int)n);
    if (rd_get_string(ld, what, "ink", st->ink, sizeof st->ink, 0) == 0 && !booklet_ink_id(st->ink))
        rd_problem(ld, (snprintf(p, sizeof p, "%s.ink", what), p),
                   "%s.ink: \"%s\" is not one of violet, black, red, green, blue", what, st->ink);
    rd_each_string(ld, what, "defects", add_stamp_defect, &st->defects);
}

void scn_read_travel(loader *ld, scn_doc *d, const char *what) {
    lua_State *L = ld->L;
    char q[96];
    double page = 0;
    if (rd_get_number(ld, what, "page", &page, booklet_printed(BOOKLET_FIRST_VISA),
                      booklet_printed(BOOKLET_PAGES - 1), 0) == 0)
        d->page = (int)page;
    snprintf(q, sizeof q, "%s.travel", what);
    int t = rd_rawfield(L, "travel");
    if (t == LUA_TTABLE) {
        int n = (int)lua_rawlen(L, -1);
        if (n > BOOKLET_MAX_STAMPS)
            rd_problem(ld, q, "%s: at most %d stamps", q, BOOKLET_MAX_STAMPS);
        for (int i = 1; i <= n && d->n_travel < BOOKLET_MAX_STAMPS; i++) {
            char w[112];
            snprintf(w, sizeof w, "%s[%d]", q, i);
            lua_rawgeti(L, -1, i);
            if (lua_istable(L, -1))
                read_stamp(ld, &d->travel[d->n_travel++], w);
            else
                rd_problem(ld, w,
                           "%s: expected { port = ..., date = ..., direction = ..., "
                           "state = ... }",
                           w);
            lua_pop(L, 1);
        }
    } else if (t != LUA_TNIL) {
        rd_problem(ld, q, "%s: expected a list of stamps", q);
    }
    lua_pop(L, 1);
}

/* The first passport of the same person as document v (the traveler's or
 * the companion's), or -1. */
static int holder_passport(const scenario *s, int v) {
    for (int d = 0; d < s->n_docs; d++) {
        tpl t;
        bl_err err = {0};
        if (d == v || s->docs[d].capture[0] || s->docs[d].companion != s->docs[v].companion)
            continue;
        if (tpl_builtin(&t, s->docs[d].spec.template_id, &err) == 0 && !strcmp(t.kind, "passport"))
            return d;
    }
    return -1;
}

void scn_resolve_pages(loader *ld) {
    scenario *s = ld->s;
    for (int v = 0; v < s->n_docs; v++) {
        scn_doc *d = &s->docs[v];
        tpl t;
        bl_err err = {0};
        int is_passport =
            tpl_builtin(&t, d->spec.template_id, &err) == 0 && !strcmp(t.kind, "passport");
        char w[64];
        snprintf(w, sizeof w, "documents[%d]", v + 1);
        if (d->n_travel && !is_passport)
            rd_problem(ld, w, "%s.travel: only a passport carries entry and exit stamps", w);
        if (!d->page) continue;
        int host = holder_passport(s, v);
        if (strcmp(t.kind, "visa"))
            rd_problem(ld, w, "%s.page: only a visa is stuck on a passport's page", w);
        else if (host < 0)
            rd_problem(ld, w, "%s.page: its holder carries no passport to stick it in", w);
        else
            d->spec.host = host + 1, d->spec.host_page = booklet_index(d->page);
    }
}

/* The visa's terms for passport p's holder (their first visa), or 0. */
static int holder_terms(const scenario *s, int p, const tpl *tpls, const doc_spec *specs,
                        booklet_terms *out) {
    for (int v = 0; v < s->n_docs; v++) {
        if (!specs[v].t || strcmp(tpls[v].kind, "visa") ||
            s->docs[v].companion != s->docs[p].companion)
            continue;
        const doc_holder *h = &specs[v].holder;
        memset(out, 0, sizeof *out);
        snprintf(out->state, sizeof out->state, "%s", tpls[v].issuing_state);
        snprintf(out->entries, sizeof out->entries, "%s", h->entries);
        out->duration_days = atoi(h->duration);
        out->from = h->issue, out->until = h->expiry;
        return 1;
    }
    return 0;
}

void scn_route_holds(loader *ld) {
    const scenario *s = ld->s;
    int any = 0;
    for (int d = 0; d < s->n_docs; d++)
        any |= s->docs[d].n_travel > 0;
    if (!any) return;
    struct docs {
        tpl tpls[DESK_MAX_DOCS];
        doc_spec specs[DESK_MAX_DOCS];
    } *k = malloc(sizeof *k);
    bl_err err = {0};
    if (!k) return;
    if (scn_docs_specs(s, 72, k->tpls, k->specs, &err) != 0) {
        rd_problem(ld, "travel", "%s", err.msg);
        free(k);
        return;
    }
    for (int d = 0; d < s->n_docs; d++) {
        const scn_doc *sd = &s->docs[d];
        booklet_terms terms;
        booklet_problem pr[8];
        if (!sd->n_travel || !k->specs[d].t) continue;
        int have = holder_terms(s, d, k->tpls, k->specs, &terms);
        int n =
            booklet_route_check(sd->travel, sd->n_travel, have ? &terms : NULL, s->today, pr, 8);
        for (int i = 0; i < n && i < 8; i++) {
            char w[80];
            snprintf(w, sizeof w, "documents[%d].travel[%d]", d + 1, pr[i].stamp + 1);
            rd_problem(ld, w,
                       "%s: %s (mark the stamp with defects = { \"stamp_date_conflict\" } when "
                       "this is what the trainee is to find)",
                       w, pr[i].msg);
        }
    }
    free(k);
}
