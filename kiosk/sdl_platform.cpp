#include "kiosk/sdl_platform.hpp"

#include "kiosk/x11_window_guard.hpp"

#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string_view>

namespace bk::kiosk {
namespace {
std::atomic<std::uint32_t> g_wake_type{0};
}

std::uint32_t SdlPlatform::wake_event_type() { return g_wake_type.load(); }

void SdlPlatform::push_wake() {
    std::uint32_t type = g_wake_type.load();
    if (type == 0 || type == static_cast<std::uint32_t>(-1)) return;
    SDL_Event event{};
    event.type = type;
    SDL_PushEvent(&event);
}

std::expected<std::unique_ptr<SdlPlatform>, std::string> SdlPlatform::create(const PlatformOptions& options) {
    // Touch screens: we read SDL_FINGER* ourselves, so synthetic mouse events from touch are ignored below.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    if (SDL_WasInit(SDL_INIT_VIDEO) == 0 && SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        return std::unexpected(std::string("SDL_InitSubSystem(video) failed: ") + SDL_GetError());
    }
    if (g_wake_type.load() == 0) g_wake_type.store(SDL_RegisterEvents(1));

    std::unique_ptr<SdlPlatform> p(new SdlPlatform());
    p->choice_ = choose_renderer(options);
    // The software renderer draws into the window surface; without this hint SDL would present that
    // surface through OpenGL again (llvmpipe on a machine without GPU). "0": plain X11 (XShm) surface.
    if (p->choice_.software) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED, w = options.width_px, h = options.height_px;
    if (options.fullscreen) {
        // Kiosks run without a window manager, where SDL's FULLSCREEN_DESKTOP (a _NET_WM_STATE
        // request) does nothing: so the window itself is made the size of the display at its
        // origin, borderless. With a window manager the fullscreen flag does the rest.
        SDL_Rect bounds{};
        if (SDL_GetDisplayBounds(0, &bounds) == 0 && bounds.w > 0 && bounds.h > 0) {
            x = bounds.x;
            y = bounds.y;
            w = bounds.w;
            h = bounds.h;
        }
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    }
    if (options.hidden) flags |= SDL_WINDOW_HIDDEN;
    p->window_ = SDL_CreateWindow("Buurtkaart Delfshaven", x, y, w, h, flags);
    if (p->window_ == nullptr) {
        return std::unexpected(std::string("SDL_CreateWindow ") + std::to_string(options.width_px) + "x" +
                               std::to_string(options.height_px) + " failed: " + SDL_GetError());
    }
    install_x11_window_guard(p->window_);
    if (auto r = p->create_renderer(options); !r) return std::unexpected(r.error());
    SDL_SetRenderDrawBlendMode(p->renderer_, SDL_BLENDMODE_BLEND);
    if (!ImGui_ImplSDL2_InitForSDLRenderer(p->window_) || !ImGui_ImplSDLRenderer_Init(p->renderer_)) {
        return std::unexpected("Dear ImGui SDL backends failed to initialise");
    }
    p->backends_ = true;
    return p;
}

// [SECTION] renderer choice
// The cheapest path per machine: a real GPU -> SDL's accelerated renderer (OpenGL/GLES); no GPU ->
// SDL's software renderer on a plain window surface. Mesa's software OpenGL (llvmpipe, softpipe,
// swrast) is slower than both (shader JIT at start, rasterising twice), so it counts as "no GPU".
RendererChoice SdlPlatform::choose_renderer(const PlatformOptions& options) {
    std::string want = options.renderer;
    if (const char* env = std::getenv("BUURTKAART_RENDERER"); env && *env) want = env;
    if (options.software_renderer) return {true, "software", "headless (stable pixels)"};
    if (want == "software") return {true, "software", "forced by setting"};
    if (want != "auto" && !want.empty()) return {false, want, "forced by setting"};
    std::error_code ec;
    bool gpu_device = false;
    for (const auto& e : std::filesystem::directory_iterator("/dev/dri", ec)) {
        const std::string n = e.path().filename().string();
        if (n.starts_with("card") || n.starts_with("renderD")) gpu_device = true;
    }
    if (!gpu_device) return {true, "software", "no GPU device in /dev/dri"};
    return {false, "auto", "GPU device present"};
}

