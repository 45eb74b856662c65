// font_set.cpp — Debian font lookup and ImGui glyph ranges for nl/en/tr/pl/pt/ar.
#include "kiosk/host/font_set.hpp"

#include <array>
#include <cstdlib>

namespace bk::kiosk::host {

namespace fs = std::filesystem;

namespace {
// [first, last] pairs, zero-terminated, as ImFontAtlas::GetGlyphRanges*() returns them.
constexpr GlyphChar ranges_text[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement (nl, en, pt: ã õ ç)
    0x0100, 0x017F,  // Latin Extended-A (tr: ğ ı ş İ; pl: ą ć ę ł ń ś ź ż)
    0x2000, 0x206F,  // General Punctuation (– — ‘ ’ “ ” • … )
    0x20AC, 0x20AC,  // €
    0x2190, 0x21FF,  // Arrows (→ ←)
    0x2212, 0x2212,  // − minus
    0x2713, 0x2717,  // ✓ ✔ ✕ ✖ ✗
    0x25A0, 0x25CF,  // geometric shapes (■ □ ▲ ► ● ○)
    0};
constexpr GlyphChar ranges_arabic[] = {
    0x0600, 0x06FF,  // Arabic
    0xFB50, 0xFDFF,  // Arabic Presentation Forms-A (lam-alef ligatures and others)
    0xFE70, 0xFEFF,  // Arabic Presentation Forms-B (contextual letter forms from fribidi_shape)
    0};
constexpr auto make_all() {
  std::array<GlyphChar, std::size(ranges_text) + std::size(ranges_arabic) - 1> a{};
  std::size_t n = 0;
  for (std::size_t i = 0; ranges_text[i]; ++i) a[n++] = ranges_text[i];
  for (std::size_t i = 0; i < std::size(ranges_arabic); ++i) a[n++] = ranges_arabic[i];
  return a;
}
constexpr auto ranges_all = make_all();

fs::path find_file(std::span<const fs::path> dirs, const char* name) {
  std::error_code ec;
  for (const auto& d : dirs) {
    if (fs::is_regular_file(d / name, ec)) return d / name;
    for (fs::directory_iterator it(d, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_directory(ec) && fs::is_regular_file(it->path() / name, ec)) return it->path() / name;
  }
  return {};
}
} // namespace

std::vector<fs::path> default_font_dirs() {
  std::vector<fs::path> dirs;
  if (const char* h = std::getenv("HOME"); h && *h) dirs.push_back(fs::path(h) / ".local/share/fonts");
  dirs.push_back("/usr/local/share/fonts");
  dirs.push_back("/usr/share/fonts/truetype");  // Debian: truetype/dejavu, truetype/noto
  dirs.push_back("/usr/share/fonts");
  return dirs;
}

FontSet find_fonts(std::span<const fs::path> dirs) {
  FontSet f;
  f.regular = find_file(dirs, "DejaVuSans.ttf");
  if (f.regular.empty()) f.warnings.push_back("fonts: DejaVuSans.ttf not found (apt install fonts-dejavu-core); using ImGui's built-in font");
  f.bold = find_file(dirs, "DejaVuSans-Bold.ttf");
  if (f.bold.empty()) {
    f.bold = f.regular;
    f.warnings.push_back("fonts: DejaVuSans-Bold.ttf not found; bold text uses the regular font");
  }
  f.arabic = find_file(dirs, "NotoSansArabic-Regular.ttf");
  if (f.arabic.empty()) {
    f.arabic = find_file(dirs, "NotoKufiArabic-Regular.ttf");
    if (f.arabic.empty()) f.arabic = f.regular;  // DejaVu Sans covers the basic Arabic forms
    f.warnings.push_back("fonts: NotoSansArabic-Regular.ttf not found (apt install fonts-noto-core); Arabic uses " +
                         (f.arabic.empty() ? std::string("no font") : f.arabic.filename().string()));
  }
  f.arabic_bold = find_file(dirs, "NotoSansArabic-Bold.ttf");
  if (f.arabic_bold.empty()) f.arabic_bold = f.arabic;
  return f;
}

FontSet find_fonts() {
  const auto dirs = default_font_dirs();
  return find_fonts(dirs);
}

const GlyphChar* glyph_ranges_text() { return ranges_text; }
const GlyphChar* glyph_ranges_arabic() { return ranges_arabic; }
const GlyphChar* glyph_ranges_all() { return ranges_all.data(); }

bool ranges_contain(const GlyphChar* r, char32_t cp) {
  for (; r && r[0]; r += 2)
    if (cp >= r[0] && cp <= r[1]) return true;
  return false;
}

} // namespace bk::kiosk::host
