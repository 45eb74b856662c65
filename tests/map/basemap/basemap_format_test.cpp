// Tests map/basemap/basemap_format.hpp: round trip of a small synthetic map, and exact errors for broken files.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <zlib.h>

#include "map/basemap/basemap_format.hpp"
#include "map/basemap/mercator.hpp"

using namespace bk::map::basemap;
namespace fs = std::filesystem;

namespace {

MercatorPoint ll(double lon, double lat) { return lon_lat_to_mercator(lon, lat); }

Basemap synthetic_map() {
    Basemap m;
    m.water.push_back({{{ll(4.44, 51.90), ll(4.46, 51.90), ll(4.46, 51.905), ll(4.44, 51.905)},
                        {ll(4.45, 51.901), ll(4.451, 51.901), ll(4.451, 51.902)}}});
    m.roads.push_back({RoadClass::Primary, true, false, {ll(4.43, 51.91), ll(4.44, 51.915), ll(4.45, 51.912)}});
    m.roads.push_back({RoadClass::Footway, false, true, {ll(4.43, 51.92), ll(4.4301, 51.9201)}});
    m.rails.push_back({RailKind::Tram, {ll(4.42, 51.91), ll(4.49, 51.92)}});
    m.buildings.push_back({{{ll(4.450, 51.910), ll(4.4502, 51.910), ll(4.4502, 51.9102)}}});
    m.buurten.push_back({"Witte Dorp", "0328", {{{ll(4.43, 51.915), ll(4.435, 51.915), ll(4.435, 51.918)}}}});
    m.districts.push_back({"Delfshaven", "03", {{{ll(4.42, 51.90), ll(4.49, 51.90), ll(4.49, 51.93)}}}});
    m.stops.push_back({"Marconiplein", ll(4.433, 51.914)});
    m.green.push_back({GreenKind::Park, "Park 1943", {{{ll(4.44, 51.911), ll(4.441, 51.911), ll(4.441, 51.912)}}}});
    m.green.push_back({GreenKind::Planted, "", {{{ll(4.45, 51.911), ll(4.451, 51.911), ll(4.451, 51.912)}}}});
    m.street_names.push_back({"'s-Gravendijkwal", RoadClass::Secondary, true, true, {ll(4.47, 51.91), ll(4.47, 51.92)}});
    m.street_names.push_back({"Schans", RoadClass::Residential, false, false, {ll(4.45, 51.905), ll(4.451, 51.906)}});
    m.metro.push_back({true, {ll(4.43, 51.913), ll(4.46, 51.909)}});
    m.metro.push_back({false, {ll(4.42, 51.914), ll(4.43, 51.913)}});
    m.metro_stations.push_back({"Delfshaven", ll(4.4457, 51.91)});
    return m;
}

void check_near(const std::vector<MercatorPoint>& a, const std::vector<MercatorPoint>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(std::abs(a[i].x_m - b[i].x_m) <= grid_m / 2 + 1e-6);
        CHECK(std::abs(a[i].y_m - b[i].y_m) <= grid_m / 2 + 1e-6);
    }
}

std::vector<std::uint8_t> set_crc(std::vector<std::uint8_t> file) {
    const auto crc = static_cast<std::uint32_t>(crc32(0L, file.data() + header_size, file.size() - header_size));
    for (int i = 0; i < 4; ++i) file[32 + i] = static_cast<std::uint8_t>(crc >> (8 * i));
    return file;
}

}  // namespace

TEST_CASE("write and read back a synthetic map keeps every feature, attribute and coordinate to 0.05 m") {
    const Basemap in = synthetic_map();
    for (bool compress : {true, false}) {
        CAPTURE(compress);
        const auto bytes = encode_basemap(in, {.compress = compress});
        auto out = decode_basemap(bytes, "synthetic.bkmap");
        REQUIRE_MESSAGE(out.has_value(), out.error().message);
        REQUIRE(out->water.size() == 1);
        REQUIRE(out->water[0].rings.size() == 2);
        check_near(out->water[0].rings[1], in.water[0].rings[1]);
        REQUIRE(out->roads.size() == 2);
        CHECK(out->roads[0].road_class == RoadClass::Primary);
        CHECK(out->roads[0].bridge);
        CHECK_FALSE(out->roads[0].tunnel);
        CHECK(out->roads[1].road_class == RoadClass::Footway);
        CHECK(out->roads[1].tunnel);
        check_near(out->roads[0].line, in.roads[0].line);
        check_near(out->roads[1].line, in.roads[1].line);
        REQUIRE(out->rails.size() == 1);
        CHECK(out->rails[0].kind == RailKind::Tram);
        REQUIRE(out->buildings.size() == 1);
        check_near(out->buildings[0].rings[0], in.buildings[0].rings[0]);
        REQUIRE(out->buurten.size() == 1);
        CHECK(out->buurten[0].name == "Witte Dorp");
        CHECK(out->buurten[0].code == "0328");
        CHECK(out->districts[0].name == "Delfshaven");
        REQUIRE(out->stops.size() == 1);
        CHECK(out->stops[0].name == "Marconiplein");
        CHECK(out->bbox.contains(out->stops[0].point));
        REQUIRE(out->green.size() == 2);
        CHECK(out->green[0].kind == GreenKind::Park);
        CHECK(out->green[0].name == "Park 1943");
        CHECK(out->green[1].kind == GreenKind::Planted);
        check_near(out->green[1].polygon.rings[0], in.green[1].polygon.rings[0]);
        REQUIRE(out->street_names.size() == 2);
        CHECK(out->street_names[0].name == "'s-Gravendijkwal");
        CHECK(out->street_names[0].road_class == RoadClass::Secondary);
        CHECK(out->street_names[0].bridge);
        CHECK(out->street_names[0].high_confidence);
        CHECK_FALSE(out->street_names[1].bridge);
        CHECK_FALSE(out->street_names[1].high_confidence);
        check_near(out->street_names[1].line, in.street_names[1].line);
        REQUIRE(out->metro.size() == 2);
        CHECK(out->metro[0].tunnel);
        CHECK_FALSE(out->metro[1].tunnel);
        check_near(out->metro[0].line, in.metro[0].line);
        REQUIRE(out->metro_stations.size() == 1);
        CHECK(out->metro_stations[0].name == "Delfshaven");
        // Deterministic: re-encoding the decoded map gives the same bytes.
        CHECK(encode_basemap(*out, {.compress = compress}) == bytes);
    }
}

