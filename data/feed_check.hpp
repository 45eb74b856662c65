// Feed check — validate a feed file or URL and summarise it (feedcheck tool, kiosk --validate).
//
// Usage:
//   auto report = bk::data::check_feed_source("assets/feed/sample_feed.json", now);
//   std::cout << bk::data::format_check_report(report);
//   return report.ok() ? 0 : 1;
// A source starting with http:// or https:// is fetched (http_fetch.hpp), else read as a file;
// ".ics" files are imported with ics_import.hpp against no venues (summary of events only).
// Threads: any thread; blocking.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "data/feed_parser.hpp"
#include "data/local_time.hpp"

namespace bk::data {

struct FeedCheckReport {
    std::string source;
    std::optional<Error> load_error;            // could not read/fetch
    FeedReport feed;                             // parse/validation result
    std::map<std::string, int> venues_per_neighbourhood;
    std::map<std::string, int> venues_per_network;
    std::map<std::string, int> activities_per_category;
    int occurrences_this_week = 0;
    int cancelled_this_week = 0;
    bool ok() const { return !load_error && feed.feed != nullptr; }
};

FeedCheckReport check_feed_text(std::string_view text, std::string_view source, UtcTime now);
FeedCheckReport check_feed_source(const std::string& file_or_url, UtcTime now);
std::string format_check_report(const FeedCheckReport& report);

}  // namespace bk::data
