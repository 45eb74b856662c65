// font_set_test.cpp — font lookup with fallback and glyph ranges for the six languages.
#include "kiosk/host/font_set.hpp"

#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace bk::kiosk::host;
using bk::kiosk::host::test::TempDir;
using bk::kiosk::host::test::write_file;
namespace fs = std::filesystem;

TEST_CASE("text ranges cover the letters of nl, en, tr, pl, pt and the UI symbols") {
  const GlyphChar* r = glyph_ranges_text();
  for (char32_t cp : {U'A', U'z', U'é', U'ë', U'ç', U'ã', U'õ', U'ğ', U'ı', U'İ', U'ş', U'ą', U'ł', U'ż', U'ń',
                      U'→', U'•', U'✓', U'±', U'–', U'€', U'…'})
    CHECK(ranges_contain(r, cp));
  CHECK_FALSE(ranges_contain(r, U'\u0627'));
}

TEST_CASE("Arabic ranges cover base letters and both presentation-form blocks") {
  const GlyphChar* r = glyph_ranges_arabic();
  for (char32_t cp : {U'\u0627', U'\u0645', U'\u0660', U'\uFB50', U'\uFDF2', U'\uFE8E', U'\uFEE3', U'\uFEFB'})
    CHECK(ranges_contain(r, cp));
  CHECK_FALSE(ranges_contain(r, U'A'));
}

TEST_CASE("the combined list is zero-terminated pairs containing both") {
  const GlyphChar* all = glyph_ranges_all();
  std::size_t n = 0;
  while (all[n]) ++n;
  CHECK(n % 2 == 0);
  CHECK(ranges_contain(all, U'ş'));
  CHECK(ranges_contain(all, U'\uFEFB'));
}

TEST_CASE("fonts are found in a sub-directory, with fallbacks and warnings for missing ones") {
  TempDir dir("fonts");
  fs::create_directories(dir.path() / "dejavu");
  write_file(dir.path() / "dejavu" / "DejaVuSans.ttf", "x");
  const std::vector<fs::path> dirs{dir.path()};
  FontSet f = find_fonts(dirs);
  CHECK(f.regular == dir.path() / "dejavu" / "DejaVuSans.ttf");
  CHECK(f.bold == f.regular);     // bold missing -> regular
  CHECK(f.arabic == f.regular);   // Noto missing -> DejaVu (basic Arabic)
  CHECK(f.complete());
  CHECK(f.warnings.size() == 2);

  fs::create_directories(dir.path() / "noto");
  write_file(dir.path() / "noto" / "NotoSansArabic-Regular.ttf", "x");
  f = find_fonts(dirs);
  CHECK(f.arabic == dir.path() / "noto" / "NotoSansArabic-Regular.ttf");
  CHECK(f.arabic_bold == f.arabic);
}

TEST_CASE("nothing found leaves empty paths so the kiosk uses the built-in font") {
  TempDir dir("fonts-empty");
  const std::vector<fs::path> dirs{dir.path()};
  FontSet f = find_fonts(dirs);
  CHECK(f.regular.empty());
  CHECK_FALSE(f.complete());
  CHECK_FALSE(f.warnings.empty());
}

TEST_CASE("on this Debian machine the preferred fonts are installed") {
  const FontSet f = find_fonts();
  if (!fs::exists("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")) {
    MESSAGE("fonts-dejavu-core not installed; skipping");
    return;
  }
  CHECK(f.regular.filename() == "DejaVuSans.ttf");
  CHECK(f.bold.filename() == "DejaVuSans-Bold.ttf");
  if (fs::exists("/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf"))
    CHECK(f.arabic.filename() == "NotoSansArabic-Regular.ttf");
}

#include "kiosk/host/bidi_text.hpp"
#include "kiosk/host/i18n.hpp"

#include <set>

namespace {
std::u32string decode(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.push_back(cp);
    i += std::size_t(len);
  }
  return out;
}
} // namespace

TEST_CASE("every character of every UI string, after shaping, is inside the glyph ranges") {
  I18n i18n;
  std::set<char32_t> missing;
  for (const auto& l : languages())
    for (auto key : all_keys())
      for (char32_t cp : decode(to_visual(i18n.text(l.language, key))))
        if (!ranges_contain(glyph_ranges_all(), cp)) missing.insert(cp);
  std::string list;
  for (char32_t cp : missing) list += std::to_string(std::uint32_t(cp)) + " ";
  CAPTURE(list);
  CHECK(missing.empty());
}
