#!/usr/bin/env bash
# The tutorial that opens the default session (scenarios/s00-tutorial.lua),
# replayed headless in English, French and Arabic with a screenshot at each
# step: every step done in order and logged, the banner drawn (mirrored in
# Arabic) with each step's words, the microtext outlined for the loupe; not
# scored; K skips it without a decided case; exams, journals and sessions
# leave it out; `check` wants what its steps need.
set -u
BL=${1:?usage: tutorial.sh borderlab imgtool}
IMG=${2:?usage: tutorial.sh borderlab imgtool}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../lib/cli.sh"

# The passport lies closed at (310, 66), 425x299; its microtext line is
# 12.3 mm down (y 108). Keys where there are keys; the Arabic input mirrors
# the pointer (the screen is mirrored, each document keeps its orientation:
# docs/scenarios.md).
cat >"$T/en.input" <<'IN'
@1 screenshot t01
@2 down left 400 150
@3 up left 400 150
@4 screenshot t02
@5 key 2
@6 screenshot t03
@7 key 3
@8 key 1
@8 move 420 200
@9 screenshot t04
@10 key l
@11 move 420 109
@12 screenshot t05
@13 key l
@14 key r
@15 screenshot t06
@16 key m
@17 screenshot t07
@18 key f
@19 down left 330 150
@20 move 360 190
@21 up left 400 230
@22 key 1
@23 key return
@24 screenshot t08
@25 ask from
@26 screenshot t09
@27 key i
@28 screenshot t10
@29 key a
@30 key return
@31 screenshot t11
@32 key return
@33 screenshot t12
@34 key a
@35 key return
@36 key return
@37 quit
IN
awk '{ if ($2=="move") $3=1279-$3; else if ($2=="down"||$2=="up") $4=1279-$4; print }' \
    "$T/en.input" >"$T/ar.input"
for l in en fr ar; do
    in=$T/en.input
    [ $l = ar ] && in=$T/ar.input
    "$BL" play --headless --lang $l --input "$in" --out-dir "$T/$l" >"$T/$l.out" 2>&1 || cat "$T/$l.out"
done
check "the tutorial replays in en, fr and ar, a screenshot at each step" bash -c "
for l in en fr ar; do for i in 01 02 03 04 05 06 07 08 09 10 11 12; do
    test -s '$T/'\$l/t\$i.png || exit 1; done; done"
for l in en fr ar; do
    check "$l: each step done in order and logged, the decision too; not scored" python3 -c "
import json
a=[json.loads(x) for x in open('$T/$l/actions.jsonl')]
steps=[(x['params']['step'], x['params']['index']) for x in a if x['action']=='tutorial_step']
want=['open','uv','ir','loupe','reference','mrz','flag','ask','interpreter','decide']
assert steps==[(s, i+1) for i, s in enumerate(want)], steps
assert all(x['target']=='s00-tutorial' for x in a if x['action']=='tutorial_step')
d=[x for x in a if x['action']=='decide']
assert d[0]['target']=='s00-tutorial' and d[0]['params']['decision']=='admit', d
sc=[x['target'] for x in a if x['action']=='score']
assert sc==['s01-citizen-returning'], sc
t=[x['target'] for x in a if x['action']=='traveler']
assert t[:2]==['s00-tutorial','s01-citizen-returning'], t
assert not [x for x in a if x['action']=='tutorial_skip']"
done
check "the same steps whatever the language" python3 -c "
import json
k=lambda l: [(x['action'],x['target']) for x in map(json.loads, open('$T/'+l+'/actions.jsonl')) if x['action']!='language']
assert k('en')==k('fr')==k('ar'), [x for x in zip(k('en'),k('ar')) if x[0]!=x[1]][:3]"
"$BL" score "$T/en/actions.jsonl" >"$T/score" 2>"$T/score.err"; rc=$?
check "score: the tutorial is not scored, the next case is" python3 -c "
import json
r=[json.loads(l) for l in open('$T/score')]
assert $rc==0 and [x['traveler'] for x in r]==['s01-citizen-returning'], r"

