// Crash-safe file replacement: write temp file, fsync, rename over target, fsync directory.
//
// Usage:
//   if (auto r = bk::data::write_file_atomically("/var/cache/bk/feed.json", body); !r) log(r.error());
//   auto text = bk::data::read_file("/var/cache/bk/feed.json");
// A reader sees either the old or the new complete file, never a mix. Errors: Io with path + errno text.
// Threads: any thread; concurrent writers of the same path must be serialised by the caller.
#pragma once
#include <cstddef>
#include <expected>
#include <string>
#include <string_view>

#include "data/error.hpp"

namespace bk::data {

std::expected<void, Error> write_file_atomically(const std::string& path, std::string_view contents);
std::expected<std::string, Error> read_file(const std::string& path, std::size_t max_bytes = 256u << 20);

}  // namespace bk::data
