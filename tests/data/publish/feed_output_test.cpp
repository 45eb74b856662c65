// Tests of data/publish/feed_output.cpp and build_report.cpp: release layout, gzip, signature, swap, report.
#include <doctest/doctest.h>

#include <zlib.h>

#include "data/publish/build_report.hpp"
#include "data/publish/feed_output.hpp"
#include "publish_test_util.hpp"

using namespace bk::data;
using namespace bk::data::publish;
using publish_test::TempDir;
using publish_test::write_text;

namespace {

UtcTime at(int hour, int minute = 0) {
    using namespace std::chrono;
    return sys_days{year{2026} / November / 23} + hours{hour} + minutes{minute};
}

BuildResult build_small(const TempDir& dir, const std::string& extra_activity = "") {
    write_text(dir / "venues.csv",
               "id,name,network,neighbourhood,address,lon,lat,kind\n"
               "huiskamer-a,Huiskamer A,Delfshaven Lokaal,Spangen,Straat 1,4.4332,51.9196,buurthuiskamer\n"
               "speeltuin-b,Speeltuin <B> & co,,Middelland,Straat 2,4.4601,51.9152,speeltuin\n");
    write_text(dir / "activities.csv", "id,venue,title,start,end,categories\n"
                                       "koffie,huiskamer-a,Koffie,2026-12-01 10:00,12:00,koffie\n"
                                       "spelen,speeltuin-b,Spelen,2026-12-02 14:00,16:00,kinderen\n" + extra_activity);
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "activities": "activities.csv", "geocoder": {"enabled": false}})");
    auto cfg = read_sources_file(dir / "sources.json");
    REQUIRE(cfg);
    auto built = build_feed(*cfg, {dir / "state", at(10)});
    REQUIRE(built);
    return *built;
}

std::string gunzip(const std::string& gz) {
    z_stream zs{};
    inflateInit2(&zs, 15 + 16);
    std::string out(gz.size() * 20 + 1024, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
    zs.avail_in = static_cast<uInt>(gz.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    inflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    inflateEnd(&zs);
    return out;
}

}  // namespace

TEST_CASE("output: a release holds the feed, its gzip copy, a valid signature and ICS per venue and network") {
    TempDir dir("out");
    auto built = build_small(dir);
    const SigningKey key = generate_signing_key("k1");
    auto rel = write_release(built, {dir / "out", key, at(10)});
    REQUIRE(rel);
    CHECK(rel->name == "20261123T100000Z");
    CHECK(rel->signed_by == "k1");
    const auto d = rel->dir;
    const std::string feed = publish_test::read_text(d / "feed.json");
    CHECK(feed == built.feed_json);
    CHECK(gunzip(publish_test::read_text(d / "feed.json.gz")) == feed);
    CHECK(rel->gzip_bytes < rel->feed_bytes);
    CHECK(verify_feed(feed, publish_test::read_text(d / "feed.json.sig"), {public_key_of(key)}).value() == "k1");
    CHECK(std::filesystem::exists(d / "ics/all.ics"));
    CHECK(std::filesystem::exists(d / "ics/venue/huiskamer-a.ics"));
    CHECK(std::filesystem::exists(d / "ics/venue/speeltuin-b.ics"));
    CHECK(std::filesystem::exists(d / "ics/network/delfshaven-lokaal.ics"));
    CHECK_FALSE(std::filesystem::exists(d / "ics/network/groene-connectie.ics"));  // no venue in that network
    CHECK(rel->ics_files.size() == 4);
    const std::string ics = publish_test::read_text(d / "ics/venue/huiskamer-a.ics");
    CHECK(ics.find("SUMMARY:Koffie\r\n") != std::string::npos);
    CHECK(ics.find("SUMMARY:Spelen") == std::string::npos);
}

TEST_CASE("output: activation swaps the 'current' symlink atomically and prunes old releases") {
    TempDir dir("swap");
    auto built = build_small(dir);
    std::vector<std::string> names;
    for (int i = 0; i < 4; ++i) {
        auto rel = write_release(built, {dir / "out", std::nullopt, at(10, i)});
        REQUIRE(rel);
        CHECK(rel->signed_by.empty());
        CHECK_FALSE(std::filesystem::exists(rel->dir / "feed.json.sig"));
        REQUIRE(activate_release(*rel, dir / "out", 2));
        names.push_back(rel->name);
        CHECK(std::filesystem::read_symlink(dir / "out" / "current") == std::filesystem::path("releases") / rel->name);
    }
    // Same second again: a distinct name, never overwriting the live release.
    auto again = write_release(built, {dir / "out", std::nullopt, at(10, 3)});
    REQUIRE(again);
    CHECK(again->name == names.back() + "-2");
    int count = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir / "out" / "releases")) count += e.is_directory();
    CHECK(count == 3);  // 2 kept + the new, not yet activated one
    CHECK_FALSE(std::filesystem::exists(dir / "out" / "releases" / names[0]));
    CHECK(std::filesystem::exists(dir / "out" / "current" / "feed.json"));
}

