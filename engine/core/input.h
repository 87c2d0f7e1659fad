/* input.h - the desk's input events, and the text file they are recorded in.
 *
 * Events are platform-neutral (the SDL layer translates its own into these),
 * in the desk's logical 1280x720 coordinates. A recording is a text file, one
 * event per line, replayed at a fixed time step:
 *
 *   # borderlab input v1          comment lines start with '#'
 *   @0 move 640 360               @FRAME: the frame the event happens on
 *   @12 down left 640 360         buttons: left, right, middle
 *   @14 up left 700 380
 *   @20 wheel 1                   +1 away from the user (zoom in), -1 toward
 *   @30 key 2                     keys by name (see input_key_name)
 *   @31 text "a note"             typed text, JSON-style escapes
 *   @40 resize 1920 1080          the window's new size
 *   @41 focus_lost
 *   @50 screenshot uv_on          write a screenshot named uv_on.png
 *   @55 ask purpose               a question by its id (a recording that
 *                                 survives changes to the menu's order)
 *   @60 quit
 *
 * Frames must not decrease. A line without "@FRAME" happens on the frame of
 * the line before it.
 */
#ifndef BL_INPUT_H
#define BL_INPUT_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"

typedef enum {
    EV_MOVE,
    EV_DOWN,
    EV_UP,
    EV_WHEEL,
    EV_KEY,
    EV_TEXT,
    EV_RESIZE,
    EV_FOCUS_LOST,
    EV_QUIT,
    EV_SCREENSHOT, /* not an input: a request to the player */
    EV_ASK,        /* a question by its id, as a click on it would ask it */
    EV_KIND_COUNT
} input_kind;

typedef enum {
    KEY_NONE,
    KEY_1,
    KEY_2,
    KEY_3,
    KEY_4,
    KEY_5,
    KEY_6,
    KEY_7,
    KEY_8,
    KEY_9,
    KEY_0,
    KEY_F1,
    KEY_F2,
    KEY_ESCAPE,
    KEY_RETURN,
    KEY_BACKSPACE,
    KEY_TAB,
    KEY_DELETE,
    KEY_UP,
    KEY_DOWN,
    KEY_LEFT,
    KEY_RIGHT,
    KEY_PLUS,
    KEY_MINUS,
    KEY_A,
    KEY_F,
    KEY_L,
    KEY_M,
    KEY_N,
    KEY_O,
    KEY_P,
    KEY_R,
    KEY_S,
    KEY_T,
    KEY_X,
    KEY_Y,
    KEY_Q,
    KEY_I,
    KEY_C,
    KEY_G,
    KEY_H,
    KEY_V,
    KEY_E,
    KEY_K,        /* skips a tutorial */
    KEY_LBRACKET, /* "[": tilt the document towards the viewer */
    KEY_RBRACKET, /* "]": tilt it away */
    KEY_PAGEUP,   /* a passport's previous page */
    KEY_PAGEDOWN, /* its next page */
    KEY_B,        /* the identity checks: chip, face, fingerprints */
    KEY_COUNT
} input_key;

typedef enum { BUTTON_LEFT = 1, BUTTON_MIDDLE = 2, BUTTON_RIGHT = 3 } input_button;

typedef struct input_event {
    long frame;
    input_kind kind;
    int x, y;      /* move, down, up: logical position; resize: new size */
    int button;    /* down, up */
    int wheel;     /* wheel steps */
    int key;       /* input_key */
    char text[64]; /* text (UTF-8), screenshot name or question id */
} input_event;

const char *input_key_name(int key);       /* "1", "f1", "escape", "a" ...; NULL if out of range */
int input_key_from_name(const char *name); /* KEY_NONE when unknown */

typedef struct input_script {
    input_event *ev;
    int n, cap;
} input_script;

/* Parses a recording. Errors name the line: "input.txt:7: unknown key 'f13'". */
int input_parse(input_script *s, const char *text, size_t len, const char *name, bl_err *err);
void input_free(input_script *s);

/* Writes one event as a line of the format above (recording). */
void input_write(FILE *f, const input_event *e);

#endif
