/* checks.h - (placeholder until the checks module lands: the names only) */
#ifndef BL_CHECKS_H
#define BL_CHECKS_H

typedef enum { CHK_WATCHLIST, CHK_SLTD, CHK_NATIONAL, CHK_LISTS } chk_list;
typedef enum {
    CHK_LOST,
    CHK_STOLEN,
    CHK_REVOKED,
    CHK_WANTED,
    CHK_MONITOR,
    CHK_MISSING_CHILD,
    CHK_CATEGORIES
} chk_category;
typedef enum { CHK_SEIZE, CHK_HOLD_NOTIFY, CHK_REFER, CHK_RECORD_ONLY, CHK_ACTIONS } chk_action;
typedef enum { CHK_BASIS_NAME, CHK_BASIS_NAME_DOB, CHK_BASIS_DOCUMENT, CHK_BASIS_BASES } chk_basis;

const char *chk_list_name(int), *chk_category_name(int), *chk_action_name(int),
    *chk_basis_name(int);
int chk_category_from_name(const char *), chk_action_from_name(const char *),
    chk_list_from_name(const char *), chk_basis_from_name(const char *);

#endif
