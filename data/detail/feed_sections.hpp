// Internal: the parts of feed_parser.cpp — venues/notices and activities are read separately.
#pragma once
#include "data/detail/json_reader.hpp"
#include "data/feed.hpp"

namespace bk::data::detail {

void read_venues(JsonReader& r, const json& venues, Feed& feed);
// Needs feed.venues and feed.venue_index_ filled (venue references are resolved).
void read_activities(JsonReader& r, const json& activities, Feed& feed);

}  // namespace bk::data::detail
