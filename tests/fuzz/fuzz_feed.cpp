// Fuzz target: feed JSON v1 parse + validate (data/feed_parser.hpp), then occurrence expansion of a
// valid feed over a fortnight (data/recurrence.hpp) and the feed check summary (data/feed_check.hpp).
// Properties: a feed comes back iff there are no errors; every error message names the source.
#include "data/feed_check.hpp"
#include "data/feed_parser.hpp"
#include "data/recurrence.hpp"
#include "fuzz_support.hpp"

BK_FUZZ_ENTRY {
    using namespace bk::data;
    const auto text = bk_fuzz::text(data, size);
    FeedReport r = validate_feed(text, "fuzz.json");
    bk_fuzz::require((r.feed != nullptr) == r.errors.empty(), "feed returned iff no errors");
    bk_fuzz::require(r.errors.size() <= kMaxReportedIssues + 1, "reported errors are capped");
    for (const FeedIssue& e : r.errors)
        bk_fuzz::require(e.message.find("fuzz.json") != std::string::npos, "error names the source");
    if (!r.feed) return 0;
    const UtcTime monday = std::chrono::sys_days{std::chrono::year{2026} / 3 / 2};
    auto occ = expand(*r.feed, monday, monday + std::chrono::days{14});
    bk_fuzz::require(occ.size() <= kMaxOccurrencesPerExpansion, "expansion is capped");
    for (const Occurrence& o : occ) bk_fuzz::require(o.activity < r.feed->activities.size(), "occurrence index");
    (void)format_check_report(check_feed_text(text, "fuzz.json", monday));
    return 0;
}
