#include "data/publish/build_report.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace bk::data::publish {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxListed = 50;  // per list in the report; the rest is counted

std::map<std::string, json> by_id(const json& doc, const char* key) {
    std::map<std::string, json> out;
    if (!doc.is_object() || !doc.contains(key) || !doc[key].is_array()) return out;
    for (const auto& item : doc[key])
        if (item.is_object() && item.contains("id") && item["id"].is_string()) out.emplace(item["id"].get<std::string>(), item);
    return out;
}

std::string label(const std::string& id, const json& item) {
    for (const char* k : {"title", "name", "text"})
        if (item.contains(k) && item[k].is_string()) return id + " — " + item[k].get<std::string>();
    return id;
}

ChangeList diff_list(const json& prev, const json& cur, const char* key) {
    ChangeList out;
    const auto a = by_id(prev, key), b = by_id(cur, key);
    for (const auto& [id, item] : b) {
        auto it = a.find(id);
        if (it == a.end()) out.added.push_back(label(id, item));
        else if (it->second != item) out.changed.push_back(label(id, item));
    }
    for (const auto& [id, item] : a)
        if (!b.contains(id)) out.removed.push_back(label(id, item));
    return out;
}

std::string html_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

std::size_t count_problems(const BuildResult& built) {
    std::size_t n = 0;
    for (const auto& s : built.sources)
        if (!s.problems.empty() || s.status == SourceStatus::Failed || s.status == SourceStatus::LastGood) ++n;
    return n;
}

}  // namespace

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

std::string format_report_text(const BuildResult& built, const FeedChanges& changes, const Release* release,
                               UtcTime now) {
    std::ostringstream o;
    o << "wijkagenda build " << to_rfc3339(now) << "\n";
    if (built.feed)
        o << "feed: " << built.feed->venues.size() << " venues, " << built.feed->activities.size() << " activities, "
          << built.feed->notices.size() << " notices, " << built.feed_json.size() << " bytes\n";
    if (release)
        o << "release: " << release->name << " (gzip " << release->gzip_bytes << " bytes, "
          << (release->signed_by.empty() ? std::string("UNSIGNED") : "signed by " + release->signed_by) << ", "
          << release->ics_files.size() << " ICS files)\n";
    const std::size_t failing = count_problems(built);
    o << "\n== Sources: " << built.sources.size() << ", with problems: " << failing << "\n";
    // Problems first: that is what the coordinator has to act on.
    for (int pass = 0; pass < 2; ++pass) {
        for (const auto& s : built.sources) {
            const bool bad = !s.problems.empty() || s.status == SourceStatus::Failed || s.status == SourceStatus::LastGood;
            if (bad != (pass == 0)) continue;
            o << (bad ? "!! " : "ok ") << s.id << " [" << to_string(s.status) << "] " << s.items << " items";
            if (!s.label.empty() && s.label != s.id) o << " (" << s.label << ")";
            o << "\n   " << s.origin << "\n";
            if (s.status == SourceStatus::LastGood) o << "   using the last good copy saved " << s.last_good_saved_at << "\n";
            for (const auto& p : s.problems) o << "   problem: " << p << "\n";
            std::size_t n = 0;
            for (const auto& w : s.warnings) {
                if (++n > kMaxListed) {
                    o << "   ... and " << (s.warnings.size() - kMaxListed) << " more warnings\n";
                    break;
                }
                o << "   warning: " << w << "\n";
            }
        }
    }
    o << "\n== Changes since the last published feed" << (changes.first_build ? " (first build: everything is new)" : "")
      << "\n";
    auto list = [&](const char* what, const ChangeList& c) {
        o << what << ": +" << c.added.size() << " -" << c.removed.size() << " ~" << c.changed.size() << "\n";
        auto items = [&](const char* sign, const std::vector<std::string>& v) {
            for (std::size_t i = 0; i < v.size() && i < kMaxListed; ++i) o << "  " << sign << " " << v[i] << "\n";
            if (v.size() > kMaxListed) o << "  " << sign << " ... and " << (v.size() - kMaxListed) << " more\n";
        };
        if (!changes.first_build) {
            items("+", c.added);
            items("-", c.removed);
            items("~", c.changed);
        }
    };
    list("venues", changes.venues);
    list("activities", changes.activities);
    list("notices", changes.notices);
    return o.str();
}

