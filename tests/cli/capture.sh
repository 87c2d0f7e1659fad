#!/usr/bin/env bash
# An academy's captured document at the desk (docs/captures.md): a scenario
# names a capture folder (and a captured genuine specimen as its reference);
# `check` reads it, the desk shows each captured light as photographed and
# says which lights were not captured, the loupe magnifies the capture
# itself, the reference panel shows the academy's specimen, a flag is scored
# against regions.json, and bad folders are refused with the line and why.
set -u
BL=$(realpath "${1:?usage: capture.sh borderlab imgtool}")
IMG=$(realpath "${2:?usage: capture.sh borderlab imgtool}")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../lib/cli.sh"

# The academy's photographs: here made by render (a page whose photo was
# replaced, and the genuine page) at 200 dpi; visible, UV and IR only.
"$BL" render --template uto-passport-td3 --seed 7 --defect photo_substitution --dpi 200 \
    --out-dir "$T/forged" >/dev/null || { echo "FAIL render"; exit 1; }
"$BL" render --template uto-passport-td3 --seed 7 --dpi 200 --out-dir "$T/genuine" >/dev/null
S="$T/pack"
mkdir -p "$S/cap" "$S/ref"
cp "$T/forged/visible.png" "$T/forged/uv.png" "$S/cap/"
cp "$T/forged/ir.png" "$S/cap/infrared.png"
cp "$T/genuine/visible.png" "$T/genuine/uv.png" "$T/genuine/ir.png" "$S/ref/"
python3 - "$T" <<'PY'
import json, sys
t = sys.argv[1]
f = json.load(open(t + '/forged/truth.json')); g = json.load(open(t + '/genuine/truth.json'))
json.dump({'id': 'academy-uto-17', 'name': 'Academy specimen 17', 'size_mm': [125, 88],
           'mrz': f['mrz'], 'lights': {'ir': 'infrared.png'},
           'features': f['features'], 'defects': f['defects']},
          open(t + '/pack/cap/regions.json', 'w'))
json.dump({'id': 'academy-uto-genuine', 'size_mm': [125, 88], 'features': g['features']},
          open(t + '/pack/ref/regions.json', 'w'))
PY
scenario() { # scenario FILE DOCUMENT-TABLE: a scenario whose one document is given
    local id
    id=$(basename "$1" .lua)
    cat >"$1" <<EOF
return scenario {
  id = "$id", title = "title", summary = "summary",
  competencies = { "document_examination" }, situations = {}, difficulty = 2,
  languages = { "en" }, today = "2026-06-01",
  traveler = { age = 40, sex = "M", speaks = { "en" } },
  documents = {
    $2,
  },
  questions = { { id = "from", text = "q.from", answer = "a.from" } },
  expected = { decision = "second_line", findings = { "photo_substitution" }, why = "why" },
  rubric = { document_examination = 70, interview = 10, human_rights = 5, procedure = 15 },
  strings = { en = { title = "A captured page", summary = "An academy's capture.",
    why = "The photo was replaced.", ["q.from"] = "Where from?", ["a.from"] = "From Valmore." } },
}
EOF
}
scenario "$S/cap-photo.lua" '{ capture = "cap", reference = "ref" }'
scenario "$S/cap-alone.lua" '{ capture = "cap" }'

# --- check: folders are found from the scenario's own folder, wherever borderlab runs
(cd / && "$BL" check "$S/cap-photo.lua" >"$T/out" 2>&1)
check "check reads the capture and its reference from the scenario's folder" grep -q "1 passed" "$T/out"
scenario "$S/cap-missing.lua" '{ capture = "nowhere" }'
"$BL" check "$S/cap-missing.lua" >"$T/out" 2>&1; rc=$?
check "a missing capture folder: the line, the folder, what it needs (exit $rc)" \
    bash -c "[ $rc -ne 0 ] && grep -q 'cap-missing.lua:7: documents\[1\].capture: .*nowhere.*needs a regions.json' '$T/out'"
mkdir -p "$S/bad"
cp "$S/cap/visible.png" "$S/bad/"
echo '{"id": "bad", "size_mm": [88, 125]}' >"$S/bad/regions.json"
scenario "$S/cap-shape.lua" '{ capture = "bad" }'
"$BL" check "$S/cap-shape.lua" >"$T/out" 2>&1
check "a size that is not the images' shape is refused" grep -q "size_mm \[88, 125\] is not the shape of the 984x693 images" "$T/out"
echo '{"id": "bad", "mrz": ["P<UTO lower case", "x"]}' >"$S/bad/regions.json"
"$BL" check "$S/cap-shape.lua" >"$T/out" 2>&1
check "an MRZ that is not MRZ characters is refused" grep -q "mrz\[0\]: expected an MRZ line of 30 to 44 characters" "$T/out"
echo '{"id": "bad", "size_mm": [125]}' >"$S/bad/regions.json"
"$BL" check "$S/cap-shape.lua" >"$T/out" 2>&1
check "a size that is not [width, height] is refused" grep -q "size_mm: expected \[width, height\] in millimetres" "$T/out"
scenario "$S/cap-keys.lua" '{ capture = "cap", seed = 4, defects = { "expired" } }'
"$BL" check "$S/cap-keys.lua" >"$T/out" 2>&1
check "a captured document takes no template keys" grep -q 'documents\[1\].*unknown key "seed"' "$T/out"
scenario "$S/tpl-ref.lua" '{ template = "uto-passport-td3", seed = 7, reference = "ref" }'
"$BL" check "$S/tpl-ref.lua" >"$T/out" 2>&1
check "a template's document takes no captured reference" grep -q "only a captured document takes a captured reference" "$T/out"

