// Line numbers for JSON: byte offset -> line:column, and JSON pointers -> line of their value.
// The pointer lookup is one structural scan over the text, run only when issues are reported
// (all issues of a document share one scan), so valid feeds pay nothing. It assumes text that
// nlohmann-json already accepted.
#include "data/utf8.hpp"
#include <string>
#include <unordered_map>
#include <vector>

#include "data/feed_parser.hpp"

namespace bk::data {
namespace {

constexpr int kMaxScanDepth = 256;

struct Scanner {
    std::string_view text;
    std::unordered_map<std::string, int>& wanted;  // pointer -> line (0 = not seen yet)
    std::size_t remaining;
    std::size_t pos = 0;
    int line = 1;
    std::string pointer;

    void skip_ws() {
        while (pos < text.size()) {
            char c = text[pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            if (c == '\n') ++line;
            ++pos;
        }
    }
    unsigned hex4(std::size_t at) const {
        unsigned v = 0;
        for (std::size_t i = at; i < at + 4 && i < text.size(); ++i) {
            char c = text[i];
            v = v * 16 + unsigned(c >= '0' && c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        return v;
    }
    // Reads a JSON string at pos (on '"') and returns it unescaped.
    std::string read_string() {
        std::string out;
        ++pos;
        while (pos < text.size() && text[pos] != '"') {
            if (text[pos] != '\\' || pos + 1 >= text.size()) {
                out += text[pos++];
                continue;
            }
            char e = text[pos + 1];
            if (e == 'u') {
                unsigned cp = hex4(pos + 2);
                pos += 6;
                if (cp >= 0xD800 && cp < 0xDC00 && pos + 6 <= text.size() && text[pos] == '\\' && text[pos + 1] == 'u') {
                    unsigned lo = hex4(pos + 2);
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    pos += 6;
                }
                append_utf8(out, cp);
                continue;
            }
            out += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'b' ? '\b' : e == 'f' ? '\f' : e;
            pos += 2;
        }
        ++pos;  // closing quote
        return out;
    }
    void push(std::string_view token) {
        pointer += '/';
        for (char c : token) {
            if (c == '~') pointer += "~0";
            else if (c == '/') pointer += "~1";
            else pointer += c;
        }
    }

    void value(int depth) {
        skip_ws();
        if (auto it = wanted.find(pointer); it != wanted.end() && it->second == 0) {
            it->second = line;
            --remaining;
        }
        if (remaining == 0 || pos >= text.size() || depth > kMaxScanDepth) return;
        char c = text[pos];
        if (c == '{' || c == '[') {
            const bool object = c == '{';
            const char close = object ? '}' : ']';
            ++pos;
            std::size_t index = 0;
            for (;;) {
                skip_ws();
                if (pos >= text.size() || text[pos] == close) break;
                if (text[pos] == ',') {
                    ++pos;
                    continue;
                }
                const std::size_t mark = pointer.size();
                if (object) {
                    std::string key = read_string();
                    skip_ws();
                    ++pos;  // ':'
                    push(key);
                } else {
                    push(std::to_string(index++));
                }
                value(depth + 1);
                pointer.resize(mark);
                if (remaining == 0) return;
            }
            ++pos;
        } else if (c == '"') {
            read_string();
        } else {
            while (pos < text.size() && text[pos] != ',' && text[pos] != '}' && text[pos] != ']' &&
                   text[pos] != ' ' && text[pos] != '\n' && text[pos] != '\r' && text[pos] != '\t')
                ++pos;
        }
    }
};

std::string_view parent_of(std::string_view pointer) {
    auto slash = pointer.rfind('/');
    return slash == std::string_view::npos ? std::string_view{} : pointer.substr(0, slash);
}

}  // namespace

std::vector<int> lines_of_pointers(std::string_view text, const std::vector<std::string>& pointers) {
    // Every pointer and its ancestors: a missing member falls back to the nearest ancestor.
    std::unordered_map<std::string, int> wanted;
    for (const auto& p : pointers)
        for (std::string_view q = p;; q = parent_of(q)) {
            wanted.emplace(std::string(q), 0);
            if (q.empty()) break;
        }
    Scanner s{text, wanted, wanted.size()};
    s.value(0);
    std::vector<int> lines;
    for (const auto& p : pointers) {
        int line = 0;
        for (std::string_view q = p;; q = parent_of(q)) {
            line = wanted[std::string(q)];
            if (line || q.empty()) break;
        }
        lines.push_back(line);
    }
    return lines;
}

int line_of_pointer(std::string_view text, std::string_view pointer) {
    return lines_of_pointers(text, {std::string(pointer)}).front();
}

}  // namespace bk::data
