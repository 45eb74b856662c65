// WalkGraph — the walkable street and footway network of Delfshaven, baked at build time into our own
// compact ".bkwalk" file, read by WalkRouter (walk_router.hpp).
//
// What: junction nodes + undirected edges; each edge carries its ground length, a street name (from the
// tree-register names in the basemap extract, or none), a bridge flag and its intermediate shape points.
// build_walk_graph() derives it from the committed basemap extract (assets/basemap/delfshaven.bkmap):
//   walkable = footway/path, pedestrian, cycleway, service, residential/living street, tertiary, secondary,
//   primary; never motorway or trunk, never a tunnel (the metro and the Maastunnel stay out). Lines meet where
//   they share a vertex; a line end within 1.5 Mercator m of another line (a T-junction whose vertex the
//   extract simplified away) is joined to it; two surface lines that cross without a shared vertex meet there
//   (a bridge meets a crossing line only within ~15 m of its ends). Only the largest connected piece is kept (so any two snapped
//   points connect). Edges take the name of a parallel named street segment within 16 Mercator m (sidewalks
//   mapped as footways carry their street's name). Chains of degree-2 vertices with the same name and flags
//   become one edge.
// File layout (version 1, little-endian): "BKWG" | u16 version | u16 flags=0 | u32 nodes | u32 edges
//   | u32 shape points | u32 names | u32 CRC-32 of everything after the header (28 bytes);
//   nodes: i32 x, i32 y (Web Mercator, 0.1 m units); edges: u32 a, u32 b, f32 length_m (ground), u16 name
//   (0xFFFF none), u8 flags (1 bridge), u8 road class, u32 first shape point, u32 shape count (a -> b order);
//   shape points: i32 x, i32 y; names: u16 byte length, UTF-8 bytes.
// Usage: auto g = build_walk_graph(basemap); write_walk_graph_file(path, *g);  auto g = read_walk_graph_file(p);
// Errors name the file and offset and what was expected. Limits: < 2^32 of anything, names <= 1024 bytes.
// Threads: plain data and pure functions; any thread.
#pragma once
#include <cstdint>
#include <expected>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "map/basemap/basemap.hpp"
#include "map/error.hpp"

namespace bk::map {

struct WalkEdge {
    std::uint32_t a = 0, b = 0;         // node indices
    float length_m = 0;                 // ground metres along the shape
    std::uint16_t name = 0xFFFF;        // index into WalkGraph::names, 0xFFFF = unnamed
    std::uint8_t flags = 0;             // 1 = bridge
    std::uint8_t road_class = 0;        // basemap::RoadClass
    std::uint32_t shape_begin = 0, shape_count = 0;  // intermediate points a -> b in WalkGraph::shape
    bool bridge() const { return flags & 1; }
};

struct WalkGraph {
    std::vector<basemap::MercatorPoint> nodes;
    std::vector<WalkEdge> edges;
    std::vector<basemap::MercatorPoint> shape;
    std::vector<std::string> names;
};

inline constexpr std::uint16_t walk_no_name = 0xFFFF;
inline constexpr double walk_grid_m = 0.1;

struct WalkBuildReport {
    std::size_t lines_used = 0, joined_ends = 0, joined_crossings = 0, nodes_before = 0, edges_before = 0, dropped_nodes = 0;
    std::size_t named_edges = 0;
};

std::expected<WalkGraph, Error> build_walk_graph(const basemap::Basemap& map, WalkBuildReport* report = nullptr);

std::vector<std::uint8_t> encode_walk_graph(const WalkGraph& g);
std::expected<WalkGraph, Error> decode_walk_graph(std::span<const std::uint8_t> bytes, const std::string& source_name);
std::expected<std::size_t, Error> write_walk_graph_file(const std::filesystem::path& path, const WalkGraph& g);
std::expected<WalkGraph, Error> read_walk_graph_file(const std::filesystem::path& path);

}  // namespace bk::map
