#include "kiosk/widgets.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <span>

namespace bk::kiosk {
namespace {
std::map<std::string, ImVec2> g_buttons_now, g_buttons_last;
std::map<std::string, std::pair<ImVec2, ImVec2>> g_rects_now, g_rects_last;
}

std::map<std::string, std::pair<ImVec2, ImVec2>> registered_button_rects() { return g_rects_last; }

void clear_button_registry() {
    g_buttons_last.swap(g_buttons_now);
    g_buttons_now.clear();
    g_rects_last.swap(g_rects_now);
    g_rects_now.clear();
}

ImVec2 registered_button_centre(const std::string& label) {
    for (const auto* m : {&g_buttons_now, &g_buttons_last}) {
        if (auto it = m->find(label); it != m->end()) return it->second;
        if (label.starts_with("##")) {  // by id alone, whatever the (translated) visible text
            for (const auto& [l, c] : *m)
                if (l.ends_with(label)) return c;
        }
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
    size.y = std::max(size.y, kMinTargetPx);
    size.x = std::max(size.x, kMinTargetPx);
    const bool pressed = ImGui::Button(label, size);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    g_buttons_now[label] = ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2);
    g_rects_now[label] = {a, b};
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

namespace {

std::vector<std::string> utf8_chars(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = 1;
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0xF0) n = 4; else if (c >= 0xE0) n = 3; else if (c >= 0xC0) n = 2;
        out.emplace_back(s.substr(i, n));
        i += n;
    }
    return out;
}

// Capital shown on a key (the text typed is the small letter; search ignores case and accents).
std::string key_label(const std::string& k, const std::string& language) {
    if (k.size() == 1 && k[0] >= 'a' && k[0] <= 'z') {
        if (language == "tr" && k == "i") return "\xC4\xB0";  // İ
        return std::string(1, static_cast<char>(k[0] - 32));
    }
    static const std::map<std::string, std::string> upper = {
        {"\xC4\xB1", "I"},          {"\xC3\xA7", "\xC3\x87"}, {"\xC5\x9F", "\xC5\x9E"}, {"\xC4\x9F", "\xC4\x9E"},
        {"\xC3\xB6", "\xC3\x96"}, {"\xC3\xBC", "\xC3\x9C"}, {"\xC4\x85", "\xC4\x84"}, {"\xC4\x87", "\xC4\x86"},
        {"\xC4\x99", "\xC4\x98"}, {"\xC5\x82", "\xC5\x81"}, {"\xC5\x84", "\xC5\x83"}, {"\xC3\xB3", "\xC3\x93"},
        {"\xC5\x9B", "\xC5\x9A"}, {"\xC5\xBA", "\xC5\xB9"}, {"\xC5\xBC", "\xC5\xBB"}, {"\xC3\xA3", "\xC3\x83"},
        {"\xC3\xB5", "\xC3\x95"}, {"\xC3\xA1", "\xC3\x81"}, {"\xC3\xA9", "\xC3\x89"}, {"\xC3\xAD", "\xC3\x8D"},
        {"\xC3\xBA", "\xC3\x9A"}, {"\xC3\xA2", "\xC3\x82"}, {"\xC3\xAA", "\xC3\x8A"}, {"\xC3\xB4", "\xC3\x94"},
        {"\xC3\xA0", "\xC3\x80"},
    };
    if (auto it = upper.find(k); it != upper.end()) return it->second;
    return k;
}

}  // namespace