TEST_CASE("output: a real directory named 'current' is never replaced") {
    TempDir dir("realdir");
    auto built = build_small(dir);
    std::filesystem::create_directories(dir / "out" / "current");
    auto rel = write_release(built, {dir / "out", std::nullopt, at(10)});
    REQUIRE(rel);
    auto r = activate_release(*rel, dir / "out");
    REQUIRE_FALSE(r);
    CHECK(r.error().message.ends_with("current: exists and is not a symlink; move it away"));
}

TEST_CASE("report: in Dutch, lists added, removed and changed items by title and date and puts failing sources first") {
    TempDir dir("report");
    auto first = build_small(dir);
    REQUIRE(remember_published_feed(dir / "state", first.feed_json));
    write_text(dir / "activities.csv", "id,venue,title,start,end,categories\n"
                                       "koffie,huiskamer-a,Koffie en thee,2026-12-01 10:00,12:00,koffie\n"
                                       "taal,huiskamer-a,Taalcafé,2026-12-03 19:00,20:30,taal\n");
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "activities": "activities.csv", "geocoder": {"enabled": false},
        "organisations": [{"id": "weg", "ics": "weg.ics"}]})");
    std::string venues = publish_test::read_text(dir / "venues.csv");
    venues.replace(venues.find("<B>"), 3, "<C>");
    write_text(dir / "venues.csv", venues);
    auto cfg = read_sources_file(dir / "sources.json");
    REQUIRE(cfg);
    auto second = build_feed(*cfg, {dir / "state", at(11)});
    REQUIRE(second);
    auto changes = diff_feeds(second->previous_feed_json, second->feed_json);
    CHECK_FALSE(changes.first_build);
    CHECK(changes.activities.added == std::vector<std::string>{"\"Taalcafé\" (2026-12-03)"});
    REQUIRE(changes.activities.removed.size() == 1);
    CHECK(changes.activities.removed[0].starts_with("\"Spelen\" ("));
    CHECK(changes.activities.changed == std::vector<std::string>{"\"Koffie en thee\" (2026-12-01)"});
    CHECK(changes.venues.changed == std::vector<std::string>{"Speeltuin <C> & co"});

    const std::string text = format_report_text(*second, changes, nullptr, at(11));
    const auto bad = text.find("!! weg [mislukt, niets gebruikt]");
    const auto ok = text.find("ok Plekkenlijst [bijgewerkt]");
    REQUIRE(bad != std::string::npos);
    REQUIRE(ok != std::string::npos);
    CHECK(bad < ok);
    CHECK(text.find("probleem: " + (dir / "weg.ics").string() + ": cannot read") != std::string::npos);
    CHECK(text.find("wat te doen: Het bestand ontbreekt op deze computer.") != std::string::npos);
    CHECK(text.find("activiteiten: 1 nieuw, 1 weg, 1 gewijzigd, 0 gaat niet door") != std::string::npos);
    CHECK(text.find("  + \"Taalcafé\" (2026-12-03)") != std::string::npos);

    const std::string html = format_report_html(*second, changes, nullptr, at(11));
    CHECK(html.starts_with("<!doctype html>"));
    CHECK(html.find("class=\"bad\"") != std::string::npos);
    CHECK(html.find("Speeltuin &lt;C&gt; &amp; co") != std::string::npos);  // names are escaped
    CHECK(html.find("Speeltuin <C>") == std::string::npos);
    auto first_changes = diff_feeds("", first.feed_json);
    CHECK(first_changes.first_build);
    CHECK(first_changes.venues.added.size() == 2);
}
