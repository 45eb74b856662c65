#!/usr/bin/env bash
# packaging_dpkg (root): install both packages on this machine, check the users, directories, modes,
# enabled (not started) units and conffiles; reinstall over kept settings (an upgrade keeps settings,
# PIN and cache, and the kiosk migrates a version 1 settings file); then purge and check that nothing is
# left: users, groups, directories, unit symlinks, deb-systemd-helper state. Runs on a machine without
# systemd as PID 1 (CI container): unit state is checked through the symlinks deb-systemd-helper makes.
source "$(dirname "$0")/lib.sh"
need_usr_prefix
need_debs
[ "$(id -u)" = 0 ] || skip "needs root (dpkg -i)"
for p in buurtkaart-kiosk wijkagenda; do
    if dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qv '^not-installed$'; then
        fail "$p is already on this machine ($(dpkg-query -W -f='${db:Status-Status}' "$p")); not touching it"
    fi
done
for u in kiosk wijkagenda; do
    getent passwd "$u" >/dev/null && fail "user $u exists before the test; not touching it"
done

purge_all() { dpkg --purge buurtkaart-kiosk wijkagenda >/dev/null 2>&1 || true; }
trap purge_all EXIT

install_debs() {
    # dpkg -i when the dependencies are there; else apt resolves them from the Debian archive.
    if ! dpkg -i "$KIOSK_DEB" "$WIJK_DEB" >"$PKG_DIR/dpkg-i.log" 2>&1; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$KIOSK_DEB" "$WIJK_DEB" \
            >>"$PKG_DIR/dpkg-i.log" 2>&1 || { cat "$PKG_DIR/dpkg-i.log"; fail "installing the packages"; }
    fi
}

# ---- install ------------------------------------------------------------------------------------
install_debs
[ "$(dpkg-query -W -f='${db:Status-Status}' buurtkaart-kiosk)" = installed ] || fail "buurtkaart-kiosk not installed"
[ "$(dpkg-query -W -f='${db:Status-Status}' wijkagenda)" = installed ] || fail "wijkagenda not installed"
pass "dpkg -i both packages"

getent passwd kiosk | grep -q ':/var/lib/buurtkaart:/usr/sbin/nologin$' || fail "kiosk user: $(getent passwd kiosk)"
[ "$(id -u kiosk)" -lt 1000 ] || fail "kiosk is not a system user (uid $(id -u kiosk))"
for g in video render input; do
    if getent group "$g" >/dev/null; then
        id -nG kiosk | tr ' ' '\n' | grep -qx "$g" || fail "kiosk not in group $g"
    fi
done
pass "system user kiosk ($(id kiosk))"
getent passwd wijkagenda >/dev/null || fail "no wijkagenda user"
expect_stat /var/lib/buurtkaart kiosk:kiosk 750
expect_stat /var/cache/buurtkaart kiosk:kiosk 750
expect_stat /var/lib/wijkagenda wijkagenda:wijkagenda 750
expect_stat /srv/wijkagenda wijkagenda:wijkagenda 755
expect_stat /etc/wijkagenda root:wijkagenda 750
expect_stat /usr/bin/buurtkaart-kiosk root:root 755

# Enabled, not started.
link=/etc/systemd/system/multi-user.target.wants/buurtkaart-kiosk.service
[ "$(readlink -f "$link")" = /usr/lib/systemd/system/buurtkaart-kiosk.service ] || fail "$link: $(readlink "$link" || echo missing)"
link=/etc/systemd/system/timers.target.wants/wijkagenda-build.timer
[ "$(readlink -f "$link")" = /usr/lib/systemd/system/wijkagenda-build.timer ] || fail "$link: $(readlink "$link" || echo missing)"
# deb-systemd-helper's record (what purge undoes) and systemd's own view of the files (offline).
dsh=/var/lib/systemd/deb-systemd-helper-enabled
grep -qx "$link" "$dsh/wijkagenda-build.timer.dsh-also" || fail "$dsh/wijkagenda-build.timer.dsh-also lacks $link"
grep -qx /etc/systemd/system/multi-user.target.wants/buurtkaart-kiosk.service "$dsh/buurtkaart-kiosk.service.dsh-also" ||
    fail "$dsh/buurtkaart-kiosk.service.dsh-also lacks the multi-user.target.wants link"
for u in buurtkaart-kiosk.service wijkagenda-build.timer; do
    state=$(systemctl --root=/ is-enabled "$u" 2>&1) || fail "systemctl --root=/ is-enabled $u: $state"
    [ "$state" = enabled ] || fail "systemctl is-enabled $u: $state"
