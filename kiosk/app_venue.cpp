// Venue panel (name, address, network, neighbourhood, kind, accessibility, today's and this week's
// activities, cancelled occurrences, QR code to take along) and the "In de buurt" panel.
#include <algorithm>
#include <cmath>

#include "data/geo.hpp"
#include "data/query.hpp"
#include "data/vocab.hpp"
#include "kiosk/app.hpp"
#include "kiosk/app_state.hpp"
#include "kiosk/host/qr_code.hpp"
#include "kiosk/occurrence_text.hpp"
#include "kiosk/query_cache.hpp"

namespace bk::kiosk {

void App::touch_scroll() {
    // ImGui 1.86 has no drag-to-scroll; a finger dragging inside a panel scrolls it.
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left, 8.0f)) {
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    }
}

bool App::row_tapped() const {
    // A release over the last item that was not the end of a scroll drag.
    const ImGuiIO& io = ImGui::GetIO();
    return ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
           ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 14.0f * 14.0f;
}

float App::panel_width(float w) const {
    // Portrait: bottom sheets span the width. Landscape: at least the now strip's column, which it covers.
    if (state_->layout.portrait) return w;
    return std::max(state_->layout.strip_w, std::min(640.0f * theme_.scale(), 0.5f * w));
}

bool App::panel_header(const std::string& title) {
    // Title with a big close button on the outer edge; returns true when closed.
    const float k = theme_.scale();
    const bool rtl = text_.rtl();
    const float close_w = 64 * k;
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 start = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(rtl ? start.x : start.x + avail - close_w, start.y));
    ImGui::PushFont(theme_.title());
    const bool closed = big_button("\xC3\x97##close", ImVec2(close_w, close_w), button_colours(), close_w / 2);
    ImGui::PopFont();
    ImGui::SetCursorPos(ImVec2(rtl ? start.x + close_w + 12 : start.x, start.y + 6));
    ImGui::PushFont(theme_.heading());
    ImGui::PushTextWrapPos(rtl ? 0.0f : start.x + avail - close_w - 12);
    if (rtl) {
        const char* v = text_.vis(title);
        const float tw = ImGui::CalcTextSize(v).x;
        ImGui::SetCursorPosX(std::max(start.x + close_w + 12, start.x + avail - tw));
        ImGui::TextUnformatted(v);
    } else {
        ImGui::TextUnformatted(title.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), start.y + close_w + 8));
    return closed;
}

