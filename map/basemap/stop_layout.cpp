#include "map/basemap/stop_layout.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>

#include "map/basemap/geometry.hpp"
#include "map/basemap/tile_style.hpp"

namespace bk::map::basemap {

bool is_metro_station(const Basemap& map, const NamedPoint& stop, double radius_m) {
    for (const auto& m : map.metro_stations) {
        if (stop.name.rfind(m.name, 0) != 0) continue;  // "Delfshaven", "Delfshaven metro" -> station Delfshaven
        if (std::hypot(m.point.x_m - stop.point.x_m, m.point.y_m - stop.point.y_m) <= radius_m) return true;
    }
    return false;
}

std::vector<StopMark> layout_stops(const Basemap& map, int zoom) {
    if (zoom < style::metro_station_min_zoom) return {};
    const double font_px = style::stop_font_px;
    cairo_surface_t* scratch = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    cairo_t* cr = cairo_create(scratch);
    cairo_select_font_face(cr, label_font_family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, font_px);

    std::vector<std::size_t> order(map.stops.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto inside = [&](std::size_t i) {
        return std::any_of(map.districts.begin(), map.districts.end(),
                           [&](const Area& d) { return contains(d.polygon, map.stops[i].point); });
    };
    std::stable_partition(order.begin(), order.end(), inside);
    // Metro stations first (named earlier, from z16), then the stops that are not part of a station.
    std::vector<NamedPoint> points = map.metro_stations;
    std::vector<bool> metro(points.size(), true);
    for (std::size_t i : order)
        if (!is_metro_station(map, map.stops[i])) points.push_back(map.stops[i]), metro.push_back(false);
    order.resize(points.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;

    std::vector<StopMark> marks;
    std::vector<PixelBox> taken;
    const double halo_px = 2, gap_px = 5;
    for (std::size_t i : order) {
        const NamedPoint& s = points[i];
        if (!metro[i] && zoom < style::stop_dot_min_zoom) continue;
        StopMark mark{std::round(global_px_x(s.point.x_m, zoom)), std::round(global_px_y(s.point.y_m, zoom)), metro[i], {}};
        const int name_zoom = metro[i] ? style::stop_name_min_zoom - 1 : style::stop_name_min_zoom;
        if (metro[i]) {  // the badge itself is taken space
            taken.push_back({mark.x_px - 8, mark.y_px - 8, mark.x_px + 8, mark.y_px + 8});
        }
        if (zoom >= name_zoom && !s.name.empty()) {
            cairo_text_extents_t e;
            cairo_text_extents(cr, s.name.c_str(), &e);
            const double baseline = mark.y_px + std::round(font_px * 0.36);
            for (double side : {1.0, -1.0}) {
                const double gap = metro[i] ? gap_px + 5 : gap_px;
                const double x = side > 0 ? mark.x_px + gap : mark.x_px - gap - e.x_advance;
                PixelBox box{x - halo_px, mark.y_px - font_px * 0.6 - halo_px, x + e.x_advance + halo_px,
                             mark.y_px + font_px * 0.6 + halo_px};
                if (std::none_of(taken.begin(), taken.end(), [&](const PixelBox& t) { return t.intersects(box); })) {
                    mark.label = PlacedLabel{{{s.name, std::round(x), baseline}}, box, font_px};
                    taken.push_back(box);
                    break;
                }
            }
        }
        marks.push_back(std::move(mark));
    }
    cairo_destroy(cr);
    cairo_surface_destroy(scratch);
    return marks;
}

}  // namespace bk::map::basemap
