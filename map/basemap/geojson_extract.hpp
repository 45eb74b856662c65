// geojson_extract — derives the compact Basemap from the GeoJSON files in ../shared/data.
//
// What: reads the OSM roads/water/rail, 3D BAG + Rotterdam 3D buildings, TIR buurten/district and transit
// stops, green areas + named parks, tree-register street names and the metro (tunnels inferred); projects
// to Web Mercator; clips lines and polygons (not the buurt/district outlines) to the clip box; simplifies with Douglas–Peucker; drops tiny buildings and holes; keeps only the attributes the baker
// draws (road class + bridge/tunnel, rail kind, buurt name + code, stop name, green kind + park name, street
// name + class + confidence, metro tunnel flag). Output is deterministic.
// Usage: auto map = extract_basemap({.data_dir = "../shared/data"}, &report);
// Errors: missing file, invalid JSON or a feature without the expected geometry/property -> Error whose
// message names the file, feature index and field. Threads: any; allocates ~100 MB while parsing.
#pragma once
#include <expected>
#include <filesystem>
#include <string>

#include "map/basemap/basemap.hpp"
#include "map/basemap/mercator.hpp"
#include "map/error.hpp"

namespace bk::map::basemap {

struct ExtractOptions {
    std::filesystem::path data_dir;          // folder with delfshaven_*.geojson
    LonLatBox clip_box = delfshaven_box;
    // Tolerances in Web Mercator metres; z17 is ~1.19 Mercator m per pixel, so these stay below half a pixel.
    double line_tolerance_m = 0.5;
    double water_tolerance_m = 0.5;
    double building_tolerance_m = 0.35;
    double green_tolerance_m = 1.0;  // tree-canopy stand-ins: soft shapes, a pixel of error at z17 is fine
    // Boundaries keep every vertex (0 = no simplification) so neighbouring buurten still share exact
    // vertices and the baker can draw each shared edge once (one dash pattern, not two).
    double boundary_tolerance_m = 0.0;
    double min_building_ground_m2 = 6.0;  // smaller parts (sheds, dormer slivers) are < 2 px at z17
    double min_hole_ground_m2 = 12.0;
};

struct ExtractReport {
    std::size_t roads = 0, water = 0, rails = 0, buildings = 0, buildings_3dbag = 0, buildings_rotterdam3d = 0;
    std::size_t buildings_dropped_small = 0, buildings_dropped_overlap = 0;
    std::size_t buurten = 0, districts = 0, stops = 0, points_in = 0, points_out = 0;
    std::size_t green = 0, street_names = 0, metro = 0, metro_stations = 0;
};

std::expected<Basemap, Error> extract_basemap(const ExtractOptions& options, ExtractReport* report = nullptr);

}  // namespace bk::map::basemap
