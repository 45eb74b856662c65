// Source fetching — gets one agenda source (ICS or CSV) from a URL or a local file.
//
// Usage:
//   FetchSettings settings;                                    // timeouts, size cap, user agent
//   auto prev = store.last_good(id);                           // source_store.hpp
//   auto got = fetch_source("https://org.example/agenda.ics", prev ? &*prev : nullptr, settings, base_dir);
//   if (!got) report(got.error().message);                     // names the URL and what went wrong
//   else if (got->not_modified) use(prev->body);               // 304: the stored copy is current
//   else parse(got->body);
// URLs (http://, https://) go through bk::data::http_get (libcurl: conditional GET with the stored
// ETag / Last-Modified — sent only when the stored copy came from this very URL —, gzip, connect and total timeouts, body cap, TLS verification). Anything
// else is a file path, relative paths resolved against base_dir (the sources file's folder); files
// are size-checked too. file:// URLs are accepted as files.
// Threads: blocking; any thread.
#pragma once

#include <cstddef>
#include <expected>
#include <filesystem>
#include <string>

#include "data/error.hpp"
#include "data/publish/source_store.hpp"

namespace bk::data::publish {

struct FetchSettings {
    long connect_timeout_ms = 5000;
    long total_timeout_ms = 20000;
    std::size_t max_bytes = 8u << 20;
    std::string user_agent = "wijkagenda/1 (+buurtkaart delfshaven)";
};

struct FetchedSource {
    std::string origin;  // URL or absolute file path
    bool is_file = false;
    bool not_modified = false;  // 304: body empty, the stored copy is current
    long http_status = 0;       // 0 for files
    std::string body;
    std::string etag;
    std::string last_modified;
};

bool is_url(std::string_view location);

std::expected<FetchedSource, Error> fetch_source(const std::string& location, const StoredSource* previous,
                                                 const FetchSettings& settings,
                                                 const std::filesystem::path& base_dir);

}  // namespace bk::data::publish
