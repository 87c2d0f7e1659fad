/* score.c - see score.h */
#include "score.h"

#include <cjson/cJSON.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture.h"
#include "critical.h"
#include "exam.h"
#include "ident_face.h"
#include "scn_docs.h"

/* Desk finding kinds, by id, for the defect -> finding kind table. */
static int kind_index(const char *id) {
    for (int i = 0; i < desk_finding_kind_count(); i++)
        if (!strcmp(desk_finding_kind_get(i)->id, id)) return i;
    return -1;
}

int score_finding_kind_of(int defect_kind) {
    static const char *map[DEFECT_COUNT] = {
        [DEFECT_COUNTERFEIT_PAPER] = "counterfeit",
        [DEFECT_UV_EMBLEM_MISSING] = "uv_feature",
        [DEFECT_UV_EMBLEM_WRONG] = "uv_feature",
        [DEFECT_FIBRES_MISSING] = "uv_feature",
        [DEFECT_PRINTED_WATERMARK] = "optical",
        [DEFECT_HALFTONE_PRINT] = "counterfeit",
        [DEFECT_PHOTO_SUBSTITUTION] = "photo_substitution",
        [DEFECT_DATA_ALTERATION_IR] = "data_alteration",
        [DEFECT_MRZ_VIZ_MISMATCH] = "mrz_error",
        [DEFECT_MRZ_CHECK_DIGIT] = "mrz_error",
        [DEFECT_EXPIRED] = "expired",
        [DEFECT_MICROTEXT_MISSING] = "microprint",
        [DEFECT_MICROTEXT_BLURRED] = "microprint",
        [DEFECT_INTAGLIO_MISSING] = "relief",
        [DEFECT_METAMERIC_MISMATCH] = "optical",
        [DEFECT_NAME_SCRIPT_MISMATCH] = "data_alteration",
        [DEFECT_VISA_PASSPORT] = "data_alteration",
        [DEFECT_STAMP_COUNTERFEIT] = "counterfeit",
        /* signed in the holder's name by someone else: a falsified document,
         * which the desk's menu calls "Data altered" */
        [DEFECT_SIGNATURE_MISMATCH] = "data_alteration",
        [DEFECT_WATERMARK_MISSING] = "optical",
        [DEFECT_SEAL_MISSING] = "relief",
        [DEFECT_PRINTED_HOLOGRAM] = "optical",
        [DEFECT_HOLOGRAM_MISSING] = "optical",
        [DEFECT_COLOUR_SHIFT_MISSING] = "optical",
        [DEFECT_COLOUR_SHIFT_WRONG] = "optical",
        [DEFECT_PERFORATION_PRINTED] = "relief",
        [DEFECT_CLI_STATIC] = "optical",
        [DEFECT_RETRO_MISSING] = "counterfeit",
        /* a booklet taken apart (a page swapped) is a falsified document */
        [DEFECT_RESTITCHED_BOOKLET] = "data_alteration",
        [DEFECT_STAMP_DATE_CONFLICT] = "data_alteration",
        /* a page cut free of its booklet and put back: a falsified document */
        [DEFECT_EDGE_TRIMMED] = "data_alteration",
    };
    return defect_kind >= 0 && defect_kind < DEFECT_COUNT && map[defect_kind]
               ? kind_index(map[defect_kind])
               : -1;
}

/* A region of the document image (pixels) in mm on its side. */
static int to_side_mm(const tpl *tp, const doc_item *it, double ppm, double mm[4]) {
    double x = it->x / ppm;
    int side = tp->n_pieces > 1 && x >= tp->pieces[1].x ? 1 : 0;
    mm[0] = x - tp->pieces[side].x;
    mm[1] = it->y / ppm - tp->pieces[side].y;
    mm[2] = it->w / ppm, mm[3] = it->h / ppm;
    return side;
}

/* One document's defects and features into the truth (page > 0: a
 * passport's other page, whose side at the desk is its page). */
