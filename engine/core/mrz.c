/* mrz.c - ICAO Doc 9303 MRZ parsing, validation and generation (see mrz.h).
 *
 * Field positions follow Doc 9303 (8th edition, 2021): Part 4 §4.2.2 (TD3),
 * Part 5 §4.2.2 (TD1), Part 6 §4.2.2 (TD2), Part 7 §4.2.2 (MRV-A, MRV-B);
 * check digits Part 3 §4.9; dates Part 3 §4.8; names Part 3 §4.6 and the
 * truncation rules of Parts 4-7. Every read from the input goes through the
 * layout checks first, so later code indexes only lines of the known width.
 * Generation (mrz_make) is in mrz_make.c; mrz_int.h is what both share.
 */
#include "mrz.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mrz_int.h"
#include "translit.h"

/* ---- small helpers --------------------------------------------------------------------- */

static int cd_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    if (c == '<') return 0;
    return -1;
}

int mrz_check_digit(const char *s, size_t n) {
    static const int weight[3] = {7, 3, 1};
    int sum = 0;
    if (!s && n) return -1;
    for (size_t i = 0; i < n; i++) {
        int v = cd_value(s[i]);
        if (v < 0) return -1;
        sum = (sum + v * weight[i % 3]) % 10;
    }
    return sum;
}

static const char *const format_names[] = {"TD1", "TD2", "TD3", "MRV-A", "MRV-B"};

const char *mrz_format_name(int fmt) {
    return fmt >= MRZ_TD1 && fmt <= MRZ_MRVB ? format_names[fmt] : NULL;
}

static int ascii_ieq(const char *a, const char *b) {
    for (;; a++, b++) {
        char x = *a >= 'a' && *a <= 'z' ? (char)(*a - 32) : *a;
        char y = *b >= 'a' && *b <= 'z' ? (char)(*b - 32) : *b;
        if (x != y) return 0;
        if (!x) return 1;
    }
}

int mrz_format_from_name(const char *name) {
    if (!name) return -1;
    for (int i = MRZ_TD1; i <= MRZ_MRVB; i++)
        if (ascii_ieq(name, format_names[i])) return i;
    if (ascii_ieq(name, "MRVA")) return MRZ_MRVA;
    if (ascii_ieq(name, "MRVB")) return MRZ_MRVB;
    return -1;
}

static void add_issue(mrz_result *r, const char *field, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void add_issue(mrz_result *r, const char *field, const char *fmt, ...) {
    r->valid = 0;
    if (r->n_issues >= MRZ_MAX_ISSUES) return;
    mrz_issue *is = &r->issues[r->n_issues++];
    snprintf(is->field, sizeof is->field, "%s", field);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(is->message, sizeof is->message, fmt, ap);
    va_end(ap);
}

/* Copies an MRZ field for display: trailing fillers go, inner '<' become spaces. */
static void field_text(char *dst, size_t cap, const char *src, size_t n) {
    while (n > 0 && src[n - 1] == '<')
        n--;
    if (n >= cap) n = cap - 1;
    for (size_t i = 0; i < n; i++)
        dst[i] = src[i] == '<' ? ' ' : src[i];
    dst[n] = '\0';
}

/* Describes a character for a message without echoing raw bytes. */
void mrz_char_desc(char c, char *buf, size_t cap) {
    unsigned char u = (unsigned char)c;
    if (u >= 0x21 && u < 0x7F && c != '"' && c != '\\')
        snprintf(buf, cap, "'%c'", c);
    else if (c == ' ')
        snprintf(buf, cap, "a space");
    else
        snprintf(buf, cap, "byte 0x%02X", u);
}

/* ---- dates ------------------------------------------------------------------------------ */

static const char *const month_names[12] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};

/* Checks a YYMMDD date. Unknown parts ('<<' per group) are allowed only when
 * allow_unknown (birth dates, Doc 9303 Part 3 §4.8). Returns 0 when plausible,
 * else writes the reason into why. 29 February passes when YY is a leap year in
 * either century (YY % 4 == 0 covers 2000 as well). */
