#include "data/publish/venue_mapping.hpp"

#include <array>
#include <cctype>
#include <regex>

#include "data/text_fold.hpp"

namespace bk::data::publish {

namespace {

// Folded text without spaces: "Oud-Mathenesse/Witte Dorp" → "oudmathenessewittedorp".
std::string squash(std::string_view text) {
    std::string out;
    for (char c : fold_for_search(text))
        if (c != ' ') out.push_back(c);
    return out;
}

struct Alias {
    std::string_view text;
    std::string_view id;
};
// Buurt names (Gemeente Rotterdam, CBS) merged into the six kiosk areas (data/vocab.cpp).
constexpr std::array kNeighbourhoodAliases{
    Alias{"Bospolder", "botu"},           Alias{"Tussendijken", "botu"},
    Alias{"BoTu", "botu"},                Alias{"Bospolder Tussendijken", "botu"},
    Alias{"Oud Mathenesse", "oud-mathenesse-witte-dorp"}, Alias{"Witte Dorp", "oud-mathenesse-witte-dorp"},
    Alias{"Delfshaven", "delfshaven-schiemond"}, Alias{"Historisch Delfshaven", "delfshaven-schiemond"},
    Alias{"Schiemond", "delfshaven-schiemond"},
};

// Weekday words → ISO number.
int weekday_of(std::string_view word) {
    static const std::array<std::array<std::string_view, 4>, 7> names = {{
        {"ma", "maandag", "mo", "monday"},
        {"di", "dinsdag", "tu", "tuesday"},
        {"wo", "woensdag", "we", "wednesday"},
        {"do", "donderdag", "th", "thursday"},
        {"vr", "vrijdag", "fr", "friday"},
        {"za", "zaterdag", "sa", "saturday"},
        {"zo", "zondag", "su", "sunday"},
    }};
    std::string w = fold_for_search(word);
    if (w.size() > 3 && (w.ends_with("s"))) w.pop_back();  // "dinsdags"
    for (int d = 0; d < 7; ++d)
        for (auto n : names[static_cast<std::size_t>(d)])
            if (w == n || (w.size() >= 3 && n.starts_with(w) && n.size() > 3)) return d + 1;
    return 0;
}

std::optional<LocalTime> parse_clock(std::string_view s) {
    int h = 0, m = 0;
    std::size_t i = 0;
    auto digits = [&](int& out) {
        std::size_t start = i;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && i - start < 2) out = out * 10 + (s[i++] - '0');
        return i > start;
    };
    if (!digits(h)) return std::nullopt;
    if (i < s.size() && (s[i] == ':' || s[i] == '.')) {
        ++i;
        if (!digits(m)) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    if (h == 24 && m == 0) return LocalTime{23, 59};
    if (h > 23 || m > 59) return std::nullopt;
    return LocalTime{h, m};
}

}  // namespace

bool is_feed_id(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (i > 0 && (c == '-' || c == '_' || c == '.'));
        if (!ok) return false;
    }
    return true;
}

std::string to_feed_id(std::string_view text) {
    std::string out;
    for (char c : fold_for_search(text)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.') out.push_back(c);
        else if (!out.empty() && out.back() != '-') out.push_back('-');
    }
    while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
    if (out.size() > 64) out.resize(64);
    while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
    return out.empty() ? std::string("x") : out;
}

std::optional<std::string> match_vocab(std::span<const VocabEntry> vocab, std::string_view text) {
    const std::string key = squash(text);
    if (key.empty()) return std::nullopt;
    for (const auto& e : vocab)
        if (squash(e.id) == key || squash(e.label_nl) == key) return std::string(e.id);
    return std::nullopt;
}

std::optional<std::string> match_neighbourhood(std::string_view text) {
    if (auto id = match_vocab(neighbourhoods(), text)) return id;
    const std::string key = squash(text);
    for (const auto& a : kNeighbourhoodAliases)
        if (squash(a.text) == key) return std::string(a.id);
    return std::nullopt;
}

