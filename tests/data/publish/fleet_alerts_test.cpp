// Fleet view from nginx's access log (item 20) and once-per-problem alerts (item 17).
#include <doctest/doctest.h>

#include <curl/curl.h>

#include "data/publish/alerts.hpp"
#include "data/publish/feed_builder.hpp"
#include "data/publish/feed_output.hpp"
#include "data/publish/fleet.hpp"
#include "nginx_server.hpp"
#include "publish_test_util.hpp"

using namespace bk::data;
using namespace bk::data::publish;
using publish_test::TempDir;
using publish_test::write_text;

namespace {

UtcTime at(int day, int hour, int minute = 0) {
    using namespace std::chrono;
    return sys_days{year{2026} / November / std::chrono::day{unsigned(day)}} + hours{hour} + minutes{minute};
}

long get_as(const std::string& url, const std::string& user_agent) {
    CURL* c = curl_easy_init();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_USERAGENT, user_agent.c_str());
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 5000L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, +[](char*, size_t s, size_t n, void*) { return s * n; });
    long status = 0;
    if (curl_easy_perform(c) == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(c);
    return status;
}

const KioskSeen* find(const std::vector<KioskSeen>& ks, std::string_view id) {
    for (const auto& k : ks)
        if (k.id == id) return &k;
    return nullptr;
}

}  // namespace

TEST_CASE("fleet: kiosks identify themselves in the User-Agent; a real nginx logs it; behind, rejecting and silent kiosks show") {
    TempDir dir("fleet");
    write_text(dir / "venues.csv",
               "id;name;network;neighbourhood;address;lon;lat;kind\n"
               "huiskamer-de-schans;Huiskamer De Schans;Warme Buurthuiskamers;Tussendijken;Schansstraat 12;4,4412;51,9108;Buurthuiskamer\n");
    write_text(dir / "activities.csv", "id,venue,title,start,end,categories\nk,huiskamer-de-schans,Koffie,2026-12-01 10:00,12:00,koffie\n");
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "activities": "activities.csv", "geocoder": {"enabled": false}})");
    auto cfg = read_sources_file(dir / "sources.json");
    REQUIRE(cfg);
    auto built = build_feed(*cfg, {dir / "state", at(23, 10)});
    REQUIRE(built);
    auto rel = write_release(*built, {dir / "out", std::nullopt, at(23, 10), false, false, ""});
    REQUIRE(rel);
    REQUIRE(activate_release(*rel, dir / "out"));
    auto nginx = publish_test::NginxServer::start_site(publish_test::source_dir() / "assets/publish/nginx-wijkagenda.conf",
                                                       dir / "out", dir / "etc", dir / "nginx");
    if (!nginx) FAIL(nginx.error());
    const std::string current = "2026-11-23T10:00:00Z";
    const std::string url = (*nginx)->url("/feed.json");
    CHECK(get_as(url, "buurtkaart-kiosk/1.4.0 (id=schans-1; feed=-; sig=-)") == 200);
    CHECK(get_as(url, "buurtkaart-kiosk/1.4.2 (id=schans-1; feed=" + current + "; sig=ok)") == 200);
    CHECK(get_as(url, "buurtkaart-kiosk/1.3.9 (id=spangen-2; feed=2026-11-20T08:00:00Z; sig=ok)") == 200);
    CHECK(get_as(url, "buurtkaart-kiosk/1.4.2 (id=hofplein-3; feed=2026-11-20T08:00:00Z; sig=rejected)") == 200);
    CHECK(get_as(url, "Mozilla/5.0 (X11; Linux x86_64)") == 200);              // a browser: not a kiosk
    CHECK(get_as((*nginx)->url("/agenda/"), "buurtkaart-kiosk/1.4.2 (id=x; feed=-; sig=-)") != 0);  // not the feed
    nginx->reset();  // stop nginx: the log is flushed
    auto kiosks = read_fleet_log(dir / "nginx" / "logs" / "access.log");
    if (!kiosks) FAIL(kiosks.error().message);
    REQUIRE(kiosks->size() == 3);
    const KioskSeen* schans = find(*kiosks, "schans-1");
    REQUIRE(schans);
    CHECK(schans->app_version == "1.4.2");  // the last request counts
    CHECK(schans->feed_version == current);
    CHECK(schans->signature == "ok");
    CHECK(schans->polls == 2);
    CHECK(schans->address == "127.0.0.1");
    const UtcTime now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    CHECK(kiosk_state(*schans, current, now, 2) == KioskState::Current);
    CHECK(kiosk_state(*find(*kiosks, "spangen-2"), current, now, 2) == KioskState::Behind);
    CHECK(kiosk_state(*find(*kiosks, "hofplein-3"), current, now, 2) == KioskState::RejectsSignature);
    CHECK(kiosk_state(*schans, current, now + std::chrono::hours(3), 2) == KioskState::Silent);
    const std::string html = format_fleet_html(*kiosks, current, now, 2);
    CHECK(html.find("<td>spangen-2</td><td>loopt achter</td>") != std::string::npos);
    CHECK(html.find("<td>hofplein-3</td><td>weigert de handtekening</td>") != std::string::npos);
    CHECK(html.find("<td>schans-1</td><td>actueel</td>") != std::string::npos);
    // A line from the log as nginx writes it, with a time zone offset.
    auto k = parse_fleet_line(R"L(10.0.0.7 - - [23/Nov/2026:11:00:00 +0100] "GET /feed.json HTTP/1.1" 304 0 "-" "buurtkaart-kiosk/2.0 (id=a; feed=-; sig=unsigned)")L");
    REQUIRE(k);
    CHECK(k->last_poll == at(23, 10));
    CHECK(k->last_status == 304);
    CHECK_FALSE(parse_fleet_line("garbage"));
}

