#include "map/local_folder_tile_source.hpp"
#include "map/tile_scheduler.hpp"
#include "map_test_support.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace bk::map;

namespace {

// A real folder source whose fetches wait at a gate until the test opens it.
class GatedSource final : public TileSource {
public:
    explicit GatedSource(std::filesystem::path root) : inner_(std::move(root)) {}
    using TileSource::fetch;
    std::expected<TileResponse, Error> fetch(const TileRequest& request) override {
        {
            std::unique_lock<std::mutex> gate_lock(gate_mutex_);
            ++started_;
            gate_cv_.notify_all();
            gate_cv_.wait(gate_lock, [this] { return open_; });
        }
        return inner_.fetch(request);
    }
    std::string describe(TileId id) const override { return inner_.describe(id); }
    void open() {
        std::lock_guard<std::mutex> gate_lock(gate_mutex_);
        open_ = true;
        gate_cv_.notify_all();
    }
    void wait_started(int n) {
        std::unique_lock<std::mutex> gate_lock(gate_mutex_);
        gate_cv_.wait(gate_lock, [&] { return started_ >= n; });
    }

private:
    LocalFolderTileSource inner_;
    std::mutex gate_mutex_;  // guards open_, started_
    std::condition_variable gate_cv_;
    bool open_ = false;
    int started_ = 0;
};

// Polls until `count` results arrived or 5 s passed (no fixed sleeps).
std::vector<TileResult> poll_until(TileScheduler& s, std::size_t count) {
    std::vector<TileResult> all;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (all.size() < count && std::chrono::steady_clock::now() < deadline) {
        for (auto& r : s.poll(16)) all.push_back(std::move(r));
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return all;
}

void make_tiles(const std::filesystem::path& root, std::initializer_list<TileId> ids) {
    const auto png = test::make_png(256, 256, 50, 60, 70);
    for (const TileId& t : ids) test::write_file(root / to_string(t) += ".png", png);
}

}  // namespace

TEST_CASE("scheduler decodes requested tiles and calls notify once per result") {
    test::TempDir dir("sched-basic");
    make_tiles(dir.path(), {{15, 1, 1}, {15, 2, 1}, {15, 3, 1}});
    LocalFolderTileSource src(dir.path());
    std::atomic<int> notified{0};
    TileScheduler sched(src, {.threads = 2, .notify = [&] { ++notified; }});
    const std::vector<TileId> wanted{{15, 1, 1}, {15, 2, 1}, {15, 3, 1}};
    sched.request(wanted);
    CHECK(sched.pending_count() == 3);
    sched.request(wanted);  // asking again does not submit duplicates
    auto results = poll_until(sched, 3);
    REQUIRE(results.size() == 3);
    for (auto& r : results) {
        REQUIRE(r.image.has_value());
        CHECK(r.image->width_px == 256);
        CHECK(r.image->rgba[0] == 50);
    }
    CHECK(notified == 3);
    CHECK(sched.pending_count() == 0);
    CHECK(sched.dropped_count() == 0);
}

TEST_CASE("results of tiles no longer wanted are dropped as obsolete; queued ones are cancelled") {
    test::TempDir dir("sched-obsolete");
    make_tiles(dir.path(), {{16, 1, 1}, {16, 2, 2}, {16, 3, 3}, {16, 4, 4}});
    GatedSource src(dir.path());
    std::atomic<int> notified{0};
    TileScheduler sched(src, {.threads = 1, .notify = [&] { ++notified; }});
    const std::vector<TileId> first{{16, 1, 1}, {16, 2, 2}, {16, 3, 3}};
    sched.request(first);
    src.wait_started(1);  // {16,1,1} is in flight on the only worker; the others are queued
    CHECK(sched.queued_count() == 2);
    const std::vector<TileId> moved{{16, 4, 4}};
    sched.request(moved);  // viewport moved: everything of `first` is obsolete
    CHECK(sched.queued_count() == 1);  // {16,2,2} and {16,3,3} cancelled before they started
    src.open();
    auto results = poll_until(sched, 1);
    // Give the obsolete in-flight result time to arrive too, then poll it away.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (notified < 2 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    for (auto& r : sched.poll(16)) results.push_back(std::move(r));
    REQUIRE(results.size() == 1);
    CHECK(results[0].id == TileId{16, 4, 4});
    CHECK(results[0].image.has_value());
    CHECK(notified == 2);
    CHECK(sched.dropped_count() == 1);
}

TEST_CASE("a failing tile comes back as an error once and is not retried at once") {
    test::TempDir dir("sched-fail");
    test::write_file(dir.path() / "14/1/1.png", {'n', 'o', 't', 'p', 'n', 'g'});
    LocalFolderTileSource src(dir.path());
    TileScheduler sched(src, {.threads = 2});
    const std::vector<TileId> wanted{{14, 1, 1}, {14, 9, 9}};
    sched.request(wanted);
    auto results = poll_until(sched, 2);
    REQUIRE(results.size() == 2);
    for (auto& r : results) {
        REQUIRE_FALSE(r.image.has_value());
        if (r.id == TileId{14, 1, 1}) {
            CHECK(r.image.error().kind == ErrorKind::Decode);
            CHECK(r.image.error().message.find("14/1/1.png: cannot decode 6 bytes") != std::string::npos);
        } else {
            CHECK(r.image.error().kind == ErrorKind::NotFound);
        }
    }
    sched.request(wanted);
    CHECK(sched.pending_count() == 0);  // within retry_after: not resubmitted
}

TEST_CASE("priorities: with one worker, lower index runs first") {
    test::TempDir dir("sched-prio");
    make_tiles(dir.path(), {{16, 0, 0}, {16, 1, 0}, {16, 2, 0}, {16, 3, 0}});
    GatedSource src(dir.path());
    TileScheduler sched(src, {.threads = 1});
    const std::vector<TileId> a{{16, 0, 0}, {16, 1, 0}, {16, 2, 0}, {16, 3, 0}};
    sched.request(a);
    src.wait_started(1);
    // Re-request in reverse: the queued ones are re-prioritised.
    const std::vector<TileId> b{{16, 3, 0}, {16, 2, 0}, {16, 1, 0}, {16, 0, 0}};
    sched.request(b);
    src.open();
    auto results = poll_until(sched, 4);
    REQUIRE(results.size() == 4);
    CHECK(results[0].id == TileId{16, 0, 0});  // was already running
    CHECK(results[1].id == TileId{16, 3, 0});
    CHECK(results[2].id == TileId{16, 2, 0});
    CHECK(results[3].id == TileId{16, 1, 0});
}

TEST_CASE("shutdown drops queued jobs, joins the workers and ignores later submits") {
    test::TempDir dir("sched-shutdown");
    make_tiles(dir.path(), {{16, 0, 0}});
    GatedSource src(dir.path());
    TileWorkerPool pool(src, 1);
    for (int i = 0; i < 50; ++i) pool.submit({{16, i, 0}, std::uint64_t(i), i});
    src.wait_started(1);
    CHECK(pool.queued() == 49);
    std::thread stopper([&] { pool.shutdown(); });  // blocks joining the worker held at the gate
    while (pool.queued() != 0) std::this_thread::yield();  // shutdown dropped the queue
    src.open();
    stopper.join();
    pool.submit({{16, 0, 0}, 99, 0});
    CHECK(pool.queued() == 0);
    auto results = pool.take_results(100);
    CHECK(results.size() == 1);  // only the job that was running when shutdown began
}
