// TOML reader — the subset of TOML 1.0 a sources file needs, read into a JSON document.
//
// Usage:
//   auto doc = parse_toml(text, "sources.toml");   // nlohmann::json object, or Error with file:line
//   if (doc) auto cfg = parse_sources_document(*doc, "", "sources.toml", base_dir);
// Supported: comments, bare/quoted/dotted keys, [tables], [[arrays of tables]], basic "..." strings with
// escapes (\" \\ \n \t \r \uXXXX), literal '...' strings, integers and floats (with '_'), booleans,
// arrays (multi-line, trailing comma), inline tables. Not supported (error with the line): multi-line
// strings, dates/times (write them as strings), redefining a key.
// Threads: pure; any thread.
#pragma once

#include <expected>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "data/error.hpp"

namespace bk::data::publish {

std::expected<nlohmann::json, Error> parse_toml(std::string_view text, const std::string& source);

}  // namespace bk::data::publish
