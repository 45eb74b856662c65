#include <doctest/doctest.h>

#include "data/local_time.hpp"
#include "test_feeds.hpp"

using namespace bk::data;
using test_feeds::utc;

TEST_CASE("Amsterdam is UTC+1 in winter and UTC+2 in summer") {
    CHECK(amsterdam_utc_offset(utc(2026, 1, 15, 12)) == std::chrono::hours(1));
    CHECK(amsterdam_utc_offset(utc(2026, 7, 15, 12)) == std::chrono::hours(2));
    CHECK(amsterdam_from_utc(utc(2026, 1, 15, 12)) == LocalDateTime{{2026, 1, 15}, {13, 0}});
    CHECK(amsterdam_from_utc(utc(2026, 7, 15, 12)) == LocalDateTime{{2026, 7, 15}, {14, 0}});
}

TEST_CASE("DST starts at 01:00 UTC on the last Sunday of March and ends at 01:00 UTC on the last Sunday of October") {
    // 2026: 29 March and 25 October.
    CHECK(amsterdam_from_utc(utc(2026, 3, 29, 0, 59)) == LocalDateTime{{2026, 3, 29}, {1, 59}});
    CHECK(amsterdam_from_utc(utc(2026, 3, 29, 1, 0)) == LocalDateTime{{2026, 3, 29}, {3, 0}});
    CHECK(amsterdam_from_utc(utc(2026, 10, 25, 0, 59)) == LocalDateTime{{2026, 10, 25}, {2, 59}});
    CHECK(amsterdam_from_utc(utc(2026, 10, 25, 1, 0)) == LocalDateTime{{2026, 10, 25}, {2, 0}});
}

TEST_CASE("local to UTC: gap moves forward, ambiguous time takes summer time") {
    CHECK(utc_from_amsterdam({{2026, 3, 29}, {10, 0}}) == utc(2026, 3, 29, 8));
    CHECK(utc_from_amsterdam({{2026, 3, 28}, {10, 0}}) == utc(2026, 3, 28, 9));
    CHECK(utc_from_amsterdam({{2026, 3, 29}, {2, 30}}) == utc(2026, 3, 29, 1, 30));  // = 03:30 CEST
    CHECK(utc_from_amsterdam({{2026, 10, 25}, {2, 30}}) == utc(2026, 10, 25, 0, 30));  // first 02:30 (CEST)
    CHECK(amsterdam_midnight({2026, 10, 26}) == utc(2026, 10, 25, 23));
}

TEST_CASE("parses dates, times and RFC 3339 instants strictly") {
    CHECK(parse_local_date("2026-02-28") == LocalDate{2026, 2, 28});
    CHECK_FALSE(parse_local_date("2026-02-29"));
    CHECK_FALSE(parse_local_date("2026-2-28"));
    CHECK(parse_local_time("09:30") == LocalTime{9, 30});
    CHECK_FALSE(parse_local_time("24:00"));
    CHECK(parse_local_date_time("2026-03-29T10:00:00") == LocalDateTime{{2026, 3, 29}, {10, 0}});
    CHECK(parse_rfc3339("2026-03-29T10:00:00Z") == utc(2026, 3, 29, 10));
    CHECK(parse_rfc3339("2026-03-29T12:00:00+02:00") == utc(2026, 3, 29, 10));
    CHECK_FALSE(parse_rfc3339("2026-03-29T10:00:00"));
    CHECK(to_rfc3339(utc(2026, 3, 29, 10, 5)) == "2026-03-29T10:05:00Z");
    CHECK(iso_weekday({2026, 3, 29}) == 7);
    CHECK(add_days({2026, 2, 28}, 1) == LocalDate{2026, 3, 1});
}
