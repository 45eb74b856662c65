#include "data/publish/alerts.hpp"

#include "data/publish/html_escape.hpp"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/wait.h>

#include "data/atomic_file.hpp"
#include "data/publish/build_report.hpp"

namespace bk::data::publish {

namespace {

using nlohmann::json;

std::string xml_esc(std::string_view s) { return html_escape(s); }

bool run_command(const std::string& command, const Problem& p, bool solved) {
    const std::string subject = (solved ? "Opgelost: " : "Wijkagenda: ") + p.subject;
    ::setenv("WIJKAGENDA_ONDERWERP", subject.c_str(), 1);
    ::setenv("WIJKAGENDA_SLEUTEL", p.key.c_str(), 1);
    FILE* pipe = ::popen(command.c_str(), "w");
    if (!pipe) return false;
    const std::string body = subject + "\n\n" + p.detail + "\n";
    std::fwrite(body.data(), 1, body.size(), pipe);
    const int status = ::pclose(pipe);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

std::vector<Problem> current_problems(const BuildResult* built, const std::string& build_error,
                                      const std::vector<KioskSeen>* kiosks, const AlertSettings& settings, UtcTime now,
                                      std::string_view feed_version) {
    std::vector<Problem> out;
    if (!build_error.empty())
        out.push_back({"build:mislukt", "de agenda kon niet worden gepubliceerd",
                       redact_urls(build_error) + "\nDe vorige publicatie blijft online. Zie het rapport op /beheer/."});
    if (built) {
        for (const auto& s : built->sources) {
            const std::string name = s.label.empty() ? s.id : s.label;
            if (s.status == SourceStatus::Failed || s.status == SourceStatus::LastGood) {
                std::string detail;
                for (const auto& p : s.problems) detail += redact_urls(p) + "\n";
                out.push_back({"bron:" + s.id + ":faalt", "agenda van " + name + " is niet op te halen",
                               detail + "Wat te doen: " + advice_for(s)});
            }
            if (s.status == SourceStatus::LastGood) {
                if (auto saved = parse_rfc3339(s.last_good_saved_at);
                    saved && now - *saved > std::chrono::hours(settings.stale_hours))
                    out.push_back({"bron:" + s.id + ":verouderd",
                                   "agenda van " + name + " is al meer dan " + std::to_string(settings.stale_hours) +
                                       " uur niet bijgewerkt",
                                   "De laatste goede versie is van " + s.last_good_saved_at + ". " + advice_for(s)});
            }
        }
    }
    if (kiosks) {
        for (const auto& k : *kiosks) {
            const KioskState st = kiosk_state(k, feed_version, now, settings.kiosk_silent_hours);
            if (st == KioskState::Silent)
                out.push_back({"kiosk:" + k.id + ":stil", "kiosk " + k.id + " meldt zich niet",
                               "Kiosk " + k.id + " heeft al meer dan " + std::to_string(settings.kiosk_silent_hours) +
                                   " uur de agenda niet opgehaald (laatst " + to_rfc3339(k.last_poll) +
                                   "). Kijk of hij aanstaat en internet heeft."});
            else if (st == KioskState::RejectsSignature)
                out.push_back({"kiosk:" + k.id + ":handtekening", "kiosk " + k.id + " weigert de handtekening",
                               "Kiosk " + k.id + " vertrouwt de sleutel van de agenda niet. Zet de sleutel in "
                               "feed_signature.trusted_keys van die kiosk (zie PUBLISHING.md, Sign it)."});
        }
    }
    return out;
}

std::expected<AlertOutcome, Error> update_alerts(const std::filesystem::path& state_dir,
                                                 const std::filesystem::path& admin_dir,
                                                 const std::vector<Problem>& problems, const AlertSettings& settings,
                                                 UtcTime now) {
    const auto path = state_dir / "alerts.json";
    json doc = json::object();
    if (auto text = read_file(path.string()); text) {
        json parsed = json::parse(*text, nullptr, false);
        if (parsed.is_object()) doc = std::move(parsed);
    }
    if (!doc.contains("open") || !doc["open"].is_object()) doc["open"] = json::object();
    if (!doc.contains("log") || !doc["log"].is_array()) doc["log"] = json::array();
    AlertOutcome out;
    std::map<std::string, const Problem*> now_open;
    for (const auto& p : problems) now_open.emplace(p.key, &p);
    auto log_event = [&](const Problem& p, bool solved) {
        doc["log"].insert(doc["log"].begin(), json{{"key", p.key}, {"subject", p.subject}, {"detail", p.detail},
                                                   {"solved", solved}, {"at", to_rfc3339(now)}});
        while (doc["log"].size() > 50) doc["log"].erase(doc["log"].size() - 1);
        if (!settings.command.empty() && !run_command(settings.command, p, solved)) ++out.command_failures;
    };
    for (const auto& [key, p] : now_open) {
        if (doc["open"].contains(key)) continue;
        doc["open"][key] = {{"subject", p->subject}, {"since", to_rfc3339(now)}};
        out.opened.push_back(*p);
        log_event(*p, false);
    }
    std::vector<std::string> gone;
    for (auto it = doc["open"].begin(); it != doc["open"].end(); ++it)
        if (!now_open.contains(it.key())) gone.push_back(it.key());
    for (const auto& key : gone) {
        Problem p{key, doc["open"][key].value("subject", key), "Dit probleem is opgelost."};
        doc["open"].erase(key);
        out.solved.push_back(p);
        log_event(p, true);
    }
    std::error_code ec;
    std::filesystem::create_directories(state_dir, ec);
    if (auto r = write_file_atomically(path.string(), doc.dump(1)); !r) return std::unexpected(r.error());

    std::ostringstream a;
    a << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">\n"
         "<title>Wijkagenda Delfshaven — meldingen</title>\n<id>urn:wijkagenda:meldingen</id>\n<updated>"
      << to_rfc3339(now) << "</updated>\n<link rel=\"alternate\" href=\"index.html\"/>\n";
    for (const auto& e : doc["log"]) {
        const std::string at = e.value("at", "");
        const bool solved = e.value("solved", false);
        a << "<entry><id>urn:wijkagenda:" << xml_esc(e.value("key", "")) << ":" << xml_esc(at) << (solved ? ":opgelost" : "")
          << "</id><title>" << (solved ? "Opgelost: " : "") << xml_esc(e.value("subject", "")) << "</title><updated>"
          << xml_esc(at) << "</updated><author><name>wijkagenda</name></author><content type=\"text\">"
          << xml_esc(e.value("detail", "")) << "</content></entry>\n";
    }
    a << "</feed>\n";
    std::filesystem::create_directories(admin_dir, ec);
    if (auto r = write_file_atomically((admin_dir / "meldingen.atom").string(), a.str()); !r) return std::unexpected(r.error());
    return out;
}

}  // namespace bk::data::publish
