// TileLayer — the one object the kiosk needs for the base map: owns the tile source chain for a
// TileSourceInfo, the worker pool/scheduler and the DecodedTileCache, and runs one frame step:
// take at most N decoded results into the cache, plan the draw, request what is missing.
//
// Usage (main thread):
//   auto layer = TileLayer::create(pdok_brt_source(PdokLayer::Standaard), cache_dir,
//                                  {.notify = [] { push_wake_event(); }});      // unique_ptr<TileLayer>
//   each frame:
//     FrameTiles f = (*layer)->frame(view);
//     for (TileId id : f.evicted) destroy_texture(id);
//     for (TileId id : f.arrived) upload_texture(id, *(*layer)->image(id));      // <= max_results_per_frame
//     for (const DrawItem& d : f.plan.items) draw(texture(d.tile), d.src_px, d.dst_px);
//     draw_text((*layer)->attribution());
//   sleep on events when !view.is_animating() && !(*layer)->is_loading() ... the notify wakes you.
// Every tile in the cache arrived through `arrived`, and leaves through `evicted`, so a texture map
// mirrored from these two lists always holds exactly the cached tiles.
// Threads: main thread only, except `notify`, which runs on workers (see TileWorkerPool).
#pragma once

#include "map/decoded_tile_cache.hpp"
#include "map/draw_plan.hpp"
#include "map/tile_scheduler.hpp"
#include "map/tile_source_info.hpp"
#include "map/viewport.hpp"

#include <memory>

namespace bk::map {

struct TileLayerOptions {
    int threads = 2;
    TileWorkerPool::Notify notify;
    std::size_t cache_bytes = 96u << 20;      // ~384 decoded 256x256 tiles: 2-3 screens of 1080p
    std::size_t max_results_per_frame = 4;    // caps texture uploads per frame
};

struct FrameTiles {
    DrawPlan plan;
    std::vector<TileId> arrived;   // newly decoded and cached this frame: upload their textures
    std::vector<TileId> evicted;   // dropped from the cache this frame: destroy their textures
    std::vector<Error> errors;     // fetch/decode failures that arrived this frame (for the log)
};

class TileLayer {
public:
    static std::expected<std::unique_ptr<TileLayer>, Error> create(TileSourceInfo info,
                                                                   const std::filesystem::path& cache_root,
                                                                   TileLayerOptions options = {});
    // Builds a layer on an existing source (tests, custom chains). `source` is owned.
    TileLayer(TileSourceInfo info, std::unique_ptr<TileSource> source, TileLayerOptions options);
    TileLayer(const TileLayer&) = delete;  // workers and the eviction callback point into it
    TileLayer& operator=(const TileLayer&) = delete;

    FrameTiles frame(const Viewport& view);
    const DecodedImage* image(TileId id) { return cache_.get(id); }
    const TileSourceInfo& info() const { return info_; }
    std::string attribution() const { return attribution_text(info_); }
    bool is_loading() const { return scheduler_.pending_count() > 0; }
    const DecodedTileCache& cache() const { return cache_; }
    std::uint64_t dropped_results() const { return scheduler_.dropped_count(); }

private:
    TileSourceInfo info_;
    TileLayerOptions options_;
    std::unique_ptr<TileSource> source_;
    DecodedTileCache cache_;
    std::vector<TileId> evicted_;  // filled by the cache's eviction callback
    TileScheduler scheduler_;      // after source_: its workers stop before the source goes
};

}  // namespace bk::map
