/* journal.h - exam results that cannot be lost or quietly altered.
 *
 * A journal is an append-only file of JSON lines, one entry per decided
 * traveler. Each line is written, flushed and fsynced before the desk moves
 * on, so a crash or power cut loses nothing already decided. Each entry
 * carries its sequence number, the MAC of the entry before it and its own
 * MAC (HMAC-SHA-256 with a 32-byte key the academy holds, libsodium), so a
 * changed, removed, reordered or forged entry is detected by journal_verify.
 *
 *   {"seq": 1, "entry": {...}, "prev": "<64 hex>", "mac": "<64 hex>"}
 *
 * The MAC covers the text `seq|prev|entry` exactly as written.
 *
 * The chain cannot show that its last entries were deleted: what remains
 * still verifies. So a journal can have a witness: a small file in a folder
 * the trainee's account cannot write (the exam account's), named after the
 * journal's first MAC, holding how many entries it has seen and the MAC of the
 * last, itself MAC'd with the journal key:
 *
 *   {"format": "borderlab-witness-1", "journal": "<first MAC>", "entries": N,
 *    "head": "<MAC of entry N>", "mac": "<64 hex>"}
 *
 * It is written (atomically, fsynced) after each entry is on disk, so a crash
 * leaves the journal ahead of its witness, never behind. A journal shorter
 * than its witness, or one that does not continue the chain its witness saw,
 * is refused (BL_E_REFUSED) with the entries that are missing.
 */
#ifndef BL_JOURNAL_H
#define BL_JOURNAL_H

#include <stddef.h>

#include "err.h"

#define JOURNAL_KEY_BYTES 32

/* Makes a new random key and writes it (hex) to a file created with mode 0600. */
int journal_keygen(const char *path, bl_err *err);
/* Reads a key file written by journal_keygen. */
int journal_key_load(const char *path, unsigned char key[JOURNAL_KEY_BYTES], bl_err *err);

typedef struct journal journal;

/* Receives one verified entry (the JSON object's text) and its MAC, in order. */
typedef void (*journal_entry_fn)(void *ud, int seq, const char *entry_json, const char *mac);

/* Opens (or creates) a journal for appending. An existing journal is
 * verified first: it must be intact under this key. *entries receives how
 * many entries it already holds (a restarted session resumes after them). */
journal *journal_open(const char *path, const unsigned char key[JOURNAL_KEY_BYTES], int *entries,
                      bl_err *err);
/* The same, with its witness in witness_dir (NULL: none; the journal must
 * meet it, and each entry appended updates it; a journal that has none yet
 * gets one), handing each entry to fn as it is verified (one read of the
 * file: a restarted desk restores what it holds). */
journal *journal_open_read(const char *path, const unsigned char key[JOURNAL_KEY_BYTES],
                           const char *witness_dir, journal_entry_fn fn, void *ud, int *entries,
                           bl_err *err);
/* journal_open cuts off a last line a crash cut short (it was never
 * recorded: the desk moves on only once an entry is written); this says
 * which line it was (0: none). */
int journal_repaired(const journal *j);

/* Appends one entry (a JSON object's text, one line) and fsyncs; a failed
 * write leaves the journal as it was. */
int journal_append(journal *j, const char *entry_json, bl_err *err);
void journal_close(journal *j);

/* Verifies a journal and hands each entry to fn; a journal that does not
 * exist yet (or is empty) has no entries. On a broken chain returns -1 and
 * fn has only seen the entries before the break. */
int journal_read(const char *path, const unsigned char key[JOURNAL_KEY_BYTES],
                 const char *witness_dir, journal_entry_fn fn, void *ud, int *entries, int *torn,
                 bl_err *err);
/* torn: NULL makes a cut-short last line an error; else it is not an entry
 * (a crash interrupted its writing) and *torn receives its line number. */

/* witness_dir (may be NULL): the journal must meet its witness there. */

/* Checks a whole journal, against its witness when witness_dir is given.
 * Returns 0 when intact (*entries set; *witnessed: the entries its witness
 * saw, 0 when it has none); otherwise -1 and err says exactly what is wrong
 * and where (line N: ..., or entries N-M of M are missing). */
int journal_verify(const char *path, const unsigned char key[JOURNAL_KEY_BYTES],
                   const char *witness_dir, int *entries, int *witnessed, bl_err *err);

#endif
