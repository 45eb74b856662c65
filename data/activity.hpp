// Activity — something that happens at a venue, once or on a recurring schedule.
//
// Plain value type, part of an immutable Feed (feed.hpp). All schedule times are
// Europe/Amsterdam wall-clock; recurrence rules are RFC 5545 RRULE text expanded by libical
// (recurrence.hpp). Per-date changes key on the *original* local date of an occurrence.
// Threads: value type; share via the Feed snapshot only.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/local_time.hpp"

namespace bk::data {

struct Schedule {
    LocalDateTime start;              // first occurrence (DTSTART), Amsterdam time
    int duration_min = 60;            // > 0; all-day: multiple of 1440
    bool all_day = false;
    std::string rrule;                // "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"; empty: one-off (+ rdates)
    std::vector<LocalDateTime> rdates;  // extra occurrences
    std::vector<LocalDate> exdates;     // dates with no occurrence (whole local day)
    std::optional<LocalDate> from;      // date range: no occurrences before (inclusive)
    std::optional<LocalDate> until;     // date range: no occurrences after (inclusive)
    // One continuous period (a summer closure, a 3-week exhibition): written as an all-day daily
    // rule from start to `until`, so every v1 kiosk shows each day; a kiosk that knows `span`
    // shows it once as "t/m <until>". Only with all_day and until.
    bool span = false;
    // Start time only (RFC 5545: a DTSTART date-time without DTEND/DURATION has no duration):
    // shown as "vanaf 19:00"; duration_min stays 60 for the "now on" logic and older kiosks.
    bool open_end = false;
};

// A change to one occurrence, keyed by its original local date.
struct OccurrenceChange {
    LocalDate date;
    bool cancelled = false;
    std::string reason;                   // shown with "gaat vandaag niet door"
    std::optional<LocalTime> start;       // moved start (same date)
    std::optional<int> duration_min;      // new duration
    std::optional<std::uint32_t> venue;   // moved to another venue (index into Feed::venues)
    std::string note;                     // "Deze week in de grote zaal"
    std::string title;                    // this date only: another title (empty: the activity's)
    std::string description;              // this date only: another description
};

// Title and one-line description in another language (feed 1.1 `translations`); the kiosk shows
// the visitor's language when present, Dutch otherwise.
struct Translation {
    std::string title;
    std::string description;
    bool operator==(const Translation&) const = default;
};

struct Activity {
    std::string id;
    std::string title;
    std::string description;
    std::uint32_t venue = 0;              // index into Feed::venues
    std::string organiser;
    std::vector<std::string> audiences;   // audiences() ids, at least one
    std::vector<std::string> categories;  // categories() ids, at least one
    std::optional<double> cost_eur;       // 0 = free; empty = unknown (never counts as free)
    std::string cost_note;                // "vrijwillige bijdrage"
    std::vector<std::string> languages;   // ISO 639-1: "nl", "tr", ...
    bool registration_required = false;
    std::string contact;                  // phone/e-mail/url for sign-up
    Schedule schedule;
    bool cancelled = false;               // whole activity cancelled (every occurrence flagged)
    std::string cancel_reason;
    std::vector<OccurrenceChange> changes;  // sorted by date, at most one per date
    bool highlighted = false;             // pinned by the coordinator (feed 1.1 `highlight`)
    std::map<std::string, Translation> translations;  // ISO 639-1 code -> text (feed 1.1)
    std::string search_text_;             // folded title + description + organiser (text_fold.hpp)

    bool is_free() const { return cost_eur && *cost_eur == 0.0; }
};

// The title and description a visitor reading `lang` (ISO 639-1) sees: the coordinator's translation
// when the feed has one (feed 1.1 `translations`), else the activity's own (Dutch) text.
inline const std::string& title_in(const Activity& a, std::string_view lang) {
    auto it = a.translations.find(std::string(lang));
    return it != a.translations.end() && !it->second.title.empty() ? it->second.title : a.title;
}
inline const std::string& description_in(const Activity& a, std::string_view lang) {
    auto it = a.translations.find(std::string(lang));
    return it != a.translations.end() && !it->second.description.empty() ? it->second.description : a.description;
}

}  // namespace bk::data
