#include <doctest/doctest.h>

#include <algorithm>

#include "data/feed_parser.hpp"
#include "data/ics_import.hpp"
#include "data/recurrence.hpp"
#include "test_feeds.hpp"

using namespace bk::data;
using test_feeds::utc;

namespace {

FeedPtr venues_feed() {
    auto r = parse_feed(test_feeds::feed_with("[]"), "venues.json");
    REQUIRE(r);
    return *r;
}

// Weekly Monday 10:00 Europe/Amsterdam from 2 March 2026 with EXDATE 16 March, an override that
// cancels 23 March and one that moves 30 March (the day after DST starts) to 13:00; plus a
// UTC one-off, an all-day event, a cancelled event and one in Europe/London.
const char* kIcs = "BEGIN:VCALENDAR\r\n"
                   "VERSION:2.0\r\n"
                   "PRODID:-//buurtkaart//test//NL\r\n"
                   "BEGIN:VEVENT\r\n"
                   "UID:koffie-1@example.org\r\n"
                   "SUMMARY:Koffie-inloop\r\n"
                   "DESCRIPTION:Iedereen welkom\r\n"
                   "ORGANIZER;CN=Stichting Buurt:mailto:info@example.org\r\n"
                   "CATEGORIES:Koffie,Gespreksgroep\r\n"
                   "X-BUURTKAART-AUDIENCE:ouderen\r\n"
                   "X-BUURTKAART-VENUE:speeltuin-b\r\n"
                   "DTSTART;TZID=Europe/Amsterdam:20260302T100000\r\n"
                   "DTEND;TZID=Europe/Amsterdam:20260302T113000\r\n"
                   "RRULE:FREQ=WEEKLY;BYDAY=MO\r\n"
                   "EXDATE;TZID=Europe/Amsterdam:20260316T100000\r\n"
                   "END:VEVENT\r\n"
                   "BEGIN:VEVENT\r\n"
                   "UID:koffie-1@example.org\r\n"
                   "RECURRENCE-ID;TZID=Europe/Amsterdam:20260323T100000\r\n"
                   "STATUS:CANCELLED\r\n"
                   "COMMENT:Gaat vandaag niet door\r\n"
                   "DTSTART;TZID=Europe/Amsterdam:20260323T100000\r\n"
                   "END:VEVENT\r\n"
                   "BEGIN:VEVENT\r\n"
                   "UID:koffie-1@example.org\r\n"
                   "RECURRENCE-ID;TZID=Europe/Amsterdam:20260330T100000\r\n"
                   "DTSTART;TZID=Europe/Amsterdam:20260330T130000\r\n"
                   "DTEND;TZID=Europe/Amsterdam:20260330T143000\r\n"
                   "LOCATION:Huiskamer Cafe Aan de Singel\\, Singelstraat 1\r\n"
                   "COMMENT:Deze keer 's middags\r\n"
                   "END:VEVENT\r\n"
                   "BEGIN:VEVENT\r\n"
                   "UID:markt-2\r\n"
                   "SUMMARY:Buurtmarkt\r\n"
                   "LOCATION:Singelstraat 1\\, Rotterdam\r\n"
                   "DTSTART:20260328T090000Z\r\n"
                   "DURATION:PT4H\r\n"
                   "END:VEVENT\r\n"
                   "BEGIN:VEVENT\r\n"
                   "UID:dag-3\r\n"
                   "SUMMARY:Burendag\r\n"
                   "DTSTART;VALUE=DATE:20260926\r\n"
                   "DTEND;VALUE=DATE:20260927\r\n"
                   "END:VEVENT\r\n"
                   "BEGIN:VEVENT\r\n"
                   "UID:weg-4\r\n"
                   "SUMMARY:Lezing\r\n"
                   "STATUS:CANCELLED\r\n"
                   "DTSTART;TZID=Europe/Amsterdam:20260410T200000\r\n"
                   "END:VEVENT\r\n"
                   "BEGIN:VEVENT\r\n"
                   "UID:london-5\r\n"
                   "SUMMARY:Videobel met Londen\r\n"
                   "DTSTART;TZID=Europe/London:20260115T090000\r\n"
                   "END:VEVENT\r\n"
                   "END:VCALENDAR\r\n";

}  // namespace

