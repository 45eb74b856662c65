#include "map/tile_worker_pool.hpp"

#include <algorithm>

namespace bk::map {

TileWorkerPool::TileWorkerPool(TileSource& source, int thread_count, Notify notify)
    : source_(source), notify_(std::move(notify)) {
    const int n = std::clamp(thread_count, 1, 16);
    workers_.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i) workers_.emplace_back([this] { worker_main(); });
}

TileWorkerPool::~TileWorkerPool() { shutdown(); }

void TileWorkerPool::shutdown() {
    std::call_once(shutdown_once_, [this] {
        {
            std::lock_guard<std::mutex> queue_lock(queue_mutex_);
            stopping_ = true;
            queue_.clear();
        }
        queue_cv_.notify_all();
        for (std::thread& t : workers_) t.join();
    });
}

void TileWorkerPool::submit(TileJob job) {
    {
        std::lock_guard<std::mutex> queue_lock(queue_mutex_);
        if (stopping_) return;
        queue_.push_back({job, next_seq_++});
    }
    queue_cv_.notify_one();
}

std::size_t TileWorkerPool::retain(const std::function<std::optional<int>(const TileJob&)>& decide) {
    std::lock_guard<std::mutex> queue_lock(queue_mutex_);
    const std::size_t before = queue_.size();
    std::erase_if(queue_, [&](QueuedJob& q) {
        const std::optional<int> priority = decide(q.job);
        if (!priority) return true;
        q.job.priority = *priority;
        return false;
    });
    return before - queue_.size();
}

std::size_t TileWorkerPool::queued() const {
    std::lock_guard<std::mutex> queue_lock(queue_mutex_);
    return queue_.size();
}

std::vector<TileResult> TileWorkerPool::take_results(std::size_t max_results) {
    std::vector<TileResult> out;
    std::lock_guard<std::mutex> results_lock(results_mutex_);
    while (!results_.empty() && out.size() < max_results) {
        out.push_back(std::move(results_.front()));
        results_.pop_front();
    }
    return out;
}

std::optional<TileJob> TileWorkerPool::next_job() {
    std::unique_lock<std::mutex> queue_lock(queue_mutex_);
    queue_cv_.wait(queue_lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) return std::nullopt;
    auto best = std::min_element(queue_.begin(), queue_.end(), [](const QueuedJob& a, const QueuedJob& b) {
        return a.job.priority != b.job.priority ? a.job.priority < b.job.priority : a.seq < b.seq;
    });
    const TileJob job = best->job;
    queue_.erase(best);
    return job;
}

TileResult TileWorkerPool::run_job(const TileJob& job) {
    TileResult result;
    result.id = job.id;
    result.generation = job.generation;
    auto response = source_.fetch(job.id);
    if (!response) {
        result.image = std::unexpected(response.error());
        return result;
    }
    result.stale = response->stale;
    result.origin = response->origin;
    result.image = decode_tile(response->bytes, response->origin.empty() ? to_string(job.id) : response->origin);
    return result;
}

void TileWorkerPool::worker_main() {
    while (std::optional<TileJob> job = next_job()) {
        TileResult result = run_job(*job);
        {
            std::lock_guard<std::mutex> results_lock(results_mutex_);
            results_.push_back(std::move(result));
        }
        if (notify_) notify_();  // no lock held: the callback may call back into the pool
    }
}

}  // namespace bk::map
