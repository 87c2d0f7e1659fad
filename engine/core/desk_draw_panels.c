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

/* The things a traveler carries as one list, in its place's direction. */
static draw_cmd carried(const desk_state *st, char *list, size_t cap) {
    const desk_traveler *t = desk_current_traveler(st);
    desk_carried_text(desk_scn_catalogue(st, st->lang), (const char(*)[48])t->carries,
                      t->n_carries < 4 ? t->n_carries : 4, list, cap, NULL);
    return desk_text_cmd(DESK_TEXT_CARRIES, list, desk_scn_dir(st, st->lang, t->carries[0]));
}

/* A question's row as the column lays it out. */
static draw_cmd question_cmd(const desk_state *st, int q) {
    const char *key = desk_current_traveler(st)->questions[q].text;
    return desk_text_cmd(DESK_TEXT_QUESTION, desk_scn_text(st, st->lang, key),
                         desk_scn_dir(st, st->lang, key));
}

void desk_column_layout(const desk_state *st, desk_column *out) {
    const desk_traveler *t = desk_current_traveler(st);
    memset(out, 0, sizeof *out);
    out->person = desk_layout_person(t->companion, st->separated, t->needs[0]);
    const int lh = DESK_LINE_H(desk_layout.text[DESK_TEXT_QUESTION].size);
    int y = out->person.carries_y - lh; /* the last baseline so far */
    if (t->needs[0]) {
        const draw_cmd c = desk_text_cmd(DESK_TEXT_NEEDS, desk_scn_text(st, st->lang, t->needs), 0);
        out->needs_lines = desk_text_lines(st, &c);
        y = out->person.needs_y + (out->needs_lines - 1) * lh;
    }
    if (t->n_carries > 0) {
        char list[4 * 200];
        const draw_cmd c = carried(st, list, sizeof list);
        out->carries_lines = desk_text_lines(st, &c);
        out->person.carries_y = y + lh;
        y = out->person.carries_y + (out->carries_lines - 1) * lh;
    }
    out->title_y = y + lh + 8;
    /* the answer panel: its text's lines, 9 px under the last for Arabic's
     * descenders, never less than the layout's */
    out->answer = desk_layout.answer;
    out->answer_lang = desk_answer_language(st, &out->answer_foreign);
    if (st->answer_q >= 0) {
        int place = out->answer_foreign ? DESK_TEXT_ANSWER_FOREIGN : DESK_TEXT_ANSWER;
        const draw_cmd c = desk_text_cmd(place, desk_scn_text(st, out->answer_lang, st->answer),
                                         desk_scn_dir(st, out->answer_lang, st->answer));
        int h = (desk_text_lines(st, &c) + out->answer_foreign) * lh + 9;
        if (h > out->answer.h) out->answer.y -= h - out->answer.h, out->answer.h = h;
    }
    const desk_rect qs = desk_layout.questions;
    const int bottom = out->answer.y - 4 < qs.y + qs.h ? out->answer.y - 4 : qs.y + qs.h;
    const int more_h = 26;
    int top = out->title_y + 10;
    int av[DESK_MAX_QUESTIONS], n = desk_available_questions(st, av, DESK_MAX_QUESTIONS);
    for (int i = 0; i < n && out->n_rows < desk_layout.question_rows; i++) {
        const draw_cmd c = question_cmd(st, av[i]);
        int h = desk_text_lines(st, &c) * lh + 10; /* a one-line row: dl_line_box */
        int room = bottom - (i + 1 < n ? more_h : 0);
        if (top + h > room) break;
        out->row[out->n_rows] = (desk_rect){qs.x, top, qs.w, h};
        out->q[out->n_rows++] = av[i];
        top += h;
    }
    out->more = n - out->n_rows;
    out->more_y = top + 18;
}

