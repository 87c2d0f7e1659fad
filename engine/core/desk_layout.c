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
        .questions = {16, 268, 250, 26 * 8},
        .question_rows = 8,
        .answer = {16, 480, 250, 118},
        .desk = {290, 46, 1270 - 290, 612 - 46},
        .toolbar = {282, 616, DESK_W - 282, DESK_H - 616},
        .buttons =
            {
                [DESK_BTN_LIGHT0] = {{296, 626, 88, 36}, "btn.light0"},
                [DESK_BTN_LIGHT1] = {{388, 626, 88, 36}, "btn.light1"},
                [DESK_BTN_LIGHT2] = {{480, 626, 88, 36}, "btn.light2"},
                [DESK_BTN_LIGHT3] = {{572, 626, 88, 36}, "btn.light3"},
                [DESK_BTN_LIGHT4] = {{664, 626, 88, 36}, "btn.light4"},
                [DESK_BTN_LOUPE] = {{770, 626, 96, 36}, "btn.loupe"},
                [DESK_BTN_MRZ] = {{870, 626, 96, 36}, "btn.mrz"},
                [DESK_BTN_REF] = {{970, 626, 110, 36}, "btn.ref"},
                [DESK_BTN_FLAG] = {{1084, 626, 96, 36}, "btn.flag"},
                [DESK_BTN_ADMIT] = {{296, 670, 120, 36}, "btn.admit"},
                [DESK_BTN_REFUSE] = {{420, 670, 140, 36}, "btn.refuse"},
                [DESK_BTN_SECOND] = {{564, 670, 150, 36}, "btn.second"},
                [DESK_BTN_PROTECT] = {{718, 670, 150, 36}, "btn.protect"},
                [DESK_BTN_OPEN] = {{890, 670, 120, 36}, "btn.open"},
                [DESK_BTN_TURN] = {{1014, 670, 90, 36}, "btn.turn"},
                [DESK_BTN_HELP] = {{1184, 626, 86, 36}, "btn.help"},
                [DESK_BTN_LANG] = {{1120, 670, 150, 36}, "btn.lang"},
                [DESK_BTN_INTERP] = {{16, 632, 250, 28}, "btn.interpreter"},
                [DESK_BTN_ALONE] = {{16, 601, 250, 28}, "btn.alone"},
                [DESK_BTN_QUIT] = {{1166, 4, 108, 28}, "btn.quit"},
            },
        .menu = {460, 150, 420, 44},
        .menu_row_h = 30,
        .menu_foot = 16,
        .note = {460, 150, 420, 150},
        .note_field = {460 + 16, 150 + 72, 420 - 32, 34},
        .confirm = {460, 150, 420, 180},
        .confirm_yes = {460 + 40, 150 + 120, 150, 40},
        .confirm_no = {460 + 230, 150 + 120, 150, 40},
        .confirm_reasons = {460 + 16, 150 + 52, 420 - 32, 30},
        .mrz_panel = {820, 56, 440, 540},
        .ref_panel = {780, 56, 484, 540},
        .transcript = {780, 56, 484, 540},
        .compare = {290, 46, 980, 566},
        .findings = {780, 56, 484, 540},
        .findings_line = {16, 664, 250, 22},
        .ref_compare = {796, 552, 220, 32},
        .quit = {400, 150, 480, 236},
        .quit_yes = {400 + 30, 150 + 176, 200, 40},
        .quit_no = {400 + 250, 150 + 176, 200, 40},
        .help = {300, 44, 700, 572},
        .summary_top = 189,
        .text =
            {
                /* the row is 250 px: 6 px either side */
                [DESK_TEXT_QUESTION] = {"a row of the question list", 13, 0, 250 - 12, 0},
                /* the menu's 420 px less its number's 44 and a 20 px margin */
                [DESK_TEXT_ASK] = {"a row of the question menu", 15, 0, 420 - 64, 0},
                /* 118 px high: the first baseline 18 px down (36 under the
                 * language's name), 17 px a line */
                [DESK_TEXT_ANSWER] = {"the answer panel", 13, 0, 250 - 12, 6},
                [DESK_TEXT_ANSWER_FOREIGN] = {"the answer panel under its language", 13, 0,
                                              250 - 12, 5},
                [DESK_TEXT_COMPANION] = {"the label under the companion", 12, 1, 90, 2},
                [DESK_TEXT_COMPANION_APART] = {"the column beside the face", 12, 1, 90, 3},
                [DESK_TEXT_NEEDS] = {"the column beside the face", 12, 0, 90, 3},
                [DESK_TEXT_CARRIES] = {"the column beside the face", 12, 0, 90, 12},
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
    desk_person_rows r = {face.x + face.w + 8, 0, 0, 0, 0};
    int y = 62;
    const desk_text_box *with = &desk_layout.text[DESK_TEXT_COMPANION],
                        *apart_box = &desk_layout.text[DESK_TEXT_COMPANION_APART];
    if (companion && !apart) { /* at their picture's foot */
        r.companion_y = cf.y + cf.h + 14;
        y = r.companion_y + DESK_LINE_H(with->size) * with->lines;
    } else if (companion) {
        r.companion_y = y;
        y += DESK_LINE_H(apart_box->size) * apart_box->lines + 4;
    }
    if (needs) {
        const desk_text_box *n = &desk_layout.text[DESK_TEXT_NEEDS];
        r.needs_y = y;
        y += DESK_LINE_H(n->size) * n->lines + 4;
    }
    /* the things carried: every line's baseline above 252 (the question
     * list's title stands at 260) */
    int lh = DESK_LINE_H(desk_layout.text[DESK_TEXT_CARRIES].size);
    r.carries_y = y;
    r.carries_lines = y < 252 ? (252 - 1 - y) / lh + 1 : 0;
    return r;
}

desk_rect desk_layout_question_row(int r) {
    const desk_rect q = desk_layout.questions;
    int h = q.h / desk_layout.question_rows;
    return (desk_rect){q.x, q.y + r * h, q.w, h};
}

/* Rows shrink for a long session so every case fits above the hint. */
static int summary_row_h(int n) {
    return n > 16 ? 16 : 24;
}

desk_rect desk_layout_summary_row(int r, int n) {
    int h = summary_row_h(n);
    return (desk_rect){0, desk_layout.summary_top + r * h, DESK_W, h};
}

int desk_layout_summary_row_at(int y, int n) {
    if (y < desk_layout.summary_top) return -1;
    return (y - desk_layout.summary_top) / summary_row_h(n);
}
