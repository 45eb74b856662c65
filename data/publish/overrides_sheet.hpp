// Overrides sheet — the coordinator's corrections, applied on every build (moderation).
//
// Usage:
//   auto table = parse_csv(text, "overrides.csv");
//   auto sheet = parse_overrides_sheet(*table);             // rows; bad rows are issues, skipped
//   ModerationLog log = apply_overrides(*sheet, feed, source_ids);  // source_ids[i]: source of activity i
//   for (auto& line : log.lines) report(line);                // what each row did, in Dutch
// One row per correction (CSV like the venues sheet; Dutch or English headers):
//   uid       activity id in the feed, or the calendar's UID         } at least one of these
//   bron      organisation / source id (source)                      } picks the events;
//   titel     title pattern, * = anything, case/accent-insensitive   } all given must match
//   datum     one date (2026-12-24 or 24-12-2026): only that occurrence (hide) / the event starting then
//   actie     verbergen (hide), uitlichten (pin as highlighted), or empty (only the columns below)
//   categorie, doelgroep, plek, taal   replace categories / audiences / venue (id or name) / languages
//   titel_en, omschrijving_en, titel_tr, omschrijving_tr, titel_ar, …_pl, …_pt   translations
//   opmerking free text for the coordinator, ignored
// A row that matches nothing is reported (the event may have gone or been renamed).
// Threads: pure; any thread.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "data/error.hpp"
#include "data/feed.hpp"
#include "data/publish/csv_reader.hpp"
#include "data/publish/venue_sheet.hpp"

namespace bk::data::publish {

inline constexpr const char* kTranslationLanguages[] = {"en", "tr", "ar", "pl", "pt"};

struct OverrideRow {
    int line = 0;
    std::string uid, source, title_pattern;
    std::optional<LocalDate> date;
    bool hide = false, highlight = false;
    std::vector<std::string> categories, audiences, languages;  // ids; empty: unchanged
    std::string venue;                                          // venue id or name; empty: unchanged
    std::map<std::string, Translation> translations;
};

struct OverridesSheet {
    std::string source;
    std::vector<OverrideRow> rows;
    std::vector<SheetIssue> issues;  // rows skipped
};

std::expected<OverridesSheet, Error> parse_overrides_sheet(const CsvTable& table);

struct ModerationLog {
    std::vector<std::string> lines;     // "overrides.csv:3: verborgen: \"Bingo\" (2026-12-24)"
    std::vector<std::string> unmatched; // "overrides.csv:7: past op geen enkele activiteit (titel \"Yoga*\")"
};

// Applies every row to `feed.activities` in order (later rows win); hidden whole activities are
// removed (source_ids is kept in step). Call feed.finish() afterwards.
ModerationLog apply_overrides(const OverridesSheet& sheet, Feed& feed, std::vector<std::string>& source_ids,
                              std::vector<std::size_t>* owner = nullptr);

}  // namespace bk::data::publish
