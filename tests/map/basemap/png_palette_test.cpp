// Tests map/basemap/png_palette.hpp: exact round trip for few colours, a close palette for many, decoded by
// the kiosk's own tile decoder (stb_image); the build's baked tiles are paletted PNGs.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "map/basemap/png_palette.hpp"
#include "map/tile_decoder.hpp"

using namespace bk::map::basemap;

namespace {

std::vector<std::uint8_t> image(int w, int h, auto colour_of) {
    std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * h * 4);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const std::uint32_t c = colour_of(x, y);
            std::memcpy(&px[(static_cast<std::size_t>(y) * w + x) * 4], &c, 4);
        }
    return px;
}

std::array<int, 3> rgb_at(const bk::map::DecodedImage& img, int x, int y) {
    const auto* p = &img.rgba[(static_cast<std::size_t>(y) * img.width_px + x) * 4];
    return {p[0], p[1], p[2]};
}

}  // namespace

TEST_CASE("a tile with few colours is stored exactly and decodes to the same pixels") {
    const std::uint32_t colours[] = {0xF4F1EA, 0x9CC7EA, 0xFFFFFF, 0x4A4744};
    const auto px = image(256, 256, [&](int x, int y) { return colours[(x / 7 + y / 5) % 4]; });
    const auto png = encode_paletted_png(px.data(), 256, 256, 256 * 4);
    CHECK(png_palette_size(png) == 4);
    auto img = bk::map::decode_tile(png, "few.png");
    REQUIRE_MESSAGE(img.has_value(), img.error().message);
    REQUIRE(img->width_px == 256);
    for (int y = 0; y < 256; y += 3)
        for (int x = 0; x < 256; x += 3) {
            const std::uint32_t c = colours[(x / 7 + y / 5) % 4];
            CHECK(rgb_at(*img, x, y) == std::array<int, 3>{int(c >> 16), int((c >> 8) & 0xff), int(c & 0xff)});
        }
    CHECK(encode_paletted_png(px.data(), 256, 256, 256 * 4) == png);  // deterministic
}

TEST_CASE("a tile with 65536 colours gets a 256-colour palette that stays close to every pixel") {
    const auto px = image(256, 256, [](int x, int y) { return (std::uint32_t(x) << 16) | (std::uint32_t(y) << 8) | 0x80; });
    const auto png = encode_paletted_png(px.data(), 256, 256, 256 * 4);
    CHECK(png_palette_size(png) == 256);
    auto img = bk::map::decode_tile(png, "many.png");
    REQUIRE(img.has_value());
    int worst = 0;
    for (int y = 0; y < 256; ++y)
        for (int x = 0; x < 256; ++x) {
            const auto p = rgb_at(*img, x, y);
            worst = std::max({worst, std::abs(p[0] - x), std::abs(p[1] - y), std::abs(p[2] - 0x80)});
        }
    CHECK(worst <= 12);  // 256 boxes over a 256x256 gradient: 16x16 cells, centre within 8 + rounding
}

TEST_CASE("the build's baked tiles are 8-bit paletted PNGs") {
    const std::filesystem::path tile = std::filesystem::path{BUURTKAART_OFFLINE_TILES_DIR} / "16" / "33578" / "21674.png";
    std::ifstream in{tile, std::ios::binary};
    REQUIRE_MESSAGE(in, tile.string());
    std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
    CHECK(png_palette_size(bytes) > 8);
    auto img = bk::map::decode_tile(bytes, tile.string());
    REQUIRE(img.has_value());
    CHECK(img->width_px == 256);
}