/* What an officer sees of them: a companion, a need, what they carry. */
static void draw_person(const desk_state *st, draw_list *dl, const desk_column *col) {
    const desk_traveler *t = desk_current_traveler(st);
    const desk_rect face = desk_layout.face, cf = desk_layout.companion;
    dl_tex(dl, TEX_FACE, st->traveler, 0, 0, face);
    dl_frame(dl, face, 2, 0xFF57504Au);
    const desk_person_rows rows = col->person;
    /* beside the face: the companion; under it, the column's width */
    dl_box(dl, (desk_rect){cf.x - 2, face.y, desk_layout.traveler.w - cf.x, face.h});
    if (t->companion && !st->separated) { /* the person beside them, and who they say they are */
        dl_tex(dl, TEX_COMPANION, st->traveler, 0, 0, cf);
        dl_frame(dl, cf, 1, 0xFF57504Au);
        char key[48], buf[160];
        snprintf(key, sizeof key, "relationship.%s", scn_relationship_name(t->companion_rel));
        desk_fmt(st, buf, sizeof buf, "traveler.companion_with", 0, 0, desk_tr(st, key), NULL,
                 NULL);
        ui_text(dl, DESK_TEXT_COMPANION, rows.side_x, rows.companion_y, C_ACCENT, buf);
    } else if (t->companion) {
        ui_text(dl, DESK_TEXT_COMPANION_APART, rows.side_x, rows.companion_y, C_DIM,
                desk_tr(st, "traveler.companion_apart"));
    }
    const desk_rect col_r = desk_layout.traveler;
    dl_box(dl, (desk_rect){rows.x - 2, face.y + face.h, col_r.w - rows.x,
                           col->title_y - 14 - face.y - face.h});
    if (t->needs[0])
        place_text(st, dl, DESK_TEXT_NEEDS, rows.x, rows.needs_y, C_ACCENT, st->lang, t->needs);
    if (t->n_carries > 0) { /* one list */
        char list[4 * 200];
        const draw_cmd want = carried(st, list, sizeof list);
        int n = dl->n;
        dl_text(dl, rows.x, rows.carries_y, want.size, C_DIM, 0, 0, "%s", list);
        if (dl->n == n) return;
        dl->cmd[n].max_w = want.max_w, dl->cmd[n].lines = want.lines, dl->cmd[n].dir = want.dir;
    }
}

/* The questions on offer, one per row (the one answered last lit, those
 * asked dimmed), and how many more the ask menu has. */
static void draw_questions(const desk_state *st, draw_list *dl, const desk_column *col) {
    const desk_rect qs = desk_layout.questions;
    dl_box(dl, dl_line_box(qs.x, col->title_y, qs.w));
    dl_text(dl, qs.x, col->title_y, 14, C_TEXT, 1, 0, "%s", desk_tr(st, "interview.questions"));
    for (int r = 0; r < col->n_rows; r++) {
        const desk_rect row = col->row[r];
        int lit = st->answer_q == col->q[r];
        dl_fill(dl, (desk_rect){row.x, row.y + 1, row.w, row.h - 2}, lit ? C_BUTTON_ON : C_BUTTON);
        dl_box(dl, row);
        place_text(st, dl, DESK_TEXT_QUESTION, row.x + 6, row.y + 18,
                   st->asked[col->q[r]] && !lit ? C_DIM : C_TEXT, st->lang,
                   desk_current_traveler(st)->questions[col->q[r]].text);
    }
    if (col->more > 0) {
        char buf[128];
        dl_box(dl, dl_line_box(qs.x, col->more_y, qs.w));
        dl_text(dl, qs.x + 6, col->more_y, 14, C_DIM, 0, 0, "%s",
                desk_fmt(st, buf, sizeof buf, "interview.more", col->more, 0, NULL, NULL, NULL));
    }
}

/* The last answer, as the officer hears it, in the direction of the
 * language it is said in. */