std::string format_report_html(const BuildResult& built, const FeedChanges& changes, const Release* release,
                               UtcTime now) {
    std::ostringstream o;
    const std::size_t failing = count_problems(built);
    o << "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>Wijkagenda — rapport " << html_escape(to_rfc3339(now)) << "</title><style>"
         "body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em;line-height:1.4}"
         ".bad{border-left:6px solid #c0392b;padding-left:.6em}.ok{border-left:6px solid #27ae60;padding-left:.6em}"
         "code{word-break:break-all}li.w{color:#7f6000}li.p{color:#c0392b;font-weight:bold}"
         "table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #ddd;text-align:left}"
         "</style></head><body>\n";
    o << "<h1>Wijkagenda Delfshaven — publicatierapport</h1>\n<p>Gebouwd: " << html_escape(to_rfc3339(now)) << "<br>";
    if (built.feed)
        o << built.feed->venues.size() << " plekken, " << built.feed->activities.size() << " activiteiten, "
          << built.feed->notices.size() << " mededelingen (" << built.feed_json.size() << " bytes)<br>";
    if (release)
        o << "Release <code>" << html_escape(release->name) << "</code>, "
          << (release->signed_by.empty() ? std::string("<strong>niet ondertekend</strong>")
                                         : "ondertekend met sleutel <code>" + html_escape(release->signed_by) + "</code>")
          << ", " << release->ics_files.size() << " ICS-agenda's";
    o << "</p>\n<h2>Bronnen (" << built.sources.size() << ", met problemen: " << failing << ")</h2>\n";
    for (int pass = 0; pass < 2; ++pass) {
        for (const auto& s : built.sources) {
            const bool bad = !s.problems.empty() || s.status == SourceStatus::Failed || s.status == SourceStatus::LastGood;
            if (bad != (pass == 0)) continue;
            o << "<div class=\"" << (bad ? "bad" : "ok") << "\"><h3>" << html_escape(s.label.empty() ? s.id : s.label)
              << " <small>[" << to_string(s.status) << ", " << s.items << "]</small></h3><p><code>" << html_escape(s.origin)
              << "</code>";
            if (s.status == SourceStatus::LastGood)
                o << "<br>Laatste goede versie gebruikt (opgeslagen " << html_escape(s.last_good_saved_at) << ")";
            o << "</p><ul>";
            for (const auto& p : s.problems) o << "<li class=\"p\">" << html_escape(p) << "</li>";
            for (std::size_t i = 0; i < s.warnings.size() && i < kMaxListed; ++i)
                o << "<li class=\"w\">" << html_escape(s.warnings[i]) << "</li>";
            if (s.warnings.size() > kMaxListed) o << "<li>… en nog " << (s.warnings.size() - kMaxListed) << "</li>";
            o << "</ul></div>\n";
        }
    }
    o << "<h2>Wijzigingen sinds de vorige publicatie</h2>\n";
    if (changes.first_build) o << "<p>Eerste publicatie: alles is nieuw.</p>\n";
    o << "<table><tr><th></th><th>nieuw</th><th>weg</th><th>gewijzigd</th></tr>";
    for (auto [name, c] : {std::pair{"plekken", &changes.venues}, std::pair{"activiteiten", &changes.activities},
                           std::pair{"mededelingen", &changes.notices}})
        o << "<tr><td>" << name << "</td><td>" << c->added.size() << "</td><td>" << c->removed.size() << "</td><td>"
          << c->changed.size() << "</td></tr>";
    o << "</table>\n";
    if (!changes.first_build) {
        for (auto [name, c] : {std::pair{"Activiteiten", &changes.activities}, std::pair{"Plekken", &changes.venues}}) {
            if (c->empty()) continue;
            o << "<h3>" << name << "</h3><ul>";
            auto items = [&](const char* sign, const std::vector<std::string>& v) {
                for (std::size_t i = 0; i < v.size() && i < kMaxListed; ++i) o << "<li>" << sign << " " << html_escape(v[i]) << "</li>";
            };
            items("+", c->added);
            items("−", c->removed);
            items("~", c->changed);
            o << "</ul>\n";
        }
    }
    if (release && !release->ics_files.empty()) {
        o << "<h2>Agenda's om op je telefoon te abonneren</h2><ul>";
        for (const auto& f : release->ics_files) o << "<li><a href=\"" << html_escape(f) << "\">" << html_escape(f) << "</a></li>";
        o << "</ul>\n";
    }
    o << "</body></html>\n";
    return o.str();
}

}  // namespace bk::data::publish
