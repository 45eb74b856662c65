#!/usr/bin/env bash
# packaging_prefix: unpack both packages into an empty prefix (dpkg-deb -x), hide the source and build
# trees (tmpfs over them in a private mount namespace), then run from the prefix:
#   - the installed kiosk: --screenshot with the offline tiles from <prefix>/usr/share/buurtkaart,
#     and once more with BUURTKAART_DATA_DIR pointing at an empty folder: the two images must differ
#     (the map was really drawn from the prefix's tiles); a drop-in from <prefix>/etc is applied;
#   - the installed `wijkagenda build` on the sample sources from <prefix>/usr/share/wijkagenda/sample.
source "$(dirname "$0")/lib.sh"
need_usr_prefix
need_debs
root=$(mktemp -d /tmp/buurtkaart-prefix.XXXXXX)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$KIOSK_DEB" "$root"
dpkg-deb -x "$WIJK_DEB" "$root"
pass "unpacked into $root: $(find "$root" -type f | wc -l) files"
[ -x "$root/usr/bin/buurtkaart-kiosk" ] || fail "usr/bin/buurtkaart-kiosk missing"
[ -x "$root/usr/bin/feedcheck" ] || fail "usr/bin/feedcheck missing"
[ -x "$root/usr/bin/wijkagenda" ] || fail "usr/bin/wijkagenda missing"
[ -f "$root/usr/share/buurtkaart/tiles/offline/metadata.json" ] || fail "offline tiles missing"
[ -f "$root/usr/lib/systemd/system/buurtkaart-kiosk.service" ] || fail "kiosk unit missing"
[ -f "$root/usr/lib/systemd/system/wijkagenda-build.timer" ] || fail "timer missing"
[ -f "$root/etc/nginx/sites-available/wijkagenda" ] || fail "nginx site missing"
pass "FHS layout: bin, share/buurtkaart, lib/systemd/system, etc/"
mkdir -p "$root/etc/buurtkaart/kiosk.d"
echo '{"kiosk_id": "prefix-test-1", "home_venue_id": "buurthuis-de-vuurtoren"}' >"$root/etc/buurtkaart/kiosk.d/50-test.json"

# The part that runs with the trees hidden; a file outside them, since bash reads scripts lazily.
cat >"$root/inner.sh" <<'INNER'
set -euo pipefail
root=$1; shift
for d in "$@"; do mount -t tmpfs -o size=1m buurtkaart-hidden "$d"; done
for d in "$@"; do
    [ -z "$(ls -A "$d")" ] || { echo "FAIL: $d still visible" >&2; exit 1; }
done
echo "ok: hidden: $*"
cd "$root"
export HOME=$root/home XDG_CONFIG_HOME=$root/home/config XDG_CACHE_HOME=$root/home/cache
mkdir -p "$HOME"
"$root/usr/bin/buurtkaart-kiosk" --config "$root/home/kiosk.json" --screenshot "$root/map.png" --size 1280x800 \
    2>"$root/kiosk.log" || { cat "$root/kiosk.log"; echo "FAIL: installed kiosk --screenshot" >&2; exit 1; }
mkdir -p "$root/empty-data"
BUURTKAART_DATA_DIR=$root/empty-data "$root/usr/bin/buurtkaart-kiosk" --config "$root/home/kiosk2.json" \
    --screenshot "$root/no-tiles.png" --size 1280x800 2>"$root/kiosk2.log" ||
    { cat "$root/kiosk2.log"; echo "FAIL: kiosk without data dir" >&2; exit 1; }
"$root/usr/bin/feedcheck" "$root/usr/share/buurtkaart/feed/sample_feed.json" >"$root/feedcheck.log" ||
    { cat "$root/feedcheck.log"; echo "FAIL: installed feedcheck on the installed sample feed" >&2; exit 1; }
"$root/usr/bin/wijkagenda" keygen --key-id prefix-test --out "$root/signing.key" >/dev/null
"$root/usr/bin/wijkagenda" build --sources "$root/usr/share/wijkagenda/sample/sources.sample.json" --state "$root/state" \
    --out "$root/out" --sign-key "$root/signing.key" --no-geocode --quiet >"$root/wijkagenda.log" 2>&1 ||
    { cat "$root/wijkagenda.log"; echo "FAIL: installed wijkagenda build" >&2; exit 1; }
"$root/usr/bin/feedcheck" "$root/out/current/feed.json" >"$root/feedcheck2.log" ||
    { cat "$root/feedcheck2.log"; echo "FAIL: feedcheck on the feed wijkagenda built" >&2; exit 1; }
INNER

hide=("$PKG_SOURCE_DIR")
case "$PKG_BUILD_DIR/" in "$PKG_SOURCE_DIR"/*) ;; *) hide+=("$PKG_BUILD_DIR") ;; esac
if [ "$(id -u)" = 0 ] && unshare --mount --propagation private true 2>/dev/null; then
    ns=(unshare --mount --propagation private)
elif unshare --map-root-user --mount --propagation private true 2>/dev/null; then
    ns=(unshare --map-root-user --mount --propagation private)
else
    skip "cannot hide the build tree: no mount namespace (needs root or user namespaces)"
fi
"${ns[@]}" bash "$root/inner.sh" "$root" "${hide[@]}"

grep -q "drop-in $root/etc/buurtkaart/kiosk.d/50-test.json applied" "$root/kiosk.log" ||
    { cat "$root/kiosk.log"; fail "the drop-in in <prefix>/etc/buurtkaart/kiosk.d was not applied"; }
pass "drop-in from <prefix>/etc/buurtkaart/kiosk.d applied"
[ -s "$root/map.png" ] && [ -s "$root/no-tiles.png" ] || fail "screenshots missing"
cmp -s "$root/map.png" "$root/no-tiles.png" && fail "map.png equals the render without tiles: tiles not found in the prefix"
with=$(stat -c %s "$root/map.png"); without=$(stat -c %s "$root/no-tiles.png")
pass "installed kiosk drew the map from the prefix's tiles ($with bytes; without tiles $without bytes)"
[ -f "$root/out/current/feed.json" ] && [ -f "$root/out/current/feed.json.sig" ] || fail "wijkagenda published no signed feed"
pass "installed wijkagenda build: $(stat -c %s "$root/out/current/feed.json") bytes feed + signature"
if [ -n "${PKG_KEEP_SCREENSHOT:-}" ]; then cp "$root/map.png" "$PKG_KEEP_SCREENSHOT"; fi