TEST_CASE("ICS with RRULE, EXDATE, TZID and RECURRENCE-ID overrides expands correctly") {
    FeedPtr base = venues_feed();
    IcsImportOptions opt;
    opt.venues = base->venues;
    opt.default_venue_id = "huiskamer-a";
    auto r = import_ics(kIcs, "test.ics", opt);
    REQUIRE_MESSAGE(r, (r ? "" : r.error().message));
    REQUIRE(r->activities.size() == 5);
    const Activity& k = r->activities[0];
    CHECK(k.id == "ics-koffie-1-example.org");
    CHECK(k.title == "Koffie-inloop");
    CHECK(k.organiser == "Stichting Buurt");
    CHECK(k.venue == 1);  // X-BUURTKAART-VENUE
    CHECK(k.categories == std::vector<std::string>{"koffie", "gespreksgroep"});
    CHECK(k.audiences == std::vector<std::string>{"ouderen"});
    CHECK(k.schedule.duration_min == 90);
    CHECK(k.schedule.exdates == std::vector<LocalDate>{{2026, 3, 16}});
    REQUIRE(k.changes.size() == 2);

    auto feed = std::make_shared<Feed>();
    feed->venues = base->venues;
    feed->activities = r->activities;
    feed->finish();
    auto occ = expand_activity(*feed, 0, utc(2026, 3, 1), utc(2026, 4, 1));
    REQUIRE(occ.size() == 4);  // 2, 9, 23 (cancelled), 30 (moved); 16 excluded
    CHECK(occ[0].start_utc == utc(2026, 3, 2, 9));
    CHECK(occ[1].start_local.date == LocalDate{2026, 3, 9});
    CHECK(occ[2].cancelled);
    CHECK(occ[2].cancel_reason == "Gaat vandaag niet door");
    CHECK(occ[3].start_local == LocalDateTime{{2026, 3, 30}, {13, 0}});
    CHECK(occ[3].start_utc == utc(2026, 3, 30, 11));  // CEST
    CHECK(occ[3].venue == 0);                         // LOCATION matched the venue name
    CHECK(occ[3].note == "Deze keer 's middags");
    CHECK(occ[3].changed);
}

TEST_CASE("ICS UTC, all-day, cancelled and foreign-zone events map to Amsterdam time") {
    FeedPtr base = venues_feed();
    IcsImportOptions opt;
    opt.venues = base->venues;
    opt.default_venue_id = "speeltuin-b";
    auto r = import_ics(kIcs, "test.ics", opt);
    REQUIRE(r);
    const auto& markt = r->activities[1];
    CHECK(markt.venue == 0);  // LOCATION matched the address
    CHECK(markt.schedule.start == LocalDateTime{{2026, 3, 28}, {10, 0}});
    CHECK(markt.schedule.duration_min == 240);
    const auto& dag = r->activities[2];
    CHECK(dag.venue == 1);  // default venue
    CHECK(dag.schedule.all_day);
    CHECK(dag.schedule.duration_min == 1440);
    CHECK(r->activities[3].cancelled);
    CHECK(r->activities[4].schedule.start == LocalDateTime{{2026, 1, 15}, {10, 0}});
}

TEST_CASE("ICS events without a venue are skipped with a warning") {
    FeedPtr base = venues_feed();
    IcsImportOptions opt;
    opt.venues = base->venues;
    auto r = import_ics(kIcs, "test.ics", opt);
    REQUIRE(r);
    CHECK(r->activities.size() == 2);  // koffie (X-property) and markt (LOCATION)
    REQUIRE(r->warnings.size() == 3);
    CHECK(r->warnings[0].starts_with("test.ics: \"Burendag\" (2026-09-26): geen locatie (X-BUURTKAART-VENUE, LOCATION \"\""));
    CHECK(r->warnings[0].find("overgeslagen") != std::string::npos);
}

