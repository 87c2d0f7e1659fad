/* i18n.h - every string a person sees, per language.
 *
 * A catalogue is a JSON file (assets/i18n/<lang>.json, embedded at build
 * time): its language, its direction (ltr or rtl), how it writes digits, and
 * a table of keys to texts. Texts may hold {name} placeholders, filled by
 * i18n_format, so a translation can put them in its own order. A key missing
 * from a catalogue falls back to English, then to the key itself, so a
 * missing translation shows up as text, never as a crash.
 *
 *   {"lang": "ar", "name": "العربية", "dir": "rtl", "digits": "arabic-indic",
 *    "strings": {"desk.title": "..."},
 *    "review": ["desk.title"]}      machine-quality texts a translator should check
 */
#ifndef BL_I18N_H
#define BL_I18N_H

#include <stddef.h>

#include "err.h"

typedef struct i18n i18n;

/* Parses a catalogue; `fallback` (may be NULL) answers keys it lacks. */
i18n *i18n_load_json(const char *json, size_t len, const char *name, const i18n *fallback,
                     bl_err *err);
void i18n_destroy(i18n *cat);

/* The built-in catalogues: "en", "fr", "ar". English is every other's fallback. */
int i18n_builtin_count(void);
const char *i18n_builtin_lang(int i);
const char *i18n_builtin_json(const char *lang); /* NULL when unknown */

const char *i18n_lang(const i18n *cat); /* "ar" */
const char *i18n_name(const i18n *cat); /* "العربية" */
int i18n_rtl(const i18n *cat);

/* The text for a key: this catalogue, its fallback, else the key. Never NULL. */
const char *i18n_get(const i18n *cat, const char *key);
int i18n_has(const i18n *cat, const char *key); /* in this catalogue itself */
/* The catalogue i18n_get takes a key's text from (this one or a fallback;
 * NULL: none has it): what language, and so what direction, the text is in. */
const i18n *i18n_source(const i18n *cat, const char *key);

/* Calls fn for every key of the catalogue itself (not its fallback), in
 * sorted order. */
void i18n_each_key(const i18n *cat, void (*fn)(void *ud, const char *key), void *ud);

/* The catalogue as the JSON i18n_load_json reads (lang, name, dir, digits,
 * strings, review); its fallback is not part of it. Caller frees. */
char *i18n_to_json(const i18n *cat);
int i18n_needs_review(const i18n *cat, const char *key);

/* Formats a key's text, replacing {name} with values: the variadic part is
 * (name, value) string pairs ending with NULL. Unknown placeholders stay. */
void i18n_format(const i18n *cat, char *out, size_t cap, const char *key, ...);

/* A whole number written with the catalogue's digits (٠١٢٣ for Arabic-Indic). */
void i18n_number(const i18n *cat, long n, char *out, size_t cap);
/* Copies `in`, writing its ASCII digits with the catalogue's digits. */
void i18n_digits(const i18n *cat, const char *in, char *out, size_t cap);

/* Keys of `ref` that `cat` itself lacks: calls fn for each; returns the count. */
int i18n_missing(const i18n *cat, const i18n *ref, void (*fn)(void *ud, const char *key), void *ud);

#endif
