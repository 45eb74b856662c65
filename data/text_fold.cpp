#include "data/text_fold.hpp"

#include <cstdint>

namespace bk::data {
namespace {

// Folded form of U+00C0..U+00FF (Latin-1 Supplement letters); "" = separator.
constexpr const char* kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y",   // F0
};

// Base letter of U+0100..U+017F (Latin Extended-A: Turkish, Polish, Czech, Romanian, ...).
const char* latin_ext_a(char32_t c) {
    if (c <= 0x105) return "a";
    if (c <= 0x10D) return "c";
    if (c <= 0x111) return "d";
    if (c <= 0x11B) return "e";
    if (c <= 0x123) return "g";
    if (c <= 0x127) return "h";
    if (c <= 0x131) return "i";  // includes İ (U+0130) and dotless ı (U+0131)
    if (c <= 0x133) return "ij";
    if (c <= 0x135) return "j";
    if (c <= 0x138) return "k";
    if (c <= 0x142) return "l";  // includes Ł ł
    if (c <= 0x14B) return "n";
    if (c <= 0x151) return "o";
    if (c <= 0x153) return "oe";
    if (c <= 0x159) return "r";
    if (c <= 0x161) return "s";  // includes Ş ş
    if (c <= 0x167) return "t";
    if (c <= 0x173) return "u";
    if (c <= 0x175) return "w";
    if (c <= 0x178) return "y";
    if (c <= 0x17E) return "z";
    return "s";  // U+017F long s
}

// Decodes one UTF-8 sequence at s[i]; returns code point and advances i. Invalid: U+FFFD, skip 1.
char32_t decode(std::string_view s, std::size_t& i) {
    auto b0 = static_cast<unsigned char>(s[i]);
    int len = b0 < 0x80 ? 1 : (b0 >> 5) == 6 ? 2 : (b0 >> 4) == 14 ? 3 : (b0 >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t c = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    for (int k = 1; k < len; ++k) {
        auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        c = (c << 6) | (b & 0x3F);
    }
    i += len;
    return c;
}

}  // namespace

std::string fold_for_search(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    bool pending_space = false;
    auto put = [&](std::string_view piece) {
        if (piece.empty()) {
            pending_space = !out.empty();
            return;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += piece;
    };
    std::size_t i = 0;
    while (i < utf8.size()) {
        std::size_t start = i;
        char32_t c = decode(utf8, i);
        if (c == 0xFFFD) continue;  // invalid byte(s): dropped
        if (c < 0x80) {
            char ch = char(c);
            if (ch >= 'A' && ch <= 'Z') ch = char(ch - 'A' + 'a');
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                put(std::string_view(&ch, 1));
            } else if (ch == '\'') {
                // apostrophe inside a word ("Sjaan's") is dropped, not a word break
            } else {
                put("");
            }
        } else if (c >= 0xC0 && c <= 0xFF) {
            put(kLatin1[c - 0xC0]);
        } else if (c >= 0x100 && c <= 0x17F) {
            put(latin_ext_a(c));
        } else if (c == 0x218 || c == 0x219) {
            put("s");  // Romanian Ș ș
        } else if (c == 0x21A || c == 0x21B) {
            put("t");  // Romanian Ț ț
        } else if (c == 0x2019 || c == 0x2018 || c == 0xB4) {
            // typographic apostrophes: dropped like '
        } else if (c < 0xC0 || (c >= 0x2000 && c <= 0x206F)) {
            put("");  // Latin-1 punctuation, NBSP, general punctuation: separators
        } else {
            put(utf8.substr(start, i - start));  // other scripts pass through unchanged
        }
    }
    return out;
}

bool folded_contains_all(std::string_view folded_text, std::string_view folded_query) {
    std::size_t pos = 0;
    while (pos < folded_query.size()) {
        std::size_t end = folded_query.find(' ', pos);
        if (end == std::string_view::npos) end = folded_query.size();
        std::string_view word = folded_query.substr(pos, end - pos);
        if (!word.empty() && folded_text.find(word) == std::string_view::npos) return false;
        pos = end + 1;
    }
    return true;
}

}  // namespace bk::data
