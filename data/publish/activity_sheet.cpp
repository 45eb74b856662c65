#include "data/publish/activity_sheet.hpp"

#include <cctype>
#include <set>

#include "data/recurrence.hpp"
#include "data/text_fold.hpp"
#include "data/vocab.hpp"
#include "data/publish/venue_mapping.hpp"

namespace bk::data::publish {

namespace {

std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text) {
        if (c == ',' || c == ';' || c == '|' || c == '\n') {
            if (auto t = trim_cell(cur); !t.empty()) out.push_back(t);
            cur.clear();
        } else {
            cur.push_back(c);
        }
    }
    if (auto t = trim_cell(cur); !t.empty()) out.push_back(t);
    return out;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

// Digits only (all_digits); saturates at 999,999,999 instead of overflowing (fuzz finding, issue #10),
// so a huge number reaches the range checks as "too large".
int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v >= 99999999 ? 999999999 : v * 10 + (c - '0');
    return v;
}

const char* byday(LocalDate d) {
    static const char* names[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    return names[iso_weekday(d) - 1];
}

}  // namespace

std::optional<LocalDate> parse_sheet_date(std::string_view text) {
    std::string s = trim_cell(text);
    if (auto iso = parse_local_date(s)) return iso;
    std::vector<std::string> parts;
    std::string cur;
    for (char c : s) {
        if (c == '-' || c == '/' || c == '.') {
            parts.push_back(cur);
            cur.clear();
        } else {
            cur.push_back(c);
        }
    }
    parts.push_back(cur);
    if (parts.size() != 3 || !all_digits(parts[0]) || !all_digits(parts[1]) || !all_digits(parts[2])) return std::nullopt;
    LocalDate d;
    if (parts[0].size() == 4) {
        d = {to_int(parts[0]), to_int(parts[1]), to_int(parts[2])};
    } else {
        int year = to_int(parts[2]);
        if (parts[2].size() == 2) year += 2000;
        else if (parts[2].size() != 4) return std::nullopt;
        d = {year, to_int(parts[1]), to_int(parts[0])};  // Dutch order: day-month-year
    }
    if (!is_valid(d)) return std::nullopt;
    return d;
}

std::optional<LocalTime> parse_sheet_time(std::string_view text) {
    std::string s = trim_cell(text);
    if (s.ends_with("uur")) s = trim_cell(s.substr(0, s.size() - 3));
    if (s.ends_with("u") || s.ends_with("h")) s.pop_back();
    const auto sep = s.find_first_of(":.");
    std::string h = s.substr(0, sep), m = sep == std::string::npos ? "00" : s.substr(sep + 1);
    if (m.size() > 2 && m.substr(2) == ":00") m.resize(2);  // "10:00:00"
    if (!all_digits(h) || !all_digits(m) || h.size() > 2 || m.size() != 2) return std::nullopt;
    LocalTime t{to_int(h), to_int(m)};
    if (!is_valid(t)) return std::nullopt;
    return t;
}

std::optional<std::string> parse_repeat(std::string_view text, LocalDate start) {
    std::string s = trim_cell(text);
    if (s.empty()) return std::string{};
    std::string upper = s;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (upper.starts_with("RRULE:")) upper.erase(0, 6);
    if (upper.starts_with("FREQ=")) {
        if (!check_rrule(upper)) return std::nullopt;
        return upper;
    }
    const std::string f = fold_for_search(s);
    const std::string day = byday(start);
    if (f == "weekly" || f == "wekelijks" || f == "elke week" || f == "every week")
        return "FREQ=WEEKLY;BYDAY=" + day;
    if (f == "tweewekelijks" || f == "om de week" || f == "every 2 weeks" || f == "biweekly" || f == "every other week")
        return "FREQ=WEEKLY;INTERVAL=2;BYDAY=" + day;
    if (f == "daily" || f == "dagelijks" || f == "elke dag" || f == "every day") return std::string("FREQ=DAILY");
    if (f == "monthly" || f == "maandelijks" || f == "elke maand" || f == "every month") {
        // Same weekday of the month ("2nd Wednesday"), the way community calendars repeat.
        const int nth = (start.day - 1) / 7 + 1;
        return "FREQ=MONTHLY;BYDAY=" + std::to_string(nth > 4 ? -1 : nth) + day;
    }
    return std::nullopt;
}

