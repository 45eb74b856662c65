// Tests of data/publish/feed_builder.cpp: one bad event never blocks a build (issue #11).
#include <doctest/doctest.h>

#include <algorithm>

#include "data/feed_parser.hpp"
#include "data/publish/feed_builder.hpp"
#include "data/recurrence.hpp"
#include "publish_test_util.hpp"
#include "test_http_server.hpp"

using namespace bk::data;
using namespace bk::data::publish;
using publish_test::TempDir;
using publish_test::write_text;

namespace {

UtcTime nov(int day, int hour = 10) {
    using namespace std::chrono;
    return sys_days{year{2026} / November / std::chrono::day{unsigned(day)}} + hours{hour};
}

const std::string kVenues =
    "id;name;network;neighbourhood;address;lon;lat;kind\r\n"
    "huiskamer-de-schans;Huiskamer De Schans;Warme Buurthuiskamers;Tussendijken;Schansstraat 12;4,4412;51,9108;Buurthuiskamer\r\n"
    "buurthuis-spangen;Buurthuis Spangen;Delfshaven Lokaal;Spangen;Spaanseweg 1;4,4332;51,9196;Buurthuis\r\n";

std::string vevent(const std::string& body) { return "BEGIN:VEVENT\r\n" + body + "END:VEVENT\r\n"; }
std::string vcal(const std::string& events) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//NL\r\n" + events + "END:VCALENDAR\r\n";
}

const Activity* find_title(const Feed& f, std::string_view title) {
    for (const auto& a : f.activities)
        if (a.title == title) return &a;
    return nullptr;
}

const SourceReport& source(const BuildResult& r, std::string_view id) {
    for (const auto& s : r.sources)
        if (s.id == id) return s;
    FAIL("no source " << id);
    return r.sources.front();
}

bool any_contains(const std::vector<std::string>& lines, std::string_view a, std::string_view b = {}) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) {
        return l.find(a) != std::string::npos && l.find(b) != std::string::npos;
    });
}

}  // namespace

TEST_CASE("builder: a 5-week summer closure and a 3-week exhibition publish as spans; an event the kiosk rejects is skipped, the build goes on") {
    TempDir dir("span");
    write_text(dir / "venues.csv", kVenues);
    const std::string huge_title(9000, 'x');  // over the feed's 8 KiB string limit
    write_text(dir / "schans.ics",
               vcal(vevent("UID:zomer@schans\r\nSUMMARY:Zomersluiting\r\nDTSTART;VALUE=DATE:20270720\r\n"
                           "DTEND;VALUE=DATE:20270824\r\n") +  // 35 days = 50,400 minutes
                    vevent("UID:expo@schans\r\nSUMMARY:Expositie buurtfoto's\r\n"
                           "DTSTART;TZID=Europe/Amsterdam:20261201T100000\r\nDTEND;TZID=Europe/Amsterdam:20261222T170000\r\n") +
                    vevent("UID:koffie@schans\r\nSUMMARY:Koffieochtend\r\nDTSTART;TZID=Europe/Amsterdam:20261201T100000\r\n"
                           "DTEND;TZID=Europe/Amsterdam:20261201T120000\r\nRRULE:FREQ=WEEKLY\r\n") +
                    vevent("UID:lang@schans\r\nSUMMARY:" + huge_title + "\r\nDTSTART;TZID=Europe/Amsterdam:20261203T100000\r\n")));
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "geocoder": {"enabled": false}, "organisations": [
      {"id": "schans", "ics": "schans.ics", "venue": "huiskamer-de-schans", "categories": ["koffie"]}]})");
    auto cfg = read_sources_file(dir / "sources.json");
    REQUIRE(cfg);
    auto built = build_feed(*cfg, {dir / "state", nov(23)});
    if (!built) FAIL(built.error().message);
    const Feed& f = *built->feed;
    CHECK(f.activities.size() == 3);
    const Activity* zomer = find_title(f, "Zomersluiting");
    REQUIRE(zomer);
    CHECK(zomer->schedule.span);
    CHECK(zomer->schedule.all_day);
    CHECK(zomer->schedule.until == std::optional<LocalDate>(LocalDate{2027, 8, 23}));
    CHECK(built->feed_json.find(R"("span":true)") != std::string::npos);
    // Every day of the closure is there, none after it.
    const auto i = *f.find_activity(zomer->id);
    CHECK(expand_activity(f, i, utc_from_amsterdam({{2027, 7, 1}, {0, 0}}), utc_from_amsterdam({{2027, 9, 1}, {0, 0}})).size() == 35);
    const Activity* expo = find_title(f, "Expositie buurtfoto's");
    REQUIRE(expo);
    CHECK(expo->schedule.span);
    CHECK(expo->schedule.until == std::optional<LocalDate>(LocalDate{2026, 12, 22}));
    // The too-long title: left out, reported with source and date, the rest published.
    const auto& rep = source(*built, "schans");
    CHECK(any_contains(rep.warnings, "(2026-12-03): niet gepubliceerd", "/title"));
    CHECK(parse_feed(built->feed_json, "feed.json"));
}

