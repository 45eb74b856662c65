// Geo types — coordinates that carry their coordinate system in the type, so they never mix silently.
//
// Usage:
//   bk::map::LonLat p{4.45, 51.91};                  // WGS84 degrees (EPSG:4326, lon first)
//   bk::map::TileId t{16, 33578, 21554};             // XYZ tile, y from the top (OSM / WMTS order)
//   std::unordered_set<bk::map::TileId> seen;        // hashable, ordered (z, x, y)
// GridPoint is the grid-neutral position used by viewport and draw planning: (u, v) in [0, 1]
// across the whole tile matrix at z0, u to the right, v downwards; world pixel = unit * 256 * 2^zoom.
// Limits: plain values, no validation here (grids and projections validate). Any thread.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace bk::map {

// WGS84 longitude/latitude in degrees (EPSG:4326 axis order normalised to lon, lat).
struct LonLat {
    double lon_deg = 0.0;
    double lat_deg = 0.0;
    friend bool operator==(const LonLat&, const LonLat&) = default;
};

// Web Mercator metres (EPSG:3857).
struct WebMercator {
    double x_m = 0.0;
    double y_m = 0.0;
    friend bool operator==(const WebMercator&, const WebMercator&) = default;
};

// Amersfoort / RD New metres (EPSG:28992).
struct RdNew {
    double x_m = 0.0;
    double y_m = 0.0;
    friend bool operator==(const RdNew&, const RdNew&) = default;
};

// Axis-aligned lon/lat box (degrees).
struct LonLatBox {
    double min_lon_deg = 0.0;
    double min_lat_deg = 0.0;
    double max_lon_deg = 0.0;
    double max_lat_deg = 0.0;
};

// The project's Delfshaven box (lon 4.42–4.49, lat 51.90–51.93; /work/shared/TILES.md).
inline constexpr LonLatBox kDelfshavenBox{4.42, 51.90, 4.49, 51.93};

// A tile of a tile matrix: zoom level z, column x, row y counted from the top.
struct TileId {
    int z = 0;
    int x = 0;
    int y = 0;
    friend auto operator<=>(const TileId&, const TileId&) = default;
};

std::string to_string(const TileId& id);  // "z/x/y"

// Grid-neutral normalised position (see header note).
struct GridPoint {
    double u = 0.0;
    double v = 0.0;
    friend bool operator==(const GridPoint&, const GridPoint&) = default;
};

struct GridRect {
    double min_u = 0.0;
    double min_v = 0.0;
    double max_u = 0.0;
    double max_v = 0.0;
};

// World pixels at some (fractional) zoom: GridPoint * 256 * 2^zoom. Origin top-left of the matrix.
struct WorldPoint {
    double x_px = 0.0;
    double y_px = 0.0;
    friend bool operator==(const WorldPoint&, const WorldPoint&) = default;
};

// Screen pixels, origin top-left, y down.
struct ScreenPoint {
    double x_px = 0.0;
    double y_px = 0.0;
    friend bool operator==(const ScreenPoint&, const ScreenPoint&) = default;
};

struct ScreenRect {
    double x_px = 0.0;
    double y_px = 0.0;
    double w_px = 0.0;
    double h_px = 0.0;
    friend bool operator==(const ScreenRect&, const ScreenRect&) = default;
};

// Screen size in pixels.
struct ScreenSize {
    double w_px = 0.0;
    double h_px = 0.0;
};

}  // namespace bk::map

template <>
struct std::hash<bk::map::TileId> {
    std::size_t operator()(const bk::map::TileId& t) const noexcept {
        // z < 32, x,y < 2^28 at any zoom we use: pack into 64 bits, then mix.
        std::uint64_t k = (std::uint64_t(std::uint32_t(t.z)) << 58) ^ (std::uint64_t(std::uint32_t(t.x)) << 29) ^
                          std::uint64_t(std::uint32_t(t.y));
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdULL;
        k ^= k >> 33;
        return std::size_t(k);
    }
};
