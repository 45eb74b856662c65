// Tests of data/publish/feed_builder.cpp: sources → feed, with real files and a real HTTP server.
#include <doctest/doctest.h>

#include <algorithm>
#include <mutex>

#include "data/feed_parser.hpp"
#include "data/publish/feed_builder.hpp"
#include "publish_test_util.hpp"
#include "test_http_server.hpp"

using namespace bk::data;
using namespace bk::data::publish;
using publish_test::TempDir;
using publish_test::write_text;

namespace {

UtcTime at(int day, int hour = 10) {
    using namespace std::chrono;
    return sys_days{year{2026} / November / std::chrono::day{unsigned(day)}} + hours{hour};
}

// Venues sheet as a Dutch Excel export: BOM, ';', decimal commas, a quoted name holding ';' and '"'.
const std::string kVenues =
    "\xEF\xBB\xBFid;name;network;neighbourhood;address;lon;lat;kind\r\n"
    "huiskamer-de-schans;Huiskamer De Schans;Warme Buurthuiskamers;Tussendijken;Schansstraat 12, 3025 AB Rotterdam;4,4412;51,9108;Buurthuiskamer\r\n"
    "buurthuis-spangen;\"Buurthuis Spangen; \"\"De Tuin\"\"\";Delfshaven Lokaal;Spangen;Spaanseweg 1;4,4332;51,9196;Buurthuis\r\n"
    "speeltuin-het-hofplein;Speeltuin Het Hofplein;;Middelland;Hofplein 3;4,4601;51,9152;Speeltuin\r\n";

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

}  // namespace

TEST_CASE("builder: a sheet with BOM, ';', quotes, a missing coordinate and a duplicate id builds, geocoding via PDOK") {
    TempDir dir("csv");
    test_support::TestHttpServer pdok([](const test_support::HttpRequest&) {
        test_support::HttpResponse r;
        r.body = R"J({"response":{"numFound":1,"docs":[{"type":"adres","weergavenaam":"Mathenesserlaan 200, 3022AB Rotterdam","postcode":"3022AB","centroide_ll":"POINT(4.45 51.91)"}]}})J";
        return r;
    });
    write_text(dir / "venues.csv", kVenues +
                                       "taalhuis;Taalhuis;;Nieuwe Westen;Mathenesserlaan 200;;;Bibliotheek\r\n"
                                       "huiskamer-de-schans;Dubbel;;Spangen;Ergens 1;4,44;51,91;Buurthuis\r\n;;;;;;;\r\n");
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "geocoder": {"base_url": ")" + pdok.url("/free") + R"("}})");
    auto cfg = read_sources_file(dir / "sources.json");
    REQUIRE(cfg);
    auto built = build_feed(*cfg, {dir / "state", at(23)});
    if (!built) FAIL(built.error().message);
    const Feed& f = *built->feed;
    REQUIRE(f.venues.size() == 4);
    CHECK(f.venues[1].name == "Buurthuis Spangen; \"De Tuin\"");
    CHECK(f.venues[1].location.lon_deg == doctest::Approx(4.4332));
    const auto t = f.find_venue("taalhuis");
    REQUIRE(t);
    CHECK(f.venues[*t].location.lon_deg == doctest::Approx(4.45));
    CHECK(f.venues[*t].location.lat_deg == doctest::Approx(51.91));
    CHECK(f.venues[*t].postcode == "3022 AB");
    CHECK(built->geocoder_requests == 1);
    const auto& rep = source(*built, "venues");
    REQUIRE(rep.warnings.size() == 1);
    CHECK(rep.warnings[0].ends_with(":6: duplicate venue id 'huiskamer-de-schans' (first on line 2); row skipped"));
    CHECK(std::filesystem::exists(dir / "state" / "geocode-cache.json"));
    // The kiosk's own parser accepts the result.
    CHECK(parse_feed(built->feed_json, "feed.json"));
}

