/* scn_probe.c - scn_probe_answers (see scn_load.h): every answer function
 * run against desk situations it may meet, before anyone plays it.
 *
 * The situations are generated: every combination of the other questions
 * asked (all of them up to PROBE_ALL_SUBSETS questions, else none, each one,
 * each pair and all), each with every combination of the MRZ reader, the
 * interpreter and the companion sent out; and from nothing asked and from
 * everything asked, each light used and each finding kind flagged. A
 * problem (a key that is not one of the scenario's strings, ctx.flagged of a
 * kind that does not exist, ctx.asked of a question that does not, any other
 * script error) is reported once per question and message, at the line the
 * script's error names or else the question's. Each defect kind found, and
 * a desk where every document was opened and turned, the specimen and the
 * loupe used and ten minutes passed, are tried too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "defect.h"
#include "desk.h"
#include "scn_load.h"

#define PROBE_ALL_SUBSETS 7 /* up to 2^7 = 128 combinations of questions asked */
#define PROBE_MAX_REPORTS 4 /* per question: the first few distinct problems */

typedef struct probe {
    const scenario *s;
    scn_runtime *rt;
    scn_report_fn report;
    void *ud;
    scn_said_fn said;
    void *said_ud;
    int problems;
    char seen[PROBE_MAX_REPORTS][512]; /* the messages reported for this question */
    int n_seen;
} probe;

/* The line a script error names ("file:LINE: ..."), else 0. */
static int line_of(const char *msg, const char *file) {
    size_t n = strlen(file);
    if (strncmp(msg, file, n) || msg[n] != ':') return 0;
    return atoi(msg + n + 1);
}

/* The situation in words, for the message: "asked purpose, stay; UV; flagged
 * counterfeit; interpreter". */
static void describe(const scenario *s, const scn_ctx *ctx, char *out, size_t cap) {
    size_t n = 0;
    out[0] = '\0';
#define ADD(...) (n += (size_t)snprintf(out + n, n < cap ? cap - n : 0, __VA_ARGS__))
    int any = 0;
    for (int i = 0; i < s->n_questions; i++)
        if (ctx->asked_times[i]) ADD("%s%s", any++ ? ", " : "asked ", s->questions[i].id);
    if (!any) ADD("nothing asked");
    for (int l = 1; l < LIGHT_COUNT; l++)
        if (ctx->lights_used & LIGHT_BIT(l)) ADD("; %s light", light_name((light_kind)l));
    for (int f = 0; f < desk_finding_kind_count(); f++)
        if (ctx->flagged >> f & 1) ADD("; flagged %s", desk_finding_kind_get(f)->id);
    if (ctx->reader) ADD("; MRZ reader");
    if (ctx->interpreter) ADD("; interpreter");
    if (ctx->separated) ADD("; companion sent out");
#undef ADD
}

/* Runs question q in one situation; reports a new problem. 0 when the run
 * gave a key; -1 when it did not (a disabled runtime stops the probe). */
static int run(probe *p, int q, const scn_ctx *ctx) {
    char key[128];
    bl_err err = {0};
    if (scn_answer(p->rt, p->s, q, ctx, key, sizeof key, &err) == 0) {
        if (p->said) p->said(p->said_ud, q, key);
        return 0;
    }
    for (int i = 0; i < p->n_seen; i++)
        if (!strcmp(p->seen[i], err.msg)) return -1;
    if (p->n_seen < PROBE_MAX_REPORTS) {
        snprintf(p->seen[p->n_seen++], sizeof p->seen[0], "%s", err.msg);
        int line = line_of(err.msg, p->s->file);
        const char *msg = err.msg;
        size_t fl = strlen(p->s->file);
        if (line) { /* the message without its "file:line: " */
            const char *c = strchr(msg + fl + 1, ':');
            msg = c ? c + 2 : msg;
        } else if (!strncmp(msg, p->s->file, fl) && !strncmp(msg + fl, ": ", 2)) {
            msg += fl + 2; /* "file: question \"id\": ...": said again below */
            char who[64];
            snprintf(who, sizeof who, "question \"%s\": ", p->s->questions[q].id);
            if (!strncmp(msg, who, strlen(who))) msg += strlen(who);
        }
        char text[1000], desk[300];
        describe(p->s, ctx, desk, sizeof desk);
        snprintf(text, sizeof text, "question \"%s\": %s (at the desk: %s)", p->s->questions[q].id,
                 msg, desk);
        if (p->report) p->report(p->ud, p->s->file, line ? line : p->s->questions[q].line, text);
        p->problems++;
    }
    return -1;
}