void App::draw_occurrence_row(const data::Occurrence& o, bool show_venue, bool show_day, int index) {
    const data::Feed& feed = *model_.feed();
    if (o.activity >= feed.activities.size() || o.venue >= feed.venues.size()) return;
    const data::Activity& a = feed.activities[o.activity];
    const data::Venue& v = feed.venues[o.venue];
    const Palette& pal = theme_.palette();
    const float k = theme_.scale();
    const bool rtl = text_.rtl();
    ImGui::PushID(index);
    const ImVec2 row_start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    // Two columns: the time (and day) on the reading side, what/where/for whom beside it.
    const float time_w = (show_day ? 150.0f : 96.0f) * k;
    const float text_w = width - time_w - 16 * k;
    const ImVec2 origin = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(rtl ? origin.x + text_w + 16 * k : origin.x, origin.y + 2));
    ImGui::BeginGroup();
    ImGui::PushFont(theme_.heading());
    const ImU32 time_colour = o.cancelled ? pal.text_muted : pal.accent;
    if (show_day) text_.line(format_day(o.start_local.date, text_.i18n()), time_colour);
    if (o.all_day) {
        text_.line(text_.tr("time.all_day"), time_colour);
    } else {
        text_.line(format_hh_mm(o.start_local.time), time_colour);
    }
    ImGui::PopFont();
    if (!o.all_day) text_.line(text_.fmt("time.until", {format_hh_mm(o.end_local.time)}), pal.text_muted);
    ImGui::EndGroup();
    const float time_bottom = ImGui::GetItemRectMax().y;
    ImGui::SetCursorPos(ImVec2(rtl ? origin.x : origin.x + time_w + 16 * k, origin.y));
    ImGui::BeginGroup();
    ImGui::PushFont(theme_.heading());
    const ImVec2 tpos = ImGui::GetCursorScreenPos();
    text_.paragraph(data::title_in(a, text_.code()), text_w, o.cancelled ? pal.text_muted : pal.text);
    if (o.cancelled) {
        const ImVec2 ts = text_.size(data::title_in(a, text_.code()));
        const float len = std::min(ts.x, text_w);
        const float x0 = rtl ? tpos.x + text_w - len : tpos.x;
        ImGui::GetWindowDrawList()->AddLine(ImVec2(x0, tpos.y + ts.y * 0.55f), ImVec2(x0 + len, tpos.y + ts.y * 0.55f),
                                            pal.danger, 3.0f);
    }
    ImGui::PopFont();
    if (o.cancelled) {
        const data::LocalDate today = data::amsterdam_from_utc(wall_now()).date;
        std::string label = text_.tr(o.start_local.date == today ? "activity.cancelled_today" : "activity.cancelled");
        if (!o.cancel_reason.empty()) label += " \xE2\x80\x94 " + o.cancel_reason;
        text_.paragraph(label, text_w, pal.danger);
    }
    // Where, for whom, by whom, cost.
    std::string details;
    if (show_venue) details = v.name;
    const std::string aud = format_audiences(a, text_.i18n());
    if (!aud.empty()) details += (details.empty() ? "" : " \xC2\xB7 ") + text_.tr("activity.for_whom") + ": " + aud;
    text_.paragraph(details, text_w, pal.text);
    std::string by_cost;
    if (!a.organiser.empty()) by_cost = a.organiser;
    const std::string cost = format_cost(a, text_.i18n());
    if (!cost.empty()) by_cost += (by_cost.empty() ? "" : " \xC2\xB7 ") + cost;
    if (a.registration_required) by_cost += " \xC2\xB7 " + text_.tr("activity.registration_required");
    if (!by_cost.empty()) text_.paragraph(by_cost, text_w, pal.text);
    // The languages spoken there, each in its own name: key for visitors who do not read Dutch.
    const std::string langs = format_languages(a);
    if (!langs.empty()) text_.paragraph(text_.tr("activity.languages") + ": " + langs, text_w, pal.text);
    if (!o.note.empty()) text_.paragraph(o.note, text_w, pal.warning_text);
    ImGui::EndGroup();
    const float bottom = std::max(time_bottom, ImGui::GetItemRectMax().y);
    // The whole row is a touch target: tapping centres and highlights its venue on the map.
    ImGui::SetCursorScreenPos(row_start);
    ImGui::InvisibleButton("##row", ImVec2(width, std::max(kMinTargetPx, bottom - row_start.y)));
    if (row_tapped() && state_->screen != Screen::Venue) focus_venue(o.venue, false);
    const bool highlighted = state_->highlight_venue == v.id && state_->screen != Screen::Venue;
    if (highlighted) {
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(rtl ? row_start.x + width - 6 : row_start.x - 14, row_start.y),
                                                  ImVec2(rtl ? row_start.x + width + 2 : row_start.x - 6, bottom),
                                                  pal.accent, 3);
    }
    ImGui::GetWindowDrawList()->AddLine(ImVec2(row_start.x, bottom + 10 * k), ImVec2(row_start.x + width, bottom + 10 * k),
                                        pal.panel_border, 1.5f);
    ImGui::Dummy(ImVec2(1, 14 * k));
    ImGui::PopID();
}

void App::draw_qr(const std::string& text, float size_px) {
    AppState& s = *state_;
    if (s.qr_text != text) {
        s.qr_text = text;
        auto qr = host::make_qr(text);
        s.qr = qr ? *qr : host::QrMatrix{};
    }
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size_px, p.y + size_px), IM_COL32(255, 255, 255, 255), 8);
    if (s.qr.size > 0) {
        const float m = std::floor(size_px / static_cast<float>(s.qr.size));
        const float off = (size_px - m * static_cast<float>(s.qr.size)) / 2;
        for (int y = 0; y < s.qr.size; ++y)
            for (int x = 0; x < s.qr.size; ++x)
                if (s.qr.dark(x, y)) {
                    const ImVec2 a(p.x + off + x * m, p.y + off + y * m);
                    dl->AddRectFilled(a, ImVec2(a.x + m, a.y + m), IM_COL32(0, 0, 0, 255));
                }
    }
    ImGui::Dummy(ImVec2(size_px, size_px));
}

