// Agenda — a feed expanded once over a window, so queries become cheap filters.
//
// Usage (worker thread or once per feed swap / per day on the main thread):
//   bk::data::Agenda agenda = bk::data::build_agenda(feed, now - hours(12), now + days(8));
//   auto now_list = bk::data::happening_now(agenda, now, filter);   // query.hpp overloads
// Expansion costs ~25 µs per activity (libical); a query over an Agenda costs microseconds.
// Queries whose window is not covered by the agenda fall back to expanding the feed (same
// results, slower). Rebuild when the feed changes or the window runs out (needs_rebuild).
// Threads: build on any thread; an Agenda is immutable afterwards and passes by value.
#pragma once
#include <vector>

#include "data/feed.hpp"
#include "data/recurrence.hpp"

namespace bk::data {

struct Agenda {
    FeedPtr feed;
    UtcTime from_utc{};
    UtcTime to_utc{};
    std::vector<Occurrence> occurrences;  // sorted like expand()

    bool covers(UtcTime from, UtcTime to) const { return feed && from >= from_utc && to <= to_utc; }
};

Agenda build_agenda(FeedPtr feed, UtcTime from_utc, UtcTime to_utc);
// True when `feed` differs from the agenda's or [now, now + horizon) is no longer covered.
bool needs_rebuild(const Agenda& agenda, const FeedPtr& feed, UtcTime now, std::chrono::seconds horizon);

}  // namespace bk::data
