/* mrz_make.c - writing an MRZ from its fields (mrz_make, see mrz.h): each
 * field is cleaned and checked against the format (Doc 9303 Parts 4-7),
 * names are transliterated (Part 3 §4.6, translit.h) and shortened by the
 * truncation rules, then every field is put in place and the check digits
 * (Part 3 §4.9) are computed over what was written. */
#include <stdio.h>
#include <string.h>

#include "mrz_int.h"
#include "translit.h"

/* Upper-cases an ASCII field into dst and checks its characters: A-Z, 0-9 when
 * digits are allowed; space or '<' become '<' when fill is allowed. */
static size_t bounded_len(const char *s, size_t cap) {
    const char *z = memchr(s, '\0', cap);
    return z ? (size_t)(z - s) : cap;
}

static int clean_field(const char *field, const char *src, size_t src_cap, char *dst, size_t cap,
                       int digits, int fill, bl_err *err) {
    size_t n = bounded_len(src, src_cap);
    if (n >= cap) return err_set(err, "%s is too long (%zu characters)", field, n);
    for (size_t i = 0; i < n; i++) {
        char c = src[i];
        if (c >= 'a' && c <= 'z') c = (char)(c - 32);
        if ((c >= 'A' && c <= 'Z') || (digits && c >= '0' && c <= '9'))
            dst[i] = c;
        else if (fill && (c == ' ' || c == '<'))
            dst[i] = '<';
        else {
            char d[16];
            mrz_char_desc(src[i], d, sizeof d);
            return err_set(err, "%s: %s at position %zu is not allowed; use A-Z%s%s", field, d,
                           i + 1, digits ? ", 0-9" : "", fill ? " and spaces" : "");
        }
    }
    dst[n] = '\0';
    return 0;
}

/* Name components ("VAN<DER<MULLEN" -> VAN, DER, MULLEN). */
typedef struct {
    const char *s[160];
    int n[160];
    int count;
} comps;

static void split_comps(const char *s, comps *c) {
    c->count = 0;
    while (*s && c->count < 160) {
        const char *e = strchr(s, '<');
        int n = e ? (int)(e - s) : (int)strlen(s);
        if (n > 0) {
            c->s[c->count] = s;
            c->n[c->count++] = n;
        }
        if (!e) break;
        s = e + 1;
    }
}

/* Writes as many components as fit in `width` characters, joined by '<'.
 * When they do not all fit the result is exactly `width` long and ends with a
 * letter (Doc 9303: a full field ending in a letter signals truncation): the
 * first component that does not fit keeps its leading letters; if only one
 * position is left, an earlier component gives up a letter so the next
 * component's initial can follow its filler. Returns the length written. */
static int pack(const comps *c, int width, char *out) {
    int kept[160] = {0};
    int total = 0, k = 0;
    while (k < c->count) {
        int need = (k > 0) + c->n[k];
        if (total + need > width) break;
        kept[k] = c->n[k];
        total += need;
        k++;
    }
    if (k < c->count) {
        int rem = width - total;
        if (k == 0) {
            kept[0] = width < c->n[0] ? width : c->n[0];
            k = 1;
        } else if (rem >= 2) {
            kept[k++] = rem - 1;
        } else if (rem == 1) {
            for (int j = k - 1; j >= 0; j--)
                if (kept[j] >= 2) {
                    kept[j]--;
                    kept[k++] = 1;
                    break;
                }
        }
    }
    int len = 0;
    for (int i = 0; i < k && kept[i] > 0; i++) {
        if (i > 0) out[len++] = '<';
        memcpy(out + len, c->s[i], (size_t)kept[i]);
        len += kept[i];
    }
    return len;
}

