// DiskCache — one file per tile plus a small metadata file (ETag, Last-Modified, expiry), for the
// HTTP tile sources. Layout: <root>/{z}/{x}/{y}.tile and <root>/{z}/{x}/{y}.meta.
//
// Usage:
//   DiskCache cache("/var/cache/buurtkaart/pdok-standaard");
//   cache.put(id, CacheEntry{bytes, etag, last_modified, expires, fetched});
//   std::expected<std::optional<CacheEntry>, Error> e = cache.get(id);  // nullopt: not cached
//   cache.update_meta(id, etag, last_modified, expires, now);           // after a 304
// Writes are atomic: a temp file in the same folder, then rename(2), data before meta; a meta whose
// recorded size does not match the data file counts as a miss, so a crash never serves half a tile.
// Limits: entries over max_entry_bytes are not stored. prune(max_total_bytes) deletes the
// least recently fetched tiles and leftover temp files; call it at start-up (the clamped
// Delfshaven box holds ~10k tiles up to z19, ~150 MB worst case).
// Threads: get/put/update_meta may run on several workers at once; two writers of the same tile
// race benignly (last rename wins, each file complete). prune() must not run concurrently with put().
#pragma once

#include "map/tile_source.hpp"

#include <filesystem>

namespace bk::map {

struct CacheEntry {
    TileBytes bytes;
    std::string etag;
    std::string last_modified;
    WallClock::time_point expires{};
    WallClock::time_point fetched{};
};

class DiskCache {
public:
    explicit DiskCache(std::filesystem::path root, std::size_t max_entry_bytes = 2u << 20);

    std::expected<std::optional<CacheEntry>, Error> get(TileId id) const;
    std::expected<void, Error> put(TileId id, const CacheEntry& entry);
    // Refreshes validators and expiry of a cached tile (after HTTP 304); NotFound if absent.
    std::expected<void, Error> update_meta(TileId id, const std::string& etag, const std::string& last_modified,
                                           WallClock::time_point expires, WallClock::time_point fetched);
    struct PruneStats {
        std::size_t kept_bytes = 0;
        std::size_t removed_tiles = 0;
        std::size_t removed_temp_files = 0;
    };
    std::expected<PruneStats, Error> prune(std::size_t max_total_bytes);

    std::filesystem::path data_path(TileId id) const;
    std::filesystem::path meta_path(TileId id) const;
    const std::filesystem::path& root() const { return root_; }

private:
    std::expected<void, Error> write_meta(TileId id, std::size_t size, const std::string& etag,
                                          const std::string& last_modified, WallClock::time_point expires,
                                          WallClock::time_point fetched);
    std::filesystem::path root_;
    std::size_t max_entry_bytes_;
};

}  // namespace bk::map
