// Tests map/basemap/geometry.hpp: simplification, clipping, areas, label points, boundary de-duplication.
#include <doctest/doctest.h>

#include "map/basemap/boundary_lines.hpp"
#include "map/basemap/geometry.hpp"

using namespace bk::map::basemap;

TEST_CASE("Douglas-Peucker drops points within tolerance and keeps real corners") {
    const Polyline line{{0, 0}, {10, 0.2}, {20, 0}, {20, 10}};
    const auto s = simplify_polyline(line, 0.5);
    REQUIRE(s.size() == 3);
    CHECK(s[1] == MercatorPoint{20, 0});
    CHECK(simplify_polyline(line, 0.1).size() == 4);
}

TEST_CASE("a ring simplifies to its corners and a sliver collapses to nothing") {
    const Ring square{{0, 0}, {5, 0.1}, {10, 0}, {10, 10}, {0, 10}};
    CHECK(simplify_ring(square, 0.5).size() == 4);
    const Ring sliver{{0, 0}, {10, 0.01}, {20, 0}};
    CHECK(simplify_ring(sliver, 0.5).empty());
}

TEST_CASE("clipping a line through a box keeps only the inside pieces") {
    const MercatorBox box{0, 0, 10, 10};
    const auto pieces = clip_polyline({{-5, 5}, {15, 5}, {15, 20}, {5, 20}, {5, 8}}, box);
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[0] == Polyline{{0, 5}, {10, 5}});
    CHECK(pieces[1] == Polyline{{5, 10}, {5, 8}});
}

TEST_CASE("clipping a ring to a box keeps the area inside") {
    const Ring big{{-10, -10}, {20, -10}, {20, 20}, {-10, 20}};
    const auto r = clip_ring(big, {0, 0, 10, 10});
    CHECK(std::abs(signed_area_m2(r)) == doctest::Approx(100));
    CHECK(clip_ring({{20, 20}, {30, 20}, {30, 30}}, {0, 0, 10, 10}).empty());
}

TEST_CASE("polygon area subtracts holes and contains() honours them") {
    Polygon p{{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{4, 4}, {6, 4}, {6, 6}, {4, 6}}}};
    CHECK(polygon_area_m2(p) == doctest::Approx(96));
    CHECK(contains(p, {2, 2}));
    CHECK_FALSE(contains(p, {5, 5}));
    CHECK_FALSE(contains(p, {12, 5}));
}

TEST_CASE("the label point of an L-shaped polygon lies inside it, away from the edges") {
    const Polygon l{{{{0, 0}, {100, 0}, {100, 20}, {20, 20}, {20, 100}, {0, 100}}}};
    const auto p = label_point(l);
    CHECK(contains(l, p));
    CHECK(signed_distance_m(l, p) > 8.0);
}

TEST_CASE("a border shared by two buurten becomes one line, and district edges are skipped") {
    const Area a{"A", "", {{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}}}};
    const Area b{"B", "", {{{{10, 0}, {20, 0}, {20, 10}, {10, 10}}}}};
    const auto without_district = unique_boundary_lines({a, b}, {});
    std::size_t edges = 0;
    for (const auto& l : without_district) edges += l.size() - 1;
    CHECK(edges == 7);  // 8 ring edges, the shared one once
    // The district ring has edges 0-20 along the bottom, not 0-10 + 10-20, so only the exact match is skipped:
    const Area district_split{"D", "", {{{{0, 0}, {10, 0}, {20, 0}, {20, 10}, {10, 10}, {0, 10}}}}};
    const auto inner = unique_boundary_lines({a, b}, {district_split});
    REQUIRE(inner.size() == 1);
    CHECK(inner[0].size() == 2);  // just the shared edge x = 10
    CHECK(inner[0][0].x_m == 10);
}
