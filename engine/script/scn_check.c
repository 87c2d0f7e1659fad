/* scn_check.c - the rules a scenario must follow once it is read (see scn_check.h).
 *
 * Reading (scn_load.c) checks each field's shape; this file checks what the
 * fields say together: strings defined, questions that exist and can be asked,
 * an expected outcome that fits the documents and the situations, documents
 * that can really be made. Each rule is one small function named for what it
 * enforces, and the tables below run them in order, so a scenario's problems
 * are always reported in the same order. A problem is reported at the line
 * where a word of the source stands (rd_problem), and its message says what
 * to change: tests/cli/check.sh and the unit tests check these words.
 */
#include "scn_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "border.h"
#include "checks.h"
#include "defect.h"
#include "doc.h"
#include "exam.h"
#include "scn_docs.h"
#include "scn_travel.h"
#include "score.h"

/* A key the scenario uses must be defined (in English, every language's
 * fallback; keys missing in the other languages are reported once, after). */
static void need_key(loader *ld, const char *key, const char *used_for) {
    scenario *s = ld->s;
    if (!key[0]) return;
    const i18n *en = scenario_strings(s, "en");
    if (!en || i18n_has(en, key)) return;
    char q[96];
    snprintf(q, sizeof q, "\"%s\"", key);
    rd_problem(ld, q, "string \"%s\" (%s) is not defined in strings.en", key, used_for);
}

/* Defect bits on any of the documents. */
static unsigned defects_present(const scenario *s) {
    unsigned present = 0;
    for (int d = 0; d < s->n_docs; d++) { /* with what a counterfeit lacks, and the stamps' */
        present |= s->docs[d].spec.defects |
                   defect_counterfeit_implies(s->docs[d].spec.defects, s->docs[d].spec.imitated);
        for (int i = 0; i < s->docs[d].n_travel; i++)
            present |= s->docs[d].travel[i].defects;
    }
    return present;
}

/* Whether a document's chip shows it is not what it claims (a dead chip does not). */
static int chip_fraud(const scenario *s) {
    for (int d = 0; d < s->n_docs; d++)
        if (scn_chip_fraud(s->docs[d].spec.chip)) return 1;
    return 0;
}

/* Whether anything about the traveler is false: a defect, a chip or an impostor. */
static int has_fraud(const scenario *s) {
    return defects_present(s) != 0 || chip_fraud(s) || s->impostor > 0;
}

/* ------------------------------------------------------------ answer rules */

/* path: the rule's own ("questions[2].answer[1]"); its fields are path.when.x */
typedef void (*answer_rule)(loader *ld, const scn_question *qu, const scn_rule *ru,
                            const char *path);

static const char *field(const char *path, const char *rest, char *buf, size_t cap) {
    snprintf(buf, cap, "%s%s", path, rest);
    return buf;
}

static void answer_says_defined_key(loader *ld, const scn_question *qu, const scn_rule *ru,
                                    const char *path) {
    (void)qu, (void)path;
    need_key(ld, ru->say, "answer");
}

static void answer_names_existing_questions(loader *ld, const scn_question *qu, const scn_rule *ru,
                                            const char *path) {
    char q[200];
    const char *refs[2] = {ru->when.asked, ru->when.not_asked};
    static const char *names[2] = {".when.asked", ".when.not_asked"};
    for (int k = 0; k < 2; k++)
        if (refs[k][0] && scenario_question_index(ld->s, refs[k]) < 0)
            rd_problem(ld, field(path, names[k], q, sizeof q),
                       "question \"%s\": a rule names question \"%s\", which does not exist",
                       qu->id, refs[k]);
}

static void answer_names_a_light(loader *ld, const scn_question *qu, const scn_rule *ru,
                                 const char *path) {
    (void)qu;
    char q[200];
    if (ru->when.light[0] && light_from_name(ru->when.light) < 0)
        rd_problem(ld, field(path, ".when.light", q, sizeof q), "\"%s\" is not a light",
                   ru->when.light);
}

static void answer_names_a_finding_kind(loader *ld, const scn_question *qu, const scn_rule *ru,
                                        const char *path) {
    (void)qu;
    if (!ru->when.flagged[0]) return;
    int ok = 0;
    for (int f = 0; f < desk_finding_kind_count(); f++)
        ok |= !strcmp(desk_finding_kind_get(f)->id, ru->when.flagged);
    char q[200];
    if (!ok)
        rd_problem(ld, field(path, ".when.flagged", q, sizeof q),
                   "\"%s\" is not a finding kind of the desk (see docs/scenarios.md)",
                   ru->when.flagged);
}

