#include "map/basemap/basemap.hpp"

#include <algorithm>
#include <limits>

namespace bk::map::basemap {

const char* to_string(RoadClass c) {
    switch (c) {
        case RoadClass::Footway: return "footway";
        case RoadClass::Pedestrian: return "pedestrian";
        case RoadClass::Cycleway: return "cycleway";
        case RoadClass::Service: return "service";
        case RoadClass::Residential: return "residential";
        case RoadClass::Tertiary: return "tertiary";
        case RoadClass::Secondary: return "secondary";
        case RoadClass::Primary: return "primary";
        case RoadClass::Trunk: return "trunk";
        case RoadClass::Motorway: return "motorway";
    }
    return "unknown";
}

const char* to_string(RailKind k) {
    switch (k) {
        case RailKind::Rail: return "rail";
        case RailKind::Tram: return "tram";
        case RailKind::LightRail: return "light_rail";
    }
    return "unknown";
}

MercatorBox compute_bbox(const Basemap& map) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    MercatorBox b{inf, inf, -inf, -inf};
    auto add = [&](const MercatorPoint& p) {
        b.min_x_m = std::min(b.min_x_m, p.x_m);
        b.min_y_m = std::min(b.min_y_m, p.y_m);
        b.max_x_m = std::max(b.max_x_m, p.x_m);
        b.max_y_m = std::max(b.max_y_m, p.y_m);
    };
    auto add_line = [&](const std::vector<MercatorPoint>& l) { std::for_each(l.begin(), l.end(), add); };
    auto add_poly = [&](const Polygon& p) { std::for_each(p.rings.begin(), p.rings.end(), add_line); };
    std::for_each(map.water.begin(), map.water.end(), add_poly);
    std::for_each(map.buildings.begin(), map.buildings.end(), add_poly);
    for (const auto& r : map.roads) add_line(r.line);
    for (const auto& r : map.rails) add_line(r.line);
    for (const auto& a : map.buurten) add_poly(a.polygon);
    for (const auto& a : map.districts) add_poly(a.polygon);
    for (const auto& s : map.stops) add(s.point);
    for (const auto& g : map.green) add_poly(g.polygon);
    for (const auto& n : map.street_names) add_line(n.line);
    for (const auto& m : map.metro) add_line(m.line);
    for (const auto& s : map.metro_stations) add(s.point);
    if (b.min_x_m > b.max_x_m) return {};
    return b;
}

}  // namespace bk::map::basemap
