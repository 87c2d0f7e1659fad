/* signin.h - the sign-in screen of a shared workstation: before the desk
 * starts, the trainee types their id and, when several sessions are open,
 * picks one. A state, the events that change it, and the draw list that
 * shows it (the desk's 1280x720, mirrored in a right-to-left language, its
 * words held to the desk's layout rule: tests/test_signin.c).
 *
 * Promises:
 * - Nothing of the previous trainee's is visible: signin_init starts from
 *   an empty field and the first session; the state holds nothing of a
 *   sitting, and the app builds a new desk for every trainee.
 * - An id is accepted only as a session can use it (session_id_ok: letters,
 *   digits, '-', '_', '.'; shorter than SIGNIN_ID_MAX), and, when the academy
 *   keeps a roster, only an id on it; anything else is said on the screen
 *   and the trainee types again.
 * - Keys: typed text goes into the field, Backspace removes the last
 *   character, Up/Down (or Tab) move through the sessions, a click picks one,
 *   Return signs in. The window closing ends the workstation.
 * - Whose name the roster gives is shown only after the id is accepted, on
 *   the desk: the screen never lists the roster's names.
 */
#ifndef BL_SIGNIN_H
#define BL_SIGNIN_H

#include "desk.h"
#include "i18n.h"
#include "input.h"

#define SIGNIN_ID_MAX       64
#define SIGNIN_MAX_SESSIONS 5 /* the rows the screen has */

typedef struct signin_session {
    char file[512]; /* the session file */
    char id[64];
    char title[160];
    int exam;
} signin_session;

typedef struct signin_trainee {
    char id[SIGNIN_ID_MAX];
    char name[128];
    char cohort[64];
} signin_trainee;

typedef enum signin_problem {
    SIGNIN_OK,
    SIGNIN_EMPTY,      /* Return with nothing typed */
    SIGNIN_BAD_ID,     /* characters an id cannot have */
    SIGNIN_TOO_LONG,   /* typing past SIGNIN_ID_MAX - 1 */
    SIGNIN_NOT_ROSTER, /* not on the academy's roster */
    SIGNIN_FAILED,     /* the last trainee's session could not start (set by the app) */
} signin_problem;

typedef struct signin_state {
    const signin_session *sessions;
    int n_sessions;
    const signin_trainee *roster; /* NULL: any id a session can use */
    int n_roster;
    const i18n *lang;
    const char *place; /* the academy's name or the workstation's, "" none */
    char typed[SIGNIN_ID_MAX];
    int chosen;             /* the session picked */
    signin_problem problem; /* what the last Return found */
    int trainee;            /* the roster's entry signed in, -1 none (or no roster) */
    int done;               /* 1: signed in; 2: the window closed */
    /* the lines a wrapped text takes as drawn (the app's layout); NULL: a
       session's title is placed for two */
    int (*measure)(void *ud, const draw_cmd *c);
    void *measure_ud;
} signin_state;

/* A fresh screen: nothing typed, the first session picked. n_sessions >= 1. */
void signin_init(signin_state *s, const signin_session *sessions, int n_sessions,
                 const signin_trainee *roster, int n_roster, const i18n *lang, const char *place);

/* Applies one event; returns s->done (0 while signing in). */
int signin_step(signin_state *s, const input_event *ev);

/* The screen as a draw list (the desk's kinds; text laid out by the app). */
void signin_draw(const signin_state *s, draw_list *dl);

/* The rows' places (hit-testing and drawing read the same). */
desk_rect signin_session_row(int i);
desk_rect signin_field(void);

#endif
