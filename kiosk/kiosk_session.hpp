// KioskSession — an App bound to a real SdlPlatform: the piece the executable, the screenshot mode,
// the tests and the benchmark all drive. step() = pump events, one frame, render.
// Usage:
//   auto s = KioskSession::create(options);              // options from parse_cli()
//   while (!s->app().quit_requested()) s->step_blocking();  // the real loop (sleeps on events)
//   or: for (...) s->step(fake_now); auto img = s->read_pixels();  // headless
// Main thread only. Synthetic SDL events pushed with SDL_PushEvent are picked up by the next step.
#pragma once
#include <expected>
#include <memory>
#include <string>

#include "kiosk/app.hpp"
#include "kiosk/cli_options.hpp"
#include "kiosk/rgba_image.hpp"
#include "kiosk/sdl_platform.hpp"

namespace bk::kiosk {

class KioskSession {
public:
    static std::expected<std::unique_ptr<KioskSession>, std::string> create(const CliOptions& options,
                                                                             bool headless = false);
    ~KioskSession();

    // Waits for events up to the App's timeout (rendering on demand), then draws one frame.
    void step_blocking();
    // Polls events without waiting and draws a frame only when one is due (what step_blocking does
    // after its wait); returns whether it drew. Tests drive the render-on-demand loop with it.
    bool step_on_demand(SteadyTime now);
    // Polls events without waiting and draws one frame at the given monotonic time.
    void step(SteadyTime now);
    std::expected<RgbaImage, std::string> read_pixels() { return platform_->read_pixels(); }
    App& app() { return *app_; }
    SdlPlatform& platform() { return *platform_; }

private:
    KioskSession() = default;
    void draw(SteadyTime now);
    bool draw_if_due(bool had_events, SteadyTime now);
    std::unique_ptr<App> app_;
    std::unique_ptr<SdlPlatform> platform_;
};

// Renders the screenshot described by options (size, frames, screen) and writes it; 0 on success.
int run_screenshot(const CliOptions& options);
// Renders and returns the picture without writing it (tests).
std::expected<RgbaImage, std::string> render_screenshot(const CliOptions& options);
// The executable's entry: parses argv, then validate / screenshot / the interactive loop.
int run_app(int argc, char** argv);

}  // namespace bk::kiosk
