#!/usr/bin/env bash
# Results that cannot be cut short (issue 11): a journal's witness in a folder
# the trainee cannot write names entries deleted from the journal's end, for
# `results verify`, `results import` and a desk asked to resume; an import
# never goes back to fewer entries; a journal sat on another academy's pack is
# refused by `import --pack-key`; and a crash (SIGKILL) inside a journal write,
# between the write and its fsync or halfway through the write, loses no
# decided case and leaves no partial entry (a test build's fault injection,
# BL_FAULT_INJECTION).
set -u
BL=$(realpath "${1:?usage: integrity.sh borderlab imgtool}")
T=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "kept $T" || trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../lib/cli.sh"

mkdir -p "$T/pack/sessions" "$T/witness"
cp scenarios/s01-citizen-returning.lua scenarios/s03-business-visitor.lua \
    scenarios/s04-counterfeit-paper.lua scenarios/s10-wheelchair-citizen.lua "$T/pack/"
cat >"$T/pack/sessions/four.lua" <<'EOF'
return session {
  id = "four", title = "Four travelers", exam = false,
  trainee = { id = "T-7", cohort = "c" },
  scenarios = { "../s01-citizen-returning.lua", "../s03-business-visitor.lua",
                "../s04-counterfeit-paper.lua", "../s10-wheelchair-citizen.lua" },
}
EOF
cd "$T"
"$BL" results keygen jk >/dev/null
W="$T/witness"
run() { # run INPUT OUTDIR [env...]: sits the session with the witness
    local input=$1 out=$2; shift 2
    env "$@" "$BL" session run pack/sessions/four.lua --key jk --witness "$W" --headless \
        --input "$input" --out-dir "$out" >"$out.log" 2>&1
}
decide() { # decide N: input that admits N travelers, one after another
    local f=0 i
    for i in $(seq "$1"); do
        printf '@%d key a\n@%d key return\n@%d key return\n' $((f + 1)) $((f + 2)) $((f + 3))
        f=$((f + 10))
    done
}
J=results/four-T-7.jsonl
entries() { grep -c '"kind":"case"' "$J"; }

decide 4 >all.in
run all.in o1; rc=$?
check "the session runs with its witness" test $rc -eq 0
"$BL" results verify "$J" --key jk --witness "$W" >v 2>&1; rc=$?
lines=$(wc -l <"$J")
check "verify: intact, and its witness saw every entry ($lines)" bash -c "test $rc -eq 0 && grep -q 'its witness saw $lines' v"
cp "$J" full.jsonl

# a trainee with write access to their own journal deletes its last lines
head -n $((lines - 3)) full.jsonl >"$J"
cp "$J" cut.jsonl
"$BL" results verify "$J" --key jk --witness "$W" >v 2>&1; rc=$?
check "verify names the cut: entries $((lines - 2))-$lines of $lines are missing" bash -c "test $rc -eq 1 && grep -q 'entries $((lines - 2))-$lines of $lines are missing' v"
"$BL" results verify "$J" --key jk >v 2>&1; rc=$?
check "(without its witness the rest still verifies: the chain alone cannot tell)" test $rc -eq 0
run /dev/null o2; rc=$?
check "the desk refuses to resume a journal shorter than its witness, and leaves it" bash -c "test $rc -eq 1 && grep -q 'are missing' o2.log && cmp -s '$J' cut.jsonl"
"$BL" results import "$J" --key jk --db r.db --witness "$W" >o 2>&1; rc=$?
check "import refuses it too" bash -c "test $rc -eq 1 && grep -q 'are missing' o && ! test -e r.db"

# an import never goes back: the full journal, then an old copy of it
cp full.jsonl "$J"
"$BL" results import "$J" --key jk --db r.db >o 2>&1; rc=$?
check "the full journal imports" bash -c "test $rc -eq 0 && grep -q 'imported 4 new of 4 cases' o"
before=$("$BL" results query --db r.db --by trainee)
cp cut.jsonl "$J"
"$BL" results import "$J" --key jk --db r.db >o 2>&1; rc=$?
check "an older, shorter copy is refused and the stored results stay" bash -c "
    test $rc -eq 1 && grep -q 'but $((lines)) were imported from it before' o &&
    test \"\$('$BL' results query --db r.db --by trainee)\" = '$before'"
