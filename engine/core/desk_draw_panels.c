/* desk_draw_panels.c - the parts of the screen beside and over the
 * documents: the traveler at the counter with the interview (questions,
 * the last answer in the language it reaches the officer in), the MRZ
 * reader, the reference specimen, and the help. Places come from
 * desk_layout's table; see desk_draw_internal.h.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "desk_draw_internal.h"
#include "desk_fit.h"
#include "mrz.h"
#include "scenario.h"

/* ------------------------------------------------------------ the traveler */

int desk_answer_lang(const char *const *langs, int n_langs, int ui, const char (*speaks)[8],
                     int n_speaks, int interpreter, int *foreign) {
    *foreign = 0;
    if (n_speaks == 0 || interpreter) return ui;
    const char *code = ui < n_langs ? langs[ui] : "en";
    for (int i = 0; i < n_speaks; i++)
        if (!strcmp(speaks[i], code)) return ui;
    *foreign = 1;
    for (int l = 0; l < n_langs; l++)
        if (!strcmp(langs[l], speaks[0])) return l;
    return ui;
}

int desk_answer_language(const desk_state *st, int *foreign) {
    const desk_traveler *t = desk_current_traveler(st);
    const char *codes[8];
    for (int l = 0; l < st->n_langs && l < 8; l++)
        codes[l] = i18n_lang(st->langs[l]);
    return desk_answer_lang(codes, st->n_langs, st->lang, (const char(*)[8])t->speaks, t->n_speaks,
                            st->interpreter, foreign);
}

/* An interface text at its place (desk_layout.text), in the interface's
 * direction. */
static void ui_text(draw_list *dl, int place, int x, int y, uint32_t rgba, const char *text) {
    const draw_cmd want = desk_text_cmd(place, text, 0);
    int n = dl->n;
    dl_text(dl, x, y, want.size, rgba, want.bold, 0, "%s", text);
    if (dl->n > n) dl->cmd[n].max_w = want.max_w, dl->cmd[n].lines = want.lines;
}

/* A scenario's text at its place (desk_layout.text), in the direction of the
 * language it is written in: an Arabic answer reads right to left under an
 * English interface, an English one left to right under the Arabic one. */
static void place_text(const desk_state *st, draw_list *dl, int place, int x, int y, uint32_t rgba,
                       int lang, const char *key) {
    int n = dl->n;
    dl_text(dl, x, y, desk_layout.text[place].size, rgba, desk_layout.text[place].bold, 0, "%s",
            desk_scn_text(st, lang, key));
    if (dl->n == n) return; /* the list is full */
    draw_cmd *c = &dl->cmd[n];
    const draw_cmd want = desk_text_cmd(place, c->text, desk_scn_dir(st, lang, key));
    c->max_w = want.max_w, c->lines = want.lines, c->dir = want.dir;
}

/* What an officer sees of them: a companion, a need, what they carry. */
static void draw_person(const desk_state *st, draw_list *dl) {
    const desk_traveler *t = desk_current_traveler(st);
    dl_tex(dl, TEX_FACE, st->traveler, 0, 0, desk_layout.face);
    dl_frame(dl, desk_layout.face, 2, 0xFF57504Au);
    const desk_person_rows rows = desk_layout_person(t->companion, st->separated, t->needs[0]);
    int x = rows.x;
    if (t->companion && !st->separated) { /* the person beside them, and who they say they are */
        const desk_rect cf = desk_layout.companion;
        dl_tex(dl, TEX_COMPANION, st->traveler, 0, 0, cf);
        dl_frame(dl, cf, 1, 0xFF57504Au);
        char key[48], buf[160];
        snprintf(key, sizeof key, "relationship.%s", scn_relationship_name(t->companion_rel));
        desk_fmt(st, buf, sizeof buf, "traveler.companion_with", 0, 0, desk_tr(st, key), NULL,
                 NULL);
        ui_text(dl, DESK_TEXT_COMPANION, x, rows.companion_y, C_ACCENT, buf);
    } else if (t->companion) {
        ui_text(dl, DESK_TEXT_COMPANION_APART, x, rows.companion_y, C_DIM,
                desk_tr(st, "traveler.companion_apart"));
    }
    if (t->needs[0])
        place_text(st, dl, DESK_TEXT_NEEDS, x, rows.needs_y, C_ACCENT, st->lang, t->needs);
    if (t->n_carries > 0 && rows.carries_lines > 0) { /* one list, as many lines as are left */
        char list[4 * 200];
        desk_carried_text(desk_scn_catalogue(st, st->lang), (const char(*)[48])t->carries,
                          t->n_carries < 4 ? t->n_carries : 4, list, sizeof list, NULL);
        int n = dl->n;
        dl_text(dl, x, rows.carries_y, desk_layout.text[DESK_TEXT_CARRIES].size, C_DIM, 0, 0, "%s",
                list);
        if (dl->n == n) return;
        const draw_cmd want =
            desk_text_cmd(DESK_TEXT_CARRIES, list, desk_scn_dir(st, st->lang, t->carries[0]));
        dl->cmd[n].max_w = want.max_w, dl->cmd[n].lines = rows.carries_lines;
        dl->cmd[n].dir = want.dir;
    }
}

