/* session.c - see session.h. */
#include "session.h"

#include <stdio.h>
#include <string.h>

#include "rng.h"

static const char *comp_ids[COMP_COUNT] = {"document_examination", "interview", "human_rights",
                                           "procedure"};

const char *session_comp_id(int c) {
    return c >= 0 && c < COMP_COUNT ? comp_ids[c] : "";
}

int session_id_ok(const char *s) {
    if (!*s || *s == '.') return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '-' || *s == '_' || *s == '.'))
            return 0;
    return 1;
}

#define TERM(a) ((a)[sizeof(a) - 1] = '\0')

void session_def_sanitise(session_def *d) {
    TERM(d->file), TERM(d->id), TERM(d->title), TERM(d->trainee), TERM(d->trainee_name);
    TERM(d->cohort);
    if (d->n_items < 0) d->n_items = 0;
    if (d->n_items > SESSION_MAX_ITEMS) d->n_items = SESSION_MAX_ITEMS;
    for (int i = 0; i < SESSION_MAX_ITEMS; i++) {
        session_item *it = &d->items[i];
        if (it->n < 0 || it->n > SESSION_MAX_POOL) it->n = 0;
        if (it->draw < 0 || it->draw > it->n) it->draw = it->n;
        for (int k = 0; k < SESSION_MAX_POOL; k++)
            TERM(it->paths[k]);
    }
}

uint64_t session_seed(const session_def *d, const char *trainee) {
    if (d->has_seed) return d->seed;
    char name[160];
    snprintf(name, sizeof name, "%s|%s", d->id, trainee ? trainee : "");
    return rng_derive(0x5E55107ull, name);
}

int session_draw(const session_def *d, uint64_t seed, char out[][SESSION_PATH_MAX], int cap,
                 bl_err *err) {
    int n = 0;
    for (int i = 0; i < d->n_items; i++) {
        const session_item *it = &d->items[i];
        /* each slot its own stream: adding a slot does not change the others' draws */
        char name[32];
        snprintf(name, sizeof name, "slot %d", i + 1);
        rng r;
        rng_init(&r, rng_derive(seed, name));
        int order[SESSION_MAX_POOL] = {0};
        for (int k = 0; k < it->n; k++)
            order[k] = k;
        for (int k = it->n - 1; k > 0; k--) { /* Fisher-Yates */
            int j = (int)rng_below(&r, (uint32_t)k + 1);
            int t = order[k];
            order[k] = order[j], order[j] = t;
        }
        int take = it->n == 1 ? 1 : it->draw;
        /* a pool keeps the order of the file among the drawn, so an instructor
         * reading the session sees them in the order written */
        int chosen[SESSION_MAX_POOL] = {0};
        for (int k = 0; k < take; k++)
            chosen[order[k]] = 1;
        for (int k = 0; k < it->n; k++) {
            if (!chosen[k]) continue;
            if (n >= cap) {
                err_set(err, "the session holds more than %d scenarios", cap);
                return -1;
            }
            snprintf(out[n++], SESSION_PATH_MAX, "%s", it->paths[k]);
        }
    }
    return n;
}

void session_judge(const session_def *d, const session_case *cases, int n, int total,
                   session_verdict *v) {
    memset(v, 0, sizeof *v);
    v->cases = n;
    double sum = 0, csum[COMP_COUNT] = {0};
    int cn[COMP_COUNT] = {0};
    for (int i = 0; i < n; i++) {
        sum += cases[i].points;
        if (cases[i].n_critical) v->criticals++;
        if (!cases[i].decision_ok) v->wrong++;
        for (int c = 0; c < COMP_COUNT; c++)
            if (cases[i].assessed[c]) csum[c] += cases[i].competency[c], cn[c]++;
    }
    if (total < n) total = n;
    v->overall = total ? sum / total : 0;
    for (int c = 0; c < COMP_COUNT; c++)
        v->competency[c] = cn[c] ? csum[c] / cn[c] : -1;
    if (v->overall < d->pass_overall || total == 0)
        snprintf(v->failed[v->n_failed++], 32, "overall");
    for (int c = 0; c < COMP_COUNT; c++)
        if (d->pass_comp[c] > 0 && v->competency[c] >= 0 && v->competency[c] < d->pass_comp[c])
            snprintf(v->failed[v->n_failed++], 32, "%s", comp_ids[c]);
    if (d->critical_fails && v->criticals) snprintf(v->failed[v->n_failed++], 32, "critical_error");
    /* points measure the work, not whether the person was dealt with rightly */
    if (v->wrong > d->wrong_allowed) snprintf(v->failed[v->n_failed++], 32, "wrong_decision");
    v->passed = v->n_failed == 0;
}