TEST_CASE("files round-trip through disk and a missing file is NotFound naming the path") {
    const fs::path path = fs::temp_directory_path() / "basemap_format_test.bkmap";
    auto written = write_basemap_file(path, synthetic_map());
    REQUIRE(written.has_value());
    CHECK(*written == fs::file_size(path));
    auto back = read_basemap_file(path);
    REQUIRE(back.has_value());
    CHECK(back->roads.size() == 2);
    fs::remove(path);
    auto missing = read_basemap_file(path);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().kind == bk::map::ErrorKind::NotFound);
    CHECK(missing.error().message == path.string() + ": cannot open basemap extract");
}

TEST_CASE("a truncated file reports the missing body bytes") {
    auto bytes = encode_basemap(synthetic_map());
    const std::size_t stored = bytes.size() - header_size;
    bytes.resize(bytes.size() - 10);
    auto r = decode_basemap(bytes, "cut.bkmap");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == bk::map::ErrorKind::Decode);
    CHECK(r.error().message == "cut.bkmap: offset 36: expected " + std::to_string(stored) + " body bytes, found " +
                                   std::to_string(stored - 10) + " (truncated or padded file)");
}

TEST_CASE("a file cut inside its header says how long the header must be") {
    auto bytes = encode_basemap(synthetic_map());
    bytes.resize(20);
    auto r = decode_basemap(bytes, "short.bkmap");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message == "short.bkmap: offset 20: expected a 36-byte header, file has only 20 bytes");
}

TEST_CASE("wrong magic, version and a flipped body byte are refused with their offsets") {
    const auto good = encode_basemap(synthetic_map(), {.compress = false});
    auto magic = good;
    magic[0] = 'P';
    CHECK(decode_basemap(magic, "m.bkmap").error().message ==
          "m.bkmap: offset 0: expected magic \"BKBM\", found another file type");
    auto version = good;
    version[4] = 9;
    CHECK(decode_basemap(version, "v.bkmap").error().message ==
          "v.bkmap: offset 4: expected format version 1, found 9");
    auto flipped = good;
    flipped[header_size + 5] ^= 0x40;
    CHECK(decode_basemap(flipped, "c.bkmap").error().message ==
          "c.bkmap: offset 32: CRC-32 of the body does not match the header (corrupt file)");
}

TEST_CASE("a layer whose feature count exceeds its bytes names the layer and the body offset") {
    auto file = encode_basemap(synthetic_map(), {.compress = false});
    // Body starts with the water layer: id 1, varint size, then the feature count (1) at body offset 2.
    REQUIRE(file[header_size] == 1);
    REQUIRE(file[header_size + 2] == 1);
    file[header_size + 2] = 100;
    auto r = decode_basemap(set_crc(file), "count.bkmap");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message.starts_with("count.bkmap (layer water): body offset 2 (feature 0): feature count 100 "
                                        "exceeds what the remaining"));
}

TEST_CASE("an out-of-range road class is refused, naming the feature") {
    Basemap m;
    m.roads.push_back({RoadClass::Residential, false, false, {{0, 0}, {10, 10}}});
    auto file = encode_basemap(m, {.compress = false});
    // Layers: water(1) "01 01 00", roads(2) "02 size count class ...".
    const std::size_t roads_at = header_size + 3;
    REQUIRE(file[roads_at] == 2);
    REQUIRE(file[roads_at + 3] == static_cast<std::uint8_t>(RoadClass::Residential));
    file[roads_at + 3] = 42;
    auto r = decode_basemap(set_crc(file), "class.bkmap");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message == "class.bkmap (layer roads): body offset 6 (feature 0): road class 42 out of range 0..9");
}

TEST_CASE("every truncation and every byte flip of a body with a matching CRC gives a result or a named error") {
    const auto good = encode_basemap(synthetic_map(), {.compress = false});
    const std::vector<std::uint8_t> body(good.begin() + header_size, good.end());
    auto with_body = [&](const std::vector<std::uint8_t>& b) {
        std::vector<std::uint8_t> f(good.begin(), good.begin() + header_size);
        for (int i = 0; i < 4; ++i) {
            f[24 + i] = static_cast<std::uint8_t>(b.size() >> (8 * i));
            f[28 + i] = static_cast<std::uint8_t>(b.size() >> (8 * i));
        }
        f.insert(f.end(), b.begin(), b.end());
        return set_crc(f);
    };
    int errors = 0;
    for (std::size_t cut = 0; cut < body.size(); ++cut) {
        auto r = decode_basemap(with_body({body.begin(), body.begin() + static_cast<long>(cut)}), "cut.bkmap");
        if (!r) {
            ++errors;
            CHECK(r.error().message.find("body offset") != std::string::npos);
        }
    }
    for (std::size_t i = 0; i < body.size(); ++i) {
        auto b = body;
        b[i] ^= 0xff;
        auto r = decode_basemap(with_body(b), "flip.bkmap");  // must not crash or over-allocate
        if (!r) ++errors;
    }
    CHECK(errors > static_cast<int>(body.size()));  // nearly every cut is caught
}
