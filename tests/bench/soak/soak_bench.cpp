// Soak benchmark (issue #10): a week of kiosk life on an accelerated clock, in a few minutes.
//
//   SDL_VIDEODRIVER=dummy build/tests/bench/soak/bench_soak            # 7 simulated days
//   SOAK_DAYS=1 SDL_VIDEODRIVER=dummy build/tests/bench/soak/bench_soak  # quicker
//
// A headless KioskSession (800x500, software renderer) whose wall clock is simulated: every simulated
// hour has monkey input in day hours (07–22: taps, drags, pinches, screen jumps), no input at night,
// and idle gaps that trigger the idle reset. A local feed server (127.0.0.1) flaps between a new
// valid signed feed, 304, 500, a timeout, a truncated body, garbage and a feed signed by a rogue key;
// the data updater (data/feed_updater.hpp, the kiosk's own verify hook) polls it every simulated
// 10 minutes and, as the kiosk's FeedLink does, hands every accepted feed to App::set_feed. The tile
// server flaps too (good tiles, 500, garbage, truncated, slow, 404).
// Prints per simulated day: RSS, frames drawn, feed swaps, feed errors by kind, tile requests; then
// the totals and RSS growth after the first simulated hour. Checked after every feed attempt: a feed
// is on screen and it is the last good one. Figures only; the exit status is 1 only when the last
// good feed was ever missing from the screen (a correctness check, not a timing).
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <sstream>
#include <string>

#include "data/feed_parser.hpp"
#include "data/feed_updater.hpp"
#include "data/publish/feed_signature.hpp"
#include "kiosk_test_support.hpp"
#include "test_http_server.hpp"

using namespace bk::kiosk;
using namespace bk::kiosk::test;
namespace pub = bk::data::publish;

