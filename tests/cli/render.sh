#!/usr/bin/env bash
# borderlab render / templates from the command line: outputs, determinism,
# captured documents, and bad input (clear message, exit 2, no partial file).
set -u
BL=${1:?usage: render.sh path/to/borderlab}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../lib/cli.sh"

# expect_fail NAME PATTERN CMD...: exit 2 and stderr matching PATTERN
expect_fail() {
    local name=$1 pat=$2; shift 2
    "$@" >"$T/out" 2>"$T/err"; local rc=$?
    if [ $rc -eq 2 ] && grep -qiE "$pat" "$T/err"; then ok "$name"; else
        bad "$name (exit $rc, stderr: $(head -c 300 "$T/err"))"; fi
}

# --- templates
"$BL" templates --json >"$T/t.json" 2>&1
check "templates --json lists 3+ templates, 10+ defects, 6 lights" python3 -c "
import json,sys; d=json.load(open('$T/t.json'))
ids=[t['id'] for t in d['templates']]
assert {'uto-passport-td3','uto-id-td1','uto-visa-mrva','qwh-passport-td3'} <= set(ids), ids
assert len(d['defects'])>=10 and all('id' in x and x['lights'] for x in d['defects'])
assert [l['id'] for l in d['lights']]==['visible','uv','ir','oblique','transmitted','coaxial']"
check "templates (for people) names every light" bash -c "'$BL' templates | grep -q transmitted"

# --- render to a folder
"$BL" render --template uto-passport-td3 --seed 42 --defect photo_substitution --defect counterfeit_paper --dpi 150 --out-dir "$T/a" >/dev/null
check "out-dir has six PNGs and truth.json" bash -c "for f in visible uv ir oblique transmitted coaxial; do file '$T/a/'\$f.png | grep -q 'PNG image data, 738 x 520'; done && test -s '$T/a/truth.json'"
check "truth.json has mrz, holder, features and defects with regions and lights" python3 -c "
import json; d=json.load(open('$T/a/truth.json'))
assert d['template']=='uto-passport-td3' and d['seed']==42 and d['dpi']==150 and d['size_px']==[738,520]
assert len(d['mrz'])==2 and all(len(l)==44 for l in d['mrz'])
assert d['holder']['surname']
kinds={x['kind'] for x in d['defects']}
# and what a counterfeit on ordinary paper lacks, each following from it
lacks={'watermark_missing','fibres_missing','uv_emblem_missing','intaglio_missing','seal_missing','metameric_mismatch',
       'hologram_missing','colour_shift_missing','perforation_printed'}
assert kinds=={'photo_substitution','counterfeit_paper'} | lacks, kinds
assert all(x.get('follows_from')==('counterfeit_paper' if x['kind'] in lacks else None) for x in d['defects'])
for x in d['features']+d['defects']:
    x0,y0,w,h=x['region_px']; assert w>0 and h>0 and x0+w<=738 and y0+h<=520, x
    assert x['lights'] and x['id']
sub=[x for x in d['defects'] if x['kind']=='photo_substitution'][0]
assert set(sub['lights'])>={'uv','ir','oblique'}"

# --- the tilt: what changes with the angle changes, under white light only
"$BL" render --template uto-passport-td3 --seed 42 --dpi 100 --tilt -10 --out-dir "$T/tm" >/dev/null
"$BL" render --template uto-passport-td3 --seed 42 --dpi 100 --tilt 15 --out-dir "$T/tp" >/dev/null
check "render --tilt: visible differs between -10 and 15 degrees, UV does not" bash -c "! cmp -s '$T/tm/visible.png' '$T/tp/visible.png' && cmp -s '$T/tm/uv.png' '$T/tp/uv.png'"
check "truth.json says which features vary with the tilt" python3 -c "
import json; d=json.load(open('$T/tp/truth.json'))
v={x['kind'] for x in d['features'] if x['varies_with_tilt']}
assert v=={'hologram','colour_shift'}, v
assert all(len(x['tilt_views_deg'])==2 for x in d['features'] if x['varies_with_tilt'])"
check "render --tilt out of range is refused" bash -c "'$BL' render --template uto-passport-td3 --seed 1 --tilt 60 --out-dir '$T/x' 2>&1; test \$? -eq 2"
check "the truth's MRZ passes mrz check" bash -c "python3 -c \"import json;print('\n'.join(json.load(open('$T/a/truth.json'))['mrz']))\" | '$BL' mrz check >/dev/null"

