/* check_fit.c - see check_fit.h. */
#include "check_fit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk_fit.h"

#define FIT_MAX_KEYS 320

struct check_fit {
    const scenario *s;
    scn_runtime *rt;
    const doc_fonts *fonts;
    scn_report_fn warn;
    void *ud;
    int warnings;
    int n_said;
    struct {
        int q;
        char key[SCN_KEY];
    } said[FIT_MAX_KEYS]; /* keys answer functions returned, each once */
    int n_warned;
    char warned[FIT_MAX_KEYS][SCN_KEY + 24]; /* "kind lang key" warned about */
};

check_fit *check_fit_create(const scenario *s, scn_runtime *rt, const doc_fonts *fonts) {
    check_fit *c = calloc(1, sizeof *c);
    if (c) c->s = s, c->rt = rt, c->fonts = fonts;
    return c;
}

void check_fit_destroy(check_fit *c) {
    free(c);
}

void check_fit_said(void *collector, int q, const char *key) {
    check_fit *c = collector;
    for (int i = 0; i < c->n_said; i++)
        if (c->said[i].q == q && !strcmp(c->said[i].key, key)) return;
    if (c->n_said >= FIT_MAX_KEYS || strlen(key) >= SCN_KEY) return;
    c->said[c->n_said].q = q;
    strcpy(c->said[c->n_said++].key, key);
}

/* The text's first words, cut at a character's start, for the message. */
static void excerpt(const char *text, char *out, size_t cap) {
    size_t n = strlen(text), max = 60;
    if (n <= max) {
        snprintf(out, cap, "%s", text);
        return;
    }
    while (max > 0 && ((unsigned char)text[max] & 0xC0) == 0x80)
        max--;
    snprintf(out, cap, "%.*s...", (int)max, text);
}

/* True the first time a text is named (once per kind, language and key:
 * the first place it does not fit is the one reported). */
static int first_time(check_fit *c, const char *kind, const char *lang, const char *key) {
    char id[SCN_KEY + 24];
    snprintf(id, sizeof id, "%s %s %s", kind, lang, key);
    for (int i = 0; i < c->n_warned; i++)
        if (!strcmp(c->warned[i], id)) return 0;
    if (c->n_warned < FIT_MAX_KEYS) strcpy(c->warned[c->n_warned++], id);
    return 1;
}

/* How the text overflows its place, in words. */
static void overflow_words(const desk_fit *fit, const desk_text_box *box, char *out, size_t cap) {
    if (!box->lines)
        snprintf(out, cap,
                 "needs %d px at %d px, the smallest size the desk shrinks to; %s holds %d",
                 (int)ceil(fit->min_w), DESK_TEXT_MIN_PX, box->name, box->width);
    else if (fit->lines > fit->shown)
        snprintf(out, cap, "needs %d lines, %s holds %d", fit->lines, box->name, fit->shown);
    else
        snprintf(out, cap, "a word needs %d px, %s is %d px wide", (int)ceil(fit->width), box->name,
                 box->width);
}

/* Lays out one text at one place as the desk would; warns when part of it
 * would not be seen. */
static void measure(check_fit *c, const char *kind, int place, const i18n *cat, const char *key) {
    const i18n *src = key[0] ? i18n_source(cat, key) : NULL;
    if (!src) return; /* a missing string is check's other business */
    const char *lang = i18n_lang(src), *text = i18n_get(cat, key);
    draw_cmd cmd = desk_text_cmd(place, text, desk_text_dir(cat, key));
    desk_fit fit;
    bl_err err = {0};
    char why[600], quoted[128], msg[900];
    int rc = desk_fit_cmd(c->fonts, &cmd, 0, &fit, &err);
    if (rc == 0 && !fit.cut) {
        desk_fit_free(&fit);
        return;
    }
    if (rc != 0)
        snprintf(why, sizeof why, "cannot be laid out (%s)", err.msg);
    else
        overflow_words(&fit, &desk_layout.text[place], why, sizeof why);
    desk_fit_free(&fit);
    if (!first_time(c, kind, lang, key)) return;
    excerpt(text, quoted, sizeof quoted);
    snprintf(msg, sizeof msg, "warning: %s \"%s\" in %s will not fit the desk: %s: \"%s\"", kind,
             key, lang, why, quoted);
    c->warnings++;
    if (c->warn) c->warn(c->ud, c->s->file, scn_string_line(c->rt, lang, key), msg);
}

/* Every answer question q can give: its own, each rule's, each its
 * function returned. */