std::expected<void, std::string> SdlPlatform::create_renderer(const PlatformOptions&) {
    if (!choice_.software) {
        if (choice_.name != "auto") SDL_SetHint(SDL_HINT_RENDER_DRIVER, choice_.name.c_str());
        renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
        SDL_RendererInfo info{};
        if (renderer_ != nullptr && SDL_GetRendererInfo(renderer_, &info) == 0) {
            choice_.name = info.name;
            // An OpenGL renderer whose GL is Mesa's software rasteriser: use SDL's own software path.
            using GetString = const unsigned char* (*)(unsigned int);
            auto gl_get_string = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString"));
            const unsigned char* gl = std::string_view(info.name).starts_with("opengl") && gl_get_string
                                          ? gl_get_string(0x1F01 /* GL_RENDERER */)
                                          : nullptr;
            const std::string gl_name = gl ? reinterpret_cast<const char*>(gl) : "";
            if (gl_name.find("llvmpipe") != std::string::npos || gl_name.find("softpipe") != std::string::npos ||
                gl_name.find("swrast") != std::string::npos) {
                SDL_DestroyRenderer(renderer_);
                renderer_ = nullptr;
                choice_ = {true, "software", "OpenGL is software (" + gl_name.substr(0, 40) + ")"};
                // The window surface must not go through GL again (see choose_renderer's hint).
                SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
            } else if (!gl_name.empty()) {
                choice_.reason += ", GL_RENDERER " + gl_name.substr(0, 60);
            }
        }
    }
    if (renderer_ == nullptr) {
        if (!choice_.software) choice_ = {true, "software", std::string("accelerated renderer failed: ") + SDL_GetError()};
        renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE);
    }
    if (renderer_ == nullptr)
        return std::unexpected(std::string("SDL_CreateRenderer (accelerated and software) failed: ") + SDL_GetError());
    software_ = choice_.software;
    return {};
}

SdlPlatform::~SdlPlatform() {
    if (backends_) {
        ImGui_ImplSDLRenderer_Shutdown();
        ImGui_ImplSDL2_Shutdown();
    }
    if (ui_cache_ != nullptr) SDL_DestroyTexture(ui_cache_);
    if (renderer_ != nullptr) SDL_DestroyRenderer(renderer_);
    if (window_ != nullptr) SDL_DestroyWindow(window_);
}

int SdlPlatform::width_px() const {
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer_, &w, &h);
    return w;
}

int SdlPlatform::height_px() const {
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer_, &w, &h);
    return h;
}

bool SdlPlatform::pump_events(int timeout_ms, const std::function<void(const InputEvent&)>& sink) {
    SDL_Event event;
    bool any = false;
    if (timeout_ms > 0) {
        if (SDL_WaitEventTimeout(&event, timeout_ms) == 1) {
            any = true;
            translate(event, sink);
        }
    }
    while (SDL_PollEvent(&event) == 1) {
        any = true;
        translate(event, sink);
    }
    return any;
}

void SdlPlatform::translate(const SDL_Event& e, const std::function<void(const InputEvent&)>& sink) {
    const float w = static_cast<float>(width_px());
    const float h = static_cast<float>(height_px());
    int win_w = 0, win_h = 0;
    SDL_GetWindowSize(window_, &win_w, &win_h);
    const float sx = win_w > 0 ? w / static_cast<float>(win_w) : 1.0f;
    const float sy = win_h > 0 ? h / static_cast<float>(win_h) : 1.0f;
    switch (e.type) {
        case SDL_QUIT:
            sink({.kind = InputKind::QuitRequest});
            break;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_CLOSE) sink({.kind = InputKind::QuitRequest});
            break;
        case SDL_KEYDOWN:
            if (e.key.keysym.sym == SDLK_ESCAPE) sink({.kind = InputKind::Escape});
            if (e.key.keysym.sym == SDLK_F4 && (e.key.keysym.mod & KMOD_ALT) != 0) {
                sink({.kind = InputKind::QuitRequest});
            }
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
            sink({.kind = e.type == SDL_MOUSEBUTTONDOWN ? InputKind::PointerDown : InputKind::PointerUp,
                  .pointer_id = -1, .x_px = e.button.x * sx, .y_px = e.button.y * sy});
            break;
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) break;
            sink({.kind = InputKind::PointerMove, .pointer_id = -1, .x_px = e.motion.x * sx, .y_px = e.motion.y * sy});
            break;
        case SDL_MOUSEWHEEL: {
            int mx = 0, my = 0;
            SDL_GetMouseState(&mx, &my);
            sink({.kind = InputKind::Wheel, .pointer_id = -1, .x_px = mx * sx, .y_px = my * sy,
                  .wheel_steps = static_cast<float>(e.wheel.y)});
            break;
        }
        case SDL_FINGERDOWN:
        case SDL_FINGERMOTION:
        case SDL_FINGERUP: {
            InputKind kind = e.type == SDL_FINGERDOWN ? InputKind::PointerDown
                             : e.type == SDL_FINGERUP ? InputKind::PointerUp
                                                      : InputKind::PointerMove;
            // Finger ids are per device; fold the device in so two screens never collide.
            std::int64_t id = static_cast<std::int64_t>(e.tfinger.fingerId) + (e.tfinger.touchId << 8);
            if (id == -1) id = -2;
            sink({.kind = kind, .pointer_id = id, .x_px = e.tfinger.x * w, .y_px = e.tfinger.y * h});
            break;
        }
        default:
            break;  // wake events and others only end the wait
    }
}

