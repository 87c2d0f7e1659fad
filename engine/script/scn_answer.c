/* scn_answer.c - an answer function running in the script's worker, with the
 * ctx table it sees (what happened at the desk).
 *
 * The ctx table is built inside the sandbox's protected call (so a script
 * that filled its memory cap cannot make the table's allocation fail outside
 * it), and its functions carry the number of the answer they were made for:
 * a ctx kept past its answer (SAVED = ctx) raises a script error naming the
 * file and line, never reads what the desk has since changed. */
#include <lauxlib.h>
#include <lua.h>

#include <stdio.h>
#include <string.h>

#include "defect.h"
#include "desk.h"
#include "scn_local.h"

typedef scn_answerer answering;

/* The desk's context, when the calling function belongs to the answer being
 * computed; otherwise a script error at the caller's line. */
static const answering *ctx_of(lua_State *L) {
    const answering *a = lua_touserdata(L, lua_upvalueindex(1));
    if (!a->ctx || lua_tointeger(L, lua_upvalueindex(2)) != a->number)
        luaL_error(L, "ctx is used outside the answer it was given to (keep what you need from "
                      "it, not ctx itself)");
    return a;
}

/* The index of the question named by argument 1; a script error when the
 * scenario has no such question (a typo would otherwise read as "never
 * asked", silently). */
static int question_arg(lua_State *L, const answering *c, const char *fn) {
    const char *id = luaL_checkstring(L, 1);
    int i = scenario_question_index(c->s, id);
    if (i < 0) return luaL_error(L, "ctx.%s: \"%s\" is not a question of this scenario", fn, id);
    return i;
}

static int w_ctx_asked(lua_State *L) {
    const answering *c = ctx_of(L);
    lua_pushboolean(L, c->ctx->asked_times[question_arg(L, c, "asked")] > 0);
    return 1;
}

static int w_ctx_times(lua_State *L) {
    const answering *c = ctx_of(L);
    lua_pushinteger(L, c->ctx->asked_times[question_arg(L, c, "times")]);
    return 1;
}

static int w_ctx_light(lua_State *L) {
    const answering *c = ctx_of(L);
    int l = light_from_name(luaL_checkstring(L, 1));
    if (l < 0) return luaL_error(L, "ctx.light: \"%s\" is not a light", lua_tostring(L, 1));
    lua_pushboolean(L, (c->ctx->lights_used & LIGHT_BIT(l)) != 0);
    return 1;
}

static int w_ctx_flagged(lua_State *L) {
    const answering *c = ctx_of(L);
    const char *k = luaL_checkstring(L, 1);
    for (int i = 0; i < desk_finding_kind_count(); i++)
        if (!strcmp(desk_finding_kind_get(i)->id, k)) {
            lua_pushboolean(L, (c->ctx->flagged >> i) & 1);
            return 1;
        }
    return luaL_error(L, "ctx.flagged: \"%s\" is not a finding kind", k);
}

static int w_ctx_reader(lua_State *L) {
    lua_pushboolean(L, ctx_of(L)->ctx->reader);
    return 1;
}

static int w_ctx_interpreter(lua_State *L) {
    lua_pushboolean(L, ctx_of(L)->ctx->interpreter);
    return 1;
}

static int w_ctx_separated(lua_State *L) {
    lua_pushboolean(L, ctx_of(L)->ctx->separated);
    return 1;
}

/* Document n (1-based, as they lie on the desk) argument 1. */
static unsigned doc_bit(lua_State *L, const char *fn) {
    lua_Integer n = luaL_checkinteger(L, 1);
    if (n < 1 || n > DESK_MAX_DOCS)
        return (unsigned)luaL_error(L, "ctx.%s: document %d does not exist (1 to %d)", fn, (int)n,
                                    DESK_MAX_DOCS);
    return 1u << (n - 1);
}

