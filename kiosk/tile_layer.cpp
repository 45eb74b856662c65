#include "kiosk/tile_layer.hpp"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

namespace bk::kiosk {

// The workers' side: counts results and forwards them to the app's wake callback.
struct TileLayer::Wake {
    std::mutex mutex;
    std::condition_variable cv;
    Notify notify;
    std::uint64_t results = 0;

    void operator()() {
        Notify f;
        {
            std::lock_guard lock(mutex);
            ++results;
            f = notify;
        }
        cv.notify_all();
        if (f) f();
    }
    std::uint64_t count() {
        std::lock_guard lock(mutex);
        return results;
    }
};

namespace {

// "<root>/{z}/{x}/{y}.png" -> "<root>" (same split as map::make_tile_source).
std::string folder_root(const std::string& tmpl) {
    const std::size_t brace = tmpl.find('{');
    const std::size_t slash = brace == std::string::npos ? std::string::npos : tmpl.rfind('/', brace);
    return slash == std::string::npos ? tmpl : tmpl.substr(0, slash);
}

// Zoom levels present as numeric sub-folders of an offline pack; min > max when there are none.
std::pair<int, int> folder_levels(const std::string& root) {
    int lo = 99, hi = -1;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(root, ec)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_directory(ec) || name.empty() || name.size() > 2 ||
            !std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            continue;
        }
        lo = std::min(lo, std::stoi(name));
        hi = std::max(hi, std::stoi(name));
    }
    return {lo, hi};
}

bool same_source(const map::TileSourceInfo& a, const map::TileSourceInfo& b) {
    return a.id == b.id && a.kind == b.kind && a.url_template == b.url_template && a.attribution == b.attribution &&
           a.min_zoom == b.min_zoom && a.max_zoom == b.max_zoom;
}

// A template that is no http(s) URL is a local folder pattern.
map::TileSourceInfo custom_source(const std::string& tmpl, const std::string& attribution) {
    map::TileSourceInfo info;
    const bool http = tmpl.starts_with("http://") || tmpl.starts_with("https://");
    char hash[32];
    std::snprintf(hash, sizeof hash, "%016zx", std::hash<std::string>{}(tmpl));
    info.id = std::string(http ? "custom-" : "folder-") + hash;  // own disk cache per URL
    info.name = tmpl;
    info.kind = http ? map::SourceKind::Http : map::SourceKind::LocalFolder;
    info.url_template = tmpl;
    info.attribution = attribution;
    if (info.attribution.empty() && http) {  // unknown licence: at least name where the map comes from
        const std::size_t host = tmpl.find("//") + 2;
        info.attribution = "Kaart: " + tmpl.substr(host, tmpl.find('/', host) - host);
    }
    info.min_zoom = 0;
    info.max_zoom = 19;
    return info;
}

}  // namespace

TileLayer::TileLayer(TextureStore& textures, std::string folder)
    : TileLayer(textures, map::offline_source(folder), std::filesystem::path()) {
    folder_ = std::move(folder);
}

TileLayer::TileLayer(TextureStore& textures, map::TileSourceInfo source, std::filesystem::path cache_dir, Notify notify)
    : TileLayer(textures, std::move(cache_dir), std::move(notify)) {
    if (auto ok = set_source(source); !ok) std::fprintf(stderr, "kiosk: tiles: %s\n", ok.error().c_str());
}

TileLayer::TileLayer(TextureStore& textures, std::filesystem::path cache_dir, Notify notify)
    : store_(textures), cache_dir_(std::move(cache_dir)), wake_(std::make_shared<Wake>()) {
    wake_->notify = std::move(notify);
}

TileLayer::~TileLayer() {
    layer_.reset();  // joins the workers
    for (std::thread& t : retiring_) t.join();
    drop_textures();
}

void TileLayer::drop_textures() {
    for (auto& [id, texture] : textures_by_key_) store_.destroy(texture);
    textures_by_key_.clear();
    upload_queue_.clear();
}

void TileLayer::set_notify(Notify notify) {
    std::lock_guard lock(wake_->mutex);
    wake_->notify = std::move(notify);
}

