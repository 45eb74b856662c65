// basemap_bake — renders the committed extract into XYZ PNG tiles {z}/{x}/{y}.png + metadata.json.
//   basemap_bake --extract <file.bkmap> --out <dir> [--min-zoom 13] [--max-zoom 18] [--screens 1920x1080,...]
//                [--threads 2]
// Which tiles: every tile the kiosk camera can ever request — the Viewport limits (centre inside the
// Delfshaven box, zoom 13..18) on each --screens size (default 1920x1080 and 1080x1920), through the kiosk's
// own cover_viewport() — so the baked margin is what the camera needs (>= half a screen around the box).
// Tiles with no data (the margin beyond the box) are one flat context tile, rendered once per zoom.
// After writing, every tile of that cover is checked on disk: a missing tile fails the bake (a build error).
// Also writes labels.json: the lon/lat boxes of the baked buurt and street names per zoom (for the kiosk).
//   basemap_bake --extract <file.bkmap> --preview <out.png> --zoom <z> [--box lon0,lat0,lon1,lat1]
// The preview is one mosaic of every tile of that zoom covering the box (default: the Delfshaven box),
// for looking at the style; it is not part of the build.
#include <cairo.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <mutex>
#include <thread>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <iterator>

#include "map/basemap/basemap_format.hpp"
#include "map/basemap/mercator.hpp"
#include "map/basemap/tile_renderer.hpp"
#include "map/viewport.hpp"
#include "map/web_mercator_grid.hpp"

namespace fs = std::filesystem;
using namespace bk::map::basemap;

