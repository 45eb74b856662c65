// The whole publishing path: wijkagenda builds and signs a release, a real nginx on 127.0.0.1 serves
// it, and the kiosk's own FeedUpdater fetches it: 200, then 304, then a re-signed changed feed (new key,
// rotation), then a tampered feed that is rejected while the last good feed stays.
#include <doctest/doctest.h>

#include "curl_probe.hpp"
#include "data/atomic_file.hpp"
#include "data/feed_updater.hpp"
#include "data/publish/feed_builder.hpp"
#include "data/publish/feed_output.hpp"
#include "data/publish/feed_signature.hpp"
#include "nginx_server.hpp"
#include "publish_test_util.hpp"

using namespace bk::data;
using namespace bk::data::publish;
using publish_test::TempDir;
using publish_test::write_text;

namespace {

const std::string kVenues =
    "id;name;network;neighbourhood;address;lon;lat;kind\n"
    "huiskamer-de-schans;Huiskamer De Schans;Warme Buurthuiskamers;Tussendijken;Schansstraat 12;4,4412;51,9108;Buurthuiskamer\n"
    "buurthuis-spangen;Buurthuis Spangen;Delfshaven Lokaal;Spangen;Spaanseweg 1;4,4332;51,9196;Buurthuis\n";

UtcTime at(int hour) {
    using namespace std::chrono;
    return sys_days{year{2026} / November / 23} + hours{hour};
}

// Builds from dir/sources.json and publishes a signed release into dir/out.
void publish_release(const std::filesystem::path& dir, const SigningKey& key, int hour) {
    auto cfg = read_sources_file(dir / "sources.json");
    REQUIRE(cfg);
    auto built = build_feed(*cfg, {dir / "state", at(hour), false});
    REQUIRE(built);
    auto rel = write_release(*built, {dir / "out", key, at(hour)});
    REQUIRE(rel);
    REQUIRE(activate_release(*rel, dir / "out"));
}

}  // namespace

TEST_CASE("nginx round trip: 200, 304, re-signed change with a rotated key, tampered feed rejected, last good kept") {
    TempDir dir("nginx");
    write_text(dir / "venues.csv", kVenues);
    std::filesystem::copy_file(publish_test::fixture("google.ics"), dir / "google.ics");
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "geocoder": {"enabled": false},
        "organisations": [{"id": "schans", "ics": "google.ics", "venue": "huiskamer-de-schans"}]})");
    const SigningKey old_key = generate_signing_key("wijk-2026a");
    const SigningKey new_key = generate_signing_key("wijk-2026b");
    publish_release(dir.path(), old_key, 10);

    auto nginx = publish_test::NginxServer::start(dir / "out" / "current", dir / "nginx");
    if (!nginx) FAIL("cannot run the nginx round trip: " << nginx.error());
    const std::string url = (*nginx)->url("/feed.json");

    // What nginx sends: ETag, Cache-Control, the precompressed .gz for gzip clients.
    auto probe = publish_test::probe_get(url);
    CHECK(probe.status == 200);
    CHECK_FALSE(probe.etag.empty());
    CHECK(probe.header("Cache-Control") == "public, max-age=30, must-revalidate");
    CHECK(probe.header("Content-Encoding") == "gzip");
    CHECK(probe.body_bytes == std::filesystem::file_size(dir / "out" / "current" / "feed.json.gz"));
    CHECK(publish_test::probe_get(url, probe.etag).status == 304);

    UpdaterConfig cfg;
    cfg.urls = {url};
    cfg.cache_path = (dir / "kiosk" / "feed.json").string();
    std::filesystem::create_directories(dir / "kiosk");
    cfg.start_thread = false;
    cfg.connect_timeout_ms = 2000;
    cfg.total_timeout_ms = 5000;
    cfg.verify = make_updater_verify({*parse_trusted_key(format_trusted_key(public_key_of(old_key))),
                                      public_key_of(new_key)});  // both trusted: rotation window
    FeedUpdater updater(cfg);

    updater.run_once();
    auto s1 = updater.status();
    CHECK(s1.http_status == 200);
    CHECK_FALSE(s1.last_error);
    REQUIRE(updater.current());
    const auto first_count = updater.current()->activities.size();
    CHECK(first_count == 3);
    const auto gen1 = s1.generation;

    updater.run_once();
    auto s2 = updater.status();
    CHECK(s2.http_status == 304);
    CHECK_FALSE(s2.last_error);
    CHECK(s2.generation >= gen1);
    CHECK(updater.current()->activities.size() == first_count);

    // A changed feed, signed with the new key (key rotation), published as a new release.
    write_text(dir / "activities.csv", "venue,title,start,end,categories\nbuurthuis-spangen,Eettafel,2026-12-03 17:30,19:00,maaltijd\n");
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "activities": "activities.csv", "geocoder": {"enabled": false},
        "organisations": [{"id": "schans", "ics": "google.ics", "venue": "huiskamer-de-schans"}]})");
    publish_release(dir.path(), new_key, 11);
    updater.run_once();
    auto s3 = updater.status();
    CHECK(s3.http_status == 200);
    CHECK_FALSE(s3.last_error);
    REQUIRE(updater.current());
    CHECK(updater.current()->activities.size() == first_count + 1);
    CHECK(s3.etag != s1.etag);

    // Tampered: someone edits the served feed (both the .json and the .gz nginx prefers) but cannot re-sign.
    const auto current = std::filesystem::canonical(dir / "out" / "current");
    std::string body = publish_test::read_text(current / "feed.json");
    const auto pos = body.find("Eettafel");
    REQUIRE(pos != std::string::npos);
    body.replace(pos, 8, "Nepfeest");
    REQUIRE(write_file_atomically((current / "feed.json").string(), body));
    REQUIRE(write_file_atomically((current / "feed.json.gz").string(), *gzip_compress(body)));
    updater.run_once();
    auto s4 = updater.status();
    REQUIRE(s4.last_error);
    CHECK(s4.last_error->message.starts_with("signature bad-signature: signature by key 'wijk-2026b' does not match"));
    REQUIRE(updater.current());
    CHECK(updater.current()->activities.size() == first_count + 1);
    bool has_original = false;
    for (const auto& a : updater.current()->activities) has_original = has_original || a.title == "Eettafel";
    CHECK(has_original);  // the last good feed stays on screen

    // Signed by a key the kiosk does not trust: rejected as unknown key.
    const SigningKey rogue = generate_signing_key("rogue");
    REQUIRE(write_file_atomically((current / "feed.json.sig").string(), sign_feed(body, rogue)));
    updater.run_once();
    REQUIRE(updater.status().last_error);
    CHECK(updater.status().last_error->message == "signature unknown-key: feed signed with key 'rogue', trusted keys: wijk-2026a, wijk-2026b");
    CHECK(updater.current()->activities.size() == first_count + 1);

    // Unsigned (no .sig at all): rejected too, last good stays.
    std::filesystem::remove(current / "feed.json.sig");
    updater.run_once();
    REQUIRE(updater.status().last_error);
    CHECK(updater.status().last_error->message.find("feed.json.sig") != std::string::npos);
    CHECK(updater.current()->activities.size() == first_count + 1);
}
