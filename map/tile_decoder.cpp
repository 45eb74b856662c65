#include "map/tile_decoder.hpp"

#include "map/str_cat.hpp"

#include <stb_image.h>

#include <climits>
#include <cstring>
#include <memory>

namespace bk::map {

std::expected<DecodedImage, Error> decode_tile(std::span<const std::uint8_t> bytes, std::string_view what) {
    if (bytes.empty()) return std::unexpected(Error{ErrorKind::Decode, str_cat(what, ": empty image (0 bytes)")});
    if (bytes.size() > kMaxEncodedTileBytes || bytes.size() > std::size_t(INT_MAX)) {
        return std::unexpected(Error{ErrorKind::Decode, str_cat(what, ": ", bytes.size(), " bytes, expected at most ",
                                                                kMaxEncodedTileBytes)});
    }
    stbi_set_flip_vertically_on_load_thread(0);  // per-thread setting: rows top to bottom
    int w = 0, h = 0, channels = 0;
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(
        stbi_load_from_memory(bytes.data(), int(bytes.size()), &w, &h, &channels, 4), stbi_image_free);
    if (!pixels) {
        const char* reason = stbi_failure_reason();
        return std::unexpected(Error{ErrorKind::Decode, str_cat(what, ": cannot decode ", bytes.size(), " bytes: ",
                                                                reason ? reason : "unknown reason")});
    }
    if (w <= 0 || h <= 0) {
        return std::unexpected(Error{ErrorKind::Decode, str_cat(what, ": image has size ", w, "x", h)});
    }
    DecodedImage img;
    img.width_px = w;
    img.height_px = h;
    const std::size_t n = std::size_t(w) * std::size_t(h) * 4;
    img.rgba.resize(n);
    std::memcpy(img.rgba.data(), pixels.get(), n);
    return img;
}

}  // namespace bk::map
