// LocalFolderTileSource — tiles stored as files `{z}/{x}/{y}.png` under a root folder (the offline
// basemap pack baked by map/basemap).
//
// Usage:
//   LocalFolderTileSource src("/usr/share/buurtkaart/tiles");      // or a custom pattern
//   auto r = src.fetch(TileId{15, 16789, 10837});                 // NotFound when the file is absent
// Limits: files over max_file_bytes (default 4 MiB) are refused (TooLarge).
// Threads: stateless after construction; fetch() from any number of worker threads.
#pragma once

#include "map/tile_source.hpp"

#include <filesystem>

namespace bk::map {

class LocalFolderTileSource final : public TileSource {
public:
    explicit LocalFolderTileSource(std::filesystem::path root, std::string pattern = "{z}/{x}/{y}.png",
                                   std::size_t max_file_bytes = 4u << 20);
    using TileSource::fetch;
    std::expected<TileResponse, Error> fetch(const TileRequest& request) override;
    std::string describe(TileId id) const override;
    std::filesystem::path path_of(TileId id) const;

private:
    std::filesystem::path root_;
    std::string pattern_;
    std::size_t max_file_bytes_;
};

// Reads a whole file (any thread). NotFound / Io / TooLarge errors name the path.
std::expected<TileBytes, Error> read_file_bytes(const std::filesystem::path& path, std::size_t max_bytes);

// Expands {z} {x} {y} and the WMTS names {TileMatrix} {TileCol} {TileRow} in a template.
std::string expand_tile_template(std::string_view tmpl, TileId id);

}  // namespace bk::map
