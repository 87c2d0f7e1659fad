/* scenario.c - see scenario.h */
#include "scenario.h"

#include <string.h>

#include "checks.h"
#include "chip.h"
#include "defect.h"
#include "doc.h"

static const char *competencies[COMP_COUNT] = {"document_examination", "interview", "human_rights",
                                               "procedure"};
static const char *situations[SIT_COUNT] = {
    "fear_of_return",   "unaccompanied_child", "trafficking", "discriminatory_question",
    "language_barrier", "disability_medical",  "stateless",   "undocumented_returnee"};

static const char *statuses[STATUS_COUNT] = {"visitor", "citizen", "probable_national",
                                             "stateless"};

static const char *relationships[REL_COUNT] = {"none_claimed", "parent",   "guardian", "spouse",
                                               "relative",     "employer", "escort"};

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

const char *scn_status_name(int s) {
    return s >= 0 && s < STATUS_COUNT ? statuses[s] : "?";
}
int scn_status_from_name(const char *s) {
    return index_of(statuses, STATUS_COUNT, s);
}

const char *scn_relationship_name(int r) {
    return r >= 0 && r < REL_COUNT ? relationships[r] : "?";
}
int scn_relationship_from_name(const char *s) {
    return index_of(relationships, REL_COUNT, s);
}

static const char *vulns[VULN_COUNT] = {"asylum",    "child", "trafficking",
                                        "stateless", "gbv",   "disability"};
static const char *reg_results[REG_COUNT] = {"none", "match", "no_record", "differs", "late"};
static const char *cons_results[CONS_COUNT] = {"none", "confirm", "deny", "more"};

const char *scn_vuln_name(int v) {
    return v >= 0 && v < VULN_COUNT ? vulns[v] : "?";
}
int scn_vuln_from_name(const char *s) {
    return index_of(vulns, VULN_COUNT, s);
}
const char *scn_reg_name(int r) {
    return r >= 0 && r < REG_COUNT ? reg_results[r] : "?";
}
int scn_reg_from_name(const char *s) {
    return index_of(reg_results, REG_COUNT, s);
}
const char *scn_cons_name(int c) {
    return c >= 0 && c < CONS_COUNT ? cons_results[c] : "?";
}
int scn_cons_from_name(const char *s) {
    return index_of(cons_results, CONS_COUNT, s);
}

#define TERM(a)          ((a)[sizeof(a) - 1] = '\0')
#define CLAMP(v, lo, hi) ((v) = (v) < (lo) ? (lo) : (v) > (hi) ? (hi) : (v))

static void sanitise_cond(scn_cond *c) {
    TERM(c->asked), TERM(c->not_asked), TERM(c->light), TERM(c->flagged);
    CLAMP(c->decision, -1, DECIDE_COUNT - 1);
    CLAMP(c->protection, -1, PROTECT_COUNT - 1);
}

static void sanitise_question(scn_question *q) {
    TERM(q->id), TERM(q->text), TERM(q->after), TERM(q->answer);
    TERM(q->after_flagged), TERM(q->after_light);
    CLAMP(q->after_opened, 0, DESK_MAX_DOCS);
    CLAMP(q->kind, ANSWER_KEY, ANSWER_FUNCTION);
    CLAMP(q->n_rules, 0, SCN_MAX_RULES);
    CLAMP(q->competency, 0, COMP_COUNT - 1);
    for (int r = 0; r < SCN_MAX_RULES; r++) {
        TERM(q->rules[r].say);
        sanitise_cond(&q->rules[r].when);
    }
}