# --- the desk: the capture lies where a document lies (310, 66), 425x299 (125 x 88 mm)
cat >"$T/look.input" <<'IN'
# borderlab input v1
@1 screenshot visible
@2 key 2
@3 screenshot uv
@4 key 4
@5 screenshot oblique
@6 key 1
@7 key r
@8 screenshot ref
@9 key r
@10 key m
@11 screenshot mrz
@12 key m
@13 move 420 109
@14 screenshot plain
@15 key l
@16 screenshot loupe
IN
play() { "$BL" play --headless --loupe-dpi 300 --scenario "$1" --input "$2" --out-dir "$3" >"$T/play.out" 2>&1 || { cat "$T/play.out"; return 1; }; }
check "the desk replays a captured document" play "$S/cap-photo.lua" "$T/look.input" "$T/a"
check "UV shows the captured UV image" test "$("$IMG" diff "$T/a/visible.png" "$T/a/uv.png" 310 66 425 299)" -gt 50000
check "a light not captured is a plain slate, not the visible image" \
    test "$("$IMG" detail "$T/a/oblique.png" 320 240 400 110)" = "0.000"
check "...and the desk says so" bash -c "[ \$('$IMG' diff '$T/a/oblique.png' '$T/a/visible.png' 340 195 360 30) -gt 2000 ]"
check "the MRZ reader reads the capture's MRZ" \
    test "$("$IMG" diff "$T/a/visible.png" "$T/a/mrz.png" 830 100 420 60)" -gt 1000
"$IMG" magnify "$T/a/plain.png" 420 109 4 "$T/a/plain4x.png"
plain=$("$IMG" detail "$T/a/plain4x.png" 30 30 160 160)
loupe=$("$IMG" detail "$T/a/loupe.png" 340 29 160 160)
check "the loupe magnifies the 200 dpi capture, not the desk's copy ($loupe vs $plain)" \
    python3 -c "import sys; sys.exit(0 if $loupe > 1.5 * $plain else 1)"
check "the reference panel shows the captured specimen" \
    test "$("$IMG" detail "$T/a/ref.png" 800 200 360 170)" != "0.000"
check "the desk has no other document" bash -c "! grep -q 'doc2' '$T/a/actions.jsonl'"
check "the desk replays a capture without a reference" play "$S/cap-alone.lua" "$T/look.input" "$T/b"
check "without a captured specimen the panel shows no picture" \
    python3 -c "import sys; sys.exit(0 if float('$("$IMG" detail "$T/b/ref.png" 800 200 360 170)') == 0 else 1)"

# --- findings scored against regions.json (the photo: 5..40 mm x 15..60 mm)
cat >"$T/flag.input" <<'IN'
# borderlab input v1
@1 key f
@2 down left 335 125
@3 move 390 200
@4 up left 440 265
@5 key 3
@6 key return
@7 ask from
@8 key s
@9 key return
@10 screenshot debrief
IN
sed -e '2,6d' "$T/flag.input" >"$T/noflag.input"
play "$S/cap-photo.lua" "$T/flag.input" "$T/f" && "$BL" score "$T/f/actions.jsonl" --scenario "$S/cap-photo.lua" >"$T/f.json"
play "$S/cap-photo.lua" "$T/noflag.input" "$T/n" && "$BL" score "$T/n/actions.jsonl" --scenario "$S/cap-photo.lua" >"$T/n.json"
check "a flag on the academy's region finds the defect" \
    python3 -c "import json; r=json.load(open('$T/f.json')); assert r['recall']==1 and r['competencies']['document_examination']==1, r"
check "no flag: the defect is missed" \
    python3 -c "import json; r=json.load(open('$T/n.json')); assert r['recall']==0 and r['competencies']['document_examination']<0.5, r"
check "the debrief outlines the academy's region (green: found)" \
    test "$("$IMG" diff "$T/f/debrief.png" "$T/n/debrief.png" 860 140 400 280)" -gt 100

# --- render --scenario copies the capture as it is
"$BL" render --scenario "$S/cap-photo.lua" --out-dir "$T/r" >/dev/null
check "render --scenario writes the captured images unchanged" cmp -s "$S/cap/uv.png" "$T/r/doc1-capture/uv.png"

echo "capture: $passes passed, $fails failed"
[ $fails -eq 0 ]
