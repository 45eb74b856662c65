// Line numbers for JSON: byte offset -> line:column, and JSON pointer -> line of its value.
// The pointer lookup is a small structural scanner run only when an issue is reported, so
// valid feeds pay nothing. It assumes text that nlohmann-json already accepted.
#include <string>
#include <vector>

#include "data/feed_parser.hpp"

namespace bk::data {
namespace {

constexpr int kMaxScanDepth = 256;

struct Scanner {
    std::string_view text;
    std::size_t pos = 0;
    int line = 1;
    const std::vector<std::string>& target;
    std::vector<std::string> path;
    int found_line = 0;

    void skip_ws() {
        while (pos < text.size()) {
            char c = text[pos];
            if (c == '\n') ++line;
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            ++pos;
        }
    }
    // Reads a JSON string at pos (on '"'), returns it unescaped enough to compare keys.
    std::string read_string() {
        std::string out;
        ++pos;
        while (pos < text.size() && text[pos] != '"') {
            if (text[pos] == '\\' && pos + 1 < text.size()) {
                char e = text[pos + 1];
                if (e == 'u' && pos + 5 < text.size()) {
                    unsigned cp = std::stoul(std::string(text.substr(pos + 2, 4)), nullptr, 16);
                    if (cp < 0x80) out += char(cp);
                    else out += '?';
                    pos += 6;
                    continue;
                }
                out += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'b' ? '\b' : e == 'f' ? '\f' : e;
                pos += 2;
                continue;
            }
            out += text[pos++];
        }
        ++pos;  // closing quote
        return out;
    }
    bool at_target() const { return path == target; }

    void value(int depth) {
        skip_ws();
        if (found_line == 0 && at_target()) found_line = line;
        if (pos >= text.size() || depth > kMaxScanDepth) return;
        char c = text[pos];
        if (c == '{') {
            ++pos;
            for (;;) {
                skip_ws();
                if (pos >= text.size() || text[pos] == '}') break;
                if (text[pos] == ',') { ++pos; continue; }
                std::string key = read_string();
                skip_ws();
                ++pos;  // ':'
                path.push_back(std::move(key));
                value(depth + 1);
                path.pop_back();
                if (found_line) return;
            }
            ++pos;
        } else if (c == '[') {
            ++pos;
            std::size_t index = 0;
            for (;;) {
                skip_ws();
                if (pos >= text.size() || text[pos] == ']') break;
                if (text[pos] == ',') { ++pos; continue; }
                path.push_back(std::to_string(index++));
                value(depth + 1);
                path.pop_back();
                if (found_line) return;
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

std::vector<std::string> pointer_tokens(std::string_view pointer) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < pointer.size() && pointer[pos] == '/') {
        std::size_t end = pointer.find('/', pos + 1);
        if (end == std::string_view::npos) end = pointer.size();
        std::string tok(pointer.substr(pos + 1, end - pos - 1));
        std::string un;  // RFC 6901 escapes: ~1 -> '/', ~0 -> '~'
        for (std::size_t i = 0; i < tok.size(); ++i) {
            if (tok[i] == '~' && i + 1 < tok.size()) {
                un += tok[i + 1] == '1' ? '/' : '~';
                ++i;
            } else {
                un += tok[i];
            }
        }
        out.push_back(std::move(un));
        pos = end;
    }
    return out;
}

}  // namespace

std::pair<int, int> line_column_at(std::string_view text, std::size_t offset) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;  // count code points, not UTF-8 continuation bytes
        }
    }
    return {line, column};
}

int line_of_pointer(std::string_view text, std::string_view pointer) {
    std::vector<std::string> tokens = pointer_tokens(pointer);
    // Missing members: fall back to the nearest ancestor that exists.
    for (;;) {
        Scanner s{text, 0, 1, tokens, {}, 0};
        s.value(0);
        if (s.found_line || tokens.empty()) return s.found_line;
        tokens.pop_back();
    }
}

}  // namespace bk::data