static const answer_rule answer_rules[] = {
    answer_says_defined_key,
    answer_names_existing_questions,
    answer_names_a_light,
    answer_names_a_finding_kind,
};

/* ------------------------------------------------------------ question rules */

typedef void (*question_rule)(loader *ld, const scn_question *qu, int i);

static void question_strings_defined(loader *ld, const scn_question *qu, int i) {
    (void)i;
    need_key(ld, qu->text, "question text");
    if (qu->kind == ANSWER_KEY) need_key(ld, qu->answer, "answer");
}

static void question_answer_rules_hold(loader *ld, const scn_question *qu, int i) {
    char path[64];
    for (int r = 0; r < qu->n_rules; r++) {
        snprintf(path, sizeof path, "questions[%d].answer[%d]", i + 1, r + 1);
        for (size_t k = 0; k < sizeof answer_rules / sizeof *answer_rules; k++)
            answer_rules[k](ld, qu, &qu->rules[r], path);
    }
}

static int question_reachable(const scenario *s, int q, int depth) {
    if (depth > SCN_MAX_QUESTIONS) return 0; /* a cycle of "after" */
    if (!s->questions[q].after[0]) return 1;
    int p = scenario_question_index(s, s->questions[q].after);
    return p >= 0 && question_reachable(s, p, depth + 1);
}

/* "after" names a question, and following "after" ends (no loop). */
static void question_can_be_asked(loader *ld, const scn_question *qu, int i) {
    char q[96];
    if (qu->after[0] && scenario_question_index(ld->s, qu->after) < 0)
        rd_problem(ld, (snprintf(q, sizeof q, "questions[%d].after", i + 1), q),
                   "question \"%s\" comes after \"%s\", which does not exist", qu->id, qu->after);
    else if (!question_reachable(ld->s, i, 0))
        rd_problem(ld, (snprintf(q, sizeof q, "questions[%d]", i + 1), q),
                   "question \"%s\" can never be asked: its \"after\" questions form a loop",
                   qu->id);
}

/* after = { ... }: each desk event can happen in this scenario. */
static void question_events_can_happen(loader *ld, const scn_question *qu, int i) {
    char q[96];
    const scenario *s = ld->s;
    int n = qu->after_opened;
    tpl t;
    bl_err err = {0};
    if (n > 0 &&
        (n > s->n_docs || s->docs[n - 1].capture[0] ||
         tpl_builtin(&t, s->docs[n - 1].spec.template_id, &err) != 0 || strcmp(t.kind, "passport")))
        rd_problem(ld, (snprintf(q, sizeof q, "questions[%d].after.opened", i + 1), q),
                   "%s: document %d is %s: only a passport is opened", q, n,
                   n > s->n_docs ? "not in documents" : "not a passport (it is never closed)");
    if (qu->after_flagged[0]) {
        int ok = 0;
        for (int f = 0; f < desk_finding_kind_count(); f++)
            ok |= !strcmp(desk_finding_kind_get(f)->id, qu->after_flagged);
        if (!ok)
            rd_problem(ld, (snprintf(q, sizeof q, "questions[%d].after.flagged", i + 1), q),
                       "%s: \"%s\" is not a finding kind (the kinds a trainee flags: "
                       "docs/scenarios.md, Defects and findings)",
                       q, qu->after_flagged);
    }
    if (qu->after_light[0] && light_from_name(qu->after_light) < 0)
        rd_problem(ld, (snprintf(q, sizeof q, "questions[%d].after.light", i + 1), q),
                   "%s: \"%s\" is not a light (visible, uv, ir, oblique, transmitted)", q,
                   qu->after_light);
    if (qu->after_separated && !s->companion)
        rd_problem(ld, (snprintf(q, sizeof q, "questions[%d].after.separated", i + 1), q),
                   "%s: the traveler has no companion to send out", q);
}

static const question_rule question_rules[] = {
    question_strings_defined,
    question_answer_rules_hold,
    question_can_be_asked,
    question_events_can_happen,
};

/* ------------------------------------------------------------ scenario rules */

