/* scn_load.c - reading a scenario inside the script's worker (scn_local.h):
 * runs the file in its own sandbox and reads the table it returns, section by
 * section (traveler, documents, questions, expected, rubric, strings): each
 * key's shape is checked as it is read (scn_read.c's getters), data is copied
 * into the scenario struct, answer functions stay in the sandbox as registry
 * references. The rules that tie the fields together are scn_check.c's. The
 * caller's side (scn_load.h) is scn_host.c. */
#include "scn_local.h"

#include <lauxlib.h>
#include <lua.h>

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "critical.h"
#include "defect.h"
#include "doc.h"
#include "fsio.h"
#include "capture.h"
#include "sandbox.h"
#include "scn_border_read.h"
#include "scn_check.h"
#include "scn_read.h"
#include "scn_ident.h"
#include "scn_travel.h"
#include "tpl.h"

static int parse_date(const char *s, bl_date *d) {
    return date_parse_iso(s, d);
}

/* ------------------------------------------------------------ sections */

static void add_competency(loader *ld, const char *v, int i, void *arg) {
    (void)i, (void)arg;
    int c = scn_competency_from_name(v);
    if (c < 0)
        rd_problem(ld, ld->item,
                   "competencies: \"%s\" is not one of document_examination, interview, "
                   "human_rights, procedure",
                   v);
    else
        ld->s->competencies |= 1u << c;
}

static void add_situation(loader *ld, const char *v, int i, void *arg) {
    (void)i, (void)arg;
    int c = scn_situation_from_name(v);
    if (c < 0)
        rd_problem(ld, ld->item, "situations: \"%s\" is not a situation (see docs/scenarios.md)",
                   v);
    else
        ld->s->situations |= 1u << c;
}

static void add_lang(loader *ld, const char *v, int i, void *arg) {
    (void)arg;
    if (strcmp(v, "en") && strcmp(v, "fr") && strcmp(v, "ar")) {
        rd_problem(ld, ld->item, "languages: \"%s\" is not one of en, fr, ar", v);
        return;
    }
    if (i < 4)
        snprintf(ld->s->langs[ld->s->n_langs++], 8, "%s", v);
    else if (i == 4)
        rd_problem(ld, ld->item, "languages: at most 4");
}

static void add_speaks(loader *ld, const char *v, int i, void *arg) {
    (void)arg;
    if (i < 4)
        snprintf(ld->s->speaks[ld->s->n_speaks++], 8, "%s", v);
    else if (i == 4)
        rd_problem(ld, ld->item, "traveler.speaks: at most 4 languages");
}

static void add_carries(loader *ld, const char *v, int i, void *arg) {
    (void)arg;
    if (i < 4)
        snprintf(ld->s->carries[ld->s->n_carries++], SCN_KEY, "%s", v);
    else if (i == 4)
        rd_problem(ld, ld->item, "traveler.carries: at most 4 things (the desk shows no more)");
}

/* traveler.companion: true, or { relationship = "parent", sex = "M", age = 45 }. */
static void read_companion(loader *ld) {
    static const char *keys[] = {"relationship", "sex", "age", NULL};
    lua_State *L = ld->L;
    scenario *s = ld->s;
    int t = rd_rawfield(L, "companion");
    if (t == LUA_TTABLE) {
        const char *w = "traveler.companion";
        s->companion = 1;
        rd_only_keys(ld, w, keys);
        char rel[32] = "";
        if (rd_get_string(ld, w, "relationship", rel, sizeof rel, 0) == 0 &&
            (s->companion_rel = scn_relationship_from_name(rel)) < 0) {
            rd_problem(ld, "traveler.companion.relationship",
                       "%s.relationship: \"%s\" is not none_claimed, parent, guardian, spouse, "
                       "relative, employer or escort",
                       w, rel);
            s->companion_rel = REL_NONE_CLAIMED;
        }
        if (rd_get_string(ld, w, "sex", s->companion_sex, sizeof s->companion_sex, 0) == 0 &&
            strcmp(s->companion_sex, "F") && strcmp(s->companion_sex, "M") &&
            strcmp(s->companion_sex, "X"))
            rd_problem(ld, "traveler.companion.sex", "%s.sex: expected \"F\", \"M\" or \"X\"", w);
        double age = 0;
        if (rd_get_number(ld, w, "age", &age, 0, 120, 0) == 0) s->companion_age = (int)age;
    } else if (t == LUA_TBOOLEAN) {
        s->companion = lua_toboolean(L, -1);
    } else if (t != LUA_TNIL) {
        rd_problem(ld, "traveler.companion",
                   "traveler.companion: expected true, false or { relationship = ..., sex = "
                   "..., age = ... }");
    }
    lua_pop(L, 1);
}

