#include "data/agenda.hpp"

namespace bk::data {

Agenda build_agenda(FeedPtr feed, UtcTime from_utc, UtcTime to_utc) {
    Agenda a;
    a.from_utc = from_utc;
    a.to_utc = to_utc;
    if (feed) a.occurrences = expand(*feed, from_utc, to_utc);
    a.feed = std::move(feed);
    return a;
}

bool needs_rebuild(const Agenda& agenda, const FeedPtr& feed, UtcTime now, std::chrono::seconds horizon) {
    return agenda.feed != feed || !agenda.covers(now, now + horizon);
}

}  // namespace bk::data
