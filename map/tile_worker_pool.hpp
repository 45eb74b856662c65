// TileWorkerPool — N worker threads that fetch tile bytes from a TileSource and decode them to
// RGBA. Jobs wait in a priority queue (lower number first, then FIFO); results come back BY VALUE
// through a mutex-guarded queue. After each result the `notify` callback runs (the kiosk wires it to
// an SDL user event so the main loop wakes; map/ never sees SDL).
//
// Usage (main thread):
//   TileWorkerPool pool(source, 2, [] { push_wake_event(); });
//   pool.submit(TileJob{id, generation, priority});
//   for (TileResult& r : pool.take_results(8)) ...   // once per frame
// Most code wants TileScheduler (tile_scheduler.hpp), which adds generations and cancellation.
// Threads: submit / retain / take_results / shutdown may be called from any thread (each takes a
// named lock), normally the main thread. `notify` runs on a WORKER thread, with no lock held: it
// must be thread-safe and quick (SDL_PushEvent is). The TileSource must outlive the pool and
// allow concurrent fetch(). The destructor cancels queued jobs and joins the workers
// (waiting at most for the fetches in flight, bounded by the source's timeouts).
#pragma once

#include "map/tile_decoder.hpp"
#include "map/tile_source.hpp"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace bk::map {

struct TileJob {
    TileId id;
    std::uint64_t generation = 0;
    int priority = 0;  // lower runs first
};

struct TileResult {
    TileId id;
    std::uint64_t generation = 0;
    std::expected<DecodedImage, Error> image = std::unexpected(Error{ErrorKind::Cancelled, "no result"});
    bool stale = false;      // bytes came from an expired cache entry (network down)
    std::string origin;      // URL or file
};

class TileWorkerPool {
public:
    using Notify = std::function<void()>;

    TileWorkerPool(TileSource& source, int thread_count = 2, Notify notify = {});
    ~TileWorkerPool();
    TileWorkerPool(const TileWorkerPool&) = delete;
    TileWorkerPool& operator=(const TileWorkerPool&) = delete;

    void submit(TileJob job);
    // Walks the queued (not yet started) jobs: `decide` returns a new priority to keep a job or
    // nullopt to cancel it. Returns the number cancelled.
    std::size_t retain(const std::function<std::optional<int>(const TileJob&)>& decide);
    std::vector<TileResult> take_results(std::size_t max_results);
    void shutdown();  // idempotent; after it, submit() is ignored

    std::size_t queued() const;

private:
    struct QueuedJob {
        TileJob job;
        std::uint64_t seq;
    };
    void worker_main();
    std::optional<TileJob> next_job();  // blocks; nullopt on shutdown
    TileResult run_job(const TileJob& job);

    TileSource& source_;
    Notify notify_;

    mutable std::mutex queue_mutex_;  // guards queue_, next_seq_, stopping_
    std::condition_variable queue_cv_;
    std::vector<QueuedJob> queue_;
    std::uint64_t next_seq_ = 0;
    bool stopping_ = false;

    mutable std::mutex results_mutex_;  // guards results_
    std::deque<TileResult> results_;

    std::vector<std::thread> workers_;  // touched only by constructor and shutdown()
    std::once_flag shutdown_once_;
};

}  // namespace bk::map
