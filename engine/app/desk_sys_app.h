/* desk_sys_app.h - the systems panel's contents, made by the app for the
 * traveler at the counter from their scenario (desk_sys_app.c); private to
 * the running desk. */
#ifndef BL_DESK_SYS_APP_H
#define BL_DESK_SYS_APP_H

#include "desk_app_int.h"

/* Builds what the systems panel shows for the current traveler (after the
 * identity panel's load: a record's photo may be the traveler's face) and
 * hands it to the desk (desk_set_sys_info). Without a scenario the panel
 * says there is nothing. */
int app_sys_load(desk_app *a, int first_slot, bl_err *err);

#endif