# Pixels. The banner lies at (296, 514), 478x94: an amber frame, in Arabic
# mirrored to x 506..983; the text in it changes with each step and language.
amber() { read -r r g b < <("$IMG" pixel "$1" "$2" "$3"); test "$r" -gt 200 -a "$g" -gt 160 -a "$b" -lt 110; }
check "en: the banner is drawn at the desk's lower left" amber "$T/en/t01.png" 296 560
check "ar: the banner is mirrored to the right" bash -c "$(declare -f amber); IMG='$IMG'; amber '$T/ar/t01.png' 983 560 && ! amber '$T/ar/t01.png' 296 560"
for l in en fr ar; do
    x=296; [ $l = ar ] && x=506
    check "$l: each step shows its own instruction" bash -c "
    for p in 01:02 02:03 03:04 04:05 05:06 06:07 07:08 08:09 09:10; do
        n=\$('$IMG' diff '$T/$l/t'\${p%:*}.png '$T/$l/t'\${p#*:}.png $x 536 478 70)
        test \$n -gt 300 || { echo \"steps \$p: \$n px\"; exit 1; }
    done"
done
check "every step's words differ between en, fr and ar" bash -c "
for i in 01 02 03 04 05 06 07 08 09 10; do
    test \$('$IMG' diff '$T/en/t'\$i.png '$T/fr/t'\$i.png 296 536 478 70) -gt 300 || exit 1
    test \$('$IMG' diffat '$T/en/t'\$i.png 296 536 '$T/ar/t'\$i.png 506 536 478 70) -gt 300 || exit 1
done"
check "the loupe step outlines the microtext line (mirrored in Arabic)" bash -c "
$(declare -f amber); IMG='$IMG'
amber '$T/en/t04.png' 400 102 && amber '$T/ar/t04.png' 879 102 && ! amber '$T/en/t03.png' 400 102"
"$IMG" magnify "$T/en/t04.png" 420 109 4 "$T/plain4x.png"
plain=$("$IMG" detail "$T/plain4x.png" 30 30 160 160)
loupe=$("$IMG" detail "$T/en/t05.png" 340 29 160 160)
check "the loupe over the microtext shows what the page at 4x does not ($loupe vs $plain)" \
    python3 -c "import sys; sys.exit(0 if $loupe > 2 * $plain else 1)"
check "after the tutorial: its debrief, then no banner" bash -c "$(declare -f amber); IMG='$IMG'
! amber '$T/en/t12.png' 296 560 && test \$('$IMG' diff '$T/en/t10.png' '$T/en/t11.png' 290 46 980 566) -gt 100000"

# K skips: logged with the step it was at, the next traveler comes, no case.
printf '@1 key o\n@2 key k\n@3 screenshot skipped\n@4 quit\n' >"$T/skip.input"
"$BL" play --headless --input "$T/skip.input" --out-dir "$T/skip" >/dev/null 2>&1
check "K skips the tutorial: logged, the next traveler, no decision" python3 -c "
import json
a=[json.loads(l) for l in open('$T/skip/actions.jsonl')]
s=[x for x in a if x['action']=='tutorial_skip']
assert len(s)==1 and s[0]['target']=='s00-tutorial' and s[0]['params']=={'step':'uv','practised':1,'steps':10}, s
t=[x for x in a if x['action']=='traveler']
assert [x['target'] for x in t]==['s00-tutorial','s01-citizen-returning'] and t[1]['params']['index']==2, t
assert not [x for x in a if x['action'] in ('decide','score','timeout')], a"
check "and the next traveler has no banner" bash -c "$(declare -f amber); IMG='$IMG'; ! amber '$T/skip/skipped.png' 296 560"

# Results recorded: the tutorial is left out of the queue, and a session
# cannot hold one.
"$BL" results keygen "$T/key" >/dev/null
printf '@1 key a\n@2 key return\n@3 key return\n@4 quit\n' >"$T/one.input"
"$BL" play --headless --journal "$T/j.jsonl" --key "$T/key" --input "$T/one.input" --out-dir "$T/j" >/dev/null 2>"$T/j.err"
check "a journaled desk leaves the tutorial out, and says so" python3 -c "
import glob, json
a=[json.loads(l) for l in open('$T/j/actions.jsonl')]
assert a[0]['params']['travelers']==len(glob.glob('scenarios/*.lua'))-1 and [x['target'] for x in a if x['action']=='traveler'][0]=='s01-citizen-returning', a[:2]
e=[json.loads(l)['entry'] for l in open('$T/j.jsonl')]
assert [x['traveler'] for x in e if x['kind']=='case']==['s01-citizen-returning'], e
assert 'the tutorial is left out' in open('$T/j.err').read()"
"$BL" play --headless --exam on --input "$T/one.input" --out-dir "$T/x" >/dev/null 2>&1
check "so does an exam" python3 -c "
import json
a=[json.loads(l) for l in open('$T/x/actions.jsonl')]
assert [x['target'] for x in a if x['action']=='traveler'][0]=='s01-citizen-returning', a[:2]"
"$BL" play --headless --exam on --scenario scenarios/s00-tutorial.lua --input "$T/one.input" --out-dir "$T/y" >/dev/null 2>"$T/y.err"; rc=$?
check "an exam of the tutorial alone: exit 2, nothing to play" bash -c "test $rc -eq 2 && grep -q 'no scenario to play but a tutorial' '$T/y.err'"
mkdir -p "$T/pack/sessions"
cp scenarios/s00-tutorial.lua scenarios/s01-citizen-returning.lua "$T/pack/"
printf 'return session {\n  id = "tut", title = "Tutorial", exam = false,\n  scenarios = { "../s00-tutorial.lua", "../s01-citizen-returning.lua" },\n}\n' >"$T/pack/sessions/tut.lua"
"$BL" session check "$T/pack/sessions/tut.lua" >"$T/sc.out" 2>&1; rc=$?
check "session check: a tutorial in a session is a problem, named" bash -c "test $rc -eq 1 && grep -q 's00-tutorial.lua: a tutorial (tutorial = true) cannot be in a session' '$T/sc.out'"
"$BL" session run "$T/pack/sessions/tut.lua" --trainee T-1 --key "$T/key" --journal "$T/s.jsonl" --headless --input /dev/null --out-dir "$T/s" >"$T/sr.out" 2>&1; rc=$?
check "session run refuses it before any journal" bash -c "test $rc -ne 0 && grep -q 'cannot be in a session' '$T/sr.out' && test ! -e '$T/s.jsonl'"

# check: the tutorial passes clean; one without what its steps need does not.
"$BL" check scenarios/s00-tutorial.lua >"$T/c.out" 2>&1; rc=$?
check "check: the built-in tutorial passes, without a warning" bash -c "test $rc -eq 0 && ! grep -q warning '$T/c.out' && grep -q '1 passed' '$T/c.out'"
sed -e 's/{ template = "uto-passport-td3", seed = 11 }/{ template = "uto-visa-mrva", seed = 11 }/' \
    -e '/^  questions = {/,/^  },/c\  questions = {},' -e 's/ask = { "from" },/ask = {},/' \
    scenarios/s00-tutorial.lua >"$T/s00-tutorial.lua"
"$BL" check "$T/s00-tutorial.lua" >"$T/c2.out" 2>&1; rc=$?
check "check: a tutorial with no passport to open and no question to ask is refused" bash -c "
test $rc -eq 1 && grep -q 'tutorial = true needs a passport with a microtext line' '$T/c2.out' &&
grep -q 'tutorial = true needs questions' '$T/c2.out'" || cat "$T/c2.out"

echo "tutorial: $passes passed, $fails failed"
[ $fails -eq 0 ]
