#!/usr/bin/env bash
# The passport chip that `render --out-dir` writes (DIR/chip/), checked with
# OpenSSL's own command line and nothing of borderlab's: the SOD's CMS
# signature against the fictional CSCA, the data groups' hashes in the LDS
# security object against sha256sum of the files, the DS certificate's chain
# and revocation; and each chip defect breaking what it should.
set -u
BL=${1:?usage: chip.sh path/to/borderlab}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../lib/cli.sh"
command -v openssl >/dev/null || { echo "skip: no openssl command line"; exit 77; }

# Certificates and the CRL are judged on the render's --today, not on the
# machine's clock (the CRL published on 2026-06-01 is stale by September).
TODAY=2026-06-01
AT=$(date -u -d "${TODAY}T12:00:00Z" +%s)

# render TEMPLATE NAME [OPTIONS]: the document into $T/NAME (its chip in $T/NAME/chip)
render() {
    local tid=$1 name=$2; shift 2
    "$BL" render --template "$tid" --seed 42 --dpi 72 --today $TODAY --out-dir "$T/$name" "$@" \
        >/dev/null 2>"$T/$name.err" || { echo "render $name failed: $(cat "$T/$name.err")"; return 1; }
}
# cms_verify DIR [CAFILE]: the SOD against a CSCA (the state's, DIR/csca.pem, by
# default); writes the signed content to DIR/lds.der, the errors to DIR/cms.err
cms_verify() {
    openssl cms -verify -inform DER -in "$1/sod.der" -CAfile "${2:-$1/csca.pem}" -purpose any \
        -binary -attime $AT -out "$1/lds.der" >/dev/null 2>"$1/cms.err"
}
# hash_in LDS.der N: the SHA-256 the LDS security object holds for DG N (lower-case hex)
hash_in() {
    openssl asn1parse -inform DER -in "$1" | awk -v want="$(printf '%02X' "$2")" '
        /prim: INTEGER/ { n = $NF; sub(/^:/, "", n) }
        /prim: OCTET STRING/ && n == want { h = $NF; sub(/.*:/, "", h); print tolower(h) }'
}
sha() { sha256sum "$1" | cut -d' ' -f1; }
not() { ! "$@"; }
# hashes_match DIR N: DG N's hash in the SOD is sha256 of dgN.bin
hashes_match() {
    local want; want=$(hash_in "$1/lds.der" "$2")
    [ -n "$want" ] && [ "$want" = "$(sha "$1/dg$2.bin")" ]
}
json() { python3 -c "import json,sys; d=json.load(open('$1')); sys.exit(0 if ($2) else 1)"; }

# --- a genuine Utopian passport
render uto-passport-td3 p
C=$T/p/chip
check "render writes the chip's files" bash -c "cd '$C' && for f in com.bin dg1.bin dg2.bin dg3.bin sod.der ds.pem csca.pem csca.crl chip.json; do test -s \$f || exit 1; done"
check "no temporary file is left in chip/" bash -c "! ls -a '$C' | grep -q '\.tmp'"
check "openssl cms -verify: the SOD verifies against the state's CSCA" cms_verify "$C"
check "the SOD's content type is id-icao-mrtd-security-ldsSecurityObject" \
    bash -c "openssl cms -cmsout -print -inform DER -in '$C/sod.der' | grep -q 'eContentType: .*(2.23.136.1.1.1)'"
check "the LDS security object hashes with SHA-256" \
    bash -c "openssl asn1parse -inform DER -in '$C/lds.der' | grep -q 'OBJECT *:sha256'"
check "DG1's hash in the SOD is sha256 of dg1.bin" hashes_match "$C" 1
check "DG2's hash in the SOD is sha256 of dg2.bin" hashes_match "$C" 2
check "DG3's hash in the SOD is sha256 of dg3.bin" hashes_match "$C" 3
openssl cms -verify -inform DER -in "$C/sod.der" -CAfile "$C/csca.pem" -purpose any -binary \
    -attime $AT -signer "$T/signer.pem" -out /dev/null >/dev/null 2>&1
check "ds.pem is the certificate that signed the SOD" bash -c "
    cmp -s <(openssl x509 -in '$T/signer.pem' -outform DER) <(openssl x509 -in '$C/ds.pem' -outform DER)"
check "openssl verify: ds.pem chains to csca.pem" \
    bash -c "openssl verify -CAfile '$C/csca.pem' -attime $AT '$C/ds.pem' | grep -q ': OK'"
check "openssl verify -crl_check: the genuine DS is not revoked" \
    bash -c "openssl verify -crl_check -CRLfile '$C/csca.crl' -CAfile '$C/csca.pem' -attime $AT '$C/ds.pem' | grep -q ': OK'"