typedef void (*scenario_rule)(loader *ld);

/* The file scenarios/x.lua holds the scenario whose id is x. */
static void id_is_file_name(loader *ld) {
    const scenario *s = ld->s;
    const char *base = strrchr(ld->file, '/');
    base = base ? base + 1 : ld->file;
    size_t bl = strlen(base);
    if (bl > 4 && !strcmp(base + bl - 4, ".lua") &&
        (strlen(s->id) != bl - 4 || strncmp(base, s->id, bl - 4)))
        rd_problem(ld, "id", "id \"%s\" differs from the file name \"%s\"", s->id, base);
}

/* Ids and keys go into the action log, the journal, file names and messages:
 * letters, digits, '.', '_' and '-' only. */
static int safe_name(const char *v) {
    for (const char *c = v; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
              *c == '.' || *c == '_' || *c == '-'))
            return 0;
    return 1;
}

static void need_safe(loader *ld, const char *v, const char *what) {
    char shown[200];
    if (!v[0] || safe_name(v)) return;
    err_clean(v, shown, sizeof shown);
    rd_problem(ld, what,
               "%s \"%s\": use letters, digits, '.', '_' and '-' only (it is written "
               "into the action log and the journal)",
               what, shown);
}

static void need_safe_key(void *ud, const char *key) {
    need_safe(ud, key, "strings: key");
}

static void ids_and_keys_are_safe(loader *ld) {
    const scenario *s = ld->s;
    need_safe(ld, s->id, "id");
    for (int i = 0; i < s->n_questions; i++) {
        const scn_question *q = &s->questions[i];
        need_safe(ld, q->id, "question id");
        need_safe(ld, q->after, "question after");
        need_safe(ld, q->text, "question text");
        need_safe(ld, q->answer, "question answer");
        for (int r = 0; r < q->n_rules; r++)
            need_safe(ld, q->rules[r].say, "answer say");
    }
    for (int i = 0; i < s->expected.n_ask; i++)
        need_safe(ld, s->expected.ask[i], "expected.ask");
    const char *keys[] = {s->title, s->summary, s->expected.why, s->needs};
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
        need_safe(ld, keys[k], "string key");
    for (int i = 0; i < s->n_carries; i++)
        need_safe(ld, s->carries[i], "traveler.carries");
    for (int l = 0; l < s->n_langs; l++)
        i18n_each_key(s->strings[l], need_safe_key, ld);
}

static void scenario_strings_defined(loader *ld) {
    const scenario *s = ld->s;
    need_key(ld, s->title, "title");
    need_key(ld, s->summary, "summary");
    need_key(ld, s->expected.why, "expected.why");
    need_key(ld, s->needs, "traveler.needs");
    for (int i = 0; i < s->n_carries; i++)
        need_key(ld, s->carries[i], "traveler.carries");
    for (int i = 0; i < s->expected.n_critical; i++)
        need_key(ld, s->expected.critical[i].reason, "expected.critical reason");
    for (int i = 0; i < s->expected.n_waive; i++)
        need_key(ld, s->expected.waive[i].reason, "expected.waive reason");
}

static void questions_hold(loader *ld) {
    for (int i = 0; i < ld->s->n_questions; i++)
        for (size_t k = 0; k < sizeof question_rules / sizeof *question_rules; k++)
            question_rules[k](ld, &ld->s->questions[i], i);
}

/* expected.ask names questions that exist and may be asked. */
static void expected_ask_allowed(loader *ld) {
    const scenario *s = ld->s;
    const scn_expected *e = &s->expected;
    char q[96];
    for (int i = 0; i < e->n_ask; i++) {
        int k = scenario_question_index(s, e->ask[i]);
        if (k < 0)
            rd_problem(ld, (snprintf(q, sizeof q, "expected.ask[%d]", i + 1), q),
                       "expected.ask: question \"%s\" does not exist", e->ask[i]);
        else if (s->questions[k].forbidden)
            rd_problem(ld, (snprintf(q, sizeof q, "expected.ask[%d]", i + 1), q),
                       "expected.ask: question \"%s\" is forbidden; it cannot also be expected",
                       e->ask[i]);
    }
}

