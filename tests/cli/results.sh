#!/usr/bin/env bash
# The results journal from the desk: each decision recorded (fsynced) with its
# score; a restarted session resumes after what was decided; any edit of the
# journal is named by `results verify` and refused by the desk.
set -u
BL=${1:?usage: results.sh borderlab imgtool}
T=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "kept $T" || trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../lib/cli.sh"
# no academy configuration but what a check gives (tests/cli/lrs.sh tests the file)
export BORDERLAB_SYSTEM_CONFIG="$T/none.json" XDG_CONFIG_HOME="$T/xdg"

"$BL" results keygen "$T/key" >/dev/null
check "keygen writes a private key file" bash -c "test \$(stat -c %a '$T/key') = 600"
"$BL" results keygen "$T/key" 2>"$T/err"; rc=$?
check "keygen never overwrites a key" bash -c "test $rc -eq 2 && grep -q 'never overwritten' '$T/err'"

printf '@1 key a\n@2 key return\n@3 key return\n@4 key x\n@5 key return\n@6 key return\n' >"$T/two.input"
"$BL" play --headless --journal "$T/j.jsonl" --key "$T/key" --input "$T/two.input" --out-dir "$T/a" >/dev/null 2>&1
"$BL" results verify "$T/j.jsonl" --key "$T/key" >"$T/v" 2>&1; rc=$?
check "two decisions, two intact entries" bash -c "test $rc -eq 0 && grep -q 'holds 2 entries' '$T/v'"
check "entries carry the decision and its score" python3 -c "
import json
e=[json.loads(l)['entry'] for l in open('$T/j.jsonl')]
assert [x['decision'] for x in e]==['admit','refuse'] and all(0<=x['points']<=100 for x in e), e
assert e[0]['index']==1 and e[1]['index']==2"

printf '@1 key a\n@2 key return\n@3 key return\n' >"$T/one.input"
"$BL" play --headless --journal "$T/j.jsonl" --key "$T/key" --input "$T/one.input" --out-dir "$T/b" >/dev/null 2>&1
check "a restarted session resumes after the decided travelers" python3 -c "
import json
a=[json.loads(l) for l in open('$T/b/actions.jsonl')]
r=[x for x in a if x['action']=='resume'][0]
assert r['params']['decided_before']==2, r
e=[json.loads(l)['entry'] for l in open('$T/j.jsonl')]
assert len(e)==3 and e[2]['index']==3, e"

cp "$T/j.jsonl" "$T/before"
sed -i '1s/"decision":"admit"/"decision":"refuse"/' "$T/j.jsonl"
"$BL" results verify "$T/j.jsonl" --key "$T/key" >"$T/v" 2>&1; rc=$?
check "an edited decision is named" bash -c "test $rc -eq 1 && grep -q 'line 1 (entry 1) was changed' '$T/v'"
cp "$T/j.jsonl" "$T/tampered"
# a refused journal exits 1 in every command (the error's code, not its words, decides)
"$BL" play --headless --journal "$T/j.jsonl" --key "$T/key" --input "$T/one.input" --out-dir "$T/c" >/dev/null 2>"$T/err"; rc=$?
check "the desk refuses a tampered journal and leaves it as it is" bash -c "test $rc -eq 1 && grep -q 'was changed' '$T/err' && cmp -s '$T/j.jsonl' '$T/tampered'"
cp "$T/before" "$T/j.jsonl"
sed -i '2d' "$T/j.jsonl"
"$BL" results verify "$T/j.jsonl" --key "$T/key" >"$T/v" 2>&1; rc=$?
check "a removed entry is named" bash -c "test $rc -eq 1 && grep -q 'line 2 has entry 3 where entry 2 belongs' '$T/v'"
cp "$T/before" "$T/j.jsonl"
head -c -30 "$T/before" >"$T/j.jsonl"
"$BL" results verify "$T/j.jsonl" --key "$T/key" >"$T/v" 2>&1; rc=$?
check "a cut last line is named" bash -c "test $rc -eq 1 && grep -q 'line 3 is cut short' '$T/v'"
"$BL" results keygen "$T/key2" >/dev/null
"$BL" results verify "$T/before" --key "$T/key2" >"$T/v" 2>&1; rc=$?
check "another academy's key does not verify" bash -c "test $rc -eq 1 && grep -q \"key is not this journal's\" '$T/v'"
"$BL" play --headless --journal "$T/x.jsonl" --input "$T/one.input" --out-dir "$T/d" >/dev/null 2>"$T/err"; rc=$?
check "a journal without a key is refused" bash -c "test $rc -eq 2 && grep -q 'needs its key' '$T/err'"