done
pgrep -u kiosk >/dev/null && fail "a process of the kiosk user runs: the installation started the kiosk"
pass "units enabled (symlinks + deb-systemd-helper state), nothing started"

# Units verify. The X server unit runs Xorg, a Recommends: when it is not installed, only that one
# message ("Command /usr/lib/xorg/Xorg is not executable") is expected.
units=(/usr/lib/systemd/system/buurtkaart-kiosk.service /usr/lib/systemd/system/buurtkaart-xorg.service
       /usr/lib/systemd/system/wijkagenda-build.service /usr/lib/systemd/system/wijkagenda-build.timer)
expected='^$'
[ -x /usr/lib/xorg/Xorg ] || expected='buurtkaart-xorg.service: Command /usr/lib/xorg/Xorg is not executable'
command -v systemd-analyze >/dev/null || fail "systemd-analyze missing (apt-get install systemd)"
systemd-analyze verify "${units[@]}" >"$PKG_DIR/verify.log" 2>&1 || true
# Only problems in our own units count (the host's other units may have their own).
if grep -E '(buurtkaart|wijkagenda)[^:]*:' "$PKG_DIR/verify.log" | grep -Ev "$expected"; then
    fail "systemd-analyze verify reports problems in our units (above)"
fi
pass "systemd-analyze verify ${units[*]##*/}"

grep -qx 'ConditionPathExists=/etc/wijkagenda/sources.json' \
    /usr/lib/systemd/system/wijkagenda-build.service.d/50-packaged.conf || fail "wijkagenda-build drop-in missing"
pass "wijkagenda-build.service waits for /etc/wijkagenda/sources.json (drop-in)"

conff=$(dpkg-query -W -f='${Conffiles}' buurtkaart-kiosk)
echo "$conff" | grep -q '/etc/buurtkaart/display.conf' || fail "display.conf is not a conffile: $conff"
dpkg-query -W -f='${Conffiles}' wijkagenda | grep -q '/etc/nginx/sites-available/wijkagenda' || fail "nginx site is not a conffile"
pass "conffiles: /etc/buurtkaart/display.conf, kiosk.d/README, /etc/nginx/sites-available/wijkagenda"

# ---- the installed kiosk as the kiosk user, with a drop-in and a settings file of the previous release
hash='$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA'
cat >/var/lib/buurtkaart/kiosk.json <<JSON
{"version": 1, "language": "pl", "home_venue_id": "taalhuis-spangen", "kiosk_mode": true,
 "pin": {"hash": "$hash", "failed_attempts": 1, "lockout_until_unix_s": 0}}
JSON
chown kiosk:kiosk /var/lib/buurtkaart/kiosk.json; chmod 0600 /var/lib/buurtkaart/kiosk.json
echo '{"kiosk_id": "dpkg-test-7"}' >/etc/buurtkaart/kiosk.d/50-test.json
echo cached >/var/cache/buurtkaart/marker; chown kiosk:kiosk /var/cache/buurtkaart/marker
sed -i 's/^ROTATION=normal/ROTATION=left/' /etc/buurtkaart/display.conf   # a local conffile edit

# ---- upgrade (same version again runs the upgrade paths of the scripts) ------------------------
dpkg -i --force-confold "$KIOSK_DEB" "$WIJK_DEB" >>"$PKG_DIR/dpkg-i.log" 2>&1 || { cat "$PKG_DIR/dpkg-i.log"; fail "reinstall"; }
grep -q "$hash" /var/lib/buurtkaart/kiosk.json || fail "the upgrade lost the PIN hash"
[ -f /var/cache/buurtkaart/marker ] || fail "the upgrade emptied the cache"
grep -q '^ROTATION=left' /etc/buurtkaart/display.conf || fail "the upgrade replaced the edited display.conf"
expect_stat /var/lib/buurtkaart kiosk:kiosk 750
pass "upgrade keeps settings, PIN, cache and the edited conffile"

# The kiosk starts as the kiosk user (screenshot mode: no display here) and migrates its settings.
cd /var/lib/buurtkaart
runuser -u kiosk -- env HOME=/var/lib/buurtkaart XDG_CACHE_HOME=/var/cache/buurtkaart SDL_VIDEODRIVER=dummy \
    /usr/bin/buurtkaart-kiosk --config /var/lib/buurtkaart/kiosk.json --screenshot /var/cache/buurtkaart/shot.png \
    --size 1024x768 >"$PKG_DIR/kiosk-run.log" 2>&1 || { cat "$PKG_DIR/kiosk-run.log"; fail "installed kiosk as user kiosk"; }
