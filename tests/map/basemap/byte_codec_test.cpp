// Tests map/basemap/byte_codec.hpp: varint and zigzag edges, and refusal to read past the end.
#include <doctest/doctest.h>

#include <limits>

#include "map/basemap/byte_codec.hpp"

using namespace bk::map::basemap;

TEST_CASE("varints and zigzag varints round-trip at their edges") {
    ByteWriter w;
    const std::uint64_t u[] = {0, 1, 127, 128, 300, 16383, 16384, std::numeric_limits<std::uint64_t>::max()};
    const std::int64_t s[] = {0, -1, 1, -64, 64, std::numeric_limits<std::int64_t>::min(),
                              std::numeric_limits<std::int64_t>::max()};
    for (auto v : u) w.put_varint(v);
    for (auto v : s) w.put_svarint(v);
    CHECK(w.bytes()[2] == 0x7f);  // 127 is one byte
    ByteReader r{w.bytes()};
    for (auto v : u) CHECK(r.get_varint() == v);
    for (auto v : s) CHECK(r.get_svarint() == v);
    CHECK(r.at_end());
}

TEST_CASE("reader stops at the end of data and keeps its offset on a cut varint") {
    const std::uint8_t cut[] = {0x05, 0x80, 0x80};  // 5, then a varint whose last byte is missing
    ByteReader r{cut};
    CHECK(r.get_varint() == 5u);
    CHECK_FALSE(r.get_varint().has_value());
    CHECK(r.offset() == 1);
    CHECK_FALSE(r.get_u32().has_value());
    CHECK_FALSE(r.get_bytes(3).has_value());
}

TEST_CASE("a varint longer than 10 bytes is malformed") {
    std::vector<std::uint8_t> bad(11, 0x80);
    bad.push_back(0);
    ByteReader r{bad};
    CHECK_FALSE(r.get_varint().has_value());
}
