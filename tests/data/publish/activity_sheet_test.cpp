// Tests of data/publish/activity_sheet.cpp: the manual activities spreadsheet.
#include <doctest/doctest.h>

#include "data/publish/activity_sheet.hpp"

using namespace bk::data;
using namespace bk::data::publish;

namespace {
ActivitySheet sheet_of(std::string_view csv) {
    auto t = parse_csv(csv, "activities.csv");
    REQUIRE(t);
    auto s = parse_activity_sheet(*t);
    REQUIRE(s);
    return *s;
}
}  // namespace

TEST_CASE("activity sheet: a Dutch ';' sheet with shorthand repeat, except dates and cost") {
    auto s = sheet_of("id;venue;titel;datum;tijd;eind;herhaling;t/m;behalve;categorie;doelgroep;talen;kosten;aanmelden\n"
                      "eettafel;bh-spangen;Eettafel;03-12-2026;17:30;19:00;wekelijks;25-06-2027;24-12-2026, 31-12-2026;"
                      "Maaltijd;Ouderen, Iedereen;nl,tr;€ 3,50;ja\n");
    REQUIRE(s.issues.empty());
    REQUIRE(s.activities.size() == 1);
    const auto& m = s.activities[0];
    CHECK(m.venue_id == "bh-spangen");
    const Activity& a = m.activity;
    CHECK(a.id == "eettafel");
    CHECK(a.schedule.start == LocalDateTime{{2026, 12, 3}, {17, 30}});
    CHECK(a.schedule.duration_min == 90);
    CHECK(a.schedule.rrule == "FREQ=WEEKLY;BYDAY=TH");
    CHECK(a.schedule.until == std::optional<LocalDate>(LocalDate{2027, 6, 25}));
    REQUIRE(a.schedule.exdates.size() == 2);
    CHECK(a.schedule.exdates[1] == LocalDate{2026, 12, 31});
    CHECK(a.categories == std::vector<std::string>{"maaltijd"});
    CHECK(a.audiences == std::vector<std::string>{"ouderen", "iedereen"});
    CHECK(a.languages == std::vector<std::string>{"nl", "tr"});
    REQUIRE(a.cost_eur);
    CHECK(*a.cost_eur == doctest::Approx(3.5));
    CHECK(a.registration_required);
}

TEST_CASE("activity sheet: RRULE text, monthly shorthand and generated ids") {
    auto s = sheet_of("venue,title,start,duration,repeat,categories,cost\n"
                      "bh-spangen,Taalcafé,2026-11-24 10:00,120,FREQ=WEEKLY;BYDAY=TU,taal,gratis\n"
                      "bh-spangen,Repair café,2026-12-09 14:00,180,maandelijks,creatief,\n");
    REQUIRE(s.issues.empty());
    REQUIRE(s.activities.size() == 2);
    CHECK(s.activities[0].activity.id == "m-bh-spangen-taalcafe-2026-11-24");
    CHECK(s.activities[0].activity.is_free());
    CHECK(s.activities[1].activity.schedule.rrule == "FREQ=MONTHLY;BYDAY=2WE");
    CHECK_FALSE(s.activities[1].activity.cost_eur);
}

TEST_CASE("activity sheet: bad rows are issues with file:line, good rows stay") {
    auto s = sheet_of("venue,title,start,end,repeat,categories\n"
                      "v1,Ok,2026-11-24 10:00,11:00,,koffie\n"
                      "v1,Bad date,2026-13-40 10:00,11:00,,koffie\n"
                      "v1,Backwards,2026-11-24 10:00,09:00,,koffie\n"
                      "v1,Odd repeat,2026-11-24 10:00,11:00,soms,koffie\n"
                      "v1,No category,2026-11-24 10:00,11:00,,zwemmen\n"
                      ",No venue,2026-11-24 10:00,11:00,,koffie\n");
    REQUIRE(s.activities.size() == 1);
    REQUIRE(s.issues.size() == 5);
    CHECK(s.issues[0].to_string() ==
          "activities.csv:3: activity 'Bad date': start date '2026-13-40' is not a date like 2026-11-24 or 24-11-2026");
    CHECK(s.issues[1].to_string() == "activities.csv:4: activity 'Backwards': end '09:00' is not a time after the start 10:00");
    CHECK(s.issues[2].message.starts_with("activity 'Odd repeat': repeat 'soms' is not an RRULE"));
    CHECK(s.issues[3].message.starts_with("activity 'No category': no known category"));
    CHECK(s.issues[4].to_string() == "activities.csv:7: activity 'No venue' has no venue; row skipped");
    REQUIRE(s.warnings.size() == 1);
    CHECK(s.warnings[0].message == "activity 'No category': category 'zwemmen' is unknown and dropped");
}

TEST_CASE("activity sheet: a bad RRULE is caught by the data module's own rule check") {
    auto s = sheet_of("venue,title,start,duration,repeat,categories\nv1,X,2026-11-24 10:00,60,FREQ=SOMETIMES,koffie\n");
    CHECK(s.activities.empty());
    REQUIRE(s.issues.size() == 1);
}

TEST_CASE("activity sheet: date and time formats from spreadsheets") {
    CHECK(parse_sheet_date("24/11/2026") == std::optional<LocalDate>(LocalDate{2026, 11, 24}));
    CHECK(parse_sheet_date("24-11-26") == std::optional<LocalDate>(LocalDate{2026, 11, 24}));
    CHECK(parse_sheet_date("2026-11-24") == std::optional<LocalDate>(LocalDate{2026, 11, 24}));
    CHECK_FALSE(parse_sheet_date("31-02-2026"));
    CHECK(parse_sheet_time("9.30") == std::optional<LocalTime>(LocalTime{9, 30}));
    CHECK(parse_sheet_time("14u") == std::optional<LocalTime>(LocalTime{14, 0}));
    CHECK(parse_sheet_time("10:00:00") == std::optional<LocalTime>(LocalTime{10, 0}));
    CHECK_FALSE(parse_sheet_time("25:00"));
}

TEST_CASE("activity sheet: huge numbers in dates, times and durations are issues, not integer overflow") {
    // Fuzz finding (issue #10, tests/fuzz/corpus/fuzz_venue_sheet/repro-int-overflow.csv): to_int overflowed.
    const std::string huge(60, '9');
    auto s = sheet_of("venue,title,start,end,repeat,categories,duration\n"
                      "v1,Huge year,24-11-" + huge + " 10:00,11:00,,koffie,\n"
                      "v1,Huge hour,2026-11-24 " + huge + ":00,11:00,,koffie,\n"
                      "v1,Ok,2026-11-24 10:00,11:00,,koffie,\n");
    CHECK(s.activities.size() == 1);
    CHECK(s.issues.size() == 2);
}
