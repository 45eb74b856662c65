// Headless frames of the kiosk (fixed clock Tue 2026-11-24 10:30, sample feed, offline tiles)
// compared with golden PNGs in tests/kiosk/golden/ (UPDATE_GOLDEN=1 rewrites them).
#include <doctest/doctest.h>

#include <set>

#include "golden_compare.hpp"
#include "kiosk/host/settings.hpp"
#include "kiosk_test_support.hpp"

using namespace bk::kiosk;
using namespace bk::kiosk::test;

namespace {

RgbaImage shot(const std::string& screen) {
    CliOptions o = fixed_options(1280, 800, screen);
    auto img = render_screenshot(o);
    REQUIRE_MESSAGE(img.has_value(), (img ? "" : img.error()));
    return *img;
}

// Water in the offline basemap is blue: clearly more blue than red.
std::size_t count_water_blue(const RgbaImage& img) {
    std::size_t n = 0;
    for (std::size_t i = 0; i + 3 < img.rgba.size(); i += 4) {
        const int r = img.rgba[i], g = img.rgba[i + 1], b = img.rgba[i + 2];
        if (b > r + 25 && b >= g && b > 120) ++n;
    }
    return n;
}

#define REQUIRE_TILES()                                                                       \
    if (!offline_tiles_available()) {                                                         \
        MESSAGE("offline tiles not baked at " << find_offline_tiles_dir() << "; skipping"); \
        return;                                                                               \
    }

}  // namespace

TEST_CASE("map screenshot really shows the offline map: water-blue pixels and tiles, not a blank frame") {
    REQUIRE_TILES();
    RgbaImage img = shot("map");
    CHECK(img.width_px == 1280);
    CHECK(img.height_px == 800);
    const std::size_t water = count_water_blue(img);
    const std::size_t pixels = 1280u * 800u;
    CHECK_MESSAGE(water > pixels / 100, "only " << water << " water-blue pixels of " << pixels);
    // A blank frame has one colour: the map has many.
    std::set<std::uint32_t> colours;
    for (std::size_t i = 0; i + 3 < img.rgba.size() && colours.size() < 200; i += 4 * 97) {
        colours.insert(img.rgba[i] | img.rgba[i + 1] << 8 | img.rgba[i + 2] << 16);
    }
    CHECK(colours.size() >= 20);
}

TEST_CASE("map with markers matches its golden image") {
    REQUIRE_TILES();
    auto r = compare_golden(shot("map"), "map_markers", kGoldenText);
    CHECK_MESSAGE(r.ok, r.message);
}

TEST_CASE("open venue panel matches its golden image") {
    REQUIRE_TILES();
    auto r = compare_golden(shot("venue:huiskamer-de-singel"), "venue_panel", kGoldenText);
    CHECK_MESSAGE(r.ok, r.message);
}

TEST_CASE("agenda panel matches its golden image") {
    REQUIRE_TILES();
    auto r = compare_golden(shot("agenda"), "agenda", kGoldenText);
    CHECK_MESSAGE(r.ok, r.message);
}

TEST_CASE("Arabic agenda (right-to-left, shaped) matches its golden image") {
    REQUIRE_TILES();
    auto r = compare_golden(shot("arabic"), "arabic", kGoldenText);
    CHECK_MESSAGE(r.ok, r.message);
}

TEST_CASE("PIN pad matches its golden image") {
    REQUIRE_TILES();
    auto r = compare_golden(shot("pin"), "pin_pad", kGoldenText);
    CHECK_MESSAGE(r.ok, r.message);
}

TEST_CASE("nearby panel matches its golden image") {
    REQUIRE_TILES();
    auto r = compare_golden(shot("nearby"), "nearby", kGoldenText);
    CHECK_MESSAGE(r.ok, r.message);
}

