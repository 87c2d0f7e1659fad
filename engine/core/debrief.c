/* debrief.c - see debrief.h */
#include "debrief.h"

#include <stdio.h>
#include <string.h>

#include "defect.h"

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

/* The lessons besides the defects: questions that had to be asked, the
 * ones that must never be, the interpreter, the lights the case needed. */
static void add_notes(const scenario *s, const score_result *r, desk_debrief *d) {
    for (int i = 0; i < s->expected.n_ask; i++) {
        int q = scenario_question_index(s, s->expected.ask[i]);
        if (q >= 0 && (r->ask_missed & (1u << i)))
            add_note(d, NOTE_ASK_MISSED, s->questions[q].text, 0);
    }
    for (int q = 0; q < s->n_questions; q++)
        if (r->forbidden_asked & (1u << q)) add_note(d, NOTE_FORBIDDEN, s->questions[q].text, 0);
    if (r->interpreter_missed) add_note(d, NOTE_INTERPRETER, NULL, 0);
    for (int l = 0; l < LIGHT_COUNT; l++)
        if (r->lights_missed & LIGHT_BIT(l)) add_note(d, NOTE_LIGHT, NULL, l);
}

/* Each true defect, found or missed, and the light that shows it. */
static void add_items(const score_truth *t, const score_result *r, desk_debrief *d) {
    for (int i = 0; i < t->n && d->n_items < DEBRIEF_MAX_ITEMS; i++) {
        desk_debrief_item *it = &d->items[d->n_items++];
        const score_defect *sd = &t->d[i];
        it->doc = sd->doc, it->side = sd->side;
        snprintf(it->defect, sizeof it->defect, "%s", defect_get((defect_kind)sd->kind)->id);
        it->x = sd->x, it->y = sd->y, it->w = sd->w, it->h = sd->h;
        it->found = r->defect_found[i];
        it->light = debrief_telling_light(sd->lights);
    }
}

void debrief_from_score(const scenario *s, const score_truth *t, const score_result *r,
                        desk_debrief *d) {
    d->points = r->points, d->passed = r->passed;
    for (int k = 0; k < COMP_COUNT; k++)
        d->competency[k] = r->competency[k];
    d->n_critical = r->n_critical;
    for (int i = 0; i < r->n_critical; i++)
        snprintf(d->critical[i], sizeof d->critical[i], "%s", r->critical[i]);
    add_items(t, r, d);
    snprintf(d->why, sizeof d->why, "%s", s->expected.why);
    add_notes(s, r, d);
    d->expected = s->expected.decision, d->expected_protection = s->expected.protection;
}
