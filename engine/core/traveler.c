/* traveler.c - see traveler.h */
#include "traveler.h"

#include <stdio.h>
#include <string.h>

int traveler_scenario_doc(const scenario *s, int i) {
    return i >= 0 && i < s->n_docs && i < DESK_MAX_DOCS ? i : -1;
}

/* What must have happened at the desk before a question is offered. */
static void after_events(const scn_question *sq, desk_question *dq) {
    snprintf(dq->after, sizeof dq->after, "%s", sq->after);
    dq->after_opened = sq->after_opened;
    for (int k = 0; k < desk_finding_kind_count() && sq->after_flagged[0]; k++)
        if (!strcmp(desk_finding_kind_get(k)->id, sq->after_flagged)) dq->after_flagged = k + 1;
    int l = sq->after_light[0] ? light_from_name(sq->after_light) : -1;
    dq->after_light = l >= 0 ? l + 1 : 0;
    dq->after_reader = sq->after_reader;
    dq->after_separated = sq->after_separated;
}

/* The desk's view of a scenario: documents and interview. */
void traveler_from_scenario(const scenario *s, desk_traveler *t) {
    memset(t, 0, sizeof *t);
    snprintf(t->id, sizeof t->id, "%s", s->id);
    t->impostor = s->impostor;
    t->tutorial = s->tutorial;
    t->n_docs = 0;
    for (int d; t->n_docs < DESK_MAX_DOCS && (d = traveler_scenario_doc(s, t->n_docs)) >= 0;) {
        if (s->docs[d].companion) t->companion_docs |= 1u << t->n_docs;
        t->docs[t->n_docs] = s->docs[d].spec;
        t->docs[t->n_docs++].same_holder = s->docs[d].same_holder;
    }
    snprintf(t->title, sizeof t->title, "%s", s->title);
    t->n_questions = s->n_questions < DESK_MAX_QUESTIONS ? s->n_questions : DESK_MAX_QUESTIONS;
    for (int q = 0; q < t->n_questions; q++) {
        desk_question *dq = &t->questions[q];
        snprintf(dq->id, sizeof dq->id, "%s", s->questions[q].id);
        snprintf(dq->text, sizeof dq->text, "%s", s->questions[q].text);
        after_events(&s->questions[q], dq);
        dq->forbidden = s->questions[q].forbidden;
    }
    t->n_speaks = s->n_speaks;
    memcpy(t->speaks, s->speaks, sizeof t->speaks);
    t->companion = s->companion;
    t->companion_rel = s->companion_rel;
    memcpy(t->companion_sex, s->companion_sex, sizeof t->companion_sex);
    t->companion_age = s->companion_age;
    t->age = s->age;
    snprintf(t->sex, sizeof t->sex, "%s", s->sex);
    snprintf(t->needs, sizeof t->needs, "%s", s->needs);
    snprintf(t->place, sizeof t->place, "%s", s->place);
    t->fingers = s->fingers.taken;
    t->gate = s->gate;
    t->face_rel = s->face.relation, t->face_years = s->face.years;
    t->face_beard = s->face.beard, t->face_glasses = s->face.glasses;
    t->skin = s->fingers.skin, t->injured = s->fingers.injured;
    t->missing = s->fingers.missing, t->watchlist = s->fingers.watchlist;
    t->second_stage = s->second.stage, t->second_family = s->second.family;
    t->second_children = s->second.children, t->second_minutes = s->second.minutes;
    t->second_found = s->second.vulnerable;
    t->registry = s->registry.result != REG_NONE;
    t->return_case = s->registry.return_intended;
    t->n_carries = s->n_carries;
    memcpy(t->carries, s->carries, sizeof t->carries);
}

void traveler_session(desk_session *ss, const scenario *scn, int n) {
    snprintf(ss->id, sizeof ss->id, "%s", n == 1 ? scn[0].id : "pack");
    ss->today = n ? scn[0].today : (bl_date){2026, 6, 1};
    ss->mrz_reader = 1;
    ss->debrief = 1;
    ss->n_travelers = n;
    for (int i = 0; i < n; i++)
        traveler_from_scenario(&scn[i], &ss->travelers[i]);
}
