#include <doctest/doctest.h>

#include "data/feed_parser.hpp"
#include "data/geo.hpp"
#include "data/query.hpp"
#include "test_feeds.hpp"

using namespace bk::data;
using test_feeds::feed_with;
using test_feeds::utc;

namespace {

// Fixed clock: Monday 9 March 2026, 10:30 Amsterdam (09:30 UTC).
const UtcTime kNow = utc(2026, 3, 9, 9, 30);

FeedPtr agenda() {
    static FeedPtr feed = [] {
        auto r = parse_feed(feed_with(R"([
  {"id": "koffie", "title": "Koffieochtend", "venue": "huiskamer-a", "audiences": ["iedereen"],
   "categories": ["koffie"], "cost_eur": 0,
   "schedule": {"start": "2026-01-05T10:00", "end": "12:00", "rrule": "FREQ=WEEKLY;BYDAY=MO"}},
  {"id": "eten", "title": "Buurtmaaltijd", "venue": "speeltuin-b", "audiences": ["ouderen"],
   "categories": ["maaltijd"], "cost_eur": 3,
   "schedule": {"start": "2026-01-05T17:30", "end": "19:30", "rrule": "FREQ=WEEKLY;BYDAY=MO"}},
  {"id": "spelen", "title": "Knutselmiddag", "venue": "speeltuin-b", "audiences": ["kinderen"],
   "categories": ["kinderen", "creatief"], "cost_eur": 0,
   "schedule": {"start": "2026-01-07T14:00", "end": "16:00", "rrule": "FREQ=WEEKLY;BYDAY=WE"},
   "changes": [{"date": "2026-03-11", "cancelled": true, "reason": "Speeltuin dicht wegens onderhoud"}]},
  {"id": "taal", "title": "Taalcafé Türkçe–Nederlands", "venue": "huiskamer-a", "audiences": ["nieuwkomers"],
   "categories": ["taal"],
   "schedule": {"start": "2026-01-06T19:00", "end": "20:30", "rrule": "FREQ=WEEKLY;BYDAY=TU"}}
])"),
                              "query.json");
        REQUIRE_MESSAGE(r, (r ? "" : r.error().message));
        return *r;
    }();
    return feed;
}