static void add_document(score_truth *t, int d, int page, const tpl *tp, const doc_truth *tr,
                         double ppm) {
    double mm[4];
    t->doc_w[d] = tp->pieces[0].w, t->doc_h[d] = tp->pieces[0].h;
    snprintf(t->doc_kind[d], sizeof t->doc_kind[d], "%s", tp->kind);
    for (int i = 0; i < tr->n_defects && t->n < SCORE_MAX_DEFECTS; i++) {
        score_defect *sd = &t->d[t->n++];
        sd->doc = d;
        sd->side = to_side_mm(tp, &tr->defects[i], ppm, mm);
        if (page > 0) sd->side = page;
        sd->kind = defect_from_id(tr->defects[i].kind);
        sd->x = mm[0], sd->y = mm[1], sd->w = mm[2], sd->h = mm[3];
        sd->lights = tr->defects[i].lights;
        sd->parent = tr->defects[i].of[0] ? defect_from_id(tr->defects[i].of) : -1;
    }
    for (int i = 0; i < tr->n_features && t->n_features < SCORE_MAX_FEATURES; i++) {
        score_feature *sf = &t->f[t->n_features++];
        sf->doc = d;
        sf->side = to_side_mm(tp, &tr->features[i], ppm, mm);
        if (page > 0) sf->side = page;
        snprintf(sf->kind, sizeof sf->kind, "%s", tr->features[i].kind);
        sf->x = mm[0], sf->y = mm[1], sf->w = mm[2], sf->h = mm[3];
    }
}

int score_truth_build(const scenario *s, const doc_fonts *fonts, score_truth *t, bl_err *err) {
    memset(t, 0, sizeof *t);
    /* the documents as the desk shows them, holders and all */
    struct docs {
        tpl tpls[DESK_MAX_DOCS];
        doc_spec specs[DESK_MAX_DOCS];
        doc_truth tr;
        capture cap;
    } *k = malloc(sizeof *k);
    if (!k) return err_set(err, "out of memory");
    int rc = scn_docs_specs(s, 72, k->tpls, k->specs, err);
    score_ident_truth_of(s, &t->ident);
    for (int d = 0; rc == 0 && d < s->n_docs; d++) /* the traveler's face against their photo */
        if (!s->docs[d].capture[0] && !s->docs[d].companion) {
            ident_faces f;
            ident_faces_make(&k->specs[d], s->face.relation, s->face.years, s->face.beard,
                             s->face.glasses, s->impostor, &f);
            unsigned cites = ident_cites_of(f.differs);
            if (t->ident.impostor && cites) t->ident.face_differs = cites;
            break;
        }
    for (int d = 0; d < s->n_docs && rc == 0; d++) {
        if (s->docs[d].capture[0]) { /* the academy's regions, at its images' resolution */
            if ((rc = capture_probe(&k->cap, s->docs[d].capture, err)) != 0) break;
            capture_as_doc(&k->cap, &k->tpls[d], &k->tr);
            add_document(t, d, 0, &k->tpls[d], &k->tr, k->tr.dpi / 25.4);
            continue;
        }
        matbuf mb;
        if ((rc = doc_build(&k->specs[d], fonts, &mb, &k->tr, err)) != 0) break;
        add_document(t, d, 0, &k->tpls[d], &k->tr, mb.px_per_mm);
        matbuf_deinit(&mb);
        /* a passport's pages that carry something to find: stamps, the binding */
        for (int pg = 1; rc == 0 && pg < BOOKLET_PAGES && !strcmp(k->tpls[d].kind, "passport");
             pg++) {
            doc_spec spec = k->specs[d];
            spec.page = pg;
            if (!booklet_page_worth(&spec)) continue;
            if ((rc = doc_build(&spec, fonts, &mb, &k->tr, err)) != 0) break;
            add_document(t, d, pg, &k->tpls[d], &k->tr, mb.px_per_mm);
            matbuf_deinit(&mb);
        }
    }
    free(k);
    return rc == 0 ? 0 : err_prefix(err, "%s", s->file);
}

/* Overlap of two rectangles relative to the smaller one (0..1): a flag is a
 * rough rectangle, so being mostly on the defect (or mostly covering a small
 * one) counts. */
