// TileLayer — draws the basemap: visible tiles of the current zoom as textures, with ancestor
// fallback (a parent tile's quarter, scaled up) so the map never shows holes while tiles load.
// Tiles come from a folder laid out {dir}/{z}/{x}/{y}.png (the basemap helper's offline bake).
// Usage: TileLayer layer(textures, dir); each frame: layer.draw(camera, ImGui::GetBackgroundDrawList(), 6);
//        layer.complete() tells whether every visible tile was drawn at its own zoom.
// Limits: at most `max_uploads` decodes+uploads per draw (keeps frames short); LRU keeps
// kMaxTextures textures. Zooms outside the folder's levels are over/under-zoomed from the nearest.
// Main thread only (owns textures).
#pragma once
#include <cstdint>
#include <list>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "kiosk/map_camera.hpp"
#include "kiosk/texture_store.hpp"
#include "kiosk/tile_layer_base.hpp"

namespace bk::kiosk {

struct TileKey {
    int z = 0, x = 0, y = 0;
    auto operator<=>(const TileKey&) const = default;
};

class TileLayer final : public BaseTileLayer {
public:
    static constexpr std::size_t kMaxTextures = 160;

    TileLayer(TextureStore& textures, std::string folder);
    ~TileLayer() override;
    TileLayer(const TileLayer&) = delete;
    TileLayer& operator=(const TileLayer&) = delete;

    void draw(const MapCamera& camera, ImDrawList* draw_list, int max_uploads) override;
    bool complete() const override { return complete_; }        // last draw had every tile at its own zoom
    bool has_tiles() const override { return min_z_ <= max_z_; }  // the folder holds any level
    bool loading() const override { return false; }  // synchronous: nothing in flight
    std::size_t texture_count() const override { return textures_by_key_.size(); }
    std::string attribution() const override { return "\xC2\xA9 OpenStreetMap-bijdragers"; }
    const std::string& folder() const { return folder_; }
    int min_z() const { return min_z_; }
    int max_z() const { return max_z_; }

private:
    struct Entry {
        ImTextureID texture = nullptr;
        std::list<TileKey>::iterator lru;
        std::uint64_t used_frame = 0;  // textures drawn this frame are never evicted before render
    };
    ImTextureID find(const TileKey& key);  // loaded texture or nullptr; touches LRU
    bool load(const TileKey& key);         // false when the file is missing/broken
    void trim();

    TextureStore& store_;
    std::string folder_;
    int min_z_ = 99, max_z_ = -1;
    std::map<TileKey, Entry> textures_by_key_;
    std::list<TileKey> lru_;
    std::set<TileKey> missing_;
    bool complete_ = false;
    std::uint64_t frame_ = 0;
};

}  // namespace bk::kiosk
