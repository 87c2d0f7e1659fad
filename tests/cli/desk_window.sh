#!/usr/bin/env bash
# Smoke test of the real window: under Xvfb, replay a short input in an SDL
# window, take a screenshot and check it is a desk, not a blank frame.
set -u
BL=$(realpath "${1:?usage: desk_window.sh borderlab imgtool}")
IMG=$(realpath "${2:?usage: desk_window.sh borderlab imgtool}")
if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "SKIP: xvfb-run is not installed (Debian package xvfb; scripts/test installs it)"
    exit 77
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
printf '@1 move 400 150\n@2 down left 400 150\n@3 up left 400 150\n@4 key 2\n@6 screenshot window\n@7 resize 1920 1080\n@7 focus_lost\n@12 screenshot big\n@13 key f1\n@14 screenshot help\n@15 quit\n' >"$T/in"
# Leak checking is off for this one run: Mesa's and Xlib's drivers, loaded and
# unloaded by SDL, keep small allocations LeakSanitizer cannot attribute. Our
# own code is leak-checked by every headless test.
if ! ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" SDL_VIDEODRIVER=x11 xvfb-run -a -s "-screen 0 1280x720x24" "$BL" play --input "$T/in" --out-dir "$T/o" >"$T/log" 2>&1; then
    cat "$T/log"; echo "FAIL the window replay did not run"; exit 1
fi
colors=$("$IMG" colors "$T/o/window.png")
file "$T/o/window.png"
if [ "$colors" -gt 200 ]; then echo "ok   window screenshot has $colors colours (not blank)"; else
    echo "FAIL window screenshot has only $colors colours"; exit 1; fi
# the passport was opened under UV: the window shows the same desk as headless
"$BL" play --headless --input "$T/in" --out-dir "$T/h" >/dev/null 2>&1
d=$("$IMG" diff "$T/o/window.png" "$T/h/window.png" 0 0 1280 720)
echo "pixels differing from the headless replay: $d"
if [ "$d" -lt 92160 ]; then echo "ok   the window shows what the headless replay shows"; else
    echo "FAIL the window differs from the headless replay on $d pixels"; exit 1; fi
# resized to 1920x1080 and unfocused: the desk scales, nothing is lost
if file "$T/o/big.png" | grep -q '1920 x 1080' && [ "$("$IMG" colors "$T/o/big.png")" -gt 200 ]; then
    echo "ok   after a resize to 1920x1080 the desk fills the window"; else
    file "$T/o/big.png"; echo "FAIL resize"; exit 1; fi
# ... and its words are drawn at the window's own pixels, not stretched from
# 1280x720: the top bar's text keeps its edges (mean gradient per pixel,
# lower at 1.5x since the strokes are further apart: about 0.73 of the
# 1280x720 one when sharp, 0.57 when stretched)
small=$("$IMG" detail "$T/o/window.png" 130 4 300 24)
large=$("$IMG" detail "$T/o/big.png" 195 6 450 36)
if python3 -c "import sys; sys.exit(0 if $large >= 0.66 * $small else 1)"; then
    echo "ok   at 1920x1080 the words are rasterised at the window's pixels ($large vs $small)"; else
    echo "FAIL at 1920x1080 the words look stretched ($large vs $small)"; exit 1; fi
if grep -q '"action": "help"' "$T/o/actions.jsonl" && grep -q '"action": "light"' "$T/o/actions.jsonl"; then
    echo "ok   the session carried on after the resize and focus loss"; else
    echo "FAIL the action log lost actions"; exit 1; fi
# `borderlab --lang ar`: options with no command open the desk, in Arabic
(cd "$T" && ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" SDL_VIDEODRIVER=x11 timeout 8 \
    xvfb-run -a -s "-screen 0 1280x720x24" "$BL" --lang ar --log "$T/ar.jsonl" >"$T/log" 2>&1)
if grep -q '"action": "language", "target": "ar"' "$T/ar.jsonl" 2>/dev/null; then
    echo "ok   borderlab --lang ar opens the desk in Arabic"; else
    cat "$T/log"; echo "FAIL borderlab --lang ar did not open the Arabic desk"; exit 1; fi
# no display at all: say so, say what to do, exit 2 (not a window nobody sees)
(cd "$T" && env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER timeout 20 "$BL" desk >"$T/nodisplay.txt" 2>&1); rc=$?
if [ $rc -eq 2 ] && grep -q "no display" "$T/nodisplay.txt" && grep -q "play --headless" "$T/nodisplay.txt" && grep -q "xvfb-run" "$T/nodisplay.txt"; then
    echo "ok   with no display: exit 2, and how to run headless or under Xvfb"; else
    cat "$T/nodisplay.txt"; echo "FAIL with no display (exit $rc)"; exit 1; fi
echo "desk_window: 7 passed, 0 failed"
