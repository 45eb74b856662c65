// png_palette — writes an opaque image as an 8-bit paletted PNG (colour type 3), our own small encoder.
//
// Why: the basemap style has few colours (land, water, green, road fills and casings, label ink); with
// anti-aliasing a tile still has at most a few thousand distinct colours, and a 256-colour palette chosen by
// median cut (weighted by pixel count) keeps edges smooth while the file is about half of 24-bit RGB.
// A tile with <= 256 distinct colours is stored exactly. Deterministic: same pixels -> same bytes.
// Usage: auto png = encode_paletted_png(data, width, height, stride_bytes);  // cairo RGB24/ARGB32 surface data
// Limits: alpha is ignored (tiles are opaque); width, height <= 16384. Threads: pure function, any thread.
#pragma once
#include <cstdint>
#include <vector>

namespace bk::map::basemap {

// `xrgb`: rows of native-endian 32-bit pixels 0x00RRGGBB (cairo's RGB24 layout), `stride` bytes apart.
std::vector<std::uint8_t> encode_paletted_png(const std::uint8_t* xrgb, int width, int height, int stride);

// Number of palette entries in a PNG written by encode_paletted_png (0 when it is not one): for tests.
int png_palette_size(const std::vector<std::uint8_t>& png);

}  // namespace bk::map::basemap
