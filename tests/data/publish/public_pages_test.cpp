// Public agenda pages and week posters (issue #11, item 19), served by a real nginx with the shipped site.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <curl/curl.h>

#include "data/publish/feed_builder.hpp"
#include "data/publish/feed_output.hpp"
#include "data/publish/poster.hpp"
#include "nginx_server.hpp"
#include "publish_test_util.hpp"

using namespace bk::data;
using namespace bk::data::publish;
using publish_test::TempDir;
using publish_test::write_text;

namespace {

std::string http_body(const std::string& url, long* status) {
    std::string body;
    CURL* c = curl_easy_init();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 5000L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, +[](char* p, size_t s, size_t n, void* u) {
        static_cast<std::string*>(u)->append(p, s * n);
        return s * n;
    });
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
    *status = 0;
    if (curl_easy_perform(c) == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
    curl_easy_cleanup(c);
    return body;
}

}  // namespace

TEST_CASE("public pages: per venue, neighbourhood, network and this week in six languages; A4 posters with a QR code") {
    TempDir dir("pages");
    write_text(dir / "venues.csv",
               "id;name;network;neighbourhood;address;lon;lat;kind\n"
               "huiskamer-de-schans;Huiskamer De Schans;Warme Buurthuiskamers;Tussendijken;Schansstraat 12;4,4412;51,9108;Buurthuiskamer\n"
               "buurthuis-spangen;Buurthuis Spangen;Delfshaven Lokaal;Spangen;Spaanseweg 1;4,4332;51,9196;Buurthuis\n");
    write_text(dir / "activities.csv",
               "id,venue,title,start,end,repeat,categories,cost\n"
               "koffie,huiskamer-de-schans,Koffieochtend,2026-11-02 10:00,12:00,wekelijks,koffie,gratis\n"
               "taal,buurthuis-spangen,Taalcafé,2026-11-25 19:00,20:30,,taal,\n");
    write_text(dir / "overrides.csv", "uid,titel_en,titel_ar\ntaal,Language café,مقهى اللغة\n");
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "activities": "activities.csv", "overrides": "overrides.csv",
      "geocoder": {"enabled": false}, "public_base_url": "https://wijkagenda.example.org"})");
    auto cfg = read_sources_file(dir / "sources.json");
    REQUIRE(cfg);
    const UtcTime now = std::chrono::sys_days{std::chrono::year{2026} / std::chrono::November / 23} + std::chrono::hours{10};
    auto built = build_feed(*cfg, {dir / "state", now});
    if (!built) FAIL(built.error().message);
    const auto t0 = std::chrono::steady_clock::now();
    auto rel = write_release(*built, {dir / "out", std::nullopt, now, true, true, cfg->public_base_url});
    if (!rel) FAIL(rel.error().message);
    MESSAGE("release with pages and 2 posters: "
            << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count() << " ms");
    REQUIRE(activate_release(*rel, dir / "out"));
    const auto cur = dir / "out" / "current";
    for (const char* lang : {"nl", "en", "tr", "ar", "pl", "pt"}) {
        CAPTURE(lang);
        CHECK(std::filesystem::exists(cur / "agenda" / lang / "index.html"));
        CHECK(std::filesystem::exists(cur / "agenda" / lang / "plek" / "huiskamer-de-schans.html"));
        CHECK(std::filesystem::exists(cur / "agenda" / lang / "buurt" / "botu.html"));
        CHECK(std::filesystem::exists(cur / "agenda" / lang / "netwerk" / "delfshaven-lokaal.html"));
    }
    const std::string nl = publish_test::read_text(cur / "agenda/nl/plek/huiskamer-de-schans.html");
    CHECK(nl.find("<html lang=\"nl\" dir=\"ltr\">") != std::string::npos);
    CHECK(nl.find("<h2>maandag 23 november</h2>") != std::string::npos);
    CHECK(nl.find("10:00–12:00") != std::string::npos);
    CHECK(nl.find("Koffieochtend") != std::string::npos);
    CHECK(nl.find("../../../ics/venue/huiskamer-de-schans.ics") != std::string::npos);
    CHECK(nl.find("../../../poster/huiskamer-de-schans.pdf") != std::string::npos);
    const std::string ar = publish_test::read_text(cur / "agenda/ar/buurt/spangen.html");
    CHECK(ar.find("dir=\"rtl\"") != std::string::npos);
    CHECK(ar.find("مقهى اللغة") != std::string::npos);  // the translation from the overrides sheet
    const std::string en = publish_test::read_text(cur / "agenda/en/index.html");
    CHECK(en.find("This week") != std::string::npos);
    CHECK(en.find("Language café") != std::string::npos);
    const std::string tr = publish_test::read_text(cur / "agenda/tr/index.html");
    CHECK(tr.find("Taalcafé") != std::string::npos);  // no Turkish translation: Dutch title
    // Posters: a one-page A4 PDF per venue.
    const std::string pdf = publish_test::read_text(cur / "poster" / "huiskamer-de-schans.pdf");
    CHECK(pdf.starts_with("%PDF-"));
    CHECK(pdf.find("/MediaBox [ 0 0 595.28 841.89 ]") != std::string::npos);
    // nginx with the shipped site file serves them; "/" is the residents' agenda.
    auto nginx = publish_test::NginxServer::start_site(publish_test::source_dir() / "assets/publish/nginx-wijkagenda.conf",
                                                       dir / "out", dir / "etc", dir / "nginx");
    if (!nginx) FAIL(nginx.error());
    long status = 0;
    CHECK(http_body((*nginx)->url("/"), &status).find("Wijkagenda Delfshaven") != std::string::npos);
    CHECK(status == 200);
    http_body((*nginx)->url("/agenda/pt/plek/buurthuis-spangen.html"), &status);
    CHECK(status == 200);
    CHECK(http_body((*nginx)->url("/poster/buurthuis-spangen.pdf"), &status).starts_with("%PDF-"));
    CHECK(status == 200);
}

