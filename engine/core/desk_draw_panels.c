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
#include "mrz.h"
#include "scenario.h"

/* ------------------------------------------------------------ the traveler */

/* The language the traveler's answers reach the officer in: the interface's
 * when the traveler speaks it or an interpreter is there, else the
 * traveler's own (which the officer may not read: that is the point). */
static int answer_language(const desk_state *st, int *foreign) {
    const desk_traveler *t = desk_current_traveler(st);
    *foreign = 0;
    if (t->n_speaks == 0 || st->interpreter) return st->lang;
    const char *ui = st->n_langs ? i18n_lang(st->langs[st->lang]) : "en";
    for (int i = 0; i < t->n_speaks; i++)
        if (!strcmp(t->speaks[i], ui)) return st->lang;
    for (int l = 0; l < st->n_langs; l++)
        if (!strcmp(i18n_lang(st->langs[l]), t->speaks[0])) {
            *foreign = 1;
            return l;
        }
    *foreign = 1;
    return st->lang;
}

/* What an officer sees of them: a companion, a need, what they carry. */
static void draw_person(const desk_state *st, draw_list *dl) {
    const desk_traveler *t = desk_current_traveler(st);
    dl_tex(dl, TEX_FACE, st->traveler, 0, 0, desk_layout.face);
    dl_frame(dl, desk_layout.face, 2, 0xFF57504Au);
    int x = desk_layout.face.x + desk_layout.face.w + 8, y = 62;
    if (t->companion && !st->separated) { /* the person beside them, and who they say they are */
        const desk_rect cf = desk_layout.companion;
        dl_tex(dl, TEX_COMPANION, st->traveler, 0, 0, cf);
        dl_frame(dl, cf, 1, 0xFF57504Au);
        char key[48], buf[160];
        snprintf(key, sizeof key, "relationship.%s", scn_relationship_name(t->companion_rel));
        dl_text(dl, x, cf.y + cf.h + 14, 12, C_ACCENT, 1, 0, "%s",
                desk_fmt(st, buf, sizeof buf, "traveler.companion_with", 0, 0, desk_tr(st, key),
                         NULL, NULL));
        dl->cmd[dl->n - 1].max_w = -90;
        y = cf.y + cf.h + 46;
    } else if (t->companion) {
        dl_text(dl, x, y, 12, C_DIM, 1, 0, "%s", desk_tr(st, "traveler.companion_apart"));
        dl->cmd[dl->n - 1].max_w = -90; /* wrap to 90 px */
        y += 52;
    }
    if (t->needs[0]) {
        dl_text(dl, x, y, 12, C_ACCENT, 0, 0, "%s", desk_scn_text(st, st->lang, t->needs));
        dl->cmd[dl->n - 1].max_w = -90;
        y += 52;
    }
    for (int i = 0; i < t->n_carries && y < 236; i++, y += 34) {
        dl_text(dl, x, y, 12, C_DIM, 0, 0, "%s", desk_scn_text(st, st->lang, t->carries[i]));
        dl->cmd[dl->n - 1].max_w = -90;
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
        dl_text(dl, row.x + 6, row.y + 18, 13, st->asked[av[r]] ? C_DIM : C_TEXT, 0, 0, "%s",
                desk_scn_text(st, st->lang, q->text));
        dl->cmd[dl->n - 1].max_w = row.w - 12;
    }
}

