// HttpTileSource — tiles over HTTP(S) (through data::http_request), from a URL template with {z} {x} {y}
// (XYZ) or the WMTS names {TileMatrix} {TileCol} {TileRow}.
//
// Usage:
//   HttpTileSource src({.url_template = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"});
//   auto r = src.fetch(TileRequest{id, cached_etag, cached_last_modified});   // worker thread, blocking
//   // r->status == TileStatus::NotModified after a 304.
// Errors: 404/410 -> NotFound, other 4xx -> Http, 5xx -> Server, timeout -> Timeout,
// body over max_body_bytes -> TooLarge, connection/truncation -> Network; messages name the URL and status.
// Policy (OSM tile usage policy, PDOK fair use): sends a real User-Agent naming the app, never
// sends no-cache / Pragma headers, follows at most 3 redirects, reports caching headers back.
// Threads: fetch() may run concurrently on several workers; each worker thread reuses its own curl
// handle (data/http_fetch.hpp, the project's one HTTP client), so connections are kept alive.
#pragma once

#include "map/tile_source.hpp"

#include <chrono>
#include <string>

namespace bk::map {

inline constexpr const char* kUserAgent = "BuurtkaartDelfshaven/0.1 (+https://github.com/buurtkaart-delfshaven)";

struct HttpTileSourceOptions {
    std::string url_template;
    std::string user_agent = kUserAgent;
    std::chrono::milliseconds connect_timeout{5000};
    std::chrono::milliseconds total_timeout{15000};
    std::size_t max_body_bytes = 2u << 20;  // raster tiles are ~5–60 kB; anything near MiBs is wrong
};

class HttpTileSource final : public TileSource {
public:
    explicit HttpTileSource(HttpTileSourceOptions options);
    using TileSource::fetch;
    std::expected<TileResponse, Error> fetch(const TileRequest& request) override;
    std::string describe(TileId id) const override;

private:
    HttpTileSourceOptions options_;
};

// Expiry from response headers per RFC 9111: Cache-Control max-age wins over Expires;
// no-cache / no-store give `now` (stale at once). nullopt when neither header is present.
std::optional<WallClock::time_point> expiry_from_headers(std::string_view cache_control, std::string_view expires,
                                                          WallClock::time_point now);
// Parses an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"); nullopt when malformed.
std::optional<WallClock::time_point> parse_http_date(std::string_view text);
std::string format_http_date(WallClock::time_point t);

}  // namespace bk::map
