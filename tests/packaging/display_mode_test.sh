#!/usr/bin/env bash
# packaging_display_mode: kiosk-display picks KMS/DRM when a connected DRM output exists and the screen
# is not rotated, else X11; display.conf (and the environment) override; need-x gives the exit code
# the X unit's ExecCondition needs.
set -euo pipefail
kd=${1:?kiosk-display}
[ -x "$kd" ] || { echo "FAIL: $kd not executable" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# mode SYSFS CONF -> first word of "kiosk-display mode"
mode() { BUURTKAART_SYSFS=$1 BUURTKAART_DISPLAY_CONF=$2 "$kd" mode | cut -d' ' -f1; }
expect() { local got; got=$(mode "$2" "$3"); [ "$got" = "$1" ] || fail "$4: expected $1, got $got"; echo "ok: $4 -> $1"; }

mkdir -p "$tmp/kms/class/drm/card0-HDMI-A-1" "$tmp/kms/class/drm/card0-DP-1" "$tmp/nokms/class/drm/renderD128"
echo disconnected > "$tmp/kms/class/drm/card0-DP-1/status"
echo connected > "$tmp/kms/class/drm/card0-HDMI-A-1/status"
mkdir -p "$tmp/off/class/drm/card0-HDMI-A-1"; echo disconnected > "$tmp/off/class/drm/card0-HDMI-A-1/status"
printf 'DISPLAY_MODE=auto\nROTATION=normal\n' > "$tmp/auto.conf"
printf 'DISPLAY_MODE=auto\nROTATION=left\n' > "$tmp/portrait.conf"
printf 'DISPLAY_MODE=x11\n' > "$tmp/x11.conf"
printf 'DISPLAY_MODE=kmsdrm\nROTATION=right\n' > "$tmp/forced.conf"
printf 'DISPLAY_MODE=wayland\nROTATION=sideways\n' > "$tmp/bad.conf"

expect kmsdrm "$tmp/kms" "$tmp/auto.conf" "connected HDMI output with a KMS driver"
expect x11 "$tmp/nokms" "$tmp/auto.conf" "render-only GPU (no KMS connectors)"
expect x11 "$tmp/off" "$tmp/auto.conf" "KMS device but no display connected"
expect x11 "$tmp/kms" "$tmp/portrait.conf" "portrait screen (rotation needs X11)"
expect x11 "$tmp/kms" "$tmp/x11.conf" "DISPLAY_MODE=x11 overrides"
expect kmsdrm "$tmp/nokms" "$tmp/forced.conf" "DISPLAY_MODE=kmsdrm overrides (also with rotation)"
expect kmsdrm "$tmp/kms" "$tmp/missing.conf" "no config file: auto"
expect kmsdrm "$tmp/kms" "$tmp/bad.conf" "invalid values fall back to auto/normal"
BUURTKAART_SYSFS=$tmp/kms BUURTKAART_DISPLAY_CONF=$tmp/bad.conf "$kd" mode 2>"$tmp/err" >/dev/null
grep -q "DISPLAY_MODE='wayland'" "$tmp/err" || fail "no warning naming DISPLAY_MODE='wayland'"
grep -q "ROTATION='sideways'" "$tmp/err" || fail "no warning naming ROTATION='sideways'"
echo "ok: invalid values are named on stderr"
[ "$(BUURTKAART_SYSFS=$tmp/kms BUURTKAART_DISPLAY_CONF=$tmp/auto.conf BUURTKAART_DISPLAY_MODE=x11 "$kd" mode | cut -d' ' -f1)" = x11 ] ||
    fail "BUURTKAART_DISPLAY_MODE does not override"

# need-x: exit 0 only in x11 mode (ExecCondition: 1 skips the X server unit).
BUURTKAART_SYSFS=$tmp/nokms BUURTKAART_DISPLAY_CONF=$tmp/auto.conf "$kd" need-x 2>/dev/null || fail "need-x should exit 0 for x11"
set +e
BUURTKAART_SYSFS=$tmp/kms BUURTKAART_DISPLAY_CONF=$tmp/auto.conf "$kd" need-x 2>/dev/null; rc=$?
"$kd" frobnicate 2>/dev/null; bad=$?
set -e
[ "$rc" = 1 ] || fail "need-x in kmsdrm mode: expected exit 1, got $rc"
[ "$bad" = 2 ] || fail "unknown command: expected exit 2, got $bad"
echo "ok: need-x exit codes (0 x11, 1 kmsdrm), unknown command 2"
