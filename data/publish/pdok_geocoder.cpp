#include "data/publish/pdok_geocoder.hpp"

#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "data/atomic_file.hpp"
#include "data/http_fetch.hpp"
#include "data/publish/venue_sheet.hpp"

namespace bk::data::publish {

namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Cache key: lower-case, runs of spaces/commas collapsed, so "Schansstraat 12,Rotterdam" hits
// the entry of "schansstraat 12, rotterdam".
std::string cache_key(std::string_view query) {
    std::string out;
    bool pending_space = false;
    for (char c : lower_ascii(query)) {
        if (c == ' ' || c == ',' || c == '\t') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(c);
    }
    return out;
}

}  // namespace

std::string url_encode(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

std::expected<GeocodeHit, Error> parse_pdok_answer(std::string_view json, std::string_view query) {
    auto j = nlohmann::json::parse(json, nullptr, false);
    const std::string where = "PDOK answer for '" + std::string(query) + "'";
    if (j.is_discarded() || !j.is_object() || !j.contains("response") || !j["response"].is_object())
        return std::unexpected(Error{ErrorKind::Parse, where + ": expected a JSON object with 'response'"});
    const auto& docs = j["response"].value("docs", nlohmann::json::array());
    if (!docs.is_array() || docs.empty())
        return std::unexpected(Error{ErrorKind::NotFound, where + ": no address found"});
    const auto& doc = docs[0];
    if (!doc.is_object() || !doc.contains("centroide_ll") || !doc["centroide_ll"].is_string())
        return std::unexpected(Error{ErrorKind::Parse, where + ": docs[0] has no 'centroide_ll' string"});
    const std::string point = doc["centroide_ll"];
    GeocodeHit hit;
    // "POINT(4.45 51.91)" — WKT, lon first.
    const auto open = point.find('('), close = point.find(')');
    auto parsed = [&]() -> bool {
        if (!point.starts_with("POINT") || open == std::string::npos || close == std::string::npos) return false;
        const std::string inner = point.substr(open + 1, close - open - 1);
        const auto space = inner.find(' ');
        if (space == std::string::npos) return false;
        auto lon = parse_decimal(inner.substr(0, space));
        auto lat = parse_decimal(inner.substr(space + 1));
        if (!lon || !lat) return false;
        hit.lon_deg = *lon;
        hit.lat_deg = *lat;
        return true;
    }();
    if (!parsed)
        return std::unexpected(Error{ErrorKind::Parse, where + ": centroide_ll '" + point + "' is not 'POINT(lon lat)'"});
    if (doc.contains("weergavenaam") && doc["weergavenaam"].is_string()) hit.display_name = doc["weergavenaam"];
    if (doc.contains("postcode") && doc["postcode"].is_string()) hit.postcode = doc["postcode"];
    return hit;
}

PdokGeocoder::PdokGeocoder(GeocoderSettings settings) : settings_(std::move(settings)) {
    if (settings_.cache_path.empty()) return;
    auto text = read_file(settings_.cache_path.string(), 16u << 20);
    if (!text) return;  // no cache yet
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (!j.is_object()) return;  // a damaged cache is rebuilt, not fatal
    for (auto& [key, v] : j.items()) {
        if (!v.is_object() || !v.contains("lon_deg") || !v.contains("lat_deg")) continue;
        if (!v["lon_deg"].is_number() || !v["lat_deg"].is_number()) continue;
        GeocodeHit hit;
        hit.lon_deg = v["lon_deg"];
        hit.lat_deg = v["lat_deg"];
        hit.display_name = v.value("display_name", "");
        hit.postcode = v.value("postcode", "");
        cache_.emplace(key, hit);
    }
}

std::expected<GeocodeHit, Error> PdokGeocoder::lookup(std::string_view address) {
    std::string query(address);
    if (lower_ascii(query).find(lower_ascii(settings_.default_city)) == std::string::npos)
        query += ", " + settings_.default_city;
    const std::string key = cache_key(query);
    if (auto it = cache_.find(key); it != cache_.end()) {
        GeocodeHit hit = it->second;
        hit.from_cache = true;
        return hit;
    }
    HttpGet req;
    req.url = settings_.base_url + "?q=" + url_encode(query) + "&fq=type:adres&rows=1";
    req.total_timeout_ms = settings_.timeout_ms;
    req.connect_timeout_ms = std::min(settings_.timeout_ms, 5000L);
    req.max_body_bytes = 1u << 20;
    req.user_agent = "wijkagenda/1 (+buurtkaart delfshaven)";
    ++requests_;
    auto reply = http_get(req);
    if (!reply) return std::unexpected(Error{reply.error().kind, "geocoding '" + query + "': " + reply.error().message});
    if (reply->status != 200)
        return std::unexpected(Error{ErrorKind::Http, "geocoding '" + query + "': HTTP status " + std::to_string(reply->status)});
    auto hit = parse_pdok_answer(reply->body, query);
    if (!hit) return hit;
    cache_[key] = *hit;
    dirty_ = true;
    return hit;
}

std::expected<void, Error> PdokGeocoder::save_cache() const {
    if (settings_.cache_path.empty() || !dirty_) return {};
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [key, hit] : cache_)
        j[key] = {{"lon_deg", hit.lon_deg}, {"lat_deg", hit.lat_deg}, {"display_name", hit.display_name},
                  {"postcode", hit.postcode}};
    std::error_code ec;
    if (settings_.cache_path.has_parent_path()) std::filesystem::create_directories(settings_.cache_path.parent_path(), ec);
    return write_file_atomically(settings_.cache_path.string(), j.dump(2) + "\n");
}

}  // namespace bk::data::publish
