// plan_draw — what to draw this frame and what to fetch. For each visible tile of the cover
// (centre first): draw it if cached; otherwise draw a cached ancestor's scaled sub-rectangle and/or
// the cached children over its area, so the screen never shows holes while tiles load (the
// parent/child fallback of maplibre's tile pyramid), and list the tile in `to_request`.
//
// Usage (main thread, each frame):
//   DrawPlan plan = plan_draw(view, cache, info.min_zoom, info.max_zoom);
//   for (const DrawItem& d : plan.items) draw texture of d.tile, src d.src_px -> dst d.dst_px (in order)
//   scheduler.request(plan.to_request);
// Rects are doubles in px: the kiosk may round or use float rendering. Items are in draw order.
// Threads: main thread (reads the DecodedTileCache without touching its LRU order).
#pragma once

#include "map/decoded_tile_cache.hpp"
#include "map/geo_types.hpp"
#include "map/viewport.hpp"

#include <functional>
#include <vector>

namespace bk::map {

struct DrawItem {
    TileId tile;          // the cached tile to draw (the wanted one, an ancestor or a child)
    ScreenRect src_px;    // in that tile's pixels (0..256)
    ScreenRect dst_px;    // on screen
    bool fallback = false;
};

struct DrawPlan {
    int z = 0;                         // the level fetched for this zoom
    std::vector<DrawItem> items;
    std::vector<TileId> to_request;    // missing visible tiles, centre first
    std::size_t missing_uncovered = 0;  // visible tiles with no fallback at all (blank until loaded)
};

struct DrawPlanOptions {
    int min_z = 0;
    int max_z = 19;
    int max_ancestor_levels = 6;  // how far up to look for a fallback
};

DrawPlan plan_draw(const Viewport& view, const std::function<bool(TileId)>& is_cached, DrawPlanOptions options);
DrawPlan plan_draw(const Viewport& view, const DecodedTileCache& cache, int min_z, int max_z);

}  // namespace bk::map
