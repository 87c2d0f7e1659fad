/* sess_load.c - reading a session file inside the script's worker
 * (sess_load_local, scn_local.h); the caller's side is scn_host.c. */
#include "sess_load.h"
#include "scn_local.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsio.h"
#include "sandbox.h"
#include "scn_read.h"

/* "dir/of/session.lua" + "x.lua" -> "dir/of/x.lua" (absolute paths kept). */
static int resolve(loader *ld, const char *rel, char *out) {
    if (rel[0] == '/')
        return snprintf(out, SESSION_PATH_MAX, "%s", rel) < SESSION_PATH_MAX ? 0 : -1;
    const char *slash = strrchr(ld->file, '/');
    int dir = slash ? (int)(slash - ld->file) + 1 : 0;
    return snprintf(out, SESSION_PATH_MAX, "%.*s%s", dir, ld->file, rel) < SESSION_PATH_MAX ? 0
                                                                                            : -1;
}

static void add_path(loader *ld, const char *v, int i, void *arg) {
    session_item *it = arg;
    if (i >= SESSION_MAX_POOL)
        rd_problem(ld, ld->item, "pool: more than %d scenarios", SESSION_MAX_POOL);
    else if (resolve(ld, v, it->paths[i]) != 0)
        rd_problem(ld, ld->item, "scenario path too long: \"%s\"", v);
    else
        it->n = i + 1;
}

static void read_scenarios(loader *ld, session_def *d) {
    lua_State *L = ld->L;
    rd_rawfield(L, "scenarios");
    if (!lua_istable(L, -1)) {
        rd_problem(ld, "session",
                   "missing \"scenarios\" (a list of files or { pool = {...}, "
                   "draw = N })");
        lua_pop(L, 1);
        return;
    }
    int len = (int)lua_rawlen(L, -1);
    for (int i = 1; i <= len; i++) {
        lua_rawgeti(L, -1, i);
        if (d->n_items >= SESSION_MAX_ITEMS) {
            rd_problem(ld, "scenarios", "scenarios: more than %d slots", SESSION_MAX_ITEMS);
            lua_pop(L, 1);
            break;
        }
        session_item *it = &d->items[d->n_items];
        memset(it, 0, sizeof *it);
        if (lua_type(L, -1) == LUA_TSTRING) {
            add_path(ld, lua_tostring(L, -1), 0, it);
            it->draw = 1;
        } else if (lua_istable(L, -1)) {
            static const char *keys[] = {"pool", "draw", NULL};
            rd_only_keys(ld, "scenarios", keys);
            rd_each_string(ld, "scenarios", "pool", add_path, it);
            double draw = 1;
            if (rd_get_number(ld, "scenarios", "draw", &draw, 1, SESSION_MAX_POOL, 0) == 0 &&
                draw != (int)draw)
                rd_problem(ld, "draw", "scenarios[%d]: draw = %g is not a whole number", i, draw);
            it->draw = (int)draw;
            if (it->n == 0)
                rd_problem(ld, "pool", "scenarios[%d]: an empty pool", i);
            else if (it->draw > it->n)
                rd_problem(ld, "draw", "scenarios[%d]: draws %d from a pool of %d", i, it->draw,
                           it->n);
        } else {
            rd_problem(ld, "scenarios",
                       "scenarios[%d]: expected a file name or { pool = {...}, draw = N }", i);
        }
        lua_pop(L, 1);
        if (it->n) d->n_items++;
    }
    lua_pop(L, 1);
    if (len == 0) rd_problem(ld, "scenarios", "scenarios: the list is empty");
}

static void read_limits(loader *ld, session_def *d) {
    lua_State *L = ld->L;
    rd_rawfield(L, "time_limit");
    if (lua_istable(L, -1)) {
        static const char *keys[] = {"session_min", "case_min", NULL};
        rd_only_keys(ld, "time_limit", keys);
        double s = 0, c = 0;
        rd_get_number(ld, "time_limit", "session_min", &s, 1, 600, 0);
        rd_get_number(ld, "time_limit", "case_min", &c, 0.5, 120, 0);
        d->session_limit_s = s * 60, d->case_limit_s = c * 60;
    } else if (!lua_isnil(L, -1)) {
        rd_problem(ld, "time_limit", "time_limit: expected { session_min = N, case_min = N }");
    }
    lua_pop(L, 1);
}

static void read_pass(loader *ld, session_def *d) {
    lua_State *L = ld->L;
    d->pass_overall = 70, d->critical_fails = 1; /* the academy's usual rule */
    rd_rawfield(L, "pass");
    if (lua_istable(L, -1)) {
        static const char *keys[] = {
            "overall",   "document_examination", "interview",       "human_rights",
            "procedure", "critical_fails",       "wrong_decisions", NULL};
        rd_only_keys(ld, "pass", keys);
        rd_get_number(ld, "pass", "overall", &d->pass_overall, 0, 100, 0);
        for (int c = 0; c < COMP_COUNT; c++) {
            double m = 0;
            rd_get_number(ld, "pass", session_comp_id(c), &m, 0, 100, 0);
            d->pass_comp[c] = m / 100;
        }
        rd_get_bool(ld, "pass", "critical_fails", &d->critical_fails);
        double wrong = 0;
        if (rd_get_number(ld, "pass", "wrong_decisions", &wrong, 0, SESSION_MAX_ITEMS * 64.0, 0) ==
            0)
            d->wrong_allowed = (int)wrong;
    } else if (!lua_isnil(L, -1)) {
        rd_problem(ld, "pass", "pass: expected { overall = 70, interview = 50, ... }");
    }
    lua_pop(L, 1);
}

