/* desk_layout.c - see desk_layout.h. */
#include "desk_layout.h"

#include "desk.h"

const desk_layout_table desk_layout =
    {
        .screen = {0, 0, DESK_W, DESK_H},
        .top_bar = {0, 0, DESK_W, 36},
        .traveler = {0, 36, 282, DESK_H - 36},
        .face = {16, 46, 160, 198},
        .face_alone = {20, 56, 242, 300},
        .companion = {184, 46, 80, 99},
        .questions = {16, 252, 250, 468 - 252},
        .question_rows = 8,
        .answer = {16, 472, 250, 118},
        .desk = {290, 46, 1270 - 290, 612 - 46},
        .toolbar = {282, 616, DESK_W - 282, DESK_H - 616},
        .status = {14, 654, 254, DESK_H - 654},
        .buttons =
            {
                [DESK_BTN_LIGHT0] = {{296, 626, 85, 36}, "btn.light0"},
                [DESK_BTN_LIGHT1] = {{385, 626, 85, 36}, "btn.light1"},
                [DESK_BTN_LIGHT2] = {{474, 626, 85, 36}, "btn.light2"},
                [DESK_BTN_LIGHT3] = {{563, 626, 85, 36}, "btn.light3"},
                [DESK_BTN_LIGHT4] = {{652, 626, 85, 36}, "btn.light4"},
                [DESK_BTN_LIGHT5] = {{741, 626, 85, 36}, "btn.light5"},
                [DESK_BTN_LOUPE] = {{834, 626, 74, 36}, "btn.loupe"},
                [DESK_BTN_MRZ] = {{912, 626, 88, 36}, "btn.mrz"},
                [DESK_BTN_REF] = {{1004, 626, 96, 36}, "btn.ref"},
                [DESK_BTN_FLAG] = {{1104, 626, 84, 36}, "btn.flag"},
                [DESK_BTN_ADMIT] = {{296, 670, 90, 36}, "btn.admit"},
                [DESK_BTN_REFUSE] = {{390, 670, 120, 36}, "btn.refuse"},
                [DESK_BTN_SECOND] = {{514, 670, 114, 36}, "btn.second"},
                [DESK_BTN_PROTECT] = {{632, 670, 106, 36}, "btn.protect"},
                [DESK_BTN_OPEN] = {{742, 670, 106, 36}, "btn.open"},
                [DESK_BTN_TURN] = {{852, 670, 96, 36}, "btn.turn"},
                [DESK_BTN_IDENT] = {{952, 670, 100, 36}, "btn.ident"},
                [DESK_BTN_SYS] = {{1056, 670, 106, 36}, "btn.sys"},
                [DESK_BTN_HELP] = {{1192, 626, 78, 36}, "btn.help"},
                [DESK_BTN_LANG] = {{1166, 670, 104, 36}, "btn.lang"},
                [DESK_BTN_INTERP] = {{16, 624, 250, 28}, "btn.interpreter"},
                [DESK_BTN_ALONE] = {{16, 593, 250, 28}, "btn.alone"},
                [DESK_BTN_QUIT] = {{1184, 4, 90, 28}, "btn.quit"},
            },
        .menu = {460, 150, 540, 44},
        .menu_row_h = 30,
        .menu_foot = 16,
        .note = {460, 150, 540, 150},
        .note_field = {460 + 16, 150 + 72, 540 - 32, 34},
        .confirm = {460, 150, 540, 180},
        .confirm_yes = {460 + 60, 150 + 120, 180, 40},
        .confirm_no = {460 + 300, 150 + 120, 180, 40},
        .confirm_reasons = {460 + 16, 150 + 52, 540 - 32, 30},
        .mrz_panel = {720, 56, 540, 540},
        .ref_panel = {780, 56, 484, 540},
        .transcript = {780, 56, 484, 540},
        .compare = {290, 46, 980, 566},
        .findings = {780, 56, 484, 540},
        .findings_line = {14, 654, 254, 20},
        .ref_compare = {796, 552, 220, 32},
        .quit = {400, 150, 480, 236},
        .quit_yes = {400 + 30, 150 + 176, 200, 40},
        .quit_no = {400 + 250, 150 + 176, 200, 40},
        .help = {296, 44, 968, 570},
        .summary_top = 60,
        .text =
            {
                /* the row is 250 px: 6 px either side; a second line when the
                 * question needs it (desk_column_layout) */
                [DESK_TEXT_QUESTION] = {"a row of the question list", 14, 0, 250 - 12, 2},
                /* the menu's 540 px less its number's 44 and a 20 px margin */
                [DESK_TEXT_ASK] = {"a row of the question menu", 15, 0, 540 - 64, 0},
                /* 118 px high for six lines, taller upward for up to eight (the
                 * question list then shows fewer rows): the first baseline 18 px
                 * down (36 under the language's name), 18 px a line */
                [DESK_TEXT_ANSWER] = {"the answer panel", 14, 0, 250 - 12, 8},
                [DESK_TEXT_ANSWER_FOREIGN] = {"the answer panel under its language", 14, 0,
                                              250 - 12, 7},
                /* the column beside the face: 90 px, under the companion's
                 * picture (99 px) down to the face's foot */
                [DESK_TEXT_COMPANION] = {"the label under the companion", 14, 1, 86, 4},
                [DESK_TEXT_COMPANION_APART] = {"the column beside the face", 14, 0, 86, 10},
                /* under the face, the column's width */
                [DESK_TEXT_NEEDS] = {"the column under the face", 14, 0, 250 - 4, 2},
                [DESK_TEXT_CARRIES] = {"the column under the face", 14, 0, 250 - 4, 4},
            },
};

