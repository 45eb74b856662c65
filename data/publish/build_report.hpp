// Build report — what changed since the last published feed and what failed, for the coordinator.
//
// Usage:
//   FeedChanges changes = diff_feeds(built.previous_feed_json, built.feed_json);
//   std::string text = format_report_text(built, changes, release, now);   // also printed by `build`
//   std::string html = format_report_html(built, changes, release, now);   // report.html in the release
// Changes are by id: venues, activities and notices added, removed or changed (any field). Failing
// sources come first in both forms, each with its URL/file, status (last-good / failed) and problems.
// The HTML page is self-contained (inline CSS), escaped, and readable on a phone.
// Threads: pure; any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "data/publish/feed_builder.hpp"
#include "data/publish/feed_output.hpp"

namespace bk::data::publish {

struct ChangeList {
    std::vector<std::string> added, removed, changed;  // "id — title/name"
    bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

struct FeedChanges {
    bool first_build = false;  // no previous feed
    ChangeList venues, activities, notices;
};

FeedChanges diff_feeds(std::string_view previous_json, std::string_view current_json);

std::string format_report_text(const BuildResult& built, const FeedChanges& changes, const Release* release, UtcTime now);
std::string format_report_html(const BuildResult& built, const FeedChanges& changes, const Release* release, UtcTime now);

}  // namespace bk::data::publish
