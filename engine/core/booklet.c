/* booklet.c - see booklet.h: where a passport's stamps go, and whether the
 * route they tell holds together. Pure data: no fonts, no pixels. */
#include "booklet.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "defect.h"
#include "rng.h"

const char *booklet_ink_id(const char *name) {
    static const char *const names[][2] = {{"violet", "stamp_violet"},
                                           {"black", "stamp_black"},
                                           {"red", "stamp_red"},
                                           {"green", "stamp_green"},
                                           {"blue", "stamp_blue"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(names[i][0], name)) return names[i][1];
    return NULL;
}

static rng stamp_rng(unsigned long long seed, int i) {
    rng r;
    rng_init(&r, rng_derive(seed, "stamps") ^ ((uint64_t)(i + 1) * 0xD1B54A32D192ED03ull));
    return r;
}

/* The first free slot of a page's `used` bits, or -1. */
static int free_slot(unsigned used) {
    for (int k = 0; k < BOOKLET_SLOTS; k++)
        if (!(used >> k & 1)) return k;
    return -1;
}

int booklet_place(booklet_stamp *s, int n, unsigned visa_pages, unsigned long long seed, int *bad) {
    unsigned used[BOOKLET_PAGES] = {0};
    int next = BOOKLET_FIRST_VISA;
    for (int i = 0; i < n; i++) {
        if (s[i].post <= 0) {
            rng r = stamp_rng(seed, i);
            s[i].post = 1 + (int)rng_below(&r, 120);
        }
        int p = s[i].page;
        if (p <= 0) { /* the next visa page with room and no visa on it */
            while (next < BOOKLET_PAGES && ((visa_pages >> next & 1) || free_slot(used[next]) < 0))
                next++;
            p = next;
        }
        int k = p > 0 && p < BOOKLET_PAGES ? free_slot(used[p]) : -1;
        if (k < 0) {
            if (bad) *bad = i;
            return -1;
        }
        used[p] |= 1u << k;
        s[i].page = p, s[i].slot = k;
    }
    return 0;
}

void booklet_stamp_rect(const booklet_stamp *s, int i, unsigned long long seed, double page_w,
                        double page_h, double out[4]) {
    const double sw = 32, sh = 22, top = BOOKLET_FOLD_MM + 3;
    double cw = (page_w - 8) / 3, ch = (page_h - top - 7) / 2;
    int col = s->slot % 3, row = s->slot / 3;
    rng r = stamp_rng(seed, i);
    (void)rng_u64(&r); /* the border post's draw */
    double jx = rng_range(&r, -2, 2), jy = rng_range(&r, -3, 3);
    out[0] = 4 + col * cw + (cw - sw) / 2 + jx;
    out[1] = top + row * ch + (ch - sh) / 2 + jy;
    out[2] = sw, out[3] = sh;
}

/* ------------------------------------------------------------ the route */

typedef struct {
    const booklet_stamp *s;
    booklet_problem *out;
    int cap, n;
} route;

/* A problem on stamp i (and j, the stamp it contradicts, or -1), unless
 * either carries the scenario's stamp_date_conflict. */
static void problem(route *r, int i, int j, const char *fmt, ...) {
    unsigned conflict = 1u << DEFECT_STAMP_DATE_CONFLICT;
    if ((r->s[i].defects & conflict) || (j >= 0 && (r->s[j].defects & conflict))) return;
    if (r->n < r->cap) {
        booklet_problem *p = &r->out[r->n];
        p->stamp = i;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(p->msg, sizeof p->msg, fmt, ap);
        va_end(ap);
    }
    r->n++;
}

static long days(bl_date d) {
    return date_to_days(d);
}

/* An entry into the visa's state: within its validity, within its number. */
static void check_entry(route *r, int i, const booklet_terms *t, int entries) {
    const booklet_stamp *a = &r->s[i];
    char d[16], f[16], u[16];
    date_display(a->date, d, sizeof d);
    if ((t->from.y && days(a->date) < days(t->from)) ||
        (t->until.y && days(a->date) > days(t->until))) {
        date_display(t->from, f, sizeof f);
        date_display(t->until, u, sizeof u);
        problem(r, i, -1, "entered %s on %s, outside the visa's validity (%s to %s)", a->state, d,
                f, u);
    }
    int allowed = !strcmp(t->entries, "1") ? 1 : !strcmp(t->entries, "2") ? 2 : 0;
    if (allowed && entries > allowed)
        problem(r, i, -1, "entry %d into %s on %s: the visa allows %d", entries, a->state, d,
                allowed);
}

int booklet_route_check(const booklet_stamp *s, int n, const booklet_terms *terms, bl_date today,
                        booklet_problem *out, int cap) {
    route r = {s, out, cap, 0};
    int in = -1, last_exit = -1, entries = 0; /* the open stay's entry stamp */
    for (int i = 0; i < n; i++) {
        const booklet_stamp *a = &s[i];
        char d[16], e[16];
        date_display(a->date, d, sizeof d);
        if (days(a->date) > days(today)) problem(&r, i, -1, "dated %s, after today", d);
        if (i > 0 && days(a->date) < days(s[i - 1].date)) {
            date_display(s[i - 1].date, e, sizeof e);
            problem(&r, i, i - 1, "%s on %s, before the %s on %s that comes before it",
                    a->exit ? "an exit" : "an entry", d, s[i - 1].exit ? "exit" : "entry", e);
        }
        int visa_state = terms && !strcmp(a->state, terms->state);
        if (!a->exit) {
            if (in >= 0) {
                date_display(s[in].date, e, sizeof e);
                problem(&r, i, in,
                        "entered %s on %s while still in %s since %s (the stays overlap)", a->state,
                        d, s[in].state, e);
            }
            in = i;
            if (visa_state) check_entry(&r, i, terms, ++entries);
            continue;
        }
        if (in >= 0 && strcmp(s[in].state, a->state)) {
            date_display(s[in].date, e, sizeof e);
            problem(&r, i, in, "left %s on %s while in %s since %s", a->state, d, s[in].state, e);
        } else if (in < 0 && last_exit >= 0) {
            date_display(s[last_exit].date, e, sizeof e);
            problem(&r, i, last_exit, "left %s on %s with no entry since leaving %s on %s",
                    a->state, d, s[last_exit].state, e);
        } else if (in >= 0 && visa_state && terms->duration_days > 0) {
            long stay = days(a->date) - days(s[in].date) + 1;
            date_display(s[in].date, e, sizeof e);
            if (stay > terms->duration_days)
                problem(&r, i, in, "stayed %ld days in %s (%s to %s): the visa allows %d", stay,
                        a->state, e, d, terms->duration_days);
        }
        in = -1, last_exit = i;
    }
    return r.n;
}
