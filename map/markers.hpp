// Markers — venue points on the map: project lon/lat to screen, cluster markers that would
// overlap (greedy, screen space, radius in px) and hit-test a tap against markers/clusters with a
// finger-sized touch radius (48 px targets).
//
// Usage (main thread):
//   std::vector<GridPoint> pts = *to_grid_points(grid, venue_lon_lats);          // once per grid
//   std::vector<ScreenPoint> px = project_markers(view, pts);                     // each frame
//   std::vector<MarkerCluster> clusters = cluster_markers(px, 40.0);
//   if (auto hit = hit_test(clusters, tap_px)) open(clusters[*hit].members);      // on Tap
// Clustering is O(n^2) in the number of markers, meant for the ~60 venues (well under 1 ms).
// Threads: pure functions, any thread.
#pragma once

#include "map/error.hpp"
#include "map/geo_types.hpp"
#include "map/tile_grid.hpp"
#include "map/viewport.hpp"

#include <expected>
#include <optional>
#include <span>
#include <vector>

namespace bk::map {

inline constexpr double kTouchTargetPx = 48.0;

struct MarkerCluster {
    ScreenPoint center_px;              // mean of the members' screen positions
    std::vector<std::size_t> members;   // indices into the input, ascending
    bool is_single() const { return members.size() == 1; }
};

// Error names the index and coordinates of the first point the grid cannot take.
std::expected<std::vector<GridPoint>, Error> to_grid_points(const TileGrid& grid, std::span<const LonLat> points);
std::vector<ScreenPoint> project_markers(const Viewport& view, std::span<const GridPoint> points);

// Greedy: in input order, each unassigned marker seeds a cluster that takes every unassigned marker
// within radius_px of the seed. Markers farther than margin_px outside the screen are skipped
// when `screen` is given (w, h > 0).
std::vector<MarkerCluster> cluster_markers(std::span<const ScreenPoint> points, double radius_px,
                                           ScreenSize screen = {}, double margin_px = 64.0);

// Index of the cluster nearest to `tap` whose centre lies within touch_radius_px; nullopt if none.
std::optional<std::size_t> hit_test(std::span<const MarkerCluster> clusters, ScreenPoint tap,
                                    double touch_radius_px = kTouchTargetPx / 2);

}  // namespace bk::map