static void expected_findings_on_documents(loader *ld) {
    const scn_expected *e = &ld->s->expected;
    unsigned present = defects_present(ld->s);
    for (int k = 0; k < DEFECT_COUNT; k++)
        if ((e->findings >> k & 1) && !(present >> k & 1))
            rd_problem(ld, "expected.findings",
                       "expected.findings: \"%s\" is not on any of the documents",
                       defect_get((defect_kind)k)->id);
}

/* A step the scenario requires must be one its documents allow: the
 * stitching of a passport's booklet, the travel in a second document. */
static void expected_steps_possible(loader *ld) {
    const scenario *s = ld->s;
    unsigned steps = s->expected.steps;
    int passport = 0;
    for (int d = 0; d < s->n_docs; d++) {
        tpl t;
        bl_err err = {0};
        if (!s->docs[d].capture[0] && tpl_builtin(&t, s->docs[d].spec.template_id, &err) == 0 &&
            !strcmp(t.kind, "passport"))
            passport = 1;
    }
    if (steps && s->n_docs == 0)
        rd_problem(ld, "expected.steps", "expected.steps: the traveler has no document to examine");
    if (steps >> EXAM_STITCHING & 1 && s->n_docs && !passport)
        rd_problem(
            ld, "expected.steps",
            "expected.steps: \"stitching\" needs a passport (a booklet) among the documents");
    if (steps >> EXAM_OVERSEAS & 1 && s->n_docs == 1 && !passport)
        rd_problem(ld, "expected.steps",
                   "expected.steps: \"overseas\" needs a passport (its visa pages) or a second "
                   "document (a visa, a permit)");
}

static void protection_decision_names_kind(loader *ld) {
    const scn_expected *e = &ld->s->expected;
    if (e->decision == DECIDE_PROTECTION && !e->protection)
        rd_problem(
            ld, "expected.decision",
            "expected: decision \"protection\" needs protection = asylum, child or trafficking");
}

static void protection_kind_needs_decision(loader *ld) {
    const scn_expected *e = &ld->s->expected;
    if (e->decision != DECIDE_PROTECTION && e->protection)
        rd_problem(ld, "expected.protection",
                   "expected: a protection kind is given but the decision is \"%s\"",
                   decision_name(e->decision));
}

static void admit_only_genuine(loader *ld) {
    const scenario *s = ld->s;
    unsigned present = defects_present(s);
    int national = s->status == STATUS_CITIZEN || s->status == STATUS_PROBABLE_NATIONAL;
    /* an expired document is no fraud, and no bar to a citizen coming home */
    unsigned bars = present & ~(national ? 1u << DEFECT_EXPIRED : 0u);
    if (s->expected.decision == DECIDE_ADMIT && (bars || chip_fraud(s) || s->impostor > 0))
        rd_problem(ld, "expected.decision",
                   "expected: \"admit\" contradicts the documents (defects: %s%s%s): admitting a "
                   "forged, altered or (for a foreigner) expired document is the gravest error",
                   bars ? "yes" : "none",
                   chip_fraud(s) ? ", a chip that is not the document's own" : "",
                   s->impostor > 0 ? ", and the traveler is an impostor" : "");
}

static int is_supporting(const scenario *s, int d) {
    tpl t;
    bl_err err = {0};
    return !s->docs[d].capture[0] && tpl_builtin(&t, s->docs[d].spec.template_id, &err) == 0 &&
           tpl_is_supporting(&t);
}

/* Whether the traveler carries a travel document (a supporting document,
 * a police report of its loss, is none), and whether a database lists it
 * or the airline's API line names another. */
static int travel_documents(const scenario *s) {
    int n = 0;
    for (int d = 0; d < s->n_docs; d++)
        n += !s->docs[d].companion && !is_supporting(s, d);
    return n;
}

static int listed_or_swapped(const scenario *s) {
    for (int i = 0; i < s->n_checks; i++)
        if (s->checks[i].list == CHK_SLTD ||
            (s->checks[i].traveler && s->checks[i].category == CHK_WANTED))
            return 1;
    return border_api_swapped(s);
}

/* Every record the scenario puts in the databases is found by a search
 * with the traveler's document: a namesake spelled too far from the
 * document's name would never be a hit. */
