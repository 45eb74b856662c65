// Tests of data/publish/pdok_geocoder.cpp against a local server answering like PDOK Locatieserver.
#include <doctest/doctest.h>

#include "data/publish/pdok_geocoder.hpp"
#include "publish_test_util.hpp"
#include "test_http_server.hpp"

using namespace bk::data;
using namespace bk::data::publish;
using publish_test::TempDir;

namespace {
// Shape of a real Locatieserver v3.1 "free" answer, trimmed to the fields we read (our own text).
const std::string kAnswer = R"J({"response":{"numFound":1,"start":0,"maxScore":17.8,"numFoundExact":true,"docs":[
 {"bron":"BAG","woonplaatscode":"3086","type":"adres","woonplaatsnaam":"Rotterdam","huis_nlt":"12",
  "openbareruimtetype":"Weg","gemeentenaam":"Rotterdam","weergavenaam":"Schansstraat 12, 3025AB Rotterdam",
  "straatnaam":"Schansstraat","postcode":"3025AB","buurtnaam":"Tussendijken","wijknaam":"Delfshaven",
  "centroide_ll":"POINT(4.45 51.91)","centroide_rd":"POINT(90610.1 436601.2)","id":"adr-0000","score":17.8}]}})J";
}  // namespace

TEST_CASE("geocoder: parses centroide_ll from a Locatieserver answer") {
    auto hit = parse_pdok_answer(kAnswer, "Schansstraat 12");
    REQUIRE(hit);
    CHECK(hit->lon_deg == doctest::Approx(4.45));
    CHECK(hit->lat_deg == doctest::Approx(51.91));
    CHECK(hit->postcode == "3025AB");
    CHECK(hit->display_name == "Schansstraat 12, 3025AB Rotterdam");
}

TEST_CASE("geocoder: no docs is NotFound, a broken answer is Parse, both naming the address") {
    auto none = parse_pdok_answer(R"({"response":{"numFound":0,"docs":[]}})", "Nergensweg 1");
    REQUIRE_FALSE(none);
    CHECK(none.error().kind == ErrorKind::NotFound);
    CHECK(none.error().message == "PDOK answer for 'Nergensweg 1': no address found");
    auto bad = parse_pdok_answer(R"J({"response":{"docs":[{"centroide_ll":"POINT(4,45)"}]}})J", "X 1");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().kind == ErrorKind::Parse);
    CHECK(bad.error().message == "PDOK answer for 'X 1': centroide_ll 'POINT(4,45)' is not 'POINT(lon lat)'");
}

TEST_CASE("geocoder: asks the server once with fq=type:adres, then answers from the JSON cache file") {
    TempDir dir("geo");
    test_support::TestHttpServer server([](const test_support::HttpRequest&) {
        test_support::HttpResponse r;
        r.headers.emplace_back("Content-Type", "application/json");
        r.body = kAnswer;
        return r;
    });
    GeocoderSettings s;
    s.base_url = server.url("/bzk/locatieserver/search/v3_1/free");
    s.cache_path = dir / "geocode-cache.json";
    {
        PdokGeocoder geo(s);
        auto hit = geo.lookup("Schansstraat 12");
        REQUIRE(hit);
        CHECK_FALSE(hit->from_cache);
        CHECK(hit->lat_deg == doctest::Approx(51.91));
        CHECK(geo.lookup("schansstraat 12,  ROTTERDAM")->from_cache);  // same key after normalising
        REQUIRE(geo.save_cache());
    }
    REQUIRE(server.request_count() == 1);
    const auto req = server.requests().at(0);
    CHECK(req.path == "/bzk/locatieserver/search/v3_1/free?q=Schansstraat%2012%2C%20Rotterdam&fq=type:adres&rows=1");
    PdokGeocoder again(s);
    auto hit = again.lookup("Schansstraat 12");
    REQUIRE(hit);
    CHECK(hit->from_cache);
    CHECK(server.request_count() == 1);
}

TEST_CASE("geocoder: an unreachable server is a Network error naming the address, and is not cached") {
    GeocoderSettings s;
    s.base_url = "http://127.0.0.1:1/free";
    s.timeout_ms = 1000;
    PdokGeocoder geo(s);
    auto hit = geo.lookup("Spaanseweg 1");
    REQUIRE_FALSE(hit);
    CHECK(hit.error().kind == ErrorKind::Network);
    CHECK(hit.error().message.starts_with("geocoding 'Spaanseweg 1, Rotterdam': "));
}
