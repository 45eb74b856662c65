// [SECTION] path helpers  [SECTION] construction  [SECTION] layers  [SECTION] draw / tiles
#include "map/basemap/tile_renderer.hpp"

#include <cmath>
#include <cstring>

#include "map/basemap/boundary_lines.hpp"
#include "map/basemap/geometry.hpp"
#include "map/basemap/mercator.hpp"

namespace bk::map::basemap {

namespace {

// [SECTION] path helpers ---------------------------------------------------------------------------------

struct Projector {
    double mpp, x0, y0;
    explicit Projector(const PixelWindow& w) : mpp(metres_per_px(w.zoom)), x0(w.x0_px), y0(w.y0_px) {}
    double x(const MercatorPoint& p) const { return (p.x_m + world_size_m / 2) / mpp - x0; }
    double y(const MercatorPoint& p) const { return (world_size_m / 2 - p.y_m) / mpp - y0; }
};

void add_line(cairo_t* cr, const Projector& pr, const std::vector<MercatorPoint>& pts) {
    if (pts.empty()) return;
    cairo_move_to(cr, pr.x(pts[0]), pr.y(pts[0]));
    for (std::size_t i = 1; i < pts.size(); ++i) cairo_line_to(cr, pr.x(pts[i]), pr.y(pts[i]));
}

void add_polygon(cairo_t* cr, const Projector& pr, const Polygon& poly) {
    for (const auto& ring : poly.rings) {
        add_line(cr, pr, ring);
        cairo_close_path(cr);
    }
}

void set(cairo_t* cr, style::Rgb c, double alpha = 1.0) { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha); }

MercatorBox view_box(const PixelWindow& w, double margin_px) {
    const double mpp = metres_per_px(w.zoom);
    const double min_x = (w.x0_px - margin_px) * mpp - world_size_m / 2;
    const double max_x = (w.x0_px + w.width_px + margin_px) * mpp - world_size_m / 2;
    const double max_y = world_size_m / 2 - (w.y0_px - margin_px) * mpp;
    const double min_y = world_size_m / 2 - (w.y0_px + w.height_px + margin_px) * mpp;
    return {min_x, min_y, max_x, max_y};
}

bool is_path(RoadClass c) { return c == RoadClass::Footway || c == RoadClass::Cycleway; }
bool is_major(RoadClass c) { return c >= RoadClass::Primary; }

}  // namespace

// [SECTION] construction ---------------------------------------------------------------------------------

TileRenderer::TileRenderer(const Basemap& map) : map_(map) {
    // A polygon without rings (legal in the file) gets an empty box that never intersects a view.
    auto outer_bounds = [](const Polygon& p) { return p.rings.empty() ? bounds_of({}) : bounds_of(p.rings[0]); };
    for (const auto& p : map.water) bounds_.water.push_back(outer_bounds(p));
    for (const auto& p : map.buildings) bounds_.buildings.push_back(outer_bounds(p));
    for (const auto& r : map.roads) bounds_.roads.push_back(bounds_of(r.line));
    for (const auto& r : map.rails) bounds_.rails.push_back(bounds_of(r.line));
    buurt_lines_ = unique_boundary_lines(map.buurten, map.districts);
    for (const auto& l : buurt_lines_) bounds_.boundaries.push_back(bounds_of(l));
    for (int z = style::min_zoom; z <= style::max_zoom; ++z) {
        labels_[style::zi(z)] = layout_buurt_labels(map, z);
        stops_[style::zi(z)] = layout_stops(map, z);
    }
}

// [SECTION] layers ---------------------------------------------------------------------------------------

void TileRenderer::draw_roads(cairo_t* cr, const PixelWindow& w, const MercatorBox& view) const {
    const Projector pr{w};
    const int z = style::zi(w.zoom);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    // One path per class keeps crossings clean: all casings first, then all fills (minor to major).
    auto build = [&](RoadClass cls, bool bridges) {
        bool any = false;
        for (std::size_t i = 0; i < map_.roads.size(); ++i) {
            const Road& r = map_.roads[i];
            if (r.road_class != cls || r.tunnel || r.bridge != bridges || !view.intersects(bounds_.roads[i])) continue;
            add_line(cr, pr, r.line);
            any = true;
        }
        return any;
    };
    // Footways and cycleways: thin, uncased, under the streets.
    for (RoadClass cls : {RoadClass::Footway, RoadClass::Cycleway}) {
        const double px = style::road_px[static_cast<int>(cls)][z];
        if (px <= 0 || !build(cls, false)) {
            cairo_new_path(cr);
            continue;
        }
        set(cr, style::path_line);
        cairo_set_line_width(cr, px);
        if (cls == RoadClass::Footway) {
            const double dash[] = {px * 2.5, px * 2.0};
            cairo_set_dash(cr, dash, 2, 0);
        }
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
    }
    for (bool bridges : {false, true}) {
        for (int pass = 0; pass < 2; ++pass) {
            for (int c = 0; c < road_class_count; ++c) {
                const auto cls = static_cast<RoadClass>(c);
                const double px = style::road_px[c][z];
                if (is_path(cls) || px <= 0) continue;
                const double casing = style::casing_extra_px[z] + (bridges ? 1.0 : 0.0);
                if (pass == 0 && casing <= 0) continue;
                if (!build(cls, bridges)) {
                    cairo_new_path(cr);
                    continue;
                }
                if (pass == 0) {
                    set(cr, bridges ? style::bridge_casing : style::road_casing);
                    cairo_set_line_width(cr, px + casing);
                    if (bridges) cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
                } else {
                    set(cr, is_major(cls) ? style::major_road_fill
                            : cls == RoadClass::Pedestrian || cls == RoadClass::Service ? style::path_fill
                                                                                        : style::road_fill);
                    cairo_set_line_width(cr, px);
                }
                cairo_stroke(cr);
                cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
            }
        }
    }
}

