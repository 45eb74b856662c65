// Category guess — for organisations whose calendars say nothing the kiosk can use as a category.
//
// Usage:
//   auto g = bk::data::publish::guess_categories("Taalcafé Nederlands", "Oefen je Nederlands");
//   a.categories = g.ids;              // ["taal"], or ["overig"] when no keyword matched
//   if (g.matched) report(g.reason);   // "taalcafe" → Taal
// The keyword table (category_keywords()) is documented in data/publish/PUBLISHING.md: Dutch plus
// the district's other kiosk languages (English, Turkish, Arabic, Polish, Portuguese). Keywords
// match the start of a word in the folded (lowercase, accent-free, text_fold.hpp) title and
// description; a keyword in the title counts three times. The best category wins, a second one
// is added when it scores as high. No match: "overig".
// Threads: pure; any thread.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bk::data::publish {

struct CategoryKeywords {
    std::string_view category;                // a categories() id
    std::vector<std::string_view> keywords;   // folded word starts
};

std::span<const CategoryKeywords> category_keywords();

struct CategoryGuess {
    std::vector<std::string> ids;  // at least one
    bool matched = false;          // false: "overig"
    std::string reason;            // the keywords that decided: "taalcafe, nederlands"
};

CategoryGuess guess_categories(std::string_view title, std::string_view description);

}  // namespace bk::data::publish
