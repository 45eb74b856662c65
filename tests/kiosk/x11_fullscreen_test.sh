#!/usr/bin/env bash
# The kiosk as it runs on the wall: a real X server (Xvfb) WITHOUT a window manager, `--fullscreen`.
# Checks, in landscape 1920x1080 and portrait 1080x1920:
#  - the window covers the whole screen at (0,0) (no WM honours _NET_WM_STATE_FULLSCREEN here);
#  - the top bar is drawn at the top of the screen, its right end too (language, A+, contrast);
#  - the renderer choice and the first full map are logged;
#  - another X client destroying the window ends the kiosk with a journal line and exit code 75
#    (systemd restarts it), not with Xlib's BadWindow abort.
# Usage: x11_fullscreen_test.sh KIOSK_BINARY
set -euo pipefail
KIOSK=$1
for tool in Xvfb xwininfo xdotool convert; do
  command -v $tool >/dev/null || { echo "FAIL: $tool missing (.ci/install-deps installs it)"; exit 1; }
done
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

run_case() {  # display width height
  local d=$1 w=$2 h=$3
  Xvfb ":$d" -screen 0 "${w}x${h}x24" -nolisten tcp >/dev/null 2>&1 &
  PIDS+=($!)
  for _ in $(seq 100); do [ -S "/tmp/.X11-unix/X$d" ] && break; sleep 0.1; done
  local log="$WORK/kiosk-$d.log"
  env -u SDL_VIDEODRIVER DISPLAY=":$d" XDG_CONFIG_HOME="$WORK/cfg-$d" XDG_CACHE_HOME="$WORK/cache-$d" SDL_AUDIODRIVER=dummy \
    "$KIOSK" --fullscreen --config "$WORK/kiosk-$d.json" >"$log" 2>&1 &
  local kpid=$!
  PIDS+=($kpid)
  local geo=""
  for _ in $(seq 600); do
    grep -q "first full map" "$log" && break
    kill -0 $kpid 2>/dev/null || break
    sleep 0.1
  done
  geo=$(DISPLAY=":$d" xwininfo -root -tree | grep '"Buurtkaart Delfshaven"' | grep -o '[0-9]*x[0-9]*+[0-9-]*+[0-9-]*' | head -1 || true)
  [ "$geo" = "${w}x${h}+0+0" ] || fail "${w}x${h}: window geometry '$geo', expected ${w}x${h}+0+0"
  grep -q "^kiosk: renderer " "$log" || fail "${w}x${h}: no renderer line in the log"
  grep -q "^kiosk: first full map after " "$log" || fail "${w}x${h}: no 'first full map' line within 60 s"
  sleep 0.5
  DISPLAY=":$d" import -window root "$WORK/shot-$d.png"
  # The top bar: a light band at the very top whose right end holds the buttons (not flat, not black).
  local band_mean right_sd
  band_mean=$(convert "$WORK/shot-$d.png" -crop "${w}x6+0+2" +repage -format "%[fx:mean]" info:)
  right_sd=$(convert "$WORK/shot-$d.png" -crop "360x70+$((w - 360))+5" +repage -colorspace gray -format "%[fx:standard_deviation]" info:)
  awk -v m="$band_mean" 'BEGIN{exit !(m > 0.8)}' || fail "${w}x${h}: top band mean $band_mean, expected the light top bar (> 0.8)"
  awk -v s="$right_sd" 'BEGIN{exit !(s > 0.05)}' || fail "${w}x${h}: right end of the top bar is flat (sd $right_sd): buttons cut off?"
  echo "${w}x${h}: window $geo, top band mean $band_mean, right-end sd $right_sd; $(grep -h '^kiosk: renderer\|first full map' "$log" | tr '\n' ' ')"
  # Another client destroys the window.
  local win
  win=$(DISPLAY=":$d" xdotool search --name "Buurtkaart Delfshaven" | head -1)
  DISPLAY=":$d" xdotool windowclose "$win" || true
  local rc=0
  for _ in $(seq 100); do kill -0 $kpid 2>/dev/null || break; sleep 0.1; done
  wait $kpid || rc=$?
  [ "$rc" = 75 ] || fail "${w}x${h}: after the window was destroyed the kiosk exited with $rc, expected 75"
  grep -q "window was destroyed by another X client" "$log" || fail "${w}x${h}: no journal line about the destroyed window"
}

run_case 91 1920 1080
run_case 92 1080 1920
if [ "$failures" -gt 0 ]; then echo "x11 fullscreen: $failures failed"; exit 1; fi
echo "x11 fullscreen: all checks passed"
