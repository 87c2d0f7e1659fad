/* xapi.c - xAPI 1.0.3 statements for a journal's sitting and cases (xapi.h
 * says what they promise). Built with cJSON; nothing here reads a clock or a
 * file, so the same input is the same statement, byte for byte. */
#include "xapi.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <uuid/uuid.h>

#include "date.h"
#include "session.h"

const unsigned char XAPI_NAMESPACE[UUID_BYTES] = {0xa3, 0xf1, 0xc2, 0xd4, 0x6b, 0x7e, 0x4f, 0x80,
                                                  0x9c, 0x1d, 0x2e, 0x3f, 0x4a, 0x5b, 0x6c, 0x7d};

static const char *const langs[XAPI_LANGS] = {"en", "fr", "ar"};

const char *xapi_lang(int i) {
    return i >= 0 && i < XAPI_LANGS ? langs[i] : "en";
}

/* ADL's verbs, as cmi5 uses them, with their display in each language. */
static const struct {
    const char *name, *iri, *display[XAPI_LANGS];
} verbs[] = {
    [XAPI_INITIALIZED] = {"initialized",
                          "http://adlnet.gov/expapi/verbs/initialized",
                          {"initialized", "a commencé", "بدأ"}},
    [XAPI_PASSED] = {"passed",
                     "http://adlnet.gov/expapi/verbs/passed",
                     {"passed", "a réussi", "نجح"}},
    [XAPI_FAILED] = {"failed",
                     "http://adlnet.gov/expapi/verbs/failed",
                     {"failed", "a échoué", "أخفق"}},
    [XAPI_COMPLETED] = {"completed",
                        "http://adlnet.gov/expapi/verbs/completed",
                        {"completed", "a terminé", "أكمل"}},
    [XAPI_TERMINATED] = {"terminated",
                         "http://adlnet.gov/expapi/verbs/terminated",
                         {"terminated", "a clos la session", "أنهى الجلسة"}},
};

#define TYPE_SIMULATION "http://adlnet.gov/expapi/activities/simulation"
#define TYPE_ASSESSMENT "http://adlnet.gov/expapi/activities/assessment"

/* ------------------------------------------------------------ ids and times */

void xapi_statement_id(const char *journal, int seq, xapi_verb v, char out[UUID_TEXT_SIZE]) {
    char name[160];
    unsigned char u[UUID_BYTES];
    snprintf(name, sizeof name, "%s/%d/%s", journal, seq, verbs[v].name);
    uuid_generate_sha1(u, XAPI_NAMESPACE, name, strlen(name));
    uuid_unparse_lower(u, out);
}

void xapi_registration(const char *journal, char out[UUID_TEXT_SIZE]) {
    char name[160];
    unsigned char u[UUID_BYTES];
    snprintf(name, sizeof name, "%s/registration", journal);
    uuid_generate_sha1(u, XAPI_NAMESPACE, name, strlen(name));
    uuid_unparse_lower(u, out);
}

void xapi_duration(double seconds, char *out, size_t cap) {
    long hundredths = seconds > 0 ? lround(seconds * 100) : 0;
    long h = hundredths / 360000, m = hundredths / 6000 % 60, cs = hundredths % 6000;
    char part[64] = "";
    size_t n = 0;
    if (h) n += (size_t)snprintf(part + n, sizeof part - n, "%ldH", h);
    if (m) n += (size_t)snprintf(part + n, sizeof part - n, "%ldM", m);
    if (cs || (!h && !m)) {
        if (cs % 100)
            snprintf(part + n, sizeof part - n, "%ld.%02ldS", cs / 100, cs % 100);
        else
            snprintf(part + n, sizeof part - n, "%ldS", cs / 100);
    }
    snprintf(out, cap, "PT%s", part);
}

int xapi_time_add(const char *start, double seconds, char out[32]) {
    int y, mo, d, hh, mi, ss, used = 0;
    if (!start ||
        sscanf(start, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &hh, &mi, &ss, &used) != 6 ||
        used != 19)
        return -1;
    long ms0 = 0;
    const char *rest = start + 19;
    if (*rest == '.') {
        int k = 0;
        for (rest++; *rest >= '0' && *rest <= '9'; rest++, k++)
            if (k < 3) ms0 = ms0 * 10 + (*rest - '0');
        for (; k < 3; k++)
            ms0 *= 10;
    }
    bl_date day = {y, mo, d};
    if (strcmp(rest, "Z") || !date_valid(day) || hh > 23 || mi > 59 || ss > 60) return -1;
    long long ms = ((long long)date_to_days(day) * 86400 + hh * 3600 + mi * 60 + ss) * 1000 + ms0 +
                   (seconds > 0 ? llround(seconds * 1000) : 0);
    long long secs = ms / 1000, days = secs / 86400, in_day = secs % 86400;
    bl_date t = date_from_days((long)days);
    snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", t.y, t.m, t.d, (int)(in_day / 3600),
             (int)(in_day / 60 % 60), (int)(in_day % 60), (int)(ms % 1000));
    return 0;
}

