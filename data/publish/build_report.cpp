#include "data/publish/build_report.hpp"

#include "data/publish/html_escape.hpp"

// [SECTION] changes  [SECTION] private addresses  [SECTION] advice  [SECTION] text  [SECTION] html

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

namespace bk::data::publish {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxListed = 50;  // per list in the report; the rest is counted

// [SECTION] changes
std::map<std::string, json> by_id(const json& doc, const char* key) {
    std::map<std::string, json> out;
    if (!doc.is_object() || !doc.contains(key) || !doc[key].is_array()) return out;
    for (const auto& item : doc[key])
        if (item.is_object() && item.contains("id") && item["id"].is_string()) out.emplace(item["id"].get<std::string>(), item);
    return out;
}

std::string str(const json& j, const char* k) {
    return j.is_object() && j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
}

// Venues and notices by name or text; activities by "title" (first date).
std::string label(const json& item) {
    if (item.contains("title")) {
        std::string s = "\"" + str(item, "title") + "\"";
        if (item.contains("schedule")) {
            std::string start = str(item["schedule"], "start");
            if (!start.empty()) s += " (" + start.substr(0, 10) + ")";
        }
        return s;
    }
    for (const char* k : {"name", "text"})
        if (item.contains(k) && item[k].is_string()) return item[k].get<std::string>();
    return str(item, "id");
}

std::set<std::string> cancelled_dates(const json& a) {
    std::set<std::string> out;
    if (a.contains("changes") && a["changes"].is_array())
        for (const auto& c : a["changes"])
            if (c.is_object() && c.value("cancelled", false)) out.insert(str(c, "date"));
    return out;
}

ChangeList diff_list(const json& prev, const json& cur, const char* key) {
    ChangeList out;
    const auto a = by_id(prev, key), b = by_id(cur, key);
    for (const auto& [id, item] : b) {
        auto it = a.find(id);
        if (it == a.end()) {
            out.added.push_back(label(item));
        } else if (it->second != item) {
            const bool was_cancelled = str(it->second, "status") == "cancelled";
            if (str(item, "status") == "cancelled" && !was_cancelled) {
                out.cancelled.push_back(label(item) + " gaat niet meer door");
                continue;
            }
            std::vector<std::string> newly;
            const auto before = cancelled_dates(it->second);
            for (const auto& d : cancelled_dates(item))
                if (!before.contains(d)) newly.push_back(d);
            if (!newly.empty()) {
                std::string dates;
                for (const auto& d : newly) dates += (dates.empty() ? "" : ", ") + d;
                out.cancelled.push_back(label(item) + " gaat niet door op " + dates);
            } else {
                out.changed.push_back(label(item));
            }
        }
    }
    for (const auto& [id, item] : a)
        if (!b.contains(id)) out.removed.push_back(label(item));
    return out;
}

bool has_problem(const SourceReport& s) {
    return !s.problems.empty() || s.status == SourceStatus::Failed || s.status == SourceStatus::LastGood;
}

std::size_t count_problems(const BuildResult& built) {
    std::size_t n = 0;
    for (const auto& s : built.sources)
        if (has_problem(s)) ++n;
    return n;
}

const char* status_nl(SourceStatus s) {
    switch (s) {
        case SourceStatus::Fresh: return "bijgewerkt";
        case SourceStatus::NotModified: return "ongewijzigd";
        case SourceStatus::LastGood: return "vorige versie gebruikt";
        case SourceStatus::Failed: return "mislukt, niets gebruikt";
    }
    return "?";
}

std::string source_name(const SourceReport& s) {
    if (s.id == "venues") return "Plekkenlijst";
    if (s.id == "activities") return "Activiteitenlijst";
    if (s.id == "overrides") return "Correctieblad";
    return s.label.empty() || s.label == s.id ? s.id : s.label + " (" + s.id + ")";
}

std::string date_nl(LocalDate d) {
    static const char* months[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                   "juli",    "augustus", "september", "oktober", "november", "december"};
    return std::to_string(d.day) + " " + months[(d.month - 1) % 12] + " " + std::to_string(d.year);
}

std::string local_stamp(UtcTime t) {
    LocalDateTime l = amsterdam_from_utc(t);
    return date_nl(l.date) + " " + to_string(l.time);
}

}  // namespace

