#include "data/detail/json_reader.hpp"

#include <cmath>

namespace bk::data::detail {
namespace {

constexpr std::size_t kMaxShownValue = 60;

bool is_id(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (i > 0 && (c == '-' || c == '_' || c == '.'));
        if (!ok) return false;
    }
    return true;
}

}  // namespace

std::string child(const std::string& ptr, std::string_view key) {
    std::string out = ptr + "/";
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string child(const std::string& ptr, std::size_t index) {
    return ptr + "/" + std::to_string(index);
}

std::string JsonReader::describe(const json* found) const {
    if (!found) return "nothing";
    std::string s = found->dump(-1, ' ', false, json::error_handler_t::replace);
    if (s.size() > kMaxShownValue) {
        std::size_t cut = kMaxShownValue;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 chars
        s = s.substr(0, cut) + "...";
    }
    return s;
}

// Issues get their line and final message in finish(); until then message holds the text.
FeedIssue JsonReader::make(const std::string& pointer, std::string text, ErrorKind kind) const {
    FeedIssue issue;
    issue.kind = kind;
    issue.pointer = pointer;
    issue.message = std::move(text);
    return issue;
}

void JsonReader::finish() {
    std::vector<std::string> pointers;
    for (const auto* list : {&report_.errors, &report_.warnings})
        for (const auto& issue : *list) pointers.push_back(issue.pointer);
    if (pointers.empty()) return;
    std::vector<int> lines = lines_of_pointers(text_, pointers);
    std::size_t k = 0;
    for (auto* list : {&report_.errors, &report_.warnings})
        for (auto& issue : *list) {
            issue.line = lines[k++];
            issue.message = std::string(source_) + ":" + std::to_string(issue.line) + ": " +
                            (issue.pointer.empty() ? std::string("(document)") : issue.pointer) + ": " + issue.message;
        }
}

void JsonReader::error(const std::string& pointer, std::string_view expected, const json* found, ErrorKind kind) {
    error_text(pointer, "expected " + std::string(expected) + ", found " + describe(found), kind);
}

void JsonReader::error_text(const std::string& pointer, std::string_view what, ErrorKind kind) {
    if (report_.errors.size() >= kMaxReportedIssues) return;
    report_.errors.push_back(make(pointer, std::string(what), kind));
}

void JsonReader::warning(const std::string& pointer, std::string_view what) {
    if (report_.warnings.size() >= kMaxReportedIssues) return;
    report_.warnings.push_back(make(pointer, std::string(what), ErrorKind::Validation));
}

const json* JsonReader::member(const json& obj, const char* key) const {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    if (it == obj.end()) return nullptr;
    return &*it;
}

std::optional<std::string> JsonReader::string(const json& obj, const std::string& ptr, const char* key,
                                              bool required, bool non_empty) {
    const json* v = member(obj, key);
    if (!v || v->is_null()) {
        if (required) error(child(ptr, key), "a string", nullptr);
        return std::nullopt;
    }
    if (!v->is_string()) {
        error(child(ptr, key), "a string", v);
        return std::nullopt;
    }
    const auto& s = v->get_ref<const std::string&>();
    if (s.size() > kMaxStringBytes) {
        error(child(ptr, key), "a string of at most " + std::to_string(kMaxStringBytes) + " bytes", v);
        return std::nullopt;
    }
    if (non_empty && required && s.find_first_not_of(" \t\r\n") == std::string::npos) {
        error(child(ptr, key), "a non-empty string", v);
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> JsonReader::id(const json& obj, const std::string& ptr, const char* key, bool required) {
    auto s = string(obj, ptr, key, required);
    if (!s) return std::nullopt;
    if (!is_id(*s)) {
        error(child(ptr, key), "an id of 1-64 characters a-z, 0-9, '-', '_', '.' starting with a letter or digit",
              member(obj, key));
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> JsonReader::vocab(const json& obj, const std::string& ptr, const char* key,
                                             std::span<const VocabEntry> vocab, std::string_view what,
                                             bool required) {
    auto s = string(obj, ptr, key, required);
    if (!s) return std::nullopt;
    if (!is_known(vocab, *s)) {
        if (lenient_vocab) {
            warning(child(ptr, key), "unknown " + std::string(what) + " \"" + *s + "\" ignored (newer minor version)");
            return std::nullopt;
        }
        error(child(ptr, key), std::string(what) + " (one of " + joined_ids(vocab) + ")", member(obj, key));
        return std::nullopt;
    }
    return s;
}

std::vector<std::string> JsonReader::vocab_list(const json& obj, const std::string& ptr, const char* key,
                                                std::span<const VocabEntry> vocab, std::string_view what) {
    std::vector<std::string> out;
    const json* arr = array(obj, ptr, key, true, 32);
    if (!arr) return out;
    std::string arr_ptr = child(ptr, key);
    if (arr->empty()) {
        error(arr_ptr, "at least one " + std::string(what), arr);
        return out;
    }
    for (std::size_t i = 0; i < arr->size(); ++i) {
        const json& v = (*arr)[i];
        if (!v.is_string()) {
            error(child(arr_ptr, i), std::string(what) + " id string", &v);
            continue;
        }
        const auto& s = v.get_ref<const std::string&>();
        if (!is_known(vocab, s)) {
            if (lenient_vocab) {
                warning(child(arr_ptr, i), "unknown " + std::string(what) + " \"" + s + "\" ignored (newer minor version)");
                continue;
            }
            error(child(arr_ptr, i), std::string(what) + " (one of " + joined_ids(vocab) + ")", &v);
            continue;
        }
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    }
    return out;
}

std::optional<bool> JsonReader::boolean(const json& obj, const std::string& ptr, const char* key) {
    const json* v = member(obj, key);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_boolean()) {
        error(child(ptr, key), "true or false", v);
        return std::nullopt;
    }
    return v->get<bool>();
}

std::optional<double> JsonReader::number(const json& obj, const std::string& ptr, const char* key, double min,
                                         double max, bool required) {
    const json* v = member(obj, key);
    char range[96];
    std::snprintf(range, sizeof range, "a number from %g to %g", min, max);
    if (!v || v->is_null()) {
        if (required) error(child(ptr, key), range, nullptr);
        return std::nullopt;
    }
    if (!v->is_number()) {
        error(child(ptr, key), range, v);
        return std::nullopt;
    }
    double d = v->get<double>();
    if (!std::isfinite(d) || d < min || d > max) {
        error(child(ptr, key), range, v);
        return std::nullopt;
    }
    return d;
}

std::optional<int> JsonReader::integer(const json& obj, const std::string& ptr, const char* key, int min, int max) {
    const json* v = member(obj, key);
    if (!v || v->is_null()) return std::nullopt;
    std::string range = "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
    if (!v->is_number_integer()) {
        error(child(ptr, key), range, v);
        return std::nullopt;
    }
    auto i = v->get<long long>();
    if (i < min || i > max) {
        error(child(ptr, key), range, v);
        return std::nullopt;
    }
    return int(i);
}

std::optional<LocalDate> JsonReader::date(const json& obj, const std::string& ptr, const char* key, bool required) {
    auto s = string(obj, ptr, key, required);
    if (!s) return std::nullopt;
    auto d = parse_local_date(*s);
    if (!d) error(child(ptr, key), "a date \"YYYY-MM-DD\"", member(obj, key));
    return d;
}

std::optional<LocalTime> JsonReader::time(const json& obj, const std::string& ptr, const char* key, bool allow_24) {
    auto s = string(obj, ptr, key, false);
    if (!s) return std::nullopt;
    if (allow_24 && *s == "24:00") return LocalTime{23, 59};
    auto t = parse_local_time(*s);
    if (!t) error(child(ptr, key), "a time \"HH:MM\" (00:00-23:59)", member(obj, key));
    return t;
}

std::optional<LocalDateTime> JsonReader::date_time(const json& obj, const std::string& ptr, const char* key,
                                                   bool required) {
    auto s = string(obj, ptr, key, required);
    if (!s) return std::nullopt;
    auto dt = parse_local_date_time(*s);
    if (!dt) error(child(ptr, key), "a local date-time \"YYYY-MM-DDTHH:MM\" (Europe/Amsterdam)", member(obj, key));
    return dt;
}

std::optional<UtcTime> JsonReader::instant(const json& obj, const std::string& ptr, const char* key) {
    auto s = string(obj, ptr, key, false);
    if (!s) return std::nullopt;
    auto t = parse_rfc3339(*s);
    if (!t) error(child(ptr, key), "an RFC 3339 time \"YYYY-MM-DDTHH:MM:SSZ\" or with offset", member(obj, key));
    return t;
}

const json* JsonReader::array(const json& obj, const std::string& ptr, const char* key, bool required,
                              std::size_t max_items) {
    const json* v = member(obj, key);
    if (!v || v->is_null()) {
        if (required) error(child(ptr, key), "an array", nullptr);
        return nullptr;
    }
    if (!v->is_array()) {
        error(child(ptr, key), "an array", v);
        return nullptr;
    }
    if (v->size() > max_items) {
        error_text(child(ptr, key), "expected at most " + std::to_string(max_items) + " items, found " +
                                        std::to_string(v->size()));
        return nullptr;
    }
    return v;
}

const json* JsonReader::object(const json& obj, const std::string& ptr, const char* key, bool required) {
    const json* v = member(obj, key);
    if (!v || v->is_null()) {
        if (required) error(child(ptr, key), "an object", nullptr);
        return nullptr;
    }
    if (!v->is_object()) {
        error(child(ptr, key), "an object", v);
        return nullptr;
    }
    return v;
}

}  // namespace bk::data::detail