void TileRenderer::draw_rails(cairo_t* cr, const PixelWindow& w, const MercatorBox& view) const {
    const Projector pr{w};
    const int z = style::zi(w.zoom);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    for (RailKind kind : {RailKind::Tram, RailKind::LightRail, RailKind::Rail}) {
        bool any = false;
        for (std::size_t i = 0; i < map_.rails.size(); ++i)
            if (map_.rails[i].kind == kind && view.intersects(bounds_.rails[i])) {
                add_line(cr, pr, map_.rails[i].line);
                any = true;
            }
        if (!any) continue;
        const bool heavy = kind != RailKind::Tram;
        const double px = heavy ? style::rail_px[z] : style::tram_px[z];
        set(cr, heavy ? style::rail : style::tram);
        cairo_set_line_width(cr, px);
        if (heavy && w.zoom >= 15) {
            cairo_stroke_preserve(cr);  // classic rail: grey line with white dashes inside
            set(cr, style::land);
            cairo_set_line_width(cr, px * 0.45);
            const double dash[] = {px * 3, px * 3};
            cairo_set_dash(cr, dash, 2, 0);
        }
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
    }
}

void TileRenderer::draw_labels(cairo_t* cr, const PixelWindow& w) const {
    const PixelBox win{w.x0_px, w.y0_px, w.x0_px + w.width_px, w.y0_px + w.height_px};
    cairo_select_font_face(cr, label_font_family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (const auto& label : labels_[style::zi(w.zoom)]) {
        if (!label.box.intersects(win)) continue;
        cairo_set_font_size(cr, label.font_px);
        for (const auto& line : label.lines) {
            cairo_move_to(cr, line.x_px - w.x0_px, line.y_px - w.y0_px);
            cairo_text_path(cr, line.text.c_str());
        }
        set(cr, style::halo, 0.85);
        cairo_set_line_width(cr, 3.0);
        cairo_stroke_preserve(cr);
        set(cr, style::label);
        cairo_fill(cr);
    }
}

void TileRenderer::draw_stops(cairo_t* cr, const PixelWindow& w) const {
    if (w.zoom < style::stop_dot_min_zoom || w.zoom > style::max_zoom) return;
    const PixelBox win{w.x0_px - 8, w.y0_px - 8, w.x0_px + w.width_px + 8, w.y0_px + w.height_px + 8};
    const double r = w.zoom >= 17 ? 3.0 : 2.2;
    for (const auto& m : stops_[style::zi(w.zoom)]) {
        if (!win.intersects({m.x_px, m.y_px, m.x_px + 0.1, m.y_px + 0.1})) continue;
        cairo_new_sub_path(cr);
        cairo_arc(cr, m.x_px - w.x0_px, m.y_px - w.y0_px, r, 0, 2 * 3.14159265358979);
    }
    set(cr, style::halo);
    cairo_set_line_width(cr, 1.5);
    cairo_stroke_preserve(cr);
    set(cr, style::stop_dot);
    cairo_fill(cr);

    const PixelBox tile{w.x0_px, w.y0_px, w.x0_px + w.width_px, w.y0_px + w.height_px};
    cairo_select_font_face(cr, label_font_family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, style::stop_font_px);
    bool any = false;
    for (const auto& m : stops_[style::zi(w.zoom)]) {
        if (!m.label || !m.label->box.intersects(tile)) continue;
        for (const auto& line : m.label->lines) {
            cairo_move_to(cr, line.x_px - w.x0_px, line.y_px - w.y0_px);
            cairo_text_path(cr, line.text.c_str());
        }
        any = true;
    }
    if (!any) return;
    set(cr, style::halo, 0.9);
    cairo_set_line_width(cr, 3.0);
    cairo_stroke_preserve(cr);
    set(cr, style::stop_label);
    cairo_fill(cr);
}

// [SECTION] draw / tiles ---------------------------------------------------------------------------------

void TileRenderer::draw(cairo_t* cr, const PixelWindow& w) const {
    const Projector pr{w};
    const int z = style::zi(w.zoom);
    const MercatorBox view = view_box(w, 24);
    cairo_save(cr);
    cairo_rectangle(cr, 0, 0, w.width_px, w.height_px);
    cairo_clip(cr);
    // Beyond the clip box the extract has no data: a neutral tone says "map ends here" instead of faking land.
    set(cr, style::no_data);
    cairo_paint(cr);
    const MercatorBox data_box = to_mercator(delfshaven_box);
    const double bx0 = pr.x({data_box.min_x_m, 0}), bx1 = pr.x({data_box.max_x_m, 0});
    const double by0 = pr.y({0, data_box.max_y_m}), by1 = pr.y({0, data_box.min_y_m});
    cairo_rectangle(cr, bx0, by0, bx1 - bx0, by1 - by0);
    set(cr, style::land);
    cairo_fill(cr);

    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    for (std::size_t i = 0; i < map_.water.size(); ++i)
        if (view.intersects(bounds_.water[i])) add_polygon(cr, pr, map_.water[i]);
    set(cr, style::water);
    if (w.zoom >= 15) {
        cairo_fill_preserve(cr);
        cairo_save(cr);
        cairo_clip_preserve(cr);  // stroke only the inner half of the edge: quays stay crisp, land is not eaten
        set(cr, style::water_edge);
        cairo_set_line_width(cr, w.zoom >= 16 ? 2.0 : 1.4);
        cairo_stroke(cr);
        cairo_restore(cr);
    } else {
        cairo_fill(cr);
    }

    if (style::buildings_alpha[z] > 0) {
        for (std::size_t i = 0; i < map_.buildings.size(); ++i)
            if (view.intersects(bounds_.buildings[i])) add_polygon(cr, pr, map_.buildings[i]);
        set(cr, style::building, style::buildings_alpha[z]);
        if (w.zoom >= 16) {
            cairo_fill_preserve(cr);
            set(cr, style::building_edge);
            cairo_set_line_width(cr, 0.7);
            cairo_stroke(cr);
        } else {
            cairo_fill(cr);
        }
    }

    draw_roads(cr, w, view);
    draw_rails(cr, w, view);

    // Mute everything outside gebied Delfshaven with a light veil (window minus district, even-odd).
    cairo_rectangle(cr, -2, -2, w.width_px + 4, w.height_px + 4);
    for (const auto& d : map_.districts) add_polygon(cr, pr, d.polygon);
    set(cr, style::outside_veil, style::outside_veil_alpha);
    cairo_fill(cr);

    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    for (std::size_t i = 0; i < buurt_lines_.size(); ++i)
        if (view.intersects(bounds_.boundaries[i])) add_line(cr, pr, buurt_lines_[i]);
    set(cr, style::buurt_line, 0.8);
    cairo_set_line_width(cr, style::buurt_line_px[z]);
    const double dash[] = {style::buurt_line_px[z] * 4, style::buurt_line_px[z] * 3};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);

    for (const auto& d : map_.districts) add_polygon(cr, pr, d.polygon);
    set(cr, style::district_line, 0.55);
    cairo_set_line_width(cr, style::district_line_px[z]);
    cairo_stroke(cr);

    draw_stops(cr, w);
    draw_labels(cr, w);
    cairo_restore(cr);
}

