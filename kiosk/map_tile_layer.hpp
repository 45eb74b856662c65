// MapTileLayer — the basemap through the map helper's pipeline: a TileSource (HTTP with disk cache,
// or a local folder), TileScheduler workers that fetch + decode (stb) off the main thread, a
// DecodedTileCache of RGBA bytes, and plan_draw's parent/children fallback. The main thread turns
// cached bytes into textures (capped per frame, dropped when the cache evicts the tile).
// Usage: auto l = MapTileLayer::create(textures, info, cache_root, wake); each frame: l->draw(cam, dl, 6);
// `wake` runs on worker threads (SDL_PushEvent) so the loop draws as soon as a tile is ready.
// Main thread only, except `wake`.
#pragma once
#include <expected>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "kiosk/texture_store.hpp"
#include "kiosk/tile_layer_base.hpp"
#include "map/decoded_tile_cache.hpp"
#include "map/tile_scheduler.hpp"
#include "map/tile_source_info.hpp"

namespace bk::kiosk {

class MapTileLayer final : public BaseTileLayer {
public:
    static std::expected<std::unique_ptr<MapTileLayer>, std::string> create(TextureStore& textures,
                                                                            const map::TileSourceInfo& info,
                                                                            const std::string& cache_root,
                                                                            std::function<void()> wake);
    ~MapTileLayer() override;

    void draw(const MapCamera& camera, ImDrawList* draw_list, int max_uploads) override;
    bool complete() const override { return complete_; }
    bool has_tiles() const override { return true; }
    bool loading() const override { return scheduler_ && scheduler_->pending_count() > 0; }
    std::size_t texture_count() const override { return textures_.size(); }
    std::string attribution() const override { return map::attribution_text(info_); }

private:
    MapTileLayer(TextureStore& store, map::TileSourceInfo info) : store_(store), info_(std::move(info)) {}
    TextureStore& store_;
    map::TileSourceInfo info_;
    std::unique_ptr<map::TileSource> source_;
    map::DecodedTileCache cache_{48u << 20};
    std::unordered_map<map::TileId, ImTextureID> textures_;
    std::unique_ptr<map::TileScheduler> scheduler_;  // last: workers stop before the rest goes
    bool complete_ = false;
};

// The source for a --tiles / settings value: "offline", "pdok", "osm" or an http(s) template.
map::TileSourceInfo tile_source_info_for(const std::string& tiles, const std::string& offline_dir);

}  // namespace bk::kiosk
