#include "data/publish/toml_reader.hpp"

#include <cctype>
#include <charconv>
#include <vector>

namespace bk::data::publish {

namespace {

using nlohmann::json;

class Parser {
public:
    Parser(std::string_view text, const std::string& source) : s_(text), source_(source) {}

    std::expected<json, Error> run() {
        json root = json::object();
        json* table = &root;
        while (true) {
            skip_blank_lines();
            if (at_end()) break;
            if (peek() == '[') {
                const bool array = s_.substr(i_).starts_with("[[");
                i_ += array ? 2 : 1;
                auto path = key_path();
                if (!path) return std::unexpected(path.error());
                skip_space();
                if (!consume(array ? "]]" : "]")) return fail(std::string("expected '") + (array ? "]]" : "]") + "' after the table name");
                if (!end_of_line()) return fail("unexpected text after the table header");
                auto t = open_table(root, *path, array);
                if (!t) return std::unexpected(t.error());
                table = *t;
                continue;
            }
            auto path = key_path();
            if (!path) return std::unexpected(path.error());
            skip_space();
            if (!consume("=")) return fail("expected '=' after key '" + path->back() + "'");
            skip_space();
            json* target = table;
            for (std::size_t k = 0; k + 1 < path->size(); ++k) {
                json& next = (*target)[(*path)[k]];
                if (next.is_null()) next = json::object();
                if (!next.is_object()) return fail("key '" + (*path)[k] + "' is not a table");
                target = &next;
            }
            if (target->contains(path->back())) return fail("key '" + path->back() + "' is defined twice");
            auto value = parse_value();
            if (!value) return std::unexpected(value.error());
            if (!end_of_line()) return fail("unexpected text after the value of '" + path->back() + "'");
            (*target)[path->back()] = std::move(*value);
        }
        return root;
    }

private:
    bool at_end() const { return i_ >= s_.size(); }
    char peek() const { return at_end() ? '\0' : s_[i_]; }
    bool consume(std::string_view t) {
        if (!s_.substr(i_).starts_with(t)) return false;
        i_ += t.size();
        return true;
    }
    void skip_space() {
        while (!at_end() && (peek() == ' ' || peek() == '\t')) ++i_;
    }
    void skip_comment() {
        if (peek() == '#')
            while (!at_end() && peek() != '\n') ++i_;
    }
    void newline() {
        if (peek() == '\r') ++i_;
        if (peek() == '\n') {
            ++i_;
            ++line_;
        }
    }
    void skip_blank_lines() {
        while (!at_end()) {
            skip_space();
            skip_comment();
            if (peek() == '\n' || peek() == '\r') newline();
            else break;
        }
    }
    // Space, comments and newlines inside arrays.
    void skip_ws_multiline() {
        while (!at_end()) {
            skip_space();
            skip_comment();
            if (peek() == '\n' || peek() == '\r') newline();
            else break;
        }
    }
    bool end_of_line() {
        skip_space();
        skip_comment();
        if (at_end()) return true;
        if (peek() != '\n' && peek() != '\r') return false;
        newline();
        return true;
    }
    std::unexpected<Error> fail(const std::string& what) const {
        return std::unexpected(Error{ErrorKind::Parse, source_ + ":" + std::to_string(line_) + ": " + what});
    }

    std::expected<std::string, Error> quoted(char q) {
        ++i_;  // opening quote
        if (s_.substr(i_).starts_with(std::string(2, q))) return fail("multi-line strings are not supported");
        std::string out;
        while (!at_end() && peek() != q) {
            char c = s_[i_++];
            if (c == '\n') return fail("string is not closed on its line");
            if (c == '\\' && q == '"') {
                if (at_end()) break;
                char e = s_[i_++];
                switch (e) {
                    case '"': out += '"'; break;
                    case '\\': out += '\\'; break;
                    case 'n': out += '\n'; break;
                    case 't': out += '\t'; break;
                    case 'r': out += '\r'; break;
                    case 'u': {
                        if (i_ + 4 > s_.size()) return fail("bad \\u escape");
                        unsigned cp = 0;
                        auto [p, ec] = std::from_chars(s_.data() + i_, s_.data() + i_ + 4, cp, 16);
                        if (ec != std::errc{} || p != s_.data() + i_ + 4) return fail("bad \\u escape");
                        i_ += 4;
                        if (cp < 0x80) out += char(cp);
                        else if (cp < 0x800) { out += char(0xC0 | (cp >> 6)); out += char(0x80 | (cp & 0x3F)); }
                        else { out += char(0xE0 | (cp >> 12)); out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F)); }
                        break;
                    }
                    default: return fail(std::string("unknown escape '\\") + e + "'");
                }
            } else {
                out += c;
            }
        }
        if (at_end()) return fail("string is not closed");
        ++i_;  // closing quote
        return out;
    }

