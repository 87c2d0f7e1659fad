/* report_case.c - each case of a trainee's page as it was debriefed: the
 * decision as the headline, the verdict and points against the pass mark,
 * each critical error in a sentence with the principle it breaks, the
 * waivers, the defects found and missed and the false findings with what is
 * really there, each document with its true regions and the trainee's own
 * flags, the interview as it went, and why the case is what it is.
 *
 * Read from the case's whole journal entry (results schema 4 on): the same
 * record the end-of-exam review shows, in the desk's own sentences (sb.desk)
 * and the scenario's words kept in the entry ("texts"), so the page needs no
 * scenario file. Cases imported before schema 4 have no entry: the section
 * says so instead. */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "booklet.h"
#include "critical.h"
#include "exam.h"
#include "record.h"
#include "report_page.h"
#include "tpl.h"

/* A case's entry: its debrief and the scenario's words in the page's
 * language (English when the scenario lacks it). */
typedef struct case_view {
    record_entry e;
    cJSON *json;
    const cJSON *texts, *texts_en;
} case_view;

static const char *desk_word(const sb *o, const char *key) {
    return o->desk ? i18n_get(o->desk, key) : key;
}

/* A desk text on the page: its digits in the page's (365 nm, art. 33). */
static void desk_esc(sb *o, const char *text) {
    char local[1200];
    i18n_digits(o->lang, text, local, sizeof local);
    sb_esc(o, local);
}

/* A scenario key's text as kept in the entry, else the key itself. */
static const char *scn_word(const case_view *v, const char *key) {
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(v->texts, key);
    if (!cJSON_IsString(t)) t = cJSON_GetObjectItemCaseSensitive(v->texts_en, key);
    return cJSON_IsString(t) ? t->valuestring : key;
}

/* A desk sentence with its {kind}, {name}, {n}, {total}, {light} filled
 * (plain text). */
static void desk_say_light(sb *o, const char *key, const char *kind, const char *name,
                           const char *n, const char *total, const char *light) {
    char out[1024];
    if (!o->desk) {
        sb_esc(o, key);
        return;
    }
    i18n_format(o->desk, out, sizeof out, key, "kind", kind ? kind : "", "name", name ? name : "",
                "n", n ? n : "", "total", total ? total : "", "light", light ? light : "", NULL);
    desk_esc(o, out);
}

static void desk_say(sb *o, const char *key, const char *kind, const char *name, const char *n,
                     const char *total) {
    desk_say_light(o, key, kind, name, n, total, NULL);
}

static void decision_text(const sb *o, int dec, int prot, char *out, size_t cap) {
    static const char *dk[] = {"debrief.no_decision", "decision.admit", "decision.refuse",
                               "decision.second_line", "decision.protection"};
    static const char *pk[] = {"", "protect.asylum", "protect.child", "protect.trafficking"};
    if (dec < 0 || dec >= DECIDE_COUNT) dec = 0;
    if (dec == DECIDE_PROTECTION && prot > 0 && prot < PROTECT_COUNT)
        snprintf(out, cap, "%s (%s)", desk_word(o, dk[dec]), desk_word(o, pk[prot]));
    else
        snprintf(out, cap, "%s", desk_word(o, dk[dec]));
}

/* The headline and the verdict line. */
static void case_head(sb *o, const case_view *v) {
    const desk_debrief *d = &v->e.kase.d;
    char mine[160], want[160], n[32], total[32];
    decision_text(o, d->decision, d->protection, mine, sizeof mine);
    decision_text(o, d->expected, d->expected_protection, want, sizeof want);
    const char *cls = d->decision_ok ? (d->accepted ? "accepted" : "right") : "wrong";
    sb_printf(o, "<p class=\"headline %s\">", cls);
    desk_say(o,
             d->decision_ok ? (d->accepted ? "debrief.decision_accepted" : "debrief.decision_right")
                            : "debrief.decision_wrong",
             mine, want, NULL, NULL);
    sb_printf(o, "</p><p><span class=\"pill %s\">", d->passed ? "pass" : "fail");
    desk_esc(o, desk_word(o, d->passed ? "debrief.passed" : "debrief.failed"));
    sb_put(o, "</span> ");
    i18n_number(o->lang, (long)(d->points + 0.5), n, sizeof n);
    i18n_number(o->lang, (long)(d->pass_mark + 0.5), total, sizeof total);
    desk_say(o, "debrief.points_line", NULL, NULL, n, total);
    if (!d->decision_ok && d->expected) {
        sb_put(o, " <span class=\"wrongnote\">");
        desk_esc(o, desk_word(o, "debrief.wrong_never_passes"));
        sb_put(o, "</span>");
    }
    sb_put(o, "</p>");
}