void SdlPlatform::new_frame() {
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui_ImplSDL2_NewFrame();
}

// BUURTKAART_PROFILE=1: every 120 presented frames, one stderr line with the mean milliseconds spent
// in each stage (clear, basemap copies, ImGui geometry, present). What bounds a drag, measured.
namespace {
struct StageProfile {
    bool on = std::getenv("BUURTKAART_PROFILE") != nullptr;
    double ms[4] = {0, 0, 0, 0};
    int frames = 0;
    int ui_rebuilds = 0;
    static double now_ms() { return double(SDL_GetPerformanceCounter()) * 1000.0 / double(SDL_GetPerformanceFrequency()); }
    void add(int stage, double t0) { ms[stage] += now_ms() - t0; }
    void frame_done() {
        if (++frames < 120) return;
        std::fprintf(stderr, "kiosk: profile %d frames, mean ms: clear %.2f, map %.2f, imgui %.2f, present %.2f; "
                     "ui layer re-rendered %d times\n", frames, ms[0] / frames, ms[1] / frames, ms[2] / frames,
                     ms[3] / frames, ui_rebuilds);
        *this = StageProfile{};
    }
};
StageProfile g_profile;
}  // namespace

void SdlPlatform::render_without_present(const MapLayerFrame* map) {
    double t = g_profile.on ? StageProfile::now_ms() : 0;
    SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
    SDL_RenderClear(renderer_);
    if (g_profile.on) {
        SDL_RenderFlush(renderer_);
        g_profile.add(0, t);
        t = StageProfile::now_ms();
    }
    if (map != nullptr) {
        // The basemap: whole-pixel opaque copies (SDL_RenderCopy, blend none), clipped to the map.
        const SDL_Rect clip{map->clip_x, map->clip_y, map->clip_w, map->clip_h};
        SDL_RenderSetClipRect(renderer_, &clip);
        const std::uint32_t c = map->backdrop;  // IM_COL32: R in the low byte
        SDL_SetRenderDrawColor(renderer_, c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF, 255);
        SDL_RenderFillRect(renderer_, &clip);
        for (const MapBlit& b : map->blits) {
            const SDL_Rect src{b.src_x, b.src_y, b.src_w, b.src_h};
            const SDL_Rect dst{b.dst_x, b.dst_y, b.dst_w, b.dst_h};
            SDL_RenderCopy(renderer_, static_cast<SDL_Texture*>(b.texture), &src, &dst);
        }
        SDL_RenderSetClipRect(renderer_, nullptr);
    }
    if (g_profile.on) {
        SDL_RenderFlush(renderer_);
        g_profile.add(1, t);
        t = StageProfile::now_ms();
    }
    render_imgui(ImGui::GetDrawData());
    if (g_profile.on) {
        SDL_RenderFlush(renderer_);
        g_profile.add(2, t);
    }
    // Without a present (headless steps) SDL keeps batching commands; flush so they never pile up.
    SDL_RenderFlush(renderer_);
}

// [SECTION] ImGui layers: the background list (venue markers, it moves with the map) is drawn every
// frame; the windows above it (top bar, legend, panels, overlays) rarely change during a drag, so
// with the software renderer they are rendered into a cached transparent texture only when their
// geometry changes, and otherwise copied back over the window rectangles they cover (disjoint, so
// nothing is blended twice). With a GPU renderer everything is drawn directly.
namespace {

std::uint64_t hash_lists(ImDrawList* const* lists, int count) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a, 64 bit
    auto mix = [&](const void* data, std::size_t n) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
    };
    for (int i = 0; i < count; ++i) {
        const ImDrawList* l = lists[i];
        mix(l->VtxBuffer.Data, sizeof(ImDrawVert) * std::size_t(l->VtxBuffer.Size));
        mix(l->IdxBuffer.Data, sizeof(ImDrawIdx) * std::size_t(l->IdxBuffer.Size));
        for (const ImDrawCmd& c : l->CmdBuffer) {
            mix(&c.ClipRect, sizeof c.ClipRect);
            mix(&c.TextureId, sizeof c.TextureId);
            mix(&c.ElemCount, sizeof c.ElemCount);
        }
    }
    return h;
}