TEST_CASE("night hours dim the screen with a translucent black layer") {
    REQUIRE_TILES();
    CliOptions o = fixed_options(1280, 800, "map");
    bk::kiosk::host::Settings night;
    night.kiosk_mode = false;
    night.night.enabled = true;
    night.night.start = {22, 0};
    night.night.end = {7, 0};
    night.night.mode = bk::kiosk::host::NightMode::dim;
    night.night.dim_level = 0.3f;
    REQUIRE(bk::kiosk::host::save_settings(night, o.app.config_path).has_value());
    auto day = render_screenshot(o);
    o.app.wall_clock = [] { return fixed_now() + std::chrono::hours(13); };  // 23:30 in Amsterdam
    auto dark = render_screenshot(o);
    REQUIRE(day.has_value());
    REQUIRE(dark.has_value());
    auto mean = [](const RgbaImage& img) {
        double sum = 0;
        for (std::size_t i = 0; i < img.rgba.size(); i += 4) sum += img.rgba[i] + img.rgba[i + 1] + img.rgba[i + 2];
        return sum / (img.rgba.size() / 4 * 3);
    };
    const double m_day = mean(*day), m_dark = mean(*dark);
    CHECK_MESSAGE(m_dark < m_day * 0.45, "mean brightness by day " << m_day << ", at night " << m_dark);
    CHECK(m_dark > 5);  // dimmed, not blank
}

// --- Issue 12: the start screen at a given hour, landscape and portrait, every language ---------

namespace {

struct Look {
    std::string lang = "nl";
    int w = 1280, h = 800;
    std::string screen = "map";
    const char* now = "2026-11-24T10:30:00+01:00";  // a Tuesday morning
    bool large = false, contrast = false;
};

RgbaImage shot_of(const Look& look) {
    CliOptions o = fixed_options(look.w, look.h, look.screen);
    o.app.language = look.lang;
    o.app.language_given = true;
    const auto t = parse_now(look.now).value();
    o.app.wall_clock = [t] { return std::chrono::system_clock::time_point(t); };
    if (look.large || look.contrast) {
        bk::kiosk::host::Settings st;
        st.kiosk_mode = false;
        st.language = look.lang;
        st.start_view = {o.app.start_lon_deg, o.app.start_lat_deg, o.app.start_zoom};
        st.large_text = look.large;
        st.high_contrast = look.contrast;
        REQUIRE(bk::kiosk::host::save_settings(st, o.app.config_path).has_value());
    }
    auto img = render_screenshot(o);
    REQUIRE_MESSAGE(img.has_value(), (img ? "" : img.error()));
    return *img;
}

void check_golden(const Look& look, const std::string& name) {
    CAPTURE(name);
    auto r = compare_golden(shot_of(look), name, kGoldenBlended);
    CHECK_MESSAGE(r.ok, r.message);
}

}  // namespace

TEST_CASE("start screen, weekday 10:30, landscape 1280x800, in every language") {
    REQUIRE_TILES();
    for (const char* lang : {"nl", "en", "tr", "pl", "pt", "ar"}) {
        Look l;
        l.lang = lang;
        check_golden(l, std::string("start_landscape_") + lang);
    }
}

TEST_CASE("start screen, weekday 10:30, portrait, in every language (nl at 1080x1920)") {
    REQUIRE_TILES();
    for (const char* lang : {"nl", "en", "tr", "pl", "pt", "ar"}) {
        Look l;
        l.lang = lang;
        l.w = std::string(lang) == "nl" ? 1080 : 810;
        l.h = std::string(lang) == "nl" ? 1920 : 1440;
        check_golden(l, std::string("start_portrait_") + lang);
    }
}

TEST_CASE("start screen on a Sunday at 21:00 says what is next, landscape and portrait") {
    REQUIRE_TILES();
    Look l;
    l.now = "2026-11-29T21:00:00+01:00";
    check_golden(l, "start_sunday_landscape_nl");
    l.w = 1080;
    l.h = 1920;
    check_golden(l, "start_sunday_portrait_nl");
}

TEST_CASE("large text and high contrast, landscape and portrait") {
    REQUIRE_TILES();
    Look l;
    l.large = true;
    check_golden(l, "start_large_landscape_nl");
    l.w = 1080;
    l.h = 1920;
    check_golden(l, "start_large_portrait_nl");
    l = Look{};
    l.contrast = true;
    check_golden(l, "start_contrast_landscape_nl");
    l.w = 1080;
    l.h = 1920;
    check_golden(l, "start_contrast_portrait_nl");
}

TEST_CASE("portrait panels are bottom sheets under the map: venue card and agenda") {
    REQUIRE_TILES();
    Look l;
    l.w = 1080;
    l.h = 1920;
    l.screen = "venue:huiskamer-de-singel";
    check_golden(l, "venue_portrait_nl");
    l.screen = "agenda";
    l.lang = "ar";
    check_golden(l, "agenda_portrait_ar");
}
