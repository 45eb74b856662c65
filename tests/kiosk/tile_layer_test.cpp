// kiosk::TileLayer over bk::map::TileLayer: tiles fetched and decoded on workers (HTTP from a real
// 127.0.0.1 server serving the baked offline pack, with the disk cache), uploaded as textures and
// drawn headless (dummy SDL driver); tile source choice from --tiles and the host setting.
#include <doctest/doctest.h>
#include <test_http_server.hpp>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "kiosk/tile_layer.hpp"
#include "kiosk_test_support.hpp"
#include "map/tile_grid.hpp"

using namespace bk::kiosk;
using namespace bk::kiosk::test;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name)
        : path(fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::unique_ptr<KioskSession> headless_session(CliOptions o = fixed_options()) {
    auto s = KioskSession::create(o, /*headless=*/true);
    REQUIRE_MESSAGE(s.has_value(), (s ? "" : s.error()));
    return std::move(*s);
}

// Draws frames (a real ImGui frame each) until the layer is complete; waits on the workers between.
bool draw_until_complete(KioskSession& s, TileLayer& layer, const MapCamera& cam, int max_frames = 300) {
    s.step(SteadyTime{std::chrono::seconds(1000)});  // fonts and the ImGui frame state exist
    for (int i = 0; i < max_frames; ++i) {
        std::vector<MapBlit> blits;
        layer.draw(cam, blits, 8);
        if (layer.complete()) return true;
        if (!layer.needs_redraw()) layer.wait_for_results(std::chrono::milliseconds(200));
    }
    return false;
}

MapCamera delfshaven_camera() {
    MapCamera cam;
    cam.set_screen(0, 80, 1280, 720);
    cam.look_at(4.4470, 51.9105, 15.0);
    return cam;
}

std::vector<bk::map::TileId> visible_tiles(const MapCamera& cam, const TileLayer& layer) {
    const auto& v = cam.viewport();
    return bk::map::cover_viewport(v.center(), v.zoom(), v.screen(), layer.min_z(), layer.max_z()).tiles;
}

// The build always bakes the offline tiles (target basemap_tiles): missing tiles are a failure.
#define REQUIRE_TILES() \
    REQUIRE_MESSAGE(offline_tiles_available(), "offline tiles not baked at " << find_offline_tiles_dir())

}  // namespace

TEST_CASE("kiosk tile layer draws every visible tile from an HTTP source on a real server, then from its disk cache") {
    REQUIRE_TILES();
    const std::string pack = find_offline_tiles_dir();
    test_support::TestHttpServer server(test_support::static_files_handler(pack));
    TempDir cache("bk-kiosk-tile-cache");
    auto session = headless_session();
    const MapCamera cam = delfshaven_camera();

    auto info = tile_source_from_option(server.url("/{z}/{x}/{y}.png"), pack);
    REQUIRE(info.has_value());
    CHECK(info->kind == bk::map::SourceKind::Http);
    std::atomic<int> wakes{0};
    std::size_t visible = 0;
    {
        TileLayer layer(session->platform(), *info, cache.path, [&] { ++wakes; });
        REQUIRE(layer.has_tiles());
        const auto tiles = visible_tiles(cam, layer);
        visible = tiles.size();
        REQUIRE(visible >= 12);
        for (const auto& t : tiles) {  // precondition: the pack holds the whole view
            REQUIRE(fs::exists(pack + "/" + std::to_string(t.z) + "/" + std::to_string(t.x) + "/" +
                               std::to_string(t.y) + ".png"));
        }
        CHECK_FALSE(layer.complete());
        REQUIRE(draw_until_complete(*session, layer, cam));
        CHECK(layer.error_count() == 0);
        CHECK(layer.texture_count() >= visible);
        CHECK_FALSE(layer.is_loading());
        CHECK(server.request_count() >= static_cast<int>(visible));
    }
    CHECK(wakes.load() >= static_cast<int>(visible));  // each worker result woke the loop (workers joined now)

    // A fresh layer with the same cache dir draws the view without asking the server again.
    const int requests_before = server.request_count();
    std::size_t cached_files = 0;
    for (const auto& e : fs::recursive_directory_iterator(cache.path)) cached_files += e.is_regular_file();
    CHECK(cached_files >= visible);
    TileLayer again(session->platform(), *info, cache.path);
    REQUIRE(draw_until_complete(*session, again, cam));
    CHECK(again.error_count() == 0);
    CHECK(again.texture_count() >= visible);
    CHECK(server.request_count() == requests_before);
}

