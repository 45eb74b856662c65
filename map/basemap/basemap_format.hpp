// basemap_format — our compact ".bkmap" file for the offline basemap (reader and writer).
//
// Layout (version 1, little-endian):
//   header, 36 bytes:  "BKBM" | u16 version=1 | u16 flags (bit 0: body is zlib-compressed)
//                      | i32 bbox min_x, min_y, max_x, max_y (Web Mercator, units of 0.1 m)
//                      | u32 raw body size | u32 stored body size | u32 CRC-32 of the raw body
//   body:  layer blocks until the end: u8 layer id | varint payload size | payload
//          (unknown layer ids are skipped, so newer files with extra layers stay readable).
//   payload: varint feature count, then per feature its attributes and geometry.
//     point      : zigzag-varint dx, dy in 0.1 m units, delta to the previous point of the same layer
//                  (the "pen" starts at the bbox minimum at the start of every layer)
//     point list : varint n, n points        polygon: varint ring count, ring point lists
//     string     : varint byte length (<= 1024), UTF-8 bytes
//     water/buildings: polygon     roads: u8 class, u8 flags (1 bridge, 2 tunnel), point list
//     rails: u8 kind, point list   buurten/districts: string name, string code, polygon
//     stops: string name, point
//     green: u8 kind (0 planted, 1 park), string name, polygon
//     street names: string name, u8 road class, u8 flags (1 bridge, 4 high confidence), point list
//     metro: u8 flags (2 tunnel), point list       metro stations: string name, point
//   Layers 8..11 (green, street names, metro, metro stations) were added within version 1: older readers skip them.
// Usage: auto bytes = encode_basemap(map, {.compress = true});  write_basemap_file(path, map);
//        auto map = read_basemap_file(path);  // std::expected<Basemap, bk::map::Error>
// Errors name the file, the byte offset (in the decompressed body for body errors) and what was expected.
// Limits: raw body <= 64 MiB; coordinates must fit the int32 grid (about +-214 000 km, never an issue).
// Threads: pure functions, any thread.
#pragma once
#include <cstdint>
#include <expected>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "map/basemap/basemap.hpp"
#include "map/error.hpp"

namespace bk::map::basemap {

inline constexpr char format_magic[4] = {'B', 'K', 'B', 'M'};
inline constexpr std::uint16_t format_version = 1;
inline constexpr std::size_t header_size = 36;
inline constexpr double grid_m = 0.1;  // quantization step
inline constexpr std::uint32_t max_raw_body_bytes = 64u << 20;

enum class LayerId : std::uint8_t {
    Water = 1, Roads = 2, Rails = 3, Buildings = 4, Buurten = 5, Districts = 6, Stops = 7,
    Green = 8, StreetNames = 9, Metro = 10, MetroStations = 11
};

struct EncodeOptions {
    bool compress = true;
};

std::vector<std::uint8_t> encode_basemap(const Basemap& map, EncodeOptions options = {});
// `source_name` (a file name) is used in error messages only.
std::expected<Basemap, Error> decode_basemap(std::span<const std::uint8_t> bytes, const std::string& source_name);

std::expected<std::size_t, Error> write_basemap_file(const std::filesystem::path& path, const Basemap& map,
                                                     EncodeOptions options = {});
std::expected<Basemap, Error> read_basemap_file(const std::filesystem::path& path);

}  // namespace bk::map::basemap