/* Each critical error and the principle it breaks; the waivers. */
static void case_criticals(sb *o, const case_view *v) {
    const desk_debrief *d = &v->e.kase.d;
    size_t plen = strlen(CRITICAL_AUTHORED_PREFIX);
    char key[128];
    if (d->n_critical) sb_put(o, "<ul class=\"criticals\">");
    for (int i = 0; i < d->n_critical; i++) {
        const char *id = d->critical[i];
        int authored = !strncmp(id, CRITICAL_AUTHORED_PREFIX, plen);
        snprintf(key, sizeof key, "critical.%s", id);
        sb_put(o, "<li><strong>");
        if (authored)
            sb_data(o, scn_word(v, id + plen));
        else
            desk_esc(o, desk_word(o, key));
        sb_put(o, "</strong>");
        const char *p = critical_principle(id);
        if (p && !authored) {
            snprintf(key, sizeof key, "principle.%s", p);
            sb_put(o, "<br><span class=\"principle\">");
            desk_esc(o, desk_word(o, key));
            sb_put(o, "</span>");
        }
        sb_put(o, "</li>");
    }
    if (d->n_critical) sb_put(o, "</ul>");
    for (int i = 0; i < d->n_waived; i++) {
        snprintf(key, sizeof key, "critical.%s", d->waived[i]);
        sb_put(o, "<p class=\"muted\">");
        desk_say(o, "debrief.waived", desk_word(o, key), NULL, NULL, NULL);
        sb_put(o, " ");
        sb_data(o, scn_word(v, d->waived_reason[i]));
        sb_put(o, "</p>");
    }
}

static const char *finding_label(const sb *o, const char *kind) {
    for (int j = 0; j < desk_finding_kind_count(); j++)
        if (!strcmp(desk_finding_kind_get(j)->id, kind))
            return desk_word(o, desk_finding_kind_get(j)->label);
    return kind;
}

/* The defects found and missed, the false findings, the other lessons. */
static void case_findings(sb *o, const case_view *v) {
    static const char *status[3] = {"debrief.missed", "debrief.located", "debrief.found"};
    static const char *cls[3] = {"missed", "located", "found"};
    static const char *notes[] = {"debrief.ask_missed",  "debrief.forbidden",
                                  "debrief.interpreter", "debrief.light_unused",
                                  "debrief.must_missed", "debrief.step_skipped",
                                  "debrief.ident",       "debrief.border"};
    const desk_debrief *d = &v->e.kase.d;
    char key[96], key2[96];
    sb_put(o, "<ul class=\"findings\">");
    if (!d->n_items) {
        sb_put(o, "<li class=\"muted\">");
        desk_esc(o, desk_word(o, "debrief.none"));
        sb_put(o, "</li>");
    }
    for (int i = 0; i < d->n_items; i++) {
        int f = d->items[i].found < 0 || d->items[i].found > 2 ? 0 : d->items[i].found;
        snprintf(key, sizeof key, "defect.%s", d->items[i].defect);
        sb_printf(o, "<li class=\"%s\">", cls[f]);
        desk_esc(o, desk_word(o, key));
        sb_put(o, ": ");
        desk_esc(o, desk_word(o, status[f]));
        sb_put(o, "</li>");
    }
    for (int i = 0; i < d->n_flags; i++) {
        const desk_debrief_flag *fl = &d->flags[i];
        if (fl->status == FLAG_IMPOSTOR) {
            sb_put(o, "<li class=\"found\">");
            desk_esc(o, desk_word(o, "debrief.impostor_flag"));
            sb_put(o, "</li>");
        } else if (fl->status == FLAG_FALSE) {
            snprintf(key2, sizeof key2, "feature.%s", fl->there);
            sb_put(o, "<li class=\"false\">");
            desk_say(o, fl->there[0] ? "debrief.false_flag" : "debrief.false_flag_nothing",
                     finding_label(o, fl->kind), desk_word(o, key2), NULL, NULL);
            sb_put(o, "</li>");
        }
    }
    for (int i = 0; i < d->n_notes; i++) {
        const desk_debrief_note *nt = &d->notes[i];
        char light[32];
        snprintf(light, sizeof light, "light.%s", light_name((light_kind)nt->light));
        if (nt->kind < 0 || nt->kind >= (int)(sizeof notes / sizeof notes[0])) continue;
        const char *name = nt->key[0] ? scn_word(v, nt->key) : NULL;
        if (nt->kind == NOTE_STEP_SKIPPED) { /* the step's name in the interface */
            snprintf(key2, sizeof key2, "step.%s", nt->key);
            name = desk_word(o, key2);
        }
        const char *fmt = notes[nt->kind];
        if (nt->kind == NOTE_IDENT || nt->kind == NOTE_BORDER) { /* its own sentence */
            snprintf(key2, sizeof key2, "debrief.%s.%s",
                     nt->kind == NOTE_IDENT ? "ident" : "border", nt->key);
            fmt = key2, name = NULL;
        }
        sb_put(o, "<li class=\"note\">");
        desk_say_light(o, fmt, NULL, name, NULL, NULL,
                       nt->kind == NOTE_LIGHT ? desk_word(o, light) : NULL);
        sb_put(o, "</li>");
    }
    sb_put(o, "</ul>");
}

