#!/usr/bin/env bash
# tests/cli/mrz.sh - `borderlab mrz check|make` from the outside: exit codes,
# one JSON line per block, messages that locate the problem, make -> check
# round trips. Usage: mrz.sh /path/to/borderlab (run from the source folder).
set -eu

BIN=${1:?usage: mrz.sh /path/to/borderlab}
DATA=tests/data
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

# run CMD...: runs with stdout in $TMP/out, stderr in $TMP/err, status in $rc.
run() { rc=0; "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?; }
expect_rc() { [ "$rc" -eq "$1" ] || { cat "$TMP/err" >&2; fail "$2: exit $rc, expected $1"; }; }
out_has() { grep -qF -- "$1" "$TMP/out" || { cat "$TMP/out" >&2; fail "$2: stdout lacks '$1'"; }; }
err_has() { grep -qF -- "$1" "$TMP/err" || { cat "$TMP/err" >&2; fail "$2: stderr lacks '$1'"; }; }

# --- check: the ICAO specimens ---------------------------------------------------------------
run "$BIN" mrz check "$DATA/icao-9303-specimens.txt"
expect_rc 0 "specimens"
[ "$(wc -l <"$TMP/out")" -eq 6 ] || fail "specimens: expected 6 JSON lines, got $(wc -l <"$TMP/out")"
[ "$(grep -c '^{"format": "[A-Z0-9-]*", "valid": true, "fields": {.*}, "errors": \[\]}$' "$TMP/out")" -eq 6 ] \
    || { cat "$TMP/out" >&2; fail "specimens: every line must be a valid-document JSON object"; }
out_has '"format": "MRV-B"' "specimens"
out_has '"document_number": "D23145890734"' "specimens"
ok "specimens: exit 0, 6 JSON lines, all valid"

# The same from standard input, and every line parses as JSON.
run "$BIN" mrz check - <"$DATA/icao-9303-specimens.txt"
expect_rc 0 "specimens on stdin"
if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$TMP/out" \
        || fail "stdout is not JSON lines"
fi
ok "specimens on stdin: exit 0, JSON lines"

# Windows-style files: byte order mark and CRLF line ends.
printf '\xef\xbb\xbf' >"$TMP/crlf.txt"
sed 's/$/\r/' "$DATA/icao-9303-specimens.txt" >>"$TMP/crlf.txt"
run "$BIN" mrz check "$TMP/crlf.txt"
expect_rc 0 "BOM + CRLF"
[ "$(wc -l <"$TMP/out")" -eq 6 ] || fail "BOM + CRLF: expected 6 JSON lines"
ok "BOM and CRLF line ends: exit 0, 6 blocks"

# --- check: bad blocks -------------------------------------------------------------------------
run "$BIN" mrz check "$DATA/mrz/mixed.txt"
expect_rc 1 "mixed blocks"
[ "$(wc -l <"$TMP/out")" -eq 3 ] || fail "mixed: expected 3 JSON lines"
sed -n 1p "$TMP/out" | grep -qF '"valid": true' || fail "mixed: block 1 should be valid"
sed -n 2p "$TMP/out" | grep -qF '"format": null, "valid": false' || fail "mixed: block 2 format null"
sed -n 2p "$TMP/out" | grep -qF 'line 2, column 44 (1-based)' || fail "mixed: block 2 line/column"
sed -n 3p "$TMP/out" | grep -qF '{"field": "birth_date", "message": "check digit is 3, expected 2' \
    || fail "mixed: block 3 birth date check digit"
sed -n 3p "$TMP/out" | grep -qF '"field": "composite"' || fail "mixed: block 3 composite"
err_has "mrz/mixed.txt:6: block 2" "mixed: stderr locates the block in the file"
ok "bad blocks: exit 1, format null with line/column, check digit named"

# --- check: usage and I/O errors -----------------------------------------------------------------
run "$BIN" mrz check "$TMP/no-such-file.txt"
expect_rc 2 "missing file"
err_has "no-such-file.txt" "missing file"
[ ! -s "$TMP/out" ] || fail "missing file: nothing on stdout"
ok "missing file: exit 2, names the file"

printf '# nothing here\n\n' >"$TMP/empty.txt"
run "$BIN" mrz check "$TMP/empty.txt"
expect_rc 2 "empty input"
err_has "no MRZ found" "empty input"
ok "empty input: exit 2 with a message"

run "$BIN" mrz check a b
expect_rc 2 "two files"
run "$BIN" mrz frobnicate
expect_rc 2 "unknown subcommand"
for args in "mrz --help" "mrz check --help" "mrz make --help"; do
    # shellcheck disable=SC2086
    run "$BIN" $args
    expect_rc 0 "$args"
    out_has "usage: borderlab mrz" "$args"
done
ok "usage: help exits 0, bad arguments exit 2"

# --- make ----------------------------------------------------------------------------------------
run "$BIN" mrz make "$DATA/mrz/td1_long_number.json"
expect_rc 0 "make TD1"
cat >"$TMP/want" <<'EOF'
I<UTOD23145890<7349<<<<<<<<<<<
3407127M9507122UTO<<<<<<<<<<<2
STEVENSON<<PETER<JOHN<<<<<<<<<
EOF
cmp -s "$TMP/out" "$TMP/want" || { diff "$TMP/want" "$TMP/out" >&2; fail "make TD1: lines differ"; }
cp "$TMP/out" "$TMP/td1.mrz"
run "$BIN" mrz check "$TMP/td1.mrz"
expect_rc 0 "make TD1 -> check"
out_has '"format": "TD1", "valid": true' "make TD1 -> check"
out_has '"document_number": "D23145890734"' "make TD1 -> check"
out_has '"surname": "STEVENSON", "given_names": "PETER JOHN"' "make TD1 -> check"
ok "make TD1 with a 12-character number: ICAO specimen lines, round trip through check"

"$BIN" mrz make <"$DATA/mrz/arabic_td3.json" >"$TMP/ar.mrz" || fail "make Arabic TD3"
run "$BIN" mrz check "$TMP/ar.mrz"
expect_rc 0 "Arabic make -> check"
out_has '"surname": "ALZHRAXE", "given_names": "FAXTTMXAH"' "Arabic names transliterated"
ok "make with Arabic names: transliterated, round trip valid"

run "$BIN" mrz make "$DATA/mrz/bad_date.json"
expect_rc 2 "bad date"
err_has "birth_date '400231' is not a valid date: 31 February does not exist" "bad date"
run "$BIN" mrz make "$DATA/mrz/unknown_key.json"
expect_rc 2 "unknown key"
err_has "unknown key 'place_of_birth'" "unknown key"
echo '{"format": "TD3", "document_code": "P"}' >"$TMP/missing.json"
run "$BIN" mrz make "$TMP/missing.json"
expect_rc 2 "missing keys"
err_has "missing key 'issuing_state'" "missing keys"
echo '{"format": "TD3",' >"$TMP/broken.json"
run "$BIN" mrz make "$TMP/broken.json"
expect_rc 2 "broken JSON"
err_has "not valid JSON" "broken JSON"
run "$BIN" mrz make "$TMP/no-such.json"
expect_rc 2 "make missing file"
err_has "no-such.json" "make missing file"
ok "make errors: exit 2 with the field and the reason"

echo "all mrz CLI checks passed"
