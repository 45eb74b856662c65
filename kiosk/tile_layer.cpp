#include "kiosk/tile_layer.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "kiosk/rgba_image.hpp"

namespace bk::kiosk {

TileLayer::TileLayer(TextureStore& textures, std::string folder) : store_(textures), folder_(std::move(folder)) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder_, ec)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_directory() || name.empty() || name.size() > 2 ||
            !std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            continue;
        }
        const int z = std::stoi(name);
        min_z_ = std::min(min_z_, z);
        max_z_ = std::max(max_z_, z);
    }
}

TileLayer::~TileLayer() {
    for (auto& [key, entry] : textures_by_key_) store_.destroy(entry.texture);
}

ImTextureID TileLayer::find(const TileKey& key) {
    auto it = textures_by_key_.find(key);
    if (it == textures_by_key_.end()) return nullptr;
    lru_.splice(lru_.begin(), lru_, it->second.lru);
    it->second.used_frame = frame_;
    return it->second.texture;
}

bool TileLayer::load(const TileKey& key) {
    const std::string path =
        folder_ + "/" + std::to_string(key.z) + "/" + std::to_string(key.x) + "/" + std::to_string(key.y) + ".png";
    auto image = read_png(path);
    if (!image || image->width_px != 256 || image->height_px != 256) {
        missing_.insert(key);
        return false;
    }
    ImTextureID texture = store_.create_rgba(256, 256, image->rgba.data());
    if (texture == nullptr) {
        missing_.insert(key);
        return false;
    }
    lru_.push_front(key);
    textures_by_key_[key] = Entry{texture, lru_.begin(), frame_};
    return true;
}

void TileLayer::trim() {
    while (textures_by_key_.size() > kMaxTextures && !lru_.empty()) {
        const TileKey key = lru_.back();
        auto it = textures_by_key_.find(key);
        if (it->second.used_frame == frame_) break;  // everything older is gone; the rest is on screen
        lru_.pop_back();
        store_.destroy(it->second.texture);
        textures_by_key_.erase(it);
    }
}

void TileLayer::draw(const MapCamera& cam, ImDrawList* dl, int max_uploads) {
    complete_ = false;
    ++frame_;
    if (!has_tiles()) return;
    const int z = std::clamp(static_cast<int>(std::lround(cam.zoom())), min_z_, max_z_);
    const double tile_px = 256.0 * std::exp2(cam.zoom() - z);  // screen px per tile
    const double world = 256.0 * std::exp2(cam.zoom());
    const double left_world = cam.center_u() * world - cam.w_px() / 2;
    const double top_world = cam.center_v() * world - cam.h_px() / 2;
    const int n = 1 << z;
    const int x0 = std::max(0, static_cast<int>(std::floor(left_world / tile_px)));
    const int y0 = std::max(0, static_cast<int>(std::floor(top_world / tile_px)));
    const int x1 = std::min(n - 1, static_cast<int>(std::floor((left_world + cam.w_px()) / tile_px)));
    const int y1 = std::min(n - 1, static_cast<int>(std::floor((top_world + cam.h_px()) / tile_px)));

    // Centre tiles first, so the middle of the screen fills in before the edges.
    std::vector<TileKey> visible;
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) visible.push_back({z, x, y});
    const double cx = (x0 + x1) / 2.0, cy = (y0 + y1) / 2.0;
    std::sort(visible.begin(), visible.end(), [&](const TileKey& a, const TileKey& b) {
        return std::hypot(a.x - cx, a.y - cy) < std::hypot(b.x - cx, b.y - cy);
    });

    bool all = true;
    int uploads = 0;
    dl->PushClipRect(ImVec2(static_cast<float>(cam.x_px()), static_cast<float>(cam.y_px())),
                     ImVec2(static_cast<float>(cam.x_px() + cam.w_px()), static_cast<float>(cam.y_px() + cam.h_px())),
                     true);
    for (const TileKey& key : visible) {
        const float sx = static_cast<float>(cam.x_px() + key.x * tile_px - left_world);
        const float sy = static_cast<float>(cam.y_px() + key.y * tile_px - top_world);
        // Round edges to whole pixels so neighbouring tiles never leave hairline gaps.
        const ImVec2 p0(std::floor(sx), std::floor(sy));
        const ImVec2 p1(std::floor(sx + static_cast<float>(tile_px)) + 0.0f,
                        std::floor(sy + static_cast<float>(tile_px)) + 0.0f);
        ImTextureID tex = find(key);
        if (tex == nullptr && !missing_.contains(key) && uploads < max_uploads) {
            ++uploads;
            if (load(key)) tex = find(key);
        }
        if (tex != nullptr) {
            dl->AddImage(tex, p0, p1);
            continue;
        }
        if (!missing_.contains(key)) all = false;
        // Fallback: the nearest loaded ancestor, cropped to this tile's part of it.
        for (int up = 1; up <= key.z - min_z_; ++up) {
            const TileKey parent{key.z - up, key.x >> up, key.y >> up};
            ImTextureID ptex = find(parent);
            if (ptex == nullptr) continue;
            const float span = 1.0f / static_cast<float>(1 << up);
            const float u0 = static_cast<float>(key.x - (parent.x << up)) * span;
            const float v0 = static_cast<float>(key.y - (parent.y << up)) * span;
            dl->AddImage(ptex, p0, p1, ImVec2(u0, v0), ImVec2(u0 + span, v0 + span));
            break;
        }
    }
    dl->PopClipRect();
    trim();
    complete_ = all;
}

}  // namespace bk::kiosk