static void draw_answer(const desk_state *st, draw_list *dl, const desk_column *col) {
    const desk_traveler *t = desk_current_traveler(st);
    const desk_rect box = col->answer;
    char buf[256];
    int foreign = col->answer_foreign, l = col->answer_lang;
    dl_fill(dl, box, 0xFF15110Eu);
    dl_box(dl, box);
    int y = box.y + 18;
    if (foreign) {
        char name[32];
        snprintf(name, sizeof name, "lang.%s", t->speaks[0]);
        desk_fmt(st, buf, sizeof buf, "interview.foreign", 0, 0, NULL, NULL, desk_tr(st, name));
        dl_text(dl, box.x + 6, y, 14, C_ACCENT, 1, 0, "%s", buf);
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
        dl_box(dl, (desk_rect){face.x - 4, face.y + face.h, face.w + 8, 80});
        dl_text(dl, face.x, 384, 16, C_TEXT, 1, 0, "%s", desk_tr(st, "traveler.at_counter"));
        dl_text(dl, face.x, 408, 14, C_DIM, 0, 0, "%s", desk_tr(st, "traveler.compare"));
        dl->cmd[dl->n - 1].max_w = -face.w, dl->cmd[dl->n - 1].lines = 3;
        return;
    }
    desk_column col;
    desk_column_layout(st, &col);
    draw_person(st, dl, &col);
    draw_questions(st, dl, &col);
    if (st->answer_q >= 0) draw_answer(st, dl, &col);
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
    dl_box(dl, p);
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
        dl_box(dl, (desk_rect){x + 12, y + 44, p.w - 24, 14 + in->mrz_lines * 22}); /* its screen */
        dl_text(dl, x + 18, y + 66 + l * 22, 14, 0xFF202020u, DRAW_OCRB, 0, "%s", in->mrz[l]);
        dl->cmd[dl->n - 1].dir = 1; /* document data: left to right in any interface */
        dl->cmd[dl->n - 1].max_w = p.w - 36;
    }
    dl_box(dl, p); /* below the reader's screen: the panel */
    mrz_result r;
    mrz_parse(joined, strlen(joined), &r);
    int yy = y + 66 + in->mrz_lines * 22 + 22;
    dl_text(dl, x + 16, yy, 16, r.valid ? C_GREEN : C_RED, 1, 0, "%s%s  %s", r.valid ? "✓ " : "✗ ",
            r.format >= 0 ? mrz_format_name(r.format) : desk_tr(st, "mrz.unreadable"),
            desk_tr(st, r.valid ? "mrz.valid" : "mrz.invalid"));
    dl->cmd[dl->n - 1].max_w = p.w - 32;
    const mrz_fields *f = &r.fields;
    dl_box(dl, p);
    yy = mrz_dates(st, dl, f, x + 16, yy + 26) + 6;
    const char *rows[][2] = {{"mrz.f.document", f->document_code},
                             {"mrz.f.state", f->issuing_state},
                             {"mrz.f.number", f->document_number},
                             {"mrz.f.surname", f->surname},
                             {"mrz.f.given", f->given_names},
                             {"mrz.f.nationality", f->nationality},
                             {"mrz.f.sex", f->sex},
                             {"mrz.f.optional", f->optional_data}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++, yy += 23) {
        dl_box(dl, dl_line_box(x + 16, yy, 200 - 24)); /* the name's column */
        dl_text(dl, x + 16, yy, 14, C_DIM, 0, 0, "%s", desk_tr(st, rows[i][0]));
        dl->cmd[dl->n - 1].max_w = 200 - 24;
        dl_box(dl, dl_line_box(x + 200, yy, p.w - 216));
        dl_text(dl, x + 200, yy, 14, C_TEXT, 1, 0, "%s", rows[i][1]);
        dl->cmd[dl->n - 1].dir = 1;
        dl->cmd[dl->n - 1].max_w = p.w - 216;
    }
    /* the reader's own findings stay in English: they quote the MRZ's fields */
    dl_box(dl, p);
    for (int i = 0; i < r.n_issues && i < 6 && yy < p.y + p.h - 20; i++) {
        dl_text(dl, x + 16, yy + 6, 14, C_RED, 0, 0, "%s: %.60s", r.issues[i].field,
                r.issues[i].message);
        draw_cmd *c = &dl->cmd[dl->n - 1];
        c->dir = 1, c->max_w = -(p.w - 32), c->lines = 2;
        yy += desk_text_lines(st, c) * DESK_LINE_H(14) + 4;
    }
}

