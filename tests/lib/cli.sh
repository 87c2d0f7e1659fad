# Sourced by tests/cli/*.sh: counts checks and prints one line per check.
fails=0; passes=0
ok()  { passes=$((passes+1)); echo "ok   $1"; }
bad() { fails=$((fails+1)); echo "FAIL $1"; }
# check NAME CMD...: passes when CMD succeeds
check() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
# hold_lock DB SECONDS: another program holds DB's write lock that long (run it with &)
hold_lock() {
    python3 - "$1" "$2" <<'PY'
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
time.sleep(float(sys.argv[2]))
c.execute("ROLLBACK")
PY
}
# input FILE FRAME:"keys" ...: desk input for `play --input`, a key press a frame from FRAME
input() {
    local f=$1 spec fr k; shift; : >"$f"
    for spec in "$@"; do
        fr=${spec%%:*}
        for k in ${spec#*:}; do echo "@$fr key $k" >>"$f"; fr=$((fr + 1)); done
    done
}