std::expected<void, std::string> TileLayer::set_source(const map::TileSourceInfo& source) {
    if (requested_once_ && same_source(source, requested_)) {
        if (request_error_.empty()) return {};
        return std::unexpected(request_error_);  // asked again for the source that failed: no retry each frame
    }
    requested_ = source;
    requested_once_ = true;
    auto ok = build(source);
    request_error_ = ok ? std::string() : ok.error();
    if (!ok) {
        last_error_ = ok.error();
        ++error_count_;
    }
    return ok;
}

std::expected<void, std::string> TileLayer::build(const map::TileSourceInfo& requested) {
    map::TileSourceInfo info = requested;
    if (info.kind == map::SourceKind::LocalFolder) {
        const std::string root = folder_root(info.url_template);
        const auto [lo, hi] = folder_levels(root);
        if (lo > hi) return std::unexpected("tile folder '" + root + "' holds no zoom level folders");
        info.min_zoom = std::max(info.min_zoom, lo);
        info.max_zoom = std::min(info.max_zoom, hi);
        if (info.min_zoom > info.max_zoom) {
            return std::unexpected("tile folder '" + root + "' has levels " + std::to_string(lo) + "-" +
                                   std::to_string(hi) + ", expected some within " + std::to_string(requested.min_zoom) +
                                   "-" + std::to_string(requested.max_zoom));
        }
    }
    std::filesystem::path cache = cache_dir_.empty() ? default_tile_cache_dir() : cache_dir_;
    map::TileLayerOptions options;
    options.threads = 2;
    options.notify = [wake = wake_] { (*wake)(); };
    options.cache_bytes = kMaxTextures * map::kTileSizePx * map::kTileSizePx * 4;
    options.max_results_per_frame = kResultsPerFrame;
    auto layer = map::TileLayer::create(info, cache, std::move(options));
    if (!layer) return std::unexpected(layer.error().message);
    // The old layer's workers may sit in an HTTP fetch (up to its timeout): let them stop off the
    // main thread, so switching sources in the host screen never freezes the UI.
    if (layer_) retiring_.emplace_back([old = std::move(layer_)]() mutable { old.reset(); });
    drop_textures();
    layer_ = std::move(*layer);
    source_ = std::move(info);
    folder_ = source_.kind == map::SourceKind::LocalFolder ? folder_root(source_.url_template) : source_.url_template;
    last_error_.clear();
    error_logged_ = false;
    complete_ = false;
    return {};
}

bool TileLayer::wait_for_results(std::chrono::milliseconds timeout) {
    std::unique_lock lock(wake_->mutex);
    return wake_->cv.wait_for(lock, timeout, [&] { return wake_->results > results_seen_; });
}

