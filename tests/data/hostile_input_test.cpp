// Hostile and unlucky input never crashes: numbers outside the double range, deep nesting, NUL bytes
// and trailing garbage are rejected with a position, and the updater keeps the last good feed.
// (Issue: "No input can crash, lock out or silence a kiosk", items 1, 2 and 5.)
#include <doctest/doctest.h>

#include <filesystem>
#include <mutex>

#include "data/feed_parser.hpp"
#include "data/feed_updater.hpp"
#include "data/json_document.hpp"
#include "data/recurrence.hpp"
#include "test_feeds.hpp"
#include "test_http_server.hpp"

using namespace bk::data;

namespace {

std::string good_feed() {
    return test_feeds::feed_with(
        "[" + test_feeds::activity("a1", R"({"start": "2026-03-02T10:00", "rrule": "FREQ=WEEKLY"})") + "]");
}

// `good_feed` with `needle` replaced by `replacement` (must be present).
std::string feed_replacing(const std::string& needle, const std::string& replacement) {
    std::string s = good_feed();
    auto p = s.find(needle);
    REQUIRE(p != std::string::npos);
    return s.replace(p, needle.size(), replacement);
}

FeedReport check(const std::string& text) { return validate_feed(text, "hostile.json"); }

}  // namespace

TEST_CASE("numbers outside the double range are a parse error with a position, not an abort") {
    for (const std::string& number : std::vector<std::string>{"1e400", "-1e999", std::string(100000, '7')}) {
        CAPTURE(number.substr(0, 12));
        auto r = check(feed_replacing("51.9155", number));
        REQUIRE_FALSE(r.feed);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].kind == ErrorKind::Parse);
        CHECK(r.errors[0].line == 7);
        CHECK(r.errors[0].message.starts_with("hostile.json:7:"));
        CHECK(r.errors[0].message.find("number out of range: ") != std::string::npos);
        CHECK(r.errors[0].message.size() < 200);  // never quotes the 100,000 digits
        CHECK_FALSE(parse_feed(feed_replacing("51.9155", number), "x"));
    }
}

TEST_CASE("deep nesting is rejected before parsing, with a short message") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    auto r = check(deep);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].kind == ErrorKind::Parse);
    CHECK(r.errors[0].message == "hostile.json:1:65: invalid JSON: nesting deeper than 64 levels");

    // 50,000 deep inside notices
    auto in_notices = check(test_feeds::feed_with("[]", R"( "notices": )" + std::string(50000, '[') +
                                                            std::string(50000, ']') + ","));
    REQUIRE(in_notices.errors.size() == 1);
    CHECK(in_notices.errors[0].message.find("nesting deeper than 64 levels") != std::string::npos);
    CHECK(in_notices.errors[0].message.size() < 200);

    // Strings with brackets do not count as nesting.
    auto brackets_in_text = check(feed_replacing("Singelstraat 1", std::string(200, '[')));
    CHECK(brackets_in_text.feed);
}

TEST_CASE("a NUL byte followed by garbage after the feed is rejected") {
    std::string text = good_feed();
    text += std::string("\0garbage", 8);
    auto r = check(text);
    REQUIRE_FALSE(r.feed);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].kind == ErrorKind::Parse);
    CHECK(r.errors[0].message.find("NUL byte") != std::string::npos);
    // and trailing bytes without NUL
    auto trailing = check(good_feed() + "garbage");
    CHECK_FALSE(trailing.feed);
    CHECK(trailing.errors.at(0).message.find("expected end of input") != std::string::npos);
}

TEST_CASE("parse_json_document reports line and column of each rejection") {
    auto e = parse_json_document("{\n  \"a\": 1e400\n}");
    REQUIRE_FALSE(e);
    CHECK(e.error().line == 2);
    CHECK(e.error().message == "number out of range: 1e400");
    auto ok = parse_json_document(R"({"a": [1, 2.5, "x"], "b": null})");
    REQUIRE(ok);
    CHECK((*ok)["a"][1].get<double>() == 2.5);
    CHECK_FALSE(parse_json_document(std::string(65, '[') + std::string(65, ']')));
    CHECK(parse_json_document(std::string(64, '[') + std::string(64, ']')));
}

