// curl_probe — one raw libcurl GET that reports status, header and body sizes (nginx tests, scale bench).
#pragma once

#include <curl/curl.h>

#include <string>

namespace publish_test {

struct ProbeReply {
    long status = 0;
    std::string headers;       // raw response header block
    std::size_t header_bytes = 0;
    std::size_t body_bytes = 0;  // on the wire (compressed when gzip was negotiated)
    std::string etag;
    std::string header(const std::string& name) const {  // case-insensitive, first match, trimmed
        std::string lower_h, lower_n;
        for (char c : headers) lower_h.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        for (char c : name) lower_n.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        auto pos = lower_h.find("\n" + lower_n + ":");
        if (pos == std::string::npos) return {};
        pos += lower_n.size() + 2;
        auto end = headers.find('\r', pos);
        std::string v = headers.substr(pos, end - pos);
        while (!v.empty() && v.front() == ' ') v.erase(0, 1);
        return v;
    }
};

inline ProbeReply probe_get(const std::string& url, const std::string& if_none_match = {}, bool accept_gzip = true) {
    ProbeReply r;
    CURL* c = curl_easy_init();
    curl_slist* hdrs = nullptr;
    if (!if_none_match.empty()) hdrs = curl_slist_append(hdrs, ("If-None-Match: " + if_none_match).c_str());
    if (accept_gzip) hdrs = curl_slist_append(hdrs, "Accept-Encoding: gzip");  // raw bytes: curl does not decode
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 5000L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "buurtkaart-kiosk/1");
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, +[](char* p, size_t s, size_t n, void* u) {
        static_cast<ProbeReply*>(u)->headers.append(p, s * n);
        return s * n;
    });
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &r);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, +[](char*, size_t s, size_t n, void* u) {
        static_cast<ProbeReply*>(u)->body_bytes += s * n;
        return s * n;
    });
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &r);
    if (curl_easy_perform(c) == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
    curl_slist_free_all(hdrs);
    curl_easy_cleanup(c);
    r.headers = "\n" + r.headers;  // so header() can match the first line too
    r.header_bytes = r.headers.size() - 1;
    r.etag = r.header("ETag");
    return r;
}

}  // namespace publish_test