static void measure_answers(check_fit *c, int place, const i18n *cat) {
    const scenario *s = c->s;
    for (int q = 0; q < s->n_questions; q++) {
        const scn_question *qq = &s->questions[q];
        if (qq->kind == ANSWER_KEY) measure(c, "answer", place, cat, qq->answer);
        for (int r = 0; qq->kind == ANSWER_RULES && r < qq->n_rules; r++)
            measure(c, "answer", place, cat, qq->rules[r].say);
        for (int i = 0; i < c->n_said; i++)
            if (c->said[i].q == q) measure(c, "answer", place, cat, c->said[i].key);
    }
}

/* The things carried, one list in the lines their place under the face
 * has (the same with or without a companion): the first thing not wholly
 * shown is named. */
static void measure_carried(check_fit *c, const i18n *cat) {
    const scenario *s = c->s;
    int n = s->n_carries < 4 ? s->n_carries : 4, ends[4];
    if (n == 0 || !i18n_source(cat, s->carries[0])) return;
    char list[4 * 200], why[300], quoted[128], msg[900];
    desk_carried_text(cat, (const char(*)[48])s->carries, n, list, sizeof list, ends);
    for (int once = 0; once < 1; once++) {
        desk_person_rows r = desk_layout_person(s->companion, 0, s->needs[0] != '\0');
        draw_cmd cmd = desk_text_cmd(DESK_TEXT_CARRIES, list, desk_text_dir(cat, s->carries[0]));
        cmd.lines = r.carries_lines;
        desk_fit fit;
        bl_err err = {0};
        if (desk_fit_cmd(c->fonts, &cmd, 0, &fit, &err) != 0) {
            desk_fit_free(&fit);
            continue;
        }
        /* the first thing whose text runs past the last line shown, or onto a
         * line too wide */
        int shown_end =
            fit.shown ? fit.para.line[fit.shown - 1].start + fit.para.line[fit.shown - 1].len : 0;
        int bad = -1;
        for (int i = 0; i < n && bad < 0; i++)
            if (ends[i] > shown_end) bad = i;
        for (int l = 0; l < fit.shown && bad < 0; l++)
            if (fit.para.line[l].lay.width > -cmd.max_w)
                for (int i = 0; i < n && bad < 0; i++)
                    if (ends[i] > fit.para.line[l].start) bad = i;
        if (bad >= 0) {
            if (fit.lines > fit.shown)
                snprintf(why, sizeof why, "the things carried need %d lines, %s holds %d",
                         fit.lines, desk_layout.text[DESK_TEXT_CARRIES].name, fit.shown);
            else
                overflow_words(&fit, &desk_layout.text[DESK_TEXT_CARRIES], why, sizeof why);
        }
        desk_fit_free(&fit);
        const char *key = bad >= 0 ? s->carries[bad] : "";
        const i18n *src = bad >= 0 ? i18n_source(cat, key) : NULL;
        if (!src || !first_time(c, "thing carried", i18n_lang(src), key)) continue;
        excerpt(i18n_get(cat, key), quoted, sizeof quoted);
        snprintf(msg, sizeof msg,
                 "warning: thing carried \"%s\" in %s will not fit the desk: %s: \"%s\"", key,
                 i18n_lang(src), why, quoted);
        c->warnings++;
        if (c->warn) c->warn(c->ud, s->file, scn_string_line(c->rt, i18n_lang(src), key), msg);
    }
}

int check_fit_run(check_fit *c, scn_report_fn warn, void *ud) {
    const scenario *s = c->s;
    c->warn = warn, c->ud = ud, c->warnings = 0;
    const char *codes[8];
    int n = i18n_builtin_count() < 8 ? i18n_builtin_count() : 8;
    for (int l = 0; l < n; l++)
        codes[l] = i18n_builtin_lang(l);
    /* each interface language the desk has: what it shows the scenario in */
    for (int ui = 0; ui < n; ui++) {
        const i18n *cat = scenario_strings(s, codes[ui]);
        if (!cat) continue;
        for (int q = 0; q < s->n_questions; q++) {
            measure(c, "question", DESK_TEXT_QUESTION, cat, s->questions[q].text);
            measure(c, "question", DESK_TEXT_ASK, cat, s->questions[q].text);
        }
        for (int interp = 0; interp <= 1; interp++) {
            int foreign, l = desk_answer_lang(codes, n, ui, (const char(*)[8])s->speaks,
                                              s->n_speaks, interp, &foreign);
            const i18n *said = scenario_strings(s, codes[l]);
            if (said)
                measure_answers(c, foreign ? DESK_TEXT_ANSWER_FOREIGN : DESK_TEXT_ANSWER, said);
        }
        measure(c, "need", DESK_TEXT_NEEDS, cat, s->needs);
        measure_carried(c, cat);
    }
    return c->warnings;
}