/* The questions on offer, one per row (the one answered last lit, those
 * asked dimmed). */
static void draw_questions(const desk_state *st, draw_list *dl) {
    const desk_traveler *t = desk_current_traveler(st);
    const desk_rect qs = desk_layout.questions;
    dl_text(dl, qs.x, qs.y - 8, 14, C_TEXT, 1, 0, "%s", desk_tr(st, "interview.questions"));
    int av[DESK_MAX_QUESTIONS], n = desk_available_questions(st, av, DESK_MAX_QUESTIONS);
    for (int r = 0; r < n && r < desk_layout.question_rows; r++) {
        const desk_question *q = &t->questions[av[r]];
        const desk_rect row = desk_layout_question_row(r);
        dl_fill(dl, (desk_rect){row.x, row.y + 2, row.w, row.h - 4},
                st->answer_q == av[r] ? C_BUTTON_ON : C_BUTTON);
        place_text(st, dl, DESK_TEXT_QUESTION, row.x + 6, row.y + 18,
                   st->asked[av[r]] ? C_DIM : C_TEXT, st->lang, q->text);
    }
}

/* The last answer, as the officer hears it, in the direction of the
 * language it is said in. */
static void draw_answer(const desk_state *st, draw_list *dl) {
    const desk_traveler *t = desk_current_traveler(st);
    const desk_rect box = desk_layout.answer;
    char buf[256];
    int foreign, l = desk_answer_language(st, &foreign);
    dl_fill(dl, box, 0xFF15110Eu);
    int y = box.y + 18;
    if (foreign) {
        char name[32];
        snprintf(name, sizeof name, "lang.%s", t->speaks[0]);
        desk_fmt(st, buf, sizeof buf, "interview.foreign", 0, 0, NULL, NULL, desk_tr(st, name));
        dl_text(dl, box.x + 6, y, 12, C_ACCENT, 1, 0, "%s", buf);
        y += 18;
    }
    place_text(st, dl, foreign ? DESK_TEXT_ANSWER_FOREIGN : DESK_TEXT_ANSWER, box.x + 6, y, C_TEXT,
               l, st->answer);
}

void desk_draw_traveler(const desk_state *st, draw_list *dl) {
    if (desk_current_traveler(st)->n_questions == 0) { /* no scenario: just the person */
        const desk_rect face = desk_layout.face_alone;
        dl_tex(dl, TEX_FACE, st->traveler, 0, 0, face);
        dl_frame(dl, face, 2, 0xFF57504Au);
        dl_text(dl, face.x, 384, 16, C_TEXT, 1, 0, "%s", desk_tr(st, "traveler.at_counter"));
        dl_text(dl, face.x, 408, 14, C_DIM, 0, 0, "%s", desk_tr(st, "traveler.compare"));
        return;
    }
    draw_person(st, dl);
    draw_questions(st, dl);
    if (st->answer_q >= 0) draw_answer(st, dl);
    desk_draw_button(st, dl, DESK_BTN_INTERP, st->interpreter);
    if (desk_current_traveler(st)->companion)
        desk_draw_button(st, dl, DESK_BTN_ALONE, st->separated);
}

