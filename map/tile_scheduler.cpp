#include "map/tile_scheduler.hpp"

#include <unordered_set>

namespace bk::map {

TileScheduler::TileScheduler(TileSource& source, TileSchedulerOptions options)
    : options_(std::move(options)), pool_(source, options_.threads, options_.notify) {}

void TileScheduler::request(std::span<const TileId> wanted) {
    std::unordered_map<TileId, int> priority_of;
    priority_of.reserve(wanted.size());
    for (std::size_t i = 0; i < wanted.size(); ++i) priority_of.try_emplace(wanted[i], int(i));

    // Queued jobs: re-prioritise the wanted ones, cancel the rest before they start.
    pool_.retain([&](const TileJob& job) -> std::optional<int> {
        auto it = priority_of.find(job.id);
        if (it == priority_of.end()) return std::nullopt;
        return it->second;
    });
    // Jobs no longer wanted (queued-and-cancelled or already running) become obsolete.
    std::erase_if(pending_, [&](const auto& kv) { return !priority_of.contains(kv.first); });

    const auto now = SteadyClock::now();
    std::erase_if(failed_, [&](const auto& kv) { return now - kv.second >= options_.retry_after; });
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        const TileId id = wanted[i];
        if (pending_.contains(id) || failed_.contains(id)) continue;
        const std::uint64_t generation = next_generation_++;
        pending_.emplace(id, generation);
        pool_.submit(TileJob{id, generation, int(i)});
    }
}

std::vector<TileResult> TileScheduler::poll(std::size_t max_results) {
    std::vector<TileResult> out;
    while (out.size() < max_results) {
        std::vector<TileResult> batch = pool_.take_results(max_results - out.size());
        if (batch.empty()) break;
        for (TileResult& r : batch) {
            auto it = pending_.find(r.id);
            if (it == pending_.end() || it->second != r.generation) {
                ++dropped_;
                continue;
            }
            pending_.erase(it);
            if (!r.image) failed_[r.id] = SteadyClock::now();
            out.push_back(std::move(r));
        }
    }
    return out;
}

void TileScheduler::cancel_all() {
    pool_.retain([](const TileJob&) -> std::optional<int> { return std::nullopt; });
    pending_.clear();
}

}  // namespace bk::map
