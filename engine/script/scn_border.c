/* scn_border.c - see scn_border_read.h. */
#include "scn_border_read.h"

#include <stdio.h>
#include <string.h>

#include "checks.h"

/* A name field of a table into an enum; reports what it may be. */
static void read_enum(loader *ld, const char *w, const char *key, int *out,
                      int (*from)(const char *), const char *choices) {
    char v[32] = "", p[96];
    if (rd_get_string(ld, w, key, v, sizeof v, 0) != 0) return;
    int k = from(v);
    if (k < 0) {
        snprintf(p, sizeof p, "%s.%s", w, key);
        rd_problem(ld, p, "%s: \"%s\" is not %s", p, v, choices);
        return;
    }
    *out = k;
}

static void read_date(loader *ld, const char *w, const char *key, bl_date *out) {
    char v[16] = "", p[96];
    if (rd_get_string(ld, w, key, v, sizeof v, 0) == 0 && date_parse_iso(v, out) != 0) {
        snprintf(p, sizeof p, "%s.%s", w, key);
        rd_problem(ld, p, "%s: \"%s\" is not a date (YYYY-MM-DD)", p, v);
    }
}

/* checks[i] = { list = "sltd", category = "stolen", action = "seize", match = ... } */
static void read_check(loader *ld, scn_check *c, const char *w) {
    static const char *keys[] = {
        "list",           "category",           "action",  "match",       "person",
        "found",          "reporting",          "surname", "given_names", "birth_date",
        "surname_native", "given_names_native", NULL};
    rd_only_keys(ld, w, keys);
    c->list = -1, c->category = -1, c->action = -1, c->basis = CHK_BASIS_DOCUMENT;
    read_enum(ld, w, "list", &c->list, chk_list_from_name, "watchlist, sltd or national");
    read_enum(ld, w, "category", &c->category, chk_category_from_name,
              "lost, stolen, revoked, wanted, monitor_only or missing_child");
    read_enum(ld, w, "action", &c->action, chk_action_from_name,
              "seize, hold_and_notify, refer or record_only");
    read_enum(ld, w, "match", &c->basis, chk_basis_from_name,
              "name_only, name_and_birth_date or document_number");
    char p[96];
    if (c->list < 0 || c->category < 0 || c->action < 0) {
        rd_problem(ld, w, "%s: a record says its list, category and action", w);
        c->list = c->list < 0 ? 0 : c->list, c->category = c->category < 0 ? 0 : c->category;
        c->action = c->action < 0 ? 0 : c->action;
    }
    char person[24] = "traveler";
    rd_get_string(ld, w, "person", person, sizeof person, 0);
    if (strcmp(person, "traveler") && strcmp(person, "someone_else"))
        rd_problem(ld, (snprintf(p, sizeof p, "%s.person", w), p),
                   "%s.person: \"%s\" is not traveler or someone_else", w, person);
    c->traveler = strcmp(person, "someone_else") != 0;
    rd_get_bool(ld, w, "found", &c->found);
    rd_get_string(ld, w, "reporting", c->reporting, sizeof c->reporting, 0);
    rd_get_string(ld, w, "surname", c->surname, sizeof c->surname, 0);
    rd_get_string(ld, w, "given_names", c->given, sizeof c->given, 0);
    rd_get_string(ld, w, "surname_native", c->surname_native, sizeof c->surname_native, 0);
    rd_get_string(ld, w, "given_names_native", c->given_native, sizeof c->given_native, 0);
    read_date(ld, w, "birth_date", &c->birth);
    int doc_list = c->list == CHK_SLTD;
    int doc_cat = c->category <= CHK_REVOKED;
    if (doc_list != doc_cat || doc_list != (c->basis == CHK_BASIS_DOCUMENT))
        rd_problem(ld, w,
                   "%s: the sltd list holds documents (lost, stolen, revoked; match = "
                   "\"document_number\"); the watchlist and national lists hold people (wanted, "
                   "monitor_only, missing_child; matched by name)",
                   w);
    if (c->basis != CHK_BASIS_DOCUMENT && !c->traveler && !c->surname[0])
        rd_problem(ld, w, "%s: a record about someone else names them (surname, given_names)", w);
    if (c->found && c->category != CHK_LOST)
        rd_problem(ld, w, "%s: only a lost document can have been found again", w);
    c->line = rd_line_at(ld, w);
}