static void read_trainee(loader *ld, session_def *d) {
    lua_State *L = ld->L;
    rd_rawfield(L, "trainee");
    if (lua_istable(L, -1)) {
        static const char *keys[] = {"id", "name", "cohort", NULL};
        rd_only_keys(ld, "trainee", keys);
        rd_get_string(ld, "trainee", "id", d->trainee, sizeof d->trainee, 0);
        rd_get_string(ld, "trainee", "name", d->trainee_name, sizeof d->trainee_name, 0);
        rd_get_string(ld, "trainee", "cohort", d->cohort, sizeof d->cohort, 0);
    } else if (!lua_isnil(L, -1)) {
        rd_problem(ld, "trainee", "trainee: expected { id = ..., name = ..., cohort = ... }");
    }
    lua_pop(L, 1);
}

/* The queue holds every draw, and each scenario once: the same scenario
 * twice would be scored as one traveler. */
static void check_draw(loader *ld, const session_def *d) {
    int total = 0;
    for (int i = 0; i < d->n_items; i++)
        total += d->items[i].n == 1 ? 1 : d->items[i].draw;
    if (total > SESSION_MAX_ITEMS)
        rd_problem(ld, "scenarios", "scenarios: %d travelers drawn, at most %d", total,
                   SESSION_MAX_ITEMS);
    for (int i = 0; i < d->n_items; i++)
        for (int k = 0; k < d->items[i].n; k++)
            for (int j = i; j < d->n_items; j++)
                for (int m = j == i ? k + 1 : 0; m < d->items[j].n; m++)
                    if (!strcmp(d->items[i].paths[k], d->items[j].paths[m])) {
                        const char *p = d->items[i].paths[k], *slash = strrchr(p, '/');
                        rd_problem(ld, slash ? slash + 1 : p,
                                   "scenarios: %s appears twice (each scenario once per session)",
                                   p);
                        return;
                    }
}

/* An id goes into file names and reports: letters, digits, '-', '_', '.'. */
static void check_id(loader *ld, const char *what, const char *id) {
    if (*id && !session_id_ok(id))
        rd_problem(ld, what, "%s \"%s\": use letters, digits, '-', '_' or '.' (not first) only",
                   what, id);
}

static int load_session(session_def *d, const char *code, size_t len, const char *path,
                        scn_report_fn report, void *ud, scn_where *where) {
    memset(d, 0, sizeof *d);
    if (strlen(path) >= sizeof d->file) {
        if (report) report(ud, path, 0, "the session file's path is too long");
        return 1;
    }
    snprintf(d->file, sizeof d->file, "%s", path);
    bl_err err = {0};
    loader ld = {code, len, path, report, ud, 0, NULL, NULL, where, ""};
    sbx_limits lim;
    memset(&lim, 0, sizeof lim);
    sbx *sb = sbx_create(&lim, &err);
    static const char prelude[] = "session = function(t) return t end";
    if (!sb || sbx_run(sb, prelude, sizeof prelude - 1, "session prelude", 0, &err) != 0 ||
        sbx_run(sb, code, len, path, 1, &err) != 0) {
        ld.problems++;
        if (report) report(ud, path, 0, err.msg);
        sbx_destroy(sb);
        return ld.problems;
    }
    lua_State *L = ld.L = sbx_lua(sb);
    if (!lua_istable(L, -1)) {
        rd_problem(&ld, "return", "the file must end with: return session { ... }");
    } else {
        static const char *keys[] = {"id",         "title", "exam",    "mrz_reader", "seed",
                                     "time_limit", "pass",  "trainee", "scenarios",  NULL};
        rd_only_keys(&ld, "session", keys);
        rd_get_string(&ld, "session", "id", d->id, sizeof d->id, 1);
        check_id(&ld, "id", d->id);
        rd_get_string(&ld, "session", "title", d->title, sizeof d->title, 1);
        rd_get_bool(&ld, "session", "exam", &d->exam);
        d->mrz_reader = !d->exam; /* an exam without the reader unless the academy wants it */
        rd_get_bool(&ld, "session", "mrz_reader", &d->mrz_reader);
        double seed = 0;
        if (rd_get_number(&ld, "session", "seed", &seed, 0, 9007199254740992.0, 0) == 0) {
            if (seed != (double)(uint64_t)seed)
                rd_problem(&ld, "seed", "seed = %g is not a whole number", seed);
            d->has_seed = 1, d->seed = (uint64_t)seed;
        }
        read_limits(&ld, d);
        read_pass(&ld, d);
        read_trainee(&ld, d);
        check_id(&ld, "trainee id", d->trainee);
        read_scenarios(&ld, d);
        if (!d->id[0] && ld.problems == 0)
            rd_problem(&ld, "id", "id: empty (it names the journal)");
        check_draw(&ld, d);
    }
    sbx_destroy(sb);
    return ld.problems;
}

int sess_load_local(session_def *d, const char *code, size_t len, const char *path,
                    scn_report_fn report, void *ud) {
    scn_where *where = scn_where_index(code, len); /* each field's line */
    int problems = load_session(d, code, len, path, report, ud, where);
    scn_where_free(where);
    return problems;
}
