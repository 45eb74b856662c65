#include "map/local_folder_tile_source.hpp"

#include "map/str_cat.hpp"
#include "map/tile_grid.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace bk::map {

std::string expand_tile_template(std::string_view tmpl, TileId id) {
    std::string out;
    out.reserve(tmpl.size() + 16);
    for (std::size_t i = 0; i < tmpl.size();) {
        if (tmpl[i] == '{') {
            const std::size_t close = tmpl.find('}', i);
            if (close != std::string_view::npos) {
                const std::string_view key = tmpl.substr(i + 1, close - i - 1);
                const char* value_of = nullptr;
                int v = 0;
                if (key == "z" || key == "TileMatrix") { v = id.z; value_of = "z"; }
                else if (key == "x" || key == "TileCol") { v = id.x; value_of = "x"; }
                else if (key == "y" || key == "TileRow") { v = id.y; value_of = "y"; }
                if (value_of) {
                    out += std::to_string(v);
                    i = close + 1;
                    continue;
                }
            }
        }
        out += tmpl[i++];
    }
    return out;
}

std::expected<TileBytes, Error> read_file_bytes(const std::filesystem::path& path, std::size_t max_bytes) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        const bool missing = ec == std::errc::no_such_file_or_directory;
        return std::unexpected(Error{missing ? ErrorKind::NotFound : ErrorKind::Io,
                                     str_cat(path.string(), ": ", ec.message())});
    }
    if (size > max_bytes) {
        return std::unexpected(Error{ErrorKind::TooLarge, str_cat(path.string(), ": ", size,
                                                                  " bytes, expected at most ", max_bytes)});
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::unexpected(Error{ErrorKind::Io, str_cat(path.string(), ": cannot open: ", std::strerror(errno))});
    TileBytes bytes(size);
    in.read(reinterpret_cast<char*>(bytes.data()), std::streamsize(size));
    if (std::size_t(in.gcount()) != size) {
        return std::unexpected(Error{ErrorKind::Io, str_cat(path.string(), ": read ", in.gcount(), " of ", size, " bytes")});
    }
    return bytes;
}

LocalFolderTileSource::LocalFolderTileSource(std::filesystem::path root, std::string pattern, std::size_t max_file_bytes)
    : root_(std::move(root)), pattern_(std::move(pattern)), max_file_bytes_(max_file_bytes) {}

std::filesystem::path LocalFolderTileSource::path_of(TileId id) const {
    return root_ / expand_tile_template(pattern_, id);
}

std::string LocalFolderTileSource::describe(TileId id) const { return path_of(id).string(); }

std::expected<TileResponse, Error> LocalFolderTileSource::fetch(const TileRequest& request) {
    if (!is_valid(request.id)) {
        return std::unexpected(Error{ErrorKind::InvalidArgument, str_cat("tile ", to_string(request.id), " is outside the tile matrix")});
    }
    const auto path = path_of(request.id);
    auto bytes = read_file_bytes(path, max_file_bytes_);
    if (!bytes) return std::unexpected(bytes.error());
    TileResponse r;
    r.bytes = std::move(*bytes);
    r.origin = path.string();
    return r;
}

}  // namespace bk::map
