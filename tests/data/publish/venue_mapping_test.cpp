// Tests of data/publish/venue_mapping.cpp: spreadsheet free text → feed vocabularies and structures.
#include <doctest/doctest.h>

#include "data/publish/venue_mapping.hpp"

using namespace bk::data;
using namespace bk::data::publish;

namespace {
VenueRow row(std::string id = "bh-spangen") {
    VenueRow r;
    r.line = 7;
    r.id = std::move(id);
    r.name = "Buurthuis Spangen";
    r.address = "Spaanseweg 1, 3028 HW Rotterdam";
    r.lon_deg = 4.4301;
    r.lat_deg = 51.9187;
    r.kind = "Buurthuis";
    r.neighbourhood = "Spangen";
    r.network = "Delfshaven Lokaal";
    return r;
}
}  // namespace

TEST_CASE("venue mapping: labels, buurt names and addresses become feed values") {
    VenueRow r = row();
    r.neighbourhood = "Tussendijken";
    r.contact = "010-123 45 67; info@buurthuis.example.org";
    r.accessibility = "Rolstoeltoegankelijk, invalidentoilet aanwezig";
    r.opening_hours = "ma-vr 09:00-17:00; za 10-14";
    auto m = to_feed_venue(r, Area{}, "venues.csv");
    REQUIRE(m);
    const Venue& v = m->venue;
    CHECK(v.kind == "buurthuis");
    CHECK(v.neighbourhood == "botu");
    CHECK(v.network == "delfshaven-lokaal");
    CHECK(v.address == "Spaanseweg 1");
    CHECK(v.postcode == "3028 HW");
    CHECK(v.location.lat_deg == doctest::Approx(51.9187));
    CHECK(v.contact.phone == "010-123 45 67");
    CHECK(v.contact.email == "info@buurthuis.example.org");
    CHECK(v.accessibility.wheelchair);
    CHECK(v.accessibility.accessible_toilet);
    CHECK_FALSE(v.accessibility.hearing_loop);
    REQUIRE(v.opening_hours.size() == 6);
    CHECK(v.opening_hours[5].iso_weekday == 6);
    CHECK(v.opening_hours[5].open == LocalTime{10, 0});
    CHECK(v.opening_hours[5].close == LocalTime{14, 0});
    CHECK(m->warnings.empty());
}

TEST_CASE("venue mapping: a venue outside Delfshaven is rejected with its coordinates; swapped lon/lat is named") {
    VenueRow r = row();
    r.lon_deg = 4.5120;  // Kralingen: east of the district
    r.lat_deg = 51.9230;
    auto m = to_feed_venue(r, Area{}, "venues.csv");
    REQUIRE_FALSE(m);
    CHECK(m.error().to_string() ==
          "venues.csv:7: venue 'bh-spangen': lies outside Delfshaven: lon 4.51200 lat 51.92300 (area lon 4.420-4.490, lat 51.900-51.930)");
    Area small{4.40, 51.90, 4.45, 51.93};
    r.lon_deg = 51.9187;
    r.lat_deg = 4.4301;
    m = to_feed_venue(r, small, "venues.csv");
    REQUIRE_FALSE(m);
    CHECK(m.error().message.ends_with("; lon and lat swapped?"));
}

TEST_CASE("venue mapping: unknown kind, neighbourhood or network and bad ids are issues") {
    VenueRow r = row();
    r.kind = "Zwembad";
    CHECK(to_feed_venue(r, Area{}, "v.csv").error().message.starts_with("venue 'bh-spangen': kind 'Zwembad' is unknown"));
    r = row();
    r.neighbourhood = "Kralingen";
    CHECK(to_feed_venue(r, Area{}, "v.csv").error().message.starts_with("venue 'bh-spangen': neighbourhood 'Kralingen' is unknown"));
    r = row("BH Spangen");
    CHECK(to_feed_venue(r, Area{}, "v.csv").error().message.find("e.g. 'bh-spangen'") != std::string::npos);
}

TEST_CASE("venue mapping: unreadable opening hours keep the venue, with a warning") {
    VenueRow r = row();
    r.opening_hours = "op afspraak";
    auto m = to_feed_venue(r, Area{}, "venues.csv");
    REQUIRE(m);
    CHECK(m->venue.opening_hours.empty());
    REQUIRE(m->warnings.size() == 1);
    CHECK(m->warnings[0].to_string() == "venues.csv:7: venue 'bh-spangen': opening hours not used: 'op afspraak' has no times");
}

TEST_CASE("opening hours: Dutch and English day names, ranges, lists, split days and 24:00") {
    auto h = parse_opening_hours("Mo,We 9.30-12.00, 13:00-16:00\nzo 12-24");
    REQUIRE(h);
    REQUIRE(h->size() == 5);
    CHECK((*h)[0].iso_weekday == 1);
    CHECK((*h)[0].open == LocalTime{9, 30});
    CHECK((*h)[1].open == LocalTime{13, 0});
    CHECK((*h)[4].iso_weekday == 7);
    CHECK((*h)[4].close == LocalTime{23, 59});
    auto d = parse_opening_hours("dagelijks 9-21");
    REQUIRE(d);
    CHECK(d->size() == 7);
    auto tm = parse_opening_hours("di t/m do 13:00 - 17:00 uur");
    REQUIRE(tm);
    CHECK(tm->size() == 3);
    CHECK(parse_opening_hours("ma 17-9").error() == "'17-9' is not a time range like 09:00-17:00");
    CHECK(parse_opening_hours("soms 10-12").error() == "'soms' in 'soms 10-12' is not a list of weekdays");
}

TEST_CASE("vocab matching ignores case, accents and punctuation; feed ids are made safe") {
    CHECK(match_vocab(venue_kinds(), "CAFÉ") == std::optional<std::string>("cafe"));
    CHECK(match_vocab(networks(), "warme buurthuiskamers") == std::optional<std::string>("warme-buurthuiskamers"));
    CHECK(match_neighbourhood("Oud-Mathenesse") == std::optional<std::string>("oud-mathenesse-witte-dorp"));
    CHECK(match_neighbourhood("Bospolder-Tussendijken") == std::optional<std::string>("botu"));
    CHECK_FALSE(match_vocab(categories(), "zwemmen"));
    CHECK(to_feed_id("Café De Hoek (Spangen)") == "cafe-de-hoek-spangen");
    CHECK(is_feed_id("huiskamer-de-schans"));
    CHECK_FALSE(is_feed_id("-x"));
    CHECK_FALSE(is_feed_id("Upper"));
}
