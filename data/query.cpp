// [SECTION] filter  [SECTION] time-window queries  [SECTION] venues + nearby
#include "data/query.hpp"

#include <algorithm>

#include "data/geo.hpp"
#include "data/text_fold.hpp"

namespace bk::data {
namespace {

bool any_of_ids(const std::vector<std::string>& have, const std::vector<std::string>& wanted) {
    for (const auto& w : wanted)
        if (std::find(have.begin(), have.end(), w) != have.end()) return true;
    return false;
}

// Parts of the filter that depend only on the activity.
bool activity_passes(const Activity& a, const Filter& f) {
    if (!f.categories.empty() && !any_of_ids(a.categories, f.categories)) return false;
    if (!f.audiences.empty() && !any_of_ids(a.audiences, f.audiences) &&
        std::find(a.audiences.begin(), a.audiences.end(), "iedereen") == a.audiences.end())
        return false;
    if (f.free_only && !a.is_free()) return false;
    if (!f.languages.empty() && !any_of_ids(a.languages, f.languages)) return false;
    return true;
}

bool venue_area_passes(const Venue& v, const Filter& f) {
    if (!f.neighbourhood.empty() && v.neighbourhood != f.neighbourhood) return false;
    if (!f.network.empty() && v.network != f.network) return false;
    if (f.wheelchair_only && !v.accessibility.wheelchair) return false;
    return true;
}

// Every folded query word occurs in the activity text or in the venue text.
bool text_passes(const Activity* a, const Venue& v, std::string_view folded_query) {
    std::size_t pos = 0;
    while (pos < folded_query.size()) {
        std::size_t end = folded_query.find(' ', pos);
        if (end == std::string_view::npos) end = folded_query.size();
        std::string_view word = folded_query.substr(pos, end - pos);
        bool found = v.search_text_.find(word) != std::string::npos ||
                     (a && a->search_text_.find(word) != std::string::npos);
        if (!word.empty() && !found) return false;
        pos = end + 1;
    }
    return true;
}

bool has_activity_criteria(const Filter& f) {
    return !f.categories.empty() || !f.audiences.empty() || f.free_only || !f.languages.empty();
}

// Expands only activities passing the activity-level filter, then checks the venue each
// occurrence actually takes place in (a change may move it).
std::vector<Occurrence> filtered(const Feed& feed, UtcTime from, UtcTime to, const Filter& f,
                                 const Agenda* agenda = nullptr) {
    std::string query = fold_for_search(f.text);
    std::vector<Occurrence> out;
    if (agenda && agenda->feed.get() == &feed && agenda->covers(from, to)) {
        for (const Occurrence& o : agenda->occurrences) {
            if (o.start_utc >= to) break;  // sorted by start
            if (o.end_utc <= from) continue;
            const Activity& a = feed.activities[o.activity];
            const Venue& v = feed.venues[o.venue];
            if (!activity_passes(a, f) || !venue_area_passes(v, f)) continue;
            if (!query.empty() && !text_passes(&a, v, query)) continue;
            if (f.hide_cancelled && o.cancelled) continue;
            out.push_back(o);
        }
        return out;
    }
    for (std::uint32_t i = 0; i < feed.activities.size(); ++i) {
        const Activity& a = feed.activities[i];
        if (!activity_passes(a, f)) continue;
        // Text pre-check before the (libical) expansion; changes may move an occurrence to
        // another venue, so activities with venue changes are always expanded.
        if (!query.empty() && !text_passes(&a, feed.venues[a.venue], query) &&
            std::none_of(a.changes.begin(), a.changes.end(), [](const OccurrenceChange& c) { return c.venue.has_value(); }))
            continue;
        if (!f.neighbourhood.empty() && feed.venues[a.venue].neighbourhood != f.neighbourhood &&
            std::none_of(a.changes.begin(), a.changes.end(), [](const OccurrenceChange& c) { return c.venue.has_value(); }))
            continue;
        for (auto& o : expand_activity(feed, i, from, to)) {
            const Venue& v = feed.venues[o.venue];
            if (!venue_area_passes(v, f)) continue;
            if (!query.empty() && !text_passes(&a, v, query)) continue;
            if (f.hide_cancelled && o.cancelled) continue;
            out.push_back(std::move(o));
        }
    }
    std::sort(out.begin(), out.end(), [](const Occurrence& x, const Occurrence& y) {
        return x.start_utc != y.start_utc ? x.start_utc < y.start_utc : x.activity < y.activity;
    });
    return out;
}

}  // namespace

// [SECTION] filter
bool matches(const Feed&, const Activity& activity, const Venue& venue, const Filter& filter) {
    return activity_passes(activity, filter) && venue_area_passes(venue, filter) &&
           text_passes(&activity, venue, fold_for_search(filter.text));
}

bool venue_matches(const Venue& venue, const Filter& filter) {
    return venue_area_passes(venue, filter) && text_passes(nullptr, venue, fold_for_search(filter.text));
}

// [SECTION] time-window queries
namespace {

std::vector<Occurrence> between_impl(const Feed& feed, const Agenda* ag, UtcTime from, UtcTime to, const Filter& f) {
    if (to <= from) return {};
    return filtered(feed, from, to, f, ag);
}

std::vector<Occurrence> now_impl(const Feed& feed, const Agenda* ag, UtcTime now, const Filter& f) {
    auto occ = filtered(feed, now, now + std::chrono::seconds(1), f, ag);
    std::erase_if(occ, [&](const Occurrence& o) { return !(o.start_utc <= now && now < o.end_utc); });
    return occ;
}

std::vector<Occurrence> later_impl(const Feed& feed, const Agenda* ag, UtcTime now, const Filter& f) {
    UtcTime midnight = amsterdam_midnight(add_days(amsterdam_from_utc(now).date, 1));
    auto occ = filtered(feed, now, midnight, f, ag);
    std::erase_if(occ, [&](const Occurrence& o) { return o.start_utc <= now; });
    return occ;
}

std::vector<Occurrence> week_impl(const Feed& feed, const Agenda* ag, UtcTime now, const Filter& f) {
    UtcTime end = amsterdam_midnight(add_days(amsterdam_from_utc(now).date, 7));
    return filtered(feed, now, end, f, ag);
}

const Feed& empty_feed() {
    static const Feed feed;
    return feed;
}

const Feed& feed_of(const Agenda& a) {
    return a.feed ? *a.feed : empty_feed();
}

}  // namespace

std::vector<Occurrence> between(const Feed& feed, UtcTime from, UtcTime to, const Filter& filter) {
    return between_impl(feed, nullptr, from, to, filter);
}
std::vector<Occurrence> happening_now(const Feed& feed, UtcTime now, const Filter& filter) {
    return now_impl(feed, nullptr, now, filter);
}
std::vector<Occurrence> later_today(const Feed& feed, UtcTime now, const Filter& filter) {
    return later_impl(feed, nullptr, now, filter);
}
std::vector<Occurrence> this_week(const Feed& feed, UtcTime now, const Filter& filter) {
    return week_impl(feed, nullptr, now, filter);
}
std::vector<Occurrence> between(const Agenda& agenda, UtcTime from, UtcTime to, const Filter& filter) {
    return between_impl(feed_of(agenda), &agenda, from, to, filter);
}
std::vector<Occurrence> happening_now(const Agenda& agenda, UtcTime now, const Filter& filter) {
    return now_impl(feed_of(agenda), &agenda, now, filter);
}
std::vector<Occurrence> later_today(const Agenda& agenda, UtcTime now, const Filter& filter) {
    return later_impl(feed_of(agenda), &agenda, now, filter);
}
std::vector<Occurrence> this_week(const Agenda& agenda, UtcTime now, const Filter& filter) {
    return week_impl(feed_of(agenda), &agenda, now, filter);
}

// [SECTION] venues + nearby
bool is_open(const Venue& venue, UtcTime now) {
    LocalDateTime local = amsterdam_from_utc(now);
    int weekday = iso_weekday(local.date);
    for (const auto& h : venue.opening_hours)
        if (h.iso_weekday == weekday && h.open <= local.time && local.time < h.close) return true;
    return false;
}

std::vector<std::uint32_t> search_venues(const Feed& feed, std::string_view text) {
    std::string query = fold_for_search(text);
    std::vector<std::uint32_t> out;
    for (std::uint32_t i = 0; i < feed.venues.size(); ++i)
        if (folded_contains_all(feed.venues[i].search_text_, query)) out.push_back(i);
    return out;
}

namespace {

std::vector<NearbyVenue> nearby_impl(const Feed& feed, const Agenda* ag, LatLon from, UtcTime now,
                                     const Filter& filter, std::size_t max_venues, std::size_t next_per_venue,
                                     int horizon_days) {
    UtcTime horizon = amsterdam_midnight(add_days(amsterdam_from_utc(now).date, std::max(1, horizon_days)));
    std::vector<Occurrence> occ = filtered(feed, now, horizon, filter, ag);
    std::vector<std::vector<Occurrence>> per_venue(feed.venues.size());
    for (auto& o : occ)
        if (per_venue[o.venue].size() < next_per_venue) per_venue[o.venue].push_back(std::move(o));
    std::vector<NearbyVenue> out;
    for (std::uint32_t i = 0; i < feed.venues.size(); ++i) {
        const Venue& v = feed.venues[i];
        bool keep = !per_venue[i].empty() || (!has_activity_criteria(filter) && venue_matches(v, filter));
        if (!keep) continue;
        NearbyVenue n;
        n.venue = i;
        n.walking_m = walking_distance_m(from, v.location);
        n.walking_min = walking_minutes(n.walking_m);
        n.next = std::move(per_venue[i]);
        out.push_back(std::move(n));
    }
    std::sort(out.begin(), out.end(), [](const NearbyVenue& a, const NearbyVenue& b) {
        return a.walking_m != b.walking_m ? a.walking_m < b.walking_m : a.venue < b.venue;
    });
    if (out.size() > max_venues) out.resize(max_venues);
    return out;
}

}  // namespace

std::vector<NearbyVenue> nearby(const Feed& feed, LatLon from, UtcTime now, const Filter& filter,
                                std::size_t max_venues, std::size_t next_per_venue, int horizon_days) {
    return nearby_impl(feed, nullptr, from, now, filter, max_venues, next_per_venue, horizon_days);
}

std::vector<NearbyVenue> nearby(const Agenda& agenda, LatLon from, UtcTime now, const Filter& filter,
                                std::size_t max_venues, std::size_t next_per_venue, int horizon_days) {
    return nearby_impl(feed_of(agenda), &agenda, from, now, filter, max_venues, next_per_venue, horizon_days);
}

}  // namespace bk::data
