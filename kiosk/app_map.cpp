// The map screen: basemap tiles, venue markers (clustered when they overlap), "U bent hier",
// highlight rings, the legend and the map buttons. Taps on markers open the venue panel.
#include <algorithm>
#include <cmath>

#include "kiosk/app.hpp"
#include "data/vocab.hpp"
#include "kiosk/app_state.hpp"
#include "kiosk/query_cache.hpp"
#include "kiosk/tile_layer.hpp"
#include "map/markers.hpp"

namespace bk::kiosk {
constexpr float kPi = 3.14159265358979f;
namespace {

constexpr float kMarkerRadiusPx = 15.0f;
constexpr float kClusterRadiusPx = 40.0f;  // markers closer than this on screen merge into a bubble
constexpr float kHitRadiusPx = 30.0f;      // + 10 px slack: an 80 px target around a 30 px marker

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

// [SECTION] layout and the hour ---------------------------------------------------------------

bool App::portrait() const { return state_->layout.portrait; }

void App::compute_layout(float w, float h) {
    AppState& s = *state_;
    ScreenLayout& l = s.layout;
    const float k = theme_.scale();
    l.w = w;
    l.h = h;
    l.top = 84.0f * k;  // the top bar (draw_top_bar)
    s.top_bar_h = l.top;
    l.portrait = h > w * 1.1f;
    if (l.portrait) {
        // A band under the top bar: "Nu" and "Straks" side by side; panels are bottom sheets.
        l.strip_pos = ImVec2(0, l.top);
        l.strip_w = w;
        l.strip_h = std::min(0.3f * h, (w < 1000.0f ? 390.0f : 300.0f) * k);  // narrow: titles wrap
        l.sheet_top = l.top + 0.42f * (h - l.top);
    } else {
        // A column on the reading-end side (right; left in Arabic), the height of the map.
        l.strip_w = std::min(std::max(0.3f * w, 420.0f * k), 0.45f * w);
        l.strip_pos = ImVec2(text_.rtl() ? 0.0f : w - l.strip_w, l.top);
        l.strip_h = h - l.top;
        l.sheet_top = h;
    }
    // Legend and map buttons. Landscape: the legend is a column on the map's outer edge (its width
    // leaves the map's middle free); portrait (or too short a screen): rows above the map buttons.
    // Sizes follow the same rules as draw_legend_and_buttons, so the start view is right at once.
    {
        float widest = 0;
        for (std::size_t i = 0; i < legend_groups().size(); ++i) widest = std::max(widest, legend_item_width(i));
        const float chip_h = std::max(kMinTargetPx, theme_.body()->FontSize + 16 * k);
        const float buttons_h = 64 * k + 2 * 18 * k + 20;
        l.legend_toggle = false;  // map_button_widths() below must not count the toggle yet
        const float column_h = static_cast<float>(legend_groups().size()) * (chip_h + 8 * k) + 2 * 18 * k + 16;
        l.legend_w = 0;
        l.legend_rows = false;
        l.legend_toggle = false;
        const float free_w = l.portrait ? w : w - l.strip_w;
        const float bar_w = std::min(free_w - 40, 900.0f * k);
        auto rows_of = [&](const std::vector<float>& widths, float gap, float avail) {
            int rows = 1;
            float x = 0;
            for (float item_w : widths) {
                if (x > 0 && x + item_w + gap >= avail) {
                    ++rows;
                    x = 0;
                }
                x += item_w + gap;
            }
            return rows;
        };
        std::vector<float> legend_widths;
        for (std::size_t i = 0; i < legend_groups().size(); ++i) legend_widths.push_back(legend_item_width(i));
        if (!l.portrait && l.top + column_h + buttons_h + 16 < h) {
            l.legend_w = widest + 2 * 22 * k + 32;
        } else if (l.portrait) {
            l.legend_rows = true;
        } else {
            l.legend_toggle = true;  // a short landscape screen (large text at 1280x800): legend on demand
        }
        const float button_rows = static_cast<float>(
            rows_of(map_button_widths(), 12 * k, bar_w - 2 * 22 * k + 12 * k));
        l.bottom_h = button_rows * (64 * k + 12 * k) + 2 * 18 * k + 20;
        l.buttons_h = l.bottom_h;
        if (l.legend_rows) {
            l.bottom_h += static_cast<float>(rows_of(legend_widths, 8, bar_w - 60)) * (chip_h + 12 * k) + 12 * k;
        }
    }
    camera_.set_screen(0, l.top, w, h - l.top);
    if (s.fitted_for.x != w || s.fitted_for.y != h) {
        s.fitted_for = ImVec2(w, h);
        look_at_start();
        // Opened on a venue (screenshot --screen venue:<id>): centre it in this screen's free map.
        if (s.screen == Screen::Venue && model_.feed()) {
            if (auto i = model_.feed()->find_venue(s.venue_id)) focus_venue(*i, false);
        }
    }
}

std::pair<ImVec2, ImVec2> App::free_map_rect() const {
    const AppState& s = *state_;
    const ScreenLayout& l = s.layout;
    const bool panel = s.screen == Screen::Venue || s.screen == Screen::Agenda || s.screen == Screen::Nearby;
    if (l.portrait) {
        const float y0 = l.top + (panel ? 0.0f : l.strip_h);
        // Over a bottom sheet only the map buttons stay (the legend rows wait for the map screen).
        return {ImVec2(0, y0), ImVec2(l.w, panel ? l.sheet_top - l.buttons_h : l.h - l.bottom_h)};
    }
    const float cover = panel ? panel_width(l.w) : l.strip_w;
    if (text_.rtl()) return {ImVec2(cover, l.top), ImVec2(l.w - l.legend_w, l.h - l.bottom_h)};
    return {ImVec2(l.legend_w, l.top), ImVec2(l.w - cover, l.h - l.bottom_h)};
}

std::vector<float> App::map_button_widths() {
    // Legend (when on demand), Agenda, In de buurt, +, -, Terug naar start: as draw_legend_and_buttons.
    const float k = theme_.scale();
    ImFont* f = theme_.body();
    auto w = [&](const char* key) {
        return std::max(kMinTargetPx, f->CalcTextSizeA(f->FontSize, 1e6f, 0, text_.vis(text_.tr(key))).x + 2 * 18 * k);
    };
    std::vector<float> out;
    if (state_->layout.legend_toggle) out.push_back(w("map.legend"));
    out.push_back(w("nav.agenda"));
    out.push_back(w("nav.nearby"));
    out.push_back(64 * k);
    out.push_back(64 * k);
    out.push_back(w("map.recenter"));
    return out;
}

float App::legend_item_width(std::size_t i) {
    const float k = theme_.scale();
    ImFont* f = theme_.body();
    const std::string name = text_.tr(legend_groups()[i].key);
    return f->CalcTextSizeA(f->FontSize, 1e6f, 0, text_.vis(name)).x + 24 * k + 4 * 12 * k + 18 * k;
}

void App::look_at_start() {
    // The host's start view, with the district (every venue of the feed) fitted to the free part of
    // this screen: left of the strip in landscape, across the width under the strip in portrait.
    const auto& v = host_->settings.start_view;
    camera_.look_at(v.lon_deg, v.lat_deg, v.zoom);
    const auto [a, b] = free_map_rect();
    const float fw = std::max(100.0f, b.x - a.x), fh = std::max(100.0f, b.y - a.y);
    if (model_.feed() && !model_.feed()->venues.empty()) {
        ImVec2 lo(1e9f, 1e9f), hi(-1e9f, -1e9f);
        for (const auto& venue : model_.feed()->venues) {
            const ImVec2 p = camera_.to_screen(venue.location.lon_deg, venue.location.lat_deg);
            lo = ImVec2(std::min(lo.x, p.x), std::min(lo.y, p.y));
            hi = ImVec2(std::max(hi.x, p.x), std::max(hi.y, p.y));
        }
        // Room around the outer markers for their size and a "now" label.
        const float bw = std::max(50.0f, hi.x - lo.x), bh = std::max(50.0f, hi.y - lo.y);
        const double fit = std::clamp(std::log2(static_cast<double>(std::min((fw - 110.0f) / bw, (fh - 70.0f) / bh))), -3.0, 3.0);
        const auto centre = camera_.to_lon_lat((lo.x + hi.x) / 2, (lo.y + hi.y) / 2);
        camera_.look_at(centre.lon_deg, centre.lat_deg, v.zoom + fit);
    }
    const double cx = camera_.x_px() + camera_.w_px() / 2, cy = camera_.y_px() + camera_.h_px() / 2;
    camera_.pan_by_px((a.x + b.x) / 2 - cx, (a.y + b.y) / 2 - cy);
}

bool App::filters_active() const {
    const data::Filter& f = state_->filter;
    return !f.categories.empty() || !f.audiences.empty() || !f.neighbourhood.empty() || !f.network.empty() ||
           f.free_only || !f.text.empty() || !f.languages.empty() || f.wheelchair_only;
}

void App::clear_filters() {
    state_->filter = {};
    state_->keyboard_open = false;
}

const NowStripView& App::now_strip() const { return state_->now_strip; }

VenueTime App::venue_time(const std::string& venue_id) const {
    const auto i = model_.feed() ? model_.feed()->find_venue(venue_id) : std::nullopt;
    return i && *i < state_->venue_times.size() ? state_->venue_times[*i] : VenueTime::quiet;
}

bool App::venue_shown(const std::string& venue_id) const {
    const auto i = model_.feed() ? model_.feed()->find_venue(venue_id) : std::nullopt;
    if (!i) return false;
    for (const VenueMarker& m : state_->shown_markers)
        if (m.venue == *i) return true;
    return false;
}

void App::update_time_state() {
    AppState& s = *state_;
    s.venue_times.clear();
    s.venue_now_title.clear();
    s.shown_markers.clear();
    s.now_strip = {};
    const data::FeedPtr& feed = model_.feed();
    if (!feed) return;
    const data::UtcTime now = wall_now();
    // Everything running now or starting within the week, with the visitor's filters (cached per minute).
    const auto& upcoming = queries_.occurrences(feed, now, "upcoming" + QueryCache::filter_key(s.filter),
                                                [&] { return data::this_week(*feed, now, s.filter); });
    s.venue_times = venue_times(*feed, upcoming, now);
    s.venue_now_title.assign(feed->venues.size(), std::string());
    std::vector<bool> has_any(feed->venues.size(), false);
    for (const data::Occurrence& o : upcoming) {
        if (o.venue >= feed->venues.size()) continue;
        has_any[o.venue] = true;
        if (!o.cancelled && o.start_utc <= now && now < o.end_utc && s.venue_now_title[o.venue].empty() &&
            o.activity < feed->activities.size()) {
            s.venue_now_title[o.venue] = data::title_in(feed->activities[o.activity], text_.code());
        }
    }
    // The markers follow the filters: with any filter set, only venues with a matching activity.
    const bool filtering = filters_active();
    for (const VenueMarker& m : model_.markers())
        if (!filtering || (m.venue < has_any.size() && has_any[m.venue])) s.shown_markers.push_back(m);
    std::optional<data::LatLon> home;
    if (const data::Venue* hv = model_.venue(host_->settings.home_venue_id)) home = hv->location;
    const std::size_t max_items = s.layout.portrait ? 2 : (theme_.large_text() ? 2 : 3);
    s.now_strip = build_now_strip(*feed, upcoming, now, home, max_items);
    // A short landscape column has room for fewer "later" rows ("en nog ..." counts the rest).
    if (!s.layout.portrait && s.layout.strip_h < 900.0f * theme_.scale() && s.now_strip.later.size() > 2) {
        s.now_strip.later.resize(2);
    }
}

void App::draw_now_strip() {
    AppState& s = *state_;
    if (s.screen != Screen::Map || !model_.feed()) return;
    const ScreenLayout& l = s.layout;
    NowStripLayout nl;
    nl.pos = l.strip_pos;
    nl.width = l.strip_w;
    nl.height = l.strip_h;
    nl.columns = l.portrait;
    ImVec2 a, b;
    const NowStripAction act = kiosk::draw_now_strip(s.now_strip, *model_.feed(), wall_now(), text_, theme_, nl, &a, &b);
    s.ui_rects.push_back({a, b});
    if (act.open_venue) focus_venue(*act.open_venue, true);
}

void App::draw_filter_bar() {
    // Filters set by one visitor must never hide silently from the next: while any is on, the map
    // says which, with one button that clears them all.
    AppState& s = *state_;
    if (!filters_active() || s.screen == Screen::Pin || s.screen == Screen::HostSettings) return;
    const data::Filter& f = s.filter;
    std::string names;
    auto add = [&](std::string_view n) {
        if (!names.empty()) names += ", ";
        names += n;
    };
    for (const auto& c : f.categories) add(text_.i18n().category(c));
    for (const auto& a : f.audiences) add(text_.i18n().audience(a));
    if (!f.neighbourhood.empty()) add(data::label_nl(data::neighbourhoods(), f.neighbourhood));
    if (!f.network.empty()) add(data::label_nl(data::networks(), f.network));
    if (f.free_only) add(text_.tr("filter.free_only"));
    if (!f.text.empty()) add("\xE2\x80\x9C" + f.text + "\xE2\x80\x9D");
    const std::string line = text_.tr("filter.title") + ": " + names;
    const float k = theme_.scale();
    const auto [a, b] = free_map_rect();
    const bool rtl = text_.rtl();
    const float max_w = std::max(300.0f, b.x - a.x - 32);
    ImGui::SetNextWindowPos(ImVec2(rtl ? b.x - 16 : a.x + 16, a.y + 16), ImGuiCond_Always, ImVec2(rtl ? 1.0f : 0.0f, 0.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(max_w, 400 * k));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(theme_.palette().warning));
    ImGui::Begin("##filterbar", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
    const std::string clear_label = std::string(text_.vis("\xC3\x97 " + text_.tr("filter.clear"))) + "##clearfilters";
    const float clear_w = std::max(kMinTargetPx + 24,
                                   ImGui::CalcTextSize(clear_label.c_str(), nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x);
    const float text_w = std::min(text_.size(line).x, max_w - clear_w - 60);
    const ImVec2 c0 = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(rtl ? c0.x + clear_w + 16 : c0.x, c0.y + 14 * k));
    text_.paragraph(line, text_w, theme_.palette().warning_text);
    const float after = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(rtl ? c0.x : c0.x + text_w + 16, c0.y));
    if (big_button(clear_label.c_str(), ImVec2(clear_w, 0), accent_colours())) {
        clear_filters();
    }
    ImGui::SetCursorPosY(std::max(after, ImGui::GetCursorPosY()));
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    s.ui_rects.push_back({wp, ImVec2(wp.x + ws.x, wp.y + ws.y)});
    ImGui::End();
    ImGui::PopStyleColor();
}

// [SECTION] map ---------------------------------------------------------------------------------

void App::draw_map(float w, float h) {
    const float top = state_->top_bar_h;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    // The basemap goes to the platform as whole-pixel copies (under everything ImGui draws).
    map_frame_.clip_x = 0;
    map_frame_.clip_y = static_cast<int>(top);
    map_frame_.clip_w = static_cast<int>(w);
    map_frame_.clip_h = static_cast<int>(h - top);
    map_frame_.backdrop = theme_.palette().map_backdrop;
    map_frame_.blits.clear();
    if (tiles_) tiles_->draw(camera_, map_frame_.blits, 8);
    // High contrast keeps the map light (never darkened): markers get black outlines and strong
    // colours, labels and panels are black on white / yellow.
    draw_markers(dl);
    if (state_->pending_tap) handle_map_tap(*state_->pending_tap);
}

void App::draw_markers(ImDrawList* dl) {
    AppState& s = *state_;
    const Palette& pal = theme_.palette();
    const bool hc = theme_.high_contrast();
    const float k = theme_.scale();
    const auto& markers = s.shown_markers;
    const auto clusters = cluster_markers(markers, camera_, k);
    const auto groups = legend_groups();
    const float t = std::chrono::duration<float>(s.now - s.highlight_since).count();
    auto time_of = [&](const VenueMarker& m) {
        return m.venue < s.venue_times.size() ? s.venue_times[m.venue] : VenueTime::quiet;
    };
    // Quiet venues (nothing today) recede: paler, smaller, so what is on today stands out.
    auto quiet_colour = [&](ImU32 c) {
        const ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
        const float grey = 0.3f * v.x + 0.59f * v.y + 0.11f * v.z;
        auto mix = [&](float x) { return 0.45f * x + 0.55f * (0.55f * grey + 0.45f * 0.92f); };
        return ImGui::ColorConvertFloat4ToU32(ImVec4(mix(v.x), mix(v.y), mix(v.z), 1.0f));
    };

    ImFont* font = theme_.body();
    std::vector<std::pair<ImVec2, ImVec2>> labels;  // "now" labels already placed (no overlaps)
    // Labels never cover a marker: every disc is an obstacle.
    for (const Cluster& c : clusters) {
        const float r = (c.members.size() > 1 ? 40.0f : 20.0f) * k;
        labels.push_back({ImVec2(c.pos.x - r, c.pos.y - r), ImVec2(c.pos.x + r, c.pos.y + r)});
    }
    for (const Cluster& c : clusters) {
        VenueTime state = VenueTime::quiet;
        for (std::size_t i : c.members) state = std::max(state, time_of(markers[i]));
        if (c.members.size() == 1) {
            const VenueMarker& m = markers[c.members.front()];
            ImU32 fill = hc ? groups[m.group].colour_high_contrast : groups[m.group].colour;
            const bool selected = s.screen == Screen::Venue && model_.feed() &&
                                  model_.feed()->venues[m.venue].id == s.venue_id;
            float r = kMarkerRadiusPx * k * (selected ? 1.35f : 1.0f);
            if (state == VenueTime::now) {
                r *= 1.2f;
                // Lit: a warm glow around venues with something on right now.
                dl->AddCircleFilled(c.pos, r + 16 * k, (pal.accent & 0x00FFFFFFu) | (70u << 24), 32);
                dl->AddCircle(c.pos, r + 10 * k, pal.accent, 32, 4.0f * k);
            } else if (state == VenueTime::quiet && !selected) {
                r *= 0.8f;
                if (!hc) fill = quiet_colour(fill);
            }
            if (state != VenueTime::quiet || hc) dl->AddCircleFilled(ImVec2(c.pos.x + 1.5f, c.pos.y + 2.5f), r + 3, pal.shadow, 24);
            dl->AddCircleFilled(c.pos, r + 3, pal.marker_outline, 24);
            dl->AddCircleFilled(c.pos, r, fill, 24);
            if (state == VenueTime::later_today) {
                // Later today: a small clock face instead of the plain dot.
                dl->AddCircleFilled(c.pos, r * 0.5f, pal.marker_outline, 16);
                dl->AddLine(c.pos, ImVec2(c.pos.x, c.pos.y - r * 0.38f), fill, 2.0f * k);
                dl->AddLine(c.pos, ImVec2(c.pos.x + r * 0.3f, c.pos.y), fill, 2.0f * k);
            } else {
                dl->AddCircleFilled(c.pos, r * 0.33f, pal.marker_outline, 12);
            }
        } else {
            // Cluster bubble: a calm dark disc with the count; a ring hints at the colours inside.
            const float r = (22.0f + 3.0f * std::min<float>(6.0f, static_cast<float>(c.members.size()))) * k;
            if (state == VenueTime::now) {
                dl->AddCircleFilled(c.pos, r + 16 * k, (pal.accent & 0x00FFFFFFu) | (70u << 24), 40);
                dl->AddCircle(c.pos, r + 10 * k, pal.accent, 40, 4.0f * k);
            }
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
        // What is on now, by name, under the lit marker (when it fits without covering another label).
        if (state == VenueTime::now && s.screen == Screen::Map) {
            std::string title;
            for (std::size_t i : c.members) {
                const VenueMarker& m = markers[i];
                if (m.venue < s.venue_now_title.size() && !s.venue_now_title[m.venue].empty()) {
                    title = s.venue_now_title[m.venue];
                    break;
                }
            }
            if (title.empty()) continue;
            std::string v = text_.vis(title);
            ImFont* bold = theme_.heading();
            const float fs = bold->FontSize * 0.75f;
            const ImVec2 ts = bold->CalcTextSizeA(fs, 1e6f, 0, v.c_str());
            const float dy = (c.members.size() > 1 ? 46.0f : 34.0f) * k;
            const ImVec2 b0(c.pos.x - ts.x / 2 - 10 * k, c.pos.y + dy), b1(c.pos.x + ts.x / 2 + 10 * k, c.pos.y + dy + ts.y + 8 * k);
            bool overlaps = false;
            for (const auto& [p0, p1] : labels)
                if (b0.x < p1.x && b1.x > p0.x && b0.y < p1.y && b1.y > p0.y) overlaps = true;
            if (overlaps) continue;
            labels.push_back({b0, b1});
            dl->AddRectFilled(b0, b1, pal.accent, 8 * k);
            dl->AddText(bold, fs, ImVec2(b0.x + 10 * k, b0.y + 4 * k), pal.accent_text, v.c_str());
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
    const auto& markers = s.shown_markers;
    const auto clusters = cluster_markers(markers, camera_, theme_.scale());
    const float best = kHitRadiusPx * theme_.scale() + 10.0f;
    // Every marker/bubble within a finger's reach of the tap, nearest first.
    std::vector<std::pair<float, const Cluster*>> hits;
    for (const Cluster& c : clusters) {
        const float d = std::hypot(c.pos.x - p.x, c.pos.y - p.y);
        const float reach = c.members.size() > 1 ? best + 12.0f : best;
        if (d < reach) hits.push_back({d, &c});
    }
    std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    s.chooser.clear();
    if (hits.empty()) {
        // A tap on empty map closes the venue panel (the map is what the visitor wants to see).
        if (s.screen == Screen::Venue) s.screen = Screen::Map;
        s.language_popup = false;
        return;
    }
    // Two markers about as near to the finger: ask which one instead of guessing.
    if (hits.size() >= 2 && hits[1].first - hits[0].first < 24.0f * theme_.scale()) {
        for (const auto& [d, c] : hits)
            for (std::size_t i : c->members)
                if (s.chooser.size() < 6) s.chooser.push_back(markers[i].venue);
        s.chooser_at = p;
        return;
    }
    const Cluster* hit = hits.front().second;
    if (hit->members.size() == 1) {
        // The tapped venue: its card opens, its marker is highlighted and centred in the free map.
        focus_venue(markers[hit->members.front()].venue, true, /*zoom_in=*/false);
        return;
    }
    // Cluster: zoom in around it until its members separate (at most to the max zoom).
    camera_.zoom_about(1.5, hit->pos.x, hit->pos.y);
}

void App::draw_chooser() {
    // "Which one?": the venues under the finger, as big buttons beside the tap.
    AppState& s = *state_;
    if (s.chooser.empty() || !model_.feed()) return;
    const float k = theme_.scale();
    const float w = std::min(520.0f * k, s.layout.w - 32);
    const ImVec2 pos(std::clamp(s.chooser_at.x - w / 2, 16.0f, s.layout.w - w - 16),
                     std::clamp(s.chooser_at.y + 40 * k, s.layout.top + 8, s.layout.h - 200 * k));
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::Begin("##chooser", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoSavedSettings);
    std::optional<std::uint32_t> picked;
    for (std::uint32_t v : s.chooser) {
        if (v >= model_.feed()->venues.size()) continue;
        const std::string label = std::string(text_.vis(model_.feed()->venues[v].name)) + "##choose" + std::to_string(v);
        if (big_button(label.c_str(), ImVec2(ImGui::GetContentRegionAvail().x, 0), button_colours())) picked = v;
    }
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    s.ui_rects.push_back({wp, ImVec2(wp.x + ws.x, wp.y + ws.y)});
    ImGui::End();
    if (picked) {
        s.chooser.clear();
        focus_venue(*picked, true, /*zoom_in=*/false);
    }
}

void App::draw_legend_and_buttons(float w, float h) {
    AppState& s = *state_;
    if (s.screen == Screen::Pin || s.screen == Screen::HostSettings) return;
    const float k = theme_.scale();
    const bool rtl = text_.rtl();
    const ScreenLayout& lay = s.layout;
    const bool sheet = lay.portrait && (s.screen == Screen::Venue || s.screen == Screen::Agenda || s.screen == Screen::Nearby);
    // The map part outside the strip/panel (the legend column and the buttons are inside it).
    auto [fa, fb] = free_map_rect();
    if (!lay.portrait && lay.legend_w > 0) {
        if (rtl) fb.x += lay.legend_w; else fa.x -= lay.legend_w;
    }
    (void)w;
    const float bar_w = std::min(fb.x - fa.x - 40, 900.0f * k);
    const auto groups = legend_groups();
    // Legend: the colour families of the markers, each a button that filters the map and the lists
    // to that family (tap again to drop it).
    auto legend_chip = [&](std::size_t i, float width) {
        const std::string name = text_.tr(groups[i].key);
        // Room for the dot on the reading side: a run of spaces the width of the dot and its margins.
        const float dot = 24 * k;
        const float space_w = std::max(1.0f, ImGui::CalcTextSize(" ").x);
        const std::string pad(static_cast<std::size_t>(std::ceil((dot + 12 * k) / space_w)), ' ');
        const std::string label = (rtl ? std::string(text_.vis(name)) + pad : pad + text_.vis(name)) + "##legend" + std::to_string(i);
        const auto cats = group_categories(static_cast<int>(i));
        bool on = !cats.empty();
        for (const auto& c : cats)
            on = on && std::find(s.filter.categories.begin(), s.filter.categories.end(), c) != s.filter.categories.end();
        const ImVec2 c0 = ImGui::GetCursorScreenPos();
        // Text after the dot on the reading side.
        ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(rtl ? 1.0f : 0.0f, 0.5f));
        if (big_button(label.c_str(), ImVec2(width, 0), on ? chip_on_colours() : button_colours(), 32.0f * k)) {
            auto& fc = s.filter.categories;
            if (on) {
                for (const auto& c : cats) fc.erase(std::remove(fc.begin(), fc.end(), c), fc.end());
            } else {
                for (const auto& c : cats)
                    if (std::find(fc.begin(), fc.end(), c) == fc.end()) fc.push_back(c);
            }
        }
        ImGui::PopStyleVar();
        const ImVec2 c1 = ImGui::GetItemRectMax();
        const float cy = (c0.y + c1.y) / 2;
        const float cx = rtl ? c1.x - 12 * k - dot / 2 : c0.x + 12 * k + dot / 2;
        ImDrawList* wdl = ImGui::GetWindowDrawList();
        wdl->AddCircleFilled(ImVec2(cx, cy), dot / 2 + 2, theme_.palette().marker_outline, 20);
        wdl->AddCircleFilled(ImVec2(cx, cy), dot / 2, theme_.high_contrast() ? groups[i].colour_high_contrast : groups[i].colour, 20);
    };
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(theme_.palette().panel));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing;
    const bool column = !lay.portrait && lay.legend_w > 0;
    if (column) {
        // Landscape: the legend is a column on the map's outer edge, under the top bar.
        ImGui::SetNextWindowPos(ImVec2(rtl ? fb.x - 16 : fa.x + 16, lay.top + 16), ImGuiCond_Always,
                                ImVec2(rtl ? 1.0f : 0.0f, 0.0f));
        ImGui::Begin("##legend", nullptr, flags);
        ImGui::PushFont(theme_.body());
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * k, 8 * k));
        for (std::size_t i = 0; i < groups.size(); ++i) legend_chip(i, lay.legend_w - 32 - 2 * ImGui::GetStyle().WindowPadding.x);
        ImGui::PopStyleVar();
        ImGui::PopFont();
        const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
        s.ui_rects.push_back({wp, ImVec2(wp.x + ws.x, wp.y + ws.y)});
        ImGui::End();
    }
    // Map buttons (and, in portrait, the legend rows): the bottom corner of the free map.
    ImGui::SetNextWindowPos(ImVec2(rtl ? fb.x - 20 : fa.x + 20, (sheet ? lay.sheet_top : lay.h) - 20), ImGuiCond_Always,
                            ImVec2(rtl ? 1.0f : 0.0f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(bar_w, h));
    ImGui::Begin("##mapbuttons", nullptr, flags);
    if (!column && ((lay.legend_rows && !sheet) || s.legend_open)) {
        ImGui::PushFont(theme_.body());
        float x_used = 0;
        const float avail = bar_w - 60;
        for (std::size_t i = 0; i < groups.size(); ++i) {
            const float item_w = legend_item_width(i);
            if (i > 0) {
                if (x_used + item_w + 8 < avail) {
                    ImGui::SameLine(0, 8);
                } else {
                    x_used = 0;
                }
            }
            legend_chip(i, item_w);
            x_used += item_w + 8;
        }
        ImGui::PopFont();
        ImGui::Spacing();
    }
    if (!column && !lay.legend_rows) ImGui::Dummy(ImVec2(1, 0));
    const ButtonColours accent = accent_colours(), plain = button_colours();
    // The buttons wrap onto a second row rather than being cut off (large text, narrow maps).
    const auto widths = map_button_widths();
    float x = 0;
    std::size_t bi = 0;
    auto place = [&] {
        const float bw = widths[bi++];
        if (bi > 1) {
            if (x + bw + ImGui::GetStyle().ItemSpacing.x <= bar_w - 2 * ImGui::GetStyle().WindowPadding.x) {
                ImGui::SameLine();
                x += ImGui::GetStyle().ItemSpacing.x;
            } else {
                x = 0;
            }
        }
        x += bw;
        return bw;
    };
    if (lay.legend_toggle) {
        // Too little room for the legend: one button shows it (a second tap hides it).
        const float bw = place();
        if (big_button((std::string(text_.vis(text_.tr("map.legend"))) + "##legendtoggle").c_str(), ImVec2(bw, 64 * k),
                       s.legend_open ? chip_on_colours() : plain)) {
            s.legend_open = !s.legend_open;
        }
    }
    {
        const float bw = place();
        if (big_button((std::string(text_.vis(text_.tr("nav.agenda"))) + "##agenda").c_str(), ImVec2(bw, 64 * k),
                       s.screen == Screen::Agenda ? accent : plain)) {
            s.screen = s.screen == Screen::Agenda ? Screen::Map : Screen::Agenda;
            s.keyboard_open = false;
        }
    }
    {
        const float bw = place();
        if (big_button((std::string(text_.vis(text_.tr("nav.nearby"))) + "##nearby").c_str(), ImVec2(bw, 64 * k),
                       s.screen == Screen::Nearby ? accent : plain)) {
            s.screen = s.screen == Screen::Nearby ? Screen::Map : Screen::Nearby;
            // Show where "here" is: the home venue ("U bent hier") in the free part of the map.
            if (s.screen == Screen::Nearby && model_.feed()) {
                if (auto home = model_.feed()->find_venue(host_->settings.home_venue_id)) {
                    focus_venue(*home, false);
                    s.highlight_venue.clear();
                }
            }
        }
    }
    place();
    if (big_button("+##zoomin", ImVec2(64 * k, 64 * k), plain)) {
        camera_.zoom_about(1.0, camera_.x_px() + camera_.w_px() / 2, camera_.y_px() + camera_.h_px() / 2);
    }
    place();
    if (big_button("\xE2\x80\x93##zoomout", ImVec2(64 * k, 64 * k), plain)) {
        camera_.zoom_about(-1.0, camera_.x_px() + camera_.w_px() / 2, camera_.y_px() + camera_.h_px() / 2);
    }
    {
        const float bw = place();
        if (big_button((std::string(text_.vis(text_.tr("map.recenter"))) + "##recenter").c_str(), ImVec2(bw, 64 * k),
                       plain)) {
            // Back to start: the start view, no panel, no filters or search left by anyone.
            s.screen = Screen::Map;
            s.filters_open = false;
            s.legend_open = false;
            clear_filters();
            s.highlight_venue.clear();
            look_at_start();
        }
    }
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    s.ui_rects.push_back({wp, ImVec2(wp.x + ws.x, wp.y + ws.y)});
    ImGui::End();
    ImGui::PopStyleColor();
}

}  // namespace bk::kiosk
