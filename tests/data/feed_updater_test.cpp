// FeedUpdater against a real HTTP server on 127.0.0.1 (tests/support/test_http_server.hpp).
#include <doctest/doctest.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>

#include <zlib.h>

#include "data/atomic_file.hpp"
#include "data/feed_updater.hpp"
#include "data/http_fetch.hpp"
#include "test_feeds.hpp"
#include "test_http_server.hpp"

using namespace bk::data;
using test_support::HttpRequest;
using test_support::HttpResponse;
using test_support::TestHttpServer;

namespace {

std::string feed_v(const std::string& publisher) {
    return test_feeds::feed_with(
        "[" + test_feeds::activity("a1", R"({"start": "2026-03-02T10:00", "rrule": "FREQ=WEEKLY"})") + "]",
        R"( "publisher": ")" + publisher + R"(",)");
}

std::string temp_dir(const std::string& name) {
    auto dir = std::filesystem::path(BUURTKAART_BINARY_DIR) / "test-tmp" / "updater" / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

UpdaterConfig test_config(const std::string& url, const std::string& cache_dir) {
    UpdaterConfig cfg;
    cfg.urls = {url};
    cfg.cache_path = cache_dir.empty() ? "" : cache_dir + "/feed.json";
    cfg.connect_timeout_ms = 500;
    cfg.total_timeout_ms = 400;
    cfg.max_body_bytes = 64 * 1024;
    cfg.poll_interval = std::chrono::minutes(5);
    cfg.initial_backoff = std::chrono::seconds(10);
    cfg.max_backoff = std::chrono::seconds(300);
    cfg.start_thread = false;
    cfg.clock = fixed_clock(test_feeds::utc(2026, 3, 9, 9));
    return cfg;
}

std::vector<FeedUpdate> drain(FeedUpdater& u) {
    std::vector<FeedUpdate> out;
    while (auto x = u.poll()) out.push_back(std::move(*x));
    return out;
}

std::string gzip(const std::string& in) {
    z_stream zs{};
    deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(compressBound(uLong(in.size())) + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = uInt(in.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

}  // namespace

TEST_CASE("accepts a 200 feed, caches it, then revalidates with ETag and gets 304") {
    TestHttpServer server([](const HttpRequest& req) {
        HttpResponse res;
        if (req.header("If-None-Match") == "\"v1\"") {
            res.status = 304;
            return res;
        }
        res.body = feed_v("v1");
        res.headers = {{"ETag", "\"v1\""}, {"Last-Modified", "Mon, 09 Mar 2026 08:00:00 GMT"}};
        return res;
    });
    std::string dir = temp_dir("etag");
    FeedUpdater u(test_config(server.url("/feed.json"), dir));
    u.run_once();
    auto first = drain(u);
    REQUIRE(first.size() == 1);
    REQUIRE(first[0].feed);
    CHECK(first[0].feed->publisher == "v1");
    CHECK(first[0].status.source == FeedSource::Network);
    CHECK(first[0].status.http_status == 200);
    CHECK(first[0].status.etag == "\"v1\"");
    CHECK_FALSE(first[0].status.last_error);
    CHECK(read_file(dir + "/feed.json").value() == feed_v("v1"));

    u.run_once();
    auto second = drain(u);
    REQUIRE(second.size() == 1);
    CHECK_FALSE(second[0].feed);  // nothing new
    CHECK(second[0].status.http_status == 304);
    CHECK(second[0].status.last_success_utc == test_feeds::utc(2026, 3, 9, 9));
    CHECK(second[0].status.generation > first[0].status.generation);
    auto reqs = server.requests();
    REQUIRE(reqs.size() == 2);
    CHECK(reqs[1].header("If-None-Match") == "\"v1\"");
    CHECK(reqs[1].header("If-Modified-Since") == "Mon, 09 Mar 2026 08:00:00 GMT");
    CHECK(reqs[0].header("Accept-Encoding").find("gzip") != std::string::npos);
    CHECK(u.current()->publisher == "v1");
}

TEST_CASE("keeps the last good feed through 500, timeout, truncation, invalid JSON and oversize, then recovers") {
    std::mutex m;
    int mode = 0;
    TestHttpServer server([&](const HttpRequest&) {
        std::lock_guard lock(m);
        HttpResponse res;
        switch (mode) {
            case 0: res.body = feed_v("good"); break;
            case 1: res.status = 500; res.body = "kapot"; break;
            case 2: res.delay_ms = 700; res.body = feed_v("late"); break;
            case 3: res.body = feed_v("cut"); res.truncate_to = 100; break;
            case 4: res.body = "{\"schema\": \"buurtkaart-feed/1\",\n \"venues\": [,]}"; break;
            case 5: res.body = std::string(70 * 1024, ' ') + feed_v("huge"); break;
            default: res.body = feed_v("recovered"); break;
        }
        return res;
    });
    std::string dir = temp_dir("failures");
    std::string url = server.url("/feed.json");
    FeedUpdater u(test_config(url, dir));
    auto step = [&](int new_mode) {
        {
            std::lock_guard lock(m);
            mode = new_mode;
        }
        u.run_once();
        auto updates = drain(u);
        REQUIRE(updates.size() == 1);
        return updates[0];
    };
    REQUIRE(step(0).feed);
    struct Case {
        int mode;
        ErrorKind kind;
        std::string message;
        long http_status;
    };
    const Case cases[] = {
        {1, ErrorKind::Http, url + ": HTTP 500, expected 200 or 304", 500},
        {2, ErrorKind::Network, url + ": timed out (connect 500 ms, total 400 ms)", 0},
        {3, ErrorKind::Network, url + ": truncated body, received 100 of " + std::to_string(feed_v("cut").size()) +
                                    " announced bytes", 0},
        {4, ErrorKind::Parse, url + ":2:13: invalid JSON: syntax error while parsing value - unexpected ','; "
                                    "expected '[', '{', or a literal", 200},
        {5, ErrorKind::Io, url + ": body larger than the maximum of 65536 bytes", 0},
    };
    int failures = 0;
    for (const auto& c : cases) {
        CAPTURE(c.mode);
        auto up = step(c.mode);
        ++failures;
        CHECK_FALSE(up.feed);
        REQUIRE(up.status.last_error);
        CHECK(up.status.last_error->kind == c.kind);
        CHECK(up.status.last_error->message == c.message);
        CHECK(up.status.http_status == c.http_status);
        CHECK(up.status.consecutive_failures == failures);
        CHECK(u.current()->publisher == "good");
        CHECK(read_file(dir + "/feed.json").value() == feed_v("good"));  // cache untouched
        // The one-connection test server is still sleeping on the timed-out request: let it finish.
        if (c.mode == 2) std::this_thread::sleep_for(std::chrono::milliseconds(400));
    }
    auto back = step(6);
    REQUIRE(back.feed);
    CHECK(back.feed->publisher == "recovered");
    CHECK_FALSE(back.status.last_error);
    CHECK(back.status.consecutive_failures == 0);
    CHECK(read_file(dir + "/feed.json").value() == feed_v("recovered"));
}

TEST_CASE("gzip-encoded feeds are decoded") {
    TestHttpServer server([](const HttpRequest&) {
        HttpResponse res;
        res.body = gzip(feed_v("zipped"));
        res.headers = {{"Content-Encoding", "gzip"}};
        return res;
    });
    FeedUpdater u(test_config(server.url("/f.json"), ""));
    u.run_once();
    auto ups = drain(u);
    REQUIRE(ups.size() == 1);
    REQUIRE(ups[0].feed);
    CHECK(ups[0].feed->publisher == "zipped");
}

TEST_CASE("starts offline from the cache and reports the network error") {
    std::string dir = temp_dir("offline");
    REQUIRE(write_file_atomically(dir + "/feed.json", feed_v("cached")));
    REQUIRE(write_file_atomically(dir + "/feed.json.meta.json", R"({"etag": "\"c1\""})"));
    std::string dead_url;
    {
        TestHttpServer gone([](const HttpRequest&) { return HttpResponse{}; });
        dead_url = gone.url("/feed.json");
    }  // server closed: connection refused
    FeedUpdater u(test_config(dead_url, dir));
    u.run_once();
    auto ups = drain(u);
    REQUIRE(ups.size() == 2);
    REQUIRE(ups[0].feed);
    CHECK(ups[0].feed->publisher == "cached");
    CHECK(ups[0].status.source == FeedSource::Cache);
    CHECK(ups[0].status.etag == "\"c1\"");
    CHECK_FALSE(ups[1].feed);
    REQUIRE(ups[1].status.last_error);
    CHECK(ups[1].status.last_error->kind == ErrorKind::Network);
    CHECK(ups[1].status.source == FeedSource::Cache);
    CHECK(u.current()->publisher == "cached");
}

TEST_CASE("a corrupt cache is reported and not served") {
    std::string dir = temp_dir("corrupt");
    REQUIRE(write_file_atomically(dir + "/feed.json", "{\"schema\": "));
    TestHttpServer server([](const HttpRequest&) {
        HttpResponse res;
        res.status = 503;
        return res;
    });
    FeedUpdater u(test_config(server.url("/feed.json"), dir));
    u.run_once();
    auto ups = drain(u);
    REQUIRE(ups.size() == 2);
    CHECK_FALSE(ups[0].feed);
    REQUIRE(ups[0].status.cache_error);
    CHECK(ups[0].status.cache_error->kind == ErrorKind::Parse);
    CHECK_FALSE(u.current());
}

TEST_CASE("backoff doubles with jitter and stays under the cap") {
    TestHttpServer server([](const HttpRequest&) {
        HttpResponse res;
        res.status = 500;
        return res;
    });
    auto cfg = test_config(server.url("/feed.json"), "");
    cfg.initial_backoff = std::chrono::milliseconds(1000);
    cfg.max_backoff = std::chrono::milliseconds(5000);
    FeedUpdater u(cfg);
    std::vector<long long> delays;
    for (int i = 0; i < 6; ++i) {
        u.run_once();
        delays.push_back(u.status().next_attempt_in.count());
    }
    const long long nominal[] = {1000, 2000, 4000, 5000, 5000, 5000};
    for (int i = 0; i < 6; ++i) {
        CAPTURE(i);
        CHECK(delays[i] >= nominal[i] / 2);
        CHECK(delays[i] <= nominal[i]);
    }
}

TEST_CASE("tries the next URL when the first fails") {
    TestHttpServer bad([](const HttpRequest&) {
        HttpResponse res;
        res.status = 404;
        return res;
    });
    TestHttpServer good([](const HttpRequest&) {
        HttpResponse res;
        res.body = feed_v("mirror");
        return res;
    });
    auto cfg = test_config(bad.url("/feed.json"), "");
    cfg.urls.push_back(good.url("/feed.json"));
    FeedUpdater u(cfg);
    u.run_once();
    auto ups = drain(u);
    REQUIRE(ups.size() == 1);
    REQUIRE(ups[0].feed);
    CHECK(ups[0].feed->publisher == "mirror");
}

TEST_CASE("a detached signature is fetched and a failed verification rejects the feed") {
    TestHttpServer server([](const HttpRequest& req) {
        HttpResponse res;
        res.body = req.path == "/feed.json.sig" ? std::string("SIG-OK") : feed_v("signed");
        return res;
    });
    auto cfg = test_config(server.url("/feed.json"), "");
    std::string seen_sig;
    cfg.verify = [&](const std::string& body, const std::string& sig) -> std::expected<void, Error> {
        seen_sig = sig;
        if (sig != "SIG-OK" || body.empty()) return std::unexpected(Error{ErrorKind::Validation, "bad signature"});
        return {};
    };
    {
        FeedUpdater u(cfg);
        u.run_once();
        auto ups = drain(u);
        REQUIRE(ups.size() == 1);
        CHECK(ups[0].feed);
        CHECK(seen_sig == "SIG-OK");
    }
    cfg.verify = [](const std::string&, const std::string&) -> std::expected<void, Error> {
        return std::unexpected(Error{ErrorKind::Validation, "feed.json.sig: signature does not match"});
    };
    FeedUpdater u(cfg);
    u.run_once();
    auto ups = drain(u);
    REQUIRE(ups.size() == 1);
    CHECK_FALSE(ups[0].feed);
    REQUIRE(ups[0].status.last_error);
    CHECK(ups[0].status.last_error->message == "feed.json.sig: signature does not match");
}

TEST_CASE("worker thread polls, notifies and answers check_now") {
    std::atomic<int> version{1};
    TestHttpServer server([&](const HttpRequest&) {
        HttpResponse res;
        res.body = feed_v("t" + std::to_string(version.load()));
        return res;
    });
    std::mutex m;
    std::condition_variable cv;
    int notifications = 0;
    auto cfg = test_config(server.url("/feed.json"), "");
    cfg.start_thread = true;
    cfg.poll_interval = std::chrono::hours(1);  // only check_now() triggers the second attempt
    cfg.notify = [&] {
        std::lock_guard lock(m);
        ++notifications;
        cv.notify_all();
    };
    FeedUpdater u(cfg);
    auto wait_for = [&](int n) {
        std::unique_lock lock(m);
        return cv.wait_for(lock, std::chrono::seconds(5), [&] { return notifications >= n; });
    };
    REQUIRE(wait_for(1));
    auto a = u.poll();
    REQUIRE(a);
    REQUIRE(a->feed);
    CHECK(a->feed->publisher == "t1");
    version = 2;
    u.check_now();
    REQUIRE(wait_for(2));
    auto b = u.poll();
    REQUIRE(b);
    REQUIRE(b->feed);
    CHECK(b->feed->publisher == "t2");
    CHECK(server.request_count() == 2);
}

TEST_CASE("http_get refuses non-HTTP URLs") {
    HttpGet g;
    g.url = "file:///etc/passwd";
    auto r = http_get(g);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::InvalidArgument);
    CHECK(r.error().message == "file:///etc/passwd: expected an http:// or https:// URL");
}

TEST_CASE("an identical 200 body without validators is treated as not modified") {
    TestHttpServer server([](const HttpRequest&) {
        HttpResponse res;
        res.body = feed_v("same");
        return res;
    });
    FeedUpdater u(test_config(server.url("/feed.json"), ""));
    u.run_once();
    u.run_once();
    auto ups = drain(u);
    REQUIRE(ups.size() == 2);
    CHECK(ups[0].feed);
    CHECK_FALSE(ups[1].feed);
    CHECK(ups[1].status.http_status == 200);
    CHECK_FALSE(ups[1].status.last_error);
}

TEST_CASE("a stalled main thread gets the newest updates and never loses an accepted feed") {
    std::atomic<int> calls{0};
    TestHttpServer server([&](const HttpRequest&) {
        HttpResponse res;
        if (calls++ == 0) res.body = feed_v("only");
        else res.status = 500;
        return res;
    });
    FeedUpdater u(test_config(server.url("/feed.json"), ""));
    for (int i = 0; i < 20; ++i) u.run_once();
    auto ups = drain(u);
    REQUIRE(ups.size() == 16);
    REQUIRE(ups[0].feed);  // carried forward from the dropped first update
    CHECK(ups[0].feed->publisher == "only");
    CHECK(ups.back().status.consecutive_failures == 19);
}