# --- determinism
"$BL" render --template uto-passport-td3 --seed 42 --defect photo_substitution --defect counterfeit_paper --dpi 150 --light uv --out "$T/uv1.png" >/dev/null
check "same seed and options give the same pixels" cmp -s "$T/uv1.png" "$T/a/uv.png"
"$BL" render --template uto-passport-td3 --seed 43 --dpi 150 --light uv --out "$T/uv2.png" >/dev/null
check "another seed gives another document" bash -c "! cmp -s '$T/uv1.png' '$T/uv2.png'"
for t in uto-id-td1 uto-visa-mrva; do
    check "$t renders" "$BL" render --template $t --seed 1 --dpi 100 --out-dir "$T/$t"
done

# --- bad input
expect_fail "unknown template" "unknown template.*uto-passport-td3" "$BL" render --template nope --seed 1 --light uv --out "$T/x.png"
expect_fail "unknown defect" "unknown defect 'glitter'" "$BL" render --template uto-passport-td3 --seed 1 --defect glitter --light uv --out "$T/x.png"
expect_fail "bad seed" "seed needs a whole number" "$BL" render --template uto-passport-td3 --seed 12abc --light uv --out "$T/x.png"
expect_fail "negative seed" "seed needs a whole number" "$BL" render --template uto-passport-td3 --seed -5 --light uv --out "$T/x.png"
expect_fail "absurd dpi" "dpi needs a number from 72 to 1200" "$BL" render --template uto-passport-td3 --seed 1 --dpi 90000 --light uv --out "$T/x.png"
expect_fail "unknown light" "unknown light 'xray'" "$BL" render --template uto-passport-td3 --seed 1 --light xray --out "$T/x.png"
expect_fail "missing value" "needs a value|give one of" "$BL" render --template uto-passport-td3 --seed
expect_fail "defect the template cannot carry" "has no feature.*printed_watermark" "$BL" render --template uto-id-td1 --seed 1 --defect printed_watermark --light uv --out "$T/x.png"
check "no output after refused options" test ! -e "$T/x.png"
expect_fail "unwritable output folder" "cannot write.*(No such file|folder)" "$BL" render --template uto-passport-td3 --seed 1 --dpi 100 --light uv --out "$T/missing/dir/x.png"
mkdir "$T/isdir.png"
expect_fail "output path is a folder" "cannot replace|cannot write" "$BL" render --template uto-passport-td3 --seed 1 --dpi 100 --light uv --out "$T/isdir.png"
check "a failed write leaves no temporary file" bash -c "! ls '$T' | grep -q '\.tmp\.'"
printf '{"id": "x", "name": "x", "kind": "passport", "issuing_state": "UTO", "state_name": "U", "document_code": "P", "mrz_format": "TD3", "size_mm": [125, 88], "portrait_mm": [5, 15, 35, 45], "mrz_mm": [6, 70, 113, 15], "colour": "red"}' >"$T/tpl.json"
expect_fail "template file with an unknown key" "tpl.json: template: unknown key \"colour\"" "$BL" render --template-file "$T/tpl.json" --seed 1 --light uv --out "$T/x.png"
printf '{"id": "x", "kind": ' >"$T/trunc.json"
expect_fail "truncated template file" "not valid JSON" "$BL" render --template-file "$T/trunc.json" --seed 1 --light uv --out "$T/x.png"

mkdir -p "$T/nofonts"
BORDERLAB_FONT_DIR="$T/nofonts" "$BL" render --template uto-passport-td3 --seed 1 --light uv --out "$T/x.png" >"$T/out" 2>"$T/err"; rc=$?
check "a missing font: exit 2, names the file and the package" bash -c "test $rc -eq 2 && grep -q 'DejaVuSans.ttf' '$T/err' && grep -q 'fonts-dejavu-core' '$T/err'"

# --- an academy's captured document, shown the same way
mkdir -p "$T/cap"
cp "$T/a/visible.png" "$T/a/uv.png" "$T/cap/"
cp "$T/a/ir.png" "$T/cap/infrared.png"
python3 -c "
import json; d=json.load(open('$T/a/truth.json'))
json.dump({'id': 'academy-17', 'lights': {'ir': 'infrared.png'}, 'features': d['features'],
           'defects': d['defects']}, open('$T/cap/regions.json','w'))"