void App::draw_venue_panel(float w, float /*h*/) {
    AppState& s = *state_;
    const data::Venue* v = model_.venue(s.venue_id);
    if (v == nullptr) {
        s.screen = Screen::Map;
        return;
    }
    const Palette& pal = theme_.palette();
    const float k = theme_.scale();
    begin_panel("##venue", panel_width(w));
    touch_scroll();
    if (panel_header(v->name)) s.screen = Screen::Map;
    // Kind · neighbourhood · network.
    std::string meta = std::string(text_.i18n().venue_kind(v->kind));
    meta += " \xC2\xB7 " + std::string(data::label_nl(data::neighbourhoods(), v->neighbourhood));
    text_.paragraph(meta, 0, pal.text_muted);
    if (!v->network.empty()) text_.paragraph(std::string(data::label_nl(data::networks(), v->network)), 0, pal.text_muted);
    // Open now? And how far from this kiosk on foot.
    std::string status = format_opening(*v, wall_now(), text_.i18n());
    if (const data::Venue* home = model_.venue(host_->settings.home_venue_id); home != nullptr && home != v) {
        const int min = data::walking_minutes(data::walking_distance_m(home->location, v->location));
        status += (status.empty() ? "" : " \xC2\xB7 ") + text_.i18n().plural("walk.minutes", std::max(1, min));
    }
    if (!status.empty()) text_.paragraph(status, 0, pal.accent);

    // Address block with the QR code beside it.
    const float qr = 150 * k;
    const float col = ImGui::GetContentRegionAvail().x - qr - 20;
    const bool rtl = text_.rtl();
    const ImVec2 block = ImGui::GetCursorPos();
    if (rtl) ImGui::SetCursorPosX(block.x + qr + 20);
    ImGui::BeginGroup();
    ImGui::PushFont(theme_.heading());
    text_.paragraph(text_.tr("venue.address"), col, pal.text);
    ImGui::PopFont();
    text_.paragraph(v->address + (v->postcode.empty() ? "" : ", " + v->postcode), col, pal.text);
    std::string access;
    if (v->accessibility.wheelchair) access = text_.tr("venue.wheelchair");
    if (!v->accessibility.notes.empty()) access += (access.empty() ? "" : " \xC2\xB7 ") + v->accessibility.notes;
    if (!access.empty()) text_.paragraph("\xE2\x9C\x93 " + access, col, pal.chip_on);
    ImGui::EndGroup();
    const float after_text = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(rtl ? block.x : block.x + col + 20, block.y));
    host::TakeAlongInfo info;
    info.venue_id = v->id;
    info.title = v->name;
    info.place = v->name;
    info.address = v->address + (v->postcode.empty() ? "" : ", " + v->postcode) + ", Rotterdam";
    info.url = v->contact.website;
    ImGui::BeginGroup();
    draw_qr(host::take_along_text(info, host_->settings.take_along_url_template), qr);
    ImGui::PushFont(theme_.small());
    ImGui::TextUnformatted(text_.vis(text_.tr("qr.take_along")));
    ImGui::PopFont();
    ImGui::EndGroup();
    ImGui::SetCursorPosY(std::max(after_text, ImGui::GetCursorPosY()) + 8);

    // Today and this week at this venue.
    if (model_.feed()) {
        const auto venue_index = *model_.feed()->find_venue(v->id);
        const data::UtcTime now = wall_now();
        const data::LocalDate today = data::amsterdam_from_utc(now).date;
        const auto& week = queries_.occurrences(model_.feed(), now, "week", [&] {
            return data::between(*model_.feed(), data::amsterdam_midnight(today),
                                 data::amsterdam_midnight(data::add_days(today, 7)));
        });
        int shown_today = 0, shown_week = 0, index = 0;
        ImGui::PushFont(theme_.heading());
        ImGui::Dummy(ImVec2(1, 4));
        text_.line(text_.tr("time.today"), pal.text);
        ImGui::PopFont();
        ImGui::Separator();
        for (const auto& o : week) {
            if (o.venue != venue_index || o.start_local.date != today) continue;
            draw_occurrence_row(o, false, false, index++);
            ++shown_today;
        }
        if (shown_today == 0) text_.paragraph(text_.tr("activity.none_today"), 0, pal.text_muted);
        ImGui::PushFont(theme_.heading());
        ImGui::Dummy(ImVec2(1, 4));
        text_.line(text_.tr("time.this_week"), pal.text);
        ImGui::PopFont();
        ImGui::Separator();
        for (const auto& o : week) {
            if (o.venue != venue_index || o.start_local.date == today) continue;
            draw_occurrence_row(o, false, true, index++);
            if (++shown_week >= 25) break;
        }
        if (shown_week == 0) text_.paragraph(text_.tr("activity.nothing_found"), 0, pal.text_muted);
    }
    if (!v->description.empty()) {
        ImGui::Dummy(ImVec2(1, 6));
        text_.paragraph(v->description, 0, pal.text_muted);
    }
    ImGui::Dummy(ImVec2(1, 40 * k));
    end_panel();
}

