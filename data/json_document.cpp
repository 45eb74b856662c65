#include "data/json_document.hpp"

#include <algorithm>

namespace bk::data {
namespace {

using nlohmann::json;

JsonSyntaxError make_error(std::string_view text, std::size_t byte, std::string message) {
    auto [line, column] = line_column_at(text, byte);
    return JsonSyntaxError{byte, line, column, std::move(message)};
}

// At most `n` bytes of `s`, cut on a UTF-8 character boundary, with "..." when cut.
std::string excerpt(std::string_view s, std::size_t n = 40) {
    if (s.size() <= n) return std::string(s);
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return std::string(s.substr(0, n)) + "...";
}

// One linear pass before parsing: NUL bytes and nesting depth (strings skipped, escapes honoured).
std::optional<JsonSyntaxError> prescan(std::string_view text, int max_depth) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\0') return make_error(text, i, "NUL byte (JSON text may not contain one)");
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '[' || c == '{') {
            if (++depth > max_depth)
                return make_error(text, i, "nesting deeper than " + std::to_string(max_depth) + " levels");
        } else if (c == ']' || c == '}') {
            depth = std::max(0, depth - 1);
        }
    }
    return std::nullopt;
}

// Builds the DOM like json::parse, but records the error position instead of throwing.
class Sax {
public:
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    explicit Sax(json& out) : dom_(out, /*allow_exceptions=*/false) {}
    bool null() { return dom_.null(); }
    bool boolean(bool v) { return dom_.boolean(v); }
    bool number_integer(number_integer_t v) { return dom_.number_integer(v); }
    bool number_unsigned(number_unsigned_t v) { return dom_.number_unsigned(v); }
    bool number_float(number_float_t v, const string_t& s) { return dom_.number_float(v, s); }
    bool string(string_t& v) { return dom_.string(v); }
    bool binary(binary_t& v) { return dom_.binary(v); }
    bool start_object(std::size_t n) { return dom_.start_object(n); }
    bool key(string_t& v) { return dom_.key(v); }
    bool end_object() { return dom_.end_object(); }
    bool start_array(std::size_t n) { return dom_.start_array(n); }
    bool end_array() { return dom_.end_array(); }
    bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& e) {
        failed_ = true;
        position_ = position;
        id_ = e.id;
        std::string what = e.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while ..."
        if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
        if (auto p = what.find(": "); what.starts_with("parse error") && p != std::string::npos)
            what = what.substr(p + 2);
        detail_ = excerpt(what, 200);  // "last read: '...'" may quote a huge token
        token_ = excerpt(last_token);
        return false;
    }

    bool failed() const { return failed_; }
    std::size_t position() const { return position_; }
    int id() const { return id_; }
    const std::string& detail() const { return detail_; }
    const std::string& token() const { return token_; }

private:
    nlohmann::detail::json_sax_dom_parser<json> dom_;
    bool failed_ = false;
    std::size_t position_ = 0;
    int id_ = 0;
    std::string detail_, token_;
};

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

std::expected<json, JsonSyntaxError> parse_json_document(std::string_view text, int max_depth) {
    if (auto e = prescan(text, max_depth)) return std::unexpected(std::move(*e));
    json out;
    Sax sax(out);
    bool ok = false;
    try {
        ok = json::sax_parse(text.begin(), text.end(), &sax, json::input_format_t::json, /*strict=*/true);
    } catch (const std::exception& e) {  // defensive: nothing in the SAX path should throw
        return std::unexpected(make_error(text, 0, std::string("invalid JSON: ") + excerpt(e.what(), 120)));
    }
    if (ok && !sax.failed()) return out;
    const std::size_t byte = sax.position() > 0 ? sax.position() - 1 : 0;
    if (sax.id() == 406)  // out_of_range.406: number overflow
        return std::unexpected(make_error(text, byte, "number out of range: " + sax.token()));
    return std::unexpected(make_error(text, byte, sax.detail().empty() ? std::string("invalid JSON") : sax.detail()));
}

}  // namespace bk::data
