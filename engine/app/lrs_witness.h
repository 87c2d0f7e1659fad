/* lrs_witness.h - the learning record store as a witness of a journal's
 * chain (`borderlab results verify JOURNAL --lrs URL`).
 *
 * Each statement the store holds carries the index and MAC of the journal
 * entry it reports (xapi.h: .../extensions/entry and .../entry-mac). The
 * store keeps what it was sent, out of the trainee's reach, so the highest
 * entry it holds is a chain head the journal must still hold, with that MAC:
 * a journal cut short after it was pushed no longer reaches that entry, and
 * one rewritten (even with the key, the chain made anew) no longer has that
 * MAC there, as every MAC after a changed entry changes.
 *
 * The statements are read with GET <endpoint>/statements?registration=<the
 * journal's registration> (X-Experience-API-Version 1.0.3, HTTP Basic from
 * the credentials file), following `more` links (lrs_http.h). */
#ifndef BL_LRS_WITNESS_H
#define BL_LRS_WITNESS_H

#include "err.h"

typedef struct lrs_witness_opts {
    const char *journal;     /* the journal file */
    const char *key;         /* the academy's journal key file */
    const char *witness;     /* its witness folder (NULL: none) */
    const char *lrs;         /* the store's xAPI base URL */
    const char *credentials; /* the user:password file */
} lrs_witness_opts;

typedef struct lrs_witness_result {
    int entries;     /* the journal's */
    int witnessed;   /* what its witness file saw (0: none) */
    int statements;  /* the store's statements of this journal */
    int store_entry; /* the highest entry the store holds (0: none) */
    int mac_entry;  /* the highest entry whose MAC it holds (0: none; sent by an older borderlab) */
    char url[2048]; /* the statements URL asked */
} lrs_witness_result;

/* Verifies the journal (and its witness file), then meets it with what the
 * store holds. 0 intact; -1 with err: BL_E_REFUSED not intact (what and
 * which entry), BL_E_IO the store or a file, BL_E_USAGE / BL_E_INPUT the
 * URL, the credentials, an empty journal. */
int lrs_witness_check(const lrs_witness_opts *o, lrs_witness_result *r, bl_err *err);

#endif
