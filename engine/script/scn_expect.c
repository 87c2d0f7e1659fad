/* scn_expect.c - reading what a scenario expects (expected = {...}) and the
 * conditions its rules and critical errors share (when = {...}), and the
 * lists of defects and lights both documents and expected name. Internal to
 * engine/script (scn_read.h); scn_load.c reads the rest. */
#include <lauxlib.h>
#include <lua.h>

#include <stdio.h>
#include <string.h>

#include "critical.h"
#include "defect.h"
#include "exam.h"
#include "scn_read.h"

void rd_add_defect(loader *ld, const char *v, int i, void *arg) {
    (void)i;
    unsigned *bits = arg;
    int k = defect_from_id(v);
    if (k < 0)
        rd_problem(ld, ld->item, "\"%s\" is not a defect kind ('borderlab templates' lists them)",
                   v);
    else
        *bits |= 1u << k;
}

void rd_add_imitated(loader *ld, const char *v, int i, void *arg) {
    (void)i;
    unsigned *bits = arg;
    int k = imitated_from_id(v);
    if (k < 0)
        rd_problem(ld, ld->item,
                   "\"%s\" is not a feature a forger imitates (watermark, fibres, uv_emblem, "
                   "intaglio, dry_seal, ir)",
                   v);
    else
        *bits |= 1u << k;
}

/* expected.steps = { "face", "number", ... }: F.A.L.S.E.D.O.C. (exam.h) */
static void add_step(loader *ld, const char *v, int i, void *arg) {
    (void)i;
    unsigned *bits = arg;
    int k = exam_step_from_id(v);
    if (k < 0)
        rd_problem(ld, ld->item,
                   "\"%s\" is not an examination step (face, altered, lamina, stitching, edges, "
                   "number, overseas, consistency)",
                   v);
    else
        *bits |= 1u << k;
}

void rd_add_light(loader *ld, const char *v, int i, void *arg) {
    (void)i;
    unsigned *bits = arg;
    int l = light_from_name(v);
    if (l < 0)
        rd_problem(ld, ld->item, "\"%s\" is not a light (visible, uv, ir, oblique, transmitted)",
                   v);
    else
        *bits |= LIGHT_BIT(l);
}

static void add_ask(loader *ld, const char *v, int i, void *arg) {
    (void)arg;
    scn_expected *e = &ld->s->expected;
    if (i < SCN_MAX_LIST)
        snprintf(e->ask[e->n_ask++], 32, "%s", v);
    else if (i == SCN_MAX_LIST)
        rd_problem(ld, ld->item, "expected.ask: at most %d questions", SCN_MAX_LIST);
}

/* A boolean condition word: -1 when absent. */
static int cond_bool(loader *ld, const char *key) {
    int v = -1;
    rd_rawfield(ld->L, key);
    if (!lua_isnil(ld->L, -1)) v = lua_toboolean(ld->L, -1);
    lua_pop(ld->L, 1);
    return v;
}

/* A condition ("when"); with_decision: expected.critical's, which may also
 * name the decision (and the protection referral) it is about. */
void rd_cond(loader *ld, scn_cond *c, const char *what, int with_decision) {
    static const char *keys[] = {"asked",  "not_asked",   "light",     "flagged",
                                 "reader", "interpreter", "separated", NULL};
    static const char *keys_dec[] = {"asked",       "not_asked", "light",    "flagged",    "reader",
                                     "interpreter", "separated", "decision", "protection", NULL};
    rd_only_keys(ld, what, with_decision ? keys_dec : keys);
    rd_get_string(ld, what, "asked", c->asked, sizeof c->asked, 0);
    rd_get_string(ld, what, "not_asked", c->not_asked, sizeof c->not_asked, 0);
    rd_get_string(ld, what, "light", c->light, sizeof c->light, 0);
    rd_get_string(ld, what, "flagged", c->flagged, sizeof c->flagged, 0);
    c->reader = cond_bool(ld, "reader");
    c->interpreter = cond_bool(ld, "interpreter");
    c->separated = cond_bool(ld, "separated");
    c->decision = c->protection = -1;
    if (!with_decision) return;
    char dec[32] = "", prot[32] = "", q[200];
    if (rd_get_string(ld, what, "decision", dec, sizeof dec, 0) == 0 &&
        (c->decision = decision_from_name(dec)) < 0)
        rd_problem(ld, (snprintf(q, sizeof q, "%s.decision", what), q),
                   "%s.decision: \"%s\" is not admit, refuse, second_line or protection", what,
                   dec);
    if (rd_get_string(ld, what, "protection", prot, sizeof prot, 0) == 0 &&
        (c->protection = protection_from_name(prot)) < 0)
        rd_problem(ld, (snprintf(q, sizeof q, "%s.protection", what), q),
                   "%s.protection: \"%s\" is not asylum, child or trafficking", what, prot);
}

