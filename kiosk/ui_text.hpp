// UiText — translated, display-ready text for the screens: I18n lookup (host helper), then
// Arabic shaping + bidi reordering to visual order (host::to_visual) when the language is RTL,
// and drawing helpers that right-align lines in RTL. ImGui 1.86 only draws left to right, so
// RTL paragraphs are pre-wrapped in logical order and each line is reordered (host::wrap_visual).
// Usage (main thread, inside an ImGui window): UiText& t = ...; t.line(t.tr("time.now"));
//   t.paragraph(venue.description, width_px);
#pragma once
#include <imgui.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/host/bidi_text.hpp"
#include "kiosk/host/i18n.hpp"

namespace bk::kiosk {

class UiText {
public:
    host::I18n& i18n() { return i18n_; }
    const host::I18n& i18n() const { return i18n_; }
    bool rtl() const { return i18n_.rtl(); }
    // ISO 639-1 code of the interface language ("nl", "tr", ...): feed texts are shown in it when translated.
    std::string_view code() const { return host::language_info(i18n_.language()).code; }
    void set_language(host::Language l);

    std::string tr(std::string_view key) const { return std::string(i18n_.text(key)); }
    std::string fmt(std::string_view key, std::initializer_list<std::string_view> args) const {
        return i18n_.format(key, args);
    }
    // Visual-order copy for drawing (cached; valid until the next vis() call).
    const char* vis(std::string_view logical);

    // One line in the current colour; right-aligned within the content region in RTL.
    void line(std::string_view logical, ImU32 colour = 0, float width_px = 0);
    // Word-wrapped paragraph within width_px (defaults to the content region).
    void paragraph(std::string_view logical, float width_px = 0, ImU32 colour = 0);
    // Size of the visual text with the current font.
    ImVec2 size(std::string_view logical);

    // Audit (tests): while on, every logical text handed to vis/line/paragraph is kept, so a test
    // can check that what a screen shows comes from the visitor's language.
    void record(bool on) { recording_ = on; recorded_.clear(); }
    const std::vector<std::string>& recorded() const { return recorded_; }

private:
    void note(std::string_view logical) {
        if (recording_) recorded_.emplace_back(logical);
    }
    bool recording_ = false;
    std::vector<std::string> recorded_;
    host::I18n i18n_;
    host::VisualTextCache cache_{2048};
    std::string scratch_;
};

}  // namespace bk::kiosk