TEST_CASE("alerts: the notify command runs once when a problem appears and once when it is solved; Atom feed of problems") {
    TempDir dir("alerts");
    const auto sent = dir / "sent.txt";
    AlertSettings s{"cat >> " + sent.string() + " && echo \"== $WIJKAGENDA_SLEUTEL\" >> " + sent.string(), 24, 2};
    BuildResult b;
    SourceReport bad;
    bad.id = "jutter";
    bad.label = "Huiskamer De Jutter";
    bad.status = SourceStatus::LastGood;
    bad.last_good_saved_at = "2026-11-21T09:00:00Z";
    bad.problems = {"https://calendar.google.com/calendar/ical/x/private-abc123/basic.ics: HTTP status 404 (expected 200, or 304 Not Modified)"};
    b.sources.push_back(bad);
    KioskSeen quiet;
    quiet.id = "spangen-2";
    quiet.last_poll = at(23, 6);
    quiet.feed_version = "v";
    quiet.signature = "ok";
    std::vector<KioskSeen> kiosks{quiet};
    auto problems = current_problems(&b, "", &kiosks, s, at(23, 10), "v");
    REQUIRE(problems.size() == 3);  // fails, stale (> 24 h), kiosk silent (> 2 h)
    auto first = update_alerts(dir / "state", dir / "beheer", problems, s, at(23, 10));
    REQUIRE(first);
    CHECK(first->opened.size() == 3);
    CHECK(first->command_failures == 0);
    std::string mail = publish_test::read_text(sent);
    CHECK(mail.find("Wijkagenda: agenda van Huiskamer De Jutter is niet op te halen") != std::string::npos);
    CHECK(mail.find("Het agenda-adres bestaat niet meer.") != std::string::npos);
    CHECK(mail.find("private-abc123") == std::string::npos);  // never the secret address
    CHECK(mail.find("== kiosk:spangen-2:stil") != std::string::npos);
    // Five minutes later, same problems: nothing is sent again.
    auto again = update_alerts(dir / "state", dir / "beheer", problems, s, at(23, 10, 5));
    REQUIRE(again);
    CHECK(again->opened.empty());
    CHECK(publish_test::read_text(sent) == mail);
    // The kiosk is back: one "solved" message.
    problems.pop_back();
    auto later = update_alerts(dir / "state", dir / "beheer", problems, s, at(23, 10, 10));
    REQUIRE(later);
    REQUIRE(later->solved.size() == 1);
    CHECK(publish_test::read_text(sent).substr(mail.size()).starts_with("Opgelost: kiosk spangen-2 meldt zich niet"));
    const std::string atom = publish_test::read_text(dir / "beheer" / "meldingen.atom");
    CHECK(atom.find("<feed xmlns=\"http://www.w3.org/2005/Atom\"") != std::string::npos);
    CHECK(atom.find("<title>Opgelost: kiosk spangen-2 meldt zich niet</title>") != std::string::npos);
    CHECK(atom.find("private-abc123") == std::string::npos);
    // A failing command is counted, not fatal.
    AlertSettings broken{"exit 3", 24, 2};
    auto r = update_alerts(dir / "state2", dir / "beheer2", problems, broken, at(23, 11));
    REQUIRE(r);
    CHECK(r->command_failures == 2);
}
