#include <doctest/doctest.h>

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
    CHECK(r->warnings[0] == "test.ics: VEVENT UID=dag-3: no venue (X-BUURTKAART-VENUE, LOCATION \"\" or a default venue), skipped");
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