void rd_cond_clear(scn_cond *c) {
    memset(c, 0, sizeof *c);
    c->reader = c->interpreter = c->separated = c->decision = c->protection = -1;
}

/* expected.protection: a need, or one of a list (the first is the one the
 * debrief names). */
static void add_protection(loader *ld, const char *v, int i, void *arg) {
    (void)arg;
    scn_expected *e = &ld->s->expected;
    int p = protection_from_name(v);
    if (p <= 0) {
        (void)i;
        rd_problem(ld, ld->item[0] ? ld->item : "expected.protection",
                   "expected.protection: \"%s\" is not asylum, child or trafficking", v);
        return;
    }
    if (!e->protection) e->protection = p;
    e->protections |= 1u << p;
}

/* expected.accept = { "second_line", "asylum", ... }: a decision, or a
 * protection referral by its kind. */
static void add_accept(loader *ld, const char *v, int i, void *arg) {
    (void)arg;
    scn_expected *e = &ld->s->expected;
    int d = decision_from_name(v), p = protection_from_name(v);
    if (d == DECIDE_PROTECTION) {
        rd_problem(ld, ld->item,
                   "expected.accept: name the protection referral (asylum, child or "
                   "trafficking), not \"protection\"");
        return;
    }
    if (d < 0 && p < 0) {
        rd_problem(ld, ld->item,
                   "expected.accept: \"%s\" is not admit, refuse, second_line, asylum, child "
                   "or trafficking",
                   v);
        return;
    }
    if (i >= SCN_MAX_ACCEPT) {
        rd_problem(ld, "expected.accept", "expected.accept: at most %d decisions", SCN_MAX_ACCEPT);
        return;
    }
    scn_accept *a = &e->accept[e->n_accept++];
    a->decision = d >= 0 ? d : DECIDE_PROTECTION;
    a->protection = d >= 0 ? PROTECT_NONE : p;
    if (a->decision == e->decision &&
        (a->decision != DECIDE_PROTECTION || a->protection == e->protection))
        rd_problem(ld, ld->item, "expected.accept: \"%s\" is the expected decision already", v);
}