TEST_CASE("builder: organisations without categories get a guess from title/description, listed in the report") {
    TempDir dir("guess");
    write_text(dir / "venues.csv", kVenues);
    write_text(dir / "org.ics",
               vcal(vevent("UID:1@x\r\nSUMMARY:Taalcafé: Nederlands oefenen\r\nDTSTART;TZID=Europe/Amsterdam:20261201T100000\r\n") +
                    vevent("UID:2@x\r\nSUMMARY:Yoga op de stoel\r\nDTSTART;TZID=Europe/Amsterdam:20261202T100000\r\n") +
                    vevent("UID:3@x\r\nSUMMARY:Jaarvergadering\r\nDTSTART;TZID=Europe/Amsterdam:20261203T200000\r\n") +
                    vevent("UID:4@x\r\nSUMMARY:Kadınlar kahve sohbeti\r\nDTSTART;TZID=Europe/Amsterdam:20261204T100000\r\n") +
                    vevent("UID:5@x\r\nSUMMARY:Woensdagmiddag\r\nDESCRIPTION:Knutselen voor kinderen van 6-12\r\n"
                           "DTSTART;TZID=Europe/Amsterdam:20261209T140000\r\n") +
                    vevent("UID:6@x\r\nSUMMARY:Buurtmaaltijd\r\nCATEGORIES:Muziek\r\nDTSTART;TZID=Europe/Amsterdam:20261210T180000\r\n")));
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "geocoder": {"enabled": false}, "organisations": [
      {"id": "org", "ics": "org.ics", "venue": "huiskamer-de-schans"}]})");
    auto cfg = read_sources_file(dir / "sources.json");
    REQUIRE(cfg);
    auto built = build_feed(*cfg, {dir / "state", nov(23)});
    if (!built) FAIL(built.error().message);
    const Feed& f = *built->feed;
    CHECK(find_title(f, "Taalcafé: Nederlands oefenen")->categories == std::vector<std::string>{"taal"});
    CHECK(find_title(f, "Yoga op de stoel")->categories == std::vector<std::string>{"sport"});
    CHECK(find_title(f, "Jaarvergadering")->categories == std::vector<std::string>{"overig"});
    CHECK(find_title(f, "Kadınlar kahve sohbeti")->categories == std::vector<std::string>{"koffie", "gespreksgroep"});
    CHECK(find_title(f, "Woensdagmiddag")->categories == std::vector<std::string>{"kinderen"});
    CHECK(find_title(f, "Buurtmaaltijd")->categories == std::vector<std::string>{"muziek"});  // the calendar's own word wins
    const auto& rep = source(*built, "org");
    CHECK(rep.category_guesses.size() == 5);
    CHECK(any_contains(rep.category_guesses, "\"Jaarvergadering\" (2026-12-03) → Overig", "geen trefwoord"));
    CHECK(any_contains(rep.category_guesses, "\"Taalcafé: Nederlands oefenen\" (2026-12-01) → Taal", "taal"));
    CHECK(built->feed_json.find("\"schema\":\"buurtkaart-feed/1.1\"") != std::string::npos);
}

