/* scn_read.h - reading the tables a Lua file returns (scenarios, sessions),
 * with every problem reported as file:line: message. Internal to
 * engine/script. Tables are read raw (no metamethods): a file's table may
 * carry an __index that errors or loops, and reading happens outside the
 * sandbox's protected calls. Getters read a field of the table at the top of
 * the stack. */
#ifndef BL_SCN_READ_H
#define BL_SCN_READ_H

#include <lua.h>
#include <stddef.h>

#include "scenario.h"
#include "scn_load.h"
#include "scn_where.h"

typedef struct {
    const char *code;
    size_t len;
    const char *file;
    scn_report_fn report;
    void *ud;
    int problems;
    lua_State *L;
    scenario *s;
    scn_where *where; /* each field's line (NULL: found by searching the text) */
    char item[232];   /* rd_each_string: the path of the item handed to fn */
} loader;

/* Pushes t[k] of the table at the top of the stack (raw); returns its type. */
int rd_rawfield(lua_State *L, const char *k);
/* The line where `needle` first appears in the source, or 0;
 * "anchor\001needle" looks for the needle after the anchor. */
int rd_line_of(const loader *ld, const char *needle);
/* The line of a field by its path ("expected.decision", "questions[2].id"):
 * where the file writes it, or its nearest written ancestor; 0 unknown. */
int rd_line_at(const loader *ld, const char *path);
/* Reports a problem at the line of `where`: a field's path (as rd_line_at),
 * else a word of the source (its first place, as rd_line_of). */
void rd_problem(loader *ld, const char *where, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* "\"value\"" as it appears in the source. */
const char *rd_quoted(const char *v, char *buf, size_t cap);
/* Reports every key of the table not in the NULL-ended `allowed`. */
void rd_only_keys(loader *ld, const char *what, const char *const *allowed);
/* 0 read, 1 absent (and not required), -1 a problem (reported). */
int rd_get_string(loader *ld, const char *what, const char *key, char *out, size_t cap,
                  int required);
int rd_get_number(loader *ld, const char *what, const char *key, double *out, double lo, double hi,
                  int required);
int rd_get_bool(loader *ld, const char *what, const char *key, int *out);
/* Calls fn for each string of a list field (absent: none); returns the count. */
int rd_each_string(loader *ld, const char *what, const char *key,
                   void (*fn)(loader *, const char *, int, void *), void *arg);

/* scn_expect.c: what a scenario expects, and the parts documents share. */
/* rd_each_string callbacks: a defect kind or a light into the unsigned bits at arg. */
void rd_add_defect(loader *ld, const char *v, int i, void *arg);
void rd_add_imitated(loader *ld, const char *v, int i, void *arg); /* imitated = {...} */
void rd_add_light(loader *ld, const char *v, int i, void *arg);
/* A condition (when = {...}) at the top of the stack; with_decision: a
 * critical error's, which may also name the decision and the referral. */
void rd_cond(loader *ld, scn_cond *c, const char *what, int with_decision);
void rd_cond_clear(scn_cond *c); /* every word "any" */
/* expected = {...} of the scenario's table at the top of the stack. */
void rd_expected(loader *ld);

/* scn_flight.c: pre-arrival data. flight = {...} and pnr = {...} of the
 * scenario's table at the top of the stack; and the rule (in scn_check.c's
 * table) that the flight can be made, its PAXLST written and read back, and
 * the booking's dates and remarks key hold. */
void scn_read_flight(loader *ld);
void scn_flight_check(loader *ld);

#endif
