// AppState — the UI core's mutable state (screen, selection, pointers, toggles). Private to App's
// files; main thread only.
#pragma once
#include <imgui.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/app_config.hpp"

namespace bk::kiosk {

struct MapPointer {
    ImVec2 start;
    ImVec2 pos;
    std::chrono::steady_clock::time_point down_time;
};

struct AppState {
    Screen screen = Screen::Map;
    std::string venue_id;
    bool large_text = false;
    bool high_contrast = false;
    float top_bar_h = 76.0f;

    // Input bridging (see App::apply_input).
    std::optional<std::int64_t> ui_pointer;
    ImVec2 ui_pos{-1e6f, -1e6f};
    bool ui_down = false;
    bool ui_button_changed = false;
    std::vector<std::pair<ImVec2, ImVec2>> ui_rects;  // where ImGui windows were drawn last frame
    bool over_ui(ImVec2 p) const;

    // Map gestures.
    std::map<std::int64_t, MapPointer> map_pointers;
    bool gesture_moved = false;
    float pinch_start_distance = -1;
    std::chrono::steady_clock::time_point last_tap_time{};
    ImVec2 last_tap_pos{};
    std::optional<ImVec2> pending_tap;

    std::chrono::steady_clock::time_point last_input{};
    std::chrono::steady_clock::time_point last_frame{};
};

}  // namespace bk::kiosk
