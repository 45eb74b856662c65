// asset_paths — where the kiosk finds its read-only data (baked offline tiles, the sample feed) and the
// coordinator's settings drop-ins, relative to the executable's own install prefix.
//
// Layouts (the first that applies wins):
//   1. $BUURTKAART_DATA_DIR set          -> that folder, laid out like <prefix>/share/buurtkaart.
//   2. installed: <prefix>/bin/<exe> with <prefix>/share/buurtkaart present (any prefix: /usr,
//      /usr/local, a `dpkg-deb -x` tree) -> <prefix>/share/buurtkaart/{tiles/offline,feed/...}.
//   3. build tree: the executable lies under the CMake binary dir it was built in -> the tiles baked in
//      <build>/tiles/offline and <source>/assets (development, tests, benchmarks).
//   4. otherwise the installed layout of (2) anyway, so error messages name the expected place.
// An installed kiosk therefore never reads the build tree, even if the build tree still exists.
// Drop-ins: $BUURTKAART_KIOSK_D, else <sysconfdir>/buurtkaart/kiosk.d for installed layouts, where
// <sysconfdir> is /etc for the prefix /usr (also <root>/etc for <root>/usr) and <prefix>/etc otherwise;
// none ("") in a build tree.
//
//     const AssetPaths& p = asset_paths();          // this process (/proc/self/exe), computed once
//     load(p.offline_tiles_dir); load(p.sample_feed);
//     AssetPaths t = resolve_asset_paths("/opt/x/bin/buurtkaart-kiosk", env);   // tests: pure
//
// Thread: resolve_asset_paths is pure (reads the file system only); asset_paths() is safe from any
// thread (function-local static).
#pragma once
#include <filesystem>
#include <functional>
#include <string>

namespace bk::kiosk {

enum class AssetLayout { env_override, installed, build_tree, fallback };

struct AssetPaths {
    AssetLayout layout = AssetLayout::fallback;
    std::filesystem::path data_dir;           // share/buurtkaart (or the env override)
    std::filesystem::path offline_tiles_dir;  // baked basemap {z}/{x}/{y}.png + metadata.json
    std::filesystem::path sample_feed;        // embedded default feed (assets/feed/sample_feed.json)
    std::filesystem::path dropin_dir;         // coordinator settings drop-ins; "" = none
};

// `getenv` is injected so tests need not touch the process environment.
using EnvLookup = std::function<const char*(const char*)>;

AssetPaths resolve_asset_paths(const std::filesystem::path& exe_path, const EnvLookup& getenv);
// For this process: /proc/self/exe and the real environment. Computed on first use.
const AssetPaths& asset_paths();
// "installed", "build tree", ... for logs.
std::string to_string(AssetLayout layout);

}  // namespace bk::kiosk
