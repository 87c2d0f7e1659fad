#!/usr/bin/env bash
# borderlab report: HTML reports for a trainee and a cohort, from a results
# database built the real way (desk replays -> signed journals -> import).
# The numbers on the page are checked against the database, computed again
# here in Python; names typed by people are escaped; the page loads nothing
# from outside; bad input gets a message and leaves an earlier report alone;
# headless Chromium opens both pages without a console message.
set -u
BL=${1:?usage: report.sh borderlab imgtool}
T=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "kept $T" || trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../lib/cli.sh"
HOSTILE='<script>alert(1)</script>'
HOSTILE_COHORT="Night \"shift\" & <b>co</b>'s"

# ---- the database: the real way, sessions and desk practice
# Cohort spring: t-101 sits the session and practises at the desk; t-102 sits
# it and lets the last case time out; t-103 (a name with markup) stops after
# four travelers; t-105 begins and decides nothing; a trainee whose id is
# markup practises at the desk. t-201 sits the session in another cohort,
# whose name is markup.
mkdir -p "$T/pack/sessions"
cp scenarios/*.lua "$T/pack/"
cat >"$T/pack/sessions/practice.lua" <<'EOF'
return session {
  id = "spring-practice", title = "Spring practice <b>& review</b>", exam = false,
  time_limit = { case_min = 0.5, session_min = 10 },
  pass = { overall = 60, document_examination = 50, interview = 40, human_rights = 80,
           procedure = 50, critical_fails = true },
  trainee = { cohort = "spring" },
  scenarios = { "../s01-citizen-returning.lua", "../s02-expired-passport.lua",
                "../s03-business-visitor.lua", "../s04-counterfeit-paper.lua",
                "../s05-fear-of-return.lua", "../s06-unaccompanied-child.lua" },
}
EOF
# input FILE FRAME:"keys" ...: a key press a frame, starting at FRAME
input() {
    local f=$1 spec fr k; shift; : >"$f"
    for spec in "$@"; do
        fr=${spec%%:*}
        for k in ${spec#*:}; do echo "@$fr key $k" >>"$f"; fr=$((fr + 1)); done
    done
}
# a decision is its key (a admit, x refuse, s second line, p N protection),
# return to confirm, return to close the debrief; 60 frames a second, 30 s a case
input "$T/a.in" 10:2 20:3 60:"a return return" 200:"x return return" 500:"a return return" \
    650:"x return return" 900:"p 1 return return" 1300:"p 2 return return"
input "$T/a2.in" 40:"a return return" 700:"x return return"
input "$T/b.in" 100:"x return return" 400:"a return return" 450:"s return return" \
    1000:"a return return" 1100:"x return return" 3000:"return"
input "$T/c.in" 30:"a return return" 300:"s return return" 800:"a return return" 820:"x return return"
: >"$T/none.in"
"$BL" results keygen "$T/key" >/dev/null
# sit NAME INPUT TRAINEE TRAINEE_NAME [--cohort C]: a session journal into r.db
sit() {
    local j=$1 in=$2 id=$3 name=$4; shift 4
    "$BL" session run "$T/pack/sessions/practice.lua" --trainee "$id" --name "$name" "$@" \
        --key "$T/key" --journal "$T/$j" --headless --input "$T/$in" --out-dir "$T/o-$j" \
        >>"$T/import.log" 2>&1 &&
        "$BL" results import "$T/$j" --key "$T/key" --db "$T/r.db" >>"$T/import.log" 2>&1
}
# practise NAME INPUT TRAINEE COHORT: a desk journal (no session) into r.db
practise() {
    "$BL" play --headless --journal "$T/$1" --key "$T/key" --input "$T/$2" --out-dir "$T/o-$1" \
        >>"$T/import.log" 2>&1 &&
        "$BL" results import "$T/$1" --key "$T/key" --db "$T/r.db" --trainee "$3" --cohort "$4" \
            >>"$T/import.log" 2>&1
}
ok=0
sit ja a.in t-101 "Ana Officer" && practise jp a2.in t-101 spring &&
    sit jb b.in t-102 "Ben Officer" && sit jc c.in t-103 "$HOSTILE" &&
    sit je none.in t-105 "Eve Officer" &&
    practise jh c.in "$HOSTILE" spring &&
    sit jd a2.in t-201 "Dee Officer" --cohort "$HOSTILE_COHORT" && ok=1
check "a database through session run, play, journals and import" test $ok -eq 1 ||
    cat "$T/import.log"
cp "$T/r.db" "$T/r.db.before"

# ---- the Python side: tables of a page, and the same numbers from the database
cat >"$T/rep.py" <<'PY'
import html.parser, json, re, sqlite3, sys

class Page(html.parser.HTMLParser):
    """Tables by id (rows of cell texts, header row dropped), tiles by id, headings."""
    def __init__(self, text):
        super().__init__()
        self.tables, self.tiles, self.headings = {}, {}, []
        self.table = self.row = self.cell = self.tile = self.head = None
        self.bold = False
        self.feed(text)
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table": self.table = self.tables.setdefault(a.get("id"), [])
        elif tag == "tr" and self.table is not None: self.row = []
        elif tag in ("td", "th") and self.row is not None: self.cell = ""
        elif tag == "div" and a.get("class") == "tile": self.tile = a["id"]
        elif tag == "b" and self.tile: self.tiles[self.tile] = ""; self.bold = True
        elif tag in ("h1", "h2"): self.head = ""
    def handle_endtag(self, tag):
        if tag == "table": self.table = None
        elif tag in ("td", "th") and self.cell is not None: self.row.append(self.cell.strip()); self.cell = None
        elif tag == "tr" and self.row is not None: self.table.append(self.row); self.row = None
        elif tag == "div": self.tile = None
        elif tag == "b": self.bold = False
        elif tag in ("h1", "h2") and self.head is not None: self.headings.append(self.head.strip()); self.head = None
    def handle_data(self, d):
        if self.cell is not None: self.cell += d
        if self.head is not None: self.head += d
        if self.tile and self.bold: self.tiles[self.tile] += d
    def rows(self, tid):
        return self.tables[tid][1:]

def connect(db):
    c = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    c.row_factory = sqlite3.Row
    return c

def cases(db, trainee=None, cohort=None):
    """Cases in report order (trainee, session start, journal first imported,
    seq); a case's seconds, else the time since the previous decision of its
    journal (older desk journals)."""
    c = connect(db)
    rows = [dict(r) for r in c.execute("SELECT rowid, * FROM results ORDER BY journal, seq")]
    started = {r["journal"]: r["started"] for r in c.execute("SELECT journal, started FROM sessions")}
    first, prev = {}, {}
    for r in rows:
        first[r["journal"]] = min(first.get(r["journal"], r["rowid"]), r["rowid"])
        r["secs"] = r["seconds"] if r["seconds"] is not None else r["t"] - prev.get(r["journal"], 0)
        prev[r["journal"]] = r["t"]
    rows.sort(key=lambda r: (r["trainee"], started.get(r["journal"]) or "", first[r["journal"]], r["seq"]))
    return [r for r in rows if (trainee is None or r["trainee"] == trainee)
            and (cohort is None or r["cohort"] == cohort)]

def sessions(db, journals):
    return [dict(s) for s in connect(db).execute("SELECT * FROM sessions") if s["journal"] in journals]

def pct(x): return "%.0f%%" % x
def pts(x): return "%.1f pts" % x
def sec(x): return "%.1f s" % x
def mean(xs): return sum(xs) / len(xs)
def ids(j): return ", ".join(json.loads(j)).replace("_", " ") or "none"
def verdict(s):
    return "practice" if not s["session"] else "not finished" if s["passed"] is None else \
        "passed" if s["passed"] else "failed"
def same(what, got, want):
    assert got == want, "%s: page says %r, database says %r" % (what, got, want)
COMPS = ["document_examination", "interview", "human_rights", "procedure"]

def check_trainee(db, page, trainee):
    p, cs = Page(open(page, encoding="utf-8").read()), cases(db, trainee=trainee)
    same("mean points", p.tiles["mean-points"], pts(mean([c["points"] for c in cs])))
    same("cases", p.tiles["case-count"], str(len(cs)))
    same("pass rate", p.tiles["pass-rate"], pct(100 * mean([c["passed"] for c in cs])))
    want = [[str(i + 1), c["scenario"], pts(c["points"]), "passed" if c["passed"] else "failed",
             sec(c["secs"])] for i, c in enumerate(cs)]
    same("every case", [[r[0], r[1], r[3], r[4], r[9]] for r in p.rows("cases")], want)
    same("critical errors and missed defects per case",
         [[r[1], r[5], r[6]] for r in p.rows("outcomes-table")],
         [[c["scenario"], ids(c["critical"]), ids(c["missed"])] for c in cs])
    same("time and limit per case", [r[2:] for r in p.rows("time-table")],
         [[sec(c["secs"]), "%.0f s" % c["time_limit"] if c["time_limit"] else "none"] for c in cs])
    ss = sessions(db, {c["journal"] for c in cs})
    marks = {}
    for s in ss:
        for k, v in json.loads(s["pass_marks"]).items():
            if k in COMPS: marks[k] = max(v, marks.get(k, v))
    same("competencies and pass marks", [r[1:3] for r in p.rows("competencies-table")],
         [["%.1f%%" % (100 * mean([c[k] for c in cs])), pct(100 * marks[k]) if k in marks else "none"]
          for k in COMPS])
    same("sessions and verdicts", sorted((r[0], r[4], r[5]) for r in p.rows("sessions-table")),
         sorted((s["title"] or "desk practice", verdict(s), (s["reason"] or "\u2014").replace("_", " "))
                for s in ss))

def check_cohort(db, page, cohort):
    p, cs = Page(open(page, encoding="utf-8").read()), cases(db, cohort=cohort)
    same("mean points", p.tiles["mean-points"], pts(mean([c["points"] for c in cs])))
    ss = [dict(s) for s in connect(db).execute("SELECT * FROM sessions WHERE cohort = ?", (cohort,))]
    trainees = sorted({c["trainee"] for c in cs} | {s["trainee"] for s in ss})
    same("trainee count", p.tiles["trainee-count"], str(len(trainees)))
    want = []
    for t in trainees:
        m, mine = [c for c in cs if c["trainee"] == t], [s for s in ss if s["trainee"] == t]
        name = next((x["trainee_name"] for x in m + mine if x["trainee_name"]), "\u2014")
        numbers = [pts(mean([c["points"] for c in m])), pct(100 * mean([c["passed"] for c in m]))] \
            if m else ["\u2014", "\u2014"]
        want.append([t, name, str(len(m))] + numbers +
                    [str(sum(1 for c in m if json.loads(c["critical"]))),
                     " ".join(sorted(verdict(s) for s in mine))])
    got = [r[:6] + [" ".join(sorted(re.findall("practice|not finished|passed|failed", r[6])))]
           for r in p.rows("trainees-table")]
    same("trainees", got, want)
    want, want_t = [], []
    for s in sorted({c["scenario"] for c in cs}):
        m = [c for c in cs if c["scenario"] == s]
        n, ok = len(m), sum(c["passed"] for c in m)
        want.append([s, str(n), str(ok), str(n - ok), pct(100 * ok / n), pts(mean([c["points"] for c in m]))])
        secs, lim = [c["secs"] for c in m], max(c["time_limit"] or -1 for c in m)
        want_t.append([s, str(n), sec(min(secs)), sec(mean(secs)), sec(max(secs)),
                       "%.0f s" % lim if lim >= 0 else "none"])
    same("outcomes per scenario", p.rows("scenarios-table"), want)
    same("time per scenario", p.rows("scenario-time-table"), want_t)
    kinds = {}
    for c in cs:
        for k in json.loads(c["critical"]):
            kinds.setdefault(k, []).append(c["trainee"])
    same("critical errors by kind", p.rows("critical-table") if kinds else [],
         [[k.replace("_", " "), str(len(v)), str(len(set(v)))] for k, v in sorted(kinds.items())])

def headings(page):
    print("\n".join(Page(open(page, encoding="utf-8").read()).headings))

{"trainee": check_trainee, "cohort": check_cohort, "headings": headings}[sys.argv[1]](*sys.argv[2:])
PY
rep() { python3 "$T/rep.py" "$@"; }

# ---- the reports
"$BL" report --db "$T/r.db" --trainee t-101 --out "$T/trainee.html" >"$T/out" 2>&1; rc=$?
check "trainee report: written, exit 0" bash -c "test $rc -eq 0 && grep -q 'wrote the trainee report' '$T/out'"
check "trainee report: tiles, every case, errors, times and limits, competencies and pass marks, sessions and verdicts as in the database" \
    rep trainee "$T/r.db" "$T/trainee.html" t-101
# dashed lines: 4 competencies' pass marks, the points' pass mark, and the
# limit of the 6 session cases (the desk practice has none)
check "trainee report: three charts; pass marks and time limits drawn as lines" bash -c "
    test \$(grep -o '<svg ' '$T/trainee.html' | wc -l) -eq 3 && grep -q '>pass mark 60 pts<' '$T/trainee.html' &&
    test \$(grep -o '<line class=\"mark\"' '$T/trainee.html' | wc -l) -eq 11"
"$BL" report --db "$T/r.db" --cohort spring --out "$T/cohort.html" >"$T/out" 2>&1; rc=$?
check "cohort report: written, exit 0" bash -c "test $rc -eq 0 && grep -q 'wrote the cohort report' '$T/out'"
check "cohort report: trainees and their verdicts, outcomes and time per scenario, critical errors as in the database" \
    rep cohort "$T/r.db" "$T/cohort.html" spring
check "cohort report: the other cohort's trainee is not in it" bash -c "! grep -q 't-201' '$T/cohort.html'"
for who in t-102 t-103 "$HOSTILE"; do
    "$BL" report --db "$T/r.db" --trainee "$who" --out "$T/one.html" >/dev/null 2>&1; rc=$?
    check "trainee report of '$who': numbers as in the database" \
        bash -c "test $rc -eq 0 && python3 '$T/rep.py' trainee '$T/r.db' '$T/one.html' '$who'"
    [ "$who" = t-103 ] && cp "$T/one.html" "$T/t103.html"
done
cp "$T/one.html" "$T/hostile.html"
"$BL" report --db "$T/r.db" --cohort "$HOSTILE_COHORT" --out "$T/hostile-cohort.html" >/dev/null 2>&1; rc=$?
check "cohort report of a cohort named with markup: numbers as in the database" \
    bash -c "test $rc -eq 0 && python3 '$T/rep.py' cohort '$T/r.db' '$T/hostile-cohort.html' \"\$1\"" _ "$HOSTILE_COHORT"
check "markup in trainee ids, names, cohorts and titles is escaped, never markup" bash -c "
    for f in '$T/hostile.html' '$T/cohort.html' '$T/t103.html'; do
        ! grep -qF '$HOSTILE' \"\$f\" && grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' \"\$f\" || exit 1
    done
    ! grep -qF '<b>co</b>' '$T/hostile-cohort.html' && ! grep -qF '<b>& review' '$T/trainee.html' &&
    grep -qF 'Night &quot;shift&quot; &amp; &lt;b&gt;co&lt;/b&gt;&#39;s' '$T/hostile-cohort.html' &&
    grep -qF 'Spring practice &lt;b&gt;&amp; review&lt;/b&gt;' '$T/trainee.html'"
check "no script and nothing loaded from outside (no http(s)://, src=, href=, url(), @import)" \
    bash -c "! grep -qiE 'https?://|src=|href=|url\(|@import|<script|<link' '$T/trainee.html' '$T/cohort.html' '$T/hostile.html' '$T/t103.html' '$T/hostile-cohort.html'"
check "every chart has a title and a description, and its numbers a table" bash -c "
    for f in '$T/trainee.html' '$T/cohort.html'; do
        n=\$(grep -o '<svg ' \"\$f\" | wc -l)
        test \$n -gt 0 && test \$(grep -o '<desc id=' \"\$f\" | wc -l) -eq \$n &&
            test \$(grep -o 'aria-labelledby=\"[a-z-]*-t [a-z-]*-d\"' \"\$f\" | wc -l) -eq \$n &&
            test \$(grep -o '<table ' \"\$f\" | wc -l) -ge \$n || exit 1
    done"
check "a print style sheet" grep -q '@media print' "$T/trainee.html"
check "reports only read the database" cmp -s "$T/r.db" "$T/r.db.before"
# Older desk journals have no per-case seconds: a case's time is then the
# time since the previous decision in its journal.
cp "$T/r.db" "$T/old-seconds.db"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('UPDATE results SET seconds=NULL'); c.commit()" "$T/old-seconds.db"
"$BL" report --db "$T/old-seconds.db" --trainee t-101 --out "$T/old.html" >/dev/null 2>&1; rc=$?
check "journals without per-case seconds: the time since the previous decision" \
    bash -c "test $rc -eq 0 && python3 '$T/rep.py' trainee '$T/old-seconds.db' '$T/old.html' t-101 &&
             ! cmp -s '$T/old.html' '$T/trainee.html'"

# A case can fail on several critical errors: a cohort can have more kinds
# of them than cases (here 5 kinds on one case of 4).
cp "$T/r.db" "$T/kinds.db"
python3 - "$T/kinds.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("""UPDATE results SET critical='["k_1","k_2","k_3","k_4","k_5"]'
             WHERE trainee='t-201' AND seq=3""")
c.commit()
PY
"$BL" report --db "$T/kinds.db" --cohort "$HOSTILE_COHORT" --out "$T/kinds.html" >/dev/null 2>&1; rc=$?
check "more kinds of critical error than cases: all counted" \
    bash -c "test $rc -eq 0 && python3 '$T/rep.py' cohort '$T/kinds.db' '$T/kinds.html' \"\$1\" &&
             test \$(grep -o '<th scope=\"row\">k [1-5]</th>' '$T/kinds.html' | wc -l) -eq 5" _ "$HOSTILE_COHORT"

# ---- bad input: a message saying what, where and what to do; an earlier report stays
echo "an earlier report" >"$T/keep.html"
cp "$T/keep.html" "$T/keep.orig"
refused() { # refused NAME WANT_RC WANT_MESSAGE ARGS...
    local name=$1 want=$2 msg=$3; shift 3
    "$BL" report "$@" >"$T/out" 2>"$T/err"; local rc=$?
    check "$name: exit $want, '$msg', the earlier report untouched" bash -c "
        test $rc -eq $want && grep -qF -- \"$msg\" '$T/err' && grep -q '^borderlab report: ' '$T/err' &&
        cmp -s '$T/keep.html' '$T/keep.orig' && ! ls '$T' | grep -q '\.tmp\.'" || cat "$T/err"
}
refused "no such database" 2 "no results database at '$T/none.db'" --db "$T/none.db" --trainee t-101 --out "$T/keep.html"
refused "unknown trainee" 1 "no trainee 'nobody'" --db "$T/r.db" --trainee nobody --out "$T/keep.html"
refused "unknown trainee names the known ones" 1 "'t-101', 't-102'" --db "$T/r.db" --trainee nobody --out "$T/keep.html"
refused "a session but no decided case yet" 1 "trainee 't-105' in '$T/r.db' has 1 session(s) but no decided case yet: nothing to report" --db "$T/r.db" --trainee t-105 --out "$T/keep.html"
refused "unknown cohort" 1 "no cohort 'winter'" --db "$T/r.db" --cohort winter --out "$T/keep.html"
refused "an output folder that does not exist" 2 "check the folder exists" --db "$T/r.db" --trainee t-101 --out "$T/nowhere/r.html"
mkdir "$T/adir"
refused "an output path that is a folder" 2 "cannot replace" --db "$T/r.db" --trainee t-101 --out "$T/adir"
echo "not a database at all, just text that is long enough to have a header" >"$T/junk.db"
refused "a file that is not a database" 2 "not an SQLite database" --db "$T/junk.db" --trainee t-101 --out "$T/keep.html"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE results(x)'); c.execute('CREATE TABLE sessions(x)'); c.execute('PRAGMA user_version=1'); c.commit()" "$T/old.db"
refused "a database of another schema" 2 "not a results database of schema 2 (it has schema 1)" --db "$T/old.db" --trainee t-101 --out "$T/keep.html"
refused "usage: no --out" 2 "give --db DB, --out FILE.html" --db "$T/r.db" --trainee t-101
refused "usage: both --trainee and --cohort" 2 "one of --trainee ID or --cohort NAME" --db "$T/r.db" --trainee t-101 --cohort spring --out "$T/keep.html"
refused "usage: a language not written yet" 2 "English only" --db "$T/r.db" --trainee t-101 --out "$T/keep.html" --lang fr
refused "usage: an unknown option" 2 "unknown option '--colour'" --db "$T/r.db" --colour red --out "$T/keep.html"
chmod 444 "$T/r.db"
"$BL" report --db "$T/r.db" --cohort spring --out "$T/ro.html" >/dev/null 2>&1; rc=$?
chmod 644 "$T/r.db"
check "a read-only database file is reported on" bash -c "test $rc -eq 0 && cmp -s '$T/ro.html' '$T/cohort.html'"
hold_lock "$T/r.db" 6 &
lock=$!
sleep 1
refused "a database another program is writing" 2 "another program is writing to it: try again" --db "$T/r.db" --trainee t-101 --out "$T/keep.html"
wait $lock

# ---- the pages in a browser: headless Chromium opens them with no console message
CHROME=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$CHROME" ]; then
    echo "SKIP: chromium is not installed (Debian package chromium; scripts/test installs it):"
    echo "      the pages were not opened in a browser"
    echo "report: $passes passed, $fails failed, browser checks skipped"
    [ $fails -eq 0 ] && exit 77
    exit 1
fi
# browse PAGE NAME: the DOM in $T/NAME.dom, the browser's log in $T/NAME.log
browse() {
    HOME="$T/home" timeout 60 "$CHROME" --headless=new --no-sandbox --disable-gpu \
        --disable-dev-shm-usage --no-first-run --disable-background-networking \
        --user-data-dir="$T/chrome-$2" --enable-logging=stderr --v=0 --dump-dom "file://$1" \
        >"$T/$2.dom" 2>"$T/$2.log"
}
# Chromium logs each console message (errors, exceptions, blocked loads) as
# ":INFO:CONSOLE:LINE]" (":CONSOLE(LINE)]" in older versions).
console() { grep -aE ':CONSOLE[:(]' "$T/$1.log"; }
printf '<!DOCTYPE html><html><head><title>broken</title></head><body><h1>Broken</h1>
<script>throw new Error("deliberately broken")</script></body></html>\n' >"$T/broken.html"
browse "$T/broken.html" broken; rc=$?
check "the console check can fail: a page that throws is caught" \
    bash -c "test $rc -eq 0 && grep -aE ':CONSOLE[:(]' '$T/broken.log' | grep -q 'Uncaught Error: deliberately broken'"
for page in trainee cohort hostile; do
    browse "$T/$page.html" "$page"; rc=$?
    check "chromium opens the $page report (exit 0, a DOM)" bash -c "test $rc -eq 0 && grep -q '</html>' '$T/$page.dom'"
    if console "$page" >"$T/$page.console"; then
        cat "$T/$page.console"; bad_console=1
    else bad_console=0; fi
    check "no console message on the $page report" test $bad_console -eq 0
done
check "the trainee report's headings in the browser's DOM" bash -c "
    python3 '$T/rep.py' headings '$T/trainee.dom' >'$T/h' &&
    diff <(printf 'Trainee: t-101\nSessions\nCompetencies\nOutcomes per scenario\nTime per case\nEvery case\n') '$T/h'"
check "the cohort report's headings in the browser's DOM" bash -c "
    python3 '$T/rep.py' headings '$T/cohort.dom' >'$T/h' &&
    diff <(printf 'Cohort: spring\nTrainees\nCompetencies\nOutcomes per scenario\nTime per scenario\nCritical errors\n') '$T/h'"
check "in the browser, the markup in a name stays text" bash -c "
    ! grep -q '<script' '$T/hostile.dom' && grep -qF 'Trainee: &lt;script&gt;alert(1)&lt;/script&gt;' '$T/hostile.dom'"
HOME="$T/home" timeout 60 "$CHROME" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --no-first-run --disable-background-networking --user-data-dir="$T/chrome-pdf" \
    --no-pdf-header-footer --print-to-pdf="$T/cohort.pdf" "file://$T/cohort.html" >/dev/null 2>&1; rc=$?
check "the cohort report prints (PDF)" bash -c "test $rc -eq 0 && head -c 5 '$T/cohort.pdf' | grep -q '%PDF-'"

echo "report: $passes passed, $fails failed"
[ $fails -eq 0 ]