/* Builds the name field (width characters, filler-padded) from transliterated parts. */
static void name_field(const char *sur, const char *giv, int width, char *out) {
    int ls = (int)strlen(sur), lg = (int)strlen(giv);
    comps P, S;
    split_comps(sur, &P);
    split_comps(giv, &S);
    int len = 0;
    if (ls + (lg ? 2 + lg : 0) <= width) {
        memcpy(out, sur, (size_t)ls);
        len = ls;
        if (lg) {
            memcpy(out + len, "<<", 2);
            memcpy(out + len + 2, giv, (size_t)lg);
            len += 2 + lg;
        }
    } else if (lg == 0) {
        len = pack(&P, width, out);
    } else if (ls + 3 <= width) {
        memcpy(out, sur, (size_t)ls);
        memcpy(out + ls, "<<", 2);
        len = ls + 2 + pack(&S, width - ls - 2, out + ls + 2);
    } else {
        /* The primary identifier alone is too long: shorten it to leave room for
         * "<<" and the first letter of the secondary identifier (Part 4 §4.2.3). */
        len = pack(&P, width - 3, out);
        while (len < width - 3)
            out[len++] = '<';
        out[len++] = '<';
        out[len++] = '<';
        out[len++] = S.count ? S.s[0][0] : '<';
    }
    while (len < width)
        out[len++] = '<';
    out[width] = '\0';
}

static void put_cd(char *at, const char *src, size_t n) {
    int d = mrz_check_digit(src, n);
    *at = (char)('0' + (d < 0 ? 0 : d));
}

/* A field set cleaned for the MRZ: upper case, A-Z 0-9 '<' only, trailing
 * fillers dropped, names transliterated (Doc 9303 Part 3). */
typedef struct {
    char code[3], state[4], nat[4], num[40], opt[40], opt2[40];
    size_t num_len, opt_len, opt2_len;
    char sex;
    char sur[256], giv[256];
} cleaned;

static size_t drop_fillers(char *s) {
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == '<')
        s[--n] = '\0';
    return n;
}

/* The codes: document code (its first letter fits the format), issuing state, nationality. */
static int clean_codes(mrz_format fmt, const mrz_fields *f, cleaned *c, bl_err *err) {
    if (clean_field("document_code", f->document_code, sizeof f->document_code, c->code,
                    sizeof c->code, 0, 1, err) < 0)
        return -1;
    const char *first = fmt == MRZ_TD3 ? "P" : (fmt == MRZ_TD1 || fmt == MRZ_TD2) ? "ACI" : "V";
    if (c->code[0] == '\0' || c->code[0] == '<' || !strchr(first, c->code[0]))
        return err_set(err, "document_code '%s' must start with %s for %s", f->document_code,
                       fmt == MRZ_TD3                       ? "P"
                       : (fmt == MRZ_TD1 || fmt == MRZ_TD2) ? "A, C or I"
                                                            : "V",
                       mrz_format_name(fmt));
    if (clean_field("issuing_state", f->issuing_state, sizeof f->issuing_state, c->state,
                    sizeof c->state, 0, 0, err) < 0 ||
        clean_field("nationality", f->nationality, sizeof f->nationality, c->nat, sizeof c->nat, 0,
                    0, err) < 0)
        return -1;
    if (!c->state[0]) return err_set(err, "issuing_state is empty; expected a 1-3 letter code");
    if (!c->nat[0]) return err_set(err, "nationality is empty; expected a 1-3 letter code");
    return 0;
}

/* The document number and the optional data. */
static int clean_numbers(const mrz_fields *f, cleaned *c, bl_err *err) {
    if (clean_field("document_number", f->document_number, sizeof f->document_number, c->num,
                    sizeof c->num, 1, 1, err) < 0)
        return -1;
    if ((c->num_len = drop_fillers(c->num)) == 0) return err_set(err, "document_number is empty");
    if (clean_field("optional_data", f->optional_data, sizeof f->optional_data, c->opt,
                    sizeof c->opt, 1, 1, err) < 0 ||
        clean_field("optional_data_2", f->optional_data_2, sizeof f->optional_data_2, c->opt2,
                    sizeof c->opt2, 1, 1, err) < 0)
        return -1;
    c->opt_len = drop_fillers(c->opt);
    c->opt2_len = drop_fillers(c->opt2);
    return 0;
}