static void read_traveler(loader *ld) {
    static const char *keys[] = {"age",     "sex",    "speaks", "impostor", "companion", "needs",
                                 "carries", "status", "face",   "fingers",  "gate",      NULL};
    lua_State *L = ld->L;
    scenario *s = ld->s;
    rd_rawfield(L, "traveler");
    if (!lua_istable(L, -1)) {
        rd_problem(ld, "scenario", "missing \"traveler\" table");
        lua_pop(L, 1);
        return;
    }
    rd_only_keys(ld, "traveler", keys);
    double age = 30, imp = 0;
    rd_get_number(ld, "traveler", "age", &age, 0, 120, 1);
    s->age = (int)age;
    if (rd_get_string(ld, "traveler", "sex", s->sex, sizeof s->sex, 1) == 0 &&
        strcmp(s->sex, "F") && strcmp(s->sex, "M") && strcmp(s->sex, "X"))
        rd_problem(ld, "traveler.sex", "traveler.sex: expected \"F\", \"M\" or \"X\"");
    rd_each_string(ld, "traveler", "speaks", add_speaks, NULL);
    if (s->n_speaks == 0)
        rd_problem(ld, "traveler.speaks", "traveler.speaks: name at least one language");
    rd_get_number(ld, "traveler", "impostor", &imp, 0, 1, 0);
    s->impostor = imp;
    read_companion(ld);
    scn_read_ident(ld);
    rd_get_string(ld, "traveler", "needs", s->needs, sizeof s->needs, 0);
    rd_each_string(ld, "traveler", "carries", add_carries, NULL);
    char st[32] = "";
    if (rd_get_string(ld, "traveler", "status", st, sizeof st, 0) == 0 &&
        (s->status = scn_status_from_name(st)) < 0) {
        rd_problem(ld, "traveler.status",
                   "traveler.status: \"%s\" is not visitor, citizen, probable_national or "
                   "stateless",
                   st);
        s->status = STATUS_VISITOR;
    }
    lua_pop(L, 1);
}

static void read_holder(loader *ld, scn_holder *h, const char *what) {
    static const char *keys[] = {"surname",
                                 "given_names",
                                 "sex",
                                 "nationality",
                                 "birth_date",
                                 "expiry_date",
                                 "surname_native",
                                 "given_names_native",
                                 "place_of_birth",
                                 "place_of_birth_native",
                                 NULL};
    rd_only_keys(ld, what, keys);
    char b[16] = "", e[16] = "";
    rd_get_string(ld, what, "surname", h->surname, sizeof h->surname, 0);
    rd_get_string(ld, what, "given_names", h->given_names, sizeof h->given_names, 0);
    rd_get_string(ld, what, "surname_native", h->surname_native, sizeof h->surname_native, 0);
    rd_get_string(ld, what, "given_names_native", h->given_names_native,
                  sizeof h->given_names_native, 0);
    rd_get_string(ld, what, "place_of_birth", h->place_of_birth, sizeof h->place_of_birth, 0);
    rd_get_string(ld, what, "place_of_birth_native", h->place_of_birth_native,
                  sizeof h->place_of_birth_native, 0);
    rd_get_string(ld, what, "sex", h->sex, sizeof h->sex, 0);
    rd_get_string(ld, what, "nationality", h->nationality, sizeof h->nationality, 0);
    char p[160];
    if (rd_get_string(ld, what, "birth_date", b, sizeof b, 0) == 0 && parse_date(b, &h->birth))
        rd_problem(ld, (snprintf(p, sizeof p, "%s.birth_date", what), p),
                   "%s.birth_date: \"%s\" is not a date (YYYY-MM-DD)", what, b);
    if (rd_get_string(ld, what, "expiry_date", e, sizeof e, 0) == 0 && parse_date(e, &h->expiry))
        rd_problem(ld, (snprintf(p, sizeof p, "%s.expiry_date", what), p),
                   "%s.expiry_date: \"%s\" is not a date (YYYY-MM-DD)", what, e);
}

/* documents[i].texts = { inviter = "...", until = "..." }: a supporting
 * document's own texts, each a "text.NAME" field of its template. */
