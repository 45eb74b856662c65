#include "kiosk/map_tile_layer.hpp"

#include <cmath>

#include "map/draw_plan.hpp"
#include "map/viewport.hpp"

namespace bk::kiosk {

map::TileSourceInfo tile_source_info_for(const std::string& tiles, const std::string& offline_dir) {
    if (tiles == "pdok") return map::pdok_brt_source(map::PdokLayer::Standaard);
    if (tiles == "osm") return map::osm_source();
    if (tiles.find("{z}") != std::string::npos) {
        map::TileSourceInfo info = map::osm_source(tiles);
        info.id = "custom";
        info.name = "Eigen tegelserver";
        return info;
    }
    return map::offline_source(offline_dir);
}

std::expected<std::unique_ptr<MapTileLayer>, std::string> MapTileLayer::create(TextureStore& textures,
                                                                              const map::TileSourceInfo& info,
                                                                              const std::string& cache_root,
                                                                              std::function<void()> wake) {
    std::unique_ptr<MapTileLayer> layer(new MapTileLayer(textures, info));
    auto source = map::make_tile_source(info, cache_root);
    if (!source) return std::unexpected("tile source '" + info.id + "': " + source.error().message);
    layer->source_ = std::move(*source);
    MapTileLayer* self = layer.get();
    layer->cache_.set_on_evict([self](map::TileId id) {
        if (auto it = self->textures_.find(id); it != self->textures_.end()) {
            self->store_.destroy(it->second);
            self->textures_.erase(it);
        }
    });
    layer->scheduler_ = std::make_unique<map::TileScheduler>(
        *layer->source_, map::TileSchedulerOptions{.threads = 2, .notify = std::move(wake)});
    return layer;
}

MapTileLayer::~MapTileLayer() {
    scheduler_.reset();  // join workers first
    for (auto& [id, tex] : textures_) store_.destroy(tex);
}

void MapTileLayer::draw(const MapCamera& cam, ImDrawList* dl, int max_uploads) {
    // Results from the workers (by value), a few per frame.
    for (map::TileResult& r : scheduler_->poll(static_cast<std::size_t>(max_uploads) * 2)) {
        if (r.image) cache_.put(r.id, std::move(*r.image));
    }
    map::Viewport view(map::GridPoint{cam.center_u(), cam.center_v()}, cam.zoom(),
                       map::ScreenSize{cam.w_px(), cam.h_px()},
                       map::ViewportLimits{{0, 0, 1, 1}, MapCamera::kMinZoom, MapCamera::kMaxZoom});
    const map::DrawPlan plan = map::plan_draw(view, cache_, info_.min_zoom, info_.max_zoom);
    scheduler_->request(plan.to_request);
    int uploads = 0;
    bool all = plan.to_request.empty();
    dl->PushClipRect(ImVec2(static_cast<float>(cam.x_px()), static_cast<float>(cam.y_px())),
                     ImVec2(static_cast<float>(cam.x_px() + cam.w_px()), static_cast<float>(cam.y_px() + cam.h_px())),
                     true);
    for (const map::DrawItem& d : plan.items) {
        ImTextureID tex = nullptr;
        if (auto it = textures_.find(d.tile); it != textures_.end()) {
            tex = it->second;
        } else if (uploads < max_uploads) {
            if (const map::DecodedImage* img = cache_.peek(d.tile)) {
                tex = store_.create_rgba(img->width_px, img->height_px, img->rgba.data());
                if (tex != nullptr) textures_[d.tile] = tex;
                ++uploads;
            }
        }
        if (tex == nullptr) {
            all = false;
            continue;
        }
        const float x0 = static_cast<float>(std::floor(cam.x_px() + d.dst_px.x_px));
        const float y0 = static_cast<float>(std::floor(cam.y_px() + d.dst_px.y_px));
        const float x1 = static_cast<float>(std::floor(cam.x_px() + d.dst_px.x_px + d.dst_px.w_px));
        const float y1 = static_cast<float>(std::floor(cam.y_px() + d.dst_px.y_px + d.dst_px.h_px));
        const float s = 1.0f / 256.0f;
        dl->AddImage(tex, ImVec2(x0, y0), ImVec2(x1, y1),
                     ImVec2(static_cast<float>(d.src_px.x_px) * s, static_cast<float>(d.src_px.y_px) * s),
                     ImVec2(static_cast<float>(d.src_px.x_px + d.src_px.w_px) * s,
                            static_cast<float>(d.src_px.y_px + d.src_px.h_px) * s));
        if (d.fallback) all = false;
    }
    dl->PopClipRect();
    // Complete also when nothing is in flight any more: tiles a server lacks never arrive.
    complete_ = all || (scheduler_->pending_count() == 0 && uploads == 0);
}

}  // namespace bk::kiosk
