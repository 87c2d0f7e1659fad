/* mrz_int.h - what mrz.c (parsing) and mrz_make.c (generation) share: the
 * positions of every field in each MRZ format, and two small checks. Private
 * to those two files. */
#ifndef BL_MRZ_INT_H
#define BL_MRZ_INT_H

#include <stddef.h>

#include "mrz.h"

/* A position in the MRZ: 0-based line and column. */
typedef struct {
    int line, col;
} pos;

typedef struct {
    int lines, width;
    pos name;
    int name_len;
    pos number; /* 9 characters, check digit right after */
    pos nationality, birth, sex, expiry;
    pos opt;
    int opt_len;
    pos opt2;
    int opt2_len;    /* TD1 only */
    int personal_cd; /* TD3: column of the personal number check digit, else -1 */
    pos composite;   /* line -1: none */
    pos comp_seg[4]; /* composite input, raw */
    int comp_len[4];
    int overflow; /* number may continue in the optional data */
} layout;

/* Field positions per format (mrz_format), 0-based (Doc 9303 counts from 1). */
extern const layout mrz_layouts[5];

/* Checks a YYMMDD date. Unknown parts ('<<' per group) are allowed only when
 * allow_unknown (birth dates, Doc 9303 Part 3 §4.8). Returns 0 when plausible,
 * else writes the reason into why. */
int mrz_date_problem(const char *d, size_t n, int allow_unknown, char *why, size_t cap);

/* Describes a character for a message without echoing raw bytes. */
void mrz_char_desc(char c, char *buf, size_t cap);

#endif
