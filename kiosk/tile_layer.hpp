// TileLayer — draws the basemap: a thin main-thread adapter over bk::map::TileLayer, which fetches
// (offline folder, or HTTP with a disk cache honouring Cache-Control/ETag) and decodes tiles on
// WORKER threads and plans parent/children fallback so the map never shows holes while tiles load.
// Here: each draw takes the frame's arrived tiles, uploads them as textures (at most `max_uploads`
// per draw), destroys textures of evicted tiles and turns the plan into whole-pixel MapBlits.
// Usage:
//   TileLayer layer(textures, map::pdok_brt_source(map::PdokLayer::Grijs), default_tile_cache_dir(), wake);
//   TileLayer offline(textures, "/path/to/tiles/offline");        // folder {z}/{x}/{y}.png
//   each frame: layer.draw(camera, frame.blits, 8); the platform copies the blits, then ImGui on top;
//   layer.complete(): every visible tile drawn at its own zoom (tiles the source cannot deliver —
//   absent files, HTTP errors — count as done until their retry); layer.set_source(info) switches.
// Limits: the decoded cache and the texture map hold at most kMaxTextures tiles (LRU, in map/).
// Textures are destroyed only at the start of draw() (evicted tiles), before anything is drawn: a
// texture drawn this frame lives until after its render.
// Threads: main thread only (owns textures), except set_notify(), which any thread may call. The
// notify callback runs on worker threads after each result: it must be thread-safe and quick.
#pragma once
#include <chrono>
#include <cstdint>
#include <deque>
#include <expected>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "kiosk/host/settings.hpp"
#include "kiosk/map_camera.hpp"
#include "kiosk/texture_store.hpp"
#include "map/tile_layer.hpp"

namespace bk::kiosk {

class TileLayer final {
public:
    static constexpr std::size_t kMaxTextures = 192;  // 48 MiB of 256x256 RGBA: >4 screens of 1080p tiles at one zoom
    static constexpr std::size_t kResultsPerFrame = 8;  // decoded tiles taken from the workers per draw
    using Notify = std::function<void()>;

    // Offline folder laid out {folder}/{z}/{x}/{y}.png (no disk cache, no wake callback).
    TileLayer(TextureStore& textures, std::string folder);
    // Any source; `cache_dir` holds the HTTP disk cache (cache_dir / source.id).
    TileLayer(TextureStore& textures, map::TileSourceInfo source, std::filesystem::path cache_dir, Notify notify = {});
    // No source yet (has_tiles() is false until set_source() succeeds).
    TileLayer(TextureStore& textures, std::filesystem::path cache_dir, Notify notify = {});
    ~TileLayer();
    TileLayer(const TileLayer&) = delete;
    TileLayer& operator=(const TileLayer&) = delete;

    // Uploads arrived tiles (at most max_uploads) and appends this frame's tile rectangles to `out`.
    void draw(const MapCamera& camera, std::vector<MapBlit>& out, int max_uploads);
    bool complete() const { return complete_; }        // last draw had every tile at its own zoom
    bool has_tiles() const { return layer_ != nullptr; }  // a usable source (an offline folder with levels)
    // Only the workers are busy: nothing more to draw until one reports (its notify wakes the loop).
    bool loading() const { return is_loading() && !needs_redraw(); }
    std::size_t texture_count() const { return textures_by_key_.size(); }
    const std::string& folder() const { return folder_; }  // offline root, or the URL template
    int min_z() const { return source_.min_zoom; }
    int max_z() const { return source_.max_zoom; }

    // Switches to another source when it differs from the current one (textures are dropped).
    // On failure the current source stays and the error is returned (and kept in last_error()).
    std::expected<void, std::string> set_source(const map::TileSourceInfo& source);
    const map::TileSourceInfo& source() const { return source_; }
    std::string attribution() const { return map::attribution_text(source_); }
    bool is_loading() const { return layer_ && layer_->is_loading(); }
    // True while the next draw can show more without waiting for a worker: uploads queued, tiles
    // on screen whose textures are not made yet, or finished results left for the next frame (the
    // workers' notify fired for those already, so nothing else would wake the loop).
    bool needs_redraw() const { return !upload_queue_.empty() || missing_textures_ || results_left_; }
    void set_notify(Notify notify);  // any thread
    // Blocks until a worker reported a result after the last draw, or `timeout` passed (tests, screenshots).
    bool wait_for_results(std::chrono::milliseconds timeout);
    const std::string& last_error() const { return last_error_; }
    std::uint64_t error_count() const { return error_count_; }

private:
    struct Wake;  // notify callback + counter, shared with the workers
    std::expected<void, std::string> build(const map::TileSourceInfo& source);
    void drop_textures();

    TextureStore& store_;
    std::filesystem::path cache_dir_;
    std::shared_ptr<Wake> wake_;
    map::TileSourceInfo requested_;  // what set_source() was last asked for (to skip repeats)
    bool requested_once_ = false;
    std::string request_error_;      // why building requested_ failed ("" = it is the active source)
    map::TileSourceInfo source_;     // active source (zoom range narrowed to the folder's levels)
    std::unique_ptr<map::TileLayer> layer_;
    std::vector<std::thread> retiring_;  // each destroys a replaced layer (joins its workers)
    std::string folder_;
    std::unordered_map<map::TileId, ImTextureID> textures_by_key_;
    std::deque<map::TileId> upload_queue_;  // arrived, decoded, texture not made yet
    std::uint64_t results_seen_ = 0;
    bool missing_textures_ = false;
    bool results_left_ = false;  // the last frame took the per-frame maximum of results
    bool complete_ = false;
    std::string last_error_;
    std::uint64_t error_count_ = 0;
    bool error_logged_ = false;  // the active source's first tile error went to stderr
};

// Where HTTP tiles are cached: $XDG_CACHE_HOME/buurtkaart/tiles, ~/.cache/buurtkaart/tiles, else a temp dir.
std::filesystem::path default_tile_cache_dir();
// `kiosk --tiles` value: offline | pdok | osm | URL template ({z}/{x}/{y}; http(s) or a local path template).
std::expected<map::TileSourceInfo, std::string> tile_source_from_option(const std::string& tiles,
                                                                        const std::string& offline_dir);
// The host setting (presets: offline, PDOK standaard/grijs/pastel, OSM, custom template).
map::TileSourceInfo tile_source_from_setting(const host::TileSourceSetting& setting, const std::string& offline_dir);
// What the app shows: `--tiles` when given (cli_tiles non-empty), else the host setting.
map::TileSourceInfo choose_tile_source(const std::string& cli_tiles, const host::TileSourceSetting& setting,
                                       const std::string& offline_dir);

}  // namespace bk::kiosk
