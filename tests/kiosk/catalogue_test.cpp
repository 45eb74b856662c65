// Every visible string comes from the visitor's language: each screen is drawn in each language
// with the text audit on (UiText::record), and any text that is the Dutch catalogue's wording of
// a key the language translates differently — or a bare catalogue key — fails the test.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "kiosk/host/i18n.hpp"
#include "kiosk_test_support.hpp"

using namespace bk::kiosk;
using namespace bk::kiosk::test;
namespace host = bk::kiosk::host;

namespace {

std::vector<std::string_view> split_segments(std::string_view s) {
    // Screens join parts with " · ", ": ", ", " and " — ".
    std::vector<std::string_view> out;
    static const std::string_view seps[] = {" \xC2\xB7 ", ": ", ", ", " \xE2\x80\x94 "};
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t best = std::string_view::npos, len = 0;
        for (auto sep : seps) {
            const std::size_t p = s.find(sep, start);
            if (p < best) best = p, len = sep.size();
        }
        if (best == std::string_view::npos) {
            out.push_back(s.substr(start));
            break;
        }
        out.push_back(s.substr(start, best - start));
        start = best + len;
    }
    return out;
}

// "tot %s" matches "tot 17:00"; a text without %s matches only itself.
bool matches_template(std::string_view text, std::string_view tmpl) {
    const std::size_t p = tmpl.find("%s");
    if (p == std::string_view::npos) return text == tmpl;
    const std::string_view pre = tmpl.substr(0, p), post = tmpl.substr(p + 2);
    if (post.find("%s") != std::string_view::npos || pre.size() + post.size() < 4) return false;
    return text.size() > pre.size() + post.size() && text.starts_with(pre) && text.ends_with(post);
}

// Dutch wordings (per form) of keys that `l` translates differently.
std::vector<std::pair<std::string_view, std::string_view>> dutch_only(const host::I18n& i18n, host::Language l) {
    std::vector<std::pair<std::string_view, std::string_view>> out;
    for (auto key : host::all_keys()) {
        if (key == "lang.name") continue;  // a language's own name is shown as is everywhere
        const auto nl = i18n.text(host::Language::nl, key);
        if (nl == i18n.text(l, key)) continue;
        for (const auto& [cat, form] : host::plural_forms(nl)) out.emplace_back(key, form);
    }
    return out;
}

}  // namespace

TEST_CASE("every screen in every language shows only that language's catalogue texts (no Dutch leaks, no keys)") {
    host::I18n i18n;
    const std::set<std::string_view> keys(host::all_keys().begin(), host::all_keys().end());
    for (const auto& lang : host::languages()) {
        const auto dutch = dutch_only(i18n, lang.language);
        for (const std::string screen : {"map", "agenda", "nearby", "venue:huiskamer-de-singel"}) {
            for (const auto& size : {std::pair{1280, 800}, std::pair{1080, 1920}}) {
                CAPTURE(lang.code);
                CAPTURE(screen);
                CAPTURE(size.first);
                CliOptions o = fixed_options(size.first, size.second, screen);
                o.app.language = std::string(lang.code);
                o.app.language_given = true;
                auto created = KioskSession::create(o, /*headless=*/true);
                REQUIRE(created.has_value());
                KioskSession& s = **created;
                FakeTime t;
                run_frames(s, t, 3);
                s.app().record_texts(true);
                run_frames(s, t, 1);
                const auto texts = s.app().recorded_texts();
                s.app().record_texts(false);
                REQUIRE(texts.size() > 10);
                for (const std::string& text : texts) {
                    for (std::string_view seg : split_segments(text)) {
                        if (keys.count(seg)) FAIL_CHECK("a bare catalogue key is shown: '" << seg << "' in '" << text << "'");
                        for (const auto& [key, form] : dutch) {
                            if (matches_template(seg, form)) {
                                FAIL_CHECK("Dutch text of " << key << " shown in " << lang.code << ": '" << text << "'");
                            }
                        }
                    }
                }
            }
        }
    }
}

TEST_CASE("the text audit sees catalogue texts of the current language") {
    CliOptions o = fixed_options(1280, 800, "map");
    o.app.language = "pl";
    o.app.language_given = true;
    auto created = KioskSession::create(o, true);
    REQUIRE(created.has_value());
    FakeTime t;
    run_frames(**created, t, 3);
    (*created)->app().record_texts(true);
    run_frames(**created, t, 1);
    const auto& texts = (*created)->app().recorded_texts();
    host::I18n i18n;
    const std::string now_title(i18n.text(host::Language::pl, "now.title"));
    CHECK(std::find(texts.begin(), texts.end(), now_title) != texts.end());
    // And the audit would catch a Dutch leak: the sample-data marker is translated.
    for (const auto& x : texts) CHECK(x.find("Voorbeeldgegevens") == std::string::npos);
}
