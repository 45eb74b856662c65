// Occurrence expansion: activities + schedules -> concrete, sorted occurrences in a window.
//
// Usage:
//   auto occ = bk::data::expand(*feed, from_utc, to_utc);            // all activities
//   auto one = bk::data::expand_activity(*feed, i, from_utc, to_utc);  // one activity
// An occurrence is returned when [start, end) overlaps [from_utc, to_utc). RRULE/RDATE/EXDATE
// are expanded by libical in Europe/Amsterdam wall-clock time, so "every Tuesday 10:00" stays
// 10:00 across DST. Per-date changes (cancel, moved time/venue, note) are applied.
// Limits: at most kMaxOccurrencesPerActivity per activity per call and kMaxRuleIterations
// iterator steps, so a runaway rule (FREQ=SECONDLY) cannot stall the kiosk; expand() returns at
// most kMaxOccurrencesPerExpansion occurrences (the earliest activities' first; a window that
// large only comes from a hostile feed or a caller asking for years).
// Threads: any thread; pure function of its arguments.
#pragma once
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "data/error.hpp"
#include "data/feed.hpp"
#include "data/local_time.hpp"

namespace bk::data {

inline constexpr int kMaxOccurrencesPerActivity = 400;
inline constexpr int kMaxRuleIterations = 5000;
inline constexpr std::size_t kMaxOccurrencesPerExpansion = 100000;

struct Occurrence {
    std::uint32_t activity = 0;   // index into Feed::activities
    std::uint32_t venue = 0;      // index into Feed::venues (after a venue change)
    UtcTime start_utc;
    UtcTime end_utc;
    LocalDateTime start_local;    // Europe/Amsterdam
    LocalDateTime end_local;
    LocalDate original_date;      // date the rule produced (key of changes)
    bool all_day = false;
    bool cancelled = false;       // "gaat vandaag niet door"
    std::string cancel_reason;
    bool changed = false;         // time or venue differs from the rule
    std::string note;
};

// Sorted by start_utc, then activity index.
std::vector<Occurrence> expand(const Feed& feed, UtcTime from_utc, UtcTime to_utc);
std::vector<Occurrence> expand_activity(const Feed& feed, std::uint32_t activity, UtcTime from_utc,
                                        UtcTime to_utc);

// Checks an RRULE text the way expand() will read it (parsers call this to reject bad rules).
std::expected<void, Error> check_rrule(std::string_view rrule);

}  // namespace bk::data