std::expected<std::vector<OpeningHours>, std::string> parse_opening_hours(std::string_view text) {
    std::vector<OpeningHours> out;
    std::string all(text);
    for (char& c : all)
        if (c == '\n' || c == '|') c = ';';
    std::size_t start = 0;
    while (start <= all.size()) {
        std::size_t end = all.find(';', start);
        if (end == std::string::npos) end = all.size();
        const std::string group = trim_cell(std::string_view(all).substr(start, end - start));
        start = end + 1;
        if (group.empty()) continue;
        // Days: everything before the first digit.
        std::size_t first_digit = group.find_first_of("0123456789");
        if (first_digit == std::string::npos) {
            if (fold_for_search(group) == "gesloten" || fold_for_search(group) == "closed") continue;
            return std::unexpected("'" + group + "' has no times");
        }
        std::string days_text = group.substr(0, first_digit);
        std::array<bool, 8> day{};
        bool any_day = false;
        const std::string folded_days = fold_for_search(days_text);
        if (folded_days.empty() || folded_days == "dagelijks" || folded_days == "daily" ||
            folded_days == "elke dag" || folded_days == "every day") {
            for (int d = 1; d <= 7; ++d) day[static_cast<std::size_t>(d)] = true;
            any_day = true;
        } else {
            // Tokens: words separated by spaces/commas; "ma-vr", "ma t/m vr", "ma tot vr" are ranges.
            std::string norm = days_text;
            for (std::string_view range_word : {" t/m ", " tm ", " tot ", " to ", " - "}) {
                for (auto p = norm.find(range_word); p != std::string::npos; p = norm.find(range_word))
                    norm.replace(p, range_word.size(), "-");
            }
            std::string token;
            auto flush = [&]() -> bool {
                std::string t = trim_cell(token);
                token.clear();
                while (!t.empty() && (t.back() == ':' || t.back() == '.')) t.pop_back();
                if (t.empty()) return true;
                if (auto dash = t.find('-'); dash != std::string::npos) {
                    int a = weekday_of(t.substr(0, dash)), b = weekday_of(t.substr(dash + 1));
                    if (!a || !b) return false;
                    for (int d = a;; d = d % 7 + 1) {
                        day[static_cast<std::size_t>(d)] = true;
                        if (d == b) break;
                    }
                } else {
                    int d = weekday_of(t);
                    if (!d) return false;
                    day[static_cast<std::size_t>(d)] = true;
                }
                any_day = true;
                return true;
            };
            for (char c : norm) {
                if (c == ',' || c == ' ' || c == '/' || c == '&') {
                    if (!flush())
                        return std::unexpected("'" + trim_cell(days_text) + "' in '" + group + "' is not a list of weekdays");
                } else {
                    token.push_back(c);
                }
            }
            if (!flush() || !any_day)
                return std::unexpected("'" + trim_cell(days_text) + "' in '" + group + "' is not a list of weekdays");
        }
        // Times: "09:00-17:00, 19:00-21:00" (also "9-17", "9.30 - 12.00", "uur" ignored).
        std::string times = group.substr(first_digit);
        for (auto p = times.find("uur"); p != std::string::npos; p = times.find("uur")) times.erase(p, 3);
        std::size_t tstart = 0;
        while (tstart <= times.size()) {
            std::size_t tend = times.find(',', tstart);
            if (tend == std::string::npos) tend = times.size();
            std::string range = trim_cell(std::string_view(times).substr(tstart, tend - tstart));
            tstart = tend + 1;
            if (range.empty()) continue;
            std::string compact;
            for (char c : range)
                if (c != ' ') compact.push_back(c);
            // en dash / em dash from word processors → '-'
            for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94"})
                for (auto p = compact.find(dash); p != std::string::npos; p = compact.find(dash)) compact.replace(p, dash.size(), "-");
            const auto dash = compact.find('-');
            if (dash == std::string::npos) return std::unexpected("'" + range + "' is not a time range like 09:00-17:00");
            auto open = parse_clock(compact.substr(0, dash));
            auto close = parse_clock(compact.substr(dash + 1));
            if (!open || !close || *close <= *open)
                return std::unexpected("'" + range + "' is not a time range like 09:00-17:00");
            for (int d = 1; d <= 7; ++d)
                if (day[static_cast<std::size_t>(d)]) out.push_back(OpeningHours{d, *open, *close});
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const OpeningHours& a, const OpeningHours& b) {
        return a.iso_weekday != b.iso_weekday ? a.iso_weekday < b.iso_weekday : a.open < b.open;
    });
    return out;
}

