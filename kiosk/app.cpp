// [SECTION] construction  [SECTION] input  [SECTION] frame  [SECTION] map  [SECTION] chrome
#include "kiosk/app.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "kiosk/app_state.hpp"
#include "kiosk/tile_layer.hpp"

namespace bk::kiosk {

// [SECTION] construction ----------------------------------------------------------------------

App::App(AppConfig config) : config_(std::move(config)), state_(std::make_unique<AppState>()) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk keeps no window layout file
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_IsTouchScreen;
    io.ConfigInputTextCursorBlink = false;
    io.MouseDoubleClickTime = 0.35f;
    theme_.load_fonts();
    theme_.apply(false, false);
    camera_.look_at(config_.start_lon_deg, config_.start_lat_deg, config_.start_zoom);
}

App::~App() {
    tiles_.reset();  // textures go back to the store before the context disappears
    ImGui::DestroyContext();
}

void App::attach(TextureStore& textures) {
    textures_ = &textures;
    tiles_ = std::make_unique<TileLayer>(textures, config_.offline_tiles_dir);
}

Screen App::screen() const { return state_->screen; }

void App::open(Screen screen, const std::string& venue_id) {
    state_->screen = screen;
    state_->venue_id = venue_id;
}

bool App::map_complete() const { return tiles_ && tiles_->complete(); }

// [SECTION] input -----------------------------------------------------------------------------

void App::handle(const InputEvent& event) { pending_.push_back(event); }

void App::apply_input(SteadyTime now) {
    ImGuiIO& io = ImGui::GetIO();
    AppState& s = *state_;
    // Feed events to ImGui one button transition per frame: ImGui 1.86 reads mouse state once per
    // frame, so a tap whose down and up arrive together would otherwise be lost.
    while (!pending_.empty()) {
        const InputEvent e = pending_.front();
        if (e.kind == InputKind::QuitRequest || e.kind == InputKind::Escape) {
            pending_.pop_front();
            if (!config_.kiosk_mode && e.kind == InputKind::QuitRequest) quit_ = true;
            if (e.kind == InputKind::Escape && !config_.kiosk_mode) s.screen = Screen::Map;
            continue;
        }
        if (e.kind == InputKind::Wheel) {
            pending_.pop_front();
            camera_.zoom_about(e.wheel_steps * 0.5, e.x_px, e.y_px);
            continue;
        }
        const bool is_ui_pointer = !s.ui_pointer || *s.ui_pointer == e.pointer_id;
        if (is_ui_pointer) {
            if (e.kind == InputKind::PointerDown) {
                if (s.ui_button_changed) break;  // next frame
                s.ui_pointer = e.pointer_id;
                s.ui_down = true;
                s.ui_button_changed = true;
            } else if (e.kind == InputKind::PointerUp) {
                if (s.ui_button_changed) break;
                s.ui_down = false;
                s.ui_pointer.reset();
                s.ui_button_changed = true;
            }
            s.ui_pos = ImVec2(e.x_px, e.y_px);
        }
        pending_.pop_front();
        s.last_input = now;
        map_pointer(e, now);
    }
    io.MousePos = s.ui_pos;
    io.MouseDown[0] = s.ui_down;
    for (int i = 1; i < 5; ++i) io.MouseDown[i] = false;
    io.MouseWheel = 0;
    s.ui_button_changed = false;
}

bool AppState::over_ui(ImVec2 p) const {
    for (const auto& [a, b] : ui_rects)
        if (p.x >= a.x && p.y >= a.y && p.x < b.x && p.y < b.y) return true;
    return false;
}