/* ------------------------------------------------------------ the specimen */

static int plates_meet(desk_rect a, desk_rect b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* A feature's number on the specimen: small, on a plate of its own at the
 * outline's corner (desk_layout.h: the one exception to the smallest size),
 * moved along the outline's top past the plates already placed (placed[0..
 * *n_placed)), so that features sharing a corner keep both numbers readable. */
static void feature_number(draw_list *dl, int x, int y, const char *n, desk_rect *placed,
                           int *n_placed) {
    desk_rect plate = {x, y, 12 + 8 * (int)strlen(n), 18};
    for (int i = 0; i < *n_placed; i++)
        if (plates_meet(plate, placed[i])) plate.x = placed[i].x + placed[i].w + 2, i = -1;
    placed[(*n_placed)++] = plate;
    dl_fill(dl, plate, C_DIALOG);
    dl_box(dl, plate);
    dl_text(dl, plate.x + plate.w / 2, plate.y + 13, DESK_TEXT_LABEL_PX, C_ACCENT, 1, 1, "%s", n);
    dl->cmd[dl->n - 1].label = 1;
}

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
    dl_box(dl, p);
    dl_text(dl, x + 16, y + 28, 17, C_ACCENT, 1, 0, "%s", desk_tr(st, "ref.title"));
    char tkey[64];
    snprintf(tkey, sizeof tkey, "template.%s", in->template_id);
    const char *tname = desk_tr(st, tkey);
    if (!strcmp(tname, tkey)) tname = in->name; /* no translation: the template's own name */
    dl_text(dl, x + 16, y + 50, 14, C_DIM, 0, 0, "%s",
            desk_fmt(st, buf, sizeof buf, "ref.under", 0, 0, NULL, desk_light_label(st, st->light),
                     tname));
    draw_cmd *under = &dl->cmd[dl->n - 1];
    under->max_w = -(p.w - 32), under->lines = 2; /* an academy's long name: a second line */
    int iy = y + 50 + (desk_text_lines(st, under) - 1) * DESK_LINE_H(14) + 16;
    if (in->no_reference) { /* an academy's capture without its genuine twin */
        dl_text(dl, x + 16, iy + 24, 15, C_TEXT, 0, 0, "%s", desk_tr(st, "ref.none_captured"));
        dl->cmd[dl->n - 1].max_w = -(p.w - 32);
        return;
    }
    double k = fmin((p.w - 32) / ds->mm_w, 240 / ds->mm_h);
    int iw = (int)(ds->mm_w * k), ih = (int)(ds->mm_h * k), ix = x + 16;
    dl_tex(dl, TEX_REF, d, st->light, st->docs[d].side, (desk_rect){ix, iy, iw, ih});
    int yy = iy + ih + 24, shown = 0, row_lines = 1, n_plates = 0;
    desk_rect plates[10];
    const int col_w = (p.w - 32) / 2, lh = DESK_LINE_H(14);
    for (int i = 0; i < in->n_features; i++) {
        const desk_feature *f = &in->features[i];
        int under_light = (f->lights & LIGHT_BIT(st->light)) != 0 && f->side == st->docs[d].side;
        if (!under_light) continue;
        /* the specimen keeps its own orientation: in a mirrored screen, mirror
         * the outline inside it so the outline lands on the feature */
        int fx = desk_rtl(st) ? ix + iw - (int)((f->x_mm + f->w_mm) * k) : ix + (int)(f->x_mm * k);
        dl_frame(dl,
                 (desk_rect){fx, iy + (int)(f->y_mm * k), (int)(f->w_mm * k), (int)(f->h_mm * k)},
                 1, C_ACCENT);
        if (shown < 10 && !(f->w_mm >= ds->mm_w - 1 && f->h_mm >= ds->mm_h - 1)) {
            char key[48], n[16];
            snprintf(key, sizeof key, "feature.%s", f->kind);
            desk_num(st, shown + 1, n, sizeof n);
            feature_number(dl, fx, iy + (int)(f->y_mm * k), n, plates, &n_plates);
            const char *label = desk_tr(st, key);
            if (!strcmp(label, key)) label = f->kind; /* an academy's own word for it */
            /* two columns; a long name takes a second line */
            if (shown % 2 == 0 && shown) yy += row_lines * lh + 4, row_lines = 1;
            int cx = x + 16 + (shown % 2) * col_w;
            dl_box(dl, (desk_rect){cx - 2, yy - 18, col_w - 4, 28 + lh});
            dl_text(dl, cx, yy, 14, C_TEXT, 0, 0, "%s  %s", n, label);
            draw_cmd *c = &dl->cmd[dl->n - 1];
            c->max_w = -(col_w - 10), c->lines = 2;
            int l = desk_text_lines(st, c);
            if (l > row_lines) row_lines = l;
            shown++;
        }
    }
    dl_box(dl, p);
    if (!shown) dl_text(dl, x + 16, yy, 14, C_DIM, 0, 0, "%s", desk_tr(st, "ref.none"));
    const desk_rect cb = desk_layout.ref_compare; /* side by side, larger */
    dl_fill(dl, cb, C_BUTTON);
    dl_frame(dl, cb, 1, 0xFF6A625Cu);
    dl_box(dl, cb);
    dl_text(dl, cb.x + cb.w / 2, cb.y + cb.h / 2 + 6, 15, C_TEXT, 0, 1, "%s",
            desk_tr(st, "btn.compare"));
    dl->cmd[dl->n - 1].max_w = cb.w - 8;
    desk_draw_ref_loupe(st, dl, d, (desk_rect){ix, iy, iw, ih}, k);
}