// [SECTION] private addresses
// Host only; the path and query of a calendar address can be its secret (Google's "private-…"
// address, tokens in WordPress/Outlook links), so they never appear in a report, page or alert.
std::string redact_url(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) return std::string(url);
    const auto host_start = scheme + 3;
    auto host_end = url.find_first_of("/?#", host_start);
    std::string host(url.substr(host_start, host_end == std::string_view::npos ? url.size() - host_start
                                                                               : host_end - host_start));
    if (auto at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);  // user:password@
    if (host_end == std::string_view::npos || host_end + 1 >= url.size()) return host;
    return host + "/…";
}

std::string redact_urls(std::string_view text) {
    static const std::regex url_re(R"(https?://[^\s"'<>)]+)");
    std::string in(text), out;
    auto begin = std::sregex_iterator(in.begin(), in.end(), url_re);
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        out += in.substr(last, std::size_t(it->position()) - last);
        out += redact_url(it->str());
        last = std::size_t(it->position() + it->length());
    }
    out += in.substr(last);
    return out;
}

// [SECTION] advice: what the coordinator does about a failing source.
std::string advice_for(const SourceReport& s) {
    std::string all;
    for (const auto& p : s.problems) all += p + "\n";
    auto has = [&](std::string_view w) { return all.find(w) != std::string::npos; };
    std::string what;
    if (has("HTTP status 404") || has("HTTP status 410"))
        what = "Het agenda-adres bestaat niet meer. Vraag de organisatie om het nieuwe adres en zet dat in sources.json.";
    else if (has("HTTP status 401") || has("HTTP status 403"))
        what = "De agenda is niet (meer) openbaar. Vraag de organisatie het (geheime) iCal-adres opnieuw te delen.";
    else if (has("HTTP status 5"))
        what = "De server van de organisatie heeft een storing. Meestal gaat dit vanzelf over; duurt het langer dan "
               "een dag, bel de organisatie.";
    else if (has("timed out") || has("timeout") || has("Could not resolve") || has("resolve host") ||
             has("connect") || has("Connection"))
        what = "De server van de organisatie is niet bereikbaar. Controleer het adres in sources.json; meestal gaat "
               "dit vanzelf over.";
    else if (has("cannot read"))
        what = "Het bestand ontbreekt op deze computer. Zet het terug of pas het pad in sources.json aan.";
    else if (has("iCalendar") || has("no usable event") || has("CSV") || has("csv") || has("parse"))
        what = "Het bestand is geen bruikbare agenda of lijst. Open het adres in een browser: krijg je een "
               "webpagina in plaats van een .ics-bestand, vraag dan het juiste export-adres.";
    else
        what = "Controleer het adres in sources.json en probeer het in een browser.";
    if (s.status == SourceStatus::LastGood)
        what += " Tot die tijd staat de vorige versie (van " + s.last_good_saved_at + ") in de agenda.";
    else if (s.status == SourceStatus::Failed)
        what += " Er staat nu niets van deze bron in de agenda.";
    return what;
}

FeedChanges diff_feeds(std::string_view previous_json, std::string_view current_json) {
    FeedChanges out;
    const json cur = json::parse(current_json, nullptr, false);
    const json prev = previous_json.empty() ? json() : json::parse(previous_json, nullptr, false);
    out.first_build = !prev.is_object();
    out.venues = diff_list(prev, cur, "venues");
    out.activities = diff_list(prev, cur, "activities");
    out.notices = diff_list(prev, cur, "notices");
    return out;
}

