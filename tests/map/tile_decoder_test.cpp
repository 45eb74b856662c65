#include "map/tile_decoder.hpp"
#include "map_test_support.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

using namespace bk::map;

TEST_CASE("decodes a 256x256 PNG to RGBA8 with the pixel colour intact") {
    const auto png = test::make_png(256, 256, 10, 200, 30);
    auto img = decode_tile(png, "16/1/2");
    REQUIRE(img.has_value());
    CHECK(img->width_px == 256);
    CHECK(img->height_px == 256);
    REQUIRE(img->rgba.size() == 256u * 256u * 4u);
    CHECK(img->rgba[0] == 10);
    CHECK(img->rgba[1] == 200);
    CHECK(img->rgba[2] == 30);
    CHECK(img->rgba[3] == 255);
}

TEST_CASE("empty input is a Decode error naming the tile") {
    auto img = decode_tile({}, "https://example.test/16/1/2.png");
    REQUIRE_FALSE(img.has_value());
    CHECK(img.error().kind == ErrorKind::Decode);
    CHECK(img.error().message == "https://example.test/16/1/2.png: empty image (0 bytes)");
}

TEST_CASE("corrupt PNG is a Decode error naming the tile, no crash") {
    auto png = test::make_png(64, 64, 1, 2, 3);
    png.resize(png.size() / 2);  // truncated in the IDAT chunk: refused before stb sees it
    auto img = decode_tile(png, "16/3/4");
    REQUIRE_FALSE(img.has_value());
    CHECK(img.error().kind == ErrorKind::Decode);
    CHECK(img.error().message.starts_with("16/3/4: a PNG chunk claims more bytes than the "));

    const std::vector<std::uint8_t> html{'<', 'h', 't', 'm', 'l', '>'};
    auto not_png = decode_tile(html, "16/5/6");
    REQUIRE_FALSE(not_png.has_value());
    CHECK(not_png.error().message.find("16/5/6: cannot decode 6 bytes: ") == 0);
    CHECK(not_png.error().message.size() > std::string("16/5/6: cannot decode 6 bytes: ").size());
}

TEST_CASE("image wider than STBI_MAX_DIMENSIONS 1024 is refused as Decode") {
    const auto png = test::make_png(1025, 1, 0, 0, 0);
    auto img = decode_tile(png, "big.png");
    REQUIRE_FALSE(img.has_value());
    CHECK(img.error().kind == ErrorKind::Decode);
    CHECK(img.error().message.find("big.png") == 0);
}

TEST_CASE("decoding on several threads at once gives the same pixels") {
    const auto png = test::make_png(256, 256, 77, 88, 99);
    std::vector<std::uint8_t> first(4), second(4);
    std::thread a([&] { auto r = decode_tile(png, "a"); first.assign(r->rgba.begin(), r->rgba.begin() + 4); });
    std::thread b([&] { auto r = decode_tile(png, "b"); second.assign(r->rgba.begin(), r->rgba.begin() + 4); });
    a.join();
    b.join();
    CHECK(first == std::vector<std::uint8_t>{77, 88, 99, 255});
    CHECK(second == first);
}

TEST_CASE("JPEG is refused without being decoded (fuzzing found undefined behaviour in stb's JPEG decoder)") {
    const std::string path = std::string(BUURTKAART_SOURCE_DIR) + "/tests/fuzz/corpus/fuzz_tile_png/repro-jpeg-huffman-ub.jpg";
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, "missing " << path);
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(bytes.size() >= 3);
    CHECK(bytes[0] == 0xFF);  // a JPEG signature
    auto img = decode_tile(bytes, "16/7/8");
    REQUIRE_FALSE(img.has_value());
    CHECK(img.error().kind == ErrorKind::Decode);
}

TEST_CASE("a small PNG that once made stb allocate 2 GiB is refused or decoded within the limits") {
    const std::string path = std::string(BUURTKAART_SOURCE_DIR) + "/tests/fuzz/corpus/fuzz_tile_png/repro-png-2gib-allocation.png";
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, "missing " << path);
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto img = decode_tile(bytes, "16/9/9");
    if (img) CHECK((img->width_px <= 1024 && img->height_px <= 1024));
    else CHECK(img.error().kind == ErrorKind::Decode);
}
