/* i18n.c - see i18n.h */
#include "i18n.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bl_builtin_catalogs.h"

struct i18n {
    char lang[8];
    char name[48];
    int rtl;
    int arabic_digits;
    const i18n *fallback;
    int n;
    char **keys, **texts;
    unsigned char *review;
};

int i18n_builtin_count(void) {
    int n = 0;
    while (bl_builtin_catalogs[n].name)
        n++;
    return n;
}

const char *i18n_builtin_lang(int i) {
    return i >= 0 && i < i18n_builtin_count() ? bl_builtin_catalogs[i].name : NULL;
}

const char *i18n_builtin_json(const char *lang) {
    for (int i = 0; bl_builtin_catalogs[i].name; i++)
        if (!strcmp(bl_builtin_catalogs[i].name, lang)) return bl_builtin_catalogs[i].text;
    return NULL;
}

void i18n_destroy(i18n *c) {
    if (!c) return;
    for (int i = 0; i < c->n; i++) {
        free(c->keys[i]);
        free(c->texts[i]);
    }
    free(c->keys);
    free(c->texts);
    free(c->review);
    free(c);
}

typedef struct {
    char *key, *text;
} entry;

static int cmp_entry(const void *a, const void *b) {
    return strcmp(((const entry *)a)->key, ((const entry *)b)->key);
}