check "the CSCA is a self-signed CA for certificates and CRLs, P-256" bash -c "
    openssl x509 -in '$C/csca.pem' -noout -text > '$T/csca.txt' &&
    grep -q 'Subject: C = UT, O = Republic of Utopia, CN = CSCA Utopia' '$T/csca.txt' &&
    grep -q 'Issuer: C = UT, O = Republic of Utopia, CN = CSCA Utopia' '$T/csca.txt' &&
    grep -q 'CA:TRUE' '$T/csca.txt' && grep -q 'Certificate Sign, CRL Sign' '$T/csca.txt' &&
    grep -q 'NIST CURVE: P-256' '$T/csca.txt' && grep -q 'Authority Key Identifier' '$T/csca.txt'"
check "DG1 holds the printed MRZ (tag 61 > 5F1F, 88 characters)" python3 -c "
import json; d=open('$C/dg1.bin','rb').read(); t=json.load(open('$T/p/truth.json'))
assert d[:5] == b'\x61\x5b\x5f\x1f\x58', d[:5]
assert d[5:].decode() == ''.join(t['mrz'])"
check "DG2 wraps a 240x320 JPEG in a 19794-5 facial record (75 > 7F61 > 7F60 > 5F2E FAC)" python3 -c "
d=open('$C/dg2.bin','rb').read()
assert d[0] == 0x75 and d.find(b'\x7f\x61') < 8 and b'\x5f\x2e' in d and b'FAC\x00010\x00' in d
j=d[d.index(b'\xff\xd8\xff'):]
i=j.index(b'\xff\xc0'); assert (int.from_bytes(j[i+5:i+7],'big'), int.from_bytes(j[i+7:i+9],'big')) == (320, 240)"
check "chip.json: the reader finds a genuine chip" json "$C/chip.json" \
    "d['defect']=='none' and d['reader']['verdict']=='authentic' and d['dg1_matches_print'] and not d['reader']['reasons']"

# --- the same seed: the same data groups and keys (ECDSA signatures differ)
render uto-passport-td3 p2
check "same seed: the same DG1, DG2, DG3 and EF.COM bytes" bash -c "
    for f in dg1 dg2 dg3 com; do cmp -s '$C/'\$f.bin '$T/p2/chip/'\$f.bin || exit 1; done"
check "same seed: the same CSCA and DS public keys" bash -c "
    cmp -s <(openssl x509 -in '$C/csca.pem' -noout -pubkey) <(openssl x509 -in '$T/p2/chip/csca.pem' -noout -pubkey) &&
    cmp -s <(openssl x509 -in '$C/ds.pem' -noout -pubkey) <(openssl x509 -in '$T/p2/chip/ds.pem' -noout -pubkey)"

# --- an ID card (TD1) and another state's passport
render uto-id-td1 id
render qwh-passport-td3 q
check "a TD1 card's chip verifies" cms_verify "$T/id/chip"
check "a TD1 card's DG1 holds its 90 characters" test "$(stat -c %s "$T/id/chip/dg1.bin")" -eq 95
check "Wahat's chip verifies against Wahat's CSCA" cms_verify "$T/q/chip"
check "...and not against Utopia's" not cms_verify "$T/q/chip" "$C/csca.pem"

# --- the defects
render uto-passport-td3 u --chip-defect ds_untrusted
check "ds_untrusted: cms -verify against the real CSCA fails" not cms_verify "$T/u/chip" "$C/csca.pem"
check "ds_untrusted: ...because the DS has no trusted issuer, while its own signature holds" bash -c "
    grep -q 'unable to get local issuer certificate' '$T/u/chip/cms.err' &&
    openssl cms -verify -noverify -inform DER -in '$T/u/chip/sod.der' -binary -out /dev/null 2>/dev/null"
check "ds_untrusted: the forger's DS names a look-alike CSCA" bash -c "
    openssl x509 -in '$T/u/chip/ds.pem' -noout -issuer | grep -q 'CN = CSCA Utopia' &&
    ! openssl verify -CAfile '$C/csca.pem' -attime $AT '$T/u/chip/ds.pem' >/dev/null 2>&1"

render uto-passport-td3 a --chip-defect dg1_altered
check "dg1_altered: the SOD still verifies" cms_verify "$T/a/chip"
check "dg1_altered: DG1's hash comparison fails" not hashes_match "$T/a/chip" 1
check "dg1_altered: ...and the SOD does hold a hash for DG1" test -n "$(hash_in "$T/a/chip/lds.der" 1)"
check "dg1_altered: DG2's hash still matches" hashes_match "$T/a/chip" 2

