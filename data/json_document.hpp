// The one way this project turns untrusted text into JSON (feeds, settings, caches, publisher files).
//
// Usage:
//   auto doc = bk::data::parse_json_document(text);
//   if (!doc) report(source, doc.error().line, doc.error().column, doc.error().message);
//
// Why not json::parse directly: nlohmann throws out_of_range (not parse_error) for numbers outside
// the double range (1e400, a 100,000-digit integer), stops silently at a NUL byte (accepting
// "{}\0garbage"), and a 100,000-deep array can later overflow the stack in dump(). This function never
// throws and rejects, with a byte offset, line and column: nesting deeper than `max_depth`, any NUL
// byte, numbers out of range, trailing bytes after the value, and every ordinary syntax error.
// Messages quote at most a short excerpt of the input, never an unbounded value.
// Threads: any thread; no shared state.
#pragma once
#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

namespace bk::data {

inline constexpr int kMaxJsonDepth = 64;

struct JsonSyntaxError {
    std::size_t byte = 0;  // 0-based offset of the offending byte
    int line = 1;          // 1-based
    int column = 1;        // 1-based, in code points
    std::string message;   // e.g. "number out of range: 1e400", "nesting deeper than 64 levels"
};

// 1-based line and column (in code points) of a byte offset.
std::pair<int, int> line_column_at(std::string_view text, std::size_t offset);

std::expected<nlohmann::json, JsonSyntaxError> parse_json_document(std::string_view text,
                                                                   int max_depth = kMaxJsonDepth);

}  // namespace bk::data
