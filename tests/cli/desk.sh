#!/usr/bin/env bash
# The desk driven headless through recorded input, checked on the action log
# and on the pixels: UV changes the document and nothing else, the loupe
# shows detail the plain view does not, a flag lands where it was drawn, a
# decision advances the queue; the same input gives the same log and pixels.
set -u
BL=${1:?usage: desk.sh borderlab imgtool}
IMG=${2:?usage: desk.sh borderlab imgtool}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../lib/cli.sh"
play() { "$BL" play --headless --loupe-dpi 300 --input "$1" --out-dir "$2" >"$T/play.out" 2>&1 || { cat "$T/play.out"; return 1; }; }

# The default session opens on its tutorial (scenarios/s00-tutorial.lua): K
# skips it (tests/cli/tutorial.sh goes through it), and the first real
# traveler's passport lies closed at (310, 66), 425x299 on the desk.
cat >"$T/main.input" <<'IN'
# skip the tutorial; open the passport, look under UV, flag the photo, admit the traveler
@0 key k
@1 move 400 150
@2 down left 400 150
@3 up left 400 150
@5 screenshot visible
@6 key 2
@7 screenshot uv
@8 key 1
@9 move 420 109
@10 screenshot plain
@11 key l
@12 screenshot loupe
@13 key l
@14 key f
@15 down left 330 120
@16 move 380 170
@17 up left 440 230
@18 key 3
@19 text "edge of photo"
@20 key return
@21 screenshot flagged
@22 key a
@23 key return
@24 screenshot debrief
@25 key return
@26 screenshot next
IN
check "replay runs" play "$T/main.input" "$T/a"
L="$T/a/actions.jsonl"
# UV: the document changes, the traveler's panel does not.
check "UV changes the document region" test "$("$IMG" diff "$T/a/visible.png" "$T/a/uv.png" 310 66 425 299)" -gt 50000
check "UV leaves the traveler's panel alone" test "$("$IMG" diff "$T/a/visible.png" "$T/a/uv.png" 0 40 280 560)" -eq 0
check "UV leaves the empty desk alone" test "$("$IMG" diff "$T/a/visible.png" "$T/a/uv.png" 760 380 500 220)" -eq 0
# Loupe: at the same 4x magnification, the loupe (drawn from the full-resolution
# render) holds far more fine detail than the plain view blown up (microtext line).
"$IMG" magnify "$T/a/plain.png" 420 109 4 "$T/a/plain4x.png"
plain=$("$IMG" detail "$T/a/plain4x.png" 30 30 160 160)
loupe=$("$IMG" detail "$T/a/loupe.png" 340 29 160 160)
check "the loupe shows detail the plain view does not ($loupe vs $plain)" python3 -c "import sys; sys.exit(0 if $loupe > 2 * $plain else 1)"
# The flag: logged with the region drawn, in mm on the document, and drawn red there.
check "the flag is logged with its region in mm" python3 -c "
import json
f=[json.loads(l) for l in open('$L') if '\"flag\"' in l][0]
p=f['params']; x,y,w,h=p['region_mm']
first=[x for x in map(json.loads, open('$L')) if x['action']=='traveler'][1]['target']
assert f['target']==first+'/doc1:uto-passport-td3', f
assert p['kind']=='photo_substitution' and p['note']=='edge of photo' and p['light']=='visible', p
assert abs(x-(330-310)/3.4)<0.5 and abs(y-(120-66)/3.4)<0.5 and abs(w-110/3.4)<0.5 and abs(h-110/3.4)<0.5, p"
check "the flag is drawn where it was drawn" bash -c "read r g b < <('$IMG' pixel '$T/a/flagged.png' 331 175); test \$r -gt 200 -a \$g -lt 90 -a \$b -lt 90"
# The decision: logged, and the queue moves to the next traveler.
check "the decision is logged and the next traveler comes" python3 -c "
import json
a=[json.loads(l) for l in open('$L')]
t=[x['target'] for x in a if x['action']=='traveler']
# the tutorial skipped, not decided: the first real traveler comes
assert t[0]=='s00-tutorial' and [x['action'] for x in a].count('tutorial_skip')==1, t
assert not [x for x in a if x['target']=='s00-tutorial' and x['action'] in ('decide','score')], a
t=t[1:]
d=[x for x in a if x['action']=='decide'][0]
assert d['target']==t[0] and d['params']['decision']=='admit' and d['params']['findings']==1, d
assert len(t)==2 and t[0]!=t[1], t
assert all(x['t']==x['frame']/60 or abs(x['t']-x['frame']/60)<0.001 for x in a)
lights=[x['target'] for x in a if x['action']=='light']
assert lights==['uv','visible'], lights"
check "a debrief scores the case before the next traveler" python3 -c "
import json
a=[json.loads(l) for l in open('$L')]
i=[x['action'] for x in a]
assert i.index('decide') < i.index('score') < i.index('debrief_closed') < len(i)-1-i[::-1].index('traveler'), i
sc=[x for x in a if x['action']=='score'][0]['params']
assert 0 <= sc['points'] <= 100 and sc['critical'] == 0, sc"
"$BL" score "$L" >"$T/score.jsonl" 2>"$T/score.err"
check "offline scoring of the log gives the debrief's points" python3 -c "
import json
live=[json.loads(l) for l in open('$L') if '\"score\"' in l][0]['params']
off=[json.loads(l) for l in open('$T/score.jsonl')]
assert len(off)==1 and abs(off[0]['points']-live['points'])<0.05 and off[0]['passed']==live['passed'], (off, live)
assert set(off[0]['competencies'])=={'document_examination','interview','human_rights','procedure'}"
"$BL" score "$T/nope.jsonl" 2>"$T/err"; rc=$?
check "score: a missing log is exit 2 with its name" bash -c "test $rc -eq 2 && grep -q nope.jsonl '$T/err'"
printf '@1 key m\n@2 key a\n@3 key return\n@4 key return\n' >"$T/exam.input"
"$BL" play --headless --exam on --input "$T/exam.input" --out-dir "$T/exam" >/dev/null 2>&1
check "exam mode: no debrief, the MRZ reader off, the next traveler at once" python3 -c "
import json
a=[json.loads(l) for l in open('$T/exam/actions.jsonl')]
acts=[x['action'] for x in a]
assert 'score' not in acts and 'debrief_closed' not in acts, acts
assert a[0]['params']['mrz_reader'] is False and [x for x in a if x['action']=='mrz_reader'][0]['params'].get('refused'), a
assert acts.count('traveler')==2 and acts.count('decide')==1 and acts[-1]=='traveler', acts"
check "the debrief covers the desk" test "$("$IMG" diff "$T/a/flagged.png" "$T/a/debrief.png" 290 46 980 566)" -gt 100000
check "the next traveler's face replaces the first" test "$("$IMG" diff "$T/a/flagged.png" "$T/a/next.png" 20 56 242 300)" -gt 10000
# Determinism: the same input gives the same log and the same pixels.
play "$T/main.input" "$T/b" >/dev/null
check "same input, same log" cmp -s "$T/a/actions.jsonl" "$T/b/actions.jsonl"
check "same input, same pixels" bash -c "for f in visible uv loupe flagged next; do cmp -s '$T/a/'\$f.png '$T/b/'\$f.png || exit 1; done"
# --screenshot-every
printf '@0 move 10 10\n@30 quit\n' >"$T/every.input"
"$BL" play --headless --input "$T/every.input" --out-dir "$T/c" --screenshot-every 10 >/dev/null 2>&1
check "--screenshot-every writes a frame every N" bash -c "ls '$T/c' | grep -c '^frame' | grep -qx 4"
# Bad input files: a clear message naming the line, exit 2.
printf '@0 move 1 1\n@5 key f13\n' >"$T/bad.input"
"$BL" play --headless --input "$T/bad.input" --out-dir "$T/d" 2>"$T/err"; rc=$?
check "unknown key: exit 2 and file:line" bash -c "test $rc -eq 2 && grep -q 'bad.input:2: unknown key' '$T/err'"
printf '@9 move 1 1\n@5 move 2 2\n' >"$T/back.input"
"$BL" play --headless --input "$T/back.input" --out-dir "$T/d" 2>"$T/err"; rc=$?
check "frames going back: exit 2" bash -c "test $rc -eq 2 && grep -q 'back.input:2: frame 5 comes before frame 9' '$T/err'"
"$BL" play --headless --input "$T/missing.input" 2>"$T/err"; rc=$?
check "missing input file: exit 2" bash -c "test $rc -eq 2 && grep -q 'missing.input' '$T/err'"

