// boundary_lines — turns buurt polygons into polylines in which every shared edge appears once.
//
// Why: neighbouring buurten share their border; stroking both rings with a dash pattern draws two dash
// patterns out of phase. The extract keeps boundary vertices unsimplified, so shared edges have identical
// endpoints (on the 0.1 m grid) and can be matched exactly.
// Usage: auto lines = unique_boundary_lines(map.buurten, map.districts);  // district edges are skipped
// Limits: edges that match only approximately are kept twice. Any thread.
#pragma once
#include <vector>

#include "map/basemap/basemap.hpp"

namespace bk::map::basemap {

// Polylines along the buurt rings, leaving out edges already seen (in `skip_areas` or in an earlier buurt).
std::vector<Polyline> unique_boundary_lines(const std::vector<Area>& areas, const std::vector<Area>& skip_areas);

}  // namespace bk::map::basemap
