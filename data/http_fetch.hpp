// The project's one HTTP(S) client (libcurl): conditional GET, gzip, timeouts, body cap, TLS
// verification, a User-Agent. Used by the feed updater, the publisher's source fetcher and geocoder,
// and the map's HTTP tile source. Each thread keeps one curl handle, so its connections stay open
// between requests (keep-alive; HTTP/2 where an HTTPS server offers it): a tile worker reuses one
// TLS connection for all its PDOK tiles.
//
// Usage:
//   bk::data::HttpGet req; req.url = "https://example.org/feed.json"; req.etag = "\"v1\"";
//   std::expected<bk::data::HttpReply, bk::data::Error> r = bk::data::http_get(req);
//   if (r && r->status == 304) ...  // not modified
// Any complete response is returned with its status (the caller decides what 404/500 mean).
// Errors: Network (connect, TLS, timeout, cancelled, truncated body: curl error or
// Content-Length mismatch), Io (body over max_body_bytes, counted after gzip decoding),
// InvalidArgument (not http/https). TLS peer and host verification are always on.
// Threads: any thread; blocking (the updater calls it on its worker thread).
#pragma once
#include <atomic>
#include <cstddef>
#include <expected>
#include <string>

#include "data/error.hpp"

namespace bk::data {

struct HttpGet {
    std::string url;
    std::string etag;           // -> If-None-Match
    std::string last_modified;  // -> If-Modified-Since (HTTP date as received)
    long connect_timeout_ms = 5000;
    long total_timeout_ms = 30000;
    std::size_t max_body_bytes = 32u << 20;
    std::string user_agent = "buurtkaart-kiosk/1";
    long max_redirects = 5;
    const std::atomic<bool>* cancel = nullptr;  // set to true from another thread: abort soon
};

struct HttpReply {
    long status = 0;            // HTTP status of the final response (after redirects)
    std::string body;           // decoded (gzip) body; empty for 304
    std::string etag;
    std::string last_modified;
    std::string cache_control;  // raw header values, for caches that compute an expiry
    std::string expires;
    long new_connections = 0;   // connections opened for this request (0: an open one was reused)
};

// Why a request got no complete response (for callers that map failures to their own kinds).
enum class HttpFailure { InvalidUrl, Timeout, TooLarge, Truncated, Cancelled, Network };

struct HttpError {
    HttpFailure failure;
    Error error;  // kind InvalidArgument (URL), Io (too large) or Network, message names the URL
};

std::expected<HttpReply, HttpError> http_request(const HttpGet& request);
// The same, with the failure folded into Error (most callers).
std::expected<HttpReply, Error> http_get(const HttpGet& request);

}  // namespace bk::data
