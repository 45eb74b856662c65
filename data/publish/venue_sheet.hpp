// VenueSheet — the volunteers' venues spreadsheet (CSV) turned into checked rows.
//
// Usage:
//   auto table = read_csv_file("venues.csv");
//   auto sheet = parse_venue_sheet(*table);            // fails only when required columns are missing
//   for (const SheetIssue& i : sheet->issues) report(i); // bad rows are skipped, not fatal
//   for (const VenueRow& v : sheet->venues) if (!v.lon_deg) geocode(v.address);
//
// Columns (header names, case/space-insensitive, a few Dutch aliases accepted):
//   id, name, network, neighbourhood, address, lon, lat (or one "lon/lat" column "4.45 51.91"),
//   kind, opening hours, accessibility, contact, website.
// Numbers may use a decimal comma (Dutch spreadsheets). Rows with a duplicate id, no id, no name,
// or neither coordinates nor an address become issues with file:line. Empty coordinates stay
// empty (std::nullopt) so the caller can geocode the address.
// Threads: pure functions, any thread.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/error.hpp"
#include "data/publish/csv_reader.hpp"

namespace bk::data::publish {

// One problem in one row of a sheet; the row is skipped (or partly used, as the message says).
struct SheetIssue {
    std::string source;  // file name
    int line = 0;
    std::string message;
    std::string to_string() const { return source + ":" + std::to_string(line) + ": " + message; }
};

struct VenueRow {
    int line = 0;
    std::string id, name, network, neighbourhood, address;
    std::optional<double> lon_deg, lat_deg;
    std::string kind, opening_hours, accessibility, contact, website;
};

struct VenueSheet {
    std::vector<VenueRow> venues;
    std::vector<SheetIssue> issues;
};

std::expected<VenueSheet, Error> parse_venue_sheet(const CsvTable& table);

// "4.4512", "4,4512", " 51.91 " → number; anything else → nullopt. Shared by the sheets.
std::optional<double> parse_decimal(std::string_view text);

}  // namespace bk::data::publish
