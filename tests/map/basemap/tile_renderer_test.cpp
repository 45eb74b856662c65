// Tests map/basemap/tile_renderer.hpp on the committed extract: water is blue where the data has water,
// land is not; tiles are drawn from global coordinates so neighbours meet seamlessly.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "map/basemap/basemap_format.hpp"
#include "map/basemap/geometry.hpp"
#include "map/basemap/mercator.hpp"
#include "map/basemap/tile_renderer.hpp"

using namespace bk::map::basemap;

namespace {

// Frees cairo's font caches at exit so AddressSanitizer's leak check sees only our own allocations.
struct CairoResetAtExit {
    ~CairoResetAtExit() { release_font_caches(); }
} cairo_reset_at_exit;

bool is_water_blue(std::array<std::uint8_t, 4> p) { return p[2] >= p[0] + 30 && p[2] >= p[1] + 8; }
bool is_blueish(std::array<std::uint8_t, 4> p) { return p[2] > p[0] + 12; }

const Basemap& committed() {
    static const Basemap map = [] {
        auto m = read_basemap_file(BUURTKAART_BASEMAP_EXTRACT);
        REQUIRE_MESSAGE(m.has_value(), m.error().message);
        return *m;
    }();
    return map;
}

bool in_water(const Basemap& map, MercatorPoint p) {
    for (const auto& w : map.water)
        if (contains(w, p)) return true;
    return false;
}

// Distance in metres from p to the nearest edge of water, road, rail or boundary (what could colour a pixel).
double clearance_m(const Basemap& map, MercatorPoint p) {
    double best = 1e18;
    auto line = [&](const std::vector<MercatorPoint>& l, bool closed) {
        Polygon tmp{{l}};
        if (!closed) {
            for (std::size_t i = 0; i + 1 < l.size(); ++i) {
                Polygon seg{{{l[i], l[i + 1]}}};
                best = std::min(best, std::abs(signed_distance_m(seg, p)));
            }
        } else {
            best = std::min(best, std::abs(signed_distance_m(tmp, p)));
        }
    };
    for (const auto& w : map.water)
        for (const auto& r : w.rings) line(r, true);
    for (const auto& r : map.roads) line(r.line, false);
    for (const auto& r : map.rails) line(r.line, false);
    for (const auto& m : map.metro) line(m.line, false);
    for (const auto& n : map.street_names) line(n.line, false);  // names are drawn along these
    for (const auto& b : map.buurten)
        for (const auto& r : b.polygon.rings) line(r, true);
    // A stop's dot and name (up to ~150 px either side at z17, 1.19 m/px) may cover a sample.
    for (const auto& s : map.stops)
        if (std::abs(s.point.x_m - p.x_m) < 180 && std::abs(s.point.y_m - p.y_m) < 15) best = 0;
    return best;
}

}  // namespace

TEST_CASE("a z17 tile over the Coolhaven is water-blue where the data has water and not blue on land") {
    const Basemap& map = committed();
    const TileRenderer renderer{map};
    const int z = 17;
    // The Coolhaven basin (checked against delfshaven_osm_water), away from the box edge where data fades out.
    const auto at = lon_lat_to_mercator(4.453, 51.9085);
    REQUIRE(in_water(map, at));
    const auto range = tile_range_for({4.453, 51.9085, 4.453, 51.9085}, z);
    const auto img = renderer.render_tile(z, range.min_x, range.min_y);
    const MercatorBox tile = tile_box(z, range.min_x, range.min_y);
    const double mpp = metres_per_px(z);
    int water_px = 0, land_px = 0;
    for (int py = 8; py < 256; py += 16)
        for (int px = 8; px < 256; px += 16) {
            const MercatorPoint p{tile.min_x_m + (px + 0.5) * mpp, tile.max_y_m - (py + 0.5) * mpp};
            if (clearance_m(map, p) < 12 * mpp) continue;  // too close to an edge or a line to judge
            const bool water = in_water(map, p);
            CAPTURE(px);
            CAPTURE(py);
            if (water) {
                CHECK(is_water_blue(img.at(px, py)));
                ++water_px;
            } else {
                CHECK_FALSE(is_blueish(img.at(px, py)));
                ++land_px;
            }
        }
    CHECK(water_px > 20);
    CHECK(land_px > 5);
}