static double overlap(double ax, double ay, double aw, double ah, double bx, double by, double bw,
                      double bh) {
    double ix = fmax(0, fmin(ax + aw, bx + bw) - fmax(ax, bx));
    double iy = fmax(0, fmin(ay + ah, by + bh) - fmax(ay, by));
    double small = fmin(aw * ah, bw * bh);
    return small > 0 ? ix * iy / small : 0;
}

/* ------------------------------------------------------------ decision */

static int same_decision(int dec, int prot, int want, int want_prot) {
    return dec == want && (dec != DECIDE_PROTECTION || prot == want_prot);
}

/* Whether the decision is the expected one (1), one the scenario accepts
 * (2), or neither (0). */
static int decision_fit(const scn_expected *e, int dec, int prot) {
    if (same_decision(dec, prot, e->decision, e->protection)) return 1;
    if (dec == DECIDE_PROTECTION && e->decision == DECIDE_PROTECTION && prot > 0 &&
        (e->protections >> prot & 1))
        return 1; /* one of several needs, each a right referral */
    for (int i = 0; i < e->n_accept; i++)
        if (same_decision(dec, prot, e->accept[i].decision, e->accept[i].protection)) return 2;
    return 0;
}

/* Decision points (0..1): the expected decision 1, an accepted one 0.8, a
 * wrong one what it got partly right (rows expected, columns given: none,
 * admit, refuse, second line, protection); a wrong decision never passes
 * whatever these points. */
static double decision_points(const scn_expected *e, int dec, int prot) {
    static const double m[5][5] = {
        /* given:  none  admit refuse second protect     expected: */
        {0, 0, 0, 0, 0},         /* none (unused) */
        {0, 1.0, 0.0, 0.3, 0.2}, /* admit */
        {0, 0.0, 1.0, 0.6, 0.2}, /* refuse */
        {0, 0.0, 0.4, 1.0, 0.3}, /* second line */
        {0, 0.0, 0.0, 0.3, 0.5}, /* protection (another kind) */
    };
    int fit = decision_fit(e, dec, prot);
    if (fit) return fit == 1 ? 1.0 : 0.8;
    int ex = e->decision;
    if (ex < 1 || ex > 4 || dec < 0 || dec > 4) return 0;
    return m[ex][dec];
}

/* ------------------------------------------------------------ findings */

/* Intersection over union of two rectangles (0..1): how well one outlines
 * the other, where overlap() only asks whether they meet. */
static double iou(double ax, double ay, double aw, double ah, double bx, double by, double bw,
                  double bh) {
    double ix = fmax(0, fmin(ax + aw, bx + bw) - fmax(ax, bx));
    double iy = fmax(0, fmin(ay + ah, by + bh) - fmax(ay, by));
    double uni = aw * ah + bw * bh - ix * iy;
    return uni > 0 ? ix * iy / uni : 0;
}

/* The feature of a document a false flag sits on (what is really there),
 * or -1: the one it overlaps most as intersection over union, so a flag on
 * the portrait names the portrait, not the guilloche under the whole page. */
static int feature_under(const score_truth *t, const score_flag *fl) {
    int best = -1;
    double best_iou = 0.05;
    for (int i = 0; i < t->n_features; i++) {
        const score_feature *f = &t->f[i];
        if (f->doc != fl->doc || f->side != fl->side) continue;
        double fit = iou(fl->x, fl->y, fl->w, fl->h, f->x, f->y, f->w, f->h);
        if (fit > best_iou) best = i, best_iou = fit;
    }
    return best;
}

/* The true defect a flag found (named best, then most overlapped), or -1.
 * A flag counts only if a light that shows the defect had been used. */
