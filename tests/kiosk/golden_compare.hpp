// Golden-image comparison for headless kiosk frames (SDL software renderer, dummy video driver).
// Usage: CHECK_MESSAGE(compare_golden(img, "map_markers", kGoldenText).ok, ...) — see kiosk tests.
// A pixel differs when any channel differs by more than `per_channel`; the frame matches when at most
// `max_fraction` of its pixels differ. On mismatch the actual frame and a diff picture are written
// to KIOSK_ACTUAL_DIR and the message names both files and the figures. UPDATE_GOLDEN=1 rewrites
// the golden in the source tree instead of comparing.
#pragma once
#include <string>

#include "kiosk/rgba_image.hpp"

namespace bk::kiosk::test {

struct GoldenTolerance {
    int per_channel;      // 0..255
    double max_fraction;  // 0..1 of all pixels
};

// Same renderer, same fonts: frames should be identical; a little slack for font/rasteriser
// differences between library builds (named so a failure says which rule was broken).
inline constexpr GoldenTolerance kGoldenExact{0, 0.0};
inline constexpr GoldenTolerance kGoldenBlended{64, 0.002};
inline constexpr GoldenTolerance kGoldenText{64, 0.01};

struct GoldenResult {
    bool ok = false;
    std::string message;
};

GoldenResult compare_golden(const RgbaImage& actual, const std::string& name, GoldenTolerance tolerance);

}  // namespace bk::kiosk::test
