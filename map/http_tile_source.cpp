// [SECTION] header parsing   [SECTION] curl callbacks   [SECTION] fetch
#include "map/http_tile_source.hpp"

#include "map/local_folder_tile_source.hpp"
#include "map/str_cat.hpp"
#include "map/tile_grid.hpp"

#include <curl/curl.h>

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

// [SECTION] curl callbacks ---------------------------------------------------------------------

namespace {

struct Transfer {
    TileBytes body;
    std::size_t max_body_bytes = 0;
    bool too_large = false;
    std::string etag, last_modified, cache_control, expires;
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    if (t->body.size() + n > t->max_body_bytes) {
        t->too_large = true;
        return 0;  // aborts the transfer with CURLE_WRITE_ERROR
    }
    t->body.insert(t->body.end(), reinterpret_cast<std::uint8_t*>(data), reinterpret_cast<std::uint8_t*>(data) + n);
    return n;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    const std::string_view line(data, n);
    const size_t colon = line.find(':');
    if (line.starts_with("HTTP/")) {
        // A new response (redirect or 100-continue): forget headers of the previous one.
        t->etag.clear(); t->last_modified.clear(); t->cache_control.clear(); t->expires.clear();
    } else if (colon != std::string_view::npos) {
        const std::string name = lower(trim(line.substr(0, colon)));
        const std::string value(trim(line.substr(colon + 1)));
        if (name == "etag") t->etag = value;
        else if (name == "last-modified") t->last_modified = value;
        else if (name == "cache-control") t->cache_control = value;
        else if (name == "expires") t->expires = value;
    }
    return n;
}

struct CurlDeleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

std::once_flag g_curl_init_once;

}  // namespace

// [SECTION] fetch ------------------------------------------------------------------------------

HttpTileSource::HttpTileSource(HttpTileSourceOptions options) : options_(std::move(options)) {
    std::call_once(g_curl_init_once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string HttpTileSource::describe(TileId id) const { return expand_tile_template(options_.url_template, id); }

std::expected<TileResponse, Error> HttpTileSource::fetch(const TileRequest& request) {
    if (!is_valid(request.id)) {
        return std::unexpected(Error{ErrorKind::InvalidArgument, str_cat("tile ", to_string(request.id), " is outside the tile matrix")});
    }
    const std::string url = describe(request.id);
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) return std::unexpected(Error{ErrorKind::Network, str_cat(url, ": curl_easy_init failed")});

    Transfer t;
    t.max_body_bytes = options_.max_body_bytes;
    std::unique_ptr<curl_slist, SlistDeleter> headers;
    auto add_header = [&](const std::string& h) { headers.reset(curl_slist_append(headers.release(), h.c_str())); };
    // Conditional revalidation only; never Cache-Control: no-cache / Pragma (OSM tile policy).
    if (!request.if_none_match.empty()) add_header("If-None-Match: " + request.if_none_match);
    if (!request.if_modified_since.empty()) add_header("If-Modified-Since: " + request.if_modified_since);

    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, 3L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, long(options_.connect_timeout.count()));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, long(options_.total_timeout.count()));
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options_.max_body_bytes));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
    if (headers) curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    char curl_error[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, curl_error);

    const CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK) {
        const std::string detail = curl_error[0] ? curl_error : curl_easy_strerror(rc);
        if (t.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
            return std::unexpected(Error{ErrorKind::TooLarge, str_cat(url, ": body exceeds ", options_.max_body_bytes, " bytes")});
        }
        if (rc == CURLE_OPERATION_TIMEDOUT) {
            return std::unexpected(Error{ErrorKind::Timeout, str_cat(url, ": timed out (", detail, ")")});
        }
        return std::unexpected(Error{ErrorKind::Network, str_cat(url, ": ", detail)});
    }
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);

    TileResponse r;
    r.origin = url;
    r.etag = t.etag;
    r.last_modified = t.last_modified;
    r.expires = expiry_from_headers(t.cache_control, t.expires, WallClock::now());
    if (status == 304) {
        r.status = TileStatus::NotModified;
        return r;
    }
    if (status == 200) {
        if (t.body.empty()) return std::unexpected(Error{ErrorKind::Http, str_cat(url, ": HTTP 200 with an empty body")});
        r.bytes = std::move(t.body);
        return r;
    }
    const ErrorKind kind = (status == 404 || status == 410) ? ErrorKind::NotFound
                           : status >= 500                  ? ErrorKind::Server
                                                            : ErrorKind::Http;
    return std::unexpected(Error{kind, str_cat(url, ": HTTP status ", status, ", expected 200 or 304")});
}

}  // namespace bk::map
