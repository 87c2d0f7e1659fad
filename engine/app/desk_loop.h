/* desk_loop.h - running a desk_app: in a window until it closes, or replaying
 * recorded input (headless or in a window). Used by desk, play and session run. */
#ifndef BL_DESK_LOOP_H
#define BL_DESK_LOOP_H

#include <stdint.h>
#include <time.h>

#include "desk_app.h"
#include "input.h"

/* 0 when the trainee closed the desk, 2 on an error (printed). `watched`
 * and `watch` (a scenario file and its last change) may be NULL. */
int desk_run_window(desk_app *a, pack *watched, const char *watch, time_t seen);

/* 0 when the replay ran to its end or the desk was left, 2 on an error
 * (printed). *used (may be NULL) receives how many events it took: the
 * events after a quit are the workstation's next sign-in. */
int desk_run_replay(desk_app *a, const input_script *script, const char *out_dir, uint64_t every,
                    int headless, const char *log, int *used);

#endif