/* ------------------------------------------------------------ IRIs */

int xapi_iri_ok(const char *iri) {
    const char *host = NULL;
    if (!iri) return 0;
    if (!strncmp(iri, "https://", 8))
        host = iri + 8;
    else if (!strncmp(iri, "http://", 7))
        host = iri + 7;
    if (!host || !*host || *host == '/' || *host == ':') return 0;
    for (const char *c = iri; *c; c++)
        if ((unsigned char)*c <= 0x20 || (unsigned char)*c >= 0x7f || strchr("\"<>\\^`{|}", *c))
            return 0;
    return 1;
}

int xapi_mac_ok(const char *s) {
    if (!s || strlen(s) != 64) return 0;
    for (const char *c = s; *c; c++)
        if (!((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'f'))) return 0;
    return 1;
}

/* base + "/" + kind + "/" + id, the id percent-encoded; NULL when it does not fit. */
static char *iri_of(char *out, size_t cap, const char *base, const char *kind, const char *id) {
    size_t n = (size_t)snprintf(out, cap, "%s/%s", base, kind);
    if (n >= cap) return NULL;
    if (!id) return out;
    out[n++] = '/';
    for (const unsigned char *c = (const unsigned char *)id; *c; c++) {
        if (n + 4 >= cap) return NULL;
        if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
            strchr("-._~", *c))
            out[n++] = (char)*c;
        else
            n += (size_t)snprintf(out + n, cap - n, "%%%02X", *c);
    }
    out[n] = '\0';
    return out;
}

/* The extension IRI <activity base>/extensions/<name>. */
static const char *ext(char *buf, size_t cap, const xapi_academy *a, const char *name) {
    snprintf(buf, cap, "%s/extensions/%s", a->activity_base, name);
    return buf;
}

/* ------------------------------------------------------------ parts */

static void add_map(cJSON *o, const char *key, const char *const text[XAPI_LANGS]) {
    cJSON *m = cJSON_AddObjectToObject(o, key);
    for (int i = 0; i < XAPI_LANGS; i++)
        if (text[i] && text[i][0]) cJSON_AddStringToObject(m, langs[i], text[i]);
}

static void add_actor(cJSON *o, const xapi_academy *a, const xapi_sitting *s) {
    cJSON *actor = cJSON_AddObjectToObject(o, "actor");
    cJSON_AddStringToObject(actor, "objectType", "Agent");
    if (s->trainee_name && s->trainee_name[0])
        cJSON_AddStringToObject(actor, "name", s->trainee_name);
    cJSON *acc = cJSON_AddObjectToObject(actor, "account");
    cJSON_AddStringToObject(acc, "homePage", a->home_page);
    cJSON_AddStringToObject(acc, "name", s->trainee);
}

static void add_verb(cJSON *o, xapi_verb v) {
    cJSON *verb = cJSON_AddObjectToObject(o, "verb");
    cJSON_AddStringToObject(verb, "id", verbs[v].iri);
    add_map(verb, "display", verbs[v].display);
}

/* An activity with its definition (type, names). */
static cJSON *activity(const char *id, const char *type, const char *const names[XAPI_LANGS]) {
    cJSON *act = cJSON_CreateObject();
    cJSON_AddStringToObject(act, "objectType", "Activity");
    cJSON_AddStringToObject(act, "id", id);
    cJSON *def = cJSON_AddObjectToObject(act, "definition");
    add_map(def, "name", names);
    cJSON_AddStringToObject(def, "type", type);
    return act;
}

/* The sitting's activity; NULL when a desk journal (no session). */
static cJSON *sitting_activity(const xapi_academy *a, const xapi_sitting *s) {
    char id[1024];
    if (!s->session || !s->session[0] ||
        !iri_of(id, sizeof id, a->activity_base, "sessions", s->session))
        return NULL;
    const char *title = s->title && s->title[0] ? s->title : s->session;
    const char *names[XAPI_LANGS] = {title, title, title};
    return activity(id, TYPE_ASSESSMENT, names);
}