/* Dates and sex. */
static int clean_person(const mrz_fields *f, cleaned *c, bl_err *err) {
    char why[120];
    if (mrz_date_problem(f->birth_date, strlen(f->birth_date), 1, why, sizeof why))
        return err_set(err, "birth_date '%s' %s%s", f->birth_date,
                       strlen(f->birth_date) == 6 ? "is not a valid date: " : "", why);
    if (mrz_date_problem(f->expiry_date, strlen(f->expiry_date), 0, why, sizeof why))
        return err_set(err, "expiry_date '%s' %s%s", f->expiry_date,
                       strlen(f->expiry_date) == 6 ? "is not a valid date: " : "", why);
    c->sex = f->sex[0] ? f->sex[0] : '<';
    if (c->sex >= 'a' && c->sex <= 'z') c->sex = (char)(c->sex - 32);
    if (!strchr("MFX<", c->sex) || (f->sex[0] && f->sex[1]))
        return err_set(err, "sex '%s' must be M, F, X or < (unspecified)", f->sex);
    return 0;
}

/* The document number (more than nine characters only where the format
 * allows it) and the optional data fit their positions. */
static int check_fit(mrz_format fmt, const mrz_fields *f, const cleaned *c, bl_err *err) {
    const layout *ly = &mrz_layouts[fmt];
    const char *fname = mrz_format_name(fmt);
    size_t ov = c->num_len > 9 ? c->num_len - 9 : 0;
    if (ov && !ly->overflow)
        return err_set(err, "document_number '%s' has %zu characters; %s allows at most 9",
                       f->document_number, c->num_len, fname);
    if (ov && memchr(c->num + 9, '<', ov))
        return err_set(err,
                       "document_number '%s': a number longer than 9 characters cannot contain "
                       "spaces after its 9th character",
                       f->document_number);
    size_t used = ov ? ov + 1 + (c->opt_len ? 1 : 0) : 0; /* overflow + check digit + filler */
    if (used + c->opt_len > (size_t)ly->opt_len) {
        if (ov)
            return err_set(err,
                           "document_number '%s' (%zu characters) and optional_data (%zu) do not "
                           "fit: %s puts the last %zu characters of the number, its check digit "
                           "and a filler before the optional data, all in %d positions",
                           f->document_number, c->num_len, c->opt_len, fname, ov, ly->opt_len);
        return err_set(err, "optional_data '%s' has %zu characters; %s allows at most %d",
                       f->optional_data, c->opt_len, fname, ly->opt_len);
    }
    if (c->opt2_len && !ly->opt2_len)
        return err_set(err, "optional_data_2 is only used by TD1 (it is '%s')", f->optional_data_2);
    if (c->opt2_len > (size_t)ly->opt2_len)
        return err_set(err, "optional_data_2 '%s' has %zu characters; TD1 allows at most %d",
                       f->optional_data_2, c->opt2_len, ly->opt2_len);
    return 0;
}

static int clean_names(const mrz_fields *f, cleaned *c, bl_err *err) {
    bl_err terr;
    if (translit_name_to_mrz(f->surname, c->sur, sizeof c->sur, &terr) < 0)
        return err_set(err, "surname: %s", terr.msg);
    if (translit_name_to_mrz(f->given_names, c->giv, sizeof c->giv, &terr) < 0)
        return err_set(err, "given_names: %s", terr.msg);
    if (!c->sur[0] && !c->giv[0]) return err_set(err, "surname and given_names are both empty");
    return 0;
}

/* The composite check digit over its raw segments (TD1, TD2, TD3). */
static void put_composite(const layout *ly, char out[3][45]) {
    char buf[64];
    size_t n = 0;
    for (int i = 0; i < 4 && ly->comp_len[i]; i++) {
        memcpy(buf + n, out[ly->comp_seg[i].line] + ly->comp_seg[i].col, (size_t)ly->comp_len[i]);
        n += (size_t)ly->comp_len[i];
    }
    put_cd(out[ly->composite.line] + ly->composite.col, buf, n);
}

