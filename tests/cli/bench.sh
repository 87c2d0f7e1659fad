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
    last=$("$BL" bench "$@" 2>&1 | tail -1)
    if python3 -c "import json,sys; d=json.loads(sys.argv[1]); assert all(k in d and d[k]>0 for k in sys.argv[2].split(','))" "$last" "$keys"; then
        echo "ok   bench $name: $last"
    else
        echo "FAIL bench $name: $last"; fails=$((fails+1))
    fi
}
run render all_lights_ms,light_switch_ms render --reps 1 --dpi 100
run desk frame_ms_p50,frame_ms_p99,first_frame_ms desk --frames 60
run score cases_per_s score --cases 500
echo "bench: $((3 - fails)) passed, $fails failed"
[ $fails -eq 0 ]