TEST_CASE("ICS import rejects non-calendars and unknown default venues") {
    FeedPtr base = venues_feed();
    IcsImportOptions opt;
    opt.venues = base->venues;
    auto bad = import_ics("hello world", "x.ics", opt);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().kind == ErrorKind::Parse);
    CHECK(bad.error().message == "x.ics: expected an iCalendar VCALENDAR (RFC 5545), found no calendar");
    opt.default_venue_id = "nergens";
    auto nv = import_ics(kIcs, "y.ics", opt);
    REQUIRE_FALSE(nv);
    CHECK(nv.error().kind == ErrorKind::NotFound);
    CHECK(nv.error().message == "y.ics: default venue \"nergens\" is not among the 2 venues");
}

// ---- Calendars as Google Calendar, Thunderbird and python recurring-ical-events read them (issue #11).
namespace {

std::string vevent(const std::string& body) { return "BEGIN:VEVENT\r\n" + body + "END:VEVENT\r\n"; }
std::string vcal(const std::string& body) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//buurtkaart//test//NL\r\n" + body + "END:VCALENDAR\r\n";
}

struct Imported {
    FeedPtr feed;
    IcsImportResult result;
    std::vector<Occurrence> occ(std::size_t i, LocalDate from, LocalDate to) const {
        return expand_activity(*feed, std::uint32_t(i), amsterdam_midnight(from), amsterdam_midnight(add_days(to, 1)));
    }
    const Activity* titled(std::string_view t) const {
        for (const auto& a : feed->activities)
            if (a.title == t) return &a;
        return nullptr;
    }
    std::size_t index(std::string_view t) const { return std::size_t(titled(t) - feed->activities.data()); }
};

Imported import_2026(const std::string& ics) {
    static FeedPtr base = venues_feed();
    IcsImportOptions opt;
    opt.venues = base->venues;
    opt.default_venue_id = "huiskamer-a";
    opt.window_from = LocalDate{2026, 1, 1};
    opt.window_to = LocalDate{2026, 12, 31};
    auto r = import_ics(ics, "test.ics", opt);
    if (!r) FAIL(r.error().message);
    auto feed = std::make_shared<Feed>();
    feed->venues = base->venues;
    feed->activities = r->activities;
    feed->finish();
    return {feed, *r};
}

bool warned(const IcsImportResult& r, std::string_view a, std::string_view b = {}) {
    return std::any_of(r.warnings.begin(), r.warnings.end(), [&](const std::string& w) {
        return w.find(a) != std::string::npos && w.find(b) != std::string::npos;
    });
}

}  // namespace

TEST_CASE("ICS rule 1: a weekly series in America/Chicago or US/Central is expanded in its own zone") {
    for (const char* tz : {"America/Chicago", "US/Central"}) {
        CAPTURE(tz);
        // Tuesdays 12:00 Chicago: 19:00 in Amsterdam, but 18:00 while only the US is on summer time
        // (8-29 March 2026) and again 27 October (EU back on winter time, US not until 1 November).
        auto im = import_2026(vcal(vevent(std::string("UID:call@x\r\nSUMMARY:Call met Chicago\r\nDTSTART;TZID=") + tz +
                                          ":20260203T120000\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY;BYDAY=TU\r\n")));
        const std::size_t i = im.index("Call met Chicago");
        auto occ = im.occ(i, {2026, 3, 1}, {2026, 4, 7});
        REQUIRE(occ.size() == 6);
        CHECK(occ[0].start_local == LocalDateTime{{2026, 3, 3}, {19, 0}});
        CHECK(occ[1].start_local == LocalDateTime{{2026, 3, 10}, {18, 0}});
        CHECK(occ[3].start_local == LocalDateTime{{2026, 3, 24}, {18, 0}});
        CHECK(occ[4].start_local == LocalDateTime{{2026, 3, 31}, {19, 0}});
        auto autumn = im.occ(i, {2026, 10, 20}, {2026, 11, 3});
        REQUIRE(autumn.size() == 3);
        CHECK(autumn[0].start_local.time == LocalTime{19, 0});
        CHECK(autumn[1].start_local == LocalDateTime{{2026, 10, 27}, {18, 0}});
        CHECK(autumn[2].start_local.time == LocalTime{19, 0});
        for (const auto& o : occ) CHECK(o.start_utc == o.end_utc - std::chrono::hours(1));
    }
    // Vancouver too (same US dates, UTC-8/-7): 21:00 / 20:00.
    auto im = import_2026(vcal(vevent("UID:v@x\r\nSUMMARY:Vancouver\r\nDTSTART;TZID=America/Vancouver:20260203T120000\r\n"
                                      "RRULE:FREQ=WEEKLY;BYDAY=TU\r\n")));
    auto occ = im.occ(0, {2026, 3, 3}, {2026, 3, 10});
    REQUIRE(occ.size() == 2);
    CHECK(occ[0].start_local.time == LocalTime{21, 0});
    CHECK(occ[1].start_local.time == LocalTime{20, 0});
    // A zone with the EU's rules keeps the compact rule.
    auto berlin = import_2026(vcal(vevent("UID:b@x\r\nSUMMARY:Berlijn\r\nDTSTART;TZID=Europe/Berlin:20260203T120000\r\n"
                                          "RRULE:FREQ=WEEKLY;BYDAY=TU\r\n")));
    CHECK(berlin.feed->activities[0].schedule.rrule == "FREQ=WEEKLY;BYDAY=TU");
    CHECK(berlin.feed->activities[0].schedule.rdates.empty());
}

