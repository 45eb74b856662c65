// TileSource — one interface for every place tile bytes come from: a local folder, HTTP, or the
// CachingTileLoader that chains disk cache and network (the shape of maplibre's FileSource /
// MainResourceLoader).
//
// Usage (on a worker thread):
//   std::expected<TileResponse, Error> r = source.fetch(TileId{16, 33578, 21674});
//   if (r) decode(r->bytes) ... else log(r.error().message);
// Conditional requests: fill TileRequest::if_none_match / if_modified_since; a source that
// supports them may answer status NotModified with empty bytes (HTTP 304).
// Threads: fetch() is BLOCKING and meant for worker threads; every implementation must allow
// concurrent fetch() calls from several workers (no shared mutable state without a lock).
// Construction and destruction happen on the owning (main) thread while no fetch is running.
#pragma once

#include "map/error.hpp"
#include "map/geo_types.hpp"

#include <chrono>
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <vector>

namespace bk::map {

using TileBytes = std::vector<std::uint8_t>;
using WallClock = std::chrono::system_clock;

struct TileRequest {
    TileId id;
    std::string if_none_match;      // ETag of the cached copy, sent as If-None-Match
    std::string if_modified_since;  // Last-Modified of the cached copy, sent as If-Modified-Since
};

enum class TileStatus {
    Ok,           // bytes hold the tile
    NotModified,  // HTTP 304: the cached copy is still good; bytes empty
};

struct TileResponse {
    TileStatus status = TileStatus::Ok;
    TileBytes bytes;
    std::string etag;
    std::string last_modified;
    std::optional<WallClock::time_point> expires;  // from Cache-Control max-age / Expires
    std::string origin;                            // URL or file it came from (for messages)
    bool from_cache = false;                       // served by the disk cache
    bool stale = false;                            // served from cache past its expiry (network failed)
};

class TileSource {
public:
    virtual ~TileSource() = default;
    virtual std::expected<TileResponse, Error> fetch(const TileRequest& request) = 0;
    std::expected<TileResponse, Error> fetch(TileId id) { return fetch(TileRequest{id, {}, {}}); }
    // Where the tile would come from (URL or path), for messages.
    virtual std::string describe(TileId id) const = 0;
};

}  // namespace bk::map
