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
// Screens live in app_*.cpp files (map, venue/nearby panels, agenda, chrome, host).
// Limits: one App per process (Dear ImGui context is global).
#pragma once
#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "data/local_time.hpp"
#include "data/recurrence.hpp"
#include "kiosk/app_config.hpp"
#include "kiosk/feed_model.hpp"
#include "kiosk/input_event.hpp"
#include "kiosk/map_camera.hpp"
#include "kiosk/now_strip.hpp"
#include "kiosk/query_cache.hpp"
#include "kiosk/texture_store.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/ui_text.hpp"
#include "kiosk/widgets.hpp"
#include "map/tile_source_info.hpp"


namespace bk::kiosk {

class TileLayer;
class FeedLink;
struct AppState;
struct HostState;

using SteadyTime = std::chrono::steady_clock::time_point;

class App {
public:
    explicit App(AppConfig config);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    void attach(TextureStore& textures);   // before the first frame
    void detach();                         // gives every texture back; before the store goes away
    void handle(const InputEvent& event);  // queue; applied during frame()
    // One frame: applies queued input, runs timers (idle, attract, night), draws everything.
    void frame(float width_px, float height_px, SteadyTime now);
    bool quit_requested() const { return quit_; }
    // How long the main loop may sleep on events: 0 = draw again at once (animating/loading/input pending).
    int wait_timeout_ms(SteadyTime now) const;
    // After a wait without events: is a new frame needed (clock minute changed, timers due, ...)?
    bool frame_due(SteadyTime now) const;
    bool map_complete() const;  // every visible tile drawn at its own zoom
    // Screenshot mode/tests: blocks up to `timeout` until a tile worker reports (returns at once when
    // no tile is loading or results wait to be drawn).
    void wait_for_tiles(std::chrono::milliseconds timeout);

    // For tests, the screenshot mode and the benchmark.
    Screen screen() const;
    void open(Screen screen, const std::string& venue_id = {});
    std::string selected_venue() const;
    const MapCamera& camera() const { return camera_; }
    MapCamera& camera() { return camera_; }
    bool kiosk_mode() const;
    const AppConfig& config() const { return config_; }
    Theme& theme() { return theme_; }
    const FeedModel& model() const { return model_; }
    void set_feed(data::FeedPtr feed);
    void set_language(const std::string& code);
    std::string language() const;
    ImVec2 venue_screen_pos(const std::string& venue_id) const;  // where its marker is drawn
    std::size_t texture_count() const;
    bool attract_active() const;
    long long frames_drawn() const { return frames_drawn_; }
    std::string config_warning() const;  // corrupt-settings banner text ("" when none)
    std::string tile_attribution() const;
    std::string highlighted_venue() const;
    std::string search_text() const;
    std::string status_line() const { return status_text(); }  // the top bar's feed status
    const MapLayerFrame& map_frame() const { return map_frame_; }  // the platform draws it under ImGui
    // One line for systemd's STATUS= (English, for the journal): map source and feed state.
    std::string service_status() const;
    ImVec2 button_centre(const std::string& label) const { return registered_button_centre(label); }
    const NowStripView& now_strip() const;           // the start screen's Nu / Straks / Volgende
    VenueTime venue_time(const std::string& venue_id) const;  // how its marker shows the hour
    bool venue_shown(const std::string& venue_id) const;       // its marker passes the filters
    bool filters_active() const;                     // any filter or search text set
    bool portrait() const;
    std::vector<std::string> chooser_venues() const;  // the "which one?" list after an ambiguous tap
    // Audit (tests): keep every text drawn from now on; recorded_texts() lists them.
    void record_texts(bool on) { text_.record(on); }
    const std::vector<std::string>& recorded_texts() const { return text_.recorded(); }

private:
    // app.cpp
    void apply_input(SteadyTime now);
    void map_pointer(const InputEvent& e, SteadyTime now);
    void run_timers(SteadyTime now);
    void reset_to_start();
    void make_tile_layer();
    data::UtcTime wall_now() const;
    ButtonColours button_colours() const;
    ButtonColours accent_colours() const;
    ButtonColours chip_on_colours() const;
    void begin_panel(const char* id, float width_px);
    float panel_width(float w) const;
    bool panel_header(const std::string& title);  // true when its close button was pressed
    void touch_scroll();
    bool row_tapped() const;
    void end_panel();
    void focus_venue(std::uint32_t venue_index, bool open_panel, bool zoom_in = true);
    void draw_chooser();
    // Layout, start view and the time state of the map (app_map.cpp).
    void compute_layout(float w, float h);
    void look_at_start();                        // the host's start view fitted to the free map area
    std::pair<ImVec2, ImVec2> free_map_rect() const;  // the map part no strip/panel covers
    void update_time_state();                    // venue_times, shown markers, now strip (per frame)
    void clear_filters();
    void draw_now_strip();
    void draw_filter_bar();
    float legend_item_width(std::size_t group);
    std::vector<float> map_button_widths();
    map::TileSourceInfo active_tile_source() const;  // --tiles, else the host setting
    // app_map.cpp
    void draw_map(float w, float h);
    void draw_markers(ImDrawList* dl);
    void draw_legend_and_buttons(float w, float h);
    void handle_map_tap(ImVec2 p);
    // app_chrome.cpp
    void draw_top_bar(float w);
    void draw_language_popup(float w, float h);
    void draw_attribution(float w, float h);
    void draw_overlays(float w, float h);
    std::string status_text() const;
    // app_venue.cpp
    void draw_venue_panel(float w, float h);
    void draw_occurrence_row(const data::Occurrence& o, bool show_venue, bool show_day, int index);
    void draw_qr(const std::string& text, float size_px);
    void draw_nearby_panel(float w, float h);
    // app_agenda.cpp
    void draw_agenda_panel(float w, float h);
    void draw_keyboard(float w, float h);
    // app_host.cpp
    void draw_pin_screen(float w, float h);
    void draw_host_screen(float w, float h);
    void init_host();
    void apply_settings();
    void make_feed_link();
    void log_event(const std::string& topic, const std::string& text);

    AppConfig config_;
    Theme theme_;
    UiText text_;
    MapCamera camera_;
    FeedModel model_;
    QueryCache queries_;
    TextureStore* textures_ = nullptr;
    std::unique_ptr<TileLayer> tiles_;
    MapLayerFrame map_frame_;  // this frame's basemap rectangles (drawn by the platform under ImGui)
    std::unique_ptr<AppState> state_;
    std::unique_ptr<HostState> host_;
    std::unique_ptr<FeedLink> updater_;
    std::string feed_link_identity_;                       // URLs + keys the link was made for
    bool feed_link_ready_ = false;
    static constexpr int kSettleFrames = 3;  // frames drawn after the last input before sleeping
    int settle_frames_ = 0;                         // constructor has loaded the local feed
    std::map<std::string, std::string> logged_state_;      // topic -> last line logged
    std::function<void()> wake_;
    std::string active_tiles_ = "offline";
    std::deque<InputEvent> pending_;
    bool quit_ = false;
    long long frames_drawn_ = 0;
    bool animating_ = false;
};

}  // namespace bk::kiosk
