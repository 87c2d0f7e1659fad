/* desk_layout.h - where everything is on the desk's screen: the one table of
 * the rectangles that hit-testing (desk_input.c) and drawing (desk_draw*.c)
 * both read, so a button is clicked exactly where it is drawn.
 *
 * Logical 1280x720 px, written once, left to right: in a right-to-left
 * language desk_step mirrors the pointer on the way in and desk_draw mirrors
 * the draw list on the way out.
 *
 *   top bar        y 0..36      title, queue, light, clock
 *   traveler       x 0..282     the person at the counter, the interview
 *   desk           x 290..1270, y 46..612: documents, panels, dialogs
 *   toolbar        y 616..720   lights, tools, decisions
 *
 * Rows (menus, questions, the summary) are computed from the table by the
 * functions below, so no rectangle is written twice.
 */
#ifndef BL_DESK_LAYOUT_H
#define BL_DESK_LAYOUT_H

#define DESK_PX_PER_MM 3.4 /* a document's scale on the desk */

typedef struct desk_rect {
    int x, y, w, h;
} desk_rect;

/* True when (x, y) is inside r (its right and bottom edges excluded). */
int desk_rect_hit(desk_rect r, int x, int y);

/* The toolbar's buttons, and the interpreter's under the interview. */
typedef enum {
    DESK_BTN_LIGHT0, /* one per light, in light_kind order */
    DESK_BTN_LIGHT1,
    DESK_BTN_LIGHT2,
    DESK_BTN_LIGHT3,
    DESK_BTN_LIGHT4,
    DESK_BTN_LIGHT5,
    DESK_BTN_LOUPE,
    DESK_BTN_MRZ,
    DESK_BTN_REF,
    DESK_BTN_FLAG,
    DESK_BTN_ADMIT,
    DESK_BTN_REFUSE,
    DESK_BTN_SECOND,
    DESK_BTN_PROTECT,
    DESK_BTN_OPEN,
    DESK_BTN_TURN,
    DESK_BTN_IDENT, /* the identity checks: chip, face, fingerprints (B) */
    DESK_BTN_SYS,   /* the systems: API and PNR, database checks, registry (Y) */
    DESK_BTN_HELP,
    DESK_BTN_LANG,   /* drawn only with more than one language */
    DESK_BTN_INTERP, /* drawn with the traveler, only with an interview */
    DESK_BTN_ALONE,  /* drawn with the traveler, only with a companion */
    DESK_BTN_QUIT,   /* in the top bar: leave the desk (asks first) */
    DESK_BTN_COUNT
} desk_button_id;

typedef struct desk_button {
    desk_rect r;
    const char *label; /* catalogue key */
} desk_button;

/* How the desk's words fit (the rule tests/test_desk_layout.c holds every
 * screen to, in every language, through desk_verify.h):
 *
 *   - Every text belongs to a box (draw_cmd.box: the panel, dialog, row or
 *     button it is part of) and its ink stays DESK_TEXT_MARGIN px inside it.
 *     A one-line text given no width of its own gets the room its anchor has
 *     in its box (dl_text), so a longer translation shrinks instead of
 *     running out.
 *   - No text is drawn smaller than DESK_TEXT_MIN_PX (14 px of the desk's
 *     1280x720, 21 px of a 1920x1080 window): a line shrinks down to it and
 *     no further. What would not fit even so wraps (a paragraph, a question's
 *     row, the help's lines) or is laid out again; a text cut short is a
 *     fault, like one outside its box or over another.
 *   - The one exception: a number marking a region on a picture (the
 *     specimen's features) may be DESK_TEXT_LABEL_PX, on a backing of its
 *     own; a bigger one would hide the small features it points at, and the
 *     list beside the picture names each number at full size.
 *   - Text stands on a plain backing with a contrast of at least 4.5:1 (3:1
 *     from 24 px, or 19 px bold: WCAG's large text), never straight over a
 *     document's picture. */
#define DESK_TEXT_MIN_PX   14
#define DESK_TEXT_LABEL_PX 12
#define DESK_TEXT_MARGIN   2

/* Baseline to baseline of a wrapped text's lines, px. */
#define DESK_LINE_H(size) ((size)*4 / 3)

/* The places a scenario's words are drawn at (desk_layout.text): what the
 * desk draws them with and what `borderlab check` measures them against. */