static void records_are_found(loader *ld) {
    const scenario *s = ld->s;
    bl_err err = {0};
    unsigned missing = border_records_missing(s, &err);
    char w[32];
    for (int i = 0; i < s->n_checks; i++)
        if (missing >> i & 1)
            rd_problem(ld, (snprintf(w, sizeof w, "checks[%d]", i + 1), w),
                       "checks[%d]: a search of the %s with the traveler's document does not "
                       "find this record (its name or number is too far from the document's): "
                       "spell it closer, or match it on the document number",
                       i + 1, chk_list_name(s->checks[i].list));
}

/* Refusing or referring needs a reason: fraud, a protection situation, a
 * listed document, a wanted person, or no travel document at all. */
static void refusal_has_reason(loader *ld) {
    const scenario *s = ld->s;
    const scn_expected *e = &s->expected;
    int protection_sits = (1u << SIT_FEAR_OF_RETURN) | (1u << SIT_UNACCOMPANIED_CHILD) |
                          (1u << SIT_TRAFFICKING) | (1u << SIT_UNDOCUMENTED_RETURNEE);
    if ((e->decision == DECIDE_REFUSE || e->decision == DECIDE_SECOND_LINE) && !has_fraud(s) &&
        !(s->situations & (unsigned)protection_sits) && travel_documents(s) > 0 &&
        !listed_or_swapped(s))
        rd_problem(ld, "expected.decision",
                   "expected: \"%s\" a genuine traveler with no defect, impostor or situation: "
                   "refusing a bona fide traveler is an error too",
                   decision_name(e->decision));
}

static void situation_gets_its_decision(loader *ld) {
    const scenario *s = ld->s;
    const scn_expected *e = &s->expected;
    static const struct {
        int sit, decision, protection;
    } needs[] = {{SIT_FEAR_OF_RETURN, DECIDE_PROTECTION, PROTECT_ASYLUM},
                 {SIT_UNACCOMPANIED_CHILD, DECIDE_PROTECTION, PROTECT_CHILD},
                 {SIT_TRAFFICKING, DECIDE_PROTECTION, PROTECT_TRAFFICKING},
                 {SIT_UNDOCUMENTED_RETURNEE, DECIDE_SECOND_LINE, 0}};
    for (size_t i = 0; i < sizeof needs / sizeof needs[0]; i++)
        if ((s->situations >> needs[i].sit & 1) &&
            (e->decision != needs[i].decision ||
             (needs[i].protection && !(e->protections >> needs[i].protection & 1))))
            rd_problem(ld, "expected.decision", "situation \"%s\" expects %s%s%s",
                       scn_situation_name(needs[i].sit), decision_name(needs[i].decision),
                       needs[i].protection ? " / " : "",
                       needs[i].protection ? protection_script_name(needs[i].protection) : "");
}

/* Whether document d is a supporting one (a letter, a boarding pass); an
 * unknown template (reported when read) or a capture counts as not. */

/* An undocumented returnee has no travel document; what they carry (a
 * police report of the loss) may lie on the desk. */
static void returnee_has_no_documents(loader *ld) {
    const scenario *s = ld->s;
    if (!(s->situations >> SIT_UNDOCUMENTED_RETURNEE & 1)) return;
    for (int d = 0; d < s->n_docs; d++)
        if (!is_supporting(s, d)) {
            rd_problem(ld, "situations",
                       "situation \"undocumented_returnee\": no travel document (documents[%d] "
                       "is one); only supporting documents, such as a police report of the "
                       "loss",
                       d + 1);
            return;
        }
}

static void language_barrier_needs_interpreter(loader *ld) {
    if ((ld->s->situations >> SIT_LANGUAGE_BARRIER & 1) && !ld->s->expected.interpreter)
        rd_problem(ld, "situations",
                   "situation \"language_barrier\": expected.interpreter should be true");
}

static void discriminatory_question_is_marked(loader *ld) {
    const scenario *s = ld->s;
    if (!(s->situations >> SIT_DISCRIMINATORY_QUESTION & 1)) return;
    int any = 0;
    for (int i = 0; i < s->n_questions; i++)
        any |= s->questions[i].forbidden;
    if (!any)
        rd_problem(ld, "situations",
                   "situation \"discriminatory_question\": mark the question not to ask with "
                   "forbidden = true");
}

static void stateless_holder_is_xxa(loader *ld) {
    const scenario *s = ld->s;
    if (!(s->situations >> SIT_STATELESS & 1)) return;
    int any = 0;
    for (int d = 0; d < s->n_docs; d++)
        any |= !strcmp(s->docs[d].holder.nationality, "XXA");
    if (!any)
        rd_problem(ld, "situations",
                   "situation \"stateless\": give a document holder.nationality = \"XXA\"");
}