// Disjoint rectangles covering the union of `in` (band by band): each pixel is copied once.
std::vector<SDL_Rect> disjoint_union(const std::vector<SDL_Rect>& in) {
    std::vector<int> ys;
    for (const SDL_Rect& r : in) {
        ys.push_back(r.y);
        ys.push_back(r.y + r.h);
    }
    std::sort(ys.begin(), ys.end());
    ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
    std::vector<SDL_Rect> out;
    for (std::size_t b = 0; b + 1 < ys.size(); ++b) {
        const int y0 = ys[b], y1 = ys[b + 1];
        std::vector<std::pair<int, int>> xs;
        for (const SDL_Rect& r : in)
            if (r.y <= y0 && r.y + r.h >= y1) xs.push_back({r.x, r.x + r.w});
        std::sort(xs.begin(), xs.end());
        for (std::size_t i = 0; i < xs.size();) {
            int x0 = xs[i].first, x1 = xs[i].second;
            for (++i; i < xs.size() && xs[i].first <= x1; ++i) x1 = std::max(x1, xs[i].second);
            // Merge with the rectangle of the band above when it has the same span.
            bool merged = false;
            for (SDL_Rect& o : out)
                if (o.x == x0 && o.w == x1 - x0 && o.y + o.h == y0) {
                    o.h += y1 - y0;
                    merged = true;
                    break;
                }
            if (!merged) out.push_back({x0, y0, x1 - x0, y1 - y0});
        }
    }
    return out;
}

}  // namespace

void SdlPlatform::render_imgui(ImDrawData* data) {
    if (data == nullptr || !data->Valid) return;
    if (!software_ || data->CmdListsCount == 0) {
        ImGui_ImplSDLRenderer_RenderDrawData(data);
        return;
    }
    // Split off the background list (drawn first by ImGui when it has anything).
    ImDrawList* background = ImGui::GetBackgroundDrawList();
    int first_ui = 0;
    if (data->CmdLists[0] == background) {
        ImDrawData bg = *data;
        bg.CmdListsCount = 1;
        bg.TotalVtxCount = background->VtxBuffer.Size;
        bg.TotalIdxCount = background->IdxBuffer.Size;
        ImGui_ImplSDLRenderer_RenderDrawData(&bg);
        first_ui = 1;
    }
    ImDrawData ui = *data;
    ui.CmdLists = data->CmdLists + first_ui;
    ui.CmdListsCount = data->CmdListsCount - first_ui;
    ui.TotalVtxCount = ui.TotalIdxCount = 0;
    for (int i = 0; i < ui.CmdListsCount; ++i) {
        ui.TotalVtxCount += ui.CmdLists[i]->VtxBuffer.Size;
        ui.TotalIdxCount += ui.CmdLists[i]->IdxBuffer.Size;
    }
    if (ui.CmdListsCount == 0) return;
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer_, &w, &h);
    const std::uint64_t hash = hash_lists(ui.CmdLists, ui.CmdListsCount) ^ (std::uint64_t(w) << 32) ^ std::uint64_t(h);
    if (ui_cache_ == nullptr || hash != ui_cache_hash_ || ui_cache_w_ != w || ui_cache_h_ != h) {
        if (ui_cache_ == nullptr || ui_cache_w_ != w || ui_cache_h_ != h) {
            if (ui_cache_ != nullptr) SDL_DestroyTexture(ui_cache_);
            ui_cache_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
            ui_cache_w_ = w;
            ui_cache_h_ = h;
            if (ui_cache_ == nullptr) {  // no render targets: draw directly
                ImGui_ImplSDLRenderer_RenderDrawData(&ui);
                return;
            }
            SDL_SetTextureBlendMode(ui_cache_, SDL_BLENDMODE_BLEND);
        }
        SDL_SetRenderTarget(renderer_, ui_cache_);
        SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 0);
        SDL_RenderClear(renderer_);
        ImGui_ImplSDLRenderer_RenderDrawData(&ui);
        SDL_SetRenderTarget(renderer_, nullptr);
        ui_cache_hash_ = hash;
        ++g_profile.ui_rebuilds;
        // Where the windows draw: each list's clip rectangles, as disjoint screen rectangles.
        std::vector<SDL_Rect> rects;
        for (int i = 0; i < ui.CmdListsCount; ++i) {
            const ImDrawList* l = ui.CmdLists[i];
            if (l->VtxBuffer.Size == 0) continue;
            float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
            for (const ImDrawVert& v : l->VtxBuffer) {
                x0 = std::min(x0, v.pos.x);
                y0 = std::min(y0, v.pos.y);
                x1 = std::max(x1, v.pos.x);
                y1 = std::max(y1, v.pos.y);
            }
            SDL_Rect r{int(std::floor(x0)) - 1, int(std::floor(y0)) - 1, 0, 0};
            r.w = int(std::ceil(x1)) + 1 - r.x;
            r.h = int(std::ceil(y1)) + 1 - r.y;
            const SDL_Rect screen{0, 0, w, h};
            SDL_Rect clipped;
            if (SDL_IntersectRect(&r, &screen, &clipped)) rects.push_back(clipped);
        }
        ui_cache_rects_ = disjoint_union(rects);
    }
    for (const SDL_Rect& r : ui_cache_rects_) SDL_RenderCopy(renderer_, ui_cache_, &r, &r);
}