/* The last answer, as the officer hears it. */
static void draw_answer(const desk_state *st, draw_list *dl) {
    const desk_traveler *t = desk_current_traveler(st);
    const desk_rect box = desk_layout.answer;
    char buf[256];
    int foreign, l = answer_language(st, &foreign);
    dl_fill(dl, box, 0xFF15110Eu);
    int y = box.y + 18;
    if (foreign) {
        char name[32];
        snprintf(name, sizeof name, "lang.%s", t->speaks[0]);
        desk_fmt(st, buf, sizeof buf, "interview.foreign", 0, 0, NULL, NULL, desk_tr(st, name));
        dl_text(dl, box.x + 6, y, 12, C_ACCENT, 1, 0, "%s", buf);
        y += 18;
    }
    dl_text(dl, box.x + 6, y, 13, C_TEXT, 0, 0, "%s", desk_scn_text(st, l, st->answer));
    dl->cmd[dl->n - 1].max_w = -(box.w - 12); /* negative: wrap */
    /* the answer keeps its own language's direction */
    if (l < st->n_langs) dl->cmd[dl->n - 1].dir = i18n_rtl(st->langs[l]) ? 2 : 1;
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

/* The top document's MRZ as read: its lines, the format and whether it is
 * valid, each field, and the reader's issues. */
void desk_draw_mrz_panel(const desk_state *st, draw_list *dl) {
    const desk_rect p = desk_layout.mrz_panel;
    int x = p.x, y = p.y;
    dl_fill(dl, p, C_PANEL);
    dl_frame(dl, p, 2, C_ACCENT);
    dl_text(dl, x + 16, y + 30, 18, C_ACCENT, 1, 0, "%s", desk_tr(st, "mrz.title"));
    int d = desk_top_doc(st);
    const desk_doc_info *in = d >= 0 ? &st->info[d] : NULL;
    if (!in || in->mrz_lines == 0 || st->docs[d].closed) {
        dl_text(dl, x + 16, y + 64, 15, C_TEXT, 0, 0, "%s", desk_tr(st, "mrz.put_open"));
        return;
    }
    char joined[160] = "";
    for (int l = 0; l < in->mrz_lines; l++) {
        strncat(joined, in->mrz[l], sizeof joined - strlen(joined) - 2);
        strcat(joined, "\n");
        dl_text(dl, x + 16, y + 64 + l * 22, 11, C_TEXT, 0, 0, "%s", in->mrz[l]);
    }
    mrz_result r;
    mrz_parse(joined, strlen(joined), &r);
    int yy = y + 64 + in->mrz_lines * 22 + 16;
    dl_text(dl, x + 16, yy, 16, r.valid ? C_GREEN : C_RED, 1, 0, "%s  %s",
            r.format >= 0 ? mrz_format_name(r.format) : desk_tr(st, "mrz.unreadable"),
            desk_tr(st, r.valid ? "mrz.valid" : "mrz.invalid"));
    yy += 28;
    const mrz_fields *f = &r.fields;
    const char *rows[][2] = {
        {"mrz.f.document", f->document_code}, {"mrz.f.state", f->issuing_state},
        {"mrz.f.number", f->document_number}, {"mrz.f.surname", f->surname},
        {"mrz.f.given", f->given_names},      {"mrz.f.nationality", f->nationality},
        {"mrz.f.birth", f->birth_date},       {"mrz.f.sex", f->sex},
        {"mrz.f.expiry", f->expiry_date},     {"mrz.f.optional", f->optional_data}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++, yy += 22) {
        dl_text(dl, x + 16, yy, 14, C_DIM, 0, 0, "%s", desk_tr(st, rows[i][0]));
        dl_text(dl, x + 170, yy, 14, C_TEXT, 1, 0, "%s", rows[i][1]);
    }
    /* the reader's own findings stay in English: they quote the MRZ's fields */
    for (int i = 0; i < r.n_issues && i < 6; i++, yy += 20)
        dl_text(dl, x + 16, yy + 6, 13, C_RED, 0, 0, "%s: %.60s", r.issues[i].field,
                r.issues[i].message);
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
}

/* ------------------------------------------------------------ the help */

/* Every key and what it does. */
void desk_draw_help(const desk_state *st, draw_list *dl) {
    const desk_rect p = desk_layout.help;
    dl_fill(dl, p, C_DIALOG);
    dl_frame(dl, p, 2, C_ACCENT);
    dl_text(dl, p.x + 20, p.y + 34, 20, C_ACCENT, 1, 0, "%s", desk_tr(st, "help.title"));
    for (int i = 1; i <= 17; i++) {
        char k[16], d[16];
        snprintf(k, sizeof k, "help.k%d", i);
        snprintf(d, sizeof d, "help.d%d", i);
        dl_text(dl, p.x + 24, p.y + 40 + i * 30, 15, C_ACCENT, 1, 0, "%s", desk_tr(st, k));
        dl_text(dl, p.x + 170, p.y + 40 + i * 30, 15, C_TEXT, 0, 0, "%s", desk_tr(st, d));
    }
}
