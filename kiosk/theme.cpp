#include "kiosk/theme.hpp"

#include <filesystem>

namespace bk::kiosk {
namespace {

// Latin + Latin Extended (tr, pl, pt), punctuation, euro sign, arrows; Arabic + presentation forms
// (the host helper's shaping outputs presentation forms U+FB50–U+FDFF, U+FE70–U+FEFF).
const ImWchar kLatinRanges[] = {0x0020, 0x024F, 0x2010, 0x2027, 0x20AC, 0x20AC, 0x2190, 0x2193, 0x2713, 0x2713, 0};
const ImWchar kArabicRanges[] = {0x0600, 0x06FF, 0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0};

std::string first_existing(std::initializer_list<const char*> paths) {
    for (const char* p : paths) {
        std::error_code ec;
        if (std::filesystem::exists(p, ec)) return p;
    }
    return {};
}

ImU32 rgb(int r, int g, int b, int a = 255) { return IM_COL32(r, g, b, a); }

}  // namespace

ImFont* Theme::add(float size_px, bool bold) {
    ImGuiIO& io = ImGui::GetIO();
    const std::string latin = bold ? first_existing({"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
                                                     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"})
                                   : first_existing({"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                                                     "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"});
    const std::string arabic = first_existing({bold ? "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf"
                                                    : "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
                                               "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
                                               "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"});
    const std::string symbols = first_existing({"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"});
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    ImFont* font = nullptr;
    if (!latin.empty()) font = io.Fonts->AddFontFromFileTTF(latin.c_str(), size_px, &cfg, kLatinRanges);
    if (font == nullptr) {
        report_ += "no TTF font found; using ImGui's built-in font\n";
        ImFontConfig def;
        def.SizePixels = size_px;
        return io.Fonts->AddFontDefault(&def);
    }
    ImFontConfig merge = cfg;
    merge.MergeMode = true;
    // Noto Sans Arabic draws small at the same pixel size as Latin: scale it up and lift it so
    // both scripts read at the same size on one baseline.
    ImFontConfig merge_ar = merge;
    merge_ar.GlyphOffset = ImVec2(0, -0.18f * size_px);
    if (!arabic.empty()) io.Fonts->AddFontFromFileTTF(arabic.c_str(), size_px * 1.3f, &merge_ar, kArabicRanges);
    static const ImWchar kSymbolRanges[] = {0x2190, 0x2193, 0x2713, 0x2713, 0x2423, 0x2423, 0x25B6, 0x25C0, 0x2022, 0x2022, 0};
    if (!symbols.empty()) io.Fonts->AddFontFromFileTTF(symbols.c_str(), size_px, &merge, kSymbolRanges);
    return font;
}

void Theme::load_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->TexDesiredWidth = 4096;
    body_ = add(kBodyPx, false);
    small_ = add(kSmallPx, false);
    heading_ = add(kHeadingPx, true);
    title_ = add(kTitlePx, true);
    body_large_ = add(kBodyPx * kLargeFactor, false);
    small_large_ = add(kSmallPx * kLargeFactor, false);
    heading_large_ = add(kHeadingPx * kLargeFactor, true);
    title_large_ = add(kTitlePx * kLargeFactor, true);
    io.FontDefault = body_;
}

void Theme::apply(bool large_text, bool high_contrast) {
    large_ = large_text;
    contrast_ = high_contrast;
    if (!high_contrast) {
        palette_ = {.background = rgb(251, 246, 238), .panel = rgb(255, 252, 246), .panel_border = rgb(226, 214, 196),
                    .text = rgb(46, 42, 38), .text_muted = rgb(110, 100, 90), .accent = rgb(196, 86, 58),
                    .accent_text = rgb(255, 255, 255), .button = rgb(243, 234, 220), .button_active = rgb(228, 212, 190),
                    .chip = rgb(240, 232, 220), .chip_on = rgb(42, 110, 106), .chip_on_text = rgb(255, 255, 255),
                    .warning = rgb(255, 236, 179), .warning_text = rgb(90, 60, 0), .danger = rgb(176, 40, 30),
                    .shadow = rgb(60, 40, 20, 40), .map_backdrop = rgb(238, 232, 220), .marker_outline = rgb(255, 255, 255)};
    } else {
        palette_ = {.background = rgb(0, 0, 0), .panel = rgb(0, 0, 0), .panel_border = rgb(255, 255, 255),
                    .text = rgb(255, 255, 255), .text_muted = rgb(230, 230, 230), .accent = rgb(255, 214, 0),
                    .accent_text = rgb(0, 0, 0), .button = rgb(30, 30, 30), .button_active = rgb(80, 80, 80),
                    .chip = rgb(30, 30, 30), .chip_on = rgb(255, 214, 0), .chip_on_text = rgb(0, 0, 0),
                    .warning = rgb(255, 214, 0), .warning_text = rgb(0, 0, 0), .danger = rgb(255, 90, 90),
                    .shadow = rgb(0, 0, 0, 0), .map_backdrop = rgb(250, 250, 250), .marker_outline = rgb(0, 0, 0)};
    }
    ImGuiStyle& s = ImGui::GetStyle();
    const float k = scale();
    s.WindowRounding = 18.0f;
    s.ChildRounding = 14.0f;
    s.FrameRounding = 14.0f;
    s.GrabRounding = 12.0f;
    s.ScrollbarRounding = 12.0f;
    s.WindowPadding = ImVec2(22 * k, 18 * k);
    s.FramePadding = ImVec2(18 * k, 12 * k);
    s.ItemSpacing = ImVec2(12 * k, 12 * k);
    s.ItemInnerSpacing = ImVec2(10 * k, 8 * k);
    s.ScrollbarSize = 30.0f * k;  // a finger-sized scrollbar
    s.WindowBorderSize = 1.0f;
    s.FrameBorderSize = high_contrast ? 2.0f : 0.0f;
    s.TouchExtraPadding = ImVec2(4, 4);
    auto c = [](ImU32 v) { return ImGui::ColorConvertU32ToFloat4(v); };
    ImVec4* col = s.Colors;
    col[ImGuiCol_Text] = c(palette_.text);
    col[ImGuiCol_TextDisabled] = c(palette_.text_muted);
    col[ImGuiCol_WindowBg] = c(palette_.panel);
    col[ImGuiCol_ChildBg] = c(palette_.panel);
    col[ImGuiCol_PopupBg] = c(palette_.panel);
    col[ImGuiCol_Border] = c(palette_.panel_border);
    col[ImGuiCol_FrameBg] = c(palette_.button);
    col[ImGuiCol_FrameBgHovered] = c(palette_.button);
    col[ImGuiCol_FrameBgActive] = c(palette_.button_active);
    col[ImGuiCol_Button] = c(palette_.button);
    col[ImGuiCol_ButtonHovered] = c(palette_.button);  // touch: no hover state worth showing
    col[ImGuiCol_ButtonActive] = c(palette_.button_active);
    col[ImGuiCol_Header] = c(palette_.button);
    col[ImGuiCol_HeaderHovered] = c(palette_.button);
    col[ImGuiCol_HeaderActive] = c(palette_.button_active);
    col[ImGuiCol_ScrollbarBg] = c(palette_.panel);
    col[ImGuiCol_ScrollbarGrab] = c(palette_.panel_border);
    col[ImGuiCol_ScrollbarGrabHovered] = c(palette_.panel_border);
    col[ImGuiCol_ScrollbarGrabActive] = c(palette_.text_muted);
    col[ImGuiCol_Separator] = c(palette_.panel_border);
    col[ImGuiCol_CheckMark] = c(palette_.chip_on);
    col[ImGuiCol_SliderGrab] = c(palette_.accent);
    col[ImGuiCol_SliderGrabActive] = c(palette_.accent);
}

}  // namespace bk::kiosk
