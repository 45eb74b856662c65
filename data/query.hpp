// Agenda queries on a fixed instant: now, later today, this week, nearby; filters; text search.
//
// Usage:
//   bk::data::Filter f; f.categories = {"maaltijd"}; f.free_only = true; f.text = "cafe";
//   auto now_list  = bk::data::happening_now(*feed, now, f);
//   auto today     = bk::data::later_today(*feed, now, f);
//   auto week      = bk::data::this_week(*feed, now, f);
//   auto near      = bk::data::nearby(*feed, {51.915, 4.45}, now, f);
// Cost: the Feed overloads expand with libical (~25 µs per activity per call); for per-frame
// use build an Agenda once (agenda.hpp) and call the Agenda overloads (microseconds).
// `now` is a parameter (pass clock() from local_time.hpp); queries never read the system time.
// Definitions (Europe/Amsterdam): now = occurrences with start <= now < end; later today =
// start > now and before next local midnight; this week = start >= now (or running now) and
// before the end of the 7th local day counting today. Cancelled occurrences are included and
// flagged unless Filter::hide_cancelled. Filter fields combine with AND; list fields match any.
// Threads: any thread (pure functions over an immutable Feed).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "data/agenda.hpp"
#include "data/feed.hpp"
#include "data/recurrence.hpp"
#include "data/venue.hpp"

namespace bk::data {

struct Filter {
    std::vector<std::string> categories;  // any of; empty = all
    std::vector<std::string> audiences;   // any of; "iedereen" activities match every audience
    std::string neighbourhood;            // empty = all
    std::string network;                  // empty = all
    bool free_only = false;               // cost known and 0
    std::string text;                     // accent-insensitive, all words must match
    bool hide_cancelled = false;
    std::vector<std::string> languages;   // any of (ISO 639: "tr", "ar", ...); empty = all
    bool wheelchair_only = false;         // venue marked wheelchair accessible
};

bool matches(const Feed& feed, const Activity& activity, const Venue& venue, const Filter& filter);
// Venue-level part of the filter (neighbourhood, network, text on venue name/address).
bool venue_matches(const Venue& venue, const Filter& filter);

std::vector<Occurrence> happening_now(const Feed& feed, UtcTime now, const Filter& filter = {});
std::vector<Occurrence> later_today(const Feed& feed, UtcTime now, const Filter& filter = {});
std::vector<Occurrence> this_week(const Feed& feed, UtcTime now, const Filter& filter = {});
std::vector<Occurrence> between(const Feed& feed, UtcTime from, UtcTime to, const Filter& filter = {});

// The same queries over a pre-expanded Agenda (agenda.hpp): cheap; fall back to the feed
// when the agenda does not cover the query window.
std::vector<Occurrence> happening_now(const Agenda& agenda, UtcTime now, const Filter& filter = {});
std::vector<Occurrence> later_today(const Agenda& agenda, UtcTime now, const Filter& filter = {});
std::vector<Occurrence> this_week(const Agenda& agenda, UtcTime now, const Filter& filter = {});
std::vector<Occurrence> between(const Agenda& agenda, UtcTime from, UtcTime to, const Filter& filter = {});

// Venue opening hours say it is open at `now` (Amsterdam time); false when it lists none.
bool is_open(const Venue& venue, UtcTime now);

// Venues whose name/address/description match the text (accent-insensitive), in feed order.
std::vector<std::uint32_t> search_venues(const Feed& feed, std::string_view text);

struct NearbyVenue {
    std::uint32_t venue = 0;
    double walking_m = 0;
    int walking_min = 0;
    std::vector<Occurrence> next;  // next occurrences (running now or later), up to next_per_venue
};

// Venues sorted by walking distance from `from`, each with its next occurrences within
// `horizon_days` that pass the filter. Venues outside the venue filter are left out; venues with
// no matching occurrence are kept only when the filter has no activity criteria.
std::vector<NearbyVenue> nearby(const Feed& feed, LatLon from, UtcTime now, const Filter& filter = {},
                                std::size_t max_venues = 20, std::size_t next_per_venue = 3,
                                int horizon_days = 7);
std::vector<NearbyVenue> nearby(const Agenda& agenda, LatLon from, UtcTime now, const Filter& filter = {},
                                std::size_t max_venues = 20, std::size_t next_per_venue = 3,
                                int horizon_days = 7);

}  // namespace bk::data
