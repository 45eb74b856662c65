// TileScheduler — the main thread's view of tile loading: say which tiles are wanted now (in
// priority order), get decoded results once per frame. Each submitted job gets a fresh generation
// number; a result whose generation is no longer the wanted one is dropped (the viewport moved on,
// as maplibre's RasterTile drops obsolete correlation ids). Queued jobs that are no longer wanted are
// cancelled before they start; tiles that failed are not retried before `retry_after`.
//
// Usage (main thread, each frame):
//   TileScheduler sched(source, {.threads = 2, .notify = [] { push_wake_event(); }});
//   DrawPlan plan = plan_draw(view, cache, info.min_zoom, info.max_zoom);
//   sched.request(plan.to_request);                   // visible, centre first
//   for (TileResult& r : sched.poll(4)) if (r.image) cache.put(r.id, std::move(*r.image));
// Threads: every member function is main-thread only (no internal lock besides the pool's).
// `notify` runs on worker threads (see TileWorkerPool). Destruction joins the workers.
#pragma once

#include "map/tile_worker_pool.hpp"

#include <chrono>
#include <span>
#include <unordered_map>

namespace bk::map {

struct TileSchedulerOptions {
    int threads = 2;
    TileWorkerPool::Notify notify;
    std::chrono::milliseconds retry_after{15000};  // failed tiles wait this long before a new try
};

class TileScheduler {
public:
    TileScheduler(TileSource& source, TileSchedulerOptions options = {});

    // Replaces the wanted set. Index in `wanted` is the priority (0 first).
    void request(std::span<const TileId> wanted);
    // Up to max_results current results (successes and errors); obsolete ones are dropped.
    std::vector<TileResult> poll(std::size_t max_results);
    void cancel_all();

    bool is_pending(TileId id) const { return pending_.contains(id); }
    std::size_t pending_count() const { return pending_.size(); }
    std::uint64_t dropped_count() const { return dropped_; }
    std::size_t queued_count() const { return pool_.queued(); }

private:
    using SteadyClock = std::chrono::steady_clock;
    TileSchedulerOptions options_;
    std::unordered_map<TileId, std::uint64_t> pending_;          // tile -> generation wanted
    std::unordered_map<TileId, SteadyClock::time_point> failed_;  // tile -> when it failed
    std::uint64_t next_generation_ = 1;
    std::uint64_t dropped_ = 0;
    TileWorkerPool pool_;  // last member: its workers stop before the maps above are destroyed
};

}  // namespace bk::map