cd /
grep -q 'migrated from version 1 to 2' "$PKG_DIR/kiosk-run.log" || { cat "$PKG_DIR/kiosk-run.log"; fail "settings not migrated"; }
grep -q 'drop-in /etc/buurtkaart/kiosk.d/50-test.json applied' "$PKG_DIR/kiosk-run.log" || fail "drop-in not applied"
grep -q '"version": 2' /var/lib/buurtkaart/kiosk.json || fail "kiosk.json not at version 2"
grep -q "$hash" /var/lib/buurtkaart/kiosk.json || fail "migration lost the PIN hash"
grep -q '"language": "pl"' /var/lib/buurtkaart/kiosk.json || fail "migration lost the language"
expect_stat /var/lib/buurtkaart/kiosk.json kiosk:kiosk 600
pass "installed kiosk ran as user kiosk, applied the drop-in, migrated kiosk.json 1 -> 2 keeping the PIN"
[ "$(/usr/libexec/buurtkaart/kiosk-display mode 2>/dev/null | cut -d' ' -f1)" = x11 ] ||
    fail "kiosk-display with ROTATION=left should choose x11"
pass "installed kiosk-display reads /etc/buurtkaart/display.conf (ROTATION=left -> x11)"

# The X cookie for X11 mode: readable by the kiosk group only, in a folder the kiosk user can enter
# (X clients only read it; -i: xauth itself would try to lock it).
xdir=$(mktemp -d /run/buurtkaart-xorg-test.XXXXXX); chmod 0750 "$xdir"
/usr/libexec/buurtkaart/kiosk-display xauth "$xdir/Xauthority" || fail "kiosk-display xauth"
expect_stat "$xdir/Xauthority" root:kiosk 640
expect_stat "$xdir" root:kiosk 750
runuser -u kiosk -- xauth -i -f "$xdir/Xauthority" list 2>/dev/null | grep -q 'MIT-MAGIC-COOKIE-1' || fail "the kiosk user cannot read the cookie"
rm -rf "$xdir"
pass "kiosk-display xauth: cookie root:kiosk 0640, readable by the kiosk user"

# ---- remove keeps data, purge removes everything --------------------------------------------------
dpkg --remove buurtkaart-kiosk wijkagenda >/dev/null
[ -f /var/lib/buurtkaart/kiosk.json ] || fail "remove (not purge) deleted the settings"
pass "dpkg --remove keeps settings"
dpkg --purge buurtkaart-kiosk wijkagenda >/dev/null
trap - EXIT
left=()
for p in /var/lib/buurtkaart /var/cache/buurtkaart /etc/buurtkaart /usr/share/buurtkaart /usr/lib/buurtkaart \
         /usr/libexec/buurtkaart /usr/bin/buurtkaart-kiosk /usr/bin/wijkagenda /usr/bin/feedcheck \
         /var/lib/wijkagenda /srv/wijkagenda /etc/wijkagenda /etc/nginx/sites-available/wijkagenda \
         /usr/share/wijkagenda /usr/share/doc/buurtkaart-kiosk /usr/share/doc/wijkagenda \
         /etc/systemd/system/multi-user.target.wants/buurtkaart-kiosk.service \
         /etc/systemd/system/timers.target.wants/wijkagenda-build.timer \
         /etc/systemd/system/buurtkaart-kiosk.service /etc/systemd/system/wijkagenda-build.timer \
         /var/lib/systemd/deb-systemd-helper-enabled/buurtkaart-kiosk.service.dsh-also \
         /var/lib/systemd/deb-systemd-helper-enabled/wijkagenda-build.timer.dsh-also \
         /var/lib/systemd/deb-systemd-helper-masked/buurtkaart-kiosk.service \
         /var/lib/systemd/deb-systemd-helper-masked/wijkagenda-build.timer; do
    [ -e "$p" ] || [ -L "$p" ] && left+=("$p")
done
for n in kiosk wijkagenda; do
    getent passwd "$n" >/dev/null && left+=("user $n")
    getent group "$n" >/dev/null && left+=("group $n")
done
((${#left[@]} == 0)) || fail "left after purge: ${left[*]}"
dpkg-query -W buurtkaart-kiosk 2>/dev/null | grep -q . && [ "$(dpkg-query -W -f='${db:Status-Status}' buurtkaart-kiosk)" != not-installed ] &&
    fail "dpkg still knows buurtkaart-kiosk"
pass "purge left nothing: files, directories, unit links, deb-systemd-helper state, users and groups"
