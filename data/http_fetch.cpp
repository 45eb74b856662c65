#include "data/http_fetch.hpp"

#include <cstring>
#include <memory>
#include <mutex>

#include <curl/curl.h>

namespace bk::data {
namespace {

struct Transfer {
    std::string body;
    std::size_t max_body = 0;
    bool over_limit = false;
    std::string etag;
    std::string last_modified;
    std::string cache_control;
    std::string expires;
    const std::atomic<bool>* cancel = nullptr;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    std::size_t n = size * count;
    if (t->body.size() + n > t->max_body) {
        t->over_limit = true;
        return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
    }
    t->body.append(data, n);
    return n;
}

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' ')) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && s[i] == ' ') ++i;
    return s.substr(i);
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    std::size_t n = size * count;
    std::string line(data, n);
    if (line.rfind("HTTP/", 0) == 0) {  // new response (redirect): forget earlier headers
        t->etag.clear();
        t->last_modified.clear();
        t->cache_control.clear();
        t->expires.clear();
        return n;
    }
    auto colon = line.find(':');
    if (colon == std::string::npos) return n;
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (name == "etag") t->etag = trim(line.substr(colon + 1));
    else if (name == "last-modified") t->last_modified = trim(line.substr(colon + 1));
    else if (name == "cache-control") t->cache_control = trim(line.substr(colon + 1));
    else if (name == "expires") t->expires = trim(line.substr(colon + 1));
    return n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* t = static_cast<Transfer*>(user);
    return (t->cancel && t->cancel->load()) ? 1 : 0;
}

struct EasyFree {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListFree {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

std::expected<HttpReply, HttpError> http_request(const HttpGet& req) {
    static std::once_flag init;
    std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    auto fail = [&](HttpFailure f, ErrorKind kind, std::string message) {
        return std::unexpected(HttpError{f, Error{kind, std::move(message)}});
    };
    if (req.url.rfind("http://", 0) != 0 && req.url.rfind("https://", 0) != 0)
        return fail(HttpFailure::InvalidUrl, ErrorKind::InvalidArgument, req.url + ": expected an http:// or https:// URL");
    // One handle per thread, reset between requests: curl keeps its connection cache with the handle.
    thread_local std::unique_ptr<CURL, EasyFree> easy;
    if (!easy) easy.reset(curl_easy_init());
    else curl_easy_reset(easy.get());
    if (!easy) return fail(HttpFailure::Network, ErrorKind::Network, req.url + ": curl_easy_init failed");
    CURL* c = easy.get();
    Transfer t;
    t.max_body = req.max_body_bytes;
    t.cancel = req.cancel;
    char errbuf[CURL_ERROR_SIZE] = {};
    std::unique_ptr<curl_slist, ListFree> headers;
    auto add_header = [&](const std::string& h) { headers.reset(curl_slist_append(headers.release(), h.c_str())); };
    if (!req.etag.empty()) add_header("If-None-Match: " + req.etag);
    if (!req.last_modified.empty()) add_header("If-Modified-Since: " + req.last_modified);

    curl_easy_setopt(c, CURLOPT_URL, req.url.c_str());
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, req.max_redirects);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, req.connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, req.total_timeout_ms);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, req.user_agent.c_str());
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(req.max_body_bytes));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    if (headers) curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());

    CURLcode rc = curl_easy_perform(c);
    // The header list and error buffer die with this call; the handle lives on for the next one.
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, nullptr);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, nullptr);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    const std::string limit = std::to_string(req.max_body_bytes);
    if (t.over_limit || rc == CURLE_FILESIZE_EXCEEDED)
        return fail(HttpFailure::TooLarge, ErrorKind::Io, req.url + ": body larger than the maximum of " + limit + " bytes");
    if (rc == CURLE_OPERATION_TIMEDOUT)
        return fail(HttpFailure::Timeout, ErrorKind::Network,
                    req.url + ": timed out (connect " + std::to_string(req.connect_timeout_ms) + " ms, total " +
                        std::to_string(req.total_timeout_ms) + " ms)");
    if (rc == CURLE_PARTIAL_FILE) {
        curl_off_t expected = -1;
        curl_easy_getinfo(c, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &expected);
        return fail(HttpFailure::Truncated, ErrorKind::Network,
                    req.url + ": truncated body, received " + std::to_string(t.body.size()) + " of " +
                        std::to_string(expected) + " announced bytes");
    }
    if (rc == CURLE_ABORTED_BY_CALLBACK) return fail(HttpFailure::Cancelled, ErrorKind::Network, req.url + ": cancelled");
    if (rc != CURLE_OK)
        return fail(HttpFailure::Network, ErrorKind::Network,
                    req.url + ": " + curl_easy_strerror(rc) + (errbuf[0] ? std::string(" (") + errbuf + ")" : ""));
    HttpReply reply;
    reply.status = status;
    reply.body = std::move(t.body);
    reply.etag = std::move(t.etag);
    reply.last_modified = std::move(t.last_modified);
    reply.cache_control = std::move(t.cache_control);
    reply.expires = std::move(t.expires);
    curl_easy_getinfo(c, CURLINFO_NUM_CONNECTS, &reply.new_connections);
    return reply;
}

std::expected<HttpReply, Error> http_get(const HttpGet& req) {
    auto r = http_request(req);
    if (!r) return std::unexpected(std::move(r.error().error));
    return std::move(*r);
}

}  // namespace bk::data