void App::map_pointer(const InputEvent& e, SteadyTime now) {
    AppState& s = *state_;
    const ImVec2 p(e.x_px, e.y_px);
    auto& pointers = s.map_pointers;
    if (e.kind == InputKind::PointerDown) {
        if (s.over_ui(p) || pointers.size() >= 2) return;
        pointers[e.pointer_id] = MapPointer{p, p, now};
        s.gesture_moved = pointers.size() > 1;  // a second finger makes it a pinch, never a tap
        s.pinch_start_distance = -1;
        return;
    }
    auto it = pointers.find(e.pointer_id);
    if (it == pointers.end()) return;
    if (e.kind == InputKind::PointerMove) {
        const ImVec2 before = it->second.pos;
        it->second.pos = p;
        if (std::hypot(p.x - it->second.start.x, p.y - it->second.start.y) > 14.0f) s.gesture_moved = true;
        if (pointers.size() == 1) {
            if (s.gesture_moved) camera_.pan_by_px(p.x - before.x, p.y - before.y);
        } else if (pointers.size() == 2) {
            auto a = pointers.begin()->second.pos;
            auto b = std::next(pointers.begin())->second.pos;
            // Previous positions: this pointer before the move, the other unchanged.
            ImVec2 pa = pointers.begin()->first == e.pointer_id ? before : a;
            ImVec2 pb = std::next(pointers.begin())->first == e.pointer_id ? before : b;
            const float d_now = std::hypot(a.x - b.x, a.y - b.y);
            const float d_before = std::hypot(pa.x - pb.x, pa.y - pb.y);
            const ImVec2 mid((a.x + b.x) / 2, (a.y + b.y) / 2), mid_before((pa.x + pb.x) / 2, (pa.y + pb.y) / 2);
            camera_.pan_by_px(mid.x - mid_before.x, mid.y - mid_before.y);
            if (d_before > 1.0f && d_now > 1.0f) camera_.zoom_about(std::log2(d_now / d_before), mid.x, mid.y);
        }
        return;
    }
    // PointerUp
    const MapPointer ended = it->second;
    pointers.erase(it);
    if (!pointers.empty() || s.gesture_moved) return;
    const double held_s = std::chrono::duration<double>(now - ended.down_time).count();
    if (held_s > 0.6) return;  // a long press is no tap
    const double since_last_tap = std::chrono::duration<double>(now - s.last_tap_time).count();
    if (since_last_tap < 0.35 && std::hypot(p.x - s.last_tap_pos.x, p.y - s.last_tap_pos.y) < 40.0f) {
        camera_.zoom_about(1.0, p.x, p.y);  // double tap zooms in
        s.last_tap_time = {};
        return;
    }
    s.last_tap_time = now;
    s.last_tap_pos = p;
    s.pending_tap = p;
}

// [SECTION] frame -----------------------------------------------------------------------------

int App::wait_timeout_ms(SteadyTime /*now*/) const {
    if (!pending_.empty() || animating_) return 0;
    if (tiles_ && tiles_->has_tiles() && !tiles_->complete()) return 0;
    return 1000;  // the clock in the status line changes once a minute; a second is plenty
}

void App::frame(float width_px, float height_px, SteadyTime now) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(width_px, height_px);
    const double dt = state_->last_frame.time_since_epoch().count() == 0
                          ? 1.0 / 60.0
                          : std::chrono::duration<double>(now - state_->last_frame).count();
    io.DeltaTime = static_cast<float>(std::clamp(dt, 1e-4, 0.5));
    state_->last_frame = now;
    theme_.apply(state_->large_text, state_->high_contrast);
    apply_input(now);
    io.FontGlobalScale = 1.0f;
    ImGui::NewFrame();
    state_->ui_rects.clear();
    ImGui::PushFont(theme_.body());
    draw_map(width_px, height_px, now);
    draw_top_bar(width_px);
    draw_attribution(width_px, height_px);
    ImGui::PopFont();
    ImGui::Render();
}

// [SECTION] map -------------------------------------------------------------------------------

void App::draw_map(float w, float h, SteadyTime /*now*/) {
    const float top = state_->top_bar_h;
    camera_.set_screen(0, top, w, h - top);
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    dl->AddRectFilled(ImVec2(0, top), ImVec2(w, h), theme_.palette().map_backdrop);
    if (tiles_) tiles_->draw(camera_, dl, 8);
    state_->pending_tap.reset();
}

// [SECTION] chrome ----------------------------------------------------------------------------

void App::draw_top_bar(float w) {
    const Palette& pal = theme_.palette();
    const float h = 76.0f * theme_.scale();
    state_->top_bar_h = h;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(w, h), pal.background);
    dl->AddLine(ImVec2(0, h - 1), ImVec2(w, h - 1), pal.panel_border, 2.0f);
    ImGui::PushFont(theme_.title());
    dl->AddText(ImVec2(24, (h - ImGui::GetFontSize()) / 2), pal.text, "Buurtkaart Delfshaven");
    ImGui::PopFont();
}

void App::draw_attribution(float w, float h) {
    const char* text = "\xC2\xA9 OpenStreetMap-bijdragers";
    ImGui::PushFont(theme_.small());
    const ImVec2 size = ImGui::CalcTextSize(text);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImVec2 p0(w - size.x - 20, h - size.y - 12);
    dl->AddRectFilled(ImVec2(p0.x - 10, p0.y - 4), ImVec2(w, h), IM_COL32(255, 255, 255, 215), 10.0f,
                      ImDrawFlags_RoundCornersTopLeft);
    dl->AddText(p0, IM_COL32(40, 40, 40, 255), text);
    ImGui::PopFont();
}

}  // namespace bk::kiosk