TEST_CASE("builder: only the window (1 month back, 12 months ahead by default) is published") {
    TempDir dir("window");
    write_text(dir / "venues.csv", kVenues);
    write_text(dir / "org.ics",
               vcal(vevent("UID:oud@x\r\nSUMMARY:Oud feest\r\nDTSTART;TZID=Europe/Amsterdam:20250501T100000\r\n") +
                    vevent("UID:reeks-oud@x\r\nSUMMARY:Oude reeks\r\nDTSTART;TZID=Europe/Amsterdam:20200106T100000\r\n"
                           "RRULE:FREQ=WEEKLY;UNTIL=20251231T230000Z\r\n") +
                    vevent("UID:count@x\r\nSUMMARY:Cursus 2024\r\nDTSTART;TZID=Europe/Amsterdam:20240106T100000\r\n"
                           "RRULE:FREQ=WEEKLY;COUNT=10\r\n") +
                    vevent("UID:loopt@x\r\nSUMMARY:Lopende reeks\r\nDTSTART;TZID=Europe/Amsterdam:20200106T100000\r\n"
                           "RRULE:FREQ=WEEKLY\r\nEXDATE;TZID=Europe/Amsterdam:20210104T100000\r\n"
                           "EXDATE;TZID=Europe/Amsterdam:20261228T100000\r\n") +
                    vevent("UID:ver@x\r\nSUMMARY:Verre toekomst\r\nDTSTART;TZID=Europe/Amsterdam:20280106T100000\r\n") +
                    vevent("UID:recent@x\r\nSUMMARY:Vorige week\r\nDTSTART;TZID=Europe/Amsterdam:20261116T100000\r\n")));
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "geocoder": {"enabled": false}, "organisations": [
      {"id": "org", "ics": "org.ics", "venue": "huiskamer-de-schans", "categories": ["koffie"]}]})");
    auto cfg = read_sources_file(dir / "sources.json");
    REQUIRE(cfg);
    auto built = build_feed(*cfg, {dir / "state", nov(23)});
    REQUIRE(built);
    const Feed& f = *built->feed;
    CHECK(built->window_from == LocalDate{2026, 10, 23});
    CHECK(built->window_to == LocalDate{2027, 11, 23});
    CHECK(f.activities.size() == 2);
    REQUIRE(find_title(f, "Lopende reeks"));
    CHECK(find_title(f, "Lopende reeks")->schedule.exdates == std::vector<LocalDate>{{2026, 12, 28}});
    CHECK(find_title(f, "Vorige week"));
    CHECK(source(*built, "org").outside_window == 4);
    // A narrower window from the sources file.
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "geocoder": {"enabled": false}, "window": {"months_back": 0, "months_ahead": 1},
      "organisations": [{"id": "org", "ics": "org.ics", "venue": "huiskamer-de-schans", "categories": ["koffie"]}]})");
    auto cfg2 = read_sources_file(dir / "sources.json");
    REQUIRE(cfg2);
    auto built2 = build_feed(*cfg2, {dir / "state2", nov(23)});
    REQUIRE(built2);
    CHECK(built2->feed->activities.size() == 1);  // "Vorige week" is before today
    write_text(dir / "bad.json", R"({"venues": "venues.csv", "window": {"months_ahead": 0}})");
    auto bad = read_sources_file(dir / "bad.json");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("/window") != std::string::npos);
}

TEST_CASE("builder: after a calendar's URL changes, the old URL's ETag is not sent to the new one") {
    TempDir dir("etag");
    write_text(dir / "venues.csv", kVenues);
    const std::string old_cal = vcal(vevent("UID:o@x\r\nSUMMARY:Oude agenda\r\nDTSTART;TZID=Europe/Amsterdam:20261201T100000\r\n"));
    const std::string new_cal = vcal(vevent("UID:n@x\r\nSUMMARY:Nieuwe agenda\r\nDTSTART;TZID=Europe/Amsterdam:20261202T100000\r\n"));
    // Both servers use the same ETag scheme (e.g. two WordPress sites behind one CDN): "v1".
    auto serve = [](const std::string& body) {
        return [body](const test_support::HttpRequest& req) {
            test_support::HttpResponse r;
            r.headers.emplace_back("ETag", "\"v1\"");
            if (req.header("If-None-Match") == "\"v1\"") r.status = 304;
            else r.body = body;
            return r;
        };
    };
    test_support::TestHttpServer a(serve(old_cal)), b(serve(new_cal));
    auto sources = [&](const std::string& url) {
        write_text(dir / "sources.json", R"({"venues": "venues.csv", "geocoder": {"enabled": false}, "organisations": [
          {"id": "org", "ics": ")" + url + R"(", "venue": "huiskamer-de-schans", "categories": ["koffie"]}]})");
        auto cfg = read_sources_file(dir / "sources.json");
        REQUIRE(cfg);
        return *cfg;
    };
    auto first = build_feed(sources(a.url("/agenda.ics")), {dir / "state", nov(23)});
    REQUIRE(first);
    CHECK(find_title(*first->feed, "Oude agenda"));
    auto again = build_feed(sources(a.url("/agenda.ics")), {dir / "state", nov(23, 11)});
    REQUIRE(again);
    CHECK(source(*again, "org").status == SourceStatus::NotModified);  // same URL: validators used
    auto moved = build_feed(sources(b.url("/agenda.ics")), {dir / "state", nov(23, 12)});
    REQUIRE(moved);
    CHECK(source(*moved, "org").status == SourceStatus::Fresh);
    CHECK(find_title(*moved->feed, "Nieuwe agenda"));
    CHECK_FALSE(find_title(*moved->feed, "Oude agenda"));
    REQUIRE(b.requests().size() == 1);
    CHECK(b.requests()[0].header("If-None-Match").empty());
}
