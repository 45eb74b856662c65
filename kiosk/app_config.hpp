// AppConfig — how the kiosk starts: from the command line (cli_options.hpp) and the host settings.
// Plain values; main thread.
#pragma once
#include <chrono>
#include <functional>
#include <string>

namespace bk::kiosk {

enum class Screen { Map, Venue, Agenda, Nearby, Pin, HostSettings };

struct AppConfig {
    std::string language = "nl";
    bool language_given = false;     // --lang overrides the saved default language
    bool kiosk_mode = false;
    bool fullscreen = false;
    std::string config_path;         // host settings file ("" = default path)
    std::string feed;                // file or http(s) URL ("" = embedded sample feed)
    std::string sample_feed;         // the embedded default data (assets/feed/sample_feed.json)
    std::string tiles = "offline";   // offline | pdok | URL template with {z}/{x}/{y}
    bool tiles_given = false;         // --tiles overrides the host setting
    std::string offline_tiles_dir;   // resolved folder of baked tiles
    // Wall clock for the agenda and the status line ("now"); tests inject a fixed time.
    std::function<std::chrono::system_clock::time_point()> wall_clock;
    bool start_updater = true;       // tests/benchmarks may keep the HTTP updater off
    // Any-thread callback that wakes the main loop (an SDL user event); tile workers and the feed
    // updater call it. Given before App exists, so no worker thread ever sees it change.
    std::function<void()> wake;
    double start_lon_deg = 4.4490, start_lat_deg = 51.9112, start_zoom = 14.6;
};

}  // namespace bk::kiosk
