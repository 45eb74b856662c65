// bench_kiosk — figures for the kiosk shell (SDL dummy video driver, software renderer):
//   1. time to the first full frame (every visible tile drawn) at 1920x1080
//   2. frames per second while panning at 1920x1080
//   3. idle CPU: process CPU time (getrusage) while the real loop sleeps on events, --idle-seconds (30)
//   4. RSS after --sim-seconds (3600) of simulated use with an injected, fast-forwarded clock; peak RSS
// Prints figures; asserts nothing. Usage: SDL_VIDEODRIVER=dummy bench_kiosk [--idle-seconds N] [--sim-seconds N]
#include <SDL.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include <unistd.h>
#include <fstream>
#include <random>
#include <string>

#include "kiosk/kiosk_session.hpp"

using namespace bk::kiosk;
using Clock = std::chrono::steady_clock;

namespace {

long rss_kib(const char* field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(field, 0) == 0) return std::strtol(line.c_str() + std::string(field).size(), nullptr, 10);
    }
    return -1;
}

double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

CliOptions options(int w, int h) {
    CliOptions o = parse_cli({}).value();
    o.width_px = w;
    o.height_px = h;
    o.app.config_path = "/tmp/bench_kiosk_settings_" + std::to_string(::getpid()) + ".json";
    o.app.start_updater = false;
    // Tuesday 2026-11-24 10:30 Amsterdam: the sample feed has a busy day then.
    o.app.wall_clock = [] {
        using namespace std::chrono;
        return sys_days{year{2026} / November / 24} + hours{9} + minutes{30};
    };
    return o;
}

void finger(Uint32 type, SDL_FingerID id, float x, float y, int w, int h) {
    SDL_Event e{};
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = id;
    e.tfinger.x = x / w;
    e.tfinger.y = y / h;
    SDL_PushEvent(&e);
}

}  // namespace

