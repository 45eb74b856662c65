// SourcesFile — what `wijkagenda build` reads: where the venues, activities and calendars are.
//
// Usage:
//   auto cfg = read_sources_file("/etc/wijkagenda/sources.json");
//   if (!cfg) { std::cerr << cfg.error().message; return 1; }     // "sources.json: /organisations/3/id: ..."
//   for (const OrganisationSource& org : cfg->organisations) ...
// Format (JSON, or the same structure in TOML with [[organisations]] tables; see assets/publish/
// sources.sample.json and sources.sample.toml):
//   { "publisher": "...", "sample": false,
//     "venues": "venues.csv",                 // venues sheet (CSV), path or URL
//     "activities": "activities.csv",         // manual activities sheet (CSV), optional
//     "overrides": "overrides.csv",           // corrections sheet (hide, fix, pin, translate), optional
//     "notices": [ {"id","text","severity","from","until"} ],   // optional
//     "area": {"min_lon_deg","min_lat_deg","max_lon_deg","max_lat_deg"},  // default: Delfshaven
//     "geocoder": {"base_url": "...", "enabled": true},
//     "fetch": {"connect_timeout_ms", "timeout_ms", "max_bytes"},
//     "public_base_url": "https://wijkagenda.example.org",     // for ICS links in the report
//     "window": {"months_back": 1, "months_ahead": 12},        // what the feed and ICS files keep
//     "alerts": {"command": "mail -s \"$WIJKAGENDA_ONDERWERP\" x@y", "stale_hours": 24, "kiosk_silent_hours": 2},
//     "fleet": {"access_log": "/var/log/nginx/wijkagenda.access.log"},
//     "organisations": [ {"id", "name", "ics": "url-or-file" | ["...", ...], "venue": "default-venue-id",
//                          "categories": [...], "audiences": [...], "languages": [...]} ] }
// Relative paths are relative to the sources file's folder (base_dir). Unknown keys are errors (typos
// like "organizations" would otherwise silently drop every calendar).
// Threads: pure; any thread.
#pragma once

#include <expected>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/error.hpp"
#include "data/publish/source_fetcher.hpp"

namespace bk::data::publish {

struct Area {
    // Default: the clip box of Delfshaven's real geodata (lon 4.42–4.49, lat 51.90–51.93).
    double min_lon_deg = 4.42, min_lat_deg = 51.90, max_lon_deg = 4.49, max_lat_deg = 51.93;
    bool contains(double lon_deg, double lat_deg) const {
        return lon_deg >= min_lon_deg && lon_deg <= max_lon_deg && lat_deg >= min_lat_deg && lat_deg <= max_lat_deg;
    }
};

struct NoticeSource {
    std::string id, text, severity = "info", from, until;  // from/until RFC 3339 or empty
};

struct OrganisationSource {
    std::string id;
    std::string name;
    std::vector<std::string> calendars;  // ICS URLs or files
    std::string default_venue;           // venue id when an event's LOCATION does not match
    std::vector<std::string> categories, audiences, languages;  // defaults for its events
};

struct SourcesConfig {
    std::filesystem::path base_dir;
    std::string publisher = "Wijkagenda Delfshaven";
    bool sample = false;
    std::string venues;      // CSV path or URL (required)
    std::string activities;  // CSV path or URL (optional)
    std::string overrides;   // the coordinator's corrections sheet (CSV, overrides_sheet.hpp), optional
    std::vector<NoticeSource> notices;
    Area area;
    bool geocoder_enabled = true;
    std::string geocoder_url;  // empty: PDOK default
    FetchSettings fetch;
    std::string public_base_url;
    int window_months_back = 1;    // occurrences older than this are pruned from feed and ICS files
    int window_months_ahead = 12;  // occurrences further ahead are left out
    std::vector<OrganisationSource> organisations;
    std::string alert_command;     // "alerts": {"command", "stale_hours", "kiosk_silent_hours"} (alerts.hpp)
    int alert_stale_hours = 24;
    int kiosk_silent_hours = 2;
    std::string access_log;        // "fleet": {"access_log": "/var/log/nginx/wijkagenda.access.log"} (fleet.hpp)
};

std::expected<SourcesConfig, Error> parse_sources_json(std::string_view text, std::string_view source,
                                                       std::filesystem::path base_dir);
// Same, from an already parsed document (TOML is read into JSON first); `text` only serves line
// numbers in messages and may be empty.
std::expected<SourcesConfig, Error> parse_sources_document(const nlohmann::json& root, std::string_view text,
                                                           std::string_view source, std::filesystem::path base_dir);
// Reads JSON, or TOML when the file name ends in ".toml" (toml_reader.hpp: the subset a sources file needs).
std::expected<SourcesConfig, Error> read_sources_file(const std::filesystem::path& path);

}  // namespace bk::data::publish