/* A debrief mark's line, as the desk draws it (desk_debrief_mark): its
 * width and, for a defect missed and a false finding, its dashes or dots,
 * as attributes (the page's style gives only the colour). */
static void mark_attrs(sb *o, int what) {
    const desk_mark_style m = desk_debrief_mark(what);
    sb_printf(o, " stroke-width=\"%d\"", m.thick);
    if (m.pattern == DESK_LINE_DASHED)
        sb_printf(o, " stroke-dasharray=\"%d %d\"", 3 * m.thick + 4, 2 * m.thick + 1);
    else if (m.pattern == DESK_LINE_DOTTED)
        sb_printf(o, " stroke-dasharray=\"%d %d\"", m.thick, m.thick + 2);
}

/* Under a case's pictures, each mark drawn as it is on them and named. */
static void marks_legend(sb *o) {
    static const char *const keys[4] = {"debrief.key_found", "debrief.key_missed",
                                        "debrief.key_flag", "debrief.key_false"};
    static const char *const cls[4] = {"truth found", "truth missed", "flag true", "flag false"};
    static const int marks[4] = {DESK_MARK_FOUND, DESK_MARK_MISSED, DESK_MARK_FLAG,
                                 DESK_MARK_FALSE};
    sb_put(o, "<p class=\"legend marks\">");
    for (int i = 0; i < 4; i++) {
        sb_printf(o,
                  "<span><svg class=\"mark\" width=\"44\" height=\"16\" aria-hidden=\"true\">"
                  "<rect class=\"%s\" x=\"2\" y=\"2\" width=\"40\" height=\"12\"",
                  cls[i]);
        mark_attrs(o, marks[i]);
        sb_put(o, "/></svg>");
        desk_esc(o, desk_word(o, keys[i]));
        sb_put(o, "</span>");
    }
    sb_put(o, "</p>");
}

/* "Document 1", a card's "Document 2, back", a passport's "Document 1, page 5". */
static void doc_title(sb *o, const char *template_id, int side, const char *n) {
    tpl t;
    bl_err err = {0};
    char pg[16];
    i18n_number(o->lang, booklet_printed(side), pg, sizeof pg);
    if (side && tpl_builtin(&t, template_id, &err) == 0 && !strcmp(t.kind, "passport"))
        sb_tfp(o, "debriefs.document_page", "n", n, "page", pg, NULL);
    else
        sb_tfp(o, side ? "debriefs.document_back" : "debriefs.document", "n", n, NULL);
}

/* Each document with something to show: its outline, the true regions
 * (thick: solid found, dashed missed) and the trainee's flags (thin: dotted
 * where nothing is wrong), in millimetres; then what the marks mean. */
