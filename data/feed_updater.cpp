// [SECTION] thread + public calls  [SECTION] cache  [SECTION] one attempt  [SECTION] backoff
#include "data/feed_updater.hpp"

#include <random>

#include <nlohmann/json.hpp>

#include "data/atomic_file.hpp"
#include "data/feed_parser.hpp"
#include "data/http_fetch.hpp"
#include "data/json_document.hpp"

namespace bk::data {

namespace {
constexpr std::size_t kMaxPendingUpdates = 16;
}  // namespace

const char* to_string(FeedSource s) {
    switch (s) {
        case FeedSource::None: return "none";
        case FeedSource::Cache: return "cache";
        case FeedSource::Network: return "network";
    }
    return "unknown";
}

// [SECTION] thread + public calls
FeedUpdater::FeedUpdater(UpdaterConfig config) : config_(std::move(config)) {
    rng_state_ ^= std::uint64_t(std::random_device{}()) << 1 | 1;
    if (config_.start_thread) thread_ = std::thread([this] { thread_main(); });
}

FeedUpdater::~FeedUpdater() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    cancel_ = true;
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

std::optional<FeedUpdate> FeedUpdater::poll() {
    std::lock_guard lock(mutex_);
    if (pending_.empty()) return std::nullopt;
    FeedUpdate u = std::move(pending_.front());
    pending_.pop_front();
    return u;
}

void FeedUpdater::check_now() {
    {
        std::lock_guard lock(mutex_);
        wake_requested_ = true;
    }
    wake_.notify_all();
}

UpdaterStatus FeedUpdater::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

FeedPtr FeedUpdater::current() const {
    std::lock_guard lock(mutex_);
    return current_;
}

void FeedUpdater::run_once() {
    if (!cache_loaded_) load_cache();
    attempt();
}

void FeedUpdater::thread_main() {
    load_cache();
    for (;;) {
        attempt();
        std::unique_lock lock(mutex_);
        auto delay = status_.next_attempt_in;
        wake_.wait_for(lock, delay, [this] { return stop_ || wake_requested_; });
        if (stop_) return;
        wake_requested_ = false;
    }
}

void FeedUpdater::publish_locked(FeedPtr feed) {
    ++status_.generation;
    pending_.push_back(FeedUpdate{std::move(feed), status_});
    // Main thread stalled: keep the newest updates, but never lose an accepted feed.
    while (pending_.size() > kMaxPendingUpdates) {
        FeedUpdate dropped = std::move(pending_.front());
        pending_.pop_front();
        if (dropped.feed && !pending_.front().feed) pending_.front().feed = std::move(dropped.feed);
    }
}

void FeedUpdater::notify() {
    if (config_.notify) config_.notify();
}

// [SECTION] cache: body in cache_path, validators in cache_path + ".meta.json".
void FeedUpdater::load_cache() {
    cache_loaded_ = true;
    if (config_.cache_path.empty()) return;
    auto text = read_file(config_.cache_path, kMaxFeedBytes + 1);
    if (!text) {
        if (text.error().kind == ErrorKind::NotFound) return;  // first start
        std::lock_guard lock(mutex_);
        status_.cache_error = text.error();
        publish_locked(nullptr);
    } else {
        auto feed = parse_feed(*text, config_.cache_path);
        std::string etag, last_modified;
        if (auto meta = read_file(config_.cache_path + ".meta.json", 1u << 16)) {
            // A damaged meta file only costs validators (the next GET is unconditional).
            auto j = parse_json_document(*meta);
            auto text_of = [&](const char* key) {
                auto it = j->find(key);
                return it != j->end() && it->is_string() ? it->get<std::string>() : std::string();
            };
            if (j && j->is_object()) {
                etag = text_of("etag");
                last_modified = text_of("last_modified");
            }
        }
        std::lock_guard lock(mutex_);
        if (!feed) {
            status_.cache_error = feed.error();
            publish_locked(nullptr);
        } else {
            current_ = *feed;
            body_hash_ = std::hash<std::string>{}(*text);
            status_.source = FeedSource::Cache;
            status_.etag = etag;
            last_modified_ = last_modified;
            publish_locked(current_);
        }
    }
    notify();
}

// [SECTION] one attempt: every URL in order until one gives a usable answer.
void FeedUpdater::attempt() {
    const UtcTime now = config_.clock();
    std::string etag, last_modified;
    bool have_feed = false;
    {
        std::lock_guard lock(mutex_);
        status_.last_attempt_utc = now;
        have_feed = current_ != nullptr;
        if (have_feed) {
            etag = status_.etag;
            last_modified = last_modified_;
        }
    }
    std::optional<Error> error;
    long http_status = 0;
    bool not_modified = false;
    if (config_.urls.empty()) error = Error{ErrorKind::InvalidArgument, "no feed URL configured"};
    for (const std::string& url : config_.urls) {
        HttpGet get;
        get.url = url;
        get.etag = etag;
        get.last_modified = last_modified;
        get.connect_timeout_ms = config_.connect_timeout_ms;
        get.total_timeout_ms = config_.total_timeout_ms;
        get.max_body_bytes = config_.max_body_bytes;
        get.cancel = &cancel_;
        get.user_agent = user_agent();
        auto reply = http_get(get);
        if (!reply) {
            error = reply.error();
            http_status = 0;
            continue;
        }
        http_status = reply->status;
        if (reply->status == 304 && have_feed) {
            not_modified = true;
            std::lock_guard lock(mutex_);
            status_.last_success_utc = now;
            status_.last_error.reset();
            status_.http_status = 304;
            status_.consecutive_failures = 0;
            status_.next_attempt_in = config_.poll_interval;
            publish_locked(nullptr);
            break;
        }
        if (reply->status != 200) {
            error = Error{ErrorKind::Http, url + ": HTTP " + std::to_string(reply->status) +
                                               (have_feed ? ", expected 200 or 304" : ", expected 200 (no feed yet)")};
            continue;
        }
        if (config_.verify) {
            HttpGet sig = get;
            sig.url = url + config_.signature_suffix;
            sig.etag.clear();
            sig.last_modified.clear();
            sig.max_body_bytes = 64 * 1024;
            auto sig_reply = http_get(sig);
            // No signature file at all (404/410): let the verifier judge an empty signature, so the
            // kiosk reports "unsigned" rather than a bare HTTP error.
            if (sig_reply && (sig_reply->status == 404 || sig_reply->status == 410)) sig_reply->body.clear();
            else if (!sig_reply || sig_reply->status != 200) {
                error = sig_reply ? Error{ErrorKind::Http, sig.url + ": HTTP " + std::to_string(sig_reply->status) +
                                                               ", expected 200 (detached signature)"}
                                  : sig_reply.error();
                continue;
            }
            if (auto ok = config_.verify(reply->body, sig_reply->body); !ok) {
                error = ok.error();
                std::lock_guard lock(mutex_);
                signature_state_ = "rejected";
                continue;
            }
            std::lock_guard lock(mutex_);
            signature_state_ = "ok";
        } else {
            std::lock_guard lock(mutex_);
            signature_state_ = "unsigned";
        }
        const std::size_t hash = std::hash<std::string>{}(reply->body);
        bool same_body = false;
        {
            std::lock_guard lock(mutex_);
            same_body = current_ && hash == body_hash_;
        }
        if (same_body) {  // server without validators sent the feed we already serve
            not_modified = true;
            std::lock_guard lock(mutex_);
            status_.last_success_utc = now;
            status_.last_error.reset();
            status_.http_status = 200;
            status_.consecutive_failures = 0;
            status_.next_attempt_in = config_.poll_interval;
            publish_locked(nullptr);
            break;
        }
        auto feed = parse_feed(reply->body, url);
        if (!feed) {
            error = feed.error();
            continue;
        }
        std::optional<Error> cache_error;
        if (!config_.cache_path.empty()) {
            // Body first, then validators: a crash in between only costs one full download.
            auto w = write_file_atomically(config_.cache_path, reply->body);
            nlohmann::json meta{{"url", url}, {"etag", reply->etag}, {"last_modified", reply->last_modified},
                                {"fetched_at", to_rfc3339(now)}};
            if (w) w = write_file_atomically(config_.cache_path + ".meta.json", meta.dump(2));
            if (!w) cache_error = w.error();
        }
        {
            std::lock_guard lock(mutex_);
            current_ = *feed;
            body_hash_ = hash;
            status_.source = FeedSource::Network;
            status_.etag = reply->etag;
            last_modified_ = reply->last_modified;
            status_.last_success_utc = now;
            status_.last_error.reset();
            status_.cache_error = cache_error;
            status_.http_status = 200;
            status_.consecutive_failures = 0;
            status_.next_attempt_in = config_.poll_interval;
            publish_locked(current_);
        }
        notify();
        return;
    }
    if (error && !not_modified) {
        std::lock_guard lock(mutex_);
        status_.last_error = error;
        status_.http_status = http_status;
        ++status_.consecutive_failures;
        status_.next_attempt_in = backoff_delay();
        publish_locked(nullptr);
    }
    notify();
}

std::string FeedUpdater::user_agent() const {
    // Keep the id printable and free of the separators the fleet view splits on.
    auto clean = [](std::string v) {
        std::erase_if(v, [](char c) { return c < 0x21 || c > 0x7e || c == ';' || c == '(' || c == ')' || c == '"'; });
        return v.empty() ? std::string("-") : v.substr(0, 64);
    };
    std::lock_guard lock(mutex_);
    const std::string feed = current_ && current_->generated_at ? to_rfc3339(*current_->generated_at) : "-";
    return config_.product + " (id=" + clean(config_.client_id) + "; feed=" + clean(feed) + "; sig=" + signature_state_ + ")";
}

// [SECTION] backoff: exponential from initial_backoff, capped, "equal jitter" in [d/2, d].
std::chrono::milliseconds FeedUpdater::backoff_delay() {
    using ms = std::chrono::milliseconds;
    int n = std::min(status_.consecutive_failures - 1, 30);
    double d = double(config_.initial_backoff.count()) * double(1ull << std::max(0, n));
    d = std::min(d, double(config_.max_backoff.count()));
    rng_state_ ^= rng_state_ << 13;  // xorshift64
    rng_state_ ^= rng_state_ >> 7;
    rng_state_ ^= rng_state_ << 17;
    double u = double(rng_state_ >> 11) / double(1ull << 53);  // [0, 1)
    return ms(std::max<long long>(1, (long long)(d * (0.5 + 0.5 * u))));
}

}  // namespace bk::data
