/* scenario.c - see scenario.h */
#include "scenario.h"

#include <string.h>

static const char *competencies[COMP_COUNT] = {"document_examination", "interview", "human_rights",
                                               "procedure"};
static const char *situations[SIT_COUNT] = {
    "fear_of_return",   "unaccompanied_child", "trafficking", "discriminatory_question",
    "language_barrier", "disability_medical",  "stateless",   "undocumented_returnee"};

static int index_of(const char *const *names, int n, const char *s) {
    for (int i = 0; i < n; i++)
        if (!strcmp(names[i], s)) return i;
    return -1;
}

const char *scn_competency_name(int c) {
    return c >= 0 && c < COMP_COUNT ? competencies[c] : "?";
}
const char *scn_situation_name(int s) {
    return s >= 0 && s < SIT_COUNT ? situations[s] : "?";
}
int scn_competency_from_name(const char *s) {
    return index_of(competencies, COMP_COUNT, s);
}
int scn_situation_from_name(const char *s) {
    return index_of(situations, SIT_COUNT, s);
}

void scenario_release(scenario *s) {
    for (int i = 0; i < 4; i++) {
        i18n_destroy(s->strings[i]);
        s->strings[i] = NULL;
    }
}

const i18n *scenario_strings(const scenario *s, const char *lang) {
    for (int i = 0; i < s->n_langs; i++)
        if (!strcmp(s->langs[i], lang) && s->strings[i]) return s->strings[i];
    for (int i = 0; i < s->n_langs; i++)
        if (!strcmp(s->langs[i], "en")) return s->strings[i];
    return NULL;
}

int scenario_question_index(const scenario *s, const char *id) {
    for (int i = 0; i < s->n_questions; i++)
        if (!strcmp(s->questions[i].id, id)) return i;
    return -1;
}

static int holds(const scenario *s, const scn_cond *c, const scn_ctx *ctx) {
    if (c->asked[0]) {
        int i = scenario_question_index(s, c->asked);
        if (i < 0 || ctx->asked_times[i] == 0) return 0;
    }
    if (c->not_asked[0]) {
        int i = scenario_question_index(s, c->not_asked);
        if (i >= 0 && ctx->asked_times[i] > 0) return 0;
    }
    if (c->light[0]) {
        int l = light_from_name(c->light);
        if (l < 0 || !(ctx->lights_used & LIGHT_BIT(l))) return 0;
    }
    if (c->flagged[0]) {
        int k = -1;
        for (int i = 0; i < desk_finding_kind_count(); i++)
            if (!strcmp(desk_finding_kind_get(i)->id, c->flagged)) k = i;
        if (k < 0 || !(ctx->flagged & (1u << k))) return 0;
    }
    if (c->reader >= 0 && !!ctx->reader != c->reader) return 0;
    if (c->interpreter >= 0 && !!ctx->interpreter != c->interpreter) return 0;
    return 1;
}

const char *scenario_rules_answer(const scenario *s, const scn_question *q, const scn_ctx *ctx) {
    if (q->kind == ANSWER_KEY) return q->answer;
    for (int i = 0; i < q->n_rules; i++)
        if (holds(s, &q->rules[i].when, ctx)) return q->rules[i].say;
    return NULL;
}
