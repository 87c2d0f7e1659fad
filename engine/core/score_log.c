/* score_log.c - score_actions_from_log (see score.h): one traveler's
 * actions read back from the action log the desk writes. */
#include "score.h"

#include <cjson/cJSON.h>

#include <stdlib.h>
#include <string.h>

/* What reading carries from one line to the next. */
typedef struct reader {
    const scenario *s;
    const char *id;
    size_t id_len;
    score_actions *a;
    int ids[SCORE_MAX_FLAGS]; /* each flag's id, to match an unflag */
    int light, inside;
    double t0;
} reader;

static const cJSON *param(const cJSON *p, const char *name) {
    return cJSON_GetObjectItemCaseSensitive(p, name);
}

static int finding_kind(const char *id) {
    for (int i = 0; i < desk_finding_kind_count(); i++)
        if (!strcmp(desk_finding_kind_get(i)->id, id)) return i;
    return -1;
}

static void read_flag(reader *rd, const char *tg, const cJSON *pr) {
    score_actions *a = rd->a;
    if (a->n_flags >= SCORE_MAX_FLAGS || strncmp(tg, rd->id, rd->id_len) || tg[rd->id_len] != '/')
        return;
    score_flag *f = &a->flags[a->n_flags];
    memset(f, 0, sizeof *f);
    f->doc = atoi(tg + rd->id_len + 4) - 1; /* "<id>/docN:<template>" */
    const cJSON *k = param(pr, "kind"), *side = param(pr, "side");
    const cJSON *r = param(pr, "region_mm"), *id = param(pr, "id");
    f->kind = cJSON_IsString(k) ? finding_kind(k->valuestring) : -1;
    f->side = cJSON_IsNumber(side) ? side->valueint : 0;
    if (cJSON_GetArraySize(r) == 4) {
        f->x = cJSON_GetArrayItem(r, 0)->valuedouble;
        f->y = cJSON_GetArrayItem(r, 1)->valuedouble;
        f->w = cJSON_GetArrayItem(r, 2)->valuedouble;
        f->h = cJSON_GetArrayItem(r, 3)->valuedouble;
    }
    f->lights_before = a->lights_used;
    rd->ids[a->n_flags++] = cJSON_IsNumber(id) ? id->valueint : -1;
}

static void read_look(reader *rd, const char *tg, const cJSON *pr) {
    score_actions *a = rd->a;
    if (a->n_looks >= SCORE_MAX_LOOKS || strncmp(tg, rd->id, rd->id_len) || tg[rd->id_len] != '/')
        return;
    const cJSON *at = param(pr, "at_mm"), *side = param(pr, "side"), *zoom = param(pr, "zoom");
    const cJSON *light = param(pr, "light");
    if (cJSON_GetArraySize(at) != 2) return;
    score_look *l = &a->looks[a->n_looks++];
    l->doc = atoi(tg + rd->id_len + 4) - 1; /* "<id>/docN:<template>" */
    l->side = cJSON_IsNumber(side) ? side->valueint : 0;
    l->x = cJSON_GetArrayItem(at, 0)->valuedouble;
    l->y = cJSON_GetArrayItem(at, 1)->valuedouble;
    l->zoom = cJSON_IsNumber(zoom) ? zoom->valueint : 0;
    l->light = cJSON_IsString(light) ? light_from_name(light->valuestring) : -1;
}

static void read_unflag(reader *rd, const cJSON *pr) {
    score_actions *a = rd->a;
    const cJSON *id = param(pr, "id");
    for (int i = 0; i < a->n_flags; i++)
        if (cJSON_IsNumber(id) && rd->ids[i] == id->valueint) {
            size_t rest = (size_t)(a->n_flags - i - 1);
            memmove(&a->flags[i], &a->flags[i + 1], sizeof *a->flags * rest);
            memmove(&rd->ids[i], &rd->ids[i + 1], sizeof *rd->ids * rest);
            a->n_flags--;
            return;
        }
}

static void read_ask(reader *rd, const cJSON *pr) {
    score_actions *a = rd->a;
    const cJSON *q = param(pr, "question");
    int i = cJSON_IsString(q) ? scenario_question_index(rd->s, q->valuestring) : -1;
    if (i < 0) return;
    a->asked[i]++;
    if (!a->interpreter) a->asked_before_interp[i]++;
    if (a->n_asks < SCORE_MAX_ASKS) {
        score_ask *k = &a->asks[a->n_asks++];
        memset(k, 0, sizeof *k);
        k->q = i, k->before_interpreter = !a->interpreter, k->apart = a->separated;
        if (a->separated) a->heard_apart = 1;
    }
}

