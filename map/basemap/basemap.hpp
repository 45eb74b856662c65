// Basemap — the in-memory offline basemap of Delfshaven: the few layers the baker draws.
//
// What: plain value types (no I/O). Coordinates are Web Mercator (EPSG:3857) metres; the file format
// (basemap_format.hpp) quantizes them to a 0.1 m grid relative to the bbox minimum, so a round trip
// changes a coordinate by at most 0.05 m.
// Usage: fill a Basemap (basemap_extract does it from ../shared GeoJSON), write_basemap_file(); later
//   auto map = read_basemap_file(path); then draw it (tile_renderer.hpp).
// Limits: polygons are lists of rings (first outer, rest holes, not closed: last != first implied).
// Threads: plain data; any thread, no sharing rules beyond those of std::vector.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace bk::map::basemap {

struct MercatorPoint {
    double x_m = 0;  // Web Mercator easting, metres
    double y_m = 0;  // Web Mercator northing, metres (grows to the north)
    friend bool operator==(const MercatorPoint&, const MercatorPoint&) = default;
};

struct MercatorBox {
    double min_x_m = 0, min_y_m = 0, max_x_m = 0, max_y_m = 0;
    bool contains(MercatorPoint p) const {
        return p.x_m >= min_x_m && p.x_m <= max_x_m && p.y_m >= min_y_m && p.y_m <= max_y_m;
    }
    bool intersects(const MercatorBox& o) const {
        return o.min_x_m <= max_x_m && o.max_x_m >= min_x_m && o.min_y_m <= max_y_m && o.max_y_m >= min_y_m;
    }
};

using Ring = std::vector<MercatorPoint>;      // not closed: the edge last -> first is implied
using Polyline = std::vector<MercatorPoint>;
struct Polygon {
    std::vector<Ring> rings;  // rings[0] outer, others holes
};

// OSM highway collapsed as in ../shared PROVENANCE.md (highway_class); order = drawing order (minor first).
enum class RoadClass : std::uint8_t {
    Footway = 0, Pedestrian, Cycleway, Service, Residential, Tertiary, Secondary, Primary, Trunk, Motorway
};
inline constexpr int road_class_count = 10;
const char* to_string(RoadClass c);

enum class RailKind : std::uint8_t { Rail = 0, Tram, LightRail };
inline constexpr int rail_kind_count = 3;
const char* to_string(RailKind k);

struct Road {
    RoadClass road_class = RoadClass::Residential;
    bool bridge = false;
    bool tunnel = false;
    Polyline line;
};

struct RailLine {
    RailKind kind = RailKind::Rail;
    Polyline line;
};

struct Area {        // a named polygon: buurt or district
    std::string name;
    std::string code;  // e.g. tir_code "0320"; may be empty
    Polygon polygon;
};

struct NamedPoint {  // transit stop
    std::string name;
    MercatorPoint point;
};

// Planted green (trees managed as green, a canopy stand-in) or a named park (../shared PROVENANCE.md §5).
enum class GreenKind : std::uint8_t { Planted = 0, Park };
inline constexpr int green_kind_count = 2;
struct GreenArea {
    GreenKind kind = GreenKind::Planted;
    std::string name;  // park name; may be empty for planted green
    Polygon polygon;
};

// A road segment named by the Gemeente Rotterdam tree register (derived, not OSM name tags; PROVENANCE §5).
struct StreetName {
    std::string name;
    RoadClass road_class = RoadClass::Residential;
    bool bridge = false;
    bool high_confidence = false;  // confidence "high" (else "medium")
    Polyline line;
};

// A piece of metro line (deduplicated over the A..E routes that share track); tunnel = underground.
struct MetroLine {
    bool tunnel = false;
    Polyline line;
};

struct Basemap {
    MercatorBox bbox;                   // covers every coordinate below
    std::vector<Polygon> water;
    std::vector<Road> roads;
    std::vector<RailLine> rails;
    std::vector<Polygon> buildings;
    std::vector<Area> buurten;
    std::vector<Area> districts;
    std::vector<NamedPoint> stops;
    std::vector<GreenArea> green;          // format layer 8
    std::vector<StreetName> street_names;  // format layer 9
    std::vector<MetroLine> metro;          // format layer 10
    std::vector<NamedPoint> metro_stations;  // format layer 11
};

// Smallest box around every coordinate of every layer (all zero when the map is empty).
MercatorBox compute_bbox(const Basemap& map);

}  // namespace bk::map::basemap
