#!/usr/bin/env bash
# Images from academies (captured specimens) are untrusted: every PNG colour
# type and depth, plain and interlaced, decodes to the right pixels; a damaged
# or hostile file (bad CRC, cut short, a huge claimed size, a decompression
# bomb, data past the image...) is refused with exit 2 and a message, quickly,
# within the stated memory bound, and nothing is written.
set -u
BL=${1:?usage: images.sh borderlab imgtool}
IMG=${2:?}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../lib/cli.sh"
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 is not installed"; exit 77; }
python3 tests/lib/pngcases.py valid "$T/valid"
python3 tests/lib/pngcases.py malformed "$T/bad"

bad_pixels=0
for f in "$T"/valid/*.png; do
    while read -r x y r g b a; do
        got=$("$IMG" rgba "$f" "$x" "$y" 2>&1)
        [ "$got" = "$r $g $b $a" ] || { echo "  $(basename "$f") ($x, $y): want $r $g $b $a, got $got"; bad_pixels=$((bad_pixels + 1)); }
    done <"${f%.png}.expect"
done
check "all 30 kinds of PNG (every colour type and depth, plain and interlaced) decode to their pixels" test $bad_pixels -eq 0

mkdir -p "$T/cap"
echo '{"id": "academy-specimen"}' >"$T/cap/regions.json"
for f in "$T"/bad/*.png; do
    name=$(basename "$f" .png)
    cp "$f" "$T/cap/visible.png"
    # wall time and the peak memory of the command (the bound is the one image.h
    # states, 300 MB, with room for the sanitizers' own)
    out=$(python3 - "$BL" "$T/cap" "$T/out-$name" <<'PY'
import resource, subprocess, sys, time
t = time.time()
p = subprocess.run([sys.argv[1], "render", "--capture", sys.argv[2], "--out-dir", sys.argv[3]],
                   capture_output=True, text=True, timeout=60)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(p.returncode, "%.2f" % (time.time() - t), peak, p.stderr.strip().replace("\n", " "))
PY
)
    read -r rc secs mib msg <<<"$out"
    check "$name: refused (exit 2, ${secs} s, ${mib} MiB): $msg" bash -c "
        test $rc -eq 2 && python3 -c 'import sys; sys.exit(0 if $secs < 2 and $mib < 400 else 1)' &&
        ! test -e '$T/out-$name' && grep -q 'visible.png' <<<\"\$0\"" "$msg"
done

echo "images: $passes passed, $fails failed"
[ $fails -eq 0 ]
