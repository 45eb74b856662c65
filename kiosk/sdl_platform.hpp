// SdlPlatform — the SDL2 glue around the UI core: window, SDL_Renderer (accelerated, software fallback),
// Dear ImGui's SDL backends, event translation to InputEvent, textures, present, read-back of pixels.
// Usage:
//   auto p = SdlPlatform::create({.width_px = 1280, .height_px = 800});   // after ImGui::CreateContext()
//   while (...) { p->wait_events(timeout_ms, sink); p->new_frame(); app.frame(...); p->render(); }
// Thread rules: everything on the main thread, except push_wake() which any thread may call
// (SDL_PushEvent is thread-safe) — the map scheduler and the feed updater use it to wake the loop.
#pragma once
#include <SDL.h>

#include <expected>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/input_event.hpp"
#include "kiosk/rgba_image.hpp"
#include "kiosk/texture_store.hpp"

namespace bk::kiosk {

struct PlatformOptions {
    int width_px = 1280;
    int height_px = 800;
    bool fullscreen = false;
    bool hidden = false;          // headless screenshots/tests
    bool software_renderer = false;  // force SDL's software renderer (stable pixels for goldens)
    // auto | software | an SDL render driver name (opengl, opengles2, ...); env BUURTKAART_RENDERER wins.
    std::string renderer = "auto";
};

// Which renderer the platform uses and why (logged at start, shown on the host screen).
struct RendererChoice {
    bool software = false;
    std::string name;    // "software", or SDL's driver name ("opengl", "opengles2", ...)
    std::string reason;  // "no GPU device in /dev/dri", "OpenGL is software (llvmpipe ...)", ...
};

class SdlPlatform final : public TextureStore {
public:
    // Needs a current ImGui context (the App creates it). Initialises SDL video on first use.
    static std::expected<std::unique_ptr<SdlPlatform>, std::string> create(const PlatformOptions& options);
    ~SdlPlatform() override;
    SdlPlatform(const SdlPlatform&) = delete;
    SdlPlatform& operator=(const SdlPlatform&) = delete;

    // Waits up to timeout_ms for the first event (0 = just poll), then drains the queue.
    // Each SDL event is translated and handed to sink. Returns true when any event arrived.
    bool pump_events(int timeout_ms, const std::function<void(const InputEvent&)>& sink);
    void new_frame();           // backends' NewFrame; call before App::frame
    void render();              // clear, ImGui draw data, present
    std::expected<RgbaImage, std::string> read_pixels();  // the last rendered frame (call before render's present)
    void render_without_present(const MapLayerFrame* map = nullptr);  // map: the basemap under ImGui
    void present();

    int width_px() const;
    int height_px() const;
    SDL_Window* window() { return window_; }
    SDL_Renderer* renderer() { return renderer_; }
    bool is_software() const { return software_; }
    const RendererChoice& renderer_choice() const { return choice_; }

    ImTextureID create_rgba(int width_px, int height_px, const std::uint8_t* rgba) override;
    ImTextureID create_opaque(int width_px, int height_px, const std::uint8_t* rgba) override;
    void destroy(ImTextureID texture) override;

    static void push_wake();  // any thread
    static std::uint32_t wake_event_type();

private:
    SdlPlatform() = default;
    void translate(const SDL_Event& event, const std::function<void(const InputEvent&)>& sink);
    static RendererChoice choose_renderer(const PlatformOptions& options);
    Uint32 window_format_or_unknown() const;
    void render_imgui(ImDrawData* data);
    SDL_Texture* ui_cache_ = nullptr;  // software renderer: the windows above the map, re-rendered on change
    std::uint64_t ui_cache_hash_ = 0;
    int ui_cache_w_ = 0, ui_cache_h_ = 0;
    std::vector<SDL_Rect> ui_cache_rects_;
    std::expected<void, std::string> create_renderer(const PlatformOptions& options);
    RendererChoice choice_;
    Uint32 opaque_format_ = SDL_PIXELFORMAT_UNKNOWN;  // chosen at the first create_opaque()
    std::vector<std::uint8_t> convert_buffer_;        // RGBA -> screen format, reused
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    bool software_ = false;
    bool backends_ = false;
};

}  // namespace bk::kiosk
