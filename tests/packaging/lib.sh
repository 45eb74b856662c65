# lib.sh — shared helpers of the packaging tests (sourced).
# shellcheck shell=bash
set -euo pipefail
: "${PKG_BUILD_DIR:?run through ctest}" "${PKG_SOURCE_DIR:?}" "${PKG_INSTALL_PREFIX:?}" "${PKG_VERSION:?}"
PKG_DIR=$PKG_BUILD_DIR/packages
KIOSK_DEB=$PKG_DIR/buurtkaart-kiosk_${PKG_VERSION}_$(dpkg --print-architecture).deb
WIJK_DEB=$PKG_DIR/wijkagenda_${PKG_VERSION}_$(dpkg --print-architecture).deb

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }
# A test that cannot run here: skip (77) locally, fail under CI=true (no test may pass by skipping).
skip() {
    if [ "${CI:-}" = true ]; then fail "cannot run under CI: $*"; fi
    echo "SKIP: $*" >&2
    exit 77
}
need_usr_prefix() {
    [ "$PKG_INSTALL_PREFIX" = /usr ] ||
        skip "packages need CMAKE_INSTALL_PREFIX=/usr (this build: $PKG_INSTALL_PREFIX); cmake -B build -DCMAKE_INSTALL_PREFIX=/usr"
}
need_debs() {
    [ -f "$KIOSK_DEB" ] && [ -f "$WIJK_DEB" ] || fail "packages missing in $PKG_DIR (packaging_debs builds them)"
}
# expect_stat PATH OWNER:GROUP MODE
expect_stat() {
    local got
    got=$(stat -c '%U:%G %a' "$1") || fail "$1 does not exist"
    [ "$got" = "$2 $3" ] || fail "$1: expected $2 mode $3, got $got"
    pass "$1 $2 $3"
}
