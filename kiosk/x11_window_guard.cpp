#include "kiosk/x11_window_guard.hpp"

#include <SDL_syswm.h>
#include <X11/Xlib.h>

#include <atomic>
#include <cstring>

namespace bk::kiosk {
namespace {

std::atomic<bool> g_lost{false};
std::atomic<unsigned long> g_window{0};
int (*g_previous)(Display*, XErrorEvent*) = nullptr;

int on_x_error(Display* display, XErrorEvent* e) {
    if (g_lost.load()) return 0;  // tearing down what belonged to the lost window (GCs, XShm images)
    // Once our window is gone SDL's next requests name it, or 0 (a parent/child looked up from it).
    const bool ours = e->resourceid == g_window.load() || e->resourceid == 0;
    if ((e->error_code == BadWindow || e->error_code == BadDrawable) && ours) {
        g_lost.store(true);
        return 0;  // ignored: the main loop ends the process cleanly
    }
    return g_previous ? g_previous(display, e) : 0;
}

}  // namespace

void install_x11_window_guard(SDL_Window* window) {
    const char* driver = SDL_GetCurrentVideoDriver();
    if (window == nullptr || driver == nullptr || std::strcmp(driver, "x11") != 0) return;
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_X11) return;
    g_window.store(info.info.x11.window);
    auto previous = XSetErrorHandler(on_x_error);
    if (previous != on_x_error) g_previous = previous;
}

bool x11_window_lost() { return g_lost.load(); }

}  // namespace bk::kiosk
