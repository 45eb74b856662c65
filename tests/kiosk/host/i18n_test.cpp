// i18n_test.cpp — every key in every language, fallback nl -> key, formatting, overrides.
#include "kiosk/host/i18n.hpp"

#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace bk::kiosk::host;
using bk::kiosk::host::test::TempDir;
using bk::kiosk::host::test::write_file;

namespace {
int count_placeholders(std::string_view s) {
  int n = 0;
  for (std::size_t i = 0; i + 1 < s.size(); ++i)
    if (s[i] == '%' && s[i + 1] == 's') ++n;
  return n;
}
} // namespace

TEST_CASE("every key exists in every language") {
  I18n i18n;
  REQUIRE(all_keys().size() > 150);
  for (const auto& l : languages()) {
    CAPTURE(l.code);
    const auto missing = i18n.missing_keys(l.language);
    std::string list;
    for (auto k : missing) list += std::string(k) + " ";
    CAPTURE(list);
    CHECK(missing.empty());
  }
}

TEST_CASE("translations keep the placeholders of the Dutch text and are not empty") {
  I18n i18n;
  for (const auto& l : languages()) {
    for (auto key : all_keys()) {
      CAPTURE(l.code);
      CAPTURE(key);
      const auto t = i18n.text(l.language, key);
      CHECK_FALSE(t.empty());
      // Counted texts: every form is filled in, and the "other" form keeps the placeholders
      // (a form for one/two may name the number in words, as Arabic does).
      std::string_view other;
      for (const auto& [cat, form] : plural_forms(t)) {
        CHECK_FALSE(form.empty());
        if (cat == "other") other = form;
      }
      int dutch_other = 0;
      for (const auto& [cat, form] : plural_forms(i18n.text(Language::nl, key)))
        if (cat == "other") dutch_other = count_placeholders(form);
      CHECK(count_placeholders(other) == dutch_other);
    }
  }
}

TEST_CASE("translations differ from Dutch for ordinary sentences") {
  I18n i18n;
  for (const auto& l : languages()) {
    if (l.language == Language::nl) continue;
    CAPTURE(l.code);
    CHECK(i18n.text(l.language, "time.now") != i18n.text(Language::nl, "time.now"));
    CHECK(i18n.text(l.language, "map.you_are_here") != i18n.text(Language::nl, "map.you_are_here"));
    CHECK(i18n.text(l.language, "feed.signature_invalid") != i18n.text(Language::nl, "feed.signature_invalid"));
  }
}

TEST_CASE("languages: six, Dutch first, only Arabic right-to-left, own names") {
  const auto ls = languages();
  REQUIRE(ls.size() == 6);
  CHECK(ls[0].code == "nl");
  for (const auto& l : ls) CHECK(l.rtl == (l.language == Language::ar));
  CHECK(language_info(Language::tr).native_name == "Türkçe");
  CHECK(language_info(Language::ar).native_name == "العربية");
  CHECK(language_from_code("pl") == Language::pl);
  CHECK_FALSE(language_from_code("de").has_value());
  I18n i18n;
  for (const auto& l : ls) CHECK(i18n.text(l.language, "lang.name") == l.native_name);
}

TEST_CASE("lookup uses the current language and reports rtl") {
  I18n i18n;
  CHECK(i18n.text("time.now") == "Nu bezig");
  i18n.set_language(Language::en);
  CHECK(i18n.text("time.now") == "Happening now");
  CHECK_FALSE(i18n.rtl());
  i18n.set_language(Language::ar);
  CHECK(i18n.rtl());
  CHECK(i18n.text("time.now") != "Nu bezig");
}

TEST_CASE("missing keys fall back to Dutch, then to the key itself") {
  TempDir dir("i18n-fallback");
  I18n i18n;
  // An override can only add; to test the nl fallback add a key to nl only.
  write_file(dir.path() / "nl.json", R"({"test.only_dutch": "alleen Nederlands"})");
  CHECK(i18n.load_overrides(dir.path()).empty());
  i18n.set_language(Language::pt);
  CHECK(i18n.text("test.only_dutch") == "alleen Nederlands");
  CHECK(i18n.text("no.such.key") == "no.such.key");
  CHECK(std::string(i18n.c_str("no.such.key")) == "no.such.key");
  CHECK(std::string(i18n.c_str("time.today")) == i18n.text("time.today"));
}

TEST_CASE("format fills %s in order and keeps %%") {
  I18n i18n;
  CHECK(i18n.format("status.updated_at", {"14:02"}) == "bijgewerkt om 14:02");
  CHECK(i18n.format(Language::en, "status.offline_since", {"09:15"}) == "offline since 09:15");
  CHECK(i18n.format("time.from_to", {"10:00", "12:00"}) == "10:00 – 12:00");
  CHECK(i18n.format("time.from_to", {"10:00"}) == "10:00 – ");  // missing argument -> empty
  TempDir dir("i18n-percent");
  write_file(dir.path() / "en.json", R"({"test.pct": "100%% %s"})");
  (void)i18n.load_overrides(dir.path());
  CHECK(i18n.format(Language::en, "test.pct", {"free"}) == "100% free");
}

TEST_CASE("data categories and audiences are translated; unknown ids stay as they are") {
  I18n i18n;
  CHECK(i18n.category("maaltijd") == "Maaltijd");
  CHECK(i18n.audience("nieuwkomers") == "Nieuwkomers");
  i18n.set_language(Language::en);
  CHECK(i18n.category("maaltijd") == "Meal");
  CHECK(i18n.category("formulierhulp") == "Help with forms");
  CHECK(i18n.audience("ouderen") == "Older people");
  CHECK(i18n.category("onbekend-id") == "onbekend-id");
  for (const char* id : {"maaltijd", "koffie", "taal", "formulierhulp", "kinderen", "sport", "creatief", "groen",
                         "gespreksgroep", "spreekuur", "muziek", "wandelen"})
    CHECK(i18n.has(Language::ar, std::string("category.") + id));
  for (const char* id : {"iedereen", "kinderen", "jongeren", "ouderen", "vrouwen", "mannen", "ouders", "nieuwkomers"})
    CHECK(i18n.has(Language::tr, std::string("audience.") + id));
}

