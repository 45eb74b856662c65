#include "data/feed.hpp"

#include "data/text_fold.hpp"

namespace bk::data {

std::optional<std::uint32_t> Feed::find_venue(std::string_view id) const {
    auto it = venue_index_.find(std::string(id));
    if (it == venue_index_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::uint32_t> Feed::find_activity(std::string_view id) const {
    auto it = activity_index_.find(std::string(id));
    if (it == activity_index_.end()) return std::nullopt;
    return it->second;
}

std::vector<const Notice*> Feed::active_notices(UtcTime now) const {
    std::vector<const Notice*> out;
    for (const auto& n : notices)
        if ((!n.from || *n.from <= now) && (!n.until || now < *n.until)) out.push_back(&n);
    return out;
}

void Feed::finish() {
    venue_index_.clear();
    activity_index_.clear();
    venue_index_.reserve(venues.size());
    activity_index_.reserve(activities.size());
    for (std::uint32_t i = 0; i < venues.size(); ++i) {
        Venue& v = venues[i];
        venue_index_.emplace(v.id, i);
        v.search_text_ = fold_for_search(v.name + " " + v.address + " " + v.postcode + " " + v.description);
    }
    for (std::uint32_t i = 0; i < activities.size(); ++i) {
        Activity& a = activities[i];
        activity_index_.emplace(a.id, i);
        a.search_text_ = fold_for_search(a.title + " " + a.description + " " + a.organiser);
    }
}

}  // namespace bk::data