/* The answer the desk gave: it follows its question in the log. */
static void read_answer(reader *rd, const cJSON *pr) {
    score_actions *a = rd->a;
    const cJSON *q = param(pr, "question"), *ans = param(pr, "answer");
    if (!a->n_asks || !cJSON_IsString(q) || !cJSON_IsString(ans)) return;
    score_ask *k = &a->asks[a->n_asks - 1];
    if (k->q == scenario_question_index(rd->s, q->valuestring))
        snprintf(k->answer, sizeof k->answer, "%s", ans->valuestring);
}

static void read_decide(reader *rd, const cJSON *pr, double t) {
    score_actions *a = rd->a;
    const cJSON *d = param(pr, "decision"), *p = param(pr, "protection");
    a->decided = 1;
    a->decision = cJSON_IsString(d) ? decision_from_name(d->valuestring) : 0;
    if (a->decision < 0) a->decision = 0;
    a->protection = cJSON_IsString(p) ? protection_from_name(p->valuestring) : 0;
    if (a->protection < 0) a->protection = 0;
    a->seconds = t - rd->t0;
    if (a->border.stage) a->border.stage_s = t - a->border.stage_begin;
    rd->inside = 0;
}

/* One line of the log. */
static void read_action(reader *rd, const cJSON *o) {
    score_actions *a = rd->a;
    const cJSON *act = param(o, "action"), *tgt = param(o, "target"), *tt = param(o, "t");
    const cJSON *pr = param(o, "params");
    const char *ac = cJSON_IsString(act) ? act->valuestring : "";
    const char *tg = cJSON_IsString(tgt) ? tgt->valuestring : "";
    double t = cJSON_IsNumber(tt) ? tt->valuedouble : 0;
    int mine = !strcmp(tg, rd->id);
    if (!strcmp(ac, "light")) { /* the light in use carries over to the next traveler */
        int l = light_from_name(tg);
        if (l >= 0) rd->light = l;
        if (rd->inside && l >= 0) a->lights_used |= LIGHT_BIT(l);
    } else if (!strcmp(ac, "traveler")) {
        rd->inside = mine;
        if (mine) rd->t0 = t, a->lights_used = LIGHT_BIT(rd->light);
    } else if (!rd->inside) {
        return;
    } else if (!strcmp(ac, "flag")) {
        read_flag(rd, tg, pr);
    } else if (!strcmp(ac, "look")) {
        read_look(rd, tg, pr);
    } else if (!strcmp(ac, "unflag")) {
        read_unflag(rd, pr);
    } else if (!strcmp(ac, "ask")) {
        read_ask(rd, pr);
    } else if (!strcmp(ac, "answer")) {
        read_answer(rd, pr);
    } else if (!strcmp(ac, "interpreter")) {
        a->interpreter = 1;
    } else if (!strcmp(ac, "separate")) {
        a->separated = 1;
    } else if (!strcmp(ac, "reasons")) {
        a->reasons = 1;
        if (a->interpreter) a->reasons_interpreted = 1;
    } else if (!strcmp(ac, "mrz_reader")) {
        if (cJSON_IsTrue(param(pr, "on"))) a->reader = 1;
    } else if (score_ident_action(&a->ident, ac, pr)) {
        /* the identity panel's (score_ident.c) */
    } else if (rd->inside && score_border_action(&a->border, ac, pr, t)) {
        /* the systems panel's and the second-line stage's (score_border.c) */
    } else if (!strcmp(ac, "decide") && mine) {
        read_decide(rd, pr, t);
    } else if (!strcmp(ac, "timeout") && mine) {
        a->timed_out = 1; /* not decided: scored as no decision, in time's name */
        a->seconds = t - rd->t0;
        rd->inside = 0;
    }
}

static int blank(const char *p, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') return 0;
    return 1;
}

int score_actions_from_log(const char *log, size_t len, const scenario *s, const char *traveler_id,
                           score_actions *a, bl_err *err) {
    memset(a, 0, sizeof *a);
    reader rd = {
        .s = s, .id = traveler_id, .id_len = strlen(traveler_id), .a = a, .light = LIGHT_VISIBLE};
    int lineno = 0;
    for (size_t pos = 0; pos < len;) {
        size_t end = pos;
        while (end < len && log[end] != '\n')
            end++;
        lineno++;
        size_t start = pos;
        pos = end + 1;
        if (blank(log + start, end - start)) continue;
        cJSON *o = cJSON_ParseWithLength(log + start, end - start);
        if (!o)
            return err_set(err, "action log line %d is not JSON: is the log cut or edited?",
                           lineno);
        read_action(&rd, o);
        cJSON_Delete(o);
    }
    return 0;
}
