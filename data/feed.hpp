// Feed — one immutable snapshot of the district agenda (venues + activities + notices).
//
// Usage:
//   bk::data::FeedPtr feed = bk::data::parse_feed(text, "feed.json").value();  // feed_parser.hpp
//   if (auto i = feed->find_venue("huiskamer-de-schans")) use(feed->venues[*i]);
// A Feed is built only when a whole document parsed and validated; afterwards it never
// changes. Workers build it, the main thread swaps the shared_ptr it shows.
// Threads: any thread may read a Feed concurrently (it is const).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "data/activity.hpp"
#include "data/local_time.hpp"
#include "data/venue.hpp"

namespace bk::data {

inline constexpr std::string_view kFeedSchemaPrefix = "buurtkaart-feed/";
inline constexpr int kFeedSchemaMajor = 1;
inline constexpr int kFeedSchemaMinor = 1;  // 1.1: category "overig", span, open_end, change title/description, translations

struct Notice {
    std::string id;
    std::string text;
    std::string severity = "info";  // "info" | "warning"
    std::optional<UtcTime> from;    // shown from (inclusive)
    std::optional<UtcTime> until;   // shown until (exclusive)
};

struct Feed {
    std::string source;               // file path or URL it came from
    int schema_major = kFeedSchemaMajor;
    int schema_minor = kFeedSchemaMinor;
    std::optional<UtcTime> generated_at;
    std::string publisher;
    bool sample = false;              // sample data: the kiosk shows a banner
    std::vector<Notice> notices;
    std::vector<Venue> venues;
    std::vector<Activity> activities;
    std::unordered_map<std::string, std::uint32_t> venue_index_;     // id -> index
    std::unordered_map<std::string, std::uint32_t> activity_index_;  // id -> index

    std::optional<std::uint32_t> find_venue(std::string_view id) const;
    std::optional<std::uint32_t> find_activity(std::string_view id) const;
    // Notices to show at `now`.
    std::vector<const Notice*> active_notices(UtcTime now) const;
    // Rebuilds the id indexes and folded search texts (builders call this once, before sharing).
    void finish();
};

using FeedPtr = std::shared_ptr<const Feed>;

}  // namespace bk::data
