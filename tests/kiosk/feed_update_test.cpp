// The live feed: the data helper's updater on a real HTTP server (127.0.0.1), its notify waking
// the loop, the status line, and the last good data kept when the server fails.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "kiosk_test_support.hpp"
#include "test_http_server.hpp"
#include "data/publish/feed_signature.hpp"
#include "kiosk/host/settings.hpp"

using namespace bk::kiosk;
using namespace bk::kiosk::test;

namespace {

std::string sample_text() {
    std::ifstream f(find_sample_feed());
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Steps until the status line is non-empty or ~5 s passed (the updater answers on its own thread).
std::string wait_for_status(KioskSession& s, FakeTime& t, const std::string& prefix) {
    for (int i = 0; i < 250; ++i) {
        s.step(t.advance());
        const std::string line = s.app().status_line();
        if (line.rfind(prefix, 0) == 0) return line;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return s.app().status_line();
}

}  // namespace

TEST_CASE("a feed URL is fetched by the updater and the status line says when it was updated") {
    const std::string body = sample_text();
    REQUIRE_FALSE(body.empty());
    test_support::TestHttpServer server([&](const test_support::HttpRequest&) {
        test_support::HttpResponse r;
        r.body = body;
        r.headers.emplace_back("Content-Type", "application/json");
        return r;
    });
    CliOptions o = fixed_options();
    o.app.feed = server.url("/feed.json");
    auto created = KioskSession::create(o, true);
    REQUIRE(created.has_value());
    FakeTime t;
    const std::string line = wait_for_status(**created, t, "bijgewerkt om ");
    CHECK_MESSAGE(line.rfind("bijgewerkt om ", 0) == 0, "status line: '" << line << "'");
    // No trusted keys: the feed is taken unsigned and the status line says so (the signature rule).
    CHECK_MESSAGE(line.find("niet ondertekend") != std::string::npos, "status line: '" << line << "'");
    CHECK((*created)->app().model().markers().size() == 60);
    CHECK(server.request_count() >= 1);
    // Every request identifies the kiosk for the publisher's fleet view.
    const auto reqs = server.requests();
    REQUIRE_FALSE(reqs.empty());
    CHECK(reqs.back().header("User-Agent").starts_with("buurtkaart-kiosk/"));
    CHECK(reqs.back().header("User-Agent").find("; sig=") != std::string::npos);
}

TEST_CASE("when the feed server fails the status line says so and the embedded data stays") {
    test_support::TestHttpServer server([](const test_support::HttpRequest&) {
        test_support::HttpResponse r;
        r.status = 500;
        r.body = "kapot";
        return r;
    });
    CliOptions o = fixed_options();
    o.app.feed = server.url("/feed.json");
    auto created = KioskSession::create(o, true);
    REQUIRE(created.has_value());
    FakeTime t;
    const std::string line = wait_for_status(**created, t, "Feed");
    CHECK_MESSAGE(line == "Feed is niet bereikbaar", "status line: '" << line << "'");
    CHECK((*created)->app().model().markers().size() == 60);  // the sample feed is still shown
}

namespace {

// Writes this process's settings file with one trusted key, the way a host would configure it.
void trust_key(const CliOptions& o, const bk::data::publish::SigningKey& key) {
    const std::string line = bk::data::publish::format_trusted_key(bk::data::publish::public_key_of(key));
    const auto colon = line.find(':');
    bk::kiosk::host::Settings s;
    s.trusted_keys.push_back({line.substr(0, colon), line.substr(colon + 1)});
    REQUIRE(bk::kiosk::host::save_settings(s, o.app.config_path).has_value());
}

test_support::TestHttpServer::Handler signed_feed_handler(std::string body, std::string sig) {
    return [body = std::move(body), sig = std::move(sig)](const test_support::HttpRequest& req) {
        test_support::HttpResponse r;
        r.body = req.path.ends_with(".sig") ? sig : body;
        return r;
    };
}

}  // namespace

TEST_CASE("with a trusted key configured, a correctly signed feed is accepted") {
    const auto key = bk::data::publish::generate_signing_key("wijk-test");
    const std::string body = sample_text();
    test_support::TestHttpServer server(signed_feed_handler(body, bk::data::publish::sign_feed(body, key)));
    CliOptions o = fixed_options();
    trust_key(o, key);
    o.app.feed = server.url("/feed.json");
    auto created = KioskSession::create(o, true);
    REQUIRE(created.has_value());
    FakeTime t;
    const std::string line = wait_for_status(**created, t, "bijgewerkt om ");
    CHECK_MESSAGE(line.rfind("bijgewerkt om ", 0) == 0, "status line: '" << line << "'");
    CHECK(line.find("niet ondertekend") == std::string::npos);
    CHECK(server.request_count() >= 2);  // the feed and its .sig
}

TEST_CASE("with a trusted key configured, a feed signed by another key is rejected on screen and the last good data stays") {
    const auto trusted = bk::data::publish::generate_signing_key("wijk-test");
    const auto rogue = bk::data::publish::generate_signing_key("wijk-test");  // same id, other key pair
    std::string tampered = sample_text();
    test_support::TestHttpServer server(signed_feed_handler(tampered, bk::data::publish::sign_feed(tampered, rogue)));
    CliOptions o = fixed_options();
    trust_key(o, trusted);
    o.app.feed = server.url("/feed.json");
    auto created = KioskSession::create(o, true);
    REQUIRE(created.has_value());
    FakeTime t;
    const std::string expected = "Handtekening van de feed is ongeldig";  // nl "feed.signature_invalid"
    std::string line;
    for (int i = 0; i < 250 && line != expected; ++i) {
        (*created)->step(t.advance());
        line = (*created)->app().status_line();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK_MESSAGE(line == expected, "status line: '" << line << "'");
    CHECK((*created)->app().model().markers().size() == 60);  // the embedded sample feed is still shown
}