// [SECTION] text
std::string format_report_text(const BuildResult& built, const FeedChanges& changes, const Release* release,
                               UtcTime now) {
    std::ostringstream o;
    o << "Wijkagenda — publicatie van " << local_stamp(now) << "\n";
    if (built.feed)
        o << "Agenda: " << built.feed->venues.size() << " plekken, " << built.feed->activities.size()
          << " activiteiten, " << built.feed->notices.size() << " mededelingen (" << built.feed_json.size() << " bytes)\n";
    o << "Periode in de agenda: " << date_nl(built.window_from) << " t/m " << date_nl(built.window_to) << "\n";
    if (release)
        o << "Publicatie " << release->name << ": " << release->gzip_bytes << " bytes ingepakt, "
          << (release->signed_by.empty() ? std::string("NIET ondertekend (kiosken weigeren hem)")
                                         : "ondertekend met sleutel " + release->signed_by)
          << ", " << release->ics_files.size() << " agenda's om te abonneren\n";
    const std::size_t failing = count_problems(built);
    o << "\n== Bronnen: " << built.sources.size() << ", met problemen: " << failing << "\n";
    // Problems first: that is what the coordinator has to act on.
    for (int pass = 0; pass < 2; ++pass) {
        for (const auto& s : built.sources) {
            const bool bad = has_problem(s);
            if (bad != (pass == 0)) continue;
            o << (bad ? "!! " : "ok ") << source_name(s) << " [" << status_nl(s.status) << "] " << s.items
              << (s.id == "venues" ? " plekken" : s.id == "overrides" ? " regels" : " activiteiten") << "\n";
            o << "   adres: " << redact_url(s.origin) << "\n";
            for (const auto& p : s.problems) o << "   probleem: " << redact_urls(p) << "\n";
            if (bad) o << "   wat te doen: " << advice_for(s) << "\n";
            if (s.outside_window > 0)
                o << "   " << s.outside_window << " activiteiten vallen helemaal buiten de periode en staan er niet in\n";
            std::size_t n = 0;
            for (const auto& w : s.warnings) {
                if (++n > kMaxListed) {
                    o << "   … en nog " << (s.warnings.size() - kMaxListed) << " meldingen\n";
                    break;
                }
                o << "   let op: " << redact_urls(w) << "\n";
            }
            for (std::size_t i = 0; i < s.category_guesses.size() && i < kMaxListed; ++i)
                o << "   categorie geraden: " << s.category_guesses[i] << "\n";
            if (s.category_guesses.size() > kMaxListed)
                o << "   … en nog " << (s.category_guesses.size() - kMaxListed) << " geraden categorieën\n";
        }
    }
    if (!built.moderation.empty()) {
        o << "\n== Aanpassingen uit het correctieblad (" << built.moderation.size() << ")\n";
        for (const auto& m : built.moderation) o << "   " << m << "\n";
    }
    o << "\n== Wijzigingen sinds de vorige publicatie"
      << (changes.first_build ? " (eerste publicatie: alles is nieuw)" : "") << "\n";
    auto list = [&](const char* what, const ChangeList& c) {
        o << what << ": " << c.added.size() << " nieuw, " << c.removed.size() << " weg, " << c.changed.size()
          << " gewijzigd, " << c.cancelled.size() << " gaat niet door\n";
        auto items = [&](const char* sign, const std::vector<std::string>& v) {
            for (std::size_t i = 0; i < v.size() && i < kMaxListed; ++i) o << "  " << sign << " " << v[i] << "\n";
            if (v.size() > kMaxListed) o << "  " << sign << " … en nog " << (v.size() - kMaxListed) << "\n";
        };
        if (!changes.first_build) {
            items("+", c.added);
            items("-", c.removed);
            items("~", c.changed);
            items("x", c.cancelled);
        }
    };
    list("plekken", changes.venues);
    list("activiteiten", changes.activities);
    list("mededelingen", changes.notices);
    return o.str();
}

// [SECTION] html
std::string report_css() {
    return "body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em;line-height:1.4;color:#222}"
           ".bad{border-left:6px solid #c0392b;padding-left:.6em}.ok{border-left:6px solid #27ae60;padding-left:.6em}"
           "code{word-break:break-all}li.w{color:#7f6000}li.p{color:#c0392b;font-weight:bold}li.g{color:#2c3e50}"
           "p.todo{background:#fdecea;padding:.4em .6em;border-radius:4px}"
           "table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #ddd;text-align:left}"
           "nav a{margin-right:1em}";
}

