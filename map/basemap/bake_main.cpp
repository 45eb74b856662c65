// basemap_bake — renders the committed extract into XYZ PNG tiles {z}/{x}/{y}.png + metadata.json.
//   basemap_bake --extract <file.bkmap> --out <dir> [--min-zoom 13] [--max-zoom 17]
//   basemap_bake --extract <file.bkmap> --preview <out.png> --zoom <z> [--box lon0,lat0,lon1,lat1]
// The preview is one mosaic of every tile of that zoom covering the box (default: the Delfshaven box),
// for looking at the style; it is not part of the build.
#include <cairo.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "map/basemap/basemap_format.hpp"
#include "map/basemap/mercator.hpp"
#include "map/basemap/tile_renderer.hpp"

namespace fs = std::filesystem;
using namespace bk::map::basemap;

namespace {

constexpr const char* attribution =
    "© OpenStreetMap contributors (ODbL); buildings 3D BAG (TU Delft/3DGI, CC BY 4.0) and Gemeente Rotterdam; "
    "buurt boundaries Gemeente Rotterdam";

int usage(const std::string& why) {
    std::fprintf(stderr,
                 "usage: basemap_bake --extract <file.bkmap> --out <dir> [--min-zoom 13] [--max-zoom 17]\n"
                 "       basemap_bake --extract <file.bkmap> --preview <out.png> --zoom <z> [--box lon0,lat0,lon1,lat1]\n"
                 "%s\n", why.c_str());
    return 2;
}

bool write_metadata(const fs::path& dir, int min_zoom, int max_zoom, std::size_t tiles, std::size_t bytes) {
    nlohmann::json m = {
        {"name", "Buurtkaart Delfshaven offline basemap"},
        {"format", "png"},
        {"scheme", "xyz"},
        {"tile_size_px", tile_size_px},
        {"url_template", "{z}/{x}/{y}.png"},
        {"min_zoom", min_zoom},
        {"max_zoom", max_zoom},
        {"bounds_lonlat", {delfshaven_box.min_lon_deg, delfshaven_box.min_lat_deg, delfshaven_box.max_lon_deg,
                           delfshaven_box.max_lat_deg}},
        {"center_lonlat", {4.455, 51.913}},
        {"attribution", attribution},
        {"attribution_short", "© OpenStreetMap contributors · 3D BAG · Gemeente Rotterdam"},
        {"source", "assets/basemap/delfshaven.bkmap (see assets/basemap/ATTRIBUTION.md)"},
        {"tile_count", tiles},
        {"total_bytes", bytes},
    };
    std::ofstream out{dir / "metadata.json"};
    out << m.dump(2) << "\n";
    return static_cast<bool>(out);
}

int preview(const TileRenderer& r, const fs::path& out, int zoom, const LonLatBox& box) {
    const TileRange t = tile_range_for(box, zoom);
    const int w = (t.max_x - t.min_x + 1) * tile_size_px, h = (t.max_y - t.min_y + 1) * tile_size_px;
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t* cr = cairo_create(s);
    // Tile by tile, exactly as baked, so seams and cut labels would show.
    for (int y = t.min_y; y <= t.max_y; ++y)
        for (int x = t.min_x; x <= t.max_x; ++x) {
            cairo_save(cr);
            cairo_translate(cr, (x - t.min_x) * tile_size_px, (y - t.min_y) * tile_size_px);
            r.draw(cr, {zoom, static_cast<double>(x) * tile_size_px, static_cast<double>(y) * tile_size_px});
            cairo_restore(cr);
        }
    cairo_destroy(cr);
    const auto st = cairo_surface_write_to_png(s, out.c_str());
    cairo_surface_destroy(s);
    if (st != CAIRO_STATUS_SUCCESS) {
        std::fprintf(stderr, "basemap_bake: %s: %s\n", out.c_str(), cairo_status_to_string(st));
        return 1;
    }
    std::printf("basemap_bake: preview z%d, %d tiles, %dx%d px -> %s\n", zoom, t.count(), w, h, out.c_str());
    return 0;
}

int run(int argc, char** argv) {
    fs::path extract, out_dir, preview_png;
    int min_zoom = 13, max_zoom = 17, zoom = -1;
    LonLatBox box = delfshaven_box;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--extract" && has_value) extract = argv[++i];
        else if (a == "--out" && has_value) out_dir = argv[++i];
        else if (a == "--preview" && has_value) preview_png = argv[++i];
        else if (a == "--min-zoom" && has_value) min_zoom = std::atoi(argv[++i]);
        else if (a == "--max-zoom" && has_value) max_zoom = std::atoi(argv[++i]);
        else if (a == "--zoom" && has_value) zoom = std::atoi(argv[++i]);
        else if (a == "--box" && has_value) {
            if (std::sscanf(argv[++i], "%lf,%lf,%lf,%lf", &box.min_lon_deg, &box.min_lat_deg, &box.max_lon_deg,
                            &box.max_lat_deg) != 4)
                return usage("--box: expected lon0,lat0,lon1,lat1");
        } else return usage("unknown or incomplete argument: " + a);
    }
    if (extract.empty()) return usage("--extract is required");
    if (min_zoom < 0 || max_zoom > 22 || min_zoom > max_zoom) return usage("zoom range must be 0 <= min <= max <= 22");

    const auto t0 = std::chrono::steady_clock::now();
    auto map = read_basemap_file(extract);
    if (!map) {
        std::fprintf(stderr, "basemap_bake: %s\n", map.error().message.c_str());
        return 1;
    }
    const TileRenderer renderer{*map};
    if (!preview_png.empty()) {
        if (zoom < 0 || zoom > 22) return usage("--preview needs --zoom 0..22");
        return preview(renderer, preview_png, zoom, box);
    }
    if (out_dir.empty()) return usage("--out or --preview is required");

    std::error_code ec;
    // Remove what an earlier bake left (zoom folders 0..22 and metadata.json), nothing else in that folder.
    for (int z = 0; z <= 22; ++z) fs::remove_all(out_dir / std::to_string(z), ec);
    fs::remove(out_dir / "metadata.json", ec);
    fs::create_directories(out_dir, ec);
    std::size_t tiles = 0, bytes = 0;
    for (int z = min_zoom; z <= max_zoom; ++z) {
        const TileRange t = tile_range_for(delfshaven_box, z);
        std::size_t zoom_bytes = 0;
        for (int x = t.min_x; x <= t.max_x; ++x)
            for (int y = t.min_y; y <= t.max_y; ++y) {
                const auto path = out_dir / std::to_string(z) / std::to_string(x) / (std::to_string(y) + ".png");
                auto size = renderer.write_tile_png(z, x, y, path);
                if (!size) {
                    std::fprintf(stderr, "basemap_bake: %s\n", size.error().message.c_str());
                    return 1;
                }
                zoom_bytes += *size;
            }
        std::printf("  z%d: %d tiles (x %d..%d, y %d..%d), %zu bytes\n", z, t.count(), t.min_x, t.max_x, t.min_y,
                    t.max_y, zoom_bytes);
        tiles += static_cast<std::size_t>(t.count());
        bytes += zoom_bytes;
    }
    if (!write_metadata(out_dir, min_zoom, max_zoom, tiles, bytes)) {
        std::fprintf(stderr, "basemap_bake: %s: cannot write metadata.json\n", out_dir.c_str());
        return 1;
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("basemap_bake: %zu tiles, %zu bytes (%.1f MB) in %.2f s -> %s\n", tiles, bytes, bytes / 1e6, secs,
                out_dir.c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const int rc = run(argc, argv);
    release_font_caches();  // leak checkers stay quiet
    return rc;
}