/* The built-in critical errors a decision would make in this scenario,
 * done well otherwise (every question heard but the forbidden ones, the
 * person heard alone, reasons given through the interpreter). */
static int criticals_of(const scenario *s, int dec, int prot, score_result *r) {
    static score_truth none; /* the documents' defects come from their specs */
    score_actions a;
    memset(&a, 0, sizeof a);
    a.decided = 1, a.decision = dec, a.protection = prot;
    a.interpreter = a.separated = a.heard_apart = a.reasons = a.reasons_interpreted = a.reader = 1;
    for (int q = 0; q < s->n_questions; q++)
        a.asked[q] = !s->questions[q].forbidden;
    scenario copy = *s;
    copy.expected.n_critical = 0; /* the author's own are about the way, not the decision */
    score_case(&copy, &none, &a, 0, r);
    return r->n_critical;
}

/* The expected decision and the accepted ones break no principle: an
 * expected refusal of a citizen, say, needs a waiver with a reason. */
static void expected_is_no_critical_error(loader *ld) {
    const scenario *s = ld->s;
    const scn_expected *e = &s->expected;
    score_result *r = malloc(sizeof *r);
    if (!r) return;
    for (int i = -1; i < e->n_accept; i++) {
        int dec = i < 0 ? e->decision : e->accept[i].decision;
        int prot = i < 0 ? e->protection : e->accept[i].protection;
        if (dec <= DECIDE_NONE || criticals_of(s, dec, prot, r) == 0) continue;
        const char *name =
            dec == DECIDE_PROTECTION ? protection_script_name(prot) : decision_name(dec);
        char q[96];
        rd_problem(ld,
                   i < 0 ? "expected.decision"
                         : (snprintf(q, sizeof q, "expected.accept[%d]", i + 1), q),
                   "expected%s: \"%s\" is itself a critical error here (%s): change it, or "
                   "waive the error with a reason (expected.waive)",
                   i < 0 ? ".decision" : ".accept", name, r->critical[0]);
    }
    free(r);
}

/* A visa's terms agree: set only on a visa; a short-stay (C) visa allows at
 * most 90 days, a long-stay (D) one more; no stay longer than the visa is
 * valid; valid until after valid from. */
static void visa_terms_agree(loader *ld) {
    const scenario *s = ld->s;
    for (int d = 0; d < s->n_docs; d++) {
        const scn_visa *v = &s->docs[d].visa;
        char p[64];
        snprintf(p, sizeof p, "documents[%d].visa", d + 1);
        if (!v->category[0] && !v->entries[0] && !v->duration_days && !v->valid_from.y &&
            !v->valid_until.y)
            continue;
        tpl t;
        bl_err err = {0};
        if (tpl_builtin(&t, s->docs[d].spec.template_id, &err) == 0 && strcmp(t.kind, "visa"))
            rd_problem(ld, p, "%s: \"%s\" is not a visa", p, s->docs[d].spec.template_id);
        if (v->category[0] == 'C' && v->duration_days > 90)
            rd_problem(ld, p, "%s: a short-stay (C) visa allows at most 90 days, not %d", p,
                       v->duration_days);
        if (v->category[0] == 'D' && v->duration_days && v->duration_days <= 90)
            rd_problem(ld, p, "%s: a long-stay (D) visa is for more than 90 days, not %d", p,
                       v->duration_days);
        long from = v->valid_from.y ? date_to_days(v->valid_from) : 0;
        long until = v->valid_until.y ? date_to_days(v->valid_until) : 0;
        if (from && until && until < from)
            rd_problem(ld, p, "%s: valid_until comes before valid_from", p);
        if (from && until && v->duration_days > until - from + 1)
            rd_problem(ld, p, "%s: a stay of %d days does not fit a visa valid %ld days", p,
                       v->duration_days, until - from + 1);
    }
}

/* The traveler is the first document's holder (unless an impostor): a birth
 * date given there must make them traveler.age on the scenario's day. */
