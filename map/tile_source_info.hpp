// TileSourceInfo — the presets the kiosk offers (offline pack, PDOK BRT-Achtergrondkaart,
// OpenStreetMap) and the factory that builds the matching TileSource chain.
//
// Usage:
//   TileSourceInfo info = pdok_brt_source(PdokLayer::Grijs);
//   auto source = make_tile_source(info, "/var/cache/buurtkaart");   // unique_ptr<TileSource>
//   std::string text = attribution_text(info);                        // the kiosk draws it on the map
// Sources: PDOK REST template .../wmts/v2_0/{layer}/EPSG:3857/{z}/{x}/{y}.png (CC BY 4.0,
// "Kaartgegevens © Kadaster"); OSM only under its tile policy: identifying User-Agent, attribution,
// caching >= 7 days (min_cache_freshness), URL is a setting. /work/shared/TILES.md.
// Threads: plain values and a factory; call on the main thread.
#pragma once

#include "map/error.hpp"
#include "map/tile_grid.hpp"
#include "map/tile_source.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

namespace bk::map {

enum class SourceKind { LocalFolder, Http };

struct TileSourceInfo {
    std::string id;            // stable key, also the cache sub-folder ("pdok-grijs")
    std::string name;          // human name for the host settings screen
    SourceKind kind = SourceKind::Http;
    std::string url_template;  // URL or, for LocalFolder, the folder path + "/{z}/{x}/{y}.png"
    std::string attribution;
    int min_zoom = 0;
    int max_zoom = 19;         // highest level fetched; the viewport may over-zoom beyond it
    GridKind grid = GridKind::WebMercator;
    std::chrono::seconds min_cache_freshness{0};
    std::size_t disk_cache_max_bytes = 256u << 20;  // make_tile_source prunes the cache to this
};

enum class PdokLayer { Standaard, Grijs, Pastel };

inline constexpr const char* kOsmDefaultTemplate = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

TileSourceInfo offline_source(const std::filesystem::path& root);  // z13–17 from map/basemap
TileSourceInfo pdok_brt_source(PdokLayer layer);
TileSourceInfo osm_source(std::string url_template = kOsmDefaultTemplate);

// The attribution line to show while `info` is the active source.
std::string attribution_text(const TileSourceInfo& info);

// LocalFolder -> LocalFolderTileSource; Http -> CachingTileLoader(HttpTileSource, DiskCache(cache_root / id)),
// pruning that disk cache to disk_cache_max_bytes first (call before workers start).
std::expected<std::unique_ptr<TileSource>, Error> make_tile_source(const TileSourceInfo& info,
                                                                   const std::filesystem::path& cache_root);

}  // namespace bk::map