/* Every line starts as fillers; each field is copied in place, then the
 * check digits over what was written. */
static void assemble(mrz_format fmt, const mrz_fields *f, const cleaned *c, char out[3][45]) {
    const layout *ly = &mrz_layouts[fmt];
    int w = ly->width;
    for (int i = 0; i < 3; i++) {
        memset(out[i], i < ly->lines ? '<' : 0, 44);
        out[i][i < ly->lines ? w : 0] = '\0';
    }
#define PUT(p, src, n) memcpy(out[(p).line] + (p).col, (src), (n))
    PUT(((pos){0, 0}), c->code, strlen(c->code));
    PUT(((pos){0, 2}), c->state, strlen(c->state));
    name_field(c->sur, c->giv, ly->name_len, out[ly->name.line] + ly->name.col);
    out[ly->name.line][w] = '\0';
    char *n9 = out[ly->number.line] + ly->number.col;
    memcpy(n9, c->num, c->num_len < 9 ? c->num_len : 9);
    char *o = out[ly->opt.line] + ly->opt.col;
    size_t ov = c->num_len > 9 ? c->num_len - 9 : 0;
    if (ov) { /* the number goes on in the optional data, with its check digit */
        n9[9] = '<';
        memcpy(o, c->num + 9, ov);
        put_cd(o + ov, c->num, c->num_len);
        if (c->opt_len) memcpy(o + ov + 2, c->opt, c->opt_len);
    } else {
        put_cd(n9 + 9, n9, 9);
        memcpy(o, c->opt, c->opt_len);
    }
    PUT(ly->nationality, c->nat, strlen(c->nat));
    PUT(ly->birth, f->birth_date, 6);
    put_cd(out[ly->birth.line] + ly->birth.col + 6, f->birth_date, 6);
    out[ly->sex.line][ly->sex.col] = c->sex;
    PUT(ly->expiry, f->expiry_date, 6);
    put_cd(out[ly->expiry.line] + ly->expiry.col + 6, f->expiry_date, 6);
    if (ly->opt2_len) PUT(ly->opt2, c->opt2, c->opt2_len);
#undef PUT
    if (ly->personal_cd >= 0) {
        if (c->opt_len)
            put_cd(out[1] + ly->personal_cd, o, (size_t)ly->opt_len);
        else
            out[1][ly->personal_cd] = '<';
    }
    if (ly->composite.line >= 0) put_composite(ly, out);
}

int mrz_make(mrz_format fmt, const mrz_fields *f, char out[3][45], int *n_lines, bl_err *err) {
    if ((int)fmt < MRZ_TD1 || fmt > MRZ_MRVB)
        return err_set(err, "unknown MRZ format %d (TD1, TD2, TD3, MRV-A or MRV-B)", (int)fmt);
    if (!f || !out) return err_set(err, "no fields given");
    /* Work on a copy whose strings are certainly terminated. */
    mrz_fields t = *f;
#define TERM(x) t.x[sizeof t.x - 1] = '\0'
    TERM(document_code), TERM(issuing_state), TERM(document_number), TERM(nationality);
    TERM(birth_date), TERM(sex), TERM(expiry_date), TERM(surname), TERM(given_names);
    TERM(optional_data), TERM(optional_data_2);
#undef TERM
    cleaned c;
    memset(&c, 0, sizeof c);
    if (clean_codes(fmt, &t, &c, err) || clean_numbers(&t, &c, err) || clean_person(&t, &c, err) ||
        check_fit(fmt, &t, &c, err) || clean_names(&t, &c, err))
        return -1;
    assemble(fmt, &t, &c, out);
    if (n_lines) *n_lines = mrz_layouts[fmt].lines;
    return 0;
}