/* ------------------------------------------------------------ the MRZ reader */

/* A YYMMDD of the MRZ as a date: a birth in the last hundred years up to
 * today, an expiry in this century; 0 when it is no date. */
static int mrz_date(const char *yymmdd, int birth, bl_date today, bl_date *out) {
    if (strlen(yymmdd) != 6) return 0;
    for (int i = 0; i < 6; i++)
        if (yymmdd[i] < '0' || yymmdd[i] > '9') return 0;
    int yy = (yymmdd[0] - '0') * 10 + yymmdd[1] - '0';
    *out = (bl_date){2000 + yy, (yymmdd[2] - '0') * 10 + yymmdd[3] - '0',
                     (yymmdd[4] - '0') * 10 + yymmdd[5] - '0'};
    if (birth && date_to_days(*out) > date_to_days(today)) out->y -= 100;
    return date_valid(*out);
}

/* What a reader says of the dates: the expiry against today (as border
 * readers flag an expired document), the birth date with the age it gives. */
static int mrz_dates(const desk_state *st, draw_list *dl, const mrz_fields *f, int x, int y) {
    const bl_date today = st->session->today;
    char date[64], buf[160];
    bl_date e, b;
    if (!mrz_date(f->expiry_date, 0, today, &e)) {
        dl_text(dl, x, y, 15, C_RED, 1, 0, "%s", desk_tr(st, "mrz.expiry_unreadable"));
    } else {
        int expired = date_to_days(e) < date_to_days(today);
        desk_fmt(st, buf, sizeof buf, expired ? "mrz.expired_on" : "mrz.valid_until", 0, 0, NULL,
                 NULL, desk_date_text(st, e, date, sizeof date));
        dl_text(dl, x, y, 15, expired ? C_RED : C_GREEN, 1, 0, "%s%s", expired ? "✗ " : "✓ ", buf);
    }
    dl->cmd[dl->n - 1].max_w = desk_layout.mrz_panel.w - 32;
    if (mrz_date(f->birth_date, 1, today, &b)) {
        int age = today.y - b.y - (today.m < b.m || (today.m == b.m && today.d < b.d));
        desk_fmt(st, buf, sizeof buf, "mrz.born", age, 0, NULL, NULL,
                 desk_date_text(st, b, date, sizeof date));
        dl_text(dl, x, y + 22, 15, C_TEXT, 0, 0, "%s", buf);
        dl->cmd[dl->n - 1].max_w = desk_layout.mrz_panel.w - 32;
    }
    return y + 44;
}

/* The top document's MRZ as a reader shows it: the lines in OCR-B as read,
 * whether every check digit holds, the expiry against today and the birth
 * date with the age, then each field and the reader's findings. Opaque: what
 * lies under it does not show through. */
