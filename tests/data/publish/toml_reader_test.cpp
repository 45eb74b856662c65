// Tests of data/publish/toml_reader.cpp and TOML sources files.
#include <doctest/doctest.h>

#include "data/publish/sources_file.hpp"
#include "data/publish/toml_reader.hpp"
#include "publish_test_util.hpp"

using namespace bk::data::publish;

TEST_CASE("toml: tables, arrays of tables, inline tables, strings, numbers, comments") {
    auto doc = parse_toml("# comment\n"
                          "title = \"Caf\\u00e9 \\\"x\\\"\"  # trailing\n"
                          "path = 'C:\\raw'\n"
                          "n = 1_000\nf = -0.5\nyes = true\n"
                          "list = [\n  \"a\", # one\n  \"b\",\n]\n"
                          "box = { a = 1, b.c = \"d\" }\n"
                          "[fetch]\ntimeout_ms = 300\n"
                          "[[orgs]]\nid = \"x\"\n[[orgs]]\nid = \"y\"\n[orgs.extra]\nk = 'v'\n",
                          "t.toml");
    REQUIRE(doc);
    CHECK((*doc)["title"] == "Café \"x\"");
    CHECK((*doc)["path"] == "C:\\raw");
    CHECK((*doc)["n"] == 1000);
    CHECK((*doc)["f"] == -0.5);
    CHECK((*doc)["yes"] == true);
    CHECK((*doc)["list"] == nlohmann::json::array({"a", "b"}));
    CHECK((*doc)["box"]["b"]["c"] == "d");
    CHECK((*doc)["fetch"]["timeout_ms"] == 300);
    REQUIRE((*doc)["orgs"].size() == 2);
    CHECK((*doc)["orgs"][1]["extra"]["k"] == "v");
}

TEST_CASE("toml: errors name the file and line") {
    CHECK(parse_toml("a = 1\nb 2\n", "s.toml").error().message == "s.toml:2: expected '=' after key 'b'");
    CHECK(parse_toml("a = 1\na = 2\n", "s.toml").error().message == "s.toml:2: key 'a' is defined twice");
    CHECK(parse_toml("\n\nd = 2026-12-24\n", "s.toml").error().message.starts_with("s.toml:3: dates and times are not supported"));
    CHECK(parse_toml("s = \"open\n", "s.toml").error().message == "s.toml:1: string is not closed on its line");
    CHECK(parse_toml("x = [1, 2\ny = 3\n", "s.toml").error().message.starts_with("s.toml:2: expected ',' or ']'"));
}

TEST_CASE("toml: the TOML sample sources file reads the same as the JSON one") {
    const auto dir = publish_test::source_dir() / "assets/publish";
    auto toml = read_sources_file(dir / "sources.sample.toml");
    REQUIRE(toml);
    auto json = read_sources_file(dir / "sources.sample.json");
    REQUIRE(json);
    CHECK(toml->sample);
    CHECK(toml->venues == json->venues);
    CHECK(toml->fetch.max_bytes == json->fetch.max_bytes);
    REQUIRE(toml->organisations.size() == json->organisations.size());
    for (std::size_t i = 0; i < json->organisations.size(); ++i) {
        CHECK(toml->organisations[i].id == json->organisations[i].id);
        CHECK(toml->organisations[i].calendars == json->organisations[i].calendars);
        CHECK(toml->organisations[i].default_venue == json->organisations[i].default_venue);
        CHECK(toml->organisations[i].audiences == json->organisations[i].audiences);
    }
    CHECK(toml->area.max_lat_deg == doctest::Approx(json->area.max_lat_deg));
}

TEST_CASE("toml: a misspelt key in a TOML sources file names the key path") {
    publish_test::TempDir dir("toml");
    publish_test::write_text(dir / "s.toml", "venues = \"v.csv\"\n[[organizations]]\nid = \"a\"\n");
    auto cfg = read_sources_file(dir / "s.toml");
    REQUIRE_FALSE(cfg);
    CHECK(cfg.error().message.starts_with((dir / "s.toml").string() + ": /organizations: unknown key"));
}
