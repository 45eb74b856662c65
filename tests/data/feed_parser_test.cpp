#include <doctest/doctest.h>

#include "data/atomic_file.hpp"
#include "data/feed_parser.hpp"
#include "data/feed_writer.hpp"
#include "data/recurrence.hpp"
#include "test_feeds.hpp"

using namespace bk::data;
using test_feeds::activity;
using test_feeds::feed_with;
using test_feeds::utc;

TEST_CASE("a valid feed yields venues, activities and indexes") {
    auto full = R"({"id": "eten-a", "title": "Buurtmaaltijd", "description": "Samen eten", "venue": "huiskamer-a",
        "organiser": "Stichting Test", "audiences": ["ouderen", "iedereen"], "categories": ["maaltijd"],
        "cost_eur": 3.5, "cost_note": "Vrijwillige bijdrage mag ook", "languages": ["nl", "tr"],
        "registration_required": true, "contact": "06-12345678",
        "schedule": {"start": "2026-03-04T17:30", "end": "19:30", "rrule": "RRULE:FREQ=WEEKLY;BYDAY=WE",
                     "exdates": ["2026-04-01", "2026-04-08T17:30"]},
        "changes": [{"date": "2026-03-11", "cancelled": true, "reason": "Ramadan-iftar elders"}],
        "future_field": {"ignored": true}})";
    auto r = parse_feed(feed_with(std::string("[") + full + "]", R"( "publisher": "Test", "sample": true,
        "generated_at": "2026-03-01T10:00:00Z",
        "notices": [{"id": "n1", "text": "Voorbeelddata", "severity": "warning"}],)"),
                        "valid.json");
    REQUIRE_MESSAGE(r, (r ? "" : r.error().message));
    const Feed& f = **r;
    CHECK(f.sample);
    CHECK(f.publisher == "Test");
    CHECK(f.generated_at == utc(2026, 3, 1, 10));
    REQUIRE(f.venues.size() == 2);
    CHECK(f.find_venue("speeltuin-b") == 1u);
    CHECK_FALSE(f.find_venue("nope"));
    REQUIRE(f.activities.size() == 1);
    const Activity& a = f.activities[0];
    CHECK(a.audiences == std::vector<std::string>{"ouderen", "iedereen"});
    CHECK(a.cost_eur == 3.5);
    CHECK_FALSE(a.is_free());
    CHECK(a.registration_required);
    CHECK(a.schedule.duration_min == 120);
    CHECK(a.schedule.rrule == "FREQ=WEEKLY;BYDAY=WE");
    CHECK(a.schedule.exdates == std::vector<LocalDate>{{2026, 4, 1}, {2026, 4, 8}});
    REQUIRE(a.changes.size() == 1);
    CHECK(a.changes[0].cancelled);
    CHECK(f.active_notices(utc(2026, 3, 5)).size() == 1);
}

TEST_CASE("validate_feed reports every error with its line, parse_feed the first") {
    std::string text = feed_with("[" + activity("x1", R"({"start": "nope"})") + ",\n" +
                                 activity("x2", R"({"start": "2026-01-01T10:00", "rrule": "FREQ=WEEKLY;BYDAY=XX"})") + "]");
    auto report = validate_feed(text, "multi.json");
    CHECK_FALSE(report.feed);
    REQUIRE(report.errors.size() == 2);
    CHECK(report.errors[0].pointer == "/activities/0/schedule/start");
    CHECK(report.errors[0].line == 11);
    CHECK(report.errors[1].pointer == "/activities/1/schedule/rrule");
    CHECK(report.errors[1].line == 12);
    CHECK(report.errors[1].kind == ErrorKind::Recurrence);
    auto r = parse_feed(text, "multi.json");
    REQUIRE_FALSE(r);
    CHECK(r.error().message == report.errors[0].message);
}

TEST_CASE("a newer minor version is accepted and unknown vocabulary ids are dropped with a warning") {
    std::string text = R"({"schema": "buurtkaart-feed/1.7", "venues": [
        {"id": "v", "name": "V", "kind": "drijvend-paviljoen", "neighbourhood": "spangen", "address": "A 1",
         "location": {"lat": 51.92, "lon": 4.44}}],
      "activities": [{"id": "a", "title": "T", "venue": "v", "audiences": ["robots"], "categories": ["koffie", "vr"],
                      "schedule": {"start": "2026-01-01T10:00"}}]})";
    auto report = validate_feed(text, "minor.json");
    REQUIRE(report.feed);
    CHECK(report.feed->schema_minor == 7);
    CHECK(report.feed->venues[0].kind == "overig");
    CHECK(report.feed->activities[0].audiences == std::vector<std::string>{"iedereen"});
    CHECK(report.feed->activities[0].categories == std::vector<std::string>{"koffie"});
    CHECK(report.warnings.size() == 3);
}

