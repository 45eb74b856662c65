#include <doctest/doctest.h>

#include "data/feed_check.hpp"
#include "test_feeds.hpp"
#include "test_http_server.hpp"

using namespace bk::data;

namespace {
const std::string kSample = std::string(BUURTKAART_SOURCE_DIR) + "/assets/feed/sample_feed.json";
const UtcTime kNow = test_feeds::utc(2026, 3, 9, 9);
}  // namespace

TEST_CASE("feed check summarises a valid feed per neighbourhood, network and category") {
    auto r = check_feed_source(kSample, kNow);
    REQUIRE(r.ok());
    CHECK(r.venues_per_neighbourhood.size() == 6);
    CHECK(r.venues_per_neighbourhood.at("nieuwe-westen") == 13);
    CHECK(r.venues_per_network.size() == 11);
    CHECK(r.activities_per_category.size() >= 12);
    CHECK(r.occurrences_this_week > 150);
    std::string text = format_check_report(r);
    CHECK(text.find("OK: schema buurtkaart-feed/1.0, 60 venues") != std::string::npos);
    CHECK(text.find("SAMPLE DATA") != std::string::npos);
    CHECK(text.find("Oud-Mathenesse/Witte Dorp (oud-mathenesse-witte-dorp)") != std::string::npos);
}

TEST_CASE("feed check lists errors with path and line and fails") {
    std::string bad = test_feeds::feed_with("[{\"id\": \"x\"}]");
    auto r = check_feed_text(bad, "bad.json", kNow);
    CHECK_FALSE(r.ok());
    REQUIRE(r.feed.errors.size() >= 3);
    std::string text = format_check_report(r);
    CHECK(text.find("INVALID:") != std::string::npos);
    CHECK(text.find("bad.json:11: /activities/0/title: expected a string, found nothing") != std::string::npos);
}

TEST_CASE("feed check reads URLs and reports missing files") {
    test_support::TestHttpServer server(test_support::static_files_handler(std::string(BUURTKAART_SOURCE_DIR) +
                                                                            "/assets/feed"));
    auto ok = check_feed_source(server.url("/sample_feed.json"), kNow);
    CHECK(ok.ok());
    auto missing = check_feed_source(server.url("/nope.json"), kNow);
    REQUIRE(missing.load_error);
    CHECK(missing.load_error->kind == ErrorKind::Http);
    CHECK(missing.load_error->message == server.url("/nope.json") + ": HTTP 404, expected 200");
    auto nofile = check_feed_source("/nonexistent/feed.json", kNow);
    REQUIRE(nofile.load_error);
    CHECK(nofile.load_error->kind == ErrorKind::NotFound);
    CHECK(format_check_report(nofile).find("FAILED (not-found)") != std::string::npos);
}

TEST_CASE("feed check imports .ics files") {
    auto r = check_feed_source(std::string(BUURTKAART_SOURCE_DIR) + "/assets/feed/sample_agenda.ics", kNow);
    REQUIRE(r.ok());
    CHECK(r.feed.feed->activities.size() == 3);
}
