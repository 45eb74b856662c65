// Tests map/basemap/mercator.hpp: projection round trip and the tile counts of the Delfshaven box.
#include <doctest/doctest.h>

#include "map/basemap/mercator.hpp"

using namespace bk::map::basemap;

TEST_CASE("lon/lat to Web Mercator and back is exact to 1e-9 degrees") {
    const auto p = lon_lat_to_mercator(4.447, 51.903);
    CHECK(p.x_m == doctest::Approx(495037.8).epsilon(1e-6));
    CHECK(mercator_to_lon_deg(p.x_m) == doctest::Approx(4.447).epsilon(1e-12));
    CHECK(mercator_to_lat_deg(p.y_m) == doctest::Approx(51.903).epsilon(1e-12));
}

TEST_CASE("the Delfshaven box is covered by 6, 12, 35, 140 and 494 tiles at z13..z17") {
    const int expected[] = {6, 12, 35, 140, 494};
    for (int z = 13; z <= 17; ++z) {
        CAPTURE(z);
        CHECK(tile_range_for(delfshaven_box, z).count() == expected[z - 13]);
    }
    const auto r = tile_range_for(delfshaven_box, 13);
    CHECK(r.min_x == 4196);
    CHECK(r.min_y == 2708);
}

TEST_CASE("a tile box is 2^-z of the world and tile (0,0) starts at the north-west corner") {
    const auto b = tile_box(0, 0, 0);
    CHECK(b.min_x_m == doctest::Approx(-world_size_m / 2));
    CHECK(b.max_y_m == doctest::Approx(world_size_m / 2));
    const auto t = tile_box(15, 16786, 10834);
    CHECK(t.max_x_m - t.min_x_m == doctest::Approx(world_size_m / 32768));
    CHECK(metres_per_px(17) == doctest::Approx(1.1943).epsilon(1e-3));
}
