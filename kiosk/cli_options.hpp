// CliOptions — the kiosk's command line:
//   kiosk [--fullscreen] [--kiosk] [--config FILE] [--feed FILE|URL] [--tiles offline|pdok|URL-template]
//         [--lang nl|en|tr|pl|pt|ar] [--screenshot FILE --size WxH [--frames N]
//         [--screen map|venue:<id>|agenda|nearby|pin|arabic]] [--validate FEED]
// Usage: auto opts = parse_cli(argc, argv); if (!opts) { print(opts.error()); return 2; }
// Any thread (pure). Errors name the option, the value found and what was expected.
#pragma once
#include <expected>
#include <string>
#include <vector>

#include "kiosk/app_config.hpp"

namespace bk::kiosk {

struct CliOptions {
    AppConfig app;
    bool help = false;
    std::string screenshot_path;  // non-empty: render headless and write this PNG
    int width_px = 1280;
    int height_px = 800;
    bool size_given = false;
    int frames = 0;               // 0 = until the map is complete (capped), else exactly N frames
    std::string start_screen = "map";  // map | venue:<id> | agenda | nearby | pin | arabic
    std::string validate_path;    // non-empty: validate this feed and exit
    bool lang_given = false;
    std::string renderer = "auto";  // --renderer: auto picks software when there is no real GPU
};

std::expected<CliOptions, std::string> parse_cli(const std::vector<std::string>& args);
std::string cli_usage();
// The folder of baked offline tiles: <prefix>/share/buurtkaart/tiles/offline when installed, the
// build tree's bake during development (asset_paths.hpp has the rules).
std::string find_offline_tiles_dir();
// The embedded default feed (sample_feed.json), looked up the same way.
std::string find_sample_feed();

}  // namespace bk::kiosk
