#include "kiosk/cli_options.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>

#include "data/local_time.hpp"
#include "kiosk/asset_paths.hpp"

namespace bk::kiosk {
namespace {

bool parse_int(const std::string& s, int& out) {
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

std::string cli_usage() {
    return "usage: kiosk [--fullscreen] [--kiosk] [--config FILE] [--feed FILE|URL]\n"
           "             [--tiles offline|pdok|URL-template] [--lang nl|en|tr|pl|pt|ar]\n"
           "             [--screenshot FILE --size WxH [--frames N]\n"
           "              [--screen map|venue:<id>|agenda|nearby|pin|arabic]]\n"
           "             [--now 2026-11-24T10:30:00+01:00] [--validate FEED]\n"
           "             [--renderer auto|software|opengl|opengles2]\n";
}

std::string find_offline_tiles_dir() { return asset_paths().offline_tiles_dir.string(); }

std::string find_sample_feed() { return asset_paths().sample_feed.string(); }

std::optional<std::chrono::sys_seconds> parse_now(const std::string& text) {
    if (auto t = data::parse_rfc3339(text)) return *t;
    if (auto local = data::parse_local_date_time(text)) return data::utc_from_amsterdam(*local);
    return std::nullopt;
}

std::expected<CliOptions, std::string> parse_cli(const std::vector<std::string>& args) {
    CliOptions o;
    auto value = [&](std::size_t& i, const std::string& name) -> std::expected<std::string, std::string> {
        if (i + 1 >= args.size()) return std::unexpected("option " + name + " needs a value");
        return args[++i];
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            o.help = true;
        } else if (a == "--fullscreen") {
            o.app.fullscreen = true;
        } else if (a == "--kiosk") {
            o.app.kiosk_mode = true;
            o.app.fullscreen = true;
        } else if (a == "--config" || a == "--feed" || a == "--tiles" || a == "--lang" || a == "--screenshot" ||
                   a == "--size" || a == "--frames" || a == "--screen" || a == "--validate" || a == "--now" ||
                   a == "--renderer") {
            auto v = value(i, a);
            if (!v) return std::unexpected(v.error());
            if (a == "--config") o.app.config_path = *v;
            if (a == "--feed") o.app.feed = *v;
            if (a == "--validate") o.validate_path = *v;
            if (a == "--screenshot") o.screenshot_path = *v;
            if (a == "--now") {
                o.now_utc = parse_now(*v);
                if (!o.now_utc) {
                    return std::unexpected("--now '" + *v +
                                           "': expected a time like 2026-11-24T10:30:00+01:00, 2026-11-24T09:30:00Z "
                                           "or 2026-11-24T10:30 (Amsterdam)");
                }
            }
            if (a == "--tiles") {
                if (*v != "offline" && *v != "pdok" && *v != "osm" && v->find("{z}") == std::string::npos) {
                    return std::unexpected("--tiles '" + *v +
                                           "': expected offline, pdok, osm or a URL template containing {z}/{x}/{y}");
                }
                o.app.tiles = *v;
                o.app.tiles_given = true;
            }
            if (a == "--lang") {
                static const char* langs[] = {"nl", "en", "tr", "pl", "pt", "ar"};
                if (std::find(std::begin(langs), std::end(langs), *v) == std::end(langs)) {
                    return std::unexpected("--lang '" + *v + "': expected one of nl, en, tr, pl, pt, ar");
                }
                o.app.language = *v;
                o.lang_given = true;
                o.app.language_given = true;
            }
            if (a == "--size") {
                const auto x = v->find('x');
                if (x == std::string::npos || !parse_int(v->substr(0, x), o.width_px) ||
                    !parse_int(v->substr(x + 1), o.height_px) || o.width_px < 320 || o.height_px < 240 ||
                    o.width_px > 8192 || o.height_px > 8192) {
                    return std::unexpected("--size '" + *v + "': expected WxH between 320x240 and 8192x8192");
                }
                o.size_given = true;
            }
            if (a == "--frames") {
                if (!parse_int(*v, o.frames) || o.frames < 1 || o.frames > 100000) {
                    return std::unexpected("--frames '" + *v + "': expected a whole number from 1 to 100000");
                }
            }
            if (a == "--renderer") o.renderer = *v;  // auto | software | SDL driver name (checked by SDL)
            if (a == "--screen") {
                if (*v != "map" && *v != "agenda" && *v != "nearby" && *v != "pin" && *v != "arabic" && *v != "host" &&
                    v->rfind("venue:", 0) != 0) {
                    return std::unexpected("--screen '" + *v +
                                           "': expected map, venue:<id>, agenda, nearby, pin or arabic");
                }
                o.start_screen = *v;
            }
        } else {
            return std::unexpected("unknown argument '" + a + "'\n" + cli_usage());
        }
    }
    if (o.now_utc) {
        // A screenshot shows exactly that moment; the live kiosk starts there and its clock runs on.
        const std::chrono::system_clock::time_point at = *o.now_utc;
        if (!o.screenshot_path.empty()) {
            o.app.wall_clock = [at] { return at; };
        } else {
            const auto offset = at - std::chrono::system_clock::now();
            o.app.wall_clock = [offset] { return std::chrono::system_clock::now() + offset; };
        }
    }
    o.app.offline_tiles_dir = find_offline_tiles_dir();
    o.app.sample_feed = find_sample_feed();
    return o;
}

}  // namespace bk::kiosk
