#include "kiosk/asset_paths.hpp"

#include <cstdlib>

namespace bk::kiosk {
namespace fs = std::filesystem;

namespace {

bool path_exists(const fs::path& p) {
    std::error_code ec;
    return fs::exists(p, ec);
}

// True when `p` lies inside `dir` (component-wise, after resolving symlinks and "..").
bool is_inside(const fs::path& p, const fs::path& dir) {
    std::error_code ec;
    const fs::path a = fs::weakly_canonical(p, ec);
    if (ec) return false;
    const fs::path b = fs::weakly_canonical(dir, ec);
    if (ec || b.empty()) return false;
    auto ai = a.begin();
    for (auto bi = b.begin(); bi != b.end(); ++bi, ++ai) {
        if (bi->empty()) continue;  // trailing separator
        if (ai == a.end() || *ai != *bi) return false;
    }
    return true;
}

AssetPaths share_layout(AssetLayout layout, const fs::path& data_dir) {
    AssetPaths p;
    p.layout = layout;
    p.data_dir = data_dir;
    p.offline_tiles_dir = data_dir / "tiles" / "offline";
    p.sample_feed = data_dir / "feed" / "sample_feed.json";
    return p;
}

// FHS: the prefix /usr keeps its configuration in /etc (GNUInstallDirs does the same); a tree
// unpacked under <root> (dpkg-deb -x) has <root>/usr and <root>/etc; other prefixes use <prefix>/etc.
fs::path sysconf_dir(const fs::path& prefix) {
    if (prefix.filename() == "usr") return prefix.parent_path() / "etc";
    return prefix / "etc";
}

}  // namespace

std::string to_string(AssetLayout layout) {
    switch (layout) {
        case AssetLayout::env_override: return "BUURTKAART_DATA_DIR";
        case AssetLayout::installed: return "installed";
        case AssetLayout::build_tree: return "build tree";
        case AssetLayout::fallback: return "not found";
    }
    return "not found";
}

AssetPaths resolve_asset_paths(const fs::path& exe_path, const EnvLookup& getenv) {
    const fs::path bin_dir = exe_path.parent_path();
    const fs::path prefix = bin_dir.parent_path();
    const fs::path installed_data = prefix / "share" / "buurtkaart";
    AssetPaths p;
    if (const char* d = getenv("BUURTKAART_DATA_DIR"); d && *d) {
        p = share_layout(AssetLayout::env_override, d);
    } else if (path_exists(installed_data)) {
        p = share_layout(AssetLayout::installed, installed_data);
    } else if (is_inside(exe_path, BUURTKAART_KIOSK_BUILD_DIR)) {
        p.layout = AssetLayout::build_tree;
        p.data_dir = BUURTKAART_KIOSK_ASSETS_DIR;
        p.offline_tiles_dir = BUURTKAART_KIOSK_OFFLINE_TILES_DIR;
        p.sample_feed = fs::path(BUURTKAART_KIOSK_ASSETS_DIR) / "feed" / "sample_feed.json";
    } else {
        p = share_layout(AssetLayout::fallback, installed_data);
    }
    if (const char* d = getenv("BUURTKAART_KIOSK_D"); d && *d) {
        p.dropin_dir = d;
    } else if (p.layout != AssetLayout::build_tree) {
        p.dropin_dir = sysconf_dir(prefix) / "buurtkaart" / "kiosk.d";
    }
    return p;
}

const AssetPaths& asset_paths() {
    static const AssetPaths paths = [] {
        std::error_code ec;
        fs::path exe = fs::read_symlink("/proc/self/exe", ec);
        if (ec) exe = fs::current_path(ec) / "buurtkaart-kiosk";
        return resolve_asset_paths(exe, [](const char* name) { return std::getenv(name); });
    }();
    return paths;
}

}  // namespace bk::kiosk
