#include "golden_compare.hpp"

#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace bk::kiosk::test {

GoldenResult compare_golden(const RgbaImage& actual, const std::string& name, GoldenTolerance tol) {
    const std::string golden_path = std::string(KIOSK_GOLDEN_DIR) + "/" + name + ".png";
    const std::string actual_path = std::string(KIOSK_ACTUAL_DIR) + "/" + name + ".png";
    const std::string diff_path = std::string(KIOSK_ACTUAL_DIR) + "/" + name + ".diff.png";
    std::error_code ec;
    std::filesystem::create_directories(KIOSK_ACTUAL_DIR, ec);
    const char* update = std::getenv("UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") {
        auto w = write_png(actual, golden_path);
        return {w.has_value(), w ? "golden rewritten: " + golden_path : w.error()};
    }
    auto golden = read_png(golden_path);
    if (!golden) {
        (void)write_png(actual, actual_path);
        return {false, "no golden " + golden_path + " (" + golden.error() + "); actual frame written to " +
                           actual_path + " — run with UPDATE_GOLDEN=1 to accept it"};
    }
    std::ostringstream msg;
    if (golden->width_px != actual.width_px || golden->height_px != actual.height_px) {
        (void)write_png(actual, actual_path);
        msg << name << ": expected " << golden->width_px << "x" << golden->height_px << ", got " << actual.width_px
            << "x" << actual.height_px << "; actual written to " << actual_path;
        return {false, msg.str()};
    }
    RgbaImage diff{actual.width_px, actual.height_px, std::vector<std::uint8_t>(actual.rgba.size(), 0)};
    std::size_t differing = 0;
    int max_delta = 0;
    const std::size_t pixels = static_cast<std::size_t>(actual.width_px) * actual.height_px;
    for (std::size_t i = 0; i < pixels; ++i) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) {
            worst = std::max(worst, std::abs(int(actual.rgba[i * 4 + c]) - int(golden->rgba[i * 4 + c])));
        }
        max_delta = std::max(max_delta, worst);
        const bool bad = worst > tol.per_channel;
        if (bad) ++differing;
        // Diff picture: differing pixels red, the rest a faded copy of the golden.
        diff.rgba[i * 4 + 0] = bad ? 255 : golden->rgba[i * 4 + 0] / 3 + 160;
        diff.rgba[i * 4 + 1] = bad ? 0 : golden->rgba[i * 4 + 1] / 3 + 160;
        diff.rgba[i * 4 + 2] = bad ? 0 : golden->rgba[i * 4 + 2] / 3 + 160;
        diff.rgba[i * 4 + 3] = 255;
    }
    const double fraction = static_cast<double>(differing) / static_cast<double>(pixels);
    if (fraction <= tol.max_fraction) return {true, {}};
    (void)write_png(actual, actual_path);
    (void)write_png(diff, diff_path);
    msg << name << ": " << differing << " of " << pixels << " pixels differ (fraction " << fraction
        << ", allowed " << tol.max_fraction << ") by more than " << tol.per_channel
        << " per channel; largest channel difference " << max_delta << ".\n  expected: " << golden_path
        << "\n  got:      " << actual_path << "\n  diff:     " << diff_path
        << "\n  (UPDATE_GOLDEN=1 rewrites the golden if the change is intended)";
    return {false, msg.str()};
}

}  // namespace bk::kiosk::test
