#include "data/publish/venue_sheet.hpp"

#include <charconv>
#include <map>

namespace bk::data::publish {

std::optional<double> parse_decimal(std::string_view text) {
    std::string s = trim_cell(text);
    if (s.empty()) return std::nullopt;
    if (s.find('.') == std::string::npos) {
        auto comma = s.find(',');
        if (comma != std::string::npos && s.find(',', comma + 1) == std::string::npos) s[comma] = '.';
    }
    if (s.front() == '+') s.erase(0, 1);
    double value = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || ptr != s.data() + s.size()) return std::nullopt;
    return value;
}

namespace {

// "4.45 51.91", "4.45, 51.91", "4,45; 51,91" → (lon, lat).
std::optional<std::pair<double, double>> parse_lon_lat_pair(std::string_view text) {
    std::string s = trim_cell(text);
    std::vector<std::string> parts;
    auto split_on = [&](std::string_view seps) {
        parts.clear();
        std::string cur;
        for (char c : s) {
            if (seps.find(c) != std::string_view::npos) {
                if (!trim_cell(cur).empty()) parts.push_back(cur);
                cur.clear();
            } else {
                cur.push_back(c);
            }
        }
        if (!trim_cell(cur).empty()) parts.push_back(cur);
    };
    split_on(";");
    if (parts.size() != 2) split_on(" \t");
    if (parts.size() == 2 && !parts[0].empty() && parts[0].back() == ',') parts[0].pop_back();
    if (parts.size() != 2) split_on(",");
    if (parts.size() != 2) return std::nullopt;
    auto lon = parse_decimal(parts[0]);
    auto lat = parse_decimal(parts[1]);
    if (!lon || !lat) return std::nullopt;
    return std::pair{*lon, *lat};
}

}  // namespace

std::expected<VenueSheet, Error> parse_venue_sheet(const CsvTable& table) {
    const auto c_id = table.column({"id", "venue id", "venue_id", "code"});
    const auto c_name = table.column({"name", "naam"});
    if (!c_id || !c_name)
        return std::unexpected(Error{ErrorKind::Validation,
                                     table.source + ":1: venues sheet needs the columns 'id' and 'name'; header has: " +
                                         [&] {
                                             std::string h;
                                             for (const auto& s : table.header) h += (h.empty() ? "" : ", ") + s;
                                             return h;
                                         }()});
    const auto c_network = table.column({"network", "netwerk"});
    const auto c_hood = table.column({"neighbourhood", "neighborhood", "buurt", "wijk"});
    const auto c_address = table.column({"address", "adres"});
    const auto c_lon = table.column({"lon", "longitude", "lng", "lengtegraad"});
    const auto c_lat = table.column({"lat", "latitude", "breedtegraad"});
    const auto c_lonlat = table.column({"lon/lat", "lonlat", "coordinates", "coordinaten", "coördinaten"});
    const auto c_kind = table.column({"kind", "type", "soort"});
    const auto c_hours = table.column({"opening hours", "openinghours", "hours", "openingstijden"});
    const auto c_access = table.column({"accessibility", "toegankelijkheid"});
    const auto c_contact = table.column({"contact", "phone", "email"});
    const auto c_web = table.column({"website", "url", "web"});

    auto get = [](const CsvRow& row, const std::optional<std::size_t>& col) {
        return col ? trim_cell(row.field(*col)) : std::string{};
    };

    VenueSheet sheet;
    std::map<std::string, int> first_line_of_id;
    for (const CsvRow& row : table.rows) {
        auto issue = [&](std::string message) {
            sheet.issues.push_back(SheetIssue{table.source, row.line, std::move(message)});
        };
        VenueRow v;
        v.line = row.line;
        v.id = get(row, c_id);
        v.name = get(row, c_name);
        if (v.id.empty()) {
            issue("venue without id (name '" + v.name + "'); row skipped");
            continue;
        }
        if (auto [it, inserted] = first_line_of_id.emplace(v.id, row.line); !inserted) {
            issue("duplicate venue id '" + v.id + "' (first on line " + std::to_string(it->second) +
                  "); row skipped");
            continue;
        }
        if (v.name.empty()) {
            issue("venue '" + v.id + "' has no name; row skipped");
            continue;
        }
        v.network = get(row, c_network);
        v.neighbourhood = get(row, c_hood);
        v.address = get(row, c_address);
        v.kind = get(row, c_kind);
        v.opening_hours = get(row, c_hours);
        v.accessibility = get(row, c_access);
        v.contact = get(row, c_contact);
        v.website = get(row, c_web);

        const std::string lon_text = get(row, c_lon), lat_text = get(row, c_lat);
        const std::string pair_text = get(row, c_lonlat);
        if (!lon_text.empty() || !lat_text.empty()) {
            v.lon_deg = parse_decimal(lon_text);
            v.lat_deg = parse_decimal(lat_text);
            if (!v.lon_deg || !v.lat_deg) {
                issue("venue '" + v.id + "': coordinates lon='" + lon_text + "' lat='" + lat_text +
                      "' are not two decimal numbers; the address will be looked up instead");
                v.lon_deg.reset();
                v.lat_deg.reset();
            }
        } else if (!pair_text.empty()) {
            if (auto p = parse_lon_lat_pair(pair_text)) {
                v.lon_deg = p->first;
                v.lat_deg = p->second;
            } else {
                issue("venue '" + v.id + "': lon/lat '" + pair_text +
                      "' is not 'lon lat' (e.g. '4.45 51.91'); the address will be looked up instead");
            }
        }
        if (!v.lon_deg && v.address.empty()) {
            issue("venue '" + v.id + "' has neither coordinates nor an address; row skipped");
            continue;
        }
        sheet.venues.push_back(std::move(v));
    }
    return sheet;
}

}  // namespace bk::data::publish