/* ------------------------------------------------------------ the help */

/* Every key and what it does: help.k1, help.d1, ... as far as the
 * catalogue goes, each description wrapped to the room beside its key and
 * the rows spaced to fill the box. */
void desk_draw_help(const desk_state *st, draw_list *dl) {
    const desk_rect p = desk_layout.help;
    const int key_w = 190, desc_w = p.w - key_w - 44, lh = DESK_LINE_H(15);
    dl_fill(dl, p, C_DIALOG);
    dl_frame(dl, p, 2, C_ACCENT);
    dl_box(dl, p);
    dl_text(dl, p.x + 20, p.y + 34, 20, C_ACCENT, 1, 0, "%s", desk_tr(st, "help.title"));
    const char *keys[40], *descs[40];
    int lines[40], n = 0, total = 0;
    for (; n < 40; n++) {
        char k[16], d[16];
        snprintf(k, sizeof k, "help.k%d", n + 1);
        snprintf(d, sizeof d, "help.d%d", n + 1);
        keys[n] = desk_tr(st, k), descs[n] = desk_tr(st, d);
        if (!strcmp(keys[n], k)) break; /* the last row */
        draw_cmd c = {.kind = DRAW_TEXT, .text = descs[n], .size = 15, .max_w = -desc_w};
        total += lines[n] = desk_text_lines(st, &c);
    }
    int top = p.y + 64, room = p.y + p.h - 12 - top;
    int gap = n ? (room - total * lh) / n : 0;
    gap = gap > 10 ? 10 : gap < 0 ? 0 : gap;
    for (int i = 0, y = top + 14; i < n; y += lines[i] * lh + gap, i++) {
        dl_box(dl, dl_line_box(p.x + 24, y, key_w - 12));
        dl_text(dl, p.x + 24, y, 15, C_ACCENT, 1, 0, "%s", keys[i]);
        const desk_rect line = dl_line_box(p.x + 24 + key_w, y, desc_w);
        dl_box(dl, (desk_rect){line.x, line.y, line.w, line.h + (lines[i] - 1) * lh});
        dl_text(dl, p.x + 24 + key_w, y, 15, C_TEXT, 0, 0, "%s", descs[i]);
        dl->cmd[dl->n - 1].max_w = -desc_w;
    }
}
