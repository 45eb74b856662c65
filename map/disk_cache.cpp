#include "map/disk_cache.hpp"

#include "data/atomic_file.hpp"

#include "map/local_folder_tile_source.hpp"
#include "map/str_cat.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace bk::map {

namespace {


long long to_unix(WallClock::time_point t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}
WallClock::time_point from_unix(long long s) { return WallClock::time_point(std::chrono::seconds(s)); }

// Metadata file: "key value" lines; values never contain newlines (HTTP header values can't).
std::string_view value_of(std::string_view text, std::string_view key) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t eol = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, eol - pos);
        if (line.size() > key.size() && line.starts_with(key) && line[key.size()] == ' ') {
            return line.substr(key.size() + 1);
        }
        pos = eol + 1;
    }
    return {};
}

bool parse_ll(std::string_view s, long long& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc{} && p == s.data() + s.size();
}

std::string strip_newlines(std::string s) {
    std::erase_if(s, [](char c) { return c == '\n' || c == '\r'; });
    return s;
}

}  // namespace

// Tiles are a cache that can be fetched again: no fsync (durable=false), folders made on demand.
static std::expected<void, Error> write_cache_file(const std::filesystem::path& path, const void* data, std::size_t size) {
    auto r = bk::data::write_file_atomically(path.string(), std::string_view(static_cast<const char*>(data), size),
                                             {.mode = 0644, .durable = false, .create_directories = true});
    if (!r) return std::unexpected(Error{ErrorKind::Io, r.error().message});
    return {};
}

DiskCache::DiskCache(std::filesystem::path root, std::size_t max_entry_bytes)
    : root_(std::move(root)), max_entry_bytes_(max_entry_bytes) {}

std::filesystem::path DiskCache::data_path(TileId id) const {
    return root_ / std::to_string(id.z) / std::to_string(id.x) / (std::to_string(id.y) + ".tile");
}

std::filesystem::path DiskCache::meta_path(TileId id) const {
    return root_ / std::to_string(id.z) / std::to_string(id.x) / (std::to_string(id.y) + ".meta");
}

std::expected<std::optional<CacheEntry>, Error> DiskCache::get(TileId id) const {
    auto meta = read_file_bytes(meta_path(id), 16u << 10);
    if (!meta) {
        if (meta.error().kind == ErrorKind::NotFound) return std::optional<CacheEntry>{};
        return std::unexpected(meta.error());
    }
    const std::string_view text(reinterpret_cast<const char*>(meta->data()), meta->size());
    long long size = -1, expires = 0, fetched = 0;
    if (!parse_ll(value_of(text, "size"), size) || !parse_ll(value_of(text, "expires"), expires) ||
        !parse_ll(value_of(text, "fetched"), fetched) || size < 0) {
        return std::unexpected(Error{ErrorKind::Io, str_cat(meta_path(id).string(),
                                                            ": malformed metadata, expected lines 'size N', 'expires T', 'fetched T'")});
    }
    auto data = read_file_bytes(data_path(id), max_entry_bytes_);
    if (!data) {
        if (data.error().kind == ErrorKind::NotFound) return std::optional<CacheEntry>{};
        return std::unexpected(data.error());
    }
    if (data->size() != std::size_t(size)) return std::optional<CacheEntry>{};  // torn write: a miss
    CacheEntry e;
    e.bytes = std::move(*data);
    e.etag = std::string(value_of(text, "etag"));
    e.last_modified = std::string(value_of(text, "last-modified"));
    e.expires = from_unix(expires);
    e.fetched = from_unix(fetched);
    return std::optional<CacheEntry>(std::move(e));
}

std::expected<void, Error> DiskCache::write_meta(TileId id, std::size_t size, const std::string& etag,
                                                 const std::string& last_modified, WallClock::time_point expires,
                                                 WallClock::time_point fetched) {
    const std::string text = str_cat("size ", size, "\nexpires ", to_unix(expires), "\nfetched ", to_unix(fetched),
                                     "\netag ", strip_newlines(etag), "\nlast-modified ", strip_newlines(last_modified), "\n");
    return write_cache_file(meta_path(id), text.data(), text.size());
}

std::expected<void, Error> DiskCache::put(TileId id, const CacheEntry& entry) {
    if (entry.bytes.size() > max_entry_bytes_) {
        return std::unexpected(Error{ErrorKind::TooLarge, str_cat(data_path(id).string(), ": ", entry.bytes.size(),
                                                                  " bytes, expected at most ", max_entry_bytes_)});
    }
    if (auto r = write_cache_file(data_path(id), entry.bytes.data(), entry.bytes.size()); !r) return r;
    return write_meta(id, entry.bytes.size(), entry.etag, entry.last_modified, entry.expires, entry.fetched);
}

std::expected<void, Error> DiskCache::update_meta(TileId id, const std::string& etag, const std::string& last_modified,
                                                  WallClock::time_point expires, WallClock::time_point fetched) {
    auto current = get(id);
    if (!current) return std::unexpected(current.error());
    if (!*current) return std::unexpected(Error{ErrorKind::NotFound, str_cat(meta_path(id).string(), ": no cached tile to refresh")});
    const CacheEntry& e = **current;
    return write_meta(id, e.bytes.size(), etag.empty() ? e.etag : etag,
                      last_modified.empty() ? e.last_modified : last_modified, expires, fetched);
}

std::expected<DiskCache::PruneStats, Error> DiskCache::prune(std::size_t max_total_bytes) {
    PruneStats stats;
    struct Item {
        std::filesystem::path meta;
        long long fetched;
        std::size_t bytes;
    };
    std::vector<Item> items;
    std::error_code ec;
    if (!std::filesystem::exists(root_, ec)) return stats;
    std::filesystem::recursive_directory_iterator it(root_, ec), end;
    if (ec) return std::unexpected(Error{ErrorKind::Io, str_cat(root_.string(), ": cannot list: ", ec.message())});
    for (; it != end; it.increment(ec)) {
        if (ec) return std::unexpected(Error{ErrorKind::Io, str_cat(root_.string(), ": cannot list: ", ec.message())});
        if (!it->is_regular_file(ec)) continue;
        const std::filesystem::path& p = it->path();
        if (p.filename().string().find(".tmp-") != std::string::npos) {
            stats.removed_temp_files += std::filesystem::remove(p, ec);
            continue;
        }
        if (p.extension() != ".meta") continue;
        auto meta = read_file_bytes(p, 16u << 10);
        long long fetched = 0, size = 0;
        if (meta) {
            const std::string_view text(reinterpret_cast<const char*>(meta->data()), meta->size());
            parse_ll(value_of(text, "fetched"), fetched);
            parse_ll(value_of(text, "size"), size);
        }
        items.push_back({p, fetched, std::size_t(std::max(0LL, size))});
    }
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.fetched > b.fetched; });
    for (const Item& item : items) {  // newest first: keep while within budget
        if (stats.kept_bytes + item.bytes <= max_total_bytes) {
            stats.kept_bytes += item.bytes;
            continue;
        }
        std::filesystem::path data = item.meta;
        data.replace_extension(".tile");
        std::filesystem::remove(item.meta, ec);  // meta first: a lone data file is a miss
        std::filesystem::remove(data, ec);
        ++stats.removed_tiles;
    }
    return stats;
}

}  // namespace bk::map
