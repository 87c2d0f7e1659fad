/* debrief.c - see debrief.h */
#include "debrief.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "critical.h"
#include "exam.h"
#include "defect.h"
#include "score.h"

int debrief_telling_light(light_set lights) {
    if (lights & LIGHT_BIT(LIGHT_UV)) return LIGHT_UV;
    if (lights & LIGHT_BIT(LIGHT_IR)) return LIGHT_IR;
    for (int l = 0; l < LIGHT_COUNT; l++)
        if (lights & LIGHT_BIT(l)) return l;
    return LIGHT_VISIBLE;
}

static void add_note(desk_debrief *d, int kind, const char *key, int light) {
    if (d->n_notes >= DEBRIEF_MAX_NOTES) return;
    desk_debrief_note *n = &d->notes[d->n_notes++];
    n->kind = kind, n->light = light;
    snprintf(n->key, sizeof n->key, "%s", key ? key : "");
}

/* The lessons besides the defects: identity at the counter, questions that
 * had to be asked, the ones that must never be, the interpreter, the lights
 * the case needed, the examination's steps. */
static void add_notes(const scenario *s, const score_result *r, desk_debrief *d) {
    /* identity first: in a case about who the person is, what matters most */
    for (int k = 0; k < LESSONS; k++)
        if (r->ident_lessons >> k & 1) add_note(d, NOTE_IDENT, ident_lesson_id(k), 0);
    for (int k = 0; k < BLESSONS; k++)
        if (r->border_lessons >> k & 1) add_note(d, NOTE_BORDER, border_lesson_id(k), 0);
    for (int i = 0; i < s->expected.n_ask; i++) {
        int q = scenario_question_index(s, s->expected.ask[i]);
        if (q >= 0 && (r->ask_missed & (1u << i)))
            add_note(d, NOTE_ASK_MISSED, s->questions[q].text, 0);
    }
    for (int q = 0; q < s->n_questions; q++)
        if (r->must_missed & (1u << q)) add_note(d, NOTE_MUST_MISSED, s->questions[q].text, 0);
    for (int q = 0; q < s->n_questions; q++)
        if (r->forbidden_asked & (1u << q)) add_note(d, NOTE_FORBIDDEN, s->questions[q].text, 0);
    if (r->interpreter_missed) add_note(d, NOTE_INTERPRETER, NULL, 0);
    for (int l = 0; l < LIGHT_COUNT; l++)
        if (r->lights_missed & LIGHT_BIT(l)) add_note(d, NOTE_LIGHT, NULL, l);
    for (int k = 0; k < EXAM_STEPS; k++)
        if ((r->steps_required & ~r->steps_covered) >> k & 1)
            add_note(d, NOTE_STEP_SKIPPED, exam_step_id(k), 0);
}

/* Whether what a defect follows from (a counterfeit's paper, for its
 * missing watermark) was found and named on the same document. */
static int parent_named(const score_truth *t, const score_result *r, int i) {
    for (int p = 0; p < t->n; p++)
        if (t->d[i].parent >= 0 && t->d[p].kind == t->d[i].parent && t->d[p].doc == t->d[i].doc &&
            r->defect_found[p] == 2)
            return 1;
    return 0;
}

/* Each true defect, found or missed, and the light that shows it. What a
 * counterfeit lacks is left out once the counterfeit itself was named (it
 * is the counterfeit, not another thing to find); until then each one is a
 * place the trainee could have seen it. */
static void add_items(const score_truth *t, const score_result *r, desk_debrief *d) {
    for (int i = 0; i < t->n && d->n_items < DEBRIEF_MAX_ITEMS; i++) {
        if (r->defect_found[i] < 1 && parent_named(t, r, i)) continue;
        desk_debrief_item *it = &d->items[d->n_items++];
        const score_defect *sd = &t->d[i];
        it->doc = sd->doc, it->side = sd->side;
        snprintf(it->defect, sizeof it->defect, "%s", defect_get((defect_kind)sd->kind)->id);
        it->x = sd->x, it->y = sd->y, it->w = sd->w, it->h = sd->h;
        it->found = r->defect_found[i];
        it->light = debrief_telling_light(sd->lights);
    }
}

/* The trainee's flags, each with what it found (a false one: what is really
 * there). */
static void add_flags(const score_truth *t, const score_actions *a, const score_result *r,
                      desk_debrief *d) {
    for (int i = 0; i < a->n_flags && d->n_flags < DEBRIEF_MAX_FLAGS; i++) {
        const score_flag *f = &a->flags[i];
        desk_debrief_flag *df = &d->flags[d->n_flags++];
        const desk_finding_kind *k = desk_finding_kind_get(f->kind);
        df->doc = f->doc, df->side = f->side;
        df->x = f->x, df->y = f->y, df->w = f->w, df->h = f->h;
        snprintf(df->kind, sizeof df->kind, "%s", k ? k->id : "");
        int m = r->flag_matched[i];
        if (m == -2) {
            df->status = FLAG_IMPOSTOR;
        } else if (m >= 0) {
            df->status = score_finding_kind_of(t->d[m].kind) == f->kind ? FLAG_NAMED : FLAG_LOCATED;
        } else {
            df->status = FLAG_FALSE;
            int th = r->flag_there[i];
            if (th >= 0) snprintf(df->there, sizeof df->there, "%s", t->f[th].kind);
        }
    }
}