int mrz_date_problem(const char *d, size_t n, int allow_unknown, char *why, size_t cap) {
    int v[3], known[3];
    static const char *const part[3] = {"year", "month", "day"};
    if (n != 6) {
        snprintf(why, cap, "has %zu characters, expected 6 (YYMMDD)", n);
        return 1;
    }
    for (int g = 0; g < 3; g++) {
        char a = d[2 * g], b = d[2 * g + 1];
        if (a >= '0' && a <= '9' && b >= '0' && b <= '9') {
            known[g] = 1;
            v[g] = (a - '0') * 10 + (b - '0');
        } else if (a == '<' && b == '<') {
            if (!allow_unknown) {
                snprintf(why, cap, "%s is '<<': only the birth date may have unknown parts",
                         part[g]);
                return 1;
            }
            known[g] = 0;
            v[g] = 0;
        } else {
            snprintf(why, cap, "%s must be two digits%s", part[g],
                     allow_unknown ? ", or '<<' when unknown" : "");
            return 1;
        }
    }
    if (known[1] && (v[1] < 1 || v[1] > 12)) {
        snprintf(why, cap, "month %02d is not 01-12", v[1]);
        return 1;
    }
    if (known[2] && (v[2] < 1 || v[2] > 31)) {
        snprintf(why, cap, "day %02d is not 01-31", v[2]);
        return 1;
    }
    if (known[1] && known[2]) {
        static const int dim[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (v[2] > dim[v[1] - 1]) {
            snprintf(why, cap, "%d %s does not exist", v[2], month_names[v[1] - 1]);
            return 1;
        }
        if (v[1] == 2 && v[2] == 29 && known[0] && v[0] % 4 != 0) {
            snprintf(why, cap, "29 February does not exist in 19%02d or 20%02d", v[0], v[0]);
            return 1;
        }
    }
    return 0;
}

/* ---- parsing ---------------------------------------------------------------------------- */

/* Positions per format, 0-based; Doc 9303 counts from 1 (TD3 line 2 positions
 * 1-9 = number, 10 = its check digit, ...). Composite digits cover the listed
 * raw segments: TD1 line 1 positions 6-30 and line 2 1-7, 9-15, 19-29; TD2 and
 * TD3 line 2 1-10, 14-20, 22-35 (TD2) or 22-43 (TD3). Visas have none. */
const layout mrz_layouts[5] = {
    [MRZ_TD1] = {.lines = 3,
                 .width = 30,
                 .name = {2, 0},
                 .name_len = 30,
                 .number = {0, 5},
                 .nationality = {1, 15},
                 .birth = {1, 0},
                 .sex = {1, 7},
                 .expiry = {1, 8},
                 .opt = {0, 15},
                 .opt_len = 15,
                 .opt2 = {1, 18},
                 .opt2_len = 11,
                 .personal_cd = -1,
                 .composite = {1, 29},
                 .comp_seg = {{0, 5}, {1, 0}, {1, 8}, {1, 18}},
                 .comp_len = {25, 7, 7, 11},
                 .overflow = 1},
    [MRZ_TD2] = {.lines = 2,
                 .width = 36,
                 .name = {0, 5},
                 .name_len = 31,
                 .number = {1, 0},
                 .nationality = {1, 10},
                 .birth = {1, 13},
                 .sex = {1, 20},
                 .expiry = {1, 21},
                 .opt = {1, 28},
                 .opt_len = 7,
                 .personal_cd = -1,
                 .composite = {1, 35},
                 .comp_seg = {{1, 0}, {1, 13}, {1, 21}},
                 .comp_len = {10, 7, 14},
                 .overflow = 1},
    [MRZ_TD3] = {.lines = 2,
                 .width = 44,
                 .name = {0, 5},
                 .name_len = 39,
                 .number = {1, 0},
                 .nationality = {1, 10},
                 .birth = {1, 13},
                 .sex = {1, 20},
                 .expiry = {1, 21},
                 .opt = {1, 28},
                 .opt_len = 14,
                 .personal_cd = 42,
                 .composite = {1, 43},
                 .comp_seg = {{1, 0}, {1, 13}, {1, 21}},
                 .comp_len = {10, 7, 22}},
    [MRZ_MRVA] = {.lines = 2,
                  .width = 44,
                  .name = {0, 5},
                  .name_len = 39,
                  .number = {1, 0},
                  .nationality = {1, 10},
                  .birth = {1, 13},
                  .sex = {1, 20},
                  .expiry = {1, 21},
                  .opt = {1, 28},
                  .opt_len = 16,
                  .personal_cd = -1,
                  .composite = {-1, 0}},
    [MRZ_MRVB] = {.lines = 2,
                  .width = 36,
                  .name = {0, 5},
                  .name_len = 31,
                  .number = {1, 0},
                  .nationality = {1, 10},
                  .birth = {1, 13},
                  .sex = {1, 20},
                  .expiry = {1, 21},
                  .opt = {1, 28},
                  .opt_len = 8,
                  .personal_cd = -1,
                  .composite = {-1, 0}},
};

typedef struct {
    const char *s[3];
} mrz_lines;

#define AT(L, p) ((L)->s[(p).line] + (p).col)

/* Reports a wrong check digit `got` for the characters in[0..n-1]. `alt` is a
 * second accepted value (-1 if none). Returns 1 when the digit is right. */
static int verify_cd(mrz_result *r, const char *field, const char *in, size_t n, char got, int alt,
                     int line, int col, const char *note) {
    int want = mrz_check_digit(in, n);
    if (got >= '0' && got <= '9' && (got - '0' == want || got - '0' == alt)) return 1;
    char g[16];
    mrz_char_desc(got, g, sizeof g);
    if (got >= '0' && got <= '9') snprintf(g, sizeof g, "%c", got);
    add_issue(r, field, "check digit is %s, expected %d (line %d, column %d%s)", g, want, line + 1,
              col + 1, note);
    return 0;
}

static void check_code(mrz_result *r, const char *field, const char *s, pos p, const char *what) {
    int letters = 0, i = 0;
    while (i < 3 && s[i] >= 'A' && s[i] <= 'Z')
        i++, letters++;
    while (i < 3 && s[i] == '<')
        i++;
    if (letters == 0 || i < 3)
        add_issue(r, field,
                  "'%.3s' is not a %s code: expected 1-3 letters A-Z, then fillers "
                  "(line %d, columns %d-%d)",
                  s, what, p.line + 1, p.col + 1, p.col + 3);
}

static void check_date(mrz_result *r, const char *field, const char *s, int allow_unknown, pos p) {
    char why[120];
    if (mrz_date_problem(s, 6, allow_unknown, why, sizeof why))
        add_issue(r, field, "%.6s is not a valid date: %s (line %d, columns %d-%d)", s, why,
                  p.line + 1, p.col + 1, p.col + 6);
}

/* Splits the name field at the first "<<" into surname and given names. */
static void parse_name(mrz_result *r, const char *s, int len, pos p) {
    int split = -1;
    for (int i = 0; i + 1 < len; i++)
        if (s[i] == '<' && s[i + 1] == '<') {
            split = i;
            break;
        }
    int sur_len = split < 0 ? len : split;
    int giv = split < 0 ? len : split + 2;
    while (giv < len && s[giv] == '<')
        giv++;
    field_text(r->fields.surname, sizeof r->fields.surname, s, (size_t)sur_len);
    field_text(r->fields.given_names, sizeof r->fields.given_names, s + giv, (size_t)(len - giv));
    r->name_truncated = s[len - 1] != '<';

    int empty = 1, reported[2] = {0, 0};
    for (int i = 0; i < len; i++) {
        if (s[i] != '<') empty = 0;
        int part = i >= sur_len;
        if (s[i] >= '0' && s[i] <= '9' && !reported[part]) {
            reported[part] = 1; /* the first digit of each part locates the problem */
            add_issue(r, part ? "given_names" : "surname",
                      "digit '%c' at line %d, column %d: names hold only letters A-Z and "
                      "fillers",
                      s[i], p.line + 1, p.col + i + 1);
        }
    }
    if (empty)
        add_issue(r, "surname", "the name field is empty (line %d, columns %d-%d)", p.line + 1,
                  p.col + 1, p.col + len);
}

/* Checks the document number and its check digit, including the TD1/TD2 form
 * for numbers longer than nine characters. Returns the offset into the
 * optional data field where the real optional data starts. */
static int parse_number(mrz_result *r, const layout *ly, const mrz_lines *L) {
    const char *num = AT(L, ly->number);
    char cdc = num[9];
    int cd_col = ly->number.col + 9;
    const char *opt = AT(L, ly->opt);
    int run = 0;
    if (ly->overflow && cdc == '<')
        while (run < ly->opt_len && opt[run] != '<')
            run++;

    if (ly->overflow && cdc == '<' && run >= 2) {
        /* Whole number = 9 characters + opt[0..run-2]; its check digit is opt[run-1].
         * Doc 9303 computes it over the whole number; some issuers (Belgian cards
         * such as BEL-BO-03003) include the '<' of position 15, so that value is
         * accepted too. */
        char whole[40], with_filler[40];
        int ov = run - 1;
        memcpy(whole, num, 9);
        memcpy(whole + 9, opt, (size_t)ov);
        memcpy(with_filler, num, 10);
        memcpy(with_filler + 10, opt, (size_t)ov);
        field_text(r->fields.document_number, sizeof r->fields.document_number, whole,
                   (size_t)(9 + ov));
        int alt = mrz_check_digit(with_filler, (size_t)(10 + ov));
        verify_cd(r, "document_number", whole, (size_t)(9 + ov), opt[run - 1], alt, ly->opt.line,
                  ly->opt.col + run - 1, "; the number continues in the optional data");
        return run < ly->opt_len ? run + 1 : run;
    }
    field_text(r->fields.document_number, sizeof r->fields.document_number, num, 9);
    if (r->fields.document_number[0] == '\0') {
        add_issue(r, "document_number", "the document number is empty (line %d, columns %d-%d)",
                  ly->number.line + 1, ly->number.col + 1, ly->number.col + 9);
        return 0;
    }
    if (ly->overflow && cdc == '<') {
        add_issue(r, "document_number",
                  "check digit is '<', expected %d (line %d, column %d); a '<' there means the "
                  "number continues in the optional data, but no continuation and check digit "
                  "follow",
                  mrz_check_digit(num, 9), ly->number.line + 1, cd_col + 1);
        return 0;
    }
    verify_cd(r, "document_number", num, 9, cdc, -1, ly->number.line, cd_col, "");
    return 0;
}

static void parse_fields(mrz_result *r, int fmt, const mrz_lines *L) {
    const layout *ly = &mrz_layouts[fmt];
    mrz_fields *f = &r->fields;
    const char *l0 = L->s[0];

    /* Document code: first letter by format, second letter or filler. */
    field_text(f->document_code, sizeof f->document_code, l0, 2);
    char c0 = l0[0], c1 = l0[1];
    const char *want = fmt == MRZ_TD3 ? "P" : (fmt == MRZ_TD1 || fmt == MRZ_TD2) ? "ACI" : "V";
    if (c0 == '<' || !strchr(want, c0))
        add_issue(r, "document_code",
                  "document code '%.2s' must start with %s for %s (line 1, column 1)%s", l0,
                  fmt == MRZ_TD3                       ? "P"
                  : (fmt == MRZ_TD1 || fmt == MRZ_TD2) ? "A, C or I"
                                                       : "V",
                  format_names[fmt],
                  c0 == 'V' && fmt == MRZ_TD1 ? "; visas have 2 lines (MRV-A, MRV-B)" : "");
    if (!(c1 == '<' || (c1 >= 'A' && c1 <= 'Z')))
        add_issue(r, "document_code",
                  "second character of the document code is '%c', expected a letter or '<' "
                  "(line 1, column 2)",
                  c1);

    field_text(f->issuing_state, sizeof f->issuing_state, l0 + 2, 3);
    check_code(r, "issuing_state", l0 + 2, (pos){0, 2}, "state or organization");

    int opt_start = parse_number(r, ly, L);

    const char *nat = AT(L, ly->nationality);
    field_text(f->nationality, sizeof f->nationality, nat, 3);
    check_code(r, "nationality", nat, ly->nationality, "nationality");

    const char *dob = AT(L, ly->birth);
    memcpy(f->birth_date, dob, 6);
    f->birth_date[6] = '\0';
    check_date(r, "birth_date", dob, 1, ly->birth);
    verify_cd(r, "birth_date", dob, 6, dob[6], -1, ly->birth.line, ly->birth.col + 6, "");

    char sex = *AT(L, ly->sex);
    f->sex[0] = sex;
    f->sex[1] = '\0';
    if (!strchr("MFX<", sex))
        add_issue(r, "sex", "sex is '%c', expected M, F, X or < (line %d, column %d)", sex,
                  ly->sex.line + 1, ly->sex.col + 1);

    const char *exp = AT(L, ly->expiry);
    memcpy(f->expiry_date, exp, 6);
    f->expiry_date[6] = '\0';
    check_date(r, "expiry_date", exp, 0, ly->expiry);
    verify_cd(r, "expiry_date", exp, 6, exp[6], -1, ly->expiry.line, ly->expiry.col + 6, "");

    const char *opt = AT(L, ly->opt);
    field_text(f->optional_data, sizeof f->optional_data, opt + opt_start,
               (size_t)(ly->opt_len - opt_start));
    if (ly->personal_cd >= 0) {
        /* TD3 personal number: an unused (all-filler) field may carry '<' or 0 (Part 4). */
        char pc = L->s[1][ly->personal_cd];
        int unused = f->optional_data[0] == '\0';
        if (unused && pc != '<' && pc != '0')
            add_issue(r, "optional_data",
                      "check digit is '%c', expected < or 0 for an empty personal number "
                      "(line 2, column %d)",
                      pc, ly->personal_cd + 1);
        else if (!unused)
            verify_cd(r, "optional_data", opt, (size_t)ly->opt_len, pc, -1, 1, ly->personal_cd, "");
    }
    if (ly->opt2_len)
        field_text(f->optional_data_2, sizeof f->optional_data_2, AT(L, ly->opt2),
                   (size_t)ly->opt2_len);

    parse_name(r, AT(L, ly->name), ly->name_len, ly->name);

    if (ly->composite.line >= 0) {
        char buf[64];
        size_t n = 0;
        for (int i = 0; i < 4 && ly->comp_len[i]; i++) {
            memcpy(buf + n, AT(L, ly->comp_seg[i]), (size_t)ly->comp_len[i]);
            n += (size_t)ly->comp_len[i];
        }
        verify_cd(r, "composite", buf, n, *AT(L, ly->composite), -1, ly->composite.line,
                  ly->composite.col, "");
    }
}

/* Checks line count, widths and characters. Returns the format, or -1 after
 * reporting why the text is not an MRZ. */
static int check_layout(mrz_result *r, const char *const *line, const size_t *llen, int n) {
    if (n != 2 && n != 3) {
        add_issue(r, "mrz",
                  "expected 2 lines (TD2, TD3, MRV-A, MRV-B) or 3 lines (TD1), found %d "
                  "(line %d, column 1; lines and columns are 1-based)",
                  n, n < 2 ? n + 1 : 4);
        return -1;
    }
    size_t width = 0;
    if (n == 3)
        width = 30;
    else if (llen[0] == 36 || llen[0] == 44)
        width = llen[0];
    else if (llen[1] == 36 || llen[1] == 44)
        width = llen[1];

    int bad = 0;
    for (int i = 0; i < n; i++) {
        int shown = 0;
        for (size_t j = 0; j < llen[i]; j++) {
            char c = line[i][j];
            if (cd_value(c) >= 0) continue;
            bad = 1;
            if (shown++ >= 3) continue; /* a few per line are enough to locate the damage */
            char d[16];
            mrz_char_desc(c, d, sizeof d);
            add_issue(r, "mrz",
                      "line %d, column %zu (1-based): %s is not allowed; the MRZ holds only "
                      "A-Z, 0-9 and <%s",
                      i + 1, j + 1, d, c >= 'a' && c <= 'z' ? " (upper case only)" : "");
        }
        if (width == 0 && i == 0 && llen[0] == 30 && llen[1] == 30) {
            add_issue(r, "mrz",
                      "line 3, column 1 (1-based): found 2 lines of 30 characters, but a TD1 "
                      "has 3 lines");
            bad = 1;
        } else if (width == 0 && i == 0) {
            add_issue(r, "mrz",
                      "line 1, column %zu (1-based): line 1 has %zu characters, expected 30 "
                      "(TD1, 3 lines), 36 (TD2, MRV-B) or 44 (TD3, MRV-A)",
                      llen[0] + 1 < 45 ? llen[0] + 1 : 45, llen[0]);
            bad = 1;
        } else if (width && llen[i] != width) {
            add_issue(r, "mrz",
                      "line %d, column %zu (1-based): line %d has %zu characters, expected %zu "
                      "(%s)",
                      i + 1, llen[i] < width ? llen[i] + 1 : width + 1, i + 1, llen[i], width,
                      width == 30   ? "TD1"
                      : width == 36 ? "TD2, MRV-B"
                                    : "TD3, MRV-A");
            bad = 1;
        }
    }
    if (bad) return -1;
    if (n == 3) return MRZ_TD1;
    int visa = line[0][0] == 'V';
    if (width == 36) return visa ? MRZ_MRVB : MRZ_TD2;
    return visa ? MRZ_MRVA : MRZ_TD3;
}

void mrz_parse(const char *text, size_t len, mrz_result *out) {
    if (!out) return;
    memset(out, 0, sizeof *out);
    out->format = -1;
    out->valid = 1;
    if (!text) len = 0;

    const char *line[4] = {0};
    size_t llen[4] = {0};
    int n = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && text[i] != '\n') continue;
        if (i == len && start == len && n > 0) break; /* text ends with a newline */
        size_t e = i;
        if (e > start && text[e - 1] == '\r') e--;
        if (n < 4) line[n] = text + start, llen[n] = e - start;
        if (n < 100) n++;
        start = i + 1;
    }
    if (len == 0) {
        add_issue(out, "mrz", "the MRZ is empty (line 1, column 1; 1-based)");
        return;
    }
    int fmt = check_layout(out, line, llen, n);
    if (fmt < 0) return;
    out->format = fmt;
    mrz_lines L = {{line[0], line[1], n > 2 ? line[2] : NULL}};
    parse_fields(out, fmt, &L);
    out->valid = out->n_issues == 0;
}