static int w_ctx_opened(lua_State *L) {
    const answering *c = ctx_of(L);
    lua_pushboolean(L, (c->ctx->opened & doc_bit(L, "opened")) != 0);
    return 1;
}

static int w_ctx_turned(lua_State *L) {
    const answering *c = ctx_of(L);
    lua_pushboolean(L, (c->ctx->turned & doc_bit(L, "turned")) != 0);
    return 1;
}

static int w_ctx_reference(lua_State *L) {
    lua_pushboolean(L, ctx_of(L)->ctx->reference);
    return 1;
}

static int w_ctx_loupe(lua_State *L) {
    lua_pushboolean(L, ctx_of(L)->ctx->loupe);
    return 1;
}

static int w_ctx_elapsed(lua_State *L) {
    lua_pushnumber(L, ctx_of(L)->ctx->elapsed);
    return 1;
}

static int w_ctx_found(lua_State *L) {
    const answering *c = ctx_of(L);
    const char *k = luaL_checkstring(L, 1);
    int d = defect_from_id(k);
    if (d < 0) return luaL_error(L, "ctx.found: \"%s\" is not a defect kind", k);
    lua_pushboolean(L, (c->ctx->found >> d) & 1);
    return 1;
}

/* The questions asked so far, in order: a new list of ids. */
static int w_ctx_transcript(lua_State *L) {
    const answering *c = ctx_of(L);
    lua_createtable(L, c->ctx->n_said, 0);
    for (int i = 0; i < c->ctx->n_said; i++) {
        int q = c->ctx->said[i];
        lua_pushstring(L, q >= 0 && q < c->s->n_questions ? c->s->questions[q].id : "");
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

/* Runs protected (sbx_call): builds ctx, calls the answer function with it,
 * returns what it returned. */
static int call_answer(lua_State *L) {
    static const luaL_Reg fns[] = {
        {"asked", w_ctx_asked},         {"times", w_ctx_times},
        {"light", w_ctx_light},         {"flagged", w_ctx_flagged},
        {"reader", w_ctx_reader},       {"interpreter", w_ctx_interpreter},
        {"separated", w_ctx_separated}, {"opened", w_ctx_opened},
        {"turned", w_ctx_turned},       {"reference", w_ctx_reference},
        {"loupe", w_ctx_loupe},         {"elapsed", w_ctx_elapsed},
        {"found", w_ctx_found},         {"transcript", w_ctx_transcript}};
    answering *a = lua_touserdata(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->s->questions[a->qi].fn);
    lua_createtable(L, 0, (int)(sizeof fns / sizeof fns[0]));
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        lua_pushlightuserdata(L, a); /* the answerer outlives every ctx table */
        lua_pushinteger(L, a->number);
        lua_pushcclosure(L, fns[i].func, 2);
        lua_setfield(L, -2, fns[i].name);
    }
    lua_call(L, 1, 1);
    return 1;
}

int scn_answer_local(sbx *sb, scn_answerer *a, const scenario *s, int qi, const scn_ctx *ctx,
                     char *key, size_t cap, bl_err *err) {
    const scn_question *q = &s->questions[qi];
    if (q->kind != ANSWER_FUNCTION || q->fn == LUA_NOREF)
        return err_set(err, "%s: question \"%s\": no answer function", s->file, q->id);
    lua_State *L = sbx_lua(sb);
    a->s = s, a->ctx = ctx, a->qi = qi, a->number++;
    lua_pushcfunction(L, call_answer); /* neither push allocates */
    lua_pushlightuserdata(L, a);
    int rc = sbx_call(sb, 1, 1, err);
    a->ctx = NULL, a->s = NULL; /* the desk's context ends with the answer */
    if (rc != 0) return -1;
    if (lua_type(L, -1) != LUA_TSTRING) {
        lua_pop(L, 1);
        return err_setc(err, BL_E_SCRIPT,
                        "%s:%d: question \"%s\": the answer function must return a string key",
                        s->file, q->line, q->id);
    }
    snprintf(key, cap, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
    return 0;
}
