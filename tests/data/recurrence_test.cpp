#include <doctest/doctest.h>

#include "data/feed_parser.hpp"
#include "data/recurrence.hpp"
#include "test_feeds.hpp"

using namespace bk::data;
using test_feeds::activity;
using test_feeds::feed_with;
using test_feeds::utc;

namespace {

FeedPtr one(const std::string& schedule, const std::string& extra = "") {
    auto r = parse_feed(feed_with("[" + activity("a1", schedule, extra) + "]"), "test.json");
    REQUIRE_MESSAGE(r.has_value(), (r ? "" : r.error().message));
    return *r;
}

std::vector<LocalDateTime> local_starts(const std::vector<Occurrence>& occ) {
    std::vector<LocalDateTime> out;
    for (const auto& o : occ) out.push_back(o.start_local);
    return out;
}

}  // namespace

TEST_CASE("weekly 10:00 stays 10:00 local across the last Sunday of March") {
    auto feed = one(R"({"start": "2026-03-01T10:00", "duration_min": 90, "rrule": "FREQ=WEEKLY;BYDAY=SU"})");
    auto occ = expand(*feed, utc(2026, 3, 20), utc(2026, 4, 4));
    REQUIRE(occ.size() == 2);
    CHECK(occ[0].start_local == LocalDateTime{{2026, 3, 22}, {10, 0}});
    CHECK(occ[0].start_utc == utc(2026, 3, 22, 9));  // CET
    CHECK(occ[1].start_local == LocalDateTime{{2026, 3, 29}, {10, 0}});
    CHECK(occ[1].start_utc == utc(2026, 3, 29, 8));  // CEST, the day DST starts
    CHECK(occ[1].end_local == LocalDateTime{{2026, 3, 29}, {11, 30}});
}

TEST_CASE("weekly 10:00 stays 10:00 local across the last Sunday of October") {
    auto feed = one(R"({"start": "2026-09-06T10:00", "end": "12:00", "rrule": "FREQ=WEEKLY;BYDAY=SU"})");
    auto occ = expand(*feed, utc(2026, 10, 17), utc(2026, 10, 31));
    REQUIRE(occ.size() == 2);
    CHECK(occ[0].start_utc == utc(2026, 10, 18, 8));
    CHECK(occ[1].start_local == LocalDateTime{{2026, 10, 25}, {10, 0}});
    CHECK(occ[1].start_utc == utc(2026, 10, 25, 9));  // CET again
    CHECK(occ[1].end_utc - occ[1].start_utc == std::chrono::hours(2));
}

TEST_CASE("an occurrence at 02:30 on the day DST starts moves to 03:30") {
    auto feed = one(R"({"start": "2026-03-22T02:30", "rrule": "FREQ=WEEKLY"})");
    auto occ = expand(*feed, utc(2026, 3, 28), utc(2026, 3, 30));
    REQUIRE(occ.size() == 1);
    CHECK(occ[0].start_utc == utc(2026, 3, 29, 1, 30));
    CHECK(amsterdam_from_utc(occ[0].start_utc) == LocalDateTime{{2026, 3, 29}, {3, 30}});
}

TEST_CASE("every other week keeps its parity when the rule started long ago") {
    auto feed = one(R"({"start": "2020-01-07T14:00", "rrule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"})");
    auto occ = expand(*feed, utc(2026, 1, 1), utc(2026, 2, 1));
    // 2020-01-07 + k*14 days: 2026-01-13 and 2026-01-27 (2020-01-07 -> 2026-01-13 is 2198 days = 157*14).
    REQUIRE(occ.size() == 2);
    CHECK(occ[0].start_local.date == LocalDate{2026, 1, 13});
    CHECK(occ[1].start_local.date == LocalDate{2026, 1, 27});
}

TEST_CASE("nth weekday of the month: first Wednesday and last Friday") {
    auto feed = one(R"({"start": "2026-01-07T19:00", "rrule": "FREQ=MONTHLY;BYDAY=1WE"})");
    auto occ = expand(*feed, utc(2026, 2, 1), utc(2026, 5, 1));
    CHECK(local_starts(occ) == std::vector<LocalDateTime>{
                                   {{2026, 2, 4}, {19, 0}}, {{2026, 3, 4}, {19, 0}}, {{2026, 4, 1}, {19, 0}}});
    auto last = one(R"({"start": "2026-01-30T12:00", "rrule": "FREQ=MONTHLY;BYDAY=-1FR"})");
    auto occ2 = expand(*last, utc(2026, 2, 1), utc(2026, 4, 1));
    CHECK(local_starts(occ2) == std::vector<LocalDateTime>{{{2026, 2, 27}, {12, 0}}, {{2026, 3, 27}, {12, 0}}});
}

