// BaseTileLayer — what the map screen needs from a basemap layer: draw the visible tiles for a
// camera into an ImGui draw list (with fallback, never holes), and say whether the frame is complete.
// Implemented by TileLayer (tile_layer.hpp): every source (baked offline folder, PDOK, OSM, custom
// URL template) through bk::map::TileLayer's workers, caches and plan_draw. Main thread only.
#pragma once
#include <cstddef>
#include <string>

#include "kiosk/map_camera.hpp"

namespace bk::kiosk {

class BaseTileLayer {
public:
    virtual ~BaseTileLayer() = default;
    virtual void draw(const MapCamera& camera, ImDrawList* draw_list, int max_uploads) = 0;
    virtual bool complete() const = 0;     // last draw had every visible tile at its own zoom
    virtual bool has_tiles() const = 0;    // the source can deliver anything at all
    virtual bool loading() const = 0;      // work in flight (the loop should keep drawing)
    virtual std::size_t texture_count() const = 0;
    virtual std::string attribution() const = 0;
};

}  // namespace bk::kiosk
