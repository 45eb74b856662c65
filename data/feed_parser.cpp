// [SECTION] document + schema  [SECTION] notices  [SECTION] venues
// Activities are read in activity_parser.cpp. Format: data/FEED_FORMAT.md.
#include "data/feed_parser.hpp"

#include <charconv>

#include "data/atomic_file.hpp"
#include "data/detail/feed_sections.hpp"

namespace bk::data {

using detail::child;
using detail::json;
using detail::JsonReader;

namespace {

// Geographic sanity bounds: the Netherlands (feeds are for Delfshaven; outside it is a typo).
constexpr double kMinLat = 50.7, kMaxLat = 53.6, kMinLon = 3.3, kMaxLon = 7.3;
// Warn (not reject) outside the district's box.
constexpr double kDistrictMinLat = 51.895, kDistrictMaxLat = 51.935;
constexpr double kDistrictMinLon = 4.415, kDistrictMaxLon = 4.495;

// "buurtkaart-feed/1" or "buurtkaart-feed/1.3" -> {1, 0} / {1, 3}.
std::optional<std::pair<int, int>> parse_schema(std::string_view s) {
    if (s.substr(0, kFeedSchemaPrefix.size()) != kFeedSchemaPrefix) return std::nullopt;
    std::string_view v = s.substr(kFeedSchemaPrefix.size());
    int major = 0, minor = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), major);
    if (ec != std::errc{} || p == v.data()) return std::nullopt;
    if (p != v.data() + v.size()) {
        if (*p != '.') return std::nullopt;
        auto [p2, ec2] = std::from_chars(p + 1, v.data() + v.size(), minor);
        if (ec2 != std::errc{} || p2 != v.data() + v.size() || p2 == p + 1) return std::nullopt;
    }
    return std::pair{major, minor};
}

// [SECTION] notices
void read_notices(JsonReader& r, const json& arr, Feed& feed) {
    for (std::size_t i = 0; i < arr.size(); ++i) {
        std::string ptr = child("/notices", i);
        const json& n = arr[i];
        if (!n.is_object()) {
            r.error(ptr, "a notice object", &n);
            continue;
        }
        Notice notice;
        notice.id = r.id(n, ptr, "id", true).value_or("");
        for (std::size_t j = 0; j < feed.notices.size(); ++j)
            if (!notice.id.empty() && feed.notices[j].id == notice.id) {
                r.error(child(ptr, "id"), "a unique notice id (already used by /notices/" + std::to_string(j) + ")",
                        &n["id"]);
                break;
            }
        notice.text = r.string(n, ptr, "text", true).value_or("");
        if (auto sev = r.string(n, ptr, "severity", false)) {
            if (*sev != "info" && *sev != "warning") r.error(child(ptr, "severity"), "\"info\" or \"warning\"", &n["severity"]);
            else notice.severity = *sev;
        }
        notice.from = r.instant(n, ptr, "from");
        notice.until = r.instant(n, ptr, "until");
        if (notice.from && notice.until && *notice.until <= *notice.from)
            r.error(child(ptr, "until"), "a time after \"from\"", &n["until"]);
        feed.notices.push_back(std::move(notice));
    }
}

}  // namespace

// [SECTION] venues
void detail::read_venues(JsonReader& r, const json& arr, Feed& feed) {
    feed.venues.reserve(arr.size());
    for (std::size_t i = 0; i < arr.size(); ++i) {
        std::string ptr = child("/venues", i);
        const json& v = arr[i];
        if (!v.is_object()) {
            r.error(ptr, "a venue object", &v);
            continue;
        }
        Venue venue;
        venue.id = r.id(v, ptr, "id", true).value_or("");
        venue.name = r.string(v, ptr, "name", true).value_or("");
        venue.kind = r.vocab(v, ptr, "kind", venue_kinds(), "venue kind", true).value_or("overig");
        venue.neighbourhood = r.vocab(v, ptr, "neighbourhood", neighbourhoods(), "neighbourhood", true).value_or("");
        venue.network = r.vocab(v, ptr, "network", networks(), "network", false).value_or("");
        venue.address = r.string(v, ptr, "address", true).value_or("");
        venue.postcode = r.string(v, ptr, "postcode", false).value_or("");
        venue.description = r.string(v, ptr, "description", false).value_or("");
        if (const json* loc = r.object(v, ptr, "location", true)) {
            std::string lptr = child(ptr, "location");
            venue.location.lat_deg = r.number(*loc, lptr, "lat", kMinLat, kMaxLat, true).value_or(0);
            venue.location.lon_deg = r.number(*loc, lptr, "lon", kMinLon, kMaxLon, true).value_or(0);
            const auto& p = venue.location;
            if (p.lat_deg != 0 && p.lon_deg != 0 &&
                (p.lat_deg < kDistrictMinLat || p.lat_deg > kDistrictMaxLat || p.lon_deg < kDistrictMinLon ||
                 p.lon_deg > kDistrictMaxLon))
                r.warning(lptr, "location lies outside Delfshaven");
        }
        if (const json* hours = r.array(v, ptr, "opening_hours", false, 64)) {
            std::string hptr = child(ptr, "opening_hours");
            for (std::size_t k = 0; k < hours->size(); ++k) {
                const json& h = (*hours)[k];
                std::string eptr = child(hptr, k);
                if (!h.is_object()) {
                    r.error(eptr, "an object {\"day\", \"open\", \"close\"}", &h);
                    continue;
                }
                OpeningHours oh;
                if (auto day = r.vocab(h, eptr, "day", weekdays(), "weekday", true)) {
                    for (std::size_t d = 0; d < weekdays().size(); ++d)
                        if (weekdays()[d].id == *day) oh.iso_weekday = int(d) + 1;
                }
                auto open = r.time(h, eptr, "open");
                auto close = r.time(h, eptr, "close", true);
                if (!r.member(h, "open")) r.error(child(eptr, "open"), "a time \"HH:MM\"", nullptr);
                if (!r.member(h, "close")) r.error(child(eptr, "close"), "a time \"HH:MM\"", nullptr);
                if (open && close && *close <= *open)
                    r.error(child(eptr, "close"), "a closing time after \"open\" " + to_string(*open), &h["close"]);
                oh.open = open.value_or(LocalTime{});
                oh.close = close.value_or(LocalTime{});
                venue.opening_hours.push_back(oh);
            }
        }
        if (const json* acc = r.object(v, ptr, "accessibility", false)) {
            std::string aptr = child(ptr, "accessibility");
            venue.accessibility.wheelchair = r.boolean(*acc, aptr, "wheelchair").value_or(false);
            venue.accessibility.accessible_toilet = r.boolean(*acc, aptr, "accessible_toilet").value_or(false);
            venue.accessibility.hearing_loop = r.boolean(*acc, aptr, "hearing_loop").value_or(false);
            venue.accessibility.notes = r.string(*acc, aptr, "notes", false).value_or("");
        }
        if (const json* c = r.object(v, ptr, "contact", false)) {
            std::string cptr = child(ptr, "contact");
            venue.contact.phone = r.string(*c, cptr, "phone", false).value_or("");
            venue.contact.email = r.string(*c, cptr, "email", false).value_or("");
            venue.contact.website = r.string(*c, cptr, "website", false).value_or("");
        }
        if (!venue.id.empty()) {
            auto [it, inserted] = feed.venue_index_.emplace(venue.id, std::uint32_t(feed.venues.size()));
            if (!inserted)
                r.error(child(ptr, "id"), "a unique venue id (already used by /venues/" + std::to_string(it->second) + ")",
                        &v["id"]);
        }
        feed.venues.push_back(std::move(venue));
    }
}