namespace {

constexpr int kW = 800, kH = 500;

long rss_kib() {
    std::ifstream f("/proc/self/statm");
    long pages = 0, resident = 0;
    f >> pages >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

std::string read_all(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

int env_int(const char* name, int fallback) {
    const char* v = std::getenv(name);
    const int n = v ? std::atoi(v) : 0;
    return n > 0 ? n : fallback;
}

// The feed server's behaviours, in the order it cycles through them (a new valid feed every 8th).
enum class FeedMode { NewFeed, NotModified, Error500, Timeout, Truncated, Garbage, RogueSigned, NotModified2 };
const char* name(FeedMode m) {
    switch (m) {
        case FeedMode::NewFeed: return "new";
        case FeedMode::NotModified: case FeedMode::NotModified2: return "304";
        case FeedMode::Error500: return "500";
        case FeedMode::Timeout: return "timeout";
        case FeedMode::Truncated: return "truncated";
        case FeedMode::Garbage: return "garbage";
        case FeedMode::RogueSigned: return "rogue-signed";
    }
    return "?";
}

}  // namespace

int main() {
    const int days = env_int("SOAK_DAYS", 7);
    const std::string sample = read_all(find_sample_feed());
    if (sample.empty()) {
        std::fprintf(stderr, "bench_soak: sample feed not found\n");
        return 2;
    }
    const auto key = pub::generate_signing_key("soak");
    const auto rogue = pub::generate_signing_key("soak");  // same id, other key pair

    // ---- feed server: one behaviour per attempt (the .sig request follows its feed) ----
    std::mutex m;
    FeedMode mode = FeedMode::NewFeed;
    int version = 0;
    std::string body = sample, sig = pub::sign_feed(sample, key), etag = "\"v0\"";
    test_support::TestHttpServer feed_server([&](const test_support::HttpRequest& req) {
        std::lock_guard lock(m);
        test_support::HttpResponse r;
        const bool is_sig = req.path.ends_with(".sig");
        switch (mode) {
            case FeedMode::NewFeed: r.body = is_sig ? sig : body; r.headers.emplace_back("ETag", etag); break;
            case FeedMode::NotModified: case FeedMode::NotModified2:
                if (req.header("If-None-Match") == etag) r.status = 304;
                else r.body = is_sig ? sig : body;
                r.headers.emplace_back("ETag", etag);
                break;
            case FeedMode::Error500: r.status = 500; r.body = "kapot"; break;
            case FeedMode::Timeout: r.delay_ms = 700; r.body = is_sig ? sig : body; break;
            case FeedMode::Truncated: r.body = body; r.truncate_to = body.size() / 3; break;
            case FeedMode::Garbage: r.body = is_sig ? sig : std::string("\x89PNG garbage {\"schema\": [[[", 27); break;
            case FeedMode::RogueSigned: {
                std::string evil = body;
                evil.replace(evil.find("\"venues\""), 8, "\"venues\" ");
                r.body = is_sig ? pub::sign_feed(evil, rogue) : evil;
                break;
            }
        }
        return r;
    });

    // ---- tile server: cycles good, good, 500, garbage, truncated, slow, 404 ----
    const std::string tiles_dir = find_offline_tiles_dir();
    std::atomic<int> tile_requests{0};
    test_support::TestHttpServer tile_server([&](const test_support::HttpRequest& req) {
        test_support::HttpResponse r;
        const int n = tile_requests++;
        std::string file = tiles_dir + req.path;  // /z/x/y.png, as the offline folder
        std::string png = read_all(file);
        switch (n % 7) {
            case 0: case 1: if (png.empty()) r.status = 404; else r.body = png; break;
            case 2: r.status = 500; break;
            case 3: r.body = "not a png at all"; break;
            case 4: r.body = png.empty() ? std::string(100, 'x') : png; r.truncate_to = r.body.size() / 2; break;
            case 5: r.delay_ms = 300; r.body = png; if (png.empty()) r.status = 404; break;
            default: r.status = 404; break;
        }
        r.headers.emplace_back("Content-Type", "image/png");
        return r;
    });

    // ---- simulated clock: starts Monday 2026-11-23 00:00 Europe/Amsterdam (23:00 UTC the day before) ----
    using namespace std::chrono;
    const system_clock::time_point sim_start = sys_days{year{2026} / November / 22} + hours{23};
    std::atomic<long long> sim_s{0};
    auto sim_now = [&] { return sim_start + seconds(sim_s.load()); };

    CliOptions o = fixed_options(kW, kH);
    o.app.kiosk_mode = true;
    o.app.wall_clock = sim_now;
    o.app.start_updater = false;  // the bench drives the updater on the simulated clock (below)
    o.app.tiles = tile_server.url("/{z}/{x}/{y}.png");
    o.app.tiles_given = true;
    auto created = KioskSession::create(o, /*headless=*/true);
    if (!created) {
        std::fprintf(stderr, "bench_soak: %s\n", created.error().c_str());
        return 2;
    }
    KioskSession& s = **created;

    const std::string cache = std::string(BUURTKAART_BINARY_DIR) + "/tests/bench/soak/feed-cache-" +
                              std::to_string(::getpid()) + ".json";
    bk::data::UpdaterConfig cfg;
    cfg.urls = {feed_server.url("/feed.json")};
    cfg.cache_path = cache;
    cfg.connect_timeout_ms = 300;
    cfg.total_timeout_ms = 400;
    cfg.verify = pub::make_updater_verify({pub::public_key_of(key)});
    cfg.start_thread = false;
    cfg.clock = [&] { return bk::data::UtcTime(time_point_cast<bk::data::UtcTime::duration>(sim_now())); };
    bk::data::FeedUpdater updater(cfg);

    FakeTime t;
    std::mt19937 rng(20261123);
    std::uniform_real_distribution<float> xs(0, kW), ys(0, kH);
    std::uniform_int_distribution<int> pct(0, 99);
    const Screen screens[] = {Screen::Map, Screen::Venue, Screen::Agenda, Screen::Nearby};
    const std::size_t venue_count = s.app().model().feed()->venues.size();

    bk::data::FeedPtr last_good = s.app().model().feed();
    long long swaps = 0, attempts = 0, not_on_screen = 0, touches = 0;
    std::map<std::string, long long> errors;  // by server mode
    long rss_first_hour = 0, rss_max_after = 0;
    const auto wall_start = steady_clock::now();
    std::printf("bench_soak: %d simulated days, 800x500 headless, feed attempt every simulated 10 min\n", days);
    std::printf("%-4s %-10s %10s %8s %7s %8s %s\n", "day", "weekday", "rss_kib", "frames", "swaps", "tiles",
                "feed errors (by server behaviour)");
    const char* weekdays[] = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"};
    long long frames_day_start = s.app().frames_drawn(), swaps_day_start = 0;
    int tiles_day_start = 0;
    std::map<std::string, long long> errors_day_start;

    for (int hour = 0; hour < days * 24; ++hour) {
        const int hod = hour % 24;
        const bool day_hours = hod >= 7 && hod < 22;
        for (int slot = 0; slot < 6; ++slot) {  // 10-minute slots
            sim_s = (hour * 60LL + slot * 10) * 60;
            // One feed attempt per slot, the server in its next mode.
            FeedMode now_mode;
            {
                std::lock_guard lock(m);
                now_mode = mode = static_cast<FeedMode>(attempts % 8);
                if (mode == FeedMode::NewFeed) {  // a new publication: other generated_at, new ETag, signed
                    ++version;
                    body = sample;
                    const auto p = body.find("\"publisher\"");
                    body.insert(p, "\"soak_version\": " + std::to_string(version) + ", ");
                    sig = pub::sign_feed(body, key);
                    etag = "\"v" + std::to_string(version) + "\"";
                }
            }
            ++attempts;
            updater.run_once();
            while (auto u = updater.poll()) {
                if (u->feed) {
                    s.app().set_feed(u->feed);
                    last_good = u->feed;
                    ++swaps;
                } else if (u->status.last_error) {
                    ++errors[name(now_mode)];
                }
            }
            if (s.app().model().feed() != last_good || s.app().model().feed()->venues.size() != venue_count)
                ++not_on_screen;
            // Input for this slot: a visitor in day hours (sometimes nobody: idle reset), none at night.
            const int frames = day_hours ? 8 : 1;
            for (int f = 0; f < frames; ++f) {
                if (day_hours && pct(rng) < 70) {
                    const int a = pct(rng);
                    ++touches;
                    if (a < 55) {
                        push_finger(SDL_FINGERDOWN, 1, xs(rng), ys(rng), kW, kH);
                        s.step(t.advance());
                        push_finger(SDL_FINGERUP, 1, xs(rng) * 0.01f + 5, ys(rng) * 0.01f + 5, kW, kH);
                    } else if (a < 80) {
                        float x = xs(rng), y = ys(rng);
                        push_finger(SDL_FINGERDOWN, 2, x, y, kW, kH);
                        for (int k = 0; k < 3; ++k) {
                            x += xs(rng) / 20 - 20;
                            y += ys(rng) / 20 - 12;
                            push_finger(SDL_FINGERMOTION, 2, x, y, kW, kH);
                            s.step(t.advance());
                        }
                        push_finger(SDL_FINGERUP, 2, x, y, kW, kH);
                    } else if (a < 90) {
                        const float cx = xs(rng), cy = ys(rng), d = 30;
                        const float k = pct(rng) < 50 ? 1.4f : 0.7f;
                        push_finger(SDL_FINGERDOWN, 3, cx - d, cy, kW, kH);
                        push_finger(SDL_FINGERDOWN, 4, cx + d, cy, kW, kH);
                        push_finger(SDL_FINGERMOTION, 3, cx - d * k, cy, kW, kH);
                        push_finger(SDL_FINGERMOTION, 4, cx + d * k, cy, kW, kH);
                        s.step(t.advance());
                        push_finger(SDL_FINGERUP, 3, cx - d * k, cy, kW, kH);
                        push_finger(SDL_FINGERUP, 4, cx + d * k, cy, kW, kH);
                    } else {
                        const auto& venues = s.app().model().feed()->venues;
                        s.app().open(screens[std::size_t(pct(rng)) % 4], venues[std::size_t(pct(rng)) % venues.size()].id);
                    }
                }
                s.step(t.advance());
            }
            // The rest of the 10 minutes passes on the monotonic clock too (idle reset, attract mode).
            t.now += minutes(10);
            s.step(t.advance());
        }
        if (hour == 0) rss_first_hour = rss_kib();
        else rss_max_after = std::max(rss_max_after, rss_kib());
        if (hod == 23) {
            std::string errs;
            for (const auto& [k, v] : errors) {
                const long long d = v - errors_day_start[k];
                if (d) errs += k + "=" + std::to_string(d) + " ";
            }
            std::printf("%-4d %-10s %10ld %8lld %7lld %8d %s\n", hour / 24 + 1, weekdays[(hour / 24) % 7], rss_kib(),
                        s.app().frames_drawn() - frames_day_start, swaps - swaps_day_start,
                        tile_requests.load() - tiles_day_start, errs.c_str());
            std::fflush(stdout);
            frames_day_start = s.app().frames_drawn();
            swaps_day_start = swaps;
            tiles_day_start = tile_requests.load();
            errors_day_start = errors;
        }
    }
    const double wall_s = duration<double>(steady_clock::now() - wall_start).count();
    long long total_errors = 0;
    for (const auto& [k, v] : errors) total_errors += v;
    std::printf("total: %lld feed attempts, %lld feed swaps, %lld feed errors, %lld touch actions, %lld frames, "
                "%d tile requests, %.1f s wall\n",
                attempts, swaps, total_errors, touches, s.app().frames_drawn(), tile_requests.load(), wall_s);
    std::printf("rss: %ld KiB after the first simulated hour, max %ld KiB after it (%+.1f %%), %ld KiB at the end\n",
                rss_first_hour, rss_max_after, 100.0 * double(rss_max_after - rss_first_hour) / double(rss_first_hour),
                rss_kib());
    std::printf("last good feed on screen after every attempt: %s (%lld misses); status line: %s\n",
                not_on_screen == 0 ? "yes" : "NO", not_on_screen, s.app().status_line().c_str());
    std::error_code ec;
    std::filesystem::remove(cache, ec);
    std::filesystem::remove(cache + ".meta.json", ec);
    return not_on_screen == 0 ? 0 : 1;
}