TEST_CASE("kiosk tile layer on the offline folder completes, and counts absent tiles as done after they fail") {
    REQUIRE_TILES();
    auto session = headless_session();
    TileLayer layer(session->platform(), find_offline_tiles_dir());
    REQUIRE(layer.has_tiles());
    CHECK(layer.source().id == "offline");
    CHECK(layer.min_z() >= 13);
    CHECK(layer.max_z() <= 18);
    MapCamera cam = delfshaven_camera();
    REQUIRE(draw_until_complete(*session, layer, cam));
    CHECK(layer.error_count() == 0);

    // A copy of the pack with one visible tile removed: the layer still completes; the failure is reported once.
    TempDir copy("bk-kiosk-tile-pack");
    const auto tiles = visible_tiles(cam, layer);
    const auto& gone = tiles.front();
    for (int z = gone.z - 1; z <= gone.z; ++z) {
        fs::copy(find_offline_tiles_dir() + "/" + std::to_string(z), copy.path / std::to_string(z),
                 fs::copy_options::recursive);
    }
    fs::remove(copy.path / std::to_string(gone.z) / std::to_string(gone.x) / (std::to_string(gone.y) + ".png"));
    TileLayer holey(session->platform(), copy.path.string());
    CHECK(holey.min_z() == gone.z - 1);
    REQUIRE(draw_until_complete(*session, holey, cam));
    CHECK(holey.error_count() == 1);
    CHECK(holey.last_error().find(std::to_string(gone.y) + ".png") != std::string::npos);
}

TEST_CASE("kiosk tile layer without a usable source draws nothing and keeps the last good source on a bad switch") {
    auto session = headless_session();
    TempDir empty("bk-kiosk-no-tiles");
    TileLayer none(session->platform(), empty.path.string());
    CHECK_FALSE(none.has_tiles());
    CHECK(none.last_error().find(empty.path.string()) != std::string::npos);

    REQUIRE_TILES();
    TileLayer layer(session->platform(), find_offline_tiles_dir());
    REQUIRE(layer.has_tiles());
    bk::map::TileSourceInfo bad = bk::map::osm_source("ftp://example.invalid/{z}/{x}/{y}.png");
    auto r = layer.set_source(bad);
    CHECK_FALSE(r.has_value());
    CHECK(layer.has_tiles());
    CHECK(layer.source().id == "offline");
    CHECK(layer.attribution() == bk::map::offline_source("x").attribution);
}

TEST_CASE("tile source: --tiles wins over the host setting; presets are PDOK/OSM with their attribution") {
    host::TileSourceSetting setting;
    CHECK(choose_tile_source("", setting, "/pack").kind == bk::map::SourceKind::LocalFolder);
    CHECK(choose_tile_source("", setting, "/pack").url_template.starts_with("/pack/"));
    setting.preset = host::TilePreset::pdok_grijs;
    CHECK(choose_tile_source("offline", setting, "/pack").id == "offline");  // --tiles offline was given
    const auto grijs = choose_tile_source("", setting, "/pack");
    CHECK(grijs.id == "pdok-grijs");
    CHECK(grijs.url_template.find("/grijs/EPSG:3857/{z}/{x}/{y}.png") != std::string::npos);
    CHECK(bk::map::attribution_text(grijs).find("Kadaster") != std::string::npos);
    CHECK(choose_tile_source("pdok", setting, "/pack").id == "pdok-standaard");
    setting.preset = host::TilePreset::osm;
    const auto osm = choose_tile_source("", setting, "/pack");
    CHECK(osm.id == "osm");
    CHECK(osm.min_cache_freshness >= std::chrono::hours(24 * 7));
    CHECK(bk::map::attribution_text(osm).find("OpenStreetMap") != std::string::npos);
    setting.preset = host::TilePreset::custom;
    setting.url_template = "https://tiles.example.nl/{z}/{x}/{y}.png";
    setting.attribution = "Kaart: Voorbeeld";
    CHECK(choose_tile_source("osm", setting, "/pack").id == "osm");
    const auto custom = choose_tile_source("", setting, "/pack");
    CHECK(custom.kind == bk::map::SourceKind::Http);
    CHECK(custom.url_template == setting.url_template);
    CHECK(bk::map::attribution_text(custom) == "Kaart: Voorbeeld");
    CHECK(custom.id != choose_tile_source("", {host::TilePreset::custom, "https://b.example/{z}/{x}/{y}.png", ""}, "/pack").id);
    CHECK_FALSE(tile_source_from_option("https://x.example/tiles.png", "/pack").has_value());
    // Without a configured attribution the line still names where the map comes from.
    CHECK(bk::map::attribution_text(*tile_source_from_option("http://tiles.example.org:8080/{z}/{x}/{y}.png", "")) ==
          "Kaart: tiles.example.org:8080");
}

