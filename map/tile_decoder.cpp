#include "map/tile_decoder.hpp"

#include <algorithm>
#include <cstdint>

#include "map/str_cat.hpp"

#include <stb_image.h>

#include <climits>
#include <cstring>
#include <memory>

namespace bk::map {

namespace {
// Every PNG chunk must lie inside the bytes we have: stb_image sizes its IDAT buffer from the chunk
// lengths a file claims (doubling up to 2 GiB) before it reads the data, so a 64 KB tile claiming a
// 1 GiB chunk made it allocate 2 GiB (found by fuzzing). Non-PNG input is left to stb (it refuses it).
bool png_chunks_fit(std::span<const std::uint8_t> b) {
    static constexpr std::uint8_t sig[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (b.size() < 8 || !std::equal(std::begin(sig), std::end(sig), b.begin())) return true;
    std::size_t pos = 8;
    while (pos + 8 <= b.size()) {
        const std::uint64_t len = (std::uint64_t(b[pos]) << 24) | (std::uint64_t(b[pos + 1]) << 16) |
                                  (std::uint64_t(b[pos + 2]) << 8) | std::uint64_t(b[pos + 3]);
        if (len + 12 > b.size() - pos) return false;  // length + type + data + CRC beyond the end
        pos += std::size_t(len) + 12;
    }
    return true;
}
}  // namespace

std::expected<DecodedImage, Error> decode_tile(std::span<const std::uint8_t> bytes, std::string_view what) {
    if (bytes.empty()) return std::unexpected(Error{ErrorKind::Decode, str_cat(what, ": empty image (0 bytes)")});
    if (!png_chunks_fit(bytes))
        return std::unexpected(Error{ErrorKind::Decode, str_cat(what, ": a PNG chunk claims more bytes than the ",
                                                                 bytes.size(), " there are (truncated or hostile)")});
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
