// bidi_text.cpp — logical UTF-8 -> visual UTF-8 with Arabic presentation forms (fribidi).
//
// [SECTION] UTF-8 decode/encode (our own, so invalid input becomes U+FFFD instead of garbage)
// [SECTION] one line through fribidi: types, levels (UAX #9), joining, shaping, reorder
// [SECTION] public functions
#include "kiosk/host/bidi_text.hpp"
#include "data/utf8.hpp"

#include <fribidi.h>

#include <algorithm>

namespace bk::kiosk::host {

namespace {

using bk::data::append_utf8;

constexpr std::size_t max_input_bytes = 64 * 1024;

// [SECTION] UTF-8 ---------------------------------------------------------------------------------

std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = s[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    char32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    bool ok = len > 0 && i + len <= s.size();
    for (int k = 1; ok && k < len; ++k) {
      const unsigned char cc = s[i + k];
      if ((cc & 0xC0) != 0x80) ok = false;
      else cp = (cp << 6) | (cc & 0x3F);
    }
    // Reject overlong forms, surrogates and values above U+10FFFF.
    static constexpr char32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (ok && (cp < min_for_len[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)) ok = false;
    if (!ok) {
      out.push_back(0xFFFD);
      i += 1;
      continue;
    }
    out.push_back(cp);
    i += std::size_t(len);
  }
  return out;
}

bool is_rtl_cp(char32_t c) {
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
         (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF);
}

// Invisible controls that an LTR glyph renderer would draw as boxes after reordering is done:
// bidi marks/embeddings/isolates, ZWJ/ZWNJ, and U+FEFF, which fribidi leaves in the slot a
// lam-alef ligature consumed.
bool is_invisible_control(char32_t c) {
  return c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x061C;
}

// [SECTION] one line through fribidi ---------------------------------------------------------------

FriBidiParType to_fribidi(BaseDirection b) {
  switch (b) {
  case BaseDirection::ltr: return FRIBIDI_PAR_LTR;
  case BaseDirection::rtl: return FRIBIDI_PAR_RTL;
  case BaseDirection::auto_detect: return FRIBIDI_PAR_ON;  // first strong character, LTR if none
  }
  return FRIBIDI_PAR_ON;
}

std::string line_to_visual(std::u32string_view line, BaseDirection base) {
  const bool rtl_content = std::any_of(line.begin(), line.end(), is_rtl_cp);
  std::string out;
  if (!rtl_content && base != BaseDirection::rtl) {  // pure LTR: nothing to do
    for (char32_t c : line) append_utf8(out, c);
    return out;
  }
  const auto len = FriBidiStrIndex(line.size());
  std::vector<FriBidiChar> str(line.begin(), line.end());
  std::vector<FriBidiCharType> types(line.size());
  std::vector<FriBidiBracketType> brackets(line.size());
  std::vector<FriBidiLevel> levels(line.size());
  std::vector<FriBidiArabicProp> ar(line.size());

  fribidi_get_bidi_types(str.data(), len, types.data());
  fribidi_get_bracket_types(str.data(), len, types.data(), brackets.data());
  FriBidiParType dir = to_fribidi(base);
  if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), len, &dir, levels.data())) {
    for (char32_t c : line) append_utf8(out, c);  // allocation failure inside fribidi: show logical text
    return out;
  }
  fribidi_get_joining_types(str.data(), len, ar.data());
  fribidi_join_arabic(types.data(), len, levels.data(), ar.data());
  const FriBidiFlags shape_flags =
      FRIBIDI_FLAG_SHAPE_MIRRORING | FRIBIDI_FLAG_SHAPE_ARAB_PRES | FRIBIDI_FLAG_SHAPE_ARAB_LIGA;
  fribidi_shape(shape_flags, levels.data(), len, ar.data(), str.data());
  if (!fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT, types.data(), len, 0, dir, levels.data(), str.data(), nullptr)) {
    for (char32_t c : line) append_utf8(out, c);
    return out;
  }
  for (FriBidiChar c : str)
    if (!is_invisible_control(c)) append_utf8(out, c);
  return out;
}

BaseDirection resolve_base(std::u32string_view text, BaseDirection base) {
  if (base != BaseDirection::auto_detect) return base;
  for (char32_t c : text) {
    const FriBidiCharType t = fribidi_get_bidi_type(c);
    if (t == FRIBIDI_TYPE_LTR) return BaseDirection::ltr;
    if (t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL) return BaseDirection::rtl;
  }
  return BaseDirection::ltr;
}

} // namespace

// [SECTION] public functions -----------------------------------------------------------------------

bool has_rtl(std::string_view utf8) {
  const auto cps = decode_utf8(utf8.substr(0, max_input_bytes));
  return std::any_of(cps.begin(), cps.end(), is_rtl_cp);
}

std::string to_visual(std::string_view logical, BaseDirection base) {
  if (logical.size() > max_input_bytes) return std::string(logical);
  // Fast path: ASCII-only text never changes with an LTR or automatic base direction.
  if (base != BaseDirection::rtl &&
      std::all_of(logical.begin(), logical.end(), [](char c) { return (unsigned char)c < 0x80; }))
    return std::string(logical);
  const std::u32string text = decode_utf8(logical);
  std::string out;
  out.reserve(logical.size());
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = text.find(U'\n', start);
    const std::u32string_view line = std::u32string_view(text).substr(start, nl == std::u32string::npos ? std::u32string::npos : nl - start);
    out += line_to_visual(line, base);
    if (nl == std::u32string::npos) break;
    out += '\n';
    start = nl + 1;
  }
  return out;
}

std::vector<std::string> wrap_visual(std::string_view logical, std::size_t max_chars, BaseDirection base) {
  std::vector<std::string> lines;
  if (logical.size() > max_input_bytes) {
    lines.emplace_back(logical);
    return lines;
  }
  max_chars = std::max<std::size_t>(max_chars, 1);
  const std::u32string text = decode_utf8(logical);
  std::size_t para_start = 0;
  while (para_start <= text.size()) {
    std::size_t para_end = text.find(U'\n', para_start);
    if (para_end == std::u32string::npos) para_end = text.size();
    const std::u32string_view para = std::u32string_view(text).substr(para_start, para_end - para_start);
    const BaseDirection dir = resolve_base(para, base);  // one direction for all lines of a paragraph
    std::size_t pos = 0;
    do {
      std::size_t end = std::min(para.size(), pos + max_chars);
      if (end < para.size()) {
        const std::size_t space = para.substr(pos, end - pos + 1).rfind(U' ');
        if (space != std::u32string_view::npos && space > 0) end = pos + space;  // break at the last space
      }
      lines.push_back(line_to_visual(para.substr(pos, end - pos), dir));
      pos = end;
      while (pos < para.size() && para[pos] == U' ') ++pos;
    } while (pos < para.size());
    para_start = para_end + 1;
  }
  return lines;
}

const std::string& VisualTextCache::get(std::string_view logical, BaseDirection base) {
  std::string key(1, char('0' + static_cast<int>(base)));
  key += logical;
  auto it = map_.find(key);
  if (it != map_.end()) return it->second;
  if (map_.size() >= capacity_) map_.clear();
  return map_.emplace(std::move(key), to_visual(logical, base)).first->second;
}

} // namespace bk::kiosk::host
