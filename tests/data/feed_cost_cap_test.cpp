// What one feed may cost: too many activities (per feed, at one venue) is a clear validation error,
// checked before the activities are read; one expansion returns at most kMaxOccurrencesPerExpansion.
// (Issue #10: a 100,000-activities-at-one-venue feed cost 7.2 s and 437 MB in feedcheck.)
#include <doctest/doctest.h>

#include "data/feed_parser.hpp"
#include "data/recurrence.hpp"
#include "test_feeds.hpp"

using namespace bk::data;

namespace {

std::string many_activities(std::size_t n, const std::string& venue_of_odd = "huiskamer-a") {
    std::string arr = "[";
    for (std::size_t i = 0; i < n; ++i) {
        if (i) arr += ",";
        std::string a = test_feeds::activity("a" + std::to_string(i), R"({"start": "2026-03-02T10:00", "rrule": "FREQ=DAILY"})");
        if (i % 2) a.replace(a.find("huiskamer-a"), 11, venue_of_odd);
        arr += a;
    }
    return test_feeds::feed_with(arr + "]");
}

}  // namespace

TEST_CASE("a feed with more activities than kMaxActivities is rejected with the limit and the count") {
    auto r = validate_feed(many_activities(kMaxActivities + 1, "speeltuin-b"), "big.json");
    REQUIRE_FALSE(r.errors.empty());
    CHECK_FALSE(r.feed);
    const std::string& m = r.errors.front().message;
    CHECK(m.find("/activities") != std::string::npos);
    CHECK(m.find("expected at most " + std::to_string(kMaxActivities) + " items, found " +
                 std::to_string(kMaxActivities + 1)) != std::string::npos);
}

TEST_CASE("more than kMaxActivitiesPerVenue activities at one venue is one clear error naming the venue") {
    auto r = validate_feed(many_activities(kMaxActivitiesPerVenue + 1), "one-venue.json");
    REQUIRE(r.errors.size() == 1);
    CHECK_FALSE(r.feed);
    const std::string& m = r.errors.front().message;
    CHECK(m.find("/activities/" + std::to_string(kMaxActivitiesPerVenue) + "/venue") != std::string::npos);
    CHECK(m.find("at most " + std::to_string(kMaxActivitiesPerVenue) + " activities at venue \"huiskamer-a\"") !=
          std::string::npos);
    // Exactly at the limit is fine.
    auto ok = validate_feed(many_activities(kMaxActivitiesPerVenue), "one-venue.json");
    CHECK(ok.errors.empty());
    CHECK(ok.feed);
}

TEST_CASE("one expansion returns at most kMaxOccurrencesPerExpansion occurrences, sorted") {
    // 2 venues x 1000 daily activities over 2 years would be 1.46 million occurrences.
    auto r = parse_feed(many_activities(2000, "speeltuin-b"), "daily.json");
    REQUIRE(r);
    auto occ = expand(**r, test_feeds::utc(2026, 3, 2), test_feeds::utc(2028, 3, 2));
    CHECK(occ.size() == kMaxOccurrencesPerExpansion);
    for (std::size_t i = 1; i < occ.size(); i += 997) CHECK_FALSE(occ[i].start_utc < occ[i - 1].start_utc);
}