static void sanitise_expected(scn_expected *e) {
    CLAMP(e->decision, DECIDE_NONE, DECIDE_COUNT - 1);
    CLAMP(e->protection, PROTECT_NONE, PROTECT_COUNT - 1);
    e->protections &= (1u << PROTECT_COUNT) - 2;
    CLAMP(e->n_ask, 0, SCN_MAX_LIST);
    for (int i = 0; i < SCN_MAX_LIST; i++)
        TERM(e->ask[i]);
    TERM(e->why);
    CLAMP(e->n_accept, 0, SCN_MAX_ACCEPT);
    for (int i = 0; i < SCN_MAX_ACCEPT; i++) {
        CLAMP(e->accept[i].decision, DECIDE_NONE, DECIDE_COUNT - 1);
        CLAMP(e->accept[i].protection, PROTECT_NONE, PROTECT_COUNT - 1);
    }
    if (!(e->pass >= 0 && e->pass <= 100)) e->pass = 0; /* NaN too */
    CLAMP(e->n_critical, 0, SCN_MAX_CRITICAL);
    CLAMP(e->n_waive, 0, SCN_MAX_CRITICAL);
    for (int i = 0; i < SCN_MAX_CRITICAL; i++) {
        sanitise_cond(&e->critical[i].when);
        TERM(e->critical[i].reason), TERM(e->waive[i].critical), TERM(e->waive[i].reason);
    }
}

static void sanitise_doc(scn_doc *d) {
    TERM(d->spec.template_id), TERM(d->capture), TERM(d->reference), TERM(d->altered);
    TERM(d->holder.surname), TERM(d->holder.given_names), TERM(d->holder.sex);
    TERM(d->holder.nationality), TERM(d->holder.surname_native);
    TERM(d->holder.given_names_native), TERM(d->holder.place_of_birth);
    TERM(d->holder.place_of_birth_native), TERM(d->visa.category), TERM(d->visa.entries);
    CLAMP(d->visa.duration_days, 0, 3650);
    CLAMP(d->n_texts, 0, SCN_MAX_TEXTS);
    for (int i = 0; i < SCN_MAX_TEXTS; i++)
        TERM(d->texts[i].key), TERM(d->texts[i].value);
    d->spec.defects &= (1u << DEFECT_COUNT) - 1;
    d->spec.imitated &= 0x3Fu; /* imitated_feature's bits */
    CLAMP(d->spec.printer, 0, PRINTER_COUNT - 1);
    CLAMP(d->spec.chip, 0, CHIP_DEFECT_COUNT - 1);
    if (!(d->spec.defects >> DEFECT_COUNTERFEIT_PAPER & 1)) d->spec.imitated = 0;
    CLAMP(d->spec.pieces, 0, 2);
    CLAMP(d->spec.host, 0, DESK_MAX_DOCS), CLAMP(d->spec.host_page, 0, BOOKLET_PAGES - 1);
    CLAMP(d->page, 0, booklet_printed(BOOKLET_PAGES - 1));
    CLAMP(d->n_travel, 0, BOOKLET_MAX_STAMPS);
    for (int i = 0; i < BOOKLET_MAX_STAMPS; i++) {
        booklet_stamp *st = &d->travel[i];
        TERM(st->port), TERM(st->state), TERM(st->ink);
        CLAMP(st->page, 0, BOOKLET_PAGES - 1), CLAMP(st->slot, 0, BOOKLET_SLOTS - 1);
        CLAMP(st->post, 0, 999), CLAMP(st->exit, 0, 1);
        st->defects &= 1u << DEFECT_STAMP_COUNTERFEIT | 1u << DEFECT_STAMP_DATE_CONFLICT;
        if (!date_valid(st->date)) st->date = (bl_date){1970, 1, 1};
    }
}

