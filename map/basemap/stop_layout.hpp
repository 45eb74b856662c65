// stop_layout — transit stops as small dots (z16+) with their names (z17), placed globally once per zoom.
//
// Why: stop names are the only place names in the data besides the buurten (no street names), so at street
// level they help orientation. Kept small and grey so venue markers stay the loudest thing on the map.
// Placement: name to the right of the dot, else to the left; dropped when it would overlap another name.
// Metro stations (Basemap::metro_stations) come first: drawn as an "M" badge from z14, named from z16; then
// the other stops, inside the district first. Usage: auto marks = layout_stops(map, 17);
// Threads: any thread (own scratch surface).
#pragma once
#include <optional>
#include <vector>

#include "map/basemap/basemap.hpp"
#include "map/basemap/label_layout.hpp"

namespace bk::map::basemap {

struct StopMark {
    double x_px, y_px;                 // dot centre, global px
    bool metro = false;                // a metro station (drawn as an "M" badge)
    std::optional<PlacedLabel> label;  // name, when it fits
};

std::vector<StopMark> layout_stops(const Basemap& map, int zoom);

// True when the stop belongs to a metro station (its name starts with the station's, within radius_m
// Mercator metres): its dot and name are left to the station's badge.
bool is_metro_station(const Basemap& map, const NamedPoint& stop, double radius_m = 250.0);

}  // namespace bk::map::basemap
