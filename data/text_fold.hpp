// Accent- and case-insensitive text folding for search ("cafe" finds "Café", "sukru" finds "Şükrü").
//
// Usage:
//   std::string key = bk::data::fold_for_search("Café Ñandú");   // "cafe nandu"
//   bool hit = bk::data::folded_contains_all(key, bk::data::fold_for_search("CAFE"));
// Folds ASCII case and the Latin letters of Dutch, German, French, Turkish (ı İ ş ğ), Polish
// (ł ą ę ś ź ż ń ć), Portuguese (ã õ ç) and friends; ß->ss, æ->ae, œ->oe, ø->o, ĳ->ij.
// Punctuation becomes a space, runs of spaces collapse. Other scripts (Arabic) pass through.
// Invalid UTF-8 bytes are dropped. Threads: any thread.
#pragma once
#include <string>
#include <string_view>

namespace bk::data {

std::string fold_for_search(std::string_view utf8);
// True when every space-separated word of folded_query occurs in folded_text.
bool folded_contains_all(std::string_view folded_text, std::string_view folded_query);

}  // namespace bk::data