static char *dup(const char *s) { /* strdup is POSIX, not C11 */
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

static int find(const i18n *c, const char *key) {
    int lo = 0, hi = c->n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2, r = strcmp(c->keys[mid], key);
        if (r == 0) return mid;
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

/* Sorts the keys (texts follow) for binary search; a key twice is an error. */
static int sort_keys(i18n *c, const char *name, bl_err *err) {
    entry *e = malloc(sizeof *e * (size_t)(c->n ? c->n : 1));
    if (!e) return err_set(err, "out of memory");
    for (int i = 0; i < c->n; i++)
        e[i].key = c->keys[i], e[i].text = c->texts[i];
    qsort(e, (size_t)c->n, sizeof *e, cmp_entry);
    for (int i = 0; i < c->n; i++)
        c->keys[i] = e[i].key, c->texts[i] = e[i].text;
    free(e);
    for (int i = 1; i < c->n; i++)
        if (!strcmp(c->keys[i - 1], c->keys[i]))
            return err_set(err, "%s: key \"%s\" appears twice", name, c->keys[i]);
    return 0;
}

/* The keys a translator is asked to review (each must be a key). */
static int mark_review(i18n *c, const cJSON *review, const char *name, bl_err *err) {
    if (!cJSON_IsArray(review)) return err_set(err, "%s: review: expected a list of keys", name);
    for (const cJSON *r = review->child; r; r = r->next) {
        int i = cJSON_IsString(r) ? find(c, r->valuestring) : -1;
        if (i < 0)
            return err_set(err, "%s: review: \"%s\" is not a key of this catalogue", name,
                           cJSON_IsString(r) ? r->valuestring : "?");
        c->review[i] = 1;
    }
    return 0;
}

i18n *i18n_load_json(const char *json, size_t len, const char *name, const i18n *fallback,
                     bl_err *err) {
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!root) {
        err_set(err, "%s: not valid JSON", name);
        return NULL;
    }
    i18n *c = calloc(1, sizeof *c);
    const cJSON *lang = cJSON_GetObjectItemCaseSensitive(root, "lang");
    const cJSON *nm = cJSON_GetObjectItemCaseSensitive(root, "name");
    const cJSON *dir = cJSON_GetObjectItemCaseSensitive(root, "dir");
    const cJSON *digits = cJSON_GetObjectItemCaseSensitive(root, "digits");
    const cJSON *strings = cJSON_GetObjectItemCaseSensitive(root, "strings");
    const cJSON *review = cJSON_GetObjectItemCaseSensitive(root, "review");
    if (!c) {
        err_set(err, "out of memory");
        goto fail;
    }
    for (const cJSON *k = root->child; k; k = k->next)
        if (strcmp(k->string, "lang") && strcmp(k->string, "name") && strcmp(k->string, "dir") &&
            strcmp(k->string, "digits") && strcmp(k->string, "strings") &&
            strcmp(k->string, "review")) {
            err_set(err, "%s: unknown key \"%s\"", name, k->string);
            goto fail;
        }
    if (!cJSON_IsString(lang) || strlen(lang->valuestring) >= sizeof c->lang ||
        !cJSON_IsObject(strings)) {
        err_set(err, "%s: needs \"lang\" (a short code) and \"strings\" (an object)", name);
        goto fail;
    }
    strcpy(c->lang, lang->valuestring);
    snprintf(c->name, sizeof c->name, "%s", cJSON_IsString(nm) ? nm->valuestring : c->lang);
    if (dir && (!cJSON_IsString(dir) ||
                (strcmp(dir->valuestring, "ltr") && strcmp(dir->valuestring, "rtl")))) {
        err_set(err, "%s: dir: expected \"ltr\" or \"rtl\"", name);
        goto fail;
    }
    c->rtl = dir && !strcmp(dir->valuestring, "rtl");
    c->arabic_digits = cJSON_IsString(digits) && !strcmp(digits->valuestring, "arabic-indic");
    c->fallback = fallback;
    int n = cJSON_GetArraySize(strings);
    c->keys = calloc((size_t)n + 1, sizeof *c->keys);
    c->texts = calloc((size_t)n + 1, sizeof *c->texts);
    c->review = calloc((size_t)n + 1, 1);
    if (!c->keys || !c->texts || !c->review) {
        err_set(err, "out of memory");
        goto fail;
    }
    for (const cJSON *s = strings->child; s; s = s->next) {
        if (!cJSON_IsString(s)) {
            err_set(err, "%s: strings.%s: expected a string", name, s->string);
            goto fail;
        }
        c->keys[c->n] = dup(s->string);
        c->texts[c->n] = dup(s->valuestring);
        if (!c->keys[c->n] || !c->texts[c->n]) {
            c->n++;
            err_set(err, "out of memory");
            goto fail;
        }
        c->n++;
    }
    if (sort_keys(c, name, err) != 0) goto fail;
    if (review && mark_review(c, review, name, err) != 0) goto fail;
    cJSON_Delete(root);
    return c;
fail:
    cJSON_Delete(root);
    i18n_destroy(c);
    return NULL;
}

void i18n_each_key(const i18n *c, void (*fn)(void *ud, const char *key), void *ud) {
    for (int i = 0; c && i < c->n; i++)
        fn(ud, c->keys[i]);
}

char *i18n_to_json(const i18n *c) {
    cJSON *o = cJSON_CreateObject(), *strings, *review;
    cJSON_AddStringToObject(o, "lang", c->lang);
    cJSON_AddStringToObject(o, "name", c->name);
    cJSON_AddStringToObject(o, "dir", c->rtl ? "rtl" : "ltr");
    cJSON_AddStringToObject(o, "digits", c->arabic_digits ? "arabic-indic" : "latin");
    strings = cJSON_AddObjectToObject(o, "strings");
    review = cJSON_AddArrayToObject(o, "review");
    for (int i = 0; i < c->n; i++) {
        cJSON_AddStringToObject(strings, c->keys[i], c->texts[i]);
        if (c->review[i]) cJSON_AddItemToArray(review, cJSON_CreateString(c->keys[i]));
    }
    char *text = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return text;
}

const char *i18n_lang(const i18n *c) {
    return c->lang;
}

const char *i18n_name(const i18n *c) {
    return c->name;
}

int i18n_rtl(const i18n *c) {
    return c && c->rtl;
}

const char *i18n_get(const i18n *c, const char *key) {
    for (const i18n *x = c; x; x = x->fallback) {
        int i = find(x, key);
        if (i >= 0) return x->texts[i];
    }
    return key;
}

const i18n *i18n_source(const i18n *c, const char *key) {
    for (const i18n *x = c; x; x = x->fallback)
        if (find(x, key) >= 0) return x;
    return NULL;
}

int i18n_has(const i18n *c, const char *key) {
    return find(c, key) >= 0;
}

int i18n_needs_review(const i18n *c, const char *key) {
    int i = find(c, key);
    return i >= 0 && c->review[i];
}

void i18n_format(const i18n *c, char *out, size_t cap, const char *key, ...) {
    const char *t = i18n_get(c, key);
    size_t n = 0;
    if (!cap) return;
    while (*t && n + 1 < cap) {
        if (*t == '{') {
            const char *end = strchr(t, '}');
            int done = 0;
            if (end) {
                va_list ap;
                va_start(ap, key);
                const char *name;
                while ((name = va_arg(ap, const char *))) {
                    const char *val = va_arg(ap, const char *);
                    if (strlen(name) == (size_t)(end - t - 1) &&
                        !strncmp(name, t + 1, (size_t)(end - t - 1))) {
                        for (const char *v = val; *v && n + 1 < cap; v++)
                            out[n++] = *v;
                        done = 1;
                        break;
                    }
                }
                va_end(ap);
            }
            if (done) {
                t = end + 1;
                continue;
            }
        }
        out[n++] = *t++;
    }
    out[n] = '\0';
}

void i18n_number(const i18n *c, long v, char *out, size_t cap) {
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%ld", v);
    i18n_digits(c, tmp, out, cap);
}

void i18n_digits(const i18n *c, const char *in, char *out, size_t cap) {
    if (!cap) return;
    if (!c || !c->arabic_digits) {
        snprintf(out, cap, "%s", in);
        return;
    }
    size_t n = 0;
    for (const char *p = in; *p && n + 3 < cap; p++) {
        if (*p >= '0' && *p <= '9') { /* U+0660 + d: 0xD9 0xA0+d */
            out[n++] = (char)0xD9;
            out[n++] = (char)(0xA0 + (*p - '0'));
        } else {
            out[n++] = *p;
        }
    }
    out[n] = '\0';
}

int i18n_missing(const i18n *c, const i18n *ref, void (*fn)(void *ud, const char *key), void *ud) {
    int missing = 0;
    for (int i = 0; i < ref->n; i++)
        if (find(c, ref->keys[i]) < 0) {
            missing++;
            if (fn) fn(ud, ref->keys[i]);
        }
    return missing;
}