void SdlPlatform::present() {
    const double t = g_profile.on ? StageProfile::now_ms() : 0;
    SDL_RenderPresent(renderer_);
    if (g_profile.on) {
        g_profile.add(3, t);
        g_profile.frame_done();
    }
}

void SdlPlatform::render() {
    render_without_present(nullptr);
    present();
}

std::expected<RgbaImage, std::string> SdlPlatform::read_pixels() {
    RgbaImage image{width_px(), height_px(), {}};
    image.rgba.resize(static_cast<std::size_t>(image.width_px) * image.height_px * 4);
    if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_RGBA32, image.rgba.data(), image.width_px * 4) !=
        0) {
        return std::unexpected(std::string("SDL_RenderReadPixels failed: ") + SDL_GetError());
    }
    for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;  // the screen is opaque
    return image;
}

ImTextureID SdlPlatform::create_rgba(int w, int h, const std::uint8_t* rgba) {
    // RGBA32 = bytes R,G,B,A in memory on any endianness.
    SDL_Texture* t = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC, w, h);
    if (t == nullptr) return nullptr;
    SDL_UpdateTexture(t, nullptr, rgba, w * 4);
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(t, SDL_ScaleModeLinear);
    return static_cast<ImTextureID>(t);
}

Uint32 SdlPlatform::window_format_or_unknown() const { return SDL_GetWindowPixelFormat(window_); }

ImTextureID SdlPlatform::create_opaque(int w, int h, const std::uint8_t* rgba) {
    // The window's own format when the renderer takes it (an unscaled copy is then a memcpy per
    // row in SDL's software renderer), else RGBA32.
    if (opaque_format_ == SDL_PIXELFORMAT_UNKNOWN) {
        opaque_format_ = SDL_PIXELFORMAT_RGBA32;
        const Uint32 window_format = SDL_GetWindowPixelFormat(window_);
        SDL_RendererInfo info{};
        if (window_format != SDL_PIXELFORMAT_UNKNOWN && SDL_GetRendererInfo(renderer_, &info) == 0) {
            for (Uint32 i = 0; i < info.num_texture_formats; ++i)
                if (info.texture_formats[i] == window_format) opaque_format_ = window_format;
            if (software_) opaque_format_ = window_format;  // the software renderer takes any format
        }
        if (g_profile.on)
            std::fprintf(stderr, "kiosk: profile: window format %s, tile texture format %s\n",
                         SDL_GetPixelFormatName(window_format_or_unknown()), SDL_GetPixelFormatName(opaque_format_));
    }
    SDL_Texture* t = SDL_CreateTexture(renderer_, opaque_format_, SDL_TEXTUREACCESS_STATIC, w, h);
    if (t == nullptr) return nullptr;
    if (opaque_format_ == SDL_PIXELFORMAT_RGBA32) {
        SDL_UpdateTexture(t, nullptr, rgba, w * 4);
    } else {
        convert_buffer_.resize(static_cast<std::size_t>(w) * h * 4);
        SDL_ConvertPixels(w, h, SDL_PIXELFORMAT_RGBA32, rgba, w * 4, opaque_format_, convert_buffer_.data(), w * 4);
        SDL_UpdateTexture(t, nullptr, convert_buffer_.data(), w * 4);
    }
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_NONE);
    SDL_SetTextureScaleMode(t, SDL_ScaleModeLinear);
    return static_cast<ImTextureID>(t);
}

void SdlPlatform::destroy(ImTextureID texture) {
    if (texture != nullptr) SDL_DestroyTexture(static_cast<SDL_Texture*>(texture));
}

}  // namespace bk::kiosk
