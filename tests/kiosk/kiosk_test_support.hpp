// Shared helpers for kiosk tests: fixed options (clock, data, tiles, size) and synthetic SDL input.
// Fixed "now": Tuesday 2026-11-24 10:30 Europe/Amsterdam (09:30 UTC), sample feed, offline tiles.
#pragma once
#include <SDL.h>

#include <chrono>
#include <string>

#include "kiosk/cli_options.hpp"
#include "kiosk/kiosk_session.hpp"

namespace bk::kiosk::test {

std::chrono::system_clock::time_point fixed_now();
CliOptions fixed_options(int width_px = 1280, int height_px = 800, const std::string& screen = "map");
bool offline_tiles_available();

// A monotonic time line for scripted sessions: every step advances it by `frame`.
struct FakeTime {
    SteadyTime now{std::chrono::seconds(1000)};
    std::chrono::milliseconds frame{33};
    SteadyTime advance() { return now += frame; }
};

// Synthetic touch (normalised by the window size, as SDL does) and mouse events via SDL_PushEvent.
void push_finger(Uint32 type, SDL_FingerID finger, float x_px, float y_px, int w_px, int h_px);
void push_mouse_button(Uint32 type, int x_px, int y_px);
void push_quit();
void push_window_close(SDL_Window* window);
// Taps at (x, y) with finger 1 and runs frames until the input is consumed.
void tap(KioskSession& s, FakeTime& t, float x_px, float y_px);
void run_frames(KioskSession& s, FakeTime& t, int frames);

}  // namespace bk::kiosk::test
