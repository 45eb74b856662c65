// bidi_text.hpp — Arabic shaping + bidi reordering for a left-to-right-only renderer (ImGui 1.86).
//
// What: to_visual() turns a logical-order UTF-8 string into the visual-order UTF-8 string that, drawn
// glyph by glyph from left to right, looks correct: Arabic letters become their joined presentation
// forms (U+FB50–U+FDFF, U+FE70–U+FEFF; fribidi_join_arabic + fribidi_shape with SHAPE_ARAB_PRES and
// mirroring), each line is reordered by the Unicode Bidirectional Algorithm (UAX #9, via fribidi),
// and digits/Latin inside Arabic keep their reading order. Pure LTR text is returned unchanged.
//
// Minimal use (main thread or workers):
//     std::string v = host::to_visual("مرحبا 12");          // RTL paragraph direction from first strong char
//     ImGui::TextUnformatted(v.c_str());                    // font must contain Arabic presentation forms
//     host::VisualTextCache cache;  ImGui::TextUnformatted(cache.get(label).c_str());  // per-frame use
//
// Limits: lines are split on '\n' and reordered separately; ImGui's own word wrapping would wrap the
// visual string in the wrong place, so pre-wrap RTL text (wrap_visual()) instead of TextWrapped.
// Invalid UTF-8 is replaced by U+FFFD. Input longer than 64 KiB is returned unchanged.
// Thread: free functions are thread-safe; a VisualTextCache belongs to one thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bk::kiosk::host {

enum class BaseDirection { auto_detect, ltr, rtl };

/// True when the text contains any right-to-left character (Hebrew/Arabic blocks).
bool has_rtl(std::string_view utf8);

/// Logical UTF-8 -> visual UTF-8, per line. auto_detect uses the first strong character of each
/// line (LTR when there is none). Pure LTR text is returned as is.
std::string to_visual(std::string_view logical_utf8, BaseDirection base = BaseDirection::auto_detect);

/// Word-wrap logical text so that each line has at most `max_chars` code points, then convert each
/// line with to_visual(). Returns the visual lines top to bottom (draw right-aligned for RTL).
std::vector<std::string> wrap_visual(std::string_view logical_utf8, std::size_t max_chars,
                                     BaseDirection base = BaseDirection::auto_detect);

/// Small cache for per-frame labels: returns to_visual(s); keeps up to `capacity` entries and
/// clears itself when full. Returned reference is valid until the next get()/clear().
class VisualTextCache {
public:
  explicit VisualTextCache(std::size_t capacity = 1024) : capacity_(capacity) {}
  const std::string& get(std::string_view logical_utf8, BaseDirection base = BaseDirection::auto_detect);
  void clear() { map_.clear(); }
  std::size_t size() const { return map_.size(); }

private:
  std::size_t capacity_;
  std::unordered_map<std::string, std::string> map_;  // key: direction byte + logical text
};

} // namespace bk::kiosk::host