static void read_checks(loader *ld) {
    lua_State *L = ld->L;
    scenario *s = ld->s;
    int t = rd_rawfield(L, "checks");
    if (t == LUA_TTABLE) {
        int n = (int)lua_rawlen(L, -1);
        if (n > SCN_MAX_CHECKS)
            rd_problem(ld, "checks", "checks: at most %d records (found %d)", SCN_MAX_CHECKS, n);
        for (int i = 1; i <= n && s->n_checks < SCN_MAX_CHECKS; i++) {
            char w[32];
            snprintf(w, sizeof w, "checks[%d]", i);
            lua_rawgeti(L, -1, i);
            if (lua_istable(L, -1))
                read_check(ld, &s->checks[s->n_checks++], w);
            else
                rd_problem(ld, w, "%s: expected { list = ..., category = ..., ... }", w);
            lua_pop(L, 1);
        }
    } else if (t != LUA_TNIL) {
        rd_problem(ld, "checks", "checks: expected a list of records { { list = ... }, ... }");
    }
    lua_pop(L, 1);
}

static void add_vuln(loader *ld, const char *v, int i, void *arg) {
    (void)i;
    int k = scn_vuln_from_name(v);
    if (k < 0) {
        rd_problem(ld, ld->item,
                   "%s: \"%s\" is not asylum, child, trafficking, stateless, gbv or disability",
                   ld->item, v);
        return;
    }
    *(unsigned *)arg |= 1u << k;
}

/* second_line = { search = true, hold = false, vulnerable = { "asylum" }, ... } */
static void read_second(loader *ld) {
    static const char *keys[] = {"search",   "hold",      "vulnerable", "family",
                                 "children", "authority", "minutes",    NULL};
    lua_State *L = ld->L;
    scn_second *sl = &ld->s->second;
    const char *w = "second_line";
    int t = rd_rawfield(L, w);
    if (t == LUA_TTABLE) {
        sl->stage = 1;
        rd_only_keys(ld, w, keys);
        rd_get_bool(ld, w, "search", &sl->search);
        rd_get_bool(ld, w, "hold", &sl->hold);
        rd_get_bool(ld, w, "family", &sl->family);
        rd_get_bool(ld, w, "authority", &sl->authority);
        rd_each_string(ld, w, "vulnerable", add_vuln, &sl->vulnerable);
        double v = 0;
        if (rd_get_number(ld, w, "children", &v, 0, 9, 0) == 0) sl->children = (int)v;
        if (rd_get_number(ld, w, "minutes", &v, 1, 600, 0) == 0) sl->minutes = (int)v;
        if (sl->children) sl->family = 1;
        if (sl->hold && ld->s->age > 0 && ld->s->age < 18)
            rd_problem(ld, w, "second_line: a child is never held (hold = false)");
        sl->line = rd_line_at(ld, w);
    } else if (t != LUA_TNIL) {
        rd_problem(ld, w, "second_line: expected { search = ..., vulnerable = { ... }, ... }");
    }
    lua_pop(L, 1);
}

/* registry = { result = "late", state = "QWH", consulate = "confirm", ... } */
static void read_registry(loader *ld) {
    static const char *keys[] = {"result",    "state", "differs", "registered",
                                 "consulate", "etd",   "return",  NULL};
    lua_State *L = ld->L;
    scn_registry *r = &ld->s->registry;
    const char *w = "registry";
    int t = rd_rawfield(L, w);
    if (t == LUA_TTABLE) {
        rd_only_keys(ld, w, keys);
        r->result = REG_MATCH;
        read_enum(ld, w, "result", &r->result, scn_reg_from_name,
                  "match, no_record, differs or late");
        read_enum(ld, w, "consulate", &r->consulate, scn_cons_from_name,
                  "none, confirm, deny or more");
        rd_get_string(ld, w, "state", r->state, sizeof r->state, 1);
        rd_get_string(ld, w, "differs", r->differs, sizeof r->differs, 0);
        read_date(ld, w, "registered", &r->registered);
        rd_get_bool(ld, w, "etd", &r->etd);
        rd_get_bool(ld, w, "return", &r->return_intended);
        if (r->result == REG_NONE) r->result = REG_MATCH;
        if (r->result == REG_DIFFERS && !r->differs[0])
            rd_problem(ld, w, "registry: a record that differs says what (differs = \"key\")");
        if (r->result == REG_LATE && r->registered.y == 0)
            rd_problem(ld, w, "registry: a late registration gives its date (registered = ...)");
        if (r->etd && r->consulate != CONS_CONFIRM)
            rd_problem(ld, w,
                       "registry: an emergency travel document needs consulate = "
                       "\"confirm\"");
        r->line = rd_line_at(ld, w);
    } else if (t != LUA_TNIL) {
        rd_problem(ld, w, "registry: expected { result = ..., state = ..., ... }");
    }
    lua_pop(L, 1);
}

void scn_read_border(loader *ld) {
    read_checks(ld);
    read_second(ld);
    read_registry(ld);
}
