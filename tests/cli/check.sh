#!/usr/bin/env bash
# borderlab check: the pack passes; broken scenarios are reported as
# file:line: what is wrong, with exit 1; scripts that run away or reach for
# files are stopped by the sandbox while the desk carries on.
set -u
BL=${1:?usage: check.sh borderlab imgtool}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
D=tests/data/scenarios
. "$(dirname "$0")/../lib/cli.sh"
has() { grep -qF -- "$2" "$1" || { echo "  missing: $2"; return 1; }; }

if ls scenarios/*.lua >/dev/null 2>&1; then
    "$BL" check scenarios >"$T/pack.out" 2>&1; rc=$?
    cat "$T/pack.out" | tail -3
    check "every scenario of the pack passes" test $rc -eq 0
    check "every text of the pack fits the desk (no warning)" bash -c "! grep -q 'warning' '$T/pack.out'"
    n=$(ls scenarios/*.lua | wc -l)
    check "the pack has at least 16 scenarios ($n)" test "$n" -ge 16
fi
"$BL" check "$D/good.lua" >"$T/good.out" 2>&1; rc=$?
check "a correct scenario passes" bash -c "test $rc -eq 0 && grep -q '1 passed, 0 with problems' '$T/good.out'"

# Words too long for their place on the desk, measured as the desk lays them
# out: warnings at the line that writes the text, with its language and how
# much too long; they do not fail the check.
F="$D/too_long.lua"
"$BL" check "$F" >"$T/long.out" 2>&1; rc=$?
cat "$T/long.out"
check "too long: warnings only, exit 0" bash -c "test $rc -eq 0 && grep -q '1 passed, 0 with problems (0 problems); 5 warnings' '$T/long.out'"
check "a question too long for the two lines of its row" has "$T/long.out" "$F:39: warning: question \"q.long\" in en will not fit the desk: needs 4 lines, a row of the question list holds 2: \"Could you please tell me"
check "the same question in Arabic, at its own line" has "$T/long.out" "$F:49: warning: question \"q.long\" in ar will not fit the desk: needs 3 lines"
check "an answer with more lines than the panel holds" has "$T/long.out" "$F:40: warning: answer \"a.long\" in en will not fit the desk: needs 9 lines, the answer panel holds 8: \"I came to see my brother"
check "an answer only the answer function gives, in Arabic" has "$T/long.out" "$F:53: warning: answer \"a.told\" in ar will not fit the desk: needs 8 lines, the answer panel under its language holds 7"
check "things carried, under a need" has "$T/long.out" "$F:36: warning: thing carried \"carries.long\" in en will not fit the desk: the things carried need 6 lines, the column under the face holds 4"
check "what fits is not named" bash -c "! grep -q 'a.purpose\|carries.bag\|q.more\|a.short' '$T/long.out'"

"$BL" check "$D/bad_syntax.lua" >"$T/syntax.out" 2>&1; rc=$?
check "a Lua syntax error: exit 1, file:line" bash -c "test $rc -eq 1 && grep -q '^$D/bad_syntax.lua:4: ' '$T/syntax.out'"

"$BL" check "$D/bad_many.lua" >"$T/many.out" 2>&1; rc=$?
cat "$T/many.out"
check "many problems: exit 1" test $rc -eq 1
F="$D/bad_many.lua"
check "unknown key, with its line" has "$T/many.out" "$F:5: traveler: unknown key \"colour\""
check "unknown template" has "$T/many.out" "$F:7: documents[1]: unknown template \"uto-passport-td9\""
check "unknown defect" has "$T/many.out" "$F:8: \"glitter\" is not a defect kind"
check "a question after one that does not exist" has "$T/many.out" "$F:11: question \"a\" comes after \"nowhere\", which does not exist"
check "expected.ask names a forbidden question" has "$T/many.out" "$F:14: expected.ask: question \"b\" is forbidden"
check "expected.ask names no question" has "$T/many.out" "$F:14: expected.ask: question \"zzz\" does not exist"
check "unknown light" has "$T/many.out" "$F:14: \"xray\" is not a light"
check "expected finding not on the documents" has "$T/many.out" "$F:15: expected.findings: \"expired\" is not on any of the documents"
check "admitting a forged document contradicts the documents" has "$T/many.out" "$F:14: expected: \"admit\" contradicts the documents"
check "rubric must add up to 100" has "$T/many.out" "$F:16: rubric: points add up to 90, not 100"
check "a string missing in a declared language" has "$T/many.out" "$F:19: string \"a.b\" is missing in \"fr\""
# Answer functions are run against generated desk situations: a key that is
# not a string (only once the reader was used), ctx.flagged of no finding
# kind (only once something is flagged), ctx.asked of no question (only once
# "stay" was asked), each at the script's line.
cat >"$T/probe.lua" <<'LUA'
return scenario {
  id = "probe", title = "title", competencies = { "interview" }, situations = {},
  difficulty = 1, languages = { "en" },
  traveler = { age = 40, sex = "F", speaks = { "en" } },
  documents = { { template = "uto-passport-td3", seed = 9001 } },
  questions = {
    { id = "purpose", text = "q.purpose", answer = function(ctx)
        if ctx.reader() then return "a.nowhere" end
        return "a.purpose"
      end },
    { id = "stay", text = "q.stay", answer = function(ctx)
        if ctx.light("uv") and ctx.flagged("counterfeit") then return "a.stay" end
        if ctx.flagged("glitter") then return "a.stay" end
        return "a.stay"
      end },
    { id = "work", text = "q.work", answer = function(ctx)
        if ctx.asked("stay") and ctx.asked("jobb") then return "a.stay" end
        return "a.stay"
      end },
  },
  expected = { decision = "admit", why = "why" },
  rubric = { document_examination = 50, interview = 30, human_rights = 10, procedure = 10 },
  strings = { en = { title = "T", why = "W", ["q.purpose"] = "P?", ["a.purpose"] = "p",
                     ["q.stay"] = "S?", ["a.stay"] = "s", ["q.work"] = "W?" } },
}
LUA
"$BL" check "$T/probe.lua" >"$T/probe.out" 2>&1; rc=$?
cat "$T/probe.out"
check "answer functions probed: exit 1" test $rc -eq 1
check "a returned key that is not a string, with the situation" has "$T/probe.out" "$T/probe.lua:7: question \"purpose\": the answer function returned a key that is not one of the scenario's strings (at the desk: nothing asked; MRZ reader)"
check "ctx.flagged of a kind that does not exist, at its line" has "$T/probe.out" "$T/probe.lua:13: question \"stay\": ctx.flagged: \"glitter\" is not a finding kind"
check "ctx.asked of a question that does not exist, at its line" has "$T/probe.out" "$T/probe.lua:17: question \"work\": ctx.asked: \"jobb\" is not a question of this scenario"
check "each problem once" test "$(grep -c 'glitter' "$T/probe.out")" -eq 1
# Lines come from where the file writes a field, not from the first place a
# word appears: the id holds "rubric", "decision" and "critical", yet each
# problem is reported at its own field's line.
cat >"$T/lines.lua" <<'LUA'
return scenario {
  id = "lines-rubric-decision-critical-waive",
  title = "title", competencies = { "interview" }, situations = {},
  difficulty = 1, languages = { "en" },
  traveler = { age = 40, sex = "F", speaks = { "en" } },
  documents = { { template = "uto-passport-td3", seed = 9001 } },
  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "critical", text = "q.purpose", answer = "a.purpose", competency = "charm" },
  },
  expected = {
    why = "why",
    decision = "welcome",
    critical = {
      { when = { asked = "purpose", decision = "maybe" }, reason = "r.none" },
    },
    waive = {
      { critical = "no_decision", reason = "why" },
    },
  },
  rubric = { document_examination = 50, interview = 30, human_rights = 10, procedure = 0 },
  strings = { en = { title = "T", why = "W", ["q.purpose"] = "P?", ["a.purpose"] = "p" } },
}
LUA
"$BL" check "$T/lines.lua" >"$T/lines.out" 2>&1; rc=$?
cat "$T/lines.out"
check "field problems: exit 1" test $rc -eq 1
check "a question's competency at its line" has "$T/lines.out" "$T/lines.lua:9: questions[2].competency: \"charm\""
check "expected.decision at its line, not the id's" has "$T/lines.out" "$T/lines.lua:13: expected.decision: \"welcome\""
check "a critical condition's decision at its line" has "$T/lines.out" "$T/lines.lua:15: expected.critical[1].when.decision: \"maybe\""
check "a waiver of what cannot be waived at its line" has "$T/lines.out" "$T/lines.lua:18: expected.waive[1].critical: \"no_decision\" cannot be waived"
check "an author's reason that is not a string at its line" has "$T/lines.out" "$T/lines.lua:15: string \"r.none\" (expected.critical reason) is not defined"
check "the rubric at its line, not the id's" has "$T/lines.out" "$T/lines.lua:21: rubric: points add up to 90, not 100"
# Several protection needs at once: a list; a kind that is not one is named
# at its place in the list.
mkdir -p "$T/needs"
sed -e 's/expected = { decision = "admit", ask = { "purpose" }, why = "why" },/expected = { decision = "protection", protection = { "child", "charity" }, ask = { "purpose" }, why = "why" },/' \
    -e 's/situations = {},/situations = { "unaccompanied_child" },/' "$D/good.lua" >"$T/needs/good.lua"
"$BL" check "$T/needs/good.lua" >"$T/needs.out" 2>&1; rc=$?
check "protection = { list }: an unknown need named at its place" bash -c "test $rc -eq 1 && grep -q 'expected.protection: \"charity\" is not asylum, child or trafficking' '$T/needs.out' && test \$(grep -c 'good.lua:' '$T/needs.out') -eq 1"
sed -i 's/"charity"/"trafficking"/' "$T/needs/good.lua"
"$BL" check "$T/needs/good.lua" >"$T/needs.out" 2>&1; rc=$?
check "protection = { \"child\", \"trafficking\" } passes" bash -c "test $rc -eq 0 || { cat '$T/needs.out'; false; }"
# ctx knows the whole desk: nothing done yet; then the passport opened, the
# loupe and the specimen used, the questions in order; then the counterfeit
# paper found by a flag under UV.
cat >"$T/ctx.input" <<'IN'
@10 ask hello
@20 ask state
@21 key o
@22 key l
@23 key l
@24 key r
@25 key r
@26 ask state
@27 key 2
@28 key f
@29 down left 650 83
@30 move 687 105
@31 up left 725 127
@32 key 1
@33 key return
@34 ask state
IN
"$BL" play --headless --scenario "$D/desk_ctx.lua" --input "$T/ctx.input" --out-dir "$T/ctx" >"$T/ctx.out" 2>&1; rc=$?
check "ctx: documents opened, loupe, specimen, time, transcript, defects found" python3 -c "
import json
a=[json.loads(l) for l in open('$T/ctx/actions.jsonl')]
ans=[x['params']['answer'] for x in a if x['action']=='answer']
assert ans==['a.hello','a.nothing','a.looked','a.found'], ans"
# Limits the guide states are enforced: a fifth thing carried is reported.
mkdir -p "$T/limits"
sed 's/carries = { "carries.bag" }/carries = { "carries.bag", "carries.bag", "carries.bag", "carries.bag", "carries.bag" }/' \
    "$D/good.lua" >"$T/limits/good.lua"
"$BL" check "$T/limits/good.lua" >"$T/limits.out" 2>&1; rc=$?
check "limits: a fifth carried thing is reported" bash -c "test $rc -eq 1 && grep -q 'traveler.carries: at most 4' '$T/limits.out'"
# Supporting documents: an undocumented returnee may carry a police report
# but no travel document; a signature that does not match needs the holder's
# own signature on another document to compare with; a letter signed only by
# its writer has no place for that defect; a text names a field.
mkdir -p "$T/sup"
sup() { # $1 name, $2 the documents, $3 situations, $4 decision, $5 findings
    mkdir -p "$T/sup/$1"
    sed -e "s|{ template = \"uto-passport-td3\", seed = 9001 },|$2|" \
        -e "s|situations = {},|situations = { $3 },|" \
        -e "s|expected = { decision = \"admit\",|expected = { decision = \"$4\", findings = { $5 },|" \
        "$D/good.lua" >"$T/sup/$1/good.lua"
    "$BL" check "$T/sup/$1/good.lua" >"$T/sup/$1.out" 2>&1
}
REPORT='{ template = "qnv-police-loss-report", seed = 5, texts = { reported = "30 MAY 2026" } },'
sup returnee "$REPORT" '"undocumented_returnee"' second_line ""; rc=$?
check "a returnee with a police report passes" bash -c "test $rc -eq 0 || { cat '$T/sup/returnee.out'; false; }"
sup returnee_pp '{ template = "uto-passport-td3", seed = 9001 },' '"undocumented_returnee"' second_line ""; rc=$?
check "a returnee with a passport: no travel document" bash -c "test $rc -eq 1 && grep -q 'no travel document (documents\[1\] is one)' '$T/sup/returnee_pp.out'"
sup alone '{ template = "qnv-police-loss-report", seed = 5, defects = { "signature_mismatch" } },' "" second_line '"signature_mismatch"'; rc=$?
check "signature_mismatch with nothing to compare with" bash -c "test $rc -eq 1 && grep -q 'documents\[1\].defects: signature_mismatch needs the holder.s own signature on another' '$T/sup/alone.out'"
sup compared '{ template = "uto-passport-td3", seed = 9001 }, { template = "qnv-police-loss-report", seed = 5, same_holder = true, defects = { "signature_mismatch" } },' "" second_line '"signature_mismatch"'; rc=$?
check "signature_mismatch beside the holder's passport passes" bash -c "test $rc -eq 0 || { cat '$T/sup/compared.out'; false; }"
sup writer '{ template = "uto-passport-td3", seed = 9001 }, { template = "uto-school-enrolment", seed = 5, same_holder = true, defects = { "signature_mismatch" } },' "" second_line '"signature_mismatch"'; rc=$?
check "signature_mismatch on a letter signed by its writer only" bash -c "test $rc -eq 1 && grep -q 'template \"uto-school-enrolment\" has no feature that defect \"signature_mismatch\" applies to' '$T/sup/writer.out'"
sup text '{ template = "uto-passport-td3", seed = 9001 }, { template = "qnv-escort-order", seed = 5, same_holder = true, texts = { gate = "B12" } },' "" admit ""; rc=$?
check "a text the template does not have" bash -c "test $rc -eq 1 && grep -q '\"gate\" is not a text of qnv-escort-order' '$T/sup/text.out'"
timeout 60 "$BL" check "$D/bad_meta.lua" >"$T/meta.out" 2>&1; rc=$?
check "a table with hostile metamethods is read without running them" bash -c "test $rc -eq 1 && grep -q 'missing \"title\"' '$T/meta.out'"
"$BL" check "$T/nope.lua" >"$T/nope.out" 2>&1; rc=$?
check "a missing file: exit 1 and its name" bash -c "test $rc -eq 1 && grep -q 'nope.lua' '$T/nope.out'"
"$BL" check >/dev/null 2>&1; rc=$?
check "no argument: usage, exit 2" test $rc -eq 2

# The interview at the desk: answers follow the desk's state; a runaway or
# file-reading answer function is stopped, logged, and the desk carries on.
cat >"$T/ask.input" <<'IN'
@1 key q
@2 key 2
@3 key q
@4 key 1
@5 key q
@6 key 3
@7 key 2
@8 key q
@9 key 2
@10 key i
@11 key q
@12 key 3
@13 screenshot asked
IN
"$BL" play --headless --scenario "$D/good.lua" --input "$T/ask.input" --out-dir "$T/ask" >"$T/ask.out" 2>&1; rc=$?
check "interview replay runs" test $rc -eq 0
check "answers depend on what was asked, the lights and the interpreter" python3 -c "
import json
a=[json.loads(l) for l in open('$T/ask/actions.jsonl')]
ans=[(x['params']['question'],x['params']['answer']) for x in a if x['action']=='answer']
assert ans==[('work','a.work'),('purpose','a.purpose'),('work','a.work_after'),('stay','a.stay_uv'),('work','a.work_both')], ans
asks=[x for x in a if x['action']=='ask']
assert asks[2]['params']['times']==2 and asks[0]['params']['forbidden'] is False"
cat >"$T/run.input" <<'IN'
@1 key q
@2 key 1
@3 key q
@4 key 2
@5 key 2
@6 screenshot after
IN
"$BL" play --headless --scenario "$D/bad_runaway.lua" --input "$T/run.input" --out-dir "$T/run" >"$T/run.out" 2>&1; rc=$?
check "a runaway answer function does not stop the desk" test $rc -eq 0
check "it is logged with the file and what went wrong" python3 -c "
import json
a=[json.loads(l) for l in open('$T/run/actions.jsonl')]
errs=[x['params']['message'] for x in a if x['action']=='script_error']
assert len(errs)==2, errs
assert 'bad_runaway.lua:9' in errs[0] and 'step limit' in errs[0], errs[0]
assert 'bad_runaway.lua:10' in errs[1], errs[1]
assert [x['target'] for x in a if x['action']=='light']==['uv'], 'the desk carried on'"

# an answer function that fills its memory and keeps it: the desk goes on, the
# scenario's state is reset, and the next answer works
printf '@1 key q\n@2 key 1\n@3 key q\n@4 key 1\n@5 key q\n@6 key 2\n@7 key 2\n' >"$T/mem.input"
"$BL" play --headless --scenario "$D/bad_memory.lua" --input "$T/mem.input" --out-dir "$T/mem" >"$T/mem.out" 2>&1; rc=$?
check "memory filled and kept in an answer does not stop the desk" test $rc -eq 0
check "each such answer is a script error naming the file and line, the next answer works" python3 -c "
import json
a=[json.loads(l) for l in open('$T/mem/actions.jsonl')]
errs=[x['params']['message'] for x in a if x['action']=='script_error']
assert len(errs)==2 and all('bad_memory.lua:' in e and 'memory limit exceeded' in e for e in errs), errs
ans=[x['params']['answer'] for x in a if x['action']=='answer']
assert ans==['interview.no_answer', 'interview.no_answer', 'a.fine'], ans
assert [x['target'] for x in a if x['action']=='light']==['uv'], 'the desk carried on'"

# session files are recognised and checked with every scenario they can draw
"$BL" check scenarios/sessions >"$T/out" 2>&1; rc=$?
check "the example session and its 14 scenarios check" bash -c "test $rc -eq 0 && grep -q '1 passed, 0 with problems' '$T/out'"
cat >"$T/sess.lua" <<'EOF2'
-- a session naming a scenario that is not there
return session {
  id = "s", title = "S",
  scenarios = { "missing.lua" },
}
EOF2
"$BL" check "$T/sess.lua" >"$T/out" 2>&1; rc=$?
check "a session's missing scenario is named" bash -c "test $rc -eq 1 && grep -q 'missing.lua: cannot' '$T/out'"

# ids and keys go into the log and the journal: a quote, a line break, a space
# or an escape sequence in one is refused, and never reaches the terminal raw
cat >"$T/unsafe.lua" <<'LUA'
return scenario {
  id = "unsafe",
  title = "title",
  languages = { "en" },
  traveler = { age = 30, sex = "X", speaks = { "en" } },
  documents = { { template = "uto-passport-td3", seed = 7 } },
  questions = {
    { id = "a\"b\nc", text = "q.a", answer = "my key" },
  },
  expected = { decision = "admit", why = "why" },
  rubric = { document_examination = 25, interview = 25, human_rights = 25, procedure = 25 },
  strings = { en = { title = "T", why = "W", ["q.a"] = "A?", ["my key"] = "x", ["e\27[31m"] = "y" } },
}
LUA
"$BL" check "$T/unsafe.lua" >"$T/out" 2>&1; rc=$?
check "unsafe ids and keys are refused, each named" bash -c "test $rc -eq 1 && grep -qF 'question id \"a\"b c\": use letters, digits' '$T/out' &&
    grep -qF 'question answer \"my key\"' '$T/out' && grep -qF 'strings: key \"e?[31m\"' '$T/out'"
check "no control character reaches the terminal" python3 -c "
import sys; t=open('$T/out','rb').read()
sys.exit(1 if any((b < 32 and b != 10) or b == 127 for b in t) else 0)"

# an empty answer rule list is a problem named at its line (it once indexed rule -1)
sed 's/answer = "a.purpose" }/answer = {} }/' $D/good.lua >"$T/good.lua"
"$BL" check "$T/good.lua" >"$T/out" 2>&1; rc=$?
check "an empty rule list is refused, not read out of bounds" bash -c "test $rc -eq 1 && grep -q 'questions\[1\].answer: an empty rule list' '$T/out'"

# after = { ... }: desk events that can happen in this scenario
sed 's/after = "purpose",/after = { asked = "purpose", opened = 2, flagged = "smudge", light = "xray", separated = true },/' $D/good.lua >"$T/good.lua"
"$BL" check "$T/good.lua" >"$T/out" 2>&1; rc=$?
check "after: each impossible event named (exit $rc)" bash -c "test $rc -eq 1 &&
    grep -q 'questions\[2\].after.opened: document 2 is not in documents' '$T/out' &&
    grep -q 'after.flagged: \"smudge\" is not a finding kind' '$T/out' &&
    grep -q 'after.light: \"xray\" is not a light' '$T/out' &&
    grep -q 'after.separated: the traveler has no companion' '$T/out'"
sed 's/after = "purpose",/after = { asked = "purpose", opened = 1, flagged = "expired", light = "uv", reader = true },/' $D/good.lua >"$T/good.lua"
"$BL" check "$T/good.lua" >"$T/out" 2>&1
check "after: events that can happen are accepted" grep -q "1 passed" "$T/out"
sed 's/after = "purpose",/after = { asked = "purpose", when = 3 },/' $D/good.lua >"$T/good.lua"
"$BL" check "$T/good.lua" >"$T/out" 2>&1
check "after: an unknown event is named" grep -q 'questions\[2\].after: unknown key "when"' "$T/out"

# the desk's place: one of the places a border desk is
sed 's/^  languages = /  place = "moon",\n  languages = /' $D/good.lua >"$T/good.lua"
"$BL" check "$T/good.lua" >"$T/out" 2>&1; rc=$?
check "an unknown place is refused at its line" bash -c "test $rc -eq 1 && grep -q 'good.lua:[0-9]*: place: \"moon\" is not one of airport, land_border, seaport, rail_station' '$T/out'"
sed 's/^  languages = /  place = "land_border",\n  languages = /' $D/good.lua >"$T/good.lua"
"$BL" check "$T/good.lua" >"$T/out" 2>&1
check "a land border desk is a place" grep -q "1 passed" "$T/out"

# check builds every document with the fonts every other command uses (BORDERLAB_FONT_DIR too)
mkdir -p "$T/nofonts"
BORDERLAB_FONT_DIR="$T/nofonts" "$BL" check $D/good.lua >"$T/out" 2>&1; rc=$?
check "check without its fonts: exit 2 and which package to install" bash -c "test $rc -eq 2 && grep -q 'fonts-dejavu-core' '$T/out'"

# docs/scenarios.md's second example is a whole scenario: it checks clean, and
# its documents are the pack's own s07 (the guide shortened the dialogue only)
mkdir -p "$T/doc-example"
python3 - "$T/doc-example/s07-trafficking.lua" <<'PY'
import re, sys
text = open('docs/scenarios.md', encoding='utf-8').read()
part = text.split('## A second example', 1)[1]
block = re.search(r'```lua\n(.*?)```', part, re.S).group(1)
open(sys.argv[1], 'w', encoding='utf-8').write(block)
PY
"$BL" check "$T/doc-example/s07-trafficking.lua" >"$T/out" 2>&1; rc=$?
check "the guide's second example checks clean (exit $rc: $(head -c 200 "$T/out"))" test $rc -eq 0
"$BL" render --scenario "$T/doc-example/s07-trafficking.lua" --dpi 72 --out-dir "$T/doc-example/r" >/dev/null 2>&1
"$BL" render --scenario scenarios/s07-trafficking.lua --dpi 72 --out-dir "$T/doc-example/p" >/dev/null 2>&1
check "the guide's example has the pack's documents, holders and all" \
    cmp -s "$T/doc-example/r/documents.json" "$T/doc-example/p/documents.json"

# a database record the traveler's document would never find: its namesake's
# name spelled beyond any romanisation (and no Arabic form to meet)
mkdir -p "$T/far"
sed -e 's/surname = "AL-HASHIMI", given_names = "MUHAMMAD"/surname = "BERGSTROM", given_names = "ERIK"/' \
    -e 's/surname_native = "الهاشمي", given_names_native = "محمد",//' \
    scenarios/s29-name-hit-innocent.lua >"$T/far/s29-name-hit-innocent.lua"
"$BL" check "$T/far/s29-name-hit-innocent.lua" >"$T/far.out" 2>&1; rc=$?
check "a record no search would find is named at its line (exit 1)" \
    sh -c "[ $rc -eq 1 ] && grep -q 's29-name-hit-innocent.lua:[0-9]*: checks\[1\]: a search of the watchlist' '$T/far.out'"
"$BL" check scenarios/s29-name-hit-innocent.lua >/dev/null 2>&1
check "the same record spelled AL-HASHIMI MUHAMMAD is found for AL HASHEMI MOHAMED" test $? -eq 0

echo "check: $passes passed, $fails failed"
[ $fails -eq 0 ]