static void age_agrees_with_birth(loader *ld) {
    const scenario *s = ld->s;
    if (s->impostor > 0 || s->n_docs == 0 || s->docs[0].capture[0]) return;
    bl_date b = s->docs[0].holder.birth, t = s->today;
    if (!b.y) return;
    int age = t.y - b.y - (b.m > t.m || (b.m == t.m && b.d > t.d));
    if (age != s->age)
        rd_problem(ld, "documents[1].holder.birth_date",
                   "traveler.age is %d, but documents[1].holder.birth_date makes them %d on "
                   "%04d-%02d-%02d (today): give one of them, or make them agree",
                   s->age, age, t.y, t.m, t.d);
}

/* A Latin name given on a bilingual page needs its Arabic-script form: the
 * scenario's, or the generator's for one of its own names. */
static void bilingual_names_have_both_scripts(loader *ld) {
    const scenario *s = ld->s;
    for (int d = 0; d < s->n_docs; d++) {
        const scn_holder *h = &s->docs[d].holder;
        tpl t;
        bl_err err = {0};
        if (tpl_builtin(&t, s->docs[d].spec.template_id, &err) != 0 ||
            !tpl_field_of(&t, "surname_native"))
            continue;
        const char *latin[3] = {h->surname, h->given_names, h->place_of_birth};
        const char *native[3] = {h->surname_native, h->given_names_native,
                                 h->place_of_birth_native};
        static const char *keys[3] = {"surname", "given_names", "place_of_birth"};
        for (int k = 0; k < 3; k++)
            if (latin[k][0] && !native[k][0] && !doc_name_arabic(latin[k])) {
                char p[96];
                snprintf(p, sizeof p, "documents[%d].holder.%s", d + 1, keys[k]);
                rd_problem(ld, p,
                           "%s \"%s\" on a bilingual page: give its Arabic-script form too "
                           "(holder.%s_native)",
                           p, latin[k], keys[k]);
            }
    }
}

/* A document's texts name "text.NAME" fields of its template. */
static void texts_name_fields(loader *ld) {
    const scenario *s = ld->s;
    for (int d = 0; d < s->n_docs; d++) {
        tpl t;
        bl_err err = {0};
        if (!s->docs[d].n_texts || tpl_builtin(&t, s->docs[d].spec.template_id, &err) != 0)
            continue;
        for (int i = 0; i < s->docs[d].n_texts; i++) {
            char key[40], p[64];
            snprintf(key, sizeof key, "text.%s", s->docs[d].texts[i].key);
            if (tpl_field_of(&t, key)) continue;
            snprintf(p, sizeof p, "documents[%d].texts", d + 1);
            rd_problem(ld, p, "%s: \"%s\" is not a text of %s (borderlab templates lists them)", p,
                       s->docs[d].texts[i].key, t.id);
        }
    }
}

/* A signature that does not match is seen by comparing it with the holder's
 * own on another of their documents (their passport), in white light: a
 * document carrying signature_mismatch needs one, of the same person (the
 * first of the traveler's or the companion's documents, or same_holder). */
static void signature_has_a_comparison(loader *ld) {
    const scenario *s = ld->s;
    int first[2] = {-1, -1}, signed_by[DESK_MAX_DOCS] = {0};
    for (int d = 0; d < s->n_docs && d < DESK_MAX_DOCS; d++) {
        int who = s->docs[d].companion != 0;
        if (first[who] < 0) first[who] = d;
        tpl t;
        bl_err err = {0};
        signed_by[d] = -1; /* not the person's, or not signed by them */
        if ((first[who] == d || s->docs[d].same_holder) && !s->docs[d].capture[0] &&
            tpl_builtin(&t, s->docs[d].spec.template_id, &err) == 0 && tpl_holder_signature(&t))
            signed_by[d] = who;
    }
    for (int d = 0; d < s->n_docs && d < DESK_MAX_DOCS; d++) {
        if (!(s->docs[d].spec.defects >> DEFECT_SIGNATURE_MISMATCH & 1)) continue;
        int other = 0;
        for (int e = 0; e < s->n_docs && e < DESK_MAX_DOCS; e++)
            other |= e != d && signed_by[d] >= 0 && signed_by[e] == signed_by[d];
        if (other) continue;
        char p[64];
        snprintf(p, sizeof p, "documents[%d].defects", d + 1);
        rd_problem(ld, p,
                   "%s: signature_mismatch needs the holder's own signature on another of their "
                   "documents to compare with (their passport, same_holder = true)",
                   p);
    }
}

