#!/usr/bin/env bash
# Certification sessions: draws from pools, signed exam packs (a changed file
# or a wrong key is refused), an authenticated journal that resumes, time
# limits, the verdict against the pass marks, the end-of-exam review, and the
# journal into the results database (a read-only database loses nothing).
set -u
BL=$(realpath "${1:?usage: session.sh borderlab imgtool}")
IMG=$(realpath "${2:?usage: session.sh borderlab imgtool}")
T=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "kept $T" || trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../lib/cli.sh"
SRC=$(pwd)

mkdir -p "$T/pack/sessions"
cp scenarios/*.lua "$T/pack/"
cp scenarios/sessions/basic-certification.lua "$T/pack/sessions/"
S="$T/pack/sessions/basic-certification.lua"
cd "$T"
"$BL" results keygen jk >/dev/null
"$BL" session keygen sk pk >/dev/null

# --- the draw
"$BL" session check "$S" --trainee T-1 >d1 2>&1; rc=$?
"$BL" session check "$S" --trainee T-1 >d1b 2>&1
"$BL" session check "$S" --trainee T-2 >d2 2>&1
check "the session and all 14 of its scenario files check" bash -c "test $rc -eq 0 && grep -q '5 slots, 14 scenario files, exam' d1"
check "a trainee's draw is the same every time" cmp -s d1 d1b
check "two trainees draw differently, six travelers each, the fixed one first" python3 -c "
a=[l.split('/')[-1].strip() for l in open('d1') if l.startswith('  ')]
b=[l.split('/')[-1].strip() for l in open('d2') if l.startswith('  ')]
assert len(a)==6 and len(b)==6 and a!=b, (a,b)
assert a[0]==b[0]=='s01-citizen-returning.lua', (a,b)
pools=[['s04','s14','s16','s17'],['s05','s06','s07'],['s08','s09'],['s03','s10','s11','s18']]
for d in (a,b):
    assert d[1][:3] in pools[0] and d[2][:3] in pools[1] and d[3][:3] in pools[2], d
    assert d[4][:3] in pools[3] and d[5][:3] in pools[3] and d[4]!=d[5], d"

# --- signed packs
"$BL" session run "$S" --trainee T-1 --key jk --pack-key pk --headless --input /dev/null >o 2>e; rc=$?
check "an exam on an unsigned pack is refused" bash -c "test $rc -eq 1 && grep -q 'exam refused: the pack is not signed' e && ! test -e results"
"$BL" session sign "$S" --secret sk --version 1 >o 2>&1
"$BL" session verify "$S" --pack-key pk >o 2>&1; rc=$?
check "the signed pack verifies" bash -c "test $rc -eq 0 && grep -q '^valid' o"
cp pack/s16-metameric-id.lua keep.lua
sed -i 's/seed = /seed = 1 + /' pack/s16-metameric-id.lua
"$BL" session verify "$S" --pack-key pk >o 2>&1; rc=$?
check "a scenario changed after signing is named" bash -c "test $rc -eq 1 && grep -q '../s16-metameric-id.lua was changed after the pack was signed' o"
"$BL" session run "$S" --trainee T-1 --key jk --pack-key pk --headless --input /dev/null >o 2>e; rc=$?
check "and the exam refuses it" bash -c "test $rc -eq 1 && grep -q 'exam refused: ../s16-metameric-id.lua was changed' e"
cp keep.lua pack/s16-metameric-id.lua
# the academy's configuration file gives what the command line does not: the
# pack key (the exam then verifies the pack) and the journal folder
mkdir -p etc
printf '{"pack_key": "../pk", "journal_dir": "../academy-journals"}\n' >etc/academy.json
BORDERLAB_SYSTEM_CONFIG=$PWD/etc/academy.json XDG_CONFIG_HOME=$PWD/nowhere \
    "$BL" session run "$S" --trainee T-9 --key jk --headless --input /dev/null >o 2>e; rc=$?
check "the configuration's pack key verifies the exam, its folder keeps the journal (exit $rc)" \
    bash -c "test $rc -eq 0 && ls academy-journals/*-T-9.jsonl >/dev/null 2>&1"
"$BL" session keygen skx pkx >/dev/null
printf '{"pack_key": "../pk", "journal_key": "../jk", "journal_dir": "../academy-journals", "results_db": "../ws.db"}\n' >etc/academy.json
BORDERLAB_SYSTEM_CONFIG=$PWD/etc/academy.json XDG_CONFIG_HOME=$PWD/nowhere \
    "$BL" session run "$S" --trainee T-7 --headless --input /dev/null >o 2>e; rc=$?
check "the configuration's journal key: a session runs without --key (exit $rc)" bash -c "test $rc -eq 0"
BORDERLAB_SYSTEM_CONFIG=$PWD/etc/academy.json XDG_CONFIG_HOME=$PWD/nowhere \
    "$BL" results import academy-journals/*-T-7.jsonl >o 2>e; rc=$?
check "results import takes the key, the pack key and the database from the configuration (exit $rc)" \
    bash -c "test $rc -eq 0 && test -s ws.db"
BORDERLAB_SYSTEM_CONFIG=$PWD/etc/academy.json XDG_CONFIG_HOME=$PWD/nowhere \
    "$BL" results query >o 2>e; rc=$?
check "results query reads the configuration's database (no case decided yet: exit $rc, 1)" \
    bash -c "test $rc -eq 1 && ! test -s e"
check "the sitting is in the configuration's database" python3 -c "
import sqlite3, sys
rows = sqlite3.connect('ws.db').execute('SELECT trainee FROM sessions').fetchall()
sys.exit(0 if ('T-7',) in rows else 1)"
printf '{"pack_key": "../pkx"}\n' >etc/academy.json
BORDERLAB_SYSTEM_CONFIG=$PWD/etc/academy.json XDG_CONFIG_HOME=$PWD/nowhere \
    "$BL" session run "$S" --trainee T-8 --key jk --headless --input /dev/null >o 2>e; rc=$?
check "another academy's key from the configuration refuses the pack" bash -c "test $rc -eq 1"
printf '{"pack_key": ' >etc/academy.json
BORDERLAB_SYSTEM_CONFIG=$PWD/etc/academy.json XDG_CONFIG_HOME=$PWD/nowhere \
    "$BL" session run "$S" --trainee T-8 --key jk --headless --input /dev/null >o 2>e; rc=$?
check "a broken configuration file: exit 2, the file named" bash -c "test $rc -eq 2 && grep -q 'academy.json' e"
"$BL" session keygen sk2 pk2 >/dev/null
"$BL" session run "$S" --trainee T-1 --key jk --pack-key pk2 --headless --input /dev/null >o 2>e; rc=$?
check "another academy's key does not open the exam" bash -c "test $rc -eq 1 && grep -q 'signature fails' e"
cp pack/sessions/basic-certification.lua.sig sig.keep
python3 -c "
import json; p='pack/sessions/basic-certification.lua.sig'; d=json.load(open(p))
h=d['files'][3]['sha256']; d['files'][3]['sha256']=('1' if h[0]=='0' else '0')+h[1:]
json.dump(d, open(p,'w'))"
"$BL" session run "$S" --trainee T-1 --key jk --pack-key pk --headless --input /dev/null >o 2>e; rc=$?
check "an edited signature file is refused" bash -c "test $rc -eq 1 && grep -q 'signature fails' e"
cp sig.keep pack/sessions/basic-certification.lua.sig
"$BL" session keygen sk pk3 >o 2>&1; rc=$?
check "keygen never overwrites a signing key" bash -c "test $rc -eq 2 && grep -q 'never overwritten' o && ! test -e pk3"

# a pool may name a file by its absolute path: signed and checked as that file
mkdir -p elsewhere pack/abs
cp pack/s01-citizen-returning.lua elsewhere/s01.lua
printf 'return session {\n  id = "abs", title = "Absolute", exam = true, trainee = { cohort = "c" },\n  scenarios = { "%s/elsewhere/s01.lua" },\n}\n' "$T" >pack/abs/abs.lua
"$BL" session sign pack/abs/abs.lua --secret sk --version 1 >o 2>&1
"$BL" session verify pack/abs/abs.lua --pack-key pk >o 2>&1; rc=$?
check "a pack with an absolute path verifies" bash -c "test $rc -eq 0 && grep -q '^valid' o"
sed -i 's/seed = /seed = 7 + /' elsewhere/s01.lua
"$BL" session verify pack/abs/abs.lua --pack-key pk >o 2>&1; rc=$?
"$BL" session run pack/abs/abs.lua --trainee T-3 --key jk --pack-key pk --headless --input /dev/null >oabs 2>e; rc2=$?
check "and a change to that file is caught by verify and by the exam" bash -c "test $rc -eq 1 && grep -q 'elsewhere/s01.lua was changed' o && test $rc2 -eq 1 && grep -q 'exam refused: .*elsewhere/s01.lua was changed' e"
"$BL" session run pack/abs/abs.lua --trainee T-3 --key jk --pack-key nokey --headless --input /dev/null >o 2>e; rc=$?
check "a missing public key file is an I/O error (2), not a refusal" bash -c "test $rc -eq 2 && grep -q 'nokey' e"

# --- sitting the exam: two decisions, a crash, the rest
printf '@1 key a\n@2 key return\n@3 key x\n@4 key return\n' >first.in
"$BL" session run "$S" --trainee T-1 --name "Ana Officer" --key jk --pack-key pk --headless --input first.in --out-dir o1 >o 2>e; rc=$?
J=results/uto-first-line-basic-T-1.jsonl
check "the exam runs and stops after two travelers" bash -c "test $rc -eq 0 && grep -q 'stopped after 2 of 6' o"
check "the journal: a header, then two cases with their debriefs" python3 -c "
import json
e=[json.loads(l)['entry'] for l in open('$J')]
e=[x for x in e if x['kind'] not in ('stop','clock')]
h=e[0]
assert h['kind']=='session' and h['trainee']=='T-1' and h['trainee_name']=='Ana Officer' and h['cohort']=='2026-B', h
assert h['exam'] is True and h['mrz_reader'] is False and len(h['scenarios'])==6 and h['limits']=={'case_s':360,'session_s':2400}, h
assert len(h['pack_signature_sha256'])==64
assert h['pack_public_key']==open('pk').read().strip(), h
assert [x['decision'] for x in e[1:]]==['admit','refuse'] and all(x['kind']=='case' for x in e[1:]), e
assert e[2]['traveler']==h['scenarios'][1] and 'items' in e[2] and 'missed' in e[2]
assert all(x['expected'] in ('admit','refuse','second_line','protection') for x in e[1:]), e
assert all(isinstance(x['notes'], list) for x in e[1:]) and any(n['kind']=='ask_missed' for x in e[1:] for n in x['notes']), e"
check "in an exam the trainee's log holds no score" python3 -c "
import json
a=[json.loads(l)['action'] for l in open('o1/actions.jsonl')]
assert 'decide' in a and 'score' not in a, a"
printf '@1 key a\n@2 key return\n@3 screenshot next\n' >second.in
"$BL" session run "$S" --trainee T-1 --key jk --pack-key pk --headless --input second.in --out-dir o2 >o 2>e; rc=$?
check "started again, the session resumes at the third traveler" python3 -c "
import json
a=[json.loads(l) for l in open('o2/actions.jsonl')]
r=[x for x in a if x['action']=='resume'][0]
assert r['params']['decided_before']==2, r
e=[json.loads(l)['entry'] for l in open('$J')]
k=[x['kind'] for x in e if x['kind'] not in ('stop','clock')]
assert k==['session','case','case','case'], k
c=[x for x in e if x['kind']=='case']
assert c[2]['index']==3, c"
"$BL" session run "$S" --trainee T-1 --key jk --pack-key pk --headless --journal "$J" --input /dev/null >o 2>e
cp "$J" other.jsonl
"$BL" session run "$S" --trainee T-2 --key jk --pack-key pk --headless --journal other.jsonl --input /dev/null >o 2>e; rc=$?
check "another trainee's journal is not continued" bash -c "test $rc -eq 1 && grep -q 'begun with another trainee' e && cmp -s '$J' other.jsonl"
# an easier copy of the exam cannot continue its journal, nor can a plain desk
sed 's/exam = true/exam = false/; s/overall = 70/overall = 0/' "$S" >pack/sessions/easy.lua
cp "$J" before-easy.jsonl
"$BL" session run pack/sessions/easy.lua --trainee T-1 --key jk --journal "$J" --headless --input /dev/null >o 2>e; rc=$?
check "an exam's journal is not continued under other rules" bash -c "test $rc -eq 1 && grep -q 'begun with another exam (true, not false)' e && cmp -s '$J' before-easy.jsonl"
"$BL" play --headless --journal "$J" --key jk --input /dev/null --out-dir op >o 2>e; rc=$?
check "nor by a plain desk" bash -c "test $rc -eq 2 && grep -q \"is a certification session's\" e && cmp -s '$J' before-easy.jsonl"
printf '@1 key a\n@2 key return\n@3 key a\n@4 key return\n@5 key a\n@6 key return\n@7 screenshot summary\n@8 key 2\n@9 screenshot review\n@10 key escape\n@11 screenshot back\n' >rest.in
"$BL" session run "$S" --trainee T-1 --key jk --pack-key pk --headless --input rest.in --out-dir o3 >o 2>e; rc=$?
check "the last three decisions end the session with a verdict" python3 -c "
import json
e=[json.loads(l)['entry'] for l in open('$J')]
e=[x for x in e if x['kind'] not in ('stop','clock')]
assert [x['kind'] for x in e]==['session']+['case']*6+['end'], [x['kind'] for x in e]
end=e[-1]; cases=e[1:7]
mean=sum(c['points'] for c in cases)/6
assert abs(end['overall']-round(mean,1))<0.051, (end, mean)
assert end['reason']=='completed' and end['passed']==(len(end['failed'])==0)
crit=any(c['critical'] for c in cases)
assert ('critical_error' in end['failed'])==crit, end
assert ('overall' in end['failed'])==(mean<70), end"
check "the outcome is printed" bash -c "test $rc -eq 0 && grep -q 'session uto-first-line-basic: \(NOT \)\?PASSED' o"
check "a case's debrief opens from the summary, Escape goes back" bash -c "
    ! cmp -s o3/summary.png o3/review.png && cmp -s o3/summary.png o3/back.png"
check "the review shows the second traveler's refused document (not the summary)" python3 -c "
import json
a=[json.loads(l) for l in open('o3/actions.jsonl')]
r=[x for x in a if x['action']=='review']
assert len(r)==1 and r[0]['params']['index']==2, r"
"$BL" results verify "$J" --key jk >o 2>&1; rc=$?
n=$(wc -l <"$J")
check "the journal is intact" bash -c "test $rc -eq 0 && grep -q 'holds $n entries' o"
"$BL" session run "$S" --trainee T-1 --key jk --pack-key pk --headless --input /dev/null --out-dir o4 >o 2>e; rc=$?
check "a finished session opens on its summary and adds nothing" bash -c "test $rc -eq 0 && grep -q 'PASSED' o && test \$(wc -l <'$J') -eq $n"

# --- time limits
mkdir -p pack/timed
cat >pack/timed/case.lua <<'EOF'
return session {
  id = "timed", title = "Timed", exam = false,
  time_limit = { case_min = 0.5, session_min = 1 },
  trainee = { id = "T-9", cohort = "c" },
  scenarios = { "../s01-citizen-returning.lua", "../s03-business-visitor.lua",
                "../s04-counterfeit-paper.lua" },
}
EOF
# nothing done for 31 s: the first case times out (a debrief, outside an
# exam); Return; then the session's minute runs out on the second
printf '@1900 screenshot timeout\n@1901 key return\n@3700 screenshot over\n' >wait.in
"$BL" session run pack/timed/case.lua --key jk --headless --input wait.in --out-dir o5 >o 2>e; rc=$?
check "an undecided case times out after its limit and is scored as such" python3 -c "
import json
e=[json.loads(l)['entry'] for l in open('results/timed-T-9.jsonl')]
c=e[1]
assert c['timed_out'] is True and c['decision']=='none' and 'time_ran_out' in c['critical'], c
assert 29.9 < c['seconds'] < 30.2, c"
check "when the session's time runs out, the rest time out and the session ends" python3 -c "
import json
e=[json.loads(l)['entry'] for l in open('results/timed-T-9.jsonl')]
e=[x for x in e if x['kind'] not in ('stop','clock')]
assert [x['kind'] for x in e]==['session','case','case','case','end'], e
assert all(x['timed_out'] for x in e[1:4]) and e[4]['reason']=='time_up' and e[4]['passed'] is False, e
assert 59.9 < e[3]['t'] < 60.2, e[3]"
check "the timed-out debrief was shown (its amber frame), then the summary (none)" bash -c "
    test \"\$('$IMG' pixel o5/timeout.png 290 300)\" = '240 200 63' &&
    test \"\$('$IMG' pixel o5/over.png 290 300)\" != '240 200 63'"
# closing the desk does not reset the clocks: 20 s on the first traveler,
# closed, started again: the case runs out 10 s later
sed 's/id = "timed"/id = "timed2"/' pack/timed/case.lua >pack/timed/again.lua
printf '@1200 key f1\n' >w20.in
printf '@700 key f1\n' >w12.in
"$BL" session run pack/timed/again.lua --key jk --headless --input w20.in --out-dir o6 >o 2>e
"$BL" session run pack/timed/again.lua --key jk --headless --input w12.in --out-dir o7 >o 2>e
check "a desk closed and opened again keeps the session's and the case's clocks" python3 -c "
import json
e=[json.loads(l)['entry'] for l in open('results/timed2-T-9.jsonl')]
s=[x for x in e if x['kind']=='stop'][0]
assert s['index']==1 and 19.9 < s['case_s'] < 20.1 and 19.9 < s['t'] < 20.1, s
c=[x for x in e if x['kind']=='case'][0]
assert c['timed_out'] and 29.9 < c['seconds'] < 30.1 and 29.9 < c['t'] < 30.1, c
a=[json.loads(l) for l in open('o7/actions.jsonl')]
t=[x for x in a if x['action']=='timeout'][0]
assert 9.9 < t['t'] < 10.1, t"

# a crash (no stop entry) loses at most the 30 s since the last clock entry
sed 's/id = "timed"/id = "timed3"/' pack/timed/case.lua >pack/timed/crash.lua
printf '@1500 key f1\n' >w25.in
sed -i 's/case_min = 0.5, session_min = 1/case_min = 2, session_min = 5/' pack/timed/crash.lua
"$BL" session run pack/timed/crash.lua --key jk --headless --input w25.in --out-dir o8 >o 2>e
printf '@2400 key f1\n' >w40.in
"$BL" session run pack/timed/crash.lua --key jk --headless --input w40.in --out-dir o9 >o 2>e
head -n -1 results/timed3-T-9.jsonl >crashed.jsonl   # the stop entry never written
"$BL" session run pack/timed/crash.lua --key jk --journal crashed.jsonl --headless --input /dev/null --out-dir o10 >o 2>e
check "after a crash the clocks go on from the last clock entry" python3 -c "
import json
e=[json.loads(l)['entry'] for l in open('crashed.jsonl')]
c=[x for x in e if x['kind']=='clock']
assert c and abs(c[-1]['t']-55)<0.1 and abs(c[-1]['case_s']-55)<0.1, c
s=[x for x in e if x['kind']=='stop']
assert abs(s[-1]['t']-55)<0.1, s  # closed right away: the clocks were restored from the clock entry"

# a recording is never overwritten (a disputed exam's replay depends on it)
"$BL" session run pack/timed/case.lua --key jk --journal rec.jsonl --headless --input /dev/null --record rec.in >o 2>e
cp rec.in rec.keep
"$BL" session run pack/timed/case.lua --key jk --journal rec.jsonl --headless --input /dev/null --record rec.in >o 2>e; rc=$?
check "an earlier input recording is kept" bash -c "test $rc -eq 2 && grep -q 'an earlier recording is kept' e && cmp -s rec.in rec.keep"

# --- bad session files and options
cat >bad.lua <<'EOF'
return session {
  id = "bad", title = "Bad",
  pass = { overal = 70 },
  scenarios = { { pool = { "x.lua" }, draw = 2 } },
}
EOF
"$BL" session check bad.lua >o 2>e; rc=$?
check "a misspelt key and an impossible draw are named with their lines" bash -c "
    test $rc -eq 2 && grep -q 'bad.lua:3: pass: unknown key \"overal\"' e && grep -q 'bad.lua:4: scenarios\[1\]: draws 2 from a pool of 1' e"
cat >bad2.lua <<'EOF'
return session {
  id = "bad2", title = "Bad",
  time_limit = { case_min = 0/0 },
  scenarios = { "pack/s01-citizen-returning.lua", { pool = { "pack/s01-citizen-returning.lua", "pack/s03-business-visitor.lua" }, draw = 1.5 } },
}
EOF
"$BL" session check bad2.lua >o 2>e; rc=$?
check "NaN, a fractional draw and the same scenario twice are refused" bash -c "
    test $rc -eq 2 && grep -q 'bad2.lua:3: time_limit.case_min: expected a number' e &&
    grep -q 'draw = 1.5 is not a whole number' e && grep -q 'appears twice' e"
"$BL" session run pack/timed/case.lua --trainee "$(printf 'A%.0s' $(seq 70))" --key jk --headless --input /dev/null >o 2>e; rc=$?
check "a trainee id too long to keep is refused, not cut" bash -c "test $rc -eq 2 && grep -q -- '--trainee is longer than 63 characters' e"
"$BL" session run pack/timed/case.lua --trainee '../x' --key jk --headless --input /dev/null >o 2>e; rc=$?
check "a trainee id that could escape the results folder is refused" bash -c "test $rc -eq 2 && grep -q 'cannot name a file' e"
"$BL" session run pack/timed/case.lua --headless --input /dev/null >o 2>e; rc=$?
check "a session without the journal key is refused before it starts" bash -c "test $rc -eq 2 && grep -q 'journal key' e"
# exit codes come from the error's code, never from its words: a journal that cannot be
# opened is an I/O error (2) even when its path holds words of a refusal's message
for words in "begun with" "cut short" "was changed" "belongs"; do
    "$BL" session run pack/timed/case.lua --trainee T-9 --key jk --journal "no such folder/$words/j.jsonl" \
        --headless --input /dev/null >o 2>e; rc=$?
    check "a journal path holding '$words' that cannot be opened exits 2" bash -c "test $rc -eq 2 && grep -q 'cannot open the journal' e"
done

# --- into the results database
"$BL" results import "$J" --key jk --db r.db >o 2>&1; rc=$?
check "a session journal imports with its trainee and cohort" bash -c "test $rc -eq 0 && grep -q 'imported 6 new of 6 cases' o"
check "the database holds the session's verdict" python3 -c "
import sqlite3,json
db=sqlite3.connect('r.db')
s=db.execute('select session, trainee, trainee_name, cohort, exam, cases, passed, reason from sessions').fetchall()
e=[json.loads(l)['entry'] for l in open('$J')]
assert s==[('uto-first-line-basic','T-1','Ana Officer','2026-B',1,6,int(e[-1]['passed']),'completed')], s
n=db.execute('select count(*), sum(seconds is not null), min(time_limit) from results').fetchone()
assert n==(6,6,360.0), n"
cp "$J" copy.jsonl
"$BL" results import copy.jsonl --key jk --db r.db >o 2>&1; rc=$?
check "a copy of an imported journal is counted once" bash -c "test $rc -eq 0 && grep -q 'is a copy of .*uto-first-line-basic-T-1.jsonl, imported before' o && grep -q 'imported 0 new of 6' o"
cp "$J" torn.jsonl
printf '{"seq": 99, "entry": {"kind":"ca' >>torn.jsonl
"$BL" results import torn.jsonl --key jk --db torn.db >o 2>&1; rc=$?
check "a last line cut short by a crash is not imported, the rest is" bash -c "test $rc -eq 0 && grep -q 'is cut short (a crash while it was written)' o && grep -q 'imported 6 new of 6 cases' o"
"$BL" results import results/timed-T-9.jsonl results/timed2-T-9.jsonl --key jk --db two.db >o 2>&1; rc=$?
check "several journals in one import, each in its own transaction" bash -c "test $rc -eq 0 && grep -q 'imported 3 new of 3 cases from .*timed-T-9' o && grep -q 'imported 1 new of 1 cases from .*timed2-T-9' o"
BORDERLAB_SYSTEM_CONFIG="$T/none.json" XDG_CONFIG_HOME="$T/xdg" \
    "$BL" results export --db r.db --format xapi --home https://academy.example >x.jsonl 2>&1; rc=$?
check "xAPI: a statement per case, and the sitting's as cmi5 uses them, as the journal says" python3 -c "
import json
x=[json.loads(l) for l in open('x.jsonl')]
e=[json.loads(l)['entry'] for l in open('$J')]
end=[v for v in e if v['kind']=='end'][0]
cases=[v for v in e if v['kind']=='case']
s=[v for v in x if '/sessions/' in v['object']['id']]
verbs=[v['verb']['id'].rsplit('/', 1)[1] for v in s]
assert len(x)==6+len(s), len(x)
assert verbs[0]=='initialized' and verbs[-1]=='terminated' and verbs[1]==('passed' if end['passed'] else 'failed'), verbs
assert ('completed' in verbs)==(end['reason']=='completed'), verbs
v=s[1]
assert v['object']['id'].endswith('/borderlab/sessions/uto-first-line-basic') and v['actor']['account']['name']=='T-1'
assert v['result']['success']==end['passed'] and v['verb']['display']['en']==verbs[1]
assert abs(v['result']['score']['raw']-round(end['overall'], 1))<1e-6, v
assert len({v['context']['registration'] for v in x})==1"
"$BL" results import "$J" --key jk --db r.db --trainee T-2 >o 2>&1; rc=$?
check "an import naming another trainee is refused" bash -c "test $rc -eq 1 && grep -q \"belongs to trainee 'T-1'\" o"
cp r.db r.keep
if [ "$(id -u)" -eq 0 ]; then
    # root writes through file modes: open the database read-only by URI instead
    "$BL" results import results/timed-T-9.jsonl --key jk --db "file:r.db?mode=ro" >o 2>&1; rc=$?
else
    chmod 444 r.db
    "$BL" results import results/timed-T-9.jsonl --key jk --db r.db >o 2>&1; rc=$?
fi
check "a read-only database: a message, non-zero, nothing lost" bash -c "test $rc -ne 0 && grep -q '(the database is read-only)' o && cmp -s r.db r.keep"

cd "$SRC"
echo "session: $passes passed, $fails failed"
[ $fails -eq 0 ]