TEST_CASE("ICS rule 2: a stale VTIMEZONE for a known IANA name yields to the system tz database") {
    // Truncated Europe/Berlin: only the summer part, so January would be read as +02:00.
    const std::string stale = "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\n"
                              "TZOFFSETTO:+0200\r\nDTSTART:19700101T000000\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n";
    const std::string custom = "BEGIN:VTIMEZONE\r\nTZID:Eigen zone\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0300\r\n"
                               "TZOFFSETTO:+0300\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
    auto im = import_2026(vcal(stale + custom +
                               vevent("UID:w@x\r\nSUMMARY:Winter\r\nDTSTART;TZID=Europe/Berlin:20260115T100000\r\n"
                                      "DTEND;TZID=Europe/Berlin:20260115T110000\r\nRRULE:FREQ=WEEKLY;COUNT=30\r\n") +
                               vevent("UID:e@x\r\nSUMMARY:Eigen\r\nDTSTART;TZID=Eigen zone:20260115T120000\r\n")));
    const Activity* w = im.titled("Winter");
    REQUIRE(w);
    CHECK(w->schedule.start == LocalDateTime{{2026, 1, 15}, {10, 0}});
    auto occ = im.occ(im.index("Winter"), {2026, 1, 1}, {2026, 12, 31});
    REQUIRE(occ.size() == 30);
    for (const auto& o : occ) CHECK(o.start_local.time == LocalTime{10, 0});
    // An unknown name: the calendar's own VTIMEZONE is all there is (+03:00 -> 10:00 CET).
    CHECK(im.titled("Eigen")->schedule.start == LocalDateTime{{2026, 1, 15}, {10, 0}});
}

TEST_CASE("ICS rule 3: overrides whose master is missing become one-off activities") {
    auto im = import_2026(vcal(
        vevent("UID:weg@google.com\r\nRECURRENCE-ID;TZID=Europe/Amsterdam:20260310T190000\r\nSUMMARY:Bingo\r\n"
               "DTSTART;TZID=Europe/Amsterdam:20260310T200000\r\nDTEND;TZID=Europe/Amsterdam:20260310T220000\r\n") +
        vevent("UID:weg@google.com\r\nRECURRENCE-ID;TZID=Europe/Amsterdam:20260317T190000\r\nSUMMARY:Bingo\r\n"
               "DTSTART;TZID=Europe/Amsterdam:20260317T190000\r\nDTEND;TZID=Europe/Amsterdam:20260317T210000\r\n") +
        vevent("UID:weg@google.com\r\nRECURRENCE-ID;TZID=Europe/Amsterdam:20260324T190000\r\nSUMMARY:Bingo\r\n"
               "STATUS:CANCELLED\r\nDTSTART;TZID=Europe/Amsterdam:20260324T190000\r\n")));
    REQUIRE(im.feed->activities.size() == 2);
    CHECK(im.feed->activities[0].title == "Bingo");
    CHECK(im.feed->activities[0].schedule.start == LocalDateTime{{2026, 3, 10}, {20, 0}});
    CHECK(im.feed->activities[0].schedule.duration_min == 120);
    CHECK(im.feed->activities[0].schedule.rrule.empty());
    CHECK(im.feed->activities[1].schedule.start == LocalDateTime{{2026, 3, 17}, {19, 0}});
    CHECK(im.feed->activities[0].id != im.feed->activities[1].id);
    CHECK_FALSE(warned(im.result, "RECURRENCE-ID"));
}

