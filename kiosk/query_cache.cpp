#include "kiosk/query_cache.hpp"

namespace bk::kiosk {

void QueryCache::check(const data::FeedPtr& feed, data::UtcTime now) {
    const std::int64_t minute = now.time_since_epoch().count() / 60;
    if (feed.get() != feed_ || minute != minute_ || occurrences_.size() + nearby_.size() > 64) {
        occurrences_.clear();
        nearby_.clear();
        feed_ = feed.get();
        minute_ = minute;
    }
}

const QueryCache::Occurrences& QueryCache::occurrences(const data::FeedPtr& feed, data::UtcTime now,
                                                       const std::string& key,
                                                       const std::function<Occurrences()>& compute) {
    check(feed, now);
    auto it = occurrences_.find(key);
    if (it == occurrences_.end()) it = occurrences_.emplace(key, compute()).first;
    return it->second;
}

const QueryCache::Nearby& QueryCache::nearby(const data::FeedPtr& feed, data::UtcTime now, const std::string& key,
                                             const std::function<Nearby()>& compute) {
    check(feed, now);
    auto it = nearby_.find(key);
    if (it == nearby_.end()) it = nearby_.emplace(key, compute()).first;
    return it->second;
}

std::string QueryCache::filter_key(const data::Filter& f) {
    std::string k = "c:";
    for (const auto& c : f.categories) k += c + ",";
    k += "|a:";
    for (const auto& a : f.audiences) k += a + ",";
    k += "|n:" + f.neighbourhood + "|w:" + f.network + "|f:" + (f.free_only ? "1" : "0") +
         "|h:" + (f.hide_cancelled ? "1" : "0") + "|t:" + f.text;
    return k;
}

}  // namespace bk::kiosk
