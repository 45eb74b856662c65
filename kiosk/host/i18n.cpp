// i18n.cpp — string lookup with fallback (language -> nl -> key), %s formatting, JSON overrides.
#include "kiosk/host/i18n.hpp"

#include "kiosk/host/strings.hpp"

#include <nlohmann/json.hpp>

#include <unicode/locid.h>
#include <unicode/plurrule.h>
#include <unicode/unistr.h>

#include <array>
#include <fstream>
#include <memory>

namespace bk::kiosk::host {

namespace {

constexpr std::array<LanguageInfo, 6> language_table{{
    {Language::nl, "nl", "Nederlands", false},
    {Language::en, "en", "English", false},
    {Language::tr, "tr", "Türkçe", false},
    {Language::pl, "pl", "Polski", false},
    {Language::pt, "pt", "Português", false},
    {Language::ar, "ar", "العربية", true},
}};

constexpr std::size_t max_text_bytes = 4096;
constexpr std::uintmax_t max_override_bytes = 256 * 1024;

std::span<const detail::StringEntry> builtin(Language l) {
  switch (l) {
  case Language::nl: return detail::strings_nl();
  case Language::en: return detail::strings_en();
  case Language::tr: return detail::strings_tr();
  case Language::pl: return detail::strings_pl();
  case Language::pt: return detail::strings_pt();
  case Language::ar: return detail::strings_ar();
  }
  return detail::strings_nl();
}

constexpr const char* iso_days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

// ICU's CLDR plural rules, one per language, made once (thread-safe static init; select() is const).
const icu::PluralRules* plural_rules(Language l) {
  static const std::array<std::unique_ptr<icu::PluralRules>, 6> rules = [] {
    std::array<std::unique_ptr<icu::PluralRules>, 6> r;
    for (const auto& info : language_table) {
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::PluralRules> pr(
          icu::PluralRules::forLocale(icu::Locale(std::string(info.code).c_str()), status));
      if (U_SUCCESS(status)) r[static_cast<std::size_t>(info.language)] = std::move(pr);
    }
    return r;
  }();
  return rules[static_cast<std::size_t>(l)].get();
}

// The form for `category`, falling back to "other", then to the first form.
std::string_view pick_form(std::string_view text, std::string_view category) {
  const auto forms = plural_forms(text);
  for (const auto& [cat, form] : forms)
    if (cat == category) return form;
  for (const auto& [cat, form] : forms)
    if (cat == "other") return form;
  return forms.front().second;
}

} // namespace

std::span<const LanguageInfo> languages() { return language_table; }

const LanguageInfo& language_info(Language l) { return language_table[static_cast<std::size_t>(l)]; }

std::optional<Language> language_from_code(std::string_view code) {
  for (const auto& l : language_table)
    if (l.code == code) return l.language;
  return std::nullopt;
}

std::span<const std::string_view> all_keys() {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> k;
    for (const auto& e : detail::strings_nl()) k.push_back(e.key);
    return k;
  }();
  return keys;
}

I18n::I18n() {
  for (const auto& info : language_table) {
    Table& t = tables_[static_cast<std::size_t>(info.language)];
    for (const auto& e : builtin(info.language)) t.emplace(e.key, e.text);
  }
}

std::string_view I18n::text(Language l, std::string_view key) const {
  if (auto it = table(l).find(key); it != table(l).end()) return it->second;
  if (auto it = table(Language::nl).find(key); it != table(Language::nl).end()) return it->second;
  return key;
}

std::string_view I18n::text(std::string_view key) const { return text(language_, key); }

const char* I18n::c_str(std::string_view key) const {
  for (Language l : {language_, Language::nl})
    if (auto it = table(l).find(key); it != table(l).end()) return it->second.c_str();
  // Unknown key: keep a stable copy so the pointer stays valid (programmer error, shown on screen).
  static thread_local std::map<std::string, std::string, std::less<>> unknown;
  auto it = unknown.find(key);
  if (it == unknown.end()) it = unknown.emplace(std::string(key), std::string(key)).first;
  return it->second.c_str();
}