cp full.jsonl "$J"

# a journal sat on another academy's pack, against this academy's pack key
"$BL" session keygen sk1 pk1 >/dev/null
"$BL" session keygen sk2 pk2 >/dev/null
"$BL" session sign pack/sessions/four.lua --secret sk1 --version 1 >/dev/null
"$BL" session run pack/sessions/four.lua --key jk --pack-key pk1 --journal signed.jsonl --headless \
    --input all.in --out-dir o3 >o3.log 2>&1
"$BL" results import signed.jsonl --key jk --db p.db --pack-key pk2 >o 2>&1; rc=$?
check "import --pack-key refuses a journal sat on another academy's pack" bash -c "test $rc -eq 1 && grep -q 'another key signed' o && ! test -e p.db"
"$BL" results import signed.jsonl --key jk --db p.db --pack-key pk1 >o 2>&1; rc=$?
check "and takes one sat on this academy's" test $rc -eq 0

# a pack rolled back to an older version signed with the same key
mkdir -p old && cp -r pack old/
"$BL" session sign old/pack/sessions/four.lua --secret sk1 --version 2 >/dev/null
"$BL" session sign pack/sessions/four.lua --secret sk1 --version 3 >/dev/null
"$BL" session verify pack/sessions/four.lua --pack-key pk1 >o 2>&1; rc=$?
check "verify names the pack's signed version" bash -c "test $rc -eq 0 && grep -q 'version 3 of 20' o"
"$BL" session run old/pack/sessions/four.lua --key jk --pack-key pk1 --min-pack-version 3 --journal rb.jsonl \
    --headless --input /dev/null --out-dir o8 >o 2>&1; rc=$?
check "a desk requiring version 3 refuses the older pack" bash -c "test $rc -eq 1 && grep -q 'the pack is version 2 of .*older than the version 3' o && ! test -e rb.jsonl"
"$BL" session run pack/sessions/four.lua --key jk --pack-key pk1 --min-pack-version 3 --journal v3.jsonl \
    --headless --input /dev/null --out-dir o9 >o 2>&1; rc=$?
check "and runs version 3, the journal saying which" bash -c "test $rc -eq 0 && head -1 v3.jsonl | grep -q '\"pack_version\":3'"

# crashes inside a journal write (kill -9 where it hurts most)
rm -f "$J" "$W"/*
run all.in o4 BORDERLAB_FAULT=before-fsync:3; rc=$?
if [ $rc -ne 137 ]; then
    echo "SKIP: this build has no fault injection (configure with -DBL_FAULT_INJECTION=ON)"
    echo "integrity: $passes passed, $fails failed, crash checks skipped"
    [ $fails -eq 0 ] && exit 77
    exit 1
fi
check "killed between the write of the second case and its fsync" test "$(entries)" -eq 2
run /dev/null o5; rc=$?
check "restarted: the journal is intact, no decided case lost, resumed at the third" bash -c "
    test $rc -eq 0 && grep -q 'stopped after 2 of 4' o5.log && test \$(grep -c '\"kind\":\"case\"' '$J') -eq 2 &&
    '$BL' results verify '$J' --key jk --witness '$W' >/dev/null"
rm -f "$J" "$W"/*
run all.in o6 BORDERLAB_FAULT=mid-write:3; rc=$?
check "killed halfway through writing the second case" bash -c "test $rc -eq 137 && test \"\$(tail -c 1 '$J' | od -An -tx1 | tr -d ' ')\" != 0a"
run /dev/null o7; rc=$?
check "restarted: the half line is cut off, not taken as an entry; the first case stands" bash -c "
    test $rc -eq 0 && grep -q 'cut short' o7.log && grep -q 'stopped after 1 of 4' o7.log &&
    test \$(grep -c '\"kind\":\"case\"' '$J') -eq 1 && '$BL' results verify '$J' --key jk --witness '$W' >/dev/null"

echo "integrity: $passes passed, $fails failed"
[ $fails -eq 0 ]
