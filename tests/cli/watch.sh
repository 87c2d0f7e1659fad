#!/usr/bin/env bash
# borderlab play --watch: a real window under Xvfb plays a scenario; saving a
# change to the file reloads it (logged "reload") without closing the desk; a
# broken save is reported and the previous version stays.
set -u
BL=${1:?usage: watch.sh borderlab imgtool}
if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "SKIP: xvfb-run is not installed (Debian package xvfb; scripts/test installs it)"
    exit 77
fi
T=$(mktemp -d)
# xvfb-run starts Xvfb and the desk as children: run them in a session of
# their own so that stopping the test stops all of them.
stop() { [ -n "${pid:-}" ] && kill -TERM -- "-$pid" 2>/dev/null; sleep 0.5; [ -n "${pid:-}" ] && kill -KILL -- "-$pid" 2>/dev/null; }
trap 'stop; rm -rf "$T"' EXIT
cp tests/data/scenarios/good.lua "$T/good.lua"
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" SDL_VIDEODRIVER=x11 \
    setsid xvfb-run -a -s "-screen 0 1280x720x24" "$BL" play --watch "$T/good.lua" --log "$T/log.jsonl" \
    >"$T/out" 2>&1 &
pid=$!
wait_for() { for _ in $(seq 1 100); do grep -q "$1" "$2" 2>/dev/null && return 0; sleep 0.2; done; return 1; }
fails=0
if wait_for session_start "$T/log.jsonl"; then echo "ok   the desk opened on the scenario"; else echo "FAIL the desk did not open"; cat "$T/out"; exit 1; fi
sleep 1.2
sed -i 's/Visiting my sister./Visiting my brother./' "$T/good.lua"
touch -d '+2 seconds' "$T/good.lua"
if wait_for '"reload"' "$T/log.jsonl"; then echo "ok   saving the file reloaded the scenario"; else echo "FAIL no reload"; cat "$T/out"; fails=$((fails+1)); fi
sleep 1.2
printf 'return scenario {\n  id = "good",\n  title = \n}\n' >"$T/good.lua"
touch -d '+4 seconds' "$T/good.lua"
if wait_for 'keeping the previous version' "$T/out"; then echo "ok   a broken save is reported, the previous version stays"; else echo "FAIL broken save"; cat "$T/out"; fails=$((fails+1)); fi
if kill -0 $pid 2>/dev/null; then echo "ok   the desk is still running"; else echo "FAIL the desk stopped"; fails=$((fails+1)); fi
stop
wait $pid 2>/dev/null
if pgrep -f "play --watch $T/good.lua" >/dev/null; then echo "FAIL the desk outlived the test"; fails=$((fails+1)); fi
echo "watch: $((4 - fails)) passed, $fails failed"
[ $fails -eq 0 ]
