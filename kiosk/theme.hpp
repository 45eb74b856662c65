// Theme — fonts and colours of the kiosk: calm, warm, readable from a metre away.
// Base text 24 px (>= 22 px rule), headings 32 px, large-text mode x1.4; a high-contrast palette.
// Usage: Theme theme; theme.load_fonts(); each frame: theme.apply(large, contrast); ImGui::PushFont(theme.body());
// Main thread only (touches the ImGui context). Fonts: Noto Sans (+ Noto Sans Arabic merged), Debian paths,
// falling back to DejaVu and then to ImGui's built-in font so a missing font never stops the kiosk.
#pragma once
#include <imgui.h>

#include <string>

namespace bk::kiosk {

struct Palette {
    ImU32 background, panel, panel_border, text, text_muted, accent, accent_text, button, button_active,
        chip, chip_on, chip_on_text, warning, warning_text, danger, shadow, map_backdrop, marker_outline;
};

class Theme {
public:
    static constexpr float kBodyPx = 24.0f;
    static constexpr float kSmallPx = 20.0f;   // attribution and fine print only
    static constexpr float kHeadingPx = 32.0f;
    static constexpr float kTitlePx = 40.0f;
    static constexpr float kLargeFactor = 1.4f;

    void load_fonts();                       // before the first frame
    void apply(bool large_text, bool high_contrast);  // per frame: style colours + sizes
    ImFont* body() const { return large_ ? body_large_ : body_; }
    ImFont* small() const { return large_ ? small_large_ : small_; }
    ImFont* heading() const { return large_ ? heading_large_ : heading_; }
    ImFont* title() const { return large_ ? title_large_ : title_; }
    const Palette& palette() const { return palette_; }
    bool high_contrast() const { return contrast_; }
    bool large_text() const { return large_; }
    float scale() const { return large_ ? kLargeFactor : 1.0f; }
    std::string font_report() const { return report_; }

private:
    ImFont* add(float size_px, bool bold);
    ImFont *body_ = nullptr, *small_ = nullptr, *heading_ = nullptr, *title_ = nullptr;
    ImFont *body_large_ = nullptr, *small_large_ = nullptr, *heading_large_ = nullptr, *title_large_ = nullptr;
    bool large_ = false, contrast_ = false;
    Palette palette_{};
    std::string report_;
};

}  // namespace bk::kiosk
