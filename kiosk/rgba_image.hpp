// RgbaImage — a plain RGBA8 picture in memory, with PNG read/write (stb_image / stb_image_write).
// Usage: auto img = read_png("a.png"); if (img) write_png(*img, "b.png");
// Any thread (no shared state; stb is used with its per-call API only). Limits: 16384 px per side.
#pragma once
#include <cstdint>
#include <expected>
#include <string>
#include <vector>

namespace bk::kiosk {

struct RgbaImage {
    int width_px = 0;
    int height_px = 0;
    std::vector<std::uint8_t> rgba;  // width_px * height_px * 4, rows top to bottom
};

std::expected<RgbaImage, std::string> read_png(const std::string& path);
std::expected<void, std::string> write_png(const RgbaImage& image, const std::string& path);

}  // namespace bk::kiosk
