// ICS writer — activities of a Feed as an iCalendar (RFC 5545) file residents can subscribe to.
//
// Usage:
//   std::vector<std::uint32_t> acts = activities_at_venue(feed, venue_index);
//   std::string ics = write_ics(feed, acts, {"Huiskamer De Schans — wijkagenda", "..."}, now_utc);
//   write_file_atomically(out / "ics/venue/huiskamer-de-schans.ics", ics);
// Each activity is one VEVENT in Europe/Amsterdam time (a VTIMEZONE block is included, as Outlook
// and older phones need it): DTSTART;TZID + DURATION, RRULE (+ UNTIL from the schedule's end date),
// RDATE, EXDATE, GEO, LOCATION, CATEGORIES (Dutch labels), STATUS:CANCELLED. Per-date changes become
// RECURRENCE-ID overrides (moved time, other venue, note, cancelled). Lines are CRLF, text is
// escaped (\\ \; \, \n) and folded at 75 octets without splitting UTF-8 characters.
// Threads: pure; any thread.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "data/feed.hpp"

namespace bk::data::publish {

struct IcsCalendarInfo {
    std::string name;         // X-WR-CALNAME, shown as the calendar's name on phones
    std::string description;  // X-WR-CALDESC
    std::string uid_domain = "wijkagenda.buurtkaart";  // UID = activity id + "@" + domain
};

std::string write_ics(const Feed& feed, std::span<const std::uint32_t> activities, const IcsCalendarInfo& info,
                      UtcTime dtstamp);

std::vector<std::uint32_t> activities_at_venue(const Feed& feed, std::uint32_t venue);
std::vector<std::uint32_t> activities_in_network(const Feed& feed, std::string_view network);

// RFC 5545 §3.3.11 TEXT escaping and §3.1 folding (exposed for tests).
std::string escape_ics_text(std::string_view text);
std::string fold_ics_line(std::string_view line);

}  // namespace bk::data::publish
