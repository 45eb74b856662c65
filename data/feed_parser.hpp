// Feed format v1 parser + validator (format: data/FEED_FORMAT.md, schema "buurtkaart-feed/1").
//
// Usage:
//   std::expected<bk::data::FeedPtr, bk::data::Error> r = bk::data::parse_feed(text, "feed.json");
//   if (!r) show(r.error().message);   // "feed.json:12:9: /venues/3/location/lat: expected ..."
//   auto report = bk::data::validate_feed(text, "feed.json");  // all issues, for feedcheck
// All-or-nothing: a feed with any error yields no Feed. Messages name the source, the line
// (and column for syntax errors), the JSON pointer, what was expected and the value found.
// Limits (what one feed may cost the kiosk): documents over kMaxFeedBytes, > kMaxVenues venues,
// > kMaxActivities activities, > kMaxActivitiesPerVenue activities at one venue and strings over
// kMaxStringBytes are rejected with an error naming the limit and what was found (issue #10: a
// 100,000-activity feed (44 MB) cost 7 s and 437 MB and is now refused before parsing; a real
// Delfshaven feed has a few hundred activities in a few hundred KB). Unknown fields are ignored; a different major
// schema version is rejected.
// Threads: any thread (pure functions); the updater calls them on its worker thread.
#pragma once
#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "data/error.hpp"
#include "data/json_document.hpp"  // line_column_at
#include "data/feed.hpp"

namespace bk::data {

inline constexpr std::size_t kMaxFeedBytes = 16u << 20;  // 20,000 activities at ~450 bytes each = 9 MiB
inline constexpr std::size_t kMaxVenues = 20000;
inline constexpr std::size_t kMaxActivities = 20000;
inline constexpr std::size_t kMaxActivitiesPerVenue = 2000;
inline constexpr std::size_t kMaxStringBytes = 8192;

struct FeedIssue {
    ErrorKind kind = ErrorKind::Validation;
    std::string pointer;  // JSON pointer, "" for the document
    int line = 0;         // 1-based, 0 when unknown
    int column = 0;       // 1-based for syntax errors, else 0
    std::string message;  // full text: "<source>:<line>: <pointer>: expected ..., found ..."
};

struct FeedReport {
    FeedPtr feed;                       // null when any error
    std::vector<FeedIssue> errors;      // at most kMaxReportedIssues
    std::vector<FeedIssue> warnings;
};

inline constexpr std::size_t kMaxReportedIssues = 50;

FeedReport validate_feed(std::string_view text, std::string_view source);
// The first error as Error{kind, message}.
std::expected<FeedPtr, Error> parse_feed(std::string_view text, std::string_view source);
std::expected<FeedPtr, Error> load_feed_file(const std::string& path);

// 1-based line where the value at JSON pointer `pointer` starts in (valid JSON) text; 0 if absent.
int line_of_pointer(std::string_view text, std::string_view pointer);
// The same for many pointers in one pass over the text.
std::vector<int> lines_of_pointers(std::string_view text, const std::vector<std::string>& pointers);

}  // namespace bk::data
