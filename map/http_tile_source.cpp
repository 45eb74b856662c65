// [SECTION] header parsing   [SECTION] fetch (through data/http_fetch, the one HTTP client)
#include "map/http_tile_source.hpp"

#include "map/local_folder_tile_source.hpp"
#include "map/str_cat.hpp"
#include "map/tile_grid.hpp"

#include "data/http_fetch.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <ctime>
#include <memory>
#include <mutex>

namespace bk::map {

// [SECTION] header parsing ---------------------------------------------------------------------

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<WallClock::time_point> parse_http_date(std::string_view text) {
    const std::string s(trim(text));
    std::tm tm{};
    const char* end = strptime(s.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
    if (!end || *end != '\0') return std::nullopt;
    const time_t t = timegm(&tm);
    if (t == time_t(-1)) return std::nullopt;
    return WallClock::from_time_t(t);
}

std::string format_http_date(WallClock::time_point t) {
    const time_t tt = WallClock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[64];
    // Day and month names must be English whatever the locale (RFC 9110 IMF-fixdate).
    static const char* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday % 7], tm.tm_mday,
                  months[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

std::optional<WallClock::time_point> expiry_from_headers(std::string_view cache_control, std::string_view expires,
                                                          WallClock::time_point now) {
    const std::string cc = lower(cache_control);
    std::string_view rest = cc;
    std::optional<WallClock::time_point> from_cc;
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        const std::string_view directive = trim(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        if (directive == "no-cache" || directive == "no-store") return now;
        if (directive.starts_with("max-age=")) {
            std::string_view num = directive.substr(8);
            if (!num.empty() && num.front() == '"') num = num.substr(1, num.size() >= 2 ? num.size() - 2 : 0);
            long long seconds = 0;
            auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), seconds);
            if (ec == std::errc{} && seconds >= 0) from_cc = now + std::chrono::seconds(seconds);
        }
    }
    if (from_cc) return from_cc;
    if (!trim(expires).empty()) {
        if (auto t = parse_http_date(expires)) return *t;
        return now;  // RFC 9111 5.3: an invalid Expires means "already expired"
    }
    return std::nullopt;
}

// [SECTION] fetch ------------------------------------------------------------------------------

HttpTileSource::HttpTileSource(HttpTileSourceOptions options) : options_(std::move(options)) {}

std::string HttpTileSource::describe(TileId id) const { return expand_tile_template(options_.url_template, id); }

std::expected<TileResponse, Error> HttpTileSource::fetch(const TileRequest& request) {
    if (!is_valid(request.id)) {
        return std::unexpected(Error{ErrorKind::InvalidArgument, str_cat("tile ", to_string(request.id), " is outside the tile matrix")});
    }
    const std::string url = describe(request.id);
    // The project's one HTTP client (data/http_fetch.hpp): a curl handle per worker thread, so each
    // worker keeps its connection to the tile server open. Conditional revalidation only; never
    // Cache-Control: no-cache / Pragma (OSM tile policy).
    data::HttpGet get;
    get.url = url;
    get.etag = request.if_none_match;
    get.last_modified = request.if_modified_since;
    get.user_agent = options_.user_agent;
    get.connect_timeout_ms = long(options_.connect_timeout.count());
    get.total_timeout_ms = long(options_.total_timeout.count());
    get.max_body_bytes = options_.max_body_bytes;
    get.max_redirects = 3;
    auto reply = data::http_request(get);
    if (!reply) {
        const auto& e = reply.error();
        switch (e.failure) {
            case data::HttpFailure::TooLarge:
                return std::unexpected(Error{ErrorKind::TooLarge, str_cat(url, ": body exceeds ", options_.max_body_bytes, " bytes")});
            case data::HttpFailure::Timeout:
                return std::unexpected(Error{ErrorKind::Timeout, e.error.message});
            case data::HttpFailure::InvalidUrl:
                return std::unexpected(Error{ErrorKind::InvalidArgument, e.error.message});
            default:
                return std::unexpected(Error{ErrorKind::Network, e.error.message});
        }
    }
    const long status = reply->status;
    TileResponse r;
    r.origin = url;
    r.etag = reply->etag;
    r.last_modified = reply->last_modified;
    r.expires = expiry_from_headers(reply->cache_control, reply->expires, WallClock::now());
    if (status == 304) {
        r.status = TileStatus::NotModified;
        return r;
    }
    if (status == 200) {
        if (reply->body.empty()) return std::unexpected(Error{ErrorKind::Http, str_cat(url, ": HTTP 200 with an empty body")});
        r.bytes.assign(reply->body.begin(), reply->body.end());
        return r;
    }
    const ErrorKind kind = (status == 404 || status == 410) ? ErrorKind::NotFound
                           : status >= 500                  ? ErrorKind::Server
                                                            : ErrorKind::Http;
    return std::unexpected(Error{kind, str_cat(url, ": HTTP status ", status, ", expected 200 or 304")});
}

}  // namespace bk::map
