// [SECTION] path helpers  [SECTION] construction  [SECTION] layers  [SECTION] draw / tiles
#include "map/basemap/tile_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>

#include "map/basemap/boundary_lines.hpp"
#include "map/basemap/geometry.hpp"
#include "map/basemap/mercator.hpp"
#include "map/basemap/png_palette.hpp"

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
    for (const auto& g : map.green) bounds_.green.push_back(outer_bounds(g.polygon));
    for (const auto& m : map.metro) bounds_.metro.push_back(bounds_of(m.line));
    buurt_lines_ = unique_boundary_lines(map.buurten, map.districts);
    for (const auto& l : buurt_lines_) bounds_.boundaries.push_back(bounds_of(l));
    for (int z = style::min_zoom; z <= style::max_zoom; ++z) {
        const int i = style::zi(z);
        labels_[i] = layout_buurt_labels(map, z);
        stops_[i] = layout_stops(map, z);
        // Street names avoid what is already placed: buurt names, park names, stop names and dots.
        std::vector<PixelBox> taken;
        for (const auto& l : labels_[i]) taken.push_back(l.box);
        park_labels_[i] = layout_park_labels(map, z, taken);
        for (const auto& l : park_labels_[i]) taken.push_back(l.box);
        for (const auto& m : stops_[i]) {
            taken.push_back({m.x_px - 7, m.y_px - 7, m.x_px + 7, m.y_px + 7});
            if (m.label) taken.push_back(m.label->box);
        }
        street_labels_[i] = layout_street_labels(map, z, taken);
    }
}

const std::vector<PlacedLabel>& TileRenderer::buurt_labels(int zoom) const {
    static const std::vector<PlacedLabel> none;
    return zoom < style::min_zoom || zoom > style::max_zoom ? none : labels_[style::zi(zoom)];
}