static int defect_under(const score_truth *t, const score_flag *fl, int *named) {
    int best = -1;
    double best_ov = 0;
    *named = 0;
    for (int d = 0; d < t->n; d++) {
        const score_defect *sd = &t->d[d];
        if (sd->doc != fl->doc || sd->side != fl->side) continue;
        if (!(sd->lights & fl->lights_before)) continue; /* could not have seen it */
        double ov = overlap(fl->x, fl->y, fl->w, fl->h, sd->x, sd->y, sd->w, sd->h);
        if (ov < 0.25) continue;
        /* a defect of the whole page (the paper, the fibres) is under every
         * flag: there only naming it finds it */
        double page = t->doc_w[sd->doc] * t->doc_h[sd->doc];
        if (page > 0 && sd->w * sd->h > 0.25 * page && score_finding_kind_of(sd->kind) != fl->kind)
            continue;
        /* among defects the flag covers, the one it outlines best: a flag on
         * the emblem is the emblem, not the fibres spread over the page */
        double fit = iou(fl->x, fl->y, fl->w, fl->h, sd->x, sd->y, sd->w, sd->h);
        int n = score_finding_kind_of(sd->kind) == fl->kind;
        if (n > *named || (n == *named && fit > best_ov)) best = d, *named = n, best_ov = fit;
    }
    return best;
}

/* A flag on what a counterfeit lacks that names the counterfeit (no
 * watermark against the light: "counterfeit") finds the counterfeit itself:
 * the missing feature is the proof the paper is not the genuine one. */
static void name_parent(const score_truth *t, int d, const score_flag *fl, score_result *out) {
    int parent = t->d[d].parent;
    if (parent < 0 || score_finding_kind_of(parent) != fl->kind) return;
    for (int p = 0; p < t->n; p++)
        if (t->d[p].kind == parent && t->d[p].doc == t->d[d].doc) out->defect_found[p] = 2;
}

/* Findings: each flag against the true defects. Fills flag_matched,
 * flag_there, defect_found, precision, recall and false_flags; returns the
 * documents competency: the share of the expected defects found (named
 * counts whole, located half), less a quarter for each false finding, so
 * one stray flag on a genuine document costs part of the marks, not all. */
static double score_findings(const scenario *s, const score_truth *t, const score_actions *a,
                             score_result *out) {
    const scn_expected *e = &s->expected;
    int impostor_kind = kind_index("impostor");
    int true_pos = 0;
    for (int f = 0; f < a->n_flags && f < SCORE_MAX_FLAGS; f++) {
        const score_flag *fl = &a->flags[f];
        if (fl->kind == impostor_kind && s->impostor > 0) {
            true_pos++; /* the person does not match the photo: right */
            out->flag_matched[f] = -2;
            continue;
        }
        int named;
        int best = defect_under(t, fl, &named);
        if (best >= 0) {
            true_pos++;
            out->flag_matched[f] = best;
            if (named + 1 > out->defect_found[best]) out->defect_found[best] = named + 1;
            name_parent(t, best, fl, out);
        } else {
            out->false_flags++;
            out->flag_there[f] = feature_under(t, fl);
        }
    }
    int n_expected = 0;
    double found = 0;
    for (int k = 0; k < DEFECT_COUNT; k++) {
        if (!(e->findings >> k & 1)) continue;
        n_expected++;
        int level = 0;
        for (int d = 0; d < t->n; d++) {
            if (t->d[d].kind == k && out->defect_found[d] > level) level = out->defect_found[d];
            /* what a counterfeit lacks, found, is the counterfeit located: the
             * trainee saw its sign, but named another thing */
            if (t->d[d].parent == k && out->defect_found[d] > 0 && level < 1) level = 1;
        }
        found += level == 2 ? 1.0 : level == 1 ? 0.5 : 0.0;
    }
    out->precision = a->n_flags ? (double)true_pos / a->n_flags : 1.0;
    out->recall = n_expected ? found / n_expected : 1.0;
    return out->recall * fmax(0.0, 1.0 - 0.25 * out->false_flags);
}

/* ------------------------------------------------------------ interview */

/* Whether question q was asked so that the traveler understood it: after
 * the interpreter came when the case needs one. */
static int heard(const scenario *s, const score_actions *a, int q) {
    int n = a->asked[q];
    if (s->expected.interpreter) n -= a->asked_before_interp[q];
    return n > 0;
}

/* The questions the case requires (expected.ask, and those marked must):
 * per competency the share heard; fills ask_missed, must_missed,
 * not_understood and forbidden_asked. */
