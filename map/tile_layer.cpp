#include "map/tile_layer.hpp"

namespace bk::map {

std::expected<std::unique_ptr<TileLayer>, Error> TileLayer::create(TileSourceInfo info,
                                                                   const std::filesystem::path& cache_root,
                                                                   TileLayerOptions options) {
    auto source = make_tile_source(info, cache_root);
    if (!source) return std::unexpected(source.error());
    return std::make_unique<TileLayer>(std::move(info), std::move(*source), std::move(options));
}

TileLayer::TileLayer(TileSourceInfo info, std::unique_ptr<TileSource> source, TileLayerOptions options)
    : info_(std::move(info)),
      options_(std::move(options)),
      source_(std::move(source)),
      cache_(options_.cache_bytes),
      scheduler_(*source_, TileSchedulerOptions{options_.threads, options_.notify, std::chrono::milliseconds(15000)}) {
    cache_.set_on_evict([this](TileId id) { evicted_.push_back(id); });
}

FrameTiles TileLayer::frame(const Viewport& view) {
    FrameTiles out;
    for (TileResult& r : scheduler_.poll(options_.max_results_per_frame)) {
        if (!r.image) {
            out.errors.push_back(std::move(r.image.error()));
            continue;
        }
        if (cache_.put(r.id, std::move(*r.image))) out.arrived.push_back(r.id);
    }
    out.plan = plan_draw(view, cache_, info_.min_zoom, info_.max_zoom);
    scheduler_.request(out.plan.to_request);
    // A tile evicted and re-added in the same frame is both destroyed and uploaded again: keep
    // the lists in that order (evicted first) and the texture map stays right.
    out.evicted = std::move(evicted_);
    evicted_.clear();
    return out;
}

}  // namespace bk::map