namespace {

constexpr const char* attribution =
    "© OpenStreetMap contributors (ODbL); buildings 3D BAG (TU Delft/3DGI, CC BY 4.0) and Gemeente Rotterdam; "
    "buurt boundaries, street names and green (tree register) Gemeente Rotterdam";

int usage(const std::string& why) {
    std::fprintf(stderr,
                 "usage: basemap_bake --extract <file.bkmap> --out <dir> [--min-zoom 13] [--max-zoom 18] [--threads 2]\n"
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

// Per zoom, the tile range the camera can reach on these screens (min/max over the extreme centres and
// over fractional zooms around each level, where the cover switches levels).
std::expected<std::vector<TileRange>, std::string> camera_ranges(int min_zoom, int max_zoom,
                                                                 const std::vector<bk::map::ScreenSize>& screens) {
    bk::map::WebMercatorGrid grid;
    auto limits = bk::map::delfshaven_limits(grid);
    if (!limits) return std::unexpected(limits.error().message);
    std::vector<TileRange> ranges;
    for (int z = min_zoom; z <= max_zoom; ++z) ranges.push_back({z, INT32_MAX, INT32_MAX, INT32_MIN, INT32_MIN});
    const auto& b = limits->center_bounds;
    const bk::map::GridPoint centres[] = {{b.min_u, b.min_v}, {b.max_u, b.min_v}, {b.min_u, b.max_v}, {b.max_u, b.max_v}};
    for (const auto& screen : screens)
        for (int step = 0; step <= 500; ++step) {
            const double zoom = limits->min_zoom + (limits->max_zoom - limits->min_zoom) * step / 500.0;
            for (const auto& c : centres) {
                const auto cover = bk::map::cover_viewport(c, zoom, screen, min_zoom, max_zoom);
                TileRange& r = ranges[static_cast<std::size_t>(cover.z - min_zoom)];
                for (const auto& t : cover.tiles) {
                    r.min_x = std::min(r.min_x, t.x), r.max_x = std::max(r.max_x, t.x);
                    r.min_y = std::min(r.min_y, t.y), r.max_y = std::max(r.max_y, t.y);
                }
            }
        }
    // Levels the camera never picks on its own (none today) still get the box itself.
    for (auto& r : ranges)
        if (r.min_x > r.max_x) r = tile_range_for(delfshaven_box, r.zoom);
    return ranges;
}

// labels.json: where the baked names are, so the kiosk can keep venue markers off them (or move markers /
// redraw a covered name): per zoom, each buurt name and each street label as text + lon/lat box.
bool write_label_boxes(const fs::path& dir, const TileRenderer& r, int min_zoom, int max_zoom) {
    auto lonlat_box = [](const PixelBox& b, int z) {
        const double mpp = metres_per_px(z);
        const double x0 = b.x0 * mpp - world_size_m / 2, x1 = b.x1 * mpp - world_size_m / 2;
        const double y0 = world_size_m / 2 - b.y1 * mpp, y1 = world_size_m / 2 - b.y0 * mpp;
        auto r6 = [](double v) { return std::round(v * 1e6) / 1e6; };
        return nlohmann::json::array({r6(mercator_to_lon_deg(x0)), r6(mercator_to_lat_deg(y0)), r6(mercator_to_lon_deg(x1)),
                                      r6(mercator_to_lat_deg(y1))});
    };
    nlohmann::json zooms = nlohmann::json::object();
    for (int z = min_zoom; z <= max_zoom; ++z) {
        nlohmann::json buurten = nlohmann::json::array(), streets = nlohmann::json::array();
        for (const auto& l : r.buurt_labels(z)) {
            std::string text;
            for (const auto& line : l.lines) text += (text.empty() ? "" : " ") + line.text;
            buurten.push_back({{"text", text}, {"box_lonlat", lonlat_box(l.box, z)}});
        }
        for (const auto& l : r.street_labels(z)) streets.push_back({{"text", l.text}, {"box_lonlat", lonlat_box(l.box, z)}});
        zooms[std::to_string(z)] = {{"buurt_labels", buurten}, {"street_labels", streets}};
    }
    nlohmann::json doc = {{"about", "boxes (west, south, east, north) of the names baked into the tiles, per zoom; "
                                    "street label boxes bound rotated text (loose for diagonal names)"},
                          {"zooms", zooms}};
    std::ofstream out{dir / "labels.json"};
    out << doc.dump() << "\n";
    return static_cast<bool>(out);
}

std::expected<std::vector<std::uint8_t>, std::string> read_all(const fs::path& p) {
    std::ifstream in{p, std::ios::binary};
    if (!in) return std::unexpected(p.string() + ": cannot read back");
    return std::vector<std::uint8_t>{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

int run(int argc, char** argv) {
    fs::path extract, out_dir, preview_png;
    int min_zoom = 13, max_zoom = 18, zoom = -1;
    LonLatBox box = delfshaven_box;
    std::vector<bk::map::ScreenSize> screens{{1920, 1080}, {1080, 1920}};
    int threads = 2;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--extract" && has_value) extract = argv[++i];
        else if (a == "--out" && has_value) out_dir = argv[++i];
        else if (a == "--preview" && has_value) preview_png = argv[++i];
        else if (a == "--min-zoom" && has_value) min_zoom = std::atoi(argv[++i]);
        else if (a == "--max-zoom" && has_value) max_zoom = std::atoi(argv[++i]);
        else if (a == "--zoom" && has_value) zoom = std::atoi(argv[++i]);
        else if (a == "--threads" && has_value) threads = std::clamp(std::atoi(argv[++i]), 1, 64);
        else if (a == "--screens" && has_value) {
            screens.clear();
            std::string list = argv[++i];
            for (std::size_t at = 0; at < list.size();) {
                const std::size_t comma = std::min(list.find(',', at), list.size());
                int w = 0, h = 0;
                if (std::sscanf(list.substr(at, comma - at).c_str(), "%dx%d", &w, &h) != 2 || w <= 0 || h <= 0 ||
                    w > 16384 || h > 16384)
                    return usage("--screens: expected WxH[,WxH...], e.g. 1920x1080,1080x1920");
                screens.push_back({static_cast<double>(w), static_cast<double>(h)});
                at = comma + 1;
            }
        }
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
    fs::remove(out_dir / "labels.json", ec);
    fs::create_directories(out_dir, ec);
    auto ranges = camera_ranges(min_zoom, max_zoom, screens);
    if (!ranges) {
        std::fprintf(stderr, "basemap_bake: camera limits: %s\n", ranges.error().c_str());
        return 1;
    }
    // Tiles farther than this from any data are the flat context tile.
    const MercatorBox data = map->bbox;
    std::size_t tiles = 0, bytes = 0;
    for (const TileRange& t : *ranges) {
        const int z = t.zoom;
        const double pad_m = 32 * metres_per_px(z);
        const MercatorBox near_data{data.min_x_m - pad_m, data.min_y_m - pad_m, data.max_x_m + pad_m, data.max_y_m + pad_m};
        auto path_of = [&](int x, int y) {
            return out_dir / std::to_string(z) / std::to_string(x) / (std::to_string(y) + ".png");
        };
        for (int x = t.min_x; x <= t.max_x; ++x) fs::create_directories(out_dir / std::to_string(z) / std::to_string(x), ec);
        // The flat context tile (no data near it) is rendered once and copied.
        std::vector<std::uint8_t> blank_png;
        for (int x = t.min_x; x <= t.max_x && blank_png.empty(); ++x)
            for (int y = t.min_y; y <= t.max_y && blank_png.empty(); ++y)
                if (!tile_box(z, x, y).intersects(near_data)) {
                    if (auto size = renderer.write_tile_png(z, x, y, path_of(x, y)); !size) {
                        std::fprintf(stderr, "basemap_bake: %s\n", size.error().message.c_str());
                        return 1;
                    }
                    auto b = read_all(path_of(x, y));
                    if (!b) {
                        std::fprintf(stderr, "basemap_bake: %s\n", b.error().c_str());
                        return 1;
                    }
                    blank_png = std::move(*b);
                }
        // Tiles are independent: `threads` workers take them from a shared counter (TileRenderer is const).
        std::atomic<int> next{0};
        std::atomic<std::size_t> zoom_bytes{0}, blank{0};
        std::mutex error_mutex;
        std::string error;
        const int w = t.max_x - t.min_x + 1, count = t.count();
        auto work = [&] {
            for (int i = next++; i < count; i = next++) {
                const int x = t.min_x + i % w, y = t.min_y + i / w;
                const auto path = path_of(x, y);
                if (!tile_box(z, x, y).intersects(near_data)) {
                    std::ofstream o{path, std::ios::binary | std::ios::trunc};
                    o.write(reinterpret_cast<const char*>(blank_png.data()), static_cast<std::streamsize>(blank_png.size()));
                    if (!o) {
                        std::lock_guard lock(error_mutex);
                        error = path.string() + ": write failed";
                        return;
                    }
                    zoom_bytes += blank_png.size();
                    ++blank;
                    continue;
                }
                auto size = renderer.write_tile_png(z, x, y, path);
                if (!size) {
                    std::lock_guard lock(error_mutex);
                    error = size.error().message;
                    return;
                }
                zoom_bytes += *size;
            }
        };
        std::vector<std::thread> pool;
        for (int k = 1; k < threads; ++k) pool.emplace_back(work);
        work();
        for (auto& th : pool) th.join();
        if (!error.empty()) {
            std::fprintf(stderr, "basemap_bake: %s\n", error.c_str());
            return 1;
        }
        // A tile the camera can request but that is not on disk is a build error, never a blank at run time.
        for (int x = t.min_x; x <= t.max_x; ++x)
            for (int y = t.min_y; y <= t.max_y; ++y) {
                const auto path = out_dir / std::to_string(z) / std::to_string(x) / (std::to_string(y) + ".png");
                if (!fs::is_regular_file(path) || fs::file_size(path, ec) == 0) {
                    std::fprintf(stderr, "basemap_bake: missing tile %s (the kiosk camera can show it)\n", path.c_str());
                    return 1;
                }
            }
        std::printf("  z%d: %d tiles (x %d..%d, y %d..%d; %zu flat margin tiles), %zu bytes\n", z, t.count(), t.min_x,
                    t.max_x, t.min_y, t.max_y, blank.load(), zoom_bytes.load());
        tiles += static_cast<std::size_t>(t.count());
        bytes += zoom_bytes;
    }
    if (!write_label_boxes(out_dir, renderer, min_zoom, max_zoom)) {
        std::fprintf(stderr, "basemap_bake: %s: cannot write labels.json\n", out_dir.c_str());
        return 1;
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
