// CachingTileLoader — chains a DiskCache in front of a network TileSource, like maplibre's
// MainResourceLoader: fresh cache hit -> served from disk; stale -> conditional GET
// (If-None-Match / If-Modified-Since); 304 -> metadata refreshed, cached bytes served;
// 200 -> written back and served; network failure -> stale bytes served (never lose the last good
// tile); nothing cached and network down -> the network error. A 200 whose body fails `accept`
// (default: PNG signature — catches captive-portal HTML) is never written to the cache.
//
// Usage:
//   CachingTileLoader loader(std::make_unique<HttpTileSource>(opts), DiskCache(dir),
//                            {.min_freshness = std::chrono::days(7)});   // OSM tile policy
//   auto r = loader.fetch(id);          // worker thread; r->from_cache / r->stale tell the path taken
// Freshness: expiry = max(server expiry, fetch time + min_freshness); without caching headers the
// server expiry is fetch time + default_freshness. Never sends no-cache headers.
// Threads: fetch() from several workers concurrently (cache and network are thread-safe; the clock
// function must be too). Construct/destroy on the owning thread with no fetch running.
#pragma once

#include "map/disk_cache.hpp"
#include "map/tile_source.hpp"

#include <functional>
#include <memory>

namespace bk::map {

// True when bytes start with the PNG signature (JPEG is not decoded).
bool looks_like_image(const TileBytes& bytes);

struct CachingTileLoaderOptions {
    std::chrono::seconds min_freshness{0};                 // OSM: 7 days (a setting, see TileSourceInfo)
    std::chrono::seconds default_freshness{24 * 3600};     // when the server sends no caching headers
    std::function<WallClock::time_point()> clock = [] { return WallClock::now(); };  // tests inject time
    std::function<bool(const TileBytes&)> accept = looks_like_image;                   // before write-back
};

class CachingTileLoader final : public TileSource {
public:
    CachingTileLoader(std::unique_ptr<TileSource> network, DiskCache cache, CachingTileLoaderOptions options = {});
    using TileSource::fetch;
    std::expected<TileResponse, Error> fetch(const TileRequest& request) override;
    std::string describe(TileId id) const override { return network_->describe(id); }
    const DiskCache& cache() const { return cache_; }

private:
    WallClock::time_point expiry_for(const TileResponse& r, WallClock::time_point now) const;
    std::unique_ptr<TileSource> network_;
    DiskCache cache_;
    CachingTileLoaderOptions options_;
};

}  // namespace bk::map
