// ActivitySheet — the manual activities spreadsheet (for organisations without an online calendar).
//
// Usage:
//   auto table = read_csv_file("activities.csv");
//   auto sheet = parse_activity_sheet(*table);              // fails only on missing required columns
//   for (auto& i : sheet->issues) report(i.to_string());      // bad rows are skipped
//   for (auto& a : sheet->activities) { a.activity.venue = index_of(a.venue_id); ... }
// Columns (case/space-insensitive; Dutch aliases): id, venue, title, start, end | duration (minutes),
//   repeat (RRULE "FREQ=WEEKLY;BYDAY=TU" or "weekly"/"wekelijks", "every 2 weeks"/"tweewekelijks",
//   "monthly"/"maandelijks"), until, except (dates), organiser, description, categories, audiences,
//   languages, cost ("gratis", "€ 2,50"), registration (ja/nee), contact.
// Dates: "2026-11-24", "24-11-2026", "24/11/2026"; times "10:00" or "10.00"; "start" may hold both.
// A row without an id gets one from title + venue + start. Unknown categories/audiences are warnings
// (dropped); a row with no known category, a bad date, end before start or a bad RRULE is an issue.
// Threads: pure; any thread.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/activity.hpp"
#include "data/error.hpp"
#include "data/publish/csv_reader.hpp"
#include "data/publish/venue_sheet.hpp"

namespace bk::data::publish {

struct ManualActivity {
    int line = 0;
    std::string venue_id;  // resolved to Activity::venue by the feed builder
    Activity activity;     // venue index not yet set
};

struct ActivitySheet {
    std::vector<ManualActivity> activities;
    std::vector<SheetIssue> issues;    // rows skipped
    std::vector<SheetIssue> warnings;  // rows kept, something dropped
};

std::expected<ActivitySheet, Error> parse_activity_sheet(const CsvTable& table);

// "2026-11-24", "24-11-2026", "24/11/2026", "24-11-26" → date.
std::optional<LocalDate> parse_sheet_date(std::string_view text);
// "10:00", "10.00", "10u", "10" → time.
std::optional<LocalTime> parse_sheet_time(std::string_view text);
// RRULE text or a shorthand (see above) → RRULE; nullopt when unreadable. `start` gives BYDAY.
std::optional<std::string> parse_repeat(std::string_view text, LocalDate start);

}  // namespace bk::data::publish
