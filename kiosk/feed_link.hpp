// FeedLink — the kiosk's end of the data helper's FeedUpdater (HTTP polling on a worker thread).
// The worker's notify callback wakes the main loop; poll() hands over new snapshots by value.
// Signatures: with trusted keys (host settings, "KEYID:BASE64"), every feed must carry a valid
// detached Ed25519 signature (<url>.sig); require_signature without keys rejects every feed (fail
// closed). Without keys and without require_signature, feeds are accepted unsigned (development).
// A rejected feed never replaces the last good one; the updater status carries the reason
// ("signature unsigned: …", "signature bad-signature: …") for the status line.
// Usage: FeedLink link(urls, cache_path, wake, keys, require); each frame: while (auto u = link.poll()) use(*u);
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
    FeedLink(std::vector<std::string> urls, std::string cache_path, std::function<void()> wake,
             std::vector<std::string> trusted_key_lines = {}, bool require_signature = false,
             std::string kiosk_id = {});
    ~FeedLink();
    std::optional<data::FeedUpdate> poll();
    bool active() const { return true; }
    // Problems with the configured keys (lines that do not parse), for the host screen.
    const std::vector<std::string>& key_problems() const { return key_problems_; }

private:
    std::vector<std::string> key_problems_;
    std::unique_ptr<data::FeedUpdater> updater_;
};

}  // namespace bk::kiosk