static void sanitise_border(scenario *s) {
    CLAMP(s->n_checks, 0, SCN_MAX_CHECKS);
    for (int i = 0; i < SCN_MAX_CHECKS; i++) {
        scn_check *c = &s->checks[i];
        CLAMP(c->list, 0, CHK_LISTS - 1);
        CLAMP(c->category, 0, CHK_CATEGORIES - 1);
        CLAMP(c->action, 0, CHK_ACTIONS - 1);
        CLAMP(c->basis, 0, CHK_BASIS_BASES - 1);
        c->traveler = !!c->traveler, c->found = !!c->found;
        TERM(c->reporting), TERM(c->surname), TERM(c->given), TERM(c->surname_native),
            TERM(c->given_native);
    }
    scn_second *sl = &s->second;
    sl->stage = !!sl->stage, sl->search = !!sl->search, sl->hold = !!sl->hold;
    sl->family = !!sl->family, sl->authority = !!sl->authority;
    sl->vulnerable &= (1u << VULN_COUNT) - 1;
    CLAMP(sl->children, 0, 9);
    CLAMP(sl->minutes, 0, 600);
    scn_registry *r = &s->registry;
    CLAMP(r->result, 0, REG_COUNT - 1);
    CLAMP(r->consulate, 0, CONS_COUNT - 1);
    r->etd = !!r->etd, r->return_intended = !!r->return_intended;
    TERM(r->state), TERM(r->differs);
}

static void sanitise_flight(scn_flight *f) {
    f->present = !!f->present;
    TERM(f->carrier), TERM(f->number), TERM(f->from), TERM(f->to), TERM(f->booking), TERM(f->seat);
    TERM(f->api_surname), TERM(f->api_given), TERM(f->api_nationality);
    TERM(f->api_document_number), TERM(f->api_document_type);
    CLAMP(f->departs, 0, 2359), CLAMP(f->arrives, 0, 2359);
    CLAMP(f->passengers, 0, API_MAX_PAX - 1);
    if (f->api_birth.y && !date_valid(f->api_birth)) f->api_birth = (bl_date){0, 0, 0};
    if (f->api_expiry.y && !date_valid(f->api_expiry)) f->api_expiry = (bl_date){0, 0, 0};
}

static void sanitise_pnr(scn_pnr *p) {
    p->present = !!p->present, p->one_way = !!p->one_way, p->um = !!p->um, p->split = !!p->split;
    if (!date_valid(p->booked)) p->booked = (bl_date){1970, 1, 1};
    if (p->return_date.y && !date_valid(p->return_date)) p->return_date = (bl_date){0, 0, 0};
    CLAMP(p->payment, 0, PNR_PAY_COUNT - 1), CLAMP(p->payer, 0, PNR_PAYER_COUNT - 1);
    CLAMP(p->status, 0, PNR_STATUS_COUNT - 1), CLAMP(p->bags, 0, 20);
    TERM(p->payer_name), TERM(p->agent), TERM(p->frequent_flyer), TERM(p->contact);
    TERM(p->meal), TERM(p->um_from), TERM(p->um_to), TERM(p->codeshare), TERM(p->remarks);
    CLAMP(p->n_ssr, 0, PNR_MAX_SSR), CLAMP(p->n_co, 0, SCN_PNR_MAX_CO);
    CLAMP(p->n_changes, 0, PNR_MAX_CHANGES);
    for (int i = 0; i < PNR_MAX_SSR; i++)
        TERM(p->ssr[i]);
    for (int i = 0; i < SCN_PNR_MAX_CO; i++) {
        TERM(p->co[i].surname), TERM(p->co[i].given);
        CLAMP(p->co[i].age, -1, 120);
    }
    for (int i = 0; i < PNR_MAX_CHANGES; i++) {
        TERM(p->changes[i].what);
        if (!date_valid(p->changes[i].day)) p->changes[i].day = (bl_date){1970, 1, 1};
    }
}