# SQLite: import verified journals, query them; a locked database loses nothing.
cp "$T/before" "$T/j.jsonl"
"$BL" results import "$T/j.jsonl" --key "$T/key" --db "$T/r.db" --trainee t-101 --cohort spring >"$T/imp" 2>&1; rc=$?
check "import: 3 new entries" bash -c "test $rc -eq 0 && grep -q 'imported 3 new of 3' '$T/imp'"
"$BL" results import "$T/j.jsonl" --key "$T/key" --db "$T/r.db" --trainee t-101 --cohort spring >"$T/imp" 2>&1
check "importing again adds nothing" grep -q 'imported 0 new of 3' "$T/imp"
(cd "$T" && "$BL" results import ./j.jsonl --key key --db r.db --trainee t-101 --cohort spring) >"$T/imp" 2>&1
check "named another way, the same journal adds nothing" grep -q 'imported 0 new of 3' "$T/imp" || cat "$T/imp"
"$BL" results import "$T/j.jsonl" --key "$T/key" --db "$T/r.db" --trainee t-999 --cohort autumn >"$T/imp" 2>&1; rc=$?
check "a journal imported for one trainee is not filed under another" bash -c "test $rc -eq 1 && grep -q \"imported before for trainee 't-101' of cohort 'spring'\" '$T/imp'"
"$BL" results query --db "$T/r.db" --by trainee >"$T/q" 2>&1; rc=$?
check "query by trainee" python3 -c "
import json
r=[json.loads(l) for l in open('$T/q')]
assert $rc==0 and len(r)==1 and r[0]['trainee']=='t-101' and r[0]['cases']==3 and 0<=r[0]['mean_points']<=100, r
assert set(r[0]['competencies'])=={'document_examination','interview','human_rights','procedure'}"
"$BL" results query --db "$T/r.db" --by scenario --cohort spring >"$T/q" 2>&1
check "query by scenario within a cohort" bash -c "test \$(wc -l <'$T/q') -eq 3"
"$BL" results import "$T/tampered" --key "$T/key" --db "$T/r.db" --trainee t-102 --cohort spring >"$T/imp" 2>&1; rc=$?
check "a tampered journal is not imported" bash -c "test $rc -eq 1 && grep -q 'nothing imported' '$T/imp' && test \$('$BL' results query --db '$T/r.db' --trainee t-102 | wc -l) -eq 0"
hold_lock "$T/r.db" 6 &
lock=$!
sleep 1
cp "$T/before" "$T/j2.jsonl"
"$BL" results import "$T/j2.jsonl" "$T/j.jsonl" --key "$T/key" --db "$T/r.db" --trainee t-103 --cohort spring >"$T/imp" 2>&1; rc=$?
check "a locked database: a clear message, exit 2; the import stops there" bash -c "test $rc -eq 2 && grep -q 'another program holds the database' '$T/imp' &&
    grep -q 'the import stopped: the 1 journal after $T/j2.jsonl was not tried' '$T/imp'"
wait $lock
check "and nothing was half-written" bash -c "test \$('$BL' results query --db '$T/r.db' --trainee t-103 | wc -l) -eq 0 && test \$('$BL' results query --db '$T/r.db' | python3 -c 'import json,sys; print(sum(json.loads(l)[\"cases\"] for l in sys.stdin))') -eq 3"

# Journals go in by batches of transactions: a batch that cannot be
# committed (here a reader holds the database past the 2 s the import waits)
# is rolled back whole, and says which journals it held; none is reported
# imported. (A database of its own: the checks below count r.db's rows.)
for d in x s; do # journals of their own: refuse, second line (first MACs unlike any imported)
    printf '@1 key %s\n@2 key return\n@3 key return\n' $d >"$T/$d.input"
