// stop_layout — transit stops as small dots (z16+) with their names (z17), placed globally once per zoom.
//
// Why: stop names are the only place names in the data besides the buurten (no street names), so at street
// level they help orientation. Kept small and grey so venue markers stay the loudest thing on the map.
// Placement: name to the right of the dot, else to the left; dropped when it would overlap another name.
// Stops inside the district are placed first. Usage: auto marks = layout_stops(map, 17);
// Threads: any thread (own scratch surface).
#pragma once
#include <optional>
#include <vector>

#include "map/basemap/basemap.hpp"
#include "map/basemap/label_layout.hpp"

namespace bk::map::basemap {

struct StopMark {
    double x_px, y_px;                 // dot centre, global px
    std::optional<PlacedLabel> label;  // name, when it fits
};

std::vector<StopMark> layout_stops(const Basemap& map, int zoom);

}  // namespace bk::map::basemap