void desk_draw_mrz_panel(const desk_state *st, draw_list *dl) {
    const desk_rect p = desk_layout.mrz_panel;
    int x = p.x, y = p.y;
    dl_fill(dl, p, C_PANEL_SOLID);
    dl_frame(dl, p, 2, C_ACCENT);
    dl_text(dl, x + 16, y + 30, 18, C_ACCENT, 1, 0, "%s", desk_tr(st, "mrz.title"));
    int d = desk_top_doc(st);
    const desk_doc_info *in = d >= 0 ? &st->info[d] : NULL;
    if (!in || in->mrz_lines == 0 || st->docs[d].closed) {
        dl_text(dl, x + 16, y + 64, 15, C_TEXT, 0, 0, "%s", desk_tr(st, "mrz.put_open"));
        dl->cmd[dl->n - 1].max_w = -(p.w - 32);
        return;
    }
    /* the reader's screen: the lines as read, in the MRZ's own typeface */
    dl_fill(dl, (desk_rect){x + 12, y + 44, p.w - 24, 14 + in->mrz_lines * 22}, 0xFFEAF1F4u);
    char joined[160] = "";
    for (int l = 0; l < in->mrz_lines; l++) {
        strncat(joined, in->mrz[l], sizeof joined - strlen(joined) - 2);
        strcat(joined, "\n");
        dl_text(dl, x + 18, y + 66 + l * 22, 14, 0xFF202020u, DRAW_OCRB, 0, "%s", in->mrz[l]);
        dl->cmd[dl->n - 1].dir = 1; /* document data: left to right in any interface */
        dl->cmd[dl->n - 1].max_w = p.w - 36;
    }
    mrz_result r;
    mrz_parse(joined, strlen(joined), &r);
    int yy = y + 66 + in->mrz_lines * 22 + 22;
    dl_text(dl, x + 16, yy, 16, r.valid ? C_GREEN : C_RED, 1, 0, "%s%s  %s", r.valid ? "✓ " : "✗ ",
            r.format >= 0 ? mrz_format_name(r.format) : desk_tr(st, "mrz.unreadable"),
            desk_tr(st, r.valid ? "mrz.valid" : "mrz.invalid"));
    dl->cmd[dl->n - 1].max_w = p.w - 32;
    const mrz_fields *f = &r.fields;
    yy = mrz_dates(st, dl, f, x + 16, yy + 26) + 6;
    const char *rows[][2] = {{"mrz.f.document", f->document_code},
                             {"mrz.f.state", f->issuing_state},
                             {"mrz.f.number", f->document_number},
                             {"mrz.f.surname", f->surname},
                             {"mrz.f.given", f->given_names},
                             {"mrz.f.nationality", f->nationality},
                             {"mrz.f.sex", f->sex},
                             {"mrz.f.optional", f->optional_data}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++, yy += 22) {
        dl_text(dl, x + 16, yy, 14, C_DIM, 0, 0, "%s", desk_tr(st, rows[i][0]));
        dl->cmd[dl->n - 1].max_w = 150;
        dl_text(dl, x + 170, yy, 14, C_TEXT, 1, 0, "%s", rows[i][1]);
        dl->cmd[dl->n - 1].dir = 1;
        dl->cmd[dl->n - 1].max_w = p.w - 186;
    }
    /* the reader's own findings stay in English: they quote the MRZ's fields */
    for (int i = 0; i < r.n_issues && i < 5 && yy < p.y + p.h - 12; i++, yy += 20) {
        dl_text(dl, x + 16, yy + 6, 14, C_RED, 0, 0, "%s: %.60s", r.issues[i].field,
                r.issues[i].message);
        dl->cmd[dl->n - 1].dir = 1;
        dl->cmd[dl->n - 1].max_w = p.w - 32;
    }
}

/* ------------------------------------------------------------ the specimen */

/* The genuine specimen of the top document's template under the current
 * light, each feature that light shows outlined and numbered, with a
 * numbered list of their names. */
