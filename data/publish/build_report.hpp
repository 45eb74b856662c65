// Build report — what changed since the last published feed and what failed, for the coordinator.
//
// Usage:
//   FeedChanges changes = diff_feeds(built.previous_feed_json, built.feed_json);
//   std::string text = format_report_text(built, changes, release, now);   // also printed by `build`
//   std::string html = format_report_html(built, changes, release, now);   // report.html in the release
// Changes are by id: venues, activities and notices added, removed, changed (any field) or cancelled
// (whole activity, or new cancelled dates), named by title and first date. Failing sources come first
// in both forms, each with its status, problems and what to do about them. The report is in Dutch and
// private (nginx serves it only behind basic auth), yet never shows a source's full address: only its
// host (redact_url), because a calendar's path can be its secret (Google's "private-…" iCal address).
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
    std::vector<std::string> added, removed, changed;  // "\"Titel\" (2026-12-01)" or a venue's name
    std::vector<std::string> cancelled;                // "\"Titel\" (2026-12-01) gaat niet door op 2026-12-08"
    bool empty() const { return added.empty() && removed.empty() && changed.empty() && cancelled.empty(); }
};

struct FeedChanges {
    bool first_build = false;  // no previous feed
    ChangeList venues, activities, notices;
};

FeedChanges diff_feeds(std::string_view previous_json, std::string_view current_json);

std::string format_report_text(const BuildResult& built, const FeedChanges& changes, const Release* release, UtcTime now);
std::string format_report_html(const BuildResult& built, const FeedChanges& changes, const Release* release, UtcTime now);
// The change tables and lists of the HTML report (also the history's "laatste wijzigingen" page).
std::string format_changes_html(const FeedChanges& changes);
std::string report_css();

// "https://calendar.google.com/calendar/ical/x/private-abc/basic.ics" -> "calendar.google.com/…".
std::string redact_url(std::string_view url);
// Every http(s) URL inside a message, redacted.
std::string redact_urls(std::string_view text);
// What the coordinator should do about a failing source, in Dutch.
std::string advice_for(const SourceReport& source);

}  // namespace bk::data::publish
