// Tests of data/publish/sources_file.cpp: the coordinator's sources file.
#include <doctest/doctest.h>

#include "data/publish/sources_file.hpp"
#include "data/publish/toml_reader.hpp"

using namespace bk::data::publish;

TEST_CASE("sources file: reads organisations with one or more calendars and defaults") {
    auto cfg = parse_sources_json(R"({
  "publisher": "Wijkagenda",
  "sample": true,
  "venues": "venues.csv",
  "activities": "activities.csv",
  "area": {"min_lon_deg": 4.41, "min_lat_deg": 51.89, "max_lon_deg": 4.50, "max_lat_deg": 51.94},
  "fetch": {"timeout_ms": 3000, "max_bytes": 100000},
  "notices": [{"id": "kerst", "text": "Fijne feestdagen", "until": "2027-01-02T00:00:00Z"}],
  "organisations": [
    {"id": "schans", "name": "Huiskamer De Schans", "ics": "https://example.org/schans.ics", "venue": "huiskamer-de-schans"},
    {"id": "taalhuis", "ics": ["a.ics", "b.ics"], "categories": ["taal"]}
  ]
})", "sources.json", "/etc/wijkagenda");
    REQUIRE(cfg);
    CHECK(cfg->sample);
    CHECK(cfg->base_dir == "/etc/wijkagenda");
    CHECK(cfg->area.contains(4.495, 51.935));
    CHECK(cfg->fetch.total_timeout_ms == 3000);
    CHECK(cfg->fetch.max_bytes == 100000);
    REQUIRE(cfg->organisations.size() == 2);
    CHECK(cfg->organisations[0].default_venue == "huiskamer-de-schans");
    CHECK(cfg->organisations[1].name == "taalhuis");
    CHECK(cfg->organisations[1].calendars.size() == 2);
    CHECK(cfg->organisations[1].categories == std::vector<std::string>{"taal"});
    REQUIRE(cfg->notices.size() == 1);
    CHECK(cfg->notices[0].severity == "info");
}

TEST_CASE("sources file: a misspelt key is an error with its line, not silently ignored") {
    auto cfg = parse_sources_json("{\n  \"venues\": \"v.csv\",\n  \"organizations\": []\n}", "sources.json", ".");
    REQUIRE_FALSE(cfg);
    CHECK(cfg.error().message.starts_with("sources.json:3: /organizations: unknown key (expected one of: "));
}

TEST_CASE("sources file: wrong types, duplicates and missing calendars name the JSON pointer") {
    auto cfg = parse_sources_json(R"({"venues": 3})", "s.json", ".");
    CHECK(cfg.error().message == "s.json:1: /venues: expected a string, found 3");
    cfg = parse_sources_json(R"({"organisations": []})", "s.json", ".");
    CHECK(cfg.error().message == "s.json:1: /: missing required key 'venues'");
    cfg = parse_sources_json(R"({"venues": "v", "organisations": [{"id": "a", "ics": "x"}, {"id": "a", "ics": "y"}]})", "s.json", ".");
    CHECK(cfg.error().message.ends_with("/organisations/1/id: duplicate organisation id 'a'"));
    cfg = parse_sources_json(R"({"venues": "v", "organisations": [{"id": "a"}]})", "s.json", ".");
    CHECK(cfg.error().message.ends_with("/organisations/0: organisation 'a' has no 'ics' calendar"));
    cfg = parse_sources_json(R"({"venues": "v", "organisations": [{"id": "a/../../etc", "ics": "x"}]})", "s.json", ".");
    CHECK(cfg.error().message.ends_with("is not an id (1-100 of [A-Za-z0-9._-])"));
    cfg = parse_sources_json("{not json", "s.json", ".");
    CHECK(cfg.error().message == "s.json: not valid JSON");
}

TEST_CASE("sources file: a wrong-typed TOML value with invalid UTF-8 is an error message, not an uncaught exception") {
    // Fuzz finding (issue #10, tests/fuzz/corpus/fuzz_sources/repro-invalid-utf8-number.toml): the message
    // quoted the value with json::dump(), which throws on invalid UTF-8 and terminated wijkagenda.
    const std::string text = "venues = \"v.csv\"\n[area]\nmin_lon_deg = \"x\xff\xfe\"\n";
    auto doc = parse_toml(text, "sources.toml");
    REQUIRE(doc);
    auto cfg = parse_sources_document(*doc, text, "sources.toml", ".");
    REQUIRE_FALSE(cfg);
    CHECK(cfg.error().message.find("min_lon_deg") != std::string::npos);
    CHECK(cfg.error().message.find("expected a number") != std::string::npos);
}
