#include "data/publish/csv_reader.hpp"

#include <fstream>
#include <sstream>

namespace bk::data::publish {

namespace {

const std::string kEmpty;

// Picks the delimiter that occurs most often on the first line, outside quotes.
char detect_delimiter(std::string_view text) {
    std::size_t semicolons = 0, commas = 0, tabs = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        if (c == ';') ++semicolons;
        if (c == ',') ++commas;
        if (c == '\t') ++tabs;
    }
    if (tabs > semicolons && tabs > commas) return '\t';
    return semicolons > commas ? ';' : ',';
}

bool row_is_blank(const std::vector<std::string>& fields) {
    for (const auto& f : fields)
        if (!trim_cell(f).empty()) return false;
    return true;
}

}  // namespace

const std::string& CsvRow::field(std::size_t column) const {
    return column < fields.size() ? fields[column] : kEmpty;
}

std::string trim_cell(std::string_view s) {
    auto is_space_at = [&](std::size_t i, bool from_end) -> std::size_t {
        // Returns the byte length of a white-space code point at i (or ending at i when from_end).
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
        if (!from_end && c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
        if (from_end && c == 0xA0 && i >= 1 && static_cast<unsigned char>(s[i - 1]) == 0xC2) return 2;
        return 0;
    };
    std::size_t b = 0;
    while (b < s.size()) {
        std::size_t n = is_space_at(b, false);
        if (n == 0) break;
        b += n;
    }
    std::size_t e = s.size();
    while (e > b) {
        std::size_t n = is_space_at(e - 1, true);
        if (n == 0) break;
        e -= n;
    }
    return std::string(s.substr(b, e - b));
}

std::string normalise_header(std::string_view header) {
    std::string out;
    for (char c : trim_cell(header)) {
        if (c == ' ' || c == '_' || c == '-' || c == '/') continue;
        out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

std::optional<std::size_t> CsvTable::column(std::initializer_list<std::string_view> names) const {
    for (std::string_view name : names) {
        const std::string key = normalise_header(name);
        for (std::size_t i = 0; i < header.size(); ++i)
            if (normalise_header(header[i]) == key) return i;
    }
    return std::nullopt;
}

std::expected<CsvTable, Error> parse_csv(std::string_view text, std::string source) {
    if (text.size() > kCsvMaxBytes)
        return std::unexpected(Error{ErrorKind::Validation, source + ": " + std::to_string(text.size()) +
                                                                " bytes, more than the CSV limit of " +
                                                                std::to_string(kCsvMaxBytes)});
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 BOM (Excel "CSV UTF-8")

    CsvTable table;
    table.source = std::move(source);
    table.delimiter = detect_delimiter(text);
    const char delim = table.delimiter;

    std::vector<std::vector<std::string>> records;
    std::vector<int> record_lines;
    std::vector<std::string> fields;
    std::string field;
    int line = 1;
    int record_line = 1;
    bool in_quotes = false;
    bool after_quote = false;  // closing quote seen; only a delimiter or line end may follow
    int quote_line = 0;

    auto end_field = [&]() -> std::expected<void, Error> {
        fields.push_back(std::move(field));
        field.clear();
        after_quote = false;
        if (fields.size() > kCsvMaxColumns)
            return std::unexpected(Error{ErrorKind::Parse, table.source + ":" + std::to_string(record_line) +
                                                               ": more than " + std::to_string(kCsvMaxColumns) +
                                                               " columns"});
        return {};
    };
    auto end_record = [&]() {
        records.push_back(std::move(fields));
        record_lines.push_back(record_line);
        fields.clear();
    };

    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    in_quotes = false;
                    after_quote = true;
                }
            } else {
                if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) ++line;
                field.push_back(c);
            }
            continue;
        }
        if (c == delim) {
            if (auto r = end_field(); !r) return std::unexpected(r.error());
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (auto r = end_field(); !r) return std::unexpected(r.error());
            end_record();
            ++line;
            record_line = line;
        } else if (c == '"' && trim_cell(field).empty() && !after_quote) {
            field.clear();  // spaces before an opening quote are dropped
            in_quotes = true;
            quote_line = line;
        } else if (after_quote) {
            if (c == ' ' || c == '\t') continue;
            return std::unexpected(Error{ErrorKind::Parse, table.source + ":" + std::to_string(line) +
                                                               ": unexpected '" + std::string(1, c) +
                                                               "' after a closing quote (expected '" +
                                                               std::string(1, delim) + "' or end of line)"});
        } else {
            field.push_back(c);
        }
    }
    if (in_quotes)
        return std::unexpected(Error{ErrorKind::Parse, table.source + ":" + std::to_string(quote_line) +
                                                           ": quoted field is never closed (missing '\"')"});
    if (!field.empty() || !fields.empty() || after_quote) {
        if (auto r = end_field(); !r) return std::unexpected(r.error());
        end_record();
    }

    std::size_t first = 0;
    while (first < records.size() && row_is_blank(records[first])) ++first;
    if (first == records.size())
        return std::unexpected(Error{ErrorKind::Parse, table.source + ": no header line (file is empty)"});
    for (const auto& h : records[first]) table.header.push_back(trim_cell(h));
    for (std::size_t r = first + 1; r < records.size(); ++r) {
        if (row_is_blank(records[r])) continue;
        table.rows.push_back(CsvRow{record_lines[r], std::move(records[r])});
    }
    return table;
}

std::expected<CsvTable, Error> read_csv_file(const std::filesystem::path& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return std::unexpected(Error{ErrorKind::Io, path.string() + ": cannot read (" + ec.message() + ")"});
    if (size > kCsvMaxBytes)
        return std::unexpected(Error{ErrorKind::Validation, path.string() + ": " + std::to_string(size) +
                                                                " bytes, more than the CSV limit of " +
                                                                std::to_string(kCsvMaxBytes)});
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::unexpected(Error{ErrorKind::Io, path.string() + ": cannot open for reading"});
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_csv(ss.str(), path.string());
}

}  // namespace bk::data::publish
