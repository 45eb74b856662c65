// X11 window guard — another X client destroying the kiosk's window (`xdotool windowclose`, a stray
// script) must not kill the process with Xlib's default "BadWindow" handler (exit code 1, no word
// in the journal). The guard installs an Xlib error handler that notes a BadWindow/BadDrawable for
// our window and returns; the main loop sees window_lost(), logs why and exits with kExitWindowLost
// so systemd (Restart=always) starts a fresh kiosk with a fresh window. Other errors go to the
// previous handler (SDL's safety net). No-op on other video drivers (KMS/DRM, Wayland, dummy).
// Thread: main thread (Xlib calls the handler on the thread that made the failing request).
#pragma once
#include <SDL.h>

namespace bk::kiosk {

inline constexpr int kExitWindowLost = 75;  // EX_TEMPFAIL: "try again", systemd restarts the unit

void install_x11_window_guard(SDL_Window* window);
bool x11_window_lost();

}  // namespace bk::kiosk
