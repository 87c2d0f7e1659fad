#!/usr/bin/env bash
# The verdict corpus: each tests/verdicts/NN-name.input is a trainee's recorded
# behaviour at the desk on one scenario, with the verdict a border-procedure
# trainer gives it in its header (written from principles, not from what the
# program says):
#   # scenario: s03-business-visitor
#   # verdict: pass | fail
#   # decision_ok: true | false    (the decision is the expected one or one expected.accept lists)
#   # critical: none | id id ...   (exactly the set of critical errors)
#   # why: ...
# Each row is replayed through the real desk (play --headless), the action log
# scored (score --scenario), and the program's passed, decision_ok and set of
# critical errors compared with the row's.
#
# The rows take minutes under ASan, so ctest runs them as shards side by
# side: SHARD=i/n replays the rows whose place in the sorted list is i modulo
# n (every row in exactly one shard, however many are added; interleaved, so
# each shard gets its share of the long ones). No SHARD: every row.
# ctest-shards: 2
set -u
BL=${1:?usage: verdicts.sh borderlab imgtool}
IMG=${2:-}   # not used: the verdicts are read from the score, not from pixels
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../lib/cli.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROWS="$ROOT/tests/verdicts"
# The verdicts are about scoring, not memory: under scripts/test, whose
# release build comes from the same sources (BORDERLAB_PKG_BUILD), a
# scenario's first row replays through the sanitized binary and its other
# rows through the release one, a quarter of the time.
FAST=$BL
if [ -n "${BORDERLAB_PKG_BUILD:-}" ] && [ -x "$BORDERLAB_PKG_BUILD/borderlab" ]; then
    FAST=$BORDERLAB_PKG_BUILD/borderlab
fi

# header FIELD FILE: the value of "# FIELD: value" in the row's header
header() { sed -n "s/^# $1: *//p" "$2" | head -n 1 | sed 's/[[:space:]]*$//'; }

# verdict ROW: replays the row and compares the program's verdict with the row's
verdict() {
    local row=$1 BL=$2 name scn want_v want_ok want_c out
    name=$(basename "$row" .input)
    scn=$(header scenario "$row")
    want_v=$(header verdict "$row")
    want_ok=$(header decision_ok "$row")
    want_c=$(header critical "$row")
    out="$T/$name"
    mkdir -p "$out"
    if [ ! -f "$ROOT/scenarios/$scn.lua" ]; then
        echo "  $row: no scenario '$scn'"
        return 1
    fi
    case "$want_v/$want_ok" in
        pass/true | fail/true | fail/false) ;;
        *) echo "  $row: bad header (verdict '$want_v', decision_ok '$want_ok')"; return 1 ;;
    esac
    if ! "$BL" play --headless --scenario "$ROOT/scenarios/$scn.lua" --input "$row" \
        --out-dir "$out" --log "$out/actions.jsonl" >"$out/play.out" 2>&1; then
        echo "  $row: play failed:"; sed 's/^/    /' "$out/play.out"
        return 1
    fi
    if ! "$BL" score "$out/actions.jsonl" --scenario "$ROOT/scenarios/$scn.lua" \
        >"$out/score.json" 2>"$out/score.err"; then
        echo "  $row: score failed:"; sed 's/^/    /' "$out/score.err"
        return 1
    fi
    python3 - "$row" "$out/score.json" "$want_v" "$want_ok" "$want_c" <<'PY'
import json, sys
row, score, want_v, want_ok, want_c = sys.argv[1:]
lines = [l for l in open(score) if l.strip()]
if len(lines) != 1:
    print(f"  {row}: expected one scored traveler, got {len(lines)}")
    sys.exit(1)
got = json.loads(lines[0])
want = {"passed": want_v == "pass", "decision_ok": want_ok == "true",
        "critical": sorted(set(want_c.split()) - {"none"})}
have = {"passed": got["passed"], "decision_ok": got["decision_ok"],
        "critical": sorted(set(got["critical"]))}
if want != have:
    diff = ", ".join(f"{k}: row {want[k]}, program {have[k]}" for k in want if want[k] != have[k])
    print(f"  {row}\n    expected: verdict {want_v}, decision_ok {want_ok}, critical {want_c}\n"
          f"    differs:  {diff}\n    program:  {lines[0].strip()}")
    sys.exit(1)
PY
}

SHARD=${SHARD:-1/1}
if ! [[ $SHARD =~ ^([1-9][0-9]*)/([1-9][0-9]*)$ ]] || [ "${BASH_REMATCH[1]}" -gt "${BASH_REMATCH[2]}" ]; then
    echo "verdicts.sh: SHARD is '$SHARD'; give i/n with 1 <= i <= n (e.g. SHARD=1/2), or none for every row"
    exit 2
fi
shard=${BASH_REMATCH[1]} shards=${BASH_REMATCH[2]}

# the sanitized rows and the others are each dealt round the shards, so
# every shard gets its share of the slow ones
n=0 ns=0 nf=0 mine=0 sanitized=0
seen=" "
for row in "$ROWS"/[0-9][0-9]-*.input; do
    [ -e "$row" ] || continue
    n=$((n + 1))
    scn=$(header scenario "$row")
    case "$seen" in
        *" $scn "*) bin=$FAST nf=$((nf + 1)) k=$nf ;;
        *) bin=$BL seen="$seen$scn " ns=$((ns + 1)) k=$ns ;;
    esac
    [ "$FAST" = "$BL" ] && k=$n # one binary: the rows in turn
    [ $(((k - 1) % shards + 1)) -eq "$shard" ] || continue
    mine=$((mine + 1))
    [ "$bin" = "$BL" ] && sanitized=$((sanitized + 1))
    what="$(basename "$row" .input): $(header verdict "$row"), critical $(header critical "$row")"
    if verdict "$row" "$bin" >"$T/why" 2>&1; then ok "$what"; else bad "$what"; cat "$T/why"; fi
done
echo "verdicts: $sanitized of this shard's $mine rows through $BL"
# share TOTAL: how many of TOTAL rows dealt round the shards are this one's
share() { [ "$1" -ge "$shard" ] && echo $((($1 - shard) / shards + 1)) || echo 0; }
if [ "$FAST" = "$BL" ]; then want=$(share $n); else want=$(($(share $ns) + $(share $nf))); fi
check "the corpus has rows ($n)" test "$n" -ge 44
check "shard $shard/$shards replayed its share ($mine of $n)" test "$mine" -eq "$want"

echo "verdicts (shard $shard/$shards, $mine of $n rows): $passes passed, $fails failed"
[ $fails -eq 0 ]