TEST_CASE("day and month names in ISO order") {
  I18n i18n;
  CHECK(i18n.day_name(0) == "maandag");
  CHECK(i18n.day_name(6, true) == "zo");
  CHECK(i18n.month_name(3) == "maart");
  CHECK(i18n.month_name(10, true) == "okt");
  CHECK(i18n.day_name(7).empty());
  CHECK(i18n.month_name(0).empty());
  i18n.set_language(Language::pl);
  CHECK(i18n.day_name(2) == "środa");
  i18n.set_language(Language::tr);
  CHECK(i18n.month_name(1) == "Ocak");
}

TEST_CASE("override files replace texts and report bad files and entries") {
  TempDir dir("i18n-overrides");
  write_file(dir.path() / "en.json", R"({"time.now": "On now", "time.soon": 42})");
  write_file(dir.path() / "tr.json", "{ not json");
  I18n i18n;
  const auto warnings = i18n.load_overrides(dir.path());
  REQUIRE(warnings.size() == 2);
  CHECK(std::any_of(warnings.begin(), warnings.end(), [](auto& w) { return w.find("time.soon") != std::string::npos; }));
  CHECK(std::any_of(warnings.begin(), warnings.end(), [](auto& w) { return w.find("tr.json") != std::string::npos; }));
  CHECK(i18n.text(Language::en, "time.now") == "On now");
  CHECK(i18n.text(Language::en, "time.soon") == "Coming up");  // bad entry skipped, built-in kept
}

TEST_CASE("the default PIN warning mentions 1234 in every language") {
  I18n i18n;
  for (const auto& l : languages()) {
    CAPTURE(l.code);
    CHECK(i18n.text(l.language, "host.pin_default_warning").find("1234") != std::string_view::npos);
  }
}

#include "kiosk/host/strings.hpp"

#include <set>

TEST_CASE("no built-in table defines a key twice or a key Dutch does not have") {
  using namespace bk::kiosk::host::detail;
  const std::set<std::string_view> nl_keys(all_keys().begin(), all_keys().end());
  for (auto table : {strings_nl(), strings_en(), strings_tr(), strings_pl(), strings_pt(), strings_ar()}) {
    std::set<std::string_view> seen;
    for (const auto& e : table) {
      CAPTURE(e.key);
      CHECK(seen.insert(e.key).second);
      CHECK(nl_keys.contains(e.key));
    }
  }
}

TEST_CASE("Arabic texts start with an Arabic word so that automatic direction detection picks RTL") {
  I18n i18n;
  for (auto key : all_keys()) {
   for (const auto& [cat, form] : plural_forms(i18n.text(Language::ar, key))) {
    const std::string t(form);
    if (t.find("\xD8") == std::string::npos && t.find("\xD9") == std::string::npos) continue;  // no Arabic letters
    // First letter that is not part of a "%s" placeholder must not be ASCII.
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '%' && i + 1 < t.size() && t[i + 1] == 's') { ++i; continue; }
      const unsigned char c = t[i];
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
        CAPTURE(key);
        FAIL_CHECK("Arabic text starts with a Latin letter");
        break;
      }
      if (c >= 0x80) break;
    }
   }
  }
}

TEST_CASE("counted texts follow each language's plural rules (ICU): Polish three forms, Arabic six") {
  I18n i18n;
  CHECK(plural_category(Language::pl, 1) == "one");
  CHECK(plural_category(Language::pl, 3) == "few");
  CHECK(plural_category(Language::pl, 5) == "many");
  CHECK(plural_category(Language::pl, 22) == "few");
  CHECK(plural_category(Language::ar, 0) == "zero");
  CHECK(plural_category(Language::ar, 2) == "two");
  CHECK(plural_category(Language::ar, 3) == "few");
  CHECK(plural_category(Language::ar, 11) == "many");
  CHECK(plural_category(Language::ar, 100) == "other");
  CHECK(i18n.plural(Language::nl, "filter.active", 1) == "1 filter actief");
  CHECK(i18n.plural(Language::nl, "filter.active", 2) == "2 filters actief");
  CHECK(i18n.plural(Language::en, "filter.active", 1) == "1 filter on");
  CHECK(i18n.plural(Language::pl, "filter.active", 1) == "1 aktywny filtr");
  CHECK(i18n.plural(Language::pl, "filter.active", 3) == "3 aktywne filtry");
  CHECK(i18n.plural(Language::pl, "filter.active", 5) == "5 aktywnych filtrów");
  CHECK(i18n.plural(Language::pl, "walk.minutes", 2) == "2 minuty pieszo");
  CHECK(i18n.plural(Language::pl, "walk.minutes", 12) == "12 minut pieszo");
  // Six distinct Arabic forms for 0, 1, 2, 3, 11, 100.
  std::vector<std::string> ar;
  for (long long n : {0, 1, 2, 3, 11, 100}) ar.push_back(i18n.plural(Language::ar, "activity.count", n));
  std::sort(ar.begin(), ar.end());
  CHECK(std::unique(ar.begin(), ar.end()) == ar.end());
  // Without a count, the "other" form; a plain text serves every count.
  CHECK(i18n.format(Language::nl, "filter.active", {"4"}) == "4 filters actief");
  CHECK(i18n.plural(Language::tr, "filter.active", 1) == "1 filtre etkin");
}