static void read_texts(loader *ld, scn_doc *d, const char *what) {
    lua_State *L = ld->L;
    char p[96];
    snprintf(p, sizeof p, "%s.texts", what);
    int t = rd_rawfield(L, "texts");
    if (t == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING) {
                rd_problem(ld, p, "%s: expected name = \"text\" pairs", p);
            } else if (d->n_texts >= SCN_MAX_TEXTS) {
                rd_problem(ld, p, "%s: at most %d texts", p, SCN_MAX_TEXTS);
            } else if (strlen(lua_tostring(L, -2)) >= sizeof d->texts[0].key ||
                       strlen(lua_tostring(L, -1)) >= sizeof d->texts[0].value) {
                rd_problem(ld, p, "%s.%s: too long", p, lua_tostring(L, -2));
            } else {
                snprintf(d->texts[d->n_texts].key, sizeof d->texts[0].key, "%s",
                         lua_tostring(L, -2));
                snprintf(d->texts[d->n_texts++].value, sizeof d->texts[0].value, "%s",
                         lua_tostring(L, -1));
            }
            lua_pop(L, 1);
        }
    } else if (t != LUA_TNIL) {
        rd_problem(ld, p, "%s: expected a table of texts", p);
    }
    lua_pop(L, 1);
}

/* documents[i].visa = { category, entries, duration_days, valid_from,
 * valid_until }: a visa's terms, each optional. */
static void read_visa(loader *ld, scn_visa *v, const char *what) {
    static const char *keys[] = {"category",   "entries",     "duration_days",
                                 "valid_from", "valid_until", NULL};
    rd_only_keys(ld, what, keys);
    char p[160], f[16] = "", u[16] = "";
    if (rd_get_string(ld, what, "category", v->category, sizeof v->category, 0) == 0 &&
        strcmp(v->category, "C") && strcmp(v->category, "D"))
        rd_problem(ld, (snprintf(p, sizeof p, "%s.category", what), p),
                   "%s.category: \"%s\" is not C (short stay) or D (long stay)", what, v->category);
    if (rd_get_string(ld, what, "entries", v->entries, sizeof v->entries, 0) == 0 &&
        strcmp(v->entries, "1") && strcmp(v->entries, "2") && strcmp(v->entries, "MULT"))
        rd_problem(ld, (snprintf(p, sizeof p, "%s.entries", what), p),
                   "%s.entries: \"%s\" is not \"1\", \"2\" or \"MULT\"", what, v->entries);
    double days = 0;
    if (rd_get_number(ld, what, "duration_days", &days, 1, 3650, 0) == 0)
        v->duration_days = (int)days;
    if (rd_get_string(ld, what, "valid_from", f, sizeof f, 0) == 0 && parse_date(f, &v->valid_from))
        rd_problem(ld, (snprintf(p, sizeof p, "%s.valid_from", what), p),
                   "%s.valid_from: \"%s\" is not a date (YYYY-MM-DD)", what, f);
    if (rd_get_string(ld, what, "valid_until", u, sizeof u, 0) == 0 &&
        parse_date(u, &v->valid_until))
        rd_problem(ld, (snprintf(p, sizeof p, "%s.valid_until", what), p),
                   "%s.valid_until: \"%s\" is not a date (YYYY-MM-DD)", what, u);
}

/* A folder named by the scenario, as a path from where borderlab runs: a
 * relative name is taken from the scenario file's folder. */
static int scenario_path(const loader *ld, char *name, size_t cap) {
    if (name[0] == '/') return 0;
    const char *slash = strrchr(ld->file, '/');
    if (!slash) return 0;
    char joined[512];
    int n = snprintf(joined, sizeof joined, "%.*s/%s", (int)(slash - ld->file), ld->file, name);
    if (n < 0 || (size_t)n >= cap) return -1;
    memcpy(name, joined, (size_t)n + 1);
    return 0;
}

/* One captured folder: found, and its region file and images sound. */
static void probe_capture(loader *ld, const char *what, const char *key, char *dir, size_t cap,
                          capture *c, int *ok) {
    char q[96];
    snprintf(q, sizeof q, "%s.%s", what, key);
    bl_err err = {0};
    *ok = 0;
    if (scenario_path(ld, dir, cap) != 0)
        rd_problem(ld, q, "%s: the folder's path is longer than %zu characters", q, cap - 1);
    else if (capture_probe(c, dir, &err) != 0)
        rd_problem(ld, q, "%s: %s (docs/captures.md says what a capture folder holds)", q, err.msg);
    else
        *ok = 1;
}

/* documents[i] = { capture = "folder", reference = "folder", companion = true }:
 * an academy's own images, placed at the desk at the size they give. */