typedef enum {
    DESK_TEXT_QUESTION,        /* a question's row in the interview's list (two lines) */
    DESK_TEXT_ASK,             /* a question in the ask menu (Q), after its number */
    DESK_TEXT_ANSWER,          /* the answer panel */
    DESK_TEXT_ANSWER_FOREIGN,  /* the same under "Answers in Arabic:" */
    DESK_TEXT_COMPANION,       /* "With: a relative", under the companion's picture */
    DESK_TEXT_COMPANION_APART, /* "Companion sent out: ...", beside the face */
    DESK_TEXT_NEEDS,           /* a need, under the face */
    DESK_TEXT_CARRIES,         /* the things carried, under the face and the need */
    DESK_TEXT_PLACES
} desk_text_place;

typedef struct desk_text_box {
    const char *name; /* in check's warnings: "the answer panel" */
    int size, bold;   /* px */
    int width;        /* px */
    int lines;        /* 0: one line, shrunk to fit; n: wrapped into at most n lines */
} desk_text_box;

typedef struct desk_layout_table {
    desk_rect screen;
    desk_rect top_bar;
    desk_rect traveler;   /* the column of the person at the counter */
    desk_rect face;       /* their face beside the interview */
    desk_rect face_alone; /* their face without a scenario */
    desk_rect companion;  /* the person with them, beside their face */
    desk_rect questions;  /* the interview's questions, under the person: at most
                             question_rows rows, as many as fit above the answer
                             (desk_internal.h: desk_column_layout) */
    int question_rows;
    desk_rect answer;  /* the last answer, as the officer hears it */
    desk_rect desk;    /* where documents lie (each keeps a corner on it) */
    desk_rect toolbar; /* under the desk, right of the traveler */
    desk_rect status;  /* under the traveler's buttons: the findings count, the status line */
    desk_button buttons[DESK_BTN_COUNT];
    desk_rect menu; /* a menu's title; its rows follow (desk_layout_menu_row) */
    int menu_row_h, menu_foot;
    desk_rect note, note_field; /* a finding's note */
    desk_rect confirm, confirm_yes, confirm_no;
    desk_rect confirm_reasons; /* a refusal's "give the reasons" */
    desk_rect mrz_panel, ref_panel, help;
    desk_rect transcript;              /* the interview so far (H) */
    desk_rect compare;                 /* a document and its specimen side by side (V) */
    desk_rect findings;                /* the list of findings (E), where the transcript is */
    desk_rect findings_line;           /* "Findings: 3" in the corner: a click opens the list */
    desk_rect ref_compare;             /* the reference panel's button to it */
    desk_rect quit, quit_yes, quit_no; /* leave the desk? */
    int summary_top;                   /* the end of the session: the first case's row */
    desk_text_box text[DESK_TEXT_PLACES];
} desk_layout_table;

extern const desk_layout_table desk_layout;

/* The button under a point, or -1 (every button, drawn or not). */
int desk_layout_button_at(int x, int y);

/* A menu of `rows` rows: its box, and row i (a click's target). */
desk_rect desk_layout_menu_box(int rows);
desk_rect desk_layout_menu_row(int i);
/* The row of a `rows`-row menu under a point, or -1. */
int desk_layout_menu_row_at(int x, int y, int rows);

/* Where the traveler's column puts what an officer sees of them: beside the
 * face, under the companion's picture, who the companion is (or, once sent
 * out, at the column's top); under the face, the column's width, the need
 * (desk_layout.text[DESK_TEXT_NEEDS]), then the things carried, one list of
 * at most carries_lines lines (baselines; 0: not shown). The question list
 * follows what they take (desk_column_layout). */
typedef struct desk_person_rows {
    int side_x, companion_y; /* beside the face */
    int x, needs_y;          /* under it */
    int carries_y, carries_lines;
} desk_person_rows;
desk_person_rows desk_layout_person(int companion, int apart, int needs);

/* The summary's rows, one per decided case: row r of a summary of `n`
 * rows (shorter rows for a long session, so every case fits), and the row
 * under a height (only the height counts), or -1 above the first. */
desk_rect desk_layout_summary_row(int r, int n);
int desk_layout_summary_row_at(int y, int n);

#endif