std::string format_report_html(const BuildResult& built, const FeedChanges& changes, const Release* release,
                               UtcTime now) {
    std::ostringstream o;
    const std::size_t failing = count_problems(built);
    o << "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>Wijkagenda — rapport " << html_escape(local_stamp(now)) << "</title><style>" << report_css()
      << "</style></head><body>\n";
    o << "<nav><a href=\"index.html\">Laatste rapport</a><a href=\"geschiedenis.html\">Geschiedenis</a>"
         "<a href=\"wijzigingen.html\">Laatste wijzigingen</a><a href=\"kiosken.html\">Kiosken</a><a href=\"meldingen.atom\">Meldingen (Atom)</a></nav>\n";
    o << "<h1>Wijkagenda Delfshaven — publicatierapport</h1>\n<p>Gepubliceerd: " << html_escape(local_stamp(now)) << "<br>";
    if (built.feed)
        o << built.feed->venues.size() << " plekken, " << built.feed->activities.size() << " activiteiten, "
          << built.feed->notices.size() << " mededelingen (" << built.feed_json.size() << " bytes)<br>";
    o << "Periode: " << date_nl(built.window_from) << " t/m " << date_nl(built.window_to) << "<br>";
    if (release)
        o << "Publicatie <code>" << html_escape(release->name) << "</code>, "
          << (release->signed_by.empty() ? std::string("<strong>niet ondertekend</strong>")
                                         : "ondertekend met sleutel <code>" + html_escape(release->signed_by) + "</code>")
          << ", " << release->ics_files.size() << " agenda's om te abonneren";
    o << "</p>\n<h2>Bronnen (" << built.sources.size() << ", met problemen: " << failing << ")</h2>\n";
    for (int pass = 0; pass < 2; ++pass) {
        for (const auto& s : built.sources) {
            const bool bad = has_problem(s);
            if (bad != (pass == 0)) continue;
            o << "<div class=\"" << (bad ? "bad" : "ok") << "\"><h3>" << html_escape(source_name(s)) << " <small>["
              << status_nl(s.status) << ", " << s.items << "]</small></h3><p>Adres: <code>"
              << html_escape(redact_url(s.origin)) << "</code>";
            if (s.outside_window > 0)
                o << "<br>" << s.outside_window << " activiteiten vallen helemaal buiten de periode";
            o << "</p>";
            if (bad) o << "<p class=\"todo\"><strong>Wat te doen:</strong> " << html_escape(advice_for(s)) << "</p>";
            o << "<ul>";
            for (const auto& p : s.problems) o << "<li class=\"p\">" << html_escape(redact_urls(p)) << "</li>";
            for (std::size_t i = 0; i < s.warnings.size() && i < kMaxListed; ++i)
                o << "<li class=\"w\">" << html_escape(redact_urls(s.warnings[i])) << "</li>";
            if (s.warnings.size() > kMaxListed) o << "<li>… en nog " << (s.warnings.size() - kMaxListed) << "</li>";
            for (std::size_t i = 0; i < s.category_guesses.size() && i < kMaxListed; ++i)
                o << "<li class=\"g\">Categorie geraden: " << html_escape(s.category_guesses[i]) << "</li>";
            o << "</ul></div>\n";
        }
    }
    if (!built.moderation.empty()) {
        o << "<h2>Aanpassingen uit het correctieblad</h2><ul>";
        for (const auto& m : built.moderation) o << "<li>" << html_escape(m) << "</li>";
        o << "</ul>\n";
    }
    o << "<h2>Wijzigingen sinds de vorige publicatie</h2>\n" << format_changes_html(changes);
    if (release && !release->ics_files.empty())
        o << "<p>" << release->ics_files.size() << " agenda's om te abonneren staan bij de openbare pagina's.</p>\n";
    o << "</body></html>\n";
    return o.str();
}

std::string format_changes_html(const FeedChanges& changes) {
    std::ostringstream o;
    if (changes.first_build) o << "<p>Eerste publicatie: alles is nieuw.</p>\n";
    o << "<table><tr><th></th><th>nieuw</th><th>weg</th><th>gewijzigd</th><th>gaat niet door</th></tr>";
    for (auto [name, c] : {std::pair{"plekken", &changes.venues}, std::pair{"activiteiten", &changes.activities},
                           std::pair{"mededelingen", &changes.notices}})
        o << "<tr><td>" << name << "</td><td>" << c->added.size() << "</td><td>" << c->removed.size() << "</td><td>"
          << c->changed.size() << "</td><td>" << c->cancelled.size() << "</td></tr>";
    o << "</table>\n";
    if (!changes.first_build) {
        for (auto [name, c] : {std::pair{"Activiteiten", &changes.activities}, std::pair{"Plekken", &changes.venues},
                               std::pair{"Mededelingen", &changes.notices}}) {
            if (c->empty()) continue;
            o << "<h3>" << name << "</h3><ul>";
            auto items = [&](const char* what, const std::vector<std::string>& v) {
                for (std::size_t i = 0; i < v.size() && i < kMaxListed; ++i)
                    o << "<li>" << what << ": " << html_escape(v[i]) << "</li>";
                if (v.size() > kMaxListed) o << "<li>… en nog " << (v.size() - kMaxListed) << "</li>";
            };
            items("nieuw", c->added);
            items("weg", c->removed);
            items("gewijzigd", c->changed);
            items("afgelast", c->cancelled);
            o << "</ul>\n";
        }
    }
    return o.str();
}

}  // namespace bk::data::publish