TEST_CASE("the historic core at z15 shows land and buildings, not water") {
    const TileRenderer renderer{committed()};
    const auto r = tile_range_for({4.4505, 51.9075, 4.4505, 51.9075}, 15);  // Historisch Delfshaven
    const auto img = renderer.render_tile(15, r.min_x, r.min_y);
    int blue = 0, non_blue = 0;
    for (int y = 0; y < 256; y += 4)
        for (int x = 0; x < 256; x += 4) (is_water_blue(img.at(x, y)) ? blue : non_blue)++;
    CHECK(non_blue > blue);  // the tile has harbours, but is mostly land
    CHECK(blue > 0);
}

TEST_CASE("a buurt label crossing a tile edge is drawn whole: both tiles agree along the shared edge") {
    const TileRenderer renderer{committed()};
    // Find a label whose box straddles a vertical tile edge.
    int zoom = 0, edge_x = 0, row0 = 0, row1 = 0;
    for (int z = 13; z <= 16 && zoom == 0; ++z)
        for (const auto& l : layout_buurt_labels(committed(), z)) {
            const int edge = static_cast<int>(std::ceil(l.box.x0 / 256.0)) * 256;
            if (edge > l.box.x0 + 4 && edge < l.box.x1 - 4) {
                zoom = z, edge_x = edge, row0 = static_cast<int>(l.box.y0), row1 = static_cast<int>(l.box.y1);
                break;
            }
        }
    REQUIRE_MESSAGE(zoom != 0, "no buurt label crosses a tile edge at z13..z16");
    CAPTURE(zoom);
    // Left tile's last column vs a 2-px window drawn across the edge (the right tile's view of the same pixels),
    // and the right tile's first column vs the same window.
    const int tx = edge_x / 256, ty = row0 / 256;
    const auto left = renderer.render_tile(zoom, tx - 1, ty);
    const auto right = renderer.render_tile(zoom, tx, ty);
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 2, 256);
    cairo_t* cr = cairo_create(s);
    renderer.draw(cr, {zoom, edge_x - 1.0, ty * 256.0, 2, 256});
    cairo_destroy(cr);
    cairo_surface_flush(s);
    const auto* data = cairo_image_surface_get_data(s);
    const int stride = cairo_image_surface_get_stride(s);
    auto channel_diff = [](std::uint32_t px, std::array<std::uint8_t, 4> p) {
        return std::max({std::abs(static_cast<int>((px >> 16) & 0xff) - p[0]),
                         std::abs(static_cast<int>((px >> 8) & 0xff) - p[1]),
                         std::abs(static_cast<int>(px & 0xff) - p[2])});
    };
    int differing = 0, label_ink = 0;
    for (int row = 0; row < 256; ++row) {
        std::uint32_t a, b;
        std::memcpy(&a, data + row * stride, 4);
        std::memcpy(&b, data + row * stride + 4, 4);
        if (channel_diff(a, left.at(255, row)) > 2) ++differing;
        if (channel_diff(b, right.at(0, row)) > 2) ++differing;
        const int y = ty * 256 + row;
        if (y >= row0 && y <= row1 && (right.at(0, row)[0] < 150 || left.at(255, row)[0] < 150)) ++label_ink;
    }
    cairo_surface_destroy(s);
    CHECK(differing == 0);
    CHECK(label_ink > 0);  // the dark label text really is on the edge (not only halo)
}

TEST_CASE("metro stations from z14 (named z16), other stops dots from z16 and names at z17; names never overlap") {
    const Basemap& map = committed();
    CHECK(layout_stops(map, 13).empty());
    const auto z15 = layout_stops(map, 15);
    CHECK(z15.size() == map.metro_stations.size());
    CHECK(std::all_of(z15.begin(), z15.end(), [](const StopMark& m) { return m.metro && !m.label; }));
    const auto z16 = layout_stops(map, 16);
    const auto in_station = std::count_if(map.stops.begin(), map.stops.end(),
                                          [&](const NamedPoint& s) { return is_metro_station(map, s); });
    CHECK(in_station >= 4);  // Delfshaven, Coolhaven, Marconiplein, Dijkzigt: their tram/bus stops fold in
    CHECK(z16.size() == map.stops.size() - in_station + map.metro_stations.size());
    CHECK(std::all_of(z16.begin(), z16.end(), [](const StopMark& m) { return m.metro == m.label.has_value(); }));
    const auto z17 = layout_stops(map, 17);
    std::vector<PixelBox> boxes;
    for (const auto& m : z17)
        if (m.label) boxes.push_back(m.label->box);
    CHECK(boxes.size() > map.stops.size() / 2);
    for (std::size_t i = 0; i < boxes.size(); ++i)
        for (std::size_t j = i + 1; j < boxes.size(); ++j) CHECK_FALSE(boxes[i].intersects(boxes[j]));
}

