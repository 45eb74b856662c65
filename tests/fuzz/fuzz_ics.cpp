// Fuzz target: iCalendar import (data/ics_import.hpp) against two known venues, the way wijkagenda
// imports an organisation's calendar; a successful import is checked activity by activity.
#include "data/feed_parser.hpp"
#include "data/ics_import.hpp"
#include "fuzz_support.hpp"

namespace {

// IcsImportOptions::venues is a view: the feed that owns the venues lives as long as the options.
const bk::data::IcsImportOptions& options() {
    static bk::data::FeedPtr feed_owner;
    static const bk::data::IcsImportOptions opt = [] {
        bk::data::IcsImportOptions o;
        auto feed = bk::data::parse_feed(R"({"schema": "buurtkaart-feed/1", "timezone": "Europe/Amsterdam",
  "venues": [
    {"id": "huiskamer-a", "name": "Huiskamer Café Aan de Singel", "kind": "buurthuiskamer",
     "neighbourhood": "nieuwe-westen", "address": "Singelstraat 1", "location": {"lat": 51.9155, "lon": 4.4500}},
    {"id": "speeltuin-b", "name": "Speeltuin De Bolder", "kind": "speeltuin",
     "neighbourhood": "spangen", "address": "Bolderweg 2", "location": {"lat": 51.9230, "lon": 4.4440}}],
  "activities": []})",
                                         "venues.json");
        bk_fuzz::require(feed.has_value(), "fuzz_ics venue fixture parses");
        feed_owner = *feed;
        o.venues = feed_owner->venues;
        o.default_venue_id = "huiskamer-a";
        o.window_from = bk::data::LocalDate{2026, 1, 1};
        o.window_to = bk::data::LocalDate{2027, 1, 1};
        return o;
    }();
    return opt;
}

}  // namespace

BK_FUZZ_ENTRY {
    auto r = bk::data::import_ics(bk_fuzz::text(data, size), "fuzz.ics", options());
    if (!r) {
        bk_fuzz::require(!r.error().message.empty(), "import error has a message");
        return 0;
    }
    for (const bk::data::Activity& a : r->activities)
        bk_fuzz::require(a.venue < options().venues.size(), "activity venue indexes options.venues");
    return 0;
}
