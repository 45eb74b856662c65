// CsvTable — reads a CSV sheet the way spreadsheets export it (RFC 4180 plus the usual quirks).
//
// Usage:
//   auto table = bk::data::publish::read_csv_file("venues.csv");       // or parse_csv(text, "name")
//   if (!table) { report(table.error().message); }
//   auto col = table->column("name");                                    // header lookup, case-insensitive
//   for (const CsvRow& row : table->rows) use(row.line, row.field(*col));
//
// Quirks handled: UTF-8 byte order mark, `;` / `,` / tab delimiter (detected on the header line,
// outside quotes), quoted fields with doubled quotes and embedded delimiters or newlines, CRLF / LF / CR
// line ends, blank rows and rows of only delimiters (what a spreadsheet leaves below the data).
// Limits: 16 MiB of text, 200 columns. Errors name the source, the line and what was wrong
// (unterminated quote, text after a closing quote, too many columns).
// Threads: pure functions, any thread.
#pragma once

#include <cstddef>
#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/error.hpp"

namespace bk::data::publish {

struct CsvRow {
    int line = 0;  // 1-based line in the file where this row starts
    std::vector<std::string> fields;
    // The field at `column`, or "" when the row is shorter (spreadsheets drop trailing empty cells).
    const std::string& field(std::size_t column) const;
};

struct CsvTable {
    std::string source;  // file name or label, for messages
    char delimiter = ',';
    std::vector<std::string> header;  // as written, trimmed
    std::vector<CsvRow> rows;         // data rows (header excluded, blank rows dropped)

    // Index of the first header that matches one of `names` (case-insensitive, trimmed,
    // spaces/underscores/dashes ignored, so "Opening hours" == "opening_hours").
    std::optional<std::size_t> column(std::initializer_list<std::string_view> names) const;
};

inline constexpr std::size_t kCsvMaxBytes = 16u << 20;
inline constexpr std::size_t kCsvMaxColumns = 200;

std::expected<CsvTable, Error> parse_csv(std::string_view text, std::string source);
std::expected<CsvTable, Error> read_csv_file(const std::filesystem::path& path);

// Trims ASCII white space and non-breaking spaces (U+00A0, common in pasted cells).
std::string trim_cell(std::string_view cell);
// Header key used by CsvTable::column: lower-case ASCII, without spaces, '_', '-', '/'.
std::string normalise_header(std::string_view header);

}  // namespace bk::data::publish
