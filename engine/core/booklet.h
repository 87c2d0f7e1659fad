/* booklet.h - a passport as it is carried: a booklet of pages sewn at the
 * fold, with the entry and exit stamps of the traveler's past journeys.
 *
 * Pages are counted by index: 0 is the data page (what doc_build has always
 * painted), 1 the observations page, BOOKLET_FIRST_VISA.. the visa pages.
 * People see the printed page numbers (booklet_printed): the data page is
 * page 2, the observations page 3, the visa pages 4 to 9. A scenario and
 * the action log speak printed numbers; the desk, the truth and scoring
 * speak indices (a passport's "side" at the desk is its page index).
 *
 * The booklet is sewn along the top edge of its landscape pages (the fold):
 * every page shows the stitch holes there, the centre page (BOOKLET_CENTRE)
 * the thread itself, which is where an examiner checks the binding.
 *
 * Stamps are placed on the visa pages by booklet_place, in the order of the
 * journey, six to a page, skipping the pages a visa is stuck on; the route
 * they tell is checked against itself and a visa's terms by
 * booklet_route_check (what `borderlab check` reports).
 */
#ifndef BL_BOOKLET_H
#define BL_BOOKLET_H

#include <stddef.h>

#include "date.h"

#define BOOKLET_PAGES      8 /* data page, observations page, six visa pages */
#define BOOKLET_FIRST_VISA 2 /* index of the first visa page */
#define BOOKLET_CENTRE     4 /* the centre spread's page: the thread shows whole */
#define BOOKLET_SLOTS      6 /* stamps a visa page holds: 3 across, 2 down */
#define BOOKLET_MAX_STAMPS 16
#define BOOKLET_FOLD_MM    5.0 /* the strip along the fold, above the page's print */

/* The printed number of page index i (the data page is page 2), and back
 * (-1 when no page of the booklet has that number). */
static inline int booklet_printed(int index) {
    return index + 2;
}
static inline int booklet_index(int printed) {
    return printed >= 2 && printed < BOOKLET_PAGES + 2 ? printed - 2 : -1;
}

struct doc_spec;
/* Whether page spec->page of a passport carries something to find (a
 * stamp, or the centre page's binding when it was sewn again): the pages
 * scoring builds a truth of. */
int booklet_page_worth(const struct doc_spec *spec);

/* One entry or exit stamp of a past journey. */
typedef struct booklet_stamp {
    char port[40];    /* "NORDAIR TERMINAL 2" */
    char state[4];    /* the state whose border it is ("UTO") */
    bl_date date;     /* as stamped */
    int exit;         /* 0 an entry, 1 an exit */
    int post;         /* the border post's number, 1..999 (0: drawn from the seed) */
    char ink[16];     /* "violet", "black", "red", "green", "blue" ("": by direction) */
    int page;         /* page index it is on (0: booklet_place chooses) */
    int slot;         /* its place on the page, 0..BOOKLET_SLOTS-1 (booklet_place) */
    unsigned defects; /* bit per defect_kind: stamp_counterfeit, stamp_date_conflict */
    int line;         /* where the scenario gives it (0: unknown) */
} booklet_stamp;

/* The stamp inks a scenario may name; NULL when `name` is not one. Returns
 * the material's id ("stamp_violet"). */
const char *booklet_ink_id(const char *name);

/* Places stamps s[0..n-1] in the order given: a stamp with a page keeps it
 * (its first free slot), the others fill the visa pages in turn, skipping
 * those in `visa_pages` (bit per page index: a visa is stuck there). Fills
 * each page and slot; a stamp's border post, when 0, is drawn from `seed`.
 * Returns 0, or -1 with *bad the first stamp that found no room. */
int booklet_place(booklet_stamp *s, int n, unsigned visa_pages, unsigned long long seed, int *bad);

/* A stamp's rectangle on its page, mm (x, y, w, h): its slot's cell with a
 * little play drawn from the seed, as an officer stamps where there is room. */
void booklet_stamp_rect(const booklet_stamp *s, int i, unsigned long long seed, double page_w,
                        double page_h, double out[4]);

/* A visa's terms as its sticker prints them (doc_holder's visa fields). */
typedef struct booklet_terms {
    char state[4];     /* the issuing state: the border its entries cross */
    char entries[8];   /* "1", "2", "MULT" */
    int duration_days; /* the longest stay (0: not said) */
    bl_date from, until;
} booklet_terms;

/* One inconsistency of a route: the stamp it shows on (index) and what. */
typedef struct booklet_problem {
    int stamp;
    char msg[200];
} booklet_problem;

/* Checks a route (stamps in the order travelled): a stamp dated before the
 * one before it (an exit before its entry), a stamp after `today`, an entry
 * while the traveler is still in a state (stays that overlap), an exit from
 * a state they are not in; against the visa's terms (terms NULL: none), an
 * entry outside its validity, more entries than it allows, a stay longer
 * than its duration. A problem on a stamp carrying stamp_date_conflict (or
 * the stamp it contradicts) is the scenario's defect, not reported. Fills
 * out[0..cap-1]; returns how many problems there are. */
int booklet_route_check(const booklet_stamp *s, int n, const booklet_terms *terms, bl_date today,
                        booklet_problem *out, int cap);

#endif
