/* fuzz_paxlst.c - libFuzzer entry point for paxlst.h and edifact.h.
 *
 * paxlst_check on the raw bytes (no NUL terminator, any byte values). Beyond
 * "no crash, no out-of-bounds access" it traps when a property fails:
 *   - the result is 0, 1 or 2, with a terminated message when not 0;
 *   - a valid interchange's counts are within bounds and its traveler -1;
 *   - what was read and can be written again reads back valid, with the same
 *     passengers (surname, date of birth, document number).
 * Seeds: tests/fuzz/corpus/paxlst/ (a flight as borderlab writes it, other
 * separators, broken counts and escapes, garbage).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "paxlst.h"

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) __builtin_trap();                                                             \
    } while (0)

static void again(const api_flight *f) {
    bl_err err;
    char *text = paxlst_write(f, &err);
    if (!text) return; /* a value UNOA cannot carry (read from UNOB/UNOC): fine */
    api_flight *g = malloc(sizeof *g);
    if (!g) {
        free(text);
        return;
    }
    CHECK(paxlst_check(text, strlen(text), g, &err) == 0);
    CHECK(g->n_pax == f->n_pax);
    for (int i = 0; i < f->n_pax; i++) {
        CHECK(!strcmp(g->pax[i].surname, f->pax[i].surname));
        CHECK(!strcmp(g->pax[i].doc_number, f->pax[i].doc_number));
        CHECK(date_to_days(g->pax[i].birth) == date_to_days(f->pax[i].birth));
    }
    free(g);
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    api_flight *f = malloc(sizeof *f);
    if (!f) return 0;
    bl_err err;
    memset(&err, 0, sizeof err);
    int rc = paxlst_check((const char *)data, size, f, &err);
    CHECK(rc >= 0 && rc <= 2);
    if (rc) CHECK(memchr(err.msg, '\0', sizeof err.msg) && err.msg[0]);
    if (rc == 0) {
        CHECK(f->n_pax >= 0 && f->n_pax <= API_MAX_PAX);
        CHECK(f->traveler == -1);
        again(f);
    }
    free(f);
    return 0;
}
