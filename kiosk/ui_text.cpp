#include "kiosk/ui_text.hpp"

#include <algorithm>

namespace bk::kiosk {

void UiText::set_language(host::Language l) {
    i18n_.set_language(l);
    cache_.clear();
}

const char* UiText::vis(std::string_view logical) {
    note(logical);
    if (!host::has_rtl(logical)) {
        scratch_.assign(logical);
        return scratch_.c_str();
    }
    return cache_.get(logical).c_str();
}

ImVec2 UiText::size(std::string_view logical) { return ImGui::CalcTextSize(vis(logical)); }

void UiText::line(std::string_view logical, ImU32 colour, float width_px) {
    const char* v = vis(logical);
    if (colour != 0) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour));
    if (rtl()) {
        const float w = ImGui::CalcTextSize(v).x;
        const float avail = width_px > 0 ? width_px : ImGui::GetContentRegionAvail().x;
        if (w < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
    }
    ImGui::TextUnformatted(v);
    if (colour != 0) ImGui::PopStyleColor();
}

void UiText::paragraph(std::string_view logical, float width_px, ImU32 colour) {
    note(logical);
    if (width_px <= 0) width_px = ImGui::GetContentRegionAvail().x;
    if (!rtl() && !host::has_rtl(logical)) {
        if (colour != 0) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width_px);
        ImGui::TextUnformatted(logical.data(), logical.data() + logical.size());
        ImGui::PopTextWrapPos();
        if (colour != 0) ImGui::PopStyleColor();
        return;
    }
    // Estimate characters per line from the average glyph width of this font.
    const float avg = std::max(4.0f, ImGui::CalcTextSize("abcdefghij").x / 10.0f);
    const auto max_chars = static_cast<std::size_t>(std::max(8.0f, width_px / avg));
    for (const std::string& l : host::wrap_visual(logical, max_chars)) {
        if (colour != 0) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour));
        if (rtl()) {
            const float w = ImGui::CalcTextSize(l.c_str()).x;
            if (w < width_px) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + width_px - w);
        }
        ImGui::TextUnformatted(l.c_str());
        if (colour != 0) ImGui::PopStyleColor();
    }
}

}  // namespace bk::kiosk
