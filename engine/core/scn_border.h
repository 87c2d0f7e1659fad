/* scn_border.h - a scenario's part beyond the first-line desk (issue 18;
 * docs/scenarios.md "Database checks", "Second line", "Establishing
 * identity"): the records the database checks hold about the traveler or
 * their document, the second-line stage and what it reveals, and the civil
 * registry's and the consulate's answers for a person without documents.
 *
 * Plain data, read by engine/script/scn_border.c; the desk shows it through
 * the app, scoring judges what the trainee did against it.
 */
#ifndef BL_SCN_BORDER_H
#define BL_SCN_BORDER_H

#include "date.h"

#define SCN_MAX_CHECKS 4

/* A record a database check finds (checks.h names the lists, categories,
 * actions and bases). */
typedef struct scn_check {
    int list;     /* chk_list: watchlist, sltd, national */
    int category; /* chk_category: lost, stolen, revoked, wanted, monitor_only, missing_child */
    int action;   /* chk_action: seize, hold_and_notify, refer, record_only */
    int basis;    /* chk_basis: how the record meets the traveler: name_only,
                     name_and_birth_date, document_number (the first document's) */
    int traveler; /* the record is about the traveler (a true hit); 0: someone else, who
                     shares a name (a false hit). A document record is about the
                     document: the traveler is its holder unless an impostor */
    int found;    /* a lost document its holder found again: the record still stands */
    char reporting[4];
    /* the record's person, when someone else (a name hit); "" : drawn */
    char surname[48], given[48], surname_native[96], given_native[96];
    bl_date birth; /* y 0: the traveler's (a true hit) or another drawn date */
    int line;
} scn_check;

/* What vulnerability screening at second line can reveal, and the
 * referrals it calls for (bit per kind). */
typedef enum {
    VULN_ASYLUM, /* fear of persecution or serious harm */
    VULN_CHILD,  /* a child (under 18), with or without family */
    VULN_TRAFFICKING,
    VULN_STATELESS,
    VULN_GBV,        /* gender-based violence */
    VULN_DISABILITY, /* a disability or health need for support */
    VULN_COUNT
} scn_vuln;
const char *scn_vuln_name(int v); /* "asylum", "child", ... */
int scn_vuln_from_name(const char *s);

typedef struct scn_second {
    int stage;           /* choosing second line opens its stage (the `second_line` table) */
    int search;          /* a search of the person is needed (what they carry is in doubt) */
    int hold;            /* holding is justified, as a last resort, while identity is checked */
    unsigned vulnerable; /* bit per scn_vuln: what screening reveals */
    int family;          /* family members travel with them: each assessed individually */
    int children;        /* ... among them this many children (never held; child protection) */
    int authority;       /* a matter for the police or prosecutor: admit and refer */
    int minutes;         /* the stage's own time limit (0: none) */
    int line;
} scn_second;

/* The civil registry's answer to a query on the person's account. */
typedef enum {
    REG_NONE, /* no registry in the case */
    REG_MATCH,
    REG_NO_RECORD,
    REG_DIFFERS, /* a record, with fields that differ from the account */
    REG_LATE,    /* a record, registered late (years after the birth) */
    REG_COUNT
} scn_reg_result;
/* The consulate's answer after its interview. */
typedef enum { CONS_NONE, CONS_CONFIRM, CONS_DENY, CONS_MORE, CONS_COUNT } scn_consulate;
const char *scn_reg_name(int r);  /* "none", "match", "no_record", "differs", "late" */
const char *scn_cons_name(int c); /* "none", "confirm", "deny", "more" */
int scn_reg_from_name(const char *s);
int scn_cons_from_name(const char *s);

typedef struct scn_registry {
    int result;          /* scn_reg_result */
    char state[4];       /* whose registry and consulate: "QWH", "UTO" */
    char differs[48];    /* REG_DIFFERS: what differs (a key of the scenario's strings) */
    bl_date registered;  /* the record's registration date (REG_LATE: years after birth) */
    int consulate;       /* scn_consulate */
    int etd;             /* on confirmation the consulate issues an emergency travel document */
    int return_intended; /* the case is about a return: voluntariness is to be recorded */
    int line;
} scn_registry;

#endif
