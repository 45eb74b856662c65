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
// overrides -> per-date changes (cancelled, moved time/venue, note). Venue: X-BUURTKAART-VENUE
// (venue id), else LOCATION matched (accent-insensitive) against venue names/addresses, else
// default_venue_id; events with no venue are skipped with a warning. CATEGORIES and
// X-BUURTKAART-AUDIENCE map to known ids, else the defaults.
// Limits: kMaxIcsBytes input, kMaxIcsEvents VEVENTs. Errors: Parse (not iCalendar), NotFound
// (default venue unknown). Threads: any thread.
#pragma once
#include <cstddef>
#include <expected>
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
    std::vector<std::string> default_categories{"koffie"};
    std::vector<std::string> default_audiences{"iedereen"};
    std::vector<std::string> default_languages{"nl"};
    std::string id_prefix = "ics-";                 // activity id = prefix + sanitised UID
};

struct IcsImportResult {
    std::vector<Activity> activities;  // venue = index into options.venues
    std::vector<std::string> warnings; // "agenda.ics: VEVENT UID=x: ..."
};

std::expected<IcsImportResult, Error> import_ics(std::string_view ics_text, std::string_view source,
                                                 const IcsImportOptions& options);

}  // namespace bk::data
