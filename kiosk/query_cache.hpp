// QueryCache — remembers agenda query results between frames. The data helper's queries expand
// recurrences (libical) over the whole feed; doing that 60 times a second would waste the CPU of
// a kiosk that should idle. A result is reused while the feed snapshot, the query key and the
// minute of "now" stay the same. Main thread only.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "data/feed.hpp"
#include "data/query.hpp"
#include "data/recurrence.hpp"

namespace bk::kiosk {

class QueryCache {
public:
    using Occurrences = std::vector<data::Occurrence>;
    using Nearby = std::vector<data::NearbyVenue>;

    // key names the query and its parameters; compute runs only on a miss.
    const Occurrences& occurrences(const data::FeedPtr& feed, data::UtcTime now, const std::string& key,
                                   const std::function<Occurrences()>& compute);
    const Nearby& nearby(const data::FeedPtr& feed, data::UtcTime now, const std::string& key,
                         const std::function<Nearby()>& compute);
    std::size_t size() const { return occurrences_.size() + nearby_.size(); }

    static std::string filter_key(const data::Filter& f);

private:
    void check(const data::FeedPtr& feed, data::UtcTime now);
    const data::Feed* feed_ = nullptr;
    std::int64_t minute_ = -1;
    std::map<std::string, Occurrences> occurrences_;
    std::map<std::string, Nearby> nearby_;
};

}  // namespace bk::kiosk
