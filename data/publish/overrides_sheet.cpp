#include "data/publish/overrides_sheet.hpp"

#include <algorithm>
#include <set>

#include "data/recurrence.hpp"
#include "data/text_fold.hpp"
#include "data/vocab.hpp"
#include "data/publish/venue_mapping.hpp"

namespace bk::data::publish {

namespace {

std::vector<std::string> split(std::string_view s) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= s.size()) {
        auto end = s.find_first_of(",;", pos);
        if (end == std::string_view::npos) end = s.size();
        std::string w = trim_cell(s.substr(pos, end - pos));
        if (!w.empty()) out.push_back(w);
        pos = end + 1;
    }
    return out;
}

std::optional<LocalDate> parse_date(std::string_view s) {
    if (auto d = parse_local_date(s)) return d;
    int d = 0, m = 0, y = 0;
    char a = 0, b = 0;
    std::string text(s);
    if (std::sscanf(text.c_str(), "%d%c%d%c%d", &d, &a, &m, &b, &y) == 5 && (a == '-' || a == '/') && a == b) {
        LocalDate out{y, m, d};
        if (is_valid(out)) return out;
    }
    return std::nullopt;
}

// '*' matches any run of characters; both sides folded.
bool glob(std::string_view pat, std::string_view text) {
    std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
    while (t < text.size()) {
        if (p < pat.size() && pat[p] == '*') {
            star = p++;
            mark = t;
        } else if (p < pat.size() && pat[p] == text[t]) {
            ++p;
            ++t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pat.size() && pat[p] == '*') ++p;
    return p == pat.size();
}

// Folded like titles, '*' kept (folding alone would drop it as punctuation).
std::string fold_pattern(std::string_view pattern) {
    std::string out;
    std::size_t pos = 0;
    while (true) {
        const auto star = pattern.find('*', pos);
        out += fold_for_search(pattern.substr(pos, star == std::string_view::npos ? std::string_view::npos : star - pos));
        if (star == std::string_view::npos) break;
        out += '*';
        pos = star + 1;
    }
    return out;
}

std::string sanitised(std::string_view uid) {
    std::string id;
    for (char c : uid) {
        char l = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        bool ok = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '-' || l == '_' || l == '.';
        id += ok ? l : '-';
    }
    return id;
}

std::string what_row(const OverrideRow& r) {
    std::string s;
    auto add = [&](const std::string& k, const std::string& v) {
        if (v.empty()) return;
        s += (s.empty() ? "" : ", ") + k + " \"" + v + "\"";
    };
    add("uid", r.uid);
    add("bron", r.source);
    add("titel", r.title_pattern);
    if (r.date) add("datum", to_string(*r.date));
    return s;
}

bool occurs_on(const Feed& feed, std::uint32_t i, LocalDate d) {
    return !expand_activity(feed, i, amsterdam_midnight(d), amsterdam_midnight(add_days(d, 1))).empty();
}

}  // namespace