TEST_CASE("builder: real ICS from Google, Nextcloud, WordPress and Outlook become activities at the right venues") {
    TempDir dir("ics");
    write_text(dir / "venues.csv", kVenues);
    for (const char* f : {"google.ics", "nextcloud.ics", "wordpress_tec.ics", "outlook.ics"})
        std::filesystem::copy_file(publish_test::fixture(f), dir / f);
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "geocoder": {"enabled": false}, "organisations": [
      {"id": "google", "ics": "google.ics", "venue": "huiskamer-de-schans"},
      {"id": "nextcloud", "ics": "nextcloud.ics", "venue": "buurthuis-spangen", "categories": ["taal"]},
      {"id": "wp", "ics": "wordpress_tec.ics"},
      {"id": "outlook", "ics": "outlook.ics"}]})");
    auto cfg = read_sources_file(dir / "sources.json");
    REQUIRE(cfg);
    auto built = build_feed(*cfg, {dir / "state", at(23)});
    REQUIRE(built);
    const Feed& f = *built->feed;
    for (const char* id : {"google", "nextcloud", "wp", "outlook"}) {
        CAPTURE(id);
        CHECK(source(*built, id).status == SourceStatus::Fresh);
        CHECK(source(*built, id).problems.empty());
    }
    // Google: TZID + RRULE + EXDATE + a RECURRENCE-ID override; a UTC one-off; an all-day event.
    const Activity* koffie = find_title(f, "Koffieochtend");
    REQUIRE(koffie);
    CHECK(koffie->schedule.rrule == "FREQ=WEEKLY;BYDAY=TU");
    CHECK(koffie->schedule.start == LocalDateTime{{2026, 11, 3}, {10, 0}});
    REQUIRE(koffie->schedule.exdates.size() == 1);
    CHECK(koffie->schedule.exdates[0] == LocalDate{2026, 12, 29});
    REQUIRE(koffie->changes.size() == 1);
    CHECK(koffie->changes[0].start == std::optional<LocalTime>(LocalTime{10, 30}));
    CHECK(koffie->description.find("praatje, de krant") != std::string::npos);  // folded line joined
    const Activity* sint = find_title(f, "Sinterklaasmiddag");
    REQUIRE(sint);
    CHECK(sint->schedule.start == LocalDateTime{{2026, 12, 5}, {14, 0}});  // 13:00Z = 14:00 CET
    REQUIRE(find_title(f, "Kerstmarkt in de huiskamer"));
    CHECK(find_title(f, "Kerstmarkt in de huiskamer")->schedule.all_day);
    // Nextcloud: UNTIL, multi-value EXDATE, DURATION, monthly BYDAY, STATUS:CANCELLED.
    const Activity* taal = find_title(f, "Taalcafé Nederlands oefenen");
    REQUIRE(taal);
    CHECK(f.venues[taal->venue].id == "buurthuis-spangen");
    CHECK(taal->schedule.exdates.size() == 2);
    REQUIRE(find_title(f, "Voorleesmiddag (NL/TR)"));
    CHECK(find_title(f, "Voorleesmiddag (NL/TR)")->schedule.duration_min == 90);
    REQUIRE(find_title(f, "Spreekuur formulierenhulp"));
    CHECK(find_title(f, "Spreekuur formulierenhulp")->cancelled);
    // WordPress (The Events Calendar): no default venue — LOCATION names the venue; one event per date.
    const Activity* knutsel = find_title(f, "Knutselmiddag: lampionnen maken");
    REQUIRE(knutsel);
    CHECK(f.venues[knutsel->venue].id == "speeltuin-het-hofplein");
    CHECK(knutsel->categories == std::vector<std::string>{"kinderen"});
    // Outlook: Windows zone name "W. Europe Standard Time" with its own VTIMEZONE, COUNT rule.
    const Activity* maaltijd = find_title(f, "Buurtmaaltijd");
    REQUIRE(maaltijd);
    CHECK(maaltijd->schedule.start == LocalDateTime{{2026, 11, 5}, {17, 30}});
    CHECK(f.venues[maaltijd->venue].id == "huiskamer-de-schans");
    // "Buurthuis Spangen" no longer matches the renamed venue and Outlook has no default venue:
    // that event is skipped and reported, the rest of the calendar is used.
    CHECK_FALSE(find_title(f, "Burendag Spangen"));
    const auto& outlook = source(*built, "outlook");
    REQUIRE(outlook.warnings.size() == 1);
    CHECK(outlook.warnings[0].find("geen locatie") != std::string::npos);
    CHECK(outlook.warnings[0].find("Buurthuis Spangen") != std::string::npos);
    CHECK(f.activities.size() == 10);
}

