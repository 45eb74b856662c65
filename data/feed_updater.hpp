// FeedUpdater — keeps the agenda fresh: polls the feed URL(s) over HTTP on its own thread.
//
// Usage (main thread):
//   bk::data::UpdaterConfig cfg; cfg.urls = {"https://wijkagenda.example/feed.json"};
//   cfg.cache_path = "/var/cache/buurtkaart/feed.json";
//   cfg.notify = [] { push_sdl_user_event(); };        // called on the worker thread
//   bk::data::FeedUpdater updater(cfg);  // starts the thread; it loads the cache first (source cache)
//   ... each frame:
//   while (auto u = updater.poll()) { if (u->feed) feed_ = u->feed; status_ = u->status; }
//   updater.check_now();                                 // e.g. host pressed "vernieuwen"
// Behaviour: conditional GET (If-None-Match / If-Modified-Since), gzip, timeouts, body cap, TLS
// verification on, optional detached signature (<url>.sig) checked by cfg.verify. A new feed is
// published only when the whole document parses and validates; then it is written atomically
// to cache_path (+ ".meta.json" with ETag/Last-Modified) so the kiosk starts offline with it.
// Failures keep the last good feed and retry with exponential backoff plus jitter, capped at
// max_backoff; every attempt publishes a status (last success, last error, HTTP status, ...).
// Threads: constructor, poll(), check_now(), status() and the destructor on the owning thread;
// notify runs on the worker thread (keep it tiny: wake the main loop).
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <expected>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "data/error.hpp"
#include "data/feed.hpp"
#include "data/local_time.hpp"

namespace bk::data {

using VerifyFn = std::function<std::expected<void, Error>(const std::string& body,
                                                          const std::string& signature_body)>;

struct UpdaterConfig {
    std::vector<std::string> urls;               // tried in order until one succeeds
    std::chrono::milliseconds poll_interval{std::chrono::minutes(5)};
    std::chrono::milliseconds initial_backoff{std::chrono::seconds(10)};
    std::chrono::milliseconds max_backoff{std::chrono::minutes(30)};
    long connect_timeout_ms = 5000;
    long total_timeout_ms = 30000;
    std::size_t max_body_bytes = 32u << 20;
    std::string cache_path;                      // empty: no cache
    std::string signature_suffix = ".sig";       // used when verify is set: url + suffix
    VerifyFn verify;                             // empty: no signature check
    std::function<void()> notify;                // worker thread: "poll() has something"
    bool start_thread = true;                    // false: tests drive run_once() themselves
    // Every request identifies the client for the publisher's fleet view (nginx's access log):
    //   User-Agent: <product> (id=<client_id>; feed=<generated_at of the served feed>; sig=<state>)
    // with sig = ok (last feed verified) | rejected (last signature check failed) | unsigned (no
    // verification configured) and "-" for what is not known yet.
    std::string product = "buurtkaart-kiosk/1";
    std::string client_id;
    Clock clock = system_clock();
};

enum class FeedSource { None, Cache, Network };
const char* to_string(FeedSource s);

struct UpdaterStatus {
    std::optional<UtcTime> last_success_utc;     // last 200 (accepted) or 304
    std::optional<UtcTime> last_attempt_utc;
    std::optional<Error> last_error;             // empty after a success
    std::optional<Error> cache_error;            // last cache read/write problem (feed still served)
    long http_status = 0;                        // of the last attempt, 0 when no response
    std::string etag;                            // of the feed being served
    FeedSource source = FeedSource::None;        // where the served feed came from
    int consecutive_failures = 0;
    std::chrono::milliseconds next_attempt_in{0};
    std::uint64_t generation = 0;                // increases with every published update
};

struct FeedUpdate {
    FeedPtr feed;            // non-null only when a new snapshot was accepted
    UpdaterStatus status;
};

class FeedUpdater {
public:
    explicit FeedUpdater(UpdaterConfig config);
    ~FeedUpdater();
    FeedUpdater(const FeedUpdater&) = delete;
    FeedUpdater& operator=(const FeedUpdater&) = delete;

    // Oldest pending update, or nothing. Main thread.
    std::optional<FeedUpdate> poll();
    // Wake the worker for an immediate attempt (resets the backoff wait).
    void check_now();
    // Latest status (copy).
    UpdaterStatus status() const;
    // The User-Agent the next request sends (see UpdaterConfig::product). Any thread.
    std::string user_agent() const;
    // The feed currently served (cache or network); may be null.
    FeedPtr current() const;
    // One synchronous attempt on the calling thread (only when start_thread == false).
    void run_once();

private:
    void thread_main();
    void attempt();
    void load_cache();
    void publish_locked(FeedPtr feed);
    void notify();
    std::chrono::milliseconds backoff_delay();

    UpdaterConfig config_;
    mutable std::mutex mutex_;  // guards everything below
    std::condition_variable wake_;
    bool stop_ = false;
    bool wake_requested_ = false;
    std::deque<FeedUpdate> pending_;
    UpdaterStatus status_;
    FeedPtr current_;
    std::string last_modified_;
    std::uint64_t rng_state_ = 0x9e3779b97f4a7c15ull;
    bool cache_loaded_ = false;
    std::size_t body_hash_ = 0;        // of the served feed: an identical 200 is "not modified"
    std::string signature_state_ = "-";  // for the User-Agent: ok | rejected | unsigned | -
    std::atomic<bool> cancel_{false};  // aborts a running transfer on shutdown
    std::thread thread_;  // last: starts after every member is ready
};

}  // namespace bk::data
