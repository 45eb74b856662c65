// The map screen: basemap tiles, venue markers (clustered when they overlap), "U bent hier",
// highlight rings, the legend and the map buttons. Taps on markers open the venue panel.
#include <algorithm>
#include <cmath>

#include "kiosk/app.hpp"
#include "kiosk/app_state.hpp"
#include "kiosk/tile_layer.hpp"
#include "map/markers.hpp"

namespace bk::kiosk {
constexpr float kPi = 3.14159265358979f;
namespace {

constexpr float kMarkerRadiusPx = 15.0f;
constexpr float kClusterRadiusPx = 40.0f;  // markers closer than this on screen merge into a bubble
constexpr float kHitRadiusPx = 30.0f;      // >= 48 px target around a 30 px marker

struct Cluster {
    ImVec2 pos;
    std::vector<std::size_t> members;  // indexes into FeedModel::markers()
};

// bk::map::cluster_markers (greedy, bubble at the members' centroid) on the markers' screen positions.
std::vector<Cluster> cluster_markers(const std::vector<VenueMarker>& markers, const MapCamera& cam, float scale) {
    std::vector<map::ScreenPoint> px;
    px.reserve(markers.size());
    for (const VenueMarker& m : markers) {
        const ImVec2 p = cam.to_screen(m.lon_deg, m.lat_deg);
        px.push_back({p.x, p.y});
    }
    std::vector<Cluster> clusters;
    for (map::MarkerCluster& c : map::cluster_markers(px, kClusterRadiusPx * scale)) {
        clusters.push_back({ImVec2(static_cast<float>(c.center_px.x_px), static_cast<float>(c.center_px.y_px)),
                            std::move(c.members)});
    }
    return clusters;
}

}  // namespace

ImVec2 App::venue_screen_pos(const std::string& venue_id) const {
    const data::Venue* v = model_.venue(venue_id);
    if (v == nullptr) return ImVec2(-1, -1);
    return camera_.to_screen(v->location.lon_deg, v->location.lat_deg);
}

void App::draw_map(float w, float h) {
    const float top = state_->top_bar_h;
    camera_.set_screen(0, top, w, h - top);
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    // The basemap goes to the platform as whole-pixel copies (under everything ImGui draws).
    map_frame_.clip_x = 0;
    map_frame_.clip_y = static_cast<int>(top);
    map_frame_.clip_w = static_cast<int>(w);
    map_frame_.clip_h = static_cast<int>(h - top);
    map_frame_.backdrop = theme_.palette().map_backdrop;
    map_frame_.blits.clear();
    if (tiles_) tiles_->draw(camera_, map_frame_.blits, 8);
    if (theme_.high_contrast()) dl->AddRectFilled(ImVec2(0, top), ImVec2(w, h), IM_COL32(0, 0, 0, 90));
    draw_markers(dl);
    if (state_->pending_tap) handle_map_tap(*state_->pending_tap);
}

void App::draw_markers(ImDrawList* dl) {
    AppState& s = *state_;
    const Palette& pal = theme_.palette();
    const bool hc = theme_.high_contrast();
    const float k = theme_.scale();
    const auto& markers = model_.markers();
    const auto clusters = cluster_markers(markers, camera_, k);
    const auto groups = legend_groups();
    const float t = std::chrono::duration<float>(s.now - s.highlight_since).count();

    ImFont* font = theme_.body();
    for (const Cluster& c : clusters) {
        if (c.members.size() == 1) {
            const VenueMarker& m = markers[c.members.front()];
            const ImU32 fill = hc ? groups[m.group].colour_high_contrast : groups[m.group].colour;
            const bool selected = s.screen == Screen::Venue && model_.feed() &&
                                  model_.feed()->venues[m.venue].id == s.venue_id;
            const float r = kMarkerRadiusPx * k * (selected ? 1.35f : 1.0f);
            dl->AddCircleFilled(ImVec2(c.pos.x + 1.5f, c.pos.y + 2.5f), r + 3, pal.shadow, 24);
            dl->AddCircleFilled(c.pos, r + 3, pal.marker_outline, 24);
            dl->AddCircleFilled(c.pos, r, fill, 24);
            dl->AddCircleFilled(c.pos, r * 0.33f, pal.marker_outline, 12);
        } else {
            // Cluster bubble: a calm dark disc with the count; a ring hints at the colours inside.
            const float r = (22.0f + 3.0f * std::min<float>(6.0f, static_cast<float>(c.members.size()))) * k;
            dl->AddCircleFilled(ImVec2(c.pos.x + 1.5f, c.pos.y + 2.5f), r + 3, pal.shadow, 32);
            dl->AddCircleFilled(c.pos, r + 3, pal.marker_outline, 32);
            const int n = static_cast<int>(c.members.size());
            for (int i = 0; i < n; ++i) {
                const float a0 = -kPi / 2 + 2 * kPi * i / n, a1 = -kPi / 2 + 2 * kPi * (i + 1) / n;
                const VenueMarker& m = markers[c.members[static_cast<std::size_t>(i)]];
                dl->PathArcTo(c.pos, r - 3 * k, a0, a1, 12);
                dl->PathStroke(hc ? groups[m.group].colour_high_contrast : groups[m.group].colour, 0, 6 * k);
            }
            dl->AddCircleFilled(c.pos, r - 6 * k, hc ? IM_COL32(0, 0, 0, 255) : IM_COL32(62, 56, 50, 255), 32);
            char count[16];
            std::snprintf(count, sizeof count, "%d", n);
            const ImVec2 ts = font->CalcTextSizeA(font->FontSize, 1e6f, 0, count);
            dl->AddText(font, font->FontSize, ImVec2(c.pos.x - ts.x / 2, c.pos.y - ts.y / 2),
                        IM_COL32(255, 255, 255, 255), count);
        }
    }

    // "U bent hier": the kiosk's home venue.
    if (const data::Venue* home = model_.venue(host_->settings.home_venue_id)) {
        const ImVec2 p = camera_.to_screen(home->location.lon_deg, home->location.lat_deg);
        const float r = 13.0f * k;
        dl->AddCircleFilled(p, r * 2.4f, IM_COL32(196, 86, 58, 50), 32);
        dl->AddCircleFilled(p, r + 4, IM_COL32(255, 255, 255, 255), 24);
        dl->AddCircleFilled(p, r, hc ? IM_COL32(255, 214, 0, 255) : IM_COL32(196, 86, 58, 255), 24);
        const std::string label = text_.tr("map.you_are_here");
        const char* v = text_.vis(label);
        ImFont* bold = theme_.heading();
        const float fs = bold->FontSize * 0.8f;
        const ImVec2 ts = bold->CalcTextSizeA(fs, 1e6f, 0, v);
        const ImVec2 b0(p.x - ts.x / 2 - 14, p.y - r - 18 - ts.y - 12), b1(p.x + ts.x / 2 + 14, p.y - r - 18);
        dl->AddRectFilled(ImVec2(b0.x + 2, b0.y + 3), ImVec2(b1.x + 2, b1.y + 3), pal.shadow, 12);
        dl->AddRectFilled(b0, b1, hc ? IM_COL32(255, 214, 0, 255) : IM_COL32(196, 86, 58, 255), 12);
        dl->AddTriangleFilled(ImVec2(p.x - 9, b1.y), ImVec2(p.x + 9, b1.y), ImVec2(p.x, b1.y + 10),
                              hc ? IM_COL32(255, 214, 0, 255) : IM_COL32(196, 86, 58, 255));
        dl->AddText(bold, fs, ImVec2(b0.x + 14, b0.y + 6), hc ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255),
                    v);
    }

