#include "kiosk/kiosk_session.hpp"

#include <atomic>
#include <csignal>
#include <cstdio>

#include "data/feed_check.hpp"
#include "kiosk/host/watchdog.hpp"
#include "kiosk/x11_window_guard.hpp"

namespace bk::kiosk {
namespace {
// SIGTERM (systemd stopping the service) always ends the app, also in kiosk mode (KioskGuard:
// system_signal); SIGINT behaves like closing the window (ignored in kiosk mode). SDL's own
// handlers would turn both into SDL_QUIT, so the kiosk installs these instead.
std::atomic<int> g_signal{0};
extern "C" void on_signal(int sig) {
    g_signal.store(sig);  // only an atomic store: async-signal-safe; the loop wakes at least once a second
}
}  // namespace

std::expected<std::unique_ptr<KioskSession>, std::string> KioskSession::create(const CliOptions& options,
                                                                               bool headless) {
    std::unique_ptr<KioskSession> s(new KioskSession());
    AppConfig app_config = options.app;
    if (options.start_screen == "arabic") {  // the agenda in Arabic: right-to-left layout check
        app_config.language = "ar";
        app_config.language_given = true;
    }
    app_config.wake = [] { SdlPlatform::push_wake(); };  // safe before the platform exists (no-op then)
    s->app_ = std::make_unique<App>(app_config);
    PlatformOptions p{.width_px = options.width_px,
                      .height_px = options.height_px,
                      .fullscreen = options.app.fullscreen && !headless,
                      .hidden = headless,
                      .software_renderer = headless,
                      .renderer = options.renderer};
    auto platform = SdlPlatform::create(p);
    if (!platform) return std::unexpected(platform.error());
    s->platform_ = std::move(*platform);
    if (headless) SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);  // nothing left over from an earlier session
    s->app_->attach(*s->platform_);
    const std::string& scr = options.start_screen;
    if (scr == "agenda" || scr == "arabic") s->app_->open(Screen::Agenda);
    else if (scr == "nearby") s->app_->open(Screen::Nearby);
    else if (scr == "pin") s->app_->open(Screen::Pin);
    else if (scr == "host") s->app_->open(Screen::HostSettings);  // development: the host screen without PIN
    else if (scr.rfind("venue:", 0) == 0) s->app_->open(Screen::Venue, scr.substr(6));
    return s;
}

KioskSession::~KioskSession() {
    if (app_) app_->detach();  // textures die before the renderer
    platform_.reset();  // backends shut down while the ImGui context still exists
    app_.reset();
}

void KioskSession::draw(SteadyTime now) {
    platform_->new_frame();
    app_->frame(static_cast<float>(platform_->width_px()), static_cast<float>(platform_->height_px()), now);
    platform_->render_without_present(&app_->map_frame());
}

void KioskSession::step_blocking() {
    const bool any = platform_->pump_events(app_->wait_timeout_ms(std::chrono::steady_clock::now()),
                                            [&](const InputEvent& e) { app_->handle(e); });
    draw_if_due(any, std::chrono::steady_clock::now());
}

bool KioskSession::step_on_demand(SteadyTime now) {
    const bool any = platform_->pump_events(0, [&](const InputEvent& e) { app_->handle(e); });
    return draw_if_due(any, now);
}

// Render on demand: a wake-up without events redraws only when something is due (input still
// settling, clock minute, idle timers, loading). The loop still wakes every second for the watchdog.
bool KioskSession::draw_if_due(bool had_events, SteadyTime now) {
    if (!had_events && !app_->frame_due(now)) return false;
    draw(now);
    platform_->present();
    return true;
}

void KioskSession::step(SteadyTime now) {
    platform_->pump_events(0, [&](const InputEvent& e) { app_->handle(e); });
    draw(now);
}