# Arabic: the desk mirrors (the traveler's panel moves right, the desk left),
# and the same actions with mirrored pointer positions give the same log.
awk '{ if ($2=="move"||$2=="down"||$2=="up") { if ($2=="move") $3=1279-$3; else $4=1279-$4 } print }' "$T/main.input" >"$T/ar.input"
"$BL" play --headless --lang ar --loupe-dpi 300 --input "$T/ar.input" --out-dir "$T/ar" >/dev/null 2>&1
# Documents are not mirrored, only their place: a mirrored gesture on the
# passport (125 mm wide) flags the mirrored region of the page.
check "Arabic, mirrored input: the same actions, the flag on the mirrored region" python3 -c "
import json
strip=lambda f: [(a['action'],a['target'],a['params']) for a in map(json.loads, open(f)) if a['action']!='language']
en=strip('$T/a/actions.jsonl'); ar=strip('$T/ar/actions.jsonl')
for (e,a) in zip(en,ar):
    if e[0]=='flag':
        x,y,w,h=e[2]['region_mm']; ax,ay,aw,ah=a[2].pop('region_mm'); e[2].pop('region_mm')
        assert abs(ax-(125-x-w))<0.6 and (ay,aw,ah)==(y,w,h), (e,a)
assert en==ar and len(en)>5, [x for x in zip(en,ar) if x[0]!=x[1]][:3]"
check "Arabic: the traveler's panel is on the right" test "$("$IMG" diff "$T/a/visible.png" "$T/ar/visible.png" 16 46 160 198)" -gt 10000
check "Arabic: the same face, at the mirrored place" test "$("$IMG" diffat "$T/a/visible.png" 16 46 "$T/ar/visible.png" 1104 46 160 198)" -eq 0
# The top bar's date is the shaped, right-to-left rendering of the catalogue's
# words with Arabic-Indic digits, pixel for pixel (right-aligned left of the
# clock, so mirrored it starts right of it); unjoined letters or Western
# digits would not match.
date="١ يونيو ٢٠٢٦ · المطار"
# where the date begins depends on the clock's width: the best of the candidates
best=999999; bx=0
for x in $(seq 150 1 300); do
    "$IMG" text "$T/rtl.png" 1280 720 13161A EDEDED 15 0 1 $x 21 0 "$date"
    d=$("$IMG" diff "$T/ar/visible.png" "$T/rtl.png" $((x - 2)) 0 190 31)
    [ "$d" -lt "$best" ] && best=$d && bx=$x
