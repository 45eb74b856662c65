#include "kiosk/widgets.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <span>

namespace bk::kiosk {
namespace {
std::map<std::string, ImVec2> g_buttons_now, g_buttons_last;
}

void clear_button_registry() {
    g_buttons_last.swap(g_buttons_now);
    g_buttons_now.clear();
}

ImVec2 registered_button_centre(const std::string& label) {
    for (const auto* m : {&g_buttons_now, &g_buttons_last}) {
        if (auto it = m->find(label); it != m->end()) return it->second;
    }
    return ImVec2(-1, -1);
}

bool big_button(const char* label, ImVec2 size, const ButtonColours& c, float rounding) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(c.fill));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(c.fill));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::ColorConvertU32ToFloat4(c.fill_active));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.text));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, rounding);
    const ImVec2 text = ImGui::CalcTextSize(label, nullptr, true);
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    if (size.x <= 0) size.x = text.x + pad.x * 2;
    if (size.y <= 0) size.y = text.y + pad.y * 2;
    size.y = std::max(size.y, kMinTargetPx + 8.0f);
    size.x = std::max(size.x, kMinTargetPx + 8.0f);
    const bool pressed = ImGui::Button(label, size);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    g_buttons_now[label] = ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(4);
    return pressed;
}

bool chip(const char* label, bool on, const ButtonColours& off, const ButtonColours& on_colours) {
    return big_button(label, ImVec2(0, 0), on ? on_colours : off, 40.0f);
}

void pop_utf8(std::string& s) {
    while (!s.empty()) {
        const unsigned char c = static_cast<unsigned char>(s.back());
        s.pop_back();
        if ((c & 0xC0) != 0x80) break;  // removed a lead byte or ASCII: done
    }
}

bool OnScreenKeyboard::draw(std::string& text, float width_px, const ButtonColours& key,
                            const ButtonColours& special, bool* done) {
    static const char* kLetters[] = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
    static const char* kDigits[] = {"123", "456", "789"};
    bool changed = false;
    const float gap = 8.0f;
    const bool letters = layout_ == Layout::Letters;
    const int columns = letters ? 10 : 3;
    const float key_w = std::max(kMinTargetPx + 8, (width_px - gap * (columns - 1)) / columns);
    const float key_h = std::max(kMinTargetPx + 12, std::min(key_w * 0.8f, 84.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    ImGui::PushID("osk");
    const auto rows = letters ? std::span<const char*>(kLetters) : std::span<const char*>(kDigits);
    for (const char* row : rows) {
        const int n = static_cast<int>(std::strlen(row));
        // Centre shorter rows under the full ones.
        const float indent = (columns - n) * (key_w + gap) / 2.0f;
        if (indent > 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
        for (int i = 0; i < n; ++i) {
            char label[2] = {letters && row[i] >= 'a' ? static_cast<char>(row[i] - 32) : row[i], 0};
            if (i > 0) ImGui::SameLine();
            if (big_button(label, ImVec2(key_w, key_h), key, 12.0f) && text.size() < max_length) {
                text.push_back(row[i]);
                changed = true;
            }
        }
    }
    // Bottom row: space (letters) or 0, then backspace and OK.
    if (letters) {
        if (big_button("\xE2\x90\xA3##space", ImVec2(key_w * 5 + gap * 4, key_h), key, 12.0f) &&
            text.size() < max_length && !text.empty() && text.back() != ' ') {
            text.push_back(' ');
            changed = true;
        }
    } else {
        if (big_button("0", ImVec2(key_w, key_h), key, 12.0f) && text.size() < max_length) {
            text.push_back('0');
            changed = true;
        }
    }
    ImGui::SameLine();
    if (big_button("\xE2\x86\x90##back", ImVec2(letters ? key_w * 2 + gap : key_w, key_h), special, 12.0f)) {
        if (!text.empty()) {
            pop_utf8(text);
            changed = true;
        }
    }
    ImGui::SameLine();
    if (big_button("OK##done", ImVec2(letters ? key_w * 3 + gap * 2 : key_w, key_h), special, 12.0f) &&
        done != nullptr) {
        *done = true;
    }
    ImGui::PopID();
    ImGui::PopStyleVar();
    return changed;
}

}  // namespace bk::kiosk