TEST_CASE("poster: renders in well under a second and rasterises to A4 (pdftoppm)") {
    TempDir dir("poster");
    auto feed = std::make_shared<Feed>();
    Venue v;
    v.id = "huiskamer";
    v.name = "Huiskamer Met Een Heel Erg Lange Naam Die Niet Op Een Regel Past Aan De Schiedamseweg";
    v.address = "Schiedamseweg 1";
    feed->venues.push_back(v);
    for (int i = 0; i < 30; ++i) {
        Activity a;
        a.id = "a" + std::to_string(i);
        a.title = "Activiteit " + std::to_string(i) + " met een titel die veel te lang is om op één regel van het affiche te passen";
        a.audiences = {"iedereen"};
        a.categories = {"koffie"};
        a.schedule.start = {{2026, 11, 23 + i % 7}, {9 + i % 10, 0}};
        a.schedule.open_end = i % 5 == 0;
        if (i == 3) a.changes.push_back({{2026, 11, 26}, true, "ziek", {}, {}, {}, {}, {}, {}});
        feed->activities.push_back(a);
    }
    feed->finish();
    const auto t0 = std::chrono::steady_clock::now();
    auto pdf = render_week_poster(*feed, 0, {2026, 11, 23}, "https://wijkagenda.example.org/agenda/nl/plek/huiskamer.html");
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("poster render: " << ms << " ms, " << (pdf ? pdf->size() : 0) << " bytes");
    REQUIRE(pdf);
    CHECK(pdf->starts_with("%PDF-"));
    write_text(dir / "p.pdf", *pdf);
    if (std::system("command -v pdftoppm >/dev/null 2>&1") == 0) {
        const std::string cmd = "pdftoppm -r 30 -png -singlefile " + (dir / "p.pdf").string() + " " + (dir / "p").string();
        REQUIRE(std::system(cmd.c_str()) == 0);
        const std::string png = publish_test::read_text(dir / "p.png");
        REQUIRE(png.size() > 24);
        auto be32 = [&](std::size_t at) {
            return (unsigned(static_cast<unsigned char>(png[at])) << 24) | (unsigned(static_cast<unsigned char>(png[at + 1])) << 16) |
                   (unsigned(static_cast<unsigned char>(png[at + 2])) << 8) | unsigned(static_cast<unsigned char>(png[at + 3]));
        };
        CHECK(be32(16) == 249);  // 595.28 pt at 30 dpi, rounded up
        CHECK(be32(20) == 351);  // 841.89 pt
    } else {
        CHECK_MESSAGE(std::getenv("CI") == nullptr, "pdftoppm (poppler-utils) is needed to check the poster's page size");
    }
}