/* The interview as it went: each question in order with its answer, and
 * whether it was required, forbidden, or not understood. */
static void add_transcript(const scenario *s, const score_actions *a, desk_debrief *d) {
    unsigned required = 0;
    for (int i = 0; i < s->expected.n_ask; i++) {
        int q = scenario_question_index(s, s->expected.ask[i]);
        if (q >= 0) required |= 1u << q;
    }
    for (int i = 0; i < a->n_asks && d->n_asks < DEBRIEF_MAX_ASKS; i++) {
        const scn_question *q = &s->questions[a->asks[i].q];
        desk_debrief_ask *da = &d->asks[d->n_asks++];
        snprintf(da->text, sizeof da->text, "%s", q->text);
        snprintf(da->answer, sizeof da->answer, "%s", a->asks[i].answer);
        da->tags = ((required >> a->asks[i].q & 1) || q->must ? ASK_REQUIRED : 0) |
                   (q->forbidden ? ASK_FORBIDDEN : 0) | (q->must ? ASK_MUST : 0) |
                   (s->expected.interpreter && a->asks[i].before_interpreter ? ASK_NOT_HEARD : 0);
    }
}

void debrief_from_score(const scenario *s, const score_truth *t, const score_actions *a,
                        const score_result *r, desk_debrief *d) {
    d->points = r->points, d->passed = r->passed, d->pass_mark = r->pass_mark;
    d->decision_ok = r->decision_ok, d->accepted = r->accepted;
    for (int k = 0; k < COMP_COUNT; k++)
        d->competency[k] = r->competency[k];
    d->n_critical = r->n_critical;
    for (int i = 0; i < r->n_critical; i++)
        snprintf(d->critical[i], sizeof d->critical[i], "%s", r->critical[i]);
    for (int i = 0; i < r->n_waived && d->n_waived < 4; i++) {
        const scn_waive *w = &s->expected.waive[r->waived[i]];
        snprintf(d->waived[d->n_waived], sizeof d->waived[0], "%s", w->critical);
        snprintf(d->waived_reason[d->n_waived++], sizeof d->waived_reason[0], "%s", w->reason);
    }
    d->n_docs = s->n_docs;
    for (int k = 0; k < s->n_docs && k < DESK_MAX_DOCS; k++) {
        d->doc_w[k] = t->doc_w[k], d->doc_h[k] = t->doc_h[k];
        snprintf(d->doc_template[k], sizeof d->doc_template[k], "%s",
                 s->docs[k].capture[0] ? "" : s->docs[k].spec.template_id);
    }
    add_items(t, r, d);
    add_flags(t, a, r, d);
    add_transcript(s, a, d);
    snprintf(d->why, sizeof d->why, "%s", s->expected.why);
    add_notes(s, r, d);
    d->expected = s->expected.decision, d->expected_protection = s->expected.protection;
    d->steps_possible = r->steps_possible, d->steps_needed = r->steps_needed;
    d->steps_required = r->steps_required, d->steps_covered = r->steps_covered;
}

/* One key's text in a language's catalogue (English fills what it lacks). */
static void add_text(cJSON *lang, const i18n *cat, const char *key) {
    if (!key[0] || cJSON_GetObjectItemCaseSensitive(lang, key)) return;
    cJSON_AddStringToObject(lang, key, i18n_get(cat, key));
}

char *debrief_texts_json(const scenario *s, const desk_debrief *d) {
    cJSON *all = cJSON_CreateObject();
    size_t plen = strlen(CRITICAL_AUTHORED_PREFIX);
    for (int l = 0; l < s->n_langs && all; l++) {
        const i18n *cat = scenario_strings(s, s->langs[l]);
        if (!cat) continue;
        cJSON *lang = cJSON_AddObjectToObject(all, s->langs[l]);
        add_text(lang, cat, s->title);
        add_text(lang, cat, d->why);
        for (int i = 0; i < d->n_asks; i++)
            add_text(lang, cat, d->asks[i].text), add_text(lang, cat, d->asks[i].answer);
        for (int i = 0; i < d->n_notes; i++)
            add_text(lang, cat, d->notes[i].key);
        for (int i = 0; i < d->n_critical; i++)
            if (!strncmp(d->critical[i], CRITICAL_AUTHORED_PREFIX, plen))
                add_text(lang, cat, d->critical[i] + plen);
        for (int i = 0; i < d->n_waived; i++)
            add_text(lang, cat, d->waived_reason[i]);
    }
    char *text = all ? cJSON_PrintUnformatted(all) : NULL;
    cJSON_Delete(all);
    return text;
}
