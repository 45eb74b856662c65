// The one crash-safe file replacement of the project (feed cache, settings, tile disk cache, publisher).
//
// Usage:
//   if (auto r = bk::data::write_file_atomically("/var/cache/bk/feed.json", body); !r) log(r.error());
//   bk::data::write_file_atomically(settings_path, json, {.mode = 0600});          // holds a PIN hash
//   bk::data::write_file_atomically(tile_path, bytes, {.durable = false});          // a cache: no fsync
//   auto text = bk::data::read_file("/var/cache/bk/feed.json");
//
// How: the temporary file is created exclusively (mkostemp: O_CREAT|O_EXCL, a random name, mode 0600)
// in the target's own directory, so a planted file or symlink is never opened or followed; the data is
// written, fsynced (unless durable=false), given its final mode, then renamed over the target (rename
// replaces a symlink at the target itself, never the file it points to) and the directory is fsynced.
// A reader sees either the old or the new complete file, never a mix; on any error the temporary file
// is removed and the target is untouched. Errors: Io with path + errno text.
// Threads: any thread; concurrent writers of one path are safe (last rename wins).
#pragma once
#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <sys/types.h>

#include "data/error.hpp"

namespace bk::data {

struct AtomicWriteOptions {
    mode_t mode = 0644;           // final permission bits of the file
    bool durable = true;          // fsync file and directory (false for caches that can be refetched)
    bool create_directories = false;  // create missing parent directories first
};

std::expected<void, Error> write_file_atomically(const std::string& path, std::string_view contents,
                                                 AtomicWriteOptions options = {});
std::expected<std::string, Error> read_file(const std::string& path, std::size_t max_bytes = 256u << 20);

}  // namespace bk::data
