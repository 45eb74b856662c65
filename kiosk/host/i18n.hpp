// i18n.hpp — visitor languages and UI string tables (nl default, en, tr, pl, pt, ar).
//
// What: I18n holds one string table per language, built in (strings_<code>.cpp) and optionally
// overridden at start from assets/i18n/<code>.json (flat {"key": "text"} objects, so volunteers can
// fix a translation without a rebuild). Lookup falls back: current language -> Dutch -> the key
// itself (so a missing key is visible on screen, never a crash). Texts use "%s" placeholders,
// filled in order by format(). Keys are dotted ASCII; the full list is all_keys() (see i18n_keys.cpp
// for the meaning of each):
//   status.*  time.*  walk.*  activity.*  venue.*  map.*  nav.*  filter.*  ui.*  attract.*  pin.*
//   host.*  feed.*  day.<mon..sun>  day_short.*  month.<1..12>  month_short.*
//   qr.*  category.<data category id>  audience.<data audience id>  venue_kind.<id>
//   lang.name (the language's own name, for the language button)
//
// Minimal use (main thread):
//     host::I18n i18n;                                  // built-in tables
//     i18n.load_overrides(dir);                         // optional; returns warnings
//     i18n.set_language(host::Language::ar);
//     std::string s = i18n.format("status.updated_at", {"14:02"});   // "bijgewerkt om 14:02"
//     const char* t = i18n.c_str("time.now");           // stable pointer, valid while i18n lives
//     if (i18n.rtl()) s = host::to_visual(s);            // bidi_text.hpp before drawing
//     language button: for (auto& l : host::languages()) button(l.native_name)
//
// Limits: keys/texts up to 4 KiB; override files up to 256 KiB. Day index is ISO (0 = Monday).
// Thread: a const I18n may be read from any thread; set_language()/load_overrides() main thread only.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include <filesystem>

namespace bk::kiosk::host {

enum class Language { nl, en, tr, pl, pt, ar };

struct LanguageInfo {
  Language language;
  std::string_view code;         ///< ISO 639-1: "nl", "en", ...
  std::string_view native_name;  ///< "Nederlands", "English", "Türkçe", "Polski", "Português", "العربية"
  bool rtl;                      ///< right-to-left script (only ar)
};

/// All supported languages in button order (nl first).
std::span<const LanguageInfo> languages();
const LanguageInfo& language_info(Language l);
std::optional<Language> language_from_code(std::string_view code);

/// CLDR plural category of n in language l: "zero", "one", "two", "few", "many" or "other".
std::string plural_category(Language l, long long n);

/// The forms of a counted text as (category, text) pairs; a plain text is {("other", text)}.
std::vector<std::pair<std::string_view, std::string_view>> plural_forms(std::string_view text);

/// All keys every language must define (the Dutch table's key set).
std::span<const std::string_view> all_keys();

class I18n {
public:
  I18n();  ///< built-in tables, language nl

  void set_language(Language l) { language_ = l; }
  Language language() const { return language_; }
  bool rtl() const { return language_info(language_).rtl; }

  /// Text in the current language, falling back to Dutch, then to the key. In that last case the
  /// view refers to `key` itself: keep the key alive (literals are fine) or use c_str().
  std::string_view text(std::string_view key) const;
  std::string_view text(Language l, std::string_view key) const;
  /// Same as text() as a NUL-terminated pointer (strings are stored as std::string).
  const char* c_str(std::string_view key) const;

  /// text(key) with each "%s" replaced by the next argument ("%%" -> "%"). Missing args -> "".
  std::string format(std::string_view key, std::initializer_list<std::string_view> args) const;
  std::string format(Language l, std::string_view key, std::initializer_list<std::string_view> args) const;

  /// Counted text with the language's plural rules (ICU/CLDR: Polish one/few/many, Arabic six forms).
  /// The text lists forms as "one:%s filtr|few:%s filtry|many:%s filtrów|other:%s filtra"; "%s" = n.
  /// A text without forms is used for every count. format() on such a text uses its "other" form.
  std::string plural(std::string_view key, long long n) const;
  std::string plural(Language l, std::string_view key, long long n) const;

  /// Data ids: category.<id> / audience.<id>; unknown ids fall back to the id itself.
  std::string_view category(std::string_view id) const;
  std::string_view audience(std::string_view id) const;
  std::string_view venue_kind(std::string_view id) const;  ///< venue_kind.<id>
  /// ISO weekday 0 = Monday .. 6 = Sunday; month 1..12. Out of range -> "".
  std::string_view day_name(int iso_weekday, bool short_form = false) const;
  std::string_view month_name(int month_1_12, bool short_form = false) const;

  /// True when language `l` itself defines `key` (no fallback).
  bool has(Language l, std::string_view key) const;
  /// Keys of all_keys() that language `l` does not define.
  std::vector<std::string_view> missing_keys(Language l) const;

  /// Read <dir>/<code>.json for each language (missing files skipped). Each bad file or entry adds a
  /// warning (file, key, reason) and is skipped; good entries replace built-in texts.
  std::vector<std::string> load_overrides(const std::filesystem::path& dir);

private:
  static std::string fill(std::string_view text, std::initializer_list<std::string_view> args);
  using Table = std::map<std::string, std::string, std::less<>>;
  const Table& table(Language l) const { return tables_[static_cast<std::size_t>(l)]; }
  Table tables_[6];
  Language language_ = Language::nl;
};

} // namespace bk::kiosk::host