/* context: registration, the sitting as parent (of a case), the cohort as
 * grouping, and the journal, entry and pack in extensions. */
static void add_context(cJSON *o, const xapi_academy *a, const xapi_sitting *s, int seq,
                        const char *mac, int is_case) {
    char reg[UUID_TEXT_SIZE], iri[1024];
    xapi_registration(s->journal, reg);
    cJSON *ctx = cJSON_AddObjectToObject(o, "context");
    cJSON_AddStringToObject(ctx, "registration", reg);
    cJSON *parent = is_case ? sitting_activity(a, s) : NULL;
    const char *cohort_names[XAPI_LANGS] = {s->cohort, s->cohort, s->cohort};
    int has_cohort = s->cohort && s->cohort[0] &&
                     iri_of(iri, sizeof iri, a->activity_base, "cohorts", s->cohort);
    if (parent || has_cohort) {
        cJSON *ca = cJSON_AddObjectToObject(ctx, "contextActivities");
        if (parent) cJSON_AddItemToArray(cJSON_AddArrayToObject(ca, "parent"), parent);
        if (has_cohort)
            cJSON_AddItemToArray(
                cJSON_AddArrayToObject(ca, "grouping"),
                activity(iri, "http://adlnet.gov/expapi/activities/course", cohort_names));
    }
    cJSON_AddStringToObject(ctx, "platform", "borderlab");
    cJSON *x = cJSON_AddObjectToObject(ctx, "extensions");
    cJSON_AddStringToObject(x, ext(iri, sizeof iri, a, "journal"), s->journal);
    cJSON_AddNumberToObject(x, ext(iri, sizeof iri, a, "entry"), seq);
    if (xapi_mac_ok(mac)) cJSON_AddStringToObject(x, ext(iri, sizeof iri, a, "entry-mac"), mac);
    if (s->pack_sha256 && s->pack_sha256[0])
        cJSON_AddStringToObject(x, ext(iri, sizeof iri, a, "pack-signature-sha256"),
                                s->pack_sha256);
}

static void add_score(cJSON *res, double points) {
    double raw = points < 0 ? 0 : points > 100 ? 100 : points;
    raw = round(raw * 10) / 10;
    cJSON *score = cJSON_AddObjectToObject(res, "score");
    cJSON_AddNumberToObject(score, "scaled", round(raw * 10) / 1000);
    cJSON_AddNumberToObject(score, "raw", raw);
    cJSON_AddNumberToObject(score, "min", 0);
    cJSON_AddNumberToObject(score, "max", 100);
}

static void add_duration(cJSON *res, double seconds) {
    char dur[48];
    xapi_duration(seconds, dur, sizeof dur);
    cJSON_AddStringToObject(res, "duration", dur);
}

/* The statement's shell: id, actor, verb, and timestamp when known. */
static cJSON *statement(const xapi_academy *a, const xapi_sitting *s, int seq, xapi_verb v,
                        const char *when) {
    char id[UUID_TEXT_SIZE];
    cJSON *o = cJSON_CreateObject();
    xapi_statement_id(s->journal, seq, v, id);
    cJSON_AddStringToObject(o, "id", id);
    add_actor(o, a, s);
    add_verb(o, v);
    if (when && when[0]) cJSON_AddStringToObject(o, "timestamp", when);
    return o;
}

static int check_input(const xapi_academy *a, const xapi_sitting *s, bl_err *err) {
    if (!xapi_iri_ok(a->home_page))
        return err_setc(err, BL_E_INPUT,
                        "the academy's home page '%s' is not an http(s) IRI: set home_page in "
                        "the academy configuration file (borderlab config)",
                        a->home_page ? a->home_page : "");
    if (!xapi_iri_ok(a->activity_base))
        return err_setc(err, BL_E_INPUT,
                        "the academy's activity base '%s' is not an http(s) IRI: set "
                        "activity_base in the academy configuration file (borderlab config)",
                        a->activity_base ? a->activity_base : "");
    if (!s->journal || !s->journal[0] || !s->trainee || !s->trainee[0])
        return err_setc(err, BL_E_INPUT,
                        "a journal without its identity or trainee has no statements: import "
                        "it again with `borderlab results import`");
    return 0;
}

/* When a case was decided: its "at", else the start plus its session time. */
static void case_time(const xapi_sitting *s, const xapi_case *c, char out[32]) {
    out[0] = '\0';
    if (c->at && c->at[0] && xapi_time_add(c->at, 0, out) == 0) return;
    if (xapi_time_add(s->started, c->t, out) != 0) out[0] = '\0';
}