TEST_CASE("builder: a failing calendar keeps its last good version (500, HTML instead of ICS, 304) and never blocks others") {
    TempDir dir("fail");
    std::mutex mutex;
    std::string mode = "ok";
    const std::string google = publish_test::fixture_text("google.ics");
    const std::string nextcloud = publish_test::fixture_text("nextcloud.ics");
    test_support::TestHttpServer server([&](const test_support::HttpRequest& req) {
        std::lock_guard lock(mutex);
        test_support::HttpResponse r;
        if (req.path == "/taal.ics") {
            if (req.header("If-None-Match") == "\"n1\"") r.status = 304;
            else r.body = nextcloud;
            r.headers.emplace_back("ETag", "\"n1\"");
            return r;
        }
        if (mode == "500") {
            r.status = 500;
            r.body = "oops";
        } else if (mode == "html") {
            r.body = "<html><body>Deze pagina bestaat niet meer</body></html>";
        } else if (req.header("If-None-Match") == "\"g1\"") {
            r.status = 304;
        } else {
            r.body = google;
        }
        r.headers.emplace_back("ETag", "\"g1\"");
        return r;
    });
    write_text(dir / "venues.csv", kVenues);
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "geocoder": {"enabled": false},
      "fetch": {"connect_timeout_ms": 1000, "timeout_ms": 3000},
      "organisations": [
        {"id": "schans", "ics": ")" + server.url("/schans.ics") + R"(", "venue": "huiskamer-de-schans"},
        {"id": "taal", "ics": ")" + server.url("/taal.ics") + R"(", "venue": "buurthuis-spangen"},
        {"id": "gone", "ics": "http://127.0.0.1:1/agenda.ics"}]})");
    auto cfg = read_sources_file(dir / "sources.json");
    REQUIRE(cfg);
    const auto state = dir / "state";

    auto first = build_feed(*cfg, {state, at(23, 10)});
    REQUIRE(first);
    CHECK(source(*first, "schans").status == SourceStatus::Fresh);
    CHECK(source(*first, "gone").status == SourceStatus::Failed);
    CHECK(source(*first, "gone").problems.front().starts_with("http://127.0.0.1:1/agenda.ics: "));
    CHECK(first->any_failed());
    const auto count = first->feed->activities.size();
    CHECK(count == 6);  // 3 from each working calendar; the unreachable one adds nothing but blocks nothing

    auto second = build_feed(*cfg, {state, at(23, 11)});
    REQUIRE(second);
    CHECK(source(*second, "schans").status == SourceStatus::NotModified);
    CHECK(source(*second, "taal").status == SourceStatus::NotModified);
    CHECK(second->feed->activities.size() == count);

    {
        std::lock_guard lock(mutex);
        mode = "500";
    }
    auto third = build_feed(*cfg, {state, at(23, 12)});
    REQUIRE(third);
    const auto& s3 = source(*third, "schans");
    CHECK(s3.status == SourceStatus::LastGood);
    CHECK(s3.last_good_saved_at == "2026-11-23T10:00:00Z");
    REQUIRE(s3.problems.size() == 1);
    CHECK(s3.problems[0].find(server.url("/schans.ics")) != std::string::npos);
    CAPTURE(s3.problems[0]);
    CHECK(s3.problems[0].find("500") != std::string::npos);
    CHECK(third->feed->activities.size() == count);
    CHECK(find_title(*third->feed, "Koffieochtend"));

    {
        std::lock_guard lock(mutex);
        mode = "html";
    }
    auto fourth = build_feed(*cfg, {state, at(23, 13)});
    REQUIRE(fourth);
    const auto& s4 = source(*fourth, "schans");
    CHECK(s4.status == SourceStatus::LastGood);
    REQUIRE_FALSE(s4.problems.empty());
    CHECK(s4.problems[0].starts_with(server.url("/schans.ics")));
    CHECK(fourth->feed->activities.size() == count);

    {
        std::lock_guard lock(mutex);
        mode = "ok";
    }
    auto fifth = build_feed(*cfg, {state, at(23, 14)});
    REQUIRE(fifth);
    CHECK(source(*fifth, "schans").status == SourceStatus::NotModified);  // the stored ETag still belongs to the good copy
}