void desk_draw_ref_panel(const desk_state *st, draw_list *dl) {
    int d = desk_top_doc(st);
    const desk_rect p = desk_layout.ref_panel;
    int x = p.x, y = p.y;
    dl_fill(dl, p, C_PANEL);
    dl_frame(dl, p, 2, C_ACCENT);
    if (d < 0) return;
    const desk_doc_info *in = &st->info[d];
    const desk_doc_spec *ds = &desk_current_traveler(st)->docs[d];
    char buf[256];
    dl_text(dl, x + 16, y + 28, 17, C_ACCENT, 1, 0, "%s", desk_tr(st, "ref.title"));
    char tkey[64];
    snprintf(tkey, sizeof tkey, "template.%s", in->template_id);
    const char *tname = desk_tr(st, tkey);
    if (!strcmp(tname, tkey)) tname = in->name; /* no translation: the template's own name */
    dl_text(dl, x + 16, y + 50, 14, C_DIM, 0, 0, "%s",
            desk_fmt(st, buf, sizeof buf, "ref.under", 0, 0, NULL, desk_light_label(st, st->light),
                     tname));
    dl->cmd[dl->n - 1].max_w = p.w - 32; /* an academy's long name: smaller, not cut */
    if (in->no_reference) {              /* an academy's capture without its genuine twin */
        dl_text(dl, x + 16, y + 90, 15, C_TEXT, 0, 0, "%s", desk_tr(st, "ref.none_captured"));
        dl->cmd[dl->n - 1].max_w = -(p.w - 32);
        return;
    }
    double k = fmin((p.w - 32) / ds->mm_w, 260 / ds->mm_h);
    int iw = (int)(ds->mm_w * k), ih = (int)(ds->mm_h * k), ix = x + 16, iy = y + 66;
    dl_tex(dl, TEX_REF, d, st->light, st->docs[d].side, (desk_rect){ix, iy, iw, ih});
    int yy = iy + ih + 24, shown = 0;
    for (int i = 0; i < in->n_features; i++) {
        const desk_feature *f = &in->features[i];
        int under = (f->lights & LIGHT_BIT(st->light)) != 0 && f->side == st->docs[d].side;
        if (!under) continue;
        /* the specimen keeps its own orientation: in a mirrored screen, mirror
         * the outline inside it so the outline lands on the feature */
        int fx = desk_rtl(st) ? ix + iw - (int)((f->x_mm + f->w_mm) * k) : ix + (int)(f->x_mm * k);
        dl_frame(dl,
                 (desk_rect){fx, iy + (int)(f->y_mm * k), (int)(f->w_mm * k), (int)(f->h_mm * k)},
                 1, C_ACCENT);
        if (shown < 10 && !(f->w_mm >= ds->mm_w - 1 && f->h_mm >= ds->mm_h - 1)) {
            char key[48], n[16];
            snprintf(key, sizeof key, "feature.%s", f->kind);
            dl_text(dl, fx + 2, iy + (int)(f->y_mm * k) + 12, 11, C_ACCENT, 1, 0, "%s",
                    desk_num(st, shown + 1, n, sizeof n));
            const char *label = desk_tr(st, key);
            if (!strcmp(label, key)) label = f->kind; /* an academy's own word for it */
            dl_text(dl, x + 16 + (shown % 2) * 230, yy + (shown / 2) * 20, 13, C_TEXT, 0, 0,
                    "%s  %s", n, label);
            shown++;
        }
    }
    if (!shown) dl_text(dl, x + 16, yy, 13, C_DIM, 0, 0, "%s", desk_tr(st, "ref.none"));
    const desk_rect cb = desk_layout.ref_compare; /* side by side, larger */
    dl_fill(dl, cb, C_BUTTON);
    dl_frame(dl, cb, 1, 0xFF6A625Cu);
    dl_text(dl, cb.x + cb.w / 2, cb.y + cb.h / 2 + 6, 15, C_TEXT, 0, 1, "%s",
            desk_tr(st, "btn.compare"));
    dl->cmd[dl->n - 1].max_w = cb.w - 8;
    desk_draw_ref_loupe(st, dl, d, (desk_rect){ix, iy, iw, ih}, k);
}

/* ------------------------------------------------------------ the help */

/* Every key and what it does. */
void desk_draw_help(const desk_state *st, draw_list *dl) {
    const desk_rect p = desk_layout.help;
    dl_fill(dl, p, C_DIALOG);
    dl_frame(dl, p, 2, C_ACCENT);
    dl_text(dl, p.x + 20, p.y + 34, 20, C_ACCENT, 1, 0, "%s", desk_tr(st, "help.title"));
    for (int i = 1; i <= DESK_HELP_ROWS; i++) { /* every action, each with its key */
        char k[16], d[16];
        snprintf(k, sizeof k, "help.k%d", i);
        snprintf(d, sizeof d, "help.d%d", i);
        int y = p.y + 44 + i * 26;
        dl_text(dl, p.x + 24, y, 15, C_ACCENT, 1, 0, "%s", desk_tr(st, k));
        dl->cmd[dl->n - 1].max_w = 140;
        dl_text(dl, p.x + 170, y, 15, C_TEXT, 0, 0, "%s", desk_tr(st, d));
        dl->cmd[dl->n - 1].max_w = p.w - 190;
    }
}
