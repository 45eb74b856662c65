// Moderation (issue #11, item 15): the coordinator's overrides sheet, applied on every build.
#include <doctest/doctest.h>

#include <algorithm>

#include "data/feed_parser.hpp"
#include "data/publish/build_report.hpp"
#include "data/publish/feed_builder.hpp"
#include "data/recurrence.hpp"
#include "publish_test_util.hpp"

using namespace bk::data;
using namespace bk::data::publish;
using publish_test::TempDir;
using publish_test::write_text;

namespace {

UtcTime nov23() {
    using namespace std::chrono;
    return sys_days{year{2026} / November / 23} + hours{10};
}

const Activity* titled(const Feed& f, std::string_view t) {
    for (const auto& a : f.activities)
        if (a.title == t) return &a;
    return nullptr;
}

bool has(const std::vector<std::string>& v, std::string_view a, std::string_view b = {}) {
    return std::any_of(v.begin(), v.end(), [&](const std::string& s) {
        return s.find(a) != std::string::npos && s.find(b) != std::string::npos;
    });
}

}  // namespace

TEST_CASE("moderation: hide by UID or by source + title pattern + date, fix category/venue/audience/language, pin, translate") {
    TempDir dir("moderation");
    write_text(dir / "venues.csv",
               "id;name;network;neighbourhood;address;lon;lat;kind\n"
               "huiskamer-de-schans;Huiskamer De Schans;Warme Buurthuiskamers;Tussendijken;Schansstraat 12;4,4412;51,9108;Buurthuiskamer\n"
               "buurthuis-spangen;Buurthuis Spangen;Delfshaven Lokaal;Spangen;Spaanseweg 1;4,4332;51,9196;Buurthuis\n");
    auto ev = [](const std::string& body) { return "BEGIN:VEVENT\r\n" + body + "END:VEVENT\r\n"; };
    write_text(dir / "org.ics",
               "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//NL\r\n" +
                   ev("UID:spam-1@x\r\nSUMMARY:Gratis iPhone!!\r\nDTSTART;TZID=Europe/Amsterdam:20261201T100000\r\n") +
                   ev("UID:bingo@x\r\nSUMMARY:Bingo\r\nDTSTART;TZID=Europe/Amsterdam:20261203T140000\r\nRRULE:FREQ=WEEKLY\r\n") +
                   ev("UID:koffie@x\r\nSUMMARY:Koffie-ochtend\r\nDTSTART;TZID=Europe/Amsterdam:20261202T100000\r\nRRULE:FREQ=WEEKLY\r\n") +
                   ev("UID:taal@x\r\nSUMMARY:Taalcafé\r\nDESCRIPTION:Nederlands oefenen\r\n"
                      "DTSTART;TZID=Europe/Amsterdam:20261204T190000\r\nRRULE:FREQ=WEEKLY\r\n") +
                   "END:VCALENDAR\r\n");
    write_text(dir / "overrides.csv",
               "uid;bron;titel;datum;actie;categorie;doelgroep;plek;taal;titel_en;omschrijving_en;titel_tr;opmerking\n"
               "spam-1@x;;;;verbergen;;;;;;;;spam\n"
               ";org;bing*;24-12-2026;verbergen;;;;;;;;kerst\n"
               ";;koffie-ochtend;;uitlichten;Koffie, Gespreksgroep;Ouderen;Buurthuis Spangen;nl, tr;;;;\n"
               ";;taalcafe;;;;;;;Language café;Practise your Dutch;Dil kafesi;\n"
               ";;Yoga*;;verbergen;;;;;;;;bestaat niet\n"
               ";;Bingo;;;karaoke;;;;;;;typo\n");
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "geocoder": {"enabled": false}, "overrides": "overrides.csv",
      "organisations": [{"id": "org", "ics": "org.ics", "venue": "huiskamer-de-schans", "categories": ["spel"]}]})");
    auto cfg = read_sources_file(dir / "sources.json");
    REQUIRE(cfg);
    auto built = build_feed(*cfg, {dir / "state", nov23()});
    if (!built) FAIL(built.error().message);
    const Feed& f = *built->feed;
    CHECK_FALSE(titled(f, "Gratis iPhone!!"));
    const Activity* bingo = titled(f, "Bingo");
    REQUIRE(bingo);
    CHECK(bingo->schedule.exdates == std::vector<LocalDate>{{2026, 12, 24}});
    const Activity* koffie = titled(f, "Koffie-ochtend");
    REQUIRE(koffie);
    CHECK(koffie->highlighted);
    CHECK(koffie->categories == std::vector<std::string>{"koffie", "gespreksgroep"});
    CHECK(koffie->audiences == std::vector<std::string>{"ouderen"});
    CHECK(f.venues[koffie->venue].id == "buurthuis-spangen");
    CHECK(koffie->languages == std::vector<std::string>{"nl", "tr"});
    const Activity* taal = titled(f, "Taalcafé");
    REQUIRE(taal);
    REQUIRE(taal->translations.size() == 2);
    CHECK(taal->translations.at("en").title == "Language café");
    CHECK(taal->translations.at("en").description == "Practise your Dutch");
    CHECK(taal->translations.at("tr").title == "Dil kafesi");
    // Through the kiosk's parser: the translations and the pin survive (feed 1.1, optional fields).
    CHECK(built->feed_json.find(R"("translations":{"en":{"description":"Practise your Dutch","title":"Language café"})") !=
          std::string::npos);
    CHECK(built->feed_json.find(R"("highlight":true)") != std::string::npos);
    // The report shows what was done, and what did not apply.
    CHECK(has(built->moderation, "overrides.csv:2: verborgen: \"Gratis iPhone!!\" (2026-12-01)"));
    CHECK(has(built->moderation, "overrides.csv:3: verborgen op 2026-12-24: \"Bingo\""));
    CHECK(has(built->moderation, "\"Koffie-ochtend\"", "uitgelicht, categorie → Koffie & inloop, Gespreksgroep"));
    CHECK(has(built->moderation, "\"Taalcafé\"", "vertaling en, vertaling tr"));
    const SourceReport* rep = nullptr;
    for (const auto& s : built->sources)
        if (s.id == "overrides") rep = &s;
    REQUIRE(rep);
    CHECK(has(rep->warnings, "overrides.csv:6: past op geen enkele activiteit (titel \"yoga*\")"));
    CHECK(has(rep->warnings, "overrides.csv:7: categorie \"karaoke\" onbekend"));
    const std::string text = format_report_text(*built, diff_feeds("", built->feed_json), nullptr, nov23());
    CHECK(text.find("== Aanpassingen uit het correctieblad (4)") != std::string::npos);
}