std::vector<std::pair<std::string_view, std::string_view>> plural_forms(std::string_view text) {
  std::vector<std::pair<std::string_view, std::string_view>> forms;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t bar = text.find('|', pos);
    if (bar == std::string_view::npos) bar = text.size();
    const std::string_view part = text.substr(pos, bar - pos);
    const std::size_t colon = part.find(':');
    const std::string_view cat = colon == std::string_view::npos ? std::string_view() : part.substr(0, colon);
    if (cat != "zero" && cat != "one" && cat != "two" && cat != "few" && cat != "many" && cat != "other") {
      return {{"other", text}};  // not a list of forms: one text for every count
    }
    forms.emplace_back(cat, part.substr(colon + 1));
    pos = bar + 1;
  }
  return forms;
}

std::string plural_category(Language l, long long n) {
  const icu::PluralRules* rules = plural_rules(l);
  if (rules == nullptr) return n == 1 ? "one" : "other";
  std::string out;
  rules->select(static_cast<double>(n)).toUTF8String(out);
  return out;
}

std::string I18n::plural(std::string_view key, long long n) const { return plural(language_, key, n); }

std::string I18n::plural(Language l, std::string_view key, long long n) const {
  const std::string count = std::to_string(n);
  return fill(pick_form(text(l, key), plural_category(l, n)), {count});
}

std::string I18n::format(Language l, std::string_view key, std::initializer_list<std::string_view> args) const {
  // A text with plural forms used without a count reads its "other" form.
  return fill(pick_form(text(l, key), "other"), args);
}

std::string I18n::fill(std::string_view t, std::initializer_list<std::string_view> args) {
  std::string out;
  out.reserve(t.size() + 16);
  auto arg = args.begin();
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '%' && i + 1 < t.size()) {
      if (t[i + 1] == 's') {
        if (arg != args.end()) out += *arg++;
        ++i;
        continue;
      }
      if (t[i + 1] == '%') {
        out += '%';
        ++i;
        continue;
      }
    }
    out += t[i];
  }
  return out;
}

std::string I18n::format(std::string_view key, std::initializer_list<std::string_view> args) const {
  return format(language_, key, args);
}

namespace {
std::string_view prefixed(const I18n& i18n, std::string_view prefix, std::string_view id) {
  std::string key(prefix);
  key += id;
  const std::string_view t = i18n.text(key);
  return t.data() == nullptr || t == key ? id : t;  // unknown: the id itself (not the temporary key)
}
} // namespace

std::string_view I18n::category(std::string_view id) const { return prefixed(*this, "category.", id); }
std::string_view I18n::audience(std::string_view id) const { return prefixed(*this, "audience.", id); }
std::string_view I18n::venue_kind(std::string_view id) const { return prefixed(*this, "venue_kind.", id); }

std::string_view I18n::day_name(int iso_weekday, bool short_form) const {
  if (iso_weekday < 0 || iso_weekday > 6) return {};
  return text(std::string(short_form ? "day_short." : "day.") + iso_days[iso_weekday]);
}

std::string_view I18n::month_name(int month, bool short_form) const {
  if (month < 1 || month > 12) return {};
  return text(std::string(short_form ? "month_short." : "month.") + std::to_string(month));
}

bool I18n::has(Language l, std::string_view key) const { return table(l).contains(key); }

std::vector<std::string_view> I18n::missing_keys(Language l) const {
  std::vector<std::string_view> out;
  for (auto k : all_keys())
    if (!has(l, k)) out.push_back(k);
  return out;
}

std::vector<std::string> I18n::load_overrides(const std::filesystem::path& dir) {
  std::vector<std::string> warnings;
  for (const auto& info : language_table) {
    const auto file = dir / (std::string(info.code) + ".json");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) continue;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || size > max_override_bytes) {
      warnings.push_back("i18n: " + file.string() + ": " + (ec ? ec.message() : std::to_string(size) + " bytes, expected at most 256 KiB") + "; skipped");
      continue;
    }
    std::ifstream in(file, std::ios::binary);
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      warnings.push_back("i18n: " + file.string() + ": not a JSON object of \"key\": \"text\" pairs; skipped");
      continue;
    }
    Table& t = tables_[static_cast<std::size_t>(info.language)];
    for (const auto& [key, value] : j.items()) {
      if (!value.is_string() || value.get_ref<const std::string&>().size() > max_text_bytes || key.size() > max_text_bytes) {
        warnings.push_back("i18n: " + file.string() + ": key '" + key.substr(0, 64) + "' has " +
                           std::string(value.type_name()) + ", expected a string of at most 4096 bytes; skipped");
        continue;
      }
      t[key] = value.get<std::string>();
    }
  }
  return warnings;
}

} // namespace bk::kiosk::host
