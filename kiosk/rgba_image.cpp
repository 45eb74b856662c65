#include "kiosk/rgba_image.hpp"

#include <cstring>

// Static, private copies of stb so they never clash with the map module's own stb_image TU.
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_MAX_DIMENSIONS 16384
#include <stb_image.h>
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

namespace bk::kiosk {

std::expected<RgbaImage, std::string> read_png(const std::string& path) {
    int w = 0, h = 0, channels = 0;
    stbi_uc* pixels = stbi_load(path.c_str(), &w, &h, &channels, 4);
    if (pixels == nullptr) {
        return std::unexpected("cannot read PNG " + path + ": " + stbi_failure_reason());
    }
    RgbaImage image{w, h, {}};
    image.rgba.assign(pixels, pixels + static_cast<std::size_t>(w) * h * 4);
    stbi_image_free(pixels);
    return image;
}

std::expected<void, std::string> write_png(const RgbaImage& image, const std::string& path) {
    if (image.width_px <= 0 || image.height_px <= 0 ||
        image.rgba.size() != static_cast<std::size_t>(image.width_px) * image.height_px * 4) {
        return std::unexpected("cannot write PNG " + path + ": image size " + std::to_string(image.width_px) +
                               "x" + std::to_string(image.height_px) + " does not match its " +
                               std::to_string(image.rgba.size()) + " bytes");
    }
    if (stbi_write_png(path.c_str(), image.width_px, image.height_px, 4, image.rgba.data(),
                       image.width_px * 4) == 0) {
        return std::unexpected("cannot write PNG " + path + ": stbi_write_png failed (folder missing or full?)");
    }
    return {};
}

}  // namespace bk::kiosk
