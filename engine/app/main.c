/* main.c - borderlab's entry point: dispatches to a subcommand (like git). */
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cmd.h"

#ifndef BL_VERSION
#define BL_VERSION "dev"
#endif

static const args_cmd commands[] = {
    {"desk", cmd_desk, "the inspection desk (a window) on the default session"},
    {"play", cmd_play, "replay recorded desk input, headless or in a window"},
    {"render", cmd_render, "render a document under one or all lights (PNG + truth.json)"},
    {"check", cmd_check, "check scenario files without playing them"},
    {"session", cmd_session, "sit a certification session; sign and verify exam packs"},
    {"workstation", cmd_workstation, "a shared workstation: trainees sign in, then sit a session"},
    {"results", cmd_results, "journal keys, verify, import, query, export, push to a store"},
    {"config", cmd_config, "show the academy configuration in force and where it came from"},
    {"score", cmd_score, "score the travelers decided in an action log"},
    {"report", cmd_report, "write an HTML report for a trainee or a cohort"},
    {"templates", cmd_templates, "list document templates, defect kinds and lights"},
    {"mrz", cmd_mrz, "check or make ICAO 9303 machine-readable zones"},
    {"api", cmd_api, "a flight's passenger list as UN/EDIFACT PAXLST, its PNR; check PAXLST"},
    {"contact-sheet", cmd_sheet, "one genuine and one forged document under every light"},
    {"bench", cmd_bench, "print speed figures (bench render, bench desk)"},
    {NULL, NULL, NULL},
};

static void usage(FILE *out) {
    fprintf(out, "borderlab %s - a training simulator for document examination\n\n", BL_VERSION);
    fprintf(out, "usage: borderlab [COMMAND] [OPTIONS]\n\n");
    fprintf(out, "With no command, starts the built-in default session (options with no\n"
                 "command are the desk's: borderlab --lang ar).\n\ncommands:\n");
    for (const args_cmd *c = commands; c->name; c++)
        fprintf(out, "  %-14s %s\n", c->name, c->summary);
    fprintf(out, "\n'borderlab COMMAND --help' explains a command.\n");
}

int cmd_wants_help(int argc, char **argv) {
    return args_wants_help(argc, argv);
}

int cmd_fail(const char *who, const bl_err *err) {
    fprintf(stderr, "borderlab %s: %s\n", who, err->msg);
    return err_exit_code(err);
}

/* No command: the default session; `help` and --version; options with no
 * command (`borderlab --lang ar`) are the desk's; else the command table
 * (-h/--help, unknown commands: args_dispatch). */
int main(int argc, char **argv) {
    if (argc < 2) return cmd_default(argc, argv);
    if (strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("borderlab %s\n", BL_VERSION);
        return 0;
    }
    if (argv[1][0] == '-' && argv[1][1] == '-' && strcmp(argv[1], "--help") != 0) {
        argv[0] = "desk"; /* the desk's options, as `borderlab desk` takes them */
        return cmd_desk(argc, argv);
    }
    return args_dispatch(NULL, commands, usage, argc, argv);
}