const std::vector<CurvedLabel>& TileRenderer::street_labels(int zoom) const {
    static const std::vector<CurvedLabel> none;
    return zoom < style::min_zoom || zoom > style::max_zoom ? none : street_labels_[style::zi(zoom)];
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

void TileRenderer::draw_green(cairo_t* cr, const PixelWindow& w, const MercatorBox& view) const {
    const Projector pr{w};
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    for (GreenKind kind : {GreenKind::Planted, GreenKind::Park}) {
        bool any = false;
        for (std::size_t i = 0; i < map_.green.size(); ++i)
            if (map_.green[i].kind == kind && view.intersects(bounds_.green[i])) {
                add_polygon(cr, pr, map_.green[i].polygon);
                any = true;
            }
        if (!any) continue;
        set(cr, kind == GreenKind::Park ? style::park : style::green);
        cairo_fill(cr);
    }
}

void TileRenderer::draw_metro(cairo_t* cr, const PixelWindow& w, const MercatorBox& view) const {
    const Projector pr{w};
    const double px = style::metro_px[style::zi(w.zoom)];
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (bool tunnel : {true, false}) {
        bool any = false;
        for (std::size_t i = 0; i < map_.metro.size(); ++i)
            if (map_.metro[i].tunnel == tunnel && view.intersects(bounds_.metro[i])) {
                add_line(cr, pr, map_.metro[i].line);
                any = true;
            }
        if (!any) continue;
        if (tunnel) {
            // Underground: dashes in global phase (dash offset from the window origin is not needed: each
            // piece starts its pattern at its own first point, the same in every tile).
            const double dash[] = {px * 3.0, px * 2.2};
            cairo_set_dash(cr, dash, 2, 0);
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
            set(cr, style::metro, 0.75);
        } else {
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
            set(cr, style::metro, 0.9);
        }
        cairo_set_line_width(cr, px);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
    }
}

void TileRenderer::draw_edge_fade(cairo_t* cr, const PixelWindow& w) const {
    // The data ends at the clip box: fade it into the context tone over edge_fade_m inside the edge, and
    // fill everything beyond with that tone (the baked margin), so no view shows a hard cut or a blank field.
    const Projector pr{w};
    const MercatorBox data_box = to_mercator(delfshaven_box);
    const double left = pr.x({data_box.min_x_m, 0}), right = pr.x({data_box.max_x_m, 0});
    const double top = pr.y({0, data_box.max_y_m}), bottom = pr.y({0, data_box.min_y_m});
    const double f = std::clamp(style::edge_fade_m / metres_per_px(w.zoom), style::edge_fade_min_px, style::edge_fade_max_px);
    const double W = w.width_px, H = w.height_px;
    struct Side {
        double x0, y0, x1, y1;        // gradient from (x0,y0) alpha 0 to (x1,y1) alpha 1
        double rx, ry, rw, rh;        // the band to fill
    };
    const Side sides[] = {
        {left + f, 0, left, 0, -1, -1, left + f + 1, H + 2},
        {right - f, 0, right, 0, right - f, -1, W - (right - f) + 1, H + 2},
        {0, top + f, 0, top, -1, -1, W + 2, top + f + 1},
        {0, bottom - f, 0, bottom, -1, bottom - f, W + 2, H - (bottom - f) + 1},
    };
    for (const Side& sd : sides) {
        if (sd.rw <= 0 || sd.rh <= 0) continue;
        if (sd.rx > W || sd.ry > H || sd.rx + sd.rw < 0 || sd.ry + sd.rh < 0) continue;
        cairo_pattern_t* g = cairo_pattern_create_linear(sd.x0, sd.y0, sd.x1, sd.y1);
        cairo_pattern_add_color_stop_rgba(g, 0, style::context.r, style::context.g, style::context.b, 0);
        cairo_pattern_add_color_stop_rgba(g, 1, style::context.r, style::context.g, style::context.b, 1);
        cairo_pattern_set_extend(g, CAIRO_EXTEND_PAD);
        cairo_rectangle(cr, sd.rx, sd.ry, sd.rw, sd.rh);
        cairo_set_source(cr, g);
        cairo_fill(cr);
        cairo_pattern_destroy(g);
    }
}

void TileRenderer::draw_metro_badges(cairo_t* cr, const PixelWindow& w, const PixelBox& win) const {
    const double half = w.zoom >= 16 ? 6.5 : 5.5;
    bool any = false;
    for (const auto& m : stops_[style::zi(w.zoom)]) {
        if (!m.metro || !win.intersects({m.x_px - half, m.y_px - half, m.x_px + half, m.y_px + half})) continue;
        const double x = m.x_px - w.x0_px - half, y = m.y_px - w.y0_px - half, s = 2 * half, r = 2.5;
        cairo_new_sub_path(cr);
        cairo_arc(cr, x + s - r, y + r, r, -1.5707963, 0);
        cairo_arc(cr, x + s - r, y + s - r, r, 0, 1.5707963);
        cairo_arc(cr, x + r, y + s - r, r, 1.5707963, 3.14159265);
        cairo_arc(cr, x + r, y + r, r, 3.14159265, 4.71238898);
        cairo_close_path(cr);
        any = true;
    }
    if (!any) return;
    set(cr, style::halo);
    cairo_set_line_width(cr, 2.0);
    cairo_stroke_preserve(cr);
    set(cr, style::metro);
    cairo_fill(cr);
    cairo_select_font_face(cr, label_font_family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, half * 1.45);
    cairo_text_extents_t e;
    cairo_text_extents(cr, "M", &e);
    for (const auto& m : stops_[style::zi(w.zoom)]) {
        if (!m.metro || !win.intersects({m.x_px - half, m.y_px - half, m.x_px + half, m.y_px + half})) continue;
        cairo_move_to(cr, m.x_px - w.x0_px - e.x_bearing - e.width / 2, m.y_px - w.y0_px - e.y_bearing - e.height / 2);
        cairo_text_path(cr, "M");
    }
    set(cr, style::halo);
    cairo_fill(cr);
}

void TileRenderer::draw_park_labels(cairo_t* cr, const PixelWindow& w) const {
    const PixelBox win{w.x0_px, w.y0_px, w.x0_px + w.width_px, w.y0_px + w.height_px};
    bool any = false;
    cairo_select_font_face(cr, label_font_family, CAIRO_FONT_SLANT_ITALIC, CAIRO_FONT_WEIGHT_BOLD);
    for (const auto& label : park_labels_[style::zi(w.zoom)]) {
        if (!label.box.intersects(win)) continue;
        cairo_set_font_size(cr, label.font_px);
        for (const auto& line : label.lines) {
            cairo_move_to(cr, line.x_px - w.x0_px, line.y_px - w.y0_px);
            cairo_text_path(cr, line.text.c_str());
        }
        any = true;
    }
    if (!any) return;
    set(cr, style::halo, 0.85);
    cairo_set_line_width(cr, 3.0);
    cairo_stroke_preserve(cr);
    set(cr, style::park_label);
    cairo_fill(cr);
}

void TileRenderer::draw_street_labels(cairo_t* cr, const PixelWindow& w) const {
    const PixelBox win{w.x0_px, w.y0_px, w.x0_px + w.width_px, w.y0_px + w.height_px};
    bool any = false;
    for (const auto& label : street_labels_[style::zi(w.zoom)]) {
        if (!label.box.intersects(win)) continue;
        add_curved_label_path(cr, label, w.x0_px, w.y0_px);
        any = true;
    }
    if (!any) return;
    set(cr, style::halo, 0.9);
    cairo_set_line_width(cr, 3.0);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke_preserve(cr);
    set(cr, style::street_label);
    cairo_fill(cr);
}

void TileRenderer::draw_stops(cairo_t* cr, const PixelWindow& w) const {
    if (w.zoom < style::metro_station_min_zoom || w.zoom > style::max_zoom) return;
    const PixelBox win{w.x0_px - 8, w.y0_px - 8, w.x0_px + w.width_px + 8, w.y0_px + w.height_px + 8};
    const double r = w.zoom >= 17 ? 3.0 : 2.2;
    draw_metro_badges(cr, w, win);
    for (const auto& m : stops_[style::zi(w.zoom)]) {
        if (m.metro || !win.intersects({m.x_px, m.y_px, m.x_px + 0.1, m.y_px + 0.1})) continue;
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
    set(cr, style::land);
    cairo_paint(cr);
    draw_green(cr, w, view);

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
    draw_metro(cr, w, view);

    // Mute everything outside gebied Delfshaven with a light veil (window minus district, even-odd).
    cairo_rectangle(cr, -2, -2, w.width_px + 4, w.height_px + 4);
    for (const auto& d : map_.districts) add_polygon(cr, pr, d.polygon);
    set(cr, style::outside_veil, style::outside_veil_alpha);
    cairo_fill(cr);
    draw_edge_fade(cr, w);

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

    draw_park_labels(cr, w);
    draw_street_labels(cr, w);
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
    cairo_surface_flush(s);
    const auto png = encode_paletted_png(cairo_image_surface_get_data(s), tile_size_px, tile_size_px,
                                         cairo_image_surface_get_stride(s));
    cairo_surface_destroy(s);
    {
        std::ofstream out{path, std::ios::binary | std::ios::trunc};
        out.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
        if (!out) return std::unexpected(Error{ErrorKind::Io, path.string() + ": PNG write failed"});
    }
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : static_cast<std::size_t>(size);
}

}  // namespace bk::map::basemap