RgbaImage TileRenderer::render_tile(int zoom, int x, int y) const {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, tile_size_px, tile_size_px);
    cairo_t* cr = cairo_create(s);
    draw(cr, {zoom, static_cast<double>(x) * tile_size_px, static_cast<double>(y) * tile_size_px});
    cairo_destroy(cr);
    cairo_surface_flush(s);
    RgbaImage img{tile_size_px, tile_size_px, {}};
    img.rgba.resize(static_cast<std::size_t>(tile_size_px) * tile_size_px * 4);
    const unsigned char* data = cairo_image_surface_get_data(s);
    const int stride = cairo_image_surface_get_stride(s);
    for (int row = 0; row < tile_size_px; ++row)
        for (int col = 0; col < tile_size_px; ++col) {
            std::uint32_t px;
            std::memcpy(&px, data + row * stride + col * 4, 4);  // native-endian xRGB
            auto* o = &img.rgba[(static_cast<std::size_t>(row) * tile_size_px + col) * 4];
            o[0] = (px >> 16) & 0xff, o[1] = (px >> 8) & 0xff, o[2] = px & 0xff, o[3] = 0xff;
        }
    cairo_surface_destroy(s);
    return img;
}

std::expected<std::size_t, Error> TileRenderer::write_tile_png(int zoom, int x, int y,
                                                               const std::filesystem::path& path) const {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) return std::unexpected(Error{ErrorKind::Io, path.parent_path().string() + ": " + ec.message()});
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, tile_size_px, tile_size_px);
    cairo_t* cr = cairo_create(s);
    draw(cr, {zoom, static_cast<double>(x) * tile_size_px, static_cast<double>(y) * tile_size_px});
    cairo_destroy(cr);
    const cairo_status_t st = cairo_surface_write_to_png(s, path.c_str());
    cairo_surface_destroy(s);
    if (st != CAIRO_STATUS_SUCCESS)
        return std::unexpected(Error{ErrorKind::Io, path.string() + ": cairo PNG write failed: " +
                                                        cairo_status_to_string(st)});
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : static_cast<std::size_t>(size);
}

}  // namespace bk::map::basemap