    std::expected<std::vector<std::string>, Error> key_path() {
        std::vector<std::string> path;
        while (true) {
            skip_space();
            if (peek() == '"' || peek() == '\'') {
                auto k = quoted(peek());
                if (!k) return std::unexpected(k.error());
                path.push_back(*k);
            } else {
                std::string k;
                while (!at_end() && (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '_' || peek() == '-')) k += s_[i_++];
                if (k.empty()) return fail(std::string("expected a key, found '") + (at_end() ? std::string("end of file") : std::string(1, peek())) + "'");
                path.push_back(k);
            }
            skip_space();
            if (peek() != '.') return path;
            ++i_;
        }
    }

    std::expected<json*, Error> open_table(json& root, const std::vector<std::string>& path, bool array) {
        json* t = &root;
        for (std::size_t k = 0; k < path.size(); ++k) {
            json& next = (*t)[path[k]];
            const bool last = k + 1 == path.size();
            if (last && array) {
                if (next.is_null()) next = json::array();
                if (!next.is_array()) return fail("'" + path[k] + "' is not an array of tables");
                next.push_back(json::object());
                return &next.back();
            }
            if (next.is_null()) next = json::object();
            if (next.is_array() && !next.empty()) {
                t = &next.back();  // [[a]] then [a.b]: b belongs to the last a
                continue;
            }
            if (!next.is_object()) return fail("'" + path[k] + "' is not a table");
            t = &next;
        }
        return t;
    }

    std::expected<json, Error> parse_value() {
        const char c = peek();
        if (c == '"' || c == '\'') {
            auto str = quoted(c);
            if (!str) return std::unexpected(str.error());
            return json(*str);
        }
        if (c == '[') {
            ++i_;
            json arr = json::array();
            while (true) {
                skip_ws_multiline();
                if (consume("]")) return arr;
                auto v = parse_value();
                if (!v) return std::unexpected(v.error());
                arr.push_back(std::move(*v));
                skip_ws_multiline();
                if (consume(",")) continue;
                if (consume("]")) return arr;
                return fail("expected ',' or ']' in an array");
            }
        }
        if (c == '{') {
            ++i_;
            json obj = json::object();
            skip_space();
            if (consume("}")) return obj;
            while (true) {
                auto path = key_path();
                if (!path) return std::unexpected(path.error());
                skip_space();
                if (!consume("=")) return fail("expected '=' in an inline table");
                skip_space();
                auto v = parse_value();
                if (!v) return std::unexpected(v.error());
                json* target = &obj;
                for (std::size_t k = 0; k + 1 < path->size(); ++k) target = &(*target)[(*path)[k]];
                (*target)[path->back()] = std::move(*v);
                skip_space();
                if (consume("}")) return obj;
                if (!consume(",")) return fail("expected ',' or '}' in an inline table");
                skip_space();
            }
        }
        std::string word;
        while (!at_end() && (std::isalnum(static_cast<unsigned char>(peek())) || std::string_view("+-._:").find(peek()) != std::string_view::npos))
            word += s_[i_++];
        if (word == "true") return json(true);
        if (word == "false") return json(false);
        std::string digits;
        for (char d : word)
            if (d != '_') digits += d;
        if (digits.find(':') != std::string::npos || (digits.size() >= 10 && digits[4] == '-' && digits[7] == '-'))
            return fail("dates and times are not supported; write them as strings, e.g. \"2026-12-24T00:00:00Z\"");
        if (!digits.empty() && digits.find_first_of(".eE") == std::string::npos) {
            long long v = 0;
            const char* b = digits.data() + (digits[0] == '+' ? 1 : 0);
            auto [p, ec] = std::from_chars(b, digits.data() + digits.size(), v);
            if (ec == std::errc{} && p == digits.data() + digits.size()) return json(v);
        } else if (!digits.empty()) {
            double v = 0;
            const char* b = digits.data() + (digits[0] == '+' ? 1 : 0);
            auto [p, ec] = std::from_chars(b, digits.data() + digits.size(), v);
            if (ec == std::errc{} && p == digits.data() + digits.size()) return json(v);
        }
        return fail("expected a value (string, number, true/false, array or inline table), found '" + word + "'");
    }

    std::string_view s_;
    const std::string& source_;
    std::size_t i_ = 0;
    int line_ = 1;
};

}  // namespace

std::expected<nlohmann::json, Error> parse_toml(std::string_view text, const std::string& source) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    return Parser(text, source).run();
}

}  // namespace bk::data::publish
