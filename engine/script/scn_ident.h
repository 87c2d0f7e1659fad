/* scn_ident.h - a scenario's identity settings (scn_ident.c): the traveler's
 * face, fingers and gate, and a document's chip; internal to engine/script. */
#ifndef BL_SCN_IDENT_H
#define BL_SCN_IDENT_H

#include "scn_read.h"

/* traveler.face, traveler.fingers and traveler.gate of the traveler table at
 * the top of the stack (problems reported). */
void scn_read_ident(loader *ld);
/* documents[i].chip of the document table at the top of the stack. */
void scn_read_chip(loader *ld, scn_doc *d, const char *what);

#endif