"$BL" render --capture "$T/cap" --out-dir "$T/capout" >/dev/null
check "capture: images come out unchanged" bash -c "cmp -s '$T/a/uv.png' '$T/capout/uv.png' && cmp -s '$T/a/ir.png' '$T/capout/ir.png'"
check "capture: only the captured lights are written" test ! -e "$T/capout/oblique.png"
check "capture: truth keeps the academy's regions" python3 -c "
import json; a=json.load(open('$T/a/truth.json')); c=json.load(open('$T/capout/truth.json'))
assert c['capture']=='academy-17' and c['lights_captured']==['visible','uv','ir']
assert c['defects']==a['defects'] and c['features']==a['features']"
expect_fail "capture: a light that was not captured" "has no oblique image" "$BL" render --capture "$T/cap" --light oblique --out "$T/x.png"
head -c 3000 "$T/cap/uv.png" >"$T/cap/uv2.png"; mv "$T/cap/uv2.png" "$T/cap/uv.png"
expect_fail "capture: truncated image" "uv.png.*truncated" "$BL" render --capture "$T/cap" --out-dir "$T/capout2"
python3 -c "
import struct; b=bytearray(open('$T/cap/visible.png','rb').read()); b[16:24]=struct.pack('>II', 200000, 150000)
open('$T/cap/uv.png','wb').write(b)"
expect_fail "capture: header claims absurd dimensions" "claims 200000x150000" "$BL" render --capture "$T/cap" --out-dir "$T/capout3"
cp "$T/a/uv.png" "$T/cap/uv.png"
python3 -c "
import json; r=json.load(open('$T/cap/regions.json')); r['defects'][0]['region_px']=[700,500,100,100]
json.dump(r, open('$T/cap/regions.json','w'))"
expect_fail "capture: region outside the images" "reaches outside the 738x520 images" "$BL" render --capture "$T/cap" --out-dir "$T/capout4"
echo '{"id": "x", "defects": [{"id": "d", "kind": "smudge", "region_px": [1,1,2,2], "lights": ["uv"]}]}' >"$T/cap/regions.json"
expect_fail "capture: unknown defect kind" "\"smudge\" is not a borderlab defect kind" "$BL" render --capture "$T/cap" --out-dir "$T/capout5"
check "capture: failed loads wrote nothing" bash -c "test ! -e '$T/capout2' && test ! -e '$T/capout3' && test ! -e '$T/capout5'"

