// SourceStore — the last good copy of every agenda source, so one bad fetch never empties the feed.
//
// Usage:
//   SourceStore store("/var/lib/wijkagenda");                 // files under <state>/sources/<id>/
//   auto prev = store.last_good("buurthuis-spangen");           // body + ETag/Last-Modified, or nullopt
//   ... fetch with prev->etag, parse the new body ...
//   if (parsed_ok) store.save_good("buurthuis-spangen", {body, etag, last_modified, url, now});
// A copy is saved only after its body parsed; so the stored ETag always belongs to a good body and a
// 304 Not Modified may safely reuse it. Files: body (the raw source), meta.json (etag, last_modified,
// origin, saved_at). Writes are atomic (data/atomic_file.hpp).
// Source ids: 1–100 chars of [A-Za-z0-9._-] (checked; they become directory names).
// Threads: one SourceStore per build; calls for different ids may run on different threads.
#pragma once

#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "data/error.hpp"

namespace bk::data::publish {

struct StoredSource {
    std::string body;
    std::string etag;
    std::string last_modified;
    std::string origin;    // URL or file it came from
    std::string saved_at;  // RFC 3339 UTC
};

class SourceStore {
public:
    explicit SourceStore(std::filesystem::path state_dir);

    std::optional<StoredSource> last_good(std::string_view source_id) const;
    std::expected<void, Error> save_good(std::string_view source_id, const StoredSource& source) const;
    std::filesystem::path dir_of(std::string_view source_id) const;

private:
    std::filesystem::path root_;
};

// True for ids usable as file names: 1–100 of [A-Za-z0-9._-], not starting with '.'.
bool is_valid_source_id(std::string_view id);

}  // namespace bk::data::publish