TEST_CASE("date range and exception dates limit a daily rule") {
    auto feed = one(R"({"start": "2026-07-01T09:00", "rrule": "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
                        "from": "2026-07-13", "until": "2026-07-17", "exdates": ["2026-07-15"]})");
    auto occ = expand(*feed, utc(2026, 6, 1), utc(2026, 9, 1));
    std::vector<LocalDate> dates;
    for (const auto& o : occ) dates.push_back(o.start_local.date);
    CHECK(dates == std::vector<LocalDate>{{2026, 7, 13}, {2026, 7, 14}, {2026, 7, 16}, {2026, 7, 17}});
}

TEST_CASE("one-off event with extra dates (RDATE)") {
    auto feed = one(R"({"start": "2026-05-09T13:00", "duration_min": 240, "rdates": ["2026-06-13T13:00"]})");
    auto occ = expand(*feed, utc(2026, 1, 1), utc(2027, 1, 1));
    CHECK(local_starts(occ) == std::vector<LocalDateTime>{{{2026, 5, 9}, {13, 0}}, {{2026, 6, 13}, {13, 0}}});
}

TEST_CASE("a cancelled occurrence is flagged with its reason, the others are not") {
    auto feed = one(R"({"start": "2026-03-02T12:00", "rrule": "FREQ=WEEKLY"})",
                    R"(, "changes": [{"date": "2026-03-09", "cancelled": true, "reason": "Vrijwilligers op cursus"}])");
    auto occ = expand(*feed, utc(2026, 3, 1), utc(2026, 3, 20));
    REQUIRE(occ.size() == 3);
    CHECK_FALSE(occ[0].cancelled);
    CHECK(occ[1].cancelled);
    CHECK(occ[1].cancel_reason == "Vrijwilligers op cursus");
    CHECK(occ[1].start_local.date == LocalDate{2026, 3, 9});
    CHECK_FALSE(occ[2].cancelled);
}

TEST_CASE("a per-date change moves time and venue and carries a note") {
    auto feed = one(R"({"start": "2026-03-02T12:00", "duration_min": 60, "rrule": "FREQ=WEEKLY"})",
                    R"(, "changes": [{"date": "2026-03-09", "start": "14:00", "end": "16:30", "venue": "speeltuin-b",
                                      "note": "Deze week in de speeltuin"}])");
    auto occ = expand(*feed, utc(2026, 3, 9), utc(2026, 3, 10));
    REQUIRE(occ.size() == 1);
    CHECK(occ[0].changed);
    CHECK(occ[0].start_local == LocalDateTime{{2026, 3, 9}, {14, 0}});
    CHECK(occ[0].end_local == LocalDateTime{{2026, 3, 9}, {16, 30}});
    CHECK(occ[0].venue == 1);
    CHECK(occ[0].note == "Deze week in de speeltuin");
}

TEST_CASE("an occurrence running at the window start is included") {
    auto feed = one(R"({"start": "2026-03-02T12:00", "duration_min": 120})");
    CHECK(expand(*feed, utc(2026, 3, 2, 12), utc(2026, 3, 2, 13)).size() == 1);  // 13:00-14:00 local
    CHECK(expand(*feed, utc(2026, 3, 2, 13), utc(2026, 3, 2, 14)).empty());        // ended at 13:00 UTC
}

TEST_CASE("all-day activity spans local midnight to midnight") {
    auto feed = one(R"({"start": "2026-03-29", "all_day": true})");
    auto occ = expand(*feed, utc(2026, 3, 1), utc(2026, 4, 1));
    REQUIRE(occ.size() == 1);
    CHECK(occ[0].all_day);
    CHECK(occ[0].start_utc == utc(2026, 3, 28, 23));
    CHECK(occ[0].end_utc == utc(2026, 3, 29, 22));  // 23 hours: DST day
}

