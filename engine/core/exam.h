/* exam.h - a document's examination as officers are taught it: IOM's
 * Passport Examination Procedure Manual's fixed sequence, F.A.L.S.E.D.O.C.
 *
 *   F  face and photo     the holder against the portrait (and the ghost image)
 *   A  altered data       the personal data, under infrared where inks differ
 *   L  lamina             the laminate and what lies under it, in raking light
 *   S  stitching          the booklet's thread and sewing
 *   E  edges              the edges and cuts of the pages
 *   D  document number    its printing (and perforation), against the MRZ
 *   O  overseas travel    visas and stamps: the other documents and pages
 *   C  consistency        the data against the MRZ, the other documents, the story
 *
 * From a case's actions (score.h: the loupe's looks, the lights, the MRZ
 * reader, the flags) this says which steps the trainee covered; from its
 * truth, which steps the case needed (where its evidence lies), which the
 * desk made possible for its documents, and which the scenario requires
 * (expected.steps). Each rule is the physical place or tool of the step:
 *
 *   covered F  a look on the portrait or ghost image, a flag on the
 *              portrait, or an impostor flag
 *           A  infrared used, or a look or flag on the personal data
 *           L  raking (oblique) light used
 *           S  a look on the booklet's thread or stitch holes (its centre
 *              page), or within 4 mm of a passport page's fold (its top edge)
 *           E  a look within 3 mm of a document's edge
 *           D  a look or flag on the document number, or the MRZ reader
 *           O  a look or flag on a document other than the first, or on a
 *              passport's other pages (its visas and stamps)
 *           C  the MRZ reader, or a look on the MRZ
 *   possible   every step with a document, S only with a passport, O with
 *              a passport (its visa pages) or a second document
 *   needed     the steps of the case's true defects (a substituted photo:
 *              F and L; an altered field: A; a wrong check digit: D and C;
 *              a visa's own defect: O; ...), F for an impostor, and the
 *              scenario's required ones
 */
#ifndef BL_EXAM_H
#define BL_EXAM_H

#include "scenario.h"
#include "score.h"

typedef enum {
    EXAM_FACE,
    EXAM_ALTERED,
    EXAM_LAMINA,
    EXAM_STITCHING,
    EXAM_EDGES,
    EXAM_NUMBER,
    EXAM_OVERSEAS,
    EXAM_CONSISTENCY,
    EXAM_STEPS
} exam_step;

/* "face", "altered", "lamina", "stitching", "edges", "number", "overseas",
 * "consistency"; NULL out of range. */
const char *exam_step_id(int step);
int exam_step_from_id(const char *id); /* -1 when unknown */
char exam_step_letter(int step);       /* 'F', 'A', ... */

/* Bit per step (1u << exam_step) in each. */
typedef struct exam_steps {
    unsigned possible, needed, required, covered;
} exam_steps;

void exam_steps_of(const scenario *s, const score_truth *t, const score_actions *a,
                   exam_steps *out);

#endif
