#include "map/draw_plan.hpp"

#include <cmath>

namespace bk::map {

namespace {

ScreenRect screen_rect_of(const Viewport& view, TileId id) {
    const GridRect b = tile_bounds(id);
    const ScreenPoint tl = view.to_screen({b.min_u, b.min_v});
    const ScreenPoint br = view.to_screen({b.max_u, b.max_v});
    return {tl.x_px, tl.y_px, br.x_px - tl.x_px, br.y_px - tl.y_px};
}

constexpr ScreenRect kFullTile{0, 0, kTileSizePx, kTileSizePx};

}  // namespace

DrawPlan plan_draw(const Viewport& view, const std::function<bool(TileId)>& is_cached, DrawPlanOptions options) {
    const TileCover cover = cover_viewport(view.center(), view.zoom(), view.screen(), options.min_z, options.max_z);
    DrawPlan plan;
    plan.z = cover.z;
    plan.items.reserve(cover.tiles.size() + 8);
    for (const TileId& t : cover.tiles) {
        const ScreenRect dst = screen_rect_of(view, t);
        if (is_cached(t)) {
            plan.items.push_back({t, kFullTile, dst, false});
            continue;
        }
        plan.to_request.push_back(t);

        std::array<bool, 4> child_cached{};
        const auto kids = children(t);
        int cached_children = 0;
        if (t.z < kMaxTileZoom) {
            for (int i = 0; i < 4; ++i) cached_children += (child_cached[i] = is_cached(kids[i]));
        }
        bool covered = cached_children == 4;
        if (!covered) {
            // Nearest cached ancestor: its sub-rectangle above this tile, scaled up.
            for (int d = 1; d <= options.max_ancestor_levels && d <= t.z; ++d) {
                const TileId a = ancestor(t, t.z - d);
                if (!is_cached(a)) continue;
                const double n = std::exp2(d);
                const double size = kTileSizePx / n;
                const ScreenRect src{(t.x - a.x * n) * size, (t.y - a.y * n) * size, size, size};
                plan.items.push_back({a, src, dst, true});
                covered = true;
                break;
            }
        }
        // Cached children are sharper than any ancestor: draw them on top.
        for (int i = 0; i < 4; ++i) {
            if (child_cached[i]) plan.items.push_back({kids[i], kFullTile, screen_rect_of(view, kids[i]), true});
        }
        if (!covered && cached_children == 0) ++plan.missing_uncovered;
    }
    return plan;
}

DrawPlan plan_draw(const Viewport& view, const DecodedTileCache& cache, int min_z, int max_z) {
    return plan_draw(view, [&cache](TileId id) { return cache.contains(id); }, DrawPlanOptions{min_z, max_z, 6});
}

}  // namespace bk::map
