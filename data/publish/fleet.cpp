#include "data/publish/fleet.hpp"

#include "data/publish/html_escape.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "data/publish/build_report.hpp"

namespace bk::data::publish {

namespace {

int month_of(std::string_view m) {
    static const char* names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int i = 0; i < 12; ++i)
        if (m == names[i]) return i + 1;
    return 0;
}

// "29/Nov/2026:04:03:58 +0000" -> UTC
std::optional<UtcTime> parse_log_time(std::string_view s) {
    if (s.size() < 26) return std::nullopt;
    int d = 0, y = 0, H = 0, M = 0, S = 0, off = 0;
    char mon[4] = {0};
    char sign = '+';
    std::string text(s);
    if (std::sscanf(text.c_str(), "%d/%3c/%d:%d:%d:%d %c%d", &d, mon, &y, &H, &M, &S, &sign, &off) != 8) return std::nullopt;
    const int m = month_of(std::string_view(mon, 3));
    if (m == 0) return std::nullopt;
    using namespace std::chrono;
    auto t = sys_days{year{y} / m / d} + hours{H} + minutes{M} + seconds{S};
    const int off_min = (off / 100) * 60 + off % 100;
    t -= minutes{sign == '-' ? -off_min : off_min};
    return time_point_cast<seconds>(t);
}

std::string field_of(std::string_view ua, std::string_view key) {
    const std::string k = std::string(key) + "=";
    auto p = ua.find(k);
    if (p == std::string_view::npos) return "-";
    p += k.size();
    auto e = ua.find_first_of(";)", p);
    std::string v(ua.substr(p, e == std::string_view::npos ? ua.size() - p : e - p));
    while (!v.empty() && v.back() == ' ') v.pop_back();
    return v.empty() ? "-" : v;
}

std::string esc(std::string_view s) { return html_escape(s); }

}  // namespace

std::optional<KioskSeen> parse_fleet_line(std::string_view line) {
    // ip - user [time] "request" status bytes "referer" "user-agent"
    const auto sp = line.find(' ');
    const auto lb = line.find('['), rb = line.find(']');
    if (sp == std::string_view::npos || lb == std::string_view::npos || rb == std::string_view::npos || rb < lb) return std::nullopt;
    const auto q1 = line.find('"', rb);
    const auto q2 = q1 == std::string_view::npos ? q1 : line.find('"', q1 + 1);
    if (q2 == std::string_view::npos) return std::nullopt;
    const std::string_view request = line.substr(q1 + 1, q2 - q1 - 1);
    if (request.find(" /feed.json") == std::string_view::npos) return std::nullopt;
    // User-Agent: the last quoted field.
    const auto ua_end = line.rfind('"');
    const auto ua_start = ua_end == std::string_view::npos || ua_end == 0 ? ua_end : line.rfind('"', ua_end - 1);
    if (ua_start == std::string_view::npos || ua_start <= q2) return std::nullopt;
    const std::string_view ua = line.substr(ua_start + 1, ua_end - ua_start - 1);
    constexpr std::string_view prefix = "buurtkaart-kiosk/";
    if (!ua.starts_with(prefix)) return std::nullopt;
    KioskSeen k;
    const auto vend = ua.find_first_of(" (", prefix.size());
    k.app_version = std::string(ua.substr(prefix.size(), vend == std::string_view::npos ? ua.size() - prefix.size()
                                                                                          : vend - prefix.size()));
    k.id = field_of(ua, "id");
    if (k.id == "-") return std::nullopt;  // a kiosk without an id cannot be told apart
    k.feed_version = field_of(ua, "feed");
    k.signature = field_of(ua, "sig");
    k.address = std::string(line.substr(0, sp));
    auto t = parse_log_time(line.substr(lb + 1, rb - lb - 1));
    if (!t) return std::nullopt;
    k.last_poll = *t;
    k.last_status = std::atoi(std::string(line.substr(q2 + 2, 3)).c_str());
    k.polls = 1;
    return k;
}

