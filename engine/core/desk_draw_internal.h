/* desk_draw_internal.h - what the desk's drawing files share: the palette,
 * the draw list's primitives and the texts every screen part needs.
 *
 *   desk_draw.c          desk_draw: the top bar, the desk and its documents,
 *                        the toolbar, the status line, the dialogs
 *   desk_draw_panels.c   the traveler and the interview, the MRZ reader, the
 *                        reference specimen, the help
 *   desk_draw_debrief.c  the debrief of a case
 *   desk_draw_results.c  the session's summary
 *   desk_draw_tutorial.c a tutorial's banner, debrief and summary row
 *
 * Everything is drawn left to right at the places desk_layout gives;
 * desk_draw mirrors the whole list for a right-to-left language.
 */
#ifndef BL_DESK_DRAW_INTERNAL_H
#define BL_DESK_DRAW_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "desk_internal.h"

#define C_BG          0xFF2B2520u /* booth wall */
#define C_DESK        0xFF3A4A5Cu /* desk top (brown-grey, ABGR) */
#define C_PANEL       0xF8221D19u /* the MRZ reader, the reference: dark enough for red words */
#define C_PANEL_SOLID 0xFF221D19u /* a tool's screen: nothing shows through */
#define C_DIALOG      0xFF201C18u /* menus, dialogs, the help: opaque, nothing shows through */
#define C_BAR         0xFF1A1613u /* the top bar, the toolbar */
#define C_TEXT        0xFFEDEDEDu
#define C_DIM         0xFFB0B0B0u
#define C_ACCENT      0xFF3FC8F0u /* amber */
#define C_RED         0xFF5050F0u /* light enough to read on the dark panels */
#define C_GREEN       0xFF70D090u
#define C_BUTTON      0xFF4A423Cu
#define C_BUTTON_ON   0xFF8A6A3Au
#define C_FLAG_TAG    0xF81E1E8Cu /* a finding's tag: dark red under white words */
#define C_FLAG_BOX    0xFF2828C0u /* its delete box */

#define DESK_FLAG_BOX 28 /* a finding's delete box, and its tag's height */

/* ------------------------------------------------------------ primitives */

/* Each appends one command (nothing when the list is full). */
draw_cmd *dl_push(draw_list *dl, draw_kind k);
void dl_fill(draw_list *dl, desk_rect r, uint32_t rgba);
void dl_frame(draw_list *dl, desk_rect r, int thick, uint32_t rgba);
/* A frame drawn solid, dashed or dotted (DESK_LINE_*, desk.h): what tells a
 * found defect from a missed one and a false finding without colour
 * (red-green colour blindness), as fills; solid is one DRAW_FRAME. */
void dl_frame_pattern(draw_list *dl, desk_rect r, int thick, int pattern, uint32_t rgba);
void dl_tex(draw_list *dl, int tex, int a, int b, int c, desk_rect r);
/* Text at (x, y): the baseline's left end, centre or right end (align 0,
 * 1, 2); the string is kept in the list's store. */
void dl_text(draw_list *dl, int x, int y, int size, uint32_t rgba, int bold, int align,
             const char *fmt, ...) DESK_PRINTF(8, 9);

/* The box the texts added next belong to (draw_cmd.box; w 0: none). Each
 * part of the screen sets its own before it writes; desk_draw clears it
 * between parts, so a text nobody boxed is found by the layout test. */
void dl_box(draw_list *dl, desk_rect box);
/* Gives a text its box, and a one-line text with no width of its own the
 * room its anchor has there (it shrinks to fit, desk_fit.h). dl_text calls
 * it with the list's box; call it again to box one text otherwise. */
void dl_fit_box(draw_cmd *c, desk_rect box);

/* The box of one line of 14-16 px text whose baseline is at y, w wide
 * from x: room above for Latin capitals with accents, below for Arabic's
 * deepest letters (ink from about 1 em above the baseline to 0.5 em under). */
static inline desk_rect dl_line_box(int x, int y, int w) {
    return (desk_rect){x - 2, y - 18, w + 4, 28};
}

