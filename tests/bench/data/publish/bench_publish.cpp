// bench_publish — what `wijkagenda build` costs at district scale, and what serving it costs.
//
// 1. Build: 80 organisation calendars (ICS generated here, 250 events each = 20,000 activities, TZID,
//    RRULE, EXDATE, folded lines) for the 60 sample venues, fetched over HTTP from a local nginx
//    (conditional GET), then write_release (feed, gzip, signature, ICS per venue/network).
//    Prints wall time per phase and peak RSS (VmHWM). A second build shows the all-304 case.
// 2. Scale: 60 kiosks polling every minute = 86,400 requests/day. Measures the real response sizes
//    of nginx for a 200 (gzip) and a 304, prints bytes/day for both, and times a bounded burst of
//    conditional GETs on 127.0.0.1 to show the request rate one small server sustains.
// Needs /usr/sbin/nginx for the HTTP parts; without it the calendars are read as files and the
// scale part is computed from typical header sizes. Prints figures only; asserts nothing.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "curl_probe.hpp"
#include "data/atomic_file.hpp"
#include "data/publish/feed_builder.hpp"
#include "data/publish/feed_output.hpp"
#include "data/publish/feed_signature.hpp"
#include "data/publish/sources_file.hpp"
#include "nginx_server.hpp"

using namespace bk::data;
using namespace bk::data::publish;
using Steady = std::chrono::steady_clock;

namespace {

constexpr int kOrganisations = 80;
constexpr int kEventsPerCalendar = 250;  // 80 × 250 = 20,000 activities
constexpr int kKiosks = 60;
constexpr int kPollsPerDay = 24 * 60;

double ms_since(Steady::time_point t0) {
    return std::chrono::duration<double, std::milli>(Steady::now() - t0).count();
}

// Process CPU time in ms: on a shared 2-core machine wall time also counts other processes.
double cpu_ms() { return 1000.0 * double(std::clock()) / CLOCKS_PER_SEC; }

long vm_hwm_kb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
    return -1;
}

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Venue ids and names from the sample venues sheet (first two columns).
std::vector<std::pair<std::string, std::string>> sample_venues(const std::string& csv) {
    std::vector<std::pair<std::string, std::string>> out;
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        auto a = line.find(';'), b = line.find(';', a + 1);
        if (a == std::string::npos || b == std::string::npos) continue;
        out.emplace_back(line.substr(0, a), line.substr(a + 1, b - a - 1));
    }
    return out;
}

std::string fold(const std::string& line) {
    std::string out;
    for (std::size_t i = 0; i < line.size(); i += 74) out += (i ? "\r\n " : "") + line.substr(i, 74);
    return out + "\r\n";
}

std::string calendar(int org, const std::vector<std::pair<std::string, std::string>>& venues) {
    static const char* days[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    static const char* cats[] = {"Koffie", "Taal", "Maaltijd", "Sport", "Creatief", "Spreekuur"};
    std::string s = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//wijkagenda//NL\r\nX-WR-CALNAME:Organisatie " +
                    std::to_string(org) +
                    "\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
                    "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\n"
                    "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
                    "END:STANDARD\r\nEND:VTIMEZONE\r\n";
    char buf[256];
    for (int e = 0; e < kEventsPerCalendar; ++e) {
        const int day = 1 + (e * 7 + org) % 28, month = 1 + (e / 28) % 12, hour = 9 + (e + org) % 11;
        s += "BEGIN:VEVENT\r\n";
        std::snprintf(buf, sizeof buf, "UID:org%02d-ev%03d@bench.example.org\r\nDTSTAMP:20261101T080000Z\r\n", org, e);
        s += buf;
        std::snprintf(buf, sizeof buf, "DTSTART;TZID=Europe/Amsterdam:2027%02d%02dT%02d%02d00\r\nDTEND;TZID=Europe/Amsterdam:2027%02d%02dT%02d%02d00\r\n",
                      month, day, hour, (e % 2) * 30, month, day, hour + 1, (e % 2) * 30);
        s += buf;
        s += "SUMMARY:Activiteit " + std::to_string(e) + " van organisatie " + std::to_string(org) + "\r\n";
        s += fold("DESCRIPTION:Een activiteit voor de buurt met koffie\\, thee en een praatje. Iedereen is welkom; "
                  "neem gerust iemand mee. Aanmelden is niet nodig. Vragen? Loop binnen of bel het buurthuis.");
        if (e % 3 == 0) s += "LOCATION:" + venues[static_cast<std::size_t>((org * 7 + e) % int(venues.size()))].second + "\r\n";
        if (e % 5 < 3) {
            s += std::string("RRULE:FREQ=WEEKLY;BYDAY=") + days[e % 7] + ";COUNT=30\r\n";
            if (e % 10 == 0) {
                std::snprintf(buf, sizeof buf, "EXDATE;TZID=Europe/Amsterdam:2027%02d%02dT%02d%02d00\r\n", month, day, hour, (e % 2) * 30);
                s += buf;
            }
        }
        s += std::string("CATEGORIES:") + cats[e % 6] + "\r\nEND:VEVENT\r\n";
    }
    return s + "END:VCALENDAR\r\n";
}

}  // namespace

