/* edifact.h - UN/EDIFACT interchanges (ISO 9735) as text: a writer that
 * escapes, and a reader that splits an interchange into segments, data
 * elements and components. It knows the syntax only (service characters,
 * the release character, the UNA string advice, character repertoires);
 * what a message's segments mean is its caller's (paxlst.c for PAXLST).
 *
 * Writing:
 *
 *     edi_writer w;
 *     edi_writer_init(&w);
 *     edi_seg(&w, "NAD");            // begins NAD
 *     edi_el(&w, "FL");              // +FL
 *     edi_el(&w, "");                // +
 *     edi_el(&w, "");                // +
 *     edi_el(&w, "O'NEILL");         // +O?'NEILL
 *     edi_comp(&w, "ANNA");          // :ANNA
 *     edi_end(&w);                   // ' and a line break
 *     char *text = edi_writer_take(&w, &err);   // NULL when out of memory
 *
 * Reading: edi_read splits the text; edi_get gives a component ("" when the
 * segment has no such element or component). Segments are numbered from 1 at
 * the start of the interchange, the UNA string advice counting as the first
 * when it is there: with one segment a line, segment N is line N.
 */
#ifndef BL_EDIFACT_H
#define BL_EDIFACT_H

#include <stddef.h>

#include "err.h"

/* ---------------------------------------------------------------- writing */

typedef struct edi_writer {
    char *buf;
    size_t len, cap;
    int failed;   /* out of memory: every later call does nothing */
    int segments; /* segments ended so far (edi_count_from starts a count) */
} edi_writer;

void edi_writer_init(edi_writer *w);
void edi_seg(edi_writer *w, const char *tag); /* a new segment: its tag */
void edi_el(edi_writer *w, const char *v);    /* '+' and a data element (its first component) */
void edi_comp(edi_writer *w, const char *v);  /* ':' and another component of the element */
void edi_end(edi_writer *w);                  /* the segment terminator and a line break */
void edi_raw(edi_writer *w, const char *s);   /* text as is (the UNA string advice) */
/* The text, NUL-terminated and the caller's to free; NULL with err when
 * memory ran out. The writer is empty afterwards. */
char *edi_writer_take(edi_writer *w, bl_err *err);
void edi_writer_deinit(edi_writer *w);

/* ---------------------------------------------------------------- reading */

#define EDI_MAX_ELEMENTS   24 /* per segment */
#define EDI_MAX_COMPONENTS 12 /* per element */
#define EDI_MAX_VALUE      70 /* characters of one component, once unescaped */

typedef struct edi_segment {
    char tag[4];
    int number; /* 1-based, counting the UNA string advice when present */
    int line;   /* the line of the text it begins on */
    int first;  /* its first element in edi_doc.elements */
    int n;      /* elements after the tag */
} edi_segment;

typedef struct edi_element {
    int first; /* its first component in edi_doc.comps */
    int n;
} edi_element;

typedef struct edi_doc {
    char level[5]; /* the syntax identifier's character repertoire: "UNOA", "UNOC", ... */
    int has_una;   /* the interchange began with a UNA service string advice */
    int n_segs;    /* segments (UNA not among them: segs[0] is UNB) */
    edi_segment *segs;
    edi_element *elements;
    int *comps; /* offsets of components' values in text */
    char *text; /* the values, unescaped and NUL-terminated */
    int n_elements, n_comps;
} edi_doc;

/* Splits an interchange. Returns 0 (doc filled), 1 when the syntax is broken
 * (err: "segment 14 (DTM): ..."; doc holds the segments before it), 2 when
 * the bytes are not an EDIFACT interchange at all (binary, or they begin with
 * neither UNA nor UNB) or memory ran out (err says which). Line breaks between
 * segments are allowed, as most senders write them. Characters outside the
 * repertoire UNB declares (UNOA: capitals, digits, space and . , - ( ) / = '
 * + : ? ! " % & * ; < >) are a broken syntax. Release edi_free either way. */
int edi_read(const char *text, size_t n, edi_doc *doc, bl_err *err);
void edi_free(edi_doc *doc);

/* Component c of element e (both 0-based; element 0 is the first after the
 * tag) of segment s; "" when absent. */
const char *edi_get(const edi_doc *doc, int s, int e, int c);
/* How many elements, or components of element e, segment s has. */
int edi_elements(const edi_doc *doc, int s);
int edi_components(const edi_doc *doc, int s, int e);
/* Fills err with "segment N (TAG): <message>" for segment s; returns -1. */
int edi_fail(const edi_doc *doc, int s, bl_err *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

#endif
