// NowStrip — the start screen's signage board: what is on now (near this kiosk first), what comes
// later today, and when the day is over what is next and when ("Morgen 09:00 Koffieochtend").
// Also the time state of every venue, so the map can light up venues with something on now.
// Shape (issue 14): build_now_strip() turns a feed + "now" into a plain NowStripView; draw_now_strip()
// draws that view and returns what the visitor tapped. Neither touches App state.
// Usage (main thread for drawing; building is pure and may run anywhere):
//   const auto& week = queries.occurrences(feed, now, "week"+key, [&]{ return data::this_week(*feed, now, f); });
//   NowStripView v = build_now_strip(*feed, week, now, home, 3);
//   NowStripAction a = draw_now_strip(v, *feed, text, theme, rect);  if (a.open_venue) ...
#pragma once
#include <imgui.h>

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "data/feed.hpp"
#include "data/recurrence.hpp"
#include "data/venue.hpp"

namespace bk::kiosk {

class UiText;
class Theme;

struct NowStripItem {
    data::Occurrence occurrence;
    int walking_min = -1;  // from the kiosk's home venue; -1 when the kiosk has none
};

struct NowStripView {
    std::vector<NowStripItem> now;     // running now, nearest to the kiosk first
    std::vector<NowStripItem> later;   // later today, soonest first
    std::optional<NowStripItem> next;  // only when nothing is left today: the next activity (7 days)
    std::size_t now_total = 0;         // before cutting to max_items
    std::size_t later_total = 0;
};

// `upcoming`: occurrences running at `now` or starting later (data::this_week with the visitor's
// filter). Cancelled occurrences never count as "on". At most max_items per group.
NowStripView build_now_strip(const data::Feed& feed, std::span<const data::Occurrence> upcoming, data::UtcTime now,
                             std::optional<data::LatLon> home, std::size_t max_items);

// How the map shows a venue at `now`.
enum class VenueTime : std::uint8_t { quiet, later_today, now };
// One entry per feed venue (same indexes), from the same `upcoming` list.
std::vector<VenueTime> venue_times(const data::Feed& feed, std::span<const data::Occurrence> upcoming,
                                   data::UtcTime now);

struct NowStripAction {
    std::optional<std::uint32_t> open_venue;     // a row was tapped: show this venue's card
    std::optional<data::Occurrence> occurrence;  // ... and this activity in it
};

struct NowStripLayout {
    ImVec2 pos;          // top-left of the strip's window
    float width = 0;
    float height = 0;    // 0 = fit the content
    bool columns = false;  // "Nu" and "Straks" side by side (portrait band) instead of one list
};

// Draws the strip as its own ImGui window; `rect_out` receives where it was drawn (for hit tests).
NowStripAction draw_now_strip(const NowStripView& view, const data::Feed& feed, data::UtcTime now, UiText& text,
                              const Theme& theme, const NowStripLayout& layout, ImVec2* rect_min, ImVec2* rect_max);

}  // namespace bk::kiosk