TEST_CASE("ICS rule 4: of two masters with one UID the highest SEQUENCE is kept") {
    auto im = import_2026(vcal(
        vevent("UID:dub@x\r\nSEQUENCE:3\r\nSUMMARY:Nieuwe tijd\r\nDTSTART;TZID=Europe/Amsterdam:20260302T140000\r\n"
               "RRULE:FREQ=WEEKLY\r\n") +
        vevent("UID:dub@x\r\nSEQUENCE:1\r\nSUMMARY:Oude tijd\r\nDTSTART;TZID=Europe/Amsterdam:20260302T100000\r\n"
               "RRULE:FREQ=WEEKLY\r\n")));
    REQUIRE(im.feed->activities.size() == 1);
    CHECK(im.feed->activities[0].title == "Nieuwe tijd");
    CHECK(im.feed->activities[0].schedule.start.time == LocalTime{14, 0});
    CHECK(warned(im.result, "komt twee keer voor", "SEQUENCE 3"));
}

TEST_CASE("ICS rule 5: several RRULEs give the union of their instances") {
    auto im = import_2026(vcal(vevent("UID:twee@x\r\nSUMMARY:Sport\r\nDTSTART;TZID=Europe/Amsterdam:20260302T190000\r\n"
                                      "RRULE:FREQ=WEEKLY;BYDAY=MO\r\nRRULE:FREQ=WEEKLY;BYDAY=TH\r\n")));
    auto occ = im.occ(0, {2026, 3, 2}, {2026, 3, 15});
    REQUIRE(occ.size() == 4);
    CHECK(occ[0].start_local.date == LocalDate{2026, 3, 2});
    CHECK(occ[1].start_local.date == LocalDate{2026, 3, 5});
    CHECK(occ[2].start_local.date == LocalDate{2026, 3, 9});
    CHECK(occ[3].start_local.date == LocalDate{2026, 3, 12});
}

TEST_CASE("ICS rule 6: an EXDATE with a time removes only that instance; a moved instance on an excluded day survives") {
    // Tuesdays 10:00 plus an extra evening on 10 March; the EXDATE takes only the morning.
    auto im = import_2026(vcal(
        vevent("UID:ex@x\r\nSUMMARY:Naaicafe\r\nDTSTART;TZID=Europe/Amsterdam:20260303T100000\r\nDURATION:PT2H\r\n"
               "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=4\r\nRDATE;TZID=Europe/Amsterdam:20260310T190000\r\n"
               "EXDATE;TZID=Europe/Amsterdam:20260310T100000\r\n") +
        // Thursdays 14:00; 19 March excluded; the 12 March instance is moved onto 19 March 16:00.
        vevent("UID:mv@x\r\nSUMMARY:Breicafe\r\nDTSTART;TZID=Europe/Amsterdam:20260305T140000\r\n"
               "RRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=4\r\nEXDATE;TZID=Europe/Amsterdam:20260319T140000\r\n") +
        vevent("UID:mv@x\r\nRECURRENCE-ID;TZID=Europe/Amsterdam:20260312T140000\r\nSUMMARY:Breicafe\r\n"
               "DTSTART;TZID=Europe/Amsterdam:20260319T160000\r\n")));
    auto naai = im.occ(im.index("Naaicafe"), {2026, 3, 1}, {2026, 3, 31});
    REQUIRE(naai.size() == 4);  // 3, 10 evening, 17, 24
    CHECK(naai[1].start_local == LocalDateTime{{2026, 3, 10}, {19, 0}});
    CHECK(naai[2].start_local == LocalDateTime{{2026, 3, 17}, {10, 0}});
    auto brei = im.occ(im.index("Breicafe"), {2026, 3, 1}, {2026, 3, 31});
    std::vector<LocalDateTime> live;
    for (const auto& o : brei)
        if (!o.cancelled) live.push_back(o.start_local);
    CHECK(live == std::vector<LocalDateTime>{{{2026, 3, 5}, {14, 0}}, {{2026, 3, 19}, {16, 0}}, {{2026, 3, 26}, {14, 0}}});
}

