/* mrz.h - ICAO Doc 9303 machine-readable zones: parse, validate, generate.
 *
 * Formats (Doc 9303 Parts 4-7):
 *   TD1    3 x 30  ID cards            composite check digit
 *   TD2    2 x 36  ID cards            composite check digit
 *   TD3    2 x 44  passports           composite check digit, personal number check digit
 *   MRV-A  2 x 44  visas (code V...)   no composite
 *   MRV-B  2 x 36  visas (code V...)   no composite
 * TD2/MRV-B and TD3/MRV-A have the same shape; a document code starting with
 * 'V' makes a visa.
 *
 * What mrz_parse checks: layout (line count, length, only A-Z 0-9 <); every
 * check digit (weights 7-3-1, '<' = 0, A..Z = 10..35) and the composite; the
 * document code's first letter for the format (P for TD3, A/C/I for TD1/TD2,
 * V for visas); state and nationality codes are 1-3 letters then fillers (the
 * code is not looked up in ISO 3166, so the specimen state UTO is accepted);
 * sex is M, F, X or <; dates are real calendar dates (month 01-12, no 31
 * February; 29 February only when YY is a leap year in 19YY or 20YY); the birth
 * date may mark unknown parts with '<' (Doc 9303 Part 3 §4.8), whole YY, MM or
 * DD groups only, while the expiry date must be complete; names hold only
 * letters and fillers. Document numbers longer than nine characters (TD1, TD2):
 * the first nine stand in the number field, '<' takes the check digit's place,
 * and the rest of the number plus its check digit open the optional data field
 * (followed by a filler when more optional data follows).
 *
 * Nothing here allocates or keeps global state; every function is safe on any
 * input bytes and never reads outside the given length.
 */
#ifndef BL_MRZ_H
#define BL_MRZ_H

#include <stddef.h>
#include "err.h"

typedef enum { MRZ_TD1, MRZ_TD2, MRZ_TD3, MRZ_MRVA, MRZ_MRVB } mrz_format;

#define MRZ_MAX_ISSUES 24 /* further problems of one document are dropped */

/* The data of one MRZ. mrz_parse fills it with the MRZ's values: text fields
 * with trailing fillers removed and inner '<' turned into spaces. mrz_make reads
 * the same form (spaces or '<' between words) and transliterates the names. */
typedef struct {
    char document_code[3];    /* "P", "ID", "V", "PO" ... */
    char issuing_state[4];    /* "UTO", "D" */
    char document_number[40]; /* whole number, also when it overflows (TD1/TD2) */
    char nationality[4];      /* "UTO", "XXX" */
    char birth_date[7];       /* YYMMDD as written; '<' marks an unknown part */
    char sex[2];              /* "M", "F", "X" or "<" (X and < both: unspecified) */
    char expiry_date[7];      /* YYMMDD */
    char surname[128];        /* primary identifier (UTF-8 accepted by mrz_make) */
    char given_names[128];    /* secondary identifier (UTF-8 accepted by mrz_make) */
    char optional_data[40];   /* TD1 line 1 after any number overflow; TD2 and visa
                                 optional data; TD3 personal number */
    char optional_data_2[40]; /* TD1 line 2 optional data; empty for other formats */
} mrz_fields;

typedef struct {
    char field[24];    /* a mrz_fields name, "composite", or "mrz" for the layout */
    char message[200]; /* what is wrong and what was expected, e.g.
                          "check digit is 7, expected 6 (line 2, column 10)" */
} mrz_issue;

typedef struct {
    int format;         /* mrz_format, or -1 when the layout is unreadable */
    int valid;          /* 1 when n_issues == 0 */
    int name_truncated; /* the name reaches the end of its field: Doc 9303 says it
                           must then be treated as possibly truncated */
    mrz_fields fields;  /* filled as far as the layout allowed */
    int n_issues;
    mrz_issue issues[MRZ_MAX_ISSUES];
} mrz_result;

/* Parses and validates one MRZ. `text` holds its lines separated by '\n' (a
 * '\r' before it and one final newline are tolerated); it need not be
 * NUL-terminated and may contain any bytes. Layout errors name the line and
 * column, 1-based within the text. Always fills *out. */
void mrz_parse(const char *text, size_t len, mrz_result *out);

/* Builds the MRZ lines of `fmt` from `f` into out[0..*n_lines-1] (NUL-terminated,
 * 30/36/44 characters). Names are transliterated (translit.h) and truncated to
 * the name field per Doc 9303 Parts 4-7: the primary identifier keeps room for
 * "<<" and one letter of the secondary identifier, later secondary components
 * are shortened first, and a truncated field ends with a letter. Personal number
 * check digit '<' when the TD3 personal number is empty. Returns 0, or -1 with
 * err naming the field and what is expected (bad characters, over-long fields,
 * impossible dates, wrong document code for the format). */
int mrz_make(mrz_format fmt, const mrz_fields *f, char out[3][45], int *n_lines, bl_err *err);

/* Check digit (0-9) of s[0..n-1]; -1 when a character is outside A-Z 0-9 <. */
int mrz_check_digit(const char *s, size_t n);

/* "TD1", "TD2", "TD3", "MRV-A", "MRV-B"; NULL for anything else. */
const char *mrz_format_name(int fmt);

/* Inverse of mrz_format_name (case-insensitive, "MRVA" also accepted); -1 if unknown. */
int mrz_format_from_name(const char *name);

#endif