static void score_questions(const scenario *s, const score_actions *a, score_result *out,
                            double share[COMP_COUNT]) {
    int need[COMP_COUNT] = {0}, got[COMP_COUNT] = {0};
    unsigned required = 0;
    for (int i = 0; i < s->expected.n_ask; i++) {
        int q = scenario_question_index(s, s->expected.ask[i]);
        if (q < 0) continue;
        required |= 1u << q;
        if (!heard(s, a, q)) out->ask_missed |= 1u << i;
    }
    for (int q = 0; q < s->n_questions; q++) {
        const scn_question *sq = &s->questions[q];
        if (sq->must) required |= 1u << q;
        if (sq->must && !heard(s, a, q)) out->must_missed |= 1u << q;
        if (a->asked[q] > 0 && !heard(s, a, q)) out->not_understood |= 1u << q;
        if (sq->forbidden && a->asked[q] > 0) out->forbidden_asked |= 1u << q;
        if (!(required >> q & 1)) continue;
        need[sq->competency]++;
        got[sq->competency] += heard(s, a, q);
    }
    for (int c = 0; c < COMP_COUNT; c++)
        share[c] = need[c] ? (double)got[c] / need[c] : 1.0;
}

/* ------------------------------------------------------------ critical errors */

static int waived(const scenario *s, const char *id, score_result *out) {
    for (int i = 0; i < s->expected.n_waive; i++)
        if (!strcmp(s->expected.waive[i].critical, id)) {
            int seen = 0;
            for (int k = 0; k < out->n_waived; k++)
                seen |= out->waived[k] == i;
            if (!seen && out->n_waived < SCN_MAX_CRITICAL) out->waived[out->n_waived++] = i;
            return 1;
        }
    return 0;
}

void score_add_critical(const scenario *s, score_result *out, int kind) {
    const char *id = critical_get(kind)->id;
    if (critical_get(kind)->waivable && waived(s, id, out)) return;
    if (out->n_critical < SCORE_MAX_CRITICAL)
        snprintf(out->critical[out->n_critical++], sizeof out->critical[0], "%s", id);
}

/* A document is not one to admit on: forged, counterfeit or altered (any
 * defect but expiry, which is no fraud), its chip not its own or not
 * genuinely signed (a dead chip is no fraud), or not the bearer's. */
static int invalid_document(const scenario *s, const score_truth *t) {
    if (s->impostor > 0) return 1;
    for (int d = 0; d < s->n_docs; d++)
        if (scn_chip_fraud(s->docs[d].spec.chip)) return 1;
    for (int d = 0; d < t->n; d++) /* (a stamp's contradicting date proves no forgery) */
        if (t->d[d].kind != DEFECT_EXPIRED && t->d[d].kind != DEFECT_STAMP_DATE_CONFLICT) return 1;
    for (int d = 0; d < s->n_docs; d++)
        if (s->docs[d].spec.defects & ~(1u << DEFECT_EXPIRED)) return 1;
    return 0;
}

static int has_situation(const scenario *s, int sit) {
    return (s->situations >> sit & 1) != 0;
}

