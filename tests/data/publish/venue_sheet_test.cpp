// Tests of data/publish/venue_sheet.cpp: the venues spreadsheet with its real-world mistakes.
#include <doctest/doctest.h>

#include "data/publish/venue_sheet.hpp"

using namespace bk::data::publish;

namespace {
VenueSheet sheet_of(std::string_view csv) {
    auto t = parse_csv(csv, "venues.csv");
    REQUIRE(t);
    auto s = parse_venue_sheet(*t);
    REQUIRE(s);
    return *s;
}
}  // namespace

TEST_CASE("venues: reads all columns from a ';' sheet with decimal commas and a BOM") {
    auto s = sheet_of("\xEF\xBB\xBFid;name;network;neighbourhood;address;lon;lat;kind;opening hours;accessibility;contact;website\n"
                      "bh-spangen;Buurthuis Spangen;Huiskamers;Spangen;Spaanseweg 1, Rotterdam;4,4301;51,9187;buurthuis;"
                      "ma-vr 9-17;rolstoel;010-1234567;https://example.org\n");
    REQUIRE(s.venues.size() == 1);
    CHECK(s.issues.empty());
    const VenueRow& v = s.venues[0];
    CHECK(v.id == "bh-spangen");
    CHECK(v.network == "Huiskamers");
    CHECK(v.neighbourhood == "Spangen");
    CHECK(v.address == "Spaanseweg 1, Rotterdam");
    REQUIRE(v.lon_deg);
    CHECK(*v.lon_deg == doctest::Approx(4.4301));
    CHECK(*v.lat_deg == doctest::Approx(51.9187));
    CHECK(v.opening_hours == "ma-vr 9-17");
    CHECK(v.website == "https://example.org");
    CHECK(v.line == 2);
}

TEST_CASE("venues: a combined lon/lat column is split") {
    auto s = sheet_of("id,name,lon/lat\nv1,A,\"4.45 51.91\"\nv2,B,\"4.46, 51.92\"\n");
    REQUIRE(s.venues.size() == 2);
    CHECK(*s.venues[0].lon_deg == doctest::Approx(4.45));
    CHECK(*s.venues[1].lat_deg == doctest::Approx(51.92));
}

TEST_CASE("venues: missing coordinates stay empty so the address can be geocoded") {
    auto s = sheet_of("id,name,address,lon,lat\nv1,A,\"Schiedamseweg 10, Rotterdam\",,\n");
    REQUIRE(s.venues.size() == 1);
    CHECK_FALSE(s.venues[0].lon_deg);
    CHECK(s.issues.empty());
}

TEST_CASE("venues: duplicate ids keep the first row and report the second with both lines") {
    auto s = sheet_of("id,name,lon,lat\nv1,First,4.45,51.91\nv2,Other,4.45,51.91\nv1,Second,4.46,51.92\n");
    REQUIRE(s.venues.size() == 2);
    CHECK(s.venues[0].name == "First");
    REQUIRE(s.issues.size() == 1);
    CHECK(s.issues[0].to_string() == "venues.csv:4: duplicate venue id 'v1' (first on line 2); row skipped");
}

TEST_CASE("venues: rows without id, name or any location are reported and skipped") {
    auto s = sheet_of("id,name,address,lon,lat\n,Nameless,,4.4,51.9\nv2,,,4.4,51.9\nv3,Nowhere,,,\n");
    CHECK(s.venues.empty());
    REQUIRE(s.issues.size() == 3);
    CHECK(s.issues[0].to_string() == "venues.csv:2: venue without id (name 'Nameless'); row skipped");
    CHECK(s.issues[1].to_string() == "venues.csv:3: venue 'v2' has no name; row skipped");
    CHECK(s.issues[2].to_string() == "venues.csv:4: venue 'v3' has neither coordinates nor an address; row skipped");
}

TEST_CASE("venues: unreadable coordinates fall back to the address with an issue") {
    auto s = sheet_of("id,name,address,lon,lat\nv1,A,Adres 1,4.4x,51.9\n");
    REQUIRE(s.venues.size() == 1);
    CHECK_FALSE(s.venues[0].lon_deg);
    REQUIRE(s.issues.size() == 1);
    CHECK(s.issues[0].message.find("lon='4.4x'") != std::string::npos);
}

TEST_CASE("venues: a sheet without id/name columns is rejected with the header it found") {
    auto t = parse_csv("naam2,adres\nx,y\n", "wrong.csv");
    REQUIRE(t);
    auto s = parse_venue_sheet(*t);
    REQUIRE_FALSE(s);
    CHECK(s.error().message == "wrong.csv:1: venues sheet needs the columns 'id' and 'name'; header has: naam2, adres");
}

TEST_CASE("venues: parse_decimal accepts dot and comma decimals only") {
    CHECK(parse_decimal("4.5") == std::optional<double>(4.5));
    CHECK(parse_decimal(" 4,5 ") == std::optional<double>(4.5));
    CHECK(parse_decimal("-0,25") == std::optional<double>(-0.25));
    CHECK_FALSE(parse_decimal("1,2,3"));
    CHECK_FALSE(parse_decimal("abc"));
    CHECK_FALSE(parse_decimal(""));
}