TEST_CASE("builder: a venue moved outside Delfshaven falls back to its last published version") {
    TempDir dir("venue");
    write_text(dir / "venues.csv", kVenues);
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "geocoder": {"enabled": false}})");
    auto cfg = read_sources_file(dir / "sources.json");
    REQUIRE(cfg);
    auto first = build_feed(*cfg, {dir / "state", at(23)});
    REQUIRE(first);
    REQUIRE(remember_published_feed(dir / "state", first->feed_json));
    std::string moved = kVenues;
    moved.replace(moved.find("4,4601;51,9152"), 14, "4,5601;51,9152");
    write_text(dir / "venues.csv", moved + "nieuw;Nieuw;;Spangen;Ver weg 1;5,1;52,1;Buurthuis\r\n");
    auto second = build_feed(*cfg, {dir / "state", at(24)});
    REQUIRE(second);
    const Feed& f = *second->feed;
    CHECK(f.venues.size() == 3);
    const auto i = f.find_venue("speeltuin-het-hofplein");
    REQUIRE(i);
    CHECK(f.venues[*i].location.lon_deg == doctest::Approx(4.4601));
    const auto& w = source(*second, "venues").warnings;
    REQUIRE(w.size() == 2);
    CHECK(w[0].find("venue 'speeltuin-het-hofplein': lies outside Delfshaven: lon 4.56010") != std::string::npos);
    CHECK(w[0].ends_with("; using the venue as last published"));
    CHECK(w[1].ends_with("; venue left out"));
    CHECK_FALSE(f.find_venue("nieuw"));
}

TEST_CASE("builder: a manual activity at an unknown venue and an unusable calendar are reported, the rest is published") {
    TempDir dir("manual");
    write_text(dir / "venues.csv", kVenues);
    write_text(dir / "activities.csv",
               "venue,title,start,end,categories\n"
               "buurthuis-spangen,Eettafel,2026-12-03 17:30,19:00,maaltijd\n"
               "bestaat-niet,Spookactiviteit,2026-12-03 17:30,19:00,maaltijd\n");
    // Every event's LOCATION is unknown and there is no default venue: no usable event.
    write_text(dir / "nowhere.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:a1\r\n"
                                    "DTSTAMP:20261101T000000Z\r\nDTSTART:20261201T100000Z\r\nDTEND:20261201T110000Z\r\n"
                                    "SUMMARY:Ergens\r\nLOCATION:Markthal\\, Rotterdam Centrum\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "activities": "activities.csv", "geocoder": {"enabled": false},
      "organisations": [{"id": "nowhere", "ics": "nowhere.ics"}]})");
    auto cfg = read_sources_file(dir / "sources.json");
    REQUIRE(cfg);
    auto built = build_feed(*cfg, {dir / "state", at(23)});
    REQUIRE(built);
    CHECK(built->feed->activities.size() == 1);
    const auto& manual = source(*built, "activities");
    REQUIRE(manual.warnings.size() == 1);
    CHECK(manual.warnings[0].ends_with(":3: activity 'Spookactiviteit' is at venue 'bestaat-niet', which is not in the venues sheet; row skipped"));
    const auto& cal = source(*built, "nowhere");
    CHECK(cal.status == SourceStatus::Failed);
    REQUIRE_FALSE(cal.problems.empty());
    CHECK(cal.problems[0].find("no usable event") != std::string::npos);
}

TEST_CASE("builder: without any venues sheet nothing is published") {
    TempDir dir("novenues");
    write_text(dir / "sources.json", R"({"venues": "missing.csv"})");
    auto cfg = read_sources_file(dir / "sources.json");
    REQUIRE(cfg);
    auto built = build_feed(*cfg, {dir / "state", at(23)});
    REQUIRE_FALSE(built);
    CHECK(built.error().message.starts_with("no venues: "));
    CHECK(built.error().message.find("missing.csv") != std::string::npos);
}