/* The desk with questions `asked` (a bit per question index) asked once,
 * in the order of the menu (times and said hold them). */
static void situation(const scenario *s, unsigned asked, int *times, int *said, scn_ctx *ctx) {
    memset(ctx, 0, sizeof *ctx);
    for (int i = 0; i < s->n_questions; i++) {
        times[i] = (asked >> i) & 1;
        if (times[i]) said[ctx->n_said++] = i;
    }
    ctx->asked_times = times;
    ctx->said = said;
    ctx->lights_used = LIGHT_BIT(LIGHT_VISIBLE);
}

/* The sets of questions asked to try: every subset when there are few,
 * else none, each one, each pair and all. Returns how many. */
static int asked_sets(int n, unsigned *out, int cap) {
    int k = 0;
    if (n <= PROBE_ALL_SUBSETS) {
        for (unsigned m = 0; m < (1u << n) && k < cap; m++)
            out[k++] = m;
        return k;
    }
    out[k++] = 0;
    for (int i = 0; i < n && k < cap; i++)
        for (int j = i; j < n && k < cap; j++)
            out[k++] = (1u << i) | (1u << j);
    if (k < cap) out[k++] = (n >= 32 ? ~0u : (1u << n) - 1);
    return k;
}

static void probe_question(probe *p, int q) {
    const scenario *s = p->s;
    int times[SCN_MAX_QUESTIONS], said[SCN_MAX_QUESTIONS];
    unsigned sets[256];
    int n = asked_sets(s->n_questions, sets, 256);
    scn_ctx ctx;
    p->n_seen = 0;
    for (int k = 0; k < n; k++)
        for (int b = 0; b < 8; b++) { /* reader, interpreter, companion sent out */
            situation(s, sets[k], times, said, &ctx);
            ctx.reader = b & 1, ctx.interpreter = (b >> 1) & 1, ctx.separated = (b >> 2) & 1;
            run(p, q, &ctx);
        }
    unsigned ends[2] = {0, sets[n - 1]};
    for (int e = 0; e < 2; e++) {
        for (int l = 0; l < LIGHT_COUNT; l++) {
            situation(s, ends[e], times, said, &ctx);
            ctx.lights_used |= LIGHT_BIT(l);
            run(p, q, &ctx);
        }
        for (int f = 0; f < desk_finding_kind_count(); f++) {
            situation(s, ends[e], times, said, &ctx);
            ctx.flagged = 1u << f;
            run(p, q, &ctx);
        }
        for (int d = 0; d < DEFECT_COUNT; d++) {
            situation(s, ends[e], times, said, &ctx);
            ctx.found = 1u << d;
            run(p, q, &ctx);
        }
        /* every document opened and turned, the specimen and the loupe
         * used, ten minutes at the counter */
        situation(s, ends[e], times, said, &ctx);
        ctx.opened = ctx.turned = (1u << DESK_MAX_DOCS) - 1;
        ctx.reference = ctx.loupe = 1, ctx.elapsed = 600;
        run(p, q, &ctx);
    }
}

int scn_probe_answers(const scenario *s, scn_runtime *rt, scn_report_fn report, void *ud,
                      scn_said_fn said, void *said_ud) {
    probe *p = calloc(1, sizeof *p);
    if (!p) {
        if (report) report(ud, s->file, 0, "out of memory probing the answer functions");
        return 1;
    }
    p->s = s, p->rt = rt, p->report = report, p->ud = ud, p->said = said, p->said_ud = said_ud;
    for (int q = 0; q < s->n_questions; q++)
        if (s->questions[q].kind == ANSWER_FUNCTION) probe_question(p, q);
    int problems = p->problems;
    free(p);
    return problems;
}
