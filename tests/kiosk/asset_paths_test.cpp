// asset_paths_test.cpp — the kiosk finds its data relative to its own prefix, the build tree only when
// it runs from the build tree, and the drop-in folder next to the prefix's /etc.
#include "kiosk/asset_paths.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>

#include <unistd.h>

using namespace bk::kiosk;
namespace fs = std::filesystem;

namespace {
struct FakeEnv {
    std::map<std::string, std::string> vars;
    EnvLookup lookup() const {
        return [this](const char* n) -> const char* {
            auto it = vars.find(n);
            return it == vars.end() ? nullptr : it->second.c_str();
        };
    }
};

fs::path temp_root(const std::string& name) {
    fs::path p = fs::path(BUURTKAART_BINARY_DIR) / "test-tmp" / "asset_paths" / (name + "-" + std::to_string(::getpid()));
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
}
}  // namespace

TEST_CASE("an unpacked package tree (<root>/usr) uses <root>/usr/share/buurtkaart and <root>/etc") {
    const fs::path root = temp_root("unpacked");
    fs::create_directories(root / "usr/share/buurtkaart/tiles/offline");
    const FakeEnv env;
    const AssetPaths p = resolve_asset_paths(root / "usr/bin/buurtkaart-kiosk", env.lookup());
    CHECK(p.layout == AssetLayout::installed);
    CHECK(p.offline_tiles_dir == root / "usr/share/buurtkaart/tiles/offline");
    CHECK(p.sample_feed == root / "usr/share/buurtkaart/feed/sample_feed.json");
    CHECK(p.dropin_dir == root / "etc/buurtkaart/kiosk.d");
    fs::remove_all(root);
}

TEST_CASE("an install inside the build tree still reads its own prefix, not the build tree's bake") {
    const fs::path root = temp_root("staged");  // lies under the build dir, like `cmake --install build --prefix build/x`
    fs::create_directories(root / "share/buurtkaart");
    const FakeEnv env;
    const AssetPaths p = resolve_asset_paths(root / "bin/buurtkaart-kiosk", env.lookup());
    CHECK(p.layout == AssetLayout::installed);
    CHECK(p.offline_tiles_dir == root / "share/buurtkaart/tiles/offline");
    CHECK(p.dropin_dir == root / "etc/buurtkaart/kiosk.d");  // prefix other than .../usr: <prefix>/etc
    fs::remove_all(root);
}

TEST_CASE("the build tree's executables use the baked tiles and the source assets, without drop-ins") {
    const FakeEnv env;
    const AssetPaths p = resolve_asset_paths(fs::path(BUURTKAART_BINARY_DIR) / "kiosk" / "kiosk", env.lookup());
    CHECK(p.layout == AssetLayout::build_tree);
    CHECK(p.offline_tiles_dir == fs::path(BUURTKAART_BINARY_DIR) / "tiles" / "offline");
    CHECK(p.sample_feed == fs::path(BUURTKAART_SOURCE_DIR) / "assets" / "feed" / "sample_feed.json");
    CHECK(p.dropin_dir.empty());
    // This test binary runs from the build tree too.
    CHECK(asset_paths().layout == AssetLayout::build_tree);
}

TEST_CASE("a copy outside any known layout names the installed places; environment overrides win") {
    FakeEnv env;
    const AssetPaths lost = resolve_asset_paths("/nonexistent-prefix/bin/buurtkaart-kiosk", env.lookup());
    CHECK(lost.layout == AssetLayout::fallback);
    CHECK(lost.offline_tiles_dir == "/nonexistent-prefix/share/buurtkaart/tiles/offline");
    CHECK(lost.dropin_dir == "/nonexistent-prefix/etc/buurtkaart/kiosk.d");
    const AssetPaths usr = resolve_asset_paths("/usr/bin/buurtkaart-kiosk", env.lookup());
    CHECK(usr.dropin_dir == "/etc/buurtkaart/kiosk.d");

    env.vars["BUURTKAART_DATA_DIR"] = "/srv/kiosk-data";
    env.vars["BUURTKAART_KIOSK_D"] = "/media/usb/kiosk.d";
    const AssetPaths over = resolve_asset_paths(fs::path(BUURTKAART_BINARY_DIR) / "kiosk" / "kiosk", env.lookup());
    CHECK(over.layout == AssetLayout::env_override);
    CHECK(over.offline_tiles_dir == "/srv/kiosk-data/tiles/offline");
    CHECK(over.dropin_dir == "/media/usb/kiosk.d");
}