std::expected<std::vector<KioskSeen>, Error> read_fleet_log(const std::filesystem::path& access_log) {
    std::map<std::string, KioskSeen> by_id;
    bool any_file = false;
    for (const auto& path : {std::filesystem::path(access_log.string() + ".1"), access_log}) {
        std::ifstream in(path);
        if (!in) continue;
        any_file = true;
        std::string line;
        while (std::getline(in, line)) {
            auto k = parse_fleet_line(line);
            if (!k) continue;
            auto [it, inserted] = by_id.emplace(k->id, *k);
            if (!inserted) {
                const int polls = it->second.polls + 1;
                if (k->last_poll >= it->second.last_poll) it->second = *k;
                it->second.polls = polls;
            }
        }
    }
    if (!any_file)
        return std::unexpected(Error{ErrorKind::Io, access_log.string() + ": cannot read the nginx access log"});
    std::vector<KioskSeen> out;
    for (auto& [id, k] : by_id) out.push_back(std::move(k));
    return out;
}

KioskState kiosk_state(const KioskSeen& k, std::string_view current, UtcTime now, int silent_hours) {
    if (now - k.last_poll > std::chrono::hours(silent_hours)) return KioskState::Silent;
    if (k.signature == "rejected") return KioskState::RejectsSignature;
    if (!current.empty() && k.feed_version != current) return KioskState::Behind;
    return KioskState::Current;
}

const char* to_dutch(KioskState s) {
    switch (s) {
        case KioskState::Current: return "actueel";
        case KioskState::Behind: return "loopt achter";
        case KioskState::RejectsSignature: return "weigert de handtekening";
        case KioskState::Silent: return "meldt zich niet";
    }
    return "?";
}

std::string format_fleet_html(const std::vector<KioskSeen>& kiosks, std::string_view current, UtcTime now,
                              int silent_hours) {
    std::ostringstream o;
    o << "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
         "content=\"width=device-width, initial-scale=1\"><title>Wijkagenda — kiosken</title><style>"
      << report_css()
      << "tr.s-1 td{color:#7f6000}tr.s-2 td,tr.s-3 td{color:#c0392b;font-weight:bold}</style></head><body>\n"
         "<nav><a href=\"index.html\">Laatste rapport</a><a href=\"geschiedenis.html\">Geschiedenis</a>"
         "<a href=\"wijzigingen.html\">Laatste wijzigingen</a><a href=\"kiosken.html\">Kiosken</a></nav>\n"
         "<h1>Kiosken</h1>\n<p>Gepubliceerde agendaversie: <code>"
      << esc(current.empty() ? "-" : current) << "</code>. Een kiosk die langer dan " << silent_hours
      << " uur niets heeft opgehaald, \"meldt zich niet\": kijk of hij aanstaat en internet heeft.</p>\n"
         "<table><tr><th>Kiosk</th><th>Toestand</th><th>Laatst opgehaald</th><th>Agendaversie</th>"
         "<th>Handtekening</th><th>Programmaversie</th><th>Adres</th><th>Verzoeken</th></tr>\n";
    std::vector<KioskSeen> sorted = kiosks;
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    for (const auto& k : sorted) {
        const KioskState s = kiosk_state(k, current, now, silent_hours);
        const LocalDateTime l = amsterdam_from_utc(k.last_poll);
        o << "<tr class=\"s-" << int(s) << "\"><td>" << esc(k.id) << "</td><td>" << to_dutch(s) << "</td><td>"
          << to_string(l.date) << " " << to_string(l.time) << " (" << k.last_status << ")</td><td><code>"
          << esc(k.feed_version) << "</code></td><td>" << esc(k.signature) << "</td><td>" << esc(k.app_version)
          << "</td><td>" << esc(k.address) << "</td><td>" << k.polls << "</td></tr>\n";
    }
    if (sorted.empty()) o << "<tr><td colspan=\"8\">Nog geen kiosk gezien in het logboek.</td></tr>\n";
    o << "</table>\n</body></html>\n";
    return o.str();
}

}  // namespace bk::data::publish