std::expected<OverridesSheet, Error> parse_overrides_sheet(const CsvTable& t) {
    OverridesSheet sheet;
    sheet.source = t.source;
    const auto c_uid = t.column({"uid", "id"});
    const auto c_src = t.column({"bron", "source", "organisatie", "organisation"});
    const auto c_title = t.column({"titel", "title"});
    const auto c_date = t.column({"datum", "date"});
    const auto c_action = t.column({"actie", "action"});
    const auto c_cat = t.column({"categorie", "categorieen", "categories", "category"});
    const auto c_aud = t.column({"doelgroep", "doelgroepen", "audiences", "audience"});
    const auto c_venue = t.column({"plek", "locatie", "venue"});
    const auto c_lang = t.column({"taal", "talen", "languages", "language"});
    if (!c_uid && !c_src && !c_title)
        return std::unexpected(Error{ErrorKind::Validation, t.source + ": needs a column uid, bron or titel to pick events"});
    auto cell = [](const CsvRow& row, const std::optional<std::size_t>& c) { return c ? trim_cell(row.field(*c)) : std::string(); };
    for (const CsvRow& row : t.rows) {
        OverrideRow r;
        r.line = row.line;
        auto issue = [&](const std::string& m) { sheet.issues.push_back({t.source, row.line, m + "; regel overgeslagen"}); };
        r.uid = cell(row, c_uid);
        r.source = cell(row, c_src);
        r.title_pattern = fold_pattern(cell(row, c_title));
        if (r.uid.empty() && r.source.empty() && r.title_pattern.empty()) {
            issue("geen uid, bron of titel: onduidelijk welke activiteit bedoeld is");
            continue;
        }
        if (auto d = cell(row, c_date); !d.empty()) {
            r.date = parse_date(d);
            if (!r.date) {
                issue("datum \"" + d + "\" onleesbaar (gebruik 2026-12-24 of 24-12-2026)");
                continue;
            }
        }
        const std::string action = fold_for_search(cell(row, c_action));
        if (action == "verbergen" || action == "verberg" || action == "hide") r.hide = true;
        else if (action == "uitlichten" || action == "uitgelicht" || action == "highlight" || action == "pin") r.highlight = true;
        else if (!action.empty() && action != "aanpassen" && action != "fix") {
            issue("actie \"" + cell(row, c_action) + "\" onbekend (verbergen, uitlichten of leeg)");
            continue;
        }
        bool bad = false;
        for (const auto& w : split(cell(row, c_cat))) {
            if (auto id = match_vocab(categories(), w)) r.categories.push_back(*id);
            else { issue("categorie \"" + w + "\" onbekend (kies uit: " + joined_ids(categories()) + ")"); bad = true; }
        }
        for (const auto& w : split(cell(row, c_aud))) {
            if (auto id = match_vocab(audiences(), w)) r.audiences.push_back(*id);
            else { issue("doelgroep \"" + w + "\" onbekend (kies uit: " + joined_ids(audiences()) + ")"); bad = true; }
        }
        for (const auto& w : split(cell(row, c_lang))) {
            std::string l = fold_for_search(w);
            if (l.size() >= 2 && l.size() <= 3 && std::all_of(l.begin(), l.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
                r.languages.push_back(l);
            else { issue("taal \"" + w + "\" is geen taalcode (nl, tr, ar, en, pl, pt, …)"); bad = true; }
        }
        if (bad) continue;
        r.venue = cell(row, c_venue);
        for (const char* lang : kTranslationLanguages) {
            const std::string l(lang);
            const auto ct = t.column({"titel_" + l, "title_" + l});
            const auto cd = t.column({"omschrijving_" + l, "beschrijving_" + l, "description_" + l});
            Translation tr{cell(row, ct), cell(row, cd)};
            if (!tr.title.empty() || !tr.description.empty()) r.translations.emplace(l, std::move(tr));
        }
        sheet.rows.push_back(std::move(r));
    }
    return sheet;
}

ModerationLog apply_overrides(const OverridesSheet& sheet, Feed& feed, std::vector<std::string>& source_ids,
                              std::vector<std::size_t>* owner) {
    ModerationLog log;
    std::set<std::uint32_t> removed;
    for (const OverrideRow& r : sheet.rows) {
        const std::string where = sheet.source + ":" + std::to_string(r.line);
        int hits = 0;
        for (std::uint32_t i = 0; i < feed.activities.size(); ++i) {
            if (removed.contains(i)) continue;
            Activity& a = feed.activities[i];
            if (!r.uid.empty()) {
                // The feed id is "<organisation>-<UID, sanitised, cut at 60 characters>".
                const std::string san = "-" + sanitised(r.uid);
                const bool cut = a.id.size() >= 60 && san.find(a.id.substr(a.id.size() - 30)) != std::string::npos;
                if (a.id != r.uid && !a.id.ends_with(san) && !cut) continue;
            }
            if (!r.source.empty() && source_ids[i] != r.source && !source_ids[i].starts_with(r.source + "-")) continue;
            if (!r.title_pattern.empty() && !glob(r.title_pattern, fold_for_search(a.title))) continue;
            // A date: the occurrence that day (hide), or the activity that happens that day.
            if (r.date && !occurs_on(feed, i, *r.date)) continue;
            ++hits;
            const std::string who = "\"" + a.title + "\" (" + to_string(a.schedule.start.date) + ")";
            if (r.hide) {
                const bool one_date = r.date && (!a.schedule.rrule.empty() || !a.schedule.rdates.empty());
                if (one_date) {
                    auto& ex = a.schedule.exdates;
                    if (!std::binary_search(ex.begin(), ex.end(), *r.date)) {
                        ex.insert(std::upper_bound(ex.begin(), ex.end(), *r.date), *r.date);
                    }
                    log.lines.push_back(where + ": verborgen op " + to_string(*r.date) + ": " + who);
                } else {
                    removed.insert(i);
                    log.lines.push_back(where + ": verborgen: " + who);
                }
                continue;
            }
            std::vector<std::string> did;
            if (r.highlight) {
                a.highlighted = true;
                did.push_back("uitgelicht");
            }
            if (!r.categories.empty()) {
                a.categories = r.categories;
                did.push_back("categorie → " + [&] {
                    std::string s;
                    for (const auto& c : r.categories) s += (s.empty() ? "" : ", ") + std::string(label_nl(categories(), c));
                    return s;
                }());
            }
            if (!r.audiences.empty()) {
                a.audiences = r.audiences;
                did.push_back("doelgroep aangepast");
            }
            if (!r.languages.empty()) {
                a.languages = r.languages;
                did.push_back("talen aangepast");
            }
            if (!r.venue.empty()) {
                std::optional<std::uint32_t> v = feed.find_venue(r.venue);
                if (!v) {
                    const std::string folded = fold_for_search(r.venue);
                    for (std::uint32_t k = 0; k < feed.venues.size() && !v; ++k)
                        if (fold_for_search(feed.venues[k].name) == folded) v = k;
                }
                if (v) {
                    a.venue = *v;
                    did.push_back("plek → " + feed.venues[*v].name);
                } else {
                    log.unmatched.push_back(where + ": plek \"" + r.venue + "\" staat niet in de plekkenlijst; plek niet aangepast");
                }
            }
            for (const auto& [lang, tr] : r.translations) {
                a.translations[lang] = tr;
                did.push_back("vertaling " + lang);
            }
            std::string list;
            for (const auto& d : did) list += (list.empty() ? "" : ", ") + d;
            log.lines.push_back(where + ": " + who + ": " + (list.empty() ? std::string("niets aan te passen") : list));
        }
        if (hits == 0)
            log.unmatched.push_back(where + ": past op geen enkele activiteit (" + what_row(r) +
                                    "); is het evenement verdwenen of hernoemd?");
    }
    if (!removed.empty()) {
        std::vector<Activity> kept;
        std::vector<std::string> kept_src;
        std::vector<std::size_t> kept_owner;
        for (std::uint32_t i = 0; i < feed.activities.size(); ++i) {
            if (removed.contains(i)) continue;
            kept.push_back(std::move(feed.activities[i]));
            kept_src.push_back(source_ids[i]);
            if (owner) kept_owner.push_back((*owner)[i]);
        }
        feed.activities = std::move(kept);
        source_ids = std::move(kept_src);
        if (owner) *owner = std::move(kept_owner);
    }
    return log;
}

}  // namespace bk::data::publish
