// Tests of data/publish/ics_writer.cpp: subscription calendars for residents' phones.
#include <doctest/doctest.h>

#include <libical/ical.h>

#include "data/publish/ics_writer.hpp"

using namespace bk::data;
using namespace bk::data::publish;

namespace {
Feed small_feed() {
    Feed f;
    Venue v;
    v.id = "huiskamer-a";
    v.name = "Huiskamer Aan de Singel";
    v.address = "Singelstraat 1";
    v.postcode = "3024 AB";
    v.location = {51.9155, 4.45};
    v.network = "delfshaven-lokaal";
    f.venues.push_back(v);
    Activity a;
    a.id = "koffie-di";
    a.title = "Koffie, thee; en een praatje";
    a.description = "Iedereen welkom.\nOok met kinderen.";
    a.venue = 0;
    a.categories = {"koffie"};
    a.audiences = {"iedereen"};
    a.cost_eur = 0.0;
    a.schedule.start = {{2026, 11, 3}, {10, 0}};
    a.schedule.duration_min = 120;
    a.schedule.rrule = "FREQ=WEEKLY;BYDAY=TU";
    a.schedule.until = LocalDate{2027, 6, 29};
    a.schedule.exdates = {LocalDate{2026, 12, 29}};
    OccurrenceChange moved;
    moved.date = {2026, 11, 17};
    moved.start = LocalTime{10, 30};
    moved.note = "Half uur later";
    a.changes.push_back(moved);
    f.activities.push_back(a);
    f.finish();
    return f;
}
}  // namespace

TEST_CASE("ics writer: escapes text and folds long lines at 75 octets without splitting UTF-8") {
    CHECK(escape_ics_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
    std::string line = "DESCRIPTION:" + std::string(70, 'x') + "ééé";
    std::string folded = fold_ics_line(line);
    CHECK(folded.find("\r\n ") != std::string::npos);
    std::size_t first = folded.find("\r\n");
    CHECK(first <= 75);
    CHECK(folded.substr(0, first).back() != '\xC3');  // never cut inside "é"
}

TEST_CASE("ics writer: a venue calendar round-trips through libical with rule, exdate and override") {
    Feed f = small_feed();
    auto acts = activities_at_venue(f, 0);
    REQUIRE(acts.size() == 1);
    std::string ics = write_ics(f, acts, {"Huiskamer Aan de Singel", "wijkagenda"}, UtcTime{std::chrono::seconds{1795000000}});
    CHECK(ics.find("RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270629T215900Z\r\n") != std::string::npos);
    CHECK(ics.find("EXDATE;TZID=Europe/Amsterdam:20261229T100000\r\n") != std::string::npos);
    CHECK(ics.find("RECURRENCE-ID;TZID=Europe/Amsterdam:20261117T100000\r\n") != std::string::npos);
    CHECK(ics.find("DTSTART;TZID=Europe/Amsterdam:20261117T103000\r\n") != std::string::npos);
    CHECK(ics.find("SUMMARY:Koffie\\, thee\\; en een praatje\r\n") != std::string::npos);
    CHECK(ics.find("GEO:51.915500;4.450000\r\n") != std::string::npos);

    icalcomponent* cal = icalparser_parse_string(ics.c_str());
    REQUIRE(cal != nullptr);
    int events = 0;
    for (icalcomponent* e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        ++events;
        CHECK(std::string(icalcomponent_get_uid(e)) == "koffie-di@wijkagenda.buurtkaart");
    }
    CHECK(events == 2);
    icalcomponent* first = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
    CHECK(std::string(icalcomponent_get_summary(first)) == "Koffie, thee; en een praatje");
    icalcomponent_free(cal);
}

TEST_CASE("ics writer: network calendars collect the activities of the network's venues") {
    Feed f = small_feed();
    CHECK(activities_in_network(f, "delfshaven-lokaal").size() == 1);
    CHECK(activities_in_network(f, "groene-connectie").empty());
}
