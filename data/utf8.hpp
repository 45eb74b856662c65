// UTF-8 encoding of one code point, shared by the JSON scanner (data/) and the bidi text
// shaping (kiosk/host/). Usage: std::string s; bk::data::append_utf8(s, U'é');
// Assumes a valid code point (≤ U+10FFFF, not a surrogate); callers replace bad input with U+FFFD.
// Threads: any thread (pure).
#pragma once
#include <string>

namespace bk::data {

inline void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

}  // namespace bk::data