int desk_rect_hit(desk_rect r, int x, int y) {
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

int desk_layout_button_at(int x, int y) {
    for (int i = 0; i < DESK_BTN_COUNT; i++)
        if (desk_rect_hit(desk_layout.buttons[i].r, x, y)) return i;
    return -1;
}

desk_rect desk_layout_menu_box(int rows) {
    desk_rect m = desk_layout.menu;
    m.h += rows * desk_layout.menu_row_h + desk_layout.menu_foot;
    return m;
}

desk_rect desk_layout_menu_row(int i) {
    const desk_rect m = desk_layout.menu;
    return (desk_rect){m.x, m.y + m.h + i * desk_layout.menu_row_h, m.w, desk_layout.menu_row_h};
}

int desk_layout_menu_row_at(int x, int y, int rows) {
    for (int i = 0; i < rows; i++)
        if (desk_rect_hit(desk_layout_menu_row(i), x, y)) return i;
    return -1;
}

desk_person_rows desk_layout_person(int companion, int apart, int needs) {
    const desk_rect face = desk_layout.face, cf = desk_layout.companion;
    desk_person_rows r = {cf.x, 0, face.x, 0, 0, 0};
    if (companion) r.companion_y = apart ? face.y + 16 : cf.y + cf.h + 18;
    int y = face.y + face.h + 20; /* under the face */
    const desk_text_box *n = &desk_layout.text[DESK_TEXT_NEEDS];
    if (needs) {
        r.needs_y = y;
        y += DESK_LINE_H(n->size) * n->lines;
    }
    r.carries_y = y;
    r.carries_lines = desk_layout.text[DESK_TEXT_CARRIES].lines;
    return r;
}

/* Rows close up for a long session so every case fits on the desk (down to
 * 20 px for DESK_MAX_TRAVELERS: still one row's 14 px words off the next's,
 * Arabic's too; the layout test holds the longest session to it). */
static int summary_row_h(int n) {
    return n > 24 ? 20 : n > 20 ? 22 : 24;
}

/* ... and start higher: 28 rows of 20 px end at the desk's foot. */
static int summary_top(int n) {
    return n > 24 ? desk_layout.summary_top - 10 : desk_layout.summary_top;
}

desk_rect desk_layout_summary_row(int r, int n) {
    int h = summary_row_h(n);
    return (desk_rect){0, summary_top(n) + r * h, DESK_W, h};
}

int desk_layout_summary_row_at(int y, int n) {
    if (y < summary_top(n)) return -1;
    return (y - summary_top(n)) / summary_row_h(n);
}
