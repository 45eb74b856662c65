// font_set.hpp — which font files the kiosk loads and which glyph ranges the six languages need.
//
// What: find_fonts() looks up the Debian font files (fonts-dejavu-core: DejaVuSans.ttf,
// DejaVuSans-Bold.ttf; fonts-noto-core: NotoSansArabic-Regular.ttf, NotoSansArabic-Bold.ttf) in the
// standard directories, with fallbacks (DejaVuSans also covers basic Arabic; Noto Kufi Arabic).
// glyph_ranges_*() return zero-terminated [first, last] pair lists in ImGui's ImWchar (16-bit)
// format, static storage, to pass as `glyph_ranges` to AddFontFromFileTTF.
//
// Minimal use (main thread, before building the ImGui font atlas):
//     host::FontSet fonts = host::find_fonts();
//     for (auto& w : fonts.warnings) log(w);
//     static_assert(sizeof(ImWchar) == sizeof(host::GlyphChar));
//     auto* r = reinterpret_cast<const ImWchar*>(host::glyph_ranges_text());
//     io.Fonts->AddFontFromFileTTF(fonts.regular.c_str(), px, nullptr, r);
//     ImFontConfig merge; merge.MergeMode = true;
//     io.Fonts->AddFontFromFileTTF(fonts.arabic.c_str(), px, &merge,
//                                  reinterpret_cast<const ImWchar*>(host::glyph_ranges_arabic()));
//
// Limits: ranges stay within the BMP (ImWchar16). An empty path means the font was not found; the
// kiosk then falls back to ImGui's built-in font (Latin only).
// Thread: all functions are thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace bk::kiosk::host {

using GlyphChar = std::uint16_t;  ///< same size as ImWchar in Debian's imgui 1.86 (no IMGUI_USE_WCHAR32)

struct FontSet {
  std::filesystem::path regular;      ///< DejaVuSans.ttf
  std::filesystem::path bold;         ///< DejaVuSans-Bold.ttf (falls back to regular)
  std::filesystem::path arabic;       ///< NotoSansArabic-Regular.ttf (falls back to DejaVuSans)
  std::filesystem::path arabic_bold;  ///< NotoSansArabic-Bold.ttf (falls back to arabic)
  std::vector<std::string> warnings;  ///< one per missing preferred file
  bool complete() const { return !regular.empty() && !arabic.empty(); }
};

/// Standard Debian font directories searched, in order.
std::vector<std::filesystem::path> default_font_dirs();

/// Look up the font files in `dirs` (each searched recursively, one level: dir/*/file and dir/file).
FontSet find_fonts(std::span<const std::filesystem::path> dirs);
FontSet find_fonts();  ///< with default_font_dirs()

/// Latin (Basic, Latin-1 Supplement, Latin Extended-A for tr/pl/pt) + general punctuation and symbols
/// used by the UI (→ • ✓ ± € …). Zero-terminated pairs.
const GlyphChar* glyph_ranges_text();
/// Arabic (U+0600–06FF), Arabic Presentation Forms-A (U+FB50–FDFF) and -B (U+FE70–FEFF).
const GlyphChar* glyph_ranges_arabic();
/// Both lists concatenated (for a single font that covers everything, e.g. DejaVuSans fallback).
const GlyphChar* glyph_ranges_all();

/// Whether code point `cp` is covered by a zero-terminated range list (for tests and diagnostics).
bool ranges_contain(const GlyphChar* ranges, char32_t cp);

} // namespace bk::kiosk::host
