/* fuzz_mrz.c - libFuzzer entry point for mrz.h and translit.h.
 *
 * One input exercises all three entry points:
 *   1. mrz_parse on the raw bytes (no NUL terminator, any byte values);
 *   2. translit_name_to_mrz on the bytes as a C string;
 *   3. mrz_make on fields taken from the input's lines (format name first).
 * Beyond "no crash, no out-of-bounds access" it checks properties that must
 * hold for every input and traps when one does not:
 *   - parse: valid <=> no issues; format in range or -1; strings terminated;
 *   - a valid MRZ's fields can be made again, and that MRZ is valid with the
 *     same document number and dates;
 *   - transliteration output is only A-Z and single '<' between letters;
 *   - whatever mrz_make accepts, mrz_parse accepts.
 * Seeds: tests/fuzz/corpus/mrz/ (specimens, peer cases, field lists, garbage).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mrz.h"
#include "translit.h"

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) __builtin_trap();                                                             \
    } while (0)

static int terminated(const char *s, size_t cap) {
    return memchr(s, '\0', cap) != NULL;
}

static void check_result(const mrz_result *r) {
    CHECK(r->format >= -1 && r->format <= MRZ_MRVB);
    CHECK(r->n_issues >= 0 && r->n_issues <= MRZ_MAX_ISSUES);
    CHECK(r->valid == (r->n_issues == 0));
    CHECK(r->format >= 0 || !r->valid);
    for (int i = 0; i < r->n_issues; i++) {
        CHECK(terminated(r->issues[i].field, sizeof r->issues[i].field));
        CHECK(terminated(r->issues[i].message, sizeof r->issues[i].message));
        CHECK(r->issues[i].field[0] != '\0');
    }
    const mrz_fields *f = &r->fields;
    CHECK(terminated(f->document_number, sizeof f->document_number));
    CHECK(terminated(f->surname, sizeof f->surname));
    CHECK(terminated(f->given_names, sizeof f->given_names));
    CHECK(terminated(f->optional_data, sizeof f->optional_data));
    CHECK(terminated(f->optional_data_2, sizeof f->optional_data_2));
}

/* Lines of the MRZ that mrz_make wrote, joined for mrz_parse. */
static size_t join(char out[3][45], int n, char *buf) {
    size_t len = 0;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(out[i]);
        memcpy(buf + len, out[i], l);
        len += l;
        buf[len++] = '\n';
    }
    return len;
}

static void remake(const mrz_result *r) {
    char out[3][45], buf[3 * 46];
    int n = 0;
    bl_err err;
    CHECK(mrz_make((mrz_format)r->format, &r->fields, out, &n, &err) == 0);
    mrz_result again;
    mrz_parse(buf, join(out, n, buf), &again);
    check_result(&again);
    CHECK(again.valid);
    CHECK(again.format == r->format);
    CHECK(strcmp(again.fields.document_number, r->fields.document_number) == 0);
    CHECK(strcmp(again.fields.birth_date, r->fields.birth_date) == 0);
    CHECK(strcmp(again.fields.expiry_date, r->fields.expiry_date) == 0);
    CHECK(strcmp(again.fields.issuing_state, r->fields.issuing_state) == 0);
    CHECK(strcmp(again.fields.nationality, r->fields.nationality) == 0);
}

static void fuzz_translit(const char *s) {
    char out[600];
    bl_err err;
    int n = translit_name_to_mrz(s, out, sizeof out, &err);
    if (n < 0) {
        CHECK(out[0] == '\0');
        CHECK(terminated(err.msg, sizeof err.msg));
        return;
    }
    CHECK((size_t)n == strlen(out));
    for (int i = 0; i < n; i++) {
        CHECK((out[i] >= 'A' && out[i] <= 'Z') || out[i] == '<');
        if (out[i] == '<') CHECK(i > 0 && i + 1 < n && out[i + 1] != '<');
    }
}

/* Fields from lines: format, document_code, issuing_state, document_number,
 * nationality, birth_date, sex, expiry_date, surname, given_names,
 * optional_data, optional_data_2. Over-long lines are cut to the field. */
static void fuzz_make(const char *s) {
    mrz_fields f;
    memset(&f, 0, sizeof f);
    char *slot[11] = {f.document_code, f.issuing_state, f.document_number, f.nationality,
                      f.birth_date,    f.sex,           f.expiry_date,     f.surname,
                      f.given_names,   f.optional_data, f.optional_data_2};
    size_t cap[11] = {sizeof f.document_code, sizeof f.issuing_state,  sizeof f.document_number,
                      sizeof f.nationality,   sizeof f.birth_date,     sizeof f.sex,
                      sizeof f.expiry_date,   sizeof f.surname,        sizeof f.given_names,
                      sizeof f.optional_data, sizeof f.optional_data_2};
    char fmt_name[8] = "";
    const char *p = s;
    for (int i = -1; i < 11 && *p; i++) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *dst = i < 0 ? fmt_name : slot[i];
        size_t c = i < 0 ? sizeof fmt_name : cap[i];
        size_t k = n < c - 1 ? n : c - 1;
        memcpy(dst, p, k);
        dst[k] = '\0';
        p = e ? e + 1 : p + n;
    }
    int fmt = mrz_format_from_name(fmt_name);
    if (fmt < 0) fmt = (unsigned char)fmt_name[0] % 5;
    char out[3][45], buf[3 * 46];
    int n = 0;
    bl_err err;
    if (mrz_make((mrz_format)fmt, &f, out, &n, &err) < 0) {
        CHECK(terminated(err.msg, sizeof err.msg));
        return;
    }
    mrz_result r;
    mrz_parse(buf, join(out, n, buf), &r);
    check_result(&r);
    CHECK(r.valid);
    CHECK(r.format == fmt);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    mrz_result r;
    mrz_parse((const char *)data, size, &r);
    check_result(&r);
    if (r.valid) remake(&r);

    char *s = malloc(size + 1);
    if (!s) return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    fuzz_translit(s);
    fuzz_make(s);
    free(s);
    return 0;
}
