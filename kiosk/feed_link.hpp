// FeedLink — the kiosk's end of the data helper's FeedUpdater (HTTP polling on a worker thread).
// The worker's notify callback wakes the main loop; poll() hands over new snapshots by value.
// Usage: FeedLink link(urls, cache_path, wake); each frame: while (auto u = link.poll()) use(*u);
// Main thread, except `wake`, which runs on the updater's worker thread (must be thread-safe).
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/feed_updater.hpp"

namespace bk::kiosk {

class FeedLink {
public:
    FeedLink(std::vector<std::string> urls, std::string cache_path, std::function<void()> wake);
    ~FeedLink();
    std::optional<data::FeedUpdate> poll();
    bool active() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace bk::kiosk