static void case_documents(sb *o, const case_view *v) {
    const desk_debrief *d = &v->e.kase.d;
    int shown = 0;
    for (int doc = 0; doc < d->n_docs; doc++)
        for (int side = 0; side < BOOKLET_PAGES; side++) { /* a card's back; a passport's pages */
            int any = 0;
            for (int i = 0; i < d->n_items; i++)
                any |= d->items[i].doc == doc && d->items[i].side == side;
            for (int i = 0; i < d->n_flags; i++)
                any |= d->flags[i].doc == doc && d->flags[i].side == side &&
                       d->flags[i].status != FLAG_IMPOSTOR;
            if (!any || d->doc_w[doc] <= 0 || d->doc_h[doc] <= 0) continue;
            double k = 300 / d->doc_w[doc];
            char n[16];
            i18n_number(o->lang, doc + 1, n, sizeof n);
            sb_printf(o,
                      "<figure class=\"doc\"><svg class=\"docmap\" role=\"img\" viewBox=\"-4 -4 "
                      "%.0f %.0f\" "
                      "width=\"%.0f\" height=\"%.0f\"><title>",
                      d->doc_w[doc] * k + 8, d->doc_h[doc] * k + 8, d->doc_w[doc] * k + 8,
                      d->doc_h[doc] * k + 8);
            doc_title(o, d->doc_template[doc], side, n);
            sb_printf(o,
                      "</title><rect class=\"page\" x=\"0\" y=\"0\" width=\"%.1f\" "
                      "height=\"%.1f\" rx=\"6\"/>",
                      d->doc_w[doc] * k, d->doc_h[doc] * k);
            for (int i = 0; i < d->n_items; i++) {
                const desk_debrief_item *it = &d->items[i];
                if (it->doc != doc || it->side != side) continue;
                sb_printf(o,
                          "<rect class=\"truth %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                          "height=\"%.1f\"",
                          it->found == 2 ? "found"
                          : it->found    ? "located"
                                         : "missed",
                          it->x * k, it->y * k, it->w * k, it->h * k);
                mark_attrs(o, it->found == 2 ? DESK_MARK_FOUND
                              : it->found    ? DESK_MARK_LOCATED
                                             : DESK_MARK_MISSED);
                sb_put(o, "/>");
            }
            for (int i = 0; i < d->n_flags; i++) {
                const desk_debrief_flag *f = &d->flags[i];
                if (f->doc != doc || f->side != side || f->status == FLAG_IMPOSTOR) continue;
                sb_printf(o,
                          "<rect class=\"flag %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                          "height=\"%.1f\"",
                          f->status == FLAG_FALSE ? "false" : "true", f->x * k, f->y * k, f->w * k,
                          f->h * k);
                mark_attrs(o, f->status == FLAG_FALSE ? DESK_MARK_FALSE : DESK_MARK_FLAG);
                sb_put(o, "/>");
            }
            sb_put(o, "</svg><figcaption>");
            doc_title(o, d->doc_template[doc], side, n);
            char key[96];
            snprintf(key, sizeof key, "template.%s", d->doc_template[doc]);
            if (d->doc_template[doc][0] && o->desk && i18n_has(o->desk, key)) {
                sb_put(o, ": "); /* isolated: "(TD3)" is a format's code, not words */
                sb_data(o, desk_word(o, key));
            }
            sb_put(o, "</figcaption></figure>");
            shown = 1;
        }
    if (shown) marks_legend(o);
}

/* The examination's steps in the manual's order (F.A.L.S.E.D.O.C.), as
 * the desk's debrief shows them: done or not, where the evidence lay. */
static void case_steps(sb *o, const case_view *v) {
    const desk_debrief *d = &v->e.kase.d;
    if (!d->steps_possible) return; /* no document, or an entry from before the steps */
    char key[48];
    sb_put(o, "<h4>");
    desk_esc(o, desk_word(o, "debrief.steps"));
    sb_put(o, "</h4><ol class=\"steps\">");
    for (int s = 0; s < EXAM_STEPS; s++) {
        int possible = d->steps_possible >> s & 1, done = d->steps_covered >> s & 1;
        int needed = d->steps_needed >> s & 1;
        sb_printf(o, "<li class=\"%s%s\"><strong><bdi>%c</bdi></strong> ",
                  !possible ? "na"
                  : done    ? "found"
                  : needed  ? "missed"
                            : "muted",
                  needed ? " needed" : "", exam_step_letter(s));
        snprintf(key, sizeof key, "step.%s", exam_step_id(s));
        desk_esc(o, desk_word(o, key));
        sb_put(o, ": ");
        desk_esc(o, desk_word(o, !possible ? "step.na" : done ? "step.done" : "step.missed"));
        if (d->steps_required >> s & 1) {
            sb_put(o, " <span class=\"tag req\">");
            desk_esc(o, desk_word(o, "step.required"));
            sb_put(o, "</span>");
        }
        sb_put(o, "</li>");
    }
    sb_put(o, "</ol><p class=\"muted\">");
    desk_esc(o, desk_word(o, "debrief.steps_legend"));
    sb_put(o, "</p>");
}

