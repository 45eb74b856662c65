// Touch widgets on top of Dear ImGui: big buttons, filter chips, and an on-screen keyboard.
// Every target is at least kMinTargetPx (64 px) high — the kiosk is used with fingers, not a mouse.
// Usage (inside an ImGui window, main thread): if (big_button("Agenda", {200, 0})) ...;
//   OnScreenKeyboard kb; if (kb.draw(text, width_px)) search(text);
#pragma once
#include <imgui.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace bk::kiosk {

// 15 mm on a 24" 1080p screen: every touch target is at least this big in both directions.
inline constexpr float kMinTargetPx = 64.0f;

struct ButtonColours {
    ImU32 fill;
    ImU32 fill_active;
    ImU32 text;
};

// size.x or size.y of 0 = fit the label (with padding); height never below kMinTargetPx (+ touch padding).
bool big_button(const char* label, ImVec2 size, const ButtonColours& colours, float rounding = 16.0f);
// A filter chip: rounded pill that shows whether it is on.
bool chip(const char* label, bool on, const ButtonColours& off, const ButtonColours& on_colours);

// Big-key keyboard for search and settings fields; no physical keyboard needed.
// Letters follow the visitor's language (nl/en QWERTY; Turkish Q with ç ş ğ ı ö ü; Polish and
// Portuguese with their accented letters; an Arabic layout), always with a row of digits. The
// keys share the given width: never wider than it (nothing is clipped at any screen size).
class OnScreenKeyboard {
public:
    enum class Layout { Letters, Digits };
    // Draws the keys below the cursor, `width_px` wide. Returns true when `text` changed.
    // `done` is set when the visitor pressed the close/OK key.
    bool draw(std::string& text, float width_px, const ButtonColours& key, const ButtonColours& special,
              bool* done = nullptr);
    void set_layout(Layout l) { layout_ = l; }
    void set_language(const std::string& code) { language_ = code; }  // "nl", "tr", "ar", ...
    // Height draw() will take for this width (to place the keyboard).
    float height(float width_px) const;
    std::size_t max_length = 64;

private:
    Layout layout_ = Layout::Letters;
    std::string language_ = "nl";
};

// The letter rows of a language's keyboard (UTF-8, one string per key), digits first.
std::vector<std::vector<std::string>> keyboard_rows(const std::string& language_code);

// Where each big_button was drawn in the current/last frame, by its full ImGui label (tests and
// the benchmark tap buttons by label). Cleared by the App at the start of each frame.
void clear_button_registry();
// (-1, -1) when not drawn. A label "##id" finds the button with that id whatever its visible text.
ImVec2 registered_button_centre(const std::string& label);

// Every big_button of the last complete frame with its rectangle (tests: target sizes).
std::map<std::string, std::pair<ImVec2, ImVec2>> registered_button_rects();

// Removes the last UTF-8 code point of s.
void pop_utf8(std::string& s);

}  // namespace bk::kiosk
