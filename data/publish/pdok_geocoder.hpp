// PdokGeocoder — address → WGS84 point with PDOK Locatieserver (the Dutch national free geocoder).
//
// Usage:
//   PdokGeocoder geo({.base_url = kPdokFreeUrl, .cache_path = state / "geocode-cache.json"});
//   auto hit = geo.lookup("Schansstraat 12, Rotterdam");   // cache first, then one HTTP request
//   if (hit) use(hit->lon_deg, hit->lat_deg, hit->postcode);
//   geo.save_cache();                                     // after a build; atomic write
// Request: GET <base_url>?q=<address>&fq=type:adres&rows=1 (Locatieserver v3.1 "free" endpoint,
// https://api.pdok.nl/bzk/locatieserver/search/v3_1/free). The answer's response.docs[0].centroide_ll
// is "POINT(lon lat)" in WGS84. Addresses without a place name get ", Rotterdam" appended (all venues
// are in Delfshaven). Only hits are cached (keyed by the normalised query); misses are asked again next
// build. Errors: NotFound (no docs), Parse (unexpected answer), Network/Http from the fetch.
// Threads: one instance per thread (the cache is a plain member).
#pragma once

#include <expected>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "data/error.hpp"

namespace bk::data::publish {

inline constexpr std::string_view kPdokFreeUrl = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free";

struct GeocoderSettings {
    std::string base_url = std::string(kPdokFreeUrl);
    std::filesystem::path cache_path;  // empty: no cache file
    long timeout_ms = 10000;
    std::string default_city = "Rotterdam";
};

struct GeocodeHit {
    double lon_deg = 0;
    double lat_deg = 0;
    std::string display_name;  // "weergavenaam", e.g. "Schansstraat 12, 3025AB Rotterdam"
    std::string postcode;      // "3025AB" or empty
    bool from_cache = false;
};

class PdokGeocoder {
public:
    explicit PdokGeocoder(GeocoderSettings settings);

    std::expected<GeocodeHit, Error> lookup(std::string_view address);
    std::expected<void, Error> save_cache() const;
    int requests_made() const { return requests_; }

private:
    GeocoderSettings settings_;
    std::map<std::string, GeocodeHit> cache_;
    bool dirty_ = false;
    int requests_ = 0;
};

// Parses a Locatieserver JSON answer (exposed for tests). `query` is only used in messages.
std::expected<GeocodeHit, Error> parse_pdok_answer(std::string_view json, std::string_view query);
// Percent-encodes for a URL query value (RFC 3986 unreserved kept, space as %20).
std::string url_encode(std::string_view text);

}  // namespace bk::data::publish
