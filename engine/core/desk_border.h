/* desk_border.h - what the desk keeps of the systems panel (Y) and the
 * second-line stage: the contents the app hands it (desk_sys_info), and what
 * the trainee has done with them (desk_sys_state, desk_second_state). Part of
 * desk.h, in its own file for size; the panels' code is desk_sys.h and
 * desk_second.h. */
#ifndef BL_DESK_BORDER_H
#define BL_DESK_BORDER_H

#include <stdint.h>

#include "date.h"

/* What the systems panel (Y) shows of the traveler at the counter: the
 * airline's API line beside the document presented, the PNR and the risk
 * rules' hits on it, what each database check answers, and the civil
 * registry's and the consulate's answers. The app works it out from the
 * scenario when the traveler arrives (desk_set_sys_info); the desk shows it
 * and logs what the trainee does with it. */
#define SYS_API_FIELDS                                                                             \
    8                    /* surname, given names, birth, sex, nationality, number, expiry, issuer  \
                          */
#define SYS_PNR_LINES 32 /* kept; the panel shows SYS_PNR_PAGE at a time */
#define SYS_PNR_PAGE  12
#define SYS_RULES     4
#define SYS_HITS      5
#define SYS_LISTS     3 /* checks.h's chk_list: watch list, lost and stolen documents, national */
#define SYS_REG_LINES 6

typedef struct desk_sys_hit {
    int list, category, action, basis; /* checks.h's enums */
    int score;                         /* 0..100 */
    int check;                         /* the scenario's check it is (-1: another record) */
    char name[64], name_native[96];
    bl_date birth;
    char sex[2];
    char doc[16], reporting[4], ref[24];
    bl_date reported;
    uint64_t photo; /* the record's photo: a face seed (0: none) */
} desk_sys_hit;

typedef struct desk_sys_info {
    int has_api;      /* the airline sent API data (an air arrival with a flight) */
    char flight[64];  /* "NA 412  NHV - VLM  09:10 - 12:40" */
    char booking[16]; /* the PNR locator and seat, as the API line gives them */
    char seat[8];
    char api[SYS_API_FIELDS][48]; /* the API line's fields */
    char doc[SYS_API_FIELDS][48]; /* ... the document presented's */
    int n_pnr;
    char pnr[SYS_PNR_LINES][128];
    unsigned char pnr_sensitive[SYS_PNR_LINES]; /* the line reveals religion or health */
    int n_rules;                                /* risk rules the PNR hits */
    char rule[SYS_RULES][32], rule_why[SYS_RULES][112];
    int n_hits[SYS_LISTS]; /* what a search of each list answers (for the document's data) */
    desk_sys_hit hits[SYS_LISTS][SYS_HITS];
    char trav_name[64]; /* the document's holder, as the searches ask */
    bl_date trav_birth;
    char trav_doc[16];
    int registry; /* scn_reg_result (0: no registry) */
    char reg_state[4];
    int n_reg;
    char reg[SYS_REG_LINES][96];
    int consulate; /* scn_consulate: what its interview concludes */
    int etd;       /* ... and whether it then issues an emergency travel document */
} desk_sys_info;

enum { SYS_TAB_API, SYS_TAB_PNR, SYS_TAB_CHECKS, SYS_TAB_REGISTRY, SYS_TABS };

typedef struct desk_sys_state {
    int tab;
    int focus;
    int api_seen;      /* the API tab was shown */
    int mismatch;      /* recorded that the API line and the document differ */
    unsigned concern;  /* bit per PNR line marked as a concern */
    int pnr_page;      /* the PNR lines shown: SYS_PNR_PAGE from pnr_page * SYS_PNR_PAGE */
    unsigned reviewed; /* bit per risk-rule hit reviewed by the officer */
    unsigned searched; /* bit per list searched */
    int list, hit;     /* the hit shown (-1: the lists) */
    unsigned compared[SYS_LISTS];               /* bit per hit compared with the traveler */
    unsigned char verdict[SYS_LISTS][SYS_HITS]; /* 1 the traveler, 2 not the traveler */
    unsigned actions[SYS_LISTS][SYS_HITS];      /* bit per hit action taken */
    int reg_asked, cons_asked, etd_asked, voluntary, best_interests;
} desk_sys_state;

/* Hit actions (desk_sys_state.actions' bits): checks.h's chk_action for the
 * record's own ones, and telling the subject. */
#define SYS_ACT_INFORM 4

/* ------------------------------------------------------------ second line */

/* The second-line stage (desk_second.h): the steps the trainee takes, each
 * logged; the decision itself is the toolbar's, as at the first line. */
enum {
    SL_REASON_DOCUMENT,    /* a document defect found */
    SL_REASON_HIT,         /* a database hit to verify */
    SL_REASON_API,         /* the API data and the document differ */
    SL_REASON_PNR,         /* a PNR risk hit, reviewed */
    SL_REASON_ACCOUNT,     /* the account does not hold together */
    SL_REASON_IDENTITY,    /* identity not established (no document) */
    SL_REASON_PROTECTION,  /* a protection need to assess */
    SL_REASON_NATIONALITY, /* not objective: never a reason */
    SL_REASON_RELIGION,    /* ... (a meal request, dress, prayer) */
    SL_REASON_APPEARANCE,  /* ... (ethnic appearance) */
    SL_REASONS
};
#define SL_REASON_OBJECTIVE 7 /* reasons below this are objective */
enum { SL_SEARCH_NONE = 1, SL_SEARCH_PRIVATE, SL_SEARCH_HERE };
enum { SL_HOLD_NO = 1, SL_HOLD_YES };

typedef struct desk_second_state {
    int active;  /* the traveler is at second line */
    int panel;   /* its panel is shown */
    long frame0; /* when the stage began */
    int focus;
    unsigned reasons; /* bit per SL_REASON_* chosen */
    int reason_recorded;
    int explained; /* 1 understood; 2 explained in a language they do not understand */
    int search;    /* SL_SEARCH_* */
    int screened;
    unsigned referrals; /* bit per scn_vuln referred */
    int family;         /* family members assessed individually */
    int hold;           /* SL_HOLD_* */
    int lawyer, consul; /* offered */
    int authority;      /* referred to the competent authority (police, prosecutor) */
    int written;        /* the decision given in writing, with reasons and the remedy */
} desk_second_state;

#endif
