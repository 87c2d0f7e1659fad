/* score.c - see score.h */
#include "score.h"

#include <cjson/cJSON.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    };
    return defect_kind >= 0 && defect_kind < DEFECT_COUNT && map[defect_kind]
               ? kind_index(map[defect_kind])
               : -1;
}

int score_truth_build(const scenario *s, const doc_fonts *fonts, score_truth *t, bl_err *err) {
    memset(t, 0, sizeof *t);
    doc_truth *tr = malloc(sizeof *tr);
    if (!tr) return err_set(err, "out of memory");
    for (int d = 0; d < s->n_docs; d++) {
        if (s->docs[d].capture[0]) continue;
        tpl tp;
        doc_spec spec;
        if (scn_docs_spec(s, d, 72, &tp, &spec, err) != 0) goto fail;
        matbuf mb;
        if (doc_build(&spec, fonts, &mb, tr, err) != 0) goto fail;
        double ppm = mb.px_per_mm;
        matbuf_deinit(&mb);
        for (int i = 0; i < tr->n_defects && t->n < SCORE_MAX_DEFECTS; i++) {
            const doc_item *it = &tr->defects[i];
            score_defect *sd = &t->d[t->n++];
            double x = it->x / ppm;
            sd->doc = d;
            sd->side = tp.n_pieces > 1 && x >= tp.pieces[1].x ? 1 : 0;
            sd->kind = defect_from_id(it->kind);
            sd->x = x - tp.pieces[sd->side].x;
            sd->y = it->y / ppm - tp.pieces[sd->side].y;
            sd->w = it->w / ppm, sd->h = it->h / ppm;
            sd->lights = it->lights;
        }
    }
    free(tr);
    return 0;
fail:
    free(tr);
    return err_prefix(err, "%s", s->file);
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

/* Decision points: rows expected, columns given (none, admit, refuse,
 * second line, protection). */
static double decision_points(const scn_expected *e, int dec, int prot, char crit[4][48],
                              int *n_crit) {
    static const double m[5][5] = {
        /* given:  none  admit refuse second protect     expected: */
        {0, 0, 0, 0, 0},         /* none (unused) */
        {0, 1.0, 0.0, 0.5, 0.3}, /* admit */
        {0, 0.0, 1.0, 0.8, 0.3}, /* refuse */
        {0, 0.0, 0.7, 1.0, 0.3}, /* second line */
        {0, 0.2, 0.0, 0.3, 1.0}, /* protection */
    };
    int ex = e->decision;
    if (ex < 1 || ex > 4 || dec < 0 || dec > 4) return 0;
    double p = m[ex][dec];
    if (ex == DECIDE_PROTECTION && dec == DECIDE_PROTECTION && prot != e->protection) p = 0.6;
    if ((ex == DECIDE_REFUSE || ex == DECIDE_SECOND_LINE) && dec == DECIDE_ADMIT && *n_crit < 4)
        snprintf(crit[(*n_crit)++], sizeof crit[0], "admitted_invalid_document");
    if (ex == DECIDE_PROTECTION && dec == DECIDE_REFUSE && *n_crit < 4)
        snprintf(crit[(*n_crit)++], sizeof crit[0], "refused_protection");
    if (dec == DECIDE_NONE && *n_crit < 4)
        snprintf(crit[(*n_crit)++], sizeof crit[0], "no_decision");
    return p;
}

/* Findings: each flag against each true defect on its document and side.
 * A flag counts only if a light that shows the defect had been used. Fills
 * flag_matched, defect_found, precision and recall; returns the documents
 * competency (their harmonic mean). */
static double score_findings(const scenario *s, const score_truth *t, const score_actions *a,
                             score_result *out) {
    const scn_expected *e = &s->expected;
    int impostor_kind = kind_index("impostor");
    int true_pos = 0;
    for (int f = 0; f < a->n_flags && f < SCORE_MAX_FLAGS; f++) {
        const score_flag *fl = &a->flags[f];
        if (fl->kind == impostor_kind && s->impostor > 0) {
            true_pos++; /* the person does not match the photo: right */
            continue;
        }
        int best = -1, best_named = 0;
        double best_ov = 0;
        for (int d = 0; d < t->n; d++) {
            const score_defect *sd = &t->d[d];
            if (sd->doc != fl->doc || sd->side != fl->side) continue;
            if (!(sd->lights & fl->lights_before)) continue; /* could not have seen it */
            double ov = overlap(fl->x, fl->y, fl->w, fl->h, sd->x, sd->y, sd->w, sd->h);
            if (ov < 0.25) continue;
            int named = score_finding_kind_of(sd->kind) == fl->kind;
            if (named > best_named || (named == best_named && ov > best_ov))
                best = d, best_named = named, best_ov = ov;
        }
        if (best >= 0) {
            true_pos++;
            out->flag_matched[f] = best;
            int level = best_named ? 2 : 1;
            if (level > out->defect_found[best]) out->defect_found[best] = level;
        }
    }
    int n_expected = 0;
    double found = 0;
    for (int k = 0; k < DEFECT_COUNT; k++) {
        if (!(e->findings >> k & 1)) continue;
        n_expected++;
        int level = 0;
        for (int d = 0; d < t->n; d++)
            if (t->d[d].kind == k && out->defect_found[d] > level) level = out->defect_found[d];
        found += level == 2 ? 1.0 : level == 1 ? 0.5 : 0.0;
    }
    out->precision = a->n_flags ? (double)true_pos / a->n_flags : 1.0;
    out->recall = n_expected ? found / n_expected : 1.0;
    return (out->precision + out->recall) > 0
               ? 2 * out->precision * out->recall / (out->precision + out->recall)
               : 0;
}

void score_case(const scenario *s, const score_truth *t, const score_actions *a, double pass_mark,
                score_result *out) {
    memset(out, 0, sizeof *out);
    for (int i = 0; i < SCORE_MAX_FLAGS; i++)
        out->flag_matched[i] = -1;
    const scn_expected *e = &s->expected;
    double docs = score_findings(s, t, a, out);
    /* Interview: the questions that had to be asked, and none that must not. */
    int must = 0, asked = 0, forbidden = 0;
    for (int i = 0; i < e->n_ask; i++) {
        int q = scenario_question_index(s, e->ask[i]);
        if (q < 0) continue;
        must++;
        asked += a->asked[q] > 0;
        if (a->asked[q] == 0) out->ask_missed |= 1u << i;
    }
    for (int q = 0; q < s->n_questions; q++)
        if (s->questions[q].forbidden && a->asked[q] > 0) {
            forbidden++;
            out->forbidden_asked |= 1u << q;
        }
    out->interpreter_missed = e->interpreter && !a->interpreter;
    double interview = must ? (double)asked / must : 1.0;
    if (e->interpreter && !a->interpreter) interview *= 0.5;
    /* Decision and procedure. */
    double dec =
        a->decided ? decision_points(e, a->decision, a->protection, out->critical, &out->n_critical)
                   : decision_points(e, DECIDE_NONE, 0, out->critical, &out->n_critical);
    out->decision_score = dec;
    if (a->timed_out && !a->decided)
        for (int i = 0; i < out->n_critical; i++)
            if (!strcmp(out->critical[i], "no_decision"))
                snprintf(out->critical[i], sizeof out->critical[i], "time_ran_out");
    if (forbidden && out->n_critical < 4)
        snprintf(out->critical[out->n_critical++], sizeof out->critical[0],
                 "asked_discriminatory_question");
    int need_l = 0, used_l = 0;
    for (int l = 0; l < LIGHT_COUNT; l++)
        if (e->lights & LIGHT_BIT(l)) need_l++, used_l += (a->lights_used & LIGHT_BIT(l)) != 0;
    double lights = need_l ? (double)used_l / need_l : 1.0;
    out->lights_missed = e->lights & ~a->lights_used;
    double time = a->seconds <= 600 ? 1.0 : a->seconds <= 1200 ? 0.8 : 0.6;
    /* Human rights: protection handled, no discrimination, language access. */
    int protection_case = e->decision == DECIDE_PROTECTION;
    double rights = forbidden ? 0.0 : 1.0;
    if (protection_case) rights *= dec;
    if (e->interpreter && !a->interpreter) rights *= 0.5;
    out->competency[COMP_DOCUMENTS] = docs;
    out->competency[COMP_INTERVIEW] = interview;
    out->competency[COMP_HUMAN_RIGHTS] = rights;
    out->competency[COMP_PROCEDURE] = dec * (0.6 + 0.4 * lights) * time;
    if (!a->decided) {
        /* nothing was decided (time ran out): the findings and questions
         * still show what was examined, but the person was not dealt with */
        out->competency[COMP_HUMAN_RIGHTS] = out->competency[COMP_PROCEDURE] = 0;
    }
    double pts = 0;
    for (int c = 0; c < COMP_COUNT; c++)
        pts += s->rubric[c] * out->competency[c];
    if (!a->decided) pts = 0;
    out->points = pts;
    out->passed = out->n_critical == 0 && pts >= pass_mark;
}

int score_actions_from_log(const char *log, size_t len, const scenario *s, const char *traveler_id,
                           score_actions *a, bl_err *err) {
    memset(a, 0, sizeof *a);
    int ids[SCORE_MAX_FLAGS];
    int light = LIGHT_VISIBLE, inside = 0, lineno = 0;
    double t0 = 0;
    size_t pos = 0, tl = strlen(traveler_id);
    while (pos < len) {
        size_t end = pos;
        while (end < len && log[end] != '\n')
            end++;
        lineno++;
        size_t start = pos, blank = 1;
        for (size_t i = start; i < end; i++)
            if (log[i] != ' ' && log[i] != '\t' && log[i] != '\r') blank = 0;
        pos = end + 1;
        if (blank) continue;
        cJSON *o = cJSON_ParseWithLength(log + start, end - start);
        if (!o)
            return err_set(err, "action log line %d is not JSON: is the log cut or edited?",
                           lineno);
        const cJSON *act = cJSON_GetObjectItemCaseSensitive(o, "action");
        const cJSON *tgt = cJSON_GetObjectItemCaseSensitive(o, "target");
        const cJSON *tt = cJSON_GetObjectItemCaseSensitive(o, "t");
        const cJSON *pr = cJSON_GetObjectItemCaseSensitive(o, "params");
        const char *ac = cJSON_IsString(act) ? act->valuestring : "";
        const char *tg = cJSON_IsString(tgt) ? tgt->valuestring : "";
        double t = cJSON_IsNumber(tt) ? tt->valuedouble : 0;
        /* the light in use carries over from one traveler to the next */
        if (!strcmp(ac, "light")) {
            int l = light_from_name(tg);
            if (l >= 0) light = l;
            if (inside && l >= 0) a->lights_used |= LIGHT_BIT(l);
        } else if (!strcmp(ac, "traveler")) {
            inside = !strcmp(tg, traveler_id);
            if (inside) {
                t0 = t;
                a->lights_used = LIGHT_BIT(light);
            }
        } else if (inside && !strcmp(ac, "flag") && a->n_flags < SCORE_MAX_FLAGS &&
                   !strncmp(tg, traveler_id, tl) && tg[tl] == '/') {
            score_flag *f = &a->flags[a->n_flags];
            f->doc = atoi(tg + tl + 4) - 1; /* "<id>/docN:<template>" */
            const cJSON *k = cJSON_GetObjectItemCaseSensitive(pr, "kind");
            const cJSON *side = cJSON_GetObjectItemCaseSensitive(pr, "side");
            const cJSON *r = cJSON_GetObjectItemCaseSensitive(pr, "region_mm");
            const cJSON *id = cJSON_GetObjectItemCaseSensitive(pr, "id");
            f->kind = cJSON_IsString(k) ? kind_index(k->valuestring) : -1;
            f->side = cJSON_IsNumber(side) ? side->valueint : 0;
            if (cJSON_GetArraySize(r) == 4) {
                f->x = cJSON_GetArrayItem(r, 0)->valuedouble;
                f->y = cJSON_GetArrayItem(r, 1)->valuedouble;
                f->w = cJSON_GetArrayItem(r, 2)->valuedouble;
                f->h = cJSON_GetArrayItem(r, 3)->valuedouble;
            }
            f->lights_before = a->lights_used;
            ids[a->n_flags++] = cJSON_IsNumber(id) ? id->valueint : -1;
        } else if (inside && !strcmp(ac, "unflag")) {
            const cJSON *id = cJSON_GetObjectItemCaseSensitive(pr, "id");
            for (int i = 0; i < a->n_flags; i++)
                if (cJSON_IsNumber(id) && ids[i] == id->valueint) {
                    memmove(&a->flags[i], &a->flags[i + 1],
                            sizeof *a->flags * (size_t)(a->n_flags - i - 1));
                    memmove(&ids[i], &ids[i + 1], sizeof *ids * (size_t)(a->n_flags - i - 1));
                    a->n_flags--;
                    break;
                }
        } else if (inside && !strcmp(ac, "ask")) {
            const cJSON *q = cJSON_GetObjectItemCaseSensitive(pr, "question");
            int i = cJSON_IsString(q) ? scenario_question_index(s, q->valuestring) : -1;
            if (i >= 0) a->asked[i]++;
        } else if (inside && !strcmp(ac, "interpreter")) {
            a->interpreter = 1;
        } else if (inside && !strcmp(ac, "mrz_reader")) {
            const cJSON *on = cJSON_GetObjectItemCaseSensitive(pr, "on");
            if (cJSON_IsTrue(on)) a->reader = 1;
        } else if (inside && !strcmp(ac, "decide") && !strcmp(tg, traveler_id)) {
            const cJSON *d = cJSON_GetObjectItemCaseSensitive(pr, "decision");
            const cJSON *p = cJSON_GetObjectItemCaseSensitive(pr, "protection");
            a->decided = 1;
            a->decision = cJSON_IsString(d) ? decision_from_name(d->valuestring) : 0;
            if (a->decision < 0) a->decision = 0;
            a->protection = cJSON_IsString(p) ? protection_from_name(p->valuestring) : 0;
            if (a->protection < 0) a->protection = 0;
            a->seconds = t - t0;
            inside = 0;
        } else if (inside && !strcmp(ac, "timeout") && !strcmp(tg, traveler_id)) {
            a->timed_out = 1; /* not decided: scored as no decision, in time's name */
            a->seconds = t - t0;
            inside = 0;
        }
        cJSON_Delete(o);
    }
    return 0;
}