done
"$IMG" text "$T/latin.png" 1280 720 13161A EDEDED 15 0 1 $bx 21 0 "1 يونيو 2026 · المطار"
"$IMG" text "$T/apart.png" 1280 720 13161A EDEDED 15 0 1 $bx 21 0 "١ ي‌و‌ن‌ي‌و ٢٠٢٦ · ا‌ل‌م‌ط‌ا‌ر"
same=$best
latin=$("$IMG" diff "$T/ar/visible.png" "$T/latin.png" $((bx - 2)) 0 190 31)
apart=$("$IMG" diff "$T/ar/visible.png" "$T/apart.png" $((bx - 2)) 0 190 31)
check "Arabic top bar: the date is the shaped RTL rendering ($same px differ; Western digits $latin, unjoined $apart)" \
    bash -c "test $same -le 10 -a $latin -gt 50 -a $apart -gt 100"

# a note typed with quotes, backslashes and a line break: the log stays JSON a
# reader can score (every string escaped by the one writer, jsonfmt.h)
cat >"$T/note.input" <<'IN'
@0 key k
@1 move 400 150
@2 down left 400 150
@3 up left 400 150
@14 key f
@15 down left 330 120
@16 move 380 170
@17 up left 440 230
@18 key 3
@19 text "a \"quoted\" \\ note\nsecond line"
@20 key return
@22 key a
@23 key return
IN
check "a note with quotes, backslashes and a line break replays" play "$T/note.input" "$T/n"
check "and the log stays one JSON object per line, the note as typed" python3 -c "
import json
a=[json.loads(l) for l in open('$T/n/actions.jsonl')]
f=[x for x in a if x['action']=='flag'][0]
assert f['params']['note']=='a \"quoted\" \\\\ note\\nsecond line', repr(f['params']['note'])"
"$BL" score "$T/n/actions.jsonl" >"$T/n/score" 2>&1; rc=$?
check "and it is scored" bash -c "test $rc -eq 0 && grep -q traveler '$T/n/score'"

mkdir -p "$T/nofonts"
BORDERLAB_FONT_DIR="$T/nofonts" "$BL" play --headless --input "$T/every.input" --out-dir "$T/e" 2>"$T/err"; rc=$?
check "desk without its fonts: exit 2 and which package to install" bash -c "test $rc -eq 2 && grep -q 'fonts-dejavu-core' '$T/err'"

echo "desk: $passes passed, $fails failed"
[ $fails -eq 0 ]
