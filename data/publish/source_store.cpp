#include "data/publish/source_store.hpp"

#include <cctype>
#include <nlohmann/json.hpp>

#include "data/atomic_file.hpp"

namespace bk::data::publish {

bool is_valid_source_id(std::string_view id) {
    if (id.empty() || id.size() > 100 || id.front() == '.') return false;
    for (char c : id)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-')) return false;
    return true;
}

SourceStore::SourceStore(std::filesystem::path state_dir) : root_(std::move(state_dir) / "sources") {}

std::filesystem::path SourceStore::dir_of(std::string_view source_id) const { return root_ / std::string(source_id); }

std::optional<StoredSource> SourceStore::last_good(std::string_view source_id) const {
    if (!is_valid_source_id(source_id)) return std::nullopt;
    const auto dir = dir_of(source_id);
    auto body = read_file((dir / "body").string());
    if (!body) return std::nullopt;
    StoredSource s;
    s.body = std::move(*body);
    if (auto meta = read_file((dir / "meta.json").string(), 1u << 20)) {
        auto j = nlohmann::json::parse(*meta, nullptr, false);
        if (j.is_object()) {
            s.etag = j.value("etag", "");
            s.last_modified = j.value("last_modified", "");
            s.origin = j.value("origin", "");
            s.saved_at = j.value("saved_at", "");
        }
    }
    return s;
}

std::expected<void, Error> SourceStore::save_good(std::string_view source_id, const StoredSource& source) const {
    if (!is_valid_source_id(source_id))
        return std::unexpected(Error{ErrorKind::InvalidArgument,
                                     "source id '" + std::string(source_id) + "': expected 1-100 of [A-Za-z0-9._-]"});
    const auto dir = dir_of(source_id);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return std::unexpected(Error{ErrorKind::Io, dir.string() + ": cannot create (" + ec.message() + ")"});
    // Body first, then meta: a crash in between leaves a new body with an old ETag, which at worst
    // costs one unconditional 200 on the next run (the server's ETag will not match).
    if (auto r = write_file_atomically((dir / "body").string(), source.body); !r) return r;
    nlohmann::json meta = {{"etag", source.etag},
                           {"last_modified", source.last_modified},
                           {"origin", source.origin},
                           {"saved_at", source.saved_at},
                           {"bytes", source.body.size()}};
    return write_file_atomically((dir / "meta.json").string(), meta.dump(2) + "\n");
}

}  // namespace bk::data::publish
