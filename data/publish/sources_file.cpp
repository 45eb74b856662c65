#include "data/publish/sources_file.hpp"

#include <initializer_list>
#include <nlohmann/json.hpp>

#include "data/atomic_file.hpp"
#include "data/feed_parser.hpp"
#include "data/publish/toml_reader.hpp"

namespace bk::data::publish {

namespace {

using nlohmann::json;

// Builds "<source>:<line>: <pointer>: <what>" messages; line from the data parser's helper.
struct Reader {
    std::string_view text;
    std::string source;

    Error error(const std::string& pointer, const std::string& what) const {
        const int line = text.empty() ? 0 : line_of_pointer(text, pointer);
        return Error{ErrorKind::Validation,
                     source + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " +
                         (pointer.empty() ? "/" : pointer) + ": " + what};
    }
    std::expected<void, Error> only_keys(const json& obj, const std::string& pointer,
                                         std::initializer_list<std::string_view> keys) const {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool known = false;
            for (auto k : keys) known = known || it.key() == k;
            if (!known) {
                std::string list;
                for (auto k : keys) list += (list.empty() ? "" : ", ") + std::string(k);
                return std::unexpected(error(pointer + "/" + it.key(), "unknown key (expected one of: " + list + ")"));
            }
        }
        return {};
    }
    std::expected<std::string, Error> str(const json& obj, const std::string& pointer, const char* key,
                                          bool required) const {
        if (!obj.contains(key)) {
            if (required) return std::unexpected(error(pointer, std::string("missing required key '") + key + "'"));
            return std::string{};
        }
        if (!obj[key].is_string())
            return std::unexpected(error(pointer + "/" + key, "expected a string, found " + obj[key].dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
        return obj[key].get<std::string>();
    }
    std::expected<std::vector<std::string>, Error> str_list(const json& obj, const std::string& pointer,
                                                            const char* key) const {
        std::vector<std::string> out;
        if (!obj.contains(key)) return out;
        const json& v = obj[key];
        if (v.is_string()) return std::vector<std::string>{v.get<std::string>()};
        if (!v.is_array()) return std::unexpected(error(pointer + "/" + key, "expected a string or a list of strings"));
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!v[i].is_string())
                return std::unexpected(error(pointer + "/" + key + "/" + std::to_string(i),
                                             "expected a string, found " + v[i].dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
            out.push_back(v[i].get<std::string>());
        }
        return out;
    }
    std::expected<double, Error> number(const json& obj, const std::string& pointer, const char* key,
                                        double fallback) const {
        if (!obj.contains(key)) return fallback;
        if (!obj[key].is_number())
            return std::unexpected(error(pointer + "/" + key, "expected a number, found " + obj[key].dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
        return obj[key].get<double>();
    }
};

#define BK_TRY(var, expr)                                          \
    auto var##_r = (expr);                                         \
    if (!var##_r) return std::unexpected(std::move(var##_r.error())); \
    auto var = std::move(*var##_r)

}  // namespace

std::expected<SourcesConfig, Error> parse_sources_json(std::string_view text, std::string_view source,
                                                       std::filesystem::path base_dir) {
    auto root = json::parse(text, nullptr, false);
    if (root.is_discarded())
        return std::unexpected(Error{ErrorKind::Parse, std::string(source) + ": not valid JSON"});
    return parse_sources_document(root, text, source, std::move(base_dir));
}

std::expected<SourcesConfig, Error> parse_sources_document(const nlohmann::json& root, std::string_view text,
                                                           std::string_view source, std::filesystem::path base_dir) {
    Reader rd{text, std::string(source)};
    if (!root.is_object()) return std::unexpected(rd.error("", "expected a JSON object"));
    if (auto r = rd.only_keys(root, "", {"publisher", "sample", "venues", "activities", "notices", "area", "geocoder",
                                         "fetch", "public_base_url", "organisations", "window", "overrides", "alerts", "fleet", "comment", "_comment"});
        !r)
        return std::unexpected(r.error());

    SourcesConfig cfg;
    cfg.base_dir = std::move(base_dir);
    if (root.contains("publisher")) {
        BK_TRY(publisher, rd.str(root, "", "publisher", false));
        cfg.publisher = publisher;
    }
    if (root.contains("sample")) {
        if (!root["sample"].is_boolean()) return std::unexpected(rd.error("/sample", "expected true or false"));
        cfg.sample = root["sample"];
    }
    BK_TRY(venues, rd.str(root, "", "venues", true));
    cfg.venues = venues;
    BK_TRY(activities, rd.str(root, "", "activities", false));
    cfg.activities = activities;
    BK_TRY(overrides, rd.str(root, "", "overrides", false));
    cfg.overrides = overrides;
    BK_TRY(base_url, rd.str(root, "", "public_base_url", false));
    cfg.public_base_url = base_url;

    if (root.contains("area")) {
        const json& a = root["area"];
        if (!a.is_object()) return std::unexpected(rd.error("/area", "expected an object"));
        if (auto r = rd.only_keys(a, "/area", {"min_lon_deg", "min_lat_deg", "max_lon_deg", "max_lat_deg"}); !r)
            return std::unexpected(r.error());
        BK_TRY(x0, rd.number(a, "/area", "min_lon_deg", cfg.area.min_lon_deg));
        BK_TRY(y0, rd.number(a, "/area", "min_lat_deg", cfg.area.min_lat_deg));
        BK_TRY(x1, rd.number(a, "/area", "max_lon_deg", cfg.area.max_lon_deg));
        BK_TRY(y1, rd.number(a, "/area", "max_lat_deg", cfg.area.max_lat_deg));
        if (!(x0 < x1 && y0 < y1)) return std::unexpected(rd.error("/area", "min must be below max"));
        cfg.area = Area{x0, y0, x1, y1};
    }
    if (root.contains("geocoder")) {
        const json& g = root["geocoder"];
        if (!g.is_object()) return std::unexpected(rd.error("/geocoder", "expected an object"));
        if (auto r = rd.only_keys(g, "/geocoder", {"base_url", "enabled"}); !r) return std::unexpected(r.error());
        BK_TRY(url, rd.str(g, "/geocoder", "base_url", false));
        cfg.geocoder_url = url;
        if (g.contains("enabled")) {
            if (!g["enabled"].is_boolean()) return std::unexpected(rd.error("/geocoder/enabled", "expected true or false"));
            cfg.geocoder_enabled = g["enabled"];
        }
    }
    if (root.contains("window")) {
        const json& w = root["window"];
        if (!w.is_object()) return std::unexpected(rd.error("/window", "expected an object"));
        if (auto r = rd.only_keys(w, "/window", {"months_back", "months_ahead"}); !r) return std::unexpected(r.error());
        BK_TRY(back, rd.number(w, "/window", "months_back", cfg.window_months_back));
        BK_TRY(ahead, rd.number(w, "/window", "months_ahead", cfg.window_months_ahead));
        if (back < 0 || back > 120 || ahead < 1 || ahead > 120 || back != int(back) || ahead != int(ahead))
            return std::unexpected(rd.error("/window", "whole months: months_back 0..120, months_ahead 1..120"));
        cfg.window_months_back = int(back);
        cfg.window_months_ahead = int(ahead);
    }
    if (root.contains("alerts")) {
        const json& al = root["alerts"];
        if (!al.is_object()) return std::unexpected(rd.error("/alerts", "expected an object"));
        if (auto r = rd.only_keys(al, "/alerts", {"command", "stale_hours", "kiosk_silent_hours"}); !r)
            return std::unexpected(r.error());
        BK_TRY(cmd, rd.str(al, "/alerts", "command", false));
        cfg.alert_command = cmd;
        BK_TRY(stale, rd.number(al, "/alerts", "stale_hours", cfg.alert_stale_hours));
        BK_TRY(silent, rd.number(al, "/alerts", "kiosk_silent_hours", cfg.kiosk_silent_hours));
        if (stale < 1 || silent < 1 || stale > 24 * 90 || silent > 24 * 90)
            return std::unexpected(rd.error("/alerts", "hours must be 1 to 2160"));
        cfg.alert_stale_hours = int(stale);
        cfg.kiosk_silent_hours = int(silent);
    }
    if (root.contains("fleet")) {
        const json& fl = root["fleet"];
        if (!fl.is_object()) return std::unexpected(rd.error("/fleet", "expected an object"));
        if (auto r = rd.only_keys(fl, "/fleet", {"access_log"}); !r) return std::unexpected(r.error());
        BK_TRY(log, rd.str(fl, "/fleet", "access_log", false));
        cfg.access_log = log;
    }
    if (root.contains("fetch")) {
        const json& f = root["fetch"];
        if (!f.is_object()) return std::unexpected(rd.error("/fetch", "expected an object"));
        if (auto r = rd.only_keys(f, "/fetch", {"connect_timeout_ms", "timeout_ms", "max_bytes"}); !r)
            return std::unexpected(r.error());
        BK_TRY(c, rd.number(f, "/fetch", "connect_timeout_ms", static_cast<double>(cfg.fetch.connect_timeout_ms)));
        BK_TRY(t, rd.number(f, "/fetch", "timeout_ms", static_cast<double>(cfg.fetch.total_timeout_ms)));
        BK_TRY(m, rd.number(f, "/fetch", "max_bytes", static_cast<double>(cfg.fetch.max_bytes)));
        if (c <= 0 || t <= 0 || m <= 0) return std::unexpected(rd.error("/fetch", "values must be positive"));
        cfg.fetch.connect_timeout_ms = static_cast<long>(c);
        cfg.fetch.total_timeout_ms = static_cast<long>(t);
        cfg.fetch.max_bytes = static_cast<std::size_t>(m);
    }
    if (root.contains("notices")) {
        const json& ns = root["notices"];
        if (!ns.is_array()) return std::unexpected(rd.error("/notices", "expected a list"));
        for (std::size_t i = 0; i < ns.size(); ++i) {
            const std::string p = "/notices/" + std::to_string(i);
            if (!ns[i].is_object()) return std::unexpected(rd.error(p, "expected an object"));
            if (auto r = rd.only_keys(ns[i], p, {"id", "text", "severity", "from", "until"}); !r)
                return std::unexpected(r.error());
            NoticeSource n;
            BK_TRY(id, rd.str(ns[i], p, "id", true));
            BK_TRY(txt, rd.str(ns[i], p, "text", true));
            BK_TRY(sev, rd.str(ns[i], p, "severity", false));
            BK_TRY(from, rd.str(ns[i], p, "from", false));
            BK_TRY(until, rd.str(ns[i], p, "until", false));
            n.id = id;
            n.text = txt;
            if (!sev.empty()) n.severity = sev;
            if (n.severity != "info" && n.severity != "warning")
                return std::unexpected(rd.error(p + "/severity", "expected 'info' or 'warning', found '" + sev + "'"));
            n.from = from;
            n.until = until;
            cfg.notices.push_back(std::move(n));
        }
    }
    if (root.contains("organisations")) {
        const json& os = root["organisations"];
        if (!os.is_array()) return std::unexpected(rd.error("/organisations", "expected a list"));
        for (std::size_t i = 0; i < os.size(); ++i) {
            const std::string p = "/organisations/" + std::to_string(i);
            if (!os[i].is_object()) return std::unexpected(rd.error(p, "expected an object"));
            if (auto r = rd.only_keys(os[i], p, {"id", "name", "ics", "venue", "categories", "audiences", "languages",
                                                 "comment"});
                !r)
                return std::unexpected(r.error());
            OrganisationSource o;
            BK_TRY(id, rd.str(os[i], p, "id", true));
            if (!is_valid_source_id(id))
                return std::unexpected(rd.error(p + "/id", "'" + id + "' is not an id (1-100 of [A-Za-z0-9._-])"));
            for (const auto& prev : cfg.organisations)
                if (prev.id == id) return std::unexpected(rd.error(p + "/id", "duplicate organisation id '" + id + "'"));
            o.id = id;
            BK_TRY(name, rd.str(os[i], p, "name", false));
            o.name = name.empty() ? id : name;
            BK_TRY(ics, rd.str_list(os[i], p, "ics"));
            o.calendars = ics;
            BK_TRY(venue, rd.str(os[i], p, "venue", false));
            o.default_venue = venue;
            BK_TRY(cats, rd.str_list(os[i], p, "categories"));
            BK_TRY(auds, rd.str_list(os[i], p, "audiences"));
            BK_TRY(langs, rd.str_list(os[i], p, "languages"));
            o.categories = cats;
            o.audiences = auds;
            o.languages = langs;
            if (o.calendars.empty())
                return std::unexpected(rd.error(p, "organisation '" + id + "' has no 'ics' calendar"));
            cfg.organisations.push_back(std::move(o));
        }
    }
    return cfg;
}

std::expected<SourcesConfig, Error> read_sources_file(const std::filesystem::path& path) {
    auto text = read_file(path.string(), 4u << 20);
    if (!text) return std::unexpected(text.error());
    auto base = std::filesystem::absolute(path.has_parent_path() ? path.parent_path() : std::filesystem::path("."));
    if (path.extension() == ".toml") {
        auto doc = parse_toml(*text, path.string());
        if (!doc) return std::unexpected(doc.error());
        return parse_sources_document(*doc, {}, path.string(), base);  // messages name the key path
    }
    return parse_sources_json(*text, path.string(), base);
}

}  // namespace bk::data::publish