/* ------------------------------------------------------------ statements */

cJSON *xapi_case_statement(const xapi_academy *a, const xapi_sitting *s, const xapi_case *c,
                           bl_err *err) {
    char when[32], iri[1024];
    if (check_input(a, s, err)) return NULL;
    if (!iri_of(iri, sizeof iri, a->activity_base, "scenarios", c->scenario)) {
        err_setc(err, BL_E_INPUT, "scenario id '%.60s...' is too long for an activity IRI",
                 c->scenario);
        return NULL;
    }
    case_time(s, c, when);
    cJSON *o = statement(a, s, c->seq, c->passed ? XAPI_PASSED : XAPI_FAILED, when);
    const char *names[XAPI_LANGS];
    int any = 0;
    for (int i = 0; i < XAPI_LANGS; i++)
        any |= (names[i] = c->names[i]) && names[i][0];
    if (!any) names[0] = c->scenario;
    cJSON_AddItemToObject(o, "object", activity(iri, TYPE_SIMULATION, names));
    cJSON *res = cJSON_AddObjectToObject(o, "result");
    add_score(res, c->points);
    cJSON_AddBoolToObject(res, "success", c->passed);
    cJSON_AddBoolToObject(res, "completion", 1);
    if (c->decision && c->decision[0]) cJSON_AddStringToObject(res, "response", c->decision);
    if (c->seconds >= 0) add_duration(res, c->seconds);
    cJSON *x = cJSON_AddObjectToObject(res, "extensions");
    cJSON *comp = cJSON_AddObjectToObject(x, ext(iri, sizeof iri, a, "competencies"));
    for (int k = 0; k < 4; k++) {
        double v = round(c->competency[k] * 1000) / 1000;
        cJSON_AddItemToObject(comp, session_comp_id(k),
                              c->assessed[k] ? cJSON_CreateNumber(v) : cJSON_CreateNull());
    }
    cJSON *crit = cJSON_AddArrayToObject(x, ext(iri, sizeof iri, a, "critical-errors"));
    for (int i = 0; i < c->n_critical; i++)
        cJSON_AddItemToArray(crit, cJSON_CreateString(c->critical[i]));
    if (c->protection && c->protection[0] && strcmp(c->protection, "none"))
        cJSON_AddStringToObject(x, ext(iri, sizeof iri, a, "protection"), c->protection);
    add_context(o, a, s, c->seq, c->mac, 1);
    return o;
}

int xapi_sitting_verbs(const xapi_sitting *s, xapi_verb out[4]) {
    int n = 0;
    if (!s->session || !s->session[0]) return 0;
    out[n++] = XAPI_INITIALIZED;
    if (!s->ended) return n;
    out[n++] = s->passed ? XAPI_PASSED : XAPI_FAILED;
    if (!s->time_up) out[n++] = XAPI_COMPLETED;
    out[n++] = XAPI_TERMINATED;
    return n;
}

cJSON *xapi_sitting_statement(const xapi_academy *a, const xapi_sitting *s, xapi_verb v,
                              bl_err *err) {
    char when[32] = "";
    if (check_input(a, s, err)) return NULL;
    cJSON *act = sitting_activity(a, s);
    if (!act) {
        err_setc(err, BL_E_INPUT, "a desk journal (no session) has no sitting statements");
        return NULL;
    }
    int seq = v == XAPI_INITIALIZED ? 1 : s->end_seq;
    if (v == XAPI_INITIALIZED)
        xapi_time_add(s->started, 0, when);
    else if (!(s->ended_at && s->ended_at[0] && xapi_time_add(s->ended_at, 0, when) == 0) &&
             xapi_time_add(s->started, s->elapsed, when) != 0)
        when[0] = '\0';
    cJSON *o = statement(a, s, seq, v, when);
    cJSON_AddItemToObject(o, "object", act);
    if (v != XAPI_INITIALIZED) {
        cJSON *res = cJSON_AddObjectToObject(o, "result");
        if (v == XAPI_PASSED || v == XAPI_FAILED) {
            add_score(res, s->score);
            cJSON_AddBoolToObject(res, "success", v == XAPI_PASSED);
        }
        if (v != XAPI_TERMINATED) cJSON_AddBoolToObject(res, "completion", !s->time_up);
        add_duration(res, s->elapsed);
    }
    add_context(o, a, s, seq, v == XAPI_INITIALIZED ? s->journal : s->end_mac, 0);
    return o;
}
