// TextureStore — how the UI core gets GPU textures without seeing SDL.
// The SDL glue (sdl_platform.hpp) implements it with SDL_Texture; tests may use the same real one.
// Usage: ImTextureID id = store.create_rgba(256, 256, bytes); ...draw with ImGui...; store.destroy(id);
// Main thread only (textures belong to the renderer's thread). Returns nullptr when creation fails.
#pragma once
#include <cstdint>
#include <vector>
#include <imgui.h>

namespace bk::kiosk {

class TextureStore {
public:
    virtual ~TextureStore() = default;
    // rgba: width_px * height_px * 4 bytes, rows top to bottom, R G B A byte order.
    virtual ImTextureID create_rgba(int width_px, int height_px, const std::uint8_t* rgba) = 0;
    // An opaque picture (a basemap tile): stored in the screen's own pixel format and drawn without
    // blending, so an unscaled draw is a plain copy (the software renderer's fast path).
    virtual ImTextureID create_opaque(int width_px, int height_px, const std::uint8_t* rgba) = 0;
    virtual void destroy(ImTextureID texture) = 0;
};

// One opaque texture rectangle of the basemap, in whole pixels. The map layer is not drawn through
// ImGui's triangles: the platform copies these rectangles first (clipped to `clip`, on a `backdrop`
// fill), then renders ImGui (markers, panels) on top. Same frame, same order as before.
struct MapBlit {
    ImTextureID texture = nullptr;
    int src_x = 0, src_y = 0, src_w = 0, src_h = 0;
    int dst_x = 0, dst_y = 0, dst_w = 0, dst_h = 0;
};

struct MapLayerFrame {
    int clip_x = 0, clip_y = 0, clip_w = 0, clip_h = 0;  // the map's part of the screen
    std::uint32_t backdrop = 0;                          // IM_COL32 under and around the tiles
    std::vector<MapBlit> blits;                          // back to front (fallback parents first)
};

}  // namespace bk::kiosk