TEST_CASE("the same unknown ids are errors in a version 1.0 feed") {
    std::string text = feed_with("[" + activity("a", R"({"start": "2026-01-01T10:00"})") + "]");
    auto pos = text.find("\"koffie\"");
    text.replace(pos, 8, "\"vr\"");
    auto r = parse_feed(text, "v10.json");
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("/activities/0/categories/0: expected category") != std::string::npos);
}

TEST_CASE("writer output parses back to the same feed") {
    auto r = parse_feed(
        feed_with("[" +
                  activity("w1", R"({"start": "2026-03-02T10:00", "duration_min": 45, "rrule": "FREQ=WEEKLY;INTERVAL=2",
                                     "rdates": ["2026-03-05T10:00"], "exdates": ["2026-03-16"], "from": "2026-03-01",
                                     "until": "2026-06-30"})",
                           R"(, "cost_eur": 0, "changes": [{"date": "2026-03-30", "start": "11:00", "venue": "speeltuin-b"}])") +
                  "]"),
        "w.json");
    REQUIRE(r);
    std::string json = write_feed_json(**r, 2);
    auto back = parse_feed(json, "roundtrip.json");
    REQUIRE_MESSAGE(back, (back ? "" : back.error().message));
    CHECK(write_feed_json(**back, 2) == json);
    auto a = expand(**r, utc(2026, 1, 1), utc(2027, 1, 1));
    auto b = expand(**back, utc(2026, 1, 1), utc(2027, 1, 1));
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].start_utc == b[i].start_utc);
        CHECK(a[i].venue == b[i].venue);
    }
}

TEST_CASE("byte offsets map to line and column in code points") {
    std::string_view text = "{\n  \"é\": x\n}";
    CHECK(line_column_at(text, 0) == std::pair{1, 1});
    CHECK(line_column_at(text, text.find('x')) == std::pair{2, 8});
    CHECK(line_of_pointer("{\"a\": [1,\n 2, {\"b\":\n 3}]}", "/a/2/b") == 3);
    CHECK(line_of_pointer("{\"a\": [1,\n 2]}", "/a/1") == 2);
    CHECK(line_of_pointer("{\"a\": [1,\n 2]}", "/a/7") == 1);  // missing: nearest ancestor
    CHECK(line_of_pointer("{\"caf\\u00e9\":\n 1, \"a/b\": {\"~\":\n\n 2}}", "/café") == 2);
    CHECK(line_of_pointer("{\"caf\\u00e9\":\n 1, \"a/b\": {\"~\":\n\n 2}}", "/a~1b/~0") == 4);
    CHECK(lines_of_pointers("[\n1,\n2,\n3]", {"/2", "/0", "/9"}) == std::vector<int>{4, 2, 1});
}

TEST_CASE("oversized documents are rejected before parsing") {
    std::string big(kMaxFeedBytes + 1, ' ');
    auto r = parse_feed(big, "big.json");
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Io);
}

TEST_CASE("the example in FEED_FORMAT.md is a valid feed") {
    auto md = read_file(std::string(BUURTKAART_SOURCE_DIR) + "/data/FEED_FORMAT.md");
    REQUIRE(md);
    auto section = md->find("## Example");
    REQUIRE(section != std::string::npos);
    auto begin = md->find("```json\n", section);
    REQUIRE(begin != std::string::npos);
    begin += 8;
    auto end = md->find("```", begin);
    auto r = parse_feed(md->substr(begin, end - begin), "FEED_FORMAT.md example");
    REQUIRE_MESSAGE(r, (r ? "" : r.error().message));
    const Feed& f = **r;
    CHECK(f.notices.size() == 1);
    CHECK(f.active_notices(utc(2026, 3, 10)).size() == 1);
    auto occ = expand(f, utc(2026, 3, 9), utc(2026, 3, 17));
    REQUIRE(occ.size() == 2);
    CHECK(occ[0].cancelled);
    CHECK(occ[1].start_local == LocalDateTime{{2026, 3, 16}, {13, 0}});
}
