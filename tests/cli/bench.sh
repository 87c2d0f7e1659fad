#!/usr/bin/env bash
# The benchmarks run and end with their JSON figures (no timing is asserted:
# speed targets are read from the printed figures, see README.md). What the
# benchmarks write (bench desk's last frame, out/bench-desk.png) goes into
# a temporary folder, never the source tree.
set -u
BL=$(realpath "${1:?usage: bench.sh borderlab imgtool}")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
fails=0
run() {
    local name=$1 keys=$2; shift 2
    local last
    last=$(TMPDIR="$T" "$BL" bench "$@" 2>&1 | tail -1)
    if python3 -c "import json,sys; d=json.loads(sys.argv[1]); assert all(k in d and d[k]>0 for k in sys.argv[2].split(','))" "$last" "$keys"; then
        echo "ok   bench $name: $last"
    else
        echo "FAIL bench $name: $last"; fails=$((fails+1))
    fi
}
run render all_lights_ms,light_switch_ms render --reps 1 --dpi 100
run desk frame_ms_p50,frame_ms_p99,first_frame_ms desk --frames 60
run score cases_per_s score --cases 500
run chip trust_ms,build_ms,verify_ms,dg2_bytes,sod_bytes chip --reps 3
run results import_ms,import_20_empty_ms,import_20_full_ms,query_ms,report_cohort_ms,report_trainee_ms,export_csv_ms,export_xapi_ms,cases results --trainees 12
run biometrics master_ms,impression_ms,extract_ms,comparisons_per_s,mated,non_mated biometrics --pairs 10 --impostors 3
# bench results with --dir keeps the cohort (3 trainees, one sits twice, and
# the 20 journals of the extra imports); without, it leaves nothing behind
n=5
t() { # t NAME CMD...: one more check
    n=$((n + 1))
    local name=$1; shift
    if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fails=$((fails + 1)); fi
}
"$BL" bench results --trainees 3 --dir "$T/cohort" >/dev/null 2>&1
kept() {
    test -f "$T/cohort/results.db" -a -f "$T/cohort/cohort.html" -a -f "$T/cohort/key" &&
        test "$(ls "$T/cohort/journals" | grep -c '^bench-')" -eq 4 && ! ls "$T" | grep -q borderlab-bench
}
t "bench results --dir keeps the cohort there; a temporary one is removed" kept
TMPDIR="$T" "$BL" bench results --trainees 1 --cases 2 >"$T/one" 2>&1; rc=$?
t "bench results of one trainee (the trainee report is theirs)" \
    bash -c "test $rc -eq 0 && tail -1 '$T/one' | grep -q '\"trainees\": 1,'"
"$BL" bench results --trainees 3 --dir "$T/cohort" >/dev/null 2>"$T/err"; rc=$?
t "bench results refuses a --dir that holds files (exit 2)" \
    bash -c "test $rc -eq 2 && grep -q 'give a new or empty folder' '$T/err'"
echo "bench: $((n - fails)) passed, $fails failed"
[ $fails -eq 0 ]