TEST_CASE("the updater survives a hostile server and keeps the last good feed") {
    std::mutex m;
    std::string body = good_feed();
    test_support::TestHttpServer server([&](const test_support::HttpRequest&) {
        std::lock_guard lock(m);
        test_support::HttpResponse res;
        res.body = body;
        return res;
    });
    auto dir = std::filesystem::path(BUURTKAART_BINARY_DIR) / "test-tmp" / "hostile";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    UpdaterConfig cfg;
    cfg.urls = {server.url("/feed.json")};
    cfg.cache_path = (dir / "feed.json").string();
    cfg.connect_timeout_ms = 500;
    cfg.total_timeout_ms = 2000;
    cfg.max_body_bytes = 1 << 20;
    cfg.start_thread = false;
    cfg.clock = fixed_clock(test_feeds::utc(2026, 3, 9, 9));
    FeedUpdater u(cfg);
    u.run_once();
    REQUIRE(u.current());
    while (u.poll()) {
    }
    const std::string hostile[] = {feed_replacing("51.9155", "1e400"), std::string(200000, '[') + "]",
                                   good_feed() + std::string("\0x", 2)};
    for (const auto& h : hostile) {
        {
            std::lock_guard lock(m);
            body = h;
        }
        u.run_once();
        while (auto x = u.poll()) CHECK_FALSE(x->feed);
        REQUIRE(u.current());
        CHECK(u.current()->venues.size() == 2);
    }
}

TEST_CASE("invalid recurrence rules get a precise error") {
    struct Case {
        const char* rule;
        const char* message;
    };
    const Case cases[] = {
        {"FREQ=YEARLY;BYMONTH=13", "BYMONTH=13 is outside 1..12 (not 0) (RFC 5545 section 3.3.10)"},
        {"RRULE:RRULE:FREQ=DAILY", "unknown rule part 'RRULE:FREQ'"},
        {"FREQ=MONTHLY;BYDAY=-53MO", "BYDAY ordinal=-53 is outside -5..5 (not 0) (RFC 5545 section 3.3.10)"},
        {"FREQ=YEARLY;BYSETPOS=366;BYDAY=MO", "BYSETPOS=366 is outside -53..53 (not 0) (RFC 5545 section 3.3.10)"},
        {"FREQ=DAILY;BYHOUR=10", "BYHOUR is not supported: an activity has one start time (use \"start\")"},
        {"FREQ=DAILY;BYMINUTE=5", "BYMINUTE is not supported: an activity has one start time (use \"start\")"},
        {"FREQ=DAILY;BYSECOND=5", "BYSECOND is not supported: an activity has one start time (use \"start\")"},
        {"FREQ=WEEKLY;UNTL=20261231", "unknown rule part 'UNTL'"},
        {"FREQ=WEEKLY;BYDAY=1MO", "BYDAY=1MO: a numbered weekday needs FREQ=MONTHLY or YEARLY"},
        {"FREQ=WEEKLY;BYDAY=XX", "BYDAY=XX is not a weekday (MO..SU)"},
        {"FREQ=WEEKLY;FREQ=DAILY", "rule part FREQ appears twice"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.rule);
        auto r = check_rrule(c.rule);
        REQUIRE_FALSE(r);
        CHECK(r.error().kind == ErrorKind::Recurrence);
        CHECK(r.error().message == c.message);
    }
    for (const char* ok : {"FREQ=WEEKLY;BYDAY=MO,WE", "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1",
                           "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1", "RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20261231T235959Z"}) {
        CAPTURE(ok);
        CHECK(check_rrule(ok));
    }
}

TEST_CASE("duplicate notice ids are rejected") {
    auto r = check(test_feeds::feed_with(
        "[]", R"( "notices": [{"id": "n1", "text": "a"}, {"id": "n1", "text": "b"}],)"));
    REQUIRE_FALSE(r.feed);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("/notices/1/id: expected a unique notice id (already used by /notices/0), found \"n1\"") !=
          std::string::npos);
}
