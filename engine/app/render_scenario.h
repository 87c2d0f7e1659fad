/* render_scenario.h - every document of a scenario, as the desk shows it,
 * under every light with its truth, and what the documents say of each
 * other (render_scenario.c). */
#ifndef BL_RENDER_SCENARIO_H
#define BL_RENDER_SCENARIO_H

#include "err.h"

/* Loads the scenario file and writes DIR/documents.json and one folder per
 * document. 0, or -1 with err (nothing half-written: each file atomically). */
int render_scenario(const char *file, double dpi, const char *dir, bl_err *err);

#endif