TEST_CASE("moderation: translations round-trip through the feed parser; a bad language key is an error") {
    TempDir dir("tr");
    write_text(dir / "venues.csv",
               "id;name;network;neighbourhood;address;lon;lat;kind\n"
               "huiskamer-de-schans;Huiskamer De Schans;Warme Buurthuiskamers;Tussendijken;Schansstraat 12;4,4412;51,9108;Buurthuiskamer\n");
    write_text(dir / "activities.csv", "id,venue,title,start,end,categories\nkoffie,huiskamer-de-schans,Koffie,2026-12-01 10:00,12:00,koffie\n");
    write_text(dir / "overrides.csv", "uid,titel_ar,omschrijving_pl\nkoffie,قهوة,Kawa i rozmowa\n");
    write_text(dir / "sources.json", R"({"venues": "venues.csv", "activities": "activities.csv", "overrides": "overrides.csv", "geocoder": {"enabled": false}})");
    auto cfg = read_sources_file(dir / "sources.json");
    REQUIRE(cfg);
    auto built = build_feed(*cfg, {dir / "state", nov23()});
    if (!built) FAIL(built.error().message);
    auto parsed = parse_feed(built->feed_json, "feed.json");
    REQUIRE(parsed);
    const Activity& a = (*parsed)->activities.at(0);
    CHECK(a.translations.at("ar").title == "قهوة");
    CHECK(a.translations.at("pl").description == "Kawa i rozmowa");
    std::string bad = built->feed_json;
    bad.replace(bad.find("\"ar\":"), 5, "\"Arabic\":");
    auto rejected = parse_feed(bad, "bad.json");
    REQUIRE_FALSE(rejected);
    CHECK(rejected.error().message.find("/activities/0/translations/Arabic: expected a language code") != std::string::npos);
}