/* The built-in critical errors, judged by principle (critical.h). */
static void builtin_criticals(const scenario *s, const score_truth *t, const score_actions *a,
                              score_result *out) {
    const scn_expected *e = &s->expected;
    int dec = a->decided ? a->decision : DECIDE_NONE;
    int admit = dec == DECIDE_ADMIT, refuse = dec == DECIDE_REFUSE;
    unsigned needs = e->decision == DECIDE_PROTECTION ? e->protections | 1u << e->protection : 0;
    int child = has_situation(s, SIT_UNACCOMPANIED_CHILD) || (needs >> PROTECT_CHILD & 1);
    int trafficking = has_situation(s, SIT_TRAFFICKING) || (needs >> PROTECT_TRAFFICKING & 1);
    int fear = has_situation(s, SIT_FEAR_OF_RETURN) || (needs >> PROTECT_ASYLUM & 1);
    if (admit && invalid_document(s, t)) score_add_critical(s, out, CRIT_ADMITTED_INVALID_DOCUMENT);
    if (refuse && fear) score_add_critical(s, out, CRIT_REFUSED_PROTECTION);
    if (refuse && (s->status == STATUS_CITIZEN || s->status == STATUS_PROBABLE_NATIONAL ||
                   has_situation(s, SIT_UNDOCUMENTED_RETURNEE)))
        score_add_critical(s, out, CRIT_REFUSED_OWN_NATIONAL);
    if (refuse && (s->status == STATUS_STATELESS || has_situation(s, SIT_STATELESS)))
        score_add_critical(s, out, CRIT_REFUSED_STATELESS);
    if ((admit || refuse) && child) score_add_critical(s, out, CRIT_CHILD_WITHOUT_PROTECTION);
    if ((admit || refuse) && trafficking) score_add_critical(s, out, CRIT_TRAFFICKING_NO_REFERRAL);
    if (out->forbidden_asked) score_add_critical(s, out, CRIT_DISCRIMINATORY_QUESTION);
    /* sent out after the interview, the companion had answered everything */
    if (a->decided && s->companion && (child || trafficking) && !a->heard_apart)
        score_add_critical(s, out, CRIT_NOT_HEARD_ALONE);
    if (refuse && !(e->interpreter ? a->reasons_interpreted : a->reasons))
        score_add_critical(s, out, CRIT_REFUSAL_NOT_EXPLAINED);
    if (out->must_missed) score_add_critical(s, out, CRIT_MUST_ASK_MISSED);
    if (!a->decided)
        score_add_critical(s, out, a->timed_out ? CRIT_TIME_RAN_OUT : CRIT_NO_DECISION);
}

/* The author's critical errors (expected.critical): the condition over the
 * desk as it was at the decision, and the decision itself. */
static void authored_criticals(const scenario *s, const score_actions *a, score_result *out) {
    unsigned flagged = 0;
    for (int f = 0; f < a->n_flags; f++)
        if (a->flags[f].kind >= 0 && a->flags[f].kind < 32) flagged |= 1u << a->flags[f].kind;
    scn_ctx ctx = {.asked_times = a->asked,
                   .lights_used = a->lights_used,
                   .flagged = flagged,
                   .reader = a->reader,
                   .interpreter = a->interpreter,
                   .separated = a->separated};
    int dec = a->decided ? a->decision : DECIDE_NONE;
    for (int i = 0; i < s->expected.n_critical; i++) {
        const scn_critical *c = &s->expected.critical[i];
        if (c->when.decision >= 0 && c->when.decision != dec) continue;
        if (c->when.protection >= 0 &&
            (dec != DECIDE_PROTECTION || c->when.protection != a->protection))
            continue;
        if (!scenario_cond_holds(s, &c->when, &ctx)) continue;
        if (out->n_critical < SCORE_MAX_CRITICAL)
            snprintf(out->critical[out->n_critical++], sizeof out->critical[0], "%s%s",
                     CRITICAL_AUTHORED_PREFIX, c->reason);
    }
}

/* Critical errors that are about the person's rights (they zero the human
 * rights competency); the others are about documents and duty. */
static int rights_critical(const score_result *r) {
    static const int kinds[] = {CRIT_REFUSED_PROTECTION,      CRIT_REFUSED_OWN_NATIONAL,
                                CRIT_REFUSED_STATELESS,       CRIT_CHILD_WITHOUT_PROTECTION,
                                CRIT_TRAFFICKING_NO_REFERRAL, CRIT_DISCRIMINATORY_QUESTION,
                                CRIT_NOT_HEARD_ALONE,         CRIT_REFUSAL_NOT_EXPLAINED,
                                CRIT_HELD_ON_FALSE_MATCH,     CRIT_REFUSED_FOR_FINGER};
    for (int i = 0; i < r->n_critical; i++)
        for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
            if (critical_from_id(r->critical[i]) == kinds[k]) return 1;
    return 0;
}

/* ------------------------------------------------------------ the case */