int main(int argc, char** argv) {
    int idle_seconds = 30, sim_seconds = 3600;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--idle-seconds") idle_seconds = std::atoi(argv[++i]);
        else if (std::string(argv[i]) == "--sim-seconds") sim_seconds = std::atoi(argv[++i]);
    }
    setvbuf(stdout, nullptr, _IOLBF, 0);  // figures appear as they are measured
    if (std::getenv("SDL_VIDEODRIVER") == nullptr) setenv("SDL_VIDEODRIVER", "dummy", 1);
    std::printf("bench_kiosk (SDL %s driver, software renderer)\n", std::getenv("SDL_VIDEODRIVER"));

    // 1. First full frame at 1920x1080.
    const int W = 1920, H = 1080;
    const auto t0 = Clock::now();
    auto created = KioskSession::create(options(W, H), /*headless=*/true);
    if (!created) {
        std::fprintf(stderr, "bench_kiosk: %s\n", created.error().c_str());
        return 1;
    }
    KioskSession& s = **created;
    const auto t_created = Clock::now();
    SteadyTime fake{std::chrono::seconds(1000)};
    int frames = 0;
    do {
        s.step(fake += std::chrono::milliseconds(16));
        ++frames;
    } while (!s.app().map_complete() && frames < 200);
    const auto t_full = Clock::now();
    std::printf("first full frame 1920x1080: %.0f ms (start-up %.0f ms + %d frames), %zu tile textures\n",
                std::chrono::duration<double, std::milli>(t_full - t0).count(),
                std::chrono::duration<double, std::milli>(t_created - t0).count(), frames, s.app().texture_count());

    // 2. Panning fps at 1920x1080: one finger drags back and forth across the map.
    const int pan_frames = 120;
    finger(SDL_FINGERDOWN, 1, 900, 500, W, H);
    s.step(fake += std::chrono::milliseconds(16));
    const auto p0 = Clock::now();
    for (int i = 0; i < pan_frames; ++i) {
        const float x = 900 + 300 * std::sin(i / 15.0f), y = 500 + 120 * std::cos(i / 20.0f);
        finger(SDL_FINGERMOTION, 1, x, y, W, H);
        s.step(fake += std::chrono::milliseconds(16));
    }
    const double pan_s = std::chrono::duration<double>(Clock::now() - p0).count();
    finger(SDL_FINGERUP, 1, 900, 500, W, H);
    s.step(fake += std::chrono::seconds(1));
    std::printf("panning 1920x1080: %.1f frames/s (%d frames in %.2f s, software renderer)\n", pan_frames / pan_s,
                pan_frames, pan_s);

    created->reset();

    // 3. Idle CPU: a fresh kiosk on the real clock, the real loop (SDL_WaitEventTimeout), nobody
    //    touching it (within the idle timeout: the map simply waits for events).
    auto idle_session = KioskSession::create(options(W, H), /*headless=*/true);
    KioskSession& s2 = **idle_session;
    for (int i = 0; i < 40 && !s2.app().map_complete(); ++i) s2.step_blocking();
    for (int i = 0; i < 3; ++i) s2.step_blocking();  // settle
    const double c0 = cpu_seconds();
    const auto i0 = Clock::now();
    const long long frames_before = s2.app().frames_drawn();
    int wakeups = 0;
    while (Clock::now() - i0 < std::chrono::seconds(idle_seconds)) {
        s2.step_blocking();
        ++wakeups;
    }
    const long long idle_frames = s2.app().frames_drawn() - frames_before;
    const double idle_cpu = cpu_seconds() - c0;
    // Note: SDL's dummy driver cannot block in SDL_WaitEventTimeout (it polls every ms); X11/KMS block.
    std::printf("idle over %d s: %.3f s CPU (%.2f%% of one core), %lld frames drawn, %d loop wake-ups\n",
                idle_seconds, idle_cpu, 100.0 * idle_cpu / idle_seconds, idle_frames, wakeups);
    idle_session->reset();

    // 4. An hour of simulated use at 1280x800: a visitor action every 4 s of fake time (taps,
    //    drags, pinches, screens, languages), the fake clock fast-forwarded; then RSS.
    auto sim = KioskSession::create(options(1280, 800), true);
    KioskSession& k = **sim;
    const long rss_start = rss_kib("VmRSS:");
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> xs(0, 1280), ys(90, 800);
    SteadyTime now{std::chrono::seconds(5000)};
    const Screen screens[] = {Screen::Map, Screen::Venue, Screen::Agenda, Screen::Nearby};
    const auto& venues = k.app().model().feed()->venues;
    const auto s0 = Clock::now();
    int actions = 0;
    for (int t = 0; t < sim_seconds; t += 4, ++actions) {
        const int a = static_cast<int>(rng() % 10);
        if (a < 4) {
            const float x = xs(rng), y = ys(rng);
            finger(SDL_FINGERDOWN, 1, x, y, 1280, 800);
            k.step(now += std::chrono::milliseconds(50));
            finger(SDL_FINGERUP, 1, x, y, 1280, 800);
        } else if (a < 7) {
            float x = xs(rng), y = ys(rng);
            finger(SDL_FINGERDOWN, 2, x, y, 1280, 800);
            for (int m = 0; m < 3; ++m) finger(SDL_FINGERMOTION, 2, x += 40, y += 10, 1280, 800);
            k.step(now += std::chrono::milliseconds(50));
            finger(SDL_FINGERUP, 2, x, y, 1280, 800);
        } else if (a < 9) {
            k.app().open(screens[rng() % 4], venues[rng() % venues.size()].id);
        } else {
            static const char* langs[] = {"nl", "en", "tr", "pl", "pt", "ar"};
            k.app().set_language(langs[rng() % 6]);
        }
        k.step(now += std::chrono::seconds(4));
        if ((t + 4) % 900 == 0) {
            std::printf("  after %5d simulated s: RSS %ld KiB, %zu tile textures\n", t + 4, rss_kib("VmRSS:"),
                        k.app().texture_count());
        }
    }
    const double sim_s = std::chrono::duration<double>(Clock::now() - s0).count();
    std::printf("simulated %d s of use (%d actions, %.1f s wall): RSS %ld KiB at start, %ld KiB after, "
                "%zu tile textures\n",
                sim_seconds, actions, sim_s, rss_start, rss_kib("VmRSS:"), k.app().texture_count());
    std::printf("peak RSS: %ld KiB\n", rss_kib("VmHWM:"));
    sim->reset();
    std::remove(("/tmp/bench_kiosk_settings_" + std::to_string(::getpid()) + ".json").c_str());
    return 0;
}