void App::draw_nearby_panel(float w, float /*h*/) {
    AppState& s = *state_;
    const Palette& pal = theme_.palette();
    const float k = theme_.scale();
    begin_panel("##nearby", panel_width(w));
    touch_scroll();
    if (panel_header(text_.tr("nav.nearby"))) s.screen = Screen::Map;
    if (!model_.feed()) {
        text_.paragraph(text_.tr("status.no_data"), 0, pal.text_muted);
        end_panel();
        return;
    }
    // From the kiosk's home venue ("U bent hier"), else from the middle of the map.
    data::LatLon from{camera_.center().lat_deg, camera_.center().lon_deg};
    if (const data::Venue* home = model_.venue(host_->settings.home_venue_id)) {
        from = home->location;
        text_.paragraph(text_.tr("map.you_are_here") + ": " + home->name, 0, pal.text_muted);
    }
    const std::string key = std::to_string(from.lat_deg) + "," + std::to_string(from.lon_deg) +
                            QueryCache::filter_key(s.filter);
    const auto& list = queries_.nearby(model_.feed(), wall_now(), key, [&] {
        return data::nearby(*model_.feed(), from, wall_now(), s.filter, 20, 2, 7);
    });
    if (list.empty()) {
        // Never a blank panel: say why, and offer to clear what caused it.
        ImGui::Dummy(ImVec2(1, 10));
        if (filters_active()) {
            text_.paragraph(text_.tr("filter.none_match"), 0, pal.text);
            if (big_button((std::string(text_.vis(text_.tr("filter.reset"))) + "##nearbyreset").c_str(), ImVec2(0, 0),
                           accent_colours())) {
                clear_filters();
            }
        } else {
            text_.paragraph(text_.tr("activity.nothing_found"), 0, pal.text);
        }
    }
    int index = 0;
    for (const auto& n : list) {
        const data::Venue& v = model_.feed()->venues[n.venue];
        ImGui::PushID(static_cast<int>(n.venue));
        ImGui::BeginGroup();
        const std::string walk = n.walking_min <= 1 ? (n.walking_m < 60 ? text_.tr("walk.here") : text_.tr("walk.one_minute"))
                                                    : text_.i18n().plural("walk.minutes", n.walking_min);
        ImGui::PushFont(theme_.heading());
        text_.paragraph(v.name, 0, pal.text);
        ImGui::PopFont();
        text_.line(walk + " \xC2\xB7 " + std::string(text_.i18n().venue_kind(v.kind)), pal.accent);
        ImGui::EndGroup();
        if (row_tapped()) focus_venue(n.venue, true);
        ImGui::Indent(18 * k);
        for (const auto& o : n.next) draw_occurrence_row(o, false, o.start_local.date != data::amsterdam_from_utc(wall_now()).date, index++);
        ImGui::Unindent(18 * k);
        ImGui::Dummy(ImVec2(1, 6 * k));
        ImGui::PopID();
    }
    ImGui::Dummy(ImVec2(1, 40 * k));
    end_panel();
}

}  // namespace bk::kiosk
