#!/usr/bin/env bash
# borderlab report: HTML reports for a trainee and a cohort, from a results
# database built the real way (desk replays -> signed journals -> import).
# The numbers on the page are checked against the database, computed again
# here in Python; names typed by people are escaped; the page loads nothing
# from outside; bad input gets a message and leaves an earlier report alone;
# headless Chromium opens both pages without a console message. In French and
# Arabic (--lang) the same numbers are checked in the language's digits and
# separators; the catalogues (assets/report/*.json) must cover every key and
# every id; the Arabic page reads right to left (mirrored charts, Arabic-Indic
# digits, data isolated in <bdi>). SHOTS=DIR keeps the screenshots there.
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
import html.parser, json, os, re, sqlite3, sys

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

# The page's language (REP_LANG, default en): its words come from its catalogue
# (English for a key it lacks); its numbers are written here, independently of
# the report: the decimal separator and the digits of each language.
LANG = os.environ.get("REP_LANG", "en")
def catalogue(lang):
    with open("assets/report/%s.json" % lang, encoding="utf-8") as f:
        return json.load(f)["strings"]
S = dict(catalogue("en"), **catalogue(LANG))
DECIMAL = {"en": ".", "fr": ",", "ar": "\u066b"}[LANG]
DIGITS = str.maketrans("0123456789", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669") \
    if LANG == "ar" else {}
def number(x, places=0): return ("%.*f" % (places, x)).replace(".", DECIMAL).translate(DIGITS)
def unit(key, x, places): return S[key].replace("{n}", number(x, places))
def pct(x, places=0): return unit("unit.percent", x, places)
def pts(x): return unit("unit.points", x, 1)
def sec(x, places=1): return unit("unit.seconds", x, places)
def mean(xs): return sum(xs) / len(xs)
def word(key): return S[key]
def id_words(kind, i): return S.get("id.%s.%s" % (kind, i), i.replace("_", " "))
def ids(j, kind): return S["list.sep"].join(id_words(kind, i) for i in json.loads(j)) or word("word.none")
def verdict(s):
    return word("verdict.practice") if not s["session"] else word("verdict.open") if s["passed"] is None \
        else word("verdict.passed") if s["passed"] else word("verdict.failed")
def when(iso):
    if not iso: return "\u2014"
    t = iso[:10] + " " + iso[11:16]
    t = t.translate(DIGITS)
    return S["time.utc"].replace("{time}", t) if iso.endswith("Z") else t
def same(what, got, want):
    assert got == want, "%s: page says %r, database says %r" % (what, got, want)
COMPS = ["document_examination", "interview", "human_rights", "procedure"]

def check_trainee(db, page, trainee):
    p, cs = Page(open(page, encoding="utf-8").read()), cases(db, trainee=trainee)
    same("mean points", p.tiles["mean-points"], pts(mean([c["points"] for c in cs])))
    same("cases", p.tiles["case-count"], number(len(cs)))
    same("pass rate", p.tiles["pass-rate"], pct(100 * mean([c["passed"] for c in cs])))
    want = [[number(i + 1), c["scenario"], pts(c["points"]),
             word("result.passed") if c["passed"] else word("result.failed"), sec(c["secs"])]
            for i, c in enumerate(cs)]
    same("every case", [[r[0], r[1], r[3], r[4], r[9]] for r in p.rows("cases")], want)
    same("critical errors and missed defects per case",
         [[r[1], r[5], r[6]] for r in p.rows("outcomes-table")],
         [[c["scenario"], ids(c["critical"], "critical"), ids(c["missed"], "defect")] for c in cs])
    same("time and limit per case", [r[2:] for r in p.rows("time-table")],
         [[sec(c["secs"]), sec(c["time_limit"], 0) if c["time_limit"] else word("word.none")]
          for c in cs])
    ss = sessions(db, {c["journal"] for c in cs})
    marks = {}
    for s in ss:
        for k, v in json.loads(s["pass_marks"]).items():
            if k in COMPS: marks[k] = max(v, marks.get(k, v))
    same("competencies and pass marks", [r[1:3] for r in p.rows("competencies-table")],
         [[pct(100 * mean([c[k] for c in cs]), 1),
           pct(100 * marks[k]) if k in marks else word("word.none")] for k in COMPS])
    same("sessions, starts and verdicts",
         sorted((r[0], r[2], r[4], r[5]) for r in p.rows("sessions-table")),
         sorted((s["title"] or word("sessions.desk_practice"), when(s["started"]), verdict(s),
                 id_words("reason", s["reason"]) if s["reason"] else "\u2014") for s in ss))

def check_cohort(db, page, cohort):
    p, cs = Page(open(page, encoding="utf-8").read()), cases(db, cohort=cohort)
    same("mean points", p.tiles["mean-points"], pts(mean([c["points"] for c in cs])))
    ss = [dict(s) for s in connect(db).execute("SELECT * FROM sessions WHERE cohort = ?", (cohort,))]
    trainees = sorted({c["trainee"] for c in cs} | {s["trainee"] for s in ss})
    same("trainee count", p.tiles["trainee-count"], number(len(trainees)))
    want = []
    for t in trainees:
        m, mine = [c for c in cs if c["trainee"] == t], [s for s in ss if s["trainee"] == t]
        name = next((x["trainee_name"] for x in m + mine if x["trainee_name"]), "\u2014")
        numbers = [pts(mean([c["points"] for c in m])), pct(100 * mean([c["passed"] for c in m]))] \
            if m else ["\u2014", "\u2014"]
        want.append([t, name, number(len(m))] + numbers +
                    [number(sum(1 for c in m if json.loads(c["critical"]))),
                     " ".join(sorted(verdict(s) for s in mine))])
    verdicts = sorted((word("verdict." + v) for v in ("practice", "open", "passed", "failed")),
                      key=len, reverse=True)  # "non réussie" before "réussie"
    got = [r[:6] + [" ".join(sorted(re.findall("|".join(map(re.escape, verdicts)), r[6])))]
           for r in p.rows("trainees-table")]
    same("trainees", got, want)
    want, want_t = [], []
    for s in sorted({c["scenario"] for c in cs}):
        m = [c for c in cs if c["scenario"] == s]
        n, ok = len(m), sum(c["passed"] for c in m)
        want.append([s, number(n), number(ok), number(n - ok), pct(100 * ok / n),
                     pts(mean([c["points"] for c in m]))])
        secs, lim = [c["secs"] for c in m], max(c["time_limit"] or -1 for c in m)
        want_t.append([s, number(n), sec(min(secs)), sec(mean(secs)), sec(max(secs)),
                       sec(lim, 0) if lim >= 0 else word("word.none")])
    same("outcomes per scenario", p.rows("scenarios-table"), want)
    same("time per scenario", p.rows("scenario-time-table"), want_t)
    kinds = {}
    for c in cs:
        for k in json.loads(c["critical"]):
            kinds.setdefault(k, []).append(c["trainee"])
    same("critical errors by kind", p.rows("critical-table") if kinds else [],
         [[id_words("critical", k), number(len(v)), number(len(set(v)))] for k, v in sorted(kinds.items())])

def headings(page):
    print("\n".join(Page(open(page, encoding="utf-8").read()).headings))

class Visible(html.parser.HTMLParser):
    """A page's visible text: `words`, the page's own (outside <style>, with
    <bdi> elements and U+2068..U+2069 spans taken out), and `data`, the
    database's texts those isolate."""
    def __init__(self, text):
        super().__init__()
        self.words, self.data, self.bdi, self.style = [], [], 0, False
        self.feed(text)
    def handle_starttag(self, tag, attrs):
        if tag == "bdi": self.bdi += 1
        elif tag == "style": self.style = True
    def handle_endtag(self, tag):
        if tag == "bdi": self.bdi -= 1
        elif tag == "style": self.style = False
    def handle_data(self, d):
        if self.style: return
        if self.bdi: self.data.append(d); return
        self.data += re.findall("\u2068([^\u2069]*)\u2069", d)
        self.words.append(re.sub("\u2068[^\u2069]*\u2069", " ", d))

AR = str.maketrans("0123456789.", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u066b")
def check_arabic(db, page, kind, who):
    """An Arabic page: right to left; its mean points, computed here, in
    Arabic-Indic digits; the Arabic percent sign; no ASCII digit, % or Latin
    word outside the database's texts, which are all isolated (<bdi>)."""
    text = open(page, encoding="utf-8").read()
    assert '<html lang="ar" dir="rtl">' in text, 'no <html lang="ar" dir="rtl">'
    cs, p, v = cases(db, **{kind: who}), Page(text), Visible(text)
    same("mean points", p.tiles["mean-points"],
         ("%.1f" % (sum(c["points"] for c in cs) / len(cs))).translate(AR) + "\u00a0\u0646\u0642\u0637\u0629")
    same("pass rate", p.tiles["pass-rate"],
         ("%.0f" % (100 * sum(c["passed"] for c in cs) / len(cs))).translate(AR) + "\u066a")
    words = " ".join(v.words)
    for m in re.finditer(r"[0-9%]", words):
        assert False, "ASCII digit or %% outside the data: ...%s..." % words[max(0, m.start() - 30):m.end() + 30]
    latin = set(re.findall(r"[A-Za-z]+", words)) - {"UTC", "borderlab"}
    assert not latin, "Latin words outside <bdi>: %s" % sorted(latin)
    data = "\n".join(v.data)
    for c in cs:
        for x in (c["scenario"], c["trainee"]):
            assert x in data, "%r is not in a <bdi>" % x

def check_mirror(page, rtl):
    """Charts: labels on the left of the bars, values on the right; mirrored
    when rtl is "1" (and the SVG says direction="rtl", so text anchors turn)."""
    rtl, n = rtl == "1", 0
    for svg in re.findall(r'<svg class="chart".*?</svg>', open(page, encoding="utf-8").read(), re.S):
        n += 1
        assert ('direction="rtl"' in svg.split(">")[0]) == rtl, "direction of " + svg[:80]
        bars = [(float(x), float(x) + float(w)) for x, w in
                re.findall(r'<rect class="bar [a-z]+" x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)"', svg)]
        lbl = [float(x) for x in re.findall(r'<text class="lbl" x="([0-9.]+)"', svg)]
        val = [float(x) for x in re.findall(r'<text class="val" x="([0-9.]+)"', svg)]
        assert bars and lbl and val, "a chart without bars, labels or values"
        left, right = min(b[0] for b in bars), max(b[1] for b in bars)
        if rtl:
            assert min(lbl) > right and max(val) < left, "not mirrored: %s %s %s" % (bars, lbl, val)
        else:
            assert max(lbl) < left and min(val) > right, "mirrored: %s %s %s" % (bars, lbl, val)
    assert n, "no chart"

# The sessions of a cohort in the order the report read them until schema 4,
# with this very statement: each trainee's verdicts must come in that order.
OLD_SESSIONS = """SELECT journal, session, title, tr, started, cases, passed, reason, pass_marks,
 trainee_name FROM (SELECT s.*, COALESCE((SELECT trainee FROM results r WHERE r.journal = s.journal
 LIMIT 1), s.trainee) AS tr, COALESCE((SELECT cohort FROM results r WHERE r.journal = s.journal
 LIMIT 1), s.cohort) AS co, (SELECT MIN(rowid) FROM results r WHERE r.journal = s.journal) AS jorder
 FROM sessions s) WHERE (?1 IS NULL OR tr = ?1) AND (?2 IS NULL OR co = ?2) ORDER BY tr, started, jorder"""
def check_order(db, page, cohort):
    want = {}
    for s in connect(db).execute(OLD_SESSIONS, (None, cohort)):
        want.setdefault(s["tr"], []).append(verdict(s))
    words = sorted((word("verdict." + v) for v in ("practice", "open", "passed", "failed")), key=len, reverse=True)
    got = {r[0]: re.findall("|".join(map(re.escape, words)), r[6]) for r in Page(open(page, encoding="utf-8").read()).rows("trainees-table")}
    same("each trainee's sessions in order", {t: v for t, v in got.items() if v}, want)

{"trainee": check_trainee, "cohort": check_cohort, "headings": headings, "arabic": check_arabic,
 "mirror": check_mirror, "order": check_order}[sys.argv[1]](*sys.argv[2:])
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
    test \$(grep -o '<svg class=\"chart\"' '$T/trainee.html' | wc -l) -eq 3 && grep -q '>pass mark 60 pts<' '$T/trainee.html' &&
    test \$(grep -o '<line class=\"mark\"' '$T/trainee.html' | wc -l) -eq 11"
# each case's pictures tell a defect found (solid), one missed (dashed) and a
# false finding (dotted) apart by line, not by colour alone, with a key
check "trainee report: found, missed and false findings by line as well as colour" python3 -c "
import re, sys
page = open('$T/trainee.html', encoding='utf-8').read()
style = re.search(r'<style>(.*?)</style>', page, re.S).group(1)
rules = re.findall(r'svg rect\\.(?:truth|flag)[^{]*\\{([^}]*)\\}', style)
assert rules and not any('stroke-dasharray' in r or 'stroke-width' in r for r in rules), rules
def dash(r): m = re.search(r'stroke-dasharray=\"([^\"]*)\"', r); return m.group(1) if m else ''
maps = ''.join(re.findall(r'<svg class=\"docmap\".*?</svg>', page, re.S))
seen = {}
for cls, r in re.findall(r'<rect class=\"((?:truth|flag) [a-z]+)\"([^>]*)>', maps):
    seen.setdefault(cls, set()).add(dash(r))
want = {'truth found': {''}, 'truth missed': {'13 7'}, 'flag false': {'2 4'}, 'flag true': {''}}
assert 'truth missed' in seen, seen  # (a false finding's dots: tests/test_report_case.c)
for cls, d in seen.items():
    assert cls not in want or d == want[cls], (cls, d)
keys = re.findall(r'<p class=\"legend marks\">(.*?)</p>', page, re.S)
assert keys, 'no key under the pictures'
styles = [(c, dash(r), re.search(r'stroke-width=\"(\\d+)\"', r).group(1))
          for c, r in re.findall(r'<rect class=\"([a-z ]+)\"([^>]*)>', keys[0])]
assert len(styles) == 4 and len({(d, w) for c, d, w in styles}) == 4, styles
"
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
        n=\$(grep -o '<svg class=\"chart\"' \"\$f\" | wc -l)
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
             test \$(grep -o '<th scope=\"row\"><bdi>k [1-5]</bdi></th>' '$T/kinds.html' | wc -l) -eq 5" _ "$HOSTILE_COHORT"

# ---- a generated cohort: `bench results` writes session journals through
# the journal writer (second sittings, one stopped half-way, one with nothing
# decided) and imports them with trainees interleaved (the second sittings
# after everyone's first); the report groups each trainee's cases and
# sessions whatever order they came in.
TMPDIR="$T" "$BL" bench results --trainees 24 --cases 4 --dir "$T/gen" >"$T/gen.out" 2>&1; rc=$?
check "a generated cohort of 24 trainees: written, imported, reported" bash -c "
    test $rc -eq 0 && test -f '$T/gen/cohort.html' && tail -1 '$T/gen.out' | grep -q '\"trainees\": 24'" ||
    cat "$T/gen.out"
G=$T/gen/results.db
check "generated cohort: two sittings of a trainee imported apart" python3 -c "
import sqlite3
c = sqlite3.connect('$G')
rows = [r[0] for r in c.execute('SELECT trainee FROM sessions ORDER BY rowid')]
t = 'bench-00003'
first, second = [i for i, x in enumerate(rows) if x == t]
assert second - first > 1, rows"
check "generated cohort report: every trainee once with all their sittings, outcomes and times per scenario, critical errors, as in the database" \
    rep cohort "$G" "$T/gen/cohort.html" bench
check "generated cohort report: each trainee's sittings in the order the SQL of schema 4 read them" \
    rep order "$G" "$T/gen/cohort.html" bench
check "the order check can fail: sittings swapped in the database are caught" bash -c "
    cp '$G' '$T/swapped.db' && python3 -c \"
import sqlite3; c = sqlite3.connect('$T/swapped.db')
c.execute(\\\"UPDATE sessions SET started = '2027' || substr(started, 5) WHERE journal LIKE '%bench-00011-a.jsonl'\\\"); c.commit()\" &&
    ! python3 '$T/rep.py' order '$T/swapped.db' '$T/gen/cohort.html' bench 2>/dev/null"
for who in bench-00003 bench-00007 bench-00019; do
    "$BL" report --db "$G" --trainee $who --out "$T/gen-$who.html" >/dev/null 2>&1; rc=$?
    check "generated trainee $who: numbers and sessions as in the database" \
        bash -c "test $rc -eq 0 && python3 '$T/rep.py' trainee '$G' '$T/gen-$who.html' $who"
done
# A journal whose cases were filed under two cohorts (a store edited by hand,
# or from before a journal was kept to one trainee): each cohort's report
# shows its own cases, times and first imports counted over the whole journal.
mkdir "$T/split" && cp "$G" "$T/split/results.db"
python3 - "$T/split/results.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
j = c.execute("SELECT journal FROM results WHERE trainee = 'bench-00005' LIMIT 1").fetchone()[0]
seqs = [r[0] for r in c.execute("SELECT seq FROM results WHERE journal = ? ORDER BY seq", (j,))]
c.execute("UPDATE results SET cohort = 'other' WHERE journal = ? AND seq >= ?", (j, seqs[len(seqs) // 2]))
c.execute("UPDATE results SET seconds = NULL WHERE journal = ?", (j,))
c.commit()
PY
for co in bench other; do
    "$BL" report --db "$T/split/results.db" --cohort $co --out "$T/split-$co.html" >/dev/null 2>&1; rc=$?
    check "a journal split between two cohorts: the $co report as in the database" \
        bash -c "test $rc -eq 0 && python3 '$T/rep.py' cohort '$T/split/results.db' '$T/split-$co.html' $co"
done

# Older stores: what borderlab wrote before schema 7 (no entry MACs), before
# schema 6 (nor indexes on trainee and cohort), before schema 5 (nor what xAPI
# statements need), and schema 2 (neither a case's detail nor a journal's
# entry count); each is read as it is, and upgraded by the next import with
# the same reports.
for v in 6 5 4 2; do
    mkdir "$T/v$v" && cp "$G" "$T/v$v/results.db"
    python3 - "$T/v$v/results.db" $v <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("ALTER TABLE results DROP COLUMN mac")
c.execute("ALTER TABLE sessions DROP COLUMN end_mac")
for i in ("results_cases", "results_trainee", "results_cohort", "sessions_trainee", "sessions_cohort"):
    if int(sys.argv[2]) <= 5:
        c.execute("DROP INDEX " + i)
if int(sys.argv[2]) <= 4:
    for col in ("pack_sha256", "end_seq", "ended_at", "overall", "elapsed"):
        c.execute("ALTER TABLE sessions DROP COLUMN " + col)
    c.execute("DROP TABLE lrs_sent")
if sys.argv[2] == "2":
    c.execute("DROP INDEX sessions_first_mac")
    c.execute("ALTER TABLE results DROP COLUMN detail")
    c.execute("ALTER TABLE sessions DROP COLUMN entries")
c.execute("PRAGMA user_version = %d" % int(sys.argv[2]))
c.commit()
PY
    "$BL" report --db "$T/v$v/results.db" --cohort bench --out "$T/v$v/cohort.html" >/dev/null 2>&1; rc=$?
    check "a store of schema $v reports the cohort as the same store at schema 7" \
        bash -c "test $rc -eq 0 && cmp -s '$T/v$v/cohort.html' '$T/gen/cohort.html'"
    "$BL" results import "$T/gen/journals/bench-00001-a.jsonl" --key "$T/gen/key" --db "$T/v$v/results.db" \
        >"$T/v$v/imp" 2>&1; rc=$?
    check "importing into a store of schema $v upgrades it to 7, with its indexes and entry MACs" bash -c "
        test $rc -eq 0 && grep -q 'imported 0 new of 4 cases' '$T/v$v/imp' && python3 -c \"
import sqlite3
c = sqlite3.connect('$T/v$v/results.db')
assert c.execute('PRAGMA user_version').fetchone()[0] == 7
assert c.execute(\\\"SELECT COUNT(*) FROM results WHERE journal LIKE '%bench-00001-a.jsonl' AND length(mac) = 64\\\").fetchone()[0] == 4
assert c.execute(\\\"SELECT COUNT(*) FROM results WHERE mac IS NULL\\\").fetchone()[0] > 0
have = {r[0] for r in c.execute(\\\"SELECT name FROM sqlite_master WHERE type = 'index'\\\")}
assert {'results_cases', 'results_cohort', 'sessions_cohort', 'sessions_first_mac'} <= have, have\""
    "$BL" report --db "$T/v$v/results.db" --cohort bench --out "$T/v$v/cohort5.html" >/dev/null 2>&1; rc=$?
    check "upgraded from schema $v: the same cohort report" \
        bash -c "test $rc -eq 0 && cmp -s '$T/v$v/cohort5.html' '$T/gen/cohort.html'"
done
"$BL" report --db "$T/v4/results.db" --trainee bench-00003 --out "$T/v4/t.html" >/dev/null 2>&1; rc=$?
check "upgraded from schema 4: the same trainee report" \
    bash -c "test $rc -eq 0 && cmp -s '$T/v4/t.html' '$T/gen-bench-00003.html'"

# ---- French and Arabic
# The catalogues: every key of English in each other language (no silent
# fallback), the same placeholders, every plural form the language has, all
# keys awaiting a translator's review; words for every id the engine writes.
cat >"$T/cat.py" <<'PY'
import glob, json, os, re, sys
folder, bad = sys.argv[1], []
cats = {os.path.basename(f)[:-5]: json.load(open(f, encoding="utf-8"))
        for f in glob.glob(os.path.join(folder, "*.json"))}
en = cats["en"]["strings"]
PLURALS = {"en": ["one", "other"], "fr": ["one", "other"],
           "ar": ["zero", "one", "two", "few", "many", "other"]}
bases = {k.rsplit(".", 1)[0] for k in en if k.startswith("count.")}
def holes(t): return set(re.findall(r"\{[a-z_]+\}", t))
for lang in ("en", "fr", "ar"):
    if lang not in cats:
        bad.append("no catalogue for " + lang)
        continue
    c, s = cats[lang], cats[lang]["strings"]
    if c.get("lang") != lang: bad.append("%s.json: lang %r" % (lang, c.get("lang")))
    if (c.get("dir"), c.get("digits")) != (("rtl", "arabic-indic") if lang == "ar" else ("ltr", "latin")):
        bad.append("%s.json: dir %r, digits %r" % (lang, c.get("dir"), c.get("digits")))
    plural = {b + "." + f for b in bases for f in PLURALS[lang]}
    bad += ["%s.json lacks %s" % (lang, k) for k in sorted(set(en) - set(s))]
    bad += ["%s.json lacks the plural %s" % (lang, k) for k in sorted(plural - set(s))]
    bad += ["%s.json: %s is not a key of en.json" % (lang, k) for k in sorted(set(s) - set(en) - plural)]
    for k in s:
        want = holes(en.get(k) or en.get(k.rsplit(".", 1)[0] + ".other", ""))
        if holes(s[k]) != want and not (k in plural and holes(s[k]) <= want):
            bad.append("%s.json: %s has %s, English %s" % (lang, k, sorted(holes(s[k])), sorted(want)))
    if lang != "en" and set(c.get("review", [])) != set(s):
        bad.append("%s.json: review should list every key (a translator checks them)" % lang)
src = lambda f: open(f, encoding="utf-8").read()
defects = re.findall(r'^\s*\{"([a-z_]+)", "', src("engine/core/defect.c"), re.M)
critical = set(re.findall(r'"critical\.([a-z_]+)"', src("assets/i18n/en.json"))) | \
    set(re.findall(r'\[CRIT_[A-Z_]+\] = \{"([a-z_]+)"', src("engine/core/critical.c")))
app = src("engine/core/record.c")  # the journal entries (the session end's reasons)
names = src("engine/core/decision.c")  # the one table of names the journal writes
decisions = re.findall(r'"([a-z_]+)"', re.search(r"decisions\[DECIDE_COUNT\] = \{([^}]*)\}", names).group(1))
protections = re.findall(r'\{"([a-z_]+)", "[a-z_]+"\}', names)
reasons = re.search(r'"reason", [^"]*"([a-z_]+)" : "([a-z_]+)"', app).groups()
if len(defects) < 10 or len(critical) < 5 or len(decisions) < 5 or len(protections) < 4:
    bad.append("could not read the ids from the engine's sources")
for kind, ids in (("defect", defects), ("critical", critical), ("decision", decisions),
                  ("protection", protections), ("reason", reasons)):
    bad += ["en.json has no words for the %s %s (id.%s.%s)" % (kind, i, kind, i)
            for i in sorted(ids) if "id.%s.%s" % (kind, i) not in en]
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
check "report catalogues: fr and ar have every key en has, the same placeholders, every plural form, review lists; every defect, critical error, decision, protection and session end has words" \
    python3 "$T/cat.py" assets/report
mkdir "$T/badcat" && cp assets/report/*.json "$T/badcat/"
python3 - "$T/badcat/fr.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
del c["strings"]["col.limit"]
c["review"].remove("col.limit")
json.dump(c, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
PY
check "the catalogue check can fail: a French catalogue without one key is caught" \
    bash -c "python3 '$T/cat.py' '$T/badcat' | grep -qx 'fr.json lacks col.limit'"

for lang in fr ar; do
    for kind in trainee cohort; do
        who=t-101; [ $kind = cohort ] && who=spring
        "$BL" report --db "$T/r.db" --$kind $who --out "$T/$kind-$lang.html" --lang $lang >"$T/out" 2>&1; rc=$?
        check "$kind report in $lang: written, exit 0" bash -c "test $rc -eq 0 && grep -q 'wrote the $kind report' '$T/out'"
        check "$kind report in $lang: every number as in the database, in the language's digits, decimal separator and units; its words" \
            env REP_LANG=$lang python3 "$T/rep.py" $kind "$T/r.db" "$T/$kind-$lang.html" $who
    done
done
check "French pages: <html lang=\"fr\">, French headings" bash -c "
    grep -qx '<html lang=\"fr\">' '$T/trainee-fr.html' && grep -qx '<html lang=\"fr\">' '$T/cohort-fr.html' &&
    python3 '$T/rep.py' headings '$T/trainee-fr.html' >'$T/h' &&
    diff <(printf 'Stagiaire\xc2\xa0: t-101\nSessions\nComp\xc3\xa9tences\nR\xc3\xa9sultats par sc\xc3\xa9nario\nTemps par cas\nTous les cas\nChaque cas tel qu\x27il a \xc3\xa9t\xc3\xa9 d\xc3\xa9brief\xc3\xa9\n') '$T/h' &&
    python3 '$T/rep.py' headings '$T/cohort-fr.html' >'$T/h' &&
    diff <(printf 'Promotion\xc2\xa0: spring\nStagiaires\nComp\xc3\xa9tences\nR\xc3\xa9sultats par sc\xc3\xa9nario\nTemps par sc\xc3\xa9nario\nErreurs critiques\n') '$T/h'"
check "French numbers: a decimal comma, a no-break space before the unit and %" bash -c "
    grep -qF \"\$(printf '<b>47,9\xc2\xa0pts</b>')\" '$T/trainee-fr.html' &&
    grep -qF \"\$(printf '<b>38\xe2\x80\xaf%%</b>')\" '$T/trainee-fr.html'"
check "Arabic pages: dir=rtl; the mean points (computed here) in Arabic-Indic digits; the Arabic percent sign; no ASCII digit or Latin word outside the database's texts, which are in <bdi>" \
    bash -c "python3 '$T/rep.py' arabic '$T/r.db' '$T/trainee-ar.html' trainee t-101 &&
             python3 '$T/rep.py' arabic '$T/r.db' '$T/cohort-ar.html' cohort spring"
check "the Arabic check can fail: the English page is caught" \
    bash -c "! python3 '$T/rep.py' arabic '$T/r.db' '$T/trainee.html' trainee t-101 2>/dev/null"
check "Arabic heading and table cells: ids isolated in <bdi>" bash -c "
    grep -qF \"\$(printf '<h1>\xd8\xa7\xd9\x84\xd9\x85\xd8\xaa\xd8\xaf\xd8\xb1\xd8\xa8: <bdi>t-101</bdi></h1>')\" '$T/trainee-ar.html' &&
    grep -qF '<th scope=\"row\"><bdi>s01-citizen-returning</bdi></th>' '$T/cohort-ar.html'"
check "charts: mirrored in Arabic (labels right of the bars, values left, direction=rtl), not in English or French" \
    bash -c "for p in trainee cohort; do
                 python3 '$T/rep.py' mirror '$T/'\$p-ar.html 1 && python3 '$T/rep.py' mirror '$T/'\$p.html 0 &&
                 python3 '$T/rep.py' mirror '$T/'\$p-fr.html 0 || exit 1
             done"
"$BL" report --db "$T/r.db" --trainee "$HOSTILE" --out "$T/hostile-ar.html" --lang ar >/dev/null 2>&1; rc=$?
check "Arabic page of a trainee whose id is markup: escaped, isolated, numbers as in the database" bash -c "
    test $rc -eq 0 && ! grep -qF '$HOSTILE' '$T/hostile-ar.html' &&
    grep -qF '<bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>' '$T/hostile-ar.html' &&
    REP_LANG=ar python3 '$T/rep.py' trainee '$T/r.db' '$T/hostile-ar.html' \"\$1\" &&
    python3 '$T/rep.py' arabic '$T/r.db' '$T/hostile-ar.html' trainee \"\$1\"" _ "$HOSTILE"
"$BL" report --db "$T/r.db" --trainee t-101 --out "$T/trainee-en.html" --lang en >/dev/null 2>&1; rc=$?
check "--lang en is the default" bash -c "test $rc -eq 0 && cmp -s '$T/trainee-en.html' '$T/trainee.html'"
check "French and Arabic pages load nothing either; every chart has a title and a description" bash -c "
    ! grep -qiE 'https?://|src=|href=|url\(|@import|<script|<link' '$T'/*-fr.html '$T'/*-ar.html &&
    for f in '$T'/*-fr.html '$T'/*-ar.html; do
        n=\$(grep -o '<svg class=\"chart\"' \"\$f\" | wc -l)
        test \$n -gt 0 && test \$(grep -o '<desc id=\"[a-z-]*-d\">[^<]' \"\$f\" | wc -l) -eq \$n || exit 1
    done"

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
refused "a database of another schema" 2 "not a results database of schema 7 (it has schema 1)" --db "$T/old.db" --trainee t-101 --out "$T/keep.html"
refused "usage: no --out" 2 "give --db DB, --out FILE.html" --db "$T/r.db" --trainee t-101
refused "usage: both --trainee and --cohort" 2 "one of --trainee ID or --cohort NAME" --db "$T/r.db" --trainee t-101 --cohort spring --out "$T/keep.html"
refused "usage: an unknown language" 2 "unknown language 'xx' (en, fr, ar)" --db "$T/r.db" --trainee t-101 --out "$T/keep.html" --lang xx
refused "usage: an unknown option" 2 "unknown option '--colour'" --db "$T/r.db" --colour red --out "$T/keep.html"
chmod 444 "$T/r.db"
"$BL" report --db "$T/r.db" --cohort spring --out "$T/ro.html" >/dev/null 2>&1; rc=$?
chmod 644 "$T/r.db"
check "a read-only database file is reported on" bash -c "test $rc -eq 0 && cmp -s '$T/ro.html' '$T/cohort.html'"
hold_lock "$T/r.db" 6 &
lock=$!
sleep 1
refused "a database another program is writing" 2 "another program holds the database: try again" --db "$T/r.db" --trainee t-101 --out "$T/keep.html"
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
# open_page NAME: Chromium opens it (exit 0, a DOM) with no console message
open_page() {
    browse "$T/$1.html" "$1"; rc=$?
    check "chromium opens the $1 report (exit 0, a DOM)" bash -c "test $rc -eq 0 && grep -q '</html>' '$T/$1.dom'"
    if console "$1" >"$T/$1.console"; then
        cat "$T/$1.console"; bad_console=1
    else bad_console=0; fi
    check "no console message on the $1 report" test $bad_console -eq 0
}
for page in trainee cohort hostile; do
    open_page "$page"
done
check "the trainee report's headings in the browser's DOM" bash -c "
    python3 '$T/rep.py' headings '$T/trainee.dom' >'$T/h' &&
    diff <(printf 'Trainee: t-101\nSessions\nCompetencies\nOutcomes per scenario\nTime per case\nEvery case\nEach case as it was debriefed\n') '$T/h'"
check "the cohort report's headings in the browser's DOM" bash -c "
    python3 '$T/rep.py' headings '$T/cohort.dom' >'$T/h' &&
    diff <(printf 'Cohort: spring\nTrainees\nCompetencies\nOutcomes per scenario\nTime per scenario\nCritical errors\n') '$T/h'"
check "in the browser, the markup in a name stays text" bash -c "
    ! grep -q '<script' '$T/hostile.dom' && grep -qF 'Trainee: <bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>' '$T/hostile.dom'"
# French and Arabic: no console message either; a screenshot of each (SHOTS=DIR keeps them)
for page in trainee-fr cohort-fr trainee-ar cohort-ar; do
    open_page "$page"
    HOME="$T/home" timeout 60 "$CHROME" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --no-first-run --disable-background-networking --user-data-dir="$T/chrome-shot-$page" \
        --hide-scrollbars --window-size=1200,2600 --screenshot="$T/$page.png" "file://$T/$page.html" \
        >/dev/null 2>&1; rc=$?
    check "a screenshot of the $page report" bash -c "test $rc -eq 0 && head -c 8 '$T/$page.png' | grep -q PNG"
    [ -n "${SHOTS:-}" ] && cp "$T/$page.png" "$SHOTS/report-$page.png"
done
check "the French and Arabic trainee reports' headings in the browser's DOM" bash -c "
    python3 '$T/rep.py' headings '$T/trainee-fr.dom' >'$T/h' && head -1 '$T/h' | grep -qx \"\$(printf 'Stagiaire\xc2\xa0: t-101')\" &&
    python3 '$T/rep.py' headings '$T/trainee-ar.dom' >'$T/h' && test \$(wc -l <'$T/h') -eq 7 &&
    head -1 '$T/h' | grep -qx \"\$(printf '\xd8\xa7\xd9\x84\xd9\x85\xd8\xaa\xd8\xaf\xd8\xb1\xd8\xa8: t-101')\""
HOME="$T/home" timeout 60 "$CHROME" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --no-first-run --disable-background-networking --user-data-dir="$T/chrome-pdf" \
    --no-pdf-header-footer --print-to-pdf="$T/cohort.pdf" "file://$T/cohort.html" >/dev/null 2>&1; rc=$?
check "the cohort report prints (PDF)" bash -c "test $rc -eq 0 && head -c 5 '$T/cohort.pdf' | grep -q '%PDF-'"

echo "report: $passes passed, $fails failed"
[ $fails -eq 0 ]
