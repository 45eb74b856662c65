// Tests map/basemap/street_labels.hpp and the new layers' drawing on the committed extract: street names
// along their lines (main streets z15, all z16+), never upside down, never overlapping each other or a buurt
// name, repeated on long streets; park names; green and the dashed metro tunnel really show in the tiles.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "map/basemap/basemap_format.hpp"
#include "map/basemap/geometry.hpp"
#include "map/basemap/mercator.hpp"
#include "map/basemap/street_labels.hpp"
#include "map/basemap/tile_renderer.hpp"

using namespace bk::map::basemap;

namespace {

const Basemap& extract() {
    static const Basemap map = [] {
        auto m = read_basemap_file(BUURTKAART_BASEMAP_EXTRACT);
        REQUIRE_MESSAGE(m.has_value(), m.error().message);
        return *m;
    }();
    return map;
}

std::vector<PixelBox> buurt_boxes(int z) {
    std::vector<PixelBox> out;
    for (const auto& l : layout_buurt_labels(extract(), z)) out.push_back(l.box);
    return out;
}

double glyph_r(const CurvedLabel& l) { return l.font_px * 0.55; }

}  // namespace

TEST_CASE("street labels: none below z15, main streets only at z15, many more at z16 and z17") {
    const Basemap& map = extract();
    CHECK(layout_street_labels(map, 14, {}).empty());
    const auto z15 = layout_street_labels(map, 15, buurt_boxes(15));
    const auto z16 = layout_street_labels(map, 16, buurt_boxes(16));
    const auto z17 = layout_street_labels(map, 17, {});
    std::map<std::string, RoadClass> best_class;
    for (const auto& n : map.street_names) best_class[n.name] = std::max(best_class[n.name], n.road_class);
    REQUIRE(z15.size() >= 10);
    for (const auto& l : z15) {
        CAPTURE(l.text);
        CHECK(best_class[l.text] >= RoadClass::Tertiary);
    }
    CHECK(z16.size() > 2 * z15.size());
    CHECK(z17.size() > z16.size());
    std::set<std::string> names17;
    for (const auto& l : z17) names17.insert(l.text);
    for (const char* street : {"Schiedamseweg", "Mathenesserlaan", "Nieuwe Binnenweg", "Aelbrechtskade", "Heemraadssingel"}) {
        CAPTURE(street);
        CHECK(names17.count(street) == 1);
    }
}

TEST_CASE("street labels read left to right, follow their street and never overlap each other or a buurt name") {
    const Basemap& map = extract();
    for (int z : {15, 16, 17}) {
        CAPTURE(z);
        const auto taken = buurt_boxes(z);
        const auto labels = layout_street_labels(map, z, taken);
        std::vector<PixelBox> glyphs;
        for (const auto& l : labels) {
            CAPTURE(l.text);
            REQUIRE(!l.glyphs.empty());
            for (const auto& g : l.glyphs) {
                // Never upside down: baselines point rightwards; near-vertical streets may tilt a little past
                // vertical (the bend under a label is at most 45°), never more than ~110°.
                CHECK(std::cos(g.angle_rad) > -0.35);
                const double r = glyph_r(l);
                glyphs.push_back({g.x_px - r, g.y_px - r, g.x_px + r, g.y_px + r});
                // The glyph's centre (half an advance along, 0.35 em above the baseline) keeps clear of buurt names.
                const double cx = g.x_px + std::cos(g.angle_rad) * r * 0.8 + std::sin(g.angle_rad) * 0.35 * l.font_px;
                const double cy = g.y_px + std::sin(g.angle_rad) * r * 0.8 - std::cos(g.angle_rad) * 0.35 * l.font_px;
                for (const auto& t : taken) CHECK_FALSE(t.intersects({cx - 2, cy - 2, cx + 2, cy + 2}));
            }
            // Consecutive glyphs advance along the text direction (not piled up, not reversed).
            for (std::size_t i = 1; i < l.glyphs.size(); ++i) {
                const auto& a = l.glyphs[i - 1];
                const auto& b = l.glyphs[i];
                const double along = (b.x_px - a.x_px) * std::cos(a.angle_rad) + (b.y_px - a.y_px) * std::sin(a.angle_rad);
                CHECK(along > 0);
                CHECK(along < l.font_px * 1.5);
            }
        }
        // Glyph origins of different labels are at least a glyph apart (collision boxes include the halo).
        std::size_t close = 0;
        for (std::size_t i = 0, base = 0; i < labels.size(); base += labels[i].glyphs.size(), ++i)
            for (std::size_t j = i + 1; j < labels.size(); ++j)
                for (const auto& ga : labels[i].glyphs)
                    for (const auto& gb : labels[j].glyphs)
                        close += std::hypot(ga.x_px - gb.x_px, ga.y_px - gb.y_px) < labels[i].font_px * 0.5 ? 1 : 0;
        CHECK(close == 0);
    }
}

