/* main.c - borderlab's entry point: dispatches to a subcommand (like git). */
#include <stdio.h>
#include <string.h>

#include "cmd.h"

#ifndef BL_VERSION
#define BL_VERSION "dev"
#endif

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"desk", cmd_desk, "the inspection desk (a window) on the default session"},
    {"play", cmd_play, "replay recorded desk input, headless or in a window"},
    {"render", cmd_render, "render a document under one or all lights (PNG + truth.json)"},
    {"check", cmd_check, "check scenario files without playing them"},
    {"session", cmd_session, "sit a certification session; sign and verify exam packs"},
    {"results", cmd_results, "make a journal key, verify a results journal"},
    {"score", cmd_score, "score the travelers decided in an action log"},
    {"report", cmd_report, "write an HTML report for a trainee or a cohort"},
    {"templates", cmd_templates, "list document templates, defect kinds and lights"},
    {"mrz", cmd_mrz, "check or make ICAO 9303 machine-readable zones"},
    {"contact-sheet", cmd_sheet, "one genuine and one forged document under every light"},
    {"bench", cmd_bench, "print speed figures (bench render, bench desk)"},
};

static void usage(FILE *out) {
    fprintf(out, "borderlab %s - a training simulator for document examination\n\n", BL_VERSION);
    fprintf(out, "usage: borderlab [COMMAND] [OPTIONS]\n\n");
    fprintf(out, "With no command, starts the built-in default session.\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-14s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'borderlab COMMAND --help' explains a command.\n");
}

int cmd_wants_help(int argc, char **argv) {
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) return 1;
    return 0;
}

int cmd_fail(const char *who, const bl_err *err) {
    fprintf(stderr, "borderlab %s: %s\n", who, err->msg);
    return err_exit_code(err);
}

int main(int argc, char **argv) {
    if (argc < 2) return cmd_default(argc, argv);
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(name, "--version") == 0) {
        printf("borderlab %s\n", BL_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(name, commands[i].name) == 0) return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "borderlab: unknown command '%s'\n\n", name);
    usage(stderr);
    return 2;
}
