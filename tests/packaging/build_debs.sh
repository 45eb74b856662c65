#!/usr/bin/env bash
# packaging_debs: build both Debian packages with CPack and run lintian on them (no errors allowed).
source "$(dirname "$0")/lib.sh"
need_usr_prefix
command -v dpkg-shlibdeps >/dev/null || skip "dpkg-dev missing (apt-get install dpkg-dev)"
command -v lintian >/dev/null || skip "lintian missing (apt-get install lintian)"
cd "$PKG_BUILD_DIR"
rm -f "$PKG_DIR"/*.deb
start=$(date +%s)
cpack -G DEB >cpack.log 2>&1 || { cat cpack.log; fail "cpack -G DEB failed"; }
need_debs
echo "cpack: $(( $(date +%s) - start )) s"
for deb in "$KIOSK_DEB" "$WIJK_DEB"; do
    echo "== $(basename "$deb"): $(du -k "$deb" | cut -f1) KiB, $(dpkg-deb -c "$deb" | wc -l) entries"
    dpkg-deb -f "$deb" Package Version Depends Recommends
done
# Dependencies come from the binaries (shlibdeps) and name the runtime libraries.
dpkg-deb -f "$KIOSK_DEB" Depends | grep -q 'libsdl2-2.0-0' || fail "kiosk Depends lacks libsdl2 (shlibdeps?)"
dpkg-deb -f "$KIOSK_DEB" Depends | grep -q 'fonts-noto-core' || fail "kiosk Depends lacks the fonts"
dpkg-deb -f "$WIJK_DEB" Depends | grep -q 'libical3' || fail "wijkagenda Depends lacks libical3 (shlibdeps?)"
pass "Depends computed by shlibdeps"

# lintian: errors fail the test, warnings are printed. Runs as root in CI: allow it.
lint_log=$PKG_DIR/lintian.log
lintian --allow-root --tag-display-limit 0 "$KIOSK_DEB" "$WIJK_DEB" >"$lint_log" 2>&1 || true
cat "$lint_log"
if grep -q '^E: ' "$lint_log"; then
    fail "lintian reports errors (above)"
fi
pass "lintian: $(grep -c '^E: ' "$lint_log" || true) errors, $(grep -c '^W: ' "$lint_log" || true) warnings"
