// App — the kiosk's UI core: state, screens, input handling, one frame of drawing with Dear ImGui.
// It never sees SDL: the platform glue hands it InputEvents and a TextureStore, then renders ImGui's
// draw data. Time is injected (wall clock for the agenda, monotonic for gestures/idle) so tests and
// goldens are stable.
// Usage (main thread):
//   App app(config);                                  // creates the ImGui context and fonts
//   auto platform = SdlPlatform::create(...);         // SDL backends bind to that context
//   app.attach(*platform);
//   loop: platform->pump_events(app.wait_timeout_ms(now), [&](auto& e){ app.handle(e); });
//         platform->new_frame(); app.frame(w, h, now); platform->render();  until app.quit_requested()
// Limits: one App per process (Dear ImGui context is global).
#pragma once
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/app_config.hpp"
#include "kiosk/input_event.hpp"
#include "kiosk/map_camera.hpp"
#include "kiosk/texture_store.hpp"
#include "kiosk/theme.hpp"

namespace bk::kiosk {

class TileLayer;
struct AppState;

using SteadyTime = std::chrono::steady_clock::time_point;

class App {
public:
    explicit App(AppConfig config);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    void attach(TextureStore& textures);  // before the first frame
    void handle(const InputEvent& event);  // queue; applied during frame()
    // One frame: applies queued input, runs timers (idle, attract, night), draws everything.
    void frame(float width_px, float height_px, SteadyTime now);
    bool quit_requested() const { return quit_; }
    // How long the main loop may sleep on events: 0 = draw again at once (animating/loading/input pending).
    int wait_timeout_ms(SteadyTime now) const;
    bool map_complete() const;  // every visible tile drawn at its own zoom

    // For tests and the screenshot mode.
    Screen screen() const;
    void open(Screen screen, const std::string& venue_id = {});
    const MapCamera& camera() const { return camera_; }
    MapCamera& camera() { return camera_; }
    const AppConfig& config() const { return config_; }
    Theme& theme() { return theme_; }

private:
    void apply_input(SteadyTime now);
    void draw_map(float w, float h, SteadyTime now);
    void draw_top_bar(float w);
    void draw_attribution(float w, float h);
    void map_pointer(const InputEvent& e, SteadyTime now);

    AppConfig config_;
    Theme theme_;
    MapCamera camera_;
    TextureStore* textures_ = nullptr;
    std::unique_ptr<TileLayer> tiles_;
    std::unique_ptr<AppState> state_;
    std::deque<InputEvent> pending_;
    bool quit_ = false;
    bool animating_ = false;
};

}  // namespace bk::kiosk