std::expected<RgbaImage, std::string> render_screenshot(const CliOptions& options) {
    auto session = KioskSession::create(options, /*headless=*/true);
    if (!session) return std::unexpected(session.error());
    // Fixed 1/30 s steps from a fixed origin so every run draws the same frames.
    SteadyTime t{std::chrono::seconds(1000)};
    const int cap = options.frames > 0 ? options.frames : 120;
    for (int i = 0; i < cap; ++i) {
        (*session)->step(t);
        (*session)->app().wait_for_tiles(std::chrono::milliseconds(100));  // tile workers, not frame speed, decide
        t += std::chrono::milliseconds(33);
        if (options.frames == 0 && i >= 2 && (*session)->app().map_complete() &&
            (*session)->app().wait_timeout_ms(t) > 0) {
            // one more frame so everything loaded in the last one is drawn settled
            (*session)->step(t);
            break;
        }
    }
    return (*session)->read_pixels();
}

int run_screenshot(const CliOptions& options) {
    auto image = render_screenshot(options);
    if (!image) {
        std::fprintf(stderr, "kiosk: screenshot failed: %s\n", image.error().c_str());
        return 1;
    }
    if (auto ok = write_png(*image, options.screenshot_path); !ok) {
        std::fprintf(stderr, "kiosk: %s\n", ok.error().c_str());
        return 1;
    }
    std::printf("kiosk: wrote %s (%dx%d)\n", options.screenshot_path.c_str(), image->width_px, image->height_px);
    return 0;
}

int run_app(int argc, char** argv) {
    const auto process_start = std::chrono::steady_clock::now();
    std::vector<std::string> args(argv + 1, argv + argc);
    auto options = parse_cli(args);
    if (!options) {
        std::fprintf(stderr, "kiosk: %s\n", options.error().c_str());
        return 2;
    }
    if (options->help) {
        std::printf("%s", cli_usage().c_str());
        return 0;
    }
    if (!options->validate_path.empty()) {
        // The data helper's validator: summary on stdout, exit 0 when the feed is usable.
        const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
        const auto report = data::check_feed_source(options->validate_path, now);
        std::printf("%s", data::format_check_report(report).c_str());
        return report.ok() ? 0 : 1;
    }
    if (!options->screenshot_path.empty()) return run_screenshot(*options);
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    std::signal(SIGTERM, on_signal);
    std::signal(SIGINT, on_signal);
    auto session = KioskSession::create(*options);
    if (!session) {
        std::fprintf(stderr, "kiosk: %s\n", session.error().c_str());
        return 1;
    }
    // systemd: READY once the first frame is up, then WATCHDOG pings from the main loop (the loop
    // wakes at least once a second, so a hung loop stops the pings and systemd restarts us).
    host::Watchdog watchdog;
    (*session)->step_blocking();
    std::string service_status = (*session)->app().service_status();
    watchdog.ready(service_status);
    const RendererChoice& rc = (*session)->platform().renderer_choice();
    std::fprintf(stderr, "kiosk: renderer %s (%s), %dx%d%s\n", rc.name.c_str(), rc.reason.c_str(),
                 (*session)->platform().width_px(), (*session)->platform().height_px(),
                 options->app.fullscreen ? " full screen" : "");
    bool map_logged = false;
    while (!(*session)->app().quit_requested()) {
        if (x11_window_lost()) {
            std::fprintf(stderr, "kiosk: the window was destroyed by another X client; exiting (code %d) so that "
                                 "systemd starts a fresh kiosk\n", kExitWindowLost);
            watchdog.stopping();
            return kExitWindowLost;
        }
        if (const int sig = g_signal.exchange(0); sig == SIGTERM) {
            break;
        } else if (sig == SIGINT) {
            (*session)->app().handle({.kind = InputKind::QuitRequest});
        }
        (*session)->step_blocking();
        watchdog.tick(std::chrono::steady_clock::now());
        if (!map_logged && (*session)->app().map_complete()) {
            map_logged = true;
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                                  process_start)
                                .count();
            std::fprintf(stderr, "kiosk: first full map after %lld ms (%lld frames)\n", static_cast<long long>(ms),
                         (*session)->app().frames_drawn());
        }
        // systemctl status shows what the kiosk is doing (only changes are sent).
        if (std::string st = (*session)->app().service_status(); st != service_status) {
            service_status = st;
            watchdog.status(st);
        }
    }
    watchdog.stopping();
    return 0;
}

}  // namespace bk::kiosk