TEST_CASE("builder: the sample sources file in assets/ builds a sample feed the kiosk accepts") {
    TempDir dir("sample");
    auto cfg = read_sources_file(publish_test::source_dir() / "assets/publish/sources.sample.json");
    REQUIRE(cfg);
    auto built = build_feed(*cfg, {dir / "state", at(23), false});
    REQUIRE(built);
    for (const auto& s : built->sources) {
        CAPTURE(s.id);
        CHECK(s.status == SourceStatus::Fresh);
        CHECK(s.problems.empty());
        CHECK(s.warnings.empty());
    }
    auto parsed = parse_feed(built->feed_json, "sample feed");
    REQUIRE(parsed);
    CHECK((*parsed)->sample);
    CHECK((*parsed)->venues.size() == 60);  // the venue ids of assets/feed/sample_feed.json
    // 5 manual + 3 + 3 + 3 + 2 + 3 from calendars, less the sample's "Buurtfeest" of 6 June 2026:
    // it lies before the publishing window (one month back from 23 November 2026).
    CHECK((*parsed)->activities.size() == 18);
    CHECK(source(*built, "voorbeeldagenda").outside_window == 1);
    CHECK((*parsed)->find_venue("huiskamer-de-jutter"));
}

TEST_CASE("builder: an unchanged agenda gives byte-identical JSON (same generated_at), a change gives a new one") {
    TempDir dir("same");
    write_text(dir / "venues.csv", kVenues);
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "geocoder": {"enabled": false}})");
    auto cfg = read_sources_file(dir / "sources.json");
    REQUIRE(cfg);
    auto first = build_feed(*cfg, {dir / "state", at(23, 10)});
    REQUIRE(first);
    CHECK_FALSE(first->unchanged);
    REQUIRE(remember_published_feed(dir / "state", first->feed_json));
    auto second = build_feed(*cfg, {dir / "state", at(23, 11)});
    REQUIRE(second);
    CHECK(second->unchanged);
    CHECK(second->feed_json == first->feed_json);
    write_text(dir / "venues.csv", kVenues + "nieuw;Nieuw;;Spangen;Straat 9;4,44;51,92;Buurthuis\r\n");
    auto third = build_feed(*cfg, {dir / "state", at(23, 12)});
    REQUIRE(third);
    CHECK_FALSE(third->unchanged);
    CHECK(third->feed->generated_at == std::optional<UtcTime>(at(23, 12)));
}

TEST_CASE("builder: a hanging calendar server times out and is reported; the others are still fetched") {
    TempDir dir("slow");
    const std::string google = publish_test::fixture_text("google.ics");
    test_support::TestHttpServer slow([](const test_support::HttpRequest&) {
        test_support::HttpResponse r;
        r.delay_ms = 800;
        r.body = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
        return r;
    });
    test_support::TestHttpServer fast([&](const test_support::HttpRequest&) {
        test_support::HttpResponse r;
        r.body = google;
        return r;
    });
    write_text(dir / "venues.csv", kVenues);
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "geocoder": {"enabled": false},
      "fetch": {"connect_timeout_ms": 300, "timeout_ms": 300},
      "organisations": [
        {"id": "slow", "ics": ")" + slow.url("/agenda.ics") + R"(", "venue": "huiskamer-de-schans"},
        {"id": "fast", "ics": ")" + fast.url("/agenda.ics") + R"(", "venue": "huiskamer-de-schans"}]})");
    auto cfg = read_sources_file(dir / "sources.json");
    REQUIRE(cfg);
    auto built = build_feed(*cfg, {dir / "state", at(23)});
    REQUIRE(built);
    const auto& s = source(*built, "slow");
    CHECK(s.status == SourceStatus::Failed);
    REQUIRE_FALSE(s.problems.empty());
    CHECK(s.problems[0].starts_with(slow.url("/agenda.ics") + ": timed out"));
    CHECK(source(*built, "fast").status == SourceStatus::Fresh);
    CHECK(built->feed->activities.size() == 3);
}