// [SECTION] document + schema
FeedReport validate_feed(std::string_view text, std::string_view source) {
    FeedReport report;
    JsonReader r(text, source, report);
    if (text.size() > kMaxFeedBytes) {
        report.errors.push_back(FeedIssue{ErrorKind::Io, "", 0, 0,
                                          std::string(source) + ": expected at most " + std::to_string(kMaxFeedBytes) +
                                              " bytes, found " + std::to_string(text.size())});
        return report;
    }
    auto parsed = parse_json_document(text);
    if (!parsed) {
        const JsonSyntaxError& e = parsed.error();
        report.errors.push_back(FeedIssue{ErrorKind::Parse, "", e.line, e.column,
                                          std::string(source) + ":" + std::to_string(e.line) + ":" +
                                              std::to_string(e.column) + ": invalid JSON: " + e.message});
        return report;
    }
    json doc = std::move(*parsed);
    auto finish = [&] {
        r.finish();
        return std::move(report);
    };
    if (!doc.is_object()) {
        r.error("", "a JSON object with \"schema\", \"venues\" and \"activities\"", &doc);
        return finish();
    }
    auto schema = r.string(doc, "", "schema", true);
    if (!schema) return finish();
    auto version = parse_schema(*schema);
    if (!version) {
        r.error("/schema", "\"buurtkaart-feed/<major>[.<minor>]\"", &doc["schema"]);
        return finish();
    }
    if (version->first != kFeedSchemaMajor) {
        r.error("/schema", "major version " + std::to_string(kFeedSchemaMajor) + " (\"buurtkaart-feed/" +
                               std::to_string(kFeedSchemaMajor) + "\")",
                &doc["schema"]);
        return finish();
    }
    auto feed = std::make_shared<Feed>();
    feed->source = std::string(source);
    feed->schema_major = version->first;
    feed->schema_minor = version->second;
    r.lenient_vocab = version->second > kFeedSchemaMinor;
    feed->generated_at = r.instant(doc, "", "generated_at");
    feed->publisher = r.string(doc, "", "publisher", false).value_or("");
    feed->sample = r.boolean(doc, "", "sample").value_or(false);
    if (auto tz = r.string(doc, "", "timezone", false); tz && *tz != "Europe/Amsterdam")
        r.error("/timezone", "\"Europe/Amsterdam\"", &doc["timezone"]);
    if (const json* notices = r.array(doc, "", "notices", false, 1000)) read_notices(r, *notices, *feed);
    if (const json* venues = r.array(doc, "", "venues", true, kMaxVenues)) detail::read_venues(r, *venues, *feed);
    if (const json* acts = r.array(doc, "", "activities", true, kMaxActivities))
        detail::read_activities(r, *acts, *feed);
    if (r.failed()) return finish();
    feed->finish();
    report.feed = std::move(feed);
    return finish();
}

std::expected<FeedPtr, Error> parse_feed(std::string_view text, std::string_view source) {
    FeedReport report = validate_feed(text, source);
    if (!report.errors.empty()) return std::unexpected(Error{report.errors.front().kind, report.errors.front().message});
    return report.feed;
}

std::expected<FeedPtr, Error> load_feed_file(const std::string& path) {
    auto text = read_file(path, kMaxFeedBytes + 1);
    if (!text) return std::unexpected(text.error());
    return parse_feed(*text, path);
}

}  // namespace bk::data
