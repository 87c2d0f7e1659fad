/* decision.c - see decision.h */
#include "decision.h"

#include <string.h>

static const char *decisions[DECIDE_COUNT] = {"none", "admit", "refuse", "second_line",
                                              "protection"};

static const struct {
    const char *log, *script;
} protections[PROTECT_COUNT] = {
    {"none", "none"},
    {"asylum", "asylum"},
    {"child_protection", "child"},
    {"trafficking", "trafficking"},
};

const char *decision_name(int d) {
    return d >= 0 && d < DECIDE_COUNT ? decisions[d] : decisions[0];
}

int decision_from_name(const char *s) {
    for (int i = 1; s && i < DECIDE_COUNT; i++)
        if (!strcmp(decisions[i], s)) return i;
    return -1;
}

const char *protection_name(int p) {
    return p >= 0 && p < PROTECT_COUNT ? protections[p].log : protections[0].log;
}

const char *protection_script_name(int p) {
    return p >= 0 && p < PROTECT_COUNT ? protections[p].script : protections[0].script;
}

int protection_from_name(const char *s) {
    for (int i = 1; s && i < PROTECT_COUNT; i++)
        if (!strcmp(protections[i].log, s) || !strcmp(protections[i].script, s)) return i;
    return -1;
}
