/* record.h - the exam record: what the entries of a results journal say.
 *
 * journal.h keeps entries safe (appended, fsynced, chained with MACs); this
 * module owns what is inside them, the one place that writes or parses them.
 * The desk, `session run` and `results import` all go through it.
 *
 * A certification session's journal begins with a header entry, then one
 * entry per decided (or timed-out) traveler, "clock" entries every 30 s of a
 * running session and a "stop" entry when the desk is closed mid-case (so a
 * restart keeps the time already spent), and one "end" entry with the
 * session's verdict:
 *
 *   {"kind": "session", "session": ID, "title": ..., "trainee": ID,
 *    "trainee_name": ..., "cohort": ..., "exam": bool, "mrz_reader": bool,
 *    "seed": "DECIMAL", "scenarios": [ID...], "pass": {"overall": N,
 *    "<competency>": 0..1 ..., "critical_fails": bool, "wrong_decisions": N}, "limits": {"case_s":
 *    N, "session_s": N}, "pack_signature_sha256": HEX|"", "pack_public_key":
 *    HEX|"", ["pack_version": N, "pack_date": "YYYY-MM-DD",] "started":
 *    "YYYY-MM-DDTHH:MM:SSZ"}   (the pack's version when its signature has one)
 *   {"kind": "case", "traveler": ID, "index": N, "decision": NAME,
 *    "protection": NAME, ["expected": NAME, "expected_protection": NAME,]
 *    "points": N, "passed": bool, "timed_out": bool, "critical": [ID...],
 *    "competencies": [4 x 0..1], "assessed": [4 x bool], "missed": [DEFECT...],
 *    "items": [{"defect", "found", "doc", "side", "mm": [x,y,w,h], "light"}],
 *    "notes": [{"kind", ["key",] ["light"]}], "why": KEY, "seconds": N, "t": N,
 *    "pass_mark": N, "decision_ok": bool, "accepted": bool,
 *    "flags": [{"kind", "status": false|located|named|impostor, "doc", "side",
 *    "mm", ["there": FEATURE]}], "transcript": [{"q": KEY, "a": KEY, "tags":
 *    [required|forbidden|not_understood|must...]}], "docs": [{"template", "mm": [0, 0, w, h]}],
 *    "waived": [{"critical",
 *    "reason": KEY}], ["texts": {LANG: {KEY: TEXT}}], ["at": "YYYY-MM-DDTHH:MM:SS.mmmZ"],
 *    ["steps": {"possible"|"needed"|"required"|"covered": [STEP...]}]}
 *   (older case entries have none of the fields from "pass_mark" on, nor "at", nor "steps":
 *   the examination's F.A.L.S.E.D.O.C. steps, exam.h, absent when there was no document)
 *   {"kind": "clock"|"stop", "index": N, "t": N, "case_s": N}
 *   {"kind": "end", "reason": "completed"|"time_up", "passed": bool,
 *    "overall": N, "competencies": {...}, "failed": [MARK...], "cases": N,
 *    "elapsed": N, ["at": "YYYY-MM-DDTHH:MM:SS.mmmZ"]}
 *
 * "at" is the machine's clock (UTC, as the app reads it: the core has no clock) when the entry was
 * written: when the decision was taken, or the session ended (xAPI's timestamp). Entries from
 * before it was recorded have none ("").
 *
 * A plain desk's journal has no header, and its oldest entries no "kind":
 * an entry without one is a case. Decision and protection names come from
 * decision.h; competency ids from session_comp_id.
 */
#ifndef BL_RECORD_H
#define BL_RECORD_H

#include <stdint.h>

#include "desk.h"
#include "err.h"
#include "session.h"

typedef enum { REC_CASE, REC_HEADER, REC_CLOCK, REC_STOP, REC_END, REC_OTHER } record_kind;

#define RECORD_MAX_SCENARIOS DESK_MAX_TRAVELERS

/* Who sits what, under which rules: the first entry of a session's journal. */
typedef struct record_header {
    char session[48], title[128];
    char trainee[64], trainee_name[96], cohort[64];
    int exam, mrz_reader;
    uint64_t seed;
    int n_scenarios;
    char scenarios[RECORD_MAX_SCENARIOS][48]; /* the trainee's draw, in order */
    double pass_overall, pass_comp[COMP_COUNT];
    int critical_fails;
    int wrong_allowed; /* cases with a wrong decision the session tolerates */
    double case_limit_s, session_limit_s;
    char pack_signature_sha256[65]; /* "" : not signed */
    char pack_public_key[65];       /* the key that verified the pack; "" : not verified */
    long pack_version;              /* the version its signature carries (0: none) */
    char pack_date[11];             /* and its date */
    char started[32];
} record_header;

