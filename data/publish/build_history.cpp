#include "data/publish/build_history.hpp"

#include "data/publish/html_escape.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

#include "data/atomic_file.hpp"

namespace bk::data::publish {

namespace {

using nlohmann::json;

std::string esc(std::string_view s) { return html_escape(s); }

std::string stamp_of(UtcTime t) {
    std::string s = to_rfc3339(t);  // 2026-11-23T10:00:00Z
    std::erase(s, ':');
    std::erase(s, '-');
    return s;  // 20261123T100000Z
}

std::string local_text(UtcTime t) {
    LocalDateTime l = amsterdam_from_utc(t);
    return to_string(l.date) + " " + to_string(l.time);
}

json list_json(const ChangeList& c) {
    return json{{"nieuw", c.added}, {"weg", c.removed}, {"gewijzigd", c.changed}, {"afgelast", c.cancelled}};
}

std::size_t total(const ChangeList& c) {
    return c.added.size() + c.removed.size() + c.changed.size() + c.cancelled.size();
}

std::string page(const std::string& title, const std::string& body) {
    return "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
           esc(title) + "</title><style>" + report_css() +
           "</style></head><body>\n<nav><a href=\"index.html\">Laatste rapport</a><a href=\"geschiedenis.html\">"
           "Geschiedenis</a><a href=\"wijzigingen.html\">Laatste wijzigingen</a><a href=\"kiosken.html\">Kiosken</a><a href=\"meldingen.atom\">Meldingen (Atom)</a></nav>\n" +
           body + "</body></html>\n";
}

}  // namespace

std::expected<void, Error> record_build(const std::filesystem::path& admin_dir, const HistoryRun& run) {
    std::error_code ec;
    const std::string stamp = stamp_of(run.at);
    const auto run_dir = admin_dir / "runs" / stamp;
    std::filesystem::create_directories(run_dir, ec);
    if (ec) return std::unexpected(Error{ErrorKind::Io, run_dir.string() + ": cannot create (" + ec.message() + ")"});
    auto write = [](const std::filesystem::path& p, const std::string& text) { return write_file_atomically(p.string(), text); };

    json changes_doc = json::object();
    std::size_t changed = 0;
    if (run.changes) {
        changes_doc = {{"eerste_publicatie", run.changes->first_build},
                       {"plekken", list_json(run.changes->venues)},
                       {"activiteiten", list_json(run.changes->activities)},
                       {"mededelingen", list_json(run.changes->notices)}};
        changed = total(run.changes->venues) + total(run.changes->activities) + total(run.changes->notices);
    }
    for (auto [name, text] : {std::pair{"report.txt", &run.report_text}, std::pair{"report.html", &run.report_html}})
        if (auto r = write(run_dir / name, *text); !r) return r;
    if (auto r = write(run_dir / "changes.json", changes_doc.dump(1)); !r) return r;
    if (auto r = write(admin_dir / "index.html", run.report_html); !r) return r;
    if (auto r = write(admin_dir / "report.txt", run.report_text); !r) return r;
    if (run.changes && (changed > 0 || run.changes->first_build)) {
        const std::string body = "<h1>Laatste wijzigingen</h1>\n<p>Van de publicatie van " + esc(local_text(run.at)) +
                                 " (<a href=\"runs/" + stamp + "/report.html\">rapport</a>).</p>\n" +
                                 format_changes_html(*run.changes);
        if (auto r = write(admin_dir / "wijzigingen.html", page("Wijkagenda — laatste wijzigingen", body)); !r) return r;
    }

    // history.json: newest first, kHistoryKept entries; folders of older runs are removed.
    json hist = json::array();
    if (auto text = read_file((admin_dir / "history.json").string()); text) {
        json parsed = json::parse(*text, nullptr, false);
        if (parsed.is_array()) hist = std::move(parsed);
    }
    json entry = {{"stamp", stamp},           {"tijd", local_text(run.at)},
                  {"uitkomst", run.outcome},  {"activiteiten", run.activities},
                  {"bronnen_met_problemen", run.sources_with_problems},
                  {"wijzigingen", changed}};
    if (run.changes) {
        const auto& a = run.changes->activities;
        entry["nieuw"] = a.added.size();
        entry["weg"] = a.removed.size();
        entry["gewijzigd"] = a.changed.size();
        entry["afgelast"] = a.cancelled.size();
    }
    json next = json::array({entry});
    for (const auto& e : hist)
        if (e.is_object() && e.value("stamp", "") != stamp) next.push_back(e);
    while (next.size() > kHistoryKept) {
        const std::string old = next.back().value("stamp", "");
        if (!old.empty() && old.find('/') == std::string::npos && old.find("..") == std::string::npos)
            std::filesystem::remove_all(admin_dir / "runs" / old, ec);
        next.erase(next.size() - 1);
    }
    if (auto r = write(admin_dir / "history.json", next.dump(1)); !r) return r;

    std::ostringstream o;
    o << "<h1>Geschiedenis van de publicaties</h1>\n<p>De laatste " << kHistoryKept
      << " keer dat de agenda is gebouwd, nieuwste bovenaan.</p>\n"
         "<table><tr><th>Tijd</th><th>Uitkomst</th><th>Activiteiten</th><th>Bronnen met problemen</th>"
         "<th>Nieuw</th><th>Weg</th><th>Gewijzigd</th><th>Afgelast</th><th></th></tr>\n";
    for (const auto& e : next) {
        const std::string s = e.value("stamp", "");
        o << "<tr><td>" << esc(e.value("tijd", "")) << "</td><td>" << esc(e.value("uitkomst", "")) << "</td><td>"
          << e.value("activiteiten", 0) << "</td><td>" << e.value("bronnen_met_problemen", 0) << "</td>";
        for (const char* k : {"nieuw", "weg", "gewijzigd", "afgelast"})
            o << "<td>" << (e.contains(k) ? std::to_string(e.value(k, 0)) : std::string("–")) << "</td>";
        o << "<td><a href=\"runs/" << esc(s) << "/report.html\">rapport</a></td></tr>\n";
    }
    o << "</table>\n";
    return write(admin_dir / "geschiedenis.html", page("Wijkagenda — geschiedenis", o.str()));
}

}  // namespace bk::data::publish
