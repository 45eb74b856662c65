#include "map/basemap/label_layout.hpp"

#include <cairo.h>
#ifdef BASEMAP_HAVE_FONTCONFIG
#include <fontconfig/fontconfig.h>
#endif

#include <algorithm>
#include <cmath>

#include "map/basemap/geometry.hpp"
#include "map/basemap/mercator.hpp"
#include "map/basemap/tile_style.hpp"

namespace bk::map::basemap {

double global_px_x(double x_m, int zoom) { return (x_m + world_size_m / 2) / metres_per_px(zoom); }
double global_px_y(double y_m, int zoom) { return (world_size_m / 2 - y_m) / metres_per_px(zoom); }

std::vector<PlacedLabel> layout_buurt_labels(const Basemap& map, int zoom) {
    const double font_px = style::label_font_px[style::zi(zoom)];
    if (font_px <= 0 || zoom < style::min_zoom || zoom > style::max_zoom) return {};

    cairo_surface_t* scratch = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    cairo_t* cr = cairo_create(scratch);
    cairo_select_font_face(cr, label_font_family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, font_px);
    auto width_of = [&](const std::string& s) {
        cairo_text_extents_t e;
        cairo_text_extents(cr, s.c_str(), &e);
        return e.x_advance;
    };

    std::vector<std::size_t> order(map.buurten.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return polygon_area_m2(map.buurten[a].polygon) > polygon_area_m2(map.buurten[b].polygon);
    });

    std::vector<PlacedLabel> placed;
    const double halo_px = 3;
    const double line_h = std::round(font_px * 1.15);
    for (std::size_t i : order) {
        const Area& a = map.buurten[i];
        if (a.polygon.rings.empty() || a.name.empty()) continue;
        // Place within the part that has map data (Oud Mathenesse reaches past the clip box's west edge).
        Polygon visible;
        for (const auto& ring : a.polygon.rings)
            if (Ring r = clip_ring(ring, to_mercator(delfshaven_box)); !r.empty()) visible.rings.push_back(std::move(r));
        if (visible.rings.empty()) continue;
        const MercatorPoint at = label_point(visible);
        const double cx = std::round(global_px_x(at.x_m, zoom));
        const double cy = std::round(global_px_y(at.y_m, zoom));
        const MercatorBox b = bounds_of(visible.rings[0]);
        const double poly_w_px = (b.max_x_m - b.min_x_m) / metres_per_px(zoom);

        std::vector<std::string> lines{a.name};
        const auto space = a.name.find(' ');
        if (width_of(a.name) > 0.8 * poly_w_px && space != std::string::npos)
            lines = {a.name.substr(0, space), a.name.substr(space + 1)};

        auto make_label = [&](double x, double y) {
            PlacedLabel label;
            label.font_px = font_px;
            const double total_h = line_h * static_cast<double>(lines.size());
            double max_w = 0;
            for (std::size_t k = 0; k < lines.size(); ++k) {
                const double w = width_of(lines[k]);
                max_w = std::max(max_w, w);
                // Baseline so the block is vertically centred on (x, y); cap height ~0.72 em.
                const double baseline = y - total_h / 2 + line_h * static_cast<double>(k) + (line_h + font_px * 0.72) / 2;
                label.lines.push_back({lines[k], std::round(x - w / 2), std::round(baseline)});
            }
            label.box = {x - max_w / 2 - halo_px, y - total_h / 2 - halo_px, x + max_w / 2 + halo_px,
                         y + total_h / 2 + halo_px};
            return label;
        };
        // The pole first, then nudged up/down (staying inside the buurt) when a bigger buurt's name is in the way.
        const double mpp = metres_per_px(zoom);
        for (double dy : {0.0, -1.0, 1.0, -2.0, 2.0}) {
            const double y = cy + dy * line_h;
            if (dy != 0 && !contains(visible, {at.x_m, at.y_m - dy * line_h * mpp})) continue;
            PlacedLabel label = make_label(cx, y);
            const bool overlaps = std::any_of(placed.begin(), placed.end(),
                                              [&](const PlacedLabel& p) { return p.box.intersects(label.box); });
            if (!overlaps) {
                placed.push_back(std::move(label));
                break;
            }
        }
    }
    cairo_destroy(cr);
    cairo_surface_destroy(scratch);
    return placed;
}

void release_font_caches() {
    cairo_debug_reset_static_data();
#ifdef BASEMAP_HAVE_FONTCONFIG
    FcFini();
#endif
}

}  // namespace bk::map::basemap
