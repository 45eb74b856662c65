// TextureStore — how the UI core gets GPU textures without seeing SDL.
// The SDL glue (sdl_platform.hpp) implements it with SDL_Texture; tests may use the same real one.
// Usage: ImTextureID id = store.create_rgba(256, 256, bytes); ...draw with ImGui...; store.destroy(id);
// Main thread only (textures belong to the renderer's thread). Returns nullptr when creation fails.
#pragma once
#include <cstdint>
#include <imgui.h>

namespace bk::kiosk {

class TextureStore {
public:
    virtual ~TextureStore() = default;
    // rgba: width_px * height_px * 4 bytes, rows top to bottom, R G B A byte order.
    virtual ImTextureID create_rgba(int width_px, int height_px, const std::uint8_t* rgba) = 0;
    virtual void destroy(ImTextureID texture) = 0;
};

}  // namespace bk::kiosk
