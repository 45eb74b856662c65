// label_layout — places each buurt name once per zoom, in global pixel coordinates of that zoom.
//
// Why global: a tile draws every label whose box overlaps it, at the same global position, so a name that
// crosses a tile edge is drawn whole in both tiles and lines up exactly.
// Placement: at the polygon's pole of inaccessibility; split into two lines when wider than the buurt;
// greedy by buurt area (largest first), dropping labels that would overlap an already placed one.
// Usage: auto labels = layout_buurt_labels(map, 15);  // empty for zooms without labels
// Limits: uses cairo's toy text API with "DejaVu Sans" Bold (fonts-dejavu-core via fontconfig).
// Threads: any thread (own scratch surface).
#pragma once
#include <string>
#include <vector>

#include "map/basemap/basemap.hpp"

namespace bk::map::basemap {

struct PixelBox {
    double x0, y0, x1, y1;  // global px at the label's zoom, y down
    bool intersects(const PixelBox& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

struct LabelLine {
    std::string text;
    double x_px, y_px;  // baseline start, global px
};

struct PlacedLabel {
    std::vector<LabelLine> lines;
    PixelBox box;       // ink box including the halo
    double font_px = 0;
};

inline constexpr const char* label_font_family = "DejaVu Sans";

std::vector<PlacedLabel> layout_buurt_labels(const Basemap& map, int zoom);

// Frees cairo's and fontconfig's process-wide font caches so leak checkers (ASan) see only real leaks.
// Main thread, once, at exit, when no cairo surface or TileRenderer is alive any more.
void release_font_caches();

// Global pixel position of a Mercator point at zoom (y down), as used by tile_renderer.
double global_px_x(double x_m, int zoom);
double global_px_y(double y_m, int zoom);

}  // namespace bk::map::basemap