# --- a scenario's documents, as the desk shows them, agree with each other:
# every scenario of the pack rendered (72 dpi); genuine documents of the same
# holder carry the same person; a visa names the passport it is in, is of the
# passport's state's national, and its terms fit its category; a bilingual
# page's MRZ carries its Latin name; the traveler's age is the holder's; a
# letter names its holder's passport and the holder signs in their own hand.
mkdir -p "$T/scn"
for f in scenarios/*.lua; do
    id=$(basename "$f" .lua)
    "$BL" render --scenario "$f" --out-dir "$T/scn/$id" --dpi 72 >/dev/null 2>"$T/scn-$id.err" ||
        { echo "  $f: $(cat "$T/scn-$id.err")"; }
done
check "render --scenario: every document of every scenario, with documents.json" \
    bash -c "test \$(ls '$T/scn' | wc -l) -eq \$(ls scenarios/*.lua | wc -l) &&
             for d in '$T'/scn/*; do test -s \$d/documents.json || exit 1; done &&
             ls '$T'/scn/s03-business-visitor/doc2-uto-visa-mrva/transmitted.png >/dev/null"
check "render --scenario: no genuine document of the pack contradicts another" python3 - "$T/scn" <<'PY'
import datetime, glob, json, os, sys
bad, scenarios, visas, supporting = [], 0, 0, 0
for d in sorted(glob.glob(sys.argv[1] + "/*")):
    scenarios += 1
    doc = json.load(open(d + "/documents.json"))
    sid, docs = doc["scenario"], doc["documents"]
    truth = {x["document"]: json.load(open(os.path.join(d, x["dir"], "truth.json")))
             for x in docs if "template" in x}
    defects = {k: {y["kind"] for y in t["defects"]} for k, t in truth.items()}
    firsts = {}
    for x in docs:
        firsts.setdefault(x.get("belongs_to", "traveler"), x)
    first = firsts.get("traveler")
    for x in docs:
        if "template" not in x: continue
        h, n, dfs = x["holder"], x["document"], defects[x["document"]]
        t = truth[n]
        # a bilingual page's MRZ carries the Latin name printed beside the Arabic
        if h.get("surname_native") and t["mrz"] and "name_script_mismatch" not in dfs:
            want = "<".join(h["surname"].split()) + "<<" + "<".join(h["given_names"].split())
            if want[:30] not in t["mrz"][0]:
                bad.append("%s doc%d: MRZ %s lacks the Latin name %s" % (sid, n, t["mrz"][0], want))
        if x["template"].startswith("uto-visa"):
            visas += 1
            days = int(h["duration"].split()[0])
            if (h["visa_type"] == "C") != (days <= 90):
                bad.append("%s doc%d: a %s visa for %d days" % (sid, n, h["visa_type"], days))
            va = datetime.date.fromisoformat(t["holder"]["issue_date"])
            vb = datetime.date.fromisoformat(t["holder"]["expiry_date"])
            if (vb - va).days + 1 < days:
                bad.append("%s doc%d: a %d-day stay on a visa valid %d days" % (sid, n, days, (vb - va).days + 1))
            if "visa_passport_mismatch" not in dfs and x.get("names_passport") is None:
                bad.append("%s doc%d: the visa names passport %s, which is not on the desk"
                           % (sid, n, h["passport_number"]))
            if x.get("names_passport") and h["nationality"] != docs[x["names_passport"] - 1]["holder"]["nationality"]:
                bad.append("%s doc%d: the visa's nationality %s is not its passport's" % (sid, n, h["nationality"]))
        if x.get("kind") in ("letter", "boarding_pass"):
            supporting += 1
        if x.get("kind") in ("letter", "boarding_pass") and x.get("same_holder"):
            mine = firsts[x.get("belongs_to", "traveler")]
            if h["passport_number"] != mine["holder"]["document_number"]:
                bad.append("%s doc%d: names passport %s, its holder's is %s"
                           % (sid, n, h["passport_number"], mine["holder"]["document_number"]))
        mine = firsts[x.get("belongs_to", "traveler")]
        if x.get("same_holder") and x is not mine and "template" in mine:
            for k in ("surname", "given_names", "birth_date", "sex"):
                if h[k] != mine["holder"][k]:
                    bad.append("%s doc%d: %s %s, but its holder's first document says %s"
                               % (sid, n, k, h[k], mine["holder"][k]))
            # the same person: the same face, the same hand where they sign
            if t["holder"]["face_seed"] != truth[mine["document"]]["holder"]["face_seed"]:
                bad.append("%s doc%d: another face and hand than its holder's first document's"
                           % (sid, n))
    tr = doc["traveler"]
    if first and "template" in first and tr["impostor"] == 0:
        b = datetime.date.fromisoformat(first["holder"]["birth_date"])
        today = datetime.date.fromisoformat(doc["today"])
        age = today.year - b.year - ((today.month, today.day) < (b.month, b.day))
        if age != tr["age"] or first["holder"]["sex"] != tr["sex"]:
            bad.append("%s: the traveler is %d %s, the holder %d %s" % (sid, tr["age"], tr["sex"], age, first["holder"]["sex"]))
if scenarios < 16 or visas < 8 or supporting < 5:
    bad.append("only %d scenarios, %d visas and %d supporting documents were rendered"
               % (scenarios, visas, supporting))
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
expect_fail "render --scenario: with a --template" "scenario takes --out-dir" "$BL" render --scenario scenarios/s03-business-visitor.lua --template uto-visa-mrva --out-dir "$T/x"

# --- contact sheets: several templates a row each, only the lights asked for
"$BL" contact-sheet --genuine --dpi 72 --light visible --light ir --template qnv-police-loss-report \
    --template nordair-boarding-pass --out "$T/sheet.png" >/dev/null; rc=$?
check "contact-sheet: two templates, genuine rows, two lights" python3 -c "
import struct, sys
w, h = struct.unpack('>II', open('$T/sheet.png', 'rb').read(24)[16:24])
px = lambda mm: round(mm * 72 / 25.4)  # columns as wide as the widest (190 mm)
sys.exit(0 if $rc == 0 and (w, h) == (230 + 2 * (px(190) + 16) + 16, 34 + px(105) + px(70) + 3 * 16) else 1)"
"$BL" contact-sheet --template qnv-police-loss-report --defect signature_mismatch --light visible \
    --out "$T/sheet2.png" >/dev/null
check "contact-sheet: a letter forged with signature_mismatch" test -s "$T/sheet2.png"
expect_fail "contact-sheet: an unknown light" "light needs one of visible.*xray" "$BL" contact-sheet --light xray --out "$T/x.png"
expect_fail "contact-sheet: a defect with no place on the template" "no feature that defect .signature_mismatch." \
    "$BL" contact-sheet --template uto-school-enrolment --defect signature_mismatch --out "$T/x.png"

echo "render: $passes passed, $fails failed"
[ $fails -eq 0 ]