int main() {
    const auto root = std::filesystem::temp_directory_path() / ("bench_publish_" + std::to_string(::getpid()));
    std::filesystem::remove_all(root);
    std::filesystem::create_directories(root / "src" / "calendars");
    const std::string venues_csv = read_all(std::filesystem::path(BUURTKAART_SOURCE_DIR) / "assets/publish/venues.csv");
    const auto venues = sample_venues(venues_csv);
    if (venues.empty()) {
        std::cerr << "bench_publish: assets/publish/venues.csv not found or empty\n";
        return 1;
    }
    std::ofstream(root / "src" / "venues.csv", std::ios::binary) << venues_csv;
    std::size_t ics_bytes = 0;
    auto t0 = Steady::now();
    for (int org = 0; org < kOrganisations; ++org) {
        const std::string ics = calendar(org, venues);
        ics_bytes += ics.size();
        std::ofstream(root / "src" / "calendars" / ("org-" + std::to_string(org) + ".ics"), std::ios::binary) << ics;
    }
    std::printf("generated %d calendars, %d events, %.1f MB ICS in %.0f ms\n", kOrganisations,
                kOrganisations * kEventsPerCalendar, ics_bytes / 1e6, ms_since(t0));

    auto nginx = publish_test::NginxServer::start(root, root / "nginx");
    if (!nginx) std::printf("nginx unavailable (%s): calendars read as files, scale part computed\n", nginx.error().c_str());
    std::string orgs;
    for (int org = 0; org < kOrganisations; ++org) {
        const std::string path = "calendars/org-" + std::to_string(org) + ".ics";
        const std::string where = nginx ? (*nginx)->url("/src/" + path) : path;
        orgs += std::string(org ? ",\n" : "") + "{\"id\": \"org-" + std::to_string(org) + "\", \"ics\": \"" + where +
                "\", \"venue\": \"" + venues[static_cast<std::size_t>(org % int(venues.size()))].first + "\"}";
    }
    std::ofstream(root / "src" / "sources.json") << "{\"venues\": \"venues.csv\", \"geocoder\": {\"enabled\": false},\n"
                                                    "\"fetch\": {\"max_bytes\": 16777216},\n\"window\": {\"months_back\": 1, \"months_ahead\": 14},\n"
                                                    "\"organisations\": [" << orgs << "]}\n";
    auto cfg = read_sources_file(root / "src" / "sources.json");
    if (!cfg) {
        std::cerr << "bench_publish: " << cfg.error().message << "\n";
        return 1;
    }
    const UtcTime now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const SigningKey key = generate_signing_key("bench");

    t0 = Steady::now();
    double c0 = cpu_ms();
    auto built = build_feed(*cfg, {root / "state", now, false});
    const double build_ms = ms_since(t0), build_cpu = cpu_ms() - c0;
    if (!built) {
        std::cerr << "bench_publish: build failed: " << built.error().message << "\n";
        return 1;
    }
    int failed = 0;
    for (const auto& s : built->sources) failed += s.status == SourceStatus::Failed || s.status == SourceStatus::LastGood;
    std::printf("build (cold, %s): %zu venues, %zu activities, %d failing sources, %.0f ms wall, %.0f ms CPU "
                "(fetch + ICS import + validate)\n",
                nginx ? "HTTP 200 from nginx" : "files", built->feed->venues.size(), built->feed->activities.size(), failed,
                build_ms, build_cpu);
    t0 = Steady::now();
    c0 = cpu_ms();
    auto rel = write_release(*built, {root / "out", key, now});
    if (!rel || !activate_release(*rel, root / "out")) {
        std::cerr << "bench_publish: release failed\n";
        return 1;
    }
    std::printf("release: feed %.2f MB, gzip %.2f MB, signed, %zu ICS files, %zu public pages + posters, %.0f ms wall, "
                "%.0f ms CPU\n",
                rel->feed_bytes / 1e6, rel->gzip_bytes / 1e6, rel->ics_files.size(), rel->page_files.size(), ms_since(t0),
                cpu_ms() - c0);
    if (auto r = remember_published_feed(root / "state", built->feed_json); !r) std::cerr << r.error().message << "\n";
    t0 = Steady::now();
    c0 = cpu_ms();
    auto warm = build_feed(*cfg, {root / "state", now + std::chrono::minutes(5), false});
    if (warm) {
        int not_modified = 0;
        for (const auto& s : warm->sources) not_modified += s.status == SourceStatus::NotModified;
        std::printf("build (warm, %d of %d sources 304 Not Modified): %.0f ms wall, %.0f ms CPU, unchanged=%s\n",
                    not_modified, int(warm->sources.size()) - 1, ms_since(t0), cpu_ms() - c0, warm->unchanged ? "yes" : "no");
    }
    std::printf("peak RSS (VmHWM): %.1f MB\n", vm_hwm_kb() / 1024.0);

    // ---- scale: 60 kiosks × 1 poll per minute ----
    const double requests = double(kKiosks) * kPollsPerDay;
    double resp_200 = 0, resp_304 = 0, req_bytes = 0;
    if (nginx) {
        const std::string url = (*nginx)->url("/out/current/feed.json");
        auto full = publish_test::probe_get(url);
        auto cond = publish_test::probe_get(url, full.etag);
        resp_200 = double(full.header_bytes + full.body_bytes);
        resp_304 = double(cond.header_bytes + cond.body_bytes);
        std::printf("nginx: 200 = %zu header + %zu body bytes (gzip), 304 = %zu header bytes, ETag %s\n", full.header_bytes,
                    full.body_bytes, cond.header_bytes, full.etag.c_str());
        // A kiosk's conditional request: GET line, Host, User-Agent, Accept, Accept-Encoding, If-None-Match.
        req_bytes = double(std::string("GET /feed.json HTTP/1.1\r\nHost: wijkagenda.example.org\r\nUser-Agent: buurtkaart-kiosk/1\r\n"
                                       "Accept: */*\r\nAccept-Encoding: deflate, gzip\r\nIf-None-Match: " + full.etag + "\r\n\r\n")
                               .size());
        constexpr int kBurst = 2000;  // bounded, loopback only, stops by itself
        t0 = Steady::now();
        int ok = 0;
        for (int i = 0; i < kBurst; ++i) ok += publish_test::probe_get(url, full.etag).status == 304;
        const double s = ms_since(t0) / 1000.0;
        std::printf("burst: %d conditional GETs (new connection each) in %.2f s = %.0f req/s on 1 worker; 304s: %d\n", kBurst,
                    s, kBurst / s, ok);
        std::printf("       one day of 60 kiosks (%.0f requests) ≈ %.1f s of that worker's time\n", requests, requests / (kBurst / s));
    } else {
        resp_200 = 250.0 + double(rel->gzip_bytes);
        resp_304 = 180.0;
        req_bytes = 200.0;
    }
    const double changes_per_day = 24;  // e.g. an organisation edits its calendar about once an hour
    std::printf("scale: %d kiosks x %d polls/day = %.0f requests/day (%.2f req/s average)\n", kKiosks, kPollsPerDay, requests,
                requests / 86400.0);
    std::printf("  all 304 (no change all day):   %.1f MB/day out + %.1f MB/day in\n", requests * resp_304 / 1e6,
                requests * req_bytes / 1e6);
    std::printf("  %.0f changes/day (60 full 200s + .sig each): %.1f MB/day out\n", changes_per_day,
                ((requests - changes_per_day * kKiosks) * resp_304 + changes_per_day * kKiosks * (resp_200 + 300)) / 1e6);
    std::printf("  without conditional GET (always 200 gzip): %.1f MB/day out; without gzip too: %.1f MB/day\n",
                requests * resp_200 / 1e6, requests * double(rel->feed_bytes) / 1e6);
    if (std::getenv("BENCH_PUBLISH_KEEP")) std::printf("kept %s\n", root.c_str());
    else std::filesystem::remove_all(root);
    return 0;
}
