#include "kiosk/now_strip.hpp"

#include <algorithm>

#include "data/geo.hpp"
#include "kiosk/occurrence_text.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/ui_text.hpp"
#include "kiosk/widgets.hpp"

namespace bk::kiosk {
namespace {

NowStripItem item_for(const data::Feed& feed, const data::Occurrence& o, std::optional<data::LatLon> home) {
    NowStripItem it{o, -1};
    if (home && o.venue < feed.venues.size()) {
        it.walking_min = data::walking_minutes(data::walking_distance_m(*home, feed.venues[o.venue].location));
    }
    return it;
}

}  // namespace

NowStripView build_now_strip(const data::Feed& feed, std::span<const data::Occurrence> upcoming, data::UtcTime now,
                             std::optional<data::LatLon> home, std::size_t max_items) {
    NowStripView v;
    const data::LocalDate today = data::amsterdam_from_utc(now).date;
    const data::UtcTime midnight = data::amsterdam_midnight(data::add_days(today, 1));
    for (const data::Occurrence& o : upcoming) {
        if (o.cancelled) continue;
        if (o.start_utc <= now && now < o.end_utc) {
            v.now.push_back(item_for(feed, o, home));
        } else if (o.start_utc > now && o.start_utc < midnight) {
            v.later.push_back(item_for(feed, o, home));
        } else if (o.start_utc >= midnight && !v.next) {
            v.next = item_for(feed, o, home);
        }
    }
    // Now: nearest to this kiosk first (then the one that ends last: most time left to get there).
    std::stable_sort(v.now.begin(), v.now.end(), [](const NowStripItem& a, const NowStripItem& b) {
        if (a.walking_min != b.walking_min) return a.walking_min < b.walking_min;
        return a.occurrence.end_utc > b.occurrence.end_utc;
    });
    // Later today: soonest first, nearest among those starting together.
    std::stable_sort(v.later.begin(), v.later.end(), [](const NowStripItem& a, const NowStripItem& b) {
        if (a.occurrence.start_utc != b.occurrence.start_utc) return a.occurrence.start_utc < b.occurrence.start_utc;
        return a.walking_min < b.walking_min;
    });
    v.now_total = v.now.size();
    v.later_total = v.later.size();
    if (v.now.size() > max_items) v.now.resize(max_items);
    if (v.later.size() > max_items) v.later.resize(max_items);
    if (!v.now.empty() || !v.later.empty()) v.next.reset();  // "next" is only for an empty rest of the day
    return v;
}

std::vector<VenueTime> venue_times(const data::Feed& feed, std::span<const data::Occurrence> upcoming,
                                   data::UtcTime now) {
    std::vector<VenueTime> out(feed.venues.size(), VenueTime::quiet);
    const data::UtcTime midnight =
        data::amsterdam_midnight(data::add_days(data::amsterdam_from_utc(now).date, 1));
    for (const data::Occurrence& o : upcoming) {
        if (o.cancelled || o.venue >= out.size()) continue;
        if (o.start_utc <= now && now < o.end_utc) {
            out[o.venue] = VenueTime::now;
        } else if (o.start_utc > now && o.start_utc < midnight && out[o.venue] == VenueTime::quiet) {
            out[o.venue] = VenueTime::later_today;
        }
    }
    return out;
}

NowStripAction draw_now_strip(const NowStripView& view, const data::Feed& feed, data::UtcTime now, UiText& text,
                              const Theme& theme, const NowStripLayout& layout, ImVec2* rect_min, ImVec2* rect_max) {
    NowStripAction action;
    const Palette& pal = theme.palette();
    const float k = theme.scale();
    const bool rtl = text.rtl();
    ImGui::SetNextWindowPos(layout.pos);
    ImGui::SetNextWindowSize(ImVec2(layout.width, layout.height));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(pal.panel));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::Begin("##nowstrip", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                     (layout.height <= 0 ? ImGuiWindowFlags_AlwaysAutoResize : 0));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const data::LocalDate today = data::amsterdam_from_utc(now).date;
    int row_id = 0;
    float col_w = ImGui::GetContentRegionAvail().x;  // width of the current column