done
"$BL" play --headless --journal "$T/j4.jsonl" --key "$T/key" --input "$T/x.input" --out-dir "$T/p4" >/dev/null 2>&1
"$BL" play --headless --journal "$T/j5.jsonl" --key "$T/key" --input "$T/s.input" --out-dir "$T/p5" >/dev/null 2>&1
"$BL" results import "$T/before" --key "$T/key" --db "$T/b.db" --trainee t-101 --cohort spring >/dev/null 2>&1
python3 - "$T/b.db" 6 <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN")
c.execute("SELECT COUNT(*) FROM results").fetchone()  # a reader's lock, held
time.sleep(float(sys.argv[2]))
c.execute("COMMIT")
PY
reader=$!
sleep 1
"$BL" results import "$T/j4.jsonl" "$T/j5.jsonl" --key "$T/key" --db "$T/b.db" --trainee t-104 --cohort spring >"$T/imp" 2>"$T/imp.err"; rc=$?
wait $reader
check "a batch that cannot be committed: rolled back whole, its journals named, exit 2" bash -c "
    test $rc -eq 2 && ! grep -q imported '$T/imp' && grep -q 'cannot commit to' '$T/imp.err' &&
    grep -q '$T/j4.jsonl and the journals after it in the same transaction (2 imported until then) are not in' '$T/imp.err' &&
    test \$('$BL' results query --db '$T/b.db' --trainee t-104 | wc -l) -eq 0" || cat "$T/imp.err"
"$BL" results import "$T/j4.jsonl" "$T/j5.jsonl" --key "$T/key" --db "$T/b.db" --trainee t-104 --cohort spring >"$T/imp" 2>&1; rc=$?
check "imported again once the database is free: both journals" bash -c "
    test $rc -eq 0 && test \$(grep -c 'imported 1 new of 1 cases' '$T/imp') -eq 2"

"$BL" results export --db "$T/r.db" --format csv >"$T/r.csv" 2>&1; rc=$?
check "CSV export: a header and one row per case" python3 -c "
import csv
rows=list(csv.DictReader(open('$T/r.csv')))
assert $rc==0 and len(rows)==3 and rows[0]['trainee']=='t-101' and float(rows[0]['points'])>=0, rows"
"$BL" results export --db "$T/r.db" --format xapi >"$T/o" 2>&1; rc=$?
check "xAPI export without a home page: says where to set one, exit 2" bash -c "test $rc -eq 2 && grep -q 'set home_page in the academy configuration file' '$T/o'"
"$BL" results export --db "$T/r.db" --format xapi --home https://academy.example >"$T/x" 2>&1; rc=$?
check "xAPI 1.0.3 statements: actor, verb, object, result with scaled/raw/min/max, success, duration" python3 -c "
import json, re
st=[json.loads(l) for l in open('$T/x')]
assert $rc==0 and len(st)==3
for s in st:
    assert s['actor']['account']['name']=='t-101' and s['actor']['account']['homePage']=='https://academy.example'
    assert s['verb']['id'] in ('http://adlnet.gov/expapi/verbs/passed','http://adlnet.gov/expapi/verbs/failed')
    assert s['object']['id'].startswith('https://academy.example/borderlab/scenarios/')
    r=s['result']; sc=r['score']
    assert sc['min']==0 and sc['max']==100 and abs(sc['scaled']-sc['raw']/100)<1e-9 and isinstance(r['success'], bool)
    assert re.fullmatch(r'PT([0-9]+H)?([0-9]+M)?([0-9.]+S)?', r['duration'])"

# one check of the schema for every command that opens the database
python3 -c "
import sqlite3; c = sqlite3.connect('$T/old.db')
c.execute('CREATE TABLE results (journal TEXT)'); c.execute('CREATE TABLE sessions (journal TEXT)')
c.execute('PRAGMA user_version = 1'); c.commit()"
cp "$T/old.db" "$T/old.keep"
for sub in "query --db $T/old.db" "export --db $T/old.db --format csv" "import $T/j.jsonl --key $T/key --db $T/old.db --trainee t --cohort c"; do
    # shellcheck disable=SC2086
    "$BL" results $sub >"$T/o" 2>&1; rc=$?
    check "results ${sub%% *} refuses a database of another schema, untouched" bash -c "test $rc -eq 2 && grep -q 'not a results database of schema 7 (it has schema 1)' '$T/o' && cmp -s '$T/old.db' '$T/old.keep'"
done

echo "results: $passes passed, $fails failed"
[ $fails -eq 0 ]
