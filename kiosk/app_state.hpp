// AppState / HostState — the UI core's mutable state. Private to App's files; main thread only.
#pragma once
#include <imgui.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "data/feed_updater.hpp"
#include "data/query.hpp"
#include "kiosk/app_config.hpp"
#include "kiosk/host/host_gesture.hpp"
#include "kiosk/host/idle_policy.hpp"
#include "kiosk/host/night_hours.hpp"
#include "kiosk/host/pin.hpp"
#include "kiosk/host/qr_code.hpp"
#include "kiosk/host/settings.hpp"
#include "kiosk/feed_model.hpp"
#include "kiosk/now_strip.hpp"
#include "kiosk/widgets.hpp"

namespace bk::kiosk {

struct MapPointer {
    ImVec2 start;
    ImVec2 pos;
    std::chrono::steady_clock::time_point down_time;
};

enum class AgendaTab { Now, Soon, Today, Week };

// Where things go on this screen (computed at the start of each frame from its size).
// Landscape: the now/next strip is a column on the reading-end side, panels open over it.
// Portrait: the strip is a band under the top bar, panels are bottom sheets under the map.
struct ScreenLayout {
    bool portrait = false;
    float w = 0, h = 0;
    float top = 0;            // below the top bar
    ImVec2 strip_pos{0, 0};
    float strip_w = 0;        // landscape: column width; portrait: full width
    float strip_h = 0;        // portrait: the band's height last drawn (0 = not yet)
    float sheet_top = 0;      // portrait: where bottom sheets begin
    float buttons_h = 0;      // the map buttons alone
    float bottom_h = 0;       // the map buttons (+ legend rows) band at the bottom of the map
    float legend_w = 0;       // landscape: the legend column on the map's outer edge (0 = none)
    bool legend_rows = false;   // portrait: legend rows above the map buttons
    bool legend_toggle = false; // too short for either: a "Legenda" button shows the rows on demand
};

struct AppState {
    Screen screen = Screen::Map;
    std::string venue_id;
    bool large_text = false;
    bool high_contrast = false;
    float top_bar_h = 76.0f;
    bool language_popup = false;

    // Agenda.
    AgendaTab agenda_tab = AgendaTab::Today;
    data::Filter filter;
    bool filters_open = false;
    bool keyboard_open = false;
    OnScreenKeyboard keyboard;

    ScreenLayout layout;
    bool legend_open = false;
    std::vector<std::uint32_t> chooser;  // venues under an ambiguous tap ("which one?")
    ImVec2 chooser_at{0, 0};  // the legend shown on demand (legend_toggle layouts)
    ImVec2 fitted_for{0, 0};  // screen size the start view was last fitted to

    // What the map shows at this minute (the visitor's filters applied): per feed venue.
    std::vector<VenueTime> venue_times;
    std::vector<std::string> venue_now_title;  // title of what is on now there ("" = nothing)
    std::vector<VenueMarker> shown_markers;    // markers that pass the filters
    NowStripView now_strip;

    // Highlight of a venue on the map (agenda tap, attract mode).
    std::string highlight_venue;
    std::chrono::steady_clock::time_point highlight_since{};

    // Input bridging (see App::apply_input).
    std::optional<std::int64_t> ui_pointer;
    ImVec2 ui_pos{-1e6f, -1e6f};
    bool ui_down = false;
    bool ui_button_changed = false;
    std::vector<std::pair<ImVec2, ImVec2>> ui_rects;       // where UI was drawn this frame
    std::vector<std::pair<ImVec2, ImVec2>> ui_rects_last;  // ... last frame (used for hit tests)
    bool over_ui(ImVec2 p) const;

    // Map gestures.
    std::map<std::int64_t, MapPointer> map_pointers;
    bool gesture_moved = false;
    std::chrono::steady_clock::time_point last_tap_time{};
    ImVec2 last_tap_pos{};
    std::optional<ImVec2> pending_tap;
    ImVec2 fling_px_per_s{0, 0};  // kinetic panning after a drag
    ImVec2 last_move_velocity{0, 0};
    std::chrono::steady_clock::time_point last_move_time{};

    std::optional<std::int64_t> swallow_pointer;  // a touch that only woke the kiosk (ignore until its up)
    bool open_pin = false;
    std::optional<data::UpdaterStatus> updater_status;
    std::string qr_text;  // QR matrix cache (make_qr is not for every frame)
    host::QrMatrix qr;

    std::chrono::steady_clock::time_point now{};
    std::chrono::steady_clock::time_point last_frame{};
    bool animating = false;
    long long drawn_minute = -1;
};

struct HostState {
    std::filesystem::path settings_path;
    host::Settings settings;
    std::optional<std::string> config_warning;  // corrupt config banner
    bool settings_fresh = true;
    host::PinGuard pin_guard;
    host::PinPad pin_pad;
    std::string pin_message;
    host::HostGesture gesture;
    host::KioskGuard guard{false};
    std::unique_ptr<host::IdlePolicy> idle;
    host::NightHours night;
    host::ScreenState screen_state{};
    std::string host_message;
    // Host screen editing.
    enum class Field { None, FeedUrl, NewPin };
    Field editing = Field::None;
    std::string edit_text;
    std::string new_pin_first;
    bool attract = false;
    std::size_t attract_index = 0;
    std::vector<std::uint32_t> attract_venues;  // "vandaag in de buurt" venues to cycle
};

}  // namespace bk::kiosk
