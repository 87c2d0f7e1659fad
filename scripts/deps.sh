# Sourced by scripts/run and scripts/test: installs the Debian packages borderlab
# needs when they are missing, and says what it installs.
BL_PACKAGES="cmake make gcc pkg-config libsdl2-dev libsdl2-image-dev liblua5.4-dev libstb-dev
libcmocka-dev libcjson-dev libsodium-dev libpng-dev libsqlite3-dev libcurl4-openssl-dev uuid-dev libssl-dev openssl libharfbuzz-dev libfribidi-dev libharfbuzz-bin fonts-dejavu-core
fonts-ocr-b fonts-noto-core xvfb x11-apps imagemagick clang-format chromium python3 dpkg-dev desktop-file-utils"

bl_install_deps() {
    local missing=""
    for p in $BL_PACKAGES; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    echo "borderlab: installing missing Debian packages:$missing"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
            echo "borderlab: need root or sudo to install:$missing" >&2
            return 1
        fi
    fi
    $sudo apt-get update -qq || { echo "borderlab: apt-get update failed" >&2; return 1; }
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null ||
        { echo "borderlab: apt-get install failed for:$missing" >&2; return 1; }
}

bl_jobs() {
    nproc 2>/dev/null || echo 2
}