std::vector<std::string> ids(const Feed& f, const std::vector<Occurrence>& occ) {
    std::vector<std::string> out;
    for (const auto& o : occ) out.push_back(f.activities[o.activity].id);
    return out;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("happening now, later today and this week on a fixed clock") {
    const Feed& f = *agenda();
    CHECK(ids(f, happening_now(f, kNow)) == Ids{"koffie"});
    CHECK(ids(f, later_today(f, kNow)) == Ids{"eten"});
    auto week = this_week(f, kNow);
    CHECK(ids(f, week) == Ids{"koffie", "eten", "taal", "spelen"});
    CHECK(week.back().cancelled);
    CHECK(week.back().cancel_reason == "Speeltuin dicht wegens onderhoud");
    CHECK(happening_now(f, utc(2026, 3, 9, 11, 0)).empty());  // 12:00 local: koffie just ended
}

TEST_CASE("later today stops at local midnight") {
    const Feed& f = *agenda();
    CHECK(ids(f, later_today(f, utc(2026, 3, 10, 12))) == Ids{"taal"});  // Tuesday 13:00
    CHECK(later_today(f, utc(2026, 3, 10, 20)).empty());                 // Tuesday 21:00
}

TEST_CASE("filters by category, audience, neighbourhood, network and free-only") {
    const Feed& f = *agenda();
    Filter by_cat;
    by_cat.categories = {"maaltijd"};
    CHECK(ids(f, this_week(f, kNow, by_cat)) == Ids{"eten"});
    Filter by_aud;
    by_aud.audiences = {"kinderen"};
    CHECK(ids(f, this_week(f, kNow, by_aud)) == Ids{"koffie", "spelen"});  // "iedereen" includes children
    Filter by_area;
    by_area.neighbourhood = "spangen";
    CHECK(ids(f, this_week(f, kNow, by_area)) == Ids{"eten", "spelen"});
    Filter by_net;
    by_net.network = "delfshaven-lokaal";
    CHECK(ids(f, this_week(f, kNow, by_net)) == Ids{"koffie", "taal"});
    Filter free;
    free.free_only = true;  // "taal" has no cost: unknown is not free
    CHECK(ids(f, this_week(f, kNow, free)) == Ids{"koffie", "spelen"});
    Filter hide;
    hide.hide_cancelled = true;
    CHECK(ids(f, this_week(f, kNow, hide)) == Ids{"koffie", "eten", "taal"});
}

TEST_CASE("text search is accent-insensitive across activity and venue") {
    const Feed& f = *agenda();
    Filter cafe;
    cafe.text = "cafe";  // venue "Huiskamer Café ..." and title "Taalcafé"
    CHECK(ids(f, this_week(f, kNow, cafe)) == Ids{"koffie", "taal"});
    Filter turkce;
    turkce.text = "TURKCE nederlands";
    CHECK(ids(f, this_week(f, kNow, turkce)) == Ids{"taal"});
    Filter none;
    none.text = "zwemmen";
    CHECK(this_week(f, kNow, none).empty());
    CHECK(search_venues(f, "bolder") == std::vector<std::uint32_t>{1});
    CHECK(search_venues(f, "CAFÉ singel") == std::vector<std::uint32_t>{0});
}

TEST_CASE("nearby sorts venues by walking distance with their next activities") {
    const Feed& f = *agenda();
    LatLon at_speeltuin{51.9229, 4.4441};
    auto near = nearby(f, at_speeltuin, kNow);
    REQUIRE(near.size() == 2);
    CHECK(near[0].venue == 1);
    CHECK(near[0].walking_m < 50);
    CHECK(near[1].walking_m > 800);
    CHECK(near[1].walking_min == walking_minutes(near[1].walking_m));
    CHECK(ids(f, near[0].next) == Ids{"eten", "spelen"});
    CHECK(ids(f, near[1].next) == Ids{"koffie", "taal"});  // running now first; horizon ends Sunday 24:00

    Filter meals;
    meals.categories = {"maaltijd"};
    auto only_meals = nearby(f, {51.9155, 4.4500}, kNow, meals);
    REQUIRE(only_meals.size() == 1);  // venue without matching activity left out
    CHECK(only_meals[0].venue == 1);
}

TEST_CASE("queries over a pre-expanded agenda give the same answers as over the feed") {
    FeedPtr feed = agenda();
    Agenda ag = build_agenda(feed, utc(2026, 3, 8), utc(2026, 3, 25));
    CHECK_FALSE(needs_rebuild(ag, feed, kNow, std::chrono::hours(24 * 8)));
    CHECK(needs_rebuild(ag, feed, utc(2026, 3, 20), std::chrono::hours(24 * 8)));
    CHECK(needs_rebuild(ag, nullptr, kNow, std::chrono::hours(1)));
    std::vector<Filter> filters(4);
    filters[1].categories = {"maaltijd", "kinderen"};
    filters[2].text = "café";
    filters[3].neighbourhood = "spangen";
    filters[3].hide_cancelled = true;
    for (UtcTime now : {kNow, utc(2026, 3, 10, 18, 30), utc(2026, 3, 11, 13)}) {
        for (const auto& f : filters) {
            CHECK(ids(*feed, happening_now(ag, now, f)) == ids(*feed, happening_now(*feed, now, f)));
            CHECK(ids(*feed, later_today(ag, now, f)) == ids(*feed, later_today(*feed, now, f)));
            CHECK(ids(*feed, this_week(ag, now, f)) == ids(*feed, this_week(*feed, now, f)));
            auto a = nearby(ag, {51.92, 4.445}, now, f);
            auto b = nearby(*feed, {51.92, 4.445}, now, f);
            REQUIRE(a.size() == b.size());
            for (std::size_t i = 0; i < a.size(); ++i) CHECK(ids(*feed, a[i].next) == ids(*feed, b[i].next));
        }
    }
    // Outside the agenda window the query falls back to the feed.
    CHECK(ids(*feed, this_week(ag, utc(2026, 4, 6, 9), {})) == ids(*feed, this_week(*feed, utc(2026, 4, 6, 9), {})));
    CHECK_FALSE(this_week(ag, utc(2026, 4, 6, 9), {}).empty());
}

TEST_CASE("filters by language and wheelchair access; opening hours say when a venue is open") {
    auto r = parse_feed(feed_with(R"([
  {"id": "tr", "title": "Sohbet", "venue": "huiskamer-a", "audiences": ["iedereen"], "categories": ["koffie"],
   "languages": ["nl", "tr"], "schedule": {"start": "2026-03-09T10:00", "duration_min": 60}},
  {"id": "nl", "title": "Praatgroep", "venue": "speeltuin-b", "audiences": ["iedereen"], "categories": ["koffie"],
   "schedule": {"start": "2026-03-09T11:00", "duration_min": 60}}])"),
                        "lang.json");
    REQUIRE(r);
    const Feed& f = **r;
    Filter turkish;
    turkish.languages = {"tr", "ar"};
    CHECK(ids(f, this_week(f, kNow, turkish)) == Ids{"tr"});
    Filter wheelchair;
    wheelchair.wheelchair_only = true;
    CHECK(this_week(f, kNow, wheelchair).empty());  // neither test venue is marked accessible

    auto v = parse_feed(R"({"schema": "buurtkaart-feed/1", "venues": [{"id": "v", "name": "V", "kind": "atelier",
        "neighbourhood": "spangen", "address": "A 1", "location": {"lat": 51.92, "lon": 4.44},
        "accessibility": {"wheelchair": true},
        "opening_hours": [{"day": "mo", "open": "09:00", "close": "17:00"}, {"day": "sa", "open": "20:00", "close": "24:00"}]}],
        "activities": []})",
                        "open.json");
    REQUIRE(v);
    const Venue& venue = (*v)->venues[0];
    CHECK(is_open(venue, kNow));                          // Monday 10:30
    CHECK_FALSE(is_open(venue, utc(2026, 3, 9, 16)));     // Monday 17:00: closed
    CHECK_FALSE(is_open(venue, utc(2026, 3, 10, 9)));     // Tuesday
    CHECK(is_open(venue, utc(2026, 3, 14, 22, 30)));      // Saturday 23:30
    CHECK(venue_matches(venue, wheelchair));
}