TEST_CASE("buurt labels exist at z13..z16, not at z17, and each buurt is labelled at most once") {
    const Basemap& map = committed();
    for (int z = 13; z <= 16; ++z) {
        CAPTURE(z);
        const auto labels = layout_buurt_labels(map, z);
        CHECK(labels.size() >= 7);
        CHECK(labels.size() <= 9);
    }
    CHECK(layout_buurt_labels(map, 17).empty());
}

TEST_CASE("degenerate features from a valid file (no rings, empty lines, unnamed buurt) render without harm") {
    Basemap odd;
    odd.water.push_back({});
    odd.buildings.push_back({{Ring{}}});
    odd.roads.push_back({RoadClass::Primary, false, false, {}});
    odd.rails.push_back({RailKind::Rail, {lon_lat_to_mercator(4.45, 51.91)}});
    odd.buurten.push_back({"", "", {}});
    odd.districts.push_back({"Delfshaven", "03", {}});
    odd.stops.push_back({"", lon_lat_to_mercator(4.45, 51.91)});
    auto decoded = decode_basemap(encode_basemap(odd), "odd.bkmap");
    REQUIRE(decoded.has_value());
    const TileRenderer renderer{*decoded};
    const auto r = tile_range_for({4.45, 51.91, 4.45, 51.91}, 17);
    const auto img = renderer.render_tile(17, r.min_x, r.min_y);
    CHECK(img.rgba.size() == 256u * 256u * 4u);
    CHECK_FALSE(is_blueish(img.at(128, 128)));
}

TEST_CASE("beyond the clip box tiles are the flat context tone, and the data fades out towards the edge") {
    const TileRenderer renderer{committed()};
    const auto tone = [](double v) { return static_cast<int>(std::lround(v * 255)); };
    const std::array<int, 3> context{tone(style::context.r), tone(style::context.g), tone(style::context.b)};
    auto near_context = [&](std::array<std::uint8_t, 4> p, int tol) {
        return std::abs(p[0] - context[0]) <= tol && std::abs(p[1] - context[1]) <= tol && std::abs(p[2] - context[2]) <= tol;
    };
    for (int z : {13, 15, 17, 18}) {
        CAPTURE(z);
        // Two tiles east of the box (no data, no boundary there): every pixel is the context tone.
        const auto r = tile_range_for(delfshaven_box, z);
        const auto img = renderer.render_tile(z, r.max_x + 2, (r.min_y + r.max_y) / 2);
        int off = 0;
        for (int y = 0; y < 256; y += 8)
            for (int x = 0; x < 256; x += 8) off += near_context(img.at(x, y), 1) ? 0 : 1;
        CHECK(off == 0);
    }
    // Across the east edge at z16, along a row: the last data columns are already close to the context tone,
    // and no neighbouring columns jump by more than a road edge would (no hard cut at the box edge).
    const int z = 16;
    const double edge_px = global_px_x(to_mercator(delfshaven_box).max_x_m, z);
    const double row_px = global_px_y(lon_lat_to_mercator(4.48, 51.915).y_m, z);
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 400, 1);
    cairo_t* cr = cairo_create(s);
    renderer.draw(cr, {z, edge_px - 300, row_px, 400, 1});
    cairo_destroy(cr);
    cairo_surface_flush(s);
    const auto* row = reinterpret_cast<const std::uint32_t*>(cairo_image_surface_get_data(s));
    auto rgb = [&](int x) {
        const std::uint32_t p = row[x];
        return std::array<std::uint8_t, 4>{std::uint8_t(p >> 16), std::uint8_t(p >> 8), std::uint8_t(p), 255};
    };
    CHECK(near_context(rgb(302), 1));   // just past the edge: the context tone
    CHECK(near_context(rgb(296), 12));  // just inside: faded almost all the way
    int max_jump_near_edge = 0;
    for (int x = 280; x < 320; ++x)
        for (int c = 0; c < 3; ++c) max_jump_near_edge = std::max(max_jump_near_edge, std::abs(rgb(x + 1)[c] - rgb(x)[c]));
    CHECK(max_jump_near_edge <= 12);
    cairo_surface_destroy(s);
}