render uto-passport-td3 r --chip-defect ds_revoked
check "ds_revoked: openssl verify -crl_check says certificate revoked" bash -c "
    ! openssl verify -crl_check -CRLfile '$T/r/chip/csca.crl' -CAfile '$T/r/chip/csca.pem' -attime $AT '$T/r/chip/ds.pem' >'$T/r.out' 2>&1 &&
    grep -q 'certificate revoked' '$T/r.out'"
check "ds_revoked: without the CRL the chain holds" bash -c "
    openssl verify -CAfile '$T/r/chip/csca.pem' -attime $AT '$T/r/chip/ds.pem' | grep -q ': OK'"

render uto-passport-td3 e --chip-defect ds_expired
check "ds_expired: openssl verify says the DS certificate has expired" bash -c "
    ! openssl verify -CAfile '$T/e/chip/csca.pem' -attime $AT '$T/e/chip/ds.pem' >'$T/e.out' 2>&1 &&
    grep -q 'certificate has expired' '$T/e.out'"

render uto-passport-td3 c --chip-defect cloned
check "cloned: a genuine SOD" cms_verify "$T/c/chip"
check "cloned: ...over its data groups" bash -c "$(declare -f hash_in sha hashes_match); hashes_match '$T/c/chip' 1 && hashes_match '$T/c/chip' 2"
check "cloned: ...which are another document's" not cmp -s "$T/c/chip/dg1.bin" "$C/dg1.bin"

render uto-passport-td3 d --chip-defect dead
check "dead: no file answers, only the state's PKI and chip.json" bash -c "
    cd '$T/d/chip' && test ! -e dg1.bin && test ! -e sod.der && test -s csca.pem && test -s chip.json"

check "chip.json: what the reader shows for each defect" python3 - "$T" <<'PY'
import json, sys
T = sys.argv[1]
want = {  # dir: (defect, verdict, the one check that fails)
    "u": ("ds_untrusted", "failed", ("chain", "failed")),
    "a": ("dg1_altered", "failed", ("hashes", "failed")),
    "r": ("ds_revoked", "failed", ("revocation", "revoked")),
    "e": ("ds_expired", "failed", ("ds_validity", "expired")),
    "c": ("cloned", "failed", ("active_authentication", "failed")),
}
good = {"read": "passed", "hashes": "passed", "signature": "passed", "chain": "passed",
        "ds_validity": "valid", "revocation": "good", "active_authentication": "passed"}
bad = []
for d, (defect, verdict, (key, val)) in want.items():
    j = json.load(open("%s/%s/chip/chip.json" % (T, d)))
    r = j["reader"]
    if j["defect"] != defect or r["verdict"] != verdict or r[key] != val:
        bad.append("%s: %s %s %s=%s" % (d, j["defect"], r["verdict"], key, r[key]))
    for k, v in good.items():  # nothing else fails (an untrusted DS: revocation unknowable)
        if k != key and r[k] != v and not (defect == "ds_untrusted" and k == "revocation" and r[k] == "unknown"):
            bad.append("%s: %s also %s" % (defect, k, r[k]))
j = json.load(open(T + "/c/chip/chip.json"))
if j["dg1_matches_print"]: bad.append("cloned: DG1 matches the print")
j = json.load(open(T + "/a/chip/chip.json"))
if j["dg1_matches_print"]: bad.append("dg1_altered: DG1 matches the print")
j = json.load(open(T + "/d/chip/chip.json"))
if j["answers"] or j["reader"]["verdict"] != "no_answer": bad.append("dead: %s" % j["reader"])
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY

# --- what has no chip, and bad options
"$BL" render --template uto-visa-mrva --seed 1 --dpi 72 --out-dir "$T/v" >/dev/null 2>&1
check "a visa has no chip" test ! -e "$T/v/chip"
"$BL" render --template uto-passport-td3 --seed 1 --dpi 72 --page 4 --out-dir "$T/pg" >/dev/null 2>&1
check "a passport's visa page has no chip folder" test ! -e "$T/pg/chip"
"$BL" render --template uto-visa-mrva --seed 1 --chip-defect dead --out-dir "$T/x" >/dev/null 2>"$T/err"; rc=$?
check "--chip-defect on a visa: exit 2, says it has none" bash -c "test $rc -eq 2 && grep -q 'has none' '$T/err' && test ! -e '$T/x'"
"$BL" render --template uto-passport-td3 --seed 1 --chip-defect fried --out-dir "$T/x" >/dev/null 2>"$T/err"; rc=$?
check "--chip-defect with an unknown name: exit 2, names the known ones" bash -c "test $rc -eq 2 && grep -q 'ds_revoked' '$T/err'"

echo "chip: $passes passed, $fails failed"
[ $fails -eq 0 ]