/* expected.critical = { { when = {...}, reason = "key" }, ... } */
static void read_criticals(loader *ld) {
    static const char *keys[] = {"when", "reason", NULL};
    lua_State *L = ld->L;
    scn_expected *e = &ld->s->expected;
    if (rd_rawfield(L, "critical") != LUA_TTABLE) {
        if (!lua_isnil(L, -1))
            rd_problem(ld, "expected.critical",
                       "expected.critical: expected a list of { when = {...}, "
                       "reason = \"key\" }");
        lua_pop(L, 1);
        return;
    }
    int n = (int)lua_rawlen(L, -1);
    if (n > SCN_MAX_CRITICAL)
        rd_problem(ld, "expected.critical", "expected.critical: at most %d", SCN_MAX_CRITICAL);
    for (int i = 1; i <= n && e->n_critical < SCN_MAX_CRITICAL; i++) {
        char what[48];
        snprintf(what, sizeof what, "expected.critical[%d]", i);
        lua_rawgeti(L, -1, i);
        scn_critical *c = &e->critical[e->n_critical++];
        memset(c, 0, sizeof *c);
        rd_cond_clear(&c->when);
        if (!lua_istable(L, -1)) {
            rd_problem(ld, what, "%s: expected { when = {...}, reason = \"key\" }", what);
            lua_pop(L, 1);
            continue;
        }
        rd_only_keys(ld, what, keys);
        c->line = rd_line_at(ld, what);
        rd_get_string(ld, what, "reason", c->reason, sizeof c->reason, 1);
        if (rd_rawfield(L, "when") == LUA_TTABLE) {
            char w[64];
            snprintf(w, sizeof w, "%s.when", what);
            rd_cond(ld, &c->when, w, 1);
        } else {
            rd_problem(ld, what,
                       "%s.when: expected a table (the condition; { decision = "
                       "\"admit\" } for instance)",
                       what);
        }
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
}

/* expected.waive = { { critical = "id", reason = "key" }, ... } */
static void read_waivers(loader *ld) {
    static const char *keys[] = {"critical", "reason", NULL};
    lua_State *L = ld->L;
    scn_expected *e = &ld->s->expected;
    if (rd_rawfield(L, "waive") != LUA_TTABLE) {
        if (!lua_isnil(L, -1))
            rd_problem(ld, "expected.waive",
                       "expected.waive: expected a list of { critical = \"id\", "
                       "reason = \"key\" }");
        lua_pop(L, 1);
        return;
    }
    int n = (int)lua_rawlen(L, -1);
    if (n > SCN_MAX_CRITICAL)
        rd_problem(ld, "expected.waive", "expected.waive: at most %d", SCN_MAX_CRITICAL);
    for (int i = 1; i <= n && e->n_waive < SCN_MAX_CRITICAL; i++) {
        char what[48], q[96];
        snprintf(what, sizeof what, "expected.waive[%d]", i);
        lua_rawgeti(L, -1, i);
        scn_waive *w = &e->waive[e->n_waive++];
        memset(w, 0, sizeof *w);
        if (!lua_istable(L, -1)) {
            rd_problem(ld, what, "%s: expected { critical = \"id\", reason = \"key\" }", what);
            lua_pop(L, 1);
            continue;
        }
        rd_only_keys(ld, what, keys);
        if (rd_get_string(ld, what, "critical", w->critical, sizeof w->critical, 1) == 0) {
            w->line = rd_line_at(ld, what);
            snprintf(q, sizeof q, "%s.critical", what);
            int k = critical_from_id(w->critical);
            if (k < 0)
                rd_problem(ld, q, "%s.critical: \"%s\" is not a built-in critical error", what,
                           w->critical);
            else if (!critical_get(k)->waivable)
                rd_problem(ld, q, "%s.critical: \"%s\" cannot be waived", what, w->critical);
        }
        rd_get_string(ld, what, "reason", w->reason, sizeof w->reason, 1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

void rd_expected(loader *ld) {
    static const char *keys[] = {"decision",    "protection", "findings", "ask",  "lights",
                                 "interpreter", "why",        "accept",   "pass", "critical",
                                 "waive",       "steps",      NULL};
    lua_State *L = ld->L;
    scn_expected *e = &ld->s->expected;
    rd_rawfield(L, "expected");
    if (!lua_istable(L, -1)) {
        rd_problem(ld, "scenario", "missing \"expected\" table");
        lua_pop(L, 1);
        return;
    }
    rd_only_keys(ld, "expected", keys);
    char dec[32] = "", prot[32] = "";
    if (rd_get_string(ld, "expected", "decision", dec, sizeof dec, 1) == 0 &&
        (e->decision = decision_from_name(dec)) < 0)
        rd_problem(ld, "expected.decision",
                   "expected.decision: \"%s\" is not admit, refuse, second_line or protection",
                   dec);
    (void)prot;
    rd_rawfield(L, "protection");
    int list = lua_istable(L, -1);
    lua_pop(L, 1);
    if (list) /* several needs at once: { "child", "trafficking" } */
        rd_each_string(ld, "expected", "protection", add_protection, NULL);
    else if (rd_get_string(ld, "expected", "protection", prot, sizeof prot, 0) == 0)
        ld->item[0] = '\0', add_protection(ld, prot, 0, NULL);
    if (e->decision < 0) e->decision = 0;
    if (e->protection < 0) e->protection = 0;
    if (e->decision == DECIDE_PROTECTION && e->protection == PROTECT_NONE)
        rd_problem(ld, "expected.decision",
                   "expected.protection: say which referral (asylum, child or trafficking)");
    rd_each_string(ld, "expected", "findings", rd_add_defect, &e->findings);
    rd_each_string(ld, "expected", "ask", add_ask, NULL);
    rd_each_string(ld, "expected", "lights", rd_add_light, &e->lights);
    rd_each_string(ld, "expected", "steps", add_step, &e->steps);
    rd_get_bool(ld, "expected", "interpreter", &e->interpreter);
    rd_get_string(ld, "expected", "why", e->why, sizeof e->why, 1);
    rd_each_string(ld, "expected", "accept", add_accept, NULL);
    rd_get_number(ld, "expected", "pass", &e->pass, 1, 100, 0);
    read_criticals(ld);
    read_waivers(ld);
    lua_pop(L, 1);
}
