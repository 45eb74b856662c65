// Internal: typed field access on nlohmann::json that records precise feed issues.
// Every accessor takes the JSON pointer of the containing object and a key; on a problem it
// appends "<source>:<line>: <pointer>: expected <what>, found <value>" to the report.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "data/feed_parser.hpp"
#include "data/local_time.hpp"
#include "data/vocab.hpp"

namespace bk::data::detail {

using nlohmann::json;

class JsonReader {
public:
    JsonReader(std::string_view text, std::string_view source, FeedReport& report)
        : text_(text), source_(source), report_(report) {}

    void error(const std::string& pointer, std::string_view expected, const json* found,
               ErrorKind kind = ErrorKind::Validation);
    void error_text(const std::string& pointer, std::string_view what, ErrorKind kind = ErrorKind::Validation);
    void warning(const std::string& pointer, std::string_view what);
    bool failed() const { return !report_.errors.empty(); }
    // Fills in line numbers and final messages of every issue (one scan over the text).
    void finish();
    std::string_view source() const { return source_; }
    // Unknown vocabulary ids are dropped with a warning (feed is of a newer minor version).
    bool lenient_vocab = false;

    const json* member(const json& obj, const char* key) const;
    std::optional<std::string> string(const json& obj, const std::string& ptr, const char* key, bool required,
                                      bool non_empty = true);
    std::optional<std::string> id(const json& obj, const std::string& ptr, const char* key, bool required);
    std::optional<std::string> vocab(const json& obj, const std::string& ptr, const char* key,
                                     std::span<const VocabEntry> vocab, std::string_view what, bool required);
    std::vector<std::string> vocab_list(const json& obj, const std::string& ptr, const char* key,
                                        std::span<const VocabEntry> vocab, std::string_view what);
    std::optional<bool> boolean(const json& obj, const std::string& ptr, const char* key);
    std::optional<double> number(const json& obj, const std::string& ptr, const char* key, double min,
                                 double max, bool required);
    std::optional<int> integer(const json& obj, const std::string& ptr, const char* key, int min, int max);
    std::optional<LocalDate> date(const json& obj, const std::string& ptr, const char* key, bool required);
    std::optional<LocalTime> time(const json& obj, const std::string& ptr, const char* key, bool allow_24 = false);
    std::optional<LocalDateTime> date_time(const json& obj, const std::string& ptr, const char* key, bool required);
    std::optional<UtcTime> instant(const json& obj, const std::string& ptr, const char* key);
    // Array member (optional): nullptr when absent; error when not an array.
    const json* array(const json& obj, const std::string& ptr, const char* key, bool required,
                      std::size_t max_items);
    const json* object(const json& obj, const std::string& ptr, const char* key, bool required);

private:
    std::string describe(const json* found) const;
    FeedIssue make(const std::string& pointer, std::string text, ErrorKind kind) const;

    std::string_view text_;
    std::string_view source_;
    FeedReport& report_;
};

std::string child(const std::string& ptr, std::string_view key);
std::string child(const std::string& ptr, std::size_t index);

}  // namespace bk::data::detail
