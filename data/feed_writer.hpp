// Feed -> feed-format v1 JSON text (the inverse of feed_parser.hpp).
//
// Usage:
//   std::string json = bk::data::write_feed_json(feed);       // compact
//   std::string pretty = bk::data::write_feed_json(feed, 2);  // indented
// Used by the benchmark, the sample generator's round-trip test and the publish helper.
// parse_feed(write_feed_json(f)) reproduces f. Threads: any thread.
#pragma once
#include <string>

#include "data/feed.hpp"

namespace bk::data {

std::string write_feed_json(const Feed& feed, int indent = -1);

}  // namespace bk::data