/* Right to left: every command's place mirrored across the screen (text
 * anchors flip side; pictures keep their own orientation). */
void dl_mirror(draw_list *dl);

/* A button of the layout table, lit when on. */
void desk_draw_button(const desk_state *st, draw_list *dl, int b, int on);

/* ------------------------------------------------------------ texts */

/* The lines a text command takes as drawn (at most its `lines`): measured
 * by the app's text layout when the desk has it (desk_set_measure), else a
 * rough count (characters times an average advance). */
int desk_text_lines(const desk_state *st, const draw_cmd *c);
/* The width a one-line text command takes as drawn (desk_set_measure_width;
 * else an estimate). */
int desk_text_width(const desk_state *st, const draw_cmd *c);

/* A catalogue text in the interface's language (the key without one). */
const char *desk_tr(const desk_state *st, const char *key);

/* A number in the interface language's digits. */
const char *desk_num(const desk_state *st, long n, char *buf, size_t cap);

/* A catalogue text with {n}, {total}, {kind}, {light}, {name} filled in. */
const char *desk_fmt(const desk_state *st, char *out, size_t cap, const char *key, long n,
                     long total, const char *kind, const char *light, const char *name);

/* The compare view and the loupe over the reference panel's specimen
 * (pic: where it is drawn, k: its px per mm) (desk_draw_compare.c). */
void desk_draw_compare(const desk_state *st, draw_list *dl);
void desk_draw_ref_loupe(const desk_state *st, draw_list *dl, int d, desk_rect pic, double k);

/* The transcript panel and the findings list (desk_draw_transcript.c). */
void desk_draw_findings_list(const desk_state *st, draw_list *dl);
void desk_draw_transcript(const desk_state *st, draw_list *dl);

/* A date as the interface's language writes it: "29 May 2034" (Arabic-Indic
 * digits in Arabic). */
const char *desk_date_text(const desk_state *st, bl_date d, char *out, size_t cap);

/* A light's name, shown. */
const char *desk_light_label(const desk_state *st, int light);

/* A string of traveler i's scenario in interface language `lang` (an index
 * of st->langs), falling back to the scenario's English, then the key. */
const char *desk_scn_text_of(const desk_state *st, int i, int lang, const char *key);
/* The same, of the traveler at the counter. */
const char *desk_scn_text(const desk_state *st, int lang, const char *key);
/* The catalogue those texts come from (NULL: none). */
const i18n *desk_scn_catalogue(const desk_state *st, int lang);
/* The direction of that text (draw_cmd.dir: 1 left to right, 2 right to
 * left): its language's, whatever the interface's (desk_text_dir). */
int desk_scn_dir(const desk_state *st, int lang, const char *key);

/* Catalogue keys: a decision's name (index desk_decision; 0 none), a
 * protection referral's (index desk_protection; 0 none), a competency's. */
extern const char *const desk_decision_keys[DECIDE_COUNT];
extern const char *const desk_protection_keys[PROTECT_COUNT];
extern const char *const desk_competency_keys[4];

/* ------------------------------------------------------------ parts */

void desk_draw_traveler(const desk_state *st, draw_list *dl);
void desk_draw_mrz_panel(const desk_state *st, draw_list *dl);
void desk_draw_ref_panel(const desk_state *st, draw_list *dl);
void desk_draw_help(const desk_state *st, draw_list *dl);
void desk_draw_debrief(const desk_state *st, draw_list *dl);
void desk_draw_summary(const desk_state *st, draw_list *dl);

/* A tutorial (desk_tutorial.h): the microtext outlined for the loupe step
 * (under the panels and the loupe), the instruction's banner (under the
 * dialogs), its debrief and summary row (each 1 when it drew one, in place
 * of a case's). */
void desk_draw_tutorial_marks(const desk_state *st, draw_list *dl);
void desk_draw_tutorial(const desk_state *st, draw_list *dl);
int desk_draw_tutorial_debrief(const desk_state *st, draw_list *dl);
int desk_draw_tutorial_row(const desk_state *st, draw_list *dl, int i, int y);

#endif
