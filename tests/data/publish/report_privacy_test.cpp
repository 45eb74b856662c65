// The coordinator's report is private (issue #11, item 18): built by the real wijkagenda executable,
// served by a real nginx on 127.0.0.1 with the shipped site file: /beheer/ only with basic auth,
// no report in the public release, and a calendar's secret address appears in no file at all.
#include <doctest/doctest.h>

#include <cstdio>
#include <curl/curl.h>
#include <sys/wait.h>

#include "nginx_server.hpp"
#include "publish_test_util.hpp"
#include "test_http_server.hpp"

using publish_test::TempDir;
using publish_test::write_text;

namespace {

struct Got {
    long status = 0;
    std::string body;
};

Got get(const std::string& url, const std::string& userpwd = {}) {
    Got g;
    CURL* c = curl_easy_init();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 5000L);
    if (!userpwd.empty()) curl_easy_setopt(c, CURLOPT_USERPWD, userpwd.c_str());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, +[](char* p, size_t s, size_t n, void* u) {
        static_cast<std::string*>(u)->append(p, s * n);
        return s * n;
    });
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &g.body);
    if (curl_easy_perform(c) == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &g.status);
    curl_easy_cleanup(c);
    return g;
}

int run_exe(const std::string& args, std::string& out) {
    const std::string cmd = std::string(WIJKAGENDA_EXE) + " " + args + " 2>&1";
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    const int status = ::pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("privacy: the report is served only behind basic auth and never shows a calendar's secret address") {
    TempDir dir("privacy");
    const std::string secret = "private-7f3a9c0d41e2b6a8c5d9e0f1a2b3c4d5";
    test_support::TestHttpServer google([](const test_support::HttpRequest& req) {
        test_support::HttpResponse r;
        if (req.path.find("/ok/") != std::string::npos) {
            r.body = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
                     "BEGIN:VEVENT\r\nUID:k@google.com\r\nSUMMARY:Koffieochtend\r\n"
                     "DTSTART;TZID=Europe/Amsterdam:20261201T100000\r\nDTEND;TZID=Europe/Amsterdam:20261201T120000\r\n"
                     "RRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        } else {
            r.status = 404;
            r.body = "Not Found";
        }
        return r;
    });
    write_text(dir / "venues.csv",
               "id;name;network;neighbourhood;address;lon;lat;kind\n"
               "huiskamer-de-schans;Huiskamer De Schans;Warme Buurthuiskamers;Tussendijken;Schansstraat 12;4,4412;51,9108;Buurthuiskamer\n");
    const std::string ok_url = google.url("/calendar/ical/ok/" + secret + "/basic.ics");
    const std::string gone_url = google.url("/calendar/ical/gone/" + secret + "/basic.ics");
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "geocoder": {"enabled": false}, "organisations": [
      {"id": "schans", "name": "Huiskamer De Schans", "ics": ")" + ok_url + R"(", "venue": "huiskamer-de-schans", "categories": ["koffie"]},
      {"id": "weg", "name": "Verdwenen agenda", "ics": ")" + gone_url + R"(", "venue": "huiskamer-de-schans"}]})");
    std::string out;
    REQUIRE(run_exe("build --sources " + (dir / "sources.json").string() + " --state " + (dir / "state").string() +
                        " --out " + (dir / "out").string() + " --no-geocode --now 2026-11-23T10:00:00Z",
                    out) == 0);
    CHECK(out.find(secret) == std::string::npos);
    CHECK(out.find("!! Verdwenen agenda (weg) [mislukt, niets gebruikt]") != std::string::npos);
    CHECK(out.find("wat te doen: Het agenda-adres bestaat niet meer.") != std::string::npos);
    CHECK(out.find("adres: 127.0.0.1:") != std::string::npos);
    // No file anywhere under the web root carries the secret.
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir / "out")) {
        if (!e.is_regular_file()) continue;
        CAPTURE(e.path());
        CHECK(publish_test::read_text(e.path()).find(secret) == std::string::npos);
    }
    write_text(dir / "etc" / "htpasswd", "coordinator:{PLAIN}geheim-wachtwoord\n");
    auto nginx = publish_test::NginxServer::start_site(publish_test::source_dir() / "assets/publish/nginx-wijkagenda.conf",
                                                       dir / "out", dir / "etc", dir / "nginx");
    if (!nginx) FAIL(nginx.error());
    CHECK(get((*nginx)->url("/feed.json")).status == 200);
    CHECK(get((*nginx)->url("/beheer/")).status == 401);
    CHECK(get((*nginx)->url("/beheer/report.txt")).status == 401);
    CHECK(get((*nginx)->url("/beheer/"), "coordinator:fout").status == 401);
    const Got report = get((*nginx)->url("/beheer/"), "coordinator:geheim-wachtwoord");
    CHECK(report.status == 200);
    CHECK(report.body.find("publicatierapport") != std::string::npos);
    CHECK(report.body.find("Verdwenen agenda") != std::string::npos);
    CHECK(get((*nginx)->url("/beheer/geschiedenis.html"), "coordinator:geheim-wachtwoord").status == 200);
    CHECK(get((*nginx)->url("/report.txt")).status == 404);
    CHECK(get((*nginx)->url("/report.html")).status == 404);
}
