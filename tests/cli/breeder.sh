#!/usr/bin/env bash
# Breeder documents (template kind civil_record) from the command line:
# `templates` lists them, each renders under every light with its registry's
# features in truth.json, an altered entry is placed on the entry, a defect
# with no place on a civil record is refused with a message and no file, and
# a scenario that uses all three passes `check`.
set -u
BL=${1:?usage: breeder.sh path/to/borderlab}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../lib/cli.sh"
IDS="uto-birth-certificate qwh-civil-register-extract uto-family-booklet"

"$BL" templates >"$T/t.txt" 2>&1
"$BL" templates --json >"$T/t.json" 2>&1
for id in $IDS; do
    check "templates lists $id" grep -q "^  $id " "$T/t.txt"
done
check "templates --json: the three are civil records" python3 -c "
import json; d=json.load(open('$T/t.json'))
kinds={t['id']: t['kind'] for t in d['templates']}
assert all(kinds[i]=='civil_record' for i in '$IDS'.split()), kinds"

for id in $IDS; do
    "$BL" render --template "$id" --seed 7 --dpi 72 --out-dir "$T/$id" >/dev/null 2>"$T/err"
    check "$id renders under every light" bash -c "for f in visible uv ir oblique transmitted coaxial; do file '$T/$id/'\$f.png | grep -q 'PNG image data'; done"
    check "$id: no MRZ, no portrait; watermark, fibres, seal, stamp, signature" python3 -c "
import json; d=json.load(open('$T/$id/truth.json'))
ids={f['id'] for f in d['features']}
assert not d['mrz'] and 'portrait' not in ids, d['mrz']
assert {'watermark','uv_fibres','seal','stamp','signature'} <= ids, ids"
done

# the extract's altered entry is its father's name (its template's alterable)
"$BL" render --template qwh-civil-register-extract --seed 7 --dpi 72 --defect data_alteration_ir \
    --out-dir "$T/alt" >/dev/null
check "an altered entry is placed on it, seen in IR, raking light and UV" python3 -c "
import json; d=json.load(open('$T/alt/truth.json'))
a=[x for x in d['defects'] if x['kind']=='data_alteration_ir'][0]
assert set(a['lights'])=={'ir','oblique','uv'}, a
x,y,w,h=a['region_px']
# text.father: at 12 mm, 59 mm, 100 mm wide (72 dpi: 2.835 px/mm)
assert abs(x-34)<=2 and abs(y-168)<=3 and abs(w-283)<=3, a['region_px']"

"$BL" render --template uto-birth-certificate --seed 7 --defect mrz_check_digit --light visible \
    --out "$T/no.png" >"$T/out" 2>"$T/err"; rc=$?
check "mrz_check_digit on a birth certificate: refused, named, no file" bash -c \
    "test $rc -ne 0 && grep -q 'mrz_check_digit' '$T/err' && test ! -e '$T/no.png'"

check "each has its name in en, fr and ar (the desk's panels and the debrief)" python3 -c "
import json
for lang in ('en', 'fr', 'ar'):
    s = json.load(open('assets/i18n/%s.json' % lang))['strings']
    for i in '$IDS'.split():
        assert s.get('template.' + i), (lang, i)"

"$BL" check tests/data/scenarios/breeder.lua >"$T/check.out" 2>&1; rc=$?
check "a scenario with the three passes check" bash -c \
    "test $rc -eq 0 && grep -q '1 passed, 0 with problems' '$T/check.out'"

# the altered entry a scenario names: with its defect, and a field of its template
mkdir -p "$T/nd" "$T/nf"
sed 's/defects = { "data_alteration_ir" }, altered/altered/' tests/data/scenarios/breeder.lua \
    >"$T/nd/breeder.lua"
"$BL" check "$T/nd/breeder.lua" >"$T/nd.out" 2>&1; rc=$?
check "altered without data_alteration_ir: a problem at its line" bash -c \
    "test $rc -eq 1 && grep -q 'nd/breeder.lua:25: documents\[2\].altered: .*add \"data_alteration_ir\"' '$T/nd.out'"
sed 's/altered = "text.husband"/altered = "text.godparent"/' tests/data/scenarios/breeder.lua \
    >"$T/nf/breeder.lua"
"$BL" check "$T/nf/breeder.lua" >"$T/nf.out" 2>&1; rc=$?
check "altered naming no field of the template: a problem" bash -c \
    "test $rc -eq 1 && grep -q 'documents\[2\]: altered: \"text.godparent\" is not a field of uto-family-booklet' '$T/nf.out'"
"$BL" render --scenario tests/data/scenarios/breeder.lua --dpi 72 --out-dir "$T/scn" >/dev/null
check "render --scenario: the booklet's husband is the altered entry" python3 -c "
import json; d=json.load(open('$T/scn/doc2-uto-family-booklet/truth.json'))
a=[x for x in d['defects'] if x['kind']=='data_alteration_ir'][0]
x,y,w,h=a['region_px']
# text.husband: at 8 mm, 53 mm, 86 mm wide (72 dpi: 2.835 px/mm)
assert abs(x-23)<=2 and abs(y-151)<=3 and abs(w-244)<=3, a['region_px']"

echo "breeder: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