TEST_CASE("kiosk app with --tiles URL template shows the same map as with the offline pack") {
    REQUIRE_TILES();
    test_support::TestHttpServer server(test_support::static_files_handler(find_offline_tiles_dir()));
    TempDir cache("bk-kiosk-app-cache");
    const char* old_xdg = std::getenv("XDG_CACHE_HOME");
    const std::string saved = old_xdg ? old_xdg : "";
    ::setenv("XDG_CACHE_HOME", cache.path.c_str(), 1);
    auto render = [](CliOptions o) {
        auto s = headless_session(o);
        FakeTime t;
        for (int i = 0; i < 400; ++i) {
            s->step(t.advance());
            if (i >= 2 && s->app().map_complete()) break;
            s->app().wait_for_tiles(std::chrono::milliseconds(200));
        }
        CHECK(s->app().map_complete());
        s->step(t.advance());
        auto img = s->read_pixels();
        REQUIRE(img.has_value());
        return *img;
    };
    CliOptions http = fixed_options();
    http.app.tiles = server.url("/{z}/{x}/{y}.png");
    http.app.tiles_given = true;
    const RgbaImage a = render(http);
    const RgbaImage b = render(fixed_options());
    if (old_xdg) ::setenv("XDG_CACHE_HOME", saved.c_str(), 1);
    else ::unsetenv("XDG_CACHE_HOME");
    CHECK(server.request_count() > 0);
    CHECK(fs::exists(cache.path / "buurtkaart" / "tiles"));
    REQUIRE(a.width_px == b.width_px);
    REQUIRE(a.height_px == b.height_px);
    // Everything but the attribution strip at the bottom is the same picture.
    std::size_t differ = 0, total = 0;
    for (int y = 0; y < a.height_px - 48; ++y) {
        for (int x = 0; x < a.width_px; ++x) {
            const std::size_t i = (static_cast<std::size_t>(y) * a.width_px + x) * 4;
            ++total;
            for (int c = 0; c < 3; ++c) {
                if (std::abs(a.rgba[i + c] - b.rgba[i + c]) > 8) {
                    ++differ;
                    break;
                }
            }
        }
    }
    CHECK_MESSAGE(differ <= total / 1000, differ << " of " << total << " pixels differ");
}

TEST_CASE("kiosk app takes its tile source from the host setting (custom template on a local server)") {
    REQUIRE_TILES();
    test_support::TestHttpServer server(test_support::static_files_handler(find_offline_tiles_dir()));
    TempDir dir("bk-kiosk-host-tiles");
    const char* old_xdg = std::getenv("XDG_CACHE_HOME");
    const std::string saved = old_xdg ? old_xdg : "";
    ::setenv("XDG_CACHE_HOME", (dir.path / "cache").c_str(), 1);
    const fs::path config = dir.path / "kiosk.json";
    {
        std::ofstream f(config);
        f << R"({"tile_source": {"preset": "custom", "url_template": ")" << server.url("/{z}/{x}/{y}.png")
          << R"(", "attribution": "Kaart: test"}})";
    }
    CliOptions o = fixed_options();
    o.app.config_path = config.string();
    {
        auto s = headless_session(o);
        FakeTime t;
        for (int i = 0; i < 400 && !(i >= 2 && s->app().map_complete()); ++i) {
            s->step(t.advance());
            s->app().wait_for_tiles(std::chrono::milliseconds(200));
        }
        CHECK(s->app().map_complete());
    }
    if (old_xdg) ::setenv("XDG_CACHE_HOME", saved.c_str(), 1);
    else ::unsetenv("XDG_CACHE_HOME");
    CHECK(server.request_count() >= 12);
    bool cached = false;
    for (const auto& e : fs::recursive_directory_iterator(dir.path / "cache")) cached = cached || e.is_regular_file();
    CHECK(cached);
}

