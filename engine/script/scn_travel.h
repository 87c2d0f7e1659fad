/* scn_travel.h - a scenario document's booklet fields (scn_travel.c);
 * internal to engine/script. */
#ifndef BL_SCN_TRAVEL_H
#define BL_SCN_TRAVEL_H

#include "scn_read.h"

/* documents[i].page and documents[i].travel of the document table at the
 * top of the stack, into d (problems reported). */
void scn_read_travel(loader *ld, scn_doc *d, const char *what);
/* Once every document is read: each visa with a page is stuck in its
 * holder's first passport (desk_doc_spec.host); problems reported. */
void scn_resolve_pages(loader *ld);
/* check's rule: each passport's route holds together and keeps to its
 * holder's visa (booklet_route_check), unless a stamp is marked as the
 * defect; and its stamps fit on its pages. */
void scn_route_holds(loader *ld);

#endif