/* One decided case: its debrief (decision, result, findings, lessons) and
 * its share of the verdict. */
typedef struct record_case {
    char traveler[48];
    int index; /* 1-based place in the queue */
    desk_debrief d;
    int assessed[COMP_COUNT]; /* the scenario's rubric weights the competency */
    int has_seconds;          /* older desk journals have no per-case time */
    double seconds;           /* at the counter until decided */
    double t;                 /* session time when decided */
    const char *texts; /* written only: JSON object {lang: {key: text}} of the scenario's words
                          the case uses, so a report can show them without the scenario */
    char at[32];       /* UTC wall clock when decided; "" unknown (older entries) */
} record_case;

/* "clock" or "stop": the time spent, so a restart cannot reset the clocks. */
typedef struct record_clock {
    int index;     /* the traveler at the counter (1-based) */
    double t;      /* session time */
    double case_s; /* that traveler's time so far */
} record_clock;

/* The session's end and its verdict. */
typedef struct record_end {
    int time_up;       /* reason "time_up", else "completed" */
    session_verdict v; /* passed, overall, competency (-1: not assessed), failed marks */
    int cases;         /* cases decided */
    double elapsed;    /* session time at the end */
    char at[32];       /* UTC wall clock at the end; "" unknown (older entries) */
} record_end;

typedef struct record_entry {
    record_kind kind;
    record_header header;
    record_case kase;
    record_clock clock;
    record_end end;
} record_entry;

/* The header of `d` sat by its trainee on `scenario_ids` (the draw). */
void record_header_init(record_header *h, const session_def *d, const char *const *scenario_ids,
                        int n, uint64_t seed, const char *sig_sha256, const char *pub_hex,
                        const char *started);

/* Each entry's text, one JSON object (caller frees; NULL when out of memory). */
char *record_header_json(const record_header *h);
char *record_case_json(const record_case *c);
char *record_clock_json(record_kind kind, const record_clock *c); /* REC_CLOCK or REC_STOP */
char *record_end_json(const record_end *e);

/* The header's pass marks as the results database keeps them:
 * {"overall": N, "<competency>": x ..., "critical_fails": bool}. */
char *record_pass_marks_json(const record_header *h);

/* A case entry's scenario title in `lang` (from its "texts"), copied into
 * out; 1 when it has one, 0 (out "") when not. */
int record_case_title(const char *entry_json, const char *lang, char *out, size_t cap);
/* The same in n languages at once (one parse: an export reads thousands):
 * title i into out + i * cap; returns a bit per language that has one. */
unsigned record_case_titles(const char *entry_json, const char *const *langs, int n, char *out,
                            size_t cap);

/* Reads one entry's text. A kind this version does not know is REC_OTHER
 * (skipped by readers); text that is not a JSON object is an error. */
int record_parse(const char *json, record_entry *out, bl_err *err);

/* Whether a journal whose first entry is `first` (text) may continue under
 * `header` (text; NULL for a plain desk): a plain desk never continues a
 * session's journal (BL_E_USAGE), a session only its own, begun for the same
 * session, trainee, draw and rules; only the start time and the spelling of
 * the trainee's name may differ (BL_E_REFUSED, naming the field). */
int record_same_session(const char *header, const char *first, const char *path, bl_err *err);

/* What a journal's entries say about where a restarted desk resumes: fed
 * every entry in order, it counts the decided cases (which must be the
 * queue's travelers in order), the time spent, and whether the session
 * ended. */
typedef struct record_resume {
    int cases;      /* case entries */
    double elapsed; /* session time at the last entry that records it */
    double case_s;  /* time on the traveler in progress when the desk was closed */
    int ended;      /* an end entry was read */
    int bad;        /* a case entry does not fit the queue: why says which */
    char why[200];
} record_resume;

/* Takes entry `seq` (1-based). Returns 1 when it is a case the desk should
 * restore (it fits the queue), 0 otherwise. */
int record_resume_add(record_resume *r, int seq, const record_entry *e,
                      const char *const *queue_ids, int n_queue);

#endif