void TileLayer::draw(const MapCamera& cam, std::vector<MapBlit>& out, int max_uploads) {
    complete_ = false;
    missing_textures_ = false;
    results_left_ = false;
    if (!layer_) return;
    results_seen_ = wake_->count();
    map::FrameTiles f = layer_->frame(cam.viewport());
    results_left_ = f.arrived.size() + f.errors.size() >= kResultsPerFrame;  // more may wait in the pool

    // Mirror the decoded cache: evicted first (a tile may leave and come back in one frame).
    for (const map::TileId& id : f.evicted) {
        if (auto it = textures_by_key_.find(id); it != textures_by_key_.end()) {
            store_.destroy(it->second);
            textures_by_key_.erase(it);
        }
        std::erase(upload_queue_, id);
    }
    for (const map::TileId& id : f.arrived) upload_queue_.push_back(id);
    for (int n = 0; n < max_uploads && !upload_queue_.empty(); ++n) {
        const map::TileId id = upload_queue_.front();
        upload_queue_.pop_front();
        const map::DecodedImage* img = layer_->image(id);
        if (img == nullptr || textures_by_key_.contains(id)) continue;
        if (ImTextureID t = store_.create_opaque(img->width_px, img->height_px, img->rgba.data())) {
            textures_by_key_.emplace(id, t);
        }
    }
    for (const map::Error& e : f.errors) {
        // Absent files at the pack's edge come back every retry: log each source's first only, count the rest.
        if (!error_logged_) std::fprintf(stderr, "kiosk: tiles: %s (further tile errors counted only)\n", e.message.c_str());
        error_logged_ = true;
        last_error_ = e.message;
        ++error_count_;
    }

    const double ox = cam.x_px(), oy = cam.y_px();
    for (const map::DrawItem& d : f.plan.items) {
        auto it = textures_by_key_.find(d.tile);
        if (it == textures_by_key_.end()) {  // decoded, texture still queued (or its upload failed)
            missing_textures_ = true;
            continue;
        }
        // Whole pixels: edges rounded down so neighbouring tiles never leave hairline gaps, and an
        // unscaled tile is a straight copy.
        MapBlit b;
        b.texture = it->second;
        b.dst_x = static_cast<int>(std::floor(ox + d.dst_px.x_px));
        b.dst_y = static_cast<int>(std::floor(oy + d.dst_px.y_px));
        b.dst_w = static_cast<int>(std::floor(ox + d.dst_px.x_px + d.dst_px.w_px)) - b.dst_x;
        b.dst_h = static_cast<int>(std::floor(oy + d.dst_px.y_px + d.dst_px.h_px)) - b.dst_y;
        b.src_x = static_cast<int>(std::lround(d.src_px.x_px));
        b.src_y = static_cast<int>(std::lround(d.src_px.y_px));
        b.src_w = std::max(1, static_cast<int>(std::lround(d.src_px.w_px)));
        b.src_h = std::max(1, static_cast<int>(std::lround(d.src_px.h_px)));
        if (b.dst_w > 0 && b.dst_h > 0) out.push_back(b);
    }
    // Every requested tile either arrived or failed (not pending any more); failed ones are retried later.
    complete_ = !missing_textures_ && upload_queue_.empty() && !results_left_ && !layer_->is_loading();
}

std::filesystem::path default_tile_cache_dir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && xdg[0] == '/') {
        return std::filesystem::path(xdg) / "buurtkaart" / "tiles";
    }
    if (const char* home = std::getenv("HOME"); home != nullptr && home[0] == '/') {
        return std::filesystem::path(home) / ".cache" / "buurtkaart" / "tiles";
    }
    std::error_code ec;
    const auto tmp = std::filesystem::temp_directory_path(ec);
    return (ec ? std::filesystem::path("/tmp") : tmp) / "buurtkaart-tiles";
}

std::expected<map::TileSourceInfo, std::string> tile_source_from_option(const std::string& tiles,
                                                                        const std::string& offline_dir) {
    if (tiles.empty() || tiles == "offline") return map::offline_source(offline_dir);
    if (tiles == "pdok") return map::pdok_brt_source(map::PdokLayer::Standaard);
    if (tiles == "osm") return map::osm_source();
    if (tiles.find("{z}") == std::string::npos || tiles.find("{x}") == std::string::npos ||
        tiles.find("{y}") == std::string::npos) {
        return std::unexpected("--tiles '" + tiles + "': expected offline, pdok or a URL template with {z}/{x}/{y}");
    }
    if (tiles.starts_with("https://tile.openstreetmap.org/")) return map::osm_source(tiles);  // OSM policy applies
    return custom_source(tiles, "");
}

map::TileSourceInfo tile_source_from_setting(const host::TileSourceSetting& setting, const std::string& offline_dir) {
    switch (setting.preset) {
        case host::TilePreset::pdok_standaard: return map::pdok_brt_source(map::PdokLayer::Standaard);
        case host::TilePreset::pdok_grijs: return map::pdok_brt_source(map::PdokLayer::Grijs);
        case host::TilePreset::pdok_pastel: return map::pdok_brt_source(map::PdokLayer::Pastel);
        case host::TilePreset::osm: return map::osm_source();
        case host::TilePreset::custom:
            if (!setting.url_template.empty()) return custom_source(setting.url_template, setting.attribution);
            break;
        case host::TilePreset::offline: break;
    }
    return map::offline_source(offline_dir);
}

map::TileSourceInfo choose_tile_source(const std::string& cli_tiles, const host::TileSourceSetting& setting,
                                       const std::string& offline_dir) {
    if (!cli_tiles.empty()) {
        if (auto info = tile_source_from_option(cli_tiles, offline_dir)) return *info;
    }
    return tile_source_from_setting(setting, offline_dir);
}

}  // namespace bk::kiosk
