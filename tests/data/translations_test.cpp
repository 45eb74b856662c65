// Feed 1.1 translations: the visitor's language when the coordinator added one, Dutch otherwise.
#include <doctest/doctest.h>

#include "data/feed_parser.hpp"
#include "test_feeds.hpp"

using namespace bk::data;

TEST_CASE("title_in and description_in pick the visitor's language, else the Dutch text") {
    const std::string text = test_feeds::feed_with(
        "[" +
        test_feeds::activity("a1", R"({"start": "2026-03-02T10:00", "rrule": "FREQ=WEEKLY"})",
                             R"(, "description": "Samen koffie drinken",
                                 "translations": {"tr": {"title": "Kahve sabahı", "description": "Birlikte kahve"},
                                                  "en": {"title": "Coffee morning"}})") +
        "]");
    auto feed = parse_feed(text, "t.json");
    REQUIRE_MESSAGE(feed, (feed ? "" : feed.error().message));
    const Activity& a = (*feed)->activities.at(0);
    CHECK(title_in(a, "tr") == "Kahve sabahı");
    CHECK(description_in(a, "tr") == "Birlikte kahve");
    CHECK(title_in(a, "en") == "Coffee morning");
    CHECK(description_in(a, "en") == "Samen koffie drinken");  // no English description: Dutch
    CHECK(title_in(a, "pl") == "Activiteit a1");                 // no Polish at all: Dutch
    CHECK(title_in(a, "nl") == "Activiteit a1");
}
