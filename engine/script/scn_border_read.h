/* scn_border_read.h - reading a scenario's `checks`, `second_line` and
 * `registry` tables (scn_border.c; the data: core's scn_border.h). Internal
 * to engine/script. */
#ifndef BL_SCN_BORDER_READ_H
#define BL_SCN_BORDER_READ_H

#include "scn_read.h"

/* The three tables of the scenario's table at the top of the stack. */
void scn_read_border(loader *ld);

#endif
