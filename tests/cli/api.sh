#!/usr/bin/env bash
# tests/cli/api.sh - pre-arrival data from the outside: `borderlab api make`
# writes a scenario's flight as UN/EDIFACT PAXLST, which an independent parser
# (npm's edifact package, through tests/lib/edifact_check.js) reads: the
# segments, the counts in UNT and CNT+42, and the traveler's name, date of
# birth and document number as the scenario and its rendered passport say.
# `api check` passes what we write, names the segment of each corruption
# (exit 1) and refuses what is not EDIFACT (exit 2); `api make --pnr` shows
# the booking's Annex I elements and the risk rules' hits; `borderlab check`
# places a bad flight field at its file:line.
#
# edifact is installed once into ~/.cache/borderlab-tests (or
# $BORDERLAB_TEST_CACHE); exit 77 (skipped) only when npm cannot reach its
# registry, after every check that does not need it has passed.
# Usage: api.sh /path/to/borderlab (run from the source folder).
set -eu

BIN=$(realpath "${1:?usage: api.sh /path/to/borderlab}")
HERE=$(cd "$(dirname "$0")" && pwd)
SCN=tests/data/api/flight.lua
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
run() { rc=0; "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?; }
expect_rc() { [ "$rc" -eq "$1" ] || { cat "$TMP/out" "$TMP/err" >&2; fail "$2: exit $rc, expected $1"; }; }
out_has() { grep -qF -- "$1" "$TMP/out" || { cat "$TMP/out" >&2; fail "$2: stdout lacks '$1'"; }; }
err_has() { grep -qF -- "$1" "$TMP/err" || { cat "$TMP/err" >&2; fail "$2: stderr lacks '$1'"; }; }
# variant NAME SED-EXPR: a copy of the scenario changed by sed, as $TMP/NAME/flight.lua (a
# scenario's file is named after its id)
variant() { mkdir -p "$TMP/$1"; sed "$2" "$SCN" >"$TMP/$1/flight.lua"; }

# --- make, then our own check ------------------------------------------------------------------
run "$BIN" api make --scenario "$SCN"
expect_rc 0 "api make"
cp "$TMP/out" "$TMP/flight.edi"
head -1 "$TMP/flight.edi" | grep -qx "UNA:+.? '" || fail "the interchange begins with UNA:+.? '"
grep -qx "NAD+FL+++O?'NEILL:ANNA:MARIA'" "$TMP/flight.edi" || fail "O'NEILL is released as O?'NEILL"
grep -qx "RFF+AVF:K7Q2LM'" "$TMP/flight.edi" || fail "the booking reference"
grep -qx "CNT+42:41'" "$TMP/flight.edi" || fail "the traveler and 40 others: CNT+42:41"
run "$BIN" api make --scenario "$SCN"
cmp -s "$TMP/out" "$TMP/flight.edi" || fail "the same scenario makes the same interchange"
run "$BIN" api check "$TMP/flight.edi"
expect_rc 0 "api check"
out_has "valid: 41 passengers on NA412 NHV->VLM" "api check"
ok "api make writes PAXLST (same bytes twice); api check: valid, 41 passengers"

# --- corrupted copies: exit 1 naming the segment (= the line: one a line, UNA the first) ----------
# corrupt NAME SED-EXPR TAG WORDS: the changed copy fails at the line sed changed
corrupt() {
    sed "$2" "$TMP/flight.edi" >"$TMP/$1.edi"
    local line
    line=$(diff "$TMP/flight.edi" "$TMP/$1.edi" | sed -n 's/^\([0-9]*\)[acd,].*/\1/p' | head -1)
    run "$BIN" api check "$TMP/$1.edi"
    expect_rc 1 "$1"
    err_has "segment $line ($3)" "$1"
    err_has "$4" "$1"
}
corrupt bad-birth "s/^DTM+329:880412'/DTM+329:881399'/" DTM "date of birth 881399 is not a date"
corrupt bad-count "s/^UNT+\([0-9]*\)+1'/UNT+9+1'/" UNT "UNT counts 9 segments"
corrupt bad-cnt "s/^CNT+42:41'/CNT+42:40'/" CNT "CNT+42 says 40 passengers, the message lists 41"
corrupt bad-sex "0,/^ATT+2++[MF]'/s//ATT+2++Z'/" ATT "sex code \"Z\" is not M, F or U"
# without its release character the apostrophe ends the segment: the rest is no segment
sed "s/O?'NEILL/O'NEILL/" "$TMP/flight.edi" >"$TMP/unreleased.edi"
line=$(grep -n "^NAD+FL+++O'NEILL" "$TMP/unreleased.edi" | cut -d: -f1)
run "$BIN" api check "$TMP/unreleased.edi"
expect_rc 1 "unreleased apostrophe"
err_has "segment $((line + 1)) (?)" "unreleased apostrophe"
# no UNT: found out at the next segment
sed '/^UNT+/d' "$TMP/flight.edi" >"$TMP/no-unt.edi"
line=$(grep -n "^UNE+" "$TMP/no-unt.edi" | cut -d: -f1)
run "$BIN" api check "$TMP/no-unt.edi"
expect_rc 1 "no UNT"
err_has "segment $line (UNE): the message ends without its UNT trailer" "no UNT"
ok "corrupted copies: exit 1, the segment and the reason (birth, UNT, CNT, sex, release, no UNT)"

printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$TMP/binary.edi"
run "$BIN" api check "$TMP/binary.edi"
expect_rc 2 "binary"
err_has "not an EDIFACT interchange" "binary"
run "$BIN" api check "$TMP/no-such.edi"
expect_rc 2 "missing file"
err_has "no-such.edi" "missing file"
ok "unreadable: binary and missing files exit 2"

# --- a swapped document, the booking, no flight ------------------------------------------------
variant swap 's/seat = "14C" }/seat = "14C", api = { document_number = "P4471902" } }/'
run "$BIN" api make --scenario "$TMP/swap/flight.lua"
expect_rc 0 "swap"
cp "$TMP/out" "$TMP/swap.edi"
grep -A10 "^NAD+FL+++O?'NEILL" "$TMP/swap.edi" | grep -qx "DOC+P:110:111+P4471902'" \
    || fail "flight.api.document_number is the API line's document number"
run "$BIN" api make --scenario "$SCN" --pnr
expect_rc 0 "pnr"
for k in $(seq 1 19); do out_has "Annex I ($k) " "pnr: element $k"; done
out_has "Annex I (6) Payment: CARD, paid by the traveller" "pnr"
out_has "Annex I (12) Special meal: VGML (may reveal religion or health: never a reason)" "pnr"
out_has "Risk rules: 0 hits" "pnr"
variant recruited 's/booked = "2026-05-02", payment = "card", payer = "self",/booked = "2026-05-30", payment = "cash", payer = "third_party", payer_name = "STAR TALENT", one_way = true, co_travellers = { { surname = "MARENKO", given_names = "SOFIA", age = 19 }, { surname = "OLSTRAND", given_names = "INGRID", age = 17 } },/; s/return_date = "2026-06-14", //; s/changes = {[^}]*}/changes = { "2026-05-30 booked" }/'
run "$BIN" api make --scenario "$TMP/recruited/flight.lua" --pnr
expect_rc 0 "recruited"
out_has "Annex I (6) Payment: CASH, paid by a third party (STAR TALENT)" "recruited"
out_has "trafficking_pattern: cash from a third party (STAR TALENT), one-way, booked 2 days before" "recruited"
out_has "never a decision by itself" "recruited"
grep "^  [a-z_]*:" "$TMP/out" >"$TMP/hits-vgml"
sed -i 's/meal = "VGML"/meal = "MOML", ssr = { "WCHR", "MEDA" }/' "$TMP/recruited/flight.lua"
run "$BIN" api make --scenario "$TMP/recruited/flight.lua" --pnr
out_has "Special meal: MOML" "recruited, MOML"
grep "^  [a-z_]*:" "$TMP/out" | cmp -s - "$TMP/hits-vgml" || fail "a meal or an SSR changed the hits"
ok "swapped document number in the API line; PNR: 19 elements, a trafficking hit for review, meals never count"

variant noflight '/^  flight = {/,/booking = "K7Q2LM", seat = "14C" },$/d; /^  pnr = {/,/changes = {.*} },$/d'
run "$BIN" api make --scenario "$TMP/noflight/flight.lua"
expect_rc 1 "no flight"
err_has "has no flight" "no flight"
variant badtime 's/departs = "09:10"/departs = "25:70"/'
line=$(grep -n 'departs = "25:70"' "$TMP/badtime/flight.lua" | cut -d: -f1)
run "$BIN" check "$TMP/badtime/flight.lua"
expect_rc 1 "bad departure time"
out_has "$TMP/badtime/flight.lua:$line: flight.departs: \"25:70\" is not a time of day" "bad departure time"
variant badkey 's/passengers = 40,/passengers = 40, crew = 6,/'
line=$(grep -n 'crew = 6' "$TMP/badkey/flight.lua" | cut -d: -f1)
run "$BIN" check "$TMP/badkey/flight.lua"
expect_rc 1 "unknown flight key"
out_has "$TMP/badkey/flight.lua:$line: flight: unknown key \"crew\"" "unknown flight key"
variant badmeal 's/meal = "VGML"/meal = "HALAL"/'
run "$BIN" check "$TMP/badmeal/flight.lua"
expect_rc 1 "bad meal"
out_has "pnr.meal: \"HALAL\" is not an IATA special meal code" "bad meal"
ok "no flight: api make exits 1 and says so; borderlab check: file:line for bad flight and pnr fields"

# --- the independent parser --------------------------------------------------------------------
CACHE=${BORDERLAB_TEST_CACHE:-$HOME/.cache/borderlab-tests}/api-npm-v1
if [ ! -f "$CACHE/ready" ]; then
    command -v npm >/dev/null || fail "npm is not installed (Node.js 20 with npm)"
    mkdir -p "$CACHE"
    (
        flock 9
        [ -f "$CACHE/ready" ] && exit 0
        echo "installing edifact into $CACHE (once)"
        npm install --prefix "$CACHE" --no-audit --no-fund --loglevel=error edifact@1.2.12 \
            >"$TMP/npm.log" 2>&1 && touch "$CACHE/ready"
    ) 9>"$CACHE.lock"
    if [ ! -f "$CACHE/ready" ]; then
        if ! timeout 30 npm ping >/dev/null 2>&1; then
            echo "skipped: npm cannot reach its registry, so the independent EDIFACT parser" \
                 "(npm edifact) cannot be installed; every other check passed"
            exit 77
        fi
        cat "$TMP/npm.log"
        fail "npm reached its registry but could not install edifact"
    fi
fi
export NODE_PATH="$CACHE/node_modules"
CHECK="node $HERE/../lib/edifact_check.js"

rc=0; $CHECK "$TMP/flight.edi" >"$TMP/node.json" || rc=$?
[ "$rc" -eq 0 ] || { cat "$TMP/node.json" >&2; fail "npm edifact: the interchange does not hold"; }
"$BIN" render --scenario "$SCN" --out-dir "$TMP/docs" --dpi 72 >/dev/null 2>&1 \
    || fail "render --scenario (the traveler's passport, for its number)"
python3 - "$TMP/node.json" "$TMP/flight.edi" "$TMP/docs/documents.json" <<'PY' || fail "npm edifact read what the scenario says"
import json, sys
node = json.load(open(sys.argv[1]))
lines = open(sys.argv[2], encoding="latin-1").read().splitlines()
holder = json.load(open(sys.argv[3]))["documents"][0]["holder"]
ours = [l[:3] for l in lines[1:]]  # our tags, UNA aside (the parser reads it as the advice it is)
assert node["tags"] == ours, "segment tags differ"
assert node["segments"] == len(lines) - 1, (node["segments"], len(lines))
assert node["flight"] == "NA412"
pax = node["passengers"]
assert len(pax) == 41, len(pax)
me = [p for p in pax if p["booking"] == "K7Q2LM"]
assert len(me) == 1, me
me = me[0]
# what the scenario says (holder overrides), and the passport the desk shows
want = {"surname": "O'NEILL", "given": "ANNA MARIA", "birth": "880412", "sex": "F",
        "nationality": "QNV", "doc_type": "P", "seat": "14C",
        "doc_number": holder["document_number"]}
for k, v in want.items():
    assert me[k] == v, (k, me[k], v)
assert holder["birth_date"] == "1988-04-12"
print("npm edifact: %d segments, %d passengers, the traveler %s/%s born %s, %s %s" %
      (node["segments"], len(pax), me["surname"], me["given"], me["birth"], me["doc_type"], me["doc_number"]))
PY
ok "npm edifact reads our interchange: same segments and count, UNT and CNT+42 right, the traveler as the scenario says"

rc=0; $CHECK "$TMP/swap.edi" >"$TMP/swap.json" || rc=$?
[ "$rc" -eq 0 ] || { cat "$TMP/swap.json" >&2; fail "npm edifact: the swapped interchange"; }
grep -q '"surname":"O'"'"'NEILL","given":"ANNA MARIA","sex":"F","birth":"880412","nationality":"QNV","doc_type":"P","doc_number":"P4471902"' "$TMP/swap.json" \
    || { cat "$TMP/swap.json" >&2; fail "npm edifact: the swapped line's document number"; }
rc=0; $CHECK "$TMP/bad-cnt.edi" >"$TMP/bad.json" || rc=$?
[ "$rc" -eq 1 ] && grep -q "CNT+42 says 40, the parser found 41 passengers" "$TMP/bad.json" \
    || { cat "$TMP/bad.json" >&2; fail "npm edifact: the wrong CNT is seen by the independent check too"; }
ok "npm edifact: the swapped document number; a wrong CNT+42 seen by both"

echo "all api CLI checks passed"