    // A section title as a filled pill ("Nu" lit in the accent colour, the others calm).
    auto section = [&](const std::string& title, bool lit) {
        ImGui::PushFont(theme.heading());
        const char* v = text.vis(title);
        const ImVec2 ts = ImGui::CalcTextSize(v);
        const float avail = col_w;
        const ImVec2 c = ImGui::GetCursorScreenPos();
        const float pad = 16 * k;
        const float x0 = rtl ? c.x + avail - ts.x - 2 * pad : c.x;
        dl->AddRectFilled(ImVec2(x0, c.y), ImVec2(x0 + ts.x + 2 * pad, c.y + ts.y + 8 * k), lit ? pal.accent : pal.button,
                          (ts.y + 8 * k) / 2);
        dl->AddText(ImVec2(x0 + pad, c.y + 4 * k), lit ? pal.accent_text : pal.text, v);
        ImGui::Dummy(ImVec2(ts.x + 2 * pad, ts.y + 8 * k));
        ImGui::PopFont();
    };
    // One activity: title (large), then time · place · walking minutes. The whole row is a target.
    auto row = [&](const NowStripItem& it, const std::string& when) {
        const data::Occurrence& o = it.occurrence;
        if (o.activity >= feed.activities.size() || o.venue >= feed.venues.size()) return;
        const data::Activity& a = feed.activities[o.activity];
        const data::Venue& v = feed.venues[o.venue];
        ImGui::PushID(row_id++);
        const ImVec2 start = ImGui::GetCursorScreenPos();
        const float width = col_w;
        ImGui::BeginGroup();
        ImGui::PushFont(theme.heading());
        text.paragraph(data::title_in(a, text.code()), width, pal.text);
        ImGui::PopFont();
        std::string details = when + " \xC2\xB7 " + v.name;
        if (it.walking_min >= 0) {
            details += " \xC2\xB7 " + (it.walking_min <= 1 ? text.tr("walk.one_minute")
                                                          : text.i18n().plural("walk.minutes", it.walking_min));
        }
        text.paragraph(details, width, pal.text);
        ImGui::EndGroup();
        const float bottom = std::max(ImGui::GetItemRectMax().y, start.y + kMinTargetPx);
        ImGui::SetCursorScreenPos(start);
        if (ImGui::InvisibleButton("##nowrow", ImVec2(width, bottom - start.y))) {
            action.open_venue = o.venue;
            action.occurrence = o;
        }
        if (ImGui::IsItemActive()) dl->AddRectFilled(start, ImVec2(start.x + width, bottom), pal.button_active, 10);
        ImGui::PopID();
    };
    auto range = [&](const data::Occurrence& o) { return format_time_range(o, text.i18n()); };

    auto now_section = [&] {
        section(text.tr("now.title"), !view.now.empty());
        if (view.now.empty()) text.paragraph(text.tr("activity.none_now"), col_w, pal.text);
        for (const auto& it : view.now) row(it, text.fmt("time.until", {format_hh_mm(it.occurrence.end_local.time)}));
        if (view.now_total > view.now.size()) {
            text.line(text.i18n().plural("now.and_more", static_cast<long long>(view.now_total - view.now.size())), pal.text, col_w);
        }
    };
    auto later_section = [&] {
        if (!view.later.empty()) {
            section(text.tr("time.soon"), false);
            for (const auto& it : view.later) row(it, range(it.occurrence));
            if (view.later_total > view.later.size()) {
                text.line(text.i18n().plural("now.and_more", static_cast<long long>(view.later_total - view.later.size())), pal.text, col_w);
            }
        } else if (view.next) {
            // Nothing left today: say what is next and when ("Morgen 09:00", "do 26 nov 14:00").
            section(text.tr("now.next"), false);
            const data::Occurrence& o = view.next->occurrence;
            const std::string day = o.start_local.date == data::add_days(today, 1)
                                        ? text.tr("time.tomorrow")
                                        : format_day(o.start_local.date, text.i18n());
            row(*view.next, day + " " + range(o));
        } else {
            section(text.tr("time.soon"), false);
            text.paragraph(text.tr("activity.none_today"), col_w, pal.text);
        }
    };
    if (layout.columns) {
        const float gap = 24 * k;
        col_w = (ImGui::GetContentRegionAvail().x - gap) / 2;
        const ImVec2 origin = ImGui::GetCursorPos();
        ImGui::SetCursorPos(ImVec2(rtl ? origin.x + col_w + gap : origin.x, origin.y));
        ImGui::BeginGroup();
        now_section();
        ImGui::EndGroup();
        const float y1 = ImGui::GetItemRectMax().y;
        ImGui::SetCursorPos(ImVec2(rtl ? origin.x : origin.x + col_w + gap, origin.y));
        ImGui::BeginGroup();
        later_section();
        ImGui::EndGroup();
        const float y2 = ImGui::GetItemRectMax().y;
        ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x + origin.x, std::max(y1, y2)));
        ImGui::Dummy(ImVec2(1, 1));
    } else {
        now_section();
        ImGui::Dummy(ImVec2(1, 10 * k));
        later_section();
    }
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    if (rect_min) *rect_min = wp;
    if (rect_max) *rect_max = ImVec2(wp.x + ws.x, wp.y + ws.y);
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    return action;
}

}  // namespace bk::kiosk
