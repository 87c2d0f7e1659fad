#!/usr/bin/env bash
# `borderlab bench checks` runs on a small database and ends with its JSON
# figures (no speed or accuracy is asserted here: the figures are read from
# the output, see the report in the commit that added it); a bad command line
# is refused with the usage exit code.
set -u
BL=$(realpath "${1:?usage: bench_checks.sh borderlab}")
. "$(dirname "$0")/../lib/cli.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$BL" bench checks --records 800 --queries 40 --seed 3 >"$T/out" 2>"$T/err"; rc=$?
check "bench checks exits 0" test $rc -eq 0
check "bench checks ends with its figures" python3 -c '
import json, sys
d = json.loads(open(sys.argv[1]).read().splitlines()[-1])
keys = ("records", "queries", "precision", "recall", "query_mean_ms", "query_p95_ms", "build_ms")
assert all(k in d for k in keys), d
assert d["records"] == 820 and d["queries"] == 40, d
assert 0 < d["precision"] <= 1 and 0 < d["recall"] <= 1, d
' "$T/out"
check "bench checks prints a row per threshold" bash -c "grep -c '^  0\.[0-9][0-9]' '$T/out' | grep -qx 5"
"$BL" bench checks --records -5 >"$T/out" 2>"$T/err"; rc=$?
check "a bad --records is refused (exit 2, says which option)" \
    bash -c "test $rc -eq 2 && grep -q -- '--records' '$T/err'"
"$BL" bench checks --frobnicate >"$T/out" 2>"$T/err"; rc=$?
check "an unknown option is refused (exit 2)" test $rc -eq 2
echo "bench_checks: $passes passed, $fails failed"
[ $fails -eq 0 ]