TEST_CASE("a long street is labelled more than once at z17, and each label lies on its street") {
    const Basemap& map = extract();
    const auto labels = layout_street_labels(map, 17, {});
    int schiedamseweg = 0;
    for (const auto& l : labels) {
        if (l.text != "Schiedamseweg") continue;
        ++schiedamseweg;
        // The middle glyph sits within ~a font size of a Schiedamseweg segment.
        const auto& g = l.glyphs[l.glyphs.size() / 2];
        const double mpp = metres_per_px(17);
        const MercatorPoint p{g.x_px * mpp - world_size_m / 2, world_size_m / 2 - g.y_px * mpp};
        double best = 1e18;
        for (const auto& n : map.street_names) {
            if (n.name != "Schiedamseweg") continue;
            for (std::size_t i = 0; i + 1 < n.line.size(); ++i) {
                Polygon seg{{{n.line[i], n.line[i + 1]}}};
                best = std::min(best, std::abs(signed_distance_m(seg, p)));
            }
        }
        CHECK(best / mpp < l.font_px * 1.5);
    }
    CHECK(schiedamseweg >= 2);
}

TEST_CASE("named parks are labelled from z15 when they fit, Het Park by its display name") {
    const Basemap& map = extract();
    CHECK(layout_park_labels(map, 14, {}).empty());
    const auto z16 = layout_park_labels(map, 16, {});
    std::set<std::string> names;
    for (const auto& l : z16) names.insert(l.lines.at(0).text);
    CHECK(names.count("Het Park") == 1);
    CHECK(names.count("Park 1943") == 1);
    CHECK(names.count("Park") == 0);
}

TEST_CASE("tiles show green in a park and the metro tunnel as red dashes along the Schiedamseweg") {
    const Basemap& map = extract();
    const TileRenderer renderer{map};
    // Park 1943 (Tussendijken): the pixel at its label point is park green (G dominant) at z17.
    const GreenArea* park = nullptr;
    for (const auto& g : map.green)
        if (g.kind == GreenKind::Park && g.name == "Park 1943" && (!park || polygon_area_m2(g.polygon) > polygon_area_m2(park->polygon)))
            park = &g;
    REQUIRE(park != nullptr);
    const MercatorPoint at = label_point(park->polygon);
    const double gx = global_px_x(at.x_m, 17), gy = global_px_y(at.y_m, 17);
    const int tx = static_cast<int>(gx / 256), ty = static_cast<int>(gy / 256);
    const auto img = renderer.render_tile(17, tx, ty);
    int green = 0;
    for (int dy = -20; dy <= 20; dy += 4)
        for (int dx = -20; dx <= 20; dx += 4) {
            const int x = std::clamp(static_cast<int>(gx) - tx * 256 + dx, 0, 255);
            const int y = std::clamp(static_cast<int>(gy) - ty * 256 + dy, 0, 255);
            const auto p = img.at(x, y);
            green += (p[1] > p[0] + 10 && p[1] > p[2] + 10) ? 1 : 0;
        }
    CHECK(green > 30);  // of 121 samples; paths and the label may cover some

    // Metro: the tunnel pieces exist, and along one the pixels alternate between red-ish and not (dashes).
    const MetroLine* tunnel = nullptr;
    for (const auto& m : map.metro)
        if (m.tunnel && (!tunnel || m.line.size() > tunnel->line.size())) tunnel = &m;
    REQUIRE(tunnel != nullptr);
    CHECK(std::any_of(map.metro.begin(), map.metro.end(), [](const MetroLine& m) { return !m.tunnel; }));
    int red = 0, other = 0;
    for (std::size_t i = 0; i + 1 < tunnel->line.size() && red + other < 400; ++i) {
        const auto a = tunnel->line[i], b = tunnel->line[i + 1];
        for (double t = 0; t < 1; t += 0.02) {
            const double px = global_px_x(a.x_m + (b.x_m - a.x_m) * t, 16), py = global_px_y(a.y_m + (b.y_m - a.y_m) * t, 16);
            const int tx16 = static_cast<int>(px / 256), ty16 = static_cast<int>(py / 256);
            if (!to_mercator(delfshaven_box).contains(a)) continue;
            static std::map<std::pair<int, int>, RgbaImage> tiles;
            auto it = tiles.find({tx16, ty16});
            if (it == tiles.end()) it = tiles.emplace(std::pair{tx16, ty16}, renderer.render_tile(16, tx16, ty16)).first;
            const auto p = it->second.at(static_cast<int>(px) - tx16 * 256, static_cast<int>(py) - ty16 * 256);
            (p[0] > p[1] + 40 && p[0] > p[2] + 40 ? red : other)++;
        }
    }
    CHECK(red > 40);
    CHECK(other > 40);  // the gaps of the dashes (and crossings)
}
