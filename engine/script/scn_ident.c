/* scn_ident.c - see scn_ident.h. */
#include "scn_ident.h"

#include <stdio.h>
#include <string.h>

#include "chip.h"

/* traveler.face = { relation = "aged", years = 8, beard = true, glasses = true } */
static void read_face(loader *ld) {
    static const char *keys[] = {"relation", "years", "beard", "glasses", NULL};
    lua_State *L = ld->L;
    scenario *s = ld->s;
    const char *w = "traveler.face";
    int t = rd_rawfield(L, "face");
    if (t == LUA_TTABLE) {
        rd_only_keys(ld, w, keys);
        char rel[24] = "";
        if (rd_get_string(ld, w, "relation", rel, sizeof rel, 1) == 0 &&
            (s->face.relation = scn_face_rel_from_name(rel)) < 0) {
            rd_problem(ld, "traveler.face.relation",
                       "traveler.face.relation: \"%s\" is not holder, aged, lookalike, sibling "
                       "or morph",
                       rel);
            s->face.relation = SCN_FACE_HOLDER;
        }
        double years = 0;
        if (rd_get_number(ld, w, "years", &years, 1, 40, 0) == 0) s->face.years = (int)years;
        if (s->face.relation == SCN_FACE_AGED && s->face.years == 0)
            rd_problem(ld, "traveler.face",
                       "traveler.face: an aged photo says how old it is (years = 1 .. 40)");
        if (s->face.relation != SCN_FACE_AGED && s->face.years)
            rd_problem(ld, "traveler.face.years",
                       "traveler.face.years: only an aged photo (relation = \"aged\") has years");
        rd_get_bool(ld, w, "beard", &s->face.beard);
        rd_get_bool(ld, w, "glasses", &s->face.glasses);
    } else if (t != LUA_TNIL) {
        rd_problem(ld, w, "%s: expected { relation = ..., years = ... }", w);
    }
    lua_pop(L, 1);
}

static int read_finger(loader *ld, const char *w, const char *key, int *out) {
    char name[24] = "", p[64];
    if (rd_get_string(ld, w, key, name, sizeof name, 0) != 0) return 0;
    if ((*out = scn_finger_from_name(name)) < 0) {
        rd_problem(ld, (snprintf(p, sizeof p, "%s.%s", w, key), p),
                   "%s.%s: \"%s\" is not a finger (right_thumb, right_index, ... left_little)", w,
                   key, name);
        *out = 0;
    }
    return 0;
}

/* traveler.fingers = { skin = "dry", injured = "right_index", watchlist = "false_candidate" } */
static void read_fingers(loader *ld) {
    static const char *keys[] = {"skin", "injured", "missing", "watchlist", "mark", NULL};
    lua_State *L = ld->L;
    scenario *s = ld->s;
    const char *w = "traveler.fingers";
    int t = rd_rawfield(L, "fingers");
    if (t == LUA_TTABLE) {
        s->fingers.taken = 1;
        rd_only_keys(ld, w, keys);
        char v[24] = "";
        if (rd_get_string(ld, w, "skin", v, sizeof v, 0) == 0 &&
            (s->fingers.skin = scn_skin_from_name(v)) < 0) {
            rd_problem(ld, "traveler.fingers.skin",
                       "traveler.fingers.skin: \"%s\" is not good, dry, wet or worn", v);
            s->fingers.skin = SKIN_GOOD;
        }
        rd_get_bool(ld, w, "mark", &s->fingers.mark);
        read_finger(ld, w, "injured", &s->fingers.injured);
        read_finger(ld, w, "missing", &s->fingers.missing);
        if (s->fingers.injured && s->fingers.injured == s->fingers.missing)
            rd_problem(ld, "traveler.fingers.missing",
                       "traveler.fingers: the same finger cannot be both injured and missing");
        if (rd_get_string(ld, w, "watchlist", v, sizeof v, 0) == 0 &&
            (s->fingers.watchlist = scn_watch_from_name(v)) < 0) {
            rd_problem(ld, "traveler.fingers.watchlist",
                       "traveler.fingers.watchlist: \"%s\" is not none, false_candidate or "
                       "true_candidate",
                       v);
            s->fingers.watchlist = WATCH_NONE;
        }
    } else if (t == LUA_TBOOLEAN) {
        s->fingers.taken = lua_toboolean(L, -1);
    } else if (t != LUA_TNIL) {
        rd_problem(ld, w, "%s: expected true or { skin = ..., injured = ..., ... }", w);
    }
    lua_pop(L, 1);
}

void scn_read_ident(loader *ld) {
    scenario *s = ld->s;
    read_face(ld);
    read_fingers(ld);
    rd_get_bool(ld, "traveler", "gate", &s->gate);
    /* a face that is not the portrait's is an impostor's: the desk, the
       examination's steps and scoring already know impostors by this */
    if (scn_face_rel_impostor(s->face.relation) && s->impostor == 0) s->impostor = 0.35;
}

/* documents[i].chip = { defect = "dg1_altered" } */
void scn_read_chip(loader *ld, scn_doc *d, const char *what) {
    static const char *keys[] = {"defect", NULL};
    lua_State *L = ld->L;
    char w[64], p[96];
    snprintf(w, sizeof w, "%s.chip", what);
    int t = rd_rawfield(L, "chip");
    if (t == LUA_TTABLE) {
        rd_only_keys(ld, w, keys);
        char v[24] = "";
        if (rd_get_string(ld, w, "defect", v, sizeof v, 0) == 0 &&
            (d->spec.chip = chip_defect_from_name(v)) < 0) {
            rd_problem(ld, (snprintf(p, sizeof p, "%s.defect", w), p),
                       "%s.defect: \"%s\" is not a chip defect (none, cloned, dg1_altered, "
                       "ds_untrusted, ds_expired, ds_revoked, dead)",
                       w, v);
            d->spec.chip = CHIP_DEFECT_NONE;
        }
    } else if (t != LUA_TNIL) {
        rd_problem(ld, w, "%s: expected { defect = ... }", w);
    }
    lua_pop(L, 1);
}