TEST_CASE("kiosk tile layer makes at most max_uploads textures per draw and still completes") {
    REQUIRE_TILES();
    auto session = headless_session();
    session->step(SteadyTime{std::chrono::seconds(1000)});
    TileLayer layer(session->platform(), find_offline_tiles_dir());
    const MapCamera cam = delfshaven_camera();
    std::size_t most = 0;
    bool done = false;
    for (int i = 0; i < 300 && !done; ++i) {
        const std::size_t before = layer.texture_count();
        std::vector<MapBlit> blits;
        layer.draw(cam, blits, 2);
        most = std::max(most, layer.texture_count() - before);
        done = layer.complete();
        if (!done && !layer.needs_redraw()) {
            layer.wait_for_results(std::chrono::milliseconds(200));
            // Let the workers deliver more than one tile before the next draw, so the cap is
            // really exercised (on a busy machine results may otherwise arrive one at a time).
            std::this_thread::sleep_for(std::chrono::milliseconds(30));
        }
    }
    CHECK(done);
    CHECK(most == 2);  // the cap was reached and never exceeded
    CHECK(layer.texture_count() >= visible_tiles(cam, layer).size());
}

TEST_CASE("switching tile source does not wait for a hanging HTTP fetch of the old source") {
    REQUIRE_TILES();
    std::mutex m;
    std::condition_variable cv;
    bool released = false;
    std::atomic<int> answered{0};
    test_support::TestHttpServer server([&](const test_support::HttpRequest&) {
        std::unique_lock lock(m);
        cv.wait_for(lock, std::chrono::seconds(5), [&] { return released; });
        ++answered;
        return test_support::HttpResponse{404, {}, "gone"};
    });
    TempDir cache("bk-kiosk-switch-cache");
    auto session = headless_session();
    session->step(SteadyTime{std::chrono::seconds(1000)});
    const MapCamera cam = delfshaven_camera();
    TileLayer layer(session->platform(), *tile_source_from_option(server.url("/{z}/{x}/{y}.png"), ""), cache.path);
    std::vector<MapBlit> blits;
    layer.draw(cam, blits, 8);  // workers now wait on the server
    for (int i = 0; i < 100 && server.request_count() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(server.request_count() > 0);

    REQUIRE(layer.set_source(bk::map::offline_source(find_offline_tiles_dir())).has_value());
    CHECK(layer.source().id == "offline");
    CHECK(draw_until_complete(*session, layer, cam));
    CHECK(answered.load() == 0);  // the old source's fetch is still hanging: nobody waited for it
    {
        std::lock_guard lock(m);
        released = true;
    }
    cv.notify_all();
}

TEST_CASE("the real render-on-demand loop draws until every visible tile is in, woken by the tile workers") {
    REQUIRE_TILES();
    // 1920x1080 needs more tiles than one frame takes from the workers (kResultsPerFrame).
    auto session = headless_session(fixed_options(1920, 1080));
    int steps = 0;
    while (!session->app().map_complete() && steps < 100) {
        session->step_blocking();
        ++steps;
    }
    CHECK(session->app().map_complete());
    CHECK(session->app().texture_count() > TileLayer::kResultsPerFrame);
    // Done loading: the loop sleeps on events again instead of spinning.
    CHECK(session->app().wait_timeout_ms(std::chrono::steady_clock::now()) > 100);
}
