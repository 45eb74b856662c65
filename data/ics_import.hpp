// iCalendar (.ics, RFC 5545) import: VEVENTs -> Activities of the agenda.
//
// Usage:
//   bk::data::IcsImportOptions opt;
//   opt.venues = feed->venues;                 // for venue matching
//   opt.default_venue_id = "huiskamer-de-schans";
//   auto r = bk::data::import_ics(ics_text, "agenda.ics", opt);
//   if (r) for (auto& a : r->activities) ...  // a.venue indexes opt.venues
// Mapping: SUMMARY->title, DESCRIPTION->description, ORGANIZER CN->organiser, DTSTART/DTEND/
// DURATION (TZID, UTC or floating; all-day dates) -> schedule in Europe/Amsterdam time, RRULE/
// RDATE/EXDATE -> schedule, STATUS:CANCELLED -> whole activity cancelled, RECURRENCE-ID
// overrides -> per-date changes (cancelled, moved time/venue, note, other title/description).
// Venue: X-BUURTKAART-VENUE (venue id), else LOCATION matched (accent-insensitive) against venue
// names/addresses, else default_venue_id; events with no venue are skipped with a warning.
// CATEGORIES and X-BUURTKAART-AUDIENCE map to known ids, else the defaults (empty default
// categories: left empty for the caller to fill in).
// Rules, as Google Calendar, Thunderbird and python recurring-ical-events read the same file:
//  * A TZID naming a known IANA zone uses the system tz database (an embedded VTIMEZONE is only
//    the fallback for unknown names, e.g. Outlook's "W. Europe Standard Time").
//  * A series is expanded in its own zone, then every instance converted to Amsterdam. When the
//    feed's compact form (one RRULE in Amsterdam wall-clock, whole-day EXDATEs) would give other
//    instances — another zone's DST dates, several RRULEs (union), an EXDATE at one time of a day
//    with two instances, an override moved onto an excluded day — the instances inside
//    [window_from, window_to] are written out as dates (RDATEs) instead.
//  * RECURRENCE-ID overrides without their master become one-off activities; of masters sharing
//    a UID the highest SEQUENCE is kept (the later one on a tie).
//  * Whitespace or a byte-order mark before BEGIN:VCALENDAR is ignored.
//  * An RRULE libical cannot read leaves a one-off, with a warning naming the event.
//  * DTSTART date-time without DTEND/DURATION: no duration (Schedule::open_end); date: one day.
//  * An all-day or timed event longer than 14 days becomes a span (Schedule::span, FEED_FORMAT.md).
// Warnings name the event by title and first date: `agenda.ics: "Koffie" (2026-03-02): ...`.
// Limits: kMaxIcsBytes input, kMaxIcsEvents VEVENTs. Errors: Parse (not iCalendar), NotFound
// (default venue unknown). Threads: any thread.
#pragma once
#include <cstddef>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "data/activity.hpp"
#include "data/error.hpp"
#include "data/venue.hpp"

namespace bk::data {

inline constexpr std::size_t kMaxIcsBytes = 16u << 20;
inline constexpr std::size_t kMaxIcsEvents = 50000;

struct IcsImportOptions {
    std::span<const Venue> venues;
    std::string default_venue_id;                   // empty: no default
    std::vector<std::string> default_categories{"koffie"};  // empty: left empty when CATEGORIES has none
    std::vector<std::string> default_audiences{"iedereen"};
    std::vector<std::string> default_languages{"nl"};
    std::string id_prefix = "ics-";                 // activity id = prefix + sanitised UID
    // Dates for which series that must be written out as dates are expanded. Unset: from the
    // series' start to 12 months after today.
    std::optional<LocalDate> window_from, window_to;
};

struct IcsImportResult {
    std::vector<Activity> activities;  // venue = index into options.venues
    std::vector<std::string> warnings; // "agenda.ics: VEVENT UID=x: ..."
};

std::expected<IcsImportResult, Error> import_ics(std::string_view ics_text, std::string_view source,
                                                 const IcsImportOptions& options);

}  // namespace bk::data