    // Highlighted venue (agenda tap, attract mode): a ring that pulses for a few seconds, and its name.
    if (const data::Venue* hv = model_.venue(s.highlight_venue)) {
        const ImVec2 p = camera_.to_screen(hv->location.lon_deg, hv->location.lat_deg);
        // A visitor's tap pulses for 2 s; attract mode shows a still ring (it should not keep the CPU busy).
        const bool pulsing = t < 2.0f && !host_->attract;
        const float phase = pulsing ? (std::sin(t * 5.0f) * 0.5f + 0.5f) : 0.0f;
        dl->AddCircle(p, (26.0f + 8.0f * phase) * k, pal.accent, 40, 5.0f * k);
        if (pulsing) s.animating = true;
        const char* v = text_.vis(hv->name);
        ImFont* bold = theme_.heading();
        const float fs = bold->FontSize * 0.8f;
        const ImVec2 ts = bold->CalcTextSizeA(fs, 1e6f, 0, v);
        const ImVec2 b0(p.x - ts.x / 2 - 14, p.y + 36 * k), b1(p.x + ts.x / 2 + 14, p.y + 36 * k + ts.y + 12);
        dl->AddRectFilled(ImVec2(b0.x + 2, b0.y + 3), ImVec2(b1.x + 2, b1.y + 3), pal.shadow, 12);
        dl->AddRectFilled(b0, b1, pal.panel, 12);
        dl->AddRect(b0, b1, pal.panel_border, 12);
        dl->AddText(bold, fs, ImVec2(b0.x + 14, b0.y + 6), pal.text, v);
    }
}