void score_case(const scenario *s, const score_truth *t, const score_actions *a, double pass_mark,
                score_result *out) {
    memset(out, 0, sizeof *out);
    for (int i = 0; i < SCORE_MAX_FLAGS; i++)
        out->flag_matched[i] = out->flag_there[i] = -1;
    const scn_expected *e = &s->expected;
    double docs = score_findings(s, t, a, out);
    double share[COMP_COUNT];
    score_questions(s, a, out, share);
    out->interpreter_missed = e->interpreter && !a->interpreter;
    int fit = a->decided ? decision_fit(e, a->decision, a->protection) : 0;
    out->decision_ok = fit != 0, out->accepted = fit == 2;
    double dec = a->decided ? decision_points(e, a->decision, a->protection) : 0;
    out->decision_score = dec;
    exam_steps ex;
    exam_steps_of(s, t, a, &ex);
    out->steps_possible = ex.possible, out->steps_needed = ex.needed;
    out->steps_required = ex.required, out->steps_covered = ex.covered;
    /* a step the scenario requires and the trainee skipped costs a fifth of
     * the examination's marks: finding by luck is not examining */
    int skipped = __builtin_popcount(ex.required & ~ex.covered);
    docs *= fmax(0.0, 1.0 - 0.2 * skipped);
    builtin_criticals(s, t, a, out);
    score_ident_case(s, t, a, out);
    score_border_case(s, a, out);
    authored_criticals(s, a, out);
    /* a case with a second-line stage is decided there: the same decision
       taken at the first line skipped it */
    if (s->second.stage && !a->border.stage) out->decision_ok = out->accepted = 0, dec *= 0.5;
    /* identity at the counter: the face compared and the chip read are part
       of examining the document against its bearer; the fingerprint
       procedure is part of the procedure */
    double items = 1, sum = docs;
    if (out->face >= 0) sum += out->face, items++;
    if (out->chip >= 0) sum += out->chip, items++;
    docs = sum / items;
    int need_l = 0, used_l = 0;
    for (int l = 0; l < LIGHT_COUNT; l++)
        if (e->lights & LIGHT_BIT(l)) need_l++, used_l += (a->lights_used & LIGHT_BIT(l)) != 0;
    double lights = need_l ? (double)used_l / need_l : 1.0;
    out->lights_missed = e->lights & ~a->lights_used;
    double time = a->seconds <= 600 ? 1.0 : a->seconds <= 1200 ? 0.8 : 0.6;
    /* language access: an interpreter never called, or called only after
     * questions the person could not understand */
    double interp = out->interpreter_missed || out->not_understood ? 0.5 : 1.0;
    /* Human rights: protection handled, no discrimination, language access. */
    double rights = rights_critical(out) ? 0.0 : interp;
    if (e->decision == DECIDE_PROTECTION) rights *= dec;
    out->competency[COMP_DOCUMENTS] = docs * share[COMP_DOCUMENTS];
    out->competency[COMP_INTERVIEW] = share[COMP_INTERVIEW] * interp;
    out->competency[COMP_HUMAN_RIGHTS] = rights * share[COMP_HUMAN_RIGHTS];
    out->competency[COMP_PROCEDURE] = dec * (0.6 + 0.4 * lights) * time * share[COMP_PROCEDURE];
    if (out->fingers >= 0) out->competency[COMP_PROCEDURE] *= 0.5 + 0.5 * out->fingers;
    /* the systems used as the case needed are procedure; second line's
       safeguards are the person's rights */
    if (out->systems >= 0) out->competency[COMP_PROCEDURE] *= 0.4 + 0.6 * out->systems;
    if (out->second >= 0) out->competency[COMP_HUMAN_RIGHTS] *= 0.3 + 0.7 * out->second;
    double pts = 0;
    if (a->decided)
        for (int c = 0; c < COMP_COUNT; c++)
            pts += s->rubric[c] * out->competency[c];
    else /* the person was not dealt with: what was examined still shows */
        out->competency[COMP_HUMAN_RIGHTS] = out->competency[COMP_PROCEDURE] = 0;
    out->points = pts;
    out->pass_mark = e->pass > 0 ? e->pass : pass_mark;
    out->passed = out->decision_ok && out->n_critical == 0 && pts >= out->pass_mark - 1e-9;
}
