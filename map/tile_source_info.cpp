#include "map/tile_source_info.hpp"

#include "map/caching_tile_loader.hpp"
#include "map/http_tile_source.hpp"
#include "map/local_folder_tile_source.hpp"
#include "map/str_cat.hpp"

namespace bk::map {

TileSourceInfo offline_source(const std::filesystem::path& root) {
    TileSourceInfo info;
    info.id = "offline";
    info.name = "Offline (Buurtkaart)";
    info.kind = SourceKind::LocalFolder;
    info.url_template = (root / "{z}/{x}/{y}.png").string();
    info.attribution = "© OpenStreetMap contributors · 3D BAG (CC BY 4.0) · Gemeente Rotterdam";
    info.min_zoom = 13;
    info.max_zoom = 18;  // the bake covers z13–18 for every view the camera allows
    return info;
}

TileSourceInfo pdok_brt_source(PdokLayer layer) {
    const char* name = layer == PdokLayer::Grijs ? "grijs" : layer == PdokLayer::Pastel ? "pastel" : "standaard";
    TileSourceInfo info;
    info.id = std::string("pdok-") + name;
    info.name = std::string("PDOK BRT-Achtergrondkaart ") + name;
    info.url_template = str_cat("https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/", name, "/EPSG:3857/{z}/{x}/{y}.png");
    info.attribution = "Kaartgegevens © Kadaster";
    info.min_zoom = 0;
    info.max_zoom = 19;
    return info;
}

TileSourceInfo osm_source(std::string url_template) {
    TileSourceInfo info;
    info.id = "osm";
    info.name = "OpenStreetMap";
    info.url_template = std::move(url_template);
    info.attribution = "© OpenStreetMap contributors";
    info.min_zoom = 0;
    info.max_zoom = 19;
    info.min_cache_freshness = std::chrono::days(7);  // OSM tile usage policy: cache at least 7 days
    return info;
}

std::string attribution_text(const TileSourceInfo& info) { return info.attribution; }

std::expected<std::unique_ptr<TileSource>, Error> make_tile_source(const TileSourceInfo& info,
                                                                   const std::filesystem::path& cache_root) {
    if (info.url_template.empty()) {
        return std::unexpected(Error{ErrorKind::InvalidArgument, str_cat("tile source '", info.id, "': empty URL template")});
    }
    if (info.kind == SourceKind::LocalFolder) {
        // The template is "<root>/{z}/{x}/{y}.png": split off the root so paths stay relative to it.
        const std::string& t = info.url_template;
        const std::size_t brace = t.find('{');
        const std::size_t slash = brace == std::string::npos ? std::string::npos : t.rfind('/', brace);
        if (slash == std::string::npos) {
            return std::unexpected(Error{ErrorKind::InvalidArgument,
                                         str_cat("tile source '", info.id, "': template '", t, "' has no {z}/{x}/{y} part")});
        }
        return std::make_unique<LocalFolderTileSource>(t.substr(0, slash), t.substr(slash + 1));
    }
    if (!info.url_template.starts_with("http://") && !info.url_template.starts_with("https://")) {
        return std::unexpected(Error{ErrorKind::InvalidArgument,
                                     str_cat("tile source '", info.id, "': template '", info.url_template,
                                             "' must start with http:// or https://")});
    }
    HttpTileSourceOptions http;
    http.url_template = info.url_template;
    CachingTileLoaderOptions opts;
    opts.min_freshness = info.min_cache_freshness;
    DiskCache cache(cache_root / info.id);
    (void)cache.prune(info.disk_cache_max_bytes);  // best effort: a failing prune leaves a bigger cache
    return std::make_unique<CachingTileLoader>(std::make_unique<HttpTileSource>(std::move(http)), std::move(cache),
                                               std::move(opts));
}

}  // namespace bk::map