TEST_CASE("ICS rule 7: whitespace, blank lines and a BOM before BEGIN:VCALENDAR are accepted") {
    auto im = import_2026("\xEF\xBB\xBF\r\n\r\n   \n" +
                          vcal(vevent("UID:ws@x\r\nSUMMARY:Open dag\r\nDTSTART;VALUE=DATE:20260404\r\n")));
    REQUIRE(im.feed->activities.size() == 1);
    CHECK(im.feed->activities[0].title == "Open dag");
}

TEST_CASE("ICS rule 8: an unreadable RRULE leaves a one-off and is reported by title and date") {
    auto im = import_2026(vcal(
        vevent("UID:typo@x\r\nSUMMARY:Yoga\r\nDTSTART;TZID=Europe/Amsterdam:20260302T090000\r\nRRULE:FREQ=WEEKLY;UNTL=20260601\r\n") +
        vevent("UID:uur@x\r\nSUMMARY:Elk uur\r\nDTSTART;TZID=Europe/Amsterdam:20260303T090000\r\nRRULE:FREQ=HOURLY\r\n")));
    REQUIRE(im.feed->activities.size() == 2);
    CHECK(im.feed->activities[0].schedule.rrule.empty());
    CHECK(warned(im.result, "test.ics: \"Yoga\" (2026-03-02): herhaalregel", "UNTL=20260601"));
    CHECK(im.feed->activities[1].schedule.rrule.empty());
    CHECK(warned(im.result, "\"Elk uur\" (2026-03-03): herhaalregel \"FREQ=HOURLY\" is niet bruikbaar"));
}

TEST_CASE("ICS rule 9: a date-time start alone has no end ('vanaf'); a date start alone is one day") {
    auto im = import_2026(vcal(vevent("UID:v@x\r\nSUMMARY:Avondwandeling\r\nDTSTART;TZID=Europe/Amsterdam:20260402T190000\r\n") +
                               vevent("UID:d@x\r\nSUMMARY:Koningsdag\r\nDTSTART;VALUE=DATE:20260427\r\n") +
                               vevent("UID:e@x\r\nSUMMARY:Met eind\r\nDTSTART;TZID=Europe/Amsterdam:20260402T190000\r\n"
                                      "DTEND;TZID=Europe/Amsterdam:20260402T203000\r\n")));
    CHECK(im.titled("Avondwandeling")->schedule.open_end);
    CHECK(im.titled("Koningsdag")->schedule.all_day);
    CHECK(im.titled("Koningsdag")->schedule.duration_min == 1440);
    CHECK_FALSE(im.titled("Koningsdag")->schedule.open_end);
    CHECK_FALSE(im.titled("Met eind")->schedule.open_end);
    CHECK(im.titled("Met eind")->schedule.duration_min == 90);
}

TEST_CASE("ICS rule 11: an override that changes only the title or description is carried as a change") {
    auto im = import_2026(vcal(
        vevent("UID:lz@x\r\nSUMMARY:Lezing\r\nDESCRIPTION:Elke maand een spreker\r\n"
               "DTSTART;TZID=Europe/Amsterdam:20260305T200000\r\nRRULE:FREQ=MONTHLY;BYDAY=1TH\r\n") +
        vevent("UID:lz@x\r\nRECURRENCE-ID;TZID=Europe/Amsterdam:20260402T200000\r\nSUMMARY:Lezing: de Schiehaven\r\n"
               "DESCRIPTION:Met oud-havenmeester Jan\r\nDTSTART;TZID=Europe/Amsterdam:20260402T200000\r\n")));
    const Activity& a = im.feed->activities[0];
    REQUIRE(a.changes.size() == 1);
    CHECK(a.changes[0].date == LocalDate{2026, 4, 2});
    CHECK(a.changes[0].title == "Lezing: de Schiehaven");
    CHECK(a.changes[0].description == "Met oud-havenmeester Jan");
    CHECK_FALSE(a.changes[0].start);
}
