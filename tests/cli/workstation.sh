#!/usr/bin/env bash
# A shared workstation (borderlab workstation): trainees sign in one after
# the other in one window; each sits the session they picked, in their own
# journal; the sign-in screen the next trainee sees is the empty one, pixel
# for pixel; the roster decides who may sign in and names them; a session
# that cannot start is said and the workstation goes on; bad configuration
# gets a clear message and exit 2.
set -u
BL=$(realpath "${1:?usage: workstation.sh borderlab imgtool}")
IMG=$(realpath "${2:?usage: workstation.sh borderlab imgtool}")
T=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "kept $T" || trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../lib/cli.sh"

mkdir -p "$T/pack/open"
cp scenarios/*.lua "$T/pack/"
cp scenarios/sessions/basic-certification.lua "$T/pack/open/"
cd "$T"
sed -e 's/id = "uto-first-line-basic"/id = "uto-practice"/' \
    -e 's/title = "First-line certification (basic)"/title = "Practice: returning citizens and visitors"/' \
    -e 's/exam = true/exam = false/' pack/open/basic-certification.lua >pack/open/practice.lua
"$BL" results keygen jk >/dev/null
"$BL" session keygen sk pk >/dev/null
"$BL" session sign pack/open/basic-certification.lua --secret sk --version 1 >/dev/null
cat >roster.json <<'EOF'
[{"id": "T-01", "name": "Amina Khoury", "cohort": "2026-B"},
 {"id": "T-02", "name": "Jonas Vermeer", "cohort": "2026-C"}]
EOF
printf '{"journal_key": "jk", "journal_dir": "journals", "sessions_dir": "pack/open", "roster": "roster.json"}\n' >academy.json
export BORDERLAB_SYSTEM_CONFIG=$T/academy.json XDG_CONFIG_HOME=$T/xdg

# T-01 signs in to the practice session (Down: the second), looks, leaves
# the desk (Esc, Y); T-09 is not on the roster; T-02 signs in to the
# default (the exam: no pack key in this configuration, so it cannot start);
# T-02 then picks the practice session; the window closes.
cat >in.txt <<'EOF'
@0 screenshot first
@0 text "T-01"
@0 key down
@0 key return
@5 screenshot desk-T-01
@20 key escape
@21 key y
@22 screenshot next
@22 text "T-09"
@22 key return
@22 screenshot not-on-roster
@22 key escape
@22 text "T-02"
@22 key return
@22 screenshot after-failure
@22 text "T-02"
@22 key down
@22 key return
@30 screenshot desk-T-02
@40 key escape
@41 key y
@42 quit
EOF
"$BL" workstation --headless --input in.txt --out-dir shots >o 2>e; rc=$?
check "the exam without its pack key cannot start: said, and the workstation goes on (exit $rc, 2)" \
    bash -c "test $rc -eq 2 && grep -q 'pack-key' e"
check "the next trainee's sign-in screen is the empty one, pixel for pixel" cmp -s shots/first.png shots/next.png
check "each trainee's desk was shown, with their own id" \
    bash -c "test -s shots/desk-T-01.png && test -s shots/desk-T-02.png && ! cmp -s shots/desk-T-01.png shots/desk-T-02.png"
check "a failed start is said on the next sign-in screen" bash -c "! cmp -s shots/first.png shots/after-failure.png"
check "one journal per trainee and session; none for the id not on the roster" \
    bash -c "test -s journals/uto-practice-T-01.jsonl && test -s journals/uto-practice-T-02.jsonl && \
             ! ls journals | grep -q T-09 && ! ls journals | grep -q first-line"
check "the roster names each trainee and their cohort in their journal" python3 -c "
import json
for t, name, cohort in (('T-01', 'Amina Khoury', '2026-B'), ('T-02', 'Jonas Vermeer', '2026-C')):
    first = open('journals/uto-practice-%s.jsonl' % t).readline()
    assert name in first and cohort in first, (t, first[:300])"
check "each trainee's actions in their own log" \
    bash -c "test -e shots/uto-practice-T-01.actions.jsonl && test -e shots/uto-practice-T-02.actions.jsonl"
"$BL" results verify journals/uto-practice-T-01.jsonl >o 2>&1; rc=$?
check "the journal written at the workstation is intact (key from the configuration)" \
    bash -c "test $rc -eq 0 && grep -q '^intact' o"

# T-01 comes back: the practice session resumes their journal
printf '@0 text "T-01"\n@0 key down\n@0 key return\n@10 key escape\n@11 key y\n@12 quit\n' >again.txt
n1=$(wc -l <journals/uto-practice-T-01.jsonl)
"$BL" workstation --headless --input again.txt --out-dir shots2 >o 2>e; rc=$?
n2=$(wc -l <journals/uto-practice-T-01.jsonl)
check "a trainee who signs in again resumes their journal (exit $rc; $n1 then $n2 entries)" \
    bash -c "test $rc -eq 0 && test $n2 -gt $n1 && grep -q 'T-01' o"

# the real window (Xvfb): the sign-in screen as the headless replay draws it
if command -v xvfb-run >/dev/null 2>&1; then
    printf '@0 text "T-01"\n@0 screenshot typed\n@0 quit\n' >win.txt
    "$BL" workstation --headless --input win.txt --out-dir wh >/dev/null 2>&1
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" SDL_VIDEODRIVER=x11 \
        xvfb-run -a -s "-screen 0 1280x720x24" "$BL" workstation --input win.txt --out-dir ww >o 2>&1; rc=$?
    d=$("$IMG" diff ww/typed.png wh/typed.png 0 0 1280 720 2>/dev/null || echo 921600)
    check "in a real window the sign-in screen is the headless one (exit $rc, $d pixels differ)" \
        bash -c "test $rc -eq 0 && test $d -lt 9216"
else
    echo "SKIP the window check: xvfb-run is not installed (scripts/test installs it)"
fi

# --- bad configuration: what, where, what to do
"$BL" workstation --sessions nowhere --headless --input in.txt >o 2>e; rc=$?
check "a sessions folder that is not there: exit 2, named" bash -c "test $rc -eq 2 && grep -q \"nowhere\" e"
mkdir empty
"$BL" workstation --sessions empty --headless --input in.txt >o 2>e; rc=$?
check "no session open: exit 2, said" bash -c "test $rc -eq 2 && grep -q 'no session file' e"
mkdir broken && echo 'return session {' >broken/bad.lua
"$BL" workstation --sessions broken --headless --input in.txt >o 2>e; rc=$?
check "a session file that does not load: exit 2, the file named" bash -c "test $rc -eq 2 && grep -q 'bad.lua' e"
echo '[{"id": "T 01"}]' >bad-roster.json
"$BL" workstation --roster bad-roster.json --headless --input in.txt >o 2>e; rc=$?
check "a roster id that cannot name a journal: exit 2, said" bash -c "test $rc -eq 2 && grep -q 'trainee 1' e"
printf '[{"id": "T-01"}, {"id": "T-01"}]' >dup-roster.json
"$BL" workstation --roster dup-roster.json --headless --input in.txt >o 2>e; rc=$?
check "a roster with an id twice: exit 2, said" bash -c "test $rc -eq 2 && grep -q 'twice' e"
BORDERLAB_SYSTEM_CONFIG=$T/none.json "$BL" workstation --headless --input in.txt >o 2>e; rc=$?
check "no sessions folder configured: exit 2, what to set" bash -c "test $rc -eq 2 && grep -q 'sessions_dir' e"
"$BL" workstation --headless >o 2>e; rc=$?
check "--headless without a recording: exit 2" bash -c "test $rc -eq 2"

echo "workstation: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
