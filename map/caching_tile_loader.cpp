#include "map/caching_tile_loader.hpp"

#include "map/str_cat.hpp"

#include <algorithm>

namespace bk::map {

bool looks_like_image(const TileBytes& b) {
    static constexpr std::uint8_t png[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    // PNG only: every source we offer serves PNG, and stb's JPEG decoder showed undefined behaviour
    // on fuzzed input (stbi__build_huffman), so JPEG is not decoded at all.
    return b.size() >= sizeof png && std::equal(std::begin(png), std::end(png), b.begin());
}

CachingTileLoader::CachingTileLoader(std::unique_ptr<TileSource> network, DiskCache cache, CachingTileLoaderOptions options)
    : network_(std::move(network)), cache_(std::move(cache)), options_(std::move(options)) {}

WallClock::time_point CachingTileLoader::expiry_for(const TileResponse& r, WallClock::time_point now) const {
    const auto server = r.expires.value_or(now + options_.default_freshness);
    return std::max(server, now + options_.min_freshness);
}

std::expected<TileResponse, Error> CachingTileLoader::fetch(const TileRequest& request) {
    const TileId id = request.id;
    const auto now = options_.clock();

    // 1. Disk cache. A broken cache entry is treated as a miss: the network can repair it.
    std::optional<CacheEntry> cached;
    if (auto got = cache_.get(id); got) cached = std::move(*got);

    auto serve_cached = [&](bool stale) {
        TileResponse r;
        r.bytes = cached->bytes;
        r.etag = cached->etag;
        r.last_modified = cached->last_modified;
        r.expires = cached->expires;
        r.origin = cache_.data_path(id).string();
        r.from_cache = true;
        r.stale = stale;
        return r;
    };
    if (cached && now < cached->expires) return serve_cached(false);

    // 2. Network, conditional when we hold a copy (RFC 9110 13.1.1 / 13.1.3).
    TileRequest net_request{id, {}, {}};
    if (cached) {
        net_request.if_none_match = cached->etag;
        net_request.if_modified_since = cached->last_modified;
    }
    auto response = network_->fetch(net_request);
    if (!response) {
        if (cached) return serve_cached(true);  // never lose the last good tile
        return std::unexpected(response.error());
    }
    if (response->status == TileStatus::NotModified) {
        if (!cached) {
            return std::unexpected(Error{ErrorKind::Http, str_cat(describe(id), ": HTTP 304 to an unconditional request")});
        }
        const auto expires = expiry_for(*response, now);
        // A failed metadata write only means we revalidate again next time.
        (void)cache_.update_meta(id, response->etag, response->last_modified, expires, now);
        cached->expires = expires;
        if (!response->etag.empty()) cached->etag = response->etag;
        if (!response->last_modified.empty()) cached->last_modified = response->last_modified;
        return serve_cached(false);
    }

    // 3. New bytes: check them, write back (best effort) and serve.
    if (options_.accept && !options_.accept(response->bytes)) {
        if (cached) return serve_cached(true);
        return std::unexpected(Error{ErrorKind::Decode, str_cat(response->origin, ": HTTP 200 body of ", response->bytes.size(),
                                                                " bytes is not a PNG image")});
    }
    response->expires = expiry_for(*response, now);
    CacheEntry entry{response->bytes, response->etag, response->last_modified, *response->expires, now};
    (void)cache_.put(id, entry);
    return response;
}

}  // namespace bk::map