std::expected<MappedVenue, SheetIssue> to_feed_venue(const VenueRow& row, const Area& area, std::string_view source) {
    auto fail = [&](std::string message) {
        return std::unexpected(SheetIssue{std::string(source), row.line, "venue '" + row.id + "': " + std::move(message)});
    };
    MappedVenue out;
    Venue& v = out.venue;
    if (!is_feed_id(row.id))
        return fail("id is not a feed id (1-64 of a-z, 0-9, '-', '_', '.'; e.g. '" + to_feed_id(row.id) + "')");
    v.id = row.id;
    v.name = row.name;
    if (!row.lon_deg || !row.lat_deg) return fail("has no coordinates (address lookup failed or is off)");
    if (!area.contains(*row.lon_deg, *row.lat_deg)) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "lies outside Delfshaven: lon %.5f lat %.5f (area lon %.3f-%.3f, lat %.3f-%.3f)%s",
                      *row.lon_deg, *row.lat_deg, area.min_lon_deg, area.max_lon_deg, area.min_lat_deg,
                      area.max_lat_deg, area.contains(*row.lat_deg, *row.lon_deg) ? "; lon and lat swapped?" : "");
        return fail(buf);
    }
    v.location = LatLon{*row.lat_deg, *row.lon_deg};
    if (row.kind.empty()) {
        v.kind = "overig";
    } else if (auto k = match_vocab(venue_kinds(), row.kind)) {
        v.kind = *k;
    } else {
        return fail("kind '" + row.kind + "' is unknown (expected one of: " + joined_ids(venue_kinds()) + ")");
    }
    if (auto n = match_neighbourhood(row.neighbourhood)) v.neighbourhood = *n;
    else return fail("neighbourhood '" + row.neighbourhood + "' is unknown (expected one of: " + joined_ids(neighbourhoods()) +
                     ", or a buurt name such as Bospolder)");
    if (!row.network.empty()) {
        if (auto n = match_vocab(networks(), row.network)) v.network = *n;
        else return fail("network '" + row.network + "' is unknown (expected one of: " + joined_ids(networks()) + ")");
    }
    // Address: first comma part is street + number; a Dutch postcode anywhere is kept apart.
    static const std::regex postcode(R"((\d{4})\s?([A-Za-z]{2})\b)");
    std::smatch m;
    if (std::regex_search(row.address, m, postcode)) v.postcode = m[1].str() + " " + m[2].str();
    v.address = trim_cell(row.address.substr(0, row.address.find(',')));
    if (v.address.empty()) v.address = row.name;
    if (!row.opening_hours.empty()) {
        if (auto h = parse_opening_hours(row.opening_hours)) v.opening_hours = std::move(*h);
        else out.warnings.push_back(SheetIssue{std::string(source), row.line,
                                               "venue '" + row.id + "': opening hours not used: " + h.error()});
    }
    const std::string acc = fold_for_search(row.accessibility);
    auto has = [&](std::initializer_list<std::string_view> words) {
        for (auto w : words)
            if (acc.find(w) != std::string::npos) return true;
        return false;
    };
    v.accessibility.wheelchair = has({"rolstoel", "wheelchair", "drempelvrij", "toegankelijk"}) && !has({"niet toegankelijk", "geen rolstoel"});
    v.accessibility.accessible_toilet = has({"toilet"}) && !has({"geen toilet", "geen invalidentoilet"});
    v.accessibility.hearing_loop = has({"ringleiding", "hearing loop", "solo"});
    v.accessibility.notes = row.accessibility;
    // Contact: split the free text into e-mail, phone and web address.
    std::string token;
    auto take = [&]() {
        std::string t = trim_cell(token);
        token.clear();
        if (t.empty()) return;
        if (t.find('@') != std::string::npos) {
            if (v.contact.email.empty()) v.contact.email = t.starts_with("mailto:") ? t.substr(7) : t;
        } else if (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.")) {
            if (v.contact.website.empty()) v.contact.website = t;
        } else if (t.find_first_of("0123456789") != std::string::npos && v.contact.phone.empty()) {
            v.contact.phone = t;
        }
    };
    for (char c : row.contact) {
        if (c == ';' || c == ',' || c == '|' || c == '\n') take();
        else token.push_back(c);
    }
    take();
    if (!row.website.empty()) v.contact.website = row.website;
    return out;
}

}  // namespace bk::data::publish