static void read_capture(loader *ld, const char *what, scn_doc *d) {
    static const char *only[] = {"capture", "reference", "companion", NULL};
    rd_only_keys(ld, what, only);
    rd_get_bool(ld, what, "companion", &d->companion);
    capture *c = malloc(sizeof *c);
    if (!c) {
        rd_problem(ld, what, "%s: out of memory", what);
        return;
    }
    int ok;
    probe_capture(ld, what, "capture", d->capture, sizeof d->capture, c, &ok);
    if (ok) {
        capture_size_mm(c, &d->spec.mm_w, &d->spec.mm_h);
        d->spec.pieces = 1;
        snprintf(d->spec.template_id, sizeof d->spec.template_id, "capture");
        for (int i = 0; i < c->regions.n_defects; i++) /* what check and scoring expect */
            d->spec.defects |= 1u << defect_from_id(c->regions.defects[i].kind);
    }
    if (rd_get_string(ld, what, "reference", d->reference, sizeof d->reference, 0) == 0)
        probe_capture(ld, what, "reference", d->reference, sizeof d->reference, c, &ok);
    free(c);
}

/* after = "question id", or after = { asked = "id", opened = n, flagged =
 * "kind", light = "uv", reader = true, separated = true }: every one must
 * have happened before the question is offered. */
static void read_after(loader *ld, const char *what, scn_question *q) {
    static const char *keys[] = {"asked",  "opened",    "flagged", "light",
                                 "reader", "separated", NULL};
    lua_State *L = ld->L;
    char w[64];
    snprintf(w, sizeof w, "%s.after", what);
    int t = rd_rawfield(L, "after");
    lua_pop(L, 1);
    if (t == LUA_TNIL || t == LUA_TSTRING) {
        rd_get_string(ld, what, "after", q->after, sizeof q->after, 0);
        return;
    }
    if (t != LUA_TTABLE) {
        rd_problem(ld, w,
                   "%s: a question's id, or { asked = \"id\", opened = 1, flagged = "
                   "\"expired\", light = \"uv\", reader = true, separated = true }",
                   w);
        return;
    }
    rd_rawfield(L, "after");
    rd_only_keys(ld, w, keys);
    rd_get_string(ld, w, "asked", q->after, sizeof q->after, 0);
    double n = 0;
    if (rd_get_number(ld, w, "opened", &n, 1, DESK_MAX_DOCS, 0) == 0) q->after_opened = (int)n;
    rd_get_string(ld, w, "flagged", q->after_flagged, sizeof q->after_flagged, 0);
    rd_get_string(ld, w, "light", q->after_light, sizeof q->after_light, 0);
    rd_get_bool(ld, w, "reader", &q->after_reader);
    rd_get_bool(ld, w, "separated", &q->after_separated);
    lua_pop(L, 1);
}

/* What the forger imitated and printed with (a counterfeit's, an altered
 * field's): imitated = { ... }, printer = "laser" | "inkjet" | "copier". */
static void read_forgery(loader *ld, const char *what, scn_doc *d) {
    char q[96];
    rd_each_string(ld, what, "imitated", rd_add_imitated, &d->spec.imitated);
    char printer[16];
    if (rd_get_string(ld, what, "printer", printer, sizeof printer, 0) == 0) {
        snprintf(q, sizeof q, "%s.printer", what);
        if ((d->spec.printer = doc_printer_from_name(printer)) < 0)
            rd_problem(ld, q, "%s: \"%s\" is not a printer (laser, inkjet, copier)", q, printer);
        else if (!(d->spec.defects >> DEFECT_COUNTERFEIT_PAPER & 1) &&
                 !(d->spec.defects >> DEFECT_DATA_ALTERATION_IR & 1))
            rd_problem(ld, q,
                       "%s: a forger's printer belongs to what a forger printed: add "
                       "\"counterfeit_paper\" or \"data_alteration_ir\" to the defects, or "
                       "remove it",
                       q);
        if (d->spec.printer < 0) d->spec.printer = 0;
    }
}

