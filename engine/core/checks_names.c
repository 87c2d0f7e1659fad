/* checks_names.c - (placeholder until the checks module lands) */
#include "checks.h"

#include <string.h>

static const char *lists[] = {"watchlist", "sltd", "national"};
static const char *cats[] = {"lost",   "stolen",       "revoked",
                             "wanted", "monitor_only", "missing_child"};
static const char *acts[] = {"seize", "hold_and_notify", "refer", "record_only"};
static const char *bases[] = {"name_only", "name_and_birth_date", "document_number"};

static int find(const char *const *t, int n, const char *s) {
    for (int i = 0; s && i < n; i++)
        if (!strcmp(t[i], s)) return i;
    return -1;
}
const char *chk_list_name(int i) {
    return i >= 0 && i < CHK_LISTS ? lists[i] : "?";
}
const char *chk_category_name(int i) {
    return i >= 0 && i < CHK_CATEGORIES ? cats[i] : "?";
}
const char *chk_action_name(int i) {
    return i >= 0 && i < CHK_ACTIONS ? acts[i] : "?";
}
const char *chk_basis_name(int i) {
    return i >= 0 && i < CHK_BASIS_BASES ? bases[i] : "?";
}
int chk_list_from_name(const char *s) {
    return find(lists, CHK_LISTS, s);
}
int chk_category_from_name(const char *s) {
    return find(cats, CHK_CATEGORIES, s);
}
int chk_action_from_name(const char *s) {
    return find(acts, CHK_ACTIONS, s);
}
int chk_basis_from_name(const char *s) {
    return find(bases, CHK_BASIS_BASES, s);
}
