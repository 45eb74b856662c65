#include "map/projection.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <thread>

using namespace bk::map;

TEST_CASE("projection keeps lon/lat axis order after normalisation") {
    auto p = Projection::create(4326, 3857);
    REQUIRE(p.has_value());
    auto xy = p->forward(4.45, 51.91);
    REQUIRE(xy.has_value());
    CHECK(xy->first == doctest::Approx(495371.734).epsilon(1e-8));   // easting from lon, not lat
    CHECK(xy->second == doctest::Approx(6783868.630).epsilon(1e-8));
    auto back = p->inverse(xy->first, xy->second);
    CHECK(back->first == doctest::Approx(4.45));
    CHECK(back->second == doctest::Approx(51.91));
}

TEST_CASE("unknown EPSG code is a Projection error naming the code") {
    auto p = Projection::create(4326, 999999);
    REQUIRE_FALSE(p.has_value());
    CHECK(p.error().kind == ErrorKind::Projection);
    CHECK(p.error().message.find("EPSG:999999") != std::string::npos);
}

TEST_CASE("non-finite input is an InvalidArgument error, not a crash") {
    auto p = Projection::create(4326, 28992);
    REQUIRE(p.has_value());
    auto r = p->forward(NAN, 52.0);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == ErrorKind::InvalidArgument);
}

TEST_CASE("moved-from projection reports an error, moved-to one works") {
    auto p = Projection::create(4326, 3857);
    REQUIRE(p.has_value());
    Projection q = std::move(*p);
    CHECK(q.forward(4.45, 51.91).has_value());
    CHECK_FALSE(p->forward(4.45, 51.91).has_value());  // NOLINT(bugprone-use-after-move): tested on purpose
}

TEST_CASE("one converter per thread: RD and Mercator conversions agree via lon/lat") {
    auto worker = [](RdNew* out) {
        auto geo = GeoConverter::create();
        *out = *geo->to_rd_new(*geo->to_web_mercator(LonLat{4.45, 51.91}));
    };
    RdNew a, b;
    std::thread t1(worker, &a), t2(worker, &b);
    t1.join();
    t2.join();
    CHECK(a.x_m == doctest::Approx(b.x_m));
    auto geo = GeoConverter::create();
    const RdNew direct = *geo->to_rd_new(LonLat{4.45, 51.91});
    CHECK(std::abs(direct.x_m - a.x_m) < 1e-3);
    CHECK(std::abs(direct.y_m - a.y_m) < 1e-3);
}
