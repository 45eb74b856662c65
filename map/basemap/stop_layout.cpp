#include "map/basemap/stop_layout.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>

#include "map/basemap/geometry.hpp"
#include "map/basemap/tile_style.hpp"

namespace bk::map::basemap {

std::vector<StopMark> layout_stops(const Basemap& map, int zoom) {
    if (zoom < style::stop_dot_min_zoom) return {};
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

    std::vector<StopMark> marks;
    std::vector<PixelBox> taken;
    const double halo_px = 2, gap_px = 5;
    for (std::size_t i : order) {
        const NamedPoint& s = map.stops[i];
        StopMark mark{std::round(global_px_x(s.point.x_m, zoom)), std::round(global_px_y(s.point.y_m, zoom)), {}};
        if (zoom >= style::stop_name_min_zoom && !s.name.empty()) {
            cairo_text_extents_t e;
            cairo_text_extents(cr, s.name.c_str(), &e);
            const double baseline = mark.y_px + std::round(font_px * 0.36);
            for (double side : {1.0, -1.0}) {
                const double x = side > 0 ? mark.x_px + gap_px : mark.x_px - gap_px - e.x_advance;
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
