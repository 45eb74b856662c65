// FeedBuilder — sources file → one validated feed v1 (the heart of `wijkagenda build`).
//
// Usage:
//   auto cfg = read_sources_file("sources.json");
//   BuildOptions opt{.state_dir = "/var/lib/wijkagenda", .now = now_utc};
//   auto built = build_feed(*cfg, opt);
//   if (!built) { log(built.error().message); return 1; }   // nothing publishable; last published stays
//   for (const SourceReport& s : built->sources) ...          // what came from where, what failed
//   publish(built->feed_json);                               // feed_output.hpp
// Steps: venues sheet (fetch → CSV → rows → geocode missing coordinates → vocab mapping), manual
// activities sheet, each organisation's ICS calendar(s) via bk::data::import_ics, notices; then
// bk::data::write_feed_json and the kiosk's own bk::data::parse_feed as the final check.
// Last good: every source (sheets and calendars) is kept in the SourceStore after it parsed; a source
// that cannot be fetched or does not parse is reported and its last good copy is used. A venue row
// that is now wrong (outside the area, unknown neighbourhood, ...) falls back to that venue as it was
// in the previously published feed (<state>/last_feed.json). One bad source never empties the feed:
// only an unreadable venues sheet without any last good copy, or a feed that fails the kiosk's
// validation as a whole (not one activity of it), is an Error. An activity the kiosk would reject is left
// out with a warning on its source naming title and date; the rest is published. An unchanged agenda yields byte-identical JSON (BuildResult::unchanged).
// Calendars are fetched 8 at a time on short-lived worker threads (one hanging server costs one timeout);
// parsing and everything else runs on the calling thread.
// Threads: blocking (network); any thread; one build at a time per state_dir.
#pragma once

#include <expected>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "data/error.hpp"
#include "data/feed.hpp"
#include "data/publish/sources_file.hpp"

namespace bk::data::publish {

enum class SourceStatus {
    Fresh,            // fetched (200 or file) and parsed; saved as the new last good copy
    NotModified,      // 304: the last good copy is current
    LastGood,         // fetch or parse failed: the last good copy was used
    Failed,           // failed and no last good copy: nothing from this source
};
const char* to_string(SourceStatus s);

struct SourceReport {
    std::string id;            // "venues", "activities", or the organisation id (+ "-2", ...)
    std::string label;         // organisation name or sheet name
    std::string origin;        // URL or file
    SourceStatus status = SourceStatus::Failed;
    std::vector<std::string> problems;  // why it failed / fell back (URL, file:line, what)
    std::vector<std::string> warnings;  // rows or events skipped or changed, source still used
    int items = 0;                      // venues or activities taken from it
    std::vector<std::string> category_guesses;  // "Titel" (datum) → Taal (op grond van: taalcafe)
    int outside_window = 0;             // activities left out: all their dates outside the window
    std::string last_good_saved_at;     // when the copy used was saved (LastGood/NotModified)
};

struct BuildOptions {
    std::filesystem::path state_dir;  // source copies, geocode cache, last_feed.json
    UtcTime now{};
    bool geocode = true;              // false: never ask PDOK (cache still used)
};

struct BuildResult {
    std::shared_ptr<const Feed> feed;  // as parsed back by the kiosk's parser
    std::string feed_json;             // exact bytes to publish (and sign)
    std::string previous_feed_json;    // last published feed (for the change report), may be empty
    std::vector<SourceReport> sources;
    int geocoder_requests = 0;
    LocalDate window_from, window_to;  // what the feed keeps (sources file "window")
    std::vector<std::string> moderation;  // what the overrides sheet changed, one line each
    // True when the content equals the last published feed: then generated_at is kept too, so the bytes
    // (and nginx's ETag) stay the same and 60 kiosks keep getting 304s instead of a fresh download.
    bool unchanged = false;
    bool any_failed() const;
};

std::expected<BuildResult, Error> build_feed(const SourcesConfig& config, const BuildOptions& options);

// How reports name an event: "Koffieochtend" (2026-03-02) — title and first date.
std::string event_label(const Activity& a);

// Called after a successful publish: remembers the feed for venue fallback and the next change report.
std::expected<void, Error> remember_published_feed(const std::filesystem::path& state_dir, const std::string& feed_json);

}  // namespace bk::data::publish