/* The interview as it went. */
static void case_transcript(sb *o, const case_view *v) {
    const desk_debrief *d = &v->e.kase.d;
    sb_put(o, "<h4>");
    desk_esc(o, desk_word(o, "debrief.transcript"));
    sb_put(o, "</h4>");
    if (!d->n_asks) {
        sb_put(o, "<p class=\"muted\">");
        desk_esc(o, desk_word(o, "debrief.no_questions"));
        sb_put(o, "</p>");
        return;
    }
    sb_put(o, "<ol class=\"transcript\">");
    for (int i = 0; i < d->n_asks; i++) {
        const desk_debrief_ask *a = &d->asks[i];
        sb_printf(o, "<li%s><strong>", a->tags & ASK_FORBIDDEN ? " class=\"forbidden\"" : "");
        sb_data(o, scn_word(v, a->text));
        sb_put(o, "</strong>");
        if (a->tags & ASK_REQUIRED) {
            sb_put(o, " <span class=\"tag req\">");
            desk_esc(o, desk_word(o, "debrief.tag_required"));
            sb_put(o, "</span>");
        }
        if (a->tags & ASK_FORBIDDEN) {
            sb_put(o, " <span class=\"tag bad\">");
            desk_esc(o, desk_word(o, "debrief.tag_forbidden"));
            sb_put(o, "</span>");
        }
        if (a->tags & ASK_NOT_HEARD) {
            sb_put(o, " <span class=\"tag bad\">");
            desk_esc(o, desk_word(o, "debrief.tag_not_heard"));
            sb_put(o, "</span>");
        }
        sb_put(o, "<br><span class=\"answer\">");
        if (a->answer[0])
            sb_data(o, scn_word(v, a->answer));
        else
            desk_esc(o, desk_word(o, "debrief.no_answer"));
        sb_put(o, "</span></li>");
    }
    sb_put(o, "</ol>");
}

/* One case's card; 0 shown, -1 its entry could not be read. */
static int case_card(sb *o, const rcase *c, int i) {
    case_view *v = calloc(1, sizeof *v);
    if (!v) return -1;
    int ok = *c->detail && record_parse(c->detail, &v->e, NULL) == 0 && v->e.kind == REC_CASE &&
             (v->json = cJSON_Parse(c->detail)) != NULL;
    if (ok) {
        const cJSON *texts = cJSON_GetObjectItemCaseSensitive(v->json, "texts");
        v->texts = cJSON_GetObjectItemCaseSensitive(texts, i18n_lang(o->lang));
        v->texts_en = cJSON_GetObjectItemCaseSensitive(texts, "en");
        char n[16];
        i18n_number(o->lang, i + 1, n, sizeof n);
        sb_printf(o, "<article class=\"case\" id=\"case-%d\"><h3>", i + 1);
        sb_esc(o, n);
        sb_put(o, ". ");
        const char *title = scn_word(v, "title");
        sb_data(o, strcmp(title, "title") ? title : c->scenario);
        sb_put(o, " <span class=\"muted\">");
        sb_data(o, c->scenario);
        sb_put(o, "</span></h3>");
        case_head(o, v);
        case_criticals(o, v);
        sb_put(o, "<div class=\"cols\"><div>");
        case_findings(o, v);
        case_documents(o, v);
        sb_put(o, "</div><div>");
        case_steps(o, v);
        case_transcript(o, v);
        sb_put(o, "</div></div>");
        const char *why = v->e.kase.d.why;
        if (*why) {
            sb_put(o, "<p class=\"why\">");
            sb_data(o, scn_word(v, why));
            sb_put(o, "</p>");
        }
        sb_put(o, "</article>");
    }
    cJSON_Delete(v->json);
    free(v);
    return ok ? 0 : -1;
}

void report_case_debriefs(sb *o, const report *r) {
    sb_put(o, "<section id=\"debriefs\" class=\"long\" aria-labelledby=\"debriefs-h\">"
              "<h2 id=\"debriefs-h\">");
    sb_tr(o, "debriefs.title");
    sb_put(o, "</h2><p class=\"note\">");
    sb_tr(o, "debriefs.note");
    sb_put(o, "</p>");
    int old = 0;
    for (int i = 0; i < r->n; i++)
        old += case_card(o, &r->c[i], i) != 0;
    if (old) {
        char n[16];
        i18n_number(o->lang, old, n, sizeof n);
        sb_put(o, "<p class=\"muted\">");
        sb_tfp(o, "debriefs.old", "n", n, NULL);
        sb_put(o, "</p>");
    }
    sb_put(o, "</section>");
}
