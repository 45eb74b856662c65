#include "kiosk_test_support.hpp"

#include <unistd.h>

#include <filesystem>

namespace bk::kiosk::test {

std::chrono::system_clock::time_point fixed_now() {
    using namespace std::chrono;
    return sys_days{year{2026} / November / 24} + hours{9} + minutes{30};  // 10:30 CET
}

CliOptions fixed_options(int width_px, int height_px, const std::string& screen) {
    CliOptions o = parse_cli({}).value();
    o.width_px = width_px;
    o.height_px = height_px;
    o.start_screen = screen;
    o.app.wall_clock = [] { return fixed_now(); };
    o.app.tiles = "offline";
    o.app.feed = find_sample_feed();
    // A fresh settings file per process (kiosk_tests and kiosk_monkey may run in parallel); removed
    // here so a host screen that saved settings in an earlier case never leaks into the next one.
    o.app.config_path = std::string(BUURTKAART_BINARY_DIR) + "/tests/kiosk/settings-" +
                        std::to_string(::getpid()) + ".json";
    std::error_code ec;
    std::filesystem::remove(o.app.config_path, ec);
    std::filesystem::remove(o.app.config_path + ".feed-cache.json", ec);
    std::filesystem::remove(o.app.config_path + ".feed-cache.json.meta.json", ec);
    return o;
}

bool offline_tiles_available() {
    std::error_code ec;
    return std::filesystem::exists(find_offline_tiles_dir() + "/15", ec);
}

void push_finger(Uint32 type, SDL_FingerID finger, float x_px, float y_px, int w_px, int h_px) {
    SDL_Event e{};
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = finger;
    e.tfinger.x = x_px / static_cast<float>(w_px);
    e.tfinger.y = y_px / static_cast<float>(h_px);
    e.tfinger.pressure = 1.0f;
    SDL_PushEvent(&e);
}

void push_mouse_button(Uint32 type, int x_px, int y_px) {
    SDL_Event e{};
    e.type = type;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.button.which = 0;
    e.button.x = x_px;
    e.button.y = y_px;
    SDL_PushEvent(&e);
}

void push_quit() {
    SDL_Event e{};
    e.type = SDL_QUIT;
    SDL_PushEvent(&e);
}

void push_window_close(SDL_Window* window) {
    SDL_Event e{};
    e.type = SDL_WINDOWEVENT;
    e.window.event = SDL_WINDOWEVENT_CLOSE;
    e.window.windowID = SDL_GetWindowID(window);
    SDL_PushEvent(&e);
}

void run_frames(KioskSession& s, FakeTime& t, int frames) {
    for (int i = 0; i < frames; ++i) s.step(t.advance());
}

void tap(KioskSession& s, FakeTime& t, float x_px, float y_px) {
    const int w = s.platform().width_px(), h = s.platform().height_px();
    push_finger(SDL_FINGERDOWN, 1, x_px, y_px, w, h);
    s.step(t.advance());
    push_finger(SDL_FINGERUP, 1, x_px, y_px, w, h);
    run_frames(s, t, 3);
}

}  // namespace bk::kiosk::test