static void read_documents(loader *ld) {
    static const char *keys[] = {"template", "seed",    "defects",   "same_holder", "holder",
                                 "capture",  "visa",    "companion", "texts",       "reference",
                                 "imitated", "printer", "page",      "travel",      "chip",
                                 "altered",  NULL};
    lua_State *L = ld->L;
    scenario *s = ld->s;
    rd_rawfield(L, "documents");
    if (!lua_istable(L, -1)) {
        rd_problem(ld, "scenario",
                   "missing \"documents\" list ({} for a traveler without documents)");
        lua_pop(L, 1);
        return;
    }
    int n = (int)lua_rawlen(L, -1);
    if (n > DESK_MAX_DOCS) rd_problem(ld, "documents", "documents: at most %d", DESK_MAX_DOCS);
    for (int i = 1; i <= n && s->n_docs < DESK_MAX_DOCS; i++) {
        lua_rawgeti(L, -1, i);
        char what[32];
        snprintf(what, sizeof what, "documents[%d]", i);
        if (!lua_istable(L, -1)) {
            rd_problem(ld, what, "%s: expected a table", what);
            lua_pop(L, 1);
            continue;
        }
        scn_doc *d = &s->docs[s->n_docs++];
        memset(d, 0, sizeof *d);
        rd_only_keys(ld, what, keys);
        char q[96];
        d->line = rd_line_at(ld, what);
        if (rd_get_string(ld, what, "capture", d->capture, sizeof d->capture, 0) == 0) {
            read_capture(ld, what, d);
            lua_pop(L, 1);
            continue;
        }
        if (rd_get_string(ld, what, "reference", d->reference, sizeof d->reference, 0) == 0)
            rd_problem(ld, (snprintf(q, sizeof q, "%s.reference", what), q),
                       "%s.reference: only a captured document takes a captured reference (a "
                       "template's reference is its own genuine specimen)",
                       what);
        if (rd_get_string(ld, what, "template", d->spec.template_id, sizeof d->spec.template_id,
                          1) == 0) {
            tpl t;
            bl_err err = {0};
            snprintf(q, sizeof q, "%s.template", what);
            if (tpl_builtin(&t, d->spec.template_id, &err) != 0)
                rd_problem(ld, q, "%s: %s", what, err.msg);
        }
        double seed = 0;
        if (rd_get_number(ld, what, "seed", &seed, 0, 9007199254740991.0, 1) == 0)
            d->spec.seed = (uint64_t)seed;
        rd_each_string(ld, what, "defects", rd_add_defect, &d->spec.defects);
        read_forgery(ld, what, d);
        if (d->spec.imitated && !(d->spec.defects >> DEFECT_COUNTERFEIT_PAPER & 1))
            rd_problem(ld, (snprintf(q, sizeof q, "%s.imitated", what), q),
                       "%s.imitated: what a forger imitated belongs to a counterfeit on ordinary "
                       "paper: add \"counterfeit_paper\" to its defects, or remove imitated",
                       what);
        rd_get_bool(ld, what, "same_holder", &d->same_holder);
        rd_get_bool(ld, what, "companion", &d->companion);
        if (d->companion && !s->companion)
            rd_problem(ld, (snprintf(q, sizeof q, "%s.companion", what), q),
                       "%s: the companion's document, but traveler.companion is not set", what);
        if (d->same_holder && i == 1)
            rd_problem(ld, (snprintf(q, sizeof q, "%s.same_holder", what), q),
                       "%s: same_holder on the first document (it is the holder)", what);
        snprintf(q, sizeof q, "%s.holder", what);
        rd_rawfield(L, "holder");
        if (lua_istable(L, -1))
            read_holder(ld, &d->holder, q);
        else if (!lua_isnil(L, -1))
            rd_problem(ld, q, "%s: expected a table", q);
        lua_pop(L, 1);
        read_texts(ld, d, what);
        if (rd_get_string(ld, what, "altered", d->altered, sizeof d->altered, 0) == 0 &&
            !(d->spec.defects >> DEFECT_DATA_ALTERATION_IR & 1))
            rd_problem(ld, (snprintf(q, sizeof q, "%s.altered", what), q),
                       "%s.altered: names the entry data_alteration_ir reprints: add "
                       "\"data_alteration_ir\" to its defects, or remove altered",
                       what);
        scn_read_travel(ld, d, what);
        scn_read_chip(ld, d, what);
        snprintf(q, sizeof q, "%s.visa", what);
        rd_rawfield(L, "visa");
        if (lua_istable(L, -1))
            read_visa(ld, &d->visa, q);
        else if (!lua_isnil(L, -1))
            rd_problem(ld, q, "%s: expected a table", q);
        lua_pop(L, 1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    scn_resolve_pages(ld);
}

/* q.answer = { { when = {...}, say = "key" }, ... }: the rule list at the top
 * of the stack (left there). */
static void read_rules(loader *ld, scn_question *q, const char *what) {
    static const char *rule_keys[] = {"when", "say", NULL};
    lua_State *L = ld->L;
    int nr = (int)lua_rawlen(L, -1);
    char aw[64];
    snprintf(aw, sizeof aw, "%s.answer", what);
    if (nr == 0) rd_problem(ld, aw, "%s: an empty rule list", aw);
    for (int r = 1; r <= nr && q->n_rules < SCN_MAX_RULES; r++) {
        lua_rawgeti(L, -1, r);
        char rw[64];
        snprintf(rw, sizeof rw, "%s.answer[%d]", what, r);
        if (!lua_istable(L, -1)) {
            rd_problem(ld, rw, "%s: expected { when = {...}, say = \"key\" }", rw);
            lua_pop(L, 1);
            continue;
        }
        scn_rule *ru = &q->rules[q->n_rules++];
        memset(ru, 0, sizeof *ru);
        rd_cond_clear(&ru->when);
        rd_only_keys(ld, rw, rule_keys);
        rd_get_string(ld, rw, "say", ru->say, sizeof ru->say, 1);
        char ww[80];
        snprintf(ww, sizeof ww, "%s.when", rw);
        rd_rawfield(L, "when");
        if (lua_istable(L, -1))
            rd_cond(ld, &ru->when, ww, 0);
        else if (!lua_isnil(L, -1))
            rd_problem(ld, ww, "%s: expected a table", ww);
        lua_pop(L, 1);
        lua_pop(L, 1);
    }
    /* the last rule should hold always, or some desk states get no answer */
    if (!q->n_rules) return;
    const scn_cond *c = &q->rules[q->n_rules - 1].when;
    char last[80];
    snprintf(last, sizeof last, "%s[%d]", aw, q->n_rules);
    if (c->asked[0] || c->not_asked[0] || c->light[0] || c->flagged[0] || c->reader >= 0 ||
        c->interpreter >= 0 || c->separated >= 0)
        rd_problem(ld, last,
                   "%s.answer: the last rule has a condition; end with { say = \"...\" } "
                   "so every situation gets an answer",
                   what);
}

/* The question's answer: a string key, a rule list, or a function (kept as a
 * registry reference when keep_functions is set). */
static void read_answer(loader *ld, scn_question *q, const char *what, int keep_functions) {
    lua_State *L = ld->L;
    char buf[96];
    snprintf(buf, sizeof buf, "%s.answer", what);
    rd_rawfield(L, "answer");
    int t = lua_type(L, -1);
    if (t == LUA_TSTRING) {
        q->kind = ANSWER_KEY;
        snprintf(q->answer, sizeof q->answer, "%s", lua_tostring(L, -1));
        lua_pop(L, 1);
    } else if (t == LUA_TFUNCTION) {
        q->kind = ANSWER_FUNCTION;
        if (keep_functions)
            q->fn = luaL_ref(L, LUA_REGISTRYINDEX); /* pops */
        else
            lua_pop(L, 1);
    } else if (t == LUA_TTABLE) {
        q->kind = ANSWER_RULES;
        read_rules(ld, q, what);
        lua_pop(L, 1);
    } else {
        rd_problem(ld, buf, "%s.answer: expected a string key, a rule list or a function", what);
        lua_pop(L, 1);
    }
}

static void read_questions(loader *ld, int keep_functions) {
    static const char *keys[] = {"id",     "text", "after",      "forbidden",
                                 "answer", "must", "competency", NULL};
    lua_State *L = ld->L;
    scenario *s = ld->s;
    rd_rawfield(L, "questions");
    if (!lua_istable(L, -1)) {
        rd_problem(ld, "scenario", "missing \"questions\" list");
        lua_pop(L, 1);
        return;
    }
    int n = (int)lua_rawlen(L, -1);
    if (n > SCN_MAX_QUESTIONS)
        rd_problem(ld, "questions", "questions: at most %d", SCN_MAX_QUESTIONS);
    for (int i = 1; i <= n && s->n_questions < SCN_MAX_QUESTIONS; i++) {
        lua_rawgeti(L, -1, i);
        char what[40];
        snprintf(what, sizeof what, "questions[%d]", i);
        if (!lua_istable(L, -1)) {
            rd_problem(ld, what, "%s: expected a table", what);
            lua_pop(L, 1);
            continue;
        }
        scn_question *q = &s->questions[s->n_questions++];
        memset(q, 0, sizeof *q);
        q->fn = LUA_NOREF;
        rd_only_keys(ld, what, keys);
        rd_get_string(ld, what, "id", q->id, sizeof q->id, 1);
        char buf[96];
        snprintf(buf, sizeof buf, "%s.id", what);
        q->line = rd_line_at(ld, buf);
        rd_get_string(ld, what, "text", q->text, sizeof q->text, 1);
        read_after(ld, what, q);
        rd_get_bool(ld, what, "forbidden", &q->forbidden);
        rd_get_bool(ld, what, "must", &q->must);
        if (q->must && q->forbidden)
            rd_problem(ld, what, "%s: a question cannot be both must and forbidden", what);
        char comp[32] = "";
        q->competency = COMP_INTERVIEW;
        if (rd_get_string(ld, what, "competency", comp, sizeof comp, 0) == 0 &&
            (q->competency = scn_competency_from_name(comp)) < 0) {
            char cq[64];
            rd_problem(ld, (snprintf(cq, sizeof cq, "%s.competency", what), cq),
                       "%s.competency: \"%s\" is not document_examination, interview, "
                       "human_rights or procedure",
                       what, comp);
            q->competency = COMP_INTERVIEW;
        }
        for (int k = 0; k < s->n_questions - 1; k++)
            if (!strcmp(s->questions[k].id, q->id))
                rd_problem(ld, buf, "%s: id \"%s\" is used twice", what, q->id);
        read_answer(ld, q, what, keep_functions);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static void read_rubric(loader *ld) {
    lua_State *L = ld->L;
    rd_rawfield(L, "rubric");
    if (!lua_istable(L, -1)) {
        rd_problem(ld, "scenario", "missing \"rubric\" table");
        lua_pop(L, 1);
        return;
    }
    static const char *keys[] = {"document_examination", "interview", "human_rights", "procedure",
                                 NULL};
    rd_only_keys(ld, "rubric", keys);
    int sum = 0;
    for (int c = 0; c < COMP_COUNT; c++) {
        double v = 0;
        rd_get_number(ld, "rubric", keys[c], &v, 0, 100, 0);
        ld->s->rubric[c] = (int)v;
        sum += (int)v;
    }
    if (sum != 100) rd_problem(ld, "rubric", "rubric: points add up to %d, not 100", sum);
    lua_pop(L, 1);
}

/* strings = { en = {...}, fr = {...} }: one catalogue per declared language. */
static void read_strings(loader *ld) {
    lua_State *L = ld->L;
    scenario *s = ld->s;
    rd_rawfield(L, "strings");
    if (!lua_istable(L, -1)) {
        rd_problem(ld, "scenario", "missing \"strings\" table");
        lua_pop(L, 1);
        return;
    }
    int en = -1;
    for (int i = 0; i < s->n_langs; i++)
        if (!strcmp(s->langs[i], "en")) en = i;
    if (en < 0) rd_problem(ld, "languages", "languages: \"en\" is required (the fallback)");
    /* English first, so the others can fall back to it */
    int order[4], k = 0;
    if (en >= 0) order[k++] = en;
    for (int i = 0; i < s->n_langs; i++)
        if (i != en) order[k++] = i;
    for (int oi = 0; oi < k; oi++) {
        int i = order[oi];
        rd_rawfield(L, s->langs[i]);
        if (!lua_istable(L, -1)) {
            rd_problem(ld, "strings", "strings.%s: missing, but \"%s\" is in languages",
                       s->langs[i], s->langs[i]);
            lua_pop(L, 1);
            continue;
        }
        cJSON *root = cJSON_CreateObject(), *tab = cJSON_CreateObject();
        cJSON_AddStringToObject(root, "lang", s->langs[i]);
        cJSON_AddStringToObject(root, "dir", strcmp(s->langs[i], "ar") ? "ltr" : "rtl");
        cJSON_AddStringToObject(root, "digits",
                                strcmp(s->langs[i], "ar") ? "latin" : "arabic-indic");
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TSTRING)
                cJSON_AddStringToObject(tab, lua_tostring(L, -2), lua_tostring(L, -1));
            else if (lua_type(L, -2) == LUA_TSTRING)
                rd_problem(ld, lua_tostring(L, -2), "strings.%s.%s: expected a string", s->langs[i],
                           lua_tostring(L, -2));
            lua_pop(L, 1);
        }
        cJSON_AddItemToObject(root, "strings", tab);
        char *json = cJSON_PrintUnformatted(root);
        cJSON_Delete(root);
        bl_err err = {0};
        char name[300];
        snprintf(name, sizeof name, "%s strings.%s", ld->file, s->langs[i]);
        s->strings[i] = json ? i18n_load_json(json, strlen(json), name,
                                              en >= 0 && i != en ? s->strings[en] : NULL, &err)
                             : NULL;
        if (!s->strings[i]) rd_problem(ld, "strings", "%s", err.msg);
        free(json);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* ------------------------------------------------------------ load */

/* Lua's message "file:12: text" -> report at line 12. */
static void lua_problem(loader *ld, const char *msg) {
    ld->problems++;
    if (!ld->report) return;
    const char *p = strstr(msg, ld->file);
    int line = 0;
    const char *text = msg;
    if (p && p[strlen(ld->file)] == ':') {
        const char *q = p + strlen(ld->file) + 1; /* "12: text", or " text" */
        if (*q >= '0' && *q <= '9') {
            line = atoi(q);
            while (*q >= '0' && *q <= '9')
                q++;
            if (*q == ':') q++;
        }
        text = *q == ' ' ? q + 1 : q;
    }
    ld->report(ld->ud, ld->file, line, text);
}

/* Runs the file and reads its table into ld.s (ld is this call's own). */
static int load_local(loader ld, sbx **keep) {
    scenario *out = ld.s;
    const char *code = ld.code, *file = ld.file;
    size_t len = ld.len;
    if (keep) *keep = NULL;
    bl_err err = {0};
    sbx_limits lim;
    memset(&lim, 0, sizeof lim); /* the sandbox's defaults */
    sbx *sb = sbx_create(&lim, &err);
    if (!sb) {
        lua_problem(&ld, err.msg);
        return ld.problems;
    }
    static const char prelude[] = "scenario = function(t) return t end";
    if (sbx_run(sb, prelude, sizeof prelude - 1, "scenario prelude", 0, &err) != 0 ||
        sbx_run(sb, code, len, file, 1, &err) != 0) {
        lua_problem(&ld, err.msg);
        sbx_destroy(sb);
        return ld.problems;
    }
    lua_State *L = sbx_lua(sb);
    ld.L = L;
    if (!lua_istable(L, -1)) {
        rd_problem(&ld, "return", "the file must end with: return scenario { ... }");
        sbx_destroy(sb);
        return ld.problems;
    }
    static const char *keys[] = {
        "id",    "title",    "summary",   "competencies", "situations", "difficulty", "languages",
        "today", "traveler", "documents", "questions",    "expected",   "rubric",     "strings",
        "place", "tutorial", "checks",    "second_line",  "registry",   "flight",     "pnr",
        NULL};
    rd_only_keys(&ld, "scenario", keys);
    rd_get_string(&ld, "scenario", "id", out->id, sizeof out->id, 1);
    rd_get_string(&ld, "scenario", "title", out->title, sizeof out->title, 1);
    rd_get_string(&ld, "scenario", "summary", out->summary, sizeof out->summary, 0);
    rd_each_string(&ld, "scenario", "competencies", add_competency, NULL);
    rd_each_string(&ld, "scenario", "situations", add_situation, NULL);
    double diff = 1;
    rd_get_number(&ld, "scenario", "difficulty", &diff, 1, 5, 0);
    out->difficulty = (int)diff;
    rd_get_bool(&ld, "scenario", "tutorial", &out->tutorial);
    if (!rd_each_string(&ld, "scenario", "languages", add_lang, NULL))
        rd_problem(&ld, "scenario", "missing \"languages\" (at least { \"en\" })");
    char today[16] = "2026-06-01";
    rd_get_string(&ld, "scenario", "today", today, sizeof today, 0);
    if (parse_date(today, &out->today))
        rd_problem(&ld, "today", "today: \"%s\" is not a date (YYYY-MM-DD)", today);
    snprintf(out->place, sizeof out->place, "airport");
    if (rd_get_string(&ld, "scenario", "place", out->place, sizeof out->place, 0) == 0 &&
        strcmp(out->place, "airport") && strcmp(out->place, "land_border") &&
        strcmp(out->place, "seaport") && strcmp(out->place, "rail_station"))
        rd_problem(&ld, "place",
                   "place: \"%s\" is not one of airport, land_border, seaport, rail_station",
                   out->place);
    read_traveler(&ld);
    read_documents(&ld);
    read_questions(&ld, keep != NULL);
    scn_read_border(&ld);
    rd_expected(&ld);
    read_rubric(&ld);
    read_strings(&ld);
    scn_read_flight(&ld);
    lua_pop(L, 1);
    scn_check_rules(&ld);
    /* geometry for the desk */
    if (ld.problems == 0) {
        bl_err gerr = {0};
        for (int d = 0; d < out->n_docs; d++) {
            tpl t;
            if (out->docs[d].capture[0]) continue;
            if (tpl_builtin(&t, out->docs[d].spec.template_id, &gerr) != 0) continue;
            out->docs[d].spec.pieces = t.n_pieces;
            out->docs[d].spec.mm_w = t.pieces[0].w;
            out->docs[d].spec.mm_h = t.pieces[0].h;
            out->docs[d].spec.passport = !strcmp(t.kind, "passport");
            out->docs[d].spec.supporting = tpl_is_supporting(&t);
        }
    }
    if (ld.problems == 0 && keep) {
        *keep = sb; /* the answer functions live on in it */
        return 0;
    }
    sbx_destroy(sb);
    return ld.problems; /* out holds what was read: the caller releases it */
}

int scn_load_local(scenario *out, sbx **keep, const char *code, size_t len, const char *file,
                   scn_report_fn report, void *ud) {
    memset(out, 0, sizeof *out);
    snprintf(out->file, sizeof out->file, "%s", file);
    loader ld = {code, len, file, report, ud, 0, NULL, out, NULL, ""};
    ld.where = scn_where_index(code, len); /* each field's line */
    int problems = load_local(ld, keep);
    scn_where_free(ld.where);
    return problems;
}
