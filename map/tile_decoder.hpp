// Tile decoding — PNG bytes to RGBA8 with stb_image, from memory, on worker threads.
//
// Usage (worker):
//   std::expected<DecodedImage, Error> img = decode_tile(bytes, "https://…/16/33578/21674.png");
//   // img->rgba.size() == width_px * height_px * 4, rows top to bottom
// Limits: STBI_MAX_DIMENSIONS is 1024 (stb_image_impl.cpp); inputs over kMaxEncodedTileBytes are
// refused. Corrupt, empty or oversized input -> ErrorKind::Decode naming `what` and stb's reason.
// Threads: any thread, concurrently; only stb's per-thread settings are touched
// (stbi_set_flip_vertically_on_load_thread), and stbi_failure_reason is thread-local.
#pragma once

#include "map/error.hpp"

#include <cstdint>
#include <expected>
#include <span>
#include <string_view>
#include <vector>

namespace bk::map {

inline constexpr std::size_t kMaxEncodedTileBytes = 8u << 20;

struct DecodedImage {
    int width_px = 0;
    int height_px = 0;
    std::vector<std::uint8_t> rgba;  // RGBA8, row-major, top row first
    std::size_t byte_size() const { return rgba.size(); }
};

std::expected<DecodedImage, Error> decode_tile(std::span<const std::uint8_t> bytes, std::string_view what);

}  // namespace bk::map