TEST_CASE("a whole cancelled activity flags every occurrence") {
    auto feed = one(R"({"start": "2026-03-02T12:00", "rrule": "FREQ=WEEKLY"})",
                    R"(, "status": "cancelled", "cancel_reason": "Gestopt")");
    auto occ = expand(*feed, utc(2026, 3, 1), utc(2026, 3, 20));
    REQUIRE(occ.size() == 3);
    for (const auto& o : occ) CHECK((o.cancelled && o.cancel_reason == "Gestopt"));
}

TEST_CASE("runaway rules are capped per activity") {
    auto feed = one(R"({"start": "2000-01-01T00:00", "rrule": "FREQ=DAILY"})");
    auto occ = expand(*feed, amsterdam_midnight({2026, 1, 1}), utc(2030, 1, 1));
    CHECK(occ.size() <= std::size_t(kMaxOccurrencesPerActivity));
    CHECK(occ.size() > std::size_t(kMaxOccurrencesPerActivity) - 5);
    CHECK(occ.front().start_local.date == LocalDate{2026, 1, 1});
}

TEST_CASE("COUNT rules stop after COUNT occurrences") {
    auto feed = one(R"({"start": "2026-01-05T10:00", "rrule": "FREQ=WEEKLY;COUNT=3"})");
    CHECK(expand(*feed, utc(2026, 1, 1), utc(2026, 6, 1)).size() == 3);
}

TEST_CASE("check_rrule rejects nonsense and sub-daily frequencies") {
    CHECK(check_rrule("FREQ=WEEKLY;BYDAY=MO"));
    CHECK_FALSE(check_rrule("FREQ=SOMETIMES"));
    CHECK_FALSE(check_rrule("FREQ=MINUTELY"));
    CHECK_FALSE(check_rrule(""));
}

TEST_CASE("expand sorts occurrences of several activities by start") {
    auto r = parse_feed(feed_with("[" + activity("late", R"({"start": "2026-03-02T15:00", "rrule": "FREQ=DAILY"})") +
                                  "," + activity("early", R"({"start": "2026-03-02T09:00", "rrule": "FREQ=DAILY"})") +
                                  "]"),
                        "t.json");
    REQUIRE(r);
    auto occ = expand(**r, utc(2026, 3, 3), utc(2026, 3, 4));
    REQUIRE(occ.size() == 2);
    CHECK(occ[0].activity == 1);
    CHECK(occ[1].activity == 0);
}

TEST_CASE("jumping ahead in long-running rules gives the same dates as iterating from DTSTART") {
    // COUNT forces iteration from DTSTART (no set_start); the open rule jumps to the window.
    const char* rules[] = {"FREQ=WEEKLY;BYDAY=TU",          "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
                           "FREQ=MONTHLY;BYDAY=1WE",        "FREQ=MONTHLY;BYDAY=-1FR",
                           "FREQ=MONTHLY;INTERVAL=3;BYDAY=2SA", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
                           "FREQ=MONTHLY;BYMONTHDAY=15",   "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=27",
                           "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,FR"};
    for (const char* rule : rules) {
        CAPTURE(rule);
        auto open = one(std::string(R"({"start": "2021-06-01T10:00", "rrule": ")") + rule + "\"}");
        auto counted = one(std::string(R"({"start": "2021-06-01T10:00", "rrule": ")") + rule + ";COUNT=3000\"}");
        auto a = expand(*open, utc(2026, 2, 1), utc(2026, 8, 1));
        auto b = expand(*counted, utc(2026, 2, 1), utc(2026, 8, 1));
        CHECK(!a.empty());
        CHECK(local_starts(a) == local_starts(b));
    }
}

TEST_CASE("UNTIL in UTC is compared as the Amsterdam instant it names (inclusive)") {
    auto feed = one(R"({"start": "2026-03-02T10:00", "rrule": "FREQ=WEEKLY;UNTIL=20260316T090000Z"})");
    auto occ = expand(*feed, utc(2026, 3, 1), utc(2026, 4, 1));
    REQUIRE(occ.size() == 3);  // 2, 9 and 16 March (10:00 CET = 09:00Z)
    CHECK(occ.back().start_local.date == LocalDate{2026, 3, 16});
    auto date_until = one(R"({"start": "2026-03-02T10:00", "rrule": "FREQ=WEEKLY;UNTIL=20260309"})");
    CHECK(expand(*date_until, utc(2026, 3, 1), utc(2026, 4, 1)).size() == 2);
}
