// Venue mapping — a checked sheet row (venue_sheet.hpp) → a feed Venue (data/venue.hpp).
//
// Usage:
//   auto venue = to_feed_venue(row, area);     // row.lon_deg/lat_deg must be set (geocode first)
//   if (!venue) issues.push_back(venue.error()); else feed.venues.push_back(*venue);
// Free text from the spreadsheet becomes the feed's fixed vocabularies (data/vocab.hpp):
//   kind / network / neighbourhood: the id itself, or its Dutch label, case-, accent- and
//   punctuation-insensitive; for neighbourhoods also the buurt names of Delfshaven (Bospolder,
//   Tussendijken → botu; Witte Dorp → oud-mathenesse-witte-dorp; Schiemond → delfshaven-schiemond).
//   opening hours: "ma-vr 09:00-17:00; za 10-14", "Mo,We 9.30-12.00, 13:00-16:00", "dagelijks 9-21".
//   accessibility: keywords (rolstoel/wheelchair/drempelvrij, toilet, ringleiding/hearing loop) + notes.
//   contact: e-mail, phone and website found in the text; the website column wins.
//   address: "Schansstraat 12, 3025 AB Rotterdam" → address "Schansstraat 12", postcode "3025 AB".
// A venue outside `area`, with an unknown kind/neighbourhood/network or a bad id is an issue (the
// row is not used); unreadable opening hours are an issue but the venue is kept without hours.
// Threads: pure; any thread.
#pragma once

#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "data/venue.hpp"
#include "data/vocab.hpp"
#include "data/publish/sources_file.hpp"
#include "data/publish/venue_sheet.hpp"

namespace bk::data::publish {

struct MappedVenue {
    Venue venue;
    std::vector<SheetIssue> warnings;  // kept the venue, but something was dropped
};

std::expected<MappedVenue, SheetIssue> to_feed_venue(const VenueRow& row, const Area& area, std::string_view source);

// Vocabulary id for free text (id or Dutch label, folded), or nullopt.
std::optional<std::string> match_vocab(std::span<const VocabEntry> vocab, std::string_view text);
std::optional<std::string> match_neighbourhood(std::string_view text);

// Opening hours text → entries, or an error text describing the part that could not be read.
std::expected<std::vector<OpeningHours>, std::string> parse_opening_hours(std::string_view text);

// Feed id rule (data feed format): 1–64 of a-z 0-9 - _ . starting with a letter or digit.
bool is_feed_id(std::string_view id);
// Lower-cases and replaces anything else by '-', collapsing runs, trimming to 64 chars.
std::string to_feed_id(std::string_view text);

}  // namespace bk::data::publish