std::vector<std::vector<std::string>> keyboard_rows(const std::string& language) {
    std::vector<std::string_view> rows;
    if (language == "tr") {
        rows = {"1234567890", "qwertyu\xC4\xB1op\xC4\x9F\xC3\xBC", "asdfghjkl\xC5\x9Fi", "zxcvbnm\xC3\xB6\xC3\xA7"};
    } else if (language == "pl") {
        rows = {"1234567890", "qwertyuiop", "asdfghjkl\xC5\x82", "zxcvbnm", "\xC4\x85\xC4\x87\xC4\x99\xC5\x84\xC3\xB3\xC5\x9B\xC5\xBA\xC5\xBC"};
    } else if (language == "pt") {
        rows = {"1234567890", "qwertyuiop", "asdfghjkl\xC3\xA7", "zxcvbnm", "\xC3\xA3\xC3\xB5\xC3\xA1\xC3\xA9\xC3\xAD\xC3\xB3\xC3\xBA\xC3\xA2\xC3\xAA\xC3\xB4\xC3\xA0"};
    } else if (language == "ar") {
        // Arabic (101) layout, digits as on the signs in the neighbourhood.
        rows = {"1234567890",
                "\xD8\xB6\xD8\xB5\xD8\xAB\xD9\x82\xD9\x81\xD8\xBA\xD8\xB9\xD9\x87\xD8\xAE\xD8\xAD\xD8\xAC",
                "\xD8\xB4\xD8\xB3\xD9\x8A\xD8\xA8\xD9\x84\xD8\xA7\xD8\xAA\xD9\x86\xD9\x85\xD9\x83\xD8\xB7",
                "\xD8\xA6\xD8\xA1\xD8\xA4\xD8\xB1\xD9\x89\xD8\xA9\xD9\x88\xD8\xB2\xD8\xB8\xD8\xAF\xD8\xB0"};
    } else {
        rows = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
    }
    std::vector<std::vector<std::string>> out;
    for (auto r : rows) out.push_back(utf8_chars(r));
    return out;
}

float OnScreenKeyboard::height(float width_px) const {
    const float gap = 8.0f;
    const auto rows = layout_ == Layout::Letters ? keyboard_rows(language_).size() : 3;
    std::size_t cols = 3;
    if (layout_ == Layout::Letters)
        for (const auto& r : keyboard_rows(language_)) cols = std::max(cols, r.size());
    const float key_w = (width_px - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float key_h = std::max(kMinTargetPx, std::min(key_w * 0.8f, 76.0f));
    return static_cast<float>(rows + 1) * (key_h + gap);
}

bool OnScreenKeyboard::draw(std::string& text, float width_px, const ButtonColours& key,
                            const ButtonColours& special, bool* done) {
    const bool letters = layout_ == Layout::Letters;
    const auto rows = letters ? keyboard_rows(language_)
                              : std::vector<std::vector<std::string>>{{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}};
    std::size_t columns = 3;
    for (const auto& r : rows) columns = std::max(columns, r.size());
    bool changed = false;
    const float gap = 8.0f;
    // The keys share the width (never clipped); they stay >= 64 px wherever the width allows.
    const float key_w = (width_px - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float key_h = std::max(kMinTargetPx, std::min(key_w * 0.8f, 76.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    ImGui::PushID("osk");
    const float x0 = ImGui::GetCursorPosX();
    for (const auto& row : rows) {
        const std::size_t n = row.size();
        // Centre shorter rows under the full ones.
        const float indent = static_cast<float>(columns - n) * (key_w + gap) / 2.0f;
        ImGui::SetCursorPosX(x0 + std::max(0.0f, indent));
        for (std::size_t i = 0; i < n; ++i) {
            const std::string& k = row[i];
            std::string label = letters ? key_label(k, language_) : k;
            if (label.size() > 1 || (!(label[0] >= 'A' && label[0] <= 'Z') && !(label[0] >= '0' && label[0] <= '9'))) {
                label += "##k" + k;  // unique id for letters whose capital is shared (I/ı)
            }
            if (i > 0) ImGui::SameLine();
            if (big_button(label.c_str(), ImVec2(key_w, key_h), key, 12.0f) && text.size() + k.size() <= max_length) {
                text += k;
                changed = true;
            }
        }
    }
    // Bottom row: space (letters) or 0, then backspace and OK.
    ImGui::SetCursorPosX(x0);
    const float unit = key_w + gap;
    const float space_w = letters ? unit * static_cast<float>(columns) - 5 * unit - gap : key_w;
    if (letters) {
        if (big_button("\xE2\x90\xA3##space", ImVec2(space_w, key_h), key, 12.0f) && text.size() < max_length &&
            !text.empty() && text.back() != ' ') {
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
    if (big_button("\xE2\x86\x90##back", ImVec2(letters ? unit * 2 - gap : key_w, key_h), special, 12.0f)) {
        if (!text.empty()) {
            pop_utf8(text);
            changed = true;
        }
    }
    ImGui::SameLine();
    if (big_button("OK##done", ImVec2(letters ? unit * 3 - gap : key_w, key_h), special, 12.0f) && done != nullptr) {
        *done = true;
    }
    ImGui::PopID();
    ImGui::PopStyleVar();
    return changed;
}

}  // namespace bk::kiosk