std::expected<ActivitySheet, Error> parse_activity_sheet(const CsvTable& table) {
    const auto c_id = table.column({"id"});
    const auto c_venue = table.column({"venue", "venue id", "locatie", "plek"});
    const auto c_title = table.column({"title", "titel", "naam", "name", "activiteit"});
    const auto c_start = table.column({"start", "date", "datum", "begin"});
    const auto c_time = table.column({"time", "tijd", "start time", "begintijd"});
    const auto c_end = table.column({"end", "eind", "eindtijd", "tot"});
    const auto c_duration = table.column({"duration", "duur", "duration min", "minutes"});
    const auto c_repeat = table.column({"repeat", "rrule", "herhaling", "recurrence"});
    const auto c_until = table.column({"until", "t/m", "tm", "einddatum", "last date"});
    const auto c_except = table.column({"except", "exdates", "uitgezonderd", "behalve", "niet op"});
    const auto c_org = table.column({"organiser", "organizer", "organisatie", "organisation"});
    const auto c_desc = table.column({"description", "omschrijving", "beschrijving"});
    const auto c_cats = table.column({"categories", "category", "categorie", "categorieen", "categorieën"});
    const auto c_auds = table.column({"audiences", "audience", "doelgroep", "voor", "for"});
    const auto c_langs = table.column({"languages", "language", "taal", "talen"});
    const auto c_cost = table.column({"cost", "kosten", "prijs", "price"});
    const auto c_reg = table.column({"registration", "aanmelden", "registration required"});
    const auto c_contact = table.column({"contact"});
    if (!c_venue || !c_title || !c_start)
        return std::unexpected(Error{ErrorKind::Validation,
                                     table.source + ":1: activities sheet needs the columns 'venue', 'title' and 'start'"});

    auto get = [](const CsvRow& row, const std::optional<std::size_t>& col) {
        return col ? trim_cell(row.field(*col)) : std::string{};
    };

    ActivitySheet sheet;
    std::set<std::string> ids;
    for (const CsvRow& row : table.rows) {
        auto issue = [&](std::string m) { sheet.issues.push_back(SheetIssue{table.source, row.line, std::move(m)}); };
        auto warn = [&](std::string m) { sheet.warnings.push_back(SheetIssue{table.source, row.line, std::move(m)}); };
        ManualActivity ma;
        ma.line = row.line;
        Activity& a = ma.activity;
        ma.venue_id = get(row, c_venue);
        a.title = get(row, c_title);
        if (a.title.empty()) { issue("activity without a title; row skipped"); continue; }
        const std::string what = "activity '" + a.title + "'";
        if (ma.venue_id.empty()) { issue(what + " has no venue; row skipped"); continue; }

        // Start: "2026-11-24 10:00" in one column, or date + time columns.
        std::string start_text = get(row, c_start);
        std::string date_part = start_text, time_part = get(row, c_time);
        if (auto sp = start_text.find_first_of(" T"); sp != std::string::npos && time_part.empty()) {
            date_part = start_text.substr(0, sp);
            time_part = start_text.substr(sp + 1);
        }
        auto date = parse_sheet_date(date_part);
        if (!date) { issue(what + ": start date '" + date_part + "' is not a date like 2026-11-24 or 24-11-2026"); continue; }
        a.schedule.start.date = *date;
        if (time_part.empty()) {
            a.schedule.all_day = true;
            a.schedule.duration_min = 1440;
        } else if (auto t = parse_sheet_time(time_part)) {
            a.schedule.start.time = *t;
        } else {
            issue(what + ": start time '" + time_part + "' is not a time like 10:00");
            continue;
        }
        const std::string end_text = get(row, c_end), duration_text = get(row, c_duration);
        if (!a.schedule.all_day) {
            if (!end_text.empty()) {
                std::string end_time = end_text;
                if (auto sp = end_text.find_first_of(" T"); sp != std::string::npos) end_time = end_text.substr(sp + 1);
                auto t = parse_sheet_time(end_time);
                const int minutes = t ? (t->hour * 60 + t->minute) - (a.schedule.start.time.hour * 60 + a.schedule.start.time.minute) : -1;
                if (!t || minutes <= 0) {
                    issue(what + ": end '" + end_text + "' is not a time after the start " + to_string(a.schedule.start.time));
                    continue;
                }
                a.schedule.duration_min = minutes;
            } else if (!duration_text.empty()) {
                if (!all_digits(duration_text) || to_int(duration_text) <= 0 || to_int(duration_text) > 7 * 1440) {
                    issue(what + ": duration '" + duration_text + "' is not a number of minutes");
                    continue;
                }
                a.schedule.duration_min = to_int(duration_text);
            } else {
                a.schedule.duration_min = 60;
                warn(what + ": no end or duration; 60 minutes assumed");
            }
        }
        auto rrule = parse_repeat(get(row, c_repeat), *date);
        if (!rrule) {
            issue(what + ": repeat '" + get(row, c_repeat) +
                  "' is not an RRULE (FREQ=WEEKLY;BYDAY=TU) or weekly/tweewekelijks/maandelijks/dagelijks");
            continue;
        }
        a.schedule.rrule = *rrule;
        if (auto until = get(row, c_until); !until.empty()) {
            auto d = parse_sheet_date(until);
            if (!d || *d < *date) { issue(what + ": until '" + until + "' is not a date on or after the start"); continue; }
            a.schedule.until = *d;
        }
        bool bad_except = false;
        for (const auto& ex : split_list(get(row, c_except))) {
            auto d = parse_sheet_date(ex);
            if (!d) { issue(what + ": except date '" + ex + "' is not a date"); bad_except = true; break; }
            a.schedule.exdates.push_back(*d);
        }
        if (bad_except) continue;

        for (const auto& c : split_list(get(row, c_cats))) {
            if (auto id = match_vocab(categories(), c)) a.categories.push_back(*id);
            else warn(what + ": category '" + c + "' is unknown and dropped");
        }
        if (a.categories.empty()) {
            issue(what + ": no known category (expected one of: " + joined_ids(categories()) + ")");
            continue;
        }
        for (const auto& c : split_list(get(row, c_auds))) {
            if (auto id = match_vocab(audiences(), c)) a.audiences.push_back(*id);
            else warn(what + ": audience '" + c + "' is unknown and dropped");
        }
        if (a.audiences.empty()) a.audiences.push_back("iedereen");
        for (const auto& l : split_list(get(row, c_langs))) {
            std::string code = fold_for_search(l);
            if (code.size() == 2) a.languages.push_back(code);
            else warn(what + ": language '" + l + "' is not a 2-letter ISO 639-1 code and dropped");
        }
        if (a.languages.empty()) a.languages.push_back("nl");

        const std::string cost = get(row, c_cost);
        const std::string fcost = fold_for_search(cost);
        if (fcost == "gratis" || fcost == "free" || fcost == "0") {
            a.cost_eur = 0.0;
        } else if (!cost.empty()) {
            std::string num;
            for (char c : cost)
                if (std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.') num.push_back(c);
            if (auto v = parse_decimal(num)) a.cost_eur = *v;
            else a.cost_note = cost;
        }
        const std::string reg = fold_for_search(get(row, c_reg));
        a.registration_required = reg == "ja" || reg == "yes" || reg == "true" || reg == "1" || reg == "verplicht";
        a.organiser = get(row, c_org);
        a.description = get(row, c_desc);
        a.contact = get(row, c_contact);

        std::string id = get(row, c_id);
        if (id.empty()) id = to_feed_id("m-" + ma.venue_id + "-" + a.title + "-" + to_string(*date));
        if (!is_feed_id(id)) { issue(what + ": id '" + id + "' is not a feed id (a-z, 0-9, '-', '_', '.')"); continue; }
        if (!ids.insert(id).second) { issue(what + ": duplicate activity id '" + id + "'; row skipped"); continue; }
        a.id = id;
        sheet.activities.push_back(std::move(ma));
    }
    return sheet;
}

}  // namespace bk::data::publish
