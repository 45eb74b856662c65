// TileRenderer — draws the offline basemap (tile_style.hpp) with cairo into XYZ tiles or any pixel window.
//
// What: precomputes per-feature bounds, de-duplicated buurt boundary lines and the buurt labels of each zoom,
// then draws any window of global pixels at a zoom: a 256 px tile, or a big preview mosaic.
// Usage:  auto map = read_basemap_file(path);  TileRenderer r{*map};
//         auto img = r.render_tile(15, 16785, 10814);        // RGBA bytes, for tests
//         r.write_tile_png(15, 16785, 10814, "out/15/16785/10814.png");
// Limits: the Basemap must outlive the renderer (held by reference). Zoom 13..18 is styled; other zooms
// draw with the nearest zoom's widths. Beyond the extract's clip box (delfshaven_box) every tile is the flat
// context tone (the baked margin); the data fades into it over style::edge_fade_m (12..160 px) inside the edge.
// Label layout for every zoom runs in the constructor (~1 s on the committed extract).
// Threads: const methods may run on several threads at once (no shared mutable state).
#pragma once
#include <cairo.h>

#include <array>
#include <cstdint>
#include <expected>
#include <filesystem>
#include <vector>

#include "map/basemap/basemap.hpp"
#include "map/basemap/label_layout.hpp"
#include "map/basemap/stop_layout.hpp"
#include "map/basemap/street_labels.hpp"
#include "map/basemap/tile_style.hpp"
#include "map/error.hpp"

namespace bk::map::basemap {

struct PixelWindow {
    int zoom = 0;
    double x0_px = 0, y0_px = 0;  // global pixel of the window's top-left corner
    int width_px = 256, height_px = 256;
};

struct RgbaImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // row-major, 4 bytes per pixel, opaque
    std::array<std::uint8_t, 4> at(int x, int y) const {
        const auto* p = &rgba[(static_cast<std::size_t>(y) * width + x) * 4];
        return {p[0], p[1], p[2], p[3]};
    }
};

class TileRenderer {
public:
    explicit TileRenderer(const Basemap& map);

    // Draws the window into `cr`, whose device pixel (0,0) is the window's top-left corner.
    void draw(cairo_t* cr, const PixelWindow& window) const;
    RgbaImage render_tile(int zoom, int x, int y) const;
    // Writes a 256 px 8-bit paletted PNG (png_palette.hpp), creating parent folders; returns the file size.
    std::expected<std::size_t, Error> write_tile_png(int zoom, int x, int y, const std::filesystem::path& path) const;

    // Placed labels of a zoom (global px at that zoom), for label-box exports (labels.json): empty outside 13..18.
    const std::vector<PlacedLabel>& buurt_labels(int zoom) const;
    const std::vector<CurvedLabel>& street_labels(int zoom) const;

private:
    struct Bounds {
        std::vector<MercatorBox> water, buildings, roads, rails, boundaries, green, metro;
    };
    void draw_roads(cairo_t* cr, const PixelWindow& w, const MercatorBox& view) const;
    void draw_rails(cairo_t* cr, const PixelWindow& w, const MercatorBox& view) const;
    void draw_labels(cairo_t* cr, const PixelWindow& w) const;
    void draw_stops(cairo_t* cr, const PixelWindow& w) const;
    void draw_green(cairo_t* cr, const PixelWindow& w, const MercatorBox& view) const;
    void draw_metro(cairo_t* cr, const PixelWindow& w, const MercatorBox& view) const;
    void draw_edge_fade(cairo_t* cr, const PixelWindow& w) const;
    void draw_metro_badges(cairo_t* cr, const PixelWindow& w, const PixelBox& win) const;
    void draw_park_labels(cairo_t* cr, const PixelWindow& w) const;
    void draw_street_labels(cairo_t* cr, const PixelWindow& w) const;

    const Basemap& map_;
    Bounds bounds_;
    std::vector<Polyline> buurt_lines_;
    std::array<std::vector<PlacedLabel>, style::zoom_levels> labels_;
    std::array<std::vector<StopMark>, style::zoom_levels> stops_;
    std::array<std::vector<PlacedLabel>, style::zoom_levels> park_labels_;
    std::array<std::vector<CurvedLabel>, style::zoom_levels> street_labels_;
};

}  // namespace bk::map::basemap
