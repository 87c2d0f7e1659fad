#!/usr/bin/env bash
# The Debian package (scripts/package): built from this tree as a release
# build, it declares the packages of the libraries the binary links and the
# fonts it reads, holds the binary, the default pack, the guides, a manual
# page and a desktop entry; installed into a folder-rooted dpkg database it
# runs (--version, check on the installed pack, a headless replay); apt
# resolves its dependencies on this system; and, as root on a machine where
# borderlab is not already installed, `apt-get install ./borderlab_*.deb`
# installs it for real, it runs from /usr/bin, and it is removed again.
set -u
BL=$(realpath "${1:?usage: package.sh borderlab imgtool}")
SRC=$(pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../lib/cli.sh"
for tool in dpkg dpkg-deb cpack; do
    command -v $tool >/dev/null || { echo "SKIP: $tool is not installed (Debian: dpkg-dev, cmake)"; exit 77; }
done

# A release build of this tree (scripts/test's build/, BORDERLAB_PKG_BUILD,
# else one of its own kept between runs: only what changed is rebuilt), then
# cpack.
B="${BORDERLAB_PKG_BUILD:-$SRC/build-pkg}"
if ! { cmake -S "$SRC" -B "$B" -DCMAKE_BUILD_TYPE=Release -DBL_TESTS=OFF >"$T/cmake.log" 2>&1 &&
       cmake --build "$B" -j2 >>"$T/cmake.log" 2>&1 &&
       (cd "$B" && rm -f borderlab_*.deb && cpack -G DEB >>"$T/cmake.log" 2>&1); }; then
    tail -30 "$T/cmake.log"; echo "FAIL the package did not build"; exit 1
fi
DEB=$(ls "$B"/borderlab_*.deb)
check "one package is built: $(basename "$DEB")" test -f "$DEB"

deps=$(dpkg-deb -f "$DEB" Depends)
for p in libsdl2-2.0-0 liblua5.4-0 libsodium23 libsqlite3-0 libharfbuzz0b libfribidi0 libpng16-16 libcjson1 fonts-ocr-b fonts-dejavu-core fonts-noto-core; do
    check "Depends names $p" bash -c "grep -q '\\b$p\\b' <<<'$deps'"
done
dpkg-deb -c "$DEB" | awk '{print $6}' >"$T/files"
for f in ./usr/bin/borderlab ./usr/share/man/man1/borderlab.1.gz ./usr/share/applications/borderlab.desktop \
         ./usr/share/applications/borderlab-workstation.desktop \
         ./usr/share/icons/hicolor/scalable/apps/borderlab.svg ./usr/share/borderlab/scenarios/s01-citizen-returning.lua \
         ./usr/share/borderlab/scenarios/sessions/basic-certification.lua ./usr/share/doc/borderlab/scenarios.md; do
    check "the package holds $f" grep -qxF "$f" "$T/files"
done

# a folder-rooted install: its own dpkg database, nothing of the system touched
R="$T/root"
mkdir -p "$R/var/lib/dpkg/info" "$R/var/lib/dpkg/updates"
touch "$R/var/lib/dpkg/status"
dpkg --root="$R" --force-depends --force-not-root --force-script-chrootless --log=/dev/null \
    -i "$DEB" >"$T/dpkg.log" 2>&1
check "dpkg installs it into a folder root (exit $?)" grep -q "^Package: borderlab" "$R/var/lib/dpkg/status"
run_installed() { # run_installed BIN: the installed binary answers, checks its own pack, replays
    local bin=$1 share=$2
    check "$bin --version" bash -c "'$bin' --version | grep -q '^borderlab [0-9]'"
    "$bin" check "$share/scenarios" >"$T/check.out" 2>&1
    local n
    n=$(ls "$SRC"/scenarios/*.lua | wc -l)
    check "$bin checks the installed pack ($(tail -1 "$T/check.out"))" grep -q ": $n passed, 0 with problems" "$T/check.out"
    printf '@1 key k\n@2 key o\n@3 key 2\n@4 screenshot uv\n' >"$T/in"
    "$bin" play --headless --input "$T/in" --out-dir "$T/play" >/dev/null 2>&1
    check "$bin replays input headless" test -s "$T/play/uv.png"
    zcat "$share/../man/man1/borderlab.1.gz" >"$T/man" 2>/dev/null
    check "its manual page covers every command" bash -c "grep -q '^.SS borderlab render' '$T/man' && grep -q '^.SS borderlab session' '$T/man'"
}
run_installed "$R/usr/bin/borderlab" "$R/usr/share/borderlab"
check "it reports the version of this tree" cmp -s <("$R/usr/bin/borderlab" --version) <("$BL" --version)
if command -v desktop-file-validate >/dev/null; then
    check "the desktop entries are valid" desktop-file-validate "$R/usr/share/applications/borderlab.desktop" \
        "$R/usr/share/applications/borderlab-workstation.desktop"
fi

# apt can satisfy its dependencies here (a simulation: nothing is changed)
apt-get install --simulate "$DEB" >"$T/apt.out" 2>&1
check "apt resolves its dependencies on this system (exit $?)" grep -q "Inst borderlab" "$T/apt.out"

# the real thing, where it harms nothing: as root, with no borderlab installed
if [ "$(id -u)" = 0 ] && ! dpkg -s borderlab >/dev/null 2>&1; then
    if apt-get install -y "$DEB" >"$T/apt-install.log" 2>&1; then
        ok "apt-get install ./$(basename "$DEB")"
        run_installed /usr/bin/borderlab /usr/share/borderlab
        apt-get remove -y --purge borderlab >/dev/null 2>&1
        check "and it is removed again" bash -c "! dpkg -s borderlab >/dev/null 2>&1"
    else
        tail -5 "$T/apt-install.log"; bad "apt-get install ./$(basename "$DEB")"
    fi
else
    echo "note: not root, or borderlab already installed: the system install was not tried"
fi

echo "package: $passes passed, $fails failed"
[ $fails -eq 0 ]
