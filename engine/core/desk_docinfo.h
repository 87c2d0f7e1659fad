/* desk_docinfo.h - what the desk is told about a document it shows
 * (desk_doc_info, desk.h) from the document as built: its name and template,
 * its MRZ as printed, each security feature in mm on the side it is on. The
 * app tells the desk this for every document it renders; the layout test
 * builds the same to draw the MRZ reader and the reference panel. */
#ifndef BL_DESK_DOCINFO_H
#define BL_DESK_DOCINFO_H

#include "desk.h"
#include "doc.h"
#include "tpl.h"

/* Fills info (cleared first) from a built document: t its template,
 * truth what doc_build reported, px_per_mm the build's resolution. */
void desk_doc_info_from_truth(desk_doc_info *info, const tpl *t, const doc_truth *truth,
                              double px_per_mm);

#endif