/* A tutorial's steps can all be done (desk_tutorial.h): a passport to open
 * with a microtext line for the loupe, and questions to ask (the
 * interpreter's button comes with them). */
static void tutorial_can_be_followed(loader *ld) {
    const scenario *s = ld->s;
    if (!s->tutorial) return;
    int passport = 0;
    for (int d = 0; d < s->n_docs && !passport; d++) {
        tpl t;
        bl_err err = {0};
        if (s->docs[d].capture[0] || tpl_builtin(&t, s->docs[d].spec.template_id, &err) != 0 ||
            strcmp(t.kind, "passport"))
            continue;
        for (int f = 0; f < t.n_features; f++)
            passport |= !strcmp(t.features[f].kind, "microtext");
    }
    if (!passport)
        rd_problem(ld, "tutorial",
                   "tutorial = true needs a passport with a microtext line among the documents "
                   "(the tutorial opens it and puts the loupe on its microtext)");
    if (s->n_questions == 0)
        rd_problem(ld, "tutorial",
                   "tutorial = true needs questions (the tutorial asks one, then calls the "
                   "interpreter)");
}

static const scenario_rule scenario_rules[] = {
    id_is_file_name,
    ids_and_keys_are_safe,
    scenario_strings_defined,
    questions_hold,
    /* (strings missing in a declared language are reported last) */
    expected_ask_allowed,
    expected_findings_on_documents,
    expected_steps_possible,
    protection_decision_names_kind,
    protection_kind_needs_decision,
    admit_only_genuine,
    refusal_has_reason,
    records_are_found,
    situation_gets_its_decision,
    returnee_has_no_documents,
    language_barrier_needs_interpreter,
    discriminatory_question_is_marked,
    stateless_holder_is_xxa,
    expected_is_no_critical_error,
    visa_terms_agree,
    age_agrees_with_birth,
    bilingual_names_have_both_scripts,
    texts_name_fields,
    signature_has_a_comparison,
    tutorial_can_be_followed,
    scn_route_holds,
    scn_flight_check,
};

/* ------------------------------------------------------------ after the rules */

/* The documents can really be made: each defect applies to its template (the
 * document built as scoring builds it). Unknown templates were reported when
 * read. */
static void documents_can_be_made(loader *ld, const doc_fonts *fonts) {
    const scenario *s = ld->s;
    char q[96];
    bl_err err = {0};
    for (int d = 0; d < s->n_docs; d++) {
        if (s->docs[d].capture[0]) continue;
        tpl t;
        doc_spec spec;
        if (scn_docs_spec(s, d, 72, &t, &spec, &err) != 0) continue;
        matbuf mb;
        doc_truth *tr = malloc(sizeof *tr);
        if (tr && doc_build(&spec, fonts, &mb, tr, &err) == 0)
            matbuf_deinit(&mb);
        else
            rd_problem(ld, (snprintf(q, sizeof q, "documents[%d].template", d + 1), q),
                       "documents[%d]: %s", d + 1, err.msg);
        free(tr);
    }
}

static void report_missing_string(void *ud, const char *key) {
    void **p = ud;
    loader *ld = p[0];
    const char *lang = p[1];
    char q[96];
    snprintf(q, sizeof q, "strings\001%s =", lang); /* that language's table */
    rd_problem(ld, q, "string \"%s\" is missing in \"%s\" (it is in English)", key, lang);
}

/* Every key of English is in every other declared language. */
static void translations_complete(loader *ld) {
    scenario *s = ld->s;
    int en = -1;
    for (int i = 0; i < s->n_langs; i++)
        if (!strcmp(s->langs[i], "en")) en = i;
    for (int i = 0; en >= 0 && s->strings[en] && i < s->n_langs; i++) {
        if (i == en || !s->strings[i]) continue;
        void *pair[2] = {ld, s->langs[i]};
        i18n_missing(s->strings[i], s->strings[en], report_missing_string, pair);
    }
}

void scn_check_rules(loader *ld) {
    for (size_t k = 0; k < sizeof scenario_rules / sizeof *scenario_rules; k++)
        scenario_rules[k](ld);
}

void scn_check_finish(loader *ld, const doc_fonts *deep) {
    if (deep) documents_can_be_made(ld, deep);
    translations_complete(ld);
}