void scenario_sanitise(scenario *s) {
    TERM(s->id), TERM(s->file), TERM(s->title), TERM(s->summary), TERM(s->sex), TERM(s->needs),
        TERM(s->place);
    CLAMP(s->n_langs, 0, 4);
    CLAMP(s->n_speaks, 0, 4);
    CLAMP(s->n_carries, 0, 4);
    for (int i = 0; i < 4; i++)
        TERM(s->langs[i]), TERM(s->speaks[i]), TERM(s->carries[i]);
    CLAMP(s->n_docs, 0, DESK_MAX_DOCS);
    for (int d = 0; d < DESK_MAX_DOCS; d++)
        sanitise_doc(&s->docs[d]);
    CLAMP(s->n_questions, 0, SCN_MAX_QUESTIONS);
    for (int q = 0; q < SCN_MAX_QUESTIONS; q++)
        sanitise_question(&s->questions[q]);
    CLAMP(s->status, 0, STATUS_COUNT - 1);
    s->tutorial = !!s->tutorial;
    CLAMP(s->companion_rel, 0, REL_COUNT - 1);
    CLAMP(s->companion_age, 0, 120);
    TERM(s->companion_sex);
    CLAMP(s->face.relation, 0, SCN_FACE_COUNT - 1);
    CLAMP(s->face.years, 0, 40);
    s->face.beard = !!s->face.beard, s->face.glasses = !!s->face.glasses;
    s->fingers.taken = !!s->fingers.taken;
    CLAMP(s->fingers.skin, 0, SKIN_COUNT - 1);
    CLAMP(s->fingers.injured, 0, 10);
    CLAMP(s->fingers.missing, 0, 10);
    CLAMP(s->fingers.watchlist, 0, WATCH_COUNT - 1);
    s->fingers.mark = !!s->fingers.mark;
    s->gate = !!s->gate;
    sanitise_border(s);
    sanitise_expected(&s->expected);
    for (int c = 0; c < COMP_COUNT; c++)
        CLAMP(s->rubric[c], 0, 100);
    sanitise_flight(&s->flight);
    sanitise_pnr(&s->pnr);
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

int scenario_cond_holds(const scenario *s, const scn_cond *c, const scn_ctx *ctx) {
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
    if (c->separated >= 0 && !!ctx->separated != c->separated) return 0;
    return 1;
}

const char *scenario_rules_answer(const scenario *s, const scn_question *q, const scn_ctx *ctx) {
    if (q->kind == ANSWER_KEY) return q->answer;
    for (int i = 0; i < q->n_rules; i++)
        if (scenario_cond_holds(s, &q->rules[i].when, ctx)) return q->rules[i].say;
    return NULL;
}

static const char *const face_rel_names[SCN_FACE_COUNT] = {"holder", "aged", "lookalike", "sibling",
                                                           "morph"};
static const char *const skin_names[SKIN_COUNT] = {"good", "dry", "wet", "worn"};
static const char *const watch_names[WATCH_COUNT] = {"none", "false_candidate", "true_candidate"};

static int name_index(const char *const *names, int n, const char *s) {
    for (int i = 0; i < n; i++)
        if (s && !strcmp(names[i], s)) return i;
    return -1;
}

const char *scn_face_rel_name(int r) {
    return r >= 0 && r < SCN_FACE_COUNT ? face_rel_names[r] : "";
}
int scn_face_rel_from_name(const char *s) {
    return name_index(face_rel_names, SCN_FACE_COUNT, s);
}
int scn_face_rel_impostor(int r) {
    return r == SCN_FACE_LOOKALIKE || r == SCN_FACE_SIBLING || r == SCN_FACE_MORPH;
}
int scn_chip_fraud(int chip_defect) {
    return chip_defect > 0 && chip_defect != 6; /* chip.h: 0 none, 6 CHIP_DEAD */
}
const char *scn_skin_name(int k) {
    return k >= 0 && k < SKIN_COUNT ? skin_names[k] : "";
}
int scn_skin_from_name(const char *s) {
    return name_index(skin_names, SKIN_COUNT, s);
}
const char *scn_watch_name(int w) {
    return w >= 0 && w < WATCH_COUNT ? watch_names[w] : "";
}
int scn_watch_from_name(const char *s) {
    return name_index(watch_names, WATCH_COUNT, s);
}

static const char *const finger_names[10] = {
    "right_thumb", "right_index", "right_middle", "right_ring", "right_little",
    "left_thumb",  "left_index",  "left_middle",  "left_ring",  "left_little"};

const char *scn_finger_name(int pos) {
    return pos >= 1 && pos <= 10 ? finger_names[pos - 1] : "";
}
int scn_finger_from_name(const char *s) {
    int i = name_index(finger_names, 10, s);
    return i < 0 ? -1 : i + 1;
}
