// bench_map — figures for map/: tile cover + plan_draw per frame, PNG decode throughput of
// 256x256 tiles (1 and 2 threads), LRU operations per second, peak RSS. Prints; asserts nothing.
#include "map/decoded_tile_cache.hpp"
#include "map/draw_plan.hpp"
#include "map/markers.hpp"
#include "map/tile_decoder.hpp"
#include "map/viewport.hpp"
#include "map/web_mercator_grid.hpp"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb_image_write.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <unordered_set>

using namespace bk::map;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

long vm_hwm_kb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    }
    return -1;
}

void append(void* ctx, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(ctx);
    out->insert(out->end(), static_cast<std::uint8_t*>(data), static_cast<std::uint8_t*>(data) + size);
}

// A map-like 256x256 tile: flat areas, lines and some noise (compresses like a real raster tile).
std::vector<std::uint8_t> make_tile_png(unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<std::uint8_t> px(256 * 256 * 4);
    for (int y = 0; y < 256; ++y) {
        for (int x = 0; x < 256; ++x) {
            std::uint8_t* p = &px[std::size_t(y * 256 + x) * 4];
            const bool road = (x + y / 3) % 64 < 4 || (y + x / 5) % 90 < 3;
            const bool water = (x - 180) * (x - 180) + (y - 60) * (y - 60) < 1600;
            p[0] = road ? 255 : water ? 170 : 242;
            p[1] = road ? 255 : water ? 211 : 239;
            p[2] = road ? 255 : water ? 223 : 233;
            if (rng() % 16 == 0) p[0] = std::uint8_t(p[0] - 20);
            p[3] = 255;
        }
    }
    std::vector<std::uint8_t> png;
    stbi_write_png_to_func(append, &png, 256, 256, 4, px.data(), 256 * 4);
    return png;
}

}  // namespace

int main() {
    std::printf("bench_map — map engine figures\n");

    // 1. Tile cover + plan_draw per frame, 1920x1080, panning and zooming through Delfshaven with
    //    about 3/4 of the visible tiles cached (the rest fall back to parents).
    {
        WebMercatorGrid grid;
        Viewport view = *Viewport::create(grid, LonLat{4.45, 51.915}, 15.5, ScreenSize{1920, 1080});
        std::unordered_set<TileId> cached;
        for (int z = 13; z <= 18; ++z) {
            for (const TileId& t : tiles_in_rect(*to_grid_rect(grid, kDelfshavenBox), z)) {
                if ((t.x + t.y) % 4 != 0) cached.insert(t);
            }
        }
        const int frames = 20000;
        std::size_t items = 0, requests = 0;
        const auto t0 = Clock::now();
        for (int i = 0; i < frames; ++i) {
            view.pan_by((i % 200) < 100 ? 7.0 : -7.0, (i % 300) < 150 ? 3.0 : -3.0);
            view.set_zoom(13.5 + 4.0 * ((i % 1000) / 1000.0));
            const DrawPlan plan = plan_draw(view, [&](TileId t) { return cached.contains(t); }, {13, 18, 6});
            items += plan.items.size();
            requests += plan.to_request.size();
        }
        const double s = seconds_since(t0);
        std::printf("  cover+plan_draw 1920x1080: %.2f us/frame (%d frames, avg %.1f draw items, %.1f requests)\n",
                    s / frames * 1e6, frames, double(items) / frames, double(requests) / frames);
    }

    // 2. Marker projection + clustering of 60 venues per frame.
    {
        WebMercatorGrid grid;
        Viewport view = *Viewport::create(grid, LonLat{4.45, 51.915}, 14.5, ScreenSize{1920, 1080});
        std::mt19937 rng(7);
        std::vector<LonLat> venues;
        for (int i = 0; i < 60; ++i) venues.push_back({4.42 + 0.07 * (rng() % 1000) / 1000.0, 51.90 + 0.03 * (rng() % 1000) / 1000.0});
        const auto pts = *to_grid_points(grid, venues);
        const int frames = 20000;
        std::size_t n = 0;
        const auto t0 = Clock::now();
        for (int i = 0; i < frames; ++i) {
            const auto px = project_markers(view, pts);
            n += cluster_markers(px, 40.0, view.screen()).size();
        }
        std::printf("  markers project+cluster (60 venues): %.2f us/frame (avg %.1f clusters)\n",
                    seconds_since(t0) / frames * 1e6, double(n) / frames);
    }

    // 3. PNG decode throughput, 256x256 map-like tiles.
    {
        std::vector<std::vector<std::uint8_t>> pngs;
        std::size_t total_bytes = 0;
        for (unsigned i = 0; i < 16; ++i) {
            pngs.push_back(make_tile_png(i));
            total_bytes += pngs.back().size();
        }
        const int n = 800;
        auto t0 = Clock::now();
        std::size_t ok = 0;
        for (int i = 0; i < n; ++i) ok += decode_tile(pngs[std::size_t(i) % pngs.size()], "bench").has_value();
        const double s1 = seconds_since(t0);
        std::printf("  PNG decode 256x256 (avg %zu B/tile): %.0f tiles/s on 1 thread (%zu ok)\n",
                    total_bytes / pngs.size(), n / s1, ok);
        std::atomic<int> ok2{0};
        t0 = Clock::now();
        std::vector<std::thread> threads;
        for (int w = 0; w < 2; ++w) {
            threads.emplace_back([&, w] {
                for (int i = w; i < n; i += 2) ok2 += decode_tile(pngs[std::size_t(i) % pngs.size()], "bench").has_value();
            });
        }
        for (auto& t : threads) t.join();
        std::printf("  PNG decode 256x256: %.0f tiles/s on 2 threads (%d ok)\n", n / seconds_since(t0), ok2.load());
    }

    // 4. LRU: mixed get/put over 4,000 tile ids with room for 1,000 (realistic 256 KiB entries would
    //    measure malloc; entries are 1 KiB so the figure is the cache's own bookkeeping).
    {
        DecodedTileCache cache(1000 * 1024);
        std::mt19937 rng(42);
        const int ops = 2'000'000;
        std::size_t hits = 0;
        DecodedImage img{16, 16, std::vector<std::uint8_t>(1024, 0)};
        const auto t0 = Clock::now();
        for (int i = 0; i < ops; ++i) {
            const TileId id{16, int(rng() % 4000), 7};
            if (cache.get(id)) ++hits;
            else cache.put(id, img);
        }
        const double s = seconds_since(t0);
        std::printf("  DecodedTileCache LRU: %.2f M ops/s (%.0f%% hits, %zu entries, %zu bytes)\n", ops / s / 1e6,
                    100.0 * double(hits) / ops, cache.size(), cache.bytes());
    }

    std::printf("  peak RSS (VmHWM): %ld kB\n", vm_hwm_kb());
    return 0;
}