void App::handle_map_tap(ImVec2 p) {
    AppState& s = *state_;
    const auto& markers = model_.markers();
    const auto clusters = cluster_markers(markers, camera_, theme_.scale());
    const Cluster* hit = nullptr;
    float best = kHitRadiusPx * theme_.scale() + 10.0f;
    for (const Cluster& c : clusters) {
        const float d = std::hypot(c.pos.x - p.x, c.pos.y - p.y);
        const float reach = c.members.size() > 1 ? best + 12.0f : best;
        if (d < reach && (hit == nullptr || d < std::hypot(hit->pos.x - p.x, hit->pos.y - p.y))) hit = &c;
    }
    if (hit == nullptr) {
        // A tap on empty map closes the venue panel (the map is what the visitor wants to see).
        if (s.screen == Screen::Venue) s.screen = Screen::Map;
        s.language_popup = false;
        return;
    }
    if (hit->members.size() == 1) {
        const auto& v = model_.feed()->venues[markers[hit->members.front()].venue];
        s.screen = Screen::Venue;
        s.venue_id = v.id;
        s.highlight_venue.clear();
        return;
    }
    // Cluster: zoom in around it until its members separate (at most to the max zoom).
    camera_.zoom_about(1.5, hit->pos.x, hit->pos.y);
}

void App::draw_legend_and_buttons(float w, float h) {
    AppState& s = *state_;
    if (s.screen == Screen::Pin || s.screen == Screen::HostSettings) return;
    const float k = theme_.scale();
    const bool rtl = text_.rtl();
    const bool panel_open = s.screen != Screen::Map;
    const float panel_w = std::min(640.0f * k, 0.5f * w);
    // Map buttons: bottom corner opposite the panel.
    const float bar_w = std::min(w - (panel_open ? panel_w : 0) - 40, 760.0f * k);
    ImGui::SetNextWindowPos(ImVec2(rtl ? w - 20 : 20, h - 20), ImGuiCond_Always, ImVec2(rtl ? 1.0f : 0.0f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(bar_w, h));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(theme_.palette().panel));
    ImGui::Begin("##mapbuttons", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
    // Legend: colour dots with the translated category names.
    ImGui::PushFont(theme_.body());
    const auto groups = legend_groups();
    float x_used = 0;
    const float avail = bar_w - 60;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const std::string name(text_.i18n().category(groups[i].category_id));
        const ImVec2 ts = text_.size(name);
        const float item_w = ts.x + 34 * k;
        if (i > 0) {
            if (x_used + item_w + 18 < avail) {
                ImGui::SameLine(0, 18);
            } else {
                x_used = 0;
            }
        }
        const ImVec2 c = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(
            ImVec2(c.x + 11 * k, c.y + ts.y / 2), 10 * k,
            theme_.high_contrast() ? groups[i].colour_high_contrast : groups[i].colour, 20);
        ImGui::SetCursorScreenPos(ImVec2(c.x + 28 * k, c.y));
        ImGui::TextUnformatted(text_.vis(name));
        x_used += item_w + 18;
    }
    ImGui::PopFont();
    ImGui::Spacing();
    const ButtonColours accent = accent_colours(), plain = button_colours();
    if (big_button(text_.vis(text_.tr("nav.agenda")), ImVec2(0, 64 * k), s.screen == Screen::Agenda ? accent : plain)) {
        s.screen = s.screen == Screen::Agenda ? Screen::Map : Screen::Agenda;
        s.keyboard_open = false;
    }
    ImGui::SameLine();
    if (big_button(text_.vis(text_.tr("nav.nearby")), ImVec2(0, 64 * k), s.screen == Screen::Nearby ? accent : plain)) {
        s.screen = s.screen == Screen::Nearby ? Screen::Map : Screen::Nearby;
        // Show where "here" is: the home venue ("U bent hier") in the free part of the map.
        if (s.screen == Screen::Nearby && model_.feed()) {
            if (auto home = model_.feed()->find_venue(host_->settings.home_venue_id)) {
                focus_venue(*home, false);
                s.highlight_venue.clear();
            }
        }
    }
    ImGui::SameLine();
    if (big_button("+##zoomin", ImVec2(64 * k, 64 * k), plain)) {
        camera_.zoom_about(1.0, camera_.x_px() + camera_.w_px() / 2, camera_.y_px() + camera_.h_px() / 2);
    }
    ImGui::SameLine();
    if (big_button("\xE2\x80\x93##zoomout", ImVec2(64 * k, 64 * k), plain)) {
        camera_.zoom_about(-1.0, camera_.x_px() + camera_.w_px() / 2, camera_.y_px() + camera_.h_px() / 2);
    }
    ImGui::SameLine();
    if (big_button(text_.vis(text_.tr("map.recenter")), ImVec2(0, 64 * k), plain)) {
        const auto& v = host_->settings.start_view;
        camera_.look_at(v.lon_deg, v.lat_deg, v.zoom);
        s.highlight_venue.clear();
    }
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    s.ui_rects.push_back({wp, ImVec2(wp.x + ws.x, wp.y + ws.y)});
    ImGui::End();
    ImGui::PopStyleColor();
}

}  // namespace bk::kiosk
