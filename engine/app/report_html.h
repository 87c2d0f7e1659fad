/* report_html.h - the report's page as it is written: a growing buffer of
 * HTML, in one language.
 *
 * The page is built in memory and written in one go (a failure half-way must
 * not leave half a page). Running out of memory is sticky (oom), checked once
 * at the end. Every text goes in through one of three doors: sb_put for the
 * page's own markup, sb_esc and sb_text for text (escaped), sb_data for the
 * database's texts (escaped and isolated with <bdi>, so a Latin id in Arabic
 * text, or an Arabic name in English, keeps its own direction). Words come
 * from the page's catalogue by key; visible numbers are written in the
 * language's digits, decimal separator and units (machine-readable attributes
 * stay ASCII: write those with sb_printf). */
#ifndef BL_REPORT_HTML_H
#define BL_REPORT_HTML_H

#include <stddef.h>

#include "i18n.h"

typedef struct sb {
    char *p; /* NUL-terminated once anything was added; NULL before */
    size_t n, cap;
    int oom;          /* an append failed: the page is not to be written */
    const i18n *lang; /* the page's words, digits and direction */
    const i18n *en;   /* English, every catalogue's fallback: whether a word exists at all */
    const i18n *desk; /* the desk's words in the page's language: a case's debrief reads as
                         the trainee read it (critical errors, principles, lessons) */
} sb;

/* An empty buffer in the same language as page: for text built apart (a
 * list of isolated names) that then goes into a placeholder (sb_frag). The
 * caller frees its p. */
sb sb_apart(const sb *page);

/* ---- markup and text */

void sb_add(sb *b, const char *s, size_t len); /* len bytes as they are */
void sb_put(sb *b, const char *s);             /* markup as it is */
void sb_printf(sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Text for HTML (element content and quoted attributes alike): the five
 * characters that could end a text or an attribute are escaped; control
 * characters, which HTML does not allow, become U+FFFD. With human set,
 * underscores become spaces (ids such as admitted_invalid_document read as
 * words). With max_chars > 0, the text is cut at that many characters (never
 * inside a UTF-8 sequence) and ends with an ellipsis. */
void sb_text(sb *b, const char *s, int human, int max_chars);
void sb_esc(sb *b, const char *s); /* sb_text(b, s, 0, 0) */

/* A text from the database (a name, an id, a title): escaped and isolated
 * in <bdi>. */
void sb_data(sb *b, const char *s);
/* The same where no markup may go (SVG text, <title>): isolated with U+2068
 * and U+2069 instead; human and max_chars as in sb_text. */
void sb_data_plain(sb *b, const char *s, int human, int max_chars);

/* ---- words */

/* The page's text for a key (English when its catalogue lacks it). */
const char *sb_word(const sb *b, const char *key);
void sb_tr(sb *b, const char *key); /* that text, escaped */

/* A key's text with its {name} placeholders filled: the variadic part is
 * (name, value) pairs ending with NULL. The catalogue's text is escaped. In
 * sb_tf the values are HTML fragments written as they are (data the caller
 * escaped and isolated); in sb_tfp they are plain text (numbers, words of the
 * catalogue), escaped. An unknown placeholder stays as text. */
void sb_tf(sb *b, const char *key, ...);
void sb_tfp(sb *b, const char *key, ...);

/* frag's text, to go into a placeholder of page; frag's running out of
 * memory is the page's. */
const char *sb_frag(sb *page, const sb *frag);

/* The words for an id the database holds (a decision, a defect, a critical
 * error, a session's end): the catalogue's "id.prefix.id", or NULL when no
 * catalogue has it (an id newer than the catalogue, or not one of ours). */
const char *sb_id_word(const sb *b, const char *prefix, const char *id);
/* An id as words: the catalogue's, else its readable form (underscores as
 * spaces), isolated, since it is then the database's text. */
void sb_id(sb *b, const char *prefix, const char *id);

/* ---- numbers: each writes into out (cap bytes) and returns out */

/* printf output with the language's decimal separator and digits ("42.8":
 * "42,8" in French, "٤٢٫٨" in Arabic). */
const char *sb_localize(const sb *b, const char *ascii, char *out, size_t cap);
/* v with that many decimals, localized. */
const char *sb_num(const sb *b, char *out, size_t cap, int decimals, double v);
/* A number and its unit, in the language's order: key is the key of a text
 * with {n} (unit.points "42.8 pts", unit.seconds "4.9 s", unit.percent "32%"). */
const char *sb_unit(const sb *b, char *out, size_t cap, const char *key, int decimals, double v);
/* "{n} cases" in the form the number asks for (its CLDR plural category):
 * the key base.<category>, else base.other (a language need not write every
 * category). */
const char *sb_counted(const sb *b, char *out, size_t cap, const char *base, long n);

/* The report's usual numbers, into a char array buf. */
#define PTS(b, buf, v)  sb_unit(b, buf, sizeof buf, "unit.points", 1, v)
#define SECS(b, buf, v) sb_unit(b, buf, sizeof buf, "unit.seconds", 1, v)
#define PCT(b, buf, v)  sb_unit(b, buf, sizeof buf, "unit.percent", 0, v)
#define INT(b, buf, v)  sb_num(b, buf, sizeof buf, 0, (double)(v))

#endif
