// Fuzz target: tile image decode (map/tile_decoder.hpp, stb_image with the project's limits), as the
// tile workers decode whatever a tile server or the disk cache hands them.
#include "fuzz_support.hpp"
#include "map/tile_decoder.hpp"

BK_FUZZ_ENTRY {
    auto img = bk::map::decode_tile(std::span<const std::uint8_t>(data, size), "fuzz.png");
    if (!img) return 0;
    bk_fuzz::require(img->width_px > 0 && img->height_px > 0 && img->width_px <= 1024 && img->height_px <= 1024,
                     "decoded size within STBI_MAX_DIMENSIONS");
    bk_fuzz::require(img->rgba.size() == std::size_t(img->width_px) * std::size_t(img->height_px) * 4,
                     "decoded buffer is width*height*4 bytes");
    return 0;
}
