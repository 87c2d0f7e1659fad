/* critical.c - see critical.h */
#include "critical.h"

#include <string.h>

/* Principles (their words are "principle.<id>" in the catalogues):
 *   entry_conditions   a valid travel document that belongs to its holder
 *   non_refoulement    Refugee Convention art. 33; OHCHR Recommended Principles C
 *   own_country        ICCPR art. 12(4): no one is arbitrarily deprived of the
 *                      right to enter their own country
 *   statelessness      1954 Convention; OHCHR Recommended Principles B
 *   child              best interests of the child (CRC art. 3); OHCHR C
 *   trafficking        identification and referral of victims (OHCHR C,
 *                      Recommended Principles on Human Rights and Trafficking)
 *   heard_alone        a possible victim or a child is heard apart from the
 *                      companion who may control them (OHCHR C, Guideline 5)
 *   non_discrimination OHCHR Recommended Principles B
 *   due_process        OHCHR Recommended Principles A: reasons, in a
 *                      language the person understands, and a remedy
 *   scenario           the scenario's own rule
 *   duty               the officer's duty to decide on each person
 *   identity           the document is tied to its bearer: a face is never
 *                      called the portrait's with confidence it has not earned
 *   liberty            no one is deprived of liberty arbitrarily (ICCPR 9;
 *                      OHCHR Guideline 8): a biometric or watch-list hit is a
 *                      lead to verify, not an identification
 *   discreet_check     a monitor-only alert (a discreet check: SIS Regulation
 *                      2018/1862 art. 36-37) is recorded without the person
 *                      knowing; alerting them defeats it
 *   human_review       no decision with adverse effect on an automated PNR
 *                      match alone (Directive (EU) 2016/681 art. 6(5), 7(6)) */
static const critical_info table[CRIT_COUNT] = {
    [CRIT_ADMITTED_INVALID_DOCUMENT] = {"admitted_invalid_document", "entry_conditions", 1},
    [CRIT_REFUSED_PROTECTION] = {"refused_protection", "non_refoulement", 1},
    [CRIT_REFUSED_OWN_NATIONAL] = {"refused_own_national", "own_country", 1},
    [CRIT_REFUSED_STATELESS] = {"refused_stateless", "statelessness", 1},
    [CRIT_CHILD_WITHOUT_PROTECTION] = {"child_without_protection", "child", 1},
    [CRIT_TRAFFICKING_NO_REFERRAL] = {"trafficking_without_referral", "trafficking", 1},
    [CRIT_DISCRIMINATORY_QUESTION] = {"asked_discriminatory_question", "non_discrimination", 0},
    [CRIT_NOT_HEARD_ALONE] = {"not_heard_alone", "heard_alone", 1},
    [CRIT_REFUSAL_NOT_EXPLAINED] = {"refusal_not_explained", "due_process", 1},
    [CRIT_MUST_ASK_MISSED] = {"must_ask_missed", "scenario", 0},
    [CRIT_NO_DECISION] = {"no_decision", "duty", 0},
    [CRIT_TIME_RAN_OUT] = {"time_ran_out", "duty", 0},
    [CRIT_CONFIDENT_SAME_IMPOSTOR] = {"confident_same_for_impostor", "identity", 1},
    [CRIT_HELD_ON_FALSE_MATCH] = {"held_on_false_match", "liberty", 1},
    [CRIT_REFUSED_FOR_FINGER] = {"refused_for_missing_finger", "non_discrimination", 1},
    [CRIT_HELD_ON_UNVERIFIED_HIT] = {"held_on_unverified_hit", "liberty", 1},
    [CRIT_ADMITTED_STOLEN_DOCUMENT] = {"admitted_on_listed_document", "entry_conditions", 1},
    [CRIT_ALERTED_MONITORED] = {"alerted_monitored_person", "discreet_check", 1},
    [CRIT_USED_SENSITIVE_DATA] = {"used_sensitive_data", "non_discrimination", 0},
    [CRIT_DISCRIMINATORY_SELECTION] = {"discriminatory_selection", "non_discrimination", 0},
    [CRIT_AUTOMATED_DECISION] = {"decided_on_automated_hit", "human_review", 1},
    [CRIT_CONTACTED_FEARED_STATE] = {"contacted_feared_state", "non_refoulement", 1},
    [CRIT_CHILD_DETAINED] = {"child_detained", "child", 1},
};

const critical_info *critical_get(int kind) {
    return kind >= 0 && kind < CRIT_COUNT ? &table[kind] : NULL;
}

int critical_from_id(const char *id) {
    for (int i = 0; i < CRIT_COUNT; i++)
        if (!strcmp(table[i].id, id)) return i;
    return -1;
}

const char *critical_principle(const char *id) {
    int k = critical_from_id(id);
    if (k >= 0) return table[k].principle;
    if (!strncmp(id, CRITICAL_AUTHORED_PREFIX, strlen(CRITICAL_AUTHORED_PREFIX))) return "scenario";
    return NULL;
}
